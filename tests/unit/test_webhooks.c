/* test_webhooks.c — the webhooks' pure decisions (webhook.h): the Standard Webhooks signature
 * against the specification's published example and a vector computed with Python's hmac
 * (tests pin both), the secret's form, the retry schedule (the specification's example, then
 * 12 hours, given up after three days), and the policy against server-side request forgery
 * (OWASP SSRF Prevention Cheat Sheet: no loopback, private or link-local targets unless
 * allowed; http and https only). */
#include <arpa/inet.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "platform/mem.h"
#include "platform/webhook.h"

static void signature_matches_the_specification(void **state)
{
    (void)state;
    hg_err err;
    char sig[WEBHOOK_SIGNATURE_MAX];
    /* standard-webhooks spec, "Verifying webhooks": the example secret, id, timestamp and body */
    const char *body = "{\"test\": 2432232314}";
    assert_int_equal(webhook_sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                                  body, strlen(body), sig, &err),
                     HG_OK);
    assert_string_equal(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    /* computed with Python: hmac.new(bytes(range(24)), b"msg_3_7.1764806400." + body, sha256) */
    const char *body2 =
        "{\"seq\":7,\"type\":\"declaration.filed\",\"data\":{\"entry_no\":\"090220261000000123\",\"名\":\"齿轮箱\"}}";
    assert_int_equal(
        webhook_sign("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYX", "msg_3_7", 1764806400, body2, strlen(body2), sig, &err),
        HG_OK);
    assert_string_equal(sig, "v1,/8jsZVM9INC+i/IHbwc9becg7PwMUdiGE4664W5WtVM=");
    /* a different timestamp signs differently: a replayed old signature does not verify */
    assert_int_equal(
        webhook_sign("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYX", "msg_3_7", 1764806401, body2, strlen(body2), sig, &err),
        HG_OK);
    assert_string_not_equal(sig, "v1,/8jsZVM9INC+i/IHbwc9becg7PwMUdiGE4664W5WtVM=");
    /* refused: no prefix, not base64 */
    assert_int_equal(webhook_sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "m", 1, "{}", 2, sig, &err), HG_INVALID);
    assert_int_equal(webhook_sign("whsec_!!!", "m", 1, "{}", 2, sig, &err), HG_INVALID);
}

static void a_new_secret_is_whsec_and_24_random_bytes(void **state)
{
    (void)state;
    char a[WEBHOOK_SECRET_MAX], b[WEBHOOK_SECRET_MAX];
    webhook_secret_new(a);
    webhook_secret_new(b);
    assert_int_equal(strncmp(a, "whsec_", 6), 0);
    assert_string_not_equal(a, b);
    unsigned char key[64];
    size_t n = 0;
    hg_err err;
    assert_int_equal(webhook_secret_key(a, key, sizeof key, &n, &err), HG_OK);
    assert_int_equal(n, WEBHOOK_SECRET_BYTES);
}

static void retries_follow_the_schedule_for_three_days(void **state)
{
    (void)state;
    const int64_t s = 1000;
    int64_t first = 1000000, now = first;
    /* the specification's example: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then 12 h */
    const int64_t want[] = {5, 300, 1800, 7200, 18000, 36000, 36000, 43200, 43200, 43200};
    int n = 0;
    for (;;) {
        int64_t d = webhook_retry_delay_ms(n + 1, first, now, s);
        if (d < 0)
            break;
        assert_true(n < 10);
        assert_int_equal(d, want[n] * s);
        now += d;
        n++;
    }
    /* ten retries after the first attempt: the eleventh would pass three days */
    assert_int_equal(n, 10);
    assert_true(now - first <= 3 * 86400 * s);
    assert_true(now + 43200 * s - first > 3 * 86400 * s);
    /* tests shorten the second; the shape stays */
    assert_int_equal(webhook_retry_delay_ms(1, 0, 0, 1), 5);
    assert_int_equal(webhook_retry_delay_ms(2, 0, 5, 1), 300);
    assert_int_equal(webhook_retry_delay_ms(1, 0, 3 * 86400, 1), -1);
}

