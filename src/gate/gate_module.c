/* gate_module.c — the one definition of the gate area that the platform sees. */
#include "../cargo/cargo.h"
#include "../platform/audit.h"
#include "../platform/cmd.h"
#include "../platform/module.h"
#include "gate.h"
#include "gate_store.h"

/* gate_schema.c, gate_api.c and gate_demo.c */
extern const cargo_demo_departure gate_demo_departure;
hg_rc gate_demo(db *d, hg_err *err);
extern const migration gate_migrations[];
extern const route gate_routes[];
extern const command gate_commands[];
extern const importer gate_importers[];

static const hg_post gate_posts[] = {
    HG_POST(4, gate, "卡口"),
    {0},
};

static const hg_scope gate_scopes[] = {
    {"gate", "the smart gate: release feed, gate exits, gates, cards, gate events and holds"},
    {NULL, NULL},
};

/* Version 250 was shipped while the gate lived in cargo (gate_schema.c). */
static const int gate_legacy_migrations[] = {250, 0};

static const demo_signin gate_signins[] = {
    {.name = "gate01",
     .role = ROLE_SYSTEM,
     .what = "the controller of gate DYW1 (大窑湾1号卡口)",
     .token_scopes = "gate"},
    {.name = "gate02",
     .role = ROLE_SYSTEM,
     .what = "the controller of gate DYW2 (大窑湾2号卡口)",
     .token_scopes = "gate"},
    {.name = "cargate01",
     .role = ROLE_SYSTEM,
     .what = "the controller of the car terminal's gate QCMT",
     .token_scopes = "gate"},
    {.name = "officer",
     .role = ROLE_OFFICER,
     .posts = "gate",
     .password = "officer-demo-2026",
     .what = "an officer of every demo post"},
    {.name = NULL},
};

/* What the gate contributes to cargo's extension points. */
static const hg_extension gate_extends[] = {
    {CARGO_DEMO_DEPARTURES, &gate_demo_departure},
    {AUDIT_RECONCILERS, &gate_reconciler},
    {NULL, NULL},
};

static const record_type *const gate_records[] = {&gate_exit_record, &gate_record, &gate_card_record, NULL};

const hg_module gate_module = {
    .name = "gate",
    .summary = "the smart gate: release records, gate exits, gates and lanes, cards, gate events and holds",
    .migrations = gate_migrations,
    .migrations_first = 500,
    .migrations_last = 599,
    .migrations_legacy = gate_legacy_migrations,
    .routes = gate_routes,
    .commands = gate_commands,
    .importers = gate_importers,
    .posts = gate_posts,
    .scopes = gate_scopes,
    .machine_scopes = (const char *const[]){"gate", NULL},
    .demo_signins = gate_signins,
    .demo = gate_demo,
    .extends = gate_extends,
    .records = gate_records};
