/* test_i18n.c — the language of the API's messages (issue 16): the Accept-Language parser
 * (http_negotiate.h, RFC 9110 §12.5.4) and the Chinese formatting of hg_fail (i18n.h): a
 * translated format takes the English one's arguments, a quoted message is translated, and
 * what the catalogue lacks stays English. */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "platform/http_negotiate.h"
#include "platform/i18n.h"
#include "platform/rc.h"
#include "platform/utf8.h"

static const char *const langs[] = {"zh", "en", NULL};

static const char *pick(const char *v) { return langs[http_pick_language(v, langs)]; }

/* RFC 9110 §12.5.4: the highest weight above zero wins; a range counts for its primary subtag. */
static void accept_language_weights_and_subtags(void **state)
{
    (void)state;
    assert_string_equal(pick("en"), "en");
    assert_string_equal(pick("en-US"), "en");
    assert_string_equal(pick("EN-gb"), "en");
    assert_string_equal(pick("zh-CN"), "zh");
    assert_string_equal(pick("zh-Hans-CN, en;q=0.8"), "zh");
    assert_string_equal(pick("zh-CN,zh;q=0.9,en;q=0.8"), "zh");
    assert_string_equal(pick("en-US;q=0.9, zh;q=0.1"), "en");
    assert_string_equal(pick("zh;q=0.1, en;q=0.9"), "en");
    assert_string_equal(pick("en;q=0.5,zh;q=0.500"), "en"); /* a tie: the earlier range */
    assert_string_equal(pick("zh;q=0.5 , en ; q=0.5"), "zh");
    assert_string_equal(pick("fr, en;q=0.3"), "en");         /* fr is not offered */
    assert_string_equal(pick("de-DE-1996, en;q=0.1"), "en"); /* digits in later subtags */
}

/* "*" weighs every language not named; q=0 refuses a language, even through "*". */
static void accept_language_wildcard_and_refusal(void **state)
{
    (void)state;
    assert_string_equal(pick("*"), "zh");
    assert_string_equal(pick("zh;q=0, *"), "en");
    assert_string_equal(pick("en;q=0, *;q=0.1"), "zh");
    assert_string_equal(pick("*;q=0.5, en"), "en");
    assert_string_equal(pick("zh;q=0, en;q=0"), "zh"); /* nothing accepted: the default */
    assert_string_equal(pick("*;q=0"), "zh");
}

/* Absent, empty or not parsing: the default (Chinese), never a guess from half a field. */
static void accept_language_malformed_gives_the_default(void **state)
{
    (void)state;
    assert_string_equal(pick(NULL), "zh");
    assert_string_equal(pick(""), "zh");
    assert_string_equal(pick("fr"), "zh");
    const char *bad[] = {"en;q=abc", "en;q=2", "en;x=1",          "en zh", "en, zh;;",  "e_n",
                         "en-",      "-en",    "englishlanguage", "1en",   "en;q=0.9x", "en;q="};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (strcmp(pick(bad[i]), "zh") != 0)
            fail_msg("%s is malformed and gives the default", bad[i]);
    }
    assert_string_equal(pick("en,"), "en"); /* an empty list element (RFC 9110 §5.6.1) */
}

