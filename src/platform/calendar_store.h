/* calendar_store.h — the district's holiday table (public holidays and make-up working days,
 * 调休) in the database, loaded into a working_calendar (calendar.h), and its importer,
 * `haiguan import holidays FILE`. The table changes once a year, when the State Council
 * publishes the next year's arrangement; the district loads it. Not for: the pure counting of
 * working days, which calendar.h does. */
#ifndef HG_CALENDAR_STORE_H
#define HG_CALENDAR_STORE_H

#include "calendar.h"
#include "db.h"
#include "module.h"

/* Loads every row of the holiday table into *out, sorted by day. The caller owns the array:
 * calendar_free. HG_DB / HG_UNAVAILABLE when the database fails (never an empty calendar in
 * its place: a deadline counted without the holidays would be wrong), HG_NOMEM. */
hg_rc calendar_load(db *d, working_calendar *out, hg_err *err);
void calendar_free(working_calendar *c);

extern const hg_module calendar_module;

#endif
