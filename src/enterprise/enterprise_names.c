/* enterprise_names.c — the registry's names of the enterprises a row names by USCC, for the read
 * routes of every area that show names, not codes (issue 16): "parties" maps each USCC among
 * the row's party fields to its name_zh and name_en. Only answers carry it: what the store and
 * the audit rows hold stays as filed. */
#include <string.h>

#include "enterprise.h"

hg_rc enterprise_add_parties(db *d, json_t *row, const char *const *fields, hg_err *err)
{
    json_t *parties = json_object();
    hg_rc rc = parties ? HG_OK : HG_NOMEM;
    for (const char *const *f = fields; *f && !rc; f++) {
        const char *uscc = json_string_value(json_object_get(row, *f));
        if (!uscc || !*uscc || json_object_get(parties, uscc))
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
    if (!rc && json_object_set_new(row, "parties", parties))
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (rc)
        json_decref(parties);
    return rc == HG_NOMEM ? hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory") : rc;
}

hg_rc enterprise_add_list_parties(db *d, json_t *list, const char *const *fields, hg_err *err)
{
    size_t i;
    json_t *row;
    hg_rc rc = HG_OK;
    json_array_foreach(json_object_get(list, "items"), i, row)
    {
        if ((rc = enterprise_add_parties(d, row, fields, err)))
            break;
    }
    return rc;
}
