/* json_canon.h — the canonical text of a JSON value (json_canon.c): compact, keys sorted,
 * identical to jansson's json_dump(JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY). */
#ifndef HG_JSON_CANON_H
#define HG_JSON_CANON_H

#include <jansson.h>

#include "buf.h"
#include "rc.h"

/* Appends the canonical text of v to out. HG_INVALID for a string that is not UTF-8 (which
 * jansson would refuse too), HG_TOOBIG / HG_NOMEM from the buffer; on failure out is as it
 * was. */
hg_rc json_canon_append(const json_t *v, buf *out);
/* The canonical text of v as a new string (xfree it); NULL when it cannot be written. */
char *json_canon_text(const json_t *v);

#endif
