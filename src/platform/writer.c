/* writer.c — the group-commit writer thread: a queue of jobs from the HTTP threads, drained
 * in batches, each batch one transaction (run without a savepoint per job, and again with
 * them when a job fails after writing: run_jobs). A batch's post-commit effects (db.h:
 * db_after_commit) are taken at its commit and run once it is durable, before its requests are
 * answered; a spoiled run's and a failed commit's are dropped.
 * On SQLite two more threads keep the disk off the writer's path: a syncer makes each
 * committed batch durable (fdatasync of the WAL) and only then lets its requests answer, while
 * the writer already runs the next batch; a checkpointer copies the WAL into the database. */
#include "writer.h"

#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "mem.h"

#define BATCH_MAX 512

typedef struct job {
    route_fn fn;
    req *r;
    hg_err *err;
    hg_rc *rc;               /* the requester's */
    void (*on_done)(void *); /* called once finished; the job is then freed */
    void *cls;
    db_effects *fx; /* on a batch's first job: the batch's post-commit effects */
    int urgent;     /* its route is ROUTE_URGENT: it does not queue behind the others */
    struct job *next;
} job;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work = PTHREAD_COND_INITIALIZER;
/* Two queues: urgent writes (a gate's decision, a truck waiting at the barrier) are batched on
 * their own and before the rest, so that they wait at most for the batch being written, never
 * behind a queue of declarations; the others in the order they came. */
static struct queue {
    job *head, *tail;
} queues[2];
#define URGENT 0
#define ORDINARY 1
static int stopping, running;
static pthread_t thread;
static long jobs_total, batches_total; /* for the log line at stop: how well commits are shared */
static long reruns_total;              /* batches a failed request made run twice */
static long wal_restarts_total;
static pthread_t checkpointer;
static int checkpointing;
static pthread_cond_t tick = PTHREAD_COND_INITIALIZER;

#define CHECKPOINT_EVERY_MS 250
/* Past this many frames (of 4 KiB pages: 64 MiB by default, serve --wal-mb) the WAL is made to
 * start over (checkpointer_main), once no more than RESTART_LEFT_FRAMES are left to copy. */
static long wal_restart_frames = 64L * 256;
#define RESTART_LEFT_FRAMES 256
#define RESTART_WAIT_MS 20
static int restart_wanted;
static int hurry; /* the WAL is past its bound: the checkpointer's turn is now */

/* The syncer: committed batches waiting for their fdatasync, oldest first. */
static pthread_t syncer;
static int syncing, wal_fd = -1;
static pthread_cond_t committed = PTHREAD_COND_INITIALIZER;
static job *sync_head, *sync_tail; /* chained through next, batch after batch */
static int sync_started;

static long pending;     /* jobs submitted and not yet finished, for writer_drain */
static int fail_commits; /* tests: the next this many group commits fail (writer_fail_commits) */
static int closing;      /* writer_drain has begun: no more jobs */
static pthread_cond_t drained = PTHREAD_COND_INITIALIZER;

/* Under mu: the jobs from j on are finished; call each one's back. */
static void finish(job *j)
{
    for (job *next; j; j = next) {
        next = j->next; /* j's request may be answered as soon as it is called back */
        void (*on_done)(void *) = j->on_done;
        void *cls = j->cls;
        xfree(j);
        on_done(cls);
        if (--pending == 0)
            pthread_cond_broadcast(&drained);
    }
}

