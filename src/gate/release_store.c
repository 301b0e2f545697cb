/* release_store.c — the release records the smart gate reads (放行信息: which bills,
 * containers and vehicles may leave) and the gate's exits (卡口放行), whose first one ends the
 * third segment of clearance time (release → gate out). A gate exit is a record described
 * once; the rules that a table cannot say are here. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/i18n.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../platform/words.h"
#include "gate.h"
#include "gate_store.h"

static const field gate_exit_fields[] = {
    {.name = "id", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "编号"},
    {.name = "entry_no", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "报关单号"},
    {.name = "container", .type = FT_TEXT, .flags = FF_IDENT, .check = cargo_check_containers, .label_zh = "集装箱号"},
    {.name = "vehicle", .type = FT_TEXT, .flags = FF_IDENT, .min_len = 2, .max_len = 20, .label_zh = "车牌号"},
    {.name = "gate", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 1, .max_len = 20, .label_zh = "卡口"},
    {.name = "at", .type = FT_TIME, .column = "at_ms", .label_zh = "出卡时间"},
    {.name = "recorded_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "记录人"},
    /* set by a gate event (event_store.c): a car's VIN, and the event that let it out */
    {.name = "vin", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "车辆识别代号"},
    {.name = "event_seq", .type = FT_INT, .flags = FF_SERVER, .label_zh = "卡口事件"},
    {0},
};
const record_type gate_exit_record = {.name = N_("gate exit"), .table = "gate_exits", .fields = gate_exit_fields};

/* One unit the gate lets out: a container of a bill under its released declarations, or the
 * goods of a released declaration whose bill has no containers. */
static json_t *release_row(db_stmt *s)
{
    char released[40], out[40];
    time_format_rfc3339(db_col_int(s, 2), released, sizeof released);
    const char *container = db_col_text(s, 0);
    return json_pack("{s:s?, s:s, s:s, s:s, s:s, s:s, s:s?, s:s}", "container_no", container[0] ? container : NULL,
                     "bill_no", db_col_text(s, 1), "released_at", released, "entry_no", db_col_text(s, 3), "direction",
                     db_col_text(s, 4), "port", db_col_text(s, 5), "gate_out_at", db_col_time(s, 6, out), "key",
                     db_col_text(s, 7));
}

/* Adds to each unit what still holds it (cargo's decision), the declarations covering it and
 * the VINs of their items (a vehicle leaves under its declaration). */
