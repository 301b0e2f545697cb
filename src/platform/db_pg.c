/* db_pg.c — the PostgreSQL backend of db.h, through libpq.
 *
 * It gives callers the semantics they already rely on with SQLite, so that no area writes
 * backend-specific code:
 * - `?` placeholders become $1..$n (not inside quoted strings, identifiers or comments);
 *   statements are prepared once per connection under generated names and cached by their
 *   SQL text; parameters and results travel in text format.
 * - db_begin is "BEGIN; SELECT pg_advisory_xact_lock(K)" at READ COMMITTED: one writer
 *   at a time across every server on the database, like SQLite's BEGIN IMMEDIATE, so a
 *   read-then-write inside a transaction (audit seq = max + 1, entry-number serials,
 *   "released already?") cannot be raced. READ COMMITTED matters: each statement's
 *   snapshot is taken after the lock was granted, so it sees every earlier writer's
 *   commit (REPEATABLE READ would take its snapshot before waiting). The price is that
 *   write transactions are serialised database-wide (docs/SCALING.md); reads outside
 *   db_begin run in parallel.
 * - A failed statement inside a transaction fails that statement only, as in SQLite
 *   (callers look up which field conflicted after a unique violation): every write inside
 *   a transaction runs under a savepoint, rolled back on error. The previous savepoint is
 *   released in the same round trip as the next one is taken.
 * - Errors: SQLSTATE class 23 and P0001 (a trigger's RAISE) are HG_CONFLICT, class 22 (a
 *   value the server refuses, such as text that is not UTF-8) HG_INVALID; a lost
 *   connection, class 08, 57P0x, 53xxx and lock/serialisation failures are HG_UNAVAILABLE.
 *   After a lost connection the next use resets it (PQreset) and re-prepares; a
 *   transaction that lost its connection refuses every statement until ROLLBACK, so
 *   nothing of it can run outside a transaction by accident.
 *
 * - Pipelined writes: inside an optimistic group (the group-commit writer's first run of a
 *   batch, db_group_begin_optimistic) a write whose rows nobody reads (no RETURNING) is sent
 *   in libpq's pipeline mode and not waited for; the next statement whose result is needed (a
 *   read, a RETURNING, db_changes, the commit) goes in the same pipeline and one round trip
 *   answers them all (drain). The server runs them in order, so a read sees the writes sent
 *   before it. Such a group takes no statement savepoints: a failure of any statement, the
 *   deferred ones included, spoils the group (db_group_spoiled), and the writer runs the batch
 *   again with a savepoint per job, where every statement is waited for as before, so each
 *   failure is answered at the statement that caused it (docs/SCALING.md).
 *
 * Not streamed: a statement's whole result is fetched at its first step (PQexecPrepared),
 * which lets a caller run other statements while iterating one, as SQLite allows. Walks
 * over unbounded tables page instead (audit verify: WHERE seq > ? LIMIT n); see
 * docs/SCALING.md. */
#include <libpq-fe.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "db_constraint.h"
#include "db_impl.h"
#include "log.h"
#include "mem.h"

#define CACHE_BUCKETS 256
#define TEXT_OID 25
/* "haiguan" in ASCII: the advisory lock every write transaction takes in the public schema
 * (a district in a schema of its own takes its schema's, schema_setup). */
#define WRITE_LOCK_KEY_NUM 29380502913114478LL

typedef struct pg_stmt {
    db_stmt base;
    struct pg_db *owner;
    char *sql;              /* the caller's text: the cache key */
    char *pgsql;            /* with $n placeholders */
    char name[24];          /* server-side prepared statement name */
    unsigned generation;    /* connection generation it was prepared in */
    int nparams;
    unsigned *types;        /* nparams parameter type OIDs, 0 = let the server infer */
    char **vals;            /* nparams bound values (xmalloc'd) or NULL for SQL NULL */
    int write;              /* INSERT/UPDATE/DELETE: savepoint inside transactions */
    int returning;          /* a write with RETURNING: its caller reads its rows */
    int read;               /* SELECT: safe to retry once after a lost idle connection */
    PGresult *res;          /* result of the current execution, or NULL */
    int row;                /* current row in res */
    struct pg_stmt *next;   /* bucket chain */
} pg_stmt;

