/* list_query.c — the list parameters every list route shares (search, sort, numbered pages)
 * and the audited CSV export of a filtered list (list_query.h). The SQL is record.c's. */
#include "list_query.h"

#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "json.h"
#include "utf8.h"

static hg_rc parse_sort(const char *v, const char *const *sortable, record_query *q, hg_err *err)
{
    int desc = v[0] == '-';
    const char *name = v + desc;
    for (const char *const *s = sortable; s && *s; s++)
        if (strcmp(*s, name) == 0) {
            q->sort = *s;
            q->sort_desc = desc;
            return HG_OK;
        }
    return hg_fail(err, HG_INVALID, "invalid", "sort", "sort must be a sortable column, optionally after -");
}

static hg_rc parse_page(const char *v, record_query *q, hg_err *err)
{
    char *end;
    long page = strtol(v, &end, 10);
    if (!*v || *end || page < 1 || page > LIST_OFFSET_MAX + 1)
        return hg_fail(err, HG_INVALID, "invalid", "page", "page must be a whole number from 1");
    if ((page - 1) * q->limit > LIST_OFFSET_MAX)
        return hg_fail(err, HG_INVALID, "invalid", "page",
                       "page reaches past row %d: narrow the filters or sort the other way", LIST_OFFSET_MAX);
    q->offset = (int)((page - 1) * q->limit);
    q->with_total = 1;
    return HG_OK;
}

hg_rc list_query_text(req *r, const char **text, hg_err *err)
{
    const char *v = req_query(r, "q");
    *text = NULL;
    if (!v || !*v)
        return HG_OK;
    if (!utf8_text_ok(v) || strlen(v) > LIST_Q_MAX * 4)
        return hg_fail(err, HG_INVALID, "invalid", "q", "q must be one line of text");
    size_t chars = 0;
    for (const char *p = v; *p; p++)
        chars += ((unsigned char)*p & 0xc0) != 0x80;
    if (chars > LIST_Q_MAX)
        return hg_fail(err, HG_INVALID, "invalid", "q", "q must be at most %d characters", LIST_Q_MAX);
    *text = v;
    return HG_OK;
}

hg_rc list_query_parse(req *r, const char *const *sortable, int paged, record_query *q, hg_err *err)
{
    const char *text;
    hg_rc rc = list_query_text(r, &text, err);
    if (rc)
        return rc;
    if (text)
        q->q = text;
    const char *sort = req_query(r, "sort");
    if (sort && (rc = parse_sort(sort, sortable, q, err)))
        return rc;
    if (!paged)
        return HG_OK;
    if ((rc = record_parse_limit(req_query(r, "limit"), &q->limit, err)))
        return rc;
    const char *page = req_query(r, "page");
    if (page && (rc = parse_page(page, q, err)))
        return rc;
    q->cursor = req_query(r, "cursor");
    if (q->cursor && (page || sort))
        return hg_fail(err, HG_INVALID, "invalid", "cursor", "cursor pages by key: not with page or sort");
    return HG_OK;
}

/* The route's query parameters that r gave, as an object, for the audit row. */
static json_t *given_query(req *r)
{
    json_t *o = json_object();
    const char *p = r->route->query;
    while (o && p && *p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char name[64];
        if (n && n < sizeof name) {
            memcpy(name, p, n);
            name[n] = '\0';
            const char *v = req_query(r, name);
            if (v && json_object_set_new(o, name, json_string(v))) {
                json_decref(o);
                o = NULL;
            }
        }
        p = comma ? comma + 1 : NULL;
    }
    return o;
}

hg_rc list_export(req *r, const record_type *t, const record_query *q, const char *action, hg_err *err)
{
    buf csv;
    buf_init(&csv, 48u << 20);
    /* a BOM, so that a spreadsheet opens the Chinese text as UTF-8 */
    hg_rc rc = buf_puts(&csv, "\xEF\xBB\xBF");
    int rows = 0;
    if (!rc)
        rc = record_list_csv(r->db, t, q, LIST_EXPORT_MAX, &csv, &rows, err);
    json_t *after = rc ? NULL : json_pack("{s:o*, s:i}", "query", given_query(r), "rows", rows);
    if (!rc && !after)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    hg_ctx c = req_ctx(r);
    if (!rc && !(rc = db_begin(r->db, err)))
        rc = audit_commit(&c, HG_OK, action, t->table, r->request_id, NULL, after, err);
    json_decref(after);
    char disposition[160];
    snprintf(disposition, sizeof disposition, "attachment; filename=\"%s-export.csv\"", t->table);
    if (!rc)
        rc = req_add_header(r, "Content-Disposition", disposition);
    if (!rc)
        rc = req_reply_raw(r, 200, "text/csv; charset=utf-8", csv.data ? csv.data : "", csv.len);
    buf_free(&csv);
    return rc;
}
