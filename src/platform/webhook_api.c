/* webhook_api.c — the webhooks' routes (an enterprise registers, lists and deletes its own
 * endpoints, reads an endpoint's delivery log and replays from it) and the webhooks module's
 * record: its migrations, scope, event subscription and delivery job. Another enterprise's
 * endpoint answers 404, as one that does not exist (SECURITY.md §7). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "json.h"
#include "log.h"
#include "mem.h"
#include "module.h"
#include "record.h"
#include "webhook_store.h"

/* The enterprise of the caller (the route lets only enterprise users and their tokens in). */
static hg_rc own_enterprise(const req *r, const char **out, hg_err *err)
{
    if (!r->who->enterprise[0])
        return hg_fail(err, HG_FORBIDDEN, "forbidden", NULL, "this account is bound to no enterprise");
    *out = r->who->enterprise;
    return HG_OK;
}

static hg_rc path_id(const req *r, int64_t *id, hg_err *err)
{
    const char *s = r->params[0];
    char *end;
    errno = 0;
    long long v = s ? strtoll(s, &end, 10) : 0;
    if (!s || !*s || *end || v < 1 || errno == ERANGE)
        return hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such webhook");
    *id = v;
    return HG_OK;
}

/* event_types: an array of at most 20 patterns (event.h: a type, a prefix ending in '.', or
 * "*"), joined with commas into out. */
static hg_rc parse_types(const json_t *v, char *out, size_t n, hg_err *err)
{
    out[0] = '\0';
    if (!v)
        return HG_OK;
    if (!json_is_array(v) || json_array_size(v) > 20)
        return hg_fail(err, HG_INVALID, "invalid", "event_types", "event_types must be an array of at most 20 types");
    size_t len = 0, i;
    json_t *t;
    json_array_foreach(v, i, t)
    {
        const char *s = json_string_value(t);
        size_t sl = s ? strlen(s) : 0;
        int ok = s && sl >= 1 && sl <= 64 && (strcmp(s, "*") == 0 || !strchr(s, '*'));
        for (const char *p = s; ok && *p; p++)
            ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' || *p == '*';
        if (!ok)
            return hg_fail(err, HG_INVALID, "invalid", "event_types",
                           "each event type is like \"declaration.released\", a prefix like \"tax.\", or \"*\"");
        if (len + sl + 2 > n)
            return hg_fail(err, HG_INVALID, "invalid", "event_types", "event_types is too long");
        if (len)
            out[len++] = ',';
        memcpy(out + len, s, sl + 1);
        len += sl;
    }
    return HG_OK;
}

static const char *const create_fields[] = {"url", "event_types", "description", NULL};

/* What the prepare step of a registration leaves for its apply step (r->prep). */
typedef struct registration {
    char url[2049];
    char types[1400];
    char description[201];
    char secret[WEBHOOK_SECRET_MAX]; /* made once: a batch run again stores the same one */
} registration;

static void registration_free(void *p)
{
    if (p)
        sodium_memzero(p, sizeof(registration));
    xfree(p);
}

/* Checking a registration needs no database, and resolving nothing: it is done on the
 * request's own thread (the route's prepare step). */
static hg_rc webhook_create_prepare(req *r, hg_err *err)
{
    const char *enterprise = NULL, *url = NULL, *description = NULL;
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    registration *g = xcalloc(1, sizeof *g);
    if (!g)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    hg_rc rc = own_enterprise(r, &enterprise, err);
    if (!rc)
        rc = json_reject_unknown(r->json, create_fields, err);
    if (!rc)
        rc = json_get_str(r->json, "url", 1, &url, err);
    if (!rc)
        rc = json_get_str(r->json, "description", 0, &description, err);
    if (!rc && description && strlen(description) >= sizeof g->description)
        rc = hg_fail(err, HG_INVALID, "invalid", "description", "description is at most 200 bytes");
    if (!rc)
        rc = parse_types(json_object_get(r->json, "event_types"), g->types, sizeof g->types, err);
    const webhook_config *cfg = webhook_config_get();
    if (!rc)
        rc = webhook_url_check(url, cfg->allow, cfg->nallow, err);
    if (rc) {
        registration_free(g);
        return rc;
    }
    snprintf(g->url, sizeof g->url, "%s", url);
    snprintf(g->description, sizeof g->description, "%s", description ? description : "");
    webhook_secret_new(g->secret);
    r->prep = g;
    r->prep_free = registration_free;
    return HG_OK;
}

static hg_rc webhook_create_api(req *r, hg_err *err)
{
    const registration *g = r->prep;
    if (!g)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "webhook registered without its prepare step");
    json_t *out;
    hg_ctx c = req_ctx(r);
    hg_rc rc = webhook_endpoint_create(&c, r->who->enterprise, g->url, g->types, g->description, g->secret, &out, err);
    return rc ? rc : req_reply_json(r, 201, out);
}

