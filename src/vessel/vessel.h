/* vessel.h — vessel epidemic prevention (船舶疫情防控): so far the supervision records of the
 * disinfection of refrigerated cargo unloading (DESIGN.md §5: bulk refrigerated cargo is
 * unloaded under supervised disinfection; crew testing positive means no unloading and the
 * vessel leaves). The vessel epidemic warning issue grows this area; it stands on cargo,
 * whose manifests name the vessels.
 *
 * Ownership: every json_t handed back through an out-parameter belongs to the caller; the
 * record types are static. */
#ifndef HG_VESSEL_H
#define HG_VESSEL_H

#include <jansson.h>

#include "../platform/auth.h"
#include "../platform/db.h"
#include "../platform/record.h"

/* A disinfection supervision record: the record described once (disinfection_store.c). */
extern const record_type disinfection_record;
hg_rc disinfection_create(db *d, const principal *who, const char *request_id, const json_t *body, json_t **out,
                          hg_err *err);
hg_rc disinfection_list(db *d, const char *cursor, int limit, json_t **out, hg_err *err);
/* An officer lifts a no-unloading order (409 when the record is none, or already lifted). */
hg_rc disinfection_lift(db *d, const principal *who, const char *request_id, const char *record_no, json_t **out,
                        hg_err *err);
/* The order as cargo's CARGO_MANIFEST_HOLDS row (disinfection_store.c). */
struct cargo_manifest_hold;
extern const struct cargo_manifest_hold vessel_no_unloading_hold;

#endif
