/* national_store.c — the national figures (issue 22 §4): clearance time, filings, lanes,
 * inspections and tax with the district as a dimension, and the hits of headquarters'
 * instructions by district, read from the rows each district's subscription keeps current in
 * the national database's schema of that district (national_repl.c).
 *
 * The overview and the hits read the national views (national_declarations, ...: every
 * district's rows with the district as a column) once per figure, GROUP BY district: three
 * queries for the overview whatever the number of districts, where a query per figure and
 * district made six per district. PostgreSQL pushes the period and the filters into each
 * district's branch of the view, so each branch still uses its own indexes. Clearance time
 * reads each district's schema on its own: it gathers rows, not counts, one query a district. */
#include <stdio.h>
#include <string.h>

#include "../platform/buf.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/money.h"
#include "../stats/stats.h"
#include "national.h"

#define MAX_DISTRICTS 64 /* 42 direct-subordinate customs districts, with room */

typedef struct district_list {
    char code[MAX_DISTRICTS][40];
    int64_t since_ms[MAX_DISTRICTS];
    size_t n;
} district_list;

static hg_rc need_pg(db *d, hg_err *err)
{
    return strcmp(db_backend(d), "postgres") == 0
               ? HG_OK
               : hg_fail(err, HG_CONFLICT, "needs_postgresql", NULL, "the national installation needs PostgreSQL");
}

/* The registered districts, each name checked again before it is written into SQL. */
static hg_rc districts_load(db *d, district_list *l, hg_err *err)
{
    db_stmt *s;
    l->n = 0;
    hg_rc rc = need_pg(d, err);
    if (!rc)
        rc = db_query(d, &s, err, "SELECT code, subscribed_ms FROM national_districts ORDER BY code", "");
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        const char *c = db_col_text(s, 0);
        if (l->n < MAX_DISTRICTS && national_code_ok(c)) {
            snprintf(l->code[l->n], sizeof l->code[0], "%s", c);
            l->since_ms[l->n++] = db_col_int(s, 1);
        }
    }
    db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

hg_rc national_districts_json(db *d, json_t **out, hg_err *err)
{
    district_list l;
    hg_rc rc = districts_load(d, &l, err);
    if (rc)
        return rc;
    json_t *arr = json_array();
    for (size_t i = 0; i < l.n && !rc; i++) {
        char sub[64], t[40];
        snprintf(sub, sizeof sub, "hg_nat_%s", l.code[i]);
        time_format_rfc3339(l.since_ms[i], t, sizeof t);
        db_stmt *s;
        /* the apply worker's own row (relid NULL): running, and when it last heard the district */
        rc = db_query(d, &s, err,
                      "SELECT st.pid IS NOT NULL, CAST(COALESCE(EXTRACT(EPOCH FROM st.last_msg_receipt_time) * 1000, 0)"
                      " AS BIGINT) FROM pg_subscription b LEFT JOIN pg_stat_subscription st ON st.subid = b.oid AND"
                      " st.relid IS NULL WHERE b.subname = ?",
                      "t", sub);
        int running = 0;
        int64_t heard = 0;
        if (!rc) {
            if ((rc = db_step(s, err)) == HG_ROW) {
                running = db_col_text(s, 0) && (db_col_text(s, 0)[0] == 't' || db_col_text(s, 0)[0] == '1');
                heard = db_col_int(s, 1);
            }
            db_reset(s);
            rc = rc == HG_ROW || rc == HG_DONE ? HG_OK : rc;
        }
        char h[40] = "";
        if (heard)
            time_format_rfc3339(heard, h, sizeof h);
        json_array_append_new(arr,
                              json_pack("{s:s, s:s, s:s, s:b, s:s?}", "district", l.code[i], "subscription", sub,
                                        "subscribed_at", t, "receiving", running, "last_message_at", heard ? h : NULL));
    }
    if (rc) {
        json_decref(arr);
        return rc;
    }
    *out = json_pack("{s:o}", "districts", arr);
    return HG_OK;
}

/* ---- clearance time ---- */

typedef struct seg_list {
    clearance_segments *v;
    size_t n, cap, no_arrival;
} seg_list;

static hg_rc seg_push(seg_list *l, const clearance_segments *x, hg_err *err)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        clearance_segments *v = xrealloc(l->v, cap * sizeof *v);
        if (!v)
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        l->v = v, l->cap = cap;
    }
    l->v[l->n++] = *x;
    return HG_OK;
}

