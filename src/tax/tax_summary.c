/* tax_summary.c — the revenue summary (GET /api/v1/tax/summary): for each month and each tax
 * kind (duty, consumption tax, VAT) what was assessed, collected into the treasury (入库),
 * is deferred or guaranteed, and the late fees collected and waived and the refunds, so
 * that "584.5亿 entered the treasury; 5,650.5万 late fees waived; 1.95亿 deferred" is a
 * query. Read-only. Months are Asia/Shanghai calendar months: assessed, deferred and
 * guaranteed amounts fall in the month of the bill's issue, collections and late fees in the
 * month of payment, waivers in the month of their approval. A supplementary bill (补税) counts
 * as a bill of its own month; a refund (退税) in the month it was decided; the void bill of a
 * cancelled declaration assesses nothing, though what was paid on it was collected (and its
 * refund is one). */
#include <stdio.h>
#include <string.h>

#include "../platform/calendar.h"
#include "../platform/mem.h"
#include "tax.h"
#include "tax_bill.h"
#include "tax_store.h"

enum { K_DUTY, K_CONSUMPTION, K_VAT, N_KINDS };
enum { M_ASSESSED, M_COLLECTED, M_DEFERRED, M_GUARANTEED, M_OUTSTANDING, M_REFUNDS, N_MEASURES };
static const char *const kind_names[N_KINDS] = {"duty", "consumption_tax", "vat"};
static const char *const measure_names[N_MEASURES] = {"assessed",   "collected",   "deferred",
                                                      "guaranteed", "outstanding", "refunds"};

typedef struct month_sum {
    char month[8];
    int64_t v[N_KINDS][N_MEASURES];
    int64_t fees_collected, fees_waived, late_decl_collected, bills, waivers;
} month_sum;

typedef struct summary {
    month_sum *m;
    size_t n, cap;
    int overflow;
} summary;

/* The bucket of the month of ms (kept in month order), or NULL when out of memory. */
static month_sum *bucket(summary *s, int64_t ms)
{
    char key[8];
    calendar_format_month(calendar_day_of(ms), key);
    size_t i = 0;
    while (i < s->n && strcmp(s->m[i].month, key) < 0)
        i++;
    if (i < s->n && strcmp(s->m[i].month, key) == 0)
        return &s->m[i];
    if (s->n == s->cap) {
        month_sum *more = xrealloc(s->m, (s->cap = s->cap ? s->cap * 2 : 16) * sizeof *more);
        if (!more)
            return NULL;
        s->m = more;
    }
    memmove(&s->m[i + 1], &s->m[i], (s->n - i) * sizeof *s->m);
    memset(&s->m[i], 0, sizeof *s->m);
    memcpy(s->m[i].month, key, sizeof key);
    s->n++;
    return &s->m[i];
}

/* *sum += v in checked arithmetic: an overflow marks the summary out of range */
static void add(summary *s, int64_t *sum, int64_t v)
{
    if (__builtin_add_overflow(*sum, v, sum))
        s->overflow = 1;
}

static void add_kinds(summary *s, month_sum *m, int measure, const tax_amounts *a)
{
    add(s, &m->v[K_DUTY][measure], a->duty_fen);
    add(s, &m->v[K_CONSUMPTION][measure], a->consumption_fen);
    add(s, &m->v[K_VAT][measure], a->vat_fen);
}

