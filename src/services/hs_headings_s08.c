/* hs_headings_s08.c — every heading (品目) of section VIII of the HS 2022, chapters 41–43: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s08[] = {
    {"4101",
     "生牛皮（包括水牛皮）、生马皮（鲜的、盐渍的、干的、石灰浸渍的、浸酸的或以其他方法保存，但未鞣制、未经羊皮纸化处理"
     "或进一步加工的），不论是否去毛或剖层",
     "Raw hides and skins of bovine (including buffalo) or equine animals (fresh, or salted, dried, limed, pickled or "
     "otherwise preserved, but not tanned or further prepared), whether or not dehaired or split"},
    {"4102",
     "绵羊或羔羊生皮（鲜的、盐渍的、干的、石灰浸渍的、浸酸的或以其他方法保存，但未鞣制或进一步加工的），不论是否带毛或"
     "剖层",
     "Raw skins of sheep or lambs (fresh, or salted, dried, limed, pickled or otherwise preserved, but not tanned or "
     "further prepared), whether or not with wool on or split"},
    {"4103",
     "其他生皮（鲜的、盐渍的、干的、石灰浸渍的、浸酸的或以其他方法保存，但未鞣制或进一步加工的），不论是否去毛或剖层",
     "Other raw hides and skins (fresh, or salted, dried, limed, pickled or otherwise preserved, but not tanned or "
     "further prepared), whether or not dehaired or split"},
    {"4104", "经鞣制的不带毛牛皮（包括水牛皮）、马皮及其坯革，不论是否剖层，但未经进一步加工",
     "Tanned or crust hides and skins of bovine (including buffalo) or equine animals, without hair on, whether or not "
     "split, but not further prepared"},
    {"4105", "经鞣制的不带毛绵羊或羔羊皮及其坯革，不论是否剖层，但未经进一步加工",
     "Tanned or crust skins of sheep or lambs, without wool on, whether or not split, but not further prepared"},
    {"4106", "经鞣制的其他不带毛动物皮及其坯革，不论是否剖层，但未经进一步加工",
     "Tanned or crust hides and skins of other animals, without wool or hair on, whether or not split, but not further "
     "prepared"},
    {"4107",
     "经鞣制或半硝处理后进一步加工的不带毛牛皮（包括水牛皮）及马皮，包括羊皮纸化处理的皮革，不论是否剖层，但品目4114的"
     "皮革除外",
     "Leather further prepared after tanning or crusting, including parchment-dressed leather, of bovine (including "
     "buffalo) or equine animals, without hair on, other than leather of heading 41.14"},
    {"4112",
     "经鞣制或半硝处理后进一步加工的不带毛绵羊或羔羊皮革，包括羊皮纸化处理的皮革，不论是否剖层，但品目4114的皮革除外",
     "Leather further prepared after tanning or crusting, including parchment-dressed leather, of sheep or lamb, "
     "without wool on, other than leather of heading 41.14"},
    {"4113",
     "经鞣制或半硝处理后进一步加工的其他不带毛动物皮革，包括羊皮纸化处理的皮革，不论是否剖层，但品目4114的皮革除外",
     "Leather further prepared after tanning or crusting, including parchment-dressed leather, of other animals, "
     "without wool or hair on, other than leather of heading 41.14"},
    {"4114", "油鞣皮革（包括结合鞣制的油鞣皮革）；漆皮及层压漆皮；镀金属皮革",
     "Chamois (including combination chamois) leather; patent leather and patent laminated leather; metallised "
     "leather"},
    {"4115",
     "以皮革或皮革纤维为基本成分的再生皮革，成块、成张或成条，不论是否成卷；皮革或再生皮革的边角废料，不适宜作皮革制品"
     "用；皮革粉末",
     "Composition leather with a basis of leather or leather fibre, in slabs, sheets or strip, whether or not in "
     "rolls; parings and other waste of leather or of composition leather, not suitable for the manufacture of leather "
     "articles; leather dust"},
    {"4201", "各种材料制成的鞍具及挽具（包括缰绳、挽绳、护膝垫、口套、鞍褥、马褡裢、狗外套及类似品），适合各种动物用",
     "Saddlery and harness for any animal (including traces, leads, knee pads, muzzles, saddle cloths, saddle bags, "
     "dog coats and the like), of any material"},
    {"4202",
     "衣箱、提箱、小手袋、公文箱、公文包、书包、眼镜盒、望远镜盒、照相机套、乐器盒、枪套及类似容器；旅行包、食品或饮料"
     "保温包、化妆包、帆布包、手提包、购物袋、钱夹、钱包、地图盒、烟盒、烟袋、工具包、运动包、瓶盒、首饰盒、粉盒、刀叉"
     "餐具盒及类似容器",
     "Trunks, suit-cases, vanity-cases, executive-cases, brief-cases, school satchels, spectacle cases, camera cases, "
     "musical instrument cases, gun cases and similar containers; travelling-bags, insulated food or beverages bags, "
     "toilet bags, rucksacks, handbags, shopping-bags, wallets, purses, map-cases, cigarette-cases, tobacco-pouches, "
     "tool bags, sports bags, bottle-cases, jewellery boxes, powder-boxes, cutlery cases and similar containers"},
    {"4203", "皮革或再生皮革制的衣服及衣着附件",
     "Articles of apparel and clothing accessories, of leather or of composition leather"},
    {"4205", "皮革或再生皮革的其他制品", "Other articles of leather or of composition leather"},
    {"4206", "肠线（蚕胶丝除外）、肠膜、膀胱或筋腱制品",
     "Articles of gut (other than silk-worm gut), of goldbeater's skin, of bladders or of tendons"},
    {"4301", "生毛皮（包括适合加工皮货用的头、尾、爪及其他块、片），但品目4101、4102或4103的生皮除外",
     "Raw furskins (including heads, tails, paws and other pieces or cuttings, suitable for furriers' use), other than "
     "raw hides and skins of heading 41.01, 41.02 or 41.03"},
    {"4302", "已鞣的未缝制或已缝制（不加其他材料）的毛皮（包括头、尾、爪及其他块、片），但品目4303的货品除外",
     "Tanned or dressed furskins (including heads, tails, paws and other pieces or cuttings), unassembled, or "
     "assembled (without the addition of other materials), other than those of heading 43.03"},
    {"4303", "毛皮制的衣服、衣着附件及其他物品",
     "Articles of apparel, clothing accessories and other articles of furskin"},
    {"4304", "人造毛皮及其制品", "Artificial fur and articles thereof"},
    {NULL, NULL, NULL},
};
