/* test_audit.c — the audit trail against a real SQLite file: a whole chain verifies, and
 * every kind of tampering SECURITY.md §15 and issue 13 §2 name (edit, delete, insert, reorder,
 * truncate, a consistent rewrite, forged rows with a correct plain hash, attackers' keys,
 * empty, unsigned and self-signed checkpoint files, a rewind; the table in
 * test_tampering_table) is caught and names the first bad row, with no false alarm on an
 * untouched trail; the append-only triggers refuse; rows are keyed with the chain key and a
 * database from before stays verifiable; signed heads come by rows and by time, are never
 * made over rows the server did not write, survive key rotation (followed through its signed
 * statement) and are appended to an external file; the cleanup paths hold when allocations
 * fail. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <ftw.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "keydir.h"
#include "db.h"
#include "log.h"
#include "json_canon.h"
#include "mem.h"

#define ZEROS "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct fx {
    char dir[64];     /* temporary directory, removed at teardown */
    char path[128];   /* database file */
    char keys[160];   /* key directory */
    char file[160];   /* checkpoint export */
    db *d;
} fx;

/* ---- fixture ---- */

static int rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(p);
}

/* Opens (creating) database name in the fixture's directory, migrated with the audit
 * migrations only. */
static void fx_open(fx *f, const char *name)
{
    const migration *sets[] = {audit_migrations, NULL};
    hg_err err;
    if (f->d)
        db_close(f->d);
    snprintf(f->path, sizeof f->path, "%s/%s.db", f->dir, name);
    snprintf(f->keys, sizeof f->keys, "%s/keys", f->dir);
    snprintf(f->file, sizeof f->file, "%s/%s.checkpoints", f->dir, name);
    assert_int_equal(db_open(f->path, &f->d, &err), HG_OK);
    assert_int_equal(db_migrate(f->d, sets, NULL, &err), HG_OK);
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/hg_audit_XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    audit_keys_unload();
    /* one key directory per test, as a process has one: the chain key a write loads by
     * itself is the one audit_keys_load loads */
    snprintf(f->keys, sizeof f->keys, "%s/keys", f->dir);
    setenv("HAIGUAN_KEYS", f->keys, 1);
    fx_open(f, "main");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    db_close(f->d);
    audit_keys_unload();
    nftw(f->dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

/* ---- helpers ---- */

/* Appends rows first..first+n-1 in transactions of per_tx rows. Odd rows have no
 * request id; row 1 is a creation (no before). after is built in unsorted key order with
 * a real, an array and non-ASCII text, so that canonicalisation has work to do. */
static void append_rows(db *d, int first, int n, int per_tx)
{
    hg_err err;
    for (int i = first; i < first + n; i += per_tx) {
        assert_int_equal(db_begin(d, &err), HG_OK);
        for (int k = i; k < i + per_tx && k < first + n; k++) {
            char oid[32], rid[32];
            snprintf(oid, sizeof oid, "E%03d", k % 4);
            snprintf(rid, sizeof rid, "req-%d", k);
            json_t *before = k == 1 ? NULL : json_pack("{s:s, s:i}", "name", "x", "n", k - 1);
            json_t *after = json_pack("{s:i, s:[s,s], s:f, s:s}", "n", k, "tags", "b", "a", "rate", 1.5, "city", "厦门");
            audit_event e = {k % 3 ? "alice" : "bob", "enterprise.update", "enterprise", oid, k % 2 ? NULL : rid,
                             before, after, NULL};
            int64_t seq = 0;
            assert_int_equal(audit_append(d, &e, &seq, &err), HG_OK);
            assert_int_equal(seq, k);
            json_decref(before);
            json_decref(after);
        }
        assert_int_equal(db_commit(d, &err), HG_OK);
    }
}

static void drop_triggers(db *d)
{
    hg_err err;
    assert_int_equal(db_exec(d,
                             "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
                             "DROP TRIGGER audit_checkpoint_no_update; DROP TRIGGER audit_checkpoint_no_delete;",
                             &err),
                     HG_OK);
}

static void sql(db *d, const char *s)
{
    hg_err err;
    hg_rc rc = db_exec(d, s, &err);
    if (rc)
        fail_msg("%s: %s", s, err.message);
}

static void expect_whole(db *d, const char *file, int64_t rows, int64_t checkpoints)
{
    audit_report rep;
    hg_err err;
    hg_rc rc = audit_verify(d, file, &rep, &err);
    if (rc)
        fail_msg("unexpected: %s (bad row %" PRId64 ": %s)", err.message, rep.bad_seq, rep.reason);
    assert_int_equal(rep.bad_seq, 0);
    assert_int_equal(rep.rows, rows);
    assert_int_equal(rep.checkpoints, checkpoints);
}

static void expect_broken(db *d, const char *file, int64_t bad_seq, const char *reason)
{
    audit_report rep;
    hg_err err;
    assert_int_equal(audit_verify(d, file, &rep, &err), HG_INVALID);
    if (rep.bad_seq != bad_seq || strcmp(rep.reason, reason) != 0)
        fail_msg("expected row %" PRId64 " \"%s\", got row %" PRId64 " \"%s\"", bad_seq, reason, rep.bad_seq,
                 rep.reason);
    assert_non_null(strstr(err.message, reason));
}

static int64_t count(db *d, const char *q)
{
    int64_t n = -1;
    hg_err err;
    assert_int_equal(db_int(d, &n, &err, q, NULL), HG_OK);
    return n;
}

/* Copy of a text column of one row (caller frees). */
static char *text_at(db *d, const char *q, int64_t seq)
{
    db_stmt *s;
    hg_err err;
    assert_int_equal(db_query(d, &s, &err, q, "i", seq), HG_OK);
    assert_int_equal(db_step(s, &err), HG_ROW);
    char *v = xstrdup(db_col_text(s, 0));
    db_reset(s);
    return v;
}

/* What an attacker with write access and our source would do: recompute prev_hash and hash
 * of rows from..to so that the chain is consistent again. */
static void rehash(db *d, int64_t from, int64_t to)
{
    hg_err err;
    char prev[65], hash[65];
    if (from == 1) {
        memcpy(prev, ZEROS, 65);
    } else {
        char *h = text_at(d, "SELECT hash FROM audit_log WHERE seq = ?", from - 1);
        memcpy(prev, h, 65);
        xfree(h);
    }
    for (int64_t seq = from; seq <= to; seq++) {
        db_stmt *s;
        assert_int_equal(db_query(d, &s, &err,
                                  "SELECT at_ms, actor, action, object_type, object_id, request_id, before_json, "
                                  "after_json, credential FROM audit_log WHERE seq = ?",
                                  "i", seq),
                         HG_OK);
        assert_int_equal(db_step(s, &err), HG_ROW);
        char *c[8];
        for (int i = 0; i < 8; i++)
            c[i] = xstrdup(db_col_text(s, i + 1));
        audit_row r = {seq, prev, db_col_int(s, 0), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]};
        assert_int_equal(audit_hash_row(&r, hash, &err), HG_OK);
        db_reset(s);
        for (int i = 0; i < 8; i++)
            xfree(c[i]);
        assert_int_equal(db_run(d, &err, "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", "tti", prev,
                                hash, seq),
                         HG_OK);
        memcpy(prev, hash, 65);
    }
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char *s = calloc(1, 1 << 16);
    size_t n = fread(s, 1, (1 << 16) - 1, f);
    s[n] = '\0';
    fclose(f);
    return s;
}

static void spit(const char *path, const char *s)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(s, f);
    fclose(f);
}

/* Changes one hex digit inside the value of key on line `line` of the file. */
static void edit_file(const char *path, int line, const char *key, char (*change)(char))
{
    char *s = slurp(path), *p = s;
    for (int i = 1; i < line; i++)
        p = strchr(p, '\n') + 1;
    p = strstr(p, key);
    assert_non_null(p);
    p += strlen(key) + 5;   /* inside the value, past `":"` and a few digits */
    *p = change(*p);
    spit(path, s);
    free(s);
}

static char flip_hex(char c) { return c == '0' ? '1' : '0'; }

/* ---- a whole chain ---- */

