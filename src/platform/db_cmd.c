/* db_cmd.c — `haiguan db copy`: moves an installation between backends (a port's SQLite
 * file to the district's PostgreSQL, and back), table by table in creation order, in one
 * transaction on the target, then proves the copy: the same row count in every table and
 * an unbroken audit chain on the target.
 *
 * It copies rows, not schema: both sides are first migrated to this binary's version, so
 * the copy is between identical schemas. It knows no table by name; it reads the list from
 * the source's catalog. It is not a replication tool: writers to the source should be
 * stopped (the source is read inside a write transaction so that it holds still). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "buf.h"
#include "cmd.h"
#include "db_impl.h"
#include "mem.h"
#include "module.h"
#include "partition.h"

#define MAX_TABLES 256
#define MAX_COLS 128
#define SQL_MAX 65536

typedef struct table_list {
    int n;
    char *name[MAX_TABLES];
} table_list;

static void tables_free(table_list *t)
{
    for (int i = 0; i < t->n; i++)
        xfree(t->name[i]);
    t->n = 0;
}

static int is_pg(db *d) { return strcmp(db_backend(d), "postgres") == 0; }

/* The user tables of d in creation order (which is migration order, so a table comes
 * after those it references), without schema_migrations: both sides have their own. */
static hg_rc list_tables(db *d, table_list *t, hg_err *err)
{
    const char *sql = is_pg(d) ? "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                 "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
                                 "ORDER BY c.oid"
                               : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
                                 "ORDER BY rowid";
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, sql, NULL);
    if (rc)
        return rc;
    t->n = 0;
    while ((rc = db_step(s, err)) == HG_ROW) {
        const char *name = db_col_text(s, 0);
        if (!name || strcmp(name, "schema_migrations") == 0)
            continue;
        /* names come from our own migrations; anything else would be spliced into SQL */
        if (strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(name)) {
            rc = hg_fail(err, HG_INVALID, "invalid", NULL, "unexpected table name in the source");
            break;
        }
        if (t->n == MAX_TABLES) {
            rc = hg_fail(err, HG_INVALID, "invalid", NULL, "more than %d tables", MAX_TABLES);
            break;
        }
        if (!(t->name[t->n] = xstrdup(name))) {
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
            break;
        }
        t->n++;
    }
    db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

static hg_rc count_rows(db *d, const char *table, int64_t *n, hg_err *err)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM %s", table);
    return db_int(d, n, err, sql, NULL);
}

/* Copies every row of table from src to dst (inside dst's transaction). */
static hg_rc copy_table(db *src, db *dst, const char *table, int64_t *copied, hg_err *err)
{
    char sql[256];
    buf ins;
    db_stmt *s = NULL, *w = NULL;
    int ncol = 0;
    hg_rc rc;
    *copied = 0;
    buf_init(&ins, SQL_MAX);
    snprintf(sql, sizeof sql, "SELECT * FROM %s", table);
    if ((rc = db_query(src, &s, err, sql, NULL)))
        goto out;
    while ((rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        if (!w) {
            /* the insert is built from the first row's column names: same schema both sides */
            ncol = db_col_count(s);
            if (ncol < 1 || ncol > MAX_COLS) {
                /* TRANSLATORS: 1: table; 2: ncol */
                rc = hg_fail(err, HG_INVALID, "invalid", NULL, "table %s has %d columns", table, ncol);
                goto out;
            }
            rc = buf_appendf(&ins, "INSERT INTO %s (", table);
            for (int i = 0; i < ncol && !rc; i++)
                rc = buf_appendf(&ins, "%s%s", i ? ", " : "", db_col_name(s, i));
            if (!rc)
                rc = buf_puts(&ins, ") VALUES (");
            for (int i = 0; i < ncol && !rc; i++)
                rc = buf_puts(&ins, i ? ", ?" : "?");
            if (!rc)
                rc = buf_puts(&ins, ")");
            if (rc) {
                rc = hg_fail(err, rc, NULL, NULL, "cannot build the insert for %s", table);
                goto out;
            }
            if ((rc = db_prepare(dst, buf_str(&ins), &w, err)))
                goto out;
        }
        /* values travel as text: each backend converts to the column's type (BIGINT from
         * "123"), and integers, texts and NULLs are all our schemas hold */
        for (int i = 0; i < ncol && !rc; i++)
            rc = db_col_null(s, i) ? db_bind_null(w, i + 1) : db_bind_text(w, i + 1, db_col_text(s, i));
        if (rc) {
            rc = hg_fail(err, rc, NULL, NULL, "cannot bind a row of %s", table);
            goto out;
        }
        rc = db_step(w, err);
        db_reset(w);
        if (rc != HG_DONE) {
            hg_err inner = *err;
            /* TRANSLATORS: 1: table; 2: message */
            rc = hg_fail(err, rc, inner.code, NULL, "copying %s: %s", table, inner.message);
            goto out;
        }
        (*copied)++;
    }
    rc = rc == HG_DONE ? HG_OK : rc;
out:
    db_reset(s);
    buf_free(&ins);
    return rc;
}

/* PostgreSQL identity columns were given explicit values: move their sequences past them
 * so that the next insert does not collide. */
static hg_rc advance_identities(db *dst, const char *table, hg_err *err)
{
    db_stmt *s;
    char col[64] = "";
    hg_rc rc = db_query(dst, &s, err,
                        "SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = current_schema() AND c.relname = ? AND a.attidentity <> ''",
                        "t", table);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        const char *name = db_col_text(s, 0);
        if (name && strlen(name) < sizeof col && strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(name))
            memcpy(col, name, strlen(name) + 1);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = HG_OK;
    }
    db_reset(s);
    if (rc || !col[0])
        return rc;
    char sql[512];
    int64_t ignored;
    snprintf(sql, sizeof sql,
             "SELECT setval(pg_get_serial_sequence('%s', '%s'), COALESCE(MAX(%s), 0) + 1, false) FROM %s", table, col,
             col, table);
    return db_int(dst, &ignored, err, sql, NULL);
}

