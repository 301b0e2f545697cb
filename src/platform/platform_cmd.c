/* platform_cmd.c — the platform's commands: serve, init, user, token, demo; and the
 * platform's module entries (accounts, audit). */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "auth.h"
#include "log.h"
#include "module.h"
#include "refdata.h"
#include "writer.h"

extern const route platform_routes[];
extern const route audit_routes[];

const char *cli_actor(void)
{
    static char actor[80];
    struct passwd pw, *res = NULL;
    char scratch[1024];
    getpwuid_r(geteuid(), &pw, scratch, sizeof scratch, &res);
    snprintf(actor, sizeof actor, "cli:%s", res ? res->pw_name : "unknown");
    return actor;
}

static int fail(const hg_err *err)
{
    fprintf(stderr, "haiguan: %s%s%s\n", err->field[0] ? err->field : "", err->field[0] ? ": " : "", err->message);
    return EXIT_FAIL;
}

static const char *key_dir(cmd_ctx *c, char *scratch, size_t n)
{
    const char *k = cmd_option(c, "--keys");
    /* --keys wins over the environment for every key the process reads, including the ones
     * areas load later by themselves (the risk draw secret): one place says where keys live */
    if (k && *k)
        setenv("HAIGUAN_KEYS", k, 1);
    if (!k)
        k = getenv("HAIGUAN_KEYS");
    if (k && *k)
        return k;
    audit_default_key_dir(c->db_url, scratch, n);
    return scratch;
}

/* ---- serve ---- */

static int serve_cmd(cmd_ctx *c)
{
    /* A write waiting for its batch holds no thread (its connection is suspended), so threads are
     * for reads, which hold theirs while they run: a few more than the cores lets a long report
     * stall only its own thread's connections. Many more only wake more threads per batch: on
     * two cores 32 threads filed a fifth fewer declarations per second than 4 or 8. */
    http_config cfg = {"127.0.0.1:8080", 8, 1u << 20, modules_routes(), NULL};
    const char *v;
    char *end;
    if ((v = cmd_option(c, "--listen")))
        cfg.listen = v;
    if ((v = cmd_option(c, "--threads"))) {
        long t = strtol(v, &end, 10);
        if (*end || t < 1 || t > 256) {
            fprintf(stderr, "haiguan: --threads must be from 1 to 256\n");
            return EXIT_USAGE;
        }
        cfg.threads = (int)t;
    }
    if ((v = cmd_option(c, "--max-body"))) {
        long long b = strtoll(v, &end, 10);
        if (*end || b < 1024 || b > (1LL << 30)) {
            fprintf(stderr, "haiguan: --max-body must be from 1024 to 1073741824 bytes\n");
            return EXIT_USAGE;
        }
        cfg.max_body = (size_t)b;
    }
    if ((v = cmd_option(c, "--wal-mb"))) {
        long mb = strtol(v, &end, 10);
        if (*end || mb < 1 || mb > 4096) {
            fprintf(stderr, "haiguan: --wal-mb must be from 1 to 4096\n");
            return EXIT_USAGE;
        }
        writer_set_wal_limit(mb);
    }
    cfg.assets_dir = cmd_option(c, "--assets");
    long long idle_s = 30 * 60, max_s = 12 * 60 * 60;
    if ((v = cmd_option(c, "--session-idle")) && ((idle_s = strtoll(v, &end, 10)) < 1 || *end)) {
        fprintf(stderr, "haiguan: --session-idle must be a positive number of seconds\n");
        return EXIT_USAGE;
    }
    if ((v = cmd_option(c, "--session-max")) && ((max_s = strtoll(v, &end, 10)) < 1 || *end)) {
        fprintf(stderr, "haiguan: --session-max must be a positive number of seconds\n");
        return EXIT_USAGE;
    }
    auth_set_lifetimes(idle_s * 1000, max_s * 1000);
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    char scratch[4096];
    hg_err err;
    hg_err_clear(&err);
    if (audit_keys_load(d, key_dir(c, scratch, sizeof scratch), &err)) {
        db_close(d);
        return fail(&err);
    }
    db_close(d);
    hg_rc rc = http_serve(&cfg, &err);
    return rc ? fail(&err) : EXIT_OK;
}

