/* fuzz_certificate.c — libFuzzer harness for the certificate's offline checks
 * (src/certificate/certificate_qr.c): the first input byte picks what the rest is fed to, in a
 * heap buffer of its own so that ASan sees any overread:
 *   0: certificate_qr_verify (prefix, the COSE container, the claims) with a fixed key, which
 *      must refuse with field "qr" and never accept a code its key did not sign;
 *   1: certificate_pdf_check over the bytes (not NUL-terminated), which must stay inside them
 *      and, when it accepts, give a QR text shorter than its buffer.
 * Seeds: tests/fuzz/corpus/certificate/ (a QR code and a signed PDF stub made with the key). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "certificate/certificate.h"
#include "fuzz_input.h"
#include "fuzz_key.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const keydir_key *key = fuzz_key();
    size_t n;
    char *s = fuzz_rest(data, size, &n);
    if (!s)
        return 0;
    hg_err err;
    if (data[0] % 2 == 0) {
        certificate_qr_claims c;
        hg_rc rc = certificate_qr_verify(s, fuzz_key_lookup, NULL, &c, &err);
        if (rc && strcmp(err.field, "qr") != 0)
            abort();
        if (!rc && (!c.no[0] || strcmp(c.key_id, key->id) != 0))
            abort();
    } else {
        char *p = malloc(n ? n : 1); /* exactly n bytes: no terminator to lean on */
        char qr[256];
        const char *why = NULL;
        if (p) {
            memcpy(p, data + 1, n);
            hg_rc rc = certificate_pdf_check(p, n, fuzz_key_lookup, NULL, qr, sizeof qr, &why, &err);
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
