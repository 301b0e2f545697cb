/* vessel_schema.c — the vessel area's migrations. A shipped migration is never edited or
 * renumbered: version 230 was shipped while the disinfection records lived in cargo, so it
 * keeps its number in cargo's range (a recorded exception, vessel_module.c); new vessel
 * migrations take 700-799 (711: the arrival declarations and all that follows them). */
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
    {711, "vessel arrival declarations, their lists and amendments, warning rules, tasks, samples and orders",
     "CREATE TABLE vessel_calls ("
     " call_no TEXT PRIMARY KEY, agent TEXT NOT NULL, vessel_name TEXT NOT NULL, imo TEXT NOT NULL,"
     " call_sign TEXT NOT NULL, flag TEXT NOT NULL, gross_tonnage BIGINT NOT NULL, voyage TEXT NOT NULL,"
     " port TEXT NOT NULL, arrival_port TEXT NOT NULL, eta_ms BIGINT NOT NULL, purpose TEXT NOT NULL,"
     " cargo_kind TEXT NOT NULL, sanitation_cert TEXT NOT NULL, cert_place TEXT, cert_issued_on TEXT,"
     " affected_area BIGINT NOT NULL, affected_area_details TEXT, joined BIGINT NOT NULL,"
     " q1_death BIGINT NOT NULL, q1_death_details TEXT,"
     " q2_infectious BIGINT NOT NULL, q2_infectious_details TEXT,"
     " q3_ill_excess BIGINT NOT NULL, q3_ill_excess_details TEXT,"
     " q4_ill_now BIGINT NOT NULL, q4_ill_now_details TEXT,"
     " q5_practitioner BIGINT NOT NULL, q5_practitioner_details TEXT,"
     " q6_condition BIGINT NOT NULL, q6_condition_details TEXT,"
     " q7_measure BIGINT NOT NULL, q7_measure_details TEXT,"
     " q8_stowaways BIGINT NOT NULL, q8_stowaways_details TEXT,"
     " q9_sick_animal BIGINT NOT NULL, q9_sick_animal_details TEXT,"
     " status TEXT NOT NULL, level TEXT NOT NULL, reasons TEXT NOT NULL, late BIGINT NOT NULL,"
     " testing_required BIGINT NOT NULL, version BIGINT NOT NULL, pratique TEXT, pratique_reason TEXT,"
     " pratique_by TEXT, reported_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL, arrived_ms BIGINT,"
     " departed_ms BIGINT);"
     "CREATE INDEX vessel_calls_imo ON vessel_calls(imo, eta_ms);"
     "CREATE INDEX vessel_calls_eta ON vessel_calls(eta_ms);"
     "CREATE INDEX vessel_calls_agent ON vessel_calls(agent, call_no);"
     "CREATE TABLE vessel_call_ports (call_no TEXT NOT NULL REFERENCES vessel_calls(call_no),"
     " line_no BIGINT NOT NULL, locode TEXT NOT NULL, arrived_on TEXT NOT NULL, left_on TEXT NOT NULL,"
     " PRIMARY KEY (call_no, line_no));"
     "CREATE TABLE vessel_persons (call_no TEXT NOT NULL REFERENCES vessel_calls(call_no),"
     " line_no BIGINT NOT NULL, kind TEXT NOT NULL, family_name TEXT NOT NULL, given_name TEXT NOT NULL,"
     " rank TEXT, nationality TEXT NOT NULL, birth_date TEXT NOT NULL, document_type TEXT NOT NULL,"
     " document_no TEXT NOT NULL, document_state TEXT NOT NULL, document_expiry TEXT NOT NULL, mrz TEXT,"
     " embarked_port TEXT NOT NULL, embarked_on TEXT NOT NULL, temperature_dc BIGINT, symptoms TEXT,"
     " test_on TEXT, test_result TEXT, PRIMARY KEY (call_no, line_no));"
     "CREATE TABLE vessel_call_versions (call_no TEXT NOT NULL REFERENCES vessel_calls(call_no),"
     " version BIGINT NOT NULL, at_ms BIGINT NOT NULL, actor TEXT NOT NULL, body TEXT NOT NULL,"
     " PRIMARY KEY (call_no, version));"
     "CREATE TABLE vessel_timeline (call_no TEXT NOT NULL REFERENCES vessel_calls(call_no),"
     " seq BIGINT NOT NULL, at_ms BIGINT NOT NULL, actor TEXT NOT NULL, event TEXT NOT NULL, detail TEXT,"
     " PRIMARY KEY (call_no, seq));"
     "CREATE TABLE vessel_boardings (call_no TEXT PRIMARY KEY REFERENCES vessel_calls(call_no),"
     " started_ms BIGINT NOT NULL, ended_ms BIGINT NOT NULL, crew_screened BIGINT NOT NULL,"
     " findings TEXT NOT NULL, officer TEXT NOT NULL);"
     "CREATE TABLE vessel_orders (order_no TEXT PRIMARY KEY, call_no TEXT NOT NULL REFERENCES vessel_calls(call_no),"
     " kind TEXT NOT NULL, reason TEXT NOT NULL, issued_by TEXT NOT NULL, issued_ms BIGINT NOT NULL,"
     " lifted_ms BIGINT, lifted_by TEXT, lift_reason TEXT);"
     "CREATE INDEX vessel_orders_call ON vessel_orders(call_no, lifted_ms);"
     "CREATE TABLE vessel_tasks (task_no TEXT PRIMARY KEY, call_no TEXT NOT NULL REFERENCES vessel_calls(call_no),"
     " kind TEXT NOT NULL, post TEXT NOT NULL, deadline_ms BIGINT NOT NULL, status TEXT NOT NULL, result TEXT,"
     " done_by TEXT, done_ms BIGINT, created_ms BIGINT NOT NULL);"
     "CREATE INDEX vessel_tasks_call ON vessel_tasks(call_no, kind, status);"
     "CREATE INDEX vessel_tasks_queue ON vessel_tasks(post, status, deadline_ms);"
     "CREATE TABLE vessel_samples (barcode TEXT PRIMARY KEY, call_no TEXT NOT NULL REFERENCES vessel_calls(call_no),"
     " line_no BIGINT NOT NULL, person TEXT NOT NULL, result TEXT, result_by TEXT, result_ms BIGINT,"
     " created_ms BIGINT NOT NULL);"
     "CREATE INDEX vessel_samples_call ON vessel_samples(call_no);"
     "CREATE TABLE vessel_risk_ports (locode TEXT PRIMARY KEY, level TEXT NOT NULL, note TEXT NOT NULL,"
     " set_by TEXT NOT NULL, set_ms BIGINT NOT NULL);"
     "CREATE TABLE vessel_rules (code TEXT PRIMARY KEY, kind TEXT NOT NULL, param BIGINT NOT NULL,"
     " level TEXT NOT NULL, active BIGINT NOT NULL, explanation TEXT NOT NULL, updated_by TEXT NOT NULL,"
     " updated_ms BIGINT NOT NULL);"
     /* the defaults (issue 19, from GACC's April 2020 rule and the September 2020 crew rule;
      * docs/vessel.md): a mask's bit q is MDH question q */
     "INSERT INTO vessel_rules VALUES"
     " ('fever', 'fever', 373, 'lock', 1, 'a temperature of 37.3 °C or more aboard: locked for 100% boarding', "
     "'migration', 0),"
     " ('mdh_symptoms', 'mdh_yes', 94, 'lock', 1, 'a yes to MDH questions 1-4 or 6: locked for 100% boarding', "
     "'migration', 0),"
     " ('mdh_other', 'mdh_yes', 928, 'board', 1, 'a yes to MDH questions 5, 7, 8 or 9: boarding quarantine', "
     "'migration', 0),"
     " ('risk_port', 'risk_port', 14, 'board', 1, 'a port of call on the high-risk list within 14 days: board or lock "
     "as the list says', 'migration', 0),"
     " ('joined_untested', 'joined_untested', 14, 'board', 1, 'crew joined within 14 days without a negative test "
     "within 3 days before boarding', 'migration', 0),"
     " ('certificate', 'certificate', 0, 'board', 1, 'no valid ship sanitation certificate (SSCEC/SSCC, six months)', "
     "'migration', 0),"
     " ('affected_area', 'affected_area', 0, 'board', 1, 'a visit to an affected area declared in the MDH', "
     "'migration', 0),"
     " ('joined_crosscheck', 'joined_crosscheck', 30, 'board', 1, 'the MDH persons joined differs from the lists', "
     "'migration', 0),"
     " ('late_report', 'late_report', 24, 'board', 1, 'declared less than 24 hours before arrival: no radio pratique', "
     "'migration', 0),"
     " ('cold_chain_testing', 'cold_chain_testing', 0, 'radio_pratique', 1, 'refrigerated cargo: crew tested on "
     "application', 'migration', 0),"
     " ('repair_testing', 'repair_testing', 0, 'radio_pratique', 1, 'in for repair: crew tested on application', "
     "'migration', 0),"
     " ('history', 'history', 30, 'board', 1, 'the ship had a positive crew member or a no-unloading order at a call "
     "within 30 days', 'migration', 0);",
     NULL, NULL},
    {712, "the retention purge of crew data: when a call's and a version's were purged",
     "ALTER TABLE vessel_calls ADD COLUMN purged_ms BIGINT;"
     "ALTER TABLE vessel_call_versions ADD COLUMN purged_ms BIGINT;",
     NULL, NULL},
    {713, "the supervision of a refrigerated cargo's disinfection is the inspection post's task",
     "UPDATE vessel_tasks SET post = 'inspection' WHERE kind = 'disinfection';", NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};
