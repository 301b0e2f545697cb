/* health_schema.c — the health area's migrations (600-699). A shipped migration is never
 * edited or renumbered. The health answers (address, contact, fever cluster, symptoms,
 * antipyretics, visits; the findings and temperatures of checks) are nullable: the retention
 * purge empties them and keeps the rest (docs/health.md). */
#include "../platform/db.h"
#include "health.h"

const migration health_migrations[] = {
    {600, "passenger health quarantine",
     "CREATE TABLE health_qr_keys (key_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, created_ms BIGINT NOT NULL);"
     "CREATE TABLE health_declarations ("
     " id TEXT PRIMARY KEY, name TEXT NOT NULL, name_mrz TEXT NOT NULL, sex TEXT NOT NULL, birth_date TEXT NOT NULL,"
     " nationality TEXT NOT NULL, document_type TEXT NOT NULL, document_no TEXT NOT NULL, mrz TEXT,"
     " flight_no TEXT NOT NULL, seat TEXT NOT NULL, port TEXT NOT NULL, entry_date TEXT NOT NULL, address TEXT,"
     " phone TEXT NOT NULL, contact_cases BIGINT, fever_cluster BIGINT, symptoms_other TEXT, antipyretics BIGINT,"
     " warning_accepted BIGINT NOT NULL, language TEXT, key_id TEXT, answers_hash TEXT NOT NULL,"
     " created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL, purged_ms BIGINT, token_hash TEXT UNIQUE);"
     "CREATE INDEX health_declarations_flight ON health_declarations(flight_no, entry_date);"
     "CREATE INDEX health_declarations_created ON health_declarations(created_ms);"
     "CREATE TABLE health_visits (declaration_id TEXT NOT NULL REFERENCES health_declarations(id),"
     " line_no BIGINT NOT NULL, country TEXT NOT NULL, arrived_on TEXT NOT NULL, left_on TEXT NOT NULL,"
     " PRIMARY KEY (declaration_id, line_no));"
     "CREATE TABLE health_symptoms (declaration_id TEXT NOT NULL REFERENCES health_declarations(id),"
     " line_no BIGINT NOT NULL, symptom TEXT NOT NULL, PRIMARY KEY (declaration_id, line_no));"
     "CREATE TABLE health_flights ("
     " id TEXT PRIMARY KEY, flight_no TEXT NOT NULL, origin TEXT NOT NULL, port TEXT NOT NULL,"
     " scheduled_ms BIGINT NOT NULL, passengers BIGINT NOT NULL, crew BIGINT NOT NULL, local_date TEXT NOT NULL,"
     " landed_ms BIGINT, samples_sent_ms BIGINT, recorded_by TEXT NOT NULL, UNIQUE (flight_no, local_date));"
     "CREATE INDEX health_flights_date ON health_flights(local_date);"
     "CREATE TABLE health_boardings (flight_id TEXT PRIMARY KEY REFERENCES health_flights(id),"
     " started_ms BIGINT NOT NULL, ended_ms BIGINT NOT NULL, findings TEXT NOT NULL, flagged BIGINT NOT NULL,"
     " officer TEXT NOT NULL);"
     "CREATE TABLE health_travellers ("
     " barcode TEXT PRIMARY KEY, declaration_id TEXT NOT NULL UNIQUE REFERENCES health_declarations(id),"
     " flight_id TEXT NOT NULL REFERENCES health_flights(id), scanned_ms BIGINT NOT NULL, scanned_by TEXT NOT NULL,"
     " flags TEXT NOT NULL, status TEXT NOT NULL, outcome_ms BIGINT, outcome_by TEXT);"
     "CREATE INDEX health_travellers_flight ON health_travellers(flight_id, barcode);"
     "CREATE TABLE health_checks ("
     " id TEXT PRIMARY KEY, barcode TEXT NOT NULL REFERENCES health_travellers(barcode), kind TEXT NOT NULL,"
     " temperature_dc BIGINT, findings TEXT, abnormal BIGINT, at_ms BIGINT NOT NULL, recorded_by TEXT NOT NULL);"
     "CREATE INDEX health_checks_barcode ON health_checks(barcode);"
     "CREATE TABLE health_samples ("
     " sample_no TEXT PRIMARY KEY, barcode TEXT NOT NULL REFERENCES health_travellers(barcode), kind TEXT NOT NULL,"
     " taken_ms BIGINT NOT NULL, taken_by TEXT NOT NULL, sent_ms BIGINT, result TEXT, result_ms BIGINT,"
     " result_by TEXT);"
     "CREATE INDEX health_samples_barcode ON health_samples(barcode);"
     "CREATE TABLE health_handovers ("
     " barcode TEXT PRIMARY KEY REFERENCES health_travellers(barcode), vehicle TEXT NOT NULL, unit TEXT NOT NULL,"
     " person TEXT NOT NULL, reason TEXT NOT NULL, handed_ms BIGINT NOT NULL, officer TEXT NOT NULL, ack_ms BIGINT,"
     " ack_by TEXT, ack_person TEXT, alarm_ms BIGINT, ack_token_hash TEXT UNIQUE);",
     NULL, NULL},
    {601, "travellers flagged on board, a list by seat instead of a count",
     "CREATE TABLE health_boarding_flags (flight_id TEXT NOT NULL REFERENCES health_flights(id),"
     " line_no BIGINT NOT NULL, seat TEXT NOT NULL, name TEXT, reason TEXT, PRIMARY KEY (flight_id, line_no));",
     NULL, NULL},
    {602, "crew members of inbound ships who tested positive, followed up by the health area",
     "CREATE TABLE health_crew_cases (barcode TEXT PRIMARY KEY, call_no TEXT NOT NULL, imo TEXT, port TEXT,"
     " line_no BIGINT NOT NULL, reported_ms BIGINT NOT NULL, reported_by TEXT NOT NULL);"
     "CREATE INDEX health_crew_cases_reported ON health_crew_cases(reported_ms);",
     NULL, NULL},
    {603, "travellers arriving by sea: the transport of a declaration and of an arrival",
     "ALTER TABLE health_declarations ADD COLUMN transport TEXT NOT NULL DEFAULT 'flight';"
     "ALTER TABLE health_flights ADD COLUMN transport TEXT NOT NULL DEFAULT 'flight';",
     NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};
