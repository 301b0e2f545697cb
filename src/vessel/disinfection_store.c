/* disinfection_store.c — supervision records of the disinfection of refrigerated cargo
 * unloading (DESIGN.md §5: bulk refrigerated cargo is unloaded under supervised
 * disinfection; crew testing positive means no unloading and the vessel leaves). A record
 * type described once; the rule of the crew's test is the only hand-written check. A record
 * does the disinfection task of the vessel's call. Writes end in audit_commit. */
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../platform/audit.h"
#include "../platform/i18n.h"
#include "vessel.h"
#include "vessel_store.h"

static const char *const outcomes[] = {"unloading_permitted", "no_unloading_vessel_ordered_to_leave", NULL};

static const field disinfection_fields[] = {
    {.name = "record_no", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "记录编号"},
    {.name = "manifest_no",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT,
     .min_len = 4,
     .max_len = 40,
     .label_zh = "舱单编号"},
    {.name = "port", .type = FT_TEXT, .flags = FF_REQUIRED, .check = cargo_check_port, .label_zh = "口岸"},
    {.name = "started_at", .type = FT_TIME, .flags = FF_REQUIRED, .label_zh = "开始时间"},
    {.name = "ended_at", .type = FT_TIME, .flags = FF_REQUIRED, .label_zh = "结束时间"},
    {.name = "company", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 100, .label_zh = "消毒单位"},
    {.name = "disinfectant", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 100, .label_zh = "消毒剂"},
    {.name = "areas", .type = FT_TEXT, .flags = FF_REQUIRED, .min_len = 2, .max_len = 500, .label_zh = "消毒区域"},
    {.name = "crew_positive", .type = FT_BOOL, .flags = FF_REQUIRED, .label_zh = "船员核酸阳性"},
    {.name = "outcome", .type = FT_ENUM, .flags = FF_REQUIRED, .values = outcomes, .label_zh = "处置结果"},
    {.name = "officer", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "监管关员"},
    {.name = "created_at", .type = FT_TIME, .flags = FF_SERVER, .column = "created_ms"},
    /* a no-unloading order stands until an officer lifts it */
    {.name = "lifted_at", .type = FT_TIME, .flags = FF_SERVER, .column = "lifted_ms", .label_zh = "解除时间"},
    {.name = "lifted_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "解除关员"},
    {0},
};

#define NO_UNLOADING "no_unloading_vessel_ordered_to_leave"

/* cargo's CARGO_MANIFEST_HOLDS row: a standing no-unloading order holds the manifest's goods
 * (no arrival report, no release) until it is lifted. */
static hg_rc no_unloading_held(db *d, const char *manifest_no, int *held, hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = db_int(d, &n, err,
                      "SELECT COUNT(*) FROM disinfections WHERE manifest_no = ? AND outcome = ? AND lifted_ms IS NULL",
                      "tt", manifest_no, NO_UNLOADING);
    *held = !rc && n > 0;
    return rc;
}

const cargo_manifest_hold vessel_no_unloading_hold = {
    .rule = "no_unloading",
    .refusal =
        N_("crew tested positive: no unloading, the vessel is ordered to leave, until an officer lifts the order"),
    .held = no_unloading_held};
const record_type disinfection_record = {
    .name = N_("disinfection"), .table = "disinfections", .fields = disinfection_fields};

/* The disinfection task of the vessel's call (the manifest's vessel within three days of its
 * ETA) is done by the record, inside its transaction. */
static hg_rc close_task(const hg_ctx *c, const char *manifest_no, const char *record_no, hg_err *err)
{
    char imo[16], voyage[24], norm[24], call_no[40] = "";
    int64_t eta = 0;
    db_stmt *s = NULL;
    hg_rc rc = cargo_manifest_vessel(c->d, manifest_no, imo, voyage, &eta, err);
    if (rc || !imo[0])
        return rc;
    snprintf(norm, sizeof norm, "%s%s", strncmp(imo, "IMO", 3) == 0 ? "" : "IMO", imo);
    rc = db_query(c->d, &s, err,
                  "SELECT call_no FROM vessel_calls WHERE imo = ? AND eta_ms >= ? AND eta_ms <= ? ORDER BY eta_ms DESC",
                  "tii", norm, eta - 3 * 86400000LL, eta + 3 * 86400000LL);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(call_no, sizeof call_no, "%s", db_col_text(s, 0));
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = HG_OK;
    }
    db_reset(s);
    if (!rc && call_no[0])
        rc = vessel_task_done(c, call_no, "disinfection", record_no, err);
    return rc;
}

