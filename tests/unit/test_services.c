/* test_services.c — the pure parts of enterprise services: the liaison platform's clocks in
 * working hours of the platform calendar (nights, weekends, holidays), the SLA configuration,
 * the states of a problem (the three firsts: known, studied, solved; reopening), attachment
 * types told by their bytes, and nearest-rank percentiles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "services/services.h"

#define H (3600 * 1000LL)
#define M (60 * 1000LL)

static int64_t local(int y, int mo, int d, int64_t ms)
{
    return calendar_day_start_ms(calendar_days_from_civil(y, mo, d)) + ms;
}

static void working_hours_clock(void **state)
{
    (void)state;
    working_calendar plain = {0};
    /* 2026-12-04 is a Friday: an hour from 17:00 is half an hour that day, half on Monday */
    assert_int_equal(services_working_add(&plain, local(2026, 12, 4, 17 * H), 60), local(2026, 12, 7, 9 * H));
    /* raised at night: the clock starts at the next opening, 08:30 */
    assert_int_equal(services_working_add(&plain, local(2026, 12, 3, 22 * H), 30), local(2026, 12, 4, 9 * H));
    assert_int_equal(services_working_add(&plain, local(2026, 12, 3, 6 * H), 0), local(2026, 12, 3, 8 * H + 30 * M));
    /* raised on a Saturday */
    assert_int_equal(services_working_add(&plain, local(2026, 12, 5, 10 * H), 60), local(2026, 12, 7, 9 * H + 30 * M));
    /* a working day is nine hours: 540 minutes from 08:30 is 17:30 the same day */
    assert_int_equal(services_working_add(&plain, local(2026, 12, 3, 8 * H + 30 * M), 540),
                     local(2026, 12, 3, 17 * H + 30 * M));
    /* a holiday on the Monday (the holiday table) moves it to Tuesday; a make-up Saturday counts */
    calendar_exception ex[] = {{calendar_days_from_civil(2026, 12, 5), CALENDAR_WORKDAY},
                               {calendar_days_from_civil(2026, 12, 7), CALENDAR_HOLIDAY}};
    working_calendar hol = {ex, 2};
    assert_int_equal(services_working_add(&hol, local(2026, 12, 4, 17 * H), 60), local(2026, 12, 5, 9 * H));
    assert_int_equal(services_working_add(&hol, local(2026, 12, 5, 17 * H), 60), local(2026, 12, 8, 9 * H));
    /* elapsed working minutes: the same clock backwards */
    assert_int_equal(services_working_minutes(&plain, local(2026, 12, 4, 17 * H), local(2026, 12, 7, 9 * H)), 60);
    assert_int_equal(services_working_minutes(&plain, local(2026, 12, 5, 0), local(2026, 12, 6, 23 * H)), 0);
    assert_int_equal(services_working_minutes(&plain, local(2026, 12, 7, 9 * H), local(2026, 12, 4, 17 * H)), 0);
    assert_int_equal(services_working_minutes(&hol, local(2026, 12, 4, 17 * H), local(2026, 12, 8, 9 * H)), 60 + 540);
}

static void sla_configuration(void **state)
{
    (void)state;
    liaison_sla s = {0};
    assert_int_equal(liaison_sla_parse("30,120,480", &s), 0);
    assert_int_equal(s.known_min, 30);
    assert_int_equal(s.solved_min, 480);
    /* refused: not rising, zero, missing parts, trailing text */
    assert_int_equal(liaison_sla_parse("120,30,480", &s), -1);
    assert_int_equal(liaison_sla_parse("0,30,480", &s), -1);
    assert_int_equal(liaison_sla_parse("30,120", &s), -1);
    assert_int_equal(liaison_sla_parse("30,120,480x", &s), -1);
    assert_int_equal(liaison_sla_parse(NULL, &s), -1);
    assert_int_equal(liaison_urgency_index("urgent"), LIAISON_URGENT);
    assert_int_equal(liaison_urgency_index("normal"), LIAISON_NORMAL);
    assert_int_equal(liaison_urgency_index("soon"), -1);
    /* "at once": the defaults rise from known to solved for every urgency */
    for (int i = 0; i < LIAISON_URGENCIES; i++)
        assert_true(liaison_slas[i].known_min < liaison_slas[i].studied_min &&
                    liaison_slas[i].studied_min < liaison_slas[i].solved_min);
}

