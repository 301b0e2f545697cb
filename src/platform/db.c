/* db.c — backend dispatch, binding helpers, migrations, per-thread connections, and the
 * post-commit effects of a connection's transaction (db_after_commit: kept per db_begin level
 * so that a savepoint's rollback drops only its own). */
#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "db_impl.h"
#include "log.h"
#include "mem.h"

static void watch_statement(db *d, const char *sql);

hg_rc db_open(const char *url, db **out, hg_err *err)
{
    *out = NULL;
    if (!url || !*url)
        return hg_fail(err, HG_INVALID, "invalid", "db", "database URL is empty");
    if (strncmp(url, "postgres://", 11) == 0 || strncmp(url, "postgresql://", 13) == 0)
        return db_pg_ops.open(url, out, err);
    return db_sqlite_ops.open(url, out, err);
}

void db_url_redacted(const char *url, char *out, size_t outlen)
{
    buf b;
    buf_init(&b, outlen ? outlen - 1 : 0);
    const char *scheme = url ? strstr(url, "://") : NULL;
    hg_rc rc = HG_OK;
    if (!outlen)
        return;
    if (!url || !scheme || (strncmp(url, "postgres", 8) != 0)) {
        snprintf(out, outlen, "%s", url ? url : "");
        return;
    }
    const char *auth = scheme + 3;
    size_t auth_len = strcspn(auth, "/?");
    const char *at = memchr(auth, '@', auth_len);
    const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
    if (colon) {
        rc = buf_append(&b, url, (size_t)(colon + 1 - url));
        if (!rc)
            rc = buf_puts(&b, "***");
        url = at;
    }
    /* the rest, with any password=VALUE parameter's value hidden */
    while (!rc && *url) {
        if (strncmp(url, "password=", 9) == 0 && (url[-1] == '?' || url[-1] == '&')) {
            rc = buf_puts(&b, "password=***");
            url += 9 + strcspn(url + 9, "&");
        } else {
            rc = buf_append(&b, url++, 1);
        }
    }
    snprintf(out, outlen, "%s", buf_str(&b));
    buf_free(&b);
}

void db_close(db *d)
{
    if (d) {
        db_effects_drop(db_effects_take(d));
        xfree(d->watch);
        d->ops->close(d);
    }
}

const char *db_backend(const db *d) { return d->ops->name; }

hg_rc db_try_lock_key(db *d, int64_t key, int *got, hg_err *err)
{
    *got = 1;
    if (d->ops != &db_pg_ops)
        return HG_OK;
    int64_t v = 0;
    if (d->ops->lock_salt)
        key ^= d->ops->lock_salt(d);
    hg_rc rc =
        db_int(d, &v, err, "SELECT CASE WHEN pg_try_advisory_lock(CAST(? AS BIGINT)) THEN 1 ELSE 0 END", "i", key);
    *got = !rc && v == 1;
    return rc == HG_NOTFOUND ? hg_fail(err, HG_DB, NULL, NULL, "pg_try_advisory_lock gave no row") : rc;
}

void db_unlock_key(db *d, int64_t key)
{
    if (d->ops != &db_pg_ops)
        return;
    hg_err err;
    int64_t v = 0;
    if (d->ops->lock_salt)
        key ^= d->ops->lock_salt(d);
    db_int(d, &v, &err, "SELECT CASE WHEN pg_advisory_unlock(CAST(? AS BIGINT)) THEN 1 ELSE 0 END", "i", key);
}

char *db_expand_ddl(const db_ops *ops, const char *sql)
{
    buf b;
    buf_init(&b, 1 << 20);
    const char *p = sql;
    hg_rc rc = HG_OK;
    while (*p && !rc) {
        if (strncmp(p, "@IDPK", 5) == 0) {
            rc = buf_puts(&b, ops->idpk);
            p += 5;
        } else if (strncmp(p, "@BLOB", 5) == 0) {
            rc = buf_puts(&b, ops->blob);
            p += 5;
        } else {
            rc = buf_append(&b, p++, 1);
        }
    }
    if (rc) {
        buf_free(&b);
        return NULL;
    }
    return buf_take(&b);
}

