/* hs_headings_s20.c — every heading (品目) of section XX of the HS 2022, chapters 94–96: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s20[] = {
    {"9503", "三轮车、踏板车、踏板汽车和类似的带轮玩具；玩偶车；玩偶；其他玩具",
     "Tricycles, scooters, pedal cars and similar wheeled toys; dolls' carriages; dolls; other toys"},
    {"9601", "已加工的兽牙、骨、龟壳、角、鹿角、珊瑚、珍珠母及其他动物质雕刻材料及其制品",
     "Worked ivory, bone, tortoise-shell, horn, antlers, coral, mother-of-pearl and other animal carving material, and "
     "articles of these materials"},
    {NULL, NULL, NULL},
};
