/* words.h — the display words of the values of our enums (statuses, kinds, lanes, modes) that
 * messages quote (issue 16): "the request was already approved", never a raw code such as
 * "shipping_agent", and in Chinese "该申请已经已批准" becomes the catalogue's word for it.
 *
 * Each value has an English word (N_-marked in words.c, so po/zh_CN.po translates it); hg_fail
 * translates a %s argument that is a catalogued word (i18n.h), and i18n_zh_word looks a raw
 * value up here first. Not for: data (bill numbers, names), which is shown as it is. */
#ifndef HG_WORDS_H
#define HG_WORDS_H

#include <stddef.h>

/* The English display word of an enum value ("shipping_agent" -> "shipping agent",
 * "released" -> "released"), or value itself when the table has none. Static storage. */
const char *hg_word(const char *value);

/* The words of the comma-separated values ("sea,air,road") as one list, in English into out (n
 * bytes: "sea, air and road", "sea and air", "sea"), returned; its Chinese, the words'
 * translations joined by 、 ("水路运输、航空运输、公路运输"), is remembered for this thread
 * (i18n_remember), so that the hg_fail that quotes out with %s shows the list in Chinese. */
const char *hg_word_list(const char *values, char *out, size_t n);

/* The number of values in the table (for the tests). */
unsigned hg_word_count(void);

#endif
