/* gate.h — the smart gate (智能卡口): the release records the gate reads (放行信息: which
 * bills, containers and vehicles may leave) and the gate's exits (卡口放行), whose first one
 * ends the third segment of clearance time (release → gate out); the site's gates and lanes,
 * the controllers bound to them, the IC cards and RFID tags read at the lanes, and the gate
 * events with the conditions checked for each and the decision (pass or hold), every one kept
 * (自动留痕). The first area built on the module convention (docs/adding_an_area.md); it
 * stands on cargo, whose declarations it lets out. Not here: the release decision itself
 * (cargo), the statistics of clearance time (stats).
 *
 * Ownership: every json_t handed back through an out-parameter belongs to the caller; the
 * record types are static. */
#ifndef HG_GATE_H
#define HG_GATE_H

#include <jansson.h>
#include <stdint.h>

#include "../platform/auth.h"
#include "../platform/ctx.h"
#include "../platform/db.h"
#include "../platform/record.h"

/* A gate exit: the record described once (release_store.c). */
extern const record_type gate_exit_record;

typedef struct release_query {
    int64_t since_ms;        /* released at or after */
    const char *direction, *port, *bill_no, *container;   /* or NULL */
    const char *gone;        /* "true": already out of the gate, "false": not yet, NULL: both */
    const char *cursor;      /* "released_ms:entry_no" from next_cursor */
    int limit;
} release_query;

/* What the gate may let out, one unit a line: each container of a bill under its released
 * declarations (and the goods of a released declaration whose bill has none), oldest release
 * first, each with the declarations covering it, their VINs, may_leave and what still holds
 * it (cargo_container_holds). */
hg_rc release_list(db *d, const release_query *q, json_t **out, hg_err *err);

/* Records goods leaving through a gate: a container (required when the declaration covers
 * containers) that nothing holds, not before the release, once per container whichever
 * declaration it leaves under (or once for the declaration's goods without containers); the
 * first exit is the gate-out time of every declaration covering it. */
hg_rc release_gate_out(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err);

/* ---- pure decisions (gate.c) ---- */

/* A read the gate is sure of: an OCR confidence of at least this (0..1). Below, the lane
 * holds the truck for an officer to look (the sources give no figure: docs/api/gate.md). */
#define GATE_OCR_MIN_CONFIDENCE 0.90
/* The weighbridge's load (gross less tare) may differ from the declared gross weight of the
 * containers by this share, and at least by this many kilograms (a choice: docs/RULES.md). */
#define GATE_WEIGHT_TOLERANCE_PCT 5
#define GATE_WEIGHT_TOLERANCE_MIN_KG 200
int gate_read_sure(double confidence);
/* A Chinese plate number (GA 36-2018): a province's abbreviation, the issuing authority's
 * letter, and five letters or digits (no I or O), four and 挂/学/警, or six for new-energy
 * vehicles (D or F then a letter or digit and four digits; or five digits then D or F).
 * 1 when valid; else 0 with *reason. As a field validator. */
int gate_check_plate(const char *s, const char **reason);
/* 1 when a failed condition is the gate's own reading (card, plate, container or VIN read,
 * weight), which an officer at the lane may override; what cargo decides is not. */
int gate_condition_overridable(const char *condition);

/* ---- gates, lanes and controllers (site_store.c) ---- */

extern const record_type gate_record;
/* A gate with its lanes (code, name, site, kind container|vehicle|car, lanes [{lane_no,
 * direction in|out}], conditions: the optional conditions enabled, "weight"). */
hg_rc gate_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
hg_rc gate_list(db *d, json_t **out, hg_err *err);
/* Binds a machine account (role system) to the gate: its events are accepted for that gate
 * only. A controller is bound to one gate at a time; binding it again moves it. */
hg_rc gate_bind_controller(const hg_ctx *c, const char *code, const json_t *body, json_t **out, hg_err *err);

/* ---- cards (card_store.c) ---- */

extern const record_type gate_card_record;
/* Issues a card to an enterprise: an IC card (kind ic) bound to a plate, an RFID tag (kind
 * rfid) bound to a VIN; at most one active card per plate or VIN. */
