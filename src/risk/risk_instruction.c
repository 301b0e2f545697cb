/* risk_instruction.c — headquarters' instructions (布控指令, issue 22 §4): risk rules written
 * by the national installation into hq.instructions, which every district receives by logical
 * replication and screens with (risk_store.c reads them with its own rules and notices a
 * change by their versions). PostgreSQL only: the table is made by risk migration 420.
 *
 * An instruction's id is from RISK_INSTRUCTION_FIRST_ID up, so that a district's hit of it
 * (risk_hits.rule_id) says by itself that it is headquarters' and which one; the national
 * installation receives those hits back from each district. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/json_canon.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/words.h"
#include "risk_store.h"

static hg_rc need_pg(db *d, hg_err *err)
{
    if (strcmp(db_backend(d), "postgres") == 0)
        return HG_OK;
    return hg_fail(err, HG_CONFLICT, "needs_postgresql", NULL,
                   "headquarters instructions are replicated tables: the national installation needs PostgreSQL");
}

/* The stored instruction as the API shows it: its rule with id, status, version, issued_by
 * and the times. */
static hg_rc instruction_json(db_stmt *s, json_t **out, hg_err *err)
{
    json_error_t je;
    json_t *o = json_loads(db_col_text(s, 3), 0, &je);
    char created[40], updated[40];
    if (!o)
        return hg_fail(err, HG_DB, NULL, NULL, "a stored instruction cannot be read back");
    time_format_rfc3339(db_col_int(s, 6), created, sizeof created);
    time_format_rfc3339(db_col_int(s, 7), updated, sizeof updated);
    int bad = json_object_set_new(o, "id", json_integer(db_col_int(s, 0)));
    bad |= json_object_set_new(o, "status", json_string(db_col_text(s, 2)));
    bad |= json_object_set_new(o, "version", json_integer(db_col_int(s, 4)));
    bad |= json_object_set_new(o, "issued_by", json_string(db_col_text(s, 5)));
    bad |= json_object_set_new(o, "created_at", json_string(created));
    bad |= json_object_set_new(o, "updated_at", json_string(updated));
    if (bad) {
        json_decref(o);
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    *out = o;
    return HG_OK;
}

#define INSTRUCTION_COLUMNS "id, name, status, definition, version, issued_by, created_ms, updated_ms"

hg_rc risk_instruction_get(db *d, int64_t id, json_t **out, hg_err *err)
{
    db_stmt *s;
    *out = NULL;
    hg_rc rc = need_pg(d, err);
    if (!rc)
        rc = db_query(d, &s, err, "SELECT " INSTRUCTION_COLUMNS " FROM hq.instructions WHERE id = ?", "i", id);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW)
        rc = instruction_json(s, out, err);
    else if (rc == HG_DONE)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such instruction");
    db_reset(s);
    return rc;
}

hg_rc risk_instruction_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    risk_rule r;
    json_t *after = NULL, *def_json = NULL;
    char *def = NULL, idtext[24];
    int64_t id = 0;
    *out = NULL;
    hg_rc rc = need_pg(c->d, err);
    if (rc)
        return rc;
    if (json_object_get(body, "status"))
        return hg_fail(err, HG_INVALID, "read_only", "status",
                       "an instruction is in force once issued; the server sets its status");
    rc = risk_rule_from_json(body, 0, &r, err);
    if (!rc && r.source != SRC_HQ)
        rc = hg_fail(err, HG_INVALID, "invalid", "source",
                     "an instruction of the national installation is headquarters' own: source must be hq");
    if (!rc && !(def_json = risk_rule_to_json(&r)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc) {
        json_object_del(def_json, "id");
        json_object_del(def_json, "status");
        if (!(def = json_canon_text(def_json)))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    if (!rc && !(rc = db_begin(c->d, err))) {
        /* under the installation's write lock: ids are consecutive from the first */
        rc = db_int(c->d, &id, err, "SELECT COALESCE(MAX(id) + 1, ?) FROM hq.instructions", "i",
                    (int64_t)RISK_INSTRUCTION_FIRST_ID);
        if (!rc)
            rc = db_run(c->d, err,
                        "INSERT INTO hq.instructions (id, name, status, definition, version, issued_by, created_ms,"
                        " updated_ms) VALUES (?, ?, 'active', ?, 1, ?, ?, ?)",
                        "itttii", id, r.name, def, c->actor, c->now_ms, c->now_ms);
        if (!rc)
            rc = risk_instruction_get(c->d, id, &after, err);
        snprintf(idtext, sizeof idtext, "%lld", (long long)id);
        rc = audit_commit(c, rc, "risk.instruction.create", "risk_instruction", idtext, NULL, after, err);
    }
    json_decref(def_json);
    xfree(def);
    risk_rule_free(&r);
    if (rc) {
        json_decref(after);
        return rc;
    }
    *out = after;
    return HG_OK;
}

hg_rc risk_instruction_set_status(const hg_ctx *c, int64_t id, const char *status, json_t **out, hg_err *err)
{
    json_t *before = NULL, *after = NULL;
    char idtext[24];
    *out = NULL;
    hg_rc rc = need_pg(c->d, err);
    if (rc || (rc = db_begin(c->d, err)))
        return rc;
    rc = risk_instruction_get(c->d, id, &before, err);
    if (!rc && strcmp(json_string_value(json_object_get(before, "status")), status) == 0)
        rc = hg_fail(err, HG_CONFLICT, "already", "status", "the instruction is %s already", hg_word(status));
    /* the version moves with every change: the districts' screenings notice it */
    if (!rc)
        rc = db_run(c->d, err,
                    "UPDATE hq.instructions SET status = ?, version = version + 1, updated_ms = ? WHERE id = ?", "tii",
                    status, c->now_ms, id);
    if (!rc)
        rc = risk_instruction_get(c->d, id, &after, err);
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    rc = audit_commit(c, rc, strcmp(status, "active") == 0 ? "risk.instruction.resume" : "risk.instruction.suspend",
                      "risk_instruction", idtext, before, after, err);
    json_decref(before);
    if (rc) {
        json_decref(after);
        return rc;
    }
    *out = after;
    return HG_OK;
}

hg_rc risk_instruction_list(db *d, json_t **out, hg_err *err)
{
    db_stmt *s;
    *out = NULL;
    if (strcmp(db_backend(d), "postgres") != 0) { /* none reach a SQLite installation */
        *out = json_pack("{s:[]}", "items");
        return *out ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    hg_rc rc = db_query(d, &s, err, "SELECT " INSTRUCTION_COLUMNS " FROM hq.instructions ORDER BY id DESC", "");
    if (rc)
        return rc;
    json_t *items = json_array();
    while ((rc = db_step(s, err)) == HG_ROW) {
        json_t *o;
        if ((rc = instruction_json(s, &o, err)))
            break;
        json_array_append_new(items, o);
    }
    db_reset(s);
    if (rc != HG_DONE) {
        json_decref(items);
        return rc;
    }
    *out = json_pack("{s:o}", "items", items);
    return *out ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
}
