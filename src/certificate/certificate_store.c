/* certificate_store.c — applications and certificates: the exporter applies for its own
 * export declaration whose goods passed inspection; the inspection officer issues, which
 * numbers the certificate and signs its canonical JSON (json_canon.h) with the certificate key
 * of the key directory, whose public half is kept in certificate_keys so that a certificate
 * signed before a rotation still verifies. Cargo is read through cargo.h and its views. */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../check/check.h"
#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/event.h"
#include "../platform/json.h"
#include "../platform/json_canon.h"
#include "../platform/keydir.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/words.h"
#include "certificate.h"
#include "certificate_docs.h"

#define CERT_COLUMNS                                                                                                   \
    "id, cert_no, kind, entry_no, port, exporter, consignee_name, destination_country, goods, status, applied_by,"     \
    " applied_ms, issued_by, issued_ms, key_id, signature, code, pdf_sha256, annulled_ms, annulled_by, annul_reason,"  \
    " replaces, replaced_by, locked_ms"

static json_t *cert_row(db_stmt *s)
{
    char applied[40], issued[40], annulled[40], locked[40];
    json_t *o = json_pack("{s:s, s:s?, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s?}", "id",
                          db_col_text(s, 0), "cert_no", db_col_text(s, 1), "kind", db_col_text(s, 2), "entry_no",
                          db_col_text(s, 3), "port", db_col_text(s, 4), "exporter", db_col_text(s, 5), "consignee_name",
                          db_col_text(s, 6), "destination_country", db_col_text(s, 7), "goods", db_col_text(s, 8),
                          "status", db_col_text(s, 9), "applied_by", db_col_text(s, 10), "applied_at",
                          db_col_time(s, 11, applied), "issued_by", db_col_text(s, 12), "issued_at",
                          db_col_time(s, 13, issued), "key_id", db_col_text(s, 14), "signature", db_col_text(s, 15));
    json_t *more =
        json_pack("{s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?}", "code", db_col_text(s, 16), "pdf_sha256",
                  db_col_text(s, 17), "annulled_at", db_col_time(s, 18, annulled), "annulled_by", db_col_text(s, 19),
                  "annul_reason", db_col_text(s, 20), "replaces", db_col_text(s, 21), "replaced_by", db_col_text(s, 22),
                  "locked_at", db_col_time(s, 23, locked));
    if (o && more)
        json_object_update(o, more);
    json_decref(more);
    return o;
}

static hg_rc read_cert(db *d, const char *id, json_t **out, hg_err *err)
{
    return db_row_json(d, cert_row, out, "id", "no such certificate", err,
                       "SELECT " CERT_COLUMNS " FROM certificates WHERE id = ?", "t", id);
}

static json_t *kind_row(db_stmt *s)
{
    return json_pack("{s:s, s:s, s:s}", "code", db_col_text(s, 0), "name_zh", db_col_text(s, 1), "name_en",
                     db_col_text(s, 2));
}

hg_rc certificate_kinds(db *d, json_t **out, hg_err *err)
{
    json_t *items = NULL;
    hg_rc rc = db_rows_json(d, kind_row, &items, err,
                            "SELECT code, name_zh, name_en FROM certificate_kinds ORDER BY code", "");
    return rc ? rc : json_page(items, json_null(), out, err);
}

/* The certificate signing key, loaded once from the key directory (as health_qr_key). */
static keydir_key cert_key;
static int cert_key_loaded;
static pthread_mutex_t cert_key_lock = PTHREAD_MUTEX_INITIALIZER;

static hg_rc signing_key(keydir_key *out, hg_err *err)
{
    hg_rc rc = HG_OK;
    pthread_mutex_lock(&cert_key_lock);
    if (!cert_key_loaded) {
        char dir[1024];
        audit_process_key_dir(dir, sizeof dir);
        int created = 0;
        rc = dir[0] ? keydir_load(dir, "certificate.key", "the certificate signing key", &cert_key, &created, err)
                    : hg_fail(err, HG_IO, "io_error", "", "no usable key directory for the certificate signing key");
        cert_key_loaded = !rc;
    }
    if (!rc)
        *out = cert_key;
    pthread_mutex_unlock(&cert_key_lock);
    return rc;
}

static hg_rc text_field(const json_t *body, const char *key, int max, const char **out, hg_err *err)
{
    hg_rc rc = json_get_str(body, key, 1, out, err);
    if (!rc && (!**out || strlen(*out) > (size_t)max))
        /* TRANSLATORS: 1: key; 2: max */
        rc = hg_fail(err, HG_INVALID, "invalid", key, "%s must be 1 to %d bytes", key, max);
    return rc;
}

