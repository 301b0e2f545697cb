/* hs_headings_s15a.c — every heading (品目) of section XV of the HS 2022, chapters 72–73: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s15a[] = {
    {"7208", "宽度在600毫米及以上的铁或非合金钢平板轧材，经热轧，但未经包覆、镀层或涂层",
     "Flat-rolled products of iron or non-alloy steel, of a width of 600 mm or more, hot-rolled, not clad, plated or "
     "coated"},
    {NULL, NULL, NULL},
};