typedef struct pg_db {
    db base;
    PGconn *conn;
    unsigned generation;    /* bumped by every reset: prepared statements are gone */
    unsigned next_name;
    int64_t changes;
    int savepoint;          /* a statement savepoint is open in the current transaction */
    int tx_lost;            /* the connection died inside a transaction: only ROLLBACK runs */
    int sent_in_tx;         /* the last command was sent inside a transaction */
    int bulk;               /* db_pg_bulk: no statement savepoints */
    int pending;            /* writes sent in pipeline mode whose results are not read yet */
    int64_t salt;           /* the schema's: 0 for public, else a hash of its name */
    char begin_sql[128];    /* BEGIN and the write lock of this connection's schema */
    pg_stmt *cache[CACHE_BUCKETS];
} pg_db;

static void quiet_notices(void *arg, const char *message)
{
    /* NOTICEs ("relation already exists, skipping") are not events; errors come back as
     * results and are reported by the caller. */
    (void)arg;
    (void)message;
}

/* First line of libpq's message, which ends in a newline and may continue with DETAIL. */
static void first_line(const char *msg, char *out, size_t n)
{
    size_t len = msg ? strcspn(msg, "\n") : 0;
    if (len >= n)
        len = n - 1;
    if (len)
        memcpy(out, msg, len);
    out[len] = '\0';
}

static int conn_bad(pg_db *p) { return PQstatus(p->conn) != CONNECTION_OK; }

/* Maps a failed result (or none at all, when libpq could not even send) to hg_rc. The
 * message is PostgreSQL's primary message, which names the constraint but never
 * carries the SQL or the data. */
static hg_rc pg_error(pg_db *p, const PGresult *res, hg_err *err)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    char line[200];
    first_line(primary ? primary : PQerrorMessage(p->conn), line, sizeof line);
    if (conn_bad(p) || !res) {
        if (p->sent_in_tx)
            p->tx_lost = 1;
        return hg_fail(err, HG_UNAVAILABLE, "unavailable", NULL, "database connection lost: %s", line);
    }
    if (!state)
        return hg_fail(err, HG_DB, "storage_error", NULL, "%s", line);
    if (strncmp(state, "23", 2) == 0 || strcmp(state, "P0001") == 0) {
        /* our own message naming the column; PostgreSQL's English goes to the log (issue 16) */
        char column[64];
        db_constraint_kind kind =
            db_constraint_pg(state, PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME),
                             PQresultErrorField(res, PG_DIAG_COLUMN_NAME), PQresultErrorField(res, PG_DIAG_TABLE_NAME),
                             PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL), column, sizeof column);
        return db_constraint_fail(err, kind, column, line);
    }
    /* class 22, data exception: a value the server refuses (text that is not UTF-8, a number
     * out of range) is bad input that SQLite would have stored or compared; 400, not 500.
     * The server's English (which may quote the value) goes to the log only. */
    if (strncmp(state, "22", 2) == 0) {
        log_info("db: PostgreSQL refused a value (%s): %s", state, line);
        return hg_fail(err, HG_INVALID, "invalid", NULL, "a value is not acceptable to the database");
    }
    if (strncmp(state, "08", 2) == 0 || strncmp(state, "57P0", 4) == 0 || strncmp(state, "53", 2) == 0)
        return hg_fail(err, HG_UNAVAILABLE, "unavailable", NULL, "database unavailable: %s", line);
    if (strncmp(state, "40", 2) == 0 || strcmp(state, "55P03") == 0)
        return hg_fail(err, HG_UNAVAILABLE, "busy", NULL, "database is busy");
    return hg_fail(err, HG_DB, "storage_error", NULL, "%s", line);
}

/* A schema name haiguan accepts (--schema, or the first entry of the URL's search_path):
 * lower-case letters, digits and '_', at most 63 bytes (PostgreSQL's identifier length), so
 * that it can be quoted without escaping. A customs code such as 0900 is one. */
static int db_pg_schema_ok(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > 63)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') || name[i] == '_'))
            return 0;
    return 1;
}

/* The write lock of a schema: the historical constant for public (an installation that uses
 * no schema keeps its key), else FNV-1a 64 of "haiguan:" and the name. */
