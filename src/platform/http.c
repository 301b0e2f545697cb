/* http.c — the HTTP server on libmicrohttpd: bounded bodies, authentication, the route
 * policy, CSRF, the security headers, the error shape, access log and metrics.
 *
 * Every request is answered on the access handler's second call or later: libmicrohttpd
 * 0.9.75 closes keep-alive connections whose response is queued on the first call.
 *
 * A write that goes through the group commit does not hold its thread while it waits: the
 * connection is suspended, and resumed when its batch is durable; the handler is then called
 * once more and answers. A few threads so serve any number of waiting writers, and a batch
 * wakes each thread once rather than each request's own thread.
 *
 * Streamed replies (Server-Sent Events) use the same suspension: a stream with nothing to send
 * is suspended until http_streams_wake, so a waiting stream holds no thread. */
#include "http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "http_defer.h"
#include "http_framing.h"
#include "http_negotiate.h"
#include "i18n.h"
#include "json.h"
#include "utf8.h"
#include "json_canon.h"
#include "log.h"
#include "mem.h"
#include "metrics.h"
#include "module.h"
#include "read_after.h"
#include "writer.h"


typedef struct conn_ctx {
    int64_t start_ns;
    buf body;
    int too_big;
    int header_too_big;   /* Content-Length announced more than the limit */
    /* the request, from its dispatch until it is answered */
    struct MHD_Connection *conn;
    int dispatched;
    int queued;           /* suspended until the writer has finished it */
    int deferred;         /* suspended until its handler is due again (req_defer) */
    req r;
    hg_err err;
    hg_rc rc;
    char params[512];     /* what r.params point into */
} conn_ctx;

static const http_config *config;

const char *http_assets_dir(void) { return config ? config->assets_dir : NULL; }

void req_defer(req *r, int64_t ms) { r->defer_ms = ms > 0 ? ms : 1; }

const char *req_session_cookie_name(const req *r) { return r->https ? "__Host-hg_session" : "hg_session"; }

/* A handler that does what its route does not declare (route.h: query, status): the API
 * suite runs a build that stops on it; a served binary logs it and goes on. */
static void route_misuse(const req *r, const char *what, const char *name)
{
    log_error("route %s %s %s %s, which it does not declare", r->route->method, r->route->pattern, what, name);
#ifdef HG_ROUTE_CHECK
    abort();
#endif
}

/* Whether name is one of the comma-separated list's items. */
static int comma_listed(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && memcmp(p, name, n) == 0)
            return 1;
        p = e ? e + 1 : p + len;
    }
    return 0;
}

static void check_success_status(const req *r, int status)
{
    int want = r->route && r->route->status ? r->route->status : 200;
    if (r->route && status >= 200 && status < 300 && status != want && status != r->route->repeat_status) {
        char s[16];
        snprintf(s, sizeof s, "%d", status);
        route_misuse(r, "answers success with status", s);
    }
}

const char *req_query(req *r, const char *name)
{
    if (r->route && !comma_listed(r->route->query, name))
        route_misuse(r, "reads query parameter", name);
    return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

typedef struct undeclared_scan {
    const char *declared, *first;
} undeclared_scan;

static enum MHD_Result find_undeclared(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    (void)value;
    undeclared_scan *u = cls;
    if (comma_listed(u->declared, key))
        return MHD_YES;
    u->first = key;
    return MHD_NO;
}

const char *req_query_undeclared(req *r)
{
    undeclared_scan u = {r->route ? r->route->query : NULL, NULL};
    MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, find_undeclared, &u);
    return u.first;
}

