/* tax_adjust_store.c — a bill's life after its notice: re-assessment when the goods change (an
 * approved modification, a correction on refiling, an amendment after release, the transport's
 * entry for goods declared before it), supplementary bills (补税) and refunds (退税), the void
 * bill of a cancelled declaration, and where each stands on any date. Sources: 关税法 and
 * 进出口关税条例 (补征 and 退还), 海关进出口货物征税管理办法 (the notice of a supplementary
 * bill and its own payment period), 海关进出口货物报关单修改和撤销管理办法 (海关总署令第220号:
 * a modification or cancellation, and the tax it changes). docs/TAX_RULES.md gives the
 * choices made where they are silent. Not for: the first assessment (tax_store.c). */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/calendar_store.h"
#include "../platform/event.h"
#include "../platform/log.h"
#include "../platform/money.h"
#include "../platform/words.h"
#include "tax.h"
#include "tax_bill.h"
#include "tax_store.h"

/* One supplementary bill or refund (tax_adjustments, migration 370). */
typedef struct adjustment {
    int64_t id;
    char entry_no[24], kind[16], cause[24], status[16];
    tax_amounts amounts;
    int64_t total, issued_ms, last_free_day, paid_ms, paid_fen, late_fee;
    int64_t late_decl_fee; /* 滞报金 a late two-step completion charges (migration 371) */
} adjustment;

#define ADJ_COLUMNS                                                                                                    \
    "id, entry_no, kind, cause, status, duty_fen, consumption_fen, vat_fen, total_fen, issued_ms, "                    \
    "COALESCE(last_free_day, 0), COALESCE(paid_ms, 0), COALESCE(paid_fen, 0), COALESCE(late_fee_fen, 0), "             \
    "COALESCE(late_declaration_fee_fen, 0)"

static void adj_from_row(db_stmt *s, adjustment *a)
{
    a->id = db_col_int(s, 0);
    snprintf(a->entry_no, sizeof a->entry_no, "%s", db_col_text(s, 1));
    snprintf(a->kind, sizeof a->kind, "%s", db_col_text(s, 2));
    snprintf(a->cause, sizeof a->cause, "%s", db_col_text(s, 3));
    snprintf(a->status, sizeof a->status, "%s", db_col_text(s, 4));
    a->amounts = (tax_amounts){db_col_int(s, 5), db_col_int(s, 6), db_col_int(s, 7)};
    a->total = db_col_int(s, 8);
    a->issued_ms = db_col_int(s, 9);
    a->last_free_day = db_col_int(s, 10);
    a->paid_ms = db_col_int(s, 11);
    a->paid_fen = db_col_int(s, 12);
    a->late_fee = db_col_int(s, 13);
    a->late_decl_fee = db_col_int(s, 14);
}

/* What the bill charges now, net of its supplementary bills and refunds: the figure a new
 * assessment is compared with. */
static hg_rc charged(db *d, const bill_row *b, const char *entry_no, tax_amounts *out, hg_err *err)
{
    db_stmt *s;
    *out = b->levied;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT kind, duty_fen, consumption_fen, vat_fen FROM tax_adjustments WHERE entry_no = ? "
                        "AND kind IN ('supplementary', 'refund') AND status <> 'void'",
                        "t", entry_no);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        int64_t sign = strcmp(db_col_text(s, 0), "refund") == 0 ? -1 : 1;
        out->duty_fen += sign * db_col_int(s, 1);
        out->consumption_fen += sign * db_col_int(s, 2);
        out->vat_fen += sign * db_col_int(s, 3);
        rc = HG_OK;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    return rc;
}

/* The signed sum of three taxes (a re-issue's difference may be negative). */
static int64_t signed_total(const tax_amounts *a) { return a->duty_fen + a->consumption_fen + a->vat_fen; }

