/* services_store.h — the store functions of enterprise services, for its own handlers,
 * commands, jobs and demo; not a public API (only src/services/ includes it). Every write
 * takes the context of the change (ctx.h) and ends in audit_commit: one transaction with its
 * audit row and its event. Reads take the principal: an enterprise user reaches only its
 * enterprise's problems (another's answers 404) and never an internal note.
 *
 * Ownership: every json_t handed back through an out-parameter belongs to the caller. */
#ifndef HG_SERVICES_STORE_H
#define HG_SERVICES_STORE_H

#include <jansson.h>

#include "../platform/auth.h"
#include "../platform/ctx.h"
#include "../platform/db.h"
#include "services.h"

/* Raises a problem for the caller's enterprise (c->who an enterprise user) from the client's
 * JSON (liaison_problem_record): every link must be the enterprise's own (400 not_own naming
 * links[i].ref, whether another's or none), every attachment of its declared type and size
 * (400 attachment_type / attachment_size naming attachments[i].data). Assigned to the
 * enterprise's coordinator, or to the category's queue (assignee null) when it has none; the
 * SLA deadlines of its urgency are set in working hours. The problem in *out. */
hg_rc problem_raise(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);

/* One step of a problem's life (services.h, liaison_action) by c->who, with its body (a
 * message, a resolution, a reason, a reassignment; NULL for LIAISON_OPEN and LIAISON_CONFIRM
 * without a text): the stage times are set the first time each is reached, the message is
 * added to the conversation. 404 for an enterprise's other problems, 409 for a step the state
 * does not allow. The problem as get answers it in *out. */
hg_rc problem_act(const hg_ctx *c, const char *problem_no, liaison_action action, const json_t *body, json_t **out,
                  hg_err *err);

/* The problem with its links, attachments (without their data), conversation (no internal
 * notes for an enterprise), escalations and the clock of each first as of now. */
hg_rc problem_get(db *d, const principal *who, const char *problem_no, int64_t now, json_t **out, hg_err *err);
/* The bytes of attachment line of a problem who may see, into *data (caller frees with
 * free()), its type into type (32 bytes). */
hg_rc problem_attachment(db *d, const principal *who, const char *problem_no, int64_t line, unsigned char **data,
                         size_t *n, char type[32], hg_err *err);

typedef struct problem_query {
    const char *status, *category, *assignee, *enterprise, *urgency; /* or NULL */
    int queue;  /* 1: only the unassigned (the categories' queues) */
    int breach; /* 1: only those with a breach on record (a first escalated past its deadline) */
    /* the list parameters (list_query_parse): cursor (problem_no from next_cursor, newest
     * first; not with sort or offset), limit, q (a literal search in the number, the title and
     * the enterprise's USCC), sort (one of problem_sortable; none: newest first), offset and
     * with_total; its filter members are unused */
    record_query list;
} problem_query;
/* The columns a problems list may be sorted on (NULL-terminated). */
extern const char *const problem_sortable[];
hg_rc problem_list(db *d, const principal *who, const problem_query *q, int64_t now, json_t **out, hg_err *err);

/* The escalation job: each first whose deadline passed unreached is escalated to the
 * managers once (a row, an event for the dashboard, an audit row); *n (if non-NULL) counts
 * the new ones. Safe to repeat. */
hg_rc liaison_escalate(db *d, int64_t now, int *n, hg_err *err);

/* Statistics of the problems raised in [from, to), grouped by "category", "coordinator"
 * (the assignee) or "month": collected, solved, solve rate, median and p90 minutes to each
 * first, breaches. */
hg_rc liaison_statistics(db *d, int64_t from, int64_t to, const char *by, json_t **out, hg_err *err);
/* Coordinators and their enterprises, open problems and breaches; the advanced-certified
 * enterprises without one. coordinator: only that officer's, or NULL. */
hg_rc liaison_coordinators(db *d, const char *coordinator, json_t **out, hg_err *err);

/* Removes coordinator, who delays, by c->who (a manager; coordinator_store.c): body
 * (liaison_removal_record) names the successor (an active officer, not the coordinator) and
 * the reason. Every enterprise the coordinator serves is handed to the successor, and every
 * open problem assigned to the coordinator is reassigned with the reason in its conversation
 * (an internal note), in one transaction with the audit rows. Refused: not a coordinator (404
 * not_coordinator), no breach on record (409 no_delay: GACC's rules remove one who delays),
 * the successor the same or not an active officer (400), removing oneself (409 own_removal).
 * The removal (removal_no, coordinator, successor, reason, removed_by, at, breaches,
 * enterprises, problems) in *out. */
