/* health_cmd.c — `haiguan health purge` (the health answers past their retention removed, the
 * audit chain still whole: it holds their hashes) and `haiguan health alarms` (the alarm on
 * handovers the receiving unit has not acknowledged: what a periodic job runs). */
#include <stdio.h>
#include <stdlib.h>

#include "../platform/audit.h"
#include "../platform/cmd.h"
#include "../platform/log.h"
#include "../platform/module.h"
#include "health.h"

/* The retention of health answers unless --days says otherwise: 30 days, the longest
 * observation period any traveller could still be under (14 days, twice) with a margin. */
#define HEALTH_RETENTION_DAYS 30
/* A handover unacknowledged this long raises the alarm unless --after says otherwise. */
#define HEALTH_ALARM_MINUTES 60

/* The two sweeps, each run by a command (its option) and by a job (its environment
 * variable): one table, so that the command and the job cannot drift apart. */
typedef struct sweep {
    const char *option, *env; /* "--days"; "HAIGUAN_HEALTH_RETENTION_DAYS" */
    long dflt, max, unit_ms;  /* the amount's default and bound, and its unit */
    hg_rc (*fn)(const hg_ctx *c, int64_t amount_ms, int64_t *n, hg_err *err);
    const char *done;                  /* printf format of what was done: count, amount */
    void (*log)(const char *fmt, ...); /* how the job logs it: an alarm is a warning */
} sweep;

static hg_rc purge_older(const hg_ctx *c, int64_t age_ms, int64_t *n, hg_err *err)
{
    return declaration_purge(c, c->now_ms - age_ms, n, err);
}

static const sweep purge_sweep = {
    .option = "--days",
    .env = "HAIGUAN_HEALTH_RETENTION_DAYS",
    .dflt = HEALTH_RETENTION_DAYS,
    .max = 3650,
    .unit_ms = 86400000L,
    .fn = purge_older,
    .done = "purged the health answers of %lld declarations made more than %ld days ago",
    .log = log_info,
};
static const sweep alarm_sweep = {
    .option = "--after",
    .env = "HAIGUAN_HEALTH_ALARM_MINUTES",
    .dflt = HEALTH_ALARM_MINUTES,
    .max = 10080,
    .unit_ms = 60000L,
    .fn = health_handover_alarms,
    .done = "raised %lld alarms on handovers unacknowledged after %ld minutes",
    .log = log_warn,
};

/* A whole number in 0..max from text, or dflt when text is NULL; -1 when it is not one. */
static long amount_of(const char *text, long dflt, long max)
{
    char *end;
    if (!text)
        return dflt;
    long n = strtol(text, &end, 10);
    return !*text || *end || n < 0 || n > max ? -1 : n;
}

static int sweep_cmd(cmd_ctx *c, const struct command *self, const sweep *w)
{
    long amount = amount_of(cmd_option(c, w->option), w->dflt, w->max);
    if (amount < 0 || c->argc > 4)
        return cmd_usage(self);
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    char scratch[4096];
    hg_err err;
    hg_err_clear(&err);
    hg_ctx x = ctx_command(d, cli_actor());
    int64_t n = 0;
    /* the audit key is loaded so that the rows these write are keyed and heads signed */
    hg_rc rc = audit_keys_load(d, cmd_key_dir(c, scratch, sizeof scratch), &err);
    if (!rc)
        rc = w->fn(&x, amount * w->unit_ms, &n, &err);
    db_close(d);
    if (rc) {
        fprintf(stderr, "haiguan: %s\n", err.message);
        return EXIT_FAIL;
    }
    printf(w->done, (long long)n, amount);
    putchar('\n');
    return EXIT_OK;
}

static int purge_cmd(cmd_ctx *c, const struct command *self) { return sweep_cmd(c, self, &purge_sweep); }
static int alarms_cmd(cmd_ctx *c, const struct command *self) { return sweep_cmd(c, self, &alarm_sweep); }

/* ---- the periodic jobs (the platform's scheduler in `haiguan serve`; `haiguan jobs run NAME`) ---- */

static hg_rc sweep_job(db *d, const sweep *w, hg_err *err)
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

static hg_rc alarms_job(db *d, hg_err *err) { return sweep_job(d, &alarm_sweep, err); }
static hg_rc purge_job(db *d, hg_err *err) { return sweep_job(d, &purge_sweep, err); }

const hg_job health_jobs[] = {
    {"health.handover_alarms", "alarm on handovers unacknowledged after HAIGUAN_HEALTH_ALARM_MINUTES (default 60)", 60,
     alarms_job},
    {"health.purge", "remove health answers older than HAIGUAN_HEALTH_RETENTION_DAYS (default 30)", 3600, purge_job},
    {NULL, NULL, 0, NULL},
};

static const cmd_opt purge_opts[] = {{"--days", 1}, {NULL, 0}};
static const cmd_opt alarm_opts[] = {{"--after", 1}, {NULL, 0}};
static const cmd_sub health_subs[] = {
    {"purge", purge_cmd, purge_opts},
    {"alarms", alarms_cmd, alarm_opts},
    {NULL, NULL, NULL},
};

const command health_commands[] = {
    {"health", NULL, "health purge [--days N]\n       health alarms [--after MINUTES]",
     "passenger health: purge answers past retention, raise handover alarms",
     "health purge removes the health answers (address, contact, clusters, symptoms, antipyretics,\n"
     "travel history, the findings and temperatures of checks) of declarations made more than N days\n"
     "ago (default 30); identities, barcodes, outcomes and timings stay, and the audit chain, which\n"
     "holds only hashes of the answers, still verifies.\n"
     "health alarms raises an alarm (an audit row and a health.handover_overdue event) once on every\n"
     "handover the receiving unit has not acknowledged MINUTES after it was made (default 60): the\n"
     "function the health.handover_alarms job runs every minute in `haiguan serve` (and\n"
     "health.purge every hour; HAIGUAN_HEALTH_ALARM_MINUTES, HAIGUAN_HEALTH_RETENTION_DAYS).",
     NULL, health_subs},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};
