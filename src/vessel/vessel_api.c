/* vessel_api.c — HTTP handlers and the route table of the vessel area. Arrival declarations,
 * their amendments and testing applications come from the ship's agent (an enterprise of kind
 * shipping_agent, its own calls only); boarding, free pratique, departure, orders, rules and
 * the high-risk list from officers with the quarantine post; results from laboratory machines
 * (scope lab); disinfection records from inspection or quarantine officers. Handlers parse the
 * path and query, call a store and reply. */
#include "../platform/http.h"
#include "../platform/ident.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "vessel.h"

/* A call number from the path, normalised; a malformed one is no such call. */
static hg_rc call_param(req *r, char no[48], hg_err *err)
{
    if (ident_normalize(r->params[0], no, 48))
        return hg_fail(err, HG_NOTFOUND, "not_found", "call_no", "no such vessel arrival");
    return HG_OK;
}

typedef hg_rc (*call_write)(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err);

/* The writes on one call with a JSON body, answered with status. */
static hg_rc on_call(req *r, call_write fn, int status, hg_err *err)
{
    char no[48];
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = call_param(r, no, err);
    if (!rc)
        rc = fn(&c, no, r->json, &out, err);
    return req_reply_rc(r, rc, status, out);
}

static hg_rc declare_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = call_declare(&c, r->json, &out, err);
    return req_reply_rc(r, rc, 201, out);
}

