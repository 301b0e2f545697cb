/* fuzz_key.h — the signing key the QR harnesses share (fuzz_health, fuzz_certificate): the
 * Ed25519 key of the seed 32 x 0x01, which their corpora's codes are signed with, and the
 * key lookup their verifiers are given. Test code only. */
#ifndef HG_FUZZ_KEY_H
#define HG_FUZZ_KEY_H

#include "platform/keydir.h"
#include "platform/rc.h"

/* The key, made at the first call (sodium_init included; aborts if libsodium cannot start). */
const keydir_key *fuzz_key(void);
/* A verifier's key lookup: the harness's public key for its id, HG_NOTFOUND for any other. */
hg_rc fuzz_key_lookup(void *cls, const char *key_id, char pk_hex[65], hg_err *err);

#endif
