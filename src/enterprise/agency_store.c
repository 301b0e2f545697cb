/* agency_store.c — electronic agency agreements (代理报关委托): an enterprise that receives or
 * ships goods (the principal) entrusts a registered customs broker with its declarations at
 * one port for a period (海关报关单位备案管理规定; 代理报关委托书/委托报关协议, GACC
 * announcement 2018 No. 52 on the electronic form). The principal registers and revokes its
 * agreements; the broker and officers read them; cargo asks agency_holds when a declarant
 * names another enterprise. The port is one of the district's table (cargo answers through
 * ENTERPRISE_PORT_CHECK). Not for: the broker's own registration (the enterprise record). */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/i18n.h"
#include "../platform/log.h"
#include "../platform/module.h"
#include "enterprise.h"

#define DAY_MS 86400000LL
#define AGENCY_MAX_DAYS 731 /* choice: an agreement lasts at most two years, then is renewed */

static const char *const agency_states[] = {"active", "revoked", NULL};

/* A port is named by its 4-digit customs code (关区代码), as cargo names it. */
static int check_port_code(const char *s, const char **reason)
{
    if (strlen(s) != 4 || strspn(s, "0123456789") != 4) {
        if (reason)
            *reason = N_("must be the 4-digit customs code of the port");
        return 0;
    }
    return 1;
}

static const field agency_fields[] = {
    {.name = "agreement_no", .type = FT_TEXT, .flags = FF_KEY | FF_SERVER, .label_zh = "委托编号"},
    {.name = "principal", .type = FT_TEXT, .flags = FF_SERVER | FF_FILTER, .label_zh = "委托单位"},
    {.name = "broker",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT | FF_FIXED | FF_FILTER,
     .check = check_uscc,
     .label_zh = "报关企业"},
    {.name = "port",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_FIXED | FF_FILTER,
     .check = check_port_code,
     .label_zh = "申报口岸"},
    {.name = "valid_from", .type = FT_TIME, .flags = FF_REQUIRED | FF_FIXED, .label_zh = "委托起始"},
    {.name = "valid_to", .type = FT_TIME, .flags = FF_REQUIRED | FF_FIXED, .label_zh = "委托截止"},
    {.name = "status", .type = FT_ENUM, .flags = FF_SERVER | FF_FILTER, .values = agency_states, .label_zh = "状态"},
    {.name = "created_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "登记人"},
    {.name = "created_at", .type = FT_TIME, .flags = FF_SERVER, .column = "created_ms"},
    {.name = "updated_at", .type = FT_TIME, .flags = FF_SERVER, .column = "updated_ms"},
    {0},
};
const record_type agency_record = {
    .name = N_("agency agreement"), .table = "agency_agreements", .fields = agency_fields};

hg_rc agency_create(const hg_ctx *c, const char *principal_uscc, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    record r = {0};
    json_t *after = NULL;
    *out = NULL;
    hg_rc rc = record_from_json(&agency_record, body, REC_CREATE, &r, err);
    int64_t from = record_int(&r, "valid_from", 0), to = record_int(&r, "valid_to", 0);
    if (!rc && to <= from)
        rc = hg_fail(err, HG_INVALID, "agency_period", "valid_to", "valid_to must be after valid_from");
    if (!rc && to - from > AGENCY_MAX_DAYS * DAY_MS)
        rc = hg_fail(err, HG_INVALID, "agency_period", "valid_to", "an agreement lasts at most two years");
    if (!rc && strcmp(record_text(&r, "broker"), principal_uscc) == 0)
        rc = hg_fail(err, HG_INVALID, "agency_broker", "broker",
                     "an enterprise declares its own goods without an agreement");
    if (rc || (rc = db_begin(d, err)))
        goto out;
    char kind[32] = "";
    rc = enterprise_find(d, principal_uscc, err);
    if (rc == HG_NOTFOUND)
        rc = hg_fail(err, HG_INVALID, "party_unregistered", "principal",
                     "the principal %s is not a registered enterprise", principal_uscc);
    if (!rc) {
        rc = enterprise_kind(d, record_text(&r, "broker"), kind, sizeof kind, err);
        if (rc == HG_NOTFOUND || (!rc && strcmp(kind, "broker") != 0))
            rc = hg_fail(err, HG_INVALID, "agency_broker", "broker", "the broker must be a registered customs broker");
    }
    /* the port is one of the district's (关区代码表), as the declarations it serves name theirs */
    size_t at = 0;
    for (const enterprise_port_check *p; !rc && (p = modules_extension_next(ENTERPRISE_PORT_CHECK, &at));)
        rc = p->known(d, record_text(&r, "port"), "port", err);
    int64_t n = 0;
    if (!rc)
        rc = db_int(d, &n, err, "SELECT COUNT(*) FROM agency_agreements", "");
    char no[24];
    snprintf(no, sizeof no, "AG%010lld", (long long)n + 1);
    if (!rc)
        (void)((rc = record_set_text(&r, "agreement_no", no)) ||
               (rc = record_set_text(&r, "principal", principal_uscc)) ||
               (rc = record_set_text(&r, "status", "active")) || (rc = record_set_text(&r, "created_by", c->actor)) ||
               (rc = record_set_int(&r, "created_at", c->now_ms)) ||
               (rc = record_set_int(&r, "updated_at", c->now_ms)));
    if (!rc)
        rc = record_insert(d, &r, err);
    if (!rc)
        rc = record_load_json(d, &agency_record, no, &after, err);
    rc = audit_commit(c, rc, "agency.create", "agency_agreement", no, NULL, after, err);
    if (rc)
        json_decref(after);
    else
        *out = after;
out:
    record_free(&r);
    return rc;
}

hg_rc agency_revoke(const hg_ctx *c, const char *principal_uscc, const char *no, json_t **out, hg_err *err)
{
    db *d = c->d;
    json_t *before = NULL, *after = NULL;
    *out = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = record_load_json(d, &agency_record, no, &before, err);
    if (!rc && principal_uscc && strcmp(json_string_value(json_object_get(before, "principal")), principal_uscc) != 0)
        rc = HG_NOTFOUND;
    if (rc == HG_NOTFOUND)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "agreement_no", "no such agreement");
    if (!rc && strcmp(json_string_value(json_object_get(before, "status")), "active") != 0)
        rc = hg_fail(err, HG_CONFLICT, "agency_revoked", "status", "the agreement is already revoked");
    if (!rc)
        rc = db_run(d, err, "UPDATE agency_agreements SET status = 'revoked', updated_ms = ? WHERE agreement_no = ?",
                    "it", c->now_ms, no);
    if (!rc)
        rc = record_load_json(d, &agency_record, no, &after, err);
    rc = audit_commit(c, rc, "agency.revoke", "agency_agreement", no, before, after, err);
    json_decref(before);
    if (rc)
        json_decref(after);
    else
        *out = after;
    return rc;
}

