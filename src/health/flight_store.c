/* flight_store.c — inbound flights under health quarantine: recorded before they land, their
 * landing, the boarding quarantine every one of them receives (登临检疫: officer, start and end,
 * findings, travellers flagged on board; a flight without one is open), the dispatch of its
 * samples to the laboratory, and the flight board. Every write is one transaction with its
 * audit row (audit_commit). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/auth.h"
#include "../platform/calendar.h"
#include "../platform/event.h"
#include "../platform/log.h"
#include "health.h"
#include "health_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

hg_rc flight_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&health_flight_record, body, REC_CREATE, &r, err);
    int64_t at = record_int(&r, "scheduled_at", 0);
    const char *why = NULL, *transport = rc ? NULL : record_text(&r, "transport");
    int air = !transport || strcmp(transport, "flight") == 0;
    if (!rc && !health_trip_rule(transport, record_text(&r, "flight_no"), &why))
        rc = hg_fail(err, HG_INVALID, "invalid", "flight_no", "flight_no: %s", why);
    if (!rc && air && record_int(&r, "passengers", 0) > HEALTH_AIRCRAFT_PASSENGERS)
        rc = hg_fail(err, HG_INVALID, "out_of_range", "passengers", "an aircraft carries at most %d passengers",
                     HEALTH_AIRCRAFT_PASSENGERS);
    if (!rc && air && record_int(&r, "crew", 0) > HEALTH_AIRCRAFT_CREW)
        rc = hg_fail(err, HG_INVALID, "out_of_range", "crew", "an aircraft carries at most %d crew",
                     HEALTH_AIRCRAFT_CREW);
    if (!rc && air && record_set_text(&r, "transport", "flight"))
        rc = nomem(err);
    if (!rc && (at < c->now_ms - 2 * CALENDAR_DAY_MS || at > c->now_ms + 7 * CALENDAR_DAY_MS))
        rc = hg_fail(err, HG_INVALID, "out_of_range", "scheduled_at",
                     "an inbound flight is recorded from two days before to seven days after now");
    char date[11], id[32];
    calendar_format_date(calendar_day_of(at), date);
    snprintf(id, sizeof id, "%s-%.4s%.2s%.2s", record_text(&r, "flight_no") ? record_text(&r, "flight_no") : "", date,
             date + 5, date + 8);
    if (!rc && (record_set_text(&r, "id", id) || record_set_text(&r, "date", date) ||
                record_set_text(&r, "recorded_by", c->actor)))
        rc = nomem(err);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = record_insert(c->d, &r, err);
    if (rc == HG_CONFLICT)
        /* TRANSLATORS: 1: flight_no; 2: date */
        rc = hg_fail(err, HG_CONFLICT, "conflict", "flight_no", "flight %s of %s is already recorded",
                     record_text(&r, "flight_no"), date);
    if (!rc && !(*out = record_to_json(&r)))
        rc = nomem(err);
    if (!rc)
        rc = event_emit_about(c->d, "health.flight_recorded", "health_flight", id, NULL, c->actor, c->request_id, NULL,
                              err);
    rc = audit_commit(c, rc, "health.flight", "health_flight", id, NULL, *out, err);
out:
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    record_free(&r);
    return rc;
}

/* The flight's scheduled and actual landing; HG_NOTFOUND naming the flight. */
static hg_rc flight_times(db *d, const char *id, int64_t *scheduled, int64_t *landed, hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc =
        db_query(d, &s, err, "SELECT scheduled_ms, COALESCE(landed_ms, 0) FROM health_flights WHERE id = ?", "t", id);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        *scheduled = db_col_int(s, 0);
        *landed = db_col_int(s, 1);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no inbound flight %s", id);
    }
    db_reset(s);
    return rc;
}

hg_rc flight_land(const hg_ctx *c, const char *id, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&health_landing_record, body, REC_CREATE, &r, err);
    int64_t at = record_int(&r, "landed_at", 0), scheduled = 0, landed = 0;
    if (!rc && at > c->now_ms + 5 * 60000)
        rc = hg_fail(err, HG_INVALID, "invalid", "landed_at", "a landing cannot be recorded in the future");
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = flight_times(c->d, id, &scheduled, &landed, err);
    if (!rc && landed)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "landed_at", "flight %s has already landed", id);
    if (!rc && (at < scheduled - 12 * 3600000LL || at > scheduled + 24 * 3600000LL))
        rc = hg_fail(err, HG_INVALID, "out_of_range", "landed_at",
                     "a landing is within 12 hours before to 24 hours after the scheduled time");
    if (!rc)
        rc = db_run(c->d, err, "UPDATE health_flights SET landed_ms = ? WHERE id = ?", "it", at, id);
    if (!rc)
        rc = record_load_json(c->d, &health_flight_record, id, out, err);
    if (!rc)
        rc = event_emit_about(c->d, "health.flight_landed", "health_flight", id, NULL, c->actor, c->request_id, NULL,
                              err);
    rc = audit_commit(c, rc, "health.land", "health_flight", id, NULL, *out, err);
