/* event.h — the event bus and its transactional outbox.
 *
 * A write handler that changes the state of something emits an event in the same
 * transaction as the change and its audit row (`event_emit`). The event is appended to the
 * outbox (event_outbox) under a gap-free sequence number taken from a counter row, so a
 * rolled-back transaction gives its number back and a reader that has seen seq N has seen
 * every event before it. Then the subscribers that modules registered
 * (`hg_module.subscriptions`) run, still inside the transaction: what they write commits or
 * rolls back with the change. Effects outside the database (waking a stream, refreshing
 * memory) never happen in a subscriber: they are post-commit effects (db_after_commit).
 *
 * Readers page through the outbox by sequence (`event_read_after`), for the pull feed, the
 * stream and the webhooks; `event_purge` drops what is older than the retention.
 *
 * Not for: delivery (webhooks.c), HTTP (event_api.c), scheduling the purge (the jobs). */
#ifndef HG_EVENT_H
#define HG_EVENT_H

#include <jansson.h>
#include <stdint.h>

#include "db.h"
#include "rc.h"

/* What a caller says about an event. Every string is borrowed for the call. */
typedef struct event {
    const char *type;           /* "declaration.released": AREA-noun.past-participle, lower case */
    const char *subject_kind;   /* "declaration": the glossary noun of the object it is about */
    const char *subject_id;     /* "223320261000000012": the object's key as the API shows it */
    const char *enterprise;     /* USCC of the enterprise whose object it is; NULL for internal events */
    const char *actor;          /* who made the change, as in its audit row (user name, "cli:<os user>") */
    const char *request_id;     /* the request's id (req.request_id), or NULL (commands) */
    const json_t *data;         /* a JSON object with what a receiver needs, or NULL for {} */
    int64_t at_ms;              /* when it happened (UTC ms); 0: now */
} event;

/* One stored event, as readers and subscribers see it. Every string is borrowed: valid only
 * during the callback that receives the row. */
typedef struct event_row {
    int64_t seq;                /* 1, 2, 3, ... without gaps (older ones may be purged) */
    int64_t at_ms;              /* UTC ms */
    const char *type;
    const char *subject_kind;
    const char *subject_id;
    const char *enterprise;     /* or NULL */
    const char *actor;
    const char *request_id;     /* or NULL */
    const char *data;           /* canonical JSON text of an object */
} event_row;

/* A module's subscription: fn runs inside the emitting transaction for every event whose
 * type equals `type`, or starts with it when `type` ends in '.' ("declaration."), or for all
 * with "*". A non-OK result fails the emit, and so the caller's whole change. fn must be
 * idempotent with the database (a write handler may run twice) and have no effect outside
 * it. Tables of them end with a row whose type is NULL. */
typedef struct event_subscription {
    const char *type;
    hg_rc (*fn)(db *d, const event_row *e, hg_err *err);
} event_subscription;
/* 1 when a subscription's type pattern (as above) matches an event's type. Pure. */
int event_type_matches(const char *pattern, const char *type);
/* Runs the subscribers of one table that match e, in order, until one fails (its result).
 * event_emit calls it with every module's table. */
hg_rc event_dispatch(db *d, const event_row *e, const event_subscription *table, hg_err *err);

/* Limits of one event, checked by event_emit. */
#define EVENT_TEXT_MAX 256            /* bytes of type, subject kind and id, enterprise, actor, request id */
#define EVENT_DATA_MAX (64 * 1024)    /* bytes of data as canonical JSON */
#define EVENT_RETENTION_DAYS 30       /* the retention unless configured: the days the purge job passes */

/* Appends e to the outbox inside the caller's transaction (db_begin must have been called:
 * the sequence is taken under its write lock), runs the modules' subscribers, and arranges
 * that event streams are woken once the transaction is durable. *seq (if non-NULL) receives
 * the event's number. Errors: HG_INVALID when type, subject kind/id or actor is missing, a
 * text is longer than EVENT_TEXT_MAX or not UTF-8, or data is not an object or is larger
 * than EVENT_DATA_MAX; a subscriber's error; db errors as they come. */
hg_rc event_emit(db *d, const event *e, int64_t *seq, hg_err *err);
/* event_emit of an event about one object (kind, id) for an enterprise's feed, time now. */
hg_rc event_emit_about(db *d, const char *type, const char *subject_kind, const char *subject_id,
                       const char *enterprise, const char *actor, const char *request_id, const json_t *data,
                       hg_err *err);

/* Calls cb for each stored event with seq > after, in order, at most limit (1..1000) of them;
 * with enterprise non-NULL only the events of that enterprise. cb returns 0 to go on, non-zero
 * to stop (event_read_after then returns HG_OK). Errors: HG_INVALID for a bad limit; db errors.
 * Visibility: a reader sees only committed events, and sees them in sequence order. */
hg_rc event_read_after(db *d, int64_t after, int limit, const char *enterprise_or_NULL,
                       int (*cb)(const event_row *, void *), void *cls, hg_err *err);

/* The same backwards, for a list of the newest: events with seq < before, newest first. */
hg_rc event_read_before(db *d, int64_t before, int limit, const char *enterprise_or_NULL,
                        int (*cb)(const event_row *, void *), void *cls, hg_err *err);

/* The highest sequence number given so far (0 when none), and the lowest still kept
 * (0 when the outbox is empty). */
hg_rc event_last_seq(db *d, int64_t *out, hg_err *err);
hg_rc event_first_seq(db *d, int64_t *out, hg_err *err);
/* The sequence number of the newest stored event of enterprise (all events when NULL), 0 when
 * none: where a reader starts to see only what comes next. */
hg_rc event_newest_seq(db *d, const char *enterprise_or_NULL, int64_t *out, hg_err *err);

/* Deletes the events older than days (>= 1) days, in its own transaction; *deleted (if
 * non-NULL) receives how many. The sequence counter is not touched: numbers are never reused.
 * Errors: HG_INVALID for days < 1; db errors. */
hg_rc event_purge(db *d, int days, int64_t *deleted, hg_err *err);
/* The retention the purge job applies: EVENT_RETENTION_DAYS unless set (serve --event-days,
 * before the scheduler starts). */
void event_set_retention_days(int days);
int event_retention_days(void);

/* Waiting for new events (the stream): the sequence number of the last event made durable
 * in this process, and a wait until it passes `seen` or timeout_ms elapse (returns the
 * number then). Events committed by another process are not signalled: a stream polls its
 * reader at each heartbeat as well. */
int64_t event_durable_seq(void);
int64_t event_wait(int64_t seen, int timeout_ms);
/* Wakes every waiter now (the server stopping). */
void event_wake_all(void);

/* The JSON object of a row, as the feed and the stream send it (caller owns it; NULL when
 * out of memory). */
json_t *event_row_json(const event_row *e);

extern const migration event_migrations[];

#endif
