/* check_table.c — the table of identifier validators by kind name, read by
 * `haiguan check KIND VALUE` and by the record field tables, so that a kind is named in
 * exactly one place. Not for: the validators themselves (check_ids.c, check_transport.c,
 * check_mrz.c, check_iso.c). */
#include "check/check.h"

#include <string.h>

const check_kind check_kinds[] = {
    {"uscc", check_uscc, "unified social credit code, 18 characters (GB 32100)"},
    {"customs-code", check_customs_code, "customs enterprise code, 10 characters"},
    {"container", check_container, "container number with check digit (ISO 6346)"},
    {"imo", check_imo, "IMO ship number, IMO1234567 or 1234567"},
    {"vin", check_vin, "vehicle identification number, 17 characters (ISO 3779, GB 16735)"},
    {"id-card", check_id_card, "resident identity number, 18 characters (GB 11643)"},
    {"mrz", check_mrz, "travel document machine-readable zone, TD1/TD2/TD3 (ICAO 9303)"},
    {"hs", check_hs, "HS code, 10 digits (8 tariff + 2 supervision)"},
    {"country", check_country, "country code, alpha-2 or alpha-3 (ISO 3166-1)"},
    {"currency", check_currency, "currency code, 3 letters (ISO 4217)"},
    {"locode", check_locode, "UN/LOCODE place code, CNDLC or CN DLC"},
    {"entry-no", check_entry_no, "declaration entry number, 18 digits"},
    {NULL, NULL, NULL},
};

const check_kind *check_find(const char *name)
{
    if (name == NULL)
        return NULL;
    for (const check_kind *k = check_kinds; k->name != NULL; k++)
        if (strcmp(k->name, name) == 0)
            return k;
    return NULL;
}
