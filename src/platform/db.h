/* db.h — the storage interface: one API, two backends (db_sqlite.c now, db_pg.c for the
 * PostgreSQL issue), the way curl keeps its TLS backends behind one table of operations.
 *
 * SQL is written once, in the subset both engines accept: `?` placeholders (translated
 * for libpq), ON CONFLICT, RETURNING, BIGINT and TEXT columns. DDL may use two macros that
 * the backend expands: `@IDPK` (an auto-assigned 64-bit integer primary key) and `@BLOB`.
 * Anything else backend-specific lives in a migration's per-backend part, never in callers.
 *
 * A connection belongs to one thread. Prepared statements are cached per connection by
 * their SQL text and reused: db_prepare never hands over ownership; the caller calls
 * db_reset when done with a statement (the helpers below do it for you). */
#ifndef HG_DB_H
#define HG_DB_H

#include <stddef.h>
#include <stdint.h>

#include "rc.h"

typedef struct db db;
typedef struct db_stmt db_stmt;

/* Opens url: a SQLite file path ("haiguan.db", ":memory:") or "postgres://…".
 * On success *out owns a connection; free it with db_close. */
hg_rc db_open(const char *url, db **out, hg_err *err);
void db_close(db *d);
/* url fit for a log line: a PostgreSQL URL's password (user:PASSWORD@ or password=...)
 * replaced by "***"; SQLite paths unchanged. Truncated to outlen. */
void db_url_redacted(const char *url, char *out, size_t outlen);
/* "sqlite" or "postgres". */
const char *db_backend(const db *d);
/* For the group-commit writer: from now on this connection's commits are written but not
 * flushed, and *fd (owned by the caller) is a descriptor whose fdatasync makes every commit
 * before it durable. *fd is -1 when the backend's commits are durable anyway (PostgreSQL). */
hg_rc db_defer_sync(db *d, int *fd, hg_err *err);
/* SQLite: fn(cls, frames) is called after each commit on this connection with the WAL's length
 * in frames (it runs inside the commit: it must be quick). Nothing on PostgreSQL. */
void db_wal_watch(db *d, void (*fn)(void *cls, int frames), void *cls);

/* Runs one or more parameterless statements (DDL, pragmas). */
hg_rc db_exec(db *d, const char *sql, hg_err *err);

/* Prepared statements: prepare (cached), bind (1-based), step, read columns (0-based), reset. */
hg_rc db_prepare(db *d, const char *sql, db_stmt **out, hg_err *err);
/* Test hook: from now on every statement whose SQL contains sql_contains fails to prepare with
 * rc (HG_DB, HG_UNAVAILABLE), on every connection; NULL ends the fault. sql_contains must
 * outlive the fault. For tests that show a database fault is never taken for a business
 * answer (not "not found", not a default rate). */
void db_fault_inject(const char *sql_contains, hg_rc rc);
hg_rc db_bind_int(db_stmt *s, int i, int64_t v);
hg_rc db_bind_text(db_stmt *s, int i, const char *v);   /* NULL binds SQL NULL; copied */
hg_rc db_bind_null(db_stmt *s, int i);
/* HG_ROW when a row is ready, HG_DONE when finished, or an error: HG_CONFLICT for a
 * constraint violation (unique, check, not null, foreign key, or a trigger's refusal), HG_UNAVAILABLE when the database cannot be reached or is
 * busy past the timeout, HG_DB otherwise. */
hg_rc db_step(db_stmt *s, hg_err *err);
int db_col_count(db_stmt *s);
const char *db_col_name(db_stmt *s, int i);
int db_col_null(db_stmt *s, int i);
int64_t db_col_int(db_stmt *s, int i);
/* NULL for SQL NULL; valid until the next step or reset. */
const char *db_col_text(db_stmt *s, int i);
void db_reset(db_stmt *s);
/* Rows changed by the last INSERT/UPDATE/DELETE on this connection. */
int64_t db_changes(db *d);

/* Transactions: db_begin takes the write lock at once (BEGIN IMMEDIATE on SQLite), so
 * that a read-then-write inside it cannot be raced. */
hg_rc db_begin(db *d, hg_err *err);
hg_rc db_commit(db *d, hg_err *err);
void db_rollback(db *d);

