/* fuzz_input.c — the harnesses' reading of their input (fuzz_input.h). */
#include "fuzz_input.h"

#include <stdlib.h>
#include <string.h>

char *fuzz_rest(const uint8_t *data, size_t size, size_t *n)
{
    if (size < 1)
        return NULL;
    *n = size - 1;
    char *s = malloc(*n + 1);
    if (!s)
        return NULL;
    memcpy(s, data + 1, *n);
    s[*n] = 0;
    return s;
}
