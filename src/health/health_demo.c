/* health_demo.c — `haiguan demo --days N`: N days of inbound flights at Dalian airport
 * (CNDLC) with their travellers, each declared, scanned, measured, sampled, tested, cleared or
 * handed over, and the handovers acknowledged (a few left unacknowledged, for the alarm), all
 * through the area's store functions at simulated moments in time order, so that the
 * dashboard's figures are true. Deterministic for a given --seed. Not for: tests of the rules
 * (the unit and API suites). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../platform/calendar.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/module.h"
#include "health.h"

#define MIN 60000LL
#define HOUR (60 * MIN)

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next(rng *r) /* xorshift64* */
{
    r->s ^= r->s >> 12, r->s ^= r->s << 25, r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ULL;
}

static int64_t between(rng *r, int64_t lo, int64_t hi) { return lo + (int64_t)(next(r) % (uint64_t)(hi - lo + 1)); }

static const struct {
    const char *no, *origin;
} routes[] = {{"KE869", "KRSEL"},  {"NH903", "JPTYO"}, {"CA930", "JPOSA"},  {"OZ301", "KRSEL"},
              {"MU5138", "JPOSA"}, {"SU204", "RUMOW"}, {"CZ6076", "JPTYO"}, {"HO1612", "KRPUS"}};
static const char *const surnames[][2] = {{"王", "WANG"}, {"李", "LI"},   {"张", "ZHANG"}, {"刘", "LIU"},
                                          {"陈", "CHEN"}, {"杨", "YANG"}, {"赵", "ZHAO"},  {"孙", "SUN"}};
static const char *const given[][2] = {{"伟", "WEI"},   {"芳", "FANG"}, {"敏", "MIN"},  {"静", "JING"},
                                       {"强", "QIANG"}, {"磊", "LEI"},  {"洋", "YANG"}, {"婷", "TING"}};
static const char *const districts[] = {"大连市中山区人民路", "大连市西岗区长江路", "大连市沙河口区西安路",
                                        "大连市甘井子区华北路", "沈阳市和平区南京北街"};

/* A resident ID with its GB 11643 check character, born on `birth`. */
static void resident_id(rng *r, int64_t birth, char out[19])
{
    static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int y, m, d;
    calendar_civil(birth, &y, &m, &d);
    snprintf(out, 19, "210202%04d%02d%02d%03d", y, m, d, (int)between(r, 100, 999));
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (out[i] - '0') * w[i];
    out[17] = "10X98765432"[sum % 11];
    out[18] = 0;
}

enum { DECLARE, SCAN, TEMPERATURE, SAMPLE, SEND, RESULT, OUTCOME, ACK, LAND, BOARD, CREATE };

typedef struct step {
    int64_t at;
    int kind, who;
} step;

typedef struct traveller {
    char decl_qr[1024];
    char barcode[24];
    int symptoms, contact, positive;
} traveller;

static int by_time(const void *a, const void *b)
{
    const step *x = a, *y = b;
    return x->at != y->at ? (x->at > y->at) - (x->at < y->at) : (x->kind > y->kind) - (x->kind < y->kind);
}

