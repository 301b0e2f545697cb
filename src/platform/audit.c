/* audit.c — the audit trail (留痕, SECURITY.md §15-16, issue 13 §2): an append-only hash chain
 * in audit_log, each row's hash an HMAC-SHA256 keyed with the chain key of the key directory
 * (rows written before the switch keep their plain SHA-256, up to audit_chain.keyed_from);
 * Ed25519-signed checkpoints of its head in audit_checkpoint, the public halves of the signing
 * keys (with their rotation statements) in audit_key; the secret halves are files of the key
 * directory (keydir.h), and which keys are trusted is decided outside the database
 * (audit_trust.h).
 *
 * It records and proves; it does not decide what is worth recording (the areas end their
 * write transactions with audit_commit, or call audit_append inside them) and it does not serve HTTP (the audit
 * API handler calls audit_list_json). All SQL goes through db.h and is in the subset both
 * backends accept. libsodium is initialised here (sodium_init is idempotent and
 * thread-safe), so callers need not have done it first. */
#include "audit.h"
#include "audit_trust.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "auth.h"
#include "buf.h"
#include "i18n.h"
#include "json_canon.h"
#include "keydir.h"
#include "log.h"
#include "mem.h"
#include "utf8.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"
#define KEY_FILE "audit-signing.key"
#define CHAIN_KEY_FILE "audit-chain.key"
#define CHAIN_KEY_BYTES 32
#define SEAL_CONTEXT "haiguan-audit-keyed-from"
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
    {11, "audit chain keyed, key rotation statements",
     /* Rows from keyed_from on are keyed (HMAC with the chain key); the rows already written
      * keep their plain hashes. seal, the chain key's HMAC of keyed_from, is written by the
      * first process that holds the key (audit_keys_load), so that moving keyed_from later
      * (to pass forged plain rows as old ones) needs the key too. */
     "CREATE TABLE audit_chain ("
     " keyed_from BIGINT NOT NULL,"
     " seal TEXT);"
     "INSERT INTO audit_chain (keyed_from) SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log;"
     /* A key made by rotation carries the previous key's signature of the hand-over. */
     "ALTER TABLE audit_key ADD COLUMN endorsed_by TEXT;"
     "ALTER TABLE audit_key ADD COLUMN endorsement TEXT;"
     "ALTER TABLE audit_key ADD COLUMN endorsed_ms BIGINT;",
     /* A seal once written stays. No DELETE trigger: `db copy` empties a fresh target's
      * unsealed row, and a missing row is reported by verify like any other tampering. */
     "CREATE TRIGGER audit_chain_sealed BEFORE UPDATE ON audit_chain WHEN OLD.seal IS NOT NULL"
     " BEGIN SELECT RAISE(ABORT, 'audit_chain is sealed'); END;",
     "CREATE FUNCTION audit_chain_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$\n"
     "BEGIN\n"
     "  IF OLD.seal IS NOT NULL THEN\n"
     "    RAISE EXCEPTION 'audit_chain is sealed' USING ERRCODE = 'check_violation';\n"
     "  END IF;\n"
     "  RETURN NEW;\n"
     "END;\n"
     "$$;\n"
     "CREATE TRIGGER audit_chain_sealed BEFORE UPDATE ON audit_chain"
     " FOR EACH ROW EXECUTE FUNCTION audit_chain_refuse_change();\n"},
    /* Which credential acted ("session:ID", "token:ID"), besides who (issue 13 §1). Covered
     * by the hash when present: a row without one hashes as before. */
    {12, "audit rows name the credential", "ALTER TABLE audit_log ADD COLUMN credential TEXT;", NULL, NULL},
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
static int checkpoint_signature_ok(int64_t seq, const char *head, int64_t at_ms, const char *key_id, const char *pk_hex,
                                   const char *sig_hex)
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
        /* TRANSLATORS: 1: field; 2: AUDIT_JSON_MAX */
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

/* SHA-256 of pad (64 bytes, or none) || a || b into out: both halves of an HMAC. */
static int sha256_parts(const unsigned char *pad, const void *a, size_t an, const void *b, size_t bn,
                        unsigned char out[32])
{
    /* fetched once: OpenSSL 3 looks the algorithm up among its providers on every implicit use */
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, fetch_sha256);
    unsigned len = 0;
    EVP_MD_CTX *ctx = sha256 ? EVP_MD_CTX_new() : NULL;
    int ok = ctx && EVP_DigestInit_ex(ctx, sha256, NULL) && (!pad || EVP_DigestUpdate(ctx, pad, 64)) &&
             EVP_DigestUpdate(ctx, a, an) && (!bn || EVP_DigestUpdate(ctx, b, bn)) &&
             EVP_DigestFinal_ex(ctx, out, &len) && len == 32;
    EVP_MD_CTX_free(ctx);
    return ok;
}

/* The plain SHA-256 of a || b (key NULL), or their HMAC-SHA256 (RFC 2104) with the 32-byte
 * key, as hex into hash. Written out rather than through EVP_MAC so that both kinds of row
 * share one code path over the same digest. */
static hg_rc digest_hex(const unsigned char *key, const void *a, size_t an, const void *b, size_t bn, char hash[65],
                        hg_err *err)
{
    unsigned char h[32], inner[32], pad[64];
    int ok;
    if (!key) {
        ok = sha256_parts(NULL, a, an, b, bn, h);
    } else {
        memset(pad, 0x36, sizeof pad);
        for (int i = 0; i < CHAIN_KEY_BYTES; i++)
            pad[i] ^= key[i];
        ok = sha256_parts(pad, a, an, b, bn, inner);
        memset(pad, 0x5c, sizeof pad);
        for (int i = 0; i < CHAIN_KEY_BYTES; i++)
            pad[i] ^= key[i];
        ok = ok && sha256_parts(pad, inner, sizeof inner, NULL, 0, h);
        sodium_memzero(pad, sizeof pad);
    }
    if (!ok)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "cannot compute SHA-256");
    hex_encode(h, sizeof h, hash);
    return HG_OK;
}

static hg_rc hash_text(const audit_row *r, const unsigned char *key, const buf *text, char hash[65], hg_err *err)
{
    char head[100];
    int n = snprintf(head, sizeof head, "%" PRId64 "\n%.64s\n", r->seq, r->prev_hash);
    return digest_hex(key, head, (size_t)n, buf_str(text), text->len, hash, err);
}

/* The seal of keyed_from: the chain key's HMAC of it, as hex. */
static void seal_of(const unsigned char key[CHAIN_KEY_BYTES], int64_t keyed_from, char seal[65])
{
    char msg[64];
    hg_err ignored;
    int n = snprintf(msg, sizeof msg, SEAL_CONTEXT "\n%" PRId64, keyed_from);
    if (digest_hex(key, msg, (size_t)n, NULL, 0, seal, &ignored))
        seal[0] = '\0'; /* never matches a stored seal: a fault is not taken for a good seal */
}

/* The hash of row r whose before and after are given parsed (JSON null for none): the
 * canonical text of an object of the row's fields. What verify recomputes. */
static hg_rc hash_parsed(const audit_row *r, const unsigned char *key, json_t *before, json_t *after, char hash[65],
                         hg_err *err)
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
        json_object_set_nocheck(obj, "after", after) || (r->credential && set_text(obj, "credential", r->credential))) {
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    if ((rc = canon_dump(obj, &b))) {
        rc = rc == HG_INVALID ? HG_NOMEM : rc;   /* the texts' UTF-8 was checked */
        rc = hg_fail(err, rc, NULL, NULL, rc == HG_TOOBIG ? N_("audit row too large") : N_("out of memory"));
        goto out;
    }
    rc = hash_text(r, key, &b, hash, err);
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
static hg_rc hash_spliced(const audit_row *r, const unsigned char *key, char hash[65], hg_err *err)
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
    if (!rc && r->credential)
        rc = splice_text(&b, "credential", r->credential);
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
        rc = hg_fail(err, rc, NULL, NULL, rc == HG_TOOBIG ? N_("audit row too large") : N_("out of memory"));
    else
        rc = hash_text(r, key, &b, hash, err);
    buf_free(&b);
    return rc;
}

