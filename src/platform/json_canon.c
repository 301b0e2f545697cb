/* json_canon.c — the canonical text of a JSON value (compact, object keys sorted), byte for
 * byte what jansson's json_dump with JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY gives,
 * written several times faster: every filing writes its declaration into the audit chain and
 * answers it, and jansson spends some 75 instructions a byte doing so. Reals, rare in our
 * records, are left to jansson itself so that their formatting cannot differ; the unit tests
 * compare the two on every code point and on nested values. */
#include "json_canon.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "utf8.h"

/* Most pieces are a few bytes into a buffer that already has room. */
static inline hg_rc put(buf *out, const char *p, size_t n)
{
    if (out->len + n < out->cap) {
        memcpy(out->data + out->len, p, n);
        out->len += n;
        out->data[out->len] = '\0';
        return HG_OK;
    }
    return buf_append(out, p, n);
}

static hg_rc put_string(buf *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p = (const unsigned char *)s, *end = p + n, *run = p;
    hg_rc rc = put(out, "\"", 1);
    while (!rc && p < end) {
        unsigned c = *p;
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            p++;
            continue;
        }
        if (c >= 0x80) {
            size_t len = utf8_seq_len(p, (size_t)(end - p));
            if (!len)
                return HG_INVALID;
            p += len;
            continue;
        }
        /* a character to escape: write the run before it, then its escape */
        rc = put(out, (const char *)run, (size_t)(p - run));
        char esc[8];
        size_t k = 2;
        esc[0] = '\\';
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            k = 6;
        }
        if (!rc)
            rc = put(out, esc, k);
        run = ++p;
    }
    if (!rc)
        rc = put(out, (const char *)run, (size_t)(p - run));
    return rc ? rc : put(out, "\"", 1);
}

typedef struct member {
    const char *key;
    const json_t *value;
} member;

static int by_key(const void *a, const void *b) { return strcmp(((const member *)a)->key, ((const member *)b)->key); }

/* The holes of a template being written (json_canon_template), or none; short_reals: reals in
 * their shortest text (json_canon_reply) instead of jansson's. */
typedef struct holes {
    const json_t *const *v;
    int n;
    int short_reals;
} holes;

#define HOLE_MARK '\001'

static hg_rc put_value(buf *out, const json_t *v, int depth, const holes *h);

static hg_rc put_object(buf *out, const json_t *v, int depth, const holes *h)
{
    size_t n = json_object_size(v), i = 0;
    if (n == 0)
        return put(out, "{}", 2);
    member small[48], *m = n <= 48 ? small : xmalloc(n * sizeof *m);
    if (!m)
        return HG_NOMEM;
    const char *key;
    json_t *value;
    json_object_foreach((json_t *)v, key, value) m[i++] = (member){key, value};
    if (m != small) {
        qsort(m, n, sizeof *m, by_key);
    } else {   /* records have a few dozen members: insertion sort, no calls through qsort */
        for (i = 1; i < n; i++) {
            member x = m[i];
            size_t k = i;
            for (; k > 0 && strcmp(m[k - 1].key, x.key) > 0; k--)
                m[k] = m[k - 1];
            m[k] = x;
        }
    }
    hg_rc rc = put(out, "{", 1);
    for (i = 0; i < n && !rc; i++) {
        if (i)
            rc = put(out, ",", 1);
        if (!rc)
            rc = put_string(out, m[i].key, strlen(m[i].key));
        if (!rc)
            rc = put(out, ":", 1);
        if (!rc)
            rc = put_value(out, m[i].value, depth + 1, h);
    }
    if (m != small)
        xfree(m);
    return rc ? rc : put(out, "}", 1);
}

