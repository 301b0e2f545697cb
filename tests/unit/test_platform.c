/* test_platform.c — unit tests of the platform's pure parts: router and access policy,
 * bounded buffers, money and time parsing, CSV, JSON body bounds, field-table parsing,
 * and the allocation-failure paths of record parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "enterprise/enterprise.h"
#include "platform/buf.h"
#include "platform/csv.h"
#include "platform/http.h"
#include "platform/json.h"
#include "platform/json_canon.h"
#include "platform/json_fast.h"
#include "platform/list_query.h"
#include "platform/log.h"
#include "platform/mem.h"
#include "platform/record.h"
#include "platform/refdata.h"

static hg_rc noop(req *r, hg_err *e)
{
    (void)r;
    (void)e;
    return HG_OK;
}

static const route routes_a[] = {
    {.method = "GET", .pattern = "/api/v1/things", .fn = noop,
     .scope = "things", .roles = ROLE_OFFICER | ROLE_ADMIN,
     .summary = ""},
    {.method = "GET", .pattern = "/api/v1/things/{id}", .fn = noop,
     .scope = "things", .roles = ROLE_ANY,
     .summary = ""},
    {.method = "POST", .pattern = "/api/v1/things/{id}/release", .fn = noop,
     .scope = "things", .roles = ROLE_OFFICER, .posts = POST_CLEARANCE,
     .summary = ""},
    {.method = "GET", .pattern = "/api/v1/things/{id}/parts/{part}", .fn = noop,
     .scope = "things", .roles = ROLE_OFFICER, .posts = POST_RISK,
     .summary = ""},
    {.method = "GET", .pattern = "/open", .fn = noop,
     .flags = ROUTE_PUBLIC,
     .summary = ""},
    {.method = "GET", .pattern = "/me", .fn = noop,
     .flags = ROUTE_ANY_SCOPE, .roles = ROLE_ANY,
     .summary = ""},
    {.method = "GET", .pattern = "/platform", .fn = noop,
     .roles = ROLE_ANY,
     .summary = ""},
    {0},
};
static const route *const tables[] = {routes_a, NULL};

static void router_matches_params_and_methods(void **state)
{
    (void)state;
    const char *p[REQ_MAX_PARAMS];
    char scratch[256];
    int mm;
    const route *r = router_match(tables, "GET", "/api/v1/things/42/parts/wheel", p, scratch, sizeof scratch, &mm);
    assert_non_null(r);
    assert_string_equal(r->pattern, "/api/v1/things/{id}/parts/{part}");
    assert_string_equal(p[0], "42");
    assert_string_equal(p[1], "wheel");
    assert_null(router_match(tables, "DELETE", "/api/v1/things/42", p, scratch, sizeof scratch, &mm));
    assert_int_equal(mm, 1);
    assert_null(router_match(tables, "GET", "/api/v1/things/", p, scratch, sizeof scratch, &mm));
    assert_int_equal(mm, 0);
    assert_null(router_match(tables, "GET", "/api/v1/things/42/", p, scratch, sizeof scratch, &mm));
    assert_null(router_match(tables, "GET", "/api/v1/thingsX", p, scratch, sizeof scratch, &mm));
    /* a parameter longer than the scratch space does not match (and does not overflow) */
    char longpath[600] = "/api/v1/things/";
    memset(longpath + strlen(longpath), 'a', 500);
    assert_null(router_match(tables, "GET", longpath, p, scratch, 64, &mm));
}

/* "{no}.pdf": the parameter is the segment before the literal that follows it in the segment */
static const route routes_suffix[] = {
    {.method = "GET", .pattern = "/api/v1/docs/{no}.pdf", .fn = noop, .roles = ROLE_ANY, .summary = ""},
    {.method = "GET", .pattern = "/api/v1/docs/{no}", .fn = noop, .roles = ROLE_ANY, .summary = ""},
    {0},
};

static void router_matches_a_suffix_after_a_param(void **state)
{
    (void)state;
    const route *const t[] = {routes_suffix, NULL};
    const char *p[REQ_MAX_PARAMS];
    char scratch[256];
    int mm;
    const route *r = router_match(t, "GET", "/api/v1/docs/A1.pdf", p, scratch, sizeof scratch, &mm);
    assert_non_null(r);
    assert_string_equal(r->pattern, "/api/v1/docs/{no}.pdf");
    assert_string_equal(p[0], "A1");
    r = router_match(t, "GET", "/api/v1/docs/A1.xml", p, scratch, sizeof scratch, &mm);
    assert_string_equal(r->pattern, "/api/v1/docs/{no}");
    assert_string_equal(p[0], "A1.xml");
    /* the literal alone is no parameter */
    r = router_match(t, "GET", "/api/v1/docs/.pdf", p, scratch, sizeof scratch, &mm);
    assert_string_equal(r->pattern, "/api/v1/docs/{no}");
}

static void policy_denies_by_default(void **state)
{
    (void)state;
    principal officer = {.role = ROLE_OFFICER, .posts = POST_CLEARANCE};
    principal risk = {.role = ROLE_OFFICER, .posts = POST_RISK};
    principal manager = {.role = ROLE_OFFICER, .posts = POST_MANAGER};
    principal ent = {.role = ROLE_ENTERPRISE};
    principal tok = {.role = ROLE_OFFICER, .posts = POST_CLEARANCE, .token_id = 1};
    assert_int_equal(route_allows(&routes_a[0], NULL), HG_UNAUTH);
    assert_int_equal(route_allows(&routes_a[4], NULL), HG_OK);
    assert_int_equal(route_allows(&routes_a[0], &ent), HG_FORBIDDEN);
    assert_int_equal(route_allows(&routes_a[2], &officer), HG_OK);
    assert_int_equal(route_allows(&routes_a[2], &risk), HG_FORBIDDEN);
    assert_int_equal(route_allows(&routes_a[2], &manager), HG_FORBIDDEN);   /* managers change nothing */
    assert_int_equal(route_allows(&routes_a[3], &manager), HG_OK);          /* but read everything */
    assert_int_equal(route_allows(&routes_a[3], &officer), HG_FORBIDDEN);
    snprintf(tok.scopes, sizeof tok.scopes, "gate,tax");
    assert_int_equal(route_allows(&routes_a[2], &tok), HG_FORBIDDEN);
    snprintf(tok.scopes, sizeof tok.scopes, "gate,things");
    assert_int_equal(route_allows(&routes_a[2], &tok), HG_OK);
    snprintf(tok.scopes, sizeof tok.scopes, "*");
    assert_int_equal(route_allows(&routes_a[2], &tok), HG_OK);
    snprintf(tok.scopes, sizeof tok.scopes, "thing");
    assert_int_equal(route_allows(&routes_a[2], &tok), HG_FORBIDDEN);   /* prefixes are not scopes */
    assert_int_equal(route_allows(&routes_a[5], &tok), HG_OK);          /* any token may ask who it is */
    assert_int_equal(route_allows(&routes_a[6], &tok), HG_FORBIDDEN);   /* other platform routes need "*" */
}

