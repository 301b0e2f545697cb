/* health_cmd.c — `haiguan health purge` (the health answers past their retention removed, the
 * audit chain still whole: it holds their hashes) and `haiguan health alarms` (the alarm on
 * handovers the receiving unit has not acknowledged: what a periodic job runs). */
#include "../platform/cmd.h"
#include "../platform/jobs.h"
#include "../platform/log.h"
#include "../platform/module.h"
#include "health.h"

/* The retention of health answers unless --days says otherwise: 30 days, the longest
 * observation period any traveller could still be under (14 days, twice) with a margin. */
#define HEALTH_RETENTION_DAYS 30
/* A handover unacknowledged this long raises the alarm unless --after says otherwise. */
#define HEALTH_ALARM_MINUTES 60

/* The two sweeps, each run by a command (its option) and by a job (its environment
 * variable): one table each (jobs.h), so that the command and the job cannot drift apart. */
static hg_rc purge_older(const hg_ctx *c, int64_t age_ms, int64_t *n, hg_err *err)
{
    return declaration_purge(c, c->now_ms - age_ms, n, err);
}

static const jobs_sweep purge_sweep = {
    .option = "--days",
    .env = "HAIGUAN_HEALTH_RETENTION_DAYS",
    .dflt = HEALTH_RETENTION_DAYS,
    .max = 3650,
    .unit_ms = 86400000L,
    .fn = purge_older,
    .done = "purged the health answers of %lld declarations made more than %ld days ago",
    .log = log_info,
};
static const jobs_sweep alarm_sweep = {
    .option = "--after",
    .env = "HAIGUAN_HEALTH_ALARM_MINUTES",
    .dflt = HEALTH_ALARM_MINUTES,
    .max = 10080,
    .unit_ms = 60000L,
    .fn = health_handover_alarms,
    .done = "raised %lld alarms on handovers unacknowledged after %ld minutes",
    .log = log_warn,
};

static int purge_cmd(cmd_ctx *c, const struct command *self) { return jobs_sweep_cmd(c, self, &purge_sweep); }
static int alarms_cmd(cmd_ctx *c, const struct command *self) { return jobs_sweep_cmd(c, self, &alarm_sweep); }

/* ---- the periodic jobs (the platform's scheduler in `haiguan serve`; `haiguan jobs run NAME`) ---- */

static hg_rc alarms_job(db *d, hg_err *err) { return jobs_sweep_job(d, &alarm_sweep, err); }
static hg_rc purge_job(db *d, hg_err *err) { return jobs_sweep_job(d, &purge_sweep, err); }

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
