/* declaration_store.c — the traveller's health declaration: submitted without an account,
 * checked field by field (the card's rules, the MRZ or resident ID, 14 days of travel), stored
 * with a hash of its health answers, answered with its signed QR code and a reopening token
 * of 256 random bits whose hash alone is kept; reopened by that token only; and purged of its
 * health answers after the retention period. The audit row of a declaration holds the hash of
 * the answers and the masked identity, never the answers, so the purge leaves the chain whole.
 * Also the QR signing key (key directory) and its public halves (health_qr_keys). */
#include <inttypes.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/calendar.h"
#include "../platform/event.h"
#include "../platform/keydir.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "health.h"
#include "health_store.h"

/* ------------------------------------------------------------------ the signing key */

static keydir_key qr_key;
static int qr_key_loaded;
static pthread_mutex_t qr_key_lock = PTHREAD_MUTEX_INITIALIZER;

hg_rc health_qr_key(keydir_key *out, hg_err *err)
{
    hg_rc rc = HG_OK;
    pthread_mutex_lock(&qr_key_lock);
    if (!qr_key_loaded) {
        char dir[1024];
        audit_process_key_dir(dir, sizeof dir);
        int created = 0;
        if (!dir[0])
            rc = hg_fail(err, HG_IO, "io_error", "", "no usable key directory for the health QR signing key");
        else
            rc = keydir_load(dir, "health-qr.key", "the health QR signing key", &qr_key, &created, err);
        qr_key_loaded = !rc;
    }
    if (!rc)
        *out = qr_key;
    pthread_mutex_unlock(&qr_key_lock);
    return rc;
}

hg_rc health_key_lookup_db(void *cls, const char *key_id, char pk_hex[65], hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc = db_query((db *)cls, &s, err, "SELECT public_key FROM health_qr_keys WHERE key_id = ?", "t", key_id);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(pk_hex, 65, "%s", db_col_text(s, 0));
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = HG_NOTFOUND;
    }
    db_reset(s);
    return rc;
}

hg_rc health_keys_json(db *d, json_t **out, hg_err *err)
{
    return health_rows_json(d, out, err, "SELECT key_id, public_key FROM health_qr_keys ORDER BY created_ms", "");
}

/* ------------------------------------------------------------------ the QR of a declaration */

void health_claims_of(const char *id, const char *name_mrz, const char *document_no, const char *flight,
                      const char *entry_date, int64_t created_ms, int64_t expires_ms, health_qr_claims *c)
{
    memset(c, 0, sizeof *c);
    snprintf(c->id, sizeof c->id, "%s", id);
    health_mask_name(name_mrz, c->name, sizeof c->name);
    health_mask(document_no, c->document, sizeof c->document);
    snprintf(c->flight, sizeof c->flight, "%s", flight);
    snprintf(c->entry_date, sizeof c->entry_date, "%s", entry_date);
    c->issued_s = created_ms / 1000;
    c->expires_s = expires_ms / 1000;
}

static hg_rc qr_text(const health_qr_claims *claims, char **text, hg_err *err)
{
    keydir_key k;
    buf b;
    buf_init(&b, 4096);
    hg_rc rc = health_qr_key(&k, err);
    if (!rc)
        rc = health_qr_encode(&k, claims, &b, err);
    keydir_key_wipe(&k);
    *text = rc ? NULL : buf_take(&b);
    buf_free(&b);
    return rc;
}

/* ------------------------------------------------------------------ the card's rules */

static int64_t day_of_text(const char *s)
{
    int64_t day = 0;
    calendar_parse_date(s, &day);
    return day;
}

/* ICAO 9303 TD3: line 2 holds the document number (1-9), its check digit, the nationality and
 * the birth date (14-19, YYMMDD); the validator has checked every check digit. */
static hg_rc passport_matches(const record *r, hg_err *err)
{
    const char *doc = record_text(r, "document_no"), *birth = record_text(r, "birth_date");
    char mrz[128];
    if (!record_text(r, "mrz"))
        return hg_fail(err, HG_INVALID, "required", "mrz", "a passport's machine-readable zone (MRZ) is required");
    health_mrz_lines(record_text(r, "mrz"), mrz, sizeof mrz);
    const char *l2 = strchr(mrz, '\n');
    if (!l2 || strlen(l2 + 1) != 44)
        return hg_fail(err, HG_INVALID, "invalid", "mrz", "a passport's MRZ is two lines of 44 characters (TD3)");
    l2++;
    char no[10];
    health_mrz_document_no(record_text(r, "mrz"), no);
    if (strcmp(no, doc) != 0)
        return hg_fail(err, HG_INVALID, "mismatch", "document_no", "the document number is not the MRZ's (%s)", no);
    if (strlen(birth) == 10 &&
        (memcmp(l2 + 13, birth + 2, 2) || memcmp(l2 + 15, birth + 5, 2) || memcmp(l2 + 17, birth + 8, 2)))
        return hg_fail(err, HG_INVALID, "mismatch", "birth_date", "the date of birth is not the MRZ's");
    return HG_OK;
}

