/* health_api.c — HTTP handlers and the route table of passenger health quarantine. The
 * traveller's routes are public (no account: the declaration's token is the capability); the
 * port's are for officers with the quarantine post; results come from laboratory machines
 * (scope lab) and acknowledgements from the receiving unit's machine (scope handover) or the
 * signed link. Handlers parse the path and query, call a store and reply. */
#include <stdio.h>
#include <string.h>

#include "../platform/barcode.h"
#include "../platform/http.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "health.h"
#include "health_store.h"

/* Replies with what a store gave, or its error. */

static hg_rc png_reply(req *r, enum barcode_kind kind, const char *text, hg_err *err)
{
    buf png;
    buf_init(&png, 4u << 20);
    hg_rc rc = barcode_png(kind, text, &png, err);
    if (!rc)
        rc = req_reply_raw(r, 200, "image/png", png.data, png.len);
    buf_free(&png);
    return rc;
}

/* ------------------------------------------------------------------ the traveller */

static void free_draft(void *p) { health_draft_free(p); }

/* Checking the card and signing its QR code need no database: done on the request's own
 * thread (the prepare step), so that the group-commit writer only stores. */
static hg_rc declare_prepare(req *r, hg_err *err)
{
    health_draft *dr = NULL;
    int retry_s = 0;
    if (!health_declare_admit(r->addr, now_ms(), health_declare_rate(), &retry_s)) {
        char secs[16];
        snprintf(secs, sizeof secs, "%d", retry_s);
        req_add_header(r, "Retry-After", secs);
        return hg_fail(err, HG_TOOMANY, "too_many_requests", NULL,
                       "too many declarations from this address; try again in %d seconds", retry_s);
    }
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = health_draft_make(now_ms(), r->json, &dr, err);
    if (!rc) {
        r->prep = dr;
        r->prep_free = free_draft;
    }
    return rc;
}

static hg_rc declare_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    if (!r->prep)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "declaration stored without its prepare step");
    hg_rc rc = health_draft_store(&c, r->prep, &out, err);
    return req_reply_rc(r, rc, 201, out);
}

static hg_rc reopen_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = declaration_reopen(r->db, r->params[0], req_query(r, "token"), &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc qr_png_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = declaration_reopen(r->db, r->params[0], req_query(r, "token"), &out, err);
    if (!rc)
        rc = png_reply(r, BARCODE_KIND_QR, json_string_value(json_object_get(out, "qr")), err);
    json_decref(out);
    return rc;
}

static hg_rc keys_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = health_keys_json(r->db, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

/* ------------------------------------------------------------------ flights */

static hg_rc flight_create_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = flight_create(&c, r->json, &out, err);
    return req_reply_rc(r, rc, 201, out);
}

static hg_rc flight_land_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = flight_land(&c, r->params[0], r->json, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc flight_board_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = flight_board(&c, r->params[0], r->json, &out, err);
    return req_reply_rc(r, rc, 201, out);
}

static hg_rc flight_sent_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = flight_samples_sent(&c, r->params[0], &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc flight_clear_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = flight_clear_batch(&c, r->params[0], &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc flights_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = flight_board_json(r->db, req_query(r, "date"), now_ms(), &out, err);
    return req_reply_rc(r, rc, 200, out);
}

/* ------------------------------------------------------------------ the counter */

static void free_claims(void *p) { xfree(p); }

/* Verifying the code (inflate, EdDSA) reads only the public keys: done on the request's own
 * thread, so that the group-commit writer only issues the barcode. */
static hg_rc scan_prepare(req *r, hg_err *err)
{
    health_qr_claims *q = xmalloc(sizeof *q);
    hg_rc rc = q ? req_need_json(r, err) : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = health_scan_verify(r->db, now_ms(), r->json, q, err);
    if (rc) {
        xfree(q);
        return rc;
    }
    r->prep = q;
    r->prep_free = free_claims;
    return HG_OK;
}

static hg_rc scan_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    if (!r->prep)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "scan without its prepare step");
    hg_rc rc = traveller_scan_claims(&c, r->prep, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc card_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = traveller_card(r->db, r->params[0], &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc label_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = traveller_card(r->db, r->params[0], &out, err);
    json_decref(out);
    return rc ? rc : png_reply(r, BARCODE_KIND_CODE128, r->params[0], err);
}

static hg_rc travellers_api(req *r, hg_err *err)
{
    int limit;
    json_t *out = NULL;
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    if (!rc)
        rc = traveller_list(r->db, req_query(r, "flight"), req_query(r, "status"), req_query(r, "cursor"), limit, &out,
                            err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc check_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = traveller_check(&c, r->params[0], r->json, &out, err);
    return req_reply_rc(r, rc, 201, out);
}

static hg_rc sample_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = traveller_sample(&c, r->params[0], r->json, &out, err);
    return req_reply_rc(r, rc, 201, out);
}

static hg_rc result_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = traveller_result(&c, r->json, &out, err);
    return req_reply_rc(r, rc, 201, out);
}

