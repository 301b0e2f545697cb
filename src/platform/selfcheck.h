/* selfcheck.h — the checks that keep the modules' shape (AREAS.md, "A self-check"), over the
 * module records: migrations inside their module's range, no range claimed twice, no two
 * routes on one method and pattern, every route's scope and posts registered, no post or
 * scope declared twice, every importer with its help, every job with its summary and a name
 * of its own, and every field table matching the migrated schema. `haiguan selfcheck` runs them on the modules built in; the unit tests run
 * them on planted records. The source-level checks (include direction, cycles, foreign SQL,
 * documented routes) are tools/check_modules.py's.
 *
 * Each check calls report once per problem found and returns how many it found. */
#ifndef HG_SELFCHECK_H
#define HG_SELFCHECK_H

#include "module.h"

typedef void (*selfcheck_report)(void *arg, const char *module, const char *problem);

int selfcheck_migrations(const hg_module *const *mods, selfcheck_report report, void *arg);
int selfcheck_routes(const hg_module *const *mods, selfcheck_report report, void *arg);
int selfcheck_registry(const hg_module *const *mods, selfcheck_report report, void *arg);
int selfcheck_importers(const hg_module *const *mods, selfcheck_report report, void *arg);
int selfcheck_jobs(const hg_module *const *mods, selfcheck_report report, void *arg);
/* d: a database migrated with the modules' migrations (a fault is reported as a problem). */
int selfcheck_schema(db *d, const hg_module *const *mods, selfcheck_report report, void *arg);

/* All of them, on a fresh in-memory SQLite database for the schema. */
int selfcheck_all(const hg_module *const *mods, selfcheck_report report, void *arg);

#endif