static hg_rc run_step(db *d, rng *r, const step *s, const char *flight_no, const char *origin, const char *flight_id,
                      int64_t landing, traveller *t, hg_err *err)
{
    hg_ctx c = ctx_command(d, "demo");
    c.now_ms = s->at;
    clock_simulate(s->at);
    json_t *body = NULL, *out = NULL;
    hg_rc rc = HG_OK;
    char date[11], at[40];
    calendar_format_date(calendar_day_of(landing), date);
    traveller *p = s->who >= 0 ? &t[s->who] : NULL;
    switch (s->kind) {
    case CREATE:
        time_format_rfc3339(landing - 10 * MIN, at, sizeof at);
        c.actor = "quarantine";
        body = json_pack("{s:s, s:s, s:s, s:s, s:i, s:i}", "flight_no", flight_no, "origin", origin, "port", "CNDLC",
                         "scheduled_at", at, "passengers", (int)between(r, 40, 250), "crew", (int)between(r, 6, 14));
        rc = flight_create(&c, body, &out, err);
        break;
    case LAND:
        time_format_rfc3339(landing, at, sizeof at);
        body = json_pack("{s:s}", "landed_at", at);
        rc = flight_land(&c, flight_id, body, &out, err);
        break;
    case BOARD: {
        char from[40];
        time_format_rfc3339(landing + 3 * MIN, from, sizeof from);
        time_format_rfc3339(s->at, at, sizeof at);
        c.actor = "quarantine";
        json_t *flagged = json_array();
        for (int k = (int)between(r, 0, 2); flagged && k > 0; k--) {
            char seat[16];
            snprintf(seat, sizeof seat, "%d%c", (int)between(r, 30, 45) + 20 * k, "ABCDEF"[between(r, 0, 5)]);
            json_array_append_new(flagged, json_pack("{s:s, s:s}", "seat", seat, "reason",
                                                     k == 1 ? "机上体温37.4°C，标记复测" : "自述乏力，标记问诊"));
        }
        body = json_pack("{s:s, s:s, s:s, s:o}", "started_at", from, "ended_at", at, "findings",
                         "登临检疫：机上体温筛查完成 boarded, temperatures screened", "flagged_travellers", flagged);
        rc = flight_board(&c, flight_id, body, &out, err);
        break;
    }
    case DECLARE: {
        int64_t birth =
            calendar_days_from_civil((int)between(r, 1950, 2012), (int)between(r, 1, 12), (int)between(r, 1, 28));
        char id[19], bd[11], name[32], mrz[40], addr[120], phone[16];
        resident_id(r, birth, id);
        calendar_format_date(birth, bd);
        int sn = (int)between(r, 0, 7), gn = (int)between(r, 0, 7);
        snprintf(name, sizeof name, "%s%s", surnames[sn][0], given[gn][0]);
        snprintf(mrz, sizeof mrz, "%s<<%s", surnames[sn][1], given[gn][1]);
        snprintf(addr, sizeof addr, "%s%d号%d室", districts[between(r, 0, 4)], (int)between(r, 1, 300),
                 (int)between(r, 101, 2405));
        snprintf(phone, sizeof phone, "139%08d", (int)between(r, 0, 99999999));
        json_t *symptoms = json_array();
        if (p->symptoms)
            json_array_append_new(symptoms, json_pack("{s:s}", "symptom", between(r, 0, 1) ? "fever" : "dry_cough"));
        char left[11];
        calendar_format_date(calendar_day_of(landing) - between(r, 0, 10), left);
        body = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:[{s:s, s:s, s:s}], s:s, s:s,"
                         " s:b, s:b, s:o, s:b, s:b, s:s}",
                         "name", name, "name_mrz", mrz, "sex", between(r, 0, 1) ? "M" : "F", "birth_date", bd,
                         "nationality", "CN", "document_type", "resident_id", "document_no", id, "flight_no", flight_no,
                         "seat", "12C", "port", "CNDLC", "entry_date", date, "visits", "country",
                         strncmp(origin, "KR", 2) == 0   ? "KR"
                         : strncmp(origin, "RU", 2) == 0 ? "RU"
                                                         : "JP",
                         "arrived_on", left, "left_on", date, "address", addr, "phone", phone, "contact_cases",
                         p->contact, "fever_cluster", 0, "symptoms", symptoms, "antipyretics", 0, "warning_accepted", 1,
                         "language", "zh");
        rc = declaration_submit(&c, body, &out, err);
        if (!rc)
            snprintf(p->decl_qr, sizeof p->decl_qr, "%s", json_string_value(json_object_get(out, "qr")));
        break;
    }
    case SCAN:
        c.actor = "quarantine";
        body = json_pack("{s:s}", "qr", p->decl_qr);
        rc = traveller_scan(&c, body, &out, err);
        if (!rc)
            snprintf(p->barcode, sizeof p->barcode, "%s", json_string_value(json_object_get(out, "barcode")));
        break;
    case TEMPERATURE:
        c.actor = "quarantine";
        body = json_pack("{s:s, s:i}", "kind", "temperature", "temperature_dc",
                         p->symptoms ? (int)between(r, 373, 392) : (int)between(r, 359, 369));
        rc = traveller_check(&c, p->barcode, body, &out, err);
        break;
    case SAMPLE:
        c.actor = "quarantine";
        body = json_pack("{s:s}", "kind", "nucleic_acid");
        rc = traveller_sample(&c, p->barcode, body, &out, err);
        break;
    case SEND:
        c.actor = "quarantine";
        rc = flight_samples_sent(&c, flight_id, &out, err);
        if (rc == HG_CONFLICT) /* nothing waiting in this batch */
            rc = HG_OK;
        break;
    case RESULT:
        c.actor = "lab01";
        body = json_pack("{s:s, s:s, s:s}", "barcode", p->barcode, "kind", "nucleic_acid", "result",
                         p->positive ? "positive" : "negative");
        rc = traveller_result(&c, body, &out, err);
        break;
    case OUTCOME:
        c.actor = "quarantine";
        if (p->positive || p->symptoms || p->contact) {
            body = json_pack("{s:s, s:s, s:s}", "vehicle", "辽B·12345", "unit", "大连市卫生健康委员会 指定医院",
                             "person", "值班医生");
            rc = traveller_handover(&c, p->barcode, body, &out, err);
        } else {
            rc = traveller_clear(&c, p->barcode, &out, err);
        }
        break;
    case ACK:
        c.actor = "cdc01";
        body = json_pack("{s:s}", "person", "接收医生");
        rc = handover_acknowledge(&c, p->barcode, body, &out, err);
        break;
    }
    json_decref(body);
    json_decref(out);
    return rc;
}

