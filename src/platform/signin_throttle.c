/* signin_throttle.c — counting failed sign-ins and deciding who waits (signin_throttle.h). */
#include "signin_throttle.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

/* 2^steps seconds, at most cap. */
static int64_t doubling_s(int64_t steps, int64_t cap)
{
    if (steps < 0)
        return 0;
    return steps >= 20 ? cap : ((int64_t)1 << steps) < cap ? (int64_t)1 << steps : cap;
}

/* Seconds left of the wait that failures past `free` impose since the latest one, or 0. */
static int64_t wait_left_s(int64_t failures, int64_t free, int64_t step, int64_t last_ms, int64_t now_ms)
{
    if (failures < free)
        return 0;
    int64_t wait_ms = doubling_s((failures - free) / step, THROTTLE_MAX_WAIT_S) * 1000;
    int64_t left = last_ms + wait_ms - now_ms;
    return left > 0 ? (left + 999) / 1000 : 0;
}

throttle_verdict throttle_decide(const throttle_counts *c, int64_t now_ms)
{
    throttle_verdict v = {0, 0, 0, 0};
    /* the client's own failures: on this name (1, 2, 4 … s after the fifth), on any name
     * (doubling every five failures after the fiftieth) */
    int64_t pair = wait_left_s(c->pair, THROTTLE_FREE_PAIR, 1, c->pair_last_ms, now_ms);
    int64_t addr = wait_left_s(c->addr, THROTTLE_FREE_ADDR, 5, c->addr_last_ms, now_ms);
    int64_t wait = pair > addr ? pair : addr;
    if (wait > 0) {
        v.refuse = 1;
        v.retry_after_s = (int)wait;
        return v;
    }
    /* everyone's failures on this name: a delay, never a refusal (250 ms doubling every five
     * failures past the tenth, at most 8 s) */
    if (c->name >= THROTTLE_FREE_NAME) {
        int64_t steps = (c->name - THROTTLE_FREE_NAME) / 5;
        int64_t d = steps >= 16 ? THROTTLE_MAX_DELAY_MS : 250 * ((int64_t)1 << steps);
        v.delay_ms = d < THROTTLE_MAX_DELAY_MS ? d : THROTTLE_MAX_DELAY_MS;
    }
    return v;
}

/* One counter, counted up by one pending attempt: the failures before it (all, and those not
 * pending) and the latest one's time. A counter idle for the window starts again. */
static hg_rc count_up(db *d, const char *key, int64_t now_ms, int64_t *all, int64_t *settled, int64_t *last_ms,
                      hg_err *err)
{
    db_stmt *s;
    int64_t stale = now_ms - THROTTLE_WINDOW_MS;
    hg_rc rc = db_query(d, &s, err,
                        "INSERT INTO login_throttle (subject, failures, pending, last_ms, prev_ms) VALUES (?, 1, 1, ?, 0) "
                        "ON CONFLICT (subject) DO UPDATE SET "
                        "failures = CASE WHEN login_throttle.last_ms < ? THEN 1 ELSE login_throttle.failures + 1 END, "
                        "pending = CASE WHEN login_throttle.last_ms < ? THEN 1 ELSE login_throttle.pending + 1 END, "
                        "prev_ms = CASE WHEN login_throttle.last_ms < ? THEN 0 ELSE login_throttle.last_ms END, "
                        "last_ms = ? RETURNING failures, pending, prev_ms",
                        "tiiiii", key, now_ms, stale, stale, stale, now_ms);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        *all = db_col_int(s, 0) - 1;
        *settled = *all - (db_col_int(s, 1) - 1);
        *last_ms = db_col_int(s, 2);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_DB, NULL, NULL, "the sign-in counter was not returned");
    }
    db_reset(s);
    return rc;
}

/* Adds df to the failures and dp to the pending attempts of the three counters (the pair's
 * is deleted instead when drop_pair is set). */
