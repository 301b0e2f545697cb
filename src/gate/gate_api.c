/* gate_api.c — HTTP handlers of the smart gate: the release feed it polls and the exits it
 * reports. Machines (the gate controller) and clearance officers; no enterprise. */
#include <string.h>

#include "../platform/http.h"
#include "../platform/ident.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "gate.h"


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
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = release_gate_out(&c, r->params[0], r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

/* ---- gates, cards, events, holds, pre-check ---- */

/* The store's result *out as JSON with status, or its error (out is read after the store ran:
 * never pass it as an argument beside the store's call, whose order C leaves open). */
static hg_rc answer(req *r, hg_rc rc, int status, json_t **out)
{
    return rc ? rc : req_reply_json(r, status, *out);
}

static hg_rc gates_create_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    return answer(r, rc ? rc : gate_create(&c, r->json, &out, err), 201, &out);
}

static hg_rc gates_list_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    return answer(r, gate_list(r->db, &out, err), 200, &out);
}

static hg_rc controller_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    return answer(r, rc ? rc : gate_bind_controller(&c, r->params[0], r->json, &out, err), 201, &out);
}

static hg_rc card_issue_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    return answer(r, rc ? rc : card_issue(&c, r->json, &out, err), 201, &out);
}

static hg_rc card_list_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    int limit;
    const char *status = req_query(r, "status");
    if (status && strcmp(status, "active") && strcmp(status, "suspended") && strcmp(status, "replaced"))
        return hg_fail(err, HG_INVALID, "invalid", "status", "status is active, suspended or replaced");
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    return answer(r, rc ? rc : card_list(r->db, r->who, status, req_query(r, "cursor"), limit, &out, err), 200, &out);
}

static hg_rc card_change_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    const char *verb = strrchr(r->path, '/') + 1;
    char no[40];
    ident_normalize(r->params[0], no, sizeof no);
    if (strcmp(verb, "unbind") == 0)
        return answer(r, card_unbind(&c, no, &out, err), 200, &out);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = strcmp(verb, "bind") == 0      ? card_bind(&c, no, r->json, &out, err)
             : strcmp(verb, "suspend") == 0 ? card_suspend(&c, no, r->json, &out, err)
                                            : card_replace(&c, no, r->json, &out, err);
    return answer(r, rc, 200, &out);
}

/* Parsing the event, dating it and hashing its body need no write: done on the request's own
 * thread (the prepare step), so that the group-commit writer only decides and stores. */
static hg_rc event_post_prepare(req *r, hg_err *err)
{
    gate_event_draft *dr = xcalloc(1, sizeof *dr);
    hg_rc rc = dr ? req_need_json(r, err) : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = gate_event_prepare(r->json, now_ms(), dr, err);
    if (rc) {
        xfree(dr);
        return rc;
    }
    r->prep = dr;
    r->prep_free = xfree;
    return HG_OK;
}

static hg_rc event_post_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    if (!r->prep)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "gate event stored without its prepare step");
    return answer(r, gate_event_store(&c, r->prep, &out, err), 201, &out);
}

static hg_rc time_param(req *r, const char *name, int64_t *ms, hg_err *err)
{
    const char *v = req_query(r, name);
    *ms = 0;
    if (v && time_parse_rfc3339(v, ms))
        return hg_fail(err, HG_INVALID, "invalid", name, "%s must be an RFC 3339 time with offset", name);
    return HG_OK;
}

static hg_rc event_list_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    const char *container = req_query(r, "container"), *vin = req_query(r, "vin");
    gate_event_query q = {.gate = req_query(r, "gate"), .plate = req_query(r, "plate"), .card = req_query(r, "card"),
                          .key = container ? container : vin, .decision = req_query(r, "decision"),
                          .cursor = req_query(r, "cursor")};
    if (q.decision && strcmp(q.decision, "pass") && strcmp(q.decision, "hold"))
        return hg_fail(err, HG_INVALID, "invalid", "decision", "decision is pass or hold");
    hg_rc rc = time_param(r, "from", &q.from_ms, err);
    if (!rc)
        rc = time_param(r, "to", &q.to_ms, err);
    if (!rc)
        rc = record_parse_limit(req_query(r, "limit"), &q.limit, err);
    return answer(r, rc ? rc : gate_event_list(r->db, &q, &out, err), 200, &out);
}

