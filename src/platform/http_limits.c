/* http_limits.c — connection limits per address and in all, and the deadline for receiving
 * a request (see http_limits.h).
 *
 * libmicrohttpd asks http_limits_admit before it takes a connection and reports its opening
 * and closing; the counts live here, under one mutex (accepting is rare beside requests).
 * Two threads accepting at once may each see room for one more, so a limit can be passed by
 * at most the number of server threads. The deadline is kept by a sweeper thread: libmicrohttpd
 * knows only inactivity timeouts, and a client sending one byte every few seconds is never
 * inactive, so a connection still receiving its request past the deadline has its socket
 * shut down, which libmicrohttpd then sees and closes. Shutting down under the mutex, before
 * the close is reported, means the descriptor cannot have been reused for another client. */
#include "http_limits.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "mem.h"

#define BUCKETS 1024

typedef struct addr_count {
    char key[64];
    unsigned n;
    struct addr_count *next;
} addr_count;

struct conn_slot {
    int fd;
    addr_count *addr;
    int64_t receiving_since;   /* 0: idle, or the request was received whole */
    conn_slot *prev, *next;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t stop_cv = PTHREAD_COND_INITIALIZER;
static addr_count *buckets[BUCKETS];
static conn_slot *open_slots;
static unsigned open_count;
static http_limits_config cfg = {128, 2000, 60, NULL};
static char proxy_key[64];
static pthread_t sweeper;
static int sweeper_running, stopping;
static unsigned long refused_per_address, refused_total, deadline_closed;

void http_limits_addr_key(const struct sockaddr *addr, char out[64])
{
    out[0] = '\0';
    if (!addr)
        return;
    if (addr->sa_family == AF_INET) {
        inet_ntop(AF_INET, &((const struct sockaddr_in *)addr)->sin_addr, out, 64);
    } else if (addr->sa_family == AF_INET6) {
        const struct in6_addr *a = &((const struct sockaddr_in6 *)addr)->sin6_addr;
        if (IN6_IS_ADDR_V4MAPPED(a))
            inet_ntop(AF_INET, &a->s6_addr[12], out, 64);
        else
            inet_ntop(AF_INET6, a, out, 64);
    }
}

static unsigned hash_key(const char *k)
{
    unsigned h = 2166136261u;   /* FNV-1a */
    for (; *k; k++)
        h = (h ^ (unsigned char)*k) * 16777619u;
    return h % BUCKETS;
}

/* The address's counter, created when create is set. Under mu. */
static addr_count *find_addr(const char *key, int create)
{
    unsigned h = hash_key(key);
    for (addr_count *a = buckets[h]; a; a = a->next)
        if (strcmp(a->key, key) == 0)
            return a;
    if (!create)
        return NULL;
    addr_count *a = xcalloc(1, sizeof *a);
    if (!a)
        return NULL;
    snprintf(a->key, sizeof a->key, "%s", key);
    a->next = buckets[h];
    buckets[h] = a;
    return a;
}

static void drop_addr(addr_count *gone)
{
    addr_count **p = &buckets[hash_key(gone->key)];
    while (*p && *p != gone)
        p = &(*p)->next;
    if (*p)
        *p = gone->next;
    xfree(gone);
}

int http_limits_admit(const struct sockaddr *addr, socklen_t len)
{
    (void)len;
    char key[64];
    http_limits_addr_key(addr, key);
    pthread_mutex_lock(&mu);
    int ok = 1;
    if (open_count >= cfg.total) {
        refused_total++;
        ok = 0;
    } else if (cfg.per_address && !(proxy_key[0] && strcmp(key, proxy_key) == 0)) {
        addr_count *a = find_addr(key, 0);
        if (a && a->n >= cfg.per_address) {
            refused_per_address++;
            ok = 0;
        }
    }
    pthread_mutex_unlock(&mu);
    return ok;
}

conn_slot *http_limits_opened(int fd, const struct sockaddr *addr)
{
    char key[64];
    http_limits_addr_key(addr, key);
    conn_slot *s = xcalloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->fd = fd;
    pthread_mutex_lock(&mu);
    s->addr = find_addr(key, 1);
    if (s->addr)
        s->addr->n++;
    s->next = open_slots;
    if (open_slots)
        open_slots->prev = s;
    open_slots = s;
    open_count++;
    pthread_mutex_unlock(&mu);
    return s;
}

void http_limits_receiving(conn_slot *s)
{
    if (!s)
        return;
    int64_t now = mono_ns();
    pthread_mutex_lock(&mu);
    s->receiving_since = now ? now : 1;
    pthread_mutex_unlock(&mu);
}

void http_limits_received(conn_slot *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&mu);
    s->receiving_since = 0;
    pthread_mutex_unlock(&mu);
}

