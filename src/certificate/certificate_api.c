/* certificate_api.c — HTTP handlers of the certificate area and its route table: the kinds,
 * the exporter's candidate declarations and application, the lists and reads, the documents
 * (PDF, SPS XML), the public checks and genuine PDF, and the inspection officer's issue,
 * annulment and replacement. */
#include <stdio.h>

#include "../platform/http.h"
#include "../platform/record.h"
#include "certificate.h"

static hg_rc kinds_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = certificate_kinds(r->db, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc apply_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = certificate_apply(&c, r->json, &out, err);
    return req_reply_rc(r, rc, 201, out);
}

static hg_rc list_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    certificate_filter f = {.status = req_query(r, "status"),
                            .kind = req_query(r, "kind"),
                            .q = req_query(r, "q"),
                            .cursor = req_query(r, "cursor")};
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &f.limit, err);
    if (!rc)
        rc = certificate_list(r->db, r->who, &f, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc get_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = certificate_get(r->db, r->who, r->params[0], &out, err);
    return req_reply_rc(r, rc, 200, out);
}

/* Issuing and replacing render a PDF: that is done here, on the request's own thread, before the
 * write is queued; the writer stores it (certificate_plan). */
static hg_rc keep_plan(req *r, hg_rc rc, certificate_plan *plan)
{
    if (!rc) {
        r->prep = plan;
        r->prep_free = certificate_plan_free;
    }
    return rc;
}

static hg_rc issue_prepare(req *r, hg_err *err)
{
    certificate_plan *plan = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = certificate_issue_prepare(&c, r->params[0], &plan, err);
    return keep_plan(r, rc, plan);
}

