/* sampling_store.c — what filing opens and asks of inspection: the tasks of red and yellow
 * lanes and the samples drawn (with their barcodes), the suspension of foreign producers
 * whose goods tested positive, and the count of a declaration's samples. Below
 * declaration_store.c in the store files' order (timeline_store.c): it calls only the
 * timeline. The tasks' and samples' results are inspection_store.c's. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/ident.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../risk/risk_store.h"
#include "cargo.h"
#include "cargo_store.h"

/* The queue priority of a task by the credit level its declaration is treated by (AEO
 * facilitation, facilitation_store.c): here, below the declarations, so that opening a task
 * needs nothing above it. */
int cargo_priority_of(risk_credit level)
{
    return level == RC_ADVANCED_CERTIFIED ? 2 : level == RC_GENERAL_CERTIFIED ? 1 : 0;
}

hg_rc cargo_entry_credit(db *d, const char *entry_no, risk_credit *out, hg_err *err)
{
    db_stmt *s;
    *out = RC_UNKNOWN;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT direction, declarant, COALESCE(consignee, ''), COALESCE(consignor, '') "
                        "FROM declarations WHERE entry_no = ?",
                        "t", entry_no);
    if (rc)
        return rc;
    if ((rc = db_step(s, err)) == HG_ROW) {
        int exp = strcmp(db_col_text(s, 0), "export") == 0;
        rc = risk_parties_credit(d, db_col_text(s, exp ? 3 : 2), db_col_text(s, 1), out, err);
    } else if (rc == HG_DONE) {
        rc = HG_OK;
    }
    db_reset(s);
    return rc;
}

hg_rc cargo_task_priority(db *d, const char *entry_no, int *priority, hg_err *err)
{
    risk_credit level;
    hg_rc rc = cargo_entry_credit(d, entry_no, &level, err);
    *priority = rc ? 0 : cargo_priority_of(level);
    return rc;
}

hg_rc cargo_open_task(db *d, const char *entry_no, const char *kind, int green, int priority, const char *reason,
                      hg_err *err)
{
    if (priority < 0) {
        hg_rc rc = cargo_task_priority(d, entry_no, &priority, err);
        if (rc)
            return rc;
    }
    hg_rc rc = db_run(d, err,
                      "INSERT INTO inspections (entry_no, kind, status, green_channel, priority, reason, created_ms) "
                      "VALUES (?, ?, 'open', ?, ?, ?, ?)",
                      "ttiiti", entry_no, kind, (int64_t)green, (int64_t)priority, reason, now_ms());
    /* the reason names risk rules: it stays on the task, which only officers see, and never
     * reaches the timeline that the enterprise reads */
    json_t *ev = json_pack("{s:s}", "kind", kind);
    if (!rc)
        rc = cargo_add_event(d, entry_no, "risk", "inspection_opened", ev, err);
    json_decref(ev);
    return rc;
}

static hg_rc add_sample(db *d, const char *entry_no, int64_t line_no, const char *kind, const char *producer,
                        hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = db_int(d, &n, err, "SELECT COUNT(*) FROM samples WHERE entry_no = ? AND line_no = ? AND kind = ?", "tit",
                      entry_no, line_no, kind);
    if (rc || n)
        return rc;
    rc = db_int(d, &n, err, "SELECT COUNT(*) FROM samples WHERE entry_no = ?", "t", entry_no);
    /* the barcode is the entry number and a sample sequence: unique, printable, and it names its
     * declaration on the label (一码到底 for cargo samples) */
    char barcode[32];
    snprintf(barcode, sizeof barcode, "S%s%02lld", entry_no, (long long)(n + 1));
    if (!rc)
        rc = db_run(d, err,
                    "INSERT INTO samples (barcode, entry_no, line_no, kind, status, producer, created_ms) "
                    "VALUES (?, ?, ?, ?, 'pending', ?, ?)",
                    "ttitti", barcode, entry_no, line_no, kind, producer, now_ms());
    if (!rc)
        rc = ledger_update(d, entry_no, line_no, "sampled", 0, err);
    json_t *ev = json_pack("{s:s, s:s, s:I}", "barcode", barcode, "kind", kind, "line_no", (json_int_t)line_no);
    if (!rc)
        rc = cargo_add_event(d, entry_no, "risk", "sampled", ev, err);
    json_decref(ev);
    return rc;
}

