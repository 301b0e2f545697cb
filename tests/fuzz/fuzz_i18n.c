/* fuzz_i18n.c — libFuzzer harness for the language of the API's messages: the Accept-Language
 * parser (http_negotiate.c) and hg_fail's Chinese formatting (i18n.c) with text it did not
 * expect. The input is split at its first newline into an Accept-Language value and an
 * argument, each NUL-terminated in its own heap buffer so ASan sees any overread. It aborts
 * when the parser picks no offered language, or when a message formatted from valid UTF-8
 * arguments is not valid UTF-8 (a translation cut inside a character), or when a translated
 * message is not the catalogue's format with the argument in place. Seeds:
 * tests/fuzz/corpus/i18n/. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/http_negotiate.h"
#include "platform/i18n.h"
#include "platform/mem.h"
#include "platform/rc.h"
#include "platform/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *dup_n(const uint8_t *p, size_t n)
{
    char *s = xmalloc(n + 1);
    if (!s)
        abort();
    memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t hn = nl ? (size_t)(nl - data) : size;
    char *header = dup_n(data, hn);
    char *arg = nl ? dup_n(nl + 1, size - hn - 1) : dup_n((const uint8_t *)"", 0);
    static const char *const langs[] = {"zh", "en", NULL};
    int pick = http_pick_language(header, langs);
    if (pick < 0 || pick > 1)
        abort();
    int valid = utf8_valid(arg);
    /* what hg_fail will put in place of %s, taken before it runs: the thread's recent messages
     * change as it formats */
    char shown[400];
    const char *zh = i18n_zh_word(arg); /* a catalogued message, an enum value's word, a field's label */
    snprintf(shown, sizeof shown, "%s", zh ? zh : arg);
    hg_err e;
    hg_fail(&e, HG_INVALID, NULL, NULL, "card %s is not bound", arg);
    if (valid && (!utf8_valid(e.message) || !utf8_valid(e.message_zh)))
        abort();
    /* "IC 卡 %s 未绑定", the argument as it is unless it is a message, a word or a field name */
    if (valid && strlen(shown) < 200 && strncmp(e.message_zh, "IC 卡 ", 7) != 0)
        abort();
    if (valid && strlen(shown) < 200 && strncmp(e.message_zh + 7, shown, strlen(shown)) != 0)
        abort();
    hg_fail(&e, HG_INVALID, NULL, NULL, "%s", arg);
    if (valid && !utf8_valid(e.message_zh))
        abort();
    hg_fail(&e, HG_INVALID, NULL, NULL, "copying %s: %s", header, arg);
    if (valid && utf8_valid(header) && !utf8_valid(e.message_zh))
        abort();
    xfree(header);
    xfree(arg);
    return 0;
}
