/* test_i18n.c — the language of the API's messages (issue 16): the Accept-Language parser
 * (http_negotiate.h, RFC 9110 §12.5.4) and the Chinese formatting of hg_fail (i18n.h): a
 * translated format takes the English one's arguments, a quoted message is translated, and
 * what the catalogue lacks stays English. */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "platform/db.h"
#include "platform/db_constraint.h"
#include "platform/http_negotiate.h"
#include "platform/i18n.h"
#include "platform/module.h"
#include "platform/rc.h"
#include "platform/utf8.h"
#include "platform/words.h"

static const char *const langs[] = {"zh", "en", NULL};

static const char *pick(const char *v) { return langs[http_pick_language(v, langs)]; }

/* An Accept-Language field and the language it picks. */
typedef struct pick_case {
    const char *field; /* NULL: no field */
    const char *want;
} pick_case;

static void picks(const pick_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *got = pick(cases[i].field);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("Accept-Language %s%s%s picks %s, not %s", cases[i].field ? "\"" : "",
                     cases[i].field ? cases[i].field : "(absent)", cases[i].field ? "\"" : "", got, cases[i].want);
    }
}
#define PICKS(cases) picks(cases, sizeof cases / sizeof cases[0])

/* RFC 9110 §12.5.4: the highest weight above zero wins; a range counts for its primary subtag. */
static void accept_language_weights_and_subtags(void **state)
{
    (void)state;
    static const pick_case cases[] = {
        {"en", "en"},
        {"en-US", "en"},
        {"EN-gb", "en"},
        {"zh-CN", "zh"},
        {"zh-Hans-CN, en;q=0.8", "zh"},
        {"zh-CN,zh;q=0.9,en;q=0.8", "zh"},
        {"en-US;q=0.9, zh;q=0.1", "en"},
        {"zh;q=0.1, en;q=0.9", "en"},
        {"en;q=0.5,zh;q=0.500", "en"}, /* a tie: the earlier range */
        {"zh;q=0.5 , en ; q=0.5", "zh"},
        {"fr, en;q=0.3", "en"},         /* fr is not offered */
        {"de-DE-1996, en;q=0.1", "en"}, /* digits in later subtags */
    };
    PICKS(cases);
}

/* "*" weighs every language not named; q=0 refuses a language, even through "*". */
static void accept_language_wildcard_and_refusal(void **state)
{
    (void)state;
    static const pick_case cases[] = {
        {"*", "zh"},           {"zh;q=0, *", "en"},      {"en;q=0, *;q=0.1", "zh"},
        {"*;q=0.5, en", "en"}, {"zh;q=0, en;q=0", "zh"}, /* nothing accepted: the default */
        {"*;q=0", "zh"},
    };
    PICKS(cases);
}

