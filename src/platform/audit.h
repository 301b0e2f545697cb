/* audit.h — the audit trail (留痕): an append-only hash chain of every state change, each
 * row's hash keyed (HMAC-SHA256 with the chain key of the key directory), with Ed25519-signed
 * checkpoints (signed heads) made often and appended to a file kept off the machine
 * (SECURITY.md §15, issue 13 §2). Which signing keys count is decided outside the database
 * (audit_trust.h): a key only the database knows vouches for nothing.
 *
 * audit_append is called inside the caller's write transaction, so that the change and its
 * audit row commit or roll back together. UPDATE and DELETE on the audit table are refused
 * by triggers. Each row's hash covers its sequence number, the previous row's hash and the
 * canonical JSON of its content (every column), so editing, deleting, inserting or
 * reordering rows is detected by audit_verify, and a rewritten chain is detected against an
 * exported checkpoint. */
#ifndef HG_AUDIT_H
#define HG_AUDIT_H

#include <jansson.h>
#include <stdint.h>

#include "buf.h"
#include "cmd.h"
#include "ctx.h"
#include "db.h"
#include "rc.h"

typedef struct audit_event {
    const char *actor;         /* user name, or "cli:<os user>" for commands */
    const char *action;        /* "enterprise.create", "user.disable", ... */
    const char *object_type;   /* "enterprise" */
    const char *object_id;     /* "91350100M000100Y43" */
    const char *request_id;    /* or NULL */
    const json_t *before;      /* state before (NULL for a creation); borrowed */
    const json_t *after;       /* state after (NULL for a deletion); borrowed */
    const char *after_text;    /* or NULL: after's canonical text, when the caller has written it
                                * (json_canon_fill); stored as given, after is then not read */
} audit_event;

/* The end of every write: with rc == HG_OK, appends the audit row of the change (action,
 * object type and id, the states before and after; the actor, request id and time from c, and
 * the credential c->who acted with, "session:ID" or "token:ID", when there is one) and
 * commits; with any other rc, or when the row or the commit fails, rolls back. Returns the
 * first failure. The change and its row are one transaction: neither is stored without the
 * other. after_canon / after_text as audit_append_keep (NULL when unused). */
hg_rc audit_commit(const hg_ctx *c, hg_rc rc, const char *action, const char *type, const char *id,
                   const json_t *before, const json_t *after, hg_err *err);
hg_rc audit_commit_keep(const hg_ctx *c, hg_rc rc, const char *action, const char *type, const char *id,
                        const json_t *before, const json_t *after, const char *after_canon, char **after_text,
                        hg_err *err);
/* For a change that writes several rows in one transaction (a batch, a job's sweep): appends
 * one row as audit_commit would, credential included, inside the caller's transaction, and
 * neither commits nor rolls back. */
hg_rc audit_append_ctx(const hg_ctx *c, const char *action, const char *type, const char *id, const json_t *before,
                       const json_t *after, hg_err *err);

/* Appends one row; must run inside a transaction begun with db_begin (the row's seq is
 * the current maximum + 1, which only the write lock makes safe). Its hash is keyed with the
 * chain key (loaded by audit_keys_load, else on first use from $HAIGUAN_KEYS or the directory
 * next to the database, made there when missing). When a signing key is loaded it also signs
 * a head every AUDIT_CHECKPOINT_EVERY rows and at the first write AUDIT_HEAD_SECONDS after the
 * last head (audit_set_head_policy), after walking the rows since the last pinned head: a row
 * that does not verify is not signed over (logged; the write itself goes on).
 * *seq (if non-NULL) receives the row's sequence number. before/after are stored
 * as canonical JSON (compact, sorted keys); a JSON null is stored as SQL NULL.
 * Errors: HG_INVALID when actor, action, object_type or object_id is missing, a text is
 * longer than AUDIT_TEXT_MAX or not UTF-8, or before/after is larger than AUDIT_JSON_MAX
 * or does not survive a JSON round trip; HG_CONFLICT when the sequence number was taken
 * (called outside db_begin); HG_DB when the chain head is damaged; db errors as they come. */