static int64_t schema_salt(const char *schema)
{
    if (strcmp(schema, "public") == 0)
        return 0;
    uint64_t h = 14695981039346656037ULL;
    for (const char *c = "haiguan:"; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211ULL;
    for (const char *c = schema; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211ULL;
    return (int64_t)(h & 0x7fffffffffffffffULL);
}

static hg_rc one_command(pg_db *p, const char *sql, hg_err *err)
{
    PGresult *r = PQexec(p->conn, sql);
    hg_rc rc = PQresultStatus(r) == PGRES_COMMAND_OK ? HG_OK : pg_error(p, r, err);
    PQclear(r);
    return rc;
}

/* This connection's schema (a district's installation, docs/SCALING.md): the first of its
 * search_path, made when it does not exist yet (the first `haiguan init` of a district), and
 * the write lock that goes with it. */
static hg_rc schema_setup(pg_db *p, hg_err *err)
{
    PGresult *r = PQexec(p->conn, "SELECT current_schema(), current_setting('search_path')");
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
        hg_rc rc = pg_error(p, r, err);
        PQclear(r);
        return rc;
    }
    char schema[64] = "";
    hg_rc rc = HG_OK;
    if (!PQgetisnull(r, 0, 0)) {
        snprintf(schema, sizeof schema, "%s", PQgetvalue(r, 0, 0));
    } else {
        /* the first entry of the search path, unquoted: it names a schema not made yet */
        const char *path = PQgetvalue(r, 0, 1);
        size_t n = strcspn(path, ",");
        while (n && path[n - 1] == ' ')
            n--;
        path += strspn(path, " ");
        if (n >= 2 && path[0] == '"' && path[n - 1] == '"')
            path++, n -= 2;
        if (n < sizeof schema)
            memcpy(schema, path, n), schema[n] = '\0';
        if (!db_pg_schema_ok(schema))
            rc = hg_fail(err, HG_INVALID, "invalid", "schema",
                         "the search path's first schema must be 1 to 63 of a-z, 0-9 and '_'");
        char sql[128];
        snprintf(sql, sizeof sql, "CREATE SCHEMA IF NOT EXISTS \"%s\"", schema);
        if (!rc)
            rc = one_command(p, sql, err);
    }
    PQclear(r);
    if (rc)
        return rc;
    p->salt = schema_salt(schema);
    snprintf(p->begin_sql, sizeof p->begin_sql,
             "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(%" PRId64 ")",
             p->salt ? p->salt : (int64_t)WRITE_LOCK_KEY_NUM);
    return HG_OK;
}

/* Per-session settings, after every (re)connection. synchronous_commit=on so that an
 * acknowledged write is on disk (SECURITY.md §14) whatever the server's default. */
static hg_rc session_setup(pg_db *p, hg_err *err)
{
    PQsetNoticeProcessor(p->conn, quiet_notices, NULL);
    if (PQsetClientEncoding(p->conn, "UTF8") != 0)
        return pg_error(p, NULL, err);
    hg_rc rc = one_command(p, "SET synchronous_commit = on; SET application_name = 'haiguan'", err);
    return rc ? rc : schema_setup(p, err);
}

/* Makes the connection usable: resets it if it was lost. */
static hg_rc pg_ready(pg_db *p, hg_err *err)
{
    if (!conn_bad(p))
        return HG_OK;
    PQreset(p->conn);
    p->generation++;
    p->savepoint = 0;
    p->pending = 0;
    if (conn_bad(p)) {
        char line[200];
        first_line(PQerrorMessage(p->conn), line, sizeof line);
        return hg_fail(err, HG_UNAVAILABLE, "unavailable", NULL, "cannot reach the database: %s", line);
    }
    return session_setup(p, err);
}

static void stmt_clear(pg_stmt *s)
{
    PQclear(s->res);
    s->res = NULL;
    s->row = -1;
    for (int i = 0; i < s->nparams; i++) {
        xfree(s->vals[i]);
        s->vals[i] = NULL;
    }
}

static void pg_close(db *d)
{
    pg_db *p = (pg_db *)d;
    for (int i = 0; i < CACHE_BUCKETS; i++)
        for (pg_stmt *s = p->cache[i], *next; s; s = next) {
            next = s->next;
            stmt_clear(s);
            xfree(s->vals);
            xfree(s->types);
            xfree(s->sql);
            xfree(s->pgsql);
            xfree(s);
        }
    PQfinish(p->conn);
    xfree(p);
}

static hg_rc pg_open(const char *url, db **out, hg_err *err)
{
    pg_db *p = xcalloc(1, sizeof *p);
    if (!p)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    p->base.ops = &db_pg_ops;
    /* A connect timeout unless the URL sets one (later keywords win over the expanded URL,
     * so it comes first): a database host that does not answer must give a 503 in seconds,
     * not hold a server thread for the kernel's TCP timeout. */
    /* --schema (HAIGUAN_DB_SCHEMA, main.c) comes last: it wins over the URL's options */
    const char *schema = getenv("HAIGUAN_DB_SCHEMA");
    char options[96];
    if (schema && *schema && !db_pg_schema_ok(schema)) {
        xfree(p);
        return hg_fail(err, HG_INVALID, "invalid", "schema", "--schema must be 1 to 63 of a-z, 0-9 and '_'");
    }
    snprintf(options, sizeof options, "-csearch_path=\"%s\"", schema ? schema : "");
    const char *const keys[] = {"connect_timeout", "dbname", schema && *schema ? "options" : NULL, NULL};
    const char *const vals[] = {"5", url, options, NULL};
    p->conn = PQconnectdbParams(keys, vals, 1);
    if (!p->conn) {
        xfree(p);
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    hg_rc rc = HG_OK;
    if (conn_bad(p)) {
        /* libpq's message names host and port, never the password */
        char line[200];
        first_line(PQerrorMessage(p->conn), line, sizeof line);
        rc = hg_fail(err, HG_UNAVAILABLE, "unavailable", "db", "cannot connect to PostgreSQL: %s", line);
    }
    if (!rc)
        rc = session_setup(p, err);
    if (rc) {
        pg_close(&p->base);
        return rc;
    }
    *out = &p->base;
    return HG_OK;
}

static int starts_with_word(const char *sql, const char *word)
{
    sql += strspn(sql, " \t\r\n(");
    size_t n = strlen(word);
    return strncasecmp(sql, word, n) == 0 && !((sql[n] >= 'A' && sql[n] <= 'Z') || (sql[n] >= 'a' && sql[n] <= 'z'));
}

static hg_rc drain(pg_db *p, struct pg_stmt *last, hg_err *err);

/* Runs sql (possibly several statements, no parameters). */
static hg_rc pg_exec(db *d, const char *sql, hg_err *err)
{
    pg_db *p = (pg_db *)d;
    /* the end of the whole transaction, not ROLLBACK TO SAVEPOINT */
    int rollback = starts_with_word(sql, "ROLLBACK") && !strcasestr(sql, " TO ");
    int begin = starts_with_word(sql, "BEGIN");
    if (rollback && conn_bad(p)) {
        p->tx_lost = 0;
        return HG_OK;   /* nothing to roll back on a connection that is gone */
    }
    /* the writes waiting are answered first; a failure among them fails a COMMIT (the caller
     * then rolls back), not a ROLLBACK */
    hg_rc drc = drain(p, NULL, err);
    if (drc && !rollback)
        return drc;
    if (p->tx_lost) {
        if (!rollback && !begin)
            return hg_fail(err, HG_UNAVAILABLE, "unavailable", NULL, "database connection lost in a transaction");
        p->tx_lost = 0;
    }
    for (int attempt = 0;; attempt++) {
        hg_rc rc = pg_ready(p, err);
        if (rc)
            return rc;
        int was_idle = PQtransactionStatus(p->conn) == PQTRANS_IDLE;
        p->sent_in_tx = !was_idle;
        PGresult *r = PQexec(p->conn, sql);
        ExecStatusType st = PQresultStatus(r);
        rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? HG_OK : pg_error(p, r, err);
        PQclear(r);
        /* whatever the caller ran (BEGIN, COMMIT, ROLLBACK, its own SAVEPOINT or ROLLBACK TO),
         * ours may be gone or shadowed: the next write takes a new one */
        p->savepoint = 0;
        /* BEGIN on a connection that died while idle changed nothing: try it once more */
        if (rc == HG_UNAVAILABLE && begin && was_idle && attempt == 0 && conn_bad(p)) {
            p->tx_lost = 0;
            continue;
        }
        if (rc && rollback)
            p->tx_lost = 0;
        return rc;
    }
}

/* Copy of sql with `?` turned into $1..$n outside quotes and comments; *n gets n. */
static char *translate(const char *sql, int *n)
{
    buf b;
    buf_init(&b, 4 * strlen(sql) + 64);
    hg_rc rc = HG_OK;
    *n = 0;
    for (const char *c = sql; *c && !rc;) {
        if (*c == '\'' || *c == '"') {
            const char *end = strchr(c + 1, *c);
            size_t len = end ? (size_t)(end - c) + 1 : strlen(c);
            rc = buf_append(&b, c, len);
            c += len;
        } else if (c[0] == '-' && c[1] == '-') {
            size_t len = strcspn(c, "\n");
            rc = buf_append(&b, c, len);
            c += len;
        } else if (*c == '?') {
            rc = buf_appendf(&b, "$%d", ++*n);
            c++;
        } else {
            rc = buf_append(&b, c++, 1);
        }
    }
    if (rc) {
        buf_free(&b);
        return NULL;
    }
    return buf_take(&b);
}

/* Parameter number named by "could not determine data type of parameter $N", or 0. */
static int indeterminate_param(const PGresult *r)
{
    const char *msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
    const char *dollar = msg ? strrchr(msg, '$') : NULL;
    if (!dollar)
        return 0;
    char *end;
    errno = 0;
    long v = strtol(dollar + 1, &end, 10);
    return errno || end == dollar + 1 || v < 1 || v > 65535 ? 0 : (int)v;
}

/* Prepares s on the server under its name. A parameter whose type the server cannot
 * infer (`? IS NULL`) is declared text and the prepare retried: any text-format value is
 * valid text, and such a parameter is only tested for NULL or compared as text. */
static hg_rc server_prepare(pg_stmt *s, hg_err *err)
{
    pg_db *p = s->owner;
    for (int tries = 0; tries <= s->nparams; tries++) {
        PGresult *r = PQprepare(p->conn, s->name, s->pgsql, s->nparams, s->types);
        ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_COMMAND_OK) {
            PQclear(r);
            s->generation = p->generation;
            return HG_OK;
        }
        const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        int k = state && strcmp(state, "42P18") == 0 ? indeterminate_param(r) : 0;
        if (k >= 1 && k <= s->nparams && s->types[k - 1] == 0) {
            s->types[k - 1] = TEXT_OID;
            PQclear(r);
            continue;
        }
        hg_rc rc = pg_error(p, r, err);
        PQclear(r);
        if (rc == HG_CONFLICT)   /* a constraint cannot fail at prepare; keep err consistent */
            rc = hg_fail(err, HG_DB, "storage_error", NULL, "cannot prepare statement");
        return rc;
    }
    return hg_fail(err, HG_DB, "storage_error", NULL, "cannot prepare statement");
}

static unsigned sql_hash(const char *s)
{
    unsigned h = 2166136261u;   /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h % CACHE_BUCKETS;
}

static hg_rc pg_prepare(db *d, const char *sql, db_stmt **out, hg_err *err)
{
    pg_db *p = (pg_db *)d;
    unsigned h = sql_hash(sql);
    for (pg_stmt *s = p->cache[h]; s; s = s->next)
        if (strcmp(s->sql, sql) == 0) {
            *out = &s->base;
            return HG_OK;
        }
    if (p->tx_lost)
        return hg_fail(err, HG_UNAVAILABLE, "unavailable", NULL, "database connection lost in a transaction");
    hg_rc rc = drain(p, NULL, err);
    if (!rc)
        rc = pg_ready(p, err);
    if (rc)
        return rc;
    pg_stmt *s = xcalloc(1, sizeof *s);
    if (!s)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    s->base.ops = &db_pg_ops;
    s->owner = p;
    s->row = -1;
    s->sql = xstrdup(sql);
    s->pgsql = translate(sql, &s->nparams);
    s->types = xcalloc((size_t)s->nparams + 1, sizeof *s->types);
    s->vals = xcalloc((size_t)s->nparams + 1, sizeof *s->vals);
    if (!s->sql || !s->pgsql || !s->types || !s->vals) {
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        goto fail;
    }
    if (strchr(s->pgsql, ';') && s->pgsql[strspn(strchr(s->pgsql, ';'), " \t\r\n;")]) {
        /* one statement per prepare, as with SQLite (the server would refuse it anyway) */
        rc = hg_fail(err, HG_INTERNAL, "internal", NULL, "more than one SQL statement given to db_prepare");
        goto fail;
    }
    s->write = starts_with_word(sql, "INSERT") || starts_with_word(sql, "UPDATE") ||
               starts_with_word(sql, "DELETE") || starts_with_word(sql, "WITH");
    s->read = starts_with_word(sql, "SELECT");
    s->returning = strcasestr(sql, "RETURNING") != NULL;
    snprintf(s->name, sizeof s->name, "hg%u", ++p->next_name);
    int was_idle = PQtransactionStatus(p->conn) == PQTRANS_IDLE;
    p->sent_in_tx = !was_idle;
    rc = server_prepare(s, err);
    /* a connection that died while idle (the server restarted) is noticed only now:
     * nothing was lost, so reconnect and prepare once more */
    if (rc == HG_UNAVAILABLE && was_idle && conn_bad(p) && !(rc = pg_ready(p, err)))
        rc = server_prepare(s, err);
    if (rc)
        goto fail;
    s->next = p->cache[h];
    p->cache[h] = s;
    *out = &s->base;
    return HG_OK;
fail:
    xfree(s->sql);
    xfree(s->pgsql);
    xfree(s->types);
    xfree(s->vals);
    xfree(s);
    return rc;
}

static hg_rc set_param(pg_stmt *s, int i, const char *v)
{
    if (i < 1 || i > s->nparams)
        return HG_DB;
    char *copy = NULL;
    if (v && !(copy = xstrdup(v)))
        return HG_NOMEM;
    xfree(s->vals[i - 1]);
    s->vals[i - 1] = copy;
    return HG_OK;
}

static hg_rc pg_bind_int(db_stmt *st, int i, int64_t v)
{
    char txt[24];
    snprintf(txt, sizeof txt, "%" PRId64, v);
    return set_param((pg_stmt *)st, i, txt);
}

static hg_rc pg_bind_text(db_stmt *st, int i, const char *v) { return set_param((pg_stmt *)st, i, v); }
static hg_rc pg_bind_null(db_stmt *st, int i) { return set_param((pg_stmt *)st, i, NULL); }

/* Runs a simple command that needs no result; used for the statement savepoints. */
static hg_rc simple(pg_db *p, const char *sql, hg_err *err)
{
    hg_rc rc0 = drain(p, NULL, err);
    if (rc0)
        return rc0;
    p->sent_in_tx = 1;
    PGresult *r = PQexec(p->conn, sql);
    hg_rc rc = PQresultStatus(r) == PGRES_COMMAND_OK ? HG_OK : pg_error(p, r, err);
    PQclear(r);
    return rc;
}

static int is_change(const PGresult *r)
{
    const char *tag = PQcmdStatus((PGresult *)r);
    return strncmp(tag, "INSERT", 6) == 0 || strncmp(tag, "UPDATE", 6) == 0 || strncmp(tag, "DELETE", 6) == 0 ||
           strncmp(tag, "MERGE", 5) == 0;
}

/* The next result of a pipeline up to its sync: NULL once the sync's result came (*synced
 * then 1) or when nothing more will come (two NULLs in a row: a lost connection). Each query's
 * results end with a NULL, which moves *q on to the next query. */
static PGresult *pipe_next(PGconn *c, int *q, int *synced)
{
    for (int nulls = 0; nulls < 2;) {
        PGresult *r = PQgetResult(c);
        if (!r) {
            nulls++;
            (*q)++;
            continue;
        }
        if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
            PQclear(r);
            *synced = 1;
            return NULL;
        }
        return r;
    }
    return NULL;
}

