/* order_store.c — orders on a vessel's call: no cargo operations until results (made by the
 * rules when a call is locked, or by an officer), and no unloading with the order to leave
 * (退运: a refrigerated-cargo ship with a crew member positive, DESIGN.md §5). An order in
 * force holds the goods of the vessel's manifests through cargo's CARGO_MANIFEST_HOLDS: no
 * arrival report, no release, no gate exit, until an officer with the quarantine post lifts
 * it with a reason. Every write ends in audit_commit. */
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../platform/audit.h"
#include "../platform/calendar.h"
#include "../platform/event.h"
#include "../platform/i18n.h"
#include "vessel.h"
#include "vessel_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

/* The same call: a manifest of the vessel whose voyage (when it names one) is the call's and
 * whose ETA is within this of the call's. */
#define SAME_CALL_MS (3 * CALENDAR_DAY_MS)

static hg_rc order_held(db *d, const char *manifest_no, int *held, hg_err *err)
{
    char imo[16], voyage[24], norm[24];
    int64_t eta = 0, n = 0;
    *held = 0;
    hg_rc rc = cargo_manifest_vessel(d, manifest_no, imo, voyage, &eta, err);
    if (rc == HG_NOTFOUND)
        return HG_OK; /* cargo asks of its own manifests; none is no order */
    if (rc || !imo[0])
        return rc;
    snprintf(norm, sizeof norm, "%s%s", strncmp(imo, "IMO", 3) == 0 ? "" : "IMO", imo);
    rc = db_int(d, &n, err,
                "SELECT COUNT(*) FROM vessel_orders o JOIN vessel_calls c ON c.call_no = o.call_no WHERE "
                "o.lifted_ms IS NULL AND c.imo = ? AND (? = '' OR c.voyage = ?) AND c.eta_ms >= ? AND c.eta_ms <= ?",
                "tttii", norm, voyage, voyage, eta - SAME_CALL_MS, eta + SAME_CALL_MS);
    *held = !rc && n > 0;
    return rc;
}

const cargo_manifest_hold vessel_order_hold = {
    .rule = "vessel_order",
    .refusal = N_("an order stands on the vessel (no cargo operations, or no unloading and ordered to leave) until a "
                  "quarantine officer lifts it"),
    .held = order_held};

hg_rc vessel_order_make(const hg_ctx *c, const char *call_no, const char *kind, const char *reason, const char *by,
                        hg_err *err)
{
    int64_t n = 0, serial = 0;
    hg_rc rc =
        db_int(c->d, &n, err, "SELECT COUNT(*) FROM vessel_orders WHERE call_no = ? AND kind = ? AND lifted_ms IS NULL",
               "tt", call_no, kind);
    if (rc || n)
        return rc;
    char prefix[16], no[32];
    snprintf(prefix, sizeof prefix, "VO%d", calendar_year_of(c->now_ms));
    rc = cargo_next_serial(c->d, prefix, &serial, err);
    snprintf(no, sizeof no, "%s%06lld", prefix, (long long)serial);
    if (!rc)
        rc = db_run(c->d, err,
                    "INSERT INTO vessel_orders (order_no, call_no, kind, reason, issued_by, issued_ms) VALUES (?, ?, "
                    "?, ?, ?, ?)",
                    "ttttti", no, call_no, kind, reason, by ? by : c->actor, c->now_ms);
    /* no unloading: there is no unloading to supervise under disinfection */
    if (!rc && strcmp(kind, "no_unloading_leave") == 0)
        rc = vessel_task_done(c, call_no, "disinfection", "no unloading: the ship is ordered to leave (退运)", err);
    json_t *detail = rc ? NULL : json_pack("{s:s, s:s, s:s}", "order_no", no, "kind", kind, "reason", reason);
    if (!rc)
        rc = detail ? vessel_timeline(c, call_no, "order_issued", detail, err) : nomem(err);
    if (!rc)
        rc = event_emit_about(c->d, "vessel.order_issued", "vessel_call", call_no, NULL, c->actor, c->request_id,
                              detail, err);
    json_decref(detail);
    return rc;
}

hg_rc vessel_order_issue(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = record_from_json(&vessel_order_record, body, REC_CREATE, &r, err);
    if (rc || (rc = vessel_call_begin(c, call_no, &before, err)))
        goto out;
    int64_t n = 0;
    if (strcmp(vessel_status_of(before), "departed") == 0)
        rc = hg_fail(err, HG_CONFLICT, "already_departed", "status", "the ship has departed");
    if (!rc)
        rc = db_int(c->d, &n, err,
                    "SELECT COUNT(*) FROM vessel_orders WHERE call_no = ? AND kind = ? AND lifted_ms IS NULL", "tt",
                    call_no, record_text(&r, "kind"));
    if (!rc && n)
        rc = hg_fail(err, HG_CONFLICT, "order_in_force", "kind", "such an order stands on the ship already");
    if (!rc)
        rc = vessel_order_make(c, call_no, record_text(&r, "kind"), record_text(&r, "reason"), NULL, err);
    if (!rc)
        rc = vessel_orders_json(c->d, call_no, out, err);
    rc = audit_commit(c, rc, "vessel.order", "vessel_call", call_no, NULL, *out, err);
out:
    return vessel_write_done(rc, &r, before, out);
}

hg_rc vessel_order_lift(const hg_ctx *c, const char *order_no, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = record_from_json(&vessel_lift_record, body, REC_CREATE, &r, err);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = record_load_json(c->d, &vessel_order_record, order_no, &before, err);
    if (rc == HG_NOTFOUND)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "order_no", "no such order");
    if (!rc && !json_is_null(json_object_get(before, "lifted_at")))
        rc = hg_fail(err, HG_CONFLICT, "order_lifted", "lifted_at", "the order was lifted already");
    if (!rc)
        rc = db_run(c->d, err,
                    "UPDATE vessel_orders SET lifted_ms = ?, lifted_by = ?, lift_reason = ? WHERE order_no = ?", "ittt",
                    c->now_ms, c->actor, record_text(&r, "reason"), order_no);
    const char *call_no = json_string_value(json_object_get(before, "call_no"));
    if (!rc) {
        json_t *detail = json_pack("{s:s, s:s}", "order_no", order_no, "reason", record_text(&r, "reason"));
        rc = detail ? vessel_timeline(c, call_no, "order_lifted", detail, err) : nomem(err);
        json_decref(detail);
    }
    if (!rc)
        rc = record_load_json(c->d, &vessel_order_record, order_no, out, err);
    rc = audit_commit(c, rc, "vessel.order_lift", "vessel_order", order_no, before, *out, err);
out:
    return vessel_write_done(rc, &r, before, out);
}

hg_rc vessel_orders_json(db *d, const char *call_no, json_t **out, hg_err *err)
{
    static const char *const names[] = {"call_no"};
    const char *values[] = {call_no};
    record_query q = {.eq_names = names, .eq_values = values, .n_eq = 1, .limit = 200};
    return record_list_json(d, &vessel_order_record, &q, out, err);
}
