/* ident.h — the one rule by which the API normalises an identifier it receives (a USCC, a
 * bill or container number, an HS code, a country or currency code, a path's {id}):
 *
 *   1. ASCII whitespace (space, tab, CR, LF) at either end is removed;
 *   2. ASCII letters a–z become A–Z (every identifier kind we hold is case-insensitive and
 *      stored upper-case; nothing else is folded, so a plate's 沪 stays as it is);
 *   3. everything else is kept as given: an inner space or control character is left for the
 *      kind's validator (src/check/) or the record's text rule to refuse, never silently
 *      removed, so that the identifier looked up is the one that would have been stored.
 *
 * Not for: free text (names, descriptions), which is never folded, or validation itself. */
#ifndef HG_IDENT_H
#define HG_IDENT_H

#include <stddef.h>

/* Writes the normalised s into out (cap bytes, NUL-terminated). 0 on success, -1 when it does
 * not fit (out then holds "": a cut identifier must never be mistaken for another). */
int ident_normalize(const char *s, char *out, size_t cap);

/* The normalised s in a new string (xmalloc: the caller xfrees it); NULL when memory is short. */
char *ident_normalize_dup(const char *s);

#endif
