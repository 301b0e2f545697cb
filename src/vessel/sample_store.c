/* sample_store.c — crew nucleic-acid testing on application (船员核酸检测申请): the agent
 * applies, every person on the lists is given a sample labelled with its barcode, and
 * laboratories (scope lab, their fact: SECURITY.md 18) give the results by barcode on the
 * call. A positive result emits "vessel.crew_positive" (health and statistics read it) and on
 * a ship of refrigerated cargo orders no unloading and the ship to leave. Every write ends
 * in audit_commit. */
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../health/health.h"
#include "../platform/audit.h"
#include "../platform/calendar.h"
#include "../platform/event.h"
#include "vessel.h"
#include "vessel_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

static hg_rc finish(const hg_ctx *c, hg_rc rc, const char *action, const char *call_no, json_t **out, hg_err *err)
{
    json_t *a = vessel_audit_samples(*out);
    rc = audit_commit(c, rc, action, "vessel_call", call_no, NULL, a, err);
    json_decref(a);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc vessel_samples_json(db *d, const char *call_no, json_t **out, hg_err *err)
{
    static const char *const names[] = {"call_no"};
    const char *values[] = {call_no};
    record_query q = {.eq_names = names, .eq_values = values, .n_eq = 1, .limit = 200};
    return record_list_json(d, &vessel_sample_record, &q, out, err);
}

hg_rc vessel_testing_apply(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    json_t *call = NULL;
    *out = NULL;
    hg_rc rc = record_from_json(&vessel_testing_record, body, REC_CREATE, &r, err);
    if (rc || (rc = vessel_call_begin(c, call_no, &call, err)))
        goto out;
    int64_t n = 0;
    if (strcmp(vessel_status_of(call), "departed") == 0)
        rc = hg_fail(err, HG_CONFLICT, "already_departed", "status", "the ship has departed");
    if (!rc)
        rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM vessel_samples WHERE call_no = ?", "t", call_no);
    if (!rc && n)
        rc = hg_fail(err, HG_CONFLICT, "already_applied", "call_no", "testing was applied for already");
    char prefix[16];
    snprintf(prefix, sizeof prefix, "VS%d", calendar_year_of(c->now_ms));
    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(call, "persons"), i, p)
    {
        int64_t serial = 0;
        char code[32], person[128];
        if (rc)
            break;
        rc = cargo_next_serial(c->d, prefix, &serial, err);
        snprintf(code, sizeof code, "%s%08lld", prefix, (long long)serial);
        snprintf(person, sizeof person, "%s %s", json_string_value(json_object_get(p, "family_name")),
                 json_string_value(json_object_get(p, "given_name")));
        if (!rc)
            rc = db_run(
                c->d, err,
                "INSERT INTO vessel_samples (barcode, call_no, line_no, person, created_ms) VALUES (?, ?, ?, ?, ?)",
                "ttiti", code, call_no, (int64_t)i + 1, person, c->now_ms);
    }
    if (!rc)
        rc = vessel_task_open(c, call_no, "sampling", c->now_ms + CALENDAR_DAY_MS, err);
    json_t *detail =
        rc ? NULL
           : json_pack("{s:I, s:s?}", "samples", (json_int_t)json_array_size(json_object_get(call, "persons")), "note",
                       record_text(&r, "note"));
    if (!rc)
        rc = detail ? vessel_timeline(c, call_no, "testing_applied", detail, err) : nomem(err);
    json_decref(detail);
    if (!rc)
        rc = vessel_samples_json(c->d, call_no, out, err);
    rc = finish(c, rc, "vessel.testing", call_no, out, err);
out:
    json_decref(call);
    record_free(&r);
    return rc;
}

hg_rc vessel_sample_result(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    json_t *call = NULL;
    db_stmt *s = NULL;
    char of[48] = "", person[128] = "";
    int64_t line = 0, done = 0;
    *out = NULL;
    hg_rc rc = record_from_json(&vessel_result_record, body, REC_CREATE, &r, err);
    const char *code = record_text(&r, "barcode"), *result = record_text(&r, "result");
    if (rc || (rc = vessel_call_begin(c, call_no, &call, err)))
        goto out;
    rc = db_query(c->d, &s, err, "SELECT call_no, line_no, person, result FROM vessel_samples WHERE barcode = ?", "t",
                  code);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(of, sizeof of, "%s", db_col_text(s, 0));
        line = db_col_int(s, 1);
        snprintf(person, sizeof person, "%s", db_col_text(s, 2));
        done = !db_col_null(s, 3);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_INVALID, "not_found", "barcode", "no sample has this barcode");
    }
    db_reset(s);
    if (!rc && strcmp(of, call_no) != 0)
        /* TRANSLATORS: 1: code; 2: call_no */
        rc = hg_fail(err, HG_INVALID, "sample_of_another_call", "barcode",
                     "the sample %s was taken on another vessel's call, not on %s", code, call_no);
    if (!rc && done)
        rc = hg_fail(err, HG_CONFLICT, "already_resulted", "barcode", "the sample has its result already");
    if (!rc)
        rc = db_run(c->d, err, "UPDATE vessel_samples SET result = ?, result_by = ?, result_ms = ? WHERE barcode = ?",
                    "ttit", result, c->actor, c->now_ms, code);
    json_t *detail =
        rc ? NULL : json_pack("{s:s, s:s, s:I}", "barcode", code, "result", result, "line_no", (json_int_t)line);
    if (!rc)
        rc = detail ? vessel_timeline(c, call_no, "sample_resulted", detail, err) : nomem(err);
    if (!rc && strcmp(result, "positive") == 0) {
        json_object_set_new(detail, "imo", json_string(json_string_value(json_object_get(call, "imo"))));
        json_object_set_new(detail, "port", json_string(json_string_value(json_object_get(call, "port"))));
        rc = event_emit_about(c->d, "vessel.crew_positive", "vessel_call", call_no, NULL, c->actor, c->request_id,
                              detail, err);
        const char *cargo = json_string_value(json_object_get(call, "cargo_kind"));
        /* DESIGN.md §5: a refrigerated-cargo ship whose crew test positive is not unloaded and leaves */
        if (!rc && (strcmp(cargo, "bulk_refrigerated") == 0 || strcmp(cargo, "cold_chain_container") == 0)) {
            char why[200];
            char masked[128];
            health_mask_name(person, masked, sizeof masked); /* orders are read widely: the name masked */
            snprintf(why, sizeof why, "crew member %s tested positive (sample %s): no unloading, ordered to leave",
                     masked, code);
            rc = vessel_order_make(c, call_no, "no_unloading_leave", why, "rules", err);
        }
    }
    json_decref(detail);
    int64_t pending = 0, positives = 0;
    if (!rc)
        rc = db_int(c->d, &pending, err, "SELECT COUNT(*) FROM vessel_samples WHERE call_no = ? AND result IS NULL",
                    "t", call_no);
    if (!rc)
        rc = db_int(c->d, &positives, err,
                    "SELECT COUNT(*) FROM vessel_samples WHERE call_no = ? AND result = 'positive'", "t", call_no);
    if (!rc && !pending) {
        char summary[64];
        snprintf(summary, sizeof summary, "%lld positive", (long long)positives);
        rc = vessel_task_done(c, call_no, "sampling", summary, err);
    }
    if (!rc)
        rc = record_load_json(c->d, &vessel_sample_record, code, out, err);
    rc = finish(c, rc, "vessel.sample_result", call_no, out, err);
out:
    json_decref(call);
    record_free(&r);
    return rc;
}
