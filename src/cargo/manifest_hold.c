/* manifest_hold.c — orders on a whole means of transport that later areas own (the vessel
 * area's no-unloading order), asked through cargo's extension point CARGO_MANIFEST_HOLDS:
 * while one holds a manifest its goods take no arrival report and none is released. One file
 * of its own because both the arrival reports (cargo_store.c) and the releases
 * (declaration_store.c, release_standing.c) ask it. */
#include <stdio.h>

#include "../platform/module.h"
#include "cargo.h"

hg_rc cargo_manifest_held(db *d, const char *manifest_no, const cargo_manifest_hold **hold, hg_err *err)
{
    size_t at = 0;
    hg_rc rc = HG_OK;
    *hold = NULL;
    for (const cargo_manifest_hold *h; !rc && !*hold && (h = modules_extension_next(CARGO_MANIFEST_HOLDS, &at));) {
        int held = 0;
        rc = h->held(d, manifest_no, &held, err);
        if (!rc && held)
            *hold = h;
    }
    return rc;
}

hg_rc cargo_arrival_allowed(db *d, const char *manifest_no, const char *field, hg_err *err)
{
    const cargo_manifest_hold *h;
    hg_rc rc = cargo_manifest_held(d, manifest_no, &h, err);
    if (!rc && h)
        /* TRANSLATORS: 1: manifest_no; 2: refusal */
        rc = hg_fail(err, HG_CONFLICT, h->rule, field, "manifest %s: %s", manifest_no, h->refusal);
    return rc;
}

hg_rc cargo_manifest_vessel(db *d, const char *manifest_no, char imo[16], char voyage[24], int64_t *eta_ms, hg_err *err)
{
    db_stmt *s = NULL;
    imo[0] = voyage[0] = 0;
    *eta_ms = 0;
    hg_rc rc = db_query(
        d, &s, err, "SELECT COALESCE(vessel_imo, ''), COALESCE(voyage, ''), eta FROM manifests WHERE manifest_no = ?",
        "t", manifest_no);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(imo, 16, "%s", db_col_text(s, 0));
        snprintf(voyage, 24, "%s", db_col_text(s, 1));
        *eta_ms = db_col_int(s, 2);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "manifest_no", "no such manifest");
    }
    db_reset(s);
    return rc;
}
