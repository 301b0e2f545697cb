/* list_query.c — the list parameters every list route shares (search, sort, numbered pages)
 * and the audited CSV export of a filtered list (list_query.h). The SQL is record.c's. */
#include "list_query.h"

#include <stdio.h>
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
    if (v[0] < '0' || v[0] > '9' || *end || page < 1 || page > LIST_OFFSET_MAX + 1)
        return hg_fail(err, HG_INVALID, "invalid", "page", "page must be a whole number from 1");
    if ((page - 1) * q->limit > LIST_OFFSET_MAX)
        return hg_fail(err, HG_INVALID, "invalid", "page",
                       "page reaches past row %d: narrow the filters or sort the other way", LIST_OFFSET_MAX);
    q->offset = (int)((page - 1) * q->limit);
    q->with_total = 1;
    return HG_OK;
}

/* The search text rule, on the value v (NULL: absent). */
static hg_rc read_text(const char *v, const char **text, hg_err *err)
{
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

/* A list answers what its filters select: a parameter it does not take would silently select
 * everything (?bill_no= on a route without that filter), so it is refused by its name. */
static hg_rc refuse_undeclared(req *r, hg_err *err)
{
    const char *name = req_query_undeclared(r);
    if (!name)
        return HG_OK;
    /* (the field is copied into err; a longer name is cut there, the message keeps it) */
    return hg_fail(err, HG_INVALID, "unknown_parameter", name, "this list takes no parameter %s", name);
}

hg_rc list_query_text(req *r, const char **text, hg_err *err)
{
    hg_rc rc = refuse_undeclared(r, err);
    return rc ? rc : read_text(req_query(r, "q"), text, err);
}

hg_rc list_query_read(const list_params *p, const char *const *sortable, int paged, record_query *q, hg_err *err)
{
    const char *text;
    hg_rc rc = read_text(p->q, &text, err);
    if (rc)
        return rc;
    if (text)
        q->q = text;
    if (p->sort && (rc = parse_sort(p->sort, sortable, q, err)))
        return rc;
    if (!paged)
        return HG_OK;
    if ((rc = record_parse_limit(p->limit, &q->limit, err)))
        return rc;
    if (p->page && (rc = parse_page(p->page, q, err)))
        return rc;
    q->cursor = p->cursor;
    if (q->cursor && (p->page || p->sort))
        return hg_fail(err, HG_INVALID, "invalid", "cursor", "cursor pages by key: not with page or sort");
    return HG_OK;
}

hg_rc list_query_parse(req *r, const char *const *sortable, int paged, record_query *q, hg_err *err)
{
    hg_rc rc = refuse_undeclared(r, err);
    if (rc)
        return rc;
    list_params p = {.q = req_query(r, "q"), .sort = req_query(r, "sort")};
    if (paged) {
        p.page = req_query(r, "page");
        p.limit = req_query(r, "limit");
        p.cursor = req_query(r, "cursor");
    }
    return list_query_read(&p, sortable, paged, q, err);
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

/* Records the export of rows rows (action on table) and answers r with csv as the attachment
 * NAME-export.csv: the audit row in its own transaction, since the route reads outside one. */
static hg_rc export_reply(req *r, const char *table, buf *csv, int rows, const char *action, hg_err *err)
{
    json_t *after = json_pack("{s:o*, s:i}", "query", given_query(r), "rows", rows);
    hg_rc rc = after ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    hg_ctx c = req_ctx(r);
    if (!rc && !(rc = db_begin(r->db, err)))
        rc = audit_commit(&c, HG_OK, action, table, r->request_id, NULL, after, err);
    json_decref(after);
    char disposition[160];
    snprintf(disposition, sizeof disposition, "attachment; filename=\"%s-export.csv\"", table);
    if (!rc)
        rc = req_add_header(r, "Content-Disposition", disposition);
    if (!rc)
        rc = req_reply_raw(r, 200, "text/csv; charset=utf-8", csv->data ? csv->data : "", csv->len);
    return rc;
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
    if (!rc)
        rc = export_reply(r, t->table, &csv, rows, action, err);
    buf_free(&csv);
    return rc;
}

/* One JSON value as a CSV cell: strings (as text), numbers and booleans; null, objects and
 * arrays as nothing. */
static hg_rc json_cell(buf *b, const json_t *v)
{
    char tmp[48];
    if (json_is_string(v))
        return record_csv_cell(b, json_string_value(v), 1);
    if (json_is_integer(v))
        snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(v));
    else if (json_is_real(v))
        snprintf(tmp, sizeof tmp, "%g", json_real_value(v));
    else if (json_is_boolean(v))
        snprintf(tmp, sizeof tmp, "%s", json_is_true(v) ? "true" : "false");
    else
        return HG_OK;
    return record_csv_cell(b, tmp, 0);
}

hg_rc list_export_json(req *r, const char *table, const json_t *page, const char *const *columns, const char *action,
                       hg_err *err)
{
    const json_t *items = json_object_get(page, "items");
    if (json_integer_value(json_object_get(page, "total")) > LIST_EXPORT_MAX ||
        json_array_size(items) > LIST_EXPORT_MAX)
        return hg_fail(err, HG_INVALID, "too_many_rows", NULL,
                       "more than %d rows match: narrow the filters to export them", LIST_EXPORT_MAX);
    buf csv;
    buf_init(&csv, 48u << 20);
    hg_rc rc = buf_puts(&csv, "\xEF\xBB\xBF");
    for (const char *const *c = columns; *c && !rc; c++)
        rc = buf_appendf(&csv, "%s%s", c == columns ? "" : ",", *c);
    if (!rc)
        rc = buf_puts(&csv, "\r\n");
    size_t i;
    json_t *row;
    json_array_foreach(items, i, row)
    {
        for (const char *const *c = columns; *c && !rc; c++)
            if (!(rc = c == columns ? HG_OK : buf_puts(&csv, ",")))
                rc = json_cell(&csv, json_object_get(row, *c));
        if (!rc)
            rc = buf_puts(&csv, "\r\n");
        if (rc)
            break;
    }
    if (rc)
        rc = hg_fail(err, rc, NULL, NULL, "cannot write the export");
    else
        rc = export_reply(r, table, &csv, (int)json_array_size(items), action, err);
    buf_free(&csv);
    return rc;
}
