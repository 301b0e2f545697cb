/* vessel_record.c — every field table of the vessel area but the disinfection record's: the
 * arrival declaration (FAL 1 basics and the Maritime Declaration of Health, IHR 2005 Annex 8)
 * with its ports of call and its crew and passenger lists (FAL 5/6), the boarding quarantine,
 * orders, tasks, samples, the warning rules and the high-risk list. Bodies that are not stored
 * as they come (a decision, a lift, a result, a moment) have no table. */
#include "../cargo/cargo.h"
#include "../check/check.h"
#include "../health/health.h"
#include "../platform/i18n.h"
#include "vessel.h"

static const char *const purposes[] = {"cargo", "crew_change", "repair", "bunkering", NULL};
static const char *const cargo_kinds[] = {"container", "bulk", "bulk_refrigerated", "cold_chain_container",
                                          "none",      NULL};
static const char *const certificates[] = {"sscec", "sscc", "none", NULL};
static const char *const levels[] = {"radio_pratique", "board", "lock", NULL};
static const char *const list_levels[] = {"board", "lock", NULL};
static const char *const call_states[] = {"declared", "arrived", "departed", NULL};
static const char *const decisions[] = {"granted", "refused", NULL};
static const char *const person_kinds[] = {"crew", "passenger", NULL};
static const char *const document_types[] = {"passport", "seafarer_book", "other", NULL};
static const char *const results[] = {"negative", "positive", NULL};
static const char *const order_kinds[] = {"no_cargo_operations", "no_unloading_leave", NULL};
static const char *const task_kinds[] = {"boarding", "sampling", "disinfection", "pratique", NULL};
static const char *const task_states[] = {"open", "done", NULL};

static const field port_fields[] = {
    {.name = "locode", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT, .check = check_locode, .label_zh = "港口"},
    {.name = "arrived_on", .type = FT_TEXT, .flags = FF_REQUIRED, .check = health_check_date, .label_zh = "抵达日期"},
    {.name = "left_on", .type = FT_TEXT, .flags = FF_REQUIRED, .check = health_check_date, .label_zh = "离开日期"},
    {0},
};
const record_type vessel_port_record = {
    .name = N_("port of call"), .table = "vessel_call_ports", .fields = port_fields, .parent_column = "call_no"};

static const field person_fields[] = {
    {.name = "kind", .type = FT_ENUM, .flags = FF_REQUIRED, .values = person_kinds, .label_zh = "船员/旅客"},
    {.name = "family_name", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 60, .label_zh = "姓"},
    {.name = "given_name", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 60, .label_zh = "名"},
    {.name = "rank", .type = FT_TEXT, .max_len = 40, .label_zh = "职务"},
    HEALTH_FIELD_COUNTRY("nationality", "国籍"),
    HEALTH_FIELD_BIRTH_DATE("出生日期"),
    {.name = "document_type", .type = FT_ENUM, .flags = FF_REQUIRED, .values = document_types, .label_zh = "证件类型"},
    HEALTH_FIELD_DOCUMENT_NO,
    HEALTH_FIELD_COUNTRY("document_state", "签发国"),
    {.name = "document_expiry",
     .type = FT_TEXT,
     .flags = FF_REQUIRED,
     .check = health_check_date,
     .label_zh = "证件有效期"},
    {.name = "mrz",
     .type = FT_TEXT,
     .flags = FF_IDENT,
     .max_len = 100,
     .check = health_check_mrz,
     .label_zh = "机读码"},
    {.name = "embarked_port",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .check = check_locode,
     .label_zh = "登轮港口"},
    {.name = "embarked_on", .type = FT_TEXT, .flags = FF_REQUIRED, .check = health_check_date, .label_zh = "登轮日期"},
    HEALTH_FIELD_TEMPERATURE,
    {.name = "symptoms", .type = FT_TEXT, .max_len = 200, .label_zh = "症状"},
    {.name = "test_on", .type = FT_TEXT, .check = health_check_date, .label_zh = "登轮前检测日期"},
    {.name = "test_result", .type = FT_ENUM, .values = results, .label_zh = "检测结果"},
    {0},
};
const record_type vessel_person_record = {
    .name = N_("person aboard"), .table = "vessel_persons", .fields = person_fields, .parent_column = "call_no"};

