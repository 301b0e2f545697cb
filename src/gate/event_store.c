/* event_store.c — gate events as the controllers post them: each decided (decide.c), kept
 * with its conditions whatever the decision (查检数据自动留痕: append-only, with an audit row),
 * and its effects written back in the same transaction: an import container or a car passing
 * out records its gate-out (the release → gate-out segment of clearance time), an export
 * container passing in records its arrival (运抵); a hold opens an officer's task. The same
 * (gate, event id) again answers the first decision; another body under it is a conflict. */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../platform/audit.h"
#include "../platform/event.h"
#include "../platform/i18n.h"
#include "../platform/ident.h"
#include "../platform/json_canon.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/words.h"
#include "gate.h"
#include "gate_store.h"

/* How far from the centre's clock an event may be dated: a gate online posts as it reads; one
 * that decided offline posts later, within a week (docs/OPERATIONS.md). */
#define ONLINE_LAG_MS (60LL * 60 * 1000)
#define OFFLINE_LAG_MS (7LL * 24 * 60 * 60 * 1000)

static void hash_hex(const char *text, char out[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)text, strlen(text));
    sodium_bin2hex(out, 65, h, sizeof h);
}

/* The stored answer of (gate, event_id), if any, and whether its body was this one. */
static hg_rc earlier_answer(db *d, const gate_event_in *e, const char *hash, json_t **answer, hg_err *err)
{
    db_stmt *s;
    *answer = NULL;
    hg_rc rc = db_query(d, &s, err, "SELECT body_hash, answer FROM gate_events WHERE gate = ? AND event_id = ?", "tt",
                        e->gate, e->event_id);
    if (rc)
        return rc;
    if ((rc = db_step(s, err)) == HG_ROW) {
        if (strcmp(db_col_text(s, 0), hash) != 0)
            /* TRANSLATORS: 1: event_id; 2: gate */
            rc = hg_fail(err, HG_CONFLICT, "event_changed", "event_id",
                         "event %s of gate %s was posted with another body: an event is posted once as read",
                         e->event_id, e->gate);
        else if (!(*answer = json_loads(db_col_text(s, 1), 0, NULL)))
            rc = hg_fail(err, HG_DB, "db", NULL, "a stored gate answer does not parse");
        else
            rc = HG_OK;
    }
    db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

/* The controller speaks for its own gate only; the gate and the lane must exist, the lane
 * face the event's direction. Commands and the demo (no principal) act for any gate. */
static hg_rc event_allowed(const hg_ctx *c, const gate_event_in *e, gate_site *site, hg_err *err)
{
    char bound[24] = "";
    hg_rc rc = gate_lane_of(c->d, e->gate, e->lane, site, err);
    if (!rc && !site->known)
        return hg_fail(err, HG_INVALID, "not_found", "gate", "no gate %s", e->gate);
    if (!rc && c->who && !(rc = gate_controller_of(c->d, c->who->name, bound, sizeof bound, err)) &&
        strcmp(bound, e->gate) != 0)
        return hg_fail(err, HG_FORBIDDEN, "controller_gate", "gate",
                       bound[0] ? N_("this controller is bound to gate %s, not %s")
                                : N_("this account is bound to no gate%s%s"),
                       bound[0] ? bound : "", bound[0] ? e->gate : "");
    if (!rc && !site->direction[0])
        /* TRANSLATORS: 1: gate; 2: lane */
        return hg_fail(err, HG_INVALID, "not_found", "lane", "gate %s has no lane %lld", e->gate, (long long)e->lane);
    if (!rc && strcmp(site->direction, e->direction) != 0)
        /* TRANSLATORS: 1: lane; 2: gate; 3: direction (a word) */
        return hg_fail(err, HG_INVALID, "lane_direction", "direction", "lane %lld of gate %s is an %s lane",
                       (long long)e->lane, e->gate, hg_word(site->direction));
    return rc;
}

/* The gate-out of each unit leaving (an import container, a car), at at_ms. */
hg_rc gate_units_out(const hg_ctx *c, const char *gate, const char *plate, int64_t at_ms, int64_t seq,
                     const gate_unit *units, int n, hg_err *err)
{
    hg_rc rc = HG_OK;
    for (int i = 0; i < n && !rc; i++) {
        const gate_unit *u = &units[i];
        record r = {0};
        rc = record_init(&gate_exit_record, &r, err);
        if (!rc &&
            (record_set_text(&r, "gate", gate) || (!u->is_vin && record_set_text(&r, "container", u->key)) ||
             (u->is_vin && record_set_text(&r, "vin", u->key)) || (plate && record_set_text(&r, "vehicle", plate)) ||
             record_set_int(&r, "at", at_ms) || record_set_int(&r, "event_seq", seq)))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        if (!rc)
            rc = gate_exit_in_tx(c, &r, u->entry, err);
        record_free(&r);
    }
    return rc;
}

/* The arrival (运抵) of each export container coming in that has none yet: cargo's to accept;
 * a refusal becomes the failed condition "arrival" (cargo's write rolls back alone: on the
 * group-commit writer, and in run_grouped below, its db_begin is a savepoint). */
static hg_rc units_in(const hg_ctx *c, const gate_event_in *e, gate_decision *dc, hg_err *err)
{
    char at[40];
    /* online, the container is in when the barrier opens on the decision; offline, at the reads */
    time_format_rfc3339(e->offline ? e->at_ms : c->now_ms, at, sizeof at);
    hg_rc rc = HG_OK;
    for (int i = 0; i < dc->n_units && !rc; i++) {
        gate_unit *u = &dc->units[i];
        if (u->arrived_ms) {
            rc = gate_cond(dc, "arrival", u->key, 1, "arrived before");
            continue;
        }
        json_t *body = json_pack("{s:[s], s:s}", "containers", u->key, "at", at), *out = NULL;
        hg_err why = {0};
        hg_rc ar = body ? arrival_report(c, body, &out, &why) : HG_NOMEM;
        json_decref(body);
        json_decref(out);
        if (ar == HG_INVALID || ar == HG_CONFLICT || ar == HG_NOTFOUND)
            rc = gate_cond(dc, "arrival", u->key, 0, "cargo refused the arrival: %s", why.message);
        else if (ar)
            rc = err ? (*err = why, ar) : ar;
        else
            rc = gate_cond(dc, "arrival", u->key, 1, "运抵 recorded");
    }
    return rc;
}

/* Names of the failed conditions, for the task and the board. */
static json_t *failed_of(const json_t *conditions)
{
    json_t *out = json_array();
    size_t i;
    json_t *c;
    json_array_foreach(conditions, i, c)
    {
        if (strcmp(json_string_value(json_object_get(c, "status")), "failed") == 0)
            json_array_append_new(out, json_pack("{s:O, s:O?, s:O?}", "condition", json_object_get(c, "condition"),
                                                 "subject", json_object_get(c, "subject"), "reason",
                                                 json_object_get(c, "reason")));
    }
    return out;
}

/* The comma-separated reads of the units of one kind, for searching. */
static void keys_of(const gate_decision *dc, int vins, char *out, size_t n)
{
    size_t len = 0;
    out[0] = 0;
    for (int i = 0; i < dc->n_units; i++)
        if (dc->units[i].is_vin == vins && len < n)
            len += (size_t)snprintf(out + len, n - len, "%s%s", len ? "," : "", dc->units[i].key);
}

/* Closes the open holds that a later pass (event seq) settles: those naming any of its units,
 * or, for an empty truck, those of its plate at this gate. */
static hg_rc close_holds(const hg_ctx *c, const char *gate, const char *plate, const gate_decision *dc, int64_t seq,
                         hg_err *err)
{
    char note[48];
    snprintf(note, sizeof note, "passed at gate event %" PRId64, seq);
    hg_rc rc = HG_OK;
    for (int i = 0; i < dc->n_units && !rc; i++)
        rc = db_run(
            c->d, err,
            "UPDATE gate_holds SET status = 'closed', closed_ms = ?, closed_by = ?, note = ? WHERE status = 'open'"
            " AND seq IN (SELECT k.seq FROM gate_event_keys k WHERE k.value = ?)",
            "ittt", c->now_ms, c->actor, note, dc->units[i].key);
    if (!rc && !dc->n_units && plate)
        rc = db_run(
            c->d, err,
            "UPDATE gate_holds SET status = 'closed', closed_ms = ?, closed_by = ?, note = ? WHERE status = 'open'"
            " AND seq IN (SELECT e.seq FROM gate_events e WHERE e.gate = ? AND e.plate = ?)",
            "itttt", c->now_ms, c->actor, note, gate, plate);
    return rc;
}

typedef struct post_job {
    const gate_event_draft *dr;
    json_t **out;
    int64_t t0_ns;
} post_job;

static hg_rc post_in_tx(const hg_ctx *c, post_job *j, hg_err *err)
{
    const gate_event_in *e = &j->dr->e;
    const char *hash = j->dr->hash;
    gate_site site;
    gate_decision dc = {0};
    char key[96], plate[64] = "", containers[80], vins[300];
    json_t *answer = NULL;
    snprintf(key, sizeof key, "%s/%s", e->gate, e->event_id);
    hg_rc rc = db_begin(c->d, err);
    if (rc)
        return rc;
    rc = event_allowed(c, e, &site, err);
    if (!rc)
        rc = earlier_answer(c->d, e, hash, &answer, err);
    if (!rc && answer) { /* a replay: the first decision, nothing written again (a commit of
                           * nothing: a rollback would spoil the writer's whole batch) */
        if ((rc = db_commit(c->d, err))) {
            json_decref(answer);
            return rc;
        }
        *j->out = answer;
        return HG_OK;
    }
    if (!rc)
        rc = gate_decide(c->d, e, &site, &dc, err);
    int pass = !rc && dc.failed == 0;
    int64_t seq = 0;
    if (!rc)
        rc = db_int(c->d, &seq, err, "SELECT COALESCE(MAX(seq), 0) + 1 FROM gate_events", "");
    if (e->has_plate)
        ident_normalize(e->plate.text, plate, sizeof plate);
    const char *plate_ok = NULL;
    size_t i;
    json_t *cond;
    json_array_foreach(dc.conditions, i, cond)
    {
        if (strcmp(json_string_value(json_object_get(cond, "condition")), "plate") == 0 &&
            strcmp(json_string_value(json_object_get(cond, "status")), "ok") == 0)
            plate_ok = plate;
    }
    /* the effects: cargo's answer to an arrival is the last condition of a gate-in */
    if (!rc && pass && strcmp(e->direction, "in") == 0 && (!e->offline || !strcmp(e->offline_decision, "pass"))) {
        rc = units_in(c, e, &dc, err);
        pass = !rc && dc.failed == 0;
    }
    /* what left offline without the centre's leave is a task; what the centre lets go is out */
    int offline_mismatch = e->offline && !pass && strcmp(e->offline_decision, "pass") == 0;
    int leaves = pass && strcmp(e->direction, "out") == 0 && (!e->offline || !strcmp(e->offline_decision, "pass"));
    if (!rc && leaves)
        /* online, the barrier opens on the decision; offline, it opened at the reads */
        rc = gate_units_out(c, e->gate, plate_ok, e->offline ? e->at_ms : c->now_ms, seq, dc.units, dc.n_units, err);
    /* a truck that passes now closes the open holds of its goods, or of itself at this gate */
    if (!rc && pass)
        rc = close_holds(c, e->gate, plate_ok, &dc, seq, err);
    const char *decision = pass ? "pass" : "hold";
    int task = !rc && ((!pass && !e->offline) || offline_mismatch);
    char at[40];
    time_format_rfc3339(e->at_ms, at, sizeof at);
    keys_of(&dc, 0, containers, sizeof containers);
    keys_of(&dc, 1, vins, sizeof vins);
    if (!rc && !(answer = json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:s, s:O, s:b, s:s?, s:o}", "seq", (json_int_t)seq,
                                    "event_id", e->event_id, "gate", e->gate, "lane", (json_int_t)e->lane, "direction",
                                    e->direction, "at", at, "decision", decision, "conditions", dc.conditions,
                                    "offline", e->offline, "offline_decision", e->offline ? e->offline_decision : NULL,
                                    "task", task ? json_integer(seq) : json_null())))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    /* canonical texts (json_canon.c, several times faster than jansson's writer): the audit row
     * stores the answer's very text, not written twice */
    char *answer_text = rc ? NULL : json_canon_text(answer);
    char *conds_text = rc ? NULL : json_canon_text(dc.conditions);
    if (!rc && (!answer_text || !conds_text))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    int64_t us = (mono_ns() - j->t0_ns) / 1000;
    if (!rc)
        rc = db_run(c->d, err,
                    "INSERT INTO gate_events (seq, gate, event_id, lane_no, direction, at_ms, received_ms, controller,"
                    " card_no, plate, containers, vins, offline, decision, conditions, body_hash, answer, decision_us)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "ittitiitttttitttti", seq, e->gate, e->event_id, e->lane, e->direction, e->at_ms, c->now_ms,
                    c->actor, e->card[0] ? e->card : NULL, plate[0] ? plate : NULL, containers[0] ? containers : NULL,
                    vins[0] ? vins : NULL, (int64_t)e->offline, decision, conds_text, hash, answer_text, us);
    for (int k = 0; k < dc.n_units && !rc; k++)
        rc = db_run(c->d, err,
                    "INSERT INTO gate_event_keys (value, seq) SELECT ?, ? WHERE NOT EXISTS"
                    " (SELECT 1 FROM gate_event_keys WHERE value = ? AND seq = ?)",
                    "titi", dc.units[k].key, seq, dc.units[k].key, seq);
    json_t *failed = rc ? NULL : failed_of(dc.conditions);
    char *failed_text = failed ? json_canon_text(failed) : NULL;
    if (!rc && task)
        rc = db_run(c->d, err, "INSERT INTO gate_holds (seq, gate, status, reasons, opened_ms) VALUES (?, ?, ?, ?, ?)",
                    "ittti", seq, e->gate, offline_mismatch ? "offline" : "open", failed_text ? failed_text : "[]",
                    c->now_ms);
    char seq_text[24];
    snprintf(seq_text, sizeof seq_text, "%" PRId64, seq);
    json_t *data = rc ? NULL
                      : json_pack("{s:I, s:s, s:I, s:s, s:s, s:s?, s:s?, s:s?, s:O, s:b, s:I}", "seq", (json_int_t)seq,
                                  "gate", e->gate, "lane", (json_int_t)e->lane, "direction", e->direction, "decision",
                                  decision, "plate", plate[0] ? plate : NULL, "containers",
                                  containers[0] ? containers : NULL, "vins", vins[0] ? vins : NULL, "failed", failed,
                                  "task", (json_int_t)(task ? seq : 0), "decision_us", (json_int_t)us);
    if (!rc)
        rc = event_emit_about(c->d, pass ? "gate.event_passed" : "gate.event_held", "gate_event", seq_text, NULL,
                              c->actor, c->request_id, data, err);
    json_decref(data);
    json_decref(failed);
    xfree(failed_text);
    xfree(conds_text);
    json_decref(dc.conditions);
    rc = audit_commit_keep(c, rc, "gate.event", "gate_event", key, NULL, answer, answer_text, NULL, err);
    xfree(answer_text);
    if (rc) {
        json_decref(answer);
        return rc;
    }
    *j->out = answer;
    return HG_OK;
}