/* Empties the target inside the copy's transaction. PostgreSQL (where --force may have
 * let data through): the append-only triggers are switched off for the delete (DDL is
 * transactional there, so they are back on whether it commits or not). */
static hg_rc empty_target(db *dst, const table_list *t, hg_err *err)
{
    char sql[512];
    hg_rc rc = HG_OK;
    for (int i = t->n - 1; i >= 0 && !rc; i--) {
        if (is_pg(dst))
            snprintf(sql, sizeof sql,
                     "ALTER TABLE %s DISABLE TRIGGER USER; DELETE FROM %s; ALTER TABLE %s ENABLE TRIGGER USER",
                     t->name[i], t->name[i], t->name[i]);
        else   /* only seeded rows: the append-only tables are empty, their triggers never fire */
            snprintf(sql, sizeof sql, "DELETE FROM %s", t->name[i]);
        rc = db_exec(dst, sql, err);
    }
    return rc;
}

static int fail(const char *what, const hg_err *err)
{
    fprintf(stderr, "haiguan: %s: %s\n", what, err->message);
    return EXIT_FAIL;
}

static int copy_cmd(cmd_ctx *c, const command *self)
{
    const char *from = cmd_option(c, "--from"), *to = cmd_option(c, "--to");
    int force = cmd_flag(c, "--force");
    if (!from || !to)
        return cmd_usage(self);
    if (strcmp(from, to) == 0) {
        fprintf(stderr, "haiguan: --from and --to name the same database\n");
        return EXIT_USAGE;
    }
    /* opening a SQLite path creates the file: a mistyped --from would "copy" an empty
     * database over the target */
    if (strncmp(from, "postgres", 8) != 0 && access(from, F_OK) != 0) {
        fprintf(stderr, "haiguan: no database file %s\n", from);
        return EXIT_FAIL;
    }
    cmd_ctx sc = *c, dc = *c;
    sc.db_url = from;
    dc.db_url = to;
    table_list src_t = {0}, dst_t = {0};
    hg_err err;
    hg_err_clear(&err);
    int code = EXIT_FAIL, src_tx = 0, dst_tx = 0;
    db *src = cmd_open_db(&sc), *dst = src ? cmd_open_db(&dc) : NULL;
    if (!src || !dst)
        goto out;
    /* the source holds still while it is read: its writers wait for our (never committed)
     * write transaction */
    if (db_begin(src, &err)) {
        fail("cannot lock the source", &err);
        goto out;
    }
    src_tx = 1;
    if (list_tables(src, &src_t, &err) || list_tables(dst, &dst_t, &err)) {
        fail("cannot list the tables", &err);
        goto out;
    }
    for (int i = 0; i < src_t.n; i++) {
        int found = 0;
        for (int j = 0; j < dst_t.n && !found; j++)
            found = strcmp(src_t.name[i], dst_t.name[j]) == 0;
        if (!found) {
            fprintf(stderr, "haiguan: table %s is missing in the target\n", src_t.name[i]);
            goto out;
        }
    }
    if (db_begin(dst, &err)) {
        fail("cannot start the target transaction", &err);
        goto out;
    }
    dst_tx = 1;
    /* A target holds data when it has users or audit rows: every change haiguan makes is
     * audited. A freshly migrated database may still hold rows its migrations seeded
     * (reference data): those are replaced by the source's. */
    int64_t users = 0, audited = 0;
    if (count_rows(dst, "users", &users, &err) || count_rows(dst, "audit_log", &audited, &err)) {
        fail("cannot read the target", &err);
        goto out;
    }
    if ((users || audited) && !force) {
        fprintf(stderr, "haiguan: the target already holds data (%" PRId64 " users, %" PRId64
                " audit rows); --force replaces it\n", users, audited);
        goto out;
    }
    if ((users || audited) && !is_pg(dst)) {
        fprintf(stderr, "haiguan: the target SQLite file holds data; remove the file instead of --force\n");
        goto out;
    }
    if (empty_target(dst, &dst_t, &err)) {
        fail("cannot empty the target", &err);
        goto out;
    }
    if (is_pg(dst))
        db_pg_bulk(dst, 1);
    int64_t total = 0;
    for (int i = 0; i < src_t.n; i++) {
        int64_t n = 0;
        if (copy_table(src, dst, src_t.name[i], &n, &err)) {
            fail("copy failed, nothing written", &err);
            goto out;
        }
        if (is_pg(dst) && advance_identities(dst, src_t.name[i], &err)) {
            fail("cannot advance the identity sequences", &err);
            goto out;
        }
        printf("%-28s %" PRId64 " rows\n", src_t.name[i], n);
        total += n;
    }
    if (db_commit(dst, &err)) {
        fail("cannot commit the copy, nothing written", &err);
        goto out;
    }
    dst_tx = 0;
    if (is_pg(dst))
        db_pg_bulk(dst, 0);
    /* proof, read back from the committed target */
    for (int i = 0; i < src_t.n; i++) {
        int64_t a = 0, b = 0;
        if (count_rows(src, src_t.name[i], &a, &err) || count_rows(dst, src_t.name[i], &b, &err)) {
            fail("cannot count rows", &err);
            goto out;
        }
        if (a != b) {
            fprintf(stderr, "haiguan: table %s: %" PRId64 " rows in the source, %" PRId64 " in the target\n",
                    src_t.name[i], a, b);
            goto out;
        }
    }
    audit_report rep = {0};
    if (audit_verify(dst, NULL, &rep, &err)) {
        fail("the audit chain of the target does not verify", &err);
        goto out;
    }
    printf("copied %" PRId64 " rows in %d tables; row counts match; audit chain whole (%" PRId64 " rows, %" PRId64
           " checkpoints)\n",
           total, src_t.n, rep.rows, rep.checkpoints);
    code = EXIT_OK;
out:
    if (dst_tx)
        db_rollback(dst);
    if (src_tx)
        db_rollback(src);
    tables_free(&src_t);
    tables_free(&dst_t);
    db_close(dst);
    db_close(src);
    return code;
}

static const cmd_opt copy_opts[] = {{"--from", 1}, {"--to", 1}, {"--force", 0}, {NULL, 0}};
static const cmd_sub db_subs[] = {{"copy", copy_cmd, copy_opts}, {NULL, NULL, NULL}};

static const command db_commands[] = {
    {"db", NULL, "db copy --from URL --to URL [--force]", "copy an installation between databases",
     "copy moves every table from one database to another (a SQLite file and a postgres://\n"
     "URL, either way) in one transaction on the target, then checks that every table has\n"
     "the same number of rows on both sides and that the target's audit chain verifies.\n"
     "Both sides are migrated to this version first. A target that holds rows is refused\n"
     "unless --force is given (PostgreSQL targets only; for a SQLite target remove the file).\n"
     "Stop the servers that write to the source first. The audit signing key is a file\n"
     "(--keys): move it with the data.",
     NULL, db_subs},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

const hg_module db_module = {.name = "storage",
                             .summary = "the database: copying between backends, monthly partitions",
                             .migrations = partition_migrations,
                             .migrations_first = 60,
                             .migrations_last = 99,
                             .commands = db_commands,
                             .jobs = partition_jobs};
