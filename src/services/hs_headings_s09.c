/* hs_headings_s09.c — every heading (品目) of section IX of the HS 2022, chapters 44–46: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s09[] = {
    {"4401",
     "薪柴（圆木段、块、枝、成捆或类似形状）；木片或木粒；锯末、木废料及碎片，不论是否粘结成圆木段、块、片或类似形状",
     "Fuel wood, in logs, billets, twigs, faggots or similar forms; wood in chips or particles; sawdust and wood waste "
     "and scrap, whether or not agglomerated in logs, briquettes, pellets or similar forms"},
    {"4402", "木炭（包括果壳炭及果核炭），不论是否结块",
     "Wood charcoal (including shell or nut charcoal), whether or not agglomerated"},
    {"4403", "原木，不论是否去皮、去边材或粗锯成方",
     "Wood in the rough, whether or not stripped of bark or sapwood, or roughly squared"},
    {"4404",
     "箍木；木劈条；已削尖但未经纵锯的木桩；粗加修整但未经车圆、弯曲或其他方式加工的木棒；适合制手杖、伞柄、工具把柄及"
     "类似品的木材；木片条及类似品",
     "Hoopwood; split poles; piles, pickets and stakes of wood, pointed but not sawn lengthwise; wooden sticks, "
     "roughly trimmed, suitable for walking-sticks, umbrellas, tool handles or the like; chipwood and the like"},
    {"4405", "木丝；木粉", "Wood wool; wood flour"},
    {"4406", "铁道及电车道枕木", "Railway or tramway sleepers (cross-ties) of wood"},
    {"4407", "经纵锯、纵切、刨切或旋切的木材，不论是否刨平、砂光或端部接合，厚度超过6毫米",
     "Wood sawn or chipped lengthwise, sliced or peeled, whether or not planed, sanded or end-jointed, of a thickness "
     "exceeding 6 mm"},
    {"4408",
     "饰面用单板（包括刨切积层木获得的单板）、胶合板用单板或其他类似层压木用单板以及其他经纵锯、刨切或旋切的木材，厚度"
     "不超过6毫米",
     "Sheets for veneering (including those obtained by slicing laminated wood), for plywood or for similar laminated "
     "wood and other wood, sawn lengthwise, sliced or peeled, of a thickness not exceeding 6 mm"},
    {"4409",
     "任何一边、端或面制成连续形状（舌榫、槽榫、半槽榫、斜角、V形接头、珠饰、缘饰、刨圆及类似形状）的木材（包括未装拼的"
     "拼花地板用板条及缘板）",
     "Wood (including strips and friezes for parquet flooring, not assembled) continuously shaped (tongued, grooved, "
     "rebated, chamfered, V-jointed, beaded, moulded, rounded or the like) along any of its edges, ends or faces"},
    {"4410",
     "碎料板、定向刨花板（OSB）及类似板（例如，华夫板），木或其他木质材料制，不论是否用树脂或其他有机粘合剂粘合",
     "Particle board, oriented strand board (OSB) and similar board (for example, waferboard) of wood or other "
     "ligneous materials, whether or not agglomerated with resins or other organic binding substances"},
    {"4411", "木纤维板或其他木质材料纤维板，不论是否用树脂或其他有机物质粘合",
     "Fibreboard of wood or other ligneous materials, whether or not bonded with resins or other organic substances"},
    {"4412", "胶合板、单板饰面板及类似的多层板", "Plywood, veneered panels and similar laminated wood"},
    {"4413", "强化木，成块、板、条或异型的", "Densified wood, in blocks, plates, strips or profile shapes"},
    {"4414", "木制的画框、相框、镜框及类似品", "Wooden frames for paintings, photographs, mirrors or similar objects"},
    {"4415",
     "包装木箱、木盒、板条箱、圆桶及类似的包装容器；木制电缆卷筒；木托板、箱形托盘及其他装载用木板；木制的托盘护框",
     "Packing cases, boxes, crates, drums and similar packings, of wood; cable-drums of wood; pallets, box pallets and "
     "other load boards, of wood; pallet collars of wood"},
    {"4416", "木制大桶、琵琶桶、盆和其他箍桶及其零件，包括桶板",
     "Casks, barrels, vats, tubs and other coopers' products and parts thereof, of wood, including staves"},
    {"4417", "木制的工具、工具支架、工具柄、扫帚及刷子的身及柄；木制鞋靴楦及楦头",
     "Tools, tool bodies, tool handles, broom or brush bodies and handles, of wood; boot or shoe lasts and trees, of "
     "wood"},
    {"4418", "建筑用木工制品，包括蜂窝结构木镶板、已装拼的地板、木瓦及盖屋板",
     "Builders' joinery and carpentry of wood, including cellular wood panels, assembled flooring panels, shingles and "
     "shakes"},
    {"4419", "木制餐具及厨房用具", "Tableware and kitchenware, of wood"},
    {"4420",
     "镶嵌木（包括细工镶嵌木）；装珠宝或刀具用的木制盒子和小匣子及类似品；木制小雕像及其他装饰品；第九十四章以外的木制"
     "家具",
     "Wood marquetry and inlaid wood; caskets and cases for jewellery or cutlery, and similar articles, of wood; "
     "statuettes and other ornaments, of wood; wooden articles of furniture not falling in Chapter 94"},
    {"4421", "其他木制品", "Other articles of wood"},
    {"4501", "未加工或简单加工的天然软木；软木废料；碎的、粒状的或粉状的软木",
     "Natural cork, raw or simply prepared; waste cork; crushed, granulated or ground cork"},
    {"4502", "天然软木，除去表皮或粗切成方形，或成长方块、正方块、板、片或条状（包括作塞子用的方块坯料）",
     "Natural cork, debacked or roughly squared, or in rectangular (including square) blocks, plates, sheets or strip "
     "(including sharp-edged blanks for corks or stoppers)"},
    {"4503", "天然软木制品", "Articles of natural cork"},
    {"4504", "压制软木（不论是否使用粘合剂压成）及其制品",
     "Agglomerated cork (with or without a binding substance) and articles of agglomerated cork"},
    {"4601",
     "用编结材料编成的缏条及类似产品，不论是否缝合成宽条；平行连结或编织的编结材料，成片的，不论是否制成品（例如，席子"
     "、席料、帘子）",
     "Plaits and similar products of plaiting materials, whether or not assembled into strips; plaiting materials, "
     "plaits and similar products bound together in parallel strands or woven, in sheet form (for example, mats, "
     "matting, screens)"},
    {"4602", "用编结材料直接编成或用品目4601所列货品制成的篮筐、柳条编结品及其他制品；丝瓜络制品",
     "Basketwork, wickerwork and other articles, made directly to shape from plaiting materials or made up from goods "
     "of heading 46.01; articles of loofah"},
    {NULL, NULL, NULL},
};
