/* cargo_demo.c — `haiguan demo --days N`: a deterministic month (or more) of port activity,
 * written through the same store functions as the API with a simulated clock, so that every
 * list, queue and statistic has something true to show. Deterministic for a given --seed,
 * risk-draw secret and hour: screening draws (random selection, sampling) are keyed by the
 * installation's secret, so which declarations are inspected differs from one new database to
 * the next unless the secret is given (the browser tests do); and the month ends now, so what
 * is still open (tax due, tasks) depends on the time of day. Not for: tests of the rules (the
 * unit and API tests pin those). It pays taxes through the tax area's store: the one place
 * where cargo calls tax directly, because a generator plays every party. */
#include <stdio.h>
#include <string.h>

#include <unistd.h>

#include "../check/check.h"
#include "../platform/decimal.h"
#include "../platform/log.h"
#include "../platform/module.h"
#include "../tax/tax_store.h"
#include "cargo.h"
#include "cargo_store.h"

#define HOUR 3600000LL
#define DAY (24 * HOUR)

typedef struct rng {
    uint64_t s;
} rng;

/* xorshift64*: small, fast and the same everywhere for a given seed */
static uint64_t next(rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ULL;
}
static int64_t between(rng *r, int64_t lo, int64_t hi) { return lo + (int64_t)(next(r) % (uint64_t)(hi - lo + 1)); }
static int chance(rng *r, int percent) { return (int)(next(r) % 100) < percent; }

typedef struct goods {
    const char *hs, *name, *origin, *unit;
    int frozen, green_channel;
    int64_t unit_price_fen, min_qty, max_qty;
    const char *producers[3]; /* food: the registered overseas producers it is bought from */
} goods;

static const goods catalogue[] = {
    {"0303130000", "冻大西洋鲑鱼", "NO", "千克", 1, 0, 5800, 5000, 22000, {"NO-DEMO-01", "NO-DEMO-02", "NO-DEMO-03"}},
    {"0306171900", "冻南美白虾", "EC", "千克", 1, 0, 4200, 5000, 20000, {"EC-DEMO-01", "EC-DEMO-02", "EC-DEMO-03"}},
    {"8483409000", "齿轮箱", "DE", "台", 0, 0, 296700, 10, 200, {NULL}},
    {"8458110090", "数控车床", "JP", "台", 0, 0, 43000000, 1, 4, {NULL}},
    {"0805100000", "鲜橙", "ZA", "千克", 0, 1, 900, 10000, 25000, {"ZA-DEMO-01", "ZA-DEMO-02", NULL}},
    {"2601111000", "铁矿砂", "AU", "千克", 0, 0, 80, 1000000, 5000000, {NULL}},
};

hg_rc cargo_demo_producers(db *d, hg_err *err)
{
    static const char *const names[] = {"Demo Seafood AS", "Demo Sjømat AS", "Demo Fisk AS", "Camaronera Demo S.A.",
                                        "Acuícola Demo S.A.", "Langostinos Demo S.A.", "Demo Citrus (Pty) Ltd",
                                        "Demo Orchards (Pty) Ltd", ""};
    hg_rc rc = HG_OK;
    int k = 0;
    for (size_t i = 0; !rc && i < sizeof catalogue / sizeof catalogue[0]; i++)
        for (int j = 0; !rc && j < 3 && catalogue[i].producers[j]; j++) {
            char chapter[5];
            snprintf(chapter, sizeof chapter, "%.4s", catalogue[i].hs);
            json_t *body = json_pack("{s:s, s:s, s:s, s:s, s:s}", "registration_no", catalogue[i].producers[j], "country",
                                     catalogue[i].origin, "name", names[k++ % 8], "categories", chapter, "valid_from",
                                     "2022-01-01T00:00:00+08:00"),
                   *out = NULL;
            rc = body ? producer_create(&(hg_ctx){.d = d, .actor = "demo", .now_ms = now_ms()}, body, 0, &out, err)
                      : HG_NOMEM;
            if (rc == HG_CONFLICT)   /* registered by an earlier run */
                rc = HG_OK;
            json_decref(body);
            json_decref(out);
        }
    return rc;
}

