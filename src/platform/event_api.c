/* event_api.c — the events' HTTP side: the pull feed GET /api/v1/events and the
 * Server-Sent Events stream GET /api/v1/events/stream, with the visibility rule both share
 * (an enterprise sees only its own objects' events; officers of the posts whose areas emit
 * them, managers, administrators and system tokens with the "events" scope see all), and the
 * module record that registers the outbox's migration and the routes.
 *
 * A stream never holds a server thread: when it has nothing to send its connection is
 * suspended (req_reply_stream), and one notifier thread resumes every stream when an event
 * becomes durable (it waits on event_wait, woken by the emit's post-commit effect) or when a
 * heartbeat is due; the stream then reads the outbox after the last seq it sent. Events
 * committed by another server reach its streams at the next heartbeat. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "event.h"
#include "json_canon.h"
#include "log.h"
#include "mem.h"
#include "module.h"
#include "record.h"

#define STREAM_HEARTBEAT_MS 15000   /* an idle stream's comment line at most this far apart keeps proxies and
                                     * clients sure; and how often a stream looks for other servers' events */
#define STREAM_TICK_MS (STREAM_HEARTBEAT_MS / 3)   /* the notifier wakes every stream at least this often */
#define STREAM_BATCH 50             /* events read per look at the outbox */
#define STREAM_PENDING_MAX (4u << 20)

/* ---- who sees what ---- */

/* The enterprise whose events r's principal may see (its USCC), or NULL for all events.
 * HG_FORBIDDEN for an enterprise user bound to no enterprise. Pure over the principal. */
static hg_rc visible_enterprise(const req *r, const char **out, hg_err *err)
{
    *out = NULL;
    if (r->who->role != ROLE_ENTERPRISE)
        return HG_OK;   /* the route's policy let only the right officers and machines this far */
    if (!r->who->enterprise[0])
        return hg_fail(err, HG_FORBIDDEN, "forbidden", NULL, "this account is bound to no enterprise");
    *out = r->who->enterprise;
    return HG_OK;
}

/* A sequence number from the query or a header: an integer >= 0; absent leaves *out. */
static hg_rc parse_seq(const char *s, const char *field, int64_t *out, hg_err *err)
{
    if (!s)
        return HG_OK;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || v < 0 || errno == ERANGE)
        return hg_fail(err, HG_INVALID, "invalid", field, "%s must be an event sequence number (an integer >= 0)",
                       field);
    *out = v;
    return HG_OK;
}

/* ---- the pull feed ---- */

typedef struct feed {
    json_t *items;
    int64_t last;
    int failed;
} feed;

static int feed_row(const event_row *e, void *cls)
{
    feed *f = cls;
    json_t *o = event_row_json(e);
    if (!o || json_array_append_new(f->items, o)) {
        f->failed = 1;
        return 1;
    }
    f->last = e->seq;
    return 0;
}

static hg_rc events_feed_api(req *r, hg_err *err)
{
    const char *enterprise;
    int64_t after = 0, before = -1;
    int limit;
    hg_rc rc = visible_enterprise(r, &enterprise, err);
    if (!rc)
        rc = parse_seq(req_query(r, "after"), "after", &after, err);
    if (!rc)
        rc = parse_seq(req_query(r, "before"), "before", &before, err);
    if (!rc && before >= 0 && req_query(r, "after"))
        rc = hg_fail(err, HG_INVALID, "invalid", "before", "give after (oldest first) or before (newest first), not both");
    if (!rc)
        rc = record_parse_limit(req_query(r, "limit"), &limit, err);
    if (rc)
        return rc;
    feed f = {json_array(), before >= 0 ? before : after, 0};
    if (!f.items)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    rc = before >= 0 ? event_read_before(r->db, before, limit, enterprise, feed_row, &f, err)
                     : event_read_after(r->db, after, limit, enterprise, feed_row, &f, err);
    if (!rc && f.failed)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (rc) {
        json_decref(f.items);
        return rc;
    }
    /* next_after: where the next page starts (with fewer than limit items the feed is read to
     * its end for now); last_seq: the newest event the caller may see, to start from now */
    int64_t newest = 0;
    if ((rc = event_newest_seq(r->db, enterprise, &newest, err))) {
        json_decref(f.items);
        return rc;
    }
    json_t *out = json_pack("{s:o, s:I, s:I}", "items", f.items, before >= 0 ? "next_before" : "next_after",
                            (json_int_t)f.last, "last_seq", (json_int_t)newest);
    return out ? req_reply_json(r, 200, out) : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
}

