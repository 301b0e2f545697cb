/* vessel_schema.c — the vessel area's migrations. A shipped migration is never edited or
 * renumbered: version 230 was shipped while the disinfection records lived in cargo, so it
 * keeps its number in cargo's range (a recorded exception, vessel_module.c); new vessel
 * migrations take 700-799. */
#include "../platform/db.h"
#include "vessel.h"

const migration vessel_migrations[] = {
    {230, "disinfection supervision",
     "CREATE TABLE disinfections ("
     " record_no TEXT PRIMARY KEY, manifest_no TEXT NOT NULL REFERENCES manifests(manifest_no), port TEXT NOT NULL,"
     " started_at BIGINT NOT NULL, ended_at BIGINT NOT NULL, company TEXT NOT NULL, disinfectant TEXT NOT NULL,"
     " areas TEXT NOT NULL, crew_positive BIGINT NOT NULL, outcome TEXT NOT NULL, officer TEXT NOT NULL,"
     " created_ms BIGINT NOT NULL);"
     "CREATE INDEX disinfections_manifest ON disinfections(manifest_no);",
     NULL, NULL},
    {710, "no-unloading orders are lifted by an officer",
     "ALTER TABLE disinfections ADD COLUMN lifted_ms BIGINT;"
     "ALTER TABLE disinfections ADD COLUMN lifted_by TEXT;"
     "CREATE INDEX disinfections_open_orders ON disinfections(manifest_no, outcome, lifted_ms);",
     NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};
