/* national.h — headquarters above the districts (issue 22 §4; docs/SCALING.md §4): the
 * replication that links them and the national figures over every district.
 *
 * A district publishes, from its own schema (named by its customs code), the rows that the
 * statistics read (national_publish); the national installation subscribes to each district
 * into a schema of the same name and reads them with the district as a dimension
 * (national_subscribe). Headquarters' instructions go the other way: the national
 * installation publishes hq.instructions (national_offer), each district database subscribes
 * to it (national_follow) and screens with them; the hits of instructions come back up in the
 * district's publication. PostgreSQL only: logical replication. */
#ifndef HG_NATIONAL_H
#define HG_NATIONAL_H

#include <jansson.h>

#include "../platform/db.h"

/* ---- replication (national_repl.c); each prints nothing and says what it did in *did ---- */

/* A district name that can name a schema, a publication and a slot: 1 to 32 of a-z, 0-9, _
 * (a customs code, "0900"). */
int national_code_ok(const char *code);
/* On the district: the publications of its schema (the current one; refused for public). */
hg_rc national_publish(db *d, char *did, size_t didlen, hg_err *err);
/* On the national database: the instruction publication (idempotent). */
hg_rc national_offer(db *d, char *did, size_t didlen, hg_err *err);
/* On the national database: district code's schema and tables, the subscription to its
 * publications at url (a libpq URL the national cluster can reach), the district registered
 * and the national views rebuilt. Idempotent. */
hg_rc national_subscribe(db *d, const char *code, const char *url, char *did, size_t didlen, hg_err *err);
/* On a district database: the subscription to the national installation's instructions at
 * url; nothing when the database follows already (districts sharing it share one). */
hg_rc national_follow(db *d, const char *url, char *did, size_t didlen, hg_err *err);

/* ---- national figures (national_store.c), for the national routes ---- */

typedef struct national_query {
    int64_t from_ms, to_ms;
    const char *direction, *port; /* or NULL */
} national_query;

/* The registered districts with their subscription's state: {"districts": [...]}. */
hg_rc national_districts_json(db *d, json_t **out, hg_err *err);
/* Clearance time by district over releases in [from, to): {"districts": [{district, counted,
 * excluded, total, arrival_to_declaration, declaration_to_release, with_declarant,
 * release_to_gate}], "national": {counted, total}}. */
hg_rc national_clearance_json(db *d, const national_query *q, json_t **out, hg_err *err);
/* Filings, releases, lanes, inspections and tax by district over [from, to). */
hg_rc national_overview_json(db *d, const national_query *q, json_t **out, hg_err *err);
/* Adds to each instruction of items (risk_instruction_list's) its hits by district. */
hg_rc national_hits_attach(db *d, json_t *items, hg_err *err);

#endif
