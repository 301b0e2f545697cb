/* tax_api.c — HTTP handlers of the tax area: bills with their working, payments,
 * guarantees, deferral and waiver requests and their decisions, and the revenue summary. */
#include <stdlib.h>
#include <string.h>

#include "../enterprise/enterprise.h"
#include "../platform/http.h"
#include "../platform/json.h"
#include "../platform/list_query.h"
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
    hg_rc rc = tax_bill_full_json(r->db, r->who, r->params[0], at, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc payments_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
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
        rc = tax_pay(&c, entry, amount, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

/* A supplementary bill's payment (补税): its tax and late fee, exactly. */
static hg_rc supplementary_pay_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    static const char *const allowed[] = {"amount", NULL};
    char *end;
    long long id = strtoll(r->params[0], &end, 10);
    if (*end || id <= 0)
        return hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such supplementary bill");
    int64_t amount;
    json_t *out;
    hg_rc rc = body_fields(r, allowed, err);
    if (!rc)
        rc = money_field(r, "amount", &amount, err);
    if (!rc)
        rc = tax_adjustment_pay(&c, id, amount, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

/* An optional RFC 3339 time field: *ms 0 when absent. */
static hg_rc time_field(req *r, const char *name, int required, int64_t *ms, hg_err *err)
{
    const char *v = NULL;
    *ms = 0;
    hg_rc rc = json_get_str(r->json, name, required, &v, err);
    if (!rc && v && time_parse_rfc3339(v, ms))
        rc = hg_fail(err, HG_INVALID, "invalid", name, "%s must be an RFC 3339 time with offset", name);
    return rc;
}

/* A guarantee letter's guarantor (required when need_guarantor) and number, both optional
 * otherwise, each checked. */
static hg_rc letter_fields(req *r, int need_guarantor, const char **guarantor, const char **letter_no, hg_err *err)
{
    *guarantor = *letter_no = NULL;
    hg_rc rc = json_get_str(r->json, "guarantor", need_guarantor, guarantor, err);
    if (!rc && *guarantor && (strlen(*guarantor) < 2 || strlen(*guarantor) > 200))
        rc = hg_fail(err, HG_INVALID, "invalid", "guarantor", "guarantor names the bank or insurer (2 to 200 bytes)");
    if (!rc)
        rc = json_get_str(r->json, "letter_no", 0, letter_no, err);
    if (!rc && *letter_no && (!(*letter_no)[0] || strlen(*letter_no) > 64))
        rc = hg_fail(err, HG_INVALID, "invalid", "letter_no", "letter_no is the guarantee letter's number (1 to 64 bytes)");
    return rc;
}

static hg_rc guarantees_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    static const char *const allowed[] = {"entry_no",  "amount",      "guarantor", "kind", "letter_no",
                                          "valid_until", "general_guarantee_id", NULL};
    tax_guarantee_in in = {.kind = "letter"};
    const char *kind = NULL;
    json_t *out;
    hg_rc rc = body_fields(r, allowed, err);
    if (!rc)
        rc = json_get_str(r->json, "entry_no", 1, &in.entry_no, err);
    if (!rc)
        rc = money_field(r, "amount", &in.amount_fen, err);
    if (!rc)
        rc = json_get_str(r->json, "kind", 0, &kind, err);
    if (!rc && kind && strcmp(kind, "letter") && strcmp(kind, "deposit") && strcmp(kind, "general"))
        rc = hg_fail(err, HG_INVALID, "invalid", "kind",
                     "kind must be letter (保函 of a bank or insurer), deposit (保证金) or general (a draw on a "
                     "general guarantee, 总担保)");
    if (!rc && kind)
        in.kind = kind;
    int deposit = strcmp(in.kind, "deposit") == 0, general = strcmp(in.kind, "general") == 0;
    json_t *gid = json_object_get(r->json, "general_guarantee_id");
    if (!rc && general && (!json_is_integer(gid) || json_integer_value(gid) <= 0))
        rc = hg_fail(err, HG_INVALID, "required", "general_guarantee_id",
                     "a draw names the general guarantee it draws on (general_guarantee_id, a number)");
    if (!rc && !general && gid)
        rc = hg_fail(err, HG_INVALID, "invalid", "general_guarantee_id",
                     "general_guarantee_id goes with kind general only");
    if (!rc && general && (json_object_get(r->json, "guarantor") || json_object_get(r->json, "valid_until")))
        rc = hg_fail(err, HG_INVALID, "invalid", json_object_get(r->json, "guarantor") ? "guarantor" : "valid_until",
                     "a draw takes the general guarantee's guarantor and period");
    if (!rc && general)
        in.general_id = json_integer_value(gid);
    if (!rc)
        rc = letter_fields(r, !deposit && !general, &in.guarantor, &in.letter_no, err);
    if (!rc)
        rc = time_field(r, "valid_until", 0, &in.valid_until_ms, err);
    if (!rc)
        rc = tax_guarantee_post(&c, &in, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

/* A decision's path id (404 naming `what` when it is not one) and its optional body {"note"}. */
static hg_rc id_and_note(req *r, const char *what, long long *id, const char **note, hg_err *err)
{
    static const char *const allowed[] = {"note", NULL};
    char *end;
    *note = NULL;
    *id = strtoll(r->params[0], &end, 10);
    if (*end || *id <= 0)
        return hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such %s", what);
    hg_rc rc = HG_OK;
    if (r->json && !(rc = json_reject_unknown(r->json, allowed, err)))
        rc = json_get_str(r->json, "note", 0, note, err);
    if (!rc && *note && strlen(*note) > 1000)
        rc = hg_fail(err, HG_INVALID, "invalid", "note", "note is at most 1000 bytes");
    return rc;
}

static hg_rc guarantee_decide(req *r, int accept, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    const char *note;
    long long id;
    json_t *out;
    hg_rc rc = id_and_note(r, "guarantee", &id, &note, err);
    if (!rc)
        rc = tax_guarantee_decide(&c, id, accept, note, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc guarantee_accept_api(req *r, hg_err *err) { return guarantee_decide(r, 1, err); }
static hg_rc guarantee_reject_api(req *r, hg_err *err) { return guarantee_decide(r, 0, err); }

static hg_rc guarantees_list_api(req *r, hg_err *err)
{
    static const char *const statuses[] = {"pending", "active", "rejected", "released", "converted", "lapsed", NULL};
    const char *status = req_query(r, "status");
    if (status) {
        const char *const *v = statuses;
        while (*v && strcmp(*v, status) != 0)
            v++;
        if (!*v)
            return hg_fail(err, HG_INVALID, "invalid", "status",
                           "status must be pending, active, rejected, released, converted or lapsed");
    }
    json_t *out;
    hg_rc rc = tax_guarantees_json(r->db, status, req_query(r, "entry_no"), &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

/* A general guarantee (总担保) posted by an enterprise for its own declarations. */
static hg_rc generals_post_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    static const char *const allowed[] = {"kind", "guarantor", "letter_no", "amount", "valid_from", "valid_until",
                                          NULL};
    tax_general_in in = {.kind = "letter"};
    const char *kind = NULL;
    json_t *out;
    hg_rc rc = body_fields(r, allowed, err);
    if (!rc)
        rc = json_get_str(r->json, "kind", 0, &kind, err);
    if (!rc && kind && strcmp(kind, "letter") && strcmp(kind, "deposit"))
        rc = hg_fail(err, HG_INVALID, "invalid", "kind",
                     "kind must be letter (保函 of a bank or insurer) or deposit (保证金)");
    if (!rc && kind)
        in.kind = kind;
    int deposit = strcmp(in.kind, "deposit") == 0;
    if (!rc)
        rc = money_field(r, "amount", &in.amount_fen, err);
    if (!rc)
        rc = letter_fields(r, !deposit, &in.guarantor, &in.letter_no, err);
    if (!rc)
        rc = time_field(r, "valid_from", 0, &in.valid_from_ms, err);
    if (!rc)
        rc = time_field(r, "valid_until", 1, &in.valid_until_ms, err);
    if (!rc)
        rc = tax_general_post(&c, &in, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc general_decide(req *r, int accept, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    const char *note;
    long long id;
    json_t *out;
    hg_rc rc = id_and_note(r, "general guarantee", &id, &note, err);
    if (!rc)
        rc = tax_general_decide(&c, id, accept, note, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc general_accept_api(req *r, hg_err *err) { return general_decide(r, 1, err); }
static hg_rc general_reject_api(req *r, hg_err *err) { return general_decide(r, 0, err); }

static hg_rc generals_list_api(req *r, hg_err *err)
{
    const char *status = req_query(r, "status");
    if (status && strcmp(status, "pending") && strcmp(status, "active") && strcmp(status, "rejected") &&
        strcmp(status, "expired"))
        return hg_fail(err, HG_INVALID, "invalid", "status", "status must be pending, active, rejected or expired");
    json_t *out;
    hg_rc rc = tax_generals_json(r->db, r->who, status, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc request_api(req *r, const char *kind, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    static const char *const deferral_fields[] = {"entry_no", "reason", "until", NULL};
    static const char *const waiver_fields[] = {"entry_no", "reason", "amount", NULL};
    const char *entry, *reason;
    int64_t until_ms = 0, amount = -1;
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
        rc = time_field(r, "until", 1, &until_ms, err);
    if (!rc && !deferral && json_object_get(r->json, "amount"))
        rc = money_field(r, "amount", &amount, err);
    if (!rc)
        rc = tax_request(&c, kind, entry, reason, until_ms, amount, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc deferrals_api(req *r, hg_err *err) { return request_api(r, "deferral", err); }
static hg_rc waivers_api(req *r, hg_err *err) { return request_api(r, "waiver", err); }

static hg_rc decide(req *r, int approve, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    const char *note;
    long long id;
    json_t *out;
    hg_rc rc = id_and_note(r, "decision", &id, &note, err);
    if (!rc)
        rc = tax_decide(&c, id, approve, note, &out, err);
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

/* The filters of a tax bills list or export (paged: with its pages, docs/api/lists.md). */
static hg_rc bills_filter_parse(req *r, int paged, tax_bill_query *q, hg_err *err)
{
    static const char *const statuses[] = {"due", "paid", "guaranteed", "deferred", "none", NULL};
    q->status = req_query(r, "status");
    if (q->status) {
        const char *const *v = statuses;
        while (*v && strcmp(*v, q->status) != 0)
            v++;
        if (!*v)
            return hg_fail(err, HG_INVALID, "invalid", "status", "status must be due, paid, guaranteed, deferred or none");
    }
    const char *o = req_query(r, "overdue"), *f = req_query(r, "from"), *t = req_query(r, "to");
    if (o && strcmp(o, "true") && strcmp(o, "false"))
        return hg_fail(err, HG_INVALID, "invalid", "overdue", "overdue must be true or false");
    q->overdue = o && strcmp(o, "true") == 0;
    if (f && time_parse_rfc3339(f, &q->from_ms))
        return hg_fail(err, HG_INVALID, "invalid", "from", "from must be an RFC 3339 time with offset");
    if (t && time_parse_rfc3339(t, &q->to_ms))
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be an RFC 3339 time with offset");
    return list_query_parse(r, tax_bill_sortable, paged, &q->list, err);
}

static hg_rc bills_api(req *r, hg_err *err)
{
    static const char *const parties[] = {"declarant", "trader", NULL};
    tax_bill_query q = {0};
    json_t *out;
    hg_rc rc = bills_filter_parse(r, 1, &q, err);
    if (!rc && !(rc = tax_bills_json(r->db, r->who, &q, &out, err)) &&
        (rc = enterprise_add_list_parties(r->db, out, parties, err)))
        json_decref(out);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc bills_export_api(req *r, hg_err *err)
{
    static const char *const columns[] = {"entry_no", "declarant", "trader",   "issued_at", "status",
                                          "total",    "late_fee",  "late_days", "amount_due", "due_date",
                                          "overdue",  "paid_at",   NULL};
    tax_bill_query q = {0};
    json_t *out = NULL;
    hg_rc rc = bills_filter_parse(r, 0, &q, err);
    if (rc)
        return rc;
    q.list.limit = LIST_EXPORT_MAX;
    q.list.with_total = 1;   /* more rows than one export holds: refused, nothing written */
    if (!(rc = tax_bills_json(r->db, r->who, &q, &out, err)))
        rc = list_export_json(r, "tax_bills", out, columns, "tax_bill.export", err);
    json_decref(out);
    return rc;
}

const route tax_routes[] = {
    {.method = "GET", .pattern = "/api/v1/tax/bills", .fn = bills_api,
     .scope = "tax", .roles = ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE, .posts = POST_TAX,
     .query = "status,overdue,from,to," LIST_QUERY,
     .summary = "tax bills, newest first: an enterprise's own, or all for tax officers"},
    {.method = "POST", .pattern = "/api/v1/tax/bills/export", .fn = bills_export_api,
     .flags = ROUTE_DIRECT, .scope = "tax", .roles = ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE, .posts = POST_TAX,
     .query = "status,overdue,from,to," LIST_EXPORT_QUERY,
     .summary = "the filtered tax bills as CSV (at most 10,000 rows; audited)"},
    {.method = "GET", .pattern = "/api/v1/tax/summary", .fn = summary_api,
     .scope = "tax", .roles = ROLE_ADMIN | ROLE_OFFICER, .posts = POST_TAX,
     .query = "from,to",
     .summary = "revenue by month and tax kind: assessed, collected, deferred, guaranteed, late fees collected "
                "and waived, refunds"},
    {.method = "GET", .pattern = "/api/v1/tax/decisions", .fn = decisions_api,
     .scope = "tax", .roles = ROLE_ADMIN | ROLE_OFFICER, .posts = POST_TAX,
     .query = "status",
     .summary = "deferral and waiver requests"},
    {.method = "POST", .pattern = "/api/v1/tax/decisions/{id}/approve", .fn = approve_api,
     .scope = "tax", .roles = ROLE_OFFICER, .posts = POST_TAX,
     .summary = "approve a deferral or waiver (a second tax officer: not its proposer or requester)"},
    {.method = "POST", .pattern = "/api/v1/tax/decisions/{id}/reject", .fn = reject_api,
     .scope = "tax", .roles = ROLE_OFFICER, .posts = POST_TAX,
     .summary = "reject a deferral or waiver"},
    {.method = "POST", .pattern = "/api/v1/tax/deferrals", .fn = deferrals_api,
     .scope = "tax", .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "ask to defer payment (延期缴纳) against the bill's guarantee, at most six months"},
    {.method = "POST", .pattern = "/api/v1/tax/waivers", .fn = waivers_api,
     .scope = "tax", .roles = ROLE_ENTERPRISE | ROLE_OFFICER, .posts = POST_TAX,
     .status = 201,
     .summary = "ask (enterprise) or propose (tax officer) to waive late fees accrued (减免)"},
    {.method = "POST", .pattern = "/api/v1/tax/guarantees", .fn = guarantees_api,
     .scope = "tax", .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "guarantee the tax due: a letter of a bank or insurer, a deposit, or a draw on a general guarantee"},
    {.method = "GET", .pattern = "/api/v1/tax/guarantees", .fn = guarantees_list_api,
     .scope = "tax", .roles = ROLE_ADMIN | ROLE_OFFICER, .posts = POST_TAX,
     .query = "status,entry_no",
     .summary = "tax guarantees, newest first"},
    {.method = "POST", .pattern = "/api/v1/tax/guarantees/{id}/accept", .fn = guarantee_accept_api,
     .scope = "tax", .roles = ROLE_OFFICER, .posts = POST_TAX,
     .summary = "accept a pending guarantee (a tax officer: an unknown guarantor's letter, a deposit received)"},
    {.method = "POST", .pattern = "/api/v1/tax/guarantees/{id}/reject", .fn = guarantee_reject_api,
     .scope = "tax", .roles = ROLE_OFFICER, .posts = POST_TAX,
     .summary = "reject a pending guarantee"},
    {.method = "POST", .pattern = "/api/v1/tax/general-guarantees", .fn = generals_post_api,
     .scope = "tax", .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "post a general guarantee (总担保) for the tax of many of one's declarations, up to an amount "
                "for a period"},
    {.method = "GET", .pattern = "/api/v1/tax/general-guarantees", .fn = generals_list_api,
     .scope = "tax", .roles = ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE, .posts = POST_TAX,
     .query = "status",
     .summary = "general guarantees with what is used and left and the bills they secure: an enterprise's own"},
    {.method = "POST", .pattern = "/api/v1/tax/general-guarantees/{id}/accept", .fn = general_accept_api,
     .scope = "tax", .roles = ROLE_OFFICER, .posts = POST_TAX,
     .summary = "accept a pending general guarantee (a tax officer)"},
    {.method = "POST", .pattern = "/api/v1/tax/general-guarantees/{id}/reject", .fn = general_reject_api,
     .scope = "tax", .roles = ROLE_OFFICER, .posts = POST_TAX,
     .summary = "reject a pending general guarantee"},
    {.method = "POST", .pattern = "/api/v1/payments", .fn = payments_api,
     .scope = "tax", .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "pay a declaration's tax and late fee"},
    {.method = "POST", .pattern = "/api/v1/tax/supplementary/{id}/payment", .fn = supplementary_pay_api,
     .scope = "tax", .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "pay a supplementary bill (补税) and its late fee"},
    {.method = "GET", .pattern = "/api/v1/tax/{entry_no}", .fn = tax_get_api,
     .scope = "tax", .roles = ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE,
     .query = "at",
     .summary = "a declaration's tax bill with its working and the late fee as of a date"},
    {0},
};
