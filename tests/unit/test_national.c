/* test_national.c — the national area's checks that need no PostgreSQL: which names may name a
 * district (a schema, a publication and a slot are made of it, and it is written into DDL), and
 * that a SQLite installation neither publishes, subscribes, follows nor issues instructions,
 * with a clear error naming PostgreSQL (issue 22 §4: the national mode needs logical
 * replication). The replication itself is tested on three clusters by
 * tests/api/national_cases.py. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "national/national.h"
#include "platform/ctx.h"
#include "risk/risk_store.h"
#include "scratch_db.h"

static void district_codes(void **state)
{
    (void)state;
    /* accepted: customs codes, and the schema rule's letters, digits and underscore */
    assert_true(national_code_ok("0900"));
    assert_true(national_code_ok("0800"));
    assert_true(national_code_ok("dalian_0900"));
    /* refused: what would break out of a quoted identifier or a literal, upper case (a schema
     * name haiguan never quotes differently), empty, too long, and the two names that are not
     * districts' (public, hq) */
    assert_false(national_code_ok("09\"00"));
    assert_false(national_code_ok("0900'; DROP"));
    assert_false(national_code_ok("Dalian"));
    assert_false(national_code_ok(""));
    assert_false(national_code_ok(NULL));
    assert_false(national_code_ok("a234567890123456789012345678901234"));
    assert_false(national_code_ok("public"));
    assert_false(national_code_ok("hq"));
}

static void sqlite_is_refused(void **state)
{
    (void)state;
    db *d = scratch_db_open("national");
    char did[128];
    hg_err err;
    assert_int_equal(national_publish(d, did, sizeof did, &err), HG_INVALID);
    assert_non_null(strstr(err.message, "PostgreSQL"));
    assert_int_equal(national_offer(d, did, sizeof did, &err), HG_INVALID);
    assert_int_equal(national_subscribe(d, "0900", "postgres://h/db", did, sizeof did, &err), HG_INVALID);
    assert_int_equal(national_follow(d, "postgres://h/db", did, sizeof did, &err), HG_INVALID);
    json_t *out = NULL, *body = json_pack("{s:s}", "name", "x");
    hg_ctx c = ctx_command(d, "test");
    assert_int_equal(risk_instruction_create(&c, body, &out, &err), HG_CONFLICT);
    assert_string_equal(err.code, "needs_postgresql");
    assert_null(out);
    json_decref(body);
    scratch_db_remove();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(district_codes),
        cmocka_unit_test(sqlite_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
