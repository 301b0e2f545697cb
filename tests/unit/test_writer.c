/* test_writer.c — the group-commit writer: requests of one batch that fail after writing
 * undo only their own writes, though the batch first runs without savepoints; once draining
 * for a stop has begun, new writes are refused. */
#include <pthread.h>
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

#include "platform/db.h"
#include "platform/http.h"
#include "platform/writer.h"

#define JOBS 5

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int submitted, finished;

/* Inserts the value named by the request's first parameter; "fail" values insert and then
 * fail, as a request refused after it wrote would. */
static hg_rc insert_value(req *r, hg_err *err)
{
    int64_t v = strtol(r->params[0], NULL, 10);
    hg_rc rc = db_begin(r->db, err);
    if (!rc)
        rc = db_run(r->db, err, "INSERT INTO t_writer (v) VALUES (?)", "i", v);
    if (!rc && strcmp(r->params[1], "fail") == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "v", "refused after writing %s", r->params[0]);
    if (rc) {
        db_rollback(r->db);
        return rc;
    }
    rc = db_commit(r->db, err);
    return rc ? rc : req_reply_raw(r, 201, "text/plain", r->params[0], strlen(r->params[0]));
}

/* The first request holds the writer until the others are queued, so that they share a batch. */
static hg_rc hold_then_insert(req *r, hg_err *err)
{
    pthread_mutex_lock(&mu);
    while (submitted < JOBS)
        pthread_cond_wait(&changed, &mu);
    pthread_mutex_unlock(&mu);
    return insert_value(r, err);
}

static int queued_late;
static void count_queued(void *cls)
{
    (void)cls;
    queued_late++;
}

static void on_done(void *cls)
{
    (void)cls;
    pthread_mutex_lock(&mu);
    finished++;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&mu);
}