static void test_whole_chain(void **state)
{
    fx *f = *state;
    hg_err err;
    append_rows(f->d, 1, 20, 5);
    expect_whole(f->d, NULL, 20, 0);

    /* Stored canonical: compact, keys sorted, whatever order they were built in. */
    char *after = text_at(f->d, "SELECT after_json FROM audit_log WHERE seq = ?", 2);
    assert_string_equal(after, "{\"city\":\"厦门\",\"n\":2,\"rate\":1.5,\"tags\":[\"b\",\"a\"]}");
    xfree(after);
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_log WHERE seq = 1 AND before_json IS NULL"), 1);
    char *prev = text_at(f->d, "SELECT prev_hash FROM audit_log WHERE seq = ?", 1);
    assert_string_equal(prev, ZEROS);
    xfree(prev);

    /* Checkpoint and export, then keep appending: no false alarm, stored or exported. */
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    int64_t n = 0;
    assert_int_equal(audit_export(f->d, f->file, &n, &err), HG_OK);
    assert_int_equal(n, 1);
    expect_whole(f->d, f->file, 20, 2);
    append_rows(f->d, 21, 5, 5);
    expect_whole(f->d, f->file, 25, 2);
    /* Checkpointing the same head again adds nothing. */
    assert_int_equal(audit_checkpoint(f->d, &err), HG_OK);
    assert_int_equal(audit_checkpoint(f->d, &err), HG_OK);
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_checkpoint"), 2);
    expect_whole(f->d, f->file, 25, 3);

    int64_t head = 0;
    char hash[65];
    assert_int_equal(audit_head(f->d, &head, hash, &err), HG_OK);
    assert_int_equal(head, 25);
}

/* The hash written (spliced from the stored texts) and the hash verify recomputes (from
 * a parse of them) agree for texts that need escaping, non-ASCII and a JSON string as the
 * whole of before or after. */
static void test_escaped_texts(void **state)
{
    fx *f = *state;
    hg_err err;
    static const char *const actors[] = {"quote\"back\\slash", "tab\tnew\nline\x01", "厦门海关 🚢", "/slash"};
    assert_int_equal(db_begin(f->d, &err), HG_OK);
    for (int k = 0; k < 4; k++) {
        json_t *before = k == 3 ? json_string("just \"a\" string") : json_pack("{s:s}", "k", actors[k]);
        json_t *after = json_pack("{s:s, s:[i, f, b, n], s:{}}", "\u00e9\"", actors[(k + 1) % 4], "v", -7, 0.25, 1,
                                  "e");
        /* every other row with its after text written by the caller (as a filing's is) */
        char *after_text = k % 2 ? json_canon_text(after) : NULL;
        audit_event e = {actors[k], "x.\"act\"", "thing/kind", actors[(k + 2) % 4], k % 2 ? actors[k] : NULL, before,
                         after, after_text};
        assert_int_equal(audit_append(f->d, &e, NULL, &err), HG_OK);
        xfree(after_text);
        json_decref(before);
        json_decref(after);
    }
    assert_int_equal(db_commit(f->d, &err), HG_OK);
    expect_whole(f->d, NULL, 4, 0);
}

static void test_empty_chain(void **state)
{
    fx *f = *state;
    hg_err err;
    expect_whole(f->d, NULL, 0, 0);
    assert_int_equal(audit_checkpoint(f->d, &err), HG_INVALID); /* no key */
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    assert_int_equal(audit_checkpoint(f->d, &err), HG_OK);
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_checkpoint"), 0);
}

/* ---- the append-only triggers ---- */

static void test_triggers_refuse(void **state)
{
    fx *f = *state;
    hg_err err;
    static const char *const attempts[] = {
        "UPDATE audit_log SET actor = 'mallory' WHERE seq = 3",
        "DELETE FROM audit_log WHERE seq = 3",
        "DELETE FROM audit_log",
        "UPDATE audit_checkpoint SET head_hash = 'x'",
        "DELETE FROM audit_checkpoint",
        "UPDATE audit_key SET public_key = 'x'",
        "DELETE FROM audit_key",
    };
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    append_rows(f->d, 1, 5, 5);
    assert_int_equal(audit_checkpoint(f->d, &err), HG_OK);
    for (size_t i = 0; i < sizeof attempts / sizeof attempts[0]; i++) {
        hg_rc rc = db_run(f->d, &err, attempts[i], NULL);
        if (rc != HG_CONFLICT && rc != HG_DB)
            fail_msg("%s: got %d", attempts[i], rc);
    }
    expect_whole(f->d, NULL, 5, 1);
}

/* ---- tampering ---- */

static void test_edit_each_column(void **state)
{
    fx *f = *state;
    static const struct {
        const char *sql;
        int64_t seq;   /* first bad row */
        const char *reason;
    } edits[] = {
        {"UPDATE audit_log SET actor = 'mallory' WHERE seq = 7",
         7, "row 7: hash does not match its content"},
        {"UPDATE audit_log SET action = 'enterprise.delete' WHERE seq = 7",
         7, "row 7: hash does not match its content"},
        {"UPDATE audit_log SET object_type = 'user' WHERE seq = 7",
         7, "row 7: hash does not match its content"},
        {"UPDATE audit_log SET object_id = 'E999' WHERE seq = 7",
         7, "row 7: hash does not match its content"},
        {"UPDATE audit_log SET at_ms = at_ms + 1 WHERE seq = 7",
         7, "row 7: hash does not match its content"},
        {"UPDATE audit_log SET at_ms = CAST(at_ms AS TEXT) || 'x' WHERE seq = 7",
         7, "row 7: hash does not match its content (at_ms is not an integer)"},
        {"UPDATE audit_log SET request_id = 'req-forged' WHERE seq = 7",
         7, "row 7: hash does not match its content"},
        {"UPDATE audit_log SET request_id = NULL WHERE seq = 8",
         8, "row 8: hash does not match its content"},
        {"UPDATE audit_log SET before_json = '{\"n\":66,\"name\":\"x\"}' WHERE seq = 7",
         7, "row 7: hash does not match its content"},
        {"UPDATE audit_log SET before_json = NULL WHERE seq = 7",
         7, "row 7: hash does not match its content"},
        {"UPDATE audit_log SET after_json = '{\"n\":7}' WHERE seq = 7",
         7, "row 7: hash does not match its content"},
        /* Same meaning, different bytes: still an edit. */
        {"UPDATE audit_log SET before_json = '{\"name\":\"x\",\"n\":6}' WHERE seq = 7",
         7, "row 7: content is not what was written (before is not in canonical form)"},
        {"UPDATE audit_log SET after_json = 'null' WHERE seq = 7",
         7, "row 7: content is not what was written (after is not in canonical form)"},
        {"UPDATE audit_log SET after_json = '{oops' WHERE seq = 7",
         7, "row 7: content is not what was written (after is not JSON)"},
        {"UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE seq = 5) WHERE seq = 7",
         7, "row 7: previous hash does not link to row 6"},
        {"UPDATE audit_log SET hash = (SELECT hash FROM audit_log WHERE seq = 5) WHERE seq = 7",
         7, "row 7: hash does not match its content"},
        {"UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE seq = 1) WHERE seq = 1",
         1, "row 1: previous hash is not the chain's starting value"},
        /* The last row is as protected as any. */
        {"UPDATE audit_log SET actor = 'mallory' WHERE seq = 20",
         20, "row 20: hash does not match its content"},
    };
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        char name[16];
        snprintf(name, sizeof name, "edit%zu", i);
        fx_open(f, name);
        append_rows(f->d, 1, 20, 20);
        expect_whole(f->d, NULL, 20, 0);
        drop_triggers(f->d);
        sql(f->d, edits[i].sql);
        expect_broken(f->d, NULL, edits[i].seq, edits[i].reason);
    }
}