static hg_rc calls_api(req *r, hg_err *err)
{
    int limit;
    json_t *out = NULL;
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    if (!rc)
        rc = call_list(r->db, r->who, req_query(r, "view"), req_query(r, "imo"), now_ms(), req_query(r, "cursor"),
                       limit, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc call_api(req *r, hg_err *err)
{
    char no[48];
    json_t *out = NULL;
    hg_rc rc = call_param(r, no, err);
    if (!rc)
        rc = call_get(r->db, r->who, no, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc amend_api(req *r, hg_err *err) { return on_call(r, call_amend, 200, err); }
static hg_rc arrived_api(req *r, hg_err *err) { return on_call(r, call_arrived, 200, err); }
static hg_rc departed_api(req *r, hg_err *err) { return on_call(r, call_departed, 200, err); }
static hg_rc board_api(req *r, hg_err *err) { return on_call(r, call_board, 201, err); }
static hg_rc pratique_api(req *r, hg_err *err) { return on_call(r, call_pratique, 200, err); }
static hg_rc testing_api(req *r, hg_err *err) { return on_call(r, vessel_testing_apply, 201, err); }
static hg_rc result_api(req *r, hg_err *err) { return on_call(r, vessel_sample_result, 200, err); }
static hg_rc order_api(req *r, hg_err *err) { return on_call(r, vessel_order_issue, 201, err); }

static hg_rc lift_api(req *r, hg_err *err)
{
    char no[48];
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc && ident_normalize(r->params[0], no, sizeof no))
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "order_no", "no such order");
    if (!rc)
        rc = vessel_order_lift(&c, no, r->json, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc task_close_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = vessel_task_close(&c, r->params[0], r->json, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc tasks_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc =
        vessel_tasks_json(r->db, req_query(r, "call_no"), req_query(r, "post"), req_query(r, "status"), &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc rules_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = vessel_rules_json(r->db, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc rule_patch_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = vessel_rule_patch(&c, r->params[0], r->json, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc risk_ports_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = vessel_risk_ports_json(r->db, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc risk_port_set_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = vessel_risk_port_set(&c, r->json, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc figures_api(req *r, hg_err *err)
{
    const char *period = req_query(r, "period"), *from = req_query(r, "from"), *to = req_query(r, "to");
    int64_t now = now_ms(), f = now - 30LL * 86400000, t = now + 30LL * 86400000;
    if (from && time_parse_rfc3339(from, &f))
        return hg_fail(err, HG_INVALID, "invalid", "from", "from must be an RFC 3339 time");
    if (to && time_parse_rfc3339(to, &t))
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be an RFC 3339 time");
    json_t *out = NULL;
    hg_rc rc = vessel_figures_json(r->db, period ? period : "month", f, t, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

/* ------------------------------------------------------------------ disinfection records */

static hg_rc disinfections_create_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = disinfection_create(&c, r->json, &out, err);
    return req_reply_rc(r, rc, 201, out);
}

static hg_rc disinfections_list_api(req *r, hg_err *err)
{
    int limit;
    json_t *out = NULL;
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    if (!rc)
        rc = disinfection_list(r->db, req_query(r, "cursor"), limit, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc disinfections_lift_api(req *r, hg_err *err)
{
    char no[48];
    if (ident_normalize(r->params[0], no, sizeof no))
        return hg_fail(err, HG_NOTFOUND, "not_found", "record_no", "no such disinfection record");
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = disinfection_lift(&c, no, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

#define AGENT .roles = ROLE_ENTERPRISE, .scope = "vessels"
#define QUARANTINE .roles = ROLE_OFFICER, .posts = POST_QUARANTINE, .scope = "vessels"
#define READERS .roles = ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE, .posts = POST_QUARANTINE, .scope = "vessels"
#define MANAGERS .roles = ROLE_ADMIN | ROLE_OFFICER, .scope = "vessels"

const route vessel_routes[] = {
    {.method = "POST",
     .pattern = "/api/v1/vessels/arrivals",
     .fn = declare_api,
     AGENT,
     .body = &vessel_call_record,
     .status = 201,
     .summary = "the ship's agent declares an arrival: FAL 1, the Maritime Declaration of Health, the crew and "
                "passenger lists; its warning level with reasons"},
    {.method = "GET",
     .pattern = "/api/v1/vessels/arrivals",
     .fn = calls_api,
     READERS,
     .query = "view,imo,limit,cursor",
     .summary = "vessel arrivals, newest first (view=board: next 72 h and at berth)"},
    {.method = "GET",
     .pattern = "/api/v1/vessels/arrivals/{call_no}",
     .fn = call_api,
     READERS,
     .summary = "a vessel's call: declaration, lists with flags, reasons, tasks, samples, orders, timeline, history"},
    {.method = "POST",
     .pattern = "/api/v1/vessels/arrivals/{call_no}/amendments",
     .fn = amend_api,
     AGENT,
     .body = &vessel_call_record,
     .summary = "the agent amends its declaration until arrival (the former version kept; the level assessed again)"},
    {.method = "POST",
     .pattern = "/api/v1/vessels/arrivals/{call_no}/arrived",
     .fn = arrived_api,
     .roles = ROLE_ENTERPRISE | ROLE_OFFICER,
     .posts = POST_QUARANTINE,
     .scope = "vessels",
     .body = &vessel_moment_record,
     .summary = "the ship arrived (its agent, or a quarantine officer)"},
    {.method = "POST",
     .pattern = "/api/v1/vessels/arrivals/{call_no}/departure",
     .fn = departed_api,
     QUARANTINE,
     .body = &vessel_moment_record,
     .summary = "a quarantine officer records the ship's departure"},
    {.method = "POST",
     .pattern = "/api/v1/vessels/arrivals/{call_no}/boarding",
     .fn = board_api,
     QUARANTINE,
     .body = &vessel_boarding_record,
     .status = 201,
     .summary = "the boarding quarantine: officer, times, persons screened, findings"},
    {.method = "POST",
     .pattern = "/api/v1/vessels/arrivals/{call_no}/pratique",
     .fn = pratique_api,
     QUARANTINE,
     .body = &vessel_pratique_record,
     .summary = "free pratique granted or refused, with the reason"},
    {.method = "POST",
     .pattern = "/api/v1/vessels/arrivals/{call_no}/testing",
     .fn = testing_api,
     AGENT,
     .body = &vessel_testing_record,
     .status = 201,
     .summary = "the agent applies for crew nucleic-acid testing: a labelled sample for every person aboard"},
    {.method = "POST",
     .pattern = "/api/v1/vessels/arrivals/{call_no}/results",
     .fn = result_api,
     .roles = ROLE_SYSTEM,
     .scope = "lab",
     .body = &vessel_result_record,
     .summary = "a laboratory's result of a crew sample (laboratories only)"},
    {.method = "POST",
     .pattern = "/api/v1/vessels/arrivals/{call_no}/orders",
     .fn = order_api,
     QUARANTINE,
     .body = &vessel_order_record,
     .status = 201,
     .summary = "order no cargo operations, or no unloading and the ship to leave: the vessel's cargo is held"},
    {.method = "POST",
     .pattern = "/api/v1/vessels/orders/{order_no}/lift",
     .fn = lift_api,
     QUARANTINE,
     .body = &vessel_lift_record,
     .summary = "a quarantine officer lifts an order with a reason"},
    {.method = "GET",
     .pattern = "/api/v1/vessels/tasks",
     .fn = tasks_api,
     MANAGERS,
     .query = "call_no,post,status",
     .summary = "disposal tasks, newest first, with their ship: the queues by post"},
    {.method = "POST",
     .pattern = "/api/v1/vessels/tasks/{task_no}/result",
     .fn = task_close_api,
     .roles = ROLE_OFFICER,
     .posts = POST_QUARANTINE | POST_INSPECTION,
     .scope = "vessels",
     .body = &vessel_task_close_record,
     .summary = "an officer of the task's post records its result and closes it"},
    {.method = "GET",
     .pattern = "/api/v1/vessels/rules",
     .fn = rules_api,
     MANAGERS,
     .summary = "the warning rules: kind, number, level, explanation"},
    {.method = "PATCH",
     .pattern = "/api/v1/vessels/rules/{code}",
     .fn = rule_patch_api,
     QUARANTINE,
     .body = &vessel_rule_record,
     .summary = "change a warning rule's number, level, explanation or activity"},
    {.method = "GET",
     .pattern = "/api/v1/vessels/risk-ports",
     .fn = risk_ports_api,
     MANAGERS,
     .summary = "the district's high-risk ports of call"},
    {.method = "POST",
     .pattern = "/api/v1/vessels/risk-ports",
     .fn = risk_port_set_api,
     QUARANTINE,
     .body = &vessel_risk_port_record,
     .summary = "put a port on the high-risk list (board or lock)"},
    {.method = "GET",
     .pattern = "/api/v1/vessels/figures",
     .fn = figures_api,
     MANAGERS,
     .query = "period,from,to",
     .summary = "vessels quarantined by period and level, boardings, crews tested and positives, repair ships, orders"},
    {.method = "POST",
     .pattern = "/api/v1/disinfections",
     .fn = disinfections_create_api,
     .body = &disinfection_record,
     .scope = "inspections",
     .roles = ROLE_OFFICER,
     .posts = POST_INSPECTION | POST_QUARANTINE,
     .status = 201,
     .summary = "record a supervised disinfection of refrigerated cargo unloading"},
    {.method = "GET",
     .pattern = "/api/v1/disinfections",
     .fn = disinfections_list_api,
     .scope = "inspections",
     .roles = ROLE_ADMIN | ROLE_OFFICER,
     .query = "limit,cursor",
     .summary = "disinfection supervision records"},
    {.method = "POST",
     .pattern = "/api/v1/disinfections/{record_no}/lift",
     .fn = disinfections_lift_api,
     .scope = "inspections",
     .roles = ROLE_OFFICER,
     .posts = POST_INSPECTION | POST_QUARANTINE,
     .summary = "lift a no-unloading order: the vessel's goods may arrive and be released again"},
    {0},
};
