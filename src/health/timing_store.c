/* timing_store.c — the dashboard's figures (日监控、周统计、月总结): per traveller the time from
 * the counter's scan to the outcome (target 20 minutes), per flight from landing to all its
 * samples sent and from landing to its last traveller out (target 1.5 hours), by day, ISO week
 * or month (Asia/Shanghai), with the counts: flights quarantined, travellers declared, tested,
 * positive, handed over. Read-only; the periods and medians are computed here from the rows
 * of the range (a month of one airport is some tens of thousands of rows). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/mem.h"
#include "health.h"
#include "health_store.h"

typedef struct series {
    int64_t *v;
    size_t n, cap;
} series;

static int series_add(series *s, int64_t v)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 16;
        int64_t *p = xrealloc(s->v, cap * sizeof *p);
        if (!p)
            return -1;
        s->v = p, s->cap = cap;
    }
    s->v[s->n++] = v;
    return 0;
}

static int cmp64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* One period's accumulators. */
typedef struct bucket {
    char key[12];
    series traveller, samples, out; /* seconds */
    int64_t flights, flights_quarantined, declared, tested, positive, handed_over, cleared;
    int64_t crew_positive; /* crew of inbound ships positive (vessel.crew_positive) */
} bucket;

typedef struct buckets {
    bucket *b;
    size_t n, cap;
    const char *period;
} buckets;

static bucket *bucket_of(buckets *bs, int64_t ms)
{
    char key[12];
    health_period_key(bs->period, ms, key);
    for (size_t i = bs->n; i-- > 0;)
        if (strcmp(bs->b[i].key, key) == 0)
            return &bs->b[i];
    if (bs->n == bs->cap) {
        size_t cap = bs->cap ? 2 * bs->cap : 16;
        bucket *p = xrealloc(bs->b, cap * sizeof *p);
        if (!p)
            return NULL;
        bs->b = p, bs->cap = cap;
    }
    bucket *b = &bs->b[bs->n++];
    memset(b, 0, sizeof *b);
    memcpy(b->key, key, sizeof key);
    return b;
}

static json_t *stats(series *s, int64_t target_s, const char *prefix)
{
    json_t *o = json_object();
    char k[48];
    if (s->n)
        qsort(s->v, s->n, sizeof *s->v, cmp64);
    int64_t within = 0;
    for (size_t i = 0; i < s->n; i++)
        within += s->v[i] <= target_s;
    snprintf(k, sizeof k, "%s_count", prefix);
    json_object_set_new(o, k, json_integer((json_int_t)s->n));
    /* the median (the mean of the middle two of an even count) and the nearest-rank 90th
     * percentile, as the clearance-time statistics count them */
    snprintf(k, sizeof k, "%s_median_s", prefix);
    json_object_set_new(
        o, k, s->n ? json_integer(s->n % 2 ? s->v[s->n / 2] : (s->v[s->n / 2 - 1] + s->v[s->n / 2]) / 2) : json_null());
    snprintf(k, sizeof k, "%s_p90_s", prefix);
    json_object_set_new(o, k, s->n ? json_integer(s->v[(s->n * 9 + 9) / 10 - 1]) : json_null());
    snprintf(k, sizeof k, "%s_max_s", prefix);
    json_object_set_new(o, k, s->n ? json_integer(s->v[s->n - 1]) : json_null());
    snprintf(k, sizeof k, "%s_within_target", prefix);
    json_object_set_new(o, k, json_integer(within));
    return o;
}

static hg_rc rows(db *d, const char *sql, int64_t from, int64_t to, json_t **out, hg_err *err)
{
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, err, sql, "ii", from, to);
    return rc ? rc : health_stmt_rows(s, out, err);
}

static int64_t ms_of(json_t *o, const char *k) { return json_integer_value(json_object_get(o, k)); }

