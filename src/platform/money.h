/* money.h — amounts in integer fen (1 yuan = 100 fen) and decimals with two places: parsing
 * and formatting yuan strings ("1234.56") and the one rounding rule, half up, that customs
 * tax bills and our reports use. Every amount in the system is an int64_t of fen; floating
 * point never touches money. Not for: currency conversion (tax_store.c's exchange rates) or
 * tax rules (tax.c), which use these. */
#ifndef HG_MONEY_H
#define HG_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "rc.h"

/* "1234.56" -> 123456 fen. Strict: an optional '-', 1 to 15 digits, optionally '.' and one
 * or two digits ("1.5" is 150 fen); no exponent, no spaces, no '+'. HG_INVALID otherwise
 * (err may be NULL). */
hg_rc money_parse(const char *s, int64_t *fen, hg_err *err);

/* fen as yuan with two decimals ("-0.05", "1234.56") into out (32 bytes always suffice). */
void money_format(int64_t fen, char *out, size_t outlen);

/* A count of hundredths as a decimal with two places (a percentage in basis points, hours in
 * hundredths): the same text money_format gives for fen. */
void decimal2_format(int64_t hundredths, char *out, size_t outlen);

/* a × b / c rounded half up, for non-negative a, b and positive c, without overflow for
 * a < 2^63 and b < 2^32 (the product is taken in 128 bits). */
int64_t money_mul_div_round(int64_t a, int64_t b, int64_t c);

/* n / d rounded half away from zero, for any sign of n and positive d (a signed change in
 * basis points, a mean). */
int64_t decimal_div_round(__int128 n, __int128 d);

#endif
