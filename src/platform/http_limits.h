/* http_limits.h — what one client may hold of the server (issue 13 §3): connections per
 * address, connections in all (kept below the process's file-descriptor limit), and a
 * deadline for receiving a complete request, so that a client trickling a byte every few
 * seconds cannot keep connections past it. Refusals are counted by reason for /metrics.
 *
 * The address of a trusted reverse proxy is exempt from the per-address limit: every
 * client behind it shares its address, and the proxy applies its own per-client limit. */
#ifndef HG_HTTP_LIMITS_H
#define HG_HTTP_LIMITS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "buf.h"
#include "rc.h"

typedef struct http_limits_config {
    unsigned per_address;     /* connections one address may hold (default 128) */
    unsigned total;           /* connections in all; lowered to fit the descriptor limit */
    unsigned deadline_s;      /* seconds to receive a request's headers and body (default 60) */
    const char *trusted_proxy; /* the proxy's address ("127.0.0.1"), exempt per address; or NULL */
} http_limits_config;

/* Takes the configuration and starts the deadline sweeper; returns the total connection limit
 * to give libmicrohttpd (the configured one, or less to fit RLIMIT_NOFILE). */
hg_rc http_limits_start(const http_limits_config *cfg, unsigned *total, hg_err *err);
void http_limits_stop(void);

/* One connection's record, from its acceptance to its close. */
typedef struct conn_slot conn_slot;

/* Whether a new connection from addr may be accepted (1) or is refused (0, counted). */
int http_limits_admit(const struct sockaddr *addr, socklen_t len);
/* A connection was opened on socket fd from addr: its slot, or NULL when out of memory. */
conn_slot *http_limits_opened(int fd, const struct sockaddr *addr);
/* The connection waits for a request: on opening, and once the previous one was answered
 * (an idle keep-alive connection is closed sooner, by the inactivity timeout). */
void http_limits_receiving(conn_slot *s);
/* The request was received whole: from here the server's own time is not the client's. */
void http_limits_received(conn_slot *s);
/* The connection was closed; the slot is freed. */
void http_limits_closed(conn_slot *s);

/* Refusals by reason, as Prometheus text. */
hg_rc http_limits_metrics_render(buf *b);

/* Pure: the key an address counts under (IPv4, IPv6; IPv4-mapped IPv6 as IPv4). */
void http_limits_addr_key(const struct sockaddr *addr, char out[64]);

#endif
