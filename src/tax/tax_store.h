/* tax_store.h — the tax area's storage and its use cases (tax_store.c), for its handlers
 * and commands and for the areas after tax: cargo assesses what it files with tax_assess (a
 * tax_subject, tax's own type) and answers for its declarations through the extension point
 * TAX_SUBJECTS. Tax includes no later area. */
#ifndef HG_TAX_STORE_H
#define HG_TAX_STORE_H

#include <jansson.h>
#include <stdint.h>

#include "../platform/auth.h"
#include "../platform/ctx.h"
#include "../platform/db.h"
#include "../platform/record.h"

typedef struct tax_rates {
    uint32_t duty_ppm, vat_ppm, consumption_ppm;
} tax_rates;

/* A tax line: one item's working, a child of the bill (entry_no, line_no). */
extern const record_type tax_line_record;

/* The tariff line (tariff_rates) that covers hs_code, its longest prefix of 10, 8, 6, 4 or 2
 * digits: *found 0 when none does; its legal units (法定第一/第二计量单位) into unit1 and unit2,
 * "" where the tariff gives none. A fault is returned as one. */
hg_rc tax_tariff_line(db *d, const char *hs_code, int *found, char unit1[32], char unit2[32], hg_err *err);

/* CNY per unit of currency (× 10^6) for the month of at_ms; HG_INVALID (field currency) when
 * the month has no rate. */
hg_rc exchange_rate(db *d, const char *currency, int64_t at_ms, int64_t *cny_micro, hg_err *err);

/* What tax assesses, in its own terms: the area whose declarations are taxed (cargo, after
 * tax) fills it; tax reads no other area's JSON. Strings are borrowed. */
typedef struct tax_goods {
    const char *hs_code;     /* 10 digits */
    const char *value;       /* "356000.00", in currency */
    const char *currency;    /* ISO 4217 */
    /* the valuation (optional, in the currency): price terms CIF (the default), CFR, FOB or
     * EXW; freight and insurance not in the price (insurance unknown: 3‰ of price and
     * freight); other dutiable costs. NULL when not declared. */
    const char *price_terms, *freight, *insurance, *other_costs;
    const char *origin;         /* ISO 3166 country of origin: the duty rate's kind, or NULL */
    const char *certificate_no; /* the certificate of origin's number (agreement rates), or NULL */
} tax_goods;
typedef struct tax_subject {
    const char *entry_no;
    int import;                                  /* export goods bear no duty in this tariff */
    const char *declarant, *consignee, *consignor;   /* the parties who may see the bill (or NULL) */
    const tax_goods *goods;                      /* n_goods lines; errors name items[i] */
    size_t n_goods;
    int64_t transport_entry_ms;                  /* when the transport declared entry, if it had
                                                  * before the filing (滞报金), else 0 */
    int64_t rate_ms;                             /* the moment whose exchange rate applies (the
                                                  * transport's entry for goods declared before
                                                  * it); 0: now */
} tax_subject;
/* Assesses a subject inside the caller's transaction and issues its bill; HG_INVALID naming
 * items[i] when a line cannot be assessed (HS code not in the tariff, no exchange rate). */
hg_rc tax_assess(db *d, const tax_subject *s, hg_err *err);
/* Assesses subj's goods again after they changed (an approved modification, a correction on
 * refiling, an amendment after release, the transport's entry for goods declared before it),
 * inside the caller's transaction; cause ("modification", "refile", "amendment",
 * "transport_entry") is recorded. An unpaid bill is re-issued with the new amounts and keeps
 * its payment period; once the tax is paid (or secured by a guarantee or deferral), the
 * difference is a supplementary bill (补税: its own notice and payment period) or a refund
 * (退税), per tax. *outcome (the caller's) says which and the amounts:
 * {"outcome": "unchanged"|"reissued"|"supplementary"|"refund"|"supplementary_and_refund", ...}. */
hg_rc tax_reassess(db *d, const tax_subject *subj, const char *cause, const char *actor, const char *request_id,
                   json_t **outcome, hg_err *err);
/* Voids the bill of a cancelled declaration (no late fee accrues on a void bill); tax already
 * paid is refunded. *outcome as tax_reassess's. */
hg_rc tax_void(db *d, const char *entry_no, const char *actor, const char *request_id, json_t **outcome,
               hg_err *err);
/* A two-step summary completed at completed_ms, its transport having declared entry at entry_ms:
 * the complete declaration is held to the 14 days of the late-declaration fee (海关总署公告
 * 2019年第127号 on 两步申报, 海关征收进口货物滞报金办法); its lateness stays: the fee on the CIF
 * value is owed with the tax (an unpaid bill), or, on a bill already paid, charged on a
 * supplementary bill of its own by actor. *out (caller's): {"late", "days_late",
 * "late_declaration_fee", "fee_bill"?: {id, late_declaration_fee, due_date}}. Inside the
 * caller's transaction. */
