/* services_api.c — HTTP handlers of enterprise services and their route table: the liaison
 * platform's problems (raised and followed by enterprises, answered by liaison officers), its
 * visits, campaigns, coordinators and statistics (managers read them too: the manager post
 * reads every area). Handlers parse, call the store, answer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/calendar.h"
#include "../platform/http.h"
#include "../platform/http_negotiate.h"
#include "../platform/json.h"
#include "../platform/list_query.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "services_store.h"

static hg_rc problems_raise_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = problem_raise(&c, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

/* The filters of a problems list or export (paged: with its pages, docs/api/lists.md). */
static hg_rc problems_filter_parse(req *r, int paged, problem_query *q, hg_err *err)
{
    *q = (problem_query){.status = req_query(r, "status"),
                         .category = req_query(r, "category"),
                         .assignee = req_query(r, "assignee"),
                         .enterprise = req_query(r, "enterprise"),
                         .urgency = req_query(r, "urgency")};
    const char *queue = req_query(r, "queue");
    if (queue && strcmp(queue, "true") && strcmp(queue, "false"))
        return hg_fail(err, HG_INVALID, "invalid", "queue", "queue must be true or false");
    q->queue = queue && strcmp(queue, "true") == 0;
    const char *breach = req_query(r, "breach");
    if (breach && strcmp(breach, "true") && strcmp(breach, "false"))
        return hg_fail(err, HG_INVALID, "invalid", "breach", "breach must be true or false");
    q->breach = breach && strcmp(breach, "true") == 0;
    return list_query_parse(r, problem_sortable, paged, &q->list, err);
}

