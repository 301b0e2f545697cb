/* risk_store.c — the risk area's storage: rules (each change with its audit row in one
 * transaction), the process's compiled rule set and its reload, the draw secret, the
 * screenings recorded for statistics, and the statistics themselves.
 *
 * Rules are kept as canonical JSON (the API's shape) in a TEXT column beside the columns
 * that lists filter on. A generation counter, bumped in the same transaction as every rule
 * change, tells each server process (and each worker thread) that its compiled set is stale,
 * so that a change made by another process (`haiguan risk import`) is picked up by the next
 * screening without a restart. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../enterprise/enterprise.h"
#include "../platform/audit.h"
#include "../platform/buf.h"
#include "../platform/event.h"
#include "../platform/i18n.h"
#include "../platform/json_canon.h"
#include "../platform/keydir.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/record.h"
#include "../platform/words.h"
#include "risk_store.h"

const migration risk_migrations[] = {
    {400, "risk rules",
     "CREATE TABLE risk_rules ("
     " id @IDPK,"
     " name TEXT NOT NULL,"
     " source TEXT NOT NULL,"
     " status TEXT NOT NULL,"
     " definition TEXT NOT NULL,"
     " created_ms BIGINT NOT NULL,"
     " updated_ms BIGINT NOT NULL);"
     "CREATE INDEX risk_rules_status ON risk_rules(status, id);"
     "CREATE TABLE risk_generation (id BIGINT PRIMARY KEY, generation BIGINT NOT NULL);"
     "INSERT INTO risk_generation (id, generation) VALUES (1, 1);"
     "CREATE TABLE risk_screenings ("
     " id @IDPK,"
     " declaration_id TEXT NOT NULL,"
     " at_ms BIGINT NOT NULL,"
     " direction TEXT NOT NULL,"
     " credit_level TEXT NOT NULL,"
     " lane TEXT NOT NULL,"
     " random_selected BIGINT NOT NULL);"
     "CREATE INDEX risk_screenings_at ON risk_screenings(at_ms);"
     "CREATE TABLE risk_hits ("
     " screening_id BIGINT NOT NULL REFERENCES risk_screenings(id),"
     " rule_id BIGINT NOT NULL,"
     " lane TEXT NOT NULL,"
     " fired BIGINT NOT NULL,"
     " at_ms BIGINT NOT NULL);"
     "CREATE INDEX risk_hits_at ON risk_hits(at_ms, rule_id);",
     NULL, NULL},
    /* the screening's explanation, for GET /api/v1/declarations/{entry_no}/risk */
    {401, "risk screening results",
     "ALTER TABLE risk_screenings ADD COLUMN result TEXT;"
     "CREATE INDEX risk_screenings_declaration ON risk_screenings(declaration_id, id);",
     NULL, NULL},
    /* issue 16: a rule saved as a draft goes live only when an officer activates it; who and
     * when are kept on the rule (and in the audit row of the activation) */
    {410, "risk rule activation",
     "ALTER TABLE risk_rules ADD COLUMN activated_by TEXT;"
     "ALTER TABLE risk_rules ADD COLUMN activated_ms BIGINT;"
     "UPDATE risk_rules SET activated_ms = created_ms WHERE status <> 'draft';",
     NULL, NULL},
    /* the screening's input, so that a rule can be tried on declarations already filed
     * (POST /api/v1/risk/rules/{id}/try) without risk reading another area's tables */
    {411, "risk screening subjects", "ALTER TABLE risk_screenings ADD COLUMN subject TEXT;", NULL, NULL},
    /* issue 22 §4: headquarters' instructions (布控指令) arrive by logical replication from the
     * national installation into hq.instructions, a table of the database rather than of the
     * district's schema, so that districts sharing a database share one subscription. Only the
     * national installation writes it (risk_instruction.c); a district's screening reads it. */
    {420, "headquarters instructions (PostgreSQL: replicated from the national installation)", NULL, NULL,
     "CREATE SCHEMA IF NOT EXISTS hq;"
     "CREATE TABLE IF NOT EXISTS hq.instructions ("
     " id BIGINT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL, definition TEXT NOT NULL,"
     " version BIGINT NOT NULL, issued_by TEXT NOT NULL, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL);"},
    {0, NULL, NULL, NULL, NULL},
};

/* ------------------------------------------------------------------ the draw secret */

static unsigned char draw_secret[RISK_SECRET_BYTES];
static int draw_secret_loaded;
static pthread_mutex_t secret_lock = PTHREAD_MUTEX_INITIALIZER;

/* Reads or creates <key dir>/risk-draw.key (64 hex digits, mode 0600; keydir.h): the secret that keys
 * the random draws. Like the audit signing key it lives beside, never in the database or the
 * repository, so that an enterprise reading the data cannot predict selections. */
static hg_rc secret_load(hg_err *err)
{
    char dir[1024];
    hg_rc rc = HG_OK;
    pthread_mutex_lock(&secret_lock);
    if (draw_secret_loaded)
        goto out;
    audit_process_key_dir(dir, sizeof dir);
    if (!dir[0]) {
        rc = hg_fail(err, HG_IO, "io_error", "", "no usable key directory for the risk draw secret");
        goto out;
    }
    if ((rc = keydir_secret(dir, "risk-draw.key", "the risk draw secret", draw_secret, sizeof draw_secret, err)))
        goto out;
    draw_secret_loaded = 1;
out:
    pthread_mutex_unlock(&secret_lock);
    return rc;
}

hg_rc risk_keyed_draw(const char *purpose, const char *id, uint32_t *out, hg_err *err)
{
    hg_rc rc = secret_load(err);
    *out = rc ? 0 : risk_draw(draw_secret, purpose, id, 0);
    return rc;
}

/* ------------------------------------------------------------------ rules */

/* The stored rule as the API shows it: its definition with id, status and timestamps. An
 * active rule whose validity has ended shows as expired. */
