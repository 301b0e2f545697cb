/* http_defer.c — the timer that resumes held requests (http_defer.h). Held requests are few
 * (delayed sign-ins), so a list kept in due order is enough. */
#include "http_defer.h"

#include <pthread.h>
#include <time.h>

#include "log.h"
#include "mem.h"

typedef struct held {
    int64_t due_ns;
    void (*resume)(void *);
    void *cls;
    struct held *next;
} held;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static held *list;
static int running, stopping;
static pthread_t thread;

static void *timer_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    for (;;) {
        int64_t now = mono_ns();
        while (list && (stopping || list->due_ns <= now)) {
            held *h = list;
            list = h->next;
            pthread_mutex_unlock(&mu);
            h->resume(h->cls);
            xfree(h);
            pthread_mutex_lock(&mu);
        }
        if (stopping)
            break;
        /* sleep until the earliest is due, or a second, or a change */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        int64_t wait = list ? list->due_ns - now : 1000000000LL;
        if (wait > 1000000000LL)
            wait = 1000000000LL;
        ts.tv_sec += (time_t)(wait / 1000000000LL);
        ts.tv_nsec += (long)(wait % 1000000000LL);
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&changed, &mu, &ts);
    }
    pthread_mutex_unlock(&mu);
    return NULL;
}

int defer_start(void)
{
    pthread_mutex_lock(&mu);
    stopping = 0;
    pthread_mutex_unlock(&mu);
    if (pthread_create(&thread, NULL, timer_main, NULL) != 0)
        return -1;
    running = 1;
    return 0;
}

int defer_add(int64_t due_ns, void (*resume)(void *), void *cls)
{
    held *h = xcalloc(1, sizeof *h);
    if (!h)
        return -1;
    h->due_ns = due_ns;
    h->resume = resume;
    h->cls = cls;
    pthread_mutex_lock(&mu);
    if (!running || stopping) {
        pthread_mutex_unlock(&mu);
        xfree(h);
        return -1;
    }
    held **p = &list;
    while (*p && (*p)->due_ns <= due_ns)
        p = &(*p)->next;
    h->next = *p;
    *p = h;
    pthread_cond_signal(&changed);
    pthread_mutex_unlock(&mu);
    return 0;
}

void defer_stop(void)
{
    if (!running)
        return;
    pthread_mutex_lock(&mu);
    stopping = 1;
    pthread_cond_signal(&changed);
    pthread_mutex_unlock(&mu);
    pthread_join(thread, NULL);
    running = 0;
}
