/* reconcile_store.c — the gate's part of `haiguan audit reconcile` (audit.h): every gate event
 * and every exit (goods released and gone) against the audit rows that recorded them. An event
 * is accounted for by its row "gate.event" with the same decision; an exit by the event that let
 * the goods through (a pass, or a hold an officer overrode, "gate.override") or, for an exit
 * reported without a lane read, by its row "release.gate_out" naming the exit. An exit or a
 * decision no row accounts for was written behind the system's back. Read-only. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "gate.h"
#include "gate_store.h"

static hg_rc finding(json_t *findings, const char *type, const char *id, const char *rule, const char *message)
{
    json_t *f =
        json_pack("{s:s, s:s, s:s, s:s}", "object_type", type, "object_id", id, "rule", rule, "message", message);
    return f && !json_array_append_new(findings, f) ? HG_OK : HG_NOMEM;
}

/* The audit rows of one object (newest first) into *rows (the caller's). */
static hg_rc rows_of(db *d, const char *type, const char *id, json_t **rows, hg_err *err)
{
    audit_filter f = {.object_type = type, .object_id = id, .limit = 500};
    json_t *page = NULL;
    hg_rc rc = audit_list_json(d, &f, &page, err);
    *rows = rc ? NULL : json_incref(json_object_get(page, "items"));
    json_decref(page);
    return rc;
}

/* The first row of rows with action (and, when key is given, after.key equal to value). */
static const json_t *row_with(const json_t *rows, const char *action, const char *key, const json_t *value)
{
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r)
    {
        const json_t *after = json_object_get(r, "after");
        if (!strcmp(json_string_value(json_object_get(r, "action")), action) &&
            (!key || json_equal(json_object_get(after, key), value)))
            return r;
    }
    return NULL;
}

/* One event: its row "gate.event" recorded the same decision. */
static hg_rc one_event(db *d, int64_t seq, const char *gate, const char *event_id, const char *decision,
                       json_t *findings, hg_err *err)
{
    char key[96], msg[200];
    snprintf(key, sizeof key, "%s/%s", gate, event_id);
    json_t *rows = NULL, *want = json_integer(seq);
    hg_rc rc = want ? rows_of(d, "gate_event", key, &rows, err) : HG_NOMEM;
    const json_t *row = rc ? NULL : row_with(rows, "gate.event", "seq", want);
    const char *recorded = json_string_value(json_object_get(json_object_get(row, "after"), "decision"));
    if (!rc && !row)
        rc = finding(findings, "gate_event", key, "event_unaudited", "no audit row records this event");
    else if (!rc && (!recorded || strcmp(recorded, decision) != 0)) {
        snprintf(msg, sizeof msg, "decision %s, its audit row records %s", decision, recorded ? recorded : "none");
        rc = finding(findings, "gate_event", key, "decision_changed", msg);
    }
    json_decref(rows);
    json_decref(want);
    return rc;
}

