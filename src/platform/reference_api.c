/* reference_api.c — the reference data the console shows instead of codes, each a cached
 * answer: country and currency names in Chinese and English (iso_names.h), and the customs
 * table of units of measurement (units.h). Public: the traveller's form needs them before
 * anyone signs in, and they are no one's secret. */
#include <string.h>

#include "http.h"
#include "iso_names.h"
#include "units.h"

/* GET /api/v1/reference/names */
static hg_rc names_api(req *r, hg_err *err)
{
    const char *text = iso_names_json();
    if (!text)
        return hg_fail(err, HG_UNAVAILABLE, NULL, NULL, "the iso-codes reference files are not installed");
    hg_rc rc = req_reply_raw(r, 200, "application/json; charset=utf-8", text, strlen(text));
    /* they change only with the system's iso-codes package: a day in the browser's cache */
    return rc ? rc : req_add_header(r, "Cache-Control", "public, max-age=86400");
}

/* GET /api/v1/reference/units */
static hg_rc units_api(req *r, hg_err *err)
{
    const char *text = units_json();
    if (!text)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    hg_rc rc = req_reply_raw(r, 200, "application/json; charset=utf-8", text, strlen(text));
    /* compiled in: they change only with the binary (and its `version` with them) */
    return rc ? rc : req_add_header(r, "Cache-Control", "public, max-age=86400");
}

const route refdata_routes[] = {
    {.method = "GET",
     .pattern = "/api/v1/reference/names",
     .fn = names_api,
     .flags = ROUTE_PUBLIC,
     .summary = "country and currency names in Chinese and English, by code"},
    {.method = "GET",
     .pattern = "/api/v1/reference/units",
     .fn = units_api,
     .flags = ROUTE_PUBLIC,
     .summary = "the customs table of units of measurement (海关计量单位代码表): code, Chinese and English name"},
    {0},
};