static int init_cmd(cmd_ctx *c)
{
    db *d;
    hg_err err;
    hg_err_clear(&err);
    if (db_open(c->db_url, &d, &err))
        return fail(&err);
    int applied = 0;
    hg_rc rc = db_migrate(d, modules_migrations(), &applied, &err);
    char scratch[4096];
    if (!rc)
        rc = audit_keys_load(d, key_dir(c, scratch, sizeof scratch), &err);
    db_close(d);
    if (rc)
        return fail(&err);
    printf("database ready: %d migration%s applied\n", applied, applied == 1 ? "" : "s");
    return EXIT_OK;
}

/* ---- user ---- */

static int user_add(cmd_ctx *c, const command *self)
{
    if (c->argc < 3 || c->argv[2][0] == '-')
        return cmd_usage(self);
    user_spec u = {0};
    u.name = c->argv[2];
    for (int i = 3; i < c->argc; i++) {
        const char *opt = c->argv[i];
        if (i + 1 >= c->argc)
            return cmd_usage(self);
        const char *val = c->argv[++i];
        hg_err err;
        if (strcmp(opt, "--role") == 0) {
            if (!(u.role = role_parse(val))) {
                fprintf(stderr, "haiguan: role: must be admin, officer, enterprise or system\n");
                return EXIT_FAIL;
            }
        } else if (strcmp(opt, "--post") == 0) {
            unsigned bits;
            if (posts_parse_list(val, &bits, &err))
                return fail(&err);
            u.posts |= bits;
        } else if (strcmp(opt, "--enterprise") == 0) {
            u.enterprise = val;
        } else {
            return cmd_usage(self);
        }
    }
    if (!u.role)
        return cmd_usage(self);
    char pw[256];
    if (cmd_read_password(pw, sizeof pw)) {
        fprintf(stderr, "haiguan: password: give it on standard input\n");
        return EXIT_FAIL;
    }
    u.password = pw;
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    int64_t id;
    hg_err err;
    hg_err_clear(&err);
    hg_rc rc = user_create(d, cli_actor(), NULL, &u, &id, &err);
    db_close(d);
    if (rc)
        return fail(&err);
    printf("user %s created (id %lld)\n", u.name, (long long)id);
    return EXIT_OK;
}

static int user_list(cmd_ctx *c, const command *self)
{
    db *d;
    hg_err err;
    hg_err_clear(&err);
    hg_rc rc;
    if (c->argc != 2)
        return cmd_usage(self);
    if (!(d = cmd_open_db(c)))
        return EXIT_FAIL;
    json_t *list = NULL;
    rc = user_list_json(d, &list, &err);
    db_close(d);
    if (rc)
        return fail(&err);
    size_t i;
    json_t *u;
    printf("%-20s %-10s %-9s %-34s %s\n", "NAME", "ROLE", "STATUS", "POSTS", "ENTERPRISE");
    json_array_foreach(json_object_get(list, "items"), i, u)
    {
        char posts[256] = "";
        size_t k;
        json_t *p;
        json_array_foreach(json_object_get(u, "posts"), k, p)
        {
            size_t used = strlen(posts);
            snprintf(posts + used, sizeof posts - used, "%s%s", k ? "," : "", json_string_value(p));
        }
        const char *ent = json_string_value(json_object_get(u, "enterprise"));
        printf("%-20s %-10s %-9s %-34s %s\n", json_string_value(json_object_get(u, "name")),
               json_string_value(json_object_get(u, "role")),
               json_is_true(json_object_get(u, "disabled")) ? "disabled" : "active", posts[0] ? posts : "-",
               ent ? ent : "-");
    }
    json_decref(list);
    return EXIT_OK;
}