static hg_rc rule_json(const char *definition, int64_t id, const char *status, int64_t created_ms, int64_t updated_ms,
                       const char *activated_by, int64_t activated_ms, json_t **out, hg_err *err)
{
    json_error_t je;
    json_t *o = json_loads(definition, 0, &je);
    char t[40];
    if (!o)
        return hg_fail(err, HG_DB, NULL, NULL, "a stored rule cannot be read back");
    int bad = json_object_set_new(o, "id", json_integer(id));
    bad |= json_object_set_new(o, "status", json_string(status));
    json_t *vt = json_object_get(o, "valid_to");
    int64_t to_ms = 0;
    if (strcmp(status, "active") == 0 && json_is_string(vt) && !time_parse_rfc3339(json_string_value(vt), &to_ms) &&
        to_ms <= now_ms())
        bad |= json_object_set_new(o, "status", json_string("expired"));
    time_format_rfc3339(created_ms, t, sizeof t);
    bad |= json_object_set_new(o, "created_at", json_string(t));
    time_format_rfc3339(updated_ms, t, sizeof t);
    bad |= json_object_set_new(o, "updated_at", json_string(t));
    if (activated_ms) { /* rules from before migration 410 have no one named */
        time_format_rfc3339(activated_ms, t, sizeof t);
        bad |= json_object_set_new(o, "activated_at", json_string(t));
        if (activated_by && activated_by[0])
            bad |= json_object_set_new(o, "activated_by", json_string(activated_by));
    }
    if (bad) {
        json_decref(o);
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    *out = o;
    return HG_OK;
}

#define RULE_COLUMNS "id, status, definition, created_ms, updated_ms, activated_by, COALESCE(activated_ms, 0)"

static hg_rc row_rule_json(db_stmt *s, json_t **out, hg_err *err)
{
    return rule_json(db_col_text(s, 2), db_col_int(s, 0), db_col_text(s, 1), db_col_int(s, 3), db_col_int(s, 4),
                     db_col_text(s, 5), db_col_int(s, 6), out, err);
}

hg_rc risk_rule_get(db *d, int64_t id, json_t **out, hg_err *err)
{
    db_stmt *s;
    *out = NULL;
    hg_rc rc = db_query(d, &s, err, "SELECT " RULE_COLUMNS " FROM risk_rules WHERE id = ?", "i", id);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW)
        rc = row_rule_json(s, out, err);
    else if (rc == HG_DONE)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such rule");
    db_reset(s);
    return rc;
}

/* The canonical definition text of a parsed rule (without id, status and timestamps). */
static hg_rc definition_of(const risk_rule *r, char **out, hg_err *err)
{
    json_t *j = risk_rule_to_json(r);
    if (j) {
        json_object_del(j, "id");
        json_object_del(j, "status");
    }
    *out = j ? json_canon_text(j) : NULL;
    json_decref(j);
    return *out ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
}

static hg_rc bump_generation(db *d, hg_err *err)
{
    db_memo_unset(d, DB_MEMO_RISK_GENERATION); /* the group's later filings read the new rules */
    return db_run(d, err, "UPDATE risk_generation SET generation = generation + 1 WHERE id = 1", "");
}

/* The internal event of every rule change (no enterprise's: rules are customs' own); data
 * names the change as its audit row does. */
static hg_rc rule_changed(db *d, const char *actor, const char *request_id, const char *id, const char *action,
                          hg_err *err)
{
    json_t *data = json_pack("{s:s}", "change", action);
    hg_rc rc = data ? event_emit(d,
                                 &(event){.type = "risk.rule_changed",
                                          .subject_kind = "risk_rule",
                                          .subject_id = id,
                                          .actor = actor,
                                          .request_id = request_id,
                                          .data = data},
                                 NULL, err)
                    : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    json_decref(data);
    return rc;
}

/* Inserts a parsed rule inside the caller's transaction, with its event; *id and *after (the
 * stored rule, the caller's) for the audit row the caller appends. */
static hg_rc insert_rule(db *d, const char *actor, const char *request_id, const risk_rule *r, int64_t now,
                         int64_t *id, json_t **after, hg_err *err)
{
    char *def = NULL, idtext[24];
    *after = NULL;
    hg_rc rc = definition_of(r, &def, err);
    if (!rc)
        rc = db_int(d, id, err,
                    "INSERT INTO risk_rules (name, source, status, definition, created_ms, updated_ms, activated_by,"
                    " activated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    "ttttiiti", r->name,
                    r->source == SRC_HQ     ? "hq"
                    : r->source == SRC_PORT ? "port"
                                            : "district",
                    risk_status_name(r->status), def, now, now, r->status == ST_DRAFT ? "" : actor,
                    r->status == ST_DRAFT ? (int64_t)0 : now);
    if (!rc)
        rc = risk_rule_get(d, *id, after, err);
    snprintf(idtext, sizeof idtext, "%lld", (long long)*id);
    if (!rc)
        rc = rule_changed(d, actor, request_id, idtext, "risk.rule.create", err);
    xfree(def);
    if (rc) {
        json_decref(*after);
        *after = NULL;
    }
    return rc;
}

/* The end of every change to a stored rule: the generation bump that makes running servers
 * recompile, its event, its audit row (with the credential the caller acted with) and the
 * commit, or the rollback when rc says so; then the local refresh. *out receives the rule as
 * it now is (for a creation, after, already read). */