hg_rc tax_note_completion(db *d, const char *entry_no, int64_t entry_ms, int64_t completed_ms, const char *actor,
                          const char *request_id, json_t **out, hg_err *err);
/* Pays a supplementary bill (its tax and the late fee as of now): amount must be exactly that. */
hg_rc tax_adjustment_pay(const hg_ctx *c, int64_t id, int64_t amount, json_t **out, hg_err *err);
/* tax_bill_json with "adjustments": its supplementary bills and refunds as of at_ms. */
hg_rc tax_bill_full_json(db *d, const principal *who, const char *entry_no, int64_t at_ms, json_t **out, hg_err *err);
/* The supplementary bills and refunds of entry_no issued by at_ms, each standing as of at_ms,
 * oldest first (a JSON array, the caller's). */
hg_rc tax_adjustments_json(db *d, const char *entry_no, int64_t at_ms, json_t **out, hg_err *err);

/* *settled = 1 when the subject's tax no longer holds up its release (none, paid, guaranteed,
 * deferred), else 0. A database fault is returned (and *settled is 0): it is never the answer
 * "tax not settled", which would refuse a release for a reason that is not true. */
hg_rc tax_settled_for_release(db *d, const char *entry_no, int *settled, hg_err *err);

/* Extension point TAX_SUBJECTS: the area whose declarations tax assesses tells tax who may see
 * one and hears of a change to its bill. Tax calls the rows contributed through module records
 * (module.h), in module order; with none, every bill is visible and changes go unheard. */
#define TAX_SUBJECTS "tax.subjects"
typedef struct tax_subjects {
    /* HG_OK when who may see entry_no's declaration; HG_NOTFOUND (with the owner's message)
     * otherwise. */
    hg_rc (*visible)(db *d, const principal *who, const char *entry_no, hg_err *err);
    /* Inside the transaction of a payment, guarantee or decision: event ("tax_paid",
     * "deferral_approved", ...) with its detail (borrowed) by actor; settled is 1 when the
     * change may have made the declaration releasable. */
    hg_rc (*changed)(db *d, const char *entry_no, const char *actor, const char *event, const json_t *detail,
                     int settled, hg_err *err);
} tax_subjects;

/* Bills for a list: newest declaration first, paged by entry number (or numbered pages with a
 * total, docs/api/lists.md); an enterprise's own. */
typedef struct tax_bill_query {
    const char *status;     /* due, paid, guaranteed, deferred, none, or NULL */
    int overdue;            /* unpaid (due, deferred or guaranteed) and past its last free day */
    int64_t from_ms, to_ms; /* issued in [from, to); 0 = open */
    /* the list parameters (list_query_parse): cursor (after this entry number, descending; not
     * with sort or offset), limit, q (a literal search in the entry number and the parties'
     * USCCs), sort (one of tax_bill_sortable; none: entry number descending), offset and
     * with_total; its filter members are unused */
    record_query list;
} tax_bill_query;
/* The columns a tax bills list may be sorted on (NULL-terminated). */
extern const char *const tax_bill_sortable[];
hg_rc tax_bills_json(db *d, const principal *who, const tax_bill_query *q, json_t **out, hg_err *err);
/* cargo's list rows: where a declaration's bill stands now (status, amount due, due date,
 * overdue), or NULL when it has none. */
json_t *tax_brief_json(db *d, const char *entry_no);

/* Where a bill stands as of at_ms, for the areas after tax (they read no bill JSON): its
 * status (none, due, paid, guaranteed, deferred), the tax, and what is due now (tax and late
 * fee; 0 once paid). HG_NOTFOUND when who may not see it or it has none. */
typedef struct tax_standing {
    char status[16];
    int64_t total_fen;
    int64_t amount_due_fen;
} tax_standing;
hg_rc tax_standing_of(db *d, const principal *who, const char *entry_no, int64_t at_ms, tax_standing *out,
                      hg_err *err);

/* The tax bill of a declaration with its working and the late fee as of at_ms. */
hg_rc tax_bill_json(db *d, const principal *who, const char *entry_no, int64_t at_ms, json_t **out, hg_err *err);
hg_rc tax_pay(const hg_ctx *c, const char *entry_no, int64_t amount,
              json_t **out, hg_err *err);
/* A tax guarantee (税款担保) for the tax of one declaration: a letter (保函) of a bank or
 * insurer, or a cash deposit (保证金). It must cover the tax due and be valid at least to the
 * end of the payment period. A letter of a guarantor the district knows (tax_guarantors)
 * secures the bill at once (status guaranteed: the goods may be released); any other letter,
 * and every deposit, waits for a tax officer to accept it (tax_guarantee_decide). Strings are
 * borrowed. */
