/* hs_headings_s15b.c — every heading (品目) of section XV of the HS 2022, chapters 74–83 (77 is reserved): the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s15b[] = {
    {"7401", "铜锍；沉积铜（泥铜）", "Copper mattes; cement copper (precipitated copper)"},
    {"7402", "未精炼铜；电解精炼用的铜阳极", "Unrefined copper; copper anodes for electrolytic refining"},
    {"7403", "未锻轧的精炼铜及铜合金", "Refined copper and copper alloys, unwrought"},
    {"7404", "铜废碎料", "Copper waste and scrap"},
    {"7405", "铜母合金", "Master alloys of copper"},
    {"7406", "铜粉及片状粉末", "Copper powders and flakes"},
    {"7407", "铜条、杆、型材及异型材", "Copper bars, rods and profiles"},
    {"7408", "铜丝", "Copper wire"},
    {"7409", "铜板、片及带，厚度超过0.15毫米", "Copper plates, sheets and strip, of a thickness exceeding 0.15 mm"},
    {"7410", "铜箔（不论是否印花或用纸、纸板、塑料或类似材料衬背），厚度（衬背除外）不超过0.15毫米",
     "Copper foil (whether or not printed or backed with paper, paperboard, plastics or similar backing materials) of "
     "a thickness (excluding any backing) not exceeding 0.15 mm"},
    {"7411", "铜管", "Copper tubes and pipes"},
    {"7412", "铜制管子附件（例如，接头、肘管、管套）",
     "Copper tube or pipe fittings (for example, couplings, elbows, sleeves)"},
    {"7413", "非绝缘的铜丝绞股线、缆、编带及类似品",
     "Stranded wire, cables, plaited bands and the like, of copper, not electrically insulated"},
    {"7415",
     "铜制或钢铁制带铜头的钉、平头钉、图钉、U形钉（品目8305的货品除外）及类似品；铜制螺钉、螺栓、螺母、钩头螺钉、铆钉、"
     "销、开尾销、垫圈（包括弹簧垫圈）及类似品",
     "Nails, tacks, drawing pins, staples (other than those of heading 83.05) and similar articles, of copper or of "
     "iron or steel with heads of copper; screws, bolts, nuts, screw hooks, rivets, cotters, cotter-pins, washers "
     "(including spring washers) and similar articles, of copper"},
    {"7418", "餐桌、厨房或其他家用铜制器具及其零件；铜制擦锅器、洗刷擦光用的块垫、手套及类似品；铜制卫生器具及其零件",
     "Table, kitchen or other household articles and parts thereof, of copper; pot scourers and scouring or polishing "
     "pads, gloves and the like, of copper; sanitary ware and parts thereof, of copper"},
    {"7419", "其他铜制品", "Other articles of copper"},
    {"7501", "镍锍、氧化镍烧结物及镍冶炼的其他中间产品",
     "Nickel mattes, nickel oxide sinters and other intermediate products of nickel metallurgy"},
    {"7502", "未锻轧镍", "Unwrought nickel"},
    {"7503", "镍废碎料", "Nickel waste and scrap"},
    {"7504", "镍粉及片状粉末", "Nickel powders and flakes"},
    {"7505", "镍条、杆、型材、异型材及丝", "Nickel bars, rods, profiles and wire"},
    {"7506", "镍板、片、带、箔", "Nickel plates, sheets, strip and foil"},
    {"7507", "镍管及管子附件（例如，接头、肘管、管套）",
     "Nickel tubes, pipes and tube or pipe fittings (for example, couplings, elbows, sleeves)"},
    {"7508", "镍的其他制品", "Other articles of nickel"},
    {"7601", "未锻轧铝", "Unwrought aluminium"},
    {"7602", "铝废碎料", "Aluminium waste and scrap"},
    {"7603", "铝粉及片状粉末", "Aluminium powders and flakes"},
    {"7604", "铝条、杆、型材及异型材", "Aluminium bars, rods and profiles"},
    {"7605", "铝丝", "Aluminium wire"},
    {"7606", "铝板、片及带，厚度超过0.2毫米", "Aluminium plates, sheets and strip, of a thickness exceeding 0.2 mm"},
    {"7607", "铝箔（不论是否印花或用纸、纸板、塑料或类似材料衬背），厚度（衬背除外）不超过0.2毫米",
     "Aluminium foil (whether or not printed or backed with paper, paperboard, plastics or similar backing materials) "
     "of a thickness (excluding any backing) not exceeding 0.2 mm"},
    {"7608", "铝管", "Aluminium tubes and pipes"},
    {"7609", "铝制管子附件（例如，接头、肘管、管套）",
     "Aluminium tube or pipe fittings (for example, couplings, elbows, sleeves)"},
    {"7610",
     "铝制结构体（品目9406的活动房屋除外）及其部件（例如，桥梁及桥梁体段、塔楼、格构杆、屋顶、屋顶框架、门窗及其框架、"
     "门槛、栏杆、支柱及立柱）；上述结构体用的已加工铝板、杆、型材、异型材、管子及类似品",
     "Aluminium structures (excluding prefabricated buildings of heading 94.06) and parts of structures (for example, "
     "bridges, towers, lattice masts, roofs, doors and windows and their frames, balustrades, pillars and columns); "
     "aluminium plates, rods, profiles, tubes and the like, prepared for use in structures"},
    {"7611",
     "盛装物料用的铝制囤、柜、罐、桶及类似容器（装压缩气体或液化气体的除外），容积超过300升，不论是否衬里或隔热，但无机"
     "械或热力装置",
     "Aluminium reservoirs, tanks, vats and similar containers, for any material (other than compressed or liquefied "
     "gas), of a capacity exceeding 300 l, whether or not lined or heat-insulated, but not fitted with mechanical or "
     "thermal equipment"},
    {"7612",
     "盛装物料用的铝制桶、罐、听、盒及类似容器，包括软管容器及硬管容器（装压缩气体或液化气体的除外），容积不超过300升，"
     "不论是否衬里或隔热，但无机械或热力装置",
     "Aluminium casks, drums, cans, boxes and similar containers (including rigid or collapsible tubular containers), "
     "for any material (other than compressed or liquefied gas), of a capacity not exceeding 300 l, not fitted with "
     "mechanical or thermal equipment"},
    {"7613", "装压缩气体或液化气体用的铝制容器", "Aluminium containers for compressed or liquefied gas"},
    {"7614", "非绝缘的铝制绞股线、缆、编带及类似品",
     "Stranded wire, cables, plaited bands and the like, of aluminium, not electrically insulated"},
    {"7615", "餐桌、厨房或其他家用铝制器具及其零件；铝制擦锅器、洗刷擦光用的块垫、手套及类似品；铝制卫生器具及其零件",
     "Table, kitchen or other household articles and parts thereof, of aluminium; pot scourers and scouring or "
     "polishing pads, gloves and the like, of aluminium; sanitary ware and parts thereof, of aluminium"},
    {"7616", "其他铝制品", "Other articles of aluminium"},
    {"7801", "未锻轧铅", "Unwrought lead"},
    {"7802", "铅废碎料", "Lead waste and scrap"},
    {"7806", "其他铅制品", "Other articles of lead"},
    {"7901", "未锻轧锌", "Unwrought zinc"},
    {"7902", "锌废碎料", "Zinc waste and scrap"},
    {"7903", "锌末、锌粉及片状粉末", "Zinc dust, powders and flakes"},
    {"7904", "锌条、杆、型材、异型材及丝", "Zinc bars, rods, profiles and wire"},
    {"7905", "锌板、片、带、箔", "Zinc plates, sheets, strip and foil"},
    {"7907", "其他锌制品", "Other articles of zinc"},
    {"8001", "未锻轧锡", "Unwrought tin"},
    {"8002", "锡废碎料", "Tin waste and scrap"},
    {"8003", "锡条、杆、型材、异型材及丝", "Tin bars, rods, profiles and wire"},
    {"8007", "其他锡制品", "Other articles of tin"},
    {"8101", "钨及其制品，包括废碎料", "Tungsten (wolfram) and articles thereof, including waste and scrap"},
    {"8102", "钼及其制品，包括废碎料", "Molybdenum and articles thereof, including waste and scrap"},
    {"8103", "钽及其制品，包括废碎料", "Tantalum and articles thereof, including waste and scrap"},
    {"8104", "镁及其制品，包括废碎料", "Magnesium and articles thereof, including waste and scrap"},
    {"8105", "钴锍及钴冶炼的其他中间产品；钴及其制品，包括废碎料",
     "Cobalt mattes and other intermediate products of cobalt metallurgy; cobalt and articles thereof, including waste "
     "and scrap"},
    {"8106", "铋及其制品，包括废碎料", "Bismuth and articles thereof, including waste and scrap"},
    {"8108", "钛及其制品，包括废碎料", "Titanium and articles thereof, including waste and scrap"},
    {"8109", "锆及其制品，包括废碎料", "Zirconium and articles thereof, including waste and scrap"},
    {"8110", "锑及其制品，包括废碎料", "Antimony and articles thereof, including waste and scrap"},
    {"8111", "锰及其制品，包括废碎料", "Manganese and articles thereof, including waste and scrap"},
    {"8112", "铍、铬、铪、铼、铊、镉、锗、钒、镓、铟、铌及其制品，包括废碎料",
     "Beryllium, chromium, hafnium, rhenium, thallium, cadmium, germanium, vanadium, gallium, indium and niobium "
     "(columbium), and articles of these metals, including waste and scrap"},
    {"8113", "金属陶瓷及其制品，包括废碎料", "Cermets and articles thereof, including waste and scrap"},
    {"8201",
     "手工工具：锹、铲、镐、锄、叉及耙；斧子、钩刀及类似砍伐工具；各种修枝剪；镰刀、草刀、树篱剪、木楔及其他农业、园艺"
     "或林业用手工工具",
     "Hand tools: spades, shovels, mattocks, picks, hoes, forks and rakes; axes, bill hooks and similar hewing tools; "
     "secateurs and pruners of any kind; scythes, sickles, hay knives, hedge shears, timber wedges and other tools of "
     "a kind used in agriculture, horticulture or forestry"},
    {"8202", "手锯；各种锯的锯片（包括切条、切槽或无齿锯片）",
     "Hand saws; blades for saws of all kinds (including slitting, slotting or toothless saw blades)"},
    {"8203", "锉刀、钳子（包括剪钳）、镊子、白铁剪、切管器、螺栓切头器、打孔冲子及类似手工工具",
     "Files, rasps, pliers (including cutting pliers), pincers, tweezers, metal cutting shears, pipe-cutters, bolt "
     "croppers, perforating punches and similar hand tools"},
    {"8204", "手动扳手及扳钳（包括转矩扳钳，但不包括丝锥扳手）；可互换的扳手套筒，不论是否带手柄",
     "Hand-operated spanners and wrenches (including torque meter wrenches but not including tap wrenches); "
     "interchangeable spanner sockets, with or without handles"},
    {"8205",
     "其他品目未列名的手工工具（包括玻璃刀）；喷灯；台钳、夹钳及类似品，但机床或水射流切割机的附件或零件除外；砧；轻便"
     "锻炉；带支架的手摇或脚踏砂轮",
     "Hand tools (including glaziers' diamonds), not elsewhere specified; blow lamps; vices, clamps and the like, "
     "other than accessories for and parts of machine-tools or water-jet cutting machines; anvils; portable forges; "
     "hand- or pedal-operated grinding wheels with frameworks"},
    {"8206", "由品目8202至8205中两个或多个品目所列工具组成的零售包装成套货品",
     "Tools of two or more of the headings 82.02 to 82.05, put up in sets for retail sale"},
    {"8207",
     "手工工具（不论是否有动力装置）或机床（例如，压力机、冲压机、冲孔机、攻丝机、铰孔机、镗孔机、拉削机、铣削机、车削"
     "机或螺钉旋入机）用的可互换工具，包括金属拉拔或挤压用模及凿岩或钻探工具",
     "Interchangeable tools for hand tools, whether or not power-operated, or for machine-tools (for example, for "
     "pressing, stamping, punching, tapping, threading, drilling, boring, broaching, milling, turning or screw "
     "driving), including dies for drawing or extruding metal, and rock drilling or earth boring tools"},
    {"8208", "机器或机械器具用的刀及刀片", "Knives and cutting blades, for machines or for mechanical appliances"},
    {"8209", "未装配的工具用金属陶瓷板、杆、刀头及类似品",
     "Plates, sticks, tips and the like for tools, unmounted, of cermets"},
    {"8210", "加工或调制食品、饮料用的手动机械器具，重量不超过10千克",
     "Hand-operated mechanical appliances, weighing 10 kg or less, used in the preparation, conditioning or serving of "
     "food or drink"},
    {"8211", "有刃口的刀及其刀片，不论是否有锯齿（包括整枝刀），但品目8208的刀除外",
     "Knives with cutting blades, serrated or not (including pruning knives), other than knives of heading 82.08, and "
     "blades therefor"},
    {"8212", "剃刀及其刀片（包括未分开的刀片条）", "Razors and razor blades (including razor blade blanks in strips)"},
    {"8213", "剪刀、裁缝剪刀及类似品、剪刀片", "Scissors, tailors' shears and similar shears, and blades therefor"},
    {"8214", "其他利口器（例如，理发推子、屠刀、砍骨刀、剁肉刀、切纸刀）；修指甲及修脚用具（包括指甲锉）",
     "Other articles of cutlery (for example, hair clippers, butchers' or kitchen cleavers, chopping or mincing "
     "knives, paper knives); manicure or pedicure sets and instruments (including nail files)"},
    {"8215", "餐匙、餐叉、长柄勺、漏勺、糕点刀、鱼刀、黄油刀、糖夹及类似的厨房或餐桌用具",
     "Spoons, forks, ladles, skimmers, cake-servers, fish-knives, butter-knives, sugar tongs and similar kitchen or "
     "tableware"},
    {"8301", "贱金属制的挂锁及锁（钥匙锁、数码锁及电动锁）；贱金属制带锁的扣环及扣环框架；上述锁的贱金属制钥匙",
     "Padlocks and locks (key, combination or electrically operated), of base metal; clasps and frames with clasps, "
     "incorporating locks, of base metal; keys for any of the foregoing articles, of base metal"},
    {"8302",
     "用于家具、门窗、楼梯、百叶窗、车厢、鞍具、衣箱、盒子及类似品的贱金属附件及架座；贱金属制帽架、帽钩、托架及类似品"
     "；用贱金属做支架的小脚轮；贱金属制的自动闭门器",
     "Base metal mountings, fittings and similar articles suitable for furniture, doors, staircases, windows, blinds, "
     "coachwork, saddlery, trunks, chests, caskets or the like; base metal hat-racks, hat-pegs, brackets and similar "
     "fixtures; castors with mountings of base metal; automatic door closers of base metal"},
    {"8303", "装甲或加强的贱金属保险箱、柜、保险库的门和带锁保险储藏橱、钱箱、契约箱及类似品",
     "Armoured or reinforced safes, strong-boxes and doors and safe deposit lockers for strong-rooms, cash or deed "
     "boxes and the like, of base metal"},
    {"8304", "贱金属制的档案柜、卡片索引柜、文件盘、文件篮、笔盘、公章架及类似的办公用具，但品目9403的办公室家具除外",
     "Filing cabinets, card-index cabinets, paper trays, paper rests, pen trays, office-stamp stands and similar "
     "office or desk equipment, of base metal, other than office furniture of heading 94.03"},
    {"8305",
     "活页夹或宗卷夹的贱金属附件、信夹、信角、文件夹、索引标签及类似的办公用品；贱金属制的成条订书钉（例如，供办公室、"
     "室内装饰或包装用）",
     "Fittings for loose-leaf binders or files, letter clips, letter corners, paper clips, indexing tags and similar "
     "office articles, of base metal; staples in strips (for example, for offices, upholstery, packaging), of base "
     "metal"},
    {"8306",
     "非电动的贱金属铃、钟、锣及类似品；贱金属制的小雕塑像及其他装饰品；贱金属制的相框或画框及类似框架；贱金属制的镜子",
     "Bells, gongs and the like, non-electric, of base metal; statuettes and other ornaments, of base metal; "
     "photograph, picture or similar frames, of base metal; mirrors of base metal"},
    {"8307", "贱金属软管，可带附件", "Flexible tubing of base metal, with or without fittings"},
    {"8308",
     "贱金属制的扣、钩、环、眼及类似品，用于衣着或衣着附件、鞋靴、珠宝首饰、手表、书籍、天篷、皮革制品、旅行用品或马具"
     "或其他制成品；贱金属制的管形铆钉及开口铆钉；贱金属制的珠子及亮晶片",
     "Clasps, frames with clasps, buckles, buckle-clasps, hooks, eyes, eyelets and the like, of base metal, of a kind "
     "used for clothing, footwear, jewellery, wrist-watches, books, awnings, leather goods, travel goods or saddlery "
     "or for other made up articles; tubular or bifurcated rivets, of base metal; beads and spangles, of base metal"},
    {"8309", "贱金属制的塞子、盖子（包括冠形瓶塞、螺口盖及倒水塞）、瓶帽、螺口塞、塞子帽、封志及其他包装用附件",
     "Stoppers, caps and lids (including crown corks, screw caps and pouring stoppers), capsules for bottles, threaded "
     "bungs, bung covers, seals and other packing accessories, of base metal"},
    {"8310", "贱金属制的标志牌、铭牌、地名牌及类似品、号码、字母及类似标志，但品目9405的货品除外",
     "Sign-plates, name-plates, address-plates and similar plates, numbers, letters and other symbols, of base metal, "
     "excluding those of heading 94.05"},
    {"8311",
     "贱金属或硬质合金制的丝、条、管、板、焊条及类似品，带有焊剂涂层或焊剂芯，用于焊接或沉积金属、硬质合金；贱金属粉粘"
     "聚而成的丝及条，供喷镀用",
     "Wire, rods, tubes, plates, electrodes and similar products, of base metal or of metal carbides, coated or cored "
     "with flux material, of a kind used for soldering, brazing, welding or deposition of metal or of metal carbides; "
     "wire and rods, of agglomerated base metal powder, used for metal spraying"},
    {NULL, NULL, NULL},
};
