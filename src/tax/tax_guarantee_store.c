/* tax_guarantee_store.c — tax guarantees (税款担保): the district's known guarantors, a
 * guarantee posted for a declaration's tax, its acceptance by a tax officer, and what
 * becomes of one that lapses unpaid. A guarantee secures the release of goods before the
 * tax is paid (担保放行); it does not move the payment deadline (a deferral does, and needs
 * one). Not for: the bill's arithmetic (tax.c) or its other writes (tax_store.c). */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/calendar.h"
#include "../platform/log.h"
#include "../platform/money.h"
#include "../platform/words.h"
#include "tax.h"
#include "tax_bill.h"
#include "tax_store.h"

hg_rc tax_guarantor_put(db *d, const char *name, const char *kind, const char *code, hg_err *err)
{
    return db_run(d, err,
                  "INSERT INTO tax_guarantors (name, kind, code) VALUES (?, ?, ?) "
                  "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, code = excluded.code",
                  "ttt", name, kind, code);
}

/* *known = 1 when the district knows guarantor as a bank or insurer (tax_guarantors). */
static hg_rc guarantor_known(db *d, const char *guarantor, int *known, hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = db_int(d, &n, err, "SELECT COUNT(*) FROM tax_guarantors WHERE name = ?", "t", guarantor);
    *known = !rc && n > 0;
    return rc;
}

/* Makes guarantee id the bill's active security: the bill is guaranteed and its declaration
 * may be released. */
static hg_rc activate(db *d, const char *entry_no, int64_t id, const char *guarantor, int64_t amount, int64_t until_day,
                      const char *actor, const char *request_id, hg_err *err)
{
    hg_rc rc = db_run(d, err, "UPDATE tax_guarantees SET status = 'active' WHERE id = ?", "i", id);
    if (!rc)
        rc = db_run(d, err,
                    "UPDATE tax_bills SET status = 'guaranteed', guarantee_fen = ?, guarantor = ?, "
                    "guarantee_until_day = ? WHERE entry_no = ?",
                    "itit", amount, guarantor, until_day, entry_no);
    json_t *ev =
        json_pack("{s:I, s:I, s:s}", "id", (json_int_t)id, "amount_fen", (json_int_t)amount, "guarantor", guarantor);
    if (ev) {
        char until[11];
        calendar_format_date(until_day, until);
        json_object_set_new(ev, "valid_until", json_string(until));
    }
    if (!rc)
        rc = tax_emit(d, "tax.guaranteed", entry_no, actor, request_id, ev, err);
    if (!rc)
        rc = tax_subject_changed(d, entry_no, actor, "tax_guaranteed", ev, 1, err);
    json_decref(ev);
    return rc;
}

/* What a guarantee must cover before it can secure anything: the tax due and, in time, at
 * least the payment period (the bill's last free day). */
static hg_rc covers(const bill_row *b, int64_t amount, int64_t until_day, int64_t today, hg_err *err)
{
    char last[11];
    if (amount < b->total)
        return hg_fail(err, HG_INVALID, "invalid", "amount", "the guarantee must cover the tax due");
    if (until_day < b->last_free_day || until_day < today) {
        calendar_format_date(b->last_free_day > today ? b->last_free_day : today, last);
        return hg_fail(err, HG_CONFLICT, "conflict", "valid_until",
                       "a guarantee must be valid at least until %s, the last day of the payment period", last);
    }
    return HG_OK;
}

