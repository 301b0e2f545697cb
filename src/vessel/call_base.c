/* call_base.c — what every store of a call needs and nothing more: the call's row as the API
 * shows it, the opening of a write on it (with the agent's ownership), its status and owner,
 * and its timeline; and the end of any of the area's writes (vessel_write_done). Its own file so that the stores of orders, samples and calls each stand
 * on it without calling one another in a circle. */
#include <stdio.h>
#include <string.h>

#include "../health/health.h"
#include "../platform/json_canon.h"
#include "../platform/mem.h"
#include "vessel.h"
#include "vessel_store.h"

hg_rc vessel_timeline(const hg_ctx *c, const char *call_no, const char *event, const json_t *detail, hg_err *err)
{
    char *text = detail ? json_canon_text(detail) : NULL;
    if (detail && !text)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    hg_rc rc = db_run(c->d, err,
                      "INSERT INTO vessel_timeline (call_no, seq, at_ms, actor, event, detail) SELECT ?, "
                      "COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM vessel_timeline WHERE call_no = ?",
                      "titttt", call_no, c->now_ms, c->actor, event, text, call_no);
    xfree(text);
    return rc;
}

/* Loads the call as the API shows it (the reasons as an array). */
hg_rc vessel_call_load(db *d, const char *call_no, json_t **out, hg_err *err)
{
    hg_rc rc = record_load_json(d, &vessel_call_record, call_no, out, err);
    if (rc == HG_NOTFOUND)
        return hg_fail(err, HG_NOTFOUND, "not_found", "call_no", "no such vessel arrival");
    if (!rc) {
        json_t *reasons = json_loads(json_string_value(json_object_get(*out, "reasons")), 0, NULL);
        json_object_set_new(*out, "reasons", reasons ? reasons : json_array());
    }
    return rc;
}

/* Opens the transaction and loads the call (*before) for an officer's or the agent's change. */
hg_rc vessel_call_begin(const hg_ctx *c, const char *call_no, json_t **before, hg_err *err)
{
    hg_rc rc = db_begin(c->d, err);
    if (!rc)
        rc = vessel_call_load(c->d, call_no, before, err);
    if (!rc && c->who && c->who->role == ROLE_ENTERPRISE &&
        strcmp(json_string_value(json_object_get(*before, "agent")), c->who->enterprise) != 0)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "call_no", "no such vessel arrival");
    return rc;
}

hg_rc vessel_write_done(hg_rc rc, record *r, json_t *before, json_t **out)
{
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    json_decref(before);
    if (r)
        record_free(r);
    return rc;
}

const char *vessel_status_of(const json_t *call) { return json_string_value(json_object_get(call, "status")); }

json_t *vessel_audit_view(const json_t *call)
{
    static const char *const personal[] = {"persons", "reasons"};
    if (!call)
        return NULL;
    json_t *v = json_copy((json_t *)call);
    for (size_t i = 0; v && i < 2; i++) {
        const json_t *x = json_object_get(call, personal[i]);
        char hex[65];
        if (x && !health_answers_hash(x, hex, NULL))
            json_object_set_new(v, personal[i],
                                json_pack("{s:I, s:s}", "count", (json_int_t)json_array_size(x), "sha256", hex));
    }
    return v;
}

/* One sample with its person's name masked. */
static void mask_sample(json_t *s)
{
    char masked[128];
    const char *name = json_string_value(json_object_get(s, "person"));
    if (!name)
        return;
    health_mask_name(name, masked, sizeof masked);
    json_object_set_new(s, "person", json_string(masked));
}

json_t *vessel_audit_samples(const json_t *samples)
{
    if (!samples)
        return NULL;
    json_t *v = json_deep_copy(samples);
    size_t i;
    json_t *s;
    if (v && json_object_get(v, "items")) {
        json_array_foreach(json_object_get(v, "items"), i, s) mask_sample(s);
    } else if (v) {
        mask_sample(v);
    }
    return v;
}