static void buffers_are_bounded(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, 10);
    assert_int_equal(buf_puts(&b, "0123456789"), HG_OK);
    assert_int_equal(buf_puts(&b, "x"), HG_TOOBIG);
    assert_string_equal(buf_str(&b), "0123456789");
    buf_reset(&b);
    assert_int_equal(buf_appendf(&b, "%d-%s", 42, "ab"), HG_OK);
    assert_string_equal(buf_str(&b), "42-ab");
    assert_int_equal(buf_appendf(&b, "%s", "too long now"), HG_TOOBIG);
    buf_free(&b);
    buf_init(&b, 100);
    assert_int_equal(buf_put_escaped(&b, "a\nb\"c\x01"), HG_OK);
    assert_string_equal(buf_str(&b), "a\\x0ab\\\"c\\x01");
    buf_reset(&b);
    /* runs of plain text before, between and after the escapes */
    assert_int_equal(buf_put_escaped(&b, "\\path\x7f \xe6\xb5\xb7 tail"), HG_OK);
    assert_string_equal(buf_str(&b), "\\\\path\\x7f \xe6\xb5\xb7 tail");
    buf_reset(&b);
    assert_int_equal(buf_put_escaped(&b, ""), HG_OK);
    assert_string_equal(buf_str(&b), "");
    buf_free(&b);
}

