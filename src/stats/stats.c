/* stats.c — clearance-time arithmetic: segments, mean, median, nearest-rank percentile. */
#include "stats.h"

#include "../platform/money.h"

#include <stdio.h>
#include <stdlib.h>

int clearance_split(const clearance_facts *f, clearance_segments *out)
{
    if (!f->arrived_ms || !f->released_ms)
        return -1;
    int64_t start = f->filed_ms > f->arrived_ms ? f->filed_ms : f->arrived_ms;
    out->arrival_to_declaration_ms = f->filed_ms > f->arrived_ms ? f->filed_ms - f->arrived_ms : 0;
    int64_t customs = f->released_ms > start ? f->released_ms - start : 0;
    out->released_before_arrival = f->released_ms < start;
    out->gate_before_release = f->gate_out_ms && f->gate_out_ms < f->released_ms;
    /* the time a returned declaration spent with its declarant is its own segment (退单), taken
     * out of declaration -> release, never more than that segment holds */
    out->with_declarant_ms = f->with_declarant_ms > 0 ? (f->with_declarant_ms < customs ? f->with_declarant_ms : customs) : 0;
    out->declaration_to_release_ms = customs - out->with_declarant_ms;
    out->total_ms = out->arrival_to_declaration_ms + out->declaration_to_release_ms + out->with_declarant_ms;
    out->release_to_gate_ms = f->gate_out_ms ? (f->gate_out_ms > f->released_ms ? f->gate_out_ms - f->released_ms : 0)
                                             : -1;
    return 0;
}

static int cmp64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

void summarize(int64_t *v, size_t n, summary *out)
{
    out->count = n;
    out->mean_ms = out->median_ms = out->p90_ms = 0;
    if (!n)
        return;
    qsort(v, n, sizeof *v, cmp64);
    __int128 sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += v[i];
    out->mean_ms = (int64_t)((sum + (__int128)(n / 2)) / (__int128)n);
    out->median_ms = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2] + 1) / 2;
    size_t rank = (9 * n + 9) / 10;   /* ceil(0.9 n), 1-based */
    out->p90_ms = v[rank - 1];
}

int64_t change_bp(int64_t value, int64_t baseline)
{
    if (!baseline)
        return 0;
    return decimal_div_round((__int128)(value - baseline) * 10000, baseline);
}

void hours_format(int64_t ms, char *out, size_t outlen)
{
    decimal2_format((ms + 18000) / 36000, out, outlen);   /* hundredths of an hour, rounded half up */
}

json_t *stats_summary_json(int64_t *values, size_t n)
{
    summary s;
    summarize(values, n, &s);
    char mean[32], median[32], p90[32];
    hours_format(s.mean_ms, mean, sizeof mean);
    hours_format(s.median_ms, median, sizeof median);
    hours_format(s.p90_ms, p90, sizeof p90);
    return json_pack("{s:I, s:s, s:s, s:s}", "count", (json_int_t)s.count, "mean_hours", mean, "median_hours", median,
                     "p90_hours", p90);
}