out:
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    record_free(&r);
    return rc;
}

hg_rc flight_board(const hg_ctx *c, const char *id, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&health_boarding_record, body, REC_CREATE, &r, err);
    int64_t from = record_int(&r, "started_at", 0), to = record_int(&r, "ended_at", 0), scheduled = 0, landed = 0;
    if (!rc && to < from)
        rc = hg_fail(err, HG_INVALID, "invalid", "ended_at", "ended_at must not be before started_at");
    if (!rc && to > c->now_ms + 5 * 60000)
        rc = hg_fail(err, HG_INVALID, "invalid", "ended_at", "a boarding quarantine cannot end in the future");
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = flight_times(c->d, id, &scheduled, &landed, err);
    if (!rc && !landed)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "id", "flight %s has not landed: it is boarded on arrival", id);
    if (!rc && from < landed)
        rc = hg_fail(err, HG_INVALID, "invalid", "started_at", "the boarding quarantine begins after the landing");
    int flagged = 0;
    const record *flags = record_list(&r, "flagged_travellers", &flagged);
    for (int i = 0; !rc && i < flagged; i++)
        for (int j = 0; j < i; j++)
            if (strcmp(record_text(&flags[j], "seat"), record_text(&flags[i], "seat")) == 0) {
                char fb[48];
                snprintf(fb, sizeof fb, "flagged_travellers[%d].seat", i);
                rc = hg_fail(err, HG_INVALID, "duplicate", fb, "seat %s is flagged twice",
                             record_text(&flags[i], "seat"));
                break;
            }
    if (!rc && (record_set_text(&r, "flight_id", id) || record_set_text(&r, "officer", c->actor) ||
                record_set_int(&r, "flagged", flagged)))
        rc = nomem(err);
    if (!rc) {
        rc = record_insert(c->d, &r, err);
        if (rc == HG_CONFLICT)
            rc = hg_fail(err, HG_CONFLICT, "conflict", "id", "flight %s has its boarding quarantine already", id);
    }
    if (!rc && !(*out = record_to_json(&r)))
        rc = nomem(err);
    if (!rc)
        rc = event_emit_about(c->d, "health.flight_boarded", "health_flight", id, NULL, c->actor, c->request_id, NULL,
                              err);
    /* the audit row holds the flagged travellers as their count and hash, not who and why */
    json_t *view = NULL;
    char hex[65];
    if (!rc && !(view = json_deep_copy(*out)))
        rc = nomem(err);
    json_t *list = view ? json_object_get(view, "flagged_travellers") : NULL;
    if (!rc && list && !(rc = health_answers_hash(list, hex, err)))
        json_object_set_new(view, "flagged_travellers", json_pack("{s:i, s:s}", "count", flagged, "sha256", hex));
    rc = audit_commit(c, rc, "health.board", "health_flight", id, NULL, view, err);
    json_decref(view);
out:
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    record_free(&r);
    return rc;
}

