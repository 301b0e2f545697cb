/* tax_reconcile.c — the tax area's part of `haiguan audit reconcile` (audit.h): every tax bill
 * as it stands against what the audit rows record. A bill's payment, guarantee and deferral
 * are each the work of an audited request (rows "tax.pay", "tax.guarantee…", "tax.decision…"
 * on object "tax"), its voiding the declaration's approved cancellation; the amount paid is the
 * one its payment row records. Its amounts are written with its assessment lines in one
 * transaction: the total is the sum of its taxes, the working the sum of its lines, and the
 * taxes levied the working's (minus the under-50-yuan ones) unless an amendment adjusted it
 * (a reissue, a supplementary bill, a refund: the levied then follow the adjustments, not the
 * new working alone). Since issue 14 every writer of a bill's amounts also appends a "tax.assess"
 * row recording them (tax_audit_assess): a bill with such a row is held to its last one, so a
 * rewrite of the bill and its lines that agrees with itself is still named; a bill from before
 * keeps the internal checks alone.
 * A bill that disagrees was changed behind the system's back (an UPDATE at the database) and
 * is named with the rule. Read-only. Not for: proving the rows untouched (`audit verify`). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/mem.h"
#include "tax.h"
#include "tax_bill.h"
#include "tax_store.h"

/* One bill as stored. */
typedef struct stored_bill {
    char entry_no[32], status[16];
    int64_t paid_fen, total_fen;
    tax_amounts levied, assessed, lines;
    int adjusted; /* an amendment's adjustment on record */
} stored_bill;

/* What its audit rows say. */
typedef struct bill_replay {
    int paid, guaranteed, deferred, cancelled;
    int64_t paid_fen; /* the last payment row's amount */
    json_t *assessed; /* the last "tax.assess" row's after (owned), NULL for a bill older than it */
} bill_replay;

static hg_rc finding(json_t *findings, const char *entry_no, const char *rule, const char *message)
{
    json_t *f = json_pack("{s:s, s:s, s:s, s:s}", "object_type", "tax_bill", "object_id", entry_no, "rule", rule,
                          "message", message);
    return f && !json_array_append_new(findings, f) ? HG_OK : HG_NOMEM;
}

static int is(const char *a, const char *b) { return a && strcmp(a, b) == 0; }

/* The rows of one object, oldest first, into r. */
static hg_rc replay_rows(db *d, const char *type, const char *entry_no, bill_replay *r, hg_err *err)
{
    json_t *rows = NULL;
    audit_filter f = {.object_type = type, .object_id = entry_no, .limit = 500};
    hg_rc rc = audit_list_json(d, &f, &rows, err);
    const json_t *items = json_object_get(rows, "items");
    for (size_t i = json_array_size(items); !rc && i-- > 0;) {
        const json_t *row = json_array_get(items, i), *after = json_object_get(row, "after");
        const char *action = json_string_value(json_object_get(row, "action"));
        if (is(action, "tax.pay") || is(action, "tax.guarantee.convert")) {
            r->paid = 1;
            r->paid_fen = json_integer_value(json_object_get(after, "amount_fen"));
        } else if (is(action, "tax.guarantee") || is(action, "tax.guarantee.accept")) {
            r->guaranteed = 1;
        } else if (is(action, "tax.decision.approve")) {
            r->deferred = 1;
        } else if (is(action, "tax.assess")) {
            json_decref(r->assessed);
            r->assessed = json_deep_copy(after);
            if (!r->assessed && after) /* a row without an after (none is written so) compares as none */
                rc = HG_NOMEM;
        } else if (is(action, "declaration.change.approve") &&
                   is(json_string_value(json_object_get(after, "declaration_status")), "cancelled")) {
            r->cancelled = 1;
        }
    }
    json_decref(rows);
    return rc;
}

static int amounts_equal(const tax_amounts *a, const tax_amounts *b)
{
    return a->duty_fen == b->duty_fen && a->consumption_fen == b->consumption_fen && a->vat_fen == b->vat_fen;
}

/* The first disagreement of b with its rows r and with its own lines, as a finding. */
static hg_rc compare_bill(const stored_bill *b, const bill_replay *r, json_t *findings)
{
    char msg[200];
    const char *s = b->status;
    tax_amounts levied = tax_levied(&b->assessed);
    if (is(s, "paid") && !r->paid)
        return finding(findings, b->entry_no, "payment_unaudited", "paid, but no audit row records its payment");
    if (r->paid && !is(s, "paid") && !is(s, "void"))
        return finding(findings, b->entry_no, "payment_undone", "its payment is recorded, but it is not paid");
    if (is(s, "paid") && b->paid_fen != r->paid_fen) {
        snprintf(msg, sizeof msg, "paid_fen is %" PRId64 ", its payment row records %" PRId64, b->paid_fen,
                 r->paid_fen);
        return finding(findings, b->entry_no, "payment_changed", msg);
    }
    if (is(s, "guaranteed") && !r->guaranteed)
        return finding(findings, b->entry_no, "guarantee_unaudited",
                       "guaranteed, but no audit row records a guarantee");
    if (is(s, "deferred") && !r->deferred)
        return finding(findings, b->entry_no, "deferral_unaudited", "deferred, but no approved deferral is recorded");
    if (is(s, "void") && !r->cancelled)
        return finding(findings, b->entry_no, "void_unaudited", "void, but no approved cancellation is recorded");
    if (b->total_fen != b->levied.duty_fen + b->levied.consumption_fen + b->levied.vat_fen) {
        snprintf(msg, sizeof msg, "total_fen is %" PRId64 ", its taxes sum to %" PRId64, b->total_fen,
                 b->levied.duty_fen + b->levied.consumption_fen + b->levied.vat_fen);
        return finding(findings, b->entry_no, "amount_changed", msg);
    }
    if (!amounts_equal(&b->assessed, &b->lines))
        return finding(findings, b->entry_no, "amount_changed", "its working differs from its assessment lines");
    if (!b->adjusted && !amounts_equal(&b->levied, &levied))
        return finding(findings, b->entry_no, "amount_changed", "the taxes levied are not its assessment's");
    return HG_OK;
}

