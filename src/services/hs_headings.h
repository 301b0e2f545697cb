/* hs_headings.h — the parts of the HS 2022 headings (one a section, the longest sections in
 * two), each in its file hs_headings_sNN.c, for hs_headings.c to list in code order. */
#ifndef HAIGUAN_HS_HEADINGS_H
#define HAIGUAN_HS_HEADINGS_H

#include "services.h"

extern const hs_heading hs_headings_s01[], hs_headings_s02[], hs_headings_s03[], hs_headings_s04[], hs_headings_s05[],
    hs_headings_s06a[], hs_headings_s06b[], hs_headings_s07[], hs_headings_s08[], hs_headings_s09[], hs_headings_s10[],
    hs_headings_s11a[], hs_headings_s11b[], hs_headings_s12[], hs_headings_s13[], hs_headings_s14[], hs_headings_s15a[],
    hs_headings_s15b[], hs_headings_s16a[], hs_headings_s16b[], hs_headings_s17[], hs_headings_s18[], hs_headings_s19[],
    hs_headings_s20[], hs_headings_s21[];

#endif
