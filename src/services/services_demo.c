/* services_demo.c — the services area's demo data (`haiguan demo`): a month of liaison problems
 * of the demo enterprises in every category and at every stage (raised, known, studied,
 * resolved, solved, one reopened), answered by their coordinator at plausible moments, the
 * escalations of those left late, and a 百人千企 campaign of visits and briefings. Everything
 * through the store functions, each write its own transaction; skipped when problems exist. */
#include <stdio.h>
#include <string.h>

#include "../platform/calendar.h"
#include "../platform/log.h"
#include "../platform/module.h"
#include "services_store.h"

#define MIN_MS 60000LL
#define HOUR_MS (60 * MIN_MS)

static const char *const enterprises[] = {"91210200241600015L", "91210200716215023J", "91210213005599016G"};
static const char *const titles[] = {"加工贸易手册核销数据不一致", "防疫物资需要加急通关", "冷链货物卸船排期",
                                     "税款电子支付失败",           "检验证书何时签发",     "企业信息变更咨询"};
static const char *const policies[] = {
    "海关总署令第219号",        "海关总署公告2020年第53号", "《海关监管作业场所管理办法》",
    "海关总署公告2017年第44号", "海关总署公告2018年第90号", "《海关注册登记和备案企业信用管理办法》"};

static hg_rc step(db *d, principal *who, int64_t at, const char *no, liaison_action a, json_t *body, hg_err *err)
{
    hg_ctx c = ctx_command(d, who->name);
    c.who = who;
    c.now_ms = at;
    json_t *out = NULL;
    hg_rc rc = problem_act(&c, no, a, body, &out, err);
    json_decref(out);
    json_decref(body);
    return rc;
}

static hg_rc one_problem(db *d, int i, int64_t raised, hg_err *err)
{
    principal ent = {.role = ROLE_ENTERPRISE}, off = {.role = ROLE_OFFICER, .posts = POST_LIAISON};
    snprintf(ent.name, sizeof ent.name, "%s", i % 3 == 1 ? "dl-fishery" : "dl-trading");
    snprintf(ent.enterprise, sizeof ent.enterprise, "%s", enterprises[i % 3]);
    snprintf(off.name, sizeof off.name, "officer");
    int cat = i % 6, stage = i % 5;
    static const char *const urg[] = {"urgent", "high", "normal"};
    json_t *body = json_pack("{s:s, s:s, s:s, s:s}", "category", liaison_categories[cat], "title", titles[cat], "text",
                             "请海关协助处理："
                             "详见附件说明，盼尽快答复。",
                             "urgency", urg[i % 3]);
    hg_ctx c = ctx_command(d, ent.name);
    c.who = &ent;
    c.now_ms = raised;
    json_t *out = NULL;
    hg_rc rc = body ? problem_raise(&c, body, &out, err) : HG_NOMEM;
    json_decref(body);
    char no[16] = "";
    if (!rc)
        snprintf(no, sizeof no, "%s", json_string_value(json_object_get(out, "problem_no")));
    json_decref(out);
    /* most are known within minutes, a few late: the SLA figures have both */
    int64_t known = raised + (i % 7 == 6 ? 5 * HOUR_MS : (5 + i % 25) * MIN_MS);
    if (!rc && stage >= 1)
        rc = step(d, &off, known, no, LIAISON_OPEN, NULL, err);
    if (!rc && stage >= 2)
        rc = step(
            d, &off, known + (1 + i % 3) * HOUR_MS, no, LIAISON_REPLY,
            json_pack("{s:s, s:s, s:s}", "kind", "plan", "text", "已研究，按以下方案办理。", "policy", policies[cat]),
            err);
    if (!rc && stage >= 3)
        rc = step(d, &off, known + (4 + i % 6) * HOUR_MS, no, LIAISON_RESOLVE,
                  json_pack("{s:s, s:s}", "text", "已办结，请确认。", "policy", policies[cat]), err);
    if (!rc && stage >= 4)
        rc = step(d, &ent, known + (6 + i % 6) * HOUR_MS, no, LIAISON_CONFIRM,
                  json_pack("{s:s}", "text", "已解决，谢谢。"), err);
    if (!rc && i == 8) /* one reopened with its reason, studied again */
        rc = step(d, &ent, known + 30 * HOUR_MS, no, LIAISON_REOPEN, json_pack("{s:s}", "reason", "问题再次出现"), err);
    return rc;
}

static hg_rc visits(db *d, int64_t today, hg_err *err)
{
    principal off = {.role = ROLE_OFFICER, .posts = POST_LIAISON};
    snprintf(off.name, sizeof off.name, "officer");
    hg_rc rc = HG_OK;
    for (int i = 0; i < 9 && !rc; i++) {
        char at[40];
        int64_t ms = calendar_day_start_ms(today - 27 + i * 3) + 10 * HOUR_MS;
        time_format_rfc3339(ms, at, sizeof at);
        int briefing = i % 3 == 2;
        json_t *b = json_pack("{s:s, s:s, s:s, s:s, s:s, s:b}", "enterprise", enterprises[i % 3], "kind",
                              briefing ? "briefing" : "site_visit", "at", at, "summary",
                              briefing ? "宣讲减免税与两步申报政策" : "走访了解复工复产困难，收集问题", "campaign",
                              "百人千企", "helped", i % 2 == 0);
        if (b && !briefing)
            json_object_set_new(b, "second_officer", json_string("liaison2"));
        hg_ctx c = ctx_command(d, off.name);
        c.who = &off;
        c.now_ms = ms + HOUR_MS;
        json_t *out = NULL;
        rc = b ? visit_record(&c, b, &out, err) : HG_NOMEM;
        json_decref(b);
        json_decref(out);
    }
    return rc;
}

hg_rc services_demo(db *d, hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = db_int(d, &n, err, "SELECT COUNT(*) FROM liaison_problems", "");
    if (rc || n)
        return rc;
    int64_t today = calendar_day_of(now_ms());
    /* a month: one or two problems a day, in working hours */
    for (int i = 0; i < 36 && !rc; i++) {
        int64_t raised = calendar_day_start_ms(today - 30 + i * 30 / 36) + 9 * HOUR_MS + (i % 5) * 37 * MIN_MS;
        rc = one_problem(d, i, raised, err);
    }
    if (!rc)
        rc = visits(d, today, err);
    if (!rc)
        rc = liaison_escalate(d, now_ms(), NULL, err);
    return rc;
}
