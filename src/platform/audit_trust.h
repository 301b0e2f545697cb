/* audit_trust.h — which keys may vouch for the audit trail (issue 13 §2, SECURITY.md §15-16).
 *
 * A checkpoint (a signed head of the chain) counts only when its key is trusted, and a key is
 * trusted only from outside the database it vouches for: pinned by the key directory (its
 * current signing key and the public halves of the keys it retired, audit-signing.retired) or
 * by a trust file an auditor keeps, or endorsed by a rotation statement signed with a key
 * already trusted. A key found only in the database's audit_key table is not trusted: whoever
 * can write the database could have put it there.
 *
 * Not for: the chain itself or the checkpoints' messages (audit.c); key files (keydir.h). */
#ifndef HG_AUDIT_TRUST_H
#define HG_AUDIT_TRUST_H

#include <stdint.h>

#include "db.h"
#include "keydir.h"
#include "rc.h"

#define AUDIT_TRUST_MAX 64                         /* keys in one trust set: rotations are rare */
#define AUDIT_RETIRED_FILE "audit-signing.retired" /* in the key directory */

typedef struct audit_trust {
    int n;
    struct {
        char id[KEYDIR_ID_LEN + 1];
        char pk[65]; /* public key, lower-case hex */
    } key[AUDIT_TRUST_MAX];
} audit_trust;

/* The trusted public key (hex) of key id, or NULL when the key is not trusted. */
const char *audit_trust_pk(const audit_trust *t, const char *id);

/* Adds a key (nothing when already there). HG_INVALID when pk is not a public key whose id is
 * id, HG_TOOBIG when the set is full. */
hg_rc audit_trust_add(audit_trust *t, const char *id, const char *pk, hg_err *err);

/* Adds every "<key id> <public key>" line of path ('#' starts a comment; blank lines are
 * skipped). HG_NOTFOUND when there is no such file; HG_INVALID naming the line when one is not
 * a key pin (an id that is not its public key's, for one); HG_FORBIDDEN when others may write
 * the file; HG_IO when it cannot be read. */
hg_rc audit_trust_read(audit_trust *t, const char *path, hg_err *err);

/* Adds the key directory's pins: the public half of its current signing key (file key_file)
 * and its retired list. Nothing (HG_OK) when dir holds neither. Errors as audit_trust_read and
 * keydir_read. */
hg_rc audit_trust_from_keydir(audit_trust *t, const char *dir, const char *key_file, hg_err *err);

/* The bytes a rotation statement signs: key from_id hands over to key id (public key pk) at
 * at_ms. 0 when a part is malformed. */
int audit_rotation_message(char *out, size_t outlen, const char *from_id, const char *id, const char *pk,
                           int64_t at_ms);

/* Applies one rotation statement: when from_id is trusted and sig (hex) is its signature of
 * the statement, id becomes trusted. 1 when that added a key, else 0. */
int audit_trust_endorse(audit_trust *t, const char *from_id, const char *id, const char *pk, int64_t at_ms,
                        const char *sig);

/* Applies the rotation statements recorded with the keys in the database (audit_key) until
 * none adds a key. Statements are self-proving (signed by a trusted key), so where they are
 * stored does not matter. */
hg_rc audit_trust_from_db(audit_trust *t, db *d, hg_err *err);

#endif
