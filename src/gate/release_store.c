/* release_store.c — the release records the smart gate reads (放行信息: which bills,
 * containers and vehicles may leave) and the gate's exits (卡口放行), whose first one ends the
 * third segment of clearance time (release → gate out). A gate exit is a record described
 * once; the rules that a table cannot say are here. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../cargo/cargo.h"
#include "gate.h"

static const field gate_exit_fields[] = {
    {.name = "id", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "编号"},
    {.name = "entry_no", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "报关单号"},
    {.name = "container", .type = FT_TEXT, .flags = FF_IDENT, .check = cargo_check_containers,
     .label_zh = "集装箱号"},
    {.name = "vehicle", .type = FT_TEXT, .flags = FF_IDENT, .min_len = 2, .max_len = 20, .label_zh = "车牌号"},
    {.name = "gate", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 20, .label_zh = "卡口"},
    {.name = "at", .type = FT_TIME, .column = "at_ms", .label_zh = "出卡时间"},
    {.name = "recorded_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "记录人"},
    {0},
};
const record_type gate_exit_record = {.name = "gate exit", .table = "gate_exits", .fields = gate_exit_fields};

static json_t *release_row(db_stmt *s)
{
    char released[40], out[40];
    time_format_rfc3339(db_col_int(s, 4), released, sizeof released);
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s?, s:s}", "entry_no", db_col_text(s, 0), "direction",
                     db_col_text(s, 1), "port", db_col_text(s, 2), "bill_no", db_col_text(s, 3), "released_at",
                     released, "gate_out_at", db_col_time(s, 5, out), "trader", db_col_text(s, 6));
}

/* Adds to each release what may leave under it: the bill's containers and the items' VINs. */
static hg_rc add_goods(db *d, json_t *items, hg_err *err)
{
    size_t i;
    json_t *rel;
    hg_rc rc = HG_OK;
    json_array_foreach(items, i, rel)
    {
        json_t *containers = json_array(), *vins = json_array();
        db_stmt *s;
        if (!containers || !vins || json_object_set_new(rel, "containers", containers) ||
            json_object_set_new(rel, "vins", vins))
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        rc = db_query(d, &s, err, "SELECT container_no FROM cargo_bill_containers WHERE bill_no = ? ORDER BY container_no",
                      "t", json_string_value(json_object_get(rel, "bill_no")));
        while (!rc && (rc = db_step(s, err)) == HG_ROW)
            rc = json_array_append_new(containers, json_string(db_col_text(s, 0))) ? HG_NOMEM : HG_OK;
        db_reset(s);
        if (rc != HG_DONE)
            return rc;
        rc = db_query(d, &s, err,
                      "SELECT vins FROM cargo_item_vins WHERE entry_no = ? ORDER BY line_no", "t",
                      json_string_value(json_object_get(rel, "entry_no")));
        while (!rc && (rc = db_step(s, err)) == HG_ROW) {
            rc = HG_OK;
            /* a comma-separated list, checked when declared */
            for (const char *p = db_col_text(s, 0); *p && !rc;) {
                size_t n = strcspn(p, ",");
                rc = json_array_append_new(vins, json_stringn(p, n)) ? HG_NOMEM : HG_OK;
                p += n + (p[n] == ',');
            }
        }
        db_reset(s);
        if (rc != HG_DONE)
            return rc;
        rc = HG_OK;
    }
    return rc;
}

hg_rc release_list(db *d, const release_query *q, json_t **out, hg_err *err)
{
    int64_t after_ms = 0;
    char after_entry[24] = "";
    *out = NULL;
    if (q->cursor && (sscanf(q->cursor, "%" SCNd64 ":%23s", &after_ms, after_entry) != 2 || !after_entry[0]))
        return hg_fail(err, HG_INVALID, "invalid", "cursor", "cursor is not one this list gave");
    json_t *items = NULL;
    hg_rc rc = db_rows_json(
        d, release_row, &items, err,
        "SELECT d.entry_no, d.direction, d.port, d.bill_no, d.released_ms, d.gate_out_ms, d.trader"
        " FROM cargo_declarations d"
        " WHERE d.status = 'released' AND d.released_ms >= ?"
        " AND (d.released_ms > ? OR (d.released_ms = ? AND d.entry_no > ?))"
        " AND (CAST(? AS TEXT) IS NULL OR d.direction = ?)"
        " AND (CAST(? AS TEXT) IS NULL OR d.port = ?) AND (CAST(? AS TEXT) IS NULL OR d.bill_no = ?)"
        " AND (CAST(? AS TEXT) IS NULL OR d.bill_no IN (SELECT c.bill_no FROM cargo_bill_containers c WHERE c.container_no = ?))"
        " AND (CAST(? AS TEXT) IS NULL OR (CAST(? AS TEXT) = 'true') = (d.gate_out_ms IS NOT NULL))"
        " ORDER BY d.released_ms, d.entry_no LIMIT ?",
        "iiittttttttttti", q->since_ms, after_ms, after_ms, after_entry, q->direction, q->direction, q->port, q->port,
        q->bill_no, q->bill_no,
        q->container, q->container, q->gone, q->gone, (int64_t)q->limit + 1);
    size_t n = items ? json_array_size(items) : 0;
    json_t *next = json_null();
    if (!rc && n > (size_t)q->limit) {
        json_array_remove(items, n - 1);
        json_t *last = json_array_get(items, n - 2);
        int64_t ms = 0;
        time_parse_rfc3339(json_string_value(json_object_get(last, "released_at")), &ms);
        json_decref(next);
        next = json_sprintf("%" PRId64 ":%s", ms, json_string_value(json_object_get(last, "entry_no")));
    }
    if (!rc)
        rc = add_goods(d, items, err);
    if (rc) {
        json_decref(items);
        json_decref(next);
        return rc;
    }
    return json_page(items, next, out, err);
}

