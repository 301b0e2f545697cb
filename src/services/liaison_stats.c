/* liaison_stats.c — what makes the liaison platform's promises measurable: the escalation of
 * every first whose SLA deadline passed unreached (a job), the statistics of problems by
 * category, coordinator and month ("485 problems collected, all solved", "answered at once"
 * as medians and 90th percentiles), and the coordinators with their enterprises, open
 * problems and breaches. Reads the registry through enterprise's view enterprise_directory. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/event.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "services_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

#define ESCALATE_BATCH 100

typedef struct due_first {
    char problem_no[16], stage[8], assignee[64], enterprise[32];
    int64_t due_ms;
} due_first;

/* One escalation: its row, its event (for the managers' dashboard) and its audit row. */
static hg_rc escalate_one(db *d, const due_first *f, int64_t now, hg_err *err)
{
    hg_ctx c = ctx_command(d, "system");
    c.now_ms = now;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = db_run(d, err,
                "INSERT INTO liaison_escalations (problem_no, stage, assignee, due_ms, at_ms) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (problem_no, stage) DO NOTHING",
                "tttii", f->problem_no, f->stage, f->assignee[0] ? f->assignee : NULL, f->due_ms, now);
    json_t *after = json_pack("{s:s, s:s, s:s?, s:I}", "problem_no", f->problem_no, "stage", f->stage, "assignee",
                              f->assignee[0] ? f->assignee : NULL, "due_ms", (json_int_t)f->due_ms);
    if (!rc && !after)
        rc = nomem(err);
    /* to the managers, not to the enterprise's feed */
    if (!rc)
        rc =
            event_emit_about(d, "liaison.escalated", "liaison_problem", f->problem_no, NULL, c.actor, NULL, after, err);
    rc = audit_commit(&c, rc, "liaison.escalate", "liaison_problem", f->problem_no, NULL, after, err);
    json_decref(after);
    return rc;
}

hg_rc liaison_escalate(db *d, int64_t now, int *count, hg_err *err)
{
    due_first batch[ESCALATE_BATCH];
    int total = 0;
    hg_rc rc = HG_OK;
    for (;;) {
        db_stmt *s = NULL;
        int n = 0;
        rc = db_query(
            d, &s, err,
            "SELECT p.problem_no, x.stage, COALESCE(p.assignee, ''), p.enterprise, x.due FROM liaison_problems p JOIN ("
            " SELECT problem_no, 'known' AS stage, due_known_ms AS due FROM liaison_problems"
            "  WHERE known_ms IS NULL AND due_known_ms < ?"
            " UNION ALL SELECT problem_no, 'studied', due_studied_ms FROM liaison_problems"
            "  WHERE studied_ms IS NULL AND due_studied_ms < ?"
            " UNION ALL SELECT problem_no, 'solved', due_solved_ms FROM liaison_problems"
            "  WHERE status NOT IN ('resolved', 'solved') AND due_solved_ms < ?) x ON x.problem_no = p.problem_no"
            " WHERE NOT EXISTS (SELECT 1 FROM liaison_escalations e WHERE e.problem_no = x.problem_no"
            "  AND e.stage = x.stage)"
            " ORDER BY p.problem_no, x.stage LIMIT ?",
            "iiii", now, now, now, (int64_t)ESCALATE_BATCH);
        while (!rc && (rc = db_step(s, err)) == HG_ROW) {
            due_first *f = &batch[n++];
            snprintf(f->problem_no, sizeof f->problem_no, "%s", db_col_text(s, 0));
            snprintf(f->stage, sizeof f->stage, "%s", db_col_text(s, 1));
            snprintf(f->assignee, sizeof f->assignee, "%s", db_col_text(s, 2));
            snprintf(f->enterprise, sizeof f->enterprise, "%s", db_col_text(s, 3));
            f->due_ms = db_col_int(s, 4);
            rc = HG_OK;
        }
        if (s)
            db_reset(s);
        if (rc != HG_DONE)
            return rc;
        rc = HG_OK;
        for (int i = 0; i < n && !rc; i++)
            rc = escalate_one(d, &batch[i], now, err);
        if (rc)
            return rc;
        total += n;
        if (n < ESCALATE_BATCH)
            break;
    }
    if (count)
        *count = total;
    return rc;
}

