/* module.h — what an area registers with the platform: everything about it, in one record
 * (curl's Curl_handler): name and summary, migrations and their range, routes, commands,
 * importers with their help, officer posts with their Chinese labels, token scopes, demo
 * steps with the sign-ins they create, and its contributions to earlier areas' extension
 * points. The platform reads these records and lists nothing of its own. The list of
 * modules (modules.c) is generated from `areas` in src/meson.build (tools/gen_modules.py). */
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
    const char *help;     /* one line: the file's format (required: the self-check refuses none) */
} importer;

/* An officer post. Its bit is fixed, not assigned in list order, because users' posts are
 * stored and answered in bit order and that order is part of the API. Write posts with
 * HG_POST(bit, name, "label") on one line: tools/gen_modules.py reads those lines to define
 * POST_NAME (hg_posts.h, included by auth.h) for route tables, so a post is written once. */
typedef struct hg_post {
    unsigned bit;            /* one bit, 1u << n */
    const char *name;        /* "clearance": in users' posts, route docs and the API */
    const char *label_zh;    /* "通关": the console and help */
} hg_post;
#define HG_POST(n, name, label) {1u << (n), #name, label}

/* A token scope: the name a bearer token lists to reach the routes that declare it. */
typedef struct hg_scope {
    const char *name;        /* "declarations" */
    const char *summary;     /* one line for help */
} hg_scope;

/* A demo sign-in a module's demo step creates (`haiguan demo` prints them all). Officer and
 * system sign-ins are created before the module's demo step (its data may name them: an
 * enterprise's coordinator is an officer); enterprise sign-ins after it (their enterprise is
 * demo data). A sign-in declared by several modules is one user: each adds its posts. */
typedef struct demo_signin {
    const char *name;        /* "officer" */
    unsigned role;           /* ROLE_* */
    const char *posts;       /* comma list of post names this module gives it, or NULL */
    const char *enterprise;  /* USCC for enterprise users, else NULL */
    const char *password;    /* demo only: printed by `haiguan demo`; NULL for machines */
    const char *what;        /* one line: who this is */
    const char *token_scopes; /* machines: the scopes of the token it needs, printed instead */
    const char *display_name; /* the name the console shows for it (王立新), or NULL */
} demo_signin;

/* A contribution to an extension point an earlier area offers in its header (a list of
 * release conditions, say): the point's name and the row, whose type that header defines. */
typedef struct hg_extension {
    const char *point;       /* "cargo.release_condition" */
    const void *row;
} hg_extension;

/* A periodic job (jobs.h): fn runs every interval_s seconds on one server (the scheduler of
 * `haiguan serve`, or `haiguan jobs run NAME`), on a connection of its own, outside any
 * transaction: it opens and commits its own (each durable when db_commit returns) and leaves
 * none open. It may run on any server and run again after a crash, so it must be safe to
 * repeat. Tables of them end with a row whose name is NULL. */
typedef struct hg_job {
    const char *name;        /* "events.purge": MODULE.verb, unique (the self-check refuses a twin) */
    const char *summary;     /* one line for `haiguan jobs` (required) */
    int interval_s;          /* seconds between runs (>= 1) */
    hg_rc (*fn)(db *d, hg_err *err);
} hg_job;

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
    const char *summary;           /* one line: what the area is */
    /* The migration versions the module owns (AREAS.md: cargo 200-299, ...); every version it
     * declares lies in the range, except those in legacy (0-terminated): versions shipped
     * before the area had its own folder, which keep their numbers (a shipped migration is
     * never renumbered). 0, 0: the module has no migrations. */
    int migrations_first, migrations_last;
    const int *migrations_legacy;
    const hg_post *posts;          /* officer posts it defines, terminated by name NULL, or NULL */
    const hg_scope *scopes;        /* token scopes it defines, terminated by name NULL, or NULL */
    /* Those of its scopes that are a machine's (a terminal's, a laboratory's, a lane's): held
     * only by system accounts, whose tokens an administrator issues. NULL-terminated, or NULL. */
    const char *const *machine_scopes;
    /* When its demo step runs: lower first, equal ones in list order (default 0). */
    int demo_order;
    const demo_signin *demo_signins;   /* terminated by name NULL, or NULL */
    /* The keeper of the enterprise registry answers whether an enterprise exists (an
     * enterprise user is bound to one); NULL in every other module. HG_OK yes, HG_NOTFOUND
     * no, else the database's fault (never taken for "no"). */
    hg_rc (*enterprise_find)(db *d, const char *uscc, hg_err *err);
    const hg_extension *extends;   /* terminated by point NULL, or NULL */
    /* Its field tables (record.h), NULL-terminated, or NULL: the self-check compares each
     * with the migrated schema. Child types are reached through their list fields. */
    const struct record_type *const *records;
    /* Other helpers add fields below this line (event subscriptions, periodic jobs). */
    /* Event subscribers run inside the emitting transaction (event.h), terminated by a row
     * whose type is NULL, or NULL. */
    const event_subscription *subscriptions;
    /* Periodic jobs (jobs.h), terminated by a row whose name is NULL, or NULL. */
    const hg_job *jobs;
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

/* The program's modules in start-up (and dependency) order, NULL-terminated (modules.c,
 * generated). */
extern const hg_module *const hg_modules[];

/* "cli:<os user>": the actor of command-line changes in the audit trail. Static storage. */
const char *cli_actor(void);

/* Migration sets of all modules (NULL-terminated), for db_migrate. Static storage. */
const migration *const *modules_migrations(void);
const route *const *modules_routes(void);

/* The rows contributed to extension point `point`, in module order: call with *cursor 0 and
 * again until it returns NULL. The rows are static. */
const void *modules_extension_next(const char *point, size_t *cursor);

/* The module that declares a post (by bit) or a scope (by name), or NULL. */
const hg_module *modules_post_owner(unsigned bit);
const hg_module *modules_scope_owner(const char *name);

/* The console label (label_zh) of a field named name, or stored in a column named name, in
 * any module's record tables (children included), or NULL: the Chinese of a field's name
 * quoted in a message (i18n_set_labels). NULL too when tables label it differently (the
 * catalogue has a generic word for such names, words.c). Static storage. */
const char *modules_field_label_zh(const char *name);
/* The module whose route table holds rt, or NULL. */
const hg_module *modules_route_owner(const route *rt);

#endif