static void failed_request_undoes_only_its_writes(void **state)
{
    (void)state;
    char dir[] = "/tmp/hg-writer-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/w.db", dir);
    db_set_url(path);
    hg_err e;
    db *d = db_thread(&e);
    assert_non_null(d);
    assert_int_equal(db_exec(d, "CREATE TABLE t_writer (v INTEGER PRIMARY KEY)", &e), HG_OK);
    assert_int_equal(writer_start(&e), HG_OK);

    static const char *const values[JOBS][2] = {{"1", "ok"}, {"2", "ok"}, {"3", "fail"}, {"4", "ok"}, {"5", "fail"}};
    req r[JOBS];
    hg_err err[JOBS];
    hg_rc rc[JOBS];
    memset(r, 0, sizeof r);
    for (int i = 0; i < JOBS; i++) {
        buf_init(&r[i].out, 1024);
        buf_init(&r[i].extra_headers, 1024);
        r[i].params[0] = values[i][0];
        r[i].params[1] = values[i][1];
        hg_err_clear(&err[i]);
        assert_int_equal(writer_submit(i == 0 ? hold_then_insert : insert_value, &r[i], &err[i], &rc[i], NULL, on_done, NULL),
                         HG_OK);
        pthread_mutex_lock(&mu);
        submitted++;
        pthread_cond_broadcast(&changed);
        pthread_mutex_unlock(&mu);
    }
    pthread_mutex_lock(&mu);
    while (finished < JOBS)
        pthread_cond_wait(&changed, &mu);
    pthread_mutex_unlock(&mu);

    for (int i = 0; i < JOBS; i++) {
        int ok = strcmp(values[i][1], "ok") == 0;
        assert_int_equal(rc[i], ok ? HG_OK : HG_CONFLICT);
        assert_int_equal(r[i].status, ok ? 201 : 0);
        if (ok)
            assert_string_equal(buf_str(&r[i].out), values[i][0]);
        else
            assert_string_equal(err[i].field, "v");
    }
    assert_true(writer_reruns() >= 1);
    /* once draining has begun, a new write is refused and nothing is suspended for it */
    writer_drain();
    req late;
    hg_err late_err;
    hg_rc late_rc = HG_OK;
    memset(&late, 0, sizeof late);
    hg_err_clear(&late_err);
    queued_late = 0;
    assert_int_equal(writer_submit(insert_value, &late, &late_err, &late_rc, count_queued, on_done, NULL),
                     HG_UNAVAILABLE);
    assert_int_equal(queued_late, 0);
    writer_stop();
    int64_t n = 0, sum = 0;
    assert_int_equal(db_int(d, &n, &e, "SELECT COUNT(*) FROM t_writer", NULL), HG_OK);
    assert_int_equal(db_int(d, &sum, &e, "SELECT SUM(v) FROM t_writer", NULL), HG_OK);
    assert_int_equal(n, 3);
    assert_int_equal(sum, 1 + 2 + 4);
    for (int i = 0; i < JOBS; i++) {
        buf_free(&r[i].out);
        buf_free(&r[i].extra_headers);
    }
    db_thread_close();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* ---- an urgent write (ROUTE_URGENT: a gate's decision) does not queue behind the others ---- */

static int started, released, order[8], nrun;

static hg_rc note_run(req *r, hg_err *err)
{
    (void)err;
    pthread_mutex_lock(&mu);
    order[nrun++] = (int)strtol(r->params[0], NULL, 10);
    pthread_mutex_unlock(&mu);
    return req_reply_raw(r, 201, "text/plain", "", 0);
}

/* Holds the writer inside its batch until the test has queued the others behind it. */
static hg_rc hold_until_released(req *r, hg_err *err)
{
    pthread_mutex_lock(&mu);
    started = 1;
    pthread_cond_broadcast(&changed);
    while (!released)
        pthread_cond_wait(&changed, &mu);
    pthread_mutex_unlock(&mu);
    return note_run(r, err);
}

static void urgent_write_is_batched_before_the_queue(void **state)
{
    (void)state;
    scratch_db_open("writer");
    hg_err e;
    assert_int_equal(writer_start(&e), HG_OK);
    static const route ordinary = {.method = "POST", .pattern = "/x"};
    static const route urgent = {.method = "POST", .pattern = "/gate", .flags = ROUTE_URGENT};
    /* 0 holds the writer; 1-3 ordinary and 4 urgent queue behind it, 4 last */
    static const char *const ids[] = {"0", "1", "2", "3", "4"};
    req r[5];
    hg_err err[5];
    hg_rc rc[5];
    memset(r, 0, sizeof r);
    finished = 0;
    for (int i = 0; i < 5; i++) {
        buf_init(&r[i].out, 64);
        buf_init(&r[i].extra_headers, 64);
        r[i].params[0] = ids[i];
        r[i].route = i == 4 ? &urgent : &ordinary;
        hg_err_clear(&err[i]);
        assert_int_equal(writer_submit(i == 0 ? hold_until_released : note_run, &r[i], &err[i], &rc[i], NULL,
                                       on_done, NULL),
                         HG_OK);
        if (i == 0) {   /* the writer has taken 0 alone: the rest queue behind it */
            pthread_mutex_lock(&mu);
            while (!started)
                pthread_cond_wait(&changed, &mu);
            pthread_mutex_unlock(&mu);
        }
    }
    pthread_mutex_lock(&mu);
    released = 1;
    pthread_cond_broadcast(&changed);
    while (finished < 5)
        pthread_cond_wait(&changed, &mu);
    pthread_mutex_unlock(&mu);
    /* the urgent one ran right after the batch it waited for, before the ordinary queue */
    assert_int_equal(nrun, 5);
    assert_int_equal(order[0], 0);
    assert_int_equal(order[1], 4);
    assert_int_equal(order[2], 1);
    writer_stop();
    for (int i = 0; i < 5; i++) {
        buf_free(&r[i].out);
        buf_free(&r[i].extra_headers);
    }
    scratch_db_remove();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(failed_request_undoes_only_its_writes),
        cmocka_unit_test(urgent_write_is_batched_before_the_queue),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
