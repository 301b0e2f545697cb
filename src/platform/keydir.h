/* keydir.h — the key directory (`<database>.keys/`, or --keys / HAIGUAN_KEYS): secrets kept
 * outside the database, one file each, mode 0600, refused when others can read them (as ssh
 * refuses a private key). It holds Ed25519 signing keys, named by what they sign and known by
 * their key id (the first 16 hex digits of SHA-256 of the public key), and plain secrets such
 * as the risk draw key and the audit chain key, and lists of public keys it pins (the audit
 * keys it retired). Audit checkpoints and rows and the risk draw use it today; certificates and
 * traveller QR codes will sign and verify through it.
 *
 * A signing key is created with link(2), not rename(2), so that two processes starting at once
 * keep one key; a replacement (rotation) is renamed into place only after the caller has
 * recorded its public half. Not for: which keys are trusted (audit_trust.h) or what a
 * signature covers (the caller's message). */
#ifndef HG_KEYDIR_H
#define HG_KEYDIR_H

#include <stddef.h>

#include "buf.h"
#include "rc.h"

#define KEYDIR_ID_LEN 16    /* hex digits of a key id */
#define KEYDIR_SIG_BYTES 64 /* an Ed25519 signature */

/* An Ed25519 key pair held in memory (the caller wipes it: keydir_key_wipe). */
typedef struct keydir_key {
    unsigned char sk[64]; /* libsodium's secret key: seed || public key */
    unsigned char pk[32];
    char id[KEYDIR_ID_LEN + 1]; /* key id */
    char pk_hex[65];            /* public key, lower-case hex */
} keydir_key;

/* The key id of a public key. */
void keydir_key_id(const unsigned char pk[32], char id[KEYDIR_ID_LEN + 1]);

/* Loads the signing key in file `name` of dir into *k, creating dir (0700) and the key (0600)
 * when missing (*created = 1 then). `what` names it in errors ("the audit signing key").
 * HG_IO for a file that cannot be read or is not a key, HG_FORBIDDEN for one others can read. */
hg_rc keydir_load(const char *dir, const char *name, const char *what, keydir_key *k, int *created, hg_err *err);

/* The same without creating anything: HG_NOTFOUND when dir or the file does not exist (a
 * verifier reads the keys it checks against; it never makes them). */
hg_rc keydir_read(const char *dir, const char *name, const char *what, keydir_key *k, hg_err *err);

/* Rotation in two steps: keydir_prepare makes a new key in a temporary file of dir (*tmp, the
 * caller frees it); after the caller has recorded k->pk_hex, keydir_install renames it over
 * `name`. keydir_abandon removes the temporary file instead. */
hg_rc keydir_prepare(const char *dir, const char *name, const char *what, keydir_key *k, buf *tmp, hg_err *err);
hg_rc keydir_install(const char *dir, const char *name, const char *what, buf *tmp, hg_err *err);
void keydir_abandon(buf *tmp);

/* Signs msg (n bytes) with k. */
void keydir_sign(const keydir_key *k, const void *msg, size_t n, unsigned char sig[KEYDIR_SIG_BYTES]);
/* 1 when sig_hex is a signature of msg by the key whose public half is pk_hex and whose id is
 * key_id (a public key that is not the one named is refused), else 0. */
int keydir_verify(const char *key_id, const char *pk_hex, const void *msg, size_t n, const char *sig_hex);

/* Reads the n-byte secret in file `name` of dir into out, creating it from random bytes when
 * missing. Errors as keydir_load. */
hg_rc keydir_secret(const char *dir, const char *name, const char *what, unsigned char *out, size_t n, hg_err *err);

/* keydir_secret, telling in *created whether this call made the file. */
hg_rc keydir_secret_made(const char *dir, const char *name, const char *what, unsigned char *out, size_t n,
                         int *created, hg_err *err);
/* keydir_secret without creating: HG_NOTFOUND when there is no such file. */
hg_rc keydir_secret_read(const char *dir, const char *name, const char *what, unsigned char *out, size_t n,
                         hg_err *err);

/* Appends text to file `name` of dir (made 0600, and dir 0700, when missing) and makes it
 * durable: lists the key directory keeps, such as the public halves of retired keys. */
hg_rc keydir_append(const char *dir, const char *name, const char *what, const char *text, hg_err *err);

/* Wipes k's secret half. */
void keydir_key_wipe(keydir_key *k);

/* 1 when s is exactly len lower-case hex digits. */
int keydir_is_hex(const char *s, size_t len);

#endif