/* The producer a trader buys goods g from at at_ms: one of its registered producers, starting at
 * pick, that is not suspended after positive batches (an importer does not buy from one); NULL
 * when g has none or every one is suspended (*skip 1: nothing is bought). */
static hg_rc choose_producer(db *d, const goods *g, uint64_t pick, int64_t at_ms, const char **out, int *skip,
                             hg_err *err)
{
    int n = 0;
    *out = NULL;
    *skip = 0;
    while (n < 3 && g->producers[n])
        n++;
    for (int k = 0; k < n; k++) {
        const char *p = g->producers[(pick + (uint64_t)k) % (uint64_t)n];
        int64_t batches = 0, until = 0;
        hg_rc rc = cargo_producer_suspension(d, p, at_ms, &batches, &until, err);
        if (rc)
            return rc;
        if (!until) {
            *out = p;
            return HG_OK;
        }
    }
    *skip = n > 0;
    return HG_OK;
}

typedef struct party {
    const char *uscc, *user;
    int goods[3];   /* indexes into catalogue */
} party;

static const party traders[] = {
    {"91210200241600015L", "dl-trading", {2, 3, 5}},
    {"91210200716215023J", "dl-fishery", {0, 1, 4}},
    {"91210213005599016G", "demo-shipyard", {2, 3, 3}},
    {"91210200765432104C", "demo-kuaijie", {4, 0, 2}},
};

static const char agent_uscc[] = "91210200118877668W";
/* the demo customs broker, holding the agency agreements of the first two traders (enterprise demo) */
static const char broker_uscc[] = "91210213550001235J";

/* A container number with its ISO 6346 check digit: owner DEMU, a serial that is never reused
 * in one run (a container is on one live manifest at a time). */
static void demo_container(uint64_t serial, char out[12])
{
    for (int digit = 0; digit < 10; digit++) {
        snprintf(out, 12, "DEMU%06llu%d", (unsigned long long)(serial % 1000000ULL), digit);
        if (check_container(out, NULL))
            return;
    }
}
static uint64_t container_serial;
static const char *const ports[] = {"0901", "0908"};

static principal as_enterprise(const char *user, const char *uscc)
{
    principal p = {.role = ROLE_ENTERPRISE};
    snprintf(p.name, sizeof p.name, "%s", user);
    snprintf(p.enterprise, sizeof p.enterprise, "%s", uscc);
    return p;
}

static principal as_role(const char *name, unsigned role, unsigned posts)
{
    principal p = {.role = role, .posts = posts};
    snprintf(p.name, sizeof p.name, "%s", name);
    return p;
}

/* Pays a declaration's tax, or guarantees it (two-step summaries), as its declarant would:
 * tax's demo decides when and how (tax_demo_settle: on time, late, after a waiver, deferred). */
static hg_rc settle_tax(db *d, const principal *who, const char *entry, int guarantee, hg_err *err)
{
    return tax_demo_settle(d, who, entry, guarantee, err);
}

/* The goods of a released declaration leave through gate 1 or 2 of the port, at the
 * simulated moment: whatever the areas after cargo record of it. */
static hg_rc departures(db *d, const char *entry_no, int gate_no, hg_err *err)
{
    size_t at = 0;
    hg_rc rc = HG_OK;
    for (const cargo_demo_departure *x; !rc && (x = modules_extension_next(CARGO_DEMO_DEPARTURES, &at));)
        rc = x->leave(d, entry_no, gate_no, err);
    return rc;
}

/* Runs one store call at a simulated moment, unless that moment is still in the future. */
#define AT(t) if (clock_simulate(t), (t) < real_now)

typedef struct plan {
    char bill[24];
    const party *trader;
    const goods *g;
    int scenario;   /* 0 advance, 1 after arrival, 2 two-step summary, 3 ship-side pickup */
    int by_broker;  /* declared by the demo broker under the trader's agency agreement */
    int64_t qty;               /* in 1e-5 of the unit (数量, 5 places), as declarations keep it */
    int64_t gross_g, net_g;    /* weights in grams (毛重/净重 in kg to 3 places) */
    int64_t packages;
    int n_containers;
    char containers[3][12];
    char vins[120]; /* a car carrier's bill: its cars' VINs, one per car (no containers) */
    char entry[19];
} plan;

