/* vessel_demo.c — the vessel area's part of generated port activity (`haiguan demo --days N`):
 * a call for every import manifest's vessel that cargo's generator made (the same ship, port,
 * voyage and ETA, so the two agree), each declared by the demo shipping agent a day or so
 * ahead, mostly radio pratique; and, each week, ships of the other levels — a cold-chain bulk
 * ship whose joined crew member was not tested and one of whose crew tests positive (no
 * unloading, ordered to leave, lifted after it left), a repair ship tested on application, a
 * ship locked for a fever — plus three ships expected in the next 72 hours for the board. All
 * through the stores with the clock of the moment they happen. The extra ships carry IMO
 * numbers of their own, so their orders hold none of cargo's demo goods. Skips when calls
 * exist. Not for: tests of the rules (the API suite). */
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../platform/calendar.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/module.h"
#include "../platform/record.h"
#include "vessel.h"

#define HOUR 3600000LL
#define DAY (24 * HOUR)

static const char *const agent_uscc = "91210200118877668W"; /* the demo's shipping agent */
static const char *const families[] = {"SANTOS", "REYES", "CRUZ", "WANG",   "LI",
                                       "ZHANG",  "KIM",   "PARK", "IVANOV", "NGUYEN"};
static const char *const givens[] = {"JOSE", "MARIO", "ANA", "WEI", "NA", "LEI", "MINHO", "JISOO", "PAVEL", "AN"};
static const char *const ranks[] = {"Master", "Chief Officer", "Chief Engineer", "AB", "OS", "Oiler", "Cook", "Bosun"};
static const char *const prior_ports[] = {"KRPUS", "JPYOK", "SGSIN", "CNSHA", "VNHPH"};

typedef struct actors {
    principal agent, officer, lab, inspector;
} actors;

static hg_ctx at(db *d, const principal *who, int64_t ms)
{
    return (hg_ctx){.d = d, .who = who, .actor = who->name, .now_ms = ms};
}

static void day_text(int64_t ms, char out[11]) { calendar_format_date(calendar_day_of(ms), out); }

/* A crew of n, long aboard, each with a temperature; the last joined within the week when
 * joined is set (tested when tested is set). */
static json_t *crew(int n, int64_t eta, int serial, int joined, int tested, int fever)
{
    json_t *list = json_array();
    char d1[11], d2[11], exp[11], doc[20];
    day_text(eta + 400 * DAY, exp);
    for (int i = 0; i < n; i++) {
        int last = joined && i == n - 1;
        day_text(eta - (last ? 5 : 60 + i) * DAY, d1);
        day_text(eta - 7 * DAY, d2);
        snprintf(doc, sizeof doc, "SB%05d%02d", serial % 100000, i);
        json_t *p = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i}", "kind", "crew",
                              "family_name", families[(serial + i) % 10], "given_name", givens[(serial * 3 + i) % 10],
                              "rank", ranks[i % 8], "nationality", i % 3 ? "PH" : "CN", "birth_date", "1986-05-17",
                              "document_type", "seafarer_book", "document_no", doc, "document_state",
                              i % 3 ? "PH" : "CN", "document_expiry", exp, "embarked_port", last ? "KRPUS" : "SGSIN",
                              "embarked_on", d1, "temperature_dc", fever && i == 1 ? 381 : 362 + (i % 5));
        if (last && tested) {
            json_object_set_new(p, "test_on", json_string(d2));
            json_object_set_new(p, "test_result", json_string("negative"));
        }
        json_array_append_new(list, p);
    }
    return list;
}