const char *req_header(req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

hg_rc req_reply_raw(req *r, int status, const char *content_type, const void *p, size_t n)
{
    json_decref(r->reply);
    r->reply = NULL;
    r->status = status;
    r->content_type = content_type;
    buf_reset(&r->out);
    return buf_append(&r->out, p, n);
}

/* The body is kept and written out by send_reply, on the request's own thread: a handler
 * run by the group-commit writer does not spend the writer's time serializing. */
hg_ctx req_ctx(const req *r)
{
    return (hg_ctx){.d = r->db,
                    .who = r->who,
                    .actor = r->who ? r->who->name : "anonymous",
                    .request_id = r->request_id,
                    .now_ms = now_ms()};
}

hg_rc req_reply_json(req *r, int status, json_t *body)
{
    json_decref(r->reply);
    r->reply = body ? body : json_object();
    if (!r->reply)
        return HG_NOMEM;
    r->status = status;
    r->content_type = "application/json; charset=utf-8";
    buf_reset(&r->out);
    return HG_OK;
}

hg_rc req_reply_rc(req *r, hg_rc rc, int status, json_t *out) { return rc ? rc : req_reply_json(r, status, out); }

hg_rc req_need_json(const req *r, hg_err *err)
{
    return r->json ? HG_OK : hg_fail(err, HG_INVALID, "malformed_json", "", "a JSON object is expected");
}

void req_reply_clear(req *r)
{
    json_decref(r->reply);
    r->reply = NULL;
    r->status = 0;
    r->content_type = NULL;
    buf_reset(&r->out);
    buf_reset(&r->extra_headers);
}

hg_rc req_add_header(req *r, const char *name, const char *value)
{
    return buf_appendf(&r->extra_headers, "%s: %s\n", name, value);
}

/* ---- streamed replies ---- */

/* An open stream; on the waiting list while its connection is suspended. */
typedef struct stream {
    long (*fn)(void *cls, char *out, size_t max);
    void (*free_fn)(void *cls);
    void *cls;
    struct MHD_Connection *conn;
    int waiting;
    struct stream *prev, *next;
} stream;

static pthread_mutex_t streams_mu = PTHREAD_MUTEX_INITIALIZER;
static stream *streams_waiting;
static unsigned streams_wakes;   /* bumped by every wake: a stream that saw it change waits not */
static int streams_open, streams_closing;

hg_rc req_reply_stream(req *r, int status, const char *content_type, long (*fn)(void *cls, char *out, size_t max),
                       void (*free_fn)(void *cls), void *cls, hg_err *err)
{
    pthread_mutex_lock(&streams_mu);
    int full = streams_open >= HTTP_STREAMS_MAX || streams_closing;
    if (!full)
        streams_open++;
    pthread_mutex_unlock(&streams_mu);
    if (full) {
        if (free_fn)
            free_fn(cls);
        req_add_header(r, "Retry-After", "5");
        return hg_fail(err, HG_TOOMANY, "too_many_streams", NULL, "%d streams are open; try again shortly",
                       HTTP_STREAMS_MAX);
    }
    req_reply_clear(r);
    r->status = status;
    r->content_type = content_type;
    r->stream = fn;
    r->stream_free = free_fn;
    r->stream_cls = cls;
    return HG_OK;
}

static void stream_unlink(stream *s)
{
    if (!s->waiting)
        return;
    if (s->prev)
        s->prev->next = s->next;
    else
        streams_waiting = s->next;
    if (s->next)
        s->next->prev = s->prev;
    s->prev = s->next = NULL;
    s->waiting = 0;
}

void http_streams_wake(void)
{
    pthread_mutex_lock(&streams_mu);
    streams_wakes++;
    while (streams_waiting) {
        stream *s = streams_waiting;
        stream_unlink(s);
        MHD_resume_connection(s->conn);
    }
    pthread_mutex_unlock(&streams_mu);
}

int http_streams_open(void)
{
    pthread_mutex_lock(&streams_mu);
    int n = streams_open;
    pthread_mutex_unlock(&streams_mu);
    return n;
}

hg_rc http_streams_metrics_render(buf *b)
{
    return buf_appendf(b,
                       "# HELP haiguan_event_streams Streamed replies open (Server-Sent Events; at most %d).\n"
                       "# TYPE haiguan_event_streams gauge\n"
                       "haiguan_event_streams %d\n",
                       HTTP_STREAMS_MAX, http_streams_open());
}

/* The server stops: every stream ends at its next call, and none is left suspended
 * (libmicrohttpd must not be stopped with a connection suspended). */
static void streams_close(void)
{
    pthread_mutex_lock(&streams_mu);
    streams_closing = 1;
    pthread_mutex_unlock(&streams_mu);
    http_streams_wake();
}

/* 1 when the client has closed the connection (end of file on it, or an error): a suspended
 * connection is not watched by libmicrohttpd, so a stream checks at each wake instead, and
 * gives its place back then rather than at its next write. */
static int peer_closed(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (!ci)
        return 0;
    char byte;
    ssize_t n = recv(ci->connect_fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

/* libmicrohttpd's content reader: what fn writes, or a suspension until the next wake. A wake
 * between fn's answer and the suspension would be lost, so the wake count is compared under
 * the lock and fn asked again when it moved. */
static ssize_t stream_read(void *cls, uint64_t pos, char *out, size_t max)
{
    (void)pos;
    stream *s = cls;
    for (;;) {
        pthread_mutex_lock(&streams_mu);
        unsigned wakes = streams_wakes;
        int closing = streams_closing;
        pthread_mutex_unlock(&streams_mu);
        if (closing)
            return MHD_CONTENT_READER_END_OF_STREAM;
        long n = s->fn(s->cls, out, max);
        if (n > 0)
            return (ssize_t)n;
        if (n < 0 || peer_closed(s->conn))
            return MHD_CONTENT_READER_END_OF_STREAM;
        pthread_mutex_lock(&streams_mu);
        if (wakes == streams_wakes && !streams_closing) {
            s->waiting = 1;
            s->prev = NULL;
            s->next = streams_waiting;
            if (streams_waiting)
                streams_waiting->prev = s;
            streams_waiting = s;
            MHD_suspend_connection(s->conn);
            pthread_mutex_unlock(&streams_mu);
            return 0;
        }
        pthread_mutex_unlock(&streams_mu);
    }
}

static void stream_end(void *cls)
{
    stream *s = cls;
    pthread_mutex_lock(&streams_mu);
    stream_unlink(s);
    streams_open--;
    pthread_mutex_unlock(&streams_mu);
    if (s->free_fn)
        s->free_fn(s->cls);
    xfree(s);
}

/* A stream set up but never sent (the request failed later, or its connection went). */
static void stream_discard(req *r)
{
    if (!r->stream)
        return;
    if (r->stream_free)
        r->stream_free(r->stream_cls);
    r->stream = NULL;
    r->stream_free = NULL;
    r->stream_cls = NULL;
    pthread_mutex_lock(&streams_mu);
    streams_open--;
    pthread_mutex_unlock(&streams_mu);
}

/* The languages of the API's messages (i18n.h), the default first, and what Content-Language
 * calls them. */
static const char *const message_languages[] = {"zh", "en", NULL};
static const char *const content_languages[] = {"zh-CN", "en"};

/* A fixed 500 body, written when the error shape itself could not be built (no memory): no
 * allocation but the reply's buffer, in the client's language (en is catalogued; its Chinese
 * holds no character JSON escapes). */
static void reply_fixed(req *r, int chinese, const char *en)
{
    const char *zh = chinese ? i18n_zh_format(en) : NULL;
    char body[256];
    snprintf(body, sizeof body, "{\"error\":{\"code\":\"internal\",\"message\":\"%s\"}}", zh ? zh : en);
    (void)req_reply_raw(r, 500, "application/json; charset=utf-8", body, strlen(body));
}

/* Renders err as the JSON error shape, its message in the language the client prefers
 * (Accept-Language; Chinese when it says nothing): code and field stay as they are, for
 * programs. Server-side failures get a generic message; their details go to the log only
 * (SECURITY.md §12). */
static void reply_error(req *r, const hg_err *err)
{
    hg_err shown = *err;
    int status = hg_rc_http_status(err->rc);
    if (status >= 500) {
        log_error("request %s %s %s failed: %s: %s", r->request_id, r->method, r->path, hg_rc_name(err->rc),
                  err->message);
        hg_fail(&shown, err->rc, err->code, NULL,
                err->rc == HG_UNAVAILABLE
                    ? N_("the database is unavailable, try again shortly; the server log has the details under "
                         "request id %s")
                    : N_("internal error; the server log has the details under request id %s"),
                r->request_id);
    }
    int lang = http_pick_language(req_header(r, "Accept-Language"), message_languages);
    const char *message = lang == 0 && shown.message_zh[0] ? shown.message_zh : shown.message;
    req_add_header(r, "Content-Language", content_languages[message == shown.message_zh ? 0 : 1]);
    req_add_header(r, "Vary", "Accept-Language");
    if (req_reply_json(r, status, json_error_body(&shown, message, r->request_id)) != HG_OK)
        reply_fixed(r, lang == 0, N_("internal error"));
}

static int has_body_method(const char *m)
{
    return strcmp(m, "POST") == 0 || strcmp(m, "PUT") == 0 || strcmp(m, "PATCH") == 0 || strcmp(m, "DELETE") == 0;
}

/* Extracts the session cookie value into out; 1 when present. */
static int cookie_session(req *r, char *out, size_t outlen)
{
    const char *v = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, req_session_cookie_name(r));
    if (!v || strlen(v) >= outlen)
        return 0;
    memcpy(out, v, strlen(v) + 1);
    return 1;
}

/* Authenticates by bearer token or session cookie; HG_OK with *who NULL when the request
 * carries no credentials, HG_UNAUTH for wrong ones. The caller lets public routes ignore
 * bad credentials (signing in must work with a stale cookie). */
static hg_rc authenticate(req *r, principal *p, const principal **who, hg_err *err)
{
    *who = NULL;
    const char *authz = req_header(r, "Authorization");
    char cookie[128];
    hg_rc rc;
    if (authz) {
        if (strncasecmp(authz, "Bearer ", 7) != 0)
            return hg_fail(err, HG_UNAUTH, "unauthenticated", "Authorization", "only Bearer tokens are accepted");
        rc = token_authenticate(r->db, authz + 7, p, err);
    } else if (cookie_session(r, cookie, sizeof cookie)) {
        rc = session_authenticate(r->db, cookie, p, err);
    } else {
        return HG_OK;
    }
    if (rc == HG_OK)
        *who = p;
    return rc;
}

static int is_json_type(const char *ct)
{
    if (!ct)
        return 0;
    size_t n = strcspn(ct, ";");
    while (n && (ct[n - 1] == ' ' || ct[n - 1] == '\t'))
        n--;
    return n == 16 && strncasecmp(ct, "application/json", 16) == 0;
}

static int is_read_method(const char *m) { return strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0; }

typedef struct query_check {
    char bad[64];
} query_check;

static enum MHD_Result check_query_value(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    query_check *q = cls;
    if (!utf8_text_ok(key) || (value && !utf8_text_ok(value))) {
        snprintf(q->bad, sizeof q->bad, "%s", utf8_text_ok(key) ? key : "?");
        return MHD_NO;
    }
    return MHD_YES;
}

/* Request ids: unique in the process and not guessable from one another, without a system
 * call per request: a random key, and a counter mixed by a bijection of 64-bit numbers (an
 * odd multiplier), whitened by the key. */
static uint64_t request_id_key;
static _Atomic uint64_t request_count;

static void next_request_id(char out[24])
{
    uint64_t n = request_count++ * 0x9E3779B97F4A7C15ULL ^ request_id_key;
    unsigned char rid[8];
    for (int i = 0; i < 8; i++)
        rid[i] = (unsigned char)(n >> (8 * i));
    hex_encode(rid, sizeof rid, out);
}

static void suspend(void *cls)
{
    conn_ctx *ctx = cls;
    MHD_suspend_connection(ctx->conn);
}

static void resume(void *cls)
{
    conn_ctx *ctx = cls;
    MHD_resume_connection(ctx->conn);
}

/* Runs a direct route's handler; one that asks to wait (req_defer) is suspended and held
 * (ctx->queued, ctx->deferred) until the timer resumes it. */
static hg_rc run_direct(req *r, conn_ctx *ctx, hg_err *err)
{
    r->defer_ms = 0;
    hg_rc rc = r->route->fn(r, err);
    if (rc || !r->defer_ms)
        return rc;
    ctx->queued = ctx->deferred = 1;
    MHD_suspend_connection(ctx->conn);
    if (defer_add(mono_ns() + r->defer_ms * 1000000LL, resume, ctx) != 0)
        resume(ctx);   /* stopping: called again at once */
    return HG_OK;
}

/* On a national server, the writes of the platform's own accounts (sign-in and out, users,
 * tokens, passwords) and of the audit trail stay; every area's are a district's. */
static int national_write_allowed(const route *rt)
{
    const hg_module *m = modules_route_owner(rt);
    return m && (strcmp(m->name, "accounts") == 0 || strcmp(m->name, "audit") == 0);
}

/* Runs the request's route, or queues it for the writer (ctx->queued, the connection
 * suspended) and returns; r->json stays set until the request is answered. */
static hg_rc dispatch(req *r, conn_ctx *ctx, hg_err *err)
{
    int mismatch;
    hg_rc rc;

    /* HEAD is GET without the body (RFC 9110 §9.3.2): libmicrohttpd leaves the body out */
    const char *match_method = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;
    r->route = router_match(config->routes, match_method, r->path, r->params, ctx->params, sizeof ctx->params,
                            &mismatch);
    if (!r->route && !mismatch)
        r->route = router_fallback(config->routes, match_method, r->path, req_header(r, "Accept"));
    if (!r->route) {
        if (mismatch)
            /* TRANSLATORS: 1: method; 2: path */
            return hg_fail(err, HG_METHOD, "method_not_allowed", NULL, "%s is not allowed on %s", r->method, r->path);
        return hg_fail(err, HG_NOTFOUND, "not_found", NULL, "no such resource");
    }
    if (ctx->too_big || ctx->header_too_big)
        return hg_fail(err, HG_TOOBIG, "too_large", NULL, "the request body exceeds %zu bytes", config->max_body);
    /* headquarters and districts are separate installations (docs/SCALING.md §4): a national
     * server takes no district's writes, whose data it only receives by replication */
    if (!config->national && (r->route->flags & ROUTE_NATIONAL))
        return hg_fail(err, HG_CONFLICT, "not_national", NULL,
                       "this is a district installation; %s is a route of the national one (serve --national)", r->path);
    if (config->national && !is_read_method(r->method) && !(r->route->flags & ROUTE_NATIONAL) &&
        !national_write_allowed(r->route))
        /* TRANSLATORS: 1: method; 2: path */
        return hg_fail(err, HG_FORBIDDEN, "national_installation", NULL,
                       "the national installation takes no district writes: %s %s belongs to a district's server",
                       r->method, r->path);
    /* query values reach SQL and JSON: the same rule as bodies, on every backend */
    query_check qc = {""};
    MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, check_query_value, &qc);
    if (qc.bad[0])
        return hg_fail(err, HG_INVALID, "invalid", qc.bad, "query parameter %s is not valid UTF-8 text", qc.bad);
    r->db = db_thread(err);
    if (!r->db)
        return HG_UNAVAILABLE;
    const principal *who;
    rc = authenticate(r, &r->principal, &who, err);
    if ((rc = route_auth_outcome(r->route, rc)))
        return rc;
    r->who = who;
    rc = route_allows(r->route, r->who);
    if (rc == HG_UNAUTH)
        return hg_fail(err, rc, "unauthenticated", NULL, "sign in or present a bearer token");
    if (rc)
        return hg_fail(err, rc, "forbidden", NULL, "your role or post may not do this");
    /* a read that may be slightly stale goes to the replica, unless its caller's own write is
     * not there yet (authentication above read the primary: sessions live there) */
    if ((r->route->flags & ROUTE_REPLICA) && is_read_method(r->method) && db_has_read_url()) {
        db *replica = read_after_choose(
            r->who, MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, READ_AFTER_COOKIE), now_ms());
        if (replica)
            r->db = replica;
        req_add_header(r, "X-Haiguan-Read", replica ? "replica" : "primary");
    }
    if (r->who && r->who->session_id && !is_read_method(r->method) && !(r->route->flags & ROUTE_NO_CSRF)) {
        const char *t = req_header(r, "X-CSRF-Token");
        if (!t || strlen(t) != strlen(r->who->csrf) || sodium_memcmp(t, r->who->csrf, strlen(t)) != 0)
            return hg_fail(err, HG_FORBIDDEN, "csrf", "X-CSRF-Token", "missing or wrong CSRF token");
    }
    r->body = buf_str(&ctx->body);
    r->body_len = ctx->body.len;
    json_t *body = NULL;
    if (!(r->route->flags & ROUTE_RAW) && has_body_method(r->method) && r->body_len > 0) {
        if (!is_json_type(req_header(r, "Content-Type")))
            return hg_fail(err, HG_MEDIATYPE, "unsupported_media_type", "Content-Type",
                           "the body must be sent as application/json");
        if ((rc = json_parse_body(r->body, r->body_len, &body, err)))
            return rc;
        r->json = body;
    }
    /* writes go through the group commit: answered once their batch is durable */
    if (has_body_method(r->method) && !(r->route->flags & ROUTE_DIRECT)) {
        if (r->route->prepare)
            rc = r->route->prepare(r, err);
        if (rc)
            return rc;
        /* from here the writer may finish it at any moment: ctx->rc is the writer's */
        ctx->queued = 1;
        if ((rc = writer_submit(r->route->fn, r, err, &ctx->rc, suspend, resume, ctx)))
            ctx->queued = 0;   /* refused (the server is stopping): never suspended */
        return rc;
    }
    return run_direct(r, ctx, err);
}

