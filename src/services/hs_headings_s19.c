/* hs_headings_s19.c — every heading (品目) of section XIX of the HS 2022, chapter 93: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s19[] = {
    {"9301", "军用武器，但左轮手枪、其他手枪及品目9307的兵器除外",
     "Military weapons, other than revolvers, pistols and the arms of heading 93.07"},
    {"9302", "左轮手枪及其他手枪，但品目9303或9304的货品除外",
     "Revolvers and pistols, other than those of heading 93.03 or 93.04"},
    {"9303",
     "靠爆炸药发射的其他火器及类似装置（例如，运动用猎枪及步枪、前装枪、维利式信号枪及其他专为发射信号弹的装置、发射空"
     "包弹的手枪和左轮手枪、弩枪式无痛捕杀器、抛缆枪）",
     "Other firearms and similar devices which operate by the firing of an explosive charge (for example, sporting "
     "shotguns and rifles, muzzle-loading firearms, Very pistols and other devices designed to project only signal "
     "flares, pistols and revolvers for firing blank ammunition, captive-bolt humane killers, line-throwing guns)"},
    {"9304", "其他武器（例如，弹簧枪、气枪、警棍），但品目9307的货品除外",
     "Other arms (for example, spring, air or gas guns and pistols, truncheons), excluding those of heading 93.07"},
    {"9305", "品目9301至9304所列物品的零件、附件", "Parts and accessories of articles of headings 93.01 to 93.04"},
    {"9306", "炸弹、手榴弹、鱼雷、地雷、水雷、导弹及类似的军需品及其零件；子弹、其他弹药和射弹及其零件，包括弹丸及弹垫",
     "Bombs, grenades, torpedoes, mines, missiles and similar munitions of war and parts thereof; cartridges and other "
     "ammunition and projectiles and parts thereof, including shot and cartridge wads"},
    {"9307", "剑、短弯刀、刺刀、长矛和类似的武器及其零件、刀鞘、剑鞘",
     "Swords, cutlasses, bayonets, lances and similar arms and parts thereof and scabbards and sheaths therefor"},
    {NULL, NULL, NULL},
};