static void money_is_exact(void **state)
{
    (void)state;
    int64_t f;
    hg_err e;
    assert_int_equal(money_parse("1234.56", &f, &e), HG_OK);
    assert_int_equal(f, 123456);
    assert_int_equal(money_parse("0.1", &f, &e), HG_OK);
    assert_int_equal(f, 10);
    assert_int_equal(money_parse("-7", &f, &e), HG_OK);
    assert_int_equal(f, -700);
    const char *bad[] = {"", "1.", ".5", "1.234", "1e3", " 1", "1,000", "abc", "--1", "1.2.3", "9999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(money_parse(bad[i], &f, &e), HG_INVALID);
    char out[32];
    money_format(123456, out, sizeof out);
    assert_string_equal(out, "1234.56");
    money_format(-5, out, sizeof out);
    assert_string_equal(out, "-0.05");
    money_format(INT64_MIN, out, sizeof out);
    assert_string_equal(out, "-92233720368547758.08");
}

static void times_parse_with_offsets(void **state)
{
    (void)state;
    /* written as snprintf would, across centuries, leap days and before 1970 */
    for (int64_t ms = -2208988800123LL; ms < 4102444800000LL; ms += 987654321987LL / 1000 + 7) {
        char got[40], want[96];
        time_t secs = (time_t)(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
        struct tm tm;
        gmtime_r(&secs, &tm);
        snprintf(want, sizeof want, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ms - (int64_t)secs * 1000));
        time_format_rfc3339(ms, got, sizeof got);
        assert_string_equal(got, want);
    }
    int64_t ms;
    assert_int_equal(time_parse_rfc3339("1970-01-01T00:00:00Z", &ms), HG_OK);
    assert_int_equal(ms, 0);
    assert_int_equal(time_parse_rfc3339("2026-11-29T12:00:00+08:00", &ms), HG_OK);
    assert_int_equal(ms, 1795924800000LL);
    assert_int_equal(time_parse_rfc3339("2026-11-29T04:00:00.5Z", &ms), HG_OK);
    assert_int_equal(ms, 1795924800500LL);
    assert_int_equal(time_parse_rfc3339("2024-02-29T00:00:00Z", &ms), HG_OK);
    const char *bad[] = {"2026-11-29", "2026-11-29T12:00:00", "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
                         "2026-11-29T24:00:00Z", "2026-11-29T12:00:00+8:00", "2026-11-29T12:00:00Zjunk", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(time_parse_rfc3339(bad[i], &ms), HG_INVALID);
    char out[40];
    time_format_rfc3339(1795924800500LL, out, sizeof out);
    assert_string_equal(out, "2026-11-29T04:00:00.500Z");
}

static void csv_reads_rfc4180(void **state)
{
    (void)state;
    const char in[] = "\xEF\xBB\xBF" "a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\n\"unterminated\n";
    csv_reader r;
    csv_init(&r, in, sizeof in - 1);
    assert_int_equal(csv_next(&r), 1);
    assert_int_equal(r.nfields, 3);
    assert_string_equal(r.field[0], "a");
    assert_int_equal(csv_next(&r), 1);
    assert_int_equal(r.nfields, 3);
    assert_string_equal(r.field[0], "x,1");
    assert_string_equal(r.field[1], "say \"hi\"");
    assert_string_equal(r.field[2], "");
    assert_int_equal(csv_next(&r), -1);
    assert_int_equal(csv_next(&r), 0);
    csv_free(&r);
}

static void json_bodies_are_bounded(void **state)
{
    (void)state;
    json_t *j;
    hg_err e;
    assert_int_equal(json_parse_body("{\"a\":1}", 7, &j, &e), HG_OK);
    json_decref(j);
    assert_int_equal(json_parse_body("[1]", 3, &j, &e), HG_INVALID);
    assert_int_equal(json_parse_body("{\"a\":1,\"a\":2}", 13, &j, &e), HG_INVALID);
    char deep[200];
    memset(deep, '[', 100);
    memset(deep + 100, ']', 100);
    char body[220];
    snprintf(body, sizeof body, "{\"a\":%.*s}", 200, deep);
    assert_int_equal(json_parse_body(body, strlen(body), &j, &e), HG_INVALID);
    assert_string_equal(e.code, "malformed_json");
    /* brackets inside strings do not count as depth */
    assert_int_equal(json_parse_body("{\"a\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"}", 48, &j, &e), HG_OK);
    json_decref(j);
}

static void record_parsing_names_field_and_rule(void **state)
{
    (void)state;
    json_error_t je;
    json_t *body = json_loads("{\"uscc\":\" 91350100m000100y43 \",\"customs_code\":\"3501930001\",\"name_zh\":\"福州\","
                              "\"kind\":\"importer\",\"credit_level\":\"general_credit\"}",
                              0, &je);
    record r = {0};
    hg_err e;
    assert_int_equal(record_from_json(&enterprise_record, body, REC_CREATE, &r, &e), HG_OK);
    assert_string_equal(record_text(&r, "uscc"), "91350100M000100Y43");
    record_free(&r);
    json_object_set_new(body, "kind", json_string("pirate"));
    assert_int_equal(record_from_json(&enterprise_record, body, REC_CREATE, &r, &e), HG_INVALID);
    assert_string_equal(e.field, "kind");
    record_free(&r);
    json_object_set_new(body, "kind", json_string("importer"));
    assert_int_equal(record_from_json(&enterprise_record, body, REC_PATCH, &r, &e), HG_INVALID);
    assert_string_equal(e.field, "uscc");
    assert_string_equal(e.code, "read_only");
    record_free(&r);
    json_decref(body);
}

/* Fails each allocation of record parsing in turn: every failure is reported as an error
 * and nothing leaks (the sanitizer build checks the leaks). */
static void record_parsing_survives_allocation_failures(void **state)
{
    (void)state;
    json_error_t je;
    json_t *body = json_loads("{\"uscc\":\"91350100M000100Y43\",\"customs_code\":\"3501930001\",\"name_zh\":\"福州\","
                              "\"name_en\":\"Fuzhou\",\"kind\":\"importer\",\"credit_level\":\"general_credit\"}",
                              0, &je);
    int succeeded = 0;
    for (long n = 1; n < 200 && !succeeded; n++) {
        record r = {0};
        hg_err e;
        hg_err_clear(&e);
        mem_fail_after(n);
        hg_rc rc = record_from_json(&enterprise_record, body, REC_CREATE, &r, &e);
        mem_fail_after(0);
        if (rc == HG_OK)
            succeeded = 1;
        else
            assert_int_equal(rc, HG_NOMEM);
        record_free(&r);
    }
    assert_true(succeeded);
    json_decref(body);
}

/* A parent with a list of children, stored in two tables. */
static const field line_fields[] = {
    {.name = "hs_code", .type = FT_TEXT, .flags = FF_REQUIRED, .check = check_hs},
    {.name = "qty", .type = FT_INT, .flags = FF_REQUIRED, .min = 1, .max = 1000000},
    {.name = "value", .type = FT_MONEY, .min = 0, .max = INT64_MAX / 2},
    {0},
};
static const record_type line_record = {.name = "line", .table = "t_line", .fields = line_fields,
                                        .parent_column = "order_no"};
static const field order_fields[] = {
    {.name = "order_no", .type = FT_TEXT, .flags = FF_KEY, .min_len = 1, .max_len = 20},
    {.name = "note", .type = FT_TEXT, .max_len = 50},
    {.name = "lines", .type = FT_LIST, .flags = FF_REQUIRED, .min = 1, .max = 3, .child = &line_record},
    {0},
};
static const record_type order_record = {.name = "order", .table = "t_order", .fields = order_fields};

/* json_canon_append gives exactly jansson's canonical text (or refuses what it refuses). */
static void expect_same_canon(json_t *v)
{
    buf b;
    buf_init(&b, 1 << 20);
    char *j = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
    hg_rc rc = json_canon_append(v, &b);
    if (!j)
        assert_int_equal(rc, HG_INVALID);
    else if (rc || strcmp(j, buf_str(&b)) != 0)
        fail_msg("jansson %s, ours %s (rc %d)", j, rc ? "" : buf_str(&b), rc);
    xfree(j);
    buf_free(&b);
}

static void canonical_json_is_janssons(void **state)
{
    (void)state;
    /* every code point of the BMP but the surrogates, and some beyond, in a string and a key */
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 0x3FF) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        char u[8];
        size_t n = 0;
        if (cp < 0x80)
            u[n++] = (char)cp;
        else if (cp < 0x800)
            u[n++] = (char)(0xC0 | cp >> 6), u[n++] = (char)(0x80 | (cp & 0x3F));
        else if (cp < 0x10000)
            u[n++] = (char)(0xE0 | cp >> 12), u[n++] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[n++] = (char)(0x80 | (cp & 0x3F));
        else
            u[n++] = (char)(0xF0 | cp >> 18), u[n++] = (char)(0x80 | ((cp >> 12) & 0x3F)),
            u[n++] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[n++] = (char)(0x80 | (cp & 0x3F));
        char s[16];
        memcpy(s, "a", 1);
        memcpy(s + 1, u, n);
        memcpy(s + 1 + n, "z", 2);
        json_t *v = json_stringn(s, n + 2);
        assert_non_null(v);
        expect_same_canon(v);
        json_t *o = json_object();
        json_object_set_new(o, s, json_integer((json_int_t)cp));
        json_object_set_new(o, "m", json_string("x"));
        expect_same_canon(o);
        json_decref(o);
        json_decref(v);
    }
    json_error_t je;
    static const char *const texts[] = {
        "{\"b\":[1,-2,0,-10,9223372036854775807,-9223372036854775807,-9223372036854775807,true,false,null,\"\",[],{}],\"a\":{\"z\":1,\"y\":[{}]}}",
        "[0.5,1e300,-0.0,1.0,123456789.125,2.5e-8]",
        "{\"报关单\":\"海关\\\"引号\\\\\",\"a/b\":\"\\u0000\\u001f\\u007f\"}",
        "\"only a string\"", "42", "null", "[]",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        json_t *v = json_loads(texts[i], JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
        if (!v)
            fail_msg("%s: %s", texts[i], je.text);
        expect_same_canon(v);
        json_decref(v);
    }
    /* objects of many members (sorted another way past 48) and INT64_MIN */
    for (int size = 1; size <= 70; size += 23) {
        json_t *o = json_object();
        for (int k = size; k > 0; k--) {
            char key[16];
            snprintf(key, sizeof key, "k%d", (k * 37) % 101);
            json_object_set_new(o, key, json_integer(k % 2 ? INT64_MIN : -(json_int_t)k));
        }
        expect_same_canon(o);
        json_decref(o);
    }
    /* not UTF-8: both refuse */
    json_t *bad = json_stringn_nocheck("a\xff\xfe", 3);
    expect_same_canon(bad);
    json_decref(bad);
    bad = json_stringn_nocheck("\xed\xa0\x80", 3);   /* a surrogate */
    expect_same_canon(bad);
    json_decref(bad);
}

/* A template filled with the members decided later gives the canonical text of the whole. */
static void canonical_templates_fill_to_the_whole(void **state)
{
    (void)state;
    json_error_t je;
    json_t *v = json_loads("{\"z\":1,\"g\":false,\"n\":null,\"entry\":\"\",\"items\":[{\"a\":\"\\u0001x\"},{\"b\":2}],"
                           "\"lane\":\"green\",\"name\":\"海关\",\"at\":0}",
                           0, &je);
    assert_non_null(v);
    const char *keys[] = {"entry", "lane", "at"};
    const json_t *holes[3];
    for (int i = 0; i < 3; i++)
        holes[i] = json_object_get(v, keys[i]);
    buf tmpl;
    buf_init(&tmpl, 1 << 20);
    assert_int_equal(json_canon_template(v, holes, 3, &tmpl), HG_OK);
    assert_null(strstr(buf_str(&tmpl), "green"));   /* the holes are marks, not values */
    /* the writer decides them: any kind of value, escapes included */
    json_object_set_new(v, "entry", json_string("0902\"2026\u00e9"));
    json_object_set_new(v, "lane", json_pack("{s:[i,b]}", "red", -5, 1));
    json_object_set_new(v, "at", json_integer(INT64_MIN));
    const json_t *values[3];
    for (int i = 0; i < 3; i++)
        values[i] = json_object_get(v, keys[i]);
    buf filled;
    buf_init(&filled, 1 << 20);
    assert_int_equal(json_canon_fill(buf_str(&tmpl), values, 3, &filled), HG_OK);
    char *whole = json_canon_text(v);
    assert_string_equal(buf_str(&filled), whole);
    /* a mark with no value is refused, leaving the buffer as it was */
    buf_reset(&filled);
    assert_int_equal(json_canon_fill(buf_str(&tmpl), values, 2, &filled), HG_INVALID);
    assert_int_equal(filled.len, 0);
    /* true, false and null are shared by every member that has them: no hole */
    const json_t *flag = json_array_get(json_object_get(json_object_get(v, "lane"), "red"), 1);
    buf_reset(&tmpl);
    assert_int_equal(json_canon_template(v, &flag, 1, &tmpl), HG_INVALID);
    assert_int_equal(tmpl.len, 0);
    xfree(whole);
    buf_free(&tmpl);
    buf_free(&filled);
    json_decref(v);
}

/* The quick body parser gives jansson's value, or leaves the text to jansson. */
static void quick_json_parser_agrees_with_jansson(void **state)
{
    (void)state;
    static const char *const taken[] = {
        "{}", " {\"a\" : [] , \"b\":{}}\n", "{\"n\":-9223372036854775808,\"m\":9223372036854775807,\"z\":0}",
        "{\"s\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\",\"海关\":\"大连 🚢\",\"\":\"\x7f\"}",
        "{\"a\":[1,[2,[true,false,null]],{\"b\":\"c\"}]}",
        "{\"u\":\"\\u0041\\u00e9\\u9f7f\\ud83d\\udea2x\",\"\\u6d77\":1}",
    };
    static const char *const left[] = {
        "", "[]", "{\"a\":1.5}", "{\"a\":1e3}", "{\"a\":\"\\u0000\"}", "{\"a\":\"\\ud83d\"}", "{\"a\":\"\\udea2\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":1,\"a\":2}", "{\"a\":-0}",
        "{\"a\":01}", "{\"a\":9223372036854775808}", "{\"a\":-9223372036854775809}", "{} x", "{\"a\":tru}",
        "{\"a\":\"\x01\"}", "{\"a\":\"\xc0\xaf\"}", "{\"a\":\"\xed\xa0\x80\"}", "{\"a\" 1}", "{\"a\":1,}",
        "{\"a\":[1,]}", "{\"a\":\"x}", "{\"a\":\"\\x\"}", "\xef\xbb\xbf{}", "{'a':1}", "{\"a\":+1}",
    };
    json_error_t je;
    for (size_t i = 0; i < sizeof taken / sizeof taken[0]; i++) {
        json_t *quick = json_fast_loadb(taken[i], strlen(taken[i]));
        json_t *slow = json_loadb(taken[i], strlen(taken[i]), JSON_REJECT_DUPLICATES, &je);
        if (!quick || !slow || !json_equal(quick, slow))
            fail_msg("not read alike: %s", taken[i]);
        json_decref(quick);
        json_decref(slow);
    }
    for (size_t i = 0; i < sizeof left / sizeof left[0]; i++)
        if (json_fast_loadb(left[i], strlen(left[i])))
            fail_msg("not left to jansson: %s", left[i]);
    /* and through json_parse_body, jansson still reads what the quick parser leaves */
    json_t *v = NULL;
    hg_err err;
    assert_int_equal(json_parse_body("{\"a\":1.5,\"b\":\"\\u00e9\"}", 22, &v, &err), HG_OK);
    assert_string_equal(json_string_value(json_object_get(v, "b")), "\xc3\xa9");
    json_decref(v);
    assert_int_equal(json_parse_body("{\"a\":1,\"a\":2}", 13, &v, &err), HG_INVALID);
    assert_string_equal(err.code, "malformed_json");
}

static const migration test_ref_migrations[] = {
    {900, "a reference table", "CREATE TABLE t_codes (hs_prefix TEXT PRIMARY KEY, a BIGINT, b BIGINT);" REFDATA_REGISTER(t_codes),
     REFDATA_TRIGGERS_SQLITE(t_codes), NULL},
    {0, NULL, NULL, NULL, NULL},
};

/* The cache follows every change to its table: insert, update, delete, by any connection. */
static void prefix_cache_follows_changes(void **state)
{
    (void)state;
    db *d;
    hg_err e;
    static prefix_cache c = PREFIX_CACHE_INIT("t_codes", "SELECT hs_prefix, a, b FROM t_codes");
    const migration *const sets[] = {refdata_migrations, test_ref_migrations, NULL};
    assert_int_equal(db_open(":memory:", &d, &e), HG_OK);
    assert_int_equal(db_migrate(d, sets, NULL, &e), HG_OK);
    prefix_row row;
    assert_int_equal(prefix_cache_sync(d, &c, &e), HG_OK);
    assert_false(prefix_cache_find(&c, "0302130000", &row));
    assert_int_equal(db_exec(d, "INSERT INTO t_codes VALUES ('03', 1, 2), ('030213', 3, 4), ('87', 5, 6)", &e), HG_OK);
    assert_int_equal(prefix_cache_sync(d, &c, &e), HG_OK);
    assert_true(prefix_cache_find(&c, "0302130000", &row));   /* the most specific prefix */
    assert_string_equal(row.prefix, "030213");
    assert_int_equal(row.v[1], 4);
    assert_true(prefix_cache_find(&c, "0301000000", &row));
    assert_int_equal(row.v[0], 1);
    assert_false(prefix_cache_find(&c, "0401000000", &row));
    assert_false(prefix_cache_find(&c, "0", &row));
    assert_int_equal(db_exec(d, "UPDATE t_codes SET a = 9 WHERE hs_prefix = '03'", &e), HG_OK);
    assert_int_equal(prefix_cache_sync(d, &c, &e), HG_OK);
    assert_true(prefix_cache_find(&c, "0301000000", &row));
    assert_int_equal(row.v[0], 9);
    assert_int_equal(db_exec(d, "DELETE FROM t_codes WHERE hs_prefix = '030213'", &e), HG_OK);
    assert_int_equal(prefix_cache_sync(d, &c, &e), HG_OK);
    assert_true(prefix_cache_find(&c, "0302130000", &row));
    assert_string_equal(row.prefix, "03");
    db_close(d);
}

/* Inside the writer's optimistic group the versions are read once for the group (refdata.c: a
 * round trip each on PostgreSQL): a write to a table that is not versioned, or a read, keeps
 * them (a fault injected into their query shows whether they are read); the group's own write
 * to a reference table forgets them at the db layer (db_watch_tables), with no call of the
 * writer's, and a new group, or no group, reads them again. */
static void versions_are_read_once_per_group(void **state)
{
    (void)state;
    db *d;
    hg_err e;
    int64_t v0 = 0, v = 0;
    const migration *const sets[] = {refdata_migrations, test_ref_migrations, NULL};
    assert_int_equal(db_open(":memory:", &d, &e), HG_OK);
    assert_int_equal(db_migrate(d, sets, NULL, &e), HG_OK);
    assert_int_equal(db_exec(d, "CREATE TABLE t_other (hs_prefix TEXT)", &e), HG_OK);
    assert_int_equal(refdata_version(d, "t_codes", &v0, &e), HG_OK);
    assert_int_equal(refdata_version(d, "no_such_table", &v, &e), HG_NOTFOUND);
    assert_int_equal(db_group_begin_optimistic(d, &e), HG_OK);
    assert_int_equal(refdata_version(d, "t_codes", &v, &e), HG_OK);
    assert_int_equal(v, v0);
    assert_int_equal(refdata_version(d, "no_such_table", &v, &e), HG_NOTFOUND);
    db_fault_inject("ref_versions", HG_DB);
    assert_int_equal(db_run(d, &e, "INSERT INTO t_other VALUES ('t_codes_x')", ""), HG_OK);
    assert_int_equal(db_exec(d, "SELECT hs_prefix FROM t_codes", &e), HG_OK);
    assert_int_equal(refdata_version(d, "t_codes", &v, &e), HG_OK); /* kept: not read */
    assert_int_equal(v, v0);
    assert_int_equal(db_run(d, &e, "insert into T_CODES values ('03', 1, 2)", ""), HG_OK);
    assert_int_equal(refdata_version(d, "t_codes", &v, &e), HG_DB); /* forgotten: read again */
    db_fault_inject(NULL, HG_OK);
    assert_int_equal(refdata_version(d, "t_codes", &v, &e), HG_OK);
    assert_int_equal(v, v0 + 1);
    assert_int_equal(db_exec(d, "UPDATE t_codes SET a = 3 WHERE hs_prefix = '03'", &e), HG_OK);
    assert_int_equal(refdata_version(d, "t_codes", &v, &e), HG_OK); /* db_exec's writes too */
    assert_int_equal(v, v0 + 2);
    assert_int_equal(db_group_end(d, &e), HG_OK);
    assert_int_equal(db_exec(d, "INSERT INTO t_codes VALUES ('04', 1, 2)", &e), HG_OK);
    assert_int_equal(refdata_version(d, "t_codes", &v, &e), HG_OK); /* outside a group: read */
    assert_int_equal(v, v0 + 3);
    assert_int_equal(db_group_begin_optimistic(d, &e), HG_OK);
    assert_int_equal(db_exec(d, "INSERT INTO t_codes VALUES ('05', 1, 2)", &e), HG_OK);
    assert_int_equal(refdata_version(d, "t_codes", &v, &e), HG_OK); /* a new group reads afresh */
    assert_int_equal(v, v0 + 4);
    db_group_abandon(d);
    db_close(d);
}

/* A row cache of the test table's codes (refdata.h: row_cache), as a store declares one. */
typedef struct code_row {
    char code[16];
    int64_t a;
} code_row;

static hg_rc code_read(db_stmt *s, void *row, hg_err *err)
{
    (void)err;
    code_row *r = row;
    snprintf(r->code, sizeof r->code, "%s", db_col_text(s, 0));
    r->a = db_col_int(s, 1);
    return HG_OK;
}

typedef struct code_lookup {
    const char *code;
    int64_t a; /* -1: none */
} code_lookup;

static hg_rc code_find(const void *rows, size_t n, void *cls, hg_err *err)
{
    (void)err;
    code_lookup *q = cls;
    q->a = -1;
    for (size_t i = 0; i < n; i++)
        if (strcmp(((const code_row *)rows)[i].code, q->code) == 0)
            q->a = ((const code_row *)rows)[i].a;
    return HG_OK;
}

/* A code the writer's group registers is known to the group's next filing (the stale answer,
 * "unknown code", would refuse it): the write of reference data, inside the optimistic group
 * that keeps the versions, is seen by a later read in the same group; a fault of the database
 * is its error, never "not found". */
static void row_cache_sees_the_groups_own_write(void **state)
{
    (void)state;
    db *d;
    hg_err e;
    static row_cache c = ROW_CACHE_INIT("t_codes", "SELECT hs_prefix, a FROM t_codes", code_row, code_read, NULL, NULL);
    const migration *const sets[] = {refdata_migrations, test_ref_migrations, NULL};
    assert_int_equal(db_open(":memory:", &d, &e), HG_OK);
    assert_int_equal(db_migrate(d, sets, NULL, &e), HG_OK);
    assert_int_equal(db_group_begin_optimistic(d, &e), HG_OK);
    code_lookup q = {"0908", 0};
    assert_int_equal(row_cache_with(d, &c, code_find, &q, &e), HG_OK);
    assert_int_equal(q.a, -1); /* refused: not (yet) a code */
    assert_int_equal(db_run(d, &e,
                            "INSERT INTO t_codes (hs_prefix, a) VALUES (?, ?) ON CONFLICT (hs_prefix) DO UPDATE SET a = "
                            "excluded.a",
                            "ti", "0908", (int64_t)7),
                     HG_OK);
    assert_int_equal(row_cache_with(d, &c, code_find, &q, &e), HG_OK);
    assert_int_equal(q.a, 7); /* accepted: the group's own write is seen */
    assert_int_equal(db_run(d, &e, "DELETE FROM t_codes WHERE hs_prefix = ?", "t", "0908"), HG_OK);
    db_fault_inject("FROM t_codes", HG_DB);
    assert_int_equal(row_cache_with(d, &c, code_find, &q, &e), HG_DB); /* the reload's fault */
    db_fault_inject(NULL, HG_OK);
    assert_int_equal(row_cache_with(d, &c, code_find, &q, &e), HG_OK);
    assert_int_equal(q.a, -1);
    db_group_abandon(d);
    db_close(d);
}

/* A cached row carries two texts after its three numbers (a tariff line's legal units). */
static void prefix_cache_keeps_texts(void **state)
{
    (void)state;
    db *d;
    hg_err e;
    static prefix_cache c =
        PREFIX_CACHE_INIT("t_codes", "SELECT hs_prefix, a, b, 0, '千克', COALESCE(NULL, '') FROM t_codes");
    const migration *const sets[] = {refdata_migrations, test_ref_migrations, NULL};
    assert_int_equal(db_open(":memory:", &d, &e), HG_OK);
    assert_int_equal(db_migrate(d, sets, NULL, &e), HG_OK);
    assert_int_equal(db_exec(d, "INSERT INTO t_codes VALUES ('0302', 1, 2)", &e), HG_OK);
    assert_int_equal(prefix_cache_sync(d, &c, &e), HG_OK);
    prefix_row row;
    assert_true(prefix_cache_find(&c, "0302130000", &row));
    assert_int_equal(row.v[1], 2);
    assert_string_equal(row.text[0], "千克");
    assert_string_equal(row.text[1], "");
    db_close(d);
}

/* db_memo (the client-side counters of docs/SCALING.md, "Pipelined writes"): known only inside
 * an optimistic group, and forgotten when the group is abandoned, spoiled by a rollback or ends,
 * so that a counter is never carried past the writes it stood for. */
static void memo_lives_only_in_an_optimistic_group(void **state)
{
    (void)state;
    db *d;
    hg_err e;
    int64_t n = 0;
    char text[65];
    assert_int_equal(db_open(":memory:", &d, &e), HG_OK);
    db_memo_set(d, DB_MEMO_EVENT_SEQ, 7, NULL); /* outside a group: refused */
    assert_int_equal(db_memo_get(d, DB_MEMO_EVENT_SEQ, &n, NULL, 0), 0);
    assert_int_equal(db_group_begin(d, &e), HG_OK); /* a careful group: refused too */
    db_memo_set(d, DB_MEMO_EVENT_SEQ, 7, NULL);
    assert_int_equal(db_memo_get(d, DB_MEMO_EVENT_SEQ, &n, NULL, 0), 0);
    assert_int_equal(db_group_end(d, &e), HG_OK);
    assert_int_equal(db_group_begin_optimistic(d, &e), HG_OK); /* accepted */
    db_memo_set(d, DB_MEMO_AUDIT_HEAD, 41, "abcd");
    assert_int_equal(db_memo_get(d, DB_MEMO_AUDIT_HEAD, &n, text, sizeof text), 1);
    assert_int_equal(n, 41);
    assert_string_equal(text, "abcd");
    assert_int_equal(db_memo_get(d, DB_MEMO_EVENT_SEQ, &n, NULL, 0), 0); /* another slot */
    db_group_abandon(d);
    assert_int_equal(db_group_begin_optimistic(d, &e), HG_OK); /* a new group knows nothing */
    assert_int_equal(db_memo_get(d, DB_MEMO_AUDIT_HEAD, &n, text, sizeof text), 0);
    db_memo_set(d, DB_MEMO_EVENT_SEQ, 3, NULL);
    assert_int_equal(db_begin(d, &e), HG_OK);
    db_rollback(d); /* spoils the group: forgotten */
    assert_int_equal(db_memo_get(d, DB_MEMO_EVENT_SEQ, &n, NULL, 0), 0);
    db_group_abandon(d);
    db_close(d);
}

/* An in-memory database with the tables of order_record and line_record. */
static db *open_order_db(void)
{
    db *d;
    hg_err e;
    assert_int_equal(db_open(":memory:", &d, &e), HG_OK);
    assert_int_equal(db_exec(d,
                             "CREATE TABLE t_order (order_no TEXT PRIMARY KEY, note TEXT);"
                             "CREATE TABLE t_line (order_no TEXT NOT NULL, line_no BIGINT NOT NULL, hs_code TEXT,"
                             " qty BIGINT, value BIGINT, PRIMARY KEY (order_no, line_no));",
                             &e),
                     HG_OK);
    return d;
}

/* The shared list query (list_query.h): sorted with rows without a value last, numbered pages
 * with a total, a search through the area's own SQL, and the CSV export with its bound and its
 * guard against formulas (OWASP "CSV injection"). */
static void record_lists_sort_count_and_export(void **state)
{
    (void)state;
    db *d = open_order_db();
    hg_err e;
    assert_int_equal(db_exec(d,
                             "INSERT INTO t_order VALUES ('A1', '=cmd'), ('A2', 'b,c'), ('A3', NULL),"
                             " ('A4', 'plain'), ('A5', 'say \"hi\"');",
                             &e),
                     HG_OK);
    record_query q = {.limit = 2, .sort = "note", .offset = 2, .with_total = 1};
    json_t *out;
    assert_int_equal(record_list_json(d, &order_record, &q, &out, &e), HG_OK);
    /* by note: =cmd, b,c, plain, say "hi", then the one without */
    json_t *items = json_object_get(out, "items");
    assert_int_equal(json_array_size(items), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(items, 0), "order_no")), "A4");
    assert_string_equal(json_string_value(json_object_get(json_array_get(items, 1), "order_no")), "A5");
    assert_int_equal(json_integer_value(json_object_get(out, "total")), 5);
    assert_true(json_is_null(json_object_get(out, "next_cursor")));
    json_decref(out);
    q.sort_desc = 1;
    q.offset = 4;
    assert_int_equal(record_list_json(d, &order_record, &q, &out, &e), HG_OK);
    items = json_object_get(out, "items");
    assert_string_equal(json_string_value(json_object_get(json_array_get(items, 0), "order_no")), "A3");
    json_decref(out);
    /* a search in the area's SQL, each ? taking the pattern; the user's % is no wildcard */
    record_query s = {.limit = 10, .q = "B,", .q_sql = "note LIKE ? OR order_no LIKE ?", .n_q_sql = 2,
                      .with_total = 1};
    assert_int_equal(record_list_json(d, &order_record, &s, &out, &e), HG_OK);
    assert_int_equal(json_integer_value(json_object_get(out, "total")), 1);
    json_decref(out);
    s.q = "c%"; /* "c " then, in no note */
    assert_int_equal(record_list_json(d, &order_record, &s, &out, &e), HG_OK);
    assert_int_equal(json_integer_value(json_object_get(out, "total")), 0);
    json_decref(out);
    /* the export: every row matching, a formula made text, quotes doubled, lists left out */
    buf csv;
    buf_init(&csv, 1u << 16);
    int rows;
    record_query all = {.sort = "note"};
    assert_int_equal(record_list_csv(d, &order_record, &all, 5, &csv, &rows, &e), HG_OK);
    assert_int_equal(rows, 5);
    assert_string_equal(buf_str(&csv), "order_no,note\r\nA1,\"'=cmd\"\r\nA2,\"b,c\"\r\nA4,plain\r\n"
                                       "A5,\"say \"\"hi\"\"\"\r\nA3,\r\n");
    /* more rows than the bound: refused, named */
    buf_reset(&csv);
    assert_int_equal(record_list_csv(d, &order_record, &all, 4, &csv, &rows, &e), HG_INVALID);
    assert_string_equal(e.code, "too_many_rows");
    buf_free(&csv);
    db_close(d);
}