static void three_firsts(void **state)
{
    (void)state;
    const char *next;
    hg_err err;
    assert_int_equal(liaison_next(LIAISON_RAISED, LIAISON_OPEN, 0, &next, &err), HG_OK);
    assert_string_equal(next, LIAISON_KNOWN);
    /* a reply without a policy makes it known, not studied */
    assert_int_equal(liaison_next(LIAISON_KNOWN, LIAISON_REPLY, 0, &next, &err), HG_OK);
    assert_string_equal(next, LIAISON_KNOWN);
    assert_int_equal(liaison_next(LIAISON_RAISED, LIAISON_REPLY, 1, &next, &err), HG_OK);
    assert_string_equal(next, LIAISON_STUDIED);
    /* the enterprise's message changes nothing */
    assert_int_equal(liaison_next(LIAISON_RAISED, LIAISON_MESSAGE, 0, &next, &err), HG_OK);
    assert_string_equal(next, LIAISON_RAISED);
    /* resolved only once studied; confirmed only when resolved */
    assert_int_equal(liaison_next(LIAISON_KNOWN, LIAISON_RESOLVE, 1, &next, &err), HG_CONFLICT);
    assert_string_equal(err.field, "status");
    assert_int_equal(liaison_next(LIAISON_STUDIED, LIAISON_RESOLVE, 0, &next, &err), HG_OK);
    assert_string_equal(next, LIAISON_RESOLVED);
    assert_int_equal(liaison_next(LIAISON_STUDIED, LIAISON_CONFIRM, 0, &next, &err), HG_CONFLICT);
    assert_int_equal(liaison_next(LIAISON_RESOLVED, LIAISON_CONFIRM, 0, &next, &err), HG_OK);
    assert_string_equal(next, LIAISON_SOLVED);
    /* reopening: a resolved or solved problem goes back to studied; an open one cannot */
    assert_int_equal(liaison_next(LIAISON_SOLVED, LIAISON_REOPEN, 0, &next, &err), HG_OK);
    assert_string_equal(next, LIAISON_STUDIED);
    assert_int_equal(liaison_next(LIAISON_KNOWN, LIAISON_REOPEN, 0, &next, &err), HG_CONFLICT);
    /* a solved problem takes no more answers or reassignments */
    assert_int_equal(liaison_next(LIAISON_SOLVED, LIAISON_REPLY, 1, &next, &err), HG_CONFLICT);
    assert_int_equal(liaison_next(LIAISON_SOLVED, LIAISON_ASSIGN, 0, &next, &err), HG_CONFLICT);
    assert_int_equal(liaison_next(LIAISON_SOLVED, LIAISON_OPEN, 0, &next, &err), HG_OK);
    assert_string_equal(next, LIAISON_SOLVED);
}

static void attachment_types(void **state)
{
    (void)state;
    const unsigned char pdf[] = "%PDF-1.7", png[] = "\x89PNG\r\n\x1a\n", jpg[] = "\xFF\xD8\xFF\xE0";
    assert_true(liaison_attachment_type_ok("application/pdf", pdf, 8));
    assert_true(liaison_attachment_type_ok("image/png", png, 8));
    assert_true(liaison_attachment_type_ok("image/jpeg", jpg, 4));
    /* refused: bytes of another type, too short, a type not admitted */
    assert_false(liaison_attachment_type_ok("image/png", pdf, 8));
    assert_false(liaison_attachment_type_ok("application/pdf", pdf, 3));
    assert_false(liaison_attachment_type_ok("application/zip", (const unsigned char *)"PK\x03\x04", 4));
    assert_false(liaison_attachment_type_ok(NULL, pdf, 8));
}

static void percentiles(void **state)
{
    (void)state;
    int64_t v[] = {9, 1, 5, 3, 7, 2, 8, 4, 6, 10};
    assert_int_equal(services_percentile(v, 10, 50), 5);
    assert_int_equal(services_percentile(v, 10, 90), 9);
    assert_int_equal(services_percentile(v, 10, 100), 10);
    int64_t one[] = {42};
    assert_int_equal(services_percentile(one, 1, 90), 42);
    assert_int_equal(services_percentile(NULL, 0, 50), 0);
}

static void hs_structure(void **state)
{
    (void)state;
    /* HS 2022: 21 sections covering the 97 chapters in order, each chapter in one section */
    int n = 0, next = 1;
    for (const hs_section *s = hs_sections; s->roman; s++, n++) {
        assert_int_equal(s->first, next);
        next = s->last + 1;
    }
    assert_int_equal(n, 21);
    assert_int_equal(next, 98);
    for (int c = 1; c <= 97; c++)
        assert_int_equal(hs_chapter_find(c)->no, c);
    assert_null(hs_chapter_find(98));
    /* headings and lines in code order, each line under a heading we hold */
    for (int i = 0; hs_heading_at(i + 1); i++)
        assert_true(strcmp(hs_heading_at(i)->code, hs_heading_at(i + 1)->code) < 0);
    for (const hs_line *l = hs_lines; l->code; l++) {
        assert_int_equal(strlen(l->code), 10);
        assert_non_null(hs_heading_find(l->code));
        if (l[1].code)
            assert_true(strcmp(l->code, l[1].code) < 0);
        for (const char *p = l->supervision; *p; p++)
            assert_non_null(hs_supervision_find(*p));
    }
}

