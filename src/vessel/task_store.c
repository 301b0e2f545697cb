/* task_store.c — disposal tasks of a call (boarding quarantine, crew sampling, disinfection
 * supervision, free pratique), each with its owner post, deadline and result: made by the
 * level and the applications inside their writes' transactions, done by the write that does
 * the work, read as queues by post. */
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../platform/calendar.h"
#include "vessel.h"

hg_rc vessel_task_open(const hg_ctx *c, const char *call_no, const char *kind, const char *post, int64_t deadline_ms,
                       hg_err *err)
{
    int64_t n = 0, serial = 0;
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
    return record_list_json(d, &vessel_task_record, &q, out, err);
}