hg_rc db_exec(db *d, const char *sql, hg_err *err)
{
    char *x = db_expand_ddl(d->ops, sql);
    if (!x)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    watch_statement(d, x);
    hg_rc rc = d->ops->exec(d, x, err);
    xfree(x);
    return rc;
}

/* The fault a test injected (db_fault_inject): statements whose SQL contains fault_sql fail.
 * Atomic so that the writer and worker threads of a test server read it safely; NULL (the
 * only value outside tests) costs one load per prepare. */
static _Atomic(const char *) fault_sql;
static _Atomic hg_rc fault_rc;

void db_fault_inject(const char *sql_contains, hg_rc rc)
{
    fault_rc = rc;
    fault_sql = sql_contains;
}

hg_rc db_prepare(db *d, const char *sql, db_stmt **out, hg_err *err)
{
    const char *f = fault_sql;
    if (f && strstr(sql, f))
        return hg_fail(err, fault_rc, hg_rc_name(fault_rc), NULL, "injected database fault");
    watch_statement(d, sql);
    return d->ops->prepare(d, sql, out, err);
}
hg_rc db_bind_int(db_stmt *s, int i, int64_t v) { return s->ops->bind_int(s, i, v); }
hg_rc db_bind_text(db_stmt *s, int i, const char *v) { return s->ops->bind_text(s, i, v); }
hg_rc db_bind_null(db_stmt *s, int i) { return s->ops->bind_null(s, i); }
hg_rc db_step(db_stmt *s, hg_err *err) { return s->ops->step(s, err); }
int db_col_count(db_stmt *s) { return s->ops->col_count(s); }
const char *db_col_name(db_stmt *s, int i) { return s->ops->col_name(s, i); }
int db_col_null(db_stmt *s, int i) { return s->ops->col_null(s, i); }
int64_t db_col_int(db_stmt *s, int i) { return s->ops->col_int(s, i); }
const char *db_col_text(db_stmt *s, int i) { return s->ops->col_text(s, i); }
void db_reset(db_stmt *s)
{
    if (s)
        s->ops->reset(s);
}
int64_t db_changes(db *d) { return d->ops->changes(d); }

/* ---- post-commit effects (db.h: db_after_commit) ---- */

struct db_effect {
    void (*fn)(void *);
    void (*drop)(void *);
    void *cls;
    struct db_effect *next;
};

int db_in_transaction(const db *d) { return d->group || d->depth > 0; }

/* db_memo's counters go with the group (db.h); the epoch, unique in the process, tells other
 * memos (refdata.c's versions) that theirs went too */
static void epoch_renew(db *d)
{
    static _Atomic uint64_t epochs;
    d->epoch = atomic_fetch_add(&epochs, 1) + 1;
}

static void memo_forget(db *d)
{
    memset(d->memo, 0, sizeof d->memo);
    epoch_renew(d);
}

uint64_t db_group_epoch(const db *d) { return d->group && d->optimistic && !d->spoiled ? d->epoch : 0; }

/* ---- writes to versioned tables (db.h: db_watch_tables) ---- */

hg_rc db_watch_tables(db *d, const char *const *names, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(names[i]) + 1;
    d->watch_len = 0;
    if (len > 0) {
        char *w = xrealloc(d->watch, len);
        if (!w)
            return HG_NOMEM;
        d->watch = w;
        for (size_t i = 0; i < n; i++) {
            memcpy(w + d->watch_len, names[i], strlen(names[i]) + 1);
            d->watch_len += strlen(names[i]) + 1;
        }
    }
    return HG_OK;
}

static int word_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* 1 when p begins with the keyword w, in any case, as a whole word */
static int keyword_at(const char *p, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++)
        if (toupper((unsigned char)p[i]) != w[i])
            return 0;
    return !word_char(p[i]);
}

/* 1 when sql names the table name as a whole word, in any case */
static int names_table(const char *sql, const char *name)
{
    size_t len = strlen(name);
    int first = tolower((unsigned char)name[0]);
    for (const char *p = sql; *p; p++)
        if (tolower((unsigned char)*p) == first && (p == sql || !word_char(p[-1])) && strncasecmp(p, name, len) == 0 &&
            !word_char(p[len]))
            return 1;
    return 0;
}

