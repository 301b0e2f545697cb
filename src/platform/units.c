/* units.c — the customs table of units of measurement (units.h): its rows, the lookups by name
 * and by code, the normaliser and the check of an item's unit, and its JSON for the reference
 * route. The rows are the table's facts as the team knows them; docs/RULES.md says which codes
 * are less sure. */
#include "units.h"

#include <jansson.h>
#include <pthread.h>
#include <string.h>

#include "i18n.h"

/* 海关计量单位代码表, sorted by code (the codes the table leaves unused are absent). The last
 * column: 1 a unit of count (whole pieces, 报关单填制规范: 数量及单位), 0 a measure. */
static const unit_entry rows[] = {
    {"001", "台", "unit (machine)", 1},
    {"002", "座", "block (building)", 1},
    {"003", "辆", "vehicle", 1},
    {"004", "艘", "ship", 1},
    {"005", "架", "aircraft", 1},
    {"006", "套", "set", 1},
    {"007", "个", "piece", 1},
    {"008", "只", "each", 1},
    {"009", "头", "head (livestock)", 1},
    {"010", "张", "sheet", 1},
    {"011", "件", "article", 1},
    {"012", "支", "stick", 1},
    {"013", "枝", "stem", 1},
    {"014", "根", "rod", 1},
    {"015", "条", "strip", 1},
    {"016", "把", "handle", 1},
    {"017", "块", "block", 1},
    {"018", "卷", "roll", 1},
    {"019", "副", "pair (glasses, gloves)", 1},
    {"020", "片", "slice", 1},
    {"021", "组", "group", 1},
    {"022", "份", "portion", 1},
    {"023", "幅", "panel", 1},
    {"025", "双", "pair", 1},
    {"026", "对", "couple", 1},
    {"027", "棵", "tree", 1},
    {"028", "株", "plant", 1},
    {"029", "井", "well", 1},
    {"030", "米", "metre", 0},
    {"031", "盘", "reel", 1},
    {"032", "平方米", "square metre", 0},
    {"033", "立方米", "cubic metre", 0},
    {"034", "筒", "tube", 1},
    {"035", "千克", "kilogram", 0},
    {"036", "克", "gram", 0},
    {"037", "盆", "pot", 1},
    {"038", "万个", "ten thousand pieces", 0},
    {"039", "具", "fixture", 1},
    {"040", "百副", "hundred pairs (glasses, gloves)", 0},
    {"041", "百支", "hundred sticks", 0},
    {"042", "百把", "hundred handles", 0},
    {"043", "百个", "hundred pieces", 0},
    {"044", "百片", "hundred slices", 0},
    {"045", "刀", "dao (100 sheets of paper)", 1},
    {"046", "疋", "bolt (of cloth)", 1},
    {"047", "公担", "quintal (100 kg)", 0},
    {"048", "扇", "leaf (door, window)", 1},
    {"049", "百枝", "hundred stems", 0},
    {"050", "千只", "thousand each", 0},
    {"051", "千块", "thousand blocks", 0},
    {"052", "千盒", "thousand boxes", 0},
    {"053", "千枝", "thousand stems", 0},
    {"054", "千个", "thousand pieces", 0},
    {"055", "亿支", "hundred million sticks", 0},
    {"056", "亿个", "hundred million pieces", 0},
    {"057", "万套", "ten thousand sets", 0},
    {"058", "千张", "thousand sheets", 0},
    {"059", "万张", "ten thousand sheets", 0},
    {"060", "千伏安", "kilovolt-ampere", 0},
    {"061", "千瓦", "kilowatt", 0},
    {"062", "千瓦时", "kilowatt-hour", 0},
    {"063", "千升", "kilolitre", 0},
    {"067", "英尺", "foot", 0},
    {"070", "吨", "tonne", 0},
    {"071", "长吨", "long ton", 0},
    {"072", "短吨", "short ton", 0},
    {"073", "司马担", "picul", 0},
    {"074", "司马斤", "catty", 0},
    {"075", "斤", "jin (500 g)", 0},
    {"076", "磅", "pound", 0},
    {"077", "担", "dan (50 kg)", 0},
    {"078", "英担", "hundredweight", 0},
    {"079", "短担", "short hundredweight", 0},
    {"080", "两", "liang (50 g)", 0},
    {"081", "市担", "shi dan (50 kg)", 0},
    {"083", "盎司", "ounce", 0},
    {"084", "克拉", "carat", 0},
    {"085", "市尺", "chi (1/3 m)", 0},
    {"086", "码", "yard", 0},
    {"088", "英寸", "inch", 0},
    {"089", "寸", "cun (1/30 m)", 0},
    {"095", "升", "litre", 0},
    {"096", "毫升", "millilitre", 0},
    {"097", "英加仑", "imperial gallon", 0},
    {"098", "美加仑", "US gallon", 0},
    {"099", "立方英尺", "cubic foot", 0},
    {"101", "立方尺", "cubic chi", 0},
    {"110", "平方码", "square yard", 0},
    {"111", "平方英尺", "square foot", 0},
    {"112", "平方尺", "square chi", 0},
    {"115", "英制马力", "imperial horsepower", 0},
    {"116", "公制马力", "metric horsepower", 0},
    {"118", "令", "ream", 1},
    {"120", "箱", "case", 1},
    {"121", "批", "batch", 1},
    {"122", "罐", "can", 1},
    {"123", "桶", "barrel", 0},
    {"124", "扎", "bundle (zha)", 1},
    {"125", "包", "pack", 1},
    {"126", "箩", "basket (luo)", 1},
    {"127", "打", "dozen", 0},
    {"128", "筐", "basket", 1},
    {"129", "罗", "gross (144)", 0},
    {"130", "匹", "pi (horses, bolts of cloth)", 1},
    {"131", "册", "volume", 1},
    {"132", "本", "copy", 1},
    {"133", "发", "round", 1},
    {"134", "枚", "token (coins, stamps)", 1},
    {"135", "捆", "bale", 1},
    {"136", "袋", "bag", 1},
    {"139", "粒", "grain", 1},
    {"140", "盒", "box", 1},
    {"141", "合", "he (small box)", 1},
    {"142", "瓶", "bottle", 1},
    {"143", "千部", "thousand units (phones, films)", 0},
    {"144", "万双", "ten thousand pairs", 0},
    {"145", "万粒", "ten thousand grains", 0},
    {"146", "千粒", "thousand grains", 0},
    {"147", "千米", "kilometre", 0},
    {"148", "千英尺", "thousand feet", 0},
    {"149", "百万贝可", "megabecquerel", 0},
    {"163", "部", "unit (phones, films)", 1},
    {"164", "亿株", "hundred million plants", 0},
    {"170", "人份", "dose (per person)", 1},
};