/* The first figure in which the bill's amounts now differ from its last "tax.assess" row, as a
 * finding; its status is left to the rows of payments, guarantees and decisions. */
static hg_rc compare_assessed(db *d, const char *entry_no, const json_t *recorded, json_t *findings, hg_err *err)
{
    json_t *now = NULL, *was = json_deep_copy(recorded);
    hg_rc rc = was ? tax_bill_amounts_json(d, entry_no, &now, err) : HG_NOMEM;
    if (!rc)
        json_object_del(was, "status");
    if (!rc && !json_equal(now, was)) {
        char msg[200] = "its amounts differ from its tax.assess row";
        const char *key;
        json_t *v;
        json_object_foreach(now, key, v)
        {
            const json_t *w = json_object_get(was, key);
            if (json_equal(v, w))
                continue;
            if (json_is_integer(v) && json_is_integer(w))
                snprintf(msg, sizeof msg,
                         "%s is %" JSON_INTEGER_FORMAT ", its tax.assess row records %" JSON_INTEGER_FORMAT, key,
                         json_integer_value(v), json_integer_value(w));
            else
                snprintf(msg, sizeof msg, "its %s differ from its tax.assess row", key);
            break;
        }
        rc = finding(findings, entry_no, "amount_changed", msg);
    }
    json_decref(now);
    json_decref(was);
    return rc;
}

#define BILL_SELECT                                                                                                    \
    "SELECT b.entry_no, b.status, COALESCE(b.paid_fen, 0), b.total_fen, b.duty_fen, b.consumption_fen, "               \
    "b.vat_fen, COALESCE(b.assessed_duty_fen, 0), COALESCE(b.assessed_consumption_fen, 0), "                           \
    "COALESCE(b.assessed_vat_fen, 0), "                                                                                \
    "(SELECT COALESCE(SUM(l.duty_fen), 0) FROM tax_lines l WHERE l.entry_no = b.entry_no), "                           \
    "(SELECT COALESCE(SUM(l.consumption_fen), 0) FROM tax_lines l WHERE l.entry_no = b.entry_no), "                    \
    "(SELECT COALESCE(SUM(l.vat_fen), 0) FROM tax_lines l WHERE l.entry_no = b.entry_no), "                            \
    "(SELECT COUNT(*) FROM tax_adjustments a WHERE a.entry_no = b.entry_no) "                                          \
    "FROM tax_bills b ORDER BY b.entry_no"

static hg_rc reconcile_bills(db *d, json_t *findings, int64_t *checked, hg_err *err)
{
    /* the bills first (a statement of their own): the audit rows of each are then read */
    size_t n = 0, cap = 0;
    stored_bill *bills = NULL;
    db_stmt *s;
    *checked = 0;
    hg_rc rc = db_query(d, &s, err, BILL_SELECT, "");
    int prepared = !rc;
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            bills = xrealloc(bills, cap * sizeof *bills);
        }
        stored_bill *b = &bills[n++];
        snprintf(b->entry_no, sizeof b->entry_no, "%s", db_col_text(s, 0));
        snprintf(b->status, sizeof b->status, "%s", db_col_text(s, 1));
        b->paid_fen = db_col_int(s, 2);
        b->total_fen = db_col_int(s, 3);
        b->levied = (tax_amounts){db_col_int(s, 4), db_col_int(s, 5), db_col_int(s, 6)};
        b->assessed = (tax_amounts){db_col_int(s, 7), db_col_int(s, 8), db_col_int(s, 9)};
        b->lines = (tax_amounts){db_col_int(s, 10), db_col_int(s, 11), db_col_int(s, 12)};
        b->adjusted = db_col_int(s, 13) > 0;
        rc = HG_OK;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    if (prepared)
        db_reset(s);
    for (size_t i = 0; i < n && !rc; i++) {
        bill_replay r = {0};
        rc = replay_rows(d, "tax", bills[i].entry_no, &r, err);
        if (!rc && is(bills[i].status, "void"))
            rc = replay_rows(d, "declaration", bills[i].entry_no, &r, err);
        size_t before = json_array_size(findings);
        if (!rc)
            rc = compare_bill(&bills[i], &r, findings);
        /* a bill assessed since amounts were audited is held to its row as well */
        if (!rc && r.assessed && json_array_size(findings) == before)
            rc = compare_assessed(d, bills[i].entry_no, r.assessed, findings, err);
        json_decref(r.assessed);
        if (rc == HG_NOMEM)
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        ++*checked;
    }
    xfree(bills);
    return rc;
}

const audit_reconciler tax_reconciler = {.what = "tax bills", .run = reconcile_bills};
