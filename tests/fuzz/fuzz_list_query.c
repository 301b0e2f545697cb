/* fuzz_list_query.c — libFuzzer harness for the list parameters every list route reads
 * (src/platform/list_query.c: q, sort, page, limit, cursor) and the LIKE pattern of a search
 * text (record_search_pattern). The input is split at newlines into q, sort, page, limit and
 * cursor (a missing line: the parameter absent; a line "-" alone: absent too), each
 * NUL-terminated in its own heap buffer so ASan sees any overread; the first byte's low bit picks
 * a list or an export (no paging). It aborts when a refusal does not name its parameter and
 * rule, or an accepted query breaks what list routes count on: a sort among the allowed columns,
 * a limit of 1..200, whole pages, at most LIST_OFFSET_MAX rows skipped, no cursor with page or
 * sort, and a pattern that is the lower-cased text between % with no wildcard of its own.
 * Seeds: tests/fuzz/corpus/list_query/. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "platform/list_query.h"
#include "platform/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const sortable[] = {"entry_no", "filed_at", "status", NULL};

static void check_pattern(const char *text)
{
    char *p = record_search_pattern(text);
    if (!p)
        return;
    size_t n = strlen(p), t = strlen(text);
    if (n != t + 2 || p[0] != '%' || p[n - 1] != '%')
        abort();
    for (size_t i = 0; i < t; i++) {
        char c = p[i + 1];
        if (c == '%' || c == '_' ||
            c != ((text[i] == '%' || text[i] == '_') ? ' ' : (char)tolower((unsigned char)text[i])))
            abort();
    }
    xfree(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 4096)
        return 0;
    int paged = data[0] & 1;
    char *part[5] = {0};
    const uint8_t *p = data + 1, *end = data + size;
    for (int i = 0; i < 5 && p <= end; i++) {
        const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (memchr(p, 0, n) || (n == 1 && p[0] == '-')) {
            p += n + 1;
            continue; /* a query value has no NUL; "-": absent */
        }
        part[i] = malloc(n + 1);
        if (part[i]) {
            memcpy(part[i], p, n);
            part[i][n] = 0;
        }
        p += n + 1;
        if (!nl)
            break;
    }
    list_params lp = {.q = part[0], .sort = part[1], .page = part[2], .limit = part[3], .cursor = part[4]};
    record_query q = {0};
    hg_err err = {0};
    hg_rc rc = list_query_read(&lp, sortable, paged, &q, &err);
    if (rc) {
        if (!err.message[0] || !err.field[0])
            abort(); /* a refusal names the parameter and the rule */
    } else {
        int allowed = !q.sort;
        for (const char *const *s = sortable; *s && !allowed; s++)
            allowed = q.sort == *s;
        if (!allowed || (q.q && q.q != lp.q))
            abort();
        if (paged && (q.limit < 1 || q.limit > 200 || q.offset < 0 || q.offset > LIST_OFFSET_MAX ||
                      q.offset % q.limit || (q.cursor && (lp.page || lp.sort)) || (lp.page && !q.with_total)))
            abort();
        if (!paged && (q.offset || q.cursor || q.with_total))
            abort();
        if (q.q)
            check_pattern(q.q);
    }
    for (int i = 0; i < 5; i++)
        free(part[i]);
    return 0;
}
