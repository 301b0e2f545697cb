/* enterprise.c — the enterprise record described once (its field table), and the pure
 * access rule. No I/O here. */
#include "enterprise.h"
#include "../platform/i18n.h"

#include <string.h>

static const char *const enterprise_kinds[] = {
    "importer", "exporter", "broker", "shipping_agent", "shipyard", "bonded_warehouse", "ecommerce_platform",
    "logistics", "manufacturer", "airline", "terminal", "carrier", NULL};

static const char *const credit_levels[] = {"advanced_certified", "general_certified", "general_credit", "dishonest",
                                            NULL};

static const field enterprise_fields[] = {
    {.name = "uscc", .type = FT_TEXT, .flags = FF_KEY | FF_IDENT | FF_SEARCH, .check = check_uscc,
     .label_zh = "统一社会信用代码"},
    {.name = "customs_code", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT | FF_FILTER | FF_SEARCH,
     .check = check_customs_code, .label_zh = "海关编码"},
    {.name = "name_zh", .type = FT_TEXT, .flags = FF_REQUIRED | FF_SEARCH, .min_len = 2, .max_len = 100,
     .label_zh = "中文名称"},
    {.name = "name_en", .type = FT_TEXT, .flags = FF_SEARCH, .min_len = 0, .max_len = 200, .label_zh = "英文名称"},
    {.name = "kind", .type = FT_ENUM, .flags = FF_REQUIRED | FF_FILTER, .values = enterprise_kinds,
     .label_zh = "企业类型"},
    {.name = "credit_level", .type = FT_ENUM, .flags = FF_REQUIRED | FF_FILTER, .values = credit_levels,
     .label_zh = "信用等级"},
    {.name = "coordinator", .type = FT_TEXT, .flags = FF_FILTER, .min_len = 0, .max_len = 32,
     .label_zh = "协调员"},
    /* the reason of the latest change of credit_level (认证、降级、信用修复), kept in its history */
    {.name = "credit_reason", .type = FT_TEXT, .min_len = 2, .max_len = 200, .label_zh = "信用等级变更原因"},
    {.name = "created_at", .type = FT_TIME, .flags = FF_SERVER, .column = "created_ms", .label_zh = "创建时间"},
    {.name = "updated_at", .type = FT_TIME, .flags = FF_SERVER, .column = "updated_ms", .label_zh = "更新时间"},
    {0},
};

const record_type enterprise_record = {.name = N_("enterprise"), .table = "enterprises", .fields = enterprise_fields};

int enterprise_visible(const principal *p, const char *uscc)
{
    if (!p)
        return 0;
    if (p->role == ROLE_ENTERPRISE)
        return strcmp(p->enterprise, uscc) == 0;
    return 1;
}
