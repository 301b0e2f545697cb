/* cargo.c — the cargo records described once (field tables) and the pure decisions of
 * clearance: entry numbers, release rules, two-step deadlines. No I/O here. */
#include "cargo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check/check.h"
#include "../platform/calendar.h"
#include "../platform/i18n.h"
#include "../platform/log.h"
#include "../platform/units.h"

static const char *const directions[] = {"import", "export", NULL};
static const char *const price_terms[] = {"CIF", "CFR", "FOB", "EXW", NULL};

/* A certificate of origin's number: 1 to 40 letters, digits, '-' or '/' (the agreements'
 * certificates number differently; the issuing authority's number is taken as written). */
static int check_certificate_no(const char *s, const char **reason)
{
    size_t n = strlen(s);
    if (n == 0 || n > 40 || strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/") != n) {
        if (reason)
            *reason = N_("must be the certificate of origin's number: 1 to 40 letters, digits, '-' or '/'");
        return 0;
    }
    return 1;
}
static const char *const transport_modes[] = {"sea", "air", "road", "rail", NULL};
static const char *const manifest_states[] = {"filed", "arrived", NULL};
static const char *const declaration_kinds[] = {"complete", "summary", NULL};
static const char *const declaration_states[] = {DECL_FILED,   DECL_INSPECTION, DECL_PERMITTED, DECL_RELEASED,
                                                 DECL_REFUSED, DECL_RETURNED,   DECL_CANCELLED, NULL};
static const char *const lanes[] = {"green", "yellow", "red", "blue", NULL};

#define MONEY_MAX 100000000000000LL   /* 1 trillion yuan in fen: far above any declaration */

static const field bill_fields[] = {
    {.name = "bill_no", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT, .min_len = 1, .max_len = 35,
     .label_zh = "提运单号"},
    {.name = "consignee", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT, .check = check_uscc,
     .label_zh = "收货人"},
    {.name = "goods_description", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 500,
     .label_zh = "货物描述"},
    {.name = "packages", .type = FT_INT, .flags = FF_REQUIRED, .min = 1, .max = 10000000, .label_zh = "件数"},
    {.name = "gross_weight_kg", .type = FT_DECIMAL, .flags = FF_REQUIRED, .scale = CARGO_WEIGHT_SCALE, .min = 1,
     .max = 1000000000LL * CARGO_GRAMS_PER_KG, .label_zh = "毛重(千克)"},
    {.name = "containers", .type = FT_TEXT, .flags = FF_IDENT, .check = cargo_check_containers,
     .label_zh = "集装箱号"},
    {0},
};
const record_type bill_record = {
    .name = N_("bill"), .table = "manifest_bills", .fields = bill_fields, .parent_column = "manifest_no"};

static const field manifest_fields[] = {
    {.name = "manifest_no", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER | FF_SEARCH, .label_zh = "舱单编号"},
    {.name = "direction", .type = FT_ENUM, .flags = FF_REQUIRED | FF_FIXED | FF_FILTER, .values = directions,
     .label_zh = "进出境"},
    {.name = "transport_mode", .type = FT_ENUM, .flags = FF_REQUIRED | FF_FIXED, .values = transport_modes,
     .label_zh = "运输方式"},
    {.name = "vessel_imo", .type = FT_TEXT, .flags = FF_IDENT, .check = check_imo, .label_zh = "IMO编号"},
    {.name = "vessel_name", .type = FT_TEXT, .flags = FF_SEARCH, .max_len = 100, .label_zh = "船名"},
    {.name = "voyage", .type = FT_TEXT, .flags = FF_SEARCH, .max_len = 20, .label_zh = "航次"},
    {.name = "flight_no", .type = FT_TEXT, .flags = FF_IDENT | FF_SEARCH, .min_len = 3, .max_len = 8, .label_zh = "航班号"},
    {.name = "vehicle", .type = FT_TEXT, .max_len = 20, .label_zh = "车牌/车次"},
    {.name = "port", .type = FT_TEXT, .flags = FF_REQUIRED | FF_FIXED | FF_FILTER, .check = cargo_check_port,
     .label_zh = "口岸关区"},
    {.name = "eta", .type = FT_TIME, .flags = FF_REQUIRED, .label_zh = "预计抵港"},
    {.name = "filer", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER, .label_zh = "申报企业"},
    {.name = "status", .type = FT_ENUM, .flags = FF_SERVER | FF_FILTER, .values = manifest_states,
     .label_zh = "状态"},
    {.name = "arrived_at", .type = FT_TIME, .flags = FF_SERVER, .column = "arrived_ms", .label_zh = "进境申报时间"},
    {.name = "bills", .type = FT_LIST, .flags = FF_REQUIRED, .min = 1, .max = 500, .child = &bill_record,
     .label_zh = "提运单"},
    {.name = "created_at", .type = FT_TIME, .flags = FF_SERVER, .column = "created_ms"},
    {.name = "updated_at", .type = FT_TIME, .flags = FF_SERVER, .column = "updated_ms"},
    {0},
};
const record_type manifest_record = {.name = N_("manifest"), .table = "manifests", .fields = manifest_fields};

