/* test_risk.c — unit tests of the risk targeting core (src/risk/risk.c): every condition
 * kind, lane severity, scope and validity, fire fractions and credit-based random selection
 * rates over many seeded draws, the indexed screening against the naive evaluator, a reload
 * while other threads screen, and compiling 10,000 rules. No database, no clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <pthread.h>

#include "../../src/platform/mem.h"
#include "../../src/risk/risk.h"

static const unsigned char secret[RISK_SECRET_BYTES] = "test secret, not a real one.....";

static void parse_rule(const char *text, int64_t id, risk_rule *r)
{
    json_error_t je;
    json_t *j = json_loads(text, 0, &je);
    assert_non_null(j);
    hg_err err;
    hg_rc rc = risk_rule_from_json(j, 0, r, &err);
    if (rc)
        fail_msg("rule refused: %s: %s", err.field, err.message);
    r->id = id;
    json_decref(j);
}

/* Refusal of a rule text, returning the field named. */
static const char *refuse(const char *text)
{
    static hg_err err;
    json_error_t je;
    json_t *j = json_loads(text, 0, &je);
    assert_non_null(j);
    risk_rule r;
    hg_rc rc = risk_rule_from_json(j, 0, &r, &err);
    risk_rule_free(&r);
    json_decref(j);
    assert_int_equal(rc, HG_INVALID);
    return err.field;
}

static void parse_decl(const char *text, risk_decl *d)
{
    json_error_t je;
    json_t *j = json_loads(text, 0, &je);
    assert_non_null(j);
    hg_err err;
    hg_rc rc = risk_decl_from_json(j, d, &err);
    if (rc)
        fail_msg("declaration refused: %s: %s", err.field, err.message);
    d->at_ms = 1790000000000LL; /* 2026-09 */
    json_decref(j);
}

/* A set of one rule with random selection off (so that lanes come from rules alone). */
static risk_set *one_rule_set(const char *text)
{
    risk_rule *rs = xcalloc(1, sizeof *rs);
    parse_rule(text, 1, &rs[0]);
    risk_config cfg;
    risk_config_default(&cfg);
    cfg.base_ppm_import = cfg.base_ppm_export = 0;
    cfg.dishonest_min_ppm = 0;
    risk_set *s;
    hg_err err;
    assert_int_equal(risk_set_compile(rs, 1, &cfg, secret, 1, &s, &err), HG_OK);
    return s;
}

/* Lane a single rule gives a declaration, by both evaluators (they must agree). */
static risk_lane lane_of(const char *rule, const char *decl)
{
    risk_set *s = one_rule_set(rule);
    risk_decl d;
    parse_decl(decl, &d);
    risk_result a, b;
    risk_result_init(&a);
    risk_result_init(&b);
    hg_err err;
    assert_int_equal(risk_screen(s, &d, &a, &err), HG_OK);
    assert_int_equal(risk_screen_naive(s, &d, &b, &err), HG_OK);
    assert_int_equal(a.lane, b.lane);
    assert_int_equal(a.n_hits, b.n_hits);
    risk_lane l = a.lane;
    risk_result_free(&a);
    risk_result_free(&b);
    risk_decl_free(&d);
    risk_set_release(s);
    return l;
}

#define RULE(conds) "{\"name\":\"t\",\"source\":\"district\",\"conditions\":[" conds "],\"action\":{\"lane\":\"red\"}}"
#define DECL(extra) "{\"id\":\"D1\",\"direction\":\"import\"" extra "}"

static const char *const seafood = ",\"items\":[{\"hs_code\":\"0303891000\",\"origin\":\"JP\","
                                   "\"description\":\"Frozen SQUID 冷冻鱿鱼\",\"value\":\"12000.00\","
                                   "\"unit_price\":\"12.00\",\"gross_weight_g\":1000000}]";

/* 海关注册登记和备案企业信用管理办法: a declaration bears the lower credit of its declarant and
 * its owner. */
static void test_credit_lower(void **state)
{
    (void)state;
    assert_int_equal(risk_credit_lower(RC_ADVANCED_CERTIFIED, RC_DISHONEST), RC_DISHONEST);
    assert_int_equal(risk_credit_lower(RC_GENERAL_CREDIT, RC_ADVANCED_CERTIFIED), RC_GENERAL_CREDIT);
    assert_int_equal(risk_credit_lower(RC_GENERAL_CERTIFIED, RC_GENERAL_CERTIFIED), RC_GENERAL_CERTIFIED);
    assert_int_equal(risk_credit_lower(RC_UNKNOWN, RC_GENERAL_CREDIT), RC_UNKNOWN);
    assert_int_equal(risk_credit_lower(RC_UNKNOWN, RC_DISHONEST), RC_DISHONEST);
}