/* An enterprise's vehicles' recent passages: the events of the cards it holds, newest first. */
static hg_rc passages_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    gate_event_query q = {.holder = r->who->enterprise, .cursor = req_query(r, "cursor")};
    if (!r->who->enterprise[0])
        return hg_fail(err, HG_FORBIDDEN, "forbidden", NULL, "this account is bound to no enterprise");
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &q.limit, err);
    return answer(r, rc ? rc : gate_event_list(r->db, &q, &out, err), 200, &out);
}

static hg_rc hold_list_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    int limit;
    const char *status = req_query(r, "status");
    if (status && strcmp(status, "open") && strcmp(status, "overridden") && strcmp(status, "offline") &&
        strcmp(status, "closed"))
        return hg_fail(err, HG_INVALID, "invalid", "status", "status is open, overridden, offline or closed");
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    return answer(r, rc ? rc : gate_hold_list(r->db, status, req_query(r, "cursor"), limit, &out, err), 200, &out);
}

static hg_rc override_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    long long seq = 0;
    char tail;
    if (sscanf(r->params[0], "%lld%c", &seq, &tail) != 1 || seq < 1)
        return hg_fail(err, HG_NOTFOUND, "not_found", "seq", "no such hold");
    hg_rc rc = req_need_json(r, err);
    return answer(r, rc ? rc : gate_hold_override(&c, seq, r->json, &out, err), 200, &out);
}

static hg_rc precheck_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    return answer(r, gate_precheck(r->db, r->who, req_query(r, "container"), req_query(r, "vin"), &out, err), 200,
                  &out);
}

static hg_rc snapshot_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    int64_t since = 0;
    hg_rc rc = time_param(r, "since", &since, err);
    return answer(r, rc ? rc : gate_snapshot(r->db, r->who, since, now_ms(), &out, err), 200, &out);
}

