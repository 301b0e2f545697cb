/* test_selfcheck.c — the module self-check (selfcheck.h) on planted module records: each
 * violation it guards is planted once and must be found, and the clean records must pass. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "platform/mem.h"
#include "platform/record.h"
#include "platform/selfcheck.h"

static char last[512];

static void remember(void *arg, const char *module, const char *text)
{
    (void)arg;
    snprintf(last, sizeof last, "%s: %s", module, text);
}

static hg_rc noop(req *r, hg_err *e)
{
    (void)r;
    (void)e;
    return HG_OK;
}

/* ---- a clean pair of modules ---- */

static const migration a_migrations[] = {
    {600, "things", "CREATE TABLE things (id TEXT PRIMARY KEY, name TEXT NOT NULL, at_ms BIGINT);", NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};
static const field thing_fields[] = {
    {.name = "id", .type = FT_TEXT, .flags = FF_KEY},
    {.name = "name", .type = FT_TEXT},
    {.name = "at", .type = FT_TIME, .column = "at_ms"},
    {0},
};
static const record_type thing_record = {.name = "thing", .table = "things", .fields = thing_fields};
static const record_type *const a_records[] = {&thing_record, NULL};
static const hg_post a_posts[] = {HG_POST(0, watch, "值守"), {0}};
static const hg_scope a_scopes[] = {{"things", "the things"}, {NULL, NULL}};
static const route a_routes[] = {
    {.method = "GET", .pattern = "/api/v1/things/{id}", .fn = noop,
         .scope = "things", .roles = ROLE_OFFICER, .posts = 1u << 0,
         .summary = "read a thing"},
    {0},
};
static int import_things(cmd_ctx *c, db *d, const char *path)
{
    (void)c, (void)d, (void)path;
    return 0;
}
static const importer a_importers[] = {{"things", import_things, "CSV: id, name"}, {NULL, NULL, NULL}};
static const hg_module mod_a = {.name = "a", .migrations = a_migrations, .migrations_first = 600,
                                .migrations_last = 699, .routes = a_routes, .importers = a_importers,
                                .posts = a_posts, .scopes = a_scopes, .records = a_records};
static const migration b_migrations[] = {
    {710, "more", "CREATE TABLE more (k TEXT PRIMARY KEY);", NULL, NULL},
    {650, "shipped inside a's range before b had a folder", "CREATE TABLE older (k TEXT);", NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};
static const int b_legacy[] = {650, 0};
static const hg_module mod_b = {.name = "b", .migrations = b_migrations, .migrations_first = 700,
                                .migrations_last = 799, .migrations_legacy = b_legacy};

static int run(const hg_module *x, const hg_module *y)
{
    const hg_module *mods[] = {x, y, NULL};
    last[0] = '\0';
    return selfcheck_all(mods, remember, NULL);
}

static void clean_modules_pass(void **state)
{
    (void)state;
    assert_int_equal(run(&mod_a, &mod_b), 0);
}

static void migration_outside_its_range(void **state)
{
    (void)state;
    static const migration m[] = {{820, "stray", "CREATE TABLE stray (k TEXT);", NULL, NULL}, {0, NULL, NULL, NULL, NULL}};
    hg_module b = mod_b;
    b.migrations = m;
    b.migrations_legacy = NULL;
    assert_int_equal(run(&mod_a, &b), 1);
    assert_non_null(strstr(last, "migration 820 is outside its range 700-799"));
}

static void two_modules_claim_one_range_or_version(void **state)
{
    (void)state;
    hg_module b = mod_b;
    b.migrations_first = 690;   /* overlaps a's 600-699 */
    assert_int_equal(run(&mod_a, &b), 1);
    assert_non_null(strstr(last, "overlaps"));
    static const migration m[] = {{600, "again", "SELECT 1;", NULL, NULL}, {0, NULL, NULL, NULL, NULL}};
    static const int legacy[] = {600, 0};
    b = mod_b;
    b.migrations = m;
    b.migrations_legacy = legacy;
    assert_true(run(&mod_a, &b) >= 1);
    assert_non_null(strstr(last, "also a's") ? last : strstr(last, "migrations do not apply"));
}

static void two_routes_on_one_method_and_pattern(void **state)
{
    (void)state;
    static const route r[] = {
        {.method = "GET", .pattern = "/api/v1/things/{thing_id}", .fn = noop,
         .scope = "things", .roles = ROLE_OFFICER,
         .summary = "the same route again"},
        {0},
    };
    hg_module b = mod_b;
    b.routes = r;
    assert_int_equal(run(&mod_a, &b), 1);
    assert_non_null(strstr(last, "route GET /api/v1/things/{thing_id} is also a's"));
    static const route other[] = {
        {.method = "POST", .pattern = "/api/v1/things/{thing_id}", .fn = noop,
         .scope = "things", .roles = ROLE_OFFICER,
         .summary = "another method"},
        {0},
    };
    b.routes = other;
    assert_int_equal(run(&mod_a, &b), 0);
}

/* A route declares its success status, body record, prepare step and query parameters
 * (issue 12 item 7): each impossible declaration is a problem, the possible ones are not. */
static void route_declares_the_impossible(void **state)
{
    (void)state;
    static const route bad[] = {
        {.method = "GET", .pattern = "/api/v1/things/a", .fn = noop, .scope = "things", .roles = ROLE_OFFICER,
         .status = 404, .summary = "a success that is not 2xx"},
        {.method = "GET", .pattern = "/api/v1/things/b", .fn = noop, .scope = "things", .roles = ROLE_OFFICER,
         .body = &thing_record, .summary = "a body on GET"},
        {.method = "POST", .pattern = "/api/v1/things/c", .fn = noop, .prepare = noop, .flags = ROUTE_DIRECT,
         .scope = "things", .roles = ROLE_OFFICER, .summary = "prepared but direct"},
        {.method = "GET", .pattern = "/api/v1/things/d", .fn = noop, .scope = "things", .roles = ROLE_OFFICER,
         .query = "limit,cursor,limit", .summary = "limit twice"},
        {.method = "POST", .pattern = "/api/v1/things/f", .fn = noop, .flags = ROUTE_REPLICA, .scope = "things",
         .roles = ROLE_OFFICER, .summary = "a write from the replica"},
        {.method = "GET", .pattern = "/api/v1/things/g", .fn = noop, .flags = ROUTE_URGENT, .scope = "things",
         .roles = ROLE_OFFICER, .summary = "an urgent read"},
        {.method = "GET", .pattern = "/api/v1/things/e", .fn = noop, .scope = "things", .roles = ROLE_OFFICER},
        {0},
    };
    hg_module b = mod_b;
    b.routes = bad;
    assert_int_equal(run(&mod_a, &b), 7);
    assert_non_null(strstr(last, "GET /api/v1/things/e has no summary"));
    static const route good[] = {
        {.method = "POST", .pattern = "/api/v1/things", .fn = noop, .prepare = noop, .scope = "things",
         .flags = ROUTE_URGENT, .roles = ROLE_OFFICER, .body = &thing_record, .status = 201,
         .summary = "file a thing"},
        {.method = "GET", .pattern = "/api/v1/things", .fn = noop, .scope = "things", .roles = ROLE_OFFICER,
         .flags = ROUTE_REPLICA, .query = "limit,cursor", .summary = "list things"},
        {0},
    };
    b.routes = good;
    assert_int_equal(run(&mod_a, &b), 0);
}

static void unregistered_scope_and_post(void **state)
{
    (void)state;
    static const route r[] = {
        {.method = "GET", .pattern = "/api/v1/more", .fn = noop,
         .scope = "mores", .roles = ROLE_OFFICER,
         .summary = "a scope nobody declares"},
        {.method = "GET", .pattern = "/api/v1/more/{k}", .fn = noop,
         .scope = "things", .roles = ROLE_OFFICER, .posts = 1u << 5,
         .summary = "a post nobody declares"},
        {0},
    };
    hg_module b = mod_b;
    b.routes = r;
    assert_int_equal(run(&mod_a, &b), 2);
    assert_non_null(strstr(last, "post bit 5 is not registered"));
    const hg_module *mods[] = {&mod_a, &b, NULL};
    assert_int_equal(selfcheck_routes(mods, remember, NULL), 2);
}

static void post_or_scope_declared_twice(void **state)
{
    (void)state;
    static const hg_post p[] = {HG_POST(0, guard, "守卫"), {0}};
    static const hg_scope s[] = {{"things", "again"}, {NULL, NULL}};
    hg_module b = mod_b;
    b.posts = p;
    assert_int_equal(run(&mod_a, &b), 1);
    assert_non_null(strstr(last, "post guard clashes with a's watch"));
    b.posts = NULL;
    b.scopes = s;
    assert_int_equal(run(&mod_a, &b), 1);
    assert_non_null(strstr(last, "scope things is also a's"));
}

static void importer_without_help(void **state)
{
    (void)state;
    static const importer im[] = {{"mores", import_things, ""}, {NULL, NULL, NULL}};
    hg_module b = mod_b;
    b.importers = im;
    assert_int_equal(run(&mod_a, &b), 1);
    assert_non_null(strstr(last, "importer mores has no help"));
}

static hg_rc noop_job(db *d, hg_err *e)
{
    (void)d, (void)e;
    return HG_OK;
}

static void job_without_summary_or_declared_twice(void **state)
{
    (void)state;
    static const hg_job ok[] = {{"b.sweep", "sweep the things", 60, noop_job}, {NULL, NULL, 0, NULL}};
    hg_module b = mod_b;
    b.jobs = ok;
    assert_int_equal(run(&mod_a, &b), 0);
    static const hg_job quiet[] = {{"b.sweep", "", 60, noop_job}, {NULL, NULL, 0, NULL}};
    b.jobs = quiet;
    assert_int_equal(run(&mod_a, &b), 1);
    assert_non_null(strstr(last, "job b.sweep has no summary"));
    static const hg_job twice[] = {{"b.sweep", "one", 60, noop_job}, {"b.sweep", "two", 60, noop_job},
                                   {NULL, NULL, 0, NULL}};
    b.jobs = twice;
    assert_int_equal(run(&mod_a, &b), 1);
    assert_non_null(strstr(last, "job b.sweep is also b's"));
    /* across modules too */
    hg_module a = mod_a;
    a.jobs = ok;
    b.jobs = ok;
    assert_int_equal(run(&a, &b), 1);
    assert_non_null(strstr(last, "job b.sweep is also a's"));
}

static void field_table_differs_from_schema(void **state)
{
    (void)state;
    static const field f[] = {
        {.name = "k", .type = FT_TEXT, .flags = FF_KEY},
        {.name = "colour", .type = FT_TEXT},
        {0},
    };
    static const record_type more = {.name = "more", .table = "more", .fields = f};
    static const record_type *const recs[] = {&more, NULL};
    hg_module b = mod_b;
    b.records = recs;
    assert_int_equal(run(&mod_a, &b), 1);
    assert_non_null(strstr(last, "record more: column colour is not in table more"));
    /* a column the table requires and the field table does not write: inserts would fail */
    static const migration strict[] = {
        {720, "strict", "CREATE TABLE strict (k TEXT PRIMARY KEY, must TEXT NOT NULL, maybe TEXT);", NULL, NULL},
        {0, NULL, NULL, NULL, NULL},
    };
    static const field k_only[] = {{.name = "k", .type = FT_TEXT, .flags = FF_KEY}, {.name = "maybe", .type = FT_TEXT}, {0}};
    static const record_type strict_record = {.name = "strict", .table = "strict", .fields = k_only};
    static const record_type *const recs3[] = {&strict_record, NULL};
    hg_module c = mod_b;
    c.migrations = strict;
    c.migrations_legacy = NULL;
    c.records = recs3;
    assert_int_equal(run(&mod_a, &c), 1);
    assert_non_null(strstr(last, "table strict requires column must"));
    static const record_type missing = {.name = "ghost", .table = "ghosts", .fields = f};
    static const record_type *const recs2[] = {&missing, NULL};
    b.records = recs2;
    assert_int_equal(run(&mod_a, &b), 1);
    assert_non_null(strstr(last, "no table ghosts"));
}

int main(void)
{
    mem_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_modules_pass),
        cmocka_unit_test(migration_outside_its_range),
        cmocka_unit_test(two_modules_claim_one_range_or_version),
        cmocka_unit_test(two_routes_on_one_method_and_pattern),
        cmocka_unit_test(route_declares_the_impossible),
        cmocka_unit_test(unregistered_scope_and_post),
        cmocka_unit_test(post_or_scope_declared_twice),
        cmocka_unit_test(importer_without_help),
        cmocka_unit_test(field_table_differs_from_schema),
        cmocka_unit_test(job_without_summary_or_declared_twice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
