/* hs_headings_s01.c — every heading (品目) of section I of the HS 2022, chapters 1–5: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s01[] = {
    {"0101", "马、驴、骡", "Live horses, asses, mules and hinnies"},
    {"0102", "牛", "Live bovine animals"},
    {"0103", "猪", "Live swine"},
    {"0104", "绵羊、山羊", "Live sheep and goats"},
    {"0105", "家禽，即鸡、鸭、鹅、火鸡及珍珠鸡",
     "Live poultry, that is to say, fowls, ducks, geese, turkeys and guinea fowls"},
    {"0106", "其他活动物", "Other live animals"},
    {"0201", "鲜、冷牛肉", "Meat of bovine animals, fresh or chilled"},
    {"0202", "冻牛肉", "Meat of bovine animals, frozen"},
    {"0203", "鲜、冷、冻猪肉", "Meat of swine, fresh, chilled or frozen"},
    {"0204", "鲜、冷、冻绵羊肉或山羊肉", "Meat of sheep or goats, fresh, chilled or frozen"},
    {"0205", "鲜、冷、冻马、驴、骡肉", "Meat of horses, asses, mules or hinnies, fresh, chilled or frozen"},
    {"0206", "鲜、冷、冻牛、猪、绵羊、山羊、马、驴、骡的食用杂碎",
     "Edible offal of bovine animals, swine, sheep, goats, horses, asses, mules or hinnies, fresh, chilled or frozen"},
    {"0207", "品目0105所列家禽的鲜、冷、冻肉及食用杂碎",
     "Meat and edible offal, of the poultry of heading 01.05, fresh, chilled or frozen"},
    {"0208", "其他鲜、冷、冻肉及食用杂碎", "Other meat and edible meat offal, fresh, chilled or frozen"},
    {"0209", "未炼制或用其他方法提取的不带瘦肉的肥猪肉、猪脂肪及家禽脂肪，鲜、冷、冻、干、熏、盐腌或盐渍的",
     "Pig fat, free of lean meat, and poultry fat, not rendered or otherwise extracted, fresh, chilled, frozen, "
     "salted, in brine, dried or smoked"},
    {"0210", "肉及食用杂碎，干、熏、盐腌或盐渍的；可供食用的肉或杂碎的细粉、粗粉",
     "Meat and edible meat offal, salted, in brine, dried or smoked; edible flours and meals of meat or meat offal"},
    {"0301", "活鱼", "Live fish"},
    {"0302", "鲜、冷鱼，但品目0304的鱼片及其他鱼肉除外",
     "Fish, fresh or chilled, excluding fish fillets and other fish meat of heading 03.04"},
    {"0303", "冻鱼，但品目0304的鱼片及其他鱼肉除外",
     "Fish, frozen, excluding fish fillets and other fish meat of heading 03.04"},
    {"0304", "鲜、冷、冻鱼片及其他鱼肉（不论是否绞碎）",
     "Fish fillets and other fish meat (whether or not minced), fresh, chilled or frozen"},
    {"0305", "干、腌或盐渍的鱼；熏鱼；可供人食用的鱼的细粉、粗粉及团粒",
     "Fish, dried, salted or in brine; smoked fish; flours, meals and pellets of fish, fit for human consumption"},
    {"0306", "甲壳动物，不论是否去壳，活、鲜、冷、冻、干、盐腌或盐渍的",
     "Crustaceans, whether in shell or not, live, fresh, chilled, frozen, dried, salted or in brine"},
    {"0307", "软体动物，不论是否去壳，活、鲜、冷、冻、干、盐腌或盐渍的",
     "Molluscs, whether in shell or not, live, fresh, chilled, frozen, dried, salted or in brine"},
    {"0308", "不属于甲壳动物及软体动物的水生无脊椎动物", "Aquatic invertebrates other than crustaceans and molluscs"},
    {"0309", "可供人食用的鱼、甲壳动物、软体动物和其他水生无脊椎动物的细粉、粗粉及团粒",
     "Flours, meals and pellets of fish, crustaceans, molluscs and other aquatic invertebrates, fit for human "
     "consumption"},
    {"0401", "未浓缩及未加糖或其他甜物质的乳及稀奶油",
     "Milk and cream, not concentrated nor containing added sugar or other sweetening matter"},
    {"0402", "浓缩、加糖或其他甜物质的乳及稀奶油",
     "Milk and cream, concentrated or containing added sugar or other sweetening matter"},
    {"0403", "酸乳；酪乳、结块的乳及稀奶油、酸乳酒及其他发酵或酸化的乳和稀奶油",
     "Yogurt; buttermilk, curdled milk and cream, kephir and other fermented or acidified milk and cream"},
    {"0404", "乳清；其他品目未列名的含天然乳的产品",
     "Whey; products consisting of natural milk constituents, not elsewhere specified or included"},
    {"0405", "黄油及其他从乳中提取的脂和油；乳酱", "Butter and other fats and oils derived from milk; dairy spreads"},
    {"0406", "乳酪及凝乳", "Cheese and curd"},
    {"0407", "带壳禽蛋，鲜、腌制或煮过的", "Birds' eggs, in shell, fresh, preserved or cooked"},
    {"0408", "去壳禽蛋及蛋黄，鲜、干、冻或用其他方法保藏的",
     "Birds' eggs, not in shell, and egg yolks, fresh, dried, cooked, moulded, frozen or otherwise preserved"},
    {"0409", "天然蜂蜜", "Natural honey"},
    {"0410", "其他品目未列名的食用动物产品，包括昆虫",
     "Insects and other edible products of animal origin, not elsewhere specified or included"},
    {"0501", "未经加工的人发；废人发", "Human hair, unworked, whether or not washed or scoured; waste of human hair"},
    {"0502", "猪鬃、猪毛；獾毛及其他制刷用毛；其废料",
     "Pigs', hogs' or boars' bristles and hair; badger hair and other brush making hair; waste of such bristles or "
     "hair"},
    {"0504", "动物（鱼除外）的肠、膀胱及胃，整个或切块，鲜、冷、冻、干、熏、盐腌或盐渍的",
     "Guts, bladders and stomachs of animals (other than fish), whole and pieces thereof, fresh, chilled, frozen, "
     "salted, in brine, dried or smoked"},
    {"0505", "带有羽毛或羽绒的鸟皮及鸟体其他部分；羽毛及不完整羽毛；羽绒",
     "Skins and other parts of birds, with their feathers or down, feathers and parts of feathers, and down, not "
     "further worked than cleaned"},
    {"0506", "骨及角柱，未经加工或经脱脂、简单整理的；骨粉及骨废料",
     "Bones and horn-cores, unworked, defatted, simply prepared, treated with acid or degelatinised; powder and waste "
     "of these products"},
    {"0507", "兽牙、龟壳、鲸须、角、鹿角、蹄、甲、爪及喙，未经加工或仅简单整理的；其粉末及废料",
     "Ivory, tortoise-shell, whalebone, horns, antlers, hooves, nails, claws and beaks, unworked or simply prepared; "
     "powder and waste of these products"},
    {"0508", "珊瑚及类似品、软体动物、甲壳动物或棘皮动物壳、墨鱼骨，未经加工或仅简单整理的；其粉末及废料",
     "Coral and similar materials, shells of molluscs, crustaceans or echinoderms and cuttle-bone, unworked or simply "
     "prepared; powder and waste thereof"},
    {"0510", "龙涎香、海狸香、灵猫香及麝香；斑蝥；胆汁；配制医药用的腺体及其他动物产品",
     "Ambergris, castoreum, civet and musk; cantharides; bile; glands and other animal products used in the "
     "preparation of pharmaceutical products"},
    {"0511", "其他品目未列名的动物产品；不适合供人食用的第一章或第三章的死动物",
     "Animal products not elsewhere specified or included; dead animals of Chapter 1 or 3, unfit for human "
     "consumption"},
    {NULL, NULL, NULL},
};
