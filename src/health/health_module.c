/* health_module.c — the one definition of the passenger health area that the platform sees.
 * The quarantine post (卫生检疫) is vessel's, which registered it first; the health scope moved
 * here from the announced areas. */
#include "../platform/event.h"
#include "../platform/module.h"
#include "health.h"

/* health_schema.c, health_api.c, health_cmd.c, health_demo.c */
extern const migration health_migrations[];
extern const route health_routes[];
extern const command health_commands[];
extern const hg_job health_jobs[];
extern const event_subscription health_subscriptions[]; /* crew_store.c */
hg_rc health_demo(db *d, hg_err *err);

static const hg_scope health_scopes[] = {
    {"health", "passenger health quarantine: flights, the counter, outcomes, the dashboard"},
    {"handover", "acknowledging handovers of travellers (the receiving health authority's machine)"},
    {NULL, NULL},
};

static const demo_signin health_signins[] = {
    {.name = "quarantine",
     .role = ROLE_OFFICER,
     .posts = "quarantine",
     .password = "quarantine-demo-2026",
     .what = "a quarantine officer: boarding, the counter, outcomes",
     .display_name = "孙丽"},
    {.name = "cdc01",
     .role = ROLE_SYSTEM,
     .what = "the receiving health authority's machine: handover receipts",
     .token_scopes = "handover"},
    {.name = NULL},
};

static const record_type *const health_records[] = {&health_declaration_record,
                                                    &health_flight_record,
                                                    &health_boarding_record,
                                                    &health_check_record,
                                                    &health_sample_record,
                                                    &health_handover_record,
                                                    NULL};

const hg_module health_module = {.name = "health",
                                 .summary = "passenger health quarantine: declarations, QR codes, one barcode "
                                            "from counter to result, handovers",
                                 .migrations = health_migrations,
                                 .migrations_first = 600,
                                 .migrations_last = 699,
                                 .routes = health_routes,
                                 .commands = health_commands,
                                 .scopes = health_scopes,
                                 .machine_scopes = (const char *const[]){"handover", NULL},
                                 .demo = health_demo,
                                 .demo_signins = health_signins,
                                 .records = health_records,
                                 .jobs = health_jobs,
                                 .subscriptions = health_subscriptions};
