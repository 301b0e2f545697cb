/* tax_bill.h — the tax area's own view of a stored bill, shared by its store files
 * (tax_store.c: bills, payments, decisions; tax_guarantee_store.c: guarantees;
 * tax_summary.c: the revenue summary). Internal to src/tax/: no other area includes it
 * (they use tax_store.h). */
#ifndef HG_TAX_BILL_H
#define HG_TAX_BILL_H

#include <jansson.h>
#include <stdint.h>

#include "../platform/auth.h"
#include "../platform/db.h"
#include "tax.h"

typedef struct bill_row {
    int64_t issued_ms;
    int64_t last_free_day;   /* the last day on which no late fee accrues (a deferral moves it) */
    int64_t period_last_day; /* the payment period's own last day */
    int64_t total, paid_ms, paid_fen, late_fee, guarantee;
    tax_amounts levied;          /* duty, consumption tax and VAT billed (after the 50-yuan thresholds) */
    tax_amounts assessed;        /* as assessed, before the thresholds */
    int64_t waived_fen;          /* late fees waived by approved decisions */
    int64_t guarantee_until_day; /* the active guarantee's last valid day, 0 when none */
    int64_t transport_entry_ms;  /* when the transport declared entry, if before the filing */
    int64_t late_decl_fee;       /* 滞报金, owed with the tax */
    int late_decl_days;
    int waived;
    char status[16];
} bill_row;

/* A bill's dates from its notice's issue: the payment period's last day (15 days from the
 * day after, on the holiday table) and the late-declaration fee (滞报金) from the transport's
 * entry entry_ms (0: none) on the CIF value. */
typedef struct bill_dates {
    int64_t last_day, late_decl_fee;
    int late_decl_days;
} bill_dates;
hg_rc tax_bill_deadlines(db *d, int64_t issued_ms, int64_t entry_ms, int64_t cif_fen, bill_dates *out, hg_err *err);

/* Assesses subj's goods with the exchange rate of rate_ms's month and writes their lines
 * (replace: first deleting those of an earlier assessment); *assessed and *cif the totals. */
struct tax_subject;
hg_rc tax_assess_lines(db *d, const struct tax_subject *subj, int64_t rate_ms, int replace, tax_amounts *assessed,
                       int64_t *cif, hg_err *err);

/* Loads the bill of entry_no (HG_NOTFOUND naming entry_no when there is none). */
hg_rc tax_bill_load(db *d, const char *entry_no, bill_row *b, hg_err *err);

/* The late fee owed if paid at at_ms, net of waivers (the fee recorded once paid):
 * HG_INVALID naming "at" when it is out of range (a figure beyond TAX_AMOUNT_MAX_FEN). */
hg_rc tax_bill_fee_at(const bill_row *b, int64_t at_ms, int64_t *fee, int *days, hg_err *err);

/* Where the bill stands at at_ms in the fields every reader of a bill shows. */
hg_rc tax_bill_put_standing(json_t *o, const bill_row *b, int64_t at_ms, hg_err *err);

void tax_put_money(json_t *o, const char *key, int64_t fen);
void tax_put_time(json_t *o, const char *key, int64_t ms);
void tax_put_date(json_t *o, const char *key, int64_t day);

/* Opens the write transaction of a tax action and loads the bill of a declaration the
 * principal may see (404 otherwise); rolled back on its own failure. */
hg_rc tax_begin_with_bill(db *d, const principal *who, const char *entry_no, bill_row *b, hg_err *err);
/* The TAX_SUBJECTS rows (tax_store.h) for a change to the bill of entry_no. */
hg_rc tax_subject_changed(db *d, const char *entry_no, const char *actor, const char *event, const json_t *detail,
                          int settled, hg_err *err);
/* The amounts of the bill of entry_no as its "tax.assess" audit row records them: {"kind":
 * "bill", "number", "total_fen", "duty_fen", "consumption_fen", "vat_fen", "assessed_duty_fen",
 * "assessed_consumption_fen", "assessed_vat_fen", "late_declaration_fee_fen", "adjustments":
 * [{"id", "kind", "duty_fen", "consumption_fen", "vat_fen", "total_fen",
 * "late_declaration_fee_fen"}]} (the supplementary bills, refunds and reissues, oldest first).
 * No status: a payment changes it under its own row. *out is the caller's; HG_NOTFOUND when there
 * is no bill. Shared by the writer (tax_audit_assess) and the reconciler (tax_reconcile.c), so
 * the two compare the same figures. */
hg_rc tax_bill_amounts_json(db *d, const char *entry_no, json_t **out, hg_err *err);
/* Appends the "tax.assess" audit row (object "tax", id entry_no, as "tax.pay") whose after is
 * tax_bill_amounts_json with the bill's "status", inside the caller's transaction: called by
 * every writer of a bill's amounts (assessment, re-assessment, void, late completion), so that
 * `audit reconcile` can tell a rewrite of them at the database (issue 14). */
hg_rc tax_audit_assess(db *d, const char *entry_no, const char *actor, const char *request_id, hg_err *err);
/* An event about the bill of entry_no for its declarant's feed, in the caller's transaction. */
hg_rc tax_emit(db *d, const char *type, const char *entry_no, const char *actor, const char *request_id,
               const json_t *data, hg_err *err);

/* A draw on general guarantee general_id (总担保, tax_general_store.c) for amount of the bill of
 * entry_no, whose payment period ends on last_free_day, checked on today: the guarantee must
 * be who's to see, accepted, in its period to at least last_free_day, its enterprise a party
 * to the bill, and have amount left (409 naming general_guarantee_id otherwise). Inside the
 * caller's transaction; writes nothing (the draw is the tax_guarantees row the caller
 * inserts with general_id). */
typedef struct tax_general_draw_out {
    char kind[16]; /* letter or deposit, the general guarantee's */
    char guarantor[201];
    int64_t until_day; /* the general guarantee's last day */
    int64_t available_after;
} tax_general_draw_out;
hg_rc tax_general_draw(db *d, const principal *who, int64_t general_id, const char *entry_no, int64_t amount,
                       int64_t last_free_day, int64_t today, tax_general_draw_out *out, hg_err *err);

#endif