/* Samples are written by sampling_store.c's own SQL; this read-only description serves their
 * list and its export (every field the server's). */
static const char *const sample_states[] = {"pending", "negative", "positive", NULL};
static const field sample_fields[] = {
    {.name = "barcode", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER | FF_SEARCH, .label_zh = "样品条码"},
    {.name = "entry_no", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER | FF_SEARCH, .label_zh = "报关单号"},
    {.name = "line_no", .type = FT_INT, .flags = FF_SERVER, .label_zh = "商品项号"},
    {.name = "kind", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER, .label_zh = "样品类型"},
    {.name = "status", .type = FT_ENUM, .flags = FF_SERVER | FF_FILTER, .values = sample_states, .label_zh = "状态"},
    {.name = "producer", .type = FT_TEXT, .flags = FF_SERVER | FF_SEARCH, .label_zh = "生产企业"},
    {.name = "created_at", .type = FT_TIME, .flags = FF_SERVER, .column = "created_ms", .label_zh = "取样时间"},
    {.name = "result_at", .type = FT_TIME, .flags = FF_SERVER, .column = "result_ms", .label_zh = "结果时间"},
    {.name = "result_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "结果录入"},
    {0},
};
const record_type sample_record = {.name = N_("sample"), .table = "samples", .fields = sample_fields};

static const field item_fields[] = {
    {.name = "hs_code", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT, .check = check_hs, .label_zh = "商品编号"},
    {.name = "name", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 100, .label_zh = "商品名称"},
    {.name = "elements", .type = FT_TEXT, .max_len = 255, .label_zh = "申报要素"},
    {.name = "origin", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT, .check = check_country,
     .label_zh = "原产国"},
    {.name = "quantity", .type = FT_DECIMAL, .flags = FF_REQUIRED, .scale = CARGO_QUANTITY_SCALE, .min = 1,
     .max = 1000000000000LL * CARGO_QUANTITY_UNIT, .label_zh = "数量"},
    /* stored by its Chinese name in the customs table of units (units.h), as the tariff's legal
     * units; its code (EDI, the single window) is taken and stored as the name */
    {.name = "unit", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 10, .check = check_unit,
     .normalize = units_name_of, .label_zh = "单位"},
    {.name = "value", .type = FT_MONEY, .flags = FF_REQUIRED, .min = 1, .max = MONEY_MAX, .label_zh = "总价"},
    {.name = "currency", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT, .check = check_currency,
     .label_zh = "币制"},
    {.name = "gross_weight_kg", .type = FT_DECIMAL, .flags = FF_REQUIRED, .scale = CARGO_WEIGHT_SCALE, .min = 1,
     .max = 1000000000LL * CARGO_GRAMS_PER_KG, .label_zh = "毛重(千克)"},
    {.name = "net_weight_kg", .type = FT_DECIMAL, .flags = FF_REQUIRED, .scale = CARGO_WEIGHT_SCALE, .min = 1,
     .max = 1000000000LL * CARGO_GRAMS_PER_KG, .label_zh = "净重(千克)"},
    {.name = "frozen", .type = FT_BOOL, .label_zh = "冷冻/冷藏"},
    {.name = "vins", .type = FT_TEXT, .flags = FF_IDENT, .check = cargo_check_vins, .label_zh = "车架号"},
    {.name = "producer", .type = FT_TEXT, .flags = FF_IDENT, .max_len = 40, .label_zh = "境外生产企业注册号"},
    /* the valuation tax builds the CIF value from (海关审定进出口货物完税价格办法), in the item's
     * currency: the price terms of its value (CIF when absent), freight and insurance not in the
     * price (insurance absent: 3‰ of price and freight), other dutiable costs; and the
     * certificate of origin that an agreement rate needs (migration 290) */
    {.name = "price_terms", .type = FT_ENUM, .values = price_terms, .label_zh = "成交方式"},
    {.name = "freight", .type = FT_MONEY, .min = 0, .max = MONEY_MAX, .column = "freight_cur", .label_zh = "运费"},
    {.name = "insurance", .type = FT_MONEY, .min = 0, .max = MONEY_MAX, .column = "insurance_cur",
     .label_zh = "保费"},
    {.name = "other_costs", .type = FT_MONEY, .min = 0, .max = MONEY_MAX, .column = "other_costs_cur",
     .label_zh = "杂费"},
    {.name = "certificate_no", .type = FT_TEXT, .flags = FF_IDENT, .check = check_certificate_no,
     .label_zh = "原产地证书编号"},
    {0},
};
const record_type item_record = {
    .name = N_("item"), .table = "declaration_items", .fields = item_fields, .parent_column = "entry_no"};

static const field declaration_fields[] = {
    {.name = "entry_no", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER | FF_SEARCH, .label_zh = "报关单号"},
    {.name = "direction", .type = FT_ENUM, .flags = FF_REQUIRED | FF_FIXED | FF_FILTER, .values = directions,
     .label_zh = "进出口"},
    {.name = "kind", .type = FT_ENUM, .flags = FF_REQUIRED | FF_FIXED | FF_FILTER, .values = declaration_kinds,
     .label_zh = "申报类型"},
    {.name = "declarant", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT | FF_FIXED | FF_FILTER,
     .check = check_uscc, .label_zh = "申报单位"},
    {.name = "consignee", .type = FT_TEXT, .flags = FF_IDENT | FF_FIXED | FF_FILTER, .check = check_uscc,
     .label_zh = "境内收货人"},
    {.name = "consignor", .type = FT_TEXT, .flags = FF_IDENT | FF_FIXED | FF_FILTER, .check = check_uscc,
     .label_zh = "境内发货人"},
    {.name = "port", .type = FT_TEXT, .flags = FF_REQUIRED | FF_FIXED | FF_FILTER, .check = cargo_check_port,
     .label_zh = "申报地海关"},
    {.name = "transport_mode", .type = FT_ENUM, .flags = FF_REQUIRED | FF_FIXED, .values = transport_modes,
     .label_zh = "运输方式"},
    {.name = "bill_no", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT | FF_FIXED | FF_SEARCH, .min_len = 1,
     .max_len = 35, .label_zh = "提运单号"},
    {.name = "trade_country", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT, .check = check_country,
     .label_zh = "贸易国"},
    {.name = "ship_side_pickup", .type = FT_BOOL, .flags = FF_FIXED, .label_zh = "船边直提"},
    {.name = "arrival_direct_loading", .type = FT_BOOL, .flags = FF_FIXED, .label_zh = "抵港直装"},
    /* a property of the goods (the district's table of fresh and live produce), not a box the
     * declarant ticks: set when filed */
    {.name = "green_channel", .type = FT_BOOL, .flags = FF_SERVER, .label_zh = "绿色通道"},
    {.name = "release_first", .type = FT_BOOL, .flags = FF_FIXED, .label_zh = "先放后检"},
    {.name = "status", .type = FT_ENUM, .flags = FF_SERVER | FF_FILTER, .values = declaration_states,
     .label_zh = "状态"},
    {.name = "lane", .type = FT_ENUM, .flags = FF_SERVER | FF_FILTER, .values = lanes, .label_zh = "通道"},
    {.name = "advance", .type = FT_BOOL, .flags = FF_SERVER, .label_zh = "提前申报"},
    {.name = "filed_at", .type = FT_TIME, .flags = FF_SERVER, .column = "filed_ms", .label_zh = "申报时间"},
    {.name = "permitted_at", .type = FT_TIME, .flags = FF_SERVER, .column = "permitted_ms", .label_zh = "准许入境时间"},
    {.name = "released_at", .type = FT_TIME, .flags = FF_SERVER, .column = "released_ms", .label_zh = "放行时间"},
    {.name = "completed_at", .type = FT_TIME, .flags = FF_SERVER, .column = "completed_ms",
     .label_zh = "完整申报时间"},
    {.name = "items", .type = FT_LIST, .flags = FF_REQUIRED | FF_FIXED, .min = 1, .max = 50, .child = &item_record,
     .label_zh = "商品项"},
    {.name = "updated_at", .type = FT_TIME, .flags = FF_SERVER, .column = "updated_ms"},
    {.name = "gate_out_at", .type = FT_TIME, .flags = FF_SERVER, .column = "gate_out_ms", .label_zh = "出卡时间"},
    /* its life after filing (change_store.c): returned for correction (退单) and for how long it
     * stayed with the declarant in all (its own clearance-time segment), cancelled (撤单) */
    {.name = "returned_at", .type = FT_TIME, .flags = FF_SERVER, .column = "returned_ms", .label_zh = "退单时间"},
    {.name = "with_declarant_ms", .type = FT_INT, .flags = FF_SERVER, .label_zh = "退单修改用时(毫秒)"},
    {.name = "cancelled_at", .type = FT_TIME, .flags = FF_SERVER, .column = "cancelled_ms", .label_zh = "撤单时间"},
    /* a two-step summary completed after its 14 days: the lateness stays on the record */
    {.name = "completed_late", .type = FT_BOOL, .flags = FF_SERVER, .label_zh = "完整申报逾期"},
    /* the part of the bill this declaration covers: its containers (none named: all of the
     * bill's) and its packages (none: all of the bill's) */
    {.name = "containers", .type = FT_TEXT, .flags = FF_IDENT | FF_FIXED, .check = cargo_check_containers,
     .label_zh = "集装箱号"},
    {.name = "packages", .type = FT_INT, .flags = FF_FIXED, .min = 1, .max = 10000000, .label_zh = "件数"},
    {0},
};
const record_type declaration_record = {
    .name = N_("declaration"), .table = "declarations", .fields = declaration_fields};

/* ---- configuration ---- */

cargo_config cargo_cfg = {.clock_tolerance_ms = 5 * 60000, .separation_of_duties = 1, .weight_tolerance_ppm = 30000};

/* One integer from the environment between lo and hi into *out; else the default stays. */
static void env_int(const char *name, int64_t lo, int64_t hi, int64_t scale, int64_t *out)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return;
    char *end;
    long long n = strtoll(v, &end, 10);
    if (*end || n < lo || n > hi) {
        log_error("%s must be a whole number from %lld to %lld; the default is kept", name, (long long)lo,
                  (long long)hi);
        return;
    }
    *out = (int64_t)n * scale;
}

