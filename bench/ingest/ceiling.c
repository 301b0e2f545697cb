/* ceiling.c — the storage ceiling for bench/ingest: a bare SQLite program that writes the
 * rows one declaration writes (its serial, the declaration, three items, two timeline events,
 * its risk screening, its tax bill and three tax lines, the ledger is empty for these goods,
 * one audit row carrying the declaration's after-state text and hashes, as long as the
 * server's) into the same schema (made by `haiguan init`), with the same durability (WAL,
 * synchronous=FULL), in batches of 1000 declarations per commit. It prints declarations per
 * second. Nothing is computed (no JSON, no screening, no hashing): only the rows are written.
 *   ceiling DB_FILE COUNT */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "filing_rows.h"

static void check(int rc, sqlite3 *db, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "ceiling: %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    check(sqlite3_prepare_v2(db, sql, -1, &s, NULL), db, sql);
    return s;
}

static void run(sqlite3_stmt *s, sqlite3 *db)
{
    check(sqlite3_step(s), db, sqlite3_sql(s));
    sqlite3_reset(s);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: ceiling DB_FILE COUNT\n");
        return 2;
    }
    long count = strtol(argv[2], NULL, 10);
    sqlite3 *db;
    check(sqlite3_open(argv[1], &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                           "PRAGMA cache_size=-65536;",
                       NULL, NULL, NULL),
          db, "pragmas");
    /* the declarations reference a manifested bill, as in the real path */
    check(sqlite3_exec(db,
                       "INSERT INTO manifests VALUES ('MFCEIL', 'import', 'sea', 'IMO9074729', NULL, NULL, NULL, NULL,"
                       " '0901', 0, '91210200118877668W', 'filed', NULL, 0, 0);"
                       "INSERT INTO manifest_bills VALUES ('MFCEIL', 1, 'CEILBILL', '91210200241600015L', 'x', 1, 1, NULL);",
                       NULL, NULL, NULL),
          db, "manifest");
    sqlite3_stmt *decl = prep(db, "INSERT INTO declarations (entry_no, direction, kind, declarant, consignee, port,"
                                  " transport_mode, bill_no, trade_country, status, lane, advance, filed_ms, updated_ms)"
                                  " VALUES (?, 'import', 'complete', '91210200241600015L', '91210200241600015L', '0901',"
                                  " 'sea', 'CEILBILL', 'DE', 'filed', 'green', 1, ?, ?)");
    /* quantity in 1e-5 of its unit, weights in grams, as the server keeps them (1 台, 10 and 9 kg) */
    sqlite3_stmt *item = prep(db, "INSERT INTO declaration_items (entry_no, line_no, hs_code, name, origin, quantity,"
                                  " unit, value, currency, gross_weight_kg, net_weight_kg) VALUES (?, ?, '8483409000',"
                                  " '齿轮箱', 'DE', 100000, '台', 100000, 'CNY', 10000, 9000)");
    sqlite3_stmt *event = prep(db, "INSERT INTO declaration_events (entry_no, seq, at_ms, actor, event, detail)"
                                   " VALUES (?, ?, ?, 'dl-trading', 'filed', '{\"advance\":true}')");
    sqlite3_stmt *bill = prep(db, "INSERT INTO tax_bills (entry_no, issued_ms, last_free_day, duty_fen, consumption_fen,"
                                  " vat_fen, total_fen, status, late_fee_waived) VALUES (?, ?, 20000, 24000, 0, 42120,"
                                  " 66120, 'due', 0)");
    sqlite3_stmt *line = prep(db, "INSERT INTO tax_lines (entry_no, line_no, hs_code, value_cny_fen, duty_ppm,"
                                  " consumption_ppm, vat_ppm, duty_fen, consumption_base_fen, consumption_fen,"
                                  " vat_base_fen, vat_fen) VALUES (?, ?, '8483409000', 100000, 80000, 0, 130000, 8000,"
                                  " 0, 0, 108000, 14040)");
    sqlite3_stmt *serial = prep(db, "INSERT INTO serials (prefix, last) VALUES ('0901202610', 1)"
                                    " ON CONFLICT (prefix) DO UPDATE SET last = serials.last + 1");
    sqlite3_stmt *screening = prep(db, "INSERT INTO risk_screenings (declaration_id, at_ms, direction, credit_level,"
                                       " lane, random_selected, result) VALUES (?, ?, 'import', 'advanced_certified',"
                                       " 'green', 0, ?)");
    sqlite3_stmt *audit = prep(db, "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id,"
                                   " request_id, before_json, after_json, prev_hash, hash) VALUES ((SELECT COALESCE(MAX(seq),"
                                   " 0) + 1 FROM audit_log), ?, 'dl-trading', 'declaration.file', 'declaration', ?,"
                                   " '" REQUEST_ID "', NULL, ?, '" PREV_HASH "', '" HASH "')");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 0; i < count; i++) {
        if (i % 1000 == 0)
            check(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), db, "begin");
        char entry[40];
        snprintf(entry, sizeof entry, "09012026%010ld", (i + 1) % 10000000000L);
        sqlite3_int64 now = (sqlite3_int64)time(NULL) * 1000;
        run(serial, db);
        sqlite3_bind_text(decl, 1, entry, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(decl, 2, now);
        sqlite3_bind_int64(decl, 3, now);
        run(decl, db);
        for (int k = 1; k <= 3; k++) {
            sqlite3_bind_text(item, 1, entry, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(item, 2, k);
            run(item, db);
            sqlite3_bind_text(line, 1, entry, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(line, 2, k);
            run(line, db);
        }
        for (int k = 1; k <= 2; k++) {
            sqlite3_bind_text(event, 1, entry, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(event, 2, k);
            sqlite3_bind_int64(event, 3, now);
            run(event, db);
        }
        sqlite3_bind_text(bill, 1, entry, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(bill, 2, now);
        run(bill, db);
        sqlite3_bind_text(screening, 1, entry, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(screening, 2, now);
        sqlite3_bind_text(screening, 3, SCREENING, -1, SQLITE_STATIC);
        run(screening, db);
        char after[2048];
        snprintf(after, sizeof after, AFTER, i % 10000, entry);
        sqlite3_bind_int64(audit, 1, now);
        sqlite3_bind_text(audit, 2, entry, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(audit, 3, after, -1, SQLITE_TRANSIENT);
        run(audit, db);
        if (i % 1000 == 999 || i == count - 1)
            check(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), db, "commit");
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("ceiling_per_s=%.0f\n", (double)count / secs);
    sqlite3_close(db);
    return 0;
}
