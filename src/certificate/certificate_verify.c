/* certificate_verify.c — the online check of a certificate (GET
 * /api/v1/certificates/{no}/verify, public): what its number and verification code, or its QR
 * text, say now — valid, annulled, replaced by another, tampered (the document in hand is not
 * the one issued), or unknown, the same answer for a number never issued as for a wrong code,
 * so that guessing learns nothing. Every check is recorded for the exporter to see (when, from
 * which network, match or not); three mismatches lock the certificate (e-CertNL's rule) and
 * tell its exporter and the issuing post by an event. Checks are limited per client address
 * (HG_TOOMANY with the seconds to wait). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/event.h"
#include "../platform/i18n.h"
#include "../platform/json.h"
#include "certificate.h"
#include "certificate_docs.h"

#define VERIFY_WINDOW_MS 60000
#define LOCK_AFTER 3

void certificate_coarse_addr(const char *addr, char *out, size_t n)
{
    /* IPv4 to its /24, IPv6 to its /48: where from, not who */
    unsigned a, b, c;
    char rest[64];
    if (addr && sscanf(addr, "%u.%u.%u.%63s", &a, &b, &c, rest) == 4 && a < 256 && b < 256 && c < 256) {
        snprintf(out, n, "%u.%u.%u.0/24", a, b, c);
        return;
    }
    const char *p = addr;
    int colons = 0;
    while (p && *p && colons < 3)
        colons += *p++ == ':';
    if (p && colons == 3 && strchr(addr, ':'))
        snprintf(out, n, "%.*s:/48", (int)(p - addr), addr);
    else
        snprintf(out, n, "%s", "unknown");
}

/* Counts this check against the client's address; HG_TOOMANY past the limit of the minute. */
static hg_rc admit(const hg_ctx *c, const char *addr, int *retry_after_s, hg_err *err)
{
    int64_t start = c->now_ms - c->now_ms % VERIFY_WINDOW_MS, n = 0;
    hg_rc rc =
        db_run(c->d, err,
               "INSERT INTO certificate_verify_rate (addr, window_ms, n) VALUES (?, ?, 0)"
               " ON CONFLICT (addr) DO UPDATE SET window_ms = excluded.window_ms, n = CASE WHEN"
               " certificate_verify_rate.window_ms = excluded.window_ms THEN certificate_verify_rate.n ELSE 0 END",
               "ti", addr, start);
    if (!rc)
        rc = db_int(c->d, &n, err, "SELECT n FROM certificate_verify_rate WHERE addr = ?", "t", addr);
    if (!rc && n >= certificate_verify_limit()) {
        *retry_after_s = (int)((start + VERIFY_WINDOW_MS - c->now_ms + 999) / 1000);
        return hg_fail(err, HG_TOOMANY, "too_many_requests", "code",
                       "too many certificate checks from this address; try again in %d seconds", *retry_after_s);
    }
    return rc ? rc : db_run(c->d, err, "UPDATE certificate_verify_rate SET n = n + 1 WHERE addr = ?", "t", addr);
}

int certificate_verify_limit(void)
{
    const char *v = getenv("HAIGUAN_CERT_VERIFY_PER_MINUTE");
    long n = v ? strtol(v, NULL, 10) : 0;
    return n >= 1 && n <= 100000 ? (int)n : 30;
}

/* The record as the check needs it. */
typedef struct cert_state {
    char id[48], no[20], exporter[40], code[16], status[16], pdf_sha256[65], replaced_by[20], issued_at[40],
        annulled_at[40], kind[4], port[8], kind_zh[64], kind_en[96];
    char reason[600];
    unsigned char digest[32];
    int64_t mismatches, locked;
} cert_state;