/* A statement of d's optimistic group that may change a watched table renews the epoch; not
 * the counters of db_memo, which the statement does not touch. Checked before the statement
 * runs: a renewal for a write that then fails costs one read of the versions, no more. */
static void watch_statement(db *d, const char *sql)
{
    static const char *const writes[] = {"INSERT", "UPDATE", "DELETE", "REPLACE", "TRUNCATE", "WITH"};
    if (!d->watch_len || !d->group || !d->optimistic || d->spoiled)
        return;
    const char *p = sql;
    while (isspace((unsigned char)*p) || *p == '(')
        p++;
    int write = 0;
    for (size_t i = 0; i < sizeof writes / sizeof writes[0] && !write; i++)
        write = keyword_at(p, writes[i]);
    for (size_t at = 0; write && at < d->watch_len; at += strlen(d->watch + at) + 1)
        if (names_table(p, d->watch + at)) {
            epoch_renew(d);
            return;
        }
}

db_effects *db_effects_take(db *d)
{
    db_effects *fx = d->fx_head;
    d->fx_head = d->fx_tail = NULL;
    d->fx_n = 0;
    return fx;
}

void db_effects_run(db_effects *fx)
{
    for (db_effects *next; fx; fx = next) {
        next = fx->next;
        fx->fn(fx->cls);
        xfree(fx);
    }
}

void db_effects_drop(db_effects *fx)
{
    for (db_effects *next; fx; fx = next) {
        next = fx->next;
        if (fx->drop)
            fx->drop(fx->cls);
        xfree(fx);
    }
}

