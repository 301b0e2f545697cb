/* problem_store.c — the liaison platform's problems (关企联络平台): raised by an enterprise
 * with links to its own declarations, bills and tax bills and bounded attachments, assigned
 * to its coordinator or its category's queue, and carried through the three firsts (三个第一)
 * by the conversation: known when an officer first opens it, studied at the first reply or
 * plan that cites a policy, solved when the enterprise confirms a resolution (or reopens it
 * with a reason). Every write is one transaction with its event and audit row. The problem's
 * reads are here too (problem_read.c would only split one entity in two). */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../enterprise/enterprise.h"
#include "../platform/audit.h"
#include "../platform/calendar_store.h"
#include "../platform/db_json.h"
#include "../platform/event.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/module.h"
#include "../platform/record.h"
#include "../tax/tax_store.h"
#include "services_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

static int is_enterprise(const principal *p) { return p && p->role == ROLE_ENTERPRISE; }

/* Whether the enterprise may link this document: its own declaration (the view's trader is
 * the consignee or consignor), a bill one of its declarations is on, a tax bill it may see
 * (tax decides), or a later area's document (LIAISON_LINK_KINDS: a certificate). Another's and none get the same answer: existence is not confirmed. */
static hg_rc link_own(const hg_ctx *c, const char *kind, const char *ref, int line, hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = HG_OK;
    const char *uscc = c->who->enterprise;
    if (strcmp(kind, "declaration") == 0) {
        rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM cargo_declarations WHERE entry_no = ? AND trader = ?", "tt",
                    ref, uscc);
    } else if (strcmp(kind, "bill") == 0) {
        rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM cargo_declarations WHERE bill_no = ? AND trader = ?", "tt",
                    ref, uscc);
    } else if (strcmp(kind, "tax_bill") != 0) { /* a later area's kind (LIAISON_LINK_KINDS) */
        size_t at = 0;
        const liaison_link_kind *k = NULL;
        while ((k = modules_extension_next(LIAISON_LINK_KINDS, &at)) && strcmp(k->kind, kind) != 0)
            ;
        int own = 0;
        if (k)
            rc = k->own(c->d, uscc, ref, &own, err);
        n = own;
    } else {
        tax_standing st;
        hg_err terr;
        rc = tax_standing_of(c->d, c->who, ref, c->now_ms, &st, &terr);
        if (rc == HG_OK)
            n = 1;
        else if (rc == HG_NOTFOUND)
            rc = HG_OK;
        else
            *err = terr;
    }
    if (!rc && !n)
        /* TRANSLATORS: 1: line; 2: kind; 3: ref */
        rc = hg_fail(err, HG_INVALID, "not_own", "", "links[%d].ref: %s %s is not one of your enterprise's", line, kind,
                     ref);
    if (rc == HG_INVALID)
        snprintf(err->field, sizeof err->field, "links[%d].ref", line);
    return rc;
}

/* Decodes and checks one attachment: base64, at most LIAISON_ATTACHMENT_MAX bytes, its bytes
 * of the declared type. Its size and SHA-256 (hex) go to the caller. */