typedef struct tax_guarantee_in {
    const char *entry_no;
    const char *kind;        /* "letter", "deposit" or "general" (a draw on a general guarantee) */
    const char *guarantor;   /* the bank or insurer of a letter (ignored for a deposit or a draw) */
    const char *letter_no;   /* the letter's number, or NULL */
    int64_t amount_fen;
    int64_t valid_until_ms;  /* the last valid moment (its Shanghai day counts); 0: the payment
                              * period's last day */
    int64_t general_id;      /* kind "general": the general guarantee (总担保) the bill draws on */
} tax_guarantee_in;
hg_rc tax_guarantee_post(const hg_ctx *c, const tax_guarantee_in *in,
                         json_t **out, hg_err *err);
/* tax_guarantee_post of a letter from guarantor valid for the payment period. */
hg_rc tax_guarantee(const hg_ctx *c, const char *entry_no, int64_t amount,
                    const char *guarantor, json_t **out, hg_err *err);
/* A tax officer (not the one who posted it) accepts or rejects a pending guarantee. */
hg_rc tax_guarantee_decide(const hg_ctx *c, int64_t id, int accept,
                           const char *note, json_t **out, hg_err *err);
hg_rc tax_guarantees_json(db *d, const char *status, const char *entry_no, json_t **out, hg_err *err);
/* A general guarantee (总担保, tax_general_store.c): one of the posting enterprise's, for the tax
 * of many of its declarations up to amount_fen, valid from valid_from_ms's day (0: today) to
 * valid_until_ms's (at most twelve months). It waits for a tax officer (tax_general_decide);
 * once accepted, each bill it secures draws on it (tax_guarantee_post with kind "general")
 * and the draw is restored when the bill is paid or voided. Strings are borrowed. */
typedef struct tax_general_in {
    const char *kind;      /* "letter" or "deposit" */
    const char *guarantor; /* the bank or insurer of a letter */
    const char *letter_no; /* or NULL */
    int64_t amount_fen;
    int64_t valid_from_ms, valid_until_ms;
} tax_general_in;
hg_rc tax_general_post(const hg_ctx *c, const tax_general_in *in, json_t **out, hg_err *err);
/* A tax officer (not its poster) accepts or rejects a pending general guarantee. */
hg_rc tax_general_decide(const hg_ctx *c, int64_t id, int accept, const char *note, json_t **out, hg_err *err);
/* General guarantees, newest first, with amount, used, available and the bills they secure: an
 * enterprise's own, or all for officers; status pending, active, rejected or expired (accepted
 * and past its last day), or NULL. */
hg_rc tax_generals_json(db *d, const principal *who, const char *status, json_t **out, hg_err *err);

/* Lapses the active guarantees whose validity ended before at_ms's day: a deposit that covers
 * the tax and fee is converted into the tax (保证金转税款), anything else lapses and leaves the
 * bill overdue. Each its own transaction, by c->actor ("system" for the job); *converted and
 * *lapsed count them. */
hg_rc tax_guarantees_lapse(const hg_ctx *c, int64_t at_ms, int *converted, int *lapsed, hg_err *err);
/* Registers a guarantor the district knows: kind "bank" or "insurer" (demo and import). */
hg_rc tax_guarantor_put(db *d, const char *name, const char *kind, const char *code, hg_err *err);
/* kind "deferral" (until_ms: the new last day; against the bill's guarantee, at most six
 * calendar months from the notice) or "waiver" (of amount_fen of the late fee accrued, or all
 * of it when amount_fen < 0), asked by the enterprise or proposed by a tax officer. */
hg_rc tax_request(const hg_ctx *c, const char *kind, const char *entry_no,
                  const char *reason, int64_t until_ms, int64_t amount_fen, json_t **out, hg_err *err);
hg_rc tax_decide(const hg_ctx *c, int64_t id, int approve, const char *note,
                 json_t **out, hg_err *err);
hg_rc tax_decisions_json(db *d, const char *status, json_t **out, hg_err *err);
hg_rc tax_summary_json(db *d, int64_t from_ms, int64_t to_ms, json_t **out, hg_err *err);

/* The demo's declarant settles the bill of entry_no (tax_demo.c): pays now or later at a
 * simulated moment, late, over a moved deadline, after a waiver, or (guarantee) posts a known
 * bank's letter and sometimes defers. Only a database or memory fault is returned. */
hg_rc tax_demo_settle(db *d, const principal *who, const char *entry_no, int guarantee, hg_err *err);

extern const struct migration tax_migrations[];

/* The tax bills against their audit rows, for `audit reconcile` (tax_reconcile.c). */
extern const struct audit_reconciler tax_reconciler;

#endif
