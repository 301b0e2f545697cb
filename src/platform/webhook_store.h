/* webhook_store.h — the webhooks' SQL (webhook_store.c): endpoints an enterprise registers,
 * the delivery rows the event subscriber writes in each event's own transaction, their log
 * and replay, and what the sender claims and records. Only webhook_api.c and
 * webhook_send.c include it. */
#ifndef HG_WEBHOOK_STORE_H
#define HG_WEBHOOK_STORE_H

#include <jansson.h>

#include "ctx.h"
#include "event.h"
#include "webhook.h"

#define WEBHOOK_ENDPOINTS_MAX 16 /* endpoints one enterprise may have */

/* Registers an endpoint of enterprise (audited, committed): url and description checked by
 * the caller, types a comma list of event type patterns ("" for all), secret the new
 * secret. *out: the endpoint as GET shows it, with "secret" this once (caller owns it).
 * Errors: HG_CONFLICT when the enterprise has WEBHOOK_ENDPOINTS_MAX already; db errors. */
hg_rc webhook_endpoint_create(const hg_ctx *c, const char *enterprise, const char *url, const char *types,
                              const char *description, const char *secret, json_t **out, hg_err *err);
/* The enterprise's endpoints, oldest first, without their secrets ({"items": [...]}). */
hg_rc webhook_endpoint_list(db *d, const char *enterprise, json_t **out, hg_err *err);
/* Deletes an endpoint of enterprise and its delivery log (audited, committed). HG_NOTFOUND
 * when it is not one of the enterprise's. */
hg_rc webhook_endpoint_delete(const hg_ctx *c, const char *enterprise, int64_t id, hg_err *err);
/* The delivery log of an endpoint of enterprise, newest event first, events before `before`
 * (0: from the newest), at most limit: {"items": [...], "next_before": seq}. HG_NOTFOUND as
 * above. */
hg_rc webhook_deliveries_list(db *d, const char *enterprise, int64_t id, int64_t before, int limit, json_t **out,
                              hg_err *err);
/* Queues again, for delivery now, the messages of an endpoint of enterprise: every event
 * of the enterprise after from_seq that the endpoint's filter takes (msg_id NULL; those never
 * queued get a delivery row), or the one message msg_id. Committed; *queued their number.
 * HG_NOTFOUND for an endpoint (or message) that is not the enterprise's; HG_CONFLICT for a
 * disabled endpoint. At most 10000 events per call. */
hg_rc webhook_replay(const hg_ctx *c, const char *enterprise, int64_t id, int64_t from_seq, const char *msg_id,
                     int64_t *queued, hg_err *err);

/* The event subscriber: a delivery row for each active endpoint of the event's enterprise
 * whose filter takes its type, in the event's transaction; wakes the delivery job once the
 * transaction is durable. */
hg_rc webhook_on_event(db *d, const event_row *e, hg_err *err);

/* One message to send, as claimed by the sender (every string owned by it). */
typedef struct webhook_message {
    int64_t delivery_id, endpoint_id, seq;
    int attempts;     /* failed or made before this one */
    int64_t first_ms; /* the first attempt's start, 0 before it */
    char msg_id[64];
    char *url, *secret, *body;
} webhook_message;
void webhook_message_free(webhook_message *m);

/* Claims at most max due messages (pending, due at now, endpoint active), the oldest event
 * first of each endpoint, skipping the endpoints busy(cls, endpoint_id) says are in flight:
 * each claimed row's next attempt is moved to lease_until, so that no other server takes it
 * and a crash leaves it to be tried again then. *n: how many were put in out. A message
 * whose event was purged is given up. */
hg_rc webhook_claim(db *d, int64_t now, int64_t lease_until, int (*busy)(void *cls, int64_t endpoint_id), void *cls,
                    webhook_message *out, int max, int *n, hg_err *err);

/* The result of an attempt started at start_ms: status the HTTP status (0: no answer),
 * error NULL or why. 2xx: delivered; 410: given up and the endpoint disabled; otherwise
 * the next attempt after the schedule's delay (unit_ms), or given up. *outcome: 'd'
 * delivered, 'r' to be retried, 'f' given up. */
hg_rc webhook_record(db *d, const webhook_message *m, int64_t start_ms, long status, const char *error, int64_t unit_ms,
                     char *outcome, hg_err *err);

/* Deletes the delivery log's rows that are done (delivered or given up) and older than days
 * days (the events' retention: their events are gone too); *deleted their number. */
hg_rc webhook_purge(db *d, int days, int64_t *deleted, hg_err *err);

/* Pending deliveries in the database. */
hg_rc webhook_pending(db *d, int64_t *n, hg_err *err);

#endif
