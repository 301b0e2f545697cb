/* tax_demo.c — how the demo's declarants settle their tax (`haiguan demo --days N`), so that
 * the tax desk and the revenue summary have something true to show: most pay within hours of
 * filing; some pay on the last day of a period that a weekend or holiday moved (no fee); some
 * pay late and owe the fee; some ask for a waiver of part of the fee accrued, which a tax
 * officer approves, then pay; some are secured at once by their declarant's general guarantee
 * (总担保) and paid within days; two-step summaries are guaranteed by a known bank's letter and
 * some of those are deferred. Each payment is made at its simulated moment when that moment
 * has passed, else the bill is left as it stands today. Not for: anything outside the demo. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../platform/log.h"
#include "tax.h"
#include "tax_store.h"

#define DAY_MS 86400000LL
#define HOUR_MS 3600000LL

/* The real time: the demo's clock is simulated while it generates the past. */
static int64_t real_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A refusal is the demo's plan meeting a rule (a release already made, say); only a fault of
 * the database or of memory stops the demo. */
static hg_rc fault_only(hg_rc rc)
{
    return rc == HG_DB || rc == HG_UNAVAILABLE || rc == HG_NOMEM || rc == HG_IO ? rc : HG_OK;
}

/* FNV-1a of the entry number: the same declaration is settled the same way on every run */
static uint32_t draw(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Pays what is due at the moment at (clock simulated there), if it has passed. */
static hg_rc pay_at(db *d, const principal *who, const char *entry_no, int64_t at, int64_t real_now, hg_err *err)
{
    if (at >= real_now)
        return HG_OK;
    clock_simulate(at);
    tax_standing t;
    json_t *out = NULL;
    hg_err ignored;
    hg_rc rc = tax_standing_of(d, who, entry_no, at, &t, &ignored);
    if (!rc && t.amount_due_fen > 0 && strcmp(t.status, "paid") != 0)
        rc = tax_pay(CTX_AS(d, who), entry_no, t.amount_due_fen, &out, &ignored);
    json_decref(out);
    if (rc && err)
        *err = ignored;
    return fault_only(rc);
}

/* The bill's last free day (its due date), from its standing JSON. */
static int64_t last_free_day(db *d, const principal *who, const char *entry_no, int64_t now)
{
    json_t *b = NULL;
    hg_err ignored;
    int64_t day = 0;
    if (tax_bill_json(d, who, entry_no, now, &b, &ignored) == HG_OK) {
        const char *due = json_string_value(json_object_get(b, "due_date"));
        if (!due || calendar_parse_date(due, &day))
            day = 0;
    }
    json_decref(b);
    return day;
}

/* The declarant's active general guarantee (总担保), posted and accepted by the tax officer the
 * first time one is wanted: 5,000,000.00 for three hundred days. 0 when it has none and may not
 * post one (a refusal is the demo's plan meeting a rule). */
static int64_t general_of(db *d, const principal *who, const principal *officer)
{
    json_t *out = NULL;
    hg_err ignored;
    int64_t id = 0;
    hg_rc rc = tax_generals_json(d, who, "active", &out, &ignored);
    if (!rc && json_array_size(json_object_get(out, "items")))
        id = json_integer_value(json_object_get(json_array_get(json_object_get(out, "items"), 0), "id"));
    json_decref(out);
    out = NULL;
    if (rc || id)
        return id; /* a fault here meets the draw and the payment after it, which report it */
    tax_general_in g = {.kind = "letter",
                        .guarantor = "中国工商银行大连分行",
                        .letter_no = "ICBC-DL-ZDB-DEMO",
                        .amount_fen = 500000000,
                        .valid_until_ms = now_ms() + 300 * DAY_MS};
    if (tax_general_post(CTX_AS(d, who), &g, &out, &ignored) == HG_OK)
        id = json_integer_value(json_object_get(out, "id"));
    json_decref(out);
    out = NULL;
    if (id && tax_general_decide(CTX_AS(d, officer), id, 1, "总担保保函已核实", &out, &ignored) != HG_OK)
        id = 0;
    json_decref(out);
    return id;
}

hg_rc tax_demo_settle(db *d, const principal *who, const char *entry_no, int guarantee, hg_err *err)
{
    int64_t now = now_ms(), real_now = real_now_ms();
    tax_standing t;
    hg_err ignored;
    hg_rc rc = tax_standing_of(d, who, entry_no, now, &t, &ignored);
    if (rc == HG_NOTFOUND || (!rc && strcmp(t.status, "due") != 0))
        return HG_OK; /* no bill, or nothing to settle */
    if (rc)
        return fault_only(rc);
    principal officer = {.role = ROLE_OFFICER, .posts = POST_TAX};
    snprintf(officer.name, sizeof officer.name, "officer");
    uint32_t h = draw(entry_no), roll = h % 100;
    int64_t last = last_free_day(d, who, entry_no, now);
    json_t *out = NULL;
    if (guarantee) { /* a two-step summary leaves on a bank's letter, valid four months */
        tax_guarantee_in g = {.entry_no = entry_no,
                              .kind = "letter",
                              .guarantor = "中国银行大连分行",
                              .amount_fen = t.total_fen,
                              .valid_until_ms = now + 120 * DAY_MS};
        rc = tax_guarantee_post(CTX_AS(d, who), &g, &out, &ignored);
        json_decref(out);
        out = NULL;
        if (rc || roll >= 40)
            return fault_only(rc);
        /* four in ten defer the payment against it, for 30 to 75 days */
        int64_t until = calendar_day_start_ms(tax_shanghai_day(now) + 30 + (int64_t)(h / 100 % 46)) + 17 * HOUR_MS;
        rc = tax_request(CTX_AS(d, who), "deferral", entry_no, "资金周转，申请凭保函延期缴纳", until, -1, &out,
                         &ignored);
        int64_t id = rc ? 0 : (int64_t)json_integer_value(json_object_get(out, "id"));
        json_decref(out);
        out = NULL;
        if (!rc)
            rc = tax_decide(CTX_AS(d, &officer), id, 1, "凭银行保函同意延期", &out, &ignored);
        json_decref(out);
        if (!rc) /* paid at the deferral's end, or three days after it (with the fee) */
            rc = pay_at(d, who, entry_no, until + (h % 2 ? 0 : 3 * DAY_MS), real_now, err);
        clock_simulate(now);
        return fault_only(rc);
    }
    if (roll >= 60 && roll < 70 && last) { /* secured at once by the general guarantee, paid within days */
        int64_t gid = general_of(d, who, &officer);
        if (gid) {
            tax_guarantee_in g = {
                .entry_no = entry_no, .kind = "general", .amount_fen = t.total_fen, .general_id = gid};
            rc = fault_only(tax_guarantee_post(CTX_AS(d, who), &g, &out, &ignored));
            json_decref(out);
            out = NULL;
        }
        if (!rc)
            rc = pay_at(d, who, entry_no, now + (int64_t)(24 + h / 100 % 96) * HOUR_MS, real_now, err);
    } else if (roll < 70 || !last) /* within hours */
        rc = pay_at(d, who, entry_no, now + (int64_t)(1 + h / 100 % 12) * HOUR_MS, real_now, err);
    else if (roll < 82) /* on the last day, however far a weekend or holiday moved it */
        rc = pay_at(d, who, entry_no, calendar_day_start_ms(last) + 15 * HOUR_MS, real_now, err);
    else if (roll < 93) /* late: 1 to 12 days after the last day */
        rc = pay_at(d, who, entry_no, calendar_day_start_ms(last + 1 + h / 100 % 12) + 10 * HOUR_MS, real_now, err);
    else { /* late, asks for a waiver of half the fee accrued (港口封航), approved, then pays */
        int64_t at = calendar_day_start_ms(last + 4 + h / 100 % 6) + 10 * HOUR_MS;
        if (at < real_now) {
            clock_simulate(at);
            tax_standing late;
            rc = tax_standing_of(d, who, entry_no, at, &late, &ignored);
            int64_t fee = rc ? 0 : late.amount_due_fen - late.total_fen;
            if (!rc && fee > 0) {
                rc = tax_request(CTX_AS(d, who), "waiver", entry_no, "港口封航三天，无法按期缴款", 0, fee / 2, &out,
                                 &ignored);
                int64_t id = rc ? 0 : (int64_t)json_integer_value(json_object_get(out, "id"));
                json_decref(out);
                out = NULL;
                if (!rc)
                    rc = tax_decide(CTX_AS(d, &officer), id, 1, "不可抗力，同意减免一半", &out, &ignored);
                json_decref(out);
            }
            if (!fault_only(rc))
                rc = pay_at(d, who, entry_no, at + 2 * HOUR_MS, real_now, err);
        }
    }
    clock_simulate(now);
    return fault_only(rc);
}
