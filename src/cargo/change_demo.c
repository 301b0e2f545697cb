/* change_demo.c — declarations change in `haiguan demo` as they do at a port, so that the
 * officers' queue of change requests, the timelines and the tax desk have something true to
 * show: a few declarants correct a value (modification approved), withdraw a declaration
 * (cancellation approved, one refused first), have one returned for correction and refile it;
 * a few released declarations are amended by customs, one officer opening and a second
 * approving, giving supplementary bills or refunds. The choice is drawn from the entry number,
 * not from the activity's random stream, so a seed gives the same month as before. Each step
 * runs at its simulated moment if that moment has passed. Not for: anything outside the demo. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../platform/log.h"
#include "../platform/money.h"
#include "cargo.h"
#include "cargo_store.h"

#define MINUTE_MS 60000LL

/* FNV-1a of the entry number and a salt: the same declaration changes the same way every run */
static uint32_t draw(const char *entry_no, uint32_t salt)
{
    uint32_t h = 2166136261u ^ salt;
    for (const char *s = entry_no; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* A refusal is the demo's plan meeting a rule (already released, say); only a fault stops it. */
static hg_rc fault_only(hg_rc rc)
{
    return rc == HG_DB || rc == HG_UNAVAILABLE || rc == HG_NOMEM || rc == HG_IO ? rc : HG_OK;
}

static principal officer_named(const char *name)
{
    principal p = {.role = ROLE_OFFICER, .posts = POST_CLEARANCE | POST_TAX};
    snprintf(p.name, sizeof p.name, "%s", name);
    return p;
}

/* The first line's value scaled by pct percent, as a change of the value of line 1. */
static json_t *value_change(db *d, const char *entry_no, int pct)
{
    int64_t fen = 0;
    hg_err ignored;
    if (db_int(d, &fen, &ignored, "SELECT value FROM declaration_items WHERE entry_no = ? AND line_no = 1", "t",
               entry_no) ||
        fen <= 0)
        return NULL;
    char v[40];
    money_format(fen / 100 * pct, v, sizeof v);
    return json_pack("[{s:i, s:s}]", "line_no", 1, "value", v);
}

/* Asks (as who) and has an officer decide a change, each at its moment; *id 0 when not asked. */
static hg_rc ask_and_decide(db *d, const principal *who, const principal *decider, const char *entry_no, json_t *body,
                            int approve, const char *note, int64_t ask_at, int64_t decide_at, int64_t real_now)
{
    json_t *out = NULL;
    hg_err ignored;
    if (ask_at >= real_now)
        return HG_OK;
    clock_simulate(ask_at);
    hg_rc rc = change_request(CTX_AS(d, who), entry_no, body, &out, &ignored);
    int64_t id = rc ? 0 : (int64_t)json_integer_value(json_object_get(out, "id"));
    json_decref(out);
    out = NULL;
    if (!rc && decide_at < real_now) {
        clock_simulate(decide_at);
        json_t *b = json_pack("{s:s}", "note", note);
        rc = change_decide(CTX_AS(d, decider), id, approve, b, &out, &ignored);
        json_decref(b);
        json_decref(out);
    }
    return fault_only(rc);
}

hg_rc cargo_demo_life(db *d, const principal *declarant, const char *entry_no, int64_t filed_at, int64_t real_now,
                      int *cancelled, hg_err *err)
{
    (void)err;
    uint32_t roll = draw(entry_no, 1) % 100;
    principal officer = officer_named("officer");
    hg_rc rc = HG_OK;
    *cancelled = 0;
    if (roll < 6) { /* the invoice's value was keyed wrong: modified, approved */
        json_t *items = value_change(d, entry_no, 110);
        json_t *body = items ? json_pack("{s:s, s:s, s:o}", "kind", "modify", "reason",
                                         "发票金额录入错误，按正确发票修改", "items", items)
                             : NULL;
        if (body)
            rc = ask_and_decide(d, declarant, &officer, entry_no, body, 1, "与发票核对一致", filed_at + 20 * MINUTE_MS,
                                filed_at + 40 * MINUTE_MS, real_now);
        json_decref(body);
    } else if (roll < 9) { /* the contract fell through: cancelled, the first request refused */
        json_t *body = json_pack("{s:s, s:s}", "kind", "cancel", "reason", "贸易合同取消，申请撤销报关单");
        rc = ask_and_decide(d, declarant, &officer, entry_no, body, 0, "请补充合同解除证明", filed_at + 15 * MINUTE_MS,
                            filed_at + 25 * MINUTE_MS, real_now);
        if (!rc)
            rc = ask_and_decide(d, declarant, &officer, entry_no, body, 1, "已核合同解除协议",
                                filed_at + 35 * MINUTE_MS, filed_at + 50 * MINUTE_MS, real_now);
        json_decref(body);
        int64_t n = 0;
        hg_err ignored;
        if (!rc && !db_int(d, &n, &ignored, "SELECT COUNT(*) FROM declarations WHERE entry_no = ? AND status = ?", "tt",
                           entry_no, DECL_CANCELLED))
            *cancelled = n > 0;
    } else if (roll < 13) { /* returned for its elements, refiled hours later */
        json_t *out = NULL, *ret = json_pack("{s:s}", "reason", "申报要素不全：请补充品牌和型号");
        json_t *fix = json_pack("{s:s, s:[{s:i, s:s}]}", "reason", "已补充品牌型号", "items", "line_no", 1, "elements",
                                "1|0|演示|无品牌|型号DEMO-1");
        hg_err ignored;
        /* back within the hour, before its tax is paid (tax_demo_settle: an hour or more after filing) */
        int64_t at = filed_at + 10 * MINUTE_MS, back = at + (int64_t)(10 + draw(entry_no, 2) % 35) * MINUTE_MS;
        if (at < real_now) {
            clock_simulate(at);
            rc = fault_only(declaration_return(CTX_AS(d, &officer), entry_no, ret, &out, &ignored));
            json_decref(out);
            out = NULL;
        }
        if (!rc && back < real_now) {
            clock_simulate(back);
            rc = fault_only(declaration_refile(CTX_AS(d, declarant), entry_no, fix, &out, &ignored));
            json_decref(out);
        }
        json_decref(ret);
        json_decref(fix);
    }
    return rc;
}

hg_rc cargo_demo_amend(db *d, const char *entry_no, int64_t released_at, int64_t real_now, hg_err *err)
{
    (void)err;
    uint32_t roll = draw(entry_no, 3) % 100;
    if (roll >= 5)
        return HG_OK;
    /* a post-release audit (稽核) finds the value under-declared, or twice in three over-declared */
    principal officer = officer_named("officer"), second = officer_named("officer2");
    json_t *items = value_change(d, entry_no, roll < 3 ? 120 : 90);
    json_t *body =
        items ? json_pack("{s:s, s:s, s:o}", "kind", "amend", "reason",
                          roll < 3 ? "稽核发现低报价格，补征税款" : "稽核确认高报价格，退还多征税款", "items", items)
              : NULL;
    int64_t at = released_at + (int64_t)(2 + draw(entry_no, 4) % 5) * 24 * 60 * MINUTE_MS;
    hg_rc rc =
        body ? ask_and_decide(d, &officer, &second, entry_no, body, 1, "复核同意", at, at + 90 * MINUTE_MS, real_now)
             : HG_OK;
    json_decref(body);
    return rc;
}
