/* enterprise_cmd.c — `haiguan import enterprises FILE.csv`, the enterprise demo data and
 * the area's module entry. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/csv.h"
#include "../platform/import.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/module.h"
#include "enterprise.h"

extern const route enterprise_routes[];

#define IMPORT_BATCH 500

/* The columns named by the file's header line. */
typedef struct enterprise_import {
    char *header[CSV_MAX_FIELDS];
    int ncols;
} enterprise_import;

/* One CSV line as a JSON object of its non-empty columns. */
static json_t *line_object(const import_row *r, char *const *header, int ncols)
{
    json_t *o = json_object();
    for (int i = 0; i < ncols && o; i++)
        if (r->field[i][0] && json_object_set_new(o, header[i], json_string(r->field[i])))
            json_decref(o), o = NULL;
    return o;
}

static int enterprise_header(void *ctx, const import_row *row, const char *path)
{
    enterprise_import *im = ctx;
    if (!row) {
        fprintf(stderr, "haiguan: %s: line 1: a header line naming the columns is expected\n", path);
        return EXIT_FAIL;
    }
    for (int i = 0; i < row->nfields; i++) {
        im->header[im->ncols++] = xstrdup(row->field[i]);
        if (record_field_index(&enterprise_record, im->header[i]) < 0) {
            fprintf(stderr, "haiguan: %s: line 1: unknown column \"%s\"\n", path, im->header[i]);
            return EXIT_FAIL;
        }
    }
    return 0;
}

static hg_rc enterprise_line(void *ctx, db *d, import_row *row, hg_err *err)
{
    enterprise_import *im = ctx;
    if (row->nfields != im->ncols) {
        if (row->nfields == 1 && row->field[0][0] == '\0') {
            row->skip = 1;   /* blank line */
            return HG_OK;
        }
        return hg_fail(err, HG_INVALID, "invalid", NULL, "wrong number of columns");
    }
    json_t *o = line_object(row, im->header, im->ncols);
    record rec = {0};
    hg_rc rc = o ? record_from_json(&enterprise_record, o, REC_CREATE, &rec, err) : HG_NOMEM;
    hg_ctx cx = ctx_command(d, cli_actor());
    if (!rc)
        rc = enterprise_insert_record(&cx, &rec, NULL, err);
    record_free(&rec);
    json_decref(o);
    return rc;
}

/* Each good line is inserted under a savepoint, so that a bad line is reported and skipped
 * without losing the others; lines are committed in batches (one fsync per batch). */
static int import_enterprises(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    enterprise_import im = {.ncols = 0};
    const import_spec spec = {.format = IMPORT_CSV,
                              .policy = IMPORT_PER_LINE,
                              .max_bytes = 256u << 20,
                              .batch = IMPORT_BATCH,
                              .malformed = "malformed CSV (quotes or field count)",
                              .header = enterprise_header,
                              .line = enterprise_line,
                              .ctx = &im};
    int status = import_run(&spec, d, path);
    for (int i = 0; i < im.ncols; i++)
        xfree(im.header[i]);
    return status;
}

static const importer enterprise_importers[] = {
    {"enterprises", import_enterprises,
     "CSV with a header line naming columns: uscc, customs_code, name_zh, name_en, kind, credit_level, coordinator"},
    {NULL, NULL, NULL},
};

/* Demo enterprises of the Dalian district; USCC check characters computed per GB 32100. */
static const struct {
    const char *uscc, *customs_code, *name_zh, *name_en, *kind, *credit;
} demo[] = {
    {"91210200241600015L", "2102930001", "大连港通国际贸易有限公司", "Dalian Gangtong International Trading Co., Ltd.",
     "importer", "advanced_certified"},
    {"91210200716215023J", "2102930002", "大连海洋渔业进出口有限公司", "Dalian Ocean Fishery Import & Export Co., Ltd.",
     "importer", "general_certified"},
    {"91210213550001235J", "2102940003", "大连金湾报关行有限公司", "Dalian Jinwan Customs Brokerage Co., Ltd.", "broker",
     "general_credit"},
    {"91210200118877668W", "2102930004", "大连远洋船务代理有限公司", "Dalian Ocean Shipping Agency Co., Ltd.",
     "shipping_agent", "general_credit"},
    {"91210213005599016G", "2102940005", "大连船舶重工集团有限公司", "Dalian Shipbuilding Industry Co., Ltd.",
     "shipyard", "advanced_certified"},
    {"91210200765432104C", "2102930006", "大连快捷跨境电商有限公司", "Dalian Kuaijie Cross-border E-commerce Co., Ltd.",
     "ecommerce_platform", "dishonest"},
};

#define DEMO_BROKER "91210213550001235J"