/* Absent, empty or not parsing: the default (Chinese), never a guess from half a field. */
static void accept_language_malformed_gives_the_default(void **state)
{
    (void)state;
    static const pick_case cases[] = {
        {NULL, "zh"},       {"", "zh"},          {"fr", "zh"},
        {"en;q=abc", "zh"}, {"en;q=2", "zh"},    {"en;x=1", "zh"},
        {"en zh", "zh"},    {"en, zh;;", "zh"},  {"e_n", "zh"},
        {"en-", "zh"},      {"-en", "zh"},       {"englishlanguage", "zh"},
        {"1en", "zh"},      {"en;q=0.9x", "zh"}, {"en;q=", "zh"},
        {"en,", "en"}, /* an empty list element (RFC 9110 §5.6.1) */
    };
    PICKS(cases);
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
    assert_string_equal(e.message_zh, "扣留 42 的状态为已放行"); /* the status's word (words.c) */
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

/* gettext's numbered directives: a translation may take the msgid's arguments in another
 * order (卡口 before its lane), each with the msgid's type. */
static void numbered_directives_reorder_the_arguments(void **state)
{
    (void)state;
    hg_err e;
    hg_fail(&e, HG_INVALID, NULL, NULL, "lane %lld of gate %s is an %s lane", 3LL, "G01", hg_word("in"));
    assert_string_equal(e.message, "lane 3 of gate G01 is an entry lane");
    assert_string_equal(e.message_zh, "卡口 G01 的 3 号车道是入口车道");
    hg_fail(&e, HG_CONFLICT, NULL, NULL, "flight %s of %s is already recorded", "MU5101", "2026-12-04");
    assert_string_equal(e.message_zh, "2026-12-04 的航班 MU5101 已登记");
}

/* Statuses, kinds and field names quoted in a message are words in both languages: the
 * English word of a raw value (words.c), its Chinese from the catalogue, and a field's name
 * or path by its record table's label (label_zh). */
static void statuses_and_field_names_are_words(void **state)
{
    (void)state;
    hg_err e;
    assert_string_equal(hg_word("shipping_agent"), "shipping agent");
    assert_string_equal(hg_word("B2026120401"), "B2026120401"); /* data stays itself */
    assert_true(hg_word_count() > 40);
    hg_fail(&e, HG_CONFLICT, NULL, NULL, "the request was already %s", hg_word("approved"));
    assert_string_equal(e.message, "the request was already approved");
    assert_string_equal(e.message_zh, "该申请已批准");
    /* a raw value passed as it is still finds its word's Chinese */
    hg_fail(&e, HG_CONFLICT, NULL, NULL, "the ship has %s", "departed");
    assert_string_equal(e.message_zh, "该船已离港");
    hg_fail(&e, HG_CONFLICT, "boarding_required", "decision",
            "the ship's level is %s: free pratique after the boarding quarantine", hg_word("board"));
    assert_string_equal(e.message,
                        "the ship's level is boarding quarantine: free pratique after the boarding quarantine");
    assert_string_equal(e.message_zh, "该船的检疫等级为登临检疫：登临检疫后签发入境检疫许可");
    i18n_set_labels(modules_field_label_zh);
    hg_fail(&e, HG_INVALID, "required", "uscc", "%s is required", "uscc");
    assert_string_equal(e.message, "uscc is required");
    assert_string_equal(e.message_zh, "统一社会信用代码为必填项");
    hg_fail(&e, HG_INVALID, "required", "password", "%s is required", "password");
    assert_string_equal(e.message_zh, "密码为必填项");
    assert_string_equal(i18n_zh_word("name_en"), "英文名称");
    assert_null(i18n_zh_word("no such field"));
    i18n_set_labels(NULL);
    assert_null(i18n_zh_word("name_en"));
}

/* A list of values quoted in a message is one list in the user's language (hg_word_list): the
 * English words joined by commas and "and", the Chinese ones by 、 (a port serving three modes). */
static void value_lists_are_lists_of_words(void **state)
{
    (void)state;
    hg_err e;
    char list[128];
    assert_string_equal(hg_word_list("sea,air,road", list, sizeof list), "sea, air and road");
    hg_fail(&e, HG_INVALID, NULL, NULL,
            "port %s (%s, %s) serves %s only, not %s: the transport mode and the port of "
            "entry or exit must agree (报关单填制规范: 运输方式, 进出境关别)",
            "0903", "大连开发区",
            "Dalian Development "
            "Zone",
            list, hg_word("rail"));
    assert_non_null(strstr(e.message, "serves sea, air and road only, not rail"));
    assert_non_null(strstr(e.message_zh, "仅办理水路运输、航空运输、公路运输，不办理铁路运输"));
    assert_string_equal(hg_word_list("sea,air", list, sizeof list), "sea and air");
    assert_string_equal(hg_word_list("air", list, sizeof list), "air");
    assert_string_equal(hg_word_list("", list, sizeof list), "");
    assert_string_equal(hg_word_list("sea,air", list, 6), "sea a"); /* cut, still a string */
}

/* The engines' constraint texts: which column each names (db_constraint.h). */
static void constraint_texts_name_their_column(void **state)
{
    (void)state;
    char col[64];
    static const struct {
        db_constraint_kind kind;
        const char *text, *col;
    } sqlite[] = {
        {DBC_UNIQUE, "UNIQUE constraint failed: enterprises.uscc", "uscc"},
        {DBC_UNIQUE, "UNIQUE constraint failed: items.entry_no, items.line_no", "line_no"},
        {DBC_UNIQUE, "UNIQUE constraint failed: index 'ix_lower_name'", ""},
        {DBC_NOT_NULL, "NOT NULL constraint failed: cards.card_no", "card_no"},
        {DBC_CHECK, "CHECK constraint failed: kind IN ('holiday', 'workday')", "kind"},
        {DBC_CHECK, "CHECK constraint failed: length(uscc) = 18 AND 1", "uscc"},
        {DBC_CHECK, "CHECK constraint failed: 'x' IS NOT NULL", ""},
        {DBC_FOREIGN_KEY, "FOREIGN KEY constraint failed", ""},
    };
    for (size_t i = 0; i < sizeof sqlite / sizeof sqlite[0]; i++) {
        db_constraint_sqlite_column(sqlite[i].kind, sqlite[i].text, col, sizeof col);
        if (strcmp(col, sqlite[i].col) != 0)
            fail_msg("SQLite \"%s\" names column \"%s\", not \"%s\"", sqlite[i].text, col, sqlite[i].col);
    }
    /* PostgreSQL: by SQLSTATE, the DETAIL's key, the column field, the generated CHECK name;
     * col NULL: the column is not looked at */
    static const struct {
        const char *sqlstate, *constraint, *column, *table, *detail;
        db_constraint_kind kind;
        const char *col;
    } pg[] = {
        {"23505", "cards_pkey", NULL, "cards", "Key (card_no)=(C1) already exists.", DBC_UNIQUE, "card_no"},
        {"23505", "x_key", NULL, "items", "Key (entry_no, line_no)=(E, 2) already exists.", DBC_UNIQUE, "line_no"},
        {"23505", "ix", NULL, "t", "Key (lower(name))=(a) already exists.", DBC_UNIQUE, ""},
        {"23514", "calendar_days_kind_check", NULL, "calendar_days", NULL, DBC_CHECK, "kind"},
        {"23502", NULL, "card_no", "cards", NULL, DBC_NOT_NULL, "card_no"},
        {"23503", "fk", NULL, "t", NULL, DBC_FOREIGN_KEY, NULL},
        {"P0001", NULL, NULL, NULL, NULL, DBC_TRIGGER, NULL},
        {"23514", NULL, NULL, "audit_chain", NULL, DBC_TRIGGER, NULL},
    };
    for (size_t i = 0; i < sizeof pg / sizeof pg[0]; i++) {
        db_constraint_kind kind = db_constraint_pg(pg[i].sqlstate, pg[i].constraint, pg[i].column, pg[i].table,
                                                   pg[i].detail, col, sizeof col);
        if (kind != pg[i].kind)
            fail_msg("PostgreSQL case %zu (SQLSTATE %s): kind %d, not %d", i + 1, pg[i].sqlstate, (int)kind,
                     (int)pg[i].kind);
        if (pg[i].col && strcmp(col, pg[i].col) != 0)
            fail_msg("PostgreSQL case %zu (SQLSTATE %s): column \"%s\", not \"%s\"", i + 1, pg[i].sqlstate, col,
                     pg[i].col);
    }
}

/* A table of cards made on d, holding card C1 of holder H1, and the refusals of rows that break
 * its constraints, the same on both engines: each names the field, in our words in both
 * languages, never the engine's own text ("... constraint failed: ...", "... violates ..."). */
static void cards_refusals_are_our_messages(db *d, const char *table)
{
    char sql[300];
    hg_err e;
    snprintf(sql, sizeof sql,
             "CREATE TABLE %s (card_no TEXT PRIMARY KEY, status TEXT NOT NULL CHECK (status IN ('active', "
             "'suspended')), holder TEXT UNIQUE)",
             table);
    assert_int_equal(db_exec(d, sql, &e), HG_OK);
    snprintf(sql, sizeof sql, "INSERT INTO %s VALUES ('C1', 'active', 'H1')", table);
    assert_int_equal(db_exec(d, sql, &e), HG_OK);
    static const struct {
        const char *values;
        hg_rc rc;
        const char *code, *field, *message, *message_zh; /* NULL: not looked at */
    } cases[] = {
        {"('C1', 'active', 'H2')", HG_CONFLICT, "duplicate", "card_no", "a record with this card_no already exists",
         NULL},
        {"('C2', 'active', 'H1')", HG_CONFLICT, NULL, "holder", NULL, NULL},
        {"('C3', 'lost', 'H3')", HG_INVALID, "invalid", "status", "the value of status is not allowed",
         "status的值不符合规则"},
        {"('C4', NULL, 'H4')", HG_INVALID, "required", "status", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(sql, sizeof sql, "INSERT INTO %s VALUES %s", table, cases[i].values);
        hg_rc rc = db_exec(d, sql, &e);
        if (rc != cases[i].rc)
            fail_msg("%s: %s, not %s", sql, hg_rc_name(rc), hg_rc_name(cases[i].rc));
        if (strcmp(e.field, cases[i].field) != 0 || (cases[i].code && strcmp(e.code, cases[i].code) != 0))
            fail_msg("%s: refused as %s %s", sql, e.field, e.code);
        if ((cases[i].message && strcmp(e.message, cases[i].message) != 0) ||
            (cases[i].message_zh && strcmp(e.message_zh, cases[i].message_zh) != 0))
            fail_msg("%s: refused with \"%s\" (\"%s\")", sql, e.message, e.message_zh);
        if (strstr(e.message, "constraint") || strstr(e.message, "violates"))
            fail_msg("%s: the engine's text \"%s\"", sql, e.message);
    }
}

/* A real constraint failure of SQLite answers our message in both languages, naming the
 * field, never SQLite's "... constraint failed: ..." text; a trigger's refusal too. */
static void sqlite_constraint_failures_are_our_messages(void **state)
{
    (void)state;
    db *d = NULL;
    hg_err e;
    assert_int_equal(db_open(":memory:", &d, &e), HG_OK);
    cards_refusals_are_our_messages(d, "t_cards");
    assert_int_equal(db_exec(d,
                             "CREATE TRIGGER t_cards_keep BEFORE DELETE ON t_cards BEGIN SELECT RAISE(ABORT, "
                             "'t_cards is append-only'); END",
                             &e),
                     HG_OK);
    assert_int_equal(db_exec(d, "DELETE FROM t_cards", &e), HG_CONFLICT);
    assert_string_equal(e.message_zh, "这些记录按原样保存，不可更改");
    assert_null(strstr(e.message, "constraint"));
    assert_null(strstr(e.message, "append-only"));
    db_close(d);
}

/* The same on PostgreSQL, when the suite is given a server (env HAIGUAN_TEST_PG, a base URL as
 * for the API suite; skipped otherwise): the DETAIL's key, the column field and the generated
 * CHECK name give the field, and PostgreSQL's English stays in the log. */
static void pg_constraint_failures_are_our_messages(void **state)
{
    (void)state;
    const char *base = getenv("HAIGUAN_TEST_PG");
    if (!base || !*base) {
        skip();
        return;
    }
    char url[512];
    snprintf(url, sizeof url, "%s/postgres", base);
    db *d = NULL;
    hg_err e;
    assert_int_equal(db_open(url, &d, &e), HG_OK);
    (void)db_exec(d, "DROP TABLE IF EXISTS t_i18n_cards", &e);
    cards_refusals_are_our_messages(d, "t_i18n_cards");
    assert_int_equal(db_exec(d, "DROP TABLE t_i18n_cards", &e), HG_OK);
    db_close(d);
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
        cmocka_unit_test(numbered_directives_reorder_the_arguments),
        cmocka_unit_test(statuses_and_field_names_are_words),
        cmocka_unit_test(value_lists_are_lists_of_words),
        cmocka_unit_test(constraint_texts_name_their_column),
        cmocka_unit_test(sqlite_constraint_failures_are_our_messages),
        cmocka_unit_test(pg_constraint_failures_are_our_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
