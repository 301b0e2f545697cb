/* cose_qr.c — the signed QR container (cose_qr.h): COSE_Sign1 over a CBOR payload, zlib,
 * Base45. Made from the traveller's health QR (src/health/health_qr.c) so that certificates
 * sign in the same container; the steps and their refusals are unchanged. */
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "base45.h"
#include "cbor.h"
#include "cose_qr.h"
#include "i18n.h"
#include "mem.h"

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
        rc = cbor_put_tstr(out, "Signature1");
    if (!rc)
        rc = cbor_put_str(out, CBOR_BSTR, prot, prot_n);
    if (!rc)
        rc = cbor_put_str(out, CBOR_BSTR, "", 0);
    return rc ? rc : cbor_put_str(out, CBOR_BSTR, payload, payload_n);
}

/* zlib (RFC 1950) at the best compression with a 512-byte window and the smallest hash: the
 * message is a few hundred bytes, so the window loses nothing, while compress2's defaults set
 * up (and zero) some 400 KB per call — the biggest cost the profile of bench/run health found in
 * the traveller declaration's own work (docs/BENCHMARKS.md). Any inflater reads it (CINFO 1). 0 or -1. */
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

hg_rc cose_qr_seal(const keydir_key *k, const char *prefix, const void *payload, size_t n, buf *out)
{
    buf prot, tbs, cose;
    buf_init(&prot, 64);
    buf_init(&tbs, 2048);
    buf_init(&cose, 2048);
    unsigned char sig[KEYDIR_SIG_BYTES];
    hg_rc rc = put_protected(&prot, k->id);
    if (!rc)
        rc = put_sig_structure(&tbs, (const unsigned char *)prot.data, prot.len, payload, n);
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
        rc = cbor_put_str(&cose, CBOR_BSTR, payload, n);
    if (!rc)
        rc = cbor_put_str(&cose, CBOR_BSTR, sig, sizeof sig);
    /* room for what cannot be compressed: with the small window and hash the stored blocks'
     * overhead is more than compressBound's (deflateBound's conservative case), and a
     * certificate's claims are mostly a digest and signatures */
    uLongf zn = compressBound(cose.len) + (cose.len >> 3) + (cose.len >> 6) + 64;
    unsigned char *zp = rc ? NULL : xmalloc(zn);
    if (!rc && !zp)
        rc = HG_NOMEM;
    if (!rc && deflate_small(zp, &zn, (const unsigned char *)cose.data, cose.len))
        rc = HG_INTERNAL;
    if (!rc)
        rc = buf_puts(out, prefix);
    if (!rc)
        rc = base45_encode(zp, zn, out);
    xfree(zp);
    buf_free(&prot);
    buf_free(&tbs);
    buf_free(&cose);
    return rc;
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

/* The protected header's key id, when it says EdDSA: 0, or -1 (malformed), -2 (not EdDSA). */
static int read_protected(const unsigned char *prot, size_t prot_n, char key_id[KEYDIR_ID_LEN + 1])
{
    cbor_reader h = {prot, prot + prot_n, 0};
    int major;
    uint64_t items = 0;
    int64_t alg = 0;
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
        return -1;
    return alg == -8 ? 0 : -2;
}

hg_rc cose_qr_open(const char *text, size_t max_cbor, cose_key_lookup lookup, void *cls, buf *payload_out,
                   char key_id[KEYDIR_ID_LEN + 1], const char **why, hg_err *err)
{
    buf z, tbs;
    buf_init(&z, 4096);
    buf_init(&tbs, max_cbor + 64);
    key_id[0] = 0;
    *why = NULL;
    hg_rc rc = base45_decode(text, strlen(text), &z);
    if (rc == HG_INVALID)
        *why = N_("it is not Base45 (altered or misread)");
    else if (rc)
        rc = hg_fail(err, rc, NULL, "qr", "the QR code is too large");
    size_t n = max_cbor;
    unsigned char *raw = rc ? NULL : xmalloc(n);
    if (!rc && !raw)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc && inflate_strict((const unsigned char *)z.data, z.len, raw, &n))
        rc = HG_INVALID, *why = N_("its compressed data fails its check (altered or damaged)");
    cbor_reader r = {raw, raw + n, 0};
    int major;
    uint64_t a;
    const unsigned char *prot = NULL, *payload = NULL, *sig = NULL;
    size_t prot_n = 0, payload_n = 0, sig_n = 0;
    if (!rc && r.p < r.end && (*r.p >> 5) == CBOR_TAG && (cbor_head(&r, &major, &a) || a != 18))
        rc = HG_INVALID, *why = N_("it is not a COSE_Sign1 message (tag)");
    if (!rc && (cbor_head(&r, &major, &a) || major != CBOR_ARRAY || a != 4 || cbor_str(&r, CBOR_BSTR, &prot, &prot_n) ||
                cbor_skip(&r) || cbor_str(&r, CBOR_BSTR, &payload, &payload_n) ||
                cbor_str(&r, CBOR_BSTR, &sig, &sig_n) || r.p != r.end))
        rc = HG_INVALID, *why = N_("it is not a COSE_Sign1 message");
    int hdr = rc ? 0 : read_protected(prot, prot_n, key_id);
    if (hdr == -1)
        rc = HG_INVALID, *why = N_("its protected header is malformed or names no key");
    else if (hdr == -2)
        rc = HG_INVALID, *why = N_("it is not signed with EdDSA");
    char pk_hex[65] = "";
    if (!rc) {
        rc = lookup(cls, key_id, pk_hex, err);
        if (rc == HG_NOTFOUND)
            rc = HG_INVALID, *why = N_("it is signed by an unknown key");
    }
    char sig_hex[2 * KEYDIR_SIG_BYTES + 1];
    if (!rc && sig_n != KEYDIR_SIG_BYTES)
        rc = HG_INVALID, *why = N_("its signature is malformed");
    if (!rc) {
        hex_encode(sig, sig_n, sig_hex);
        rc = put_sig_structure(&tbs, prot, prot_n, payload, payload_n);
    }
    if (!rc && !keydir_verify(key_id, pk_hex, tbs.data, tbs.len, sig_hex))
        rc = HG_INVALID, *why = N_("its signature does not verify (altered)");
    if (!rc)
        rc = buf_append(payload_out, payload, payload_n);
    xfree(raw);
    buf_free(&z);
    buf_free(&tbs);
    return rc;
}
