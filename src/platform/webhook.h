/* webhook.h — webhooks that enterprises register for their own events, delivered as the
 * Standard Webhooks specification describes (standardwebhooks.com): each message carries
 * webhook-id (the same on every retry), webhook-timestamp (unix seconds of this attempt) and
 * webhook-signature "v1,<base64 HMAC-SHA256(key, id "." timestamp "." body)>", the key being
 * the base64-decoded part of the endpoint's secret after "whsec_".
 *
 * The pure decisions live here (webhook.c): the signature, the secret's form, the retry
 * schedule, the URL and address policy against server-side request forgery. The store
 * (webhook_store.c) keeps endpoints and one delivery row per event and endpoint, written by
 * an event subscriber in the event's own transaction; the sender (webhook_send.c) is the
 * delivery job and its worker pool; webhook_api.c the routes and the module record.
 *
 * Not for: the event feed or stream (event.h), scheduling (jobs.h). */
#ifndef HG_WEBHOOK_H
#define HG_WEBHOOK_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "buf.h"
#include "db.h"
#include "rc.h"

/* ---- signing (pure) ---- */

#define WEBHOOK_SECRET_BYTES 24  /* random bytes of a new secret (the specification: 24 to 64) */
#define WEBHOOK_SECRET_MAX 128   /* characters of a "whsec_..." text, with its NUL */
#define WEBHOOK_SIGNATURE_MAX 64 /* "v1," and base64 of 32 bytes, with its NUL */

/* A new secret, "whsec_" and the base64 of WEBHOOK_SECRET_BYTES random bytes, into out
 * (WEBHOOK_SECRET_MAX). */
void webhook_secret_new(char out[WEBHOOK_SECRET_MAX]);
/* The key of a secret: the base64-decoded bytes after "whsec_" (up to max of them); *len
 * their number. HG_INVALID when the prefix is missing or the rest is not base64. */
hg_rc webhook_secret_key(const char *secret, unsigned char *key, size_t max, size_t *len, hg_err *err);
/* The webhook-signature header's value for a message: "v1," and the base64 of
 * HMAC-SHA256(key of secret, msg_id "." timestamp "." body). HG_INVALID for a bad secret. */
hg_rc webhook_sign(const char *secret, const char *msg_id, int64_t timestamp_s, const char *body, size_t body_len,
                   char out[WEBHOOK_SIGNATURE_MAX], hg_err *err);

/* ---- the retry schedule (pure) ---- */

/* The Standard Webhooks specification's example schedule after a failed attempt (5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h), then every 12 h, for as long as the next attempt falls within
 * three days of the first one. Units are schedule seconds of unit_ms milliseconds (1000
 * normally; tests shorten them, serve --webhook-backoff-ms). */
#define WEBHOOK_GIVE_UP_S (3 * 86400)
/* The delay in ms before the next attempt after `attempts` failed ones (1 after the first),
 * the first made at first_ms and the last ending at now_ms; -1 when the message is given up
 * (the next would fall past three days after the first). */
int64_t webhook_retry_delay_ms(int attempts, int64_t first_ms, int64_t now_ms, int64_t unit_ms);

/* ---- where deliveries may go (pure) ---- */

typedef struct webhook_cidr {
    int family;             /* AF_INET or AF_INET6 */
    unsigned char addr[16]; /* network address (4 bytes used for IPv4) */
    int bits;               /* prefix length */
} webhook_cidr;
#define WEBHOOK_CIDRS_MAX 16

/* Parses "A.B.C.D/N" or "X::Y/N" (a bare address is /32 or /128). HG_INVALID otherwise. */
hg_rc webhook_cidr_parse(const char *s, webhook_cidr *out, hg_err *err);
/* Parses a comma list of them into out (at most WEBHOOK_CIDRS_MAX); *n their number. */
hg_rc webhook_cidrs_parse(const char *list, webhook_cidr *out, int *n, hg_err *err);
/* 1 when a delivery may connect to sa: an address inside one of allow[0..n) may; otherwise
 * loopback, private (RFC 1918, RFC 4193), link-local, carrier-grade NAT, "this network",
 * benchmarking, multicast, reserved and IPv4-mapped forms of them may not; the rest may. */
int webhook_addr_allowed(const struct sockaddr *sa, const webhook_cidr *allow, int n);
/* Checks a URL an enterprise registers: http or https, a host, no user name or password in
 * it, at most 2048 bytes; a host that is an address literal (or "localhost") must pass
 * webhook_addr_allowed. Host names are resolved and checked at each delivery, not here.
 * HG_INVALID naming field "url" and the rule otherwise. */
hg_rc webhook_url_check(const char *url, const webhook_cidr *allow, int n, hg_err *err);

/* ---- the sender (webhook_send.c) ---- */

typedef struct webhook_config {
    webhook_cidr allow[WEBHOOK_CIDRS_MAX]; /* serve --webhook-targets */
    int nallow;
    int64_t unit_ms;    /* schedule second (serve --webhook-backoff-ms; default 1000) */
    int64_t timeout_ms; /* one attempt, connection to answer (serve --webhook-timeout-ms; default 10000) */
    int workers;        /* concurrent deliveries (serve --webhook-workers; default 4) */
} webhook_config;
/* The process's configuration: set before the scheduler starts, read after. */
webhook_config *webhook_config_get(void);

/* Starts the worker pool of `haiguan serve` (curl's global state included); without it
 * the delivery job delivers on its own thread, one message after another (`jobs run`). */
hg_rc webhook_start(hg_err *err);
void webhook_stop(void);
/* The delivery job: claims the due deliveries (at most one in flight per endpoint, oldest
 * event first) and hands them to the pool. */
hg_rc webhook_deliver_job(db *d, hg_err *err);
/* Deliveries acknowledged and attempts failed by this process, and the pending ones in the
 * database, in Prometheus text. */
hg_rc webhook_metrics_render(db *d, buf *b, hg_err *err);

extern const migration webhook_migrations[];

#endif
