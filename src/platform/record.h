/* record.h — field tables: each record type is described once (name, type, flags,
 * validator, column) and generic code parses JSON into it, validates it with messages that
 * name the field and the rule, writes it with bound SQL, and serializes rows back to JSON.
 *
 * Identifier fields (FF_IDENT) are trimmed and upper-cased before validation (ident.h), as the
 * API promises; the command-line `haiguan check` does not do that. Money is parsed and
 * formatted by money.h, decimals (quantities, weights) by decimal.h, times by
 * time_parse_rfc3339 here. */
#ifndef HG_RECORD_H
#define HG_RECORD_H

#include <jansson.h>
#include <stdint.h>

#include "../check/check.h"
#include "buf.h"
#include "db.h"
#include "decimal.h"
#include "money.h"
#include "rc.h"

typedef enum field_type {
    FT_TEXT,    /* UTF-8 string, length in characters between min_len and max_len */
    FT_INT,     /* 64-bit integer, between min and max */
    FT_ENUM,    /* one of values[] */
    FT_BOOL,    /* stored as 0/1 */
    FT_TIME,    /* stored as ms since the epoch; RFC 3339 in JSON */
    FT_MONEY,   /* stored as integer fen; decimal string "1234.56" in JSON */
    FT_DECIMAL, /* stored as an integer count of 10^-scale units (a quantity's 1e-5, the gram of
                 * a weight in kg); in JSON a number or a decimal string of at most scale places
                 * (decimal.h), written back as an exact decimal without trailing zeros */
    FT_LIST,    /* JSON array of child records (child), min..max of them, kept in the child's
                 * table with the parent's key and a line number; not a column of the parent */
} field_type;

enum {
    FF_REQUIRED = 1u << 0,   /* must be present on create */
    FF_KEY = 1u << 1,        /* the record's key: set on create, never patched (with
                              * FF_SERVER: assigned by the server, e.g. entry_no) */
    FF_SERVER = 1u << 2,     /* set by the server only; rejected when a client sends it */
    FF_IDENT = 1u << 3,      /* identifier: trim and upper-case before validating */
    FF_FIXED = 1u << 4,      /* set on create, cannot be patched */
    FF_FILTER = 1u << 5,     /* may be used as an equality filter in list queries */
    FF_SEARCH = 1u << 6,     /* searched by the q= parameter of list queries */
};

typedef struct field {
    const char *name;            /* JSON name */
    field_type type;
    unsigned flags;              /* FF_* */
    int min_len, max_len;        /* FT_TEXT, in characters */
    int64_t min, max;            /* FT_INT / FT_MONEY / FT_DECIMAL bounds (FT_DECIMAL: in its
                                  * smallest units) */
    int scale;                   /* FT_DECIMAL: places after the point, 0..DECIMAL_SCALE_MAX */
    const char *const *values;   /* FT_ENUM: NULL-terminated */
    check_fn check;              /* identifier validator or NULL */
    /* FT_TEXT: the one form stored when a field accepts several spellings of one value (a
     * unit's code for its name): the canonical text (static storage) for s, or NULL to keep s.
     * Applied once, on input, before check; so the stored and compared form is always one. */
    const char *(*normalize)(const char *s);
    const char *column;          /* column name when it differs from name (e.g. created_ms) */
    const struct record_type *child;   /* FT_LIST: the child record type */
    const char *label_zh;        /* console label */
} field;

typedef struct record_type {
    const char *name;     /* "enterprise" */
    const char *table;    /* "enterprises" */
    const field *fields;  /* terminated by name == NULL; one FF_KEY text field (none for a child) */
    const char *parent_column;   /* child types: the column holding the parent's key; the
                                  * child table also has BIGINT line_no (1-based) */
} record_type;

struct record;
typedef struct field_value {
    int set;        /* present in the input (or set by the server) */
    int is_null;
    int64_t i;      /* FT_INT, FT_BOOL, FT_TIME, FT_MONEY, FT_DECIMAL; FT_LIST: number of children */
    char *s;        /* FT_TEXT, FT_ENUM; owned */
    struct record *list;   /* FT_LIST: i children; owned */
} field_value;

typedef struct record {
    const record_type *type;
    int n;               /* number of fields */
    field_value *v;      /* n values, in field order; owned */
} record;

enum record_mode { REC_CREATE, REC_PATCH };

/* An empty record of type t, every field unset, for the server to fill (record_set_*) and
 * store; the caller frees it with record_free, also on failure. */
hg_rc record_init(const record_type *t, record *out, hg_err *err);
/* Parses and validates body into out (which the caller frees with record_free, also on
 * failure). On create, required fields must be present; on patch, key, fixed and server
 * fields are refused. Unknown fields are refused. Errors name the field and the rule. */
hg_rc record_from_json(const record_type *t, const json_t *body, enum record_mode mode, record *out, hg_err *err);
void record_free(record *r);
/* Index of a field by name, or -1. */
int record_field_index(const record_type *t, const char *name);
/* Sets a value by field name (copies s). For server-set fields such as timestamps. */
hg_rc record_set_int(record *r, const char *name, int64_t v);
hg_rc record_set_text(record *r, const char *name, const char *s);
/* The value of a set text field, or NULL. */
const char *record_text(const record *r, const char *name);

