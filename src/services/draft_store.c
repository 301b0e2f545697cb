/* draft_store.c — declarations saved half-filled (暂存) by the enterprise that writes them, and
 * resumed later (issue 16, "the declaration form of a real single window"). A draft is the
 * enterprise's own working copy, not a declaration: it has no entry number, is never screened,
 * assessed or filed, and its form is kept as the console sent it (a JSON object, bounded),
 * unjudged — the pre-check and the filing judge it. Another enterprise's draft does not exist
 * for the caller (404). Not for: filing (cargo) or checking (navigation_store.c). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/json_canon.h"
#include "../platform/mem.h"
#include "services_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

static json_t *draft_row(db_stmt *s)
{
    char c[40], u[40];
    json_error_t je;
    json_t *form = json_loads(db_col_text(s, 3), 0, &je);
    return json_pack("{s:s, s:s, s:s, s:o?, s:s, s:s, s:s}", "draft_no", db_col_text(s, 0), "enterprise",
                     db_col_text(s, 1), "title", db_col_text(s, 2), "form", form, "saved_by", db_col_text(s, 4),
                     "created_at", db_col_time(s, 5, c), "updated_at", db_col_time(s, 6, u));
}
#define DRAFT_COLUMNS "draft_no, enterprise, title, form, saved_by, created_ms, updated_ms"

static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

/* The body's title (default "") and form (its canonical text into *text, caller frees). */
static hg_rc parse_body(const json_t *body, const char **title, char **text, hg_err *err)
{
    const char *k;
    json_t *v;
    *text = NULL;
    if (!json_is_object(body))
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    json_object_foreach((json_t *)body, k, v)
    {
        if (strcmp(k, "title") && strcmp(k, "form"))
            return hg_fail(err, HG_INVALID, "unknown_field", k, "unknown field \"%s\"", k);
    }
    json_t *t = json_object_get(body, "title"), *f = json_object_get(body, "form");
    if (t && (!json_is_string(t) || json_string_length(t) > DRAFT_TITLE_MAX * 4 ||
              chars(json_string_value(t)) > DRAFT_TITLE_MAX))
        return hg_fail(err, HG_INVALID, "invalid", "title", "title must be text of at most %d characters",
                       DRAFT_TITLE_MAX);
    if (!json_is_object(f))
        return hg_fail(err, HG_INVALID, f ? "invalid" : "required", "form",
                       "form must be an object: the declaration form as it stands");
    *title = t ? json_string_value(t) : "";
    if (!(*text = json_canon_text(f)))
        return nomem(err);
    if (strlen(*text) > DRAFT_FORM_MAX) {
        xfree(*text);
        *text = NULL;
        return hg_fail(err, HG_INVALID, "too_large", "form", "form must be at most %d bytes", DRAFT_FORM_MAX);
    }
    return HG_OK;
}

static hg_rc need_enterprise(const hg_ctx *c, hg_err *err)
{
    return c->who && c->who->role == ROLE_ENTERPRISE && c->who->enterprise[0]
               ? HG_OK
               : hg_fail(err, HG_FORBIDDEN, "forbidden", "", "drafts are an enterprise user's own");
}

/* The caller's draft no, or 404 (also another enterprise's). */
static hg_rc load(db *d, const principal *who, const char *no, json_t **out, hg_err *err)
{
    return db_row_json(d, draft_row, out, "draft_no", "no such draft", err,
                       "SELECT " DRAFT_COLUMNS " FROM declaration_drafts WHERE draft_no = ? AND enterprise = ?"
                       " AND discarded_ms IS NULL",
                       "tt", no, who->enterprise);
}

hg_rc draft_save(const hg_ctx *c, const char *no, const json_t *body, json_t **out, hg_err *err)
{
    const char *title = "";
    char *text = NULL, made[48];
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = need_enterprise(c, err);
    if (!rc)
        rc = parse_body(body, &title, &text, err);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    if (no) {
        rc = load(c->d, c->who, no, &before, err);
        if (!rc)
            rc = db_run(c->d, err,
                        "UPDATE declaration_drafts SET title = ?, form = ?, saved_by = ?, updated_ms = ?"
                        " WHERE draft_no = ?",
                        "tttit", title, text, c->actor, c->now_ms, no);
    } else {
        int64_t n = 0;
        /* numbered per enterprise (discarded ones count: a number is never reused), so the
         * number tells nothing of other enterprises */
        rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM declaration_drafts WHERE enterprise = ?", "t",
                    c->who->enterprise);
        snprintf(made, sizeof made, "ZC%.18s%04" PRId64, c->who->enterprise, n + 1);
        no = made;
        if (!rc)
            rc = db_run(c->d, err,
                        "INSERT INTO declaration_drafts (draft_no, enterprise, title, form, saved_by, created_ms,"
                        " updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        "tttttii", no, c->who->enterprise, title, text, c->actor, c->now_ms, c->now_ms);
    }
    json_t *after = NULL;
    if (!rc)
        rc = load(c->d, c->who, no, &after, err);
    rc = audit_commit(c, rc, before ? "declaration_draft.update" : "declaration_draft.create", "declaration_draft", no,
                      before, after, err);
    if (rc)
        json_decref(after);
    else
        *out = after;
out:
    json_decref(before);
    xfree(text);
    return rc;
}

hg_rc draft_discard(const hg_ctx *c, const char *no, hg_err *err)
{
    json_t *before = NULL;
    hg_rc rc = need_enterprise(c, err);
    if (rc || (rc = db_begin(c->d, err)))
        return rc;
    rc = load(c->d, c->who, no, &before, err);
    if (!rc)
        rc = db_run(c->d, err, "UPDATE declaration_drafts SET discarded_ms = ?, saved_by = ? WHERE draft_no = ?", "itt",
                    c->now_ms, c->actor, no);
    rc = audit_commit(c, rc, "declaration_draft.discard", "declaration_draft", no, before, NULL, err);
    json_decref(before);
    return rc;
}

hg_rc draft_get(db *d, const principal *who, const char *no, json_t **out, hg_err *err)
{
    *out = NULL;
    if (!who || who->role != ROLE_ENTERPRISE || !who->enterprise[0])
        return hg_fail(err, HG_FORBIDDEN, "forbidden", "", "drafts are an enterprise user's own");
    return load(d, who, no, out, err);
}

static json_t *summary_row(db_stmt *s)
{
    char u[40];
    return json_pack("{s:s, s:s, s:s, s:s}", "draft_no", db_col_text(s, 0), "title", db_col_text(s, 1), "saved_by",
                     db_col_text(s, 2), "updated_at", db_col_time(s, 3, u));
}

hg_rc draft_list(db *d, const principal *who, json_t **out, hg_err *err)
{
    json_t *items = NULL;
    *out = NULL;
    if (!who || who->role != ROLE_ENTERPRISE || !who->enterprise[0])
        return hg_fail(err, HG_FORBIDDEN, "forbidden", "", "drafts are an enterprise user's own");
    hg_rc rc = db_rows_json(d, summary_row, &items, err,
                            "SELECT draft_no, title, saved_by, updated_ms FROM declaration_drafts WHERE enterprise = ?"
                            " AND discarded_ms IS NULL ORDER BY updated_ms DESC, draft_no DESC LIMIT 200",
                            "t", who->enterprise);
    if (!rc && !(*out = json_pack("{s:o}", "items", items)))
        rc = nomem(err);
    return rc;
}
