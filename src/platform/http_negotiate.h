/* http_negotiate.h — content negotiation over request header fields (RFC 9110 §12): which
 * content codings a client accepts, and which of our languages it prefers. Pure functions
 * over the field's text. */
#ifndef HG_HTTP_NEGOTIATE_H
#define HG_HTTP_NEGOTIATE_H

/* 1 when an Accept-Encoding field value (NULL: the field is absent) accepts the content
 * coding `coding` ("gzip"): listed by name (x-gzip counts as gzip, RFC 9110 §8.4.1.3) or
 * through "*" with a weight above zero, names compared without case (§12.5.3). A coding listed
 * with q=0 is refused even when "*" is accepted; an absent field or one that does not parse
 * accepts nothing but identity, so the answer is then never compressed. */
int http_accepts_coding(const char *accept_encoding, const char *coding);

/* The index in offered (a NULL-terminated list of primary language tags, "zh", "en"; the first
 * is the default) of the language an Accept-Language field value (RFC 9110 §12.5.4) prefers.
 * A range counts for a language by its primary subtag ("zh-CN", "zh-Hans-CN" and "zh" all name
 * "zh"), without case; "*" gives its weight to every language not named; a language named
 * with q=0 is refused even through "*". The highest weight above zero wins, the earlier range
 * on a tie. An absent field, one that does not parse, or one that accepts none of offered
 * gives the default (0): an answer in some language is better than 406. */
int http_pick_language(const char *accept_language, const char *const *offered);

#endif