static hg_rc resident_id_matches(const record *r, hg_err *err)
{
    const char *doc = record_text(r, "document_no"), *birth = record_text(r, "birth_date"), *why = NULL;
    if (!check_id_card(doc, &why))
        return hg_fail(err, HG_INVALID, "invalid", "document_no", "document_no: %s (GB 11643)", why);
    /* GB 11643: digits 7-14 are the birth date */
    if (strlen(birth) == 10 &&
        (memcmp(doc + 6, birth, 4) || memcmp(doc + 10, birth + 5, 2) || memcmp(doc + 12, birth + 8, 2)))
        return hg_fail(err, HG_INVALID, "mismatch", "birth_date", "the date of birth is not the resident ID's");
    return HG_OK;
}

hg_rc health_declaration_rules(const record *r, int64_t now_ms, hg_err *err)
{
    int64_t today = calendar_day_of(now_ms), entry = day_of_text(record_text(r, "entry_date")),
            birth = day_of_text(record_text(r, "birth_date"));
    const char *why = NULL;
    if (!health_trip_rule(record_text(r, "transport"), record_text(r, "flight_no"), &why))
        return hg_fail(err, HG_INVALID, "invalid", "flight_no", "flight_no: %s", why);
    if (!record_int(r, "warning_accepted", 0))
        return hg_fail(err, HG_INVALID, "required", "warning_accepted",
                       "the legal warning must be read and accepted (国境卫生检疫法)");
    if (birth > today)
        return hg_fail(err, HG_INVALID, "invalid", "birth_date", "the date of birth must not be in the future");
    if (birth < calendar_days_from_civil(1900, 1, 1))
        return hg_fail(err, HG_INVALID, "invalid", "birth_date", "the date of birth must be after 1900");
    /* the QR code is valid 24 hours: one declares for an entry today or in the next days */
    if (entry < today - 1 || entry > today + 3)
        return hg_fail(err, HG_INVALID, "invalid", "entry_date",
                       "the date of entry must be from yesterday to three days ahead");
    const char *type = record_text(r, "document_type");
    hg_rc rc = HG_OK;
    if (strcmp(type, "passport") == 0)
        rc = passport_matches(r, err);
    else if (strcmp(type, "resident_id") == 0)
        rc = resident_id_matches(r, err);
    if (rc)
        return rc;
    int n = 0;
    const record *v = record_list(r, "visits", &n);
    for (int i = 0; i < n; i++) {
        char field[40];
        int64_t from = day_of_text(record_text(&v[i], "arrived_on")), to = day_of_text(record_text(&v[i], "left_on"));
        if (to < from) {
            snprintf(field, sizeof field, "visits[%d].left_on", i);
            return hg_fail(err, HG_INVALID, "invalid", field, "a visit cannot end before it began");
        }
        if (to > entry) {
            snprintf(field, sizeof field, "visits[%d].left_on", i);
            return hg_fail(err, HG_INVALID, "invalid", field, "a visit cannot end after the date of entry");
        }
        /* the card asks for the 14 days before entry (4th edition, item 7) */
        if (to < entry - 14) {
            snprintf(field, sizeof field, "visits[%d].left_on", i);
            return hg_fail(err, HG_INVALID, "out_of_range", field,
                           "the travel history covers the last 14 days only: this visit ended %" PRId64
                           " days before entry",
                           entry - to);
        }
    }
    const record *sy = record_list(r, "symptoms", &n);
    for (int i = 0; i < n; i++)
        if (strcmp(record_text(&sy[i], "symptom"), "other") == 0 && !record_text(r, "symptoms_other"))
            return hg_fail(err, HG_INVALID, "required", "symptoms_other", "say which other symptom");
    return HG_OK;
}

/* The health answers whose hash the audit row keeps (and the purge removes). */
static json_t *answers_of(const json_t *body)
{
    static const char *const keys[] = {"address",        "contact_cases", "fever_cluster", "symptoms",
                                       "symptoms_other", "antipyretics",  "visits",        NULL};
    json_t *a = json_object();
    for (const char *const *k = keys; a && *k; k++) {
        json_t *v = json_object_get(body, *k);
        json_object_set_new(a, *k, v ? json_deep_copy(v) : json_null());
    }
    return a;
}

