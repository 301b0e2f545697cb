/* utf8.c — strict UTF-8 validation (utf8.h). Pure: no allocation, no state. */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

size_t utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    /* 0xC0 and 0xC1 only start overlong forms; past 0xF4 only code points beyond U+10FFFF */
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, cp = c & 0x07;
    else
        return 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

/* Walks s; with no_controls, control characters also fail it. */
static int scan(const char *str, int no_controls)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = strlen(str);
    while (n) {
        if (no_controls && (*s < 0x20 || *s == 0x7F))
            return 0;
        size_t len = utf8_seq_len(s, n);
        if (!len)
            return 0;
        s += len;
        n -= len;
    }
    return 1;
}

int utf8_valid(const char *s) { return scan(s, 0); }

int utf8_text_ok(const char *s) { return scan(s, 1); }
