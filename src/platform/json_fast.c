/* json_fast.c — a quick parser for the request bodies clients usually send (json_fast.h).
 *
 * jansson's loader reads a byte at a time through a stream with look-back and gathers every
 * string into a growing buffer: parsing a filing's body was a quarter of a request's
 * instructions. This one walks the text once and builds the same jansson values, but it
 * accepts only the plain cases: an object at the top, strings, integers, true, false, null,
 * arrays and objects. Anything else — an error of any kind, a real number, a duplicate key,
 * -0, \u0000 — makes it give up (NULL), and the caller asks jansson, which gives the value or
 * the error exactly as before. The body fuzzer holds the two equal
 * on every input this parser accepts. */
#include "json_fast.h"

#include <string.h>

#include "json_canon.h"
#include "mem.h"
#include "utf8.h"

#define FAST_MAX_DEPTH 64   /* json_parse_body refuses more than 32 levels first */

typedef struct parser {
    const unsigned char *p, *end;
    buf scratch;   /* a string with escapes, unescaped */
} parser;

static json_t *value(parser *ps, int depth);

static void skip_space(parser *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
        ps->p++;
}

/* The four hex digits at p (p + 4 <= end), or -1. */
static long hex4(const unsigned char *p, const unsigned char *end)
{
    long v = 0;
    if (end - p < 4)
        return -1;
    for (int i = 0; i < 4; i++) {
        int c = p[i], d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* The \u escape at ps->p (a surrogate pair takes two), written to out as UTF-8; the bytes of
 * text it took, or 0 for what jansson refuses (a lone surrogate, \u0000, bad hex). */
static size_t unicode_escape(parser *ps, buf *out)
{
    long cp = hex4(ps->p + 2, ps->end);
    size_t used = 6;
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return 0;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        long lo = ps->end - ps->p >= 12 && ps->p[6] == '\\' && ps->p[7] == 'u' ? hex4(ps->p + 8, ps->end) : -1;
        if (lo < 0xDC00 || lo > 0xDFFF)
            return 0;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        used = 12;
    }
    if (cp <= 0)
        return 0;
    unsigned char u[4];
    size_t n;
    if (cp < 0x80)
        u[0] = (unsigned char)cp, n = 1;
    else if (cp < 0x800)
        u[0] = (unsigned char)(0xC0 | cp >> 6), u[1] = (unsigned char)(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000)
        u[0] = (unsigned char)(0xE0 | cp >> 12), u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)),
        u[2] = (unsigned char)(0x80 | (cp & 0x3F)), n = 3;
    else
        u[0] = (unsigned char)(0xF0 | cp >> 18), u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F)),
        u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (unsigned char)(0x80 | (cp & 0x3F)), n = 4;
    return buf_append(out, u, n) ? 0 : used;
}

/* The string at ps->p (its opening quote); *out and *len point at its text, in the input when
 * it has no escapes, else in ps->scratch. 0 when this parser leaves it to jansson. */
static int string_text(parser *ps, const char **out, size_t *len)
{
    const unsigned char *s = ++ps->p, *run = s;
    int escaped = 0;
    buf_reset(&ps->scratch);
    while (ps->p < ps->end) {
        unsigned c = *ps->p;
        if (c == '"') {
            if (escaped) {
                if (buf_append(&ps->scratch, run, (size_t)(ps->p - run)))
                    return 0;
                *out = buf_str(&ps->scratch);
                *len = ps->scratch.len;
            } else {
                *out = (const char *)s;
                *len = (size_t)(ps->p - s);
            }
            ps->p++;
            return 1;
        }
        if (c < 0x20)
            return 0;   /* a control character: jansson's error */
        if (c >= 0x80) {
            size_t n = utf8_seq_len(ps->p, (size_t)(ps->end - ps->p));
            if (!n)
                return 0;
            ps->p += n;
            continue;
        }
        if (c != '\\') {
            ps->p++;
            continue;
        }
        if (ps->p + 1 >= ps->end)
            return 0;
        escaped = 1;
        if (buf_append(&ps->scratch, run, (size_t)(ps->p - run)))
            return 0;
        if (ps->p[1] == 'u') {
            size_t used = unicode_escape(ps, &ps->scratch);
            if (!used)
                return 0;
            ps->p += used;
        } else {
            static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
            const char *k = strchr(from, ps->p[1]);
            if (!k || !*k || buf_append(&ps->scratch, &to[k - from], 1))
                return 0;   /* an invalid escape: jansson's error */
            ps->p += 2;
        }
        run = ps->p;
    }
    return 0;
}

/* An integer as JSON writes one: -?(0|[1-9][0-9]*), within 64 bits, not followed by a
 * fraction or an exponent (reals are jansson's), and not -0. */
