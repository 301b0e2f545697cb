/* ledger_store.c — the logistics ledger (物流底账): an entry for every declared item whose HS
 * code is under legal inspection-quarantine (a list the district maintains), carrying its
 * inspection-quarantine status and the quantity released. The smart gate cross-checks it;
 * samples, inspections and releases update it. */
#include <stdio.h>
#include <string.h>

#include "../platform/log.h"
#include "../platform/refdata.h"
#include "cargo.h"
#include "cargo_store.h"

static prefix_cache legal_inspection = PREFIX_CACHE_INIT("legal_inspection", "SELECT hs_prefix FROM legal_inspection");

hg_rc ledger_open(db *d, const char *entry_no, const json_t *decl, hg_err *err)
{
    size_t i;
    json_t *item;
    /* is the item's HS code under legal inspection? the most specific listed prefix decides */
    hg_rc rc = prefix_cache_sync(d, &legal_inspection, err);
    json_array_foreach(json_object_get(decl, "items"), i, item)
    {
        const char *hs = json_string_value(json_object_get(item, "hs_code"));
        prefix_row row;
        int64_t qty = 0;   /* in 1e-5 of its unit, as the declaration's items (cargo.h) */
        decimal_from_json(json_object_get(item, "quantity"), CARGO_QUANTITY_SCALE, &qty);
        if (!rc && prefix_cache_find(&legal_inspection, hs, &row))
            rc = db_run(d, err,
                        "INSERT INTO ledger (entry_no, line_no, hs_code, quantity, unit, status, released_quantity, "
                        "updated_ms) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?)",
                        "tititi", entry_no, (int64_t)i + 1, hs, qty, json_string_value(json_object_get(item, "unit")),
                        now_ms());
    }
    return rc;
}

hg_rc ledger_update(db *d, const char *entry_no, int64_t line_no, const char *status, int released, hg_err *err)
{
    if (released)
        return db_run(d, err,
                      "UPDATE ledger SET released_quantity = quantity, status = CASE WHEN status IN ('pending', "
                      "'sampled') THEN 'passed' ELSE status END, updated_ms = ? WHERE entry_no = ?",
                      "it", now_ms(), entry_no);
    if (line_no > 0)
        return db_run(d, err, "UPDATE ledger SET status = ?, updated_ms = ? WHERE entry_no = ? AND line_no = ?", "titi",
                      status, now_ms(), entry_no, line_no);
    return db_run(d, err, "UPDATE ledger SET status = ?, updated_ms = ? WHERE entry_no = ?", "tit", status, now_ms(),
                  entry_no);
}

hg_rc ledger_list(db *d, const principal *who, const char *entry_no, const char *status, json_t **out, hg_err *err)
{
    if (entry_no) {   /* visibility follows the declaration */
        hg_rc rc = cargo_declaration_visible(d, who, entry_no, err);
        if (rc)
            return rc;
    } else if (who->role == ROLE_ENTERPRISE) {
        return hg_fail(err, HG_INVALID, "required", "entry_no", "name the declaration (entry_no)");
    }
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT entry_no, line_no, hs_code, quantity, unit, status, released_quantity, updated_ms "
                        "FROM ledger WHERE (? IS NULL OR entry_no = ?) AND (? IS NULL OR status = ?) "
                        "ORDER BY updated_ms DESC, entry_no, line_no LIMIT 500",
                        "tttt", entry_no, entry_no, status, status);
    if (rc)
        return rc;
    json_t *items = json_array();
    while ((rc = db_step(s, err)) == HG_ROW) {
        char at[40];
        time_format_rfc3339(db_col_int(s, 7), at, sizeof at);
        json_array_append_new(items, json_pack("{s:s, s:I, s:s, s:o, s:s, s:s, s:o, s:s}", "entry_no",
                                               db_col_text(s, 0), "line_no", (json_int_t)db_col_int(s, 1), "hs_code",
                                               db_col_text(s, 2), "quantity",
                                               decimal_json(db_col_int(s, 3), CARGO_QUANTITY_SCALE), "unit",
                                               db_col_text(s, 4), "status", db_col_text(s, 5), "released_quantity",
                                               decimal_json(db_col_int(s, 6), CARGO_QUANTITY_SCALE), "updated_at", at));
    }
    db_reset(s);
    if (rc != HG_DONE) {
        json_decref(items);
        return rc;
    }
    *out = json_pack("{s:o}", "items", items);
    return HG_OK;
}
