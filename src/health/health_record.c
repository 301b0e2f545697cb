/* health_record.c — every field table of the health area, in one place: the traveller's
 * declaration (出入境健康申明卡, 4th edition) with its visits and symptoms, inbound flights and
 * their boarding quarantine (登临检疫), the counter's checks, samples and laboratory results by
 * the clearance barcode, and handovers (转运) with their acknowledgement. Bodies that are not
 * stored as they come (a scan, a landing, a result, an acknowledgement) have no table. */
#include "../check/check.h"
#include "../platform/i18n.h"
#include "health.h"

static const char *const sexes[] = {"M", "F", "X", NULL}; /* ICAO 9303: X unspecified */
static const char *const document_types[] = {"passport", "resident_id", "travel_permit", NULL};
static const char *const languages[] = {"zh", "en", NULL};
static const char *const transports[] = {"flight", "vessel", NULL}; /* the card: flight or vessel */
static const char *const symptoms[] = {"fever",
                                       "fatigue",
                                       "dry_cough",
                                       "sputum",
                                       "headache",
                                       "sore_throat",
                                       "shortness_of_breath",
                                       "dyspnoea",
                                       "chest_tightness",
                                       "conjunctival_congestion",
                                       "diarrhoea",
                                       "other",
                                       NULL};

static const field visit_fields[] = {
    HEALTH_FIELD_COUNTRY("country", "国家或地区"),
    {.name = "arrived_on", .type = FT_TEXT, .flags = FF_REQUIRED, .check = health_check_date, .label_zh = "到达日期"},
    {.name = "left_on", .type = FT_TEXT, .flags = FF_REQUIRED, .check = health_check_date, .label_zh = "离开日期"},
    {0},
};
const record_type health_visit_record = {
    .name = N_("visit"), .table = "health_visits", .fields = visit_fields, .parent_column = "declaration_id"};

static const field symptom_fields[] = {
    {.name = "symptom", .type = FT_ENUM, .flags = FF_REQUIRED, .values = symptoms, .label_zh = "症状"},
    {0},
};
const record_type health_symptom_record = {
    .name = N_("symptom"), .table = "health_symptoms", .fields = symptom_fields, .parent_column = "declaration_id"};

static const field declaration_fields[] = {
    {.name = "id", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "申明编号"},
    {.name = "name", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 100, .label_zh = "姓名"},
    {.name = "name_mrz",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .check = health_check_mrz_name,
     .label_zh = "姓名（证件拼写）"},
    {.name = "sex", .type = FT_ENUM, .flags = FF_REQUIRED, .values = sexes, .label_zh = "性别"},
    HEALTH_FIELD_BIRTH_DATE("出生日期"),
    HEALTH_FIELD_COUNTRY("nationality", "国籍（地区）"),
    {.name = "document_type", .type = FT_ENUM, .flags = FF_REQUIRED, .values = document_types, .label_zh = "证件类型"},
    HEALTH_FIELD_DOCUMENT_NO,
    {.name = "mrz", .type = FT_TEXT, .min_len = 60, .max_len = 100, .check = health_check_mrz, .label_zh = "机读区"},
    {.name = "transport", .type = FT_ENUM, .values = transports, .label_zh = "交通方式"},
    {.name = "flight_no",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT | FF_FILTER,
     .check = health_check_trip,
     .label_zh = "航班号或航次"},
    {.name = "seat",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .min_len = 2,
     .max_len = 5,
     .label_zh = "座位号"},
    {.name = "port", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT, .check = check_locode, .label_zh = "入境口岸"},
    {.name = "entry_date", .type = FT_TEXT, .flags = FF_REQUIRED, .check = health_check_date, .label_zh = "入境日期"},
    {.name = "visits",
     .type = FT_LIST,
     .min = 0,
     .max = 30,
     .child = &health_visit_record,
     .label_zh = "14日内到访国家和地区"},
    {.name = "address",
     .type = FT_TEXT,
     .flags = FF_REQUIRED,
     .min_len = 6,
     .max_len = 200,
     .check = health_check_address,
     .label_zh = "未来14天详细地址"},
    {.name = "phone", .type = FT_TEXT, .flags = FF_REQUIRED, .check = health_check_phone, .label_zh = "手机号码"},
    {.name = "contact_cases", .type = FT_BOOL, .flags = FF_REQUIRED, .label_zh = "接触确诊、疑似或无症状感染者"},
    {.name = "fever_cluster", .type = FT_BOOL, .flags = FF_REQUIRED, .label_zh = "家庭或单位聚集性发热"},
    {.name = "symptoms", .type = FT_LIST, .min = 0, .max = 12, .child = &health_symptom_record, .label_zh = "症状"},
    {.name = "symptoms_other", .type = FT_TEXT, .max_len = 200, .label_zh = "其他症状"},
    {.name = "antipyretics", .type = FT_BOOL, .flags = FF_REQUIRED, .label_zh = "72小时内服用退烧药"},
    {.name = "warning_accepted", .type = FT_BOOL, .flags = FF_REQUIRED, .label_zh = "已阅知法律责任"},
    {.name = "language", .type = FT_ENUM, .values = languages, .label_zh = "语言"},
    {.name = "key_id", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "签名密钥"},
    {.name = "answers_hash", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "健康申明摘要"},
    {.name = "created_at", .type = FT_TIME, .flags = FF_SERVER, .column = "created_ms", .label_zh = "申报时间"},
    {.name = "expires_at", .type = FT_TIME, .flags = FF_SERVER, .column = "expires_ms", .label_zh = "有效期至"},
    {.name = "purged_at", .type = FT_TIME, .flags = FF_SERVER, .column = "purged_ms", .label_zh = "清除时间"},
    {0},
};
const record_type health_declaration_record = {
    .name = N_("health declaration"), .table = "health_declarations", .fields = declaration_fields};

