/* json_fast.h — a quick parser for plain JSON request bodies (json_fast.c): the value jansson's
 * json_loadb(text, n, JSON_REJECT_DUPLICATES) would give, or NULL whenever the text is anything
 * but a plain object (errors, reals, duplicate keys, \u0000...), which jansson then parses. */
#ifndef HG_JSON_FAST_H
#define HG_JSON_FAST_H

#include <jansson.h>
#include <stddef.h>

json_t *json_fast_loadb(const char *text, size_t n);

#endif
