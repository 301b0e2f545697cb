/* db_json.c — reading rows into JSON through a mapper (db_json.h). */
#include "db_json.h"

#include <stdarg.h>

#include "db_impl.h"
#include "log.h"

hg_rc db_row_json(db *d, db_row_mapper map, json_t **out, const char *field, const char *notfound, hg_err *err,
                  const char *sql, const char *fmt, ...)
{
    db_stmt *s;
    va_list ap;
    va_start(ap, fmt);
    hg_rc rc = db_vquery(d, &s, err, sql, fmt, ap);
    va_end(ap);
    *out = NULL;
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        *out = map(s);
        rc = *out ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", field, "%s", notfound);
    }
    db_reset(s);
    return rc;
}

hg_rc db_rows_json(db *d, db_row_mapper map, json_t **out, hg_err *err, const char *sql, const char *fmt, ...)
{
    db_stmt *s;
    va_list ap;
    va_start(ap, fmt);
    hg_rc rc = db_vquery(d, &s, err, sql, fmt, ap);
    va_end(ap);
    *out = NULL;
    if (rc)
        return rc;
    json_t *arr = json_array();
    while ((rc = db_step(s, err)) == HG_ROW) {
        json_t *row = map(s);
        if (!row || json_array_append_new(arr, row)) {
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
            break;
        }
    }
    db_reset(s);
    if (rc != HG_DONE) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return HG_OK;
}

const char *db_col_time(db_stmt *s, int i, char out[40])
{
    if (db_col_null(s, i))
        return NULL;
    time_format_rfc3339(db_col_int(s, i), out, 40);
    return out;
}
