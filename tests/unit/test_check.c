/* test_check.c — unit tests for the identifier validators in src/check/.
 *
 * Valid examples are published ones (the standard's own specimen where there is one) or
 * values whose check characters were computed by hand from the standard and cross-checked
 * against an independent implementation; each says which. Invalid examples cover, per
 * kind: wrong check digit, wrong length, forbidden or lower-case letters, surrounding
 * whitespace and the empty string. Country and currency tests read the system's iso-codes
 * JSON (package iso-codes). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "check/check.h"

/* Judges s with fn and fails the test, naming the value, unless the verdict is `want`.
 * On an invalid verdict the reason must be a non-empty string. */
static void expect(check_fn fn, const char *s, int want, const char *file, int line)
{
    const char *reason = NULL;
    int got = fn(s, &reason);
    if (got != want) {
        print_error("%s:%d: \"%s\" judged %s (%s)\n", file, line, s,
                    got ? "valid" : "invalid", reason ? reason : "no reason");
        _fail(file, line);
    }
    if (!got && (reason == NULL || reason[0] == '\0')) {
        print_error("%s:%d: \"%s\" invalid without a reason\n", file, line, s);
        _fail(file, line);
    }
    /* The reason is optional: a NULL out-parameter must be accepted. */
    if (fn(s, NULL) != got) {
        print_error("%s:%d: \"%s\" judged differently without a reason pointer\n", file,
                    line, s);
        _fail(file, line);
    }
}

/* Like expect(.., 0), and the reason must contain `why`. */
static void expect_reason(check_fn fn, const char *s, const char *why, const char *file,
                          int line)
{
    const char *reason = NULL;
    expect(fn, s, 0, file, line);
    fn(s, &reason);
    if (strstr(reason, why) == NULL) {
        print_error("%s:%d: \"%s\": reason \"%s\" lacks \"%s\"\n", file, line, s, reason, why);
        _fail(file, line);
    }
}

#define VALID(fn, s) expect(fn, s, 1, __FILE__, __LINE__)
#define INVALID(fn, s) expect(fn, s, 0, __FILE__, __LINE__)
#define REASON(fn, s, why) expect_reason(fn, s, why, __FILE__, __LINE__)

static void test_uscc(void **state)
{
    (void)state;
    /* Published real codes (the first is the example cited in GB 32100 explanations, the
     * others come from python-stdnum's collection of codes found online); all pass both the
     * GB 11714 check at 17 and the GB 32100 check at 18. */
    VALID(check_uscc, "91350100M000100Y43");
    VALID(check_uscc, "91110000600037341L");
    VALID(check_uscc, "9144030071526726XG");   /* GB 11714 check 'X' at 17 */
    VALID(check_uscc, "91620105L015101280");   /* GB 32100 check '0' at 18 */
    VALID(check_uscc, "91340603MA2UJXXCXF");
    VALID(check_uscc, "121200004013590816");   /* registration authority 1 */

    REASON(check_uscc, "91350100M000100Y44", "position 18");
    REASON(check_uscc, "91110000600037341N", "position 18");
    /* Computed: mod-31 character right for a wrong organisation code check at 17. */
    REASON(check_uscc, "91350100M000100Y56", "position 17");
    /* A common placeholder that is not a real code. */
    INVALID(check_uscc, "911100001000000000");
    REASON(check_uscc, "91350100M000100Y4", "18 characters");
    REASON(check_uscc, "91350100M000100Y433", "18 characters");
    REASON(check_uscc, "91350100I000100Y43", "I, O, Z, S and V");
    REASON(check_uscc, "91350100O000100Y43", "I, O, Z, S and V");
    REASON(check_uscc, "91350100Z000100Y43", "I, O, Z, S and V");
    REASON(check_uscc, "91350100S000100Y43", "I, O, Z, S and V");
    REASON(check_uscc, "91350100V000100Y43", "I, O, Z, S and V");
    REASON(check_uscc, "91350100m000100y43", "upper-case");
    REASON(check_uscc, "91A50100M000100Y43", "administrative division");
    INVALID(check_uscc, " 91350100M000100Y43");
    INVALID(check_uscc, "91350100M000100Y43 ");
    INVALID(check_uscc, "91350100M000100Y43\n");
    INVALID(check_uscc, "9135010-M000100Y43");
    INVALID(check_uscc, "");
}

