/* fuzz_services.c — libFuzzer harness for the parsers of enterprise services (src/services/):
 * the first input byte picks what the rest is fed to, NUL-terminated in its own heap buffer so
 * ASan sees any overread:
 *   0: hs_elements_check against the frozen-cod line (the declaration element string), whose
 *      findings must stay within their room and name the field given;
 *   1: hs_search (a query in any bytes, Chinese, English or digits), whose hits must be ranked
 *      and point inside the tables;
 *   2: liaison_sla_parse, which accepts only rising positive minutes.
 * Seeds: tests/fuzz/corpus/services/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "services/services.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len;
    char *s = fuzz_rest(data, size, &len);
    if (!s)
        return 0;
    switch (data[0] % 3) {
    case 0: {
        nav_finding f[4];
        size_t n = hs_elements_check(hs_line_find("0303630000"), s, "items[0].elements", f, 4);
        if (n > 4)
            abort();
        for (size_t i = 0; i < n; i++)
            if (strcmp(f[i].field, "items[0].elements") != 0)
                abort();
        break;
    }
    case 1: {
        hs_hit hits[10];
        size_t n = hs_search(s, hits, 10);
        for (size_t i = 0; i < n; i++)
            if (hits[i].index < 0 || (i && hits[i - 1].score < hits[i].score))
                abort();
        break;
    }
    default: {
        liaison_sla v;
        if (liaison_sla_parse(s, &v) == 0 &&
            (v.known_min <= 0 || v.studied_min < v.known_min || v.solved_min < v.studied_min))
            abort();
        break;
    }
    }
    free(s);
    return 0;
}
