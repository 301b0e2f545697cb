/* inspection_store.c — inspection tasks (查验) ordered by officers and their results, the
 * samples' laboratory results and the disposal of failed goods; a result may release the
 * declaration. The tasks and samples that filing opens are sampling_store.c's. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/ident.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/words.h"
#include "cargo.h"
#include "cargo_store.h"

hg_rc inspection_order(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    static const char *const allowed[] = {"kind", "reason", NULL};
    const char *kind, *reason;
    hg_rc rc = json_reject_unknown(body, allowed, err);
    if (!rc)
        rc = json_get_str(body, "kind", 1, &kind, err);
    if (!rc)
        rc = json_get_str(body, "reason", 1, &reason, err);
    if (rc)
        return rc;
    if (strcmp(kind, "manual") && strcmp(kind, "machine") && strcmp(kind, "document"))
        return hg_fail(err, HG_INVALID, "invalid", "kind", "kind must be manual, machine or document");
    if (strlen(reason) < 2 || strlen(reason) > 500)
        return hg_fail(err, HG_INVALID, "invalid", "reason", "reason must be 2 to 500 bytes");
    json_t *before = NULL;
    *out = NULL;
    if ((rc = db_begin(d, err)))
        return rc;
    rc = declaration_get(d, c->who, entry_no, &before, err);
    const char *status = before ? json_string_value(json_object_get(before, "status")) : "";
    if (!rc && strcmp(status, DECL_FILED) != 0 && strcmp(status, DECL_PERMITTED) != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "status",
                     "an inspection is ordered before release, on a declaration that is not already being inspected "
                     "(status is %s)",
                     hg_word(status));
    /* an officer's order puts the declaration in the red (manual, machine) or yellow (document)
     * lane, so that its release waits for the result like a risk rule's selection */
    const char *lane = strcmp(kind, "document") == 0 ? "yellow" : "red";
    if (!rc)
        rc = db_run(d, err, "UPDATE declarations SET status = ?, lane = ?, updated_ms = ? WHERE entry_no = ?", "ttit",
                    DECL_INSPECTION, lane, c->now_ms, entry_no);
    if (!rc)
        rc = cargo_open_task(d, entry_no, kind, json_is_true(json_object_get(before, "green_channel")), -1, reason,
                             err);
    json_t *ev = json_pack("{s:s, s:s}", "lane", lane, "kind", kind);
    /* on the timeline with who ordered it: its release needs another officer */
    if (!rc)
        rc = cargo_add_event(d, entry_no, c->actor, "inspection_ordered", ev, err);
    if (!rc)
        rc = cargo_emit(d, "declaration.selected_for_inspection", entry_no, c->actor, c->request_id, ev, err);
    json_decref(ev);
    if (!rc)
        rc = declaration_get(d, c->who, entry_no, out, err);
    rc = cargo_commit_out(c, rc, "inspection.order", "declaration", entry_no, before, out, err);
    json_decref(before);
    return rc;
}

static json_t *inspection_row(db_stmt *s)
{
    char created[40], decided[40], waived[40];
    time_format_rfc3339(db_col_int(s, 5), created, sizeof created);
    json_t *row = json_pack("{s:I, s:s, s:s, s:s, s:b, s:s*, s:s, s:s*, s:s*, s:s*, s:s*, s:I}", "id",
                            (json_int_t)db_col_int(s, 0), "entry_no", db_col_text(s, 1), "kind", db_col_text(s, 2),
                            "status", db_col_text(s, 3), "green_channel", (int)db_col_int(s, 4), "reason",
                            db_col_text(s, 10), "created_at", created, "findings", db_col_text(s, 6), "disposal",
                            db_col_text(s, 7), "decided_by", db_col_text(s, 8), "decided_at",
                            db_col_time(s, 9, decided), "priority", (json_int_t)db_col_int(s, 11));
    /* 查验免到场: who asked, when and why, and who assisted in the enterprise's place */
    if (!db_col_null(s, 12))
        json_object_set_new(row, "attendance",
                            json_pack("{s:s, s:s, s:s, s:s*, s:s*}", "status", db_col_text(s, 12), "by",
                                      db_col_text(s, 13), "at", db_col_time(s, 14, waived), "reason",
                                      db_col_text(s, 15), "witness", db_col_text(s, 16)));
    return row;
}

#define INSPECTION_COLS                                                                                                \
    "id, entry_no, kind, status, green_channel, created_ms, findings, disposal, decided_by, decided_ms, reason,"      \
    " priority, attendance, attendance_by, attendance_ms, attendance_reason, witness"