/* Sends [RELEASE SAVEPOINT hg_stmt,] SAVEPOINT hg_stmt and s in one round trip (libpq's
 * pipeline mode) rather than two: the savepoint then costs almost nothing. Returns the
 * first failure's result or else s's result (the caller PQclears it); NULL when libpq could
 * not even send. *savepoint_ok says whether the savepoint was taken. */
static PGresult *pipelined(pg_stmt *s, int *savepoint_ok)
{
    pg_db *p = s->owner;
    PGconn *c = p->conn;
    const char *pre[2];
    int npre = 0, ok, q = 0, synced = 0;
    PGresult *keep = NULL, *r;
    *savepoint_ok = 0;
    if (p->savepoint)
        pre[npre++] = "RELEASE SAVEPOINT hg_stmt";
    pre[npre++] = "SAVEPOINT hg_stmt";
    ok = PQenterPipelineMode(c);
    for (int i = 0; i < npre && ok; i++)
        ok = PQsendQueryParams(c, pre[i], 0, NULL, NULL, NULL, NULL, 0);
    if (ok)
        ok = PQsendQueryPrepared(c, s->name, s->nparams, (const char *const *)s->vals, NULL, NULL, 0);
    if (ok)
        ok = PQpipelineSync(c);
    while (ok && (r = pipe_next(c, &q, &synced))) {
        ExecStatusType st = PQresultStatus(r);
        int good = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
        if (q == npre - 1 && good)
            *savepoint_ok = 1;
        if (!keep && (q == npre || (!good && st != PGRES_PIPELINE_ABORTED)))
            keep = r;
        else
            PQclear(r);
    }
    PQexitPipelineMode(c);
    return keep;
}

