/* metrics.c — Prometheus counters (requests by route and status) and a latency histogram
 * per route, in fixed-size tables so that hostile paths cannot grow memory. */
#include "metrics.h"

#include <pthread.h>
#include <string.h>

#define MAX_SERIES 256
#define MAX_ROUTES 128

static const double bucket_s[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
#define NBUCKETS (sizeof bucket_s / sizeof bucket_s[0])

typedef struct series {
    const char *route;
    int status;
    uint64_t count;
} series;

typedef struct route_hist {
    const char *route;
    uint64_t buckets[NBUCKETS];
    uint64_t count;
    double sum_s;
} route_hist;

#define MAX_RULES 192

typedef struct refusal {
    char rule[48];
    int status;
    uint64_t count;
} refusal;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static refusal refusals[MAX_RULES];
static series counts[MAX_SERIES];
static route_hist hists[MAX_ROUTES];

void metrics_observe(const char *route, int status, int64_t dur_ns)
{
    double s = (double)dur_ns / 1e9;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_SERIES; i++) {
        if (!counts[i].route || (counts[i].status == status && strcmp(counts[i].route, route) == 0)) {
            counts[i].route = route;
            counts[i].status = status;
            counts[i].count++;
            break;
        }
    }
    for (int i = 0; i < MAX_ROUTES; i++) {
        route_hist *h = &hists[i];
        if (!h->route || strcmp(h->route, route) == 0) {
            h->route = route;
            for (size_t b = 0; b < NBUCKETS; b++)
                if (s <= bucket_s[b])
                    h->buckets[b]++;
            h->count++;
            h->sum_s += s;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
}

void metrics_refusal(const char *rule, int status)
{
    char name[48] = "other";
    size_t n = rule ? strlen(rule) : 0;
    if (n > 0 && n < sizeof name && strspn(rule, "abcdefghijklmnopqrstuvwxyz0123456789_") == n)
        memcpy(name, rule, n + 1);
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_RULES; i++) {
        refusal *f = &refusals[i];
        if (!f->rule[0] || (f->status == status && strcmp(f->rule, name) == 0)) {
            if (!f->rule[0]) {
                if (i == MAX_RULES - 1)   /* the last slot is everything past the table */
                    memcpy(name, "other", 6);
                memcpy(f->rule, name, sizeof f->rule);
                f->status = status;
            }
            f->count++;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
}

hg_rc metrics_render(buf *b)
{
    hg_rc rc = HG_OK;
    pthread_mutex_lock(&lock);
    rc = buf_puts(b, "# HELP haiguan_refusals_total Refused requests (4xx) by the rule their error names.\n"
                     "# TYPE haiguan_refusals_total counter\n");
    for (int i = 0; i < MAX_RULES && refusals[i].rule[0] && !rc; i++)
        rc = buf_appendf(b, "haiguan_refusals_total{rule=\"%s\",status=\"%d\"} %llu\n", refusals[i].rule,
                         refusals[i].status, (unsigned long long)refusals[i].count);
    if (!rc)
        rc = buf_puts(b, "# HELP haiguan_http_requests_total HTTP requests by route and status.\n"
                     "# TYPE haiguan_http_requests_total counter\n");
    for (int i = 0; i < MAX_SERIES && counts[i].route && !rc; i++)
        rc = buf_appendf(b, "haiguan_http_requests_total{route=\"%s\",status=\"%d\"} %llu\n", counts[i].route,
                         counts[i].status, (unsigned long long)counts[i].count);
    if (!rc)
        rc = buf_puts(b, "# HELP haiguan_http_request_duration_seconds Time to answer a request.\n"
                         "# TYPE haiguan_http_request_duration_seconds histogram\n");
    for (int i = 0; i < MAX_ROUTES && hists[i].route && !rc; i++) {
        route_hist *h = &hists[i];
        for (size_t k = 0; k < NBUCKETS && !rc; k++)
            rc = buf_appendf(b, "haiguan_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n",
                             h->route, bucket_s[k], (unsigned long long)h->buckets[k]);
        if (!rc)
            rc = buf_appendf(b,
                             "haiguan_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n"
                             "haiguan_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
                             "haiguan_http_request_duration_seconds_count{route=\"%s\"} %llu\n",
                             h->route, (unsigned long long)h->count, h->route, h->sum_s, h->route,
                             (unsigned long long)h->count);
    }
    pthread_mutex_unlock(&lock);
    return rc;
}