static json_t *declaration(const char *name, const char *imo, const char *voyage, const char *port, int64_t eta,
                           const char *purpose, const char *cargo, int cert_ok, int serial, json_t *persons, int joined)
{
    char eta_s[40], left[11], arrived[11], cert[11];
    time_format_rfc3339(eta, eta_s, sizeof eta_s);
    day_text(eta - 3 * DAY, left);
    day_text(eta - 4 * DAY, arrived);
    day_text(eta - (cert_ok ? 40 : 220) * DAY, cert);
    json_t *b = json_pack("{s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:s, s:s, s:s, s:s, s:[{s:s, s:s, s:s}], s:s, s:s, s:s,"
                          " s:b, s:i, s:o}",
                          "vessel_name", name, "imo", imo, "call_sign", serial % 2 ? "VRAB5" : "3FQK8", "flag",
                          serial % 2 ? "PA" : "LR", "gross_tonnage", 18000 + serial % 40 * 1000, "voyage", voyage,
                          "port", port, "arrival_port", strcmp(port, "0908") == 0 ? "CNDLC" : "CNDLC", "eta", eta_s,
                          "purpose", purpose, "cargo_kind", cargo, "last_ports", "locode", prior_ports[serial % 5],
                          "arrived_on", arrived, "left_on", left, "sanitation_cert", "sscec", "cert_place", "SGSIN",
                          "cert_issued_on", cert, "affected_area", 0, "joined", joined, "persons", persons);
    for (int q = 0; b && q < VESSEL_QUESTIONS; q++)
        json_object_set_new(b, vessel_questions[q], json_false());
    return b;
}

/* A moment's body {"at": ...}. */
static json_t *moment(int64_t ms)
{
    char t[40];
    time_format_rfc3339(ms, t, sizeof t);
    return json_pack("{s:s}", "at", t);
}

/* Runs one store call whose answer is not needed; a business refusal is the demo's plan going
 * where the rules say (logged as such by the caller's counts), a fault stops it. */
#define DO(expr)                                                                                                       \
    do {                                                                                                               \
        json_t *out_ = NULL;                                                                                           \
        if (!rc)                                                                                                       \
            rc = (expr);                                                                                               \
        if (rc == HG_CONFLICT || rc == HG_INVALID)                                                                     \
            rc = HG_OK;                                                                                                \
        json_decref(out_);                                                                                             \
        (void)out_;                                                                                                    \
    } while (0)

/* Lifts every order in force on the call at ms, with a reason. */
static hg_rc lift_all(db *d, const principal *officer, const char *call_no, int64_t ms, const char *reason, hg_err *err)
{
    json_t *orders = NULL;
    hg_rc rc = vessel_orders_json(d, call_no, &orders, err);
    hg_ctx c = at(d, officer, ms);
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(orders, "items"), i, o)
    {
        if (!json_is_null(json_object_get(o, "lifted_at")))
            continue;
        json_t *why = json_pack("{s:s}", "reason", reason);
        DO(vessel_order_lift(&c, json_string_value(json_object_get(o, "order_no")), why, &out_, err));
        json_decref(why);
    }
    json_decref(orders);
    return rc;
}

/* One call from declaration to departure (when it is past), by the plan's kind: 0 clean, 1
 * certificate expired (boarding), 2 cold-chain with a joined crew member untested and a
 * positive (when positive), 3 repair ship tested, 4 fever (locked). */
