/* main.c — `haiguan <command>`: global options, then dispatch through the command tables
 * of the modules (modules.c). Exit codes: 0 success, 1 failure, 2 usage error. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "log.h"
#include "mem.h"
#include "module.h"

static const command *find_command(const char *name)
{
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const command *c = (*m)->commands; c && c->name; c++)
            if (strcmp(c->name, name) == 0)
                return c;
    return NULL;
}

static void print_help(void)
{
    printf("haiguan %s — port customs supervision and clearance\n\n"
           "usage: haiguan [--db URL] COMMAND [ARGS]\n\n"
           "  --db URL   SQLite file (default haiguan.db) or postgres://…; also HAIGUAN_DB\n"
           "  --schema NAME  on PostgreSQL, the district's own schema (made by init); also\n"
           "             HAIGUAN_DB_SCHEMA\n\n"
           "commands:\n",
           HAIGUAN_VERSION);
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const command *c = (*m)->commands; c && c->name; c++)
            printf("  %-10s %s\n", c->name, c->summary);
    printf("  %-10s %s\n  %-10s %s\n\n'haiguan COMMAND --help' explains each command.\n", "help",
           "this list", "version", "print the version");
}

int main(int argc, char **argv)
{
    /* every file the server makes (database, WAL, keys, exports) is its owner's alone */
    umask(077);
    mem_init();
    if (sodium_init() < 0) {
        fprintf(stderr, "haiguan: cannot initialise libsodium\n");
        return EXIT_FAIL;
    }
    for (const hg_module *const *m = hg_modules; *m; m++)
        if ((*m)->init)
            (*m)->init();
    const char *db_url = getenv("HAIGUAN_DB");
    if (!db_url || !*db_url)
        db_url = "haiguan.db";
    /* --db may stand anywhere; take it out of argv */
    int n = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "haiguan: --db needs a URL\n");
                return EXIT_USAGE;
            }
            db_url = argv[++i];
        } else if (strncmp(argv[i], "--db=", 5) == 0) {
            db_url = argv[i] + 5;
        } else if (strcmp(argv[i], "--schema") == 0) {
            /* a district's own schema on a shared PostgreSQL database (docs/SCALING.md); the
             * backend reads it when it connects, as it reads every connection's settings */
            if (i + 1 >= argc) {
                fprintf(stderr, "haiguan: --schema needs a name\n");
                return EXIT_USAGE;
            }
            setenv("HAIGUAN_DB_SCHEMA", argv[++i], 1);
        } else {
            argv[++n] = argv[i];
        }
    }
    argc = n + 1;
    const char *schema = getenv("HAIGUAN_DB_SCHEMA");
    if (schema && *schema && strncmp(db_url, "postgres", 8) != 0) {
        fprintf(stderr, "haiguan: --schema (HAIGUAN_DB_SCHEMA) is for a PostgreSQL database\n");
        return EXIT_USAGE;
    }
    if (argc < 2) {
        print_help();
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "help") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        if (argc > 2 && find_command(argv[2])) {
            const command *c = find_command(argv[2]);
            printf("usage: haiguan [--db URL] %s\n\n%s\n", c->usage, c->help);
        } else {
            print_help();
        }
        return EXIT_OK;
    }
    if (strcmp(name, "version") == 0 || strcmp(name, "--version") == 0) {
        printf("haiguan %s\n", HAIGUAN_VERSION);
        return EXIT_OK;
    }
    const command *c = find_command(name);
    if (!c) {
        fprintf(stderr, "haiguan: unknown command '%s' (see: haiguan help)\n", name);
        return EXIT_USAGE;
    }
    for (int i = 2; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: haiguan [--db URL] %s\n\n%s\n", c->usage, c->help);
            return EXIT_OK;
        }
    log_set_quiet(strcmp(name, "serve") != 0);
    db_set_url(db_url);
    cmd_ctx ctx = {db_url, argc - 1, argv + 1};
    int rc = cmd_run(c, &ctx);
    db_thread_close();
    db_set_url(NULL);
    return rc;
}
