/* cbor.c — the small CBOR (RFC 8949) reader and writer that COSE_Sign1 and the QR claims need
 * (cbor.h). */
#include <string.h>

#include "cbor.h"
int cbor_head(cbor_reader *r, int *major, uint64_t *arg)
{
    if (r->p >= r->end)
        return -1;
    unsigned char b = *r->p++;
    *major = b >> 5;
    unsigned info = b & 31;
    if (info < 24) {
        *arg = info;
        return 0;
    }
    if (info > 27) /* indefinite lengths and reserved values: not used by COSE_Sign1 here */
        return -1;
    size_t len = (size_t)1 << (info - 24);
    if ((size_t)(r->end - r->p) < len)
        return -1;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++)
        v = v << 8 | *r->p++;
    *arg = v;
    return 0;
}

int cbor_int(cbor_reader *r, int64_t *v)
{
    int major;
    uint64_t a;
    if (cbor_head(r, &major, &a) || (major != CBOR_UINT && major != CBOR_NINT) || a > INT64_MAX)
        return -1;
    *v = major == CBOR_UINT ? (int64_t)a : -1 - (int64_t)a;
    return 0;
}

int cbor_str(cbor_reader *r, int major, const unsigned char **p, size_t *n)
{
    int m;
    uint64_t a;
    if (cbor_head(r, &m, &a) || m != major || a > (uint64_t)(r->end - r->p))
        return -1;
    *p = r->p;
    *n = (size_t)a;
    r->p += a;
    return 0;
}

int cbor_skip(cbor_reader *r)
{
    int major;
    uint64_t a;
    if (cbor_head(r, &major, &a))
        return -1;
    switch (major) {
    case CBOR_UINT:
    case CBOR_NINT: return 0;
    case CBOR_BSTR:
    case CBOR_TSTR:
        if (a > (uint64_t)(r->end - r->p))
            return -1;
        r->p += a;
        return 0;
    case CBOR_TAG:
        if (++r->depth > 16)
            return -1;
        return cbor_skip(r) ? -1 : (r->depth--, 0);
    case CBOR_ARRAY:
    case CBOR_MAP:
        /* every item takes at least one byte: a count beyond the rest is malformed */
        if (a > (uint64_t)(r->end - r->p) || ++r->depth > 16)
            return -1;
        for (uint64_t i = 0; i < (major == CBOR_MAP ? 2 * a : a); i++)
            if (cbor_skip(r))
                return -1;
        r->depth--;
        return 0;
    default: /* simple values and floats: not in our payloads */ return -1;
    }
}

hg_rc cbor_put_head(buf *out, int major, uint64_t arg)
{
    unsigned char b[9];
    size_t n;
    if (arg < 24) {
        b[0] = (unsigned char)(major << 5 | arg);
        n = 1;
    } else {
        int info = arg <= 0xff ? 24 : arg <= 0xffff ? 25 : arg <= 0xffffffffu ? 26 : 27;
        size_t len = (size_t)1 << (info - 24);
        b[0] = (unsigned char)(major << 5 | info);
        for (size_t i = 0; i < len; i++)
            b[1 + i] = (unsigned char)(arg >> (8 * (len - 1 - i)));
        n = 1 + len;
    }
    return buf_append(out, b, n);
}

hg_rc cbor_put_int(buf *out, int64_t v)
{
    return v >= 0 ? cbor_put_head(out, CBOR_UINT, (uint64_t)v) : cbor_put_head(out, CBOR_NINT, (uint64_t)(-1 - v));
}

hg_rc cbor_put_str(buf *out, int major, const void *p, size_t n)
{
    hg_rc rc = cbor_put_head(out, major, n);
    return rc ? rc : buf_append(out, p, n);
}

hg_rc cbor_put_tstr(buf *out, const char *s) { return cbor_put_str(out, CBOR_TSTR, s, strlen(s)); }

int cbor_text(cbor_reader *r, char *out, size_t outlen)
{
    const unsigned char *p;
    size_t n;
    if (cbor_str(r, CBOR_TSTR, &p, &n) || n >= outlen || memchr(p, 0, n))
        return -1;
    memcpy(out, p, n);
    out[n] = 0;
    return 0;
}