#define QTY_UNIT 100000 /* 1e-5 of the unit: a quantity's 5 places */

/* A generator of a bill's own, seeded by its number (FNV-1a): the decimals of its goods are
 * drawn from it, not from the month's generator, so that the month draws what it drew when the
 * demo filed whole quantities only (the same vessels, bills, lanes and samples for a seed). */
static rng bill_rng(const char *bill)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *c = (const unsigned char *)bill; *c; c++)
        h = (h ^ *c) * 1099511628211ULL;
    return (rng){h ? h : 1};
}

/* The quantity and weights of whole goods of a bill as a port sees them (报关单填制规范: 数量 to
 * 5 places of its unit, 毛重/净重 in kg to 3): about three in five lots of weighed goods (千克)
 * carry a fraction — tenths (12.5 kg), grams (1234.567 kg), now and then the five places the
 * unit allows — and their net weight is their quantity to the gram; goods counted in pieces
 * (台, 辆) are whole, and weigh per_unit_kg net, a little more gross, each to the gram. Net
 * never exceeds gross. */
static void plan_goods(plan *p, int64_t whole, int64_t net_per_unit_kg, int64_t gross_per_unit_kg)
{
    rng f = bill_rng(p->bill);
    p->qty = whole * QTY_UNIT;
    if (strcmp(p->g->unit, "千克") == 0) {
        int roll = (int)between(&f, 0, 99);
        if (roll < 25)
            p->qty += between(&f, 1, 9) * 10000;
        else if (roll < 55)
            p->qty += between(&f, 1, 999) * 100;
        else if (roll < 60)
            p->qty += between(&f, 1, 99999);
        p->net_g = p->qty / 100;
        /* packaging: 2 to 6 per cent of the net, bulk ore none (its gross is its net) */
        int64_t tare = strncmp(p->g->hs, "26", 2) == 0 ? 0 : p->net_g * between(&f, 20, 60) / 1000;
        p->gross_g = p->net_g + tare + (tare ? between(&f, 0, 999) : 0);
    } else {
        p->net_g = whole * (net_per_unit_kg * 1000 + between(&f, 0, 999));
        p->gross_g = whole * (gross_per_unit_kg * 1000 + between(&f, 0, 999));
    }
}

/* v in 10^-places of the unit as the API's decimal text ("12.5", "1234.567"); out holds
 * DECIMAL_TEXT_MAX bytes. */
static const char *decimal_text(int64_t v, int places, char *out)
{
    decimal_format(v, places, out, DECIMAL_TEXT_MAX);
    return out;
}

/* The goods' value at their unit price, to the fen (half up) for a fractional quantity. */
static int64_t goods_value_fen(const plan *p) { return (p->qty * p->g->unit_price_fen + QTY_UNIT / 2) / QTY_UNIT; }

/* The goods of a bill: what the manifest carries is what the declaration declares. */
static json_t *plan_bill(rng *r, plan *p)
{
    plan_goods(p, between(r, p->g->min_qty, p->g->max_qty), 45, 50);
    p->packages = between(r, 10, 900);
    p->n_containers = (int)between(r, 0, 3);
    char list[40] = "";
    for (int k = 0; k < p->n_containers; k++) {
        demo_container(++container_serial, p->containers[k]);
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? "," : "", p->containers[k]);
    }
    char gross[DECIMAL_TEXT_MAX];
    return json_pack("{s:s, s:s, s:s, s:I, s:s, s:s*}", "bill_no", p->bill, "consignee", p->trader->uscc,
                     "goods_description", p->g->name, "packages", (json_int_t)p->packages, "gross_weight_kg",
                     decimal_text(p->gross_g, 3, gross), "containers", p->n_containers ? list : NULL);
}

/* Imported cars (大窑湾汽车码头: each car's RFID tag is bound to its VIN at the car gate):
 * passenger cars of 1.5 to 3 litres, declared one VIN per car (GB 16735). */