static hg_rc one_call(db *d, const actors *a, const char *name, const char *imo, const char *voyage, const char *port,
                      int64_t eta, int kind, int positive, int serial, int64_t now, hg_err *err)
{
    int cold = kind == 2, repair = kind == 3;
    json_t *persons = crew(12 + serial % 9, eta, serial, cold, 0, kind == 4);
    json_t *body = declaration(name, imo, voyage, port, eta,
                               cold     ? "crew_change"
                               : repair ? "repair"
                                        : "cargo",
                               cold     ? "bulk_refrigerated"
                               : repair ? "none"
                                        : "container",
                               kind != 1, serial, persons, cold);
    json_t *call = NULL, *tmp = NULL;
    int64_t declared = eta - (serial % 11 == 0 ? 10 : 30) * HOUR; /* now and then late */
    if (declared > now)
        declared = now - HOUR;
    hg_ctx c = at(d, &a->agent, declared);
    hg_rc rc = body ? call_declare(&c, body, &call, err) : HG_NOMEM;
    json_decref(body);
    if (rc)
        return rc == HG_INVALID ? HG_OK : rc;
    char no[40];
    snprintf(no, sizeof no, "%s", json_string_value(json_object_get(call, "call_no")));
    const char *level = json_string_value(json_object_get(call, "level"));
    int aboard = strcmp(level, "radio_pratique") != 0;
    json_decref(call);
    if (eta > now) /* expected: declared only */
        return HG_OK;
    if (cold || repair) {
        c = at(d, &a->agent, declared + HOUR);
        json_t *none = json_object();
        rc = vessel_testing_apply(&c, no, none, &tmp, err);
        json_decref(none);
        json_t *samples = json_incref(json_object_get(tmp, "items"));
        json_decref(tmp);
        tmp = NULL;
        size_t i;
        json_t *s;
        c = at(d, &a->lab, eta - 2 * HOUR);
        json_array_foreach(samples, i, s)
        {
            json_t *res = json_pack("{s:s, s:s}", "barcode", json_string_value(json_object_get(s, "barcode")), "result",
                                    positive && i == json_array_size(samples) - 1 ? "positive" : "negative");
            DO(vessel_sample_result(&c, no, res, &out_, err));
            json_decref(res);
        }
        json_decref(samples);
    }
    c = at(d, &a->officer, eta + HOUR);
    json_t *m = moment(eta);
    DO(call_arrived(&c, no, m, &out_, err));
    json_decref(m);
    if (aboard) {
        char t[40];
        time_format_rfc3339(eta + HOUR / 2, t, sizeof t);
        json_t *b = json_pack("{s:s, s:s, s:i, s:s}", "started_at", t, "ended_at", t, "crew_screened", 12 + serial % 9,
                              "findings", kind == 4 ? "一名船员体温37.8°C，复测36.9°C" : "船员健康状况正常");
        DO(call_board(&c, no, b, &out_, err));
        json_decref(b);
    }
    /* a refrigerated cargo unloaded under the inspection post's supervision the day after; a
     * positive ship's task was closed by its no-unloading order */
    if (cold && !positive && eta + DAY < now) {
        db_stmt *st = NULL;
        char task[40] = "";
        if (!rc)
            rc = db_query(d, &st, err,
                          "SELECT task_no FROM vessel_tasks WHERE call_no = ? AND kind = 'disinfection' AND status = "
                          "'open'",
                          "t", no);
        if (!rc && (rc = db_step(st, err)) == HG_ROW)
            snprintf(task, sizeof task, "%s", db_col_text(st, 0));
        if (rc == HG_ROW || rc == HG_DONE)
            rc = HG_OK;
        if (st)
            db_reset(st);
        json_t *res = json_pack("{s:s}", "result", "散装冷藏货物卸货全程消毒监督，消毒记录在案");
        c = at(d, &a->inspector, eta + DAY);
        if (task[0])
            DO(vessel_task_close(&c, task, res, &out_, err));
        json_decref(res);
    }
    /* a fever re-measured on board: the rules' order lifted, then free pratique */
    if (kind == 4)
        rc = lift_all(d, &a->officer, no, eta + 2 * HOUR, "复测体温正常，解除管控", err);
    c = at(d, &a->officer, eta + 3 * HOUR);
    json_t *p = json_pack("{s:s, s:s}", "decision", positive ? "refused" : "granted", "reason",
                          positive ? "船员核酸阳性，责令离港"
                          : aboard ? "登临检疫合格"
                                   : "电讯检疫：证书有效，申报及时");
    DO(call_pratique(&c, no, p, &out_, err));
    json_decref(p);
    /* the ship leaves (a positive one the same day, ordered to); its order lifted after */
    int64_t leave = eta + (positive ? 12 : 40) * HOUR;
    if (leave < now) {
        json_t *mm = moment(leave);
        c = at(d, &a->officer, leave);
        DO(call_departed(&c, no, mm, &out_, err));
        json_decref(mm);
        if (!rc && positive && leave + HOUR < now)
            rc = lift_all(d, &a->officer, no, leave + HOUR, "船舶已离港，留港货物已消毒", err);
    }
    return rc;
}

/* An IMO number with its check digit, from six digits. */
static void imo_of(int six, char out[16])
{
    int d[6], sum = 0;
    for (int i = 5; i >= 0; i--, six /= 10)
        d[i] = six % 10;
    for (int i = 0; i < 6; i++)
        sum += d[i] * (7 - i);
    snprintf(out, 16, "IMO%d%d%d%d%d%d%d", d[0], d[1], d[2], d[3], d[4], d[5], sum % 10);
}

