/* certificate_demo.c — the certificate area's demo data (`haiguan demo --days N`): over the
 * generated days, export consignments of the demo exporters (frozen fish, apples, canned tuna,
 * steel plate) inspected and passed by the inspection post, their certificates of several kinds
 * applied for and issued, a few annulled or replaced, and the online checks importing
 * authorities made, some with a wrong code. Everything through the store functions (cargo's
 * through cargo.h), each write its own transaction, on the simulated clock; skipped when
 * certificates exist or no days are generated. */
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../platform/log.h"
#include "../platform/module.h"
#include "certificate.h"

#define HOUR_MS 3600000LL
#define DAY_MS (24 * HOUR_MS)

typedef struct consignment {
    const char *user, *uscc, *kind, *goods, *hs, *unit, *consignee, *country;
    int64_t qty;
} consignment;

static const consignment plan[] = {
    {"dl-fishery", "91210200716215023J", "HC", "冷冻鳕鱼片 18 吨", "0304719000", "千克", "Busan Seafood Co.", "KR",
     18000},
    {"dl-trading", "91210200241600015L", "PC", "鲜苹果 20 吨（富士）", "0808100000", "千克", "Osaka Fruit K.K.", "JP",
     20000},
    {"dl-fishery", "91210200716215023J", "VC", "冷冻扇贝柱 6 吨", "0307229000", "千克", "Tokyo Marine Foods", "JP",
     6000},
    {"dl-trading", "91210200241600015L", "QC", "金枪鱼罐头 1200 箱", "1604140000", "千克", "Rotterdam Foods B.V.", "NL",
     14400},
};

static principal as(const char *user, const char *uscc, unsigned role, unsigned posts)
{
    principal p = {.role = role, .posts = posts};
    snprintf(p.name, sizeof p.name, "%s", user);
    if (uscc)
        snprintf(p.enterprise, sizeof p.enterprise, "%s", uscc);
    return p;
}

static hg_ctx at(db *d, const principal *who, int64_t t)
{
    clock_simulate(t);
    hg_ctx c = ctx_command(d, who->name);
    c.who = who;
    c.now_ms = t;
    return c;
}

/* One consignment from manifest to certificate: the id of the issued certificate in id. */
static hg_rc one(db *d, int n, int64_t t, char id[48], hg_err *err)
{
    const consignment *p = &plan[n % (int)(sizeof plan / sizeof plan[0])];
    principal agent = as("dl-agent", "91210200118877668W", ROLE_ENTERPRISE, 0);
    principal shipper = as(p->user, p->uscc, ROLE_ENTERPRISE, 0);
    principal officer = as("officer", NULL, ROLE_OFFICER, POST_INSPECTION);
    char bill[24], eta[40], entry[20] = "", status[16] = "";
    snprintf(bill, sizeof bill, "DEMC0902%08d", n + 1);
    time_format_rfc3339(t + 30 * HOUR_MS, eta, sizeof eta);
    json_t *out = NULL;
    json_t *m = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:[{s:s, s:s, s:s, s:I, s:I}]}", "direction", "export",
                          "transport_mode", "sea", "vessel_imo", "IMO9176187", "voyage", "CERT", "port", "0901", "eta",
                          eta, "bills", "bill_no", bill, "consignee", p->uscc, "goods_description", p->goods,
                          "packages", (json_int_t)120, "gross_weight_kg", (json_int_t)(p->qty + 800));
    hg_ctx c = at(d, &agent, t);
    hg_rc rc = m ? manifest_create(&c, m, &out, err) : HG_NOMEM;
    json_decref(m);
    json_decref(out);
    out = NULL;
    json_t *decl = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:[{s:s, s:s, s:s, s:I, s:s, s:s, s:s, s:I, s:I}]}", "direction",
        "export", "kind", "complete", "declarant", p->uscc, "consignor", p->uscc, "port", "0901", "transport_mode",
        "sea", "bill_no", bill, "trade_country", p->country, "items", "hs_code", p->hs, "name", p->goods, "origin",
        "CN", "quantity", (json_int_t)p->qty, "unit", p->unit, "value", "250000.00", "currency", "CNY",
        "gross_weight_kg", (json_int_t)(p->qty + 800), "net_weight_kg", (json_int_t)p->qty);
    c = at(d, &shipper, t + HOUR_MS);
    if (!rc)
        rc = decl ? declaration_file(&c, decl, &out, err) : HG_NOMEM;
    json_decref(decl);
    if (!rc) {
        snprintf(entry, sizeof entry, "%s", json_string_value(json_object_get(out, "entry_no")));
        snprintf(status, sizeof status, "%s", json_string_value(json_object_get(out, "status")));
    }
    json_decref(out);
    out = NULL;
    /* the inspection post inspects the goods the certificate will attest: an officer orders it,
     * unless risk screening already selected the declaration (an order is refused on one
     * already being inspected: its open task is the one the post works) */
    json_t *order = json_pack("{s:s, s:s}", "kind", "manual", "reason", "出口检验检疫（申请证书）");
    c = at(d, &officer, t + 3 * HOUR_MS);
    if (!rc && strcmp(status, DECL_INSPECTION) != 0)
        rc = inspection_order(&c, entry, order, &out, err);
    json_decref(order);
    json_decref(out);
    out = NULL;
    int64_t task = 0;
    if (!rc)
        rc = db_int(d, &task, err, "SELECT id FROM cargo_inspections WHERE entry_no = ? AND status = 'open'", "t",
                    entry);
    json_t *res = json_pack("{s:s, s:s}", "result", "pass", "findings", "货证相符，符合输入国要求");
    c = at(d, &officer, t + 6 * HOUR_MS);
    if (!rc)
        rc = inspection_result(&c, task, res, &out, err);
    json_decref(res);
    json_decref(out);
    out = NULL;
    json_t *app = json_pack("{s:s, s:s, s:s, s:s, s:s}", "entry_no", entry, "kind", p->kind, "consignee_name",
                            p->consignee, "destination_country", p->country, "goods", p->goods);
    c = at(d, &shipper, t + 7 * HOUR_MS);
    if (!rc)
        rc = certificate_apply(&c, app, &out, err);
    json_decref(app);
    if (!rc)
        snprintf(id, 48, "%s", json_string_value(json_object_get(out, "id")));
    json_decref(out);
    out = NULL;
    c = at(d, &officer, t + 9 * HOUR_MS);
    if (!rc)
        rc = certificate_issue(&c, id, NULL, &out, err);
    json_decref(out);
    return rc;
}

