/* tax_api.c — HTTP handlers of the tax area: bills with their working, payments,
 * guarantees, deferral and waiver requests and their decisions, and the revenue summary. */
#include <stdlib.h>
#include <string.h>

#include "../platform/http.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../platform/record.h"
#include "tax_store.h"

static hg_rc body_fields(req *r, const char *const *allowed, hg_err *err)
{
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    return json_reject_unknown(r->json, allowed, err);
}

static hg_rc money_field(req *r, const char *name, int64_t *fen, hg_err *err)
{
    const char *v;
    hg_rc rc = json_get_str(r->json, name, 1, &v, err);
    if (!rc && (money_parse(v, fen, err) || *fen < 0)) {
        snprintf(err->field, sizeof err->field, "%s", name);
        rc = hg_fail(err, HG_INVALID, "invalid", name, "%s must be a decimal string in yuan, such as \"1234.56\"",
                     name);
    }
    return rc;
}

static hg_rc tax_get_api(req *r, hg_err *err)
{
    int64_t at = now_ms();
    const char *v = req_query(r, "at");
    if (v && time_parse_rfc3339(v, &at))
        return hg_fail(err, HG_INVALID, "invalid", "at", "at must be an RFC 3339 time with offset");
    json_t *out;
    hg_rc rc = tax_bill_json(r->db, r->who, r->params[0], at, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc payments_api(req *r, hg_err *err)
{
    static const char *const allowed[] = {"entry_no", "amount", NULL};
    const char *entry;
    int64_t amount;
    json_t *out;
    hg_rc rc = body_fields(r, allowed, err);
    if (!rc)
        rc = json_get_str(r->json, "entry_no", 1, &entry, err);
    if (!rc)
        rc = money_field(r, "amount", &amount, err);
    if (!rc)
        rc = tax_pay(r->db, r->who, r->request_id, entry, amount, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc guarantees_api(req *r, hg_err *err)
{
    static const char *const allowed[] = {"entry_no", "amount", "guarantor", NULL};
    const char *entry, *guarantor;
    int64_t amount;
    json_t *out;
    hg_rc rc = body_fields(r, allowed, err);
    if (!rc)
        rc = json_get_str(r->json, "entry_no", 1, &entry, err);
    if (!rc)
        rc = money_field(r, "amount", &amount, err);
    if (!rc)
        rc = json_get_str(r->json, "guarantor", 1, &guarantor, err);
    if (!rc && (strlen(guarantor) < 2 || strlen(guarantor) > 200))
        rc = hg_fail(err, HG_INVALID, "invalid", "guarantor", "guarantor names the bank or insurer (2 to 200 bytes)");
    if (!rc)
        rc = tax_guarantee(r->db, r->who, r->request_id, entry, amount, guarantor, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc request_api(req *r, const char *kind, hg_err *err)
{
    static const char *const deferral_fields[] = {"entry_no", "reason", "until", NULL};
    static const char *const waiver_fields[] = {"entry_no", "reason", NULL};
    const char *entry, *reason, *until = NULL;
    int64_t until_ms = 0;
    json_t *out;
    int deferral = strcmp(kind, "deferral") == 0;
    hg_rc rc = body_fields(r, deferral ? deferral_fields : waiver_fields, err);
    if (!rc)
        rc = json_get_str(r->json, "entry_no", 1, &entry, err);
    if (!rc)
        rc = json_get_str(r->json, "reason", 1, &reason, err);
    if (!rc && (strlen(reason) < 4 || strlen(reason) > 1000))
        rc = hg_fail(err, HG_INVALID, "invalid", "reason", "reason must be 4 to 1000 bytes");
    if (!rc && deferral)
        rc = json_get_str(r->json, "until", 1, &until, err);
    if (!rc && until && time_parse_rfc3339(until, &until_ms))
        rc = hg_fail(err, HG_INVALID, "invalid", "until", "until must be an RFC 3339 time with offset");
    if (!rc)
        rc = tax_request(r->db, r->who, r->request_id, kind, entry, reason, until_ms, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc deferrals_api(req *r, hg_err *err) { return request_api(r, "deferral", err); }
static hg_rc waivers_api(req *r, hg_err *err) { return request_api(r, "waiver", err); }

static hg_rc decide(req *r, int approve, hg_err *err)
{
    static const char *const allowed[] = {"note", NULL};
    const char *note = NULL;
    char *end;
    long long id = strtoll(r->params[0], &end, 10);
    if (*end || id <= 0)
        return hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such decision");
    hg_rc rc = HG_OK;
    if (r->json && !(rc = json_reject_unknown(r->json, allowed, err)))
        rc = json_get_str(r->json, "note", 0, &note, err);
    json_t *out;
    if (!rc)
        rc = tax_decide(r->db, r->who, r->request_id, id, approve, note, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc approve_api(req *r, hg_err *err) { return decide(r, 1, err); }
static hg_rc reject_api(req *r, hg_err *err) { return decide(r, 0, err); }

static hg_rc decisions_api(req *r, hg_err *err)
{
    const char *status = req_query(r, "status");
    if (status && strcmp(status, "pending") && strcmp(status, "approved") && strcmp(status, "rejected"))
        return hg_fail(err, HG_INVALID, "invalid", "status", "status must be pending, approved or rejected");
    json_t *out;
    hg_rc rc = tax_decisions_json(r->db, status, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc summary_api(req *r, hg_err *err)
{
    int64_t from = 0, to = now_ms() + 1;
    const char *f = req_query(r, "from"), *t = req_query(r, "to");
    if (f && time_parse_rfc3339(f, &from))
        return hg_fail(err, HG_INVALID, "invalid", "from", "from must be an RFC 3339 time with offset");
    if (t && time_parse_rfc3339(t, &to))
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be an RFC 3339 time with offset");
    json_t *out;
    hg_rc rc = tax_summary_json(r->db, from, to, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc bills_api(req *r, hg_err *err)
{
    tax_bill_query q = {0};
    static const char *const statuses[] = {"due", "paid", "guaranteed", "deferred", "none", NULL};
    q.status = req_query(r, "status");
    if (q.status) {
        const char *const *v = statuses;
        while (*v && strcmp(*v, q.status) != 0)
            v++;
        if (!*v)
            return hg_fail(err, HG_INVALID, "invalid", "status", "status must be due, paid, guaranteed, deferred or none");
    }
    const char *o = req_query(r, "overdue"), *f = req_query(r, "from"), *t = req_query(r, "to");
    if (o && strcmp(o, "true") && strcmp(o, "false"))
        return hg_fail(err, HG_INVALID, "invalid", "overdue", "overdue must be true or false");
    q.overdue = o && strcmp(o, "true") == 0;
    if (f && time_parse_rfc3339(f, &q.from_ms))
        return hg_fail(err, HG_INVALID, "invalid", "from", "from must be an RFC 3339 time with offset");
    if (t && time_parse_rfc3339(t, &q.to_ms))
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be an RFC 3339 time with offset");
    q.cursor = req_query(r, "cursor");
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &q.limit, err);
    json_t *out;
    if (!rc)
        rc = tax_bills_json(r->db, r->who, &q, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

const route tax_routes[] = {
    {.method = "GET", .pattern = "/api/v1/tax/bills", .fn = bills_api,
     .scope = "tax", .roles = ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE, .posts = POST_TAX,
     .query = "status,overdue,from,to,limit,cursor",
     .summary = "tax bills, newest first: an enterprise's own, or all for tax officers"},
    {.method = "GET", .pattern = "/api/v1/tax/summary", .fn = summary_api,
     .scope = "tax", .roles = ROLE_ADMIN | ROLE_OFFICER, .posts = POST_TAX,
     .query = "from,to",
     .summary = "revenue, outstanding and deferred tax, late fees collected and waived"},
    {.method = "GET", .pattern = "/api/v1/tax/decisions", .fn = decisions_api,
     .scope = "tax", .roles = ROLE_ADMIN | ROLE_OFFICER, .posts = POST_TAX,
     .query = "status",
     .summary = "deferral and waiver requests"},
    {.method = "POST", .pattern = "/api/v1/tax/decisions/{id}/approve", .fn = approve_api,
     .scope = "tax", .roles = ROLE_OFFICER, .posts = POST_TAX,
     .summary = "approve a deferral or waiver (tax officer, not the requester)"},
    {.method = "POST", .pattern = "/api/v1/tax/decisions/{id}/reject", .fn = reject_api,
     .scope = "tax", .roles = ROLE_OFFICER, .posts = POST_TAX,
     .summary = "reject a deferral or waiver"},
    {.method = "POST", .pattern = "/api/v1/tax/deferrals", .fn = deferrals_api,
     .scope = "tax", .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "ask to defer payment (延期缴纳)"},
    {.method = "POST", .pattern = "/api/v1/tax/waivers", .fn = waivers_api,
     .scope = "tax", .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "ask to waive a late fee (减免)"},
    {.method = "POST", .pattern = "/api/v1/tax/guarantees", .fn = guarantees_api,
     .scope = "tax", .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "guarantee the tax due"},
    {.method = "POST", .pattern = "/api/v1/payments", .fn = payments_api,
     .scope = "tax", .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "pay a declaration's tax and late fee"},
    {.method = "GET", .pattern = "/api/v1/tax/{entry_no}", .fn = tax_get_api,
     .scope = "tax", .roles = ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE,
     .query = "at",
     .summary = "a declaration's tax bill with its working and the late fee as of a date"},
    {0},
};
