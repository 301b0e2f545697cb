/* audit.c — the audit trail (留痕, SECURITY.md §15-16): an append-only SHA-256 hash chain
 * in audit_log, Ed25519-signed checkpoints of its head in audit_checkpoint, the public
 * halves of the signing keys in audit_key; the secret half is a file of the key directory
 * (keydir.h).
 *
 * It records and proves; it does not decide what is worth recording (the areas end their
 * write transactions with audit_commit, or call audit_append inside them) and it does not serve HTTP (the audit
 * API handler calls audit_list_json). All SQL goes through db.h and is in the subset both
 * backends accept. libsodium is initialised here (sodium_init is idempotent and
 * thread-safe), so callers need not have done it first. */
#include "audit.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "json_canon.h"
#include "keydir.h"
#include "log.h"
#include "mem.h"
#include "utf8.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"
#define KEY_FILE "audit-signing.key"
#define SIGN_CONTEXT "haiguan-audit-checkpoint"
#define PATH_MAX_LEN 4096
/* The canonical object of a row: two JSON documents plus six short texts, escaped. */
#define ROW_JSON_MAX (2 * AUDIT_JSON_MAX + 64 * AUDIT_TEXT_MAX)
/* One JSON Lines checkpoint is about 330 bytes; anything much longer is not ours. */
#define CHECKPOINT_LINE_MAX 1024

#define CANON_FLAGS (JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY)
#define LOAD_FLAGS (JSON_DECODE_ANY | JSON_ALLOW_NUL)

/* ---- schema ---- */

const migration audit_migrations[] = {
    {10, "audit trail",
     /* seq is assigned by audit_append as max+1 under the caller's write lock rather than
      * by @IDPK, because the hash covers it and a gap must mean a deleted row. */
     "CREATE TABLE audit_log ("
     " seq BIGINT PRIMARY KEY,"
     " at_ms BIGINT NOT NULL,"
     " actor TEXT NOT NULL,"
     " action TEXT NOT NULL,"
     " object_type TEXT NOT NULL,"
     " object_id TEXT NOT NULL,"
     " request_id TEXT,"
     " before_json TEXT,"
     " after_json TEXT,"
     " prev_hash TEXT NOT NULL,"
     " hash TEXT NOT NULL);"
     /* seq last in the indexes so that "newest first for this object" needs no sort. */
     "CREATE INDEX audit_log_object ON audit_log (object_type, object_id, seq);"
     "CREATE INDEX audit_log_actor ON audit_log (actor, seq);"
     "CREATE INDEX audit_log_at ON audit_log (at_ms);"
     "CREATE TABLE audit_key ("
     " key_id TEXT PRIMARY KEY,"
     " public_key TEXT NOT NULL,"
     " created_ms BIGINT NOT NULL);"
     /* One checkpoint per head and key: signing the same head again adds nothing. */
     "CREATE TABLE audit_checkpoint ("
     " seq BIGINT NOT NULL,"
     " head_hash TEXT NOT NULL,"
     " at_ms BIGINT NOT NULL,"
     " key_id TEXT NOT NULL REFERENCES audit_key (key_id),"
     " signature TEXT NOT NULL,"
     " PRIMARY KEY (seq, key_id));",
     /* SQLite: the three tables refuse UPDATE and DELETE. audit_key too, so that a public
      * key cannot be swapped under old checkpoints. */
     "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
     " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"
     "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
     " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"
     "CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint"
     " BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END;"
     "CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint"
     " BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END;"
     "CREATE TRIGGER audit_key_no_update BEFORE UPDATE ON audit_key"
     " BEGIN SELECT RAISE(ABORT, 'audit_key is append-only'); END;"
     "CREATE TRIGGER audit_key_no_delete BEFORE DELETE ON audit_key"
     " BEGIN SELECT RAISE(ABORT, 'audit_key is append-only'); END;",
     /* PostgreSQL: one trigger function; row triggers for UPDATE/DELETE and statement
      * triggers for TRUNCATE, which bypasses row triggers. check_violation so that the
      * backend reports it as HG_CONFLICT, like SQLite's RAISE(ABORT). */
     "CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$\n"
     "BEGIN\n"
     "  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP\n"
     "    USING ERRCODE = 'check_violation';\n"
     "END;\n"
     "$$;\n"
     "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log"
     " FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();\n"
     "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log"
     " FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();\n"
     "CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint"
     " FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();\n"
     "CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint"
     " FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();\n"
     "CREATE TRIGGER audit_key_append_only BEFORE UPDATE OR DELETE ON audit_key"
     " FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();\n"
     "CREATE TRIGGER audit_key_no_truncate BEFORE TRUNCATE ON audit_key"
     " FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();\n"},
    {0},
};

/* ---- small helpers ---- */

static hg_rc sodium_ready(hg_err *err)
{
    if (sodium_init() < 0)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "libsodium cannot be initialised");
    return HG_OK;
}

static int is_hex(const char *s, size_t len) { return keydir_is_hex(s, len); }

/* The exact bytes a checkpoint signature covers; 0 when a part is malformed. */
static int checkpoint_message(char *out, size_t outlen, int64_t seq, const char *head, int64_t at_ms,
                              const char *key_id)
{
    if (!is_hex(head, 64) || !is_hex(key_id, 16))
        return 0;
    int n = snprintf(out, outlen, SIGN_CONTEXT "\n%" PRId64 "\n%s\n%" PRId64 "\n%s", seq, head, at_ms, key_id);
    return n > 0 && (size_t)n < outlen;
}

/* 1 when sig_hex is key pk_hex's signature of the checkpoint and key_id is pk_hex's id. */
static int checkpoint_signature_ok(int64_t seq, const char *head, int64_t at_ms, const char *key_id,
                                   const char *pk_hex, const char *sig_hex)
{
    char msg[256];
    if (!key_id || !checkpoint_message(msg, sizeof msg, seq, head, at_ms, key_id))
        return 0;
    return keydir_verify(key_id, pk_hex, msg, strlen(msg), sig_hex);
}