/* One fdatasync covers every batch committed before it: WAL frames are appended in order. */
static void *syncer_main(void *arg)
{
    (void)arg;
    pthread_setname_np(pthread_self(), "hg-syncer");
    pthread_mutex_lock(&mu);
    for (;;) {
        while (!sync_head && !stopping)
            pthread_cond_wait(&committed, &mu);
        if (!sync_head)
            break;
        job *batch = sync_head;
        sync_head = sync_tail = NULL;
        pthread_mutex_unlock(&mu);
        int failed = fdatasync(wal_fd) != 0;
        if (failed) {
            log_error("fdatasync of the WAL failed: the last commits may not survive a power loss");
            for (job *j = batch; j; j = j->next) {
                *j->rc = HG_UNAVAILABLE;
                hg_fail(j->err, HG_UNAVAILABLE, "unavailable", NULL,
                        "the change was written but could not be made durable; check before retrying");
            }
        }
        /* effects only of what is durable; whoever needs the dropped ones' state reads it
         * from the database (the risk rule set compares generations at each screening) */
        for (job *j = batch; j; j = j->next) {
            if (failed)
                db_effects_drop(j->fx);
            else
                db_effects_run(j->fx);
            j->fx = NULL;
        }
        pthread_mutex_lock(&mu);
        finish(batch);
    }
    pthread_mutex_unlock(&mu);
    return NULL;
}

/* One checkpoint: sql is "PRAGMA wal_checkpoint(MODE)". Returns the WAL frames it left uncopied
 * (those added meanwhile, or still needed by a reader), or -1 on failure; *frames is the WAL's
 * length in frames and *busy says a RESTART could not wait out the readers. */
static long checkpoint(db *d, const char *sql, long *frames, int *busy)
{
    hg_err err;
    db_stmt *s = NULL;
    long left = -1;
    hg_rc rc = db_query(d, &s, &err, sql, NULL);
    if (!rc && (rc = db_step(s, &err)) == HG_ROW) {
        *busy = (int)db_col_int(s, 0);
        *frames = (long)db_col_int(s, 1);
        left = *frames - (long)db_col_int(s, 2);
    }
    if (s)
        db_reset(s);
    if (left < 0)
        log_warn("checkpoint: %s", rc == HG_ROW || rc == HG_DONE ? "no answer" : err.message);
    return left;
}

/* The checkpointer copies the WAL into the database every CHECKPOINT_EVERY_MS, with PASSIVE
 * checkpoints that never block the writer. They run beside it and so never catch up with it:
 * the WAL would only grow, and appending to a growing file costs the kernel block allocation
 * and zeroing at every commit and a journal commit at every fdatasync. So once the WAL is past
 * wal_restart_frames it copies again at once, until little is left, and asks the writer to
 * finish (restart_wanted, restart_wal below). */
static void *checkpointer_main(void *arg)
{
    (void)arg;
    pthread_setname_np(pthread_self(), "hg-checkpoint");
    pthread_mutex_lock(&mu);
    while (!stopping) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += CHECKPOINT_EVERY_MS * 1000000L;
        until.tv_sec += until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        if (!hurry)
            pthread_cond_timedwait(&tick, &mu, &until);
        if (stopping)
            break;
        pthread_mutex_unlock(&mu);
        hg_err err;
        db *d = db_thread(&err);
        long frames = 0;
        int busy = 0;
        long left = d ? checkpoint(d, "PRAGMA wal_checkpoint(PASSIVE)", &frames, &busy) : -1;
        int large = left >= 0 && frames >= wal_restart_frames;
        for (int pass = 0; large && left > RESTART_LEFT_FRAMES && pass < 4; pass++)
            left = checkpoint(d, "PRAGMA wal_checkpoint(PASSIVE)", &frames, &busy);
        pthread_mutex_lock(&mu);
        hurry = 0;
        if (large && left >= 0)
            restart_wanted = 1;
    }
    pthread_mutex_unlock(&mu);
    db_thread_close();
    return NULL;
}

/* After each of the writer's commits (db_wal_watch): a WAL past its bound wakes the
 * checkpointer at once rather than at its next turn, so that a burst of writes cannot run
 * the WAL far past the bound in between. */
static void wal_committed(void *cls, int frames)
{
    (void)cls;
    if (frames < wal_restart_frames)
        return;
    pthread_mutex_lock(&mu);
    if (!hurry) {
        hurry = 1;
        pthread_cond_signal(&tick);
    }
    pthread_mutex_unlock(&mu);
}

