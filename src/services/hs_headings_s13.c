/* hs_headings_s13.c — every heading (品目) of section XIII of the HS 2022, chapters 68–70: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s13[] = {
    {"6801", "天然石料（不包括板岩）制的长方砌石、路缘石、扁平石",
     "Setts, curbstones and flagstones, of natural stone (except slate)"},
    {"6802",
     "已加工的碑石或建筑用石（不包括板岩）及其制品，但品目6801的货品除外；天然石料（包括板岩）制的镶嵌石（马赛克）及类"
     "似品，不论是否有衬背；天然石料（包括板岩）制的人工染色的粒子、碎片及粉末",
     "Worked monumental or building stone (except slate) and articles thereof, other than goods of heading 68.01; "
     "mosaic cubes and the like, of natural stone (including slate); artificially coloured granules, chippings and "
     "powder, of natural stone (including slate)"},
    {"6803", "已加工的板岩及板岩制品或粘聚板岩制品", "Worked slate and articles of slate or of agglomerated slate"},
    {"6804",
     "未装支架的石磨、石碾、砂轮及类似品及其零件，用于研磨、磨刃、抛光、整形或切削，以及手用磨石、抛光石及其零件，用天"
     "然石料、粘聚的天然磨料或人造磨料或陶瓷制成，不论是否装有其他材料制成的零件",
     "Millstones, grindstones, grinding wheels and the like, without frameworks, for grinding, sharpening, polishing, "
     "trueing or cutting, hand sharpening or polishing stones, and parts thereof, of natural stone, of agglomerated "
     "natural or artificial abrasives, or of ceramics"},
    {"6805", "砂布、砂纸及以纺织材料、纸、纸板或其他材料为底的类似品，不论是否裁切、缝合或用其他方法加工成形",
     "Natural or artificial abrasive powder or grain, on a base of textile material, of paper, of paperboard or of "
     "other materials, whether or not cut to shape or sewn or otherwise made up"},
    {"6806",
     "矿渣棉、岩石棉及类似的矿质棉；页状蛭石、膨胀黏土、泡沫矿渣及类似的膨胀矿物材料；具有隔热、隔音或吸音性能的矿物材"
     "料的混合物及制品，但品目6811、6812及第六十九章的货品除外",
     "Slag wool, rock wool and similar mineral wools; exfoliated vermiculite, expanded clays, foamed slag and similar "
     "expanded mineral materials; heat-insulating, sound-insulating or sound-absorbing mineral materials and articles, "
     "other than those of heading 68.11 or 68.12 or of Chapter 69"},
    {"6807", "沥青或类似材料（例如，石油沥青或煤焦油沥青）的制品",
     "Articles of asphalt or of similar material (for example, petroleum bitumen or coal tar pitch)"},
    {"6808",
     "镶板、平板、瓦、砖及类似品，用植物纤维、稻草或刨花、木片屑、木粒、锯末或其他木废料，以水泥、石膏或其他矿物粘合剂"
     "粘合而成",
     "Panels, boards, tiles, blocks and similar articles of vegetable fibre, of straw or of shavings, chips, "
     "particles, sawdust or other waste, of wood, agglomerated with cement, plaster or other mineral binders"},
    {"6809", "石膏制品及以石膏为基本成分的混合材料制品", "Articles of plaster or of compositions based on plaster"},
    {"6810", "水泥、混凝土或人造石制品，不论是否加强",
     "Articles of cement, of concrete or of artificial stone, whether or not reinforced"},
    {"6811", "石棉水泥、纤维素水泥或类似材料的制品",
     "Articles of asbestos-cement, of cellulose fibre-cement or the like"},
    {"6812",
     "已加工的石棉纤维；以石棉或以石棉和碳酸镁为基本成分的混合物；上述混合物或石棉的制品，不论是否加强，但品目6811或681"
     "3的货品除外",
     "Fabricated asbestos fibres; mixtures with a basis of asbestos or with a basis of asbestos and magnesium "
     "carbonate; articles of such mixtures or of asbestos, whether or not reinforced, other than goods of heading "
     "68.11 or 68.13"},
    {"6813",
     "未装配的摩擦材料及其制品（例如，片、卷、带、扇形、盘、圈、垫），供制动器、离合器及类似装置用，以石棉、其他矿物质"
     "或纤维素为基本成分，不论是否与纺织材料或其他材料结合而成",
     "Friction material and articles thereof (for example, sheets, rolls, strips, segments, discs, washers, pads), not "
     "mounted, for brakes, for clutches or the like, with a basis of asbestos, of other mineral substances or of "
     "cellulose"},
    {"6814", "已加工的云母及其制品，包括粘聚或复制的云母，不论是否附于纸、纸板或其他材料上",
     "Worked mica and articles of mica, including agglomerated or reconstituted mica, whether or not on a support of "
     "paper, paperboard or other materials"},
    {"6815", "其他品目未列名的石制品及其他矿物制品（包括碳纤维及其制品和泥煤制品）",
     "Articles of stone or of other mineral substances (including carbon fibres, articles of carbon fibres and "
     "articles of peat), not elsewhere specified or included"},
    {"6901", "硅质化石粗粉（例如，各种硅藻土）或类似硅土制的砖、瓦、块及其他陶瓷制品",
     "Bricks, blocks, tiles and other ceramic goods of siliceous fossil meals (for example, kieselguhr, tripolite or "
     "diatomite) or of similar siliceous earths"},
    {"6902", "耐火砖、块、瓦及类似耐火陶瓷建材制品，但硅质化石粗粉及类似硅土制品除外",
     "Refractory bricks, blocks, tiles and similar refractory ceramic constructional goods, other than those of "
     "siliceous fossil meals or similar siliceous earths"},
    {"6903",
     "其他耐火陶瓷制品（例如，蒸馏罐、坩埚、马弗罩、喷嘴、栓塞、支架、烤钵、管子、护套、棒条及滑阀），但硅质化石粗粉及"
     "类似硅土制品除外",
     "Other refractory ceramic goods (for example, retorts, crucibles, muffles, nozzles, plugs, supports, cupels, "
     "tubes, sheaths, rods and slide gates), other than those of siliceous fossil meals or similar siliceous earths"},
    {"6904", "陶瓷制建筑用砖、铺地砖、支撑或填充用砖及类似品",
     "Ceramic building bricks, flooring blocks, support or filler tiles and the like"},
    {"6905", "屋顶瓦、烟囱罩、通风帽、烟囱衬壁、建筑装饰物及其他建筑用陶瓷制品",
     "Roofing tiles, chimney-pots, cowls, chimney liners, architectural ornaments and other ceramic constructional "
     "goods"},
    {"6906", "陶瓷套管、导管、槽管及管子配件", "Ceramic pipes, conduits, guttering and pipe fittings"},
    {"6907", "陶瓷贴面砖、铺面砖，包括炉面砖及墙面砖；陶瓷镶嵌砖（马赛克）及类似品，不论是否有衬背；饰面陶瓷",
     "Ceramic flags and paving, hearth or wall tiles; ceramic mosaic cubes and the like, whether or not on a backing; "
     "finishing ceramics"},
    {"6909",
     "实验室、化学或其他专门技术用途的陶瓷器；农业用陶瓷槽、缸及类似容器；通常供运输及盛装货物用的陶瓷缸、坛及类似品",
     "Ceramic wares for laboratory, chemical or other technical uses; ceramic troughs, tubs and similar receptacles of "
     "a kind used in agriculture; ceramic pots, jars and similar articles of a kind used for the conveyance or packing "
     "of goods"},
    {"6910", "陶瓷洗涤槽、脸盆、脸盆座、浴缸、坐浴盆、抽水马桶、水箱、小便池及类似的固定卫生设备",
     "Ceramic sinks, wash basins, wash basin pedestals, baths, bidets, water closet pans, flushing cisterns, urinals "
     "and similar sanitary fixtures"},
    {"6911", "瓷餐具、厨房器具及其他家用或盥洗用瓷器",
     "Tableware, kitchenware, other household articles and toilet articles, of porcelain or china"},
    {"6912", "陶餐具、厨房器具及其他家用或盥洗用陶器",
     "Ceramic tableware, kitchenware, other household articles and toilet articles, other than of porcelain or china"},
    {"6913", "塑像及其他装饰用陶瓷制品", "Statuettes and other ornamental ceramic articles"},
    {"6914", "其他陶瓷制品", "Other ceramic articles"},
    {"7001", "碎玻璃及废玻璃；阴极射线管或品目8549的其他活化玻璃的废碎料；玻璃块料",
     "Cullet and other waste and scrap of glass, excluding glass from cathode-ray tubes or other activated glass of "
     "heading 85.49; glass in the mass"},
    {"7002", "未经加工的球、棒及管状玻璃（品目7018的微型玻璃球除外）",
     "Glass in balls (other than microspheres of heading 70.18), rods or tubes, unworked"},
    {"7003", "铸制或轧制的平板玻璃、片状玻璃及型材玻璃，不论是否有吸收、反射或非反射层，但未经其他加工",
     "Cast glass and rolled glass, in sheets or profiles, whether or not having an absorbent, reflecting or "
     "non-reflecting layer, but not otherwise worked"},
    {"7004", "拉制或吹制的片状玻璃，不论是否有吸收、反射或非反射层，但未经其他加工",
     "Drawn glass and blown glass, in sheets, whether or not having an absorbent, reflecting or non-reflecting layer, "
     "but not otherwise worked"},
    {"7005", "浮法玻璃及表面研磨或抛光玻璃，片状，不论是否有吸收、反射或非反射层，但未经其他加工",
     "Float glass and surface ground or polished glass, in sheets, whether or not having an absorbent, reflecting or "
     "non-reflecting layer, but not otherwise worked"},
    {"7006", "经弯曲、磨边、镂刻、钻孔、涂珐琅或其他加工的品目7003、7004或7005的玻璃，但未用其他材料镶框或装配",
     "Glass of heading 70.03, 70.04 or 70.05, bent, edge-worked, engraved, drilled, enamelled or otherwise worked, but "
     "not framed or fitted with other materials"},
    {"7007", "钢化或层压玻璃制的安全玻璃", "Safety glass, consisting of toughened (tempered) or laminated glass"},
    {"7008", "多层隔温、隔音玻璃组件", "Multiple-walled insulating units of glass"},
    {"7009", "玻璃镜（包括后视镜），不论是否镶框", "Glass mirrors, whether or not framed, including rear-view mirrors"},
    {"7010", "玻璃制的坛、瓶、缸、罐、安瓿及其他容器，供运输或盛装货物用；玻璃制保藏罐；玻璃塞、盖及类似的封口器",
     "Carboys, bottles, flasks, jars, pots, phials, ampoules and other containers, of glass, of a kind used for the "
     "conveyance or packing of goods; preserving jars of glass; stoppers, lids and other closures, of glass"},
    {"7011", "制灯泡、阴极射线管及类似品用的未封口玻璃外壳（包括玻璃泡及管）及其玻璃零件，但未装有配件",
     "Glass envelopes (including bulbs and tubes), open, and glass parts thereof, without fittings, for electric lamps "
     "and light sources, cathode-ray tubes or the like"},
    {"7013", "供餐桌、厨房、盥洗室、办公室、室内装饰或类似用途的玻璃器（品目7010或7018的货品除外）",
     "Glassware of a kind used for table, kitchen, toilet, office, indoor decoration or similar purposes (other than "
     "that of heading 70.10 or 70.18)"},
    {"7014", "未经光学加工的信号玻璃器及玻璃制光学元件（品目7015的货品除外）",
     "Signalling glassware and optical elements of glass (other than those of heading 70.15), not optically worked"},
    {"7015",
     "钟表玻璃及类似玻璃、视力矫正或非视力矫正眼镜用玻璃，呈弧面、弯曲、凹形或类似形状但未经光学加工的；制造上述玻璃用"
     "的凹面圆球及其扇形玻璃",
     "Clock or watch glasses and similar glasses, glasses for non-corrective or corrective spectacles, curved, bent, "
     "hollowed or the like, not optically worked; hollow glass spheres and their segments, for the manufacture of such "
     "glasses"},
    {"7016",
     "建筑用压制或模制的铺面用玻璃块、砖、片、瓦及其他制品，不论是否有线网；供镶嵌或类似装饰用的玻璃马赛克及其他小件玻"
     "璃；花饰铅条窗玻璃及类似品；多孔或泡沫玻璃块、板、片及类似品",
     "Paving blocks, slabs, bricks, squares, tiles and other articles of pressed or moulded glass, for building or "
     "construction purposes; glass cubes and other glass smallwares for mosaics; leaded lights and the like; "
     "multi-cellular or foam glass in blocks, panels, plates or similar forms"},
    {"7017", "实验室、卫生及配药用的玻璃器，不论有无刻度或标量",
     "Laboratory, hygienic or pharmaceutical glassware, whether or not graduated or calibrated"},
    {"7018",
     "玻璃珠、仿珍珠、仿宝石或仿半宝石和类似小件玻璃品及其制品，但仿首饰除外；人造眼，但医用假眼除外；灯工方法制作的玻"
     "璃塑像及其他玻璃装饰品，但仿首饰除外；直径不超过1毫米的微型玻璃球",
     "Glass beads, imitation pearls, imitation precious or semi-precious stones and similar glass smallwares, and "
     "articles thereof other than imitation jewellery; glass eyes other than prosthetic articles; lamp-worked "
     "statuettes and ornaments of glass; glass microspheres not exceeding 1 mm in diameter"},
    {"7019", "玻璃纤维（包括玻璃棉）及其制品（例如，纱线、粗纱、机织物）",
     "Glass fibres (including glass wool) and articles thereof (for example, yarn, rovings, woven fabrics)"},
    {"7020", "其他玻璃制品", "Other articles of glass"},
    {NULL, NULL, NULL},
};