hg_rc disinfection_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&disinfection_record, body, REC_CREATE, &r, err);
    if (!rc && record_int(&r, "ended_at", 0) < record_int(&r, "started_at", 0))
        rc = hg_fail(err, HG_INVALID, "invalid", "ended_at", "ended_at must not be before started_at");
    /* crew positive: no unloading, the vessel is ordered to leave */
    if (!rc && record_int(&r, "crew_positive", 0) &&
        strcmp(record_text(&r, "outcome"), "no_unloading_vessel_ordered_to_leave") != 0)
        rc = hg_fail(err, HG_INVALID, "invalid", "outcome",
                     "when crew test positive there is no unloading and the vessel is ordered to leave");
    if (rc || (rc = db_begin(d, err)))
        goto out;
    int64_t n = 0, serial = 0;
    rc = db_int(d, &n, err, "SELECT COUNT(*) FROM cargo_manifests WHERE manifest_no = ?", "t",
                record_text(&r, "manifest_no"));
    if (!rc && !n)
        rc = hg_fail(err, HG_INVALID, "not_found", "manifest_no", "no such manifest");
    /* the record is made at the manifest's own port, where the vessel is */
    if (!rc)
        rc = db_int(d, &n, err, "SELECT COUNT(*) FROM cargo_manifests WHERE manifest_no = ? AND port = ?", "tt",
                    record_text(&r, "manifest_no"), record_text(&r, "port"));
    if (!rc && !n)
        rc = hg_fail(err, HG_INVALID, "port_not_manifest", "port", "the port must be the manifest's own port");
    char prefix[24], no[40] = "";
    snprintf(prefix, sizeof prefix, "DS%s%d", record_text(&r, "port"), cargo_shanghai_year(c->now_ms));
    if (!rc)
        rc = cargo_next_serial(d, prefix, &serial, err);
    if (!rc) {
        snprintf(no, sizeof no, "%s%06lld", prefix, (long long)serial);
        rc = record_set_text(&r, "record_no", no) || record_set_text(&r, "officer", c->actor) ||
                     record_set_int(&r, "created_at", c->now_ms)
                 ? HG_NOMEM
                 : HG_OK;
    }
    if (!rc)
        rc = record_insert(d, &r, err);
    if (!rc)
        rc = close_task(c, record_text(&r, "manifest_no"), no, err);
    if (!rc)
        rc = record_load_json(d, &disinfection_record, no, out, err);
    rc = audit_commit(c, rc, "disinfection.record", "disinfection", no[0] ? no : "-", NULL, *out, err);
out:
    return vessel_write_done(rc, &r, NULL, out);
}

hg_rc disinfection_lift(const hg_ctx *c, const char *record_no, json_t **out, hg_err *err)
{
    db *d = c->d;
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = record_load_json(d, &disinfection_record, record_no, &before, err);
    if (rc == HG_NOTFOUND)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "record_no", "no such disinfection record");
    if (!rc && strcmp(json_string_value(json_object_get(before, "outcome")), NO_UNLOADING) != 0)
        rc = hg_fail(err, HG_CONFLICT, "not_an_order", "outcome", "the record orders no stop of unloading");
    if (!rc && !json_is_null(json_object_get(before, "lifted_at")))
        rc = hg_fail(err, HG_CONFLICT, "order_lifted", "lifted_at", "the order was already lifted");
    if (!rc)
        rc = db_run(d, err, "UPDATE disinfections SET lifted_ms = ?, lifted_by = ? WHERE record_no = ?", "itt",
                    c->now_ms, c->actor, record_no);
    if (!rc)
        rc = record_load_json(d, &disinfection_record, record_no, out, err);
    rc = audit_commit(c, rc, "disinfection.lift", "disinfection", record_no, before, *out, err);
    return vessel_write_done(rc, NULL, before, out);
}

hg_rc disinfection_list(db *d, const char *cursor, int limit, json_t **out, hg_err *err)
{
    record_query q = {.cursor = cursor, .limit = limit};
    return record_list_json(d, &disinfection_record, &q, out, err);
}