/* passwd and disable: both end every session and token of the user. */
static int user_passwd_or_disable(cmd_ctx *c, const command *self)
{
    const char *sub = c->argv[1];
    db *d;
    hg_err err;
    hg_err_clear(&err);
    hg_rc rc;
    if (c->argc != 3)
        return cmd_usage(self);
    char pw[256] = "";
    if (strcmp(sub, "passwd") == 0 && cmd_read_password(pw, sizeof pw)) {
        fprintf(stderr, "haiguan: password: give the new password on standard input\n");
        return EXIT_FAIL;
    }
    if (!(d = cmd_open_db(c)))
        return EXIT_FAIL;
    rc = strcmp(sub, "passwd") == 0 ? user_set_password(d, cli_actor(), NULL, c->argv[2], pw, &err)
                                    : user_disable(d, cli_actor(), NULL, c->argv[2], &err);
    db_close(d);
    if (rc)
        return fail(&err);
    printf("user %s %s; their sessions and tokens have ended\n", c->argv[2],
           strcmp(sub, "passwd") == 0 ? "has a new password" : "disabled");
    return EXIT_OK;
}

static const cmd_opt user_add_opts[] = {{"--role", 1}, {"--post", 1}, {"--enterprise", 1}, {NULL, 0}};
static const cmd_sub user_subs[] = {
    {"add", user_add, user_add_opts},
    {"list", user_list, NULL},
    {"passwd", user_passwd_or_disable, NULL},
    {"disable", user_passwd_or_disable, NULL},
    {NULL, NULL, NULL},
};

/* ---- token ---- */

static int token_create_cmd(cmd_ctx *c, const command *self)
{
    hg_err err;
    hg_err_clear(&err);
    const char *user = cmd_option(c, "--user"), *scopes = cmd_option(c, "--scopes");
    if (!user || !scopes || c->argc != 6)
        return cmd_usage(self);
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    int64_t id;
    char token[65];
    hg_rc rc = token_create(d, cli_actor(), user, scopes, &id, token, &err);
    db_close(d);
    if (rc)
        return fail(&err);
    printf("%s\n", token);
    fprintf(stderr, "token %lld for %s with scopes %s; shown once, keep it safe\n", (long long)id, user, scopes);
    return EXIT_OK;
}

static int token_revoke_cmd(cmd_ctx *c, const command *self)
{
    hg_err err;
    hg_err_clear(&err);
    if (c->argc != 3)
        return cmd_usage(self);
    char *end;
    long long id = strtoll(c->argv[2], &end, 10);
    if (*end || id <= 0) {
        fprintf(stderr, "haiguan: id: must be a positive token id\n");
        return EXIT_FAIL;
    }
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    hg_rc rc = token_revoke(d, cli_actor(), id, &err);
    db_close(d);
    if (rc)
        return fail(&err);
    printf("token %lld revoked\n", id);
    return EXIT_OK;
}

static const cmd_opt token_create_opts[] = {{"--user", 1}, {"--scopes", 1}, {NULL, 0}};
static const cmd_sub token_subs[] = {
    {"create", token_create_cmd, token_create_opts},
    {"revoke", token_revoke_cmd, NULL},
    {NULL, NULL, NULL},
};

/* ---- demo ---- */

static const struct demo_user {
    const char *name, *role, *posts, *password;
} demo_users[] = {
    {"admin", "admin", NULL, "admin-demo-2026"},
    {"officer", "officer", "clearance,risk,inspection,tax,enterprise,liaison", "officer-demo-2026"},
    {"manager", "officer", "manager", "manager-demo-2026"},
    {"gate01", "system", NULL, "gate01-demo-2026"},
};

/* Creates the platform's demo users (skipping those that exist). */
static hg_rc platform_demo(db *d, hg_err *err)
{
    for (size_t i = 0; i < sizeof demo_users / sizeof demo_users[0]; i++) {
        const struct demo_user *u = &demo_users[i];
        int64_t id;
        if (db_int(d, &id, err, "SELECT id FROM users WHERE name = ?", "t", u->name) == HG_OK)
            continue;
        user_spec s = {u->name, role_parse(u->role), 0, NULL, u->password};
        if (u->posts)
            posts_parse_list(u->posts, &s.posts, NULL);
        hg_rc rc = user_create(d, "demo", NULL, &s, &id, err);
        if (rc)
            return rc;
    }
    return HG_OK;
}