static void test_condition_kinds(void **state)
{
    (void)state;
    char d[1024];
    snprintf(d, sizeof d,
             DECL("%s,\"port\":\"0901\",\"transport_mode\":\"sea\",\"trade_country\":\"JP\","
                  "\"consignee\":\"91210200241600015L\",\"consignor\":\"91350100M000100Y43\","
                  "\"declarant\":\"91210213550001235J\",\"credit_level\":\"general_credit\","
                  "\"kind\":\"summary\",\"containers\":[\"CSQU3054383\"],\"vessel_imo\":\"IMO9074729\","
                  "\"bill_no\":\"COSU6012345\""),
             seafood);
    struct {
        const char *hit, *miss;
    } cases[] = {
        {RULE("{\"kind\":\"hs_prefix\",\"values\":[\"03\"]}"), RULE("{\"kind\":\"hs_prefix\",\"values\":[\"0304\"]}")},
        {RULE("{\"kind\":\"hs_prefix\",\"values\":[\"0303891000\"]}"),
         RULE("{\"kind\":\"hs_prefix\",\"values\":[\"0303891001\"]}")},
        {RULE("{\"kind\":\"origin_country\",\"values\":[\"jp\"]}"),
         RULE("{\"kind\":\"origin_country\",\"values\":[\"KR\"]}")},
        {RULE("{\"kind\":\"trade_country\",\"values\":[\"JP\",\"KR\"]}"),
         RULE("{\"kind\":\"trade_country\",\"values\":[\"US\"]}")},
        {RULE("{\"kind\":\"consignee\",\"values\":[\"91210200241600015L\"]}"),
         RULE("{\"kind\":\"consignee\",\"values\":[\"91350100M000100Y43\"]}")},
        {RULE("{\"kind\":\"consignor\",\"values\":[\"91350100M000100Y43\"]}"),
         RULE("{\"kind\":\"consignor\",\"values\":[\"91210200241600015L\"]}")},
        /* an instruction naming a consignee hits its filings as declarant for another too */
        {RULE("{\"kind\":\"consignee\",\"values\":[\"91210213550001235J\"]}"), NULL},
        {RULE("{\"kind\":\"declarant\",\"values\":[\"91210213550001235J\"]}"),
         RULE("{\"kind\":\"declarant\",\"values\":[\"91210200241600015L\"]}")},
        {RULE("{\"kind\":\"credit_level\",\"values\":[\"general_credit\"]}"),
         RULE("{\"kind\":\"credit_level\",\"values\":[\"dishonest\"]}")},
        {RULE("{\"kind\":\"transport_mode\",\"values\":[\"sea\"]}"),
         RULE("{\"kind\":\"transport_mode\",\"values\":[\"air\"]}")},
        {RULE("{\"kind\":\"port\",\"values\":[\"0901\"]}"), RULE("{\"kind\":\"port\",\"values\":[\"0900\"]}")},
        {RULE("{\"kind\":\"declaration_kind\",\"values\":[\"summary\"]}"),
         RULE("{\"kind\":\"declaration_kind\",\"values\":[\"complete\"]}")},
        {RULE("{\"kind\":\"item_value\",\"min\":\"10000.00\"}"), RULE("{\"kind\":\"item_value\",\"max\":\"9999.99\"}")},
        {RULE("{\"kind\":\"unit_price_below\",\"reference\":\"20.00\",\"ratio_ppm\":300000}"),
         RULE("{\"kind\":\"unit_price_below\",\"reference\":\"15.00\",\"ratio_ppm\":300000}")},
        {RULE("{\"kind\":\"gross_weight\",\"min\":500000,\"max\":1000000}"),
         RULE("{\"kind\":\"gross_weight\",\"min\":1000001}")},
        {RULE("{\"kind\":\"keyword\",\"values\":[\"squid\"]}"), RULE("{\"kind\":\"keyword\",\"values\":[\"shrimp\"]}")},
        {RULE("{\"kind\":\"keyword\",\"values\":[\"鱿鱼\"]}"), RULE("{\"kind\":\"keyword\",\"values\":[\"对虾\"]}")},
        {RULE("{\"kind\":\"cold_chain\"}"), NULL},
        {RULE("{\"kind\":\"container\",\"values\":[\"CSQU3054383\"]}"),
         RULE("{\"kind\":\"container\",\"values\":[\"MSKU1234565\"]}")},
        {RULE("{\"kind\":\"vessel_imo\",\"values\":[\"9074729\"]}"),
         RULE("{\"kind\":\"vessel_imo\",\"values\":[\"IMO9176187\"]}")},
        {RULE("{\"kind\":\"bill_no\",\"values\":[\"cosu6012345\"]}"),
         RULE("{\"kind\":\"bill_no\",\"values\":[\"COSU6012346\"]}")},
        /* item conditions hold on one and the same item */
        {RULE("{\"kind\":\"hs_prefix\",\"values\":[\"03\"]},{\"kind\":\"origin_country\",\"values\":[\"JP\"]}"),
         RULE("{\"kind\":\"hs_prefix\",\"values\":[\"03\"]},{\"kind\":\"origin_country\",\"values\":[\"NO\"]}")},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (lane_of(cases[i].hit, d) != LANE_RED)
            fail_msg("case %zu should hit: %s", i, cases[i].hit);
        if (cases[i].miss && lane_of(cases[i].miss, d) != LANE_GREEN)
            fail_msg("case %zu should miss: %s", i, cases[i].miss);
    }
    /* cold chain by the frozen flag outside chapters 02/03/16 */
    assert_int_equal(
        lane_of(RULE("{\"kind\":\"cold_chain\"}"), DECL(",\"items\":[{\"hs_code\":\"0810100000\",\"frozen\":true}]")),
        LANE_RED);
    assert_int_equal(lane_of(RULE("{\"kind\":\"cold_chain\"}"), DECL(",\"items\":[{\"hs_code\":\"0810100000\"}]")),
                     LANE_GREEN);
    /* no items, many items */
    assert_int_equal(lane_of(RULE("{\"kind\":\"hs_prefix\",\"values\":[\"03\"]}"), DECL("")), LANE_GREEN);
}

