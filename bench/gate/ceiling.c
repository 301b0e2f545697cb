/* ceiling.c — the storage ceiling for bench/run gate: a bare SQLite program that writes the
 * rows one passing gate event writes — the event with its conditions and answer, its search
 * key, the container's exit, the declaration's gate-out time and timeline row, the event and
 * its sequence, the audit row with a text as long as the server's — into a copy of the bench's
 * database (its declarations are the exits' references), with the same durability (WAL,
 * synchronous=FULL), in batches of 1000 per commit. The bench's run is mostly holds (its list
 * wraps: a container already out is held), so the ceiling writes the run's mix: PASSES passing
 * events first, then held ones — the event with its failed condition, its key, the officer's
 * task (gate_holds), the event and the audit row, as the server writes a hold. Nothing is
 * decided or computed (no JSON parsing, no check digits, no lookups): only the rows are
 * written. It prints the rate.
 *   ceiling DB_FILE UNITS_FILE COUNT [PASSES]  (UNITS_FILE: "entry_no container" lines;
 *   PASSES: how many of COUNT pass, all when not given) */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HASH "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
/* a pass's conditions as the server stores them, about as long */
#define CONDITIONS                                                                                                     \
    "[{\"condition\":\"plate\",\"status\":\"ok\",\"subject\":\"辽B60001\"},{\"condition\":\"card\",\"reason\":"       \
    "\"bound "                                                                                                         \
    "to plate "                                                                                                        \
    "辽B60001\",\"status\":\"ok\",\"subject\":\"IC0902000001\"},{\"condition\":\"container_read\",\"status\":"        \
    "\"ok\",\"subject\":\"%s\"},{\"condition\":\"released\",\"status\":\"ok\",\"subject\":\"%s\"},{\"condition\":"     \
    "\"inspection\",\"status\":\"ok\",\"subject\":\"%s\"},{\"condition\":\"arrived\",\"status\":\"ok\",\"subject\":"   \
    "\"%s\"},{\"condition\":\"no_unloading\",\"status\":\"ok\",\"subject\":\"%s\"},{\"condition\":\"not_gated_out\","  \
    "\"status\":\"ok\",\"subject\":\"%s\"}]"
/* a hold's, the container being out already: the same with the last one failed */
#define HELD_CONDITIONS                                                                                                \
    "[{\"condition\":\"plate\",\"status\":\"ok\",\"subject\":\"辽B60001\"},{\"condition\":\"card\",\"reason\":"       \
    "\"bound to plate 辽B60001\",\"status\":\"ok\",\"subject\":\"IC0902000001\"},{\"condition\":\"container_read\","  \
    "\"status\":\"ok\",\"subject\":\"%s\"},{\"condition\":\"released\",\"status\":\"ok\",\"subject\":\"%s\"},"         \
    "{\"condition\":\"inspection\",\"status\":\"ok\",\"subject\":\"%s\"},{\"condition\":\"arrived\",\"status\":"       \
    "\"ok\","                                                                                                          \
    "\"subject\":\"%s\"},{\"condition\":\"no_unloading\",\"status\":\"ok\",\"subject\":\"%s\"},{\"condition\":"        \
    "\"not_gated_out\",\"reason\":\"%s left through a gate at 2026-12-03T10:00:00.000Z\",\"status\":\"failed\","       \
    "\"subject\":\"%s\"}]"

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

/* The rows of one held event (its container out already): the event, its key, the officer's
 * task, the event of the outbox and the audit row. */
