/* tax_store.h — the tax area's storage and its use cases (tax_store.c), for its handlers
 * and commands. */
#ifndef HG_TAX_STORE_H
#define HG_TAX_STORE_H

#include <jansson.h>
#include <stdint.h>

#include "../platform/auth.h"
#include "../platform/db.h"

typedef struct tax_rates {
    uint32_t duty_ppm, vat_ppm, consumption_ppm;
} tax_rates;

/* CNY per unit of currency (× 10^6) for the month of at_ms; HG_INVALID (field currency) when
 * the month has no rate. */
hg_rc exchange_rate(db *d, const char *currency, int64_t at_ms, int64_t *cny_micro, hg_err *err);

/* cargo's hooks */
hg_rc tax_assess_declaration(db *d, const json_t *decl, hg_err *err);
int tax_settled_for_release(db *d, const char *entry_no);

/* Bills for a list: newest declaration first, paged by entry number; an enterprise's own. */
typedef struct tax_bill_query {
    const char *status;     /* due, paid, guaranteed, deferred, none, or NULL */
    int overdue;            /* due and past the payment period */
    int64_t from_ms, to_ms; /* issued in [from, to); 0 = open */
    const char *cursor;     /* after this entry number (descending) */
    int limit;
} tax_bill_query;
hg_rc tax_bills_json(db *d, const principal *who, const tax_bill_query *q, json_t **out, hg_err *err);
/* cargo's list rows: where a declaration's bill stands now (status, amount due, due date,
 * overdue), or NULL when it has none. */
json_t *tax_brief_json(db *d, const char *entry_no);

/* The tax bill of a declaration with its working and the late fee as of at_ms. */
hg_rc tax_bill_json(db *d, const principal *who, const char *entry_no, int64_t at_ms, json_t **out, hg_err *err);
hg_rc tax_pay(db *d, const principal *who, const char *request_id, const char *entry_no, int64_t amount,
              json_t **out, hg_err *err);
hg_rc tax_guarantee(db *d, const principal *who, const char *request_id, const char *entry_no, int64_t amount,
                    const char *guarantor, json_t **out, hg_err *err);
/* kind "deferral" (until_ms: the new last day) or "waiver" (of the late fee). */
hg_rc tax_request(db *d, const principal *who, const char *request_id, const char *kind, const char *entry_no,
                  const char *reason, int64_t until_ms, json_t **out, hg_err *err);
hg_rc tax_decide(db *d, const principal *who, const char *request_id, int64_t id, int approve, const char *note,
                 json_t **out, hg_err *err);
hg_rc tax_decisions_json(db *d, const char *status, json_t **out, hg_err *err);
hg_rc tax_summary_json(db *d, int64_t from_ms, int64_t to_ms, json_t **out, hg_err *err);

extern const struct migration tax_migrations[];

#endif
