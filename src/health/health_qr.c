/* health_qr.c — the traveller's QR code, in the EU Digital COVID Certificate's container
 * (eHealth Network, "Electronic Health Certificates, technical specifications" vol. 1): the
 * claims as a CWT (RFC 8392) in CBOR (RFC 8949), signed as COSE_Sign1 (RFC 9052) with EdDSA
 * (Ed25519, alg -8) and the key id in the protected header, zlib-compressed, Base45-encoded
 * (RFC 9285) and prefixed with "HG1:" where the DCC writes "HC1:". A counter verifies it with
 * the public key alone. Here: the small CBOR reader and writer COSE needs, Base45, and the
 * encode and verify steps. Not here: where keys are kept (keydir.h, the store) or what the
 * declaration is (declaration_store.c). Pure but for the key lookup the verifier is given. */
#include <string.h>
#include <zlib.h>

#include "../platform/keydir.h"
#include "../platform/mem.h"
#include "health.h"

/* The QR's content is small; a bigger inflated payload is not ours (a zip bomb is refused). */
#define QR_MAX_CBOR 2048

/* ------------------------------------------------------------------ Base45 (RFC 9285) */

static const char b45[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

hg_rc health_base45_encode(const unsigned char *p, size_t n, buf *out)
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

hg_rc health_base45_decode(const char *s, size_t n, buf *out)
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

/* ------------------------------------------------------------------ CBOR (RFC 8949) */

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

static hg_rc put_tstr(buf *out, const char *s) { return cbor_put_str(out, CBOR_TSTR, s, strlen(s)); }

/* ------------------------------------------------------------------ COSE_Sign1 */

/* The protected header {1: -8 (EdDSA), 4: kid}: the key id's 8 bytes. */
static hg_rc put_protected(buf *out, const char *key_id)
{
    unsigned char kid[KEYDIR_ID_LEN / 2];
    for (int i = 0; i < KEYDIR_ID_LEN / 2; i++) {
        unsigned v = 0;
        for (int j = 0; j < 2; j++) {
            char c = key_id[2 * i + j];
            v = v * 16 + (unsigned)(c <= '9' ? c - '0' : c - 'a' + 10);
        }
        kid[i] = (unsigned char)v;
    }
    hg_rc rc = cbor_put_head(out, CBOR_MAP, 2);
    if (!rc)
        rc = cbor_put_int(out, 1);
    if (!rc)
        rc = cbor_put_int(out, -8);
    if (!rc)
        rc = cbor_put_int(out, 4);
    return rc ? rc : cbor_put_str(out, CBOR_BSTR, kid, sizeof kid);
}

/* Sig_structure = ["Signature1", body_protected, external_aad (empty), payload] (RFC 9052 §4.4). */
static hg_rc put_sig_structure(buf *out, const unsigned char *prot, size_t prot_n, const unsigned char *payload,
                               size_t payload_n)
{
    hg_rc rc = cbor_put_head(out, CBOR_ARRAY, 4);
    if (!rc)
        rc = put_tstr(out, "Signature1");
    if (!rc)
        rc = cbor_put_str(out, CBOR_BSTR, prot, prot_n);
    if (!rc)
        rc = cbor_put_str(out, CBOR_BSTR, "", 0);
    return rc ? rc : cbor_put_str(out, CBOR_BSTR, payload, payload_n);
}

/* The CWT claims {1: iss, 4: exp, 6: iat, HEALTH_CWT_CLAIM: {"v", "id", "nm", "doc", "fl", "dt"}}. */
static hg_rc put_claims(buf *out, const health_qr_claims *c)
{
    hg_rc rc = cbor_put_head(out, CBOR_MAP, 4);
    if (!rc && !(rc = cbor_put_int(out, 1)))
        rc = put_tstr(out, "CN");
    if (!rc && !(rc = cbor_put_int(out, 4)))
        rc = cbor_put_int(out, c->expires_s);
    if (!rc && !(rc = cbor_put_int(out, 6)))
        rc = cbor_put_int(out, c->issued_s);
    if (!rc && !(rc = cbor_put_int(out, HEALTH_CWT_CLAIM)))
        rc = cbor_put_head(out, CBOR_MAP, 6);
    const char *kv[][2] = {{"v", "1"},           {"id", c->id},     {"nm", c->name},
                           {"doc", c->document}, {"fl", c->flight}, {"dt", c->entry_date}};
    for (size_t i = 0; i < 6 && !rc; i++)
        if (!(rc = put_tstr(out, kv[i][0])))
            rc = put_tstr(out, kv[i][1]);
    return rc;
}

/* zlib (RFC 1950) at the best compression with a 512-byte window and the smallest hash: the
 * message is a few hundred bytes, so the window loses nothing, while compress2's defaults set
 * up (and zero) some 400 KB per call — the biggest cost the profile of bench/run health found in
 * the declaration's own work (docs/BENCHMARKS.md). Any inflater reads it (CINFO 1). 0 or -1. */
static int deflate_small(unsigned char *out, uLongf *out_n, const unsigned char *in, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 9, Z_DEFLATED, 9, 1, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)*out_n;
    int ret = deflate(&z, Z_FINISH);
    *out_n = z.total_out;
    deflateEnd(&z);
    return ret == Z_STREAM_END ? 0 : -1;
}

