/* log.c — stderr logging and clocks. */
#include "log.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
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

void time_format_rfc3339(int64_t ms, char *out, unsigned outlen)
{
    time_t secs = (time_t)(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    int milli = (int)(ms - (int64_t)secs * 1000);
    struct tm tm;
    gmtime_r(&secs, &tm);
    snprintf(out, outlen, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, milli);
}

static void log_line(const char *level, const char *fmt, va_list ap)
{
    char msg[2048];
    vsnprintf(msg, sizeof msg, fmt, ap);
    char ts[40];
    time_format_rfc3339(now_ms(), ts, sizeof ts);
    buf b;
    buf_init(&b, 8192);
    if (buf_appendf(&b, "%s %s ", ts, level) == HG_OK && buf_put_escaped(&b, msg) == HG_OK &&
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
