/* http.h — the HTTP server (libmicrohttpd thread pool), requests, routes and replies.
 *
 * Routes come from tables that the areas register; each route declares its access policy
 * (deny by default). The server reads the body (bounded), authenticates, checks the policy
 * and CSRF, calls the handler, adds the security headers, logs one access line and counts
 * the request in /metrics. Handlers see only `req`; they never touch libmicrohttpd. */
#ifndef HG_HTTP_H
#define HG_HTTP_H

#include <jansson.h>
#include <stddef.h>
#include <signal.h>
#include <stdint.h>

#include "auth.h"
#include "buf.h"
#include "ctx.h"
#include "db.h"
#include "http_limits.h"
#include "rc.h"

#define REQ_MAX_PARAMS 4

typedef struct req req;
struct record_type;
typedef hg_rc (*route_fn)(req *r, hg_err *err);

enum {
    ROUTE_PUBLIC = 1u << 0,   /* no authentication needed */
    ROUTE_NO_CSRF = 1u << 1,  /* state-changing but exempt from CSRF (sign-in) */
    ROUTE_RAW = 1u << 2,      /* the body is not JSON (handler reads r->body itself) */
    ROUTE_ANY_SCOPE = 1u << 4, /* any bearer token may call it, whatever its scopes (GET /me) */
    ROUTE_STREAM = 1u << 5,   /* the answer is a stream that does not end (text/event-stream):
                               * the docs show it, its tests read it, the docs check cannot
                               * wait for its status */
    ROUTE_FALLBACK = 1u << 6, /* a GET answering, instead of the JSON 404, a browser that asks
                               * for HTML at a path no route has (router_fallback); its
                               * pattern only names it */
    ROUTE_DIRECT = 1u << 3,   /* a write run on the request's own thread, not in the group
                               * commit (its handler spends long on the CPU: password hashing) */
    ROUTE_URGENT = 1u << 8,   /* a write someone stands waiting for (a gate's decision): the
                               * group commit writes it in a batch of its own, before the
                               * queued others (writer.c) */
    ROUTE_REPLICA = 1u << 7,  /* a GET that may read a slightly stale replica (serve --db-read):
                               * lists, statistics; its caller's own writes stay visible
                               * (read_after.h) */
    ROUTE_NATIONAL = 1u << 9, /* a route of the national installation (serve --national): a
                               * district server refuses it, and a national server refuses every
                               * write but these and the platform's own (sign-in, users) */
};

typedef struct route {
    const char *method;       /* "GET", "POST", "PATCH", "DELETE" */
    const char *pattern;      /* "/api/v1/enterprises/{uscc}" */
    /* The handler. For a write it runs in the group commit (writer.h) and may run twice (a
     * batch that fails is retried one by one): it has no effect outside the database. */
    route_fn fn;
    /* A write's first step, or NULL: run on the request's own thread before the write is
     * queued (parsing, checks that need no write); it leaves its work in r->prep for fn. */
    route_fn prepare;
    unsigned flags;           /* ROUTE_* */
    const char *scope;        /* area name a bearer token needs ("enterprises"), NULL = any */
    unsigned roles;           /* ROLE_* allowed */
    unsigned posts;           /* for officers: POST_* allowed; 0 = every officer */
    /* What the route reads and answers, for `haiguan routes`, the docs check and the route
     * check of test builds (a handler reading an undeclared query parameter, or answering
     * success with another status, is a bug the API suite then finds): */
    const struct record_type *body;   /* the record its JSON body is, or NULL */
    const char *query;        /* its query parameters, comma-separated, or NULL for none */
    int status;               /* its success status; 0 means 200 */
    int repeat_status;        /* the status of an idempotent repeat that writes nothing (a machine's
                               * retried report: 200 beside 201), or 0 for none */
    const char *summary;      /* one line for docs and `haiguan routes` */
} route;

struct req {
    const char *method;
    const char *path;
    const char *params[REQ_MAX_PARAMS];   /* values of {placeholders}, in order */
    const char *body;                     /* NUL-terminated; "" when none */
    size_t body_len;
    json_t *json;                         /* parsed body (JSON routes with a body), borrowed */
    const principal *who;                 /* NULL on public routes without credentials */
    principal principal;                  /* what who points to: it lives as long as the request,
                                           * which the access log line still reads */
    db *db;                               /* this thread's connection */
    const route *route;
    char request_id[24];
    char addr[64];                        /* client address: the TCP peer's, or behind the
                                           * trusted proxy the one it forwarded */
    int https;                            /* came over TLS through the trusted proxy */
    void *conn;                           /* the libmicrohttpd connection (http.c only) */
    /* the reply, set by the handler through the functions below */
    int status;
    buf out;
    const char *content_type;
    buf extra_headers;                    /* "Name: value\n" lines */
    json_t *reply;                        /* a JSON reply, written out when sent */
    void *prep;                           /* what prepare (or a deferred first call) left ... */
    void (*prep_free)(void *);            /* ... and how to free it when the request ends */
    /* a streamed reply (req_reply_stream) */
    long (*stream)(void *cls, char *out, size_t max);
    void (*stream_free)(void *cls);
    void *stream_cls;
    int64_t defer_ms;                     /* set by req_defer */
};

/* The session cookie's name: "__Host-hg_session" over TLS (Secure, host-only, Path=/: a
 * sibling domain cannot plant one), "hg_session" on plain HTTP (a developer's loopback). */