static hg_rc insert_adjustment(db *d, const char *entry_no, const char *kind, const char *cause, const char *status,
                               const tax_amounts *a, int64_t now, int64_t last_free_day, const char *actor, int64_t *id,
                               hg_err *err)
{
    hg_rc rc = db_run(d, err,
                      "INSERT INTO tax_adjustments (entry_no, kind, cause, status, duty_fen, consumption_fen, vat_fen, "
                      "total_fen, issued_ms, last_free_day, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      "ttttiiiiiit", entry_no, kind, cause, status, a->duty_fen, a->consumption_fen, a->vat_fen,
                      signed_total(a), now, last_free_day, actor);
    if (!rc)
        rc = db_int(d, id, err, "SELECT MAX(id) FROM tax_adjustments WHERE entry_no = ?", "t", entry_no);
    return rc;
}

static json_t *amounts_json(const tax_amounts *a)
{
    json_t *o = json_object();
    tax_put_money(o, "duty", a->duty_fen);
    tax_put_money(o, "consumption_tax", a->consumption_fen);
    tax_put_money(o, "vat", a->vat_fen);
    tax_put_money(o, "total", signed_total(a));
    return o;
}

/* A difference of one tax on a supplementary bill is levied only from 50 yuan, as each tax
 * of the first notice is (关税法 / 进出口关税条例: 一票货物 ... 50元以下 免征; docs/TAX_RULES.md). */
static int64_t levied_part(int64_t fen) { return fen >= TAX_LEVY_MINIMUM_FEN ? fen : 0; }

