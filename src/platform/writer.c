/* writer.c — the group-commit writer thread: a queue of jobs from the HTTP threads, drained
 * in batches, each batch one transaction (the jobs' own transactions become savepoints). */
#include "writer.h"

#include <pthread.h>
#include <string.h>

#include "log.h"

#define BATCH_MAX 512

typedef struct job {
    route_fn fn;
    req *r;
    hg_err *err;
    hg_rc rc;
    int done;
    struct job *next;
} job;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work = PTHREAD_COND_INITIALIZER;
static pthread_cond_t finished = PTHREAD_COND_INITIALIZER;
static job *head, *tail;
static int stopping, running;
static pthread_t thread;
static long jobs_total, batches_total;   /* for the log line at stop: how well commits are shared */

static void run_batch(job *batch)
{
    hg_err gerr;
    hg_err_clear(&gerr);
    db *w = db_thread(&gerr);
    hg_rc grc = w ? db_group_begin(w, &gerr) : HG_UNAVAILABLE;
    for (job *j = batch; j; j = j->next) {
        if (grc) {
            j->rc = grc;
            *j->err = gerr;
            continue;
        }
        j->r->db = w;
        j->rc = j->fn(j->r, j->err);
        if (j->rc && j->err->rc == HG_OK)
            hg_fail(j->err, j->rc, NULL, NULL, "%s", hg_rc_name(j->rc));
    }
    if (!grc && (grc = db_group_end(w, &gerr))) {
        /* nothing of the batch is durable: every request hears so, none is acknowledged */
        log_error("group commit failed: %s", gerr.message);
        for (job *j = batch; j; j = j->next) {
            j->rc = HG_UNAVAILABLE;
            hg_fail(j->err, HG_UNAVAILABLE, "unavailable", NULL, "the change could not be stored; try again");
        }
    }
    pthread_mutex_lock(&mu);
    for (job *j = batch; j; j = j->next)
        j->done = 1;
    pthread_cond_broadcast(&finished);
    pthread_mutex_unlock(&mu);
}

static void *writer_main(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&mu);
        while (!head && !stopping)
            pthread_cond_wait(&work, &mu);
        if (!head && stopping) {
            pthread_mutex_unlock(&mu);
            break;
        }
        job *batch = head, *last = head;
        int n = 1;
        while (last->next && n < BATCH_MAX) {
            last = last->next;
            n++;
        }
        head = last->next;
        if (!head)
            tail = NULL;
        last->next = NULL;
        jobs_total += n;
        batches_total++;
        pthread_mutex_unlock(&mu);
        run_batch(batch);
    }
    db_thread_close();
    return NULL;
}

hg_rc writer_start(hg_err *err)
{
    stopping = 0;
    if (pthread_create(&thread, NULL, writer_main, NULL) != 0)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "cannot start the writer thread");
    running = 1;
    return HG_OK;
}

void writer_stop(void)
{
    if (!running)
        return;
    pthread_mutex_lock(&mu);
    stopping = 1;
    pthread_cond_signal(&work);
    pthread_mutex_unlock(&mu);
    pthread_join(thread, NULL);
    running = 0;
    log_info("writer: %ld writes in %ld commits", jobs_total, batches_total);
}

hg_rc writer_run(route_fn fn, req *r, hg_err *err)
{
    job j;
    memset(&j, 0, sizeof j);
    j.fn = fn;
    j.r = r;
    j.err = err;
    pthread_mutex_lock(&mu);
    if (tail)
        tail->next = &j;
    else
        head = &j;
    tail = &j;
    pthread_cond_signal(&work);
    while (!j.done)
        pthread_cond_wait(&finished, &mu);
    pthread_mutex_unlock(&mu);
    return j.rc;
}
