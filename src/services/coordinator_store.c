/* coordinator_store.c — removing a liaison coordinator who delays (issue 20; GACC's coordinator
 * rules of 2019 remove a coordinator who delays an enterprise's problem without reason): a
 * manager names the successor and the reason; the coordinator's enterprises (enterprise.h's
 * hand-over) and open problems move to the successor in one transaction, each with its audit
 * row, and the removal is kept with what it moved. Not for: reassigning one problem
 * (problem_act's LIAISON_ASSIGN) or choosing coordinators in the first place (the registry). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../enterprise/enterprise.h"
#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/event.h"
#include "../platform/json_canon.h"
#include "../platform/mem.h"
#include "services_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

static json_t *text_row(db_stmt *s) { return json_string(db_col_text(s, 0)); }

/* The part of a problem a removal changes, for its audit row. */
static json_t *assignee_row(db_stmt *s)
{
    return json_pack("{s:s, s:s, s:s, s:s?}", "problem_no", db_col_text(s, 0), "enterprise", db_col_text(s, 1),
                     "status", db_col_text(s, 2), "assignee", db_col_null(s, 3) ? NULL : db_col_text(s, 3));
}
#define ASSIGNEE_SQL "SELECT problem_no, enterprise, status, assignee FROM liaison_problems WHERE problem_no = ?"

/* Moves open problem no from coordinator to successor: its assignee, an internal note in its
 * conversation saying why, its event and audit row. */
static hg_rc move_problem(const hg_ctx *c, const char *no, const char *coordinator, const char *successor,
                          const char *reason, hg_err *err)
{
    json_t *before = NULL, *after = NULL;
    int64_t n = 0;
    char id[40], *text = NULL;
    hg_rc rc = db_row_json(c->d, assignee_row, &before, "problem_no", "no such problem", err, ASSIGNEE_SQL, "t", no);
    if (!rc)
        rc = db_run(c->d, err, "UPDATE liaison_problems SET assignee = ?, updated_ms = ? WHERE problem_no = ?", "tit",
                    successor, c->now_ms, no);
    if (!rc)
        rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM liaison_messages WHERE problem_no = ?", "t", no);
    size_t len = strlen(coordinator) + strlen(successor) + strlen(reason) + 64;
    if (!rc && !(text = xmalloc(len)))
        rc = nomem(err);
    if (!rc) {
        snprintf(id, sizeof id, "%s-%03" PRId64, no, n + 1);
        snprintf(text, len, "%s → %s (coordinator removed): %s", coordinator, successor, reason);
        rc = db_run(c->d, err,
                    "INSERT INTO liaison_messages (id, problem_no, kind, text, policy, author, side, internal, at_ms)"
                    " VALUES (?, ?, 'assignment', ?, NULL, ?, 'customs', 1, ?)",
                    "tttti", id, no, text, c->actor, c->now_ms);
    }
    if (!rc)
        rc = db_row_json(c->d, assignee_row, &after, "problem_no", "no such problem", err, ASSIGNEE_SQL, "t", no);
    /* internal: the enterprise is not told who was removed, only served by the successor */
    if (!rc)
        rc = event_emit_about(c->d, "liaison.reassigned", "liaison_problem", no, NULL, c->actor, c->request_id, NULL,
                              err);
    if (!rc)
        rc = audit_append_ctx(c, "liaison.reassigned", "liaison_problem", no, before, after, err);
    xfree(text);
    json_decref(before);
    json_decref(after);
    return rc;
}

/* The removal's checks: a coordinator of at least one enterprise with a breach on record, a
 * successor who is another active officer, a remover who is not the coordinator. */
static hg_rc check_removal(const hg_ctx *c, const char *coordinator, const char *successor, int64_t *breaches,
                           hg_err *err)
{
    int64_t serves = 0;
    int active = 0;
    hg_rc rc =
        db_int(c->d, &serves, err, "SELECT COUNT(*) FROM enterprise_directory WHERE coordinator = ?", "t", coordinator);
    if (!rc && !serves)
        return hg_fail(err, HG_NOTFOUND, "not_coordinator", "coordinator",
                       "%s coordinates no enterprise: there is nothing to remove", coordinator);
    if (!rc && strcmp(coordinator, c->actor) == 0)
        return hg_fail(err, HG_CONFLICT, "own_removal", "coordinator",
                       "a coordinator is removed by another officer, not by themselves");
    if (!rc)
        rc = db_int(c->d, breaches, err, "SELECT COUNT(*) FROM liaison_escalations WHERE assignee = ?", "t",
                    coordinator);
    /* GACC's rules remove a coordinator who delays: the delay must be on record (a first
     * whose SLA passed unreached while the problem was theirs) */
    if (!rc && !*breaches)
        return hg_fail(err, HG_CONFLICT, "no_delay", "coordinator",
                       "%s has no breach on record: a coordinator is removed for delaying an enterprise's problem",
                       coordinator);
    if (!rc && strcmp(successor, coordinator) == 0)
        return hg_fail(err, HG_INVALID, "same_officer", "successor", "the successor must be another officer");
    if (!rc)
        rc = user_is_active_officer(c->d, successor, &active, err);
    if (!rc && !active)
        return hg_fail(err, HG_INVALID, "invalid", "successor", "successor must be an active officer's user name");
    return rc;
}