hg_rc vessel_demo(db *d, hg_err *err)
{
    int64_t n = 0, now = now_ms();
    hg_rc rc = db_int(d, &n, err, "SELECT COUNT(*) FROM vessel_calls", "");
    if (rc || n)
        return rc;
    actors a = {.agent = {.role = ROLE_ENTERPRISE},
                .officer = {.role = ROLE_OFFICER, .posts = POST_QUARANTINE},
                .lab = {.role = ROLE_SYSTEM},
                .inspector = {.role = ROLE_OFFICER, .posts = POST_INSPECTION}};
    snprintf(a.agent.name, sizeof a.agent.name, "dl-agent");
    snprintf(a.agent.enterprise, sizeof a.agent.enterprise, "%s", agent_uscc);
    snprintf(a.officer.name, sizeof a.officer.name, "quarantine");
    snprintf(a.lab.name, sizeof a.lab.name, "lab01");
    snprintf(a.inspector.name, sizeof a.inspector.name, "officer");
    /* the manifests' vessels: cargo's generated import manifests, one call each */
    char(*manifests)[40] = NULL;
    int count = 0, cap = 0;
    db_stmt *s = NULL;
    rc = db_query(d, &s, err, "SELECT manifest_no, port FROM cargo_manifests ORDER BY manifest_no", "");
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        if (count == cap) {
            cap = cap ? 2 * cap : 64;
            char(*g)[40] = xrealloc(manifests, (size_t)cap * 2 * sizeof *manifests);
            if (!g) {
                rc = HG_NOMEM;
                break;
            }
            manifests = g;
        }
        snprintf(manifests[2 * count], 40, "%s", db_col_text(s, 0));
        snprintf(manifests[2 * count + 1], 40, "%s", db_col_text(s, 1));
        count++;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    int serial = 0;
    for (int i = 0; !rc && i < count; i++) {
        char imo[16], voyage[24];
        int64_t eta = 0;
        rc = cargo_manifest_vessel(d, manifests[2 * i], imo, voyage, &eta, err);
        if (rc || !imo[0] || !voyage[0] || eta > now)
            continue;
        serial++;
        rc = one_call(d, &a, strcmp(imo, "IMO9074729") == 0 ? "COSCO DALIAN" : "XIN HAI", imo, voyage,
                      manifests[2 * i + 1], eta, serial % 6 == 0 ? 1 : 0, 0, serial, now, err);
    }
    xfree(manifests);
    /* each week: a ship of each other level, with IMO numbers of their own */
    int days = hg_demo_options.days > 0 ? hg_demo_options.days : 0;
    for (int w = 0; !rc && w * 7 < days; w++) {
        int64_t base = now - (int64_t)(days - w * 7) * DAY + 10 * HOUR;
        char imo[16];
        imo_of(930100 + w * 7, imo);
        rc = one_call(d, &a, "BING HAI", imo, "R01", "0901", base + DAY, 2, w == 0, 900 + w, now, err);
        imo_of(930200 + w * 7, imo);
        if (!rc)
            rc = one_call(d, &a, "HAI XIU", imo, "Y01", "0901", base + 3 * DAY, 3, 0, 920 + w, now, err);
        imo_of(930300 + w * 7, imo);
        if (!rc)
            rc = one_call(d, &a, "MING YUE", imo, "F01", "0908", base + 5 * DAY, 4, 0, 940 + w, now, err);
    }
    /* expected in the next 72 hours, for the board */
    const int kinds[3] = {0, 2, 4};
    const char *const names[3] = {"HAI YUN", "LENG XING", "DONG FANG"};
    for (int k = 0; !rc && k < 3; k++) {
        char imo[16];
        imo_of(931000 + k * 11, imo);
        rc = one_call(d, &a, names[k], imo, "N01", "0901", now + (12 + 20 * k) * HOUR, kinds[k], 0, 960 + k, now, err);
    }
    return rc;
}
