/* risk_cmd.c — `haiguan risk import FILE` (headquarters instruction files: JSON Lines, one
 * rule a line, loaded whole or not at all), the risk demo rules, and the area's module entry. */
#include <stdio.h>
#include <stdlib.h>

#include "../platform/audit.h"
#include "../platform/import.h"
#include "../platform/module.h"
#include "risk_store.h"

extern const route risk_routes[];

#define IMPORT_MAX_BYTES (64u << 20)

static hg_rc rule_line(void *ctx, db *d, import_row *row, hg_err *err)
{
    (void)ctx;
    if (!json_is_object(row->obj))
        return hg_fail(err, HG_INVALID, "invalid", "", "not a JSON object");
    return risk_rule_import_line(d, cli_actor(), row->obj, err);
}

/* A headquarters instruction file through the import framework: JSON Lines, one rule a line,
 * all or nothing (every bad line named, nothing loaded). Exit 0 when loaded, 1 otherwise. */
static int import_rules(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    const import_spec spec = {.format = IMPORT_JSONL,
                              .policy = IMPORT_ALL_OR_NOTHING,
                              .max_bytes = IMPORT_MAX_BYTES,
                              .progress = 1,
                              .noun = "rules",
                              .line = rule_line};
    return import_run(&spec, d, path);
}

static int risk_import_cmd(cmd_ctx *c, const command *self);
static const cmd_opt risk_import_opts[] = {{"--keys", 1}, {NULL, 0}};
static const cmd_sub risk_subs[] = {{"import", risk_import_cmd, risk_import_opts}, {NULL, NULL, NULL}};

static const command risk_commands[] = {
    {"risk", NULL, "risk import FILE [--keys DIR]", "manage risk rules (import headquarters instructions)",
     "risk import FILE loads a JSON Lines file of risk rules, one rule object a line (the shape of\n"
     "POST /api/v1/risk/rules). Every line is checked first: when any is refused, each bad line is\n"
     "named and nothing is loaded. Otherwise all rules are stored in one transaction, each with its\n"
     "audit row, and running servers use them from their next screening.",
     NULL, risk_subs},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

static int risk_import_cmd(cmd_ctx *c, const command *self)
{
    if (c->argc != 3 && c->argc != 5)
        return cmd_usage(self);
    db *d = cmd_open_db_keyed(c); /* so that audit checkpoints are signed */
    if (!d)
        return EXIT_FAIL;
    int status = import_rules(c, d, c->argv[2]);
    db_close(d);
    return status;
}

static const importer risk_importers[] = {
    {"risk-rules", import_rules,
     "JSON Lines, one risk rule object a line (as POST /api/v1/risk/rules); all or nothing"},
    {NULL, NULL, NULL},
};

/* Demo rules of the Dalian district: cold-chain seafood nucleic-acid sampling, a
 * headquarters instruction on a consignee, an endangered-species keyword rule and an
 * undervaluation rule. */
static const char *const demo_rules[] = {
    "{\"name\":\"进口冷链水产品核酸检测 Imported cold-chain seafood: nucleic acid sampling\",\"source\":\"hq\","
    "\"issuer\":\"海关总署\",\"scope\":{\"direction\":\"import\"},\"conditions\":[{\"kind\":\"hs_prefix\","
    "\"values\":[\"03\"]},{\"kind\":\"cold_chain\"}],\"action\":{\"lane\":\"red\",\"inspection\":\"manual\","
    "\"sampling\":[{\"kind\":\"nucleic_acid\",\"rate_ppm\":1000000}]},\"note\":\"每批次100%核酸采样；阳性退运或销毁。"
    "Sample every batch; a positive batch is returned or destroyed.\"}",
    "{\"name\":\"总署布控指令：重点收货人 HQ instruction on a consignee\",\"source\":\"hq\",\"issuer\":"
    "\"海关总署风险管理司\",\"conditions\":[{\"kind\":\"consignee\",\"values\":[\"91210200765432104C\"]}],"
    "\"action\":{\"lane\":\"red\",\"inspection\":\"machine\"},\"note\":\"机检后人工复核 NII scan, then manual "
    "review.\"}",
    "{\"name\":\"濒危物种关键词 Endangered species "
    "keywords\",\"source\":\"district\",\"issuer\":\"大连海关风险防控分局\","
    "\"conditions\":[{\"kind\":\"keyword\",\"values\":[\"象牙\",\"犀牛角\",\"穿山甲\",\"ivory\",\"pangolin\"]}],"
    "\"action\":{\"lane\":\"red\",\"inspection\":\"manual\"},\"note\":\"核对CITES证明 Check the CITES permit.\"}",
    "{\"name\":\"低报价格：便携式计算机 Undervaluation: portable computers\",\"source\":\"district\",\"issuer\":"
    "\"大连海关风险防控分局\",\"scope\":{\"direction\":\"import\"},\"conditions\":[{\"kind\":\"hs_prefix\","
    "\"values\":[\"847130\"]},{\"kind\":\"unit_price_below\",\"reference\":\"3000.00\",\"ratio_ppm\":500000}],"
    "\"action\":{\"lane\":\"yellow\",\"inspection\":\"document\",\"fire_ppm\":1000000},"
    "\"note\":\"单价低于参考价50%以上，审核价格资料 Unit price over 50% below reference: check the price documents.\"}",
};

static hg_rc risk_demo(db *d, hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = db_int(d, &n, err, "SELECT COUNT(*) FROM risk_rules", "");
    if (rc || n > 0)
        return rc;
    for (size_t i = 0; i < sizeof demo_rules / sizeof demo_rules[0] && !rc; i++) {
        json_error_t je;
        json_t *body = json_loads(demo_rules[i], 0, &je), *out = NULL;
        hg_ctx c = ctx_command(d, "demo");
        rc = body ? risk_rule_create(&c, body, &out, err)
                  : hg_fail(err, HG_INTERNAL, NULL, NULL, "demo rule %zu is not JSON", i);
        json_decref(body);
        json_decref(out);
    }
    return rc;
}

static const hg_post risk_posts[] = {
    HG_POST(1, risk, "风险"),
    {0},
};

static const hg_scope risk_scopes[] = {
    {"risk", "risk rules, instructions and screening"},
    {NULL, NULL},
};

static const demo_signin risk_signins[] = {
    {.name = "officer",
     .role = ROLE_OFFICER,
     .posts = "risk",
     .password = "officer-demo-2026",
     .what = "an officer of every demo post"},
    {.name = NULL},
};

const hg_module risk_module = {.name = "risk",
                               .migrations = risk_migrations,
                               .routes = risk_routes,
                               .commands = risk_commands,
                               .importers = risk_importers,
                               .demo = risk_demo,
                               .summary = "risk targeting: rules and instructions, lanes, random selection",
                               .migrations_first = 400,
                               .migrations_last = 499,
                               .posts = risk_posts,
                               .scopes = risk_scopes,
                               .demo_signins = risk_signins};