/* At most this many writes wait in the pipeline: their answers (some 20 bytes each) must fit
 * the socket buffers while nobody reads them, or server and client would wait for each other. */
#define PIPE_MAX 256

/* Inside an optimistic group every failure spoils it: no savepoint undid the statement. */
static void spoil(pg_db *p)
{
    if (p->base.group && p->base.optimistic)
        p->base.spoiled = 1;
}

/* Ends the pipeline: sends last (when not NULL) after the pending writes, then a sync, and reads
 * every answer in one round trip. The writes' counts of changed rows go to p->changes in order;
 * last's result to last->res. The first failure among them all is returned (and spoils the
 * group); the statements after it were not run. */
static hg_rc drain(pg_db *p, pg_stmt *last, hg_err *err)
{
    if (!p->pending && !last)
        return HG_OK;
    PGconn *c = p->conn;
    int n = p->pending + (last != NULL), q = 0, synced = 0;
    int ok = PQpipelineStatus(c) != PQ_PIPELINE_OFF || PQenterPipelineMode(c);
    if (ok && last)
        ok = PQsendQueryPrepared(c, last->name, last->nparams, (const char *const *)last->vals, NULL, NULL, 0);
    if (ok)
        ok = PQpipelineSync(c);
    PGresult *bad = NULL, *r;
    while (ok && (r = pipe_next(c, &q, &synced))) {
        ExecStatusType st = PQresultStatus(r);
        int good = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
        if (good && is_change(r)) {
            const char *k = PQcmdTuples(r);
            p->changes = *k ? strtoll(k, NULL, 10) : 0;
        }
        if (!good && !bad && st != PGRES_PIPELINE_ABORTED) {
            bad = r;
        } else if (last && q == n - 1 && good && !bad) {
            PQclear(last->res);
            last->res = r;
            last->row = -1;
        } else {
            PQclear(r);
        }
    }
    p->pending = 0;
    if (synced)
        PQexitPipelineMode(c);
    hg_rc rc = HG_OK;
    if (bad || !synced || (last && !last->res))
        rc = pg_error(p, bad, err);
    PQclear(bad);
    if (rc) {
        if (last) {
            PQclear(last->res);
            last->res = NULL;
        }
        spoil(p);
    }
    return rc;
}