static hg_rc attachment_check(const record *a, int line, int64_t *size, char sha_hex[65], hg_err *err)
{
    const char *b64 = record_text(a, "data"), *type = record_text(a, "content_type");
    size_t cap = strlen(b64) / 4 * 3 + 3, n = 0;
    unsigned char *bin = xmalloc(cap);
    if (!bin)
        return nomem(err);
    hg_rc rc = HG_OK;
    const char *end = NULL;
    if (sodium_base642bin(bin, cap, b64, strlen(b64), NULL, &n, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        (end && *end))
        rc = hg_fail(err, HG_INVALID, "invalid", "", "the file must be base64 (RFC 4648)");
    else if (n > LIAISON_ATTACHMENT_MAX)
        /* TRANSLATORS: 1: LIAISON_ATTACHMENT_MAX; 2: n */
        rc = hg_fail(err, HG_INVALID, "attachment_size", "", "a file may have at most %d bytes; this one has %zu",
                     LIAISON_ATTACHMENT_MAX, n);
    else if (!liaison_attachment_type_ok(type, bin, n))
        rc = hg_fail(err, HG_INVALID, "attachment_type", "",
                     "the file is not what its content_type says (%s): PDF, PNG and JPEG files only", type);
    if (!rc) {
        unsigned char h[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(h, bin, n);
        sodium_bin2hex(sha_hex, 65, h, sizeof h);
        *size = (int64_t)n;
    } else {
        snprintf(err->field, sizeof err->field, "attachments[%d].data", line);
    }
    xfree(bin);
    return rc;
}

/* The next number of a year's series: PREFIX + year + 6 digits ("LP2026000001"). */
static hg_rc next_no(db *d, const char *table, const char *key, const char *prefix, int64_t now, char out[16],
                     hg_err *err)
{
    char lo[8], hi[8], sql[160];
    int year = calendar_year_of(now);
    snprintf(lo, sizeof lo, "%.2s%04d", prefix, year % 10000);
    snprintf(hi, sizeof hi, "%.2s%04d", prefix, (year + 1) % 10000);
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM %s WHERE %s >= ? AND %s < ?", table, key, key);
    int64_t n = 0;
    hg_rc rc = db_int(d, &n, err, sql, "tt", lo, hi);
    if (!rc)
        snprintf(out, 16, "%s%06" PRId64, lo, (n + 1) % 1000000);
    return rc;
}

/* The three deadlines of a problem raised at raised_ms, in working hours of the calendar. */
static hg_rc deadlines(db *d, int urgency, int64_t raised_ms, int64_t due[3], hg_err *err)
{
    working_calendar cal;
    hg_rc rc = calendar_load(d, &cal, err);
    if (rc)
        return rc;
    const liaison_sla *s = &liaison_slas[urgency];
    due[0] = services_working_add(&cal, raised_ms, s->known_min);
    due[1] = services_working_add(&cal, raised_ms, s->studied_min);
    due[2] = services_working_add(&cal, raised_ms, s->solved_min);
    calendar_free(&cal);
    return HG_OK;
}

#define PROBLEM_COLUMNS                                                                                                \
    "problem_no, enterprise, category, title, text, urgency, status, assignee, raised_by, raised_ms, known_ms,"        \
    " studied_ms, solved_ms, due_known_ms, due_studied_ms, due_solved_ms, known_by, studied_by, resolved_ms,"          \
    " confirmed_ms, reopened"

static json_t *problem_row(db_stmt *s)
{
    char t[9][40];
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s?, s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?,"
                     " s:s?, s:s?, s:s?, s:s?, s:I}",
                     "problem_no", db_col_text(s, 0), "enterprise", db_col_text(s, 1), "category", db_col_text(s, 2),
                     "title", db_col_text(s, 3), "text", db_col_text(s, 4), "urgency", db_col_text(s, 5), "status",
                     db_col_text(s, 6), "assignee", db_col_null(s, 7) ? NULL : db_col_text(s, 7), "raised_by",
                     db_col_text(s, 8), "raised_at", db_col_time(s, 9, t[0]), "known_at", db_col_time(s, 10, t[1]),
                     "studied_at", db_col_time(s, 11, t[2]), "solved_at", db_col_time(s, 12, t[3]), "due_known_at",
                     db_col_time(s, 13, t[4]), "due_studied_at", db_col_time(s, 14, t[5]), "due_solved_at",
                     db_col_time(s, 15, t[6]), "known_by", db_col_null(s, 16) ? NULL : db_col_text(s, 16), "studied_by",
                     db_col_null(s, 17) ? NULL : db_col_text(s, 17), "resolved_at", db_col_time(s, 18, t[7]),
                     "confirmed_at", db_col_time(s, 19, t[8]), "reopened", (json_int_t)db_col_int(s, 20));
}

/* The state of one first's clock as of now: met, breached (reached late, or not reached and
 * past due), running. Minutes are working minutes from raising. */
static json_t *clock_json(const working_calendar *cal, int64_t raised, const char *due_s, const char *at_s, int64_t now)
{
    int64_t due = 0, at = 0;
    time_parse_rfc3339(due_s, &due);
    if (at_s)
        time_parse_rfc3339(at_s, &at);
    const char *state = at ? (at <= due ? "met" : "breached") : (now > due ? "breached" : "running");
    return json_pack("{s:s, s:s?, s:s, s:I, s:I}", "due_at", due_s, "at", at_s, "state", state, "working_minutes",
                     (json_int_t)services_working_minutes(cal, raised, at ? at : now), "sla_minutes",
                     (json_int_t)services_working_minutes(cal, raised, due));
}

/* Adds the clocks of the three firsts to a problem's JSON. */
static hg_rc put_clocks(const working_calendar *cal, json_t *p, int64_t now, hg_err *err)
{
    int64_t raised = 0;
    time_parse_rfc3339(json_string_value(json_object_get(p, "raised_at")), &raised);
    /* solved's clock stops at a resolution given, even before the enterprise confirms it */
    const char *solved = json_string_value(json_object_get(p, "solved_at"));
    if (!solved && strcmp(json_string_value(json_object_get(p, "status")), LIAISON_RESOLVED) == 0)
        solved = json_string_value(json_object_get(p, "resolved_at"));
    json_t *clocks = json_pack(
        "{s:o, s:o, s:o}", "known",
        clock_json(cal, raised, json_string_value(json_object_get(p, "due_known_at")),
                   json_string_value(json_object_get(p, "known_at")), now),
        "studied",
        clock_json(cal, raised, json_string_value(json_object_get(p, "due_studied_at")),
                   json_string_value(json_object_get(p, "studied_at")), now),
        "solved", clock_json(cal, raised, json_string_value(json_object_get(p, "due_solved_at")), solved, now));
    if (!clocks || json_object_set_new(p, "clocks", clocks))
        return nomem(err);
    return HG_OK;
}

/* The clocks of every problem of an array (one load of the calendar). */
static hg_rc add_clocks(db *d, json_t *problems, int64_t now, hg_err *err)
{
    working_calendar cal;
    hg_rc rc = calendar_load(d, &cal, err);
    size_t i;
    json_t *p;
    json_array_foreach(problems, i, p)
    {
        if (!rc)
            rc = put_clocks(&cal, p, now, err);
    }
    calendar_free(&cal);
    return rc;
}

/* Loads a problem row who may see: 404 for an enterprise's other problems (not confirmed). */
static hg_rc load(db *d, const principal *who, const char *no, json_t **out, hg_err *err)
{
    return db_row_json(d, problem_row, out, "problem_no", "no such problem", err,
                       "SELECT " PROBLEM_COLUMNS " FROM liaison_problems WHERE problem_no = ?"
                       " AND (CAST(? AS TEXT) IS NULL OR enterprise = ?)",
                       "ttt", no, is_enterprise(who) ? who->enterprise : NULL,
                       is_enterprise(who) ? who->enterprise : NULL);
}

hg_rc problem_raise(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&liaison_problem_record, body, REC_CREATE, &r, err);
    if (!rc && !is_enterprise(c->who))
        rc = hg_fail(err, HG_FORBIDDEN, "forbidden", "", "an enterprise raises its own problems");
    int na = 0, nl = 0;
    const record *att = rc ? NULL : record_list(&r, "attachments", &na);
    const record *links = rc ? NULL : record_list(&r, "links", &nl);
    int64_t sizes[LIAISON_ATTACHMENTS_MAX];
    char shas[LIAISON_ATTACHMENTS_MAX][65];
    for (int i = 0; i < na && !rc; i++)
        rc = attachment_check(&att[i], i, &sizes[i], shas[i], err);
    int urgency = liaison_urgency_index(record_text(&r, "urgency"));
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    for (int i = 0; i < nl && !rc; i++)
        rc = link_own(c, record_text(&links[i], "kind"), record_text(&links[i], "ref"), i, err);
    char no[16], coordinator[64] = "";
    int64_t due[3];
    if (!rc)
        rc = enterprise_coordinator(c->d, c->who->enterprise, coordinator, sizeof coordinator, err);
    if (!rc)
        rc = next_no(c->d, "liaison_problems", "problem_no", "LP", c->now_ms, no, err);
    if (!rc)
        rc = deadlines(c->d, urgency, c->now_ms, due, err);
    if (!rc && (record_set_text(&r, "problem_no", no) || record_set_text(&r, "enterprise", c->who->enterprise) ||
                record_set_text(&r, "status", LIAISON_RAISED) ||
                record_set_text(&r, "assignee", coordinator[0] ? coordinator : NULL) ||
                record_set_text(&r, "raised_by", c->actor) || record_set_int(&r, "raised_at", c->now_ms) ||
                record_set_int(&r, "due_known_at", due[0]) || record_set_int(&r, "due_studied_at", due[1]) ||
                record_set_int(&r, "due_solved_at", due[2])))
        rc = nomem(err);
    if (!rc)
        rc = record_insert(c->d, &r, err);
    if (!rc)
        rc = db_run(c->d, err, "UPDATE liaison_problems SET updated_ms = ? WHERE problem_no = ?", "it", c->now_ms, no);
    for (int i = 0; i < na && !rc; i++)
        rc = db_run(c->d, err,
                    "UPDATE liaison_attachments SET size = ?, sha256 = ? WHERE problem_no = ? AND line_no = ?", "itti",
                    sizes[i], shas[i], no, (int64_t)i + 1);
    json_t *after = NULL;
    if (!rc)
        rc = load(c->d, NULL, no, &after, err);
    if (!rc)
        rc = event_emit_about(c->d, "liaison.raised", "liaison_problem", no, c->who->enterprise, c->actor,
                              c->request_id, NULL, err);
    rc = audit_commit(c, rc, "liaison.raise", "liaison_problem", no, NULL, after, err);
    json_decref(after);
    if (!rc)
        rc = problem_get(c->d, c->who, no, c->now_ms, out, err);
out:
    record_free(&r);
    return rc;
}

