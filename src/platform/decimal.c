/* decimal.c — exact fixed-place decimals as integer counts of the smallest unit (decimal.h).
 * Pure: no allocation but the JSON values it makes, no state. */
#include "decimal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int64_t pow10_table[DECIMAL_SCALE_MAX + 1] = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
};

int64_t decimal_unit(int scale) { return scale >= 0 && scale <= DECIMAL_SCALE_MAX ? pow10_table[scale] : 1; }

const char *decimal_why_code(decimal_why why)
{
    switch (why) {
    case DECIMAL_OK: return "ok";
    case DECIMAL_NOT_A_DECIMAL: return "not_a_decimal";
    case DECIMAL_NEGATIVE: return "negative";
    case DECIMAL_TOO_MANY_PLACES: return "too_many_places";
    case DECIMAL_OUT_OF_RANGE: return "out_of_range";
    case DECIMAL_IMPRECISE: return "imprecise_number";
    case DECIMAL_WRONG_TYPE: return "wrong_type";
    }
    return "invalid";
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* *acc = *acc × 10 + d, refused past INT64_MAX */
static int push_digit(int64_t *acc, int d)
{
    if (*acc > (INT64_MAX - d) / 10)
        return -1;
    *acc = *acc * 10 + d;
    return 0;
}

decimal_why decimal_parse(const char *s, size_t n, int scale, int64_t *out)
{
    if (scale < 0 || scale > DECIMAL_SCALE_MAX)
        return DECIMAL_NOT_A_DECIMAL;
    size_t i = 0;
    if (n > 0 && s[0] == '-')
        return n > 1 && (is_digit(s[1]) || s[1] == '.') ? DECIMAL_NEGATIVE : DECIMAL_NOT_A_DECIMAL;
    int64_t v = 0;
    int whole = 0, places = 0, overflow = 0;
    for (; i < n && is_digit(s[i]); i++, whole++)
        overflow |= push_digit(&v, s[i] - '0');
    if (whole == 0)
        return DECIMAL_NOT_A_DECIMAL;
    if (i < n && s[i] == '.') {
        i++;
        for (; i < n && is_digit(s[i]); i++, places++)
            if (places < scale)
                overflow |= push_digit(&v, s[i] - '0');
        if (places == 0)
            return DECIMAL_NOT_A_DECIMAL;
    }
    if (i != n)
        return DECIMAL_NOT_A_DECIMAL; /* an exponent, a space, a letter, a NUL */
    if (places > scale)
        return DECIMAL_TOO_MANY_PLACES;
    for (int k = places; k < scale; k++)
        overflow |= push_digit(&v, 0);
    if (overflow)
        return DECIMAL_OUT_OF_RANGE;
    *out = v;
    return DECIMAL_OK;
}

/* A double d >= 0 as the decimal of at most 15 significant digits that reads back as d (what
 * the client wrote, for any number it wrote with up to 15 digits): the digits and exponent of
 * "%.14e", checked to read back, then counted with integers. */
static decimal_why real_to_units(double d, int scale, int64_t *out)
{
    char text[40];
    snprintf(text, sizeof text, "%.14e", d);
    if (strtod(text, NULL) != d)
        return DECIMAL_IMPRECISE;
    /* text: "D.DDDDDDDDDDDDDDe+XX" */
    char digits[16];
    int nd = 0;
    const char *p = text;
    for (; *p && *p != 'e'; p++)
        if (is_digit(*p))
            digits[nd++] = *p;
    if (*p != 'e' || nd != 15)
        return DECIMAL_NOT_A_DECIMAL;
    int exp10 = (int)strtol(p + 1, NULL, 10);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    /* value = 0.d1d2...dnd × 10^(exp10 + 1); digit k (0-based) weighs 10^(exp10 - k) */
    if (nd - 1 - exp10 > scale)
        return DECIMAL_TOO_MANY_PLACES;
    if (exp10 + scale > 18)
        return DECIMAL_OUT_OF_RANGE;
    int64_t v = 0;
    for (int k = 0; k <= exp10 + scale; k++)
        if (push_digit(&v, k < nd ? digits[k] - '0' : 0))
            return DECIMAL_OUT_OF_RANGE;
    *out = v;
    return DECIMAL_OK;
}

decimal_why decimal_from_json(const json_t *v, int scale, int64_t *out)
{
    if (scale < 0 || scale > DECIMAL_SCALE_MAX)
        return DECIMAL_NOT_A_DECIMAL;
    if (json_is_string(v))
        return decimal_parse(json_string_value(v), json_string_length(v), scale, out);
    if (json_is_integer(v)) {
        json_int_t n = json_integer_value(v);
        if (n < 0)
            return DECIMAL_NEGATIVE;
        if (n > INT64_MAX / pow10_table[scale])
            return DECIMAL_OUT_OF_RANGE;
        *out = (int64_t)n * pow10_table[scale];
        return DECIMAL_OK;
    }
    if (json_is_real(v)) {
        double d = json_real_value(v);
        if (d < 0)
            return DECIMAL_NEGATIVE;
        if (d == 0) { /* 0.0 and -0.0 */
            *out = 0;
            return DECIMAL_OK;
        }
        return real_to_units(d, scale, out);
    }
    return DECIMAL_WRONG_TYPE;
}

void decimal_format(int64_t v, int scale, char *out, size_t outlen)
{
    if (scale < 0 || scale > DECIMAL_SCALE_MAX)
        scale = 0;
    /* through unsigned so that INT64_MIN has a magnitude */
    uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, unit = (uint64_t)pow10_table[scale];
    uint64_t whole = a / unit, frac = a % unit;
    int places = scale;
    while (places > 0 && frac % 10 == 0) {
        frac /= 10;
        places--;
    }
    if (places == 0)
        snprintf(out, outlen, "%s%llu", v < 0 ? "-" : "", (unsigned long long)whole);
    else
        snprintf(out, outlen, "%s%llu.%0*llu", v < 0 ? "-" : "", (unsigned long long)whole, places,
                 (unsigned long long)frac);
}

json_t *decimal_json(int64_t v, int scale)
{
    int64_t unit = decimal_unit(scale);
    if (v % unit == 0)
        return json_integer(v / unit);
    char text[DECIMAL_TEXT_MAX];
    decimal_format(v, scale, text, sizeof text);
    /* a double holds a decimal of 15 significant digits exactly (the nearest double's %.15g is
     * that decimal again); past them the exact text goes as a string */
    int significant = 0, leading = 1;
    for (const char *p = text; *p; p++)
        if (is_digit(*p) && !(leading && *p == '0')) {
            leading = 0;
            significant++;
        }
    return significant <= 15 ? json_real(strtod(text, NULL)) : json_string(text);
}