/* Sends s into the pipeline without waiting for its answer (the header: pipelined writes); it
 * answers at once with no rows. */
static hg_rc defer(pg_stmt *s, hg_err *err)
{
    pg_db *p = s->owner;
    PGconn *c = p->conn;
    p->sent_in_tx = 1;
    int ok = PQpipelineStatus(c) != PQ_PIPELINE_OFF || PQenterPipelineMode(c);
    if (ok)
        ok = PQsendQueryPrepared(c, s->name, s->nparams, (const char *const *)s->vals, NULL, NULL, 0);
    if (!ok) {
        spoil(p);
        hg_rc rc = drain(p, NULL, err);
        return rc ? rc : pg_error(p, NULL, err);
    }
    p->pending++;
    s->res = PQmakeEmptyPGresult(c, PGRES_COMMAND_OK);
    s->row = -1;
    if (!s->res)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return p->pending >= PIPE_MAX ? drain(p, NULL, err) : HG_OK;
}

/* Executes s and keeps its whole result. */
static hg_rc execute(pg_stmt *s, hg_err *err)
{
    pg_db *p = s->owner;
    if (p->tx_lost)
        return hg_fail(err, HG_UNAVAILABLE, "unavailable", NULL, "database connection lost in a transaction");
    int optimistic = p->base.group && p->base.optimistic;
    if (optimistic && s->write && !s->returning && s->generation == p->generation && !conn_bad(p))
        return defer(s, err);
    /* s is needed now: it goes with the writes waiting, in one round trip */
    if (p->pending && s->generation == p->generation)
        return drain(p, s, err);
    if (p->pending) {
        hg_rc rc = drain(p, NULL, err);
        if (rc)
            return rc;
    }
    for (int attempt = 0;; attempt++) {
        hg_rc rc = pg_ready(p, err);
        int was_idle = PQtransactionStatus(p->conn) == PQTRANS_IDLE;
        if (!rc && s->generation != p->generation)
            rc = server_prepare(s, err);
        int in_tx = PQtransactionStatus(p->conn) == PQTRANS_INTRANS;
        if (rc)
            return rc;
        p->sent_in_tx = !was_idle;
        if (s->write && in_tx && !p->bulk && !optimistic) {
            int taken = 0;
            s->res = pipelined(s, &taken);
            /* the previous savepoint was released either way; the new one exists if taken */
            p->savepoint = taken;
        } else {
            s->res = PQexecPrepared(p->conn, s->name, s->nparams, (const char *const *)s->vals, NULL, NULL, 0);
        }
        ExecStatusType st = PQresultStatus(s->res);
        if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
            if (is_change(s->res)) {
                const char *n = PQcmdTuples(s->res);
                p->changes = *n ? strtoll(n, NULL, 10) : 0;
            }
            s->row = -1;
            return HG_OK;
        }
        rc = pg_error(p, s->res, err);
        PQclear(s->res);
        s->res = NULL;
        if (in_tx)
            spoil(p);
        /* a read on a connection that died while idle changed nothing: try it once more */
        if (rc == HG_UNAVAILABLE && s->read && was_idle && attempt == 0 && conn_bad(p)) {
            p->tx_lost = 0;
            continue;
        }
        /* the statement failed, not the transaction (SQLite's statement atomicity) */
        if (s->write && in_tx && p->savepoint && !conn_bad(p)) {
            hg_err ignored;
            if (simple(p, "ROLLBACK TO SAVEPOINT hg_stmt; RELEASE SAVEPOINT hg_stmt", &ignored) == HG_OK)
                p->savepoint = 0;
        }
        return rc;
    }
}

