/* registry_api.h — the handlers of registry_api.c, for the rows of cargo_routes (cargo_api.c). */
#ifndef HG_REGISTRY_API_H
#define HG_REGISTRY_API_H

#include "../platform/http.h"

hg_rc producers_create_api(req *r, hg_err *err);
hg_rc producers_list_api(req *r, hg_err *err);
hg_rc producers_get_api(req *r, hg_err *err);
hg_rc producers_update_api(req *r, hg_err *err);

#endif
