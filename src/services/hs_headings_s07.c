/* hs_headings_s07.c — every heading (品目) of section VII of the HS 2022, chapters 39–40: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s07[] = {
    {"3901", "初级形状的乙烯聚合物", "Polymers of ethylene, in primary forms"},
    {"3902", "初级形状的丙烯或其他烯烃聚合物", "Polymers of propylene or of other olefins, in primary forms"},
    {"3903", "初级形状的苯乙烯聚合物", "Polymers of styrene, in primary forms"},
    {"3904", "初级形状的氯乙烯或其他卤化烯烃聚合物",
     "Polymers of vinyl chloride or of other halogenated olefins, in primary forms"},
    {"3905", "初级形状的乙酸乙烯酯或其他乙烯酯聚合物；初级形状的其他乙烯基聚合物",
     "Polymers of vinyl acetate or of other vinyl esters, in primary forms; other vinyl polymers in primary forms"},
    {"3906", "初级形状的丙烯酸聚合物", "Acrylic polymers in primary forms"},
    {"3907", "初级形状的聚缩醛、其他聚醚及环氧树脂；初级形状的聚碳酸酯、醇酸树脂、聚烯丙基酯及其他聚酯",
     "Polyacetals, other polyethers and epoxide resins, in primary forms; polycarbonates, alkyd resins, polyallyl "
     "esters and other polyesters, in primary forms"},
    {"3908", "初级形状的聚酰胺", "Polyamides in primary forms"},
    {"3909", "初级形状的氨基树脂、酚醛树脂及聚氨酯类",
     "Amino-resins, phenolic resins and polyurethanes, in primary forms"},
    {"3910", "初级形状的聚硅氧烷", "Silicones in primary forms"},
    {"3911", "初级形状的石油树脂、苯并呋喃-茚树脂、多萜树脂、多硫化物、聚砜及本章注释三所规定的其他品目未列名的产品",
     "Petroleum resins, coumarone-indene resins, polyterpenes, polysulphides, polysulphones and other products "
     "specified in Note 3 to this Chapter, not elsewhere specified, in primary forms"},
    {"3912", "初级形状的其他品目未列名的纤维素及其化学衍生物",
     "Cellulose and its chemical derivatives, not elsewhere specified or included, in primary forms"},
    {"3913",
     "初级形状的其他品目未列名的天然聚合物（例如，藻酸）及改性天然聚合物（例如，硬化蛋白、天然橡胶的化学衍生物）",
     "Natural polymers (for example, alginic acid) and modified natural polymers (for example, hardened proteins, "
     "chemical derivatives of natural rubber), not elsewhere specified, in primary forms"},
    {"3914", "初级形状的离子交换剂，以品目3901至3913的聚合物为基本成分的",
     "Ion-exchangers based on polymers of headings 39.01 to 39.13, in primary forms"},
    {"3915", "塑料的废碎料及下脚料", "Waste, parings and scrap, of plastics"},
    {"3916", "塑料制的单丝（截面直径超过1毫米）、条、杆、型材及异型材，不论是否经表面加工，但未经其他加工",
     "Monofilament of which any cross-sectional dimension exceeds 1 mm, rods, sticks and profile shapes, whether or "
     "not surface-worked but not otherwise worked, of plastics"},
    {"3917", "塑料制的管子及其附件（例如，接头、肘管、法兰）",
     "Tubes, pipes and hoses, and fittings therefor (for example, joints, elbows, flanges), of plastics"},
    {"3918", "块状或成卷的塑料铺地制品，不论是否胶粘；本章注释九所规定的塑料糊墙品",
     "Floor coverings of plastics, whether or not self-adhesive, in rolls or in the form of tiles; wall or ceiling "
     "coverings of plastics, as defined in Note 9 to this Chapter"},
    {"3919", "自粘的塑料板、片、膜、箔、带、扁条及其他扁平形状材料，不论是否成卷",
     "Self-adhesive plates, sheets, film, foil, tape, strip and other flat shapes, of plastics, whether or not in "
     "rolls"},
    {"3920", "其他非泡沫塑料的板、片、膜、箔及扁条，未用其他材料强化、层压、支撑或用类似方法合制",
     "Other plates, sheets, film, foil and strip, of plastics, non-cellular and not reinforced, laminated, supported "
     "or similarly combined with other materials"},
    {"3921", "其他塑料板、片、膜、箔及扁条", "Other plates, sheets, film, foil and strip, of plastics"},
    {"3922", "塑料浴缸、淋浴盘、洗涤槽、盥洗盆、坐浴盆、便盆、马桶座圈及盖、抽水箱及类似卫生洁具",
     "Baths, shower-baths, sinks, wash-basins, bidets, lavatory pans, seats and covers, flushing cisterns and similar "
     "sanitary ware, of plastics"},
    {"3923", "供运输或包装货物用的塑料制品；塑料制的塞子、盖子及类似品",
     "Articles for the conveyance or packing of goods, of plastics; stoppers, lids, caps and other closures, of "
     "plastics"},
    {"3924", "塑料制的餐具、厨房用具、其他家庭用具及卫生或盥洗用具",
     "Tableware, kitchenware, other household articles and hygienic or toilet articles, of plastics"},
    {"3925", "其他品目未列名的建筑用塑料制品", "Builders' ware of plastics, not elsewhere specified or included"},
    {"3926", "其他塑料制品及品目3901至3914所列其他材料的制品",
     "Other articles of plastics and articles of other materials of headings 39.01 to 39.14"},
    {"4001", "天然橡胶、巴拉塔胶、古塔波胶、银胶菊胶、糖胶树胶及类似的天然树胶，初级形状或板、片、带",
     "Natural rubber, balata, gutta-percha, guayule, chicle and similar natural gums, in primary forms or in plates, "
     "sheets or strip"},
    {"4002", "合成橡胶及从油类提取的油膏，初级形状或板、片、带；品目4001所列产品与本品目所列产品的混合物",
     "Synthetic rubber and factice derived from oils, in primary forms or in plates, sheets or strip; mixtures of "
     "products of heading 40.01 with products of this heading"},
    {"4003", "再生橡胶，初级形状或板、片、带", "Reclaimed rubber in primary forms or in plates, sheets or strip"},
    {"4004", "橡胶（硬质橡胶除外）的废碎料、下脚料及其粉、粒",
     "Waste, parings and scrap of rubber (other than hard rubber) and powders and granules obtained therefrom"},
    {"4005", "未硫化的复合橡胶，初级形状或板、片、带",
     "Compounded rubber, unvulcanised, in primary forms or in plates, sheets or strip"},
    {"4006", "其他形状（例如，杆、管或型材及异型材）的未硫化橡胶及未硫化橡胶制品（例如，盘、环）",
     "Other forms (for example, rods, tubes and profile shapes) and articles (for example, discs and rings), of "
     "unvulcanised rubber"},
    {"4007", "硫化橡胶线及绳", "Vulcanised rubber thread and cord"},
    {"4008", "硫化橡胶（硬质橡胶除外）制的板、片、带、杆或型材及异型材",
     "Plates, sheets, strip, rods and profile shapes, of vulcanised rubber other than hard rubber"},
    {"4009", "硫化橡胶（硬质橡胶除外）制的管子，不论是否装有附件（例如，接头、肘管、法兰）",
     "Tubes, pipes and hoses, of vulcanised rubber other than hard rubber, with or without their fittings (for "
     "example, joints, elbows, flanges)"},
    {"4010", "硫化橡胶制的输送带或传动带及带料", "Conveyor or transmission belts or belting, of vulcanised rubber"},
    {"4011", "新的充气橡胶轮胎", "New pneumatic tyres, of rubber"},
    {"4012", "翻新的或旧的充气橡胶轮胎；实心或半实心橡胶轮胎、橡胶胎面及橡胶轮胎衬带",
     "Retreaded or used pneumatic tyres of rubber; solid or cushion tyres, tyre treads and tyre flaps, of rubber"},
    {"4013", "橡胶内胎", "Inner tubes, of rubber"},
    {"4014", "硫化橡胶（硬质橡胶除外）制的卫生及医疗用品（包括奶嘴），不论是否装有硬质橡胶制的附件",
     "Hygienic or pharmaceutical articles (including teats), of vulcanised rubber other than hard rubber, with or "
     "without fittings of hard rubber"},
    {"4015", "硫化橡胶（硬质橡胶除外）制的衣着用品及附件（包括分指手套、连指手套及露指手套）",
     "Articles of apparel and clothing accessories (including gloves, mittens and mitts), for all purposes, of "
     "vulcanised rubber other than hard rubber"},
    {"4016", "硫化橡胶（硬质橡胶除外）的其他制品", "Other articles of vulcanised rubber other than hard rubber"},
    {"4017", "各种形状的硬质橡胶（例如，纯硬质胶），包括废碎料；硬质橡胶制品",
     "Hard rubber (for example, ebonite) in all forms, including waste and scrap; articles of hard rubber"},
    {NULL, NULL, NULL},
};