hg_rc tax_reassess(db *d, const tax_subject *subj, const char *cause, const char *actor, const char *request_id,
                   json_t **outcome, hg_err *err)
{
    const char *entry_no = subj->entry_no;
    int64_t now = now_ms(), cif = 0, sup_id = 0, ref_id = 0;
    bill_row b;
    tax_amounts assessed, was;
    *outcome = NULL;
    hg_rc rc = tax_bill_load(d, entry_no, &b, err);
    if (!rc && strcmp(b.status, "void") == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "entry_no", "the bill of a cancelled declaration is void");
    if (!rc)
        rc = tax_assess_lines(d, subj, subj->rate_ms ? subj->rate_ms : now, 1, &assessed, &cif, err);
    if (!rc)
        rc = charged(d, &b, entry_no, &was, err);
    if (rc)
        return rc;
    tax_amounts levied = tax_levied(&assessed);
    tax_amounts delta = {levied.duty_fen - was.duty_fen, levied.consumption_fen - was.consumption_fen,
                         levied.vat_fen - was.vat_fen};
    int unpaid = strcmp(b.status, "due") == 0 || strcmp(b.status, "none") == 0;
    int paid = strcmp(b.status, "paid") == 0;
    /* an unpaid notice is re-issued whole; a secured one (guarantee, deferral) is lowered in
     * place but raised only by a supplementary bill; a paid one changes only by supplementary
     * bills and refunds */
    tax_amounts up = {0, 0, 0}, down = {0, 0, 0}, reissue = {0, 0, 0};
    int64_t *dv = &delta.duty_fen, *uv = &up.duty_fen, *nv = &down.duty_fen, *rv = &reissue.duty_fen;
    for (int i = 0; i < 3; i++) {
        if (unpaid)
            rv[i] = dv[i];
        else if (dv[i] > 0)
            uv[i] = levied_part(dv[i]);
        else if (paid)
            nv[i] = -dv[i];
        else
            rv[i] = dv[i];
    }
    const char *what = "unchanged";
    if (reissue.duty_fen || reissue.consumption_fen || reissue.vat_fen) {
        tax_amounts now_levied = {b.levied.duty_fen + reissue.duty_fen,
                                  b.levied.consumption_fen + reissue.consumption_fen,
                                  b.levied.vat_fen + reissue.vat_fen};
        int64_t total = signed_total(&now_levied);
        const char *status = b.status;
        if (unpaid)
            status = total > 0 || b.late_decl_fee > 0 ? "due" : "none";
        rc = db_run(d, err,
                    "UPDATE tax_bills SET duty_fen = ?, consumption_fen = ?, vat_fen = ?, total_fen = ?, "
                    "assessed_duty_fen = ?, assessed_consumption_fen = ?, assessed_vat_fen = ?, status = ? "
                    "WHERE entry_no = ?",
                    "iiiiiiitt", now_levied.duty_fen, now_levied.consumption_fen, now_levied.vat_fen, total,
                    assessed.duty_fen, assessed.consumption_fen, assessed.vat_fen, status, entry_no);
        int64_t id = 0;
        if (!rc)
            rc = insert_adjustment(d, entry_no, "reissue", cause, "recorded", &reissue, now, 0, actor, &id, err);
        what = "reissued";
    } else if (!rc) {
        /* the working is the new one; the figures the bill charged stay */
        rc = db_run(d, err,
                    "UPDATE tax_bills SET assessed_duty_fen = ?, assessed_consumption_fen = ?, assessed_vat_fen = ? "
                    "WHERE entry_no = ?",
                    "iiit", assessed.duty_fen, assessed.consumption_fen, assessed.vat_fen, entry_no);
    }
    bill_dates dates = {0, 0, 0};
    if (!rc && tax_amounts_total(&up) > 0 && !(rc = tax_bill_deadlines(d, now, 0, 0, &dates, err)))
        rc = insert_adjustment(d, entry_no, "supplementary", cause, "due", &up, now, dates.last_day, actor, &sup_id,
                               err);
    if (!rc && tax_amounts_total(&down) > 0)
        rc = insert_adjustment(d, entry_no, "refund", cause, "approved", &down, now, 0, actor, &ref_id, err);
    if (sup_id && ref_id)
        what = "supplementary_and_refund";
    else if (sup_id)
        what = "supplementary";
    else if (ref_id)
        what = "refund";
    json_t *o = rc ? NULL
                   : json_pack("{s:s, s:s, s:o, s:o}", "outcome", what, "cause", cause, "before", amounts_json(&was),
                               "after", amounts_json(&levied));
    if (!rc && !o)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc && sup_id) {
        json_object_set_new(o, "supplementary", amounts_json(&up));
        json_object_set_new(json_object_get(o, "supplementary"), "id", json_integer(sup_id));
        tax_put_date(json_object_get(o, "supplementary"), "due_date", dates.last_day);
    }
    if (!rc && ref_id) {
        json_object_set_new(o, "refund", amounts_json(&down));
        json_object_set_new(json_object_get(o, "refund"), "id", json_integer(ref_id));
    }
    if (!rc && sup_id)
        rc =
            tax_emit(d, "tax.supplementary_due", entry_no, actor, request_id, json_object_get(o, "supplementary"), err);
    if (!rc && ref_id)
        rc = tax_emit(d, "tax.refund_approved", entry_no, actor, request_id, json_object_get(o, "refund"), err);
    if (!rc)
        rc = tax_audit_assess(d, entry_no, actor, request_id, err);
    if (rc)
        json_decref(o);
    else
        *outcome = o;
    return rc;
}