static const char *const security_headers[][2] = {
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cache-Control", "no-store"},
    {"Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
};

static enum MHD_Result send_reply(struct MHD_Connection *c, req *r)
{
    struct MHD_Response *resp = NULL;
    if (r->stream) {
        stream *s = xcalloc(1, sizeof *s);
        if (s) {
            *s = (stream){r->stream, r->stream_free, r->stream_cls, c, 0, NULL, NULL};
            resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, stream_read, s, stream_end);
            if (resp) {
                r->stream = NULL;   /* stream_end frees it from now on */
            } else {
                xfree(s);
            }
        }
        if (!resp) {
            stream_discard(r);
            return MHD_NO;
        }
    }
    if (!resp && r->reply) {
        hg_rc rc = json_canon_reply(r->reply, &r->out);
        json_decref(r->reply);
        r->reply = NULL;
        if (rc)
            reply_fixed(r, http_pick_language(req_header(r, "Accept-Language"), message_languages) == 0,
                        N_("the answer could not be written"));
    }
    if (!resp)
        resp = MHD_create_response_from_buffer(r->out.len, r->out.data ? r->out.data : (void *)"", MHD_RESPMEM_MUST_COPY);
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, "Content-Type", r->content_type ? r->content_type : "application/json; charset=utf-8");
    /* a handler's own Cache-Control (content-hashed console assets) replaces no-store */
    int own_cache = r->extra_headers.data && strstr(r->extra_headers.data, "Cache-Control:") != NULL;
    for (size_t i = 0; i < sizeof security_headers / sizeof security_headers[0]; i++)
        if (!own_cache || strcmp(security_headers[i][0], "Cache-Control") != 0)
            MHD_add_response_header(resp, security_headers[i][0], security_headers[i][1]);
    MHD_add_response_header(resp, "X-Request-Id", r->request_id);
    /* extra headers: "Name: value\n" lines */
    char *lines = r->extra_headers.data;
    for (char *line = lines; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char *colon = strchr(line, ':');
        if (colon) {
            *colon = '\0';
            MHD_add_response_header(resp, line, colon + 2);
        }
        line = nl ? nl + 1 : line + strlen(line);
    }
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