static void test_delete_rows(void **state)
{
    fx *f = *state;
    append_rows(f->d, 1, 20, 4);
    drop_triggers(f->d);
    sql(f->d, "DELETE FROM audit_log WHERE seq = 5");
    expect_broken(f->d, NULL, 5, "row 5 missing: sequence jumps from 4 to 6");

    fx_open(f, "first");
    append_rows(f->d, 1, 20, 20);
    drop_triggers(f->d);
    sql(f->d, "DELETE FROM audit_log WHERE seq IN (1, 2)");
    expect_broken(f->d, NULL, 1, "row 1 missing: chain starts at row 3");

    fx_open(f, "several");
    append_rows(f->d, 1, 20, 20);
    drop_triggers(f->d);
    sql(f->d, "DELETE FROM audit_log WHERE seq BETWEEN 9 AND 12");
    expect_broken(f->d, NULL, 9, "row 9 missing: sequence jumps from 8 to 13");
}

static void test_insert_rows(void **state)
{
    fx *f = *state;
    hg_err err;
    append_rows(f->d, 1, 20, 20);
    char *h20 = text_at(f->d, "SELECT hash FROM audit_log WHERE seq = ?", 20);

    /* A forged row at the end, linked but with a made-up hash. */
    assert_int_equal(db_run(f->d, &err,
                            "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, prev_hash, "
                            "hash) VALUES (21, 1, 'mallory', 'user.create', 'user', 'mallory', ?, ?)",
                            "tt", h20, ZEROS),
                     HG_OK);
    expect_broken(f->d, NULL, 21, "row 21: hash does not match its content");

    /* A forged row past a gap. */
    fx_open(f, "gap");
    append_rows(f->d, 1, 20, 20);
    sql(f->d, "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, prev_hash, hash) "
              "VALUES (25, 1, 'mallory', 'x', 'y', 'z', '" ZEROS "', '" ZEROS "')");
    expect_broken(f->d, NULL, 21, "row 21 missing: sequence jumps from 20 to 25");

    /* A row numbered before the chain. */
    fx_open(f, "zero");
    append_rows(f->d, 1, 20, 20);
    sql(f->d, "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, prev_hash, hash) "
              "VALUES (0, 1, 'mallory', 'x', 'y', 'z', '" ZEROS "', '" ZEROS "')");
    expect_broken(f->d, NULL, 1, "row 1: a row with an invalid number stands before it");

    /* A row slipped into the middle (in place of row 10) with the plain hash that would be
     * right for its content: without the chain key its hash cannot be the keyed one. */
    fx_open(f, "middle");
    append_rows(f->d, 1, 20, 20);
    drop_triggers(f->d);
    sql(f->d, "DELETE FROM audit_log WHERE seq = 10");
    char *h9 = text_at(f->d, "SELECT hash FROM audit_log WHERE seq = ?", 9);
    char forged[65];
    audit_row r = {10, h9, 1, "mallory", "user.create", "user", "mallory", NULL, NULL, "{\"role\":\"admin\"}", NULL};
    assert_int_equal(audit_hash_row(&r, forged, &err), HG_OK);
    assert_int_equal(db_run(f->d, &err,
                            "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, after_json, "
                            "prev_hash, hash) VALUES (10, 1, 'mallory', 'user.create', 'user', 'mallory', "
                            "'{\"role\":\"admin\"}', ?, ?)",
                            "tt", h9, forged),
                     HG_OK);
    expect_broken(f->d, NULL, 10, "row 10: hash does not match its content");
    xfree(h9);
    xfree(h20);
}

static void test_reorder_rows(void **state)
{
    fx *f = *state;
    append_rows(f->d, 1, 20, 20);
    drop_triggers(f->d);
    /* Swap every column but seq of rows 10 and 11. */
    sql(f->d, "CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE seq IN (10, 11);"
              "UPDATE audit_log SET (at_ms, actor, action, object_type, object_id, request_id, before_json, "
              "after_json, prev_hash, hash) = (SELECT at_ms, actor, action, object_type, object_id, request_id, "
              "before_json, after_json, prev_hash, hash FROM t WHERE t.seq = 21 - audit_log.seq) "
              "WHERE seq IN (10, 11);");
    expect_broken(f->d, NULL, 10, "row 10: previous hash does not link to row 9");

    /* Swap only the content, leaving the hashes in place. */
    fx_open(f, "content");
    append_rows(f->d, 1, 20, 20);
    drop_triggers(f->d);
    sql(f->d, "CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE seq IN (10, 11);"
              "UPDATE audit_log SET (at_ms, actor, action, object_type, object_id, request_id, before_json, "
              "after_json) = (SELECT at_ms, actor, action, object_type, object_id, request_id, before_json, "
              "after_json FROM t WHERE t.seq = 21 - audit_log.seq) WHERE seq IN (10, 11);");
    expect_broken(f->d, NULL, 10, "row 10: hash does not match its content");
}

static void test_truncate_tail(void **state)
{
    fx *f = *state;
    hg_err err;
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    append_rows(f->d, 1, 20, 20);
    assert_int_equal(audit_export(f->d, f->file, NULL, &err), HG_OK);
    expect_whole(f->d, f->file, 20, 2);
    drop_triggers(f->d);
    sql(f->d, "DELETE FROM audit_log WHERE seq >= 18");
    /* The stored checkpoint still remembers row 20. */
    expect_broken(f->d, NULL, 18, "chain is shorter than the checkpoint at row 20");
    /* Removing the checkpoints too fools the database alone, not the export. */
    sql(f->d, "DELETE FROM audit_checkpoint");
    expect_whole(f->d, NULL, 17, 0);
    expect_broken(f->d, f->file, 18, "chain is shorter than the exported checkpoint at row 20");
    /* Truncated to nothing. */
    sql(f->d, "DELETE FROM audit_log");
    expect_broken(f->d, f->file, 1, "chain is shorter than the exported checkpoint at row 20");
}

