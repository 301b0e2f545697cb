/* fuzz_vessel.c — libFuzzer harness for the vessel area's input: the first byte picks what the
 * rest is fed to, NUL-terminated in its own heap buffer so ASan sees any overread:
 *   0: the arrival declaration's body (JSON) through the field table of vessel_call_record with
 *      its lists of ports and persons, which must refuse with a message or give a record with
 *      its required fields set;
 *   1: the warning rules (vessel_assess) over facts drawn from the bytes, whose level must be
 *      one of the three, the highest of its reasons', with no more reasons than the table holds;
 *   2: the call sign validator and the MRZ check the lists use, which must answer 0 or 1 and
 *      give a reason for 0.
 * Seeds: tests/fuzz/corpus/vessel/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "health/health.h"
#include "platform/json.h"
#include "platform/record.h"
#include "vessel/vessel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const vessel_rule rules[] = {
    {"fever", "fever", 373, VESSEL_LOCK, 1, ""},
    {"mdh_symptoms", "mdh_yes", 94, VESSEL_LOCK, 1, ""},
    {"risk_port", "risk_port", 14, VESSEL_BOARD, 1, ""},
    {"joined_untested", "joined_untested", 14, VESSEL_BOARD, 1, ""},
    {"certificate", "certificate", 0, VESSEL_BOARD, 1, ""},
    {"joined_crosscheck", "joined_crosscheck", 30, VESSEL_BOARD, 1, ""},
    {"late_report", "late_report", 24, VESSEL_BOARD, 1, ""},
    {"cold_chain_testing", "cold_chain_testing", 0, VESSEL_RADIO, 1, ""},
};

static void declaration(const char *s, size_t n)
{
    json_t *body = NULL;
    hg_err err;
    if (json_parse_body(s, n, &body, &err) != HG_OK)
        return;
    record r = {0};
    hg_rc rc = record_from_json(&vessel_call_record, body, REC_CREATE, &r, &err);
    if (rc != HG_OK && !err.message[0])
        abort(); /* every refusal explains itself */
    if (rc == HG_OK &&
        (!record_text(&r, "imo") || !record_text(&r, "purpose") || !record_list(&r, "persons", &(int){0})))
        abort();
    record_free(&r);
    json_decref(body);
}

static void assess(const uint8_t *p, size_t n)
{
    vessel_person_facts persons[32];
    vessel_port_facts ports[8];
    vessel_facts f = {.eta_ms = 1796000000000LL, .reported_ms = 1796000000000LL - (int64_t)(n ? p[0] : 0) * 3600000LL};
    size_t at = 1;
    f.yes_mask = n > at ? p[at++] << 1 : 0;
    f.cert_carried = n > at ? p[at++] & 1 : 0;
    f.cert_issued_day = 20700 - (n > at ? p[at++] : 0);
    f.joined_declared = n > at ? p[at++] % 4 : 0;
    f.cold_cargo = n > at ? p[at++] & 1 : 0;
    while (at + 4 <= n && f.n_persons < 32) {
        vessel_person_facts *x = &persons[f.n_persons++];
        *x = (vessel_person_facts){.name = "X",
                                   .crew = p[at] & 1,
                                   .embarked_day = 20787 - p[at + 1] % 64,
                                   .temperature_dc = 340 + p[at + 2] % 91,
                                   .has_test = p[at] >> 1 & 1,
                                   .test_day = 20787 - p[at + 3] % 70,
                                   .test_negative = p[at] >> 2 & 1};
        at += 4;
        if (f.n_ports < 8 && (p[at - 4] & 8)) {
            ports[f.n_ports++] = (vessel_port_facts){
                .locode = "KRPUS", .left_day = 20787 - p[at - 3] % 40, .list_level = (int)(p[at - 2] % 4) - 1};
        }
    }
    f.persons = persons;
    f.ports = ports;
    vessel_reason reasons[VESSEL_MAX_REASONS];
    int k = -1, testing = -1;
    int level = vessel_assess(&f, rules, (int)(sizeof rules / sizeof rules[0]), reasons, &k, &testing);
    if (level < VESSEL_RADIO || level > VESSEL_LOCK || k < 0 || k > VESSEL_MAX_REASONS ||
        (testing != 0 && testing != 1))
        abort();
    for (int i = 0; i < k; i++)
        if (reasons[i].level > level || !reasons[i].text[0] || !reasons[i].rule[0])
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *s = fuzz_rest(data, size, &n);
    if (!s)
        return 0;
    switch (data[0] % 3) {
    case 0: declaration(s, n); break;
    case 1: assess(data + 1, n); break;
    case 2: {
        const char *why = NULL;
        int ok = vessel_check_call_sign(s, &why);
        if ((ok != 0 && ok != 1) || (!ok && !why))
            abort();
        why = NULL;
        ok = health_check_mrz(s, &why);
        if ((ok != 0 && ok != 1) || (!ok && !why))
            abort();
        break;
    }
    }
    free(s);
    return 0;
}
