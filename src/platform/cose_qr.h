/* cose_qr.h — the signed QR container of the EU Digital COVID Certificate (eHealth Network,
 * "Electronic Health Certificates, technical specifications" vol. 1), which the traveller's
 * health QR and the certificates' QR both use: a CBOR payload signed as COSE_Sign1 (RFC 9052)
 * with EdDSA (Ed25519, alg -8) and the key id in the protected header, zlib-compressed,
 * Base45-encoded (RFC 9285) after a prefix the caller names ("HG1:"). Knows nothing of what
 * the payload means (the caller's claims) or where keys are kept (the caller's lookup). */
#ifndef HG_COSE_QR_H
#define HG_COSE_QR_H

#include <stddef.h>

#include "buf.h"
#include "keydir.h"
#include "rc.h"

/* The public key (hex) of a signing key id: HG_OK, HG_NOTFOUND for an unknown key, or a fault. */
typedef hg_rc (*cose_key_lookup)(void *cls, const char *key_id, char pk_hex[65], hg_err *err);

/* Signs payload (n bytes of CBOR) with k as COSE_Sign1, compresses, encodes and appends
 * prefix and the text to out. HG_NOMEM or HG_INTERNAL on failure (err untouched). */
hg_rc cose_qr_seal(const keydir_key *k, const char *prefix, const void *payload, size_t n, buf *out);

/* Opens the text after its prefix (the caller checked the prefix): Base45, zlib (strictly, every
 * byte covered, at most max_cbor bytes inflated), the COSE_Sign1 structure, EdDSA, the key by
 * lookup, the signature. On success the payload's bytes are appended to payload and key_id is
 * set. HG_INVALID with *why naming the step that failed (for the caller's message); the
 * lookup's faults and HG_NOMEM with err set. */
hg_rc cose_qr_open(const char *text, size_t max_cbor, cose_key_lookup lookup, void *cls, buf *payload,
                   char key_id[KEYDIR_ID_LEN + 1], const char **why, hg_err *err);

#endif
