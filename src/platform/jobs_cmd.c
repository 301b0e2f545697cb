/* jobs_cmd.c — `haiguan jobs` (the modules' periodic jobs and their last runs) and
 * `haiguan jobs run NAME` (one run now), the jobs module's record, and the sweeps that a
 * module runs both as a command and as a job (jobs_sweep). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "jobs.h"
#include "log.h"

static int jobs_list_cmd(cmd_ctx *c)
{
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    int failed = 0;
    printf("%-32s %8s  %-20s %-7s %8s %8s  %s\n", "job", "every", "last run", "status", "runs", "failures",
           "what it does");
    for (const hg_module *const *m = hg_modules; *m && !failed; m++)
        for (const hg_job *j = (*m)->jobs; j && j->name; j++) {
            hg_err err;
            db_stmt *s = NULL;
            char at[40] = "never", status[16] = "-";
            long long runs = 0, failures = 0;
            hg_rc rc =
                db_query(d, &s, &err, "SELECT last_run_ms, last_status, runs, failures FROM job_runs WHERE name = ?",
                         "t", j->name);
            if (!rc && (rc = db_step(s, &err)) == HG_ROW) {
                if (db_col_int(s, 0)) { /* to the second: 2026-12-03T11:43:13Z */
                    time_format_rfc3339(db_col_int(s, 0), at, sizeof at);
                    snprintf(at + 19, sizeof at - 19, "Z");
                }
                snprintf(status, sizeof status, "%s", db_col_text(s, 1));
                runs = db_col_int(s, 2);
                failures = db_col_int(s, 3);
            }
            if (s)
                db_reset(s);
            if (rc != HG_ROW && rc != HG_DONE) {
                fprintf(stderr, "haiguan: %s\n", err.message);
                failed = 1;
                break;
            }
            printf("%-32s %7ds  %-20.20s %-7s %8lld %8lld  %s\n", j->name, j->interval_s, at, status, runs, failures,
                   j->summary);
        }
    db_close(d);
    return failed ? EXIT_FAIL : EXIT_OK;
}

static int jobs_run_cmd(cmd_ctx *c, const command *self)
{
    if (c->argc != 3 && c->argc != 5)
        return cmd_usage(self);
    const hg_job *j = jobs_find(c->argv[2]);
    if (!j) {
        fprintf(stderr, "haiguan jobs: no job %s (`haiguan jobs` lists them)\n", c->argv[2]);
        return EXIT_USAGE;
    }
    /* a job may write audited changes or sign a head (audit.checkpoint): the keys serve uses */
    db *d = cmd_open_db_keyed(c);
    if (!d)
        return EXIT_FAIL;
    hg_err err, jerr;
    hg_err_clear(&err);
    hg_err_clear(&jerr);
    int ran = 0;
    hg_rc jrc = HG_OK;
    int64_t start = now_ms();
    hg_rc rc = jobs_run(d, j, 1, &ran, &jrc, &jerr, &err);
    db_close(d);
    if (rc) {
        fprintf(stderr, "haiguan: %s\n", err.message);
        return EXIT_FAIL;
    }
    if (!ran) {
        fprintf(stderr, "haiguan: %s is running on another server now\n", j->name);
        return EXIT_FAIL;
    }
    if (jrc) {
        fprintf(stderr, "haiguan: %s failed: %s\n", j->name, jerr.message);
        return EXIT_FAIL;
    }
    printf("%s: ok in %lld ms\n", j->name, (long long)(now_ms() - start));
    return EXIT_OK;
}

/* ---- sweeps ---- */

/* A whole number in 0..max from text, or dflt when text is NULL; -1 when it is not one. */
static long amount_of(const char *text, long dflt, long max)
{
    char *end;
    if (!text)
        return dflt;
    long n = strtol(text, &end, 10);
    return !*text || *end || n < 0 || n > max ? -1 : n;
}

int jobs_sweep_cmd(cmd_ctx *c, const command *self, const jobs_sweep *w)
{
    long amount = amount_of(cmd_option(c, w->option), w->dflt, w->max);
    if (amount < 0 || c->argc > 4)
        return cmd_usage(self);
    db *d = cmd_open_db_keyed(c);
    if (!d)
        return EXIT_FAIL;
    hg_err err;
    hg_err_clear(&err);
    hg_ctx x = ctx_command(d, cli_actor());
    int64_t n = 0;
    hg_rc rc = w->fn(&x, amount * w->unit_ms, &n, &err);
    db_close(d);
    if (rc) {
        fprintf(stderr, "haiguan: %s\n", err.message);
        return EXIT_FAIL;
    }
    printf(w->done, (long long)n, amount);
    putchar('\n');
    return EXIT_OK;
}

hg_rc jobs_sweep_job(db *d, const jobs_sweep *w, hg_err *err)
{
    hg_ctx x = ctx_command(d, "system");
    int64_t n = 0;
    long amount = amount_of(getenv(w->env), w->dflt, w->max);
    if (amount < 1) /* unset, empty or not a number of 1..max: the default */
        amount = w->dflt;
    hg_rc rc = w->fn(&x, amount * w->unit_ms, &n, err);
    if (!rc && n)
        w->log(w->done, (long long)n, amount);
    return rc;
}

static const cmd_opt jobs_run_opts[] = {{"--keys", 1}, {NULL, 0}};
static const cmd_sub jobs_subs[] = {
    {"run", jobs_run_cmd, jobs_run_opts},
    {NULL, NULL, NULL},
};

static const command jobs_commands[] = {
    {"jobs", jobs_list_cmd, "jobs | jobs run NAME [--keys DIR]", "list the periodic jobs, or run one now",
     "Without arguments lists the jobs the modules declare: how often each runs, when it last\n"
     "ran (on any server of the database), whether that run succeeded, and its runs and failures.\n"
     "`jobs run NAME` runs one now, whatever its schedule (exit 1 when it fails, 2 for a job that\n"
     "does not exist), with the key directory serve uses (--keys, as for serve). `haiguan serve`\n"
     "runs them on schedule (--no-jobs: not on this server).",
     NULL, jobs_subs},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

const hg_module jobs_module = {
    .name = "jobs",
    .summary = "periodic jobs: the scheduler, their runs and their metrics",
    .migrations = jobs_migrations,
    .migrations_first = 40,
    .migrations_last = 49,
    .commands = jobs_commands,
};