/* ---- canonical JSON and the row hash ---- */

/* 1 when memory is short right now. jansson's parser reports a failed allocation as a
 * syntax error, so before calling a stored text "not JSON" — an accusation of tampering —
 * we check that allocating and parsing work at all. */
static int memory_failing(size_t n)
{
    json_error_t jerr;
    void *p = xmalloc(n);
    json_t *j = p ? json_loads("{\"probe\":[1]}", 0, &jerr) : NULL;
    xfree(p);
    json_decref(j);
    return j == NULL;
}

/* Appends the canonical text of v (compact, keys sorted: json_canon.c) to out. HG_TOOBIG
 * or HG_NOMEM from the buffer; HG_INVALID for a string that is not UTF-8 (possible only in
 * a value built with json_string_nocheck). */
static hg_rc canon_dump(const json_t *v, buf *out) { return json_canon_append(v, out); }

/* Parses stored text (NULL meaning JSON null) into *out, insisting that it is exactly the
 * canonical text of what it parses to; otherwise an edit that keeps the meaning but
 * changes the bytes would pass. */
static hg_rc load_canonical(const char *text, const char *field, json_t **out, hg_err *err)
{
    buf b;
    hg_rc rc = HG_OK;
    json_error_t jerr;
    buf_init(&b, AUDIT_JSON_MAX);
    *out = NULL;
    if (!text) {
        *out = json_null();
        goto out;
    }
    *out = json_loads(text, LOAD_FLAGS, &jerr);
    if (!*out) {
        if (memory_failing(strlen(text) + 64))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        else
            rc = hg_fail(err, HG_INVALID, "invalid", field, "%s is not JSON", field);
        goto out;
    }
    /* It parsed, so its strings are UTF-8: only memory can make dumping it fail. */
    rc = canon_dump(*out, &b);
    if (rc == HG_INVALID)
        rc = HG_NOMEM;
    if (rc == HG_TOOBIG)
        rc = hg_fail(err, HG_INVALID, "too_large", field, "%s is larger than %d bytes", field, AUDIT_JSON_MAX);
    else if (rc)
        rc = hg_fail(err, rc, NULL, NULL, "out of memory");
    else if (json_is_null(*out) || strcmp(buf_str(&b), text) != 0)
        rc = hg_fail(err, HG_INVALID, "invalid", field, "%s is not in canonical form", field);
out:
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    buf_free(&b);
    return rc;
}

/* Strict UTF-8 (utf8.h), the rule jansson applies: checked here so that a failure to build a
 * JSON string afterwards can only mean memory. */
static int text_ok(const char *s) { return s && strlen(s) <= AUDIT_TEXT_MAX && utf8_valid(s); }

/* obj[key] = s (NULL: JSON null); s already checked by text_ok. 0 on success. */
static int set_text(json_t *obj, const char *key, const char *s)
{
    return json_object_set_new_nocheck(obj, key, s ? json_stringn_nocheck(s, strlen(s)) : json_null());
}

/* The SHA-256 of "seq\nprev_hash\n" and the row's canonical text. OpenSSL's, which uses the
 * CPU's SHA instructions where it has them: every write hashes its whole record here, on the
 * group-commit writer, and libsodium's portable SHA-256 took several times longer. */
static EVP_MD *sha256;
static void fetch_sha256(void) { sha256 = EVP_MD_fetch(NULL, "SHA256", NULL); }

static hg_rc hash_text(const audit_row *r, const buf *text, char hash[65], hg_err *err)
{
    /* fetched once: OpenSSL 3 looks the algorithm up among its providers on every implicit use */
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, fetch_sha256);
    char head[100];
    int n = snprintf(head, sizeof head, "%" PRId64 "\n%.64s\n", r->seq, r->prev_hash);
    unsigned char h[32];
    unsigned len = 0;
    EVP_MD_CTX *ctx = sha256 ? EVP_MD_CTX_new() : NULL;
    int ok = ctx && EVP_DigestInit_ex(ctx, sha256, NULL) && EVP_DigestUpdate(ctx, head, (size_t)n) &&
             EVP_DigestUpdate(ctx, buf_str(text), text->len) && EVP_DigestFinal_ex(ctx, h, &len) && len == sizeof h;
    EVP_MD_CTX_free(ctx);
    if (!ok)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "cannot compute SHA-256");
    hex_encode(h, sizeof h, hash);
    return HG_OK;
}

/* The hash of row r whose before and after are given parsed (JSON null for none): the
 * canonical text of an object of the row's fields. What verify recomputes. */
