/* signin_throttle.h — slowing password guessing without locking anyone out (issue 13 §1).
 *
 * Failed sign-ins are counted three ways: by this client on this name, by this client on any
 * name, and by everyone on this name. A client that has itself been failing waits, longer
 * with each further failure (429 with Retry-After), before its next attempt is even hashed.
 * A name under attack from elsewhere is never refused to a client that has not been failing:
 * its attempts are only delayed a little, so guessing it from many addresses is slow while
 * its owner still gets in. This follows OWASP's Authentication Cheat Sheet ("account lockout"
 * invites denial of service; prefer growing delays) and its Credential Stuffing prevention
 * sheet (throttling by source and by account together).
 *
 * Each attempt is counted before its password is hashed, in one statement per counter (an
 * upsert returning the new count), as pending: concurrent attempts cannot all see the old
 * count. The client is refused on its failures alone; attempts still being checked only make
 * it wait its turn (a few milliseconds, the request held without a thread), so that five
 * concurrent wrong passwords are hashed but a sixth is not, while a user opening six tabs at
 * once is signed in six times. A successful sign-in takes its own attempt back and clears
 * this client's count on the name. Counts older than the window (15 minutes) start again. */
#ifndef HG_SIGNIN_THROTTLE_H
#define HG_SIGNIN_THROTTLE_H

#include <stdint.h>

#include "db.h"
#include "rc.h"

/* Failures before this attempt (with or without the attempts still being checked), and when
 * the latest of them was (0: none). */
typedef struct throttle_counts {
    int64_t pair, addr, name;
    int64_t pair_last_ms, addr_last_ms, name_last_ms;
} throttle_counts;

typedef struct throttle_verdict {
    int refuse;          /* this client waits: answer 429 without hashing */
    int retry_after_s;   /* when refused: seconds until it may try again */
    int64_t delay_ms;    /* not refused: hold the attempt this long first (a name under attack) */
    int wait;            /* counting the attempts being checked it would be refused: it was not
                          * counted, and is tried again shortly */
} throttle_verdict;

#define THROTTLE_WINDOW_MS (15 * 60 * 1000)
#define THROTTLE_FREE_PAIR 5     /* one client's free failures on one name */
#define THROTTLE_FREE_ADDR 50    /* one client's free failures across names */
#define THROTTLE_FREE_NAME 10    /* a name's free failures from everyone */
#define THROTTLE_MAX_WAIT_S 900
#define THROTTLE_MAX_DELAY_MS 8000

/* The decision over the counts at now (pure). */
throttle_verdict throttle_decide(const throttle_counts *c, int64_t now_ms);

/* Counts an attempt on name from addr (pending until throttle_failed or throttle_succeeded)
 * and decides on the counts before it. A refused attempt counts as a failure; one told to
 * wait is not counted. */
hg_rc throttle_admit(db *d, const char *name, const char *addr, int64_t now_ms, throttle_verdict *v, hg_err *err);
/* The admitted attempt's password was wrong: a failure, no longer pending. */
hg_rc throttle_failed(db *d, const char *name, const char *addr, hg_err *err);
/* The admitted attempt was never decided (its client went away while it was held, or the
 * password pool stayed full): no longer pending, and not a failure. */
hg_rc throttle_abandoned(db *d, const char *name, const char *addr, hg_err *err);
/* The admitted attempt signed in: it is not a failure, and this client's failures on the name
 * end. */
hg_rc throttle_succeeded(db *d, const char *name, const char *addr, hg_err *err);
/* Forgets counters whose latest failure is older than the window (a periodic job). */
hg_rc throttle_purge(db *d, int64_t now_ms, hg_err *err);

#endif