hg_rc tax_void(db *d, const char *entry_no, const char *actor, const char *request_id, json_t **outcome, hg_err *err)
{
    bill_row b;
    int64_t ref_id = 0, now = now_ms();
    *outcome = NULL;
    hg_rc rc = tax_bill_load(d, entry_no, &b, err);
    if (rc == HG_NOTFOUND) { /* nothing was assessed */
        *outcome = json_pack("{s:s}", "outcome", "no_bill");
        return HG_OK;
    }
    int paid = !rc && strcmp(b.status, "paid") == 0;
    if (!rc && strcmp(b.status, "void") == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "entry_no", "the bill is already void");
    /* what was paid comes back: the first notice if paid, and every supplementary bill paid */
    tax_amounts back = {0, 0, 0};
    if (!rc && paid)
        back = b.levied;
    db_stmt *s = NULL;
    if (!rc)
        rc = db_query(d, &s, err,
                      "SELECT kind, status, duty_fen, consumption_fen, vat_fen FROM tax_adjustments WHERE entry_no = ? "
                      "AND kind IN ('supplementary', 'refund')",
                      "t", entry_no);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        int refund = strcmp(db_col_text(s, 0), "refund") == 0;
        if (refund || strcmp(db_col_text(s, 1), "paid") == 0) {
            int64_t sign = refund ? -1 : 1;
            back.duty_fen += sign * db_col_int(s, 2);
            back.consumption_fen += sign * db_col_int(s, 3);
            back.vat_fen += sign * db_col_int(s, 4);
        }
        rc = HG_OK;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    if (s)
        db_reset(s);
    if (!rc)
        rc = db_run(d, err, "UPDATE tax_bills SET status = 'void' WHERE entry_no = ?", "t", entry_no);
    if (!rc)
        rc = db_run(d, err,
                    "UPDATE tax_adjustments SET status = 'void' WHERE entry_no = ? AND kind = 'supplementary' "
                    "AND status = 'due'",
                    "t", entry_no);
    /* a guarantee or deferral has nothing left to secure (解除担保) */
    if (!rc)
        rc = db_run(d, err, "UPDATE tax_guarantees SET status = 'released' WHERE entry_no = ? AND status = 'active'",
                    "t", entry_no);
    if (!rc && tax_amounts_total(&back) > 0)
        rc = insert_adjustment(d, entry_no, "refund", "cancellation", "approved", &back, now, 0, actor, &ref_id, err);
    json_t *o = rc ? NULL : json_pack("{s:s, s:s}", "outcome", ref_id ? "void_and_refund" : "void", "status", "void");
    if (o && ref_id) {
        json_object_set_new(o, "refund", amounts_json(&back));
        json_object_set_new(json_object_get(o, "refund"), "id", json_integer(ref_id));
    }
    if (!rc && !o)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = tax_emit(d, "tax.void", entry_no, actor, request_id, o, err);
    if (!rc)
        rc = tax_audit_assess(d, entry_no, actor, request_id, err);
    if (rc)
        json_decref(o);
    else
        *outcome = o;
    return rc;
}

static hg_rc load_adjustment(db *d, int64_t id, adjustment *a, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, "SELECT " ADJ_COLUMNS " FROM tax_adjustments WHERE id = ?", "i", id);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        adj_from_row(s, a);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such supplementary bill");
    }
    db_reset(s);
    return rc;
}

/* The late fee of a supplementary bill paid at at_ms: its own taxes after its own period. */
static hg_rc adjustment_fee_at(const adjustment *a, int64_t at_ms, int64_t *fee, hg_err *err)
{
    tax_fees f;
    if (strcmp(a->status, "paid") == 0 && a->paid_ms <= at_ms) {
        *fee = a->late_fee;
        return HG_OK;
    }
    if (strcmp(a->kind, "supplementary") != 0 || strcmp(a->status, "void") == 0) {
        *fee = 0;
        return HG_OK;
    }
    if (tax_late_fees(&a->amounts, a->last_free_day, at_ms, &f))
        return hg_fail(err, HG_INVALID, "out_of_range", "at",
                       "the late fee as of this date is beyond the largest amount the system computes");
    *fee = f.total_fen;
    return HG_OK;
}

