/* ceiling.c — the storage ceiling for bench/run health: a bare SQLite program that writes the
 * rows one health declaration writes (the declaration, one visit, its event and event sequence,
 * its audit row with a text as long as the server's) and then the rows one counter scan writes
 * (the traveller, its event, its audit row) into the same schema (made by `haiguan init`), with
 * the same durability (WAL, synchronous=FULL), in batches of 1000 per commit. Nothing is
 * computed (no JSON, no signature, no hashing): only the rows are written. It prints both rates.
 *   ceiling DB_FILE COUNT */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define HASH "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

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

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
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
    check(sqlite3_exec(db,
                       "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                       "PRAGMA cache_size=-65536;"
                       "INSERT INTO health_flights VALUES ('HB1-20261203', 'HB1', 'KRSEL', 'CNDLC', 0, 180, 10,"
                       " '2026-12-03', 1, NULL, 'quarantine', 'flight');",
                       NULL, NULL, NULL),
          db, "setup");
    sqlite3_stmt *decl = prep(
        db, "INSERT INTO health_declarations (id, name, name_mrz, sex, birth_date, nationality, document_type,"
            " document_no, flight_no, seat, port, entry_date, address, phone, contact_cases, fever_cluster,"
            " antipyretics, warning_accepted, language, key_id, answers_hash, created_ms, expires_ms, token_hash)"
            " VALUES (?, '张三', 'ZHANG<<SAN', 'M', '1949-12-31', 'CN', 'resident_id', '11010519491231002X', 'HB1',"
            " '32A', 'CNDLC', '2026-12-03', '大连市中山区人民路15号1203室', '13912345678', 0, 0, 0, 1, 'zh',"
            " '0123456789abcdef', '" HASH "', ?, ?, ?)");
    sqlite3_stmt *visit = prep(db, "INSERT INTO health_visits VALUES (?, 1, 'KR', '2026-11-28', '2026-12-03')");
    sqlite3_stmt *seq = prep(db, "UPDATE event_seq SET n = n + 1 WHERE id = 1");
    sqlite3_stmt *event = prep(db, "INSERT INTO event_outbox (seq, at_ms, type, subject_kind, subject_id, enterprise,"
                                   " actor, request_id, data) VALUES ((SELECT n FROM event_seq WHERE id = 1), ?, ?,"
                                   " 'health', ?, NULL, 'anonymous', 'a1b2c3d4e5f60718', '{\"flight_no\":\"HB1\"}')");
    sqlite3_stmt *audit =
        prep(db, "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, request_id, before_json,"
                 " after_json, prev_hash, hash) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log), ?,"
                 " 'anonymous', ?, 'health', ?, 'a1b2c3d4e5f60718', NULL, ?, '" HASH "', '" HASH "')");
    sqlite3_stmt *trav = prep(db, "INSERT INTO health_travellers (barcode, declaration_id, flight_id, scanned_ms,"
                                  " scanned_by, flags, status) VALUES (?, ?, 'HB1-20261203', ?, 'quarantine',"
                                  " 'travel', 'open')");
    double rates[2];
    for (int phase = 0; phase < 2; phase++) {
        double t0 = now_s();
        for (long i = 0; i < count; i++) {
            if (i % 1000 == 0)
                check(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), db, "begin");
            char id[40], code[40], after[512];
            sqlite3_int64 now = (sqlite3_int64)time(NULL) * 1000;
            snprintf(id, sizeof id, "HD20261203%012lx", (unsigned long)i);
            if (phase == 0) {
                char token[100];
                snprintf(token, sizeof token, "%s%012ld", HASH, i);
                sqlite3_bind_text(decl, 1, id, -1, SQLITE_TRANSIENT);
                sqlite3_bind_int64(decl, 2, now);
                sqlite3_bind_int64(decl, 3, now + 86400000);
                sqlite3_bind_text(decl, 4, token, -1, SQLITE_TRANSIENT);
                run(decl, db);
                sqlite3_bind_text(visit, 1, id, -1, SQLITE_TRANSIENT);
                run(visit, db);
                snprintf(after, sizeof after,
                         "{\"answers_hash\":\"%s\",\"document\":\"11**************2X\",\"entry_date\":\"2026-12-03\","
                         "\"flight_no\":\"HB1\",\"id\":\"%s\",\"name\":\"Z**** S**\"}",
                         HASH, id);
            } else {
                snprintf(code, sizeof code, "Q20261203%06ld", i + 1);
                sqlite3_bind_text(trav, 1, code, -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(trav, 2, id, -1, SQLITE_TRANSIENT);
                sqlite3_bind_int64(trav, 3, now);
                run(trav, db);
                snprintf(after, sizeof after,
                         "{\"barcode\":\"%s\",\"declaration_id\":\"%s\",\"flight_id\":\"HB1-20261203\"}", code, id);
            }
            run(seq, db);
            sqlite3_bind_int64(event, 1, now);
            sqlite3_bind_text(event, 2, phase ? "health.scanned" : "health.declared", -1, SQLITE_STATIC);
            sqlite3_bind_text(event, 3, phase ? code : id, -1, SQLITE_TRANSIENT);
            run(event, db);
            sqlite3_bind_int64(audit, 1, now);
            sqlite3_bind_text(audit, 2, phase ? "health.scan" : "health.declare", -1, SQLITE_STATIC);
            sqlite3_bind_text(audit, 3, phase ? code : id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(audit, 4, after, -1, SQLITE_TRANSIENT);
            run(audit, db);
            if (i % 1000 == 999 || i == count - 1)
                check(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), db, "commit");
        }
        rates[phase] = (double)count / (now_s() - t0);
    }
    printf("declare_ceiling_per_s=%.0f scan_ceiling_per_s=%.0f\n", rates[0], rates[1]);
    sqlite3_close(db);
    return 0;
}
