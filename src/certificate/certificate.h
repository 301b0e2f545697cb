/* certificate.h — inspection-quarantine certificates issued in the cloud (检验检疫证书云签发):
 * the kinds of certificate, an exporter's application for its own export declaration whose
 * goods passed inspection, and the inspection officer's issue, which numbers the certificate
 * (port + year + kind + serial) and signs its canonical JSON with Ed25519 under a key id kept
 * in the key directory. Stands on cargo (read through cargo.h and its views only). The PDF (A4,
 * Chinese and English, with the seal and a QR code) is rendered before the issuing transaction
 * (certificate_plan) and stored in it with its SHA-256; the QR and the PDF's own signature let anyone check it offline. Checked online
 * (recorded, rate-limited, locked after three mismatches), annulled and replaced by the
 * inspection post, exchanged as UN/CEFACT SPS XML in envelopes a job delivers. The console's
 * pages are web/src/areas/certificate/.
 *
 * Ownership: every json_t handed back through an out-parameter belongs to the caller. */
#ifndef HG_CERTIFICATE_H
#define HG_CERTIFICATE_H

#include <jansson.h>
#include <stdint.h>

#include "../platform/auth.h"
#include "../platform/buf.h"
#include "../platform/cose_qr.h"
#include "../platform/ctx.h"
#include "../platform/db.h"

/* ---- pure decisions (certificate.c) ---- */

/* A certificate number: the 4-digit customs code of the port, the year, the kind's 2-letter
 * code and a 6-digit serial ("09012026PC000001") into out (17 bytes). -1 when a part does
 * not fit. */
int certificate_number(const char *port, int year, const char *kind, int64_t serial, char out[17]);

/* What the inspections of a declaration say about a certificate (counts by status):
 * HG_OK when at least one passed and none is open or failed; else HG_CONFLICT naming the rule
 * (not_inspected, inspection_open, inspection_failed) in err. */
hg_rc certificate_inspected(int64_t passed, int64_t open, int64_t failed, hg_err *err);

/* ---- the QR code and the PDF's signature (certificate_qr.c) ---- */

#define CERTIFICATE_QR_PREFIX "HGC1:"
/* The status at issue in the QR, as UN/CEFACT's document status codes (1373): 70 issued. */
#define CERTIFICATE_STATUS_ISSUED 70
#define CERTIFICATE_STATUS_ANNULLED 40

typedef struct certificate_qr_claims {
    char no[17];                    /* the certificate number */
    int64_t version;                /* 1 at issue */
    int64_t status;                 /* at issue: CERTIFICATE_STATUS_ISSUED */
    unsigned char digest[32];       /* SHA-256 of the signed canonical JSON */
    char code[16];                  /* the verification code printed on the certificate */
    int64_t issued_s;               /* seconds since the epoch */
    char key_id[KEYDIR_ID_LEN + 1]; /* the signing key (COSE kid), set by verify */
} certificate_qr_claims;

/* The QR's text: CERTIFICATE_QR_PREFIX and the claims sealed with k (cose_qr.h), appended. */
hg_rc certificate_qr_encode(const keydir_key *k, const certificate_qr_claims *c, buf *out, hg_err *err);
/* Verifies a QR text and reads its claims: HG_INVALID with code "qr_invalid", field "qr" and
 * the step that failed named for anything forged, altered or cut short; the lookup's faults. */
hg_rc certificate_qr_verify(const char *text, cose_key_lookup lookup, void *cls, certificate_qr_claims *out,
                            hg_err *err);
/* Appends the PDF's signature line (after %%EOF) over the bytes pdf holds. */
hg_rc certificate_pdf_seal(const keydir_key *k, buf *pdf);
/* Checks the signature line of n bytes of PDF and copies the QR text its metadata holds into
 * qr (qr_len bytes): HG_OK, or HG_INVALID with *why (no signature, unknown key, changed, no QR);
 * the lookup's faults with err. */
hg_rc certificate_pdf_check(const char *p, size_t n, cose_key_lookup lookup, void *cls, char *qr, size_t qr_len,
                            const char **why, hg_err *err);

/* ---- the PDF (certificate_pdf.c) ---- */

