/* buf.c — bounded growable buffer and small string helpers. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"

void buf_init(buf *b, size_t max)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->max = max;
}

void buf_free(buf *b)
{
    xfree(b->data);
    buf_init(b, b->max);
}

void buf_reset(buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static hg_rc buf_grow(buf *b, size_t extra)
{
    if (extra > b->max || b->len > b->max - extra)
        return HG_TOOBIG;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return HG_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    if (cap > b->max + 1)
        cap = b->max + 1;
    char *p = xrealloc(b->data, cap);
    if (!p)
        return HG_NOMEM;
    b->data = p;
    b->cap = cap;
    return HG_OK;
}

hg_rc buf_append(buf *b, const void *p, size_t n)
{
    hg_rc rc = buf_grow(b, n);
    if (rc)
        return rc;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return HG_OK;
}

hg_rc buf_puts(buf *b, const char *s) { return buf_append(b, s, strlen(s)); }

hg_rc buf_appendf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return HG_INTERNAL;
    hg_rc rc = buf_grow(b, (size_t)n);
    if (rc)
        return rc;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return HG_OK;
}

/* Runs of plain bytes go in whole: every log line passes through here. */
hg_rc buf_put_escaped(buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *run = p;
    hg_rc rc = HG_OK;
    for (; *p && !rc; p++) {
        if (*p >= 0x20 && *p != 0x7f && *p != '"' && *p != '\\')
            continue;
        char esc[4] = {'\\', (char)*p};
        size_t n = 2;
        if (*p < 0x20 || *p == 0x7f) {
            esc[1] = 'x';
            esc[2] = hex[*p >> 4];
            esc[3] = hex[*p & 15];
            n = 4;
        }
        if (!(rc = buf_append(b, run, (size_t)(p - run))))
            rc = buf_append(b, esc, n);
        run = p + 1;
    }
    return rc ? rc : buf_append(b, run, (size_t)(p - run));
}

const char *buf_str(const buf *b) { return b->data ? b->data : ""; }

char *buf_take(buf *b)
{
    char *d = b->data ? b->data : xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}

hg_rc buf_read_file(buf *b, const char *path, hg_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return hg_fail(err, HG_IO, "io_error", "file", "cannot open %s", path);
    char chunk[65536];
    size_t n;
    hg_rc rc = HG_OK;
    while (!rc && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        rc = buf_append(b, chunk, n);
    if (!rc && ferror(f))
        rc = HG_IO;
    fclose(f);
    if (rc == HG_TOOBIG)
        /* TRANSLATORS: 1: path; 2: b->max >> 20 */
        return hg_fail(err, rc, "too_large", "file", "%s is larger than %zu MiB", path, b->max >> 20);
    if (rc)
        return hg_fail(err, rc, NULL, "file", "cannot read %s", path);
    return HG_OK;
}

void hex_encode(const unsigned char *p, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[p[i] >> 4];
        out[2 * i + 1] = digits[p[i] & 15];
    }
    out[2 * n] = '\0';
}
