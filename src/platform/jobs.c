/* jobs.c — the periodic jobs' bookkeeping (job_runs), one run of a job with its claim and
 * record (jobs_run), the scheduler thread of `haiguan serve`, and their metrics. jobs.h says
 * what each part promises; jobs_cmd.c is the command and the module record. */
#include "jobs.h"

#include <pthread.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "mem.h"

const migration jobs_migrations[] = {
    {40, "periodic jobs' runs",
     /* one row per job; next_due_ms is the claim: a server runs the job only when its UPDATE
      * moved it forward */
     "CREATE TABLE job_runs ("
     " name TEXT PRIMARY KEY,"
     " next_due_ms BIGINT NOT NULL DEFAULT 0,"
     " last_run_ms BIGINT NOT NULL DEFAULT 0,"
     " last_duration_ms BIGINT NOT NULL DEFAULT 0,"
     " last_status TEXT NOT NULL DEFAULT 'never',"
     " last_error TEXT,"
     " runs BIGINT NOT NULL DEFAULT 0,"
     " failures BIGINT NOT NULL DEFAULT 0);",
     NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};

const hg_job *jobs_find(const char *name)
{
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const hg_job *j = (*m)->jobs; j && j->name; j++)
            if (strcmp(j->name, name) == 0)
                return j;
    return NULL;
}

int64_t jobs_lock_key(const char *name)
{
    uint64_t h = 14695981039346656037ull;
    for (const char *p = "haiguan.job."; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    for (const char *p = name; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    return (int64_t)h;
}

/* Claims the run of j at now: 1 in *claimed when this connection moved its due time. The
 * row is created on the first run only: a job that runs every second costs one statement. */
static hg_rc claim(db *d, const hg_job *j, int force, int64_t now, int *claimed, hg_err *err)
{
    int64_t next = now + (int64_t)j->interval_s * 1000;
    hg_rc rc = HG_OK;
    *claimed = 0;
    for (int pass = 0; pass < 2 && !rc && !*claimed; pass++) {
        if (pass == 1)
            rc = db_run(d, err, "INSERT INTO job_runs (name) VALUES (?) ON CONFLICT (name) DO NOTHING", "t", j->name);
        if (!rc)
            rc = force ? db_run(d, err, "UPDATE job_runs SET next_due_ms = ? WHERE name = ?", "it", next, j->name)
                       : db_run(d, err, "UPDATE job_runs SET next_due_ms = ? WHERE name = ? AND next_due_ms <= ?",
                                "iti", next, j->name, now);
        *claimed = !rc && db_changes(d) == 1;
        if (!rc && !*claimed && pass == 0) {
            int64_t exists = 0; /* not due (another server ran it), or never run here: the second pass */
            rc = db_int(d, &exists, err, "SELECT COUNT(*) FROM job_runs WHERE name = ?", "t", j->name);
            if (!rc && exists)
                break;
        }
    }
    return rc;
}

hg_rc jobs_run(db *d, const hg_job *j, int force, int *ran, hg_rc *job_rc, hg_err *job_err, hg_err *err)
{
    hg_err jerr;
    hg_err_clear(&jerr);
    if (ran)
        *ran = 0;
    int64_t key = jobs_lock_key(j->name);
    int locked = 0, claimed = 0;
    hg_rc rc = db_try_lock_key(d, key, &locked, err);
    if (rc || !locked)
        return rc; /* another server is running it now */
    int64_t start = now_ms();
    rc = claim(d, j, force, start, &claimed, err);
    if (rc || !claimed) {
        db_unlock_key(d, key);
        return rc;
    }
    hg_rc jrc = j->fn(d, &jerr);
    if (db_in_transaction(d)) { /* a job that left one open: its work is not durable */
        db_rollback(d);
        if (!jrc)
            jrc = hg_fail(&jerr, HG_INTERNAL, NULL, NULL, "the job left a transaction open");
    }
    if (jrc && jerr.rc == HG_OK)
        hg_fail(&jerr, jrc, NULL, NULL, "%s", hg_rc_message(jrc));
    int64_t dur = now_ms() - start;
    rc = db_run(d, err,
                "UPDATE job_runs SET last_run_ms = ?, last_duration_ms = ?, last_status = ?, last_error = ?,"
                " runs = runs + 1, failures = failures + ? WHERE name = ?",
                "iittit", start, dur, jrc ? "failed" : "ok", jrc ? jerr.message : NULL, (int64_t)(jrc != HG_OK),
                j->name);
    db_unlock_key(d, key);
    if (jrc)
        log_warn("job %s failed after %lld ms: %s", j->name, (long long)dur, jerr.message);
    if (ran)
        *ran = 1;
    if (job_rc)
        *job_rc = jrc;
    if (job_err)
        *job_err = jerr;
    return rc;
}

/* ---- the scheduler ---- */

#define JOBS_MAX 64
#define TICK_MS 1000 /* how often the scheduler looks at the due times when nothing wakes it */

/* The scheduler's view of each job; one scheduler per process by nature (serve runs one). */
static struct slot {
    const hg_job *job;
    int64_t due_ms; /* when to try to claim it next (the database decides) */
    int woken;      /* jobs_wake: run it at once */
} slots[JOBS_MAX];
static int nslots;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int running, stopping;
static pthread_t thread;

/* Under mu: the slot to run now, or NULL; *wait_ms how long until the next is due. */
static struct slot *next_slot(int64_t now, int64_t *wait_ms)
{
    *wait_ms = TICK_MS;
    for (int i = 0; i < nslots; i++) {
        if (slots[i].woken || slots[i].due_ms <= now)
            return &slots[i];
        if (slots[i].due_ms - now < *wait_ms)
            *wait_ms = slots[i].due_ms - now;
    }
    return NULL;
}

static void *scheduler_main(void *arg)
{
    (void)arg;
    pthread_setname_np(pthread_self(), "hg-jobs");
    pthread_mutex_lock(&mu);
    while (!stopping) {
        int64_t now = now_ms(), wait_ms;
        struct slot *s = next_slot(now, &wait_ms);
        if (!s) {
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_sec += wait_ms / 1000;
            until.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
            until.tv_sec += until.tv_nsec / 1000000000L;
            until.tv_nsec %= 1000000000L;
            pthread_cond_timedwait(&cv, &mu, &until);
            continue;
        }
        int force = s->woken;
        s->woken = 0;
        const hg_job *j = s->job;
        pthread_mutex_unlock(&mu);
        hg_err err;
        hg_err_clear(&err);
        db *d = db_thread(&err);
        int ran = 0;
        hg_rc rc = d ? jobs_run(d, j, force, &ran, NULL, NULL, &err) : HG_UNAVAILABLE;
        if (rc)
            log_warn("jobs: cannot run %s: %s", j->name, err.message);
        /* not claimed: another server ran it; look again at its next due time, read back */
        int64_t due = now_ms() + (int64_t)j->interval_s * 1000;
        if (d && !rc && !ran) {
            int64_t db_due = 0;
            if (!db_int(d, &db_due, &err, "SELECT next_due_ms FROM job_runs WHERE name = ?", "t", j->name) &&
                db_due > now_ms() && db_due < due)
                due = db_due;
        }
        if (rc)
            due = now_ms() + TICK_MS * 5; /* the database is away: do not spin */
        pthread_mutex_lock(&mu);
        s->due_ms = due;
    }
    pthread_mutex_unlock(&mu);
    db_thread_close();
    return NULL;
}

hg_rc jobs_start(hg_err *err)
{
    pthread_mutex_lock(&mu);
    nslots = 0;
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const hg_job *j = (*m)->jobs; j && j->name && nslots < JOBS_MAX; j++)
            slots[nslots++] = (struct slot){j, 0, 0};
    stopping = 0;
    running = pthread_create(&thread, NULL, scheduler_main, NULL) == 0;
    pthread_mutex_unlock(&mu);
    return running ? HG_OK : hg_fail(err, HG_INTERNAL, NULL, NULL, "cannot start the job scheduler");
}

void jobs_stop(void)
{
    pthread_mutex_lock(&mu);
    int was = running;
    stopping = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    if (was)
        pthread_join(thread, NULL);
    pthread_mutex_lock(&mu);
    running = 0;
    pthread_mutex_unlock(&mu);
}

void jobs_wake(const char *name)
{
    pthread_mutex_lock(&mu);
    for (int i = 0; i < nslots; i++)
        if (strcmp(slots[i].job->name, name) == 0) {
            slots[i].woken = 1;
            pthread_cond_signal(&cv);
        }
    pthread_mutex_unlock(&mu);
}

/* ---- metrics ---- */

typedef struct job_stat {
    int64_t last_run_ms, last_duration_ms, runs, failures;
    int ok;
} job_stat;

static hg_rc read_stat(db *d, const char *name, job_stat *st, hg_err *err)
{
    memset(st, 0, sizeof *st);
    db_stmt *s = NULL;
    hg_rc rc = db_query(
        d, &s, err, "SELECT last_run_ms, last_duration_ms, runs, failures, last_status FROM job_runs WHERE name = ?",
        "t", name);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        st->last_run_ms = db_col_int(s, 0);
        st->last_duration_ms = db_col_int(s, 1);
        st->runs = db_col_int(s, 2);
        st->failures = db_col_int(s, 3);
        st->ok = strcmp(db_col_text(s, 4), "ok") == 0;
    }
    if (rc == HG_ROW || rc == HG_DONE)
        rc = HG_OK;
    if (s)
        db_reset(s);
    return rc;
}