/* Runs the post inside a group of its own when the connection is in no transaction (commands,
 * the demo, unit tests), so that cargo's writes it calls, each with its own db_begin, nest as
 * savepoints as they do on the group-commit writer. */
static hg_rc run_grouped(const hg_ctx *c, post_job *j, hg_err *err)
{
    if (db_in_transaction(c->d))
        return post_in_tx(c, j, err);
    hg_rc rc = db_group_begin(c->d, err);
    if (rc)
        return rc;
    rc = post_in_tx(c, j, err);
    if (rc) {
        db_group_abandon(c->d);
        return rc;
    }
    rc = db_group_end(c->d, err);
    db_effects *fx = db_effects_take(c->d);
    if (rc)
        db_effects_drop(fx);
    else
        db_effects_run(fx);
    return rc;
}

hg_rc gate_event_prepare(const json_t *body, int64_t now, gate_event_draft *dr, hg_err *err)
{
    gate_event_in *e = &dr->e;
    hg_rc rc = gate_event_parse(body, e, err);
    if (!rc)
        rc = cargo_time_plausible(e->at_ms, now - (e->offline ? OFFLINE_LAG_MS : ONLINE_LAG_MS),
                                  e->offline ? N_("a week ago (an offline event)") : N_("an hour ago"), now, "at",
                                  "event_time", err);
    char *canon = rc ? NULL : json_canon_text(body);
    if (!rc && !canon)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        hash_hex(canon, dr->hash);
    xfree(canon);
    return rc;
}

hg_rc gate_event_store(const hg_ctx *c, const gate_event_draft *dr, json_t **out, hg_err *err)
{
    post_job j = {.dr = dr, .out = out, .t0_ns = mono_ns()};
    *out = NULL;
    hg_rc rc = run_grouped(c, &j, err);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc gate_event_post(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    gate_event_draft dr = {0};
    *out = NULL;
    hg_rc rc = gate_event_prepare(body, c->now_ms, &dr, err);
    return rc ? rc : gate_event_store(c, &dr, out, err);
}
