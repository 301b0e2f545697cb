/* fuzz_tax.c — libFuzzer harness for the lines of the rate files the district loads
 * (src/tax/tax_lines.c): the first input byte picks the parser, the rest is split on commas
 * into at most eight fields, each NUL-terminated in its own heap buffer so ASan sees any
 * overread:
 *   even: tax_exchange_line_parse (currency,month,rate,per,fixed_on), which either refuses
 *         saying why or gives a known currency, a YYYY-MM month and a positive rate per unit;
 *   odd:  tax_dated_rate_line_parse (hs_prefix,valid_from,valid_to,duty,vat,consumption),
 *         which either refuses saying why or gives a prefix of even length and an ordered period.
 * Seeds: tests/fuzz/corpus/tax/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tax/tax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_FIELDS 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char *field[MAX_FIELDS] = {0};
    int n = 0;
    size_t start = 1;
    for (size_t i = 1; i <= size && n < MAX_FIELDS; i++) {
        if (i < size && data[i] != ',')
            continue;
        size_t len = i - start;
        field[n] = malloc(len + 1);
        if (!field[n])
            goto out;
        memcpy(field[n], data + start, len);
        field[n][len] = 0;
        n++;
        start = i + 1;
    }
    hg_err err = {0};
    if (data[0] % 2 == 0) {
        tax_exchange_line x;
        hg_rc rc = tax_exchange_line_parse((const char *const *)field, n, &x, &err);
        if (rc && !err.message[0])
            abort(); /* a refusal always says why */
        if (!rc && (strlen(x.currency) != 3 || strlen(x.month) != 7 || x.cny_micro <= 0))
            abort();
    } else {
        tax_dated_rate r;
        hg_rc rc = tax_dated_rate_line_parse((const char *const *)field, n, &r, &err);
        if (rc && !err.message[0])
            abort();
        if (!rc && (strlen(r.hs_prefix) % 2 || strlen(r.hs_prefix) < 2 ||
                    (r.valid_to_day && r.valid_to_day < r.valid_from_day) || r.duty_ppm < 0 || r.vat_ppm < 0 ||
                    r.consumption_ppm < 0))
            abort();
    }
out:
    for (int i = 0; i < n; i++)
        free(field[i]);
    return 0;
}
