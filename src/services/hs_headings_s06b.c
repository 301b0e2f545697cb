/* hs_headings_s06b.c — every heading (品目) of section VI of the HS 2022, chapters 30–38: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s06b[] = {
    {"3304", "美容品或化妆品及护肤品（药品除外），包括防晒油或晒黑油；指（趾）甲化妆品",
     "Beauty or make-up preparations and preparations for the care of the skin (other than medicaments), including "
     "sunscreen or sun tan preparations; manicure or pedicure preparations"},
    {NULL, NULL, NULL},
};
