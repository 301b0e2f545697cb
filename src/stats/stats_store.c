/* stats_store.c — gathers the clearance facts of released declarations and groups them by
 * day, ISO week or month (Asia/Shanghai), with the same groups of a baseline year. It reads
 * the views the cargo area publishes (cargo_declarations, ...; cargo_store.c), never its
 * tables: statistics are a read-only reporter of every area. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/buf.h"
#include "../platform/calendar.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/money.h"
#include "stats_store.h"

typedef struct fact {
    char key[12];
    clearance_segments seg;
} fact;

typedef struct fact_list {
    fact *v;
    size_t n, cap;
    size_t no_arrival; /* released declarations left out: no arrival is recorded for them */
    size_t released_before_arrival, gate_before_release; /* counted, with that segment as zero */
} fact_list;

void stats_group_key(int64_t ms, const char *group, char out[12])
{
    int64_t day = calendar_day_of(ms);
    if (strcmp(group, "week") == 0)
        calendar_format_week(day, out);   /* ISO 8601: the week belongs to the year of its Thursday */
    else if (strcmp(group, "month") == 0)
        calendar_format_month(day, out);
    else
        calendar_format_date(day, out);
}

int64_t stats_year_start_ms(int year) { return calendar_day_start_ms(calendar_days_from_civil(year, 1, 1)); }

static hg_rc push(fact_list *l, const fact *f)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        fact *v = xrealloc(l->v, cap * sizeof *v);
        if (!v)
            return HG_NOMEM;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = *f;
    return HG_OK;
}

static hg_rc collect(db *d, const stats_query *q, int64_t from, int64_t to, fact_list *out, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT d.filed_ms, d.released_ms, "
                        " (SELECT MIN(a.at_ms) FROM cargo_arrivals a WHERE a.bill_no = d.bill_no), m.arrived_ms, "
                        " d.gate_out_ms, d.with_declarant_ms "
                        "FROM cargo_declarations d JOIN cargo_manifest_bills b ON b.bill_no = d.bill_no "
                        "JOIN cargo_manifests m ON m.manifest_no = b.manifest_no "
                        "WHERE d.status = 'released' AND d.released_ms >= ? AND d.released_ms < ? "
                        "AND (? IS NULL OR d.direction = ?) AND (? IS NULL OR d.port = ?)",
                        "iitttt", from, to, q->direction, q->direction, q->port, q->port);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        clearance_facts f = {0};
        f.filed_ms = db_col_int(s, 0);
        f.released_ms = db_col_int(s, 1);
        /* arrival: the first arrival report, else the transport's arrival (ship-side pickup) */
        f.arrived_ms = !db_col_null(s, 2) ? db_col_int(s, 2) : db_col_null(s, 3) ? 0 : db_col_int(s, 3);
        f.gate_out_ms = db_col_null(s, 4) ? 0 : db_col_int(s, 4);   /* the first exit at the gate */
        f.with_declarant_ms = db_col_null(s, 5) ? 0 : db_col_int(s, 5); /* 退单 until refiled */
        fact x;
        if (clearance_split(&f, &x.seg)) {
            out->no_arrival++;   /* never silently: the answer says how many and why */
            continue;
        }
        out->released_before_arrival += x.seg.released_before_arrival;
        out->gate_before_release += x.seg.gate_before_release;
        stats_group_key(f.released_ms, q->group, x.key);
        if (push(out, &x)) {
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
            break;
        }
    }
    db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

static int cmp_key(const void *a, const void *b) { return strcmp(((const fact *)a)->key, ((const fact *)b)->key); }

/* Mean total of the facts whose key is key (0 and *n 0 when none). */
static int64_t mean_of(const fact_list *l, const char *key, size_t *n)
{
    __int128 sum = 0;
    *n = 0;
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].key, key) == 0) {
            sum += l->v[i].seg.total_ms;
            (*n)++;
        }
    return *n ? (int64_t)((sum + (__int128)(*n / 2)) / (__int128)*n) : 0;
}

