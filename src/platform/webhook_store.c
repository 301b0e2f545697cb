/* webhook_store.c — the webhooks' tables and SQL (webhook_store.h): endpoints, one delivery
 * row per event and endpoint written in the event's transaction (so a delivery is never lost
 * nor made up: it commits or rolls back with its event), the delivery log and replay, and the
 * claim and record of each attempt.
 *
 * A delivery row is the message: its msg_id ("msg_<endpoint>_<seq>") is the webhook-id of
 * every attempt, and it is marked delivered only after the receiver's 2xx, in a transaction
 * of its own: a server killed before that mark tries the message again after its restart
 * (the receiver tells the repeat by its webhook-id, as the specification asks). */
#include "webhook_store.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "jobs.h"
#include "json_canon.h"
#include "log.h"
#include "mem.h"
#include "refdata.h"

const migration webhook_migrations[] = {
    {50, "webhook endpoints and deliveries",
     "CREATE TABLE webhook_endpoints ("
     " id @IDPK,"
     " enterprise TEXT NOT NULL,"
     " url TEXT NOT NULL,"
     " event_types TEXT NOT NULL DEFAULT ''," /* comma list of patterns; '' takes every event */
     " description TEXT NOT NULL DEFAULT '',"
     " secret TEXT NOT NULL,"
     " disabled_ms BIGINT NOT NULL DEFAULT 0," /* 0: active */
     " disabled_reason TEXT,"
     " created_by TEXT NOT NULL,"
     " created_ms BIGINT NOT NULL);"
     "CREATE INDEX webhook_endpoints_enterprise ON webhook_endpoints (enterprise);"
     "CREATE TABLE webhook_deliveries ("
     " id @IDPK,"
     " endpoint_id BIGINT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,"
     " seq BIGINT NOT NULL,"
     " event_type TEXT NOT NULL,"
     " msg_id TEXT NOT NULL,"
     " status TEXT NOT NULL," /* pending, delivered, failed */
     " attempts BIGINT NOT NULL DEFAULT 0,"
     " first_attempt_ms BIGINT NOT NULL DEFAULT 0,"
     " next_attempt_ms BIGINT NOT NULL DEFAULT 0,"
     " last_attempt_ms BIGINT NOT NULL DEFAULT 0,"
     " last_status BIGINT NOT NULL DEFAULT 0," /* HTTP status of the last answer, 0: none */
     " last_error TEXT,"
     " delivered_ms BIGINT NOT NULL DEFAULT 0,"
     " created_ms BIGINT NOT NULL,"
     " UNIQUE (endpoint_id, seq));"
     "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_ms);",
     NULL, NULL},
    /* every event looks up its enterprise's endpoints: versioned like reference data, so that
     * the server keeps the enabled ones in memory (subscribers_of) */
    {51, "a version of the webhook endpoints", REFDATA_REGISTER(webhook_endpoints),
     REFDATA_TRIGGERS_SQLITE(webhook_endpoints), REFDATA_TRIGGERS_PG(webhook_endpoints)},
    {0, NULL, NULL, NULL, NULL},
};

/* ---- shapes ---- */

static json_t *time_or_null(int64_t ms)
{
    if (!ms)
        return json_null();
    char at[40];
    time_format_rfc3339(ms, at, sizeof at);
    return json_string(at);
}

/* The event types of a comma list as a JSON array ([] for all). */
static json_t *types_json(const char *csv)
{
    json_t *a = json_array();
    const char *p = csv;
    while (a && p && *p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        json_array_append_new(a, json_stringn(p, n));
        p = comma ? comma + 1 : NULL;
    }
    return a;
}

/* 1 when the endpoint's filter (a comma list of event.h patterns, "" for all) takes type. */
static int filter_takes(const char *csv, const char *type)
{
    if (!csv || !*csv)
        return 1;
    const char *p = csv;
    while (p && *p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char one[80];
        if (n < sizeof one) {
            memcpy(one, p, n);
            one[n] = '\0';
            if (event_type_matches(one, type))
                return 1;
        }
        p = comma ? comma + 1 : NULL;
    }
    return 0;
}

