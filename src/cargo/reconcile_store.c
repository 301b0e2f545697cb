/* reconcile_store.c — cargo's part of `haiguan audit reconcile` (audit.h): every declaration
 * as it stands against what its audit rows record. The rows of one declaration, oldest first,
 * replay its life: the filing (and a refiling, a return, a two-step completion) records its
 * goods in full, an approved modification or amendment patches the lines it names, a release
 * and a cancellation are rows of their own. A declaration whose goods, release or cancellation
 * no row accounts for was changed behind the system's back (an UPDATE at the database), and
 * is named with the field. Read-only. Not for: proving the rows themselves untouched (that is
 * `audit verify`'s hash chain). */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/mem.h"
#include "cargo.h"
#include "cargo_store.h"

/* The fields of a line the audit rows record and reconcile compares. */
static const char *const item_fields[] = {"hs_code",       "name",  "origin",   "quantity",
                                          "unit",          "value", "currency", "gross_weight_kg",
                                          "net_weight_kg", "vins",  NULL};

/* What the rows of one declaration say it should be. */
typedef struct replay {
    json_t *items; /* the goods as last recorded (owned), or NULL: no filing row */
    int released, cancelled;
} replay;

static int full_items(const json_t *after)
{
    const json_t *items = json_object_get(after, "items");
    return json_is_array(items) && json_object_get(json_array_get(items, 0), "hs_code") != NULL;
}

/* An approved change's patches ({line_no, field…}) onto the recorded goods. */
static void patch_items(json_t *items, const json_t *patches)
{
    size_t i;
    json_t *p;
    json_array_foreach(patches, i, p)
    {
        json_int_t line = json_integer_value(json_object_get(p, "line_no"));
        json_t *item = line >= 1 ? json_array_get(items, (size_t)line - 1) : NULL;
        const char *k;
        json_t *v;
        json_object_foreach(p, k, v)
        {
            if (item && strcmp(k, "line_no") != 0)
                json_object_set(item, k, v);
        }
    }
}

static void replay_row(replay *r, const json_t *row)
{
    const char *action = json_string_value(json_object_get(row, "action"));
    const json_t *after = json_object_get(row, "after");
    if (!action)
        return;
    if (full_items(after) && (!strcmp(action, "declaration.file") || !strcmp(action, "declaration.refile") ||
                              !strcmp(action, "declaration.return") || !strcmp(action, "declaration.complete"))) {
        json_decref(r->items);
        r->items = json_deep_copy(json_object_get(after, "items"));
    } else if (!strcmp(action, "declaration.release")) {
        r->released = 1;
    } else if (!strcmp(action, "declaration.change.approve")) {
        const char *status = json_string_value(json_object_get(after, "declaration_status"));
        if (status && !strcmp(status, "cancelled"))
            r->cancelled = 1;
        if (r->items && json_is_array(json_object_get(after, "items")))
            patch_items(r->items, json_object_get(after, "items"));
    }
}

static hg_rc finding(json_t *findings, const char *entry_no, const char *rule, const char *message)
{
    json_t *f = json_pack("{s:s, s:s, s:s, s:s}", "object_type", "declaration", "object_id", entry_no, "rule", rule,
                          "message", message);
    return f && !json_array_append_new(findings, f) ? HG_OK : HG_NOMEM;
}

/* The first recorded field of the goods that differs from the stored one, as a finding. */
static hg_rc compare_items(const json_t *now, const json_t *recorded, const char *entry_no, json_t *findings)
{
    char msg[256];
    if (json_array_size(now) != json_array_size(recorded)) {
        snprintf(msg, sizeof msg, "%zu lines stored, its audit rows record %zu", json_array_size(now),
                 json_array_size(recorded));
        return finding(findings, entry_no, "items_changed", msg);
    }
    for (size_t i = 0; i < json_array_size(now); i++)
        for (int k = 0; item_fields[k]; k++) {
            const json_t *a = json_object_get(json_array_get(now, i), item_fields[k]),
                         *b = json_object_get(json_array_get(recorded, i), item_fields[k]);
            if ((a && !json_is_null(a)) == (b && !json_is_null(b)) && (!a || json_is_null(a) || json_equal(a, b)))
                continue;
            char *sa = a ? json_dumps(a, JSON_ENCODE_ANY) : NULL, *sb = b ? json_dumps(b, JSON_ENCODE_ANY) : NULL;
            snprintf(msg, sizeof msg, "items[%zu].%s is %s, its audit rows record %s", i, item_fields[k],
                     sa ? sa : "null", sb ? sb : "null");
            xfree(sa);
            xfree(sb);
            return finding(findings, entry_no, "items_changed", msg);
        }
    return HG_OK;
}

static hg_rc reconcile_one(db *d, const char *entry_no, json_t *findings, hg_err *err)
{
    json_t *now = NULL, *rows = NULL;
    replay r = {0};
    audit_filter f = {.object_type = "declaration", .object_id = entry_no, .limit = 500};
    hg_rc rc = record_load_json(d, &declaration_record, entry_no, &now, err);
    if (!rc)
        rc = audit_list_json(d, &f, &rows, err);
    const json_t *items = json_object_get(rows, "items");
    for (size_t i = json_array_size(items); i-- > 0 && !rc;) /* newest first: replay from the oldest */
        replay_row(&r, json_array_get(items, i));
    int released = !json_is_null(json_object_get(now, "released_at"));
    const char *status = json_string_value(json_object_get(now, "status"));
    if (!rc && !r.items)
        rc = finding(findings, entry_no, "filing_unaudited", "no audit row records its filing");
    else if (!rc && released && !r.released)
        rc = finding(findings, entry_no, "release_unaudited", "released, but no audit row records its release");
    else if (!rc && !released && r.released)
        rc = finding(findings, entry_no, "release_undone", "its release is recorded, but it is not released");
    else if (!rc && status && !strcmp(status, "cancelled") && !r.cancelled)
        rc = finding(findings, entry_no, "cancel_unaudited", "cancelled, but no approved cancellation is recorded");
    else if (!rc)
        rc = compare_items(json_object_get(now, "items"), r.items, entry_no, findings);
    if (rc == HG_NOMEM)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    json_decref(r.items);
    json_decref(rows);
    json_decref(now);
    return rc;
}

static hg_rc reconcile_declarations(db *d, json_t *findings, int64_t *checked, hg_err *err)
{
    /* the entry numbers first (a statement of its own): each is then read as the API reads it */
    json_t *entries = json_array();
    db_stmt *s;
    *checked = 0;
    hg_rc rc = entries ? db_query(d, &s, err, "SELECT entry_no FROM declarations ORDER BY entry_no", "")
                       : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc) {
        while ((rc = db_step(s, err)) == HG_ROW)
            json_array_append_new(entries, json_string(db_col_text(s, 0)));
        db_reset(s);
        rc = rc == HG_DONE ? HG_OK : rc;
    }
    size_t i;
    json_t *e;
    json_array_foreach(entries, i, e)
    {
        if (rc)
            break;
        rc = reconcile_one(d, json_string_value(e), findings, err);
        ++*checked;
    }
    json_decref(entries);
    return rc;
}

const audit_reconciler cargo_reconciler = {.what = "declarations", .run = reconcile_declarations};
