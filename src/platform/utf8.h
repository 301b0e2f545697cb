/* utf8.h — strict UTF-8 (RFC 3629), the one copy of the rule jansson applies: no overlong
 * forms, no surrogates (U+D800–U+DFFF), nothing past U+10FFFF, no sequence cut short.
 * Used wherever text must survive a JSON round trip unchanged (the audit chain, canonical
 * JSON, the fast body reader) or must be refused before it reaches a handler (query
 * parameters). Not for: normalisation, case folding or counting display width. */
#ifndef HG_UTF8_H
#define HG_UTF8_H

#include <stddef.h>

/* The length (1 to 4) of the UTF-8 sequence at s, reading at most n bytes (n >= 1); 0 when
 * the bytes there are not strict UTF-8. */
size_t utf8_seq_len(const unsigned char *s, size_t n);

/* 1 when the NUL-terminated s is strict UTF-8 throughout, else 0. */
int utf8_valid(const char *s);

/* 1 when s is strict UTF-8 without control characters (U+0000–U+001F, U+007F): the text a
 * query parameter or a one-line field may hold. */
int utf8_text_ok(const char *s);

#endif