/* ---- statistics ---- */

typedef struct stat_row {
    char key[72];
    int64_t raised, known, studied, solved; /* ms; 0 when not reached */
    int64_t breaches;
} stat_row;

static int cmp_key(const void *a, const void *b)
{
    return strcmp(((const stat_row *)a)->key, ((const stat_row *)b)->key);
}

static json_t *minutes_json(int64_t *v, size_t n)
{
    int64_t median = services_percentile(v, n, 50), p90 = services_percentile(v, n, 90);
    return json_pack("{s:I, s:I, s:I}", "count", (json_int_t)n, "median", (json_int_t)median, "p90", (json_int_t)p90);
}

/* One group's figures from rows[0..n). */
static json_t *group_json(const char *key, const stat_row *rows, size_t n)
{
    int64_t *v[3];
    size_t k[3] = {0, 0, 0};
    int64_t solved = 0, breaches = 0;
    for (int j = 0; j < 3; j++)
        v[j] = xmalloc((n ? n : 1) * sizeof(int64_t));
    if (!v[0] || !v[1] || !v[2]) {
        for (int j = 0; j < 3; j++)
            xfree(v[j]);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const stat_row *r = &rows[i];
        int64_t at[3] = {r->known, r->studied, r->solved};
        for (int j = 0; j < 3; j++)
            if (at[j])
                v[j][k[j]++] = (at[j] - r->raised) / 60000;
        solved += r->solved != 0;
        breaches += r->breaches;
    }
    json_t *o = json_pack("{s:s, s:I, s:I, s:I, s:o, s:o, s:o, s:I}", "key", key, "collected", (json_int_t)n, "solved",
                          (json_int_t)solved, "solve_rate_bp", (json_int_t)(n ? solved * 10000 / (int64_t)n : 0),
                          "known_minutes", minutes_json(v[0], k[0]), "studied_minutes", minutes_json(v[1], k[1]),
                          "solved_minutes", minutes_json(v[2], k[2]), "breaches", (json_int_t)breaches);
    for (int j = 0; j < 3; j++)
        xfree(v[j]);
    return o;
}

hg_rc liaison_statistics(db *d, int64_t from, int64_t to, const char *by, json_t **out, hg_err *err)
{
    *out = NULL;
    int by_category = strcmp(by, "category") == 0, by_coordinator = strcmp(by, "coordinator") == 0;
    size_t n = 0, cap = 0;
    stat_row *rows = NULL;
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT category, COALESCE(assignee, ''), raised_ms, COALESCE(known_ms, 0),"
                        " COALESCE(studied_ms, 0), COALESCE(solved_ms, 0),"
                        " (SELECT COUNT(*) FROM liaison_escalations e WHERE e.problem_no = p.problem_no)"
                        " FROM liaison_problems p WHERE raised_ms >= ? AND raised_ms < ?",
                        "ii", from, to);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        if (n == cap) {
            stat_row *more = xrealloc(rows, (cap = cap ? cap * 2 : 256) * sizeof *rows);
            if (!more) {
                rc = nomem(err);
                break;
            }
            rows = more;
        }
        stat_row *r = &rows[n++];
        r->raised = db_col_int(s, 2);
        r->known = db_col_int(s, 3);
        r->studied = db_col_int(s, 4);
        r->solved = db_col_int(s, 5);
        r->breaches = db_col_int(s, 6);
        if (by_category)
            snprintf(r->key, sizeof r->key, "%s", db_col_text(s, 0));
        else if (by_coordinator)
            snprintf(r->key, sizeof r->key, "%s", db_col_text(s, 1)); /* "": the category queues */
        else
            calendar_format_month(calendar_day_of(r->raised), r->key);
    }
    if (s)
        db_reset(s);
    if (rc == HG_DONE)
        rc = HG_OK;
    json_t *groups = rc ? NULL : json_array(), *total = NULL;
    if (!rc && !groups)
        rc = nomem(err);
    if (!rc) {
        total = group_json("", rows, n);
        if (n)
            qsort(rows, n, sizeof *rows, cmp_key);
        for (size_t i = 0; i < n && !rc;) {
            size_t j = i;
            while (j < n && strcmp(rows[j].key, rows[i].key) == 0)
                j++;
            if (json_array_append_new(groups, group_json(rows[i].key, rows + i, j - i)))
                rc = nomem(err);
            i = j;
        }
    }
    xfree(rows);
    char f[40], t[40];
    time_format_rfc3339(from, f, sizeof f);
    time_format_rfc3339(to, t, sizeof t);
    if (!rc && total) {
        json_object_del(total, "key");
        *out = json_pack("{s:s, s:s, s:s, s:o, s:o}", "from", f, "to", t, "by", by, "total", total, "groups", groups);
        if (!*out)
            rc = nomem(err);
    } else {
        if (!rc)
            rc = nomem(err);
        json_decref(total);
        json_decref(groups);
    }
    return rc;
}