#define AUDIT_CHECKPOINT_EVERY 256   /* rows between signed heads, by default */
#define AUDIT_HEAD_SECONDS 60        /* seconds between signed heads, by default */
#define AUDIT_TEXT_MAX 1024            /* bytes of actor, action, object_type/_id, request_id */
#define AUDIT_JSON_MAX (1024 * 1024)   /* bytes of before or after, canonicalised */
hg_rc audit_append(db *d, const audit_event *e, int64_t *seq, hg_err *err);
/* The same, handing back in *after_text (xfree it; NULL when e->after is NULL) the canonical
 * text of e->after it stored: the compact, key-sorted JSON a reply may send as it is. */
hg_rc audit_append_keep(db *d, const audit_event *e, char **after_text, int64_t *seq, hg_err *err);

/* One stored row, as audit_hash_row reads it (every string borrowed). */
typedef struct audit_row {
    int64_t seq;
    const char *prev_hash;     /* 64 hex digits; all zeros for row 1 */
    int64_t at_ms;
    const char *actor, *action, *object_type, *object_id;
    const char *request_id;    /* or NULL */
    const char *before_json;   /* canonical JSON text, or NULL */
    const char *after_json;    /* canonical JSON text, or NULL */
    const char *credential;    /* "session:ID", "token:ID", or NULL (then not in the hash) */
} audit_row;

/* The plain row hash: hex SHA-256 of "<seq>\n<prev_hash>\n<canonical JSON of {action, actor,
 * after, at_ms, before, object_id, object_type, request_id}>" into hash (65 bytes). Rows before
 * audit_chain.keyed_from carry it (a row's credential, when it has one, is hashed as one more
 * key, "credential", of the object); later rows carry the HMAC-SHA256 of the same bytes with the
 * chain key, which this function does not know: it is what an attacker without the key can
 * compute, and tests forge with it.
 * before/after must already be canonical (what audit_append stores), so that a column
 * edited into an equivalent but different text is still caught. HG_INVALID when a field
 * is missing, not UTF-8 or not canonical, HG_TOOBIG when too large, HG_NOMEM.
 * Exposed for audit_verify and for tests that forge chains. */
hg_rc audit_hash_row(const audit_row *r, char hash[65], hg_err *err);

/* The chain head: *seq (0 when empty) and its hash (64 zeros when empty). */
hg_rc audit_head(db *d, int64_t *seq, char hash[65], hg_err *err);

typedef struct audit_report {
    int64_t rows;          /* rows checked */
    int64_t checkpoints;   /* checkpoints checked (stored and exported) */
    int64_t bad_seq;       /* first bad row's sequence number, 0 when whole */
    char reason[192];      /* why it is bad */
    int64_t keyed_from;    /* the first row whose hash is keyed */
    int64_t exported;      /* heads of the checkpoint file checked */
    int64_t anchored;      /* the newest row an exported head vouches for (0: none) */
    int64_t unanchored;    /* rows after it, which no external head vouches for yet */
} audit_report;

/* What a verification trusts and checks against, besides the database. */
typedef struct audit_verify_opts {
    const char *key_dir;         /* NULL: the keys audit_keys_load loaded, else $HAIGUAN_KEYS or the
                                  * directory next to the database */
    const char *trust_file;      /* NULL, or an auditor's pins: "<key id> <public key>" lines */
    const char *checkpoint_file; /* NULL, or a file audit_export appended to */
} audit_verify_opts;

