/* platform_cmd.c — the platform's commands: serve, init, user, token, demo, import, routes,
 * modules; and the platform's module entries (accounts, reference data, audit). What the
 * areas register (posts, scopes, importers, demo sign-ins) is read from their module
 * records: nothing here names an area. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "auth.h"
#include "event.h"
#include "file_modes.h"
#include "i18n.h"
#include "import.h"
#include "jobs.h"
#include "log.h"
#include "mem.h"
#include "module.h"
#include "record.h"
#include "refdata.h"
#include "selfcheck.h"
#include "signin_throttle.h"
#include "webhook.h"
#include "writer.h"

extern const route platform_routes[];
extern const route audit_routes[];
extern const route refdata_routes[];

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

/* ---- serve ---- */

static int serve_cmd(cmd_ctx *c)
{
    /* A write waiting for its batch holds no thread (its connection is suspended), so threads are
     * for reads, which hold theirs while they run: a few more than the cores lets a long report
     * stall only its own thread's connections. Many more only wake more threads per batch: on
     * two cores 32 threads filed a fifth fewer declarations per second than 4 or 8. */
    http_config cfg = {.listen = "127.0.0.1:8080", .threads = 8, .max_body = 1u << 20, .routes = modules_routes(),
                       .limits = {.per_address = 128, .total = 2000, .deadline_s = 60}};
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
    const struct {
        const char *option;
        unsigned *value;
        unsigned min, max;
    } limits[] = {
        {"--max-conns-per-addr", &cfg.limits.per_address, 1, 100000},
        {"--max-conns", &cfg.limits.total, 16, 1000000},
        {"--request-deadline", &cfg.limits.deadline_s, 1, 3600},
    };
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++)
        if ((v = cmd_option(c, limits[i].option))) {
            long long n = strtoll(v, &end, 10);
            if (*end || n < limits[i].min || n > limits[i].max) {
                fprintf(stderr, "haiguan: %s must be from %u to %u\n", limits[i].option, limits[i].min, limits[i].max);
                return EXIT_USAGE;
            }
            *limits[i].value = (unsigned)n;
        }
    /* audit heads: often, by rows and by time (issue 13 §2) */
    long long head_rows = 0, head_s = 0;
    if ((v = cmd_option(c, "--audit-head-rows")) &&
        ((head_rows = strtoll(v, &end, 10)) < 1 || head_rows > 1000000 || *end)) {
        fprintf(stderr, "haiguan: --audit-head-rows must be from 1 to 1000000\n");
        return EXIT_USAGE;
    }
    if ((v = cmd_option(c, "--audit-head-seconds")) &&
        ((head_s = strtoll(v, &end, 10)) < 1 || head_s > 86400 || *end)) {
        fprintf(stderr, "haiguan: --audit-head-seconds must be from 1 to 86400\n");
        return EXIT_USAGE;
    }
    audit_set_head_policy(head_rows, head_s);
    cfg.limits.trusted_proxy = cmd_option(c, "--trusted-proxy");
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
    if ((v = cmd_option(c, "--event-days"))) {
        long days = strtol(v, &end, 10);
        if (*end || days < 1 || days > 3650) {
            fprintf(stderr, "haiguan: --event-days must be from 1 to 3650\n");
            return EXIT_USAGE;
        }
        event_set_retention_days((int)days);
    }
    int scheduler = !cmd_flag(c, "--no-jobs");
    /* headquarters above the districts (docs/SCALING.md §4): its figures are the districts'
     * rows received by logical replication, which only PostgreSQL has */
    if ((cfg.national = cmd_flag(c, "--national")) && strncmp(c->db_url, "postgres", 8) != 0) {
        fprintf(stderr, "haiguan: --national needs a PostgreSQL database (--db postgres://...): the national "
                        "installation receives the districts by logical replication, which SQLite does not have\n");
        return EXIT_USAGE;
    }
    if ((v = cmd_option(c, "--db-read"))) {
        if (strncmp(v, "postgres", 8) != 0) {
            fprintf(stderr, "haiguan: --db-read needs a PostgreSQL URL (a streaming replica)\n");
            return EXIT_USAGE;
        }
        db_set_read_url(v);
    }
    hg_err err0;
    webhook_config *wh = webhook_config_get();
    if ((v = cmd_option(c, "--webhook-targets")) && webhook_cidrs_parse(v, wh->allow, &wh->nallow, &err0)) {
        fprintf(stderr, "haiguan: --webhook-targets: %s\n", err0.message);
        return EXIT_USAGE;
    }
    const struct {
        const char *option;
        int64_t *value;
        long long min, max;
    } hooks[] = {
        {"--webhook-backoff-ms", &wh->unit_ms, 1, 1000},
        {"--webhook-timeout-ms", &wh->timeout_ms, 100, 120000},
    };
    for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++)
        if ((v = cmd_option(c, hooks[i].option))) {
            long long n = strtoll(v, &end, 10);
            if (*end || n < hooks[i].min || n > hooks[i].max) {
                fprintf(stderr, "haiguan: %s must be from %lld to %lld\n", hooks[i].option, hooks[i].min,
                        hooks[i].max);
                return EXIT_USAGE;
            }
            *hooks[i].value = n;
        }
    if ((v = cmd_option(c, "--webhook-workers"))) {
        long n = strtol(v, &end, 10);
        if (*end || n < 1 || n > 32) {
            fprintf(stderr, "haiguan: --webhook-workers must be from 1 to 32\n");
            return EXIT_USAGE;
        }
        wh->workers = (int)n;
    }
    char scratch[4096];
    hg_err err;
    hg_err_clear(&err);
    const char *keys = cmd_key_dir(c, scratch, sizeof scratch);
    if (private_files_check(keys, &err))
        return fail(&err);
    sqlite_files_tighten(c->db_url);
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    if (audit_keys_load(d, keys, &err)) {
        db_close(d);
        return fail(&err);
    }
    db_close(d);
    http_signals_block(NULL);   /* before the first thread of the server is started */
    i18n_set_labels(modules_field_label_zh);   /* a field's name in a message: its label */
    if (scheduler && (webhook_start(&err) || jobs_start(&err))) {
        webhook_stop();
        return fail(&err);
    }
    hg_rc rc = http_serve(&cfg, &err);
    jobs_stop();
    webhook_stop();
    return rc ? fail(&err) : EXIT_OK;
}

