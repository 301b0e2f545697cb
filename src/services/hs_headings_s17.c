/* hs_headings_s17.c — every heading (品目) of section XVII of the HS 2022, chapters 86–89: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s17[] = {
    {"8701", "牵引车、拖拉机（品目8709的牵引车除外）", "Tractors (other than tractors of heading 87.09)"},
    {"8702", "客运机动车辆，十座及以上（包括驾驶座）",
     "Motor vehicles for the transport of ten or more persons, including the driver"},
    {"8703", "主要用于载人的机动车辆（品目8702的货品除外），包括旅行车及赛车",
     "Motor cars and other motor vehicles principally designed for the transport of persons (other than those of "
     "heading 87.02), including station wagons and racing cars"},
    {"8704", "货运机动车辆", "Motor vehicles for the transport of goods"},
    {"8705", "特殊用途的机动车辆（主要用于载人或运货的车辆除外）",
     "Special purpose motor vehicles, other than those principally designed for the transport of persons or goods"},
    {"8706", "装有发动机的机动车辆底盘（品目8701至8705所列车辆用）",
     "Chassis fitted with engines, for the motor vehicles of headings 87.01 to 87.05"},
    {"8707", "机动车辆的车身（包括驾驶室）",
     "Bodies (including cabs), for the motor vehicles of headings 87.01 to 87.05"},
    {"8708", "机动车辆的零件、附件", "Parts and accessories of the motor vehicles of headings 87.01 to 87.05"},
    {"8709", "短距离运输货物的机动车辆，未装有提升或搬运设备",
     "Works trucks, self-propelled, not fitted with lifting or handling equipment"},
    {"8710", "坦克及其他机动装甲战斗车辆及其零件", "Tanks and other armoured fighting vehicles, motorised, and parts"},
    {"8711", "摩托车（包括机器脚踏两用车）及装有辅助发动机的脚踏车；边车",
     "Motorcycles (including mopeds) and cycles fitted with an auxiliary motor; side-cars"},
    {"8712", "自行车及其他非机动脚踏车（包括运货三轮车）",
     "Bicycles and other cycles (including delivery tricycles), not motorised"},
    {"8713", "残疾人用车", "Carriages for disabled persons"},
    {"8714", "零件、附件，品目8711至8713所列车辆用", "Parts and accessories of vehicles of headings 87.11 to 87.13"},
    {"8715", "婴孩车及其零件", "Baby carriages and parts thereof"},
    {"8716", "挂车及半挂车；其他非机械驱动车辆及其零件",
     "Trailers and semi-trailers; other vehicles, not mechanically propelled; parts thereof"},
    {NULL, NULL, NULL},
};
