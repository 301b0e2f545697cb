/* ceiling_pg.c — the PostgreSQL storage ceiling for bench/ingest: the libpq twin of
 * ceiling.c, and the best PostgreSQL does with the rows one declaration writes (its serial,
 * the declaration, three items, two timeline events, its risk screening, its tax bill and
 * three tax lines, one audit row with the after-state text, as long as the server's:
 * filing_rows.h) into the same schema (made by `haiguan init` on the same server), with
 * synchronous_commit on, in batches of 1000 declarations per commit. Two ways, each measured:
 * - pipeline: the same prepared INSERTs, one per row, sent in libpq's pipeline mode with a
 *   sync every PIPE_DECLS declarations (so the answers never fill the socket buffers while
 *   nobody reads them), so a batch costs a few round trips instead of one per row;
 *   the audit row numbers itself on the server (MAX(seq) + 1), the serial is the per-row upsert;
 * - copy: one COPY per table per batch (text format); COPY cannot upsert, so the serial moves
 *   by the batch's count in one statement, and the audit rows are numbered by the client from
 *   the MAX(seq) read once per batch, inside the batch's transaction.
 * It prints both rates and ceiling_per_s=, the faster (docs/BENCHMARKS.md says which).
 *   ceiling_pg postgres://... COUNT [pipeline|copy] */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "filing_rows.h"

#define BATCH 1000
#define PIPE_DECLS 100

static PGconn *conn;

static void check(PGresult *r, const char *what)
{
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_COPY_IN) {
        fprintf(stderr, "ceiling_pg: %s: %s", what, PQresultErrorMessage(r));
        exit(1);
    }
    PQclear(r);
}

static void prep(const char *name, const char *sql) { check(PQprepare(conn, name, sql, 0, NULL), name); }

static void send_prepared(const char *name, int n, const char *const *v)
{
    if (!PQsendQueryPrepared(conn, name, n, v, NULL, NULL, 0)) {
        fprintf(stderr, "ceiling_pg: send %s: %s", name, PQerrorMessage(conn));
        exit(1);
    }
}

static void send_plain(const char *sql)
{
    if (!PQsendQueryParams(conn, sql, 0, NULL, NULL, NULL, NULL, 0)) {
        fprintf(stderr, "ceiling_pg: send %s: %s", sql, PQerrorMessage(conn));
        exit(1);
    }
}

/* Sync, then read every answer up to the sync's: any failure ends the program. */
static void sync_all(void)
{
    if (!PQpipelineSync(conn)) {
        fprintf(stderr, "ceiling_pg: sync: %s", PQerrorMessage(conn));
        exit(1);
    }
    for (int nulls = 0; nulls < 2;) {
        PGresult *r = PQgetResult(conn);
        if (!r) {
            nulls++;
            continue;
        }
        nulls = 0;
        if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
            PQclear(r);
            return;
        }
        check(r, "pipelined statement");
    }
    fprintf(stderr, "ceiling_pg: connection lost: %s", PQerrorMessage(conn));
    exit(1);
}