/* Group commit: one real transaction around the work of many requests; inside it db_begin,
 * db_commit and db_rollback are savepoints. db_group_end commits (rolling everything back if
 * the commit fails) and says whether the group is durable. */
hg_rc db_group_begin(db *d, hg_err *err);
hg_rc db_group_end(db *d, hg_err *err);
/* Optimistic groups: db_begin and db_commit cost nothing, and a db_rollback, which cannot
 * undo one request's writes alone without its savepoint, only marks the group spoiled
 * (db_group_spoiled); the caller then ends it with db_group_abandon and runs the work again
 * with savepoints. A savepoint copies every page its request changes before changing it,
 * which is most of what a request costs the writer beyond its inserts. */
hg_rc db_group_begin_optimistic(db *d, hg_err *err);
int db_group_spoiled(db *d);
/* Waits for every statement of the group sent but not yet answered (PostgreSQL sends an
 * optimistic group's writes in pipeline mode, db_pg.c); a failure among them spoils the group.
 * Call it before the last db_group_spoiled of a batch. */
hg_rc db_group_flush(db *d, hg_err *err);
/* Rolls the whole group back. */
void db_group_abandon(db *d);
/* Client-side counters inside an optimistic group (docs/SCALING.md, "Pipelined writes"): the
 * group holds the write lock from its start and is all or nothing, so a counter the group has
 * read or written (the event sequence, the audit chain's head) cannot change under it, and
 * whatever it remembers goes with the group when it is abandoned. The counter's owner then
 * writes its next value without reading it back (a write PostgreSQL pipelines) instead of an
 * UPDATE ... RETURNING or a read. db_memo_get is 1 with *n (and text, of textlen bytes, when
 * non-NULL) when slot is known in the current optimistic group, else 0; db_memo_set remembers
 * it (nothing outside an optimistic group). Forgotten at every group's beginning and end, and
 * at a rollback. */
enum { DB_MEMO_EVENT_SEQ, DB_MEMO_AUDIT_HEAD, DB_MEMO_CHAIN_SEALED, DB_MEMO_RISK_GENERATION, DB_MEMO_SLOTS };
int db_memo_get(db *d, int slot, int64_t *n, char *text, size_t textlen);
void db_memo_set(db *d, int slot, int64_t n, const char *text);
/* Forgets slot: the group has changed what it remembered (a rule bumping the generation). */
void db_memo_unset(db *d, int slot);
/* For memos kept outside the connection (refdata.c): 0 outside an optimistic group (or in a
 * spoiled one), else a number unique in the process that changes whenever the group's memo is
 * forgotten; what was remembered under one epoch holds while db_group_epoch returns it. */
uint64_t db_group_epoch(const db *d);
/* The versioned tables (refdata.h) whose writes renew d's epoch: inside an optimistic group, a
 * statement run on d (db_query, db_run, db_int, db_exec) that writes (it begins INSERT, UPDATE,
 * DELETE, REPLACE, TRUNCATE or WITH) and names one of them renews db_group_epoch, so that what
 * was remembered under the old epoch (refdata.c's versions) is read again: a group sees its own
 * change to reference data whoever wrote it. A write reached only through a trigger on another
 * table is not seen. Copies the n names (none: forgets the list); HG_NOMEM leaves no list. */
hg_rc db_watch_tables(db *d, const char *const *names, size_t n);

/* Post-commit effects: what a write does outside the database (refreshing an in-memory copy,
 * waking a notifier) must wait until the write is durable, and must not happen when it rolls
 * back or is run again (the group-commit writer re-runs a spoiled batch). db_after_commit
 * registers fn(cls) to run once the current transaction is durable: after db_commit of the
 * outermost db_begin outside a group, or, inside a group, when the group-commit writer has
 * made the batch durable (db_effects_take, db_effects_run). Effects run in the order they
 * were registered, on whichever thread makes the write durable; they must be quick and must
 * not use this connection. When the transaction (or the savepoint of the db_begin they were
 * registered under) rolls back, the group is abandoned or its commit fails, drop(cls) is
 * called instead (drop may be NULL). Outside any transaction fn runs at once (what the
 * connection reads is already committed). Errors: HG_NOMEM (drop has then been called). */
