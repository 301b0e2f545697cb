/* fuzz_health.c — libFuzzer harness for the traveller's QR code (src/health/health_qr.c): the
 * first input byte picks what the rest is fed to, NUL-terminated in its own heap buffer so ASan
 * sees any overread:
 *   0: health_qr_verify (prefix, Base45, zlib, COSE_Sign1, claims) with a fixed key, which must
 *      refuse with field "qr" and never accept a code its key did not sign;
 *   1: the CBOR reader (cbor_skip over a sequence of items), which must stay inside its input;
 *   2: Base45 decoding, whose success must round-trip through encoding (RFC 9285 is a bijection).
 * Seeds: tests/fuzz/corpus/health/ (a code signed with the harness's key, a CBOR map, Base45). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "fuzz_key.h"
#include "health/health.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const keydir_key *key = fuzz_key();
    size_t n;
    char *s = fuzz_rest(data, size, &n);
    if (!s)
        return 0;
    switch (data[0] % 3) {
    case 0: {
        health_qr_claims c;
        hg_err err;
        hg_rc rc = health_qr_verify(s, 1000, fuzz_key_lookup, NULL, &c, &err);
        if (rc && strcmp(err.field, "qr") != 0)
            abort();
        if (!rc && (!c.id[0] || strcmp(c.key_id, key->id) != 0))
            abort();
        break;
    }
    case 1: {
        cbor_reader r = {(const unsigned char *)s, (const unsigned char *)s + n, 0};
        while (r.p < r.end && cbor_skip(&r) == 0)
            if (r.p > r.end)
                abort();
        break;
    }
    case 2: {
        buf dec, enc;
        buf_init(&dec, 1 << 16);
        buf_init(&enc, 1 << 17);
        if (health_base45_decode(s, strlen(s), &dec) == HG_OK &&
            health_base45_encode((const unsigned char *)dec.data, dec.len, &enc) == HG_OK &&
            (enc.len != strlen(s) || memcmp(enc.data ? enc.data : "", s, enc.len) != 0))
            abort();
        buf_free(&dec);
        buf_free(&enc);
        break;
    }
    }
    free(s);
    return 0;
}