hg_rc coordinator_remove(const hg_ctx *c, const char *coordinator, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    json_t *enterprises = json_array(), *problems = NULL, *after = NULL;
    char *ent_text = NULL, *prob_text = NULL;
    int64_t breaches = 0, seq = 0;
    char no[32];
    *out = NULL;
    hg_rc rc = enterprises ? record_from_json(&liaison_removal_record, body, REC_CREATE, &r, err) : nomem(err);
    const char *successor = rc ? NULL : record_text(&r, "successor"), *reason = rc ? NULL : record_text(&r, "reason");
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = check_removal(c, coordinator, successor, &breaches, err);
    if (!rc)
        rc = db_rows_json(c->d, text_row, &problems, err,
                          "SELECT problem_no FROM liaison_problems WHERE assignee = ? AND status <> 'solved'"
                          " ORDER BY problem_no",
                          "t", coordinator);
    for (size_t i = 0; !rc && i < json_array_size(problems); i++)
        rc = move_problem(c, json_string_value(json_array_get(problems, i)), coordinator, successor, reason, err);
    if (!rc)
        rc = enterprise_coordinator_hand_over(c, coordinator, successor, enterprises, err);
    if (!rc)
        rc = db_int(c->d, &seq, err, "SELECT COUNT(*) FROM liaison_coordinator_removals", "");
    if (!rc && (!(ent_text = json_canon_text(enterprises)) || !(prob_text = json_canon_text(problems))))
        rc = nomem(err);
    if (!rc) {
        snprintf(no, sizeof no, "CR%06" PRId64, seq + 1);
        rc =
            db_run(c->d, err,
                   "INSERT INTO liaison_coordinator_removals (removal_no, coordinator, successor, reason, removed_by,"
                   " at_ms, breaches, enterprises, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   "tttttiitt", no, coordinator, successor, reason, c->actor, c->now_ms, breaches, ent_text, prob_text);
    }
    if (!rc) {
        char at[40];
        time_format_rfc3339(c->now_ms, at, sizeof at);
        after = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:O, s:O}", "removal_no", no, "coordinator", coordinator,
                          "successor", successor, "reason", reason, "removed_by", c->actor, "at", at, "breaches",
                          (json_int_t)breaches, "enterprises", enterprises, "problems", problems);
        if (!after)
            rc = nomem(err);
    }
    if (!rc)
        rc = event_emit_about(c->d, "liaison.coordinator_removed", "liaison_coordinator", coordinator, NULL, c->actor,
                              c->request_id, after, err);
    rc = audit_commit(c, rc, "liaison.coordinator.remove", "liaison_coordinator", coordinator, NULL, after, err);
    if (!rc)
        *out = json_incref(after);
out:
    xfree(ent_text);
    xfree(prob_text);
    json_decref(after);
    json_decref(enterprises);
    json_decref(problems);
    record_free(&r);
    return rc;
}

static json_t *removal_row(db_stmt *s)
{
    char at[40];
    json_error_t je;
    json_t *ent = json_loads(db_col_text(s, 7), 0, &je), *prob = json_loads(db_col_text(s, 8), 0, &je);
    json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:o?, s:o?}", "removal_no", db_col_text(s, 0),
                          "coordinator", db_col_text(s, 1), "successor", db_col_text(s, 2), "reason", db_col_text(s, 3),
                          "removed_by", db_col_text(s, 4), "at", db_col_time(s, 5, at), "breaches",
                          (json_int_t)db_col_int(s, 6), "enterprises", ent, "problems", prob);
    return o;
}

hg_rc coordinator_removals(db *d, json_t **out, hg_err *err)
{
    json_t *items = NULL;
    *out = NULL;
    hg_rc rc = db_rows_json(d, removal_row, &items, err,
                            "SELECT removal_no, coordinator, successor, reason, removed_by, at_ms, breaches,"
                            " enterprises, problems FROM liaison_coordinator_removals ORDER BY at_ms DESC,"
                            " removal_no DESC LIMIT 200",
                            "");
    if (!rc && !(*out = json_pack("{s:o}", "items", items)))
        rc = nomem(err);
    return rc;
}