static void token_hash(const char *token, char hex[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
    hex_encode(h, sizeof h, hex);
}

/* ------------------------------------------------------------------ submit, reopen */

struct health_draft {
    record r;
    char id[32], token[65], token_hash[65], hash[65], key_id[KEYDIR_ID_LEN + 1], pk_hex[65];
    char *qr;
    health_qr_claims claims;
    int64_t created_ms, expires_ms;
};

void health_draft_free(health_draft *dr)
{
    if (!dr)
        return;
    record_free(&dr->r);
    xfree(dr->qr);
    xfree(dr);
}

hg_rc health_draft_make(int64_t now, const json_t *body, health_draft **out, hg_err *err)
{
    health_draft *dr = xcalloc(1, sizeof *dr);
    json_t *answers = NULL;
    keydir_key k;
    memset(&k, 0, sizeof k);
    *out = NULL;
    if (!dr)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    hg_rc rc = record_from_json(&health_declaration_record, body, REC_CREATE, &dr->r, err);
    if (!rc)
        rc = health_declaration_rules(&dr->r, now, err);
    if (!rc && !record_text(&dr->r, "transport") && record_set_text(&dr->r, "transport", "flight"))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc && !(answers = answers_of(body)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = health_answers_hash(answers, dr->hash, err);
    if (!rc)
        rc = health_qr_key(&k, err);
    if (rc)
        goto out;
    /* the id names the day; the token, 256 random bits, is the traveller's capability */
    char date[11];
    unsigned char rnd[32];
    calendar_format_date(calendar_day_of(now), date);
    randombytes_buf(rnd, 6);
    snprintf(dr->id, sizeof dr->id, "HD%.4s%.2s%.2s%02x%02x%02x%02x%02x%02x", date, date + 5, date + 8, rnd[0], rnd[1],
             rnd[2], rnd[3], rnd[4], rnd[5]);
    randombytes_buf(rnd, sizeof rnd);
    hex_encode(rnd, sizeof rnd, dr->token);
    token_hash(dr->token, dr->token_hash);
    memcpy(dr->key_id, k.id, sizeof dr->key_id);
    memcpy(dr->pk_hex, k.pk_hex, sizeof dr->pk_hex);
    dr->created_ms = now;
    dr->expires_ms = now + HEALTH_QR_VALID_MS;
    if (record_set_text(&dr->r, "id", dr->id) || record_set_text(&dr->r, "answers_hash", dr->hash) ||
        record_set_text(&dr->r, "key_id", k.id) || record_set_int(&dr->r, "created_at", now) ||
        record_set_int(&dr->r, "expires_at", dr->expires_ms)) {
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    health_claims_of(dr->id, record_text(&dr->r, "name_mrz"), record_text(&dr->r, "document_no"),
                     record_text(&dr->r, "flight_no"), record_text(&dr->r, "entry_date"), now, dr->expires_ms,
                     &dr->claims);
    rc = qr_text(&dr->claims, &dr->qr, err);
out:
    keydir_key_wipe(&k);
    json_decref(answers);
    if (rc)
        health_draft_free(dr);
    else
        *out = dr;
    return rc;
}

hg_rc health_draft_store(const hg_ctx *c, const health_draft *dr, json_t **out, hg_err *err)
{
    json_t *after = NULL, *data = NULL;
    *out = NULL;
    hg_rc rc = db_begin(c->d, err);
    if (rc)
        return rc;
    rc = db_run(c->d, err,
                "INSERT INTO health_qr_keys (key_id, public_key, created_ms) VALUES (?, ?, ?) "
                "ON CONFLICT (key_id) DO NOTHING",
                "tti", dr->key_id, dr->pk_hex, dr->created_ms);
    if (!rc)
        rc = record_insert(c->d, &dr->r, err);
    if (!rc)
        rc = db_run(c->d, err, "UPDATE health_declarations SET token_hash = ? WHERE id = ?", "tt", dr->token_hash,
                    dr->id);
    /* the audit row and the event: the masked identity and the answers' hash, not the answers */
    const health_qr_claims *q = &dr->claims;
    after = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "id", dr->id, "name", q->name, "document", q->document,
                      "flight_no", q->flight, "entry_date", q->entry_date, "answers_hash", dr->hash);
    data = json_pack("{s:s}", "flight_no", q->flight);
    if (!rc && (!after || !data))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = event_emit_about(c->d, "health.declared", "health_declaration", dr->id, NULL, c->actor, c->request_id,
                              data, err);
    rc = audit_commit(c, rc, "health.declare", "health_declaration", dr->id, NULL, after, err);
    if (!rc) {
        char link[160], at[40];
        snprintf(link, sizeof link, "/health?d=%s&t=%s", dr->id, dr->token);
        time_format_rfc3339(dr->expires_ms, at, sizeof at);
        *out = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "id", dr->id, "qr", dr->qr, "expires_at", at, "token",
                         dr->token, "link", link, "key_id", dr->key_id);
        if (!*out)
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    json_decref(after);
    json_decref(data);
    return rc;
}

hg_rc declaration_submit(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    health_draft *dr = NULL;
    *out = NULL;
    hg_rc rc = health_draft_make(c->now_ms, body, &dr, err);
    if (!rc)
        rc = health_draft_store(c, dr, out, err);
    health_draft_free(dr);
    return rc;
}

hg_rc declaration_reopen(db *d, const char *id, const char *token, json_t **out, hg_err *err)
{
    char th[65];
    *out = NULL;
    if (!token || strlen(token) != 64)
        return hg_fail(err, HG_NOTFOUND, "not_found", "token", "no such declaration");
    token_hash(token, th);
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT name_mrz, document_no, flight_no, entry_date, created_ms, expires_ms, name FROM "
                        "health_declarations WHERE id = ? AND token_hash = ?",
                        "tt", id, th);
    health_qr_claims claims;
    char name[104] = "";
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        health_claims_of(id, db_col_text(s, 0), db_col_text(s, 1), db_col_text(s, 2), db_col_text(s, 3),
                         db_col_int(s, 4), db_col_int(s, 5), &claims);
        snprintf(name, sizeof name, "%s", db_col_text(s, 6));
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        /* another traveller's link, or none: the same answer, existence not confirmed */
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "token", "no such declaration");
    }
    db_reset(s);
    char *qr = NULL;
    if (!rc)
        rc = qr_text(&claims, &qr, err);
    if (!rc) {
        char at[40];
        time_format_rfc3339(claims.expires_s * 1000, at, sizeof at);
        *out = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "id", id, "name", name, "flight_no", claims.flight,
                         "entry_date", claims.entry_date, "qr", qr, "expires_at", at, "expired",
                         claims.expires_s * 1000 <= now_ms());
        if (!*out)
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    xfree(qr);
    return rc;
}