static void test_every_kind_is_tested(void **state)
{
    (void)state;
    /* the table and the enum agree; a new kind without a name would show here */
    for (int k = 0; k < CK__COUNT; k++)
        assert_non_null(risk_cond_kind_name((risk_cond_kind)k));
}

static void test_bad_rules_name_the_field(void **state)
{
    (void)state;
    assert_string_equal(refuse("{\"name\":\"x\",\"source\":\"hq\",\"conditions\":[],\"action\":{\"lane\":\"red\"}}"),
                        "conditions");
    assert_string_equal(refuse(RULE("{\"kind\":\"hs_prefix\",\"values\":[\"3\"]}")), "conditions[0].values[0]");
    assert_string_equal(refuse(RULE("{\"kind\":\"hs_prefix\",\"values\":[\"03ab\"]}")), "conditions[0].values[0]");
    assert_string_equal(refuse(RULE("{\"kind\":\"item_value\",\"min\":\"10.00\",\"max\":\"1.00\"}")),
                        "conditions[0].max");
    assert_string_equal(refuse(RULE("{\"kind\":\"gross_weight\",\"min\":10,\"max\":1}")), "conditions[0].max");
    assert_string_equal(refuse(RULE("{\"kind\":\"nope\"}")), "conditions[0].kind");
    assert_string_equal(refuse(RULE("{\"kind\":\"consignee\",\"values\":[\"91210200241600015X\"]}")),
                        "conditions[0].values[0]");
    assert_string_equal(
        refuse("{\"name\":\"x\",\"source\":\"hq\",\"colour\":1,\"conditions\":[{\"kind\":\"cold_chain\"}],"
               "\"action\":{\"lane\":\"red\"}}"),
        "colour");
    assert_string_equal(refuse("{\"name\":\"x\",\"source\":\"hq\",\"conditions\":[{\"kind\":\"cold_chain\"}],"
                               "\"action\":{\"lane\":\"red\",\"fire_ppm\":1000001}}"),
                        "action.fire_ppm");
    assert_string_equal(
        refuse("{\"name\":\"x\",\"source\":\"hq\",\"conditions\":[{\"kind\":\"cold_chain\"}],"
               "\"action\":{\"lane\":\"red\",\"sampling\":[{\"kind\":\"nucleic_acid\",\"rate_ppm\":-1}]}}"),
        "action.sampling[0].rate_ppm");
    assert_string_equal(refuse("{\"name\":\"x\",\"source\":\"hq\",\"conditions\":[{\"kind\":\"cold_chain\"}],"
                               "\"action\":{\"lane\":\"green\"}}"),
                        "action.lane");
    assert_string_equal(refuse("{\"id\":3,\"name\":\"x\",\"source\":\"hq\",\"conditions\":[{\"kind\":\"cold_chain\"}],"
                               "\"action\":{\"lane\":\"red\"}}"),
                        "id");
}

