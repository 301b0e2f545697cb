/* enterprise_api.c — HTTP handlers of the enterprise registry. Enterprise users reach only
 * their own enterprise; any other answers 404 so that existence is not confirmed. */
#include <string.h>

#include "../platform/http.h"
#include "../platform/ident.h"
#include "../platform/list_query.h"
#include "../platform/mem.h"
#include "enterprise.h"

/* The {uscc} of the path, trimmed and upper-cased as the API promises, into out. */
static hg_rc path_uscc(req *r, char *out, size_t n, hg_err *err)
{
    if (ident_normalize(r->params[0], out, n))
        return hg_fail(err, HG_NOTFOUND, "not_found", "uscc", "no such enterprise");
    const char *why;
    if (!check_uscc(out, &why))
        return hg_fail(err, HG_INVALID, "invalid", "uscc", "uscc is not valid: %s", why);
    return HG_OK;
}

static hg_rc enterprise_create_api(req *r, hg_err *err)
{
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    json_t *out;
    hg_ctx c = req_ctx(r);
    hg_rc rc = enterprise_create(&c, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc enterprise_get_api(req *r, hg_err *err)
{
    char uscc[32];
    hg_rc rc = path_uscc(r, uscc, sizeof uscc, err);
    if (rc)
        return rc;
    if (!enterprise_visible(r->who, uscc))
        return hg_fail(err, HG_NOTFOUND, "not_found", "uscc", "no such enterprise");
    json_t *out;
    rc = enterprise_get(r->db, uscc, &out, err);
    if (rc == HG_NOTFOUND)
        return hg_fail(err, HG_NOTFOUND, "not_found", "uscc", "no such enterprise");
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc enterprise_patch_api(req *r, hg_err *err)
{
    char uscc[32];
    hg_rc rc = path_uscc(r, uscc, sizeof uscc, err);
    if (rc)
        return rc;
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    json_t *out;
    hg_ctx c = req_ctx(r);
    rc = enterprise_patch(&c, uscc, r->json, &out, err);
    if (rc == HG_NOTFOUND)
        return hg_fail(err, HG_NOTFOUND, "not_found", "uscc", "no such enterprise");
    return rc ? rc : req_reply_json(r, 200, out);
}

static const char *const filter_params[] = {"credit_level", "kind", "customs_code", "coordinator", NULL};
/* The columns an enterprises list may be sorted on. */
static const char *const enterprise_sortable[] = {"uscc",        "customs_code", "name_zh",    "name_en", "kind",
                                                  "credit_level", "coordinator", "created_at", "updated_at", NULL};

/* The filters of an enterprises list or export (paged: with its pages) into q, whose names and
 * values (5 each) hold them. */
static hg_rc enterprise_filter_parse(req *r, int paged, const char **names, const char **values, record_query *q,
                                     hg_err *err)
{
    int n = 0;
    for (const char *const *p = filter_params; *p; p++) {
        const char *v = req_query(r, *p);
        if (!v)
            continue;
        int fi = record_field_index(&enterprise_record, *p);
        const field *f = &enterprise_record.fields[fi];
        if (f->type == FT_ENUM) {
            int ok = 0;
            for (const char *const *e = f->values; *e && !ok; e++)
                ok = strcmp(*e, v) == 0;
            if (!ok)
                return hg_fail(err, HG_INVALID, "invalid", *p, "%s is not a known value", *p);
        }
        names[n] = *p;
        values[n++] = v;
    }
    if (r->who->role == ROLE_ENTERPRISE) {   /* an enterprise lists only itself */
        names[n] = "uscc";
        values[n++] = r->who->enterprise;
    }
    *q = (record_query){.eq_names = names, .eq_values = values, .n_eq = n};
    return list_query_parse(r, enterprise_sortable, paged, q, err);
}

static hg_rc enterprise_list_api(req *r, hg_err *err)
{
    const char *names[5], *values[5];
    record_query q;
    json_t *out;
    hg_rc rc = enterprise_filter_parse(r, 1, names, values, &q, err);
    if (!rc)
        rc = record_list_json(r->db, &enterprise_record, &q, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc enterprise_export_api(req *r, hg_err *err)
{
    const char *names[5], *values[5];
    record_query q;
    hg_rc rc = enterprise_filter_parse(r, 0, names, values, &q, err);
    return rc ? rc : list_export(r, &enterprise_record, &q, "enterprise.export", err);
}

/* Electronic agency agreements: the principal enterprise registers and revokes its own. */
static hg_rc agency_create_api(req *r, hg_err *err)
{
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    json_t *out;
    hg_ctx c = req_ctx(r);
    hg_rc rc = agency_create(&c, r->who->enterprise, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc agency_list_api(req *r, hg_err *err)
{
    int limit;
    json_t *out;
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    if (!rc)
        rc = agency_list(r->db, r->who, req_query(r, "cursor"), limit, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc agency_revoke_api(req *r, hg_err *err)
{
    char no[32];
    if (ident_normalize(r->params[0], no, sizeof no))
        return hg_fail(err, HG_NOTFOUND, "not_found", "agreement_no", "no such agreement");
    json_t *out;
    hg_ctx c = req_ctx(r);
    hg_rc rc = agency_revoke(&c, r->who->enterprise, no, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

#define READERS (ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE | ROLE_SYSTEM)

const route enterprise_routes[] = {
    {.method = "POST", .pattern = "/api/v1/enterprises", .fn = enterprise_create_api, .body = &enterprise_record,
     .scope = "enterprises", .roles = ROLE_ADMIN | ROLE_OFFICER, .posts = POST_ENTERPRISE,
     .status = 201,
     .summary = "register an enterprise"},
    {.method = "GET", .pattern = "/api/v1/enterprises", .fn = enterprise_list_api,
     .scope = "enterprises", .roles = READERS,
     .query = "credit_level,kind,customs_code,coordinator," LIST_QUERY,
     .summary = "list enterprises"},
    {.method = "POST", .pattern = "/api/v1/enterprises/export", .fn = enterprise_export_api,
     .flags = ROUTE_DIRECT, .scope = "enterprises", .roles = READERS,
     .query = "credit_level,kind,customs_code,coordinator," LIST_EXPORT_QUERY,
     .summary = "the filtered enterprises as CSV (at most 10,000 rows; audited)"},
    {.method = "GET", .pattern = "/api/v1/enterprises/{uscc}", .fn = enterprise_get_api,
     .scope = "enterprises", .roles = READERS,
     .summary = "read one enterprise"},
    {.method = "PATCH", .pattern = "/api/v1/enterprises/{uscc}", .fn = enterprise_patch_api, .body = &enterprise_record,
     .scope = "enterprises", .roles = ROLE_ADMIN | ROLE_OFFICER, .posts = POST_ENTERPRISE,
     .summary = "change an enterprise"},
    {.method = "POST", .pattern = "/api/v1/agency-agreements", .fn = agency_create_api, .body = &agency_record,
     .scope = "enterprises", .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "register an electronic agency agreement (代理报关委托) entrusting a broker (the principal)"},
    {.method = "GET", .pattern = "/api/v1/agency-agreements", .fn = agency_list_api,
     .scope = "enterprises", .roles = ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE,
     .query = "limit,cursor",
     .summary = "list agency agreements (an enterprise: those it gave or holds)"},
    {.method = "POST", .pattern = "/api/v1/agency-agreements/{agreement_no}/revoke", .fn = agency_revoke_api,
     .scope = "enterprises", .roles = ROLE_ENTERPRISE,
     .summary = "revoke one's own agency agreement"},
    {0},
};
