/* i18n.c — the Chinese catalogue (generated from po/zh_CN.po by tools/po_table.py into
 * messages_zh.inc) and the formatting of a message from its translated format.
 *
 * Translating before formatting means walking the translated format ourselves: each printf
 * directive takes its argument from the va_list by its own type, so that a %s argument that is
 * itself a catalogued message ("uscc is not valid: %s" with a validator's reason) can be
 * translated too. The arguments are read from the va_list by the msgid's directives (as the
 * English formatting read them), then put where the translation's directives say: in the
 * msgid's order, or by number (gettext's %2$s, for a Chinese sentence that names its values in
 * another order). The generator (tools/po_table.py) guarantees that each directive takes its
 * argument's type, and refuses %n. */
#include "i18n.h"

#include <inttypes.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "utf8.h"
#include "words.h"

typedef struct i18n_entry {
    const char *msgid;
    const char *msgstr;
} i18n_entry;

/* i18n_table[]: every msgid of po/zh_CN.po with its translation, in the .po's order */
#include "messages_zh.inc"

#define I18N_N (sizeof i18n_table / sizeof i18n_table[0])

/* sorted by msgid at first use: a msgid's bytes depend on the platform's <inttypes.h> macros
 * (PRId64), so the generator cannot sort them */
static const i18n_entry *by_msgid[I18N_N];
static pthread_once_t sort_once = PTHREAD_ONCE_INIT;

static int cmp_entry(const void *a, const void *b)
{
    return strcmp((*(const i18n_entry *const *)a)->msgid, (*(const i18n_entry *const *)b)->msgid);
}

static void sort_table(void)
{
    for (size_t i = 0; i < I18N_N; i++)
        by_msgid[i] = &i18n_table[i];
    qsort(by_msgid, I18N_N, sizeof by_msgid[0], cmp_entry);
}

size_t i18n_count(void) { return I18N_N; }

const char *i18n_zh_format(const char *msgid)
{
    if (!msgid || !*msgid)
        return NULL;
    pthread_once(&sort_once, sort_table);
    size_t lo = 0, hi = I18N_N;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(msgid, by_msgid[mid]->msgid);
        if (c == 0)
            return by_msgid[mid]->msgstr;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* The messages this thread formatted last, English and Chinese: a message that quotes another
 * one's text ("copying %s: %s" with an inner error's message) finds its Chinese here. */
#define RECENT 4
static _Thread_local struct {
    char en[256];
    char zh[384];
} recent[RECENT];
static _Thread_local unsigned recent_next;

void i18n_remember(const char *en, const char *zh)
{
    if (!en || !*en || !*zh || strlen(en) >= sizeof recent[0].en || strlen(zh) >= sizeof recent[0].zh)
        return;
    unsigned i = recent_next++ % RECENT;
    memcpy(recent[i].en, en, strlen(en) + 1);
    memcpy(recent[i].zh, zh, strlen(zh) + 1);
}

const char *i18n_zh(const char *text)
{
    const char *t = i18n_zh_format(text);
    if (t || !text || !*text)
        return t;
    for (unsigned i = 0; i < RECENT; i++)
        if (strcmp(recent[i].en, text) == 0)
            return recent[i].zh;
    return NULL;
}

/* The field labels of the record tables (module.c), for a field's name quoted in a message. */
static const char *(*label_of)(const char *name);

void i18n_set_labels(const char *(*fn)(const char *name)) { label_of = fn; }

/* A field path ("items[2].hs_code") with each name that has a label replaced by it, into a
 * thread-local buffer; NULL when no name has one or s is not such a path. */
