/* test_helpers.c — unit tests of the platform's shared helpers, each kept once: strict UTF-8,
 * identifier normalisation, money and two-place decimals, the Asia/Shanghai calendar and its
 * working days, and the key directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "platform/calendar.h"
#include "platform/calendar_store.h"
#include "platform/ident.h"
#include "platform/iso_names.h"
#include "platform/keydir.h"
#include "platform/mem.h"
#include "platform/money.h"
#include "platform/utf8.h"
#include "scratch_db.h"

/* ---- utf8 ---- */

static void utf8_refuses_what_jansson_refuses(void **state)
{
    (void)state;
    assert_true(utf8_valid(""));
    assert_true(utf8_valid("plain ascii"));
    assert_true(utf8_valid("海关 \xf0\x9f\x9a\xa2")); /* CJK and U+1F6A2 */
    assert_true(utf8_valid("\xf4\x8f\xbf\xbf"));      /* U+10FFFF, the last */
    assert_false(utf8_valid("\xc0\xaf"));             /* overlong '/' */
    assert_false(utf8_valid("\xe0\x80\xaf"));         /* overlong, three bytes */
    assert_false(utf8_valid("\xf0\x80\x80\xaf"));     /* overlong, four bytes */
    assert_false(utf8_valid("\xed\xa0\x80"));         /* U+D800, a surrogate */
    assert_false(utf8_valid("\xed\xbf\xbf"));         /* U+DFFF */
    assert_false(utf8_valid("\xf4\x90\x80\x80"));     /* U+110000 */
    assert_false(utf8_valid("\xf5\x80\x80\x80"));
    assert_false(utf8_valid("\xe6\xb5")); /* cut short */
    assert_false(utf8_valid("\x80"));     /* a lone continuation */
    assert_int_equal(utf8_seq_len((const unsigned char *)"\xe6\xb5\xb7", 3), 3);
    assert_int_equal(utf8_seq_len((const unsigned char *)"\xe6\xb5\xb7", 2), 0);
    assert_true(utf8_text_ok("A海"));
    assert_false(utf8_text_ok("a\tb"));
    assert_false(utf8_text_ok("a\x7f"));
    assert_false(utf8_text_ok("\xed\xa0\x80"));
}

/* ---- ident ---- */

static void identifiers_are_trimmed_and_upper_cased(void **state)
{
    (void)state;
    char out[16];
    assert_int_equal(ident_normalize(" \t91310000abc \r\n", out, sizeof out), 0);
    assert_string_equal(out, "91310000ABC");
    assert_int_equal(ident_normalize("沪a 12", out, sizeof out), 0); /* only ASCII folds; inner space kept */
    assert_string_equal(out, "沪A 12");
    assert_int_equal(ident_normalize("   ", out, sizeof out), 0);
    assert_string_equal(out, "");
    /* refused: too long, never cut into another identifier */
    assert_int_equal(ident_normalize("0123456789abcdef", out, sizeof out), -1);
    assert_string_equal(out, "");
    assert_int_equal(ident_normalize("  0123456789abcde  ", out, sizeof out), 0); /* 15 fits */
    char *d = ident_normalize_dup(" cn ");
    assert_non_null(d);
    assert_string_equal(d, "CN");
    xfree(d);
}

/* ---- money ---- */