/* The released declarations of one district's schema, as stats_store.c gathers a district's:
 * arrival from the first arrival report, else the transport's arrival. */
static hg_rc collect(db *d, const char *code, const national_query *q, seg_list *out, hg_err *err)
{
    buf sql;
    buf_init(&sql, 8192);
    hg_rc rc = buf_appendf(&sql,
                           "SELECT d.filed_ms, d.released_ms, (SELECT MIN(a.at_ms) FROM \"%s\".arrivals a WHERE"
                           " a.bill_no = d.bill_no), m.arrived_ms, d.gate_out_ms, d.with_declarant_ms"
                           " FROM \"%s\".declarations d JOIN \"%s\".manifest_bills b ON b.bill_no = d.bill_no"
                           " JOIN \"%s\".manifests m ON m.manifest_no = b.manifest_no"
                           " WHERE d.status = 'released' AND d.released_ms >= ? AND d.released_ms < ?"
                           " AND (? IS NULL OR d.direction = ?) AND (? IS NULL OR d.port = ?)",
                           code, code, code, code);
    db_stmt *s;
    if (!rc)
        rc = db_query(d, &s, err, buf_str(&sql), "iitttt", q->from_ms, q->to_ms, q->direction, q->direction, q->port,
                      q->port);
    else
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    buf_free(&sql);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        clearance_facts f = {0};
        clearance_segments x;
        f.filed_ms = db_col_int(s, 0);
        f.released_ms = db_col_int(s, 1);
        f.arrived_ms = !db_col_null(s, 2) ? db_col_int(s, 2) : db_col_null(s, 3) ? 0 : db_col_int(s, 3);
        f.gate_out_ms = db_col_null(s, 4) ? 0 : db_col_int(s, 4);
        f.with_declarant_ms = db_col_null(s, 5) ? 0 : db_col_int(s, 5);
        if (clearance_split(&f, &x)) {
            out->no_arrival++;
            continue;
        }
        if ((rc = seg_push(out, &x, err)))
            break;
    }
    db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

static json_t *summary_of(const seg_list *l, int k, int64_t *vals)
{
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++) {
        const clearance_segments *g = &l->v[i];
        int64_t v = k == 0   ? g->total_ms
                    : k == 1 ? g->arrival_to_declaration_ms
                    : k == 2 ? g->declaration_to_release_ms
                    : k == 3 ? g->release_to_gate_ms
                             : g->with_declarant_ms;
        if (v >= 0)
            vals[n++] = v;
    }
    return stats_summary_json(vals, n);
}

static const char *const segment_names[] = {"total", "arrival_to_declaration", "declaration_to_release",
                                            "release_to_gate", "with_declarant"};

static json_t *segments_json(const seg_list *l, int64_t *vals, int all)
{
    json_t *o =
        json_pack("{s:I, s:{s:I}}", "counted", (json_int_t)l->n, "excluded", "no_arrival", (json_int_t)l->no_arrival);
    for (int k = 0; k < (all ? 5 : 1); k++)
        json_object_set_new(o, segment_names[k], summary_of(l, k, vals));
    return o;
}