hg_rc tax_adjustment_pay(const hg_ctx *c, int64_t id, int64_t amount, json_t **out, hg_err *err)
{
    db *d = c->d;
    adjustment a;
    bill_row b;
    *out = NULL;
    hg_rc rc = load_adjustment(d, id, &a, err);
    if (!rc)
        rc = tax_begin_with_bill(d, c->who, a.entry_no, &b, err);
    if (rc)
        return rc == HG_NOTFOUND ? hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such supplementary bill") : rc;
    int64_t fee = 0;
    rc = load_adjustment(d, id, &a, err); /* again, under the write lock */
    if (!rc && strcmp(a.kind, "supplementary") != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "id", "a refund is paid by customs, not to it");
    if (!rc && strcmp(a.status, "due") != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "id", "the supplementary bill is %s, not due", hg_word(a.status));
    if (!rc)
        rc = adjustment_fee_at(&a, c->now_ms, &fee, err);
    if (!rc && amount != a.total + fee) {
        char want[40], t[40], f[40];
        money_format(a.total + fee, want, sizeof want);
        money_format(a.total, t, sizeof t);
        money_format(fee, f, sizeof f);
        /* TRANSLATORS: 1: want; 2: t; 3: f */
        rc = hg_fail(err, HG_INVALID, "invalid", "amount", "amount must be %s (tax %s + late fee %s)", want, t, f);
    }
    if (!rc)
        rc = db_run(d, err,
                    "UPDATE tax_adjustments SET status = 'paid', paid_ms = ?, paid_fen = ?, late_fee_fen = ? "
                    "WHERE id = ?",
                    "iiii", c->now_ms, amount, fee, id);
    json_t *ev = json_pack("{s:I, s:I, s:I}", "id", (json_int_t)id, "amount_fen", (json_int_t)amount, "late_fee_fen",
                           (json_int_t)fee);
    if (!rc)
        rc = tax_emit(d, "tax.supplementary_paid", a.entry_no, c->actor, c->request_id, ev, err);
    if (!rc)
        rc = tax_subject_changed(d, a.entry_no, c->actor, "supplementary_paid", ev, 1, err);
    rc = audit_commit(c, rc, "tax.supplementary.pay", "tax", a.entry_no, NULL, ev, err);
    json_decref(ev);
    return rc ? rc : tax_bill_full_json(d, c->who, a.entry_no, c->now_ms, out, err);
}

hg_rc tax_adjustments_json(db *d, const char *entry_no, int64_t at_ms, json_t **out, hg_err *err)
{
    db_stmt *s;
    *out = NULL;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT " ADJ_COLUMNS " FROM tax_adjustments WHERE entry_no = ? AND issued_ms <= ? "
                        "AND kind IN ('supplementary', 'refund') ORDER BY id",
                        "ti", entry_no, at_ms);
    if (rc)
        return rc;
    json_t *items = json_array();
    while ((rc = db_step(s, err)) == HG_ROW) {
        adjustment a;
        adj_from_row(s, &a);
        int64_t fee = 0;
        if ((rc = adjustment_fee_at(&a, at_ms, &fee, err)))
            break;
        /* where it stood on at_ms: paid only from its payment on */
        const char *status = a.status;
        if (strcmp(a.status, "paid") == 0 && a.paid_ms > at_ms)
            status = "due";
        json_t *o = amounts_json(&a.amounts);
        json_object_set_new(o, "id", json_integer((json_int_t)a.id));
        json_object_set_new(o, "kind", json_string(a.kind));
        json_object_set_new(o, "cause", json_string(a.cause));
        json_object_set_new(o, "status", json_string(status));
        if (a.late_decl_fee) { /* a fee bill: its total is the fee, not a tax */
            tax_put_money(o, "late_declaration_fee", a.late_decl_fee);
            tax_put_money(o, "total", a.total);
        }
        tax_put_time(o, "issued_at", a.issued_ms);
        if (strcmp(a.kind, "supplementary") == 0) {
            int owed = strcmp(status, "due") == 0;
            tax_put_date(o, "due_date", a.last_free_day);
            tax_put_money(o, "late_fee", fee);
            tax_put_money(o, "amount_due", owed ? a.total + fee : 0);
            json_object_set_new(o, "overdue", json_boolean(owed && tax_shanghai_day(at_ms) > a.last_free_day));
            tax_put_time(o, "paid_at", strcmp(status, "paid") == 0 ? a.paid_ms : 0);
        }
        json_array_append_new(items, o);
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    if (rc)
        json_decref(items);
    else
        *out = items;
    return rc;
}