/* Between two batches, when the checkpointer asks: no frame is being added, so a RESTART
 * checkpoint copies the little that is left, then waits until no reader still reads the WAL,
 * after which the next commit writes the WAL from its start again, over blocks the file
 * already has. Readers are short, but a long report could hold the writer: it waits at most
 * RESTART_WAIT_MS for them, and tries again at the checkpointer's next turn. */
static void restart_wal(db *w)
{
    pthread_mutex_lock(&mu);
    int wanted = restart_wanted;
    restart_wanted = 0;
    pthread_mutex_unlock(&mu);
    if (!wanted)
        return;
    hg_err err;
    long frames = 0;
    int busy = 1;
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA busy_timeout = %d", RESTART_WAIT_MS);
    db_exec(w, sql, &err);
    long left = checkpoint(w, "PRAGMA wal_checkpoint(RESTART)", &frames, &busy);
    db_exec(w, "PRAGMA busy_timeout = 10000", &err);
    if (left == 0 && !busy) {
        pthread_mutex_lock(&mu);
        wal_restarts_total++;
        pthread_mutex_unlock(&mu);
    }
}

/* After a batch spoiled by a failed request, this many batches run with savepoints: failures
 * tend to come together (a burst of conflicting requests), and each spoiled batch runs twice. */
#define CAREFUL_AFTER_SPOILED 8

/* Runs the batch's jobs in one transaction: optimistically, without a savepoint per job, and
 * again with savepoints when a job failed after writing (its writes cannot be undone alone).
 * Nothing of the first run was visible: it is rolled back and its replies are forgotten. */
static hg_rc run_jobs(db *w, job *batch, hg_err *gerr)
{
    static int careful;
    int optimistic = careful == 0;
    if (careful > 0)
        careful--;
    for (;;) {
        hg_rc grc = optimistic ? db_group_begin_optimistic(w, gerr) : db_group_begin(w, gerr);
        for (job *j = batch; j; j = j->next) {
            if (grc) {
                *j->rc = grc;
                *j->err = *gerr;
                continue;
            }
            req_reply_clear(j->r);
            hg_err_clear(j->err);
            j->r->db = w;
            hg_rc rc = *j->rc = j->fn(j->r, j->err);
            if (rc && j->err->rc == HG_OK)
                hg_fail(j->err, rc, NULL, NULL, "%s", hg_rc_message(rc));
            if (optimistic && db_group_spoiled(w))
                break;
        }
        /* the writes still in the pipeline (PostgreSQL) answer now: a failure among them spoils
         * the batch like any other, before anything is committed */
        hg_err ignored;
        if (!grc && optimistic && !db_group_spoiled(w))
            db_group_flush(w, &ignored);
        if (grc || !optimistic || !db_group_spoiled(w))
            return grc;
        db_group_abandon(w);
        pthread_mutex_lock(&mu);
        reruns_total++;
        pthread_mutex_unlock(&mu);
        optimistic = 0;
        careful = CAREFUL_AFTER_SPOILED;
    }
}

/* Tests: 1 when this group commit is to fail (writer_fail_commits). */
static int commit_fault(void)
{
    pthread_mutex_lock(&mu);
    int fail = fail_commits > 0;
    if (fail)
        fail_commits--;
    pthread_mutex_unlock(&mu);
    return fail;
}

void writer_fail_commits(int n)
{
    pthread_mutex_lock(&mu);
    fail_commits = n;
    pthread_mutex_unlock(&mu);
}