static void test_round_trip(void **state)
{
    (void)state;
    const char *t =
        "{\"name\":\"冷链\",\"source\":\"hq\",\"issuer\":\"HQ\",\"valid_from\":\"2026-01-01T00:00:00+08:00\","
        "\"scope\":{\"direction\":\"import\",\"ports\":[\"0901\"]},\"conditions\":[{\"kind\":\"hs_prefix\","
        "\"values\":[\"03\",\"0302\"]},{\"kind\":\"item_value\",\"min\":\"1.50\"},{\"kind\":"
        "\"unit_price_below\",\"reference\":\"20.00\",\"ratio_ppm\":300000}],\"action\":{\"lane\":\"red\","
        "\"inspection\":\"manual\",\"sampling\":[{\"kind\":\"nucleic_acid\",\"rate_ppm\":1000000}],"
        "\"fire_ppm\":300000},\"note\":\"n\"}";
    risk_rule r, r2;
    parse_rule(t, 0, &r);
    json_t *j = risk_rule_to_json(&r);
    assert_non_null(j);
    json_object_del(j, "status");
    hg_err err;
    assert_int_equal(risk_rule_from_json(j, 0, &r2, &err), HG_OK);
    json_t *j2 = risk_rule_to_json(&r2);
    json_object_del(j2, "status");
    assert_true(json_equal(j, j2));
    json_decref(j);
    json_decref(j2);
    risk_rule_free(&r);
    risk_rule_free(&r2);
}

static void test_lane_severity_and_scope(void **state)
{
    (void)state;
    risk_rule *rs = xcalloc(5, sizeof *rs);
    parse_rule("{\"name\":\"blue\",\"source\":\"port\",\"conditions\":[{\"kind\":\"hs_prefix\",\"values\":[\"03\"]}],"
               "\"action\":{\"lane\":\"blue\"}}",
               10, &rs[0]);
    parse_rule(
        "{\"name\":\"yellow\",\"source\":\"port\",\"conditions\":[{\"kind\":\"hs_prefix\",\"values\":[\"0303\"]}],"
        "\"action\":{\"lane\":\"yellow\",\"inspection\":\"document\"}}",
        11, &rs[1]);
    /* red, but only for exports */
    parse_rule("{\"name\":\"red-export\",\"source\":\"hq\",\"scope\":{\"direction\":\"export\"},\"conditions\":"
               "[{\"kind\":\"hs_prefix\",\"values\":[\"03\"]}],\"action\":{\"lane\":\"red\"}}",
               12, &rs[2]);
    /* red, but only at port 0900 */
    parse_rule("{\"name\":\"red-port\",\"source\":\"hq\",\"scope\":{\"ports\":[\"0900\"]},\"conditions\":"
               "[{\"kind\":\"hs_prefix\",\"values\":[\"03\"]}],\"action\":{\"lane\":\"red\"}}",
               13, &rs[3]);
    /* red, but expired before the declaration */
    parse_rule("{\"name\":\"red-old\",\"source\":\"hq\",\"valid_to\":\"2020-01-01T00:00:00Z\",\"conditions\":"
               "[{\"kind\":\"hs_prefix\",\"values\":[\"03\"]}],\"action\":{\"lane\":\"red\"}}",
               14, &rs[4]);
    risk_config cfg;
    risk_config_default(&cfg);
    cfg.base_ppm_import = 0;
    risk_set *s;
    hg_err err;
    assert_int_equal(risk_set_compile(rs, 5, &cfg, secret, 1, &s, &err), HG_OK);
    risk_decl d;
    char text[512];
    snprintf(text, sizeof text, DECL(",\"port\":\"0901\"%s"), seafood);
    parse_decl(text, &d);
    risk_result r;
    risk_result_init(&r);
    assert_int_equal(risk_screen(s, &d, &r, &err), HG_OK);
    assert_int_equal(r.lane, LANE_YELLOW);
    assert_int_equal(r.n_hits, 2);
    assert_int_equal(r.hits[0].rule->id, 10);
    assert_int_equal(r.hits[1].rule->id, 11);
    assert_string_equal(r.hits[1].matches[0].value, "0303891000");
    assert_int_equal(r.hits[1].matches[0].item, 0);
    json_t *j = risk_result_to_json(&r);
    assert_string_equal(json_string_value(json_object_get(j, "lane")), "yellow");
    assert_string_equal(json_string_value(json_object_get(j, "inspection")), "document");
    json_decref(j);
    /* at port 0900 the port rule applies */
    snprintf(d.port, sizeof d.port, "0900");
    assert_int_equal(risk_screen(s, &d, &r, &err), HG_OK);
    assert_int_equal(r.lane, LANE_RED);
    /* before its expiry the old rule applied too */
    snprintf(d.port, sizeof d.port, "0901");
    d.at_ms = 1500000000000LL;
    assert_int_equal(risk_screen(s, &d, &r, &err), HG_OK);
    assert_int_equal(r.lane, LANE_RED);
    risk_result_free(&r);
    risk_decl_free(&d);
    risk_set_release(s);
}

