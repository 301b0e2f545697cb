/* bench_db_pg.c — what haiguan's PostgreSQL backend (db_pg.c) costs over bare libpq.
 *
 * Both sides insert the same rows in the same batches, one transaction per batch, with a
 * prepared INSERT: haiguan through db.h (db_begin's advisory write lock, a statement
 * savepoint per write, text parameters), its peer through libpq directly (BEGIN, prepared
 * INSERT, COMMIT). A third run is haiguan in bulk mode (no statement savepoints), which
 * separates the savepoints' cost from the lock's. It measures the storage layer only, not
 * HTTP: bench/ingest will measure the whole path.
 *
 *   bench_db_pg URL [ROWS [BATCH]]     (default 20000 rows in batches of 100)
 * Last line: the one-line summary with the ratio. */
#include <inttypes.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "db_impl.h"

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long arg_long(const char *s, long dflt)
{
    if (!s)
        return dflt;
    char *end;
    long v = strtol(s, &end, 10);
    return *end || v <= 0 ? dflt : v;
}

/* Row i: a 12-character code and a number, like a declaration item's key columns. */
static void row_text(long i, char code[32], char num[24])
{
    snprintf(code, 32, "ROW%09ld", i);
    snprintf(num, 24, "%ld", i * 7);
}

static int fresh_table(db *d, const char *name)
{
    char sql[256];
    hg_err err;
    snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS %s; CREATE TABLE %s (id BIGINT PRIMARY KEY, code TEXT NOT NULL, n BIGINT)",
             name, name);
    if (db_exec(d, sql, &err)) {
        fprintf(stderr, "bench_db_pg: %s\n", err.message);
        return -1;
    }
    return 0;
}

static double run_haiguan(db *d, const char *table, long rows, long batch)
{
    char sql[256], code[32], num[24];
    hg_err err;
    snprintf(sql, sizeof sql, "INSERT INTO %s (id, code, n) VALUES (?, ?, ?)", table);
    double t0 = now_s();
    for (long i = 0; i < rows;) {
        if (db_begin(d, &err))
            goto fail;
        for (long k = 0; k < batch && i < rows; k++, i++) {
            row_text(i, code, num);
            if (db_run(d, &err, sql, "iti", (int64_t)i, code, (int64_t)(i * 7)))
                goto fail;
        }
        if (db_commit(d, &err))
            goto fail;
    }
    return now_s() - t0;
fail:
    fprintf(stderr, "bench_db_pg: haiguan: %s\n", err.message);
    return -1;
}

static int ok(PGresult *r, ExecStatusType want)
{
    int good = PQresultStatus(r) == want;
    if (!good)
        fprintf(stderr, "bench_db_pg: libpq: %s", PQresultErrorMessage(r));
    PQclear(r);
    return good;
}

static double run_libpq(PGconn *c, long rows, long batch)
{
    char id[24], code[32], num[24];
    if (!ok(PQprepare(c, "ins", "INSERT INTO bench_libpq (id, code, n) VALUES ($1, $2, $3)", 3, NULL), PGRES_COMMAND_OK))
        return -1;
    double t0 = now_s();
    for (long i = 0; i < rows;) {
        if (!ok(PQexec(c, "BEGIN"), PGRES_COMMAND_OK))
            return -1;
        for (long k = 0; k < batch && i < rows; k++, i++) {
            row_text(i, code, num);
            snprintf(id, sizeof id, "%ld", i);
            const char *v[3] = {id, code, num};
            if (!ok(PQexecPrepared(c, "ins", 3, v, NULL, NULL, 0), PGRES_COMMAND_OK))
                return -1;
        }
        if (!ok(PQexec(c, "COMMIT"), PGRES_COMMAND_OK))
            return -1;
    }
    return now_s() - t0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || (strncmp(argv[1], "postgres://", 11) != 0 && strncmp(argv[1], "postgresql://", 13) != 0)) {
        fprintf(stderr, "usage: bench_db_pg postgres://... [ROWS [BATCH]]\n");
        return 2;
    }
    long rows = arg_long(argc > 2 ? argv[2] : NULL, 20000), batch = arg_long(argc > 3 ? argv[3] : NULL, 100);
    db *d;
    hg_err err;
    if (db_open(argv[1], &d, &err)) {
        fprintf(stderr, "bench_db_pg: %s\n", err.message);
        return 1;
    }
    PGconn *c = PQconnectdb(argv[1]);
    if (PQstatus(c) != CONNECTION_OK) {
        fprintf(stderr, "bench_db_pg: %s", PQerrorMessage(c));
        return 1;
    }
    /* a warm-up pass first (caches, WAL segments), then fresh tables for the timed runs */
    if (fresh_table(d, "bench_libpq") || run_libpq(c, rows, batch) <= 0)
        return 1;
    PQclear(PQexec(c, "DEALLOCATE ins"));
    if (fresh_table(d, "bench_haiguan") || fresh_table(d, "bench_bulk") || fresh_table(d, "bench_libpq"))
        return 1;
    double peer = run_libpq(c, rows, batch);
    double ours = run_haiguan(d, "bench_haiguan", rows, batch);
    db_pg_bulk(d, 1);
    double bulk = run_haiguan(d, "bench_bulk", rows, batch);
    db_pg_bulk(d, 0);
    if (peer <= 0 || ours <= 0 || bulk <= 0)
        return 1;
    printf("bare libpq           %8.0f rows/s\n", rows / peer);
    printf("haiguan db_pg        %8.0f rows/s  (advisory lock + statement savepoints)\n", rows / ours);
    printf("haiguan db_pg bulk   %8.0f rows/s  (advisory lock, no savepoints)\n", rows / bulk);
    printf("db_pg: %ld rows in batches of %ld: %.0f rows/s, %.2f of bare libpq (%.0f rows/s); bulk mode %.2f\n", rows,
           batch, rows / ours, peer / ours, rows / peer, peer / bulk);
    PQfinish(c);
    db_close(d);
    return 0;
}