hg_rc inspection_list(db *d, const char *status, const char *q, const char *cursor, int limit, json_t **out,
                      hg_err *err)
{
    /* the queue: green channel (fresh produce) first, then certified enterprises' tasks (their
     * priority, facilitation_store.c), then oldest first; the cursor is the last row's position
     * in that order, "green:priority:created_ms:id" */
    long long g = 2, p = 0, c = 0, id = 0;
    if (cursor && (sscanf(cursor, "%lld:%lld:%lld:%lld", &g, &p, &c, &id) != 4 || g < 0 || g > 1 || p < 0 || p > 2))
        return hg_fail(err, HG_INVALID, "invalid", "cursor", "cursor must be a next_cursor from this list");
    db_stmt *s;
    /* q: any part of the entry or bill number (the search box); the queue's order stays */
    char *pattern = q ? record_search_pattern(q) : NULL;
    if (q && !pattern)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
#define QUEUE_SQL(SEARCH)                                                                                              \
    "SELECT i.id, i.entry_no, i.kind, i.status, i.green_channel, i.created_ms, i.findings, i.disposal,"                \
    " i.decided_by, i.decided_ms, i.reason, i.priority, i.attendance, i.attendance_by, i.attendance_ms,"              \
    " i.attendance_reason, i.witness, d.lane, d.declarant FROM inspections i"                                         \
    " JOIN declarations d ON d.entry_no = i.entry_no WHERE i.status = ? AND (i.green_channel < ?"                      \
    " OR (i.green_channel = ? AND (i.priority < ? OR (i.priority = ? AND (i.created_ms > ?"                           \
    " OR (i.created_ms = ? AND i.id > ?))))))" SEARCH                                                                  \
    " ORDER BY i.green_channel DESC, i.priority DESC, i.created_ms, i.id LIMIT ?"
    const char *st = status ? status : "open";
    hg_rc rc = pattern ? db_query(d, &s, err, QUEUE_SQL(" AND (LOWER(i.entry_no) LIKE ? OR LOWER(d.bill_no) LIKE ?)"),
                                  "tiiiiiiitti", st, (int64_t)g, (int64_t)g, (int64_t)p, (int64_t)p, (int64_t)c,
                                  (int64_t)c, (int64_t)id, pattern, pattern, (int64_t)limit + 1)
                       : db_query(d, &s, err, QUEUE_SQL(""), "tiiiiiiii", st, (int64_t)g, (int64_t)g, (int64_t)p,
                                  (int64_t)p, (int64_t)c, (int64_t)c, (int64_t)id, (int64_t)limit + 1);
#undef QUEUE_SQL
    xfree(pattern);
    if (rc)
        return rc;
    json_t *items = json_array(), *next = json_null();
    int n = 0;
    while ((rc = db_step(s, err)) == HG_ROW) {
        if (n == limit) {
            json_t *last = json_array_get(items, json_array_size(items) - 1);
            char k[100];
            snprintf(k, sizeof k, "%d:%lld:%lld:%lld", json_is_true(json_object_get(last, "green_channel")),
                     (long long)json_integer_value(json_object_get(last, "priority")),
                     (long long)json_integer_value(json_object_get(last, "created_ms")),
                     (long long)json_integer_value(json_object_get(last, "id")));
            json_decref(next);
            next = json_string(k);
            rc = HG_DONE;
            break;
        }
        json_t *row = inspection_row(s);
        json_object_set_new(row, "lane", json_string(db_col_text(s, 17)));
        json_object_set_new(row, "declarant", json_string(db_col_text(s, 18)));
        json_object_set_new(row, "created_ms", json_integer(db_col_int(s, 5)));
        json_array_append_new(items, row);
        n++;
    }
    db_reset(s);
    if (rc != HG_DONE) {
        json_decref(items);
        json_decref(next);
        return rc;
    }
    /* the exact creation time is the cursor's; it is not part of the answer */
    size_t k;
    json_t *row;
    json_array_foreach(items, k, row)
    {
        json_object_del(row, "created_ms");
    }
    *out = json_pack("{s:o, s:o}", "items", items, "next_cursor", next);
    return HG_OK;
}

static hg_rc load_inspection(db *d, int64_t id, json_t **out, hg_err *err)
{
    return db_row_json(d, inspection_row, out, "id", "no such inspection", err,
                       "SELECT " INSPECTION_COLS " FROM inspections WHERE id = ?", "i", id);
}