static const goods car_goods = {"8703239000", "小轿车", "DE", "辆", 0, 0, 28000000, 1, 6, {NULL}};

/* A VIN with its check digit (ISO 3779, position 9): WMI WBA, a serial never reused in one
 * run. */
static uint64_t vin_serial;
static void demo_vin(uint64_t serial, char out[18])
{
    static const char checks[] = "0123456789X";
    for (int k = 0; checks[k]; k++) {
        snprintf(out, 18, "WBA8E9C5%cN8%06llu", checks[k], (unsigned long long)(serial % 1000000ULL));
        if (check_vin(out, NULL))
            return;
    }
}

/* A car carrier's bill: a few cars, each with its VIN, no containers. */
static json_t *plan_car_bill(rng *r, plan *p)
{
    int64_t cars = between(r, p->g->min_qty, p->g->max_qty);
    plan_goods(p, cars, 1450, 1600);
    p->packages = cars;
    p->n_containers = 0;
    p->vins[0] = 0;
    for (int64_t k = 0; k < cars; k++) {
        char v[18];
        demo_vin(++vin_serial, v);
        snprintf(p->vins + strlen(p->vins), sizeof p->vins - strlen(p->vins), "%s%s", k ? "," : "", v);
    }
    char gross[DECIMAL_TEXT_MAX];
    return json_pack("{s:s, s:s, s:s, s:I, s:s}", "bill_no", p->bill, "consignee", p->trader->uscc,
                     "goods_description", p->g->name, "packages", (json_int_t)p->packages, "gross_weight_kg",
                     decimal_text(p->gross_g, 3, gross));
}

/* The terminal reports the goods of a bill: each container as it comes in, or the bill. */
static hg_rc report_arrival(db *d, rng *r, const plan *p, int64_t at, int64_t real_now, hg_err *err)
{
    principal terminal = as_role("terminal01", ROLE_SYSTEM, 0);
    json_t *out = NULL;
    hg_rc rc = HG_OK;
    for (int k = 0; k < (p->n_containers ? p->n_containers : 1) && !rc; k++) {
        json_t *a = p->n_containers ? json_pack("{s:[s]}", "containers", p->containers[k])
                                    : json_pack("{s:[s]}", "bills", p->bill);
        int64_t t = at + k * between(r, 5, 40) * 60000;
        AT(t) { rc = arrival_report(CTX_AS(d, &terminal), a, &out, err); json_decref(out); }
        json_decref(a);
    }
    return rc;
}

/* One import vessel: a container ship, or (cars) a car carrier whose bills are imported cars
 * for the first trader. */
