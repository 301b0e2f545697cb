/* tariff_check.c — a declaration's goods against the loaded tariff (tax's tariff_rates): an
 * export's HS codes are lines of it, as tax's assessment requires of an import's, and every
 * item's unit is a legal unit of its line (法定计量单位: 报关单填制规范, the quantity is given in the
 * line's first legal unit, or its second), where the tariff gives the line's units. Not for:
 * the rates (tax assesses them). */
#include <stdio.h>
#include <string.h>

#include "../tax/tax_store.h"
#include "cargo_store.h"

hg_rc cargo_check_tariff(db *d, const char *direction, const json_t *items, hg_err *err)
{
    int export = direction && strcmp(direction, "export") == 0;
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item)
    {
        const char *hs = json_string_value(json_object_get(item, "hs_code"));
        const char *unit = json_string_value(json_object_get(item, "unit"));
        char u1[32], u2[32], field[40];
        int found = 0;
        hg_rc rc = tax_tariff_line(d, hs ? hs : "", &found, u1, u2, err);
        if (rc)
            return rc;
        if (!found && export) {
            snprintf(field, sizeof field, "items[%zu].hs_code", i);
            return hg_fail(err, HG_INVALID, "hs_not_in_tariff", field, "HS code %s is not a line of the loaded tariff",
                           hs ? hs : "");
        }
        if (found && u1[0] && (!unit || (strcmp(unit, u1) != 0 && strcmp(unit, u2) != 0))) {
            snprintf(field, sizeof field, "items[%zu].unit", i);
            /* TRANSLATORS: 1: hs; 2: u1; 3: u2[0] ? "/" : ""; 4: u2 */
            return hg_fail(err, HG_INVALID, "unit_not_legal", field,
                           "HS %s is declared in its legal unit: %s%s%s (法定计量单位)", hs, u1, u2[0] ? "/" : "", u2);
        }
    }
    return HG_OK;
}
