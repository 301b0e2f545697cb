/* test_helpers.c — unit tests of the platform's shared helpers, each kept once: strict UTF-8,
 * identifier normalisation, money and two-place decimals, the Asia/Shanghai calendar and its
 * working days, and the key directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "platform/ident.h"
#include "platform/mem.h"
#include "platform/money.h"
#include "platform/utf8.h"

/* ---- utf8 ---- */

static void utf8_refuses_what_jansson_refuses(void **state)
{
    (void)state;
    assert_true(utf8_valid(""));
    assert_true(utf8_valid("plain ascii"));
    assert_true(utf8_valid("海关 \xf0\x9f\x9a\xa2"));            /* CJK and U+1F6A2 */
    assert_true(utf8_valid("\xf4\x8f\xbf\xbf"));                  /* U+10FFFF, the last */
    assert_false(utf8_valid("\xc0\xaf"));                         /* overlong '/' */
    assert_false(utf8_valid("\xe0\x80\xaf"));                     /* overlong, three bytes */
    assert_false(utf8_valid("\xf0\x80\x80\xaf"));                 /* overlong, four bytes */
    assert_false(utf8_valid("\xed\xa0\x80"));                     /* U+D800, a surrogate */
    assert_false(utf8_valid("\xed\xbf\xbf"));                     /* U+DFFF */
    assert_false(utf8_valid("\xf4\x90\x80\x80"));                 /* U+110000 */
    assert_false(utf8_valid("\xf5\x80\x80\x80"));
    assert_false(utf8_valid("\xe6\xb5"));                         /* cut short */
    assert_false(utf8_valid("\x80"));                             /* a lone continuation */
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
    assert_int_equal(ident_normalize("沪a 12", out, sizeof out), 0);   /* only ASCII folds; inner space kept */
    assert_string_equal(out, "沪A 12");
    assert_int_equal(ident_normalize("   ", out, sizeof out), 0);
    assert_string_equal(out, "");
    /* refused: too long, never cut into another identifier */
    assert_int_equal(ident_normalize("0123456789abcdef", out, sizeof out), -1);
    assert_string_equal(out, "");
    assert_int_equal(ident_normalize("  0123456789abcde  ", out, sizeof out), 0);   /* 15 fits */
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
    assert_int_equal(money_mul_div_round(5, 1, 10), 1);         /* 0.5 -> 1 */
    assert_int_equal(money_mul_div_round(4, 1, 10), 0);         /* 0.4 -> 0 */
    assert_int_equal(money_mul_div_round(100001, 130000, 1000000), 13000);   /* 13000.13 */
    assert_int_equal(money_mul_div_round(INT64_MAX, 1000000, 1000000), INT64_MAX);   /* no overflow */
    assert_int_equal(decimal_div_round(5, 10), 1);
    assert_int_equal(decimal_div_round(-5, 10), -1);            /* half away from zero */
    assert_int_equal(decimal_div_round(-4, 10), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_refuses_what_jansson_refuses),
        cmocka_unit_test(identifiers_are_trimmed_and_upper_cased),
        cmocka_unit_test(money_parses_and_formats_yuan),
        cmocka_unit_test(money_rounds_half_up),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