static json_t *integer(parser *ps)
{
    int neg = *ps->p == '-';
    if (neg)
        ps->p++;
    const unsigned char *digits = ps->p;
    unsigned long long v = 0, limit = neg ? 9223372036854775808ULL : 9223372036854775807ULL;
    while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9') {
        unsigned d = (unsigned)(*ps->p - '0');
        if (v > (limit - d) / 10)
            return NULL;   /* too big: jansson's error */
        v = v * 10 + d;
        ps->p++;
    }
    size_t n = (size_t)(ps->p - digits);
    if (n == 0 || (n > 1 && digits[0] == '0') || (neg && v == 0))
        return NULL;
    if (ps->p < ps->end && (*ps->p == '.' || *ps->p == 'e' || *ps->p == 'E'))
        return NULL;
    return json_integer(neg ? (json_int_t)(0 - v) : (json_int_t)v);
}

static json_t *literal(parser *ps, const char *word, json_t *v)
{
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
        return NULL;
    ps->p += n;
    return v;
}

/* Takes c when it is next. */
static int takes(parser *ps, char c)
{
    if (ps->p < ps->end && *ps->p == (unsigned char)c) {
        ps->p++;
        return 1;
    }
    return 0;
}

/* Past an array's or object's opening bracket: 1 when close follows at once (taken). */
static int opens_empty(parser *ps, char close)
{
    ps->p++;
    skip_space(ps);
    return takes(ps, close);
}

/* After a member of an array or object: 1 when another follows (its comma taken), 0 when
 * close ends the container (taken), -1 for anything else. */
static int after_member(parser *ps, char close)
{
    skip_space(ps);
    if (takes(ps, close))
        return 0;
    if (!takes(ps, ','))
        return -1;
    skip_space(ps);
    return 1;
}

static json_t *array(parser *ps, int depth)
{
    json_t *a = json_array();
    if (opens_empty(ps, ']'))
        return a;
    int more = a ? 1 : -1;
    while (more > 0) {
        json_t *v = value(ps, depth + 1);
        more = v && json_array_append_new(a, v) == 0 ? after_member(ps, ']') : -1;   /* frees v if it fails */
    }
    if (more == 0)
        return a;
    json_decref(a);
    return NULL;
}

static json_t *object(parser *ps, int depth)
{
    json_t *o = json_object();
    if (opens_empty(ps, '}'))
        return o;
    int more = o ? 1 : -1;
    while (more > 0) {
        const char *key;
        size_t key_len;
        more = -1;
        if (ps->p >= ps->end || *ps->p != '"' || !string_text(ps, &key, &key_len))
            break;
        /* the key may sit in the scratch buffer, which the value's strings reuse */
        char small[64], *k = key_len < sizeof small ? small : xmalloc(key_len + 1);
        if (!k)
            break;
        memcpy(k, key, key_len);
        k[key_len] = '\0';
        skip_space(ps);
        json_t *v = NULL;
        if (takes(ps, ':')) {
            skip_space(ps);
            v = value(ps, depth + 1);
        }
        /* a repeated key is jansson's error (JSON_REJECT_DUPLICATES) */
        if (v && json_object_getn(o, k, key_len)) {
            json_decref(v);
            v = NULL;
        }
        int ok = v && json_object_setn_new_nocheck(o, k, key_len, v) == 0;   /* frees v if it fails */
        if (k != small)
            xfree(k);
        more = ok ? after_member(ps, '}') : -1;
    }
    if (more == 0)
        return o;
    json_decref(o);
    return NULL;
}

static json_t *value(parser *ps, int depth)
{
    if (depth > FAST_MAX_DEPTH || ps->p >= ps->end)
        return NULL;
    switch (*ps->p) {
    case '{': return object(ps, depth);
    case '[': return array(ps, depth);
    case '"': {
        const char *s;
        size_t n;
        return string_text(ps, &s, &n) ? json_stringn_nocheck(s, n) : NULL;
    }
    case 't': return literal(ps, "true", json_true());
    case 'f': return literal(ps, "false", json_false());
    case 'n': return literal(ps, "null", json_null());
    default: return *ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9') ? integer(ps) : NULL;
    }
}

json_t *json_fast_loadb(const char *text, size_t n)
{
    parser ps = {(const unsigned char *)text, (const unsigned char *)text + n, {0}};
    buf_init(&ps.scratch, n + 1);
    skip_space(&ps);
    json_t *v = ps.p < ps.end && *ps.p == '{' ? object(&ps, 1) : NULL;
    skip_space(&ps);
    if (v && ps.p != ps.end) {   /* something after the object: jansson's error */
        json_decref(v);
        v = NULL;
    }
    buf_free(&ps.scratch);
    return v;
}
