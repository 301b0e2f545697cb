/* certificate_qr.c — what a certificate's documents carry to be checked without us: the QR
 * code, in the traveller QR's container (cose_qr.h: COSE_Sign1 Ed25519, zlib, Base45) with the
 * prefix "HGC1:", whose claims are the number, version, status at issue, the SHA-256 of the
 * signed canonical JSON and the verification code; and the PDF's own signature, a last line
 * "%HGSIG1 <key id> <signature>" after %%EOF over every byte before it (PDF readers ignore
 * what follows %%EOF), so that one byte changed anywhere is found offline. The PDF cannot hold
 * its own SHA-256 in a QR drawn inside it; the server keeps that hash for the online check.
 * Pure but for the key lookup the verifier is given. */
#include <stdio.h>
#include <string.h>

#include "../platform/cbor.h"
#include "../platform/i18n.h"
#include "certificate.h"

#define QR_MAX_CBOR 1024
#define PDF_SIG_TAG "%HGSIG1 "

hg_rc certificate_qr_encode(const keydir_key *k, const certificate_qr_claims *c, buf *out, hg_err *err)
{
    buf p;
    buf_init(&p, 256);
    hg_rc rc = cbor_put_head(&p, CBOR_MAP, 7);
    if (!rc && !(rc = cbor_put_tstr(&p, "v")))
        rc = cbor_put_tstr(&p, "1");
    if (!rc && !(rc = cbor_put_tstr(&p, "no")))
        rc = cbor_put_tstr(&p, c->no);
    if (!rc && !(rc = cbor_put_tstr(&p, "ver")))
        rc = cbor_put_int(&p, c->version);
    if (!rc && !(rc = cbor_put_tstr(&p, "st")))
        rc = cbor_put_int(&p, c->status);
    if (!rc && !(rc = cbor_put_tstr(&p, "h")))
        rc = cbor_put_str(&p, CBOR_BSTR, c->digest, sizeof c->digest);
    if (!rc && !(rc = cbor_put_tstr(&p, "c")))
        rc = cbor_put_tstr(&p, c->code);
    if (!rc && !(rc = cbor_put_tstr(&p, "iat")))
        rc = cbor_put_int(&p, c->issued_s);
    if (!rc)
        rc = cose_qr_seal(k, CERTIFICATE_QR_PREFIX, p.data, p.len, out);
    buf_free(&p);
    return rc ? hg_fail(err, rc, NULL, "qr", "the certificate's QR code could not be made") : HG_OK;
}

static hg_rc bad(hg_err *err, const char *why)
{
    return hg_fail(err, HG_INVALID, "qr_invalid", "qr", "the certificate's QR code is refused: %s", why);
}

static int read_claims(const unsigned char *p, size_t len, certificate_qr_claims *c)
{
    cbor_reader r = {p, p + len, 0};
    int major, have = 0;
    uint64_t n;
    if (cbor_head(&r, &major, &n) || major != CBOR_MAP || n > 16)
        return -1;
    for (uint64_t i = 0; i < n; i++) {
        char key[8], version[4];
        const unsigned char *h;
        size_t hn;
        int ok;
        if (cbor_text(&r, key, sizeof key))
            return -1;
        if (!strcmp(key, "v"))
            ok = !cbor_text(&r, version, sizeof version) && !strcmp(version, "1") && (have |= 1);
        else if (!strcmp(key, "no"))
            ok = !cbor_text(&r, c->no, sizeof c->no) && (have |= 2);
        else if (!strcmp(key, "ver"))
            ok = !cbor_int(&r, &c->version) && (have |= 4);
        else if (!strcmp(key, "st"))
            ok = !cbor_int(&r, &c->status) && (have |= 8);
        else if (!strcmp(key, "h"))
            ok = !cbor_str(&r, CBOR_BSTR, &h, &hn) && hn == sizeof c->digest && (have |= 16);
        else if (!strcmp(key, "c"))
            ok = !cbor_text(&r, c->code, sizeof c->code) && (have |= 32);
        else if (!strcmp(key, "iat"))
            ok = !cbor_int(&r, &c->issued_s) && (have |= 64);
        else
            ok = !cbor_skip(&r);
        if (!ok)
            return -1;
        if (!strcmp(key, "h"))
            memcpy(c->digest, h, sizeof c->digest);
    }
    return have == 127 && r.p == r.end ? 0 : -1;
}