static void prepare_all(void)
{
    prep("decl", "INSERT INTO declarations (entry_no, direction, kind, declarant, consignee, port,"
                 " transport_mode, bill_no, trade_country, status, lane, advance, filed_ms, updated_ms)"
                 " VALUES ($1, 'import', 'complete', '91210200241600015L', '91210200241600015L', '0901',"
                 " 'sea', 'CEILBILL', 'DE', 'filed', 'green', 1, $2, $3)");
    /* quantity in 1e-5 of its unit, weights in grams, as the server keeps them (1 台, 10 and 9 kg) */
    prep("item", "INSERT INTO declaration_items (entry_no, line_no, hs_code, name, origin, quantity,"
                 " unit, value, currency, gross_weight_kg, net_weight_kg) VALUES ($1, $2, '8483409000',"
                 " '齿轮箱', 'DE', 100000, '台', 100000, 'CNY', 10000, 9000)");
    prep("event", "INSERT INTO declaration_events (entry_no, seq, at_ms, actor, event, detail)"
                  " VALUES ($1, $2, $3, 'dl-trading', 'filed', '{\"advance\":true}')");
    prep("bill", "INSERT INTO tax_bills (entry_no, issued_ms, last_free_day, duty_fen, consumption_fen,"
                 " vat_fen, total_fen, status, late_fee_waived) VALUES ($1, $2, 20000, 24000, 0, 42120,"
                 " 66120, 'due', 0)");
    prep("line", "INSERT INTO tax_lines (entry_no, line_no, hs_code, value_cny_fen, duty_ppm, consumption_ppm,"
                 " vat_ppm, duty_fen, consumption_base_fen, consumption_fen, vat_base_fen, vat_fen)"
                 " VALUES ($1, $2, '8483409000', 100000, 80000, 0, 130000, 8000, 0, 0, 108000, 14040)");
    prep("serial", "INSERT INTO serials (prefix, last) VALUES ('0901202610', 1)"
                   " ON CONFLICT (prefix) DO UPDATE SET last = serials.last + 1");
    prep("screening", "INSERT INTO risk_screenings (declaration_id, at_ms, direction, credit_level, lane,"
                      " random_selected, result) VALUES ($1, $2, 'import', 'advanced_certified', 'green', 0, $3)");
    prep("audit", "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id,"
                  " request_id, before_json, after_json, prev_hash, hash) VALUES ((SELECT COALESCE(MAX(seq),"
                  " 0) + 1 FROM audit_log), $1, 'dl-trading', 'declaration.file', 'declaration', $2,"
                  " '" REQUEST_ID "', NULL, $3, '" PREV_HASH "', '" HASH "')");
}

static void entry_of(long i, char *entry, size_t n) { snprintf(entry, n, "09012026%010ld", i + 1); }

/* Declarations first .. first + count - 1, pipelined. */
static void run_pipeline(long first, long count)
{
    if (!PQenterPipelineMode(conn)) {
        fprintf(stderr, "ceiling_pg: pipeline mode: %s", PQerrorMessage(conn));
        exit(1);
    }
    for (long i = first; i < first + count; i++) {
        long k0 = i - first;
        if (k0 % BATCH == 0)
            send_plain("BEGIN");
        char entry[32], now[24], k_txt[4];
        entry_of(i, entry, sizeof entry);
        snprintf(now, sizeof now, "%lld", (long long)time(NULL) * 1000);
        send_prepared("serial", 0, NULL);
        const char *d[3] = {entry, now, now};
        send_prepared("decl", 3, d);
        for (int k = 1; k <= 3; k++) {
            snprintf(k_txt, sizeof k_txt, "%d", k);
            const char *v[2] = {entry, k_txt};
            send_prepared("item", 2, v);
            send_prepared("line", 2, v);
        }
        for (int k = 1; k <= 2; k++) {
            snprintf(k_txt, sizeof k_txt, "%d", k);
            const char *v[3] = {entry, k_txt, now};
            send_prepared("event", 3, v);
        }
        const char *b[2] = {entry, now};
        send_prepared("bill", 2, b);
        const char *sc[3] = {entry, now, SCREENING};
        send_prepared("screening", 3, sc);
        char after[2048];
        snprintf(after, sizeof after, AFTER, i % 10000, entry);
        const char *a[3] = {now, entry, after};
        send_prepared("audit", 3, a);
        int last = k0 % BATCH == BATCH - 1 || i == first + count - 1;
        if (last)
            send_plain("COMMIT");
        if (last || k0 % PIPE_DECLS == PIPE_DECLS - 1)
            sync_all();
    }
    PQexitPipelineMode(conn);
}

