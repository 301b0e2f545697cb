/* hs_headings.c — the parts of the HS 2022 headings in code order, so that the lookups and the
 * search of navigation.c walk every heading of the nomenclature (1,228: sections I–XXI,
 * chapter 77 reserved). The headings themselves are in hs_headings_s01.c … hs_headings_s21.c,
 * data written by the team from the public nomenclature. */
#include "hs_headings.h"

const hs_heading *const hs_heading_parts[] = {
    hs_headings_s01,  hs_headings_s02,
    hs_headings_s03,  hs_headings_s04,
    hs_headings_s05,  hs_headings_s06a,
    hs_headings_s06b, hs_headings_s07,
    hs_headings_s08,  hs_headings_s09,
    hs_headings_s10,  hs_headings_s11a,
    hs_headings_s11b, hs_headings_s12,
    hs_headings_s13,  hs_headings_s14,
    hs_headings_s15a, hs_headings_s15b,
    hs_headings_s16a, hs_headings_s16b,
    hs_headings_s17,  hs_headings_s18,
    hs_headings_s19,  hs_headings_s20,
    hs_headings_s21,  NULL,
};
