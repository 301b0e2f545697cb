/* http_framing.c — the framing rules libmicrohttpd leaves to us (see http_framing.h).
 *
 * Checked here, each from RFC 9112:
 *   §6.3 (3): Content-Length together with Transfer-Encoding — the request is refused rather
 *             than read one way while a proxy read it the other;
 *   §6.3 (5): several Content-Length fields (even equal ones: we do not merge lists);
 *   §6.3:     a Content-Length that is not a plain decimal number;
 *   §5.1:     no whitespace between a field name and its colon, and a name is a token;
 *   §6.1:     Transfer-Encoding once, and only "chunked" (the one coding this server reads);
 *   §5.5:     no CR, LF or NUL inside a field value (a bare CR is how a line is split in two
 *             by one parser and not by another), nor other control characters but HTAB.
 * libmicrohttpd itself refuses HTTP/1.1 without Host when started strict (RFC 9112 §3.2). */
#include "http_framing.h"
#include "i18n.h"

#include <strings.h>

static int is_tchar(unsigned char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return 1;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-': case '.':
    case '^': case '_': case '`': case '|': case '~':
        return 1;
    default:
        return 0;
    }
}

static int name_is(const header_field *f, const char *name, size_t len)
{
    return f->name_len == len && strncasecmp(f->name, name, len) == 0;
}

static int all_digits(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

const char *framing_violation(const header_field *fields, size_t n)
{
    int lengths = 0, chunked = 0;
    for (size_t i = 0; i < n; i++) {
        const header_field *f = &fields[i];
        if (f->name_len == 0)
            return N_("a header field has an empty name");
        for (size_t j = 0; j < f->name_len; j++)
            if (!is_tchar((unsigned char)f->name[j]))
                return (f->name[j] == ' ' || f->name[j] == '\t')
                           ? N_("whitespace between a header field name and its colon is not allowed")
                           : N_("a header field name holds a character that is not allowed");
        for (size_t j = 0; j < f->value_len; j++) {
            unsigned char c = (unsigned char)f->value[j];
            if (c == '\r' || c == '\n' || c == '\0')
                return N_("a header field value holds CR, LF or NUL");
            if ((c < 0x20 && c != '\t') || c == 0x7f)
                return N_("a header field value holds a control character");
        }
        if (name_is(f, "Content-Length", 14)) {
            if (++lengths > 1)
                return N_("Content-Length is given more than once");
            if (!all_digits(f->value, f->value_len))
                return N_("Content-Length is not a decimal number");
        } else if (name_is(f, "Transfer-Encoding", 17)) {
            if (++chunked > 1)
                return N_("Transfer-Encoding is given more than once");
            if (f->value_len != 7 || strncasecmp(f->value, "chunked", 7) != 0)
                return N_("Transfer-Encoding other than chunked is not supported");
        }
    }
    if (lengths && chunked)
        return N_("Content-Length and Transfer-Encoding are both given");
    return NULL;
}