static void test_customs_code(void **state)
{
    (void)state;
    /* Format only: 4-digit customs area code, then digits or upper-case letters. */
    VALID(check_customs_code, "3120961234");
    VALID(check_customs_code, "31209A12B4");

    REASON(check_customs_code, "31A0961234", "first 4");
    REASON(check_customs_code, "312096123", "10 characters");
    REASON(check_customs_code, "31209612345", "10 characters");
    REASON(check_customs_code, "31209a1234", "upper-case");
    INVALID(check_customs_code, "3120-61234");
    INVALID(check_customs_code, " 3120961234");
    INVALID(check_customs_code, "3120961234 ");
    INVALID(check_customs_code, "");
}

static void test_container(void **state)
{
    (void)state;
    /* CSQU3054383: the worked example of ISO 6346. The others computed by hand. */
    VALID(check_container, "CSQU3054383");
    VALID(check_container, "MSCU1234566");
    VALID(check_container, "CSQU0000070");   /* sum mod 11 = 10, written 0 */

    REASON(check_container, "CSQU3054384", "check digit");
    REASON(check_container, "CSQU0000071", "check digit");
    REASON(check_container, "CSQX3054383", "category");
    REASON(check_container, "csqu3054383", "upper-case");
    REASON(check_container, "CSQU305438", "11 characters");
    REASON(check_container, "CSQU30543830", "11 characters");
    INVALID(check_container, "C5QU3054383");
    INVALID(check_container, "CSQU305438A");
    INVALID(check_container, "CSQU 3054383");
    INVALID(check_container, " CSQU3054383");
    INVALID(check_container, "CSQU3054383 ");
    INVALID(check_container, "");
}

static void test_imo(void **state)
{
    (void)state;
    /* IMO 9074729 and IMO 9176187: published examples of the IMO number check. */
    VALID(check_imo, "IMO9074729");
    VALID(check_imo, "9074729");
    VALID(check_imo, "IMO9176187");

    REASON(check_imo, "IMO9074728", "check digit");
    REASON(check_imo, "9176188", "check digit");
    REASON(check_imo, "imo9074729", "upper-case");
    INVALID(check_imo, "IMO907472");
    INVALID(check_imo, "IMO90747290");
    INVALID(check_imo, "IMO 9074729");   /* no space, as check.h says */
    INVALID(check_imo, "IMO");
    INVALID(check_imo, "IMOX074729");
    INVALID(check_imo, " 9074729");
    INVALID(check_imo, "9074729 ");
    INVALID(check_imo, "");
}

static void test_vin(void **state)
{
    (void)state;
    /* 1M8GDM9AXKP042788: the published example of the check digit ('X'); seventeen 1s
     * check to 1 (computed). */
    VALID(check_vin, "1M8GDM9AXKP042788");
    VALID(check_vin, "11111111111111111");

    REASON(check_vin, "1M8GDM9A1KP042788", "check digit");
    REASON(check_vin, "11111111211111111", "check digit");
    REASON(check_vin, "1M8GDM9AXKI042788", "I, O and Q");
    REASON(check_vin, "1M8GDM9AXKO042788", "I, O and Q");
    REASON(check_vin, "1M8GDM9AXKQ042788", "I, O and Q");
    REASON(check_vin, "1m8gdm9axkp042788", "upper-case");
    REASON(check_vin, "1M8GDM9AXKP04278", "17 characters");
    REASON(check_vin, "1M8GDM9AXKP0427880", "17 characters");
    INVALID(check_vin, "1M8GDM9AXKP-42788");
    INVALID(check_vin, " 1M8GDM9AXKP042788");
    INVALID(check_vin, "1M8GDM9AXKP042788 ");
    INVALID(check_vin, "");
}

