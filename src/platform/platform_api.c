/* platform_api.c — the platform's routes: health, metrics, sign-in and sign-out, the
 * current user, user administration, and the audit trail. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "http.h"
#include "list_query.h"
#include "user_list.h"
#include "ident.h"
#include "jobs.h"
#include "json.h"
#include "log.h"
#include "mem.h"
#include "metrics.h"
#include "password_pool.h"
#include "signin_throttle.h"
#include "webhook.h"
#include "writer.h"
#include "record.h"

static hg_rc healthz_api(req *r, hg_err *err)
{
    int64_t one = 0;
    hg_rc rc = db_int(r->db, &one, err, "SELECT 1", "");
    if (rc)
        return hg_fail(err, HG_UNAVAILABLE, "unavailable", NULL, "database check failed");
    return req_reply_json(r, 200, json_pack("{s:s, s:s, s:s}", "status", "ok", "database", db_backend(r->db),
                                            "version", HAIGUAN_VERSION));
}

static hg_rc metrics_api(req *r, hg_err *err)
{
    buf b;
    buf_init(&b, 4u << 20);
    hg_rc rc = metrics_render(&b);
    if (!rc)
        rc = writer_metrics_render(&b);
    if (!rc)
        rc = http_limits_metrics_render(&b);
    if (!rc)
        rc = http_streams_metrics_render(&b);
    if (!rc && (jobs_metrics_render(r->db, &b, err) || webhook_metrics_render(r->db, &b, err))) {
        buf_free(&b);   /* a database fault: answered as one (503 with the request id), not a half page */
        return err->rc;
    }
    if (!rc)
        rc = buf_appendf(&b,
                         "# HELP haiguan_password_hashes_refused_total Sign-ins answered 429 because the password "
                         "hashing pool was full.\n# TYPE haiguan_password_hashes_refused_total counter\n"
                         "haiguan_password_hashes_refused_total %ld\n",
                         password_pool_refused());
    if (!rc)
        rc = req_reply_raw(r, 200, "text/plain; version=0.0.4; charset=utf-8", b.data ? b.data : "", b.len);
    buf_free(&b);
    return rc ? hg_fail(err, rc, NULL, NULL, "cannot render metrics") : HG_OK;
}

/* ---- session ---- */

static hg_rc session_cookie(req *r, const char *value, int max_age)
{
    char cookie[256];
    snprintf(cookie, sizeof cookie, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s", req_session_cookie_name(r), value,
             r->https ? "; Secure" : "", max_age == 0 ? "; Max-Age=0" : "");
    return req_add_header(r, "Set-Cookie", cookie);
}

/* A sign-in held between tries: it was counted by the throttle, and how often it found the
 * password pool full. Tried every 25 ms for five seconds (a shift signing in at once is
 * served), then answered 429; at most SIGNIN_MAX_HELD wait at once, past which an attempt is
 * answered 429 at once, so that a flood holds a bounded amount of memory. */
typedef struct signin_attempt {
    int admitted;   /* counted by the throttle, pending */
    int decided;    /* its password was tried: the throttle has its outcome */
    int busy_tries;
    int held;   /* counted in signins_held */
    char name[65], addr[64];   /* what it was counted under, to take back an undecided one */
} signin_attempt;
#define SIGNIN_BUSY_TRIES 200
#define SIGNIN_BUSY_RETRY_MS 25
#define SIGNIN_MAX_HELD 64
static _Atomic int signins_held;

/* Called when the request ends, answered or not: an attempt admitted but never tried (its
 * client went away while it was held, or the pool stayed full) stops being pending at once,
 * instead of making that client's next attempts wait until the window ends. */
static void signin_attempt_free(void *p)
{
    signin_attempt *a = p;
    if (a->held)
        signins_held--;
    if (a->admitted && !a->decided) {
        hg_err e = {0};
        db *d = db_thread(&e);
        if (d && throttle_abandoned(d, a->name, a->addr, &e))
            log_warn("sign-in throttle: an undecided attempt stays pending until its window ends: %s", e.message);
    }
    xfree(a);
}

