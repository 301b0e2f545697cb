/* check_iso.c — ISO 3166-1 country codes and ISO 4217 currency codes, judged against
 * Debian's iso-codes JSON (package iso-codes) rather than a copy kept in our source, so
 * that code changes arrive with system updates.
 *
 * The two files are read once per process, on first use, under pthread_once; after that
 * every lookup is a bsearch over sorted arrays and is safe from any thread. Not for:
 * names, numeric codes or subdivisions (ISO 3166-2), which nothing needs yet. */
#include "check/check.h"
#include "../platform/i18n.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One code, NUL-terminated: 2 or 3 upper-case letters. */
typedef struct iso_code {
    char c[4];
} iso_code;

/* A sorted set of codes. */
typedef struct iso_set {
    iso_code *codes;
    size_t n;
} iso_set;

/* Written once inside load_once and read-only afterwards (pthread_once orders the writes
 * before every later reader). The arrays are malloc'd and never freed: they live as long
 * as the process, like the rest of the reference data. Plain malloc rather than the
 * platform's xmalloc because src/check/ depends on nothing but libc and jansson. */
static pthread_once_t iso_once = PTHREAD_ONCE_INIT;
static iso_set countries_2, countries_3, currencies;
static int iso_loaded;  /* 1 when both files were read and gave at least one code */

/* Directory of the JSON files: where Debian's iso-codes package installs them. */
static const char iso_dir[] = "/usr/share/iso-codes/json";

static const char no_data[] = "iso-codes data not available";

static int is_code(const char *s, size_t len)
{
    if (strlen(s) != len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

static int code_cmp(const void *a, const void *b)
{
    return strcmp(((const iso_code *)a)->c, ((const iso_code *)b)->c);
}

/* Collects the string member `key` (exactly `len` upper-case letters) of every object in
 * `list` into *set, sorted. Entries without it are skipped: every iso-codes entry has both
 * alpha codes today, but one malformed entry must not make the rest unusable. 0 on OOM. */
static int collect(json_t *list, const char *key, size_t len, iso_set *set)
{
    size_t cap = json_array_size(list);
    set->n = 0;
    set->codes = malloc((cap ? cap : 1) * sizeof *set->codes);
    if (set->codes == NULL)
        return 0;
    size_t i;
    json_t *entry;
    json_array_foreach(list, i, entry) {
        const char *v = json_string_value(json_object_get(entry, key));
        if (v == NULL || !is_code(v, len))
            continue;
        memcpy(set->codes[set->n].c, v, len + 1);
        set->n++;
    }
    qsort(set->codes, set->n, sizeof *set->codes, code_cmp);
    return 1;
}

/* Reads dir/file and returns the array under `top`, or NULL; *root receives the document
 * to json_decref afterwards. */
static json_t *load_list(const char *file, const char *top, json_t **root)
{
    char path[sizeof iso_dir + 32];
    *root = NULL;
    int n = snprintf(path, sizeof path, "%s/%s", iso_dir, file);
    if (n < 0 || (size_t)n >= sizeof path)
        return NULL;
    json_error_t err;
    *root = json_load_file(path, 0, &err);
    json_t *list = json_object_get(*root, top);
    return json_is_array(list) ? list : NULL;
}

static void load_once(void)
{
    json_t *root3166 = NULL, *root4217 = NULL;
    json_t *l3166 = load_list("iso_3166-1.json", "3166-1", &root3166);
    json_t *l4217 = load_list("iso_4217.json", "4217", &root4217);
    if (l3166 && l4217 && collect(l3166, "alpha_2", 2, &countries_2)
        && collect(l3166, "alpha_3", 3, &countries_3)
        && collect(l4217, "alpha_3", 3, &currencies))
        iso_loaded = countries_2.n > 0 && countries_3.n > 0 && currencies.n > 0;
    json_decref(root3166);
    json_decref(root4217);
}

static int in_set(const iso_set *set, const char *s)
{
    iso_code key;
    size_t n = strlen(s);
    memcpy(key.c, s, n + 1);
    return bsearch(&key, set->codes, set->n, sizeof *set->codes, code_cmp) != NULL;
}

/* Shape check shared by both lookups: length in [min, max], upper-case letters only.
 * Returns the length, or 0 with *reason set. */
static size_t code_shape(const char *s, size_t min, size_t max, const char *len_reason,
                         const char **reason)
{
    size_t n = 0;
    if (s == NULL || s[0] == '\0') {
        if (reason)
            *reason = N_("must not be empty");
        return 0;
    }
    while (n <= max && s[n] != '\0')
        n++;
    const char *why = NULL;
    if (n < min || n > max)
        why = len_reason;
    for (size_t i = 0; why == NULL && i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            why = N_("letters must be upper-case");
        else if (s[i] < 'A' || s[i] > 'Z')
            why = N_("must be letters only");
    }
    if (why) {
        if (reason)
            *reason = why;
        return 0;
    }
    return n;
}

int check_country(const char *s, const char **reason)
{
    size_t n = code_shape(s, 2, 3, "must be 2 or 3 letters", reason);
    if (n == 0)
        return 0;
    pthread_once(&iso_once, load_once);
    if (!iso_loaded) {
        if (reason)
            *reason = no_data;
        return 0;
    }
    if (!in_set(n == 2 ? &countries_2 : &countries_3, s)) {
        if (reason)
            *reason = N_("not an ISO 3166-1 country code");
        return 0;
    }
    return 1;
}

int check_currency(const char *s, const char **reason)
{
    size_t n = code_shape(s, 3, 3, "must be 3 letters", reason);
    if (n == 0)
        return 0;
    pthread_once(&iso_once, load_once);
    if (!iso_loaded) {
        if (reason)
            *reason = no_data;
        return 0;
    }
    if (!in_set(&currencies, s)) {
        if (reason)
            *reason = N_("not an ISO 4217 currency code");
        return 0;
    }
    return 1;
}