static hg_rc add_goods(db *d, json_t *items, hg_err *err)
{
    size_t i;
    json_t *rel;
    hg_rc rc = HG_OK;
    json_array_foreach(items, i, rel)
    {
        const char *container = json_string_value(json_object_get(rel, "container_no"));
        const char *bill = json_string_value(json_object_get(rel, "bill_no"));
        json_t *entries = json_array(), *vins = json_array(), *holds = NULL;
        if (!entries || !vins || json_object_set_new(rel, "entries", entries) || json_object_set_new(rel, "vins", vins))
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        db_stmt *s;
        rc =
            container
                ? db_query(d, &s, err,
                           "SELECT c.entry_no FROM cargo_declaration_containers c JOIN cargo_declarations x"
                           " ON x.entry_no = c.entry_no WHERE c.container_no = ? AND x.bill_no = ? ORDER BY c.entry_no",
                           "tt", container, bill)
                : db_query(d, &s, err, "SELECT entry_no FROM cargo_declarations WHERE entry_no = ?", "t",
                           json_string_value(json_object_get(rel, "entry_no")));
        while (!rc && (rc = db_step(s, err)) == HG_ROW)
            rc = json_array_append_new(entries, json_string(db_col_text(s, 0))) ? HG_NOMEM : HG_OK;
        db_reset(s);
        if (rc != HG_DONE)
            return rc;
        size_t k;
        json_t *e;
        json_array_foreach(entries, k, e)
        {
            rc = db_query(d, &s, err, "SELECT vins FROM cargo_item_vins WHERE entry_no = ? ORDER BY line_no", "t",
                          json_string_value(e));
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
        }
        rc =
            cargo_container_holds(d, bill, container, json_string_value(json_object_get(rel, "entry_no")), &holds, err);
        if (rc)
            return rc;
        if (json_object_set_new(rel, "may_leave", json_boolean(json_array_size(holds) == 0)) ||
            json_object_set_new(rel, "holds", holds))
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    return rc;
}

/* The units, each with its release time (the last release among its declarations) and its
 * first exit; the key orders units of one moment (container/entry). */
#define RELEASE_UNITS                                                                                                  \
    "SELECT c.container_no AS container_no, d.bill_no AS bill_no, MAX(d.released_ms) AS released_ms,"                  \
    " MIN(d.entry_no) AS entry_no, MIN(d.direction) AS direction, MIN(d.port) AS port,"                                \
    " (SELECT MIN(g.at_ms) FROM gate_exits g JOIN cargo_declarations d2 ON d2.entry_no = g.entry_no"                   \
    "  WHERE g.container = c.container_no AND d2.bill_no = d.bill_no) AS gone_ms,"                                     \
    " c.container_no || '/' || MIN(d.entry_no) AS k"                                                                   \
    " FROM cargo_declaration_containers c JOIN cargo_declarations d ON d.entry_no = c.entry_no"                        \
    " WHERE d.status = 'released' GROUP BY c.container_no, d.bill_no"                                                  \
    " UNION ALL"                                                                                                       \
    " SELECT '', d.bill_no, d.released_ms, d.entry_no, d.direction, d.port,"                                           \
    " (SELECT MIN(g.at_ms) FROM gate_exits g WHERE g.entry_no = d.entry_no), '/' || d.entry_no"                        \
    " FROM cargo_declarations d WHERE d.status = 'released'"                                                           \
    " AND NOT EXISTS (SELECT 1 FROM cargo_declaration_containers c WHERE c.entry_no = d.entry_no)"

hg_rc release_list(db *d, const release_query *q, json_t **out, hg_err *err)
{
    int64_t after_ms = 0;
    char after_key[48] = "";
    *out = NULL;
    if (q->cursor && (sscanf(q->cursor, "%" SCNd64 ":%47s", &after_ms, after_key) != 2 || !after_key[0]))
        return hg_fail(err, HG_INVALID, "invalid", "cursor", "cursor is not one this list gave");
    json_t *items = NULL;
    hg_rc rc = db_rows_json(
        d, release_row, &items, err,
        "SELECT u.container_no, u.bill_no, u.released_ms, u.entry_no, u.direction, u.port, u.gone_ms, u.k"
        " FROM (" RELEASE_UNITS ") u"
        " WHERE u.released_ms >= ? AND (u.released_ms > ? OR (u.released_ms = ? AND u.k > ?))"
        " AND (CAST(? AS TEXT) IS NULL OR u.direction = ?)"
        " AND (CAST(? AS TEXT) IS NULL OR u.port = ?) AND (CAST(? AS TEXT) IS NULL OR u.bill_no = ?)"
        " AND (CAST(? AS TEXT) IS NULL OR u.container_no = ?)"
        " AND (CAST(? AS TEXT) IS NULL OR (CAST(? AS TEXT) = 'true') = (u.gone_ms IS NOT NULL))"
        " ORDER BY u.released_ms, u.k LIMIT ?",
        "iiittttttttttti", q->since_ms, after_ms, after_ms, after_key, q->direction, q->direction, q->port, q->port,
        q->bill_no, q->bill_no, q->container, q->container, q->gone, q->gone, (int64_t)q->limit + 1);
    size_t n = items ? json_array_size(items) : 0;
    json_t *next = json_null();
    if (!rc && n > (size_t)q->limit) {
        json_array_remove(items, n - 1);
        json_t *last = json_array_get(items, n - 2);
        int64_t ms = 0;
        time_parse_rfc3339(json_string_value(json_object_get(last, "released_at")), &ms);
        json_decref(next);
        next = json_sprintf("%" PRId64 ":%s", ms, json_string_value(json_object_get(last, "key")));
    }
    size_t i;
    json_t *row;
    json_array_foreach(items, i, row) { json_object_del(row, "key"); /* the cursor's; not part of the answer */ }
    if (!rc)
        rc = add_goods(d, items, err);
    if (rc) {
        json_decref(items);
        json_decref(next);
        return rc;
    }
    return json_page(items, next, out, err);
}

/* Notes the exit of container on the other released declarations covering it. */
static hg_rc note_others(db *d, const char *bill, const char *container, const char *entry_no, int64_t at,
                         const char *actor, const json_t *detail, hg_err *err)
{
    char others[16][19];
    int64_t firsts[16];
    int n = 0;
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT c.entry_no, COALESCE(x.gate_out_ms, 0) FROM cargo_declaration_containers c JOIN"
                        " cargo_declarations x ON x.entry_no = c.entry_no WHERE c.container_no = ? AND x.bill_no = ?"
                        " AND c.entry_no <> ? ORDER BY c.entry_no",
                        "ttt", container, bill, entry_no);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW)
        if (n < 16) {
            snprintf(others[n], sizeof others[0], "%s", db_col_text(s, 0));
            firsts[n++] = db_col_int(s, 1);
        }
    db_reset(s);
    rc = rc == HG_DONE ? HG_OK : rc;
    for (int i = 0; i < n && !rc; i++)
        rc = cargo_note_gate_out(d, others[i], at, firsts[i] && firsts[i] <= at, actor, detail, err);
    return rc;
}

