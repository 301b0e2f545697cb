/* vessel_module.c — the one definition of the vessel area that the platform sees. */
#include "../cargo/cargo.h"
#include "../platform/module.h"
#include "vessel.h"

/* vessel_schema.c and vessel_api.c */
extern const migration vessel_migrations[];
extern const route vessel_routes[];
/* vessel_cmd.c */
extern const command vessel_commands[];
extern const hg_job vessel_jobs[];

static const hg_post vessel_posts[] = {
    HG_POST(5, quarantine, "卫生检疫"),
    {0},
};

static const hg_scope vessel_scopes[] = {
    {"vessels", "vessel epidemic prevention"},
    {NULL, NULL},
};

/* Version 230 was shipped while the disinfection records lived in cargo (vessel_schema.c). */
static const int vessel_legacy_migrations[] = {230, 0};

static const record_type *const vessel_records[] = {
    &disinfection_record, &vessel_call_record,   &vessel_boarding_record,
    &vessel_order_record, &vessel_rule_record,   &vessel_risk_port_record,
    &vessel_task_record,  &vessel_sample_record, NULL};

/* What the vessel area contributes to cargo's extension points: the disinfection record's
 * no-unloading order and the orders on a call. */
static const hg_extension vessel_extends[] = {
    {CARGO_MANIFEST_HOLDS, &vessel_no_unloading_hold},
    {CARGO_MANIFEST_HOLDS, &vessel_order_hold},
    {NULL, NULL},
};

const hg_module vessel_module = {
    .name = "vessel",
    .summary = "vessel epidemic warning and disposal: arrival declarations, warning levels, tasks, "
               "crew testing, orders, disinfection supervision records",
    .migrations = vessel_migrations,
    .migrations_first = 700,
    .migrations_last = 799,
    .migrations_legacy = vessel_legacy_migrations,
    .routes = vessel_routes,
    .commands = vessel_commands,
    .jobs = vessel_jobs,
    .posts = vessel_posts,
    .scopes = vessel_scopes,
    .records = vessel_records,
    .demo = vessel_demo,
    .extends = vessel_extends};
