/* stats.h — clearance time (整体通关时间): the segments of one declaration's clearance and
 * the summary statistics over many (count, mean, median, 90th percentile), in integer
 * milliseconds. Pure functions; stats_store.c gathers the facts. */
#ifndef HG_STATS_H
#define HG_STATS_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

typedef struct clearance_facts {
    int64_t arrived_ms;    /* first arrival report (运抵), or the transport's arrival when the goods
                            * were released at it (ship-side pickup); 0 when unknown */
    int64_t filed_ms;      /* declaration */
    int64_t released_ms;   /* release (放行) */
    int64_t gate_out_ms;   /* left through the gate; 0 until the gate area records it */
    int64_t with_declarant_ms; /* time a returned declaration (退单) spent with its declarant
                                * before it was refiled: its own segment, not customs' time */
} clearance_facts;

typedef struct clearance_segments {
    int64_t arrival_to_declaration_ms;   /* 0 for advance declarations (filed before arrival) */
    int64_t declaration_to_release_ms;   /* from the later of filing and arrival, less the time
                                          * with the declarant */
    int64_t with_declarant_ms;           /* returned for correction until refiled (退单) */
    int64_t release_to_gate_ms;          /* -1 when not yet out */
    int64_t total_ms;                    /* arrival -> release: the three first segments */
    int released_before_arrival;         /* released before its recorded arrival (at the transport's
                                          * arrival, before the goods' report): customs' time 0 */
    int gate_before_release;             /* out before its release was recorded (a gate deciding
                                          * offline): release -> gate 0 */
} clearance_segments;

/* Splits one declaration's clearance into segments; -1 when it has no arrival or release. */
int clearance_split(const clearance_facts *f, clearance_segments *out);

typedef struct summary {
    size_t count;
    int64_t mean_ms;     /* rounded half up */
    int64_t median_ms;   /* the middle value, or the mean of the two middle ones (rounded half up) */
    int64_t p90_ms;      /* nearest rank: the value at rank ceil(0.9 n) */
} summary;

/* Summarises n values (sorted in place). count 0 and zeros when n is 0. */
void summarize(int64_t *values, size_t n, summary *out);

/* Change of value against baseline in basis points (−7733 = −77.33%); 0 when baseline is 0. */
int64_t change_bp(int64_t value, int64_t baseline);

/* "27.35": ms as hours with two decimals, rounded half up, into out. */
void hours_format(int64_t ms, char *out, size_t outlen);
/* {count, mean_hours, median_hours, p90_hours} of n intervals in ms (sorts values), the shape
 * every clearance-time answer gives, the district's and the national one; NULL out of memory. */
json_t *stats_summary_json(int64_t *values, size_t n);

#endif