static int init_cmd(cmd_ctx *c)
{
    db *d;
    hg_err err;
    hg_err_clear(&err);
    sqlite_files_tighten(c->db_url);
    if (db_open(c->db_url, &d, &err))
        return fail(&err);
    int applied = 0;
    hg_rc rc = db_migrate(d, modules_migrations(), &applied, &err);
    char scratch[4096];
    if (!rc)
        rc = audit_keys_load(d, cmd_key_dir(c, scratch, sizeof scratch), &err);
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
        } else if (strcmp(opt, "--display-name") == 0) {
            u.display_name = val;
        } else {
            return cmd_usage(self);
        }
    }
    if (!u.role)
        return cmd_usage(self);
    char pw[256];
    /* a machine account has no password (its tokens are its only credential): stdin is not read */
    if (u.role != ROLE_SYSTEM) {
        if (cmd_read_password(pw, sizeof pw)) {
            fprintf(stderr, "haiguan: password: give it on standard input\n");
            return EXIT_FAIL;
        }
        u.password = pw;
    }
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    int64_t id;
    hg_err err;
    hg_err_clear(&err);
    hg_ctx cx = ctx_command(d, cli_actor());
    hg_rc rc = user_create(&cx, &u, &id, &err);
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
    hg_ctx cx = ctx_command(d, cli_actor());
    rc = strcmp(sub, "passwd") == 0 ? user_set_password(&cx, c->argv[2], pw, &err) : user_disable(&cx, c->argv[2], &err);
    db_close(d);
    if (rc)
        return fail(&err);
    printf("user %s %s; their sessions and tokens have ended\n", c->argv[2],
           strcmp(sub, "passwd") == 0 ? "has a new password" : "disabled");
    return EXIT_OK;
}