static void run_batch(job *batch)
{
    hg_err gerr;
    hg_err_clear(&gerr);
    db *w = db_thread(&gerr);
    hg_rc grc = w ? run_jobs(w, batch, &gerr) : HG_UNAVAILABLE;
    if (!w)
        for (job *j = batch; j; j = j->next) {
            *j->rc = grc;
            *j->err = gerr;
        }
    int commit_failed = 0;
    if (!grc) {
        if (commit_fault()) {
            db_group_abandon(w); /* what a failed COMMIT leaves: nothing written, no effects */
            grc = hg_fail(&gerr, HG_UNAVAILABLE, "unavailable", NULL, "commit refused (writer_fail_commits)");
        } else {
            grc = db_group_end(w, &gerr); /* drops the effects when it fails */
        }
        commit_failed = grc != HG_OK;
    }
    if (commit_failed) {
        /* nothing of the batch is durable: every request hears so, none is acknowledged */
        log_error("group commit failed: %s", gerr.message);
        for (job *j = batch; j; j = j->next) {
            *j->rc = HG_UNAVAILABLE;
            hg_fail(j->err, HG_UNAVAILABLE, "unavailable", NULL, "the change could not be stored; try again");
        }
    } else if (!grc) {
        batch->fx = db_effects_take(w);
    }
    pthread_mutex_lock(&mu);
    if (syncing && !grc) { /* answered once the syncer has made the commit durable */
        if (sync_tail)
            sync_tail->next = batch;
        else
            sync_head = batch;
        for (sync_tail = batch; sync_tail->next; sync_tail = sync_tail->next)
            ;
        pthread_cond_signal(&committed);
    } else {
        /* durable already (PostgreSQL commits synchronously; SQLite without the syncer) */
        pthread_mutex_unlock(&mu);
        db_effects_run(batch->fx);
        batch->fx = NULL;
        pthread_mutex_lock(&mu);
        finish(batch);
    }
    pthread_mutex_unlock(&mu);
}

static void *writer_main(void *arg)
{
    (void)arg;
    pthread_setname_np(pthread_self(), "hg-writer");
    hg_err err;
    db *w = db_thread(&err);
    /* the checkpointer thread does it (above) */
    if (w && checkpointing) {
        db_exec(w, "PRAGMA wal_autocheckpoint = 0", &err);
        db_wal_watch(w, wal_committed, NULL);
    }
    /* commits written but not flushed: the syncer flushes them (above) */
    if (w && syncing && db_defer_sync(w, &wal_fd, &err) != HG_OK) {
        log_warn("writer: commits stay synchronous: %s", err.message);
        wal_fd = -1;
    }
    if (wal_fd < 0)
        syncing = 0;
    for (;;) {
        pthread_mutex_lock(&mu);
        while (!queues[URGENT].head && !queues[ORDINARY].head && !stopping)
            pthread_cond_wait(&work, &mu);
        struct queue *q = queues[URGENT].head ? &queues[URGENT] : &queues[ORDINARY];
        if (!q->head && stopping) {
            pthread_mutex_unlock(&mu);
            break;
        }
        job *batch = q->head, *last = q->head;
        int n = 1;
        while (last->next && n < BATCH_MAX) {
            last = last->next;
            n++;
        }
        q->head = last->next;
        if (!q->head)
            q->tail = NULL;
        last->next = NULL;
        jobs_total += n;
        batches_total++;
        pthread_mutex_unlock(&mu);
        run_batch(batch);
        if (w && checkpointing)
            restart_wal(w);
    }
    db_thread_close();
    return NULL;
}

/* Sets stopping, wakes thread t where it waits on c, and waits for it to end. */
static void stop_thread(pthread_cond_t *c, pthread_t t)
{
    pthread_mutex_lock(&mu);
    stopping = 1;
    pthread_cond_signal(c);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
}

/* The syncer flushes what is queued, then ends. */
static void writer_stop_syncer(void)
{
    if (sync_started)
        stop_thread(&committed, syncer);
    sync_started = syncing = 0;
}

static void writer_stop_checkpointer(void)
{
    if (checkpointing)
        stop_thread(&tick, checkpointer);
    checkpointing = 0;
}

void writer_set_wal_limit(long mb) { wal_restart_frames = mb * 256; }

