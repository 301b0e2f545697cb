/* check_util.h — the small helpers the validators share (not part of the public API in
 * check.h): one-line rejections, ASCII character classes, and a length that stops counting. */
#ifndef HG_CHECK_UTIL_H
#define HG_CHECK_UTIL_H

#include <stddef.h>

/* Sets *reason (when wanted) and returns 0, so that every rejection is one line. */
static inline int fail(const char **reason, const char *why)
{
    if (reason)
        *reason = why;
    return 0;
}

static inline int is_digit(char c) { return c >= '0' && c <= '9'; }
static inline int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static inline int is_lower(char c) { return c >= 'a' && c <= 'z'; }

/* Length of s, but stops counting at max + 1: callers only need to know "exactly n" and
 * must not walk an unbounded hostile string further than that. */
static inline size_t bounded_len(const char *s, size_t max)
{
    size_t n = 0;
    while (n <= max && s[n] != '\0')
        n++;
    return n;
}

#endif