#define ENDPOINT_COLUMNS "id, url, event_types, description, disabled_ms, disabled_reason, created_ms"

static json_t *endpoint_json(db_stmt *s)
{
    int64_t disabled = db_col_int(s, 4);
    return json_pack("{s:I, s:s, s:o, s:s, s:s, s:s?, s:o, s:o}", "id", (json_int_t)db_col_int(s, 0), "url",
                     db_col_text(s, 1), "event_types", types_json(db_col_text(s, 2)), "description", db_col_text(s, 3),
                     "status", disabled ? "disabled" : "active", "disabled_reason", db_col_text(s, 5), "disabled_at",
                     time_or_null(disabled), "created_at", time_or_null(db_col_int(s, 6)));
}

static void wake_sender(void *cls)
{
    (void)cls;
    jobs_wake("webhooks.deliver");
}

/* ---- endpoints ---- */

hg_rc webhook_endpoint_create(const hg_ctx *c, const char *enterprise, const char *url, const char *types,
                              const char *description, const char *secret, json_t **out, hg_err *err)
{
    db *d = c->d;
    int64_t count = 0, id = 0;
    json_t *after = NULL;
    *out = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = db_int(d, &count, err, "SELECT COUNT(*) FROM webhook_endpoints WHERE enterprise = ?", "t", enterprise);
    if (!rc && count >= WEBHOOK_ENDPOINTS_MAX)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "url", "an enterprise may register at most %d webhooks",
                     WEBHOOK_ENDPOINTS_MAX);
    if (!rc)
        rc = db_int(d, &id, err,
                    "INSERT INTO webhook_endpoints (enterprise, url, event_types, description, secret, created_by,"
                    " created_ms) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    "tttttti", enterprise, url, types, description, secret, c->actor, c->now_ms);
    db_stmt *s = NULL;
    if (!rc)
        rc = db_query(d, &s, err, "SELECT " ENDPOINT_COLUMNS " FROM webhook_endpoints WHERE id = ?", "i", id);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        after = endpoint_json(s);
        if (!after)
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_DB, NULL, NULL, "the new webhook is not there");
    }
    if (s)
        db_reset(s);
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)id);
    /* the audit row holds the endpoint without its secret */
    rc = audit_commit(c, rc, "webhook.create", "webhook", key, NULL, after, err);
    if (rc) {
        json_decref(after);
        return rc;
    }
    json_object_set_new(after, "secret", json_string(secret));
    *out = after;
    return HG_OK;
}

hg_rc webhook_endpoint_list(db *d, const char *enterprise, json_t **out, hg_err *err)
{
    json_t *items = json_array();
    if (!items)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    db_stmt *s = NULL;
    hg_rc rc =
        db_query(d, &s, err, "SELECT " ENDPOINT_COLUMNS " FROM webhook_endpoints WHERE enterprise = ? ORDER BY id", "t",
                 enterprise);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        if (json_array_append_new(items, endpoint_json(s)))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    if (s)
        db_reset(s);
    if (rc != HG_DONE && rc != HG_OK) {
        json_decref(items);
        return rc;
    }
    *out = json_pack("{s:o}", "items", items);
    return *out ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
}

/* The endpoint id of enterprise, its filter (copied into types) and whether it is disabled;
 * HG_NOTFOUND when it is not the enterprise's (another's answers the same: SECURITY.md §7). */
static hg_rc endpoint_of(db *d, const char *enterprise, int64_t id, char *types, size_t n, int *disabled, hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc =
        db_query(d, &s, err, "SELECT event_types, disabled_ms FROM webhook_endpoints WHERE id = ? AND enterprise = ?",
                 "it", id, enterprise);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        if (types)
            snprintf(types, n, "%s", db_col_text(s, 0));
        if (disabled)
            *disabled = db_col_int(s, 1) != 0;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such webhook");
    }
    if (s)
        db_reset(s);
    return rc;
}

