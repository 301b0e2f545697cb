/* http_negotiate.c — Accept-Encoding (RFC 9110 §12.5.3), for the console's files compressed
 * at build time (assets.c). A value that does not parse is taken as accepting nothing but
 * identity: sending uncompressed bytes is always safe, guessing is not.
 * Accept-Language (§12.5.4), for the language of the API's messages (i18n.h): a value that
 * does not parse gives the default language, Chinese. */
#include "http_negotiate.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

static const char *skip_ows(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* A qvalue ("0", "0.5", "1.000") in thousandths, or -1 when it is not one. *end after it. */
static int qvalue(const char *p, const char **end)
{
    if (*p != '0' && *p != '1')
        return -1;
    int q = (*p - '0') * 1000, scale = 100;
    p++;
    if (*p == '.') {
        p++;
        for (int i = 0; i < 3 && *p >= '0' && *p <= '9'; i++, p++, scale /= 10)
            q += (*p - '0') * scale;
    }
    if (q > 1000)
        return -1;
    *end = p;
    return q;
}

static int same_coding(const char *name, size_t n, const char *coding)
{
    if (n == strlen(coding) && strncasecmp(name, coding, n) == 0)
        return 1;
    return strcasecmp(coding, "gzip") == 0 && n == 6 && strncasecmp(name, "x-gzip", 6) == 0;
}

/* One element of a weighted list (Accept-Encoding, Accept-Language; RFC 9110 §12.4.2): a token,
 * optional whitespace, an optional ";q=" weight in thousandths (1000 when none), up to the next
 * comma or the end, where *p is left. 0 when the element is malformed. */
static int list_element(const char **pp, const char **name, size_t *n, int *q)
{
    const char *p = skip_ows(*pp);
    *name = p;
    while (*p && *p != ',' && *p != ';' && *p != ' ' && *p != '\t')
        p++;
    *n = (size_t)(p - *name);
    *q = 1000;
    p = skip_ows(p);
    if (*p == ';') {
        p = skip_ows(p + 1);
        if ((p[0] != 'q' && p[0] != 'Q') || p[1] != '=')
            return 0;
        if ((*q = qvalue(p + 2, &p)) < 0)
            return 0;
        p = skip_ows(p);
    }
    *pp = p;
    return !*p || *p == ',';
}

int http_accepts_coding(const char *value, const char *coding)
{
    if (!value)
        return 0;
    int named = -1, star = -1; /* the weights given, in thousandths; -1 none */
    const char *p = value;
    for (;;) {
        const char *name;
        size_t n;
        int q;
        if (!list_element(&p, &name, &n, &q))
            return 0;
        if (n == 1 && name[0] == '*')
            star = q;
        else if (n > 0 && same_coding(name, n, coding))
            named = q > named ? q : named;
        if (!*p)
            break;
        p++;
    }
    return named >= 0 ? named > 0 : star > 0;
}

/* A language range: 1*8ALPHA *("-" 1*8alphanum), or "*" (RFC 4647 §2.1); n its length. */
static int language_range(const char *p, size_t n)
{
    if (n == 1 && p[0] == '*')
        return 1;
    size_t run = 0;
    int first = 1; /* the primary subtag is letters only */
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        int digit = c >= '0' && c <= '9';
        if (c == '-') {
            if (run == 0)
                return 0;
            run = 0, first = 0;
        } else if (alpha || (digit && !first)) {
            if (++run > 8)
                return 0;
        } else {
            return 0;
        }
    }
    return n > 0 && run > 0;
}

#define MAX_OFFERED 8

int http_pick_language(const char *value, const char *const *offered)
{
    int weight[MAX_OFFERED], order[MAX_OFFERED], star = -1, star_order = 0, n_offered = 0;
    while (n_offered < MAX_OFFERED && offered[n_offered])
        n_offered++;
    for (int i = 0; i < n_offered; i++)
        weight[i] = -1, order[i] = 0;
    if (!value)
        return 0;
    const char *p = value;
    for (int pos = 1;; pos++) {
        const char *name;
        size_t n;
        int q;
        if (!list_element(&p, &name, &n, &q))
            return 0;
        if (n > 0 && !language_range(name, n))
            return 0;
        if (n == 1 && name[0] == '*') {
            if (star < 0)
                star = q, star_order = pos;
        } else if (n > 0) {
            size_t primary = 0;
            while (primary < n && name[primary] != '-')
                primary++;
            for (int i = 0; i < n_offered; i++)
                if (weight[i] < 0 && strlen(offered[i]) == primary && strncasecmp(name, offered[i], primary) == 0)
                    weight[i] = q, order[i] = pos; /* the first range naming a language sets it */
        }
        if (!*p)
            break;
        p++;
    }
    int best = -1, best_q = 0, best_order = 0;
    for (int i = 0; i < n_offered; i++) {
        int q = weight[i] >= 0 ? weight[i] : star, at = weight[i] >= 0 ? order[i] : star_order;
        if (q > best_q || (q == best_q && q > 0 && best >= 0 && at < best_order))
            best = i, best_q = q, best_order = at;
    }
    return best < 0 ? 0 : best;
}
