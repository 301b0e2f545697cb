/* stats_api.c — GET /api/v1/stats/clearance-time and the statistics area's module record. */
#include <stdlib.h>
#include <string.h>

#include "../platform/http.h"
#include "../platform/log.h"
#include "../platform/module.h"
#include "../platform/record.h"
#include "stats_store.h"

static hg_rc clearance_time_api(req *r, hg_err *err)
{
    stats_query q = {0};
    q.direction = req_query(r, "direction");
    q.port = req_query(r, "port");
    q.group = req_query(r, "group") ? req_query(r, "group") : "month";
    if (q.direction && strcmp(q.direction, "import") && strcmp(q.direction, "export"))
        return hg_fail(err, HG_INVALID, "invalid", "direction", "direction must be import or export");
    if (strcmp(q.group, "day") && strcmp(q.group, "week") && strcmp(q.group, "month"))
        return hg_fail(err, HG_INVALID, "invalid", "group", "group must be day, week or month");
    if (q.port && (strlen(q.port) != 4 || strspn(q.port, "0123456789") != 4))
        return hg_fail(err, HG_INVALID, "invalid", "port", "port must be a 4-digit customs code");
    const char *f = req_query(r, "from"), *t = req_query(r, "to"), *b = req_query(r, "baseline_year");
    q.to_ms = now_ms() + 1;
    q.from_ms = q.to_ms - 30LL * 86400000;
    if (f && time_parse_rfc3339(f, &q.from_ms))
        return hg_fail(err, HG_INVALID, "invalid", "from", "from must be an RFC 3339 time with offset");
    if (t && time_parse_rfc3339(t, &q.to_ms))
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be an RFC 3339 time with offset");
    if (q.to_ms <= q.from_ms || q.to_ms - q.from_ms > 400LL * 86400000)
        return hg_fail(err, HG_INVALID, "invalid", "to", "the period must be from 1 ms to 400 days long");
    if (b) {
        char *end;
        long y = strtol(b, &end, 10);
        if (*end || y < 2000 || y > 2099)
            return hg_fail(err, HG_INVALID, "invalid", "baseline_year", "baseline_year must be a year such as 2017");
        q.baseline_year = (int)y;
    }
    json_t *out;
    hg_rc rc = stats_clearance_json(r->db, &q, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc overview_api(req *r, hg_err *err)
{
    stats_query q = {.group = "day"};
    q.direction = req_query(r, "direction");
    q.port = req_query(r, "port");
    if (q.direction && strcmp(q.direction, "import") && strcmp(q.direction, "export"))
        return hg_fail(err, HG_INVALID, "invalid", "direction", "direction must be import or export");
    if (q.port && (strlen(q.port) != 4 || strspn(q.port, "0123456789") != 4))
        return hg_fail(err, HG_INVALID, "invalid", "port", "port must be a 4-digit customs code");
    const char *f = req_query(r, "from"), *t = req_query(r, "to");
    q.to_ms = now_ms() + 1;
    q.from_ms = q.to_ms - 86400000LL;
    if (f && time_parse_rfc3339(f, &q.from_ms))
        return hg_fail(err, HG_INVALID, "invalid", "from", "from must be an RFC 3339 time with offset");
    if (t && time_parse_rfc3339(t, &q.to_ms))
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be an RFC 3339 time with offset");
    json_t *out;
    hg_rc rc = stats_overview_json(r->db, &q, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static hg_rc years_api(req *r, hg_err *err)
{
    const char *direction = req_query(r, "direction");
    if (direction && strcmp(direction, "import") && strcmp(direction, "export"))
        return hg_fail(err, HG_INVALID, "invalid", "direction", "direction must be import or export");
    json_t *out;
    hg_rc rc = stats_years_json(r->db, direction, &out, err);
    return rc ? rc : req_reply_json(r, 200, out);
}

static const route stats_routes[] = {
    {.method = "GET",
     .pattern = "/api/v1/stats/overview",
     .flags = ROUTE_REPLICA, /* a dashboard may be a moment old (serve --db-read) */
     .fn = overview_api,
     .scope = "stats",
     .roles = ROLE_ADMIN | ROLE_OFFICER,
     .query = "direction,from,port,to",
     .summary =
         "dashboard counts: declarations by status and lane, releases, open inspections (from, to, direction, port)"},
    {.method = "GET",
     .pattern = "/api/v1/stats/clearance-time",
     .flags = ROUTE_REPLICA, /* a dashboard may be a moment old (serve --db-read) */
     .fn = clearance_time_api,
     .scope = "stats",
     .roles = ROLE_ADMIN | ROLE_OFFICER,
     .query = "baseline_year,direction,from,group,port,to",
     .summary = "clearance time by day, week or month: count, mean, median, p90 per segment, against a baseline year"},
    {.method = "GET",
     .pattern = "/api/v1/stats/years",
     .flags = ROUTE_REPLICA, /* a dashboard may be a moment old (serve --db-read) */
     .fn = years_api,
     .scope = "stats",
     .roles = ROLE_ADMIN | ROLE_OFFICER,
     .query = "direction",
     .summary = "the years with releases, newest first, with their count: the baselines there are"},
    {0},
};

static const hg_scope stats_scopes[] = {
    {"stats", "dashboard counts and clearance time"},
    {NULL, NULL},
};

const hg_module stats_module = {.name = "stats",
                                .summary = "statistics: a read-only reporter of every area",
                                .migrations_first = 950,
                                .migrations_last = 999,
                                .routes = stats_routes,
                                .scopes = stats_scopes};
