/* calendar.c — Asia/Shanghai days, weeks and months and the working-day calendar
 * (calendar.h). Civil-date conversions are Howard Hinnant's days_from_civil / civil_from_days,
 * written for int64_t. */
#include "calendar.h"

#include <stdio.h>

/* floor(a / b) for b > 0 */
static int64_t floor_div(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

int64_t calendar_day_of(int64_t ms) { return floor_div(ms + CALENDAR_OFFSET_MS, CALENDAR_DAY_MS); }

int64_t calendar_day_start_ms(int64_t day) { return day * CALENDAR_DAY_MS - CALENDAR_OFFSET_MS; }

int64_t calendar_days_from_civil(int y, int m, int d)
{
    int64_t yy = y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400, yoe = yy - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

void calendar_civil(int64_t day, int *y, int *m, int *d)
{
    int64_t z = day + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int calendar_date_ok(int y, int m, int d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] && !(m == 2 && d == 29 && !leap);
}

int calendar_year_of(int64_t ms)
{
    int y, m, d;
    calendar_civil(calendar_day_of(ms), &y, &m, &d);
    return y;
}

int calendar_weekday(int64_t day)
{
    int64_t w = (day + 3) % 7; /* Monday 0: 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w) + 1;
}

void calendar_iso_week(int64_t day, int *iso_year, int *week)
{
    int64_t thursday = day - (calendar_weekday(day) - 1) + 3;
    int m, d;
    calendar_civil(thursday, iso_year, &m, &d);
    *week = (int)((thursday - calendar_days_from_civil(*iso_year, 1, 1)) / 7 + 1);
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int calendar_parse_date(const char *s, int64_t *day)
{
    int y, m, d;
    if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) || s[7] != '-' || !digits(s + 8, 2, &d) ||
        s[10] != '\0' || !calendar_date_ok(y, m, d))
        return -1;
    *day = calendar_days_from_civil(y, m, d);
    return 0;
}

void calendar_format_date(int64_t day, char out[11])
{
    int y, m, d;
    calendar_civil(day, &y, &m, &d);
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

void calendar_format_week(int64_t day, char out[9])
{
    int y, w;
    calendar_iso_week(day, &y, &w);
    snprintf(out, 9, "%04u-W%02u", (unsigned)y % 10000u, (unsigned)w % 100u);
}

void calendar_format_month(int64_t day, char out[8])
{
    int y, m, d;
    calendar_civil(day, &y, &m, &d);
    snprintf(out, 8, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
}

/* ---- working days ---- */

/* The table's kind for day, or 0 when it does not list it (binary search). */
static int exception_of(const working_calendar *c, int64_t day)
{
    size_t lo = 0, hi = c ? c->n : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->days[mid].day == day)
            return (int)c->days[mid].kind;
        if (c->days[mid].day < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int calendar_is_working_day(const working_calendar *c, int64_t day)
{
    int kind = exception_of(c, day);
    if (kind)
        return kind == CALENDAR_WORKDAY;
    return calendar_weekday(day) <= 5;
}

int64_t calendar_next_working_day(const working_calendar *c, int64_t day)
{
    /* a run of rest days is bounded by the table (the longest holiday is about nine days);
     * the bound only guards a table that makes every day a holiday */
    for (int i = 0; i < 366 && !calendar_is_working_day(c, day); i++)
        day++;
    return day;
}

int64_t calendar_add_working_days(const working_calendar *c, int64_t day, int n)
{
    if (n <= 0)
        return calendar_next_working_day(c, day);
    /* rest counts the rest days in a row, bounded as in calendar_next_working_day */
    for (int rest = 0; n > 0 && rest < 366;)
        if (calendar_is_working_day(c, ++day))
            n--, rest = 0;
        else
            rest++;
    return day;
}
