/* test_events.c — events in the transaction, effects after it: post-commit effects on a plain
 * connection and in the group-commit writer (run once when durable; dropped on rollback, on a
 * savepoint's rollback, on a re-run batch and on a failed commit), the outbox's gap-free
 * sequence and its reader and purge, subscribers, and the regression of issue 12: a risk rule
 * change whose batch fails to commit leaves the rule set as it was, and the next real change
 * is picked up. */
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
#include "platform/event.h"
#include "platform/http.h"
#include "platform/module.h"
#include "platform/writer.h"
#include "risk/risk.h"
#include "risk/risk_store.h"

/* ---- effects that count ---- */

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int ran, dropped;

static void count_run(void *cls)
{
    pthread_mutex_lock(&mu);
    ran += (int)(intptr_t)cls;
    pthread_mutex_unlock(&mu);
}

static void count_drop(void *cls)
{
    pthread_mutex_lock(&mu);
    dropped += (int)(intptr_t)cls;
    pthread_mutex_unlock(&mu);
}

static void reset_counts(void)
{
    pthread_mutex_lock(&mu);
    ran = dropped = 0;
    pthread_mutex_unlock(&mu);
}

static void effects_on_a_plain_connection(void **state)
{
    (void)state;
    db *d = scratch_db_open("events");
    hg_err e;
    reset_counts();
    /* outside a transaction: at once */
    assert_int_equal(db_after_commit(d, count_run, count_drop, (void *)1, &e), HG_OK);
    assert_int_equal(ran, 1);
    /* inside: only after the commit */
    assert_int_equal(db_begin(d, &e), HG_OK);
    assert_true(db_in_transaction(d));
    assert_int_equal(db_after_commit(d, count_run, count_drop, (void *)10, &e), HG_OK);
    assert_int_equal(ran, 1);
    assert_int_equal(db_commit(d, &e), HG_OK);
    assert_false(db_in_transaction(d));
    assert_int_equal(ran, 11);
    /* refused: a rollback drops them */
    assert_int_equal(db_begin(d, &e), HG_OK);
    assert_int_equal(db_after_commit(d, count_run, count_drop, (void *)100, &e), HG_OK);
    db_rollback(d);
    assert_int_equal(ran, 11);
    assert_int_equal(dropped, 100);
    /* a group with savepoints: a job's rollback drops only its own */
    reset_counts();
    assert_int_equal(db_group_begin(d, &e), HG_OK);
    assert_int_equal(db_begin(d, &e), HG_OK);
    assert_int_equal(db_after_commit(d, count_run, count_drop, (void *)1, &e), HG_OK);
    assert_int_equal(db_commit(d, &e), HG_OK);
    assert_int_equal(db_begin(d, &e), HG_OK);
    assert_int_equal(db_after_commit(d, count_run, count_drop, (void *)2, &e), HG_OK);
    db_rollback(d);
    assert_int_equal(dropped, 2);
    assert_int_equal(db_group_end(d, &e), HG_OK);
    assert_int_equal(ran, 0);   /* the group's owner runs them once durable */
    db_effects_run(db_effects_take(d));
    assert_int_equal(ran, 1);
    /* an abandoned group drops everything */
    reset_counts();
    assert_int_equal(db_group_begin_optimistic(d, &e), HG_OK);
    assert_int_equal(db_begin(d, &e), HG_OK);
    assert_int_equal(db_after_commit(d, count_run, count_drop, (void *)4, &e), HG_OK);
    assert_int_equal(db_commit(d, &e), HG_OK);
    db_group_abandon(d);
    assert_int_equal(ran, 0);
    assert_int_equal(dropped, 4);
    assert_null(db_effects_take(d));
    scratch_db_remove();
}

/* ---- the outbox ---- */

static int collect(const event_row *e, void *cls)
{
    json_t *a = cls;
    json_array_append_new(a, event_row_json(e));
    return 0;
}

static hg_rc emit_one(db *d, const char *type, const char *enterprise, int64_t *seq, hg_err *e)
{
    json_t *data = json_pack("{s:s}", "k", "v");
    event ev = {.type = type, .subject_kind = "declaration", .subject_id = "D1", .enterprise = enterprise,
                .actor = "tester", .request_id = "req-1", .data = data};
    hg_rc rc = event_emit(d, &ev, seq, e);
    json_decref(data);
    return rc;
}

