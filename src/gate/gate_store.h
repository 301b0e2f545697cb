/* gate_store.h — what the gate's own store files share; not a public API (only src/gate/
 * includes it). */
#ifndef HG_GATE_STORE_H
#define HG_GATE_STORE_H

#include <stddef.h>

#include <jansson.h>

#include "../platform/ctx.h"
#include "../platform/record.h"
#include "gate.h"

/* Records the exit r (a gate_exit_record: gate, container or vehicle, at) of the goods of
 * entry_no inside the caller's transaction, with every rule of release_gate_out; sets r's
 * server fields. HG_CONFLICT with the rule when something holds the goods. */
hg_rc gate_exit_in_tx(const hg_ctx *c, record *r, const char *entry_no, hg_err *err);

/* What the events need of a gate and one of its lanes (site_store.c). */
typedef struct gate_site {
    int known;     /* the gate exists */
    char kind[12]; /* container, vehicle, car */
    char conditions[104];
    char direction[4]; /* the lane's: in, out; "" when the gate has no such lane */
} gate_site;
hg_rc gate_lane_of(db *d, const char *gate, int64_t lane, gate_site *out, hg_err *err);
/* The gate a controller (user) is bound to into gate ("" when none). */
hg_rc gate_controller_of(db *d, const char *user, char *gate, size_t n, hg_err *err);

/* ---- deciding an event (decide.c) ---- */

struct gate_unit;

/* One container or VIN an event names, read surely, with the declaration it leaves under. */
typedef struct gate_unit {
    char key[32]; /* container number or VIN, normalised */
    int is_vin;
    char bill[40], entry[19], trader[32], direction[8]; /* "" when no declaration covers it */
    int cargo_ok;
    int64_t arrived_ms;  /* gate in: its arrival already reported (0: not yet) */
    int64_t released_ms; /* out: its declaration's release (0: none) */
} gate_unit;
typedef struct gate_decision {
    json_t *conditions; /* [{condition, subject?, status ok|failed, reason?}] */
    int failed;         /* how many failed: one holds */
    int n_units;
    gate_unit units[GATE_MAX_CONTAINERS + GATE_MAX_VINS];
} gate_decision;
/* Appends a condition; HG_NOMEM only. */
hg_rc gate_cond(gate_decision *dc, const char *name, const char *subject, int ok, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Every condition of event e at a lane of site into dc (dc->conditions: the caller's). */
hg_rc gate_decide(db *d, const gate_event_in *e, const gate_site *site, gate_decision *dc, hg_err *err);
/* The newest declaration covering u (u->entry "" when none). */
hg_rc gate_unit_find(db *d, gate_unit *u, hg_err *err);
/* What cargo says of u leaving: released, inspection, arrived, no_unloading, not_gated_out;
 * left_ms (0: now) is when a truck that passed offline left, which the release must precede. */
hg_rc gate_cargo_conditions(db *d, gate_unit *u, int64_t left_ms, gate_decision *dc, hg_err *err);
/* What the gate checks of an export container coming in: manifest, no_unloading. */
hg_rc gate_arrival_condition(db *d, gate_unit *u, gate_decision *dc, hg_err *err);

/* The gate-out of each of n units (each with its entry found) through gate at at_ms, by the
 * truck plate (or NULL), for gate event seq (event_store.c); inside the caller's transaction. */
hg_rc gate_units_out(const hg_ctx *c, const char *gate, const char *plate, int64_t at_ms, int64_t seq,
                     const gate_unit *units, int n, hg_err *err);

/* `haiguan audit reconcile`'s gate events and exits (reconcile_store.c, audit.h). */
struct audit_reconciler;
extern const struct audit_reconciler gate_reconciler;

#endif
