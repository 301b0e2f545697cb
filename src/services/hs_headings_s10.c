/* hs_headings_s10.c — every heading (品目) of section X of the HS 2022, chapters 47–49: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s10[] = {
    {"4701", "机械木浆", "Mechanical wood pulp"},
    {"4702", "化学木浆，溶解级", "Chemical wood pulp, dissolving grades"},
    {"4703", "碱木浆或硫酸盐木浆，但溶解级的除外",
     "Chemical wood pulp, soda or sulphate, other than dissolving grades"},
    {"4704", "亚硫酸盐木浆，但溶解级的除外", "Chemical wood pulp, sulphite, other than dissolving grades"},
    {"4705", "用机械与化学联合制浆法制得的木浆",
     "Wood pulp obtained by a combination of mechanical and chemical pulping processes"},
    {"4706", "从回收（废碎）纸或纸板提取的纤维浆或其他纤维状纤维素浆",
     "Pulps of fibres derived from recovered (waste and scrap) paper or paperboard or of other fibrous cellulosic "
     "material"},
    {"4707", "回收（废碎）纸或纸板", "Recovered (waste and scrap) paper or paperboard"},
    {"4801", "成卷或成张的新闻纸", "Newsprint, in rolls or sheets"},
    {"4802",
     "书写、印刷或类似用途的未经涂布的纸及纸板、未打孔的穿孔卡片及穿孔纸带纸，成卷或成张矩形，但品目4801或4803的纸除外"
     "；手工制纸及纸板",
     "Uncoated paper and paperboard, of a kind used for writing, printing or other graphic purposes, and "
     "non-perforated punch-cards and punch tape paper, in rolls or rectangular sheets, other than paper of heading "
     "48.01 or 48.03; hand-made paper and paperboard"},
    {"4803", "卫生纸、面巾纸、餐巾纸以及家庭或卫生用的类似纸、纤维素絮纸和纤维素纤维网纸，成卷或成张的",
     "Toilet or facial tissue stock, towel or napkin stock and similar paper of a kind used for household or sanitary "
     "purposes, cellulose wadding and webs of cellulose fibres, in rolls or sheets"},
    {"4804", "成卷或成张的未经涂布的牛皮纸及纸板，但品目4802或4803的货品除外",
     "Uncoated kraft paper and paperboard, in rolls or sheets, other than that of heading 48.02 or 48.03"},
    {"4805", "成卷或成张的其他未经涂布的纸及纸板，加工程度不超过本章注释三所列范围",
     "Other uncoated paper and paperboard, in rolls or sheets, not further worked or processed than as specified in "
     "Note 3 to this Chapter"},
    {"4806", "成卷或成张的植物羊皮纸、防油纸、描图纸、半透明纸及其他高光泽透明或半透明纸",
     "Vegetable parchment, greaseproof papers, tracing papers and glassine and other glazed transparent or translucent "
     "papers, in rolls or sheets"},
    {"4807", "成卷或成张的复合纸及纸板（用粘合剂粘合各层纸或纸板制成），未经表面涂布或未浸渍，不论内层是否有增强材料",
     "Composite paper and paperboard (made by sticking flat layers of paper or paperboard together with an adhesive), "
     "not surface-coated or impregnated, whether or not internally reinforced, in rolls or sheets"},
    {"4808",
     "成卷或成张的瓦楞纸及纸板（不论是否与平面纸胶合）、皱纹纸及纸板、压纹纸及纸板、穿孔纸及纸板，但品目4803的纸除外",
     "Paper and paperboard, corrugated (with or without glued flat surface sheets), creped, crinkled, embossed or "
     "perforated, in rolls or sheets, other than paper of heading 48.03"},
    {"4809", "复写纸、自印复写纸及其他拷贝或转印纸（包括涂布或浸渍的油印蜡纸或胶印版纸），成卷或成张的",
     "Carbon paper, self-copy paper and other copying or transfer papers (including coated or impregnated paper for "
     "duplicator stencils or offset plates), whether or not printed, in rolls or sheets"},
    {"4810",
     "成卷或成张矩形的单面或双面涂布高岭土或其他无机物质（不论是否加粘合剂）的纸及纸板，但未涂布其他涂料，不论是否经表"
     "面着色、饰面或印花",
     "Paper and paperboard, coated on one or both sides with kaolin (china clay) or other inorganic substances, with "
     "or without a binder, and with no other coating, whether or not surface-coloured, surface-decorated or printed, "
     "in rolls or rectangular sheets"},
    {"4811",
     "成卷或成张矩形的经涂布、浸渍、覆盖、表面着色、饰面或印花的纸、纸板、纤维素絮纸及纤维素纤维网纸，但品目4803、4809"
     "或4810的货品除外",
     "Paper, paperboard, cellulose wadding and webs of cellulose fibres, coated, impregnated, covered, "
     "surface-coloured, surface-decorated or printed, in rolls or rectangular sheets, other than goods of heading "
     "48.03, 48.09 or 48.10"},
    {"4812", "纸浆制的滤块、滤板及滤片", "Filter blocks, slabs and plates, of paper pulp"},
    {"4813", "卷烟纸，不论是否切成一定尺寸、成小本或管状",
     "Cigarette paper, whether or not cut to size or in the form of booklets or tubes"},
    {"4814", "壁纸及类似品；窗用透明纸", "Wallpaper and similar wall coverings; window transparencies of paper"},
    {"4816", "复写纸、自印复写纸及其他拷贝或转印纸（品目4809的纸除外）、油印蜡纸或胶印版纸，不论是否盒装",
     "Carbon paper, self-copy paper and other copying or transfer papers (other than those of heading 48.09), "
     "duplicator stencils and offset plates, of paper, whether or not put up in boxes"},
    {"4817", "纸或纸板制的信封、封缄信片、素色明信片及通信卡片；纸或纸板制的盒子、袋子及夹子，内装各种纸制文具",
     "Envelopes, letter cards, plain postcards and correspondence cards, of paper or paperboard; boxes, pouches, "
     "wallets and writing compendiums, of paper or paperboard, containing an assortment of paper stationery"},
    {"4818",
     "卫生纸及类似纸、纤维素絮纸或纤维素纤维网纸，家庭或卫生用，宽度不超过36厘米的卷状或切成一定尺寸或形状的；纸浆、纸"
     "、纤维素絮纸或纤维素纤维网纸制的手帕、面巾、台布、餐巾、床单及类似的家庭、卫生或医院用品、衣服及衣着附件",
     "Toilet paper and similar paper, cellulose wadding or webs of cellulose fibres, for household or sanitary "
     "purposes, cut to size or shape or in rolls not exceeding 36 cm wide; handkerchiefs, towels, tablecloths, "
     "napkins, bed sheets and similar household, sanitary or hospital articles, articles of apparel and clothing "
     "accessories, of those materials"},
    {"4819",
     "纸、纸板、纤维素絮纸或纤维素纤维网纸制的箱、盒、匣、袋及其他包装容器；纸或纸板制的卷宗盒、信件盘及类似品，供办公"
     "室、商店及类似场所使用的",
     "Cartons, boxes, cases, bags and other packing containers, of paper, paperboard, cellulose wadding or webs of "
     "cellulose fibres; box files, letter trays and similar articles, of paper or paperboard, of a kind used in "
     "offices, shops or the like"},
    {"4820",
     "纸或纸板制的登记本、账本、笔记本、订货本、收据本、信笺本、记事本、日记本及类似品、练习本、吸墨纸本、活动封面、文"
     "件夹、卷宗皮、多联商业表格纸、页间夹有复写纸的本及其他文具用品；纸或纸板制的样品簿、粘贴簿及书籍封面",
     "Registers, account books, note books, order books, receipt books, letter pads, memorandum pads, diaries and "
     "similar articles, exercise books, blotting-pads, binders, folders, file covers, manifold business forms, "
     "interleaved carbon sets and other articles of stationery, of paper or paperboard; albums for samples or for "
     "collections and book covers, of paper or paperboard"},
    {"4821", "纸或纸板制的各种标签，不论是否印制", "Paper or paperboard labels of all kinds, whether or not printed"},
    {"4822", "纸浆、纸或纸板（不论是否穿孔或硬化）制的筒管、卷轴、纡子及类似品",
     "Bobbins, spools, cops and similar supports of paper pulp, paper or paperboard (whether or not perforated or "
     "hardened)"},
    {"4823",
     "切成一定尺寸或形状的其他纸、纸板、纤维素絮纸及纤维素纤维网纸；纸浆、纸、纸板、纤维素絮纸及纤维素纤维网纸制的其他"
     "物品",
     "Other paper, paperboard, cellulose wadding and webs of cellulose fibres, cut to size or shape; other articles of "
     "paper pulp, paper, paperboard, cellulose wadding or webs of cellulose fibres"},
    {"4901", "书籍、小册子、散页印刷品及类似印刷品，不论是否单张",
     "Printed books, brochures, leaflets and similar printed matter, whether or not in single sheets"},
    {"4902", "报纸、杂志及期刊，不论有无插图或广告材料",
     "Newspapers, journals and periodicals, whether or not illustrated or containing advertising material"},
    {"4903", "儿童图画书、绘画或涂色书", "Children's picture, drawing or colouring books"},
    {"4904", "乐谱原稿或印本，不论是否装订或印有插图",
     "Music, printed or in manuscript, whether or not bound or illustrated"},
    {"4905", "各种印刷的地图、水道图及类似图表，包括地图册、挂图、地形图及地球仪、天体仪",
     "Maps and hydrographic or similar charts of all kinds, including atlases, wall maps, topographical plans and "
     "globes, printed"},
    {"4906",
     "手绘的建筑、工程、工业、商业、地形或类似用途的设计图纸原稿；手稿；用感光纸照相复印或用复写纸誊写的上述物品",
     "Plans and drawings for architectural, engineering, industrial, commercial, topographical or similar purposes, "
     "being originals drawn by hand; hand-written texts; photographic reproductions on sensitised paper and carbon "
     "copies of the foregoing"},
    {"4907",
     "在承认或将承认其面值的国家流通或新发行并且未经使用的邮票、印花税票及类似票证；印有邮票或印花税票的纸品；钞票；空"
     "白支票；股票、债券及类似所有权凭证",
     "Unused postage, revenue or similar stamps of current or new issue in the country in which they have, or will "
     "have, a recognised face value; stamp-impressed paper; banknotes; cheque forms; stock, share or bond certificates "
     "and similar documents of title"},
    {"4908", "转印贴花纸（移画印花法用图案纸）", "Transfers (decalcomanias)"},
    {"4909", "印刷或有图画的明信片；印有个人问候、祝贺、通告的卡片，不论是否有图画、带信封或饰边",
     "Printed or illustrated postcards; printed cards bearing personal greetings, messages or announcements, whether "
     "or not illustrated, with or without envelopes or trimmings"},
    {"4910", "印刷的各种日历，包括日历芯", "Calendars of any kind, printed, including calendar blocks"},
    {"4911", "其他印刷品，包括印刷的图片及照片", "Other printed matter, including printed pictures and photographs"},
    {NULL, NULL, NULL},
};
