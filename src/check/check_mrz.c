/* check_mrz.c — validator for ICAO Doc 9303 machine-readable zones of travel documents:
 * TD3 (passports, 2 lines of 44), TD2 (2 lines of 36) and TD1 (ID cards, 3 lines of 30).
 *
 * It checks the layout, the character set, the dates and every check digit, and says which
 * one is wrong. It does not parse names or map issuing states to ISO 3166 (ICAO codes
 * include non-ISO ones such as "D<<", "UTO" and "XXA"). Visa MRZs (MRV-A/B) are refused.
 * Pure: no allocation, no I/O. */
#include "check/check.h"
#include "check_util.h"

/* ICAO 9303 Part 3 §4.9 check digits: values 0-9 for digits, A=10 ... Z=35, '<'=0,
 * weighted 7, 3, 1 repeating, sum mod 10. Composite check digits run over several pieces
 * of the zone, so this adds one piece into a running sum, continuing the 7-3-1 cycle at
 * *pos. The characters have been checked against the MRZ charset before. */
static void weigh(int *sum, int *pos, const char *s, int n)
{
    static const int w[3] = {7, 3, 1};
    for (int i = 0; i < n; i++, (*pos)++) {
        char c = s[i];
        int v = is_digit(c) ? c - '0' : is_upper(c) ? c - 'A' + 10 : 0;
        *sum += v * w[*pos % 3];
    }
}

/* The expected check digit character over one field. */
static char check_digit(const char *s, int n)
{
    int sum = 0, pos = 0;
    weigh(&sum, &pos, s, n);
    return (char)('0' + sum % 10);
}

/* A YYMMDD date; unknown parts of a birth date may be '<' (ICAO 9303 Part 3 §4.6), in which
 * case only the known parts are checked. The century is not in the MRZ, so 29 February is
 * allowed whenever YY is a multiple of 4. Returns 1 when plausible. */
static int date_ok(const char *s, int allow_unknown)
{
    for (int i = 0; i < 6; i++)
        if (!is_digit(s[i]) && !(allow_unknown && s[i] == '<'))
            return 0;
    int known_month = is_digit(s[2]) && is_digit(s[3]);
    int known_day = is_digit(s[4]) && is_digit(s[5]);
    int month = known_month ? (s[2] - '0') * 10 + (s[3] - '0') : 0;
    int day = known_day ? (s[4] - '0') * 10 + (s[5] - '0') : 0;
    if (known_month && (month < 1 || month > 12))
        return 0;
    if (known_day) {
        static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int max = known_month ? days[month - 1] : 31;
        if (known_month && month == 2 && is_digit(s[0]) && is_digit(s[1])
            && ((s[0] - '0') * 10 + (s[1] - '0')) % 4 != 0)
            max = 28;
        if (day < 1 || day > max)
            return 0;
    }
    return 1;
}

/* 1 when all n characters are letters or fillers (names, state and nationality codes). */
static int field_alpha(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!is_upper(s[i]) && s[i] != '<')
            return 0;
    return 1;
}

static int all_fillers(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] != '<')
            return 0;
    return 1;
}

/* Document code (2 characters at the start of line 1): the first says what kind of
 * document it is, the second is a letter or filler chosen by the issuing state. */
static int doc_code(const char *s, int td3, const char **reason)
{
    if (s[0] == 'V')
        return fail(reason, "visa MRZs (MRV) are not supported");
    if (td3 && s[0] != 'P')
        return fail(reason, "a 44-character MRZ must be a passport (document code P)");
    if (!td3 && s[0] != 'A' && s[0] != 'C' && s[0] != 'I')
        return fail(reason, "document code must start with A, C or I");
    if (!is_upper(s[1]) && s[1] != '<')
        return fail(reason, "document code must be letters or '<'");
    return 1;
}

/* Document number (9 characters) and its check digit. On TD1 and TD2 a longer number
 * continues in the optional data (ICAO 9303 Parts 5 and 6, note j): the check position
 * then holds '<', and the optional data holds the rest of the number, its check digit,
 * then fillers. `opt`/`opt_len` is that optional data. */
