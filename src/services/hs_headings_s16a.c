/* hs_headings_s16a.c — every heading (品目) of section XVI of the HS 2022, chapter 84: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s16a[] = {
    {"8401", "核反应堆；未辐照的核反应堆燃料元件；同位素分离机器及装置",
     "Nuclear reactors; fuel elements (cartridges), non-irradiated, for nuclear reactors; machinery and apparatus for "
     "isotopic separation"},
    {"8402", "蒸汽锅炉（能产生低压水蒸气的集中供暖用的热水锅炉除外）；过热水锅炉",
     "Steam or other vapour generating boilers (other than central heating hot water boilers capable also of producing "
     "low pressure steam); super-heated water boilers"},
    {"8403", "集中供暖用的热水锅炉，但品目8402的货品除外", "Central heating boilers other than those of heading 84.02"},
    {"8404",
     "品目8402或8403所列锅炉的辅助设备（例如，节热器、过热器、除灰器、气体回收器）；水蒸气或其他蒸汽动力装置的冷凝器",
     "Auxiliary plant for use with boilers of heading 84.02 or 84.03 (for example, economisers, super-heaters, soot "
     "removers, gas recoverers); condensers for steam or other vapour power units"},
    {"8405", "煤气发生器，不论有无净化器；乙炔发生器及类似的水解气体发生器，不论有无净化器",
     "Producer gas or water gas generators, with or without their purifiers; acetylene gas generators and similar "
     "water process gas generators, with or without their purifiers"},
    {"8406", "汽轮机", "Steam turbines and other vapour turbines"},
    {"8407", "点燃往复式或旋转式活塞内燃发动机",
     "Spark-ignition reciprocating or rotary internal combustion piston engines"},
    {"8408", "压燃式活塞内燃发动机（柴油或半柴油发动机）",
     "Compression-ignition internal combustion piston engines (diesel or semi-diesel engines)"},
    {"8409", "专用于或主要用于品目8407或8408所列发动机的零件",
     "Parts suitable for use solely or principally with the engines of heading 84.07 or 84.08"},
    {"8410", "水轮机、水轮及其调节器", "Hydraulic turbines, water wheels, and regulators therefor"},
    {"8411", "涡轮喷气发动机、涡轮螺桨发动机及其他燃气轮机", "Turbo-jets, turbo-propellers and other gas turbines"},
    {"8412", "其他发动机及动力装置", "Other engines and motors"},
    {"8413", "液体泵，不论是否装有计量装置；液体提升机",
     "Pumps for liquids, whether or not fitted with a measuring device; liquid elevators"},
    {"8414",
     "空气泵或真空泵、空气及其他气体压缩机、风机、风扇；装有风扇的通风罩或循环气罩，不论是否装有过滤器；气密生物安全柜"
     "，不论是否装有过滤器",
     "Air or vacuum pumps, air or other gas compressors and fans; ventilating or recycling hoods incorporating a fan, "
     "whether or not fitted with filters; gas-tight biological safety cabinets, whether or not fitted with filters"},
    {"8415", "空气调节器，装有电扇及调温、调湿装置，包括不能单独调湿的空调器",
     "Air conditioning machines, comprising a motor-driven fan and elements for changing the temperature and humidity, "
     "including those machines in which the humidity cannot be separately regulated"},
    {"8416", "使用液体燃料、粉状固体燃料或气体燃料的炉用燃烧器；机械加煤机，包括其机械炉箅、机械出灰器及类似装置",
     "Furnace burners for liquid fuel, for pulverised solid fuel or for gas; mechanical stokers, including their "
     "mechanical grates, mechanical ash dischargers and similar appliances"},
    {"8417", "非电热的工业或实验室用炉及烘箱，包括焚烧炉",
     "Industrial or laboratory furnaces and ovens, including incinerators, non-electric"},
    {"8418", "电气或非电气的冷藏箱、冷冻箱及其他制冷设备；热泵，但品目8415的空气调节器除外",
     "Refrigerators, freezers and other refrigerating or freezing equipment, electric or other; heat pumps other than "
     "air conditioning machines of heading 84.15"},
    {"8419",
     "利用温度变化处理材料的机器、装置及类似的实验室设备，例如，加热、烹煮、烘炒、蒸馏、精馏、消毒、灭菌、汽蒸、干燥、"
     "蒸发、气化、冷凝、冷却的机器设备，不论是否电热的（不包括品目8514的炉、烘箱及其他设备），但家用的除外；非电热的快"
     "速热水器或贮备式热水器",
     "Machinery, plant or laboratory equipment, whether or not electrically heated, for the treatment of materials by "
     "a process involving a change of temperature such as heating, cooking, roasting, distilling, sterilising, drying, "
     "evaporating, condensing or cooling, other than domestic machinery; instantaneous or storage water heaters, "
     "non-electric"},
    {"8420", "砑光机或其他滚压机器及其滚筒，但加工金属或玻璃用的除外",
     "Calendering or other rolling machines, other than for metals or glass, and cylinders therefor"},
    {"8421", "离心机，包括离心干燥机；液体或气体的过滤、净化机器及装置",
     "Centrifuges, including centrifugal dryers; filtering or purifying machinery and apparatus, for liquids or gases"},
    {"8422",
     "洗碟机；瓶子及其他容器的洗涤或干燥机器；瓶、罐、箱、袋或其他容器的装填、封口、密封、贴标签的机器；瓶、罐、管、筒"
     "或类似容器的包封机器；其他包装或打包机器（包括热缩包装机器）；饮料充气机",
     "Dish washing machines; machinery for cleaning or drying bottles or other containers; machinery for filling, "
     "closing, sealing or labelling bottles, cans, boxes, bags or other containers; other packing or wrapping "
     "machinery (including heat-shrink wrapping machinery); machinery for aerating beverages"},
    {"8423", "衡器（感量为50毫克或更精密的天平除外），包括计数或检验用的衡器；衡器用的各种砝码、秤砣",
     "Weighing machinery (excluding balances of a sensitivity of 5 cg or better), including weight operated counting "
     "or checking machines; weighing machine weights of all kinds"},
    {"8424",
     "液体或粉末的喷射、散布或喷雾的机械器具（不论是否手工操作）；灭火器，不论是否装药；喷枪及类似器具；喷气机、喷砂机"
     "及类似的喷射机器",
     "Mechanical appliances (whether or not hand-operated) for projecting, dispersing or spraying liquids or powders; "
     "fire extinguishers, whether or not charged; spray guns and similar appliances; steam or sand blasting machines "
     "and similar jet projecting machines"},
    {"8425", "滑车及提升机，但倒卸式提升机除外；卷扬机及绞盘；千斤顶",
     "Pulley tackle and hoists other than skip hoists; winches and capstans; jacks"},
    {"8426", "船用桅杆式起重机；起重机，包括缆式起重机；移动式吊运架、跨运车及装有起重机的工作车",
     "Ships' derricks; cranes, including cable cranes; mobile lifting frames, straddle carriers and works trucks "
     "fitted with a crane"},
    {"8427", "叉车；其他装有升降或搬运装置的工作车",
     "Fork-lift trucks; other works trucks fitted with lifting or handling equipment"},
    {"8428", "其他升降、搬运、装卸机械（例如，升降机、自动梯、输送机、缆车）",
     "Other lifting, handling, loading or unloading machinery (for example, lifts, escalators, conveyors, teleferics)"},
    {"8429", "自推进的推土机、侧铲推土机、筑路机、平地机、铲运机、机械铲、挖掘机、机铲装载机、捣固机械及压路机",
     "Self-propelled bulldozers, angledozers, graders, levellers, scrapers, mechanical shovels, excavators, shovel "
     "loaders, tamping machines and road rollers"},
    {"8430", "其他移动、平整、铲运、捣固、压实、开采或钻探泥土、矿物或矿石的机械；打桩机及拔桩机；扫雪机及吹雪机",
     "Other moving, grading, levelling, scraping, excavating, tamping, compacting, extracting or boring machinery, for "
     "earth, minerals or ores; pile-drivers and pile-extractors; snow-ploughs and snow-blowers"},
    {"8431", "专用于或主要用于品目8425至8430所列机械的零件",
     "Parts suitable for use solely or principally with the machinery of headings 84.25 to 84.30"},
    {"8432", "整地或耕作用的农业、园艺及林业机械；草坪及运动场地滚压机",
     "Agricultural, horticultural or forestry machinery for soil preparation or cultivation; lawn or sports-ground "
     "rollers"},
    {"8433",
     "收割机、脱粒机，包括草料打包机；割草机；蛋类、水果或其他农产品的清洁、分选、分级机器，但品目8437的机器除外",
     "Harvesting or threshing machinery, including straw or fodder balers; grass or hay mowers; machines for cleaning, "
     "sorting or grading eggs, fruit or other agricultural produce, other than machinery of heading 84.37"},
    {"8434", "挤奶机及乳品加工机器", "Milking machines and dairy machinery"},
    {"8435", "制酒、制果汁或制类似饮料用的压榨机、轧碎机及类似机器",
     "Presses, crushers and similar machinery used in the manufacture of wine, cider, fruit juices or similar "
     "beverages"},
    {"8436", "农业、园艺、林业、家禽饲养业或养蜂业用的其他机器，包括装有机械或热力装置的催芽设备；家禽孵卵器及育雏器",
     "Other agricultural, horticultural, forestry, poultry-keeping or bee-keeping machinery, including germination "
     "plant fitted with mechanical or thermal equipment; poultry incubators and brooders"},
    {"8437", "种子、谷物或干豆的清洁、分选或分级机器；谷物磨粉业加工机器或谷物、干豆加工机器，但农业用机器除外",
     "Machines for cleaning, sorting or grading seed, grain or dried leguminous vegetables; machinery used in the "
     "milling industry or for the working of cereals or dried leguminous vegetables, other than farm-type machinery"},
    {"8438",
     "本章其他品目未列名的食品、饮料工业用的生产或加工机器，但提取、加工动物油脂或植物固定油脂或微生物油脂的机器除外",
     "Machinery, not specified or included elsewhere in this Chapter, for the industrial preparation or manufacture of "
     "food or drink, other than machinery for the extraction or preparation of animal or fixed vegetable or microbial "
     "fats or oils"},
    {"8439", "纤维素纸浆、纸及纸板的制造或整理机器",
     "Machinery for making pulp of fibrous cellulosic material or for making or finishing paper or paperboard"},
    {"8440", "书本装订机器，包括锁线订书机", "Book-binding machinery, including book-sewing machines"},
    {"8441", "其他制造纸浆制品、纸制品或纸板制品的机器，包括各种切纸机",
     "Other machinery for making up paper pulp, paper or paperboard, including cutting machines of all kinds"},
    {"8442",
     "制版、制滚筒及其他印刷部件用的机器、器具及设备（品目8456至8465的机器除外）；印刷用版、滚筒及其他印刷部件；制成供"
     "印刷用的板、滚筒及石板",
     "Machinery, apparatus and equipment (other than the machines of headings 84.56 to 84.65) for preparing or making "
     "plates, cylinders or other printing components; plates, cylinders and other printing components; plates, "
     "cylinders and lithographic stones, prepared for printing purposes"},
    {"8443",
     "用品目8442的印刷用版、滚筒及其他印刷部件进行印刷的机器；其他打印机、复印机及传真机，不论是否组合式；上述机器的零"
     "件及附件",
     "Printing machinery used for printing by means of plates, cylinders and other printing components of heading "
     "84.42; other printers, copying machines and facsimile machines, whether or not combined; parts and accessories "
     "thereof"},
    {"8444", "化学纺织纤维挤压、拉伸、变形或切割机器",
     "Machines for extruding, drawing, texturing or cutting man-made textile materials"},
    {"8445",
     "纺织纤维的预处理机器；纺纱机、并线机、加捻机及其他生产纺织纱线的机器；摇纱机、络纱机（包括卷纬机）及处理品目8446"
     "或8447所列机器用的纺织纱线的机器",
     "Machines for preparing textile fibres; spinning, doubling or twisting machines and other machinery for producing "
     "textile yarns; textile reeling or winding (including weft-winding) machines and machines for preparing textile "
     "yarns for use on the machines of heading 84.46 or 84.47"},
    {"8446", "织机", "Weaving machines (looms)"},
    {"8447", "针织机、缝编机及制粗松螺旋花线、网眼薄纱、花边、刺绣品、装饰带、编织带或网的机器及簇绒机",
     "Knitting machines, stitch-bonding machines and machines for making gimped yarn, tulle, lace, embroidery, "
     "trimmings, braid or net and machines for tufting"},
    {"8448",
     "品目8444、8445、8446或8447所列机器的辅助机器（例如，多臂机、提花机、自停装置及换梭装置）；专用于或主要用于本品目"
     "或品目8444、8445、8446或8447所列机器的零件、附件",
     "Auxiliary machinery for use with machines of heading 84.44, 84.45, 84.46 or 84.47 (for example, dobbies, "
     "Jacquards, automatic stop motions, shuttle changing mechanisms); parts and accessories for these machines"},
    {"8449", "成匹毡呢或无纺织物的制造或整理机器，包括制毡呢帽的机器；帽模",
     "Machinery for the manufacture or finishing of felt or nonwovens in the piece or in shapes, including machinery "
     "for making felt hats; blocks for making hats"},
    {"8450", "家用型或洗衣房用洗衣机，包括洗涤干燥两用机",
     "Household or laundry-type washing machines, including machines which both wash and dry"},
    {"8451",
     "纺织纱线、织物及纺织制成品的洗涤、清洁、绞拧、干燥、熨烫、挤压、漂白、染色、上浆、整理、涂布或浸渍机器（品目8450"
     "的机器除外）；列诺伦及类似铺地制品的布基涂布机器；纺织物的卷绕、退绕、折叠、剪切或剪齿边机器",
     "Machinery (other than machines of heading 84.50) for washing, cleaning, wringing, drying, ironing, pressing, "
     "bleaching, dyeing, dressing, finishing, coating or impregnating textile yarns, fabrics or made up textile "
     "articles; machines for reeling, unreeling, folding, cutting or pinking textile fabrics"},
    {"8452", "缝纫机，但品目8440的锁线订书机除外；缝纫机专用的特制家具、底座及罩盖；缝纫机针",
     "Sewing machines, other than book-sewing machines of heading 84.40; furniture, bases and covers specially "
     "designed for sewing machines; sewing machine needles"},
    {"8453", "生皮、皮革的处理、鞣制或加工机器，鞋靴、毛皮及其他皮革制品的制作或修理机器，但缝纫机除外",
     "Machinery for preparing, tanning or working hides, skins or leather or for making or repairing footwear or other "
     "articles of hides, skins or leather, other than sewing machines"},
    {"8454", "金属冶炼及铸造用的转炉、浇包、锭模及铸造机",
     "Converters, ladles, ingot moulds and casting machines, of a kind used in metallurgy or in metal foundries"},
    {"8455", "金属轧机及其轧辊", "Metal-rolling mills and rolls therefor"},
    {"8456",
     "用激光、其他光、光子束、超声波、放电、电化学法、电子束、离子束或等离子弧处理各种材料的加工机床；水射流切割机",
     "Machine-tools for working any material by removal of material, by laser or other light or photon beam, "
     "ultrasonic, electro-discharge, electro-chemical, electron beam, ionic-beam or plasma arc processes; water-jet "
     "cutting machines"},
    {"8457", "加工金属的加工中心、单工位组合机床及多工位组合机床",
     "Machining centres, unit construction machines (single station) and multi-station transfer machines, for working "
     "metal"},
    {"8458", "切削金属的车床（包括车削中心）", "Lathes (including turning centres) for removing metal"},
    {"8459",
     "切削金属的钻床、镗床、铣床、攻丝机及螺纹机（包括直线移动式动力头机床），但品目8458的车床（包括车削中心）除外",
     "Machine-tools (including way-type unit head machines) for drilling, boring, milling, threading or tapping by "
     "removing metal, other than lathes (including turning centres) of heading 84.58"},
    {"8460",
     "用磨石、磨料或抛光材料对金属或金属陶瓷进行去毛刺、刃磨、磨削、珩磨、研磨、抛光或其他精加工的机床，但品目8461的切"
     "齿机、齿轮磨床或齿轮精加工机床除外",
     "Machine-tools for deburring, sharpening, grinding, honing, lapping, polishing or otherwise finishing metal or "
     "cermets by means of grinding stones, abrasives or polishing products, other than gear cutting, gear grinding or "
     "gear finishing machines of heading 84.61"},
    {"8461",
     "切削金属或金属陶瓷的刨床、牛头刨床、插床、拉床、切齿机、齿轮磨床或齿轮精加工机床、锯床、切断机及其他品目未列名的"
     "切削机床",
     "Machine-tools for planing, shaping, slotting, broaching, gear cutting, gear grinding or gear finishing, sawing, "
     "cutting-off and other machine-tools working by removing metal or cermets, not elsewhere specified or included"},
    {"8462",
     "金属锻造、模锻或冲压机床（包括压力机）；金属弯曲、折叠、矫直、矫平、剪切、冲孔、开槽或步冲机床（包括压力机、纵剪"
     "线和定尺剪切线）；其他金属或硬质合金加工压力机",
     "Machine-tools (including presses) for working metal by forging, hammering or die forging; machine-tools "
     "(including presses, slitting lines and cut-to-length lines) for working metal by bending, folding, "
     "straightening, flattening, shearing, punching, notching or nibbling; presses for working metal or metal "
     "carbides, not specified above"},
    {"8463", "金属或金属陶瓷的其他无切削加工机床",
     "Other machine-tools for working metal or cermets, without removing material"},
    {"8464", "石料、陶瓷、混凝土、石棉水泥或类似矿物材料的加工机床或玻璃冷加工机床",
     "Machine-tools for working stone, ceramics, concrete, asbestos-cement or like mineral materials or for cold "
     "working glass"},
    {"8465",
     "木材、软木、骨、硬质橡胶、硬质塑料或类似硬质材料的加工机床（包括用打钉或打U形钉、胶粘或其他方法组合前述材料的机器"
     "）",
     "Machine-tools (including machines for nailing, stapling, glueing or otherwise assembling) for working wood, "
     "cork, bone, hard rubber, hard plastics or similar hard materials"},
    {"8466",
     "专用于或主要用于品目8456至8465所列机器的零件、附件，包括工件或工具的夹具、自启板牙切头、分度头及其他专用于机床的"
     "附件；各种手提工具的工具夹具",
     "Parts and accessories suitable for use solely or principally with the machines of headings 84.56 to 84.65, "
     "including work or tool holders, self-opening dieheads, dividing heads and other special attachments for the "
     "machines; tool holders for any type of tool for working in the hand"},
    {"8467", "手提式风动、液压或装有电动或非电动动力装置的工具",
     "Tools for working in the hand, pneumatic, hydraulic or with self-contained electric or non-electric motor"},
    {"8468", "焊接机器及装置，不论是否兼有切割功能，但品目8515的货品除外；气体表面回火机器及装置",
     "Machinery and apparatus for soldering, brazing or welding, whether or not capable of cutting, other than those "
     "of heading 85.15; gas-operated surface tempering machines and appliances"},
    {"8469", "打字机，但品目8443的打印机除外；文字处理机",
     "Typewriters other than printers of heading 84.43; word-processing machines"},
    {"8470",
     "计算机器及具有计算功能的袖珍式数据记录、重现及显示机器；装有计算装置的会计计算机、邮资盖戳机、售票机及类似机器；"
     "现金出纳机",
     "Calculating machines and pocket-size data recording, reproducing and displaying machines with calculating "
     "functions; accounting machines, postage-franking machines, ticket-issuing machines and similar machines, "
     "incorporating a calculating device; cash registers"},
    {"8471", "自动数据处理设备及其部件；磁性或光学阅读机",
     "Automatic data-processing machines and units thereof; magnetic or optical readers"},
    {"8472",
     "其他办公室用机器（例如，胶版复印机、油印机、地址印写机、自动付钞机、硬币分类、计数及包装机、削铅笔机、打孔机或订"
     "书机）",
     "Other office machines (for example, hectograph or stencil duplicating machines, addressing machines, automatic "
     "banknote dispensers, coin-sorting machines, coin-counting or wrapping machines, pencil-sharpening machines, "
     "perforating or stapling machines)"},
    {"8473", "专用于或主要用于品目8470至8472所列机器的零件、附件（罩套、提箱及类似品除外）",
     "Parts and accessories (other than covers, carrying cases and the like) suitable for use solely or principally "
     "with machines of headings 84.70 to 84.72"},
    {"8474",
     "泥土、石料、矿石或其他固体（包括粉状、浆状）矿物质的分类、筛选、分离、洗涤、破碎、磨粉、混合或搅拌机器；固体矿物"
     "燃料、陶瓷坯泥、未硬化水泥、石膏材料或其他粉状、浆状矿产品的粘聚或成型机器；铸造用砂模的成型机器",
     "Machinery for sorting, screening, separating, washing, crushing, grinding, mixing or kneading earth, stone, ores "
     "or other mineral substances, in solid (including powder or paste) form; machinery for agglomerating, shaping or "
     "moulding solid mineral fuels, ceramic paste, unhardened cements, plastering materials or other mineral products "
     "in powder or paste form; machines for forming foundry moulds of sand"},
    {"8475", "白炽灯泡、灯管、放电灯管、电子管、闪光灯泡及类似品的封装机；玻璃或玻璃制品的制造或热加工机器",
     "Machines for assembling electric or electronic lamps, tubes or valves or flashbulbs, in glass envelopes; "
     "machines for manufacturing or hot working glass or glassware"},
    {"8476", "自动售货机（例如，出售邮票、香烟、食品或饮料的机器），包括钱币兑换机",
     "Automatic goods-vending machines (for example, postage stamp, cigarette, food or beverage machines), including "
     "money-changing machines"},
    {"8477", "本章其他品目未列名的橡胶或塑料及其产品的加工机器",
     "Machinery for working rubber or plastics or for the manufacture of products from these materials, not specified "
     "or included elsewhere in this Chapter"},
    {"8478", "本章其他品目未列名的烟草加工及制作机器",
     "Machinery for preparing or making up tobacco, not specified or included elsewhere in this Chapter"},
    {"8479", "本章其他品目未列名的具有独立功能的机器及机械器具",
     "Machines and mechanical appliances having individual functions, not specified or included elsewhere in this "
     "Chapter"},
    {"8480", "金属铸造用型箱；型模底板；阳模；金属用型模（锭模除外）、硬质合金、玻璃、矿物材料、橡胶或塑料用型模",
     "Moulding boxes for metal foundry; mould bases; moulding patterns; moulds for metal (other than ingot moulds), "
     "metal carbides, glass, mineral materials, rubber or plastics"},
    {"8481", "用于管道、锅炉、罐、桶或类似品的龙头、旋塞、阀门及类似装置，包括减压阀及恒温控制阀",
     "Taps, cocks, valves and similar appliances for pipes, boiler shells, tanks, vats or the like, including "
     "pressure-reducing valves and thermostatically controlled valves"},
    {"8482", "滚动轴承", "Ball or roller bearings"},
    {"8483",
     "传动轴及曲柄；轴承座及滑动轴承；齿轮及齿轮传动装置；滚珠或滚子螺杆；齿轮箱及其他变速装置；飞轮及滑轮；离合器及联"
     "轴器",
     "Transmission shafts and cranks; bearing housings and plain shaft bearings; gears and gearing; ball or roller "
     "screws; gear boxes and other speed changers; flywheels and pulleys; clutches and shaft couplings"},
    {"8484",
     "密封垫或类似接合衬垫，用金属片与其他材料制成或用双层或多层金属片制成；成套或各种不同材料的密封垫或类似接合衬垫，"
     "装于袋、套或类似包装内；机械密封件",
     "Gaskets and similar joints of metal sheeting combined with other material or of two or more layers of metal; "
     "sets or assortments of gaskets and similar joints, dissimilar in composition, put up in pouches, envelopes or "
     "similar packings; mechanical seals"},
    {"8485", "增材制造机器", "Machines for additive manufacturing"},
    {"8486",
     "专用于或主要用于制造半导体单晶柱或晶圆、半导体器件、集成电路或平板显示器的机器及装置；本章注释十一（三）规定的机"
     "器及装置；零件及附件",
     "Machines and apparatus of a kind used solely or principally for the manufacture of semiconductor boules or "
     "wafers, semiconductor devices, electronic integrated circuits or flat panel displays; machines and apparatus "
     "specified in Note 11 (C) to this Chapter; parts and accessories"},
    {"8487", "本章其他品目未列名的机器零件，不具有电气接插件、绝缘体、线圈、触点或其他电气器件",
     "Machinery parts, not containing electrical connectors, insulators, coils, contacts or other electrical features, "
     "not specified or included elsewhere in this Chapter"},
    {NULL, NULL, NULL},
};