hg_rc webhook_endpoint_delete(const hg_ctx *c, const char *enterprise, int64_t id, hg_err *err)
{
    db *d = c->d;
    json_t *before = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    db_stmt *s = NULL;
    rc = db_query(d, &s, err, "SELECT " ENDPOINT_COLUMNS " FROM webhook_endpoints WHERE id = ? AND enterprise = ?",
                  "it", id, enterprise);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        before = endpoint_json(s);
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such webhook");
    }
    if (s)
        db_reset(s);
    /* the log goes with it (ON DELETE CASCADE does it too, where foreign keys are on) */
    if (!rc)
        rc = db_run(d, err, "DELETE FROM webhook_deliveries WHERE endpoint_id = ?", "i", id);
    if (!rc)
        rc = db_run(d, err, "DELETE FROM webhook_endpoints WHERE id = ?", "i", id);
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)id);
    rc = audit_commit(c, rc, "webhook.delete", "webhook", key, before, NULL, err);
    json_decref(before);
    return rc;
}

/* ---- the delivery log ---- */

hg_rc webhook_deliveries_list(db *d, const char *enterprise, int64_t id, int64_t before, int limit, json_t **out,
                              hg_err *err)
{
    hg_rc rc = endpoint_of(d, enterprise, id, NULL, 0, NULL, err);
    if (rc)
        return rc;
    json_t *items = json_array();
    if (!items)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    db_stmt *s = NULL;
    int64_t last = 0;
    rc = db_query(d, &s, err,
                  "SELECT msg_id, seq, event_type, status, attempts, last_status, last_error, last_attempt_ms,"
                  " next_attempt_ms, delivered_ms FROM webhook_deliveries WHERE endpoint_id = ? AND seq < ?"
                  " ORDER BY seq DESC LIMIT ?",
                  "iii", id, before > 0 ? before : INT64_MAX, (int64_t)limit);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        const char *status = db_col_text(s, 3);
        int64_t code = db_col_int(s, 5);
        last = db_col_int(s, 1);
        json_t *o = json_pack("{s:s, s:I, s:s, s:s, s:I, s:o, s:s?, s:o, s:o, s:o}", "msg_id", db_col_text(s, 0), "seq",
                              (json_int_t)last, "event_type", db_col_text(s, 2), "status", status, "attempts",
                              (json_int_t)db_col_int(s, 4), "last_status", code ? json_integer(code) : json_null(),
                              "last_error", db_col_text(s, 6), "last_attempt_at", time_or_null(db_col_int(s, 7)),
                              "next_attempt_at", time_or_null(strcmp(status, "pending") == 0 ? db_col_int(s, 8) : 0),
                              "delivered_at", time_or_null(db_col_int(s, 9)));
        if (json_array_append_new(items, o))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    if (s)
        db_reset(s);
    if (rc != HG_DONE && rc != HG_OK) {
        json_decref(items);
        return rc;
    }
    *out = json_pack("{s:o, s:I}", "items", items, "next_before", (json_int_t)last);
    return *out ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
}

/* ---- queueing: the subscriber and replay ---- */

/* Writes (or queues again, now) the delivery of event seq of type to endpoint id. */
static hg_rc queue_one(db *d, int64_t id, int64_t seq, const char *type, int64_t now, hg_err *err)
{
    char msg_id[64];
    snprintf(msg_id, sizeof msg_id, "msg_%lld_%lld", (long long)id, (long long)seq);
    return db_run(d, err,
                  "INSERT INTO webhook_deliveries (endpoint_id, seq, event_type, msg_id, status, next_attempt_ms,"
                  " created_ms) VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (endpoint_id, seq) DO UPDATE SET"
                  " status = 'pending', next_attempt_ms = excluded.next_attempt_ms, attempts = 0,"
                  " first_attempt_ms = 0, delivered_ms = 0",
                  "iittii", id, seq, type, msg_id, now, now);
}

#define SUBSCRIBER_ENDPOINTS WEBHOOK_ENDPOINTS_MAX

/* The enabled endpoints in memory, as of the table's version (one read of the versions per
 * writer batch, refdata.c): an event of an enterprise with no webhook, the common case, costs
 * no query, and one with webhooks none but its delivery rows. */
typedef struct subscriber {
    int64_t id;
    char *enterprise, *types;
} subscriber;

static void subscriber_free(void *row)
{
    subscriber *r = row;
    xfree(r->enterprise);
    xfree(r->types);
}