/* The importing authority's checks, now and then one with a wrong code (a forged copy). */
static hg_rc checks(db *d, const char *id, int n, int64_t t, hg_err *err)
{
    json_t *cert = NULL, *out = NULL;
    principal officer = as("officer", NULL, ROLE_OFFICER, POST_INSPECTION);
    hg_rc rc = certificate_get(d, &officer, id, &cert, err);
    char no[20] = "", code[16] = "", addr[32];
    if (!rc) {
        snprintf(no, sizeof no, "%s", json_string_value(json_object_get(cert, "cert_no")));
        snprintf(code, sizeof code, "%s", json_string_value(json_object_get(cert, "code")));
    }
    json_decref(cert);
    principal anyone = as("anonymous", NULL, 0, 0);
    for (int k = 0; k < 1 + n % 3 && !rc; k++) {
        snprintf(addr, sizeof addr, "203.0.113.%d", 10 + (n + k) % 200);
        hg_ctx c = at(d, &anyone, t + (12 + 5 * k) * HOUR_MS);
        c.who = NULL;
        int retry = 0;
        rc = certificate_verify(&c, no, n % 7 == 3 && k == 0 ? "FORGED2345" : code, NULL, addr, &out, &retry, err);
        json_decref(out);
        out = NULL;
    }
    return rc;
}

hg_rc certificate_demo(db *d, hg_err *err)
{
    int64_t existing = 0;
    hg_rc rc = db_int(d, &existing, err, "SELECT COUNT(*) FROM certificates", "");
    int days = hg_demo_options.days > 31 ? 31 : hg_demo_options.days;
    if (rc || existing || days <= 0)
        return rc;
    int64_t real = now_ms(), start = real - (int64_t)days * DAY_MS;
    start -= start % DAY_MS;
    principal officer = as("officer", NULL, ROLE_OFFICER, POST_INSPECTION);
    int n = 0;
    for (int day = 0; day < days && !rc; day++) {
        for (int k = 0; k < 2 && !rc; k++, n++) {
            int64_t t = start + day * DAY_MS + (1 + 4 * k) * HOUR_MS; /* 09:00 and 13:00 in Shanghai */
            if (t + 30 * HOUR_MS > real)
                break;
            char id[48] = "";
            rc = one(d, n, t, id, err);
            if (!rc)
                rc = checks(d, id, n, t, err);
            json_t *out = NULL;
            /* now and then the consignee was wrong (replaced) or the goods did not ship (annulled) */
            if (!rc && n % 9 == 4) {
                json_t *b = json_pack("{s:s, s:s}", "reason", "收货人名称有误，更正后重新签发", "consignee_name",
                                      "Busan Seafood Trading Co., Ltd.");
                hg_ctx c = at(d, &officer, t + 20 * HOUR_MS);
                rc = certificate_replace(&c, id, b, NULL, &out, err);
                json_decref(b);
            } else if (!rc && n % 11 == 7) {
                json_t *b = json_pack("{s:s}", "reason", "货物退关未出运，证书作废");
                hg_ctx c = at(d, &officer, t + 20 * HOUR_MS);
                rc = certificate_annul(&c, id, b, &out, err);
                json_decref(b);
            }
            json_decref(out);
        }
    }
    clock_simulate(0);
    if (!rc)
        log_info("demo: %d certificates issued over %d days", n, days);
    return rc;
}