static void outbox_is_gap_free(void **state)
{
    (void)state;
    db *d = scratch_db_open("events");
    hg_err e;
    int64_t seq = 0, last = -1;
    assert_int_equal(event_last_seq(d, &last, &e), HG_OK);
    assert_int_equal(last, 0);
    assert_int_equal(db_begin(d, &e), HG_OK);
    assert_int_equal(emit_one(d, "declaration.filed", "91350100M000100Y43", &seq, &e), HG_OK);
    assert_int_equal(seq, 1);
    assert_int_equal(emit_one(d, "declaration.filed", "91210200MA0000000X", &seq, &e), HG_OK);
    assert_int_equal(seq, 2);
    assert_int_equal(db_commit(d, &e), HG_OK);
    /* a rolled-back transaction gives its numbers back */
    assert_int_equal(db_begin(d, &e), HG_OK);
    assert_int_equal(emit_one(d, "declaration.released", "91350100M000100Y43", &seq, &e), HG_OK);
    assert_int_equal(seq, 3);
    db_rollback(d);
    assert_int_equal(db_begin(d, &e), HG_OK);
    assert_int_equal(emit_one(d, "declaration.released", NULL, &seq, &e), HG_OK);
    assert_int_equal(seq, 3);
    assert_int_equal(db_commit(d, &e), HG_OK);
    json_t *all = json_array();
    assert_int_equal(event_read_after(d, 0, 100, NULL, collect, all, &e), HG_OK);
    assert_int_equal(json_array_size(all), 3);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(json_integer_value(json_object_get(json_array_get(all, i), "seq")), (json_int_t)i + 1);
    json_t *first = json_array_get(all, 0);
    assert_string_equal(json_string_value(json_object_get(first, "type")), "declaration.filed");
    assert_string_equal(json_string_value(json_object_get(first, "request_id")), "req-1");
    assert_string_equal(json_string_value(json_object_get(json_object_get(first, "data"), "k")), "v");
    assert_true(json_is_null(json_object_get(json_array_get(all, 2), "enterprise")));
    json_decref(all);
    /* one enterprise's events only, and paging after a seq */
    json_t *mine = json_array();
    assert_int_equal(event_read_after(d, 0, 100, "91350100M000100Y43", collect, mine, &e), HG_OK);
    assert_int_equal(json_array_size(mine), 1);
    json_decref(mine);
    json_t *later = json_array();
    assert_int_equal(event_read_after(d, 2, 100, NULL, collect, later, &e), HG_OK);
    assert_int_equal(json_array_size(later), 1);
    json_decref(later);
    /* refused: a bad limit, an event without its type, data that is not an object */
    assert_int_equal(event_read_after(d, 0, 0, NULL, collect, NULL, &e), HG_INVALID);
    assert_string_equal(e.field, "limit");
    assert_int_equal(db_begin(d, &e), HG_OK);
    assert_int_equal(emit_one(d, NULL, NULL, &seq, &e), HG_INVALID);
    assert_string_equal(e.field, "type");
    json_t *arr = json_array();
    event bad = {.type = "x.y", .subject_kind = "k", .subject_id = "1", .actor = "a", .data = arr};
    assert_int_equal(event_emit(d, &bad, NULL, &e), HG_INVALID);
    assert_string_equal(e.field, "data");
    json_decref(arr);
    db_rollback(d);
    /* the purge keeps what is younger than its days and never reuses a number */
    int64_t deleted = -1;
    assert_int_equal(event_purge(d, 0, &deleted, &e), HG_INVALID);
    assert_int_equal(event_purge(d, 30, &deleted, &e), HG_OK);
    assert_int_equal(deleted, 0);
    assert_int_equal(db_run(d, &e, "UPDATE event_outbox SET at_ms = at_ms - 31 * 86400000 WHERE seq <= 2", ""), HG_OK);
    assert_int_equal(event_purge(d, 30, &deleted, &e), HG_OK);
    assert_int_equal(deleted, 2);
    int64_t firstseq = 0;
    assert_int_equal(event_first_seq(d, &firstseq, &e), HG_OK);
    assert_int_equal(firstseq, 3);
    assert_int_equal(db_begin(d, &e), HG_OK);
    assert_int_equal(emit_one(d, "declaration.filed", NULL, &seq, &e), HG_OK);
    assert_int_equal(db_commit(d, &e), HG_OK);
    assert_int_equal(seq, 4);
    /* the stream's signal: an emit made durable moves it */
    assert_true(event_durable_seq() >= 4);
    assert_int_equal(event_wait(0, 10), event_durable_seq());
    scratch_db_remove();
}

/* ---- the writer: effects once the batch is durable, once ---- */

#define JOBS 4
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int finished;