hg_rc db_after_commit(db *d, void (*fn)(void *cls), void (*drop)(void *cls), void *cls, hg_err *err);
/* 1 inside db_begin or a group. */
int db_in_transaction(const db *d);
/* For the group-commit writer, after db_group_end succeeded: the group's effects, now owned by
 * the caller (NULL when none), to run with db_effects_run once the commit is durable or to
 * drop with db_effects_drop when it could not be made so. Both free the list. */
typedef struct db_effect db_effects;
db_effects *db_effects_take(db *d);
void db_effects_run(db_effects *fx);
void db_effects_drop(db_effects *fx);

/* Gives up waiting for the disk at each commit on this connection (SQLite synchronous=OFF,
 * PostgreSQL synchronous_commit=off). Only for generating demo data, never for records. */
hg_rc db_bulk_mode(db *d, hg_err *err);

/* Convenience: prepare sql and bind the arguments described by fmt, one letter each:
 * 'i' int64_t, 't' const char * (NULL binds NULL), 'n' null (no argument). The statement
 * is ready for db_step; reset it when done. */
hg_rc db_query(db *d, db_stmt **out, hg_err *err, const char *sql, const char *fmt, ...);
/* Prepare, bind, step to completion, reset. For INSERT/UPDATE/DELETE. */
hg_rc db_run(db *d, hg_err *err, const char *sql, const char *fmt, ...);
/* Runs a query that yields one integer (first column of the first row); HG_NOTFOUND
 * when there is no row. */
hg_rc db_int(db *d, int64_t *out, hg_err *err, const char *sql, const char *fmt, ...);

/* A lock among servers on one database, held by this connection until db_unlock_key (or
 * until the connection ends): on PostgreSQL a session advisory lock (pg_try_advisory_lock)
 * on key; on SQLite, which one server at a time serves, always granted. *got is 1 when this
 * connection holds it now, 0 when another one does (never waits). Errors: db errors. */
hg_rc db_try_lock_key(db *d, int64_t key, int *got, hg_err *err);
void db_unlock_key(db *d, int64_t key);

/* Versioned migrations. Each area declares an array of them, terminated by version 0;
 * versions are unique across the whole program (platform 1-99, then 100 per area). */
typedef struct migration {
    int version;
    const char *name;
    const char *sql;          /* common SQL, or NULL: none (a PostgreSQL-only change) */
    const char *sql_sqlite;   /* extra SQLite-only part (triggers, pragmas), or NULL */
    const char *sql_pg;       /* extra PostgreSQL-only part, or NULL */
} migration;
/* Applies, in version order and each in its own transaction, every migration of the
 * NULL-terminated list of arrays that the database has not seen. Idempotent. *applied
 * (if non-NULL) receives how many were applied. */
hg_rc db_migrate(db *d, const migration *const *sets, int *applied, hg_err *err);

/* Per-thread connection to the process's database (opened on first use from the URL
 * given to db_set_url; closed by db_thread_close, which the server calls when a worker
 * thread ends). NULL when it cannot be opened; *err says why. */
void db_set_url(const char *url);
const char *db_get_url(void);
db *db_thread(hg_err *err);
void db_thread_close(void);

/* The read replica (serve --db-read URL, PostgreSQL): reads that may be slightly stale (routes
 * flagged ROUTE_REPLICA) go there, unless the caller has just written (read_after.h). */
void db_set_read_url(const char *url);
int db_has_read_url(void);
/* This thread's connection to the replica; NULL when none is configured or it cannot be
 * reached (err says why): the caller reads from the primary instead. */
db *db_thread_read(hg_err *err);
#define DB_LSN_MAX 32
/* The primary's current WAL position (PostgreSQL's "X/Y"), at or past every commit made so
 * far; "" on SQLite, which has no replica. */
hg_rc db_wal_position(db *d, char lsn[DB_LSN_MAX], hg_err *err);
/* 1 when lsn is a WAL position in PostgreSQL's text form. */
int db_lsn_valid(const char *lsn);
/* *yes 1 when the replica has replayed up to lsn (or is not in recovery: then it is the
 * primary itself). HG_INVALID for a malformed lsn. */
hg_rc db_replayed(db *replica, const char *lsn, int *yes, hg_err *err);

#endif