hg_rc tax_guarantee_post(const hg_ctx *c, const tax_guarantee_in *in, json_t **out, hg_err *err)
{
    db *d = c->d;
    bill_row b;
    *out = NULL;
    hg_rc rc = tax_begin_with_bill(d, c->who, in->entry_no, &b, err);
    if (rc)
        return rc;
    int64_t now = c->now_ms, today = tax_shanghai_day(now), pending = 0, id = 0;
    int deposit = strcmp(in->kind, "deposit") == 0, known = 0, general = strcmp(in->kind, "general") == 0;
    const char *guarantor = deposit ? "保证金" : in->guarantor;
    int64_t until_day = in->valid_until_ms ? tax_shanghai_day(in->valid_until_ms) : b.last_free_day;
    tax_general_draw_out draw = {.kind = ""};
    if (strcmp(b.status, "due") != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "entry_no", "a guarantee is for tax that is due (status is %s)",
                     hg_word(b.status));
    /* a draw on a general guarantee (总担保) already accepted secures at once, for as long as
     * the general guarantee runs */
    if (!rc && general &&
        !(rc = tax_general_draw(d, c->who, in->general_id, in->entry_no, in->amount_fen, b.last_free_day, today, &draw,
                                err))) {
        guarantor = draw.guarantor;
        until_day = draw.until_day;
        deposit = strcmp(draw.kind, "deposit") == 0;
        known = 1;
    }
    if (!rc)
        rc = covers(&b, in->amount_fen, until_day, today, err);
    if (!rc)
        rc = db_int(d, &pending, err, "SELECT COUNT(*) FROM tax_guarantees WHERE entry_no = ? AND status = 'pending'",
                    "t", in->entry_no);
    if (!rc && pending)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "entry_no",
                     "a guarantee for this declaration already waits for a tax officer");
    /* a letter of a bank or insurer the district knows secures at once; any other letter, and
     * a cash deposit (its receipt), waits for a tax officer to accept it */
    if (!rc && !deposit && !general)
        rc = guarantor_known(d, guarantor, &known, err);
    if (!rc)
        rc = db_run(d, err,
                    "INSERT INTO tax_guarantees (entry_no, kind, guarantor, letter_no, amount_fen, valid_until_day, "
                    "status, posted_by, posted_ms, general_id) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
                    general ? "ttttiitii" : "ttttiitin", in->entry_no, deposit ? "deposit" : "letter", guarantor,
                    in->letter_no, in->amount_fen, until_day, c->actor, now, in->general_id);
    if (!rc)
        rc = db_int(d, &id, err, "SELECT MAX(id) FROM tax_guarantees WHERE entry_no = ?", "t", in->entry_no);
    if (!rc && known)
        rc = activate(d, in->entry_no, id, guarantor, in->amount_fen, until_day, c->actor, c->request_id, err);
    json_t *ev = json_pack("{s:I, s:I, s:s, s:s}", "id", (json_int_t)id, "amount_fen", (json_int_t)in->amount_fen,
                           "guarantor", guarantor, "status", known ? "active" : "pending");
    if (ev && general) {
        json_object_set_new(ev, "general_guarantee_id", json_integer((json_int_t)in->general_id));
        tax_put_money(ev, "general_available", draw.available_after);
    }
    if (!rc && !known)
        rc = tax_subject_changed(d, in->entry_no, c->actor, "guarantee_posted", ev, 0, err);
    rc = audit_commit(c, rc, "tax.guarantee", "tax", in->entry_no, NULL, ev, err);
    json_decref(ev);
    if (!rc)
        rc = tax_bill_json(d, c->who, in->entry_no, now, out, err);
    if (!rc) {
        json_t *g = json_pack("{s:I, s:s, s:s}", "id", (json_int_t)id, "status", known ? "active" : "pending", "kind",
                              general   ? "general"
                              : deposit ? "deposit"
                                        : "letter");
        if (g) {
            tax_put_date(g, "valid_until", until_day);
            if (general) {
                json_object_set_new(g, "general_guarantee_id", json_integer((json_int_t)in->general_id));
                tax_put_money(g, "general_available", draw.available_after);
            }
            if (!known)
                json_object_set_new(g, "waits_for",
                                    json_string(deposit
                                                    ? "a tax officer to confirm the deposit's receipt"
                                                    : "a tax officer: the guarantor is not one the district knows"));
        }
        json_object_set_new(*out, "guarantee_request", g);
    }
    return rc;
}

hg_rc tax_guarantee(const hg_ctx *c, const char *entry_no, int64_t amount, const char *guarantor, json_t **out,
                    hg_err *err)
{
    tax_guarantee_in in = {.entry_no = entry_no, .kind = "letter", .guarantor = guarantor, .amount_fen = amount};
    return tax_guarantee_post(c, &in, out, err);
}

