/* hs_lines.c — the 10-digit tariff lines the demo and the tests trade, with their legal units,
 * supervision conditions, inspection-quarantine categories, own declaration elements and the
 * district's reference price, and the codes of supervision conditions and inspection
 * categories. The headings above the lines are in hs_headings_s*.c. Data only, written by the
 * team from the public nomenclature; docs/services.md lists what is missing. */
#include "../platform/i18n.h"
#include "services.h"

/* Units, conditions and categories as the district's tariff book gives them to declarants. */
const hs_line hs_lines[] = {
    {"0302130000", "鲜或冷的太平洋鲑鱼", "Pacific salmon, fresh or chilled", "千克", NULL, "AB", "P.R/Q.S",
     "加工方法(鲜、冷等)|种类(中文及拉丁学名)|品牌(中文或外文名称)", 8000},
    {"0303130000", "冻大西洋鲑鱼及多瑙哲罗鱼", "Atlantic salmon and Danube salmon, frozen", "千克", NULL, "AB",
     "P.R/Q.S", "加工方法(冻、整条等)|种类(中文及拉丁学名)|品牌(中文或外文名称)", 6000},
    {"0303630000", "冻鳕鱼（大西洋鳕鱼、格陵兰鳕鱼、太平洋鳕鱼）",
     "Cod, frozen (Gadus morhua, Gadus ogac, Gadus macrocephalus)", "千克", NULL, "AB", "P.R/Q.S",
     "加工方法(冻、整条等)|种类(中文及拉丁学名)|品牌(中文或外文名称)", 2500},
    {"0306171000", "冻虾仁", "Shrimps and prawns, frozen, shelled", "千克", NULL, "AB", "P.R/Q.S",
     "加工方法(冻、去壳等)|种类(中文及拉丁学名)|规格(只/千克)|品牌(中文或外文名称)", 6000},
    {"0306171900", "其他冻小虾及对虾", "Other shrimps and prawns, frozen", "千克", NULL, "AB", "P.R/Q.S",
     "加工方法(冻、带壳等)|种类(中文及拉丁学名)|规格(只/千克)|品牌(中文或外文名称)", 4000},
    {"0805100000", "鲜或干的橙", "Oranges, fresh or dried", "千克", NULL, "AB", "P.R/Q.S",
     "种类|加工方法(鲜、干)|品牌(中文或外文名称)", 800},
    {"1604140000", "制作或保藏的金枪鱼、鲣鱼及狐鲣（整条或切块）",
     "Tunas, skipjack and bonito, prepared or preserved, whole or in pieces", "千克", NULL, "AB", "R/S",
     "种类(中文及拉丁学名)|加工方法|包装规格|品牌(中文或外文名称)", 3000},
    {"2601111000", "平均粒度小于0.8毫米的未烧结铁矿砂及其精矿",
     "Iron ores and concentrates, non-agglomerated, of an average grain size under 0.8 mm", "千克", NULL, "AB", "M/N",
     "品名|平均粒度|铁含量|品牌(中文或外文名称)", 80},
    {"2709000000", "石油原油", "Petroleum oils, crude", "千克", NULL, "47AB", "M/N",
     "品名|来源(石油或沥青矿物)|品牌(中文或外文名称)", 350},
    {"3304990000", "其他美容品或化妆品及护肤品", "Other beauty, make-up and skin-care preparations", "千克", NULL, "AB",
     "M/N", "品名|用途|包装规格|品牌(中文或外文名称)|型号", 30000},
    {"7208510000", "厚度超过10毫米的其他热轧铁或非合金钢平板轧材",
     "Other flat-rolled products of iron or non-alloy steel, hot-rolled, of a thickness exceeding 10 mm", "千克", NULL,
     "", "", "品名|材质(钢种)|厚度|宽度|是否经其他加工|品牌(中文或外文名称)|型号", 450},
    {"8458110090", "其他切削金属的数控卧式车床", "Other horizontal lathes for removing metal, numerically controlled",
     "台", "千克", "O", "", "品名|用途|种类(卧式等)|控制方式(数控等)|品牌(中文或外文名称)|型号", 30000000},
    {"8471301000", "平板电脑", "Tablet computers", "台", "千克", "A", "L.M",
     "品名|品牌(中文或外文名称)|型号|CPU型号及主频", 200000},
    {"8483409000", "其他齿轮及齿轮传动装置；齿轮箱及其他变速装置", "Other gearing; gear boxes and other speed changers",
     "台", "千克", "", "", "品名|用途|品牌(中文或外文名称)|型号", 300000},
    {"8703239000", "其他仅装有点燃往复式活塞内燃发动机的载人车辆，1.5升<排量≤3升",
     "Other vehicles for persons with only spark-ignition reciprocating piston engine, 1500 cc < capacity <= 3000 cc",
     "辆", "千克", "4AO", "M/", "品名|排气量|座位数|驱动方式|品牌(中文或外文名称)|型号", 25000000},
    {"9503000090", "其他玩具", "Other toys", "千克", NULL, "AB", "L.M/N", "品名|用途|材质|品牌(中文或外文名称)|型号",
     5000},
    {"9601100000", "已加工的兽牙及其制品", "Worked ivory and articles of ivory", "千克", NULL, "EF", "",
     "品名|材质(动物中文及拉丁学名)|用途|品牌(中文或外文名称)", 0},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0},
};

/* 监管证件代码: the documents a declarant holds (document 1) and the conditions customs checks
 * itself (A, B: the goods are subject to legal inspection; no paper since 2018). */
/* the English names of documents are catalogued (N_): a pre-check's finding names them in the
 * user's language */
const hs_code_name hs_supervision_codes[] = {
    {'1', "进口许可证", N_("import licence"), 'I', 1},
    {'4', "出口许可证", N_("export licence"), 'E', 1},
    {'6', "旧机电产品禁止进口", "used electromechanical goods: import prohibited", 'I', 0},
    {'7', "自动进口许可证", N_("automatic import licence"), 'I', 1},
    {'A', "入境货物检验检疫（法定检验）", "import inspection and quarantine (legal inspection)", 'I', 0},
    {'B', "出境货物检验检疫（法定检验）", "export inspection and quarantine (legal inspection)", 'E', 0},
    {'E', "濒危物种允许出口证明书", N_("endangered species export permit"), 'E', 1},
    {'F', "濒危物种允许进口证明书", N_("endangered species import permit"), 'I', 1},
    {'O', "自动进口许可证（新旧机电产品）", N_("automatic import licence (electromechanical goods)"), 'I', 1},
    {0, NULL, NULL, 0, 0},
};

/* 检验检疫类别 */
const hs_code_name hs_inspection_codes[] = {
    {'L', "民用商品入境验证", "civil goods import verification (CCC)", 'I', 0},
    {'M', "进口商品检验", "import commodity inspection", 'I', 0},
    {'N', "出口商品检验", "export commodity inspection", 'E', 0},
    {'P', "进境动植物、动植物产品检疫", "import animal and plant quarantine", 'I', 0},
    {'Q', "出境动植物、动植物产品检疫", "export animal and plant quarantine", 'E', 0},
    {'R', "进口食品卫生监督检验", "import food safety inspection", 'I', 0},
    {'S', "出口食品卫生监督检验", "export food safety inspection", 'E', 0},
    {0, NULL, NULL, 0, 0},
};
