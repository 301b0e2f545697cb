/* crew_store.c — crew members of inbound ships who test positive, as the vessel area announces
 * them (event "vessel.crew_positive": the sample's barcode, the line on the crew list, the ship's
 * IMO number and the port): the health area keeps one follow-up row each, so that the port's
 * positives are counted in one place (the dashboard's crew_positive beside the travellers'
 * positives) and the quarantine post sees on its flight board the ships' positives of the last
 * 14 days beside its flights' handovers. The subscriber runs inside the result's own
 * transaction and is idempotent (a rerun batch inserts nothing twice). Names stay in the vessel
 * area: the row holds the barcode, the call and the ship, not the person. */
#include <string.h>

#include "../platform/event.h"
#include "health.h"
#include "health_store.h"

static hg_rc on_crew_positive(db *d, const event_row *e, hg_err *err)
{
    json_error_t je;
    json_t *data = json_loads(e->data, 0, &je);
    const char *barcode = json_string_value(json_object_get(data, "barcode"));
    hg_rc rc = HG_OK;
    if (!barcode)
        rc = hg_fail(err, HG_INVALID, "invalid", "data", "vessel.crew_positive names no sample barcode");
    else
        rc = db_run(d, err,
                    "INSERT INTO health_crew_cases (barcode, call_no, imo, port, line_no, reported_ms, reported_by)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (barcode) DO NOTHING",
                    "ttttiit", barcode, e->subject_id, json_string_value(json_object_get(data, "imo")),
                    json_string_value(json_object_get(data, "port")),
                    (int64_t)json_integer_value(json_object_get(data, "line_no")), e->at_ms, e->actor);
    json_decref(data);
    return rc;
}

const event_subscription health_subscriptions[] = {
    {"vessel.crew_positive", on_crew_positive},
    {NULL, NULL},
};
