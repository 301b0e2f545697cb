/* event.c — the event bus (event_emit), its transactional outbox (event_outbox with the
 * counter row event_seq), the outbox's reader and purge, and the process-wide "new events are
 * durable" signal that event streams wait on. event.h says what each part promises.
 *
 * Why a counter row and not @IDPK: an auto-increment key (a PostgreSQL sequence) does not
 * give a number back when its transaction rolls back, so a reader could not tell a gap left
 * by a rollback from an event it has not seen yet. UPDATE ... SET n = n + 1 RETURNING n takes
 * the number under the transaction's write lock and returns it with a rollback. */
#include "event.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "json_canon.h"
#include "log.h"
#include "mem.h"
#include "module.h"
#include "utf8.h"

/* ---- schema ---- */

const migration event_migrations[] = {
    {20, "event outbox",
     "CREATE TABLE event_seq (id BIGINT PRIMARY KEY, n BIGINT NOT NULL);"
     "INSERT INTO event_seq (id, n) VALUES (1, 0);"
     "CREATE TABLE event_outbox ("
     " seq BIGINT PRIMARY KEY,"
     " at_ms BIGINT NOT NULL,"
     " type TEXT NOT NULL,"
     " subject_kind TEXT NOT NULL,"
     " subject_id TEXT NOT NULL,"
     " enterprise TEXT,"
     " actor TEXT NOT NULL,"
     " request_id TEXT,"
     " data TEXT NOT NULL);"
     /* an enterprise's feed pages through its own events by seq; the purge goes by time */
     "CREATE INDEX event_outbox_enterprise ON event_outbox (enterprise, seq);"
     "CREATE INDEX event_outbox_at ON event_outbox (at_ms);",
     NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};

/* ---- emitting ---- */

/* HG_OK when s (required or not) is present as needed, short enough and UTF-8. */
static hg_rc check_text(const char *s, int required, const char *field, hg_err *err)
{
    if (!s || !*s)
        return required ? hg_fail(err, HG_INVALID, "invalid", field, "event %s is missing", field) : HG_OK;
    size_t n = strlen(s);
    if (n > EVENT_TEXT_MAX)
        /* TRANSLATORS: 1: field; 2: EVENT_TEXT_MAX */
        return hg_fail(err, HG_INVALID, "invalid", field, "event %s is longer than %d bytes", field, EVENT_TEXT_MAX);
    if (!utf8_valid(s))   /* strict, as jansson: utf8.h */
        return hg_fail(err, HG_INVALID, "invalid", field, "event %s is not UTF-8", field);
    return HG_OK;
}

int event_type_matches(const char *pattern, const char *type)
{
    size_t n = strlen(pattern);
    if (strcmp(pattern, "*") == 0)
        return 1;
    if (n > 0 && pattern[n - 1] == '.')
        return strncmp(pattern, type, n) == 0;
    return strcmp(pattern, type) == 0;
}

hg_rc event_dispatch(db *d, const event_row *e, const event_subscription *table, hg_err *err)
{
    hg_rc rc = HG_OK;
    for (const event_subscription *s = table; s && s->type && !rc; s++)
        if (event_type_matches(s->type, e->type))
            rc = s->fn(d, e, err);
    return rc;
}

static hg_rc run_subscribers(db *d, const event_row *row, hg_err *err)
{
    hg_rc rc = HG_OK;
    for (const hg_module *const *m = hg_modules; *m && !rc; m++)
        rc = event_dispatch(d, row, (*m)->subscriptions, err);
    return rc;
}

static void wake_streams(void *cls);

hg_rc event_emit(db *d, const event *e, int64_t *seq_out, hg_err *err)
{
    hg_rc rc = check_text(e->type, 1, "type", err);
    if (!rc)
        rc = check_text(e->subject_kind, 1, "subject_kind", err);
    if (!rc)
        rc = check_text(e->subject_id, 1, "subject_id", err);
    if (!rc)
        rc = check_text(e->enterprise, 0, "enterprise", err);
    if (!rc)
        rc = check_text(e->actor, 1, "actor", err);
    if (!rc)
        rc = check_text(e->request_id, 0, "request_id", err);
    if (!rc && e->data && !json_is_object(e->data))
        rc = hg_fail(err, HG_INVALID, "invalid", "data", "event data must be a JSON object");
    if (rc)
        return rc;
    /* reals in their shortest text, as the API answers them (3.12345, not 3.1234500000000001) */
    char *data = e->data ? json_canon_reply_text(e->data) : NULL;
    if (e->data && !data)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (data && strlen(data) > EVENT_DATA_MAX) {
        xfree(data);
        return hg_fail(err, HG_INVALID, "invalid", "data", "event data is larger than %d bytes", EVENT_DATA_MAX);
    }
    int64_t seq = 0, at = e->at_ms ? e->at_ms : now_ms();
    /* inside an optimistic group the counter is the group's (db_memo_get): written, not read */
    if (db_memo_get(d, DB_MEMO_EVENT_SEQ, &seq, NULL, 0))
        rc = db_run(d, err, "UPDATE event_seq SET n = ? WHERE id = 1", "i", ++seq);
    else
        rc = db_int(d, &seq, err, "UPDATE event_seq SET n = n + 1 WHERE id = 1 RETURNING n", "");
    if (rc == HG_NOTFOUND)
        rc = hg_fail(err, HG_DB, NULL, NULL, "the event counter row is missing");
    if (!rc)
        db_memo_set(d, DB_MEMO_EVENT_SEQ, seq, NULL);
    const char *enterprise = e->enterprise && *e->enterprise ? e->enterprise : NULL;
    const char *request_id = e->request_id && *e->request_id ? e->request_id : NULL;
    if (!rc)
        rc = db_run(d, err,
                    "INSERT INTO event_outbox (seq, at_ms, type, subject_kind, subject_id, enterprise, actor,"
                    " request_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "iittttttt", seq, at, e->type, e->subject_kind, e->subject_id, enterprise, e->actor, request_id,
                    data ? data : "{}");
    event_row row = {seq,        at,         e->type, e->subject_kind, e->subject_id, enterprise,
                     e->actor,   request_id, data ? data : "{}"};
    if (!rc)
        rc = run_subscribers(d, &row, err);
    /* streams learn of it once it is durable, never before and never when it rolls back */
    if (!rc)
        rc = db_after_commit(d, wake_streams, NULL, (void *)(intptr_t)seq, err);
    xfree(data);
    if (!rc && seq_out)
        *seq_out = seq;
    return rc;
}

/* ---- reading and purging ---- */

static void row_from(db_stmt *s, event_row *e)
{
    e->seq = db_col_int(s, 0);
    e->at_ms = db_col_int(s, 1);
    e->type = db_col_text(s, 2);
    e->subject_kind = db_col_text(s, 3);
    e->subject_id = db_col_text(s, 4);
    e->enterprise = db_col_text(s, 5);
    e->actor = db_col_text(s, 6);
    e->request_id = db_col_text(s, 7);
    e->data = db_col_text(s, 8);
}

#define EVENT_COLUMNS "seq, at_ms, type, subject_kind, subject_id, enterprise, actor, request_id, data"

/* Runs the query of event_read_after or _before (sql[0] for all, sql[1] for one enterprise). */
static hg_rc read_rows(db *d, const char *const sql[2], int64_t seq, int limit, const char *enterprise,
                       int (*cb)(const event_row *, void *), void *cls, hg_err *err)
{
    if (limit < 1 || limit > 1000)
        return hg_fail(err, HG_INVALID, "invalid", "limit", "limit must be from 1 to 1000");
    db_stmt *s = NULL;
    hg_rc rc = enterprise ? db_query(d, &s, err, sql[1], "tii", enterprise, seq, (int64_t)limit)
                          : db_query(d, &s, err, sql[0], "ii", seq, (int64_t)limit);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK; /* a row is not an error: keep looping */
        event_row e;
        row_from(s, &e);
        if (cb(&e, cls))
            break;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    return rc;
}

hg_rc event_read_after(db *d, int64_t after, int limit, const char *enterprise, int (*cb)(const event_row *, void *),
                       void *cls, hg_err *err)
{
    static const char *const sql[2] = {
        "SELECT " EVENT_COLUMNS " FROM event_outbox WHERE seq > ? ORDER BY seq LIMIT ?",
        "SELECT " EVENT_COLUMNS " FROM event_outbox WHERE enterprise = ? AND seq > ? ORDER BY seq LIMIT ?",
    };
    return read_rows(d, sql, after, limit, enterprise, cb, cls, err);
}

hg_rc event_read_before(db *d, int64_t before, int limit, const char *enterprise, int (*cb)(const event_row *, void *),
                        void *cls, hg_err *err)
{
    static const char *const sql[2] = {
        "SELECT " EVENT_COLUMNS " FROM event_outbox WHERE seq < ? ORDER BY seq DESC LIMIT ?",
        "SELECT " EVENT_COLUMNS " FROM event_outbox WHERE enterprise = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
    };
    return read_rows(d, sql, before, limit, enterprise, cb, cls, err);
}

hg_rc event_last_seq(db *d, int64_t *out, hg_err *err)
{
    hg_rc rc = db_int(d, out, err, "SELECT n FROM event_seq WHERE id = 1", "");
    return rc == HG_NOTFOUND ? hg_fail(err, HG_DB, NULL, NULL, "the event counter row is missing") : rc;
}

hg_rc event_first_seq(db *d, int64_t *out, hg_err *err)
{
    *out = 0;
    hg_rc rc = db_int(d, out, err, "SELECT COALESCE(MIN(seq), 0) FROM event_outbox", "");
    return rc == HG_NOTFOUND ? HG_OK : rc;
}

hg_rc event_newest_seq(db *d, const char *enterprise, int64_t *out, hg_err *err)
{
    *out = 0;
    hg_rc rc = enterprise ? db_int(d, out, err, "SELECT COALESCE(MAX(seq), 0) FROM event_outbox WHERE enterprise = ?",
                                   "t", enterprise)
                          : db_int(d, out, err, "SELECT COALESCE(MAX(seq), 0) FROM event_outbox", "");
    return rc == HG_NOTFOUND ? HG_OK : rc;
}

hg_rc event_purge(db *d, int days, int64_t *deleted, hg_err *err)
{
    if (days < 1)
        return hg_fail(err, HG_INVALID, "invalid", "days", "events are kept at least one day");
    int64_t before = now_ms() - (int64_t)days * 86400000;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = db_run(d, err, "DELETE FROM event_outbox WHERE at_ms < ?", "i", before);
    int64_t n = rc ? 0 : db_changes(d);
    if (!rc)
        rc = db_commit(d, err);
    if (rc) {
        db_rollback(d);
        return rc;
    }
    if (deleted)
        *deleted = n;
    return HG_OK;
}

json_t *event_row_json(const event_row *e)
{
    char at[40];
    time_format_rfc3339(e->at_ms, at, sizeof at);
    json_error_t je;
    json_t *data = json_loads(e->data ? e->data : "{}", JSON_DECODE_ANY, &je);
    if (!data)
        data = json_object();
    return json_pack("{s:I, s:s, s:s, s:{s:s, s:s}, s:s?, s:s, s:s?, s:o}", "seq", (json_int_t)e->seq, "at", at,
                     "type", e->type, "subject", "kind", e->subject_kind, "id", e->subject_id, "enterprise",
                     e->enterprise, "actor", e->actor, "request_id", e->request_id, "data", data);
}

/* ---- waiting for new events ---- */

/* One per process by nature: every stream of this server waits for the same outbox. */
static pthread_mutex_t wait_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wait_cv = PTHREAD_COND_INITIALIZER;
static int64_t durable_seq;
static unsigned wake_generation;   /* bumped by event_wake_all */

/* The post-commit effect of every emit: cls is its seq. */
static void wake_streams(void *cls)
{
    int64_t seq = (int64_t)(intptr_t)cls;
    pthread_mutex_lock(&wait_mu);
    if (seq > durable_seq) {
        durable_seq = seq;
        pthread_cond_broadcast(&wait_cv);
    }
    pthread_mutex_unlock(&wait_mu);
}

int64_t event_durable_seq(void)
{
    pthread_mutex_lock(&wait_mu);
    int64_t n = durable_seq;
    pthread_mutex_unlock(&wait_mu);
    return n;
}

int64_t event_wait(int64_t seen, int timeout_ms)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    until.tv_sec += until.tv_nsec / 1000000000L;
    until.tv_nsec %= 1000000000L;
    pthread_mutex_lock(&wait_mu);
    unsigned gen = wake_generation;
    while (durable_seq <= seen && gen == wake_generation)
        if (pthread_cond_timedwait(&wait_cv, &wait_mu, &until) != 0)
            break;
    int64_t n = durable_seq;
    pthread_mutex_unlock(&wait_mu);
    return n;
}

void event_wake_all(void)
{
    pthread_mutex_lock(&wait_mu);
    wake_generation++;
    pthread_cond_broadcast(&wait_cv);
    pthread_mutex_unlock(&wait_mu);
}

hg_rc event_emit_about(db *d, const char *type, const char *subject_kind, const char *subject_id,
                       const char *enterprise, const char *actor, const char *request_id, const json_t *data,
                       hg_err *err)
{
    event e = {.type = type,
               .subject_kind = subject_kind,
               .subject_id = subject_id,
               .enterprise = enterprise,
               .actor = actor,
               .request_id = request_id,
               .data = data};
    return event_emit(d, &e, NULL, err);
}