static const cmd_opt user_add_opts[] = {
    {"--role", 1}, {"--post", 1}, {"--enterprise", 1}, {"--display-name", 1}, {NULL, 0}};
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
    hg_ctx cx = ctx_command(d, cli_actor());
    hg_rc rc = token_create(&cx, user, scopes, &id, token, &err);
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
    hg_ctx cx = ctx_command(d, cli_actor());
    hg_rc rc = token_revoke(&cx, id, &err);
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

/* The demo sign-ins are the modules' (module.h). One name declared by several modules is one
 * user with the posts they all give it; officers, administrators and machines are created
 * before any demo step (demo data may name them), enterprise users after their module's step
 * (their enterprise is demo data). Existing users are left as they are. */
static hg_rc ensure_signin(db *d, const demo_signin *s, hg_err *err)
{
    int64_t id;
    hg_rc rc = db_int(d, &id, err, "SELECT id FROM users WHERE name = ?", "t", s->name);
    if (rc != HG_NOTFOUND)
        return rc;
    user_spec u = {s->name, s->role, 0, s->enterprise, s->password, NULL};
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const demo_signin *o = (*m)->demo_signins; o && o->name; o++) {
            unsigned bits = 0;
            if (strcmp(o->name, s->name) == 0 && o->posts && (rc = posts_parse_list(o->posts, &bits, err)))
                return rc;
            u.posts |= bits;
            if (strcmp(o->name, s->name) == 0 && o->display_name && !u.display_name)
                u.display_name = o->display_name;   /* the first module that names it */
        }
    hg_ctx cx = ctx_command(d, "demo");
    return user_create(&cx, &u, &id, err);
}

static hg_rc ensure_signins(db *d, const hg_module *m, int enterprises, hg_err *err)
{
    hg_rc rc = HG_OK;
    for (const demo_signin *s = m->demo_signins; s && s->name && !rc; s++)
        if ((s->role == ROLE_ENTERPRISE) == enterprises)
            rc = ensure_signin(d, s, err);
    return rc;
}