hg_rc certificate_apply(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    static const char *const allowed[] = {"entry_no", "kind", "consignee_name", "destination_country", "goods", NULL};
    const char *entry_no, *kind, *consignee, *country, *goods, *why = NULL;
    db *d = c->d;
    *out = NULL;
    hg_rc rc = json_reject_unknown(body, allowed, err);
    if (!rc)
        rc = text_field(body, "entry_no", 18, &entry_no, err);
    if (!rc)
        rc = text_field(body, "kind", 2, &kind, err);
    if (!rc)
        rc = text_field(body, "consignee_name", 200, &consignee, err);
    if (!rc)
        rc = text_field(body, "goods", 500, &goods, err);
    if (!rc)
        rc = text_field(body, "destination_country", 3, &country, err);
    if (!rc && !check_country(country, &why))
        rc = hg_fail(err, HG_INVALID, "invalid", "destination_country", "destination_country: %s", why);
    /* the facts below and the application are read and written in one transaction */
    if (rc || (rc = db_begin(d, err)))
        return rc;
    int64_t n = 0;
    if (!rc)
        rc = db_int(d, &n, err, "SELECT COUNT(*) FROM certificate_kinds WHERE code = ?", "t", kind);
    if (!rc && !n)
        rc = hg_fail(err, HG_INVALID, "invalid", "kind",
                     "kind %s is not a kind of certificate (GET /api/v1/certificate-kinds)", kind);
    /* the declaration as cargo shows it to the caller: another enterprise's answers 404 */
    json_t *decl = NULL;
    if (!rc)
        rc = declaration_get(d, c->who, entry_no, &decl, err);
    const char *direction = json_string_value(json_object_get(decl, "direction"));
    const char *consignor = json_string_value(json_object_get(decl, "consignor"));
    if (!rc && (!direction || strcmp(direction, "export")))
        rc = hg_fail(err, HG_CONFLICT, "not_export", "entry_no", "%s is not an export declaration", entry_no);
    /* the exporter (发货人) applies, not a broker or another party of the declaration */
    if (!rc && (!consignor || strcmp(consignor, c->who->enterprise)))
        rc = hg_fail(err, HG_FORBIDDEN, "not_exporter", "entry_no",
                     "only the exporter (the consignor) of %s applies for its certificate", entry_no);
    int64_t passed = 0, open = 0, failed = 0;
    if (!rc)
        rc = db_int(d, &passed, err, "SELECT COUNT(*) FROM cargo_inspections WHERE entry_no = ? AND status = 'passed'",
                    "t", entry_no);
    if (!rc)
        rc = db_int(d, &open, err, "SELECT COUNT(*) FROM cargo_inspections WHERE entry_no = ? AND status = 'open'", "t",
                    entry_no);
    if (!rc)
        rc = db_int(d, &failed, err, "SELECT COUNT(*) FROM cargo_inspections WHERE entry_no = ? AND status = 'failed'",
                    "t", entry_no);
    if (!rc)
        rc = certificate_inspected(passed, open, failed, err);
    char port[8] = "", id[48] = "";
    snprintf(port, sizeof port, "%s", rc ? "" : json_string_value(json_object_get(decl, "port")));
    json_decref(decl);
    if (!rc)
        rc = db_int(d, &n, err, "SELECT COUNT(*) FROM certificates WHERE entry_no = ? AND kind = ?", "tt", entry_no,
                    kind);
    if (!rc && n)
        /* TRANSLATORS: 1: entry_no; 2: kind */
        rc = hg_fail(err, HG_CONFLICT, "duplicate", "kind", "%s already has a %s certificate or application", entry_no,
                     kind);
    snprintf(id, sizeof id, "CA%s%s", entry_no, kind);
    if (!rc)
        rc = db_run(d, err,
                    "INSERT INTO certificates (id, cert_no, kind, entry_no, port, exporter, consignee_name,"
                    " destination_country, goods, status, applied_by, applied_ms) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?,"
                    " 'applied', ?, ?)",
                    "ttttttttti", id, kind, entry_no, port, c->who->enterprise, consignee, country, goods, c->actor,
                    c->now_ms);
    if (!rc)
        rc = read_cert(d, id, out, err);
    rc = audit_commit(c, rc, "certificate.apply", "certificate", id, NULL, rc ? NULL : *out, err);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc certificate_list(db *d, const principal *who, const certificate_filter *f, json_t **out, hg_err *err)
{
    static const char *const statuses[] = {"applied", "issued", "annulled", NULL};
    const char *status = f->status && *f->status ? f->status : NULL, *kind = f->kind && *f->kind ? f->kind : NULL;
    const char *q = f->q && *f->q ? f->q : NULL;
    int known = !status;
    for (int i = 0; statuses[i] && !known; i++)
        known = !strcmp(status, statuses[i]);
    if (!known)
        return hg_fail(err, HG_INVALID, "invalid", "status", "status is applied, issued or annulled");
    if (kind && (strlen(kind) != 2 || kind[0] < 'A' || kind[0] > 'Z' || kind[1] < 'A' || kind[1] > 'Z'))
        return hg_fail(err, HG_INVALID, "invalid", "kind",
                       "kind is a kind's 2-letter code (GET /api/v1/certificate-kinds)");
    /* the search box: part of a certificate or entry number (digits and letters only, so that
     * LIKE's wildcards never come from the caller) */
    char like[48] = "";
    if (q) {
        size_t n = strlen(q);
        int ok = n <= 40;
        for (size_t i = 0; ok && i < n; i++)
            ok = (q[i] >= '0' && q[i] <= '9') || (q[i] >= 'A' && q[i] <= 'Z') || (q[i] >= 'a' && q[i] <= 'z');
        if (!ok)
            return hg_fail(err, HG_INVALID, "invalid", "q",
                           "q is part of a certificate or entry number: up to 40 letters or digits");
        snprintf(like, sizeof like, "%%%s%%", q);
        for (char *p = like; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 'a' + 'A');
    }
    /* the cursor is the id of the last row of the previous page: an application's id or a
     * replacement's (CA + entry number + kind, R + a count), letters and digits */
    const char *cursor = f->cursor && *f->cursor ? f->cursor : NULL;
    if (cursor && (strlen(cursor) > 47 || strspn(cursor, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != strlen(cursor)))
        return hg_fail(err, HG_INVALID, "invalid", "cursor", "cursor must be a next_cursor from this list");
    int limit = f->limit > 0 ? f->limit : 50;
    /* an enterprise lists its own; officers every one */
    const char *exporter = who->role == ROLE_ENTERPRISE ? who->enterprise : NULL;
    const char *pattern = q ? like : NULL;
    json_t *items = NULL;
    /* newest first (issued, else applied), then by id; the next page starts below the cursor's
     * row in that order (a row value comparison, on both backends) */
    hg_rc rc = db_rows_json(
        d, cert_row, &items, err,
        "SELECT " CERT_COLUMNS
        " FROM certificates WHERE (CAST(? AS TEXT) IS NULL OR exporter = ?) AND (CAST(? AS TEXT) IS"
        " NULL OR status = ?) AND (CAST(? AS TEXT) IS NULL OR kind = ?) AND (CAST(? AS TEXT) IS NULL"
        " OR cert_no LIKE ? OR entry_no LIKE ?) AND (CAST(? AS TEXT) IS NULL OR (COALESCE(issued_ms, applied_ms), id)"
        " < (SELECT COALESCE(issued_ms, applied_ms), id FROM certificates WHERE id = ?))"
        " ORDER BY COALESCE(issued_ms, applied_ms) DESC, id DESC LIMIT ?",
        "ttttttttttti", exporter, exporter, status, status, kind, kind, pattern, pattern, pattern, cursor, cursor,
        (int64_t)limit + 1);
    return rc ? rc : json_page_of(items, limit, "id", out, err);
}

hg_rc certificate_get(db *d, const principal *who, const char *id, json_t **out, hg_err *err)
{
    hg_rc rc = read_cert(d, id, out, err);
    const char *exporter = rc ? NULL : json_string_value(json_object_get(*out, "exporter"));
    if (!rc && who->role == ROLE_ENTERPRISE && strcmp(exporter, who->enterprise)) {
        json_decref(*out);
        *out = NULL;
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such certificate");
    }
    return rc;
}

static void hex(const unsigned char *p, size_t n, char *out)
{
    static const char digit[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digit[p[i] >> 4];
        out[2 * i + 1] = digit[p[i] & 15];
    }
    out[2 * n] = 0;
}

/* What the signature covers: the certificate's facts, in canonical JSON. */
static json_t *signed_facts(const json_t *cert, const char *no, const char *issued_at, const char *officer)
{
    static const char *const keys[] = {"kind",  "entry_no", "port", "exporter", "consignee_name", "destination_country",
                                       "goods", NULL};
    json_t *o = json_pack("{s:s, s:s, s:s}", "cert_no", no, "issued_at", issued_at, "issued_by", officer);
    for (int i = 0; o && keys[i]; i++)
        json_object_set(o, keys[i], json_object_get(cert, keys[i]));
    /* a replacement names the certificate it replaces (absent from the others: their signed
     * text stays as it was) */
    if (o && json_is_string(json_object_get(cert, "replaces")))
        json_object_set(o, "replaces", json_object_get(cert, "replaces"));
    return o;
}

/* The code, QR and PDF of the certificate being issued (certificate_docs.h). */
static hg_rc make_documents(const hg_ctx *c, const json_t *cert, const char *no, const char *canon, const keydir_key *k,
                            certificate_docs *docs, hg_err *err)
{
    db_stmt *s = NULL;
    const char *kind = json_string_value(json_object_get(cert, "kind"));
    hg_rc rc = db_query(c->d, &s, err, "SELECT name_zh, name_en FROM certificate_kinds WHERE code = ?", "t", kind);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        certificate_facts f = {.no = no,
                               .kind_zh = db_col_text(s, 0),
                               .kind_en = db_col_text(s, 1),
                               .exporter = json_string_value(json_object_get(cert, "exporter")),
                               .consignee = json_string_value(json_object_get(cert, "consignee_name")),
                               .country = json_string_value(json_object_get(cert, "destination_country")),
                               .goods = json_string_value(json_object_get(cert, "goods")),
                               .entry_no = json_string_value(json_object_get(cert, "entry_no")),
                               .port = json_string_value(json_object_get(cert, "port")),
                               .officer = c->actor,
                               .replaces = json_string_value(json_object_get(cert, "replaces")),
                               .canonical = canon,
                               .issued_ms = c->now_ms};
        rc = certificate_documents(k, &f, docs, err);
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_INTERNAL, NULL, "kind", "the kind %s has gone", kind);
    }
    db_reset(s);
    return rc;
}

