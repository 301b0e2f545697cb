/* check_transport.c — validators for the identifiers of things that move: ISO 6346
 * container numbers, IMO ship numbers, vehicle identification numbers (ISO 3779 / GB 16735)
 * and UN/LOCODE place codes.
 *
 * Pure functions over the exact string given: no trimming, no case folding, no allocation.
 * check_locode asks check_country (check_iso.c) whether its country part exists; that is
 * the only lookup here. */
#include "check/check.h"
#include "check_util.h"

/* ---- Container number, ISO 6346 -------------------------------------------------------- */

/* ISO 6346 letter values: A=10 upwards, leaving out 11, 22 and 33, the multiples of the
 * check modulus 11 (a letter worth 0 mod 11 would drop out of the sum whatever its weight). */
static int iso6346_letter(char c)
{
    static const int values[26] = {
        10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, /* A-M */
        25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 36, 37, 38, /* N-Z */
    };
    return values[c - 'A'];
}

int check_container(const char *s, const char **reason)
{
    if (s == NULL || s[0] == '\0')
        return fail(reason, "must not be empty");
    if (bounded_len(s, 11) != 11)
        return fail(reason, "must be 11 characters");
    for (int i = 0; i < 4; i++) {
        if (is_upper(s[i]))
            continue;
        if (is_lower(s[i]))
            return fail(reason, "letters must be upper-case");
        return fail(reason, "first 4 characters (owner code, category) must be letters");
    }
    /* Equipment category: U freight container, J detachable equipment, Z trailer/chassis. */
    if (s[3] != 'U' && s[3] != 'J' && s[3] != 'Z')
        return fail(reason, "category (4th character) must be U, J or Z");
    for (int i = 4; i < 11; i++)
        if (!is_digit(s[i]))
            return fail(reason, "serial number and check digit must be digits");

    /* Check digit: sum of value * 2^position over the first 10, mod 11, where 10 becomes 0. */
    int sum = 0;
    for (int i = 0; i < 10; i++) {
        int v = i < 4 ? iso6346_letter(s[i]) : s[i] - '0';
        sum += v << i;
    }
    if (s[10] - '0' != sum % 11 % 10)
        return fail(reason, "wrong check digit");
    return 1;
}

/* ---- IMO ship identification number ----------------------------------------------------- */

int check_imo(const char *s, const char **reason)
{
    if (s == NULL || s[0] == '\0')
        return fail(reason, "must not be empty");
    const char *d = s;
    if (s[0] == 'I' && s[1] == 'M' && s[2] == 'O')
        d = s + 3;
    else if ((s[0] == 'i' || s[0] == 'I') && (s[1] == 'm' || s[1] == 'M')
             && (s[2] == 'o' || s[2] == 'O'))
        return fail(reason, "prefix must be upper-case IMO");
    size_t n = bounded_len(d, 7);
    for (size_t i = 0; i < n; i++)
        if (!is_digit(d[i]))
            return fail(reason, "must be 7 digits, optionally after IMO");
    if (n != 7)
        return fail(reason, "must be 7 digits, optionally after IMO");

    /* IMO Resolution A.1078(28): digits 1-6 weighted 7 down to 2; the last digit of the sum
     * is the 7th digit. */
    int sum = 0;
    for (int i = 0; i < 6; i++)
        sum += (d[i] - '0') * (7 - i);
    if (d[6] - '0' != sum % 10)
        return fail(reason, "wrong check digit");
    return 1;
}

/* ---- Vehicle identification number, ISO 3779 with the GB 16735 check digit ------------- */

/* Transliteration of VIN letters to numbers (GB 16735 appendix / 49 CFR 565); 0 marks the
 * letters a VIN never contains (I, O, Q). */
static int vin_letter(char c)
{
    static const int values[26] = {
        1, 2, 3, 4, 5, 6, 7, 8, 0, /* A-I */
        1, 2, 3, 4, 5, 0, 7, 0, 9, /* J-R */
        2, 3, 4, 5, 6, 7, 8, 9,    /* S-Z */
    };
    return values[c - 'A'];
}

int check_vin(const char *s, const char **reason)
{
    /* Weights per position; position 9 (the check digit itself) weighs 0. */
    static const int w[17] = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    if (s == NULL || s[0] == '\0')
        return fail(reason, "must not be empty");
    if (bounded_len(s, 17) != 17)
        return fail(reason, "must be 17 characters");
    int sum = 0;
    for (int i = 0; i < 17; i++) {
        char c = s[i];
        int v;
        if (is_digit(c)) {
            v = c - '0';
        } else if (is_upper(c)) {
            if (c == 'I' || c == 'O' || c == 'Q')
                return fail(reason, "letters I, O and Q are not used in a VIN");
            v = vin_letter(c);
        } else if (is_lower(c)) {
            return fail(reason, "letters must be upper-case");
        } else {
            return fail(reason, "only digits and upper-case letters are allowed");
        }
        sum += v * w[i];
    }
    /* Position 9: weighted sum mod 11, 10 written 'X'. GB 16735 makes it mandatory, so
     * European VINs that leave it out are not accepted here. */
    int r = sum % 11;
    char want = r == 10 ? 'X' : (char)('0' + r);
    if (s[8] != want)
        return fail(reason, "wrong check digit (position 9)");
    return 1;
}

/* ---- UN/LOCODE --------------------------------------------------------------------------- */

int check_locode(const char *s, const char **reason)
{
    if (s == NULL || s[0] == '\0')
        return fail(reason, "must not be empty");
    size_t n = bounded_len(s, 6);
    if (n != 5 && n != 6)
        return fail(reason, "must be 5 characters, or 6 with a space after the country");
    if (n == 6 && s[2] != ' ')
        return fail(reason, "only one space, between country and location, is allowed");
    for (size_t i = 0; i < n; i++)
        if (is_lower(s[i]))
            return fail(reason, "letters must be upper-case");
    if (!is_upper(s[0]) || !is_upper(s[1]))
        return fail(reason, "country must be two letters");

    /* Location: three characters from A-Z and 2-9 (UN/ECE Recommendation 16; 0 and 1 are
     * left out so that they are not mistaken for O and I). */
    const char *loc = s + (n == 6 ? 3 : 2);
    for (int i = 0; i < 3; i++) {
        char c = loc[i];
        if (!is_upper(c) && !(c >= '2' && c <= '9'))
            return fail(reason, "location must be 3 characters from A-Z and 2-9");
    }

    /* The country part is two upper-case letters by now, so check_country can only say
     * "unknown country" or "data not available"; its reason is passed on unchanged. */
    char country[3] = {s[0], s[1], '\0'};
    return check_country(country, reason);
}