static hg_rc load(db *d, const char *no, cert_state *st, int *found, hg_err *err)
{
    db_stmt *s = NULL;
    *found = 0;
    memset(st, 0, sizeof *st);
    hg_rc rc =
        db_query(d, &s, err,
                 "SELECT id, cert_no, exporter, code, status, pdf_sha256, replaced_by, issued_ms, annulled_ms,"
                 " annul_reason, canonical, mismatches, locked_ms, kind, port, (SELECT name_zh FROM certificate_kinds k"
                 " WHERE k.code = certificates.kind), (SELECT name_en FROM certificate_kinds k WHERE k.code ="
                 " certificates.kind) FROM certificates WHERE cert_no = ?"
                 " AND code IS NOT NULL",
                 "t", no);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        *found = 1;
        snprintf(st->id, sizeof st->id, "%s", db_col_text(s, 0));
        snprintf(st->no, sizeof st->no, "%s", db_col_text(s, 1));
        snprintf(st->exporter, sizeof st->exporter, "%s", db_col_text(s, 2));
        snprintf(st->code, sizeof st->code, "%s", db_col_text(s, 3));
        snprintf(st->status, sizeof st->status, "%s", db_col_text(s, 4));
        snprintf(st->pdf_sha256, sizeof st->pdf_sha256, "%s", db_col_text(s, 5) ? db_col_text(s, 5) : "");
        snprintf(st->replaced_by, sizeof st->replaced_by, "%s", db_col_text(s, 6) ? db_col_text(s, 6) : "");
        db_col_time(s, 7, st->issued_at);
        db_col_time(s, 8, st->annulled_at);
        snprintf(st->reason, sizeof st->reason, "%s", db_col_text(s, 9) ? db_col_text(s, 9) : "");
        const char *canon = db_col_text(s, 10);
        crypto_hash_sha256(st->digest, (const unsigned char *)canon, strlen(canon));
        st->mismatches = db_col_int(s, 11);
        st->locked = db_col_int(s, 12);
        snprintf(st->kind, sizeof st->kind, "%s", db_col_text(s, 13));
        snprintf(st->port, sizeof st->port, "%s", db_col_text(s, 14));
        snprintf(st->kind_zh, sizeof st->kind_zh, "%s", db_col_text(s, 15) ? db_col_text(s, 15) : "");
        snprintf(st->kind_en, sizeof st->kind_en, "%s", db_col_text(s, 16) ? db_col_text(s, 16) : "");
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = HG_OK;
    }
    db_reset(s);
    return rc;
}

/* The answer for a certificate whose code matched. */
static json_t *answer_of(const cert_state *st, const char *sha256, int *match)
{
    *match = 1;
    if (st->locked)
        return json_pack("{s:s, s:s, s:s}", "result", "locked", "cert_no", st->no, "message",
                         "checks of this certificate failed three times: it is locked; ask the exporter or the issuing "
                         "customs post");
    if (sha256 && *sha256 && strcmp(sha256, st->pdf_sha256)) {
        *match = 0;
        return json_pack("{s:s, s:s, s:s}", "result", "tampered", "cert_no", st->no, "message",
                         "the document does not match the certificate issued under this number");
    }
    if (st->replaced_by[0])
        return json_pack("{s:s, s:s, s:s, s:s, s:s}", "result", "replaced", "cert_no", st->no, "replaced_by",
                         st->replaced_by, "annulled_at", st->annulled_at, "reason", st->reason);
    if (!strcmp(st->status, "annulled"))
        return json_pack("{s:s, s:s, s:s, s:s}", "result", "annulled", "cert_no", st->no, "annulled_at",
                         st->annulled_at, "reason", st->reason);
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "result", "valid", "cert_no", st->no, "kind", st->kind,
                     "kind_zh", st->kind_zh, "kind_en", st->kind_en, "port", st->port, "issued_at", st->issued_at);
}

