/* calendar.h — the Asia/Shanghai calendar every area counts in: local days, ISO 8601 weeks and
 * months of a moment, and the working-day calendar (weekends, public holidays and the make-up
 * working days, 调休, of the State Council's yearly notice) that deadlines are reckoned in.
 *
 * China Standard Time is UTC+8 all year (no daylight saving since 1991), so a local day is
 * plain arithmetic on UTC milliseconds: no tz database, no localtime. A day is named by its
 * number: days since 1970-01-01 (local), negative before. Dates are proleptic Gregorian.
 * Pure: no I/O, no clock (time is a parameter), no allocation. The district's holiday table
 * is loaded from the database by calendar_store.h. Not for: times of day (log.h formats RFC
 * 3339) or other time zones. */
#ifndef HG_CALENDAR_H
#define HG_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#define CALENDAR_OFFSET_MS (8LL * 3600 * 1000) /* UTC+8 */
#define CALENDAR_DAY_MS 86400000LL

/* The local day of a moment (ms since the epoch, UTC), rounded down. */
int64_t calendar_day_of(int64_t ms);
/* The moment (UTC ms) at which local day `day` begins. */
int64_t calendar_day_start_ms(int64_t day);

/* The day number of a civil date (month 1–12, day 1–31; not checked: see calendar_date_ok). */
int64_t calendar_days_from_civil(int y, int m, int d);
/* The civil date of a day number. */
void calendar_civil(int64_t day, int *y, int *m, int *d);
/* 1 when y-m-d is a real date (Feb 29 only in leap years), else 0. */
int calendar_date_ok(int y, int m, int d);
/* The local year of a moment. */
int calendar_year_of(int64_t ms);
/* ISO weekday of a day: 1 Monday … 7 Sunday. */
int calendar_weekday(int64_t day);
/* The ISO 8601 week of a day: the week belongs to the year of its Thursday. */
void calendar_iso_week(int64_t day, int *iso_year, int *week);

/* "YYYY-MM-DD" (exactly that, a real date) -> day number; 0 on success, -1 when malformed. */
int calendar_parse_date(const char *s, int64_t *day);
/* The day as "YYYY-MM-DD" (years 0–9999). */
void calendar_format_date(int64_t day, char out[11]);
/* The day's ISO week as "YYYY-Www". */
void calendar_format_week(int64_t day, char out[9]);
/* The day's month as "YYYY-MM". */
void calendar_format_month(int64_t day, char out[8]);

/* ---- working days ---- */

/* What the holiday table says of a date; a date it does not list is a working day from
 * Monday to Friday and a rest day on Saturday and Sunday. */
typedef enum calendar_day_kind {
    CALENDAR_HOLIDAY = 1, /* a public holiday or a rest day of one (假日), even on a weekday */
    CALENDAR_WORKDAY = 2, /* a make-up working day (调休), even on a weekend */
} calendar_day_kind;

typedef struct calendar_exception {
    int64_t day;
    calendar_day_kind kind;
} calendar_exception;

/* The district's holiday table: exceptions sorted by day, each day at most once (borrowed;
 * calendar_store.h fills one). A zero value is the plain Monday-to-Friday week. */
typedef struct working_calendar {
    const calendar_exception *days;
    size_t n;
} working_calendar;

/* 1 when day is a working day under c, else 0. */
int calendar_is_working_day(const working_calendar *c, int64_t day);
/* day itself when it is a working day, else the first working day after it: where a deadline
 * that falls on a rest day moves to. */
int64_t calendar_next_working_day(const working_calendar *c, int64_t day);
/* The n-th working day after day (n >= 1; day itself need not be one); n <= 0 gives
 * calendar_next_working_day(c, day). "Within 5 working days of the 3rd" is
 * calendar_add_working_days(c, day_of_3rd, 5). */
int64_t calendar_add_working_days(const working_calendar *c, int64_t day, int n);

#endif
