/* cbor.h — a minimal CBOR (RFC 8949) reader over bytes and writer into a buf: definite lengths
 * only, no floats, which is all COSE_Sign1 and the QR claims use (cose_qr.h). A reader never
 * reads past its end; every reader function returns 0 on success and -1 on malformed or
 * unsupported input. Pure. */
#ifndef HG_CBOR_H
#define HG_CBOR_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "rc.h"

typedef struct cbor_reader {
    const unsigned char *p, *end;
    int depth; /* nesting of cbor_skip, bounded */
} cbor_reader;
enum { CBOR_UINT = 0, CBOR_NINT = 1, CBOR_BSTR = 2, CBOR_TSTR = 3, CBOR_ARRAY = 4, CBOR_MAP = 5, CBOR_TAG = 6 };
/* The next item's head: major type and argument (a length, a count, a value or a tag). */
int cbor_head(cbor_reader *r, int *major, uint64_t *arg);
/* The next item as an integer (major 0 or 1) into *v. */
int cbor_int(cbor_reader *r, int64_t *v);
/* The next item as a byte or text string (major `major`), borrowed from the input. */
int cbor_str(cbor_reader *r, int major, const unsigned char **p, size_t *n);
/* The next item as a text string copied into out, NUL-terminated: -1 also when it does not fit
 * in outlen - 1 bytes or holds a NUL. */
int cbor_text(cbor_reader *r, char *out, size_t outlen);
/* Skips one whole item (nested at most 16 deep). */
int cbor_skip(cbor_reader *r);
/* Writers: append to out (HG_NOMEM, HG_TOOBIG from buf). */
hg_rc cbor_put_head(buf *out, int major, uint64_t arg);
hg_rc cbor_put_int(buf *out, int64_t v);
hg_rc cbor_put_str(buf *out, int major, const void *p, size_t n);
/* A NUL-terminated text string. */
hg_rc cbor_put_tstr(buf *out, const char *s);

#endif
