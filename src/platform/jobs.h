/* jobs.h — periodic jobs: the modules declare them (hg_module.jobs, an hg_job each: name,
 * summary, interval, function), one scheduler thread in `haiguan serve` runs the due ones,
 * and `haiguan jobs` lists them or runs one now.
 *
 * Each run is recorded in job_runs (one row per job: when it last ran, how long it took,
 * whether it failed and how often it has failed), which /metrics shows. With several servers
 * on one database each due run happens on one server only: the run is claimed by moving the
 * row's next due time forward in one statement (only one server sees its UPDATE change the
 * row), and on PostgreSQL a session advisory lock keyed by the job's name keeps a manual
 * `jobs run` from overlapping the scheduler's run on another server.
 *
 * A job runs on the scheduler's own connection, never on the group-commit writer: its
 * transactions are its own, each durable when db_commit returns (SQLite synchronous=FULL,
 * PostgreSQL synchronous_commit=on), and its post-commit effects run then (db_after_commit
 * outside a group). A job that does I/O (the webhook deliveries) does it outside its
 * transactions.
 *
 * Not for: work a request triggers (a write handler or an event subscriber), or waiting in
 * a request for a job. */
#ifndef HG_JOBS_H
#define HG_JOBS_H

#include "buf.h"
#include "ctx.h"
#include "module.h"

/* The job called name among the modules' (static storage), or NULL. */
const hg_job *jobs_find(const char *name);

/* Runs job j now on d (outside any transaction) and records the run. With force 0 the run
 * happens only when it is due (the row's next due time has passed) and this server claims
 * it; with force 1 it runs whatever the schedule says (still never beside another server's
 * run of it on PostgreSQL). *ran (if non-NULL) is 1 when it ran; *job_rc (if non-NULL) gets
 * the job's own result and *job_err its error. The result is about the bookkeeping: db
 * errors of claiming and recording, not the job's failure (that is recorded). */
hg_rc jobs_run(db *d, const hg_job *j, int force, int *ran, hg_rc *job_rc, hg_err *job_err, hg_err *err);

/* The scheduler thread (serve): looks for due jobs every second, or at once after jobs_wake.
 * jobs_start returns HG_INTERNAL when the thread cannot start; jobs_stop waits for a running
 * job to end and stops the thread. */
hg_rc jobs_start(hg_err *err);
void jobs_stop(void);
/* Asks the scheduler to run job name as soon as it can, due or not (a post-commit effect of
 * a write that gave the job work, or a job finishing work that makes more due). Safe from
 * any thread; nothing when the scheduler does not run. */
void jobs_wake(const char *name);

/* The jobs' last runs in Prometheus text, read from job_runs on d (for /metrics):
 * haiguan_job_last_run_timestamp_seconds, haiguan_job_last_duration_seconds,
 * haiguan_job_last_success, haiguan_job_runs_total, haiguan_job_failures_total. */
hg_rc jobs_metrics_render(db *d, buf *b, hg_err *err);

/* The 64-bit key of a job's advisory lock: FNV-1a of "haiguan.job." and its name. Pure. */
int64_t jobs_lock_key(const char *name);

/* A sweep: periodic work that a command runs on demand and a job on its schedule, by an amount
 * (an age, a delay) that the command's option or the job's environment variable gives: one
 * table, so that the command and the job cannot drift apart (health's purge and alarms,
 * vessel's purge). */
typedef struct jobs_sweep {
    const char *option, *env; /* "--days"; "HAIGUAN_HEALTH_RETENTION_DAYS" */
    long dflt, max, unit_ms;  /* the amount's default and bound, and its unit */
    hg_rc (*fn)(const hg_ctx *c, int64_t amount_ms, int64_t *n, hg_err *err); /* *n: what it did */
    const char *done;                  /* printf format of what was done: count (long long), amount (long) */
    void (*log)(const char *fmt, ...); /* how the job logs it: an alarm is a warning */
} jobs_sweep;

/* The sweep's command (a subcommand's function): the amount from the option, 0..max (dflt
 * without it; else usage), with the audit keys loaded so that the rows it writes are keyed and
 * heads signed; prints done. Returns the exit code. */
int jobs_sweep_cmd(cmd_ctx *c, const command *self, const jobs_sweep *w);
/* The sweep's job on d: the amount from the environment variable, 1..max (unset, empty, 0 or
 * not a number: dflt, never "everything"); logs done when it did anything. */
hg_rc jobs_sweep_job(db *d, const jobs_sweep *w, hg_err *err);

extern const migration jobs_migrations[];

#endif
