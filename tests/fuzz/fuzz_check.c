/* fuzz_check.c — libFuzzer harness for the identifier validators in src/check/.
 *
 * The first input byte picks a kind from check_kinds (modulo their number); the rest,
 * NUL-terminated in its own heap buffer so ASan sees any overread, is the value. Beyond
 * memory errors it checks what every caller relies on, and abort()s when it fails:
 *   - an invalid verdict comes with a non-empty reason;
 *   - the verdict does not depend on whether a reason is asked for, and is repeatable;
 *   - the validator does not write to its input;
 *   - a valid container, IMO, VIN, id-card or USCC value has its format's length, and
 *     changing its check character to any other makes it invalid.
 * Seeds: tests/fuzz/corpus/check/ (kind byte + published example). */
#include "check/check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* libFuzzer's entry point; declared here because no header of ours declares it. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t kind_count(void)
{
    size_t n = 0;
    while (check_kinds[n].name != NULL)
        n++;
    return n;
}

/* Kinds with one check character: where it is for a value of length len, and which
 * characters that position may hold. Returns 0 for other kinds, -1 when len is not a
 * length the kind allows, 1 otherwise. */
static int check_char_rule(check_fn fn, size_t len, size_t *pos, const char **alphabet)
{
    size_t want = 0;
    if (fn == check_container) {
        want = 11;
        *pos = 10;
        *alphabet = "0123456789";
    } else if (fn == check_imo) {
        want = len == 10 ? 10 : 7;
        *pos = want - 1;
        *alphabet = "0123456789";
    } else if (fn == check_vin) {
        want = 17;
        *pos = 8;
        *alphabet = "0123456789X";
    } else if (fn == check_id_card) {
        want = 18;
        *pos = 17;
        *alphabet = "0123456789X";
    } else if (fn == check_uscc) {
        want = 18;
        *pos = 17;
        *alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    } else {
        return 0;
    }
    return len == want ? 1 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static size_t nkinds;
    if (nkinds == 0)
        nkinds = kind_count();
    if (size == 0)
        return 0;
    check_fn fn = check_kinds[data[0] % nkinds].fn;

    size_t n = size - 1;
    char *s = malloc(n + 1);
    char *orig = malloc(n + 1);
    if (s == NULL || orig == NULL)
        abort();
    memcpy(s, data + 1, n);
    s[n] = '\0';
    memcpy(orig, s, n + 1);

    const char *reason = NULL;
    int ok = fn(s, &reason);
    if (ok != 0 && ok != 1)
        abort();
    if (!ok && (reason == NULL || reason[0] == '\0'))
        abort();
    if (fn(s, NULL) != ok || fn(s, &reason) != ok)
        abort();
    if (memcmp(s, orig, n + 1) != 0)
        abort();

    if (ok && fn == check_mrz) {
        size_t len = strlen(s);   /* 2x44+1, 2x36+1, 3x30+2 */
        if (len != 89 && len != 73 && len != 92)
            abort();
    }
    size_t pos = 0;
    const char *alphabet = NULL;
    int rule = ok ? check_char_rule(fn, strlen(s), &pos, &alphabet) : 0;
    if (rule < 0)
        abort();   /* valid, but of a length the format does not have */
    if (rule > 0) {
        for (const char *a = alphabet; *a != '\0'; a++) {
            if (*a == orig[pos])
                continue;
            s[pos] = *a;
            if (fn(s, NULL))
                abort();   /* two check characters accepted for one value */
        }
        s[pos] = orig[pos];
    }

    free(s);
    free(orig);
    return 0;
}