static void test_consistent_rewrite(void **state)
{
    fx *f = *state;
    hg_err err;
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    append_rows(f->d, 1, 10, 10);
    assert_int_equal(audit_checkpoint(f->d, &err), HG_OK);
    append_rows(f->d, 11, 10, 10);
    assert_int_equal(audit_export(f->d, f->file, NULL, &err), HG_OK);
    expect_whole(f->d, f->file, 20, 4);

    drop_triggers(f->d);
    sql(f->d, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
    expect_broken(f->d, NULL, 3, "row 3: hash does not match its content");
    rehash(f->d, 3, 20);
    /* Consistent as far as plain SHA-256 goes, which is all one can compute without the
     * chain key: the keyed hash of row 3 is not what it was. */
    expect_broken(f->d, NULL, 3, "row 3: hash does not match its content");
    sql(f->d, "DELETE FROM audit_checkpoint");
    expect_broken(f->d, NULL, 3, "row 3: hash does not match its content");
    expect_broken(f->d, f->file, 3, "row 3: hash does not match its content");
}

/* ---- keys and checkpoints ---- */

static int count_dir(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    assert_non_null(d);
    while ((e = readdir(d)))
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

static void test_key_rotation(void **state)
{
    fx *f = *state;
    hg_err err;
    char a[17], b[17], again[17], keyfile[200];
    struct stat st;
    assert_int_equal(audit_key_id(a), HG_NOTFOUND);
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    assert_int_equal(audit_key_id(a), HG_OK);
    assert_int_equal(strlen(a), 16);
    snprintf(keyfile, sizeof keyfile, "%s/audit-signing.key", f->keys);
    assert_int_equal(stat(f->keys, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_int_equal(stat(keyfile, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    char *old_secret = slurp(keyfile);
    assert_int_equal(strlen(old_secret), 129);

    append_rows(f->d, 1, 10, 10);
    assert_int_equal(audit_checkpoint(f->d, &err), HG_OK);
    assert_int_equal(audit_rotate_key(f->d, f->keys, b, &err), HG_OK);
    assert_string_not_equal(a, b);
    assert_int_equal(audit_key_id(again), HG_OK);
    assert_string_equal(again, b);
    /* The old secret is gone from disk: the current signing key, the chain key and the list
     * of retired public keys (pins) remain. */
    char *new_secret = slurp(keyfile);
    assert_string_not_equal(old_secret, new_secret);
    assert_int_equal(count_dir(f->keys), 3);
    char retired[220];
    snprintf(retired, sizeof retired, "%s/audit-signing.retired", f->keys);
    char *pins = slurp(retired);
    assert_non_null(strstr(pins, a));
    assert_null(strstr(pins, b));
    free(pins);
    /* The rotation statement is recorded with the new key. */
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_key WHERE endorsement IS NOT NULL"), 1);
    assert_int_equal(stat(keyfile, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_key"), 2);

    append_rows(f->d, 11, 10, 10);
    assert_int_equal(audit_checkpoint(f->d, &err), HG_OK);
    /* The checkpoint at row 10 was signed by the old key and still verifies. */
    expect_whole(f->d, NULL, 20, 2);
    int64_t n = 0;
    assert_int_equal(audit_export(f->d, f->file, &n, &err), HG_OK);
    assert_int_equal(n, 2);
    char *exported = slurp(f->file);
    assert_non_null(strstr(exported, a));
    assert_non_null(strstr(exported, b));
    expect_whole(f->d, f->file, 20, 4);

    /* A reload (another process, a restart) picks up the rotated key. */
    audit_keys_unload();
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    assert_int_equal(audit_key_id(again), HG_OK);
    assert_string_equal(again, b);
    free(old_secret);
    free(new_secret);
    free(exported);
}

static void test_key_file_checks(void **state)
{
    fx *f = *state;
    hg_err err;
    char keyfile[200];
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    snprintf(keyfile, sizeof keyfile, "%s/audit-signing.key", f->keys);
    assert_int_equal(chmod(keyfile, 0644), 0);
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_FORBIDDEN);
    assert_int_equal(chmod(keyfile, 0600), 0);
    spit(keyfile, "not a key\n");
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_IO);
    assert_int_equal(audit_keys_load(f->d, "", &err), HG_INVALID);
}

static void test_auto_checkpoint(void **state)
{
    fx *f = *state;
    hg_err err;
    append_rows(f->d, 1, AUDIT_CHECKPOINT_EVERY, AUDIT_CHECKPOINT_EVERY);
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_checkpoint"), 0); /* no key loaded */
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    append_rows(f->d, AUDIT_CHECKPOINT_EVERY + 1, AUDIT_CHECKPOINT_EVERY, AUDIT_CHECKPOINT_EVERY);
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_checkpoint"), 1);
    assert_int_equal(count(f->d, "SELECT seq FROM audit_checkpoint"), 2 * AUDIT_CHECKPOINT_EVERY);
    expect_whole(f->d, NULL, 2 * AUDIT_CHECKPOINT_EVERY, 1);
}

static void test_corrupt_export(void **state)
{
    fx *f = *state;
    hg_err err;
    audit_report rep;
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    append_rows(f->d, 1, 10, 10);
    assert_int_equal(audit_checkpoint(f->d, &err), HG_OK);
    append_rows(f->d, 11, 10, 10);
    assert_int_equal(audit_export(f->d, f->file, NULL, &err), HG_OK);
    char *good = slurp(f->file);
    expect_whole(f->d, f->file, 20, 4);

    edit_file(f->file, 2, "\"signature\"", flip_hex);
    expect_broken(f->d, f->file, 20, "exported checkpoint at row 20: signature is not valid");
    spit(f->file, good);
    edit_file(f->file, 1, "\"head_hash\"", flip_hex);
    expect_broken(f->d, f->file, 10, "exported checkpoint at row 10: signature is not valid");
    spit(f->file, good);
    edit_file(f->file, 1, "\"public_key\"", flip_hex);
    expect_broken(f->d, f->file, 10, "exported checkpoint at row 10: signature is not valid");

    /* Not a checkpoint file at all: an input error, not a broken chain. */
    spit(f->file, "{\"seq\": 1}\n");
    assert_int_equal(audit_verify(f->d, f->file, &rep, &err), HG_INVALID);
    assert_int_equal(rep.bad_seq, 0);
    assert_string_equal(rep.reason, "checkpoint file line 1 is not a checkpoint");
    spit(f->file, "garbage\n");
    assert_int_equal(audit_verify(f->d, f->file, &rep, &err), HG_INVALID);
    assert_int_equal(rep.bad_seq, 0);
    unlink(f->file);
    assert_int_equal(audit_verify(f->d, f->file, &rep, &err), HG_IO);

    /* A forged stored checkpoint never reaches an export. */
    drop_triggers(f->d);
    sql(f->d, "UPDATE audit_checkpoint SET at_ms = at_ms + 1 WHERE seq = 10");
    expect_broken(f->d, NULL, 10, "checkpoint at row 10: signature is not valid");
    assert_int_equal(audit_export(f->d, f->file, NULL, &err), HG_INVALID);
    assert_int_equal(access(f->file, F_OK), -1);
    free(good);
}

/* ---- appending and listing ---- */

static void test_append_rejects(void **state)
{
    fx *f = *state;
    hg_err err;
    json_t *bad = json_string_nocheck("\xff\xfe");
    audit_event missing = {"alice", NULL, "enterprise", "E1", NULL, NULL, NULL, NULL};
    audit_event empty = {"", "x", "enterprise", "E1", NULL, NULL, NULL, NULL};
    audit_event notutf8 = {"alice", "x", "enterprise", "E1", NULL, NULL, bad, NULL};
    audit_event actor = {"\xff", "x", "enterprise", "E1", NULL, NULL, NULL, NULL};
    assert_int_equal(db_begin(f->d, &err), HG_OK);
    assert_int_equal(audit_append(f->d, &missing, NULL, &err), HG_INVALID);
    assert_int_equal(audit_append(f->d, &empty, NULL, &err), HG_INVALID);
    assert_int_equal(audit_append(f->d, &notutf8, NULL, &err), HG_INVALID);
    assert_int_equal(audit_append(f->d, &actor, NULL, &err), HG_INVALID);
    db_rollback(f->d);
    json_decref(bad);
    /* A JSON null is stored as no value at all. */
    json_t *null = json_null();
    audit_event e = {"alice", "x", "enterprise", "E1", NULL, null, null, NULL};
    assert_int_equal(db_begin(f->d, &err), HG_OK);
    assert_int_equal(audit_append(f->d, &e, NULL, &err), HG_OK);
    assert_int_equal(db_commit(f->d, &err), HG_OK);
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_log WHERE before_json IS NULL AND after_json IS NULL"),
                     1);
    expect_whole(f->d, NULL, 1, 0);
}

static void test_list_json(void **state)
{
    fx *f = *state;
    hg_err err;
    json_t *out = NULL;
    append_rows(f->d, 1, 20, 20);

    assert_int_equal(audit_list_json(f->d, NULL, &out, &err), HG_OK);
    assert_int_equal(json_array_size(json_object_get(out, "items")), 20);
    assert_true(json_is_null(json_object_get(out, "next_cursor")));
    json_t *first = json_array_get(json_object_get(out, "items"), 0);
    assert_int_equal(json_integer_value(json_object_get(first, "seq")), 20);
    assert_string_equal(json_string_value(json_object_get(first, "actor")), "alice");
    assert_string_equal(json_string_value(json_object_get(first, "request_id")), "req-20");
    assert_int_equal(strlen(json_string_value(json_object_get(first, "at"))), 24);
    assert_int_equal(strlen(json_string_value(json_object_get(first, "hash"))), 64);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(first, "after"), "n")), 20);
    json_t *last = json_array_get(json_object_get(out, "items"), 19);
    assert_true(json_is_null(json_object_get(last, "before")));
    assert_true(json_is_null(json_object_get(last, "request_id")));
    json_decref(out);

    /* Pages of 3 for enterprise E001 (rows 1, 5, 9, 13, 17), newest first. */
    audit_filter flt = {.object_type = "enterprise", .object_id = "E001", .limit = 3};
    assert_int_equal(audit_list_json(f->d, &flt, &out, &err), HG_OK);
    json_t *items = json_object_get(out, "items");
    assert_int_equal(json_array_size(items), 3);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(items, 0), "seq")), 17);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(items, 2), "seq")), 9);
    flt.cursor = json_integer_value(json_object_get(out, "next_cursor"));
    assert_int_equal(flt.cursor, 9);
    json_decref(out);
    assert_int_equal(audit_list_json(f->d, &flt, &out, &err), HG_OK);
    items = json_object_get(out, "items");
    assert_int_equal(json_array_size(items), 2);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(items, 1), "seq")), 1);
    assert_true(json_is_null(json_object_get(out, "next_cursor")));
    json_decref(out);

    /* By actor (bob: rows 3, 6, ... 18) and by time. */
    audit_filter by_actor = {.actor = "bob"};
    assert_int_equal(audit_list_json(f->d, &by_actor, &out, &err), HG_OK);
    assert_int_equal(json_array_size(json_object_get(out, "items")), 6);
    json_decref(out);
    audit_filter future = {.from_ms = now_ms() + 60000};
    assert_int_equal(audit_list_json(f->d, &future, &out, &err), HG_OK);
    assert_int_equal(json_array_size(json_object_get(out, "items")), 0);
    json_decref(out);
    audit_filter past = {.to_ms = 1};
    assert_int_equal(audit_list_json(f->d, &past, &out, &err), HG_OK);
    assert_int_equal(json_array_size(json_object_get(out, "items")), 0);
    json_decref(out);
}

