/* traveller_store.c — one barcode from the counter to the outcome (一码到底): the counter's
 * scan turns a verified QR code into the traveller's clearance barcode on a landed flight;
 * temperature, survey and examination, samples and the laboratory's results are recorded
 * against it; the traveller is cleared, or handed over (转运) to the local health authority,
 * whose acknowledgement (its account or the signed link) closes the loop; an alarm is raised
 * on handovers left unacknowledged. Every write is one transaction with its audit row, which
 * names what was recorded but not the health answers (a result is kept as a hash). */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/calendar.h"
#include "../platform/event.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/words.h"
#include "health.h"
#include "health_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

/* The status of a traveller: HG_NOTFOUND (field barcode) when there is none. field_code lets
 * a body's barcode be refused as invalid input (422) rather than as a missing path (404). */
static hg_rc status_of(db *d, const char *barcode, char status[16], hg_rc missing, hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err, "SELECT status FROM health_travellers WHERE barcode = ?", "t", barcode);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(status, 16, "%s", db_col_text(s, 0));
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, missing, "not_found", "barcode", "no traveller has the barcode %s", barcode);
    }
    db_reset(s);
    return rc;
}

static hg_rc must_be_open(db *d, const char *barcode, hg_err *err)
{
    char status[16];
    hg_rc rc = status_of(d, barcode, status, HG_NOTFOUND, err);
    if (!rc && strcmp(status, "open") != 0)
        /* TRANSLATORS: 1: barcode; 2: strcmp(status, "cleared") == 0 ? "cle... (a word) */
        rc = hg_fail(err, HG_CONFLICT, "conflict", "barcode", "the traveller %s is already %s", barcode,
                     hg_word(strcmp(status, "cleared") == 0 ? "cleared" : "handed over"));
    return rc;
}

hg_rc health_facts_of(db *d, const char *barcode, health_facts *f, char status[16], hg_err *err)
{
    memset(f, 0, sizeof *f);
    db_stmt *s = NULL;
    hg_rc rc =
        db_query(d, &s, err,
                 "SELECT t.status,"
                 " (SELECT COUNT(*) FROM health_symptoms y WHERE y.declaration_id = t.declaration_id)"
                 "  + (SELECT COUNT(*) FROM health_checks k WHERE k.barcode = t.barcode AND k.kind <> 'temperature'"
                 "     AND k.abnormal = 1),"
                 " (SELECT COUNT(*) FROM health_checks k WHERE k.barcode = t.barcode AND k.temperature_dc >= ?),"
                 " COALESCE(d.contact_cases, 0) + COALESCE(d.fever_cluster, 0),"
                 " (SELECT COUNT(*) FROM health_samples p WHERE p.barcode = t.barcode AND p.result = 'positive'),"
                 " (SELECT COUNT(*) FROM health_samples p WHERE p.barcode = t.barcode AND p.result = 'negative'),"
                 " (SELECT COUNT(*) FROM health_samples p WHERE p.barcode = t.barcode AND p.result IS NULL)"
                 " FROM health_travellers t JOIN health_declarations d ON d.id = t.declaration_id WHERE t.barcode = ?",
                 "it", (int64_t)HEALTH_FEVER_DC, barcode);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(status, 16, "%s", db_col_text(s, 0));
        f->symptoms = db_col_int(s, 1) > 0;
        f->fever = db_col_int(s, 2) > 0;
        f->contact = db_col_int(s, 3) > 0;
        f->positive = db_col_int(s, 4) > 0;
        f->pending = db_col_int(s, 6) > 0;
        f->negative = db_col_int(s, 5) > 0 && !f->positive && !f->pending;
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "barcode", "no traveller has the barcode %s", barcode);
    }
    db_reset(s);
    return rc;
}

/* ------------------------------------------------------------------ the card */

/* Masks the identity and phone number of a list's items. */
static void mask_items(json_t *items)
{
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it)
    {
        static const char *const keys[] = {"document_no", "phone", NULL};
        char m[64];
        for (const char *const *k = keys; *k; k++)
            if (json_is_string(json_object_get(it, *k))) {
                health_mask(json_string_value(json_object_get(it, *k)), m, sizeof m);
                json_object_set_new(it, *k, json_string(m));
            }
        if (json_is_string(json_object_get(it, "name_mrz"))) {
            health_mask_name(json_string_value(json_object_get(it, "name_mrz")), m, sizeof m);
            json_object_set_new(it, "name_mrz", json_string(m));
            json_object_del(it, "name");
        }
    }
}

