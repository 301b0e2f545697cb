/* units.h — the customs table of units of measurement (海关计量单位代码表: a 3-digit code, the
 * Chinese name and an English name), as a static table compiled into the binary (why: docs/
 * RULES.md). An item's unit is stored by its Chinese name (千克, 台), as the printed
 * declaration, the tariff's legal units (法定计量单位) and the single window's form show it; the
 * code, which EDI messages and the single window send, is taken too and stored as its name
 * (units_name_of, the record's normaliser). Served by GET /api/v1/reference/units. */
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

/* The record normaliser (record.h) of an item's `unit`: the Chinese name of the unit whose
 * code s is ("035" -> "千克"), static storage; NULL when s is not a code of the table (a name
 * is kept as sent, and anything else is left for check_unit to refuse). */
const char *units_name_of(const char *s);

/* A check_fn (check.h) for an item's `unit`, after units_name_of: 1 when s is the Chinese name
 * of a unit of the table; else 0 with *reason saying why. */
int check_unit(const char *s, const char **reason);

/* The table as the route answers it, {"version": N, "items": [{"code", "name_zh", "name_en"}]},
 * built once per process; NULL only when out of memory. Static storage. */
const char *units_json(void);

#endif