static hg_rc session_create_api(req *r, hg_err *err)
{
    static const char *const allowed[] = {"username", "password", NULL};
    const char *name, *password;
    hg_rc rc;
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object with username and password is expected");
    if ((rc = json_reject_unknown(r->json, allowed, err)) || (rc = json_get_str(r->json, "username", 1, &name, err)) ||
        (rc = json_get_str(r->json, "password", 1, &password, err)))
        return rc;
    if (strlen(name) > 64 || strlen(password) > 256)
        return hg_fail(err, HG_UNAUTH, "unauthenticated", "password", "wrong user name or password");
    /* counted and judged before any hashing; a name under attack from elsewhere is only
     * delayed, and an attempt that finds the hashing pool full tries again shortly: meanwhile
     * the request is held without a thread (req_defer) and this handler runs again */
    signin_attempt *a = r->prep;
    if (!a || !a->admitted) {
        if (!a) {
            if (!(a = xcalloc(1, sizeof *a)))
                return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
            r->prep = a;
            r->prep_free = signin_attempt_free;
        }
        throttle_verdict v;
        if ((rc = throttle_admit(r->db, name, r->addr, now_ms(), &v, err)))
            return rc;
        if (v.wait && ++a->busy_tries < SIGNIN_BUSY_TRIES) {   /* its other attempts are being checked */
            req_defer(r, SIGNIN_BUSY_RETRY_MS);
            return HG_OK;
        }
        if (v.wait)
            v = (throttle_verdict){.refuse = 1, .retry_after_s = 1};
        if (v.refuse) {
            char secs[16];
            snprintf(secs, sizeof secs, "%d", v.retry_after_s);
            req_add_header(r, "Retry-After", secs);
            return hg_fail(err, HG_TOOMANY, "too_many_requests", "username",
                           "too many failed sign-ins; try again in %d seconds", v.retry_after_s);
        }
        a->admitted = 1;
        snprintf(a->name, sizeof a->name, "%s", name);
        snprintf(a->addr, sizeof a->addr, "%s", r->addr);
        if (v.delay_ms) {
            req_defer(r, v.delay_ms);
            return HG_OK;
        }
    }
    principal p;
    char token[65];
    rc = session_login(r->db, name, password, r->addr, &p, token, err);
    a->decided = !(rc == HG_TOOMANY && strcmp(err->code, "busy") == 0);
    if (rc == HG_TOOMANY && strcmp(err->code, "busy") == 0) {
        if (!a->held && signins_held < SIGNIN_MAX_HELD) {
            a->held = 1;
            signins_held++;
        }
        if (a->held && ++a->busy_tries < SIGNIN_BUSY_TRIES) {
            req_defer(r, SIGNIN_BUSY_RETRY_MS);
            return HG_OK;
        }
        password_pool_count_refusal();
        req_add_header(r, "Retry-After", "1");
    }
    if (rc)
        return rc;
    if ((rc = session_cookie(r, token, -1)))
        return rc;
    r->principal = p;   /* the access line names who signed in */
    r->who = &r->principal;
    return req_reply_json(r, 200, json_pack("{s:o, s:s}", "user", principal_json(&p), "csrf_token", p.csrf));
}

static hg_rc session_delete_api(req *r, hg_err *err)
{
    if (!r->who->session_id)
        return hg_fail(err, HG_INVALID, "invalid", NULL, "only a cookie session can sign out; revoke tokens instead");
    hg_rc rc = session_logout(r->db, r->who->session_id, err);
    if (!rc)
        rc = session_cookie(r, "", 0);
    if (!rc)
        r->status = 204;
    return rc;
}

static hg_rc me_api(req *r, hg_err *err)
{
    (void)err;
    json_t *o = json_pack("{s:o}", "user", principal_json(r->who));
    if (o && r->who->session_id)
        json_object_set_new(o, "csrf_token", json_string(r->who->csrf));
    if (o && r->who->token_id)
        json_object_set_new(o, "scopes", json_string(r->who->scopes));
    return req_reply_json(r, 200, o);
}

/* ---- users ---- */

