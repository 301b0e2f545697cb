/* hold_store.c — what follows a gate event: the officers' queue of holds (each a task, opened
 * by a held event or by an offline pass the centre would have held), an officer's override
 * with its reason, the search of the events (by container, VIN, plate, card, gate, time) and
 * the traders' pre-check. The events themselves are never changed (event_store.c). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/event.h"
#include "../platform/i18n.h"
#include "../platform/ident.h"
#include "../platform/json.h"
#include "../platform/words.h"
#include "gate.h"
#include "gate_store.h"

static json_t *parsed(const char *text)
{
    json_t *v = text ? json_loads(text, 0, NULL) : NULL;
    return v ? v : json_null();
}

/* An event as read (at: the lane's read time) and as received (received_at: the centre's
 * clock when it was posted; later for what a gate decided offline). */
static json_t *gate_event_row(db_stmt *s)
{
    char at[40], received[40];
    return json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s?, s:b, s:s, s:o, s:I}", "seq",
                     (json_int_t)db_col_int(s, 0), "gate", db_col_text(s, 1), "event_id", db_col_text(s, 2), "lane",
                     (json_int_t)db_col_int(s, 3), "direction", db_col_text(s, 4), "at", db_col_time(s, 5, at),
                     "received_at", db_col_time(s, 14, received), "card", db_col_text(s, 6), "plate", db_col_text(s, 7),
                     "containers", db_col_text(s, 8), "vins", db_col_text(s, 9), "offline", (int)db_col_int(s, 10),
                     "decision", db_col_text(s, 11), "conditions", parsed(db_col_text(s, 12)), "decision_us",
                     (json_int_t)db_col_int(s, 13));
}

/* A page of rows newest first: limit + 1 asked, the extra one says there is a next page. */
static hg_rc page_of(json_t *items, int limit, json_t **out, hg_err *err)
{
    json_t *next = json_null();
    size_t n = json_array_size(items);
    if (n > (size_t)limit) {
        json_array_remove(items, n - 1);
        json_decref(next);
        next = json_sprintf("%" JSON_INTEGER_FORMAT,
                            json_integer_value(json_object_get(json_array_get(items, n - 2), "seq")));
    }
    return json_page(items, next, out, err);
}

static int64_t cursor_of(const char *cursor)
{
    long long v = 0;
    return cursor && sscanf(cursor, "%lld", &v) == 1 && v > 0 ? (int64_t)v : INT64_MAX;
}

hg_rc gate_event_list(db *d, const gate_event_query *q, json_t **out, hg_err *err)
{
    char key[40] = "", plate[64] = "", card[40] = "";
    if (q->key)
        ident_normalize(q->key, key, sizeof key);
    if (q->plate)
        ident_normalize(q->plate, plate, sizeof plate);
    if (q->card)
        ident_normalize(q->card, card, sizeof card);
    json_t *items = NULL;
    hg_rc rc = db_rows_json(
        d, gate_event_row, &items, err,
        "SELECT e.seq, e.gate, e.event_id, e.lane_no, e.direction, e.at_ms, e.card_no, e.plate, e.containers, e.vins,"
        " e.offline, e.decision, e.conditions, e.decision_us, e.received_ms FROM gate_events e"
        " WHERE (e.at_ms < COALESCE((SELECT p.at_ms FROM gate_events p WHERE p.seq = ?), 9223372036854775807)"
        " OR (e.at_ms = (SELECT p.at_ms FROM gate_events p WHERE p.seq = ?) AND e.seq < ?))"
        " AND (CAST(? AS TEXT) IS NULL OR e.gate = ?) AND (CAST(? AS TEXT) IS NULL OR e.plate = ?)"
        " AND (CAST(? AS TEXT) IS NULL OR e.card_no = ?) AND (CAST(? AS TEXT) IS NULL OR e.decision = ?)"
        " AND (CAST(? AS TEXT) IS NULL OR e.seq IN (SELECT k.seq FROM gate_event_keys k WHERE k.value = ?))"
        " AND (CAST(? AS TEXT) IS NULL OR e.card_no IN (SELECT c.card_no FROM gate_cards c WHERE c.holder = ?))"
        " AND e.at_ms >= ? AND e.at_ms < ? ORDER BY e.at_ms DESC, e.seq DESC LIMIT ?",
        "iiittttttttttttiii", cursor_of(q->cursor), cursor_of(q->cursor), cursor_of(q->cursor), q->gate, q->gate,
        q->plate ? plate : NULL, q->plate ? plate : NULL, q->card ? card : NULL, q->card ? card : NULL, q->decision,
        q->decision, q->key ? key : NULL, q->key ? key : NULL, q->holder, q->holder, q->from_ms,
        q->to_ms ? q->to_ms : INT64_MAX, (int64_t)q->limit + 1);
    return rc ? rc : page_of(items, q->limit, out, err);
}

