/* cmd.c — helpers shared by every CLI command: opening the database, options, usage,
 * reading a password from standard input. */
#include "cmd.h"

#include <stdio.h>
#include <string.h>

#include "module.h"

db *cmd_open_db(cmd_ctx *c)
{
    db *d;
    hg_err err;
    hg_err_clear(&err);
    if (db_open(c->db_url, &d, &err)) {
        fprintf(stderr, "haiguan: %s\n", err.message);
        return NULL;
    }
    if (db_migrate(d, modules_migrations(), NULL, &err)) {
        fprintf(stderr, "haiguan: cannot prepare the database schema: %s\n", err.message);
        db_close(d);
        return NULL;
    }
    return d;
}

/* The option of opts named arg, or NULL. */
static const cmd_opt *find_opt(const cmd_opt *opts, const char *arg)
{
    for (const cmd_opt *o = opts; o && o->name; o++)
        if (strcmp(o->name, arg) == 0)
            return o;
    return NULL;
}

/* Checks argv[from..] against opts and takes a lone "--" out of argv. 0 or EXIT_USAGE. */
static int check_options(const command *cmd, cmd_ctx *c, int from, const cmd_opt *opts)
{
    for (int i = from; i < c->argc; i++) {
        const char *arg = c->argv[i];
        if (strcmp(arg, "--") == 0) {
            memmove(&c->argv[i], &c->argv[i + 1], (size_t)(c->argc - i - 1) * sizeof *c->argv);
            c->argc--;
            return 0;
        }
        if (arg[0] != '-' || arg[1] == '\0')
            continue; /* positional ("-" is standard input) */
        const cmd_opt *o = find_opt(opts, arg);
        if (!o) {
            fprintf(stderr, "haiguan %s: unknown option %s\n", cmd->name, arg);
            return cmd_usage(cmd);
        }
        if (o->value && ++i >= c->argc) {
            fprintf(stderr, "haiguan %s: %s needs a value\n", cmd->name, arg);
            return cmd_usage(cmd);
        }
    }
    return 0;
}

int cmd_run(const command *cmd, cmd_ctx *c)
{
    if (!cmd->subs) {
        int rc = check_options(cmd, c, 1, cmd->options);
        return rc ? rc : cmd->fn(c);
    }
    const cmd_sub *sub = NULL;
    for (const cmd_sub *s = cmd->subs; c->argc >= 2 && s->name; s++)
        if (strcmp(s->name, c->argv[1]) == 0)
            sub = s;
    /* a command that does something alone as well ("jobs" lists them) */
    if (!sub && c->argc < 2 && cmd->fn)
        return cmd->fn(c);
    if (!sub)
        return cmd_usage(cmd);
    int rc = check_options(cmd, c, 2, sub->options);
    return rc ? rc : sub->fn(c, cmd);
}

int cmd_usage(const command *cmd)
{
    fprintf(stderr, "usage: haiguan [--db URL] %s\n(see: haiguan %s --help)\n", cmd->usage, cmd->name);
    return EXIT_USAGE;
}

const char *cmd_option(cmd_ctx *c, const char *name)
{
    for (int i = 1; i + 1 < c->argc; i++)
        if (strcmp(c->argv[i], name) == 0)
            return c->argv[i + 1];
    return NULL;
}

int cmd_flag(cmd_ctx *c, const char *name)
{
    for (int i = 1; i < c->argc; i++)
        if (strcmp(c->argv[i], name) == 0)
            return 1;
    return 0;
}

int cmd_read_password(char *out, size_t outlen)
{
    if (!fgets(out, (int)outlen, stdin))
        return -1;
    size_t n = strlen(out);
    if (n && out[n - 1] == '\n')
        out[--n] = '\0';
    if (n && out[n - 1] == '\r')
        out[--n] = '\0';
    return 0;
}
