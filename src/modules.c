/* modules.c — the list of areas built into this haiguan, in start-up order, and the
 * combined tables the platform reads. Adding an area is one line here. */
#include "module.h"

#include <stddef.h>

extern const hg_module platform_module;
extern const hg_module audit_module;
extern const hg_module refdata_module;
extern const hg_module calendar_module;
extern const hg_module db_module;
extern const hg_module check_module;
extern const hg_module enterprise_module;
extern const hg_module risk_module;
extern const hg_module tax_module;
extern const hg_module cargo_module;
extern const hg_module stats_module;
extern const hg_module assets_module;

const hg_module *const hg_modules[] = {
    &platform_module,
    &audit_module,
    &refdata_module,
    &calendar_module,
    &db_module,
    &check_module,
    &enterprise_module,
    &risk_module,
    &tax_module,
    &cargo_module,
    &stats_module,
    &assets_module,
    NULL,
};

#define MAX_MODULES 32

const migration *const *modules_migrations(void)
{
    static const migration *sets[MAX_MODULES + 1];
    int n = 0;
    for (const hg_module *const *m = hg_modules; *m && n < MAX_MODULES; m++)
        if ((*m)->migrations)
            sets[n++] = (*m)->migrations;
    sets[n] = NULL;
    return sets;
}

const route *const *modules_routes(void)
{
    static const route *tables[MAX_MODULES + 1];
    int n = 0;
    for (const hg_module *const *m = hg_modules; *m && n < MAX_MODULES; m++)
        if ((*m)->routes)
            tables[n++] = (*m)->routes;
    tables[n] = NULL;
    return tables;
}
