/* user_list.h — the users list of GET /api/v1/users and its export: the users table's public
 * columns as a read-only record type for the shared list query (list_query.h). */
#ifndef HG_USER_LIST_H
#define HG_USER_LIST_H

#include "record.h"

extern const record_type user_list_record;
/* The columns the users list may be sorted on (NULL-terminated). */
extern const char *const user_sortable[];
/* The page of users q selects, each as GET /api/v1/users/{name} answers it (posts an array). */
hg_rc user_list_page(db *d, const record_query *q, json_t **out, hg_err *err);

#endif
