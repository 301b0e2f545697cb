/* iso_names.c — country and currency names, English and Chinese, from Debian's iso-codes
 * (JSON for the codes and English names, the zh_CN .mo catalogues for the Chinese). Read once,
 * on first use, under pthread_once; the answer is kept as one JSON text, which the reference
 * route sends as it is. */
#include "iso_names.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

#define ISO_JSON_DIR "/usr/share/iso-codes/json"
#define ISO_ZH_DIR "/usr/share/locale/zh_CN/LC_MESSAGES"
#define MO_MAGIC 0x950412deu
#define MO_MAX_BYTES (8u << 20)

static uint32_t word(const uint8_t *p, int swap)
{
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    return swap ? (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24) : v;
}

/* The string of table entry i (length, offset) when it lies inside the buffer and ends with
 * the NUL its length promises, else NULL. */
static const char *entry(const uint8_t *data, size_t len, uint32_t table, uint32_t i, int swap)
{
    uint64_t at = (uint64_t)table + (uint64_t)i * 8;
    if (at + 8 > len)
        return NULL;
    uint64_t n = word(data + at, swap), off = word(data + at + 4, swap);
    if (off + n + 1 > len || data[off + n] != '\0')
        return NULL;
    return (const char *)data + off;
}

int mo_each(const uint8_t *data, size_t len, void (*fn)(void *cls, const char *msgid, const char *msgstr), void *cls)
{
    if (len < 28)
        return -1;
    int swap;
    if (word(data, 0) == MO_MAGIC)
        swap = 0;
    else if (word(data, 1) == MO_MAGIC)
        swap = 1;
    else
        return -1;
    if ((word(data + 4, swap) >> 16) > 1) /* major revisions 0 and 1 share this layout */
        return -1;
    uint32_t n = word(data + 8, swap), orig = word(data + 12, swap), trans = word(data + 16, swap);
    if ((uint64_t)n * 8 > len)
        return -1;
    for (uint32_t i = 0; i < n; i++) {
        const char *id = entry(data, len, orig, i, swap), *str = entry(data, len, trans, i, swap);
        if (!id || !str)
            return -1;
        if (!*id || strchr(id, '\x04')) /* the header; a message with a context */
            continue;
        fn(cls, id, str);
    }
    return 0;
}

static uint8_t *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    uint8_t *data = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            uint8_t *more = cap <= MO_MAX_BYTES ? xrealloc(data, cap) : NULL;
            if (!more) {
                xfree(data);
                fclose(f);
                return NULL;
            }
            data = more;
        }
        size_t got = fread(data + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        xfree(data);
        return NULL;
    }
    *len = n;
    return data;
}

static void add_translation(void *cls, const char *msgid, const char *msgstr)
{
    json_object_set_new(cls, msgid, json_string(msgstr));
}

/* English name -> Chinese name, from the catalogue of one iso-codes domain; empty when the
 * translation is not installed. */
static json_t *translations(const char *domain)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s.mo", ISO_ZH_DIR, domain);
    json_t *map = json_object();
    size_t len = 0;
    uint8_t *data = read_file(path, &len);
    if (data && map && mo_each(data, len, add_translation, map) != 0)
        json_object_clear(map); /* a damaged catalogue: English names only */
    xfree(data);
    return map;
}

/* How China's official usage names three regions (the customs statistics' table of countries
 * and regions, 海关统计国别（地区）代码表, and the State Council's style rules), which
 * iso-codes' translations do not follow. */
static const struct {
    const char *code, *en, *zh;
} region_names[] = {
    {"HK", "Hong Kong, China", "中国香港"},
    {"MO", "Macao, China", "中国澳门"},
    {"TW", "Taiwan, China", "中国台湾"},
};

/* [{"code", "en", "zh"}] from one iso-codes file: the entries' code key and English name
 * (a country's common name when it has one, as people say it: "Bolivia"). */
static json_t *names(const char *file, const char *list, const char *code_key, const char *domain)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", ISO_JSON_DIR, file);
    json_t *root = json_load_file(path, 0, NULL), *zh = translations(domain), *out = json_array();
    json_t *items = root ? json_object_get(root, list) : NULL;
    size_t i;
    json_t *e;
    json_array_foreach(items, i, e)
    {
        const char *code = json_string_value(json_object_get(e, code_key));
        const char *name = json_string_value(json_object_get(e, "name"));
        const char *common = json_string_value(json_object_get(e, "common_name"));
        if (!code || !name)
            continue;
        const char *zh_name = json_string_value(json_object_get(zh, common ? common : name));
        if (!zh_name)
            zh_name = json_string_value(json_object_get(zh, name));
        const char *en = common ? common : name;
        for (size_t k = 0; strcmp(list, "3166-1") == 0 && k < sizeof region_names / sizeof *region_names; k++)
            if (strcmp(code, region_names[k].code) == 0)
                en = region_names[k].en, zh_name = region_names[k].zh;
        json_array_append_new(out, json_pack("{s:s, s:s, s:s}", "code", code, "en", en, "zh", zh_name ? zh_name : en));
    }
    json_decref(root);
    json_decref(zh);
    if (!items) {
        json_decref(out);
        return NULL;
    }
    return out;
}

static int by_code(const void *a, const void *b)
{
    return strcmp(json_string_value(json_object_get(*(json_t *const *)a, "code")),
                  json_string_value(json_object_get(*(json_t *const *)b, "code")));
}

/* The array sorted by code (the files are sorted by another key: alpha-3, say). */
static json_t *sorted(json_t *list)
{
    size_t n = json_array_size(list);
    json_t **v = n ? xcalloc(n, sizeof *v) : NULL, *out = json_array();
    for (size_t i = 0; v && i < n; i++)
        v[i] = json_array_get(list, i);
    if (v)
        qsort(v, n, sizeof *v, by_code);
    for (size_t i = 0; v && i < n; i++)
        json_array_append(out, v[i]);
    xfree(v);
    json_decref(list);
    return out;
}

static char *names_text;
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

static void load_once(void)
{
    json_t *countries = names("iso_3166-1.json", "3166-1", "alpha_2", "iso_3166-1");
    json_t *currencies = names("iso_4217.json", "4217", "alpha_3", "iso_4217");
    if (countries && currencies) {
        countries = sorted(countries);
        currencies = sorted(currencies);
        json_t *all = json_pack("{s:o, s:o}", "countries", countries, "currencies", currencies);
        names_text = all ? json_dumps(all, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
        json_decref(all);
        return;
    }
    json_decref(countries);
    json_decref(currencies);
}

const char *iso_names_json(void)
{
    pthread_once(&names_once, load_once);
    return names_text;
}
