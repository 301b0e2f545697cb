/* cargo_api.c — HTTP handlers of manifests, arrival reports and declarations. Enterprises
 * see only their own manifests and declarations (404 for others'). */
#include <stdlib.h>
#include <string.h>

#include "../platform/http.h"
#include "../platform/json.h"
#include "../enterprise/enterprise.h"
#include "../platform/list_query.h"
#include "../platform/ident.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/barcode.h"
#include "cargo.h"
#include "change_api.h"
#include "registry_api.h"


/* Path identifiers are normalised like every identifier the API receives (ident.h); one too
 * long for out becomes "", which names nothing, so the lookup answers 404. */
static void upper(const char *in, char *out, size_t n) { ident_normalize(in, out, n); }

static hg_rc manifests_create_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    json_t *out;
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = manifest_create(&c, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

/* The columns a manifests list may be sorted on. */
static const char *const manifest_sortable[] = {"manifest_no", "created_at", "eta", "arrived_at", "status", "port",
                                                "vessel_name", "filer", NULL};

/* The filters of a manifests list or export (paged: with its pages) as who may see them; bill
 * holds the normalised bill_no. */
static hg_rc manifest_filter_parse(req *r, int paged, char bill[40], manifest_query *mq, hg_err *err)
{
    record_query base = {0};
    const char *status = req_query(r, "status");
    if (status && strcmp(status, "filed") != 0 && strcmp(status, "arrived") != 0)
        return hg_fail(err, HG_INVALID, "invalid", "status", "status must be filed or arrived");
    const char *order = req_query(r, "order");
    if (order && strcmp(order, "oldest") != 0 && strcmp(order, "newest") != 0)
        return hg_fail(err, HG_INVALID, "invalid", "order", "order must be oldest or newest");
    base.newest_first = order && strcmp(order, "newest") == 0;
    hg_rc rc = list_query_parse(r, manifest_sortable, paged, &base, err);
    if (rc)
        return rc;
    const char *b = req_query(r, "bill_no");
    bill[0] = '\0';
    if (b)
        ident_normalize(b, bill, 40);   /* too long: "", which no bill has */
    manifest_query_make(r->who, status, b ? bill : NULL, &base, mq);
    return HG_OK;
}

static hg_rc manifests_list_api(req *r, hg_err *err)
{
    char bill[40];
    manifest_query mq;
    json_t *out;
    static const char *const parties[] = {"filer", NULL};
    hg_rc rc = manifest_filter_parse(r, 1, bill, &mq, err);
    if (!rc && !(rc = manifest_list(r->db, &mq, &out, err)) &&
        (rc = enterprise_add_list_parties(r->db, out, parties, err)))
        json_decref(out);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc manifests_export_api(req *r, hg_err *err)
{
    char bill[40];
    manifest_query mq;
    hg_rc rc = manifest_filter_parse(r, 0, bill, &mq, err);
    return rc ? rc : list_export(r, &manifest_record, &mq.q, "manifest.export", err);
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
    hg_ctx c = req_ctx(r);
    char no[64];
    int64_t at;
    json_t *out;
    upper(r->params[0], no, sizeof no);
    hg_rc rc = optional_time(r, "at", &at, err);
    if (!rc)
        rc = manifest_arrived(&c, no, at, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc arrivals_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    json_t *out;
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = arrival_report(&c, r->json, &out, err);
    if (rc)
        return rc;
    /* 201 when something was recorded; 200 when every one had been reported before (a retry) */
    int fresh = 0;
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(out, "reported"), i, x)
    {
        fresh |= !json_is_true(json_object_get(x, "already_arrived"));
    }
    return req_reply_json(r, fresh ? 201 : 200, out);
}

static void free_draft(void *p) { declaration_draft_free(p); }

/* Parsing and checking a declaration needs no database: it is done on the request's own
 * thread (the route's prepare step), so that the group-commit writer only files it. */
static hg_rc declarations_file_prepare(req *r, hg_err *err)
{
    declaration_draft *dr;
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = declaration_draft_make(r->who, r->json, &dr, err);
    if (!rc) {
        r->prep = dr;
        r->prep_free = free_draft;
    }
    return rc;
}

static hg_rc declarations_file_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    if (!r->prep)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "declaration filed without its prepare step");
    json_t *out;
    char *text = NULL;
    hg_rc rc = declaration_file_draft(&c, r->prep, &out, &text, err);
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
    if (!rc && (rc = declaration_add_parties(r->db, out, err)))
        json_decref(out);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc declarations_conditions_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = declaration_release_standing(r->db, r->who, r->params[0], &out, err);
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

/* The columns a declarations list may be sorted on. */
static const char *const declaration_sortable[] = {"entry_no", "filed_at", "released_at", "status", "lane",
                                                   "port", "declarant", "bill_no", NULL};

/* The filters of a declarations list or export (paged: with its pages). */
static hg_rc declaration_filter_parse(req *r, int paged, declaration_filter *f, hg_err *err)
{
    static const char *const states[] = {DECL_FILED, DECL_INSPECTION, DECL_PERMITTED, DECL_RELEASED, DECL_REFUSED, NULL};
    static const char *const dirs[] = {"import", "export", NULL};
    static const char *const lanes[] = {"green", "yellow", "red", "blue", NULL};
    static const char *const kinds[] = {"complete", "summary", NULL};
    static const char *const booleans[] = {"true", "false", NULL};
    const char *overdue;
    hg_rc rc;
    if ((rc = one_of(r, "status", states, &f->status, err)) || (rc = one_of(r, "direction", dirs, &f->direction, err)) ||
        (rc = one_of(r, "lane", lanes, &f->lane, err)) || (rc = one_of(r, "kind", kinds, &f->kind, err)) ||
        (rc = one_of(r, "overdue", booleans, &overdue, err)) || (rc = time_param(r, "from", &f->from_ms, err)) ||
        (rc = time_param(r, "to", &f->to_ms, err)) || (rc = time_param(r, "released_from", &f->released_from_ms, err)) ||
        (rc = time_param(r, "released_to", &f->released_to_ms, err)) ||
        (rc = list_query_parse(r, declaration_sortable, paged, &f->list, err)))
        return rc;
    f->overdue = overdue && strcmp(overdue, "true") == 0;
    static const char *const orders[] = {"oldest", "newest", NULL};
    const char *order;
    if ((rc = one_of(r, "order", orders, &order, err)))
        return rc;
    f->list.newest_first = order && strcmp(order, "newest") == 0;
    f->port = req_query(r, "port");
    if (f->port && !cargo_check_port(f->port, NULL))
        return hg_fail(err, HG_INVALID, "invalid", "port", "port must be a 4-digit customs code");
    f->enterprise = req_query(r, "enterprise");
    /* a bill's declarations (a split bill): its number as the manifest writes it */
    const char *bill = req_query(r, "bill_no");
    if (bill) {
        ident_normalize(bill, f->bill_buf, sizeof f->bill_buf);   /* too long: "", which no bill has */
        f->bill_no = f->bill_buf;
    }
    return HG_OK;
}

static hg_rc declarations_list_api(req *r, hg_err *err)
{
    declaration_filter f = {0};
    json_t *out = NULL;
    hg_rc rc = declaration_filter_parse(r, 1, &f, err);
    if (!rc)
        rc = declaration_list(r->db, r->who, &f, &out, err);
    size_t i;
    json_t *row;
    json_array_foreach(rc ? NULL : json_object_get(out, "items"), i, row)
    {
        if (!rc)
            rc = declaration_add_parties(r->db, row, err);
    }
    if (rc && out)
        json_decref(out);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc declarations_export_api(req *r, hg_err *err)
{
    declaration_filter f = {0};
    declaration_query dq;
    hg_rc rc = declaration_filter_parse(r, 0, &f, err);
    if (rc)
        return rc;
    rc = declaration_query_make(r->who, &f, &dq, err);
    if (!rc)
        rc = list_export(r, &declaration_record, &dq.q, "declaration.export", err);
    declaration_query_free(&dq);
    return rc;
}

static hg_rc declarations_release_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    json_t *out;
    hg_rc rc = declaration_release(&c, r->params[0], &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc declarations_inspect_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    json_t *out;
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = inspection_order(&c, r->params[0], r->json, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc declarations_attendance_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    json_t *out;
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = inspection_waive_attendance(&c, r->params[0], r->json, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc declarations_permit_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    json_t *out;
    hg_rc rc = declaration_permit_entry(&c, r->params[0], &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc declarations_complete_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    json_t *out;
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = declaration_complete(&c, r->params[0], r->json, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc inspections_list_api(req *r, hg_err *err)
{
    const char *status = req_query(r, "status");
    if (status && strcmp(status, "open") && strcmp(status, "passed") && strcmp(status, "failed"))
        return hg_fail(err, HG_INVALID, "invalid", "status", "status must be open, passed or failed");
    json_t *out;
    int limit;
    const char *q;
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    if (!rc)
        rc = list_query_text(r, &q, err);
    if (!rc)
        rc = inspection_list(r->db, status, q, req_query(r, "cursor"), limit, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc inspections_result_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    char *end;
    long long id = strtoll(r->params[0], &end, 10);
    if (*end || id <= 0)
        return hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such inspection");
    json_t *out;
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = inspection_result(&c, id, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

/* The columns a samples list may be sorted on. */
static const char *const sample_sortable[] = {"barcode", "entry_no", "kind", "status", "created_at", "result_at", NULL};

/* The filters of a samples list or export (paged: with its pages) as who may see them; names,
 * values (3 each) and args hold what q points to. */
static hg_rc sample_filter_parse(req *r, int paged, char entry[32], const char **names, const char **values,
                                 const char **args, record_query *q, hg_err *err)
{
    static const char *const filters[] = {"entry_no", "kind", "status", NULL};
    static const char *const states[] = {"pending", "negative", "positive", NULL};
    int n = 0;
    *q = (record_query){.eq_names = names, .eq_values = values};
    const char *status;
    hg_rc rc = one_of(r, "status", states, &status, err);
    if (rc)
        return rc;
    for (const char *const *f = filters; *f; f++) {
        const char *v = req_query(r, *f);
        if (v && *f == filters[0]) {
            upper(v, entry, 32);
            v = entry;
        }
        if (v) {
            names[n] = *f;
            values[n++] = v;
        }
    }
    q->n_eq = n;
    sample_query_make(r->who, q, args);
    return list_query_parse(r, sample_sortable, paged, q, err);
}

static hg_rc samples_list_api(req *r, hg_err *err)
{
    char entry[32];
    const char *names[3], *values[3], *args[3];
    record_query q;
    json_t *out;
    hg_rc rc = sample_filter_parse(r, 1, entry, names, values, args, &q, err);
    if (!rc)
        rc = sample_list(r->db, r->who, req_query(r, "entry_no") ? entry : NULL, &q, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc samples_export_api(req *r, hg_err *err)
{
    char entry[32];
    const char *names[3], *values[3], *args[3];
    record_query q;
    hg_rc rc = sample_filter_parse(r, 0, entry, names, values, args, &q, err);
    return rc ? rc : list_export(r, &sample_record, &q, "sample.export", err);
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
    hg_ctx c = req_ctx(r);
    char code[48];
    upper(r->params[0], code, sizeof code);
    json_t *out;
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = sample_result(&c, code, r->json, &out, err);
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

/* GET /api/v1/reference/ports: the district's port table, for the console's names and selects.
 * Public like the other reference names (the codes are printed on every declaration). */
static hg_rc ports_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = cargo_ports_json(r->db, &out, err);
    if (!rc)
        rc = req_reply_json(r, 200, out);
    /* it changes by an import, seldom: a browser asks again after five minutes */
    return rc ? rc : req_add_header(r, "Cache-Control", "public, max-age=300");
}

#define READERS (ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE)

const route cargo_routes[] = {
    {.method = "GET", .pattern = "/api/v1/reference/ports", .fn = ports_api, .flags = ROUTE_PUBLIC,
     .summary = "the district's port customs codes (关区代码) with their names in Chinese and English and their "
                "transport modes"},
    {.method = "POST", .pattern = "/api/v1/manifests", .fn = manifests_create_api, .body = &manifest_record,
     .scope = "manifests", .roles = ROLE_ENTERPRISE | ROLE_OFFICER, .posts = POST_CLEARANCE,
     .status = 201,
     .summary = "file a manifest (carriers and their shipping agents, or a clearance officer)"},
    {.method = "GET", .pattern = "/api/v1/manifests", .fn = manifests_list_api,
     .scope = "manifests", .roles = READERS,
     .query = "status,bill_no,order," LIST_QUERY,
     .summary = "list manifests (an enterprise: those it filed or that carry its bills)"},
    {.method = "POST", .pattern = "/api/v1/manifests/export", .fn = manifests_export_api,
     .flags = ROUTE_DIRECT, .scope = "manifests", .roles = READERS,
     .query = "status,bill_no,order," LIST_EXPORT_QUERY,
     .summary = "the filtered manifests as CSV (at most 10,000 rows; audited)"},
    {.method = "GET", .pattern = "/api/v1/manifests/{manifest_no}", .fn = manifests_get_api,
     .scope = "manifests", .roles = READERS,
     .summary = "read a manifest"},
    {.method = "POST", .pattern = "/api/v1/manifests/{manifest_no}/arrived", .fn = manifests_arrived_api,
     .scope = "manifests", .roles = ROLE_ENTERPRISE | ROLE_OFFICER | ROLE_SYSTEM, .posts = POST_CLEARANCE,
     .summary = "declare the transport's arrival (运输工具申报进境): the manifest's carrier or agent, the port or an "
                "officer"},
    {.method = "POST", .pattern = "/api/v1/arrivals", .fn = arrivals_api,
     .scope = "arrival", .roles = ROLE_SYSTEM,
     .status = 201, .repeat_status = 200,   /* containers all reported before: nothing written */
     .summary = "report goods arrived in the supervised area (运抵): the terminal or supervised site, by bill or "
                "container"},
    {.method = "POST", .pattern = "/api/v1/declarations", .fn = declarations_file_api, .body = &declaration_record,
     .prepare = declarations_file_prepare, .scope = "declarations", .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "file a declaration"},
    {.method = "GET", .pattern = "/api/v1/declarations", .fn = declarations_list_api,
     .scope = "declarations", .roles = READERS,
     .query = "status,direction,port,lane,kind,enterprise,bill_no,from,to,released_from,released_to,overdue,order," LIST_QUERY,
     .summary = "list declarations"},
    {.method = "POST", .pattern = "/api/v1/declarations/export", .fn = declarations_export_api,
     .flags = ROUTE_DIRECT, .scope = "declarations", .roles = READERS,
     .query = "status,direction,port,lane,kind,enterprise,bill_no,from,to,released_from,released_to,overdue,order," LIST_EXPORT_QUERY,
     .summary = "the filtered declarations as CSV (at most 10,000 rows; audited)"},
    {.method = "GET", .pattern = "/api/v1/declarations/{entry_no}", .fn = declarations_get_api,
     .scope = "declarations", .roles = READERS,
     .summary = "read a declaration with its timeline"},
    {.method = "GET", .pattern = "/api/v1/declarations/{entry_no}/release-conditions", .fn = declarations_conditions_api,
     .scope = "declarations", .roles = READERS,
     .summary = "what the release of a declaration still waits for, and who acts next"},
    {.method = "POST", .pattern = "/api/v1/declarations/{entry_no}/release", .fn = declarations_release_api,
     .scope = "declarations", .roles = ROLE_OFFICER, .posts = POST_CLEARANCE,
     .summary = "release a declaration (officer)"},
    {.method = "POST", .pattern = "/api/v1/declarations/{entry_no}/inspection", .fn = declarations_inspect_api,
     .scope = "declarations", .roles = ROLE_OFFICER, .posts = POST_CLEARANCE | POST_RISK | POST_INSPECTION,
     .status = 201,
     .summary = "order an inspection of a filed declaration (officer)"},
    {.method = "POST", .pattern = "/api/v1/declarations/{entry_no}/attendance-waiver",
     .fn = declarations_attendance_api, .scope = "declarations", .roles = ROLE_ENTERPRISE,
     .summary = "a certified enterprise asks that its goods be inspected without it attending (查验免到场)"},
    {.method = "POST", .pattern = "/api/v1/declarations/{entry_no}/permit-entry", .fn = declarations_permit_api,
     .scope = "declarations", .roles = ROLE_OFFICER, .posts = POST_CLEARANCE | POST_INSPECTION,
     .summary = "two-stage admission: permit goods to enter before their laboratory results"},
    {.method = "POST", .pattern = "/api/v1/declarations/{entry_no}/complete", .fn = declarations_complete_api,
     .scope = "declarations", .roles = ROLE_ENTERPRISE,
     .summary = "complete a two-step summary declaration"},
    /* the declaration's life after filing (change_api.c) */
    {.method = "POST", .pattern = "/api/v1/declarations/{entry_no}/changes", .fn = changes_request_api,
     .scope = "declarations", .roles = ROLE_ENTERPRISE | ROLE_OFFICER, .posts = POST_CLEARANCE | POST_TAX,
     .status = 201,
     .summary = "ask to modify or cancel a declaration (its declarant, before release) or open an amendment "
                "after release (an officer)"},
    {.method = "GET", .pattern = "/api/v1/declarations/{entry_no}/changes", .fn = changes_of_declaration_api,
     .scope = "declarations", .roles = READERS,
     .query = "status,kind,limit,cursor",
     .summary = "a declaration's change requests, newest first"},
    {.method = "GET", .pattern = "/api/v1/declaration-changes", .fn = changes_queue_api,
     .scope = "declarations", .roles = ROLE_ADMIN | ROLE_OFFICER, .posts = POST_CLEARANCE | POST_TAX,
     .query = "status,kind,limit,cursor",
     .summary = "the officers' queue of change requests, newest first (status pending, approved, refused)"},
    {.method = "POST", .pattern = "/api/v1/declaration-changes/{id}/approve", .fn = changes_approve_api,
     .scope = "declarations", .roles = ROLE_OFFICER, .posts = POST_CLEARANCE | POST_TAX,
     .summary = "approve a change request (an officer other than who asked): modify, cancel or amend"},
    {.method = "POST", .pattern = "/api/v1/declaration-changes/{id}/refuse", .fn = changes_refuse_api,
     .scope = "declarations", .roles = ROLE_OFFICER, .posts = POST_CLEARANCE | POST_TAX,
     .summary = "refuse a change request, with a note"},
    {.method = "POST", .pattern = "/api/v1/declarations/{entry_no}/return", .fn = declarations_return_api,
     .scope = "declarations", .roles = ROLE_OFFICER, .posts = POST_CLEARANCE,
     .summary = "return a filed declaration to its declarant for correction (退单), with a reason"},
    {.method = "POST", .pattern = "/api/v1/declarations/{entry_no}/refile", .fn = declarations_refile_api,
     .scope = "declarations", .roles = ROLE_ENTERPRISE,
     .summary = "correct and refile a returned declaration under the same entry number"},
    /* the registry of overseas food producers (registry_api.c, 海关总署令第248号) */
    {.method = "POST", .pattern = "/api/v1/producers", .fn = producers_create_api, .body = &producer_record,
     .scope = "declarations", .roles = ROLE_ADMIN | ROLE_OFFICER, .posts = POST_CLEARANCE | POST_INSPECTION,
     .status = 201,
     .summary = "register an overseas food producer (registration number, country, name, HS categories, validity)"},
    {.method = "GET", .pattern = "/api/v1/producers", .fn = producers_list_api,
     .scope = "declarations", .roles = READERS,
     .query = "country,status," LIST_QUERY,
     .summary = "the registry of overseas food producers, searched and paged"},
    {.method = "GET", .pattern = "/api/v1/producers/{registration_no}", .fn = producers_get_api,
     .scope = "declarations", .roles = READERS,
     .summary = "read a producer's registration"},
    {.method = "PATCH", .pattern = "/api/v1/producers/{registration_no}", .fn = producers_update_api,
     .body = &producer_record, .scope = "declarations", .roles = ROLE_ADMIN | ROLE_OFFICER,
     .posts = POST_CLEARANCE | POST_INSPECTION,
     .summary = "change a registration: its name, categories, validity or status (registered, suspended, cancelled)"},
    {.method = "GET", .pattern = "/api/v1/ledger", .fn = ledger_api,
     .scope = "ledger", .roles = READERS | ROLE_SYSTEM,
     .query = "entry_no,status",
     .summary = "the logistics ledger of goods under inspection-quarantine"},
    {.method = "GET", .pattern = "/api/v1/inspections", .fn = inspections_list_api,
     .scope = "inspections", .roles = ROLE_ADMIN | ROLE_OFFICER, .posts = POST_INSPECTION,
     .query = "cursor,limit,status,q",
     .summary = "the inspection queue: green channel first, then oldest (status open, passed, failed; limit, cursor)"},
    {.method = "POST", .pattern = "/api/v1/inspections/{id}/result", .fn = inspections_result_api,
     .scope = "inspections", .roles = ROLE_OFFICER, .posts = POST_INSPECTION,
     .summary = "record an inspection's result (pass, or fail with findings and disposal)"},
    {.method = "GET", .pattern = "/api/v1/samples", .fn = samples_list_api,
     .scope = "lab", .roles = READERS | ROLE_SYSTEM,
     .query = "entry_no,kind,status," LIST_QUERY,
     .summary = "samples: a declaration's, or every one who sees, searched and paged"},
    {.method = "POST", .pattern = "/api/v1/samples/export", .fn = samples_export_api,
     .flags = ROUTE_DIRECT, .scope = "lab", .roles = READERS | ROLE_SYSTEM,
     .query = "entry_no,kind,status," LIST_EXPORT_QUERY,
     .summary = "the filtered samples as CSV (at most 10,000 rows; audited)"},
    {.method = "GET", .pattern = "/api/v1/samples/{barcode}", .fn = samples_get_api,
     .scope = "lab", .roles = READERS | ROLE_SYSTEM,
     .summary = "read a sample"},
    {.method = "GET", .pattern = "/api/v1/samples/{barcode}/barcode.png", .fn = samples_barcode_api,
     .scope = "lab", .roles = ROLE_ADMIN | ROLE_OFFICER,
     .summary = "the sample's printable Code 128 label"},
    {.method = "POST", .pattern = "/api/v1/samples/{barcode}/result", .fn = samples_result_api,
     .scope = "lab", .roles = ROLE_SYSTEM,
     .summary = "a laboratory result: negative or positive (laboratories only)"},
    {0},
};
