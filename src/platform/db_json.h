/* db_json.h — the two shapes most reads take: one row mapped to a JSON object (or "not
 * found"), and all rows mapped into a JSON array. The mapper turns the current row of a
 * statement into an object (NULL on allocation failure). */
#ifndef HG_DB_JSON_H
#define HG_DB_JSON_H

#include <jansson.h>

#include "db.h"

typedef json_t *(*db_row_mapper)(db_stmt *s);

/* For mappers: column i (milliseconds since the epoch) written as RFC 3339 into out, which is
 * returned; NULL when the column is NULL (for json_pack's "s?", null, or "s*", left out). */
const char *db_col_time(db_stmt *s, int i, char out[40]);

/* Runs a query (fmt as db_query) and maps its first row into *out (caller owns it).
 * HG_NOTFOUND with code "not_found", field and message when there is no row. */
hg_rc db_row_json(db *d, db_row_mapper map, json_t **out, const char *field, const char *notfound, hg_err *err,
                  const char *sql, const char *fmt, ...);
/* Runs a query and maps every row into a new array *out (caller owns it). */
hg_rc db_rows_json(db *d, db_row_mapper map, json_t **out, hg_err *err, const char *sql, const char *fmt, ...);

#endif