static hg_rc problems_list_api(req *r, hg_err *err)
{
    problem_query q;
    json_t *out = NULL;
    hg_rc rc = problems_filter_parse(r, 1, &q, err);
    if (!rc)
        rc = problem_list(r->db, r->who, &q, now_ms(), &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc problems_export_api(req *r, hg_err *err)
{
    static const char *const columns[] = {"problem_no", "enterprise", "category",    "title",     "urgency",
                                          "status",     "assignee",   "raised_by",   "raised_at", "known_at",
                                          "studied_at", "solved_at",  "resolved_at", NULL};
    problem_query q;
    json_t *out = NULL;
    hg_rc rc = problems_filter_parse(r, 0, &q, err);
    if (rc)
        return rc;
    q.list.limit = LIST_EXPORT_MAX;
    q.list.with_total = 1; /* more rows than one export holds: refused, nothing written */
    if (!(rc = problem_list(r->db, r->who, &q, now_ms(), &out, err)))
        rc = list_export_json(r, "liaison_problems", out, columns, "liaison_problem.export", err);
    json_decref(out);
    return rc;
}

static hg_rc problem_get_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = problem_get(r->db, r->who, r->params[0], now_ms(), &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc attachment_api(req *r, hg_err *err)
{
    char *end;
    long line = strtol(r->params[1], &end, 10);
    if (*end || line < 1 || line > LIAISON_ATTACHMENTS_MAX)
        return hg_fail(err, HG_NOTFOUND, "not_found", "line", "no such attachment");
    unsigned char *data = NULL;
    size_t n = 0;
    char type[32];
    hg_rc rc = problem_attachment(r->db, r->who, r->params[0], line, &data, &n, type, err);
    /* the reply keeps the type's pointer: one of the static names the field table admits */
    static const char *const types[] = {"application/pdf", "image/png", "image/jpeg"};
    const char *ct = "application/octet-stream";
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(type, types[i]) == 0)
            ct = types[i];
    if (!rc)
        rc = req_reply_raw(r, 200, ct, data, n);
    xfree(data);
    return rc;
}

/* One step of a problem: its body as the step takes it; 201 for an added message. */
static hg_rc step(req *r, liaison_action a, int body_required, int status, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = body_required ? req_need_json(r, err) : HG_OK;
    if (!rc)
        rc = problem_act(&c, r->params[0], a, r->json, &out, err);
    return rc ? rc : req_reply_json(r, status, out);
}

static hg_rc open_api(req *r, hg_err *err) { return step(r, LIAISON_OPEN, 0, 200, err); }
static hg_rc message_api(req *r, hg_err *err) { return step(r, LIAISON_REPLY, 1, 201, err); }
static hg_rc resolve_api(req *r, hg_err *err) { return step(r, LIAISON_RESOLVE, 1, 200, err); }
static hg_rc confirm_api(req *r, hg_err *err) { return step(r, LIAISON_CONFIRM, 0, 200, err); }
static hg_rc reopen_api(req *r, hg_err *err) { return step(r, LIAISON_REOPEN, 1, 200, err); }
static hg_rc assign_api(req *r, hg_err *err) { return step(r, LIAISON_ASSIGN, 1, 200, err); }

/* from and to: local dates, both included (default: the last 30 days to today). */
static hg_rc period(req *r, int64_t *from, int64_t *to, hg_err *err)
{
    const char *f = req_query(r, "from"), *t = req_query(r, "to");
    int64_t today = calendar_day_of(now_ms()), a = today - 29, b = today;
    if (f && calendar_parse_date(f, &a))
        return hg_fail(err, HG_INVALID, "invalid", "from", "from must be a date YYYY-MM-DD");
    if (t && calendar_parse_date(t, &b))
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be a date YYYY-MM-DD");
    if (b < a || b - a > 3660)
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be from from to ten years after it");
    *from = calendar_day_start_ms(a);
    *to = calendar_day_start_ms(b + 1);
    return HG_OK;
}

static hg_rc statistics_api(req *r, hg_err *err)
{
    const char *by = req_query(r, "by");
    if (!by)
        by = "category";
    if (strcmp(by, "category") && strcmp(by, "coordinator") && strcmp(by, "month"))
        return hg_fail(err, HG_INVALID, "invalid", "by", "by is category, coordinator or month");
    int64_t from = 0, to = 0;
    json_t *out = NULL;
    hg_rc rc = period(r, &from, &to, err);
    if (!rc)
        rc = liaison_statistics(r->db, from, to, by, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc coordinators_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = liaison_coordinators(r->db, req_query(r, "coordinator"), &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

/* A manager removes a coordinator who delays (issue 20); {officer} is the coordinator's user. */
static hg_rc coordinator_remove_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc && strlen(r->params[0]) > 63)
        rc = hg_fail(err, HG_NOTFOUND, "not_coordinator", "coordinator", "no such coordinator");
    if (!rc)
        rc = coordinator_remove(&c, r->params[0], r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc coordinator_removals_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = coordinator_removals(r->db, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc draft_create_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = draft_save(&c, NULL, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc draft_update_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = draft_save(&c, r->params[0], r->json, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc draft_discard_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    hg_rc rc = draft_discard(&c, r->params[0], err);
    return rc ? rc : req_reply_json(r, 200, json_pack("{s:s, s:b}", "draft_no", r->params[0], "discarded", 1));
}

static hg_rc draft_get_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = draft_get(r->db, r->who, r->params[0], &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc draft_list_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = draft_list(r->db, r->who, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc visit_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = visit_record(&c, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc visits_api(req *r, hg_err *err)
{
    int limit = 0;
    json_t *out = NULL;
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    if (!rc)
        rc = visit_list(r->db, req_query(r, "enterprise"), req_query(r, "campaign"), req_query(r, "cursor"), limit,
                        &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc campaigns_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = campaign_list(r->db, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc hs_search_api(req *r, hg_err *err)
{
    const char *q = req_query(r, "q");
    int limit = 0;
    json_t *out = NULL;
    if (!q || !*q || strlen(q) > 100)
        return hg_fail(err, HG_INVALID, "invalid", "q", "q is 1 to 100 bytes: words in Chinese or English, or a code");
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    if (!rc)
        rc = nav_search_json(q, limit > 50 ? 50 : limit, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc hs_node_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = nav_node_json(r->params[0], &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

/* 1 when the request prefers Chinese (the default), as the error answers choose (http.c) */
static int zh_wanted(req *r)
{
    static const char *const offered[] = {"zh", "en", NULL};
    return http_pick_language(req_header(r, "Accept-Language"), offered) == 0;
}

static hg_rc precheck_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = nav_precheck(r->db, r->who, r->json, now_ms(), zh_wanted(r), &out, err);
    if (!rc)
        rc = req_add_header(r, "Vary", "Accept-Language");
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc ruling_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = ruling_issue(&c, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc rulings_api(req *r, hg_err *err)
{
    const char *valid = req_query(r, "valid");
    if (valid && strcmp(valid, "true") && strcmp(valid, "false"))
        return hg_fail(err, HG_INVALID, "invalid", "valid", "valid must be true or false");
    json_t *out = NULL;
    hg_rc rc = ruling_list(r->db, r->who, req_query(r, "enterprise"), req_query(r, "hs_code"),
                           valid && strcmp(valid, "true") == 0, now_ms(), &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

/* from and to: months YYYY-MM (default: the last twelve to this one), at most five years. */
static hg_rc aeo_api(req *r, hg_err *err)
{
    const char *f = req_query(r, "from"), *t = req_query(r, "to");
    int64_t today = calendar_day_of(now_ms()), a = today - 335, b = today;
    char buf[16];
    if (f && (strlen(f) != 7 || (snprintf(buf, sizeof buf, "%s-01", f), calendar_parse_date(buf, &a))))
        return hg_fail(err, HG_INVALID, "invalid", "from", "from must be a month YYYY-MM");
    if (t && (strlen(t) != 7 || (snprintf(buf, sizeof buf, "%s-01", t), calendar_parse_date(buf, &b))))
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be a month YYYY-MM");
    if (b < a || b - a > 5 * 366)
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be from from to five years after it");
    json_t *out = NULL;
    hg_rc rc = aeo_facilitation(r->db, a, b, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc levels_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = aeo_level_history(r->db, r->params[0], &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc audit_plan_draw_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    json_t *out = NULL;
    hg_rc rc = r->json ? aeo_audit_plan_draw(&c, r->json, &out, err)
                       : hg_fail(err, HG_INVALID, "required", "year", "a JSON body with the plan's year is required");
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc audit_plan_get_api(req *r, hg_err *err)
{
    char *end;
    long long year = strtoll(r->params[0], &end, 10);
    if (*end || year < 1900 || year > 9999)
        return hg_fail(err, HG_NOTFOUND, "not_found", "year", "no audit plan for %s", r->params[0]);
    json_t *out = NULL;
    hg_rc rc = aeo_audit_plan_get(r->db, year, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

#define PROBLEM "/api/v1/liaison/problems/{problem_no}"

const route services_routes[] = {
    {.method = "POST",
     .pattern = "/api/v1/liaison/problems",
     .fn = problems_raise_api,
     .scope = "liaison",
     .roles = ROLE_ENTERPRISE,
     .body = &liaison_problem_record,
     .status = 201,
     .summary = "raise a problem with customs (关企联络): category, text, urgency, own documents, attachments"},
    {.method = "GET",
     .pattern = "/api/v1/liaison/problems",
     .fn = problems_list_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER | ROLE_ENTERPRISE,
     .posts = POST_LIAISON,
     .query = "status,category,assignee,enterprise,urgency,queue,breach," LIST_QUERY,
     .summary = "problems, newest first, with the clock of each first (an enterprise: its own)"},
    {.method = "POST",
     .pattern = "/api/v1/liaison/problems/export",
     .fn = problems_export_api,
     .flags = ROUTE_DIRECT,
     .scope = "liaison",
     .roles = ROLE_OFFICER | ROLE_ENTERPRISE,
     .posts = POST_LIAISON,
     .query = "status,category,assignee,enterprise,urgency,queue,breach," LIST_EXPORT_QUERY,
     .summary = "the filtered problems as CSV (at most 10,000 rows; audited)"},
    {.method = "GET",
     .pattern = PROBLEM,
     .fn = problem_get_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER | ROLE_ENTERPRISE,
     .posts = POST_LIAISON,
     .summary = "a problem with its links, attachments, conversation, escalations and clocks"},
    {.method = "GET",
     .pattern = PROBLEM "/attachments/{line}",
     .fn = attachment_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER | ROLE_ENTERPRISE,
     .posts = POST_LIAISON,
     .summary = "the file of an attachment"},
    {.method = "POST",
     .pattern = PROBLEM "/open",
     .fn = open_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_LIAISON,
     .summary = "an officer opens a problem: known (第一时间获知) the first time"},
    {.method = "POST",
     .pattern = PROBLEM "/messages",
     .fn = message_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER | ROLE_ENTERPRISE,
     .posts = POST_LIAISON,
     .body = &liaison_message_record,
     .status = 201,
     .summary = "the conversation: a reply, plan or internal note (officer), a message (enterprise)"},
    {.method = "POST",
     .pattern = PROBLEM "/resolution",
     .fn = resolve_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_LIAISON,
     .body = &liaison_message_record,
     .summary = "an officer's resolution, for the enterprise to confirm"},
    {.method = "POST",
     .pattern = PROBLEM "/confirm",
     .fn = confirm_api,
     .scope = "liaison",
     .roles = ROLE_ENTERPRISE,
     .body = &liaison_message_record,
     .summary = "the enterprise confirms the resolution: solved (第一时间解决)"},
    {.method = "POST",
     .pattern = PROBLEM "/reopen",
     .fn = reopen_api,
     .scope = "liaison",
     .roles = ROLE_ENTERPRISE,
     .body = &liaison_reason_record,
     .summary = "the enterprise reopens a resolved problem, with its reason"},
    {.method = "POST",
     .pattern = PROBLEM "/assign",
     .fn = assign_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_LIAISON,
     .body = &liaison_assignment_record,
     .summary = "reassign a problem to an officer, or back to its category's queue, with a reason"},
    {.method = "GET",
     .pattern = "/api/v1/liaison/statistics",
     .fn = statistics_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_LIAISON,
     .query = "from,to,by",
     .summary = "problems collected and solved, solve rate, median and p90 to each first, breaches"},
    {.method = "GET",
     .pattern = "/api/v1/liaison/coordinators",
     .fn = coordinators_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_LIAISON,
     .query = "coordinator",
     .summary = "coordinators (百人千企) with their enterprises, open problems and breaches"},
    {.method = "POST",
     .pattern = "/api/v1/liaison/coordinators/{officer}/removal",
     .fn = coordinator_remove_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_MANAGER,
     .body = &liaison_removal_record,
     .status = 201,
     .summary = "remove a coordinator who delays: enterprises and open problems to a successor, with a reason"},
    {.method = "GET",
     .pattern = "/api/v1/liaison/coordinator-removals",
     .fn = coordinator_removals_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_LIAISON | POST_MANAGER,
     .summary = "coordinators removed, newest first, with what each removal moved"},
    {.method = "POST",
     .pattern = "/api/v1/declaration-drafts",
     .fn = draft_create_api,
     .scope = "navigation",
     .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "save a half-filled declaration form as the enterprise's draft (暂存): no entry number, not screened"},
    {.method = "GET",
     .pattern = "/api/v1/declaration-drafts",
     .fn = draft_list_api,
     .scope = "navigation",
     .roles = ROLE_ENTERPRISE,
     .summary = "the enterprise's drafts, last saved first"},
    {.method = "GET",
     .pattern = "/api/v1/declaration-drafts/{draft_no}",
     .fn = draft_get_api,
     .scope = "navigation",
     .roles = ROLE_ENTERPRISE,
     .summary = "one draft with its form, to resume it"},
    {.method = "PUT",
     .pattern = "/api/v1/declaration-drafts/{draft_no}",
     .fn = draft_update_api,
     .scope = "navigation",
     .roles = ROLE_ENTERPRISE,
     .summary = "save a draft again (its title and form replaced)"},
    {.method = "DELETE",
     .pattern = "/api/v1/declaration-drafts/{draft_no}",
     .fn = draft_discard_api,
     .scope = "navigation",
     .roles = ROLE_ENTERPRISE,
     .summary = "discard a draft (once filed, or no longer wanted)"},
    {.method = "POST",
     .pattern = "/api/v1/liaison/visits",
     .fn = visit_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_LIAISON,
     .body = &liaison_visit_record,
     .status = 201,
     .summary = "record a site visit (two officers), video call or policy briefing"},
    {.method = "GET",
     .pattern = "/api/v1/liaison/visits",
     .fn = visits_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_LIAISON,
     .query = "enterprise,campaign,limit,cursor",
     .summary = "visits, video calls and briefings, newest first"},
    {.method = "GET",
     .pattern = "/api/v1/liaison/campaigns",
     .fn = campaigns_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_LIAISON,
     .summary = "campaigns: enterprises reached, briefed and helped, problems they raised"},
    {.method = "GET",
     .pattern = "/api/v1/navigation/hs",
     .fn = hs_search_api,
     .scope = "navigation",
     .roles = ROLE_OFFICER | ROLE_ENTERPRISE,
     .query = "q,limit",
     .summary = "HS search in Chinese or English: sections, chapters, headings and tariff lines, ranked, with paths"},
    {.method = "GET",
     .pattern = "/api/v1/navigation/hs/{code}",
     .fn = hs_node_api,
     .scope = "navigation",
     .roles = ROLE_OFFICER | ROLE_ENTERPRISE,
     .summary = "a section, chapter, heading or tariff line with its path, children and declaration elements"},
    {.method = "POST",
     .pattern = "/api/v1/navigation/precheck",
     .fn = precheck_api,
     .flags = ROUTE_DIRECT,
     .scope = "navigation",
     .roles = ROLE_OFFICER | ROLE_ENTERPRISE,
     .body = &nav_draft_record,
     .summary = "pre-check a draft declaration: each finding with its field and rule; files nothing"},
    {.method = "POST",
     .pattern = "/api/v1/navigation/rulings",
     .fn = ruling_api,
     .scope = "navigation",
     .roles = ROLE_OFFICER,
     .posts = POST_CLEARANCE,
     .body = &nav_ruling_record,
     .status = 201,
     .summary = "record an advance ruling (预裁定) issued to an enterprise, valid three years"},
    {.method = "GET",
     .pattern = "/api/v1/navigation/rulings",
     .fn = rulings_api,
     .scope = "navigation",
     .roles = ROLE_OFFICER | ROLE_ENTERPRISE,
     .query = "enterprise,hs_code,valid",
     .summary = "advance rulings, newest first (an enterprise: its own)"},
    {.method = "GET",
     .pattern = "/api/v1/aeo/facilitation",
     .fn = aeo_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_LIAISON | POST_RISK,
     .query = "from,to",
     .summary = "AEO facilitation measured: inspection rates per credit level and month against the policy, alerts"},
    {.method = "GET",
     .pattern = "/api/v1/aeo/levels/{uscc}",
     .fn = levels_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_LIAISON | POST_RISK | POST_ENTERPRISE,
     .summary = "an enterprise's history of credit levels with the reason of each change"},
    {.method = "POST",
     .pattern = "/api/v1/aeo/audit-plans",
     .fn = audit_plan_draw_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_MANAGER,
     .status = 201,
     .summary = "draw a year's post-clearance audit plan: every enterprise at its credit level's rate (稽查计划)"},
    {.method = "GET",
     .pattern = "/api/v1/aeo/audit-plans/{year}",
     .fn = audit_plan_get_api,
     .scope = "liaison",
     .roles = ROLE_OFFICER,
     .posts = POST_MANAGER | POST_LIAISON | POST_RISK,
     .summary = "a year's audit plan: rates, enterprises and selections by credit level, the enterprises selected"},
    {0},
};