/* ---- the stream ---- */

typedef struct event_stream {
    char enterprise[32];   /* "" for all events */
    int64_t after;         /* the last seq sent (or the one to start after) */
    int64_t checked;       /* event_durable_seq() when the outbox was last read to its end */
    int64_t last_look_ms, last_write_ms;
    buf pending;           /* written, not yet handed to the connection */
    size_t sent;           /* bytes of pending handed over */
    int rows;              /* events written by the last look */
    int64_t cap;           /* this look sends no event past this seq (0: no bound) */
    int failed;
} event_stream;

static int stream_row(const event_row *e, void *cls)
{
    event_stream *s = cls;
    if (s->cap && e->seq > s->cap)
        return 1;   /* committed, but not yet known durable: the next wake sends it */
    char *data = NULL;
    json_t *o = event_row_json(e);
    if (o)
        data = json_canon_text(o);
    json_decref(o);
    /* canonical JSON has no raw newline, so one data: line carries it */
    if (!data || buf_appendf(&s->pending, "id: %lld\nevent: %s\ndata: %s\n\n", (long long)e->seq, e->type, data)) {
        s->failed = 1;
        xfree(data);
        return 1;
    }
    xfree(data);
    s->after = e->seq;
    s->rows++;
    return 0;
}

/* Reads the outbox after s->after when something new may be there: when this process made
 * more events durable (then only up to them: a reader may see a commit the syncer has not yet
 * flushed), or at the heartbeat (then all it sees: events of other servers and commands, whose
 * commits were durable when they returned). */
static void stream_look(event_stream *s, int64_t now)
{
    int64_t durable = event_durable_seq();
    int heartbeat = now - s->last_look_ms >= STREAM_HEARTBEAT_MS;
    if (durable <= s->checked && !heartbeat)
        return;
    s->cap = heartbeat ? 0 : durable;
    hg_err err;
    db *d = db_thread(&err);
    if (!d) {
        s->failed = 1;
        return;
    }
    s->rows = 0;
    if (event_read_after(d, s->after, STREAM_BATCH, s->enterprise[0] ? s->enterprise : NULL, stream_row, s, &err)) {
        log_warn("event stream: %s", err.message);
        s->failed = 1;
        return;
    }
    s->last_look_ms = now;
    /* a full batch may have more behind it: look again at the next call */
    if (s->rows < STREAM_BATCH)
        s->checked = durable;
}

static long stream_fn(void *cls, char *out, size_t max)
{
    event_stream *s = cls;
    int64_t now = now_ms();
    if (s->sent == s->pending.len) {
        buf_reset(&s->pending);
        s->sent = 0;
        stream_look(s, now);
        if (s->failed)
            return REQ_STREAM_END;   /* the client reconnects with Last-Event-ID */
        /* the next tick may come up to STREAM_TICK_MS late: write the line one tick early */
        if (s->pending.len == 0 && now - s->last_write_ms >= STREAM_HEARTBEAT_MS - STREAM_TICK_MS &&
            buf_puts(&s->pending, ": heartbeat\n\n"))
            return REQ_STREAM_END;
        if (s->pending.len == 0)
            return REQ_STREAM_WAIT;
    }
    size_t n = s->pending.len - s->sent;
    if (n > max)
        n = max;
    memcpy(out, s->pending.data + s->sent, n);
    s->sent += n;
    s->last_write_ms = now;
    return (long)n;
}

static void stream_free(void *cls)
{
    event_stream *s = cls;
    buf_free(&s->pending);
    xfree(s);
}

/* The notifier: wakes the streams when an event becomes durable, and at each tick. One
 * per process, started with the first stream; it ends with the process. */
