/* aeo_store.c — AEO facilitation measured: month by month, each credit level's real inspection
 * rate from risk's screenings (risk_inspections_by_credit: random and rule-driven apart)
 * against the policy's ratios (risk's configuration: advanced certified 20% of general credit's,
 * general certified 50%, dishonest at least 80%), with an alert on drift; and the enterprises
 * per level now and a year before, with each enterprise's history of levels and reasons, from
 * enterprise's view enterprise_credit_history (migration 112). */
#include <stdio.h>
#include <string.h>

#include "../platform/calendar.h"
#include "../platform/db_json.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../risk/risk.h"
#include "../risk/risk_store.h"
#include "services_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

/* The enterprises per credit level at at_ms, from the level history (enterprise's view). */
#define LEVELS_AT                                                                                                      \
    "SELECT h.credit_level, COUNT(*) FROM enterprise_credit_history h WHERE h.at_ms <= ? AND h.seq ="                  \
    " (SELECT MAX(h2.seq) FROM enterprise_credit_history h2 WHERE h2.uscc = h.uscc AND h2.at_ms <= ?)"                 \
    " GROUP BY h.credit_level"

static hg_rc levels_at(db *d, int64_t at, int64_t counts[RC__COUNT], hg_err *err)
{
    memset(counts, 0, RC__COUNT * sizeof *counts);
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err, LEVELS_AT, "ii", at, at);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        for (int i = 0; i < RC_UNKNOWN; i++)
            if (strcmp(db_col_text(s, 0), risk_credit_name((risk_credit)i)) == 0)
                counts[i] = db_col_int(s, 1);
    }
    if (s)
        db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

/* Enterprises per level now and a year before, with the change in basis points (null when
 * there were none a year before). */
static hg_rc levels_json(db *d, int64_t now, json_t **out, hg_err *err)
{
    int64_t a[RC__COUNT], b[RC__COUNT];
    hg_rc rc = levels_at(d, now, a, err);
    if (!rc)
        rc = levels_at(d, now - 365 * 86400000LL, b, err);
    if (rc)
        return rc;
    json_t *arr = json_array();
    for (int i = 0; arr && i < RC_UNKNOWN; i++)
        json_array_append_new(arr,
                              json_pack("{s:s, s:I, s:I, s:o}", "credit_level", risk_credit_name((risk_credit)i),
                                        "enterprises", (json_int_t)a[i], "a_year_ago", (json_int_t)b[i], "change_bp",
                                        b[i] ? json_integer((a[i] - b[i]) * 10000 / b[i]) : json_null()));
    *out = arr;
    return arr ? HG_OK : nomem(err);
}

static json_t *history_row(db_stmt *s)
{
    char at[40];
    return json_pack("{s:I, s:s, s:s?, s:s?, s:s, s:s?}", "seq", (json_int_t)db_col_int(s, 0), "credit_level",
                     db_col_text(s, 1), "previous_level", db_col_null(s, 2) ? NULL : db_col_text(s, 2), "reason",
                     db_col_null(s, 3) ? NULL : db_col_text(s, 3), "changed_by", db_col_text(s, 4), "at",
                     db_col_time(s, 5, at));
}

hg_rc aeo_level_history(db *d, const char *uscc, json_t **out, hg_err *err)
{
    json_t *items = NULL;
    hg_rc rc = db_rows_json(d, history_row, &items, err,
                            "SELECT seq, credit_level, previous_level, reason, changed_by, at_ms"
                            " FROM enterprise_credit_history WHERE uscc = ? ORDER BY seq DESC",
                            "t", uscc);
    if (!rc && !json_array_size(items)) {
        json_decref(items);
        return hg_fail(err, HG_NOTFOUND, "not_found", "uscc", "no enterprise with USCC %s", uscc);
    }
    return rc ? rc : json_page(items, json_null(), out, err);
}

static json_t *month_json(const char *name, const risk_credit_inspections *c, const risk_config *cfg, int *alerts)
{
    json_t *levels = json_array();
    const risk_credit_inspections *gc = &c[RC_GENERAL_CREDIT];
    for (int l = 0; levels && l < RC_UNKNOWN; l++) {
        aeo_level_month m;
        int64_t bound = l == RC_DISHONEST        ? cfg->dishonest_min_ppm
                        : l == RC_GENERAL_CREDIT ? 0
                                                 : cfg->credit_share_ppm[l];
        aeo_measure(l, c[l].screened, c[l].random, c[l].rule, gc->screened, gc->random + gc->rule, bound, &m);
        *alerts += m.drift;
        json_array_append_new(
            levels, json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:I, s:s, s:b}", "credit_level",
                              risk_credit_name((risk_credit)l), "screened", (json_int_t)m.screened, "random",
                              (json_int_t)m.random, "rule", (json_int_t)m.rule, "random_ppm", (json_int_t)m.random_ppm,
                              "rule_ppm", (json_int_t)m.rule_ppm, "total_ppm", (json_int_t)m.total_ppm,
                              "of_general_ppm", m.of_general_ppm < 0 ? json_null() : json_integer(m.of_general_ppm),
                              "bound_ppm", (json_int_t)m.bound_ppm, "bound",
                              l == RC_DISHONEST        ? "at_least_of_declarations"
                              : l == RC_GENERAL_CREDIT ? "none"
                                                       : "at_most_of_general_credit",
                              "drift", m.drift));
    }
    return levels ? json_pack("{s:s, s:o}", "month", name, "levels", levels) : NULL;
}

hg_rc aeo_facilitation(db *d, int64_t first_day, int64_t last_day, json_t **out, hg_err *err)
{
    risk_config cfg;
    risk_config_default(&cfg);
    json_t *months = json_array(), *levels = NULL;
    int alerts = 0, y, m, dd;
    hg_rc rc = months ? HG_OK : nomem(err);
    calendar_civil(first_day, &y, &m, &dd);
    for (int64_t day = calendar_days_from_civil(y, m, 1); !rc && day <= last_day;) {
        calendar_civil(day, &y, &m, &dd);
        int64_t next = m == 12 ? calendar_days_from_civil(y + 1, 1, 1) : calendar_days_from_civil(y, m + 1, 1);
        risk_credit_inspections c[RC__COUNT];
        char name[8];
        calendar_format_month(day, name);
        rc = risk_inspections_by_credit(d, calendar_day_start_ms(day), calendar_day_start_ms(next), c, err);
        if (!rc && json_array_append_new(months, month_json(name, c, &cfg, &alerts)))
            rc = nomem(err);
        day = next;
    }
    if (!rc)
        rc = levels_json(d, now_ms(), &levels, err);
    if (rc) {
        json_decref(months);
        json_decref(levels);
        return rc;
    }
    if (!(*out = json_pack("{s:i, s:o, s:o}", "alerts", alerts, "months", months, "enterprises_by_level", levels)))
        return nomem(err);
    return HG_OK;
}
