/* cargo_store.h — helpers shared by the cargo area's store files (not a public API; the two
 * that later areas use too, cargo_next_serial and cargo_finish_out, are in cargo.h). */
#ifndef HG_CARGO_STORE_H
#define HG_CARGO_STORE_H

#include <jansson.h>

#include "../platform/db.h"
#include "../tax/tax_store.h"
#include "cargo.h"

/* cargo's row of tax's extension point TAX_SUBJECTS (declaration_store.c). */
extern const tax_subjects cargo_tax_subjects;

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
/* HG_OK when who may see the declaration entry_no (officers see all, an enterprise those it
 * is a party to); HG_NOTFOUND "no such declaration" otherwise, as declaration_get answers. */
hg_rc cargo_declaration_visible(db *d, const principal *who, const char *entry_no, hg_err *err);
/* Opens an inspection task of kind for entry_no (green: on the green channel), inside the
 * caller's transaction (sampling_store.c). */
hg_rc cargo_open_task(db *d, const char *entry_no, const char *kind, int green, const char *reason, hg_err *err);
/* Releases the declarations of a bill that became releasable (green or blue lane, goods
 * here), inside the caller's transaction. */
hg_rc cargo_auto_release_bill(db *d, const char *bill_no, const char *actor, hg_err *err);

#endif
