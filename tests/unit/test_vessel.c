/* test_vessel.c — the pure parts of vessel epidemic warning: the level the default rules give
 * (GACC April 2020, the September 2020 crew rule, IHR 2005), each firing rule with its reason;
 * the MDH/crew-list cross-check; the sanitation certificate's six months; the call sign; what the
 * agent is told to do next. Each rule has a case where it fires and one where it does not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "platform/calendar.h"
#include "vessel/vessel.h"

/* The defaults of migration 711. */
static const vessel_rule rules[] = {
    {"fever", "fever", 373, VESSEL_LOCK, 1, ""},
    {"mdh_symptoms", "mdh_yes", 94, VESSEL_LOCK, 1, ""},
    {"mdh_other", "mdh_yes", 928, VESSEL_BOARD, 1, ""},
    {"risk_port", "risk_port", 14, VESSEL_BOARD, 1, ""},
    {"joined_untested", "joined_untested", 14, VESSEL_BOARD, 1, ""},
    {"certificate", "certificate", 0, VESSEL_BOARD, 1, ""},
    {"affected_area", "affected_area", 0, VESSEL_BOARD, 1, ""},
    {"joined_crosscheck", "joined_crosscheck", 30, VESSEL_BOARD, 1, ""},
    {"late_report", "late_report", 24, VESSEL_BOARD, 1, ""},
    {"cold_chain_testing", "cold_chain_testing", 0, VESSEL_RADIO, 1, ""},
    {"repair_testing", "repair_testing", 0, VESSEL_RADIO, 1, ""},
    {"history", "history", 30, VESSEL_BOARD, 1, ""},
};
#define NRULES ((int)(sizeof rules / sizeof rules[0]))

static int64_t eta_ms, eta_day;
static vessel_person_facts crew[3];
static vessel_port_facts ports[1];

/* A clean call: a valid certificate, reported two days ahead, two crew long aboard. */
static vessel_facts clean(void)
{
    eta_day = calendar_days_from_civil(2026, 12, 10);
    eta_ms = calendar_day_start_ms(eta_day) + 10 * 3600000LL;
    crew[0] =
        (vessel_person_facts){.name = "SANTOS JOSE", .crew = 1, .embarked_day = eta_day - 90, .temperature_dc = 365};
    crew[1] =
        (vessel_person_facts){.name = "REYES MARIO", .crew = 1, .embarked_day = eta_day - 60, .temperature_dc = 362};
    ports[0] = (vessel_port_facts){.locode = "KRPUS", .left_day = eta_day - 3, .list_level = -1};
    return (vessel_facts){.eta_ms = eta_ms,
                          .reported_ms = eta_ms - 48 * 3600000LL,
                          .cert_carried = 1,
                          .cert_issued_day = eta_day - 60,
                          .persons = crew,
                          .n_persons = 2,
                          .ports = ports,
                          .n_ports = 1};
}

static int assess(const vessel_facts *f, const char *only_rule)
{
    vessel_reason reasons[VESSEL_MAX_REASONS];
    int n = 0, testing = 0;
    int level = vessel_assess(f, rules, NRULES, reasons, &n, &testing);
    if (only_rule) {
        assert_int_equal(n, 1);
        assert_string_equal(reasons[0].rule, only_rule);
    }
    return level;
}

static void clean_ship_radio_pratique(void **state)
{
    (void)state;
    vessel_facts f = clean();
    vessel_reason reasons[VESSEL_MAX_REASONS];
    int n = -1, testing = -1;
    assert_int_equal(vessel_assess(&f, rules, NRULES, reasons, &n, &testing), VESSEL_RADIO);
    assert_int_equal(n, 0);
    assert_int_equal(testing, 0);
}

static void fever_and_questions_lock(void **state)
{
    (void)state;
    /* GACC April 2020: fever (37.3 °C, the national threshold) locks; 37.2 does not */
    vessel_facts f = clean();
    crew[1].temperature_dc = 372;
    assert_int_equal(assess(&f, NULL), VESSEL_RADIO);
    crew[1].temperature_dc = 373;
    assert_int_equal(assess(&f, "fever"), VESSEL_LOCK);
    /* a yes to questions 1-4 or 6 locks; 5, 7, 8, 9 board */
    f = clean();
    for (int q = 1; q <= 9; q++) {
        f.yes_mask = 1 << q;
        assert_int_equal(assess(&f, (q <= 4 || q == 6) ? "mdh_symptoms" : "mdh_other"),
                         (q <= 4 || q == 6) ? VESSEL_LOCK : VESSEL_BOARD);
    }
}

static void ports_certificate_area_late(void **state)
{
    (void)state;
    vessel_facts f = clean();
    ports[0].list_level = VESSEL_LOCK; /* the list gives the level */
    assert_int_equal(assess(&f, "risk_port"), VESSEL_LOCK);
    ports[0].list_level = VESSEL_BOARD;
    assert_int_equal(assess(&f, "risk_port"), VESSEL_BOARD);
    ports[0].left_day = eta_day - 15; /* beyond 14 days */
    assert_int_equal(assess(&f, NULL), VESSEL_RADIO);
    /* IHR 2005 art. 39: six months */
    f = clean();
    f.cert_issued_day = calendar_days_from_civil(2026, 6, 10);
    assert_int_equal(assess(&f, NULL), VESSEL_RADIO);
    f.cert_issued_day = calendar_days_from_civil(2026, 6, 9);
    assert_int_equal(assess(&f, "certificate"), VESSEL_BOARD);
    f = clean();
    f.cert_carried = 0;
    assert_int_equal(assess(&f, "certificate"), VESSEL_BOARD);
    f = clean();
    f.affected_area = 1;
    assert_int_equal(assess(&f, "affected_area"), VESSEL_BOARD);
    /* GACC: within 24 h before arrival is late */
    f = clean();
    f.reported_ms = eta_ms - 24 * 3600000LL;
    assert_int_equal(assess(&f, NULL), VESSEL_RADIO);
    f.reported_ms = eta_ms - 24 * 3600000LL + 1;
    assert_int_equal(assess(&f, "late_report"), VESSEL_BOARD);
}

