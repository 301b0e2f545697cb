/* rule_store.c — the warning rules (configurable like risk rules: a kind of condition, its
 * number, the level it raises a call to, an explanation; migration 711 seeds the defaults)
 * and the district's list of high-risk ports of call with the level each gives. Changes are
 * an officer's, audited; a change applies to declarations and amendments made after it. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/mem.h"
#include "vessel.h"
#include "vessel_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

hg_rc vessel_rules_load(db *d, vessel_rule **rules, int *n, hg_err *err)
{
    db_stmt *s = NULL;
    int cap = 0;
    *rules = NULL;
    *n = 0;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT code, kind, param, level, active, explanation FROM vessel_rules ORDER BY code", "");
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            vessel_rule *g = xrealloc(*rules, (size_t)cap * sizeof **rules);
            if (!g) {
                rc = nomem(err);
                break;
            }
            *rules = g;
        }
        vessel_rule *r = &(*rules)[*n];
        *r = (vessel_rule){.code = xstrdup(db_col_text(s, 0)),
                           .kind = xstrdup(db_col_text(s, 1)),
                           .param = db_col_int(s, 2),
                           .level = vessel_level_parse(db_col_text(s, 3)),
                           .active = (int)db_col_int(s, 4),
                           .explanation = xstrdup(db_col_text(s, 5))};
        (*n)++;
        if (!r->code || !r->kind || !r->explanation)
            rc = nomem(err);
        rc = rc == HG_ROW ? HG_OK : rc;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    if (rc) {
        vessel_rules_free(*rules, *n);
        *rules = NULL;
        *n = 0;
    }
    return rc;
}

void vessel_rules_free(vessel_rule *rules, int n)
{
    for (int i = 0; i < n; i++) {
        xfree((char *)rules[i].code);
        xfree((char *)rules[i].kind);
        xfree((char *)rules[i].explanation);
    }
    xfree(rules);
}

hg_rc vessel_rules_json(db *d, json_t **out, hg_err *err)
{
    record_query q = {.limit = 200};
    return record_list_json(d, &vessel_rule_record, &q, out, err);
}

hg_rc vessel_rule_patch(const hg_ctx *c, const char *code, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = record_from_json(&vessel_rule_record, body, REC_PATCH, &r, err);
    if (!rc && (record_set_text(&r, "updated_by", c->actor) || record_set_int(&r, "updated_at", c->now_ms)))
        rc = nomem(err);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = record_load_json(c->d, &vessel_rule_record, code, &before, err);
    if (rc == HG_NOTFOUND)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "code", "no such warning rule");
    /* a test rule's mask names questions 1-9 only (bits 1..9) */
    const char *kind = json_string_value(json_object_get(before, "kind"));
    if (!rc && kind && strcmp(kind, "mdh_yes") == 0 && (record_int(&r, "param", 2) & ~0x3FEll))
        rc = hg_fail(err, HG_INVALID, "invalid", "param", "an MDH mask sets bits 1-9, one per question");
    if (!rc && kind && strcmp(kind, "fever") == 0 && record_int(&r, "param", 373) < 340)
        rc = hg_fail(err, HG_INVALID, "out_of_range", "param", "a fever threshold is 34.0 °C or more (340)");
    if (!rc)
        rc = record_update(c->d, &r, code, err);
    if (!rc)
        rc = record_load_json(c->d, &vessel_rule_record, code, out, err);
    rc = audit_commit(c, rc, "vessel.rule", "vessel_rule", code, before, *out, err);
out:
    return vessel_write_done(rc, &r, before, out);
}

/* UN/LOCODE without its optional space ("CN DLC" and "CNDLC" are one port). */
static void locode_key(const char *s, char out[8])
{
    size_t k = 0;
    for (; s && *s && k < 7; s++)
        if (*s != ' ')
            out[k++] = *s;
    out[k] = 0;
}

hg_rc vessel_risk_port_set(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    json_t *before = NULL;
    char key[8];
    *out = NULL;
    hg_rc rc = record_from_json(&vessel_risk_port_record, body, REC_CREATE, &r, err);
    if (!rc) {
        locode_key(record_text(&r, "locode"), key);
        if (record_set_text(&r, "locode", key) || record_set_text(&r, "set_by", c->actor) ||
            record_set_int(&r, "set_at", c->now_ms))
            rc = nomem(err);
    }
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = record_load_json(c->d, &vessel_risk_port_record, key, &before, err);
    if (rc == HG_NOTFOUND)
        rc = record_insert(c->d, &r, err);
    else if (!rc)
        rc = db_run(c->d, err,
                    "UPDATE vessel_risk_ports SET level = ?, note = ?, set_by = ?, set_ms = ? WHERE locode = ?",
                    "tttit", record_text(&r, "level"), record_text(&r, "note"), c->actor, c->now_ms, key);
    if (!rc)
        rc = record_load_json(c->d, &vessel_risk_port_record, key, out, err);
    rc = audit_commit(c, rc, "vessel.risk_port", "vessel_risk_port", key, before, *out, err);
out:
    return vessel_write_done(rc, &r, before, out);
}

hg_rc vessel_risk_ports_json(db *d, json_t **out, hg_err *err)
{
    record_query q = {.limit = 200};
    return record_list_json(d, &vessel_risk_port_record, &q, out, err);
}

hg_rc vessel_risk_port_level(db *d, const char *locode, int *level, hg_err *err)
{
    char key[8];
    db_stmt *s = NULL;
    locode_key(locode, key);
    *level = -1;
    hg_rc rc = db_query(d, &s, err, "SELECT level FROM vessel_risk_ports WHERE locode = ?", "t", key);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        *level = vessel_level_parse(db_col_text(s, 0));
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = HG_OK;
    }
    db_reset(s);
    return rc;
}
