/* release_conditions.c — what a declaration's release still waits for, read without changing
 * anything: every unmet condition (cargo_release_unmet, the rules the release itself applies),
 * each with the facts that say who acts next — the open inspection task, the samples at the
 * laboratory, the tax due with its amount and date, the bill whose arrival is awaited. The
 * console shows it on the declaration and disables 放行 while it is not empty. */
#include <string.h>

#include "../platform/log.h"
#include "../tax/tax_store.h"
#include "cargo.h"
#include "cargo_store.h"

/* rows of sql (one text parameter) as objects of the named columns; a column named "*_at" is
 * a time in ms, given as RFC 3339; id and line_no are numbers */
static hg_rc rows_json(db *d, const char *sql, const char *arg, const char *const *names, json_t **out, hg_err *err)
{
    db_stmt *s = NULL;
    json_t *arr = json_array();
    hg_rc rc = arr ? db_query(d, &s, err, sql, "t", arg) : HG_NOMEM;
    int opened = !rc;
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        json_t *o = json_object();
        for (int i = 0; o && names[i]; i++) {
            json_t *v = json_null();
            if (!db_col_null(s, i) && strstr(names[i], "_at")) {
                char at[40];
                time_format_rfc3339(db_col_int(s, i), at, sizeof at);
                v = json_string(at);
            } else if (!db_col_null(s, i) && (strcmp(names[i], "id") == 0 || strcmp(names[i], "line_no") == 0)) {
                v = json_integer(db_col_int(s, i));
            } else if (!db_col_null(s, i)) {
                v = json_string(db_col_text(s, i));
            }
            json_object_set_new(o, names[i], v);
        }
        rc = !o || json_array_append_new(arr, o) ? HG_NOMEM : HG_OK;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    if (opened)
        db_reset(s);
    if (rc)
        json_decref(arr);
    *out = rc ? NULL : arr;
    return rc;
}

/* What resolves condition c (by its field), added to it. */
static hg_rc add_details(db *d, const principal *who, const json_t *decl, const char *entry_no, json_t *c, hg_err *err)
{
    const char *field = json_string_value(json_object_get(c, "field"));
    json_t *v = NULL;
    hg_rc rc = HG_OK;
    if (strcmp(field, "lane") == 0) {
        /* the reason of a selection is the risk officers' knowledge: an enterprise learns that its
         * goods are inspected, not why */
        static const char *const officer_cols[] = {"id", "kind", "reason", "created_at", "attendance", NULL};
        static const char *const trader_cols[] = {"id", "kind", "created_at", "attendance", NULL};
        int officer = who->role != ROLE_ENTERPRISE;
        rc = rows_json(d,
                       officer ? "SELECT id, kind, reason, created_ms, attendance FROM inspections WHERE entry_no = ? "
                                 "AND status = 'open' ORDER BY id"
                               : "SELECT id, kind, created_ms, attendance FROM inspections WHERE entry_no = ? AND "
                                 "status = 'open' ORDER BY id",
                       entry_no, officer ? officer_cols : trader_cols, &v, err);
        if (!rc && json_object_set_new(c, "inspections", v))
            rc = HG_NOMEM;
    } else if (strcmp(field, "samples") == 0) {
        static const char *const cols[] = {"barcode", "line_no", "kind", "status", "created_at", NULL};
        rc = rows_json(d,
                       "SELECT barcode, line_no, kind, status, created_ms FROM samples WHERE entry_no = ? AND status "
                       "IN ('pending', 'positive') ORDER BY barcode",
                       entry_no, cols, &v, err);
        if (!rc && json_object_set_new(c, "samples", v))
            rc = HG_NOMEM;
    } else if (strcmp(field, "tax") == 0) {
        v = tax_brief_json(d, entry_no);
        if (json_object_set_new(c, "tax", v ? v : json_null()))
            rc = HG_NOMEM;
    } else if (strcmp(field, "arrival") == 0) {
        if (json_object_set(c, "bill_no", json_object_get(decl, "bill_no")))
            rc = HG_NOMEM;
    }
    return rc == HG_NOMEM ? hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory") : rc;
}

hg_rc declaration_release_standing(db *d, const principal *who, const char *entry_no, json_t **out, hg_err *err)
{
    json_t *decl = NULL, *unmet = json_array();
    release_facts f;
    *out = NULL;
    hg_rc rc = unmet ? declaration_get(d, who, entry_no, &decl, err) : HG_NOMEM;
    if (!rc)
        rc = cargo_officer_release_facts(d, decl, entry_no, &f, err);
    if (!rc && cargo_release_unmet(&f, unmet))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    size_t i;
    json_t *c;
    json_array_foreach(unmet, i, c)
    {
        if (!rc)
            rc = add_details(d, who, decl, entry_no, c, err);
    }
    if (!rc) {
        *out = json_pack("{s:O, s:O, s:O, s:b, s:O}", "entry_no", json_object_get(decl, "entry_no"), "status",
                         json_object_get(decl, "status"), "lane", json_object_get(decl, "lane"), "may_release",
                         json_array_size(unmet) == 0, "unmet", unmet);
        if (!*out)
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    json_decref(unmet);
    json_decref(decl);
    return rc;
}
