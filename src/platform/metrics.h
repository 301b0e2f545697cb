/* metrics.h — request counters and latency histograms, rendered as Prometheus text.
 * Thread-safe; memory is bounded (a fixed number of series, the rest counted as "other"). */
#ifndef HG_METRICS_H
#define HG_METRICS_H

#include <stdint.h>

#include "buf.h"

/* Counts one request on route (a route pattern, static storage) with status, taking dur_ns. */
void metrics_observe(const char *route, int status, int64_t dur_ns);
/* Counts one refusal (a 4xx answer) by the rule its error names (hg_err.code) and status; a
 * bounded table: codes past it, or not made of [a-z0-9_], count as "other". */
void metrics_refusal(const char *rule, int status);
/* Appends the Prometheus text exposition to b. */
hg_rc metrics_render(buf *b);

#endif
