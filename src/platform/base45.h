/* base45.h — Base45 (RFC 9285): bytes as text in the QR alphanumeric alphabet. Pure. */
#ifndef HG_BASE45_H
#define HG_BASE45_H

#include <stddef.h>

#include "buf.h"
#include "rc.h"

/* Appends the Base45 text of the n bytes at p to out. */
hg_rc base45_encode(const unsigned char *p, size_t n, buf *out);
/* Appends the bytes the n characters of s stand for to out; HG_INVALID when s is not Base45. */
hg_rc base45_decode(const char *s, size_t n, buf *out);

#endif
