/* vessel_module.c — the one definition of the vessel area that the platform sees. */
#include "../platform/module.h"
#include "vessel.h"

/* vessel_schema.c and vessel_api.c */
extern const migration vessel_migrations[];
extern const route vessel_routes[];

const hg_module vessel_module = {.name = "vessel", .migrations = vessel_migrations, .routes = vessel_routes};
