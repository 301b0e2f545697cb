/* timeline_store.c — what every cargo store file shares, at the bottom of their order
 * (cargo.c < timeline_store.c < ledger_store.c < sampling_store.c < declaration_store.c <
 * inspection_store.c, cargo_store.c; none calls one after it): serial numbers, the declaration's timeline, who may see
 * a declaration, and audit-then-commit with the answer. It calls no other store file. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/event.h"
#include "../platform/json_canon.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "cargo.h"
#include "cargo_store.h"

/* Next number of a serial (prefix): inside the caller's write transaction, so that it is
 * unique and, once committed with the record that uses it, never given again. */
hg_rc cargo_next_serial(db *d, const char *prefix, int64_t *out, hg_err *err)
{
    /* two statements: SQLite's RETURNING costs more than twice the SELECT after it */
    hg_rc rc = db_run(d, err,
                      "INSERT INTO serials (prefix, last) VALUES (?, 1) "
                      "ON CONFLICT (prefix) DO UPDATE SET last = serials.last + 1",
                      "t", prefix);
    if (!rc)
        rc = db_int(d, out, err, "SELECT last FROM serials WHERE prefix = ?", "t", prefix);
    return rc;
}

/* The next sequence number of the timeline is taken in the insert itself. */
hg_rc cargo_add_event(db *d, const char *entry_no, const char *actor, const char *event, const json_t *detail,
                       hg_err *err)
{
    char *text = detail ? json_canon_text(detail) : NULL;
    if (detail && !text)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    hg_rc rc = db_run(d, err,
                      "INSERT INTO declaration_events (entry_no, seq, at_ms, actor, event, detail) SELECT ?,"
                      " COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM declaration_events WHERE entry_no = ?",
                      "titttt", entry_no, now_ms(), actor, event, text, entry_no);
    xfree(text);
    return rc;
}

hg_rc cargo_emit_for(db *d, const char *type, const char *entry_no, const char *declarant, const char *actor,
                     const char *request_id, const json_t *data, hg_err *err)
{
    return event_emit_about(d, type, "declaration", entry_no, declarant, actor, request_id, data, err);
}

hg_rc cargo_emit(db *d, const char *type, const char *entry_no, const char *actor, const char *request_id,
                 const json_t *data, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, "SELECT declarant FROM declarations WHERE entry_no = ?", "t", entry_no);
    if (!rc && (rc = db_step(s, err)) == HG_ROW)
        rc = cargo_emit_for(d, type, entry_no, db_col_text(s, 0), actor, request_id, data, err);
    else if (rc == HG_DONE)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "entry_no", "no declaration %s", entry_no);
    db_reset(s);
    return rc;
}

hg_rc cargo_event(db *d, const char *entry_no, const char *actor, const char *event, const json_t *detail,
                  hg_err *err)
{
    return cargo_add_event(d, entry_no, actor, event, detail, err);
}

hg_rc cargo_note_gate_out(db *d, const char *entry_no, int64_t at_ms, int earlier, const char *actor,
                          const json_t *detail, hg_err *err)
{
    hg_rc rc = HG_OK;
    if (!earlier)
        rc = db_run(d, err, "UPDATE declarations SET gate_out_ms = ?, updated_ms = ? WHERE entry_no = ?", "iit", at_ms,
                    now_ms(), entry_no);
    if (!rc)
        rc = cargo_add_event(d, entry_no, actor, "gate_out", detail, err);
    return rc;
}

hg_rc cargo_commit_out(const hg_ctx *c, hg_rc rc, const char *action, const char *type, const char *id,
                       const json_t *before, json_t **out, hg_err *err)
{
    rc = audit_commit(c, rc, action, type, id, before, *out, err);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc cargo_finish_out(db *d, hg_rc rc, const char *actor, const char *action, const char *type, const char *id,
                       const char *request_id, const json_t *before, json_t **out, hg_err *err)
{
    /* the areas after cargo that have no context yet: no credential to name, the time now */
    hg_ctx c = {.d = d, .actor = actor, .request_id = request_id};
    return cargo_commit_out(&c, rc, action, type, id, before, out, err);
}

hg_rc cargo_declaration_visible(db *d, const principal *who, const char *entry_no, hg_err *err)
{
    db_stmt *s = NULL;
    int seen = 0;
    hg_rc rc = db_query(d, &s, err, "SELECT declarant, consignee, consignor FROM declarations WHERE entry_no = ?", "t",
                        entry_no);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        seen = who->role != ROLE_ENTERPRISE;
        for (int i = 0; i < 3 && !seen; i++)
            seen = !db_col_null(s, i) && strcmp(db_col_text(s, i), who->enterprise) == 0;
    } else if (rc == HG_DONE) {
        rc = HG_OK;
    }
    db_reset(s);
    if (!rc && !seen)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "entry_no", "no such declaration");
    return rc;
}
