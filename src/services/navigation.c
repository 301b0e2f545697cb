/* navigation.c — the pure part of smart declaration navigation (智慧申报导航): lookups in the
 * HS 2022 structure, the ranked search in Chinese and English, a line's declaration elements
 * (申报要素) and the check of an element string against them. No database, no clock, no JSON. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/i18n.h"
#include "services.h"

const hs_line *hs_line_find(const char *code)
{
    for (const hs_line *l = hs_lines; code && l->code; l++)
        if (strcmp(l->code, code) == 0)
            return l;
    return NULL;
}

const hs_heading *hs_heading_find(const char *code)
{
    if (!code || strlen(code) < 4)
        return NULL;
    for (const hs_heading *const *part = hs_heading_parts; *part; part++) {
        /* the parts are in code order: past the code, it is not held */
        if ((*part)->code && strncmp((*part)->code, code, 4) > 0)
            return NULL;
        for (const hs_heading *h = *part; h->code; h++)
            if (strncmp(h->code, code, 4) == 0)
                return h;
    }
    return NULL;
}

const hs_heading *hs_heading_at(int index)
{
    for (const hs_heading *const *part = hs_heading_parts; index >= 0 && *part; part++)
        for (const hs_heading *h = *part; h->code; h++)
            if (index-- == 0)
                return h;
    return NULL;
}

const hs_chapter *hs_chapter_find(int no) { return no >= 1 && no <= 97 ? &hs_chapters[no - 1] : NULL; }

const hs_section *hs_section_of(int chapter)
{
    for (const hs_section *s = hs_sections; s->roman; s++)
        if (chapter >= s->first && chapter <= s->last)
            return s;
    return NULL;
}

const hs_code_name *hs_supervision_find(char code)
{
    for (const hs_code_name *c = hs_supervision_codes; c->code; c++)
        if (c->code == code)
            return c;
    return NULL;
}

/* ---- search ---- */

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return 0;
    return 1;
}

