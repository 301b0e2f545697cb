/* cmd.h — the command table behind `haiguan <command>` (Redis' command table, Fossil's
 * COMMAND blocks). Modules register arrays of commands; main.c finds the command and cmd_run
 * runs it: its options (cmd_opt) and subcommands (cmd_sub) are tables too, checked before it
 * runs, so that an unknown option is a usage error (exit 2), never silently ignored.
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

/* An option a command (or subcommand) takes: "--name" alone, or "--name VALUE". */
typedef struct cmd_opt {
    const char *name;     /* "--listen" */
    int value;            /* 1 when the next argument is its value */
} cmd_opt;

struct command;

/* A subcommand ("user add"): dispatched by cmd_run from the command's table, with its options
 * checked first. fn gets the context (argv[0] the command, argv[1] the subcommand) and the
 * command, for its usage line. */
typedef struct cmd_sub {
    const char *name;          /* "add" */
    int (*fn)(cmd_ctx *c, const struct command *self);
    const cmd_opt *options;    /* {NULL}-terminated, or NULL for none */
} cmd_sub;

typedef struct command {
    const char *name;     /* "user", "check", "import" ... */
    cmd_fn fn;            /* NULL when subs dispatch; with subs: what the command alone does */
    const char *usage;    /* "user add NAME --role ROLE ..." lines */
    const char *summary;  /* one line for `haiguan help` */
    const char *help;     /* paragraph for `haiguan CMD --help` */
    /* Every option the command takes, {NULL}-terminated; NULL: none. Anything else that
     * starts with '-' is refused with exit 2 before fn runs ("--" ends the options). */
    const cmd_opt *options;
    const cmd_sub *subs;  /* {NULL}-terminated subcommands, or NULL */
} command;

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Runs cmd with the arguments in c: its subcommand from cmd->subs, or cmd->fn, after checking
 * the options (unknown option, a value missing, an unknown or missing subcommand: the usage
 * line and EXIT_USAGE). A lone "--" is taken out of argv and ends the options. Returns the exit
 * code. */
int cmd_run(const command *cmd, cmd_ctx *c);
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
