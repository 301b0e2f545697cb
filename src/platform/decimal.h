/* decimal.h — exact decimals of a fixed number of places (quantities to 5, weights in kg to 3),
 * kept as an int64_t count of the smallest unit (1e-5 of the unit, the gram). Parsing and
 * formatting use integers only; no double ever rounds a stored value. record.h's FT_DECIMAL
 * fields use these. Not for money (money.h: two places, its own rules and messages). */
#ifndef HG_DECIMAL_H
#define HG_DECIMAL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#define DECIMAL_SCALE_MAX 9
/* The longest text decimal_format writes, with its NUL: 19 digits, a point, a sign. */
#define DECIMAL_TEXT_MAX 24

/* Why a text is not a decimal of the field; the string is the error code (the rule). */
typedef enum decimal_why {
    DECIMAL_OK = 0,
    DECIMAL_NOT_A_DECIMAL,   /* "not_a_decimal": empty, a sign '+', an exponent, spaces, letters */
    DECIMAL_NEGATIVE,        /* "negative": a leading '-' (quantities and weights are never) */
    DECIMAL_TOO_MANY_PLACES, /* "too_many_places": more decimals than the field's scale */
    DECIMAL_OUT_OF_RANGE,    /* "out_of_range": the count of smallest units overflows */
    DECIMAL_IMPRECISE,       /* "imprecise_number": a JSON number of more than 15 significant
                               * digits, which a double does not hold exactly: send a string */
    DECIMAL_WRONG_TYPE,      /* "wrong_type": neither a number nor a string */
} decimal_why;

/* The error code of why ("too_many_places"...). */
const char *decimal_why_code(decimal_why why);

/* s, digits with an optional '.' and 1 or more digits after it, at most scale of them
 * (0 <= scale <= DECIMAL_SCALE_MAX), as a count of 10^-scale units: "1.5" with scale 3 is 1500,
 * "2100" is 2100000. Leading zeros are allowed; no sign, exponent or spaces. */
decimal_why decimal_parse(const char *s, size_t n, int scale, int64_t *out);

/* A JSON value as decimal_parse reads it: a string by decimal_parse; an integer n as n × 10^scale;
 * a real by its shortest decimal text of at most 15 significant digits (the text a client
 * wrote, for any number of up to 15 digits), read with integers. */
decimal_why decimal_from_json(const json_t *v, int scale, int64_t *out);

/* v (a count of 10^-scale units) as an exact decimal without trailing zeros: 2100000 with
 * scale 3 is "2100", 1500 is "1.5", -5 is "-0.005". out holds DECIMAL_TEXT_MAX bytes. */
void decimal_format(int64_t v, int scale, char *out, size_t outlen);

/* v as JSON: an integer when whole (so that clients comparing integers keep doing so), else a
 * real whose shortest text (json_canon.c) is decimal_format's. NULL when out of memory. */
json_t *decimal_json(int64_t v, int scale);

/* 10^scale, for 0 <= scale <= DECIMAL_SCALE_MAX. */
int64_t decimal_unit(int scale);

#endif