static hg_rc adjust(db *d, const char *keys[3], int df, int dp, int drop_pair, hg_err *err)
{
    hg_rc rc = db_begin(d, err);
    for (int i = 0; i < 3 && !rc; i++)
        rc = i == 0 && drop_pair
                 ? db_run(d, err, "DELETE FROM login_throttle WHERE subject = ?", "t", keys[0])
                 : db_run(d, err,
                          "UPDATE login_throttle SET failures = CASE WHEN failures + ? < 0 THEN 0 ELSE failures + ? END, "
                          "pending = CASE WHEN pending + ? < 0 THEN 0 ELSE pending + ? END WHERE subject = ?",
                          "iiiit", (int64_t)df, (int64_t)df, (int64_t)dp, (int64_t)dp, keys[i]);
    if (!rc)
        rc = db_commit(d, err);
    if (rc)
        db_rollback(d);
    return rc;
}

/* The counters' keys. A name is kept as a hash: what was typed may be a password. */
static void keys_of(const char *name, const char *addr, char pair[160], char byaddr[80], char byname[96])
{
    unsigned char h[16];
    char hex[33];
    crypto_generichash(h, sizeof h, (const unsigned char *)name, strlen(name), NULL, 0);
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    snprintf(pair, 160, "p:%s|%s", hex, addr);
    snprintf(byaddr, 80, "a:%s", addr);
    snprintf(byname, 96, "n:%s", hex);
}

hg_rc throttle_admit(db *d, const char *name, const char *addr, int64_t now_ms, throttle_verdict *v, hg_err *err)
{
    char pair[160], byaddr[80], byname[96];
    keys_of(name, addr, pair, byaddr, byname);
    const char *keys[3] = {pair, byaddr, byname};
    throttle_counts all = {0}, settled = {0};
    int64_t *a[3] = {&all.pair, &all.addr, &all.name}, *st[3] = {&settled.pair, &settled.addr, &settled.name};
    int64_t *last[3] = {&all.pair_last_ms, &all.addr_last_ms, &all.name_last_ms};
    hg_rc rc = db_begin(d, err);
    for (int i = 0; i < 3 && !rc; i++)
        rc = count_up(d, keys[i], now_ms, a[i], st[i], last[i], err);
    if (!rc)
        rc = db_commit(d, err);
    if (rc) {
        db_rollback(d);
        return rc;
    }
    settled.pair_last_ms = all.pair_last_ms;
    settled.addr_last_ms = all.addr_last_ms;
    settled.name_last_ms = all.name_last_ms;
    *v = throttle_decide(&settled, now_ms);
    if (v->refuse)   /* the client's own failing: this attempt is one more, not pending */
        return adjust(d, keys, 0, -1, 0, err);
    if (throttle_decide(&all, now_ms).refuse) {   /* others of its attempts are being checked */
        v->wait = 1;
        return adjust(d, keys, -1, -1, 0, err);
    }
    return HG_OK;
}

hg_rc throttle_failed(db *d, const char *name, const char *addr, hg_err *err)
{
    char pair[160], byaddr[80], byname[96];
    keys_of(name, addr, pair, byaddr, byname);
    const char *keys[3] = {pair, byaddr, byname};
    return adjust(d, keys, 0, -1, 0, err);
}

/* Its password was never tried, so it was no guess: the failure its admission counted is
 * taken back with its pending mark. */
hg_rc throttle_abandoned(db *d, const char *name, const char *addr, hg_err *err)
{
    char pair[160], byaddr[80], byname[96];
    keys_of(name, addr, pair, byaddr, byname);
    const char *keys[3] = {pair, byaddr, byname};
    return adjust(d, keys, -1, -1, 0, err);
}

hg_rc throttle_succeeded(db *d, const char *name, const char *addr, hg_err *err)
{
    char pair[160], byaddr[80], byname[96];
    keys_of(name, addr, pair, byaddr, byname);
    const char *keys[3] = {pair, byaddr, byname};
    return adjust(d, keys, -1, -1, 1, err);
}

hg_rc throttle_purge(db *d, int64_t now_ms, hg_err *err)
{
    return db_run(d, err, "DELETE FROM login_throttle WHERE last_ms < ?", "i", now_ms - THROTTLE_WINDOW_MS);
}
