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

static long number_option(cmd_ctx *c, const char *name, long dflt, long max)
{
    const char *v = cmd_option(c, name);
    char *end;
    if (!v)
        return dflt;
    long n = strtol(v, &end, 10);
    return *end || n < 0 || n > max ? -1 : n;
}

/* Opens the database with the audit key loaded (checkpoints are signed). */
static db *open_signed(cmd_ctx *c)
{
    db *d = cmd_open_db(c);
    if (!d)
        return NULL;
    char dir[4096];
    const char *k = getenv("HAIGUAN_KEYS");
    if (k && *k)
        snprintf(dir, sizeof dir, "%s", k);
    else
        audit_default_key_dir(c->db_url, dir, sizeof dir);
    hg_err err;
    hg_err_clear(&err);
    if (audit_keys_load(d, dir, &err)) {
        fprintf(stderr, "haiguan: %s\n", err.message);
        db_close(d);
        return NULL;
    }
    return d;
}

static int purge_cmd(cmd_ctx *c, const struct command *self)
{
    long days = number_option(c, "--days", HEALTH_RETENTION_DAYS, 3650);
    if (days < 0 || c->argc > 4)
        return cmd_usage(self);
    db *d = open_signed(c);
    if (!d)
        return EXIT_FAIL;
    hg_ctx x = ctx_command(d, cli_actor());
    hg_err err;
    int64_t n = 0;
    hg_err_clear(&err);
    hg_rc rc = declaration_purge(&x, x.now_ms - days * 86400000LL, &n, &err);
    db_close(d);
    if (rc) {
        fprintf(stderr, "haiguan: %s\n", err.message);
        return EXIT_FAIL;
    }
    printf("purged the health answers of %lld declarations made more than %ld days ago\n", (long long)n, days);
    return EXIT_OK;
}

static int alarms_cmd(cmd_ctx *c, const struct command *self)
{
    long minutes = number_option(c, "--after", HEALTH_ALARM_MINUTES, 10080);
    if (minutes < 0 || c->argc > 4)
        return cmd_usage(self);
    db *d = open_signed(c);
    if (!d)
        return EXIT_FAIL;
    hg_ctx x = ctx_command(d, cli_actor());
    hg_err err;
    int64_t n = 0;
    hg_err_clear(&err);
    hg_rc rc = health_handover_alarms(&x, minutes * 60000LL, &n, &err);
    db_close(d);
    if (rc) {
        fprintf(stderr, "haiguan: %s\n", err.message);
        return EXIT_FAIL;
    }
    printf("raised %lld alarms on handovers unacknowledged after %ld minutes\n", (long long)n, minutes);
    return EXIT_OK;
}

/* ---- the periodic jobs (the platform's scheduler in `haiguan serve`; `haiguan jobs run NAME`) ---- */

/* A whole number from the environment, or dflt when unset or not one in 1..max. */
static long env_number(const char *name, long dflt, long max)
{
    const char *v = getenv(name);
    char *end;
    long n = v && *v ? strtol(v, &end, 10) : dflt;
    return v && *v && (*end || n < 1 || n > max) ? dflt : n;
}

static hg_rc alarms_job(db *d, hg_err *err)
{
    hg_ctx x = ctx_command(d, "system");
    int64_t n = 0;
    long minutes = env_number("HAIGUAN_HEALTH_ALARM_MINUTES", HEALTH_ALARM_MINUTES, 10080);
    hg_rc rc = health_handover_alarms(&x, minutes * 60000LL, &n, err);
    if (!rc && n)
        log_warn("health: %lld handovers unacknowledged after %ld minutes: alarm raised", (long long)n, minutes);
    return rc;
}

static hg_rc purge_job(db *d, hg_err *err)
{
    hg_ctx x = ctx_command(d, "system");
    int64_t n = 0;
    long days = env_number("HAIGUAN_HEALTH_RETENTION_DAYS", HEALTH_RETENTION_DAYS, 3650);
    hg_rc rc = declaration_purge(&x, x.now_ms - days * 86400000LL, &n, err);
    if (!rc && n)
        log_info("health: purged the health answers of %lld declarations older than %ld days", (long long)n, days);
    return rc;
}

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