static hg_rc pg_step(db_stmt *st, hg_err *err)
{
    pg_stmt *s = (pg_stmt *)st;
    if (!s->res) {
        hg_rc rc = execute(s, err);
        if (rc)
            return rc;
    }
    if (s->row + 1 < PQntuples(s->res)) {
        s->row++;
        return HG_ROW;
    }
    s->row = PQntuples(s->res);
    return HG_DONE;
}

static int row_ok(const pg_stmt *s, int i)
{
    return s->res && s->row >= 0 && s->row < PQntuples(s->res) && i >= 0 && i < PQnfields(s->res);
}

static int pg_col_count(db_stmt *st)
{
    pg_stmt *s = (pg_stmt *)st;
    if (s->res)
        return PQnfields(s->res);
    /* before the first step, as SQLite answers from the prepared statement */
    hg_err ignored;
    if (drain(s->owner, NULL, &ignored))
        return 0;
    PGresult *r = PQdescribePrepared(s->owner->conn, s->name);
    int n = PQresultStatus(r) == PGRES_COMMAND_OK ? PQnfields(r) : 0;
    PQclear(r);
    return n;
}

static const char *pg_col_name(db_stmt *st, int i)
{
    pg_stmt *s = (pg_stmt *)st;
    return s->res && i >= 0 && i < PQnfields(s->res) ? PQfname(s->res, i) : NULL;
}