/* The registry names of uscc into parties (an object keyed by USCC), once. */
static hg_rc party_named(db *d, json_t *parties, const char *uscc, hg_err *err)
{
    if (!uscc || json_object_get(parties, uscc))
        return HG_OK;
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, "SELECT name_zh, name_en FROM enterprises WHERE uscc = ?", "t", uscc);
    if (rc)
        return rc;
    if ((rc = db_step(s, err)) == HG_ROW)
        json_object_set_new(parties, uscc,
                            json_pack("{s:s, s:s?}", "name_zh", db_col_text(s, 0), "name_en", db_col_text(s, 1)));
    db_reset(s);
    return rc == HG_ROW || rc == HG_DONE ? HG_OK : rc;
}

hg_rc agency_list(db *d, const principal *who, const char *cursor, int limit, json_t **out, hg_err *err)
{
    const char *args[2];
    record_query q = {.cursor = cursor, .limit = limit};
    if (who->role == ROLE_ENTERPRISE) { /* those it gave and those it holds */
        args[0] = args[1] = who->enterprise;
        q.extra_sql = "(principal = ? OR broker = ?)";
        q.extra_args = args;
        q.n_extra = 2;
    }
    hg_rc rc = record_list_json(d, &agency_record, &q, out, err);
    /* each with its parties by name (the console shows names, the code on hover) */
    size_t i;
    json_t *a;
    json_array_foreach(rc ? NULL : json_object_get(*out, "items"), i, a)
    {
        json_t *parties = json_object();
        if (!parties)
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        if (!rc)
            rc = party_named(d, parties, json_string_value(json_object_get(a, "principal")), err);
        if (!rc)
            rc = party_named(d, parties, json_string_value(json_object_get(a, "broker")), err);
        json_object_set_new(a, "parties", parties);
        if (rc)
            break;
    }
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc agency_holds(db *d, const char *principal_uscc, const char *broker_uscc, const char *port, int64_t at_ms,
                   int *holds, hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = db_int(d, &n, err,
                      "SELECT COUNT(*) FROM agency_agreements WHERE principal = ? AND broker = ? AND port = ?"
                      " AND status = 'active' AND valid_from <= ? AND valid_to > ?",
                      "tttii", principal_uscc, broker_uscc, port, at_ms, at_ms);
    *holds = !rc && n > 0;
    return rc;
}