#define TRAVELLER_COLUMNS                                                                                              \
    "t.barcode, t.status, t.flags, t.flight_id, t.scanned_ms AS scanned_at__t, t.scanned_by,"                          \
    " t.outcome_ms AS outcome_at__t, t.outcome_by, d.id AS declaration_id, d.name, d.name_mrz, d.sex,"                 \
    " d.birth_date, d.nationality, d.document_type, d.document_no, d.flight_no, d.seat, d.phone "

static hg_rc one_of(db *d, const char *sql, const char *barcode, json_t **out, hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err, sql, "t", barcode);
    return rc ? rc : health_stmt_rows(s, out, err);
}

hg_rc traveller_card(db *d, const char *barcode, json_t **out, hg_err *err)
{
    json_t *rows = NULL, *part = NULL;
    *out = NULL;
    hg_rc rc = one_of(d,
                      "SELECT " TRAVELLER_COLUMNS ", d.address, d.contact_cases AS contact_cases__b,"
                      " d.fever_cluster AS fever_cluster__b, d.antipyretics AS antipyretics__b, d.symptoms_other,"
                      " d.purged_ms AS purged_at__t FROM health_travellers t JOIN health_declarations d"
                      " ON d.id = t.declaration_id WHERE t.barcode = ?",
                      barcode, &rows, err);
    if (!rc && json_array_size(rows) == 0)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "barcode", "no traveller has the barcode %s", barcode);
    if (rc) {
        json_decref(rows);
        return rc;
    }
    json_t *card = json_incref(json_array_get(rows, 0));
    json_decref(rows);
    const char *flags = json_string_value(json_object_get(card, "flags"));
    json_t *fl = json_array();
    for (const char *p = flags; fl && p && *p;) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        json_array_append_new(fl, json_stringn(p, n));
        p += n + (e != NULL);
    }
    json_object_set_new(card, "flags", fl ? fl : json_array());
    const char *decl = json_string_value(json_object_get(card, "declaration_id"));
    char *id = xstrdup(decl);
    struct {
        const char *key, *sql, *arg;
    } parts[] = {
        {"visits", "SELECT country, arrived_on, left_on FROM health_visits WHERE declaration_id = ? ORDER BY line_no",
         id},
        {"symptoms", "SELECT symptom FROM health_symptoms WHERE declaration_id = ? ORDER BY line_no", id},
        {"checks",
         "SELECT id, kind, temperature_dc AS temperature_dc__i, findings, abnormal AS abnormal__b, at_ms AS at__t,"
         " recorded_by FROM health_checks WHERE barcode = ? ORDER BY at_ms, id",
         barcode},
        {"samples",
         "SELECT sample_no, kind, taken_ms AS taken_at__t, taken_by, sent_ms AS sent_at__t, result,"
         " result_ms AS result_at__t, result_by FROM health_samples WHERE barcode = ? ORDER BY taken_ms, sample_no",
         barcode},
        {"handover",
         "SELECT vehicle, unit, person, reason, handed_ms AS handed_at__t, officer, ack_ms AS acknowledged_at__t,"
         " ack_by AS acknowledged_by, ack_person AS acknowledged_person, alarm_ms AS alarm_at__t"
         " FROM health_handovers WHERE barcode = ?",
         barcode},
    };
    if (!id)
        rc = nomem(err);
    for (size_t i = 0; !rc && i < sizeof parts / sizeof parts[0]; i++) {
        rc = one_of(d, parts[i].sql, parts[i].arg, &part, err);
        if (rc)
            break;
        if (strcmp(parts[i].key, "handover") == 0)
            json_object_set(card, "handover", json_array_size(part) ? json_array_get(part, 0) : json_null());
        else if (strcmp(parts[i].key, "symptoms") == 0) {
            json_t *names = json_array();
            size_t j;
            json_t *v;
            json_array_foreach(part, j, v) json_array_append(names, json_object_get(v, "symptom"));
            json_object_set_new(card, "symptoms", names);
        } else
            json_object_set(card, parts[i].key, part);
        json_decref(part);
    }
    health_facts f;
    char status[16];
    if (!rc)
        rc = health_facts_of(d, barcode, &f, status, err);
    if (!rc) {
        const char *why = NULL;
        int handover = 0;
        const char *ok = health_clearance(&f, &why, &handover);
        json_object_set_new(card, "clearable", json_boolean(ok != NULL));
        json_object_set_new(card, "handover_required", json_boolean(handover));
        json_object_set_new(card, "why", why ? json_string(why) : json_null());
    }
    xfree(id);
    if (rc)
        json_decref(card);
    *out = rc ? NULL : card;
    return rc;
}