/* An envelope of certificate id as it now stands to its importing authority (inside the
 * caller's transaction); the job delivers it. */
static hg_rc enqueue_envelope(const hg_ctx *c, const char *id, hg_err *err)
{
    json_t *cert = NULL;
    char *name = NULL;
    buf xml;
    buf_init(&xml, 1 << 20);
    hg_rc rc = read_cert(c->d, id, &cert, err);
    db_stmt *s = NULL;
    if (!rc)
        rc = db_query(c->d, &s, err, "SELECT name_en FROM certificate_kinds WHERE code = ?", "t",
                      json_string_value(json_object_get(cert, "kind")));
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        name = xstrdup(db_col_text(s, 0));
        rc = HG_OK;
    }
    db_reset(s);
    if (!rc && certificate_sps_xml(cert, name ? name : "", &xml))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    const char *status = rc ? "" : json_string_value(json_object_get(cert, "status"));
    if (!rc)
        rc = db_run(
            c->d, err,
            "INSERT INTO certificate_envelopes (cert_id, cert_no, from_country, to_country, doc_type, doc_status,"
            " content, state, attempts, next_ms, created_ms) VALUES (?, ?, 'CN', ?, ?, ?, ?, 'pending', 0, ?, ?)",
            "tttiitii", id, json_string_value(json_object_get(cert, "cert_no")),
            json_string_value(json_object_get(cert, "destination_country")),
            (int64_t)certificate_document_type(json_string_value(json_object_get(cert, "kind"))),
            (int64_t)(strcmp(status, "annulled") ? CERTIFICATE_STATUS_ISSUED : CERTIFICATE_STATUS_ANNULLED),
            buf_str(&xml), c->now_ms, c->now_ms);
    xfree(name);
    buf_free(&xml);
    json_decref(cert);
    return rc;
}

