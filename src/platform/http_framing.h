/* http_framing.h — the request-framing rules of RFC 9112 that libmicrohttpd 0.9.75 does not
 * enforce itself, decided over the header fields it parsed. A request that breaks one is
 * answered 400 and its connection closed: two parties that frame a message differently
 * (a proxy and this server) are how requests are smuggled (RFC 9112 §6.3, §11.2). */
#ifndef HG_HTTP_FRAMING_H
#define HG_HTTP_FRAMING_H

#include <stddef.h>

/* One header field as received: name and value with their lengths (a value may hold bytes
 * a C string would hide). */
typedef struct header_field {
    const char *name;
    size_t name_len;
    const char *value;
    size_t value_len;
} header_field;

/* NULL when the fields frame a request unambiguously; otherwise the rule broken, one English
 * sentence naming the field (static storage). Pure. */
const char *framing_violation(const header_field *fields, size_t n);

#endif
