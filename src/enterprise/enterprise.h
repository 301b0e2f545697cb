/* enterprise.h — the enterprise registry (企业): the first record type and the model for
 * the others. Enterprises trade through the port, carry a credit level (AEO advanced
 * certified, general certified, general credit, dishonest) and may have a coordinator
 * officer (百人千企). */
#ifndef HG_ENTERPRISE_H
#define HG_ENTERPRISE_H

#include <jansson.h>

#include "../platform/auth.h"
#include "../platform/ctx.h"
#include "../platform/db.h"
#include "../platform/record.h"

extern const record_type enterprise_record;

/* Pure access decision: may principal p see the enterprise with USCC uscc? Enterprise users
 * see only their own; officers, admins and systems see all. */
int enterprise_visible(const principal *p, const char *uscc);

/* Store: each write is one transaction with its audit row (audit_commit), made in the context
 * c (ctx.h: connection, actor, request id, time). body is the client's JSON (validated here).
 * The stored enterprise is returned in *out (caller owns it). */
hg_rc enterprise_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
hg_rc enterprise_patch(const hg_ctx *c, const char *uscc, const json_t *body, json_t **out, hg_err *err);
/* Inserts a validated record inside the caller's transaction, with its audit row; the
 * stored enterprise goes to *out when out is non-NULL (caller owns it). */
hg_rc enterprise_insert_record(const hg_ctx *c, record *r, json_t **out, hg_err *err);
hg_rc enterprise_get(db *d, const char *uscc, json_t **out, hg_err *err);
/* Names, not codes (issue 16): adds to row "parties", mapping the USCC of each of its fields
 * (NULL-terminated names) that holds a registered enterprise to {name_zh, name_en}; an
 * unregistered code is left out (the code is all there is). For read routes only. */
hg_rc enterprise_add_parties(db *d, json_t *row, const char *const *fields, hg_err *err);
/* The same for each row of a list answer's "items". */
hg_rc enterprise_add_list_parties(db *d, json_t *list, const char *const *fields, hg_err *err);
/* HG_OK when an enterprise with this USCC is registered, HG_NOTFOUND when none is, else the
 * database's fault (never taken for "none"). */
hg_rc enterprise_find(db *d, const char *uscc, hg_err *err);
/* The credit level of an enterprise ("advanced_certified", ...) into out (n bytes);
 * HG_NOTFOUND when there is no such enterprise. For the areas after enterprise (risk's
 * random selection by credit level). */
hg_rc enterprise_credit_level(db *d, const char *uscc, char *out, size_t n, hg_err *err);

/* The coordinator officer of an enterprise (百人千企) into out (n bytes; "" when it has none);
 * HG_NOTFOUND when there is no such enterprise. For the liaison platform (services), which
 * assigns an enterprise's problems to its coordinator. The areas after enterprise also read
 * the registry through the view enterprise_directory (migration 111). */
hg_rc enterprise_coordinator(db *d, const char *uscc, char *out, size_t n, hg_err *err);
/* Hands every enterprise whose coordinator is from over to to (an active officer, checked by
 * the caller), inside the caller's transaction: one audit row per enterprise
 * ("enterprise.coordinator", before and after, with c's credential), the USCCs appended to
 * changed (a JSON array the caller owns). For the liaison platform's removal of a coordinator
 * who delays (services); it commits nothing. */
hg_rc enterprise_coordinator_hand_over(const hg_ctx *c, const char *from, const char *to, json_t *changed, hg_err *err);

/* The history of credit levels (migration 112): every change of an enterprise's level is a row
 * (seq, credit_level, previous_level, reason, changed_by, at_ms), its first the registration;
 * the areas after enterprise read it through the view enterprise_credit_history. A PATCH's
 * credit_reason is the change's reason. */

/* The kind of an enterprise ("shipping_agent", "broker", ...) into out (n bytes); HG_NOTFOUND
 * when there is no such enterprise. For the areas that accept a fact only from a party of a
 * kind (cargo: manifests come from carriers and their agents). */
hg_rc enterprise_kind(db *d, const char *uscc, char *out, size_t n, hg_err *err);

/* ---- electronic agency agreements (代理报关委托, agency_store.c) ----
 * An enterprise (the principal: consignee or consignor) entrusts a customs broker with its
 * declarations at one port for a period. The principal registers and revokes it; the broker
 * and officers read it; cargo asks whether one holds when a broker files. */
extern const record_type agency_record;
/* Extension point ENTERPRISE_PORT_CHECK: the area that keeps the district's table of port
 * customs codes (cargo, later than enterprise) tells enterprise whether an agreement's port is
 * one of them (报关单填制规范 进出境关别 / 关区代码表). known returns HG_OK for a port of the
 * table, HG_INVALID unknown_port naming field, else the database's fault. Enterprise calls
 * every row contributed through module records (module.h); with none it checks the code's
 * format only. */
#define ENTERPRISE_PORT_CHECK "enterprise.port_check"
typedef struct enterprise_port_check {
    hg_rc (*known)(db *d, const char *code, const char *field, hg_err *err);
} enterprise_port_check;

/* Registers an agreement of principal (a registered enterprise) from the client's JSON (broker,
 * port, valid_from, valid_to); the stored agreement in *out (caller owns it). Refusals: the
 * broker unknown or not a broker (400 agency_broker), a port not in the district's table (400
 * unknown_port, through ENTERPRISE_PORT_CHECK), a period that ends before it starts or lasts
 * more than 2 years (400 agency_period), the principal itself as broker (400). */
hg_rc agency_create(const hg_ctx *c, const char *principal_uscc, const json_t *body, json_t **out, hg_err *err);
/* Revokes agreement no of principal_uscc (NULL: an officer or a command, any principal);
 * 404 for another's, 409 when already revoked. */
hg_rc agency_revoke(const hg_ctx *c, const char *principal_uscc, const char *no, json_t **out, hg_err *err);
/* Agreements who may see (an enterprise: those it gave or holds), paged by number; each with
 * parties: {USCC: {name_zh, name_en}} of its principal and broker. */
hg_rc agency_list(db *d, const principal *who, const char *cursor, int limit, json_t **out, hg_err *err);
/* *holds 1 when principal_uscc's active agreement entrusts broker_uscc at port at at_ms. */
hg_rc agency_holds(db *d, const char *principal_uscc, const char *broker_uscc, const char *port, int64_t at_ms,
                   int *holds, hg_err *err);

extern const struct migration enterprise_migrations[];

#endif
