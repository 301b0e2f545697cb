/* i18n.h — the API's messages in Chinese (issue 16): the catalogue po/zh_CN.po, compiled into
 * the binary at build time (tools/po_table.py), and the formatting of a message in Chinese.
 *
 * An error's message is written in English in the code (hg_fail's format, the msgid); hg_fail
 * formats it twice, in English (hg_err.message: the logs, the CLI) and, when the catalogue has
 * the format, in Chinese from the translated format (hg_err.message_zh), so arguments land in
 * the translated sentence. The HTTP layer picks one of the two for the client's language.
 * Not for: the console's own words (web/src/i18n.js), the CLI (English), or data that merely
 * holds text (a gate condition's reason, a navigation finding). */
#ifndef HG_I18N_H
#define HG_I18N_H

#include <stdarg.h>
#include <stddef.h>

/* Marks a literal as a message to translate where it is not hg_fail's format itself (a string
 * passed to hg_fail("%s", why) or inside a "...: %s" message); xgettext extracts it
 * (tools/po_check.sh), and hg_fail translates such an argument when it meets it. */
#define N_(s) s

/* The Chinese of a whole message (a msgid without arguments, or the text of a message this
 * thread has just formatted), or NULL when the catalogue has none. Static or thread-local
 * storage; valid until this thread's next hg_fail. */
const char *i18n_zh(const char *text);

/* The catalogue's translation of a msgid, exactly as written in the code (printf directives
 * untouched), or NULL. Static storage. */
const char *i18n_zh_format(const char *msgid);

/* Formats fmt's Chinese with ap into out (n bytes, truncated on a UTF-8 boundary): the
 * translated format, its directives in fmt's order or numbered (%2$s, gettext's positional
 * form), with each %s argument that is a catalogued message, an enum value or a field's name
 * replaced by its Chinese (i18n_zh_word). A fmt of exactly "%s" translates its argument as a whole. out is "" when fmt has no
 * translation (the English is then shown). english is the message formatted in English from the
 * same arguments: it is remembered with its Chinese, for a later message that quotes it. */
void i18n_format_zh(char *out, size_t n, const char *fmt, va_list ap, const char *english);

/* Remembers zh as the Chinese of the text en for this thread, as a message it formatted is
 * remembered: a later message quoting en with %s shows zh (i18n_zh). For a text composed of
 * words rather than formatted from one msgid (hg_word_list). Texts too long to keep are not. */
void i18n_remember(const char *en, const char *zh);

/* The Chinese of a %s argument: a catalogued message (i18n_zh), else a field's name or path
 * ("items[2].hs_code") with its record tables' labels (label_zh) in place of the names; NULL when
 * neither applies (the argument is data, shown as it is). */
const char *i18n_zh_word(const char *s);

/* Where i18n_zh_word finds a field's label: fn(name) gives the Chinese label of a field of that
 * name in any record table, or NULL. Set once at start-up (module.c), before any thread
 * formats a message. */
void i18n_set_labels(const char *(*fn)(const char *name));

/* Cuts s (NUL-terminated, at most n - 1 bytes kept) back to the end of its last whole UTF-8
 * sequence, so that a truncated message stays valid JSON text. */
void i18n_trim_utf8(char *s);

/* The number of messages in the catalogue (for the tests). */
size_t i18n_count(void);

#endif