static hg_rc subscriber_read(db_stmt *s, void *row, hg_err *err)
{
    subscriber *r = row;
    r->id = db_col_int(s, 0);
    r->enterprise = xstrdup(db_col_text(s, 1));
    r->types = xstrdup(db_col_text(s, 2));
    return r->enterprise && r->types ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
}

static row_cache subscribers = ROW_CACHE_INIT(
    "webhook_endpoints", "SELECT id, enterprise, event_types FROM webhook_endpoints WHERE disabled_ms = 0 ORDER BY id",
    subscriber, subscriber_read, subscriber_free, NULL);

typedef struct subscriber_lookup {
    const char *enterprise, *type;
    int64_t *ids;
    int *n;
} subscriber_lookup;

static hg_rc subscribers_taking(const void *rows, size_t n, void *cls, hg_err *err)
{
    (void)err;
    subscriber_lookup *q = cls;
    const subscriber *r = rows;
    for (size_t i = 0; i < n && *q->n < SUBSCRIBER_ENDPOINTS; i++)
        if (strcmp(r[i].enterprise, q->enterprise) == 0 && filter_takes(r[i].types, q->type))
            q->ids[(*q->n)++] = r[i].id;
    return HG_OK;
}

/* The ids of enterprise's enabled endpoints whose filter takes type, in id order. */
static hg_rc subscribers_of(db *d, const char *enterprise, const char *type, int64_t *ids, int *n, hg_err *err)
{
    *n = 0;
    subscriber_lookup q = {enterprise, type, ids, n};
    return row_cache_with(d, &subscribers, subscribers_taking, &q, err);
}

hg_rc webhook_on_event(db *d, const event_row *e, hg_err *err)
{
    if (!e->enterprise)
        return HG_OK; /* an internal event: no enterprise's webhook takes it */
    int64_t ids[SUBSCRIBER_ENDPOINTS];
    int n = 0;
    hg_rc rc = subscribers_of(d, e->enterprise, e->type, ids, &n, err);
    int64_t now = now_ms();
    for (int i = 0; i < n && !rc; i++)
        rc = queue_one(d, ids[i], e->seq, e->type, now, err);
    if (!rc && n)
        rc = db_after_commit(d, wake_sender, NULL, NULL, err);
    return rc;
}

typedef struct replay_page {
    int64_t seq[1000];
    char type[1000][64];
    int n;
    int64_t last;
} replay_page;

static int replay_row(const event_row *e, void *cls)
{
    replay_page *p = cls;
    p->seq[p->n] = e->seq;
    snprintf(p->type[p->n], sizeof p->type[0], "%s", e->type);
    p->n++;
    p->last = e->seq;
    return 0;
}

#define REPLAY_MAX 10000

hg_rc webhook_replay(const hg_ctx *c, const char *enterprise, int64_t id, int64_t from_seq, const char *msg_id,
                     int64_t *queued, hg_err *err)
{
    db *d = c->d;
    char types[1024];
    int disabled = 0;
    int64_t n = 0;
    replay_page *page = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = endpoint_of(d, enterprise, id, types, sizeof types, &disabled, err);
    if (!rc && disabled)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "id", "the webhook is disabled; register it again");
    if (!rc && msg_id) {
        rc = db_run(d, err,
                    "UPDATE webhook_deliveries SET status = 'pending', next_attempt_ms = ?, attempts = 0,"
                    " first_attempt_ms = 0, delivered_ms = 0 WHERE endpoint_id = ? AND msg_id = ?",
                    "iit", c->now_ms, id, msg_id);
        if (!rc && (n = db_changes(d)) == 0)
            rc = hg_fail(err, HG_NOTFOUND, "not_found", "msg_id", "no such message of this webhook");
    } else if (!rc) {
        page = xmalloc(sizeof *page);
        if (!page)
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        int64_t after = from_seq, seen = 0;
        while (!rc && seen < REPLAY_MAX) {
            page->n = 0;
            rc = event_read_after(d, after, 1000, enterprise, replay_row, page, err);
            for (int i = 0; i < page->n && !rc; i++)
                if (filter_takes(types, page->type[i])) {
                    rc = queue_one(d, id, page->seq[i], page->type[i], c->now_ms, err);
                    n++;
                }
            seen += page->n;
            if (page->n < 1000)
                break;
            after = page->last;
        }
    }
    if (!rc && n)
        rc = db_after_commit(d, wake_sender, NULL, NULL, err);
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)id);
    json_t *after =
        json_pack("{s:I, s:s?, s:I}", "from_seq", (json_int_t)from_seq, "msg_id", msg_id, "queued", (json_int_t)n);
    rc = audit_commit(c, rc, "webhook.replay", "webhook", key, NULL, after, err);
    json_decref(after);
    xfree(page);
    if (!rc)
        *queued = n;
    return rc;
}

