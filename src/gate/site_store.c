/* site_store.c — the site's gates with their lanes and the release conditions enabled at each,
 * and the controllers: machine accounts bound to one gate, whose events are accepted for that
 * gate only (a controller speaks for its own lanes and no other's). */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/i18n.h"
#include "../platform/json.h"
#include "gate.h"
#include "gate_store.h"

static const char *const gate_kinds[] = {"container", "vehicle", "car", NULL};
static const char *const lane_directions[] = {"in", "out", NULL};

/* The optional conditions a gate may enable (the others always apply: docs/api/gate.md). */
static int check_conditions(const char *s, const char **reason)
{
    for (const char *p = s; *p;) {
        size_t n = strcspn(p, ",");
        if (!(n == 6 && strncmp(p, "weight", 6) == 0)) {
            if (reason)
                *reason = N_("the optional conditions are: weight");
            return 0;
        }
        p += n + (p[n] == ',');
    }
    return 1;
}

static const field lane_fields[] = {
    {.name = "lane_no", .type = FT_INT, .flags = FF_REQUIRED, .min = 1, .max = 99, .label_zh = "车道号"},
    {.name = "direction", .type = FT_ENUM, .flags = FF_REQUIRED, .values = lane_directions, .label_zh = "方向"},
    {0},
};
static const record_type lane_record = {
    .name = N_("lane"), .table = "gate_lanes", .fields = lane_fields, .parent_column = "gate"};