static int doc_number(const char *num, const char *opt, int opt_len, const char **reason)
{
    char cd = num[9];
    if (cd != '<' || opt == NULL) {
        if (!is_digit(cd))
            return fail(reason, "check digit for document number must be a digit");
        if (cd != check_digit(num, 9))
            return fail(reason, "wrong check digit for document number");
        return 1;
    }
    /* Extended number: the rest runs up to the first filler; its last character is the
     * check digit over all of the number (9 + rest). */
    int rest = 0;
    while (rest < opt_len && opt[rest] != '<')
        rest++;
    if (rest < 2)
        return fail(reason, "check digit for document number must be a digit");
    if (!is_digit(opt[rest - 1]))
        return fail(reason, "check digit for document number must be a digit");
    int sum = 0, pos = 0;
    weigh(&sum, &pos, num, 9);
    weigh(&sum, &pos, opt, rest - 1);
    if (opt[rest - 1] != (char)('0' + sum % 10))
        return fail(reason, "wrong check digit for document number");
    return 1;
}

/* Date of birth (YYMMDD + check), sex, date of expiry (YYMMDD + check): the same
 * 15-character run on line 2 of every format. */
static int dates_and_sex(const char *s, const char **reason)
{
    if (!date_ok(s, 1))
        return fail(reason, "date of birth is not a valid YYMMDD date");
    if (!is_digit(s[6]))
        return fail(reason, "check digit for date of birth must be a digit");
    if (s[6] != check_digit(s, 6))
        return fail(reason, "wrong check digit for date of birth");
    if (s[7] != 'M' && s[7] != 'F' && s[7] != '<')
        return fail(reason, "sex must be M, F or '<'");
    if (!date_ok(s + 8, 0))
        return fail(reason, "date of expiry is not a valid YYMMDD date");
    if (!is_digit(s[14]))
        return fail(reason, "check digit for date of expiry must be a digit");
    if (s[14] != check_digit(s + 8, 6))
        return fail(reason, "wrong check digit for date of expiry");
    return 1;
}

static int composite(const char *got, int sum, const char **reason)
{
    if (!is_digit(*got))
        return fail(reason, "composite check digit must be a digit");
    if (*got != (char)('0' + sum % 10))
        return fail(reason, "wrong composite check digit");
    return 1;
}

/* TD3, ICAO 9303 Part 4. l1, l2: the two 44-character lines. */
static int check_td3(const char *l1, const char *l2, const char **reason)
{
    if (!doc_code(l1, 1, reason))
        return 0;
    if (!field_alpha(l1 + 2, 3))
        return fail(reason, "issuing state must be letters or '<'");
    if (!field_alpha(l1 + 5, 39))
        return fail(reason, "name field must be letters and '<' only");
    if (!doc_number(l2, NULL, 0, reason))
        return 0;
    if (!field_alpha(l2 + 10, 3))
        return fail(reason, "nationality must be letters or '<'");
    if (!dates_and_sex(l2 + 13, reason))
        return 0;
    /* Personal number (29-42) and its check digit (43), which may be '<' when the
     * personal number is all fillers. */
    char pcd = l2[42];
    if (pcd == '<') {
        if (!all_fillers(l2 + 28, 14))
            return fail(reason, "check digit for personal number must be a digit");
    } else if (!is_digit(pcd)) {
        return fail(reason, "check digit for personal number must be a digit");
    } else if (pcd != check_digit(l2 + 28, 14)) {
        return fail(reason, "wrong check digit for personal number");
    }
    /* Composite: positions 1-10, 14-20, 22-43 of line 2. */
    int sum = 0, pos = 0;
    weigh(&sum, &pos, l2, 10);
    weigh(&sum, &pos, l2 + 13, 7);
    weigh(&sum, &pos, l2 + 21, 22);
    return composite(l2 + 43, sum, reason);
}

/* TD2, ICAO 9303 Part 6. l1, l2: the two 36-character lines. */
static int check_td2(const char *l1, const char *l2, const char **reason)
{
    if (!doc_code(l1, 0, reason))
        return 0;
    if (!field_alpha(l1 + 2, 3))
        return fail(reason, "issuing state must be letters or '<'");
    if (!field_alpha(l1 + 5, 31))
        return fail(reason, "name field must be letters and '<' only");
    if (!doc_number(l2, l2 + 28, 7, reason))
        return 0;
    if (!field_alpha(l2 + 10, 3))
        return fail(reason, "nationality must be letters or '<'");
    if (!dates_and_sex(l2 + 13, reason))
        return 0;
    /* Composite: positions 1-10, 14-20, 22-35 of line 2. */
    int sum = 0, pos = 0;
    weigh(&sum, &pos, l2, 10);
    weigh(&sum, &pos, l2 + 13, 7);
    weigh(&sum, &pos, l2 + 21, 14);
    return composite(l2 + 35, sum, reason);
}