void cargo_config_load(void)
{
    int64_t sod = cargo_cfg.separation_of_duties;
    env_int("HAIGUAN_CLOCK_TOLERANCE", 0, 3600, 1000, &cargo_cfg.clock_tolerance_ms);
    env_int("HAIGUAN_SEPARATION_OF_DUTIES", 0, 1, 1, &sod);
    env_int("HAIGUAN_WEIGHT_TOLERANCE_PPM", 0, 200000, 1, &cargo_cfg.weight_tolerance_ppm);
    cargo_cfg.separation_of_duties = (int)sod;
}

hg_rc cargo_time_plausible(int64_t at_ms, int64_t not_before_ms, const char *not_before_what, int64_t now,
                           const char *field, const char *rule, hg_err *err)
{
    if (at_ms > now + cargo_cfg.clock_tolerance_ms)
        return hg_fail(err, HG_INVALID, rule, field, "%s is in the future: a fact is stated when it has happened",
                       field);
    if (not_before_ms && at_ms < not_before_ms) {
        char t[40];
        time_format_rfc3339(not_before_ms, t, sizeof t);
        /* TRANSLATORS: 1: field; 2: not_before_what; 3: t */
        return hg_fail(err, HG_INVALID, rule, field, "%s is before %s (%s)", field, not_before_what, t);
    }
    return HG_OK;
}