/* The length in bytes of the UTF-8 sequence starting with byte c (1 for a stray byte). */
static size_t seq_len(unsigned char c) { return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

/* How a name answers the query: the whole query in it (best, shorter names first), every
 * character of a Chinese query in it, every word of an English one in it; 0 when none. */
static int text_score(const char *q, const char *zh, const char *en)
{
    size_t ql = strlen(q);
    if (strstr(zh, q))
        return 1000 - (int)((strlen(zh) - ql) / 3 > 200 ? 200 : (strlen(zh) - ql) / 3);
    if (en && strcasestr(en, q))
        return 900 - (int)((strlen(en) - ql) > 200 ? 200 : strlen(en) - ql);
    int cjk = (unsigned char)q[0] >= 0x80;
    if (cjk) {
        size_t total = 0, found = 0;
        for (const char *p = q; *p;) {
            /* a sequence cut short by the end of the query is taken as far as it goes */
            size_t n = strnlen(p, seq_len((unsigned char)*p));
            char ch[5] = {0};
            memcpy(ch, p, n);
            if ((unsigned char)*p >= 0x80) {
                total++;
                found += strstr(zh, ch) != NULL;
            }
            p += n;
        }
        return total && found == total ? 500 : 0;
    }
    /* English words, each somewhere in the name */
    int any = 0;
    for (const char *p = q; *p;) {
        size_t skip = strspn(p, " ,;"), len;
        p += skip;
        if (!*p)
            break;
        len = strcspn(p, " ,;");
        char w[64];
        snprintf(w, sizeof w, "%.*s", (int)(len < sizeof w - 1 ? len : sizeof w - 1), p);
        if (!en || !strcasestr(en, w))
            return 0;
        any = 1;
        p += len;
    }
    return any ? 400 : 0;
}

static void keep(hs_hit *hits, size_t max, size_t *n, hs_level level, int index, int score)
{
    if (score <= 0)
        return;
    /* levels nearer the goods first among equal matches: the declarant wants a line */
    score += (int)level * 20;
    size_t at = *n < max ? (*n)++ : max;
    if (at == max) {
        if (!max || hits[max - 1].score >= score)
            return;
        at = max - 1;
    }
    while (at > 0 && hits[at - 1].score < score) {
        hits[at] = hits[at - 1];
        at--;
    }
    hits[at] = (hs_hit){level, index, score};
}

size_t hs_search(const char *q, hs_hit *hits, size_t max)
{
    size_t n = 0;
    if (!q || !*q)
        return 0;
    if (all_digits(q)) {
        /* a code: every node it is a prefix of, the nearest in length first */
        size_t ql = strlen(q);
        char code[3];
        for (int i = 0; hs_chapters[i].no; i++) {
            snprintf(code, sizeof code, "%02d", hs_chapters[i].no);
            if ((ql <= 2 && strncmp(code, q, ql) == 0) || (ql > 2 && strncmp(code, q, 2) == 0 && !hs_heading_find(q)))
                keep(hits, max, &n, HS_CHAPTER, i, ql <= 2 ? 800 : 300);
        }
        int i = 0;
        for (const hs_heading *const *part = hs_heading_parts; *part; part++)
            for (const hs_heading *h = *part; h->code; h++, i++)
                if ((ql <= 4 && strncmp(h->code, q, ql) == 0) || (ql > 4 && strncmp(h->code, q, 4) == 0))
                    keep(hits, max, &n, HS_HEADING, i, ql <= 4 ? 800 - (int)(4 - ql) * 100 : 500);
        for (i = 0; hs_lines[i].code; i++)
            if (strncmp(hs_lines[i].code, q, ql) == 0)
                keep(hits, max, &n, HS_LINE, i, 800 - (int)(10 - ql) * 40);
        return n;
    }
    for (int i = 0; hs_sections[i].roman; i++)
        keep(hits, max, &n, HS_SECTION, i, text_score(q, hs_sections[i].zh, hs_sections[i].en));
    for (int i = 0; hs_chapters[i].no; i++)
        keep(hits, max, &n, HS_CHAPTER, i, text_score(q, hs_chapters[i].zh, hs_chapters[i].en));
    int i = 0;
    for (const hs_heading *const *part = hs_heading_parts; *part; part++)
        for (const hs_heading *h = *part; h->code; h++, i++)
            keep(hits, max, &n, HS_HEADING, i, text_score(q, h->zh, h->en));
    for (i = 0; hs_lines[i].code; i++)
        keep(hits, max, &n, HS_LINE, i, text_score(q, hs_lines[i].zh, hs_lines[i].en));
    return n;
}

/* ---- declaration elements ---- */

static void element(hs_element *e, const char *name, size_t len, int mandatory, const char *codes)
{
    snprintf(e->name, sizeof e->name, "%.*s", (int)len, name);
    e->mandatory = mandatory;
    e->codes = codes;
}

size_t hs_line_elements(const hs_line *l, hs_element *els)
{
    size_t n = 0;
    /* GACC's element order: brand type and export preference first, GTIN, CAS, other last */
    element(&els[n++], "品牌类型", strlen("品牌类型"), 1, "01234");
    element(&els[n++], "出口享惠情况", strlen("出口享惠情况"), 1, "0123");
    for (const char *p = l->elements; p && *p && n < HS_ELEMENTS_MAX - 3;) {
        size_t len = strcspn(p, "|");
        element(&els[n++], p, len, 1, NULL);
        p += len + (p[len] == '|');
    }
    element(&els[n++], "GTIN", 4, 0, NULL);
    element(&els[n++], "CAS", 3, 0, NULL);
    element(&els[n++], "其他", strlen("其他"), 0, NULL);
    return n;
}

static size_t element_finding(nav_finding *f, size_t max, size_t n, const char *field, const char *rule,
                              const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static size_t element_finding(nav_finding *f, size_t max, size_t n, const char *field, const char *rule,
                              const char *fmt, ...)
{
    if (n >= max)
        return 0;
    nav_finding *x = &f[n];
    snprintf(x->field, sizeof x->field, "%s", field);
    snprintf(x->rule, sizeof x->rule, "%s", rule);
    snprintf(x->severity, sizeof x->severity, "error");
    va_list ap, zh;
    va_start(ap, fmt);
    va_copy(zh, ap);
    vsnprintf(x->message, sizeof x->message, fmt, ap);
    /* both languages now, as hg_fail does: the answer picks the request's */
    i18n_format_zh(x->message_zh, sizeof x->message_zh, fmt, zh, x->message);
    va_end(zh);
    va_end(ap);
    return 1;
}

size_t hs_elements_check(const hs_line *l, const char *s, const char *field, nav_finding *f, size_t max)
{
    hs_element els[HS_ELEMENTS_MAX];
    size_t ne = hs_line_elements(l, els), got = 0, n = 0;
    if (!s || !*s)
        /* TRANSLATORS: 1: the HS code; 2: how many elements its line has */
        return element_finding(f, max, 0, field, "elements_missing",
                               "goods %s must declare %zu declaration elements, separated by \"|\"", l->code, ne);
    for (const char *p = s;; got++) {
        size_t len = strcspn(p, "|");
        if (got < ne) {
            const hs_element *e = &els[got];
            if (e->mandatory && len == 0)
                /* TRANSLATORS: 1: the element's position; 2: its name (the tariff's) */
                n += element_finding(f + n, max - n, 0, field, "element_missing",
                                     "element %zu (%s) is mandatory and may not be empty", got + 1, e->name);
            else if (e->codes && len && (len != 1 || !strchr(e->codes, p[0])))
                /* TRANSLATORS: 1: the element's position; 2: its name; 3: its codes; 4: what was declared */
                n += element_finding(f + n, max - n, 0, field, "element_code",
                                     "element %zu (%s) must be one of the codes %s, declared as \"%.*s\"", got + 1,
                                     e->name, e->codes, (int)(len > 40 ? 40 : len), p);
        }
        if (!p[len]) {
            got++;
            break;
        }
        p += len + 1;
    }
    if (got != ne)
        /* TRANSLATORS: 1: the HS code; 2: its elements; 3: how many were declared */
        n += element_finding(f + n, max - n, 0, field, "elements_count",
                             "goods %s has %zu declaration elements, %zu declared (separated by \"|\", empty ones "
                             "kept)",
                             l->code, ne, got);
    return n;
}
