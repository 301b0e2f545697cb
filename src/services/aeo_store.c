/* aeo_store.c — AEO facilitation measured: month by month, each credit level's real inspection
 * rate from risk's screenings (risk_inspections_by_credit: random and rule-driven apart)
 * against the policy's ratios (risk's configuration: advanced certified 20% of general credit's,
 * general certified 50%, dishonest at least 80%), with an alert on drift; and the enterprises
 * per level from the registry's view enterprise_directory. */
#include <stdio.h>
#include <string.h>

#include "../platform/calendar.h"
#include "../platform/db_json.h"
#include "../platform/json.h"
#include "../risk/risk.h"
#include "../risk/risk_store.h"
#include "services_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

static json_t *level_row(db_stmt *s)
{
    return json_pack("{s:s, s:I}", "credit_level", db_col_text(s, 0), "enterprises", (json_int_t)db_col_int(s, 1));
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
        rc = db_rows_json(d, level_row, &levels, err,
                          "SELECT credit_level, COUNT(*) FROM enterprise_directory GROUP BY credit_level"
                          " ORDER BY credit_level",
                          "");
    if (rc) {
        json_decref(months);
        json_decref(levels);
        return rc;
    }
    if (!(*out = json_pack("{s:i, s:o, s:o}", "alerts", alerts, "months", months, "enterprises_by_level", levels)))
        return nomem(err);
    return HG_OK;
}
