/* base45.c — Base45 (RFC 9285), the text form of QR payloads in the EU DCC container (cose_qr.h):
 * its alphabet is QR alphanumeric mode's, so the symbol stays small. */
#include <string.h>

#include "base45.h"
static const char b45[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

hg_rc base45_encode(const unsigned char *p, size_t n, buf *out)
{
    hg_rc rc = HG_OK;
    for (size_t i = 0; i + 1 < n && !rc; i += 2) {
        unsigned v = p[i] * 256u + p[i + 1];
        char t[3] = {b45[v % 45], b45[v / 45 % 45], b45[v / 2025]};
        rc = buf_append(out, t, 3);
    }
    if (!rc && n % 2) {
        char t[2] = {b45[p[n - 1] % 45], b45[p[n - 1] / 45]};
        rc = buf_append(out, t, 2);
    }
    return rc;
}

static int b45_value(char c)
{
    const char *at = c ? strchr(b45, c) : NULL;
    return at ? (int)(at - b45) : -1;
}

hg_rc base45_decode(const char *s, size_t n, buf *out)
{
    if (n % 3 == 1)
        return HG_INVALID;
    for (size_t i = 0; i < n; i += 3) {
        size_t k = n - i >= 3 ? 3 : 2;
        unsigned v = 0, m = 1;
        for (size_t j = 0; j < k; j++) {
            int d = b45_value(s[i + j]);
            if (d < 0)
                return HG_INVALID;
            v += (unsigned)d * m;
            m *= 45;
        }
        unsigned char b[2] = {(unsigned char)(v >> 8), (unsigned char)v};
        hg_rc rc;
        if (k == 3 && v > 0xffff)
            return HG_INVALID;
        if (k == 2 && v > 0xff)
            return HG_INVALID;
        if ((rc = k == 3 ? buf_append(out, b, 2) : buf_append(out, b + 1, 1)))
            return rc;
    }
    return HG_OK;
}
