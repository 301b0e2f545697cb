/* test_auth.c — the pure rules of who may sign in when and who may be given a token
 * (issue 13 §1): growing delays instead of lock-out (OWASP Authentication Cheat Sheet,
 * "Account Lockout"), and no token minted for another person. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "platform/auth.h"
#include "platform/signin_throttle.h"

#define NOW 1800000000000LL

/* The client's own failures on a name: five free, then 1, 2, 4 … seconds after the latest. */
static void own_failures_wait_longer_each_time(void **state)
{
    (void)state;
    throttle_counts c = {.pair = 4, .pair_last_ms = NOW - 10};
    assert_false(throttle_decide(&c, NOW).refuse);
    c.pair = 5;
    throttle_verdict v = throttle_decide(&c, NOW);
    assert_true(v.refuse);
    assert_int_equal(v.retry_after_s, 1);
    c.pair = 8;
    assert_int_equal(throttle_decide(&c, NOW).retry_after_s, 8);
    c.pair_last_ms = NOW - 8000;   /* the wait is over: one more attempt is judged */
    assert_false(throttle_decide(&c, NOW).refuse);
    c.pair = 500;
    c.pair_last_ms = NOW;
    assert_int_equal(throttle_decide(&c, NOW).retry_after_s, THROTTLE_MAX_WAIT_S);
}

/* One address trying many names: fifty free, then doubling every five. */
static void an_address_trying_many_names_waits(void **state)
{
    (void)state;
    throttle_counts c = {.addr = 49, .addr_last_ms = NOW};
    assert_false(throttle_decide(&c, NOW).refuse);
    c.addr = 50;
    assert_int_equal(throttle_decide(&c, NOW).retry_after_s, 1);
    c.addr = 60;
    assert_int_equal(throttle_decide(&c, NOW).retry_after_s, 4);
}

/* A name failing from everywhere is delayed for everyone but refused to no one who has not
 * been failing: its owner still gets in. */
static void a_name_under_attack_is_delayed_never_refused(void **state)
{
    (void)state;
    throttle_counts c = {.name = 9, .name_last_ms = NOW};
    throttle_verdict v = throttle_decide(&c, NOW);
    assert_false(v.refuse);
    assert_int_equal(v.delay_ms, 0);
    c.name = 10;
    assert_int_equal(throttle_decide(&c, NOW).delay_ms, 250);
    c.name = 25;
    assert_int_equal(throttle_decide(&c, NOW).delay_ms, 2000);
    c.name = 100000;
    v = throttle_decide(&c, NOW);
    assert_false(v.refuse);
    assert_int_equal(v.delay_ms, THROTTLE_MAX_DELAY_MS);
}

static void no_token_for_another_person(void **state)
{
    (void)state;
    hg_err err;
    principal admin = {.user_id = 1, .name = "admin", .role = ROLE_ADMIN, .session_id = 5};
    principal officer = {.user_id = 2, .name = "officer", .role = ROLE_OFFICER, .session_id = 6};
    /* an administrator: machines yes, people no (it would act as them) */
    assert_int_equal(token_issue_allowed(&admin, "gate01", ROLE_SYSTEM, &err), HG_OK);
    assert_int_equal(token_issue_allowed(&admin, "officer", ROLE_OFFICER, &err), HG_FORBIDDEN);
    assert_string_equal(err.field, "user");
    assert_int_equal(token_issue_allowed(&admin, "dl-trading", ROLE_ENTERPRISE, &err), HG_FORBIDDEN);
    /* a person: their own only */
    assert_int_equal(token_issue_allowed(&officer, "officer", ROLE_OFFICER, &err), HG_OK);
    assert_int_equal(token_issue_allowed(&officer, "gate01", ROLE_SYSTEM, &err), HG_FORBIDDEN);
    assert_int_equal(token_issue_allowed(&admin, "admin", ROLE_ADMIN, &err), HG_OK);
    /* never with a token */
    principal by_token = officer;
    by_token.session_id = 0;
    by_token.token_id = 9;
    assert_int_equal(token_issue_allowed(&by_token, "officer", ROLE_OFFICER, &err), HG_FORBIDDEN);
    /* the command line's operator holds the database and may; it is audited */
    assert_int_equal(token_issue_allowed(NULL, "officer", ROLE_OFFICER, &err), HG_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(own_failures_wait_longer_each_time),
        cmocka_unit_test(an_address_trying_many_names_waits),
        cmocka_unit_test(a_name_under_attack_is_delayed_never_refused),
        cmocka_unit_test(no_token_for_another_person),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