static hg_rc enterprise_demo(db *d, hg_err *err)
{
    for (size_t i = 0; i < sizeof demo / sizeof demo[0]; i++) {
        hg_rc found = enterprise_find(d, demo[i].uscc, err);
        if (found == HG_OK)
            continue;
        if (found != HG_NOTFOUND)
            return found;
        json_t *body = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "uscc", demo[i].uscc, "customs_code",
                                 demo[i].customs_code, "name_zh", demo[i].name_zh, "name_en", demo[i].name_en, "kind",
                                 demo[i].kind, "credit_level", demo[i].credit, "coordinator", "officer");
        json_t *out = NULL;
        hg_ctx cx = ctx_command(d, "demo");
        /* two with a history of levels: the shipyard certified advanced eight months ago, the
         * e-commerce platform listed dishonest a hundred days ago (their first level before) */
        const char *first = i == 4 ? "general_certified" : i == 5 ? "general_credit" : NULL;
        if (first && body) {
            json_object_set_new(body, "credit_level", json_string(first));
            cx.now_ms -= (i == 4 ? 700 : 600) * 86400000LL;
        }
        hg_rc rc = body ? enterprise_create(&cx, body, &out, err) : HG_NOMEM;
        json_decref(body);
        json_decref(out);
        if (!rc && first) {
            json_t *change = json_pack("{s:s, s:s}", "credit_level", demo[i].credit, "credit_reason",
                                       i == 4 ? "通过海关高级认证（AEO）" : "违反海关监管规定，列入失信企业名单");
            hg_ctx later = ctx_command(d, "demo");
            later.now_ms -= (i == 4 ? 240 : 100) * 86400000LL;
            rc = change ? enterprise_patch(&later, demo[i].uscc, change, &out, err) : HG_NOMEM;
            json_decref(change);
            json_decref(out);
        }
        if (rc)
            return rc;
    }
    /* the demo importers entrust the demo broker with their declarations at both ports, for
     * the generated month and the year after (cargo's demo files some through the broker) */
    int64_t n = 0;
    hg_rc rc = db_int(d, &n, err, "SELECT COUNT(*) FROM agency_agreements", "");
    static const char *const principals[] = {"91210200241600015L", "91210200716215023J"};
    static const char *const ports[] = {"0901", "0908"};
    for (size_t i = 0; i < 2 && !rc && !n; i++)
        for (size_t p = 0; p < 2 && !rc; p++) {
            char from[40], to[40];
            time_format_rfc3339(now_ms() - 400 * 86400000LL, from, sizeof from);
            time_format_rfc3339(now_ms() + 300 * 86400000LL, to, sizeof to);
            json_t *body = json_pack("{s:s, s:s, s:s, s:s}", "broker", DEMO_BROKER, "port", ports[p], "valid_from",
                                     from, "valid_to", to);
            json_t *out = NULL;
            hg_ctx cx = ctx_command(d, "demo");
            rc = body ? agency_create(&cx, principals[i], body, &out, err) : HG_NOMEM;
            json_decref(body);
            json_decref(out);
        }
    return rc;
}

/* ---- `haiguan agency add|list|revoke`: agreements registered on a principal's behalf ---- */

static int agency_fail(const hg_err *err)
{
    fprintf(stderr, "haiguan: %s%s%s\n", err->field[0] ? err->field : "", err->field[0] ? ": " : "", err->message);
    return EXIT_FAIL;
}

static int agency_add_cmd(cmd_ctx *c, const command *self)
{
    const char *principal = cmd_option(c, "--principal"), *broker = cmd_option(c, "--broker"),
               *port = cmd_option(c, "--port"), *from = cmd_option(c, "--from"), *to = cmd_option(c, "--to");
    if (!principal || !broker || !port || !from || !to)
        return cmd_usage(self);
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    hg_err err;
    hg_err_clear(&err);
    json_t *body = json_pack("{s:s, s:s, s:s, s:s}", "broker", broker, "port", port, "valid_from", from, "valid_to", to),
           *out = NULL;
    hg_ctx cx = ctx_command(d, cli_actor());
    hg_rc rc = body ? agency_create(&cx, principal, body, &out, &err) : HG_NOMEM;
    json_decref(body);
    db_close(d);
    if (rc)
        return agency_fail(&err);
    printf("%s\n", json_string_value(json_object_get(out, "agreement_no")));
    json_decref(out);
    return EXIT_OK;
}