hg_rc certificate_xml(db *d, const principal *who, const char *no, buf *out, hg_err *err)
{
    json_t *cert = NULL;
    char id[48] = "";
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err, "SELECT id FROM certificates WHERE cert_no = ?", "t", no);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(id, sizeof id, "%s", db_col_text(s, 0));
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "no", "no such certificate");
    }
    db_reset(s);
    if (!rc)
        rc = certificate_get(d, who, id, &cert, err);
    if (!rc) {
        s = NULL;
        rc = db_query(d, &s, err, "SELECT name_en FROM certificate_kinds WHERE code = ?", "t",
                      json_string_value(json_object_get(cert, "kind")));
        if (!rc && (rc = db_step(s, err)) == HG_ROW)
            rc = certificate_sps_xml(cert, db_col_text(s, 0), out) ? hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory")
                                                                   : HG_OK;
        else if (rc == HG_DONE)
            rc = hg_fail(err, HG_INTERNAL, NULL, "kind", "the certificate's kind has gone");
        db_reset(s);
    }
    json_decref(cert);
    return rc;
}

/* What issuing a certificate writes, made before its transaction (certificate.h): the number,
 * the signature of the canonical facts and the documents (code, QR, the rendered PDF). */
struct certificate_plan {
    keydir_key k;
    char prefix_like[20], no[17], sig_hex[2 * KEYDIR_SIG_BYTES + 1];
    int64_t issued_before; /* certificates already numbered under the prefix, read by the plan */
    int64_t kind_before;   /* a replacement's: applications of the entry and kind (its id) */
    int64_t now_ms;        /* the time of issue the signature and the PDF carry */
    char *canon;
    json_t *facts; /* a replacement's: the old certificate's facts with the corrections */
    certificate_docs docs;
};

