/* change_api.h — the handlers of change_api.c, for the rows of cargo_routes (cargo_api.c). */
#ifndef HG_CHANGE_API_H
#define HG_CHANGE_API_H

#include "../platform/http.h"

hg_rc changes_request_api(req *r, hg_err *err);
hg_rc changes_of_declaration_api(req *r, hg_err *err);
hg_rc changes_queue_api(req *r, hg_err *err);
hg_rc changes_approve_api(req *r, hg_err *err);
hg_rc changes_refuse_api(req *r, hg_err *err);
hg_rc declarations_return_api(req *r, hg_err *err);
hg_rc declarations_refile_api(req *r, hg_err *err);

#endif
