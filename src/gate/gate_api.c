/* gate_api.c — HTTP handlers of the smart gate: the release feed it polls and the exits it
 * reports. Machines (the gate controller) and clearance officers; no enterprise. */
#include <string.h>

#include "../platform/http.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "gate.h"

static hg_rc need_body(req *r, hg_err *err)
{
    return r->json ? HG_OK : hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
}

static hg_rc releases_api(req *r, hg_err *err)
{
    release_query q = {.port = req_query(r, "port"), .bill_no = req_query(r, "bill_no"),
                       .container = req_query(r, "container"), .gone = req_query(r, "gone"),
                       .cursor = req_query(r, "cursor")};
    const char *since = req_query(r, "since");
    q.direction = req_query(r, "direction");
    if (q.direction && strcmp(q.direction, "import") && strcmp(q.direction, "export"))
        return hg_fail(err, HG_INVALID, "invalid", "direction", "direction is not a known value");
    if (since && time_parse_rfc3339(since, &q.since_ms))
        return hg_fail(err, HG_INVALID, "invalid", "since", "since must be an RFC 3339 time with offset");
    if (q.gone && strcmp(q.gone, "true") && strcmp(q.gone, "false"))
        return hg_fail(err, HG_INVALID, "invalid", "gone", "gone must be true or false");
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &q.limit, err);
    json_t *out;
    if (!rc)
        rc = release_list(r->db, &q, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc gate_out_api(req *r, hg_err *err)
{
    json_t *out;
    hg_ctx c = req_ctx(r);
    hg_rc rc = need_body(r, err);
    if (!rc)
        rc = release_gate_out(&c, r->params[0], r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

const route gate_routes[] = {
    {.method = "GET", .pattern = "/api/v1/releases", .fn = releases_api,
     .scope = "gate", .roles = ROLE_SYSTEM | ROLE_OFFICER | ROLE_ADMIN, .posts = POST_CLEARANCE,
     .query = "since,direction,port,bill_no,container,gone,limit,cursor",
     .summary = "release records for the smart gate: containers and VINs that may leave"},
    {.method = "POST", .pattern = "/api/v1/releases/{entry_no}/gate-out", .fn = gate_out_api, .body = &gate_exit_record,
     .scope = "gate", .roles = ROLE_SYSTEM | ROLE_OFFICER, .posts = POST_CLEARANCE,
     .status = 201,
     .summary = "record released goods leaving through a gate (the gate, or a clearance officer)"},
    {0},
};
