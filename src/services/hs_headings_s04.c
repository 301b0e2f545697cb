/* hs_headings_s04.c — every heading (品目) of section IV of the HS 2022, chapters 16–24: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s04[] = {
    {"1601", "肉、食用杂碎、动物血或昆虫制成的香肠及类似产品",
     "Sausages and similar products, of meat, meat offal, blood or insects"},
    {"1602", "其他方法制作或保藏的肉、食用杂碎、动物血或昆虫",
     "Other prepared or preserved meat, meat offal, blood or insects"},
    {"1603", "肉、鱼、甲壳动物、软体动物或其他水生无脊椎动物的精及汁",
     "Extracts and juices of meat, fish or crustaceans, molluscs or other aquatic invertebrates"},
    {"1604", "制作或保藏的鱼；鲟鱼子酱及鱼卵制的鲟鱼子酱代用品",
     "Prepared or preserved fish; caviar and caviar substitutes prepared from fish eggs"},
    {"1605", "制作或保藏的甲壳动物、软体动物及其他水生无脊椎动物",
     "Crustaceans, molluscs and other aquatic invertebrates, prepared or preserved"},
    {"1701", "固体甘蔗糖、甜菜糖及化学纯蔗糖", "Cane or beet sugar and chemically pure sucrose, in solid form"},
    {"1702", "其他固体糖，包括化学纯乳糖、麦芽糖、葡萄糖及果糖；未加香料或着色剂的糖浆；人造蜜；焦糖",
     "Other sugars, including chemically pure lactose, maltose, glucose and fructose, in solid form; sugar syrups not "
     "flavoured or coloured; artificial honey; caramel"},
    {"1703", "糖蜜", "Molasses resulting from the extraction or refining of sugar"},
    {"1704", "不含可可的糖食（包括白巧克力）", "Sugar confectionery (including white chocolate), not containing cocoa"},
    {"1801", "整颗或破碎的可可豆，生的或焙炒的", "Cocoa beans, whole or broken, raw or roasted"},
    {"1802", "可可荚、壳、皮及废料", "Cocoa shells, husks, skins and other cocoa waste"},
    {"1803", "可可膏，不论是否脱脂", "Cocoa paste, whether or not defatted"},
    {"1804", "可可脂、可可油", "Cocoa butter, fat and oil"},
    {"1805", "未加糖或其他甜物质的可可粉", "Cocoa powder, not containing added sugar or other sweetening matter"},
    {"1806", "巧克力及其他含可可的食品", "Chocolate and other food preparations containing cocoa"},
    {"1901", "麦精；细粉、粗粒、粗粉、淀粉或麦精制的其他品目未列名的食品；乳制的其他品目未列名的食品",
     "Malt extract; food preparations of flour, groats, meal, starch or malt extract, and food preparations of goods "
     "of headings 04.01 to 04.04, not elsewhere specified"},
    {"1902", "面食，不论是否煮熟、包馅或其他方法制作，例如，通心粉、面条、汤团、馄饨、饺子、奶油面卷；古斯古斯面食",
     "Pasta, whether or not cooked or stuffed or otherwise prepared, such as spaghetti, macaroni, noodles, lasagne, "
     "gnocchi, ravioli, cannelloni; couscous"},
    {"1903", "珍粉及淀粉制成的珍粉代用品，片、粒、珠、粉或类似形状的",
     "Tapioca and substitutes therefor prepared from starch, in the form of flakes, grains, pearls, siftings or in "
     "similar forms"},
    {"1904", "谷物或谷物产品经膨化或烘炒制成的食品（例如，玉米片）；其他品目未列名的预煮或经其他方法制作的谷粒",
     "Prepared foods obtained by the swelling or roasting of cereals or cereal products (for example, corn flakes); "
     "cereals, pre-cooked or otherwise prepared, not elsewhere specified"},
    {"1905", "面包、糕点、饼干及其他烘焙糕饼，不论是否含可可；圣餐饼、装药空囊、封缄、糯米纸及类似制品",
     "Bread, pastry, cakes, biscuits and other bakers' wares, whether or not containing cocoa; communion wafers, empty "
     "cachets for pharmaceutical use, sealing wafers, rice paper and similar products"},
    {"2001", "用醋或醋酸制作或保藏的蔬菜、水果、坚果及植物的其他食用部分",
     "Vegetables, fruit, nuts and other edible parts of plants, prepared or preserved by vinegar or acetic acid"},
    {"2002", "用醋或醋酸以外的其他方法制作或保藏的番茄",
     "Tomatoes prepared or preserved otherwise than by vinegar or acetic acid"},
    {"2003", "用醋或醋酸以外的其他方法制作或保藏的蘑菇及块菌",
     "Mushrooms and truffles, prepared or preserved otherwise than by vinegar or acetic acid"},
    {"2004", "用醋或醋酸以外的其他方法制作或保藏的冷冻蔬菜，但品目2006的产品除外",
     "Other vegetables prepared or preserved otherwise than by vinegar or acetic acid, frozen, other than products of "
     "heading 20.06"},
    {"2005", "用醋或醋酸以外的其他方法制作或保藏的未冷冻蔬菜，但品目2006的产品除外",
     "Other vegetables prepared or preserved otherwise than by vinegar or acetic acid, not frozen, other than products "
     "of heading 20.06"},
    {"2006", "糖渍蔬菜、水果、坚果、果皮及植物的其他部分（沥干、糖渍或裹糖的）",
     "Vegetables, fruit, nuts, fruit-peel and other parts of plants, preserved by sugar (drained, glacé or "
     "crystallised)"},
    {"2007", "烹煮的果酱、果冻、柑橘酱、果泥及果膏，不论是否加糖或其他甜物质",
     "Jams, fruit jellies, marmalades, fruit or nut purée and fruit or nut pastes, obtained by cooking, whether or not "
     "containing added sugar"},
    {"2008", "用其他方法制作或保藏的其他品目未列名的水果、坚果及植物的其他食用部分",
     "Fruit, nuts and other edible parts of plants, otherwise prepared or preserved, not elsewhere specified or "
     "included"},
    {"2009", "未发酵及未加酒精的水果汁（包括酿酒葡萄汁及椰子水）、蔬菜汁",
     "Fruit or nut juices (including grape must and coconut water) and vegetable juices, unfermented and not "
     "containing added spirit"},
    {"2101", "咖啡、茶、马黛茶的浓缩精汁及以其为基本成分或以咖啡、茶、马黛茶为基本成分的制品；烘焙咖啡代用品",
     "Extracts, essences and concentrates, of coffee, tea or maté and preparations with a basis of these; roasted "
     "chicory and other roasted coffee substitutes"},
    {"2102", "酵母（活性或非活性）；已死的其他单细胞微生物（不包括品目3002的疫苗）；发酵粉",
     "Yeasts (active or inactive); other single-cell micro-organisms, dead (but not including vaccines of heading "
     "30.02); prepared baking powders"},
    {"2103", "调味汁及其制品；混合调味品；芥子粉及其调制品",
     "Sauces and preparations therefor; mixed condiments and mixed seasonings; mustard flour and meal and prepared "
     "mustard"},
    {"2104", "汤料及其制品；均化混合食品",
     "Soups and broths and preparations therefor; homogenised composite food preparations"},
    {"2105", "冰淇淋及其他冰制食品，不论是否含可可", "Ice cream and other edible ice, whether or not containing cocoa"},
    {"2106", "其他品目未列名的食品", "Food preparations not elsewhere specified or included"},
    {"2201", "未加糖或其他甜物质及未加味的水，包括天然或人造矿泉水及汽水；冰及雪",
     "Waters, including natural or artificial mineral waters and aerated waters, not sweetened nor flavoured; ice and "
     "snow"},
    {"2202", "加味、加糖或其他甜物质的水，包括矿泉水及汽水，其他无酒精饮料，但不包括品目2009的水果汁或蔬菜汁",
     "Waters, including mineral waters and aerated waters, sweetened or flavoured, and other non-alcoholic beverages, "
     "not including juices of heading 20.09"},
    {"2203", "麦芽酿造的啤酒", "Beer made from malt"},
    {"2204", "鲜葡萄酿造的酒，包括加酒精的；品目2009以外的酿酒葡萄汁",
     "Wine of fresh grapes, including fortified wines; grape must other than that of heading 20.09"},
    {"2205", "味美思酒及其他加植物或香料的用鲜葡萄酿造的酒",
     "Vermouth and other wine of fresh grapes flavoured with plants or aromatic substances"},
    {"2206",
     "其他发酵饮料（例如，苹果酒、梨酒、蜂蜜酒、清酒）；其他品目未列名的发酵饮料的混合物及发酵饮料与无酒精饮料的混合物",
     "Other fermented beverages (for example, cider, perry, mead, saké); mixtures of fermented beverages and of "
     "fermented and non-alcoholic beverages, not elsewhere specified"},
    {"2207", "未改性乙醇，按容量计酒精浓度在80%及以上；任何浓度的改性乙醇及其他酒精",
     "Undenatured ethyl alcohol of an alcoholic strength by volume of 80% vol or higher; ethyl alcohol and other "
     "spirits, denatured, of any strength"},
    {"2208", "未改性乙醇，按容量计酒精浓度在80%以下；蒸馏酒、利口酒及其他酒精饮料",
     "Undenatured ethyl alcohol of an alcoholic strength by volume of less than 80% vol; spirits, liqueurs and other "
     "spirituous beverages"},
    {"2209", "醋及用醋酸制得的醋代用品", "Vinegar and substitutes for vinegar obtained from acetic acid"},
    {"2301", "不适于供人食用的肉、杂碎、鱼、甲壳动物、软体动物或其他水生无脊椎动物的渣粉及团粒；油渣",
     "Flours, meals and pellets, of meat or meat offal, of fish or of crustaceans, molluscs or other aquatic "
     "invertebrates, unfit for human consumption; greaves"},
    {"2302", "谷物或豆类植物在筛、碾或其他加工时所产生的糠、麸及其他残渣",
     "Bran, sharps and other residues derived from the sifting, milling or other working of cereals or of leguminous "
     "plants"},
    {"2303", "制造淀粉过程中的残渣及类似的残渣、甜菜渣、甘蔗渣及制糖过程中的其他残渣；酿造及蒸馏过程中的糟粕及残渣",
     "Residues of starch manufacture and similar residues, beet-pulp, bagasse and other waste of sugar manufacture, "
     "brewing or distilling dregs and waste"},
    {"2304", "提炼豆油所得的油渣饼及其他固体残渣",
     "Oil-cake and other solid residues resulting from the extraction of soya-bean oil"},
    {"2305", "提炼花生油所得的油渣饼及其他固体残渣",
     "Oil-cake and other solid residues resulting from the extraction of ground-nut oil"},
    {"2306", "品目2304或2305以外的提炼植物或微生物油脂所得的油渣饼及其他固体残渣",
     "Oil-cake and other solid residues resulting from the extraction of vegetable or microbial fats or oils, other "
     "than those of heading 23.04 or 23.05"},
    {"2307", "葡萄酒渣；粗酒石", "Wine lees; argol"},
    {"2308", "动物饲料用的其他品目未列名的植物原料、废料、残渣及副产品",
     "Vegetable materials and vegetable waste, vegetable residues and by-products, of a kind used in animal feeding, "
     "not elsewhere specified"},
    {"2309", "配制的动物饲料", "Preparations of a kind used in animal feeding"},
    {"2401", "烟草；烟草废料", "Unmanufactured tobacco; tobacco refuse"},
    {"2402", "烟草或烟草代用品制成的雪茄烟及卷烟",
     "Cigars, cheroots, cigarillos and cigarettes, of tobacco or of tobacco substitutes"},
    {"2403", "其他烟草及烟草代用品的制品；“均化”或“再造”烟草；烟草精汁",
     "Other manufactured tobacco and manufactured tobacco substitutes; \"homogenised\" or \"reconstituted\" tobacco; "
     "tobacco extracts and essences"},
    {"2404", "含烟草、再造烟草、尼古丁或烟草或尼古丁代用品，非经燃烧吸用的产品；其他供人体摄入尼古丁的含尼古丁产品",
     "Products containing tobacco, reconstituted tobacco, nicotine, or tobacco or nicotine substitutes, intended for "
     "inhalation without combustion; other nicotine containing products intended for the intake of nicotine into the "
     "human body"},
    {NULL, NULL, NULL},
};