static void joined_crew_and_cross_check(void **state)
{
    (void)state;
    /* September 2020: crew joined within 14 days, a negative test within 3 days before boarding */
    vessel_facts f = clean();
    crew[2] = (vessel_person_facts){.name = "ZHAO LEI",
                                    .crew = 1,
                                    .embarked_day = eta_day - 5,
                                    .has_test = 1,
                                    .test_day = eta_day - 8,
                                    .test_negative = 1};
    f.n_persons = 3;
    f.joined_declared = 1;
    assert_int_equal(assess(&f, NULL), VESSEL_RADIO);
    crew[2].test_day = eta_day - 9; /* four days before boarding */
    assert_int_equal(assess(&f, "joined_untested"), VESSEL_BOARD);
    crew[2].test_day = eta_day - 8;
    crew[2].test_negative = 0;
    assert_int_equal(assess(&f, "joined_untested"), VESSEL_BOARD);
    crew[2].has_test = 0;
    assert_int_equal(assess(&f, "joined_untested"), VESSEL_BOARD);
    crew[2].crew = 0; /* a passenger: no crew test rule */
    assert_int_equal(assess(&f, NULL), VESSEL_RADIO);
    /* the MDH's persons joined against the lists, both ways */
    f.joined_declared = 0;
    assert_int_equal(assess(&f, "joined_crosscheck"), VESSEL_BOARD);
    f = clean();
    f.joined_declared = 1;
    assert_int_equal(assess(&f, "joined_crosscheck"), VESSEL_BOARD);
}

static void the_ships_history(void **state)
{
    (void)state;
    /* the issue: a ship's next call starts with its record (by IMO number) */
    vessel_facts f = clean();
    f.incident_eta_ms = eta_ms - 30 * CALENDAR_DAY_MS;
    assert_int_equal(assess(&f, "history"), VESSEL_BOARD);
    f.incident_eta_ms = eta_ms - 31 * CALENDAR_DAY_MS;
    assert_int_equal(assess(&f, NULL), VESSEL_RADIO);
}

static void testing_on_application(void **state)
{
    (void)state;
    vessel_reason reasons[VESSEL_MAX_REASONS];
    int n = 0, testing = 0;
    vessel_facts f = clean();
    f.cold_cargo = 1;
    assert_int_equal(vessel_assess(&f, rules, NRULES, reasons, &n, &testing), VESSEL_RADIO);
    assert_int_equal(testing, 1);
    f = clean();
    f.repair = 1;
    assert_int_equal(vessel_assess(&f, rules, NRULES, reasons, &n, &testing), VESSEL_RADIO);
    assert_int_equal(testing, 1);
    /* an inactive rule does not fire */
    vessel_rule off[1] = {rules[9]};
    off[0].active = 0;
    f.cold_cargo = 1;
    assert_int_equal(vessel_assess(&f, off, 1, reasons, &n, &testing), VESSEL_RADIO);
    assert_int_equal(testing, 0);
}

static void words_and_names(void **state)
{
    (void)state;
    assert_int_equal(vessel_level_parse("lock"), VESSEL_LOCK);
    assert_int_equal(vessel_level_parse("radio"), -1);
    assert_string_equal(vessel_level_name(VESSEL_BOARD), "board");
    const char *why = NULL;
    assert_int_equal(vessel_check_call_sign("VRAB5", &why), 1);
    assert_int_equal(vessel_check_call_sign("12345", &why), 0);
    assert_int_equal(vessel_check_call_sign("V", &why), 0);
    assert_int_equal(vessel_check_call_sign("vrab5", &why), 0);
    assert_string_equal(vessel_next_step(VESSEL_RADIO, 1, 0, 0, NULL, 0), "apply_testing");
    assert_string_equal(vessel_next_step(VESSEL_RADIO, 1, 1, 0, NULL, 0), "wait_radio");
    assert_string_equal(vessel_next_step(VESSEL_LOCK, 0, 0, 0, NULL, 0), "wait_locked");
    assert_string_equal(vessel_next_step(VESSEL_BOARD, 0, 0, 0, NULL, 0), "wait_boarding");
    assert_string_equal(vessel_next_step(VESSEL_LOCK, 0, 0, 1, NULL, 1), "order_in_force");
    assert_string_equal(vessel_next_step(VESSEL_BOARD, 0, 0, 1, "granted", 0), "pratique_granted");
    assert_non_null(strstr(vessel_next_step_text("apply_testing"), "Apply for crew"));
    /* Feb 28 + 6 months is Aug 28; Aug 31 + 6 months ends on Feb 28 (clamped) */
    int64_t d = calendar_days_from_civil(2026, 8, 31);
    assert_int_equal(vessel_cert_valid(d, calendar_days_from_civil(2027, 2, 28)), 1);
    assert_int_equal(vessel_cert_valid(d, calendar_days_from_civil(2027, 3, 1)), 0);
    assert_int_equal(vessel_cert_valid(d, d - 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_ship_radio_pratique),   cmocka_unit_test(fever_and_questions_lock),
        cmocka_unit_test(ports_certificate_area_late), cmocka_unit_test(joined_crew_and_cross_check),
        cmocka_unit_test(testing_on_application),      cmocka_unit_test(words_and_names),
        cmocka_unit_test(the_ships_history),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