/* Writes a row and registers an effect worth params[0]; "fail" refuses after writing, which
 * spoils the optimistic batch so that it runs again with savepoints. */
static hg_rc write_with_effect(req *r, hg_err *err)
{
    int v = (int)strtol(r->params[0], NULL, 10);
    hg_rc rc = db_begin(r->db, err);
    if (!rc)
        rc = db_run(r->db, err, "INSERT INTO t_fx (v) VALUES (?)", "i", (int64_t)v);
    if (!rc)
        rc = db_after_commit(r->db, count_run, count_drop, (void *)(intptr_t)v, err);
    if (!rc)
        rc = event_emit(r->db,
                        &(event){.type = "test.written", .subject_kind = "value", .subject_id = r->params[0],
                                 .actor = "tester"},
                        NULL, err);
    if (!rc && strcmp(r->params[1], "fail") == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "v", "refused after writing");
    if (rc) {
        db_rollback(r->db);
        return rc;
    }
    return db_commit(r->db, err);
}

/* The gate: a job alone in its batch that holds the writer until released, so that the jobs
 * queued meanwhile make up the next batch together. */
static int gate_running, gate_open;

static hg_rc gate(req *r, hg_err *err)
{
    (void)r;
    (void)err;
    pthread_mutex_lock(&mu);
    gate_running = 1;
    pthread_cond_broadcast(&changed);
    while (!gate_open)
        pthread_cond_wait(&changed, &mu);
    pthread_mutex_unlock(&mu);
    return HG_OK;
}

static void on_done(void *cls)
{
    (void)cls;
    pthread_mutex_lock(&mu);
    finished++;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&mu);
}

/* Runs the jobs in one batch (behind the gate) and waits for all of them. With fail, that
 * batch's commit fails (the gate's batch, which writes nothing, fails too). */
static void run_in_one_batch(const char *const values[][2], int n, hg_rc *rc, int fail)
{
    req r[JOBS + 1];
    hg_err err[JOBS + 1];
    hg_rc gate_rc = HG_OK;
    memset(r, 0, sizeof r);
    for (int i = 0; i <= n; i++) {
        buf_init(&r[i].out, 1024);
        buf_init(&r[i].extra_headers, 1024);
        hg_err_clear(&err[i]);
    }
    pthread_mutex_lock(&mu);
    finished = gate_running = gate_open = 0;
    pthread_mutex_unlock(&mu);
    if (fail)
        writer_fail_commits(2);
    assert_int_equal(writer_submit(gate, &r[n], &err[n], &gate_rc, NULL, on_done, NULL), HG_OK);
    pthread_mutex_lock(&mu);
    while (!gate_running)
        pthread_cond_wait(&changed, &mu);
    pthread_mutex_unlock(&mu);
    for (int i = 0; i < n; i++) {
        r[i].params[0] = values[i][0];
        r[i].params[1] = values[i][1];
        assert_int_equal(writer_submit(write_with_effect, &r[i], &err[i], &rc[i], NULL, on_done, NULL), HG_OK);
    }
    pthread_mutex_lock(&mu);
    gate_open = 1;
    pthread_cond_broadcast(&changed);
    while (finished < n + 1)
        pthread_cond_wait(&changed, &mu);
    pthread_mutex_unlock(&mu);
    for (int i = 0; i <= n; i++) {
        buf_free(&r[i].out);
        buf_free(&r[i].extra_headers);
    }
}