/* The body of a step, parsed with its field table; the message's kind and policy as the
 * step allows them. Sets *kind (stored), *internal, *policy (borrowed from r or NULL). */
static hg_rc step_body(const hg_ctx *c, liaison_action *action, const json_t *body, record *r, const char **kind,
                       const char **text, const char **policy, hg_err *err)
{
    hg_rc rc = HG_OK;
    int ent = is_enterprise(c->who);
    *text = *policy = NULL;
    switch (*action) {
    case LIAISON_OPEN: *kind = NULL; return HG_OK;
    case LIAISON_REOPEN:
        rc = record_from_json(&liaison_reason_record, body, REC_CREATE, r, err);
        *kind = "reopening";
        *text = rc ? NULL : record_text(r, "reason");
        return rc;
    case LIAISON_ASSIGN:
        rc = record_from_json(&liaison_assignment_record, body, REC_CREATE, r, err);
        *kind = "assignment";
        *text = rc ? NULL : record_text(r, "reason");
        return rc;
    case LIAISON_CONFIRM:
        *kind = "confirmation";
        *text = "";
        if (!body)
            return HG_OK;
        break;
    default: break;
    }
    if ((rc = record_from_json(&liaison_message_record, body, REC_CREATE, r, err)))
        return rc;
    const char *k = record_text(r, "kind");
    *text = record_text(r, "text");
    *policy = record_text(r, "policy");
    if (*action == LIAISON_RESOLVE || *action == LIAISON_CONFIRM) {
        if (k)
            return hg_fail(err, HG_INVALID, "invalid", "kind", "kind is given by the step, not sent");
        if (*action == LIAISON_CONFIRM && *policy)
            return hg_fail(err, HG_INVALID, "invalid", "policy",
                           "the enterprise confirms; the policy is the officer's");
        *kind = *action == LIAISON_RESOLVE ? "resolution" : "confirmation";
        return HG_OK;
    }
    /* the conversation: an enterprise writes messages; an officer replies, plans or notes */
    if (ent) {
        if (k && strcmp(k, "message") != 0)
            return hg_fail(err, HG_INVALID, "invalid", "kind", "an enterprise writes messages (kind message)");
        if (*policy)
            return hg_fail(err, HG_INVALID, "invalid", "policy", "a policy is cited by the officer who answers");
        *action = LIAISON_MESSAGE;
        *kind = "message";
        return HG_OK;
    }
    if (k && strcmp(k, "reply") && strcmp(k, "plan") && strcmp(k, "note"))
        return hg_fail(err, HG_INVALID, "invalid", "kind", "an officer writes a reply, a plan or a note");
    if (k && strcmp(k, "plan") == 0 && !*policy)
        return hg_fail(err, HG_INVALID, "policy_required", "policy", "a plan cites the policy it rests on");
    *kind = k ? k : "reply";
    if (strcmp(*kind, "note") == 0)
        *action = LIAISON_NOTE;
    return HG_OK;
}