hg_rc stats_clearance_json(db *d, const stats_query *q, json_t **out, hg_err *err)
{
    fact_list now = {0}, base = {0};
    int64_t *vals = NULL;
    hg_rc rc = collect(d, q, q->from_ms, q->to_ms, &now, err);
    if (!rc && q->baseline_year)
        rc = collect(d, q, stats_year_start_ms(q->baseline_year), stats_year_start_ms(q->baseline_year + 1), &base,
                     err);
    if (!rc && now.n && !(vals = xmalloc(now.n * sizeof *vals)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (rc)
        goto out;
    qsort(now.v, now.n, sizeof *now.v, cmp_key);
    json_t *groups = json_array();
    for (size_t i = 0; i < now.n;) {
        size_t j = i;
        while (j < now.n && strcmp(now.v[j].key, now.v[i].key) == 0)
            j++;
        json_t *g = json_pack("{s:s}", "key", now.v[i].key);
        static const char *const names[] = {"total", "arrival_to_declaration", "declaration_to_release",
                                            "release_to_gate", "with_declarant"};
        for (int k = 0; k < 5; k++) {
            size_t n = 0;
            for (size_t x = i; x < j; x++) {
                const clearance_segments *sg = &now.v[x].seg;
                int64_t v = k == 0 ? sg->total_ms
                            : k == 1 ? sg->arrival_to_declaration_ms
                            : k == 2 ? sg->declaration_to_release_ms
                            : k == 3 ? sg->release_to_gate_ms
                                     : sg->with_declarant_ms;
                if (v >= 0)
                    vals[n++] = v;
            }
            json_object_set_new(g, names[k], stats_summary_json(vals, n));
        }
        if (q->baseline_year) {
            /* the same day, week or month of the baseline year */
            char bkey[12];
            snprintf(bkey, sizeof bkey, "%04d%s", q->baseline_year % 10000, now.v[i].key + 4);
            size_t bn;
            int64_t bmean = mean_of(&base, bkey, &bn);
            summary s;
            for (size_t x = i; x < j; x++)
                vals[x - i] = now.v[x].seg.total_ms;
            summarize(vals, j - i, &s);
            json_t *b = json_pack("{s:s, s:I}", "key", bkey, "count", (json_int_t)bn);
            if (bn) {
                char h[32], pct[32];
                hours_format(bmean, h, sizeof h);
                int64_t bp = change_bp(s.mean_ms, bmean);
                decimal2_format(bp, pct, sizeof pct);
                json_object_set_new(b, "mean_hours", json_string(h));
                json_object_set_new(b, "change_pct", json_string(pct));
            }
            json_object_set_new(g, "baseline", b);
        }
        json_array_append_new(groups, g);
        i = j;
    }
    /* what was counted and what was not, so that no figure hides an exclusion: no outlier is
     * trimmed (implausible times are refused when they are recorded, cargo's arrival_time); the
     * two orders that are true but would make a segment negative are counted with it as zero,
     * and said */
    *out = json_pack("{s:s, s:s*, s:s*, s:I, s:{s:I}, s:s, s:{s:I, s:I}, s:o}", "group", q->group, "direction",
                     q->direction, "port", q->port, "counted", (json_int_t)now.n, "excluded", "no_arrival",
                     (json_int_t)now.no_arrival, "outlier_rule", "none", "zero_segments", "released_before_arrival",
                     (json_int_t)now.released_before_arrival, "gate_out_before_release",
                     (json_int_t)now.gate_before_release, "groups", groups);
out:
    xfree(vals);
    xfree(now.v);
    xfree(base.v);
    return rc;
}

/* Rows of "key, count" into an object {key: count}. */
static hg_rc counts_by(db *d, const char *sql, const stats_query *q, json_t *into, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, sql, "iitttt", q->from_ms, q->to_ms, q->direction, q->direction, q->port, q->port);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW)
        json_object_set_new(into, db_col_text(s, 0), json_integer(db_col_int(s, 1)));
    db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

#define FILTERS " AND (? IS NULL OR direction = ?) AND (? IS NULL OR port = ?)"

hg_rc stats_years_json(db *d, const char *direction, json_t **out, hg_err *err)
{
    int64_t first = 0, last = 0;
    hg_rc rc = db_int(d, &first, err,
                      "SELECT COALESCE(MIN(released_ms), 0) FROM cargo_declarations WHERE released_ms IS NOT NULL"
                      " AND (? IS NULL OR direction = ?)",
                      "tt", direction, direction);
    if (!rc)
        rc = db_int(d, &last, err,
                    "SELECT COALESCE(MAX(released_ms), 0) FROM cargo_declarations WHERE released_ms IS NOT NULL"
                    " AND (? IS NULL OR direction = ?)",
                    "tt", direction, direction);
    json_t *years = json_array();
    /* one count a year, newest first: a year's bounds are its Shanghai midnights */
    for (int y = first ? calendar_year_of(last) : 0; !rc && first && y >= calendar_year_of(first); y--) {
        int64_t n = 0;
        rc = db_int(d, &n, err,
                    "SELECT COUNT(*) FROM cargo_declarations WHERE released_ms >= ? AND released_ms < ?"
                    " AND (? IS NULL OR direction = ?)",
                    "iitt", stats_year_start_ms(y), stats_year_start_ms(y + 1), direction, direction);
        if (!rc && n > 0)
            json_array_append_new(years, json_pack("{s:i, s:I}", "year", y, "released", (json_int_t)n));
    }
    if (rc) {
        json_decref(years);
        return rc;
    }
    *out = json_pack("{s:o}", "years", years);
    return HG_OK;
}

hg_rc stats_overview_json(db *d, const stats_query *q, json_t **out, hg_err *err)
{
    json_t *o = json_object(), *status = json_object(), *lane = json_object();
    json_object_set_new(o, "by_status", status);
    json_object_set_new(o, "by_lane", lane);
    hg_rc rc = counts_by(d, "SELECT status, COUNT(*) FROM cargo_declarations WHERE filed_ms >= ? AND filed_ms < ?" FILTERS
                            " GROUP BY status", q, status, err);
    if (!rc)
        rc = counts_by(d, "SELECT lane, COUNT(*) FROM cargo_declarations WHERE filed_ms >= ? AND filed_ms < ?" FILTERS
                          " GROUP BY lane", q, lane, err);
    int64_t released = 0, open = 0, oldest = 0;
    if (!rc)
        rc = db_int(d, &released, err,
                    "SELECT COUNT(*) FROM cargo_declarations WHERE released_ms >= ? AND released_ms < ?" FILTERS, "iitttt",
                    q->from_ms, q->to_ms, q->direction, q->direction, q->port, q->port);
    if (!rc)
        rc = db_int(d, &open, err, "SELECT COUNT(*) FROM cargo_inspections WHERE status = 'open'", "");
    if (!rc)
        rc = db_int(d, &oldest, err, "SELECT COALESCE(MIN(created_ms), 0) FROM cargo_inspections WHERE status = 'open'", "");
    if (rc) {
        json_decref(o);
        return rc;
    }
    char age[32];
    hours_format(oldest ? now_ms() - oldest : 0, age, sizeof age);
    json_object_set_new(o, "released", json_integer(released));
    json_object_set_new(o, "open_inspections", json_integer(open));
    json_object_set_new(o, "oldest_open_inspection_hours", json_string(age));
    *out = o;
    return HG_OK;
}
