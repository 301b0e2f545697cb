/* vessel_cmd.c — `haiguan vessel purge [--days N]` and the hourly job vessel.purge: the data
 * about people of calls past their retention removed (retention_store.c), the audit chain still
 * whole. One table serves both (jobs_sweep), so the command and the job cannot drift apart. */
#include "../platform/cmd.h"
#include "../platform/jobs.h"
#include "../platform/log.h"
#include "../platform/module.h"
#include "vessel.h"

/* The retention unless --days or HAIGUAN_VESSEL_RETENTION_DAYS says otherwise: 30 days after
 * the ship left, as health's (twice the 14-day observation, with a margin; docs/vessel.md). */
#define VESSEL_RETENTION_DAYS 30

static hg_rc purge_ended(const hg_ctx *c, int64_t age_ms, int64_t *n, hg_err *err)
{
    return vessel_purge(c, c->now_ms - age_ms, n, err);
}

/* the command and the job from one table (jobs.h) */
static const jobs_sweep purge_sweep = {
    .option = "--days",
    .env = "HAIGUAN_VESSEL_RETENTION_DAYS",
    .dflt = VESSEL_RETENTION_DAYS,
    .max = 3650,
    .unit_ms = 86400000L,
    .fn = purge_ended,
    .done = "purged the crew data of %lld calls that ended more than %ld days ago",
    .log = log_info,
};

static int purge_cmd(cmd_ctx *c, const struct command *self) { return jobs_sweep_cmd(c, self, &purge_sweep); }
static hg_rc purge_job(db *d, hg_err *err) { return jobs_sweep_job(d, &purge_sweep, err); }

const hg_job vessel_jobs[] = {
    {"vessel.purge", "remove crew data of calls ended more than HAIGUAN_VESSEL_RETENTION_DAYS ago (default 30)", 3600,
     purge_job},
    {NULL, NULL, 0, NULL},
};

static const cmd_opt purge_opts[] = {{"--days", 1}, {NULL, 0}};
static const cmd_sub vessel_subs[] = {
    {"purge", purge_cmd, purge_opts},
    {NULL, NULL, NULL},
};

const command vessel_commands[] = {
    {"vessel", NULL, "vessel purge [--days N]", "vessel quarantine: purge crew data past retention",
     "vessel purge empties the former versions of the declarations (crew and passenger lists\n"
     "included) and removes the temperatures, symptoms and pre-boarding tests of the lists of calls\n"
     "whose ship left (or, never recorded as gone, whose ETA was) more than N days ago (default 30);\n"
     "identities on the current lists, levels, reasons, samples, orders and timelines stay, and the\n"
     "audit chain, which holds only counts and hashes of the lists, still verifies. The vessel.purge\n"
     "job runs it every hour in `haiguan serve` (HAIGUAN_VESSEL_RETENTION_DAYS).",
     NULL, vessel_subs},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};
