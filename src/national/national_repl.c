/* national_repl.c — the logical replication between the districts and the national
 * installation (docs/SCALING.md §4): what a district publishes, how the national database
 * receives it, and how headquarters' instructions reach the districts.
 *
 * Logical replication maps a published table to the subscriber's table of the same schema and
 * name. So each district runs in a schema named by its customs code (--schema 0900) and the
 * national database holds a schema of that name with the published tables, and only the
 * columns the statistics read (PostgreSQL 15 column lists: the districts' parties, goods and
 * values never leave them). Instructions live in hq.instructions on both sides.
 *
 * A publication names tables, never views: here the national area names cargo's, tax's and
 * risk's tables, with exactly the columns of the views cargo publishes for the statistics (and
 * the keys), and reads the copies only on the national side; a district's own code never sees
 * a difference.
 *
 * CREATE SUBSCRIPTION cannot run inside a transaction block, and statements of this kind take
 * no parameters: names are checked (national_code_ok) and the URL refused when it holds a
 * quote or a backslash before it is written into the statement. */
#include <stdio.h>
#include <string.h>

#include "../platform/buf.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../risk/risk_store.h"
#include "national.h"

/* What the national figures read, table by table: the columns published (the cargo views'
 * columns and the keys that updates need) and the national side's columns with their types.
 * declared: the national view adds the direction and port of the declaration a row belongs to,
 * joined within each district's branch (by its own key), so that the overview filters by them
 * without a join across the views, which PostgreSQL would plan over every district's rows. */
typedef struct published {
    const char *table, *columns, *ddl, *index;
    int declared;
} published;

static const published tables[] = {
    {"declarations",
     "entry_no, direction, port, bill_no, status, lane, filed_ms, released_ms, gate_out_ms,"
     " with_declarant_ms",
     "entry_no TEXT PRIMARY KEY, direction TEXT, port TEXT, bill_no TEXT, status TEXT, lane TEXT, filed_ms BIGINT,"
     " released_ms BIGINT, gate_out_ms BIGINT, with_declarant_ms BIGINT",
     "released_ms", 0},
    {"manifests", "manifest_no, port, status, arrived_ms",
     "manifest_no TEXT PRIMARY KEY, port TEXT, status TEXT, arrived_ms BIGINT", NULL, 0},
    {"manifest_bills", "manifest_no, line_no, bill_no",
     "manifest_no TEXT, line_no BIGINT, bill_no TEXT, PRIMARY KEY (manifest_no, line_no)", "bill_no", 0},
    {"arrivals", "id, bill_no, container_no, at_ms",
     "id BIGINT PRIMARY KEY, bill_no TEXT, container_no TEXT, at_ms BIGINT", "bill_no", 0},
    {"inspections", "id, entry_no, status, created_ms",
     "id BIGINT PRIMARY KEY, entry_no TEXT, status TEXT, created_ms BIGINT", "created_ms", 1},
    {"tax_bills", "entry_no, issued_ms, total_fen, status, paid_ms, paid_fen",
     "entry_no TEXT PRIMARY KEY, issued_ms BIGINT, total_fen BIGINT, status TEXT, paid_ms BIGINT, paid_fen BIGINT",
     "issued_ms", 1},
    /* hits come up insert-only (a hit is never changed), and only those of instructions */
    {"risk_hits", NULL, "screening_id BIGINT, rule_id BIGINT, lane TEXT, fired BIGINT, at_ms BIGINT", "rule_id", 0},
};
#define N_TABLES (sizeof tables / sizeof tables[0])

int national_code_ok(const char *code)
{
    size_t n = code ? strlen(code) : 0;
    return n >= 1 && n <= 32 && strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789_") == n && strcmp(code, "public") &&
           strcmp(code, "hq");
}

static int is_pg(db *d) { return strcmp(db_backend(d), "postgres") == 0; }