/* ---- the sender's side ---- */

void webhook_message_free(webhook_message *m)
{
    xfree(m->url);
    xfree(m->secret);
    xfree(m->body);
    memset(m, 0, sizeof *m);
}

static char *dup_text(const char *s)
{
    size_t n = strlen(s ? s : "");
    char *p = xmalloc(n + 1);
    if (p)
        memcpy(p, s ? s : "", n + 1);
    return p;
}

hg_rc webhook_claim(db *d, int64_t now, int64_t lease_until, int (*busy)(void *cls, int64_t endpoint_id), void *cls,
                    webhook_message *out, int max, int *n, hg_err *err)
{
    *n = 0;
    int64_t next[64];
    int purged[64];
    if (max > 64)
        max = 64;
    db_stmt *s = NULL;
    /* the oldest due message of each endpoint; the most overdue endpoints first */
    hg_rc rc =
        db_query(d, &s, err,
                 "SELECT w.id, w.endpoint_id, w.seq, w.msg_id, w.attempts, w.first_attempt_ms, w.next_attempt_ms,"
                 " e.url, e.secret, o.seq, o.at_ms, o.type, o.subject_kind, o.subject_id, o.enterprise,"
                 " o.actor, o.request_id, o.data"
                 " FROM (SELECT endpoint_id, MIN(seq) AS seq FROM webhook_deliveries"
                 "       WHERE status = 'pending' AND next_attempt_ms <= ? GROUP BY endpoint_id) f"
                 " JOIN webhook_deliveries w ON w.endpoint_id = f.endpoint_id AND w.seq = f.seq"
                 " JOIN webhook_endpoints e ON e.id = w.endpoint_id"
                 " LEFT JOIN event_outbox o ON o.seq = w.seq"
                 " WHERE e.disabled_ms = 0 ORDER BY w.next_attempt_ms, w.id LIMIT ?",
                 "ii", now, (int64_t)(max * 2));
    int k = 0;
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        if (k >= max)
            break;
        int64_t endpoint = db_col_int(s, 1);
        if (busy && busy(cls, endpoint))
            continue;
        webhook_message *m = &out[k];
        memset(m, 0, sizeof *m);
        m->delivery_id = db_col_int(s, 0);
        m->endpoint_id = endpoint;
        m->seq = db_col_int(s, 2);
        snprintf(m->msg_id, sizeof m->msg_id, "%s", db_col_text(s, 3));
        m->attempts = (int)db_col_int(s, 4);
        m->first_ms = db_col_int(s, 5);
        next[k] = db_col_int(s, 6);
        purged[k] = db_col_null(s, 9);
        m->url = dup_text(db_col_text(s, 7));
        m->secret = dup_text(db_col_text(s, 8));
        if (!purged[k]) {
            event_row e = {db_col_int(s, 9),   db_col_int(s, 10),  db_col_text(s, 11),
                           db_col_text(s, 12), db_col_text(s, 13), db_col_text(s, 14),
                           db_col_text(s, 15), db_col_text(s, 16), db_col_text(s, 17)};
            json_t *o = event_row_json(&e);
            m->body = o ? json_canon_text(o) : NULL;
            json_decref(o);
        }
        k++;
        if (!m->url || !m->secret || (!purged[k - 1] && !m->body))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    if (s)
        db_reset(s);
    if (rc == HG_DONE || rc == HG_ROW)
        rc = HG_OK;
    /* each claim is one statement: only the server whose UPDATE changed the row sends it. Its
     * commit is also what makes sending safe on SQLite: the group-commit writer's commits are
     * visible before its syncer has flushed them, but this connection commits with
     * synchronous=FULL, and one flush of the WAL makes every frame before it durable, the
     * event and its delivery row included; no message leaves for an event a power cut could
     * still take back. */
    int kept = 0;
    for (int i = 0; i < k; i++) {
        int mine = 0;
        if (!rc && purged[i])
            rc = db_run(d, err,
                        "UPDATE webhook_deliveries SET status = 'failed', last_error = 'the event was purged'"
                        " WHERE id = ? AND status = 'pending'",
                        "i", out[i].delivery_id);
        else if (!rc)
            rc = db_run(d, err,
                        "UPDATE webhook_deliveries SET next_attempt_ms = ? WHERE id = ? AND status = 'pending'"
                        " AND next_attempt_ms = ?",
                        "iii", lease_until, out[i].delivery_id, next[i]);
        mine = !rc && !purged[i] && db_changes(d) == 1;
        if (mine) {
            if (kept != i)
                out[kept] = out[i];
            kept++;
        } else {
            webhook_message_free(&out[i]);
        }
    }
    for (int i = kept; i < k; i++)
        memset(&out[i], 0, sizeof out[i]);
    if (rc) {
        for (int i = 0; i < kept; i++)
            webhook_message_free(&out[i]);
        kept = 0;
    }
    *n = kept;
    return rc;
}