hg_rc card_issue(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
/* Binds an unbound active card to a plate (ic) or VIN (rfid); unbinds it; suspends it (with a
 * reason); replaces it by a new card carrying its binding (the old one is then replaced). */
hg_rc card_bind(const hg_ctx *c, const char *card_no, const json_t *body, json_t **out, hg_err *err);
hg_rc card_unbind(const hg_ctx *c, const char *card_no, json_t **out, hg_err *err);
hg_rc card_suspend(const hg_ctx *c, const char *card_no, const json_t *body, json_t **out, hg_err *err);
hg_rc card_replace(const hg_ctx *c, const char *card_no, const json_t *body, json_t **out, hg_err *err);
/* Cards who sees (an enterprise: its own), by status and holder, paged by card number. */
hg_rc card_list(db *d, const principal *who, const char *status, const char *cursor, int limit, json_t **out,
                hg_err *err);

/* ---- gate events (event_store.c) ---- */

/* A gate event as the controller posts it (event_parse.c): the reads at one lane at one
 * moment. Texts are the reads as given (a misread is kept, and held, not refused). */
enum { GATE_MAX_CONTAINERS = 2, GATE_MAX_VINS = 8, GATE_MAX_SEALS = 4 };
typedef struct gate_read {
    char text[64];
    double confidence; /* 0..1 */
} gate_read;
typedef struct gate_event_in {
    char event_id[65], gate[21], direction[4], card[33];
    int64_t lane, at_ms;
    int has_plate;
    gate_read plate;
    int n_containers, n_vins, n_seals;
    gate_read containers[GATE_MAX_CONTAINERS];
    char vins[GATE_MAX_VINS][32];
    char seals[GATE_MAX_SEALS][32];
    int64_t gross_kg, tare_kg; /* 0: not weighed */
    int offline;               /* decided at the gate from its snapshot, posted later */
    char offline_decision[8];  /* what the gate decided then: pass or hold */
} gate_event_in;
/* Parses a posted event; HG_INVALID naming the field and the rule. Pure. */
hg_rc gate_event_parse(const json_t *body, gate_event_in *out, hg_err *err);

/* Decides a gate event and records it with its conditions (each ok or failed with its
 * reason); a pass writes its effects back (an import container's or a car's gate-out), a hold
 * opens an officer's task. Idempotent on (gate, event id): the same body again answers the
 * first decision, another body is HG_CONFLICT. Only the controller bound to the gate. */
hg_rc gate_event_post(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
/* gate_event_post in two steps, for the HTTP route: what needs no write (parsing, the time's
 * plausibility at now_ms, the body's hash) on the request's own thread, so that the
 * group-commit writer only decides and stores. The draft borrows nothing from body. */
typedef struct gate_event_draft {
    gate_event_in e;
    char hash[65]; /* SHA-256 of the body's canonical text: a replay's body must be the same */
} gate_event_draft;
hg_rc gate_event_prepare(const json_t *body, int64_t now_ms, gate_event_draft *out, hg_err *err);
hg_rc gate_event_store(const hg_ctx *c, const gate_event_draft *dr, json_t **out, hg_err *err);
typedef struct gate_event_query {
    const char *gate, *plate, *card, *key; /* key: a container or VIN read */
    const char *holder;                    /* the events of the cards this enterprise holds */
    const char *decision;
    int64_t from_ms, to_ms; /* 0: open */
    const char *cursor;     /* the seq of the last row seen */
    int limit;
} gate_event_query;
/* The events, latest read (at) first, then latest posted: an event a gate decided offline and
 * posted later takes its place by its read time. The cursor is the last row's seq. */
hg_rc gate_event_list(db *d, const gate_event_query *q, json_t **out, hg_err *err);
/* The officers' queue: holds (open, overridden or closed), newest first. */
hg_rc gate_hold_list(db *d, const char *status, const char *cursor, int limit, json_t **out, hg_err *err);
/* An officer with the gate post lets a held truck through, with a reason: only when every
 * failed condition is the gate's own reading; at an out-lane the goods cargo lets leave are
 * recorded out, at an in-lane the export containers' arrivals (运抵) are recorded;
 * and each declaration concerned has the override on its timeline. */
hg_rc gate_hold_override(const hg_ctx *c, int64_t seq, const json_t *body, json_t **out, hg_err *err);
/* Would this container (or VIN) pass now, condition by condition: for the enterprise whose
 * goods they are (an officer sees any). */
hg_rc gate_precheck(db *d, const principal *who, const char *container, const char *vin, json_t **out, hg_err *err);

/* ---- statistics (gate_stats.c) ---- */

/* Per gate over [from_ms, to_ms): events, passes, holds, pass_rate, holds_by_condition,
 * median_decision_ms, and per lane events and trucks_per_hour. */
hg_rc gate_stats(db *d, int64_t from_ms, int64_t to_ms, json_t **out, hg_err *err);

/* ---- when the centre is down (snapshot.c) ---- */

/* The signed snapshot a gate decides from offline: {payload: {kind, gate, since, watermark,
 * may_pass, held, gone, cards}, key_id, signature}, Ed25519 over the payload's canonical JSON
 * with the key directory's gate-snapshot.key. may_pass: units released since since_ms that
 * nothing holds; held: every unit not yet out that something holds; gone: exits since; cards
 * changed since. A controller gets its own gate's. */
hg_rc gate_snapshot(db *d, const principal *who, int64_t since_ms, int64_t now, json_t **out, hg_err *err);
/* HG_OK when doc is a snapshot signed by the key whose public half is pk_hex. */
hg_rc gate_snapshot_verify(const json_t *doc, const char *pk_hex, hg_err *err);
struct keydir_key;
/* The signing key (loaded once; from dir when given, else the process's key directory). */
hg_rc gate_snapshot_key(const char *dir, struct keydir_key *out, hg_err *err);

#endif
