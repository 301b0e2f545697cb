/* log.c — stderr logging and clocks. */
#include "log.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "buf.h"

static int log_quiet;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

void log_set_quiet(int quiet) { log_quiet = quiet; }

/* Set only by the demo generator (a single-threaded command) to write history. */
static int64_t simulated_now;

void clock_simulate(int64_t ms) { simulated_now = ms; }

int64_t now_ms(void)
{
    if (simulated_now)
        return simulated_now;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Writes v as exactly n decimal digits at p. */
static void put_digits(char *p, int v, int n)
{
    for (int i = n - 1; i >= 0; i--, v /= 10)
        p[i] = (char)('0' + v % 10);
}

/* Every record's times are written with it: digits by hand rather than through snprintf. */
void time_format_rfc3339(int64_t ms, char *out, unsigned outlen)
{
    time_t secs = (time_t)(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    int milli = (int)(ms - (int64_t)secs * 1000);
    struct tm tm;
    gmtime_r(&secs, &tm);
    int year = tm.tm_year + 1900;
    if (year < 0 || year > 9999 || outlen < 25) {   /* outside what four digits say */
        snprintf(out, outlen, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                 tm.tm_min, tm.tm_sec, milli);
        return;
    }
    char *p = out;
    put_digits(p, year, 4);
    p[4] = '-';
    put_digits(p + 5, tm.tm_mon + 1, 2);
    p[7] = '-';
    put_digits(p + 8, tm.tm_mday, 2);
    p[10] = 'T';
    put_digits(p + 11, tm.tm_hour, 2);
    p[13] = ':';
    put_digits(p + 14, tm.tm_min, 2);
    p[16] = ':';
    put_digits(p + 17, tm.tm_sec, 2);
    p[19] = '.';
    put_digits(p + 20, milli, 3);
    p[23] = 'Z';
    p[24] = '\0';
}

static void log_line(const char *level, const char *fmt, va_list ap)
{
    char msg[2048];
    vsnprintf(msg, sizeof msg, fmt, ap);
    char head[64];
    time_format_rfc3339(now_ms(), head, 40);
    size_t n = strlen(head), k = strlen(level);
    head[n] = ' ';
    memcpy(head + n + 1, level, k);
    head[n + 1 + k] = ' ';
    buf b;
    buf_init(&b, 8192);
    if (buf_append(&b, head, n + k + 2) == HG_OK && buf_put_escaped(&b, msg) == HG_OK &&
        buf_puts(&b, "\n") == HG_OK) {
        pthread_mutex_lock(&log_lock);
        fputs(buf_str(&b), stderr);
        pthread_mutex_unlock(&log_lock);
    }
    buf_free(&b);
}

#define LOG_FN(name, level, skip)                                                                  \
    void name(const char *fmt, ...)                                                                \
    {                                                                                              \
        if (skip)                                                                                  \
            return;                                                                                \
        va_list ap;                                                                                \
        va_start(ap, fmt);                                                                         \
        log_line(level, fmt, ap);                                                                  \
        va_end(ap);                                                                                \
    }
LOG_FN(log_info, "info", log_quiet)
LOG_FN(log_warn, "warn", 0)
LOG_FN(log_error, "error", 0)