static const char *step_event(liaison_action a)
{
    switch (a) {
    case LIAISON_OPEN: return "liaison.opened";
    case LIAISON_REPLY: return "liaison.replied";
    case LIAISON_NOTE: return "liaison.noted";
    case LIAISON_MESSAGE: return "liaison.message";
    case LIAISON_RESOLVE: return "liaison.resolved";
    case LIAISON_CONFIRM: return "liaison.solved";
    case LIAISON_REOPEN: return "liaison.reopened";
    case LIAISON_ASSIGN: return "liaison.reassigned";
    }
    return "liaison.changed";
}

hg_rc problem_act(const hg_ctx *c, const char *problem_no, liaison_action action, const json_t *body, json_t **out,
                  hg_err *err)
{
    record r = {0};
    json_t *before = NULL, *after = NULL;
    const char *kind = NULL, *text = NULL, *policy = NULL, *next = NULL;
    *out = NULL;
    hg_rc rc = step_body(c, &action, body, &r, &kind, &text, &policy, err);
    int officer = !is_enterprise(c->who);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = load(c->d, c->who, problem_no, &before, err);
    const char *status = rc ? NULL : json_string_value(json_object_get(before, "status"));
    if (!rc)
        rc = liaison_next(status, action, policy != NULL, &next, err);
    /* a reassignment names an active officer, or none: back to the category's queue */
    const char *assignee = action == LIAISON_ASSIGN ? record_text(&r, "assignee") : NULL;
    if (!rc && assignee) {
        int yes = 0;
        rc = user_is_active_officer(c->d, assignee, &yes, err);
        if (!rc && !yes)
            rc = hg_fail(err, HG_INVALID, "invalid", "assignee", "assignee must be an active officer's user name");
    }
    const char *was = rc ? NULL : json_string_value(json_object_get(before, "assignee"));
    if (!rc && action == LIAISON_ASSIGN && ((assignee && was && strcmp(assignee, was) == 0) || (!assignee && !was)))
        rc = hg_fail(err, HG_CONFLICT, "conflict", "assignee", "the problem is already %s",
                     assignee ? assignee : "in its category's queue");
    /* the firsts: known at an officer's first step, studied at the first step reaching it */
    if (!rc && officer)
        rc = db_run(c->d, err,
                    "UPDATE liaison_problems SET known_ms = COALESCE(known_ms, ?), known_by = COALESCE(known_by, ?),"
                    " assignee = COALESCE(assignee, ?) WHERE problem_no = ?",
                    "ittt", c->now_ms, c->actor, action == LIAISON_OPEN ? c->actor : NULL, problem_no);
    if (!rc && officer && strcmp(next, LIAISON_STUDIED) == 0)
        rc = db_run(c->d, err,
                    "UPDATE liaison_problems SET studied_ms = COALESCE(studied_ms, ?),"
                    " studied_by = COALESCE(studied_by, ?) WHERE problem_no = ?",
                    "itt", c->now_ms, c->actor, problem_no);
    if (!rc && action == LIAISON_RESOLVE)
        rc = db_run(c->d, err, "UPDATE liaison_problems SET resolved_ms = ? WHERE problem_no = ?", "it", c->now_ms,
                    problem_no);
    if (!rc && action == LIAISON_CONFIRM)
        rc = db_run(c->d, err,
                    "UPDATE liaison_problems SET solved_ms = resolved_ms, confirmed_ms = ? WHERE problem_no = ?", "it",
                    c->now_ms, problem_no);
    if (!rc && action == LIAISON_REOPEN)
        rc = db_run(c->d, err,
                    "UPDATE liaison_problems SET resolved_ms = NULL, solved_ms = NULL, confirmed_ms = NULL,"
                    " reopened = reopened + 1 WHERE problem_no = ?",
                    "t", problem_no);
    if (!rc && action == LIAISON_ASSIGN)
        rc = db_run(c->d, err, "UPDATE liaison_problems SET assignee = ? WHERE problem_no = ?", "tt", assignee,
                    problem_no);
    if (!rc)
        rc = db_run(c->d, err, "UPDATE liaison_problems SET status = ?, updated_ms = ? WHERE problem_no = ?", "tit",
                    next, c->now_ms, problem_no);
    /* the conversation keeps every step but the opening */
    int internal = action == LIAISON_NOTE || action == LIAISON_ASSIGN;
    if (!rc && kind) {
        int64_t n = 0;
        char id[32];
        rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM liaison_messages WHERE problem_no = ?", "t", problem_no);
        snprintf(id, sizeof id, "%s-%03" PRId64, problem_no, n + 1);
        char who_text[160];
        snprintf(who_text, sizeof who_text, "%s%s%s", assignee ? "→ " : "", assignee ? assignee : "",
                 assignee ? ": " : "");
        if (!rc && action == LIAISON_ASSIGN) {
            char *t = xmalloc(strlen(who_text) + strlen(text) + 1);
            if (!t) {
                rc = nomem(err);
            } else {
                snprintf(t, strlen(who_text) + strlen(text) + 1, "%s%s", who_text, text);
                rc = db_run(c->d, err,
                            "INSERT INTO liaison_messages (id, problem_no, kind, text, policy, author, side, internal,"
                            " at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            "tttttttii", id, problem_no, kind, t, policy, c->actor, "customs", (int64_t)internal,
                            c->now_ms);
                xfree(t);
            }
        } else if (!rc) {
            rc = db_run(
                c->d, err,
                "INSERT INTO liaison_messages (id, problem_no, kind, text, policy, author, side, internal, at_ms)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "tttttttii", id, problem_no, kind, text ? text : "", policy, c->actor,
                officer ? "customs" : "enterprise", (int64_t)internal, c->now_ms);
        }
    }
    if (!rc)
        rc = load(c->d, NULL, problem_no, &after, err);
    if (!rc)
        rc = event_emit_about(c->d, step_event(action), "liaison_problem", problem_no,
                              internal ? NULL : json_string_value(json_object_get(before, "enterprise")), c->actor,
                              c->request_id, NULL, err);
    rc = audit_commit(c, rc, step_event(action), "liaison_problem", problem_no, before, after, err);
    if (!rc)
        rc = problem_get(c->d, c->who, problem_no, c->now_ms, out, err);
out:
    json_decref(before);
    json_decref(after);
    record_free(&r);
    return rc;
}