/* Two cold-chain rules, ids 1 and 2, the second of status second, compiled into a set: the
 * set holds the first only. */
static risk_set *compile_with_second(risk_status second)
{
    risk_rule *rs = xcalloc(2, sizeof *rs);
    parse_rule(RULE("{\"kind\":\"cold_chain\"}"), 1, &rs[0]);
    parse_rule(RULE("{\"kind\":\"cold_chain\"}"), 2, &rs[1]);
    rs[1].status = second;
    risk_config cfg;
    risk_config_default(&cfg);
    risk_set *s;
    hg_err err;
    assert_int_equal(risk_set_compile(rs, 2, &cfg, secret, 1, &s, &err), HG_OK);
    assert_int_equal(risk_set_count(s), 1);
    assert_null(risk_set_rule(s, 2));
    return s;
}

static void test_suspended_rules_are_not_compiled(void **state)
{
    (void)state;
    risk_set *s = compile_with_second(ST_SUSPENDED);
    assert_non_null(risk_set_rule(s, 1));
    risk_set_release(s);
}

/* A draft is never compiled (issue 16: saved, activated on purpose), like a suspended rule. */
static void test_drafts_are_not_compiled(void **state)
{
    (void)state;
    risk_set_release(compile_with_second(ST_DRAFT));
    assert_int_equal(risk_status_parse("draft"), ST_DRAFT);
}

/* The recorded screening input reads back as the same declaration (a rule tried on filed
 * declarations screens exactly what was filed). */
static void test_declaration_round_trip(void **state)
{
    (void)state;
    risk_decl d, d2;
    hg_err err;
    parse_decl("{\"id\":\"RT1\",\"direction\":\"export\",\"kind\":\"advance\",\"port\":\"0901\","
               "\"transport_mode\":\"sea\",\"trade_country\":\"JP\",\"consignor\":\"91210200716215023J\","
               "\"credit_level\":\"dishonest\",\"containers\":[\"CSQU3054383\"],\"bill_no\":\"COSU6012345\","
               "\"items\":[{\"hs_code\":\"0306171000\",\"origin\":\"VN\",\"description\":\"虾 shrimp\","
               "\"value\":\"86000.05\",\"unit_price\":\"0.50\",\"gross_weight_g\":3200000,\"frozen\":true}]}",
               &d);
    json_t *j = risk_decl_to_json(&d);
    assert_non_null(j);
    assert_int_equal(risk_decl_from_json(j, &d2, &err), HG_OK);
    json_t *j2 = risk_decl_to_json(&d2);
    char *a = json_dumps(j, JSON_SORT_KEYS), *b = json_dumps(j2, JSON_SORT_KEYS);
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "\"86000.05\""));
    assert_non_null(strstr(a, "\"dishonest\""));
    assert_int_equal(d2.items[0].value_fen, 8600005);
    assert_int_equal(d2.n_containers, 1);
    free(a);
    free(b);
    json_decref(j);
    json_decref(j2);
    risk_decl_free(&d);
    risk_decl_free(&d2);
}

/* Observed rate of n draws against an expected ppm: within 5 standard deviations (and at
 * least 0.5 percentage points), so a correct engine essentially never fails. */
static void assert_rate(long hits, long n, uint32_t ppm, const char *what)
{
    double p = ppm / 1e6, obs = (double)hits / (double)n;
    double var25 = 25 * p * (1 - p) / (double)n; /* (5 sd)^2, compared squared: no libm */
    double tol2 = var25 > 0.005 * 0.005 ? var25 : 0.005 * 0.005;
    if ((obs - p) * (obs - p) > tol2)
        fail_msg("%s: observed %.4f, configured %.4f", what, obs, p);
}

