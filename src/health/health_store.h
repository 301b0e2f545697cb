/* health_store.h — what the health area's stores share: not a public API (only src/health/
 * includes it). Rows mapped to JSON by their column aliases, the key lookup for verifying QR
 * codes, the claims of a stored declaration, the card's rules, and the facts of a traveller. */
#ifndef HG_HEALTH_STORE_H
#define HG_HEALTH_STORE_H

#include <jansson.h>

#include "../platform/db.h"
#include "../platform/record.h"
#include "health.h"

/* Maps every row of a prepared, bound statement into a new array *out (caller owns it) and
 * resets it. A column's alias says its type: "NAME__i" an integer, "NAME__b" a boolean,
 * "NAME__t" milliseconds written as RFC 3339, anything else text; NULL is null. */
hg_rc health_stmt_rows(db_stmt *s, json_t **out, hg_err *err);
/* The same for a query without parameters ("" for fmt): {"items": [...]}. */
hg_rc health_rows_json(db *d, json_t **out, hg_err *err, const char *sql, const char *fmt);

/* health_key_lookup over health_qr_keys; cls is the db. */
hg_rc health_key_lookup_db(void *cls, const char *key_id, char pk_hex[65], hg_err *err);
/* The QR claims of a declaration as stored (masking its identity). */
void health_claims_of(const char *id, const char *name_mrz, const char *document_no, const char *flight,
                      const char *entry_date, int64_t created_ms, int64_t expires_ms, health_qr_claims *c);
/* The card's cross-field rules on a parsed declaration at now_ms (declaration_store.c). */
hg_rc health_declaration_rules(const record *r, int64_t now_ms, hg_err *err);

/* The facts of the traveller with barcode, for the outcome; *status its status ("open", ...). */
hg_rc health_facts_of(db *d, const char *barcode, health_facts *f, char status[16], hg_err *err);

#endif