static hg_rc put_value(buf *out, const json_t *v, int depth, const holes *h)
{
    char num[32];
    if (depth > 2048)   /* jansson's own limit */
        return HG_INVALID;
    for (int i = 0; h && i < h->n; i++)
        if (v == h->v[i]) {
            char mark[2] = {HOLE_MARK, (char)('A' + i)};
            return put(out, mark, 2);
        }
    switch (json_typeof(v)) {
    case JSON_OBJECT: return put_object(out, v, depth, h);
    case JSON_ARRAY: {
        hg_rc rc = put(out, "[", 1);
        for (size_t i = 0; i < json_array_size(v) && !rc; i++) {
            if (i)
                rc = put(out, ",", 1);
            if (!rc)
                rc = put_value(out, json_array_get(v, i), depth + 1, h);
        }
        return rc ? rc : put(out, "]", 1);
    }
    case JSON_STRING: return put_string(out, json_string_value(v), json_string_length(v));
    case JSON_INTEGER: {   /* decimal digits, as %lld writes them, without printf's machinery */
        json_int_t x = json_integer_value(v);
        unsigned long long u = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
        char *p = num + sizeof num;
        do
            *--p = (char)('0' + u % 10);
        while ((u /= 10) != 0);
        if (x < 0)
            *--p = '-';
        return put(out, p, (size_t)(num + sizeof num - p));
    }
    case JSON_TRUE: return put(out, "true", 4);
    case JSON_FALSE: return put(out, "false", 5);
    case JSON_NULL: return put(out, "null", 4);
    default: {   /* a real: jansson's own formatting, or in a reply the shortest text of up to
                  * 15 significant digits that reads back as it (a quantity 3.12345, not jansson's
                  * 3.1234500000000001) */
        if (h && h->short_reals) {
            snprintf(num, sizeof num, "%.15g", json_real_value(v));
            if (strtod(num, NULL) == json_real_value(v)) {
                size_t n = strlen(num);
                if (!strpbrk(num, ".eEn"))   /* still a real: 2.0, not 2 (as jansson writes it) */
                    memcpy(num + n, ".0", 3), n += 2;
                return put(out, num, n);
            }
        }
        char *text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
        if (!text)
            return HG_NOMEM;
        hg_rc rc = put(out, text, strlen(text));
        xfree(text);   /* jansson allocates with xmalloc (mem_init) */
        return rc;
    }
    }
}

/* On failure, leaves nothing half written: out back to its first mark bytes. */
static hg_rc undo_on_failure(hg_rc rc, buf *out, size_t mark)
{
    if (rc) {
        out->len = mark;
        if (out->data)
            out->data[mark] = '\0';
    }
    return rc;
}

hg_rc json_canon_append(const json_t *v, buf *out)
{
    size_t mark = out->len;
    hg_rc rc = v ? put_value(out, v, 0, NULL) : HG_INVALID;
    return undo_on_failure(rc, out, mark);
}

hg_rc json_canon_reply(const json_t *v, buf *out)
{
    holes h = {NULL, 0, 1};
    size_t mark = out->len;
    hg_rc rc = v ? put_value(out, v, 0, &h) : HG_INVALID;
    return undo_on_failure(rc, out, mark);
}

hg_rc json_canon_template(const json_t *v, const json_t *const *hole_values, int n, buf *out)
{
    if (n < 0 || n > 26)
        return HG_INVALID;
    for (int i = 0; i < n; i++)   /* shared by all the members that have them: not a place */
        if (!hole_values[i] || json_is_true(hole_values[i]) || json_is_false(hole_values[i]) ||
            json_is_null(hole_values[i]))
            return HG_INVALID;
    holes h = {hole_values, n, 0};
    size_t mark = out->len;
    hg_rc rc = v ? put_value(out, v, 0, &h) : HG_INVALID;
    return undo_on_failure(rc, out, mark);
}

hg_rc json_canon_fill(const char *tmpl, const json_t *const *values, int n, buf *out)
{
    size_t mark = out->len;
    hg_rc rc = HG_OK;
    for (const char *p = tmpl, *hole; !rc && *p; p = hole + 2) {
        hole = strchr(p, HOLE_MARK);
        if (!hole)
            hole = p + strlen(p);
        rc = put(out, p, (size_t)(hole - p));
        if (!rc && *hole) {
            int i = hole[1] - 'A';
            rc = i >= 0 && i < n && values[i] ? put_value(out, values[i], 1, NULL) : HG_INVALID;
        }
        if (!*hole)
            break;
    }
    return undo_on_failure(rc, out, mark);
}

char *json_canon_text(const json_t *v)
{
    buf b;
    buf_init(&b, 64u << 20);
    char *text = json_canon_append(v, &b) == HG_OK ? buf_take(&b) : NULL;
    buf_free(&b);
    return text;
}

char *json_canon_reply_text(const json_t *v)
{
    buf b;
    buf_init(&b, 64u << 20);
    char *text = json_canon_reply(v, &b) == HG_OK ? buf_take(&b) : NULL;
    buf_free(&b);
    return text;
}