static hg_rc webhook_list_api(req *r, hg_err *err)
{
    const char *enterprise = NULL;
    json_t *out;
    hg_rc rc = own_enterprise(r, &enterprise, err);
    if (!rc)
        rc = webhook_endpoint_list(r->db, enterprise, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc webhook_delete_api(req *r, hg_err *err)
{
    const char *enterprise = NULL;
    int64_t id = 0;
    hg_rc rc = own_enterprise(r, &enterprise, err);
    if (!rc)
        rc = path_id(r, &id, err);
    hg_ctx c = req_ctx(r);
    if (!rc)
        rc = webhook_endpoint_delete(&c, enterprise, id, err);
    return rc ? rc : req_reply_json(r, 200, json_pack("{s:I, s:b}", "id", (json_int_t)id, "deleted", 1));
}

static hg_rc webhook_deliveries_api(req *r, hg_err *err)
{
    const char *enterprise = NULL, *b = req_query(r, "before");
    int64_t id = 0, before = 0;
    int limit;
    hg_rc rc = own_enterprise(r, &enterprise, err);
    if (!rc)
        rc = path_id(r, &id, err);
    if (!rc && b) {
        char *end;
        errno = 0;
        before = strtoll(b, &end, 10);
        if (!*b || *end || before < 1 || errno == ERANGE)
            rc = hg_fail(err, HG_INVALID, "invalid", "before", "before must be an event sequence number (>= 1)");
    }
    if (!rc)
        rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    json_t *out;
    if (!rc)
        rc = webhook_deliveries_list(r->db, enterprise, id, before, limit, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static const char *const replay_fields[] = {"from_seq", "msg_id", NULL};

static hg_rc webhook_replay_api(req *r, hg_err *err)
{
    const char *enterprise = NULL, *msg_id = NULL;
    int64_t id = 0, from = -1, queued = 0;
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    hg_rc rc = own_enterprise(r, &enterprise, err);
    if (!rc)
        rc = path_id(r, &id, err);
    if (!rc)
        rc = json_reject_unknown(r->json, replay_fields, err);
    if (!rc)
        rc = json_get_str(r->json, "msg_id", 0, &msg_id, err);
    const json_t *f = json_object_get(r->json, "from_seq");
    if (!rc && f && (!json_is_integer(f) || json_integer_value(f) < 0))
        rc = hg_fail(err, HG_INVALID, "invalid", "from_seq", "from_seq must be an event sequence number (>= 0)");
    if (!rc && f)
        from = json_integer_value(f);
    if (!rc && (f != NULL) == (msg_id != NULL))
        rc = hg_fail(err, HG_INVALID, "invalid", "from_seq",
                     "give from_seq (replay the events after it) or msg_id (one message), one of them");
    if (!rc && msg_id && strlen(msg_id) > 60)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "msg_id", "no such message of this webhook");
    hg_ctx c = req_ctx(r);
    if (!rc)
        rc = webhook_replay(&c, enterprise, id, from < 0 ? 0 : from, msg_id, &queued, err);
    return rc ? rc
              : req_reply_json(r, 202, json_pack("{s:I, s:I}", "id", (json_int_t)id, "queued", (json_int_t)queued));
}

/* ---- registration ---- */

static const route webhook_routes[] = {
    {.method = "POST",
     .pattern = "/api/v1/webhooks",
     .fn = webhook_create_api,
     .prepare = webhook_create_prepare,
     .flags = 0,
     .scope = "webhooks",
     .roles = ROLE_ENTERPRISE,
     .posts = 0,
     .status = 201,
     .summary = "Register a webhook endpoint for the enterprise's events (the secret is shown once)"},
    {.method = "GET",
     .pattern = "/api/v1/webhooks",
     .fn = webhook_list_api,
     .flags = 0,
     .scope = "webhooks",
     .roles = ROLE_ENTERPRISE,
     .posts = 0,
     .summary = "The enterprise's webhook endpoints"},
    {.method = "DELETE",
     .pattern = "/api/v1/webhooks/{id}",
     .fn = webhook_delete_api,
     .flags = 0,
     .scope = "webhooks",
     .roles = ROLE_ENTERPRISE,
     .posts = 0,
     .summary = "Delete one of the enterprise's webhook endpoints and its delivery log"},
    {.method = "GET",
     .pattern = "/api/v1/webhooks/{id}/deliveries",
     .fn = webhook_deliveries_api,
     .flags = 0,
     .scope = "webhooks",
     .roles = ROLE_ENTERPRISE,
     .posts = 0,
     .query = "before,limit",
     .summary = "An endpoint's delivery log, newest event first (before, limit)"},
    {.method = "POST",
     .pattern = "/api/v1/webhooks/{id}/replay",
     .fn = webhook_replay_api,
     .flags = 0,
     .scope = "webhooks",
     .roles = ROLE_ENTERPRISE,
     .posts = 0,
     .status = 202,
     .summary = "Queue again the events after a sequence number, or one message"},
    {.method = NULL},
};

static const hg_scope webhook_scopes[] = {
    {"webhooks", "the enterprise's own webhook endpoints and their delivery logs"},
    {NULL, NULL},
};

static const event_subscription webhook_subscriptions[] = {
    {"*", webhook_on_event},
    {NULL, NULL},
};

/* The delivery log is kept as long as the events it delivered (serve --event-days). */
static hg_rc purge_job(db *d, hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = webhook_purge(d, event_retention_days(), &n, err);
    if (!rc && n)
        log_info("webhooks: purged %lld finished deliveries older than %d days", (long long)n, event_retention_days());
    return rc;
}

static const hg_job webhook_jobs[] = {
    {"webhooks.deliver", "send the due webhook messages and their retries (woken by each new one)", 1,
     webhook_deliver_job},
    {"webhooks.purge", "delete finished deliveries older than the events' retention (serve --event-days)", 3600,
     purge_job},
    {NULL, NULL, 0, NULL},
};

const hg_module webhook_module = {
    .name = "webhooks",
    .summary = "webhooks enterprises register for their own events, signed as Standard Webhooks",
    .migrations = webhook_migrations,
    .migrations_first = 50,
    .migrations_last = 59,
    .routes = webhook_routes,
    .scopes = webhook_scopes,
    .subscriptions = webhook_subscriptions,
    .jobs = webhook_jobs,
};
