/* test_gate.c — unit tests of the smart gate's pure parts (src/gate/gate.c, event_parse.c):
 * Chinese plate numbers (GA 36-2018, with its 2016 amendment for new-energy vehicles), which
 * failed conditions an officer may set aside, and the shape of a posted gate event, each rule
 * with a refused and an accepted case. The decisions against the database are the API suite's
 * (tests/api/gate_cases.py), on both backends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "gate/gate.h"

static void plates(void **state)
{
    (void)state;
    const char *why = NULL;
    /* GA 36-2018 §5: province, issuing authority's letter, five letters or digits */
    assert_true(gate_check_plate("辽B12345", NULL));
    assert_true(gate_check_plate("京A8K2Z9", NULL));
    /* four, then 挂 (a trailer), 学 or 警 */
    assert_true(gate_check_plate("辽B1234挂", NULL));
    /* new-energy: D or F, a letter or digit, four digits (small); five digits then D or F (large) */
    assert_true(gate_check_plate("辽BD12345", NULL));
    assert_true(gate_check_plate("辽BFA1234", NULL));
    assert_true(gate_check_plate("辽B12345D", NULL));
    /* refused, each with its reason */
    assert_false(gate_check_plate("", &why));
    assert_non_null(why);
    assert_false(gate_check_plate("XB12345", &why));
    assert_non_null(strstr(why, "province"));
    assert_false(gate_check_plate("辽I12345", &why)); /* I and O are never used */
    assert_false(gate_check_plate("辽B1234", &why));
    assert_false(gate_check_plate("辽B123456", &why)); /* six characters, neither new-energy form */
    assert_non_null(strstr(why, "new-energy"));
    assert_false(gate_check_plate("辽BD1234A", &why));
    assert_false(gate_check_plate("辽B12345 ", &why));
    assert_false(gate_check_plate("辽B1234港", &why));
}

static void overridable(void **state)
{
    (void)state;
    assert_true(gate_condition_overridable("card"));
    assert_true(gate_condition_overridable("plate"));
    assert_true(gate_condition_overridable("container_read"));
    assert_false(gate_condition_overridable("released"));
    assert_false(gate_condition_overridable("inspection"));
    assert_false(gate_condition_overridable("no_unloading"));
    assert_false(gate_condition_overridable("not_gated_out"));
    assert_true(gate_read_sure(0.90));
    assert_false(gate_read_sure(0.899));
}

/* Parses text as a posted event: the rc, and the field named when refused. */
static hg_rc parse(const char *text, gate_event_in *e, hg_err *err)
{
    json_t *body = json_loads(text, 0, NULL);
    assert_non_null(body);
    memset(err, 0, sizeof *err);
    hg_rc rc = gate_event_parse(body, e, err);
    json_decref(body);
    return rc;
}

#define BASE                                                                                                           \
    "\"event_id\": \"E1\", \"gate\": \"DYW1\", \"lane\": 2, \"direction\": \"out\", \"at\": "                          \
    "\"2026-12-03T10:00:00+08:00\""

static void refused(const char *text, const char *field)
{
    gate_event_in e;
    hg_err err;
    if (parse(text, &e, &err) != HG_INVALID || strcmp(err.field, field) != 0) {
        print_error("%s: expected a refusal naming %s, got field \"%s\" (%s)\n", text, field, err.field, err.message);
        fail();
    }
}

static void events(void **state)
{
    (void)state;
    gate_event_in e;
    hg_err err;
    assert_int_equal(parse("{" BASE ", \"card\": \"ic1\", \"plate\": {\"text\": \"辽B12345\", \"confidence\": 0.97},"
                           " \"containers\": [{\"text\": \"CSQU3054383\", \"confidence\": 1}], \"vins\": [],"
                           " \"gross_weight_kg\": 30000, \"tare_kg\": 8000, \"seals\": [\"S1\"]}",
                           &e, &err),
                     HG_OK);
    assert_string_equal(e.plate.text, "辽B12345");
    assert_int_equal(e.n_containers, 1);
    assert_int_equal(e.gross_kg, 30000);
    assert_int_equal(e.lane, 2);
    /* what the cameras got wrong is kept as read, for the decision to hold */
    assert_int_equal(parse("{" BASE ", \"plate\": {\"text\": \"#@!\", \"confidence\": 0.1},"
                           " \"containers\": [{\"text\": \"CSQU3054384\", \"confidence\": 0.99}]}",
                           &e, &err),
                     HG_OK);
    /* an offline event carries the gate's own decision */
    assert_int_equal(parse("{" BASE ", \"card\": \"C1\", \"offline\": true, \"offline_decision\": \"pass\"}", &e, &err),
                     HG_OK);
    assert_true(e.offline);
    refused("{" BASE ", \"card\": \"C1\", \"offline\": true}", "offline_decision");
    refused("{" BASE ", \"card\": \"C1\", \"offline_decision\": \"pass\"}", "offline_decision");
    /* malformed: refused naming the field */
    refused("{" BASE ", \"card\": \"C1\", \"gross_weight_kg\": -1}", "gross_weight_kg");
    refused("{" BASE ", \"card\": \"C1\", \"gross_weight_kg\": 1000000000}", "gross_weight_kg");
    refused("{" BASE ", \"card\": \"C1\", \"gross_weight_kg\": 20000, \"tare_kg\": 30000}", "tare_kg");
    refused("{" BASE ", \"card\": \"C1\", \"tare_kg\": 3000}", "gross_weight_kg");
    refused("{" BASE ", \"plate\": {\"text\": \"辽B12345\", \"confidence\": 2}}", "plate.confidence");
    refused("{" BASE ", \"plate\": {\"text\": \"辽B12345\"}}", "plate.confidence");
    refused("{" BASE ", \"plate\": \"辽B12345\"}", "plate");
    refused("{" BASE ", \"containers\": [{\"text\": \"A\", \"confidence\": 1}, {\"text\": \"B\", \"confidence\": 1},"
            " {\"text\": \"C\", \"confidence\": 1}]}",
            "containers");
    refused("{" BASE ", \"containers\": [{\"text\": \"\", \"confidence\": 1}]}", "containers[0].text");
    refused("{" BASE "}", "card"); /* nothing read at all */
    refused("{" BASE ", \"card\": \"C1\", \"speed\": 3}", "speed");
    refused("{\"event_id\": \"a b\", \"gate\": \"G\", \"lane\": 1, \"direction\": \"in\", \"at\": \"x\"}", "event_id");
    refused("{\"event_id\": \"a\", \"gate\": \"G\", \"lane\": 0, \"direction\": \"in\"}", "lane");
    refused("{\"event_id\": \"a\", \"gate\": \"G\", \"lane\": 1, \"direction\": \"up\"}", "direction");
    refused("{\"event_id\": \"a\", \"gate\": \"G\", \"lane\": 1, \"direction\": \"in\", \"at\": \"yesterday\"}", "at");
    refused("{\"gate\": \"G\"}", "event_id");
    refused("[]", "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plates),
        cmocka_unit_test(overridable),
        cmocka_unit_test(events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