/* What the page shows, in both languages where there are two. */
typedef struct certificate_doc {
    const char *no, *kind_zh, *kind_en, *exporter, *consignee, *country_zh, *country_en, *goods, *entry_no, *port,
        *issued_date, *officer, *code, *qr;
    const char *replaces;   /* the number this one replaces, or NULL */
    const char *verify_url; /* the public verification page (certificate_verify_url), or NULL */
    int64_t issued_ms;      /* the PDF's creation date */
} certificate_doc;

/* Renders the certificate as a one-page A4 PDF (cairo + pango, a CJK font from fontconfig),
 * with the customs seal drawn as vector art, the QR code and the QR text in the metadata's
 * Keywords; appended to out. */
hg_rc certificate_pdf_render(const certificate_doc *doc, buf *out, hg_err *err);

/* ---- stores (certificate_store.c) ---- */

/* The kinds of certificate, by code. */
hg_rc certificate_kinds(db *d, json_t **out, hg_err *err);
/* The caller's (an enterprise's) export declarations, newest first (at most 100), each with
 * "eligible", the "refusal" {code, field, message} an application would get now (not_exporter,
 * inspection_failed, inspection_open, not_inspected) or null, and "kinds_taken". */
hg_rc certificate_candidates(db *d, const principal *who, json_t **out, hg_err *err);
/* An exporter applies: body {entry_no, kind, consignee_name, destination_country, goods}. */
hg_rc certificate_apply(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
/* What a list of certificates is filtered by; NULL or "" for any. */
typedef struct certificate_filter {
    const char *status; /* applied, issued or annulled */
    const char *kind;   /* a kind's 2-letter code */
    const char *q;      /* part of the certificate number or the entry number, letters and digits */
    const char *cursor; /* the next_cursor of the previous page (the id of its last row) */
    int limit;          /* rows a page, 1 to 200 (record_parse_limit); 0: 50 */
} certificate_filter;
/* A page of applications and certificates, newest first (issued, else applied): an enterprise's
 * own, every one for officers; {items, next_cursor}. HG_INVALID naming status, kind, q or
 * cursor when malformed. */
hg_rc certificate_list(db *d, const principal *who, const certificate_filter *f, json_t **out, hg_err *err);
/* An application or certificate, to its exporter and to officers (404 for anyone else). */
hg_rc certificate_get(db *d, const principal *who, const char *id, json_t **out, hg_err *err);
/* What issuing writes (the number, the signature, the code, QR and rendered PDF), made by the
 * route's prepare step on the request's own thread, off the group commit's writer: rendering
 * takes tens of milliseconds, which the writer, the one serial part of the server, would spend
 * with every other write waiting. certificate_plan_free frees it. */
typedef struct certificate_plan certificate_plan;
void certificate_plan_free(void *plan);
/* The plan of issuing application id (outside any transaction): 404, or 409 on status when it
 * is not applied, as certificate_issue would answer. */
hg_rc certificate_issue_prepare(const hg_ctx *c, const char *id, certificate_plan **out, hg_err *err);
/* The inspection officer issues an application: numbered, signed, status issued, its PDF stored
 * in the same transaction (so retrievable once the issue is acknowledged). With plan (from
 * certificate_issue_prepare; only read, so a group commit run again stores the same) when its
 * number is still free; else, or with NULL, the certificate is planned in the transaction. */
hg_rc certificate_issue(const hg_ctx *c, const char *id, const certificate_plan *plan, json_t **out, hg_err *err);
/* The inspection officer annuls an issued certificate: body {reason}; status annulled (40),
 * event certificate.annulled to the exporter. 409 already_annulled on status the second time. */
hg_rc certificate_annul(const hg_ctx *c, const char *id, const json_t *body, json_t **out, hg_err *err);
/* The plan of replacing issued certificate id with body's corrections (as certificate_issue_prepare):
 * refused as certificate_replace would refuse the body or the status. */
hg_rc certificate_replace_prepare(const hg_ctx *c, const char *id, const json_t *body, certificate_plan **out,
                                  hg_err *err);
/* The inspection officer replaces an issued certificate: body {reason, and what it corrects:
 * consignee_name, destination_country, goods}; a new certificate, numbered and signed, names
 * the old (replaces), the old is annulled naming the new (replaced_by), event
 * certificate.replaced. *out is the new certificate. plan as certificate_issue's (from
 * certificate_replace_prepare, used while its number and id are still free), or NULL. */
hg_rc certificate_replace(const hg_ctx *c, const char *id, const json_t *body, const certificate_plan *plan,
                          json_t **out, hg_err *err);
/* 1 when the stored signature of certificate id (its canonical text) verifies with the key it
 * names, 0 when not; for tests and, later, verification. */
hg_rc certificate_signature_ok(db *d, const char *id, int *ok, hg_err *err);

/* The issued PDF (its exporter, officers): the bytes into out. */
hg_rc certificate_pdf(db *d, const principal *who, const char *no, buf *out, hg_err *err);
/* The public keys that signed certificates (every one kept since it first signed), oldest first:
 * {"items": [{"key_id", "public_key", "since"}]}. */
hg_rc certificate_keys(db *d, json_t **out, hg_err *err);
/* ---- the online check (certificate_verify.c) ---- */

/* The online check of certificate `no` with `code` (the verification code, or the QR code's
 * text) and optionally the SHA-256 (hex) of the document in hand, from client address addr:
 * {"result": "valid" | "annulled" | "replaced" (with "replaced_by") | "tampered" | "locked" |
 * "unknown", ...}; "unknown" alike for a number never issued and a wrong code. Recorded (a
 * mismatch counts; the third locks the certificate and emits certificate.locked to its
 * exporter and the inspection post) and audited. HG_TOOMANY past the per-address limit of the
 * minute, with *retry_after_s; HG_INVALID naming code or sha256 when malformed. */
hg_rc certificate_verify(const hg_ctx *c, const char *no, const char *code, const char *sha256, const char *addr,
                         json_t **out, int *retry_after_s, hg_err *err);
/* The genuine PDF for anyone holding the number and its code (or QR text), as e-CertNL shows
 * the genuine certificate: a check like certificate_verify (recorded, counted, rate-limited);
 * the bytes into out when it answers valid, annulled or replaced, else HG_NOTFOUND (alike for
 * a wrong code, an unknown number and a locked certificate). */
hg_rc certificate_genuine_pdf(const hg_ctx *c, const char *no, const char *code, const char *addr, buf *out,
                              int *retry_after_s, hg_err *err);
/* Checks per client address and minute: HAIGUAN_CERT_VERIFY_PER_MINUTE, default 30. */
int certificate_verify_limit(void);
/* The network of an address in coarse terms: IPv4 /24 ("203.0.113.0/24"), IPv6 /48. */
void certificate_coarse_addr(const char *addr, char *out, size_t n);
/* Every check of certificate id, newest first (its exporter, officers; 404 otherwise). */
hg_rc certificate_verifications(db *d, const principal *who, const char *id, json_t **out, hg_err *err);

/* ---- the SPS XML and the hub's outbox (certificate_sps.c, certificate_hub.c) ---- */

/* The UNTDID 1001 document type of a kind (PC 851, HC 852, VC 853, QC 3); 0 for none. */
int certificate_document_type(const char *kind);
/* Appends the certificate (its JSON as certificate_get gives it) as UN/CEFACT SPS Certificate
 * XML; kind_en is the kind's English name. */
hg_rc certificate_sps_xml(const json_t *cert, const char *kind_en, buf *b);
/* The issued certificate as SPS XML (its exporter, officers). */
hg_rc certificate_xml(db *d, const principal *who, const char *no, buf *out, hg_err *err);
/* The envelopes of certificate id to the importing authority, newest first. */
hg_rc certificate_envelopes(db *d, const principal *who, const char *id, json_t **out, hg_err *err);
/* The job: delivers the due pending envelopes to HAIGUAN_CERT_HUB_URL (nothing without it). */
hg_rc certificate_deliver_job(db *d, hg_err *err);

/* `haiguan demo --days N`: a month of certificates of several kinds (certificate_demo.c). */
hg_rc certificate_demo(db *d, hg_err *err);

/* cose_key_lookup over certificate_keys; cls is the db. */
hg_rc certificate_key_lookup_db(void *cls, const char *key_id, char pk_hex[65], hg_err *err);

#endif