hg_rc tax_guarantee_decide(const hg_ctx *c, int64_t id, int accept, const char *note, json_t **out, hg_err *err)
{
    db *d = c->d;
    *out = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    db_stmt *s;
    char entry_no[24] = "", status[16] = "", guarantor[201] = "", poster[64] = "";
    int64_t amount = 0, until_day = 0, now = c->now_ms;
    rc = db_query(d, &s, err,
                  "SELECT entry_no, status, guarantor, amount_fen, valid_until_day, posted_by FROM tax_guarantees "
                  "WHERE id = ?",
                  "i", id);
    if (!rc) {
        rc = db_step(s, err);
        if (rc == HG_ROW) {
            snprintf(entry_no, sizeof entry_no, "%s", db_col_text(s, 0));
            snprintf(status, sizeof status, "%s", db_col_text(s, 1));
            snprintf(guarantor, sizeof guarantor, "%s", db_col_text(s, 2));
            amount = db_col_int(s, 3);
            until_day = db_col_int(s, 4);
            snprintf(poster, sizeof poster, "%s", db_col_text(s, 5));
            rc = HG_OK;
        } else if (rc == HG_DONE) {
            rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such guarantee");
        }
        db_reset(s);
    }
    bill_row b;
    if (!rc && strcmp(status, "pending") != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "status", "the guarantee was already decided (%s)", hg_word(status));
    if (!rc && strcmp(poster, c->actor) == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "id", "a guarantee is accepted by someone other than who posted it");
    if (!rc)
        rc = tax_bill_load(d, entry_no, &b, err);
    if (!rc && accept && strcmp(b.status, "due") != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "entry_no", "a guarantee is for tax that is due (status is %s)",
                     hg_word(b.status));
    if (!rc && accept)
        rc = covers(&b, amount, until_day, tax_shanghai_day(now), err);
    if (!rc)
        rc = db_run(d, err,
                    "UPDATE tax_guarantees SET status = ?, decided_by = ?, decided_ms = ?, note = ? WHERE id = ?",
                    "ttiti", accept ? "active" : "rejected", c->actor, now, note, id);
    if (!rc && accept)
        rc = activate(d, entry_no, id, guarantor, amount, until_day, c->actor, c->request_id, err);
    json_t *after = json_pack("{s:I, s:s, s:s, s:s, s:s*}", "id", (json_int_t)id, "entry_no", entry_no, "status",
                              accept ? "active" : "rejected", "decided_by", c->actor, "note", note);
    if (after) {
        tax_put_money(after, "amount", amount);
        tax_put_date(after, "valid_until", until_day);
        json_object_set_new(after, "guarantor", json_string(guarantor));
    }
    rc = audit_commit(c, rc, accept ? "tax.guarantee.accept" : "tax.guarantee.reject", "tax", entry_no, NULL, after,
                      err);
    if (rc)
        json_decref(after);
    else
        *out = after;
    return rc;
}

hg_rc tax_guarantees_json(db *d, const char *status, const char *entry_no, json_t **out, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(
        d, &s, err,
        "SELECT id, entry_no, kind, guarantor, letter_no, amount_fen, valid_until_day, status, "
        "posted_by, posted_ms, decided_by, COALESCE(decided_ms, 0), note, COALESCE(general_id, 0) FROM tax_guarantees "
        "WHERE (? IS NULL OR status = ?) AND (? IS NULL OR entry_no = ?) ORDER BY id DESC LIMIT 500",
        "tttt", status, status, entry_no, entry_no);
    if (rc)
        return rc;
    json_t *items = json_array();
    while ((rc = db_step(s, err)) == HG_ROW) {
        json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s*, s:s, s:s, s:s*, s:s*}", "id", (json_int_t)db_col_int(s, 0),
                              "entry_no", db_col_text(s, 1), "kind", db_col_text(s, 2), "guarantor", db_col_text(s, 3),
                              "letter_no", db_col_text(s, 4), "status", db_col_text(s, 7), "posted_by",
                              db_col_text(s, 8), "decided_by", db_col_text(s, 10), "note", db_col_text(s, 12));
        tax_put_money(o, "amount", db_col_int(s, 5));
        tax_put_date(o, "valid_until", db_col_int(s, 6));
        tax_put_time(o, "posted_at", db_col_int(s, 9));
        tax_put_time(o, "decided_at", db_col_int(s, 11));
        json_object_set_new(o, "general_guarantee_id",
                            db_col_int(s, 13) ? json_integer((json_int_t)db_col_int(s, 13)) : json_null());
        json_array_append_new(items, o);
    }
    db_reset(s);
    if (rc != HG_DONE) {
        json_decref(items);
        return rc;
    }
    *out = json_pack("{s:o}", "items", items);
    return HG_OK;
}

