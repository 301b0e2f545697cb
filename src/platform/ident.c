/* ident.c — identifier normalisation (ident.h): trim ASCII whitespace, upper-case ASCII. */
#include "ident.h"

#include <string.h>

#include "mem.h"

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* The start of s's trimmed part and its length. */
static const char *trimmed(const char *s, size_t *len)
{
    while (is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n && is_space(s[n - 1]))
        n--;
    *len = n;
    return s;
}

static void upper_into(const char *s, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 'a' + 'A') : s[i];
    out[n] = '\0';
}

int ident_normalize(const char *s, char *out, size_t cap)
{
    size_t n;
    s = trimmed(s, &n);
    if (n >= cap) {
        if (cap)
            out[0] = '\0';
        return -1;
    }
    upper_into(s, n, out);
    return 0;
}

char *ident_normalize_dup(const char *s)
{
    size_t n;
    s = trimmed(s, &n);
    char *d = xmalloc(n + 1);
    if (d)
        upper_into(s, n, d);
    return d;
}