/* COPY text format: backslash, tab and newline escaped. */
static void put_field(PGconn *c, const char *v, int last)
{
    char out[4096];
    size_t n = 0;
    for (const char *p = v; *p && n + 3 < sizeof out; p++) {
        if (*p == '\\' || *p == '\t' || *p == '\n')
            out[n++] = '\\', out[n++] = *p == '\t' ? 't' : *p == '\n' ? 'n' : '\\';
        else
            out[n++] = *p;
    }
    out[n++] = last ? '\n' : '\t';
    if (PQputCopyData(c, out, (int)n) != 1) {
        fprintf(stderr, "ceiling_pg: copy: %s", PQerrorMessage(c));
        exit(1);
    }
}

static void put_row(int n, const char *const *v)
{
    for (int i = 0; i < n; i++)
        put_field(conn, v[i], i == n - 1);
}

static void copy_end(const char *what)
{
    if (PQputCopyEnd(conn, NULL) != 1) {
        fprintf(stderr, "ceiling_pg: copy end %s: %s", what, PQerrorMessage(conn));
        exit(1);
    }
    check(PQgetResult(conn), what);
    PGresult *r = PQgetResult(conn);
    if (r)
        check(r, what);
}

static void copy_begin(const char *sql) { check(PQexec(conn, sql), sql); }

/* One batch of declarations first .. first + n - 1 by COPY, in one transaction. */
static void copy_batch(long first, long n)
{
    char now[24], entry[32], k_txt[4], seq[24], after[2048];
    snprintf(now, sizeof now, "%lld", (long long)time(NULL) * 1000);
    check(PQexec(conn, "BEGIN"), "begin");
    char serial[128];
    snprintf(serial, sizeof serial,
             "INSERT INTO serials (prefix, last) VALUES ('0901202610', %ld)"
             " ON CONFLICT (prefix) DO UPDATE SET last = serials.last + %ld",
             n, n);
    check(PQexec(conn, serial), "serial");
    copy_begin("COPY declarations (entry_no, direction, kind, declarant, consignee, port, transport_mode,"
               " bill_no, trade_country, status, lane, advance, filed_ms, updated_ms) FROM STDIN");
    for (long i = first; i < first + n; i++) {
        entry_of(i, entry, sizeof entry);
        const char *v[] = {entry,
                           "import",
                           "complete",
                           "91210200241600015L",
                           "91210200241600015L",
                           "0901",
                           "sea",
                           "CEILBILL",
                           "DE",
                           "filed",
                           "green",
                           "1",
                           now,
                           now};
        put_row(14, v);
    }
    copy_end("declarations");
    copy_begin("COPY declaration_items (entry_no, line_no, hs_code, name, origin, quantity, unit, value,"
               " currency, gross_weight_kg, net_weight_kg) FROM STDIN");
    for (long i = first; i < first + n; i++)
        for (int k = 1; k <= 3; k++) {
            entry_of(i, entry, sizeof entry);
            snprintf(k_txt, sizeof k_txt, "%d", k);
            const char *v[] = {entry, k_txt,    "8483409000", "齿轮箱", "DE",  "100000",
                               "台",  "100000", "CNY",        "10000",  "9000"};
            put_row(11, v);
        }
    copy_end("declaration_items");
    copy_begin("COPY tax_lines (entry_no, line_no, hs_code, value_cny_fen, duty_ppm, consumption_ppm, vat_ppm,"
               " duty_fen, consumption_base_fen, consumption_fen, vat_base_fen, vat_fen) FROM STDIN");
    for (long i = first; i < first + n; i++)
        for (int k = 1; k <= 3; k++) {
            entry_of(i, entry, sizeof entry);
            snprintf(k_txt, sizeof k_txt, "%d", k);
            const char *v[] = {entry,    k_txt,  "8483409000", "100000", "80000",  "0",
                               "130000", "8000", "0",          "0",      "108000", "14040"};
            put_row(12, v);
        }
    copy_end("tax_lines");
    copy_begin("COPY declaration_events (entry_no, seq, at_ms, actor, event, detail) FROM STDIN");
    for (long i = first; i < first + n; i++)
        for (int k = 1; k <= 2; k++) {
            entry_of(i, entry, sizeof entry);
            snprintf(k_txt, sizeof k_txt, "%d", k);
            const char *v[] = {entry, k_txt, now, "dl-trading", "filed", "{\"advance\":true}"};
            put_row(6, v);
        }
    copy_end("declaration_events");
    copy_begin("COPY tax_bills (entry_no, issued_ms, last_free_day, duty_fen, consumption_fen, vat_fen, total_fen,"
               " status, late_fee_waived) FROM STDIN");
    for (long i = first; i < first + n; i++) {
        entry_of(i, entry, sizeof entry);
        const char *v[] = {entry, now, "20000", "24000", "0", "42120", "66120", "due", "0"};
        put_row(9, v);
    }
    copy_end("tax_bills");
    copy_begin("COPY risk_screenings (declaration_id, at_ms, direction, credit_level, lane, random_selected, result)"
               " FROM STDIN");
    for (long i = first; i < first + n; i++) {
        entry_of(i, entry, sizeof entry);
        const char *v[] = {entry, now, "import", "advanced_certified", "green", "0", SCREENING};
        put_row(7, v);
    }
    copy_end("risk_screenings");
    PGresult *r = PQexec(conn, "SELECT COALESCE(MAX(seq), 0) FROM audit_log");
    long base = PQresultStatus(r) == PGRES_TUPLES_OK ? strtol(PQgetvalue(r, 0, 0), NULL, 10) : 0;
    check(r, "audit seq");
    copy_begin("COPY audit_log (seq, at_ms, actor, action, object_type, object_id, request_id, after_json,"
               " prev_hash, hash) FROM STDIN");
    for (long i = first; i < first + n; i++) {
        entry_of(i, entry, sizeof entry);
        snprintf(seq, sizeof seq, "%ld", base + (i - first) + 1);
        snprintf(after, sizeof after, AFTER, i % 10000, entry);
        const char *v[] = {seq,   now,        "dl-trading", "declaration.file", "declaration",
                           entry, REQUEST_ID, after,        PREV_HASH,          HASH};
        put_row(10, v);
    }
    copy_end("audit_log");
    check(PQexec(conn, "COMMIT"), "commit");
}