/* One exit: through a passing (or overridden) event, or reported as its row names it. */
static hg_rc one_exit(db *d, const char *id, const char *entry_no, int64_t event_seq, const char *unit,
                      json_t *findings, hg_err *err)
{
    json_t *rows = NULL;
    hg_rc rc = HG_OK;
    if (!event_seq) {
        json_t *want = json_string(id);
        rc = want ? rows_of(d, "declaration", entry_no, &rows, err) : HG_NOMEM;
        if (!rc && !row_with(rows, "release.gate_out", "id", want))
            rc = finding(findings, "gate_exit", id, "exit_unaudited", "no audit row records this exit");
        json_decref(want);
        json_decref(rows);
        return rc;
    }
    char gate[24] = "", event_id[80] = "", decision[8] = "", seq_text[24], read[400] = ",";
    db_stmt *s;
    rc = db_query(d, &s, err,
                  "SELECT gate, event_id, decision, COALESCE(containers, '') || ',' || COALESCE(vins, '') FROM"
                  " gate_events WHERE seq = ?",
                  "i", event_seq);
    if (rc)
        return rc;
    if ((rc = db_step(s, err)) == HG_ROW) {
        snprintf(gate, sizeof gate, "%s", db_col_text(s, 0));
        snprintf(event_id, sizeof event_id, "%s", db_col_text(s, 1));
        snprintf(decision, sizeof decision, "%s", db_col_text(s, 2));
        snprintf(read + 1, sizeof read - 2, "%s,", db_col_text(s, 3));
    }
    db_reset(s);
    if (rc != HG_ROW && rc != HG_DONE)
        return rc;
    rc = HG_OK;
    if (!gate[0])
        return finding(findings, "gate_exit", id, "exit_unaudited", "the gate event it names does not exist");
    /* the event read what left: the exit's container or VIN is among its reads */
    char needle[40];
    snprintf(needle, sizeof needle, ",%s,", unit);
    if (unit[0] && !strstr(read, needle))
        return finding(findings, "gate_exit", id, "exit_unaudited", "the gate event it names did not read these goods");
    if (!strcmp(decision, "pass"))
        return HG_OK; /* the event's own row is checked with the events */
    snprintf(seq_text, sizeof seq_text, "%" PRId64, event_seq);
    rc = rows_of(d, "gate_event", seq_text, &rows, err);
    if (!rc && !row_with(rows, "gate.override", NULL, NULL))
        rc = finding(findings, "gate_exit", id, "exit_unaudited",
                     "its gate event was a hold, and no audit row records an override");
    json_decref(rows);
    return rc;
}

static hg_rc reconcile_gate(db *d, json_t *findings, int64_t *checked, hg_err *err)
{
    db_stmt *s;
    json_t *events = json_array(), *exits = json_array();
    *checked = 0;
    hg_rc rc = events && exits ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    /* read each list whole first: every object is then checked with statements of its own */
    if (!rc && !(rc = db_query(d, &s, err, "SELECT seq, gate, event_id, decision FROM gate_events ORDER BY seq", ""))) {
        while ((rc = db_step(s, err)) == HG_ROW)
            json_array_append_new(events, json_pack("[I, s, s, s]", (json_int_t)db_col_int(s, 0), db_col_text(s, 1),
                                                    db_col_text(s, 2), db_col_text(s, 3)));
        db_reset(s);
        rc = rc == HG_DONE ? HG_OK : rc;
    }
    if (!rc &&
        !(rc = db_query(d, &s, err,
                        "SELECT id, entry_no, COALESCE(event_seq, 0), COALESCE(container, vin, '') FROM gate_exits"
                        " ORDER BY at_ms, id",
                        ""))) {
        while ((rc = db_step(s, err)) == HG_ROW)
            json_array_append_new(exits, json_pack("[s, s, I, s]", db_col_text(s, 0), db_col_text(s, 1),
                                                   (json_int_t)db_col_int(s, 2), db_col_text(s, 3)));
        db_reset(s);
        rc = rc == HG_DONE ? HG_OK : rc;
    }
    /* each event, then each exit (an exit names its event: events first) */
    for (size_t i = 0; i < json_array_size(events) + json_array_size(exits) && !rc; i++, ++*checked) {
        int ev = i < json_array_size(events);
        const json_t *e = json_array_get(ev ? events : exits, ev ? i : i - json_array_size(events));
        const char *a = json_string_value(json_array_get(e, ev ? 1 : 0)),
                   *b = json_string_value(json_array_get(e, ev ? 2 : 1));
        rc = ev ? one_event(d, json_integer_value(json_array_get(e, 0)), a, b, json_string_value(json_array_get(e, 3)),
                            findings, err)
                : one_exit(d, a, b, json_integer_value(json_array_get(e, 2)), json_string_value(json_array_get(e, 3)),
                           findings, err);
    }
    if (rc == HG_NOMEM)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    json_decref(events);
    json_decref(exits);
    return rc;
}

const audit_reconciler gate_reconciler = {.what = "gate events and exits", .run = reconcile_gate};
