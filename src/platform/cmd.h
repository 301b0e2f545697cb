/* cmd.h — the command table behind `haiguan <command>` (Redis' command table, Fossil's
 * COMMAND blocks). Areas register arrays of commands; main.c dispatches.
 *
 * Exit codes: 0 success, 1 failure or invalid input, 2 usage error. */
#ifndef HG_CMD_H
#define HG_CMD_H

#include <stddef.h>

#include "db.h"

typedef struct cmd_ctx {
    const char *db_url;   /* from --db or HAIGUAN_DB or the default */
    int argc;             /* arguments after the command name (argv[0] is the command) */
    char **argv;
} cmd_ctx;

typedef int (*cmd_fn)(cmd_ctx *c);

typedef struct command {
    const char *name;     /* "user", "check", "import" ... */
    cmd_fn fn;
    const char *usage;    /* "user add NAME --role ROLE ..." lines */
    const char *summary;  /* one line for `haiguan help` */
    const char *help;     /* paragraph for `haiguan CMD --help` */
} command;

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Opens the database, migrates it and returns the connection (caller closes), printing
 * one clear line and returning NULL on failure. */
db *cmd_open_db(cmd_ctx *c);
/* Prints "usage: haiguan USAGE" to stderr and returns EXIT_USAGE. */
int cmd_usage(const command *cmd);
/* Looks for --name VALUE among argv from index start; returns VALUE or NULL. */
const char *cmd_option(cmd_ctx *c, const char *name);
/* 1 when argv contains exactly the flag. */
int cmd_flag(cmd_ctx *c, const char *name);
/* Reads a password from stdin (first line, without the newline) into out. */
int cmd_read_password(char *out, size_t outlen);

#endif
