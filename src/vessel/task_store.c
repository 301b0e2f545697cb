/* task_store.c — disposal tasks of a call (boarding quarantine, crew sampling, disinfection
 * supervision, free pratique), each with its owner post, deadline and result: made by the
 * level and the applications inside their writes' transactions, done by the write that does
 * the work, read as queues by post. */
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../platform/audit.h"
#include "../platform/calendar.h"
#include "vessel.h"
#include "vessel_store.h"

/* Who does what (docs/vessel.md): the quarantine post boards, samples and decides; the
 * inspection post supervises the unloading under disinfection, as it supervises cargo. */
static const struct {
    const char *kind, *post;
    unsigned bit;
} task_posts[] = {
    {"boarding", "quarantine", POST_QUARANTINE},
    {"sampling", "quarantine", POST_QUARANTINE},
    {"pratique", "quarantine", POST_QUARANTINE},
    {"disinfection", "inspection", POST_INSPECTION},
};

static int task_row(const char *kind)
{
    for (size_t i = 0; i < sizeof task_posts / sizeof task_posts[0]; i++)
        if (strcmp(task_posts[i].kind, kind) == 0)
            return (int)i;
    return -1;
}

const char *vessel_task_post(const char *kind)
{
    int i = task_row(kind);
    return i < 0 ? NULL : task_posts[i].post;
}

hg_rc vessel_task_open(const hg_ctx *c, const char *call_no, const char *kind, int64_t deadline_ms, hg_err *err)
{
    int64_t n = 0, serial = 0;
    const char *post = vessel_task_post(kind);
    if (!post)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "no post owns a %s task", kind);
    hg_rc rc =
        db_int(c->d, &n, err, "SELECT COUNT(*) FROM vessel_tasks WHERE call_no = ? AND kind = ?", "tt", call_no, kind);
    if (rc || n)
        return rc;
    char prefix[16], no[32];
    snprintf(prefix, sizeof prefix, "VT%d", calendar_year_of(c->now_ms));
    rc = cargo_next_serial(c->d, prefix, &serial, err);
    snprintf(no, sizeof no, "%s%06lld", prefix, (long long)serial);
    if (!rc)
        rc = db_run(c->d, err,
                    "INSERT INTO vessel_tasks (task_no, call_no, kind, post, deadline_ms, status, created_ms) "
                    "VALUES (?, ?, ?, ?, ?, 'open', ?)",
                    "ttttii", no, call_no, kind, post, deadline_ms, c->now_ms);
    return rc;
}

hg_rc vessel_task_done(const hg_ctx *c, const char *call_no, const char *kind, const char *result, hg_err *err)
{
    return db_run(c->d, err,
                  "UPDATE vessel_tasks SET status = 'done', result = ?, done_by = ?, done_ms = ? WHERE call_no = ? "
                  "AND kind = ? AND status = 'open'",
                  "ttitt", result, c->actor, c->now_ms, call_no, kind);
}

hg_rc vessel_tasks_json(db *d, const char *call_no, const char *post, const char *status, json_t **out, hg_err *err)
{
    const char *names[3], *values[3];
    int n = 0;
    if (call_no) {
        names[n] = "call_no";
        values[n++] = call_no;
    }
    if (post) {
        names[n] = "post";
        values[n++] = post;
    }
    if (status) {
        if (strcmp(status, "open") != 0 && strcmp(status, "done") != 0)
            return hg_fail(err, HG_INVALID, "invalid", "status", "status is open or done");
        names[n] = "status";
        values[n++] = status;
    }
    record_query q = {.eq_names = names, .eq_values = values, .n_eq = n, .limit = 200, .newest_first = 1};
    hg_rc rc = record_list_json(d, &vessel_task_record, &q, out, err);
    if (rc)
        return rc;
    /* a queue names the ship, not only the call: the post that works it (inspection) may not
     * read the call itself */
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(*out, "items"), i, it)
    {
        db_stmt *st = NULL;
        rc = db_query(d, &st, err, "SELECT vessel_name, imo, arrival_port FROM vessel_calls WHERE call_no = ?", "t",
                      json_string_value(json_object_get(it, "call_no")));
        if (!rc && (rc = db_step(st, err)) == HG_ROW) {
            rc = json_object_set_new(it, "vessel_name", json_string(db_col_text(st, 0))) ||
                         json_object_set_new(it, "imo", json_string(db_col_text(st, 1))) ||
                         json_object_set_new(it, "arrival_port", json_string(db_col_text(st, 2)))
                     ? hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory")
                     : HG_OK;
        } else if (rc == HG_DONE)
            rc = HG_OK;
        if (st)
            db_reset(st);
        if (rc)
            break;
    }
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc vessel_task_close(const hg_ctx *c, const char *task_no, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = record_from_json(&vessel_task_close_record, body, REC_CREATE, &r, err);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = record_load_json(c->d, &vessel_task_record, task_no, &before, err);
    int i = rc ? -1 : task_row(json_string_value(json_object_get(before, "kind")));
    /* a task is done by the post that owns it (the issue: each task with an owner post) */
    if (!rc && (i < 0 || !(c->who->posts & task_posts[i].bit)))
        /* TRANSLATORS: 1: kind; 2: i < 0 ? "?" : task_posts[i].post */
        rc = hg_fail(err, HG_FORBIDDEN, "not_the_post", "task_no", "a %s task is done by the %s post",
                     json_string_value(json_object_get(before, "kind")), i < 0 ? "?" : task_posts[i].post);
    if (!rc && strcmp(json_string_value(json_object_get(before, "status")), "open") != 0)
        rc = hg_fail(err, HG_CONFLICT, "task_done", "status", "the task is done already");
    if (!rc)
        rc = db_run(c->d, err,
                    "UPDATE vessel_tasks SET status = 'done', result = ?, done_by = ?, done_ms = ? WHERE task_no = ?",
                    "ttit", record_text(&r, "result"), c->actor, c->now_ms, task_no);
    json_t *detail =
        rc ? NULL
           : json_pack("{s:s, s:s, s:s}", "task_no", task_no, "kind",
                       json_string_value(json_object_get(before, "kind")), "result", record_text(&r, "result"));
    if (!rc)
        rc = detail
                 ? vessel_timeline(c, json_string_value(json_object_get(before, "call_no")), "task_done", detail, err)
                 : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    json_decref(detail);
    if (!rc)
        rc = record_load_json(c->d, &vessel_task_record, task_no, out, err);
    rc = audit_commit(c, rc, "vessel.task_done", "vessel_task", task_no, before, *out, err);
out:
    return vessel_write_done(rc, &r, before, out);
}
