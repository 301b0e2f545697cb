/* hs_headings_s11a.c — every heading (品目) of section XI of the HS 2022, chapters 50–56: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s11a[] = {
    {"5001", "适于缫丝的蚕茧", "Silk-worm cocoons suitable for reeling"},
    {"5002", "生丝（未加捻）", "Raw silk (not thrown)"},
    {"5003", "废丝（包括不适于缫丝的蚕茧、废纱及回收纤维）",
     "Silk waste (including cocoons unsuitable for reeling, yarn waste and garnetted stock)"},
    {"5004", "丝纱（绢纺纱除外），非供零售用",
     "Silk yarn (other than yarn spun from silk waste) not put up for retail sale"},
    {"5005", "绢纺纱，非供零售用", "Yarn spun from silk waste, not put up for retail sale"},
    {"5006", "丝纱及绢纺纱，供零售用；蚕胶丝",
     "Silk yarn and yarn spun from silk waste, put up for retail sale; silk-worm gut"},
    {"5007", "丝或绢丝机织物", "Woven fabrics of silk or of silk waste"},
    {"5101", "未梳的羊毛", "Wool, not carded or combed"},
    {"5102", "未梳的动物细毛或粗毛", "Fine or coarse animal hair, not carded or combed"},
    {"5103", "羊毛及动物细毛或粗毛的废料，包括废纱线，但不包括回收纤维",
     "Waste of wool or of fine or coarse animal hair, including yarn waste but excluding garnetted stock"},
    {"5104", "羊毛及动物细毛或粗毛的回收纤维", "Garnetted stock of wool or of fine or coarse animal hair"},
    {"5105", "已梳的羊毛及动物细毛或粗毛（包括精梳片毛）",
     "Wool and fine or coarse animal hair, carded or combed (including combed wool in fragments)"},
    {"5106", "粗梳羊毛纱线，非供零售用", "Yarn of carded wool, not put up for retail sale"},
    {"5107", "精梳羊毛纱线，非供零售用", "Yarn of combed wool, not put up for retail sale"},
    {"5108", "动物细毛（粗梳或精梳）纱线，非供零售用",
     "Yarn of fine animal hair (carded or combed), not put up for retail sale"},
    {"5109", "羊毛或动物细毛的纱线，供零售用", "Yarn of wool or of fine animal hair, put up for retail sale"},
    {"5110", "动物粗毛或马毛的纱线（包括马毛粗松螺旋花线），不论是否供零售用",
     "Yarn of coarse animal hair or of horsehair (including gimped horsehair yarn), whether or not put up for retail "
     "sale"},
    {"5111", "粗梳羊毛或粗梳动物细毛的机织物", "Woven fabrics of carded wool or of carded fine animal hair"},
    {"5112", "精梳羊毛或精梳动物细毛的机织物", "Woven fabrics of combed wool or of combed fine animal hair"},
    {"5113", "动物粗毛或马毛的机织物", "Woven fabrics of coarse animal hair or of horsehair"},
    {"5201", "未梳的棉花", "Cotton, not carded or combed"},
    {"5202", "废棉（包括废棉纱线及回收纤维）", "Cotton waste (including yarn waste and garnetted stock)"},
    {"5203", "已梳的棉花", "Cotton, carded or combed"},
    {"5204", "棉制缝纫线，不论是否供零售用", "Cotton sewing thread, whether or not put up for retail sale"},
    {"5205", "棉纱线（缝纫线除外），按重量计含棉量在85%及以上，非供零售用",
     "Cotton yarn (other than sewing thread), containing 85% or more by weight of cotton, not put up for retail sale"},
    {"5206", "棉纱线（缝纫线除外），按重量计含棉量在85%以下，非供零售用",
     "Cotton yarn (other than sewing thread), containing less than 85% by weight of cotton, not put up for retail "
     "sale"},
    {"5207", "棉纱线（缝纫线除外），供零售用", "Cotton yarn (other than sewing thread) put up for retail sale"},
    {"5208", "棉机织物，按重量计含棉量在85%及以上，每平方米重量不超过200克",
     "Woven fabrics of cotton, containing 85% or more by weight of cotton, weighing not more than 200 g/m²"},
    {"5209", "棉机织物，按重量计含棉量在85%及以上，每平方米重量超过200克",
     "Woven fabrics of cotton, containing 85% or more by weight of cotton, weighing more than 200 g/m²"},
    {"5210", "棉机织物，按重量计含棉量在85%以下，主要或仅与化学纤维混纺，每平方米重量不超过200克",
     "Woven fabrics of cotton, containing less than 85% by weight of cotton, mixed mainly or solely with man-made "
     "fibres, weighing not more than 200 g/m²"},
    {"5211", "棉机织物，按重量计含棉量在85%以下，主要或仅与化学纤维混纺，每平方米重量超过200克",
     "Woven fabrics of cotton, containing less than 85% by weight of cotton, mixed mainly or solely with man-made "
     "fibres, weighing more than 200 g/m²"},
    {"5212", "其他棉机织物", "Other woven fabrics of cotton"},
    {"5301", "亚麻，生的或经加工但未纺制的；亚麻短纤及废麻（包括废麻纱线及回收纤维）",
     "Flax, raw or processed but not spun; flax tow and waste (including yarn waste and garnetted stock)"},
    {"5302", "大麻，生的或经加工但未纺制的；大麻短纤及废麻（包括废麻纱线及回收纤维）",
     "True hemp (Cannabis sativa L.), raw or processed but not spun; tow and waste of true hemp (including yarn waste "
     "and garnetted stock)"},
    {"5303", "黄麻及其他纺织用韧皮纤维（不包括亚麻、大麻及苎麻），生的或经加工但未纺制的；上述纤维的短纤及废麻",
     "Jute and other textile bast fibres (excluding flax, true hemp and ramie), raw or processed but not spun; tow and "
     "waste of these fibres"},
    {"5305",
     "椰壳纤维、蕉麻（马尼拉麻）、苎麻及其他品目未列名的纺织用植物纤维，生的或经加工但未纺制的；上述纤维的短纤、落麻及"
     "废料",
     "Coconut, abaca (Manila hemp), ramie and other vegetable textile fibres, not elsewhere specified, raw or "
     "processed but not spun; tow, noils and waste of these fibres"},
    {"5306", "亚麻纱线", "Flax yarn"},
    {"5307", "品目5303所列纺织用韧皮纤维纺制的纱线", "Yarn of jute or of other textile bast fibres of heading 53.03"},
    {"5308", "其他纺织用植物纤维纺制的纱线；纸纱线", "Yarn of other vegetable textile fibres; paper yarn"},
    {"5309", "亚麻机织物", "Woven fabrics of flax"},
    {"5310", "黄麻或品目5303所列其他纺织用韧皮纤维的机织物",
     "Woven fabrics of jute or of other textile bast fibres of heading 53.03"},
    {"5311", "其他纺织用植物纤维的机织物；纸纱线的机织物",
     "Woven fabrics of other vegetable textile fibres; woven fabrics of paper yarn"},
    {"5401", "化学纤维长丝纺制的缝纫线，不论是否供零售用",
     "Sewing thread of man-made filaments, whether or not put up for retail sale"},
    {"5402", "合成纤维长丝纱线（缝纫线除外），非供零售用，包括细度在67分特以下的合成纤维单丝",
     "Synthetic filament yarn (other than sewing thread), not put up for retail sale, including synthetic monofilament "
     "of less than 67 decitex"},
    {"5403", "人造纤维长丝纱线（缝纫线除外），非供零售用，包括细度在67分特以下的人造纤维单丝",
     "Artificial filament yarn (other than sewing thread), not put up for retail sale, including artificial "
     "monofilament of less than 67 decitex"},
    {"5404",
     "细度在67分特及以上、截面尺寸不超过1毫米的合成纤维单丝；表观宽度不超过5毫米的合成纺织材料制扁条及类似品（例如，人"
     "造草）",
     "Synthetic monofilament of 67 decitex or more and of which no cross-sectional dimension exceeds 1 mm; strip and "
     "the like (for example, artificial straw) of synthetic textile materials of an apparent width not exceeding 5 mm"},
    {"5405",
     "细度在67分特及以上、截面尺寸不超过1毫米的人造纤维单丝；表观宽度不超过5毫米的人造纺织材料制扁条及类似品（例如，人"
     "造草）",
     "Artificial monofilament of 67 decitex or more and of which no cross-sectional dimension exceeds 1 mm; strip and "
     "the like (for example, artificial straw) of artificial textile materials of an apparent width not exceeding 5 "
     "mm"},
    {"5406", "化学纤维长丝纱线（缝纫线除外），供零售用",
     "Man-made filament yarn (other than sewing thread), put up for retail sale"},
    {"5407", "合成纤维长丝纱线的机织物，包括品目5404所列材料的机织物",
     "Woven fabrics of synthetic filament yarn, including woven fabrics obtained from materials of heading 54.04"},
    {"5408", "人造纤维长丝纱线的机织物，包括品目5405所列材料的机织物",
     "Woven fabrics of artificial filament yarn, including woven fabrics obtained from materials of heading 54.05"},
    {"5501", "合成纤维长丝丝束", "Synthetic filament tow"},
    {"5502", "人造纤维长丝丝束", "Artificial filament tow"},
    {"5503", "合成纤维短纤，未梳或未经其他纺前加工",
     "Synthetic staple fibres, not carded, combed or otherwise processed for spinning"},
    {"5504", "人造纤维短纤，未梳或未经其他纺前加工",
     "Artificial staple fibres, not carded, combed or otherwise processed for spinning"},
    {"5505", "化学纤维废料（包括落绵、废纱及回收纤维）",
     "Waste (including noils, yarn waste and garnetted stock) of man-made fibres"},
    {"5506", "合成纤维短纤，已梳或经其他纺前加工",
     "Synthetic staple fibres, carded, combed or otherwise processed for spinning"},
    {"5507", "人造纤维短纤，已梳或经其他纺前加工",
     "Artificial staple fibres, carded, combed or otherwise processed for spinning"},
    {"5508", "化学纤维短纤纺制的缝纫线，不论是否供零售用",
     "Sewing thread of man-made staple fibres, whether or not put up for retail sale"},
    {"5509", "合成纤维短纤纺制的纱线（缝纫线除外），非供零售用",
     "Yarn (other than sewing thread) of synthetic staple fibres, not put up for retail sale"},
    {"5510", "人造纤维短纤纺制的纱线（缝纫线除外），非供零售用",
     "Yarn (other than sewing thread) of artificial staple fibres, not put up for retail sale"},
    {"5511", "化学纤维短纤纺制的纱线（缝纫线除外），供零售用",
     "Yarn (other than sewing thread) of man-made staple fibres, put up for retail sale"},
    {"5512", "合成纤维短纤的机织物，按重量计合成纤维短纤含量在85%及以上",
     "Woven fabrics of synthetic staple fibres, containing 85% or more by weight of synthetic staple fibres"},
    {"5513", "合成纤维短纤的机织物，按重量计合成纤维短纤含量在85%以下，主要或仅与棉混纺，每平方米重量不超过170克",
     "Woven fabrics of synthetic staple fibres, containing less than 85% by weight of such fibres, mixed mainly or "
     "solely with cotton, of a weight not exceeding 170 g/m²"},
    {"5514", "合成纤维短纤的机织物，按重量计合成纤维短纤含量在85%以下，主要或仅与棉混纺，每平方米重量超过170克",
     "Woven fabrics of synthetic staple fibres, containing less than 85% by weight of such fibres, mixed mainly or "
     "solely with cotton, of a weight exceeding 170 g/m²"},
    {"5515", "合成纤维短纤的其他机织物", "Other woven fabrics of synthetic staple fibres"},
    {"5516", "人造纤维短纤的机织物", "Woven fabrics of artificial staple fibres"},
    {"5601", "纺织材料絮胎及其制品；长度不超过5毫米的纺织纤维（纤维屑）、纤维粉末及球结",
     "Wadding of textile materials and articles thereof; textile fibres, not exceeding 5 mm in length (flock), textile "
     "dust and mill neps"},
    {"5602", "毡呢，不论是否浸渍、涂布、包覆或层压", "Felt, whether or not impregnated, coated, covered or laminated"},
    {"5603", "无纺织物，不论是否浸渍、涂布、包覆或层压",
     "Nonwovens, whether or not impregnated, coated, covered or laminated"},
    {"5604", "用纺织材料包覆的橡胶线及绳；用橡胶或塑料浸渍、涂布、包覆或套裹的纺织纱线、品目5404或5405的扁条及类似品",
     "Rubber thread and cord, textile covered; textile yarn, and strip and the like of heading 54.04 or 54.05, "
     "impregnated, coated, covered or sheathed with rubber or plastics"},
    {"5605",
     "含金属纱线，不论是否螺旋花线，由纺织纱线或品目5404或5405的扁条及类似品与金属线、扁条或粉末混合制得或用金属包覆制"
     "得",
     "Metallised yarn, whether or not gimped, being textile yarn, or strip or the like of heading 54.04 or 54.05, "
     "combined with metal in the form of thread, strip or powder or covered with metal"},
    {"5606",
     "粗松螺旋花线，品目5404或5405的扁条及类似品制的螺旋花线（品目5605的货品及马毛粗松螺旋花线除外）；绳绒线（包括植绒"
     "绳绒线）；纵行起圈纱线",
     "Gimped yarn, and strip and the like of heading 54.04 or 54.05, gimped (other than those of heading 56.05 and "
     "gimped horsehair yarn); chenille yarn (including flock chenille yarn); loop wale-yarn"},
    {"5607", "线、绳、索、缆，不论是否编织，以及是否用橡胶或塑料浸渍、涂布、包覆或套裹",
     "Twine, cordage, ropes and cables, whether or not plaited or braided and whether or not impregnated, coated, "
     "covered or sheathed with rubber or plastics"},
    {"5608", "线、绳或索结制的网料；纺织材料制成的渔网及其他网",
     "Knotted netting of twine, cordage or rope; made up fishing nets and other made up nets, of textile materials"},
    {"5609", "其他品目未列名的纱线、品目5404或5405的扁条及类似品、线、绳、索、缆的制品",
     "Articles of yarn, strip or the like of heading 54.04 or 54.05, twine, cordage, rope or cables, not elsewhere "
     "specified or included"},
    {NULL, NULL, NULL},
};