hg_rc traveller_list(db *d, const char *flight, const char *status, const char *cursor, int limit, json_t **out,
                     hg_err *err)
{
    static const char *const statuses[] = {"open", "cleared", "handed_over", NULL};
    if (status) {
        const char *const *p = statuses;
        while (*p && strcmp(*p, status))
            p++;
        if (!*p)
            return hg_fail(err, HG_INVALID, "invalid", "status", "status is open, cleared or handed_over");
    }
    db_stmt *s = NULL;
    json_t *items = NULL;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT " TRAVELLER_COLUMNS " FROM health_travellers t JOIN health_declarations d"
                        " ON d.id = t.declaration_id WHERE (CAST(? AS TEXT) IS NULL OR t.flight_id = ?)"
                        " AND (CAST(? AS TEXT) IS NULL OR t.status = ?) AND t.barcode > ? ORDER BY t.barcode LIMIT ?",
                        "ttttti", flight, flight, status, status, cursor ? cursor : "", (int64_t)limit + 1);
    if (!rc)
        rc = health_stmt_rows(s, &items, err);
    if (rc)
        return rc;
    mask_items(items);
    return json_page_of(items, limit, "barcode", out, err);
}

/* ------------------------------------------------------------------ the scan */

/* The flags a counter shows on the card, from the declaration's answers. */
static hg_rc flags_of(db *d, const char *decl, char *out, size_t outlen, hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT (SELECT COUNT(*) FROM health_symptoms y WHERE y.declaration_id = x.id),"
                        " COALESCE(x.contact_cases, 0), COALESCE(x.fever_cluster, 0), COALESCE(x.antipyretics, 0),"
                        " (SELECT COUNT(*) FROM health_visits v WHERE v.declaration_id = x.id)"
                        " FROM health_declarations x WHERE x.id = ?",
                        "t", decl);
    out[0] = 0;
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        static const char *const names[] = {"symptoms", "contact", "cluster", "antipyretics", "travel"};
        for (int i = 0; i < 5; i++)
            if (db_col_int(s, i) > 0)
                snprintf(out + strlen(out), outlen - strlen(out), "%s%s", out[0] ? "," : "", names[i]);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_INVALID, "qr_invalid", "qr", "the QR code names no declaration made here");
    }
    db_reset(s);
    return rc;
}

hg_rc health_scan_verify(db *d, int64_t now, const json_t *body, health_qr_claims *q, hg_err *err)
{
    record r = {0};
    hg_rc rc = record_from_json(&health_scan_record, body, REC_CREATE, &r, err);
    if (!rc)
        rc = health_qr_verify(record_text(&r, "qr"), now, health_key_lookup_db, d, q, err);
    record_free(&r);
    return rc;
}

hg_rc traveller_scan(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    health_qr_claims q;
    *out = NULL;
    hg_rc rc = health_scan_verify(c->d, c->now_ms, body, &q, err);
    return rc ? rc : traveller_scan_claims(c, &q, out, err);
}