static hg_rc issue_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = certificate_issue(&c, r->params[0], r->prep, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc pdf_api(req *r, hg_err *err)
{
    buf pdf;
    buf_init(&pdf, 8u << 20);
    hg_rc rc = certificate_pdf(r->db, r->who, r->params[0], &pdf, err);
    if (!rc)
        rc = req_reply_raw(r, 200, "application/pdf", pdf.data, pdf.len);
    buf_free(&pdf);
    return rc;
}

static hg_rc xml_api(req *r, hg_err *err)
{
    buf xml;
    buf_init(&xml, 1u << 20);
    hg_rc rc = certificate_xml(r->db, r->who, r->params[0], &xml, err);
    if (!rc)
        rc = req_reply_raw(r, 200, "application/xml; charset=utf-8", xml.data, xml.len);
    buf_free(&xml);
    return rc;
}

static hg_rc envelopes_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = certificate_envelopes(r->db, r->who, r->params[0], &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc keys_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = certificate_keys(r->db, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc verify_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    int retry = 0;
    hg_rc rc =
        certificate_verify(&c, r->params[0], req_query(r, "code"), req_query(r, "sha256"), r->addr, &out, &retry, err);
    if (rc == HG_TOOMANY) {
        char secs[16];
        snprintf(secs, sizeof secs, "%d", retry);
        req_add_header(r, "Retry-After", secs);
    }
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc candidates_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = certificate_candidates(r->db, r->who, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc genuine_api(req *r, hg_err *err)
{
    buf pdf;
    buf_init(&pdf, 8u << 20);
    hg_ctx c = req_ctx(r);
    int retry = 0;
    hg_rc rc = certificate_genuine_pdf(&c, r->params[0], req_query(r, "code"), r->addr, &pdf, &retry, err);
    if (rc == HG_TOOMANY) {
        char secs[16];
        snprintf(secs, sizeof secs, "%d", retry);
        req_add_header(r, "Retry-After", secs);
    }
    if (!rc)
        rc = req_reply_raw(r, 200, "application/pdf", pdf.data, pdf.len);
    buf_free(&pdf);
    return rc;
}

static hg_rc verifications_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc = certificate_verifications(r->db, r->who, r->params[0], &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc annul_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = certificate_annul(&c, r->params[0], r->json, &out, err);
    return req_reply_rc(r, rc, 200, out);
}

static hg_rc replace_prepare(req *r, hg_err *err)
{
    certificate_plan *plan = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = certificate_replace_prepare(&c, r->params[0], r->json, &plan, err);
    return keep_plan(r, rc, plan);
}

static hg_rc replace_api(req *r, hg_err *err)
{
    json_t *out = NULL;
    hg_ctx c = req_ctx(r);
    hg_rc rc = req_need_json(r, err);
    if (!rc)
        rc = certificate_replace(&c, r->params[0], r->json, r->prep, &out, err);
    return req_reply_rc(r, rc, 201, out);
}

const route certificate_routes[] = {
    {.method = "GET",
     .pattern = "/api/v1/certificate-kinds",
     .fn = kinds_api,
     .scope = "certificates",
     .roles = ROLE_ENTERPRISE | ROLE_OFFICER | ROLE_ADMIN,
     .summary = "the kinds of inspection-quarantine certificate"},
    {.method = "GET",
     .pattern = "/api/v1/certificate-keys",
     .fn = keys_api,
     .flags = ROUTE_PUBLIC,
     .summary =
         "the public keys that verify certificates, their QR codes and PDFs offline (every key since it first signed)"},
    {.method = "GET",
     .pattern = "/api/v1/certificate-declarations",
     .fn = candidates_api,
     .scope = "certificates",
     .roles = ROLE_ENTERPRISE,
     .summary = "the exporter's export declarations, each with whether a certificate may be applied for and why not"},
    {.method = "GET",
     .pattern = "/api/v1/certificates",
     .fn = list_api,
     .scope = "certificates",
     .roles = ROLE_ENTERPRISE | ROLE_OFFICER | ROLE_ADMIN,
     .query = "status,kind,q,limit,cursor",
     .summary = "applications and certificates, newest first (an enterprise its own; officers all)"},
    {.method = "POST",
     .pattern = "/api/v1/certificates",
     .fn = apply_api,
     .scope = "certificates",
     .roles = ROLE_ENTERPRISE,
     .status = 201,
     .summary = "an exporter applies for a certificate for its own inspected export declaration"},
    {.method = "GET",
     .pattern = "/api/v1/certificates/{no}.pdf",
     .fn = pdf_api,
     .scope = "certificates",
     .roles = ROLE_ENTERPRISE | ROLE_OFFICER | ROLE_ADMIN,
     .summary = "the issued certificate as a PDF, A4 in Chinese and English with its seal and QR code"},
    {.method = "GET",
     .pattern = "/api/v1/certificates/{no}.xml",
     .fn = xml_api,
     .scope = "certificates",
     .roles = ROLE_ENTERPRISE | ROLE_OFFICER | ROLE_ADMIN,
     .summary = "the certificate as UN/CEFACT SPS Certificate XML (its exporter, officers)"},
    {.method = "GET",
     .pattern = "/api/v1/certificates/{id}/envelopes",
     .fn = envelopes_api,
     .scope = "certificates",
     .roles = ROLE_ENTERPRISE | ROLE_OFFICER | ROLE_ADMIN,
     .summary = "the envelopes of a certificate to the importing authority, with their delivery states"},
    {.method = "GET",
     .pattern = "/api/v1/certificates/{id}",
     .fn = get_api,
     .scope = "certificates",
     .roles = ROLE_ENTERPRISE | ROLE_OFFICER | ROLE_ADMIN,
     .summary = "an application or certificate (its exporter, officers)"},
    {.method = "GET",
     .pattern = "/api/v1/certificates/{no}/verify",
     .fn = verify_api,
     .flags = ROUTE_PUBLIC,
     .query = "code,sha256",
     .summary = "the online check of a certificate by its number and verification code or QR text (public, "
                "rate-limited, recorded)"},
    {.method = "GET",
     .pattern = "/api/v1/certificates/{no}/genuine.pdf",
     .fn = genuine_api,
     .flags = ROUTE_PUBLIC,
     .query = "code",
     .summary = "the genuine PDF of a certificate for whoever holds its number and code or QR text (public, a "
                "recorded check)"},
    {.method = "GET",
     .pattern = "/api/v1/certificates/{id}/verifications",
     .fn = verifications_api,
     .scope = "certificates",
     .roles = ROLE_ENTERPRISE | ROLE_OFFICER | ROLE_ADMIN,
     .summary = "every online check of a certificate, newest first (its exporter, officers)"},
    {.method = "POST",
     .pattern = "/api/v1/certificates/{id}/issue",
     .fn = issue_api,
     .prepare = issue_prepare,
     .scope = "certificates",
     .roles = ROLE_OFFICER,
     .posts = POST_INSPECTION,
     .summary = "the inspection officer issues an application: numbered and signed"},
    {.method = "POST",
     .pattern = "/api/v1/certificates/{id}/annul",
     .fn = annul_api,
     .scope = "certificates",
     .roles = ROLE_OFFICER,
     .posts = POST_INSPECTION,
     .summary = "the inspection officer annuls an issued certificate, with the reason (status 40)"},
    {.method = "POST",
     .pattern = "/api/v1/certificates/{id}/replace",
     .fn = replace_api,
     .prepare = replace_prepare,
     .scope = "certificates",
     .roles = ROLE_OFFICER,
     .posts = POST_INSPECTION,
     .status = 201,
     .summary = "the inspection officer replaces an issued certificate: a new one names it, it says replaced by"},
    {0},
};
