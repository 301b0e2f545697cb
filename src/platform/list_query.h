/* list_query.h — the parameters every list route shares, read once here: a search text (q),
 * a sort on one of the columns the route allows, numbered pages with a total count (page), and
 * the CSV export of the filtered list, bounded and recorded in the audit trail. The area keeps
 * its own filters (record_query's equality filters and extra SQL); this module only adds the
 * rest. Not for: the SQL itself (record.h) or an area's filters. */
#ifndef HG_LIST_QUERY_H
#define HG_LIST_QUERY_H

#include "http.h"
#include "record.h"

/* The query parameters list_query_parse reads, for a route's .query ("status," LIST_QUERY). */
#define LIST_QUERY "q,sort,page,limit,cursor"
/* The export route reads the same filters, without paging. */
#define LIST_EXPORT_QUERY "q,sort"

#define LIST_Q_MAX 100 /* characters of a search text */
#define LIST_OFFSET_MAX                                                                                                \
    10000                     /* rows a numbered page may skip: deeper pages cost the database
                                  * more than they help anyone; narrower filters find them */
#define LIST_EXPORT_MAX 10000 /* rows of one export */

/* Reads q (at most LIST_Q_MAX characters, no control characters), sort ("field" ascending or
 * "-field" descending, one of sortable, NULL-terminated JSON field names; NULL allows none),
 * page (from 1: numbered pages with "total"; at most LIST_OFFSET_MAX rows skipped), limit
 * (record_parse_limit) and cursor (not with sort or page) of r into q, which keeps what the
 * caller set before. Errors name the parameter and the rule. paged = 0 reads only q and sort
 * (an export, whose route declares LIST_EXPORT_QUERY). */
hg_rc list_query_parse(req *r, const char *const *sortable, int paged, record_query *q, hg_err *err);

/* The list parameters as given (each NULL when absent), for list_query_read. */
typedef struct list_params {
    const char *q, *sort, *page, *limit, *cursor;
} list_params;
/* What list_query_parse does, on values already read (the fuzz harness's entry point). */
hg_rc list_query_read(const list_params *p, const char *const *sortable, int paged, record_query *q, hg_err *err);

/* Reads q alone (the same rule) into *text, NULL when absent or empty: for lists of their own
 * SQL that search with record_search_pattern. */
hg_rc list_query_text(req *r, const char **text, hg_err *err);

/* Answers r with the rows of q as a CSV attachment (record_list_csv; "NAME-export.csv" for the
 * record type's table NAME), at most LIST_EXPORT_MAX rows (more: 400 too_many_rows, nothing
 * written), and records the export in the audit trail under action (its row names the
 * credential, the route's query parameters that were given and the number of rows). For a
 * ROUTE_DIRECT route: it reads outside a transaction, then writes the audit row in its own. */
hg_rc list_export(req *r, const record_type *t, const record_query *q, const char *action, hg_err *err);

/* The same for a list the area computes itself (rows that are no record's, such as a tax bill
 * with its late fee as of now), from page, its answer ({items, total}) of at most
 * LIST_EXPORT_MAX rows with its total: the members columns (NULL-terminated) of each item, as
 * CSV cells (strings, numbers, booleans; anything else empty) under a header of their names,
 * in the attachment "TABLE-export.csv". A total over LIST_EXPORT_MAX: 400 too_many_rows,
 * nothing written. page stays the caller's. */
hg_rc list_export_json(req *r, const char *table, const json_t *page, const char *const *columns, const char *action,
                       hg_err *err);

#endif