static void test_id_card(void **state)
{
    (void)state;
    /* 11010519491231002X: the GB 11643 example. The others are computed. */
    VALID(check_id_card, "11010519491231002X");
    VALID(check_id_card, "110105200002290013");   /* 2000-02-29: a leap day */

    REASON(check_id_card, "110105194912310021", "check character");
    REASON(check_id_card, "11010519491231002x", "upper-case");
    REASON(check_id_card, "110105194902290010", "calendar date");   /* 1949 not leap */
    REASON(check_id_card, "110105190002290017", "calendar date");   /* 1900 not leap */
    REASON(check_id_card, "110105189912310015", "1900");
    INVALID(check_id_card, "110105194913310021");   /* month 13 */
    INVALID(check_id_card, "110105194912000021");   /* day 0 */
    REASON(check_id_card, "11010519491231002", "18 characters");
    REASON(check_id_card, "11010519491231002X0", "18 characters");
    REASON(check_id_card, "110105194912310", "18 characters");   /* old 15-digit form */
    INVALID(check_id_card, "1101051949123100AX");
    INVALID(check_id_card, " 11010519491231002X");
    INVALID(check_id_card, "11010519491231002X ");
    INVALID(check_id_card, "");
}

/* ICAO 9303 specimens: Anna Maria Eriksson of Utopia. */
static const char td3[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                          "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
static const char td2[] = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
                          "D231458907UTO7408122F1204159<<<<<<<6";
static const char td1[] = "I<UTOD231458907<<<<<<<<<<<<<<<\n"
                          "7408122F1204159UTO<<<<<<<<<<<6\n"
                          "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";

/* Copies src into dst (at most 128 bytes) and sets dst[at] = c. */
static void mutate(char *dst, const char *src, size_t at, char c)
{
    size_t n = strlen(src);
    assert_true(n < 128);
    memcpy(dst, src, n + 1);
    dst[at] = c;
}

static void test_mrz(void **state)
{
    (void)state;
    char buf[128];
    VALID(check_mrz, td3);
    VALID(check_mrz, td2);
    VALID(check_mrz, td1);
    /* TD1 with a 12-character document number continued in the optional data (ICAO 9303
     * Part 5 note j); check digits computed by hand. */
    VALID(check_mrz, "I<UTOD23145890<7349<<<<<<<<<<<\n"
                     "7408122F1204159UTO<<<<<<<<<<<6\n"
                     "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
    /* TD2 with the same long-number rule (ICAO 9303 Part 6); check digits computed. */
    VALID(check_mrz, "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
                     "D23145890<UTO7408122F12041597349<<<2");
    REASON(check_mrz, "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
                      "D23145890<UTO7408122F12041597348<<<2",
           "wrong check digit for document number");
    /* TD3 with an empty personal number: its check digit may be '<' (composite computed). */
    VALID(check_mrz, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                     "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8");

    /* Each check digit of the TD3 specimen, one at a time (line 2 starts at 45). */
    mutate(buf, td3, 45 + 9, '7');
    REASON(check_mrz, buf, "wrong check digit for document number");
    mutate(buf, td3, 45 + 19, '3');
    REASON(check_mrz, buf, "wrong check digit for date of birth");
    mutate(buf, td3, 45 + 27, '8');
    REASON(check_mrz, buf, "wrong check digit for date of expiry");
    mutate(buf, td3, 45 + 42, '2');
    REASON(check_mrz, buf, "wrong check digit for personal number");
    mutate(buf, td3, 45 + 43, '1');
    REASON(check_mrz, buf, "wrong composite check digit");
    mutate(buf, td3, 45 + 42, '<');
    REASON(check_mrz, buf, "personal number");
    mutate(buf, td2, 37 + 35, '5');
    REASON(check_mrz, buf, "wrong composite check digit");
    mutate(buf, td1, 14, '8');
    REASON(check_mrz, buf, "wrong check digit for document number");
    mutate(buf, td1, 31 + 29, '7');
    REASON(check_mrz, buf, "wrong composite check digit");

    /* Every line-2 character of the TD3 specimen except nationality (11-13) and sex (21)
     * is covered by a check digit: changing its value by one must be caught. */
    for (size_t i = 0; i < 44; i++) {
        if ((i >= 10 && i <= 12) || i == 20)
            continue;
        char c = td3[45 + i];
        char d = c == '<' ? '1' : c == '9' ? '0' : c == 'Z' ? 'A' : (char)(c + 1);
        mutate(buf, td3, 45 + i, d);
        INVALID(check_mrz, buf);
    }

    /* Layout. */
    REASON(check_mrz, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\n"
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
           "carriage return");
    REASON(check_mrz, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10\n",
           "trailing newline");
    REASON(check_mrz, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                      "L898902C36UTO7408122F1204159ZE184226B<<<<10",
           "line 2 must be 44 characters");
    REASON(check_mrz, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\n"
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
           "line 1 must be 44 characters");
    REASON(check_mrz, "I<UTOD231458907<<<<<<<<<<<<<<<\n"
                      "7408122F1204159UTO<<<<<<<<<<<6\n"
                      "ERIKSSON<<ANNA<MARIA<<<<<<<<<",
           "line 3 must be 30 characters");
    REASON(check_mrz, "I<UTOD231458907<<<<<<<<<<<<<<<\n"
                      "7408122F1204159UTO<<<<<<<<<<<6",
           "3 lines");
    REASON(check_mrz, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
           "lines");
    REASON(check_mrz, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10\n"
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
           "line 1 must be 30 characters");
    REASON(check_mrz, "P<UTOErIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
           "upper-case");
    REASON(check_mrz, "P<UTOERIKSSON  ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
           "spaces");
    REASON(check_mrz, "P<UTOERIKSSON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<\n"
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
           "name");
    REASON(check_mrz, "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
           "passport");
    /* Month 13 with its check digit recomputed, so that the date itself is what fails. */
    REASON(check_mrz, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                      "L898902C36UTO7413128F1204159ZE184226B<<<<<10",
           "date of birth");
    INVALID(check_mrz, " P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\n"
                       "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    INVALID(check_mrz, "\n");
    INVALID(check_mrz, "");
}

static void test_hs(void **state)
{
    (void)state;
    VALID(check_hs, "0101210010");
    VALID(check_hs, "8471300000");
    VALID(check_hs, "9706100000");   /* chapter 97, the last */

    REASON(check_hs, "7700000000", "77");
    REASON(check_hs, "9800000000", "01-97");
    REASON(check_hs, "0000000000", "01-97");
    REASON(check_hs, "847130000", "10 digits");
    REASON(check_hs, "84713000001", "10 digits");
    REASON(check_hs, "84713000A0", "digits only");
    INVALID(check_hs, "8471.30.00");
    INVALID(check_hs, " 8471300000");
    INVALID(check_hs, "8471300000 ");
    INVALID(check_hs, "");
}

static void test_country(void **state)
{
    (void)state;
    VALID(check_country, "CN");
    VALID(check_country, "CHN");
    VALID(check_country, "HK");
    VALID(check_country, "GB");
    VALID(check_country, "USA");

    REASON(check_country, "XX", "ISO 3166-1");
    REASON(check_country, "UK", "ISO 3166-1");   /* exceptionally reserved, not assigned */
    REASON(check_country, "ZZZ", "ISO 3166-1");
    REASON(check_country, "cn", "upper-case");
    REASON(check_country, "Chn", "upper-case");
    INVALID(check_country, "C");
    INVALID(check_country, "CHNA");
    INVALID(check_country, "C1");
    INVALID(check_country, " CN");
    INVALID(check_country, "CN ");
    INVALID(check_country, "");
}

static void test_currency(void **state)
{
    (void)state;
    VALID(check_currency, "CNY");
    VALID(check_currency, "USD");
    VALID(check_currency, "EUR");

    REASON(check_currency, "XYZ", "ISO 4217");
    REASON(check_currency, "RMB", "ISO 4217");
    REASON(check_currency, "cny", "upper-case");
    INVALID(check_currency, "CN");
    INVALID(check_currency, "CNYY");
    INVALID(check_currency, "C1Y");
    INVALID(check_currency, " CNY");
    INVALID(check_currency, "CNY ");
    INVALID(check_currency, "");
}

static void test_locode(void **state)
{
    (void)state;
    VALID(check_locode, "CNDLC");   /* Dalian */
    VALID(check_locode, "CN DLC");
    VALID(check_locode, "CNSHA");   /* Shanghai */
    VALID(check_locode, "NLRTM");   /* Rotterdam */
    VALID(check_locode, "DEHAM");   /* Hamburg */

    REASON(check_locode, "XXDLC", "ISO 3166-1");
    REASON(check_locode, "CNDL1", "2-9");
    REASON(check_locode, "CNDL0", "2-9");
    REASON(check_locode, "cndlc", "upper-case");
    REASON(check_locode, "CNDLCX", "one space");
    INVALID(check_locode, "CNDL");
    INVALID(check_locode, "CN  DLC");
    INVALID(check_locode, "CN-DLC");
    INVALID(check_locode, "C1DLC");
    INVALID(check_locode, " CNDLC");
    INVALID(check_locode, "CNDLC ");
    INVALID(check_locode, "");
}

static void test_entry_no(void **state)
{
    (void)state;
    VALID(check_entry_no, "220120241000123456");   /* import */
    VALID(check_entry_no, "220120240000123456");   /* export */

    REASON(check_entry_no, "220119991000123456", "2000-2099");
    REASON(check_entry_no, "220121001000123456", "2000-2099");
    REASON(check_entry_no, "220120242000123456", "direction");
    REASON(check_entry_no, "22012024100012345", "18 characters");
    REASON(check_entry_no, "2201202410001234567", "18 characters");
    REASON(check_entry_no, "2201202410001234A6", "digits only");
    INVALID(check_entry_no, " 220120241000123456");
    INVALID(check_entry_no, "220120241000123456 ");
    INVALID(check_entry_no, "");
}

static void test_table(void **state)
{
    (void)state;
    static const char *const names[] = {"uscc", "customs-code", "container", "imo",
                                        "vin", "id-card", "mrz", "hs", "country",
                                        "currency", "locode", "entry-no"};
    size_t n = 0;
    while (check_kinds[n].name != NULL) {
        assert_non_null(check_kinds[n].fn);
        assert_non_null(check_kinds[n].what);
        n++;
    }
    assert_int_equal(n, sizeof names / sizeof names[0]);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(check_kinds[i].name, names[i]);
        assert_ptr_equal(check_find(names[i]), &check_kinds[i]);
    }
    assert_ptr_equal(check_find("uscc")->fn, check_uscc);
    assert_ptr_equal(check_find("entry-no")->fn, check_entry_no);
    assert_null(check_find("USCC"));
    assert_null(check_find("passport"));
    assert_null(check_find(""));
    assert_null(check_find(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uscc),     cmocka_unit_test(test_customs_code),
        cmocka_unit_test(test_container), cmocka_unit_test(test_imo),
        cmocka_unit_test(test_vin),      cmocka_unit_test(test_id_card),
        cmocka_unit_test(test_mrz),      cmocka_unit_test(test_hs),
        cmocka_unit_test(test_country),  cmocka_unit_test(test_currency),
        cmocka_unit_test(test_locode),   cmocka_unit_test(test_entry_no),
        cmocka_unit_test(test_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