static void writer_runs_effects_once_when_durable(void **state)
{
    (void)state;
    db *d = scratch_db_open("events");
    hg_err e;
    assert_int_equal(db_exec(d, "CREATE TABLE t_fx (v INTEGER PRIMARY KEY)", &e), HG_OK);
    assert_int_equal(writer_start(&e), HG_OK);
    hg_rc rc[JOBS];

    /* a spoiled batch runs twice; only the run that commits has its effects run, and the
     * refused requests' effects never */
    reset_counts();
    long reruns = writer_reruns();
    static const char *const mixed[JOBS][2] = {{"1", "ok"}, {"2", "fail"}, {"4", "ok"}, {"8", "fail"}};
    run_in_one_batch(mixed, JOBS, rc, 0);
    assert_int_equal(rc[0], HG_OK);
    assert_int_equal(rc[1], HG_CONFLICT);
    assert_true(writer_reruns() > reruns);
    pthread_mutex_lock(&mu);
    assert_int_equal(ran, 1 + 4);
    pthread_mutex_unlock(&mu);

    /* a commit that fails: nothing stored, no effect */
    reset_counts();
    static const char *const good[JOBS][2] = {{"16", "ok"}, {"32", "ok"}, {"64", "ok"}, {"128", "ok"}};
    run_in_one_batch(good, JOBS, rc, 1);
    for (int i = 0; i < JOBS; i++)
        assert_int_equal(rc[i], HG_UNAVAILABLE);
    pthread_mutex_lock(&mu);
    assert_int_equal(ran, 0);
    assert_int_equal(dropped, 16 + 32 + 64 + 128);
    pthread_mutex_unlock(&mu);
    int64_t n = -1;
    assert_int_equal(db_int(d, &n, &e, "SELECT COUNT(*) FROM t_fx WHERE v >= 16", ""), HG_OK);
    assert_int_equal(n, 0);

    /* and the same again, committed: every effect once */
    reset_counts();
    run_in_one_batch(good, JOBS, rc, 0);
    for (int i = 0; i < JOBS; i++)
        assert_int_equal(rc[i], HG_OK);
    pthread_mutex_lock(&mu);
    assert_int_equal(ran, 16 + 32 + 64 + 128);
    pthread_mutex_unlock(&mu);
    /* the events of the requests that stayed, once each and numbered without gaps: neither the
     * spoiled run, nor the refused requests, nor the failed commit left a number taken */
    int64_t count = -1, first = -1, last = -1;
    assert_int_equal(db_int(d, &count, &e, "SELECT COUNT(*) FROM event_outbox WHERE type = 'test.written'", ""),
                     HG_OK);
    assert_int_equal(db_int(d, &first, &e, "SELECT MIN(seq) FROM event_outbox", ""), HG_OK);
    assert_int_equal(db_int(d, &last, &e, "SELECT MAX(seq) FROM event_outbox", ""), HG_OK);
    assert_int_equal(count, 2 + JOBS);
    assert_int_equal(first, 1);
    assert_int_equal(last, count);
    assert_int_equal(db_int(d, &n, &e, "SELECT COUNT(DISTINCT subject_id) FROM event_outbox", ""), HG_OK);
    assert_int_equal(n, count);
    writer_drain();
    writer_stop();
    scratch_db_remove();
}

/* ---- issue 12's defect: a rule change is installed only once durable ---- */

static const char *rule_name;

static hg_rc create_rule(req *r, hg_err *err)
{
    json_t *body = json_pack("{s:s, s:s, s:[{s:s, s:[s]}], s:{s:s}}", "name", rule_name, "source", "district",
                             "conditions", "kind", "hs_prefix", "values", "030617", "action", "lane", "red");
    json_t *out = NULL;
    hg_ctx c = ctx_command(r->db, "tester");
    c.request_id = r->request_id;
    hg_rc rc = risk_rule_create(&c, body, &out, err);
    json_decref(body);
    json_decref(out);
    return rc;
}

static hg_rc run_one(route_fn fn)
{
    req r;
    hg_err err;
    hg_rc rc = HG_OK;
    memset(&r, 0, sizeof r);
    buf_init(&r.out, 1024);
    buf_init(&r.extra_headers, 1024);
    hg_err_clear(&err);
    pthread_mutex_lock(&mu);
    finished = 0;
    pthread_mutex_unlock(&mu);
    assert_int_equal(writer_submit(fn, &r, &err, &rc, NULL, on_done, NULL), HG_OK);
    pthread_mutex_lock(&mu);
    while (finished < 1)
        pthread_cond_wait(&changed, &mu);
    pthread_mutex_unlock(&mu);
    buf_free(&r.out);
    buf_free(&r.extra_headers);
    return rc;
}

/* The size and generation of the set the server screens with, and whether rule 1 in it is
 * called name1 (when name1 is not NULL). */
static void current_rules(db *d, size_t *count, int64_t *generation, const char *name1)
{
    risk_set *s = NULL;
    hg_err e;
    assert_int_equal(risk_current(d, &s, &e), HG_OK);
    *count = risk_set_count(s);
    *generation = risk_set_generation(s);
    if (name1) {
        const risk_rule *r = risk_set_rule(s, 1);
        assert_non_null(r);
        assert_string_equal(r->name, name1);
    }
    risk_set_release(s);
}

