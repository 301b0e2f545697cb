/* hs_headings_s21.c — every heading (品目) of section XXI of the HS 2022, chapter 97: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s21[] = {
    {"9701", "油画、粉画及其他手绘画，但带有手工绘制及手工描饰的制品或品目4906的图纸除外；拼贴画、镶嵌画及类似装饰板",
     "Paintings, drawings and pastels, executed entirely by hand, other than drawings of heading 49.06 and other than "
     "hand-painted or hand-decorated manufactured articles; collages, mosaics and similar decorative plaques"},
    {"9702", "雕版画、印制画、石印画的原本", "Original engravings, prints and lithographs"},
    {"9703", "各种材料制的雕塑品原件", "Original sculptures and statuary, in any material"},
    {"9704",
     "使用过或未使用过的邮票、印花税票、邮戳印记、首日封、邮政信笺（印有邮票的纸品）及类似品，但品目4907的货品除外",
     "Postage or revenue stamps, stamp-postmarks, first-day covers, postal stationery (stamped paper), and the like, "
     "used or unused, other than those of heading 49.07"},
    {"9705", "具有考古学、人种学、历史学、动物学、植物学、矿物学、解剖学、古生物学或钱币学意义的收集品及珍藏品",
     "Collections and collectors' pieces of archaeological, ethnographic, historical, zoological, botanical, "
     "mineralogical, anatomical, palaeontological or numismatic interest"},
    {"9706", "超过一百年的古物", "Antiques of an age exceeding one hundred years"},
    {NULL, NULL, NULL},
};
