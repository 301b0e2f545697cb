/* http_negotiate.h — content negotiation over request header fields (RFC 9110 §12): which
 * content codings a client accepts. Pure functions over the field's text. */
#ifndef HG_HTTP_NEGOTIATE_H
#define HG_HTTP_NEGOTIATE_H

/* 1 when an Accept-Encoding field value (NULL: the field is absent) accepts the content
 * coding `coding` ("gzip"): listed by name (x-gzip counts as gzip, RFC 9110 §8.4.1.3) or
 * through "*" with a weight above zero, names compared without case (§12.5.3). A coding listed
 * with q=0 is refused even when "*" is accepted; an absent field or one that does not parse
 * accepts nothing but identity, so the answer is then never compressed. */
int http_accepts_coding(const char *accept_encoding, const char *coding);

#endif