static void write_hold(sqlite3 *db, sqlite3_stmt *ev, sqlite3_stmt *hold, sqlite3_stmt *key, sqlite3_stmt *seq,
                       sqlite3_stmt *event, sqlite3_stmt *audit, const char *id, const char *box, long i,
                       sqlite3_int64 now)
{
    char conds[1400], answer[1800], reasons[300], data[600];
    snprintf(conds, sizeof conds, HELD_CONDITIONS, box, box, box, box, box, box, box);
    snprintf(answer, sizeof answer,
             "{\"at\":\"2026-12-03T10:00:00.000Z\",\"conditions\":%s,\"decision\":\"hold\",\"direction\":\"out\","
             "\"event_id\":\"%s\",\"gate\":\"DYW1\",\"lane\":5,\"offline\":false,\"offline_decision\":null,"
             "\"seq\":%ld,\"task\":%ld}",
             conds, id, i + 1, i + 1);
    snprintf(reasons, sizeof reasons,
             "[{\"condition\":\"not_gated_out\",\"reason\":\"%s left through a gate at 2026-12-03T10:00:00.000Z\","
             "\"subject\":\"%s\"}]",
             box, box);
    snprintf(data, sizeof data,
             "{\"containers\":\"%s\",\"decision\":\"hold\",\"decision_us\":90,\"direction\":\"out\",\"failed\":%s,"
             "\"gate\":\"DYW1\",\"lane\":5,\"plate\":\"辽B60001\",\"seq\":%ld,\"task\":%ld,\"vins\":null}",
             box, reasons, i + 1, i + 1);
    sqlite3_bind_text(ev, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(ev, 2, now);
    sqlite3_bind_int64(ev, 3, now);
    sqlite3_bind_text(ev, 4, box, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ev, 5, conds, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ev, 6, answer, -1, SQLITE_TRANSIENT);
    run(ev, db);
    sqlite3_bind_text(key, 1, box, -1, SQLITE_TRANSIENT);
    run(key, db);
    sqlite3_bind_text(hold, 1, reasons, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(hold, 2, now);
    run(hold, db);
    run(seq, db);
    sqlite3_bind_int64(event, 1, now);
    sqlite3_bind_text(event, 2, "gate.event_held", -1, SQLITE_STATIC);
    sqlite3_bind_text(event, 3, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(event, 4, data, -1, SQLITE_TRANSIENT);
    run(event, db);
    sqlite3_bind_int64(audit, 1, now);
    sqlite3_bind_text(audit, 2, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(audit, 3, answer, -1, SQLITE_TRANSIENT);
    run(audit, db);
}

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: ceiling DB_FILE UNITS_FILE COUNT [PASSES]\n");
        return 2;
    }
    long count = strtol(argv[3], NULL, 10), n = 0, cap = 1024;
    long passes = argc == 5 ? strtol(argv[4], NULL, 10) : count;
    char(*units)[2][24] = malloc((size_t)cap * sizeof *units);
    FILE *f = fopen(argv[2], "r");
    if (!f || !units) {
        fprintf(stderr, "ceiling: cannot read %s\n", argv[2]);
        return 1;
    }
    while (fscanf(f, "%23s %23s", units[n][0], units[n][1]) == 2)
        if (++n == cap && !(units = realloc(units, (size_t)(cap *= 2) * sizeof *units)))
            return 1;
    fclose(f);
    if (!n) {
        fprintf(stderr, "ceiling: no units in %s\n", argv[2]);
        return 1;
    }
    sqlite3 *db;
    check(sqlite3_open(argv[1], &db), db, "open");
    check(sqlite3_exec(db,
                       "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                       "PRAGMA cache_size=-65536;",
                       NULL, NULL, NULL),
          db, "setup");
    sqlite3_stmt *ev =
        prep(db, "INSERT INTO gate_events (seq, gate, event_id, lane_no, direction, at_ms, received_ms,"
                 " controller, card_no, plate, containers, vins, offline, decision, conditions, body_hash,"
                 " answer, decision_us) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM gate_events),"
                 " 'DYW1', ?, 5, 'out', ?, ?, 'gate01', 'IC0902000001', '辽B60001', ?, NULL, 0, 'pass',"
                 " ?, '" HASH "', ?, 90)");
    sqlite3_stmt *held_ev =
        prep(db, "INSERT INTO gate_events (seq, gate, event_id, lane_no, direction, at_ms, received_ms,"
                 " controller, card_no, plate, containers, vins, offline, decision, conditions, body_hash,"
                 " answer, decision_us) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM gate_events),"
                 " 'DYW1', ?, 5, 'out', ?, ?, 'gate01', 'IC0902000001', '辽B60001', ?, NULL, 0, 'hold',"
                 " ?, '" HASH "', ?, 90)");
    sqlite3_stmt *hold = prep(db, "INSERT INTO gate_holds (seq, gate, status, reasons, opened_ms) VALUES"
                                  " ((SELECT MAX(seq) FROM gate_events), 'DYW1', 'open', ?, ?)");
    sqlite3_stmt *key =
        prep(db, "INSERT INTO gate_event_keys (value, seq) VALUES (?, (SELECT MAX(seq) FROM gate_events))");
    sqlite3_stmt *exit_ = prep(db, "INSERT INTO gate_exits (id, entry_no, container, vehicle, gate, at_ms, recorded_by,"
                                   " vin, event_seq) VALUES (?, ?, ?, '辽B60001', 'DYW1', ?, 'gate01', NULL,"
                                   " (SELECT MAX(seq) FROM gate_events))");
    sqlite3_stmt *out = prep(db, "UPDATE declarations SET gate_out_ms = COALESCE(gate_out_ms, ?), updated_ms = ?"
                                 " WHERE entry_no = ?");
    sqlite3_stmt *tl = prep(db, "INSERT INTO declaration_events (entry_no, seq, at_ms, actor, event, detail) SELECT ?,"
                                " COALESCE(MAX(seq), 0) + 1, ?, 'gate01', 'gate_out', ? FROM declaration_events"
                                " WHERE entry_no = ?");
    sqlite3_stmt *seq = prep(db, "UPDATE event_seq SET n = n + 1 WHERE id = 1");
    sqlite3_stmt *event = prep(db, "INSERT INTO event_outbox (seq, at_ms, type, subject_kind, subject_id, enterprise,"
                                   " actor, request_id, data) VALUES ((SELECT n FROM event_seq WHERE id = 1), ?,"
                                   " ?, 'gate_event', ?, NULL, 'gate01', 'a1b2c3d4e5f60718', ?)");
    sqlite3_stmt *audit =
        prep(db, "INSERT INTO audit_log (seq, at_ms, actor, action, object_type, object_id, request_id, before_json,"
                 " after_json, prev_hash, hash) VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log), ?,"
                 " 'gate01', 'gate.event', 'gate_event', ?, 'a1b2c3d4e5f60718', NULL, ?, '" HASH "', '" HASH "')");
    double t0 = now_s();
    for (long i = 0; i < count; i++) {
        if (i % 1000 == 0)
            check(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), db, "begin");
        const char *entry = units[i % n][0], *box = units[i % n][1];
        char id[64], xid[80], conds[1400], answer[1800], detail[160], data[600];
        sqlite3_int64 now = (sqlite3_int64)time(NULL) * 1000;
        snprintf(id, sizeof id, "CEIL-%ld", i);
        if (i >= passes) {
            write_hold(db, held_ev, hold, key, seq, event, audit, id, box, i, now);
            goto next;
        }
        snprintf(xid, sizeof xid, "%s-%lld-%s-%ld", entry, (long long)now, box, i);
        snprintf(conds, sizeof conds, CONDITIONS, box, box, box, box, box, box);
        snprintf(answer, sizeof answer,
                 "{\"at\":\"2026-12-03T10:00:00.000Z\",\"conditions\":%s,\"decision\":\"pass\",\"direction\":\"out\","
                 "\"event_id\":\"%s\",\"gate\":\"DYW1\",\"lane\":5,\"offline\":false,\"seq\":%ld,\"task\":null}",
                 conds, id, i + 1);
        snprintf(detail, sizeof detail, "{\"container\":\"%s\",\"gate\":\"DYW1\",\"vehicle\":\"辽B60001\"}", box);
        snprintf(data, sizeof data,
                 "{\"containers\":\"%s\",\"decision\":\"pass\",\"decision_us\":90,\"direction\":\"out\",\"failed\":[],"
                 "\"gate\":\"DYW1\",\"lane\":5,\"plate\":\"辽B60001\",\"seq\":%ld,\"task\":0}",
                 box, i + 1);
        sqlite3_bind_text(ev, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(ev, 2, now);
        sqlite3_bind_int64(ev, 3, now);
        sqlite3_bind_text(ev, 4, box, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ev, 5, conds, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ev, 6, answer, -1, SQLITE_TRANSIENT);
        run(ev, db);
        sqlite3_bind_text(key, 1, box, -1, SQLITE_TRANSIENT);
        run(key, db);
        sqlite3_bind_text(exit_, 1, xid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(exit_, 2, entry, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(exit_, 3, box, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(exit_, 4, now);
        run(exit_, db);
        sqlite3_bind_int64(out, 1, now);
        sqlite3_bind_int64(out, 2, now);
        sqlite3_bind_text(out, 3, entry, -1, SQLITE_TRANSIENT);
        run(out, db);
        sqlite3_bind_text(tl, 1, entry, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(tl, 2, now);
        sqlite3_bind_text(tl, 3, detail, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(tl, 4, entry, -1, SQLITE_TRANSIENT);
        run(tl, db);
        run(seq, db);
        sqlite3_bind_int64(event, 1, now);
        sqlite3_bind_text(event, 2, "gate.event_passed", -1, SQLITE_STATIC);
        sqlite3_bind_text(event, 3, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(event, 4, data, -1, SQLITE_TRANSIENT);
        run(event, db);
        sqlite3_bind_int64(audit, 1, now);
        sqlite3_bind_text(audit, 2, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(audit, 3, answer, -1, SQLITE_TRANSIENT);
        run(audit, db);
    next:
        if (i % 1000 == 999 || i == count - 1)
            check(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), db, "commit");
    }
    printf("gate_ceiling_per_s=%.0f\n", (double)count / (now_s() - t0));
    sqlite3_close(db);
    free(units);
    return 0;
}