static json_t *hold_row(db_stmt *s)
{
    char opened[40], closed[40], at[40];
    return json_pack("{s:I, s:s, s:s, s:o, s:s, s:s?, s:s?, s:s?, s:s, s:I, s:s, s:s?, s:s?, s:s?, s:s?, s:s}", "seq",
                     (json_int_t)db_col_int(s, 0), "gate", db_col_text(s, 1), "status", db_col_text(s, 2), "failed",
                     parsed(db_col_text(s, 3)), "opened_at", db_col_time(s, 4, opened), "closed_at",
                     db_col_time(s, 5, closed), "closed_by", db_col_text(s, 6), "note", db_col_text(s, 7), "event_id",
                     db_col_text(s, 8), "lane", (json_int_t)db_col_int(s, 9), "at", db_col_time(s, 10, at), "plate",
                     db_col_text(s, 11), "containers", db_col_text(s, 12), "vins", db_col_text(s, 13), "card",
                     db_col_text(s, 14), "direction", db_col_text(s, 15));
}

#define HOLD_COLS                                                                                                      \
    "h.seq, h.gate, h.status, h.reasons, h.opened_ms, h.closed_ms, h.closed_by, h.note, e.event_id, e.lane_no,"        \
    " e.at_ms, e.plate, e.containers, e.vins, e.card_no, e.direction"

hg_rc gate_hold_list(db *d, const char *status, const char *cursor, int limit, json_t **out, hg_err *err)
{
    json_t *items = NULL;
    hg_rc rc =
        db_rows_json(d, hold_row, &items, err,
                     "SELECT " HOLD_COLS " FROM gate_holds h JOIN gate_events e ON e.seq = h.seq"
                     " WHERE h.seq < ? AND (CAST(? AS TEXT) IS NULL OR h.status = ?) ORDER BY h.seq DESC LIMIT ?",
                     "itti", cursor_of(cursor), status, status, (int64_t)limit + 1);
    return rc ? rc : page_of(items, limit, out, err);
}

/* The units of a stored event whose reads were sure: its containers and VINs. */
static int units_of(const json_t *hold, gate_unit *units)
{
    int n = 0;
    for (int vins = 0; vins < 2; vins++) {
        const char *list = json_string_value(json_object_get(hold, vins ? "vins" : "containers"));
        for (const char *p = list ? list : ""; *p && n < GATE_MAX_CONTAINERS + GATE_MAX_VINS;) {
            size_t k = strcspn(p, ",");
            gate_unit *u = &units[n++];
            memset(u, 0, sizeof *u);
            snprintf(u->key, sizeof u->key, "%.*s", (int)(k < sizeof u->key ? k : sizeof u->key - 1), p);
            u->is_vin = vins;
            p += k + (p[k] == ',');
        }
    }
    return n;
}

/* The arrival (运抵) of each container of an overridden gate-in that has none yet, now. A
 * refusal of cargo's (no manifest, an order on the vessel) is a conflict: the override is of
 * the gate's readings, not of cargo's rules. */
static hg_rc units_arrive(const hg_ctx *c, gate_unit *units, int n, hg_err *err)
{
    char at[40];
    time_format_rfc3339(c->now_ms, at, sizeof at);
    hg_rc rc = HG_OK;
    for (int k = 0; k < n && !rc; k++) {
        gate_decision scratch = {.conditions = json_array()};
        if (!scratch.conditions)
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        if (!units[k].is_vin)
            rc = gate_arrival_condition(c->d, &units[k], &scratch, err);
        json_decref(scratch.conditions);
        if (rc || units[k].is_vin || units[k].arrived_ms)
            continue;
        if (!units[k].bill[0])
            return hg_fail(err, HG_CONFLICT, "cargo_hold", "seq", "container %s is on no manifest", units[k].key);
        json_t *body = json_pack("{s:[s], s:s}", "containers", units[k].key, "at", at), *out = NULL;
        rc = body ? arrival_report(c, body, &out, err) : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        json_decref(body);
        json_decref(out);
        if (rc == HG_INVALID || rc == HG_NOTFOUND) {
            char why[sizeof err->message];
            snprintf(why, sizeof why, "%s", err->message);
            /* TRANSLATORS: 1: units[k].key; 2: why */
            rc = hg_fail(err, HG_CONFLICT, "cargo_hold", "seq", "cargo refused the arrival of %s: %s", units[k].key,
                         why);
        }
    }
    return rc;
}