static hg_rc finish_change(const hg_ctx *c, hg_rc rc, const char *action, int64_t id, const json_t *before,
                           json_t *after, json_t **out, hg_err *err)
{
    char idtext[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    if (!rc && !after)
        rc = risk_rule_get(c->d, id, &after, err);
    if (!rc && before)   /* a creation's event is insert_rule's */
        rc = rule_changed(c->d, c->actor, c->request_id, idtext, action, err);
    if (!rc)
        rc = bump_generation(c->d, err);
    rc = audit_commit(c, rc, action, "risk_rule", idtext, before, after, err);
    if (rc) {
        json_decref(after);
        return rc;
    }
    *out = after;
    risk_refresh(c->d, NULL); /* the next screening sees the change; a failure here is retried then */
    return HG_OK;
}

/* The body without its "status": "draft" (the one status a client may give), and whether
 * it was there; any other status is the server's to set. */
static hg_rc draft_body(const json_t *body, json_t **plain, int *draft, hg_err *err)
{
    json_t *st = json_object_get(body, "status");
    *draft = 0;
    *plain = NULL;
    if (!st)
        return HG_OK;
    if (!json_is_string(st) || strcmp(json_string_value(st), "draft"))
        return hg_fail(err, HG_INVALID, "read_only", "status",
                       "status may only be \"draft\" here (saved, not screening, until activated); the server sets "
                       "the others");
    if (!(*plain = json_copy((json_t *)body)) || json_object_del(*plain, "status")) {
        json_decref(*plain);
        *plain = NULL;
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    *draft = 1;
    return HG_OK;
}

hg_rc risk_rule_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    risk_rule r;
    json_t *after = NULL, *plain = NULL;
    int64_t id = 0;
    int draft = 0;
    *out = NULL;
    hg_rc rc = draft_body(body, &plain, &draft, err);
    if (rc)
        return rc;
    rc = risk_rule_from_json(plain ? plain : body, 0, &r, err);
    json_decref(plain);
    if (rc) {
        risk_rule_free(&r);
        return rc;
    }
    if (draft)
        r.status = ST_DRAFT;
    if (!(rc = db_begin(c->d, err))) {
        rc = insert_rule(c->d, c->actor, c->request_id, &r, c->now_ms, &id, &after, err);
        rc = finish_change(c, rc, "risk.rule.create", id, NULL, after, out, err);
    }
    risk_rule_free(&r);
    return rc;
}

/* The stored definition merged with a patch body, re-validated as a whole. */
static const char *const patch_refused[] = {"id",           "status",       "created_at", "updated_at",
                                            "activated_at", "activated_by", NULL};

hg_rc risk_rule_patch(const hg_ctx *c, int64_t id, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    json_t *before = NULL, *merged = NULL;
    risk_rule r;
    char *def = NULL;
    *out = NULL;
    memset(&r, 0, sizeof r);
    for (const char *const *k = patch_refused; *k; k++)
        if (json_object_get(body, *k))
            /* TRANSLATORS: 1: k; 2: strcmp(*k, "status") == 0 ? N_(" (use... */
            return hg_fail(err, HG_INVALID, "read_only", *k, "%s cannot be changed here%s", *k,
                           strcmp(*k, "status") == 0 ? N_(" (use suspend and resume)") : "");
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = risk_rule_get(d, id, &before, err);
    if (!rc) {
        merged = json_deep_copy(before);
        for (const char *const *k = patch_refused; merged && *k; k++)
            json_object_del(merged, *k);
        if (!merged || json_object_update(merged, (json_t *)body))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    if (!rc)
        rc = risk_rule_from_json(merged, 0, &r, err);
    if (!rc)
        rc = definition_of(&r, &def, err);
    if (!rc)
        rc = db_run(d, err, "UPDATE risk_rules SET name = ?, source = ?, definition = ?, updated_ms = ? WHERE id = ?",
                    "tttii", r.name,
                    r.source == SRC_HQ     ? "hq"
                    : r.source == SRC_PORT ? "port"
                                           : "district",
                    def, c->now_ms, id);
    rc = finish_change(c, rc, "risk.rule.update", id, before, NULL, out, err);
    json_decref(before);
    json_decref(merged);
    xfree(def);
    risk_rule_free(&r);
    return rc;
}

/* The stored status column of rule id (not the "expired" the API shows) into st. */
static hg_rc stored_status(db *d, int64_t id, char *st, size_t n, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, "SELECT status FROM risk_rules WHERE id = ?", "i", id);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        snprintf(st, n, "%s", db_col_text(s, 0));
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such rule");
    }
    db_reset(s);
    return rc;
}

hg_rc risk_rule_set_status(const hg_ctx *c, int64_t id, const char *status, json_t **out, hg_err *err)
{
    db *d = c->d;
    json_t *before = NULL;
    char was[16] = "";
    int activate = strcmp(status, "activate") == 0;
    *out = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = stored_status(d, id, was, sizeof was, err);
    /* a draft has never screened: it is activated on purpose (issue 16), not resumed, and
     * there is nothing to suspend; activation is for drafts alone */
    if (!rc && !activate && strcmp(was, "draft") == 0)
        rc = hg_fail(err, HG_CONFLICT, "rule_draft", "status",
                     "this rule is a draft and does not screen: activate it (POST .../activate)");
    if (!rc && activate && strcmp(was, "draft"))
        rc = hg_fail(err, HG_CONFLICT, "not_draft", "status", "only a draft is activated; this rule is %s", hg_word(was));
    if (!rc)
        rc = risk_rule_get(d, id, &before, err);
    if (!rc && activate)
        rc = db_run(d, err,
                    "UPDATE risk_rules SET status = 'active', updated_ms = ?, activated_by = ?, activated_ms = ?"
                    " WHERE id = ?",
                    "itii", c->now_ms, c->actor, c->now_ms, id);
    else if (!rc)
        rc = db_run(d, err, "UPDATE risk_rules SET status = ?, updated_ms = ? WHERE id = ?", "tii", status, c->now_ms,
                    id);
    rc = finish_change(c, rc,
                       activate                           ? "risk.rule.activate"
                       : strcmp(status, "active") == 0 ? "risk.rule.resume"
                                                       : "risk.rule.suspend",
                       id, before, NULL, out, err);
    json_decref(before);
    return rc;
}

/* Columns a rule list may sort on, with their SQL (list_query.h's sort names them). */
const char *const risk_rule_sortable[] = {"name", "source", "status", "created_at", "updated_at", NULL};
static const char *const sort_columns[] = {"name", "source", "status", "created_ms", "updated_ms", NULL};

/* The WHERE clause of a list and its text arguments (at most 4) into w and args. */
static hg_rc list_where(const char *status, const char *source, const char *pattern, int64_t cursor, buf *w,
                        const char *args[4], int *n, char *cur, size_t curn)
{
    hg_rc rc = buf_puts(w, " WHERE 1 = 1");
    *n = 0;
    if (!rc && status && !(rc = buf_puts(w, " AND status = ?")))
        args[(*n)++] = status;
    if (!rc && source && !(rc = buf_puts(w, " AND source = ?")))
        args[(*n)++] = source;
    if (!rc && pattern && !(rc = buf_puts(w, " AND LOWER(name) LIKE ?")))
        args[(*n)++] = pattern;
    if (!rc && cursor) {
        snprintf(cur, curn, "%lld", (long long)cursor);
        rc = buf_puts(w, " AND id < CAST(? AS BIGINT)");
        args[(*n)++] = cur;
    }
    return rc;
}

/* Binds the n text arguments from position 1, then the int ones after them. */
static hg_rc bind_all(db_stmt *s, const char *const *args, int n, const int64_t *ints, int n_ints)
{
    hg_rc rc = HG_OK;
    for (int i = 0; !rc && i < n; i++)
        rc = db_bind_text(s, i + 1, args[i]);
    for (int i = 0; !rc && i < n_ints; i++)
        rc = db_bind_int(s, n + i + 1, ints[i]);
    return rc;
}

