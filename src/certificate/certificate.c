/* certificate.c — the certificate area's pure decisions: its numbers and what the
 * inspections must have found before a certificate is applied for. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "certificate.h"

static int digits(const char *s, size_t n)
{
    if (!s || strlen(s) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

int certificate_number(const char *port, int year, const char *kind, int64_t serial, char out[17])
{
    if (!digits(port, 4) || year < 2000 || year > 9999 || !kind || strlen(kind) != 2 || kind[0] < 'A' ||
        kind[0] > 'Z' || kind[1] < 'A' || kind[1] > 'Z' || serial < 1 || serial > 999999)
        return -1;
    snprintf(out, 17, "%s%04d%s%06" PRId64, port, year, kind, serial);
    return 0;
}

hg_rc certificate_inspected(int64_t passed, int64_t open, int64_t failed, hg_err *err)
{
    /* a certificate attests what inspection found (进出口商品检验法实施条例 art. 24; 进出境动植物
     * 检疫法 art. 20): goods not inspected, still under inspection or failed get none */
    if (failed)
        return hg_fail(err, HG_CONFLICT, "inspection_failed", "entry_no",
                       "the goods of this declaration failed inspection: no certificate");
    if (open)
        return hg_fail(err, HG_CONFLICT, "inspection_open", "entry_no",
                       "the goods of this declaration are still under inspection");
    if (!passed)
        return hg_fail(err, HG_CONFLICT, "not_inspected", "entry_no",
                       "the goods of this declaration have not passed an inspection");
    return HG_OK;
}