static void plan_clear(certificate_plan *p)
{
    certificate_docs_free(&p->docs);
    keydir_key_wipe(&p->k);
    xfree(p->canon);
    json_decref(p->facts);
    memset(p, 0, sizeof *p);
}

void certificate_plan_free(void *p)
{
    if (p)
        plan_clear(p);
    xfree(p);
}

/* Numbers (port + year (Asia/Shanghai) + kind + serial, never reused), signs and renders the
 * certificate of `cert` (an application's facts, as read_cert gives them) into p, zeroed or
 * cleared (plan_clear it, also on failure). */
static hg_rc plan_issue(const hg_ctx *c, const json_t *cert, certificate_plan *p, hg_err *err)
{
    hg_rc rc = signing_key(&p->k, err);
    if (rc)
        return rc;
    const char *port = json_string_value(json_object_get(cert, "port"));
    const char *kind = json_string_value(json_object_get(cert, "kind"));
    char issued_at[40];
    p->now_ms = c->now_ms;
    int year = cargo_shanghai_year(p->now_ms);
    snprintf(p->prefix_like, sizeof p->prefix_like, "%s%04d%s%%", port, year, kind);
    rc = db_int(c->d, &p->issued_before, err, "SELECT COUNT(*) FROM certificates WHERE cert_no LIKE ?", "t",
                p->prefix_like);
    if (!rc && certificate_number(port, year, kind, p->issued_before + 1, p->no))
        rc = hg_fail(err, HG_CONFLICT, "serial_exhausted", "kind", "no serial left for %s in %d", kind, year);
    time_format_rfc3339(p->now_ms, issued_at, sizeof issued_at);
    json_t *facts = NULL;
    if (!rc && (!(facts = signed_facts(cert, p->no, issued_at, c->actor)) || !(p->canon = json_canon_text(facts))))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    json_decref(facts);
    if (!rc) {
        unsigned char sig[KEYDIR_SIG_BYTES];
        keydir_sign(&p->k, p->canon, strlen(p->canon), sig);
        hex(sig, sizeof sig, p->sig_hex);
        hg_ctx at = *c;
        at.now_ms = p->now_ms;
        rc = make_documents(&at, cert, p->no, p->canon, &p->k, &p->docs, err);
    }
    return rc;
}

/* Inside the transaction: *holds 0 when the plan's number has been taken since it was made
 * (another issue in between, or earlier in the same group commit). */
static hg_rc plan_holds(const hg_ctx *c, const certificate_plan *p, int *holds, hg_err *err)
{
    int64_t n = 0;
    *holds = 0;
    hg_rc rc =
        p->canon ? db_int(c->d, &n, err, "SELECT COUNT(*) FROM certificates WHERE cert_no LIKE ?", "t", p->prefix_like)
                 : HG_OK;
    *holds = !rc && p->canon && n == p->issued_before;
    return rc;
}

/* Inside the transaction: application `id` becomes the planned certificate, status issued, and
 * its envelope to the importing authority is queued. The plan is only read: a group commit
 * run again stores the same. */
static hg_rc store_issue(const hg_ctx *c, const char *id, const certificate_plan *p, hg_err *err)
{
    hg_rc rc = db_run(c->d, err,
                      "INSERT INTO certificate_keys (key_id, public_key, created_ms) VALUES (?, ?, ?)"
                      " ON CONFLICT (key_id) DO NOTHING",
                      "tti", p->k.id, p->k.pk_hex, p->now_ms);
    if (!rc)
        rc =
            db_run(c->d, err,
                   "UPDATE certificates SET cert_no = ?, status = 'issued', issued_by = ?, issued_ms = ?, key_id = ?,"
                   " signature = ?, canonical = ?, version = 1, code = ?, qr = ?, pdf = ?, pdf_sha256 = ? WHERE id = ?",
                   "ttitttttttt", p->no, c->actor, p->now_ms, p->k.id, p->sig_hex, p->canon, p->docs.code,
                   buf_str(&p->docs.qr), p->docs.pdf_base64, p->docs.pdf_sha256, id);
    if (!rc)
        rc = enqueue_envelope(c, id, err);
    return rc;
}