static void test_default_key_dir(void **state)
{
    (void)state;
    char out[64], tiny[8];
    audit_default_key_dir("/var/lib/haiguan/haiguan.db", out, sizeof out);
    assert_string_equal(out, "/var/lib/haiguan/haiguan.db.keys");
    audit_default_key_dir(":memory:", out, sizeof out);
    assert_string_equal(out, "haiguan.keys");
    audit_default_key_dir("postgres://u@h/haiguan", out, sizeof out);
    assert_string_equal(out, "haiguan.keys");
    audit_default_key_dir("haiguan.db", tiny, sizeof tiny);
    assert_string_equal(tiny, "");
}

/* ---- the 21 kinds of tampering of issue 13 §2, and more, in one table ---- */

/* The trail every case starts from: heads every 5 rows (5, 10, 15, 20), an export after row 24
 * (a fresh head at 24, so the file holds 5, 10, 15, 20 and 24), then rows 25-27 (a stored head
 * at 25), which no external head vouches for yet. old.db is the database as it was after row 22. */
#define T_ROWS 27
#define T_EXPORTED 24

typedef struct tamper_case {
    const char *what;
    const char *sql;               /* run with the triggers dropped, or NULL */
    void (*fn)(fx *f);             /* or also this */
    int file;                      /* verify against the exported file too */
    int64_t bad_seq;               /* the row named; 0: refused before any row (a file or pin error) */
    const char *reason;            /* the start of the reason given */
} tamper_case;

/* The checkpoint message keydir signs (audit.c checkpoint_message), for forgers. */
static void sign_head(const keydir_key *k, int64_t seq, const char *head, int64_t at_ms, char sig_hex[129])
{
    char msg[256];
    unsigned char sig[64];
    snprintf(msg, sizeof msg, "haiguan-audit-checkpoint\n%" PRId64 "\n%s\n%" PRId64 "\n%s", seq, head, at_ms, k->id);
    keydir_sign(k, msg, strlen(msg), sig);
    hex_encode(sig, sizeof sig, sig_hex);
}

/* An attacker's own Ed25519 key (made in a directory of its own). */
static void attacker_key(fx *f, keydir_key *k)
{
    char dir[200];
    int created;
    hg_err err;
    snprintf(dir, sizeof dir, "%s/attacker", f->dir);
    assert_int_equal(keydir_load(dir, "evil.key", "the attacker's key", k, &created, &err), HG_OK);
}

static void head_line(FILE *out, const keydir_key *k, int64_t seq, const char *head, int signed_)
{
    char sig[129];
    sign_head(k, seq, head, 1, sig);
    if (signed_)
        fprintf(out,
                "{\"at_ms\":1,\"head_hash\":\"%s\",\"key_id\":\"%s\",\"public_key\":\"%s\",\"seq\":%" PRId64
                ",\"signature\":\"%s\",\"type\":\"head\"}\n",
                head, k->id, k->pk_hex, seq, sig);
    else
        fprintf(out, "{\"at_ms\":1,\"head_hash\":\"%s\",\"seq\":%" PRId64 ",\"type\":\"head\"}\n", head, seq);
}

/* Writes the file as heads of the real chain at 5, 10, ... signed by k (or unsigned). */
static void file_of_heads(fx *f, const keydir_key *k, int signed_)
{
    FILE *out = fopen(f->file, "w");
    assert_non_null(out);
    for (int64_t seq = 5; seq <= T_ROWS; seq += 5) {
        char *h = text_at(f->d, "SELECT hash FROM audit_log WHERE seq = ?", seq);
        head_line(out, k, seq, h, signed_);
        xfree(h);
    }
    fclose(out);
}

static void t_empty_file(fx *f) { spit(f->file, ""); }

static void t_unsigned_file(fx *f)
{
    keydir_key k;
    attacker_key(f, &k);
    file_of_heads(f, &k, 0);
}

static void t_self_signed_file(fx *f)
{
    keydir_key k;
    attacker_key(f, &k);
    file_of_heads(f, &k, 1);
}

/* A head the real key signed (taken from the key directory, as only we could) over a row
 * beyond the chain. */
static void t_head_beyond(fx *f)
{
    keydir_key k;
    hg_err err;
    assert_int_equal(keydir_read(f->keys, "audit-signing.key", "the audit signing key", &k, &err), HG_OK);
    FILE *out = fopen(f->file, "a");
    head_line(out, &k, 40, ZEROS, 1);
    fclose(out);
}

static void t_head_wrong_hash(fx *f) { edit_file(f->file, 2, "\"head_hash\"", flip_hex); }

static void t_forge_plain_row(fx *f)
{
    hg_err err;
    char forged[65];
    char *h = text_at(f->d, "SELECT hash FROM audit_log WHERE seq = ?", T_ROWS);
    audit_row r = {T_ROWS + 1, h, 1, "mallory", "user.create", "user", "mallory", NULL, NULL, "{\"role\":\"admin\"}",
                   NULL};
    assert_int_equal(audit_hash_row(&r, forged, &err), HG_OK);
    assert_int_equal(db_run(f->d, &err,
                            "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, after_json, "
                            "prev_hash, hash) VALUES (?, 1, 'mallory', 'user.create', 'user', 'mallory', "
                            "'{\"role\":\"admin\"}', ?, ?)",
                            "itt", (int64_t)T_ROWS + 1, h, forged),
                     HG_OK);
    xfree(h);
}

