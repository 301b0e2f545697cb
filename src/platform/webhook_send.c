/* webhook_send.c — delivering webhook messages: the delivery job, which claims due messages
 * and queues them, and the bounded pool of worker threads that sends each with libcurl
 * (signed, per-request timeout, no redirects, the address checked and pinned) and records
 * the answer. webhook.h says what is decided; webhook_store.c what is stored.
 *
 * No head-of-line blocking: each message is claimed, sent and recorded on its own, so a
 * message that fails waits for its own retry while the next ones go; an endpoint has at most
 * one message in flight (its messages go in event order while it answers), and a slow or
 * dead endpoint holds one worker for at most the timeout while the others serve the other
 * endpoints. */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "jobs.h"
#include "log.h"
#include "mem.h"
#include "webhook_store.h"

static webhook_config config = {.unit_ms = 1000, .timeout_ms = 10000, .workers = 4};

webhook_config *webhook_config_get(void) { return &config; }

#define QUEUE_MAX 64
#define WORKERS_MAX 32

/* The pool, one per process by nature (serve starts it once). */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t have_work = PTHREAD_COND_INITIALIZER;
static webhook_message queue[QUEUE_MAX];
static int qhead, qlen;
static int64_t busy_endpoints[QUEUE_MAX + WORKERS_MAX]; /* queued or being sent */
static int nbusy;
static pthread_t workers[WORKERS_MAX];
static int nworkers, stopping;
static long delivered_total, failed_attempts_total, given_up_total;
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_init(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

static int endpoint_busy(void *cls, int64_t endpoint)
{
    (void)cls;
    pthread_mutex_lock(&mu);
    int busy = 0;
    for (int i = 0; i < nbusy && !busy; i++)
        busy = busy_endpoints[i] == endpoint;
    pthread_mutex_unlock(&mu);
    return busy;
}

/* Under mu. */
static void endpoint_done(int64_t endpoint)
{
    for (int i = 0; i < nbusy; i++)
        if (busy_endpoints[i] == endpoint) {
            busy_endpoints[i] = busy_endpoints[--nbusy];
            return;
        }
}

/* ---- one attempt ---- */

static size_t discard(char *p, size_t size, size_t n, void *cls)
{
    (void)p, (void)cls;
    return size * n;
}

/* Resolves the URL's host and checks every address (webhook_addr_allowed); on success
 * *resolve holds the CURLOPT_RESOLVE entry that pins the connection to the checked address,
 * so that a second lookup cannot lead it elsewhere (DNS rebinding). */
static int resolve_checked(const char *url, struct curl_slist **resolve, char *why, size_t whylen)
{
    CURLU *u = curl_url();
    char *host = NULL, *port = NULL;
    int ok = 0;
    if (!u || curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) != CURLUE_OK) {
        snprintf(why, whylen, "the URL cannot be parsed");
        goto out;
    }
    char name[256];
    snprintf(name, sizeof name, "%s", host);
    size_t hl = strlen(name);
    if (hl >= 2 && name[0] == '[') {
        memmove(name, name + 1, hl - 2);
        name[hl - 2] = '\0';
    }
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res = NULL;
    int g = getaddrinfo(name, port, &hints, &res);
    if (g != 0 || !res) {
        snprintf(why, whylen, "cannot resolve the host: %s", gai_strerror(g));
        goto out;
    }
    ok = 1;
    for (struct addrinfo *a = res; a && ok; a = a->ai_next)
        ok = webhook_addr_allowed(a->ai_addr, config.allow, config.nallow);
    if (!ok) {
        snprintf(why, whylen, "the host resolves to a loopback, private or link-local address");
    } else {
        char addr[INET6_ADDRSTRLEN] = "", entry[512];
        const void *p = res->ai_family == AF_INET ? (const void *)&((struct sockaddr_in *)res->ai_addr)->sin_addr
                                                  : (const void *)&((struct sockaddr_in6 *)res->ai_addr)->sin6_addr;
        inet_ntop(res->ai_family, p, addr, sizeof addr);
        snprintf(entry, sizeof entry, res->ai_family == AF_INET6 ? "%s:%s:[%s]" : "%s:%s:%s", name, port, addr);
        *resolve = curl_slist_append(NULL, entry);
        ok = *resolve != NULL;
    }
    freeaddrinfo(res);
out:
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(u);
    return ok;
}