static hg_rc check_row_texts(const audit_row *r, hg_err *err)
{
    if (!is_hex(r->prev_hash, 64) || !text_ok(r->actor) || !text_ok(r->action) || !text_ok(r->object_type) ||
        !text_ok(r->object_id) || (r->request_id && !text_ok(r->request_id)) ||
        (r->credential && !text_ok(r->credential)))
        return hg_fail(err, HG_INVALID, "invalid", NULL,
                       "audit row %" PRId64 " has a missing, oversized or non-UTF-8 field", r->seq);
    return HG_OK;
}

/* The row's hash: keyed with key (CHAIN_KEY_BYTES), or plain SHA-256 when key is NULL. */
static hg_rc hash_row_with(const audit_row *r, const unsigned char *key, char hash[65], hg_err *err)
{
    json_t *before = NULL, *after = NULL;
    hg_rc rc = check_row_texts(r, err);
    if (!rc)
        rc = load_canonical(r->before_json, "before", &before, err);
    if (!rc)
        rc = load_canonical(r->after_json, "after", &after, err);
    if (!rc)
        rc = hash_parsed(r, key, before, after, hash, err);
    json_decref(before);
    json_decref(after);
    return rc;
}

hg_rc audit_hash_row(const audit_row *r, char hash[65], hg_err *err) { return hash_row_with(r, NULL, hash, err); }

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
        /* TRANSLATORS: 1: field; 2: AUDIT_JSON_MAX */
        rc = hg_fail(err, HG_INVALID, "too_large", field, "%s is larger than %d bytes", field, AUDIT_JSON_MAX);
    else if (rc == HG_INVALID)
        rc =
            hg_fail(err, HG_INVALID, "invalid", field, "%s cannot be written as JSON (text that is not UTF-8?)", field);
    else if (rc)
        rc = hg_fail(err, rc, NULL, NULL, "out of memory");
    if (!rc && !(*out = buf_take(&b)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    buf_free(&b);
    return rc;
}

hg_rc audit_head(db *d, int64_t *seq, char hash[65], hg_err *err)
{
    /* the head this optimistic group wrote last (append_at): no read */
    if (db_memo_get(d, DB_MEMO_AUDIT_HEAD, seq, hash, 65))
        return HG_OK;
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

/* ---- the process's keys ---- */

/* Process-wide because every worker thread hashes and signs with the same keys; the mutex
 * guards against a rotation or a reload while another thread uses them. */
static struct {
    pthread_mutex_t lock;
    int loaded;                             /* a signing key is loaded */
    keydir_key key;                         /* the current signing key (keydir.h) */
    int chain_loaded;                       /* chain holds the chain key */
    int chain_made;                         /* this process made the chain key's file */
    unsigned char chain[CHAIN_KEY_BYTES];   /* the HMAC key of the rows' hashes */
    char dir[PATH_MAX_LEN];                 /* the key directory audit_keys_load was given, or "" */
    audit_trust pins;                       /* what that directory pins (audit_trust_from_keydir) */
    int64_t head_rows;                      /* a head every this many rows */
    int64_t head_ms;                        /* and at the first write this long after the last */
    int64_t due_ms;                         /* when the next head is due by time (0: no key loaded) */
    /* The rows this process appended one after another, from..to, the first linking to prev
     * and the last hashing to head (mine_note); from = to + 1 is an empty run starting after
     * a head this process signed (mine_signed). See signable for what it saves. */
    struct {
        int64_t from, to;
        char prev[65], head[65];
    } mine;
} signer = {
    .lock = PTHREAD_MUTEX_INITIALIZER, .head_rows = AUDIT_CHECKPOINT_EVERY, .head_ms = AUDIT_HEAD_SECONDS * 1000};

void audit_process_key_dir(char *out, size_t n)
{
    const char *env = getenv("HAIGUAN_KEYS");
    if (env && *env && strlen(env) < n)
        memcpy(out, env, strlen(env) + 1);
    else
        audit_default_key_dir(db_get_url(), out, n);
}

void audit_set_head_policy(int64_t rows, int64_t seconds)
{
    pthread_mutex_lock(&signer.lock);
    signer.head_rows = rows > 0 ? rows : AUDIT_CHECKPOINT_EVERY;
    signer.head_ms = (seconds > 0 ? seconds : AUDIT_HEAD_SECONDS) * 1000;
    if (signer.loaded)
        signer.due_ms = now_ms() + signer.head_ms;
    pthread_mutex_unlock(&signer.lock);
}

/* The chain key into key: the loaded one, else loaded now from the key directory (given to
 * audit_keys_load, else env_key_dir), made when missing. *made_now = 1 when this call made
 * the file (dir_out then names its directory). */
static hg_rc chain_key(unsigned char key[CHAIN_KEY_BYTES], int *made_now, char dir_out[PATH_MAX_LEN], hg_err *err)
{
    hg_rc rc = HG_OK;
    int made = 0;
    *made_now = 0;
    pthread_mutex_lock(&signer.lock);
    if (!signer.chain_loaded) {
        if (signer.dir[0])
            memcpy(dir_out, signer.dir, sizeof signer.dir);
        else
            audit_process_key_dir(dir_out, PATH_MAX_LEN);
        if (!dir_out[0])
            rc = hg_fail(err, HG_IO, "io_error", "keys", "no usable key directory for the audit chain key");
        else
            rc = keydir_secret_made(dir_out, CHAIN_KEY_FILE, "the audit chain key", signer.chain, sizeof signer.chain,
                                    &made, err);
        if (!rc) {
            signer.chain_loaded = 1;
            signer.chain_made = signer.chain_made || made;
            *made_now = made;
            if (made)
                log_info("audit: created the chain key in %s; rows from now on are keyed", dir_out);
        }
    }
    if (!rc)
        memcpy(key, signer.chain, CHAIN_KEY_BYTES);
    pthread_mutex_unlock(&signer.lock);
    return rc;
}

static void signer_set(const keydir_key *k, const audit_trust *pins)
{
    pthread_mutex_lock(&signer.lock);
    signer.key = *k;
    signer.loaded = 1;
    signer.pins = *pins;
    signer.due_ms = now_ms() + signer.head_ms;
    pthread_mutex_unlock(&signer.lock);
}

void audit_keys_unload(void)
{
    pthread_mutex_lock(&signer.lock);
    keydir_key_wipe(&signer.key);
    sodium_memzero(signer.chain, sizeof signer.chain);
    signer.loaded = signer.chain_loaded = signer.chain_made = 0;
    signer.key.id[0] = signer.key.pk_hex[0] = signer.dir[0] = '\0';
    signer.pins.n = 0;
    signer.due_ms = 0;
    signer.head_rows = AUDIT_CHECKPOINT_EVERY;
    signer.head_ms = AUDIT_HEAD_SECONDS * 1000;
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
    signer.due_ms = now_ms() + signer.head_ms;
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

/* ---- where keyed hashes start ---- */

/* audit_chain as stored: *keyed_from and the seal ("" when none) of its first row; *n how many
 * rows it has (1 as written). */
static hg_rc chain_start(db *d, int64_t *keyed_from, char seal[65], int *n, hg_err *err)
{
    db_stmt *s = NULL;
    *keyed_from = 1;
    seal[0] = '\0';
    *n = 0;
    hg_rc rc = db_query(d, &s, err, "SELECT keyed_from, seal FROM audit_chain LIMIT 2", NULL);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        if ((*n)++)
            continue;
        const char *v = db_col_text(s, 1);
        *keyed_from = db_col_int(s, 0);
        if (v && is_hex(v, 64))
            memcpy(seal, v, 65);
        else if (v)
            memcpy(seal, "x", 2); /* a seal that is no seal never matches */
    }
    db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

/* Seals keyed_from inside the caller's transaction when it is not sealed yet: on an empty
 * chain (keyed from row 1), or in the process that made the chain key (the switch of a
 * database that already has rows: those stay plain). Any other unsealed start is left for
 * verify to report: someone without the key may have moved it. */
static hg_rc chain_seal(db *d, const unsigned char key[CHAIN_KEY_BYTES], hg_err *err)
{
    int64_t from = 1, rows = 0;
    char seal[65], mine[65];
    int n = 0, made;
    /* sealed already, as this optimistic group has seen: a seal is never taken back by the
     * system, so the group does not read it again for each of its audit rows */
    if (db_memo_get(d, DB_MEMO_CHAIN_SEALED, &rows, NULL, 0))
        return HG_OK;
    hg_rc rc = chain_start(d, &from, seal, &n, err);
    if (!rc && n == 1 && seal[0])
        db_memo_set(d, DB_MEMO_CHAIN_SEALED, 1, NULL);
    if (rc || n != 1 || seal[0])
        return rc;
    if ((rc = db_int(d, &rows, err, "SELECT COUNT(*) FROM (SELECT seq FROM audit_log LIMIT 1) t", NULL)))
        return rc;
    pthread_mutex_lock(&signer.lock);
    made = signer.chain_made;
    pthread_mutex_unlock(&signer.lock);
    if (rows == 0)
        from = 1;
    else if (!made)
        return HG_OK;
    seal_of(key, from, mine);
    return db_run(d, err, "UPDATE audit_chain SET keyed_from = ?, seal = ? WHERE seal IS NULL", "it", from, mine);
}

/* At the switch to keyed hashes (the chain key was just made), the signing keys the database
 * records are taken as they are — as they were trusted until then — and pinned in the key
 * directory, so that checkpoints signed before the switch by keys since rotated still count.
 * From then on a key is trusted only through the key directory, a trust file or a rotation
 * statement. */
static hg_rc adopt_db_keys(db *d, const char *dir, hg_err *err)
{
    audit_trust t = {0};
    db_stmt *s = NULL;
    char line[128];
    hg_rc rc = audit_trust_from_keydir(&t, dir, KEY_FILE, err);
    if (!rc)
        rc = db_query(d, &s, err, "SELECT key_id, public_key FROM audit_key ORDER BY created_ms, key_id", NULL);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        const char *id = db_col_text(s, 0), *pk = db_col_text(s, 1);
        hg_err ignored;
        if (audit_trust_pk(&t, id) || audit_trust_add(&t, id, pk, &ignored) != HG_OK)
            continue;
        snprintf(line, sizeof line, "%s %s\n", id, pk);
        if ((rc = keydir_append(dir, AUDIT_RETIRED_FILE, "the list of retired audit keys", line, err)))
            break;
    }
    db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

/* The chain key for a write, sealing where keyed hashes start (chain_seal) and adopting the
 * recorded keys when the key was made just now. Inside the caller's transaction. */
static hg_rc chain_key_for_write(db *d, unsigned char key[CHAIN_KEY_BYTES], hg_err *err)
{
    char dir[PATH_MAX_LEN];
    int made_now = 0;
    hg_rc rc = chain_key(key, &made_now, dir, err);
    if (!rc && made_now)
        rc = adopt_db_keys(d, dir, err);
    if (!rc)
        rc = chain_seal(d, key, err);
    return rc;
}
/* ---- walking the chain ---- */

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
    "prev_hash, hash, credential FROM audit_log "
#define WALK_PAGE 10000

/* What a walk checks: rows from..to (to 0: to the end), the first linking to prev; rows from
 * keyed_from on are keyed with key (NULL: the key is not at hand, and such a row is an error,
 * not tampering). */
typedef struct walk {
    const unsigned char *key;
    int64_t keyed_from;
    int64_t from, to;
    char prev[65];
} walk;

/* The walk, in seq order; memory stays constant. SQLite streams one statement (one
 * snapshot). The PostgreSQL backend fetches a statement's result whole, so there the walk
 * goes in pages of WALK_PAGE rows after the last row checked: seq is a NOT NULL BIGINT on
 * PostgreSQL and rows are append-only, so the pages join exactly (a row missing at a page
 * boundary is still a jump in seq). SQLite keeps the single statement for a whole walk
 * because a tampered SQLite row may carry a NULL or text seq, which ORDER BY puts first or
 * last but a "seq > ?" page would skip; a partial walk (before signing a head) takes the
 * range, a whole one having been made by verify. */
static hg_rc walk_rows(db *d, walk *w, audit_report *rep, int64_t *last, hg_err *err)
{
    db_stmt *s = NULL;
    char prev[65], hash[65];
    int64_t expected = w->from, in_page = 0, to = w->to ? w->to : INT64_MAX;
    int paged = strcmp(db_backend(d), "postgres") == 0 || w->from > 1 || w->to;
    hg_rc rc;
    memcpy(prev, w->prev, sizeof prev);
    do {
        in_page = 0;
        rc = paged ? db_query(d, &s, err, WALK_COLS "WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?", "iii",
                              expected - 1, to, (int64_t)WALK_PAGE)
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
            if (seq >= w->keyed_from && !w->key) {
                /* TRANSLATORS: 1: keyed_from; 2: CHAIN_KEY_FILE */
                rc = hg_fail(err, HG_INVALID, "invalid", "keys",
                             "rows from %" PRId64 " on are keyed: verifying them needs the audit chain key "
                             "(%s in the key directory)",
                             w->keyed_from, CHAIN_KEY_FILE);
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
                           db_col_text(s, 8),
                           db_col_text(s, 11)};
            hg_err herr;
            hg_rc hrc = hash_row_with(&r, seq >= w->keyed_from ? w->key : NULL, hash, &herr);
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

/* Checks where keyed hashes start against its seal (the chain being non-empty). key NULL when
 * the chain key does not exist yet: the database has not switched, its start is unsealed by
 * right. */
static void check_start(const unsigned char *key, int64_t from, const char *seal, int n, audit_report *rep)
{
    char mine[65];
    if (n != 1) {
        report_bad(rep, 1, "row 1: the record of where keyed hashes start (audit_chain) is %s",
                   n ? "doubled" : "missing");
        return;
    }
    if (!key)
        return;
    if (!seal[0]) {
        report_bad(rep, from, "row %" PRId64 ": where keyed hashes start is not sealed by the chain key", from);
        return;
    }
    seal_of(key, from, mine);
    if (strcmp(mine, seal) != 0)
        report_bad(rep, from, "row %" PRId64 ": where keyed hashes start was moved (its seal does not match)", from);
}

/* The row just written at seq, linking to prev and hashing to hash: it extends this process's
 * run when it follows the run's last row and links to it, and starts a new run otherwise (a
 * rolled-back group reuses its numbers, another process wrote in between). */
static void mine_note(int64_t seq, const char *prev, const char *hash)
{
    pthread_mutex_lock(&signer.lock);
    if (!(signer.mine.to && seq == signer.mine.to + 1 && strcmp(prev, signer.mine.head) == 0)) {
        signer.mine.from = seq;
        memcpy(signer.mine.prev, prev, 65);
    }
    signer.mine.to = seq;
    memcpy(signer.mine.head, hash, 65);
    pthread_mutex_unlock(&signer.lock);
}

/* This process signed head (seq, head): the next run starts after it. */
static void mine_signed(int64_t seq, const char *head)
{
    pthread_mutex_lock(&signer.lock);
    signer.mine.from = seq + 1;
    signer.mine.to = seq;
    memcpy(signer.mine.prev, head, 65);
    memcpy(signer.mine.head, head, 65);
    pthread_mutex_unlock(&signer.lock);
}

/* 1 when every row after the signed head (after, after_head) up to (seq, head) was appended by
 * this process, in one run linking to that head. */
static int mine_covers(int64_t after, const char *after_head, int64_t seq, const char *head)
{
    pthread_mutex_lock(&signer.lock);
    int yes = signer.mine.to && signer.mine.from == after + 1 && strcmp(signer.mine.prev, after_head) == 0 &&
              signer.mine.to == seq && strcmp(signer.mine.head, head) == 0;
    pthread_mutex_unlock(&signer.lock);
    return yes;
}

/* ---- signing heads ---- */

/* Before signing head (seq, head): the rows since the newest checkpoint a pinned key signed
 * are walked with the chain key, so that a row someone slipped into the database without the
 * key is never vouched for. rep->bad_seq names what is wrong; HG_OK then too. */
static hg_rc signable(db *d, int64_t seq, const char *head, const unsigned char key[CHAIN_KEY_BYTES], audit_report *rep,
                      hg_err *err)
{
    walk w = {.key = key, .from = 1, .to = seq, .prev = GENESIS_HASH};
    audit_trust pins;
    db_stmt *s = NULL;
    char seal[65];
    int n = 0;
    int64_t last = 0;
    pthread_mutex_lock(&signer.lock);
    pins = signer.pins;
    pthread_mutex_unlock(&signer.lock);
    hg_rc rc = db_query(d, &s, err,
                        "SELECT seq, head_hash, at_ms, key_id, signature FROM audit_checkpoint WHERE seq <= ? "
                        "ORDER BY seq DESC LIMIT 16",
                        "i", seq);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        int64_t cseq = db_col_int(s, 0);
        const char *chead = db_col_text(s, 1), *kid = db_col_text(s, 3);
        const char *pk = audit_trust_pk(&pins, kid);
        if (pk && checkpoint_signature_ok(cseq, chead, db_col_int(s, 2), kid, pk, db_col_text(s, 4))) {
            w.from = cseq + 1;
            memcpy(w.prev, chead, 65);
            break;
        }
    }
    db_reset(s);
    if (rc != HG_ROW && rc != HG_DONE)
        return rc;
    if (w.from > seq) { /* signed already: the head must be the one signed */
        if (strcmp(w.prev, head) != 0)
            report_bad(rep, seq, "row %" PRId64 ": not the head signed before", seq);
        return HG_OK;
    }
    if ((rc = chain_start(d, &w.keyed_from, seal, &n, err)))
        return rc;
    check_start(key, w.keyed_from, seal, n, rep);
    if (rep->bad_seq)
        return HG_OK;
    /* Rows this process hashed from the contents it wrote, each linking to the one before,
     * since the pinned head: the walk would recompute the same hashes (it was a fifth of the
     * writer's time at ingest). No other row can be among them: one written in between by
     * anyone else breaks the run (mine_note), and a row altered since it was written does not
     * change the head that is signed, which is the hash of what was written, so verify still
     * finds the alteration. */
    if (w.from > 1 && mine_covers(w.from - 1, w.prev, seq, head))
        return HG_OK;
    if ((rc = walk_rows(d, &w, rep, &last, err)))
        return rc;
    /* the walk recomputed row seq's stored hash, which is head (audit_head or the row just
     * written), so the rows up to it are what this key will vouch for */
    if (!rep->bad_seq && last != seq)
        report_bad(rep, last + 1, "row %" PRId64 " missing before the head at row %" PRId64, last + 1, seq);
    return HG_OK;
}

/* Signs head (seq, hash) and stores the checkpoint, inside the caller's transaction, after
 * signable has walked the rows since the last pinned head. Does nothing when no key is
 * loaded. When the walk finds a row the server did not write, strict makes it HG_INVALID
 * (an explicit checkpoint or export); otherwise (the head a write triggers) the write goes on
 * unsigned and the refusal is logged: the write itself is genuine. The key is (re)recorded
 * first: it costs one no-op insert per checkpoint and keeps the foreign key satisfied even
 * when this process's key was recorded in another database. */
static hg_rc checkpoint_store(db *d, int64_t seq, const char *head, int64_t at_ms, int strict, hg_err *err)
{
    char key_id[17], pk_hex[65], sig_hex[129];
    unsigned char key[CHAIN_KEY_BYTES];
    audit_report rep;
    int signed_ = 0;
    hg_rc rc;
    if (audit_key_id(key_id) != HG_OK)
        return HG_OK;
    memset(&rep, 0, sizeof rep);
    if ((rc = chain_key_for_write(d, key, err)) || (rc = signable(d, seq, head, key, &rep, err)))
        goto out;
    if (rep.bad_seq) {
        if (strict)
            rc = hg_fail(err, HG_INVALID, "audit_broken", NULL,
                         "refusing to sign the head at row %" PRId64 ": audit chain broken at row %" PRId64 ": %s", seq,
                         rep.bad_seq, rep.reason);
        else
            log_error("audit: refusing to sign the head at row %" PRId64 ": audit chain broken at row %" PRId64 ": %s",
                      seq, rep.bad_seq, rep.reason);
        /* tried again at the next due head, not at every write (each try walks the rows since
         * the last pinned head) */
        pthread_mutex_lock(&signer.lock);
        signer.due_ms = now_ms() + signer.head_ms;
        pthread_mutex_unlock(&signer.lock);
        goto out;
    }
    if ((rc = signer_sign(seq, head, at_ms, &signed_, key_id, pk_hex, sig_hex, err)) || !signed_)
        goto out;
    if ((rc = record_key(d, key_id, pk_hex, err)))
        goto out;
    rc = db_run(d, err,
                "INSERT INTO audit_checkpoint (seq, head_hash, at_ms, key_id, signature) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (seq, key_id) DO NOTHING",
                "ititt", seq, head, at_ms, key_id, sig_hex);
    if (!rc)
        mine_signed(seq, head);
out:
    sodium_memzero(key, sizeof key);
    return rc;
}

/* 1 when the row just written at seq should be followed by a head: every head_rows rows, or
 * the first write once head_ms has passed since the last head. */
static int head_due(int64_t seq)
{
    pthread_mutex_lock(&signer.lock);
    int due = signer.loaded && (seq % signer.head_rows == 0 || (signer.due_ms && now_ms() >= signer.due_ms));
    pthread_mutex_unlock(&signer.lock);
    return due;
}
/* ---- appending ---- */

hg_rc audit_append(db *d, const audit_event *e, int64_t *seq_out, hg_err *err)
{
    return audit_append_keep(d, e, NULL, seq_out, err);
}

/* audit_append_keep with the row's time (0: now) and the credential that acted (or NULL) given.
 * The credential is not a member of audit_event so that the stores' positional initialisers of
 * it stay as they are. */
static hg_rc append_at(db *d, const audit_event *e, int64_t at_ms, const char *credential, char **after_text,
                       int64_t *seq_out, hg_err *err)
{
    char *before = NULL, *after = NULL;
    char prev[65], hash[65];
    unsigned char key[CHAIN_KEY_BYTES];
    int64_t seq = 0;
    hg_rc rc;
    if (!at_ms)
        at_ms = now_ms();
    if (!text_ok(e->actor) || !*e->actor || !text_ok(e->action) || !*e->action || !text_ok(e->object_type) ||
        !*e->object_type || !text_ok(e->object_id) || !*e->object_id || (e->request_id && !text_ok(e->request_id)) ||
        (credential && (!text_ok(credential) || !*credential)))
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
    if ((rc = chain_key_for_write(d, key, err)) || (rc = audit_head(d, &seq, prev, err)))
        goto out;
    seq++;
    audit_row r = {seq,           prev,        at_ms,  e->actor, e->action,     e->object_type,
                   e->object_id,  e->request_id, before, after,  credential};
    /* Hashed from the very texts stored (canon_text has just written them from the values,
     * refusing text that is not UTF-8, the one thing that would not survive a round trip),
     * so verify, which parses them back, recomputes the same hash. */
    if (!(rc = check_row_texts(&r, err)))
        rc = hash_spliced(&r, key, hash, err);
    if (rc)
        goto out;
    rc = db_run(d, err,
                "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, request_id, before_json, "
                "after_json, prev_hash, hash, credential) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "iitttttttttt", seq, at_ms, e->actor, e->action, e->object_type, e->object_id, e->request_id, before,
                after, prev, hash, credential);
    if (rc == HG_CONFLICT)
        rc = hg_fail(err, HG_CONFLICT, "conflict", NULL,
                     "audit row %" PRId64 " was taken: audit_append must run inside db_begin", seq);
    if (rc)
        goto out;
    db_memo_set(d, DB_MEMO_AUDIT_HEAD, seq, hash);
    mine_note(seq, prev, hash);
    if (head_due(seq) && (rc = checkpoint_store(d, seq, hash, at_ms, 0, err)))
        goto out;
    if (seq_out)
        *seq_out = seq;
out:
    sodium_memzero(key, sizeof key);
    xfree(before);
    if (!rc && after_text)
        *after_text = after;   /* the caller's now */
    else
        xfree(after);
    return rc;
}

hg_rc audit_append_keep(db *d, const audit_event *e, char **after_text, int64_t *seq_out, hg_err *err)
{
    return append_at(d, e, 0, NULL, after_text, seq_out, err);
}

hg_rc audit_checkpoint_job(db *d, hg_err *err)
{
    char key_id[17], head[65];
    int64_t seq = 0, signed_seq = 0;
    hg_rc rc;
    if (audit_key_id(key_id) != HG_OK)
        return hg_fail(err, HG_INVALID, "invalid", NULL, "no audit signing key is loaded");
    if ((rc = audit_head(d, &seq, head, err)))
        return rc;
    if ((rc = db_int(d, &signed_seq, err, "SELECT COALESCE(MAX(seq), 0) FROM audit_checkpoint WHERE key_id = ?", "t",
                     key_id)))
        return rc;
    /* nothing new since this key's last head: the job costs two reads */
    return seq > signed_seq ? audit_checkpoint(d, err) : HG_OK;
}

hg_ctx ctx_command(db *d, const char *actor) { return (hg_ctx){.d = d, .actor = actor, .now_ms = now_ms()}; }

/* One row of c's change, its credential that of the principal (which session or which
 * token), inside the caller's transaction. */
static hg_rc append_ctx(const hg_ctx *c, const char *action, const char *type, const char *id, const json_t *before,
                        const json_t *after, const char *after_canon, char **after_text, hg_err *err)
{
        char credential[40] = "";
        if (c->who && c->who->token_id > 0)
            snprintf(credential, sizeof credential, "token:%" PRId64, c->who->token_id);
        else if (c->who && c->who->session_id > 0)
            snprintf(credential, sizeof credential, "session:%" PRId64, c->who->session_id);
        audit_event e = {c->actor, action, type, id, c->request_id, before, after, after_canon};
    return append_at(c->d, &e, c->now_ms, credential[0] ? credential : NULL, after_text, NULL, err);
}

hg_rc audit_append_ctx(const hg_ctx *c, const char *action, const char *type, const char *id, const json_t *before,
                       const json_t *after, hg_err *err)
{
    return append_ctx(c, action, type, id, before, after, NULL, NULL, err);
    }

hg_rc audit_commit_keep(const hg_ctx *c, hg_rc rc, const char *action, const char *type, const char *id,
                        const json_t *before, const json_t *after, const char *after_canon, char **after_text,
                        hg_err *err)
{
    if (after_text)
        *after_text = NULL;
    if (!rc)
        rc = append_ctx(c, action, type, id, before, after, after_canon, after_text, err);
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
        rc = checkpoint_store(d, seq, head, now_ms(), 1, err);
    if (!rc)
        rc = db_commit(d, err);
out:
    if (rc)
        db_rollback(d);
    return rc;
}

/* ---- verifying ---- */

/* The checkpoints in the database. ckmax (read before the walk) bounds which ones must
 * already be covered by the walked chain: a checkpoint signed after the walk began may
 * name rows the walk did not see, while one that existed before it names rows that
 * existed too, so finding them gone is truncation. A checkpoint counts only when its key is
 * trusted (audit_trust.h): a key the database alone vouches for is an attacker's as likely
 * as ours. */
static hg_rc verify_stored_checkpoints(db *d, const audit_trust *trust, int64_t ckmax, int64_t last, audit_report *rep,
                                       hg_err *err)
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
        const char *pinned = audit_trust_pk(trust, key_id);
        if (!pk) {
            report_bad(rep, seq, "checkpoint at row %" PRId64 ": its signing key is not recorded", seq);
            break;
        }
        if (!checkpoint_signature_ok(seq, head, at_ms, key_id, pk, sig)) {
            report_bad(rep, seq, "checkpoint at row %" PRId64 ": signature is not valid", seq);
            break;
        }
        if (!pinned || strcmp(pinned, pk) != 0) {
            report_bad(rep, seq,
                       "checkpoint at row %" PRId64 ": signed by key %.16s, which is not pinned outside the database",
                       seq, key_id);
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
            report_bad(rep, seq, "chain was rewritten: row %" PRId64 " no longer has the checkpointed head hash", seq);
            break;
        }
        rep->checkpoints++;
    }
    if (rc == HG_ROW || rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    return rc;
}

/* An input error in the checkpoint file (no row to name): reason and err say the same. */
static hg_rc file_error(audit_report *rep, hg_err *err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static hg_rc file_error(audit_report *rep, hg_err *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rep->reason, sizeof rep->reason, fmt, ap);
    va_end(ap);
    return hg_fail(err, HG_INVALID, "invalid", "checkpoint", "%s", rep->reason);
}

/* Checks one exported head (a parsed line) against the trust set and the chain. */
static hg_rc verify_exported(db *d, const audit_trust *trust, json_t *line, int lineno, int64_t last, audit_report *rep,
                             hg_err *err)
{
    json_int_t seq = 0, at_ms = 0;
    const char *head = NULL, *key_id = NULL, *pk = NULL, *sig = NULL;
    json_error_t jerr;
    db_stmt *s = NULL;
    if (json_unpack_ex(line, &jerr, 0, "{s:I, s:s, s:I}", "seq", &seq, "head_hash", &head, "at_ms", &at_ms) != 0 ||
        seq < 1 || !is_hex(head, 64))
        return file_error(rep, err, "checkpoint file line %d is not a checkpoint", lineno);
    if (json_unpack_ex(line, &jerr, 0, "{s:s, s:s, s:s}", "key_id", &key_id, "public_key", &pk, "signature", &sig) !=
        0) {
        if (memory_failing(64)) /* jansson's unpack allocates, and says "missing" when it cannot */
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        report_bad(rep, seq, "exported head at row %" PRId64 " (line %d) is not signed", (int64_t)seq, lineno);
        return HG_OK;
    }
    if (!checkpoint_signature_ok(seq, head, at_ms, key_id, pk, sig)) {
        report_bad(rep, seq, "exported checkpoint at row %" PRId64 ": signature is not valid", (int64_t)seq);
        return HG_OK;
    }
    const char *pinned = audit_trust_pk(trust, key_id);
    if (!pinned || strcmp(pinned, pk) != 0) {
        report_bad(rep, seq,
                   "exported head at row %" PRId64 ": signed by key %.16s, which neither the key directory nor the "
                   "trust file pins",
                   (int64_t)seq, key_id);
        return HG_OK;
    }
    hg_rc rc = db_query(d, &s, err, "SELECT hash FROM audit_log WHERE seq = ?", "i", (int64_t)seq);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        const char *h = db_col_text(s, 0);
        if (!h || strcmp(h, head) != 0) {
            report_bad(rep, seq, "chain was rewritten: row %" PRId64 " no longer has the exported head hash",
                       (int64_t)seq);
        } else {
            rep->checkpoints++;
            if (seq > rep->anchored)
                rep->anchored = seq;
        }
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

/* A rotation statement line: applied to trust when its signer is trusted (1 when it added a
 * key). -1 when the line is not a rotation statement. */
static int apply_rotation(audit_trust *trust, json_t *line)
{
    json_int_t at_ms = 0;
    const char *from = NULL, *id = NULL, *pk = NULL, *sig = NULL;
    json_error_t jerr;
    if (json_unpack_ex(line, &jerr, 0, "{s:s, s:s, s:s, s:I, s:s}", "from_key_id", &from, "key_id", &id, "public_key",
                       &pk, "at_ms", &at_ms, "signature", &sig) != 0)
        return -1;
    return audit_trust_endorse(trust, from, id, pk, at_ms, sig);
}

typedef enum { LINE_HEAD, LINE_ROTATION } line_kind;

/* Reads the JSON Lines file one bounded line at a time, handing each parsed line to fn;
 * memory does not grow with the file. Lines of type "rotation" are rotation statements,
 * the others (type "head", or none: files written before types) signed heads. */
static hg_rc each_line(const char *path, audit_report *rep, hg_err *err,
                       hg_rc (*fn)(void *arg, line_kind kind, json_t *j, int lineno, hg_err *err), void *arg)
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
            rc = file_error(rep, err, "checkpoint file line %d is too long", lineno);
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
        if (!j || !json_is_object(j)) {
            json_decref(j);
            rc = file_error(rep, err, "checkpoint file line %d is not JSON", lineno);
            break;
        }
        const char *type = json_string_value(json_object_get(j, "type"));
        if (type && strcmp(type, "rotation") != 0 && strcmp(type, "head") != 0)
            rc = file_error(rep, err, "checkpoint file line %d is not a checkpoint", lineno);
        else
            rc = fn(arg, type && strcmp(type, "rotation") == 0 ? LINE_ROTATION : LINE_HEAD, j, lineno, err);
        json_decref(j);
    }
    if (!rc && ferror(f))
        rc = hg_fail(err, HG_IO, "io_error", "checkpoint", "cannot read the checkpoint file");
    fclose(f);
    return rc;
}

typedef struct file_pass {
    db *d;
    audit_trust *trust;
    audit_report *rep;
    int64_t last;    /* the chain's last row */
    int64_t heads;   /* head lines seen */
    int added;       /* keys a pass of rotation statements added */
} file_pass;

static hg_rc rotations_fn(void *arg, line_kind kind, json_t *j, int lineno, hg_err *err)
{
    file_pass *p = arg;
    if (kind == LINE_HEAD) {
        p->heads++;
        return HG_OK;
    }
    int r = apply_rotation(p->trust, j);
    if (r < 0)
        return file_error(p->rep, err, "checkpoint file line %d is not a rotation statement", lineno);
    p->added += r;
    return HG_OK;
}

static hg_rc heads_fn(void *arg, line_kind kind, json_t *j, int lineno, hg_err *err)
{
    file_pass *p = arg;
    return kind == LINE_HEAD ? verify_exported(p->d, p->trust, j, lineno, p->last, p->rep, err) : HG_OK;
}

/* The exported file: its rotation statements first (until they add no key: the trust they
 * carry does not depend on their order), then every head. A file without a head proves
 * nothing and is refused, like one whose heads are unsigned or signed by a key nobody pins. */
static hg_rc verify_file(db *d, const char *path, audit_trust *trust, int64_t last, audit_report *rep, hg_err *err)
{
    file_pass p = {.d = d, .trust = trust, .rep = rep, .last = last};
    hg_rc rc;
    do {
        p.added = 0;
        p.heads = 0;
        if ((rc = each_line(path, rep, err, rotations_fn, &p)))
            return rc;
    } while (p.added);
    if (!p.heads) {
        if (last)
            report_bad(rep, 1, "the checkpoint file holds no signed head: rows 1-%" PRId64 " are not anchored", last);
        else
            rc = file_error(rep, err, "the checkpoint file holds no signed head");
        return rc;
    }
    return each_line(path, rep, err, heads_fn, &p);
}

/* The keys a verification trusts, and the chain key it checks with. */
static hg_rc verify_keys(db *d, const audit_verify_opts *o, audit_trust *trust, unsigned char key[CHAIN_KEY_BYTES],
                         int *have_key, audit_report *rep, hg_err *err)
{
    char dir[PATH_MAX_LEN] = "";
    hg_rc rc = HG_OK;
    *have_key = 0;
    trust->n = 0;
    pthread_mutex_lock(&signer.lock);
    if (!o->key_dir && signer.dir[0])
        memcpy(dir, signer.dir, sizeof dir);
    if (!o->key_dir && signer.chain_loaded) {
        memcpy(key, signer.chain, CHAIN_KEY_BYTES);
        *have_key = 1;
    }
    if (!o->key_dir && signer.loaded) {
        *trust = signer.pins;
        rc = audit_trust_add(trust, signer.key.id, signer.key.pk_hex, err);
    }
    pthread_mutex_unlock(&signer.lock);
    if (rc)
        return rc;
    if (o->key_dir && strlen(o->key_dir) < sizeof dir)
        memcpy(dir, o->key_dir, strlen(o->key_dir) + 1);
    else if (!dir[0])
        audit_process_key_dir(dir, sizeof dir);
    if (!*have_key && dir[0]) {
        rc = keydir_secret_read(dir, CHAIN_KEY_FILE, "the audit chain key", key, CHAIN_KEY_BYTES, err);
        *have_key = rc == HG_OK;
        if (rc && rc != HG_NOTFOUND)
            return rc;
    }
    if (dir[0] && (rc = audit_trust_from_keydir(trust, dir, KEY_FILE, err)))
        return rc;
    if (o->trust_file && (rc = audit_trust_read(trust, o->trust_file, err))) {
        if (rc == HG_NOTFOUND)
            rc = hg_fail(err, HG_IO, "io_error", "trust", "cannot open the trust file %s", o->trust_file);
        snprintf(rep->reason, sizeof rep->reason, "%.191s", err->message);
        return rc;
    }
    return audit_trust_from_db(trust, d, err);
}

hg_rc audit_verify_with(db *d, const audit_verify_opts *o, audit_report *rep, hg_err *err)
{
    static const audit_verify_opts none = {0};
    audit_trust *trust = xmalloc(sizeof *trust);
    unsigned char key[CHAIN_KEY_BYTES];
    walk w = {.from = 1, .prev = GENESIS_HASH};
    int64_t ckmax = 0, last = 0, any = 0;
    char seal[65];
    int have_key = 0, n = 0;
    hg_rc rc;
    memset(rep, 0, sizeof *rep);
    if (!o)
        o = &none;
    if (!trust)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if ((rc = sodium_ready(err)) || (rc = verify_keys(d, o, trust, key, &have_key, rep, err)))
        goto out;
    /* Read before the walk; see verify_stored_checkpoints. */
    if ((rc = db_int(d, &ckmax, err, "SELECT COALESCE(MAX(seq), 0) FROM audit_checkpoint", NULL)) ||
        (rc = db_int(d, &any, err, "SELECT COUNT(*) FROM (SELECT seq FROM audit_log LIMIT 1) t", NULL)) ||
        (rc = chain_start(d, &w.keyed_from, seal, &n, err)))
        goto out;
    rep->keyed_from = w.keyed_from;
    if (any)
        check_start(have_key ? key : NULL, w.keyed_from, seal, n, rep);
    if (rep->bad_seq)
        goto out;
    w.key = have_key ? key : NULL;
    if ((rc = walk_rows(d, &w, rep, &last, err)) || rep->bad_seq)
        goto out;
    if ((rc = verify_stored_checkpoints(d, trust, ckmax, last, rep, err)) || rep->bad_seq)
        goto out;
    if (o->checkpoint_file) {
        int64_t stored = rep->checkpoints;
        rc = verify_file(d, o->checkpoint_file, trust, last, rep, err);
        rep->exported = rep->checkpoints - stored;
        rep->unanchored = last > rep->anchored ? last - rep->anchored : 0;
    }
out:
    if (!rc && rep->bad_seq)
        rc = hg_fail(err, HG_INVALID, "audit_broken", NULL, "audit chain broken at row %" PRId64 ": %s", rep->bad_seq,
                     rep->reason);
    sodium_memzero(key, sizeof key);
    xfree(trust);
    return rc;
}

hg_rc audit_verify(db *d, const char *checkpoint_file, audit_report *rep, hg_err *err)
{
    audit_verify_opts o = {.checkpoint_file = checkpoint_file};
    return audit_verify_with(d, &o, rep, err);
}
/* ---- the keys (keydir.h) ---- */

hg_rc audit_keys_load(db *d, const char *key_dir, hg_err *err)
{
    keydir_key k;
    audit_trust *pins = xmalloc(sizeof *pins);
    unsigned char key[CHAIN_KEY_BYTES];
    char dir[PATH_MAX_LEN];
    int created = 0, made_now = 0;
    hg_rc rc;
    if (!pins)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    pins->n = 0;
    if (!key_dir || strlen(key_dir) >= sizeof dir) {
        xfree(pins);
        return hg_fail(err, HG_INVALID, "invalid", "keys", "no usable key directory given");
    }
    rc = keydir_load(key_dir, KEY_FILE, "the audit signing key", &k, &created, err);
    if (rc) {
        xfree(pins);
        return rc;
    }
    /* Another directory than the one loaded from: its chain key, not the old one. */
    pthread_mutex_lock(&signer.lock);
    if (strcmp(signer.dir, key_dir) != 0) {
        sodium_memzero(signer.chain, sizeof signer.chain);
        signer.chain_loaded = signer.chain_made = 0;
        memcpy(signer.dir, key_dir, strlen(key_dir) + 1);
    }
    pthread_mutex_unlock(&signer.lock);
    if (!(rc = record_key(d, k.id, k.pk_hex, err)) && !(rc = chain_key(key, &made_now, dir, err)) && made_now)
        rc = adopt_db_keys(d, key_dir, err);
    if (!rc)
        rc = audit_trust_from_keydir(pins, key_dir, KEY_FILE, err);
    if (!rc && !(rc = db_begin(d, err))) {
        rc = chain_seal(d, key, err);
        if (!rc)
            rc = db_commit(d, err);
        if (rc)
            db_rollback(d);
    }
    if (!rc) {
        signer_set(&k, pins);
        if (created)
            log_info("audit: created signing key %s", k.id);
    }
    keydir_key_wipe(&k);
    sodium_memzero(key, sizeof key);
    xfree(pins);
    return rc;
}

hg_rc audit_rotate_key(db *d, const char *key_dir, char key_id_out[17], hg_err *err)
{
    keydir_key old, k;
    audit_trust *pins = xmalloc(sizeof *pins);
    unsigned char sig[KEYDIR_SIG_BYTES];
    char msg[256], sig_hex[2 * KEYDIR_SIG_BYTES + 1], line[128];
    int64_t at_ms = now_ms();
    int created = 0;
    buf tmp;
    buf_init(&tmp, PATH_MAX_LEN);
    if (!pins)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    pins->n = 0;
    /* The key handed over from: the current one, made first if there is none. */
    hg_rc rc = keydir_load(key_dir, KEY_FILE, "the audit signing key", &old, &created, err);
    if (rc) {
        xfree(pins);
        return rc;
    }
    if ((rc = record_key(d, old.id, old.pk_hex, err)) ||
        (rc = keydir_prepare(key_dir, KEY_FILE, "the audit signing key", &k, &tmp, err)))
        goto out;
    /* The rotation statement: the old key vouches for the new one, so that an auditor who
     * pinned only the old key trusts the new one's heads. */
    if (!audit_rotation_message(msg, sizeof msg, old.id, k.id, k.pk_hex, at_ms)) {
        rc = hg_fail(err, HG_INTERNAL, NULL, NULL, "malformed rotation statement");
        goto abandon;
    }
    keydir_sign(&old, msg, strlen(msg), sig);
    hex_encode(sig, sizeof sig, sig_hex);
    /* The old public half stays pinned by the key directory (its checkpoints still count);
     * written before the secret is replaced, so that a crash leaves it pinned either way. */
    snprintf(line, sizeof line, "%s %s\n", old.id, old.pk_hex);
    if ((rc = keydir_append(key_dir, AUDIT_RETIRED_FILE, "the list of retired audit keys", line, err)))
        goto abandon;
    /* Public half first: a key that signs before it is recorded would make checkpoints
     * nobody can verify; a recorded key that never signs is harmless. */
    if ((rc = db_run(d, err,
                     "INSERT INTO audit_key (key_id, public_key, created_ms, endorsed_by, endorsement, endorsed_ms) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     "ttitti", k.id, k.pk_hex, at_ms, old.id, sig_hex, at_ms)))
        goto abandon;
    if ((rc = keydir_install(key_dir, KEY_FILE, "audit signing key", &tmp, err)))
        goto out;
    if ((rc = audit_trust_from_keydir(pins, key_dir, KEY_FILE, err)))
        goto out;
    signer_set(&k, pins);
    pthread_mutex_lock(&signer.lock);
    if (strcmp(signer.dir, key_dir) != 0 && strlen(key_dir) < sizeof signer.dir) {
        signer.chain_loaded = signer.chain_made = 0;
        memcpy(signer.dir, key_dir, strlen(key_dir) + 1);
    }
    pthread_mutex_unlock(&signer.lock);
    if (key_id_out)
        memcpy(key_id_out, k.id, 17);
    log_info("audit: rotated signing key %s to %s", old.id, k.id);
    goto out;
abandon:
    keydir_abandon(&tmp);
out:
    keydir_key_wipe(&old);
    keydir_key_wipe(&k);
    buf_free(&tmp);
    xfree(pins);
    return rc;
}

hg_rc audit_pins_text(const char *key_dir, buf *out, hg_err *err)
{
    audit_trust t = {0};
    hg_rc rc = audit_trust_from_keydir(&t, key_dir, KEY_FILE, err);
    for (int i = 0; !rc && i < t.n; i++)
        if (buf_appendf(out, "%s %s\n", t.key[i].id, t.key[i].pk))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc && !t.n)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "keys", "the key directory %s holds no audit signing key", key_dir);
    return rc;
}
/* ---- export ---- */

#define EXPORT_MAX (64 * 1024 * 1024) /* bytes appended by one export */

typedef struct export_scan {
    int64_t max_seq;               /* the newest head already in the file */
    char rotated[AUDIT_TRUST_MAX][KEYDIR_ID_LEN + 1]; /* keys whose rotation statement is there */
    int nrotated;
} export_scan;

static hg_rc scan_fn(void *arg, line_kind kind, json_t *j, int lineno, hg_err *err)
{
    export_scan *x = arg;
    (void)err;
    (void)lineno;
    if (kind == LINE_HEAD) {
        json_int_t seq = json_integer_value(json_object_get(j, "seq"));
        if (seq > x->max_seq)
            x->max_seq = seq;
    } else {
        const char *id = json_string_value(json_object_get(j, "key_id"));
        if (id && strlen(id) == KEYDIR_ID_LEN && x->nrotated < AUDIT_TRUST_MAX)
            memcpy(x->rotated[x->nrotated++], id, KEYDIR_ID_LEN + 1);
    }
    return HG_OK;
}

static int scan_has_rotation(const export_scan *x, const char *id)
{
    for (int i = 0; id && i < x->nrotated; i++)
        if (strcmp(x->rotated[i], id) == 0)
            return 1;
    return 0;
}

/* Appends the canonical text of j and a newline to out. */
static hg_rc put_line(buf *out, json_t *j, hg_err *err)
{
    hg_rc rc = j ? canon_dump(j, out) : HG_NOMEM;
    json_decref(j);
    if (!rc)
        rc = buf_puts(out, "\n");
    if (rc)
        return hg_fail(err, rc == HG_INVALID ? HG_NOMEM : rc, NULL, NULL, "cannot format a checkpoint");
    return HG_OK;
}

/* The rotation statements the file lacks, then the heads after its newest, as lines. */
static hg_rc export_lines(db *d, const audit_trust *trust, const export_scan *x, buf *out, int64_t *heads, hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT endorsed_by, key_id, public_key, endorsed_ms, endorsement FROM audit_key "
                        "WHERE endorsement IS NOT NULL ORDER BY endorsed_ms, key_id",
                        NULL);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        const char *from = db_col_text(s, 0), *id = db_col_text(s, 1), *pk = db_col_text(s, 2),
                   *sig = db_col_text(s, 4);
        /* only a statement that holds (its signer trusted) travels: an auditor can check it */
        if (scan_has_rotation(x, id) || !audit_trust_pk(trust, from) || !audit_trust_pk(trust, id))
            continue;
        if ((rc =
                 put_line(out,
                          json_pack("{s:s, s:s, s:s, s:s, s:I, s:s}", "type", "rotation", "from_key_id", from, "key_id",
                                    id, "public_key", pk, "at_ms", (json_int_t)db_col_int(s, 3), "signature", sig),
                           err)))
            break;
    }
    db_reset(s);
    if (rc != HG_DONE && rc != HG_ROW)
        return rc;
    rc = db_query(d, &s, err,
                  "SELECT c.seq, c.head_hash, c.at_ms, c.key_id, k.public_key, c.signature "
                  "FROM audit_checkpoint c JOIN audit_key k ON k.key_id = c.key_id WHERE c.seq > ? "
                  "ORDER BY c.seq, c.key_id",
                  "i", x->max_seq);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        int64_t seq = db_col_int(s, 0), at_ms = db_col_int(s, 2);
        const char *head = db_col_text(s, 1), *kid = db_col_text(s, 3), *pk = db_col_text(s, 4),
                   *sig = db_col_text(s, 5);
        const char *pinned = audit_trust_pk(trust, kid);
        /* The export is the copy people trust later: a forged head must not reach it. */
        if (!checkpoint_signature_ok(seq, head, at_ms, kid, pk, sig)) {
            rc = hg_fail(err, HG_INVALID, "audit_broken", NULL,
                         "checkpoint at row %" PRId64 " has an invalid signature; run audit verify", seq);
            break;
        }
        if (!pinned || strcmp(pinned, pk) != 0) {
            /* TRANSLATORS: 1: seq; 2: kid */
            rc = hg_fail(err, HG_INVALID, "audit_broken", NULL,
                         "checkpoint at row %" PRId64 " is signed by key %.16s, which is not pinned outside the "
                         "database; run audit verify",
                         seq, kid);
            break;
        }
        if ((rc = put_line(out,
                           json_pack("{s:s, s:I, s:s, s:I, s:s, s:s, s:s}", "type", "head", "seq", (json_int_t)seq,
                                     "head_hash", head, "at_ms", (json_int_t)at_ms, "key_id", kid, "public_key", pk,
                                     "signature", sig),
                           err)))
            break;
        (*heads)++;
    }
    db_reset(s);
    return rc == HG_DONE || rc == HG_ROW ? HG_OK : rc;
}