static pthread_once_t notifier_once = PTHREAD_ONCE_INIT;

static void *notifier_main(void *arg)
{
    (void)arg;
    pthread_setname_np(pthread_self(), "hg-events");
    int64_t seen = event_durable_seq();
    for (;;) {
        seen = event_wait(seen, STREAM_TICK_MS);
        http_streams_wake();
    }
    return NULL;
}

static void notifier_start(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, notifier_main, NULL) == 0)
        pthread_detach(t);
    else
        log_error("events: cannot start the stream notifier; streams are woken only by their clients");
}

static hg_rc events_stream_api(req *r, hg_err *err)
{
    const char *enterprise;
    int64_t after = -1;
    hg_rc rc = visible_enterprise(r, &enterprise, err);
    /* where to start: after the last event the client saw (Last-Event-ID, sent by
     * EventSource when it reconnects), else after ?after=, else after the newest event */
    if (!rc)
        rc = parse_seq(req_query(r, "after"), "after", &after, err);
    if (!rc)
        rc = parse_seq(req_header(r, "Last-Event-ID"), "Last-Event-ID", &after, err);
    if (!rc && after < 0)
        rc = event_newest_seq(r->db, enterprise, &after, err);
    if (rc)
        return rc;
    event_stream *s = xcalloc(1, sizeof *s);
    if (!s)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    snprintf(s->enterprise, sizeof s->enterprise, "%s", enterprise ? enterprise : "");
    s->after = after;
    s->checked = -1;
    buf_init(&s->pending, STREAM_PENDING_MAX);
    s->last_write_ms = now_ms();
    /* the first bytes: how soon to reconnect, and where this stream starts */
    if (buf_appendf(&s->pending, "retry: 3000\n: events after %lld\n\n", (long long)after)) {
        stream_free(s);
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    pthread_once(&notifier_once, notifier_start);
    return req_reply_stream(r, 200, "text/event-stream; charset=utf-8", stream_fn, stream_free, s, err);
}

/* ---- the retention purge (a job) ---- */

static int retention_days = EVENT_RETENTION_DAYS;   /* set once at start-up, before the scheduler */

void event_set_retention_days(int days) { retention_days = days; }
int event_retention_days(void) { return retention_days; }

static hg_rc purge_job(db *d, hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = event_purge(d, retention_days, &n, err);
    if (!rc && n)
        log_info("events: purged %lld events older than %d days", (long long)n, retention_days);
    return rc;
}

static const hg_job event_jobs[] = {
    {"events.purge", "delete events older than the retention (serve --event-days, default 30)", 3600, purge_job},
    {NULL, NULL, 0, NULL},
};

/* ---- registration ---- */

/* The posts whose areas emit the first events; a manager reads them as every read route. */
#define EVENT_POSTS (POST_CLEARANCE | POST_RISK | POST_INSPECTION | POST_TAX | POST_GATE | POST_QUARANTINE)
#define EVENT_ROLES (ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE | ROLE_SYSTEM)

static const route event_routes[] = {
    {.method = "GET", .pattern = "/api/v1/events", .fn = events_feed_api,
     .scope = "events", .roles = EVENT_ROLES, .posts = EVENT_POSTS,
     .query = "after,before,limit",
     .summary = "Events after a sequence number (an enterprise sees its own)"},
    {.method = "GET", .pattern = "/api/v1/events/stream", .fn = events_stream_api,
     .flags = ROUTE_STREAM, .scope = "events", .roles = EVENT_ROLES, .posts = EVENT_POSTS,
     .query = "after",
     .summary = "Server-Sent Events stream of new events (Last-Event-ID resumes)"},
    {0},
};

static const hg_scope event_scopes[] = {
    {"events", "the event feed and stream (an enterprise's token: its own events)"},
    {NULL, NULL},
};

const hg_module event_module = {
    .name = "events",
    .summary = "events in the transaction: the outbox, its feed and its stream",
    .migrations = event_migrations,
    .migrations_first = 20,
    .migrations_last = 29,
    .routes = event_routes,
    .scopes = event_scopes,
    .jobs = event_jobs,
};