/* PostgreSQL 15 or later: the column lists and row filters of the publications are 15's. */
static hg_rc need_pg(db *d, hg_err *err)
{
    if (!is_pg(d))
        return hg_fail(err, HG_INVALID, "needs_postgresql", "--db",
                       "national replication is PostgreSQL's logical replication: a SQLite installation "
                       "can neither publish nor subscribe");
    int64_t version = 0;
    hg_rc rc = db_int(d, &version, err, "SELECT CAST(current_setting('server_version_num') AS BIGINT)", "");
    if (!rc && version < 150000)
        rc = hg_fail(err, HG_INVALID, "needs_postgresql", "--db",
                     "national replication needs PostgreSQL 15 or later (column lists and row filters); this server "
                     "is %lld",
                     (long long)version);
    return rc;
}

static hg_rc url_ok(const char *url, hg_err *err)
{
    if (!url || strncmp(url, "postgres", 8) || strpbrk(url, "'\\\n\r"))
        return hg_fail(err, HG_INVALID, "invalid", "url",
                       "the other side's database is a postgres:// URL without quotes or backslashes");
    return HG_OK;
}

/* 1 when the query's single count is above 0. */
static hg_rc exists(db *d, int *yes, hg_err *err, const char *sql, const char *name)
{
    int64_t n = 0;
    hg_rc rc = db_int(d, &n, err, sql, "t", name);
    *yes = n > 0;
    return rc;
}

static hg_rc exec_buf(db *d, buf *b, int bad, hg_err *err)
{
    if (bad)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return db_exec(d, buf_str(b), err);
}

/* The installation's schema (its search_path's first), "" when none. */
static hg_rc current_schema(db *d, char *out, size_t n, hg_err *err)
{
    db_stmt *s;
    out[0] = 0;
    hg_rc rc = db_query(d, &s, err, "SELECT current_schema()", "");
    if (rc)
        return rc;
    if ((rc = db_step(s, err)) == HG_ROW && db_col_text(s, 0))
        snprintf(out, n, "%s", db_col_text(s, 0));
    db_reset(s);
    return rc == HG_ROW || rc == HG_DONE ? HG_OK : rc;
}

hg_rc national_publish(db *d, char *did, size_t didlen, hg_err *err)
{
    char schema[64] = "";
    hg_rc rc = need_pg(d, err);
    if (!rc)
        rc = current_schema(d, schema, sizeof schema, err);
    if (rc)
        return rc;
    if (!national_code_ok(schema))
        return hg_fail(err, HG_INVALID, "district_schema", "--schema",
                       "a district publishes from its own schema named by its customs code (--schema 0900), since the "
                       "national database receives each district into a schema of that name; this installation is "
                       "in \"%s\"",
                       schema);
    int have = 0;
    buf b;
    int bad = 0;
    buf_init(&b, 1u << 20);
    /* the figures' tables, with their column lists */
    bad |= (int)buf_appendf(&b, "hg_nat_%s", schema);
    rc = exists(d, &have, err, "SELECT COUNT(*) FROM pg_publication WHERE pubname = ?", buf_str(&b));
    if (!rc && !have) {
        buf_reset(&b);
        bad |= (int)buf_appendf(&b, "CREATE PUBLICATION \"hg_nat_%s\" FOR TABLE ", schema);
        for (size_t i = 0; i < N_TABLES; i++)
            if (tables[i].columns)
                bad |=
                    (int)buf_appendf(&b, "%s\"%s\".%s (%s)", i ? ", " : "", schema, tables[i].table, tables[i].columns);
        rc = exec_buf(d, &b, bad, err);
    }
    /* instructions' hits: insert-only, a row filter keeps the district's own rules' hits home */
    buf_reset(&b);
    bad |= (int)buf_appendf(&b, "hg_nat_hits_%s", schema);
    if (!rc)
        rc = exists(d, &have, err, "SELECT COUNT(*) FROM pg_publication WHERE pubname = ?", buf_str(&b));
    if (!rc && !have) {
        buf_reset(&b);
        bad |=
            (int)buf_appendf(&b,
                             "CREATE PUBLICATION \"hg_nat_hits_%s\" FOR TABLE \"%s\".risk_hits WHERE (rule_id >= %lld)"
                             " WITH (publish = 'insert')",
                             schema, schema, (long long)RISK_INSTRUCTION_FIRST_ID);
        rc = exec_buf(d, &b, bad, err);
    }
    buf_free(&b);
    if (!rc)
        snprintf(did, didlen, "district %s publishes hg_nat_%s and hg_nat_hits_%s", schema, schema, schema);
    return rc;
}