hg_rc inspection_result(const hg_ctx *c, int64_t id, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    static const char *const allowed[] = {"result", "findings", "disposal", "witness", NULL};
    const char *result, *findings, *disposal, *witness;
    hg_rc rc = json_reject_unknown(body, allowed, err);
    if (!rc)
        rc = json_get_str(body, "witness", 0, &witness, err);
    if (!rc)
        rc = json_get_str(body, "result", 1, &result, err);
    if (!rc)
        rc = json_get_str(body, "findings", 0, &findings, err);
    if (!rc)
        rc = json_get_str(body, "disposal", 0, &disposal, err);
    if (rc)
        return rc;
    int pass = strcmp(result, "pass") == 0;
    if (!pass && strcmp(result, "fail") != 0)
        return hg_fail(err, HG_INVALID, "invalid", "result", "result must be pass or fail");
    if (!pass && (!disposal || (strcmp(disposal, "return") && strcmp(disposal, "destroy"))))
        return hg_fail(err, HG_INVALID, "required", "disposal", "failed goods are disposed of: return or destroy");
    if (pass && disposal)
        return hg_fail(err, HG_INVALID, "invalid", "disposal", "only failed goods are disposed of");
    if (!pass && (!findings || strlen(findings) < 2))
        return hg_fail(err, HG_INVALID, "required", "findings", "a failed inspection records its findings");
    if (findings && strlen(findings) > 2000)
        return hg_fail(err, HG_INVALID, "invalid", "findings", "findings must be at most 2000 bytes");
    if (witness && (strlen(witness) < 2 || strlen(witness) > 200))
        return hg_fail(err, HG_INVALID, "invalid", "witness", "witness must be 2 to 200 bytes");
    json_t *before = NULL;
    *out = NULL;
    if ((rc = db_begin(d, err)))
        return rc;
    rc = load_inspection(d, id, &before, err);
    const char *entry = before ? json_string_value(json_object_get(before, "entry_no")) : NULL;
    if (!rc && strcmp(json_string_value(json_object_get(before, "status")), "open") != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "status", "the inspection already has its result");
    /* inspected without the enterprise (查验免到场): the supervised site's operator assists in its
     * place and signs the record (海关进出口货物查验管理办法), so the result names who it was */
    if (!rc && !witness && json_object_get(before, "attendance"))
        rc = hg_fail(err, HG_INVALID, "required", "witness",
                     "the enterprise did not attend: name the site operator's person who assisted and signed");
    int pending = 0, positive = 0;
    if (!rc)
        rc = cargo_sample_counts(d, entry, &pending, &positive, err);
    if (!rc && pass && positive)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "result", "a sample tested positive: the goods cannot pass");
    if (!rc)
        rc = db_run(d, err,
                    "UPDATE inspections SET status = ?, findings = ?, disposal = ?, decided_by = ?, decided_ms = ?, "
                    "witness = ? WHERE id = ?",
                    "ttttiti", pass ? "passed" : "failed", findings, pass ? NULL : disposal, c->actor, c->now_ms,
                    witness, id);
    json_t *ev = json_pack("{s:I, s:s*, s:s*}", "inspection", (json_int_t)id, "findings", findings, "disposal",
                           pass ? NULL : disposal);
    if (!rc)
        rc = cargo_add_event(d, entry, c->actor, pass ? "inspection_passed" : "inspection_failed", ev, err);
    if (!rc)
        rc = ledger_update(d, entry, 0, pass ? "passed" : "disposed", 0, err);
    if (!rc && !pass) {
        /* returned or destroyed: the declaration ends here; goods already released first (先放后检)
         * get a follow-up instead, for they are no longer at the port */
        int64_t released = 0;
        rc = db_int(d, &released, err, "SELECT COUNT(*) FROM declarations WHERE entry_no = ? AND status = ?", "tt",
                    entry, DECL_RELEASED);
        if (!rc && released)
            rc = cargo_add_event(d, entry, c->actor, "follow_up_required", NULL, err);
        else if (!rc)
            rc = db_run(d, err, "UPDATE declarations SET status = ?, updated_ms = ? WHERE entry_no = ?", "tit",
                        DECL_REFUSED, c->now_ms, entry);
        if (!rc && !released)
            rc = cargo_emit(d, "declaration.refused", entry, c->actor, c->request_id, ev, err);
    }
    json_decref(ev);
    if (!rc && pass)
        rc = db_run(d, err, "UPDATE declarations SET status = ?, updated_ms = ? WHERE entry_no = ? AND status = ?",
                    "titt", DECL_FILED, c->now_ms, entry, DECL_INSPECTION);
    if (!rc)
        rc = load_inspection(d, id, out, err);
    rc = cargo_commit_out(c, rc, pass ? "inspection.pass" : "inspection.fail", "inspection",
                          entry ? entry : "", before, out, err);
    json_decref(before);
    return rc;
}

static json_t *sample_row(db_stmt *s)
{
    char created[40], result_at[40];
    time_format_rfc3339(db_col_int(s, 6), created, sizeof created);
    return json_pack("{s:s, s:s, s:I, s:s, s:s, s:s*, s:s, s:s*, s:s*}", "barcode", db_col_text(s, 0), "entry_no",
                     db_col_text(s, 1), "line_no", (json_int_t)db_col_int(s, 2), "kind", db_col_text(s, 3), "status",
                     db_col_text(s, 4), "producer", db_col_text(s, 5), "created_at", created, "result_at",
                     db_col_time(s, 7, result_at), "result_by", db_col_text(s, 8));
}