static void client_addr(struct MHD_Connection *c, char *out, size_t outlen)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(out, outlen, "-");
    if (!ci || !ci->client_addr)
        return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)outlen);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, (socklen_t)outlen);
}

static void req_release(req *r);

/* After a write, where the primary's WAL stands (at or past its commit), for the writer's
 * next replica reads (read_after.h): a session's in a cookie, a token's in this process. */
static void note_write_position(req *r)
{
    hg_err err;
    hg_err_clear(&err);
    db *primary = db_thread(&err);
    char lsn[DB_LSN_MAX];
    if (!primary || db_wal_position(primary, lsn, &err) || !lsn[0]) {
        log_warn("replica: cannot read the WAL position after a write: %s", err.message);
        return;
    }
    if (r->who->session_id > 0) {
        char cookie[160];
        snprintf(cookie, sizeof cookie, "%s=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Strict%s", READ_AFTER_COOKIE,
                 lsn, READ_AFTER_MS / 1000, r->https ? "; Secure" : "");
        req_add_header(r, "Set-Cookie", cookie);
    } else {
        read_after_note(r->who, lsn, now_ms());
    }
}

/* Sends the request's reply (or its error) and writes its access line. */
static enum MHD_Result answer(struct MHD_Connection *c, conn_ctx *ctx)
{
    req *r = &ctx->r;
    ctx->queued = 0;
    r->db = NULL;   /* the writer's, when the writer ran it */
    if (ctx->rc) {
        stream_discard(r);
        if (ctx->err.rc == HG_OK)
            hg_fail(&ctx->err, ctx->rc, NULL, NULL, "%s", hg_rc_message(ctx->rc));
        reply_error(r, &ctx->err);
    }
    if (!r->status)
        r->status = 204;
    if (!ctx->rc)
        check_success_status(r, r->status);
    if (!ctx->rc && r->who && !is_read_method(r->method) && db_has_read_url())
        note_write_position(r);
    enum MHD_Result ok = send_reply(c, r);
    int64_t dur = mono_ns() - ctx->start_ns;
    const char *route_name = r->route ? r->route->pattern : "unmatched";
    metrics_observe(route_name, r->status, dur);
    if (ctx->rc && r->status >= 400 && r->status < 500)
        metrics_refusal(ctx->err.code, r->status);
    /* milliseconds to three places in integers: no floating-point formatting on every request */
    long long us = (long long)(dur / 1000);
    log_info("access %s %s %s \"%s\" %d %lld.%03lldms user=%s", r->request_id, r->addr, r->method, r->path, r->status,
             us / 1000, us % 1000, r->who ? r->who->name : "-");
    req_release(r);
    return ok;
}