/* Ends a write: the record as it now stands, the audit row, the commit (or the rollback). */
static hg_rc finish(const hg_ctx *c, hg_rc rc, const char *action, const char *id, json_t *before, json_t **out,
                    hg_err *err)
{
    if (!rc)
        rc = read_cert(c->d, id, out, err);
    rc = audit_commit(c, rc, action, "certificate", id, before, rc ? NULL : *out, err);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    json_decref(before);
    return rc;
}

/* An applied certificate's status, as a refusal: only an application is issued. */
static hg_rc is_applied(const char *id, const json_t *cert, hg_err *err)
{
    const char *status = json_string_value(json_object_get(cert, "status"));
    return strcmp(status, "applied")
               /* TRANSLATORS: 1: id; 2: status (a word) */
               ? hg_fail(err, HG_CONFLICT, "conflict", "status", "certificate %s is %s, not applied", id,
                         hg_word(status))
               : HG_OK;
}

hg_rc certificate_issue_prepare(const hg_ctx *c, const char *id, certificate_plan **out, hg_err *err)
{
    json_t *app = NULL;
    certificate_plan *p = xcalloc(1, sizeof *p);
    hg_rc rc = p ? read_cert(c->d, id, &app, err) : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = is_applied(id, app, err);
    if (!rc)
        rc = plan_issue(c, app, p, err);
    json_decref(app);
    if (rc) {
        certificate_plan_free(p);
        p = NULL;
    }
    *out = p;
    return rc;
}

hg_rc certificate_issue(const hg_ctx *c, const char *id, const certificate_plan *plan, json_t **out, hg_err *err)
{
    json_t *before = NULL;
    certificate_plan own;
    memset(&own, 0, sizeof own);
    *out = NULL;
    hg_rc rc = db_begin(c->d, err);
    if (rc)
        return rc;
    /* an application's facts never change: its status is what may have (issued meanwhile) */
    int holds = 0;
    rc = read_cert(c->d, id, &before, err);
    if (!rc)
        rc = is_applied(id, before, err);
    if (!rc && plan)
        rc = plan_holds(c, plan, &holds, err);
    /* no plan, or its number taken since: planned here, under the write lock, where it holds */
    if (!rc && !holds && !(rc = plan_issue(c, before, &own, err)))
        plan = &own;
    if (!rc)
        rc = store_issue(c, id, plan, err);
    plan_clear(&own);
    return finish(c, rc, "certificate.issue", id, before, out, err);
}

/* The reason of an annulment or replacement: 4 to 500 bytes, said by the officer. */
static hg_rc reason_of(const json_t *body, const char **out, hg_err *err)
{
    hg_rc rc = json_get_str(body, "reason", 1, out, err);
    if (!rc && (strlen(*out) < 4 || strlen(*out) > 500))
        rc = hg_fail(err, HG_INVALID, "invalid", "reason", "reason must say why, in 4 to 500 bytes");
    return rc;
}

/* Only an issued certificate is annulled or replaced. */
static hg_rc is_issued(const char *id, const json_t *cert, hg_err *err)
{
    const char *status = json_string_value(json_object_get(cert, "status"));
    return strcmp(status, "issued")
               ? hg_fail(err, HG_CONFLICT, strcmp(status, "annulled") ? "conflict" : "already_annulled", "status",
                         /* TRANSLATORS: 1: id; 2: status (a word) */
                         "certificate %s is %s: only an issued certificate is annulled or replaced", id,
                         hg_word(status))
               : HG_OK;
}

/* Annuls issued certificate `before` (row id) inside the caller's transaction, replaced by
 * new_no or not, and tells its exporter. */
