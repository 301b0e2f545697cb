/* health_json.c — rows of the health area's reads as JSON, typed by their column aliases
 * (health_store.h), so that each read is one SQL statement and no mapper of its own. */
#include <string.h>

#include "../platform/log.h"
#include "health_store.h"

static json_t *row_json(db_stmt *s)
{
    json_t *o = json_object();
    for (int i = 0; o && i < db_col_count(s); i++) {
        const char *name = db_col_name(s, i);
        size_t n = strlen(name);
        char key[64];
        int type = n > 3 && name[n - 3] == '_' && name[n - 2] == '_' ? name[n - 1] : 's';
        snprintf(key, sizeof key, "%.*s", (int)(type == 's' ? n : n - 3), name);
        json_t *v;
        if (db_col_null(s, i))
            v = json_null();
        else if (type == 'i')
            v = json_integer(db_col_int(s, i));
        else if (type == 'b')
            v = json_boolean(db_col_int(s, i));
        else if (type == 't') {
            char at[40];
            time_format_rfc3339(db_col_int(s, i), at, sizeof at);
            v = json_string(at);
        } else
            v = json_string(db_col_text(s, i));
        if (!v || json_object_set_new(o, key, v)) {
            json_decref(o);
            return NULL;
        }
    }
    return o;
}

hg_rc health_stmt_rows(db_stmt *s, json_t **out, hg_err *err)
{
    json_t *a = json_array();
    hg_rc rc = a ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        json_t *o = row_json(s);
        rc = o && !json_array_append_new(a, o) ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    if (rc)
        json_decref(a);
    *out = rc ? NULL : a;
    return rc;
}

hg_rc health_rows_json(db *d, json_t **out, hg_err *err, const char *sql, const char *fmt)
{
    db_stmt *s = NULL;
    json_t *items = NULL;
    hg_rc rc = db_query(d, &s, err, sql, fmt);
    if (!rc)
        rc = health_stmt_rows(s, &items, err);
    *out = rc ? NULL : json_pack("{s:o}", "items", items);
    if (!rc && !*out)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return rc;
}