static void hs_ranked_search(void **state)
{
    (void)state;
    hs_hit hits[10];
    /* the whole query in a line's name ranks the line first */
    size_t n = hs_search("冻鳕鱼", hits, 10);
    assert_true(n >= 1);
    assert_int_equal(hits[0].level, HS_LINE);
    assert_string_equal(hs_lines[hits[0].index].code, "0303630000");
    /* English words anywhere in the name, any case */
    n = hs_search("Frozen COD", hits, 10);
    assert_true(n >= 1);
    assert_string_equal(hs_lines[hits[0].index].code, "0303630000");
    /* a code prefix: the heading before its lines */
    n = hs_search("0303", hits, 10);
    assert_int_equal(hits[0].level, HS_HEADING);
    assert_true(n >= 3);
    /* ranked: no hit after a better one */
    n = hs_search("鱼", hits, 10);
    for (size_t i = 1; i < n; i++)
        assert_true(hits[i - 1].score >= hits[i].score);
    assert_int_equal(hs_search("", hits, 10), 0);
    assert_int_equal(hs_search("zzzzqqq", hits, 10), 0);
    /* a UTF-8 sequence cut short at the end of the query (found by fuzz_services) */
    hs_search("\xb3\xa2\xe9", hits, 10);
    hs_search("\xe5\x86", hits, 10);
}

static void declaration_elements(void **state)
{
    (void)state;
    const hs_line *cod = hs_line_find("0303630000");
    hs_element els[HS_ELEMENTS_MAX];
    size_t n = hs_line_elements(cod, els);
    assert_int_equal(n, 8);
    assert_string_equal(els[0].name, "品牌类型");
    assert_string_equal(els[0].codes, "01234");
    assert_string_equal(els[1].codes, "0123");
    assert_string_equal(els[3].name, "种类(中文及拉丁学名)");
    assert_false(els[5].mandatory);
    nav_finding f[8];
    /* accepted: every position, mandatory ones filled, GTIN/CAS/other empty */
    assert_int_equal(hs_elements_check(cod, "0|0|冻|大西洋鳕鱼Gadus morhua|无品牌|||", "e", f, 8), 0);
    /* refused: a mandatory element empty, a code outside its set, too few positions, none */
    assert_int_equal(hs_elements_check(cod, "0|0|冻||无品牌|||", "e", f, 8), 1);
    assert_string_equal(f[0].rule, "element_missing");
    assert_string_equal(f[0].field, "e");
    assert_int_equal(hs_elements_check(cod, "5|4|冻|鳕鱼|无品牌|||", "e", f, 8), 2);
    assert_string_equal(f[0].rule, "element_code");
    assert_int_equal(hs_elements_check(cod, "0|0|冻|鳕鱼", "e", f, 8), 1);
    assert_string_equal(f[0].rule, "elements_count");
    assert_int_equal(hs_elements_check(cod, "", "e", f, 8), 1);
    assert_string_equal(f[0].rule, "elements_missing");
}

static void aeo_measured(void **state)
{
    (void)state;
    aeo_level_month m;
    /* DESIGN §5: advanced certified at most 20% of general credit's inspection rate */
    aeo_measure(0, 1000, 5, 5, 1000, 100, 200000, &m);
    assert_int_equal(m.total_ppm, 10000);
    assert_int_equal(m.of_general_ppm, 100000);
    assert_false(m.drift);
    aeo_measure(0, 1000, 20, 15, 1000, 100, 200000, &m); /* 3.5% against 10%: 35% */
    assert_int_equal(m.random_ppm, 20000);
    assert_int_equal(m.rule_ppm, 15000);
    assert_true(m.drift);
    /* too few declarations prove nothing either way */
    aeo_measure(0, 10, 5, 0, 1000, 100, 200000, &m);
    assert_false(m.drift);
    /* dishonest: at least 80% of its declarations */
    aeo_measure(3, 100, 70, 5, 1000, 100, 800000, &m);
    assert_true(m.below);
    assert_true(m.drift);
    aeo_measure(3, 100, 80, 5, 1000, 100, 800000, &m);
    assert_false(m.drift);
    /* no general-credit inspections: nothing to compare with */
    aeo_measure(1, 100, 5, 0, 0, 0, 500000, &m);
    assert_int_equal(m.of_general_ppm, -1);
    assert_false(m.drift);
}

static void aeo_audit_rates(void **state)
{
    (void)state;
    /* 海关注册登记和备案企业信用管理办法: fewer post-clearance audits of certified enterprises, more
     * of dishonest ones; the shares are the inspection policy's (20%, 50%) */
    assert_int_equal(aeo_audit_rate(0, 100000), 20000);
    assert_int_equal(aeo_audit_rate(1, 100000), 50000);
    assert_int_equal(aeo_audit_rate(2, 100000), 100000);
    assert_int_equal(aeo_audit_rate(3, 100000), 1000000);
    assert_int_equal(aeo_audit_rate(2, 2000000), 1000000); /* a base above 100% is 100% */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(working_hours_clock), cmocka_unit_test(sla_configuration),    cmocka_unit_test(three_firsts),
        cmocka_unit_test(attachment_types),    cmocka_unit_test(percentiles),          cmocka_unit_test(hs_structure),
        cmocka_unit_test(hs_ranked_search),    cmocka_unit_test(declaration_elements), cmocka_unit_test(aeo_measured),
        cmocka_unit_test(aeo_audit_rates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
