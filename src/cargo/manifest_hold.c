/* manifest_hold.c — orders on a whole means of transport that later areas own (the vessel
 * area's no-unloading order), asked through cargo's extension point CARGO_MANIFEST_HOLDS:
 * while one holds a manifest its goods take no arrival report and none is released. One file
 * of its own because both the arrival reports (cargo_store.c) and the releases
 * (declaration_store.c, release_standing.c) ask it. */
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
        rc = hg_fail(err, HG_CONFLICT, h->rule, field, "manifest %s: %s", manifest_no, h->refusal);
    return rc;
}