hg_rc tax_bill_full_json(db *d, const principal *who, const char *entry_no, int64_t at_ms, json_t **out, hg_err *err)
{
    json_t *adj = NULL;
    hg_rc rc = tax_bill_json(d, who, entry_no, at_ms, out, err);
    if (!rc && (rc = tax_adjustments_json(d, entry_no, at_ms, &adj, err))) {
        json_decref(*out);
        *out = NULL;
    }
    if (!rc)
        json_object_set_new(*out, "adjustments", adj);
    return rc;
}

hg_rc tax_note_completion(db *d, const char *entry_no, int64_t entry_ms, int64_t completed_ms, const char *actor,
                          const char *request_id, json_t **out, hg_err *err)
{
    working_calendar cal;
    int64_t cif = 0, fee = 0;
    int days = 0;
    *out = NULL;
    hg_rc rc =
        db_int(d, &cif, err, "SELECT COALESCE(SUM(value_cny_fen), 0) FROM tax_lines WHERE entry_no = ?", "t", entry_no);
    if (rc || (rc = calendar_load(d, &cal, err)))
        return rc;
    if (tax_late_declaration_fee(&cal, cif, tax_shanghai_day(entry_ms), tax_shanghai_day(completed_ms), &fee, &days))
        rc = hg_fail(err, HG_INVALID, "out_of_range", "items", "the late-declaration fee is out of range");
    calendar_free(&cal);
    /* the lateness found at completion replaces the summary's own when it is greater (the same
     * days are not counted twice): an unpaid bill owes the fee with its tax (one with no tax
     * becomes due for it); a bill already paid is charged the difference on a supplementary
     * bill of its own (cause late_completion), with its own notice and period */
    bill_row b;
    int64_t fee_bill = 0, fee_bill_id = 0;
    bill_dates dates = {0, 0, 0};
    if (!rc && days > 0)
        rc = tax_bill_load(d, entry_no, &b, err);
    int more = !rc && days > 0 && b.late_decl_days < days && strcmp(b.status, "void") != 0;
    if (more && strcmp(b.status, "paid") != 0)
        rc = db_run(d, err,
                    "UPDATE tax_bills SET transport_entry_ms = ?, late_declaration_days = ?, late_declaration_fee_fen "
                    "= ?, status = CASE WHEN status = 'none' AND ? > 0 THEN 'due' ELSE status END WHERE entry_no = ?",
                    "iiiit", entry_ms, (int64_t)days, fee, fee, entry_no);
    else if (more && (fee_bill = fee - b.late_decl_fee) > 0 &&
             !(rc = tax_bill_deadlines(d, completed_ms, 0, 0, &dates, err)))
        rc = db_run(d, err,
                    "INSERT INTO tax_adjustments (entry_no, kind, cause, status, duty_fen, consumption_fen, vat_fen, "
                    "total_fen, issued_ms, last_free_day, actor, late_declaration_fee_fen) "
                    "VALUES (?, 'supplementary', 'late_completion', 'due', 0, 0, 0, ?, ?, ?, ?, ?)",
                    "tiiiti", entry_no, fee_bill, completed_ms, dates.last_day, actor, fee_bill);
    if (!rc && fee_bill > 0)
        rc = db_int(d, &fee_bill_id, err, "SELECT MAX(id) FROM tax_adjustments WHERE entry_no = ?", "t", entry_no);
    json_t *o = rc ? NULL : json_pack("{s:b, s:i}", "late", days > 0, "days_late", days);
    if (o)
        tax_put_money(o, "late_declaration_fee", fee);
    if (o && fee_bill_id) {
        json_t *fb = json_pack("{s:I}", "id", (json_int_t)fee_bill_id);
        tax_put_money(fb, "late_declaration_fee", fee_bill);
        tax_put_date(fb, "due_date", dates.last_day);
        json_object_set_new(o, "fee_bill", fb);
    }
    if (!rc && !o)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc && fee_bill_id)
        rc = tax_emit(d, "tax.supplementary_due", entry_no, actor, request_id, json_object_get(o, "fee_bill"), err);
    if (!rc && more)
        rc = tax_audit_assess(d, entry_no, actor, request_id, err);
    if (!rc)
        *out = o;
    else
        json_decref(o);
    return rc;
}