static hg_rc clear_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = traveller_clear(&c, r->params[0], &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc handover_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = traveller_handover(&c, r->params[0], r->json, &out, err);
    return req_reply_rc(r, rc, 201, out);
}

static hg_rc ack_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = handover_acknowledge(&c, r->params[0], r->json, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc receipt_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = handover_acknowledge(&c, NULL, r->json, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc handovers_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = handover_list(r->db, req_query(r, "unacknowledged"), &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc timings_api(req *r, hg_err *err)
{
    const char *period = req_query(r, "period"), *from = req_query(r, "from"), *to = req_query(r, "to");
    int64_t now = now_ms(), f = now - 30LL * 86400000, t = now + 60000;
    if (from && time_parse_rfc3339(from, &f))
        return hg_fail(err, HG_INVALID, "invalid", "from", "from must be an RFC 3339 time");
    if (to && time_parse_rfc3339(to, &t))
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be an RFC 3339 time");
    json_t *out = NULL;
    hg_rc rc = health_timings_json(r->db, period ? period : "day", f, t, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

#define QUARANTINE .roles = ROLE_OFFICER, .posts = POST_QUARANTINE, .scope = "health"

const route health_routes[] = {
    {.method = "POST",
     .pattern = "/api/v1/health/declarations",
     .fn = declare_api,
     .prepare = declare_prepare,
     .flags = ROUTE_PUBLIC | ROUTE_NO_CSRF,
     .body = &health_declaration_record,
     .status = 201,
     .summary = "a traveller's health declaration (no account): its QR code and reopening link"},
    {.method = "GET",
     .pattern = "/api/v1/health/declarations/{id}",
     .fn = reopen_api,
     .flags = ROUTE_PUBLIC,
     .query = "token",
     .summary = "reopen a declaration and its QR code with its token"},
    {.method = "GET",
     .pattern = "/api/v1/health/declarations/{id}/qr",
     .fn = qr_png_api,
     .flags = ROUTE_PUBLIC,
     .query = "token",
     .summary = "the declaration's QR code as a PNG image"},
    {.method = "GET",
     .pattern = "/api/v1/health/keys",
     .fn = keys_api,
     .flags = ROUTE_PUBLIC,
     .summary = "the public keys that verify declarations' QR codes (offline counters)"},
    {.method = "POST",
     .pattern = "/api/v1/health/flights",
     .fn = flight_create_api,
     QUARANTINE,
     .body = &health_flight_record,
     .status = 201,
     .summary = "record an inbound flight"},
    {.method = "GET",
     .pattern = "/api/v1/health/flights",
     .fn = flights_api,
     QUARANTINE,
     .query = "date",
     .summary = "the flight board: a day's flights, open boardings, samples pending, handovers unacknowledged"},
    {.method = "POST",
     .pattern = "/api/v1/health/flights/{id}/landing",
     .fn = flight_land_api,
     QUARANTINE,
     .body = &health_landing_record,
     .summary = "record a flight's actual landing"},
    {.method = "POST",
     .pattern = "/api/v1/health/flights/{id}/boarding",
     .fn = flight_board_api,
     QUARANTINE,
     .body = &health_boarding_record,
     .status = 201,
     .summary = "record the boarding quarantine of a flight"},
    {.method = "POST",
     .pattern = "/api/v1/health/flights/{id}/samples-sent",
     .fn = flight_sent_api,
     QUARANTINE,
     .summary = "send a flight's samples to the laboratory"},
    {.method = "POST",
     .pattern = "/api/v1/health/flights/{id}/clearance",
     .fn = flight_clear_api,
     QUARANTINE,
     .summary = "clear in a batch every traveller of a flight whose results and answers allow it"},
    {.method = "POST",
     .pattern = "/api/v1/health/scans",
     .fn = scan_api,
     .prepare = scan_prepare,
     QUARANTINE,
     .body = &health_scan_record,
     .summary = "scan a declaration's QR code at the counter: verified, the clearance barcode issued"},
    {.method = "GET",
     .pattern = "/api/v1/health/travellers",
     .fn = travellers_api,
     QUARANTINE,
     .query = "flight,status,limit,cursor",
     .summary = "travellers scanned (identity and phone masked)"},
    {.method = "GET",
     .pattern = "/api/v1/health/travellers/{barcode}",
     .fn = card_api,
     QUARANTINE,
     .summary = "the traveller's card: declaration, flags, checks, samples, outcome"},
    {.method = "GET",
     .pattern = "/api/v1/health/travellers/{barcode}/label",
     .fn = label_api,
     QUARANTINE,
     .summary = "the clearance barcode as a printable Code 128 label"},
    {.method = "POST",
     .pattern = "/api/v1/health/travellers/{barcode}/checks",
     .fn = check_api,
     QUARANTINE,
     .body = &health_check_record,
     .status = 201,
     .summary = "record a temperature, the epidemiological survey or the medical examination"},
    {.method = "POST",
     .pattern = "/api/v1/health/travellers/{barcode}/samples",
     .fn = sample_api,
     QUARANTINE,
     .body = &health_sample_record,
     .status = 201,
     .summary = "take a sample under the traveller's barcode"},
    {.method = "POST",
     .pattern = "/api/v1/health/results",
     .fn = result_api,
     .scope = "lab",
     .roles = ROLE_SYSTEM,
     .body = &health_result_record,
     .status = 201,
     .summary = "a laboratory's result, by barcode"},
    {.method = "POST",
     .pattern = "/api/v1/health/travellers/{barcode}/clear",
     .fn = clear_api,
     QUARANTINE,
     .summary = "clear a traveller (negative, no symptoms, no contact)"},
    {.method = "POST",
     .pattern = "/api/v1/health/travellers/{barcode}/handover",
     .fn = handover_api,
     QUARANTINE,
     .body = &health_handover_record,
     .status = 201,
     .summary = "hand a traveller over to the local health authority (转运)"},
    {.method = "GET",
     .pattern = "/api/v1/health/handovers",
     .fn = handovers_api,
     QUARANTINE,
     .query = "unacknowledged",
     .summary = "handovers, and whether the receiving unit acknowledged them"},
    {.method = "POST",
     .pattern = "/api/v1/health/handovers/{barcode}/acknowledgement",
     .fn = ack_api,
     .scope = "handover",
     .roles = ROLE_SYSTEM,
     .body = &health_ack_record,
     .summary = "the receiving unit acknowledges a handover (its own account)"},
    {.method = "POST",
     .pattern = "/api/v1/health/handover-receipts",
     .fn = receipt_api,
     .flags = ROUTE_PUBLIC | ROUTE_NO_CSRF,
     .body = &health_receipt_record,
     .summary = "the receiving unit acknowledges a handover through its signed link"},
    {.method = "GET",
     .pattern = "/api/v1/health/timings",
     .fn = timings_api,
     .scope = "health",
     .roles = ROLE_ADMIN | ROLE_OFFICER,
     .posts = POST_QUARANTINE,
     .query = "period,from,to",
     .summary = "the dashboard: travellers' and flights' times against the targets, and counts"},
    {0},
};