void http_limits_closed(conn_slot *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&mu);
    if (s->prev)
        s->prev->next = s->next;
    else
        open_slots = s->next;
    if (s->next)
        s->next->prev = s->prev;
    open_count--;
    if (s->addr && --s->addr->n == 0)
        drop_addr(s->addr);
    pthread_mutex_unlock(&mu);
    xfree(s);
}

/* The connections still receiving a request past the deadline: shut down. Under mu. */
static void sweep(int64_t now)
{
    int64_t limit = (int64_t)cfg.deadline_s * 1000000000LL;
    for (conn_slot *s = open_slots; s; s = s->next)
        if (s->receiving_since && now - s->receiving_since > limit) {
            shutdown(s->fd, SHUT_RDWR);
            s->receiving_since = 0;
            deadline_closed++;
        }
}

static void *sweeper_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    while (!stopping) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += 1;
        pthread_cond_timedwait(&stop_cv, &mu, &ts);
        if (!stopping)
            sweep(mono_ns());
    }
    pthread_mutex_unlock(&mu);
    return NULL;
}

hg_rc http_limits_start(const http_limits_config *c, unsigned *total, hg_err *err)
{
    cfg = *c;
    proxy_key[0] = '\0';
    if (cfg.trusted_proxy) {
        struct sockaddr_storage ss = {0};
        struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
        struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
        if (inet_pton(AF_INET, cfg.trusted_proxy, &v4->sin_addr) == 1)
            v4->sin_family = AF_INET;
        else if (inet_pton(AF_INET6, cfg.trusted_proxy, &v6->sin6_addr) == 1)
            v6->sin6_family = AF_INET6;
        else
            return hg_fail(err, HG_INVALID, "invalid", "trusted-proxy", "--trusted-proxy must be an IP address");
        http_limits_addr_key((struct sockaddr *)&ss, proxy_key);
    }
    /* each connection is a descriptor; keep a reserve for the database, logs and keys */
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
        if (rl.rlim_cur < rl.rlim_max) {
            rl.rlim_cur = rl.rlim_max;
            setrlimit(RLIMIT_NOFILE, &rl);
            getrlimit(RLIMIT_NOFILE, &rl);
        }
        if (rl.rlim_cur != RLIM_INFINITY) {
            rlim_t room = rl.rlim_cur > 128 ? rl.rlim_cur - 128 : 16;
            if (cfg.total > room) {
                log_warn("connections limited to %lu by the file-descriptor limit", (unsigned long)room);
                cfg.total = (unsigned)room;
            }
        }
    }
    *total = cfg.total + 1;   /* libmicrohttpd's own limit stays behind ours, which counts */
    stopping = 0;
    if (cfg.deadline_s) {
        if (pthread_create(&sweeper, NULL, sweeper_main, NULL) != 0)
            return hg_fail(err, HG_INTERNAL, NULL, NULL, "cannot start the request-deadline thread");
        sweeper_running = 1;
    }
    return HG_OK;
}

void http_limits_stop(void)
{
    if (!sweeper_running)
        return;
    pthread_mutex_lock(&mu);
    stopping = 1;
    pthread_cond_signal(&stop_cv);
    pthread_mutex_unlock(&mu);
    pthread_join(sweeper, NULL);
    sweeper_running = 0;
}

hg_rc http_limits_metrics_render(buf *b)
{
    pthread_mutex_lock(&mu);
    unsigned long pa = refused_per_address, tot = refused_total, dl = deadline_closed;
    unsigned open = open_count;
    pthread_mutex_unlock(&mu);
    return buf_appendf(b,
                       "# HELP haiguan_http_connections_refused_total Connections refused or closed by a limit.\n"
                       "# TYPE haiguan_http_connections_refused_total counter\n"
                       "haiguan_http_connections_refused_total{reason=\"per_address\"} %lu\n"
                       "haiguan_http_connections_refused_total{reason=\"total\"} %lu\n"
                       "haiguan_http_connections_refused_total{reason=\"request_deadline\"} %lu\n"
                       "# HELP haiguan_http_connections_open Connections open now.\n"
                       "# TYPE haiguan_http_connections_open gauge\n"
                       "haiguan_http_connections_open %u\n",
                       pa, tot, dl, open);
}
