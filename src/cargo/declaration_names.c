/* declaration_names.c — the names of a declaration's parties, for readers that show names,
 * not codes (issue 16): "parties" maps each USCC among declarant, consignee and consignor to
 * the registry's name_zh and name_en. Added by the read routes only: what a declaration is in
 * the store and in its audit rows stays as filed. */
#include "../enterprise/enterprise.h"
#include "cargo.h"

hg_rc declaration_add_parties(db *d, json_t *decl, hg_err *err)
{
    static const char *const roles[] = {"declarant", "consignee", "consignor", NULL};
    return enterprise_add_parties(d, decl, roles, err);
}