#define SAMPLE_COLS "barcode, entry_no, line_no, kind, status, producer, created_ms, result_ms, result_by"

void sample_query_make(const principal *who, record_query *base, const char *args[3])
{
    if (who->role != ROLE_ENTERPRISE)
        return;
    args[0] = args[1] = args[2] = who->enterprise;
    base->extra_sql = "entry_no IN (SELECT entry_no FROM declarations WHERE declarant = ? OR consignee = ? OR "
                      "consignor = ?)";
    base->extra_args = args;
    base->n_extra = 3;
}

hg_rc sample_list(db *d, const principal *who, const char *entry_no, const record_query *q, json_t **out, hg_err *err)
{
    if (entry_no) {
        json_t *decl = NULL;
        hg_rc rc = declaration_get(d, who, entry_no, &decl, err);   /* visibility */
        json_decref(decl);
        if (rc)
            return rc;
    }
    const char *name = "entry_no";
    record_query all = {.eq_names = &name, .eq_values = &entry_no, .n_eq = 1, .limit = 200};
    return record_list_json(d, &sample_record, q ? q : &all, out, err);
}

hg_rc sample_get(db *d, const principal *who, const char *barcode, json_t **out, hg_err *err)
{
    hg_rc rc = db_row_json(d, sample_row, out, "barcode", "no such sample", err,
                           "SELECT " SAMPLE_COLS " FROM samples WHERE barcode = ?", "t", barcode);
    if (!rc && who->role == ROLE_ENTERPRISE) {
        json_t *decl = NULL;
        rc = declaration_get(d, who, json_string_value(json_object_get(*out, "entry_no")), &decl, err);
        json_decref(decl);
        if (rc) {
            json_decref(*out);
            *out = NULL;
            rc = hg_fail(err, HG_NOTFOUND, "not_found", "barcode", "no such sample");
        }
    }
    return rc;
}

hg_rc sample_result(const hg_ctx *c, const char *barcode, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    static const char *const allowed[] = {"result", NULL};
    const char *result;
    hg_rc rc = json_reject_unknown(body, allowed, err);
    if (!rc)
        rc = json_get_str(body, "result", 1, &result, err);
    if (rc)
        return rc;
    int positive = strcmp(result, "positive") == 0;
    if (!positive && strcmp(result, "negative") != 0)
        return hg_fail(err, HG_INVALID, "invalid", "result", "result must be negative or positive");
    json_t *before = NULL;
    *out = NULL;
    if ((rc = db_begin(d, err)))
        return rc;
    rc = sample_get(d, c->who, barcode, &before, err);
    const char *entry = before ? json_string_value(json_object_get(before, "entry_no")) : "";
    if (!rc && strcmp(json_string_value(json_object_get(before, "status")), "pending") != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "barcode", "the sample already has its result");
    if (!rc)
        rc = db_run(d, err, "UPDATE samples SET status = ?, result_ms = ?, result_by = ? WHERE barcode = ?", "titt",
                    result, c->now_ms, c->actor, barcode);
    json_t *ev = json_pack("{s:s, s:s}", "barcode", barcode, "result", result);
    if (!rc)
        rc = cargo_add_event(d, entry, c->actor, positive ? "sample_positive" : "sample_negative", ev, err);
    if (!rc)
        rc = cargo_emit(d, "sample.result", entry, c->actor, c->request_id, ev, err);
    json_decref(ev);
    if (!rc && positive)
        rc = ledger_update(d, entry, json_integer_value(json_object_get(before, "line_no")), "failed", 0, err);
    if (!rc && positive) {
        /* a positive batch is never released: it goes to disposal (return or destroy) */
        int64_t open = 0;
        rc = db_int(d, &open, err, "SELECT COUNT(*) FROM inspections WHERE entry_no = ? AND status = 'open'", "t", entry);
        if (!rc && !open)
            rc = cargo_open_task(d, entry, "disposal", 0, -1, "positive nucleic-acid test", err);
        if (!rc)
            rc = db_run(d, err,
                        "UPDATE declarations SET status = ?, updated_ms = ? WHERE entry_no = ? AND status IN (?, ?)",
                        "tittt", DECL_INSPECTION, c->now_ms, entry, DECL_FILED, DECL_PERMITTED);
    }
    if (!rc && !positive)
        rc = cargo_auto_release_entry(d, entry, "system", err);
    if (!rc)
        rc = sample_get(d, c->who, barcode, out, err);
    rc = cargo_commit_out(c, rc, positive ? "sample.positive" : "sample.negative", "sample", barcode, before, out, err);
    json_decref(before);
    return rc;
}