hg_rc db_after_commit(db *d, void (*fn)(void *cls), void (*drop)(void *cls), void *cls, hg_err *err)
{
    if (!db_in_transaction(d)) {
        fn(cls);
        return HG_OK;
    }
    db_effects *e = xmalloc(sizeof *e);
    if (!e) {
        if (drop)
            drop(cls);
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    *e = (db_effects){fn, drop, cls, NULL};
    if (d->fx_tail)
        d->fx_tail->next = e;
    else
        d->fx_head = e;
    d->fx_tail = e;
    d->fx_n++;
    return HG_OK;
}

/* A db_begin succeeded: remember how many effects came before it. Outside a group there is
 * one level only (a second BEGIN would have failed). */
static void effects_mark(db *d)
{
    if (!d->group)
        d->depth = 0;
    if (d->depth < DB_MARKS)
        d->marks[d->depth] = d->fx_n;
    d->depth++;
}

/* The innermost db_begin ends in a rollback: its effects go. Past DB_MARKS levels the deepest
 * mark known is used, which drops more rather than run an effect of undone work. */
static void effects_rolled_back(db *d)
{
    if (d->depth <= 0)
        return;
    d->depth--;
    size_t keep = d->marks[d->depth < DB_MARKS ? d->depth : DB_MARKS - 1];
    if (!d->group)
        keep = 0;
    if (keep >= d->fx_n)
        return;
    db_effects *last = NULL, *e = d->fx_head;
    for (size_t i = 0; i < keep; i++)
        last = e, e = e->next;
    if (last)
        last->next = NULL;
    else
        d->fx_head = NULL;
    d->fx_tail = last;
    d->fx_n = keep;
    db_effects_drop(e);
}

/* db_commit returned rc. Outside a group the transaction is over: durable (synchronous=FULL,
 * synchronous_commit=on), so its effects run, or failed, so they go. Inside a group only the
 * savepoint ends; the effects wait for the group's commit. */
static void effects_committed(db *d, hg_rc rc)
{
    if (d->group) {
        if (!rc && d->depth > 0)
            d->depth--;
        return;
    }
    d->depth = 0;
    if (rc)
        db_effects_drop(db_effects_take(d));
    else
        db_effects_run(db_effects_take(d));
}

/* Inside a group commit each caller's transaction is a savepoint of the group's one, so that
 * the store code runs unchanged and a failed request undoes only its own writes. */
static const char *begin_text(db *d) { return d->ops->begin_of ? d->ops->begin_of(d) : d->ops->begin_sql; }

hg_rc db_begin(db *d, hg_err *err)
{
    hg_rc rc = d->optimistic ? HG_OK : d->ops->exec(d, d->group ? "SAVEPOINT hg_job" : begin_text(d), err);
    if (!rc)
        effects_mark(d);
    return rc;
}
hg_rc db_commit(db *d, hg_err *err)
{
    hg_rc rc = d->optimistic ? HG_OK : d->ops->exec(d, d->group ? "RELEASE SAVEPOINT hg_job" : "COMMIT", err);
    effects_committed(d, rc);
    return rc;
}
void db_rollback(db *d)
{
    hg_err ignored;
    effects_rolled_back(d);
    memo_forget(d);
    if (d->optimistic) {
        d->spoiled = 1;
    } else if (d->group) {
        d->ops->exec(d, "ROLLBACK TO SAVEPOINT hg_job", &ignored);
        d->ops->exec(d, "RELEASE SAVEPOINT hg_job", &ignored);
    } else {
        d->ops->exec(d, "ROLLBACK", &ignored);
    }
}

void db_wal_watch(db *d, void (*fn)(void *cls, int frames), void *cls)
{
    if (d->ops->wal_watch)
        d->ops->wal_watch(d, fn, cls);
}

hg_rc db_defer_sync(db *d, int *fd, hg_err *err)
{
    *fd = -1;
    return d->ops->defer_sync ? d->ops->defer_sync(d, fd, err) : HG_OK;
}

hg_rc db_group_begin(db *d, hg_err *err)
{
    hg_rc rc = d->ops->exec(d, begin_text(d), err);
    db_effects_drop(db_effects_take(d)); /* none should be left; none may leak into the group */
    d->depth = 0;
    memo_forget(d);
    if (!rc)
        d->group = 1;
    return rc;
}

hg_rc db_group_begin_optimistic(db *d, hg_err *err)
{
    hg_rc rc = db_group_begin(d, err);
    if (!rc) {
        d->optimistic = 1;
        d->spoiled = 0;
    }
    return rc;
}

int db_group_spoiled(db *d) { return d->spoiled; }

int db_memo_get(db *d, int slot, int64_t *n, char *text, size_t textlen)
{
    if (!d->group || !d->optimistic || d->spoiled || slot < 0 || slot >= DB_MEMO_SLOTS || !d->memo[slot].set)
        return 0;
    *n = d->memo[slot].n;
    if (text && textlen)
        snprintf(text, textlen, "%s", d->memo[slot].text);
    return 1;
}

void db_memo_set(db *d, int slot, int64_t n, const char *text)
{
    if (!d->group || !d->optimistic || d->spoiled || slot < 0 || slot >= DB_MEMO_SLOTS)
        return;
    if (text && strlen(text) >= sizeof d->memo[slot].text) { /* too long to keep: read again */
        d->memo[slot].set = 0;
        return;
    }
    d->memo[slot].set = 1;
    d->memo[slot].n = n;
    snprintf(d->memo[slot].text, sizeof d->memo[slot].text, "%s", text ? text : "");
}

void db_memo_unset(db *d, int slot)
{
    if (slot >= 0 && slot < DB_MEMO_SLOTS)
        d->memo[slot].set = 0;
}

hg_rc db_group_flush(db *d, hg_err *err)
{
    hg_rc rc = d->ops->flush ? d->ops->flush(d, err) : HG_OK;
    if (rc && d->optimistic)
        d->spoiled = 1;
    return rc;
}

void db_group_abandon(db *d)
{
    hg_err ignored;
    db_effects_drop(db_effects_take(d));
    d->group = d->optimistic = d->spoiled = d->depth = 0;
    memo_forget(d);
    d->ops->exec(d, "ROLLBACK", &ignored);
}

hg_rc db_group_end(db *d, hg_err *err)
{
    d->group = d->optimistic = d->spoiled = 0;
    memo_forget(d);
    hg_rc rc = d->ops->exec(d, "COMMIT", err);
    if (rc) {
        hg_err ignored;
        d->ops->exec(d, "ROLLBACK", &ignored);
        db_effects_drop(db_effects_take(d));
    }
    d->depth = 0;
    return rc;
}

hg_rc db_bulk_mode(db *d, hg_err *err)
{
    return db_exec(
        d, strcmp(db_backend(d), "sqlite") == 0 ? "PRAGMA synchronous = OFF" : "SET synchronous_commit = off", err);
}

static hg_rc db_vbind(db_stmt *s, const char *fmt, va_list ap)
{
    hg_rc rc = HG_OK;
    int i = 1;
    for (const char *f = fmt ? fmt : ""; *f && !rc; f++, i++) {
        switch (*f) {
        case 'i': rc = db_bind_int(s, i, va_arg(ap, int64_t)); break;
        case 't': rc = db_bind_text(s, i, va_arg(ap, const char *)); break;
        case 'n': rc = db_bind_null(s, i); break;
        default: rc = HG_INTERNAL; break;
        }
    }
    return rc;
}

hg_rc db_vquery(db *d, db_stmt **out, hg_err *err, const char *sql, const char *fmt, va_list ap)
{
    *out = NULL; /* so that a caller may db_reset it whatever happened */
    hg_rc rc = db_prepare(d, sql, out, err);
    if (rc)
        return rc;
    rc = db_vbind(*out, fmt, ap);
    if (rc) {
        db_reset(*out);
        *out = NULL;
        return hg_fail(err, rc, NULL, NULL, "cannot bind query parameters");
    }
    return HG_OK;
}

hg_rc db_query(db *d, db_stmt **out, hg_err *err, const char *sql, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hg_rc rc = db_vquery(d, out, err, sql, fmt, ap);
    va_end(ap);
    return rc;
}

hg_rc db_run(db *d, hg_err *err, const char *sql, const char *fmt, ...)
{
    db_stmt *s;
    va_list ap;
    va_start(ap, fmt);
    hg_rc rc = db_vquery(d, &s, err, sql, fmt, ap);
    va_end(ap);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW)
        ;
    db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

hg_rc db_int(db *d, int64_t *out, hg_err *err, const char *sql, const char *fmt, ...)
{
    db_stmt *s;
    va_list ap;
    va_start(ap, fmt);
    hg_rc rc = db_vquery(d, &s, err, sql, fmt, ap);
    va_end(ap);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        *out = db_col_int(s, 0);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = HG_NOTFOUND;
    }
    db_reset(s);
    return rc;
}

