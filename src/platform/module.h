/* module.h — what an area registers with the platform: migrations, routes, commands and
 * demo data. main.c lists the modules; the platform reads the tables. */
#ifndef HG_MODULE_H
#define HG_MODULE_H

#include <stdint.h>

#include "cmd.h"
#include "db.h"
#include "event.h"
#include "http.h"

/* An importer for `haiguan import KIND FILE`. */
typedef struct importer {
    const char *kind;     /* "enterprises" */
    int (*fn)(cmd_ctx *c, db *d, const char *path);   /* returns an exit code */
    const char *help;     /* one line: the file's format */
} importer;

typedef struct hg_module {
    const char *name;
    const migration *migrations;   /* terminated by version 0, or NULL */
    const route *routes;           /* terminated by method NULL, or NULL */
    const command *commands;       /* terminated by name NULL, or NULL */
    const importer *importers;     /* terminated by kind NULL, or NULL */
    /* Loads the area's demo data (each write its own transaction; skips what exists), or NULL. */
    hg_rc (*demo)(db *d, hg_err *err);
    /* Called once at start-up, before any command runs, or NULL. */
    void (*init)(void);
    /* Event subscribers run inside the emitting transaction (event.h), terminated by a row
     * whose type is NULL, or NULL. */
    const event_subscription *subscriptions;
} hg_module;

/* Options of `haiguan demo`: days of generated port activity (0: only the fixed demo
 * records), a scale factor for volumes, and the random seed (the same seed gives the same
 * data). Set by the demo command before the modules' demo functions run. */
typedef struct demo_options {
    int days;
    int scale;
    uint64_t seed;
} demo_options;
extern demo_options hg_demo_options;

/* The program's modules, NULL-terminated (defined in main.c). */
extern const hg_module *const hg_modules[];

/* "cli:<os user>": the actor of command-line changes in the audit trail. Static storage. */
const char *cli_actor(void);

/* Migration sets of all modules (NULL-terminated), for db_migrate. Static storage. */
const migration *const *modules_migrations(void);
const route *const *modules_routes(void);

#endif
