/* test_decimal.c — decimals of a fixed number of places (decimal.h) and the record layer's
 * FT_DECIMAL fields: quantities to 5 places and weights to 3 (报关单填制规范; issue 14), read
 * with integers only, refused with the rule named, written back exactly. */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cargo/cargo.h"
#include "platform/buf.h"
#include "platform/decimal.h"
#include "platform/json_canon.h"
#include "platform/mem.h"
#include "platform/record.h"
#include "scratch_db.h"

static decimal_why parse(const char *s, int scale, int64_t *v) { return decimal_parse(s, strlen(s), scale, v); }

/* A result's code for a failure message ("ok" for DECIMAL_OK). */
static const char *why_name(decimal_why why) { return why == DECIMAL_OK ? "ok" : decimal_why_code(why); }

static void decimal_text_is_read_exactly(void **state)
{
    (void)state;
    int64_t v = -1;
    static const struct {
        const char *text;
        int scale;
        decimal_why why;
        int64_t count; /* DECIMAL_OK: the count read */
    } cases[] = {
        {"1.5", 3, DECIMAL_OK, 1500},
        {"2100", 3, DECIMAL_OK, 2100000},
        {"2100.5", 3, DECIMAL_OK, 2100500},
        {"3.12345", 5, DECIMAL_OK, 312345},
        {"0.00001", 5, DECIMAL_OK, 1},
        {"007.10", 3, DECIMAL_OK, 7100},
        {"0", 5, DECIMAL_OK, 0},
        /* the largest count that fits: 92233720368547.75807 at 5 places */
        {"92233720368547.75807", 5, DECIMAL_OK, INT64_MAX},
        /* the rules, each by its own code */
        {"3.123456", 5, DECIMAL_TOO_MANY_PLACES, 0},
        {"2100.5005", 3, DECIMAL_TOO_MANY_PLACES, 0},
        {"1.50000", 3, DECIMAL_TOO_MANY_PLACES, 0},
        {"-1.5", 3, DECIMAL_NEGATIVE, 0},
        {"-0", 3, DECIMAL_NEGATIVE, 0},
        {"92233720368547.75808", 5, DECIMAL_OUT_OF_RANGE, 0},
        {"99999999999999999999999", 0, DECIMAL_OUT_OF_RANGE, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        decimal_why why = parse(cases[i].text, cases[i].scale, &v);
        if (why != cases[i].why)
            fail_msg("\"%s\" at scale %d: %s, not %s", cases[i].text, cases[i].scale, why_name(why),
                     why_name(cases[i].why));
        if (why == DECIMAL_OK && v != cases[i].count)
            fail_msg("\"%s\" at scale %d reads %" PRId64 ", not %" PRId64, cases[i].text, cases[i].scale, v,
                     cases[i].count);
    }
    static const char *const bad[] = {"",     "1e3", "1E3", "1.5e2", "+1",   " 1",  "1 ", ".5", "1.",  "1..5",
                                      "1.5.", "NaN", "nan", "inf",   "0x10", "1,5", "１", "-",  "--1", "1-"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (parse(bad[i], 3, &v) != DECIMAL_NOT_A_DECIMAL)
            fail_msg("\"%s\" was not refused as not_a_decimal", bad[i]);
    /* a NUL inside the text is not the end of it */
    assert_int_equal(decimal_parse("1\0"
                                   "5",
                                   3, 3, &v),
                     DECIMAL_NOT_A_DECIMAL);
    /* refusals leave the output alone */
    v = 42;
    assert_int_equal(parse("1.5e2", 3, &v), DECIMAL_NOT_A_DECIMAL);
    assert_int_equal(v, 42);
    assert_string_equal(decimal_why_code(DECIMAL_TOO_MANY_PLACES), "too_many_places");
    assert_string_equal(decimal_why_code(DECIMAL_NOT_A_DECIMAL), "not_a_decimal");
    assert_string_equal(decimal_why_code(DECIMAL_NEGATIVE), "negative");
}

static void decimal_format_drops_trailing_zeros(void **state)
{
    (void)state;
    char t[DECIMAL_TEXT_MAX];
    struct {
        int64_t v;
        int scale;
        const char *text;
    } cases[] = {
        {2100000, 3, "2100"},
        {1500, 3, "1.5"},
        {2100500, 3, "2100.5"},
        {312345, 5, "3.12345"},
        {1, 5, "0.00001"},
        {0, 5, "0"},
        {-5, 3, "-0.005"},
        {100000, 5, "1"},
        {INT64_MAX, 5, "92233720368547.75807"},
        {INT64_MIN, 3, "-9223372036854775.808"},
        {1230, 3, "1.23"},
        {42, 0, "42"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        decimal_format(cases[i].v, cases[i].scale, t, sizeof t);
        if (strcmp(t, cases[i].text) != 0)
            fail_msg("%" PRId64 " at scale %d is written \"%s\", not \"%s\"", cases[i].v, cases[i].scale, t,
                     cases[i].text);
        /* and what is written reads back as the same count (non-negative ones) */
        int64_t back = -1;
        if (cases[i].v >= 0 && (parse(t, cases[i].scale, &back) != DECIMAL_OK || back != cases[i].v))
            fail_msg("\"%s\" at scale %d does not read back as %" PRId64, t, cases[i].scale, cases[i].v);
    }
}

/* Every count of 1e-5 units of up to 15 significant digits goes out as JSON and back in exactly,
 * whether the client reads it as a number (the reply's text) or sends it back as one. */
static void decimal_json_round_trips(void **state)
{
    (void)state;
    static const int64_t counts[] = {1,         5, 312345, 123456, 150000, 100000, 999999999999999LL, 12345678901234LL,
                                     210050000, 7, 10,     99999};
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        json_t *j = decimal_json(counts[i], 5);
        assert_non_null(j);
        int64_t back = -1;
        assert_int_equal(decimal_from_json(j, 5, &back), DECIMAL_OK);
        assert_true(back == counts[i]);
        /* the reply's text is the decimal's own */
        buf b;
        buf_init(&b, 100);
        assert_int_equal(json_canon_reply(j, &b), HG_OK);
        char t[DECIMAL_TEXT_MAX];
        decimal_format(counts[i], 5, t, sizeof t);
        if (counts[i] >= 10000) /* below 0.1 %g writes an exponent: 1e-05, also exact */
            assert_string_equal(buf_str(&b), t);
        json_error_t je;
        json_t *parsed = json_loads(buf_str(&b), JSON_DECODE_ANY, &je);
        assert_non_null(parsed);
        assert_int_equal(decimal_from_json(parsed, 5, &back), DECIMAL_OK);
        assert_true(back == counts[i]);
        json_decref(parsed);
        buf_free(&b);
        json_decref(j);
    }
    /* whole values are integers, so that clients comparing integers keep doing so */
    json_t *j = decimal_json(2100000, 3);
    assert_true(json_is_integer(j));
    assert_int_equal(json_integer_value(j), 2100);
    json_decref(j);
    /* past 15 significant digits a double cannot hold it: the exact text as a string */
    j = decimal_json(12345678901234567LL, 5);
    assert_true(json_is_string(j));
    assert_string_equal(json_string_value(j), "123456789012.34567");
    json_decref(j);
}

static void decimal_json_input_rules(void **state)
{
    (void)state;
    /* each JSON value as its constructor makes it: a binary double (json_real), an integer, a
     * string or true or null */
    enum kind { REAL, INTEGER, STRING, TRUE, JSON_NULL };
    static const struct {
        const char *what; /* the value in the failure message */
        enum kind kind;
        double real;
        json_int_t integer;
        const char *string;
        int scale;
        decimal_why why;
        int64_t count; /* DECIMAL_OK: the count read */
    } cases[] = {
        {"1.5", REAL, .real = 1.5, .scale = 3, .why = DECIMAL_OK, .count = 1500},
        {"3.12345", REAL, .real = 3.12345, .scale = 5, .why = DECIMAL_OK, .count = 312345},
        {"2100.5", REAL, .real = 2100.5, .scale = 3, .why = DECIMAL_OK, .count = 2100500},
        {"0.00001", REAL, .real = 0.00001, .scale = 5, .why = DECIMAL_OK, .count = 1},
        {"-0.0", REAL, .real = -0.0, .scale = 3, .why = DECIMAL_OK, .count = 0},
        {"2100", INTEGER, .integer = 2100, .scale = 3, .why = DECIMAL_OK, .count = 2100000},
        {"\"1.5\"", STRING, .string = "1.5", .scale = 3, .why = DECIMAL_OK, .count = 1500},
        /* 0.1 + 0.2 is not 0.3 in binary, and is not read as 0.3: it has 17 digits */
        {"0.1 + 0.2", REAL, .real = 0.1 + 0.2, .scale = 5, .why = DECIMAL_IMPRECISE},
        {"3.123456", REAL, .real = 3.123456, .scale = 5, .why = DECIMAL_TOO_MANY_PLACES},
        {"2100.5005", REAL, .real = 2100.5005, .scale = 3, .why = DECIMAL_TOO_MANY_PLACES},
        {"1e-6", REAL, .real = 1e-6, .scale = 5, .why = DECIMAL_TOO_MANY_PLACES},
        {"-1.5", REAL, .real = -1.5, .scale = 3, .why = DECIMAL_NEGATIVE},
        {"-1", INTEGER, .integer = -1, .scale = 3, .why = DECIMAL_NEGATIVE},
        {"1e300", REAL, .real = 1e300, .scale = 3, .why = DECIMAL_OUT_OF_RANGE},
        {"INT64_MAX / 10", INTEGER, .integer = INT64_MAX / 10, .scale = 3, .why = DECIMAL_OUT_OF_RANGE},
        {"true", TRUE, .scale = 3, .why = DECIMAL_WRONG_TYPE},
        {"null", JSON_NULL, .scale = 3, .why = DECIMAL_WRONG_TYPE},
        {"\"1e3\"", STRING, .string = "1e3", .scale = 3, .why = DECIMAL_NOT_A_DECIMAL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *j = cases[i].kind == REAL      ? json_real(cases[i].real)
                    : cases[i].kind == INTEGER ? json_integer(cases[i].integer)
                    : cases[i].kind == STRING  ? json_string(cases[i].string)
                    : cases[i].kind == TRUE    ? json_true()
                                               : json_null();
        int64_t v = -1;
        decimal_why why = decimal_from_json(j, cases[i].scale, &v);
        json_decref(j);
        if (why != cases[i].why)
            fail_msg("JSON %s at scale %d: %s, not %s", cases[i].what, cases[i].scale, why_name(why),
                     why_name(cases[i].why));
        if (why == DECIMAL_OK && v != cases[i].count)
            fail_msg("JSON %s at scale %d reads %" PRId64 ", not %" PRId64, cases[i].what, cases[i].scale, v,
                     cases[i].count);
    }
}

/* The record layer: a quantity of 5 places and a weight of 3, refused naming field and rule. */
static const field lot_fields[] = {
    {.name = "id", .type = FT_TEXT, .flags = FF_KEY, .min_len = 1, .max_len = 10},
    {.name = "quantity", .type = FT_DECIMAL, .flags = FF_REQUIRED, .scale = 5, .min = 1, .max = 100000000000000000LL},
    {.name = "gross_weight_kg", .type = FT_DECIMAL, .scale = 3, .min = 1, .max = 1000000000000LL},
    {0},
};
static const record_type lot_record = {.name = "lot", .table = "lots", .fields = lot_fields};

static hg_rc lot(const char *text, record *r, hg_err *err)
{
    json_error_t je;
    json_t *body = json_loads(text, 0, &je);
    assert_non_null(body);
    hg_rc rc = record_from_json(&lot_record, body, REC_CREATE, r, err);
    json_decref(body);
    return rc;
}

static void decimal_fields_refuse_with_the_rule(void **state)
{
    (void)state;
    hg_err err;
    record r;
    assert_int_equal(lot("{\"id\":\"a\",\"quantity\":3.12345,\"gross_weight_kg\":2100.5}", &r, &err), HG_OK);
    assert_int_equal(record_int(&r, "quantity", 0), 312345);
    assert_int_equal(record_int(&r, "gross_weight_kg", 0), 2100500);
    json_t *o = record_to_json(&r);
    buf b;
    buf_init(&b, 1000);
    assert_int_equal(json_canon_reply(o, &b), HG_OK);
    assert_string_equal(buf_str(&b), "{\"gross_weight_kg\":2100.5,\"id\":\"a\",\"quantity\":3.12345}");
    buf_free(&b);
    json_decref(o);
    record_free(&r);
    static const struct {
        const char *body, *field, *code;
    } refused[] = {
        {"{\"id\":\"a\",\"quantity\":3.123456}", "quantity", "too_many_places"},
        {"{\"id\":\"a\",\"quantity\":\"3.123456\"}", "quantity", "too_many_places"},
        {"{\"id\":\"a\",\"quantity\":1,\"gross_weight_kg\":2100.5005}", "gross_weight_kg", "too_many_places"},
        {"{\"id\":\"a\",\"quantity\":\"1e3\"}", "quantity", "not_a_decimal"},
        {"{\"id\":\"a\",\"quantity\":\"NaN\"}", "quantity", "not_a_decimal"},
        {"{\"id\":\"a\",\"quantity\":-2}", "quantity", "negative"},
        {"{\"id\":\"a\",\"quantity\":\"-2.5\"}", "quantity", "negative"},
        {"{\"id\":\"a\",\"quantity\":0}", "quantity", "invalid"},
        {"{\"id\":\"a\",\"quantity\":\"1000000000001\"}", "quantity", "invalid"},
        {"{\"id\":\"a\",\"quantity\":true}", "quantity", "wrong_type"},
        {"{\"id\":\"a\",\"quantity\":0.30000000000000004}", "quantity", "imprecise_number"},
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        memset(&err, 0, sizeof err);
        if (lot(refused[i].body, &r, &err) != HG_INVALID)
            fail_msg("%s was accepted", refused[i].body);
        if (strcmp(err.field, refused[i].field) != 0 || strcmp(err.code, refused[i].code) != 0)
            fail_msg("%s is refused as %s %s, not %s %s", refused[i].body, err.field, err.code, refused[i].field,
                     refused[i].code);
        record_free(&r);
    }
    /* the range is stated in the field's units */
    assert_int_equal(lot("{\"id\":\"a\",\"quantity\":0}", &r, &err), HG_INVALID);
    assert_non_null(strstr(err.message, "from 0.00001 to 1000000000000"));
    record_free(&r);
    assert_int_equal(lot("{\"id\":\"a\",\"quantity\":1,\"gross_weight_kg\":2100.5005}", &r, &err), HG_INVALID);
    assert_non_null(strstr(err.message, "at most 3 decimal places"));
    record_free(&r);
}

/* Migration cargo 299 rescales what was filed before decimals: whole units to 1e-5, kilograms
 * to grams, in the items, the bills and the ledger; the JSON reads the same numbers as before. */
static void migration_rescales_existing_rows(void **state)
{
    (void)state;
    db *d = scratch_db_open("decimal");
    hg_err err;
    static const char *const rows[] = {
        "INSERT INTO manifests (manifest_no, direction, transport_mode, port, eta, filer, status, created_ms,"
        " updated_ms) VALUES ('MF-OLD', 'import', 'sea', '0901', 0, 'x', 'filed', 0, 0)",
        "INSERT INTO manifest_bills (manifest_no, line_no, bill_no, consignee, goods_description, packages,"
        " gross_weight_kg) VALUES ('MF-OLD', 1, 'BILL-OLD', '91210200241600015L', 'parts', 120, 18200)",
        "INSERT INTO declarations (entry_no, direction, kind, declarant, port, transport_mode, bill_no, trade_country,"
        " status, lane, advance, filed_ms, updated_ms) VALUES ('E-OLD', 'import', 'complete', 'x', '0901', 'sea',"
        " 'BILL-OLD', 'DE', 'filed', 'green', 0, 0, 0)",
        "INSERT INTO declaration_items (entry_no, line_no, hs_code, name, origin, quantity, unit, value, currency,"
        " gross_weight_kg, net_weight_kg) VALUES ('E-OLD', 1, '8458110090', 'lathe', 'DE', 120, 'x', 100, 'CNY',"
        " 18200, 17600)",
        "INSERT INTO ledger (entry_no, line_no, hs_code, quantity, unit, status, released_quantity, updated_ms)"
        " VALUES ('E-OLD', 1, '8458110090', 120, 'x', 'passed', 120, 0)",
        /* as before the migration: it runs again over these rows */
        "DELETE FROM schema_migrations WHERE version = 299",
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (db_exec(d, rows[i], &err))
            fail_msg("%s: %s", rows[i], err.message);
    const migration *const sets[] = {cargo_migrations, NULL};
    int applied = 0;
    assert_int_equal(db_migrate(d, sets, &applied, &err), HG_OK);
    assert_int_equal(applied, 1);
    int64_t v = 0;
    assert_int_equal(db_int(d, &v, &err, "SELECT quantity FROM declaration_items WHERE entry_no = 'E-OLD'", ""), HG_OK);
    assert_int_equal(v, 120 * CARGO_QUANTITY_UNIT);
    assert_int_equal(db_int(d, &v, &err, "SELECT gross_weight_kg FROM declaration_items WHERE entry_no = 'E-OLD'", ""),
                     HG_OK);
    assert_int_equal(v, 18200 * CARGO_GRAMS_PER_KG);
    assert_int_equal(db_int(d, &v, &err, "SELECT net_weight_kg FROM declaration_items WHERE entry_no = 'E-OLD'", ""),
                     HG_OK);
    assert_int_equal(v, 17600 * CARGO_GRAMS_PER_KG);
    assert_int_equal(db_int(d, &v, &err, "SELECT gross_weight_kg FROM manifest_bills WHERE bill_no = 'BILL-OLD'", ""),
                     HG_OK);
    assert_int_equal(v, 18200 * CARGO_GRAMS_PER_KG);
    assert_int_equal(
        db_int(d, &v, &err, "SELECT quantity + released_quantity FROM ledger WHERE entry_no = 'E-OLD'", ""), HG_OK);
    assert_int_equal(v, 240 * CARGO_QUANTITY_UNIT);
    /* and the API's JSON gives the numbers it gave before: 120 units, 18200 kg, as integers */
    json_t *items = NULL;
    assert_int_equal(record_children_json(d, &item_record, "E-OLD", &items, &err), HG_OK);
    json_t *it = json_array_get(items, 0);
    assert_true(json_is_integer(json_object_get(it, "quantity")));
    assert_int_equal(json_integer_value(json_object_get(it, "quantity")), 120);
    assert_int_equal(json_integer_value(json_object_get(it, "gross_weight_kg")), 18200);
    assert_int_equal(json_integer_value(json_object_get(it, "net_weight_kg")), 17600);
    json_decref(items);
    scratch_db_remove();
}

int main(void)
{
    mem_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decimal_text_is_read_exactly),
        cmocka_unit_test(decimal_format_drops_trailing_zeros),
        cmocka_unit_test(decimal_json_round_trips),
        cmocka_unit_test(decimal_json_input_rules),
        cmocka_unit_test(decimal_fields_refuse_with_the_rule),
        cmocka_unit_test(migration_rescales_existing_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