hg_rc traveller_scan_claims(const hg_ctx *c, const health_qr_claims *qp, json_t **out, hg_err *err)
{
    health_qr_claims q = *qp;
    *out = NULL;
    hg_rc rc = db_begin(c->d, err);
    if (rc)
        return rc;
    char barcode[40] = "", flight_id[32] = "", flags[80] = "", status[16] = "open";
    int created = 0;
    db_stmt *s = NULL;
    rc = db_query(c->d, &s, err, "SELECT barcode FROM health_travellers WHERE declaration_id = ?", "t", q.id);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(barcode, sizeof barcode, "%s", db_col_text(s, 0)); /* scanned before: the same barcode */
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = HG_OK;
    }
    db_reset(s);
    if (!rc && !barcode[0]) {
        int64_t landed = 0;
        rc = flags_of(c->d, q.id, flags, sizeof flags, err);
        if (!rc)
            rc =
                db_query(c->d, &s, err,
                         "SELECT id, COALESCE(landed_ms, 0) FROM health_flights WHERE flight_no = ? AND local_date = ?",
                         "tt", q.flight, q.entry_date);
        if (!rc && (rc = db_step(s, err)) == HG_ROW) {
            snprintf(flight_id, sizeof flight_id, "%s", db_col_text(s, 0));
            landed = db_col_int(s, 1);
            rc = HG_OK;
        } else if (rc == HG_DONE) {
            /* TRANSLATORS: 1: flight; 2: entry_date */
            rc = hg_fail(err, HG_INVALID, "no_flight", "qr", "no inbound flight %s on %s is recorded", q.flight,
                         q.entry_date);
        }
        db_reset(s);
        if (!rc && !landed)
            rc = hg_fail(err, HG_CONFLICT, "conflict", "qr", "flight %s has not landed", flight_id);
        /* flagged on board (登临检疫) by the seat the traveller declared */
        int64_t on_board = 0;
        if (!rc)
            rc = db_int(c->d, &on_board, err,
                        "SELECT COUNT(*) FROM health_boarding_flags g JOIN health_declarations x ON x.seat = g.seat"
                        " WHERE g.flight_id = ? AND x.id = ?",
                        "tt", flight_id, q.id);
        if (!rc && on_board)
            snprintf(flags + strlen(flags), sizeof flags - strlen(flags), "%son_board", flags[0] ? "," : "");
        /* the barcode: Q, the local day, the day's serial (Code 128, on the tube and the file) */
        char date[11];
        int64_t n = 0;
        calendar_format_date(calendar_day_of(c->now_ms), date);
        char prefix[12];
        snprintf(prefix, sizeof prefix, "Q%.4s%.2s%.2s", date, date + 5, date + 8);
        /* the day's last barcode by the key's index (fixed width: text order is number order) */
        char upto[16];
        snprintf(upto, sizeof upto, "%s:", prefix);
        db_stmt *m = NULL;
        if (!rc)
            rc = db_query(c->d, &m, err,
                          "SELECT barcode FROM health_travellers WHERE barcode > ? AND barcode < ?"
                          " ORDER BY barcode DESC LIMIT 1",
                          "tt", prefix, upto);
        if (!rc && (rc = db_step(m, err)) == HG_ROW) {
            n = strtoll(db_col_text(m, 0) + strlen(prefix), NULL, 10);
            rc = HG_OK;
        } else if (rc == HG_DONE) {
            rc = HG_OK;
        }
        db_reset(m);
        snprintf(barcode, sizeof barcode, "%s%05" PRId64, prefix, n + 1);
        if (!rc)
            rc = db_run(c->d, err,
                        "INSERT INTO health_travellers (barcode, declaration_id, flight_id, scanned_ms, scanned_by,"
                        " flags, status) VALUES (?, ?, ?, ?, ?, ?, 'open')",
                        "tttitt", barcode, q.id, flight_id, c->now_ms, c->actor, flags);
        created = !rc;
    }
    json_t *after = NULL;
    if (!rc && created &&
        !(after = json_pack("{s:s, s:s, s:s}", "barcode", barcode, "declaration_id", q.id, "flight_id", flight_id)))
        rc = nomem(err);
    if (!rc && created)
        rc = event_emit_about(c->d, "health.scanned", "health_traveller", barcode, NULL, c->actor, c->request_id, NULL,
                              err);
    if (created || rc)
        rc = audit_commit(c, rc, "health.scan", "health_traveller", barcode, NULL, after, err);
    else
        db_rollback(c->d); /* scanned before: nothing to write */
    json_decref(after);
    /* a short answer, read from what the scan knows: the card is GET .../travellers/{barcode} */
    if (!rc && !created) {
        rc = db_query(c->d, &s, err, "SELECT flight_id, flags, status FROM health_travellers WHERE barcode = ?", "t",
                      barcode);
        if (!rc && (rc = db_step(s, err)) == HG_ROW) {
            snprintf(flight_id, sizeof flight_id, "%s", db_col_text(s, 0));
            snprintf(flags, sizeof flags, "%s", db_col_text(s, 1));
            snprintf(status, sizeof status, "%s", db_col_text(s, 2));
            rc = HG_OK;
        }
        db_reset(s);
    }
    json_t *fl = json_array();
    for (const char *p = flags; fl && *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        json_array_append_new(fl, json_stringn(p, len));
        p += len + (e != NULL);
    }
    char label[96];
    snprintf(label, sizeof label, "/api/v1/health/travellers/%s/label", barcode);
    if (!rc && !(*out = json_pack("{s:s, s:b, s:s, s:o, s:s, s:s, s:s}", "barcode", barcode, "created", created,
                                  "status", status, "flags", fl ? fl : json_array(), "flight_id", flight_id,
                                  "declaration_id", q.id, "label", label)))
        rc = nomem(err);
    else if (rc)
        json_decref(fl);
    return rc;
}