/* The translated format is formatted with the English one's arguments. */
static void hg_fail_formats_the_translated_format(void **state)
{
    (void)state;
    hg_err e;
    hg_fail(&e, HG_METHOD, NULL, NULL, "%s is not allowed on %s", "PATCH", "/api/v1/session");
    assert_string_equal(e.message, "PATCH is not allowed on /api/v1/session");
    assert_string_equal(e.message_zh, "PATCH 不允许用于 /api/v1/session");
    hg_fail(&e, HG_INVALID, NULL, NULL, "bill %s carries %lld packages; its declarations would declare %lld", "B1",
            10LL, 12LL);
    assert_string_equal(e.message_zh, "提运单 B1 载有 10 件；其报关单合计将申报 12 件");
    hg_fail(&e, HG_CONFLICT, NULL, NULL, "hold %" PRId64 " is %s", (int64_t)42, "released");
    assert_string_equal(e.message_zh, "扣留 42 的状态为 released");
    hg_fail(&e, HG_INVALID, NULL, NULL, "the request body exceeds %zu bytes", (size_t)1048576);
    assert_string_equal(e.message_zh, "请求体超过 1048576 字节");
    /* "%.0s" reads the English plural's "s" and prints nothing */
    hg_fail(&e, HG_CONFLICT, NULL, NULL,
            "producer %s is suspended until %s after %lld positive nucleic-acid test%s (batches)", "P1", "2026-12-31",
            3LL, "s");
    assert_string_equal(e.message_zh, "境外生产企业 P1 被暂停进口至 2026-12-31，因 3 批次核酸检测阳性");
    /* a literal %% of the format */
    hg_fail(&e, HG_INVALID, NULL, NULL, "hs_prefix (2-10 digits), general %%, provisional %% expected");
    assert_string_equal(e.message, "hs_prefix (2-10 digits), general %, provisional % expected");
    assert_string_equal(e.message_zh, "应为 hs_prefix（2–10 位数字）、普通税率 %、暂定税率 %");
}

/* A quoted message is translated: a validator's reason, a whole message passed as "%s", and an
 * inner error's text just formatted on this thread. */
static void hg_fail_translates_quoted_messages(void **state)
{
    (void)state;
    hg_err e, inner;
    hg_fail(&e, HG_INVALID, "invalid", "uscc", "uscc is not valid: %s",
            "wrong check character (position 18, GB 32100)");
    assert_string_equal(e.message_zh, "统一社会信用代码无效：第 18 位校验位错误（GB 32100）");
    hg_fail(&e, HG_NOTFOUND, "not_found", "id", "%s", "no such certificate");
    assert_string_equal(e.message, "no such certificate");
    assert_string_equal(e.message_zh, "没有这份证书");
    hg_fail(&inner, HG_INVALID, NULL, NULL, "card %s is not bound", "C1");
    hg_fail(&e, HG_INVALID, NULL, NULL, "copying %s: %s", "cards", inner.message);
    assert_string_equal(e.message_zh, "复制 cards 时出错：IC 卡 C1 未绑定");
    /* data that is not a message stays as it is */
    hg_fail(&e, HG_INVALID, NULL, NULL, "uscc is not valid: %s", "some reason nobody wrote");
    assert_string_equal(e.message_zh, "统一社会信用代码无效：some reason nobody wrote");
}

/* What the catalogue lacks keeps no Chinese (the English is shown); a cut message stays UTF-8. */
static void untranslated_and_truncated_messages(void **state)
{
    (void)state;
    hg_err e;
    hg_fail(&e, HG_INVALID, NULL, NULL, "a message the catalogue has never seen: %d", 7);
    assert_string_equal(e.message, "a message the catalogue has never seen: 7");
    assert_string_equal(e.message_zh, "");
    hg_fail(&e, HG_INVALID, NULL, NULL, "%s", "not a catalogued message");
    assert_string_equal(e.message_zh, "");
    char longname[600];
    for (size_t i = 0; i + 3 < sizeof longname; i += 3)
        memcpy(longname + i, "海", 3);
    longname[sizeof longname - 3] = '\0';
    hg_fail(&e, HG_INVALID, NULL, NULL, "card %s is not bound", longname);
    assert_true(utf8_valid(e.message));
    assert_true(utf8_valid(e.message_zh));
    assert_true(strlen(e.message_zh) > 300);
    assert_true(i18n_count() > 800);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accept_language_weights_and_subtags),
        cmocka_unit_test(accept_language_wildcard_and_refusal),
        cmocka_unit_test(accept_language_malformed_gives_the_default),
        cmocka_unit_test(hg_fail_formats_the_translated_format),
        cmocka_unit_test(hg_fail_translates_quoted_messages),
        cmocka_unit_test(untranslated_and_truncated_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
