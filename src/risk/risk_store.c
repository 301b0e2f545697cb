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
#include "../platform/json_canon.h"
#include "../platform/keydir.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/record.h"
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

/* ------------------------------------------------------------------ rules */

/* The stored rule as the API shows it: its definition with id, status and timestamps. An
 * active rule whose validity has ended shows as expired. */
static hg_rc rule_json(const char *definition, int64_t id, const char *status, int64_t created_ms, int64_t updated_ms,
                       json_t **out, hg_err *err)
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
    if (bad) {
        json_decref(o);
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    *out = o;
    return HG_OK;
}

#define RULE_COLUMNS "id, status, definition, created_ms, updated_ms"

static hg_rc row_rule_json(db_stmt *s, json_t **out, hg_err *err)
{
    return rule_json(db_col_text(s, 2), db_col_int(s, 0), db_col_text(s, 1), db_col_int(s, 3), db_col_int(s, 4), out,
                     err);
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
                    "INSERT INTO risk_rules (name, source, status, definition, created_ms, updated_ms)"
                    " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    "ttttii", r->name,
                    r->source == SRC_HQ     ? "hq"
                    : r->source == SRC_PORT ? "port"
                                            : "district",
                    risk_status_name(r->status), def, now, now);
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

hg_rc risk_rule_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    risk_rule r;
    json_t *after = NULL;
    int64_t id = 0;
    *out = NULL;
    hg_rc rc = risk_rule_from_json(body, 0, &r, err);
    if (rc) {
        risk_rule_free(&r);
        return rc;
    }
    if (!(rc = db_begin(c->d, err))) {
        rc = insert_rule(c->d, c->actor, c->request_id, &r, c->now_ms, &id, &after, err);
        rc = finish_change(c, rc, "risk.rule.create", id, NULL, after, out, err);
    }
    risk_rule_free(&r);
    return rc;
}

/* The stored definition merged with a patch body, re-validated as a whole. */
static const char *const patch_refused[] = {"id", "status", "created_at", "updated_at", NULL};

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
            return hg_fail(err, HG_INVALID, "read_only", *k, "%s cannot be changed here%s", *k,
                           strcmp(*k, "status") == 0 ? " (use suspend and resume)" : "");
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

hg_rc risk_rule_set_status(const hg_ctx *c, int64_t id, const char *status, json_t **out, hg_err *err)
{
    db *d = c->d;
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = risk_rule_get(d, id, &before, err);
    if (!rc)
        rc = db_run(d, err, "UPDATE risk_rules SET status = ?, updated_ms = ? WHERE id = ?", "tii", status, c->now_ms,
                    id);
    rc = finish_change(c, rc, strcmp(status, "active") == 0 ? "risk.rule.resume" : "risk.rule.suspend", id, before,
                       NULL, out, err);
    json_decref(before);
    return rc;
}

hg_rc risk_rule_list(db *d, const char *status, const char *source, int64_t cursor, int limit, json_t **out,
                     hg_err *err)
{
    db_stmt *s = NULL;
    json_t *items = json_array();
    int64_t last = 0;
    int n = 0;
    *out = NULL;
    if (!items)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    /* one statement per filter combination (PostgreSQL cannot type "? IS NULL"); limit + 1
     * rows tell whether another page exists */
    static const char *const sql[4] = {
        "SELECT " RULE_COLUMNS " FROM risk_rules WHERE id > ? ORDER BY id LIMIT ?",
        "SELECT " RULE_COLUMNS " FROM risk_rules WHERE status = ? AND id > ? ORDER BY id LIMIT ?",
        "SELECT " RULE_COLUMNS " FROM risk_rules WHERE source = ? AND id > ? ORDER BY id LIMIT ?",
        "SELECT " RULE_COLUMNS " FROM risk_rules WHERE status = ? AND source = ? AND id > ? ORDER BY id LIMIT ?",
    };
    int which = (status ? 1 : 0) | (source ? 2 : 0);
    hg_rc rc;
    if (which == 0)
        rc = db_query(d, &s, err, sql[0], "ii", cursor, (int64_t)limit + 1);
    else if (which == 3)
        rc = db_query(d, &s, err, sql[3], "ttii", status, source, cursor, (int64_t)limit + 1);
    else
        rc = db_query(d, &s, err, sql[which], "tii", status ? status : source, cursor, (int64_t)limit + 1);
    int more = 0;
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK; /* a row is not an error: keep looping */
        if (n == limit) {
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
    if (rc) {
        json_decref(items);
        return rc;
    }
    char cur[24];
    snprintf(cur, sizeof cur, "%lld", (long long)last);
    *out = json_pack("{s:o, s:s?}", "items", items, "next_cursor", more ? cur : NULL);
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

static hg_rc generation_of(db *d, int64_t *gen, hg_err *err)
{
    return db_int(d, gen, err, "SELECT generation FROM risk_generation WHERE id = 1", "");
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

/* Loads every rule and compiles the set for generation gen. */
static hg_rc compile_from_db(db *d, int64_t gen, risk_set **out, hg_err *err)
{
    db_stmt *s;
    size_t n = 0, cap = 0;
    risk_rule *rules = NULL;
    hg_rc rc = db_query(d, &s, err, "SELECT id, status, definition FROM risk_rules WHERE status = 'active'", "");
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK; /* a row is not an error: keep looping */
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
    if (!rc)
        rc = secret_load(err);
    if (rc) {
        for (size_t i = 0; i < n; i++)
            risk_rule_free(&rules[i]);
        xfree(rules);
        return rc;
    }
    risk_config cfg;
    risk_config_default(&cfg);
    config_from_env(&cfg);
    if (!rules && !(rules = xcalloc(1, sizeof *rules)))
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return risk_set_compile(rules, n, &cfg, draw_secret, gen, out, err);
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
    char *text = json_canon_text(explained);
    if (!text)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    hg_rc rc = db_int(d, &sid, err,
                      "INSERT INTO risk_screenings (declaration_id, at_ms, direction, credit_level, lane,"
                      " random_selected, result) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                      "titttit", decl->id, decl->at_ms, decl->direction == RISK_EXPORT ? "export" : "import",
                      risk_credit_name(decl->credit == RC_UNKNOWN ? RC_GENERAL_CREDIT : decl->credit),
                      risk_lane_name(res->lane), (int64_t)res->random_selected, text);
    xfree(text);
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
    const char *owner = rd.direction == RISK_EXPORT ? rd.consignor : rd.consignee;
    risk_credit of_owner = RC_UNKNOWN, of_declarant = RC_UNKNOWN;
    hg_rc rc = credit_of(d, owner[0] ? owner : rd.declarant, &of_owner, err);
    if (!rc)
        rc = credit_of(d, rd.declarant, &of_declarant, err);
    if (rc)
        return rc;
    rd.credit = risk_credit_lower(of_owner, of_declarant);
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
