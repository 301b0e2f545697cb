/* db_impl.h — what a storage backend provides to db.c. Not for callers outside db*.c. */
#ifndef HG_DB_IMPL_H
#define HG_DB_IMPL_H

#include "db.h"

typedef struct db_ops {
    const char *name;
    hg_rc (*open)(const char *url, db **out, hg_err *err);
    void (*close)(db *d);
    hg_rc (*exec)(db *d, const char *sql, hg_err *err);
    hg_rc (*prepare)(db *d, const char *sql, db_stmt **out, hg_err *err);
    hg_rc (*bind_int)(db_stmt *s, int i, int64_t v);
    hg_rc (*bind_text)(db_stmt *s, int i, const char *v);
    hg_rc (*bind_null)(db_stmt *s, int i);
    hg_rc (*step)(db_stmt *s, hg_err *err);
    int (*col_count)(db_stmt *s);
    const char *(*col_name)(db_stmt *s, int i);
    int (*col_null)(db_stmt *s, int i);
    int64_t (*col_int)(db_stmt *s, int i);
    const char *(*col_text)(db_stmt *s, int i);
    void (*reset)(db_stmt *s);
    int64_t (*changes)(db *d);
    /* Waits for the answers of statements sent and not waited for (PostgreSQL's pipelined
     * writes); a failure among them spoils the group. NULL: the backend waits for each. */
    hg_rc (*flush)(db *d, hg_err *err);
    /* Commits that write without flushing, and an fd whose fdatasync makes them durable;
     * NULL for a backend whose commit is durable when it returns. */
    hg_rc (*defer_sync)(db *d, int *fd, hg_err *err);
    void (*wal_watch)(db *d, void (*fn)(void *cls, int frames), void *cls);
    const char *begin_sql;   /* "BEGIN IMMEDIATE" / "BEGIN" */
    /* This connection's begin statement, when it differs by connection (PostgreSQL: the write
     * lock of its schema, one district's), or NULL: begin_sql. */
    const char *(*begin_of)(db *d);
    /* Mixed into every db_try_lock_key key, so that districts sharing a database (one schema
     * each) never contend for one another's locks; NULL: none. */
    int64_t (*lock_salt)(db *d);
    const char *idpk;        /* expansion of @IDPK */
    const char *blob;        /* expansion of @BLOB */
} db_ops;

/* Every connection and statement starts with a pointer to its backend's ops. */
struct db {
    const db_ops *ops;
    int group;   /* inside a group commit: db_begin/commit/rollback become savepoints */
    int optimistic;   /* ... or nothing, a rollback spoiling the group (db_group_begin_optimistic) */
    int spoiled;
    /* Post-commit effects (db_after_commit): registered, in order, and not yet run or
     * dropped; marks[i] is how many there were when the i-th open db_begin began, so that a
     * rollback to its savepoint drops only the effects registered since. */
    struct db_effect *fx_head, *fx_tail;
    size_t fx_n;
    int depth;   /* db_begin levels open (outside a group at most 1) */
#define DB_MARKS 16
    size_t marks[DB_MARKS];
    /* db_memo: counters kept for the rest of an optimistic group */
    struct db_memo {
        int set;
        int64_t n;
        char text[72];
    } memo[DB_MEMO_SLOTS];
    uint64_t epoch;   /* db_group_epoch: renewed whenever the memo is forgotten */
    char *watch;      /* db_watch_tables: the names, each NUL-terminated, one after another */
    size_t watch_len; /* bytes of watch in use */
};
struct db_stmt {
    const db_ops *ops;
};

extern const db_ops db_sqlite_ops;
extern const db_ops db_pg_ops;

/* PostgreSQL only: with on, writes inside a transaction take no statement savepoint, so a
 * failed statement fails the whole transaction. For bulk loads (db copy), where a
 * savepoint per row would cost a round trip and a subtransaction each. */
void db_pg_bulk(db *d, int on);

/* db_query with a va_list (db.c), for the other helpers of the db layer. */
#include <stdarg.h>
hg_rc db_vquery(db *d, db_stmt **out, hg_err *err, const char *sql, const char *fmt, va_list ap);

/* Copy of sql with @IDPK and @BLOB expanded for ops; xfree it. */
char *db_expand_ddl(const db_ops *ops, const char *sql);

#endif
