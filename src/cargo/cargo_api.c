/* cargo_api.c — HTTP handlers of manifests, arrival reports and declarations. Enterprises
 * see only their own manifests and declarations (404 for others'). */
#include <stdlib.h>
#include <string.h>

#include "../platform/http.h"
#include "../platform/json.h"
#include "../platform/ident.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/barcode.h"
#include "cargo.h"

static hg_rc need_body(req *r, hg_err *err)
{
    return r->json ? HG_OK : hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
}

/* Path identifiers are normalised like every identifier the API receives (ident.h); one too
 * long for out becomes "", which names nothing, so the lookup answers 404. */
static void upper(const char *in, char *out, size_t n) { ident_normalize(in, out, n); }

static hg_rc manifests_create_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = need_body(r, err);
    if (!rc)
        rc = manifest_create(r->db, r->who, r->request_id, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc manifests_list_api(req *r, hg_err *err)
{
    int limit;
    json_t *out;
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    const char *status = req_query(r, "status");
    if (!rc && status && strcmp(status, "filed") != 0 && strcmp(status, "arrived") != 0)
        rc = hg_fail(err, HG_INVALID, "invalid", "status", "status must be filed or arrived");
    char bill[40] = "";
    const char *b = req_query(r, "bill_no");
    if (b)
        ident_normalize(b, bill, sizeof bill);   /* too long: "", which no bill has */
    if (!rc)
        rc = manifest_list(r->db, r->who, status, b ? bill : NULL, req_query(r, "cursor"), limit, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc manifests_get_api(req *r, hg_err *err)
{
    char no[64];
    json_t *out;
    upper(r->params[0], no, sizeof no);
    hg_rc rc = manifest_get(r->db, r->who, no, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc optional_time(req *r, const char *name, int64_t *ms, hg_err *err)
{
    *ms = now_ms();
    if (!r->json)
        return HG_OK;
    static const char *const allowed[] = {"at", NULL};
    hg_rc rc = json_reject_unknown(r->json, allowed, err);
    const char *v;
    if (!rc)
        rc = json_get_str(r->json, name, 0, &v, err);
    if (!rc && v && time_parse_rfc3339(v, ms))
        rc = hg_fail(err, HG_INVALID, "invalid", name, "%s must be an RFC 3339 time with offset", name);
    return rc;
}

static hg_rc manifests_arrived_api(req *r, hg_err *err)
{
    char no[64];
    int64_t at;
    json_t *out;
    upper(r->params[0], no, sizeof no);
    hg_rc rc = optional_time(r, "at", &at, err);
    if (!rc)
        rc = manifest_arrived(r->db, r->who, r->request_id, no, at, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc arrivals_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = need_body(r, err);
    if (!rc)
        rc = arrival_report(r->db, r->who, r->request_id, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static void free_draft(void *p) { declaration_draft_free(p); }

/* Parsing and checking a declaration needs no database: it is done on the request's own
 * thread (ROUTE_PREPARED), so that the group-commit writer only files it. */
static hg_rc declarations_file_api(req *r, hg_err *err)
{
    if (r->preparing) {
        declaration_draft *dr;
        hg_rc rc = need_body(r, err);
        if (!rc)
            rc = declaration_draft_make(r->who, r->json, &dr, err);
        if (!rc) {
            r->prep = dr;
            r->prep_free = free_draft;
        }
        return rc;
    }
    if (!r->prep)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "declaration filed without its first call");
    json_t *out;
    char *text = NULL;
    hg_rc rc = declaration_file_draft(r->db, r->who, r->request_id, r->prep, &out, &text, err);
    if (rc)
        return rc;
    /* the answer is the declaration as audited: its canonical text, written once */
    if (text) {
        json_decref(out);
        rc = req_reply_raw(r, 201, "application/json; charset=utf-8", text, strlen(text));
        xfree(text);
        return rc;
    }
    return req_reply_json(r, 201, out);
}

static hg_rc declarations_get_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = declaration_get(r->db, r->who, r->params[0], &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc one_of(req *r, const char *name, const char *const *values, const char **out, hg_err *err)
{
    *out = req_query(r, name);
    if (!*out)
        return HG_OK;
    for (const char *const *v = values; *v; v++)
        if (strcmp(*v, *out) == 0)
            return HG_OK;
    return hg_fail(err, HG_INVALID, "invalid", name, "%s is not a known value", name);
}

static hg_rc time_param(req *r, const char *name, int64_t *ms, hg_err *err)
{
    const char *v = req_query(r, name);
    *ms = 0;
    if (v && time_parse_rfc3339(v, ms))
        return hg_fail(err, HG_INVALID, "invalid", name, "%s must be an RFC 3339 time with offset", name);
    return HG_OK;
}

static hg_rc declarations_list_api(req *r, hg_err *err)
{
    static const char *const states[] = {DECL_FILED, DECL_INSPECTION, DECL_PERMITTED, DECL_RELEASED, DECL_REFUSED, NULL};
    static const char *const dirs[] = {"import", "export", NULL};
    static const char *const lanes[] = {"green", "yellow", "red", "blue", NULL};
    static const char *const kinds[] = {"complete", "summary", NULL};
    static const char *const booleans[] = {"true", "false", NULL};
    declaration_filter f = {0};
    const char *overdue;
    hg_rc rc;
    if ((rc = one_of(r, "status", states, &f.status, err)) || (rc = one_of(r, "direction", dirs, &f.direction, err)) ||
        (rc = one_of(r, "lane", lanes, &f.lane, err)) || (rc = one_of(r, "kind", kinds, &f.kind, err)) ||
        (rc = one_of(r, "overdue", booleans, &overdue, err)) || (rc = time_param(r, "from", &f.from_ms, err)) ||
        (rc = time_param(r, "to", &f.to_ms, err)) || (rc = time_param(r, "released_from", &f.released_from_ms, err)) ||
        (rc = time_param(r, "released_to", &f.released_to_ms, err)) ||
        (rc = record_parse_limit(req_query(r, "limit"), &f.limit, err)))
        return rc;
    f.overdue = overdue && strcmp(overdue, "true") == 0;
    static const char *const orders[] = {"oldest", "newest", NULL};
    const char *order;
    if ((rc = one_of(r, "order", orders, &order, err)))
        return rc;
    f.newest_first = order && strcmp(order, "newest") == 0;
    f.port = req_query(r, "port");
    if (f.port && !cargo_check_port(f.port, NULL))
        return hg_fail(err, HG_INVALID, "invalid", "port", "port must be a 4-digit customs code");
    f.enterprise = req_query(r, "enterprise");
    f.cursor = req_query(r, "cursor");
    json_t *out;
    rc = declaration_list(r->db, r->who, &f, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc declarations_release_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = declaration_release(r->db, r->who, r->request_id, r->params[0], &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc declarations_inspect_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = need_body(r, err);
    if (!rc)
        rc = inspection_order(r->db, r->who, r->request_id, r->params[0], r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc declarations_permit_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = declaration_permit_entry(r->db, r->who, r->request_id, r->params[0], &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc declarations_complete_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = need_body(r, err);
    if (!rc)
        rc = declaration_complete(r->db, r->who, r->request_id, r->params[0], r->json, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc inspections_list_api(req *r, hg_err *err)
{
    const char *status = req_query(r, "status");
    if (status && strcmp(status, "open") && strcmp(status, "passed") && strcmp(status, "failed"))
        return hg_fail(err, HG_INVALID, "invalid", "status", "status must be open, passed or failed");
    json_t *out;
    int limit;
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    if (!rc)
        rc = inspection_list(r->db, status, req_query(r, "cursor"), limit, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc inspections_result_api(req *r, hg_err *err)
{
    char *end;
    long long id = strtoll(r->params[0], &end, 10);
    if (*end || id <= 0)
        return hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such inspection");
    json_t *out;
    hg_rc rc = need_body(r, err);
    if (!rc)
        rc = inspection_result(r->db, r->who, r->request_id, id, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc samples_list_api(req *r, hg_err *err)
{
    const char *entry = req_query(r, "entry_no");
    if (!entry)
        return hg_fail(err, HG_INVALID, "required", "entry_no", "entry_no is required");
    json_t *out;
    hg_rc rc = sample_list(r->db, r->who, entry, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc samples_get_api(req *r, hg_err *err)
{
    char code[48];
    upper(r->params[0], code, sizeof code);
    json_t *out;
    hg_rc rc = sample_get(r->db, r->who, code, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc samples_barcode_api(req *r, hg_err *err)
{
    char code[48];
    upper(r->params[0], code, sizeof code);
    json_t *sample;
    hg_rc rc = sample_get(r->db, r->who, code, &sample, err);
    if (rc)
        return rc;
    json_decref(sample);
    buf png;
    buf_init(&png, 4u << 20);
    rc = barcode_png(BARCODE_KIND_CODE128, code, &png, err);
    if (!rc)
        rc = req_reply_raw(r, 200, "image/png", png.data, png.len);
    buf_free(&png);
    return rc;
}

static hg_rc samples_result_api(req *r, hg_err *err)
{
    char code[48];
    upper(r->params[0], code, sizeof code);
    json_t *out;
    hg_rc rc = need_body(r, err);
    if (!rc)
        rc = sample_result(r->db, r->who, r->request_id, code, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc ledger_api(req *r, hg_err *err)
{
    static const char *const states[] = {"pending", "sampled", "passed", "failed", "disposed", NULL};
    const char *status;
    hg_rc rc = one_of(r, "status", states, &status, err);
    json_t *out;
    if (!rc)
        rc = ledger_list(r->db, r->who, req_query(r, "entry_no"), status, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

#define READERS (ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE)

const route cargo_routes[] = {
    {"POST", "/api/v1/manifests", manifests_create_api, 0, "manifests", ROLE_ENTERPRISE | ROLE_OFFICER,
     POST_CLEARANCE, "file a manifest (carriers and their shipping agents, or a clearance officer)"},
    {"GET", "/api/v1/manifests", manifests_list_api, 0, "manifests", READERS, 0, "list manifests (status, bill_no, limit, cursor); an enterprise: those it filed or that carry its bills"},
    {"GET", "/api/v1/manifests/{manifest_no}", manifests_get_api, 0, "manifests", READERS, 0, "read a manifest"},
    {"POST", "/api/v1/manifests/{manifest_no}/arrived", manifests_arrived_api, 0, "manifests",
     ROLE_ENTERPRISE | ROLE_OFFICER | ROLE_SYSTEM, POST_CLEARANCE,
     "declare the transport's arrival (运输工具申报进境): the manifest's carrier or agent, the port or an officer"},
    {"POST", "/api/v1/arrivals", arrivals_api, 0, "arrival", ROLE_SYSTEM, 0,
     "report goods arrived in the supervised area (运抵): the terminal or supervised site, by bill or container"},
    {"POST", "/api/v1/declarations", declarations_file_api, ROUTE_PREPARED, "declarations", ROLE_ENTERPRISE, 0,
     "file a declaration"},
    {"GET", "/api/v1/declarations", declarations_list_api, 0, "declarations", READERS, 0,
     "list declarations (status, direction, port, lane, kind, enterprise, from, to, released_from, released_to, "
     "overdue, order, limit, cursor)"},
    {"GET", "/api/v1/declarations/{entry_no}", declarations_get_api, 0, "declarations", READERS, 0,
     "read a declaration with its timeline"},
    {"POST", "/api/v1/declarations/{entry_no}/release", declarations_release_api, 0, "declarations", ROLE_OFFICER,
     POST_CLEARANCE, "release a declaration (officer)"},
    {"POST", "/api/v1/declarations/{entry_no}/inspection", declarations_inspect_api, 0, "declarations", ROLE_OFFICER,
     POST_CLEARANCE | POST_RISK | POST_INSPECTION, "order an inspection of a filed declaration (officer)"},
    {"POST", "/api/v1/declarations/{entry_no}/permit-entry", declarations_permit_api, 0, "declarations", ROLE_OFFICER,
     POST_CLEARANCE | POST_INSPECTION, "two-stage admission: permit goods to enter before their laboratory results"},
    {"POST", "/api/v1/declarations/{entry_no}/complete", declarations_complete_api, 0, "declarations",
     ROLE_ENTERPRISE, 0, "complete a two-step summary declaration"},
    {"GET", "/api/v1/ledger", ledger_api, 0, "ledger", READERS | ROLE_SYSTEM, 0,
     "the logistics ledger of goods under inspection-quarantine (entry_no, status)"},
    {"GET", "/api/v1/inspections", inspections_list_api, 0, "inspections", ROLE_ADMIN | ROLE_OFFICER, POST_INSPECTION,
     "the inspection queue: green channel first, then oldest (status open, passed, failed; limit, cursor)"},
    {"POST", "/api/v1/inspections/{id}/result", inspections_result_api, 0, "inspections", ROLE_OFFICER,
     POST_INSPECTION, "record an inspection's result (pass, or fail with findings and disposal)"},
    {"GET", "/api/v1/samples", samples_list_api, 0, "lab", READERS | ROLE_SYSTEM, 0, "a declaration's samples (entry_no)"},
    {"GET", "/api/v1/samples/{barcode}", samples_get_api, 0, "lab", READERS | ROLE_SYSTEM, 0, "read a sample"},
    {"GET", "/api/v1/samples/{barcode}/barcode.png", samples_barcode_api, 0, "lab", ROLE_ADMIN | ROLE_OFFICER, 0,
     "the sample's printable Code 128 label"},
    {"POST", "/api/v1/samples/{barcode}/result", samples_result_api, 0, "lab", ROLE_SYSTEM, 0,
     "a laboratory result: negative or positive (laboratories only)"},
    {NULL, NULL, NULL, 0, NULL, 0, 0, NULL},
};
