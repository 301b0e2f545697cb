/* fuzz_certificate.c — libFuzzer harness for the certificate's offline checks
 * (src/certificate/certificate_qr.c): the first input byte picks what the rest is fed to, in a
 * heap buffer of its own so that ASan sees any overread:
 *   0: certificate_qr_verify (prefix, the COSE container, the claims) with a fixed key, which
 *      must refuse with field "qr" and never accept a code its key did not sign;
 *   1: certificate_pdf_check over the bytes (not NUL-terminated), which must stay inside them
 *      and, when it accepts, give a QR text shorter than its buffer.
 * Seeds: tests/fuzz/corpus/certificate/ (a QR code and a signed PDF stub made with the key). */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "certificate/certificate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static keydir_key key;
static int ready;

/* The harness's key: the Ed25519 key of the seed 32 x 0x01 (the corpus is signed with it). */
static void setup(void)
{
    unsigned char seed[32];
    memset(seed, 1, sizeof seed);
    crypto_sign_seed_keypair(key.pk, key.sk, seed);
    keydir_key_id(key.pk, key.id);
    hex_encode(key.pk, 32, key.pk_hex);
    ready = 1;
}

static hg_rc lookup(void *cls, const char *key_id, char pk_hex[65], hg_err *err)
{
    (void)cls, (void)err;
    if (strcmp(key_id, key.id) != 0)
        return HG_NOTFOUND;
    memcpy(pk_hex, key.pk_hex, 65);
    return HG_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ready) {
        if (sodium_init() < 0)
            abort();
        setup();
    }
    if (size < 1)
        return 0;
    size_t n = size - 1;
    char *s = malloc(n + 1);
    if (!s)
        return 0;
    memcpy(s, data + 1, n);
    s[n] = 0;
    hg_err err;
    if (data[0] % 2 == 0) {
        certificate_qr_claims c;
        hg_rc rc = certificate_qr_verify(s, lookup, NULL, &c, &err);
        if (rc && strcmp(err.field, "qr") != 0)
            abort();
        if (!rc && (!c.no[0] || strcmp(c.key_id, key.id) != 0))
            abort();
    } else {
        char *p = malloc(n ? n : 1); /* exactly n bytes: no terminator to lean on */
        char qr[256];
        const char *why = NULL;
        if (p) {
            memcpy(p, data + 1, n);
            hg_rc rc = certificate_pdf_check(p, n, lookup, NULL, qr, sizeof qr, &why, &err);
            if (rc == HG_INVALID && !why)
                abort();
            if (!rc && strlen(qr) >= sizeof qr)
                abort();
            free(p);
        }
    }
    free(s);
    return 0;
}