/* The exit r describes of the goods of entry_no, inside the caller's transaction: only
 * released goods leave, not before their release, one container at a time, each once. */
hg_rc gate_exit_in_tx(const hg_ctx *c, record *r, const char *entry_no, hg_err *err)
{
    db *d = c->d;
    const char *container = record_text(r, "container"), *vin = record_text(r, "vin");
    int64_t at = record_int(r, "at", c->now_ms);
    db_stmt *s = NULL;
    int64_t released = 0, first_out = 0;
    char bill[40] = "", status[16] = "";
    hg_rc rc = db_query(d, &s, err,
                        "SELECT status, COALESCE(released_ms, 0), COALESCE(gate_out_ms, 0), bill_no FROM"
                        " cargo_declarations WHERE entry_no = ?",
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
        /* TRANSLATORS: 1: entry_no; 2: status (a word) */
        rc = hg_fail(err, HG_CONFLICT, "conflict", "status",
                     "the goods of %s are not released (status %s): the gate keeps them", entry_no, hg_word(status));
    if (!rc && at < released)
        rc = hg_fail(err, HG_INVALID, "invalid", "at", "an exit cannot be before the release");
    int64_t n = 0, covered = 0;
    if (!rc && container)
        rc = db_int(d, &n, err, "SELECT COUNT(*) FROM cargo_bill_containers WHERE bill_no = ? AND container_no = ?",
                    "tt", bill, container);
    if (!rc && container && n == 0)
        /* TRANSLATORS: 1: container; 2: bill */
        rc = hg_fail(err, HG_INVALID, "invalid", "container", "container %s is not on bill %s", container, bill);
    if (!rc)
        rc = db_int(d, &covered, err, "SELECT COUNT(*) FROM cargo_declaration_containers WHERE entry_no = ?", "t",
                    entry_no);
    /* release is per container: the goods in containers leave one container at a time */
    if (!rc && !container && covered)
        rc = hg_fail(err, HG_INVALID, "container_required", "container",
                     "the goods of %s are in containers: each leaves on its own exit", entry_no);
    if (!rc && container)
        rc = db_int(d, &n, err,
                    "SELECT COUNT(*) FROM cargo_declaration_containers WHERE entry_no = ? AND container_no = ?", "tt",
                    entry_no, container);
    if (!rc && container && n == 0)
        /* TRANSLATORS: 1: entry_no; 2: container */
        rc = hg_fail(err, HG_INVALID, "invalid", "container", "declaration %s does not cover container %s", entry_no,
                     container);
    /* what still holds it: a declaration covering it not released, its own arrival, an open
     * inspection, a suspended producer, an order on its transport (cargo decides) */
    json_t *holds = NULL;
    if (!rc)
        rc = cargo_container_holds(d, bill, container, entry_no, &holds, err);
    if (!rc && json_array_size(holds)) {
        json_t *h = json_array_get(holds, 0);
        rc =
            /* TRANSLATORS: 1: container ? N_("container") : N_("the...; 2: container ? container : entry_no; 3:... */
            hg_fail(err, HG_CONFLICT, json_string_value(json_object_get(h, "rule")),
                    container ? "container" : "entry_no", "%s %s is held: %s", container ? N_("container") : N_("the goods of"),
                    container ? container : entry_no, json_string_value(json_object_get(h, "message")));
    }
    json_decref(holds);
    /* each container leaves once, whichever declaration it is let out under */
    if (!rc)
        rc = container ? db_int(d, &n, err,
                                "SELECT COUNT(*) FROM gate_exits g JOIN cargo_declarations x ON x.entry_no = g.entry_no"
                                " WHERE x.bill_no = ? AND g.container = ?",
                                "tt", bill, container)
                       /* a car leaves once by its VIN; other goods without containers once */
                       : vin ? db_int(d, &n, err, "SELECT COUNT(*) FROM gate_exits WHERE entry_no = ? AND vin = ?", "tt",
                                      entry_no, vin)
                             : db_int(d, &n, err,
                                      "SELECT COUNT(*) FROM gate_exits WHERE entry_no = ? AND container IS NULL", "t",
                                      entry_no);
    if (!rc && n > 0)
        /* TRANSLATORS: 1: container ? N_("container") : vin ? N...; 2: container ? container : vin ? vin : e... */
        rc = hg_fail(err, HG_CONFLICT, "conflict", container ? "container" : "entry_no", "%s %s has already left",
                     container ? N_("container") : vin ? N_("the car") : N_("the goods of"), container ? container : vin ? vin : entry_no);
    /* one exit a container (or a car) a moment: several containers or cars of one event leave
     * together */
    char id[64];
    snprintf(id, sizeof id, "%s-%" PRId64 "%s%s", entry_no, c->now_ms, container || vin ? "-" : "",
             container ? container : vin ? vin : "");
    if (!rc && (record_set_text(r, "id", id) || record_set_text(r, "entry_no", entry_no) ||
                record_set_int(r, "at", at) || record_set_text(r, "recorded_by", c->actor)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = record_insert(d, r, err);
    /* the first exit is the one clearance time counts (a gate may report late) */
    json_t *detail = json_pack("{s:s, s:s*, s:s*, s:s*}", "gate", record_text(r, "gate"), "container", container,
                               "vehicle", record_text(r, "vehicle"), "vin", vin);
    if (!rc)
        rc = cargo_note_gate_out(d, entry_no, at, first_out && first_out <= at, c->actor, detail, err);
    /* the container's exit is the exit of the goods of every declaration covering it */
    if (!rc && container)
        rc = note_others(d, bill, container, entry_no, at, c->actor, detail, err);
    json_decref(detail);
    return rc;
}

hg_rc release_gate_out(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&gate_exit_record, body, REC_CREATE, &r, err);
    const char *container = record_text(&r, "container");
    if (!rc && container && strchr(container, ','))
        rc = hg_fail(err, HG_INVALID, "invalid", "container", "one container per exit");
    if (!rc && record_int(&r, "at", c->now_ms) > c->now_ms + 5 * 60000)
        rc = hg_fail(err, HG_INVALID, "invalid", "at", "an exit cannot be recorded in the future");
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = gate_exit_in_tx(c, &r, entry_no, err);
    if (!rc && !(*out = record_to_json(&r)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    rc = audit_commit(c, rc, "release.gate_out", "declaration", entry_no, NULL, *out, err);
out:
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    record_free(&r);
    return rc;
}
