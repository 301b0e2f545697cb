/* certificate_candidates.c — the exporter's export declarations as candidates for a
 * certificate (GET /api/v1/certificate-declarations): for each, whether an application may be
 * made now and, when not, the rule that refuses it in the words the application itself would
 * use (not_exporter, inspection_failed, inspection_open, not_inspected), with the kinds it has
 * already applied for. The console's application form offers the eligible ones and says why
 * the others cannot be chosen. Not the application's check: certificate_apply decides again,
 * in its transaction. Cargo is read through cargo.h and its views. */
#include <string.h>

#include "../cargo/cargo.h"
#include "../platform/db_json.h"
#include "../platform/json.h"
#include "certificate.h"

#define CANDIDATES_MAX 100

static json_t *kind_taken_row(db_stmt *s) { return json_string(db_col_text(s, 0)); }

/* The standing of one declaration row (cargo's list JSON), set into the row. */
static hg_rc standing(db *d, const principal *who, json_t *row, hg_err *err)
{
    const char *entry_no = json_string_value(json_object_get(row, "entry_no"));
    const char *consignor = json_string_value(json_object_get(row, "consignor"));
    hg_err why = {0};
    hg_rc rule = HG_OK, rc = HG_OK;
    int64_t passed = 0, open = 0, failed = 0;
    if (!consignor || strcmp(consignor, who->enterprise)) {
        rule = hg_fail(&why, HG_FORBIDDEN, "not_exporter", "entry_no",
                       "only the exporter (the consignor) of %s applies for its certificate", entry_no);
    } else {
        rc = db_int(d, &passed, err, "SELECT COUNT(*) FROM cargo_inspections WHERE entry_no = ? AND status = 'passed'",
                    "t", entry_no);
        if (!rc)
            rc = db_int(d, &open, err, "SELECT COUNT(*) FROM cargo_inspections WHERE entry_no = ? AND status = 'open'",
                        "t", entry_no);
        if (!rc)
            rc = db_int(d, &failed, err,
                        "SELECT COUNT(*) FROM cargo_inspections WHERE entry_no = ? AND status = 'failed'", "t",
                        entry_no);
        if (!rc)
            rule = certificate_inspected(passed, open, failed, &why);
    }
    json_t *taken = NULL;
    if (!rc)
        rc = db_rows_json(d, kind_taken_row, &taken, err,
                          "SELECT kind FROM certificates WHERE entry_no = ? AND replaces IS NULL ORDER BY kind", "t",
                          entry_no);
    if (rc)
        return rc;
    json_object_set_new(row, "kinds_taken", taken);
    json_object_set_new(row, "eligible", json_boolean(!rule));
    json_object_set_new(
        row, "refusal",
        rule ? json_pack("{s:s, s:s, s:s}", "code", why.code, "field", "entry_no", "message", why.message)
             : json_null());
    return HG_OK;
}

hg_rc certificate_candidates(db *d, const principal *who, json_t **out, hg_err *err)
{
    declaration_filter f = {.direction = "export"};
    f.list.limit = CANDIDATES_MAX;
    f.list.newest_first = 1;
    json_t *page = NULL, *items = json_array();
    hg_rc rc = items ? declaration_list(d, who, &f, &page, err) : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    size_t i;
    json_t *row;
    json_array_foreach(rc ? NULL : json_object_get(page, "items"), i, row)
    {
        static const char *const keep[] = {"entry_no",  "status",   "port", "trade_country",
                                           "consignor", "filed_at", NULL};
        json_t *o = json_object();
        for (int k = 0; o && keep[k]; k++)
            json_object_set(o, keep[k], json_object_get(row, keep[k]) ? json_object_get(row, keep[k]) : json_null());
        if (!rc && !o)
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        if (!rc)
            rc = standing(d, who, o, err);
        if (!rc)
            json_array_append(items, o);
        json_decref(o);
    }
    json_decref(page);
    if (rc) {
        json_decref(items);
        return rc;
    }
    return json_page(items, json_null(), out, err);
}