/* ---- connection limits (http_limits.h) ---- */

static conn_slot *conn_slot_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

static enum MHD_Result on_accept(void *cls, const struct sockaddr *addr, socklen_t len)
{
    (void)cls;
    return http_limits_admit(addr, len) ? MHD_YES : MHD_NO;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    (void)cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *fd = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        const union MHD_ConnectionInfo *ad = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        *socket_context = http_limits_opened(fd ? fd->connect_fd : -1, ad ? ad->client_addr : NULL);
        http_limits_receiving(*socket_context);   /* the first request's deadline starts */
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        http_limits_closed(*socket_context);
        *socket_context = NULL;
    }
}

/* The header fields as libmicrohttpd parsed them, for the framing rules (http_framing.h). */
typedef struct field_list {
    header_field f[96];
    size_t n;
    int overflow;
} field_list;

static enum MHD_Result collect_field(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                                     const char *value, size_t value_size)
{
    (void)kind;
    field_list *l = cls;
    if (l->n == sizeof l->f / sizeof l->f[0]) {
        l->overflow = 1;
        return MHD_NO;
    }
    l->f[l->n++] = (header_field){key, key_size, value ? value : "", value ? value_size : 0};
    return MHD_YES;
}

/* The rule of RFC 9112 the request's framing breaks, or NULL. */
static const char *framing_check(struct MHD_Connection *c)
{
    field_list l = {.n = 0};
    MHD_get_connection_values_n(c, MHD_HEADER_KIND, collect_field, &l);
    if (l.overflow)
        return N_("the request has too many header fields");
    return framing_violation(l.f, l.n);
}