static hg_rc one_vessel(db *d, rng *r, int64_t arrive, const char *port, int n_bills, int cars, int64_t real_now,
                        long *count, hg_err *err)
{
    principal agent = as_enterprise("dl-agent", agent_uscc), officer = as_role("officer", ROLE_OFFICER,
                                                                               POST_CLEARANCE | POST_INSPECTION | POST_TAX);
    principal lab = as_role("lab01", ROLE_SYSTEM, 0);
    plan plans[12];
    char eta[40];
    time_format_rfc3339(arrive, eta, sizeof eta);
    json_t *bills = json_array();
    for (int i = 0; i < n_bills; i++) {
        plan *p = &plans[i];
        memset(p, 0, sizeof *p);
        p->trader = &traders[cars ? 0 : next(r) % (sizeof traders / sizeof traders[0])];
        p->g = cars ? &car_goods : &catalogue[p->trader->goods[next(r) % 3]];
        int roll = (int)(next(r) % 100);
        /* cars: advance or after arrival only (no two-step, no ship-side pickup) */
        p->scenario = cars ? roll < 50 : roll < 40 ? 0 : roll < 75 ? 1 : roll < 88 ? 2 : 3;
        /* the first two traders entrust the demo broker with some of their declarations */
        p->by_broker = p->trader < &traders[2] && chance(r, 40);
        snprintf(p->bill, sizeof p->bill, "DEM%c%s%08llu", cars ? 'C' : 'O', port,
                 (unsigned long long)(next(r) % 100000000ULL));
        json_array_append_new(bills, cars ? plan_car_bill(r, p) : plan_bill(r, p));
    }
    /* the car carrier is a ro-ro ship of its own */
    json_t *m = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "direction", "import", "transport_mode", "sea",
                          "vessel_imo", cars ? "IMO9293882" : next(r) % 2 ? "IMO9074729" : "IMO9176187", "voyage",
                          "DEMO", "port", port, "eta", eta, "bills", bills);
    json_t *out = NULL;
    hg_rc rc = HG_OK;
    char manifest_no[40] = "";
    AT(arrive - between(r, 20, 40) * HOUR)
    {
        rc = manifest_create(CTX_AS(d, &agent), m, &out, err);
        if (!rc)
            snprintf(manifest_no, sizeof manifest_no, "%s", json_string_value(json_object_get(out, "manifest_no")));
        json_decref(out);
    }
    json_decref(m);
    if (rc || !manifest_no[0])
        return rc;
    int64_t filed_at[12], arrived_at[12];
    /* declarations filed before arrival: advance, two-step summaries, ship-side pickup */
    for (int i = 0; i < n_bills && !rc; i++) {
        plan *p = &plans[i];
        arrived_at[i] = arrive + between(r, 1, 6) * HOUR / 2;
        filed_at[i] = p->scenario == 1 ? arrived_at[i] + between(r, 1, 40) * HOUR : arrive - between(r, 2, 30) * HOUR;
    }
    for (int pass = 0; pass < 2 && !rc; pass++) {
        if (pass == 1) {
            AT(arrive) { rc = manifest_arrived(CTX_AS(d, &agent), manifest_no, arrive, &out, err); json_decref(out); }
            for (int i = 0; i < n_bills && !rc; i++)
                rc = report_arrival(d, r, &plans[i], arrived_at[i], real_now, err);
        }
        for (int i = 0; i < n_bills && !rc; i++) {
            plan *p = &plans[i];
            if ((p->scenario == 1) != (pass == 1))
                continue;
            principal trader = as_enterprise(p->trader->user, p->trader->uscc);
            principal declarant = p->by_broker ? as_enterprise("dl-broker", broker_uscc) : trader;
            char value[32], qty[DECIMAL_TEXT_MAX], gross[DECIMAL_TEXT_MAX], net[DECIMAL_TEXT_MAX];
            money_format(goods_value_fen(p), value, sizeof value);
            json_t *decl = json_pack(
                "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:[{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, "
                "s:b}]}",
                "direction", "import", "kind", p->scenario == 2 ? "summary" : "complete", "declarant",
                declarant.enterprise,
                "consignee", p->trader->uscc, "port", port, "transport_mode", "sea", "bill_no", p->bill,
                "trade_country", p->g->origin, "ship_side_pickup", p->scenario == 3, "items", "hs_code", p->g->hs, "name", p->g->name, "origin", p->g->origin,
                "quantity", decimal_text(p->qty, 5, qty), "unit", p->g->unit, "value", value, "currency", "CNY",
                "gross_weight_kg", decimal_text(p->gross_g, 3, gross), "net_weight_kg", decimal_text(p->net_g, 3, net),
                "frozen", p->g->frozen);
            if (decl && cars)
                json_object_set_new(json_array_get(json_object_get(decl, "items"), 0), "vins", json_string(p->vins));
            const char *producer = NULL;
            int skip = 0;
            /* the producer from the bill's number, not the generator: the rest of the month draws
             * what it drew before producers were named */
            uint64_t pick = (uint64_t)(unsigned char)p->bill[strlen(p->bill) - 1];
            if (decl && (rc = choose_producer(d, p->g, pick, filed_at[i], &producer, &skip, err))) {
                json_decref(decl);
                break;
            }
            if (skip) {   /* every producer of these goods is suspended: not bought this time */
                json_decref(decl);
                continue;
            }
            if (decl && producer)
                json_object_set_new(json_array_get(json_object_get(decl, "items"), 0), "producer",
                                    json_string(producer));
            AT(filed_at[i])
            {
                rc = declaration_file(CTX_AS(d, &declarant), decl, &out, err);
                if (!rc) {
                    snprintf(p->entry, sizeof p->entry, "%s", json_string_value(json_object_get(out, "entry_no")));
                    (*count)++;
                }
                json_decref(out);
            }
            json_decref(decl);
            /* some are modified, cancelled or returned and refiled before their tax is paid */
            int cancelled = 0;
            if (!rc && p->entry[0] && p->scenario != 2)
                rc = cargo_demo_life(d, &declarant, p->entry, filed_at[i], real_now, &cancelled, err);
            if (cancelled)
                p->entry[0] = '\0'; /* nothing more happens to it */
            if (!rc && p->entry[0]) {   /* tax: a guarantee for summaries, else paid within hours */
                int64_t t = filed_at[i] + between(r, 1, 12) * HOUR;
                AT(t) { rc = settle_tax(d, &trader, p->entry, p->scenario == 2, err); }
            }
        }
    }
    /* laboratories, inspections and officers' releases, in the hours after arrival */
    for (int i = 0; i < n_bills && !rc; i++) {
        plan *p = &plans[i];
        if (!p->entry[0])
            continue;
        json_t *samples = NULL;
        principal trader = as_enterprise(p->trader->user, p->trader->uscc);
        int positive = 0;
        int64_t t = (filed_at[i] > arrived_at[i] ? filed_at[i] : arrived_at[i]) + between(r, 4, 30) * HOUR;
        if (sample_list(d, &officer, p->entry, NULL, &samples, err) == HG_OK) {
            size_t k;
            json_t *smp;
            json_array_foreach(json_object_get(samples, "items"), k, smp)
            {
                int pos = chance(r, 3);
                json_t *res = json_pack("{s:s}", "result", pos ? "positive" : "negative");
                AT(t) { rc = sample_result(CTX_AS(d, &lab), json_string_value(json_object_get(smp, "barcode")), res, &out, err); json_decref(out); positive |= pos; }
                json_decref(res);
            }
        }
        json_decref(samples);
        json_t *tasks = NULL;
        if (!rc && inspection_list(d, "open", NULL, NULL, 200, &tasks, err) == HG_OK) {
            size_t k;
            json_t *task;
            json_array_foreach(json_object_get(tasks, "items"), k, task)
            {
                if (rc || strcmp(json_string_value(json_object_get(task, "entry_no")), p->entry) != 0)
                    continue;
                json_t *res = positive ? json_pack("{s:s, s:s, s:s}", "result", "fail", "findings", "核酸检测阳性",
                                                   "disposal", chance(r, 50) ? "return" : "destroy")
                                       : json_pack("{s:s, s:s}", "result", "pass", "findings", "货证相符");
                int64_t ti = t + between(r, 1, 8) * HOUR;
                AT(ti)
                {
                    rc = inspection_result(CTX_AS(d, &officer), json_integer_value(json_object_get(task, "id")), res, &out,
                                           err);
                    json_decref(out);
                    if (!rc && !positive) {
                        AT(ti + between(r, 1, 4) * HOUR / 2)
                        {
                            hg_err ignored;   /* e.g. tax still due: the goods wait, as at a real port */
                            if (declaration_release(CTX_AS(d, &officer), p->entry, &out, &ignored) == HG_OK)
                                json_decref(out);
                        }
                    }
                }
                json_decref(res);
            }
        }
        json_decref(tasks);
        if (!rc && p->scenario == 2) {   /* the complete declaration, within its 14 days (mostly) */
            json_t *c = json_pack("{s:[s]}", "elements", "1|0|演示|无品牌|无型号");
            int64_t tc = arrive + between(r, 2, 16) * DAY;
            AT(tc) { hg_err ignored; if (declaration_complete(CTX_AS(d, &trader), p->entry, c, &out, &ignored) == HG_OK) json_decref(out); }
            json_decref(c);
        }
    }
    /* the released goods leave through the gate within hours of their release: cargo draws
     * the gate and the moment (so that a seed gives the same month with or without a gate
     * area), the areas after it record the exit (CARGO_DEMO_DEPARTURES) */
    for (int i = 0; i < n_bills && !rc; i++) {
        int64_t released = 0;
        if (!plans[i].entry[0] ||
            db_int(d, &released, err, "SELECT COALESCE(released_ms, 0) FROM declarations WHERE entry_no = ?", "t",
                   plans[i].entry) ||
            !released)
            continue;
        int gate_no = chance(r, 50) ? 1 : 2;
        int64_t t = released + between(r, 1, 16) * HOUR / 2;
        AT(t) { rc = departures(d, plans[i].entry, gate_no, err); }
        if (!rc) /* a few are amended by customs days later (补税/退税) */
            rc = cargo_demo_amend(d, plans[i].entry, released, real_now, err);
    }
    return rc;
}