hg_rc risk_rule_list(db *d, const risk_rule_filter *f, json_t **out, hg_err *err)
{
    db_stmt *s = NULL;
    json_t *items = json_array();
    buf where, sql;
    const char *args[4];
    char cur[24];
    int n_args = 0, n = 0, more = 0;
    int64_t last = 0, total = -1;
    char *pattern = f->q ? record_search_pattern(f->q) : NULL;
    *out = NULL;
    buf_init(&where, 4096);
    buf_init(&sql, 8192);
    hg_rc rc = items && (!f->q || pattern) ? HG_OK : HG_NOMEM;
    /* numbered pages (with a total) or a sort have no cursor: list_query_parse refuses both */
    if (!rc)
        rc = list_where(f->status, f->source, pattern, f->offset || f->sort ? 0 : f->cursor, &where, args, &n_args,
                        cur, sizeof cur);
    const char *col = NULL;
    for (int i = 0; f->sort && risk_rule_sortable[i]; i++)
        if (strcmp(risk_rule_sortable[i], f->sort) == 0)
            col = sort_columns[i];
    /* newest first (issue 16): a rule list opens on the rules just written */
    if (!rc)
        rc = buf_appendf(&sql, "SELECT " RULE_COLUMNS " FROM risk_rules%s ORDER BY %s%s%sid DESC LIMIT ? OFFSET ?",
                         buf_str(&where), col ? col : "", col ? (f->sort_desc ? " DESC" : " ASC") : "",
                         col ? ", " : "");
    if (rc)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    int64_t ints[2] = {(int64_t)f->limit + 1, (int64_t)f->offset};
    if (!rc && !(rc = db_prepare(d, buf_str(&sql), &s, err)) && bind_all(s, args, n_args, ints, 2))
        rc = hg_fail(err, HG_DB, NULL, NULL, "cannot bind the list's parameters");
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK; /* a row is not an error: keep looping */
        if (n == f->limit) {
            more = 1;
            continue;
        }
        json_t *o;
        rc = row_rule_json(s, &o, err);
        if (!rc && json_array_append_new(items, o))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        last = db_col_int(s, 0);
        n++;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    if (s)
        db_reset(s);
    s = NULL;
    if (!rc && f->with_total) {
        buf_reset(&sql);
        if (buf_appendf(&sql, "SELECT COUNT(*) FROM risk_rules%s", buf_str(&where)))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        if (!rc && !(rc = db_prepare(d, buf_str(&sql), &s, err)) && bind_all(s, args, n_args, NULL, 0))
            rc = hg_fail(err, HG_DB, NULL, NULL, "cannot bind the list's parameters");
        if (!rc && (rc = db_step(s, err)) == HG_ROW) {
            total = db_col_int(s, 0);
            rc = HG_OK;
        } else if (rc == HG_DONE) {
            rc = hg_fail(err, HG_DB, NULL, NULL, "no count");
        }
        if (s)
            db_reset(s);
    }
    xfree(pattern);
    buf_free(&where);
    buf_free(&sql);
    if (rc) {
        json_decref(items);
        return rc == HG_NOMEM ? hg_fail(err, rc, NULL, NULL, "out of memory") : rc;
    }
    snprintf(cur, sizeof cur, "%lld", (long long)last);
    *out = json_pack("{s:o, s:s?}", "items", items, "next_cursor", more && !f->offset && !f->sort ? cur : NULL);
    if (*out && total >= 0 && json_object_set_new(*out, "total", json_integer(total)))
        json_decref(*out), *out = NULL;
    return *out ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
}

hg_rc risk_rule_import_line(db *d, const char *actor, const json_t *body, hg_err *err)
{
    risk_rule r;
    json_t *after = NULL;
    int64_t id = 0;
    hg_rc rc = risk_rule_from_json(body, 0, &r, err);
    if (rc) {
        risk_rule_free(&r);   /* risk.h: freed also on failure */
        return rc;
    }
    rc = insert_rule(d, actor, NULL, &r, now_ms(), &id, &after, err);
    if (!rc) {   /* inside the import's transaction: the framework commits the whole file */
        char idtext[24];
        snprintf(idtext, sizeof idtext, "%lld", (long long)id);
        audit_event e = {actor, "risk.rule.create", "risk_rule", idtext, NULL, NULL, after, NULL};
        rc = audit_append(d, &e, NULL, err);
    }
    if (!rc)   /* once per line: the generation only has to move, however far */
        rc = bump_generation(d, err);
    json_decref(after);
    risk_rule_free(&r);
    return rc;
}

/* ------------------------------------------------------------------ the compiled set */

/* The process's current set. One per process by nature (every worker screens against the
 * same rules); reads take a reference under a short lock, reloads swap the pointer. */
static risk_holder holder = {PTHREAD_MUTEX_INITIALIZER, NULL};
static pthread_mutex_t reload_lock = PTHREAD_MUTEX_INITIALIZER;

/* The district's own generation plus the versions of headquarters' instructions (PostgreSQL):
 * both only grow, so their sum does too. A replicated instruction fires none of haiguan's
 * code on the district; the next screening's read of this sum is how it is noticed. */
static hg_rc generation_of(db *d, int64_t *gen, hg_err *err)
{
    /* read once per optimistic group (the writer's batch holds the write lock, under which the
     * district's rules change; bump_generation forgets it): a round trip per filing on
     * PostgreSQL. Headquarters' instructions, replicated outside the lock, count from the next
     * batch, as if they had arrived a moment later. */
    if (db_memo_get(d, DB_MEMO_RISK_GENERATION, gen, NULL, 0))
        return HG_OK;
    hg_rc rc;
    if (strcmp(db_backend(d), "postgres") == 0)
        rc = db_int(d, gen, err,
                    "SELECT generation + CAST(COALESCE((SELECT SUM(version) FROM hq.instructions), 0) AS BIGINT)"
                    " FROM risk_generation WHERE id = 1",
                    "");
    else
        rc = db_int(d, gen, err, "SELECT generation FROM risk_generation WHERE id = 1", "");
    if (!rc)
        db_memo_set(d, DB_MEMO_RISK_GENERATION, *gen, NULL);
    return rc;
}