/* Behind the trusted proxy, the client is the one the proxy names: the last address of
 * X-Forwarded-For (the proxy sets it to the peer it saw, so what a client sent before it is
 * ignored), and X-Forwarded-Proto says whether it came over TLS. From any other peer the
 * headers are a client's claim and count for nothing. */
static void forwarded_client(struct MHD_Connection *c, req *r)
{
    const char *proxy = config->limits.trusted_proxy;
    if (!proxy || strcmp(r->addr, proxy) != 0)
        return;
    const char *xff = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
    if (xff) {
        const char *last = strrchr(xff, ',');
        last = last ? last + 1 : xff;
        while (*last == ' ' || *last == '\t')
            last++;
        unsigned char probe[sizeof(struct in6_addr)];
        if (inet_pton(AF_INET, last, probe) == 1 || inet_pton(AF_INET6, last, probe) == 1)
            snprintf(r->addr, sizeof r->addr, "%s", last);
    }
    const char *proto = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-Proto");
    r->https = proto && strcmp(proto, "https") == 0;
}

/* Sets up ctx's request for dispatch (or for an early refusal). */
static void begin_request(conn_ctx *ctx, struct MHD_Connection *c, const char *method, const char *url)
{
    http_limits_received(conn_slot_of(c));
    ctx->dispatched = 1;
    ctx->conn = c;
    req *r = &ctx->r;
    r->method = method;
    r->path = url;
    r->conn = c;
    r->body = "";
    buf_init(&r->out, 64u << 20);
    buf_init(&r->extra_headers, 8192);
    next_request_id(r->request_id);
    client_addr(c, r->addr, sizeof r->addr);
    forwarded_client(c, r);
    hg_err_clear(&ctx->err);
}

