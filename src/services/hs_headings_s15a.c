/* hs_headings_s15a.c — every heading (品目) of section XV of the HS 2022, chapters 72–73: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s15a[] = {
    {"7201", "生铁及镜铁，锭、块或其他初级形状", "Pig iron and spiegeleisen in pigs, blocks or other primary forms"},
    {"7202", "铁合金", "Ferro-alloys"},
    {"7203",
     "直接从铁矿还原的铁产品及其他海绵铁产品，块、团、团粒及类似形状；按重量计纯度在99.94%"
     "及以上的铁，块、团、团粒及类似形状",
     "Ferrous products obtained by direct reduction of iron ore and other spongy ferrous products, in lumps, pellets "
     "or similar forms; iron having a minimum purity by weight of 99.94%, in lumps, pellets or similar forms"},
    {"7204", "钢铁废碎料；供再熔的碎料钢铁锭", "Ferrous waste and scrap; remelting scrap ingots of iron or steel"},
    {"7205", "生铁、镜铁及钢铁的颗粒和粉末", "Granules and powders, of pig iron, spiegeleisen, iron or steel"},
    {"7206", "铁及非合金钢，锭状或其他初级形状（品目7203的铁除外）",
     "Iron and non-alloy steel in ingots or other primary forms (excluding iron of heading 72.03)"},
    {"7207", "铁或非合金钢的半制成品", "Semi-finished products of iron or non-alloy steel"},
    {"7208", "宽度在600毫米及以上的铁或非合金钢平板轧材，经热轧，但未经包覆、镀层或涂层",
     "Flat-rolled products of iron or non-alloy steel, of a width of 600 mm or more, hot-rolled, not clad, plated or "
     "coated"},
    {"7209", "宽度在600毫米及以上的铁或非合金钢平板轧材，经冷轧（冷压），但未经包覆、镀层或涂层",
     "Flat-rolled products of iron or non-alloy steel, of a width of 600 mm or more, cold-rolled (cold-reduced), not "
     "clad, plated or coated"},
    {"7210", "宽度在600毫米及以上的铁或非合金钢平板轧材，经包覆、镀层或涂层",
     "Flat-rolled products of iron or non-alloy steel, of a width of 600 mm or more, clad, plated or coated"},
    {"7211", "宽度小于600毫米的铁或非合金钢平板轧材，但未经包覆、镀层或涂层",
     "Flat-rolled products of iron or non-alloy steel, of a width of less than 600 mm, not clad, plated or coated"},
    {"7212", "宽度小于600毫米的铁或非合金钢平板轧材，经包覆、镀层或涂层",
     "Flat-rolled products of iron or non-alloy steel, of a width of less than 600 mm, clad, plated or coated"},
    {"7213", "不规则盘卷的铁或非合金钢的热轧条、杆",
     "Bars and rods, hot-rolled, in irregularly wound coils, of iron or non-alloy steel"},
    {"7214", "铁或非合金钢的其他条、杆，除经锻造、热轧、热拉拔或热挤压外未经进一步加工，包括轧制后扭曲的",
     "Other bars and rods of iron or non-alloy steel, not further worked than forged, hot-rolled, hot-drawn or "
     "hot-extruded, but including those twisted after rolling"},
    {"7215", "铁或非合金钢的其他条、杆", "Other bars and rods of iron or non-alloy steel"},
    {"7216", "铁或非合金钢的角材、型材及异型材", "Angles, shapes and sections of iron or non-alloy steel"},
    {"7217", "铁丝或非合金钢丝", "Wire of iron or non-alloy steel"},
    {"7218", "不锈钢，锭状或其他初级形状；不锈钢半制成品",
     "Stainless steel in ingots or other primary forms; semi-finished products of stainless steel"},
    {"7219", "不锈钢平板轧材，宽度在600毫米及以上",
     "Flat-rolled products of stainless steel, of a width of 600 mm or more"},
    {"7220", "不锈钢平板轧材，宽度小于600毫米",
     "Flat-rolled products of stainless steel, of a width of less than 600 mm"},
    {"7221", "不规则盘卷的不锈钢热轧条、杆",
     "Bars and rods, hot-rolled, in irregularly wound coils, of stainless steel"},
    {"7222", "不锈钢的其他条、杆；不锈钢角材、型材及异型材",
     "Other bars and rods of stainless steel; angles, shapes and sections of stainless steel"},
    {"7223", "不锈钢丝", "Wire of stainless steel"},
    {"7224", "其他合金钢，锭状或其他初级形状；其他合金钢的半制成品",
     "Other alloy steel in ingots or other primary forms; semi-finished products of other alloy steel"},
    {"7225", "其他合金钢平板轧材，宽度在600毫米及以上",
     "Flat-rolled products of other alloy steel, of a width of 600 mm or more"},
    {"7226", "其他合金钢平板轧材，宽度小于600毫米",
     "Flat-rolled products of other alloy steel, of a width of less than 600 mm"},
    {"7227", "不规则盘卷的其他合金钢热轧条、杆",
     "Bars and rods, hot-rolled, in irregularly wound coils, of other alloy steel"},
    {"7228", "其他合金钢的其他条、杆；其他合金钢的角材、型材及异型材；合金钢或非合金钢制的空心钻钢",
     "Other bars and rods of other alloy steel; angles, shapes and sections, of other alloy steel; hollow drill bars "
     "and rods, of alloy or non-alloy steel"},
    {"7229", "其他合金钢丝", "Wire of other alloy steel"},
    {"7301", "钢铁板桩，不论是否钻孔、打眼或组装；焊接的钢铁角材、型材及异型材",
     "Sheet piling of iron or steel, whether or not drilled, punched or made from assembled elements; welded angles, "
     "shapes and sections, of iron or steel"},
    {"7302",
     "铁道及电车道铺轨用钢铁材料：钢轨、护轨、齿轨、道岔尖轨、辙叉、尖轨拉杆及其他岔道段体、轨枕、鱼尾板、轨座、轨座楔"
     "、钢轨垫板、钢轨夹、底板、固定板及其他专门用于连接或加固路轨的材料",
     "Railway or tramway track construction material of iron or steel: rails, check-rails and rack rails, switch "
     "blades, crossing frogs, point rods and other crossing pieces, sleepers, fish-plates, chairs, chair wedges, sole "
     "plates, rail clips, bedplates, ties and other material for joining or fixing rails"},
    {"7303", "铸铁管及空心异型材", "Tubes, pipes and hollow profiles, of cast iron"},
    {"7304", "无缝钢铁管及空心异型材（铸铁的除外）",
     "Tubes, pipes and hollow profiles, seamless, of iron (other than cast iron) or steel"},
    {"7305", "其他圆形截面钢铁管（例如，焊、铆及用类似方法接合的管），外径超过406.4毫米",
     "Other tubes and pipes (for example, welded, riveted or similarly closed), having circular cross-sections, the "
     "external diameter of which exceeds 406.4 mm, of iron or steel"},
    {"7306", "其他钢铁管及空心异型材（例如，辊焊、焊、铆或用类似方法接合的）",
     "Other tubes, pipes and hollow profiles (for example, open seam or welded, riveted or similarly closed), of iron "
     "or steel"},
    {"7307", "钢铁管子附件（例如，接头、肘管、管套）",
     "Tube or pipe fittings (for example, couplings, elbows, sleeves), of iron or steel"},
    {"7308",
     "钢铁结构体（品目9406的活动房屋除外）及其部件（例如，桥梁及桥梁体段、闸门、塔楼、格构杆、屋顶、屋顶框架、门窗及其"
     "框架、门槛、百叶窗、栏杆、支柱及立柱）；上述结构体用的已加工钢铁板、杆、角材、型材、异型材、管子及类似品",
     "Structures (excluding prefabricated buildings of heading 94.06) and parts of structures (for example, bridges "
     "and bridge-sections, lock-gates, towers, lattice masts, roofs, roofing frameworks, doors and windows and their "
     "frames, thresholds for doors, shutters, balustrades, pillars and columns), of iron or steel; plates, rods, "
     "angles, shapes, sections, tubes and the like, prepared for use in structures, of iron or steel"},
    {"7309",
     "盛装物料用的钢铁囤、柜、罐、桶及类似容器（装压缩气体或液化气体的除外），容积超过300升，不论是否衬里或隔热，但无机"
     "械或热力装置",
     "Reservoirs, tanks, vats and similar containers for any material (other than compressed or liquefied gas), of "
     "iron or steel, of a capacity exceeding 300 l, whether or not lined or heat-insulated, but not fitted with "
     "mechanical or thermal equipment"},
    {"7310",
     "盛装物料用的钢铁柜、桶、罐、听、盒及类似容器（装压缩气体或液化气体的除外），容积不超过300升，不论是否衬里或隔热，"
     "但无机械或热力装置",
     "Tanks, casks, drums, cans, boxes and similar containers, for any material (other than compressed or liquefied "
     "gas), of iron or steel, of a capacity not exceeding 300 l, whether or not lined or heat-insulated, but not "
     "fitted with mechanical or thermal equipment"},
    {"7311", "装压缩气体或液化气体用的钢铁容器", "Containers for compressed or liquefied gas, of iron or steel"},
    {"7312", "非绝缘的钢铁绞股线、绳、缆、编带、吊索及类似品",
     "Stranded wire, ropes, cables, plaited bands, slings and the like, of iron or steel, not electrically insulated"},
    {"7313", "带刺钢铁丝；围篱用的钢铁绞带或单股扁丝（不论是否带刺）及松绞的双股丝",
     "Barbed wire of iron or steel; twisted hoop or single flat wire, barbed or not, and loosely twisted double wire, "
     "of a kind used for fencing, of iron or steel"},
    {"7314", "钢铁丝制的布（包括环形带）、网、篱及格栅；网眼钢铁板",
     "Cloth (including endless bands), grill, netting and fencing, of iron or steel wire; expanded metal of iron or "
     "steel"},
    {"7315", "钢铁链及其零件", "Chain and parts thereof, of iron or steel"},
    {"7316", "钢铁锚、多爪锚及其零件", "Anchors, grapnels and parts thereof, of iron or steel"},
    {"7317",
     "钢铁制的钉、平头钉、图钉、波纹钉、U形钉（品目8305的货品除外）及类似品，不论钉头是否用其他材料制成，但不包括铜头"
     "钉",
     "Nails, tacks, drawing pins, corrugated nails, staples (other than those of heading 83.05) and similar articles, "
     "of iron or steel, whether or not with heads of other material, but excluding such articles with heads of copper"},
    {"7318", "钢铁制的螺钉、螺栓、螺母、方头螺钉、钩头螺钉、铆钉、销、开尾销、垫圈（包括弹簧垫圈）及类似品",
     "Screws, bolts, nuts, coach screws, screw hooks, rivets, cotters, cotter-pins, washers (including spring washers) "
     "and similar articles, of iron or steel"},
    {"7319", "钢铁制手工缝针、编织针、引针、钩针、刺绣穿孔锥及类似制品；其他品目未列名的钢铁制安全别针及其他别针",
     "Sewing needles, knitting needles, bodkins, crochet hooks, embroidery stilettos and similar articles, for use in "
     "the hand, of iron or steel; safety pins and other pins of iron or steel, not elsewhere specified"},
    {"7320", "钢铁制弹簧及弹簧片", "Springs and leaves for springs, of iron or steel"},
    {"7321",
     "非电热的钢铁制家用炉、灶（包括附有集中供暖用的热水锅的）、烤肉架、火盆、煤气灶、加热板和类似非电热的家用器具及其"
     "零件",
     "Stoves, ranges, grates, cookers (including those with subsidiary boilers for central heating), barbecues, "
     "braziers, gas-rings, plate warmers and similar non-electric domestic appliances, and parts thereof, of iron or "
     "steel"},
    {"7322",
     "非电热的钢铁制集中供暖用散热器及其零件；非电热的钢铁制空气加热器、暖气分布器（包括可分布新鲜空气或调节空气的）及"
     "其零件，装有电动风扇或鼓风机",
     "Radiators for central heating, not electrically heated, and parts thereof, of iron or steel; air heaters and hot "
     "air distributors (including distributors which can also distribute fresh or conditioned air), not electrically "
     "heated, incorporating a motor-driven fan or blower, and parts thereof, of iron or steel"},
    {"7323", "餐桌、厨房或其他家用钢铁器具及其零件；钢铁丝绒；钢铁制擦锅器、洗刷擦光用的块垫、手套及类似品",
     "Table, kitchen or other household articles and parts thereof, of iron or steel; iron or steel wool; pot scourers "
     "and scouring or polishing pads, gloves and the like, of iron or steel"},
    {"7324", "钢铁制卫生器具及其零件", "Sanitary ware and parts thereof, of iron or steel"},
    {"7325", "其他钢铁铸造制品", "Other cast articles of iron or steel"},
    {"7326", "其他钢铁制品", "Other articles of iron or steel"},
    {NULL, NULL, NULL},
};