static void test_fire_fraction_and_sampling_rates(void **state)
{
    (void)state;
    risk_set *s =
        one_rule_set("{\"name\":\"t\",\"source\":\"hq\",\"conditions\":[{\"kind\":\"hs_prefix\",\"values\":"
                     "[\"03\"]}],\"action\":{\"lane\":\"red\",\"fire_ppm\":300000,\"sampling\":[{\"kind\":"
                     "\"lab_quality\",\"rate_ppm\":100000},{\"kind\":\"nucleic_acid\",\"rate_ppm\":1000000}]}}");
    risk_decl d;
    char text[512];
    snprintf(text, sizeof text, DECL("%s"), seafood);
    parse_decl(text, &d);
    risk_result r;
    risk_result_init(&r);
    hg_err err;
    long n = 20000, fired = 0, lab = 0, nucleic = 0, orders = 0;
    for (long i = 0; i < n; i++) {
        snprintf(d.id, sizeof d.id, "2102202610%08ld", i);
        assert_int_equal(risk_screen(s, &d, &r, &err), HG_OK);
        assert_int_equal(r.n_hits, 1); /* matched every time, fired on a fraction */
        fired += r.hits[0].fired;
        assert_int_equal(r.lane, r.hits[0].fired ? LANE_RED : LANE_GREEN);
        for (int k = 0; k < r.n_orders; k++) {
            orders++;
            if (strcmp(r.orders[k].kind, "lab_quality") == 0)
                lab += r.orders[k].selected;
            else
                nucleic += r.orders[k].selected;
        }
    }
    assert_rate(fired, n, 300000, "fire fraction");
    assert_rate(lab, fired, 100000, "lab sampling");
    assert_int_equal(nucleic, fired); /* 100%: every fired hit is sampled */
    assert_int_equal(orders, 2 * fired);
    /* reproducible: the same declaration gives the same draw */
    snprintf(d.id, sizeof d.id, "210220261000000007");
    assert_int_equal(risk_screen(s, &d, &r, &err), HG_OK);
    int first = r.hits[0].fired;
    for (int i = 0; i < 10; i++) {
        assert_int_equal(risk_screen(s, &d, &r, &err), HG_OK);
        assert_int_equal(r.hits[0].fired, first);
    }
    /* and another secret draws differently somewhere */
    unsigned char other[RISK_SECRET_BYTES] = {1};
    int differ = 0;
    for (int i = 0; i < 200 && !differ; i++) {
        snprintf(d.id, sizeof d.id, "x%d", i);
        differ = (risk_draw(secret, "fire", d.id, 1) < 300000) != (risk_draw(other, "fire", d.id, 1) < 300000);
    }
    assert_true(differ);
    risk_result_free(&r);
    risk_decl_free(&d);
    risk_set_release(s);
}

static void test_random_selection_by_credit_level(void **state)
{
    (void)state;
    risk_config cfg;
    risk_config_default(&cfg);
    /* DESIGN.md §5 relations hold for the configured rates */
    uint32_t gc = risk_random_rate(&cfg, RISK_IMPORT, RC_GENERAL_CREDIT);
    assert_true(risk_random_rate(&cfg, RISK_IMPORT, RC_ADVANCED_CERTIFIED) * 5 <= gc);
    assert_true(risk_random_rate(&cfg, RISK_IMPORT, RC_GENERAL_CERTIFIED) * 2 <= gc);
    assert_true(risk_random_rate(&cfg, RISK_IMPORT, RC_DISHONEST) >= 800000);
    risk_rule *rs = xcalloc(1, sizeof *rs);
    parse_rule(RULE("{\"kind\":\"consignee\",\"values\":[\"91350100M000100Y43\"]}"), 1, &rs[0]);
    risk_set *s;
    hg_err err;
    assert_int_equal(risk_set_compile(rs, 1, &cfg, secret, 1, &s, &err), HG_OK);
    const char *levels[] = {"advanced_certified", "general_certified", "general_credit", "dishonest"};
    risk_result r;
    risk_result_init(&r);
    for (int dir = RISK_IMPORT; dir <= RISK_EXPORT; dir++) {
        for (int l = 0; l < 4; l++) {
            char text[256];
            snprintf(text, sizeof text, "{\"id\":\"x\",\"direction\":\"%s\",\"credit_level\":\"%s\"}",
                     dir == RISK_IMPORT ? "import" : "export", levels[l]);
            risk_decl d;
            parse_decl(text, &d);
            long n = 40000, sel = 0;
            for (long i = 0; i < n; i++) {
                snprintf(d.id, sizeof d.id, "%d-%d-%ld", dir, l, i);
                assert_int_equal(risk_screen(s, &d, &r, &err), HG_OK);
                sel += r.random_selected;
                assert_int_equal(r.lane, r.random_selected ? LANE_RED : LANE_GREEN);
            }
            assert_rate(sel, n, risk_random_rate(&cfg, dir, (risk_credit)l), levels[l]);
            char why[160];
            risk_random_reason(&r, why, sizeof why);
            assert_non_null(strstr(why, levels[l]));
            risk_decl_free(&d);
        }
    }
    risk_result_free(&r);
    risk_set_release(s);
}