demo_options hg_demo_options;

static int demo_cmd(cmd_ctx *c)
{
    const char *v;
    char *end;
    hg_demo_options.scale = 1;
    hg_demo_options.seed = 2020;
    if ((v = cmd_option(c, "--days")) && ((hg_demo_options.days = (int)strtol(v, &end, 10)) < 0 || *end ||
                                          hg_demo_options.days > 400)) {
        fprintf(stderr, "haiguan: --days must be from 0 to 400\n");
        return EXIT_USAGE;
    }
    if ((v = cmd_option(c, "--scale")) && ((hg_demo_options.scale = (int)strtol(v, &end, 10)) < 1 || *end ||
                                           hg_demo_options.scale > 100)) {
        fprintf(stderr, "haiguan: --scale must be from 1 to 100\n");
        return EXIT_USAGE;
    }
    if ((v = cmd_option(c, "--seed"))) {
        hg_demo_options.seed = strtoull(v, &end, 10);
        if (*end || !*v) {
            fprintf(stderr, "haiguan: --seed must be a number\n");
            return EXIT_USAGE;
        }
    }
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    hg_err err;
    hg_err_clear(&err);
    char scratch[4096];
    hg_rc rc = audit_keys_load(d, key_dir(c, scratch, sizeof scratch), &err);
    for (const hg_module *const *m = hg_modules; *m && !rc; m++)
        if ((*m)->demo)
            rc = (*m)->demo(d, &err);
    db_close(d);
    if (rc)
        return fail(&err);
    printf("demo data loaded. Sign in with:\n");
    for (size_t i = 0; i < sizeof demo_users / sizeof demo_users[0]; i++)
        if (strcmp(demo_users[i].role, "system") != 0)
            printf("  %-12s %s\n", demo_users[i].name, demo_users[i].password);
    printf("  %-12s %s   (enterprise user of 大连港通国际贸易有限公司)\n", "dl-trading", "trading-demo-2026");
    return EXIT_OK;
}

/* ---- import ---- */

static const command *import_command(void);

static int import_cmd(cmd_ctx *c)
{
    if (c->argc != 3)
        return cmd_usage(import_command());
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const importer *im = (*m)->importers; im && im->kind; im++)
            if (strcmp(im->kind, c->argv[1]) == 0) {
                db *d = cmd_open_db(c);
                if (!d)
                    return EXIT_FAIL;
                char scratch[4096];
                hg_err err;
                hg_err_clear(&err);
                if (audit_keys_load(d, key_dir(c, scratch, sizeof scratch), &err)) {
                    db_close(d);
                    return fail(&err);
                }
                int rc = im->fn(c, d, c->argv[2]);
                db_close(d);
                return rc;
            }
    fprintf(stderr, "haiguan: unknown import kind '%s'; kinds:", c->argv[1]);
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const importer *im = (*m)->importers; im && im->kind; im++)
            fprintf(stderr, " %s", im->kind);
    fprintf(stderr, "\n");
    return EXIT_USAGE;
}

/* ---- routes ---- */

static int routes_cmd(cmd_ctx *c)
{
    (void)c;
    for (const route *const *t = modules_routes(); *t; t++)
        for (const route *r = *t; r->method; r++)
            printf("%-6s %-40s %s\n", r->method, r->pattern, r->summary);
    return EXIT_OK;
}

static const cmd_opt serve_opts[] = {{"--listen", 1},       {"--threads", 1},     {"--max-body", 1},
                                     {"--keys", 1},         {"--assets", 1},      {"--session-idle", 1},
                                     {"--session-max", 1},  {"--wal-mb", 1},      {NULL, 0}};
static const cmd_opt keys_opts[] = {{"--keys", 1}, {NULL, 0}};
static const cmd_opt demo_opts[] = {{"--days", 1}, {"--scale", 1}, {"--seed", 1}, {"--keys", 1}, {NULL, 0}};