hg_rc webhook_record(db *d, const webhook_message *m, int64_t start_ms, long status, const char *error, int64_t unit_ms,
                     char *outcome, hg_err *err)
{
    int64_t now = now_ms(), first = m->first_ms ? m->first_ms : start_ms;
    int attempts = m->attempts + 1;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    if (status >= 200 && status < 300) {
        *outcome = 'd';
        rc = db_run(d, err,
                    "UPDATE webhook_deliveries SET status = 'delivered', attempts = ?, first_attempt_ms = ?,"
                    " last_attempt_ms = ?, last_status = ?, last_error = NULL, delivered_ms = ?"
                    " WHERE id = ? AND status = 'pending'",
                    "iiiiii", (int64_t)attempts, first, start_ms, (int64_t)status, now, m->delivery_id);
    } else {
        int64_t delay = status == 410 ? -1 : webhook_retry_delay_ms(attempts, first, now, unit_ms);
        *outcome = delay < 0 ? 'f' : 'r';
        rc = db_run(d, err,
                    "UPDATE webhook_deliveries SET status = ?, attempts = ?, first_attempt_ms = ?,"
                    " last_attempt_ms = ?, last_status = ?, last_error = ?, next_attempt_ms = ?"
                    " WHERE id = ? AND status = 'pending'",
                    "tiiiitii", delay < 0 ? "failed" : "pending", (int64_t)attempts, first, start_ms, (int64_t)status,
                    error, delay < 0 ? (int64_t)0 : now + delay, m->delivery_id);
        /* 410 Gone: the receiver says the endpoint is no more (the specification: disable it) */
        if (!rc && status == 410)
            rc = db_run(d, err,
                        "UPDATE webhook_endpoints SET disabled_ms = ?, disabled_reason = ? WHERE id = ?"
                        " AND disabled_ms = 0",
                        "iti", now, "the endpoint answered 410 Gone", m->endpoint_id);
    }
    if (!rc)
        rc = db_commit(d, err);
    if (rc)
        db_rollback(d);
    return rc;
}

hg_rc webhook_purge(db *d, int days, int64_t *deleted, hg_err *err)
{
    hg_rc rc = db_run(d, err, "DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_ms < ?", "i",
                      now_ms() - (int64_t)days * 86400000);
    if (!rc && deleted)
        *deleted = db_changes(d);
    return rc;
}

hg_rc webhook_pending(db *d, int64_t *n, hg_err *err)
{
    *n = 0;
    hg_rc rc = db_int(d, n, err, "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'", "");
    return rc == HG_NOTFOUND ? HG_OK : rc;
}