static hg_rc read_bills(db *d, summary *sm, int64_t from, int64_t to, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT issued_ms, status, COALESCE(paid_ms, 0), duty_fen, consumption_fen, vat_fen, "
                        "COALESCE(late_fee_fen, 0), COALESCE(late_declaration_fee_fen, 0) FROM tax_bills WHERE "
                        "(issued_ms >= ? AND issued_ms < ?) "
                        "OR (status IN ('paid', 'void') AND paid_ms >= ? AND paid_ms < ?)",
                        "iiii", from, to, from, to);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        int64_t issued = db_col_int(s, 0), paid = db_col_int(s, 2);
        const char *st = db_col_text(s, 1);
        tax_amounts a = {db_col_int(s, 3), db_col_int(s, 4), db_col_int(s, 5)};
        month_sum *m;
        int is_void = strcmp(st, "void") == 0;
        if (issued >= from && issued < to && !is_void) {
            if (!(m = bucket(sm, issued)))
                break;
            m->bills++;
            add_kinds(sm, m, M_ASSESSED, &a);
            if (strcmp(st, "deferred") == 0)
                add_kinds(sm, m, M_DEFERRED, &a);
            if (strcmp(st, "guaranteed") == 0)
                add_kinds(sm, m, M_GUARANTEED, &a);
            if (strcmp(st, "due") == 0 || strcmp(st, "deferred") == 0 || strcmp(st, "guaranteed") == 0)
                add_kinds(sm, m, M_OUTSTANDING, &a);
        }
        if ((strcmp(st, "paid") == 0 || is_void) && paid && paid >= from && paid < to) {
            if (!(m = bucket(sm, paid)))
                break;
            add_kinds(sm, m, M_COLLECTED, &a);
            add(sm, &m->fees_collected, db_col_int(s, 6));
            add(sm, &m->late_decl_collected, db_col_int(s, 7));
        }
    }
    db_reset(s);
    if (rc == HG_ROW)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return rc == HG_DONE ? HG_OK : rc;
}

/* Supplementary bills and refunds (tax_adjust_store.c): issued, outstanding and collected as a
 * bill's are; refunds in their month. */
static hg_rc read_adjustments(db *d, summary *sm, int64_t from, int64_t to, hg_err *err)
{
    db_stmt *s;
    hg_rc rc =
        db_query(d, &s, err,
                 "SELECT kind, status, issued_ms, COALESCE(paid_ms, 0), duty_fen, consumption_fen, vat_fen, "
                 "COALESCE(late_fee_fen, 0), COALESCE(late_declaration_fee_fen, 0) FROM tax_adjustments "
                 "WHERE kind IN ('supplementary', 'refund') "
                 "AND status <> 'void' AND ((issued_ms >= ? AND issued_ms < ?) OR (paid_ms >= ? AND paid_ms < ?))",
                 "iiii", from, to, from, to);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        int refund = strcmp(db_col_text(s, 0), "refund") == 0, due = strcmp(db_col_text(s, 1), "due") == 0;
        int64_t issued = db_col_int(s, 2), paid = db_col_int(s, 3);
        tax_amounts a = {db_col_int(s, 4), db_col_int(s, 5), db_col_int(s, 6)};
        month_sum *m;
        if (issued >= from && issued < to) {
            if (!(m = bucket(sm, issued)))
                break;
            add_kinds(sm, m, refund ? M_REFUNDS : M_ASSESSED, &a);
            if (due)
                add_kinds(sm, m, M_OUTSTANDING, &a);
        }
        if (!refund && paid && paid >= from && paid < to) {
            if (!(m = bucket(sm, paid)))
                break;
            add_kinds(sm, m, M_COLLECTED, &a);
            add(sm, &m->fees_collected, db_col_int(s, 7));
            add(sm, &m->late_decl_collected, db_col_int(s, 8)); /* a late completion's fee bill */
        }
    }
    db_reset(s);
    if (rc == HG_ROW)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return rc == HG_DONE ? HG_OK : rc;
}

static hg_rc read_waivers(db *d, summary *sm, int64_t from, int64_t to, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT decided_ms, COALESCE(amount_fen, 0) FROM tax_decisions WHERE kind = 'waiver' "
                        "AND status = 'approved' AND decided_ms >= ? AND decided_ms < ?",
                        "ii", from, to);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        month_sum *m = bucket(sm, db_col_int(s, 0));
        if (!m)
            break;
        m->waivers++;
        add(sm, &m->fees_waived, db_col_int(s, 1));
    }
    db_reset(s);
    if (rc == HG_ROW)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return rc == HG_DONE ? HG_OK : rc;
}