hg_rc national_offer(db *d, char *did, size_t didlen, hg_err *err)
{
    int have = 0;
    hg_rc rc = need_pg(d, err);
    if (!rc)
        rc = exists(d, &have, err, "SELECT COUNT(*) FROM pg_publication WHERE pubname = ?", "haiguan_instructions");
    if (!rc && !have)
        rc = db_exec(d, "CREATE PUBLICATION haiguan_instructions FOR TABLE hq.instructions", err);
    if (!rc)
        snprintf(did, didlen, "the national installation publishes haiguan_instructions");
    return rc;
}

/* The national views: each published table over every registered district, with the district
 * as its first column, for the operators' own queries and the national overview and hits
 * (national_store.c, one query per figure GROUP BY district). */
static hg_rc views_rebuild(db *d, hg_err *err)
{
    db_stmt *s = NULL;
    char codes[64][40];
    size_t n = 0;
    hg_rc rc = db_query(d, &s, err, "SELECT code FROM national_districts ORDER BY code", "");
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        if (n < 64)
            snprintf(codes[n++], sizeof codes[0], "%s", db_col_text(s, 0));
    }
    if (s)
        db_reset(s);
    if (rc != HG_DONE)
        return rc ? rc : hg_fail(err, HG_DB, NULL, NULL, "no districts");
    rc = HG_OK;
    buf b;
    int bad = 0;
    buf_init(&b, 1u << 20);
    for (size_t t = 0; t < N_TABLES && !rc && n; t++) {
        buf_reset(&b);
        bad |= (int)buf_appendf(&b, "DROP VIEW IF EXISTS national_%s; CREATE VIEW national_%s AS ", tables[t].table,
                                tables[t].table);
        for (size_t i = 0; i < n; i++)
            if (tables[t].declared)
                bad |= (int)buf_appendf(&b,
                                        "%sSELECT '%s' AS district, t.*, x.direction, x.port FROM \"%s\".%s t"
                                        " LEFT JOIN \"%s\".declarations x ON x.entry_no = t.entry_no",
                                        i ? " UNION ALL " : "", codes[i], codes[i], tables[t].table, codes[i]);
            else
                bad |= (int)buf_appendf(&b, "%sSELECT '%s' AS district, * FROM \"%s\".%s", i ? " UNION ALL " : "",
                                        codes[i], codes[i], tables[t].table);
        rc = exec_buf(d, &b, bad, err);
    }
    /* The subscription is made by a superuser (PostgreSQL 15), the servers may run as the role
     * that owns the installation: it reads every district's copy and the views. */
    char owner[64] = "";
    if (!rc && !(rc = db_query(d, &s, err,
                               "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename ="
                               " 'national_districts' AND tableowner <> current_user",
                               ""))) {
        if ((rc = db_step(s, err)) == HG_ROW && db_col_text(s, 0))
            snprintf(owner, sizeof owner, "%s", db_col_text(s, 0));
        db_reset(s);
        rc = rc == HG_ROW || rc == HG_DONE ? HG_OK : rc;
    }
    if (!rc && owner[0] && !strchr(owner, '"')) {
        buf_reset(&b);
        for (size_t i = 0; i < n; i++)
            bad |= (int)buf_appendf(&b,
                                    "GRANT USAGE ON SCHEMA \"%s\" TO \"%s\"; GRANT SELECT ON ALL TABLES IN SCHEMA"
                                    " \"%s\" TO \"%s\";",
                                    codes[i], owner, codes[i], owner);
        for (size_t t = 0; t < N_TABLES && n; t++)
            bad |= (int)buf_appendf(&b, "GRANT SELECT ON national_%s TO \"%s\";", tables[t].table, owner);
        rc = exec_buf(d, &b, bad, err);
    }
    buf_free(&b);
    return rc;
}