hg_rc health_timings_json(db *d, const char *period, int64_t from, int64_t to, json_t **out, hg_err *err)
{
    char probe[12];
    *out = NULL;
    if (health_period_key(period, 0, probe))
        return hg_fail(err, HG_INVALID, "invalid", "period", "period is day, week or month");
    if (to <= from)
        return hg_fail(err, HG_INVALID, "invalid", "to", "to must be after from");
    buckets bs = {.period = period};
    json_t *trav = NULL, *fl = NULL, *decl = NULL, *tested = NULL, *pos = NULL, *crew = NULL;
    hg_rc rc = rows(d,
                    "SELECT barcode, flight_id, status, scanned_ms AS scanned__i, outcome_ms AS outcome__i FROM"
                    " health_travellers WHERE outcome_ms >= ? AND outcome_ms < ? ORDER BY outcome_ms",
                    from, to, &trav, err);
    if (!rc)
        rc = rows(d,
                  "SELECT f.id, f.landed_ms AS landed__i, f.samples_sent_ms AS sent__i,"
                  " CASE WHEN b.flight_id IS NULL THEN 0 ELSE 1 END AS boarded__i,"
                  " (SELECT MAX(t.outcome_ms) FROM health_travellers t WHERE t.flight_id = f.id) AS last_out__i,"
                  " (SELECT COUNT(*) FROM health_travellers t WHERE t.flight_id = f.id AND t.status = 'open')"
                  " AS open__i,"
                  " (SELECT COUNT(*) FROM health_samples p JOIN health_travellers t ON t.barcode = p.barcode"
                  "  WHERE t.flight_id = f.id AND p.sent_ms IS NULL) AS unsent__i"
                  " FROM health_flights f LEFT JOIN health_boardings b ON b.flight_id = f.id"
                  " WHERE f.landed_ms >= ? AND f.landed_ms < ? ORDER BY f.landed_ms",
                  from, to, &fl, err);
    if (!rc)
        rc = rows(d, "SELECT created_ms AS at__i FROM health_declarations WHERE created_ms >= ? AND created_ms < ?",
                  from, to, &decl, err);
    if (!rc)
        rc = rows(d,
                  "SELECT MIN(taken_ms) AS at__i FROM health_samples WHERE taken_ms >= ? AND taken_ms < ?"
                  " GROUP BY barcode",
                  from, to, &tested, err);
    if (!rc)
        rc = rows(d,
                  "SELECT MIN(result_ms) AS at__i FROM health_samples WHERE result = 'positive' AND result_ms >= ?"
                  " AND result_ms < ? GROUP BY barcode",
                  from, to, &pos, err);
    if (!rc)
        rc = rows(d, "SELECT reported_ms AS at__i FROM health_crew_cases WHERE reported_ms >= ? AND reported_ms < ?",
                  from, to, &crew, err);
    json_t *recent_t = json_array(), *recent_f = json_array(), *list = json_array();
    if (!rc && (!recent_t || !recent_f || !list))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    size_t i;
    json_t *o;
    bucket *b;
    json_array_foreach(trav, i, o)
    {
        if (rc || !(b = bucket_of(&bs, ms_of(o, "outcome"))))
            break;
        int64_t s = (ms_of(o, "outcome") - ms_of(o, "scanned")) / 1000;
        series_add(&b->traveller, s);
        int handed = strcmp(json_string_value(json_object_get(o, "status")), "handed_over") == 0;
        b->handed_over += handed;
        b->cleared += !handed;
        if (json_array_size(trav) - i <= 50)
            json_array_append_new(
                recent_t, json_pack("{s:O, s:O, s:O, s:I, s:b}", "barcode", json_object_get(o, "barcode"), "flight_id",
                                    json_object_get(o, "flight_id"), "status", json_object_get(o, "status"), "seconds",
                                    (json_int_t)s, "within_target", s * 1000 <= HEALTH_TARGET_TRAVELLER_MS));
    }
    json_array_foreach(fl, i, o)
    {
        if (rc || !(b = bucket_of(&bs, ms_of(o, "landed"))))
            break;
        int64_t landed = ms_of(o, "landed");
        b->flights++;
        b->flights_quarantined += ms_of(o, "boarded");
        json_t *sent = json_null(), *outs = json_null();
        if (!json_is_null(json_object_get(o, "sent")) && ms_of(o, "unsent") == 0) {
            series_add(&b->samples, (ms_of(o, "sent") - landed) / 1000);
            sent = json_integer((ms_of(o, "sent") - landed) / 1000);
        }
        if (!json_is_null(json_object_get(o, "last_out")) && ms_of(o, "open") == 0) {
            series_add(&b->out, (ms_of(o, "last_out") - landed) / 1000);
            outs = json_integer((ms_of(o, "last_out") - landed) / 1000);
        }
        if (json_array_size(fl) - i <= 50)
            json_array_append_new(recent_f,
                                  json_pack("{s:O, s:o, s:o, s:b}", "id", json_object_get(o, "id"), "samples_sent_s",
                                            sent, "last_out_s", outs, "boarded", ms_of(o, "boarded") != 0));
    }
    struct {
        json_t *a;
        size_t off;
    } counts[] = {{decl, offsetof(bucket, declared)},
                  {tested, offsetof(bucket, tested)},
                  {pos, offsetof(bucket, positive)},
                  {crew, offsetof(bucket, crew_positive)}};
    for (size_t k = 0; k < sizeof counts / sizeof counts[0] && !rc; k++)
        json_array_foreach(counts[k].a, i, o)
        {
            if (!(b = bucket_of(&bs, ms_of(o, "at"))))
                break;
            ++*(int64_t *)((char *)b + counts[k].off);
        }
    for (size_t k = 0; k < bs.n && !rc; k++) {
        b = &bs.b[k];
        json_t *row = json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "period", b->key, "flights",
                                (json_int_t)b->flights, "flights_quarantined", (json_int_t)b->flights_quarantined,
                                "declared", (json_int_t)b->declared, "tested", (json_int_t)b->tested, "positive",
                                (json_int_t)b->positive, "handed_over", (json_int_t)b->handed_over, "cleared",
                                (json_int_t)b->cleared, "crew_positive", (json_int_t)b->crew_positive);
        json_t *a = stats(&b->traveller, HEALTH_TARGET_TRAVELLER_MS / 1000, "traveller"),
               *c = stats(&b->samples, HEALTH_TARGET_FLIGHT_MS / 1000, "flight_samples_sent"),
               *e = stats(&b->out, HEALTH_TARGET_FLIGHT_MS / 1000, "flight_last_out");
        json_object_update(row, a);
        json_object_update(row, c);
        json_object_update(row, e);
        json_decref(a), json_decref(c), json_decref(e);
        json_array_append_new(list, row);
    }
    /* periods in order: keys of one kind sort as text */
    for (size_t x = 1; x < json_array_size(list); x++)
        for (size_t y = x; y > 0 && strcmp(json_string_value(json_object_get(json_array_get(list, y - 1), "period")),
                                           json_string_value(json_object_get(json_array_get(list, y), "period"))) > 0;
             y--) {
            json_t *t = json_incref(json_array_get(list, y));
            json_array_set(list, y, json_array_get(list, y - 1));
            json_array_set_new(list, y - 1, t);
        }
    if (!rc && !(*out = json_pack("{s:s, s:{s:I, s:I}, s:O, s:O, s:O}", "period", period, "targets", "traveller_s",
                                  (json_int_t)(HEALTH_TARGET_TRAVELLER_MS / 1000), "flight_s",
                                  (json_int_t)(HEALTH_TARGET_FLIGHT_MS / 1000), "periods", list, "travellers", recent_t,
                                  "flights", recent_f)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    for (size_t k = 0; k < bs.n; k++)
        xfree(bs.b[k].traveller.v), xfree(bs.b[k].samples.v), xfree(bs.b[k].out.v);
    xfree(bs.b);
    json_decref(list), json_decref(recent_t), json_decref(recent_f);
    json_decref(trav), json_decref(fl), json_decref(decl), json_decref(tested), json_decref(pos), json_decref(crew);
    return rc;
}