/* Walks the whole chain (one statement on SQLite, pages of rows on PostgreSQL: memory does
 * not grow with the chain): seq contiguous from 1, each prev_hash linking to the row
 * before, each hash recomputing (keyed from audit_chain.keyed_from on, whose seal is checked
 * first; with the chain key of the key directory). Checkpoints count only when signed by a
 * trusted key: pinned by the key directory or the trust file, or endorsed by a rotation
 * statement of a trusted key (audit_trust.h); one signed by a key only the database records
 * is reported. With a checkpoint file, a file without any signed head, a head without a
 * signature or signed by a key nobody pins is refused; rep->anchored and rep->unanchored say
 * how far the newest external head reaches.
 * Then checks the stored checkpoints (signature with the recorded public key of its key
 * id; the chain's hash at that seq is the signed head hash). With checkpoint_file (a file
 * written by audit_export) it also checks every exported checkpoint: its signature with
 * the public key on its line, and that the chain still has that head hash at that seq.
 * HG_OK when whole. HG_INVALID with rep->bad_seq and rep->reason naming the first bad
 * row otherwise (err says the same); HG_INVALID with rep->bad_seq 0 when the checkpoint
 * file is not a list of checkpoints; HG_IO when it cannot be read; db errors. Stops at the
 * first problem: the walk, then stored checkpoints, then the file. Needs no signing key. */
hg_rc audit_verify_with(db *d, const audit_verify_opts *o, audit_report *rep, hg_err *err);
/* audit_verify_with with only a checkpoint file (or NULL). */
hg_rc audit_verify(db *d, const char *checkpoint_file, audit_report *rep, hg_err *err);

/* Signing keys (Ed25519) live in files of mode 0600 in key_dir (default: next to the
 * database, "<db>.keys", created 0700), never in the database or the repository: the
 * current one is key_dir/audit-signing.key, the hex of the 64-byte secret key. A key's id
 * is the first 16 hex digits of SHA-256 of its public key. audit_keys_load loads the
 * current key, creating one when none exists; each key's public half and id are recorded
 * in the database (audit_key) so that old checkpoints stay verifiable after rotation.
 * The loaded key is process-wide (mutex-protected); call it outside a transaction.
 * Errors: HG_INVALID (empty key_dir), HG_FORBIDDEN (key file readable by others),
 * HG_IO (directory or file unusable, or not a valid key), db errors. */
hg_rc audit_keys_load(db *d, const char *key_dir, hg_err *err);
/* Makes a new current key: records its public key, then atomically replaces the key file,
 * so the old secret key is deleted from disk (its public key stays recorded, which is all
 * that verifying old checkpoints needs; keeping old secrets would only widen what a thief
 * could forge). The new key becomes this process's key; other processes keep signing with
 * the old one (still valid) until they reload. key_id_out may be NULL. Errors as
 * audit_keys_load. */
hg_rc audit_rotate_key(db *d, const char *key_dir, char key_id_out[17], hg_err *err);
/* (The old key signs a rotation statement for the new one, recorded with it in audit_key and
 * exported, and its public half is appended to key_dir/audit-signing.retired: the key
 * directory keeps pinning it, so its checkpoints still count.) */

/* The pins of key_dir (its signing key and the keys it retired) as trust-file lines into out,
 * for an auditor's trust file. HG_NOTFOUND when the directory holds no key. */
hg_rc audit_pins_text(const char *key_dir, buf *out, hg_err *err);

/* Heads by rows and by time (audit_append): every rows rows and at the first write seconds
 * after the last head (<= 0: the defaults). Process-wide. */
void audit_set_head_policy(int64_t rows, int64_t seconds);

/* The key directory of a command: --keys, else $HAIGUAN_KEYS, else next to the database
 * (audit_default_key_dir); --keys also sets $HAIGUAN_KEYS, so that every key the process reads
 * later (the risk draw secret) comes from the same place. Returns scratch or the option. */
struct cmd_ctx;
const char *cmd_key_dir(struct cmd_ctx *c, char *scratch, size_t n);
/* Opens the command's database (cmd_open_db) and loads the audit keys from cmd_key_dir, so
 * that the rows the command writes are keyed and heads signed. NULL when either fails, said
 * on stderr ("haiguan: ..."), the database closed again. */
db *cmd_open_db_keyed(struct cmd_ctx *c);

/* The periodic job: signs the current head when rows were written since this key's last
 * head (audit_checkpoint), else does nothing. HG_INVALID when no key is loaded or when the
 * rows since the last pinned head do not verify (then nothing is signed). */
