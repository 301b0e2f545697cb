/* registry_api.c — HTTP handlers of the registry of overseas food producers (producer_store.c,
 * 海关总署令第248号): officers register producers and change their status; every signed-in
 * party reads the registry (GACC publishes it), officers with each producer's suspension after
 * positive nucleic-acid batches. Their rows are in cargo_routes (cargo_api.c). */
#include <string.h>

#include "../platform/http.h"
#include "../platform/ident.h"
#include "../platform/list_query.h"
#include "../platform/log.h"
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

/* Officers see on each registration the suspension after positive nucleic-acid batches that
 * applies on top of it (sampling_store.c): "suspension": {"positive_batches", "until"} (until
 * null when none is in force), the figure a filing's 409 suspended names. Enterprises read the
 * registration only. */
static hg_rc add_suspension(req *r, json_t *row, int64_t now, hg_err *err)
{
    const char *no = json_string_value(json_object_get(row, "registration_no"));
    int64_t batches = 0, until = 0;
    hg_rc rc = no ? cargo_producer_suspension(r->db, no, now, &batches, &until, err) : HG_OK;
    char at[40] = "";
    if (!rc && until)
        time_format_rfc3339(until, at, sizeof at);
    if (!rc && json_object_set_new(
                   row, "suspension",
                   json_pack("{s:I, s:s?}", "positive_batches", (json_int_t)batches, "until", until ? at : NULL)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return rc;
}

static hg_rc add_suspensions(req *r, json_t *rows, hg_err *err)
{
    if (r->who->role == ROLE_ENTERPRISE)
        return HG_OK;
    int64_t now = now_ms();
    size_t i;
    json_t *row;
    hg_rc rc = HG_OK;
    json_array_foreach(rows, i, row)
    {
        if ((rc = add_suspension(r, row, now, err)))
            break;
    }
    return rc;
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
    if (!rc && (rc = add_suspensions(r, json_object_get(out, "items"), err)))
        json_decref(out);
    return rc ? rc : req_reply_json(r, 200, out);
}

hg_rc producers_get_api(req *r, hg_err *err)
{
    char no[48];
    json_t *out;
    ident_normalize(r->params[0], no, sizeof no); /* too long: "", which names no producer */
    hg_rc rc = producer_get(r->db, no, &out, err);
    if (!rc && r->who->role != ROLE_ENTERPRISE && (rc = add_suspension(r, out, now_ms(), err)))
        json_decref(out);
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
