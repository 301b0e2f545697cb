/* change_api.c — HTTP handlers of a declaration's life after filing (change_store.c): the
 * declarant's requests to modify or cancel, customs' amendments after release, the officers'
 * queue and decisions, returning a declaration for correction and refiling it. Their rows are
 * in cargo_routes (cargo_api.c). */
#include <stdlib.h>
#include <string.h>

#include "../platform/http.h"
#include "../platform/ident.h"
#include "../platform/record.h"
#include "cargo.h"
#include "change_api.h"

static hg_rc body_needed(req *r, hg_err *err)
{
    return r->json ? HG_OK : hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
}

/* The entry number of the path, normalised as every identifier (too long: "", not found). */
static void entry_of(req *r, char out[24]) { ident_normalize(r->params[0], out, 24); }

/* A write on the declaration of the path with the JSON body, answering status. */
typedef hg_rc (*entry_write)(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err);
static hg_rc on_entry(req *r, entry_write fn, int status, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    char entry[24];
    json_t *out;
    entry_of(r, entry);
    hg_rc rc = body_needed(r, err);
    if (!rc)
        rc = fn(&c, entry, r->json, &out, err);
    return rc ? rc : req_reply_json(r, status, out);
}

hg_rc changes_request_api(req *r, hg_err *err) { return on_entry(r, change_request, 201, err); }

static hg_rc list_with(req *r, const char *entry_no, hg_err *err)
{
    static const char *const states[] = {"pending", "approved", "refused", NULL}, *const kinds[] = {"modify", "cancel",
                                                                                                    "amend", NULL};
    change_filter f = {.entry_no = entry_no,
                       .status = req_query(r, "status"),
                       .kind = req_query(r, "kind"),
                       .cursor = req_query(r, "cursor")};
    int ok_status = !f.status, ok_kind = !f.kind;
    for (int i = 0; states[i]; i++)
        ok_status |= f.status && strcmp(f.status, states[i]) == 0;
    for (int i = 0; kinds[i]; i++)
        ok_kind |= f.kind && strcmp(f.kind, kinds[i]) == 0;
    if (!ok_status)
        return hg_fail(err, HG_INVALID, "invalid", "status", "status must be pending, approved or refused");
    if (!ok_kind)
        return hg_fail(err, HG_INVALID, "invalid", "kind", "kind must be modify, cancel or amend");
    if (f.cursor && (strspn(f.cursor, "0123456789") != strlen(f.cursor) || !*f.cursor || strlen(f.cursor) > 18))
        return hg_fail(err, HG_INVALID, "invalid", "cursor", "cursor is the id a previous page gave");
    json_t *out;
    hg_rc rc = record_parse_limit(req_query(r, "limit"), &f.limit, err);
    if (!rc && entry_no) { /* the declaration must be one the caller sees */
        json_t *decl = NULL;
        rc = declaration_get(r->db, r->who, entry_no, &decl, err);
        json_decref(decl);
    }
    if (!rc)
        rc = change_list(r->db, r->who, &f, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

hg_rc changes_of_declaration_api(req *r, hg_err *err)
{
    char entry[24];
    entry_of(r, entry);
    return list_with(r, entry, err);
}

hg_rc changes_queue_api(req *r, hg_err *err) { return list_with(r, NULL, err); }

static hg_rc decide(req *r, int approve, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    char *end;
    long long id = strtoll(r->params[0], &end, 10);
    if (*end || id <= 0)
        return hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such change request");
    json_t *out;
    hg_rc rc = change_decide(&c, id, approve, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

hg_rc changes_approve_api(req *r, hg_err *err) { return decide(r, 1, err); }
hg_rc changes_refuse_api(req *r, hg_err *err) { return decide(r, 0, err); }

hg_rc declarations_return_api(req *r, hg_err *err) { return on_entry(r, declaration_return, 200, err); }

hg_rc declarations_refile_api(req *r, hg_err *err) { return on_entry(r, declaration_refile, 200, err); }
