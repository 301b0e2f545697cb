/* registry_api.c — HTTP handlers of the registry of overseas food producers (producer_store.c,
 * 海关总署令第248号): officers register producers and change their status; every signed-in
 * party reads the registry (GACC publishes it). Their rows are in cargo_routes (cargo_api.c). */
#include <string.h>

#include "../platform/http.h"
#include "../platform/ident.h"
#include "../platform/list_query.h"
#include "../platform/record.h"
#include "cargo.h"
#include "registry_api.h"

static const char *const producer_sortable[] = {"registration_no", "country",    "name", "status",
                                                "valid_to",        "updated_at", NULL};

hg_rc producers_create_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    json_t *out;
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    hg_rc rc = producer_create(&c, r->json, 0, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

hg_rc producers_list_api(req *r, hg_err *err)
{
    record_query q = {0};
    const char *names[2], *values[2];
    char country[8] = "";
    hg_rc rc = list_query_parse(r, producer_sortable, 1, &q, err);
    const char *status = req_query(r, "status"), *cty = req_query(r, "country");
    if (!rc && status && strcmp(status, "registered") != 0 && strcmp(status, "suspended") != 0 &&
        strcmp(status, "cancelled") != 0)
        rc = hg_fail(err, HG_INVALID, "invalid", "status", "status must be registered, suspended or cancelled");
    if (rc)
        return rc;
    if (cty) {
        ident_normalize(cty, country, sizeof country);
        names[q.n_eq] = "country";
        values[q.n_eq++] = country;
    }
    if (status) {
        names[q.n_eq] = "status";
        values[q.n_eq++] = status;
    }
    q.eq_names = names;
    q.eq_values = values;
    json_t *out;
    rc = record_list_json(r->db, &producer_record, &q, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

hg_rc producers_get_api(req *r, hg_err *err)
{
    char no[48];
    json_t *out;
    ident_normalize(r->params[0], no, sizeof no); /* too long: "", which names no producer */
    hg_rc rc = producer_get(r->db, no, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

hg_rc producers_update_api(req *r, hg_err *err)
{
    hg_ctx c = req_ctx(r);
    char no[48];
    json_t *out;
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    ident_normalize(r->params[0], no, sizeof no);
    hg_rc rc = producer_update(&c, no, r->json, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}
