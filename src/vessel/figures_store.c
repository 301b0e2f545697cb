/* figures_store.c — the vessel figures a manager reads (and statistics may read later): by
 * period of the ETA, the calls quarantined (every declared call is, by radio or aboard) and
 * their levels, boarding quarantines, calls whose crews were tested and the persons tested and
 * positive, ships in for repair and cold-chain ships with how many of them were tested, and
 * the orders issued. So "11,140 ships quarantined; 100% of cold-chain and repair crews tested
 * on application" is one query. Read-only. */
#include <string.h>

#include "../health/health.h"
#include "vessel.h"

enum {
    F_CALLS,
    F_LOCK,
    F_BOARD,
    F_RADIO,
    F_BOARDINGS,
    F_TESTED_CALLS,
    F_TESTED,
    F_POSITIVES,
    F_REPAIR,
    F_REPAIR_TESTED,
    F_COLD,
    F_COLD_TESTED,
    F_ORDERS,
    F_LATE,
    F_N
};
static const char *const names[F_N] = {
    "quarantined",    "lock",      "board",        "radio_pratique", "boardings",        "crews_tested",
    "persons_tested", "positives", "repair_ships", "repair_tested",  "cold_chain_ships", "cold_chain_tested",
    "orders",         "late"};

static json_t *row_json(const char *key, const int64_t *v)
{
    json_t *o = json_object();
    if (key)
        json_object_set_new(o, "period", json_string(key));
    for (int i = 0; i < F_N; i++)
        json_object_set_new(o, names[i], json_integer(v[i]));
    return o;
}

hg_rc vessel_figures_json(db *d, const char *period, int64_t from_ms, int64_t to_ms, json_t **out, hg_err *err)
{
    char key[12], last[12] = "";
    int64_t v[F_N] = {0}, total[F_N] = {0};
    db_stmt *s = NULL;
    *out = NULL;
    if (health_period_key(period, 0, key))
        return hg_fail(err, HG_INVALID, "invalid", "period", "period is day, week or month");
    json_t *rows = json_array();
    hg_rc rc =
        db_query(d, &s, err,
                 "SELECT c.eta_ms, c.level, c.purpose, c.cargo_kind, c.late,"
                 " (SELECT COUNT(*) FROM vessel_boardings b WHERE b.call_no = c.call_no),"
                 " (SELECT COUNT(*) FROM vessel_samples s WHERE s.call_no = c.call_no),"
                 " (SELECT COUNT(*) FROM vessel_samples s WHERE s.call_no = c.call_no AND s.result = 'positive'),"
                 " (SELECT COUNT(*) FROM vessel_orders o WHERE o.call_no = c.call_no)"
                 " FROM vessel_calls c WHERE c.eta_ms >= ? AND c.eta_ms < ? ORDER BY c.eta_ms",
                 "ii", from_ms, to_ms);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        health_period_key(period, db_col_int(s, 0), key);
        if (last[0] && strcmp(key, last) != 0) {
            json_array_append_new(rows, row_json(last, v));
            memset(v, 0, sizeof v);
        }
        memcpy(last, key, sizeof last);
        const char *level = db_col_text(s, 1), *cargo = db_col_text(s, 3);
        int tested = db_col_int(s, 6) > 0;
        int repair = strcmp(db_col_text(s, 2), "repair") == 0;
        int cold = strcmp(cargo, "bulk_refrigerated") == 0 || strcmp(cargo, "cold_chain_container") == 0;
        int64_t one[F_N] = {[F_CALLS] = 1,
                            [F_LOCK] = strcmp(level, "lock") == 0,
                            [F_BOARD] = strcmp(level, "board") == 0,
                            [F_RADIO] = strcmp(level, "radio_pratique") == 0,
                            [F_BOARDINGS] = db_col_int(s, 5),
                            [F_TESTED_CALLS] = tested,
                            [F_TESTED] = db_col_int(s, 6),
                            [F_POSITIVES] = db_col_int(s, 7),
                            [F_REPAIR] = repair,
                            [F_REPAIR_TESTED] = repair && tested,
                            [F_COLD] = cold,
                            [F_COLD_TESTED] = cold && tested,
                            [F_ORDERS] = db_col_int(s, 8),
                            [F_LATE] = db_col_int(s, 4)};
        for (int i = 0; i < F_N; i++) {
            v[i] += one[i];
            total[i] += one[i];
        }
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    if (!rc && last[0])
        json_array_append_new(rows, row_json(last, v));
    if (!rc)
        *out = json_pack("{s:s, s:o, s:o}", "period", period, "rows", rows, "total", row_json(NULL, total));
    else
        json_decref(rows);
    return rc ? rc : *out ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
}
