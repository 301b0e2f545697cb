/* national_cmd.c — `haiguan national ...`: what an operator runs to link districts and
 * headquarters by logical replication (docs/OPERATIONS.md, "A headquarters above two
 * districts"). Each step is idempotent: running it again changes nothing. */
#include <stdio.h>
#include <string.h>

#include "../platform/module.h"
#include "national.h"

typedef hg_rc (*step_fn)(db *d, cmd_ctx *c, char *did, size_t didlen, hg_err *err);

static int run_step(cmd_ctx *c, step_fn fn)
{
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    char did[256] = "";
    hg_err err;
    hg_err_clear(&err);
    hg_rc rc = fn(d, c, did, sizeof did, &err);
    db_close(d);
    if (rc) {
        fprintf(stderr, "haiguan: %s%s%s\n", err.field[0] ? err.field : "", err.field[0] ? ": " : "", err.message);
        return EXIT_FAIL;
    }
    printf("%s\n", did);
    return EXIT_OK;
}

static hg_rc publish_step(db *d, cmd_ctx *c, char *did, size_t n, hg_err *err)
{
    (void)c;
    return national_publish(d, did, n, err);
}

static hg_rc offer_step(db *d, cmd_ctx *c, char *did, size_t n, hg_err *err)
{
    (void)c;
    return national_offer(d, did, n, err);
}

/* The one argument after the subcommand that is not --district or its value, or NULL. */
static const char *positional(cmd_ctx *c)
{
    const char *found = NULL;
    for (int i = 2; i < c->argc; i++) {
        if (strcmp(c->argv[i], "--district") == 0) {
            i++;
            continue;
        }
        if (found)
            return NULL;
        found = c->argv[i];
    }
    return found;
}

static hg_rc subscribe_step(db *d, cmd_ctx *c, char *did, size_t n, hg_err *err)
{
    return national_subscribe(d, cmd_option(c, "--district"), positional(c), did, n, err);
}

static hg_rc follow_step(db *d, cmd_ctx *c, char *did, size_t n, hg_err *err)
{
    return national_follow(d, c->argv[c->argc - 1], did, n, err);
}

static int publish_cmd(cmd_ctx *c, const command *self)
{
    return c->argc != 2 ? cmd_usage(self) : run_step(c, publish_step);
}

static int offer_cmd(cmd_ctx *c, const command *self)
{
    return c->argc != 2 ? cmd_usage(self) : run_step(c, offer_step);
}

static int subscribe_cmd(cmd_ctx *c, const command *self)
{
    if (c->argc != 5 || !cmd_option(c, "--district") || !positional(c))
        return cmd_usage(self);
    return run_step(c, subscribe_step);
}

static int follow_cmd(cmd_ctx *c, const command *self)
{
    return c->argc != 3 ? cmd_usage(self) : run_step(c, follow_step);
}

static const cmd_opt subscribe_opts[] = {{"--district", 1}, {NULL, 0}};
static const cmd_sub national_subs[] = {
    {"publish", publish_cmd, NULL}, {"offer", offer_cmd, NULL}, {"subscribe", subscribe_cmd, subscribe_opts},
    {"follow", follow_cmd, NULL},   {NULL, NULL, NULL},
};

const command national_commands[] = {
    {"national", NULL,
     "national publish\n"
     "       national offer\n"
     "       national subscribe --district CODE DISTRICT_URL\n"
     "       national follow NATIONAL_URL",
     "link districts and headquarters by logical replication (PostgreSQL)",
     "On a district (--schema CODE): `national publish` publishes the rows the national figures\n"
     "read, and the hits of headquarters' instructions; `national follow NATIONAL_URL` subscribes\n"
     "the district's database to headquarters' instructions (once per database).\n"
     "On the national database: `national offer` publishes the instructions; `national subscribe\n"
     "--district CODE DISTRICT_URL` receives a district into schema CODE (the URL as the national\n"
     "cluster reaches the district's). Then `serve --national`. Creating a subscription needs a\n"
     "superuser (PostgreSQL 15). Every step may be run again.",
     NULL, national_subs},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};
