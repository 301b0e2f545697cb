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
