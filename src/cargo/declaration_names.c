/* declaration_names.c — the names of a declaration's parties, for readers that show names,
 * not codes (issue 16): "parties" maps each USCC among declarant, consignee and consignor to
 * the registry's name_zh and name_en. Added by the read routes only: what a declaration is in
 * the store and in its audit rows stays as filed. */
#include <string.h>

#include "../enterprise/enterprise.h"
#include "cargo.h"

hg_rc declaration_add_parties(db *d, json_t *decl, hg_err *err)
{
    static const char *const roles[] = {"declarant", "consignee", "consignor", NULL};
    json_t *parties = json_object();
    hg_rc rc = parties ? HG_OK : HG_NOMEM;
    for (const char *const *role = roles; *role && !rc; role++) {
        const char *uscc = json_string_value(json_object_get(decl, *role));
        if (!uscc || json_object_get(parties, uscc))
            continue;
        json_t *e = NULL;
        rc = enterprise_get(d, uscc, &e, err);
        if (rc == HG_NOTFOUND) { /* not registered (yet): the code is all there is */
            rc = HG_OK;
            continue;
        }
        if (!rc && json_object_set_new(parties, uscc,
                                       json_pack("{s:O, s:O}", "name_zh", json_object_get(e, "name_zh"), "name_en",
                                                 json_object_get(e, "name_en"))))
            rc = HG_NOMEM;
        json_decref(e);
    }
    if (!rc && json_object_set_new(decl, "parties", parties))
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (rc)
        json_decref(parties);
    return rc == HG_NOMEM ? hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory") : rc;
}
