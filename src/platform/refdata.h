/* refdata.h — in-memory copies of small reference tables that every declaration reads and
 * that change seldom (the tariff, the HS prefixes under legal inspection). Each such table
 * has a version in ref_versions, bumped by triggers on any change whoever makes it (the
 * server, `haiguan import`, an operator with psql); a cache holds the version it loaded and
 * reloads when the database's differs. */
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
 * cache or a client's copy compares with the one it holds. */
hg_rc refdata_version(db *d, const char *table, int64_t *version, hg_err *err);
/* Called after a write to a reference table inside a transaction: the versions read earlier in
 * the writer's group (refdata.c keeps them for the group) are read again. */
void refdata_touched(void);

/* A table of code prefixes, each with up to three integers (a tariff line's rates) and two
 * short texts (its legal units): SELECT prefix, a, b, c, text1, text2. */
typedef struct prefix_row {
    char prefix[16];
    int64_t v[3];
    char text[2][32];
} prefix_row;

typedef struct prefix_cache {
    const char *table;      /* its name in ref_versions */
    const char *load_sql;   /* SELECT prefix[, a[, b[, c]]] FROM table */
    pthread_mutex_t mu;
    int64_t version;        /* 0: not loaded */
    size_t n;
    prefix_row *rows;       /* sorted by prefix */
} prefix_cache;

#define PREFIX_CACHE_INIT(table, load_sql) {table, load_sql, PTHREAD_MUTEX_INITIALIZER, 0, 0, NULL}

/* Brings the cache up to the version d sees (one query when it is current). */
hg_rc prefix_cache_sync(db *d, prefix_cache *c, hg_err *err);
/* The row of the longest prefix of code among its first len, len-2, ... 2 characters
 * (the HS convention: 10, 8, 6, 4, 2 digits): 1 when found, 0 when none. */
int prefix_cache_find(prefix_cache *c, const char *code, prefix_row *out);

#endif
