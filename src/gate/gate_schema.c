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
    /* the gates of a site and their lanes, the controllers bound to a gate, the cards read at
     * the lanes, and every event a gate posts with the decision it was given (自动留痕):
     * events are never changed (triggers), what follows a hold is a row of gate_holds */
    {500, "gates, lanes, controllers, cards and gate events",
     "CREATE TABLE gate_gates ("
     " code TEXT PRIMARY KEY, name TEXT NOT NULL, site TEXT NOT NULL, kind TEXT NOT NULL,"
     " conditions TEXT, created_by TEXT NOT NULL, created_ms BIGINT NOT NULL);"
     "CREATE TABLE gate_lanes ("
     " gate TEXT NOT NULL REFERENCES gate_gates(code), line_no BIGINT NOT NULL, lane_no BIGINT NOT NULL,"
     " direction TEXT NOT NULL, PRIMARY KEY (gate, line_no));"
     "CREATE UNIQUE INDEX gate_lanes_no ON gate_lanes(gate, lane_no);"
     "CREATE TABLE gate_controllers ("
     " user_name TEXT PRIMARY KEY, gate TEXT NOT NULL REFERENCES gate_gates(code), bound_by TEXT NOT NULL,"
     " bound_ms BIGINT NOT NULL);"
     "CREATE TABLE gate_cards ("
     " card_no TEXT PRIMARY KEY, kind TEXT NOT NULL, plate TEXT, vin TEXT, holder TEXT NOT NULL,"
     " status TEXT NOT NULL, replaced_by TEXT, issued_by TEXT NOT NULL, issued_ms BIGINT NOT NULL,"
     " updated_ms BIGINT NOT NULL);"
     "CREATE INDEX gate_cards_plate ON gate_cards(plate);"
     "CREATE INDEX gate_cards_vin ON gate_cards(vin);"
     "CREATE INDEX gate_cards_holder ON gate_cards(holder, card_no);"
     "CREATE TABLE gate_events ("
     " seq BIGINT PRIMARY KEY, gate TEXT NOT NULL, event_id TEXT NOT NULL, lane_no BIGINT NOT NULL,"
     " direction TEXT NOT NULL, at_ms BIGINT NOT NULL, received_ms BIGINT NOT NULL, controller TEXT NOT NULL,"
     " card_no TEXT, plate TEXT, containers TEXT, vins TEXT, offline BIGINT NOT NULL, decision TEXT NOT NULL,"
     " conditions TEXT NOT NULL, body_hash TEXT NOT NULL, answer TEXT NOT NULL, decision_us BIGINT NOT NULL);"
     "CREATE UNIQUE INDEX gate_events_id ON gate_events(gate, event_id);"
     "CREATE INDEX gate_events_at ON gate_events(at_ms, seq);"
     "CREATE INDEX gate_events_plate ON gate_events(plate, seq);"
     "CREATE INDEX gate_events_card ON gate_events(card_no, seq);"
     /* what an event can be found by: each container and VIN it read */
     "CREATE TABLE gate_event_keys (value TEXT NOT NULL, seq BIGINT NOT NULL REFERENCES gate_events(seq),"
     " PRIMARY KEY (value, seq));"
     "CREATE TABLE gate_holds ("
     " seq BIGINT PRIMARY KEY REFERENCES gate_events(seq), gate TEXT NOT NULL, status TEXT NOT NULL,"
     " reasons TEXT NOT NULL, opened_ms BIGINT NOT NULL, closed_ms BIGINT, closed_by TEXT, note TEXT);"
     "CREATE INDEX gate_holds_status ON gate_holds(status, seq);"
     "ALTER TABLE gate_exits ADD COLUMN vin TEXT;"
     "ALTER TABLE gate_exits ADD COLUMN event_seq BIGINT;"
     "CREATE INDEX gate_exits_vin ON gate_exits(vin);",
     "CREATE TRIGGER gate_events_no_update BEFORE UPDATE ON gate_events"
     " BEGIN SELECT RAISE(ABORT, 'gate events are append-only'); END;"
     "CREATE TRIGGER gate_events_no_delete BEFORE DELETE ON gate_events"
     " BEGIN SELECT RAISE(ABORT, 'gate events are append-only'); END;",
     "CREATE FUNCTION gate_events_append_only() RETURNS trigger LANGUAGE plpgsql AS"
     " $$ BEGIN RAISE EXCEPTION 'gate events are append-only'; END $$;"
     "CREATE TRIGGER gate_events_no_change BEFORE UPDATE OR DELETE ON gate_events"
     " FOR EACH ROW EXECUTE FUNCTION gate_events_append_only();"},
    {0, NULL, NULL, NULL, NULL},
};