hg_rc health_qr_encode(const keydir_key *k, const health_qr_claims *c, buf *out, hg_err *err)
{
    buf prot, payload, tbs, cose, z;
    buf_init(&prot, 64);
    buf_init(&payload, 1024);
    buf_init(&tbs, 2048);
    buf_init(&cose, QR_MAX_CBOR);
    buf_init(&z, 4096);
    unsigned char sig[KEYDIR_SIG_BYTES];
    hg_rc rc = put_protected(&prot, k->id);
    if (!rc)
        rc = put_claims(&payload, c);
    if (!rc)
        rc = put_sig_structure(&tbs, (const unsigned char *)prot.data, prot.len, (const unsigned char *)payload.data,
                               payload.len);
    if (!rc) {
        keydir_sign(k, tbs.data, tbs.len, sig);
        /* COSE_Sign1 = #6.18([protected, unprotected {}, payload, signature]) */
        rc = cbor_put_head(&cose, CBOR_TAG, 18);
    }
    if (!rc)
        rc = cbor_put_head(&cose, CBOR_ARRAY, 4);
    if (!rc)
        rc = cbor_put_str(&cose, CBOR_BSTR, prot.data, prot.len);
    if (!rc)
        rc = cbor_put_head(&cose, CBOR_MAP, 0);
    if (!rc)
        rc = cbor_put_str(&cose, CBOR_BSTR, payload.data, payload.len);
    if (!rc)
        rc = cbor_put_str(&cose, CBOR_BSTR, sig, sizeof sig);
    uLongf zn = compressBound(cose.len);
    unsigned char *zp = rc ? NULL : xmalloc(zn);
    if (!rc && !zp)
        rc = HG_NOMEM;
    if (!rc && deflate_small(zp, &zn, (const unsigned char *)cose.data, cose.len))
        rc = HG_INTERNAL;
    if (!rc)
        rc = buf_puts(out, HEALTH_QR_PREFIX);
    if (!rc)
        rc = health_base45_encode(zp, zn, out);
    xfree(zp);
    buf_free(&prot);
    buf_free(&payload);
    buf_free(&tbs);
    buf_free(&cose);
    buf_free(&z);
    return rc ? hg_fail(err, rc, NULL, "qr", "the QR code could not be made") : HG_OK;
}

/* Inflates a zlib stream (RFC 1950) into out, at most *n bytes (*n: how many were written).
 * Besides zlib's own checks (header, Adler-32), it refuses what only a change could make: bytes
 * after the stream, and set padding bits after the final block (a deflate encoder writes them
 * as zeros; RFC 1951 §3.1.1) which inflating would otherwise ignore, so that every byte of the
 * code is covered. -1 when refused. */
