/* vessel_cmd.c — `haiguan vessel purge [--days N]` and the hourly job vessel.purge: the data
 * about people of calls past their retention removed (retention_store.c), the audit chain still
 * whole. One function serves both, so the command and the job cannot drift apart. */
#include <stdio.h>
#include <stdlib.h>

#include "../platform/audit.h"
#include "../platform/cmd.h"
#include "../platform/log.h"
#include "../platform/module.h"
#include "vessel.h"

/* The retention unless --days or HAIGUAN_VESSEL_RETENTION_DAYS says otherwise: 30 days after
 * the ship left, as health's (twice the 14-day observation, with a margin; docs/vessel.md). */
#define VESSEL_RETENTION_DAYS 30
#define DAY_MS 86400000LL

/* Whole days 0..3650 from text, dflt when text is NULL, -1 when it is not one. */
static long days_of(const char *text, long dflt)
{
    char *end;
    if (!text)
        return dflt;
    long n = strtol(text, &end, 10);
    return !*text || *end || n < 0 || n > 3650 ? -1 : n;
}

static int purge_cmd(cmd_ctx *c, const struct command *self)
{
    long days = days_of(cmd_option(c, "--days"), VESSEL_RETENTION_DAYS);
    if (days < 0 || c->argc > 4)
        return cmd_usage(self);
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    char scratch[4096];
    hg_err err;
    hg_err_clear(&err);
    hg_ctx x = ctx_command(d, cli_actor());
    int64_t n = 0;
    /* the audit key is loaded so that the row this writes is keyed and heads signed */
    hg_rc rc = audit_keys_load(d, cmd_key_dir(c, scratch, sizeof scratch), &err);
    if (!rc)
        rc = vessel_purge(&x, x.now_ms - days * DAY_MS, &n, &err);
    db_close(d);
    if (rc) {
        fprintf(stderr, "haiguan: %s\n", err.message);
        return EXIT_FAIL;
    }
    printf("purged the crew data of %lld calls that ended more than %ld days ago\n", (long long)n, days);
    return EXIT_OK;
}

static hg_rc purge_job(db *d, hg_err *err)
{
    hg_ctx x = ctx_command(d, "system");
    int64_t n = 0;
    long days = days_of(getenv("HAIGUAN_VESSEL_RETENTION_DAYS"), VESSEL_RETENTION_DAYS);
    if (days < 1) /* unset, empty, 0 or not a number: the default, never "everything" */
        days = VESSEL_RETENTION_DAYS;
    hg_rc rc = vessel_purge(&x, x.now_ms - days * DAY_MS, &n, err);
    if (!rc && n)
        log_info("purged the crew data of %lld calls that ended more than %ld days ago", (long long)n, days);
    return rc;
}

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