/* Sends m once: the HTTP status (0 when no answer came; why then says why). */
static long send_once(const webhook_message *m, char *why, size_t whylen)
{
    why[0] = '\0';
    struct curl_slist *resolve = NULL, *headers = NULL;
    if (!resolve_checked(m->url, &resolve, why, whylen))
        return 0;
    int64_t ts = now_ms() / 1000;
    char sig[WEBHOOK_SIGNATURE_MAX], line[256];
    hg_err err;
    if (webhook_sign(m->secret, m->msg_id, ts, m->body, strlen(m->body), sig, &err)) {
        snprintf(why, whylen, "%s", err.message);
        curl_slist_free_all(resolve);
        return 0;
    }
    headers = curl_slist_append(headers, "Content-Type: application/json");
    snprintf(line, sizeof line, "webhook-id: %s", m->msg_id);
    headers = curl_slist_append(headers, line);
    snprintf(line, sizeof line, "webhook-timestamp: %lld", (long long)ts);
    headers = curl_slist_append(headers, line);
    snprintf(line, sizeof line, "webhook-signature: %s", sig);
    headers = curl_slist_append(headers, line);
    headers = curl_slist_append(headers, "Expect:"); /* no 100-continue round trip */
    long status = 0;
    CURL *c = curl_easy_init();
    if (!c || !headers) {
        snprintf(why, whylen, "out of memory");
    } else {
        curl_easy_setopt(c, CURLOPT_URL, m->url);
        curl_easy_setopt(c, CURLOPT_RESOLVE, resolve);
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L); /* a redirect is an answer, not a new target */
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)config.timeout_ms);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)config.timeout_ms);
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(c, CURLOPT_USERAGENT, "haiguan-webhooks/1");
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, m->body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(m->body));
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
        CURLcode rc = curl_easy_perform(c);
        if (rc == CURLE_OK)
            curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        else
            snprintf(why, whylen, "%s", curl_easy_strerror(rc));
        if (status && (status < 200 || status >= 300))
            snprintf(why, whylen, "the endpoint answered %ld", status);
    }
    curl_easy_cleanup(c);
    curl_slist_free_all(headers);
    curl_slist_free_all(resolve);
    return status;
}

/* Sends m and records the outcome on d. */
static void deliver(db *d, const webhook_message *m)
{
    char why[256];
    int64_t start = now_ms();
    long status = send_once(m, why, sizeof why);
    char outcome = 'r';
    hg_err err;
    hg_err_clear(&err);
    if (!d || webhook_record(d, m, start, status, why[0] ? why : NULL, config.unit_ms, &outcome, &err))
        log_warn("webhooks: cannot record the attempt of %s: %s (it is tried again after its lease)", m->msg_id,
                 d ? err.message : "no database connection");
    pthread_mutex_lock(&mu);
    if (outcome == 'd')
        delivered_total++;
    else
        failed_attempts_total++;
    if (outcome == 'f')
        given_up_total++;
    pthread_mutex_unlock(&mu);
    if (outcome == 'f')
        log_warn("webhooks: %s given up after its last attempt (%s)", m->msg_id, why[0] ? why : "");
}

/* ---- the pool ---- */

static void *worker_main(void *arg)
{
    (void)arg;
    pthread_setname_np(pthread_self(), "hg-webhook");
    pthread_mutex_lock(&mu);
    for (;;) {
        while (!qlen && !stopping)
            pthread_cond_wait(&have_work, &mu);
        if (stopping)
            break;
        webhook_message m = queue[qhead];
        qhead = (qhead + 1) % QUEUE_MAX;
        qlen--;
        pthread_mutex_unlock(&mu);
        hg_err err;
        deliver(db_thread(&err), &m);
        pthread_mutex_lock(&mu);
        endpoint_done(m.endpoint_id);
        pthread_mutex_unlock(&mu);
        webhook_message_free(&m);
        jobs_wake("webhooks.deliver"); /* the endpoint's next message, if any, may go now */
        pthread_mutex_lock(&mu);
    }
    pthread_mutex_unlock(&mu);
    db_thread_close();
    return NULL;
}

