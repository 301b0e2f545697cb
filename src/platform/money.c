/* money.c — fen and two-place decimals (money.h). Pure: no allocation, no state. */
#include "money.h"

#include <ctype.h>
#include <stdio.h>

hg_rc money_parse(const char *s, int64_t *fen, hg_err *err)
{
    const char *p = s;
    int neg = 0;
    if (*p == '-') {
        neg = 1;
        p++;
    }
    if (!isdigit((unsigned char)*p))
        goto bad;
    int64_t whole = 0;
    int digits = 0;
    for (; isdigit((unsigned char)*p); p++) {
        if (++digits > 15)
            goto bad;
        whole = whole * 10 + (*p - '0');
    }
    int64_t cents = 0;
    if (*p == '.') {
        p++;
        if (!isdigit((unsigned char)p[0]))
            goto bad;
        cents = (p[0] - '0') * 10;
        p++;
        if (isdigit((unsigned char)*p)) {
            cents += *p - '0';
            p++;
        }
    }
    if (*p)
        goto bad;
    *fen = (whole * 100 + cents) * (neg ? -1 : 1);
    return HG_OK;
bad:
    return hg_fail(err, HG_INVALID, "invalid", "",
                   "amount must be a decimal string with at most two decimals, such as \"1234.56\"");
}

void decimal2_format(int64_t hundredths, char *out, size_t outlen)
{
    /* through unsigned so that INT64_MIN has a magnitude */
    uint64_t a = hundredths < 0 ? (uint64_t)0 - (uint64_t)hundredths : (uint64_t)hundredths;
    snprintf(out, outlen, "%s%llu.%02llu", hundredths < 0 ? "-" : "", (unsigned long long)(a / 100),
             (unsigned long long)(a % 100));
}

void money_format(int64_t fen, char *out, size_t outlen) { decimal2_format(fen, out, outlen); }

int64_t money_mul_div_round(int64_t a, int64_t b, int64_t c)
{
    unsigned __int128 p = (unsigned __int128)(uint64_t)a * (uint64_t)b;
    return (int64_t)((p + (unsigned __int128)(c / 2)) / (uint64_t)c);
}

int64_t decimal_div_round(__int128 n, __int128 d) { return (int64_t)((n >= 0 ? n + d / 2 : n - d / 2) / d); }