static json_t *link_row(db_stmt *s)
{
    return json_pack("{s:s, s:s}", "kind", db_col_text(s, 0), "ref", db_col_text(s, 1));
}

static json_t *attachment_row(db_stmt *s)
{
    return json_pack("{s:I, s:s, s:s, s:I, s:s}", "line_no", (json_int_t)db_col_int(s, 0), "name", db_col_text(s, 1),
                     "content_type", db_col_text(s, 2), "size", (json_int_t)db_col_int(s, 3), "sha256",
                     db_col_text(s, 4));
}

static json_t *message_row(db_stmt *s)
{
    char at[40];
    return json_pack("{s:s, s:s, s:s, s:s?, s:s, s:s, s:b, s:s?}", "id", db_col_text(s, 0), "kind", db_col_text(s, 1),
                     "text", db_col_text(s, 2), "policy", db_col_null(s, 3) ? NULL : db_col_text(s, 3), "author",
                     db_col_text(s, 4), "side", db_col_text(s, 5), "internal", (int)db_col_int(s, 6), "at",
                     db_col_time(s, 7, at));
}

static json_t *escalation_row(db_stmt *s)
{
    char due[40], at[40];
    return json_pack("{s:s, s:s?, s:s?, s:s?}", "stage", db_col_text(s, 0), "assignee",
                     db_col_null(s, 1) ? NULL : db_col_text(s, 1), "due_at", db_col_time(s, 2, due), "escalated_at",
                     db_col_time(s, 3, at));
}