/* ------------------------------------------------------------------ checks and samples */

hg_rc traveller_check(const hg_ctx *c, const char *barcode, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&health_check_record, body, REC_CREATE, &r, err);
    const char *kind = record_text(&r, "kind");
    int temp = !rc && strcmp(kind, "temperature") == 0;
    int64_t dc = record_int(&r, "temperature_dc", -1);
    if (!rc && temp && dc < 0)
        rc = hg_fail(err, HG_INVALID, "required", "temperature_dc", "a temperature check records the temperature");
    if (!rc && !temp && dc >= 0)
        rc = hg_fail(err, HG_INVALID, "invalid", "temperature_dc", "only a temperature check records a temperature");
    if (!rc && !temp && record_int(&r, "abnormal", -1) < 0)
        rc = hg_fail(err, HG_INVALID, "required", "abnormal", "a survey or an examination says whether it is abnormal");
    if (!rc && temp && record_int(&r, "abnormal", -1) >= 0 && record_int(&r, "abnormal", 0) != (dc >= HEALTH_FEVER_DC))
        rc = hg_fail(err, HG_INVALID, "invalid", "abnormal", "a temperature is abnormal from 37.3 °C exactly");
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = must_be_open(c->d, barcode, err);
    int64_t n = 0;
    if (!rc)
        rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM health_checks WHERE barcode = ?", "t", barcode);
    char id[48];
    snprintf(id, sizeof id, "%s-C%" PRId64, barcode, n + 1);
    if (!rc && (record_set_text(&r, "id", id) || record_set_text(&r, "barcode", barcode) ||
                record_set_int(&r, "at", c->now_ms) || record_set_text(&r, "recorded_by", c->actor) ||
                (temp && record_set_int(&r, "abnormal", dc >= HEALTH_FEVER_DC))))
        rc = nomem(err);
    if (!rc)
        rc = record_insert(c->d, &r, err);
    json_t *after = NULL;
    if (!rc && !(after = json_pack("{s:s, s:s, s:s}", "id", id, "barcode", barcode, "kind", kind)))
        rc = nomem(err);
    rc = audit_commit(c, rc, "health.check", "health_traveller", barcode, NULL, after, err);
    json_decref(after);
    if (!rc && !(*out = record_to_json(&r)))
        rc = nomem(err);
out:
    record_free(&r);
    return rc;
}

hg_rc traveller_sample(const hg_ctx *c, const char *barcode, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&health_sample_record, body, REC_CREATE, &r, err);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = must_be_open(c->d, barcode, err);
    int64_t n = 0;
    if (!rc)
        rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM health_samples WHERE barcode = ?", "t", barcode);
    char no[48];
    snprintf(no, sizeof no, "%s-%" PRId64, barcode, n + 1);
    if (!rc && (record_set_text(&r, "sample_no", no) || record_set_text(&r, "barcode", barcode) ||
                record_set_int(&r, "taken_at", c->now_ms) || record_set_text(&r, "taken_by", c->actor)))
        rc = nomem(err);
    if (!rc)
        rc = record_insert(c->d, &r, err);
    if (!rc && !(*out = record_to_json(&r)))
        rc = nomem(err);
    if (!rc)
        rc = event_emit_about(c->d, "health.sampled", "health_traveller", barcode, NULL, c->actor, c->request_id, NULL,
                              err);
    rc = audit_commit(c, rc, "health.sample", "health_traveller", barcode, NULL, *out, err);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
out:
    record_free(&r);
    return rc;
}

