/* hs_headings_s06b.c — every heading (品目) of section VI of the HS 2022, chapters 30–38: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s06b[] = {
    {"3001",
     "已干燥的器官疗法用腺体及其他器官；腺体、其他器官及其分泌物的提取物；肝素及其盐；其他供治疗或预防疾病用的人体或动"
     "物制品",
     "Glands and other organs for organo-therapeutic uses, dried; extracts of glands or other organs or of their "
     "secretions; heparin and its salts; other human or animal substances for therapeutic or prophylactic uses"},
    {"3002",
     "人血；治病、防病或诊断用的动物血制品；抗血清、其他血份及免疫制品；疫苗、毒素、培养微生物及类似产品；细胞培养物",
     "Human blood; animal blood prepared for therapeutic, prophylactic or diagnostic uses; antisera, other blood "
     "fractions and immunological products; vaccines, toxins, cultures of micro-organisms and similar products; cell "
     "cultures"},
    {"3003",
     "两种或两种以上成分混合而成的治病或防病用药品（不包括品目3002、3005或3006的货品），未配定剂量或制成零售包装",
     "Medicaments (excluding goods of heading 30.02, 30.05 or 30.06) consisting of two or more constituents mixed "
     "together, not put up in measured doses or for retail sale"},
    {"3004", "由混合或非混合产品构成的治病或防病用药品（不包括品目3002、3005或3006的货品），已配定剂量或制成零售包装",
     "Medicaments (excluding goods of heading 30.02, 30.05 or 30.06) consisting of mixed or unmixed products, put up "
     "in measured doses or in forms or packings for retail sale"},
    {"3005",
     "软填料、纱布、绷带及类似物品（例如，敷料、橡皮膏、泥罨剂），经过药物浸涂或制成零售包装供医疗、外科、牙科或兽医用",
     "Wadding, gauze, bandages and similar articles (for example, dressings, adhesive plasters, poultices), "
     "impregnated or coated with pharmaceutical substances or put up for retail sale for medical, surgical, dental or "
     "veterinary purposes"},
    {"3006", "本章注释四所规定的医药用品", "Pharmaceutical goods specified in Note 4 to this Chapter"},
    {"3101", "动物或植物肥料，不论是否相互混合或经化学处理；动植物产品经混合或化学处理制成的肥料",
     "Animal or vegetable fertilisers, whether or not mixed together or chemically treated; fertilisers produced by "
     "the mixing or chemical treatment of animal or vegetable products"},
    {"3102", "矿物氮肥及化学氮肥", "Mineral or chemical fertilisers, nitrogenous"},
    {"3103", "矿物磷肥及化学磷肥", "Mineral or chemical fertilisers, phosphatic"},
    {"3104", "矿物钾肥及化学钾肥", "Mineral or chemical fertilisers, potassic"},
    {"3105",
     "含氮、磷、钾中两种或三种肥效元素的矿物肥料或化学肥料；其他肥料；制成片及类似形状或每包毛重不超过10千克的本章各项"
     "货品",
     "Mineral or chemical fertilisers containing two or three of the fertilising elements nitrogen, phosphorus and "
     "potassium; other fertilisers; goods of this Chapter in tablets or packages of a gross weight not exceeding 10 "
     "kg"},
    {"3201", "植物鞣料浸膏；鞣酸及其盐、醚、酯和其他衍生物",
     "Tanning extracts of vegetable origin; tannins and their salts, ethers, esters and other derivatives"},
    {"3202", "有机合成鞣料；无机鞣料；鞣料制剂，不论是否含有天然鞣料；预鞣用酶制剂",
     "Synthetic organic tanning substances; inorganic tanning substances; tanning preparations, whether or not "
     "containing natural tanning substances; enzymatic preparations for pre-tanning"},
    {"3203",
     "动植物来源的着色料（包括染料浸膏，但动物炭黑除外），不论是否已有化学定义；以动植物来源的着色料为基本成分的制品",
     "Colouring matter of vegetable or animal origin (including dyeing extracts but excluding animal black), whether "
     "or not chemically defined; preparations based on colouring matter of vegetable or animal origin"},
    {"3204",
     "有机合成着色料，不论是否已有化学定义；以有机合成着色料为基本成分的制品；用作荧光增白剂或发光体的有机合成产品",
     "Synthetic organic colouring matter, whether or not chemically defined; preparations based thereon; synthetic "
     "organic products used as fluorescent brightening agents or as luminophores"},
    {"3205", "色淀；本章注释三所述的以色淀为基本成分的制品",
     "Colour lakes; preparations as specified in Note 3 to this Chapter based on colour lakes"},
    {"3206", "其他着色料；本章注释三所述的制品，但品目3203、3204及3205的货品除外；用作发光体的无机产品",
     "Other colouring matter; preparations as specified in Note 3 to this Chapter, other than those of heading 32.03, "
     "32.04 or 32.05; inorganic products of a kind used as luminophores"},
    {"3207",
     "陶瓷、搪瓷及玻璃工业用的调制颜料、遮光剂、着色剂、珐琅和釉料、釉底料（泥釉）、光瓷釉以及类似产品；玻璃熔块及其他"
     "玻璃粉、粒及片",
     "Prepared pigments, prepared opacifiers, prepared colours, vitrifiable enamels and glazes, engobes, liquid "
     "lustres and similar preparations, of a kind used in the ceramic, enamelling or glass industry; glass frit and "
     "other glass, in powder, granules or flakes"},
    {"3208",
     "以合成聚合物或化学改性天然聚合物为基本成分，分散于或溶于非水介质的油漆及清漆（包括瓷漆及大漆）；本章注释四所述的"
     "溶液",
     "Paints and varnishes (including enamels and lacquers) based on synthetic polymers or chemically modified natural "
     "polymers, dispersed or dissolved in a non-aqueous medium; solutions as defined in Note 4 to this Chapter"},
    {"3209", "以合成聚合物或化学改性天然聚合物为基本成分，分散于或溶于水介质的油漆及清漆（包括瓷漆及大漆）",
     "Paints and varnishes (including enamels and lacquers) based on synthetic polymers or chemically modified natural "
     "polymers, dispersed or dissolved in an aqueous medium"},
    {"3210", "其他油漆及清漆（包括瓷漆、大漆及水浆涂料）；加工皮革用的水性颜料",
     "Other paints and varnishes (including enamels, lacquers and distempers); prepared water pigments of a kind used "
     "for finishing leather"},
    {"3211", "配制的催干剂", "Prepared driers"},
    {"3212",
     "制漆用的颜料（包括金属粉末或金属粉片），分散于非水介质中呈液状或浆状的；压印箔；零售形状及零售包装的染料或其他着"
     "色料",
     "Pigments (including metallic powders and flakes) dispersed in non-aqueous media, in liquid or paste form, of a "
     "kind used in the manufacture of paints; stamping foils; dyes and other colouring matter put up for retail sale"},
    {"3213", "艺术家、学生和广告美工用的颜料、调色料、文娱颜料及类似品",
     "Artists', students' or signboard painters' colours, modifying tints, amusement colours and the like, in tablets, "
     "tubes, jars, bottles, pans or similar forms or packings"},
    {"3214", "安装玻璃用油灰、接缝用油灰、树脂胶泥、嵌缝胶及其他类似胶粘剂；漆工用填料；非耐火涂面制剂",
     "Glaziers' putty, grafting putty, resin cements, caulking compounds and other mastics; painters' fillings; "
     "non-refractory surfacing preparations for façades, walls, floors, ceilings or the like"},
    {"3215", "印刷油墨、书写或绘图墨水及其他墨类，不论是否固体或浓缩",
     "Printing ink, writing or drawing ink and other inks, whether or not concentrated or solid"},
    {"3301",
     "精油（无萜或含萜），包括浸膏及净油；香膏；提取的油树脂；用花香吸取法或浸渍法制成的含浓缩精油的脂肪、固定油、蜡及"
     "类似品；精油脱萜时所得的萜烯副产品；精油水馏液及水溶液",
     "Essential oils (terpeneless or not), including concretes and absolutes; resinoids; extracted oleoresins; "
     "concentrates of essential oils in fats, fixed oils, waxes or the like; terpenic by-products; aqueous distillates "
     "and solutions of essential oils"},
    {"3302",
     "工业原料用的混合香料以及以一种或多种香料为基本成分的混合物（包括酒精溶液）；生产饮料用的以香料为基本成分的其他制"
     "品",
     "Mixtures of odoriferous substances and mixtures (including alcoholic solutions) with a basis of one or more of "
     "these substances, of a kind used as raw materials in industry; other preparations based on odoriferous "
     "substances, of a kind used for the manufacture of beverages"},
    {"3303", "香水及花露水", "Perfumes and toilet waters"},
    {"3304", "美容品或化妆品及护肤品（药品除外），包括防晒油或晒黑油；指（趾）甲化妆品",
     "Beauty or make-up preparations and preparations for the care of the skin (other than medicaments), including "
     "sunscreen or sun tan preparations; manicure or pedicure preparations"},
    {"3305", "护发品", "Preparations for use on the hair"},
    {"3306", "口腔及牙齿清洁剂，包括假牙稳固剂；清洁牙缝用的纱线（牙线），零售包装",
     "Preparations for oral or dental hygiene, including denture fixative pastes and powders; yarn used to clean "
     "between the teeth (dental floss), in individual retail packages"},
    {"3307",
     "剃须用制剂、人体除臭剂、沐浴用制剂、脱毛剂和其他品目未列名的芳香料制品及化妆盥洗品；室内除臭剂，不论是否加香水或"
     "消毒剂",
     "Pre-shave, shaving or after-shave preparations, personal deodorants, bath preparations, depilatories and other "
     "perfumery, cosmetic or toilet preparations, not elsewhere specified; prepared room deodorisers"},
    {"3401",
     "肥皂；作肥皂用的有机表面活性产品及制品；洗涤皮肤用的有机表面活性产品及制品；用肥皂或洗涤剂浸渍、涂面或包覆的纸、"
     "絮胎、毡呢及无纺织物",
     "Soap; organic surface-active products and preparations for use as soap, in bars, cakes or moulded shapes; "
     "organic surface-active products for washing the skin; paper, wadding, felt and nonwovens impregnated or coated "
     "with soap or detergent"},
    {"3402",
     "有机表面活性剂（肥皂除外）；表面活性剂制品、洗涤剂（包括助洗剂）及清洁剂，不论是否含有肥皂，但品目3401的产品除外",
     "Organic surface-active agents (other than soap); surface-active preparations, washing preparations (including "
     "auxiliary washing preparations) and cleaning preparations, whether or not containing soap, other than those of "
     "heading 34.01"},
    {"3403",
     "润滑剂（包括以润滑剂为基本成分的切削油制剂、螺栓或螺母松开剂、防锈或防腐蚀制剂及脱模剂）及用于纺织材料、皮革、毛"
     "皮或其他材料油脂处理的制剂",
     "Lubricating preparations (including cutting-oil preparations, bolt or nut release preparations, anti-rust or "
     "anti-corrosion preparations and mould release preparations) and preparations for the oil or grease treatment of "
     "textile materials, leather, furskins or other materials"},
    {"3404", "人造蜡及调制蜡", "Artificial waxes and prepared waxes"},
    {"3405", "鞋靴、家具、地板、车身、玻璃或金属用的光洁剂、擦洗膏、去污粉及类似制品",
     "Polishes and creams, for footwear, furniture, floors, coachwork, glass or metal, scouring pastes and powders and "
     "similar preparations"},
    {"3406", "各种蜡烛及类似品", "Candles, tapers and the like"},
    {"3407", "塑型用膏，包括供儿童娱乐用的在内；牙科用蜡及牙科用造型膏；以熟石膏为基本成分的其他牙科用制品",
     "Modelling pastes, including those put up for children's amusement; preparations known as \"dental wax\" or as "
     "\"dental impression compounds\"; other preparations for use in dentistry, with a basis of plaster"},
    {"3501", "酪蛋白、酪蛋白酸盐及其他酪蛋白衍生物；酪蛋白胶",
     "Casein, caseinates and other casein derivatives; casein glues"},
    {"3502",
     "白蛋白（包括按重量计干质成分的乳清蛋白含量超过80%的两种或两种以上的乳清蛋白浓缩物）、白蛋白盐及其他白蛋白衍生物",
     "Albumins (including concentrates of two or more whey proteins, containing by weight more than 80% whey "
     "proteins), albuminates and other albumin derivatives"},
    {"3503",
     "明胶（包括长方形、正方形明胶薄片，不论是否表面加工或着色）及其衍生物；鱼胶；其他动物胶，但不包括品目3501的酪蛋白"
     "胶",
     "Gelatin (including gelatin in rectangular sheets, whether or not surface-worked or coloured) and gelatin "
     "derivatives; isinglass; other glues of animal origin, excluding casein glues of heading 35.01"},
    {"3504", "蛋白胨及其衍生物；其他品目未列名的蛋白质及其衍生物；皮粉，不论是否加入铬矾",
     "Peptones and their derivatives; other protein substances and their derivatives, not elsewhere specified or "
     "included; hide powder, whether or not chromed"},
    {"3505", "糊精及其他改性淀粉（例如，预胶化淀粉或酯化淀粉）；以淀粉、糊精或其他改性淀粉为基本成分的胶",
     "Dextrins and other modified starches (for example, pregelatinised or esterified starches); glues based on "
     "starches, or on dextrins or other modified starches"},
    {"3506", "其他品目未列名的调制胶及其他调制粘合剂；适于作胶或粘合剂用的产品，零售包装每件净重不超过1千克",
     "Prepared glues and other prepared adhesives, not elsewhere specified or included; products suitable for use as "
     "glues or adhesives, put up for retail sale, net weight not exceeding 1 kg"},
    {"3507", "酶；其他品目未列名的酶制品", "Enzymes; prepared enzymes not elsewhere specified or included"},
    {"3601", "发射药", "Propellent powders"},
    {"3602", "配制炸药，但发射药除外", "Prepared explosives, other than propellent powders"},
    {"3603", "安全导火索；导爆索；火帽或雷管；引爆器；电雷管",
     "Safety fuses; detonating cords; percussion or detonating caps; igniters; electric detonators"},
    {"3604", "烟花、信号弹、降雨火箭、浓雾信号弹及其他烟火制品",
     "Fireworks, signalling flares, rain rockets, fog signals and other pyrotechnic articles"},
    {"3605", "火柴，但品目3604的烟火制品除外", "Matches, other than pyrotechnic articles of heading 36.04"},
    {"3606", "各种形状的铈铁及其他引火合金；本章注释二所述的易燃材料制品",
     "Ferro-cerium and other pyrophoric alloys in all forms; articles of combustible materials as specified in Note 2 "
     "to this Chapter"},
    {"3701", "未曝光的摄影感光硬片及平面软片，用纸、纸板及纺织物以外任何材料制成；未曝光的一次成像感光平片",
     "Photographic plates and film in the flat, sensitised, unexposed, of any material other than paper, paperboard or "
     "textiles; instant print film in the flat, sensitised, unexposed"},
    {"3702", "成卷的未曝光摄影感光胶片，用纸、纸板及纺织物以外任何材料制成；未曝光的一次成像感光卷片",
     "Photographic film in rolls, sensitised, unexposed, of any material other than paper, paperboard or textiles; "
     "instant print film in rolls, sensitised, unexposed"},
    {"3703", "未曝光的摄影感光纸、纸板及纺织物", "Photographic paper, paperboard and textiles, sensitised, unexposed"},
    {"3704", "已曝光未冲洗的摄影硬片、软片、纸、纸板及纺织物",
     "Photographic plates, film, paper, paperboard and textiles, exposed but not developed"},
    {"3705", "已曝光已冲洗的摄影硬片及软片，但电影胶片除外",
     "Photographic plates and film, exposed and developed, other than cinematographic film"},
    {"3706", "已曝光已冲洗的电影胶片，不论是否配有声道或仅有声道",
     "Cinematographic film, exposed and developed, whether or not incorporating sound track or consisting only of "
     "sound track"},
    {"3707", "摄影用化学制剂（不包括上光漆、胶水、粘合剂及类似制剂）；摄影用未混合产品，定量包装或零售包装可立即使用的",
     "Chemical preparations for photographic uses (other than varnishes, glues, adhesives and similar preparations); "
     "unmixed products for photographic uses, put up in measured portions or for retail sale in a form ready for use"},
    {"3801", "人造石墨；胶态或半胶态石墨；以石墨或其他碳为基本成分的糊状、块状、板状制品或其他半制品",
     "Artificial graphite; colloidal or semi-colloidal graphite; preparations based on graphite or other carbon in the "
     "form of pastes, blocks, plates or other semi-manufactures"},
    {"3802", "活性碳；活性天然矿产品；动物炭黑，包括废动物炭黑",
     "Activated carbon; activated natural mineral products; animal black, including spent animal black"},
    {"3803", "妥尔油，不论是否精制", "Tall oil, whether or not refined"},
    {"3804", "木浆残余碱液，不论是否浓缩、脱糖或经化学处理，包括木素磺酸盐，但不包括品目3803的妥尔油",
     "Residual lyes from the manufacture of wood pulp, whether or not concentrated, desugared or chemically treated, "
     "including lignin sulphonates, but excluding tall oil of heading 38.03"},
    {"3805",
     "松节油、木松节油和硫酸盐松节油及其他萜烯油；粗制二聚戊烯；亚硫酸盐松节油及其他粗制对异丙基苯甲烷；以α萜品醇为主要"
     "成分的松油",
     "Gum, wood or sulphate turpentine and other terpenic oils produced by the distillation or other treatment of "
     "coniferous woods; crude dipentene; sulphite turpentine and other crude para-cymene; pine oil containing "
     "alpha-terpineol as the main constituent"},
    {"3806", "松香和树脂酸及其衍生物；松香精及松香油；再熔胶",
     "Rosin and resin acids, and derivatives thereof; rosin spirit and rosin oils; run gums"},
    {"3807", "木焦油；木焦油精；木杂酚油；粗木精；植物沥青；以松香、树脂酸或植物沥青为基本成分的啤酒桶沥青及类似制品",
     "Wood tar; wood tar oils; wood creosote; wood naphtha; vegetable pitch; brewers' pitch and similar preparations "
     "based on rosin, resin acids or on vegetable pitch"},
    {"3808",
     "杀虫剂、杀鼠剂、杀菌剂、除草剂、抗萌剂、植物生长调节剂、消毒剂及类似产品，零售形状、零售包装或制成制剂及成品",
     "Insecticides, rodenticides, fungicides, herbicides, anti-sprouting products and plant-growth regulators, "
     "disinfectants and similar products, put up in forms or packings for retail sale or as preparations or articles"},
    {"3809",
     "纺织、造纸、制革及类似工业用的其他品目未列名的整理剂、染料加速着色或固色助剂及其他产品和制剂（例如，修整剂及媒染"
     "剂）",
     "Finishing agents, dye carriers to accelerate the dyeing or fixing of dye-stuffs and other products and "
     "preparations (for example, dressings and mordants), of a kind used in the textile, paper, leather or like "
     "industries, not elsewhere specified"},
    {"3810", "金属表面酸洗剂；焊接用的焊剂及其他辅助剂；金属及其他材料制成的焊粉或焊膏；作焊条芯子或焊条涂料用的制品",
     "Pickling preparations for metal surfaces; fluxes and other auxiliary preparations for soldering, brazing or "
     "welding; soldering, brazing or welding powders and pastes; preparations used as cores or coatings for welding "
     "electrodes or rods"},
    {"3811",
     "抗震剂、抗氧剂、防胶剂、黏度改良剂、防腐蚀制剂及其他配制添加剂，用于矿物油（包括汽油）或与矿物油同样用途的其他液"
     "体",
     "Anti-knock preparations, oxidation inhibitors, gum inhibitors, viscosity improvers, anti-corrosive preparations "
     "and other prepared additives, for mineral oils (including gasoline) or for other liquids used for the same "
     "purposes as mineral oils"},
    {"3812", "配制的橡胶促进剂；其他品目未列名的橡胶或塑料用复合增塑剂；橡胶或塑料用抗氧制剂及其他复合稳定剂",
     "Prepared rubber accelerators; compound plasticisers for rubber or plastics, not elsewhere specified; "
     "anti-oxidising preparations and other compound stabilisers for rubber or plastics"},
    {"3813", "灭火器的装配药；已装药的灭火弹",
     "Preparations and charges for fire-extinguishers; charged fire-extinguishing grenades"},
    {"3814", "其他品目未列名的有机复合溶剂及稀释剂；除漆剂",
     "Organic composite solvents and thinners, not elsewhere specified or included; prepared paint or varnish "
     "removers"},
    {"3815", "其他品目未列名的反应引发剂、反应促进剂、催化剂",
     "Reaction initiators, reaction accelerators and catalytic preparations, not elsewhere specified or included"},
    {"3816", "耐火的水泥、灰泥、混凝土及类似耐火混合制品，包括夯混白云石，但品目3801的产品除外",
     "Refractory cements, mortars, concretes and similar compositions, including dolomite ramming mix, other than "
     "products of heading 38.01"},
    {"3817", "混合烷基苯和混合烷基萘，但品目2707及2902的货品除外",
     "Mixed alkylbenzenes and mixed alkylnaphthalenes, other than those of heading 27.07 or 29.02"},
    {"3818", "经掺杂用于电子工业的化学元素，已切成圆片、薄片或类似形状；经掺杂用于电子工业的化合物",
     "Chemical elements doped for use in electronics, in the form of discs, wafers or similar forms; chemical "
     "compounds doped for use in electronics"},
    {"3819", "闸用液压油及其他液压传动用液体，不含或按重量计含石油或从沥青矿物提取的油类小于70%",
     "Hydraulic brake fluids and other prepared liquids for hydraulic transmission, not containing or containing less "
     "than 70% by weight of petroleum oils or oils obtained from bituminous minerals"},
    {"3820", "防冻剂及解冻剂", "Anti-freezing preparations and prepared de-icing fluids"},
    {"3821", "制成的供微生物（包括病毒及类似品）或植物、人体、动物细胞生长或维持用的培养基",
     "Prepared culture media for the development or maintenance of micro-organisms (including viruses and the like) or "
     "of plant, human or animal cells"},
    {"3822",
     "附于衬背上的诊断或实验用试剂及不论是否附于衬背上的诊断或实验用配制试剂，不论是否制成试剂盒，但品目3006的货品除外"
     "；有证标准样品",
     "Diagnostic or laboratory reagents on a backing, prepared diagnostic or laboratory reagents whether or not on a "
     "backing, whether or not put up in the form of kits, other than those of heading 30.06; certified reference "
     "materials"},
    {"3823", "工业用单羧脂肪酸；精炼所得的酸性油；工业用脂肪醇",
     "Industrial monocarboxylic fatty acids; acid oils from refining; industrial fatty alcohols"},
    {"3824", "铸模及铸芯用粘合剂；其他品目未列名的化学工业及其相关工业的化学产品及配制品（包括由天然产品混合组成的）",
     "Prepared binders for foundry moulds or cores; chemical products and preparations of the chemical or allied "
     "industries (including those consisting of mixtures of natural products), not elsewhere specified or included"},
    {"3825", "其他品目未列名的化学工业及其相关工业的副产品；城市垃圾；下水道淤泥；本章注释六所规定的其他废物",
     "Residual products of the chemical or allied industries, not elsewhere specified or included; municipal waste; "
     "sewage sludge; other wastes specified in Note 6 to this Chapter"},
    {"3826", "生物柴油及其混合物，不含或按重量计含石油或从沥青矿物提取的油类小于70%",
     "Biodiesel and mixtures thereof, not containing or containing less than 70% by weight of petroleum oils or oils "
     "obtained from bituminous minerals"},
    {"3827", "其他品目未列名的含甲烷、乙烷或丙烷的卤化衍生物的混合物",
     "Mixtures containing halogenated derivatives of methane, ethane or propane, not elsewhere specified or included"},
    {NULL, NULL, NULL},
};
