/* fuzz_body.c — libFuzzer harness for request-body parsing: the quick JSON parser against
 * jansson's on every input, the bounded JSON parser, then the generic field-table parser on
 * the enterprise record (create and patch), the money and time parsers on any string member,
 * and the canonical JSON writer against jansson's. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "enterprise/enterprise.h"
#include "platform/json.h"
#include "platform/json_canon.h"
#include "platform/json_fast.h"
#include "platform/mem.h"
#include "platform/record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_t *body = NULL;
    hg_err err;
    /* what the quick parser accepts, jansson reads as the same value */
    json_t *quick = json_fast_loadb((const char *)data, size);
    if (quick) {
        json_error_t je;
        json_t *slow = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &je);
        if (!slow || !json_equal(quick, slow))
            abort();
        json_decref(slow);
        json_decref(quick);
    }
    if (json_parse_body((const char *)data, size, &body, &err) != HG_OK)
        return 0;
    for (int mode = REC_CREATE; mode <= REC_PATCH; mode++) {
        record r = {0};
        hg_rc rc = record_from_json(&enterprise_record, body, (enum record_mode)mode, &r, &err);
        if (rc == HG_OK && mode == REC_CREATE && !record_text(&r, "uscc"))
            abort();   /* a created record always has its key */
        if (rc != HG_OK && err.message[0] == '\0')
            abort();   /* every refusal explains itself */
        record_free(&r);
    }
    const char *key;
    json_t *v;
    json_object_foreach(body, key, v)
    {
        if (!json_is_string(v))
            continue;
        int64_t x;
        char back[48];
        if (money_parse(json_string_value(v), &x, &err) == HG_OK) {
            money_format(x, back, sizeof back);
            int64_t y;
            if (money_parse(back, &y, &err) != HG_OK || x != y)
                abort();   /* formatting round-trips to the same fen */
        }
        time_parse_rfc3339(json_string_value(v), &x);
    }
    /* the audit chain's canonical text is byte for byte jansson's */
    char *j = json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
    buf b;
    buf_init(&b, 1u << 24);
    hg_rc rc = json_canon_append(body, &b);
    if ((j == NULL) != (rc != HG_OK) || (j && strcmp(j, buf_str(&b)) != 0))
        abort();
    xfree(j);
    buf_free(&b);
    json_decref(body);
    return 0;
}