static int inflate_strict(const unsigned char *in, size_t in_n, unsigned char *out, size_t *n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK)
        return -1;
    z.next_in = (unsigned char *)in;
    z.avail_in = (uInt)in_n;
    z.next_out = out;
    z.avail_out = (uInt)*n;
    int ret = Z_OK, ok = 0;
    while (ret == Z_OK) {
        ret = inflate(&z, Z_BLOCK);
        /* the final block has ended: its last byte's unused high bits must be zeros */
        if (ret == Z_OK && (z.data_type & 64) && (z.data_type & 128)) {
            int unused = z.data_type & 7;
            if (unused && z.next_in > in && (z.next_in[-1] >> (8 - unused)) != 0)
                break;
            ret = inflate(&z, Z_FINISH);
            ok = ret == Z_STREAM_END && z.avail_in == 0;
        }
    }
    *n = z.total_out;
    inflateEnd(&z);
    return ok ? 0 : -1;
}

static hg_rc bad(hg_err *err, const char *why)
{
    return hg_fail(err, HG_INVALID, "qr_invalid", "qr", "the QR code is refused: %s", why);
}

/* Copies a CBOR text string into out (NUL-terminated, at most outlen - 1 bytes). */
static int read_text(cbor_reader *r, char *out, size_t outlen)
{
    const unsigned char *p;
    size_t n;
    if (cbor_str(r, CBOR_TSTR, &p, &n) || n >= outlen || memchr(p, 0, n))
        return -1;
    memcpy(out, p, n);
    out[n] = 0;
    return 0;
}

static int read_payload_claim(cbor_reader *r, health_qr_claims *out)
{
    int major;
    uint64_t n;
    if (cbor_head(r, &major, &n) || major != CBOR_MAP || n > 16)
        return -1;
    for (uint64_t i = 0; i < n; i++) {
        char key[8], version[4];
        if (read_text(r, key, sizeof key))
            return -1;
        struct {
            const char *k;
            char *dst;
            size_t len;
        } slots[] = {{"v", version, sizeof version},          {"id", out->id, sizeof out->id},
                     {"nm", out->name, sizeof out->name},     {"doc", out->document, sizeof out->document},
                     {"fl", out->flight, sizeof out->flight}, {"dt", out->entry_date, sizeof out->entry_date}};
        size_t j = 0;
        while (j < sizeof slots / sizeof slots[0] && strcmp(slots[j].k, key))
            j++;
        if (j == sizeof slots / sizeof slots[0] ? cbor_skip(r) : read_text(r, slots[j].dst, slots[j].len))
            return -1;
        if (j == 0 && strcmp(version, "1"))
            return -1;
    }
    return out->id[0] ? 0 : -1;
}

static int read_claims(const unsigned char *p, size_t len, health_qr_claims *out)
{
    cbor_reader r = {p, p + len, 0};
    int major;
    uint64_t n;
    int have = 0;
    if (cbor_head(&r, &major, &n) || major != CBOR_MAP || n > 32)
        return -1;
    for (uint64_t i = 0; i < n; i++) {
        int64_t key, v;
        if (cbor_int(&r, &key))
            return -1;
        if (key == 4 || key == 6) {
            if (cbor_int(&r, &v))
                return -1;
            *(key == 4 ? &out->expires_s : &out->issued_s) = v;
            have |= key == 4 ? 1 : 2;
        } else if (key == HEALTH_CWT_CLAIM) {
            if (read_payload_claim(&r, out))
                return -1;
            have |= 4;
        } else if (cbor_skip(&r)) {
            return -1;
        }
    }
    return have == 7 && r.p == r.end ? 0 : -1;
}