hg_rc gate_hold_override(const hg_ctx *c, int64_t seq, const json_t *body, json_t **out, hg_err *err)
{
    static const char *const allowed[] = {"reason", NULL};
    *out = NULL;
    hg_rc rc = json_reject_unknown(body, allowed, err);
    const char *reason = json_string_value(json_object_get(body, "reason"));
    if (!rc && (!reason || !*reason || strlen(reason) > 600))
        rc = hg_fail(err, HG_INVALID, "required", "reason", "an override says why, in 1 to 200 characters");
    if (rc || (rc = db_begin(c->d, err)))
        return rc;
    json_t *before = NULL;
    rc = db_row_json(c->d, hold_row, &before, "seq", "no such hold", err,
                     "SELECT " HOLD_COLS " FROM gate_holds h JOIN gate_events e ON e.seq = h.seq WHERE h.seq = ?", "i",
                     seq);
    if (!rc && strcmp(json_string_value(json_object_get(before, "status")), "open") != 0)
        /* TRANSLATORS: 1: seq; 2: status (a word) */
        rc = hg_fail(err, HG_CONFLICT, "hold_closed", "seq", "hold %" PRId64 " is %s", seq,
                     hg_word(json_string_value(json_object_get(before, "status"))));
    /* only the gate's own readings are an officer's to set aside at the lane */
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(before, "failed"), i, f)
    {
        const char *cond = json_string_value(json_object_get(f, "condition"));
        if (!rc && !gate_condition_overridable(cond))
            rc = hg_fail(err, HG_CONFLICT, "cargo_hold", "seq", "the hold is cargo's, not the gate's: %s",
                         json_string_value(json_object_get(f, "reason")));
    }
    gate_unit units[GATE_MAX_CONTAINERS + GATE_MAX_VINS];
    int n = rc ? 0 : units_of(before, units);
    const char *direction = rc ? "" : json_string_value(json_object_get(before, "direction"));
    int out_lane = strcmp(direction, "out") == 0;
    for (int k = 0; k < n && !rc; k++)
        rc = gate_unit_find(c->d, &units[k], err);
    /* what leaves needs a declaration; what comes in (export goods) may not have one yet */
    for (int k = 0; k < n && !rc && out_lane; k++)
        if (!units[k].entry[0])
            rc = hg_fail(err, HG_CONFLICT, "cargo_hold", "seq", "no declaration covers %s", units[k].key);
    /* the goods leave (out) now, on the officer's word; each declaration has it on its timeline */
    if (!rc && out_lane)
        rc = gate_units_out(c, json_string_value(json_object_get(before, "gate")),
                            json_string_value(json_object_get(before, "plate")), c->now_ms, seq, units, n, err);
    /* at an in-lane the truck enters now, on the officer's word: its containers' arrival (运抵)
     * is recorded as a pass would have, cargo's to accept */
    if (!rc && !out_lane)
        rc = units_arrive(c, units, n, err);
    json_t *detail =
        rc ? NULL
           : json_pack("{s:I, s:O, s:O, s:s}", "seq", (json_int_t)seq, "gate", json_object_get(before, "gate"),
                       "event_id", json_object_get(before, "event_id"), "reason", reason);
    for (int k = 0; k < n && !rc; k++)
        if (units[k].entry[0])
            rc = cargo_event(c->d, units[k].entry, c->actor, "gate_override", detail, err);
    json_decref(detail);
    if (!rc)
        rc = db_run(c->d, err,
                    "UPDATE gate_holds SET status = 'overridden', closed_ms = ?, closed_by = ?, note = ? WHERE seq = ?",
                    "itti", c->now_ms, c->actor, reason, seq);
    if (!rc)
        rc = db_row_json(c->d, hold_row, out, "seq", "no such hold", err,
                         "SELECT " HOLD_COLS " FROM gate_holds h JOIN gate_events e ON e.seq = h.seq WHERE h.seq = ?",
                         "i", seq);
    char id[24];
    snprintf(id, sizeof id, "%" PRId64, seq);
    if (!rc)
        rc = event_emit_about(c->d, "gate.hold_overridden", "gate_event", id, NULL, c->actor, c->request_id, *out, err);
    rc = audit_commit(c, rc, "gate.override", "gate_event", id, before, *out, err);
    json_decref(before);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc gate_precheck(db *d, const principal *who, const char *container, const char *vin, json_t **out, hg_err *err)
{
    gate_decision dc = {0};
    *out = NULL;
    if (!container == !vin)
        return hg_fail(err, HG_INVALID, "required", "container", "ask for one container or one VIN");
    if (!(dc.conditions = json_array()))
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    gate_unit *u = &dc.units[dc.n_units++];
    const char *why = NULL;
    ident_normalize(container ? container : vin, u->key, sizeof u->key);
    u->is_vin = !container;
    hg_rc rc = HG_OK;
    if (!(container ? check_container(u->key, &why) : check_vin(u->key, &why)))
        /* TRANSLATORS: 1: container ? "container" : "vin"; 2: why ? why : N_("too long") */
        rc = hg_fail(err, HG_INVALID, "invalid", container ? "container" : "vin", "%s is not valid: %s",
                     container ? "container" : "vin", why ? why : N_("too long"));
    if (!rc)
        rc = gate_unit_find(d, u, err);
    /* a trader sees its own goods only: another's container is as unknown as no container */
    if (!rc && who->role == ROLE_ENTERPRISE && strcmp(u->trader, who->enterprise) != 0)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", container ? "container" : "vin",
                     "none of your declarations covers %s", u->key);
    if (!rc)
        rc = gate_cargo_conditions(d, u, 0, &dc, err);
    if (!rc &&
        !(*out = json_pack("{s:s, s:s?, s:b, s:O}", container ? "container" : "vin", u->key, "entry_no",
                           u->entry[0] ? u->entry : NULL, "would_pass", dc.failed == 0, "conditions", dc.conditions)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    json_decref(dc.conditions);
    return rc;
}