const unit_entry *units_table(size_t *n)
{
    *n = sizeof rows / sizeof rows[0];
    return rows;
}

const unit_entry *units_by_name(const char *name)
{
    for (size_t i = 0; name && i < sizeof rows / sizeof rows[0]; i++)
        if (strcmp(rows[i].zh, name) == 0)
            return &rows[i];
    return NULL;
}

const unit_entry *units_by_code(const char *code)
{
    for (size_t i = 0; code && i < sizeof rows / sizeof rows[0]; i++)
        if (strcmp(rows[i].code, code) == 0)
            return &rows[i];
    return NULL;
}

const char *units_name_of(const char *s)
{
    const unit_entry *u = units_by_code(s);
    return u ? u->zh : NULL;
}

int check_unit(const char *s, const char **reason)
{
    if (units_by_name(s))
        return 1;
    if (reason)
        *reason = N_("not a unit of the customs table of units of measurement (海关计量单位代码表: GET "
                     "/api/v1/reference/units)");
    return 0;
}

static char *text;

static void build(void)
{
    json_t *items = json_array();
    for (size_t i = 0; items && i < sizeof rows / sizeof rows[0]; i++)
        if (json_array_append_new(items, json_pack("{s:s, s:s, s:s}", "code", rows[i].code, "name_zh", rows[i].zh,
                                                   "name_en", rows[i].en))) {
            json_decref(items);
            return;
        }
    json_t *o = items ? json_pack("{s:i, s:o}", "version", UNITS_VERSION, "items", items) : NULL;
    if (o)
        text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
}

const char *units_json(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, build);
    return text;
}