static hg_rc one_flight(db *d, rng *r, int64_t landing, int route, int n, int64_t real_now, long *count, hg_err *err)
{
    const char *no = routes[route].no, *origin = routes[route].origin;
    char date[11], flight_id[32];
    calendar_format_date(calendar_day_of(landing), date);
    snprintf(flight_id, sizeof flight_id, "%s-%.4s%.2s%.2s", no, date, date + 5, date + 8);
    traveller *t = xcalloc((size_t)n, sizeof *t);
    step *s = xcalloc((size_t)n * 9 + 24, sizeof *s);
    if (!t || !s) {
        xfree(t), xfree(s);
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    size_t k = 0;
    s[k++] = (step){landing - 6 * HOUR, CREATE, -1};
    s[k++] = (step){landing, LAND, -1};
    s[k++] = (step){landing + between(r, 12, 25) * MIN, BOARD, -1};
    /* the samples go to the laboratory in batches every ten minutes */
    int64_t sends[8];
    for (int i = 0; i < 8; i++)
        s[k++] = (step){sends[i] = landing + (25 + 10 * i) * MIN, SEND, -1};
    for (int i = 0; i < n; i++) {
        t[i].positive = between(r, 0, 999) < 12; /* about 1 in 80 */
        t[i].symptoms = between(r, 0, 999) < 30;
        t[i].contact = between(r, 0, 999) < 10;
        int64_t scan = landing + between(r, 18, 70) * MIN, sample = scan + between(r, 2, 5) * MIN, sent = 0;
        for (int j = 0; j < 8 && !sent; j++)
            if (sends[j] > sample)
                sent = sends[j];
        if (!sent)
            continue; /* too late for the flight's last batch: left out of the month */
        int64_t result = sent + between(r, 3, 8) * MIN;
        s[k++] = (step){landing - between(r, 20, 600) * MIN, DECLARE, i};
        s[k++] = (step){scan, SCAN, i};
        s[k++] = (step){scan + MIN, TEMPERATURE, i};
        s[k++] = (step){sample, SAMPLE, i};
        s[k++] = (step){result, RESULT, i};
        s[k++] = (step){result + between(r, 1, 2) * MIN, OUTCOME, i};
        if ((t[i].positive || t[i].symptoms || t[i].contact) && between(r, 0, 19))
            s[k++] = (step){result + between(r, 15, 120) * MIN, ACK, i};
    }
    qsort(s, k, sizeof *s, by_time);
    hg_rc rc = HG_OK;
    for (size_t i = 0; i < k && !rc && s[i].at < real_now; i++) {
        rc = run_step(d, r, &s[i], no, origin, flight_id, landing, t, err);
        *count += !rc && s[i].kind == DECLARE;
    }
    xfree(t);
    xfree(s);
    return rc;
}

hg_rc health_demo(db *d, hg_err *err)
{
    const demo_options *o = &hg_demo_options;
    if (o->days <= 0)
        return HG_OK;
    int64_t done = 0;
    hg_rc rc = db_int(d, &done, err, "SELECT COUNT(*) FROM health_flights WHERE recorded_by = 'quarantine'", "");
    if (!rc && done) {
        printf("inbound flights were generated before; skipped\n");
        return HG_OK;
    }
    if (!rc)
        rc = db_bulk_mode(d, err);
    rng r = {(o->seed ? o->seed : 2020) ^ 0x4845414c5448ULL};
    int64_t real_now = now_ms(), start = calendar_day_start_ms(calendar_day_of(real_now) - o->days);
    long count = 0, flights = 0;
    for (int day = 0; day < o->days && !rc; day++) {
        int n = (int)between(&r, 2, 4) * (o->scale > 0 ? o->scale : 1);
        int used = 0;
        for (int f = 0; f < n && !rc; f++) {
            int route;
            do
                route = (int)between(&r, 0, 7);
            while (used & (1 << route) && used != 0xff);
            if (used & (1 << route))
                break; /* every route flown today */
            used |= 1 << route;
            int64_t landing = start + day * CALENDAR_DAY_MS + between(&r, 8, 20) * HOUR + between(&r, 0, 59) * MIN;
            rc = one_flight(d, &r, landing, route, (int)between(&r, 12, 40), real_now, &count, err);
            flights++;
        }
        if (isatty(2))
            fprintf(stderr, "\rdemo: health day %d of %d, %ld declarations", day + 1, o->days, count);
    }
    clock_simulate(0);
    if (isatty(2))
        fprintf(stderr, "\n");
    if (!rc)
        printf("generated %d days of inbound flights: %ld flights, %ld health declarations\n", o->days, flights, count);
    return rc;
}