static void failed_commit_leaves_the_rule_set(void **state)
{
    (void)state;
    db *d = scratch_db_open("events");
    hg_err e;
    setenv("HAIGUAN_KEYS", scratch_db_dir(), 1);
    assert_int_equal(writer_start(&e), HG_OK);
    size_t n0;
    int64_t g0;
    current_rules(d, &n0, &g0, NULL);

    /* the rule's batch fails to commit: the server's set is the one it had */
    rule_name = "never stored";
    writer_fail_commits(1);
    assert_int_equal(run_one(create_rule), HG_UNAVAILABLE);
    size_t n1;
    int64_t g1;
    current_rules(d, &n1, &g1, NULL);
    assert_int_equal(n1, n0);
    assert_int_equal(g1, g0);
    int64_t stored = -1;
    assert_int_equal(db_int(d, &stored, &e, "SELECT COUNT(*) FROM risk_rules", ""), HG_OK);
    assert_int_equal(stored, 0);

    /* the next real change takes the generation number the failed one was given, and is
     * screened with all the same */
    rule_name = "stored";
    assert_int_equal(run_one(create_rule), HG_OK);
    size_t n2;
    int64_t g2;
    current_rules(d, &n2, &g2, "stored");
    assert_int_equal(n2, n0 + 1);
    assert_int_equal(g2, g0 + 1);
    writer_drain();
    writer_stop();
    unsetenv("HAIGUAN_KEYS");
    scratch_db_remove();
}

/* ---- subscribers run inside the emitting transaction ---- */

/* Writes what it heard in the caller's transaction; refuses events of subject "refused". */
static hg_rc note_event(db *d, const event_row *e, hg_err *err)
{
    if (strcmp(e->subject_id, "refused") == 0)
        return hg_fail(err, HG_CONFLICT, "conflict", "subject_id", "refused by the subscriber");
    return db_run(d, err, "INSERT INTO t_heard (seq, type) VALUES (?, ?)", "it", e->seq, e->type);
}

static const event_subscription test_subscriptions[] = {
    {"declaration.", note_event},
    {"tax.paid", note_event},
    {NULL, NULL},
};

static void subscribers_write_in_the_transaction(void **state)
{
    (void)state;
    db *d = scratch_db_open("events");
    hg_err e;
    int64_t n = -1;
    assert_int_equal(db_exec(d, "CREATE TABLE t_heard (seq BIGINT, type TEXT)", &e), HG_OK);
    event_row filed = {.seq = 1, .type = "declaration.filed", .subject_id = "D1"};
    event_row due = {.seq = 2, .type = "tax.due", .subject_id = "D1"};
    event_row refused = {.seq = 3, .type = "declaration.released", .subject_id = "refused"};
    assert_int_equal(db_begin(d, &e), HG_OK);
    assert_int_equal(event_dispatch(d, &filed, test_subscriptions, &e), HG_OK);
    assert_int_equal(event_dispatch(d, &due, test_subscriptions, &e), HG_OK);   /* no subscriber */
    assert_int_equal(event_dispatch(d, &refused, test_subscriptions, &e), HG_CONFLICT);
    db_rollback(d);   /* the caller's change fails with it: nothing the subscriber wrote stays */
    assert_int_equal(db_int(d, &n, &e, "SELECT COUNT(*) FROM t_heard", ""), HG_OK);
    assert_int_equal(n, 0);
    assert_int_equal(db_begin(d, &e), HG_OK);
    assert_int_equal(event_dispatch(d, &filed, test_subscriptions, &e), HG_OK);
    assert_int_equal(db_commit(d, &e), HG_OK);
    assert_int_equal(db_int(d, &n, &e, "SELECT COUNT(*) FROM t_heard WHERE type = 'declaration.filed'", ""), HG_OK);
    assert_int_equal(n, 1);
    scratch_db_remove();
}

static void subscriptions_match_types(void **state)
{
    (void)state;
    assert_true(event_type_matches("declaration.released", "declaration.released"));
    assert_false(event_type_matches("declaration.released", "declaration.refused"));
    assert_true(event_type_matches("declaration.", "declaration.refused"));
    assert_false(event_type_matches("declaration.", "tax.paid"));
    assert_false(event_type_matches("declaration", "declaration.filed"));
    assert_true(event_type_matches("*", "tax.paid"));
    /* every module's table is well formed: each row names a type and a function */
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const event_subscription *s = (*m)->subscriptions; s && s->type; s++)
            assert_non_null(s->fn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(effects_on_a_plain_connection),
        cmocka_unit_test(outbox_is_gap_free),
        cmocka_unit_test(writer_runs_effects_once_when_durable),
        cmocka_unit_test(failed_commit_leaves_the_rule_set),
        cmocka_unit_test(subscriptions_match_types),
        cmocka_unit_test(subscribers_write_in_the_transaction),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