hg_rc national_subscribe(db *d, const char *code, const char *url, char *did, size_t didlen, hg_err *err)
{
    hg_rc rc = need_pg(d, err);
    if (rc)
        return rc;
    if (!national_code_ok(code))
        return hg_fail(err, HG_INVALID, "invalid", "--district",
                       "a district is its customs code, the name of its schema: 1 to 32 of a-z, 0-9 and _");
    if ((rc = url_ok(url, err)))
        return rc;
    char offered[128];
    if ((rc = national_offer(d, offered, sizeof offered, err)))
        return rc;
    buf b;
    int bad = 0;
    buf_init(&b, 1u << 20);
    bad |= (int)buf_appendf(&b, "CREATE SCHEMA IF NOT EXISTS \"%s\";", code);
    for (size_t i = 0; i < N_TABLES; i++) {
        bad |= (int)buf_appendf(&b, "CREATE TABLE IF NOT EXISTS \"%s\".%s (%s);", code, tables[i].table, tables[i].ddl);
        if (tables[i].index)
            bad |= (int)buf_appendf(&b, "CREATE INDEX IF NOT EXISTS %s_%s ON \"%s\".%s (%s);", tables[i].table,
                                    tables[i].index, code, tables[i].table, tables[i].index);
    }
    if (!(rc = db_begin(d, err))) {
        rc = exec_buf(d, &b, bad, err);
        rc = rc ? (db_rollback(d), rc) : db_commit(d, err);
    }
    int have = 0;
    buf_reset(&b);
    bad |= (int)buf_appendf(&b, "hg_nat_%s", code);
    if (!rc)
        rc = exists(d, &have, err, "SELECT COUNT(*) FROM pg_subscription WHERE subname = ?", buf_str(&b));
    if (!rc && !have) { /* a new subscription copies every row again: start from none */
        buf_reset(&b);
        bad |= (int)buf_appendf(&b, "TRUNCATE");
        for (size_t i = 0; i < N_TABLES; i++)
            bad |= (int)buf_appendf(&b, "%s \"%s\".%s", i ? "," : "", code, tables[i].table);
        rc = exec_buf(d, &b, bad, err);
        buf_reset(&b);
    }
    if (!rc && !have) { /* outside any transaction: it makes the slot on the district's cluster */
        buf_reset(&b);
        bad |= (int)buf_appendf(
            &b, "CREATE SUBSCRIPTION \"hg_nat_%s\" CONNECTION '%s' PUBLICATION \"hg_nat_%s\", \"hg_nat_hits_%s\"", code,
            url, code, code);
        rc = exec_buf(d, &b, bad, err);
    }
    buf_free(&b);
    if (!rc && !(rc = db_begin(d, err))) {
        rc = db_run(d, err,
                    "INSERT INTO national_districts (code, subscribed_ms) VALUES (?, ?) ON CONFLICT (code) DO NOTHING",
                    "ti", code, now_ms());
        if (!rc)
            rc = views_rebuild(d, err);
        rc = rc ? (db_rollback(d), rc) : db_commit(d, err);
    }
    if (!rc)
        snprintf(did, didlen, "district %s: subscription hg_nat_%s into schema \"%s\"%s", code, code, code,
                 have ? " (there already)" : "");
    return rc;
}

hg_rc national_follow(db *d, const char *url, char *did, size_t didlen, hg_err *err)
{
    hg_rc rc = need_pg(d, err);
    if (!rc)
        rc = url_ok(url, err);
    char schema[64] = "";
    if (!rc)
        rc = current_schema(d, schema, sizeof schema, err);
    if (rc)
        return rc;
    if (!national_code_ok(schema))
        return hg_fail(err, HG_INVALID, "district_schema", "--schema",
                       "a district follows headquarters from its own schema named by its customs code (--schema 0900)");
    /* one subscription per database: districts sharing one read the same hq.instructions */
    int have = 0;
    rc = exists(d, &have, err,
                "SELECT COUNT(*) FROM pg_subscription s JOIN pg_database b ON b.oid = s.subdbid"
                " WHERE b.datname = current_database() AND ? = ANY (s.subpublications)",
                "haiguan_instructions");
    if (!rc && !have) {
        buf b;
        int bad = 0;
        buf_init(&b, 1u << 20);
        bad |= (int)buf_appendf(&b, "CREATE SUBSCRIPTION \"hg_hq_%s\" CONNECTION '%s' PUBLICATION haiguan_instructions",
                                schema, url);
        rc = exec_buf(d, &b, bad, err);
        buf_free(&b);
    }
    if (!rc)
        snprintf(did, didlen, "%s",
                 have ? "this database follows headquarters already"
                      : "this database follows headquarters' instructions");
    return rc;
}
