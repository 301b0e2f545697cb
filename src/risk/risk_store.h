/* risk_store.h — the risk area's storage and its process-wide compiled rule set: what the
 * risk handlers and commands use, and what the areas after risk call to screen: cargo fills a
 * risk_decl (risk.h) and gets a risk_verdict from risk_screen_subject. Risk includes no later
 * area and reads no other area's JSON.
 *
 * Every write is one transaction with its audit row and a bump of the rule generation;
 * after it commits, the next screening (in this process or another) compiles the new set. */
#ifndef HG_RISK_STORE_H
#define HG_RISK_STORE_H

#include <jansson.h>

#include "../platform/ctx.h"
#include "../platform/db.h"
#include "risk.h"

/* Versions 400-499. */
extern const struct migration risk_migrations[];

/* Rules. body is the client's JSON (validated by risk_rule_from_json); c names the connection,
 * who asked (its audit row records the session or token), the request and the time. The stored
 * rule (with id, status, created_at, updated_at) goes to *out, which the caller owns.
 * HG_INVALID naming the field; HG_NOTFOUND for an unknown id; db errors. */
hg_rc risk_rule_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
/* A patch replaces the top-level members it names (conditions, action, scope ... as wholes);
 * id, status and the timestamps are refused. The merged rule is validated as a whole. */
hg_rc risk_rule_patch(const hg_ctx *c, int64_t id, const json_t *body, json_t **out, hg_err *err);
/* status "active" (resume) or "suspended" (suspend). */
/* "activate" turns a draft into an active rule, recording who (c->actor) and when; a draft
 * is neither suspended nor resumed, and only a draft is activated (HG_CONFLICT). */
hg_rc risk_rule_set_status(const hg_ctx *c, int64_t id, const char *status, json_t **out, hg_err *err);
/* Tries rule id (a draft, or any other status) on the declarations entries (a JSON array of 1
 * to RISK_TRY_MAX entry numbers) without changing anything: each declaration's recorded
 * screening input is screened with the active rules but this one and with them and this one,
 * at now or the rule's valid_from when later. {rule_id, at, in_force, results: [{
 * declaration_id, screened, hit, fired, matched, lane_without, lane_with}]}; a declaration
 * never screened has screened false. Caller owns *out. HG_INVALID naming the field,
 * HG_NOTFOUND for the rule. */
#define RISK_TRY_MAX 50
hg_rc risk_rule_try(db *d, int64_t id, const json_t *entries, int64_t now, json_t **out, hg_err *err);
hg_rc risk_rule_get(db *d, int64_t id, json_t **out, hg_err *err);
/* A rule list's filters and paging (list_query.h's parameters, read by the handler). */
typedef struct risk_rule_filter {
    const char *status, *source; /* equality filters, or NULL */
    const char *q;               /* searched in the rule's name, or NULL */
    const char *sort;            /* one of risk_rule_sortable, or NULL; sort_desc descending */
    int sort_desc;
    int limit, offset, with_total;
    int64_t cursor;              /* list rules with ids below it (0 = from the newest) */
} risk_rule_filter;
/* The fields a rule list sorts on (NULL-terminated), for list_query_parse. */
extern const char *const risk_rule_sortable[];
/* {"items":[...],"next_cursor":"<id>"|null} (and "total" with numbered pages), newest first
 * unless sorted (then by the sort, newest first among equals). Caller owns *out. */
hg_rc risk_rule_list(db *d, const risk_rule_filter *f, json_t **out, hg_err *err);

/* Imports one rule of a headquarters instruction file (a line of `haiguan import risk-rules`,
 * as POST /api/v1/risk/rules takes it) inside the caller's transaction: the import framework
 * runs the whole file in one and rolls it back when any line is refused (import.h,
 * IMPORT_ALL_OR_NOTHING). The rule and its audit row are written; running servers screen with
 * it once the file's transaction is durable and they next screen. */
hg_rc risk_rule_import_line(db *d, const char *actor, const json_t *body, hg_err *err);

/* The current compiled set, recompiled first when the stored rules changed (a reference the
 * caller releases with risk_set_release). Random draws are keyed by the secret in the key
 * directory ($HAIGUAN_KEYS, else next to the database: risk-draw.key, created 0600 on first
 * use). Screenings in flight keep the set they hold. */
hg_rc risk_current(db *d, risk_set **out, hg_err *err);
/* A reproducible draw in [0, 1000000) of (purpose, id) under the same secret, for the areas
 * after risk that select by chance at a rate (the post-clearance audit plan, services): an
 * audit with the key directory can replay it; an enterprise cannot predict it. */
