/* hs_headings_s14.c — every heading (品目) of section XIV of the HS 2022, chapter 71: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s14[] = {
    {"7101", "天然或养殖珍珠，不论是否加工或分级，但未成串或镶嵌；天然或养殖珍珠，为便于运输而暂穿成串",
     "Pearls, natural or cultured, whether or not worked or graded but not strung, mounted or set; pearls, natural or "
     "cultured, temporarily strung for convenience of transport"},
    {"7102", "钻石，不论是否加工，但未镶嵌", "Diamonds, whether or not worked, but not mounted or set"},
    {"7103", "宝石（钻石除外）或半宝石，不论是否加工或分级，但未成串或镶嵌；未分级的宝石或半宝石，为便于运输而暂穿成串",
     "Precious stones (other than diamonds) and semi-precious stones, whether or not worked or graded but not strung, "
     "mounted or set; ungraded precious or semi-precious stones, temporarily strung for convenience of transport"},
    {"7104",
     "合成或再造的宝石或半宝石，不论是否加工或分级，但未成串或镶嵌；未分级的合成或再造的宝石或半宝石，为便于运输而暂穿"
     "成串",
     "Synthetic or reconstructed precious or semi-precious stones, whether or not worked or graded but not strung, "
     "mounted or set; ungraded synthetic or reconstructed stones, temporarily strung for convenience of transport"},
    {"7105", "天然或合成的宝石或半宝石的粉末",
     "Dust and powder of natural or synthetic precious or semi-precious stones"},
    {"7106", "银（包括镀金、镀铂的银），未锻造、半制成或粉末状",
     "Silver (including silver plated with gold or platinum), unwrought or in semi-manufactured forms, or in powder "
     "form"},
    {"7107", "以贱金属为底的包银材料，未经进一步加工",
     "Base metals clad with silver, not further worked than semi-manufactured"},
    {"7108", "金（包括镀铂的金），未锻造、半制成或粉末状",
     "Gold (including gold plated with platinum), unwrought or in semi-manufactured forms, or in powder form"},
    {"7109", "以贱金属或银为底的包金材料，未经进一步加工",
     "Base metals or silver, clad with gold, not further worked than semi-manufactured"},
    {"7110", "铂，未锻造、半制成或粉末状", "Platinum, unwrought or in semi-manufactured forms, or in powder form"},
    {"7111", "以贱金属、银或金为底的包铂材料，未经进一步加工",
     "Base metals, silver or gold, clad with platinum, not further worked than semi-manufactured"},
    {"7112", "贵金属或包贵金属的废碎料；含有贵金属或贵金属化合物的其他废碎料，主要用于回收贵金属，但品目8549的货品除外",
     "Waste and scrap of precious metal or of metal clad with precious metal; other waste and scrap containing "
     "precious metal or precious metal compounds, of a kind used principally for the recovery of precious metal, other "
     "than goods of heading 85.49"},
    {"7113", "贵金属或包贵金属制的首饰及其零件",
     "Articles of jewellery and parts thereof, of precious metal or of metal clad with precious metal"},
    {"7114", "贵金属或包贵金属制的金银器及其零件",
     "Articles of goldsmiths' or silversmiths' wares and parts thereof, of precious metal or of metal clad with "
     "precious metal"},
    {"7115", "贵金属或包贵金属的其他制品", "Other articles of precious metal or of metal clad with precious metal"},
    {"7116", "用天然或养殖珍珠、天然、合成或再造的宝石或半宝石制成的物品",
     "Articles of natural or cultured pearls, precious or semi-precious stones (natural, synthetic or reconstructed)"},
    {"7117", "仿首饰", "Imitation jewellery"},
    {"7118", "硬币", "Coin"},
    {NULL, NULL, NULL},
};
