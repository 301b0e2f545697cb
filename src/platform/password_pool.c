/* password_pool.c — a counting semaphore for password hashing (password_pool.h). */
#include "password_pool.h"

#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t freed = PTHREAD_COND_INITIALIZER;
static int slots, busy;
static long refused;

void password_pool_configure(int s)
{
    pthread_mutex_lock(&mu);
    slots = s;
    pthread_mutex_unlock(&mu);
}

/* Under mu. */
static void ensure_slots(void)
{
    if (!slots) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        slots = cores >= 4 ? (int)(cores / 2) : 1;
    }
}

hg_rc password_pool_try(hg_err *err)
{
    pthread_mutex_lock(&mu);
    ensure_slots();
    int got = busy < slots;
    if (got)
        busy++;
    pthread_mutex_unlock(&mu);
    return got ? HG_OK : hg_fail(err, HG_TOOMANY, "busy", NULL, "too many sign-ins at once; try again in 1 second");
}

void password_pool_wait(void)
{
    pthread_mutex_lock(&mu);
    ensure_slots();
    while (busy >= slots)
        pthread_cond_wait(&freed, &mu);
    busy++;
    pthread_mutex_unlock(&mu);
}

void password_pool_leave(void)
{
    pthread_mutex_lock(&mu);
    busy--;
    pthread_cond_signal(&freed);
    pthread_mutex_unlock(&mu);
}

void password_pool_count_refusal(void)
{
    pthread_mutex_lock(&mu);
    refused++;
    pthread_mutex_unlock(&mu);
}

long password_pool_refused(void)
{
    pthread_mutex_lock(&mu);
    long n = refused;
    pthread_mutex_unlock(&mu);
    return n;
}
