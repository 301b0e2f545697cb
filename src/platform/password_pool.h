/* password_pool.h — a bound on password hashing (issue 13 §1). Each argon2id hash takes 64 MiB
 * and tens of milliseconds of one core; sixteen clients failing sign-ins once moved an
 * officer's read from 2.6 ms to 534 ms and the server from 44 to 398 MB. At most `slots`
 * hashes run at once. A sign-in that finds no slot does not wait on a server thread (a few
 * such waits would stop every read): it is held without a thread and tries again shortly,
 * and after a while is answered 429 with Retry-After. */
#ifndef HG_PASSWORD_POOL_H
#define HG_PASSWORD_POOL_H

#include "rc.h"

/* Before the server starts: slots (default: half the cores, at least 1). */
void password_pool_configure(int slots);
/* Takes a slot if one is free: HG_OK, or HG_TOOMANY ("busy") at once. */
hg_rc password_pool_try(hg_err *err);
/* Takes a slot, waiting for one (administrators' password changes, the command line). */
void password_pool_wait(void);
void password_pool_leave(void);
/* A sign-in was answered 429 because no slot came free in time. */
void password_pool_count_refusal(void);
/* Sign-ins refused because the pool stayed full (for /metrics). */
long password_pool_refused(void);

#endif