static hg_rc hash_parsed(const audit_row *r, json_t *before, json_t *after, char hash[65], hg_err *err)
{
    json_t *obj = NULL;
    buf b;
    hg_rc rc = HG_OK;
    buf_init(&b, ROW_JSON_MAX);
    /* Built by hand rather than with json_pack, so that a failure here can only be memory
     * (the texts were checked by the caller) and never passes for tampering. */
    if (!(obj = json_object()) || json_object_set_new_nocheck(obj, "at_ms", json_integer(r->at_ms)) ||
        set_text(obj, "actor", r->actor) || set_text(obj, "action", r->action) ||
        set_text(obj, "object_type", r->object_type) || set_text(obj, "object_id", r->object_id) ||
        set_text(obj, "request_id", r->request_id) || json_object_set_nocheck(obj, "before", before) ||
        json_object_set_nocheck(obj, "after", after)) {
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    if ((rc = canon_dump(obj, &b))) {
        rc = rc == HG_INVALID ? HG_NOMEM : rc;   /* the texts' UTF-8 was checked */
        rc = hg_fail(err, rc, NULL, NULL, rc == HG_TOOBIG ? "audit row too large" : "out of memory");
        goto out;
    }
    rc = hash_text(r, &b, hash, err);
out:
    json_decref(obj);
    buf_free(&b);
    return rc;
}

/* Appends ,"key":"text" (or null) in canonical form. */
static hg_rc splice_text(buf *b, const char *key, const char *text)
{
    hg_rc rc = buf_appendf(b, ",\"%s\":", key);
    if (rc || !text)
        return rc ? rc : buf_puts(b, "null");
    json_t *v = json_stringn_nocheck(text, strlen(text));
    rc = v ? canon_dump(v, b) : HG_NOMEM;
    json_decref(v);
    return rc;
}

/* The same hash as hash_parsed for a row being written, whose before and after texts were
 * just made canonical by canon_text: the row's canonical text is spliced from them (keys
 * in sorted order: action, actor, after, at_ms, before, object_id, object_type,
 * request_id) instead of dumping the whole object again, which on a large record is most
 * of the cost of an audit row. Verify recomputes it with hash_parsed; the test suites
 * verify the chain after every run, so the two cannot drift apart unnoticed. */
static hg_rc hash_spliced(const audit_row *r, char hash[65], hg_err *err)
{
    buf b;
    buf_init(&b, ROW_JSON_MAX);
    hg_rc rc = buf_puts(&b, "{\"action\":");
    json_t *action = json_stringn_nocheck(r->action, strlen(r->action));
    if (!rc)
        rc = action ? canon_dump(action, &b) : HG_NOMEM;
    json_decref(action);
    if (!rc)
        rc = splice_text(&b, "actor", r->actor);
    if (!rc)
        (void)((rc = buf_puts(&b, ",\"after\":")) || (rc = buf_puts(&b, r->after_json ? r->after_json : "null")) ||
               (rc = buf_appendf(&b, ",\"at_ms\":%" PRId64 ",\"before\":", r->at_ms)) ||
               (rc = buf_puts(&b, r->before_json ? r->before_json : "null")));
    if (!rc)
        rc = splice_text(&b, "object_id", r->object_id);
    if (!rc)
        rc = splice_text(&b, "object_type", r->object_type);
    if (!rc)
        rc = splice_text(&b, "request_id", r->request_id);
    if (!rc)
        rc = buf_puts(&b, "}");
    if (rc == HG_INVALID)
        rc = HG_NOMEM;   /* the texts' UTF-8 was checked */
    if (rc)
        rc = hg_fail(err, rc, NULL, NULL, rc == HG_TOOBIG ? "audit row too large" : "out of memory");
    else
        rc = hash_text(r, &b, hash, err);
    buf_free(&b);
    return rc;
}

static hg_rc check_row_texts(const audit_row *r, hg_err *err)
{
    if (!is_hex(r->prev_hash, 64) || !text_ok(r->actor) || !text_ok(r->action) || !text_ok(r->object_type) ||
        !text_ok(r->object_id) || (r->request_id && !text_ok(r->request_id)))
        return hg_fail(err, HG_INVALID, "invalid", NULL,
                       "audit row %" PRId64 " has a missing, oversized or non-UTF-8 field", r->seq);
    return HG_OK;
}

hg_rc audit_hash_row(const audit_row *r, char hash[65], hg_err *err)
{
    json_t *before = NULL, *after = NULL;
    hg_rc rc = check_row_texts(r, err);
    if (!rc)
        rc = load_canonical(r->before_json, "before", &before, err);
    if (!rc)
        rc = load_canonical(r->after_json, "after", &after, err);
    if (!rc)
        rc = hash_parsed(r, before, after, hash, err);
    json_decref(before);
    json_decref(after);
    return rc;
}

/* Canonical text of v for storage: *out is NULL for a missing or JSON null value,
 * else an xmalloc'd string. */
static hg_rc canon_text(const json_t *v, const char *field, char **out, hg_err *err)
{
    buf b;
    hg_rc rc;
    *out = NULL;
    if (!v || json_is_null(v))
        return HG_OK;
    buf_init(&b, AUDIT_JSON_MAX);
    rc = canon_dump(v, &b);
    if (rc == HG_TOOBIG)
        rc = hg_fail(err, HG_INVALID, "too_large", field, "%s is larger than %d bytes", field, AUDIT_JSON_MAX);
    else if (rc == HG_INVALID)
        rc = hg_fail(err, HG_INVALID, "invalid", field, "%s cannot be written as JSON (text that is not UTF-8?)",
                     field);
    else if (rc)
        rc = hg_fail(err, rc, NULL, NULL, "out of memory");
    if (!rc && !(*out = buf_take(&b)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    buf_free(&b);
    return rc;
}

hg_rc audit_head(db *d, int64_t *seq, char hash[65], hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", NULL);
    if (rc)
        return rc;
    *seq = 0;
    memcpy(hash, GENESIS_HASH, 65);
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        const char *h = db_col_text(s, 1);
        *seq = db_col_int(s, 0);
        /* A damaged head would have every later row link to garbage: refuse to build on
         * it (fail closed) and let audit verify name the row. */
        if (!is_hex(h, 64))
            rc = hg_fail(err, HG_DB, "storage_error", NULL, "the audit chain head is damaged; run audit verify");
        else {
            memcpy(hash, h, 65);
            rc = HG_OK;
        }
    } else if (rc == HG_DONE) {
        rc = HG_OK;
    }
    db_reset(s);
    return rc;
}

/* ---- the process's signing key ---- */

/* Process-wide because every worker thread signs with the same key; the mutex guards
 * against a rotation while another thread signs. */
static struct {
    pthread_mutex_t lock;
    int loaded;
    keydir_key key;   /* the current signing key (keydir.h) */
} signer = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void signer_set(const keydir_key *k)
{
    pthread_mutex_lock(&signer.lock);
    signer.key = *k;
    signer.loaded = 1;
    pthread_mutex_unlock(&signer.lock);
}

void audit_keys_unload(void)
{
    pthread_mutex_lock(&signer.lock);
    keydir_key_wipe(&signer.key);
    signer.loaded = 0;
    signer.key.id[0] = signer.key.pk_hex[0] = '\0';
    pthread_mutex_unlock(&signer.lock);
}

hg_rc audit_key_id(char key_id[17])
{
    hg_rc rc = HG_NOTFOUND;
    pthread_mutex_lock(&signer.lock);
    if (signer.loaded) {
        memcpy(key_id, signer.key.id, 17);
        rc = HG_OK;
    }
    pthread_mutex_unlock(&signer.lock);
    return rc;
}

/* Signs a checkpoint with the loaded key: *signed_ 0 when no key is loaded. */
static hg_rc signer_sign(int64_t seq, const char *head, int64_t at_ms, int *signed_, char key_id[17], char pk_hex[65],
                         char sig_hex[129], hg_err *err)
{
    unsigned char sig[crypto_sign_BYTES];
    char msg[256];
    hg_rc rc = HG_OK;
    *signed_ = 0;
    pthread_mutex_lock(&signer.lock);
    if (!signer.loaded)
        goto out;
    if (!checkpoint_message(msg, sizeof msg, seq, head, at_ms, signer.key.id)) {
        rc = hg_fail(err, HG_INTERNAL, NULL, NULL, "malformed checkpoint");
        goto out;
    }
    keydir_sign(&signer.key, msg, strlen(msg), sig);
    hex_encode(sig, sizeof sig, sig_hex);
    memcpy(key_id, signer.key.id, 17);
    memcpy(pk_hex, signer.key.pk_hex, 65);
    *signed_ = 1;
out:
    pthread_mutex_unlock(&signer.lock);
    return rc;
}

static hg_rc record_key(db *d, const char *key_id, const char *pk_hex, hg_err *err)
{
    return db_run(d, err,
                  "INSERT INTO audit_key (key_id, public_key, created_ms) VALUES (?, ?, ?) "
                  "ON CONFLICT (key_id) DO NOTHING",
                  "tti", key_id, pk_hex, now_ms());
}

/* Signs head (seq, hash) and stores the checkpoint, inside the caller's transaction.
 * Does nothing when no key is loaded. The key is (re)recorded first: it costs one
 * no-op insert per checkpoint and keeps the foreign key satisfied even when this
 * process's key was recorded in another database. */
static hg_rc checkpoint_store(db *d, int64_t seq, const char *head, int64_t at_ms, hg_err *err)
{
    char key_id[17], pk_hex[65], sig_hex[129];
    int signed_ = 0;
    hg_rc rc = signer_sign(seq, head, at_ms, &signed_, key_id, pk_hex, sig_hex, err);
    if (rc || !signed_)
        return rc;
    if ((rc = record_key(d, key_id, pk_hex, err)))
        return rc;
    return db_run(d, err,
                  "INSERT INTO audit_checkpoint (seq, head_hash, at_ms, key_id, signature) VALUES (?, ?, ?, ?, ?) "
                  "ON CONFLICT (seq, key_id) DO NOTHING",
                  "ititt", seq, head, at_ms, key_id, sig_hex);
}

/* ---- appending ---- */

hg_rc audit_append(db *d, const audit_event *e, int64_t *seq_out, hg_err *err)
{
    return audit_append_keep(d, e, NULL, seq_out, err);
}

/* audit_append_keep with the row's time given (0: now). */
static hg_rc append_at(db *d, const audit_event *e, int64_t at_ms, char **after_text, int64_t *seq_out, hg_err *err)
{
    char *before = NULL, *after = NULL;
    char prev[65], hash[65];
    int64_t seq = 0;
    hg_rc rc;
    if (!at_ms)
        at_ms = now_ms();
    if (!text_ok(e->actor) || !*e->actor || !text_ok(e->action) || !*e->action || !text_ok(e->object_type) ||
        !*e->object_type || !text_ok(e->object_id) || !*e->object_id || (e->request_id && !text_ok(e->request_id)))
        return hg_fail(err, HG_INVALID, "invalid", NULL,
                       "an audit event needs actor, action, object_type and object_id: UTF-8, at most %d bytes",
                       AUDIT_TEXT_MAX);
    if ((rc = canon_text(e->before, "before", &before, err)))
        goto out;
    if (e->after_text && strlen(e->after_text) > AUDIT_JSON_MAX)
        rc = hg_fail(err, HG_INVALID, "too_large", "after", "after is larger than %d bytes", AUDIT_JSON_MAX);
    else if (e->after_text && !(after = xstrdup(e->after_text)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    else if (!e->after_text)
        rc = canon_text(e->after, "after", &after, err);
    if (rc)
        goto out;
    if ((rc = audit_head(d, &seq, prev, err)))
        goto out;
    seq++;
    audit_row r = {seq, prev, at_ms, e->actor, e->action, e->object_type, e->object_id, e->request_id, before, after};
    /* Hashed from the very texts stored (canon_text has just written them from the values,
     * refusing text that is not UTF-8, the one thing that would not survive a round trip),
     * so verify, which parses them back, recomputes the same hash. */
    if (!(rc = check_row_texts(&r, err)))
        rc = hash_spliced(&r, hash, err);
    if (rc)
        goto out;
    rc = db_run(d, err,
                "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, request_id, before_json, "
                "after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "iittttttttt", seq, at_ms, e->actor, e->action, e->object_type, e->object_id, e->request_id, before,
                after, prev, hash);
    if (rc == HG_CONFLICT)
        rc = hg_fail(err, HG_CONFLICT, "conflict", NULL,
                     "audit row %" PRId64 " was taken: audit_append must run inside db_begin", seq);
    if (rc)
        goto out;
    if (seq % AUDIT_CHECKPOINT_EVERY == 0 && (rc = checkpoint_store(d, seq, hash, at_ms, err)))
        goto out;
    if (seq_out)
        *seq_out = seq;
out:
    xfree(before);
    if (!rc && after_text)
        *after_text = after;   /* the caller's now */
    else
        xfree(after);
    return rc;
}

hg_rc audit_append_keep(db *d, const audit_event *e, char **after_text, int64_t *seq_out, hg_err *err)
{
    return append_at(d, e, 0, after_text, seq_out, err);
}

hg_ctx ctx_command(db *d, const char *actor) { return (hg_ctx){.d = d, .actor = actor, .now_ms = now_ms()}; }

hg_rc audit_commit_keep(const hg_ctx *c, hg_rc rc, const char *action, const char *type, const char *id,
                        const json_t *before, const json_t *after, const char *after_canon, char **after_text,
                        hg_err *err)
{
    if (after_text)
        *after_text = NULL;
    if (!rc) {
        audit_event e = {c->actor, action, type, id, c->request_id, before, after, after_canon};
        rc = append_at(c->d, &e, c->now_ms, after_text, NULL, err);
    }
    if (!rc)
        rc = db_commit(c->d, err);
    if (rc) {
        db_rollback(c->d);
        if (after_text) {
            xfree(*after_text);
            *after_text = NULL;
        }
    }
    return rc;
}

hg_rc audit_commit(const hg_ctx *c, hg_rc rc, const char *action, const char *type, const char *id,
                   const json_t *before, const json_t *after, hg_err *err)
{
    return audit_commit_keep(c, rc, action, type, id, before, after, NULL, NULL, err);
}

hg_rc audit_checkpoint(db *d, hg_err *err)
{
    char key_id[17], head[65];
    int64_t seq = 0;
    hg_rc rc;
    if (audit_key_id(key_id) != HG_OK)
        return hg_fail(err, HG_INVALID, "invalid", NULL, "no audit signing key is loaded");
    if ((rc = db_begin(d, err)))
        return rc;
    if ((rc = audit_head(d, &seq, head, err)))
        goto out;
    if (seq > 0)
        rc = checkpoint_store(d, seq, head, now_ms(), err);
    if (!rc)
        rc = db_commit(d, err);
out:
    if (rc)
        db_rollback(d);
    return rc;
}

/* ---- verifying ---- */

static void report_bad(audit_report *rep, int64_t seq, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void report_bad(audit_report *rep, int64_t seq, const char *fmt, ...)
{
    va_list ap;
    if (rep->bad_seq)
        return;
    rep->bad_seq = seq;
    va_start(ap, fmt);
    vsnprintf(rep->reason, sizeof rep->reason, fmt, ap);
    va_end(ap);
}

/* An integer column whose stored text is exactly that integer: SQLite would otherwise
 * read '1700000000000x' as 1700000000000 and an edit would go unseen. */
static int col_exact_int(db_stmt *s, int i, int64_t *v)
{
    char txt[24];
    const char *stored = db_col_text(s, i);
    *v = db_col_int(s, i);
    snprintf(txt, sizeof txt, "%" PRId64, *v);
    return stored && strcmp(stored, txt) == 0;
}

#define WALK_COLS                                                                                                      \
    "SELECT seq, at_ms, actor, action, object_type, object_id, request_id, before_json, after_json, "                  \
    "prev_hash, hash FROM audit_log "
#define WALK_PAGE 10000

/* The walk, in seq order; memory stays constant. SQLite streams one statement (one
 * snapshot). The PostgreSQL backend fetches a statement's result whole, so there the walk
 * goes in pages of WALK_PAGE rows after the last row checked: seq is a NOT NULL BIGINT on
 * PostgreSQL and rows are append-only, so the pages join exactly (a row missing at a page
 * boundary is still a jump in seq). SQLite keeps the single statement because a tampered
 * SQLite row may carry a NULL or text seq, which ORDER BY puts first or last but a
 * "seq > ?" page would skip. */
static hg_rc verify_rows(db *d, audit_report *rep, int64_t *last, hg_err *err)
{
    db_stmt *s = NULL;
    char prev[65] = GENESIS_HASH, hash[65];
    int64_t expected = 1, in_page = 0;
    int paged = strcmp(db_backend(d), "postgres") == 0;
    hg_rc rc;
    do {
        in_page = 0;
        rc = paged ? db_query(d, &s, err, WALK_COLS "WHERE seq > ? ORDER BY seq LIMIT ?", "ii", expected - 1,
                              (int64_t)WALK_PAGE)
                   : db_query(d, &s, err, WALK_COLS "ORDER BY seq", NULL);
        if (rc)
            return rc;
        while ((rc = db_step(s, err)) == HG_ROW) {
            int64_t seq, at_ms;
            in_page++;
            int seq_ok = col_exact_int(s, 0, &seq);
            if (seq != expected || !seq_ok) {
                if (seq_ok && seq > expected && expected == 1)
                    report_bad(rep, 1, "row 1 missing: chain starts at row %" PRId64, seq);
                else if (seq_ok && seq > expected)
                    report_bad(rep, expected, "row %" PRId64 " missing: sequence jumps from %" PRId64 " to %" PRId64,
                               expected, expected - 1, seq);
                else
                    report_bad(rep, expected, "row %" PRId64 ": a row with an invalid number stands before it",
                               expected);
                break;
            }
            const char *prev_hash = db_col_text(s, 9), *stored = db_col_text(s, 10);
            if (!prev_hash || strcmp(prev_hash, prev) != 0) {
                if (seq == 1)
                    report_bad(rep, 1, "row 1: previous hash is not the chain's starting value");
                else
                    report_bad(rep, seq, "row %" PRId64 ": previous hash does not link to row %" PRId64, seq, seq - 1);
                break;
            }
            if (!col_exact_int(s, 1, &at_ms)) {
                report_bad(rep, seq, "row %" PRId64 ": hash does not match its content (at_ms is not an integer)", seq);
                break;
            }
            audit_row r = {seq,
                           prev_hash,
                           at_ms,
                           db_col_text(s, 2),
                           db_col_text(s, 3),
                           db_col_text(s, 4),
                           db_col_text(s, 5),
                           db_col_text(s, 6),
                           db_col_text(s, 7),
                           db_col_text(s, 8)};
            hg_err herr;
            hg_rc hrc = audit_hash_row(&r, hash, &herr);
            if (hrc == HG_NOMEM || hrc == HG_INTERNAL) {
                rc = hg_fail(err, hrc, herr.code, NULL, "%s", herr.message);
                break;
            }
            if (hrc) {
                report_bad(rep, seq, "row %" PRId64 ": content is not what was written (%s)", seq, herr.message);
                break;
            }
            if (!stored || strcmp(stored, hash) != 0) {
                report_bad(rep, seq, "row %" PRId64 ": hash does not match its content", seq);
                break;
            }
            memcpy(prev, hash, sizeof prev);
            rep->rows++;
            *last = seq;
            expected++;
        }
        db_reset(s);
    } while (paged && rc == HG_DONE && in_page == WALK_PAGE && !rep->bad_seq);
    if (rc == HG_ROW || rc == HG_DONE)
        rc = HG_OK;
    return rc;
}

/* The checkpoints in the database. ckmax (read before the walk) bounds which ones must
 * already be covered by the walked chain: a checkpoint signed after the walk began may
 * name rows the walk did not see, while one that existed before it names rows that
 * existed too, so finding them gone is truncation. */
static hg_rc verify_stored_checkpoints(db *d, int64_t ckmax, int64_t last, audit_report *rep, hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT c.seq, c.head_hash, c.at_ms, c.key_id, c.signature, k.public_key, l.hash "
                        "FROM audit_checkpoint c LEFT JOIN audit_key k ON k.key_id = c.key_id "
                        "LEFT JOIN audit_log l ON l.seq = c.seq WHERE c.seq <= ? ORDER BY c.seq, c.key_id",
                        "i", ckmax > last ? ckmax : last);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        int64_t seq = db_col_int(s, 0), at_ms = db_col_int(s, 2);
        const char *head = db_col_text(s, 1), *key_id = db_col_text(s, 3), *sig = db_col_text(s, 4);
        const char *pk = db_col_text(s, 5), *row_hash = db_col_text(s, 6);
        if (!pk) {
            report_bad(rep, seq, "checkpoint at row %" PRId64 ": its signing key is not recorded", seq);
            break;
        }
        if (!checkpoint_signature_ok(seq, head, at_ms, key_id, pk, sig)) {
            report_bad(rep, seq, "checkpoint at row %" PRId64 ": signature is not valid", seq);
            break;
        }
        if (seq > last) {
            report_bad(rep, last + 1, "chain is shorter than the checkpoint at row %" PRId64, seq);
            break;
        }
        if (!row_hash) {
            report_bad(rep, seq, "row %" PRId64 " missing (checkpointed)", seq);
            break;
        }
        if (strcmp(row_hash, head) != 0) {
            report_bad(rep, seq, "chain was rewritten: row %" PRId64 " no longer has the checkpointed head hash",
                       seq);
            break;
        }
        rep->checkpoints++;
    }
    if (rc == HG_ROW || rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    return rc;
}

/* Checks one exported checkpoint (a parsed line) against the chain. */
static hg_rc verify_exported(db *d, json_t *line, int lineno, int64_t last, audit_report *rep, hg_err *err)
{
    json_int_t seq = 0, at_ms = 0;
    const char *head = NULL, *key_id = NULL, *pk = NULL, *sig = NULL;
    json_error_t jerr;
    db_stmt *s = NULL;
    if (json_unpack_ex(line, &jerr, 0, "{s:I, s:s, s:I, s:s, s:s, s:s}", "seq", &seq, "head_hash", &head, "at_ms",
                       &at_ms, "key_id", &key_id, "public_key", &pk, "signature", &sig) != 0 ||
        seq < 1 || !is_hex(head, 64)) {
        snprintf(rep->reason, sizeof rep->reason, "checkpoint file line %d is not a checkpoint", lineno);
        return hg_fail(err, HG_INVALID, "invalid", "checkpoint", "checkpoint file line %d is not a checkpoint",
                       lineno);
    }
    if (!checkpoint_signature_ok(seq, head, at_ms, key_id, pk, sig)) {
        report_bad(rep, seq, "exported checkpoint at row %" PRId64 ": signature is not valid", (int64_t)seq);
        return HG_OK;
    }
    hg_rc rc = db_query(d, &s, err, "SELECT hash FROM audit_log WHERE seq = ?", "i", (int64_t)seq);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        const char *h = db_col_text(s, 0);
        if (!h || strcmp(h, head) != 0)
            report_bad(rep, seq, "chain was rewritten: row %" PRId64 " no longer has the exported head hash",
                       (int64_t)seq);
        else
            rep->checkpoints++;
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        if (seq > last)
            report_bad(rep, last + 1, "chain is shorter than the exported checkpoint at row %" PRId64, (int64_t)seq);
        else
            report_bad(rep, seq, "row %" PRId64 " missing (exported checkpoint)", (int64_t)seq);
        rc = HG_OK;
    }
    db_reset(s);
    return rc;
}

/* Reads the JSON Lines file one bounded line at a time: memory does not grow with it. */
static hg_rc verify_file(db *d, const char *path, int64_t last, audit_report *rep, hg_err *err)
{
    char line[CHECKPOINT_LINE_MAX];
    int lineno = 0;
    hg_rc rc = HG_OK;
    FILE *f = fopen(path, "r");
    if (!f)
        return hg_fail(err, HG_IO, "io_error", "checkpoint", "cannot open the checkpoint file: %s", strerror(errno));
    while (!rc && !rep->bad_seq && fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        lineno++;
        if (n == sizeof line - 1 && line[n - 1] != '\n' && !feof(f)) {
            snprintf(rep->reason, sizeof rep->reason, "checkpoint file line %d is too long", lineno);
            rc = hg_fail(err, HG_INVALID, "invalid", "checkpoint", "checkpoint file line %d is too long", lineno);
            break;
        }
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        if (!n)
            continue;
        json_error_t jerr;
        json_t *j = json_loads(line, 0, &jerr);
        if (!j && memory_failing(sizeof line)) {
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
            break;
        }
        if (!j) {
            snprintf(rep->reason, sizeof rep->reason, "checkpoint file line %d is not JSON", lineno);
            rc = hg_fail(err, HG_INVALID, "invalid", "checkpoint", "checkpoint file line %d is not JSON", lineno);
            break;
        }
        rc = verify_exported(d, j, lineno, last, rep, err);
        json_decref(j);
    }
    if (!rc && ferror(f))
        rc = hg_fail(err, HG_IO, "io_error", "checkpoint", "cannot read the checkpoint file");
    fclose(f);
    return rc;
}

hg_rc audit_verify(db *d, const char *checkpoint_file, audit_report *rep, hg_err *err)
{
    int64_t ckmax = 0, last = 0;
    hg_rc rc;
    memset(rep, 0, sizeof *rep);
    if ((rc = sodium_ready(err)))
        return rc;
    /* Read before the walk; see verify_stored_checkpoints. */
    if ((rc = db_int(d, &ckmax, err, "SELECT COALESCE(MAX(seq), 0) FROM audit_checkpoint", NULL)))
        return rc;
    if ((rc = verify_rows(d, rep, &last, err)) || rep->bad_seq)
        goto out;
    if ((rc = verify_stored_checkpoints(d, ckmax, last, rep, err)) || rep->bad_seq)
        goto out;
    if (checkpoint_file)
        rc = verify_file(d, checkpoint_file, last, rep, err);
out:
    if (!rc && rep->bad_seq)
        rc = hg_fail(err, HG_INVALID, "audit_broken", NULL, "audit chain broken at row %" PRId64 ": %s", rep->bad_seq,
                     rep->reason);
    return rc;
}

/* ---- the signing key (keydir.h) ---- */

hg_rc audit_keys_load(db *d, const char *key_dir, hg_err *err)
{
    keydir_key k;
    int created = 0;
    hg_rc rc = keydir_load(key_dir, KEY_FILE, "the audit signing key", &k, &created, err);
    if (!rc)
        rc = record_key(d, k.id, k.pk_hex, err);
    if (!rc) {
        signer_set(&k);
        if (created)
            log_info("audit: created signing key %s", k.id);
    }
    keydir_key_wipe(&k);
    return rc;
}

hg_rc audit_rotate_key(db *d, const char *key_dir, char key_id_out[17], hg_err *err)
{
    keydir_key k;
    buf tmp;
    hg_rc rc = keydir_prepare(key_dir, KEY_FILE, "the audit signing key", &k, &tmp, err);
    /* Public half first: a key that signs before it is recorded would make checkpoints
     * nobody can verify; a recorded key that never signs is harmless. */
    if (!rc && (rc = record_key(d, k.id, k.pk_hex, err)))
        keydir_abandon(&tmp);
    if (!rc)
        rc = keydir_install(key_dir, KEY_FILE, "audit signing key", &tmp, err);
    if (!rc) {
        signer_set(&k);
        if (key_id_out)
            memcpy(key_id_out, k.id, 17);
        log_info("audit: rotated to signing key %s", k.id);
    }
    keydir_key_wipe(&k);
    buf_free(&tmp);
    return rc;
}

/* ---- export ---- */

static hg_rc write_all(FILE *f, const char *p, size_t n, hg_err *err)
{
    if (fwrite(p, 1, n, f) != n)
        return hg_fail(err, HG_IO, "io_error", "file", "cannot write the checkpoint file: %s", strerror(errno));
    return HG_OK;
}

hg_rc audit_export(db *d, const char *path, int64_t *count, hg_err *err)
{
    char key_id[17];
    buf tmp, line;
    db_stmt *s = NULL;
    FILE *f = NULL;
    int64_t n = 0;
    hg_rc rc;
    buf_init(&tmp, PATH_MAX_LEN);
    buf_init(&line, CHECKPOINT_LINE_MAX);
    if (count)
        *count = 0;
    if ((rc = sodium_ready(err)))
        goto out;
    if (audit_key_id(key_id) == HG_OK && (rc = audit_checkpoint(d, err)))
        goto out;
    if (buf_appendf(&tmp, "%s.tmp", path)) {
        rc = hg_fail(err, HG_INVALID, "invalid", "file", "file name is too long");
        goto out;
    }
    int fd = open(buf_str(&tmp), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || !(f = fdopen(fd, "w"))) {
        if (fd >= 0)
            close(fd);
        rc = hg_fail(err, HG_IO, "io_error", "file", "cannot create the checkpoint file: %s", strerror(errno));
        goto out;
    }
    rc = db_query(d, &s, err,
                  "SELECT c.seq, c.head_hash, c.at_ms, c.key_id, k.public_key, c.signature "
                  "FROM audit_checkpoint c JOIN audit_key k ON k.key_id = c.key_id ORDER BY c.seq, c.key_id",
                  NULL);
    if (rc)
        goto out;
    while ((rc = db_step(s, err)) == HG_ROW) {
        int64_t seq = db_col_int(s, 0), at_ms = db_col_int(s, 2);
        const char *head = db_col_text(s, 1), *kid = db_col_text(s, 3), *pk = db_col_text(s, 4),
                   *sig = db_col_text(s, 5);
        /* The export is the copy people trust later: a forged row must not reach it. */
        if (!checkpoint_signature_ok(seq, head, at_ms, kid, pk, sig)) {
            rc = hg_fail(err, HG_INVALID, "audit_broken", NULL,
                         "checkpoint at row %" PRId64 " has an invalid signature; run audit verify", seq);
            break;
        }
        json_t *j = json_pack("{s:I, s:s, s:I, s:s, s:s, s:s}", "seq", (json_int_t)seq, "head_hash", head, "at_ms",
                              (json_int_t)at_ms, "key_id", kid, "public_key", pk, "signature", sig);
        if (!j) {
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
            break;
        }
        buf_reset(&line);
        rc = canon_dump(j, &line);
        json_decref(j);
        if (!rc)
            rc = buf_puts(&line, "\n");
        if (rc) {
            rc = hg_fail(err, rc == HG_INVALID ? HG_NOMEM : rc, NULL, NULL, "cannot format a checkpoint");
            break;
        }
        if ((rc = write_all(f, buf_str(&line), line.len, err)))
            break;
        n++;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    if (rc)
        goto out;
    if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
        rc = hg_fail(err, HG_IO, "io_error", "file", "cannot write the checkpoint file: %s", strerror(errno));
        goto out;
    }
    int closed = fclose(f);
    f = NULL;
    if (closed != 0 || rename(buf_str(&tmp), path) != 0) {
        rc = hg_fail(err, HG_IO, "io_error", "file", "cannot write the checkpoint file: %s", strerror(errno));
        goto out;
    }
    if (count)
        *count = n;
out:
    if (f)
        fclose(f);
    if (rc && tmp.len)
        unlink(buf_str(&tmp));
    buf_free(&tmp);
    buf_free(&line);
    return rc;
}

/* ---- listing ---- */

/* Stored JSON text back to a value (NULL text: JSON null). NULL when it does not parse. */
static json_t *stored_json(const char *text)
{
    json_error_t jerr;
    return text ? json_loads(text, LOAD_FLAGS, &jerr) : json_null();
}

hg_rc audit_list_json(db *d, const audit_filter *f, json_t **out, hg_err *err)
{
    static const audit_filter none = {0};
    buf sql;
    db_stmt *s = NULL;
    json_t *items = NULL, *result = NULL, *next = NULL;
    int limit, nbind = 0, n = 0;
    int64_t last_seq = 0;
    int more = 0;
    hg_rc rc = HG_OK;
    *out = NULL;
    if (!f)
        f = &none;
    limit = f->limit <= 0 ? 50 : f->limit > 500 ? 500 : f->limit;
    /* The SQL is assembled from fixed fragments only (never from the values, which are
     * bound), so at most 64 distinct texts reach the statement cache. */
    buf_init(&sql, 1024);
    rc = buf_puts(&sql, "SELECT seq, at_ms, actor, action, object_type, object_id, request_id, before_json, "
                        "after_json, hash FROM audit_log WHERE 1 = 1");
    if (!rc && f->object_type)
        rc = buf_puts(&sql, " AND object_type = ?");
    if (!rc && f->object_id)
        rc = buf_puts(&sql, " AND object_id = ?");
    if (!rc && f->actor)
        rc = buf_puts(&sql, " AND actor = ?");
    if (!rc && f->from_ms)
        rc = buf_puts(&sql, " AND at_ms >= ?");
    if (!rc && f->to_ms)
        rc = buf_puts(&sql, " AND at_ms < ?");
    if (!rc && f->cursor)
        rc = buf_puts(&sql, " AND seq < ?");
    if (!rc)
        rc = buf_puts(&sql, " ORDER BY seq DESC LIMIT ?");
    if (rc) {
        rc = hg_fail(err, rc, NULL, NULL, "out of memory");
        goto out;
    }
    if ((rc = db_prepare(d, buf_str(&sql), &s, err)))
        goto out;
    if (f->object_type)
        rc = rc ? rc : db_bind_text(s, ++nbind, f->object_type);
    if (f->object_id)
        rc = rc ? rc : db_bind_text(s, ++nbind, f->object_id);
    if (f->actor)
        rc = rc ? rc : db_bind_text(s, ++nbind, f->actor);
    if (f->from_ms)
        rc = rc ? rc : db_bind_int(s, ++nbind, f->from_ms);
    if (f->to_ms)
        rc = rc ? rc : db_bind_int(s, ++nbind, f->to_ms);
    if (f->cursor)
        rc = rc ? rc : db_bind_int(s, ++nbind, f->cursor);
    /* One more than asked for tells whether there is a next page. */
    rc = rc ? rc : db_bind_int(s, ++nbind, (int64_t)limit + 1);
    if (rc) {
        rc = hg_fail(err, rc, NULL, NULL, "cannot bind query parameters");
        goto out;
    }
    if (!(items = json_array())) {
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    while ((rc = db_step(s, err)) == HG_ROW) {
        if (n == limit) {
            more = 1;
            break;
        }
        int64_t seq = db_col_int(s, 0);
        char at[40];
        time_format_rfc3339(db_col_int(s, 1), at, sizeof at);
        json_t *before = stored_json(db_col_text(s, 7)), *after = stored_json(db_col_text(s, 8));
        json_t *item = before && after
                           ? json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s?, s:O, s:O, s:s}", "seq", (json_int_t)seq,
                                       "at", at, "actor", db_col_text(s, 2), "action", db_col_text(s, 3),
                                       "object_type", db_col_text(s, 4), "object_id", db_col_text(s, 5),
                                       "request_id", db_col_text(s, 6), "before", before, "after", after, "hash",
                                       db_col_text(s, 9))
                           : NULL;
        json_decref(before);
        json_decref(after);
        if (!item || json_array_append_new(items, item) != 0) {
            /* Either memory or a row that no longer reads back as what was written. */
            if (memory_failing(64))
                rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
            else
                rc = hg_fail(err, HG_DB, "storage_error", NULL,
                             "audit row %" PRId64 " cannot be read back; run audit verify", seq);
            break;
        }
        last_seq = seq;
        n++;
    }
    if (rc == HG_ROW || rc == HG_DONE)
        rc = HG_OK;
    if (rc)
        goto out;
    next = more ? json_integer(last_seq) : json_null();
    result = next ? json_pack("{s:O, s:O}", "items", items, "next_cursor", next) : NULL;
    if (!result) {
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    *out = result;
out:
    db_reset(s);
    json_decref(items);
    json_decref(next);
    buf_free(&sql);
    return rc;
}

/* ---- defaults ---- */

void audit_default_key_dir(const char *db_url, char *out, size_t outlen)
{
    int n;
    if (!outlen)
        return;
    if (!db_url || !*db_url || strcmp(db_url, ":memory:") == 0 || strncmp(db_url, "postgres://", 11) == 0 ||
        strncmp(db_url, "postgresql://", 13) == 0)
        n = snprintf(out, outlen, "haiguan.keys");
    else
        n = snprintf(out, outlen, "%s.keys", db_url);
    /* A truncated path would name some other directory: give none instead. */
    if (n < 0 || (size_t)n >= outlen)
        out[0] = '\0';
}