hg_rc certificate_qr_verify(const char *text, cose_key_lookup lookup, void *cls, certificate_qr_claims *out,
                            hg_err *err)
{
    memset(out, 0, sizeof *out);
    size_t plen = strlen(CERTIFICATE_QR_PREFIX);
    if (!text || strncmp(text, CERTIFICATE_QR_PREFIX, plen) != 0)
        return bad(err, "it is not a haiguan certificate's code (no " CERTIFICATE_QR_PREFIX " prefix)");
    buf payload;
    buf_init(&payload, QR_MAX_CBOR);
    const char *why = NULL;
    hg_rc rc = cose_qr_open(text + plen, QR_MAX_CBOR, lookup, cls, &payload, out->key_id, &why, err);
    if (rc == HG_INVALID && why)
        rc = bad(err, why);
    if (!rc && read_claims((const unsigned char *)payload.data, payload.len, out))
        rc = bad(err, "its claims are malformed");
    buf_free(&payload);
    return rc;
}

hg_rc certificate_pdf_seal(const keydir_key *k, buf *pdf)
{
    unsigned char sig[KEYDIR_SIG_BYTES];
    char sig_hex[2 * KEYDIR_SIG_BYTES + 1];
    keydir_sign(k, pdf->data, pdf->len, sig);
    hex_encode(sig, sizeof sig, sig_hex);
    hg_rc rc = buf_puts(pdf, PDF_SIG_TAG);
    if (!rc)
        rc = buf_puts(pdf, k->id);
    if (!rc)
        rc = buf_puts(pdf, " ");
    if (!rc)
        rc = buf_puts(pdf, sig_hex);
    return rc ? rc : buf_puts(pdf, "\n");
}

static const char *find_last(const char *p, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
        if (!memcmp(p + i, needle, k))
            return p + i;
    return NULL;
}

hg_rc certificate_pdf_check(const char *p, size_t n, cose_key_lookup lookup, void *cls, char *qr, size_t qr_len,
                            const char **why, hg_err *err)
{
    *why = NULL;
    qr[0] = 0;
    const char *tag = find_last(p, n, "\n" PDF_SIG_TAG);
    size_t signed_n = tag ? (size_t)(tag - p) + 1 : 0;
    const char *t = tag ? tag + 1 + strlen(PDF_SIG_TAG) : NULL;
    /* the tag line: key id, a space, the signature, a newline, and nothing after it */
    if (!t || n - (size_t)(t - p) != KEYDIR_ID_LEN + 1 + 2 * KEYDIR_SIG_BYTES + 1 || t[KEYDIR_ID_LEN] != ' ' ||
        p[n - 1] != '\n') {
        *why = N_("it carries no certificate signature (not ours, or cut short)");
        return HG_INVALID;
    }
    char key_id[KEYDIR_ID_LEN + 1], sig_hex[2 * KEYDIR_SIG_BYTES + 1], pk_hex[65];
    memcpy(key_id, t, KEYDIR_ID_LEN);
    key_id[KEYDIR_ID_LEN] = 0;
    memcpy(sig_hex, t + KEYDIR_ID_LEN + 1, 2 * KEYDIR_SIG_BYTES);
    sig_hex[2 * KEYDIR_SIG_BYTES] = 0;
    if (!keydir_is_hex(key_id, KEYDIR_ID_LEN) || !keydir_is_hex(sig_hex, 2 * KEYDIR_SIG_BYTES)) {
        *why = N_("its signature line is malformed");
        return HG_INVALID;
    }
    hg_rc rc = lookup(cls, key_id, pk_hex, err);
    if (rc == HG_NOTFOUND) {
        *why = N_("it is signed by an unknown key");
        return HG_INVALID;
    }
    if (rc)
        return rc;
    if (!keydir_verify(key_id, pk_hex, p, signed_n, sig_hex)) {
        *why = N_("its signature does not verify: the document was changed");
        return HG_INVALID;
    }
    /* the QR's text, which the PDF's metadata repeats (Keywords) so that it is read without
     * rendering the page */
    const char *kw = find_last(p, signed_n, "/Keywords (" CERTIFICATE_QR_PREFIX);
    const char *end = kw ? memchr(kw, ')', signed_n - (size_t)(kw - p)) : NULL;
    size_t qn = end ? (size_t)(end - kw) - strlen("/Keywords (") : 0;
    if (!end || qn >= qr_len) {
        *why = N_("it carries no certificate QR code");
        return HG_INVALID;
    }
    memcpy(qr, kw + strlen("/Keywords ("), qn);
    qr[qn] = 0;
    return HG_OK;
}
