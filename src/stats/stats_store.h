/* stats_store.h — clearance-time statistics over the stored declarations. */
#ifndef HG_STATS_STORE_H
#define HG_STATS_STORE_H

#include <jansson.h>

#include "../platform/db.h"
#include "stats.h"

typedef struct stats_query {
    const char *direction;   /* "import", "export" or NULL for both */
    const char *port;        /* 4-digit customs code or NULL */
    const char *group;       /* "day", "week" or "month" */
    int64_t from_ms, to_ms;  /* releases in [from, to) */
    int baseline_year;       /* 0: none */
} stats_query;

/* {"group","groups":[{"key","total":{count,mean_hours,median_hours,p90_hours},
 * "arrival_to_declaration":…, "declaration_to_release":…, "release_to_gate":…,
 * "baseline":{"key","count","mean_hours","change_pct"}}]}. Caller owns *out. */
hg_rc stats_clearance_json(db *d, const stats_query *q, json_t **out, hg_err *err);

/* Counts for the manager's dashboard, filed in [from, to): declarations by status and by
 * lane, releases in the period, open inspections and the age of the oldest (hours). */
hg_rc stats_overview_json(db *d, const stats_query *q, json_t **out, hg_err *err);

/* The years (Asia/Shanghai) in which declarations were released, newest first, with how many:
 * {"years":[{"year":2026,"released":N},...]}; a year without releases is not listed, so that
 * a baseline is offered only where there is one. direction filters when non-NULL. */
hg_rc stats_years_json(db *d, const char *direction, json_t **out, hg_err *err);

/* Group key of a moment: "2026-12-01", "2026-W49" or "2026-12" (Asia/Shanghai). */
void stats_group_key(int64_t ms, const char *group, char out[12]);
/* 00:00 Asia/Shanghai on 1 January of year, as ms since the epoch. */
int64_t stats_year_start_ms(int year);

#endif
