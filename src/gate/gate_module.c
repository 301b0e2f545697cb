/* gate_module.c — the one definition of the gate area that the platform sees. */
#include "../platform/module.h"
#include "gate.h"

/* gate_schema.c and gate_api.c */
extern const migration gate_migrations[];
extern const route gate_routes[];

const hg_module gate_module = {.name = "gate", .migrations = gate_migrations, .routes = gate_routes};
