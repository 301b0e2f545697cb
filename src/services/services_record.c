/* services_record.c — every field table of enterprise services, in one place: the liaison
 * problem an enterprise raises with its links and attachments, the messages on it, its
 * reassignment, the reason of a reopening, and visit records (site visits, video calls,
 * policy briefings). The fields the server sets (stage times, deadlines, who) are FF_SERVER:
 * a client that sends them is refused. */
#include <stdlib.h>

#include "../cargo/cargo.h"
#include "../platform/i18n.h"
#include "services.h"

static const char *const urgencies[] = {"urgent", "high", "normal", NULL};
static const char *const message_kinds[] = {"reply",        "plan",      "note",       "message", "resolution",
                                            "confirmation", "reopening", "assignment", NULL};
static const char *const visit_kinds[] = {"site_visit", "video_call", "briefing", NULL};
static const char *const attachment_types[] = {"application/pdf", "image/png", "image/jpeg", NULL};

static const field link_fields[] = {
    {.name = "kind", .type = FT_ENUM, .flags = FF_REQUIRED, .values = liaison_link_kinds, .label_zh = "关联类型"},
    {.name = "ref",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .min_len = 1,
     .max_len = 40,
     .label_zh = "单证编号"},
    {0},
};
const record_type liaison_link_record = {
    .name = N_("link"), .table = "liaison_links", .fields = link_fields, .parent_column = "problem_no"};

/* data: the file in base64 (RFC 4648), at most LIAISON_ATTACHMENT_MAX bytes once decoded */
static const field attachment_fields[] = {
    {.name = "name", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 100, .label_zh = "文件名"},
    {.name = "content_type", .type = FT_ENUM, .flags = FF_REQUIRED, .values = attachment_types, .label_zh = "文件类型"},
    /* bounded here by the body's size; the file's own bound (attachment_size) is checked once decoded */
    {.name = "data", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 4, .max_len = 1 << 20, .label_zh = "文件内容"},
    {0},
};
const record_type liaison_attachment_record = {.name = N_("attachment"),
                                               .table = "liaison_attachments",
                                               .fields = attachment_fields,
                                               .parent_column = "problem_no"};