#define QUESTION(q, zh)                                                                                                \
    {.name = q, .type = FT_BOOL, .flags = FF_REQUIRED, .label_zh = zh},                                                \
    {                                                                                                                  \
        .name = q "_details", .type = FT_TEXT, .max_len = 500, .label_zh = zh "（详情）"                           \
    }

static const field call_fields[] = {
    {.name = "call_no", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "申报编号"},
    {.name = "agent", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER, .label_zh = "船舶代理"},
    {.name = "vessel_name", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 100, .label_zh = "船名"},
    {.name = "imo",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT | FF_FILTER,
     .check = check_imo,
     .label_zh = "IMO编号"},
    {.name = "call_sign",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .check = vessel_check_call_sign,
     .label_zh = "呼号"},
    HEALTH_FIELD_COUNTRY("flag", "船旗"),
    {.name = "gross_tonnage", .type = FT_INT, .flags = FF_REQUIRED, .min = 1, .max = 600000, .label_zh = "总吨"},
    {.name = "voyage",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .min_len = 1,
     .max_len = 20,
     .label_zh = "航次"},
    {.name = "port",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_FIXED,
     .check = cargo_check_port,
     .label_zh = "口岸关区"},
    {.name = "arrival_port",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .check = check_locode,
     .label_zh = "抵达港"},
    {.name = "eta", .type = FT_TIME, .flags = FF_REQUIRED, .column = "eta_ms", .label_zh = "预计抵港"},
    {.name = "purpose", .type = FT_ENUM, .flags = FF_REQUIRED, .values = purposes, .label_zh = "来港目的"},
    {.name = "cargo_kind", .type = FT_ENUM, .flags = FF_REQUIRED, .values = cargo_kinds, .label_zh = "货物类别"},
    {.name = "last_ports",
     .type = FT_LIST,
     .min = 0,
     .max = 30,
     .child = &vessel_port_record,
     .label_zh = "近30天挂靠港"},
    {.name = "sanitation_cert",
     .type = FT_ENUM,
     .flags = FF_REQUIRED,
     .values = certificates,
     .label_zh = "船舶卫生证书"},
    {.name = "cert_place", .type = FT_TEXT, .flags = FF_IDENT, .check = check_locode, .label_zh = "签发港"},
    {.name = "cert_issued_on", .type = FT_TEXT, .check = health_check_date, .label_zh = "签发日期"},
    {.name = "affected_area", .type = FT_BOOL, .flags = FF_REQUIRED, .label_zh = "到过疫区"},
    {.name = "affected_area_details", .type = FT_TEXT, .max_len = 500, .label_zh = "疫区详情"},
    {.name = "joined", .type = FT_INT, .flags = FF_REQUIRED, .min = 0, .max = 1000, .label_zh = "期间登轮人数"},
    QUESTION("q1_death", "非意外死亡"),
    QUESTION("q2_infectious", "疑似传染病"),
    QUESTION("q3_ill_excess", "患病人数超常"),
    QUESTION("q4_ill_now", "现有患者"),
    QUESTION("q5_practitioner", "曾就医"),
    QUESTION("q6_condition", "可致感染或传播的情况"),
    QUESTION("q7_measure", "已采取卫生措施"),
    QUESTION("q8_stowaways", "偷渡者"),
    QUESTION("q9_sick_animal", "患病动物"),
    {.name = "persons",
     .type = FT_LIST,
     .flags = FF_REQUIRED,
     .min = 1,
     .max = 1000,
     .child = &vessel_person_record,
     .label_zh = "船员及旅客名单"},
    {.name = "status", .type = FT_ENUM, .flags = FF_SERVER | FF_FILTER, .values = call_states, .label_zh = "状态"},
    {.name = "level", .type = FT_ENUM, .flags = FF_SERVER | FF_FILTER, .values = levels, .label_zh = "预警等级"},
    {.name = "reasons", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "原因"},
    {.name = "late", .type = FT_BOOL, .flags = FF_SERVER, .label_zh = "迟报"},
    {.name = "testing_required", .type = FT_BOOL, .flags = FF_SERVER, .label_zh = "须申请船员检测"},
    {.name = "version", .type = FT_INT, .flags = FF_SERVER, .label_zh = "版本"},
    {.name = "pratique", .type = FT_ENUM, .flags = FF_SERVER, .values = decisions, .label_zh = "检疫结论"},
    {.name = "pratique_reason", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "结论理由"},
    {.name = "pratique_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "结论关员"},
    {.name = "reported_at", .type = FT_TIME, .flags = FF_SERVER, .column = "reported_ms", .label_zh = "申报时间"},
    {.name = "updated_at", .type = FT_TIME, .flags = FF_SERVER, .column = "updated_ms", .label_zh = "更新时间"},
    {.name = "arrived_at", .type = FT_TIME, .flags = FF_SERVER, .column = "arrived_ms", .label_zh = "抵港时间"},
    {.name = "departed_at", .type = FT_TIME, .flags = FF_SERVER, .column = "departed_ms", .label_zh = "离港时间"},
    {.name = "purged_at",
     .type = FT_TIME,
     .flags = FF_SERVER,
     .column = "purged_ms",
     .label_zh = "名单健康信息清除时间"},
    {0},
};
const record_type vessel_call_record = {.name = N_("vessel arrival"), .table = "vessel_calls", .fields = call_fields};

static const field boarding_fields[] = {
    {.name = "call_no", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "申报编号"},
    {.name = "started_at", .type = FT_TIME, .flags = FF_REQUIRED, .column = "started_ms", .label_zh = "登轮时间"},
    {.name = "ended_at", .type = FT_TIME, .flags = FF_REQUIRED, .column = "ended_ms", .label_zh = "离轮时间"},
    {.name = "crew_screened", .type = FT_INT, .flags = FF_REQUIRED, .min = 0, .max = 1000, .label_zh = "排查人数"},
    {.name = "findings", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 1000, .label_zh = "检疫发现"},
    {.name = "officer", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "登临关员"},
    {0},
};
const record_type vessel_boarding_record = {
    .name = N_("boarding quarantine"), .table = "vessel_boardings", .fields = boarding_fields};

static const field pratique_fields[] = {
    {.name = "decision", .type = FT_ENUM, .flags = FF_REQUIRED, .values = decisions, .label_zh = "检疫结论"},
    {.name = "reason", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 500, .label_zh = "理由"},
    {0},
};
const record_type vessel_pratique_record = {.name = N_("free pratique"), .fields = pratique_fields};

static const field order_fields[] = {
    {.name = "order_no", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "指令编号"},
    {.name = "call_no", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER, .label_zh = "申报编号"},
    {.name = "kind", .type = FT_ENUM, .flags = FF_REQUIRED, .values = order_kinds, .label_zh = "指令"},
    {.name = "reason", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 500, .label_zh = "理由"},
    {.name = "issued_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "签发"},
    {.name = "issued_at", .type = FT_TIME, .flags = FF_SERVER, .column = "issued_ms", .label_zh = "签发时间"},
    {.name = "lifted_at", .type = FT_TIME, .flags = FF_SERVER, .column = "lifted_ms", .label_zh = "解除时间"},
    {.name = "lifted_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "解除关员"},
    {.name = "lift_reason", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "解除理由"},
    {0},
};
const record_type vessel_order_record = {.name = N_("vessel order"), .table = "vessel_orders", .fields = order_fields};

static const field lift_fields[] = {
    {.name = "reason", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 500, .label_zh = "解除理由"},
    {0},
};
const record_type vessel_lift_record = {.name = N_("lift"), .fields = lift_fields};

static const field result_fields[] = {
    {.name = "barcode",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .min_len = 4,
     .max_len = 40,
     .label_zh = "样品条码"},
    {.name = "result", .type = FT_ENUM, .flags = FF_REQUIRED, .values = results, .label_zh = "结果"},
    {0},
};
const record_type vessel_result_record = {.name = N_("laboratory result"), .fields = result_fields};

static const field moment_fields[] = {
    {.name = "at", .type = FT_TIME, .flags = FF_REQUIRED, .label_zh = "时间"},
    {0},
};
const record_type vessel_moment_record = {.name = N_("moment"), .fields = moment_fields};

static const field testing_fields[] = {
    {.name = "note", .type = FT_TEXT, .max_len = 500, .label_zh = "申请说明"},
    {0},
};
const record_type vessel_testing_record = {.name = N_("testing application"), .fields = testing_fields};

static const field rule_fields[] = {
    {.name = "code", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "规则"},
    {.name = "kind", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "条件"},
    {.name = "param", .type = FT_INT, .min = 0, .max = 100000, .label_zh = "参数"},
    {.name = "level", .type = FT_ENUM, .values = levels, .label_zh = "等级"},
    {.name = "active", .type = FT_BOOL, .label_zh = "启用"},
    {.name = "explanation", .type = FT_TEXT, .min_len = 2, .max_len = 500, .label_zh = "说明"},
    {.name = "updated_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "修改人"},
    {.name = "updated_at", .type = FT_TIME, .flags = FF_SERVER, .column = "updated_ms", .label_zh = "修改时间"},
    {0},
};
const record_type vessel_rule_record = {.name = N_("warning rule"), .table = "vessel_rules", .fields = rule_fields};

static const field risk_port_fields[] = {
    {.name = "locode",
     .type = FT_TEXT,
     .flags = FF_KEY | FF_REQUIRED | FF_IDENT,
     .check = check_locode,
     .label_zh = "港口"},
    {.name = "level", .type = FT_ENUM, .flags = FF_REQUIRED, .values = list_levels, .label_zh = "等级"},
    {.name = "note", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 200, .label_zh = "说明"},
    {.name = "set_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "设置人"},
    {.name = "set_at", .type = FT_TIME, .flags = FF_SERVER, .column = "set_ms", .label_zh = "设置时间"},
    {0},
};
const record_type vessel_risk_port_record = {
    .name = N_("high-risk port"), .table = "vessel_risk_ports", .fields = risk_port_fields};

static const field task_fields[] = {
    {.name = "task_no", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "任务编号"},
    {.name = "call_no", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER, .label_zh = "申报编号"},
    {.name = "kind", .type = FT_ENUM, .flags = FF_SERVER | FF_FILTER, .values = task_kinds, .label_zh = "任务"},
    {.name = "post", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER, .label_zh = "责任岗位"},
    {.name = "deadline", .type = FT_TIME, .flags = FF_SERVER, .column = "deadline_ms", .label_zh = "期限"},
    {.name = "status", .type = FT_ENUM, .flags = FF_SERVER | FF_FILTER, .values = task_states, .label_zh = "状态"},
    {.name = "result", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "结果"},
    {.name = "done_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "完成人"},
    {.name = "done_at", .type = FT_TIME, .flags = FF_SERVER, .column = "done_ms", .label_zh = "完成时间"},
    {.name = "created_at", .type = FT_TIME, .flags = FF_SERVER, .column = "created_ms", .label_zh = "生成时间"},
    {0},
};
const record_type vessel_task_record = {.name = N_("disposal task"), .table = "vessel_tasks", .fields = task_fields};

static const field task_close_fields[] = {
    {.name = "result", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 500, .label_zh = "结果"},
    {0},
};
const record_type vessel_task_close_record = {.name = N_("task result"), .fields = task_close_fields};

static const field sample_fields[] = {
    {.name = "barcode", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "样品条码"},
    {.name = "call_no", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER, .label_zh = "申报编号"},
    {.name = "line_no", .type = FT_INT, .flags = FF_SERVER, .label_zh = "名单序号"},
    {.name = "person", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "受检人"},
    {.name = "result", .type = FT_ENUM, .flags = FF_SERVER, .values = results, .label_zh = "结果"},
    {.name = "result_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "检测机构"},
    {.name = "result_at", .type = FT_TIME, .flags = FF_SERVER, .column = "result_ms", .label_zh = "出结果时间"},
    {.name = "created_at", .type = FT_TIME, .flags = FF_SERVER, .column = "created_ms", .label_zh = "采样时间"},
    {0},
};
const record_type vessel_sample_record = {
    .name = N_("crew sample"), .table = "vessel_samples", .fields = sample_fields};
