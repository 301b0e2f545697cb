/* cargo_store.h — helpers shared by the cargo area's store files (not a public API; the two
 * that later areas use too, cargo_next_serial and cargo_finish_out, are in cargo.h). */
#ifndef HG_CARGO_STORE_H
#define HG_CARGO_STORE_H

#include <jansson.h>

#include "../platform/db.h"
#include "../risk/risk.h"
#include "../tax/tax_store.h"
#include "cargo.h"

/* cargo's row of tax's extension point TAX_SUBJECTS (declaration_store.c). */
extern const tax_subjects cargo_tax_subjects;
/* `haiguan audit reconcile`'s declarations (reconcile_store.c, audit.h's extension point). */
struct audit_reconciler;
extern const struct audit_reconciler cargo_reconciler;

/* The facts an officer's release of declaration decl (entry_no, as declaration_get gave it) is
 * decided on (declaration_store.c); its strings are borrowed from decl. */
hg_rc cargo_officer_release_facts(db *d, const json_t *decl, const char *entry_no, release_facts *f, hg_err *err);

/* Appends an event to a declaration's timeline (detail borrowed, may be NULL). */
hg_rc cargo_add_event(db *d, const char *entry_no, const char *actor, const char *event, const json_t *detail,
                      hg_err *err);
/* Emits an event about declaration entry_no (event.h), for its declarant's feed, inside the
 * caller's transaction (data borrowed, may be NULL; request_id may be NULL). */
hg_rc cargo_emit(db *d, const char *type, const char *entry_no, const char *actor, const char *request_id,
                 const json_t *data, hg_err *err);
/* The same when the caller knows the declarant (filing: no read). */
hg_rc cargo_emit_for(db *d, const char *type, const char *entry_no, const char *declarant, const char *actor,
                     const char *request_id, const json_t *data, hg_err *err);
/* Screens a declaration (its JSON) again, as filing does (declaration_store.c). */
struct risk_verdict;
hg_rc cargo_screen(db *d, const json_t *decl, struct risk_verdict *out, hg_err *err);
/* Re-assesses a declaration's tax after its goods changed (tax_reassess: cause, the exchange
 * rate of rate_ms's month, 0: now), inside the caller's transaction; *outcome the caller's. */
hg_rc cargo_reassess(db *d, const json_t *decl, const char *cause, int64_t rate_ms, const char *actor,
                     const char *request_id, json_t **outcome, hg_err *err);
/* At the transport's entry at_ms: the declarations of bill_no filed before it, re-assessed with
 * the rates of that day (declaration_store.c). */
hg_rc cargo_reassess_at_entry(db *d, const char *bill_no, int64_t at_ms, const char *actor, const char *request_id,
                              hg_err *err);
/* The demo's changes (change_demo.c): after filing, a few declarations modified, cancelled
 * (*cancelled 1) or returned and refiled; after release, a few amended. Only a fault is
 * returned. */
hg_rc cargo_demo_life(db *d, const principal *declarant, const char *entry_no, int64_t filed_at, int64_t real_now,
                      int *cancelled, hg_err *err);
hg_rc cargo_demo_amend(db *d, const char *entry_no, int64_t released_at, int64_t real_now, hg_err *err);
/* The goods of a declaration (items, JSON) against the loaded tariff (tariff_check.c): an export's
 * HS codes are lines of it (400 hs_not_in_tariff), every item's unit a legal unit of its line
 * where the tariff gives them (400 unit_not_legal), each naming items[i]. */
hg_rc cargo_check_tariff(db *d, const char *direction, const json_t *items, hg_err *err);
/* The demo's overseas food producers registered (cargo_demo.c), once: those of its food goods. */
hg_rc cargo_demo_producers(db *d, hg_err *err);
/* A weight a bill can still carry: HG_CONFLICT (bill_weight) when the gross weight of the
 * declarations of bill_no but not cancelled or refused, plus extra_g grams, exceeds the bill's. */
hg_rc cargo_bill_weight_ok(db *d, const char *bill_no, int64_t extra_g, hg_err *err);
/* HG_OK when who may see the declaration entry_no (officers see all, an enterprise those it
 * is a party to); HG_NOTFOUND "no such declaration" otherwise, as declaration_get answers. */
hg_rc cargo_declaration_visible(db *d, const principal *who, const char *entry_no, hg_err *err);
/* Opens an inspection task of kind for entry_no (green: on the green channel), inside the
 * caller's transaction (sampling_store.c). */
hg_rc cargo_open_task(db *d, const char *entry_no, const char *kind, int green, int priority, const char *reason,
                      hg_err *err);
/* The queue priority of a task opened now for entry_no (priority -1 to cargo_open_task asks
 * for it), and of a credit level: 2 advanced certified, 1 general certified, 0 other
 * (sampling_store.c). */
hg_rc cargo_task_priority(db *d, const char *entry_no, int *priority, hg_err *err);
int cargo_priority_of(risk_credit level);
/* The credit level entry_no is treated by, from its stored parties (risk_parties_credit);
 * RC_UNKNOWN for no such declaration (sampling_store.c). */
hg_rc cargo_entry_credit(db *d, const char *entry_no, risk_credit *out, hg_err *err);
/* Releases the declarations of a bill that became releasable (green or blue lane, goods
 * here), inside the caller's transaction. */
hg_rc cargo_auto_release_bill(db *d, const char *bill_no, const char *actor, hg_err *err);

#endif
