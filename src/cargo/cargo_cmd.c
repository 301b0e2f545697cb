/* cargo_cmd.c — the cargo area's module record, its demo data (a vessel's manifest filed by
 * the demo shipping agent, and declarations by the demo importers) and its importers
 * (`haiguan import manifests|declarations|arrivals FILE`: JSON Lines through import.h and the
 * same store functions as the API). */
#include <stdio.h>
#include <string.h>

#include "../check/check.h"
#include "../enterprise/enterprise.h"
#include "../platform/audit.h"
#include "../platform/import.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../platform/module.h"
#include "cargo.h"
#include "cargo_store.h"

extern const route cargo_routes[];

static const char agent_uscc[] = "91210200118877668W";     /* 大连远洋船务代理 (enterprise demo) */
static const char trading_uscc[] = "91210200241600015L";   /* 大连港通国际贸易 */
static const char fishery_uscc[] = "91210200716215023J";   /* 大连海洋渔业进出口 */

/* HS headings under legal inspection-quarantine in the demo district (food, ores, vehicles). */
static const char *const demo_legal_inspection[][2] = {
    {"02", "meat"}, {"03", "fish and seafood"}, {"08", "fruit"}, {"16", "prepared meat and fish"},
    {"2601", "iron ores"}, {"8703", "motor cars"},
};

/* Fresh and live agricultural products of the green channel (鲜活农产品 绿色通道) in the demo
 * district: live animals, live fish and crustaceans, vegetables, fruit, cut flowers. */
static const char *const demo_green_channel[][2] = {
    {"0101", "live horses"}, {"0102", "live cattle"}, {"0103", "live swine"},  {"0301", "live fish"},
    {"0306", "crustaceans"}, {"0603", "cut flowers"}, {"07", "vegetables"},     {"08", "fruit and nuts"},
};

/* A row of the green-channel table, audited as every change of reference data. */
static hg_rc green_channel_put(db *d, const char *actor, const char *prefix, const char *description, hg_err *err)
{
    if (strlen(prefix) < 2 || strlen(prefix) > 10 || strspn(prefix, "0123456789") != strlen(prefix))
        return hg_fail(err, HG_INVALID, "invalid", "hs_prefix", "hs_prefix is 2 to 10 digits of the HS code");
    if (!description || !*description || strlen(description) > 200)
        return hg_fail(err, HG_INVALID, "required", "description", "description is 1 to 200 bytes");
    json_t *before = NULL;
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, "SELECT description FROM green_channel_goods WHERE hs_prefix = ?", "t", prefix);
    if (!rc && (rc = db_step(s, err)) == HG_ROW)
        before = json_pack("{s:s, s:s}", "hs_prefix", prefix, "description", db_col_text(s, 0));
    db_reset(s);
    if (rc == HG_ROW || rc == HG_DONE)
        rc = HG_OK;
    if (!rc)
        rc = db_run(d, err,
                    "INSERT INTO green_channel_goods (hs_prefix, description) VALUES (?, ?) ON CONFLICT (hs_prefix) "
                    "DO UPDATE SET description = excluded.description",
                    "tt", prefix, description);
    json_t *after = json_pack("{s:s, s:s}", "hs_prefix", prefix, "description", description);
    if (!rc) {
        audit_event e = {actor, before ? "refdata.green_channel.update" : "refdata.green_channel.create",
                         "green_channel_goods", prefix, NULL, before, after, NULL};
        rc = audit_append(d, &e, NULL, err);
    }
    json_decref(before);
    json_decref(after);
    return rc;
}