static const field flight_fields[] = {
    {.name = "id", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "航班记录"},
    {.name = "transport", .type = FT_ENUM, .values = transports, .label_zh = "交通方式"},
    {.name = "flight_no",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .check = health_check_trip,
     .label_zh = "航班号或航次"},
    {.name = "origin", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT, .check = check_locode, .label_zh = "始发地"},
    {.name = "port", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT, .check = check_locode, .label_zh = "入境口岸"},
    {.name = "scheduled_at", .type = FT_TIME, .flags = FF_REQUIRED, .column = "scheduled_ms", .label_zh = "计划到达"},
    {.name = "passengers", .type = FT_INT, .flags = FF_REQUIRED, .min = 0, .max = 9000, .label_zh = "旅客人数"},
    {.name = "crew", .type = FT_INT, .flags = FF_REQUIRED, .min = 0, .max = 3000, .label_zh = "机组或船员人数"},
    {.name = "date", .type = FT_TEXT, .flags = FF_SERVER, .column = "local_date", .label_zh = "日期"},
    {.name = "landed_at", .type = FT_TIME, .flags = FF_SERVER, .column = "landed_ms", .label_zh = "实际到达"},
    {.name = "samples_sent_at",
     .type = FT_TIME,
     .flags = FF_SERVER,
     .column = "samples_sent_ms",
     .label_zh = "样本送检"},
    {.name = "recorded_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "记录人"},
    {0},
};
const record_type health_flight_record = {
    .name = N_("inbound flight"), .table = "health_flights", .fields = flight_fields};

/* A traveller flagged on board (登临检疫): by seat, with what was seen; the counter's scan of a
 * traveller on that seat shows the flag. */
static const field flag_fields[] = {
    {.name = "seat",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .min_len = 2,
     .max_len = 5,
     .label_zh = "座位号"},
    {.name = "name", .type = FT_TEXT, .max_len = 100, .label_zh = "姓名"},
    {.name = "reason", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 200, .label_zh = "异常情况"},
    {0},
};
const record_type health_flag_record = {.name = "traveller flagged on board",
                                        .table = "health_boarding_flags",
                                        .fields = flag_fields,
                                        .parent_column = "flight_id"};

static const field boarding_fields[] = {
    {.name = "flight_id", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "航班记录"},
    {.name = "started_at", .type = FT_TIME, .flags = FF_REQUIRED, .column = "started_ms", .label_zh = "登临开始"},
    {.name = "ended_at", .type = FT_TIME, .flags = FF_REQUIRED, .column = "ended_ms", .label_zh = "登临结束"},
    {.name = "findings", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 1000, .label_zh = "检疫情况"},
    {.name = "flagged_travellers",
     .type = FT_LIST,
     .min = 0,
     .max = 900,
     .child = &health_flag_record,
     .label_zh = "机上发现异常旅客"},
    {.name = "flagged", .type = FT_INT, .flags = FF_SERVER, .label_zh = "机上发现异常旅客人数"},
    {.name = "officer", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "登临关员"},
    {0},
};
const record_type health_boarding_record = {
    .name = N_("boarding quarantine"), .table = "health_boardings", .fields = boarding_fields};

static const char *const check_kinds_[] = {"temperature", "survey", "exam", NULL};
static const field check_fields[] = {
    {.name = "id", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "记录编号"},
    {.name = "barcode", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "通关条码"},
    {.name = "kind", .type = FT_ENUM, .flags = FF_REQUIRED, .values = check_kinds_, .label_zh = "项目"},
    HEALTH_FIELD_TEMPERATURE,
    {.name = "findings", .type = FT_TEXT, .max_len = 1000, .label_zh = "结果"},
    {.name = "abnormal", .type = FT_BOOL, .label_zh = "异常"},
    {.name = "at", .type = FT_TIME, .flags = FF_SERVER, .column = "at_ms", .label_zh = "时间"},
    {.name = "recorded_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "记录人"},
    {0},
};
const record_type health_check_record = {.name = N_("health check"), .table = "health_checks", .fields = check_fields};

static const char *const sample_kinds[] = {"nucleic_acid", "serum", "other", NULL};
static const char *const results[] = {"positive", "negative", NULL};
static const field sample_fields[] = {
    {.name = "sample_no", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "样本编号"},
    {.name = "barcode", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "通关条码"},
    {.name = "kind", .type = FT_ENUM, .flags = FF_REQUIRED, .values = sample_kinds, .label_zh = "样本类型"},
    {.name = "taken_at", .type = FT_TIME, .flags = FF_SERVER, .column = "taken_ms", .label_zh = "采样时间"},
    {.name = "taken_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "采样人"},
    {.name = "result", .type = FT_ENUM, .flags = FF_SERVER, .values = results, .label_zh = "检测结果"},
    {.name = "result_at", .type = FT_TIME, .flags = FF_SERVER, .column = "result_ms", .label_zh = "结果时间"},
    {.name = "result_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "实验室"},
    {0},
};
const record_type health_sample_record = {.name = N_("sample"), .table = "health_samples", .fields = sample_fields};

static const field result_fields[] = {
    {.name = "barcode",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .min_len = 6,
     .max_len = 20,
     .label_zh = "通关条码"},
    {.name = "kind", .type = FT_ENUM, .flags = FF_REQUIRED, .values = sample_kinds, .label_zh = "样本类型"},
    {.name = "result", .type = FT_ENUM, .flags = FF_REQUIRED, .values = results, .label_zh = "检测结果"},
    {0},
};
const record_type health_result_record = {.name = N_("laboratory result"), .fields = result_fields};

static const field handover_fields[] = {
    {.name = "barcode", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "通关条码"},
    {.name = "vehicle", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 20, .label_zh = "转运车辆"},
    {.name = "unit", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 100, .label_zh = "接收单位"},
    {.name = "person", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 50, .label_zh = "接收人"},
    {.name = "reason", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "转运原因"},
    {.name = "handed_at", .type = FT_TIME, .flags = FF_SERVER, .column = "handed_ms", .label_zh = "交接时间"},
    {.name = "officer", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "交接关员"},
    {.name = "acknowledged_at", .type = FT_TIME, .flags = FF_SERVER, .column = "ack_ms", .label_zh = "接收确认"},
    {.name = "acknowledged_by", .type = FT_TEXT, .flags = FF_SERVER, .column = "ack_by", .label_zh = "确认人"},
    {.name = "alarm_at", .type = FT_TIME, .flags = FF_SERVER, .column = "alarm_ms", .label_zh = "超时告警"},
    {0},
};
const record_type health_handover_record = {
    .name = N_("handover"), .table = "health_handovers", .fields = handover_fields};

static const field scan_fields[] = {
    {.name = "qr", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 4, .max_len = 2000, .label_zh = "二维码"},
    {0},
};
const record_type health_scan_record = {.name = N_("scan"), .fields = scan_fields};

static const field landing_fields[] = {
    {.name = "landed_at", .type = FT_TIME, .flags = FF_REQUIRED, .label_zh = "实际到达"},
    {0},
};
const record_type health_landing_record = {.name = N_("landing"), .fields = landing_fields};

static const field ack_fields[] = {
    {.name = "person", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 50, .label_zh = "接收人"},
    {0},
};
const record_type health_ack_record = {.name = N_("acknowledgement"), .fields = ack_fields};

static const field receipt_fields[] = {
    {.name = "token", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 20, .max_len = 100, .label_zh = "确认链接"},
    {.name = "person", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 50, .label_zh = "接收人"},
    {0},
};
const record_type health_receipt_record = {.name = N_("receipt"), .fields = receipt_fields};
