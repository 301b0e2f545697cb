/* gate_stats.c — per-gate statistics for the console: events, passes and holds, the pass rate,
 * holds by the condition that failed, the median time the centre took to decide, and trucks
 * per lane per hour over the period asked. Read from the kept events (gate_events), never
 * from counters that could drift from them. */
#include <stdlib.h>
#include <string.h>

#include "../platform/db_json.h"
#include "../platform/mem.h"
#include "gate.h"

static int by_value(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* One gate's figures over [from, to). */
static hg_rc one_gate(db *d, json_t *g, int64_t from, int64_t to, hg_err *err)
{
    const char *code = json_string_value(json_object_get(g, "gate"));
    int64_t n = 0, passes = 0, cap = 256, *us = xmalloc((size_t)cap * sizeof *us);
    json_t *reasons = json_object(), *lanes = json_object();
    db_stmt *s;
    hg_rc rc = us && reasons && lanes ? HG_OK : HG_NOMEM;
    if (!rc)
        rc = db_query(d, &s, err,
                      "SELECT decision, decision_us, lane_no, conditions FROM gate_events WHERE gate = ? AND at_ms >= ?"
                      " AND at_ms < ? ORDER BY seq",
                      "tii", code, from, to);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        int pass = strcmp(db_col_text(s, 0), "pass") == 0;
        passes += pass;
        if (n == cap) {
            int64_t *more = xrealloc(us, (size_t)(cap *= 2) * sizeof *us);
            if (!more) {
                rc = HG_NOMEM;
                break;
            }
            us = more;
        }
        us[n++] = db_col_int(s, 1);
        char lane[8];
        snprintf(lane, sizeof lane, "%lld", (long long)db_col_int(s, 2));
        json_object_set_new(lanes, lane, json_integer(json_integer_value(json_object_get(lanes, lane)) + 1));
        if (pass)
            continue;
        json_t *conds = json_loads(db_col_text(s, 3), 0, NULL);
        size_t i;
        json_t *c;
        json_array_foreach(conds, i, c)
        {
            const char *name = json_string_value(json_object_get(c, "condition"));
            if (name && strcmp(json_string_value(json_object_get(c, "status")), "failed") == 0)
                json_object_set_new(reasons, name,
                                    json_integer(json_integer_value(json_object_get(reasons, name)) + 1));
        }
        json_decref(conds);
    }
    if (rc == HG_DONE || rc == HG_ROW)
        rc = HG_OK;
    db_reset(s);
    double hours = (double)(to - from) / 3600000.0;
    json_t *per_lane = json_array();
    const char *lane;
    json_t *count;
    json_object_foreach(lanes, lane, count)
    {
        json_array_append_new(per_lane, json_pack("{s:i, s:I, s:f}", "lane", (int)strtol(lane, NULL, 10), "events",
                                                  json_integer_value(count), "trucks_per_hour",
                                                  hours > 0 ? (double)json_integer_value(count) / hours : 0.0));
    }
    if (!rc && n)
        qsort(us, (size_t)n, sizeof *us, by_value);
    if (!rc &&
        (json_object_set_new(g, "events", json_integer(n)) || json_object_set_new(g, "passes", json_integer(passes)) ||
         json_object_set_new(g, "holds", json_integer(n - passes)) ||
         json_object_set_new(g, "pass_rate", n ? json_real((double)passes / (double)n) : json_null()) ||
         json_object_set_new(g, "median_decision_ms", n ? json_real((double)us[n / 2] / 1000.0) : json_null()) ||
         json_object_set(g, "holds_by_condition", reasons) || json_object_set(g, "lanes", per_lane)))
        rc = HG_NOMEM;
    json_decref(per_lane);
    json_decref(reasons);
    json_decref(lanes);
    xfree(us);
    return rc == HG_NOMEM ? hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory") : rc;
}

static json_t *gate_row(db_stmt *s)
{
    return json_pack("{s:s, s:s, s:s}", "gate", db_col_text(s, 0), "name", db_col_text(s, 1), "kind",
                     db_col_text(s, 2));
}

hg_rc gate_stats(db *d, int64_t from, int64_t to, json_t **out, hg_err *err)
{
    json_t *gates = NULL;
    *out = NULL;
    hg_rc rc = db_rows_json(d, gate_row, &gates, err, "SELECT code, name, kind FROM gate_gates ORDER BY code", "");
    size_t i;
    json_t *g;
    json_array_foreach(gates, i, g)
    {
        if (!rc)
            rc = one_gate(d, g, from, to, err);
    }
    char f[40], t[40];
    time_format_rfc3339(from, f, sizeof f);
    time_format_rfc3339(to, t, sizeof t);
    if (!rc && !(*out = json_pack("{s:s, s:s, s:O}", "from", f, "to", t, "gates", gates)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    json_decref(gates);
    return rc;
}