static const command platform_commands[] = {
    {"serve", serve_cmd, "serve [--listen HOST:PORT] [--threads N] [--max-body BYTES] [--keys DIR] [--assets DIR]\n"
     "       [--session-idle SECONDS] [--session-max SECONDS] [--wal-mb MB]",
     "run the HTTP API and console",
     "Serves the JSON API (and the console) until SIGTERM or SIGINT. --listen defaults to\n"
     "127.0.0.1:8080; port 0 picks a free port and prints it (\"listening on http://...\").\n"
     "--wal-mb bounds SQLite's WAL file: past it the WAL starts over (default 64).\n"
     "--threads sets the worker pool (default 8); --max-body bounds request bodies (default\n"
     "1048576 bytes). Sessions end after --session-idle seconds without use (default 1800) or\n"
     "--session-max seconds in all (default 43200). The database is created or migrated first. Audit checkpoints are signed\n"
     "with the key in --keys DIR (or HAIGUAN_KEYS; default: next to the database).", serve_opts, NULL},
    {"init", init_cmd, "init [--keys DIR]", "create or migrate the database",
     "Creates the database or applies the migrations it has not seen; safe to run again.\n"
     "Also creates the audit signing key when there is none.", keys_opts, NULL},
    {"user", NULL,
     "user add NAME --role admin|officer|enterprise|system [--post POST]... [--enterprise USCC]\n"
     "       user list | user passwd NAME | user disable NAME",
     "manage user accounts",
     "add creates a user; its password (12 to 128 characters) is read from standard input.\n"
     "Officers carry posts (clearance, risk, inspection, tax, gate, quarantine, bonded, liaison,\n"
     "enterprise, antismuggling, manager; repeat --post or give a comma list). Enterprise users\n"
     "are bound to one enterprise by its USCC. passwd reads the new password from standard\n"
     "input; passwd and disable end every session and token of the user at once.", NULL, user_subs},
    {"token", NULL, "token create --user NAME --scopes a,b | token revoke ID", "manage bearer tokens",
     "create prints a new bearer token once (only its hash is stored). Scopes name areas:\n"
     "enterprises, risk, declarations, manifests, arrival, inspections, lab, tax, stats, gate,\n"
     "audit, admin, ...; * means everything the user's role allows. revoke ends a token.", NULL, token_subs},
    {"demo", demo_cmd, "demo [--days N] [--scale K] [--seed S] [--keys DIR]", "load demo data",
     "Loads the demo users, enterprises and each area's demo data; skips what exists. With --days N\n"
     "it also generates N days of port activity up to now (vessels and flights, manifests,\n"
     "arrivals, advance, two-step, ship-side pickup, cold-chain, bulk-ore and fresh-produce\n"
     "declarations, lanes, inspections, lab results, taxes and releases) through the same code\n"
     "paths as the API; --scale multiplies the volume and --seed makes it repeatable.", demo_opts, NULL},
    {"import", import_cmd, "import KIND FILE", "load records from a file",
     "Loads many records at once. Each line is checked like an API request; a bad line is\n"
     "reported with its line number and reason and loads nothing, the good lines load.\n"
     "Ends with a summary (\"N loaded, M refused\"); exit 1 when any line was refused.\n"
     "KIND enterprises: CSV with a header line naming the columns: uscc, customs_code,\n"
     "name_zh, name_en, kind, credit_level, coordinator. tariff, exchange-rates: CSV, loaded\n"
     "whole or not at all. manifests, declarations, arrivals: JSON Lines, one record per line\n"
     "as the API takes it (a manifest adds \"filer\", the carrier's USCC), with a progress bar\n"
     "on a terminal.",
     NULL, NULL},
    {"routes", routes_cmd, "routes", "list the HTTP routes",
     "Prints every route of the API: method, path pattern and what it does.", NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

static const command *import_command(void) { return &platform_commands[5]; }

const hg_module platform_module = {.name = "accounts",
                                   .migrations = auth_migrations,
                                   .routes = platform_routes,
                                   .commands = platform_commands,
                                   .demo = platform_demo};
const hg_module refdata_module = {.name = "refdata", .migrations = refdata_migrations};
const hg_module audit_module = {
    .name = "audit", .migrations = audit_migrations, .routes = audit_routes, .commands = audit_commands};