hg_rc risk_keyed_draw(const char *purpose, const char *id, uint32_t *out, hg_err *err);
/* Brings the process's set up to date (after a committed change); errors are left for the
 * next screening to report. err may be NULL. */
void risk_refresh(db *d, hg_err *err);

/* Records one screening (its lane, random selection and hits; explained is risk_result_to_json
 * of res) for the statistics, inside the caller's transaction: the cargo area calls it when it
 * screens a declaration it stores. POST /api/v1/risk/screen does not record. */
hg_rc risk_record_screening(db *d, const risk_decl *decl, const risk_result *res, const json_t *explained,
                            hg_err *err);

/* The latest recorded screening of a declaration: {declaration_id, screened_at, result (as
 * risk_result_to_json)}; caller owns *out. HG_NOTFOUND when it was never screened. */
hg_rc risk_screening_get(db *d, const char *declaration_id, json_t **out, hg_err *err);

/* What screening tells the area that files declarations (cargo, after risk), in risk's own
 * terms: the lane, the inspection kind and one line of reasons when one is ordered, and the
 * sampling orders drawn by item line (nucleic acid, which cargo orders itself for every
 * seafood item, is left out). Free with risk_verdict_free. */
typedef struct risk_sample_order {
    char kind[32];
    int line_no;   /* 1-based */
} risk_sample_order;
typedef struct risk_verdict {
    char lane[8];               /* green, blue, yellow, red */
    char inspection_kind[16];   /* manual, machine, document; "" when none is ordered */
    char reason[1024];          /* the rules that fired, "; "-separated, and "random selection" */
    risk_sample_order *samples; /* n_samples; owned */
    int n_samples;
    risk_credit credit; /* the level screened with: the lower of the owner's and the declarant's */
} risk_verdict;
void risk_verdict_free(risk_verdict *v);

/* The credit level a declaration is treated by: the lower of its owner's (consignee on imports,
 * consignor on exports; the declarant when none is named) and its declarant's, RC_UNKNOWN for
 * an unregistered enterprise. Screening uses it, and so does every facilitation that follows
 * from the level (the inspection queue's priority, 查验免到场). */
hg_rc risk_parties_credit(db *d, const char *owner, const char *declarant, risk_credit *out, hg_err *err);

/* Screens decl (filled by the filing area: identifiers, parties, items; its credit level and
 * time are set here, from the enterprise registry and the clock), records the screening for
 * the statistics inside the caller's transaction, and gives the verdict. */
hg_rc risk_screen_subject(db *d, risk_decl *decl, risk_verdict *out, hg_err *err);

/* Statistics over recorded screenings with from_ms <= at < to_ms: screenings by lane, hits
 * by rule and lane, and the red-lane (inspection) rate by credit level with its ratio to
 * general credit's (DESIGN.md §5). Caller owns *out. */
hg_rc risk_stats(db *d, int64_t from_ms, int64_t to_ms, json_t **out, hg_err *err);

/* Inspections by credit level over the screenings with from_ms <= at < to_ms, for the areas
 * after risk (services measures AEO facilitation with it): how many were screened, selected at
 * random, and sent to the red lane (inspection) by a fired rule without random selection (one
 * both selected and hit counts as random). Indexed by risk_credit; RC_UNKNOWN holds screenings
 * of unregistered enterprises. */
typedef struct risk_credit_inspections {
    int64_t screened, random, rule;
} risk_credit_inspections;
hg_rc risk_inspections_by_credit(db *d, int64_t from_ms, int64_t to_ms, risk_credit_inspections out[RC__COUNT],
                                 hg_err *err);

/* Headquarters' instructions (risk_instruction.c; PostgreSQL only, hq.instructions): written
 * by the national installation, received by every district through logical replication and
 * screened with the district's own rules from the next screening on. An instruction is a
 * rule body (as POST /api/v1/risk/rules takes it) whose source is hq; it is active once
 * issued. Ids start at RISK_INSTRUCTION_FIRST_ID, so a district's hit names it by itself.
 * Stored shape: the rule with id, status, version, issued_by, created_at, updated_at. */
#define RISK_INSTRUCTION_FIRST_ID 1000000000LL
hg_rc risk_instruction_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
/* status "active" (resume) or "suspended" (suspend); HG_CONFLICT when it is so already. */
hg_rc risk_instruction_set_status(const hg_ctx *c, int64_t id, const char *status, json_t **out, hg_err *err);
hg_rc risk_instruction_get(db *d, int64_t id, json_t **out, hg_err *err);
/* {"items": [...]}, newest first (none on SQLite, which no instruction reaches). */
hg_rc risk_instruction_list(db *d, json_t **out, hg_err *err);

#endif