/* TD1, ICAO 9303 Part 5. l1, l2, l3: the three 30-character lines. */
static int check_td1(const char *l1, const char *l2, const char *l3, const char **reason)
{
    if (!doc_code(l1, 0, reason))
        return 0;
    if (!field_alpha(l1 + 2, 3))
        return fail(reason, "issuing state must be letters or '<'");
    if (!doc_number(l1 + 5, l1 + 15, 15, reason))
        return 0;
    if (!dates_and_sex(l2, reason))
        return 0;
    if (!field_alpha(l2 + 15, 3))
        return fail(reason, "nationality must be letters or '<'");
    if (!field_alpha(l3, 30))
        return fail(reason, "name field must be letters and '<' only");
    /* Composite: line 1 positions 6-30, line 2 positions 1-7, 9-15, 19-29. */
    int sum = 0, pos = 0;
    weigh(&sum, &pos, l1 + 5, 25);
    weigh(&sum, &pos, l2, 7);
    weigh(&sum, &pos, l2 + 8, 7);
    weigh(&sum, &pos, l2 + 18, 11);
    return composite(l2 + 29, sum, reason);
}

int check_mrz(const char *s, const char **reason)
{
    /* Line-length reasons, indexed by line number, for each format. */
    static const char *const want44[] = {"line 1 must be 44 characters",
                                         "line 2 must be 44 characters"};
    static const char *const want36[] = {"line 1 must be 36 characters",
                                         "line 2 must be 36 characters"};
    static const char *const want30[] = {"line 1 must be 30 characters",
                                         "line 2 must be 30 characters",
                                         "line 3 must be 30 characters"};

    if (s == NULL || s[0] == '\0')
        return fail(reason, "must not be empty");

    /* Split into at most 3 lines, checking characters on the way; stop early on anything
     * longer than the longest format so a hostile input is not walked to its end. */
    const char *line[3];
    int len[3] = {0, 0, 0};
    int nlines = 1;
    line[0] = s;
    for (const char *p = s; *p != '\0'; p++) {
        char c = *p;
        if (c == '\n') {
            if (p[1] == '\0')
                return fail(reason, "trailing newline not allowed");
            if (nlines == 3)
                return fail(reason, "must have 2 or 3 lines");
            line[nlines++] = p + 1;
            continue;
        }
        if (c == '\r')
            return fail(reason, "carriage return not allowed; separate lines with '\\n'");
        if (c >= 'a' && c <= 'z')
            return fail(reason, "letters must be upper-case");
        if (c == ' ')
            return fail(reason, "spaces are not allowed; the filler is '<'");
        if (!is_upper(c) && !is_digit(c) && c != '<')
            return fail(reason, "only A-Z, 0-9 and '<' are allowed");
        if (++len[nlines - 1] > 44)
            return fail(reason, "lines must be 30, 36 or 44 characters");
    }
    if (nlines == 1)
        return fail(reason, "must have 2 or 3 lines separated by '\\n'");

    if (nlines == 3) {
        for (int i = 0; i < 3; i++)
            if (len[i] != 30)
                return fail(reason, want30[i]);
        return check_td1(line[0], line[1], line[2], reason);
    }
    if (len[0] == 44 || (len[0] != 36 && len[1] == 44)) {
        for (int i = 0; i < 2; i++)
            if (len[i] != 44)
                return fail(reason, want44[i]);
        return check_td3(line[0], line[1], reason);
    }
    if (len[0] == 36 || len[1] == 36) {
        for (int i = 0; i < 2; i++)
            if (len[i] != 36)
                return fail(reason, want36[i]);
        return check_td2(line[0], line[1], reason);
    }
    if (len[0] == 30)
        return fail(reason, "a TD1 MRZ (30-character lines) has 3 lines");
    return fail(reason, "line 1 must be 36 or 44 characters");
}