static hg_rc cargo_demo(db *d, hg_err *err)
{
    int64_t greens = 0;
    hg_rc grc = db_int(d, &greens, err, "SELECT COUNT(*) FROM green_channel_goods", "");
    for (size_t i = 0; !grc && !greens && i < sizeof demo_green_channel / sizeof demo_green_channel[0]; i++)
        grc = green_channel_put(d, "demo", demo_green_channel[i][0], demo_green_channel[i][1], err);
    if (grc)
        return grc;
    for (size_t i = 0; i < sizeof demo_legal_inspection / sizeof demo_legal_inspection[0]; i++) {
        hg_rc rc = db_run(d, err,
                          "INSERT INTO legal_inspection (hs_prefix, description) VALUES (?, ?) "
                          "ON CONFLICT (hs_prefix) DO NOTHING",
                          "tt", demo_legal_inspection[i][0], demo_legal_inspection[i][1]);
        if (rc)
            return rc;
    }
    hg_rc rc = cargo_demo_producers(d, err);
    if (!rc && hg_demo_options.days > 0)
        rc = cargo_demo_activity(d, &hg_demo_options, err);
    int64_t n = 0;
    if (!rc)
        rc = db_int(d, &n, err, "SELECT COUNT(*) FROM manifests", "");
    if (rc || n > 0)
        return rc;
    principal agent = {.role = ROLE_ENTERPRISE};
    snprintf(agent.name, sizeof agent.name, "dl-agent");
    snprintf(agent.enterprise, sizeof agent.enterprise, "%s", agent_uscc);
    char eta[40];
    time_format_rfc3339(now_ms() + 6 * 3600 * 1000, eta, sizeof eta);
    json_t *m = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:[{s:s, s:s, s:s, s:i, s:i, s:s}, {s:s, s:s, s:s, s:i, s:i, s:s}]}",
        "direction", "import", "transport_mode", "sea", "vessel_imo", "IMO9074729", "vessel_name", "COSCO DALIAN",
        "voyage", "026E", "port", "0901", "eta", eta, "bills", "bill_no", "COSU6281234560", "consignee", trading_uscc,
        "goods_description", "machine parts", "packages", 120, "gross_weight_kg", 18200, "containers", "CSQU3054383",
        "bill_no", "COSU6281234561", "consignee", fishery_uscc, "goods_description", "frozen cod", "packages", 1800,
        "gross_weight_kg", 24500, "containers", "MSCU1234566");
    json_t *out = NULL;
    rc = m ? manifest_create(CTX_AS(d, &agent), m, &out, err) : HG_NOMEM;
    json_decref(m);
    json_decref(out);
    if (rc)
        return rc;
    principal trader = {.role = ROLE_ENTERPRISE};
    snprintf(trader.name, sizeof trader.name, "dl-trading");
    snprintf(trader.enterprise, sizeof trader.enterprise, "%s", trading_uscc);
    json_t *decl = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:[{s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:s, "
                             "s:i, s:i}]}",
                             "direction", "import", "kind", "complete", "declarant", trading_uscc, "consignee",
                             trading_uscc, "port", "0901", "transport_mode", "sea", "bill_no", "COSU6281234560",
                             "trade_country", "DE", "items", "hs_code", "8483409000", "name", "齿轮箱", "elements",
                             "1|0|用于机床|无品牌|型号GX-200", "origin", "DE", "quantity", 120, "unit", "台", "value",
                             "356000.00", "currency", "CNY", "gross_weight_kg", 18200, "net_weight_kg", 17600);
    /* filed 25 days ago and not yet paid: from the start the tax desk has a late payer whose
     * fee accrues (a waiver to ask for, an overdue bill to chase) */
    clock_simulate(now_ms() - 25 * 86400000LL);
    rc = decl ? declaration_file(CTX_AS(d, &trader), decl, &out, err) : HG_NOMEM;
    clock_simulate(0);
    json_decref(decl);
    json_decref(out);
    return rc;
}

/* ---- bulk import: JSON Lines through the same store functions as the API ---- */

enum import_kind { IMPORT_MANIFESTS, IMPORT_DECLARATIONS, IMPORT_ARRIVALS, IMPORT_GREEN, IMPORT_PRODUCERS };

/* One line: a manifest names its "filer" (the carrier's USCC), a declaration acts as its
 * declarant, an arrival report as the command's user. */
