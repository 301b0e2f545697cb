/* log.h — one line per event on stderr, with a UTC timestamp and a level.
 * Messages are escaped (control characters never reach the log verbatim). Never log
 * passwords, tokens, keys or full identity numbers. Thread-safe. */
#ifndef HG_LOG_H
#define HG_LOG_H

#include <stdint.h>

#include "buf.h"

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Appends s as a log line holds it: quotes and backslashes escaped, control characters and
 * bytes that are not UTF-8 as \xNN, bidirectional controls as \uXXXX. */
hg_rc log_escape(buf *b, const char *s);
/* A name someone typed, as the log may show it when it names no user: its first two
 * characters and its length ("ab… (17 bytes)"), since people type passwords into name fields. */
void log_typed_name(const char *typed, char *out, size_t outlen);
/* Silences info lines (tests and CLI commands). */
void log_set_quiet(int quiet);

/* Milliseconds since the Unix epoch, UTC (wall clock). */
int64_t now_ms(void);
/* Makes now_ms return ms (0: the real clock again). Only for the demo generator, which
 * writes a month of history through the normal code paths in one single-threaded command. */
void clock_simulate(int64_t ms);
/* Monotonic nanoseconds, for durations. */
int64_t mono_ns(void);
/* RFC 3339 UTC with milliseconds ("2026-11-29T04:28:12.345Z") into out (>= 32 bytes). */
void time_format_rfc3339(int64_t ms, char *out, unsigned outlen);

#endif