/* HAIGUAN_RISK_RANDOM="IMPORT_PPM,EXPORT_PPM" sets general credit's random selection rates
 * (configuration, DESIGN.md §5; the credit-level shares apply on top). The API tests set
 * "0,0" so that filings do not depend on a fresh server's secret; a bad value is logged and
 * the defaults kept. */
static void config_from_env(risk_config *cfg)
{
    const char *v = getenv("HAIGUAN_RISK_RANDOM");
    char *end, *end2;
    if (!v || !*v)
        return;
    long imp = strtol(v, &end, 10), exp = *end == ',' ? strtol(end + 1, &end2, 10) : -1;
    if (*end != ',' || *end2 || imp < 0 || imp > 1000000 || exp < 0 || exp > 1000000) {
        log_warn("risk: HAIGUAN_RISK_RANDOM must be IMPORT_PPM,EXPORT_PPM (0 to 1000000); defaults kept");
        return;
    }
    cfg->base_ppm_import = (uint32_t)imp;
    cfg->base_ppm_export = (uint32_t)exp;
    if (imp == 0 && exp == 0)
        cfg->dishonest_min_ppm = 0; /* off means off, also for the dishonest floor */
}

/* Every active rule but skip_id (0: none) into *rules (owned by the caller, with room for
 * extra more at the end; every rule freed on failure). */