hg_rc certificate_verify(const hg_ctx *c, const char *no, const char *code, const char *sha256, const char *addr,
                         json_t **out, int *retry_after_s, hg_err *err)
{
    db *d = c->d;
    *out = NULL;
    *retry_after_s = 0;
    if (!code || !*code || strlen(code) > 4096)
        return hg_fail(err, HG_INVALID, "invalid", "code",
                       "code is the verification code printed on the certificate, or its QR code's text");
    if (sha256 && *sha256 && !keydir_is_hex(sha256, 64))
        return hg_fail(err, HG_INVALID, "invalid", "sha256", "sha256 is the document's SHA-256 in 64 lower-case hex");
    char coarse[64];
    certificate_coarse_addr(addr, coarse, sizeof coarse);
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = admit(c, addr, retry_after_s, err);
    cert_state st;
    int found = 0, match = 0, counts = 0;
    const char *why = NULL;
    certificate_qr_claims q;
    hg_err qerr; /* why a QR code was refused: its message is the answer's, read below */
    if (!rc)
        rc = load(d, no, &st, &found, err);
    /* a QR code's text: its signature first (forged or cut short is tampered, whatever the
     * number), then its number and digest against the record */
    if (!rc && !strncmp(code, CERTIFICATE_QR_PREFIX, strlen(CERTIFICATE_QR_PREFIX))) {
        hg_rc qrc = certificate_qr_verify(code, certificate_key_lookup_db, d, &q, &qerr);
        if (qrc == HG_INVALID)
            why = qerr.message;
        else if (qrc)
            rc = qrc, *err = qerr;
        else if (strcmp(q.no, no))
            why = N_("the QR code is another certificate's");
        else if (found && memcmp(q.digest, st.digest, sizeof q.digest))
            why = N_("the QR code does not match the certificate issued under this number"), counts = 1;
        code = q.code;
    }
    if (!rc && why) {
        *out = json_pack("{s:s, s:s}", "result", "tampered", "message", why);
    } else if (!rc && found && !counts && sodium_memcmp(code, st.code, strlen(st.code)) == 0 &&
               strlen(code) == strlen(st.code)) {
        *out = answer_of(&st, sha256, &match);
        counts = 1;
    } else if (!rc) {
        /* unknown number or wrong code: one answer */
        *out = json_pack("{s:s, s:s}", "result", "unknown", "message",
                         "no certificate has this number and verification code");
        counts = found;
    }
    /* the check, for the exporter to see; a mismatch counts towards the lock */
    if (!rc && found && counts) {
        rc = db_run(d, err,
                    "INSERT INTO certificate_verifications (cert_id, at_ms, from_net, result, matched) VALUES (?, ?, ?,"
                    " ?, ?)",
                    "titti", st.id, c->now_ms, coarse, json_string_value(json_object_get(*out, "result")),
                    (int64_t)match);
        if (!rc && !match)
            rc = db_run(d, err, "UPDATE certificates SET mismatches = mismatches + 1 WHERE id = ?", "t", st.id);
        if (!rc && !match && !st.locked && st.mismatches + 1 >= LOCK_AFTER) {
            rc = db_run(d, err, "UPDATE certificates SET locked_ms = ? WHERE id = ?", "it", c->now_ms, st.id);
            json_t *data = json_pack("{s:s, s:s, s:I}", "cert_no", st.no, "post", "inspection", "mismatches",
                                     (json_int_t)(st.mismatches + 1));
            if (!rc)
                rc = event_emit_about(d, "certificate.locked", "certificate", st.id, st.exporter, c->actor,
                                      c->request_id, data, err);
            json_decref(data);
        }
    }
    json_t *after =
        rc ? NULL
           : json_pack("{s:s, s:s, s:O?}", "cert_no", no, "from", coarse, "answer", json_object_get(*out, "result"));
    rc = audit_commit(c, rc, "certificate.verify", "certificate", found ? st.id : no, NULL, after, err);
    json_decref(after);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

static json_t *verification_row(db_stmt *s)
{
    char at[40];
    return json_pack("{s:s, s:s, s:s, s:b}", "at", db_col_time(s, 0, at), "from", db_col_text(s, 1), "result",
                     db_col_text(s, 2), "matched", (int)db_col_int(s, 3));
}

hg_rc certificate_verifications(db *d, const principal *who, const char *id, json_t **out, hg_err *err)
{
    json_t *cert = NULL, *items = NULL;
    hg_rc rc = certificate_get(d, who, id, &cert, err);
    json_decref(cert);
    if (!rc)
        rc = db_rows_json(d, verification_row, &items, err,
                          "SELECT at_ms, from_net, result, matched FROM certificate_verifications WHERE cert_id = ?"
                          " ORDER BY at_ms DESC, id DESC LIMIT 500",
                          "t", id);
    return rc ? rc : json_page(items, json_null(), out, err);
}

hg_rc certificate_genuine_pdf(const hg_ctx *c, const char *no, const char *code, const char *addr, buf *out,
                              int *retry_after_s, hg_err *err)
{
    /* a check like any other (recorded, counted, rate-limited, a wrong code a mismatch), so
     * that the PDF is no oracle beside the check; only a matching, unlocked one gets the bytes */
    json_t *answer = NULL;
    hg_rc rc = certificate_verify(c, no, code, NULL, addr, &answer, retry_after_s, err);
    const char *result = rc ? "" : json_string_value(json_object_get(answer, "result"));
    int genuine = !rc && (!strcmp(result, "valid") || !strcmp(result, "annulled") || !strcmp(result, "replaced"));
    json_decref(answer);
    if (rc)
        return rc;
    if (!genuine)
        return hg_fail(err, HG_NOTFOUND, "not_found", "code", "no certificate has this number and verification code");
    db_stmt *s = NULL;
    rc = db_query(c->d, &s, err, "SELECT pdf FROM certificates WHERE cert_no = ? AND pdf IS NOT NULL", "t", no);
    if (!rc && (rc = db_step(s, err)) == HG_ROW)
        rc = certificate_pdf_decode(db_col_text(s, 0), out, err);
    else if (rc == HG_DONE)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "code", "no certificate has this number and verification code");
    db_reset(s);
    return rc;
}