/* Answers at once, before any body is read, and closes the connection: a request whose
 * framing is ambiguous cannot be followed by another on the same connection, and a client
 * that asked to be told before sending an oversized body is told (no 100 Continue). */
static enum MHD_Result refuse_early(struct MHD_Connection *c, conn_ctx *ctx, const char *method, const char *url,
                                    hg_rc rc, const char *code, const char *field, const char *why)
{
    begin_request(ctx, c, method, url);
    ctx->rc = hg_fail(&ctx->err, rc, code, field, "%s", why);
    req_add_header(&ctx->r, "Connection", "close");
    return answer(c, ctx);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)cls;
    (void)version;
    conn_ctx *ctx = *con_cls;
    if (!ctx) {
        ctx = xcalloc(1, sizeof *ctx);
        if (!ctx)
            return MHD_NO;
        ctx->start_ns = mono_ns();
        buf_init(&ctx->body, config->max_body);
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        if (cl) {
            char *end;
            unsigned long long n = strtoull(cl, &end, 10);
            if (*end || n > config->max_body)
                ctx->header_too_big = 1;
        }
        *con_cls = ctx;
        const char *bad = framing_check(c);
        if (bad)
            return refuse_early(c, ctx, method, url, HG_INVALID, "bad_framing", "header", bad);
        const char *expect = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Expect");
        if (ctx->header_too_big && expect)
            return refuse_early(c, ctx, method, url, HG_TOOBIG, "too_large", "Content-Length",
                                N_("the request body would exceed the limit"));
        return MHD_YES;
    }
    if (*upload_size) {
        /* past the limit the rest is read and dropped, so that the client gets its 413 */
        if (!ctx->too_big && !ctx->header_too_big && buf_append(&ctx->body, upload, *upload_size) != HG_OK)
            ctx->too_big = 1;
        *upload_size = 0;
        return MHD_YES;
    }

    if (!ctx->dispatched) {
        begin_request(ctx, c, method, url);
        hg_rc rc = dispatch(&ctx->r, ctx, &ctx->err);
        if (ctx->queued)
            return MHD_YES;   /* answered when resumed */
        ctx->rc = rc;
    } else if (ctx->deferred) {   /* resumed by the timer: its handler is due again */
        ctx->deferred = ctx->queued = 0;
        req *r = &ctx->r;
        r->db = db_thread(&ctx->err);
        hg_rc rc = r->db ? run_direct(r, ctx, &ctx->err) : HG_UNAVAILABLE;
        if (ctx->queued)
            return MHD_YES;
        ctx->rc = rc;
    }
    return answer(c, ctx);
}

/* Frees what the request held (the reply is sent or abandoned). */
static void req_release(req *r)
{
    json_decref(r->json);
    r->json = NULL;
    json_decref(r->reply);
    r->reply = NULL;
    if (r->prep_free)
        r->prep_free(r->prep);
    r->prep_free = NULL;
    stream_discard(r);
    buf_free(&r->out);
    buf_free(&r->extra_headers);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode code)
{
    (void)cls;
    /* the next request's deadline starts; a connection ending has no next request */
    if (code == MHD_REQUEST_TERMINATED_COMPLETED_OK)
        http_limits_receiving(conn_slot_of(c));
    conn_ctx *ctx = *con_cls;
    if (ctx) {
        if (ctx->dispatched)
            req_release(&ctx->r);   /* a request ended before it was answered */
        buf_free(&ctx->body);
        xfree(ctx);
        *con_cls = NULL;
    }
}