/* A deterministic generator of rules and declarations (xorshift). */
static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static const char *const hs_pool[] = {"0303891000", "0302110000", "0201300000", "1604140000", "8471300000",
                                      "8517120000", "6109100000", "9403600000", "2709000000", "2601110000"};
static const char *const countries[] = {"JP", "KR", "US", "DE", "AU", "BR", "NO", "VN"};

static void random_rule(int64_t id, risk_rule *r)
{
    char text[512];
    const char *hs = hs_pool[next() % 10];
    int len = 2 + (int)(next() % 9);
    char prefix[11];
    memcpy(prefix, hs, (size_t)len);
    prefix[len] = '\0';
    const char *lanes[] = {"red", "yellow", "blue"};
    switch (next() % 4) {
    case 0:
        snprintf(text, sizeof text,
                 RULE("{\"kind\":\"hs_prefix\",\"values\":[\"%s\"]},{\"kind\":\"origin_country\","
                      "\"values\":[\"%s\"]}"),
                 prefix, countries[next() % 8]);
        break;
    case 1:
        snprintf(text, sizeof text,
                 RULE("{\"kind\":\"hs_prefix\",\"values\":[\"%s\"]},{\"kind\":\"item_value\","
                      "\"min\":\"%d.00\"}"),
                 prefix, (int)(next() % 50000));
        break;
    case 2:
        snprintf(text, sizeof text,
                 RULE("{\"kind\":\"trade_country\",\"values\":[\"%s\"]},{\"kind\":"
                      "\"gross_weight\",\"max\":%d}"),
                 countries[next() % 8], (int)(next() % 100000));
        break;
    default:
        snprintf(text, sizeof text, RULE("{\"kind\":\"keyword\",\"values\":[\"w%d\"]}"), (int)(next() % 3000));
        break;
    }
    parse_rule(text, id, r);
    r->lane = (risk_lane)(1 + next() % 3);
    (void)lanes;
}

static void random_decl(risk_decl *d, risk_item *items, char desc[][32])
{
    memset(d, 0, sizeof *d);
    snprintf(d->id, sizeof d->id, "%llu", (unsigned long long)(next() % 1000000000));
    d->direction = RISK_IMPORT;
    d->credit = RC_GENERAL_CREDIT;
    snprintf(d->trade_country, sizeof d->trade_country, "%s", countries[next() % 8]);
    d->n_items = 1 + (int)(next() % 5);
    d->items = items;
    for (int i = 0; i < d->n_items; i++) {
        memset(&items[i], 0, sizeof items[i]);
        snprintf(items[i].hs_code, sizeof items[i].hs_code, "%s", hs_pool[next() % 10]);
        snprintf(items[i].origin, sizeof items[i].origin, "%s", countries[next() % 8]);
        snprintf(desc[i], 32, "goods W%d", (int)(next() % 3000));
        items[i].description = desc[i];
        items[i].value_fen = (int64_t)(next() % 5000000);
        items[i].gross_weight_g = (int64_t)(next() % 200000);
    }
    d->at_ms = 1790000000000LL;
}

static risk_set *random_set(int n)
{
    risk_rule *rs = xcalloc((size_t)n, sizeof *rs);
    for (int i = 0; i < n; i++)
        random_rule(i + 1, &rs[i]);
    risk_config cfg;
    risk_config_default(&cfg);
    risk_set *s;
    hg_err err;
    assert_int_equal(risk_set_compile(rs, (size_t)n, &cfg, secret, n, &s, &err), HG_OK);
    return s;
}

static void test_index_agrees_with_naive(void **state)
{
    (void)state;
    risk_set *s = random_set(2000);
    risk_result a, b;
    risk_result_init(&a);
    risk_result_init(&b);
    risk_item items[5];
    char desc[5][32];
    hg_err err;
    long total = 0;
    for (int i = 0; i < 3000; i++) {
        risk_decl d;
        random_decl(&d, items, desc);
        assert_int_equal(risk_screen(s, &d, &a, &err), HG_OK);
        assert_int_equal(risk_screen_naive(s, &d, &b, &err), HG_OK);
        assert_int_equal(a.n_hits, b.n_hits);
        for (int k = 0; k < a.n_hits; k++)
            assert_int_equal(a.hits[k].rule->id, b.hits[k].rule->id);
        assert_int_equal(a.lane, b.lane);
        total += a.n_hits;
    }
    assert_true(total > 0);
    risk_result_free(&a);
    risk_result_free(&b);
    risk_set_release(s);
}

static void test_ten_thousand_rules_compile(void **state)
{
    (void)state;
    risk_set *s = random_set(10000);
    assert_int_equal(risk_set_count(s), 10000);
    risk_set_release(s);
}

static risk_holder holder;
static int stop_screening;

