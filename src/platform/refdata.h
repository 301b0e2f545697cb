/* refdata.h — in-memory copies of small reference tables that every declaration reads and
 * that change seldom (the tariff, the HS prefixes under legal inspection). Each such table
 * has a version in ref_versions, bumped by triggers on any change whoever makes it (the
 * server, `haiguan import`, an operator with psql); a cache holds the version it loaded and
 * reloads when the database's differs (row_cache). */
#ifndef HG_REFDATA_H
#define HG_REFDATA_H

#include <pthread.h>
#include <stdint.h>

#include "db.h"

/* The migration that creates ref_versions (platform). */
extern const migration refdata_migrations[];

/* For an area's migration: registers table t and makes every change to it bump its
 * version. The common part goes in migration.sql, the others in sql_sqlite / sql_pg. */
#define REFDATA_REGISTER(t) "INSERT INTO ref_versions (name, version) VALUES ('" #t "', 1);"
#define REFDATA_TRIGGERS_SQLITE(t)                                                                                     \
    "CREATE TRIGGER " #t "_version_insert AFTER INSERT ON " #t                                                          \
    " BEGIN UPDATE ref_versions SET version = version + 1 WHERE name = '" #t "'; END;"                                  \
    "CREATE TRIGGER " #t "_version_update AFTER UPDATE ON " #t                                                          \
    " BEGIN UPDATE ref_versions SET version = version + 1 WHERE name = '" #t "'; END;"                                  \
    "CREATE TRIGGER " #t "_version_delete AFTER DELETE ON " #t                                                          \
    " BEGIN UPDATE ref_versions SET version = version + 1 WHERE name = '" #t "'; END;"
#define REFDATA_TRIGGERS_PG(t)                                                                                         \
    "CREATE TRIGGER " #t "_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON " #t                                 \
    " FOR EACH STATEMENT EXECUTE FUNCTION ref_version_bump('" #t "');"

/* The version of reference table `table` (HG_NOTFOUND when it is not registered): what a
 * cache or a client's copy compares with the one it holds. Inside the writer's optimistic group
 * the versions are read once for the group; a write the group makes to a versioned table
 * forgets them (db_watch_tables, done here whenever they are read), so its own change is seen
 * by its next read. */
hg_rc refdata_version(db *d, const char *table, int64_t *version, hg_err *err);

/* A versioned table's rows in memory, as of its version: the generic cache every reference
 * table uses (the ports, the dated tariff, the webhook subscribers, the prefix tables below).
 * The load SQL's rows are read, one at a time, by read into a zeroed row of row_size bytes;
 * read returns HG_OK or an error (HG_NOMEM), which fails the load and keeps the rows as they
 * were. free_row (NULL: nothing to free) releases what read allocated in a row, also in a row
 * whose read failed. cmp (NULL: the load's order) sorts the rows after a load. Declare one with
 * ROW_CACHE_INIT as a static of the module that owns the table; it lives as long as the
 * process. */
typedef struct row_cache {
    const char *table;    /* its name in ref_versions */
    const char *load_sql; /* all its rows, no parameters */
    size_t row_size;
    hg_rc (*read)(db_stmt *s, void *row, hg_err *err);
    void (*free_row)(void *row);
    int (*cmp)(const void *a, const void *b);
    pthread_mutex_t mu;
    int64_t version; /* 0: not loaded */
    size_t n;
    void *rows; /* n rows of row_size bytes */
} row_cache;

#define ROW_CACHE_INIT(table, load_sql, type, read, free_row, cmp)                                                     \
    {table, load_sql, sizeof(type), read, free_row, cmp, PTHREAD_MUTEX_INITIALIZER, 0, 0, NULL}

/* Brings the cache up to the version d sees (one query when it is current, none inside an
 * optimistic group that read the versions already). Errors: the database's (never "not
 * found" for a table that is registered), HG_NOTFOUND for one that is not, HG_NOMEM. */
hg_rc row_cache_sync(db *d, row_cache *c, hg_err *err);
/* Syncs c with d (no sync when d is NULL: the rows as of the last one) and, under the cache's
 * lock, calls fn with its rows and their number; fn must copy out what it keeps, and neither
 * block nor use the database. Returns the sync's error (fn is then not called) or fn's. */
hg_rc row_cache_with(db *d, row_cache *c, hg_rc (*fn)(const void *rows, size_t n, void *cls, hg_err *err), void *cls,
                     hg_err *err);

/* A table of code prefixes, each with up to three integers (a tariff line's rates) and two
 * short texts (its legal units): SELECT prefix, a, b, c, text1, text2. A row_cache of these
 * rows, sorted by prefix, found by the longest prefix of a code. */
typedef struct prefix_row {
    char prefix[16];
    int64_t v[3];
    char text[2][32];
} prefix_row;

typedef struct prefix_cache {
    row_cache rows;
} prefix_cache;

/* row_cache's read and cmp for prefix rows (PREFIX_CACHE_INIT) */
hg_rc prefix_row_read(db_stmt *s, void *row, hg_err *err);
int prefix_row_cmp(const void *a, const void *b);

/* load_sql: SELECT prefix[, a[, b[, c[, text1[, text2]]]]] FROM table */
#define PREFIX_CACHE_INIT(table, load_sql) {ROW_CACHE_INIT(table, load_sql, prefix_row, prefix_row_read, NULL, prefix_row_cmp)}

/* Brings the cache up to the version d sees (row_cache_sync). */
hg_rc prefix_cache_sync(db *d, prefix_cache *c, hg_err *err);
/* The row of the longest prefix of code among its first len, len-2, ... 2 characters
 * (the HS convention: 10, 8, 6, 4, 2 digits), as of the last sync: 1 when found, 0 when none. */
int prefix_cache_find(prefix_cache *c, const char *code, prefix_row *out);

#endif
