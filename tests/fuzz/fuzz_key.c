/* fuzz_key.c — the QR harnesses' shared signing key (fuzz_key.h). */
#include "fuzz_key.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

static keydir_key key;
static int ready;

const keydir_key *fuzz_key(void)
{
    if (!ready) {
        if (sodium_init() < 0)
            abort();
        unsigned char seed[32];
        memset(seed, 1, sizeof seed);
        crypto_sign_seed_keypair(key.pk, key.sk, seed);
        keydir_key_id(key.pk, key.id);
        hex_encode(key.pk, 32, key.pk_hex);
        ready = 1;
    }
    return &key;
}

hg_rc fuzz_key_lookup(void *cls, const char *key_id, char pk_hex[65], hg_err *err)
{
    (void)cls, (void)err;
    const keydir_key *k = fuzz_key();
    if (strcmp(key_id, k->id) != 0)
        return HG_NOTFOUND;
    memcpy(pk_hex, k->pk_hex, 65);
    return HG_OK;
}