/* An export vessel: the agent's manifest, declarations by the shippers mostly before the goods
 * reach the terminal (advance), arrival reports as the boxes come in, and some arrival direct
 * loading (抵港直装) released when the vessel is at berth. No tax on these exports. */
static const goods export_catalogue[] = {
    {"7208510000", "热轧中厚板", "CN", "千克", 0, 0, 450, 200000, 800000, {NULL}},
    {"8483409000", "齿轮箱", "CN", "台", 0, 0, 296700, 10, 200, {NULL}},
    {"1604140000", "金枪鱼罐头", "CN", "千克", 0, 0, 3500, 5000, 20000, {NULL}},
};

static hg_rc one_export_vessel(db *d, rng *r, int64_t berth, const char *port, int n_bills, int64_t real_now,
                               long *count, hg_err *err)
{
    principal agent = as_enterprise("dl-agent", agent_uscc);
    plan plans[12];
    char eta[40], manifest_no[40] = "";
    time_format_rfc3339(berth, eta, sizeof eta);
    json_t *bills = json_array(), *out = NULL;
    for (int i = 0; i < n_bills; i++) {
        memset(&plans[i], 0, sizeof plans[i]);
        plans[i].trader = &traders[next(r) % 3];   /* the dishonest e-commerce firm does not export */
        plans[i].g = &export_catalogue[next(r) % (sizeof export_catalogue / sizeof export_catalogue[0])];
        plans[i].scenario = chance(r, 30);   /* 1: arrival direct loading (抵港直装) */
        snprintf(plans[i].bill, sizeof plans[i].bill, "DEMX%s%08llu", port, (unsigned long long)(next(r) % 100000000ULL));
        json_array_append_new(bills, plan_bill(r, &plans[i]));
    }
    json_t *m = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "direction", "export", "transport_mode", "sea",
                          "vessel_imo", "IMO9176187", "voyage", "DEMO", "port", port, "eta", eta, "bills", bills);
    hg_rc rc = HG_OK;
    AT(berth - between(r, 30, 48) * HOUR)
    {
        rc = manifest_create(CTX_AS(d, &agent), m, &out, err);
        if (!rc)
            snprintf(manifest_no, sizeof manifest_no, "%s", json_string_value(json_object_get(out, "manifest_no")));
        json_decref(out);
    }
    json_decref(m);
    if (rc || !manifest_no[0])
        return rc;
    for (int i = 0; i < n_bills && !rc; i++) {
        principal shipper = as_enterprise(plans[i].trader->user, plans[i].trader->uscc);
        char value[32], qty[DECIMAL_TEXT_MAX], gross[DECIMAL_TEXT_MAX], net[DECIMAL_TEXT_MAX];
        money_format(goods_value_fen(&plans[i]), value, sizeof value);
        json_t *decl = json_pack(
            "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:[{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}]}",
            "direction", "export", "kind", "complete", "declarant", plans[i].trader->uscc, "consignor",
            plans[i].trader->uscc, "port", port, "transport_mode", "sea", "bill_no", plans[i].bill, "trade_country",
            "JP", "arrival_direct_loading", plans[i].scenario, "items", "hs_code", plans[i].g->hs, "name",
            plans[i].g->name, "origin", "CN", "quantity", decimal_text(plans[i].qty, 5, qty), "unit", plans[i].g->unit,
            "value", value, "currency", "CNY", "gross_weight_kg", decimal_text(plans[i].gross_g, 3, gross),
            "net_weight_kg", decimal_text(plans[i].net_g, 3, net));
        int64_t tf = berth - between(r, 6, 30) * HOUR;
        AT(tf)
        {
            rc = declaration_file(CTX_AS(d, &shipper), decl, &out, err);
            if (!rc) {
                snprintf(plans[i].entry, sizeof plans[i].entry, "%s", json_string_value(json_object_get(out, "entry_no")));
                (*count)++;
            }
            json_decref(out);
        }
        json_decref(decl);
        if (!rc && !plans[i].scenario)   /* boxes reach the terminal within hours of filing */
            rc = report_arrival(d, r, &plans[i], tf + between(r, 1, 5) * HOUR / 2, real_now, err);
    }
    AT(berth) { if (!rc) { rc = manifest_arrived(CTX_AS(d, &agent), manifest_no, berth, &out, err); json_decref(out); } }
    /* arrival direct loading (抵港直装): the goods come to the terminal once the vessel is at
     * berth, and their arrival report releases them; the moment drawn from the bill's own
     * generator, so that the month draws what it drew before */
    for (int i = 0; i < n_bills && !rc; i++) {
        if (!plans[i].scenario || !plans[i].entry[0])
            continue;
        rng f = bill_rng(plans[i].bill);
        rc = report_arrival(d, &f, &plans[i], berth + between(&f, 1, 6) * HOUR / 4, real_now, err);
    }
    return rc;
}