/* libmicrohttpd's own complaints (malformed requests, oversized headers) go through our
 * log, one escaped line each, instead of straight to stderr. */
static void mhd_logger(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
        msg[--n] = '\0';
    log_warn("http: %s", msg);
}

/* Splits "HOST:PORT" ("[::1]:80" for IPv6) and resolves it. */
static hg_rc parse_listen(const char *listen, struct sockaddr_storage *ss, socklen_t *len, hg_err *err)
{
    char host[256];
    const char *colon = strrchr(listen, ':');
    if (!colon || colon == listen || (size_t)(colon - listen) >= sizeof host)
        return hg_fail(err, HG_INVALID, "invalid", "listen", "--listen must be HOST:PORT, e.g. 127.0.0.1:8080");
    const char *h = listen;
    size_t hl = (size_t)(colon - listen);
    if (h[0] == '[' && hl >= 2 && h[hl - 1] == ']') {
        h++;
        hl -= 2;
    }
    memcpy(host, h, hl);
    host[hl] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || port < 0 || port > 65535 || colon[1] == '\0')
        return hg_fail(err, HG_INVALID, "invalid", "listen", "port must be a number from 0 to 65535");
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV}, *ai;
    if (getaddrinfo(host, colon + 1, &hints, &ai) != 0 || !ai)
        return hg_fail(err, HG_INVALID, "invalid", "listen", "cannot resolve host %s", host);
    memcpy(ss, ai->ai_addr, ai->ai_addrlen);
    *len = ai->ai_addrlen;
    freeaddrinfo(ai);
    return HG_OK;
}

void http_signals_block(sigset_t *set)
{
    sigset_t mine;
    if (!set)
        set = &mine;
    sigemptyset(set);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGINT);
    pthread_sigmask(SIG_BLOCK, set, NULL);
    signal(SIGPIPE, SIG_IGN);
}

hg_rc http_serve(const http_config *cfg, hg_err *err)
{
    struct sockaddr_storage ss;
    socklen_t sslen;
    hg_rc rc = parse_listen(cfg->listen, &ss, &sslen, err);
    if (rc)
        return rc;
    config = cfg;

    sigset_t set;
    http_signals_block(&set);

    randombytes_buf(&request_id_key, sizeof request_id_key);
    unsigned total_conns;
    if ((rc = http_limits_start(&cfg->limits, &total_conns, err)))
        return rc;
    if (defer_start() != 0) {
        http_limits_stop();
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "cannot start the timer thread");
    }
    if ((rc = writer_start(err))) {
        defer_stop();
        http_limits_stop();
        return rc;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
    if (ss.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    /* Each connection's memory (request line, headers, read buffer) is 16 KiB: libmicrohttpd
     * zeroes it for every request, and a larger one cost more than parsing the body did. */
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, 0, on_accept, NULL, on_request, NULL, MHD_OPTION_EXTERNAL_LOGGER, mhd_logger, NULL,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg->threads > 0 ? cfg->threads : 4), MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)30, MHD_OPTION_CONNECTION_LIMIT, total_conns, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)(16 * 1024), MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
        MHD_OPTION_STRICT_FOR_CLIENT, (int)1,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
        MHD_OPTION_END);
    if (!d) {
        writer_stop();
        defer_stop();
        http_limits_stop();
        return hg_fail(err, HG_IO, "listen_failed", "listen", "cannot listen on %s (in use or not permitted)",
                       cfg->listen);
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    unsigned port = di ? di->port : 0;
    char host[256];
    snprintf(host, sizeof host, "%.*s", (int)(strrchr(cfg->listen, ':') - cfg->listen), cfg->listen);
    printf("listening on http://%s:%u\n", host, port);
    fflush(stdout);
    char shown[512];   /* a PostgreSQL password must not reach the log (SECURITY.md §17) */
    db_url_redacted(db_get_url(), shown, sizeof shown);
    log_info("serving on %s:%u with %d threads, database %s", host, port, cfg->threads, shown);

    int sig = 0;
    sigwait(&set, &sig);
    log_info("signal %d: stopping", sig);
    /* no new connections; every queued write is finished and its connection resumed, since
     * libmicrohttpd must not be stopped with a connection suspended */
    MHD_quiesce_daemon(d);
    streams_close();
    writer_drain();
    defer_stop();   /* held requests resumed, and answered without waiting further */
    MHD_stop_daemon(d);
    writer_stop();
    http_limits_stop();
    log_info("stopped");
    return HG_OK;
}
