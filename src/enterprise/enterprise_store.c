/* enterprise_store.c — the enterprise registry's storage: table, writes with their audit
 * rows in one transaction, reads. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/log.h"
#include "enterprise.h"

const migration enterprise_migrations[] = {
    {100, "enterprises",
     "CREATE TABLE enterprises ("
     " uscc TEXT PRIMARY KEY,"
     " customs_code TEXT NOT NULL UNIQUE,"
     " name_zh TEXT NOT NULL,"
     " name_en TEXT,"
     " kind TEXT NOT NULL,"
     " credit_level TEXT NOT NULL,"
     " coordinator TEXT,"
     " created_ms BIGINT NOT NULL,"
     " updated_ms BIGINT NOT NULL);"
     "CREATE INDEX enterprises_credit ON enterprises(credit_level, uscc);"
     "CREATE INDEX enterprises_coordinator ON enterprises(coordinator);",
     NULL, NULL},
    {110, "electronic agency agreements (代理报关委托)",
     "CREATE TABLE agency_agreements ("
     " agreement_no TEXT PRIMARY KEY, principal TEXT NOT NULL REFERENCES enterprises(uscc),"
     " broker TEXT NOT NULL REFERENCES enterprises(uscc), port TEXT NOT NULL,"
     " valid_from BIGINT NOT NULL, valid_to BIGINT NOT NULL, status TEXT NOT NULL,"
     " created_by TEXT NOT NULL, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL);"
     "CREATE INDEX agency_agreements_pair ON agency_agreements(principal, broker, port);"
     "CREATE INDEX agency_agreements_broker ON agency_agreements(broker, agreement_no);",
     NULL, NULL},
    /* What the areas after enterprise may read (AREAS.md: never another area's tables): the
     * registry's names, credit levels and coordinators, for the liaison platform (services). A
     * view is a public API like a header: changing a column here is changing it. */
    {111, "view of the registry for the areas after enterprise",
     "CREATE VIEW enterprise_directory AS SELECT uscc, name_zh, kind, credit_level, coordinator FROM enterprises;",
     NULL, NULL},
    /* The history of each enterprise's credit level with the reason of each change (issue 20:
     * AEO measured), begun with the levels as they stand; enterprise_credit_history is the view
     * the areas after enterprise read it through. */
    {112, "the history of credit levels with their reasons",
     "ALTER TABLE enterprises ADD COLUMN credit_reason TEXT;"
     "CREATE TABLE enterprise_credit_levels ("
     " uscc TEXT NOT NULL REFERENCES enterprises(uscc), seq BIGINT NOT NULL, credit_level TEXT NOT NULL,"
     " previous_level TEXT, reason TEXT, changed_by TEXT NOT NULL, at_ms BIGINT NOT NULL, PRIMARY KEY (uscc, seq));"
     "CREATE INDEX enterprise_credit_levels_at ON enterprise_credit_levels(at_ms);"
     "INSERT INTO enterprise_credit_levels (uscc, seq, credit_level, previous_level, reason, changed_by, at_ms)"
     " SELECT uscc, 1, credit_level, NULL, 'registered', 'migration', created_ms FROM enterprises;"
     "CREATE VIEW enterprise_credit_history AS SELECT uscc, seq, credit_level, previous_level, reason, changed_by,"
     " at_ms FROM enterprise_credit_levels;",
     NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};

/* One text column of an enterprise (sql selects it by USCC) into out; HG_NOTFOUND naming uscc. */
static hg_rc registry_text(db *d, const char *sql, const char *uscc, char *out, size_t n, hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err, sql, "t", uscc);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(out, n, "%s", db_col_text(s, 0));
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "uscc", "no enterprise with USCC %s", uscc);
    }
    db_reset(s);
    return rc;
}

hg_rc enterprise_kind(db *d, const char *uscc, char *out, size_t n, hg_err *err)
{
    return registry_text(d, "SELECT kind FROM enterprises WHERE uscc = ?", uscc, out, n, err);
}

hg_rc enterprise_coordinator(db *d, const char *uscc, char *out, size_t n, hg_err *err)
{
    return registry_text(d, "SELECT COALESCE(coordinator, '') FROM enterprises WHERE uscc = ?", uscc, out, n, err);
}

hg_rc enterprise_find(db *d, const char *uscc, hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = db_int(d, &n, err, "SELECT COUNT(*) FROM enterprises WHERE uscc = ?", "t", uscc);
    return rc ? rc : n > 0 ? HG_OK : HG_NOTFOUND;
}

hg_rc enterprise_credit_level(db *d, const char *uscc, char *out, size_t n, hg_err *err)
{
    return registry_text(d, "SELECT credit_level FROM enterprises WHERE uscc = ?", uscc, out, n, err);
}

hg_rc enterprise_get(db *d, const char *uscc, json_t **out, hg_err *err)
{
    return record_load_json(d, &enterprise_record, uscc, out, err);
}

static json_t *uscc_row(db_stmt *s) { return json_string(db_col_text(s, 0)); }

hg_rc enterprise_coordinator_hand_over(const hg_ctx *c, const char *from, const char *to, json_t *changed,
                                       hg_err *err)
{
    json_t *found = NULL;
    hg_rc rc = db_rows_json(c->d, uscc_row, &found, err, "SELECT uscc FROM enterprises WHERE coordinator = ? ORDER BY uscc",
                            "t", from);
    for (size_t i = 0; !rc && i < json_array_size(found); i++) {
        const char *uscc = json_string_value(json_array_get(found, i));
        json_t *before = NULL, *after = NULL;
        rc = enterprise_get(c->d, uscc, &before, err);
        if (!rc)
            rc = db_run(c->d, err, "UPDATE enterprises SET coordinator = ?, updated_ms = ? WHERE uscc = ?", "tit", to,
                        c->now_ms, uscc);
        if (!rc)
            rc = enterprise_get(c->d, uscc, &after, err);
        if (!rc)
            rc = audit_append_ctx(c, "enterprise.coordinator", "enterprise", uscc, before, after, err);
        if (!rc && json_array_append(changed, json_array_get(found, i)))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        json_decref(before);
        json_decref(after);
    }
    json_decref(found);
    return rc;
}

