/* calendar_store.c — the holiday table, its loading and its importer (calendar_store.h). */
#include "calendar_store.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "import.h"
#include "mem.h"
#include "refdata.h"

static const migration calendar_migrations[] = {
    {30, "holiday table",
     "CREATE TABLE holidays (date TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),"
     " name TEXT NOT NULL);",
     NULL, NULL},
    /* every tax bill's deadline reads the table: kept in memory, reloaded when it changes */
    {31, "the holiday table is reference data: cached, with a version", REFDATA_REGISTER(holidays),
     REFDATA_TRIGGERS_SQLITE(holidays), REFDATA_TRIGGERS_PG(holidays)},
    {0, NULL, NULL, NULL, NULL},
};

static calendar_day_kind kind_parse(const char *s)
{
    if (strcmp(s, "holiday") == 0)
        return CALENDAR_HOLIDAY;
    if (strcmp(s, "workday") == 0)
        return CALENDAR_WORKDAY;
    return 0;
}

/* The table as of version (refdata.h: bumped by triggers on any change, whoever makes it). */
static struct {
    pthread_mutex_t mu;
    int64_t version; /* 0: nothing cached */
    calendar_exception *days;
    size_t n;
} cached = {.mu = PTHREAD_MUTEX_INITIALIZER};

static hg_rc load_rows(db *d, working_calendar *out, hg_err *err)
{
    db_stmt *s;
    /* "YYYY-MM-DD" sorts as the dates do */
    hg_rc rc = db_query(d, &s, err, "SELECT date, kind FROM holidays ORDER BY date", "");
    if (rc)
        return rc;
    calendar_exception *v = NULL;
    size_t n = 0, cap = 0;
    while ((rc = db_step(s, err)) == HG_ROW) {
        int64_t day;
        calendar_day_kind kind = kind_parse(db_col_text(s, 1));
        if (calendar_parse_date(db_col_text(s, 0), &day) || !kind)
            continue; /* the importer and the CHECK admit no other rows */
        if (n == cap) {
            calendar_exception *more = xrealloc(v, (cap = cap ? cap * 2 : 64) * sizeof *v);
            if (!more) {
                rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
                break;
            }
            v = more;
        }
        v[n++] = (calendar_exception){day, kind};
    }
    db_reset(s);
    if (rc != HG_DONE) {
        xfree(v);
        return rc;
    }
    out->days = v;
    out->n = n;
    return HG_OK;
}

/* A copy of days[0..n) into *out; 0 when memory ran out. */
static int copy_days(const calendar_exception *days, size_t n, working_calendar *out)
{
    calendar_exception *v = n ? xmalloc(n * sizeof *v) : NULL;
    if (n && !v)
        return 0;
    if (n)
        memcpy(v, days, n * sizeof *v);
    out->days = v;
    out->n = n;
    return 1;
}

hg_rc calendar_load(db *d, working_calendar *out, hg_err *err)
{
    out->days = NULL;
    out->n = 0;
    int64_t version = 0;
    hg_rc rc = refdata_version(d, "holidays", &version, err);
    if (rc == HG_NOTFOUND) /* a database not migrated this far: read the table every time */
        version = 0, rc = HG_OK;
    if (rc)
        return rc;
    int hit = 0, ok = 1;
    pthread_mutex_lock(&cached.mu);
    if (version && cached.version == version)
        hit = 1, ok = copy_days(cached.days, cached.n, out);
    pthread_mutex_unlock(&cached.mu);
    if (hit)
        return ok ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if ((rc = load_rows(d, out, err)) || !version)
        return rc;
    working_calendar keep;
    if (!copy_days(out->days, out->n, &keep))
        return HG_OK; /* not cached this time; the answer stands */
    pthread_mutex_lock(&cached.mu);
    xfree(cached.days);
    cached.days = (calendar_exception *)keep.days;
    cached.n = keep.n;
    cached.version = version;
    pthread_mutex_unlock(&cached.mu);
    return HG_OK;
}

void calendar_free(working_calendar *c)
{
    xfree((void *)c->days);
    c->days = NULL;
    c->n = 0;
}

/* One line: date (YYYY-MM-DD), kind (holiday | workday), name; an optional header line. */
static hg_rc holiday_line(void *ctx, db *d, import_row *r, hg_err *err)
{
    (void)ctx;
    if (r->line == 1 && strcmp(r->field[0], "date") == 0) {
        r->skip = 1;
        return HG_OK;
    }
    int64_t day;
    if (r->nfields != 3)
        return hg_fail(err, HG_INVALID, "invalid", NULL, "date,kind,name expected");
    if (calendar_parse_date(r->field[0], &day))
        return hg_fail(err, HG_INVALID, "invalid", "date", "date must be a real date as YYYY-MM-DD");
    if (!kind_parse(r->field[1]))
        return hg_fail(err, HG_INVALID, "invalid", "kind",
                       "kind must be holiday (a rest day) or workday (a make-up working day, 调休)");
    if (!r->field[2][0] || strlen(r->field[2]) > 100)
        return hg_fail(err, HG_INVALID, "invalid", "name", "name is required (at most 100 bytes), such as 春节");
    return db_run(d, err,
                  "INSERT INTO holidays (date, kind, name) VALUES (?, ?, ?) "
                  "ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name",
                  "ttt", r->field[0], r->field[1], r->field[2]);
}