static int allowed(const char *addr, const webhook_cidr *allow, int n)
{
    struct sockaddr_in a4 = {.sin_family = AF_INET};
    struct sockaddr_in6 a6 = {.sin6_family = AF_INET6};
    if (inet_pton(AF_INET, addr, &a4.sin_addr) == 1)
        return webhook_addr_allowed((struct sockaddr *)&a4, allow, n);
    assert_int_equal(inet_pton(AF_INET6, addr, &a6.sin6_addr), 1);
    return webhook_addr_allowed((struct sockaddr *)&a6, allow, n);
}

static void private_targets_are_refused_unless_allowed(void **state)
{
    (void)state;
    const char *refused[] = {"127.0.0.1",   "127.1.2.3",       "10.0.0.5",   "172.16.0.1",       "172.31.255.255",
                             "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",          "224.0.0.1",
                             "::1",         "fe80::1",         "fd00::1",    "::ffff:127.0.0.1", "::ffff:10.1.1.1"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        assert_false(allowed(refused[i], NULL, 0));
    const char *public[] = {"93.184.216.34", "172.32.0.1", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"};
    for (size_t i = 0; i < sizeof public / sizeof public[0]; i++)
        assert_true(allowed(public[i], NULL, 0));
    webhook_cidr allow[WEBHOOK_CIDRS_MAX];
    int n = 0;
    hg_err err;
    assert_int_equal(webhook_cidrs_parse("127.0.0.1/32,10.1.0.0/16,fd00::/8", allow, &n, &err), HG_OK);
    assert_int_equal(n, 3);
    assert_true(allowed("127.0.0.1", allow, n));
    assert_false(allowed("127.0.0.2", allow, n));
    assert_true(allowed("10.1.200.3", allow, n));
    assert_false(allowed("10.2.0.1", allow, n));
    assert_true(allowed("fd12::1", allow, n));
    assert_int_equal(webhook_cidrs_parse("127.0.0.1", allow, &n, &err), HG_OK);
    assert_int_equal(allow[0].bits, 32);
    const char *bad[] = {"", "127.0.0.1/33", "10.0.0.0/x", "example.com/8", "1.2.3.4,", "::1/129"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(webhook_cidrs_parse(bad[i], allow, &n, &err), HG_INVALID);
}

static void registered_urls_are_http_and_public(void **state)
{
    (void)state;
    hg_err err;
    const char *ok[] = {"https://hooks.example.com/haiguan", "http://93.184.216.34:8080/in?x=1",
                        "https://[2606:4700::1111]/h"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        assert_int_equal(webhook_url_check(ok[i], NULL, 0, &err), HG_OK);
    const char *refused[] = {"ftp://hooks.example.com/x",
                             "file:///etc/passwd",
                             "http://127.0.0.1:9/x",
                             "http://localhost/x",
                             "http://api.localhost/x",
                             "http://[::1]/x",
                             "http://10.0.0.1/x",
                             "https://user:pw@hooks.example.com/",
                             "gopher://a/",
                             "not a url",
                             ""};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        if (webhook_url_check(refused[i], NULL, 0, &err) != HG_INVALID)
            fail_msg("%s was accepted", refused[i]);
        assert_string_equal(err.field, "url");
    }
    webhook_cidr allow[1];
    int n = 0;
    assert_int_equal(webhook_cidrs_parse("127.0.0.1/32", allow, &n, &err), HG_OK);
    assert_int_equal(webhook_url_check("http://127.0.0.1:9/x", allow, n, &err), HG_OK);
}

int main(void)
{
    mem_init();
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(signature_matches_the_specification),
        cmocka_unit_test(a_new_secret_is_whsec_and_24_random_bytes),
        cmocka_unit_test(retries_follow_the_schedule_for_three_days),
        cmocka_unit_test(private_targets_are_refused_unless_allowed),
        cmocka_unit_test(registered_urls_are_http_and_public),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