hg_rc flight_samples_sent(const hg_ctx *c, const char *id, json_t **out, hg_err *err)
{
    int64_t scheduled = 0, landed = 0, n = 0;
    *out = NULL;
    hg_rc rc = db_begin(c->d, err);
    if (rc)
        return rc;
    rc = flight_times(c->d, id, &scheduled, &landed, err);
    if (!rc)
        rc = db_run(c->d, err,
                    "UPDATE health_samples SET sent_ms = ? WHERE sent_ms IS NULL AND barcode IN "
                    "(SELECT barcode FROM health_travellers WHERE flight_id = ?)",
                    "it", c->now_ms, id);
    if (!rc && !(n = db_changes(c->d)))
        rc = hg_fail(err, HG_CONFLICT, "conflict", "id", "flight %s has no samples waiting to be sent", id);
    if (!rc)
        rc = db_run(c->d, err, "UPDATE health_flights SET samples_sent_ms = ? WHERE id = ?", "it", c->now_ms, id);
    char at[40];
    time_format_rfc3339(c->now_ms, at, sizeof at);
    if (!rc && !(*out = json_pack("{s:s, s:I, s:s}", "flight_id", id, "sent", (json_int_t)n, "sent_at", at)))
        rc = nomem(err);
    rc = audit_commit(c, rc, "health.samples_sent", "health_flight", id, NULL, *out, err);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc flight_board_json(db *d, const char *date, int64_t now, json_t **out, hg_err *err)
{
    char today[11];
    int64_t day;
    if (date && calendar_parse_date(date, &day))
        return hg_fail(err, HG_INVALID, "invalid", "date", "date must be YYYY-MM-DD");
    if (!date) {
        day = calendar_day_of(now);
        calendar_format_date(day, today);
        date = today;
    }
    db_stmt *s = NULL;
    json_t *items = NULL;
    hg_rc rc = db_query(
        d, &s, err,
        "SELECT f.id, f.flight_no, f.origin, f.port, f.scheduled_ms AS scheduled_at__t, f.landed_ms AS landed_at__t,"
        " f.passengers AS passengers__i, f.crew AS crew__i, f.samples_sent_ms AS samples_sent_at__t, f.transport,"
        " CASE WHEN b.flight_id IS NULL THEN 1 ELSE 0 END AS boarding_open__b,"
        " (SELECT COUNT(*) FROM health_boarding_flags g WHERE g.flight_id = f.id) AS flagged_on_board__i,"
        " (SELECT COUNT(*) FROM health_declarations x WHERE x.flight_no = f.flight_no AND x.entry_date = f.local_date)"
        " AS declared__i,"
        " (SELECT COUNT(*) FROM health_travellers t WHERE t.flight_id = f.id) AS scanned__i,"
        " (SELECT COUNT(*) FROM health_travellers t WHERE t.flight_id = f.id AND t.status <> 'open') AS out__i,"
        " (SELECT COUNT(*) FROM health_samples p JOIN health_travellers t ON t.barcode = p.barcode"
        "  WHERE t.flight_id = f.id AND p.result IS NULL) AS samples_pending__i,"
        " (SELECT COUNT(*) FROM health_samples p JOIN health_travellers t ON t.barcode = p.barcode"
        "  WHERE t.flight_id = f.id AND p.sent_ms IS NULL) AS samples_unsent__i,"
        " (SELECT COUNT(*) FROM health_handovers h JOIN health_travellers t ON t.barcode = h.barcode"
        "  WHERE t.flight_id = f.id AND h.ack_ms IS NULL) AS handovers_unacknowledged__i"
        " FROM health_flights f LEFT JOIN health_boardings b ON b.flight_id = f.id"
        " WHERE f.local_date = ? ORDER BY f.scheduled_ms, f.id",
        "t", date);
    if (!rc)
        rc = health_stmt_rows(s, &items, err);
    /* who was flagged on board, by seat, on each flight of the day */
    json_t *flags = NULL;
    if (!rc)
        rc = db_query(d, &s, err,
                      "SELECT g.flight_id, g.seat, g.name, g.reason FROM health_boarding_flags g JOIN health_flights f"
                      " ON f.id = g.flight_id WHERE f.local_date = ? ORDER BY g.flight_id, g.line_no",
                      "t", date);
    if (!rc)
        rc = health_stmt_rows(s, &flags, err);
    size_t i, j;
    json_t *it, *g;
    json_array_foreach(rc ? NULL : items, i, it)
    {
        json_t *mine = json_array();
        json_array_foreach(flags, j, g)
        {
            if (mine && json_equal(json_object_get(g, "flight_id"), json_object_get(it, "id"))) {
                json_object_del(g, "flight_id");
                json_array_append(mine, g);
            }
        }
        if (!mine || json_object_set_new(it, "flagged_travellers", mine)) {
            rc = nomem(err);
            break;
        }
    }
    json_decref(flags);
    /* crew of inbound ships positive in the 14 days to the board's day (vessel.crew_positive) */
    json_t *crew = NULL;
    if (!rc)
        rc = db_query(d, &s, err,
                      "SELECT barcode, call_no, imo, port, reported_ms AS reported_at__t FROM health_crew_cases"
                      " WHERE reported_ms >= ? AND reported_ms < ? ORDER BY reported_ms DESC LIMIT 100",
                      "ii", calendar_day_start_ms(day - 13), calendar_day_start_ms(day + 1));
    if (!rc)
        rc = health_stmt_rows(s, &crew, err);
    if (!rc && !(*out = json_pack("{s:s, s:o, s:o}", "date", date, "items", items, "crew_positives", crew)))
        rc = nomem(err);
    else if (rc)
        json_decref(items);
    return rc;
}