hg_rc jobs_metrics_render(db *d, buf *b, hg_err *err)
{
    static const struct {
        const char *name, *type, *help;
    } series[] = {
        {"haiguan_job_last_run_timestamp_seconds", "gauge", "When the job's last run began (0: never)."},
        {"haiguan_job_last_duration_seconds", "gauge", "How long the job's last run took."},
        {"haiguan_job_last_success", "gauge", "1 when the job's last run succeeded."},
        {"haiguan_job_runs_total", "counter", "Runs of the job, on every server of the database."},
        {"haiguan_job_failures_total", "counter", "Failed runs of the job, on every server of the database."},
    };
    hg_rc rc = HG_OK;
    for (size_t k = 0; k < sizeof series / sizeof series[0] && !rc; k++) {
        rc = buf_appendf(b, "# HELP %s %s\n# TYPE %s %s\n", series[k].name, series[k].help, series[k].name,
                         series[k].type);
        for (const hg_module *const *m = hg_modules; *m && !rc; m++)
            for (const hg_job *j = (*m)->jobs; j && j->name && !rc; j++) {
                job_stat st;
                if ((rc = read_stat(d, j->name, &st, err)))
                    break;
                if (k == 0)
                    rc = buf_appendf(b, "%s{job=\"%s\"} %.3f\n", series[k].name, j->name, st.last_run_ms / 1000.0);
                else if (k == 1)
                    rc = buf_appendf(b, "%s{job=\"%s\"} %.3f\n", series[k].name, j->name, st.last_duration_ms / 1000.0);
                else
                    rc = buf_appendf(b, "%s{job=\"%s\"} %lld\n", series[k].name, j->name,
                                     (long long)(k == 2   ? st.ok
                                                 : k == 3 ? st.runs
                                                          : st.failures));
            }
    }
    return rc;
}