/* The modules in the order of their demo steps: by demo_order, equal ones in list order. */
static size_t demo_steps(const hg_module **out, size_t max)
{
    size_t n = 0;
    for (const hg_module *const *m = hg_modules; *m && n < max; m++) {
        size_t i = n++;
        while (i > 0 && out[i - 1]->demo_order > (*m)->demo_order) {
            out[i] = out[i - 1];
            i--;
        }
        out[i] = *m;
    }
    return n;
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
    hg_rc rc = audit_keys_load(d, cmd_key_dir(c, scratch, sizeof scratch), &err);
    const hg_module *steps[64];
    size_t n = demo_steps(steps, sizeof steps / sizeof steps[0]);
    for (size_t i = 0; i < n && !rc; i++)
        rc = ensure_signins(d, steps[i], 0, &err);
    for (size_t i = 0; i < n && !rc; i++) {
        if (steps[i]->demo)
            rc = steps[i]->demo(d, &err);
        if (!rc)
            rc = ensure_signins(d, steps[i], 1, &err);
    }
    db_close(d);
    if (rc)
        return fail(&err);
    printf("demo data loaded. Sign in with:\n");
    for (size_t i = 0; i < n; i++)
        for (const demo_signin *s = steps[i]->demo_signins; s && s->name; s++)
            if (s->password)
                printf("  %-11s %-14s %-22s %s%s%s\n", steps[i]->name, s->name, s->password, s->what,
                       s->posts ? "; posts " : "", s->posts ? s->posts : "");
    printf("Machine accounts have no password; each acts with a token an administrator creates:\n");
    for (size_t i = 0; i < n; i++)
        for (const demo_signin *s = steps[i]->demo_signins; s && s->name; s++)
            if (!s->password)
                printf("  %-11s %-14s %s: haiguan token create --user %s --scopes %s\n", steps[i]->name, s->name,
                       s->what, s->name, s->token_scopes ? s->token_scopes : "SCOPES");
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
                if (audit_keys_load(d, cmd_key_dir(c, scratch, sizeof scratch), &err)) {
                    db_close(d);
                    return fail(&err);
                }
                import_audit_as(im->kind, cli_actor());
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

static const cmd_opt routes_opts[] = {{"--json", 0}, {NULL, 0}};


/* A route as `haiguan routes --json` prints it: what the docs check (tools/check_modules.py)
 * and tools read, from the route's own declaration. */
static json_t *route_json(const route *r)
{
    static const char *const role_names[] = {"admin", "officer", "enterprise", "system"};
    json_t *roles = json_array(), *posts = json_array(), *query = json_array(), *o = json_object();
    for (unsigned i = 0; i < sizeof role_names / sizeof *role_names; i++)
        if (r->roles & (1u << i))
            json_array_append_new(roles, json_string(role_names[i]));
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const hg_post *p = (*m)->posts; p && p->name; p++)
            if (r->posts & p->bit)
                json_array_append_new(posts, json_string(p->name));
    for (const char *q = r->query; q && *q;) {
        const char *e = strchr(q, ',');
        size_t n = e ? (size_t)(e - q) : strlen(q);
        json_array_append_new(query, json_stringn(q, n));
        q += e ? n + 1 : n;
    }
    json_t *body = json_null();
    if (r->body) {
        json_t *fields = json_array();
        for (const field *f = r->body->fields; f->name; f++)
            if (!(f->flags & FF_SERVER))
                json_array_append_new(fields, json_pack("{s:s, s:b}", "name", f->name, "required",
                                                        (f->flags & FF_REQUIRED) != 0));
        body = json_pack("{s:s, s:o}", "record", r->body->name, "fields", fields);
    }
    json_object_set_new(o, "method", json_string(r->method));
    json_object_set_new(o, "pattern", json_string(r->pattern));
    json_object_set_new(o, "status", json_integer(r->status ? r->status : 200));
    json_object_set_new(o, "public", json_boolean(r->flags & ROUTE_PUBLIC));
    json_object_set_new(o, "scope", r->scope ? json_string(r->scope) : json_null());
    json_object_set_new(o, "roles", roles);
    json_object_set_new(o, "posts", posts);
    json_object_set_new(o, "query", query);
    json_object_set_new(o, "body", body);
    json_object_set_new(o, "prepared", json_boolean(r->prepare != NULL));
    json_object_set_new(o, "stream", json_boolean(r->flags & ROUTE_STREAM));
    json_object_set_new(o, "summary", json_string(r->summary ? r->summary : ""));
    return o;
}

static int routes_cmd(cmd_ctx *c)
{
    int as_json = cmd_flag(c, "--json");
    json_t *all = json_array();
    for (const route *const *t = modules_routes(); *t; t++)
        for (const route *r = *t; r->method; r++) {
            if (as_json) {
                json_array_append_new(all, route_json(r));
                continue;
            }
            char what[48] = "";
            if (r->body)
                snprintf(what, sizeof what, "{%s}", r->body->name);
            printf("%-6s %-42s %d %-14s %s%s%s\n", r->method, r->pattern, r->status ? r->status : 200, what,
                   r->summary, r->query ? "  ?" : "", r->query ? r->query : "");
        }
    if (as_json) {
        char *text = json_dumps(all, JSON_INDENT(1));
        if (text)
            puts(text);
        xfree(text);   /* jansson allocates with xmalloc (mem_init) */
    }
    json_decref(all);
    return EXIT_OK;
}

/* ---- modules ---- */