static void t_rewrite(fx *f)
{
    sql(f->d, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 3; DELETE FROM audit_checkpoint;");
    rehash(f->d, 3, T_ROWS);
}

/* The case: a consistent rewrite, re-signed by a key the attacker added to the key
 * table. */
static void t_rewrite_resigned(fx *f)
{
    keydir_key k;
    hg_err err;
    char sig[129];
    t_rewrite(f);
    attacker_key(f, &k);
    char *h = text_at(f->d, "SELECT hash FROM audit_log WHERE seq = ?", T_ROWS);
    sign_head(&k, T_ROWS, h, 1, sig);
    assert_int_equal(db_run(f->d, &err, "INSERT INTO audit_key (key_id, public_key, created_ms) VALUES (?, ?, 1)",
                            "tt", k.id, k.pk_hex),
                     HG_OK);
    assert_int_equal(db_run(f->d, &err,
                            "INSERT INTO audit_checkpoint (seq, head_hash, at_ms, key_id, signature) "
                            "VALUES (?, ?, 1, ?, ?)",
                            "ittt", (int64_t)T_ROWS, h, k.id, sig),
                     HG_OK);
    xfree(h);
}

/* An attacker's key in the key table, signing the real head: not ours, so reported. */
static void t_attacker_key(fx *f)
{
    keydir_key k;
    hg_err err;
    char sig[129];
    attacker_key(f, &k);
    char *h = text_at(f->d, "SELECT hash FROM audit_log WHERE seq = ?", 25);
    sign_head(&k, 25, h, 1, sig);
    assert_int_equal(db_run(f->d, &err, "INSERT INTO audit_key (key_id, public_key, created_ms) VALUES (?, ?, 1)",
                            "tt", k.id, k.pk_hex),
                     HG_OK);
    assert_int_equal(db_run(f->d, &err,
                            "INSERT INTO audit_checkpoint (seq, head_hash, at_ms, key_id, signature) "
                            "VALUES (25, ?, 1, ?, ?)",
                            "ttt", h, k.id, sig),
                     HG_OK);
    xfree(h);
}

static void t_rewind(fx *f)
{
    char old[200], wal[200];
    hg_err err;
    db_close(f->d);
    f->d = NULL;
    snprintf(old, sizeof old, "%s/old.db", f->dir);
    assert_int_equal(rename(old, f->path), 0);
    snprintf(wal, sizeof wal, "%s-wal", f->path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", f->path);
    unlink(wal);
    assert_int_equal(db_open(f->path, &f->d, &err), HG_OK);
}

static const char *trust_path(fx *f)
{
    static char p[200];
    snprintf(p, sizeof p, "%s/auditor.trust", f->dir);
    (void)f;
    return p;
}

/* The auditor's pinned entry for our key replaced by the attacker's public key. */
static void t_replace_pin(fx *f)
{
    keydir_key k;
    char id[17], line[200];
    attacker_key(f, &k);
    assert_int_equal(audit_key_id(id), HG_OK);
    snprintf(line, sizeof line, "# pinned by the auditor\n%s %s\n", id, k.pk_hex);
    spit(trust_path(f), line);
}

static const tamper_case tamper_cases[] = {
    {"untouched (control)", NULL, NULL, 1, 0, NULL},
    {"edit a field", "UPDATE audit_log SET after_json = '{\"n\":70}' WHERE seq = 7", NULL, 0, 7,
     "row 7: hash does not match its content"},
    {"delete a middle row", "DELETE FROM audit_log WHERE seq = 9", NULL, 0, 9, "row 9 missing"},
    {"delete the rows since the last periodic head (and its checkpoint)",
     "DELETE FROM audit_log WHERE seq > 20; DELETE FROM audit_checkpoint WHERE seq > 20", NULL, 1, 21,
     "chain is shorter than the exported checkpoint at row 24"},
    {"truncate everything", "DELETE FROM audit_log; DELETE FROM audit_checkpoint; DELETE FROM audit_chain", NULL, 1,
     1, "chain is shorter than the exported checkpoint at row 5"},
    {"reorder two rows",
     "CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE seq IN (10, 11);"
     "UPDATE audit_log SET (at_ms, actor, action, object_type, object_id, request_id, before_json, after_json, "
     "prev_hash, hash) = (SELECT at_ms, actor, action, object_type, object_id, request_id, before_json, after_json, "
     "prev_hash, hash FROM t WHERE t.seq = 21 - audit_log.seq) WHERE seq IN (10, 11)",
     NULL, 0, 10, "row 10: previous hash does not link to row 9"},
    {"duplicate a row",
     "INSERT INTO audit_log SELECT 28, at_ms, actor, action, object_type, object_id, request_id, before_json, "
     "after_json, prev_hash, hash, credential FROM audit_log WHERE seq = 12",
     NULL, 0, 28, "row 28: previous hash does not link to row 27"},
    {"change seq", "UPDATE audit_log SET seq = 100 WHERE seq = 26", NULL, 0, 26,
     "row 26 missing: sequence jumps from 25 to 27"},
    {"change the timestamp", "UPDATE audit_log SET at_ms = at_ms - 86400000 WHERE seq = 14", NULL, 0, 14,
     "row 14: hash does not match its content"},
    {"change the actor", "UPDATE audit_log SET actor = 'mallory' WHERE seq = 16", NULL, 0, 16,
     "row 16: hash does not match its content"},
    {"append a forged row with a correct plain hash", NULL, t_forge_plain_row, 0, 28,
     "row 28: hash does not match its content"},
    {"swap a checkpoint's signature",
     "UPDATE audit_checkpoint SET signature = (SELECT signature FROM audit_checkpoint WHERE seq = 5) WHERE seq = 10",
     NULL, 0, 10, "checkpoint at row 10: signature is not valid"},
    {"consistent rewrite with the checkpoints deleted", NULL, t_rewrite, 1, 3, "row 3: hash does not match its content"},
    {"consistent rewrite re-signed by an attacker's key added to the key table", NULL, t_rewrite_resigned, 1, 3,
     "row 3: hash does not match its content"},
    {"attacker's key in the key table signing a head", NULL, t_attacker_key, 0, 25,
     "checkpoint at row 25: signed by key "},
    {"the auditor's pinned key entry replaced", NULL, t_replace_pin, 1, 0, "trust file "},
    {"empty external file", NULL, t_empty_file, 1, 1,
     "the checkpoint file holds no signed head: rows 1-27 are not anchored"},
    {"unsigned external file", NULL, t_unsigned_file, 1, 5, "exported head at row 5 (line 1) is not signed"},
    {"self-signed external file", NULL, t_self_signed_file, 1, 5, "exported head at row 5: signed by key "},
    {"external head with a wrong hash", NULL, t_head_wrong_hash, 1, 10,
     "exported checkpoint at row 10: signature is not valid"},
    {"external head for a row beyond the chain", NULL, t_head_beyond, 1, 28,
     "chain is shorter than the exported checkpoint at row 40"},
    {"rewind to an older state (a restored copy)", NULL, t_rewind, 1, 23,
     "chain is shorter than the exported checkpoint at row 24"},
    {"delete checkpoint rows and the tail they covered",
     "DELETE FROM audit_log WHERE seq >= 18; DELETE FROM audit_checkpoint WHERE seq >= 18", NULL, 1, 18,
     "chain is shorter than the exported checkpoint at row 20"},
    {"move where keyed hashes start (to pass plain rows as old)", "UPDATE audit_chain SET keyed_from = 20", NULL, 0,
     20, "row 20: where keyed hashes start was moved"},
    {"unseal where keyed hashes start", "UPDATE audit_chain SET seal = NULL", NULL, 0, 1,
     "row 1: where keyed hashes start is not sealed by the chain key"},
};

static void tamper_setup(fx *f, const char *name)
{
    hg_err err;
    char old[200], q[300];
    fx_open(f, name);
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    audit_set_head_policy(5, 3600);
    append_rows(f->d, 1, 22, 1);
    snprintf(old, sizeof old, "%s/old.db", f->dir);
    unlink(old);
    snprintf(q, sizeof q, "VACUUM INTO '%s'", old);
    sql(f->d, q);
    append_rows(f->d, 23, 2, 1);
    unlink(f->file);
    assert_int_equal(audit_export(f->d, f->file, NULL, &err), HG_OK);
    append_rows(f->d, 25, 3, 1);
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_checkpoint"), 6); /* 5, 10, 15, 20, 24, 25 */
}

static void test_tampering_table(void **state)
{
    fx *f = *state;
    for (size_t i = 0; i < sizeof tamper_cases / sizeof tamper_cases[0]; i++) {
        const tamper_case *t = &tamper_cases[i];
        char name[16];
        audit_report rep;
        hg_err err;
        snprintf(name, sizeof name, "t%zu", i);
        tamper_setup(f, name);
        unlink(trust_path(f));
        if (t->sql || t->fn) {
            sql(f->d, "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;"
                      "DROP TRIGGER IF EXISTS audit_checkpoint_no_update; DROP TRIGGER IF EXISTS audit_checkpoint_no_delete;"
                      "DROP TRIGGER IF EXISTS audit_chain_sealed;");
        }
        if (t->sql)
            sql(f->d, t->sql);
        if (t->fn)
            t->fn(f);
        audit_verify_opts o = {.key_dir = f->keys,
                               .checkpoint_file = t->file ? f->file : NULL,
                               .trust_file = access(trust_path(f), F_OK) == 0 ? trust_path(f) : NULL};
        hg_rc rc = audit_verify_with(f->d, &o, &rep, &err);
        if (!t->reason) {
            if (rc)
                fail_msg("%s: false alarm: %s", t->what, err.message);
            /* the rows after the newest external head are reported, not alarmed on */
            assert_int_equal(rep.anchored, T_EXPORTED);
            assert_int_equal(rep.unanchored, T_ROWS - T_EXPORTED);
            assert_int_equal(rep.rows, T_ROWS);
            continue;
        }
        if (rc != HG_INVALID || rep.bad_seq != t->bad_seq || strncmp(rep.reason, t->reason, strlen(t->reason)) != 0)
            fail_msg("%s: expected row %" PRId64 " \"%s\", got rc %d row %" PRId64 " \"%s\" (%s)", t->what, t->bad_seq,
                     t->reason, rc, rep.bad_seq, rep.reason, err.message);
        print_message("     %-72s row %" PRId64 ": %s\n", t->what, rep.bad_seq, rep.reason);
    }
}

/* The server never signs over rows it did not write: a forged row (plain hash) stops the
 * next head, explicit or by rows, and nothing is signed. */
static void test_no_head_over_foreign_rows(void **state)
{
    fx *f = *state;
    hg_err err;
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    audit_set_head_policy(5, 3600);
    append_rows(f->d, 1, 22, 1);
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_checkpoint"), 4);
    char *h = text_at(f->d, "SELECT hash FROM audit_log WHERE seq = ?", 22);
    char forged[65];
    audit_row r = {23, h, 1, "mallory", "user.create", "user", "mallory", NULL, NULL, NULL, NULL};
    assert_int_equal(audit_hash_row(&r, forged, &err), HG_OK);
    assert_int_equal(db_run(f->d, &err,
                            "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, prev_hash, "
                            "hash) VALUES (23, 1, 'mallory', 'user.create', 'user', 'mallory', ?, ?)",
                            "tt", h, forged),
                     HG_OK);
    xfree(h);
    assert_int_equal(audit_checkpoint(f->d, &err), HG_INVALID);
    assert_non_null(strstr(err.message, "refusing to sign the head at row 23"));
    assert_int_equal(audit_checkpoint_job(f->d, &err), HG_INVALID);
    assert_int_equal(audit_export(f->d, f->file, NULL, &err), HG_INVALID);
    /* rows 24 and 25 are genuine, but the head at 25 would vouch for row 23: not signed */
    append_rows(f->d, 24, 2, 1);
    assert_int_equal(count(f->d, "SELECT MAX(seq) FROM audit_checkpoint"), 20);
}

/* A head over rows this process wrote since its last head is signed without walking them
 * again (mine_covers); the shortcut vouches for nothing else. A row rewritten in the database
 * in the middle of such a run does not change the head that is signed, which is the hash of
 * what was written, so verify names the rewritten row; and a row another writer put in
 * between ends the run, so the next head walks and refuses it. */
static void test_head_over_own_rows_only(void **state)
{
    fx *f = *state;
    hg_err err;
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    audit_set_head_policy(5, 3600);
    append_rows(f->d, 1, 12, 1);
    /* row 11, written by this process after the head at 10, is rewritten behind its back */
    drop_triggers(f->d);
    sql(f->d, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 11");
    append_rows(f->d, 13, 3, 1);
    assert_int_equal(count(f->d, "SELECT MAX(seq) FROM audit_checkpoint"), 15);
    expect_broken(f->d, NULL, 11, "row 11: hash does not match its content");

    /* another writer's row between this process's rows: no head over it */
    fx_open(f, "between");
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    append_rows(f->d, 1, 12, 1);
    char *h12 = text_at(f->d, "SELECT hash FROM audit_log WHERE seq = ?", 12);
    assert_int_equal(db_run(f->d, &err,
                            "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, prev_hash, "
                            "hash) VALUES (13, 1, 'mallory', 'user.create', 'user', 'mallory', ?, ?)",
                            "tt", h12, ZEROS),
                     HG_OK);
    xfree(h12);
    append_rows(f->d, 14, 2, 1);
    assert_int_equal(count(f->d, "SELECT MAX(seq) FROM audit_checkpoint"), 10);
}

/* Heads by time: the first write after --audit-head-seconds signs one; the job signs when
 * there are rows since this key's last head, and only then. */
static void test_heads_by_time_and_job(void **state)
{
    fx *f = *state;
    hg_err err;
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    audit_set_head_policy(1000, 1);
    append_rows(f->d, 1, 3, 1);
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_checkpoint"), 0);
    usleep(1100 * 1000);
    append_rows(f->d, 4, 1, 1);
    assert_int_equal(count(f->d, "SELECT MAX(seq) FROM audit_checkpoint"), 4);
    append_rows(f->d, 5, 2, 1);
    assert_int_equal(audit_checkpoint_job(f->d, &err), HG_OK);
    assert_int_equal(count(f->d, "SELECT MAX(seq) FROM audit_checkpoint"), 6);
    assert_int_equal(audit_checkpoint_job(f->d, &err), HG_OK); /* nothing new: nothing signed */
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_checkpoint"), 2);
    /* export appends only what the file lacks */
    int64_t n = 0;
    assert_int_equal(audit_export(f->d, f->file, &n, &err), HG_OK);
    assert_int_equal(n, 2);
    assert_int_equal(audit_export(f->d, f->file, &n, &err), HG_OK);
    assert_int_equal(n, 0);
    append_rows(f->d, 7, 1, 1);
    assert_int_equal(audit_export(f->d, f->file, &n, &err), HG_OK);
    assert_int_equal(n, 1);
    expect_whole(f->d, f->file, 7, 6); /* heads 4, 6, 7: stored and exported */
    audit_keys_unload();
    assert_int_equal(audit_checkpoint_job(f->d, &err), HG_INVALID); /* no key */
}

/* An auditor who pinned only the first key follows a rotation through its signed statement
 * in the exported file, with no key directory of the server's: and refuses a statement that
 * an unpinned key signed. */
static void test_rotation_statement(void **state)
{
    fx *f = *state;
    hg_err err;
    audit_report rep;
    char a[17], b[17], trust[200], elsewhere[200];
    buf pins;
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    assert_int_equal(audit_key_id(a), HG_OK);
    buf_init(&pins, 4096);
    assert_int_equal(audit_pins_text(f->keys, &pins, &err), HG_OK);
    snprintf(trust, sizeof trust, "%s/auditor.trust", f->dir);
    spit(trust, buf_str(&pins));
    buf_free(&pins);
    append_rows(f->d, 1, 4, 1);
    assert_int_equal(audit_rotate_key(f->d, f->keys, b, &err), HG_OK);
    append_rows(f->d, 5, 4, 1);
    assert_int_equal(audit_export(f->d, f->file, NULL, &err), HG_OK);
    char *text = slurp(f->file);
    assert_non_null(strstr(text, "\"type\":\"rotation\""));
    free(text);
    /* The auditor's machine: the chain key only (copied), none of the signing pins. */
    snprintf(elsewhere, sizeof elsewhere, "%s/auditor-keys", f->dir);
    mkdir(elsewhere, 0700);
    unsigned char ck[32];
    assert_int_equal(keydir_secret_read(f->keys, "audit-chain.key", "chain key", ck, 32, &err), HG_OK);
    char ckpath[240], hex[65], line[70];
    snprintf(ckpath, sizeof ckpath, "%s/audit-chain.key", elsewhere);
    hex_encode(ck, 32, hex);
    snprintf(line, sizeof line, "%s\n", hex);
    spit(ckpath, line);
    chmod(ckpath, 0600);
    audit_verify_opts o = {.key_dir = elsewhere, .trust_file = trust, .checkpoint_file = f->file};
    assert_int_equal(audit_verify_with(f->d, &o, &rep, &err), HG_OK);
    assert_int_equal(rep.unanchored, 0);
    /* Without the trust file nothing pins either key there. */
    o.trust_file = NULL;
    assert_int_equal(audit_verify_with(f->d, &o, &rep, &err), HG_INVALID);
    assert_non_null(strstr(rep.reason, "which is not pinned outside the database"));
    /* A trust file others may write is refused. */
    chmod(trust, 0666);
    o.trust_file = trust;
    assert_int_equal(audit_verify_with(f->d, &o, &rep, &err), HG_FORBIDDEN);
    chmod(trust, 0644);
    /* Only the key directory's pins: the current and the retired key. */
    expect_whole(f->d, f->file, 8, 2);
}

/* A database from before keyed hashes: its rows (and a checkpoint of a key since rotated away)
 * stay verifiable as they were, plain up to where the migration recorded the switch; rows
 * after it are keyed; an edit on either side is still caught. */
static void test_switch_from_plain(void **state)
{
    fx *f = *state;
    hg_err err;
    char prev[65] = ZEROS, hash[65], olddir[200], sig[129];
    const migration only10[] = {audit_migrations[0], {0}};
    const migration *before[] = {only10, NULL}, *all[] = {audit_migrations, NULL};
    db_close(f->d);
    snprintf(f->path, sizeof f->path, "%s/old.db", f->dir);
    assert_int_equal(db_open(f->path, &f->d, &err), HG_OK);
    assert_int_equal(db_migrate(f->d, before, NULL, &err), HG_OK);
    for (int64_t seq = 1; seq <= 5; seq++) {
        audit_row r = {seq, prev, 1000 + seq, "alice", "x.update", "x", "X1", NULL, NULL, "{\"n\":1}", NULL};
        assert_int_equal(audit_hash_row(&r, hash, &err), HG_OK);
        assert_int_equal(db_run(f->d, &err,
                                "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, after_json, "
                                "prev_hash, hash) VALUES (?, ?, 'alice', 'x.update', 'x', 'X1', '{\"n\":1}', ?, ?)",
                                "iitt", seq, 1000 + seq, prev, hash),
                         HG_OK);
        memcpy(prev, hash, 65);
    }
    /* the old version's checkpoint at row 5, by a key whose secret is gone */
    keydir_key old;
    int created;
    snprintf(olddir, sizeof olddir, "%s/oldkeys", f->dir);
    assert_int_equal(keydir_load(olddir, "audit-signing.key", "old key", &old, &created, &err), HG_OK);
    sign_head(&old, 5, hash, 1, sig);
    assert_int_equal(db_run(f->d, &err, "INSERT INTO audit_key (key_id, public_key, created_ms) VALUES (?, ?, 1)", "tt",
                            old.id, old.pk_hex),
                     HG_OK);
    assert_int_equal(db_run(f->d, &err,
                            "INSERT INTO audit_checkpoint (seq, head_hash, at_ms, key_id, signature) VALUES (5, ?, 1, "
                            "?, ?)",
                            "ttt", hash, old.id, sig),
                     HG_OK);
    /* the new version: migration 11 records the switch, the first key load seals it */
    assert_int_equal(db_migrate(f->d, all, NULL, &err), HG_OK);
    assert_int_equal(count(f->d, "SELECT keyed_from FROM audit_chain"), 6);
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    append_rows(f->d, 6, 5, 1);
    expect_whole(f->d, NULL, 10, 1);
    audit_report rep;
    assert_int_equal(audit_verify(f->d, NULL, &rep, &err), HG_OK);
    assert_int_equal(rep.keyed_from, 6);
    /* the old key was adopted as a pin at the switch */
    char retired[220];
    snprintf(retired, sizeof retired, "%s/audit-signing.retired", f->keys);
    char *pins = slurp(retired);
    assert_non_null(strstr(pins, old.id));
    free(pins);
    drop_triggers(f->d);
    sql(f->d, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2");
    expect_broken(f->d, NULL, 2, "row 2: hash does not match its content");
    sql(f->d, "UPDATE audit_log SET actor = 'alice' WHERE seq = 2; UPDATE audit_log SET actor = 'mallory' WHERE seq = 8");
    expect_broken(f->d, NULL, 8, "row 8: hash does not match its content");
}

/* A change made through a context names the credential its principal acted with; the hash
 * covers it, so that it cannot be added, changed or removed afterwards (issue 13 §1). */
static void test_credential_recorded(void **state)
{
    fx *f = *state;
    hg_err err;
    principal by_token = {.user_id = 1, .name = "lab01", .token_id = 42};
    principal by_session = {.user_id = 2, .name = "officer", .session_id = 7};
    for (int i = 0; i < 3; i++) {
        hg_ctx c = ctx_command(f->d, i == 2 ? "cli:root" : i ? "officer" : "lab01");
        c.who = i == 2 ? NULL : i ? &by_session : &by_token;
        assert_int_equal(db_begin(f->d, &err), HG_OK);
        assert_int_equal(audit_commit(&c, HG_OK, "x.update", "x", "X1", NULL, NULL, &err), HG_OK);
    }
    char *cred = text_at(f->d, "SELECT credential FROM audit_log WHERE seq = ?", 1);
    assert_string_equal(cred, "token:42");
    xfree(cred);
    cred = text_at(f->d, "SELECT credential FROM audit_log WHERE seq = ?", 2);
    assert_string_equal(cred, "session:7");
    xfree(cred);
    assert_int_equal(count(f->d, "SELECT COUNT(*) FROM audit_log WHERE seq = 3 AND credential IS NULL"), 1);
    expect_whole(f->d, NULL, 3, 0);
    drop_triggers(f->d);
    sql(f->d, "UPDATE audit_log SET credential = 'session:7' WHERE seq = 1");
    expect_broken(f->d, NULL, 1, "row 1: hash does not match its content");
    sql(f->d, "UPDATE audit_log SET credential = 'token:42' WHERE seq = 1;"
              "UPDATE audit_log SET credential = 'token:1' WHERE seq = 3");
    expect_broken(f->d, NULL, 3, "row 3: hash does not match its content");
}

/* ---- every allocation failing in turn ---- */

static void test_allocation_failures(void **state)
{
    fx *f = *state;
    hg_err err;
    audit_report rep;
    assert_int_equal(audit_keys_load(f->d, f->keys, &err), HG_OK);
    append_rows(f->d, 1, 5, 5);
    json_t *after = json_pack("{s:i, s:[i,i]}", "n", 1, "list", 1, 2);
    audit_event e = {"alice", "x", "enterprise", "E1", "req", after, after, NULL};
    int done = 0;
    for (long n = 1; n < 10000 && !done; n++) {
        assert_int_equal(db_begin(f->d, &err), HG_OK);
        mem_fail_after(n);
        hg_rc rc = audit_append(f->d, &e, NULL, &err);
        mem_fail_after(0);
        if (rc == HG_OK) {
            assert_int_equal(db_commit(f->d, &err), HG_OK);
            done = 1;
        } else {
            db_rollback(f->d);
        }
    }
    assert_true(done);
    json_decref(after);
    assert_int_equal(audit_export(f->d, f->file, NULL, &err), HG_OK);
    done = 0;
    for (long n = 1; n < 10000 && !done; n++) {
        mem_fail_after(n);
        hg_rc rc = audit_verify(f->d, f->file, &rep, &err);
        mem_fail_after(0);
        assert_int_not_equal(rc, HG_IO);
        done = rc == HG_OK;
        /* A failed allocation is never reported as tampering with a named row. */
        if (!done && rep.bad_seq)
            fail_msg("allocation %ld: row %" PRId64 ": %s", n, rep.bad_seq, rep.reason);
    }
    assert_true(done);
    done = 0;
    for (long n = 1; n < 10000 && !done; n++) {
        json_t *out = NULL;
        mem_fail_after(n);
        hg_rc rc = audit_list_json(f->d, NULL, &out, &err);
        mem_fail_after(0);
        done = rc == HG_OK;
        assert_true(done ? out != NULL : out == NULL);
        json_decref(out);
    }
    assert_true(done);
    expect_whole(f->d, f->file, 6, 2);
}

int main(void)
{
    mem_init();
    log_set_quiet(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_whole_chain, setup, teardown),
        cmocka_unit_test_setup_teardown(test_escaped_texts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_chain, setup, teardown),
        cmocka_unit_test_setup_teardown(test_triggers_refuse, setup, teardown),
        cmocka_unit_test_setup_teardown(test_edit_each_column, setup, teardown),
        cmocka_unit_test_setup_teardown(test_delete_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_insert_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reorder_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncate_tail, setup, teardown),
        cmocka_unit_test_setup_teardown(test_consistent_rewrite, setup, teardown),
        cmocka_unit_test_setup_teardown(test_key_rotation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_key_file_checks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_auto_checkpoint, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_export, setup, teardown),
        cmocka_unit_test_setup_teardown(test_append_rejects, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_default_key_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tampering_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_head_over_foreign_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_head_over_own_rows_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_heads_by_time_and_job, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rotation_statement, setup, teardown),
        cmocka_unit_test_setup_teardown(test_switch_from_plain, setup, teardown),
        cmocka_unit_test_setup_teardown(test_credential_recorded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_allocation_failures, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
