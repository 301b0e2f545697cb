/* hs_headings_s03.c — every heading (品目) of section III of the HS 2022, chapter 15: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s03[] = {
    {"1501", "猪脂肪（包括已炼制的猪油）及家禽脂肪，但品目0209及1503的货品除外",
     "Pig fat (including lard) and poultry fat, other than that of heading 02.09 or 15.03"},
    {"1502", "牛、羊脂肪，但品目1503的货品除外",
     "Fats of bovine animals, sheep or goats, other than those of heading 15.03"},
    {"1503", "液体猪油、猪油硬脂、油硬脂、液体油、油精及脂油，未经乳化、混合或其他方法制作",
     "Lard stearin, lard oil, oleostearin, oleo-oil and tallow oil, not emulsified or mixed or otherwise prepared"},
    {"1504", "鱼或海生哺乳动物的油、脂及其分离品，不论是否精制，但未经化学改性",
     "Fats and oils and their fractions, of fish or marine mammals, whether or not refined, but not chemically "
     "modified"},
    {"1505", "羊毛脂及从羊毛脂制得的脂肪物质（包括纯净羊毛脂）",
     "Wool grease and fatty substances derived therefrom (including lanolin)"},
    {"1506", "其他动物油、脂及其分离品，不论是否精制，但未经化学改性",
     "Other animal fats and oils and their fractions, whether or not refined, but not chemically modified"},
    {"1507", "豆油及其分离品，不论是否精制，但未经化学改性",
     "Soya-bean oil and its fractions, whether or not refined, but not chemically modified"},
    {"1508", "花生油及其分离品，不论是否精制，但未经化学改性",
     "Ground-nut oil and its fractions, whether or not refined, but not chemically modified"},
    {"1509", "油橄榄油及其分离品，不论是否精制，但未经化学改性",
     "Olive oil and its fractions, whether or not refined, but not chemically modified"},
    {"1510", "其他橄榄油及其分离品，不论是否精制，但未经化学改性，包括掺有品目1509的油或分离品的混合物",
     "Other oils and their fractions, obtained solely from olives, including blends with oils or fractions of heading "
     "15.09"},
    {"1511", "棕榈油及其分离品，不论是否精制，但未经化学改性",
     "Palm oil and its fractions, whether or not refined, but not chemically modified"},
    {"1512", "葵花油、红花油或棉子油及其分离品，不论是否精制，但未经化学改性",
     "Sunflower-seed, safflower or cotton-seed oil and fractions thereof, whether or not refined, but not chemically "
     "modified"},
    {"1513", "椰子油、棕榈仁油或巴巴苏棕榈果油及其分离品，不论是否精制，但未经化学改性",
     "Coconut (copra), palm kernel or babassu oil and fractions thereof, whether or not refined, but not chemically "
     "modified"},
    {"1514", "菜子油或芥子油及其分离品，不论是否精制，但未经化学改性",
     "Rape, colza or mustard oil and fractions thereof, whether or not refined, but not chemically modified"},
    {"1515", "其他固定植物或微生物油、脂（包括希蒙得木油）及其分离品，不论是否精制，但未经化学改性",
     "Other fixed vegetable or microbial fats and oils (including jojoba oil) and their fractions, whether or not "
     "refined, but not chemically modified"},
    {"1516",
     "动、植物或微生物油、脂及其分离品，全部或部分氢化、相互酯化、再酯化或反油酸化，不论是否精制，但未经进一步加工",
     "Animal, vegetable or microbial fats and oils and their fractions, partly or wholly hydrogenated, "
     "inter-esterified, re-esterified or elaidinised, but not further prepared"},
    {"1517", "人造黄油；本章各种动、植物或微生物油、脂及其分离品混合制成的食用油、脂或制品",
     "Margarine; edible mixtures or preparations of animal, vegetable or microbial fats or oils or of fractions of "
     "different fats or oils of this Chapter"},
    {"1518",
     "化学改性的动、植物或微生物油、脂及其分离品（例如，熟油、氧化油、脱水油、硫化油、吹制油）；本章非食用的混合物或制"
     "品",
     "Animal, vegetable or microbial fats and oils and their fractions, boiled, oxidised, dehydrated, sulphurised, "
     "blown or otherwise chemically modified; inedible mixtures or preparations of this Chapter"},
    {"1520", "粗甘油；甘油水及甘油碱液", "Glycerol, crude; glycerol waters and glycerol lyes"},
    {"1521", "植物蜡（甘油三酯除外）、蜂蜡、其他虫蜡及鲸蜡，不论是否精制或着色",
     "Vegetable waxes (other than triglycerides), beeswax, other insect waxes and spermaceti, whether or not refined "
     "or coloured"},
    {"1522", "油鞣回收脂；加工处理油脂物质及动、植物蜡所剩的残渣",
     "Degras; residues resulting from the treatment of fatty substances or animal or vegetable waxes"},
    {NULL, NULL, NULL},
};
