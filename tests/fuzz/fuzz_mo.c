/* fuzz_mo.c — libFuzzer harness for the gettext catalogue reader (iso_names.c), which reads
 * the system's iso-codes translations. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "platform/iso_names.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void each(void *cls, const char *msgid, const char *msgstr)
{
    size_t *n = cls, a = strlen(msgid), b = strlen(msgstr);
    if (a >= *n || b >= *n)
        abort(); /* a string cannot be longer than the input */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = size;
    (void)mo_each(data, size, each, &n);
    return 0;
}