hg_rc cargo_open_checks(db *d, const char *entry_no, const json_t *decl, const char *lane, const risk_verdict *v,
                        hg_err *err)
{
    hg_rc rc = HG_OK;
    int green = json_is_true(json_object_get(decl, "green_channel"));
    if (strcmp(lane, "red") == 0 || strcmp(lane, "yellow") == 0) {
        const char *kind = v->inspection_kind[0] ? v->inspection_kind : strcmp(lane, "red") == 0 ? "manual" : "document";
        rc = cargo_open_task(d, entry_no, kind, green, cargo_priority_of(v->credit), v->reason, err);
    }
    const char *direction = json_string_value(json_object_get(decl, "direction"));
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(decl, "items"), i, item)
    {
        const char *hs = json_string_value(json_object_get(item, "hs_code"));
        if (!rc && cargo_needs_nucleic_acid(direction, hs))
            rc = add_sample(d, entry_no, (int64_t)i + 1, "nucleic_acid",
                            json_string_value(json_object_get(item, "producer")), err);
    }
    for (int k = 0; k < v->n_samples; k++) {
        int64_t line = v->samples[k].line_no;
        const char *kind = v->samples[k].kind;
        json_t *it = json_array_get(json_object_get(decl, "items"), (size_t)(line > 0 ? line - 1 : 0));
        if (!rc && kind && it)
            rc = add_sample(d, entry_no, line > 0 ? line : 1, kind, json_string_value(json_object_get(it, "producer")),
                            err);
    }
    return rc;
}

hg_rc cargo_producer_suspension(db *d, const char *producer, int64_t now, int64_t *batches, int64_t *until,
                                hg_err *err)
{
    db_stmt *s;
    /* positive batches (declarations), from nucleic-acid samples only: two positive samples
     * of one batch are one positive batch, and other laboratory kinds do not suspend */
    hg_rc rc = db_query(d, &s, err,
                        "SELECT COUNT(DISTINCT entry_no), COALESCE(MAX(result_ms), 0) FROM samples WHERE producer = ?"
                        " AND status = 'positive' AND kind = 'nucleic_acid'",
                        "t", producer);
    if (rc)
        return rc;
    int64_t n = 0, last = 0;
    if ((rc = db_step(s, err)) == HG_ROW) {
        n = db_col_int(s, 0);
        last = db_col_int(s, 1);
        rc = HG_OK;
    }
    db_reset(s);
    *batches = n;
    *until = rc ? 0 : cargo_producer_suspended_until(n, last, now);
    return rc;
}

hg_rc cargo_check_producers(db *d, const json_t *items, hg_err *err)
{
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item)
    {
        const char *producer = json_string_value(json_object_get(item, "producer"));
        if (!producer || !*producer)
            continue;
        char up[48];
        ident_normalize(producer, up, sizeof up);   /* too long: "", which no sample has */
        int64_t n = 0, until = 0;
        hg_rc rc = cargo_producer_suspension(d, up, now_ms(), &n, &until, err);
        if (rc)
            return rc;
        if (until) {
            char field[40], at[40];
            snprintf(field, sizeof field, "items[%zu].producer", i);
            time_format_rfc3339(until, at, sizeof at);
            /* TRANSLATORS: 1: up; 2: at; 3: n; 4: n == 1 ? "" : "s" */
            return hg_fail(err, HG_CONFLICT, "suspended", field,
                           "producer %s is suspended until %s after %lld positive nucleic-acid test%s (batches)", up,
                           at, (long long)n, n == 1 ? "" : "s");
        }
    }
    return HG_OK;
}

hg_rc cargo_sample_counts(db *d, const char *entry_no, int *pending, int *positive, hg_err *err)
{
    int64_t p = 0, q = 0;
    hg_rc rc = db_int(d, &p, err, "SELECT COUNT(*) FROM samples WHERE entry_no = ? AND status = 'pending'", "t",
                      entry_no);
    if (!rc)
        rc = db_int(d, &q, err, "SELECT COUNT(*) FROM samples WHERE entry_no = ? AND status = 'positive'", "t", entry_no);
    *pending = (int)p;
    *positive = (int)q;
    return rc;
}