static void *screener(void *arg)
{
    long *count = arg;
    risk_item items[5];
    char desc[5][32];
    risk_result r;
    risk_result_init(&r);
    hg_err err;
    while (!__atomic_load_n(&stop_screening, __ATOMIC_ACQUIRE)) {
        risk_set *s = risk_holder_acquire(&holder);
        risk_decl d;
        memset(&d, 0, sizeof d);
        snprintf(d.id, sizeof d.id, "%ld", __atomic_load_n(count, __ATOMIC_RELAXED));
        d.direction = RISK_IMPORT;
        d.n_items = 1;
        d.items = items;
        memset(items, 0, sizeof items);
        snprintf(items[0].hs_code, sizeof items[0].hs_code, "0303891000");
        snprintf(desc[0], sizeof desc[0], "squid");
        items[0].description = desc[0];
        if (risk_screen(s, &d, &r, &err) || r.n_hits != 1)
            abort();
        risk_set_release(s);
        __atomic_fetch_add(count, 1, __ATOMIC_RELAXED);
    }
    risk_result_free(&r);
    return NULL;
}

static void test_reload_while_screening(void **state)
{
    (void)state;
    risk_holder_init(&holder);
    risk_holder_swap(&holder, one_rule_set(RULE("{\"kind\":\"hs_prefix\",\"values\":[\"03\"]}")));
    pthread_t t[2];
    long counts[2] = {0, 0};
    stop_screening = 0;
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, screener, &counts[i]);
    /* each reload swaps in a new set while screenings hold the old; go on until both threads
     * have screened a while (on a busy machine they may start late) */
    for (long i = 0; i < 200 || ((__atomic_load_n(&counts[0], __ATOMIC_RELAXED) < 100 ||
                                  __atomic_load_n(&counts[1], __ATOMIC_RELAXED) < 100) &&
                                 i < 1000000);
         i++)
        risk_holder_swap(&holder, one_rule_set(i % 2 ? RULE("{\"kind\":\"hs_prefix\",\"values\":[\"0303\"]}")
                                                     : RULE("{\"kind\":\"keyword\",\"values\":[\"squid\"]}")));
    __atomic_store_n(&stop_screening, 1, __ATOMIC_RELEASE);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    risk_holder_destroy(&holder);
    assert_true(counts[0] >= 100 && counts[1] >= 100);
}

static void test_odd_declarations(void **state)
{
    (void)state;
    risk_set *s = random_set(500);
    risk_result r;
    risk_result_init(&r);
    hg_err err;
    /* thousands of items, and descriptions with odd bytes */
    risk_decl d;
    memset(&d, 0, sizeof d);
    snprintf(d.id, sizeof d.id, "odd");
    d.direction = RISK_IMPORT;
    d.n_items = 5000;
    d.items = xcalloc(5000, sizeof *d.items);
    for (int i = 0; i < d.n_items; i++) {
        snprintf(d.items[i].hs_code, sizeof d.items[i].hs_code, "%s", hs_pool[i % 10]);
        d.items[i].description = i % 2 ? "\xff\xfe\xe4\xb8" : "";
    }
    assert_int_equal(risk_screen(s, &d, &r, &err), HG_OK);
    xfree(d.items);
    /* refused declarations name the field */
    json_error_t je;
    json_t *j = json_loads("{\"id\":\"x\",\"direction\":\"import\",\"items\":[{\"hs_code\":\"0303891000\"},"
                           "{\"hs_code\":\"12\"}]}",
                           0, &je);
    risk_decl d2;
    assert_int_equal(risk_decl_from_json(j, &d2, &err), HG_INVALID);
    assert_string_equal(err.field, "items[1].hs_code");
    risk_decl_free(&d2);
    json_decref(j);
    risk_result_free(&r);
    risk_set_release(s);
}

int main(void)
{
    mem_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_condition_kinds),
        cmocka_unit_test(test_credit_lower),
        cmocka_unit_test(test_every_kind_is_tested),
        cmocka_unit_test(test_bad_rules_name_the_field),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_lane_severity_and_scope),
        cmocka_unit_test(test_suspended_rules_are_not_compiled),
        cmocka_unit_test(test_drafts_are_not_compiled),
        cmocka_unit_test(test_declaration_round_trip),
        cmocka_unit_test(test_fire_fraction_and_sampling_rates),
        cmocka_unit_test(test_random_selection_by_credit_level),
        cmocka_unit_test(test_index_agrees_with_naive),
        cmocka_unit_test(test_ten_thousand_rules_compile),
        cmocka_unit_test(test_reload_while_screening),
        cmocka_unit_test(test_odd_declarations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