static int modules_cmd(cmd_ctx *c)
{
    (void)c;
    for (const hg_module *const *mp = hg_modules; *mp; mp++) {
        const hg_module *m = *mp;
        printf("%s — %s\n", m->name, m->summary ? m->summary : "");
        if (m->migrations_first || m->migrations_last)
            printf("  migrations %d-%d\n", m->migrations_first, m->migrations_last);
        for (const int *v = m->migrations_legacy; v && *v; v++)
            printf("  migration  %d (shipped before the area had its folder; keeps its number)\n", *v);
        for (const hg_post *p = m->posts; p && p->name; p++)
            printf("  post       %-14s %s\n", p->name, p->label_zh);
        for (const hg_scope *s = m->scopes; s && s->name; s++)
            printf("  scope      %-14s %s\n", s->name, s->summary);
        for (const importer *im = m->importers; im && im->kind; im++)
            printf("  import     %-14s %s\n", im->kind, im->help);
        for (const hg_job *j = m->jobs; j && j->name; j++)
            printf("  job        %-14s every %ds: %s\n", j->name, j->interval_s, j->summary);
        for (const command *k = m->commands; k && k->name; k++)
            printf("  command    %-14s %s\n", k->name, k->summary);
        for (const demo_signin *s = m->demo_signins; s && s->name; s++)
            printf("  sign-in    %-14s %s\n", s->name, s->what);
    }
    return EXIT_OK;
}

/* ---- selfcheck ---- */

static void print_problem(void *arg, const char *module, const char *text)
{
    (void)arg;
    printf("selfcheck: %s: %s\n", module, text);
}

static int selfcheck_cmd(cmd_ctx *c)
{
    (void)c;
    int n = selfcheck_all(hg_modules, print_problem, NULL);
    int modules = 0;
    for (const hg_module *const *m = hg_modules; *m; m++)
        modules++;
    if (n)
        printf("selfcheck: %d problem%s\n", n, n == 1 ? "" : "s");
    else
        printf("selfcheck: %d modules, no problem\n", modules);
    return n ? EXIT_FAIL : EXIT_OK;
}

static const cmd_opt serve_opts[] = {
    {"--listen", 1},      {"--threads", 1},   {"--max-body", 1},           {"--keys", 1},
    {"--assets", 1},      {"--session-idle", 1}, {"--session-max", 1},     {"--wal-mb", 1},
    {"--max-conns-per-addr", 1}, {"--max-conns", 1}, {"--request-deadline", 1}, {"--trusted-proxy", 1},
    {"--audit-head-rows", 1}, {"--audit-head-seconds", 1},
    {"--event-days", 1}, {"--no-jobs", 0}, {"--webhook-targets", 1}, {"--webhook-backoff-ms", 1},
    {"--webhook-timeout-ms", 1}, {"--webhook-workers", 1}, {"--db-read", 1}, {"--national", 0},
    {NULL, 0}};
static const cmd_opt keys_opts[] = {{"--keys", 1}, {NULL, 0}};
static const cmd_opt demo_opts[] = {{"--days", 1}, {"--scale", 1}, {"--seed", 1}, {"--keys", 1}, {NULL, 0}};