/* The list parameters' rules (list_query_read, what every list route reads): each refusal
 * names its parameter; an accepted page is whole pages, bounded; a cursor goes alone. */
static void list_parameters_are_read_with_their_rules(void **state)
{
    (void)state;
    static const char *const sortable[] = {"filed_at", "status", NULL};
    const struct {
        list_params p;
        const char *field; /* refused naming it, or NULL: accepted */
    } cases[] = {
        {{.q = "DLC", .sort = "-filed_at", .page = "3", .limit = "20"}, NULL},
        {{.sort = "--filed_at"}, "sort"},
        {{.sort = "note"}, "sort"},
        {{.page = "0"}, "page"},
        {{.page = "+2"}, "page"},
        {{.page = " 2"}, "page"},
        {{.page = "2x"}, "page"},
        {{.page = "10002", .limit = "1"}, "page"},
        {{.page = "10001", .limit = "1"}, NULL},
        {{.limit = "201"}, "limit"},
        {{.cursor = "A1", .page = "1"}, "cursor"},
        {{.cursor = "A1", .sort = "status"}, "cursor"},
        {{.cursor = "A1"}, NULL},
        {{.q = "a\nb"}, "q"},
        {{.q = "\xff"}, "q"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        record_query q = {0};
        hg_err e = {0};
        hg_rc rc = list_query_read(&cases[i].p, sortable, 1, &q, &e);
        if (cases[i].field) {
            assert_int_equal(rc, HG_INVALID);
            assert_string_equal(e.field, cases[i].field);
        } else {
            assert_int_equal(rc, HG_OK);
        }
    }
    record_query q = {0};
    hg_err e;
    list_params p = {.q = "DLC", .sort = "-filed_at", .page = "3", .limit = "20"};
    assert_int_equal(list_query_read(&p, sortable, 1, &q, &e), HG_OK);
    assert_string_equal(q.sort, "filed_at");
    assert_true(q.sort_desc && q.with_total);
    assert_int_equal(q.offset, 40);
    assert_int_equal(q.limit, 20);
    /* an export reads only q and sort */
    record_query x = {0};
    assert_int_equal(list_query_read(&p, sortable, 0, &x, &e), HG_OK);
    assert_true(!x.offset && !x.with_total && x.q && x.sort);
}

static void record_lists_store_and_load_children(void **state)
{
    (void)state;
    db *d = open_order_db();
    hg_err e;
    json_error_t je;
    json_t *body = json_loads("{\"order_no\":\"A1\",\"lines\":[{\"hs_code\":\"0302130000\",\"qty\":2,"
                              "\"value\":\"10.50\"},{\"hs_code\":\"8703231990\",\"qty\":1}]}",
                              0, &je);
    record r = {0};
    assert_int_equal(record_from_json(&order_record, body, REC_CREATE, &r, &e), HG_OK);
    int n;
    const record *lines = record_list(&r, "lines", &n);
    assert_int_equal(n, 2);
    assert_int_equal(record_int(&lines[0], "value", -1), 1050);
    assert_int_equal(record_insert(d, &r, &e), HG_OK);
    /* what was parsed, as JSON, is what reading it back gives (unset fields null) */
    json_t *parsed = record_to_json(&r);
    record_free(&r);
    json_t *out;
    assert_int_equal(record_load_json(d, &order_record, "A1", &out, &e), HG_OK);
    assert_true(json_equal(parsed, out));
    json_decref(parsed);
    json_t *arr = json_object_get(out, "lines");
    assert_int_equal(json_array_size(arr), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 1), "hs_code")), "8703231990");
    assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 0), "value")), "10.50");
    json_decref(out);
    /* a patch replaces the whole list */
    json_t *patch = json_loads("{\"lines\":[{\"hs_code\":\"0101210010\",\"qty\":7}]}", 0, &je);
    assert_int_equal(record_from_json(&order_record, patch, REC_PATCH, &r, &e), HG_OK);
    assert_int_equal(record_update(d, &r, "A1", &e), HG_OK);
    record_free(&r);
    assert_int_equal(record_load_json(d, &order_record, "A1", &out, &e), HG_OK);
    assert_int_equal(json_array_size(json_object_get(out, "lines")), 1);
    json_decref(out);
    json_decref(patch);
    /* errors inside a child name its path; too many or too few children are refused */
    json_object_set_new(json_array_get(json_object_get(body, "lines"), 1), "qty", json_integer(0));
    assert_int_equal(record_from_json(&order_record, body, REC_CREATE, &r, &e), HG_INVALID);
    assert_string_equal(e.field, "lines[1].qty");
    record_free(&r);
    json_object_set_new(body, "lines", json_array());
    assert_int_equal(record_from_json(&order_record, body, REC_CREATE, &r, &e), HG_INVALID);
    assert_string_equal(e.field, "lines");
    record_free(&r);
    json_decref(body);
    db_close(d);
}

