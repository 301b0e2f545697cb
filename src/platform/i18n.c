/* i18n.c — the Chinese catalogue (generated from po/zh_CN.po by tools/po_table.py into
 * messages_zh.inc) and the formatting of a message from its translated format.
 *
 * Translating before formatting means walking the translated format ourselves: each printf
 * directive takes its argument from the va_list by its own type, so that a %s argument that is
 * itself a catalogued message ("uscc is not valid: %s" with a validator's reason) can be
 * translated too. The generator guarantees the translated format has the msgid's directives in
 * the msgid's order (no positional ones, no %n), so the arguments are read as the English
 * formatting read them. */
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

static void remember(const char *en, const char *zh)
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

/* Formats one directive spec (a NUL-terminated "%-08.3lld") with its argument from ap. */
static void one(char *out, size_t n, size_t *len, const char *spec, int stars, char conv, const char *lenmod,
                va_list *ap)
{
    int w[2] = {0, 0};
    for (int i = 0; i < stars; i++)
        w[i] = va_arg(*ap, int);
    char *at = out + *len;
    size_t left = n - *len;
#define EMIT(v)                                                                                                        \
    put(out, n, len,                                                                                                   \
        stars == 2   ? snprintf(at, left, spec, w[0], w[1], v)                                                         \
        : stars == 1 ? snprintf(at, left, spec, w[0], v)                                                               \
                     : snprintf(at, left, spec, v))
    int ll = strcmp(lenmod, "ll") == 0 || strcmp(lenmod, "q") == 0;
    switch (conv) {
    case 'd':
    case 'i':
        if (ll)
            EMIT(va_arg(*ap, long long));
        else if (lenmod[0] == 'l')
            EMIT(va_arg(*ap, long));
        else if (lenmod[0] == 'j')
            EMIT(va_arg(*ap, intmax_t));
        else if (lenmod[0] == 'z')
            EMIT(va_arg(*ap, ssize_t));
        else if (lenmod[0] == 't')
            EMIT(va_arg(*ap, ptrdiff_t));
        else
            EMIT(va_arg(*ap, int));
        break;
    case 'o':
    case 'u':
    case 'x':
    case 'X':
        if (ll)
            EMIT(va_arg(*ap, unsigned long long));
        else if (lenmod[0] == 'l')
            EMIT(va_arg(*ap, unsigned long));
        else if (lenmod[0] == 'j')
            EMIT(va_arg(*ap, uintmax_t));
        else if (lenmod[0] == 'z')
            EMIT(va_arg(*ap, size_t));
        else if (lenmod[0] == 't')
            EMIT(va_arg(*ap, ptrdiff_t));
        else
            EMIT(va_arg(*ap, unsigned));
        break;
    case 'c': EMIT(va_arg(*ap, int)); break;
    case 'p': EMIT(va_arg(*ap, void *)); break;
    case 's': {
        const char *s = va_arg(*ap, const char *);
        const char *zh = s ? i18n_zh(s) : NULL;
        EMIT(zh ? zh : s ? s : "(null)");
        break;
    }
    default: /* a e f g, upper and lower */
        if (lenmod[0] == 'L')
            EMIT(va_arg(*ap, long double));
        else
            EMIT(va_arg(*ap, double));
        break;
    }
#undef EMIT
}

/* Formats the translated format t (directives as in the msgid) with ap into out. */
static void format_walk(char *out, size_t n, const char *t, va_list ap)
{
    size_t len = 0;
    va_list aq;
    va_copy(aq, ap);
    out[0] = '\0';
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
        /* a directive: %[flags][width][.precision][length]conversion */
        char spec[32];
        size_t k = 0;
        int stars = 0;
        const char *q = p + 1;
        if (*q == '%') {
            put(out, n, &len, snprintf(out + len, n - len, "%%"));
            p = q + 1;
            continue;
        }
        while (*q && strchr("-+ #0'", *q))
            q++;
        if (*q == '*')
            stars++, q++;
        while (*q >= '0' && *q <= '9')
            q++;
        if (*q == '.') {
            q++;
            if (*q == '*')
                stars++, q++;
            while (*q >= '0' && *q <= '9')
                q++;
        }
        const char *lm = q;
        while (*q && strchr("hljztLq", *q))
            q++;
        char lenmod[4] = "";
        size_t lml = (size_t)(q - lm);
        if (!*q || lml >= sizeof lenmod || (size_t)(q - p) + 2 > sizeof spec || !strchr("diouxXcspaAeEfFgG", *q))
            break; /* not a directive the generator lets through: stop rather than misread */
        memcpy(lenmod, lm, lml);
        lenmod[lml] = '\0';
        k = (size_t)(q - p) + 1;
        memcpy(spec, p, k);
        spec[k] = '\0';
        one(out, n, &len, spec, stars, *q, lenmod, &aq);
        p = q + 1;
    }
    va_end(aq);
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
    format_walk(out, n, t, ap);
    remember(english, out);
}
