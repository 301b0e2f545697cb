/* test_jobs.c — periodic jobs (jobs.h): a run is claimed once per due time (a second server,
 * or the scheduler looking again, finds it not due), a forced run runs anyway, each run is
 * recorded with its status and failures, a job that leaves a transaction open has failed and
 * written nothing, the metrics show each job, and the purges the jobs run (sessions, sign-in
 * throttle, events, finished webhook deliveries) delete only what is past its time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "scratch_db.h"

#include "platform/auth.h"
#include "platform/db.h"
#include "platform/event.h"
#include "platform/jobs.h"
#include "platform/log.h"
#include "platform/mem.h"
#include "platform/signin_throttle.h"

static int calls;
static hg_rc counting(db *d, hg_err *err)
{
    calls++;
    return db_run(d, err, "INSERT INTO event_seq (id, n) VALUES (?, 0)", "i", (int64_t)(100 + calls));
}
static hg_rc failing(db *d, hg_err *err)
{
    (void)d;
    return hg_fail(err, HG_INVALID, "invalid", NULL, "planted failure");
}
static hg_rc leaves_open(db *d, hg_err *err)
{
    hg_rc rc = db_begin(d, err);
    return rc ? rc : db_run(d, err, "INSERT INTO event_seq (id, n) VALUES (999, 0)", "");
}

static int64_t one(db *d, const char *sql)
{
    int64_t v = -1;
    hg_err e;
    assert_int_equal(db_int(d, &v, &e, sql, ""), HG_OK);
    return v;
}

static void a_due_run_is_claimed_once(void **state)
{
    (void)state;
    db *d = scratch_db_open("jobs");
    hg_job j = {"test.count", "counts", 3600, counting};
    hg_err err, jerr;
    hg_rc jrc;
    int ran = 0;
    calls = 0;
    assert_int_equal(jobs_run(d, &j, 0, &ran, &jrc, &jerr, &err), HG_OK);
    assert_int_equal(ran, 1);
    assert_int_equal(jrc, HG_OK);
    /* not due again for an hour: the scheduler (or another server) does not run it */
    assert_int_equal(jobs_run(d, &j, 0, &ran, &jrc, &jerr, &err), HG_OK);
    assert_int_equal(ran, 0);
    assert_int_equal(calls, 1);
    /* `jobs run NAME` forces it */
    assert_int_equal(jobs_run(d, &j, 1, &ran, &jrc, &jerr, &err), HG_OK);
    assert_int_equal(ran, 1);
    assert_int_equal(calls, 2);
    assert_int_equal(one(d, "SELECT runs FROM job_runs WHERE name = 'test.count'"), 2);
    assert_int_equal(one(d, "SELECT failures FROM job_runs WHERE name = 'test.count'"), 0);
    assert_true(one(d, "SELECT next_due_ms FROM job_runs WHERE name = 'test.count'") > now_ms() + 3500 * 1000);
    /* the lock key is the name's, the same on every server */
    assert_true(jobs_lock_key("test.count") == jobs_lock_key("test.count"));
    assert_true(jobs_lock_key("test.count") != jobs_lock_key("test.other"));
    scratch_db_remove();
}

static void failures_are_recorded(void **state)
{
    (void)state;
    db *d = scratch_db_open("jobs");
    hg_job f = {"test.fail", "fails", 1, failing}, o = {"test.open", "leaves a transaction open", 1, leaves_open};
    hg_err err, jerr;
    hg_rc jrc;
    int ran;
    assert_int_equal(jobs_run(d, &f, 1, &ran, &jrc, &jerr, &err), HG_OK);
    assert_int_equal(jrc, HG_INVALID);
    assert_int_equal(jobs_run(d, &f, 1, &ran, &jrc, &jerr, &err), HG_OK);
    assert_int_equal(one(d, "SELECT failures FROM job_runs WHERE name = 'test.fail'"), 2);
    assert_int_equal(one(d, "SELECT COUNT(*) FROM job_runs WHERE name = 'test.fail' AND last_status = 'failed'"
                            " AND last_error = 'planted failure'"),
                     1);
    assert_int_equal(jobs_run(d, &o, 1, &ran, &jrc, &jerr, &err), HG_OK);
    assert_int_equal(jrc, HG_INTERNAL);
    assert_int_equal(one(d, "SELECT COUNT(*) FROM event_seq WHERE id = 999"), 0);
    assert_false(db_in_transaction(d));
    scratch_db_remove();
}

static void metrics_show_each_job(void **state)
{
    (void)state;
    db *d = scratch_db_open("jobs");
    const hg_job *j = jobs_find("events.purge");
    assert_non_null(j);
    assert_null(jobs_find("no.such"));
    hg_err err, jerr;
    hg_rc jrc;
    int ran;
    assert_int_equal(jobs_run(d, j, 1, &ran, &jrc, &jerr, &err), HG_OK);
    buf b;
    buf_init(&b, 1 << 20);
    assert_int_equal(jobs_metrics_render(d, &b, &err), HG_OK);
    assert_non_null(strstr(b.data, "haiguan_job_runs_total{job=\"events.purge\"} 1\n"));
    assert_non_null(strstr(b.data, "haiguan_job_failures_total{job=\"events.purge\"} 0\n"));
    assert_non_null(strstr(b.data, "haiguan_job_last_success{job=\"events.purge\"} 1\n"));
    assert_non_null(strstr(b.data, "haiguan_job_last_run_timestamp_seconds{job=\"accounts.purge_sessions\"} 0.000\n"));
    buf_free(&b);
    scratch_db_remove();
}