hg_rc health_qr_verify(const char *text, int64_t now_ms, health_key_lookup lookup, void *cls, health_qr_claims *out,
                       hg_err *err)
{
    memset(out, 0, sizeof *out);
    size_t plen = strlen(HEALTH_QR_PREFIX);
    if (!text || strncmp(text, HEALTH_QR_PREFIX, plen) != 0)
        return bad(err, "it is not a haiguan health declaration (no " HEALTH_QR_PREFIX " prefix)");
    buf z, cose, tbs;
    buf_init(&z, 4096);
    buf_init(&cose, QR_MAX_CBOR);
    buf_init(&tbs, QR_MAX_CBOR + 64);
    hg_rc rc = health_base45_decode(text + plen, strlen(text + plen), &z);
    if (rc == HG_INVALID)
        rc = bad(err, "it is not Base45 (altered or misread)");
    else if (rc)
        rc = hg_fail(err, rc, NULL, "qr", "the QR code is too large");
    size_t n = QR_MAX_CBOR;
    unsigned char *raw = rc ? NULL : xmalloc(n);
    if (!rc && !raw)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc && inflate_strict((const unsigned char *)z.data, z.len, raw, &n))
        rc = bad(err, "its compressed data fails its check (altered or damaged)");
    cbor_reader r = {raw, raw + n, 0};
    int major;
    uint64_t a;
    const unsigned char *prot = NULL, *payload = NULL, *sig = NULL;
    size_t prot_n = 0, payload_n = 0, sig_n = 0;
    if (!rc && r.p < r.end && (*r.p >> 5) == CBOR_TAG && (cbor_head(&r, &major, &a) || a != 18))
        rc = bad(err, "it is not a COSE_Sign1 message (tag)");
    if (!rc && (cbor_head(&r, &major, &a) || major != CBOR_ARRAY || a != 4 || cbor_str(&r, CBOR_BSTR, &prot, &prot_n) ||
                cbor_skip(&r) || cbor_str(&r, CBOR_BSTR, &payload, &payload_n) ||
                cbor_str(&r, CBOR_BSTR, &sig, &sig_n) || r.p != r.end))
        rc = bad(err, "it is not a COSE_Sign1 message");
    /* the protected header: EdDSA and the key id */
    char key_id[KEYDIR_ID_LEN + 1] = "";
    int64_t alg = 0;
    if (!rc) {
        cbor_reader h = {prot, prot + prot_n, 0};
        uint64_t items = 0;
        int ok = !cbor_head(&h, &major, &items) && major == CBOR_MAP && items <= 8;
        for (uint64_t i = 0; ok && i < items; i++) {
            int64_t label;
            const unsigned char *kid;
            size_t kid_n;
            if (cbor_int(&h, &label))
                ok = 0;
            else if (label == 1)
                ok = !cbor_int(&h, &alg);
            else if (label == 4) {
                ok = !cbor_str(&h, CBOR_BSTR, &kid, &kid_n) && kid_n == KEYDIR_ID_LEN / 2;
                for (size_t j = 0; ok && j < kid_n; j++)
                    snprintf(key_id + 2 * j, 3, "%02x", kid[j]);
            } else
                ok = !cbor_skip(&h);
        }
        if (!ok || h.p != h.end || !key_id[0])
            rc = bad(err, "its protected header is malformed or names no key");
        else if (alg != -8)
            rc = bad(err, "it is not signed with EdDSA");
    }
    char pk_hex[65] = "";
    if (!rc) {
        rc = lookup(cls, key_id, pk_hex, err);
        if (rc == HG_NOTFOUND)
            rc = bad(err, "it is signed by an unknown key");
    }
    char sig_hex[2 * KEYDIR_SIG_BYTES + 1];
    if (!rc && sig_n != KEYDIR_SIG_BYTES)
        rc = bad(err, "its signature is malformed");
    if (!rc) {
        hex_encode(sig, sig_n, sig_hex);
        rc = put_sig_structure(&tbs, prot, prot_n, payload, payload_n);
    }
    if (!rc && !keydir_verify(key_id, pk_hex, tbs.data, tbs.len, sig_hex))
        rc = bad(err, "its signature does not verify (altered)");
    if (!rc && read_claims(payload, payload_n, out))
        rc = bad(err, "its claims are malformed");
    if (!rc) {
        snprintf(out->key_id, sizeof out->key_id, "%s", key_id);
        if (out->expires_s * 1000 <= now_ms)
            rc = hg_fail(err, HG_INVALID, "qr_expired", "qr",
                         "the declaration's QR code expired: the traveller declares again");
    }
    xfree(raw);
    buf_free(&z);
    buf_free(&cose);
    buf_free(&tbs);
    return rc;
}