/* The whole file or nothing: a half-loaded year would move deadlines. */
static int import_holidays(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    const import_spec spec = {.format = IMPORT_CSV,
                              .policy = IMPORT_ALL_OR_NOTHING,
                              .max_bytes = 1u << 20,
                              .malformed = "malformed CSV",
                              .line = holiday_line};
    return import_run(&spec, d, path);
}

static const importer calendar_importers[] = {
    {"holidays", import_holidays,
     "CSV: date (YYYY-MM-DD), kind (holiday | workday, a make-up working day 调休), name; a date again replaces "
     "it; the whole file or nothing"},
    {NULL, NULL, NULL},
};

/* The demo district's holiday table: the State Council's arrangements of public holidays for
 * 2025 (国务院办公厅通知, 国办发明电〔2024〕12号) and 2026 (published in November 2025), with
 * the make-up working days (调休) they announce. A real district imports each year's
 * arrangement (`haiguan import holidays`). */
static const struct {
    const char *from, *to;
    const char *kind, *name;
} demo_holidays[] = {
    {"2025-01-01", "2025-01-01", "holiday", "元旦"},
    {"2025-01-26", "2025-01-26", "workday", "春节"},
    {"2025-01-28", "2025-02-04", "holiday", "春节"},
    {"2025-02-08", "2025-02-08", "workday", "春节"},
    {"2025-04-04", "2025-04-06", "holiday", "清明节"},
    {"2025-04-27", "2025-04-27", "workday", "劳动节"},
    {"2025-05-01", "2025-05-05", "holiday", "劳动节"},
    {"2025-05-31", "2025-06-02", "holiday", "端午节"},
    {"2025-09-28", "2025-09-28", "workday", "国庆节、中秋节"},
    {"2025-10-01", "2025-10-08", "holiday", "国庆节、中秋节"},
    {"2025-10-11", "2025-10-11", "workday", "国庆节、中秋节"},
    {"2026-01-01", "2026-01-03", "holiday", "元旦"},
    {"2026-01-04", "2026-01-04", "workday", "元旦"},
    {"2026-02-14", "2026-02-14", "workday", "春节"},
    {"2026-02-15", "2026-02-23", "holiday", "春节"},
    {"2026-02-28", "2026-02-28", "workday", "春节"},
    {"2026-04-04", "2026-04-06", "holiday", "清明节"},
    {"2026-05-01", "2026-05-05", "holiday", "劳动节"},
    {"2026-05-09", "2026-05-09", "workday", "劳动节"},
    {"2026-06-19", "2026-06-21", "holiday", "端午节"},
    {"2026-09-20", "2026-09-20", "workday", "国庆节"},
    {"2026-09-25", "2026-09-27", "holiday", "中秋节"},
    {"2026-10-01", "2026-10-07", "holiday", "国庆节"},
    {"2026-10-10", "2026-10-10", "workday", "国庆节"},
};

/* Loads the demo holiday table (what the district has already loaded stays). */
static hg_rc calendar_demo(db *d, hg_err *err)
{
    hg_rc rc = db_begin(d, err);
    for (size_t i = 0; !rc && i < sizeof demo_holidays / sizeof demo_holidays[0]; i++) {
        int64_t from = 0, to = 0;
        calendar_parse_date(demo_holidays[i].from, &from);
        calendar_parse_date(demo_holidays[i].to, &to);
        for (int64_t day = from; !rc && day <= to; day++) {
            char date[11];
            calendar_format_date(day, date);
            rc =
                db_run(d, err, "INSERT INTO holidays (date, kind, name) VALUES (?, ?, ?) ON CONFLICT (date) DO NOTHING",
                       "ttt", date, demo_holidays[i].kind, demo_holidays[i].name);
        }
    }
    if (!rc)
        rc = db_commit(d, err);
    if (rc)
        db_rollback(d);
    return rc;
}

const hg_module calendar_module = {.name = "calendar",
                                   .demo = calendar_demo,
                                   .summary = "the working-day calendar: the district's holiday table",
                                   .migrations = calendar_migrations,
                                   .migrations_first = 30,
                                   .migrations_last = 39,
                                   .importers = calendar_importers};
