/* fuzz_decimal.c — libFuzzer harness for the decimal parser (decimal.h): any text either is
 * refused or gives a count that decimal_format writes back and decimal_parse reads again as
 * the same count; the first byte picks the scale. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "platform/decimal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int scale = data[0] % (DECIMAL_SCALE_MAX + 1);
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    int64_t v = -1;
    decimal_why why = decimal_parse(s, n, scale, &v);
    if (why != DECIMAL_OK)
        return 0;
    if (v < 0)
        abort(); /* never negative */
    char text[DECIMAL_TEXT_MAX], again[DECIMAL_TEXT_MAX];
    decimal_format(v, scale, text, sizeof text);
    int64_t back = -1;
    if (decimal_parse(text, strlen(text), scale, &back) != DECIMAL_OK || back != v)
        abort(); /* what is written reads back */
    decimal_format(back, scale, again, sizeof again);
    if (strcmp(text, again) != 0)
        abort();
    /* the JSON form reads back as the same count */
    json_t *j = decimal_json(v, scale);
    if (j && (decimal_from_json(j, scale, &back) != DECIMAL_OK || back != v))
        abort();
    json_decref(j);
    return 0;
}