/* The children of a set list field (NULL and *n = 0 when absent). */
const struct record *record_list(const record *r, const char *name, int *n);
/* Integer value of a set field, or dflt. */
int64_t record_int(const record *r, const char *name, int64_t dflt);

/* INSERT of the set fields (and the children of list fields, numbered from 1).
 * HG_CONFLICT (field = key) when the key exists. */
hg_rc record_insert(db *d, const record *r, hg_err *err);
/* INSERT of n child records of one child type under parent_key, numbered from 1: what
 * record_insert does for a list field, for children the server makes itself (tax lines). */
hg_rc record_insert_children(db *d, const record *rows, int n, const char *parent_key, hg_err *err);
/* UPDATE of the set fields of the row with key value key; a set list field replaces all
 * the children. HG_NOTFOUND when absent. */
hg_rc record_update(db *d, const record *r, const char *key, hg_err *err);
/* Loads one row as JSON (every field, lists with their children). HG_NOTFOUND when absent.
 * Caller owns *out. List queries (below) leave the lists out. */
hg_rc record_load_json(db *d, const record_type *t, const char *key, json_t **out, hg_err *err);

/* The children of child type t under parent_key, as record_load_json gives a list field: an
 * array of objects in line order. Caller owns *out. */
hg_rc record_children_json(db *d, const record_type *t, const char *parent_key, json_t **out, hg_err *err);

/* The JSON record_load_json would give for r once inserted (every field; unset ones null),
 * built without reading it back. NULL when out of memory. Caller owns it. */
json_t *record_to_json(const record *r);
/* The JSON of one (non-list) field of r, as record_to_json gives it; NULL for an unknown
 * field or no memory. */
json_t *record_field_json(const record *r, const char *name);

typedef struct record_query {
    const char *const *eq_names;    /* equality filters: field names ... */
    const char *const *eq_values;   /* ... and their values (count = n_eq) */
    int n_eq;
    const char *q;                  /* substring searched in FF_SEARCH fields, or NULL */
    const char *extra_sql;          /* a further condition in the area's own SQL ("filed_ms >= ?"),
                                     * ANDed, or NULL; its ? take extra_args (bound as text) */
    const char *const *extra_args;
    int n_extra;
    const char *q_sql;              /* with q: a further condition ORed with the FF_SEARCH fields'
                                     * (a child table's column, "entry_no IN (SELECT entry_no FROM
                                     * declaration_items WHERE LOWER(vins) LIKE ?)"), each of its
                                     * n_q_sql ? taking the lower-cased %q% pattern; or NULL */
    int n_q_sql;
    const char *cursor;             /* list after this key value, or NULL (not with sort or offset) */
    int limit;                      /* 1..200 */
    int newest_first;               /* order by key descending (keys that grow with time) */
    const char *sort;               /* a (non-list) field to order by before the key, or NULL;
                                     * the caller has checked it is one it allows */
    int sort_desc;                  /* sort descending; rows without a value come last either way */
    int offset;                     /* rows skipped (page mode) */
    int with_total;                 /* add "total": the number of rows matching, whatever the page */
} record_query;
/* {"items":[...],"next_cursor":"..."|null} (and "total" with with_total), ordered by sort then
 * key (descending with newest_first). With sort or offset there is no next_cursor (null): pages
 * are numbered. Caller owns *out. */
hg_rc record_list_json(db *d, const record_type *t, const record_query *q, json_t **out, hg_err *err);
/* Finishes a list answer *out ({items, next_cursor}) an area built itself: numbered pages
 * (sorted or skipped rows) have next_cursor null, and with_total adds "total". On failure
 * *out is freed and NULL. */
hg_rc record_page_numbered(json_t **out, int numbered, int with_total, int64_t total, hg_err *err);
/* The rows of q (its filters, search and order; limit, offset and cursor ignored) as CSV
 * (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break) after a header
 * line of field names; list fields are left out. A text beginning with = + - @ or a tab is
 * written after a ' so that a spreadsheet does not run it as a formula (CSV injection). *rows
 * gets the number of rows. HG_INVALID (code too_many_rows) when more than max_rows match:
 * out then holds nothing useful. */
hg_rc record_list_csv(db *d, const record_type *t, const record_query *q, int max_rows, buf *out, int *rows,
                      hg_err *err);
/* One CSV cell of v: quoted when it holds a comma, quote or line break; with text (a text, not
 * a number, time or money), one that a spreadsheet would take for a formula (= + - @ tab CR
 * first) gets a leading '. */
hg_rc record_csv_cell(buf *b, const char *v, int text);
/* The LIKE pattern of a search text: lower-cased, between %, its own % and _ made spaces so
 * that it matches literally (compare with LOWER(column)). NULL when out of memory; xfree it. */
char *record_search_pattern(const char *text);
/* Parses ?limit= (default 50, 1..200) for list routes. */
hg_rc record_parse_limit(const char *s, int *limit, hg_err *err);

/* money_parse and money_format (FT_MONEY's text) live in money.h. */
/* RFC 3339 ("2026-11-29T12:00:00+08:00", fractional seconds allowed) -> ms. */
hg_rc time_parse_rfc3339(const char *s, int64_t *ms);

#endif