int cargo_manifest_filer_kind(const char *kind)
{
    return strcmp(kind, "shipping_agent") == 0 || strcmp(kind, "carrier") == 0 || strcmp(kind, "airline") == 0;
}

/* ---- decisions ---- */

int cargo_shanghai_year(int64_t ms)
{
    return calendar_year_of(ms);
}

int cargo_entry_no(const char *port, int year, const char *direction, int64_t serial, char out[19])
{
    if (strlen(port) != 4 || year < 2000 || year > 2099 || serial < 1 || serial > 999999999)
        return -1;
    snprintf(out, 19, "%.4s%04d%c%09lld", port, year, strcmp(direction, "import") == 0 ? '1' : '0',
             (long long)serial);
    return 0;
}

static int check_list(const char *s, check_fn fn, const char **reason)
{
    char one[64];
    while (*s) {
        size_t n = strcspn(s, ",");
        if (n == 0 || n >= sizeof one) {
            *reason = N_("must be a comma-separated list without empty entries");
            return 0;
        }
        memcpy(one, s, n);
        one[n] = '\0';
        if (!fn(one, reason))
            return 0;
        s += n;
        if (*s == ',' && !*++s) {
            *reason = N_("must not end with a comma");
            return 0;
        }
    }
    return 1;
}

int cargo_check_containers(const char *s, const char **reason) { return check_list(s, check_container, reason); }
int cargo_check_vins(const char *s, const char **reason) { return check_list(s, check_vin, reason); }

