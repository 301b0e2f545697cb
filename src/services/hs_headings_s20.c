/* hs_headings_s20.c — every heading (品目) of section XX of the HS 2022, chapters 94–96: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s20[] = {
    {"9401", "坐具（包括能作床用的两用椅，但品目9402的货品除外）及其零件",
     "Seats (other than those of heading 94.02), whether or not convertible into beds, and parts thereof"},
    {"9402",
     "医疗、外科、牙科或兽医用家具（例如，手术台、检查台、带机械装置的病床、牙科用椅）；设有旋转、倾斜及升降装置的理发"
     "用椅及类似椅；上述物品的零件",
     "Medical, surgical, dental or veterinary furniture (for example, operating tables, examination tables, hospital "
     "beds with mechanical fittings, dentists' chairs); barbers' chairs and similar chairs, having rotating as well as "
     "both reclining and elevating movements; parts of the foregoing articles"},
    {"9403", "其他家具及其零件", "Other furniture and parts thereof"},
    {"9404",
     "弹簧床垫；寝具及类似用品（例如，床垫、被褥、鸭绒被、靠垫、坐垫及枕头），装有弹簧或内部用任何材料填充、衬垫或用海"
     "绵橡胶、泡沫塑料制成，不论是否包面",
     "Mattress supports; articles of bedding and similar furnishing (for example, mattresses, quilts, eiderdowns, "
     "cushions, pouffes and pillows) fitted with springs or stuffed or internally fitted with any material or of "
     "cellular rubber or plastics, whether or not covered"},
    {"9405",
     "其他品目未列名的灯具及照明装置，包括探照灯、聚光灯及其零件；装有固定光源的发光标志、发光铭牌及类似品，以及其他品"
     "目未列名的这些货品的零件",
     "Luminaires and lighting fittings including searchlights and spotlights and parts thereof, not elsewhere "
     "specified or included; illuminated signs, illuminated name-plates and the like, having a permanently fixed light "
     "source, and parts thereof not elsewhere specified or included"},
    {"9406", "活动房屋", "Prefabricated buildings"},
    {"9503", "三轮车、踏板车、踏板汽车和类似的带轮玩具；玩偶车；玩偶；其他玩具",
     "Tricycles, scooters, pedal cars and similar wheeled toys; dolls' carriages; dolls; other toys"},
    {"9504",
     "视频游戏控制器及设备、桌上或室内游戏用品，包括弹球机、台球、娱乐专用桌及保龄球自动球道设备，用硬币、钞票、银行卡"
     "、代币或任何其他支付方式使其工作的游戏用品",
     "Video game consoles and machines, table or parlour games, including pintables, billiards, special tables for "
     "casino games and automatic bowling equipment, amusement machines operated by coins, banknotes, bank cards, "
     "tokens or by any other means of payment"},
    {"9505", "节日（包括狂欢节）用品或其他娱乐用品，包括魔术道具及嬉戏品",
     "Festive, carnival or other entertainment articles, including conjuring tricks and novelty jokes"},
    {"9506", "一般的体育活动、体操、竞技比赛或户外游戏用品（包括乒乓球用品），本章其他品目未列名的；游泳池或戏水池",
     "Articles and equipment for general physical exercise, gymnastics, athletics, other sports (including "
     "table-tennis) or outdoor games, not specified or included elsewhere in this Chapter; swimming pools and paddling "
     "pools"},
    {"9507", "钓竿、钓鱼钩及其他钓鱼用品；捞鱼网、捕蝶网及类似网；囮子“鸟”（品目9208或9705的货品除外）及类似的狩猎用品",
     "Fishing rods, fish-hooks and other line fishing tackle; fish landing nets, butterfly nets and similar nets; "
     "decoy \"birds\" (other than those of heading 92.08 or 97.05) and similar hunting or shooting requisites"},
    {"9508", "旅行马戏团及旅行动物园；游乐场乘骑游乐设施及水上乐园游乐设施；游乐场娱乐设备，包括射击游戏用品；流动剧团",
     "Travelling circuses and travelling menageries; amusement park rides and water park amusements; fairground "
     "amusements, including shooting galleries; travelling theatres"},
    {"9601", "已加工的兽牙、骨、龟壳、角、鹿角、珊瑚、珍珠母及其他动物质雕刻材料及其制品",
     "Worked ivory, bone, tortoise-shell, horn, antlers, coral, mother-of-pearl and other animal carving material, and "
     "articles of these materials"},
    {"9602",
     "已加工的植物质或矿物质雕刻材料及其制品；蜡、硬脂、天然树胶、天然树脂或塑型膏制成的模塑或雕刻制品及其他品目未列名"
     "的模塑或雕刻制品；已加工的未硬化明胶（品目3503的明胶除外）及其制品",
     "Worked vegetable or mineral carving material and articles of these materials; moulded or carved articles of wax, "
     "of stearin, of natural gums or natural resins or of modelling pastes, and other moulded or carved articles, not "
     "elsewhere specified; worked, unhardened gelatin (except gelatin of heading 35.03) and articles of unhardened "
     "gelatin"},
    {"9603",
     "帚、刷（包括作为机器、器具、车辆零件的刷）、非电动的手工操作地板清扫器、拖把及毛掸；供制帚、刷用的成束、成簇的材"
     "料；油漆块垫及滚筒；橡皮扫帚（橡皮滚子除外）",
     "Brooms, brushes (including brushes constituting parts of machines, appliances or vehicles), hand-operated "
     "mechanical floor sweepers, not motorised, mops and feather dusters; prepared knots and tufts for broom or brush "
     "making; paint pads and rollers; squeegees (other than roller squeegees)"},
    {"9604", "手用粗筛、细筛", "Hand sieves and hand riddles"},
    {"9605", "个人梳妆、缝纫或清洁鞋靴、衣服用的成套旅行用具",
     "Travel sets for personal toilet, sewing or shoe or clothes cleaning"},
    {"9606", "纽扣、揿扣、按扣及其零件（包括纽扣坯）",
     "Buttons, press-fasteners, snap-fasteners and press-studs, button moulds and other parts of these articles; "
     "button blanks"},
    {"9607", "拉链及其零件", "Slide fasteners and parts thereof"},
    {"9608",
     "圆珠笔；毡尖和其他渗水式笔尖笔及唛头笔；自来水笔、铁笔型自来水笔及其他钢笔；复写笔；活动铅笔；钢笔杆、铅笔杆及类"
     "似的笔杆；上述物品的零件（包括笔帽和笔夹），但品目9609的货品除外",
     "Ball point pens; felt tipped and other porous-tipped pens and markers; fountain pens, stylograph pens and other "
     "pens; duplicating stylos; propelling or sliding pencils; pen-holders, pencil-holders and similar holders; parts "
     "(including caps and clips) of the foregoing articles, other than those of heading 96.09"},
    {"9609", "铅笔（品目9608的铅笔除外）、颜色铅笔、铅笔芯、蜡笔、图画炭笔、书写或绘画用粉笔及裁缝划粉",
     "Pencils (other than pencils of heading 96.08), crayons, pencil leads, pastels, drawing charcoals, writing or "
     "drawing chalks and tailors' chalks"},
    {"9610", "具有书写或绘画面的石板、黑板及类似板，不论是否镶框",
     "Slates and boards, with writing or drawing surfaces, whether or not framed"},
    {"9611", "手用日期戳、封缄戳、编号戳及类似印戳（包括印标签的器具）；手工操作的排字盘及印刷器具",
     "Date, sealing or numbering stamps, and the like (including devices for printing or embossing labels), designed "
     "for operating in the hand; hand-operated composing sticks and hand printing sets incorporating such composing "
     "sticks"},
    {"9612",
     "打字机色带或类似色带，已上油墨或经其他方法处理能着色的，不论是否带卷轴或装盒；印台，不论是否已浸油墨，也不论是否"
     "带盒子",
     "Typewriter or similar ribbons, inked or otherwise prepared for giving impressions, whether or not on spools or "
     "in cartridges; ink-pads, whether or not inked, with or without boxes"},
    {"9613", "香烟打火机及其他打火器，不论是否机械或电动，及其零件，但打火石及打火机芯除外",
     "Cigarette lighters and other lighters, whether or not mechanical or electrical, and parts thereof other than "
     "flints and wicks"},
    {"9614", "烟斗（包括烟斗头）和烟嘴及其零件",
     "Smoking pipes (including pipe bowls) and cigar or cigarette holders, and parts thereof"},
    {"9615", "梳子、发夹及类似品；发卡、卷发夹、卷发器及类似品，但品目8516的货品除外，以及它们的零件",
     "Combs, hair-slides and the like; hairpins, curling pins, curling grips, hair-curlers and the like, other than "
     "those of heading 85.16, and parts thereof"},
    {"9616", "香水喷雾器或类似的化妆用喷雾器及其座架、喷头；施敷脂粉或化妆品用的粉扑及粉拍",
     "Scent sprays and similar toilet sprays, and mounts and heads therefor; powder-puffs and pads for the application "
     "of cosmetics or toilet preparations"},
    {"9617", "带容器的保温瓶和其他真空容器及其零件，但玻璃瓶胆除外",
     "Vacuum flasks and other vacuum vessels, complete; parts thereof other than glass inners"},
    {"9618", "裁缝用人体模型及其他人体模型；橱窗装饰用的自动模型及其他活动陈列品",
     "Tailors' dummies and other lay figures; automata and other animated displays used for shop window dressing"},
    {"9619", "任何材料制的卫生巾（护垫）及卫生棉条、尿布及尿布衬里和类似品",
     "Sanitary towels (pads) and tampons, napkins (diapers), napkin liners and similar articles, of any material"},
    {"9620", "独脚架、双脚架、三脚架及类似品", "Monopods, bipods, tripods and similar articles"},
    {NULL, NULL, NULL},
};