hg_rc national_clearance_json(db *d, const national_query *q, json_t **out, hg_err *err)
{
    district_list l;
    hg_rc rc = districts_load(d, &l, err);
    if (rc)
        return rc;
    seg_list all = {0};
    int64_t *vals = NULL;
    json_t *arr = json_array();
    for (size_t i = 0; i < l.n && !rc; i++) {
        seg_list one = {0};
        rc = collect(d, l.code[i], q, &one, err);
        int64_t *v = !rc && one.n ? xmalloc(one.n * sizeof *v) : NULL;
        if (!rc && one.n && !v)
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        if (!rc) {
            json_t *o = segments_json(&one, v, 1);
            json_object_set_new(o, "district", json_string(l.code[i]));
            json_array_append_new(arr, o);
            for (size_t x = 0; x < one.n && !rc; x++)
                rc = seg_push(&all, &one.v[x], err);
            all.no_arrival += one.no_arrival;
        }
        xfree(v);
        xfree(one.v);
    }
    if (!rc && all.n && !(vals = xmalloc(all.n * sizeof *vals)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc) {
        char from[40], to[40];
        time_format_rfc3339(q->from_ms, from, sizeof from);
        time_format_rfc3339(q->to_ms, to, sizeof to);
        *out = json_pack("{s:s, s:s, s:s*, s:s*, s:s, s:o, s:o}", "from", from, "to", to, "direction", q->direction,
                         "port", q->port, "outlier_rule", "none", "districts", arr, "national",
                         segments_json(&all, vals, 0));
        arr = NULL;
    }
    json_decref(arr);
    xfree(vals);
    xfree(all.v);
    return rc;
}

/* ---- overview ---- */

/* One district's figures, filled from the three queries below. */
typedef struct district_figures {
    int64_t filed, released, ordered, open, assessed, paid;
    json_t *lanes;
} district_figures;

/* The position of code in the registered districts, or -1 (a view's row of a district
 * registered after this request loaded the list). */
static int district_at(const district_list *l, const char *code)
{
    for (size_t i = 0; code && i < l->n; i++)
        if (strcmp(l->code[i], code) == 0)
            return (int)i;
    return -1;
}

/* The declaration's direction and port: national_declarations' own, and those national_repl.c
 * joins into national_inspections and national_tax_bills within each district. */
#define FILTERS " AND (? IS NULL OR direction = ?) AND (? IS NULL OR port = ?)"

/* Reads the rows of one of the overview's GROUP BY district queries (s, prepared with rc; the
 * district its first column) and gives each row of a registered district to take, with that
 * district's figures. Resets s. */
static hg_rc figures_read(db_stmt *s, hg_rc rc, const district_list *l, district_figures *f,
                          void (*take)(db_stmt *s, district_figures *f), hg_err *err)
{
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        int i = district_at(l, db_col_text(s, 0));
        if (i >= 0)
            take(s, &f[i]);
    }
    db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

/* A lane's filed and released (columns 1 to 3 of declarations_by_district). */
static void take_declarations(db_stmt *s, district_figures *f)
{
    int64_t filed = db_col_int(s, 2);
    f->filed += filed;
    f->released += db_col_int(s, 3);
    if (filed)
        json_object_set_new(f->lanes, db_col_text(s, 1), json_integer(filed));
}

static void take_inspections(db_stmt *s, district_figures *f)
{
    f->ordered = db_col_int(s, 1);
    f->open = db_col_int(s, 2);
}

static void take_tax(db_stmt *s, district_figures *f)
{
    f->assessed = db_col_int(s, 1);
    f->paid = db_col_int(s, 2);
}

/* Filed (by lane) and released, from national_declarations: one row per district and lane. A
 * lane's group may hold only declarations released in the period: it counts no filing, and
 * by_lane names only the lanes of filings. */
static hg_rc declarations_by_district(db *d, const national_query *q, const district_list *l, district_figures *f,
                                      hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc =
        db_query(d, &s, err,
                 "SELECT x.district, COALESCE(x.lane, 'none'),"
                 " COUNT(*) FILTER (WHERE x.filed_ms >= ? AND x.filed_ms < ?),"
                 " COUNT(*) FILTER (WHERE x.released_ms >= ? AND x.released_ms < ?)"
                 " FROM national_declarations x"
                 " WHERE ((x.filed_ms >= ? AND x.filed_ms < ?) OR (x.released_ms >= ? AND x.released_ms < ?))" FILTERS
                 " GROUP BY 1, 2 ORDER BY 1, 2",
                 "iiiiiiiitttt", q->from_ms, q->to_ms, q->from_ms, q->to_ms, q->from_ms, q->to_ms, q->from_ms, q->to_ms,
                 q->direction, q->direction, q->port, q->port);
    return figures_read(s, rc, l, f, take_declarations, err);
}

/* Inspections ordered in the period and open now (whenever ordered), of the declarations the
 * query's filters keep, from national_inspections. */
static hg_rc inspections_by_district(db *d, const national_query *q, const district_list *l, district_figures *f,
                                     hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc =
        db_query(d, &s, err,
                 "SELECT i.district, COUNT(*) FILTER (WHERE i.created_ms >= ? AND i.created_ms < ?),"
                 " COUNT(*) FILTER (WHERE i.status = 'open')"
                 " FROM national_inspections i"
                 " WHERE ((i.created_ms >= ? AND i.created_ms < ?) OR i.status = 'open')" FILTERS " GROUP BY 1",
                 "iiiitttt", q->from_ms, q->to_ms, q->from_ms, q->to_ms, q->direction, q->direction, q->port, q->port);
    return figures_read(s, rc, l, f, take_inspections, err);
}

/* Tax assessed (bills issued) and paid in the period, in fen, from national_tax_bills. */
static hg_rc tax_by_district(db *d, const national_query *q, const district_list *l, district_figures *f, hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT t.district,"
                        " CAST(COALESCE(SUM(t.total_fen) FILTER (WHERE t.issued_ms >= ? AND t.issued_ms < ?), 0)"
                        " AS BIGINT),"
                        " CAST(COALESCE(SUM(t.paid_fen) FILTER (WHERE t.paid_ms >= ? AND t.paid_ms < ?), 0) AS BIGINT)"
                        " FROM national_tax_bills t"
                        " WHERE ((t.issued_ms >= ? AND t.issued_ms < ?) OR (t.paid_ms >= ? AND t.paid_ms < ?))" FILTERS
                        " GROUP BY 1",
                        "iiiiiiiitttt", q->from_ms, q->to_ms, q->from_ms, q->to_ms, q->from_ms, q->to_ms, q->from_ms,
                        q->to_ms, q->direction, q->direction, q->port, q->port);
    return figures_read(s, rc, l, f, take_tax, err);
}