int cargo_check_port(const char *s, const char **reason)
{
    if (strlen(s) != 4 || strspn(s, "0123456789") != 4) {
        if (reason)
            *reason = N_("must be the 4-digit customs code of the port");
        return 0;
    }
    return 1;
}

/* The release's conditions, in the order they are checked: what each refuses and why. A row's
 * unmet(f) is 1 when the condition stops the release. */
static int is_released(const release_facts *f) { return strcmp(f->status, DECL_RELEASED) == 0; }
static int is_refused(const release_facts *f) { return strcmp(f->status, DECL_REFUSED) == 0; }
static int is_cancelled(const release_facts *f) { return strcmp(f->status, DECL_CANCELLED) == 0; }
static int is_returned(const release_facts *f) { return strcmp(f->status, DECL_RETURNED) == 0; }
static int positive(const release_facts *f) { return f->sample_positive; }
/* Goods are here when the terminal reported them (运抵); ship-side pickup (船边直提) takes them
 * off the vessel, so its transport's arrival is enough. Arrival direct loading (抵港直装) goes
 * the other way: the export's goods come to the terminal for a vessel already at berth, and it
 * is their arrival report, not the vessel's, that releases them (issue 14). */
static int not_here(const release_facts *f) { return !(f->arrived || (f->ship_side_pickup && f->transport_arrived)); }
static int not_inspected(const release_facts *f)
{
    return (strcmp(f->lane, "red") == 0 || strcmp(f->lane, "yellow") == 0) && !f->inspection_passed &&
           !f->release_first;
}
static int lab_pending(const release_facts *f) { return f->samples_pending && !f->release_first; }
static int tax_due(const release_facts *f) { return !f->tax_settled; }
static int contributed(const release_facts *f) { return f->unmet != NULL; }
static int not_automatic(const release_facts *f)
{
    return strcmp(f->lane, "green") != 0 && strcmp(f->lane, "blue") != 0 && !f->by_officer && !f->release_first;
}

static const struct release_rule {
    int (*unmet)(const release_facts *f);
    const char *field, *message;
    int waits;   /* 1: a condition still to be met; 0: the release will never happen */
} release_rules[] = {
    {is_released, "status", N_("the declaration is already released"), 0},
    {is_refused, "status", N_("refused goods (returned or destroyed) are never released"), 0},
    {is_cancelled, "status", N_("a cancelled declaration is never released"), 0},
    {is_returned, "status", N_("the declaration was returned for correction: it is released only after it is refiled"), 1},
    {positive, "samples", N_("a sample tested positive: the goods are returned or destroyed, never released"), 0},
    {not_here, "arrival",
     N_("release needs the arrival report (运抵) of the goods, arrival direct loading too, or the transport's arrival "
        "for ship-side pickup"),
     1},
    {not_inspected, "lane", N_("the declaration was selected for inspection; release needs a passed inspection"), 1},
    {lab_pending, "samples", N_("release waits for the laboratory results of its samples"), 1},
    {tax_due, "tax", N_("tax is due: release needs it paid, guaranteed or deferred"), 1},
    {contributed, NULL, NULL, 1},
    {not_automatic, "lane", N_("only green and blue lanes are released automatically"), 1},
};

hg_rc cargo_release_allowed(const release_facts *f, hg_err *err)
{
    for (size_t i = 0; i < sizeof release_rules / sizeof release_rules[0]; i++) {
        const struct release_rule *r = &release_rules[i];
        if (!r->unmet(f))
            continue;
        if (!r->field)
            return hg_fail(err, HG_CONFLICT, f->unmet->rule ? f->unmet->rule : "conflict", f->unmet->field, "%s",
                           f->unmet->refusal);
        return hg_fail(err, HG_CONFLICT, "conflict", r->field, "%s", r->message);
    }
    return HG_OK;
}

