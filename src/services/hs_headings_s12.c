/* hs_headings_s12.c — every heading (品目) of section XII of the HS 2022, chapters 64–67: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s12[] = {
    {"6401", "橡胶或塑料制外底及鞋面的防水鞋靴，其鞋面不是用缝、铆、钉、旋、塞或类似方法固定在鞋底上的",
     "Waterproof footwear with outer soles and uppers of rubber or of plastics, the uppers of which are neither fixed "
     "to the sole nor assembled by stitching, riveting, nailing, screwing, plugging or similar processes"},
    {"6402", "橡胶或塑料制外底及鞋面的其他鞋靴", "Other footwear with outer soles and uppers of rubber or plastics"},
    {"6403", "橡胶、塑料、皮革或再生皮革制外底，皮革制鞋面的鞋靴",
     "Footwear with outer soles of rubber, plastics, leather or composition leather and uppers of leather"},
    {"6404", "橡胶、塑料、皮革或再生皮革制外底，用纺织材料制鞋面的鞋靴",
     "Footwear with outer soles of rubber, plastics, leather or composition leather and uppers of textile materials"},
    {"6405", "其他鞋靴", "Other footwear"},
    {"6406",
     "鞋靴零件（包括鞋面，不论是否附有外底以外的鞋底）；活动式鞋内底、跟垫及类似品；护腿、裹腿及类似品，以及它们的零件",
     "Parts of footwear (including uppers whether or not attached to soles other than outer soles); removable "
     "in-soles, heel cushions and similar articles; gaiters, leggings and similar articles, and parts thereof"},
    {"6501", "毡呢制的帽坯及未成形的毡呢帽身；毡呢制的平顶帽坯及圆筒帽坯（包括剖开的圆筒帽坯）",
     "Hat-forms, hat bodies and hoods of felt, neither blocked to shape nor with made brims; plateaux and manchons "
     "(including slit manchons), of felt"},
    {"6502", "用任何材料的条带编结或拼制而成的帽坯，未成形，未加帽边、衬里或装饰物",
     "Hat-shapes, plaited or made by assembling strips of any material, neither blocked to shape, nor with made brims, "
     "nor lined, nor trimmed"},
    {"6504", "用任何材料的条带编结或拼制而成的帽类，不论有无衬里或装饰物",
     "Hats and other headgear, plaited or made by assembling strips of any material, whether or not lined or trimmed"},
    {"6505",
     "针织或钩编的帽类，用成匹的花边、毡呢或其他纺织物（条带除外）制成的帽类，不论有无衬里或装饰物；任何材料制的发网，"
     "不论有无衬里或装饰物",
     "Hats and other headgear, knitted or crocheted, or made up from lace, felt or other textile fabric, in the piece "
     "(but not in strips), whether or not lined or trimmed; hair-nets of any material"},
    {"6506", "其他帽类，不论有无衬里或装饰物", "Other headgear, whether or not lined or trimmed"},
    {"6507", "帽圈、帽衬、帽套、帽帮、帽骨架、帽舌及帽颏带",
     "Head-bands, linings, covers, hat foundations, hat frames, peaks and chinstraps, for headgear"},
    {"6601", "雨伞及阳伞（包括手杖伞、庭园用伞及类似伞）",
     "Umbrellas and sun umbrellas (including walking-stick umbrellas, garden umbrellas and similar umbrellas)"},
    {"6602", "手杖、带座手杖、鞭子、马鞭及类似品", "Walking-sticks, seat-sticks, whips, riding-crops and the like"},
    {"6603", "品目6601或6602所列物品的零件及装饰品",
     "Parts, trimmings and accessories of articles of heading 66.01 or 66.02"},
    {"6701", "带羽毛或羽绒的鸟皮及鸟体其他部分、羽毛、部分羽毛、羽绒及其制品（品目0505的货品以及加工的羽管、羽轴除外）",
     "Skins and other parts of birds with their feathers or down, feathers, parts of feathers, down and articles "
     "thereof (other than goods of heading 05.05 and worked quills and scapes)"},
    {"6702", "人造花、叶、果实及其零件；用人造花、叶或果实制成的物品",
     "Artificial flowers, foliage and fruit and parts thereof; articles made of artificial flowers, foliage or fruit"},
    {"6703", "经梳理、稀疏、脱色或其他方法加工的人发；作假发及类似品用的经加工的羊毛、其他动物毛或其他纺织材料",
     "Human hair, dressed, thinned, bleached or otherwise worked; wool or other animal hair or other textile "
     "materials, prepared for use in making wigs or the like"},
    {"6704", "人发、动物毛或纺织材料制的假发、假胡须、假眉毛、假睫毛及类似品；其他品目未列名的人发制品",
     "Wigs, false beards, eyebrows and eyelashes, switches and the like, of human or animal hair or of textile "
     "materials; articles of human hair not elsewhere specified or included"},
    {NULL, NULL, NULL},
};