static json_t *yuan(int64_t fen)
{
    char t[40];
    decimal2_format(fen, t, sizeof t);
    return json_string(t);
}

hg_rc national_overview_json(db *d, const national_query *q, json_t **out, hg_err *err)
{
    district_list l;
    hg_rc rc = districts_load(d, &l, err);
    if (rc)
        return rc;
    district_figures f[MAX_DISTRICTS] = {0};
    for (size_t i = 0; i < l.n; i++)
        f[i].lanes = json_object();
    /* the views exist once a district is registered (national_subscribe builds them) */
    if (l.n && !(rc = declarations_by_district(d, q, &l, f, err)) && !(rc = inspections_by_district(d, q, &l, f, err)))
        rc = tax_by_district(d, q, &l, f, err);
    json_t *arr = json_array();
    for (size_t i = 0; i < l.n; i++)
        json_array_append_new(arr, json_pack("{s:s, s:I, s:I, s:o, s:{s:I, s:I}, s:{s:o, s:o}}", "district", l.code[i],
                                             "filed", (json_int_t)f[i].filed, "released", (json_int_t)f[i].released,
                                             "by_lane", f[i].lanes, "inspections", "ordered", (json_int_t)f[i].ordered,
                                             "open", (json_int_t)f[i].open, "tax", "assessed", yuan(f[i].assessed),
                                             "paid", yuan(f[i].paid)));
    if (rc) {
        json_decref(arr);
        return rc;
    }
    char from[40], to[40];
    time_format_rfc3339(q->from_ms, from, sizeof from);
    time_format_rfc3339(q->to_ms, to, sizeof to);
    *out = json_pack("{s:s, s:s, s:s*, s:s*, s:o}", "from", from, "to", to, "direction", q->direction, "port", q->port,
                     "districts", arr);
    return HG_OK;
}

/* ---- instructions' hits ---- */

hg_rc national_hits_attach(db *d, json_t *items, hg_err *err)
{
    district_list l;
    hg_rc rc = districts_load(d, &l, err);
    size_t k;
    json_t *it;
    json_array_foreach(items, k, it) json_object_set_new(it, "hits", json_object());
    if (rc || !l.n) /* no district, no view */
        return rc;
    db_stmt *s = NULL;
    rc = db_query(d, &s, err,
                  "SELECT district, rule_id, COUNT(*), CAST(COALESCE(SUM(fired), 0) AS BIGINT) FROM national_risk_hits"
                  " GROUP BY 1, 2 ORDER BY 1, 2",
                  "");
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        const char *code = db_col_text(s, 0);
        if (district_at(&l, code) < 0)
            continue;
        json_array_foreach(items, k, it) if (json_integer_value(json_object_get(it, "id")) == db_col_int(s, 1))
            json_object_set_new(
                json_object_get(it, "hits"), code,
                json_pack("{s:I, s:I}", "hits", (json_int_t)db_col_int(s, 2), "fired", (json_int_t)db_col_int(s, 3)));
    }
    db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}
