/* test_audit.c — the audit trail against a real SQLite file: a whole chain verifies, and
 * every kind of tampering SECURITY.md §15 names (edit, delete, insert, reorder, truncate,
 * a consistent rewrite) is caught and names the first bad row; the append-only triggers
 * refuse; signed checkpoints survive key rotation; a corrupted export is caught; the
 * cleanup paths hold when allocations fail. */
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
    snprintf(f->keys, sizeof f->keys, "%s/%s.db.keys", f->dir, name);
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
                                  "after_json FROM audit_log WHERE seq = ?",
                                  "i", seq),
                         HG_OK);
        assert_int_equal(db_step(s, &err), HG_ROW);
        char *c[7];
        for (int i = 0; i < 7; i++)
            c[i] = xstrdup(db_col_text(s, i + 1));
        audit_row r = {seq, prev, db_col_int(s, 0), c[0], c[1], c[2], c[3], c[4], c[5], c[6]};
        assert_int_equal(audit_hash_row(&r, hash, &err), HG_OK);
        db_reset(s);
        for (int i = 0; i < 7; i++)
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

    /* A row slipped into the middle (in place of row 10) with a hash that is right for
     * its own content: the next row no longer links to it. */
    fx_open(f, "middle");
    append_rows(f->d, 1, 20, 20);
    drop_triggers(f->d);
    sql(f->d, "DELETE FROM audit_log WHERE seq = 10");
    char *h9 = text_at(f->d, "SELECT hash FROM audit_log WHERE seq = ?", 9);
    char forged[65];
    audit_row r = {10, h9, 1, "mallory", "user.create", "user", "mallory", NULL, NULL, "{\"role\":\"admin\"}"};
    assert_int_equal(audit_hash_row(&r, forged, &err), HG_OK);
    assert_int_equal(db_run(f->d, &err,
                            "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, after_json, "
                            "prev_hash, hash) VALUES (10, 1, 'mallory', 'user.create', 'user', 'mallory', "
                            "'{\"role\":\"admin\"}', ?, ?)",
                            "tt", h9, forged),
                     HG_OK);
    expect_broken(f->d, NULL, 11, "row 11: previous hash does not link to row 10");
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
    /* The chain itself is consistent again; the signed checkpoints are not fooled. */
    expect_broken(f->d, NULL, 10, "chain was rewritten: row 10 no longer has the checkpointed head hash");
    sql(f->d, "DELETE FROM audit_checkpoint");
    expect_whole(f->d, NULL, 20, 0);
    expect_broken(f->d, f->file, 10, "chain was rewritten: row 10 no longer has the exported head hash");
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
    /* The old secret is gone from disk; only the current key file remains. */
    char *new_secret = slurp(keyfile);
    assert_string_not_equal(old_secret, new_secret);
    assert_int_equal(count_dir(f->keys), 1);
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
        if (!done)
            assert_int_equal(rep.bad_seq, 0);
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
        cmocka_unit_test_setup_teardown(test_allocation_failures, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
