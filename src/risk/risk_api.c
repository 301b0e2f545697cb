/* risk_api.c — HTTP handlers of the risk area: rules (create, list, read, change, suspend,
 * resume), screening a declaration without storing it, and the statistics. Officers of the
 * risk post act, managers read, machines need the `risk` scope; enterprises never see rules
 * or hits (the route table refuses them: 403). */
#include <stdlib.h>
#include <string.h>

#include "../platform/http.h"
#include "../platform/list_query.h"
#include "../platform/log.h"
#include "../platform/record.h"
#include "risk_store.h"

/* The {id} of the path; anything but a positive integer is simply not a rule (404). */
static hg_rc path_id(req *r, int64_t *id, hg_err *err)
{
    char *end;
    const char *p = r->params[0];
    long long v = strtoll(p, &end, 10);
    if (!*p || *end || v <= 0 || strlen(p) > 18)
        return hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such rule");
    *id = v;
    return HG_OK;
}

static hg_rc rule_create_api(req *r, hg_err *err)
{
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = risk_rule_create(&c, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc rule_list_api(req *r, hg_err *err)
{
    const char *status = req_query(r, "status"), *source = req_query(r, "source");
    record_query q;
    memset(&q, 0, sizeof q);
    hg_rc rc = list_query_parse(r, risk_rule_sortable, 1, &q, err);
    if (rc)
        return rc;
    if (status && risk_status_parse(status) < 0)
        return hg_fail(err, HG_INVALID, "invalid", "status", "status must be active, suspended, expired or draft");
    if (source && strcmp(source, "hq") && strcmp(source, "district") && strcmp(source, "port"))
        return hg_fail(err, HG_INVALID, "invalid", "source", "source must be hq, district or port");
    risk_rule_filter f = {.status = status,
                          .source = source,
                          .q = q.q,
                          .sort = q.sort,
                          .sort_desc = q.sort_desc,
                          .limit = q.limit,
                          .offset = q.offset,
                          .with_total = q.with_total};
    if (q.cursor) {
        char *end;
        f.cursor = strtoll(q.cursor, &end, 10);
        if (!*q.cursor || *end || f.cursor < 0)
            return hg_fail(err, HG_INVALID, "invalid", "cursor", "cursor must be a next_cursor value");
    }
    json_t *out = NULL;
    rc = risk_rule_list(r->db, &f, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

/* The headquarters instructions this district's database has received (risk_instruction.c). */
static hg_rc instruction_list_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = risk_instruction_list(r->db, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc rule_get_api(req *r, hg_err *err)
{
    int64_t id = 0;
    json_t *out = NULL;
    hg_rc rc = path_id(r, &id, err);
    if (!rc)
        rc = risk_rule_get(r->db, id, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc rule_patch_api(req *r, hg_err *err)
{
    int64_t id = 0;
    json_t *out = NULL;
    hg_rc rc = path_id(r, &id, err);
    if (rc)
        return rc;
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    hg_ctx c = req_ctx(r);
    rc = risk_rule_patch(&c, id, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc set_status(req *r, const char *status, hg_err *err)
{
    int64_t id = 0;
    json_t *out = NULL;
    hg_rc rc = path_id(r, &id, err);
    if (rc)
        return rc;
    if (r->json)
        return hg_fail(err, HG_INVALID, "invalid", "", "this request takes no body");
    hg_ctx c = req_ctx(r);
    rc = risk_rule_set_status(&c, id, status, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc rule_suspend_api(req *r, hg_err *err) { return set_status(r, "suspended", err); }
static hg_rc rule_resume_api(req *r, hg_err *err) { return set_status(r, "active", err); }
static hg_rc rule_activate_api(req *r, hg_err *err) { return set_status(r, "activate", err); }

/* Tries a rule on chosen filed declarations: a read (nothing is stored or screened for real). */
static hg_rc rule_try_api(req *r, hg_err *err)
{
    int64_t id = 0;
    json_t *out = NULL;
    hg_rc rc = path_id(r, &id, err);
    if (rc)
        return rc;
    if (!json_is_object(r->json))
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object {\"declarations\": [...]} is expected");
    if (json_object_size(r->json) != (json_object_get(r->json, "declarations") ? 1u : 0u))
        return hg_fail(err, HG_INVALID, "unknown_field", "", "this request takes declarations only");
    rc = risk_rule_try(r->db, id, json_object_get(r->json, "declarations"), now_ms(), &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc screen_api(req *r, hg_err *err)
{
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a declaration (JSON object) is expected");
    risk_decl d;
    risk_result res;
    risk_set *s = NULL;
    risk_result_init(&res);
    hg_rc rc = risk_decl_from_json(r->json, &d, err);
    d.at_ms = now_ms();
    if (!rc)
        rc = risk_current(r->db, &s, err);
    if (!rc)
        rc = risk_screen(s, &d, &res, err);
    json_t *out = rc ? NULL : risk_result_to_json(&res);
    if (!rc && !out)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc && json_object_set_new(out, "declaration_id", json_string(d.id)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    risk_result_free(&res);
    risk_set_release(s);
    risk_decl_free(&d);
    if (rc) {
        json_decref(out);
        return rc;
    }
    return req_reply_json(r, 200, out);
}

/* The recorded screening of a filed declaration, with its hits: for risk officers only (the
 * route table keeps enterprises out: they see the lane on the declaration, never rules). */
static hg_rc declaration_risk_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    if (strlen(r->params[0]) >= 48)
        return hg_fail(err, HG_NOTFOUND, "not_found", "entry_no", "no screening of this declaration");
    hg_rc rc = risk_screening_get(r->db, r->params[0], &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

#define DAY_MS (24LL * 3600 * 1000)

static hg_rc stats_api(req *r, hg_err *err)
{
    const char *f = req_query(r, "from"), *t = req_query(r, "to");
    int64_t to = now_ms() + 1, from;
    if (t && time_parse_rfc3339(t, &to))
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be an RFC 3339 time with offset");
    from = to - 30 * DAY_MS; /* default: the 30 days before to */
    if (f && time_parse_rfc3339(f, &from))
        return hg_fail(err, HG_INVALID, "invalid", "from", "from must be an RFC 3339 time with offset");
    if (from >= to)
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be after from");
    json_t *out = NULL;
    hg_rc rc = risk_stats(r->db, from, to, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

#define ACTORS (ROLE_OFFICER | ROLE_SYSTEM)

const route risk_routes[] = {
    {.method = "POST",
     .pattern = "/api/v1/risk/rules",
     .fn = rule_create_api,
     .scope = "risk",
     .roles = ACTORS,
     .posts = POST_RISK,
     .status = 201,
     .summary = "create a risk rule"},
    {.method = "GET",
     .pattern = "/api/v1/risk/rules",
     .fn = rule_list_api,
     .scope = "risk",
     .roles = ACTORS,
     .posts = POST_RISK,
     .query = "status,source," LIST_QUERY,
     .summary = "list risk rules"},
    {.method = "GET",
     .pattern = "/api/v1/risk/instructions",
     .fn = instruction_list_api,
     .scope = "risk",
     .roles = ACTORS,
     .posts = POST_RISK,
     .summary = "the headquarters instructions the district has received and screens with"},
    {.method = "GET",
     .pattern = "/api/v1/risk/rules/{id}",
     .fn = rule_get_api,
     .scope = "risk",
     .roles = ACTORS,
     .posts = POST_RISK,
     .summary = "read one risk rule"},
    {.method = "PATCH",
     .pattern = "/api/v1/risk/rules/{id}",
     .fn = rule_patch_api,
     .scope = "risk",
     .roles = ACTORS,
     .posts = POST_RISK,
     .summary = "change a risk rule"},
    {.method = "POST",
     .pattern = "/api/v1/risk/rules/{id}/suspend",
     .fn = rule_suspend_api,
     .scope = "risk",
     .roles = ACTORS,
     .posts = POST_RISK,
     .summary = "suspend a risk rule"},
    {.method = "POST",
     .pattern = "/api/v1/risk/rules/{id}/resume",
     .fn = rule_resume_api,
     .scope = "risk",
     .roles = ACTORS,
     .posts = POST_RISK,
     .summary = "resume a suspended risk rule"},
    {.method = "POST",
     .pattern = "/api/v1/risk/rules/{id}/activate",
     .fn = rule_activate_api,
     .scope = "risk",
     .roles = ACTORS,
     .posts = POST_RISK,
     .summary = "activate a draft risk rule (it screens from now on)"},
    {.method = "POST",
     .pattern = "/api/v1/risk/rules/{id}/try",
     .fn = rule_try_api,
     .scope = "risk",
     .roles = ACTORS,
     .posts = POST_RISK,
     .summary = "try a rule on chosen filed declarations: which would hit, and their lane"},
    {.method = "POST",
     .pattern = "/api/v1/risk/screen",
     .fn = screen_api,
     .scope = "risk",
     .roles = ACTORS,
     .posts = POST_RISK,
     .summary = "screen a declaration against the active rules without storing it"},
    {.method = "GET",
     .pattern = "/api/v1/risk/stats",
     .fn = stats_api,
     .scope = "risk",
     .roles = ACTORS,
     .posts = POST_RISK,
     .query = "from,to",
     .summary = "hits by rule and lane, inspection rate by credit level"},
    {.method = "GET",
     .pattern = "/api/v1/declarations/{entry_no}/risk",
     .fn = declaration_risk_api,
     .scope = "risk",
     .roles = ACTORS,
     .posts = POST_RISK,
     .summary = "the recorded risk screening of a declaration, with its hits"},
    {0},
};
