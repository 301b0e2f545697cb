/* http_negotiate.c — Accept-Encoding (RFC 9110 §12.5.3), for the console's files compressed
 * at build time (assets.c). A value that does not parse is taken as accepting nothing but
 * identity: sending uncompressed bytes is always safe, guessing is not. */
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

int http_accepts_coding(const char *value, const char *coding)
{
    if (!value)
        return 0;
    int named = -1, star = -1; /* the weights given, in thousandths; -1 none */
    const char *p = value;
    for (;;) {
        p = skip_ows(p);
        const char *name = p;
        while (*p && *p != ',' && *p != ';' && *p != ' ' && *p != '\t')
            p++;
        size_t n = (size_t)(p - name);
        int q = 1000;
        p = skip_ows(p);
        if (*p == ';') {
            p = skip_ows(p + 1);
            if ((p[0] != 'q' && p[0] != 'Q') || p[1] != '=')
                return 0;
            if ((q = qvalue(p + 2, &p)) < 0)
                return 0;
            p = skip_ows(p);
        }
        if (*p && *p != ',')
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
