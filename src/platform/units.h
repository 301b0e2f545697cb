/* units.h — the customs table of units of measurement (海关计量单位代码表: a 3-digit code, the
 * Chinese name and an English name), as a static table compiled into the binary (why: docs/
 * RULES.md). A declaration states an item's unit by its Chinese name (千克, 台), as the printed
 * declaration, the tariff's legal units (法定计量单位) and the single window's form show it; the
 * code is the EDI's and the console's search key. Served by GET /api/v1/reference/units. */
#ifndef HG_UNITS_H
#define HG_UNITS_H

#include <stddef.h>

typedef struct unit_entry {
    const char *code; /* "035" */
    const char *zh;   /* "千克": what a declaration states */
    const char *en;   /* "kilogram" */
    int whole;        /* 1: a unit of count (台, 件, 箱): whole quantities only; 0: a measure */
} unit_entry;

/* The table's revision, the route's `version`: raised whenever a row changes, so that a
 * client holding an older copy knows to fetch it again. */
#define UNITS_VERSION 1

/* The rows, sorted by code, and how many. */
const unit_entry *units_table(size_t *n);
/* The row whose Chinese name is exactly name, or NULL. */
const unit_entry *units_by_name(const char *name);
/* The row of a 3-digit code, or NULL. */
const unit_entry *units_by_code(const char *code);

/* A check_fn (check.h) for an item's `unit`: 1 when s is the Chinese name of a unit of the
 * table; else 0 with *reason saying why (a code given instead of its name is told so). */
int check_unit(const char *s, const char **reason);

/* The table as the route answers it, {"version": N, "items": [{"code", "name_zh", "name_en"}]},
 * built once per process; NULL only when out of memory. Static storage. */
const char *units_json(void);

#endif