hg_rc coordinator_remove(const hg_ctx *c, const char *coordinator, const json_t *body, json_t **out, hg_err *err);
/* The removals, newest first. */
hg_rc coordinator_removals(db *d, json_t **out, hg_err *err);

/* ---- declaration drafts (暂存, draft_store.c) ----
 * The enterprise user's own half-filled declaration forms: {title, form} as the console holds
 * them (form a JSON object of at most DRAFT_FORM_MAX bytes, kept unjudged: the pre-check and
 * the filing judge it). Not a declaration: no entry number, never screened. Only enterprise
 * users (403 otherwise); another enterprise's draft is 404. */
#define DRAFT_TITLE_MAX 100
#define DRAFT_FORM_MAX (256 * 1024)
/* Saves a new draft (no NULL: numbered ZC + USCC + 4 digits) or replaces draft no's title and
 * form; audited. The draft in *out. */
hg_rc draft_save(const hg_ctx *c, const char *no, const json_t *body, json_t **out, hg_err *err);
/* Discards a draft (kept, marked, audited): once filed or no longer wanted. */
hg_rc draft_discard(const hg_ctx *c, const char *no, hg_err *err);
hg_rc draft_get(db *d, const principal *who, const char *no, json_t **out, hg_err *err);
/* The caller's drafts without their forms, last saved first. */
hg_rc draft_list(db *d, const principal *who, json_t **out, hg_err *err);

/* Visits, video calls and briefings (liaison_visit_record), recorded by c->who. */
hg_rc visit_record(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
hg_rc visit_list(db *d, const char *enterprise, const char *campaign, const char *cursor, int limit, json_t **out,
                 hg_err *err);
/* Campaigns: the visits and briefings recorded under each name, enterprises reached and
 * helped, problems those enterprises raised during it. */
hg_rc campaign_list(db *d, json_t **out, hg_err *err);

/* ---- smart declaration navigation (navigation_store.c) ---- */

/* The ranked search (hs_search) as JSON: each hit with its level, code, names, path from the
 * section down and, for a line, its units, conditions and categories. limit 1..50. */
hg_rc nav_search_json(const char *q, int limit, json_t **out, hg_err *err);
/* One node by code (a section's Roman number, a 2-digit chapter, a 4-digit heading, a 10-digit
 * line) with its path and children; a line with its declaration elements. 404 otherwise. */
hg_rc nav_node_json(const char *code, json_t **out, hg_err *err);
/* The pre-check of a draft declaration (nav_draft_record): every finding with its field and
 * rule, the lines found and the advance rulings of the enterprise offered; nothing is written.
 * An enterprise user checks for itself; an officer names the enterprise or none. */
/* zh: the findings' messages in Chinese (the request's Accept-Language), else English. */
hg_rc nav_precheck(db *d, const principal *who, const json_t *body, int64_t now, int zh, json_t **out, hg_err *err);
/* Records an advance ruling an officer issued (valid three years from issued_at). */
hg_rc ruling_issue(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
/* Rulings who may see (an enterprise: its own), newest first; valid_only: in force at now. */
hg_rc ruling_list(db *d, const principal *who, const char *enterprise, const char *hs_code, int valid_only, int64_t now,
                  json_t **out, hg_err *err);

/* AEO facilitation measured (aeo_store.c): for each month from first_month to last_month
 * ("YYYY-MM"), each credit level's inspection rates against the policy with its drift alerts,
 * and the enterprises per credit level now. */
hg_rc aeo_facilitation(db *d, int64_t first_day, int64_t last_day, json_t **out, hg_err *err);
/* An enterprise's credit levels, newest first, each with its reason and who changed it. */
hg_rc aeo_level_history(db *d, const char *uscc, json_t **out, hg_err *err);

/* The post-clearance audit plan of a year (稽查计划, audit_plan_store.c): every registered
 * enterprise drawn at its credit level's rate, a share of general credit's base_ppm (fewer
 * audits for certified enterprises, more for dishonest ones); one plan per year, audited.
 * body {"year", "base_ppm"?}. */
hg_rc aeo_audit_plan_draw(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
/* The plan of a year: its rates and counts by level, and the enterprises selected. */
hg_rc aeo_audit_plan_get(db *d, int64_t year, json_t **out, hg_err *err);

#endif