static hg_rc import_line(db *d, enum import_kind kind, json_t *obj, hg_err *err)
{
    json_t *out = NULL;
    hg_rc rc;
    if (kind == IMPORT_MANIFESTS) {
        const char *filer = json_string_value(json_object_get(obj, "filer"));
        const char *why;
        if (!filer || !check_uscc(filer, &why))
            return hg_fail(err, HG_INVALID, "required", "filer", "a manifest line names its filer (the carrier's USCC)");
        principal p = {.role = ROLE_ENTERPRISE};
        snprintf(p.name, sizeof p.name, "%s", cli_actor());
        snprintf(p.enterprise, sizeof p.enterprise, "%s", filer);
        json_object_del(obj, "filer");
        rc = manifest_create(CTX_AS(d, &p), obj, &out, err);
    } else if (kind == IMPORT_DECLARATIONS) {
        principal p = {.role = ROLE_ENTERPRISE};
        const char *declarant = json_string_value(json_object_get(obj, "declarant"));
        snprintf(p.name, sizeof p.name, "%s", cli_actor());
        snprintf(p.enterprise, sizeof p.enterprise, "%s", declarant ? declarant : "");
        rc = declaration_file(CTX_AS(d, &p), obj, &out, err);
    } else if (kind == IMPORT_PRODUCERS) {
        /* a registration again replaces the one stored (its country stays) */
        rc = producer_create(&(hg_ctx){.d = d, .actor = cli_actor(), .now_ms = now_ms()}, obj, 1, &out, err);
    } else if (kind == IMPORT_GREEN) {
        static const char *const allowed[] = {"hs_prefix", "description", NULL};
        rc = json_reject_unknown(obj, allowed, err);
        const char *prefix = json_string_value(json_object_get(obj, "hs_prefix"));
        if (!rc && !prefix)
            rc = hg_fail(err, HG_INVALID, "required", "hs_prefix", "hs_prefix is required");
        if (!rc && !(rc = db_begin(d, err))) {
            rc = green_channel_put(d, cli_actor(), prefix, json_string_value(json_object_get(obj, "description")),
                                   err);
            rc = rc ? (db_rollback(d), rc) : db_commit(d, err);
        }
    } else {
        principal p = {.role = ROLE_SYSTEM};
        snprintf(p.name, sizeof p.name, "%s", cli_actor());
        rc = arrival_report(CTX_AS(d, &p), obj, &out, err);
    }
    json_decref(out);
    return rc;
}

static hg_rc jsonl_line(void *ctx, db *d, import_row *row, hg_err *err)
{
    return import_line(d, *(const enum import_kind *)ctx, row->obj, err);
}

/* Each line through its store function, in the store's own transaction. */
static int import_jsonl(const char *path, db *d, enum import_kind kind)
{
    const import_spec spec = {.format = IMPORT_JSONL,
                              .policy = IMPORT_PER_LINE,
                              .max_bytes = 256u << 20,
                              .progress = 1,
                              .line = jsonl_line,
                              .ctx = &kind};
    return import_run(&spec, d, path);
}

static int import_manifests(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    return import_jsonl(path, d, IMPORT_MANIFESTS);
}
static int import_declarations(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    return import_jsonl(path, d, IMPORT_DECLARATIONS);
}
static int import_arrivals(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    return import_jsonl(path, d, IMPORT_ARRIVALS);
}

static int import_green(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    return import_jsonl(path, d, IMPORT_GREEN);
}

/* One port of the district's table: code, name_zh, name_en, modes ("sea|road"); a header line
 * beginning "code" is skipped. */
static hg_rc port_line(void *ctx, db *d, import_row *r, hg_err *err)
{
    (void)ctx;
    if (r->line == 1 && strcmp(r->field[0], "code") == 0) {
        r->skip = 1;
        return HG_OK;
    }
    if (r->nfields != 4)
        return hg_fail(err, HG_INVALID, "invalid", NULL, "a line is code, name_zh, name_en, modes");
    hg_ctx c = ctx_command(d, cli_actor());
    return cargo_port_put(&c, r->field[0], r->field[1], r->field[2], r->field[3], err);
}

/* The whole file or nothing: the table every filing is checked against is never half changed. */
static int import_ports(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    const import_spec spec = {.format = IMPORT_CSV,
                              .policy = IMPORT_ALL_OR_NOTHING,
                              .max_bytes = 1u << 20,
                              .malformed = "malformed CSV",
                              .line = port_line};
    return import_run(&spec, d, path);
}

static int import_producers(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    return import_jsonl(path, d, IMPORT_PRODUCERS);
}

