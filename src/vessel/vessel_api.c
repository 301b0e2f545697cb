/* vessel_api.c — HTTP handlers of the vessel area: disinfection supervision records, written
 * by inspection or quarantine officers, read by officers and administrators. */
#include "../platform/http.h"
#include "../platform/ident.h"
#include "../platform/json.h"
#include "vessel.h"

static hg_rc disinfections_create_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = r->json ? HG_OK : hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    if (!rc)
        rc = disinfection_create(r->db, r->who, r->request_id, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc disinfections_list_api(req *r, hg_err *err)
{
    int limit;
    json_t *out;
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    if (!rc)
        rc = disinfection_list(r->db, req_query(r, "cursor"), limit, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc disinfections_lift_api(req *r, hg_err *err)
{
    char no[48];
    if (ident_normalize(r->params[0], no, sizeof no))
        return hg_fail(err, HG_NOTFOUND, "not_found", "record_no", "no such disinfection record");
    json_t *out;
    hg_rc rc = disinfection_lift(r->db, r->who, r->request_id, no, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

const route vessel_routes[] = {
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
