/* db_sqlite.c — the SQLite backend of db.h: WAL, synchronous=FULL, foreign keys, busy
 * timeout, and a per-connection cache of prepared statements keyed by SQL text. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "db_constraint.h"
#include "db_impl.h"
#include "mem.h"

#define CACHE_BUCKETS 256
/* Statements kept per connection: past this many, those not in use are let go. The texts are
 * the program's own, but multi-row inserts make one per number of rows and fields given. */
#define CACHE_MAX 2048

typedef struct sq_stmt {
    db_stmt base;
    struct sq_db *owner;
    sqlite3_stmt *st;
    char *sql;
    int busy;               /* handed out by sq_prepare and not yet reset */
    struct sq_stmt *next;   /* bucket chain */
} sq_stmt;

typedef struct sq_db {
    db base;
    sqlite3 *h;
    sq_stmt *cache[CACHE_BUCKETS];
    int cached;
    void (*watch)(void *cls, int frames);   /* db_wal_watch */
    void *watch_cls;
} sq_db;

static hg_rc sq_error(sqlite3 *h, int code, hg_err *err)
{
    int primary = code & 0xff;
    const char *msg = h ? sqlite3_errmsg(h) : sqlite3_errstr(code);
    if (primary == SQLITE_CONSTRAINT) {
        /* our own message naming the column; SQLite's English goes to the log (issue 16) */
        int ext = h ? sqlite3_extended_errcode(h) : code;
        db_constraint_kind kind = ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY
                                      ? DBC_UNIQUE
                                  : ext == SQLITE_CONSTRAINT_CHECK      ? DBC_CHECK
                                  : ext == SQLITE_CONSTRAINT_NOTNULL    ? DBC_NOT_NULL
                                  : ext == SQLITE_CONSTRAINT_FOREIGNKEY ? DBC_FOREIGN_KEY
                                                                        : DBC_TRIGGER;
        char column[64];
        db_constraint_sqlite_column(kind, msg, column, sizeof column);
        return db_constraint_fail(err, kind, column, msg);
    }
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return hg_fail(err, HG_UNAVAILABLE, "busy", NULL, "database is busy");
    if (primary == SQLITE_NOMEM)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (primary == SQLITE_CANTOPEN || primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        return hg_fail(err, HG_UNAVAILABLE, "unavailable", NULL, "database cannot be used: %s", msg);
    return hg_fail(err, HG_DB, "storage_error", NULL, "%s", msg);
}

static void sq_close(db *d)
{
    sq_db *s = (sq_db *)d;
    for (int i = 0; i < CACHE_BUCKETS; i++) {
        for (sq_stmt *p = s->cache[i], *next; p; p = next) {
            next = p->next;
            sqlite3_finalize(p->st);
            xfree(p->sql);
            xfree(p);
        }
    }
    sqlite3_close_v2(s->h);
    xfree(s);
}

static hg_rc sq_prepare(db *d, const char *sql, db_stmt **out, hg_err *err);
static hg_rc sq_step(db_stmt *st, hg_err *err);
static void sq_reset(db_stmt *st);

static hg_rc sq_exec(db *d, const char *sql, hg_err *err)
{
    sq_db *s = (sq_db *)d;
    if (!strchr(sql, ';')) {
        /* one statement (the savepoints a group commit runs for every request): prepared
         * once and kept, rather than parsed on every call */
        db_stmt *st;
        hg_rc hrc = sq_prepare(d, sql, &st, err);
        if (!hrc) {
            while ((hrc = sq_step(st, err)) == HG_ROW)
                ;
            sq_reset(st);
        }
        return hrc == HG_DONE ? HG_OK : hrc;
    }
    int rc = sqlite3_exec(s->h, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? HG_OK : sq_error(s->h, rc, err);
}

/* WAL lets readers run beside the writer; SQLite answers the mode it actually chose, which
 * must be checked (an in-memory database reports "memory"). */
static hg_rc sq_journal_wal(sq_db *s, const char *url, hg_err *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->h, "PRAGMA journal_mode = WAL", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return sq_error(s->h, rc, err);
    rc = sqlite3_step(st);
    const char *mode = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    int ok = mode && (strcmp(mode, "wal") == 0 || (strcmp(mode, "memory") == 0 && strcmp(url, ":memory:") == 0));
    hg_rc hrc = ok ? HG_OK
                   : rc == SQLITE_ROW ? hg_fail(err, HG_DB, "storage_error", NULL, "WAL journal mode unavailable")
                                      : sq_error(s->h, rc, err);
    sqlite3_finalize(st);
    return hrc;
}

/* Before SQLite's first use: no allocation statistics, whose global mutex every allocation of
 * every connection would take (we never read them). */
static void sq_configure(void) { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

static hg_rc sq_open(const char *url, db **out, hg_err *err)
{
    static pthread_once_t configured = PTHREAD_ONCE_INIT;
    pthread_once(&configured, sq_configure);
    sq_db *s = xcalloc(1, sizeof *s);
    if (!s)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    s->base.ops = &db_sqlite_ops;
    int rc = sqlite3_open_v2(url, &s->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        /* TRANSLATORS: 1: url; 2: s->h ? sqlite3_errmsg(s->h) : sqlite3... */
        hg_fail(err, HG_UNAVAILABLE, "unavailable", "db", "cannot open database %s: %s", url,
                s->h ? sqlite3_errmsg(s->h) : sqlite3_errstr(rc));
        sq_close(&s->base);
        return HG_UNAVAILABLE;
    }
    sqlite3_extended_result_codes(s->h, 1);
    /* WAL for concurrent readers; FULL so that an acknowledged commit survives power loss;
     * a real page cache (32 MiB a connection; the server has one per worker thread) so that
     * secondary indexes do not thrash; temporary files in memory, because each request of
     * a group commit is a savepoint whose statement journal would otherwise spill to a
     * file and be written on every insert. */
    hg_err inner;
    hg_rc hrc = sq_exec(&s->base,
                        "PRAGMA busy_timeout = 10000;"
                        "PRAGMA synchronous = FULL;"
                        "PRAGMA foreign_keys = ON;"
                        "PRAGMA cache_size = -32768;"
                        "PRAGMA temp_store = MEMORY;",
                        &inner);
    if (!hrc)
        hrc = sq_journal_wal(s, url, &inner);
    if (hrc) {
        /* the caller is a command or the server's log: naming the file helps the operator;
         * HTTP answers never carry 5xx messages (http.c) */
        if (hrc == HG_NOMEM)
            hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        else
            /* TRANSLATORS: 1: url; 2: message */
            hg_fail(err, HG_UNAVAILABLE, "unavailable", "db", "cannot use database %s: %s", url, inner.message);
        sq_close(&s->base);
        return hrc == HG_NOMEM ? hrc : HG_UNAVAILABLE;
    }
    *out = &s->base;
    return HG_OK;
}

/* Eight bytes a step: statements run to hundreds of bytes and every call looks one up; the
 * multiply carries every bit upward, so the bucket comes from the high half. */
static unsigned sql_hash(const char *s)
{
    const uint64_t k = 0x9E3779B97F4A7C15u;
    size_t n = strlen(s);
    uint64_t h = n * k, w;
    for (; n >= 8; n -= 8, s += 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * k;
    }
    w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * k;
    return (unsigned)((h >> 32) % CACHE_BUCKETS);
}

/* Finalizes the cached statements not in use. */
static void cache_trim(sq_db *s)
{
    for (int i = 0; i < CACHE_BUCKETS; i++)
        for (sq_stmt **pp = &s->cache[i], *p; (p = *pp);) {
            if (p->busy) {
                pp = &p->next;
                continue;
            }
            *pp = p->next;
            sqlite3_finalize(p->st);
            xfree(p->sql);
            xfree(p);
            s->cached--;
        }
}

static hg_rc sq_prepare(db *d, const char *sql, db_stmt **out, hg_err *err)
{
    sq_db *s = (sq_db *)d;
    unsigned h = sql_hash(sql);
    for (sq_stmt *p = s->cache[h]; p; p = p->next)
        if (strcmp(p->sql, sql) == 0) {
            p->busy = 1;
            *out = &p->base;
            return HG_OK;
        }
    if (s->cached >= CACHE_MAX)
        cache_trim(s);
    sq_stmt *p = xcalloc(1, sizeof *p);
    char *copy = xstrdup(sql);
    if (!p || !copy) {
        xfree(p);
        xfree(copy);
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    const char *tail = NULL;
    int rc = sqlite3_prepare_v3(s->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &p->st, &tail);
    if (rc == SQLITE_OK && tail && tail[strspn(tail, " \t\r\n;")]) {
        /* one statement per prepare: a second one would be silently ignored */
        sqlite3_finalize(p->st);
        xfree(p);
        xfree(copy);
        return hg_fail(err, HG_INTERNAL, "internal", NULL, "more than one SQL statement given to db_prepare");
    }
    if (rc != SQLITE_OK) {
        hg_rc hrc = sq_error(s->h, rc, err);
        xfree(p);
        xfree(copy);
        if (hrc == HG_CONFLICT)   /* a constraint cannot fail at prepare; keep err consistent */
            hrc = hg_fail(err, HG_DB, "storage_error", NULL, "cannot prepare statement");
        return hrc;
    }
    p->base.ops = &db_sqlite_ops;
    p->owner = s;
    p->sql = copy;
    p->busy = 1;
    p->next = s->cache[h];
    s->cache[h] = p;
    s->cached++;
    *out = &p->base;
    return HG_OK;
}

static hg_rc bind_result(int rc) { return rc == SQLITE_OK ? HG_OK : rc == SQLITE_NOMEM ? HG_NOMEM : HG_DB; }

static hg_rc sq_bind_int(db_stmt *st, int i, int64_t v)
{
    return bind_result(sqlite3_bind_int64(((sq_stmt *)st)->st, i, v));
}

static hg_rc sq_bind_text(db_stmt *st, int i, const char *v)
{
    sqlite3_stmt *x = ((sq_stmt *)st)->st;
    return bind_result(v ? sqlite3_bind_text(x, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(x, i));
}

static hg_rc sq_bind_null(db_stmt *st, int i) { return bind_result(sqlite3_bind_null(((sq_stmt *)st)->st, i)); }

static hg_rc sq_step(db_stmt *st, hg_err *err)
{
    sq_stmt *p = (sq_stmt *)st;
    int rc = sqlite3_step(p->st);
    if (rc == SQLITE_ROW)
        return HG_ROW;
    if (rc == SQLITE_DONE)
        return HG_DONE;
    return sq_error(p->owner->h, rc, err);
}

static int sq_col_count(db_stmt *st) { return sqlite3_column_count(((sq_stmt *)st)->st); }
static const char *sq_col_name(db_stmt *st, int i) { return sqlite3_column_name(((sq_stmt *)st)->st, i); }
static int sq_col_null(db_stmt *st, int i) { return sqlite3_column_type(((sq_stmt *)st)->st, i) == SQLITE_NULL; }
static int64_t sq_col_int(db_stmt *st, int i) { return sqlite3_column_int64(((sq_stmt *)st)->st, i); }
static const char *sq_col_text(db_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(((sq_stmt *)st)->st, i);
}

static void sq_reset(db_stmt *st)
{
    sq_stmt *p = (sq_stmt *)st;
    sqlite3_reset(p->st);
    sqlite3_clear_bindings(p->st);
    p->busy = 0;
}

static int64_t sq_changes(db *d) { return sqlite3_changes64(((sq_db *)d)->h); }

/* WAL with synchronous=NORMAL writes each commit's frames to the -wal file without flushing
 * them (checkpoints still flush in order); an fdatasync of that file, which any descriptor of
 * it can ask for, then makes every commit written before it durable. */
static hg_rc sq_defer_sync(db *d, int *fd, hg_err *err)
{
    sq_db *s = (sq_db *)d;
    const char *file = sqlite3_db_filename(s->h, "main");
    *fd = -1;
    if (!file || !*file)   /* in memory: nothing to flush */
        return HG_OK;
    char path[4096];
    if (snprintf(path, sizeof path, "%s-wal", file) >= (int)sizeof path)
        return hg_fail(err, HG_IO, "io_error", NULL, "database path too long");
    /* the -wal file exists once a transaction has run in WAL mode */
    hg_rc rc = sq_exec(d, "SELECT count(*) FROM sqlite_master", err);
    if (!rc && (*fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
        /* TRANSLATORS: 1: path; 2: strerror(errno) */
        rc = hg_fail(err, HG_IO, "io_error", NULL, "cannot open %s: %s", path, strerror(errno));
    if (!rc)
        rc = sq_exec(d, "PRAGMA synchronous = NORMAL", err);
    if (rc && *fd >= 0) {
        close(*fd);
        *fd = -1;
    }
    return rc;
}

/* SQLite's WAL hook (which wal_autocheckpoint = 0 leaves free) passed on to the watcher. */
static int wal_hook(void *arg, sqlite3 *h, const char *name, int frames)
{
    (void)h;
    (void)name;
    const sq_db *s = arg;
    s->watch(s->watch_cls, frames);
    return SQLITE_OK;
}

static void sq_wal_watch(db *d, void (*fn)(void *cls, int frames), void *cls)
{
    sq_db *s = (sq_db *)d;
    s->watch = fn;
    s->watch_cls = cls;
    sqlite3_wal_hook(s->h, wal_hook, s);
}

const db_ops db_sqlite_ops = {
    .name = "sqlite",
    .open = sq_open,
    .close = sq_close,
    .exec = sq_exec,
    .prepare = sq_prepare,
    .bind_int = sq_bind_int,
    .bind_text = sq_bind_text,
    .bind_null = sq_bind_null,
    .step = sq_step,
    .col_count = sq_col_count,
    .col_name = sq_col_name,
    .col_null = sq_col_null,
    .col_int = sq_col_int,
    .col_text = sq_col_text,
    .reset = sq_reset,
    .changes = sq_changes,
    .defer_sync = sq_defer_sync,
    .wal_watch = sq_wal_watch,
    .begin_sql = "BEGIN IMMEDIATE",
    .idpk = "INTEGER PRIMARY KEY",
    .blob = "BLOB",
};
