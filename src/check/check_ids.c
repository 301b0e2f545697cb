/* check_ids.c — validators for Chinese administrative identifiers: unified social credit
 * code (GB 32100), customs enterprise code, resident identity number (GB 11643),
 * declaration entry number and HS code.
 *
 * Pure functions over the exact string given: no trimming, no case folding, no allocation,
 * no I/O. Not for: the transport identifiers (check_transport.c), MRZ (check_mrz.c) or the
 * reference-data lookups (check_iso.c). */
#include "check/check.h"
#include "check_util.h"

#include <string.h>

/* Days in a Gregorian month; year is a full four-digit year. */
static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

/* Value of n decimal digits at s; the caller has checked they are digits. */
static int digits_value(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* ---- Unified social credit code, GB 32100-2015 ------------------------------------- */

/* GB 32100 code character set, in value order: the 31 characters 0-9 and A-Z without
 * I, O, Z, S, V (left out because they are easily misread as 1, 0, 2, 5, U). The index of a
 * character is its value in the mod-31 check. */
static const char uscc_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int uscc_value(char c)
{
    const char *p = c != '\0' ? strchr(uscc_charset, c) : NULL;
    return p ? (int)(p - uscc_charset) : -1;
}

/* Value of a character in the GB 11714 organisation code check: digits their value, letters
 * A=10 ... Z=35 over the full alphabet (GB 11714 predates the GB 32100 charset). */
static int gb11714_value(char c)
{
    return is_digit(c) ? c - '0' : c - 'A' + 10;
}

int check_uscc(const char *s, const char **reason)
{
    /* GB 32100 weights: 3^i mod 31 for positions 1-17. */
    static const int w31[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /* GB 11714 weights for the 8-character organisation code body (positions 9-16). */
    static const int w11[8] = {3, 7, 9, 10, 5, 8, 4, 2};

    if (s == NULL || s[0] == '\0')
        return fail(reason, "must not be empty");
    if (bounded_len(s, 18) != 18)
        return fail(reason, "must be 18 characters");
    for (int i = 0; i < 18; i++) {
        char c = s[i];
        if (uscc_value(c) >= 0)
            continue;
        if (is_lower(c))
            return fail(reason, "letters must be upper-case");
        if (c == 'I' || c == 'O' || c == 'Z' || c == 'S' || c == 'V')
            return fail(reason, "letters I, O, Z, S and V are not used (GB 32100)");
        return fail(reason, "only digits and upper-case letters are allowed");
    }
    /* Positions 3-8: administrative division code (GB/T 2260), always six digits. */
    for (int i = 2; i < 8; i++)
        if (!is_digit(s[i]))
            return fail(reason, "positions 3-8 (administrative division) must be digits");

    /* Positions 9-17: the organisation code, GB 11714, whose 9th character is its own check:
     * 11 - (weighted sum mod 11), 10 written 'X', 11 written '0'. Every real code we tried
     * (including 91350100M000100Y43 and the 137 published codes collected by python-stdnum)
     * passes it, so it is enforced. */
    int sum = 0;
    for (int i = 0; i < 8; i++)
        sum += gb11714_value(s[8 + i]) * w11[i];
    int org = 11 - sum % 11;
    char org_check = org == 10 ? 'X' : org == 11 ? '0' : (char)('0' + org);
    if (s[16] != org_check)
        return fail(reason, "wrong organisation code check character (position 17, GB 11714)");

    /* Position 18: 31 - (weighted sum mod 31), 31 written '0' (GB 32100 §4.3). */
    sum = 0;
    for (int i = 0; i < 17; i++)
        sum += uscc_value(s[i]) * w31[i];
    if (s[17] != uscc_charset[(31 - sum % 31) % 31])
        return fail(reason, "wrong check character (position 18, GB 32100)");
    return 1;
}

/* ---- Customs enterprise code (海关编码) ------------------------------------------------ */

int check_customs_code(const char *s, const char **reason)
{
    if (s == NULL || s[0] == '\0')
        return fail(reason, "must not be empty");
    if (bounded_len(s, 10) != 10)
        return fail(reason, "must be 10 characters");
    for (int i = 0; i < 10; i++) {
        if (is_digit(s[i]) || is_upper(s[i]))
            continue;
        if (is_lower(s[i]))
            return fail(reason, "letters must be upper-case");
        return fail(reason, "only digits and upper-case letters are allowed");
    }
    /* The first four characters are the registering customs' area code, always digits. */
    for (int i = 0; i < 4; i++)
        if (!is_digit(s[i]))
            return fail(reason, "first 4 characters (customs area code) must be digits");
    return 1;
}

/* ---- Resident identity number, GB 11643-1999 ----------------------------------------- */

int check_id_card(const char *s, const char **reason)
{
    /* GB 11643 / ISO 7064 MOD 11-2 weights: 2^(17-i) mod 11. */
    static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char checks[] = "10X98765432";

    if (s == NULL || s[0] == '\0')
        return fail(reason, "must not be empty");
    if (bounded_len(s, 18) != 18)
        return fail(reason, "must be 18 characters");
    for (int i = 0; i < 17; i++)
        if (!is_digit(s[i]))
            return fail(reason, "first 17 characters must be digits");
    if (s[17] == 'x')
        return fail(reason, "check character X must be upper-case");
    if (!is_digit(s[17]) && s[17] != 'X')
        return fail(reason, "last character must be a digit or X");

    /* Positions 7-14: date of birth YYYYMMDD, a real calendar date. */
    int year = digits_value(s + 6, 4);
    int month = digits_value(s + 10, 2);
    int day = digits_value(s + 12, 2);
    if (year < 1900)
        return fail(reason, "year of birth before 1900");
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        return fail(reason, "date of birth is not a calendar date");

    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (s[i] - '0') * w[i];
    if (s[17] != checks[sum % 11])
        return fail(reason, "wrong check character");
    return 1;
}

/* ---- Declaration entry number (报关单号) ---------------------------------------------- */

int check_entry_no(const char *s, const char **reason)
{
    if (s == NULL || s[0] == '\0')
        return fail(reason, "must not be empty");
    if (bounded_len(s, 18) != 18)
        return fail(reason, "must be 18 characters");
    for (int i = 0; i < 18; i++)
        if (!is_digit(s[i]))
            return fail(reason, "must be digits only");
    /* Layout: customs code (1-4), year (5-8), direction (9), serial (10-18). */
    int year = digits_value(s + 4, 4);
    if (year < 2000 || year > 2099)
        return fail(reason, "year (positions 5-8) must be 2000-2099");
    if (s[8] != '0' && s[8] != '1')
        return fail(reason, "direction (position 9) must be 0 (export) or 1 (import)");
    return 1;
}

/* ---- HS code, China's 10-digit tariff + supervision code ------------------------------ */

int check_hs(const char *s, const char **reason)
{
    if (s == NULL || s[0] == '\0')
        return fail(reason, "must not be empty");
    if (bounded_len(s, 10) != 10)
        return fail(reason, "must be 10 digits");
    for (int i = 0; i < 10; i++)
        if (!is_digit(s[i]))
            return fail(reason, "must be digits only");
    /* The Harmonized System has chapters 01-97; chapter 77 is reserved for future use. */
    int chapter = digits_value(s, 2);
    if (chapter < 1 || chapter > 97)
        return fail(reason, "chapter (first two digits) must be 01-97");
    if (chapter == 77)
        return fail(reason, "chapter 77 is reserved in the Harmonized System");
    return 1;
}