static const field gate_fields[] = {
    {.name = "code",
     .type = FT_TEXT,
     .flags = FF_KEY | FF_IDENT | FF_REQUIRED,
     .min_len = 2,
     .max_len = 20,
     .label_zh = "卡口代码"},
    {.name = "name", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 60, .label_zh = "卡口名称"},
    {.name = "site", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 60, .label_zh = "场所"},
    {.name = "kind", .type = FT_ENUM, .flags = FF_REQUIRED, .values = gate_kinds, .label_zh = "类型"},
    {.name = "conditions", .type = FT_TEXT, .max_len = 100, .check = check_conditions, .label_zh = "启用条件"},
    {.name = "lanes",
     .type = FT_LIST,
     .flags = FF_REQUIRED,
     .min = 1,
     .max = 32,
     .child = &lane_record,
     .label_zh = "车道"},
    {.name = "created_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "登记人"},
    {.name = "created_at", .type = FT_TIME, .flags = FF_SERVER, .column = "created_ms", .label_zh = "登记时间"},
    {0},
};
const record_type gate_record = {.name = N_("gate"), .table = "gate_gates", .fields = gate_fields};

hg_rc gate_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&gate_record, body, REC_CREATE, &r, err);
    int n = 0;
    const record *lanes = rc ? NULL : record_list(&r, "lanes", &n);
    for (int i = 0; i < n && !rc; i++)
        for (int k = 0; k < i && !rc; k++)
            if (record_int(&lanes[i], "lane_no", 0) == record_int(&lanes[k], "lane_no", 0))
                rc = hg_fail(err, HG_INVALID, "duplicate", "lanes", "lane %lld is listed twice",
                             (long long)record_int(&lanes[i], "lane_no", 0));
    if (!rc && (record_set_text(&r, "created_by", c->actor) || record_set_int(&r, "created_at", c->now_ms)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = record_insert(c->d, &r, err);
    if (!rc)
        rc = record_load_json(c->d, &gate_record, record_text(&r, "code"), out, err);
    rc = audit_commit(c, rc, "gate.create", "gate", record_text(&r, "code"), NULL, *out, err);
out:
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    record_free(&r);
    return rc;
}

static json_t *controller_row(db_stmt *s)
{
    return json_pack("{s:s, s:s}", "user", db_col_text(s, 0), "gate", db_col_text(s, 1));
}

hg_rc gate_list(db *d, json_t **out, hg_err *err)
{
    record_query q = {.limit = 200};
    json_t *page = NULL, *controllers = NULL;
    hg_rc rc = record_list_json(d, &gate_record, &q, &page, err);
    if (!rc)
        rc = db_rows_json(d, controller_row, &controllers, err,
                          "SELECT user_name, gate FROM gate_controllers ORDER BY user_name", "");
    size_t i;
    json_t *g;
    json_array_foreach(json_object_get(page, "items"), i, g)
    {
        json_t *lanes = NULL, *mine = json_array();
        const char *code = json_string_value(json_object_get(g, "code"));
        if (!rc)
            rc = record_children_json(d, &lane_record, code, &lanes, err);
        size_t k;
        json_t *ctl;
        json_array_foreach(controllers, k, ctl)
        {
            if (strcmp(json_string_value(json_object_get(ctl, "gate")), code) == 0)
                json_array_append(mine, json_object_get(ctl, "user"));
        }
        if (json_object_set_new(g, "lanes", lanes ? lanes : json_array()) ||
            json_object_set_new(g, "controllers", mine))
            rc = rc ? rc : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    json_decref(controllers);
    if (rc) {
        json_decref(page);
        return rc;
    }
    *out = page;
    return HG_OK;
}

hg_rc gate_bind_controller(const hg_ctx *c, const char *code, const json_t *body, json_t **out, hg_err *err)
{
    static const char *const allowed[] = {"user", NULL};
    *out = NULL;
    hg_rc rc = json_reject_unknown(body, allowed, err);
    const char *user = json_string_value(json_object_get(body, "user"));
    if (!rc && !user)
        rc = hg_fail(err, HG_INVALID, "required", "user", "user names the controller's machine account");
    json_t *u = NULL, *before = NULL;
    if (!rc && (rc = user_get_json(c->d, user, &u, err)) == HG_NOTFOUND)
        rc = hg_fail(err, HG_INVALID, "not_found", "user", "no user %s", user);
    /* a controller is a machine: a person's account could then post what no lane read */
    if (!rc &&
        strcmp(json_string_value(json_object_get(u, "role")) ? json_string_value(json_object_get(u, "role")) : "",
               "system") != 0)
        rc =
            hg_fail(err, HG_INVALID, "controller_role", "user", "a gate controller is a machine account (role system)");
    json_decref(u);
    if (rc || (rc = db_begin(c->d, err)))
        return rc;
    int64_t n = 0;
    rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM gate_gates WHERE code = ?", "t", code);
    if (!rc && !n)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "code", "no gate %s", code);
    if (!rc && (rc = db_row_json(c->d, controller_row, &before, "user", "not bound", err,
                                 "SELECT user_name, gate FROM gate_controllers WHERE user_name = ?", "t", user)) ==
                   HG_NOTFOUND)
        rc = HG_OK; /* not bound before */
    if (!rc)
        rc = db_run(c->d, err, "DELETE FROM gate_controllers WHERE user_name = ?", "t", user);
    if (!rc)
        rc = db_run(c->d, err, "INSERT INTO gate_controllers (user_name, gate, bound_by, bound_ms) VALUES (?, ?, ?, ?)",
                    "ttti", user, code, c->actor, c->now_ms);
    if (!rc && !(*out = json_pack("{s:s, s:s}", "user", user, "gate", code)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    rc = audit_commit(c, rc, "gate.bind_controller", "gate", code, before, *out, err);
    json_decref(before);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc gate_controller_of(db *d, const char *user, char *gate, size_t n, hg_err *err)
{
    db_stmt *s;
    gate[0] = 0;
    hg_rc rc = db_query(d, &s, err, "SELECT gate FROM gate_controllers WHERE user_name = ?", "t", user);
    if (rc)
        return rc;
    if ((rc = db_step(s, err)) == HG_ROW)
        snprintf(gate, n, "%s", db_col_text(s, 0));
    db_reset(s);
    return rc == HG_ROW || rc == HG_DONE ? HG_OK : rc;
}

hg_rc gate_lane_of(db *d, const char *gate, int64_t lane, gate_site *out, hg_err *err)
{
    db_stmt *s;
    memset(out, 0, sizeof *out);
    hg_rc rc =
        db_query(d, &s, err,
                 "SELECT g.kind, COALESCE(g.conditions, ''), l.direction FROM gate_gates g LEFT JOIN gate_lanes l"
                 " ON l.gate = g.code AND l.lane_no = ? WHERE g.code = ?",
                 "it", lane, gate);
    if (rc)
        return rc;
    if ((rc = db_step(s, err)) == HG_ROW) {
        out->known = 1;
        snprintf(out->kind, sizeof out->kind, "%s", db_col_text(s, 0));
        snprintf(out->conditions, sizeof out->conditions, "%s", db_col_text(s, 1));
        if (!db_col_null(s, 2))
            snprintf(out->direction, sizeof out->direction, "%s", db_col_text(s, 2));
    }
    db_reset(s);
    return rc == HG_ROW || rc == HG_DONE ? HG_OK : rc;
}