const char *req_session_cookie_name(const req *r);
/* A direct route's handler asks to be called again in ms milliseconds, with r->prep as it
 * left it, its reply unsent; the connection is held without a thread meanwhile (http_defer.h).
 * While the server stops it is called again at once. */
void req_defer(req *r, int64_t ms);
/* Query-string value or NULL. name must be one of the route's declared query parameters. */
const char *req_query(req *r, const char *name);
/* The first query parameter r was given that its route does not declare, or NULL; valid
 * while the request lasts (list routes refuse one: list_query.h). */
const char *req_query_undeclared(req *r);
/* Request header value or NULL. */
const char *req_header(req *r, const char *name);
/* Replies with JSON (takes ownership of body; NULL sends {}). */
hg_rc req_reply_json(req *r, int status, json_t *body);
/* A handler's last step: with rc HG_OK replies with out at status (as req_reply_json, which
 * takes out); else returns rc and leaves out alone (a store gives none on failure). */
hg_rc req_reply_rc(req *r, hg_rc rc, int status, json_t *out);
/* HG_OK when the request has a JSON object body (r->json), else HG_INVALID malformed_json:
 * what a write route that needs a body answers without one. */
hg_rc req_need_json(const req *r, hg_err *err);
/* The context of a change made for r (ctx.h): its connection, principal and request id, the
 * principal's name as actor ("anonymous" on a public route without credentials), the time now. */
hg_ctx req_ctx(const req *r);
/* Replies with bytes of a given type (copied). */
hg_rc req_reply_raw(req *r, int status, const char *content_type, const void *p, size_t n);
/* Forgets any reply set so far (the group-commit writer runs a request again). */
void req_reply_clear(req *r);
/* Adds a response header. */
hg_rc req_add_header(req *r, const char *name, const char *value);

/* Streamed replies (Server-Sent Events) on read routes. The reply's body is what fn writes,
 * called on the server's threads: it writes at most max bytes into out and returns how many,
 * or REQ_STREAM_WAIT when it has nothing to send now (the connection is then suspended, and
 * fn called again after the next http_streams_wake: it never blocks a server thread), or
 * REQ_STREAM_END to end the reply. free_fn(cls) is called once the reply is over (or was never
 * sent). At most HTTP_STREAMS_MAX streams are open at once: beyond them HG_TOOMANY (free_fn
 * has then been called), so that streams cannot take the server's connections from requests. */
#define REQ_STREAM_WAIT 0
#define REQ_STREAM_END (-1)
#define HTTP_STREAMS_MAX 64
hg_rc req_reply_stream(req *r, int status, const char *content_type, long (*fn)(void *cls, char *out, size_t max),
                       void (*free_fn)(void *cls), void *cls, hg_err *err);
/* Resumes every waiting stream, whose fn is then called again (any thread; quick). */
void http_streams_wake(void);
/* Streams open now, and as a Prometheus gauge (haiguan_event_streams) for /metrics. */
int http_streams_open(void);
hg_rc http_streams_metrics_render(buf *b);

/* The route tables of the program, NULL-terminated list of arrays terminated by a
 * route with method == NULL. Set once before http_serve. */
typedef struct http_config {
    const char *listen;          /* "127.0.0.1:8080"; port 0 picks a free one */
    int threads;
    size_t max_body;             /* bytes, default 1 MiB */
    const route *const *routes;
    const char *assets_dir;      /* serve console assets from disk (development), or NULL */
    http_limits_config limits;   /* connections per address and in all, request deadline */
    int national;                /* serve --national: headquarters above the districts */
} http_config;

/* The directory given to `serve --assets` (console files read from disk), or NULL when the
 * embedded console is served. Static storage; set once before the server starts. */
const char *http_assets_dir(void);

/* Blocks SIGTERM and SIGINT in the calling thread (and every thread it starts after), which
 * http_serve then waits for; set (or NULL) receives them. The server's own threads (jobs,
 * webhook workers, libmicrohttpd's) must be started after it: a thread that inherits an
 * unblocked mask can take a stop signal's default action and end the process uncleanly. */
void http_signals_block(sigset_t *set);
/* Runs the server until SIGTERM or SIGINT; prints "listening on http://HOST:PORT" to
 * stdout once bound. Returns HG_OK after a clean stop. */
hg_rc http_serve(const http_config *cfg, hg_err *err);

/* Matches method and path against the tables; fills params. Exposed for tests.
 * Returns the route, or NULL with *method_mismatch set when the path exists under
 * another method. */
const route *router_match(const route *const *tables, const char *method, const char *path,
                          const char *params[REQ_MAX_PARAMS], char *scratch, size_t scratch_len,
                          int *method_mismatch);

/* The route flagged ROUTE_FALLBACK that answers method and path when no route matched them,
 * or NULL: only for GET outside /api/, from a client whose Accept names text/html (a
 * browser navigating to a mistyped address gets the console's own "not found" page; an API
 * client keeps its JSON 404). Pure. */
const route *router_fallback(const route *const *tables, const char *method, const char *path, const char *accept);

/* Policy decision for principal p (NULL = anonymous) on route rt: HG_OK, HG_UNAUTH or
 * HG_FORBIDDEN. Pure; exposed for the authorization matrix tests. */
hg_rc route_allows(const route *rt, const principal *p);
/* What authenticating gave (auth_rc) means for route rt: HG_OK to go on (anonymously when it
 * failed), else the error to answer. A public route goes on past wrong credentials (signing in
 * must work with a stale cookie), never past a database fault, which is answered as one. Pure. */
hg_rc route_auth_outcome(const route *rt, hg_rc auth_rc);

#endif
