/* csv.c — RFC 4180 record reader used by the import commands. */
#include "csv.h"

#include <string.h>

void csv_init(csv_reader *r, const char *data, size_t len)
{
    memset(r, 0, sizeof *r);
    r->p = data;
    r->end = data + len;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        r->p += 3;
    buf_init(&r->scratch, 1 << 20);
}

void csv_free(csv_reader *r) { buf_free(&r->scratch); }

static void skip_line(csv_reader *r)
{
    while (r->p < r->end && *r->p != '\n')
        r->p++;
    if (r->p < r->end)
        r->p++;
}

int csv_next(csv_reader *r)
{
    if (r->p >= r->end)
        return 0;
    r->line++;
    buf_reset(&r->scratch);
    size_t starts[CSV_MAX_FIELDS];
    int n = 0;
    for (;;) {
        if (n == CSV_MAX_FIELDS)
            goto bad;
        starts[n++] = r->scratch.len;
        if (r->p < r->end && *r->p == '"') {
            r->p++;
            for (;;) {
                if (r->p >= r->end)
                    goto bad;   /* unterminated quote */
                if (*r->p == '"') {
                    if (r->p + 1 < r->end && r->p[1] == '"') {
                        if (buf_append(&r->scratch, "\"", 1))
                            goto bad;
                        r->p += 2;
                        continue;
                    }
                    r->p++;
                    break;
                }
                if (*r->p == '\n')
                    r->line++;   /* a quoted field may span lines */
                if (buf_append(&r->scratch, r->p++, 1))
                    goto bad;
            }
            if (r->p < r->end && *r->p != ',' && *r->p != '\n' && !(*r->p == '\r'))
                goto bad;
        } else {
            const char *s = r->p;
            while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
                r->p++;
            if (memchr(s, '"', (size_t)(r->p - s)))
                goto bad;
            if (buf_append(&r->scratch, s, (size_t)(r->p - s)))
                goto bad;
        }
        if (buf_append(&r->scratch, "", 1))   /* the NUL separator */
            goto bad;
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == '\r')
            r->p++;
        if (r->p < r->end && *r->p == '\n')
            r->p++;
        break;
    }
    for (int i = 0; i < n; i++)
        r->field[i] = r->scratch.data + starts[i];
    r->nfields = n;
    return 1;
bad:
    skip_line(r);
    r->nfields = 0;
    return -1;
}
