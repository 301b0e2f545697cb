/* mem.c — allocation wrappers with a failure-injection counter for tests. */
#include "mem.h"

#include <jansson.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static atomic_long fail_countdown; /* 0: off; otherwise allocations left before failing */

static int should_fail(void)
{
    long left = atomic_load(&fail_countdown);
    if (left <= 0)
        return 0;
    if (left == 1)
        return 1; /* stays at 1: every later allocation fails too */
    atomic_fetch_sub(&fail_countdown, 1);
    return 0;
}

void mem_fail_after(long n) { atomic_store(&fail_countdown, n); }

void *xmalloc(size_t n) { return should_fail() ? NULL : malloc(n ? n : 1); }
void *xcalloc(size_t count, size_t n) { return should_fail() ? NULL : calloc(count ? count : 1, n ? n : 1); }
void *xrealloc(void *p, size_t n) { return should_fail() ? NULL : realloc(p, n ? n : 1); }
void xfree(void *p) { free(p); }

char *xstrndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *d = xmalloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

char *xstrdup(const char *s) { return s ? xstrndup(s, strlen(s)) : NULL; }

void mem_init(void) { json_set_alloc_funcs(xmalloc, xfree); }
