/* log.c — stderr logging and clocks.
 *
 * A log line holds what clients sent (paths, user names), so it is escaped for the terminal
 * and the tools that read it: control characters, invalid UTF-8 (each bad byte as \xNN) and
 * the characters that reorder text on screen (bidirectional overrides and isolates, as in
 * CVE-2021-42574's "Trojan Source"), which would let a crafted name make a line read as
 * something else. */
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

/* Length of the valid UTF-8 sequence at p (1 to 4), or 0 when the bytes there are not one
 * (overlong, surrogate, above U+10FFFF, truncated). *cp gets the code point. */
static int utf8_seq(const unsigned char *p, unsigned *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    int n = (p[0] & 0xe0) == 0xc0 ? 2 : (p[0] & 0xf0) == 0xe0 ? 3 : (p[0] & 0xf8) == 0xf0 ? 4 : 0;
    if (!n)
        return 0;
    unsigned c = p[0] & (0x7f >> n);
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        c = c << 6 | (p[i] & 0x3f);
    }
    static const unsigned least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < least[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    *cp = c;
    return n;
}

/* The marks and controls of the Unicode bidirectional algorithm (UAX #9). */
static int is_bidi_control(unsigned c)
{
    return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

hg_rc log_escape(buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    hg_rc rc = HG_OK;
    while (*p && !rc) {
        unsigned c;
        int n = utf8_seq(p, &c);
        char esc[12];
        if (n == 1 && c >= 0x20 && c != 0x7f && c != '"' && c != '\\') {
            rc = buf_append(b, p, 1);
        } else if (n == 1 && (c == '"' || c == '\\')) {
            esc[0] = '\\';
            esc[1] = (char)c;
            rc = buf_append(b, esc, 2);
        } else if (n <= 1) {   /* a control character or a byte that is not UTF-8 */
            esc[0] = '\\';
            esc[1] = 'x';
            esc[2] = hex[*p >> 4];
            esc[3] = hex[*p & 15];
            rc = buf_append(b, esc, 4);
            n = 1;
        } else if (is_bidi_control(c)) {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            rc = buf_puts(b, esc);
        } else {
            rc = buf_append(b, p, (size_t)n);
        }
        p += n;
    }
    return rc;
}

void log_typed_name(const char *typed, char *out, size_t outlen)
{
    const unsigned char *p = (const unsigned char *)typed;
    size_t cut = 0;
    for (int chars = 0; chars < 2 && p[cut]; chars++) {
        unsigned c;
        int n = utf8_seq(p + cut, &c);
        cut += n ? (size_t)n : 1;
    }
    size_t len = strlen(typed);
    snprintf(out, outlen, "%.*s%s (%zu bytes)", (int)cut, typed, cut < len ? "\xe2\x80\xa6" : "", len);
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
    if (buf_append(&b, head, n + k + 2) == HG_OK && log_escape(&b, msg) == HG_OK &&
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
