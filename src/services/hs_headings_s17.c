/* hs_headings_s17.c — every heading (品目) of section XVII of the HS 2022, chapters 86–89: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s17[] = {
    {"8601", "由外部电力或蓄电池驱动的铁道机车",
     "Rail locomotives powered from an external source of electricity or by electric accumulators"},
    {"8602", "其他铁道机车；机车煤水车", "Other rail locomotives; locomotive tenders"},
    {"8603", "机动有轨客车、货车、敞车，但品目8604的货品除外",
     "Self-propelled railway or tramway coaches, vans and trucks, other than those of heading 86.04"},
    {"8604",
     "铁道或电车道用的维修或服务车，不论是否机动（例如，工场车、起重机车、道砟捣固车、轨道校直车、检验车及查道车）",
     "Railway or tramway maintenance or service vehicles, whether or not self-propelled (for example, workshops, "
     "cranes, ballast tampers, trackliners, testing coaches and track inspection vehicles)"},
    {"8605", "非机动的铁道及电车道客车；行李车、邮政车和其他铁道及电车道的特殊用途车辆，但品目8604的货品除外",
     "Railway or tramway passenger coaches, not self-propelled; luggage vans, post office coaches and other special "
     "purpose railway or tramway coaches, not self-propelled (excluding those of heading 86.04)"},
    {"8606", "非机动的铁道及电车道货车", "Railway or tramway goods vans and wagons, not self-propelled"},
    {"8607", "铁道及电车道机车或其他车辆的零件", "Parts of railway or tramway locomotives or rolling-stock"},
    {"8608",
     "铁道及电车道轨道固定装置及附件；供铁道、电车道、道路、内河航道、停车场、港口或机场用的机械（包括电动机械）信号、"
     "安全或交通管理设备；上述货品的零件",
     "Railway or tramway track fixtures and fittings; mechanical (including electro-mechanical) signalling, safety or "
     "traffic control equipment for railways, tramways, roads, inland waterways, parking facilities, port "
     "installations or airfields; parts of the foregoing"},
    {"8609", "集装箱（包括运输液体的集装箱），经特殊设计、装备适用于一种或多种运输方式",
     "Containers (including containers for the transport of fluids) specially designed and equipped for carriage by "
     "one or more modes of transport"},
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
    {"8801", "气球及飞艇；滑翔机、悬挂滑翔机及其他无动力航空器",
     "Balloons and dirigibles; gliders, hang gliders and other non-powered aircraft"},
    {"8802",
     "其他航空器（例如，直升机、飞机），但品目8806的无人驾驶航空器除外；航天器（包括卫星）及其运载工具、亚轨道运载工具",
     "Other aircraft (for example, helicopters, aeroplanes), except unmanned aircraft of heading 88.06; spacecraft "
     "(including satellites) and suborbital and spacecraft launch vehicles"},
    {"8804", "降落伞（包括可操纵降落伞及滑翔伞）和旋翼降落伞及其零件、附件",
     "Parachutes (including dirigible parachutes and paragliders) and rotochutes; parts thereof and accessories "
     "thereto"},
    {"8805", "航空器的发射装置；甲板停机装置或类似装置；地面飞行训练器及其零件",
     "Aircraft launching gear; deck-arrestor or similar gear; ground flying trainers; parts of the foregoing articles"},
    {"8806", "无人驾驶航空器", "Unmanned aircraft"},
    {"8807", "品目8801、8802或8806所列货品的零件", "Parts of goods of heading 88.01, 88.02 or 88.06"},
    {"8901", "巡航船、游览船、渡船、货船、驳船及类似的客运或货运船舶",
     "Cruise ships, excursion boats, ferry-boats, cargo ships, barges and similar vessels for the transport of persons "
     "or goods"},
    {"8902", "捕鱼船；加工船及其他加工或保藏鱼类产品的船舶",
     "Fishing vessels; factory ships and other vessels for processing or preserving fishery products"},
    {"8903", "快艇、游艇及其他娱乐或运动用船舶；划艇及轻舟",
     "Yachts and other vessels for pleasure or sports; rowing boats and canoes"},
    {"8904", "拖轮及顶推船", "Tugs and pusher craft"},
    {"8905", "灯船、消防船、挖泥船、起重船及其他不以航行为主要功能的船舶；浮船坞；浮动或潜水的钻探或生产平台",
     "Light-vessels, fire-floats, dredgers, floating cranes, and other vessels the navigability of which is subsidiary "
     "to their main function; floating docks; floating or submersible drilling or production platforms"},
    {"8906", "其他船舶，包括军舰及救生船，但划艇除外",
     "Other vessels, including warships and lifeboats other than rowing boats"},
    {"8907", "其他浮动结构体（例如，筏、柜、围堰、浮码头、浮筒及航标）",
     "Other floating structures (for example, rafts, tanks, coffer-dams, landing-stages, buoys and beacons)"},
    {"8908", "供拆卸的船舶及其他浮动结构体", "Vessels and other floating structures for breaking up"},
    {NULL, NULL, NULL},
};