static hg_rc stats_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    int64_t from = 0, to = 0, now = now_ms();
    hg_rc rc = time_param(r, "from", &from, err);
    if (!rc)
        rc = time_param(r, "to", &to, err);
    if (!rc && !to)
        to = now;
    if (!rc && !from)
        from = to - 30LL * 24 * 3600 * 1000; /* the last thirty days */
    if (!rc && from >= to)
        rc = hg_fail(err, HG_INVALID, "invalid", "from", "from must be before to");
    return answer(r, rc ? rc : gate_stats(r->db, from, to, &out, err), 200, &out);
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
    {.method = "POST", .pattern = "/api/v1/gates", .fn = gates_create_api, .body = &gate_record,
     .scope = "gate", .roles = ROLE_ADMIN | ROLE_OFFICER, .posts = POST_GATE, .status = 201,
     .summary = "register a gate of a site with its lanes and the conditions enabled there"},
    {.method = "GET", .pattern = "/api/v1/gates", .fn = gates_list_api,
     .scope = "gate", .roles = ROLE_ADMIN | ROLE_OFFICER | ROLE_SYSTEM, .posts = POST_GATE,
     .summary = "the gates with their lanes and controllers"},
    {.method = "POST", .pattern = "/api/v1/gates/{code}/controllers", .fn = controller_api,
     .scope = "gate", .roles = ROLE_ADMIN, .status = 201,
     .summary = "bind a machine account to the gate: it posts that gate's events only"},
    {.method = "POST", .pattern = "/api/v1/gate/cards", .fn = card_issue_api, .body = &gate_card_record,
     .scope = "gate", .roles = ROLE_OFFICER, .posts = POST_GATE, .status = 201,
     .summary = "issue an IC card (bound to a plate) or an RFID tag (bound to a VIN) to an enterprise"},
    {.method = "GET", .pattern = "/api/v1/gate/cards", .fn = card_list_api,
     .scope = "gate", .roles = ROLE_OFFICER | ROLE_ENTERPRISE, .posts = POST_GATE, .query = "status,limit,cursor",
     .summary = "cards (an enterprise: its own)"},
    {.method = "POST", .pattern = "/api/v1/gate/cards/{card_no}/bind", .fn = card_change_api,
     .scope = "gate", .roles = ROLE_OFFICER, .posts = POST_GATE,
     .summary = "bind an unbound card to a plate or a VIN"},
    {.method = "POST", .pattern = "/api/v1/gate/cards/{card_no}/unbind", .fn = card_change_api,
     .scope = "gate", .roles = ROLE_OFFICER, .posts = POST_GATE,
     .summary = "unbind a card from its plate or VIN"},
    {.method = "POST", .pattern = "/api/v1/gate/cards/{card_no}/suspend", .fn = card_change_api,
     .scope = "gate", .roles = ROLE_OFFICER, .posts = POST_GATE,
     .summary = "suspend a card, with a reason"},
    {.method = "POST", .pattern = "/api/v1/gate/cards/{card_no}/replace", .fn = card_change_api,
     .scope = "gate", .roles = ROLE_OFFICER, .posts = POST_GATE,
     .summary = "replace a card by a new one carrying its binding"},
    {.method = "POST", .pattern = "/api/v1/gate/events", .fn = event_post_api, .prepare = event_post_prepare,
     .flags = ROUTE_URGENT, /* a truck waits at the barrier: not behind queued declarations */
     .scope = "gate", .roles = ROLE_SYSTEM, .status = 201,
     .summary = "a gate event from the lane's controller: decided pass or hold, condition by condition"},
    {.method = "GET", .pattern = "/api/v1/gate/events", .fn = event_list_api,
     .scope = "gate", .roles = ROLE_OFFICER | ROLE_ADMIN, .posts = POST_GATE,
     .query = "gate,container,vin,plate,card,decision,from,to,limit,cursor",
     .summary = "gate events with their conditions, latest read first (received_at: when the centre got it), searchable"},
    {.method = "GET", .pattern = "/api/v1/gate/passages", .fn = passages_api,
     .scope = "gate", .roles = ROLE_ENTERPRISE, .query = "limit,cursor",
     .summary = "an enterprise's vehicles' recent passages: the events of the cards it holds, latest read first"},
    {.method = "GET", .pattern = "/api/v1/gate/holds", .fn = hold_list_api,
     .scope = "gate", .roles = ROLE_OFFICER, .posts = POST_GATE, .query = "status,limit,cursor",
     .summary = "the officers' queue of held trucks and offline passes to reconcile, newest first"},
    {.method = "POST", .pattern = "/api/v1/gate/holds/{seq}/override", .fn = override_api,
     .scope = "gate", .roles = ROLE_OFFICER, .posts = POST_GATE,
     .summary = "let a held truck through, with a reason (the gate's own readings only)"},
    {.method = "GET", .pattern = "/api/v1/gate/precheck", .fn = precheck_api,
     .scope = "gate", .roles = ROLE_ENTERPRISE | ROLE_OFFICER, .posts = POST_GATE | POST_CLEARANCE,
     .query = "container,vin",
     .summary = "would this container or VIN pass the gate now, condition by condition (its trader)"},
    {.method = "GET", .pattern = "/api/v1/gate/snapshot", .fn = snapshot_api,
     .scope = "gate", .roles = ROLE_SYSTEM | ROLE_OFFICER, .posts = POST_GATE, .query = "since",
     .summary = "the signed list a gate decides from when the centre is down (Ed25519, key id, watermark)"},
    {.method = "GET", .pattern = "/api/v1/gate/stats", .fn = stats_api,
     .scope = "gate", .roles = ROLE_OFFICER | ROLE_ADMIN, .posts = POST_GATE, .query = "from,to",
     .summary = "per gate: events, pass rate, holds by condition, median decision time, trucks per lane per hour"},
    {0},
};