hg_rc tax_guarantees_lapse(const hg_ctx *c, int64_t at_ms, int *converted, int *lapsed, hg_err *err)
{
    db *d = c->d;
    /* a guarantee valid until day X lapses at the start of X + 1: a cash deposit (保证金) is
     * converted into the tax (保证金转税款) when it covers the tax and the fee then owed; a
     * letter lapses and the bill stands overdue (the guarantor is called on outside the system) */
    int64_t today = tax_shanghai_day(at_ms);
    *converted = *lapsed = 0;
    for (;;) {
        db_stmt *s;
        char entry_no[24] = "", kind[16] = "";
        int64_t id = 0, amount = 0, until = 0;
        hg_rc rc = db_begin(d, err);
        if (!rc)
            rc = db_query(d, &s, err,
                          "SELECT g.id, g.entry_no, g.kind, g.amount_fen, g.valid_until_day FROM tax_guarantees g "
                          "WHERE g.status = 'active' AND g.valid_until_day < ? ORDER BY g.id LIMIT 1",
                          "i", today);
        if (!rc) {
            rc = db_step(s, err);
            if (rc == HG_ROW) {
                id = db_col_int(s, 0);
                snprintf(entry_no, sizeof entry_no, "%s", db_col_text(s, 1));
                snprintf(kind, sizeof kind, "%s", db_col_text(s, 2));
                amount = db_col_int(s, 3);
                until = db_col_int(s, 4);
                rc = HG_OK;
            }
            db_reset(s);
        }
        if (rc == HG_DONE) {
            db_rollback(d);
            return HG_OK;
        }
        bill_row b;
        int64_t when = calendar_day_start_ms(until + 1), fee = 0;
        int convert = 0;
        if (!rc)
            rc = tax_bill_load(d, entry_no, &b, err);
        if (!rc)
            rc = tax_bill_fee_at(&b, when, &fee, NULL, err);
        if (!rc)
            convert = strcmp(kind, "deposit") == 0 && amount >= b.total + fee + b.late_decl_fee;
        if (!rc)
            rc = db_run(d, err, "UPDATE tax_guarantees SET status = ? WHERE id = ?", "ti",
                        convert ? "converted" : "lapsed", id);
        if (!rc && convert)
            rc = db_run(d, err,
                        "UPDATE tax_bills SET status = 'paid', paid_ms = ?, paid_fen = ?, late_fee_fen = ? "
                        "WHERE entry_no = ?",
                        "iiit", when, b.total + fee + b.late_decl_fee, fee, entry_no);
        json_t *ev = json_pack("{s:I, s:s, s:I}", "id", (json_int_t)id, "outcome", convert ? "converted" : "lapsed",
                               "amount_fen", (json_int_t)(convert ? b.total + fee + b.late_decl_fee : amount));
        if (!rc)
            rc = tax_emit(d, convert ? "tax.paid" : "tax.guarantee_lapsed", entry_no, c->actor, c->request_id, ev, err);
        if (!rc)
            rc = tax_subject_changed(d, entry_no, c->actor, convert ? "guarantee_converted" : "guarantee_lapsed", ev,
                                     convert, err);
        rc = audit_commit(c, rc, convert ? "tax.guarantee.convert" : "tax.guarantee.lapse", "tax", entry_no, NULL, ev,
                          err);
        json_decref(ev);
        if (rc)
            return rc;
        ++*(convert ? converted : lapsed);
    }
}
