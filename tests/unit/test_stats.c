/* test_stats.c — clearance-time arithmetic pinned to hand-worked examples. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "stats/stats.h"

#define H 3600000LL

static void segments(void **state)
{
    (void)state;
    clearance_segments s;
    /* arrived 08:00, declared 10:00, released 13:30: 2 h + 3.5 h */
    clearance_facts f = {8 * H, 10 * H, 13 * H + H / 2, 0, 0};
    assert_int_equal(clearance_split(&f, &s), 0);
    assert_int_equal(s.arrival_to_declaration_ms, 2 * H);
    assert_int_equal(s.declaration_to_release_ms, 3 * H + H / 2);
    assert_int_equal(s.total_ms, 5 * H + H / 2);
    assert_int_equal(s.release_to_gate_ms, -1);
    /* advance declaration: declared the day before, released 1 h after arrival */
    clearance_facts adv = {30 * H, 6 * H, 31 * H, 32 * H, 0};
    assert_int_equal(clearance_split(&adv, &s), 0);
    assert_int_equal(s.arrival_to_declaration_ms, 0);
    assert_int_equal(s.total_ms, H);
    assert_int_equal(s.release_to_gate_ms, H);
    clearance_facts none = {0, 6 * H, 7 * H, 0, 0};
    assert_int_equal(clearance_split(&none, &s), -1);
    /* returned for correction (退单, 海关总署令第220号's return) and refiled 2 h later: arrived 08:00,
     * declared 10:00, released 16:00: 2 h to declare, 4 h of customs' time, 2 h with the declarant,
     * 8 h in all (its own segment, not customs' time) */
    clearance_facts back = {8 * H, 10 * H, 16 * H, 0, 2 * H};
    assert_int_equal(clearance_split(&back, &s), 0);
    assert_int_equal(s.declaration_to_release_ms, 4 * H);
    assert_int_equal(s.with_declarant_ms, 2 * H);
    assert_int_equal(s.total_ms, 8 * H);
    /* never more than the segment holds */
    clearance_facts odd = {8 * H, 10 * H, 11 * H, 0, 5 * H};
    assert_int_equal(clearance_split(&odd, &s), 0);
    assert_int_equal(s.declaration_to_release_ms, 0);
    assert_int_equal(s.with_declarant_ms, H);
    assert_false(s.released_before_arrival);
    /* ship-side pickup (船边直提): released at 09:00 with the transport, the goods reported at
     * 10:00; a gate deciding offline let them out at 08:30: both segments zero, and flagged */
    clearance_facts ship = {10 * H, 6 * H, 9 * H, 8 * H + H / 2, 0};
    assert_int_equal(clearance_split(&ship, &s), 0);
    assert_int_equal(s.total_ms, 0);
    assert_int_equal(s.release_to_gate_ms, 0);
    assert_true(s.released_before_arrival);
    assert_true(s.gate_before_release);
}

static void summaries(void **state)
{
    (void)state;
    /* 1..10 hours: mean 5.5, median (5+6)/2 = 5.5, p90 rank ceil(9) = 9 -> 9 h */
    int64_t v[10] = {10 * H, 1 * H, 9 * H, 2 * H, 8 * H, 3 * H, 7 * H, 4 * H, 6 * H, 5 * H};
    summary s;
    summarize(v, 10, &s);
    assert_int_equal(s.count, 10);
    assert_int_equal(s.mean_ms, 5 * H + H / 2);
    assert_int_equal(s.median_ms, 5 * H + H / 2);
    assert_int_equal(s.p90_ms, 9 * H);
    /* 3 values: p90 rank ceil(2.7) = 3 */
    int64_t w[3] = {1, 2, 100};
    summarize(w, 3, &s);
    assert_int_equal(s.median_ms, 2);
    assert_int_equal(s.p90_ms, 100);
    assert_int_equal(s.mean_ms, 34);   /* 103 / 3 = 34.33 */
    summarize(w, 0, &s);
    assert_int_equal(s.count, 0);
}

static void change_and_format(void **state)
{
    (void)state;
    /* the seed: import clearance 27.35 h in December 2020, 77.33% less than in 2017, which
     * puts 2017 at 27.35 / (1 - 0.7733) = 120.65 h */
    assert_int_equal(change_bp(2735, 12065), -7733);
    assert_int_equal(change_bp(150, 100), 5000);
    assert_int_equal(change_bp(1, 0), 0);
    char out[32];
    hours_format(27 * H + 21 * 60000, out, sizeof out);   /* 27 h 21 min = 27.35 h */
    assert_string_equal(out, "27.35");
    hours_format(0, out, sizeof out);
    assert_string_equal(out, "0.00");
    hours_format(18000, out, sizeof out);   /* 0.005 h rounds up to 0.01 */
    assert_string_equal(out, "0.01");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(segments),
        cmocka_unit_test(summaries),
        cmocka_unit_test(change_and_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