hg_rc writer_start(hg_err *err)
{
    stopping = closing = 0;
    hg_err ignored;
    db *d = db_thread(&ignored);
    checkpointing = d && strcmp(db_backend(d), "sqlite") == 0;
    if (checkpointing && pthread_create(&checkpointer, NULL, checkpointer_main, NULL) != 0)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "cannot start the checkpoint thread");
    syncing = checkpointing && pthread_create(&syncer, NULL, syncer_main, NULL) == 0;
    sync_started = syncing;
    if (pthread_create(&thread, NULL, writer_main, NULL) != 0) {
        writer_stop_checkpointer();
        writer_stop_syncer();
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "cannot start the writer thread");
    }
    running = 1;
    return HG_OK;
}

void writer_stop(void)
{
    if (!running)
        return;
    stop_thread(&work, thread);
    writer_stop_syncer();
    if (wal_fd >= 0)
        close(wal_fd);
    wal_fd = -1;
    writer_stop_checkpointer();
    running = 0;
    log_info("writer: %ld writes in %ld commits, %ld run again with savepoints", jobs_total, batches_total,
             reruns_total);
}

/* Under mu: j joins the queue. */
static void enqueue(job *j)
{
    struct queue *q = &queues[j->urgent ? URGENT : ORDINARY];
    if (q->tail)
        q->tail->next = j;
    else
        q->head = j;
    q->tail = j;
    pending++;
    pthread_cond_signal(&work);
}

hg_rc writer_submit(route_fn fn, req *r, hg_err *err, hg_rc *rc, void (*on_queue)(void *), void (*on_done)(void *),
                    void *cls)
{
    job *j = xcalloc(1, sizeof *j);
    if (!j)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    j->fn = fn;
    j->r = r;
    j->err = err;
    j->rc = rc;
    j->on_done = on_done;
    j->cls = cls;
    j->urgent = r && r->route && (r->route->flags & ROUTE_URGENT);
    pthread_mutex_lock(&mu);
    int refused = closing;
    if (!refused) {
        if (on_queue)
            on_queue(cls);
        enqueue(j);
    }
    pthread_mutex_unlock(&mu);
    if (refused) {
        xfree(j);
        return hg_fail(err, HG_UNAVAILABLE, "unavailable", NULL, "the server is stopping; try again shortly");
    }
    return HG_OK;
}

long writer_reruns(void)
{
    pthread_mutex_lock(&mu);
    long n = reruns_total;
    pthread_mutex_unlock(&mu);
    return n;
}

hg_rc writer_metrics_render(buf *b)
{
    pthread_mutex_lock(&mu);
    long jobs = jobs_total, batches = batches_total, reruns = reruns_total, restarts = wal_restarts_total;
    long waiting = pending;
    pthread_mutex_unlock(&mu);
    return buf_appendf(b,
                       "# HELP haiguan_writer_writes_total Writes run by the group-commit writer.\n"
                       "# TYPE haiguan_writer_writes_total counter\n"
                       "haiguan_writer_writes_total %ld\n"
                       "# HELP haiguan_writer_commits_total Transactions the writer committed (batches).\n"
                       "# TYPE haiguan_writer_commits_total counter\n"
                       "haiguan_writer_commits_total %ld\n"
                       "# HELP haiguan_writer_reruns_total Batches run again with savepoints after a write failed.\n"
                       "# TYPE haiguan_writer_reruns_total counter\n"
                       "haiguan_writer_reruns_total %ld\n"
                       "# HELP haiguan_writer_wal_restarts_total Times the SQLite WAL was made to start over.\n"
                       "# TYPE haiguan_writer_wal_restarts_total counter\n"
                       "haiguan_writer_wal_restarts_total %ld\n"
                       "# HELP haiguan_writer_pending Writes queued or waiting for their commit to be durable.\n"
                       "# TYPE haiguan_writer_pending gauge\n"
                       "haiguan_writer_pending %ld\n",
                       jobs, batches, reruns, restarts, waiting);
}

void writer_drain(void)
{
    pthread_mutex_lock(&mu);
    closing = 1;
    while (running && pending > 0)
        pthread_cond_wait(&drained, &mu);
    pthread_mutex_unlock(&mu);
}