hg_rc cargo_release_unmet(const release_facts *f, json_t *unmet)
{
    for (size_t i = 0; i < sizeof release_rules / sizeof release_rules[0]; i++) {
        const struct release_rule *r = &release_rules[i];
        if (!r->unmet(f))
            continue;
        json_t *o = r->field ? json_pack("{s:s, s:s, s:s, s:b}", "rule", "conflict", "field", r->field, "message",
                                         r->message, "waits", r->waits)
                             : json_pack("{s:s, s:s, s:s, s:b}", "rule", f->unmet->rule ? f->unmet->rule : "conflict",
                                         "field", f->unmet->field, "message", f->unmet->refusal, "waits", 1);
        if (!o || json_array_append_new(unmet, o))
            return HG_NOMEM;
    }
    return HG_OK;
}

int cargo_vehicle(const char *hs)
{
    static const char *const prefixes[] = {"8702", "8703", "8704", "8705", "8711"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(hs, prefixes[i], 4) == 0)
            return 1;
    return 0;
}

hg_rc cargo_item_plausible(const record *item, int line, hg_err *err)
{
    char f[40];
    if (record_int(item, "net_weight_kg", 0) > record_int(item, "gross_weight_kg", 0)) {
        snprintf(f, sizeof f, "items[%d].net_weight_kg", line);
        return hg_fail(err, HG_INVALID, "net_over_gross", f, "net weight cannot exceed gross weight");
    }
    /* 报关单填制规范 (数量及单位): goods counted in pieces are declared in whole pieces; the five
     * places are for measures (千克, 升, 米) and for counts in hundreds or thousands (千个) */
    const unit_entry *unit = units_by_name(record_text(item, "unit"));
    if (unit && unit->whole && record_int(item, "quantity", 0) % CARGO_QUANTITY_UNIT != 0) {
        snprintf(f, sizeof f, "items[%d].quantity", line);
        return hg_fail(err, HG_INVALID, "whole_units", f, "goods counted in %s are declared in whole pieces",
                       unit->zh);
    }
    const char *vins = record_text(item, "vins");
    if (cargo_vehicle(record_text(item, "hs_code"))) {
        snprintf(f, sizeof f, "items[%d].vins", line);
        if (!vins || !*vins)
            return hg_fail(err, HG_INVALID, "vins_required", f,
                           "vehicles (HS 8702-8705, 8711) are declared with their VINs (GB 16735)");
        int64_t n = 1;
        for (const char *p = vins; *p; p++)
            n += *p == ',';
        int64_t qty = record_int(item, "quantity", 0);
        if (n * CARGO_QUANTITY_UNIT != qty) {
            char q[DECIMAL_TEXT_MAX];
            decimal_format(qty, CARGO_QUANTITY_SCALE, q, sizeof q);
            return hg_fail(err, HG_INVALID, "vins_count", f, "one VIN for each vehicle: %lld VINs for %s vehicles",
                           (long long)n, q);
        }
    }
    return HG_OK;
}

int cargo_bulk_commodity(const char *hs)
{
    static const char *const prefixes[] = {"26", "2701", "2709", "1001", "1005", "1201"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(hs, prefixes[i], strlen(prefixes[i])) == 0)
            return 1;
    return 0;
}

hg_rc cargo_permit_allowed(const release_facts *f, hg_err *err)
{
    if (strcmp(f->status, DECL_PERMITTED) == 0)
        return hg_fail(err, HG_CONFLICT, "conflict", "status", "the goods were already permitted to enter");
    if (!f->samples_pending)
        return hg_fail(err, HG_CONFLICT, "conflict", "samples",
                       "two-stage admission is for goods waiting for laboratory results; none are pending");
    release_facts g = *f;
    g.samples_pending = 0;   /* everything else release needs must hold */
    g.by_officer = 1;
    return cargo_release_allowed(&g, err);
}

int cargo_needs_nucleic_acid(const char *direction, const char *hs_code)
{
    return strcmp(direction, "import") == 0 &&
           (strncmp(hs_code, "03", 2) == 0 || strncmp(hs_code, "1604", 4) == 0 || strncmp(hs_code, "1605", 4) == 0);
}

int64_t cargo_producer_suspended_until(int64_t positives, int64_t last_positive_ms, int64_t now)
{
    if (positives <= 0)
        return 0;
    int64_t until = last_positive_ms + (positives >= 3 ? 28 : 7) * 86400000LL;
    return until > now ? until : 0;
}

int cargo_complete_overdue(const char *kind, int64_t completed_ms, int64_t transport_arrived_ms, int64_t now)
{
    return strcmp(kind, "summary") == 0 && completed_ms == 0 && transport_arrived_ms > 0 &&
           now > transport_arrived_ms + (int64_t)CARGO_COMPLETE_DAYS * 86400000;
}
