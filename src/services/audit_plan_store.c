/* audit_plan_store.c — the post-clearance audit plan (稽查计划) of a year, where AEO facilitation
 * acts on audits: every registered enterprise is drawn at the rate of its credit level when the
 * plan is drawn (enterprise's view enterprise_directory; aeo_audit_rate: certified enterprises fewer, dishonest ones every one), by a
 * keyed draw an audit can replay (risk_keyed_draw) and an enterprise cannot predict. One plan per
 * year; each enterprise's level, rate and draw are kept beside the result, so that the plan
 * shows its own working and the measured share per level can be set against the policy. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/json.h"
#include "../risk/risk.h"
#include "../risk/risk_store.h"
#include "services_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

/* Every registered enterprise at its level now (enterprise's view). */
#define CURRENT_LEVELS "SELECT uscc, credit_level FROM enterprise_directory ORDER BY uscc"

static int level_index(const char *name)
{
    for (int i = 0; i < RC_UNKNOWN; i++)
        if (strcmp(name, risk_credit_name((risk_credit)i)) == 0)
            return i;
    return RC_GENERAL_CREDIT; /* a level the policy does not know is treated as general credit */
}

/* Draws and stores each enterprise's selection; counts into *n and *selected. */
static hg_rc draw_all(db *d, int64_t year, uint32_t base, int64_t *n, int64_t *selected, hg_err *err)
{
    db_stmt *s = NULL;
    char purpose[32];
    snprintf(purpose, sizeof purpose, "audit_plan:%lld", (long long)year);
    /* read every level first: the inserts below run on the same connection */
    json_t *all = json_array();
    hg_rc rc = all ? db_query(d, &s, err, CURRENT_LEVELS, "") : nomem(err);
    while (!rc && (rc = db_step(s, err)) == HG_ROW)
        rc = json_array_append_new(all, json_pack("[s, s]", db_col_text(s, 0), db_col_text(s, 1))) ? nomem(err) : HG_OK;
    if (s)
        db_reset(s);
    if (rc == HG_DONE)
        rc = HG_OK;
    size_t i;
    json_t *e;
    json_array_foreach(all, i, e)
    {
        if (rc)
            break;
        const char *uscc = json_string_value(json_array_get(e, 0)), *level = json_string_value(json_array_get(e, 1));
        uint32_t rate = aeo_audit_rate(level_index(level), base), draw = 0;
        rc = risk_keyed_draw(purpose, uscc, &draw, err);
        int chosen = draw < rate;
        if (!rc)
            rc = db_run(d, err,
                        "INSERT INTO aeo_audit_selections (year, uscc, credit_level, rate_ppm, draw, selected) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        "ittiii", year, uscc, level, (int64_t)rate, (int64_t)draw, (int64_t)chosen);
        ++*n;
        *selected += chosen;
    }
    json_decref(all);
    return rc;
}

hg_rc aeo_audit_plan_draw(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    static const char *const allowed[] = {"year", "base_ppm", NULL};
    *out = NULL;
    hg_rc rc = json_reject_unknown(body, allowed, err);
    json_t *y = json_object_get(body, "year"), *b = json_object_get(body, "base_ppm");
    if (!rc && !json_is_integer(y))
        rc = hg_fail(err, HG_INVALID, "required", "year", "year is the plan's calendar year, a number");
    int64_t year = y ? json_integer_value(y) : 0, now_year = calendar_year_of(c->now_ms);
    /* a plan is drawn for this year or the next, never for one already past */
    if (!rc && (year < now_year || year > now_year + 1))
        rc =
            /* TRANSLATORS: 1: now_year; 2: now_year + 1 */
            hg_fail(err, HG_INVALID, "out_of_range", "year", "a plan is drawn for this year or the next (%lld or %lld)",
                    (long long)now_year, (long long)now_year + 1);
    if (!rc && b && (!json_is_integer(b) || json_integer_value(b) < 1 || json_integer_value(b) > 1000000))
        rc = hg_fail(err, HG_INVALID, "invalid", "base_ppm", "base_ppm is general credit's audit rate, 1 to 1000000");
    uint32_t base = b ? (uint32_t)json_integer_value(b) : 50000; /* 5% of general-credit enterprises a year */
    if (rc || (rc = db_begin(c->d, err)))
        return rc;
    int64_t exists = 0, n = 0, selected = 0;
    rc = db_int(c->d, &exists, err, "SELECT COUNT(*) FROM aeo_audit_plans WHERE year = ?", "i", year);
    if (!rc && exists)
        rc = hg_fail(err, HG_CONFLICT, "plan_exists", "year", "the audit plan of %lld is already drawn",
                     (long long)year);
    if (!rc)
        rc = db_run(c->d, err,
                    "INSERT INTO aeo_audit_plans (year, base_ppm, drawn_by, drawn_ms, enterprises, selected) "
                    "VALUES (?, ?, ?, ?, 0, 0)",
                    "iiti", year, (int64_t)base, c->actor, c->now_ms);
    if (!rc)
        rc = draw_all(c->d, year, base, &n, &selected, err);
    if (!rc)
        rc = db_run(c->d, err, "UPDATE aeo_audit_plans SET enterprises = ?, selected = ? WHERE year = ?", "iii", n,
                    selected, year);
    if (!rc)
        rc = aeo_audit_plan_get(c->d, year, out, err);
    char id[16];
    snprintf(id, sizeof id, "%lld", (long long)year);
    /* the audit row keeps the plan's summary; the selections are in their table */
    json_t *summary = *out ? json_pack("{s:I, s:I, s:I}", "base_ppm", (json_int_t)base, "enterprises", (json_int_t)n,
                                       "selected", (json_int_t)selected)
                           : NULL;
    rc = audit_commit(c, rc, "aeo.audit_plan", "aeo_audit_plan", id, NULL, summary, err);
    json_decref(summary);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

static json_t *selection_row(db_stmt *s)
{
    return json_pack("{s:s, s:s, s:s?, s:I}", "uscc", db_col_text(s, 0), "credit_level", db_col_text(s, 1), "name",
                     db_col_null(s, 2) ? NULL : db_col_text(s, 2), "rate_ppm", (json_int_t)db_col_int(s, 3));
}

hg_rc aeo_audit_plan_get(db *d, int64_t year, json_t **out, hg_err *err)
{
    db_stmt *s = NULL;
    *out = NULL;
    hg_rc rc = db_query(
        d, &s, err, "SELECT base_ppm, drawn_by, drawn_ms, enterprises, selected FROM aeo_audit_plans WHERE year = ?",
        "i", year);
    if (rc)
        return rc;
    json_t *plan = NULL;
    if ((rc = db_step(s, err)) == HG_ROW) {
        char at[40];
        plan = json_pack("{s:I, s:I, s:s, s:s, s:I, s:I}", "year", (json_int_t)year, "base_ppm",
                         (json_int_t)db_col_int(s, 0), "drawn_by", db_col_text(s, 1), "drawn_at", db_col_time(s, 2, at),
                         "enterprises", (json_int_t)db_col_int(s, 3), "selected", (json_int_t)db_col_int(s, 4));
        rc = plan ? HG_OK : nomem(err);
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "year", "no audit plan for %lld", (long long)year);
    }
    db_reset(s);
    /* by level: enterprises, selected, the rate applied and the share selected (the measure) */
    json_t *levels = rc ? NULL : json_array();
    for (int l = 0; !rc && l < RC_UNKNOWN; l++) {
        int64_t n = 0, chosen = 0, rate = 0;
        const char *name = risk_credit_name((risk_credit)l);
        rc = db_int(d, &n, err, "SELECT COUNT(*) FROM aeo_audit_selections WHERE year = ? AND credit_level = ?", "it",
                    year, name);
        if (!rc)
            rc =
                db_int(d, &chosen, err,
                       "SELECT COUNT(*) FROM aeo_audit_selections WHERE year = ? AND credit_level = ? AND selected = 1",
                       "it", year, name);
        rate = aeo_audit_rate(l, (uint32_t)json_integer_value(json_object_get(plan, "base_ppm")));
        if (!rc && json_array_append_new(levels, json_pack("{s:s, s:I, s:I, s:I, s:o}", "credit_level", name,
                                                           "enterprises", (json_int_t)n, "selected", (json_int_t)chosen,
                                                           "rate_ppm", (json_int_t)rate, "selected_ppm",
                                                           n ? json_integer(chosen * 1000000 / n) : json_null())))
            rc = nomem(err);
    }
    json_t *chosen = NULL;
    if (!rc)
        rc = db_rows_json(d, selection_row, &chosen, err,
                          "SELECT a.uscc, a.credit_level, e.name_zh, a.rate_ppm FROM aeo_audit_selections a"
                          " LEFT JOIN enterprise_directory e ON e.uscc = a.uscc WHERE a.year = ? AND a.selected = 1"
                          " ORDER BY a.uscc",
                          "i", year);
    if (rc) {
        json_decref(plan);
        json_decref(levels);
        return rc;
    }
    json_object_set_new(plan, "levels", levels);
    json_object_set_new(plan, "selected_enterprises", chosen);
    *out = plan;
    return HG_OK;
}