/* ---- migrations ---- */

static int migration_cmp(const void *a, const void *b)
{
    const migration *x = *(const migration *const *)a, *y = *(const migration *const *)b;
    return (x->version > y->version) - (x->version < y->version);
}

hg_rc db_migrate(db *d, const migration *const *sets, int *applied, hg_err *err)
{
    if (applied)
        *applied = 0;
    /* under the write lock: two servers starting together on one PostgreSQL database
     * would otherwise race on CREATE TABLE IF NOT EXISTS (a duplicate-type error) */
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = db_exec(d,
                 "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
                 "name TEXT NOT NULL, applied_ms BIGINT NOT NULL)",
                 err);
    if (!rc)
        rc = db_commit(d, err);
    if (rc) {
        db_rollback(d);
        return rc;
    }
    size_t n = 0;
    for (const migration *const *set = sets; *set; set++)
        for (const migration *m = *set; m->version; m++)
            n++;
    const migration **all = xcalloc(n, sizeof *all);
    if (!all)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    n = 0;
    for (const migration *const *set = sets; *set; set++)
        for (const migration *m = *set; m->version; m++)
            all[n++] = m;
    qsort(all, n, sizeof *all, migration_cmp);
    for (size_t i = 0; i + 1 < n; i++)
        if (all[i]->version == all[i + 1]->version) {
            rc = hg_fail(err, HG_INTERNAL, NULL, NULL, "two migrations share version %d", all[i]->version);
            goto out;
        }
    for (size_t i = 0; i < n; i++) {
        const migration *m = all[i];
        if ((rc = db_begin(d, err)))
            goto out;
        int64_t seen = 0;
        rc =
            db_int(d, &seen, err, "SELECT COUNT(*) FROM schema_migrations WHERE version = ?", "i", (int64_t)m->version);
        if (!rc && !seen) {
            const char *extra = strcmp(db_backend(d), "sqlite") == 0 ? m->sql_sqlite : m->sql_pg;
            rc = m->sql ? db_exec(d, m->sql, err) : HG_OK;
            if (!rc && extra)
                rc = db_exec(d, extra, err);
            if (!rc)
                rc = db_run(d, err, "INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, ?)", "iti",
                            (int64_t)m->version, m->name, now_ms());
            if (!rc && applied)
                (*applied)++;
        }
        if (!rc)
            rc = db_commit(d, err);
        if (rc) {
            db_rollback(d);
            goto out;
        }
    }
out:
    xfree(all);
    return rc;
}