/* {"duty": {"assessed": ..., ...}, "consumption_tax": {...}, "vat": {...}} of v */
static json_t *kinds_json(const int64_t v[N_KINDS][N_MEASURES])
{
    json_t *o = json_object();
    for (int k = 0; k < N_KINDS; k++) {
        json_t *x = json_object();
        for (int j = 0; j < N_MEASURES; j++)
            tax_put_money(x, measure_names[j], v[k][j]);
        json_object_set_new(o, kind_names[k], x);
    }
    return o;
}

hg_rc tax_summary_json(db *d, int64_t from_ms, int64_t to_ms, json_t **out, hg_err *err)
{
    summary sm = {0};
    hg_rc rc = read_bills(d, &sm, from_ms, to_ms, err);
    if (!rc)
        rc = read_waivers(d, &sm, from_ms, to_ms, err);
    if (!rc)
        rc = read_adjustments(d, &sm, from_ms, to_ms, err);
    month_sum all = {0};
    json_t *months = json_array();
    for (size_t i = 0; !rc && i < sm.n; i++) {
        month_sum *m = &sm.m[i];
        for (int k = 0; k < N_KINDS; k++)
            for (int j = 0; j < N_MEASURES; j++)
                add(&sm, &all.v[k][j], m->v[k][j]);
        add(&sm, &all.fees_collected, m->fees_collected);
        add(&sm, &all.fees_waived, m->fees_waived);
        add(&sm, &all.late_decl_collected, m->late_decl_collected);
        all.bills += m->bills;
        all.waivers += m->waivers;
        json_t *o = json_pack("{s:s, s:o, s:I, s:I}", "month", m->month, "by_kind", kinds_json(m->v), "bills",
                              (json_int_t)m->bills, "waivers", (json_int_t)m->waivers);
        tax_put_money(o, "late_fees_collected", m->fees_collected);
        tax_put_money(o, "late_fees_waived", m->fees_waived);
        tax_put_money(o, "late_declaration_fees_collected", m->late_decl_collected);
        json_array_append_new(months, o);
    }
    xfree(sm.m);
    if (!rc && sm.overflow)
        rc = hg_fail(err, HG_INVALID, "out_of_range", "from", "the sums of this period are out of range");
    if (rc) {
        json_decref(months);
        return rc;
    }
    json_t *o = json_object();
    tax_put_time(o, "from", from_ms);
    tax_put_time(o, "to", to_ms);
    int64_t collected = 0, outstanding = 0, deferred = 0, guaranteed = 0, refunds = 0;
    for (int k = 0; k < N_KINDS; k++) {
        collected += all.v[k][M_COLLECTED];
        outstanding += all.v[k][M_OUTSTANDING];
        deferred += all.v[k][M_DEFERRED];
        guaranteed += all.v[k][M_GUARANTEED];
        refunds += all.v[k][M_REFUNDS];
    }
    /* revenue: tax and late fees collected into the treasury (as the summary always said) */
    tax_put_money(o, "revenue", collected + all.fees_collected + all.late_decl_collected);
    tax_put_money(o, "collected", collected);
    tax_put_money(o, "late_fees_collected", all.fees_collected);
    tax_put_money(o, "deferred", deferred);
    tax_put_money(o, "guaranteed", guaranteed);
    tax_put_money(o, "outstanding", outstanding);
    tax_put_money(o, "refunds", refunds);
    json_object_set_new(o, "bills", json_integer(all.bills));
    json_object_set_new(o, "waivers", json_integer(all.waivers));
    tax_put_money(o, "late_fees_waived", all.fees_waived);
    tax_put_money(o, "late_declaration_fees_collected", all.late_decl_collected);
    json_object_set_new(o, "by_kind", kinds_json(all.v));
    json_object_set_new(o, "months", months);
    *out = o;
    return HG_OK;
}