static void purges_delete_only_what_is_past(void **state)
{
    (void)state;
    db *d = scratch_db_open("jobs");
    hg_err err;
    int64_t now = now_ms(), n = -1;
    assert_int_equal(db_run(d, &err,
                            "INSERT INTO users (name, role, password_hash, created_ms, updated_ms)"
                            " VALUES ('u1', 'officer', 'x', 0, 0)",
                            ""),
                     HG_OK);
    int64_t uid = one(d, "SELECT id FROM users WHERE name = 'u1'");
    /* idle 31 minutes (past the 30-minute idle expiry), 13 hours old (past 12 hours), fresh */
    assert_int_equal(db_run(d, &err,
                            "INSERT INTO sessions (token_hash, user_id, csrf, created_ms, last_ms) VALUES"
                            " ('a', ?, 'c', ?, ?), ('b', ?, 'c', ?, ?), ('c', ?, 'c', ?, ?)",
                            "iiiiiiiii", uid, now - 40 * 60000, now - 31 * 60000, uid, now - 13 * 3600000, now - 60000,
                            uid, now - 60000, now),
                     HG_OK);
    assert_int_equal(session_purge(d, now, &n, &err), HG_OK);
    assert_int_equal(n, 2);
    assert_int_equal(one(d, "SELECT COUNT(*) FROM sessions WHERE token_hash = 'c'"), 1);
    /* sign-in counters idle past the 15-minute window go, recent ones stay */
    assert_int_equal(db_run(d, &err,
                            "INSERT INTO login_throttle (subject, failures, pending, last_ms, prev_ms) VALUES"
                            " ('old', 3, 0, ?, 0), ('new', 3, 0, ?, 0)",
                            "ii", now - THROTTLE_WINDOW_MS - 1000, now - 1000),
                     HG_OK);
    assert_int_equal(throttle_purge(d, now, &err), HG_OK);
    assert_int_equal(one(d, "SELECT COUNT(*) FROM login_throttle"), 1);
    /* events older than the retention go; the counter keeps its number */
    assert_int_equal(db_run(d, &err,
                            "INSERT INTO event_outbox (seq, at_ms, type, subject_kind, subject_id, actor, data)"
                            " VALUES (1, ?, 't.x', 'k', '1', 'a', '{}'), (2, ?, 't.x', 'k', '2', 'a', '{}')",
                            "ii", now - 31LL * 86400000, now - 29LL * 86400000),
                     HG_OK);
    const hg_job *j = jobs_find("events.purge");
    hg_err jerr;
    hg_rc jrc;
    int ran;
    assert_int_equal(event_retention_days(), EVENT_RETENTION_DAYS);
    assert_int_equal(jobs_run(d, j, 1, &ran, &jrc, &jerr, &err), HG_OK);
    assert_int_equal(jrc, HG_OK);
    assert_int_equal(one(d, "SELECT COUNT(*) FROM event_outbox"), 1);
    event_set_retention_days(1);
    assert_int_equal(jobs_run(d, j, 1, &ran, &jrc, &jerr, &err), HG_OK);
    assert_int_equal(one(d, "SELECT COUNT(*) FROM event_outbox"), 0);
    /* webhook deliveries that are done and as old as the retention go; pending ones stay */
    assert_int_equal(db_run(d, &err,
                            "INSERT INTO webhook_endpoints (id, enterprise, url, secret, created_by,"
                            " created_ms) VALUES (1, 'E', 'https://x.example/', 'whsec_AA==', 'u', 0)",
                            ""),
                     HG_OK);
    assert_int_equal(db_run(d, &err,
                            "INSERT INTO webhook_deliveries (endpoint_id, seq, event_type, msg_id, status,"
                            " created_ms) VALUES (1, 1, 't', 'm1', 'delivered', ?), (1, 2, 't', 'm2',"
                            " 'pending', ?), (1, 3, 't', 'm3', 'failed', ?), (1, 4, 't', 'm4', 'delivered', ?)",
                            "iiii", now - 2LL * 86400000, now - 2LL * 86400000, now - 2LL * 86400000, now),
                     HG_OK);
    assert_int_equal(jobs_run(d, jobs_find("webhooks.purge"), 1, &ran, &jrc, &jerr, &err), HG_OK);
    assert_int_equal(jrc, HG_OK);
    assert_int_equal(one(d, "SELECT COUNT(*) FROM webhook_deliveries"), 2);
    assert_int_equal(one(d, "SELECT COUNT(*) FROM webhook_deliveries WHERE msg_id IN ('m2', 'm4')"), 2);
    event_set_retention_days(EVENT_RETENTION_DAYS);
    scratch_db_remove();
}

int main(void)
{
    mem_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_due_run_is_claimed_once),
        cmocka_unit_test(failures_are_recorded),
        cmocka_unit_test(metrics_show_each_job),
        cmocka_unit_test(purges_delete_only_what_is_past),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
