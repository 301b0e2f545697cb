/* gate_schema.c — the gate area's migrations. A shipped migration is never edited or
 * renumbered: version 250 was shipped while the gate lived in cargo, so it keeps its number
 * in cargo's range (a recorded exception, gate_module.c); new gate migrations take 500-599. */
#include "../platform/db.h"
#include "gate.h"

const migration gate_migrations[] = {
    {250, "gate exits of released goods",
     "ALTER TABLE declarations ADD COLUMN gate_out_ms BIGINT;"
     "CREATE INDEX declarations_released ON declarations(released_ms, entry_no);"
     "CREATE TABLE gate_exits ("
     " id TEXT PRIMARY KEY, entry_no TEXT NOT NULL REFERENCES declarations(entry_no), container TEXT,"
     " vehicle TEXT, gate TEXT NOT NULL, at_ms BIGINT NOT NULL, recorded_by TEXT NOT NULL);"
     "CREATE INDEX gate_exits_entry ON gate_exits(entry_no);",
     NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};