hg_rc traveller_result(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&health_result_record, body, REC_CREATE, &r, err);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    const char *barcode = record_text(&r, "barcode"), *kind = record_text(&r, "kind"),
               *result = record_text(&r, "result");
    char status[16], no[48] = "";
    int64_t sent = 0;
    rc = status_of(c->d, barcode, status, HG_INVALID, err); /* a body's unknown barcode: 422 */
    db_stmt *s = NULL;
    if (!rc)
        rc = db_query(c->d, &s, err,
                      "SELECT sample_no, COALESCE(sent_ms, 0) FROM health_samples WHERE barcode = ? AND kind = ?"
                      " AND result IS NULL ORDER BY taken_ms, sample_no LIMIT 1",
                      "tt", barcode, kind);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(no, sizeof no, "%s", db_col_text(s, 0));
        sent = db_col_int(s, 1);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        /* TRANSLATORS: 1: kind; 2: barcode */
        rc = hg_fail(err, HG_CONFLICT, "conflict", "kind", "no %s sample of %s awaits a result", kind, barcode);
    }
    db_reset(s);
    /* a laboratory states results of samples it has received (SECURITY.md §18) */
    if (!rc && !sent)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "barcode", "the sample %s has not been sent to the laboratory", no);
    if (!rc)
        rc = db_run(c->d, err, "UPDATE health_samples SET result = ?, result_ms = ?, result_by = ? WHERE sample_no = ?",
                    "titt", result, c->now_ms, c->actor, no);
    char hash[65] = "";
    json_t *fact = json_pack("{s:s, s:s, s:I}", "sample_no", no, "result", result, "at", (json_int_t)c->now_ms),
           *after = NULL;
    if (!rc)
        rc = fact ? health_answers_hash(fact, hash, err) : nomem(err);
    if (!rc && !(after = json_pack("{s:s, s:s, s:s}", "sample_no", no, "barcode", barcode, "result_hash", hash)))
        rc = nomem(err);
    if (!rc)
        rc = event_emit_about(c->d, "health.result", "health_traveller", barcode, NULL, c->actor, c->request_id, NULL,
                              err);
    rc = audit_commit(c, rc, "health.result", "health_traveller", barcode, NULL, after, err);
    json_decref(after);
    json_decref(fact);
    if (!rc)
        rc = record_load_json(c->d, &health_sample_record, no, out, err);
out:
    record_free(&r);
    return rc;
}

/* ------------------------------------------------------------------ outcomes */