static hg_rc annul_row(const hg_ctx *c, const char *id, const json_t *before, const char *reason, const char *new_no,
                       hg_err *err)
{
    /* a certificate is annulled once: status 40 is final (UN/CEFACT 1373) */
    hg_rc rc = is_issued(id, before, err);
    if (!rc)
        rc = db_run(c->d, err,
                    "UPDATE certificates SET status = 'annulled', annulled_ms = ?, annulled_by = ?, annul_reason = ?,"
                    " replaced_by = ? WHERE id = ?",
                    "itttt", c->now_ms, c->actor, reason, new_no, id);
    if (!rc)
        rc = enqueue_envelope(c, id, err);
    json_t *data = json_pack("{s:s, s:s, s:s?}", "cert_no", json_string_value(json_object_get(before, "cert_no")),
                             "reason", reason, "replaced_by", new_no);
    if (!rc)
        rc = event_emit_about(c->d, new_no ? "certificate.replaced" : "certificate.annulled", "certificate", id,
                              json_string_value(json_object_get(before, "exporter")), c->actor, c->request_id, data,
                              err);
    json_decref(data);
    return rc;
}

hg_rc certificate_annul(const hg_ctx *c, const char *id, const json_t *body, json_t **out, hg_err *err)
{
    static const char *const allowed[] = {"reason", NULL};
    const char *reason = NULL;
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = json_reject_unknown(body, allowed, err);
    if (!rc)
        rc = reason_of(body, &reason, err);
    if (rc || (rc = db_begin(c->d, err)))
        return rc;
    rc = read_cert(c->d, id, &before, err);
    if (!rc)
        rc = annul_row(c, id, before, reason, NULL, err);
    return finish(c, rc, "certificate.annul", id, before, out, err);
}

/* The applications of entry_no and kind there are, replacements included: the next
 * replacement's id is numbered by them. */
static hg_rc kind_count(db *d, const json_t *cert, int64_t *n, hg_err *err)
{
    return db_int(d, n, err, "SELECT COUNT(*) FROM certificates WHERE entry_no = ? AND kind = ?", "tt",
                  json_string_value(json_object_get(cert, "entry_no")),
                  json_string_value(json_object_get(cert, "kind")));
}

/* What a replacement corrects (borrowed from body; NULL: the old certificate's) and its reason. */
typedef struct corrections {
    const char *reason, *consignee, *country, *goods;
} corrections;

static hg_rc corrections_of(const json_t *body, corrections *k, hg_err *err)
{
    static const char *const allowed[] = {"reason", "consignee_name", "destination_country", "goods", NULL};
    const char *why = NULL;
    memset(k, 0, sizeof *k);
    hg_rc rc = body ? json_reject_unknown(body, allowed, err)
                    : hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    if (!rc)
        rc = reason_of(body, &k->reason, err);
    if (!rc && json_object_get(body, "consignee_name"))
        rc = text_field(body, "consignee_name", 200, &k->consignee, err);
    if (!rc && json_object_get(body, "goods"))
        rc = text_field(body, "goods", 500, &k->goods, err);
    if (!rc && json_object_get(body, "destination_country") &&
        !(rc = text_field(body, "destination_country", 3, &k->country, err)) && !check_country(k->country, &why))
        rc = hg_fail(err, HG_INVALID, "invalid", "destination_country", "destination_country: %s", why);
    return rc;
}

/* The plan of the replacement of issued certificate `old` into p (zeroed or cleared): the old
 * one's facts with the corrections, naming the number it replaces, and the count of the
 * entry's applications of its kind that numbers its id. */