hg_rc problem_get(db *d, const principal *who, const char *problem_no, int64_t now, json_t **out, hg_err *err)
{
    json_t *p = NULL, *links = NULL, *att = NULL, *msgs = NULL, *esc = NULL;
    hg_rc rc = load(d, who, problem_no, &p, err);
    if (!rc)
        rc = db_rows_json(d, link_row, &links, err,
                          "SELECT kind, ref FROM liaison_links WHERE problem_no = ? ORDER BY line_no", "t", problem_no);
    if (!rc)
        rc = db_rows_json(d, attachment_row, &att, err,
                          "SELECT line_no, name, content_type, COALESCE(size, 0), COALESCE(sha256, '')"
                          " FROM liaison_attachments WHERE problem_no = ? ORDER BY line_no",
                          "t", problem_no);
    /* internal notes and reassignments are for officers only */
    if (!rc)
        rc = db_rows_json(d, message_row, &msgs, err,
                          "SELECT id, kind, text, policy, author, side, internal, at_ms FROM liaison_messages"
                          " WHERE problem_no = ? AND (internal = 0 OR ? = 0) ORDER BY at_ms, id",
                          "ti", problem_no, (int64_t)is_enterprise(who));
    if (!rc)
        rc = db_rows_json(d, escalation_row, &esc, err,
                          "SELECT stage, assignee, due_ms, at_ms FROM liaison_escalations WHERE problem_no = ?"
                          " ORDER BY at_ms, stage",
                          "t", problem_no);
    if (!rc && (json_object_set_new(p, "links", links) || json_object_set_new(p, "attachments", att) ||
                json_object_set_new(p, "messages", msgs) || json_object_set_new(p, "escalations", esc)))
        rc = nomem(err);
    else if (rc) {
        json_decref(links);
        json_decref(att);
        json_decref(msgs);
        json_decref(esc);
    }
    json_t *one = rc ? NULL : json_pack("[O]", p);
    if (!rc && !one)
        rc = nomem(err);
    if (!rc)
        rc = add_clocks(d, one, now, err);
    json_decref(one);
    if (rc) {
        json_decref(p);
        p = NULL;
    }
    *out = p;
    return rc;
}