static hg_rc users_create_api(req *r, hg_err *err)
{
    static const char *const allowed[] = {"name", "role", "posts", "enterprise", "password", "display_name", NULL};
    const char *name, *role, *enterprise, *password, *display_name;
    hg_rc rc;
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    if ((rc = json_reject_unknown(r->json, allowed, err)) || (rc = json_get_str(r->json, "name", 1, &name, err)) ||
        (rc = json_get_str(r->json, "role", 1, &role, err)) ||
        (rc = json_get_str(r->json, "enterprise", 0, &enterprise, err)) ||
        (rc = json_get_str(r->json, "password", 0, &password, err)) ||
        (rc = json_get_str(r->json, "display_name", 0, &display_name, err)))
        return rc;
    user_spec u = {name, role_parse(role), 0, NULL, password, display_name};
    if (!u.role)
        return hg_fail(err, HG_INVALID, "invalid", "role", "role must be admin, officer, enterprise or system");
    if (!password && u.role != ROLE_SYSTEM)   /* machines have none; user_create refuses one */
        return hg_fail(err, HG_INVALID, "required", "password", "password is required");
    json_t *posts = json_object_get(r->json, "posts");
    if (posts && !json_is_array(posts))
        return hg_fail(err, HG_INVALID, "wrong_type", "posts", "posts must be an array of post names");
    size_t i;
    json_t *p;
    json_array_foreach(posts, i, p)
    {
        unsigned bit = json_is_string(p) ? post_parse(json_string_value(p)) : 0;
        if (!bit) {
            char names[512];
            posts_names(names, sizeof names);
            /* TRANSLATORS: 1: i; 2: names */
            return hg_fail(err, HG_INVALID, "invalid", "posts", "posts[%zu] is not a post (%s)", i, names);
        }
        u.posts |= bit;
    }
    char uscc[32] = "";
    if (enterprise) {   /* identifiers are trimmed and upper-cased at the API (ident.h) */
        if (ident_normalize(enterprise, uscc, sizeof uscc))
            return hg_fail(err, HG_INVALID, "not_found", "enterprise", "no enterprise with USCC %s", enterprise);
        u.enterprise = uscc;
    }
    int64_t id;
    hg_ctx c = req_ctx(r);
    if ((rc = user_create(&c, &u, &id, err)))
        return rc;
    json_t *out;
    if ((rc = user_get_json(r->db, name, &out, err)))
        return rc;
    return req_reply_json(r, 201, out);
}

/* The filters of a users list or export (paged: with its pages) into q, whose names and values
 * (3 each) hold them. */
static hg_rc users_filter_parse(req *r, int paged, const char **names, const char **values, record_query *q,
                                hg_err *err)
{
    static const char *const roles[] = {"admin", "officer", "enterprise", "system", NULL};
    int n = 0;
    const char *role = req_query(r, "role"), *ent = req_query(r, "enterprise"), *dis = req_query(r, "disabled");
    if (role) {
        const char *const *v = roles;
        while (*v && strcmp(*v, role) != 0)
            v++;
        if (!*v)
            return hg_fail(err, HG_INVALID, "invalid", "role", "role must be admin, officer, enterprise or system");
        names[n] = "role";
        values[n++] = role;
    }
    if (ent) {
        names[n] = "enterprise";
        values[n++] = ent;
    }
    if (dis && strcmp(dis, "true") != 0 && strcmp(dis, "false") != 0)
        return hg_fail(err, HG_INVALID, "invalid", "disabled", "disabled must be true or false");
    if (dis) {
        names[n] = "disabled";
        values[n++] = strcmp(dis, "true") == 0 ? "1" : "0";
    }
    *q = (record_query){.eq_names = names, .eq_values = values, .n_eq = n};
    return list_query_parse(r, user_sortable, paged, q, err);
}

