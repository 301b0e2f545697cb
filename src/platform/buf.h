/* buf.h — the one growable byte buffer, always with a maximum size (curl's dynbuf).
 *
 * A buffer that would grow past its maximum fails with HG_TOOBIG and keeps what it had;
 * an allocation failure gives HG_NOMEM. The content is always NUL-terminated. */
#ifndef HG_BUF_H
#define HG_BUF_H

#include <stddef.h>

#include "rc.h"

typedef struct buf {
    char *data;   /* owned; NULL until the first append */
    size_t len;
    size_t cap;
    size_t max;   /* hard limit on len */
} buf;

void buf_init(buf *b, size_t max);
void buf_free(buf *b);
void buf_reset(buf *b);   /* len = 0, keeps memory */
hg_rc buf_append(buf *b, const void *p, size_t n);
hg_rc buf_puts(buf *b, const char *s);
hg_rc buf_appendf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s with control characters, quotes and backslashes escaped (for log lines). */
hg_rc buf_put_escaped(buf *b, const char *s);
/* Returns the content ("" when empty); valid until the next change. */
const char *buf_str(const buf *b);
/* Gives up ownership of the content (NUL-terminated, xfree it); the buffer is empty after. */
char *buf_take(buf *b);

/* Appends the whole file at path (at most the buffer's maximum). HG_IO naming the file when it
 * cannot be opened or read, HG_TOOBIG when it is larger than the buffer allows. */
hg_rc buf_read_file(buf *b, const char *path, hg_err *err);

/* Lower-case hex of n bytes into out (2n+1 bytes). */
void hex_encode(const unsigned char *p, size_t n, char *out);

#endif
