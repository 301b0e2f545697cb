/* words.h — the display words of the values of our enums (statuses, kinds, lanes, modes) that
 * messages quote (issue 16): "the request was already approved", never a raw code such as
 * "shipping_agent", and in Chinese "该申请已经已批准" becomes the catalogue's word for it.
 *
 * Each value has an English word (N_-marked in words.c, so po/zh_CN.po translates it); hg_fail
 * translates a %s argument that is a catalogued word (i18n.h), and i18n_zh_word looks a raw
 * value up here first. Not for: data (bill numbers, names), which is shown as it is. */
#ifndef HG_WORDS_H
#define HG_WORDS_H

/* The English display word of an enum value ("shipping_agent" -> "shipping agent",
 * "released" -> "released"), or value itself when the table has none. Static storage. */
const char *hg_word(const char *value);

/* The number of values in the table (for the tests). */
unsigned hg_word_count(void);

#endif
