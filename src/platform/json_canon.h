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
/* The text of a reply: json_canon_append's, but with each real in its shortest text of up to 15
 * significant digits when that reads back as the same double (3.12345 rather than jansson's
 * 3.1234500000000001: decimal.h's quantities and weights). Not for the audit, whose canonical
 * text stays jansson's. */
hg_rc json_canon_reply(const json_t *v, buf *out);
/* The canonical text of v as a new string (xfree it); NULL when it cannot be written. */
char *json_canon_text(const json_t *v);
/* json_canon_reply's text as a new string (xfree it): what leaves the system to be read (an
 * event's data, a webhook's body); NULL when it cannot be written. */
char *json_canon_reply_text(const json_t *v);


/* Templates: the canonical text of a value some of whose members are still to be decided.
 * json_canon_template writes v with each of the n (at most 26) values holes[i], found by
 * address (so never jansson's shared true, false or null: HG_INVALID), replaced by a mark (a
 * raw control character, which canonical text never holds); json_canon_fill then writes the template with the marks replaced by the canonical texts of
 * values[i]. When v's other members are unchanged, the result is json_canon_append of v with
 * values[i] in the places of holes[i]: the writer decides a few members of a large record and
 * writes its canonical text without walking the record again. */
hg_rc json_canon_template(const json_t *v, const json_t *const *holes, int n, buf *out);
hg_rc json_canon_fill(const char *tmpl, const json_t *const *values, int n, buf *out);

#endif