hg_rc release_gate_out(db *d, const principal *who, const char *request_id, const char *entry_no, const json_t *body,
                       json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&gate_exit_record, body, REC_CREATE, &r, err);
    const char *container = record_text(&r, "container");
    if (!rc && container && strchr(container, ','))
        rc = hg_fail(err, HG_INVALID, "invalid", "container", "one container per exit");
    int64_t now = now_ms(), at = record_int(&r, "at", now);
    if (!rc && at > now + 5 * 60000)
        rc = hg_fail(err, HG_INVALID, "invalid", "at", "an exit cannot be recorded in the future");
    if (rc || (rc = db_begin(d, err)))
        goto out;
    /* only released goods leave, and not before their release */
    db_stmt *s = NULL;
    int64_t released = 0, first_out = 0;
    char bill[40] = "", status[16] = "";
    rc = db_query(d, &s, err,
                  "SELECT status, COALESCE(released_ms, 0), COALESCE(gate_out_ms, 0), bill_no FROM cargo_declarations "
                  "WHERE entry_no = ?",
                  "t", entry_no);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(status, sizeof status, "%s", db_col_text(s, 0));
        released = db_col_int(s, 1);
        first_out = db_col_int(s, 2);
        snprintf(bill, sizeof bill, "%s", db_col_text(s, 3));
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "entry_no", "no declaration %s", entry_no);
    }
    db_reset(s);
    if (!rc && strcmp(status, DECL_RELEASED) != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "status",
                     "the goods of %s are not released (status %s): the gate keeps them", entry_no, status);
    if (!rc && at < released)
        rc = hg_fail(err, HG_INVALID, "invalid", "at", "an exit cannot be before the release");
    int64_t n = 0;
    if (!rc && container)
        rc = db_int(d, &n, err, "SELECT COUNT(*) FROM cargo_bill_containers WHERE bill_no = ? AND container_no = ?", "tt",
                    bill, container);
    if (!rc && container && n == 0)
        rc = hg_fail(err, HG_INVALID, "invalid", "container", "container %s is not on bill %s", container, bill);
    if (!rc)
        rc = db_int(d, &n, err,
                    /* typed, so that PostgreSQL need not guess inside the transaction */
                    "SELECT COUNT(*) FROM gate_exits WHERE entry_no = ? AND (container = ? OR (CAST(? AS TEXT) IS NULL "
                    "AND container IS NULL))",
                    "ttt", entry_no, container, container);
    if (!rc && n > 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", container ? "container" : "entry_no", "%s %s has already left",
                     container ? "container" : "the goods of", container ? container : entry_no);
    char id[48];
    snprintf(id, sizeof id, "%s-%" PRId64, entry_no, now);
    if (!rc && (record_set_text(&r, "id", id) || record_set_text(&r, "entry_no", entry_no) ||
                record_set_int(&r, "at", at) || record_set_text(&r, "recorded_by", who->name)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = record_insert(d, &r, err);
    /* the first exit is the one clearance time counts (a gate may report late) */
    json_t *detail = json_pack("{s:s, s:s*, s:s*}", "gate", record_text(&r, "gate"), "container", container, "vehicle",
                               record_text(&r, "vehicle"));
    if (!rc)
        rc = cargo_note_gate_out(d, entry_no, at, first_out && first_out <= at, who->name, detail, err);
    json_decref(detail);
    if (!rc && !(*out = record_to_json(&r)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    rc = cargo_finish_out(d, rc, who->name, "release.gate_out", "declaration", entry_no, request_id, NULL, out, err);
out:
    record_free(&r);
    return rc;
}