hg_rc problem_attachment(db *d, const principal *who, const char *problem_no, int64_t line, unsigned char **data,
                         size_t *n, char type[32], hg_err *err)
{
    json_t *p = NULL;
    *data = NULL;
    hg_rc rc = load(d, who, problem_no, &p, err);
    json_decref(p);
    db_stmt *s = NULL;
    if (!rc)
        rc = db_query(d, &s, err,
                      "SELECT content_type, data FROM liaison_attachments WHERE problem_no = ? AND line_no = ?", "ti",
                      problem_no, line);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        const char *b64 = db_col_text(s, 1);
        size_t cap = strlen(b64) / 4 * 3 + 3;
        snprintf(type, 32, "%s", db_col_text(s, 0));
        *data = xmalloc(cap);
        if (!*data)
            rc = nomem(err);
        else if (sodium_base642bin(*data, cap, b64, strlen(b64), NULL, n, NULL, sodium_base64_VARIANT_ORIGINAL) != 0)
            rc = hg_fail(err, HG_INTERNAL, NULL, NULL, "a stored attachment does not decode");
        else
            rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "line", "the problem has no attachment %" PRId64, line);
    }
    if (s)
        db_reset(s);
    if (rc) {
        xfree(*data);
        *data = NULL;
    }
    return rc;
}

