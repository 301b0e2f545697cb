/* iso_names.h — the names of countries (ISO 3166-1) and currencies (ISO 4217) in English and
 * Chinese, for the console's selects and for showing names instead of codes (issue 16). The
 * English names come from Debian's iso-codes JSON, the Chinese from its zh_CN translations
 * (gettext .mo catalogues), so that they arrive with system updates instead of living in our
 * source; a code whose translation is missing keeps its English name. */
#ifndef HG_ISO_NAMES_H
#define HG_ISO_NAMES_H

#include <stddef.h>
#include <stdint.h>

/* Calls fn for every translated message of a gettext .mo catalogue (msgid, msgstr, both
 * NUL-terminated; the header entry and plural forms are skipped) and returns 0; -1 when the
 * bytes are not a catalogue (magic, revision, tables and strings inside the buffer, each
 * string NUL-terminated where its length says). Pure: it reads only data[0..len). */
int mo_each(const uint8_t *data, size_t len, void (*fn)(void *cls, const char *msgid, const char *msgstr), void *cls);

/* The reference names as one JSON text, built once per process from the iso-codes files:
 * {"countries": [{"code", "en", "zh"}...], "currencies": [...]}, sorted by code; NULL when
 * the files cannot be read (the package is missing). Static storage. */
const char *iso_names_json(void);

#endif