/* A coordinator must be an active officer (百人千企 coordinators are customs officers). */
static hg_rc check_coordinator(db *d, const record *r, hg_err *err)
{
    const char *c = record_text(r, "coordinator");
    if (!c || !*c)
        return HG_OK;
    int yes = 0;
    hg_rc rc = user_is_active_officer(d, c, &yes, err);
    if (rc)
        return rc;
    if (!yes)
        return hg_fail(err, HG_INVALID, "invalid", "coordinator", "coordinator must be an active officer's user name");
    return HG_OK;
}

/* Maps a unique violation to the field that caused it. */
static hg_rc conflict_field(db *d, const record *r, hg_err *err)
{
    hg_rc rc = enterprise_find(d, record_text(r, "uscc"), err);
    if (rc == HG_OK)
        return hg_fail(err, HG_CONFLICT, "conflict", "uscc", "an enterprise with this uscc already exists");
    if (rc != HG_NOTFOUND)
        return rc;   /* a database fault, not a verdict on the customs_code */
    return hg_fail(err, HG_CONFLICT, "conflict", "customs_code", "another enterprise has this customs_code");
}

/* Appends a change of credit level to the enterprise's history, inside the caller's transaction. */
static hg_rc level_changed(const hg_ctx *c, const char *uscc, const char *level, const char *previous,
                           const char *reason, hg_err *err)
{
    int64_t seq = 0;
    hg_rc rc = db_int(c->d, &seq, err, "SELECT COALESCE(MAX(seq), 0) FROM enterprise_credit_levels WHERE uscc = ?", "t",
                      uscc);
    if (!rc)
        rc = db_run(c->d, err,
                    "INSERT INTO enterprise_credit_levels (uscc, seq, credit_level, previous_level, reason, changed_by,"
                    " at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    "titttti", uscc, seq + 1, level, previous, reason, c->actor, c->now_ms);
    return rc;
}

hg_rc enterprise_insert_record(const hg_ctx *c, record *r, json_t **out, hg_err *err)
{
    db *d = c->d;
    json_t *after = NULL;
    int64_t now = c->now_ms;
    hg_rc rc = check_coordinator(d, r, err);
    if (!rc)
        (void)((rc = record_set_int(r, "created_at", now)) || (rc = record_set_int(r, "updated_at", now)));
    if (!rc) {
        rc = record_insert(d, r, err);
        if (rc == HG_CONFLICT)
            rc = conflict_field(d, r, err);
    }
    if (!rc)
        rc = level_changed(c, record_text(r, "uscc"), record_text(r, "credit_level"), NULL,
                           record_text(r, "credit_reason") ? record_text(r, "credit_reason") : "registered", err);
    if (!rc)
        rc = enterprise_get(d, record_text(r, "uscc"), &after, err);
    if (!rc)   /* the caller commits: an import's lines are one transaction */
        rc = audit_append_ctx(c, "enterprise.create", "enterprise", record_text(r, "uscc"), NULL, after, err);
    if (!rc && out)
        *out = after;
    else
        json_decref(after);
    return rc;
}

hg_rc enterprise_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&enterprise_record, body, REC_CREATE, &r, err);
    if (!rc && !(rc = db_begin(c->d, err))) {
        rc = enterprise_insert_record(c, &r, out, err);   /* it appends the row itself (imports batch it) */
        if (!rc)
            rc = db_commit(c->d, err);
        if (rc) {
            db_rollback(c->d);
            json_decref(*out);
            *out = NULL;
        }
    }
    record_free(&r);
    return rc;
}

hg_rc enterprise_patch(const hg_ctx *c, const char *uscc, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    record r = {0};
    json_t *before = NULL, *after = NULL;
    *out = NULL;
    hg_rc rc = record_from_json(&enterprise_record, body, REC_PATCH, &r, err);
    if (!rc)
        rc = db_begin(d, err);
    if (rc)
        goto out;
    rc = enterprise_get(d, uscc, &before, err);
    if (!rc)
        rc = check_coordinator(d, &r, err);
    if (!rc)
        rc = record_set_int(&r, "updated_at", c->now_ms);
    if (!rc) {
        rc = record_update(d, &r, uscc, err);
        if (rc == HG_CONFLICT)
            rc = hg_fail(err, HG_CONFLICT, "conflict", "customs_code", "another enterprise has this customs_code");
    }
    /* a new credit level is a row of its history, with the reason given (or none) */
    const char *level = record_text(&r, "credit_level"),
               *was = before ? json_string_value(json_object_get(before, "credit_level")) : NULL;
    if (!rc && level && was && strcmp(level, was) != 0)
        rc = level_changed(c, uscc, level, was, record_text(&r, "credit_reason"), err);
    if (!rc)
        rc = enterprise_get(d, uscc, &after, err);
    rc = audit_commit(c, rc, "enterprise.update", "enterprise", uscc, before, after, err);
    if (rc)
        json_decref(after);
    else
        *out = after;
out:
    json_decref(before);
    record_free(&r);
    return rc;
}