hg_rc audit_checkpoint_job(db *d, hg_err *err);
/* Forgets (and zeroes) the process's loaded key; audit_append stops signing. */
void audit_keys_unload(void);
/* Id of the loaded key into key_id; HG_NOTFOUND when none is loaded. */
hg_rc audit_key_id(char key_id[17]);
/* Signs a checkpoint of the current head now (in its own transaction), after walking the
 * rows since the last pinned head with the chain key. Does nothing when the chain is empty or
 * this key already signed this head. HG_INVALID when no key is loaded or a row since the last
 * pinned head does not verify (the server never signs over rows it did not write); db
 * errors. */
hg_rc audit_checkpoint(db *d, hg_err *err);
/* Appends to path (JSON Lines, created 0644 less the umask: heads are not secret) the signed heads newer than the newest already
 * there ({"type":"head", seq, head_hash, at_ms, key_id, public_key, signature}) and the
 * rotation statements it lacks ({"type":"rotation", from_key_id, key_id, public_key, at_ms,
 * signature}), making a fresh head first when a key is loaded. *count (if non-NULL) receives
 * how many heads were appended. HG_INVALID (and nothing appended) when a stored checkpoint's
 * signature does not verify or its key is not pinned, so that a forged head never reaches the
 * trusted copy, or when the file is not a checkpoint file; HG_IO; db errors. Call it outside
 * a transaction (the fresh checkpoint takes its own). */
hg_rc audit_export(db *d, const char *path, int64_t *count, hg_err *err);

/* Audit rows as JSON for the API, newest first, filtered by any of object_type,
 * object_id, actor (NULL = any), from_ms <= at_ms < to_ms (0 = open), at most limit
 * (<= 0: 50; capped at 500), starting below seq cursor (0 = from the newest). f may be
 * NULL. *out gets {"items":[{seq, at (RFC 3339), actor, action, object_type, object_id,
 * request_id, before, after, hash, credential}...],"next_cursor": seq to pass as cursor, or null};
 * caller owns it. HG_DB when a stored row cannot be read back (run audit verify). */
typedef struct audit_filter {
    const char *object_type;
    const char *object_id;
    const char *actor;
    int64_t from_ms, to_ms;
    int64_t cursor;
    int limit;
} audit_filter;
hg_rc audit_list_json(db *d, const audit_filter *f, json_t **out, hg_err *err);

/* Default key directory for a database URL into out: "<path>.keys" for a SQLite file,
 * "haiguan.keys" for ":memory:" and PostgreSQL URLs; "" when out is too small. */
void audit_default_key_dir(const char *db_url, char *out, size_t outlen);
/* The key directory a process uses when it was given none: $HAIGUAN_KEYS, else the one next to
 * its database (db_get_url); "" when there is none. For the keys a server loads on first use
 * (the health QR key, the certificate key). */
void audit_process_key_dir(char *out, size_t outlen);

/* `haiguan audit reconcile`: where `audit verify` proves the rows were not altered, reconcile
 * proves the tables were not altered behind them — the current state of what an area keeps
 * (declarations, releases, exits …) against the state its audit rows record. An area that
 * keeps such state contributes a reconciler to this extension point (module.h, hg_extension)
 * from its module record; the platform knows none of them. */
#define AUDIT_RECONCILERS "audit.reconciler"
typedef struct audit_reconciler {
    const char *what; /* what it counts, plural: "declarations" */
    /* Compares every object it keeps with its audit rows, read-only; appends to findings
     * (borrowed, a JSON array) one {object_type, object_id, rule, message} per object whose
     * state no audit row accounts for, and sets *checked to the objects compared. A database
     * fault is its error, never a finding. */
    hg_rc (*run)(db *d, json_t *findings, int64_t *checked, hg_err *err);
} audit_reconciler;

/* Versions 10-19. */
extern const struct migration audit_migrations[];
/* `haiguan audit verify|reconcile|export|checkpoint|rotate-key` (audit_cmd.c); ends with name NULL. */
extern const struct command audit_commands[];

#endif
