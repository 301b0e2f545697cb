/* audit_trust.c — the set of trusted checkpoint keys: pins read from outside the database,
 * widened by rotation statements (audit_trust.h). */
#include "audit_trust.h"

#include <errno.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"

#define ROTATION_CONTEXT "haiguan-audit-rotation"
#define PIN_LINE_MAX 256

const char *audit_trust_pk(const audit_trust *t, const char *id)
{
    for (int i = 0; id && i < t->n; i++)
        if (strcmp(t->key[i].id, id) == 0)
            return t->key[i].pk;
    return NULL;
}

hg_rc audit_trust_add(audit_trust *t, const char *id, const char *pk, hg_err *err)
{
    unsigned char raw[32];
    char real[KEYDIR_ID_LEN + 1];
    size_t got = 0;
    if (!keydir_is_hex(id, KEYDIR_ID_LEN) || !keydir_is_hex(pk, 64) ||
        sodium_hex2bin(raw, sizeof raw, pk, 64, NULL, &got, NULL) != 0 || got != sizeof raw)
        return hg_fail(err, HG_INVALID, "invalid", "trust", "not a key id and an Ed25519 public key");
    keydir_key_id(raw, real);
    if (strcmp(real, id) != 0)
        return hg_fail(err, HG_INVALID, "invalid", "trust", "key id %s is not the id of its public key", id);
    if (audit_trust_pk(t, id))
        return HG_OK;
    if (t->n == AUDIT_TRUST_MAX)
        return hg_fail(err, HG_TOOBIG, "too_large", "trust", "more than %d trusted keys", AUDIT_TRUST_MAX);
    memcpy(t->key[t->n].id, id, KEYDIR_ID_LEN + 1);
    memcpy(t->key[t->n].pk, pk, 65);
    t->n++;
    return HG_OK;
}

hg_rc audit_trust_read(audit_trust *t, const char *path, hg_err *err)
{
    char line[PIN_LINE_MAX];
    struct stat st;
    int lineno = 0;
    hg_rc rc = HG_OK;
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT)
            return HG_NOTFOUND;
        /* TRANSLATORS: 1: path; 2: strerror(errno) */
        return hg_fail(err, HG_IO, "io_error", "trust", "cannot open the trust file %s: %s", path, strerror(errno));
    }
    /* A pin list others may write is no pin at all. */
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        rc = hg_fail(err, HG_IO, "io_error", "trust", "the trust file %s is not a regular file", path);
        goto out;
    }
    if (st.st_mode & 022) {
        rc = hg_fail(err, HG_FORBIDDEN, "forbidden", "trust",
                     "the trust file %s may be written by other users; make it chmod 0644 or 0600", path);
        goto out;
    }
    while (!rc && fgets(line, sizeof line, f)) {
        char id[KEYDIR_ID_LEN + 2], pk[66], extra[2];
        lineno++;
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        int got = sscanf(line, "%17s %65s %1s", id, pk, extra);
        if (got <= 0)
            continue;
        hg_err why;
        if (got != 2 || audit_trust_add(t, id, pk, &why) != HG_OK)
            /* TRANSLATORS: 1: path; 2: lineno; 3: got == 2 ? ": " : ""; 4: got == 2 ? why.message : "" */
            rc = hg_fail(err, HG_INVALID, "invalid", "trust",
                         "trust file %s line %d is not a key pin (\"<key id> <public key>\")%s%s", path, lineno,
                         got == 2 ? ": " : "", got == 2 ? why.message : "");
    }
    if (!rc && ferror(f))
        rc = hg_fail(err, HG_IO, "io_error", "trust", "cannot read the trust file %s", path);
out:
    fclose(f);
    return rc;
}

hg_rc audit_trust_from_keydir(audit_trust *t, const char *dir, const char *key_file, hg_err *err)
{
    keydir_key k;
    buf path;
    hg_rc rc = keydir_read(dir, key_file, "the audit signing key", &k, err);
    if (rc == HG_OK) {
        rc = audit_trust_add(t, k.id, k.pk_hex, err);
        keydir_key_wipe(&k);
    }
    if (rc && rc != HG_NOTFOUND)
        return rc;
    buf_init(&path, 4096);
    if (buf_appendf(&path, "%s/%s", dir, AUDIT_RETIRED_FILE))
        rc = hg_fail(err, HG_INVALID, "invalid", "keys", "key directory path is too long");
    else
        rc = audit_trust_read(t, buf_str(&path), err);
    buf_free(&path);
    return rc == HG_NOTFOUND ? HG_OK : rc;
}

int audit_rotation_message(char *out, size_t outlen, const char *from_id, const char *id, const char *pk, int64_t at_ms)
{
    if (!keydir_is_hex(from_id, KEYDIR_ID_LEN) || !keydir_is_hex(id, KEYDIR_ID_LEN) || !keydir_is_hex(pk, 64))
        return 0;
    int n = snprintf(out, outlen, ROTATION_CONTEXT "\n%s\n%s\n%s\n%" PRId64, from_id, id, pk, at_ms);
    return n > 0 && (size_t)n < outlen;
}

int audit_trust_endorse(audit_trust *t, const char *from_id, const char *id, const char *pk, int64_t at_ms,
                        const char *sig)
{
    char msg[256];
    hg_err ignored;
    const char *from_pk = audit_trust_pk(t, from_id);
    if (!from_pk || audit_trust_pk(t, id) || !audit_rotation_message(msg, sizeof msg, from_id, id, pk, at_ms) ||
        !keydir_verify(from_id, from_pk, msg, strlen(msg), sig))
        return 0;
    return audit_trust_add(t, id, pk, &ignored) == HG_OK;
}

hg_rc audit_trust_from_db(audit_trust *t, db *d, hg_err *err)
{
    int added;
    hg_rc rc;
    do {
        db_stmt *s = NULL;
        added = 0;
        rc = db_query(d, &s, err,
                      "SELECT endorsed_by, key_id, public_key, endorsed_ms, endorsement FROM audit_key "
                      "WHERE endorsement IS NOT NULL ORDER BY endorsed_ms",
                      NULL);
        if (rc)
            return rc;
        while ((rc = db_step(s, err)) == HG_ROW)
            added += audit_trust_endorse(t, db_col_text(s, 0), db_col_text(s, 1), db_col_text(s, 2), db_col_int(s, 3),
                                         db_col_text(s, 4));
        db_reset(s);
        if (rc != HG_DONE)
            return rc;
    } while (added);
    return HG_OK;
}