hg_rc traveller_clear(const hg_ctx *c, const char *barcode, json_t **out, hg_err *err)
{
    health_facts f;
    char status[16];
    *out = NULL;
    hg_rc rc = db_begin(c->d, err);
    if (rc)
        return rc;
    rc = must_be_open(c->d, barcode, err);
    if (!rc)
        rc = health_facts_of(c->d, barcode, &f, status, err);
    const char *why = NULL;
    int handover = 0;
    if (!rc && !health_clearance(&f, &why, &handover))
        rc = hg_fail(err, HG_CONFLICT, handover ? "handover_required" : "results_pending", "barcode", "%s", why);
    if (!rc)
        rc = db_run(c->d, err,
                    "UPDATE health_travellers SET status = 'cleared', outcome_ms = ?, outcome_by = ? WHERE barcode = ?",
                    "itt", c->now_ms, c->actor, barcode);
    char at[40];
    time_format_rfc3339(c->now_ms, at, sizeof at);
    if (!rc && !(*out = json_pack("{s:s, s:s, s:s}", "barcode", barcode, "status", "cleared", "outcome_at", at)))
        rc = nomem(err);
    if (!rc)
        rc = event_emit_about(c->d, "health.cleared", "health_traveller", barcode, NULL, c->actor, c->request_id, NULL,
                              err);
    rc = audit_commit(c, rc, "health.clear", "health_traveller", barcode, NULL, *out, err);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc flight_clear_batch(const hg_ctx *c, const char *flight_id, json_t **out, hg_err *err)
{
    json_t *open = NULL, *cleared = json_array(), *left = json_array();
    db_stmt *s = NULL;
    int64_t n = 0;
    *out = NULL;
    hg_rc rc = cleared && left ? db_begin(c->d, err) : nomem(err);
    if (rc)
        goto out;
    rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM health_flights WHERE id = ?", "t", flight_id);
    if (!rc && !n)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no inbound flight %s", flight_id);
    if (!rc)
        rc = db_query(c->d, &s, err,
                      "SELECT barcode FROM health_travellers WHERE flight_id = ? AND status = 'open' ORDER BY barcode",
                      "t", flight_id);
    if (!rc)
        rc = health_stmt_rows(s, &open, err);
    size_t i;
    json_t *row;
    json_array_foreach(open, i, row)
    {
        const char *barcode = json_string_value(json_object_get(row, "barcode")), *why = NULL;
        health_facts f;
        char status[16];
        int handover = 0;
        if (rc || (rc = health_facts_of(c->d, barcode, &f, status, err)))
            break;
        if (!health_clearance(&f, &why, &handover)) {
            json_array_append_new(
                left, json_pack("{s:s, s:s, s:b}", "barcode", barcode, "why", why, "handover_required", handover));
            continue;
        }
        json_t *after = json_pack("{s:s, s:s, s:s}", "barcode", barcode, "status", "cleared", "flight_id", flight_id);
        rc = after ? db_run(c->d, err,
                            "UPDATE health_travellers SET status = 'cleared', outcome_ms = ?, outcome_by = ?"
                            " WHERE barcode = ?",
                            "itt", c->now_ms, c->actor, barcode)
                   : nomem(err);
        if (!rc)
            rc = event_emit_about(c->d, "health.cleared", "health_traveller", barcode, NULL, c->actor, c->request_id,
                                  NULL, err);
        if (!rc)
            rc = audit_append_ctx(c, "health.clear", "health_traveller", barcode, NULL, after, err);
        json_decref(after);
        if (!rc)
            json_array_append_new(cleared, json_string(barcode));
    }
    if (!rc)
        rc = db_commit(c->d, err);
    else
        db_rollback(c->d);
    if (!rc && !(*out = json_pack("{s:s, s:O, s:O}", "flight_id", flight_id, "cleared", cleared, "left", left)))
        rc = nomem(err);
out:
    json_decref(open);
    json_decref(cleared);
    json_decref(left);
    return rc;
}

static void token_hex(char token[65], char hash[65])
{
    unsigned char rnd[32], h[crypto_hash_sha256_BYTES];
    randombytes_buf(rnd, sizeof rnd);
    hex_encode(rnd, sizeof rnd, token);
    crypto_hash_sha256(h, (const unsigned char *)token, 64);
    hex_encode(h, sizeof h, hash);
}

hg_rc traveller_handover(const hg_ctx *c, const char *barcode, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    health_facts f;
    char status[16], token[65], th[65];
    *out = NULL;
    hg_rc rc = record_from_json(&health_handover_record, body, REC_CREATE, &r, err);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = health_facts_of(c->d, barcode, &f, status, err);
    if (!rc && strcmp(status, "handed_over") == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "barcode", "the traveller %s has already been handed over", barcode);
    else if (!rc && strcmp(status, "open") != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "barcode", "the traveller %s is already cleared", barcode);
    const char *why = NULL;
    int handover = 0;
    health_clearance(&f, &why, &handover);
    token_hex(token, th);
    if (!rc && (record_set_text(&r, "barcode", barcode) ||
                record_set_text(&r, "reason", handover ? why : "the officer's judgement at the medical examination") ||
                record_set_int(&r, "handed_at", c->now_ms) || record_set_text(&r, "officer", c->actor)))
        rc = nomem(err);
    if (!rc)
        rc = record_insert(c->d, &r, err);
    if (!rc)
        rc = db_run(c->d, err, "UPDATE health_handovers SET ack_token_hash = ? WHERE barcode = ?", "tt", th, barcode);
    if (!rc)
        rc = db_run(c->d, err,
                    "UPDATE health_travellers SET status = 'handed_over', outcome_ms = ?, outcome_by = ?"
                    " WHERE barcode = ?",
                    "itt", c->now_ms, c->actor, barcode);
    json_t *after = NULL;
    if (!rc && !(after = json_pack("{s:s, s:s, s:s}", "barcode", barcode, "unit", record_text(&r, "unit"), "vehicle",
                                   record_text(&r, "vehicle"))))
        rc = nomem(err);
    if (!rc)
        rc = event_emit_about(c->d, "health.handed_over", "health_traveller", barcode, NULL, c->actor, c->request_id,
                              NULL, err);
    rc = audit_commit(c, rc, "health.handover", "health_traveller", barcode, NULL, after, err);
    json_decref(after);
    if (!rc && !(*out = record_to_json(&r)))
        rc = nomem(err);
    if (!rc) {
        char link[120];
        snprintf(link, sizeof link, "/health/receipt?t=%s", token);
        json_object_set_new(*out, "token", json_string(token));
        json_object_set_new(*out, "link", json_string(link));
    }
out:
    record_free(&r);
    return rc;
}

hg_rc handover_acknowledge(const hg_ctx *c, const char *barcode, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(barcode ? &health_ack_record : &health_receipt_record, body, REC_CREATE, &r, err);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    char th[65], code[24] = "";
    int64_t acked = 0;
    db_stmt *s = NULL;
    if (barcode) {
        rc = db_query(c->d, &s, err, "SELECT barcode, COALESCE(ack_ms, 0) FROM health_handovers WHERE barcode = ?", "t",
                      barcode);
    } else {
        unsigned char h[crypto_hash_sha256_BYTES];
        const char *token = record_text(&r, "token");
        crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
        hex_encode(h, sizeof h, th);
        rc = db_query(c->d, &s, err,
                      "SELECT barcode, COALESCE(ack_ms, 0) FROM health_handovers WHERE ack_token_hash = ?", "t", th);
    }
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(code, sizeof code, "%s", db_col_text(s, 0));
        acked = db_col_int(s, 1);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", barcode ? "barcode" : "token", "no such handover");
    }
    db_reset(s);
    if (!rc && acked)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "barcode", "the handover of %s is already acknowledged", code);
    const char *by = barcode ? c->actor : "signed link";
    if (!rc)
        rc = db_run(c->d, err, "UPDATE health_handovers SET ack_ms = ?, ack_by = ?, ack_person = ? WHERE barcode = ?",
                    "ittt", c->now_ms, by, record_text(&r, "person"), code);
    char at[40];
    time_format_rfc3339(c->now_ms, at, sizeof at);
    if (!rc && !(*out = json_pack("{s:s, s:s, s:s, s:s}", "barcode", code, "acknowledged_at", at, "acknowledged_by", by,
                                  "person", record_text(&r, "person"))))
        rc = nomem(err);
    if (!rc)
        rc = event_emit_about(c->d, "health.handover_acknowledged", "health_traveller", code, NULL, c->actor,
                              c->request_id, NULL, err);
    rc = audit_commit(c, rc, "health.handover_ack", "health_traveller", code[0] ? code : "?", NULL, *out, err);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
