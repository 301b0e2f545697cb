/* hs_headings_s11b.c — every heading (品目) of section XI of the HS 2022, chapters 57–63: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s11b[] = {
    {"5701", "结织栽绒地毯及纺织材料的其他结织栽绒铺地制品，不论是否制成的",
     "Carpets and other textile floor coverings, knotted, whether or not made up"},
    {"5702",
     "机织地毯及纺织材料的其他机织铺地制品，未簇绒或未植绒，不论是否制成的，包括“开来姆”、“苏麦克”、“卡拉马尼”及类似的"
     "手织地毯",
     "Carpets and other textile floor coverings, woven, not tufted or flocked, whether or not made up, including "
     "\"Kelem\", \"Schumacks\", \"Karamanie\" and similar hand-woven rugs"},
    {"5703", "簇绒地毯及纺织材料的其他簇绒铺地制品（包括人造草皮），不论是否制成的",
     "Carpets and other textile floor coverings (including turf), tufted, whether or not made up"},
    {"5704", "毡呢地毯及纺织材料的其他毡呢铺地制品，未簇绒或未植绒，不论是否制成的",
     "Carpets and other textile floor coverings, of felt, not tufted or flocked, whether or not made up"},
    {"5705", "其他地毯及纺织材料的其他铺地制品，不论是否制成的",
     "Other carpets and other textile floor coverings, whether or not made up"},
    {"5801", "起绒机织物及绳绒织物，但品目5802或5806的织物除外",
     "Woven pile fabrics and chenille fabrics, other than fabrics of heading 58.02 or 58.06"},
    {"5802", "毛巾织物及类似的毛圈机织物，但品目5806的狭幅织物除外；簇绒织物，但品目5703的产品除外",
     "Terry towelling and similar woven terry fabrics, other than narrow fabrics of heading 58.06; tufted textile "
     "fabrics, other than products of heading 57.03"},
    {"5803", "纱罗，但品目5806的狭幅织物除外", "Gauze, other than narrow fabrics of heading 58.06"},
    {"5804",
     "网眼薄纱及其他网眼织物，但不包括机织物、针织物或钩编织物；成卷、成条或成小块图案的花边，但品目6002至6006的织物除"
     "外",
     "Tulles and other net fabrics, not including woven, knitted or crocheted fabrics; lace in the piece, in strips or "
     "in motifs, other than fabrics of headings 60.02 to 60.06"},
    {"5805",
     "“哥白林”、“弗朗德”、“奥步生”、“波威”及类似式样的手织装饰毯以及手工针绣装饰毯（例如，小针脚或十字绣），不论是否制"
     "成的",
     "Hand-woven tapestries of the type Gobelins, Flanders, Aubusson, Beauvais and the like, and needle-worked "
     "tapestries (for example, petit point, cross stitch), whether or not made up"},
    {"5806", "狭幅机织物，但品目5807的货品除外；用粘合剂粘合制成的无纬狭幅织物（包扎匹头用带）",
     "Narrow woven fabrics, other than goods of heading 58.07; narrow fabrics consisting of warp without weft "
     "assembled by means of an adhesive (bolducs)"},
    {"5807", "纺织材料制的非绣制标签、徽章及类似品，成匹、成条或裁成一定形状或尺寸",
     "Labels, badges and similar articles of textile materials, in the piece, in strips or cut to shape or size, not "
     "embroidered"},
    {"5808", "成匹的编带；非绣制的成匹装饰带，但针织或钩编的除外；流苏、绒球及类似品",
     "Braids in the piece; ornamental trimmings in the piece, without embroidery, other than knitted or crocheted; "
     "tassels, pompons and similar articles"},
    {"5809", "其他品目未列名的金属线机织物及品目5605所列含金属纱线的机织物，用于衣着、装饰及类似用途",
     "Woven fabrics of metal thread and woven fabrics of metallised yarn of heading 56.05, of a kind used in apparel, "
     "as furnishing fabrics or for similar purposes, not elsewhere specified"},
    {"5810", "成匹、成条或成小块图案的刺绣品", "Embroidery in the piece, in strips or in motifs"},
    {"5811", "用一层或几层纺织材料与胎料经缝合或其他方法组合制成的被褥状纺织品，但品目5810的刺绣品除外",
     "Quilted textile products in the piece, composed of one or more layers of textile materials assembled with "
     "padding by stitching or otherwise, other than embroidery of heading 58.10"},
    {"5901", "用胶或淀粉物质涂布的纺织物，作书籍封面及类似用途的；描图布；制成的油画布；作帽里的硬衬布及类似硬挺纺织物",
     "Textile fabrics coated with gum or amylaceous substances, of a kind used for the outer covers of books or the "
     "like; tracing cloth; prepared painting canvas; buckram and similar stiffened textile fabrics of a kind used for "
     "hat foundations"},
    {"5902", "尼龙或其他聚酰胺、聚酯或粘胶纤维高强力纱制的帘子布",
     "Tyre cord fabric of high tenacity yarn of nylon or other polyamides, polyesters or viscose rayon"},
    {"5903", "用塑料浸渍、涂布、包覆或层压的纺织物，但品目5902的货品除外",
     "Textile fabrics impregnated, coated, covered or laminated with plastics, other than those of heading 59.02"},
    {"5904", "列诺伦（漆布），不论是否切成形；以织物为底布经涂布或覆面的铺地制品，不论是否切成形",
     "Linoleum, whether or not cut to shape; floor coverings consisting of a coating or covering applied on a textile "
     "backing, whether or not cut to shape"},
    {"5905", "糊墙织物", "Textile wall coverings"},
    {"5906", "用橡胶处理的纺织物，但品目5902的货品除外",
     "Rubberised textile fabrics, other than those of heading 59.02"},
    {"5907", "用其他材料浸渍、涂布或包覆的纺织物；作舞台、摄影布景或类似用途的已绘制画布",
     "Textile fabrics otherwise impregnated, coated or covered; painted canvas being theatrical scenery, studio "
     "back-cloths or the like"},
    {"5908", "用纺织材料机织、编结或针织而成的灯芯、炉芯、打火机芯、烛芯或类似品；煤气灯纱罩及管状煤气灯纱罩坯",
     "Textile wicks, woven, plaited or knitted, for lamps, stoves, lighters, candles or the like; incandescent gas "
     "mantles and tubular knitted gas mantle fabric therefor"},
    {"5909", "纺织材料制的水龙软管及类似的管子，不论有无其他材料作衬里、护套或附件",
     "Textile hosepiping and similar textile tubing, with or without lining, armour or accessories of other materials"},
    {"5910", "纺织材料制的传动带或输送带及带料，不论是否用塑料浸渍、涂布、包覆或层压，或用金属或其他材料加强",
     "Transmission or conveyor belts or belting, of textile material, whether or not impregnated, coated, covered or "
     "laminated with plastics, or reinforced with metal or other material"},
    {"5911", "本章注释七所规定的作专门技术用途的纺织产品及制品",
     "Textile products and articles, for technical uses, specified in Note 7 to this Chapter"},
    {"6001", "针织或钩编的起绒织物，包括长毛绒织物及毛圈织物",
     "Pile fabrics, including \"long pile\" fabrics and terry fabrics, knitted or crocheted"},
    {"6002", "宽度不超过30厘米，按重量计弹性纱线或橡胶线含量在5%及以上的针织物或钩编织物，但品目6001的货品除外",
     "Knitted or crocheted fabrics of a width not exceeding 30 cm, containing by weight 5% or more of elastomeric yarn "
     "or rubber thread, other than those of heading 60.01"},
    {"6003", "宽度不超过30厘米的针织物或钩编织物，但品目6001或6002的货品除外",
     "Knitted or crocheted fabrics of a width not exceeding 30 cm, other than those of heading 60.01 or 60.02"},
    {"6004", "宽度超过30厘米，按重量计弹性纱线或橡胶线含量在5%及以上的针织物或钩编织物，但品目6001的货品除外",
     "Knitted or crocheted fabrics of a width exceeding 30 cm, containing by weight 5% or more of elastomeric yarn or "
     "rubber thread, other than those of heading 60.01"},
    {"6005", "经编织物（包括由镶边花边机织成的），但品目6001至6004的货品除外",
     "Warp knit fabrics (including those made on galloon knitting machines), other than those of headings 60.01 to "
     "60.04"},
    {"6006", "其他针织或钩编织物", "Other knitted or crocheted fabrics"},
    {"6101",
     "针织或钩编的男式大衣、短大衣、斗篷、短斗篷、带风帽的防寒短上衣（包括滑雪短上衣）、防风衣、防风短上衣及类似品，但"
     "品目6103的货品除外",
     "Men's or boys' overcoats, car-coats, capes, cloaks, anoraks (including ski-jackets), wind-cheaters, wind-jackets "
     "and similar articles, knitted or crocheted, other than those of heading 61.03"},
    {"6102",
     "针织或钩编的女式大衣、短大衣、斗篷、短斗篷、带风帽的防寒短上衣（包括滑雪短上衣）、防风衣、防风短上衣及类似品，但"
     "品目6104的货品除外",
     "Women's or girls' overcoats, car-coats, capes, cloaks, anoraks (including ski-jackets), wind-cheaters, "
     "wind-jackets and similar articles, knitted or crocheted, other than those of heading 61.04"},
    {"6103", "针织或钩编的男式西服套装、便服套装、上衣、长裤、护胸背带工装裤、马裤及短裤（游泳裤除外）",
     "Men's or boys' suits, ensembles, jackets, blazers, trousers, bib and brace overalls, breeches and shorts (other "
     "than swimwear), knitted or crocheted"},
    {"6104",
     "针织或钩编的女式西服套装、便服套装、上衣、连衣裙、裙子、裙裤、长裤、护胸背带工装裤、马裤及短裤（游泳服除外）",
     "Women's or girls' suits, ensembles, jackets, blazers, dresses, skirts, divided skirts, trousers, bib and brace "
     "overalls, breeches and shorts (other than swimwear), knitted or crocheted"},
    {"6105", "针织或钩编的男衬衫", "Men's or boys' shirts, knitted or crocheted"},
    {"6106", "针织或钩编的女式衬衫", "Women's or girls' blouses, shirts and shirt-blouses, knitted or crocheted"},
    {"6107", "针织或钩编的男式内裤、三角裤、长睡衣、睡衣裤、浴衣、晨衣及类似品",
     "Men's or boys' underpants, briefs, nightshirts, pyjamas, bathrobes, dressing gowns and similar articles, knitted "
     "or crocheted"},
    {"6108", "针织或钩编的女式长衬裙、衬裙、三角裤、短衬裤、睡衣、睡衣裤、浴衣、晨衣及类似品",
     "Women's or girls' slips, petticoats, briefs, panties, nightdresses, pyjamas, négligés, bathrobes, dressing gowns "
     "and similar articles, knitted or crocheted"},
    {"6109", "针织或钩编的T恤衫、汗衫及其他背心", "T-shirts, singlets and other vests, knitted or crocheted"},
    {"6110", "针织或钩编的套头衫、开襟衫、背心及类似品",
     "Jerseys, pullovers, cardigans, waistcoats and similar articles, knitted or crocheted"},
    {"6111", "针织或钩编的婴儿服装及衣着附件", "Babies' garments and clothing accessories, knitted or crocheted"},
    {"6112", "针织或钩编的运动服、滑雪服及游泳服", "Track suits, ski suits and swimwear, knitted or crocheted"},
    {"6113", "用品目5903、5906或5907的针织物或钩编织物制成的服装",
     "Garments, made up of knitted or crocheted fabrics of heading 59.03, 59.06 or 59.07"},
    {"6114", "针织或钩编的其他服装", "Other garments, knitted or crocheted"},
    {"6115",
     "针织或钩编的连裤袜、紧身裤袜、长统袜、短袜及其他袜类，包括渐紧压袜类（例如，用以治疗静脉曲张的长统袜）和无外绱鞋"
     "底的鞋类",
     "Panty hose, tights, stockings, socks and other hosiery, including graduated compression hosiery (for example, "
     "stockings for varicose veins) and footwear without applied soles, knitted or crocheted"},
    {"6116", "针织或钩编的分指手套、连指手套及露指手套", "Gloves, mittens and mitts, knitted or crocheted"},
    {"6117", "针织或钩编的其他制成衣着附件；服装或衣着附件的针织或钩编的零件",
     "Other made up clothing accessories, knitted or crocheted; knitted or crocheted parts of garments or of clothing "
     "accessories"},
    {"6201",
     "男式大衣、短大衣、斗篷、短斗篷、带风帽的防寒短上衣（包括滑雪短上衣）、防风衣、防风短上衣及类似品，但品目6203的货"
     "品除外",
     "Men's or boys' overcoats, car-coats, capes, cloaks, anoraks (including ski-jackets), wind-cheaters, wind-jackets "
     "and similar articles, other than those of heading 62.03"},
    {"6202",
     "女式大衣、短大衣、斗篷、短斗篷、带风帽的防寒短上衣（包括滑雪短上衣）、防风衣、防风短上衣及类似品，但品目6204的货"
     "品除外",
     "Women's or girls' overcoats, car-coats, capes, cloaks, anoraks (including ski-jackets), wind-cheaters, "
     "wind-jackets and similar articles, other than those of heading 62.04"},
    {"6203", "男式西服套装、便服套装、上衣、长裤、护胸背带工装裤、马裤及短裤（游泳裤除外）",
     "Men's or boys' suits, ensembles, jackets, blazers, trousers, bib and brace overalls, breeches and shorts (other "
     "than swimwear)"},
    {"6204", "女式西服套装、便服套装、上衣、连衣裙、裙子、裙裤、长裤、护胸背带工装裤、马裤及短裤（游泳服除外）",
     "Women's or girls' suits, ensembles, jackets, blazers, dresses, skirts, divided skirts, trousers, bib and brace "
     "overalls, breeches and shorts (other than swimwear)"},
    {"6205", "男衬衫", "Men's or boys' shirts"},
    {"6206", "女式衬衫", "Women's or girls' blouses, shirts and shirt-blouses"},
    {"6207", "男式背心及其他内衣、内裤、三角裤、长睡衣、睡衣裤、浴衣、晨衣及类似品",
     "Men's or boys' singlets and other vests, underpants, briefs, nightshirts, pyjamas, bathrobes, dressing gowns and "
     "similar articles"},
    {"6208", "女式背心及其他内衣、长衬裙、衬裙、三角裤、短衬裤、睡衣、睡衣裤、浴衣、晨衣及类似品",
     "Women's or girls' singlets and other vests, slips, petticoats, briefs, panties, nightdresses, pyjamas, négligés, "
     "bathrobes, dressing gowns and similar articles"},
    {"6209", "婴儿服装及衣着附件", "Babies' garments and clothing accessories"},
    {"6210", "用品目5602、5603、5903、5906或5907的织物制成的服装",
     "Garments, made up of fabrics of heading 56.02, 56.03, 59.03, 59.06 or 59.07"},
    {"6211", "运动服、滑雪服及游泳服；其他服装", "Track suits, ski suits and swimwear; other garments"},
    {"6212", "胸罩、束腰带、紧身胸衣、吊裤带、吊袜带、束袜带和类似品及其零件，不论是否针织或钩编的",
     "Brassières, girdles, corsets, braces, suspenders, garters and similar articles and parts thereof, whether or not "
     "knitted or crocheted"},
    {"6213", "手帕", "Handkerchiefs"},
    {"6214", "披巾、领巾、围巾、披纱、面纱及类似品", "Shawls, scarves, mufflers, mantillas, veils and the like"},
    {"6215", "领带及领结", "Ties, bow ties and cravats"},
    {"6216", "分指手套、连指手套及露指手套", "Gloves, mittens and mitts"},
    {"6217", "其他制成的衣着附件；服装或衣着附件的零件，但品目6212的货品除外",
     "Other made up clothing accessories; parts of garments or of clothing accessories, other than those of heading "
     "62.12"},
    {"6301", "毯子及旅行毯", "Blankets and travelling rugs"},
    {"6302", "床上、餐桌、盥洗及厨房用的织物制品", "Bed linen, table linen, toilet linen and kitchen linen"},
    {"6303", "窗帘（包括帷帘）及帐幔；帘帷或床帷",
     "Curtains (including drapes) and interior blinds; curtain or bed valances"},
    {"6304", "其他装饰用织物制品，但品目9404的货品除外", "Other furnishing articles, excluding those of heading 94.04"},
    {"6305", "货物包装用袋", "Sacks and bags, of a kind used for the packing of goods"},
    {"6306", "油苫布、天篷及遮阳篷；帐篷（包括临时顶篷及类似品）；风帆；野营用品",
     "Tarpaulins, awnings and sunblinds; tents (including temporary canopies and similar articles); sails for boats, "
     "sailboards or landcraft; camping goods"},
    {"6307", "其他制成品，包括服装裁剪样", "Other made up articles, including dress patterns"},
    {"6308",
     "由机织物及纱线构成的零售包装成套物品，不论是否带附件，用以制作小地毯、装饰毯、绣花台布、餐巾或类似的纺织品",
     "Sets consisting of woven fabric and yarn, whether or not with accessories, for making up into rugs, tapestries, "
     "embroidered table cloths or serviettes, or similar textile articles, put up in packings for retail sale"},
    {"6309", "旧衣物及其他旧物品", "Worn clothing and other worn articles"},
    {"6310", "纺织材料的新的或废的碎织物及废线、绳、索、缆及其制品",
     "Used or new rags, scrap twine, cordage, rope and cables and worn out articles of twine, cordage, rope or cables, "
     "of textile materials"},
    {NULL, NULL, NULL},
};