static const importer cargo_importers[] = {
    {"producers", import_producers,
     "JSON Lines: one overseas food producer per line, as POST /api/v1/producers (海关总署令第248号); a registration "
     "number again replaces its registration (same country); each change audited"},
    {"ports", import_ports,
     "CSV: code, name_zh, name_en, modes (sea|air|road|rail): the district's port customs codes (关区代码); a code "
     "again replaces its names and modes; each change audited, the whole file or nothing"},
    {"green-channel", import_green,
     "JSON Lines: {\"hs_prefix\": \"08\", \"description\": \"fruit\"}, the district's fresh and live produce "
     "of the green channel (each change audited)"},
    {"manifests", import_manifests, "JSON Lines: one manifest per line, as POST /api/v1/manifests, plus \"filer\" (USCC)"},
    {"declarations", import_declarations, "JSON Lines: one declaration per line, as POST /api/v1/declarations"},
    {"arrivals", import_arrivals, "JSON Lines: one arrival report per line, as POST /api/v1/arrivals"},
    {NULL, NULL, NULL},
};

static const hg_post cargo_posts[] = {
    HG_POST(0, clearance, "通关"),
    HG_POST(2, inspection, "查验"),
    {0},
};

static const hg_scope cargo_scopes[] = {
    {"declarations", "declarations: filing, release, two-step completion"},
    {"manifests", "manifests and the transport's arrival"},
    {"arrival", "arrival reports of goods in the supervised area (terminals)"},
    {"inspections", "the inspection queue and results"},
    {"lab", "samples and laboratory results (laboratories)"},
    {"ledger", "the logistics ledger"},
    {NULL, NULL},
};

static const demo_signin cargo_signins[] = {
    {.name = "officer",
     .role = ROLE_OFFICER,
     .posts = "clearance,inspection",
     .password = "officer-demo-2026",
     .what = "an officer of every demo post"},
    {.name = "officer2",
     .role = ROLE_OFFICER,
     .posts = "clearance,tax",
     .password = "officer2-demo-2026",
     .what = "a second clearance officer: decides the changes another officer opened (four eyes)"},
    {.name = "terminal01",
     .role = ROLE_SYSTEM,
     .what = "the terminal's machine: arrival reports",
     .token_scopes = "arrival"},
    {.name = "lab01", .role = ROLE_SYSTEM, .what = "the laboratory's machine: sample results", .token_scopes = "lab"},
    {.name = "dl-agent",
     .role = ROLE_ENTERPRISE,
     .enterprise = agent_uscc,
     .password = "agent-demo-2026",
     .what = "the shipping agent: manifests"},
    {.name = "demo-shipyard",
     .role = ROLE_ENTERPRISE,
     .enterprise = "91210213005599016G",
     .password = "shipyard-demo-2026",
     .what = "a shipyard"},
    {.name = "demo-kuaijie",
     .role = ROLE_ENTERPRISE,
     .enterprise = "91210200765432104C",
     .password = "kuaijie-demo-2026",
     .what = "a cross-border e-commerce platform"},
    {.name = NULL},
};

/* What cargo contributes to the extension points of the areas before it. */
/* an agency agreement's port is one of the table's, as a declaration's is (enterprise.h) */
static const enterprise_port_check cargo_agency_ports = {.known = cargo_port_known};

static const hg_extension cargo_extends[] = {
    {ENTERPRISE_PORT_CHECK, &cargo_agency_ports},
    {TAX_SUBJECTS, &cargo_tax_subjects},
    {AUDIT_RECONCILERS, &cargo_reconciler},
    {NULL, NULL},
};

static const record_type *const cargo_records[] = {&manifest_record, &declaration_record, &producer_record, NULL};

const hg_module cargo_module = {.name = "cargo",
                                .migrations = cargo_migrations,
                                .routes = cargo_routes,
                                .importers = cargo_importers,
                                .demo = cargo_demo,
                                .init = cargo_config_load,
                                .summary = "manifests, arrivals, declarations, inspections, samples, the ledger",
                                .migrations_first = 200,
                                .migrations_last = 299,
                                .posts = cargo_posts,
                                .scopes = cargo_scopes,
                                .machine_scopes = (const char *const[]){"arrival", "lab", NULL},
                                .demo_signins = cargo_signins,
                                .extends = cargo_extends,
                                .records = cargo_records};