/* ---- coordinators ---- */

static json_t *enterprise_row(db_stmt *s)
{
    return json_pack("{s:s, s:s, s:s, s:s}", "uscc", db_col_text(s, 0), "name_zh", db_col_text(s, 1), "credit_level",
                     db_col_text(s, 2), "coordinator", db_col_text(s, 3));
}

static json_t *coordinator_row(db_stmt *s)
{
    return json_pack("{s:s, s:I, s:I, s:I, s:I}", "coordinator", db_col_text(s, 0), "enterprises",
                     (json_int_t)db_col_int(s, 1), "advanced_certified", (json_int_t)db_col_int(s, 2), "open_problems",
                     (json_int_t)db_col_int(s, 3), "breaches", (json_int_t)db_col_int(s, 4));
}

hg_rc liaison_coordinators(db *d, const char *coordinator, json_t **out, hg_err *err)
{
    json_t *coords = NULL, *uncovered = NULL;
    *out = NULL;
    hg_rc rc = db_rows_json(
        d, coordinator_row, &coords, err,
        "SELECT e.coordinator, COUNT(*), SUM(CASE WHEN e.credit_level = 'advanced_certified' THEN 1 ELSE 0 END),"
        " (SELECT COUNT(*) FROM liaison_problems p WHERE p.assignee = e.coordinator AND p.status <> 'solved'),"
        " (SELECT COUNT(*) FROM liaison_escalations x WHERE x.assignee = e.coordinator)"
        " FROM enterprise_directory e WHERE e.coordinator IS NOT NULL AND e.coordinator <> ''"
        " AND (CAST(? AS TEXT) IS NULL OR e.coordinator = ?) GROUP BY e.coordinator ORDER BY e.coordinator",
        "tt", coordinator, coordinator);
    size_t i;
    json_t *c;
    json_array_foreach(coords, i, c)
    {
        json_t *list = NULL;
        if (!rc)
            rc = db_rows_json(d, enterprise_row, &list, err,
                              "SELECT uscc, name_zh, credit_level, coordinator FROM enterprise_directory"
                              " WHERE coordinator = ? ORDER BY uscc",
                              "t", json_string_value(json_object_get(c, "coordinator")));
        if (!rc && json_object_set_new(c, "enterprise_list", list))
            rc = nomem(err);
    }
    /* GACC's coordinator rules: every advanced-certified enterprise has one */
    if (!rc)
        rc = db_rows_json(d, enterprise_row, &uncovered, err,
                          "SELECT uscc, name_zh, credit_level, '' FROM enterprise_directory"
                          " WHERE credit_level = 'advanced_certified' AND (coordinator IS NULL OR coordinator = '')"
                          " ORDER BY uscc",
                          "");
    if (rc) {
        json_decref(coords);
        json_decref(uncovered);
    } else if (!(*out = json_pack("{s:o, s:o}", "coordinators", coords, "advanced_without_coordinator", uncovered))) {
        rc = nomem(err); /* json_pack released both */
    }
    return rc;
}