static int pg_col_null(db_stmt *st, int i)
{
    pg_stmt *s = (pg_stmt *)st;
    return !row_ok(s, i) || PQgetisnull(s->res, s->row, i);
}

static int64_t pg_col_int(db_stmt *st, int i)
{
    pg_stmt *s = (pg_stmt *)st;
    if (pg_col_null(st, i))
        return 0;
    const char *v = PQgetvalue(s->res, s->row, i);
    if (v[0] == 't' && !v[1])   /* a boolean expression */
        return 1;
    return strtoll(v, NULL, 10);
}

static const char *pg_col_text(db_stmt *st, int i)
{
    pg_stmt *s = (pg_stmt *)st;
    return pg_col_null(st, i) ? NULL : PQgetvalue(s->res, s->row, i);
}

static void pg_reset(db_stmt *st) { stmt_clear((pg_stmt *)st); }

void db_pg_bulk(db *d, int on) { ((pg_db *)d)->bulk = on; }

/* The count of the last write, which may still be in the pipeline. A failure there spoils the
 * group; the count is then meaningless and the batch runs again. */
static int64_t pg_changes(db *d)
{
    pg_db *p = (pg_db *)d;
    hg_err ignored;
    if (drain(p, NULL, &ignored))
        return 0;
    return p->changes;
}

static hg_rc pg_flush(db *d, hg_err *err) { return drain((pg_db *)d, NULL, err); }
static const char *pg_begin_of(db *d) { return ((pg_db *)d)->begin_sql; }
static int64_t pg_lock_salt(db *d) { return ((pg_db *)d)->salt; }

const db_ops db_pg_ops = {
    .name = "postgres",
    .open = pg_open,
    .close = pg_close,
    .exec = pg_exec,
    .prepare = pg_prepare,
    .bind_int = pg_bind_int,
    .bind_text = pg_bind_text,
    .bind_null = pg_bind_null,
    .step = pg_step,
    .col_count = pg_col_count,
    .col_name = pg_col_name,
    .col_null = pg_col_null,
    .col_int = pg_col_int,
    .col_text = pg_col_text,
    .reset = pg_reset,
    .changes = pg_changes,
    .flush = pg_flush,
    .begin_sql = "BEGIN ISOLATION LEVEL READ COMMITTED",   /* begin_of adds the schema's lock */
    .begin_of = pg_begin_of,
    .lock_salt = pg_lock_salt,
    .idpk = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    .blob = "BYTEA",
};
