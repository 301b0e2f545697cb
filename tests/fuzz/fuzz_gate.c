/* fuzz_gate.c — libFuzzer harness for what a gate controller sends (src/gate/event_parse.c)
 * and the plate reader (gate.c): the first input byte picks what the rest is fed to,
 * NUL-terminated in its own heap buffer so ASan sees any overread:
 *   0: gate_event_parse of the rest as JSON, which either refuses naming a field or fills an
 *      event whose texts are NUL-terminated inside their buffers;
 *   1: gate_check_plate, which must give a reason whenever it refuses.
 * Seeds: tests/fuzz/corpus/gate/ (a full event, an offline event, plates). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "gate/gate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void parse(const char *text, size_t n)
{
    json_t *body = json_loadb(text, n, 0, NULL);
    if (!body)
        return;
    gate_event_in e;
    hg_err err = {0};
    hg_rc rc = gate_event_parse(body, &e, &err);
    if (rc && !err.message[0])
        abort(); /* a refusal always says why */
    if (!rc && (strnlen(e.event_id, sizeof e.event_id) == sizeof e.event_id || e.n_containers > GATE_MAX_CONTAINERS ||
                e.n_vins > GATE_MAX_VINS || e.gross_kg < 0 || e.tare_kg > e.gross_kg))
        abort();
    json_decref(body);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *s = fuzz_rest(data, size, &n);
    if (!s)
        return 0;
    if (data[0] % 2 == 0) {
        parse(s, n);
    } else {
        const char *why = NULL;
        if (!gate_check_plate(s, &why) && !why)
            abort();
    }
    free(s);
    return 0;
}
