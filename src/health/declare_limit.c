/* declare_limit.c — the per-address rate limit of the public declaration route. The route
 * needs no account, and each declaration costs an Ed25519 signature and a durable write, so one
 * client address may declare at most HAIGUAN_HEALTH_DECLARE_PER_MIN times a minute (default
 * 60; 0 turns the limit off), in a token bucket as large as a minute's allowance; beyond it the
 * answer is 429 with Retry-After, before the card is even checked. Not a defence against many
 * addresses (the per-address connection limit and the group commit bound those): a flight's
 * travellers on one airport Wi-Fi share an address, which is why the default allows a burst of a
 * minute's worth. The buckets live in this process's memory (a fixed table, so its memory is
 * bounded): several servers behind one balancer each keep their own (docs/health.md). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "health.h"

#define SLOTS 4096 /* addresses remembered; a full table forgets the least recent in a probe run */
#define PROBES 8

typedef struct slot {
    uint64_t key; /* FNV-1a of the address; 0 = empty */
    health_bucket b;
} slot;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static slot table[SLOTS];

static uint64_t key_of(const char *addr)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)addr; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    return h ? h : 1;
}

long health_declare_rate(void)
{
    const char *s = getenv("HAIGUAN_HEALTH_DECLARE_PER_MIN");
    char *end;
    if (!s || !*s)
        return HEALTH_DECLARE_PER_MIN;
    long n = strtol(s, &end, 10);
    return *end || n < 0 || n > 1000000 ? HEALTH_DECLARE_PER_MIN : n;
}

int health_declare_admit(const char *addr, int64_t now_ms, long per_min, int *retry_after_s)
{
    if (per_min <= 0)
        return 1;
    uint64_t k = key_of(addr ? addr : "");
    pthread_mutex_lock(&mu);
    slot *s = NULL, *spare = NULL;
    for (unsigned i = 0; i < PROBES && !s; i++) {
        slot *t = &table[(k + i) % SLOTS];
        if (t->key == k)
            s = t;
        else if (!spare || (spare->key && (!t->key || t->b.at_ms < spare->b.at_ms)))
            spare = t; /* an empty slot, else the least recently used of the run */
    }
    if (!s) { /* a new address: it starts with a full bucket */
        s = spare;
        s->key = k;
        s->b = (health_bucket){.tokens_milli = per_min * 1000, .at_ms = now_ms};
    }
    int ok = health_bucket_take(&s->b, now_ms, per_min, retry_after_s);
    pthread_mutex_unlock(&mu);
    return ok;
}
