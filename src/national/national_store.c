/* national_store.c — the national figures (issue 22 §4): clearance time, filings, lanes,
 * inspections and tax with the district as a dimension, and the hits of headquarters'
 * instructions by district, read from the rows each district's subscription keeps current in
 * the national database's schema of that district (national_repl.c). Each district's schema is
 * queried on its own, so every query uses that district's indexes; the national views
 * (national_declarations, ...) are there for the operators' ad-hoc questions. */
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

/* One count or sum over one district's table; the filters are the query's. */
static hg_rc number(db *d, const char *code, const char *fmt_sql, const national_query *q, int64_t *n, hg_err *err)
{
    char sql[1024];
    snprintf(sql, sizeof sql, fmt_sql, code);
    return db_int(d, n, err, sql, "iitttt", q->from_ms, q->to_ms, q->direction, q->direction, q->port, q->port);
}

#define FILTERS " AND (? IS NULL OR direction = ?) AND (? IS NULL OR port = ?)"

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
    json_t *arr = json_array();
    for (size_t i = 0; i < l.n && !rc; i++) {
        const char *c = l.code[i];
        int64_t filed = 0, released = 0, insp = 0, open = 0, assessed = 0, paid = 0;
        rc = number(d, c, "SELECT COUNT(*) FROM \"%s\".declarations WHERE filed_ms >= ? AND filed_ms < ?" FILTERS, q,
                    &filed, err);
        if (!rc)
            rc = number(d, c,
                        "SELECT COUNT(*) FROM \"%s\".declarations WHERE released_ms >= ? AND released_ms < ?" FILTERS,
                        q, &released, err);
        /* inspections and tax by the declaration they belong to, under the same filters */
        if (!rc)
            rc = number(d, c,
                        "SELECT COUNT(*) FROM \"%1$s\".inspections i JOIN \"%1$s\".declarations x ON x.entry_no ="
                        " i.entry_no WHERE i.created_ms >= ? AND i.created_ms < ?"
                        " AND (? IS NULL OR x.direction = ?) AND (? IS NULL OR x.port = ?)",
                        q, &insp, err);
        if (!rc) { /* open now, whenever ordered */
            char sql[512];
            snprintf(sql, sizeof sql,
                     "SELECT COUNT(*) FROM \"%1$s\".inspections i JOIN \"%1$s\".declarations x ON x.entry_no ="
                     " i.entry_no WHERE i.status = 'open' AND (? IS NULL OR x.direction = ?) AND (? IS NULL OR"
                     " x.port = ?)",
                     c);
            rc = db_int(d, &open, err, sql, "tttt", q->direction, q->direction, q->port, q->port);
        }
        if (!rc)
            rc = number(d, c,
                        "SELECT CAST(COALESCE(SUM(t.total_fen), 0) AS BIGINT) FROM \"%1$s\".tax_bills t JOIN"
                        " \"%1$s\".declarations x ON x.entry_no = t.entry_no WHERE t.issued_ms >= ? AND t.issued_ms < ?"
                        " AND (? IS NULL OR x.direction = ?) AND (? IS NULL OR x.port = ?)",
                        q, &assessed, err);
        if (!rc)
            rc = number(d, c,
                        "SELECT CAST(COALESCE(SUM(t.paid_fen), 0) AS BIGINT) FROM \"%1$s\".tax_bills t JOIN"
                        " \"%1$s\".declarations x ON x.entry_no = t.entry_no WHERE t.paid_ms >= ? AND t.paid_ms < ?"
                        " AND (? IS NULL OR x.direction = ?) AND (? IS NULL OR x.port = ?)",
                        q, &paid, err);
        json_t *lanes = json_object();
        if (!rc) {
            char sql[512];
            snprintf(sql, sizeof sql,
                     "SELECT COALESCE(lane, 'none'), COUNT(*) FROM \"%s\".declarations WHERE filed_ms >= ? AND"
                     " filed_ms < ?" FILTERS " GROUP BY 1 ORDER BY 1",
                     c);
            db_stmt *s = NULL;
            rc =
                db_query(d, &s, err, sql, "iitttt", q->from_ms, q->to_ms, q->direction, q->direction, q->port, q->port);
            while (!rc && (rc = db_step(s, err)) == HG_ROW) {
                rc = HG_OK;
                json_object_set_new(lanes, db_col_text(s, 0), json_integer(db_col_int(s, 1)));
            }
            if (rc == HG_DONE)
                rc = HG_OK;
            if (s)
                db_reset(s);
        }
        json_array_append_new(arr, json_pack("{s:s, s:I, s:I, s:o, s:{s:I, s:I}, s:{s:o, s:o}}", "district", c, "filed",
                                             (json_int_t)filed, "released", (json_int_t)released, "by_lane", lanes,
                                             "inspections", "ordered", (json_int_t)insp, "open", (json_int_t)open,
                                             "tax", "assessed", yuan(assessed), "paid", yuan(paid)));
    }
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
    for (size_t i = 0; i < l.n && !rc; i++) {
        char sql[512];
        snprintf(sql, sizeof sql,
                 "SELECT rule_id, COUNT(*), CAST(COALESCE(SUM(fired), 0) AS BIGINT) FROM \"%s\".risk_hits"
                 " GROUP BY rule_id",
                 l.code[i]);
        db_stmt *s;
        if ((rc = db_query(d, &s, err, sql, "")))
            break;
        while ((rc = db_step(s, err)) == HG_ROW) {
            json_array_foreach(items, k, it) if (json_integer_value(json_object_get(it, "id")) == db_col_int(s, 0))
                json_object_set_new(json_object_get(it, "hits"), l.code[i],
                                    json_pack("{s:I, s:I}", "hits", (json_int_t)db_col_int(s, 1), "fired",
                                              (json_int_t)db_col_int(s, 2)));
        }
        db_reset(s);
        rc = rc == HG_DONE ? HG_OK : rc;
    }
    return rc;
}