/* ---- per-thread connections ---- */

/* A pthread key rather than _Thread_local, so that a worker thread's connection is
 * closed by the key's destructor when the server's thread pool exits. */
static char *process_url;
static pthread_key_t thread_db_key;
static pthread_once_t thread_db_once = PTHREAD_ONCE_INIT;

static void thread_db_destroy(void *p) { db_close(p); }
static void thread_db_init(void) { pthread_key_create(&thread_db_key, thread_db_destroy); }
/* The same for the read replica's connections. */
static char *read_url;
static pthread_key_t thread_read_key;
static pthread_once_t thread_read_once = PTHREAD_ONCE_INIT;
static void thread_read_init(void) { pthread_key_create(&thread_read_key, thread_db_destroy); }

void db_set_url(const char *url)
{
    xfree(process_url);
    process_url = xstrdup(url);
}

const char *db_get_url(void) { return process_url; }

db *db_thread(hg_err *err)
{
    pthread_once(&thread_db_once, thread_db_init);
    db *d = pthread_getspecific(thread_db_key);
    if (!d) {
        if (db_open(process_url, &d, err))
            return NULL;
        pthread_setspecific(thread_db_key, d);
    }
    return d;
}

void db_thread_close(void)
{
    pthread_once(&thread_db_once, thread_db_init);
    db_close(pthread_getspecific(thread_db_key));
    pthread_setspecific(thread_db_key, NULL);
    pthread_once(&thread_read_once, thread_read_init);
    db_close(pthread_getspecific(thread_read_key));
    pthread_setspecific(thread_read_key, NULL);
}

/* ---- the read replica (serve --db-read) ---- */

void db_set_read_url(const char *url)
{
    xfree(read_url);
    read_url = url && *url ? xstrdup(url) : NULL;
}

int db_has_read_url(void) { return read_url != NULL; }

db *db_thread_read(hg_err *err)
{
    if (!read_url)
        return NULL;
    pthread_once(&thread_read_once, thread_read_init);
    db *d = pthread_getspecific(thread_read_key);
    if (!d) {
        if (db_open(read_url, &d, err))
            return NULL;
        pthread_setspecific(thread_read_key, d);
    }
    return d;
}

hg_rc db_wal_position(db *d, char lsn[DB_LSN_MAX], hg_err *err)
{
    lsn[0] = '\0';
    if (d->ops != &db_pg_ops)
        return HG_OK;
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, "SELECT CAST(pg_current_wal_lsn() AS TEXT)", "");
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(lsn, DB_LSN_MAX, "%s", db_col_text(s, 0) ? db_col_text(s, 0) : "");
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_DB, NULL, NULL, "pg_current_wal_lsn gave no row");
    }
    if (s)
        db_reset(s);
    return rc;
}

int db_lsn_valid(const char *lsn)
{
    /* PostgreSQL's text form: hex digits, a slash, hex digits ("0/3420660") */
    size_t a = strspn(lsn, "0123456789ABCDEFabcdef");
    if (a == 0 || a > 8 || lsn[a] != '/')
        return 0;
    size_t b = strspn(lsn + a + 1, "0123456789ABCDEFabcdef");
    return b > 0 && b <= 8 && lsn[a + 1 + b] == '\0';
}

hg_rc db_replayed(db *replica, const char *lsn, int *yes, hg_err *err)
{
    *yes = 0;
    if (!db_lsn_valid(lsn))
        return hg_fail(err, HG_INVALID, "invalid", "lsn", "not a WAL position");
    int64_t v = 0;
    hg_rc rc = db_int(replica, &v, err,
                      "SELECT CASE WHEN COALESCE(pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn), TRUE) THEN 1 ELSE 0 "
                      "END",
                      "t", lsn);
    *yes = !rc && v == 1;
    return rc;
}
