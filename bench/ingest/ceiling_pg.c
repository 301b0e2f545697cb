/* ceiling_pg.c — the PostgreSQL storage ceiling for bench/ingest: the libpq twin of
 * ceiling.c. It writes the rows one declaration writes (its serial, the declaration, three
 * items, two timeline events, its risk screening, its tax bill and three tax lines, one audit
 * row with the after-state text, as long as the server's: filing_rows.h) into the same schema
 * (made by `haiguan init` on the same server), with prepared statements, one round trip per
 * row as haiguan's backend makes them (no pipelining), synchronous_commit on, in batches of
 * 1000 declarations per commit. It prints declarations per second.
 *   ceiling_pg postgres://... COUNT */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "filing_rows.h"

static PGconn *conn;

static void check(PGresult *r, const char *what)
{
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        fprintf(stderr, "ceiling_pg: %s: %s", what, PQresultErrorMessage(r));
        exit(1);
    }
    PQclear(r);
}

static void prep(const char *name, const char *sql) { check(PQprepare(conn, name, sql, 0, NULL), name); }

static void run(const char *name, int n, const char *const *v)
{
    check(PQexecPrepared(conn, name, n, v, NULL, NULL, 0), name);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: ceiling_pg postgres://... COUNT\n");
        return 2;
    }
    long count = strtol(argv[2], NULL, 10);
    conn = PQconnectdb(argv[1]);
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "ceiling_pg: %s", PQerrorMessage(conn));
        return 1;
    }
    check(PQexec(conn, "SET synchronous_commit = on"), "settings");
    /* the declarations reference a manifested bill, as in the real path */
    check(PQexec(conn, "INSERT INTO manifests VALUES ('MFCEIL', 'import', 'sea', 'IMO9074729', NULL, NULL, NULL, NULL,"
                       " '0902', 0, '91210200118877668W', 'filed', NULL, 0, 0);"
                       "INSERT INTO manifest_bills VALUES ('MFCEIL', 1, 'CEILBILL', '91210200241600015L', 'x', 1, 1, NULL)"),
          "manifest");
    prep("decl", "INSERT INTO declarations (entry_no, direction, kind, declarant, consignee, port,"
                 " transport_mode, bill_no, trade_country, status, lane, advance, filed_ms, updated_ms)"
                 " VALUES ($1, 'import', 'complete', '91210200241600015L', '91210200241600015L', '0902',"
                 " 'sea', 'CEILBILL', 'DE', 'filed', 'green', 1, $2, $3)");
    prep("item", "INSERT INTO declaration_items (entry_no, line_no, hs_code, name, origin, quantity,"
                 " unit, value, currency, gross_weight_kg, net_weight_kg) VALUES ($1, $2, '8483409000',"
                 " '齿轮箱', 'DE', 1, '台', 100000, 'CNY', 10, 9)");
    prep("event", "INSERT INTO declaration_events (entry_no, seq, at_ms, actor, event, detail)"
                  " VALUES ($1, $2, $3, 'dl-trading', 'filed', '{\"advance\":true}')");
    prep("bill", "INSERT INTO tax_bills (entry_no, issued_ms, last_free_day, duty_fen, consumption_fen,"
                 " vat_fen, total_fen, status, late_fee_waived) VALUES ($1, $2, 20000, 24000, 0, 42120,"
                 " 66120, 'due', 0)");
    prep("line", "INSERT INTO tax_lines VALUES ($1, $2, '8483409000', 100000, 80000, 0, 130000, 8000,"
                 " 0, 0, 108000, 14040)");
    prep("serial", "INSERT INTO serials (prefix, last) VALUES ('0902202610', 1)"
                   " ON CONFLICT (prefix) DO UPDATE SET last = serials.last + 1");
    prep("screening", "INSERT INTO risk_screenings (declaration_id, at_ms, direction, credit_level, lane,"
                      " random_selected, result) VALUES ($1, $2, 'import', 'advanced_certified', 'green', 0, $3)");
    prep("audit", "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id,"
                  " request_id, before_json, after_json, prev_hash, hash) VALUES ((SELECT COALESCE(MAX(seq),"
                  " 0) + 1 FROM audit_log), $1, 'dl-trading', 'declaration.file', 'declaration', $2,"
                  " '" REQUEST_ID "', NULL, $3, '" PREV_HASH "', '" HASH "')");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 0; i < count; i++) {
        if (i % 1000 == 0)
            check(PQexec(conn, "BEGIN"), "begin");
        char entry[32], now[24], k_txt[4];
        snprintf(entry, sizeof entry, "09022026%010ld", i + 1);
        snprintf(now, sizeof now, "%lld", (long long)time(NULL) * 1000);
        run("serial", 0, NULL);
        const char *d[3] = {entry, now, now};
        run("decl", 3, d);
        for (int k = 1; k <= 3; k++) {
            snprintf(k_txt, sizeof k_txt, "%d", k);
            const char *v[2] = {entry, k_txt};
            run("item", 2, v);
            run("line", 2, v);
        }
        for (int k = 1; k <= 2; k++) {
            snprintf(k_txt, sizeof k_txt, "%d", k);
            const char *v[3] = {entry, k_txt, now};
            run("event", 3, v);
        }
        const char *b[2] = {entry, now};
        run("bill", 2, b);
        const char *sc[3] = {entry, now, SCREENING};
        run("screening", 3, sc);
        char after[2048];
        snprintf(after, sizeof after, AFTER, i % 10000, entry);
        const char *a[3] = {now, entry, after};
        run("audit", 3, a);
        if (i % 1000 == 999 || i == count - 1)
            check(PQexec(conn, "COMMIT"), "commit");
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("ceiling_per_s=%.0f\n", (double)count / secs);
    PQfinish(conn);
    return 0;
}
