/* test_cargo.c — the pure decisions of cargo clearance: entry numbers, release rules, seafood
 * sampling, producer suspension and the two-step deadline. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cargo/cargo.h"
#include "platform/json.h"
#include "scratch_db.h"

#define DAY 86400000LL

static void entry_numbers(void **state)
{
    (void)state;
    char out[19];
    assert_int_equal(cargo_entry_no("0901", 2026, "import", 123, out), 0);
    assert_string_equal(out, "090120261000000123");
    assert_int_equal(cargo_entry_no("0901", 2026, "export", 999999999, out), 0);
    assert_string_equal(out, "090120260999999999");
    assert_int_equal(cargo_entry_no("0901", 2026, "import", 1000000000, out), -1);
    assert_int_equal(cargo_entry_no("902", 2026, "import", 1, out), -1);
    /* the year is Shanghai's: 31 Dec 2026 16:30 UTC is already 2027 in Dalian */
    assert_int_equal(cargo_shanghai_year(1798734600000LL), 2027);
    assert_int_equal(cargo_shanghai_year(1798732800000LL - 1), 2026);
}

/* Every unmet condition, not just the first (issue 16: a held declaration says why): the
 * officer's console lists them all, in the order the release checks them, and the first is
 * what the release itself refuses with. */
static void release_lists_every_unmet_condition(void **state)
{
    (void)state;
    hg_err e;
    static const cargo_release_condition vessel = {.field = "vessel", .refusal = "ordered to leave", .rule = "no_unloading"};
    release_facts f = {.status = DECL_INSPECTION, .lane = "red", .samples_pending = 1, .by_officer = 1, .unmet = &vessel};
    json_t *unmet = json_array();
    assert_int_equal(cargo_release_unmet(&f, unmet), HG_OK);
    const char *want[] = {"arrival", "lane", "samples", "tax", "vessel"};
    assert_int_equal(json_array_size(unmet), 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(json_string_value(json_object_get(json_array_get(unmet, i), "field")), want[i]);
    assert_string_equal(json_string_value(json_object_get(json_array_get(unmet, 4), "rule")), "no_unloading");
    assert_true(json_is_true(json_object_get(json_array_get(unmet, 0), "waits")));
    assert_int_equal(cargo_release_allowed(&f, &e), HG_CONFLICT);
    assert_string_equal(e.field, "arrival");
    json_decref(unmet);
    /* all met: none listed, the release allowed; released already: listed as never waiting */
    release_facts ok = {.status = DECL_FILED, .lane = "green", .arrived = 1, .tax_settled = 1, .by_officer = 1};
    unmet = json_array();
    assert_int_equal(cargo_release_unmet(&ok, unmet), HG_OK);
    assert_int_equal(json_array_size(unmet), 0);
    assert_int_equal(cargo_release_allowed(&ok, &e), HG_OK);
    ok.status = DECL_RELEASED;
    assert_int_equal(cargo_release_unmet(&ok, unmet), HG_OK);
    assert_int_equal(json_array_size(unmet), 1);
    assert_true(json_is_false(json_object_get(json_array_get(unmet, 0), "waits")));
    json_decref(unmet);
}

/* A condition a later area contributes (CARGO_RELEASE_CONDITIONS): when it does not hold the
 * release is refused with its field and message; when all hold, the other rules decide. */
static void release_conditions_of_later_areas(void **state)
{
    (void)state;
    hg_err e;
    static const cargo_release_condition vessel = {.field = "vessel", .refusal = "the vessel is ordered to leave"};
    release_facts f = {.status = DECL_FILED, .lane = "green", .arrived = 1, .tax_settled = 1, .unmet = &vessel};
    assert_int_equal(cargo_release_allowed(&f, &e), HG_CONFLICT);
    assert_string_equal(e.field, "vessel");
    assert_string_equal(e.message, "the vessel is ordered to leave");
    f.unmet = NULL;
    assert_int_equal(cargo_release_allowed(&f, &e), HG_OK);
    f.tax_settled = 0;   /* cargo's own rules come first */
    f.unmet = &vessel;
    assert_int_equal(cargo_release_allowed(&f, &e), HG_CONFLICT);
    assert_string_equal(e.field, "tax");
}

static void release_rules(void **state)
{
    (void)state;
    hg_err e;
    release_facts f = {.status = DECL_FILED, .lane = "green", .arrived = 1, .tax_settled = 1};
    assert_int_equal(cargo_release_allowed(&f, &e), HG_OK);
    f.arrived = 0;
    assert_int_equal(cargo_release_allowed(&f, &e), HG_CONFLICT);
    assert_string_equal(e.field, "arrival");
    f.ship_side_pickup = 1;   /* released at the transport's arrival */
    assert_int_equal(cargo_release_allowed(&f, &e), HG_CONFLICT);
    f.transport_arrived = 1;
    assert_int_equal(cargo_release_allowed(&f, &e), HG_OK);
    f.tax_settled = 0;
    assert_int_equal(cargo_release_allowed(&f, &e), HG_CONFLICT);
    assert_string_equal(e.field, "tax");
    f.tax_settled = 1;
    f.samples_pending = 1;
    assert_int_equal(cargo_release_allowed(&f, &e), HG_CONFLICT);
    assert_string_equal(e.field, "samples");
    f.samples_pending = 0;
    f.lane = "red";
    assert_int_equal(cargo_release_allowed(&f, &e), HG_CONFLICT);   /* no passed inspection */
    f.inspection_passed = 1;
    assert_int_equal(cargo_release_allowed(&f, &e), HG_CONFLICT);   /* not automatic */
    f.by_officer = 1;
    assert_int_equal(cargo_release_allowed(&f, &e), HG_OK);
    f.sample_positive = 1;   /* never, whoever asks */
    assert_int_equal(cargo_release_allowed(&f, &e), HG_CONFLICT);
    f.sample_positive = 0;
    f.status = DECL_RELEASED;
    assert_int_equal(cargo_release_allowed(&f, &e), HG_CONFLICT);
    f.status = DECL_REFUSED;
    assert_int_equal(cargo_release_allowed(&f, &e), HG_CONFLICT);
}

static void seafood_and_suspension(void **state)
{
    (void)state;
    assert_true(cargo_needs_nucleic_acid("import", "0303130000"));
    assert_true(cargo_needs_nucleic_acid("import", "1605211000"));
    assert_false(cargo_needs_nucleic_acid("export", "0303130000"));
    assert_false(cargo_needs_nucleic_acid("import", "0203110000"));   /* meat: a risk rule's matter */
    int64_t now = 100 * DAY;
    assert_int_equal(cargo_producer_suspended_until(0, 0, now), 0);
    assert_int_equal(cargo_producer_suspended_until(1, now - DAY, now), now + 6 * DAY);
    assert_int_equal(cargo_producer_suspended_until(2, now - 8 * DAY, now), 0);
    assert_int_equal(cargo_producer_suspended_until(3, now - 8 * DAY, now), now + 20 * DAY);
}

/* 海关总署令第248号: the food whose overseas producer must be registered, by HS chapter and heading */
static void registered_food(void **state)
{
    (void)state;
    assert_true(cargo_registered_food("0303130000"));   /* frozen fish */
    assert_true(cargo_registered_food("0805100000"));   /* oranges */
    assert_true(cargo_registered_food("1201900000"));   /* soybeans (oil seeds) */
    assert_true(cargo_registered_food("0504002100"));   /* casings */
    assert_true(cargo_registered_food("2204210000"));   /* wine */
    assert_false(cargo_registered_food("0101210010"));  /* live horses */
    assert_false(cargo_registered_food("0603110000"));  /* cut roses */
    assert_false(cargo_registered_food("1209100000"));  /* seeds for sowing */
    assert_false(cargo_registered_food("2301100000"));  /* feed */
    assert_false(cargo_registered_food("8483409000"));
}

/* 报关单填制规范: the transport mode and the port of entry or exit agree (the seed's table: 0901
 * the harbour, sea; 0902 the airport, air); an unknown code is unknown_port on "port" */
static void port_serves_its_modes(void **state)
{
    (void)state;
    db *d = scratch_db_open("cargo");
    hg_err err = {0};
    assert_int_equal(cargo_port_serves(d, "0901", "sea", "transport_mode", &err), HG_OK);
    assert_int_equal(cargo_port_serves(d, "0902", "air", "transport_mode", &err), HG_OK);
    assert_int_equal(cargo_port_serves(d, "0902", "sea", "transport_mode", &err), HG_INVALID);
    assert_string_equal(err.code, "port_mode");
    assert_string_equal(err.field, "transport_mode");
    assert_non_null(strstr(err.message, "0902 (大连机场海关, Dalian Airport Customs) serves air only, not sea"));
    assert_int_equal(cargo_port_serves(d, "0903", "road", "port", &err), HG_OK);   /* sea,road */
    assert_int_equal(cargo_port_serves(d, "0903", "rail", "port", &err), HG_INVALID);
    assert_string_equal(err.field, "port");
    /* a port serving several modes names them as one list in the user's language */
    assert_non_null(strstr(err.message, "serves sea and road only, not rail"));
    assert_non_null(strstr(err.message_zh, "仅办理水路运输、公路运输，不办理铁路运输"));
    assert_int_equal(cargo_port_serves(d, "0999", "sea", "transport_mode", &err), HG_INVALID);
    assert_string_equal(err.code, "unknown_port");
    assert_string_equal(err.field, "port");
    scratch_db_remove();
}

/* 海关总署令第248号: an import's food item names its producer; other goods and exports need none */
static void food_names_its_producer(void **state)
{
    (void)state;
    db *d = scratch_db_open("cargo");
    hg_err err = {0};
    json_t *items = json_loads("[{\"hs_code\": \"8483409000\", \"origin\": \"DE\"},"
                               " {\"hs_code\": \"0303130000\", \"origin\": \"NO\"}]", 0, NULL);
    assert_non_null(items);
    assert_int_equal(cargo_check_registry(d, "import", items, 0, &err), HG_INVALID);
    assert_string_equal(err.code, "producer_required");
    assert_string_equal(err.field, "items[1].producer");
    assert_int_equal(cargo_check_registry(d, "export", items, 0, &err), HG_OK);
    json_object_set_new(json_array_get(items, 1), "producer", json_string("NO-UNIT-1"));
    assert_int_equal(cargo_check_registry(d, "import", items, 0, &err), HG_CONFLICT);   /* named, not registered */
    assert_string_equal(err.code, "producer_not_registered");
    json_array_remove(items, 1);
    assert_int_equal(cargo_check_registry(d, "import", items, 0, &err), HG_OK);
    json_decref(items);
    scratch_db_remove();
}

static void two_step_deadline(void **state)
{
    (void)state;
    int64_t arrived = 10 * DAY;
    assert_false(cargo_complete_overdue("summary", 0, arrived, arrived + 14 * DAY));
    assert_true(cargo_complete_overdue("summary", 0, arrived, arrived + 14 * DAY + 1));
    assert_false(cargo_complete_overdue("summary", arrived + DAY, arrived, arrived + 30 * DAY));
    assert_false(cargo_complete_overdue("complete", 0, arrived, arrived + 30 * DAY));
    assert_false(cargo_complete_overdue("summary", 0, 0, 30 * DAY));   /* not arrived: no clock yet */
    const char *why;
    assert_true(cargo_check_containers("CSQU3054383,MSCU1234566", &why));
    assert_false(cargo_check_containers("CSQU3054383,", &why));
    assert_false(cargo_check_containers("CSQU3054384", &why));
}

/* 海关进出境运输工具舱单管理办法: the manifest's filer is the carrier or its agent; stated times
 * are not before what they follow nor in the future beyond the clock tolerance. */
static void who_states_what_and_when(void **state)
{
    (void)state;
    assert_true(cargo_manifest_filer_kind("shipping_agent"));
    assert_true(cargo_manifest_filer_kind("carrier"));
    assert_true(cargo_manifest_filer_kind("airline"));
    assert_false(cargo_manifest_filer_kind("importer"));
    assert_false(cargo_manifest_filer_kind("broker"));
    hg_err err;
    int64_t now = 1800000000000LL, filed = now - 3600000;
    /* accepted: between the filing and now, and within the tolerance ahead */
    assert_int_equal(cargo_time_plausible(now - 60000, filed, "the manifest was filed", now, "at", "arrival_time", &err),
                     HG_OK);
    assert_int_equal(cargo_time_plausible(now + cargo_cfg.clock_tolerance_ms, filed, "x", now, "at", "arrival_time", &err),
                     HG_OK);
    /* refused: in the future, before the filing; the rule and the field named */
    assert_int_equal(cargo_time_plausible(now + cargo_cfg.clock_tolerance_ms + 1, filed, "x", now, "at", "arrival_time",
                                          &err),
                     HG_INVALID);
    assert_string_equal(err.code, "arrival_time");
    assert_string_equal(err.field, "at");
    assert_int_equal(cargo_time_plausible(filed - 1, filed, "the manifest was filed", now, "at", "arrival_time", &err),
                     HG_INVALID);
    assert_non_null(strstr(err.message, "before the manifest was filed"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(entry_numbers),
        cmocka_unit_test(release_rules),
        cmocka_unit_test(release_conditions_of_later_areas),
        cmocka_unit_test(release_lists_every_unmet_condition),
        cmocka_unit_test(seafood_and_suspension),
        cmocka_unit_test(two_step_deadline),
        cmocka_unit_test(registered_food),
        cmocka_unit_test(port_serves_its_modes),
        cmocka_unit_test(food_names_its_producer),
        cmocka_unit_test(who_states_what_and_when),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