static const command platform_commands[] = {
    {"serve", serve_cmd, "serve [--listen HOST:PORT] [--threads N] [--max-body BYTES] [--keys DIR] [--assets DIR]\n"
     "       [--session-idle SECONDS] [--session-max SECONDS] [--wal-mb MB]\n"
     "       [--max-conns-per-addr N] [--max-conns N] [--request-deadline SECONDS] [--trusted-proxy ADDR]\n"
     "       [--audit-head-rows N] [--audit-head-seconds SECONDS]\n"
     "       [--event-days N] [--no-jobs] [--webhook-targets CIDR[,CIDR]] [--webhook-backoff-ms MS]\n"
     "       [--webhook-timeout-ms MS] [--webhook-workers N] [--db-read URL] [--national]",
     "run the HTTP API and console",
     "Serves the JSON API (and the console) until SIGTERM or SIGINT. --listen defaults to\n"
     "127.0.0.1:8080; port 0 picks a free port and prints it (\"listening on http://...\").\n"
     "--wal-mb bounds SQLite's WAL file: past it the WAL starts over (default 64).\n"
     "--threads sets the worker pool (default 8); --max-body bounds request bodies (default\n"
     "1048576 bytes). Sessions end after --session-idle seconds without use (default 1800) or\n"
     "--session-max seconds in all (default 43200). One address may hold --max-conns-per-addr\n"
     "connections (default 128; the --trusted-proxy address is exempt, the proxy limiting its own\n"
     "clients), the server --max-conns (default 2000, lowered to fit the file-descriptor limit),\n"
     "and a request must arrive whole within --request-deadline seconds (default 60).\n"
     "The database is created or migrated first. Audit rows are keyed and their heads signed\n"
     "with the keys in --keys DIR (or HAIGUAN_KEYS; default: next to the database): a head every\n"
     "--audit-head-rows rows (default 256) and at the first write --audit-head-seconds after the\n"
     "last (default 60); `haiguan audit export` copies them to a file off the database.\n"
     "The periodic jobs (`haiguan jobs`) run on schedule unless --no-jobs; events are kept\n"
     "--event-days days (default 30) before the purge job deletes them.\n"
     "Webhook deliveries never go to loopback, private or link-local addresses unless inside\n"
     "--webhook-targets (comma list of ranges, e.g. 10.1.0.0/16); each attempt waits at most\n"
     "--webhook-timeout-ms (default 10000), --webhook-workers send at once (default 4), and\n"
     "--webhook-backoff-ms is the length of a second of the retry schedule (default 1000; tests).\n"
     "--db-read URL (PostgreSQL): a streaming replica the dashboards and lists may read; a caller\n"
     "who has just written reads what it wrote (the replica is waited for briefly, else the\n"
     "primary answers); X-Haiguan-Read says which one did.\n"
     "--national (PostgreSQL): the headquarters installation above the districts (`haiguan\n"
     "national`): it answers the national routes and refuses every district write.",
     serve_opts, NULL},
    {"init", init_cmd, "init [--keys DIR]", "create or migrate the database",
     "Creates the database or applies the migrations it has not seen; safe to run again.\n"
     "Also creates the audit signing key when there is none.", keys_opts, NULL},
    {"user", NULL,
     "user add NAME --role admin|officer|enterprise|system [--post POST]... [--enterprise USCC]\n"
     "           [--display-name TEXT]\n"
     "       user list | user passwd NAME | user disable NAME",
     "manage user accounts",
     "add creates a user; its password (12 to 128 characters) is read from standard input.\n"
     "Officers carry posts, which the areas declare (`haiguan modules` lists them; repeat --post\n"
     "or give a comma list). Enterprise users\n"
     "are bound to one enterprise by its USCC. passwd reads the new password from standard\n"
     "input; passwd and disable end every session and token of the user at once.", NULL, user_subs},
    {"token", NULL, "token create --user NAME --scopes a,b | token revoke ID", "manage bearer tokens",
     "create prints a new bearer token once (only its hash is stored). Scopes name the parts of\n"
     "the API a token reaches, as the modules declare them (`haiguan modules` lists them); *\n"
     "means everything the user's role allows. revoke ends a token.", NULL, token_subs},
    {"demo", demo_cmd, "demo [--days N] [--scale K] [--seed S] [--keys DIR]", "load demo data",
     "Loads each module's demo sign-ins and demo data, in the order of their demo steps, and\n"
     "prints the sign-ins; skips what exists. With --days N the areas also generate N days of\n"
     "activity up to now through the same code paths as the API; --scale multiplies the volume\n"
     "and --seed makes it repeatable.", demo_opts, NULL},
    {"import", import_cmd, "import KIND FILE", "load records from a file",
     "Loads many records at once. Each line is checked like an API request; a bad line is\n"
     "reported with its line number and reason and loads nothing, the good lines load.\n"
     "Ends with a summary (\"N loaded, M refused\"); exit 1 when any line was refused.\n"
     "The kinds and their file formats are the modules' (`haiguan modules` lists them).", NULL, NULL},
    {"routes", routes_cmd, "routes [--json]", "list the HTTP routes",
     "Prints every route of the API as it declares itself: method, path pattern, success\n"
     "status, the record its body is ({name}), what it does and its query parameters (?a,b).\n"
     "--json prints the same with roles, posts, scope and the body's fields, for tools.",
     routes_opts, NULL},
    {"modules", modules_cmd, "modules", "list the modules and what each registers",
     "Prints each module built in, in dependency order, with what its record declares: its\n"
     "migration range, officer posts (with their Chinese labels), token scopes, importers (with\n"
     "their file formats), commands and demo sign-ins.", NULL, NULL},
    {"selfcheck", selfcheck_cmd, "selfcheck", "check the modules' records keep their shape",
     "Checks what the modules register: every migration inside its module's range (or one of its\n"
     "recorded legacy versions), no range or version claimed twice, no two routes on one method\n"
     "and pattern, every route's scope and posts registered, no post or scope declared twice,\n"
     "every importer with its help, and every field table's columns in the migrated schema (on a\n"
     "fresh in-memory database). Prints each problem; exit 1 when there is any. The source-level\n"
     "checks are tools/check_modules.py's; `make test` runs both.", NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

static const command *import_command(void) { return &platform_commands[5]; }

/* The manager is the platform's post, not an area's: the access policy (router.c) lets it
 * read every area that officers may read, and change nothing. */
static const hg_post platform_posts[] = {
    HG_POST(10, manager, "关区领导"),
    {0},
};

static const hg_scope platform_scopes[] = {
    {"admin", "users and tokens"},
    {NULL, NULL},
};

static const hg_scope audit_scopes[] = {
    {"audit", "the audit trail and its verification"},
    {NULL, NULL},
};

static const demo_signin platform_signins[] = {
    {.name = "admin",
     .role = ROLE_ADMIN,
     .password = "admin-demo-2026",
     .what = "the administrator",
     .display_name = "系统管理员"},
    {.name = "manager",
     .role = ROLE_OFFICER,
     .posts = "manager",
     .password = "manager-demo-2026",
     .what = "a manager: reads every area",
     .display_name = "李国华"},
    {.name = NULL},
};

/* ---- the accounts' periodic purges ---- */

static hg_rc purge_sessions_job(db *d, hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = session_purge(d, now_ms(), &n, err);
    if (!rc && n)
        log_info("accounts: purged %lld expired sessions", (long long)n);
    return rc;
}

static hg_rc purge_throttle_job(db *d, hg_err *err) { return throttle_purge(d, now_ms(), err); }

static const hg_job platform_jobs[] = {
    {"accounts.purge_sessions", "delete sessions past their idle or absolute expiry", 600, purge_sessions_job},
    {"accounts.purge_signin_throttle", "forget failed sign-ins older than the throttle's window (15 minutes)", 600,
     purge_throttle_job},
    {NULL, NULL, 0, NULL},
};

/* The platform's modules share versions 1-99: accounts 1-4, reference data 5-9, audit 10-19;
 * events 20-29, calendar 30-39, jobs 40-49, webhooks 50-59, storage 60-99. */
const hg_module platform_module = {.name = "accounts",
                                   .summary = "users, roles, posts, sessions and bearer tokens",
                                   .migrations = auth_migrations,
                                   .migrations_first = 1,
                                   .migrations_last = 4,
                                   .routes = platform_routes,
                                   .commands = platform_commands,
                                   .posts = platform_posts,
                                   .scopes = platform_scopes,
                                   .demo_signins = platform_signins,
                                   .jobs = platform_jobs};
const hg_module refdata_module = {.name = "refdata",
                                  .summary = "reference data: versioned in-memory tables, and the names of codes",
                                  .migrations = refdata_migrations,
                                  .migrations_first = 5,
                                  .migrations_last = 9,
                                  .routes = refdata_routes};
/* A signed head when the chain has grown or its time is due, also on an idle server whose last
 * rows would otherwise wait for the next write (audit.h). */
static const hg_job audit_jobs[] = {
    {"audit.checkpoint", "sign a head of the audit chain when it has grown or is due", 30, audit_checkpoint_job},
    {NULL, NULL, 0, NULL},
};
const hg_module audit_module = {.name = "audit",
                                .summary = "the hash-chained audit trail and its signed checkpoints",
                                .migrations = audit_migrations,
                                .migrations_first = 10,
                                .migrations_last = 19,
                                .routes = audit_routes,
                                .commands = audit_commands,
                                .scopes = audit_scopes,
                                .jobs = audit_jobs};