static hg_rc plan_replacement(const hg_ctx *c, const json_t *old, const corrections *k, certificate_plan *p,
                              hg_err *err)
{
    hg_rc rc = kind_count(c->d, old, &p->kind_before, err);
    if (!rc && !(p->facts = json_deep_copy(old)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (rc)
        return rc;
    if (k->consignee)
        json_object_set_new(p->facts, "consignee_name", json_string(k->consignee));
    if (k->country)
        json_object_set_new(p->facts, "destination_country", json_string(k->country));
    if (k->goods)
        json_object_set_new(p->facts, "goods", json_string(k->goods));
    json_object_set(p->facts, "replaces", json_object_get(old, "cert_no"));
    return plan_issue(c, p->facts, p, err);
}

hg_rc certificate_replace_prepare(const hg_ctx *c, const char *id, const json_t *body, certificate_plan **out,
                                  hg_err *err)
{
    corrections k;
    json_t *old = NULL;
    certificate_plan *p = NULL;
    *out = NULL;
    hg_rc rc = corrections_of(body, &k, err);
    if (!rc && !(p = xcalloc(1, sizeof *p)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = read_cert(c->d, id, &old, err);
    if (!rc)
        rc = is_issued(id, old, err);
    if (!rc)
        rc = plan_replacement(c, old, &k, p, err);
    json_decref(old);
    if (rc)
        certificate_plan_free(p);
    else
        *out = p;
    return rc;
}

hg_rc certificate_replace(const hg_ctx *c, const char *id, const json_t *body, const certificate_plan *plan,
                          json_t **out, hg_err *err)
{
    corrections k;
    json_t *before = NULL;
    certificate_plan own;
    memset(&own, 0, sizeof own);
    *out = NULL;
    hg_rc rc = corrections_of(body, &k, err);
    if (rc || (rc = db_begin(c->d, err)))
        return rc;
    rc = read_cert(c->d, id, &before, err);
    if (!rc)
        rc = is_issued(id, before, err);
    /* the plan holds while no certificate took its number and no application its id */
    int holds = 0;
    int64_t n = 0;
    if (!rc && plan && plan->facts && !(rc = plan_holds(c, plan, &holds, err)) &&
        !(rc = kind_count(c->d, before, &n, err)))
        holds = holds && n == plan->kind_before;
    if (!rc && !holds && !(rc = plan_replacement(c, before, &k, &own, err)))
        plan = &own;
    char new_id[48] = "";
    if (!rc)
        snprintf(new_id, sizeof new_id, "%sR%" PRId64, json_string_value(json_object_get(before, "id")),
                 plan->kind_before);
    if (!rc)
        rc = db_run(c->d, err,
                    "INSERT INTO certificates (id, cert_no, kind, entry_no, port, exporter, consignee_name,"
                    " destination_country, goods, status, applied_by, applied_ms, replaces) SELECT ?, NULL, kind,"
                    " entry_no, port, exporter, ?, ?, ?, 'applied', applied_by, applied_ms, cert_no FROM"
                    " certificates WHERE id = ?",
                    "ttttt", new_id, json_string_value(json_object_get(plan->facts, "consignee_name")),
                    json_string_value(json_object_get(plan->facts, "destination_country")),
                    json_string_value(json_object_get(plan->facts, "goods")), id);
    if (!rc)
        rc = store_issue(c, new_id, plan, err);
    if (!rc)
        rc = annul_row(c, id, before, k.reason, plan->no, err);
    /* the audit row is the new certificate's, its before the old one */
    rc = finish(c, rc, "certificate.replace", new_id[0] ? new_id : id, before, out, err);
    plan_clear(&own);
    return rc;
}

hg_rc certificate_signature_ok(db *d, const char *id, int *ok, hg_err *err)
{
    db_stmt *s = NULL;
    *ok = 0;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT c.canonical, c.key_id, k.public_key, c.signature FROM certificates c JOIN"
                        " certificate_keys k ON k.key_id = c.key_id WHERE c.id = ?",
                        "t", id);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        const char *canon = db_col_text(s, 0);
        *ok = keydir_verify(db_col_text(s, 1), db_col_text(s, 2), canon, strlen(canon), db_col_text(s, 3));
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no issued certificate %s", id);
    }
    db_reset(s);
    return rc;
}

hg_rc certificate_key_lookup_db(void *cls, const char *key_id, char pk_hex[65], hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc = db_query(cls, &s, err, "SELECT public_key FROM certificate_keys WHERE key_id = ?", "t", key_id);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(pk_hex, 65, "%s", db_col_text(s, 0));
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = HG_NOTFOUND;
    }
    db_reset(s);
    return rc;
}

hg_rc certificate_pdf(db *d, const principal *who, const char *no, buf *out, hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc =
        db_query(d, &s, err, "SELECT exporter, pdf FROM certificates WHERE cert_no = ? AND pdf IS NOT NULL", "t", no);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        /* an enterprise reads its own certificates only; another's answer as an unknown one */
        if (who->role == ROLE_ENTERPRISE && strcmp(db_col_text(s, 0), who->enterprise))
            rc = hg_fail(err, HG_NOTFOUND, "not_found", "no", "no such certificate");
        else
            rc = certificate_pdf_decode(db_col_text(s, 1), out, err);
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "no", "no such certificate");
    }
    db_reset(s);
    return rc;
}

static json_t *key_row(db_stmt *s)
{
    char at[40];
    return json_pack("{s:s, s:s, s:s}", "key_id", db_col_text(s, 0), "public_key", db_col_text(s, 1), "since",
                     db_col_time(s, 2, at));
}

hg_rc certificate_keys(db *d, json_t **out, hg_err *err)
{
    json_t *items = NULL;
    hg_rc rc = db_rows_json(d, key_row, &items, err,
                            "SELECT key_id, public_key, created_ms FROM certificate_keys ORDER BY created_ms", "");
    return rc ? rc : json_page(items, json_null(), out, err);
}