hg_rc webhook_start(hg_err *err)
{
    pthread_once(&curl_once, curl_init);
    pthread_mutex_lock(&mu);
    stopping = 0;
    int want = config.workers < 1 ? 1 : config.workers > WORKERS_MAX ? WORKERS_MAX : config.workers;
    while (nworkers < want && pthread_create(&workers[nworkers], NULL, worker_main, NULL) == 0)
        nworkers++;
    int started = nworkers;
    pthread_mutex_unlock(&mu);
    return started ? HG_OK : hg_fail(err, HG_INTERNAL, NULL, NULL, "cannot start the webhook workers");
}

void webhook_stop(void)
{
    pthread_mutex_lock(&mu);
    stopping = 1;
    pthread_cond_broadcast(&have_work);
    int n = nworkers;
    pthread_mutex_unlock(&mu);
    for (int i = 0; i < n; i++)
        pthread_join(workers[i], NULL);
    pthread_mutex_lock(&mu);
    /* claimed but not sent: their leases run out and they are claimed again (here after a
     * restart, or by another server) */
    while (qlen) {
        webhook_message_free(&queue[qhead]);
        qhead = (qhead + 1) % QUEUE_MAX;
        qlen--;
    }
    nworkers = nbusy = 0;
    pthread_mutex_unlock(&mu);
}

/* ---- the job ---- */

hg_rc webhook_deliver_job(db *d, hg_err *err)
{
    pthread_mutex_lock(&mu);
    int pool = nworkers > 0 && !stopping, room = QUEUE_MAX - qlen;
    pthread_mutex_unlock(&mu);
    if (!pool)
        pthread_once(&curl_once, curl_init); /* `jobs run`: a command has one thread */
    if (room <= 0)
        return HG_OK;
    webhook_message got[QUEUE_MAX];
    int n = 0;
    int64_t now = now_ms();
    /* a claimed message is the claimer's until its attempt could have ended, and some */
    int64_t lease = now + 2 * config.timeout_ms + 5000;
    hg_rc rc = webhook_claim(d, now, lease, pool ? endpoint_busy : NULL, NULL, got, room, &n, err);
    if (rc)
        return rc;
    if (!pool) {
        for (int i = 0; i < n; i++) {
            deliver(d, &got[i]);
            webhook_message_free(&got[i]);
        }
        return HG_OK;
    }
    pthread_mutex_lock(&mu);
    for (int i = 0; i < n; i++) {
        queue[(qhead + qlen) % QUEUE_MAX] = got[i];
        qlen++;
        busy_endpoints[nbusy++] = got[i].endpoint_id;
    }
    pthread_cond_broadcast(&have_work);
    pthread_mutex_unlock(&mu);
    return HG_OK;
}

hg_rc webhook_metrics_render(db *d, buf *b, hg_err *err)
{
    int64_t pending = 0;
    hg_rc rc = webhook_pending(d, &pending, err);
    if (rc)
        return rc;
    pthread_mutex_lock(&mu);
    long ok = delivered_total, failed = failed_attempts_total, given_up = given_up_total;
    pthread_mutex_unlock(&mu);
    return buf_appendf(b,
                       "# HELP haiguan_webhook_deliveries_total Webhook messages acknowledged (2xx) by their "
                       "endpoint, by this server.\n"
                       "# TYPE haiguan_webhook_deliveries_total counter\n"
                       "haiguan_webhook_deliveries_total %ld\n"
                       "# HELP haiguan_webhook_attempts_failed_total Webhook attempts that got no 2xx, by this "
                       "server.\n"
                       "# TYPE haiguan_webhook_attempts_failed_total counter\n"
                       "haiguan_webhook_attempts_failed_total %ld\n"
                       "# HELP haiguan_webhook_given_up_total Webhook messages given up (410, or retried for three "
                       "days), by this server.\n"
                       "# TYPE haiguan_webhook_given_up_total counter\n"
                       "haiguan_webhook_given_up_total %ld\n"
                       "# HELP haiguan_webhook_deliveries_pending Webhook messages waiting for delivery or a "
                       "retry.\n"
                       "# TYPE haiguan_webhook_deliveries_pending gauge\n"
                       "haiguan_webhook_deliveries_pending %lld\n",
                       ok, failed, given_up, (long long)pending);
}