static const field problem_fields[] = {
    {.name = "problem_no", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "问题编号"},
    {.name = "enterprise", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER, .label_zh = "企业"},
    {.name = "category",
     .type = FT_ENUM,
     .flags = FF_REQUIRED | FF_FILTER,
     .values = liaison_categories,
     .label_zh = "问题类别"},
    {.name = "title",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_SEARCH,
     .min_len = 2,
     .max_len = 100,
     .label_zh = "标题"},
    {.name = "text", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 4000, .label_zh = "问题描述"},
    {.name = "urgency", .type = FT_ENUM, .flags = FF_REQUIRED | FF_FILTER, .values = urgencies, .label_zh = "紧急程度"},
    {.name = "links", .type = FT_LIST, .min = 0, .max = 10, .child = &liaison_link_record, .label_zh = "关联单证"},
    {.name = "attachments",
     .type = FT_LIST,
     .min = 0,
     .max = LIAISON_ATTACHMENTS_MAX,
     .child = &liaison_attachment_record,
     .label_zh = "附件"},
    {.name = "status", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER, .label_zh = "状态"},
    {.name = "assignee", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER, .label_zh = "承办关员"},
    {.name = "raised_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "提出人"},
    {.name = "raised_at", .type = FT_TIME, .flags = FF_SERVER, .column = "raised_ms", .label_zh = "提出时间"},
    {.name = "known_at", .type = FT_TIME, .flags = FF_SERVER, .column = "known_ms", .label_zh = "第一时间获知"},
    {.name = "studied_at", .type = FT_TIME, .flags = FF_SERVER, .column = "studied_ms", .label_zh = "第一时间研究"},
    {.name = "solved_at", .type = FT_TIME, .flags = FF_SERVER, .column = "solved_ms", .label_zh = "第一时间解决"},
    {.name = "due_known_at", .type = FT_TIME, .flags = FF_SERVER, .column = "due_known_ms", .label_zh = "获知时限"},
    {.name = "due_studied_at", .type = FT_TIME, .flags = FF_SERVER, .column = "due_studied_ms", .label_zh = "研究时限"},
    {.name = "due_solved_at", .type = FT_TIME, .flags = FF_SERVER, .column = "due_solved_ms", .label_zh = "解决时限"},
    {0},
};
const record_type liaison_problem_record = {
    .name = N_("liaison problem"), .table = "liaison_problems", .fields = problem_fields};

/* kind: an officer's reply (visible), plan (visible) or note (officers only); an
 * enterprise's message. policy: the regulation or announcement the answer rests on. */
static const field message_fields[] = {
    {.name = "id", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "编号"},
    {.name = "problem_no", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "问题编号"},
    {.name = "kind", .type = FT_ENUM, .values = message_kinds, .label_zh = "类型"},
    {.name = "text", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 4000, .label_zh = "内容"},
    {.name = "policy", .type = FT_TEXT, .min_len = 2, .max_len = 200, .label_zh = "政策依据"},
    {.name = "author", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "作者"},
    {.name = "side", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "一方"},
    {.name = "internal", .type = FT_BOOL, .flags = FF_SERVER, .label_zh = "内部备注"},
    {.name = "at", .type = FT_TIME, .flags = FF_SERVER, .column = "at_ms", .label_zh = "时间"},
    {0},
};
const record_type liaison_message_record = {
    .name = N_("liaison message"), .table = "liaison_messages", .fields = message_fields};

static const field assignment_fields[] = {
    {.name = "assignee", .type = FT_TEXT, .min_len = 1, .max_len = 63, .label_zh = "承办关员"},
    {.name = "reason", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 500, .label_zh = "原因"},
    {0},
};
const record_type liaison_assignment_record = {.name = N_("reassignment"), .fields = assignment_fields};

/* The removal of a coordinator who delays (GACC's coordinator rules): the successor and why. */
static const field removal_fields[] = {
    {.name = "successor", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 63, .label_zh = "接任协调员"},
    {.name = "reason", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 500, .label_zh = "撤换原因"},
    {0},
};
const record_type liaison_removal_record = {.name = N_("coordinator removal"), .fields = removal_fields};

static const field reason_fields[] = {
    {.name = "reason", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 1000, .label_zh = "原因"},
    {0},
};
const record_type liaison_reason_record = {.name = N_("reopening"), .fields = reason_fields};

/* A visit to an enterprise (调研), a video call, or a policy briefing (政策宣讲), possibly
 * within a named campaign ("百人千企"). A site visit is made by two officers. */
static const field visit_fields[] = {
    {.name = "visit_no", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "记录编号"},
    {.name = "enterprise",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT | FF_FILTER,
     .check = check_uscc,
     .label_zh = "企业"},
    {.name = "kind", .type = FT_ENUM, .flags = FF_REQUIRED | FF_FILTER, .values = visit_kinds, .label_zh = "方式"},
    {.name = "campaign", .type = FT_TEXT, .flags = FF_FILTER, .min_len = 2, .max_len = 60, .label_zh = "专项活动"},
    {.name = "problem_no", .type = FT_TEXT, .flags = FF_IDENT, .min_len = 12, .max_len = 12, .label_zh = "问题编号"},
    {.name = "second_officer", .type = FT_TEXT, .min_len = 1, .max_len = 63, .label_zh = "同行关员"},
    {.name = "at", .type = FT_TIME, .flags = FF_REQUIRED, .column = "at_ms", .label_zh = "时间"},
    {.name = "summary", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 2000, .label_zh = "纪要"},
    {.name = "helped", .type = FT_BOOL, .label_zh = "帮助复工复产"},
    {.name = "officer", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "关员"},
    {0},
};
const record_type liaison_visit_record = {
    .name = N_("liaison visit"), .table = "liaison_visits", .fields = visit_fields};

/* ---- smart declaration navigation ---- */

static const char *const directions[] = {"import", "export", NULL};
static const char *const ruling_kinds[] = {"classification", "valuation", "origin", NULL};

/* A draft item as the declaration form holds it: the declaration item's own fields (cargo's
 * item_record: one source for their types, decimal scales and upper bounds), each relaxed for a
 * draft. The codes are not validated here, so that the pre-check can answer each one as a
 * finding rather than refuse the draft: a code loses its validator and is bounded by its length
 * instead; only hs_code must be present; a zero quantity, value or weight is taken (the filing
 * refuses it). */
typedef struct draft_relax {
    const char *name;     /* the item field taken */
    unsigned flags;       /* the draft's flags, in place of the item's */
    int min_len, max_len; /* the draft's length bounds; max_len 0: the item's */
} draft_relax;

static const draft_relax draft_relaxed[] = {
    {"hs_code", FF_REQUIRED, 1, 12}, /* taken as written: a spaced code is a finding */
    {"name", 0, 0, 0},
    {"elements", 0, 0, 0},
    {"origin", FF_IDENT, 0, 3},
    {"quantity", 0, 0, 0},
    {"unit", 0, 0, 0},
    {"value", 0, 0, 0},
    {"currency", FF_IDENT, 0, 3},
    {"gross_weight_kg", 0, 0, 0},
    {"net_weight_kg", 0, 0, 0},
};
#define DRAFT_ITEM_FIELDS (sizeof draft_relaxed / sizeof draft_relaxed[0])

/* Filled once at start-up by nav_draft_init, before any thread; {0}-terminated. */
static field draft_item_fields[DRAFT_ITEM_FIELDS + 1];

void nav_draft_init(void)
{
    for (size_t i = 0; i < DRAFT_ITEM_FIELDS; i++) {
        const draft_relax *d = &draft_relaxed[i];
        int k = record_field_index(&item_record, d->name);
        if (k < 0) /* cargo's table lost a field the draft takes: a bug, found at the first start */
            abort();
        field f = item_record.fields[k];
        f.flags = d->flags;
        f.check = NULL;
        f.min_len = d->min_len;
        if (d->max_len)
            f.max_len = d->max_len;
        if (f.min > 0)
            f.min = 0;
        draft_item_fields[i] = f;
    }
}
const record_type nav_draft_item_record = {.name = N_("draft item"), .fields = draft_item_fields};

static const field draft_licence_fields[] = {
    {.name = "code",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .min_len = 1,
     .max_len = 1,
     .label_zh = "监管证件代码"},
    {.name = "number", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 40, .label_zh = "证件编号"},
    {0},
};
const record_type nav_draft_licence_record = {.name = N_("licence"), .fields = draft_licence_fields};

static const field draft_fields[] = {
    {.name = "direction", .type = FT_ENUM, .flags = FF_REQUIRED, .values = directions, .label_zh = "进出口"},
    {.name = "trade_country",
     .type = FT_TEXT,
     .flags = FF_IDENT,
     .min_len = 0,
     .max_len = 3,
     .label_zh = "贸易国（地区）"},
    {.name = "enterprise", .type = FT_TEXT, .flags = FF_IDENT, .check = check_uscc, .label_zh = "收发货人"},
    {.name = "items",
     .type = FT_LIST,
     .flags = FF_REQUIRED,
     .min = 1,
     .max = 50,
     .child = &nav_draft_item_record,
     .label_zh = "商品"},
    {.name = "licences",
     .type = FT_LIST,
     .min = 0,
     .max = 20,
     .child = &nav_draft_licence_record,
     .label_zh = "随附单证"},
    {0},
};
const record_type nav_draft_record = {.name = N_("draft declaration"), .fields = draft_fields};

/* An advance ruling (预裁定) issued to an enterprise: valid three years from its issue. */
static const field ruling_fields[] = {
    {.name = "ruling_no", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "预裁定编号"},
    {.name = "enterprise",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT | FF_FILTER,
     .check = check_uscc,
     .label_zh = "申请企业"},
    {.name = "kind", .type = FT_ENUM, .flags = FF_REQUIRED, .values = ruling_kinds, .label_zh = "类别"},
    {.name = "hs_code",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT | FF_FILTER,
     .check = check_hs,
     .label_zh = "商品编号"},
    {.name = "goods_name", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 100, .label_zh = "商品名称"},
    {.name = "decision", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 2000, .label_zh = "裁定内容"},
    {.name = "issued_at", .type = FT_TIME, .flags = FF_REQUIRED, .column = "issued_ms", .label_zh = "生效日期"},
    {.name = "valid_to", .type = FT_TIME, .flags = FF_SERVER, .column = "valid_to_ms", .label_zh = "有效期至"},
    {.name = "issued_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "签发关员"},
    {0},
};
const record_type nav_ruling_record = {
    .name = N_("advance ruling"), .table = "navigation_rulings", .fields = ruling_fields};
