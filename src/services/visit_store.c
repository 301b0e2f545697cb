/* visit_store.c — the liaison platform's visits (调研走访), video calls and policy briefings
 * (政策宣讲), each recorded by the officer who made it, with the second officer of a site
 * visit, possibly under a named campaign ("百人千企") and about a problem; and the campaigns'
 * figures: enterprises reached, briefed and helped back to work, problems they raised. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../enterprise/enterprise.h"
#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/event.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "services_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

#define YEAR_MS (366LL * 86400000)

hg_rc visit_record(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&liaison_visit_record, body, REC_CREATE, &r, err);
    const char *ent = record_text(&r, "enterprise"), *kind = record_text(&r, "kind"),
               *second = record_text(&r, "second_officer"), *problem = record_text(&r, "problem_no");
    int64_t at = record_int(&r, "at", 0);
    if (!rc && (at > c->now_ms + 5 * 60000 || at < c->now_ms - YEAR_MS))
        rc = hg_fail(err, HG_INVALID, "out_of_range", "at", "a visit is recorded after it, within a year");
    /* a site visit is made by two officers (the second is named, and is another officer) */
    if (!rc && strcmp(kind, "site_visit") == 0 && !second)
        rc = hg_fail(err, HG_INVALID, "two_officers", "second_officer", "a site visit is made by two officers");
    if (!rc && second && strcmp(second, c->actor) == 0)
        rc = hg_fail(err, HG_INVALID, "two_officers", "second_officer", "the second officer is another officer");
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    if (second) {
        int yes = 0;
        rc = user_is_active_officer(c->d, second, &yes, err);
        if (!rc && !yes)
            rc = hg_fail(err, HG_INVALID, "invalid", "second_officer", "second_officer must be an active officer");
    }
    if (!rc) {
        rc = enterprise_find(c->d, ent, err);
        if (rc == HG_NOTFOUND)
            rc = hg_fail(err, HG_INVALID, "invalid", "enterprise", "no registered enterprise %s", ent);
    }
    if (!rc && problem) {
        int64_t n = 0;
        rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM liaison_problems WHERE problem_no = ? AND enterprise = ?",
                    "tt", problem, ent);
        if (!rc && !n)
            /* TRANSLATORS: 1: problem; 2: ent */
            rc = hg_fail(err, HG_INVALID, "invalid", "problem_no", "%s is not a problem of %s", problem, ent);
    }
    char no[16] = "";
    if (!rc) {
        int64_t n = 0;
        char lo[8], hi[8];
        snprintf(lo, sizeof lo, "LV%04d", calendar_year_of(c->now_ms) % 10000);
        snprintf(hi, sizeof hi, "LV%04d", (calendar_year_of(c->now_ms) + 1) % 10000);
        rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM liaison_visits WHERE visit_no >= ? AND visit_no < ?", "tt", lo,
                    hi);
        snprintf(no, sizeof no, "%s%06" PRId64, lo, (n + 1) % 1000000);
    }
    if (!rc && (record_set_text(&r, "visit_no", no) || record_set_text(&r, "officer", c->actor)))
        rc = nomem(err);
    if (!rc)
        rc = record_insert(c->d, &r, err);
    if (!rc)
        rc = db_run(c->d, err, "UPDATE liaison_visits SET recorded_ms = ? WHERE visit_no = ?", "it", c->now_ms, no);
    if (!rc && !(*out = record_to_json(&r)))
        rc = nomem(err);
    if (!rc)
        rc = event_emit_about(c->d, "liaison.visit", "liaison_visit", no, NULL, c->actor, c->request_id, NULL, err);
    rc = audit_commit(c, rc, "liaison.visit", "liaison_visit", no, NULL, *out, err);
out:
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    record_free(&r);
    return rc;
}

hg_rc visit_list(db *d, const char *enterprise, const char *campaign, const char *cursor, int limit, json_t **out,
                 hg_err *err)
{
    const char *names[2], *values[2];
    int n = 0;
    if (enterprise) {
        names[n] = "enterprise";
        values[n++] = enterprise;
    }
    if (campaign) {
        names[n] = "campaign";
        values[n++] = campaign;
    }
    record_query q = {
        .eq_names = names, .eq_values = values, .n_eq = n, .cursor = cursor, .limit = limit, .newest_first = 1};
    return record_list_json(d, &liaison_visit_record, &q, out, err);
}

static json_t *campaign_row(db_stmt *s)
{
    char a[40], b[40];
    return json_pack("{s:s, s:I, s:I, s:I, s:I, s:s?, s:s?}", "campaign", db_col_text(s, 0), "records",
                     (json_int_t)db_col_int(s, 1), "enterprises", (json_int_t)db_col_int(s, 2), "briefings",
                     (json_int_t)db_col_int(s, 3), "helped", (json_int_t)db_col_int(s, 4), "first_at",
                     db_col_time(s, 5, a), "last_at", db_col_time(s, 6, b));
}

hg_rc campaign_list(db *d, json_t **out, hg_err *err)
{
    *out = NULL;
    json_t *items = NULL;
    hg_rc rc =
        db_rows_json(d, campaign_row, &items, err,
                     "SELECT campaign, COUNT(*), COUNT(DISTINCT enterprise),"
                     " SUM(CASE WHEN kind = 'briefing' THEN 1 ELSE 0 END),"
                     " COUNT(DISTINCT CASE WHEN helped = 1 THEN enterprise END), MIN(at_ms), MAX(at_ms)"
                     " FROM liaison_visits WHERE campaign IS NOT NULL GROUP BY campaign ORDER BY MIN(at_ms) DESC",
                     "");
    size_t i;
    json_t *c;
    /* the problems the campaign's enterprises raised while it ran (from its first record) */
    json_array_foreach(items, i, c)
    {
        int64_t first = 0, n = 0, solved = 0;
        time_parse_rfc3339(json_string_value(json_object_get(c, "first_at")), &first);
        const char *name = json_string_value(json_object_get(c, "campaign"));
        if (!rc)
            rc = db_int(d, &n, err,
                        "SELECT COUNT(*) FROM liaison_problems WHERE raised_ms >= ? AND enterprise IN"
                        " (SELECT enterprise FROM liaison_visits WHERE campaign = ?)",
                        "it", first, name);
        if (!rc)
            rc = db_int(d, &solved, err,
                        "SELECT COUNT(*) FROM liaison_problems WHERE raised_ms >= ? AND status = 'solved'"
                        " AND enterprise IN (SELECT enterprise FROM liaison_visits WHERE campaign = ?)",
                        "it", first, name);
        if (!rc && (json_object_set_new(c, "problems", json_integer(n)) ||
                    json_object_set_new(c, "problems_solved", json_integer(solved))))
            rc = nomem(err);
    }
    if (rc) {
        json_decref(items);
        return rc;
    }
    return json_page(items, json_null(), out, err);
}
