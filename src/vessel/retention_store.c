/* retention_store.c — the retention purge of the data about people that a call keeps after
 * the ship has gone (SECURITY.md 21; IHR 2005 art. 45: no longer than necessary): the former
 * versions of its declaration (whole bodies, crew and passenger lists included) are emptied,
 * and the health answers of its lists (temperatures, symptoms, pre-boarding tests) removed.
 * Identities stay on the current lists, as do the level, its reasons, samples, orders and the
 * timeline: the ship's history by IMO number and the figures need them. The audit trail keeps
 * only counts and hashes of the lists (vessel_audit_view), so the chain still verifies. */
#include <stdio.h>

#include "../platform/audit.h"
#include "../platform/log.h"
#include "vessel.h"

/* A call is past retention when it departed before before_ms, or, never recorded as departed,
 * its ETA was before then. */
#define PAST "SELECT call_no FROM vessel_calls WHERE COALESCE(departed_ms, eta_ms) < ? AND purged_ms IS NULL"

hg_rc vessel_purge(const hg_ctx *c, int64_t before_ms, int64_t *count, hg_err *err)
{
    *count = 0;
    int64_t versions = 0;
    hg_rc rc = db_begin(c->d, err);
    if (rc)
        return rc;
    rc = db_run(c->d, err,
                "UPDATE vessel_call_versions SET body = '', purged_ms = ? WHERE purged_ms IS NULL AND call_no IN (" PAST
                ")",
                "ii", c->now_ms, before_ms);
    if (!rc) {
        versions = db_changes(c->d);
        rc = db_run(c->d, err,
                    "UPDATE vessel_persons SET temperature_dc = NULL, symptoms = NULL, test_on = NULL, "
                    "test_result = NULL WHERE call_no IN (" PAST ")",
                    "i", before_ms);
    }
    if (!rc)
        rc = db_run(c->d, err,
                    "UPDATE vessel_calls SET purged_ms = ? WHERE COALESCE(departed_ms, eta_ms) < ? AND purged_ms IS "
                    "NULL",
                    "ii", c->now_ms, before_ms);
    if (!rc)
        *count = db_changes(c->d);
    char at[40], id[48];
    time_format_rfc3339(before_ms, at, sizeof at);
    snprintf(id, sizeof id, "before %s", at);
    json_t *after =
        json_pack("{s:I, s:I, s:s}", "calls", (json_int_t)*count, "versions", (json_int_t)versions, "before", at);
    if (!rc && !after)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    rc = audit_commit(c, rc, "vessel.purge", "vessel_calls", id, NULL, after, err);
    json_decref(after);
    return rc;
}