/* Children the server makes itself (record_init, record_insert_children) come back in line
 * order (record_children_json), in more shapes than insert_rows keeps statement texts for:
 * past its table the statements are built each time. */
static void record_children_of_many_shapes(void **state)
{
    (void)state;
    db *d = open_order_db();
    hg_err e;
    for (int o = 0; o < 200; o++) {   /* 1 to 100 rows, with and without a value: 200 shapes */
        int n = o % 100 + 1, with_value = o >= 100;
        record rows[100];
        for (int k = 0; k < n; k++) {
            assert_int_equal(record_init(&line_record, &rows[k], &e), HG_OK);
            assert_int_equal(record_set_text(&rows[k], "hs_code", "0302130000"), HG_OK);
            assert_int_equal(record_set_int(&rows[k], "qty", k + 1), HG_OK);
            if (with_value)
                assert_int_equal(record_set_int(&rows[k], "value", 100 * k), HG_OK);
        }
        char key[16];
        snprintf(key, sizeof key, "O%d", o);
        assert_int_equal(record_insert_children(d, rows, n, key, &e), HG_OK);
        for (int k = 0; k < n; k++)
            record_free(&rows[k]);
        json_t *out;
        assert_int_equal(record_children_json(d, &line_record, key, &out, &e), HG_OK);
        assert_int_equal(json_array_size(out), n);
        const json_t *last = json_array_get(out, (size_t)n - 1);
        assert_int_equal(json_integer_value(json_object_get(last, "qty")), n);
        char value[32];
        snprintf(value, sizeof value, "%d.00", n - 1);
        if (with_value)
            assert_string_equal(json_string_value(json_object_get(last, "value")), value);
        else
            assert_true(json_is_null(json_object_get(last, "value")));
        json_decref(out);
    }
    db_close(d);
}

