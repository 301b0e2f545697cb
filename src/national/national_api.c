/* national_api.c — the routes of the national installation (`haiguan serve --national`,
 * docs/api/national.md): the national figures with the district as a dimension, and
 * headquarters' instructions, issued here and screened in every district; and the area's
 * module record. Every route is ROUTE_NATIONAL: a district server refuses them, and a national
 * server refuses every district write (http.c). */
#include <stdlib.h>
#include <string.h>

#include "../platform/http.h"
#include "../platform/log.h"
#include "../platform/module.h"
#include "../platform/record.h"
#include "../risk/risk_store.h"
#include "national.h"

extern const command national_commands[];

static hg_rc query_of(req *r, national_query *q, int64_t default_days, hg_err *err)
{
    q->direction = req_query(r, "direction");
    q->port = req_query(r, "port");
    if (q->direction && strcmp(q->direction, "import") && strcmp(q->direction, "export"))
        return hg_fail(err, HG_INVALID, "invalid", "direction", "direction must be import or export");
    if (q->port && (strlen(q->port) != 4 || strspn(q->port, "0123456789") != 4))
        return hg_fail(err, HG_INVALID, "invalid", "port", "port must be a 4-digit customs code");
    const char *f = req_query(r, "from"), *t = req_query(r, "to");
    q->to_ms = now_ms() + 1;
    q->from_ms = q->to_ms - default_days * 86400000LL;
    if (f && time_parse_rfc3339(f, &q->from_ms))
        return hg_fail(err, HG_INVALID, "invalid", "from", "from must be an RFC 3339 time with offset");
    if (t && time_parse_rfc3339(t, &q->to_ms))
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be an RFC 3339 time with offset");
    if (q->to_ms <= q->from_ms || q->to_ms - q->from_ms > 400LL * 86400000)
        return hg_fail(err, HG_INVALID, "invalid", "to", "the period must be from 1 ms to 400 days long");
    return HG_OK;
}

static hg_rc districts_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = national_districts_json(r->db, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc clearance_api(req *r, hg_err *err)
{
    national_query q;
    json_t *out;
    hg_rc rc = query_of(r, &q, 30, err);
    if (!rc)
        rc = national_clearance_json(r->db, &q, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc overview_api(req *r, hg_err *err)
{
    national_query q;
    json_t *out;
    hg_rc rc = query_of(r, &q, 1, err);
    if (!rc)
        rc = national_overview_json(r->db, &q, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc instruction_create_api(req *r, hg_err *err)
{
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    json_t *out;
    hg_ctx c = req_ctx(r);
    hg_rc rc = risk_instruction_create(&c, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc instruction_list_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = risk_instruction_list(r->db, &out, err);
    if (!rc && (rc = national_hits_attach(r->db, json_object_get(out, "items"), err)))
        json_decref(out);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc instruction_status(req *r, const char *status, hg_err *err)
{
    char *end;
    long long id = strtoll(r->params[0], &end, 10);
    if (!r->params[0][0] || *end || id < RISK_INSTRUCTION_FIRST_ID)
        return hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such instruction");
    json_t *out;
    hg_ctx c = req_ctx(r);
    hg_rc rc = risk_instruction_set_status(&c, id, status, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc instruction_suspend_api(req *r, hg_err *err) { return instruction_status(r, "suspended", err); }
static hg_rc instruction_resume_api(req *r, hg_err *err) { return instruction_status(r, "active", err); }

#define READERS (ROLE_ADMIN | ROLE_OFFICER | ROLE_SYSTEM)

static const route national_routes[] = {
    {.method = "GET",
     .pattern = "/api/v1/national/districts",
     .flags = ROUTE_NATIONAL,
     .fn = districts_api,
     .scope = "national",
     .roles = READERS,
     .summary = "the districts the national installation receives, with their subscription's state"},
    {.method = "GET",
     .pattern = "/api/v1/national/clearance-time",
     .flags = ROUTE_NATIONAL,
     .fn = clearance_api,
     .scope = "national",
     .roles = READERS,
     .query = "direction,from,port,to",
     .summary = "clearance time by district and nationally: count, mean, median, p90 per segment"},
    {.method = "GET",
     .pattern = "/api/v1/national/overview",
     .flags = ROUTE_NATIONAL,
     .fn = overview_api,
     .scope = "national",
     .roles = READERS,
     .query = "direction,from,port,to",
     .summary = "filings, releases, lanes, inspections and tax by district"},
    {.method = "POST",
     .pattern = "/api/v1/national/instructions",
     .flags = ROUTE_NATIONAL,
     .fn = instruction_create_api,
     .scope = "national",
     .roles = ROLE_OFFICER | ROLE_SYSTEM,
     .posts = POST_RISK,
     .status = 201,
     .summary = "issue a headquarters instruction to every district's screening"},
    {.method = "GET",
     .pattern = "/api/v1/national/instructions",
     .flags = ROUTE_NATIONAL,
     .fn = instruction_list_api,
     .scope = "national",
     .roles = READERS,
     .summary = "headquarters' instructions, newest first, with their hits by district"},
    {.method = "POST",
     .pattern = "/api/v1/national/instructions/{id}/suspend",
     .flags = ROUTE_NATIONAL,
     .fn = instruction_suspend_api,
     .scope = "national",
     .roles = ROLE_OFFICER | ROLE_SYSTEM,
     .posts = POST_RISK,
     .summary = "suspend an instruction in every district"},
    {.method = "POST",
     .pattern = "/api/v1/national/instructions/{id}/resume",
     .flags = ROUTE_NATIONAL,
     .fn = instruction_resume_api,
     .scope = "national",
     .roles = ROLE_OFFICER | ROLE_SYSTEM,
     .posts = POST_RISK,
     .summary = "resume a suspended instruction in every district"},
    {0},
};

static const hg_scope national_scopes[] = {
    {"national", "the national installation's figures and headquarters' instructions"},
    {NULL, NULL},
};

/* The national database's register of the districts it receives. Made on both backends, so
 * that `haiguan db copy` finds the same tables on either side; only PostgreSQL fills it. */
static const migration national_migrations[] = {
    {1200, "the districts a national installation receives",
     "CREATE TABLE national_districts (code TEXT PRIMARY KEY, subscribed_ms BIGINT NOT NULL);", NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};

const hg_module national_module = {.name = "national",
                                   .summary = "headquarters above the districts: national figures, instructions down",
                                   .migrations = national_migrations,
                                   .migrations_first = 1200,
                                   .migrations_last = 1249,
                                   .routes = national_routes,
                                   .commands = national_commands,
                                   .scopes = national_scopes};