static int agency_list_cmd(cmd_ctx *c, const command *self)
{
    (void)self;
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    hg_err err;
    hg_err_clear(&err);
    principal officer = {.role = ROLE_ADMIN};
    json_t *out = NULL;
    const char *cursor = NULL;
    char next[64];
    hg_rc rc;
    do {
        if ((rc = agency_list(d, &officer, cursor, 200, &out, &err)))
            break;
        size_t i;
        json_t *a;
        json_array_foreach(json_object_get(out, "items"), i, a)
            printf("%s %s -> %s port %s %s..%s %s\n", json_string_value(json_object_get(a, "agreement_no")),
                   json_string_value(json_object_get(a, "principal")), json_string_value(json_object_get(a, "broker")),
                   json_string_value(json_object_get(a, "port")), json_string_value(json_object_get(a, "valid_from")),
                   json_string_value(json_object_get(a, "valid_to")), json_string_value(json_object_get(a, "status")));
        const char *n = json_string_value(json_object_get(out, "next_cursor"));
        snprintf(next, sizeof next, "%s", n ? n : "");
        cursor = n ? next : NULL;
        json_decref(out);
    } while (cursor);
    db_close(d);
    return rc ? agency_fail(&err) : EXIT_OK;
}

static int agency_revoke_cmd(cmd_ctx *c, const command *self)
{
    if (c->argc != 3)
        return cmd_usage(self);
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    hg_err err;
    hg_err_clear(&err);
    json_t *out = NULL;
    hg_ctx cx = ctx_command(d, cli_actor());
    hg_rc rc = agency_revoke(&cx, NULL, c->argv[2], &out, &err);
    json_decref(out);
    db_close(d);
    return rc ? agency_fail(&err) : EXIT_OK;
}

static const cmd_opt agency_add_opts[] = {{"--principal", 1}, {"--broker", 1}, {"--port", 1}, {"--from", 1},
                                          {"--to", 1},        {NULL, 0}};
static const cmd_sub agency_subs[] = {{"add", agency_add_cmd, agency_add_opts},
                                      {"list", agency_list_cmd, NULL},
                                      {"revoke", agency_revoke_cmd, NULL},
                                      {NULL, NULL, NULL}};

static const command enterprise_commands[] = {
    {"agency", NULL,
     "agency add --principal USCC --broker USCC --port CODE --from TIME --to TIME\n"
     "       agency list\n"
     "       agency revoke AGREEMENT_NO",
     "electronic agency agreements (代理报关委托) between enterprises and customs brokers",
     "agency add registers an agreement by which the principal (a registered consignee or consignor)\n"
     "entrusts a registered customs broker with its declarations at one port (4-digit customs code)\n"
     "from --from to --to (RFC 3339 times, at most two years apart); it prints the agreement number.\n"
     "The principal itself registers agreements through POST /api/v1/agency-agreements; this command\n"
     "is for the paper form an officer enters. agency list prints every agreement; agency revoke\n"
     "ends one. Each change is audited.",
     NULL, agency_subs},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

static const hg_post enterprise_posts[] = {
    HG_POST(7, liaison, "关企联络"),
    HG_POST(8, enterprise, "企业管理"),
    {0},
};

static const hg_scope enterprise_scopes[] = {
    {"enterprises", "the enterprise registry"},
    {"liaison", "customs-enterprise liaison (关企联络)"},
    {NULL, NULL},
};

/* The demo officer is declared by every area whose posts it carries; here its first two.
 * It coordinates the demo enterprises, so it is created before this area's demo step. */
static const demo_signin enterprise_signins[] = {
    {.name = "officer",
     .role = ROLE_OFFICER,
     .posts = "enterprise,liaison",
     .password = "officer-demo-2026",
     .what = "an officer of every demo post",
     .display_name = "王立新"},
    {.name = "dl-trading",
     .role = ROLE_ENTERPRISE,
     .enterprise = "91210200241600015L",
     .password = "trading-demo-2026",
     .what = "enterprise user of 大连港通国际贸易有限公司",
     .display_name = "张敏"},
    {.name = "dl-fishery",
     .role = ROLE_ENTERPRISE,
     .enterprise = "91210200716215023J",
     .password = "fishery-demo-2026",
     .what = "enterprise user of 大连海洋渔业进出口有限公司",
     .display_name = "刘洋"},
    {.name = "dl-broker",
     .role = ROLE_ENTERPRISE,
     .enterprise = DEMO_BROKER,
     .password = "broker-demo-2026",
     .what = "enterprise user of 大连金湾报关行 (a customs broker holding the demo importers' agency agreements)",
     .display_name = "陈静"},
    {.name = NULL},
};

static const record_type *const enterprise_records[] = {&enterprise_record, &agency_record, NULL};

const hg_module enterprise_module = {.name = "enterprise",
                                     .migrations = enterprise_migrations,
                                     .routes = enterprise_routes,
                                     .importers = enterprise_importers,
                                     .commands = enterprise_commands,
                                     .demo = enterprise_demo,
                                     .summary = "the enterprise registry: USCC, customs code, kind, credit level",
                                     .migrations_first = 100,
                                     .migrations_last = 199,
                                     .posts = enterprise_posts,
                                     .scopes = enterprise_scopes,
                                     .demo_signins = enterprise_signins,
                                     .records = enterprise_records,
                                     .enterprise_find = enterprise_find};