int main(void)
{
    mem_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(router_matches_params_and_methods),
        cmocka_unit_test(router_matches_a_suffix_after_a_param),
        cmocka_unit_test(memo_lives_only_in_an_optimistic_group),
        cmocka_unit_test(policy_denies_by_default),
        cmocka_unit_test(buffers_are_bounded),
        cmocka_unit_test(money_is_exact),
        cmocka_unit_test(times_parse_with_offsets),
        cmocka_unit_test(csv_reads_rfc4180),
        cmocka_unit_test(json_bodies_are_bounded),
        cmocka_unit_test(record_parsing_names_field_and_rule),
        cmocka_unit_test(record_parsing_survives_allocation_failures),
        cmocka_unit_test(record_lists_store_and_load_children),
        cmocka_unit_test(record_lists_sort_count_and_export),
        cmocka_unit_test(list_parameters_are_read_with_their_rules),
        cmocka_unit_test(record_children_of_many_shapes),
        cmocka_unit_test(prefix_cache_follows_changes),
        cmocka_unit_test(versions_are_read_once_per_group),
        cmocka_unit_test(row_cache_sees_the_groups_own_write),
        cmocka_unit_test(prefix_cache_keeps_texts),
        cmocka_unit_test(canonical_json_is_janssons),
        cmocka_unit_test(canonical_templates_fill_to_the_whole),
        cmocka_unit_test(quick_json_parser_agrees_with_jansson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