out:
    record_free(&r);
    return rc;
}

hg_rc handover_list(db *d, const char *unacknowledged, json_t **out, hg_err *err)
{
    if (unacknowledged && strcmp(unacknowledged, "true") && strcmp(unacknowledged, "false"))
        return hg_fail(err, HG_INVALID, "invalid", "unacknowledged", "unacknowledged is true or false");
    int only = unacknowledged && strcmp(unacknowledged, "true") == 0, acked = unacknowledged && !only;
    db_stmt *s = NULL;
    json_t *items = NULL;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT h.barcode, t.flight_id, h.vehicle, h.unit, h.person, h.reason, h.handed_ms AS"
                        " handed_at__t, h.officer, h.ack_ms AS acknowledged_at__t, h.ack_by AS acknowledged_by,"
                        " h.alarm_ms AS alarm_at__t FROM health_handovers h JOIN health_travellers t ON"
                        " t.barcode = h.barcode WHERE (? = 0 OR h.ack_ms IS NULL) AND (? = 0 OR h.ack_ms IS NOT NULL)"
                        " ORDER BY h.handed_ms DESC LIMIT 500",
                        "ii", (int64_t)only, (int64_t)acked);
    if (!rc)
        rc = health_stmt_rows(s, &items, err);
    if (!rc && !(*out = json_pack("{s:o}", "items", items)))
        rc = nomem(err);
    return rc;
}

hg_rc health_handover_alarms(const hg_ctx *c, int64_t after_ms, int64_t *raised, hg_err *err)
{
    *raised = 0;
    hg_rc rc = db_begin(c->d, err);
    if (rc)
        return rc;
    json_t *due = NULL;
    db_stmt *s = NULL;
    rc = db_query(c->d, &s, err,
                  "SELECT barcode, unit, handed_ms AS handed_at__t FROM health_handovers WHERE ack_ms IS NULL AND"
                  " alarm_ms IS NULL AND handed_ms <= ? ORDER BY handed_ms",
                  "i", c->now_ms - after_ms);
    if (!rc)
        rc = health_stmt_rows(s, &due, err);
    size_t i;
    json_t *h;
    json_array_foreach(due, i, h)
    {
        const char *barcode = json_string_value(json_object_get(h, "barcode"));
        if (!rc)
            rc = db_run(c->d, err, "UPDATE health_handovers SET alarm_ms = ? WHERE barcode = ?", "it", c->now_ms,
                        barcode);
        if (!rc)
            rc = event_emit_about(c->d, "health.handover_overdue", "health_traveller", barcode, NULL, c->actor,
                                  c->request_id, h, err);
        if (!rc)
            rc = audit_append_ctx(c, "health.handover_alarm", "health_traveller", barcode, NULL, h, err);
        if (!rc)
            ++*raised;
    }
    json_decref(due);
    if (!rc)
        rc = db_commit(c->d, err);
    if (rc) {
        db_rollback(c->d);
        *raised = 0;
    }
    return rc;
}