/* Appends text to path (created 0644: heads are public) and makes it durable. */
static hg_rc append_file(const char *path, const buf *text, hg_err *err)
{
    hg_rc rc = HG_OK;
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return hg_fail(err, HG_IO, "io_error", "file", "cannot open the checkpoint file: %s", strerror(errno));
    size_t done = 0;
    while (done < text->len && !rc) {
        ssize_t put = write(fd, buf_str(text) + done, text->len - done);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            rc = hg_fail(err, HG_IO, "io_error", "file", "cannot write the checkpoint file: %s", strerror(errno));
        else
            done += (size_t)put;
    }
    if (!rc && fsync(fd) != 0)
        rc = hg_fail(err, HG_IO, "io_error", "file", "cannot write the checkpoint file: %s", strerror(errno));
    if (close(fd) != 0 && !rc)
        rc = hg_fail(err, HG_IO, "io_error", "file", "cannot write the checkpoint file: %s", strerror(errno));
    return rc;
}

hg_rc audit_export(db *d, const char *path, int64_t *count, hg_err *err)
{
    char key_id[17];
    export_scan *x = xmalloc(sizeof *x);
    audit_trust *trust = xmalloc(sizeof *trust);
    audit_verify_opts o = {0};
    audit_report rep;
    unsigned char key[CHAIN_KEY_BYTES];
    int64_t heads = 0;
    int have_key = 0;
    buf out;
    hg_rc rc = HG_OK;
    buf_init(&out, EXPORT_MAX);
    memset(&rep, 0, sizeof rep);
    if (count)
        *count = 0;
    if (!x || !trust) {
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    memset(x, 0, sizeof *x);
    if ((rc = sodium_ready(err)))
        goto out;
    /* A fresh head first, which walks the rows since the last one (checkpoint_store). */
    if (audit_key_id(key_id) == HG_OK && (rc = audit_checkpoint(d, err)))
        goto out;
    if ((rc = verify_keys(d, &o, trust, key, &have_key, &rep, err)))
        goto out;
    if (access(path, F_OK) == 0 && (rc = each_line(path, &rep, err, scan_fn, x)))
        goto out;
    if ((rc = export_lines(d, trust, x, &out, &heads, err)))
        goto out;
    if ((rc = append_file(path, &out, err)))
        goto out;
    if (count)
        *count = heads;
out:
    sodium_memzero(key, sizeof key);
    buf_free(&out);
    xfree(x);
    xfree(trust);
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
                        "after_json, hash, credential FROM audit_log WHERE 1 = 1");
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
                           ? json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s?, s:O, s:O, s:s, s:s?}", "seq",
                                       (json_int_t)seq, "at", at, "actor", db_col_text(s, 2), "action",
                                       db_col_text(s, 3), "object_type", db_col_text(s, 4), "object_id",
                                       db_col_text(s, 5), "request_id", db_col_text(s, 6), "before", before, "after",
                                       after, "hash", db_col_text(s, 9), "credential", db_col_text(s, 10))
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
        strncmp(db_url, "postgresql://", 13) == 0) {
        /* a district on a shared database keeps keys of its own: its chain key and its
         * signing key vouch for its chain alone */
        const char *schema = getenv("HAIGUAN_DB_SCHEMA");
        n = schema && *schema ? snprintf(out, outlen, "haiguan-%s.keys", schema) : snprintf(out, outlen, "haiguan.keys");
    } else {
        n = snprintf(out, outlen, "%s.keys", db_url);
    }
    /* A truncated path would name some other directory: give none instead. */
    if (n < 0 || (size_t)n >= outlen)
        out[0] = '\0';
}
