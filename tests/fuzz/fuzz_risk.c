/* fuzz_risk.c — libFuzzer harness for the risk core: the first line of the input is parsed as
 * a rule (the API's and the instruction files' shape), the rest as a declaration; when both
 * parse, the rule is compiled and the declaration screened by the indexed and the naive
 * evaluators, which must agree. An accepted declaration also reads back from risk_decl_to_json
 * (the input kept with each recorded screening, tried again by POST .../try) unchanged. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "platform/json.h"
#include "platform/mem.h"
#include "risk/risk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *nl = memchr(data, '\n', size);
    size_t first = nl ? (size_t)(nl - (const char *)data) : size;
    json_t *rule_json = NULL, *decl_json = NULL;
    hg_err err;
    risk_rule *rule = xcalloc(1, sizeof *rule);
    risk_decl decl;
    memset(&decl, 0, sizeof decl);
    hg_err_clear(&err);
    if (!rule)
        return 0;
    int rule_ok = json_parse_body((const char *)data, first, &rule_json, &err) == HG_OK &&
                  risk_rule_from_json(rule_json, 0, rule, &err) == HG_OK;
    if (!rule_ok && err.message[0] == '\0')
        abort(); /* every refusal explains itself */
    if (rule_ok) {
        json_t *back = risk_rule_to_json(rule); /* what is accepted serializes */
        if (!back)
            abort();
        json_decref(back);
    }
    int decl_ok = nl && json_parse_body(nl + 1, size - first - 1, &decl_json, &err) == HG_OK &&
                  risk_decl_from_json(decl_json, &decl, &err) == HG_OK;
    if (decl_ok) {
        json_t *kept = risk_decl_to_json(&decl);
        risk_decl again;
        hg_err e2;
        if (!kept || risk_decl_from_json(kept, &again, &e2) != HG_OK)
            abort(); /* what screening recorded must be tried again */
        json_t *twice = risk_decl_to_json(&again);
        if (!twice || !json_equal(kept, twice))
            abort();
        json_decref(twice);
        json_decref(kept);
        risk_decl_free(&again);
    }
    if (rule_ok && decl_ok) {
        risk_config cfg;
        risk_config_default(&cfg);
        static const unsigned char secret[RISK_SECRET_BYTES] = {1};
        risk_set *s = NULL;
        rule->id = 1;
        rule->status = ST_ACTIVE;
        hg_rc rc = risk_set_compile(rule, 1, &cfg, secret, 1, &s, &err);
        rule = NULL; /* the set owns it now */
        if (rc == HG_OK) {
            risk_result a, b;
            risk_result_init(&a);
            risk_result_init(&b);
            if (risk_screen(s, &decl, &a, &err) == HG_OK && risk_screen_naive(s, &decl, &b, &err) == HG_OK &&
                (a.lane != b.lane || a.n_hits != b.n_hits))
                abort(); /* the index must never change the answer */
            json_decref(risk_result_to_json(&a));
            risk_result_free(&a);
            risk_result_free(&b);
            risk_set_release(s);
        }
    }
    if (rule) {
        risk_rule_free(rule);
        xfree(rule);
    }
    risk_decl_free(&decl);
    json_decref(rule_json);
    json_decref(decl_json);
    return 0;
}
