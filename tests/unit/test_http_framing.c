/* test_http_framing.c — the framing rules of RFC 9112 the server adds to libmicrohttpd's
 * (http_framing.h): each refused case beside the accepted one it differs from. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "platform/http_framing.h"
#include "platform/http_negotiate.h"

#define F(n, v) {n, sizeof n - 1, v, sizeof v - 1}

static const char *verdict(const header_field *f, size_t n) { return framing_violation(f, n); }

/* RFC 9112 §6.3 (3): a message with both is refused rather than read one way. */
/* RFC 9110 §12.5.3: a coding is accepted when listed with a weight above zero, or through
 * "*" when not listed; q=0 refuses it; x-gzip is gzip (§8.4.1.3); what does not parse accepts
 * only identity. */
static void accept_encoding_by_name_star_and_weight(void **state)
{
    (void)state;
    assert_true(http_accepts_coding("gzip, deflate, br", "gzip"));
    assert_true(http_accepts_coding("br;q=1.0, GZIP;q=0.5", "gzip"));
    assert_true(http_accepts_coding("x-gzip", "gzip"));
    assert_true(http_accepts_coding("*", "gzip"));
    assert_true(http_accepts_coding("deflate , * ; q=0.1", "gzip"));
    assert_false(http_accepts_coding(NULL, "gzip"));
    assert_false(http_accepts_coding("", "gzip"));
    assert_false(http_accepts_coding("identity", "gzip"));
    assert_false(http_accepts_coding("gzip;q=0", "gzip"));
    assert_false(http_accepts_coding("gzip;q=0.000, *", "gzip"));
    assert_false(http_accepts_coding("*;q=0", "gzip"));
    assert_false(http_accepts_coding("gzipx", "gzip"));
    assert_false(http_accepts_coding("gzip;q=2", "gzip"));
    assert_false(http_accepts_coding("gzip;level=9", "gzip"));
    assert_false(http_accepts_coding("gzip garbage", "gzip"));
}

static void length_with_chunked_is_refused(void **state)
{
    (void)state;
    header_field both[] = {F("Host", "x"), F("Content-Length", "4"), F("Transfer-Encoding", "chunked")};
    assert_non_null(strstr(verdict(both, 3), "both"));
    header_field length[] = {F("Host", "x"), F("Content-Length", "4")};
    assert_null(verdict(length, 2));
    header_field chunked[] = {F("Host", "x"), F("transfer-encoding", "Chunked")};
    assert_null(verdict(chunked, 2));
}

/* RFC 9112 §6.3 (5): several Content-Length fields, equal or not, and non-decimal ones. */
static void length_once_and_decimal(void **state)
{
    (void)state;
    header_field two[] = {F("Content-Length", "2"), F("content-length", "5")};
    assert_non_null(strstr(verdict(two, 2), "more than once"));
    header_field same[] = {F("Content-Length", "2"), F("Content-Length", "2")};
    assert_non_null(verdict(same, 2));
    header_field signed_[] = {F("Content-Length", "+2")};
    assert_non_null(strstr(verdict(signed_, 1), "decimal"));
    header_field list[] = {F("Content-Length", "2, 2")};
    assert_non_null(verdict(list, 1));
    header_field empty[] = {F("Content-Length", "")};
    assert_non_null(verdict(empty, 1));
    header_field zero[] = {F("Content-Length", "0")};
    assert_null(verdict(zero, 1));
}

/* RFC 9112 §6.1: chunked is the only coding read; it is given once. */
static void transfer_encoding_is_chunked_once(void **state)
{
    (void)state;
    header_field gzip[] = {F("Transfer-Encoding", "gzip, chunked")};
    assert_non_null(strstr(verdict(gzip, 1), "other than chunked"));
    header_field twice[] = {F("Transfer-Encoding", "chunked"), F("Transfer-Encoding", "chunked")};
    assert_non_null(verdict(twice, 2));
}

/* RFC 9112 §5.1 (no whitespace before the colon; a name is a token) and RFC 9110 §5.5
 * (no CR, LF, NUL or other controls in a value; HTAB is allowed). */
static void names_are_tokens_and_values_have_no_controls(void **state)
{
    (void)state;
    header_field space[] = {F("X-A ", "b")};
    assert_non_null(strstr(verdict(space, 1), "colon"));
    header_field slash[] = {F("X/A", "b")};
    assert_non_null(verdict(slash, 1));
    header_field cr[] = {F("X-A", "a\rb")};
    assert_non_null(strstr(verdict(cr, 1), "CR"));
    header_field nul[] = {{"X-A", 3, "a\0b", 3}};
    assert_non_null(verdict(nul, 1));
    header_field del[] = {F("X-A", "a\x7f")};
    assert_non_null(verdict(del, 1));
    header_field tab[] = {F("X-A", "a\tb"), F("Accept-Language", "zh-CN,zh;q=0.9"), F("X-U", "\xe6\xb5\xb7\xe5\x85\xb3")};
    assert_null(verdict(tab, 3));
    header_field noname[] = {{"", 0, "b", 1}};
    assert_non_null(verdict(noname, 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accept_encoding_by_name_star_and_weight),
        cmocka_unit_test(length_with_chunked_is_refused),
        cmocka_unit_test(length_once_and_decimal),
        cmocka_unit_test(transfer_encoding_is_chunked_once),
        cmocka_unit_test(names_are_tokens_and_values_have_no_controls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