static hg_rc users_list_api(req *r, hg_err *err)
{
    const char *names[3], *values[3];
    record_query q;
    json_t *out;
    hg_rc rc = users_filter_parse(r, 1, names, values, &q, err);
    if (!rc)
        rc = user_list_page(r->db, &q, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc users_export_api(req *r, hg_err *err)
{
    const char *names[3], *values[3];
    record_query q;
    hg_rc rc = users_filter_parse(r, 0, names, values, &q, err);
    return rc ? rc : list_export(r, &user_list_record, &q, "user.export", err);
}

static hg_rc users_get_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = user_get_json(r->db, r->params[0], &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

/* What an administrator changes of a user without replacing it: its display name. */
static hg_rc users_update_api(req *r, hg_err *err)
{
    static const char *const allowed[] = {"display_name", NULL};
    const char *display_name;
    hg_rc rc;
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object with display_name is expected");
    if ((rc = json_reject_unknown(r->json, allowed, err)) ||
        (rc = json_get_str(r->json, "display_name", 1, &display_name, err)))
        return rc;
    hg_ctx c = req_ctx(r);
    json_t *out;
    if (!(rc = user_set_display_name(&c, r->params[0], display_name, err)))
        rc = user_get_json(r->db, r->params[0], &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

/* The names people are known by, for the console's pages that show who did something (an
 * enterprise user learns its own enterprise's accounts and the staff's, no other's); cached
 * by the browser for five minutes, as a renamed user may wait that long to show. */
static hg_rc user_names_api(req *r, hg_err *err)
{
    json_t *out;
    hg_rc rc = user_names_json(r->db, r->who->role == ROLE_ENTERPRISE ? r->who->enterprise : NULL, &out, err);
    if (!rc)
        rc = req_reply_json(r, 200, out);
    return rc ? rc : req_add_header(r, "Cache-Control", "private, max-age=300");
}

static hg_rc users_disable_api(req *r, hg_err *err)
{
    if (strcmp(r->params[0], r->who->name) == 0)
        return hg_fail(err, HG_CONFLICT, "conflict", "name", "you cannot disable yourself");
    hg_ctx c = req_ctx(r);
    hg_rc rc = user_disable(&c, r->params[0], err);
    json_t *out;
    if (!rc)
        rc = user_get_json(r->db, r->params[0], &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

/* ---- tokens ---- */

static hg_rc tokens_create_api(req *r, hg_err *err)
{
    static const char *const allowed[] = {"user", "scopes", NULL};
    const char *user, *scopes;
    hg_rc rc;
    if (!r->json)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
    if ((rc = json_reject_unknown(r->json, allowed, err)) || (rc = json_get_str(r->json, "user", 0, &user, err)) ||
        (rc = json_get_str(r->json, "scopes", 1, &scopes, err)))
        return rc;
    if (!user)
        user = r->who->name;   /* one's own token */
    int64_t id;
    char token[65];
    hg_ctx c = req_ctx(r);
    if ((rc = token_create(&c, user, scopes, &id, token, err)))
        return rc;
    return req_reply_json(r, 201, json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)id, "user", user, "scopes",
                                            scopes, "token", token));
}

static hg_rc tokens_revoke_api(req *r, hg_err *err)
{
    char *end;
    long long id = strtoll(r->params[0], &end, 10);
    if (*end || id <= 0)
        return hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such token");
    hg_ctx c = req_ctx(r);
    hg_rc rc = token_revoke(&c, id, err);
    if (!rc)
        r->status = 204;
    return rc;
}

/* ---- audit ---- */

static hg_rc parse_time_param(req *r, const char *name, int64_t *out, hg_err *err)
{
    const char *v = req_query(r, name);
    *out = 0;
    if (v && time_parse_rfc3339(v, out))
        return hg_fail(err, HG_INVALID, "invalid", name, "%s must be an RFC 3339 time with offset", name);
    return HG_OK;
}

static hg_rc audit_list_api(req *r, hg_err *err)
{
    audit_filter f = {0};
    char type[64] = "";
    const char *object = req_query(r, "object");
    f.object_type = req_query(r, "object_type");
    f.object_id = req_query(r, "object_id");
    if (object) {   /* object=TYPE or object=TYPE:ID */
        const char *colon = strchr(object, ':');
        size_t n = colon ? (size_t)(colon - object) : strlen(object);
        if (n == 0 || n >= sizeof type)
            return hg_fail(err, HG_INVALID, "invalid", "object", "object must be TYPE or TYPE:ID");
        memcpy(type, object, n);
        type[n] = '\0';
        f.object_type = type;
        if (colon)
            f.object_id = colon + 1;
    }
    f.actor = req_query(r, "actor");
    hg_rc rc;
    if ((rc = parse_time_param(r, "from", &f.from_ms, err)) || (rc = parse_time_param(r, "to", &f.to_ms, err)) ||
        (rc = record_parse_limit(req_query(r, "limit"), &f.limit, err)))
        return rc;
    const char *cursor = req_query(r, "cursor");
    if (cursor) {
        char *end;
        errno = 0;
        f.cursor = strtoll(cursor, &end, 10);
        if (*end || f.cursor <= 0 || errno == ERANGE)
            return hg_fail(err, HG_INVALID, "invalid", "cursor", "cursor must be a positive integer");
    }
    json_t *out;
    rc = audit_list_json(r->db, &f, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc audit_verify_api(req *r, hg_err *err)
{
    audit_report rep;
    memset(&rep, 0, sizeof rep);
    hg_rc rc = audit_verify(r->db, NULL, &rep, err);
    if (rc && rc != HG_INVALID)
        return rc;
    json_t *o = json_pack("{s:b, s:I, s:I}", "whole", rc == HG_OK, "rows", (json_int_t)rep.rows, "checkpoints",
                          (json_int_t)rep.checkpoints);
    if (o && rc) {
        json_object_set_new(o, "bad_seq", json_integer(rep.bad_seq));
        json_object_set_new(o, "reason", json_string(rep.reason));
    }
    return req_reply_json(r, 200, o);
}

#define ANYONE (ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE | ROLE_SYSTEM)
#define PEOPLE (ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE)

const route platform_routes[] = {
    {.method = "GET", .pattern = "/healthz", .fn = healthz_api,
     .flags = ROUTE_PUBLIC,
     .summary = "liveness and database check"},
    {.method = "GET", .pattern = "/metrics", .fn = metrics_api,
     .flags = ROUTE_PUBLIC,
     .summary = "Prometheus metrics"},
    {.method = "POST", .pattern = "/api/v1/session", .fn = session_create_api,
     .flags = ROUTE_PUBLIC | ROUTE_NO_CSRF | ROUTE_DIRECT,
     .summary = "sign in"},
    {.method = "DELETE", .pattern = "/api/v1/session", .fn = session_delete_api,
     .roles = ANYONE, .status = 204,
     .summary = "sign out"},
    {.method = "GET", .pattern = "/api/v1/me", .fn = me_api,
     .flags = ROUTE_ANY_SCOPE, .roles = ANYONE,
     .summary = "who am I"},
    {.method = "POST", .pattern = "/api/v1/users", .fn = users_create_api,
     .flags = ROUTE_DIRECT, .scope = "admin", .roles = ROLE_ADMIN,
     .status = 201,
     .summary = "create a user"},
    {.method = "GET", .pattern = "/api/v1/users", .fn = users_list_api,
     .scope = "admin", .roles = ROLE_ADMIN,
     .query = "role,enterprise,disabled," LIST_QUERY,
     .summary = "list users"},
    {.method = "POST", .pattern = "/api/v1/users/export", .fn = users_export_api,
     .flags = ROUTE_DIRECT, .scope = "admin", .roles = ROLE_ADMIN,
     .query = "role,enterprise,disabled," LIST_EXPORT_QUERY,
     .summary = "the filtered users as CSV (never a password hash; at most 10,000 rows; audited)"},
    {.method = "GET", .pattern = "/api/v1/users/{name}", .fn = users_get_api,
     .scope = "admin", .roles = ROLE_ADMIN,
     .summary = "read a user"},
    {.method = "PATCH", .pattern = "/api/v1/users/{name}", .fn = users_update_api,
     .scope = "admin", .roles = ROLE_ADMIN,
     .summary = "change a user's display name"},
    {.method = "GET", .pattern = "/api/v1/user-names", .fn = user_names_api,
     .roles = PEOPLE,
     .summary = "users' display names by account name (an enterprise: its own users and the staff)"},
    {.method = "POST", .pattern = "/api/v1/users/{name}/disable", .fn = users_disable_api,
     .scope = "admin", .roles = ROLE_ADMIN,
     .summary = "disable a user"},
    {.method = "POST", .pattern = "/api/v1/tokens", .fn = tokens_create_api,
     .scope = "admin", .roles = PEOPLE,
     .status = 201,
     .summary = "create a bearer token (shown once): one's own, or an administrator's for a machine account"},
    {.method = "DELETE", .pattern = "/api/v1/tokens/{id}", .fn = tokens_revoke_api,
     .scope = "admin", .roles = PEOPLE, .status = 204,
     .summary = "revoke a bearer token: one's own, or an administrator any"},
    {0},
};

const route audit_routes[] = {
    {.method = "GET", .pattern = "/api/v1/audit", .fn = audit_list_api,
     .scope = "audit", .roles = ROLE_ADMIN,
     .query = "actor,cursor,from,limit,object,object_id,object_type,to",
     .summary = "the audit trail (object=TYPE[:ID], object_type, object_id, actor, from, to, limit, cursor)"},
    {.method = "GET", .pattern = "/api/v1/audit/verify", .fn = audit_verify_api,
     .scope = "audit", .roles = ROLE_ADMIN,
     .summary = "verify the audit chain"},
    {0},
};