hg_rc cargo_demo_activity(db *d, const demo_options *o, hg_err *err)
{
    rng r = {o->seed ? o->seed : 2020};
    container_serial = (o->seed ? o->seed : 2020) % 1000 * 1000;   /* the same numbers for the same seed */
    vin_serial = container_serial;
    /* the car carriers draw from a generator of their own, so that the container ships' month
     * is the same with or without them */
    rng cars = {(o->seed ? o->seed : 2020) ^ 0x5eedca75ULL};
    int64_t real_now = now_ms();
    long count = 0;
    int64_t done = 0;
    hg_rc rc = db_int(d, &done, err, "SELECT COUNT(*) FROM manifests WHERE voyage = 'DEMO'", "");
    if (!rc && done) {   /* once per database: a second run would double the history */
        printf("port activity was generated before; skipped\n");
        return HG_OK;
    }
    if (!rc)
        rc = db_bulk_mode(d, err);
    /* day by day up to now: a few vessels at each port, scaled */
    int64_t start = (real_now / DAY - o->days) * DAY;
    for (int day = 0; day < o->days && !rc; day++) {
        for (size_t p = 0; p < sizeof ports / sizeof ports[0] && !rc; p++) {
            int vessels = (int)between(&r, 1, 3) * o->scale;
            for (int v = 0; v < vessels && !rc; v++)
                rc = one_vessel(d, &r, start + day * DAY + between(&r, 0, 22) * HOUR, ports[p], (int)between(&r, 3, 10),
                                0, real_now, &count, err);
            if (!rc && chance(&r, 70))
                rc = one_export_vessel(d, &r, start + day * DAY + between(&r, 0, 22) * HOUR, ports[p],
                                       (int)between(&r, 3, 10), real_now, &count, err);
        }
        /* a car carrier at 大连港湾 (0901) every third day, a few bills of imported cars */
        if (!rc && day % 3 == 1)
            rc = one_vessel(d, &cars, start + day * DAY + between(&cars, 0, 22) * HOUR, ports[0],
                            (int)between(&cars, 2, 4), 1, real_now, &count, err);
        if (isatty(2))
            fprintf(stderr, "\rdemo: day %d of %d, %ld declarations", day + 1, o->days, count);
    }
    clock_simulate(0);
    if (isatty(2))
        fprintf(stderr, "\n");
    if (!rc)
        printf("generated %d days of port activity: %ld declarations\n", o->days, count);
    return rc;
}
