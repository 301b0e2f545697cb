/* fuzz_csv.c — libFuzzer harness for the CSV reader used by imports. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "platform/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    csv_reader r;
    csv_init(&r, (const char *)data, size);
    int got;
    long records = 0;
    while ((got = csv_next(&r)) != 0) {
        if (got > 0) {
            if (r.nfields < 1 || r.nfields > CSV_MAX_FIELDS)
                abort();
            for (int i = 0; i < r.nfields; i++)
                if (strlen(r.field[i]) > size)
                    abort();   /* a field cannot be longer than the input */
        }
        if (++records > (long)size + 1)
            abort();   /* every call consumes input */
    }
    csv_free(&r);
    return 0;
}
