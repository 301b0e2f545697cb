/* test_faults.c — errors never lie: a database fault injected under a lookup (db_fault_inject)
 * comes back as that fault, never as a business answer — not "no such enterprise", not a
 * conflict on another field, not a screening at another credit level's random rate. Each case
 * runs once without the fault (accepted) and once with it (refused with the fault's code). */
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "enterprise/enterprise.h"
#include "platform/audit.h"
#include "platform/auth.h"
#include "platform/db.h"
#include "platform/http.h"
#include "platform/module.h"
#include "risk/risk_store.h"
#include "tax/tax_store.h"

#define LOOKUP "FROM enterprises WHERE uscc"

typedef struct fx {
    char dir[64], path[96];
    db *d;
} fx;

static int rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(p);
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    hg_err err;
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/hg_faults_XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
    setenv("HAIGUAN_KEYS", f->dir, 1);
    setenv("HAIGUAN_RISK_RANDOM", "0,0", 1);
    db_set_url(f->path);
    for (const hg_module *const *m = hg_modules; *m; m++)
        if ((*m)->init)
            (*m)->init();
    if (db_open(f->path, &f->d, &err) || db_migrate(f->d, modules_migrations(), NULL, &err))
        return -1;
    if (db_exec(f->d,
                "INSERT INTO enterprises (uscc, customs_code, name_zh, kind, credit_level, created_ms, updated_ms)"
                " VALUES ('91210200241600015L', '2102930001', '大连港通', 'importer', 'advanced_certified', 0, 0)",
                &err))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    db_fault_inject(NULL, HG_OK);
    db_close(f->d);
    nftw(f->dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

static void screening_never_guesses_the_credit_level(void **state)
{
    fx *f = *state;
    hg_err err;
    risk_item item = {.hs_code = "8483409000", .origin = "DE", .value_fen = 100000, .unit_price_fen = 100000};
    risk_decl decl = {.id = "090120261000000001",
                      .direction = RISK_IMPORT,
                      .port = "0901",
                      .trade_country = "DE",
                      .consignee = "91210200241600015L",
                      .declarant = "91210200241600015L",
                      .items = &item,
                      .n_items = 1};
    risk_verdict v;
    assert_int_equal(risk_screen_subject(f->d, &decl, &v, &err), HG_OK); /* accepted */
    risk_verdict_free(&v);
    db_fault_inject(LOOKUP, HG_UNAVAILABLE);
    assert_int_equal(risk_screen_subject(f->d, &decl, &v, &err), HG_UNAVAILABLE); /* refused */
    risk_verdict_free(&v);
    db_fault_inject(NULL, HG_OK);
}

static void enterprise_user_is_not_refused_as_unknown_on_a_fault(void **state)
{
    fx *f = *state;
    hg_err err;
    int64_t id;
    user_spec u = {"ent-ok", ROLE_ENTERPRISE, 0, "91210200241600015L", "a-long-password-2026", NULL};
    hg_ctx cx = ctx_command(f->d, "test");
    assert_int_equal(user_create(&cx, &u, &id, &err), HG_OK);
    user_spec v = {"ent-fault", ROLE_ENTERPRISE, 0, "91210200241600015L", "a-long-password-2026", NULL};
    db_fault_inject(LOOKUP, HG_DB);
    assert_int_equal(user_create(&cx, &v, &id, &err), HG_DB);
    assert_string_not_equal(err.code, "not_found");
    db_fault_inject(NULL, HG_OK);
    user_spec w = {"ent-none", ROLE_ENTERPRISE, 0, "91350100M000100Y43", "a-long-password-2026", NULL};
    assert_int_equal(user_create(&cx, &w, &id, &err), HG_INVALID); /* a real "none" */
    assert_string_equal(err.code, "not_found");
}

static void a_fault_is_not_a_conflict_on_another_field(void **state)
{
    fx *f = *state;
    hg_err err;
    json_t *out = NULL;
    json_t *body = json_pack("{s:s, s:s, s:s, s:s, s:s}", "uscc", "91210200241600015L", "customs_code", "2102930009",
                             "name_zh", "重复", "kind", "importer", "credit_level", "general_credit");
    hg_ctx c = ctx_command(f->d, "test");
    assert_int_equal(enterprise_create(&c, body, &out, &err), HG_CONFLICT);
    assert_string_equal(err.field, "uscc");
    db_fault_inject("SELECT COUNT(*) " LOOKUP, HG_UNAVAILABLE);
    assert_int_equal(enterprise_create(&c, body, &out, &err), HG_UNAVAILABLE);
    db_fault_inject(NULL, HG_OK);
    json_decref(body);
}

static void a_fault_is_not_unsettled_tax(void **state)
{
    fx *f = *state;
    hg_err err;
    int settled = -1;
    assert_int_equal(
        db_exec(f->d,
                "INSERT INTO tax_bills (entry_no, issued_ms, last_free_day, duty_fen, consumption_fen,"
                " vat_fen, total_fen, status, late_fee_waived) VALUES ('E1', 0, 15, 0, 0, 0, 0, 'none', 0)",
                &err),
        HG_OK);
    assert_int_equal(tax_settled_for_release(f->d, "E1", &settled, &err), HG_OK); /* accepted */
    assert_int_equal(settled, 1);
    assert_int_equal(tax_settled_for_release(f->d, "E2", &settled, &err), HG_OK); /* no bill: not settled */
    assert_int_equal(settled, 0);
    db_fault_inject("FROM tax_bills WHERE entry_no", HG_UNAVAILABLE);
    assert_int_equal(tax_settled_for_release(f->d, "E1", &settled, &err), HG_UNAVAILABLE); /* refused */
    db_fault_inject(NULL, HG_OK);
}

/* audit_commit: the row, then the commit (accepted); any failure, the row's own included,
 * rolls the change back with it (refused). */
static void a_change_is_stored_with_its_audit_row_or_not_at_all(void **state)
{
    fx *f = *state;
    hg_err err;
    int64_t n = 0;
    hg_ctx c = ctx_command(f->d, "test");
    json_t *after = json_pack("{s:s}", "name", "x");
    assert_int_equal(db_begin(f->d, &err), HG_OK);
    assert_int_equal(db_exec(f->d, "CREATE TABLE t_change (v TEXT)", &err), HG_OK);
    assert_int_equal(db_exec(f->d, "INSERT INTO t_change VALUES ('kept')", &err), HG_OK);
    assert_int_equal(audit_commit(&c, HG_OK, "thing.create", "thing", "1", NULL, after, &err), HG_OK);
    assert_int_equal(db_int(f->d, &n, &err, "SELECT COUNT(*) FROM audit_log WHERE object_id = '1'", ""), HG_OK);
    assert_int_equal(n, 1);
    assert_int_equal(db_int(f->d, &n, &err, "SELECT at_ms FROM audit_log WHERE object_id = '1'", ""), HG_OK);
    assert_int_equal(n, c.now_ms); /* the context's time, read once */
    /* the audit row fails: the change goes with it */
    assert_int_equal(db_begin(f->d, &err), HG_OK);
    assert_int_equal(db_exec(f->d, "INSERT INTO t_change VALUES ('lost')", &err), HG_OK);
    db_fault_inject("INSERT INTO audit_log", HG_UNAVAILABLE);
    assert_int_equal(audit_commit(&c, HG_OK, "thing.create", "thing", "2", NULL, after, &err), HG_UNAVAILABLE);
    db_fault_inject(NULL, HG_OK);
    /* the caller failed: rolled back, no row, its own code returned */
    assert_int_equal(db_begin(f->d, &err), HG_OK);
    assert_int_equal(db_exec(f->d, "INSERT INTO t_change VALUES ('lost too')", &err), HG_OK);
    assert_int_equal(audit_commit(&c, HG_CONFLICT, "thing.create", "thing", "3", NULL, after, &err), HG_CONFLICT);
    assert_int_equal(db_int(f->d, &n, &err, "SELECT COUNT(*) FROM t_change", ""), HG_OK);
    assert_int_equal(n, 1);
    assert_int_equal(db_int(f->d, &n, &err, "SELECT COUNT(*) FROM audit_log WHERE object_id IN ('2', '3')", ""), HG_OK);
    assert_int_equal(n, 0);
    json_decref(after);
}

/* A public route goes on past wrong credentials, never past a fault in checking them. */
static void a_fault_in_authentication_is_not_an_anonymous_caller(void **state)
{
    (void)state;
    route pub = {.method = "POST", .pattern = "/api/v1/session", .flags = ROUTE_PUBLIC};
    route priv = {.method = "GET", .pattern = "/api/v1/me"};
    assert_int_equal(route_auth_outcome(&pub, HG_OK), HG_OK);
    assert_int_equal(route_auth_outcome(&pub, HG_UNAUTH), HG_OK);               /* accepted: a stale cookie */
    assert_int_equal(route_auth_outcome(&pub, HG_UNAVAILABLE), HG_UNAVAILABLE); /* refused */
    assert_int_equal(route_auth_outcome(&pub, HG_DB), HG_DB);
    assert_int_equal(route_auth_outcome(&priv, HG_UNAUTH), HG_UNAUTH);
    assert_int_equal(route_auth_outcome(&priv, HG_UNAVAILABLE), HG_UNAVAILABLE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(screening_never_guesses_the_credit_level, setup, teardown),
        cmocka_unit_test_setup_teardown(enterprise_user_is_not_refused_as_unknown_on_a_fault, setup, teardown),
        cmocka_unit_test_setup_teardown(a_fault_is_not_a_conflict_on_another_field, setup, teardown),
        cmocka_unit_test_setup_teardown(a_fault_is_not_unsettled_tax, setup, teardown),
        cmocka_unit_test_setup_teardown(a_change_is_stored_with_its_audit_row_or_not_at_all, setup, teardown),
        cmocka_unit_test(a_fault_in_authentication_is_not_an_anonymous_caller),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