static hg_rc load_active(db *d, int64_t skip_id, size_t extra, risk_rule **rules_out, size_t *n_out, hg_err *err)
{
    db_stmt *s;
    size_t n = 0, cap = 0;
    risk_rule *rules = NULL;
    /* headquarters' active instructions screen with the district's rules (their ids, from
     * RISK_INSTRUCTION_FIRST_ID, never meet a district rule's) */
    hg_rc rc = db_query(d, &s, err,
                        strcmp(db_backend(d), "postgres") == 0
                            ? "SELECT id, status, definition FROM risk_rules WHERE status = 'active' UNION ALL"
                              " SELECT id, status, definition FROM hq.instructions WHERE status = 'active'"
                            : "SELECT id, status, definition FROM risk_rules WHERE status = 'active'",
                        "");
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK; /* a row is not an error: keep looping */
        if (db_col_int(s, 0) == skip_id)
            continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            risk_rule *p = xrealloc(rules, nc * sizeof *p);
            if (!p) {
                rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
                break;
            }
            rules = p, cap = nc;
        }
        json_error_t je;
        json_t *j = json_loads(db_col_text(s, 2), 0, &je);
        hg_err e;
        if (!j || risk_rule_from_json(j, 1, &rules[n], &e)) {
            /* a stored rule that no longer parses is skipped (and said), not fatal to screening */
            log_error("risk: stored rule %lld cannot be compiled: %s", (long long)db_col_int(s, 0),
                      j ? e.message : "bad JSON");
            risk_rule_free(&rules[n]);
            json_decref(j);
            continue;
        }
        json_decref(j);
        rules[n].id = db_col_int(s, 0);
        rules[n].status = ST_ACTIVE;
        n++;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    if (!rc && n + extra > cap) {
        risk_rule *p = xrealloc(rules, (n + extra ? n + extra : 1) * sizeof *p);
        if (!p)
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        else
            rules = p;
    }
    if (!rc && !rules && !(rules = xcalloc(1, sizeof *rules)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (rc) {
        risk_rules_free(rules, n);
        return rc;
    }
    *rules_out = rules;
    *n_out = n;
    return HG_OK;
}

/* Compiles rules (taken, as risk_set_compile takes them) with the configuration and secret
 * every screening of this process uses. */
static hg_rc compile_rules(risk_rule *rules, size_t n, int64_t gen, risk_set **out, hg_err *err)
{
    hg_rc rc = secret_load(err);
    if (rc) {
        risk_rules_free(rules, n);
        return rc;
    }
    risk_config cfg;
    risk_config_default(&cfg);
    config_from_env(&cfg);
    return risk_set_compile(rules, n, &cfg, draw_secret, gen, out, err);
}

/* Loads every rule and compiles the set for generation gen. */
static hg_rc compile_from_db(db *d, int64_t gen, risk_set **out, hg_err *err)
{
    risk_rule *rules = NULL;
    size_t n = 0;
    hg_rc rc = load_active(d, 0, 0, &rules, &n, err);
    return rc ? rc : compile_rules(rules, n, gen, out, err);
}

/* Installs a compiled set as the process's current one unless a newer one is there; takes
 * the reference given. A post-commit effect of the compile (risk_current), so that a set
 * compiled inside a transaction is never installed before that transaction is durable. */
static void install_set(void *cls)
{
    risk_set *fresh = cls;
    pthread_mutex_lock(&reload_lock);
    risk_set *cur = risk_holder_acquire(&holder);
    int newer = !cur || risk_set_generation(cur) < risk_set_generation(fresh);
    risk_set_release(cur);
    if (newer)
        risk_holder_swap(&holder, fresh);
    pthread_mutex_unlock(&reload_lock);
    if (!newer)
        risk_set_release(fresh);
}

static void drop_set(void *cls) { risk_set_release(cls); }

/* The holder keeps only sets of committed generations: a set compiled on a connection inside
 * a transaction (the group-commit writer's, which may hold a rule change of its own batch)
 * serves that caller at once but is installed only once the transaction is durable
 * (db_after_commit), and never when it rolls back. Otherwise a failed group commit would leave
 * the server screening with a rule never stored, and the generation number, given back by
 * the rollback, would make it ignore the next real change. Outside a transaction
 * db_after_commit installs at once. */
hg_rc risk_current(db *d, risk_set **out, hg_err *err)
{
    int64_t gen = 0;
    hg_rc rc = generation_of(d, &gen, err);
    *out = NULL;
    if (rc)
        return rc;
    risk_set *s = risk_holder_acquire(&holder);
    if (s && risk_set_generation(s) == gen) {
        *out = s;
        return HG_OK;
    }
    risk_set_release(s);
    /* one thread compiles; the others wait here only when there is no usable set to read */
    pthread_mutex_lock(&reload_lock);
    s = risk_holder_acquire(&holder);
    risk_set *fresh = NULL;
    if (!s || risk_set_generation(s) != gen) {
        rc = compile_from_db(d, gen, &fresh, err);
        risk_set_release(s);
        s = NULL;
    }
    pthread_mutex_unlock(&reload_lock);
    if (rc)
        return rc;
    if (fresh) {
        risk_set_retain(fresh);   /* one reference for the caller, one for the holder */
        s = fresh;
        rc = db_after_commit(d, install_set, drop_set, fresh, err);
        if (rc) {
            risk_set_release(s);
            return rc;
        }
    }
    *out = s;
    return HG_OK;
}

void risk_refresh(db *d, hg_err *err)
{
    risk_set *s = NULL;
    hg_err e;
    if (risk_current(d, &s, err ? err : &e) == HG_OK)
        risk_set_release(s);
}

/* ------------------------------------------------------------------ screenings and statistics */

hg_rc risk_record_screening(db *d, const risk_decl *decl, const risk_result *res, const json_t *explained,
                            hg_err *err)
{
    int64_t sid = 0;
    json_t *subj = risk_decl_to_json(decl);
    char *text = json_canon_text(explained), *subject = subj ? json_canon_text(subj) : NULL;
    json_decref(subj);
    if (!text || !subject) {
        xfree(text);
        xfree(subject);
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    hg_rc rc = db_int(d, &sid, err,
                      "INSERT INTO risk_screenings (declaration_id, at_ms, direction, credit_level, lane,"
                      " random_selected, result, subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                      "titttitt", decl->id, decl->at_ms, decl->direction == RISK_EXPORT ? "export" : "import",
                      risk_credit_name(decl->credit == RC_UNKNOWN ? RC_GENERAL_CREDIT : decl->credit),
                      risk_lane_name(res->lane), (int64_t)res->random_selected, text, subject);
    xfree(text);
    xfree(subject);
    for (int i = 0; i < res->n_hits && !rc; i++)
        rc = db_run(d, err, "INSERT INTO risk_hits (screening_id, rule_id, lane, fired, at_ms) VALUES (?, ?, ?, ?, ?)",
                    "iitii", sid, res->hits[i].rule->id, risk_lane_name(res->hits[i].rule->lane),
                    (int64_t)res->hits[i].fired, decl->at_ms);
    return rc;
}

hg_rc risk_stats(db *d, int64_t from_ms, int64_t to_ms, json_t **out, hg_err *err)
{
    json_t *by_rule = json_array(), *by_credit = json_array(), *by_lane = json_object();
    db_stmt *s = NULL;
    hg_rc rc = (by_rule && by_credit && by_lane) ? HG_OK : HG_NOMEM;
    *out = NULL;
    if (!rc)
        rc = db_query(d, &s, err,
                      "SELECT h.rule_id, COALESCE(r.name, ''), h.lane, COUNT(*), SUM(h.fired) FROM risk_hits h"
                      " LEFT JOIN risk_rules r ON r.id = h.rule_id WHERE h.at_ms >= ? AND h.at_ms < ?"
                      " GROUP BY h.rule_id, r.name, h.lane ORDER BY h.rule_id",
                      "ii", from_ms, to_ms);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        if (json_array_append_new(by_rule,
                                  json_pack("{s:I, s:s, s:s, s:I, s:I}", "rule_id", (json_int_t)db_col_int(s, 0),
                                            "name", db_col_text(s, 1), "lane", db_col_text(s, 2), "hits",
                                            (json_int_t)db_col_int(s, 3), "fired", (json_int_t)db_col_int(s, 4))))
            rc = HG_NOMEM;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    if (s)
        db_reset(s);
    s = NULL;
    if (!rc)
        rc = db_query(d, &s, err,
                      "SELECT lane, COUNT(*) FROM risk_screenings WHERE at_ms >= ? AND at_ms < ? GROUP BY lane", "ii",
                      from_ms, to_ms);
    int64_t total = 0;
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK; /* a row is not an error: keep looping */
        total += db_col_int(s, 1);
        if (json_object_set_new(by_lane, db_col_text(s, 0), json_integer(db_col_int(s, 1))))
            rc = HG_NOMEM;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    if (s)
        db_reset(s);
    s = NULL;
    /* inspection rate: the share of declarations sent to the red lane (physical inspection),
     * by credit level, and its ratio to general credit's, to show DESIGN.md §5's relations */
    int64_t counts[RC__COUNT] = {0}, red[RC__COUNT] = {0};
    if (!rc)
        rc = db_query(d, &s, err,
                      "SELECT credit_level, COUNT(*), SUM(CASE WHEN lane = 'red' THEN 1 ELSE 0 END)"
                      " FROM risk_screenings WHERE at_ms >= ? AND at_ms < ? GROUP BY credit_level",
                      "ii", from_ms, to_ms);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        for (int c = 0; c < RC_UNKNOWN; c++)
            if (strcmp(db_col_text(s, 0), risk_credit_name((risk_credit)c)) == 0)
                counts[c] = db_col_int(s, 1), red[c] = db_col_int(s, 2);
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    if (s)
        db_reset(s);
    int64_t gc_rate = counts[RC_GENERAL_CREDIT] ? red[RC_GENERAL_CREDIT] * 1000000 / counts[RC_GENERAL_CREDIT] : 0;
    for (int c = 0; c < RC_UNKNOWN && !rc; c++) {
        int64_t rate = counts[c] ? red[c] * 1000000 / counts[c] : 0;
        json_t *o = json_pack("{s:s, s:I, s:I, s:I}", "credit_level", risk_credit_name((risk_credit)c), "screenings",
                              (json_int_t)counts[c], "inspected", (json_int_t)red[c], "rate_ppm", (json_int_t)rate);
        if (o && gc_rate && json_object_set_new(o, "of_general_credit_ppm", json_integer(rate * 1000000 / gc_rate)))
            json_decref(o), o = NULL;
        if (json_array_append_new(by_credit, o))
            rc = HG_NOMEM;
    }
    if (rc) {
        json_decref(by_rule);
        json_decref(by_credit);
        json_decref(by_lane);
        return rc == HG_NOMEM ? hg_fail(err, rc, NULL, NULL, "out of memory") : rc;
    }
    char f[40], t[40];
    time_format_rfc3339(from_ms, f, sizeof f);
    time_format_rfc3339(to_ms, t, sizeof t);
    *out = json_pack("{s:s, s:s, s:I, s:o, s:o, s:o}", "from", f, "to", t, "screenings", (json_int_t)total, "by_lane",
                     by_lane, "hits_by_rule", by_rule, "inspection_by_credit_level", by_credit);
    return *out ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
}

hg_rc risk_inspections_by_credit(db *d, int64_t from_ms, int64_t to_ms, risk_credit_inspections out[RC__COUNT],
                                 hg_err *err)
{
    memset(out, 0, RC__COUNT * sizeof *out);
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT credit_level, COUNT(*), SUM(random_selected),"
                        " SUM(CASE WHEN lane = 'red' AND random_selected = 0 THEN 1 ELSE 0 END)"
                        " FROM risk_screenings WHERE at_ms >= ? AND at_ms < ? GROUP BY credit_level",
                        "ii", from_ms, to_ms);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        risk_credit c = RC_UNKNOWN;
        for (int i = 0; i < RC_UNKNOWN; i++)
            if (strcmp(db_col_text(s, 0), risk_credit_name((risk_credit)i)) == 0)
                c = (risk_credit)i;
        out[c].screened += db_col_int(s, 1);
        out[c].random += db_col_int(s, 2);
        out[c].rule += db_col_int(s, 3);
    }
    if (s)
        db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

/* ------------------------------------------------------------------ screening of a filing */

/* The credit level of the enterprise uscc into *out: RC_UNKNOWN when none is registered (or
 * uscc is empty). A database fault is returned as such: screening with an unknown credit
 * level would silently apply another random-selection rate. */
static hg_rc credit_of(db *d, const char *uscc, risk_credit *out, hg_err *err)
{
    char level[32];
    *out = RC_UNKNOWN;
    if (!uscc[0])
        return HG_OK;
    hg_rc rc = enterprise_credit_level(d, uscc, level, sizeof level, err);
    if (rc == HG_NOTFOUND)
        return HG_OK;   /* not registered: the unknown level's rate, a business answer */
    if (rc)
        return rc;
    for (int i = 0; i < RC_UNKNOWN; i++)
        if (strcmp(level, risk_credit_name((risk_credit)i)) == 0)
            *out = (risk_credit)i;
    return HG_OK;
}

hg_rc risk_parties_credit(db *d, const char *owner, const char *declarant, risk_credit *out, hg_err *err)
{
    risk_credit of_owner = RC_UNKNOWN, of_declarant = RC_UNKNOWN;
    hg_rc rc = credit_of(d, owner && owner[0] ? owner : declarant, &of_owner, err);
    if (!rc)
        rc = credit_of(d, declarant, &of_declarant, err);
    *out = rc ? RC_UNKNOWN : risk_credit_lower(of_owner, of_declarant);
    return rc;
}

void risk_verdict_free(risk_verdict *v)
{
    xfree(v->samples);
    v->samples = NULL;
    v->n_samples = 0;
}

hg_rc risk_screen_subject(db *d, risk_decl *decl, risk_verdict *out, hg_err *err)
{
    risk_decl rd = *decl;
    risk_result res;
    risk_set *set = NULL;
    memset(out, 0, sizeof *out);
    snprintf(out->lane, sizeof out->lane, "green");
    risk_result_init(&res);
    /* the lower credit level of the enterprise trading for its own account (consignee on
     * imports, consignor on exports) and of its declarant: a broker does not lend a dishonest
     * owner its certification, nor an owner a dishonest broker (海关注册登记和备案企业信用管理
     * 办法: each is rated; the declaration bears both) */
    hg_rc rc = risk_parties_credit(d, rd.direction == RISK_EXPORT ? rd.consignor : rd.consignee, rd.declarant,
                                   &rd.credit, err);
    if (rc)
        return rc;
    out->credit = rd.credit;
    rd.at_ms = now_ms();
    rc = risk_current(d, &set, err);
    if (!rc)
        rc = risk_screen(set, &rd, &res, err);
    json_t *ex = rc ? NULL : risk_result_to_json(&res);
    if (!rc && !ex)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = risk_record_screening(d, &rd, &res, ex, err);
    if (!rc) {
        /* the filing area's view: the inspection kind, one line of reasons, and the sampling
         * orders drawn, by item line (nucleic acid it orders itself for every seafood item) */
        buf why;
        buf_init(&why, 1000);
        for (int i = 0; i < res.n_hits; i++)
            if (res.hits[i].fired)
                buf_appendf(&why, "%s%s", why.len ? "; " : "", res.hits[i].rule->name);
        if (res.random_selected)
            buf_appendf(&why, "%srandom selection", why.len ? "; " : "");
        snprintf(out->reason, sizeof out->reason, "%s", buf_str(&why));
        buf_free(&why);
        if (res.n_orders && !(out->samples = xcalloc((size_t)res.n_orders, sizeof *out->samples)))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        for (int i = 0; !rc && i < res.n_orders; i++) {
            const risk_order *o = &res.orders[i];
            if (!o->selected || strcmp(o->kind, "nucleic_acid") == 0)
                continue;
            int line = 1;
            for (int h = 0; h < res.n_hits; h++)
                if (res.hits[h].rule->id == o->rule_id)
                    for (int m = 0; m < res.hits[h].n_matches; m++)
                        if (res.hits[h].matches[m].item >= 0) {
                            line = res.hits[h].matches[m].item + 1;
                            break;
                        }
            risk_sample_order *so = &out->samples[out->n_samples++];
            snprintf(so->kind, sizeof so->kind, "%s", o->kind);
            so->line_no = line;
        }
        if (res.inspection != INSP_NONE)
            snprintf(out->inspection_kind, sizeof out->inspection_kind, "%s",
                     json_string_value(json_object_get(ex, "inspection")));
        snprintf(out->lane, sizeof out->lane, "%s", risk_lane_name(res.lane));
    }
    if (rc)
        risk_verdict_free(out);
    json_decref(ex);
    risk_result_free(&res);
    risk_set_release(set);
    return rc;
}

hg_rc risk_screening_get(db *d, const char *declaration_id, json_t **out, hg_err *err)
{
    db_stmt *s = NULL;
    *out = NULL;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT at_ms, result FROM risk_screenings WHERE declaration_id = ? AND result IS NOT NULL"
                        " ORDER BY id DESC LIMIT 1",
                        "t", declaration_id);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        json_error_t je;
        char at[40];
        json_t *res = json_loads(db_col_text(s, 1), 0, &je);
        time_format_rfc3339(db_col_int(s, 0), at, sizeof at);
        *out = res ? json_pack("{s:s, s:s, s:o}", "declaration_id", declaration_id, "screened_at", at, "result", res)
                   : NULL;
        rc = *out ? HG_OK : hg_fail(err, HG_DB, NULL, NULL, "a stored screening cannot be read back");
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "entry_no", "no screening of this declaration");
    }
    db_reset(s);
    return rc;
}