static void money_parses_and_formats_yuan(void **state)
{
    (void)state;
    int64_t fen;
    char out[32];
    assert_int_equal(money_parse("1234.56", &fen, NULL), HG_OK);
    assert_int_equal(fen, 123456);
    assert_int_equal(money_parse("1.5", &fen, NULL), HG_OK);
    assert_int_equal(fen, 150);
    assert_int_equal(money_parse("-0.05", &fen, NULL), HG_OK);
    assert_int_equal(fen, -5);
    assert_int_equal(money_parse("999999999999999.99", &fen, NULL), HG_OK);
    const char *bad[] = {"", "-", "1.", ".5", "1.234", "1e3", " 1", "1 ", "+1", "1234567890123456", "1,00"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(money_parse(bad[i], &fen, NULL), HG_INVALID);
    money_format(123456, out, sizeof out);
    assert_string_equal(out, "1234.56");
    money_format(-5, out, sizeof out);
    assert_string_equal(out, "-0.05");
    money_format(INT64_MIN, out, sizeof out);
    assert_string_equal(out, "-92233720368547758.08");
    decimal2_format(-1250, out, sizeof out);
    assert_string_equal(out, "-12.50");
}

static void money_rounds_half_up(void **state)
{
    (void)state;
    assert_int_equal(money_mul_div_round(5, 1, 10), 1);                            /* 0.5 -> 1 */
    assert_int_equal(money_mul_div_round(4, 1, 10), 0);                            /* 0.4 -> 0 */
    assert_int_equal(money_mul_div_round(100001, 130000, 1000000), 13000);         /* 13000.13 */
    assert_int_equal(money_mul_div_round(INT64_MAX, 1000000, 1000000), INT64_MAX); /* no overflow */
    assert_int_equal(decimal_div_round(5, 10), 1);
    assert_int_equal(decimal_div_round(-5, 10), -1); /* half away from zero */
    assert_int_equal(decimal_div_round(-4, 10), 0);
}

/* ---- calendar ---- */

static int64_t day_of(const char *date)
{
    int64_t d = 0;
    assert_int_equal(calendar_parse_date(date, &d), 0);
    return d;
}

static void shanghai_days_weeks_and_months(void **state)
{
    (void)state;
    char out[12];
    /* 2026-12-31T16:00:00Z is already 2027-01-01 in Shanghai; a millisecond before is not */
    int64_t ms = calendar_day_start_ms(day_of("2027-01-01"));
    assert_int_equal(ms, 1798761600000LL - 8LL * 3600 * 1000); /* 2027-01-01T00:00Z less 8 h */
    assert_int_equal(calendar_year_of(ms), 2027);
    assert_int_equal(calendar_year_of(ms - 1), 2026);
    assert_int_equal(calendar_day_of(ms - 1), day_of("2026-12-31"));
    assert_int_equal(calendar_day_of(-CALENDAR_OFFSET_MS - 1), -1); /* floor, before 1970 too */
    calendar_format_date(calendar_day_of(0), out);
    assert_string_equal(out, "1970-01-01");
    assert_int_equal(calendar_weekday(0), 4); /* a Thursday */
    assert_int_equal(calendar_weekday(day_of("2026-12-03")), 4);
    assert_int_equal(calendar_weekday(day_of("1969-12-29")), 1);
    /* ISO weeks: 2026-12-31 (Thursday) is 2026-W53; 2027-01-03 (Sunday) too; 2027-01-04 is W01 */
    calendar_format_week(day_of("2026-12-31"), out);
    assert_string_equal(out, "2026-W53");
    calendar_format_week(day_of("2027-01-03"), out);
    assert_string_equal(out, "2026-W53");
    calendar_format_week(day_of("2027-01-04"), out);
    assert_string_equal(out, "2027-W01");
    calendar_format_week(day_of("2024-12-30"), out); /* a Monday in 2024, week 1 of 2025 */
    assert_string_equal(out, "2025-W01");
    calendar_format_month(day_of("2028-02-29"), out);
    assert_string_equal(out, "2028-02");
    int64_t d;
    const char *bad[] = {"2027-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "2026-01-01x", "", "2100-02-29"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(calendar_parse_date(bad[i], &d), -1);
    assert_int_equal(calendar_parse_date("2000-02-29", &d), 0);
}

static void working_days_follow_the_holiday_table(void **state)
{
    (void)state;
    /* Spring Festival 2026 as the State Council arranged it: Feb 15–23 off, Sat Feb 14 and
     * Sat Feb 28 worked (调休) */
    calendar_exception days[12];
    size_t n = 0;
    for (int64_t d = day_of("2026-02-15"); d <= day_of("2026-02-23"); d++)
        days[n++] = (calendar_exception){d, CALENDAR_HOLIDAY};
    calendar_exception work[] = {{day_of("2026-02-14"), CALENDAR_WORKDAY}, {day_of("2026-02-28"), CALENDAR_WORKDAY}};
    /* the table as calendar_load gives it: sorted by day, both kinds */
    calendar_exception all[12];
    size_t k = 0;
    all[k++] = work[0];
    for (size_t i = 0; i < n; i++)
        all[k++] = days[i];
    all[k++] = work[1];
    working_calendar c = {all, k}, none = {NULL, 0};
    assert_true(calendar_is_working_day(&c, day_of("2026-02-14")));  /* a Saturday, worked */
    assert_false(calendar_is_working_day(&c, day_of("2026-02-16"))); /* a Monday, off */
    assert_false(calendar_is_working_day(&c, day_of("2026-03-01"))); /* a plain Sunday */
    assert_true(calendar_is_working_day(&none, day_of("2026-02-16")));
    /* a deadline falling in the holiday moves to the first working day after it */
    assert_int_equal(calendar_next_working_day(&c, day_of("2026-02-18")), day_of("2026-02-24"));
    assert_int_equal(calendar_next_working_day(&c, day_of("2026-02-24")), day_of("2026-02-24"));
    assert_int_equal(calendar_next_working_day(&none, day_of("2026-02-21")), day_of("2026-02-23"));
    /* five working days after Friday Feb 13: Sat 14, then Tue 24 … Fri 27 */
    assert_int_equal(calendar_add_working_days(&c, day_of("2026-02-13"), 5), day_of("2026-02-27"));
    assert_int_equal(calendar_add_working_days(&c, day_of("2026-02-13"), 6), day_of("2026-02-28"));
    assert_int_equal(calendar_add_working_days(&none, day_of("2026-02-13"), 5), day_of("2026-02-20"));
    assert_int_equal(calendar_add_working_days(&c, day_of("2026-02-15"), 0), day_of("2026-02-24"));
    /* a table that makes every day a holiday ends the search instead of looping */
    calendar_exception every[400];
    for (int i = 0; i < 400; i++)
        every[i] = (calendar_exception){day_of("2030-01-01") + i, CALENDAR_HOLIDAY};
    working_calendar closed = {every, 400};
    assert_false(calendar_is_working_day(&closed, calendar_next_working_day(&closed, day_of("2030-01-01"))));
    assert_false(calendar_is_working_day(&closed, calendar_add_working_days(&closed, day_of("2030-01-01"), 2)));
}

/* The holiday table is kept in memory between loads (every tax bill's deadline reads it);
 * a change by anyone (here an operator's SQL, as psql would) is seen at the next load. */
static void the_holiday_table_is_cached_and_follows_changes(void **state)
{
    (void)state;
    db *d = scratch_db_open("calendar");
    hg_err err;
    working_calendar c;
    assert_int_equal(calendar_load(d, &c, &err), HG_OK);
    assert_true(calendar_is_working_day(&c, day_of("2026-10-01")));
    calendar_free(&c);
    assert_int_equal(
        db_run(d, &err, "INSERT INTO holidays (date, kind, name) VALUES ('2026-10-01', 'holiday', '国庆节')", ""),
        HG_OK);
    assert_int_equal(calendar_load(d, &c, &err), HG_OK);
    assert_false(calendar_is_working_day(&c, day_of("2026-10-01")));
    calendar_free(&c);
    assert_int_equal(calendar_load(d, &c, &err), HG_OK); /* from memory now: the same answer */
    assert_int_equal(c.n, 1);
    calendar_free(&c);
    assert_int_equal(db_run(d, &err, "DELETE FROM holidays", ""), HG_OK);
    assert_int_equal(calendar_load(d, &c, &err), HG_OK);
    assert_int_equal(c.n, 0);
    assert_true(calendar_is_working_day(&c, day_of("2026-10-01")));
    calendar_free(&c);
    scratch_db_remove();
}

/* ---- keydir ---- */

static void keys_sign_and_verify_by_key_id(void **state)
{
    (void)state;
    char dir[] = "/tmp/hg_keys_XXXXXX", keys[64], path[96];
    assert_non_null(mkdtemp(dir));
    snprintf(keys, sizeof keys, "%s/db.keys", dir);
    snprintf(path, sizeof path, "%s/test.key", keys);
    keydir_key k, again;
    hg_err err;
    int created = 0;
    assert_int_equal(keydir_load(keys, "test.key", "the test key", &k, &created, &err), HG_OK);
    assert_true(created);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(stat(keys, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_int_equal(keydir_load(keys, "test.key", "the test key", &again, &created, &err), HG_OK);
    assert_false(created);
    assert_string_equal(again.id, k.id);
    assert_int_equal(strlen(k.id), KEYDIR_ID_LEN);
    /* accepted: the signature of the key named by its id */
    unsigned char sig[KEYDIR_SIG_BYTES];
    char sig_hex[2 * KEYDIR_SIG_BYTES + 1];
    keydir_sign(&k, "certificate 42", 14, sig);
    hex_encode(sig, sizeof sig, sig_hex);
    assert_true(keydir_verify(k.id, k.pk_hex, "certificate 42", 14, sig_hex));
    /* refused: another message, another key id, a malformed signature */
    assert_false(keydir_verify(k.id, k.pk_hex, "certificate 43", 14, sig_hex));
    assert_false(keydir_verify("0000000000000000", k.pk_hex, "certificate 42", 14, sig_hex));
    assert_false(keydir_verify(k.id, k.pk_hex, "certificate 42", 14, "00"));
    /* rotation: a new key under the same name, installed once its public half is recorded */
    keydir_key next;
    buf tmp;
    assert_int_equal(keydir_prepare(keys, "test.key", "the test key", &next, &tmp, &err), HG_OK);
    assert_string_not_equal(next.id, k.id);
    assert_int_equal(keydir_install(keys, "test.key", "the test key", &tmp, &err), HG_OK);
    buf_free(&tmp);
    assert_int_equal(keydir_load(keys, "test.key", "the test key", &again, &created, &err), HG_OK);
    assert_string_equal(again.id, next.id);
    /* refused: a key others can read, and a file that is not a key */
    assert_int_equal(chmod(path, 0644), 0);
    assert_int_equal(keydir_load(keys, "test.key", "the test key", &again, &created, &err), HG_FORBIDDEN);
    assert_non_null(strstr(err.message, "0600"));
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("not hex\n", f);
    fclose(f);
    assert_int_equal(chmod(path, 0600), 0);
    assert_int_equal(keydir_load(keys, "test.key", "the test key", &again, &created, &err), HG_IO);
    /* a plain secret: made once, the same afterwards */
    unsigned char s1[32], s2[32];
    assert_int_equal(keydir_secret(keys, "draw.key", "the draw secret", s1, sizeof s1, &err), HG_OK);
    assert_int_equal(keydir_secret(keys, "draw.key", "the draw secret", s2, sizeof s2, &err), HG_OK);
    assert_memory_equal(s1, s2, sizeof s1);
    keydir_key_wipe(&k);
    keydir_key_wipe(&again);
    keydir_key_wipe(&next);
    char rm[128];
    snprintf(rm, sizeof rm, "%s/draw.key", keys);
    unlink(rm);
    unlink(path);
    rmdir(keys);
    rmdir(dir);
}

/* A gettext catalogue (the GNU .mo layout: magic, revision, count, the two tables of
 * (length, offset) and the NUL-terminated strings), in either byte order. */
static size_t make_mo(uint8_t *out, int big, const char *const *pairs, uint32_t n)
{
    uint32_t words[7] = {0x950412deu, 0, n, 28, 28 + n * 8, 0, 0};
    size_t at = 28 + (size_t)n * 16, len = 0;
    uint32_t table[64];
    for (int side = 0; side < 2; side++)
        for (uint32_t i = 0; i < n; i++) {
            const char *s = pairs[2 * i + side];
            table[(side * n + i) * 2] = (uint32_t)strlen(s);
            table[(side * n + i) * 2 + 1] = (uint32_t)at;
            memcpy(out + at, s, strlen(s) + 1);
            at += strlen(s) + 1;
        }
    for (size_t i = 0; i < 7 + (size_t)n * 4; i++) {
        uint32_t w = i < 7 ? words[i] : table[i - 7];
        for (int b = 0; b < 4; b++)
            out[i * 4 + (size_t)b] = (uint8_t)(w >> (big ? 24 - 8 * b : 8 * b));
        len = at;
    }
    return len;
}

static void count_pair(void *cls, const char *id, const char *str)
{
    char *seen = cls;
    size_t n = strlen(seen);
    snprintf(seen + n, 256 - n, "%s=%s;", id, str);
}

static void mo_catalogues_are_read_in_both_byte_orders_and_bounded(void **state)
{
    (void)state;
    static const char *const pairs[] = {
        "", "Content-Type: text/plain; charset=UTF-8\n", "China", "中国", "ctx\004Yen", "x", "Euro", "欧元"};
    uint8_t mo[512];
    char seen[256];
    for (int big = 0; big < 2; big++) {
        size_t len = make_mo(mo, big, pairs, 4);
        seen[0] = '\0';
        assert_int_equal(mo_each(mo, len, count_pair, seen), 0);
        assert_string_equal(seen, "China=中国;Euro=欧元;"); /* the header and a context skipped */
        /* refused: a string past the end, a length without its NUL, another magic, too short */
        assert_int_equal(mo_each(mo, len - 1, count_pair, seen), -1);
        uint8_t bad[512];
        memcpy(bad, mo, len);
        bad[28 + 8 + (big ? 3 : 0)] += 1; /* the second msgid one byte longer: no NUL there */
        assert_int_equal(mo_each(bad, len, count_pair, seen), -1);
        memcpy(bad, mo, len);
        bad[0] ^= 1;
        assert_int_equal(mo_each(bad, len, count_pair, seen), -1);
        assert_int_equal(mo_each(mo, 20, count_pair, seen), -1);
    }
}

/* The reference names from the system's iso-codes (Debian package iso-codes): codes with
 * their Chinese names, and China's usage for Hong Kong, Macao and Taiwan. */
static void countries_and_currencies_have_chinese_names(void **state)
{
    (void)state;
    const char *j = iso_names_json();
    assert_non_null(j);
    assert_non_null(strstr(j, "{\"code\":\"CN\",\"en\":\"China\",\"zh\":\"中国\"}"));
    assert_non_null(strstr(j, "{\"code\":\"HK\",\"en\":\"Hong Kong, China\",\"zh\":\"中国香港\"}"));
    assert_non_null(strstr(j, "{\"code\":\"CNY\",\"en\":\"Yuan Renminbi\",\"zh\":\"人民币元\"}"));
    assert_non_null(strstr(j, "{\"code\":\"JPY\",\"en\":\"Yen\",\"zh\":\"日元\"}"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_refuses_what_jansson_refuses),
        cmocka_unit_test(identifiers_are_trimmed_and_upper_cased),
        cmocka_unit_test(money_parses_and_formats_yuan),
        cmocka_unit_test(money_rounds_half_up),
        cmocka_unit_test(shanghai_days_weeks_and_months),
        cmocka_unit_test(working_days_follow_the_holiday_table),
        cmocka_unit_test(the_holiday_table_is_cached_and_follows_changes),
        cmocka_unit_test(keys_sign_and_verify_by_key_id),
        cmocka_unit_test(mo_catalogues_are_read_in_both_byte_orders_and_bounded),
        cmocka_unit_test(countries_and_currencies_have_chinese_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