static const char *path_zh(const char *s)
{
    static _Thread_local char out[256];
    size_t len = 0;
    int any = 0;
    out[0] = '\0';
    for (const char *p = s; *p;) {
        const char *q = p;
        while ((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '_')
            q++;
        if (q > p) {
            char name[64];
            size_t nl = (size_t)(q - p);
            if (nl >= sizeof name)
                return NULL;
            memcpy(name, p, nl);
            name[nl] = '\0';
            const char *l = label_of ? label_of(name) : NULL;
            const char *w = l ? l : name;
            any |= l != NULL;
            size_t wl = strlen(w);
            if (len + wl >= sizeof out)
                return NULL;
            memcpy(out + len, w, wl + 1);
            len += wl;
            p = q;
            continue;
        }
        if (*p != '.' && *p != '[' && *p != ']')
            return NULL; /* not a field path: text of some other kind */
        if (len + 1 >= sizeof out)
            return NULL;
        out[len++] = *p++;
        out[len] = '\0';
    }
    return any ? out : NULL;
}

const char *i18n_zh_word(const char *s)
{
    const char *t = i18n_zh(s);
    if (t || !s || !*s)
        return t;
    const char *w = hg_word(s); /* a raw enum value: its word's Chinese */
    if (w != s && (t = i18n_zh_format(w)) != NULL)
        return t;
    return path_zh(s);
}

void i18n_trim_utf8(char *s)
{
    size_t len = strlen(s), i = 0;
    while (i < len) {
        size_t k = utf8_seq_len((const unsigned char *)s + i, len - i);
        if (k == 0)
            break;
        i += k;
    }
    s[i] = '\0';
}

/* Appends snprintf's output to out at *len, keeping *len within n - 1. */
static void put(char *out, size_t n, size_t *len, int wrote)
{
    if (wrote < 0)
        return;
    *len += (size_t)wrote;
    if (*len > n - 1)
        *len = n - 1;
    out[*len] = '\0';
}

/* One printf directive of a format: where it starts, its spec without any "N$" (for
 * snprintf), its argument number (0: the next one) and what it reads. */
typedef struct directive {
    char spec[32];
    size_t len; /* bytes of the format it spans */
    int pos;    /* %N$: N; else 0 */
    int stars;  /* '*' width and precision: ints read before the value */
    char conv;
    char lenmod[4];
} directive;

/* Reads the directive at p ('%', not "%%") into d; 0 when it is not one i18n.c formats (the
 * generator lets none such through: stop rather than misread). */
static int parse_directive(const char *p, directive *d)
{
    const char *q = p + 1;
    d->pos = 0;
    const char *digits = q;
    while (*q >= '0' && *q <= '9')
        q++;
    if (*q == '$' && q > digits) {
        d->pos = (int)strtol(digits, NULL, 10);
        q++;
    } else {
        q = digits;
    }
    const char *body = q;
    d->stars = 0;
    while (*q && strchr("-+ #0'", *q))
        q++;
    if (*q == '*')
        d->stars++, q++;
    while (*q >= '0' && *q <= '9')
        q++;
    if (*q == '.') {
        q++;
        if (*q == '*')
            d->stars++, q++;
        while (*q >= '0' && *q <= '9')
            q++;
    }
    const char *lm = q;
    while (*q && strchr("hljztLq", *q))
        q++;
    size_t lml = (size_t)(q - lm);
    size_t speclen = (size_t)(q - body) + 2; /* '%', the body, the conversion */
    if (!*q || lml >= sizeof d->lenmod || speclen + 1 > sizeof d->spec || !strchr("diouxXcspaAeEfFgG", *q) ||
        (d->pos && d->stars))
        return 0;
    memcpy(d->lenmod, lm, lml);
    d->lenmod[lml] = '\0';
    d->conv = *q;
    d->spec[0] = '%';
    memcpy(d->spec + 1, body, speclen - 1);
    d->spec[speclen] = '\0';
    d->len = (size_t)(q - p) + 1;
    return 1;
}

/* An argument as read from the va_list by the msgid's directive, and its type. */
typedef enum arg_kind {
    A_INT,
    A_LONG,
    A_LLONG,
    A_UINT,
    A_ULONG,
    A_ULLONG,
    A_SIZE,
    A_DOUBLE,
    A_LDOUBLE,
    A_PTR,
    A_STR
} arg_kind;
typedef struct arg {
    arg_kind kind;
    union {
        long long i;
        unsigned long long u;
        double d;
        long double ld;
        const void *p;
        const char *s;
    } v;
} arg;

static arg_kind kind_of(const directive *d)
{
    const char *lm = d->lenmod;
    int ll = strcmp(lm, "ll") == 0 || strcmp(lm, "q") == 0;
    switch (d->conv) {
    case 'd':
    case 'i':
        return ll                             ? A_LLONG
               : lm[0] == 'l'                 ? A_LONG
               : lm[0] == 'j'                 ? A_LLONG
               : lm[0] == 'z' || lm[0] == 't' ? A_SIZE
                                              : A_INT;
    case 'o':
    case 'u':
    case 'x':
    case 'X':
        return ll                             ? A_ULLONG
               : lm[0] == 'l'                 ? A_ULONG
               : lm[0] == 'j'                 ? A_ULLONG
               : lm[0] == 'z' || lm[0] == 't' ? A_SIZE
                                              : A_UINT;
    case 'c': return A_INT;
    case 'p': return A_PTR;
    case 's': return A_STR;
    default: return lm[0] == 'L' ? A_LDOUBLE : A_DOUBLE;
    }
}

static void read_arg(arg *a, arg_kind k, va_list *ap)
{
    a->kind = k;
    switch (k) {
    case A_INT: a->v.i = va_arg(*ap, int); break;
    case A_LONG: a->v.i = va_arg(*ap, long); break;
    case A_LLONG: a->v.i = va_arg(*ap, long long); break;
    case A_UINT: a->v.u = va_arg(*ap, unsigned); break;
    case A_ULONG: a->v.u = va_arg(*ap, unsigned long); break;
    case A_ULLONG: a->v.u = va_arg(*ap, unsigned long long); break;
    case A_SIZE: a->v.u = va_arg(*ap, size_t); break;
    case A_DOUBLE: a->v.d = va_arg(*ap, double); break;
    case A_LDOUBLE: a->v.ld = va_arg(*ap, long double); break;
    case A_PTR: a->v.p = va_arg(*ap, void *); break;
    case A_STR: a->v.s = va_arg(*ap, const char *); break;
    }
}

#define MAX_ARGS 16

/* The arguments fmt (the msgid, as the code passed it) reads, in order, into args; their count,
 * or -1 when fmt has a directive i18n.c does not format. */
static int read_args(const char *fmt, va_list ap, arg *args)
{
    int n = 0;
    va_list aq;
    va_copy(aq, ap);
    for (const char *p = strchr(fmt, '%'); p; p = strchr(p, '%')) {
        if (p[1] == '%') {
            p += 2;
            continue;
        }
        directive d;
        if (!parse_directive(p, &d) || d.pos || n + d.stars + 1 > MAX_ARGS) {
            n = -1;
            break;
        }
        for (int i = 0; i < d.stars; i++)
            read_arg(&args[n++], A_INT, &aq);
        read_arg(&args[n++], kind_of(&d), &aq);
        p += d.len;
    }
    va_end(aq);
    return n;
}

/* Formats one directive spec with its value (and star ints) into out. */
static void emit(char *out, size_t n, size_t *len, const directive *d, const int *w, const arg *a)
{
    char *at = out + *len;
    size_t left = n - *len;
    const char *spec = d->spec;
#define EMIT(v)                                                                                                        \
    put(out, n, len,                                                                                                   \
        d->stars == 2   ? snprintf(at, left, spec, w[0], w[1], v)                                                      \
        : d->stars == 1 ? snprintf(at, left, spec, w[0], v)                                                            \
                        : snprintf(at, left, spec, v))
    switch (a->kind) {
    case A_INT: EMIT((int)a->v.i); break;
    case A_LONG: EMIT((long)a->v.i); break;
    case A_LLONG:
        if (d->lenmod[0] == 'j')
            EMIT((intmax_t)a->v.i);
        else
            EMIT((long long)a->v.i);
        break;
    case A_UINT: EMIT((unsigned)a->v.u); break;
    case A_ULONG: EMIT((unsigned long)a->v.u); break;
    case A_ULLONG:
        if (d->lenmod[0] == 'j')
            EMIT((uintmax_t)a->v.u);
        else
            EMIT((unsigned long long)a->v.u);
        break;
    case A_SIZE:
        if (d->conv == 'd' || d->conv == 'i')
            EMIT((ssize_t)a->v.u);
        else
            EMIT((size_t)a->v.u);
        break;
    case A_DOUBLE: EMIT(a->v.d); break;
    case A_LDOUBLE: EMIT(a->v.ld); break;
    case A_PTR: EMIT(a->v.p); break;
    case A_STR: {
        const char *s = a->v.s;
        const char *zh = s ? i18n_zh_word(s) : NULL;
        EMIT(zh ? zh : s ? s : "(null)");
        break;
    }
    }
#undef EMIT
}

/* Formats the translated format t with the arguments fmt (its msgid) read from ap into out.
 * t's directives are fmt's, either in fmt's order or numbered (%2$s: gettext's positional
 * form, for a sentence that reads better with its arguments reordered); the generator checks
 * that each takes the type fmt gave its argument. */
static void format_walk(char *out, size_t n, const char *t, const char *fmt, va_list ap)
{
    arg args[MAX_ARGS];
    int nargs = read_args(fmt, ap, args);
    size_t len = 0;
    int next = 0;
    out[0] = '\0';
    if (nargs < 0)
        return;
    for (const char *p = t; *p && len < n - 1;) {
        const char *pct = strchr(p, '%');
        size_t lit = pct ? (size_t)(pct - p) : strlen(p);
        if (lit) {
            size_t room = n - 1 - len;
            memcpy(out + len, p, lit < room ? lit : room);
            len += lit < room ? lit : room;
            out[len] = '\0';
            p += lit;
            continue;
        }
        if (p[1] == '%') {
            put(out, n, &len, snprintf(out + len, n - len, "%%"));
            p += 2;
            continue;
        }
        directive d;
        if (!parse_directive(p, &d))
            break;
        int w[2] = {0, 0}, i = d.pos - 1, bad = 0;
        if (!d.pos) {
            for (int k = 0; k < d.stars; k++, next++)
                if (next < nargs && args[next].kind == A_INT)
                    w[k] = (int)args[next].v.i;
                else
                    bad = 1;
            i = next;
        }
        if (bad || i < 0 || i >= nargs || args[i].kind != kind_of(&d))
            break; /* not the msgid's argument: the generator refuses such a translation */
        emit(out, n, &len, &d, w, &args[i]);
        if (!d.pos)
            next = i + 1;
        p += d.len;
    }
    i18n_trim_utf8(out);
}

void i18n_format_zh(char *out, size_t n, const char *fmt, va_list ap, const char *english)
{
    if (!out || n == 0)
        return;
    out[0] = '\0';
    if (fmt && strcmp(fmt, "%s") == 0) {
        va_list aq;
        va_copy(aq, ap);
        const char *s = va_arg(aq, const char *);
        va_end(aq);
        const char *zh = s ? i18n_zh(s) : NULL;
        if (zh) {
            snprintf(out, n, "%s", zh);
            i18n_trim_utf8(out);
        }
        return;
    }
    const char *t = i18n_zh_format(fmt);
    if (!t)
        return;
    format_walk(out, n, t, fmt, ap);
    i18n_remember(english, out);
}