const char *const problem_sortable[] = {"problem_no", "raised_at", "status", "urgency", "category", "enterprise", NULL};
/* their columns, in the same order */
static const char *const problem_sort_column[] = {"problem_no", "raised_ms", "status",
                                                  "urgency",    "category",  "enterprise"};

/* The conditions of a problems list, each ? pair taking the same value (NULL: no condition). */
#define PROBLEM_WHERE                                                                                                  \
    " WHERE (CAST(? AS TEXT) IS NULL OR enterprise = ?) AND (CAST(? AS TEXT) IS NULL OR status = ?)"                   \
    " AND (CAST(? AS TEXT) IS NULL OR category = ?) AND (CAST(? AS TEXT) IS NULL OR assignee = ?)"                     \
    " AND (CAST(? AS TEXT) IS NULL OR urgency = ?) AND (? = 0 OR assignee IS NULL)"                                    \
    " AND (? = 0 OR EXISTS (SELECT 1 FROM liaison_escalations e WHERE e.problem_no = liaison_problems.problem_no))"    \
    " AND (CAST(? AS TEXT) IS NULL OR LOWER(problem_no) LIKE ? OR LOWER(title) LIKE ? OR LOWER(enterprise) LIKE ?)"    \
    " AND (CAST(? AS TEXT) IS NULL OR problem_no < ?)"
#define PROBLEM_WHERE_ARGS(ent, q, pattern, cursor)                                                                    \
    ent, ent, q->status, q->status, q->category, q->category, q->assignee, q->assignee, q->urgency, q->urgency,        \
        (int64_t)q->queue, (int64_t)q->breach, pattern, pattern, pattern, pattern, cursor, cursor

hg_rc problem_list(db *d, const principal *who, const problem_query *q, int64_t now, json_t **out, hg_err *err)
{
    json_t *items = NULL;
    const char *ent = is_enterprise(who) ? who->enterprise : q->enterprise;
    const char *cursor = q->list.sort || q->list.offset ? NULL : q->list.cursor;
    int sort = -1;
    for (int k = 0; q->list.sort && problem_sortable[k]; k++)
        if (strcmp(q->list.sort, problem_sortable[k]) == 0)
            sort = k;
    *out = NULL;
    char *pattern = q->list.q ? record_search_pattern(q->list.q) : NULL;
    if (q->list.q && !pattern)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    /* a sort first (rows without a value last, on both backends), then the newest */
    char order[160] = " ORDER BY problem_no DESC";
    if (sort >= 0)
        snprintf(order, sizeof order, " ORDER BY (%s IS NULL), %s%s, problem_no DESC", problem_sort_column[sort],
                 problem_sort_column[sort], q->list.sort_desc ? " DESC" : "");
    char sql[2048];
    snprintf(sql, sizeof sql, "SELECT " PROBLEM_COLUMNS " FROM liaison_problems" PROBLEM_WHERE "%s LIMIT ? OFFSET ?",
             order);
    hg_rc rc =
        db_rows_json(d, problem_row, &items, err, sql, "ttttttttttiittttttii",
                     PROBLEM_WHERE_ARGS(ent, q, pattern, cursor), (int64_t)q->list.limit + 1, (int64_t)q->list.offset);
    int64_t total = 0;
    if (!rc && q->list.with_total)
        rc = db_int(d, &total, err, "SELECT COUNT(*) FROM liaison_problems" PROBLEM_WHERE, "ttttttttttiitttttt",
                    PROBLEM_WHERE_ARGS(ent, q, pattern, (const char *)NULL));
    xfree(pattern);
    size_t i;
    json_t *p;
    json_array_foreach(items, i, p)
    {
        json_object_del(p, "text"); /* a list shows titles; the text is the problem's page */
    }
    if (!rc)
        rc = add_clocks(d, items, now, err);
    if (!rc)
        rc = json_page_of(items, q->list.limit, "problem_no", out, err);
    else
        json_decref(items);
    if (!rc)
        rc = record_page_numbered(out, q->list.sort || q->list.offset, q->list.with_total, total, err);
    return rc;
}