static double since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: ceiling_pg postgres://... COUNT [pipeline|copy]\n");
        return 2;
    }
    long count = strtol(argv[2], NULL, 10);
    const char *only = argc == 4 ? argv[3] : "";
    conn = PQconnectdb(argv[1]);
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "ceiling_pg: %s", PQerrorMessage(conn));
        return 1;
    }
    check(PQexec(conn, "SET synchronous_commit = on"), "settings");
    /* the declarations reference a manifested bill, as in the real path */
    check(PQexec(conn,
                 "INSERT INTO manifests VALUES ('MFCEIL', 'import', 'sea', 'IMO9074729', NULL, NULL, NULL, NULL,"
                 " '0901', 0, '91210200118877668W', 'filed', NULL, 0, 0);"
                 "INSERT INTO manifest_bills VALUES ('MFCEIL', 1, 'CEILBILL', '91210200241600015L', 'x', 1, 1, NULL)"),
          "manifest");
    prepare_all();
    double pipe = 0, copy = 0;
    struct timespec t0;
    if (strcmp(only, "copy") != 0) {
        clock_gettime(CLOCK_MONOTONIC, &t0);
        run_pipeline(0, count);
        pipe = (double)count / since(&t0);
    }
    if (strcmp(only, "pipeline") != 0) {
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (long i = 0; i < count; i += BATCH)
            copy_batch(count + i, count - i < BATCH ? count - i : BATCH);
        copy = (double)count / since(&t0);
    }
    printf("ceiling_pg: pipeline_per_s=%.0f copy_per_s=%.0f\n", pipe, copy);
    printf("ceiling_per_s=%.0f\n", pipe > copy ? pipe : copy);
    PQfinish(conn);
    return 0;
}
