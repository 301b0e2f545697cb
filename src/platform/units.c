/* units.c — the customs table of units of measurement (units.h): its rows, the lookups by name
 * and by code, the normaliser and the check of an item's unit, and its JSON for the reference
 * route. The rows are the table's facts as the team knows them; docs/RULES.md says which codes
 * are less sure. */
#include "units.h"

#include <jansson.h>
#include <pthread.h>
#include <string.h>

#include "i18n.h"

/* 海关计量单位代码表, sorted by code (the codes the table leaves unused are absent). */
static const unit_entry rows[] = {
    {"001", "台", "unit (machine)"},
    {"002", "座", "block (building)"},
    {"003", "辆", "vehicle"},
    {"004", "艘", "ship"},
    {"005", "架", "aircraft"},
    {"006", "套", "set"},
    {"007", "个", "piece"},
    {"008", "只", "each"},
    {"009", "头", "head (livestock)"},
    {"010", "张", "sheet"},
    {"011", "件", "article"},
    {"012", "支", "stick"},
    {"013", "枝", "stem"},
    {"014", "根", "rod"},
    {"015", "条", "strip"},
    {"016", "把", "handle"},
    {"017", "块", "block"},
    {"018", "卷", "roll"},
    {"019", "副", "pair (glasses, gloves)"},
    {"020", "片", "slice"},
    {"021", "组", "group"},
    {"022", "份", "portion"},
    {"023", "幅", "panel"},
    {"025", "双", "pair"},
    {"026", "对", "couple"},
    {"027", "棵", "tree"},
    {"028", "株", "plant"},
    {"029", "井", "well"},
    {"030", "米", "metre"},
    {"031", "盘", "reel"},
    {"032", "平方米", "square metre"},
    {"033", "立方米", "cubic metre"},
    {"034", "筒", "tube"},
    {"035", "千克", "kilogram"},
    {"036", "克", "gram"},
    {"037", "盆", "pot"},
    {"038", "万个", "ten thousand pieces"},
    {"039", "具", "fixture"},
    {"040", "百副", "hundred pairs (glasses, gloves)"},
    {"041", "百支", "hundred sticks"},
    {"042", "百把", "hundred handles"},
    {"043", "百个", "hundred pieces"},
    {"044", "百片", "hundred slices"},
    {"045", "刀", "dao (100 sheets of paper)"},
    {"046", "疋", "bolt (of cloth)"},
    {"047", "公担", "quintal (100 kg)"},
    {"048", "扇", "leaf (door, window)"},
    {"049", "百枝", "hundred stems"},
    {"050", "千只", "thousand each"},
    {"051", "千块", "thousand blocks"},
    {"052", "千盒", "thousand boxes"},
    {"053", "千枝", "thousand stems"},
    {"054", "千个", "thousand pieces"},
    {"055", "亿支", "hundred million sticks"},
    {"056", "亿个", "hundred million pieces"},
    {"057", "万套", "ten thousand sets"},
    {"058", "千张", "thousand sheets"},
    {"059", "万张", "ten thousand sheets"},
    {"060", "千伏安", "kilovolt-ampere"},
    {"061", "千瓦", "kilowatt"},
    {"062", "千瓦时", "kilowatt-hour"},
    {"063", "千升", "kilolitre"},
    {"067", "英尺", "foot"},
    {"070", "吨", "tonne"},
    {"071", "长吨", "long ton"},
    {"072", "短吨", "short ton"},
    {"073", "司马担", "picul"},
    {"074", "司马斤", "catty"},
    {"075", "斤", "jin (500 g)"},
    {"076", "磅", "pound"},
    {"077", "担", "dan (50 kg)"},
    {"078", "英担", "hundredweight"},
    {"079", "短担", "short hundredweight"},
    {"080", "两", "liang (50 g)"},
    {"081", "市担", "shi dan (50 kg)"},
    {"083", "盎司", "ounce"},
    {"084", "克拉", "carat"},
    {"085", "市尺", "chi (1/3 m)"},
    {"086", "码", "yard"},
    {"088", "英寸", "inch"},
    {"089", "寸", "cun (1/30 m)"},
    {"095", "升", "litre"},
    {"096", "毫升", "millilitre"},
    {"097", "英加仑", "imperial gallon"},
    {"098", "美加仑", "US gallon"},
    {"099", "立方英尺", "cubic foot"},
    {"101", "立方尺", "cubic chi"},
    {"110", "平方码", "square yard"},
    {"111", "平方英尺", "square foot"},
    {"112", "平方尺", "square chi"},
    {"115", "英制马力", "imperial horsepower"},
    {"116", "公制马力", "metric horsepower"},
    {"118", "令", "ream"},
    {"120", "箱", "case"},
    {"121", "批", "batch"},
    {"122", "罐", "can"},
    {"123", "桶", "barrel"},
    {"124", "扎", "bundle (zha)"},
    {"125", "包", "pack"},
    {"126", "箩", "basket (luo)"},
    {"127", "打", "dozen"},
    {"128", "筐", "basket"},
    {"129", "罗", "gross (144)"},
    {"130", "匹", "pi (horses, bolts of cloth)"},
    {"131", "册", "volume"},
    {"132", "本", "copy"},
    {"133", "发", "round"},
    {"134", "枚", "token (coins, stamps)"},
    {"135", "捆", "bale"},
    {"136", "袋", "bag"},
    {"139", "粒", "grain"},
    {"140", "盒", "box"},
    {"141", "合", "he (small box)"},
    {"142", "瓶", "bottle"},
    {"143", "千部", "thousand units (phones, films)"},
    {"144", "万双", "ten thousand pairs"},
    {"145", "万粒", "ten thousand grains"},
    {"146", "千粒", "thousand grains"},
    {"147", "千米", "kilometre"},
    {"148", "千英尺", "thousand feet"},
    {"149", "百万贝可", "megabecquerel"},
    {"163", "部", "unit (phones, films)"},
    {"164", "亿株", "hundred million plants"},
    {"170", "人份", "dose (per person)"},
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
