/* health_qr.c — the traveller's QR code, in the EU Digital COVID Certificate's container
 * (eHealth Network, "Electronic Health Certificates, technical specifications" vol. 1): the
 * claims as a CWT (RFC 8392) in CBOR (RFC 8949), signed as COSE_Sign1 (RFC 9052) with EdDSA
 * (Ed25519, alg -8) and the key id in the protected header, zlib-compressed, Base45-encoded
 * (RFC 9285) and prefixed with "HG1:" where the DCC writes "HC1:". A counter verifies it with
 * the public key alone. The container itself (COSE_Sign1, zlib, Base45) is the platform's
 * (cose_qr.h), shared with the certificates' QR; here: the traveller's claims and their expiry.
 * Not here: where keys are kept (keydir.h, the store) or what the declaration is
 * (declaration_store.c). Pure but for the key lookup the verifier is given. */
#include <stdio.h>
#include <string.h>

#include "../platform/base45.h"
#include "../platform/cose_qr.h"
#include "../platform/keydir.h"
#include "../platform/mem.h"
#include "health.h"

/* The QR's content is small; a bigger inflated payload is not ours (a zip bomb is refused). */
#define QR_MAX_CBOR 2048

/* Base45 under the names the health tests and fuzzer know (the platform's base45.h). */
hg_rc health_base45_encode(const unsigned char *p, size_t n, buf *out) { return base45_encode(p, n, out); }
hg_rc health_base45_decode(const char *s, size_t n, buf *out) { return base45_decode(s, n, out); }

/* The CWT claims {1: iss, 4: exp, 6: iat, HEALTH_CWT_CLAIM: {"v", "id", "nm", "doc", "fl", "dt"}}. */
static hg_rc put_claims(buf *out, const health_qr_claims *c)
{
    hg_rc rc = cbor_put_head(out, CBOR_MAP, 4);
    if (!rc && !(rc = cbor_put_int(out, 1)))
        rc = cbor_put_tstr(out, "CN");
    if (!rc && !(rc = cbor_put_int(out, 4)))
        rc = cbor_put_int(out, c->expires_s);
    if (!rc && !(rc = cbor_put_int(out, 6)))
        rc = cbor_put_int(out, c->issued_s);
    if (!rc && !(rc = cbor_put_int(out, HEALTH_CWT_CLAIM)))
        rc = cbor_put_head(out, CBOR_MAP, 6);
    const char *kv[][2] = {{"v", "1"},           {"id", c->id},     {"nm", c->name},
                           {"doc", c->document}, {"fl", c->flight}, {"dt", c->entry_date}};
    for (size_t i = 0; i < 6 && !rc; i++)
        if (!(rc = cbor_put_tstr(out, kv[i][0])))
            rc = cbor_put_tstr(out, kv[i][1]);
    return rc;
}

hg_rc health_qr_encode(const keydir_key *k, const health_qr_claims *c, buf *out, hg_err *err)
{
    buf payload;
    buf_init(&payload, 1024);
    hg_rc rc = put_claims(&payload, c);
    if (!rc)
        rc = cose_qr_seal(k, HEALTH_QR_PREFIX, payload.data, payload.len, out);
    buf_free(&payload);
    return rc ? hg_fail(err, rc, NULL, "qr", "the QR code could not be made") : HG_OK;
}

static hg_rc bad(hg_err *err, const char *why)
{
    return hg_fail(err, HG_INVALID, "qr_invalid", "qr", "the QR code is refused: %s", why);
}

static int read_payload_claim(cbor_reader *r, health_qr_claims *out)
{
    int major;
    uint64_t n;
    if (cbor_head(r, &major, &n) || major != CBOR_MAP || n > 16)
        return -1;
    for (uint64_t i = 0; i < n; i++) {
        char key[8], version[4];
        if (cbor_text(r, key, sizeof key))
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
        if (j == sizeof slots / sizeof slots[0] ? cbor_skip(r) : cbor_text(r, slots[j].dst, slots[j].len))
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
    buf payload;
    buf_init(&payload, QR_MAX_CBOR);
    char key_id[KEYDIR_ID_LEN + 1];
    const char *why = NULL;
    hg_rc rc = cose_qr_open(text + plen, QR_MAX_CBOR, lookup, cls, &payload, key_id, &why, err);
    if (rc == HG_INVALID && why)
        rc = bad(err, why);
    if (!rc && read_claims((const unsigned char *)payload.data, payload.len, out))
        rc = bad(err, "its claims are malformed");
    if (!rc) {
        snprintf(out->key_id, sizeof out->key_id, "%s", key_id);
        if (out->expires_s * 1000 <= now_ms)
            rc = hg_fail(err, HG_INVALID, "qr_expired", "qr",
                         "the declaration's QR code expired: the traveller declares again");
    }
    buf_free(&payload);
    return rc;
}