/* ------------------------------------------------------------------ trying a rule */

/* The set of the active rules other than id, plus tried when it is not NULL (taken). */
static hg_rc trial_set(db *d, int64_t id, risk_rule *tried, risk_set **out, hg_err *err)
{
    risk_rule *rules = NULL;
    size_t n = 0;
    hg_rc rc = load_active(d, id, 1, &rules, &n, err);
    if (rc) {
        if (tried)
            risk_rule_free(tried);
        return rc;
    }
    if (tried)
        rules[n++] = *tried;
    return compile_rules(rules, n, -1, out, err);
}

/* The latest recorded subject of a declaration into *out (caller frees it with
 * risk_decl_free); HG_NOTFOUND when none is recorded (never screened, or before migration
 * 411) or it no longer parses. */
static hg_rc subject_of(db *d, const char *entry, risk_decl *out, hg_err *err)
{
    db_stmt *s = NULL;
    memset(out, 0, sizeof *out);
    hg_rc rc = db_query(d, &s, err,
                        "SELECT subject FROM risk_screenings WHERE declaration_id = ? AND subject IS NOT NULL"
                        " ORDER BY id DESC LIMIT 1",
                        "t", entry);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        json_error_t je;
        hg_err e;
        json_t *j = json_loads(db_col_text(s, 0), 0, &je);
        rc = j && !risk_decl_from_json(j, out, &e) ? HG_OK : HG_NOTFOUND;
        json_decref(j);
    } else if (rc == HG_DONE) {
        rc = HG_NOTFOUND;
    }
    db_reset(s);
    return rc;
}