/* ------------------------------------------------------------------ purge */

hg_rc declaration_purge(const hg_ctx *c, int64_t before_ms, int64_t *count, hg_err *err)
{
    *count = 0;
    hg_rc rc = db_begin(c->d, err);
    if (rc)
        return rc;
    static const char *const sql[] = {
        "DELETE FROM health_visits WHERE declaration_id IN "
        "(SELECT id FROM health_declarations WHERE created_ms < ? AND purged_ms IS NULL)",
        "DELETE FROM health_symptoms WHERE declaration_id IN "
        "(SELECT id FROM health_declarations WHERE created_ms < ? AND purged_ms IS NULL)",
        "UPDATE health_checks SET findings = NULL, temperature_dc = NULL WHERE barcode IN (SELECT t.barcode FROM "
        "health_travellers t JOIN health_declarations d ON d.id = t.declaration_id WHERE d.created_ms < ? AND "
        "d.purged_ms IS NULL)",
        /* what the boarding saw of each flagged traveller: health data too (their seats stay) */
        "UPDATE health_boarding_flags SET name = NULL, reason = NULL WHERE flight_id IN "
        "(SELECT id FROM health_flights WHERE scheduled_ms < ?)",
    };
    for (size_t i = 0; i < sizeof sql / sizeof sql[0] && !rc; i++)
        rc = db_run(c->d, err, sql[i], "i", before_ms);
    if (!rc)
        rc = db_run(c->d, err,
                    "UPDATE health_declarations SET address = NULL, contact_cases = NULL, fever_cluster = NULL, "
                    "symptoms_other = NULL, antipyretics = NULL, purged_ms = ? WHERE created_ms < ? AND purged_ms IS "
                    "NULL",
                    "ii", c->now_ms, before_ms);
    if (!rc)
        *count = db_changes(c->d);
    char at[40], id[48];
    time_format_rfc3339(before_ms, at, sizeof at);
    snprintf(id, sizeof id, "before %s", at);
    json_t *after = json_pack("{s:I, s:s}", "purged", (json_int_t)*count, "before", at);
    if (!rc && !after)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    rc = audit_commit(c, rc, "health.purge", "health_declarations", id, NULL, after, err);
    json_decref(after);
    return rc;
}
