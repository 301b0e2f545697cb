/* user_list.c — the administrators' users list on the shared list query (list_query.h): a
 * read-only description of the users table's public columns (never the password hash), so
 * that the search, sort, numbered pages and the CSV export are record.c's; posts, stored as a
 * comma list, are answered as an array as GET /api/v1/users/{name} answers them. */
#include "user_list.h"
#include "i18n.h"

#include <string.h>

static const char *const roles[] = {"admin", "officer", "enterprise", "system", NULL};
static const field user_fields[] = {
    {.name = "name", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER | FF_SEARCH, .label_zh = "用户名"},
    {.name = "id", .type = FT_INT, .flags = FF_SERVER},
    {.name = "display_name", .type = FT_TEXT, .flags = FF_SERVER | FF_SEARCH, .label_zh = "姓名"},
    {.name = "role", .type = FT_ENUM, .flags = FF_SERVER | FF_FILTER, .values = roles, .label_zh = "角色"},
    {.name = "posts", .type = FT_TEXT, .flags = FF_SERVER | FF_SEARCH, .label_zh = "岗位"},
    {.name = "enterprise", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER | FF_SEARCH, .label_zh = "所属企业"},
    {.name = "disabled", .type = FT_BOOL, .flags = FF_SERVER | FF_FILTER, .label_zh = "已停用"},
    {.name = "created_at", .type = FT_TIME, .flags = FF_SERVER, .column = "created_ms", .label_zh = "创建时间"},
    {.name = "updated_at", .type = FT_TIME, .flags = FF_SERVER, .column = "updated_ms", .label_zh = "更新时间"},
    {0},
};
const record_type user_list_record = {.name = N_("user"), .table = "users", .fields = user_fields};

const char *const user_sortable[] = {"name",     "display_name", "role",       "enterprise",
                                     "disabled", "created_at",   "updated_at", NULL};

/* "a,b" -> ["a", "b"] in row's posts */
static hg_rc posts_array(json_t *row)
{
    const char *p = json_string_value(json_object_get(row, "posts"));
    json_t *posts = json_array();
    while (posts && p && *p) {
        size_t n = strcspn(p, ",");
        if (json_array_append_new(posts, json_stringn(p, n))) {
            json_decref(posts);
            return HG_NOMEM;
        }
        p += n + (p[n] == ',');
    }
    return !posts || json_object_set_new(row, "posts", posts) ? HG_NOMEM : HG_OK;
}

hg_rc user_list_page(db *d, const record_query *q, json_t **out, hg_err *err)
{
    hg_rc rc = record_list_json(d, &user_list_record, q, out, err);
    size_t i;
    json_t *row;
    json_array_foreach(rc ? NULL : json_object_get(*out, "items"), i, row)
    {
        if (!rc && posts_array(row)) {
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
            json_decref(*out);
            *out = NULL;
        }
    }
    return rc;
}