/* The tried rule's hit of a screening as JSON (its matched values), or NULL when it did not
 * match. Borrowed from ex. */
static json_t *hit_of(json_t *ex, int64_t id)
{
    json_t *hits = json_object_get(ex, "hits");
    for (size_t i = 0; i < json_array_size(hits); i++)
        if (json_integer_value(json_object_get(json_array_get(hits, i), "rule_id")) == id)
            return json_array_get(hits, i);
    return NULL;
}

/* One declaration screened without and with the rule, as the answer lists it. */
static hg_rc try_one(db *d, risk_set *without, risk_set *with, const char *entry, int64_t id, int64_t at,
                     json_t *results, hg_err *err)
{
    risk_decl dc;
    risk_result a, b;
    hg_rc rc = subject_of(d, entry, &dc, err);
    if (rc == HG_NOTFOUND) {
        risk_decl_free(&dc);
        return json_array_append_new(results, json_pack("{s:s, s:b}", "declaration_id", entry, "screened", 0))
                   ? hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory")
                   : HG_OK;
    }
    if (rc) {
        risk_decl_free(&dc);
        return rc;
    }
    dc.at_ms = at;
    risk_result_init(&a);
    risk_result_init(&b);
    rc = risk_screen(without, &dc, &a, err);
    if (!rc)
        rc = risk_screen(with, &dc, &b, err);
    json_t *ex = rc ? NULL : risk_result_to_json(&b);
    if (!rc && !ex)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc) {
        json_t *h = hit_of(ex, id);
        json_t *o = json_pack("{s:s, s:b, s:b, s:b, s:O?, s:s, s:s}", "declaration_id", entry, "screened", 1, "hit",
                              h != NULL, "fired", h && json_is_true(json_object_get(h, "fired")), "matched",
                              h ? json_object_get(h, "matched") : NULL, "lane_without", risk_lane_name(a.lane),
                              "lane_with", risk_lane_name(b.lane));
        if (json_array_append_new(results, o))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    json_decref(ex);
    risk_result_free(&a);
    risk_result_free(&b);
    risk_decl_free(&dc);
    return rc;
}

hg_rc risk_rule_try(db *d, int64_t id, const json_t *entries, int64_t now, json_t **out, hg_err *err)
{
    *out = NULL;
    if (!json_is_array(entries) || json_array_size(entries) < 1 || json_array_size(entries) > RISK_TRY_MAX)
        return hg_fail(err, HG_INVALID, entries ? "invalid" : "required", "declarations",
                       "declarations must be a list of 1 to %d entry numbers", RISK_TRY_MAX);
    for (size_t i = 0; i < json_array_size(entries); i++) {
        json_t *e = json_array_get(entries, i);
        if (!json_is_string(e) || json_string_length(e) < 1 || json_string_length(e) > 47) {
            char f[40];
            snprintf(f, sizeof f, "declarations[%zu]", i);
            return hg_fail(err, HG_INVALID, "invalid", f, "%s must be an entry number (1 to 47 characters)", f);
        }
    }
    db_stmt *s = NULL;
    risk_rule tried;
    memset(&tried, 0, sizeof tried);
    hg_rc rc = db_query(d, &s, err, "SELECT definition FROM risk_rules WHERE id = ?", "i", id);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        json_error_t je;
        json_t *j = json_loads(db_col_text(s, 0), 0, &je);
        rc = j ? risk_rule_from_json(j, 1, &tried, err)
               : hg_fail(err, HG_DB, NULL, NULL, "a stored rule cannot be read back");
        json_decref(j);
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such rule");
    }
    db_reset(s);
    if (rc)
        return rc;
    tried.id = id;
    tried.status = ST_ACTIVE;
    /* judged at the first moment the rule would screen: now, or its valid_from when later */
    int64_t at = tried.valid_from_ms > now ? tried.valid_from_ms : now;
    int in_force = !(tried.valid_to_ms && at >= tried.valid_to_ms);
    risk_set *without = NULL, *with = NULL;
    json_t *results = json_array();
    rc = results ? trial_set(d, id, NULL, &without, err) : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = trial_set(d, id, &tried, &with, err);
    else
        risk_rule_free(&tried);
    for (size_t i = 0; !rc && i < json_array_size(entries); i++)
        rc = try_one(d, without, with, json_string_value(json_array_get(entries, i)), id, at, results, err);
    risk_set_release(without);
    risk_set_release(with);
    char t[40];
    time_format_rfc3339(at, t, sizeof t);
    if (!rc && !(*out = json_pack("{s:I, s:s, s:b, s:o}", "rule_id", (json_int_t)id, "at", t, "in_force", in_force,
                                  "results", results)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    else if (rc)
        json_decref(results);
    return rc;
}
