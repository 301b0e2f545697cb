/* event_parse.c — a gate event as the lane's controller posts it, parsed and checked for its
 * shape: what is malformed is refused naming the field (400), while what the cameras and
 * readers got wrong (a plate that is no plate, a container number whose check digit fails) is
 * kept as read, for the decision to hold. Pure: no database, no clock. */
#include <stdio.h>
#include <string.h>

#include "../platform/i18n.h"
#include "../platform/json.h"
#include "../platform/record.h"
#include "../platform/utf8.h"
#include "gate.h"

static hg_rc bad(hg_err *err, const char *code, const char *field, const char *msg)
{
    return hg_fail(err, HG_INVALID, code, field, "%s", msg);
}

/* A text of 1..n-1 bytes of UTF-8 into out. */
static hg_rc text(const json_t *v, const char *field, char *out, size_t n, int required, hg_err *err)
{
    if (!v)
        return required ? hg_fail(err, HG_INVALID, "required", field, "%s is required", field) : HG_OK;
    const char *s = json_string_value(v);
    if (!s)
        return hg_fail(err, HG_INVALID, "wrong_type", field, "%s must be a string", field);
    size_t len = strlen(s);
    if (len == 0 || len >= n)
        /* TRANSLATORS: 1: field; 2: n - 1 */
        return hg_fail(err, HG_INVALID, "length", field, "%s must be 1 to %zu bytes", field, n - 1);
    if (!utf8_text_ok(s))
        return hg_fail(err, HG_INVALID, "encoding", field, "%s is not UTF-8", field);
    memcpy(out, s, len + 1);
    return HG_OK;
}

/* A read with its confidence: {"text": "...", "confidence": 0.97}. */
static hg_rc read_one(const json_t *v, const char *field, gate_read *out, hg_err *err)
{
    static const char *const allowed[] = {"text", "confidence", NULL};
    char f[48];
    if (!json_is_object(v))
        return hg_fail(err, HG_INVALID, "wrong_type", field, "%s is an object {text, confidence}", field);
    hg_rc rc = json_reject_unknown(v, allowed, err);
    snprintf(f, sizeof f, "%s.text", field);
    if (!rc)
        rc = text(json_object_get(v, "text"), f, out->text, sizeof out->text, 1, err);
    const json_t *c = json_object_get(v, "confidence");
    snprintf(f, sizeof f, "%s.confidence", field);
    if (!rc && !json_is_number(c))
        rc = hg_fail(err, HG_INVALID, c ? "wrong_type" : "required", f, "%s is a number from 0 to 1", f);
    if (!rc && (json_number_value(c) < 0 || json_number_value(c) > 1))
        rc = hg_fail(err, HG_INVALID, "out_of_range", f, "%s is a number from 0 to 1", f);
    if (!rc)
        out->confidence = json_number_value(c);
    return rc;
}

/* An array of at most max strings of fewer than 32 bytes each, into rows. */
static hg_rc strings(const json_t *v, const char *field, char (*rows)[32], int max, int *n, hg_err *err)
{
    *n = 0;
    if (!v)
        return HG_OK;
    if (!json_is_array(v))
        return hg_fail(err, HG_INVALID, "wrong_type", field, "%s is an array of strings", field);
    if (json_array_size(v) > (size_t)max)
        /* TRANSLATORS: 1: field; 2: max */
        return hg_fail(err, HG_INVALID, "too_many", field, "%s has at most %d entries", field, max);
    for (size_t i = 0; i < json_array_size(v); i++) {
        char f[40];
        snprintf(f, sizeof f, "%s[%zu]", field, i);
        hg_rc rc = text(json_array_get(v, i), f, rows[i], 32, 1, err);
        if (rc)
            return rc;
        (*n)++;
    }
    return HG_OK;
}

/* A weight in kilograms: a road vehicle with its load weighs at most 49 t (GB 1589-2016,
 * six axles); the bound is twice that, so that a weighbridge's reading is never cut. */
static hg_rc weight(const json_t *v, const char *field, int64_t *out, hg_err *err)
{
    *out = 0;
    if (!v)
        return HG_OK;
    if (!json_is_integer(v))
        return hg_fail(err, HG_INVALID, "wrong_type", field, "%s is a whole number of kilograms", field);
    json_int_t kg = json_integer_value(v);
    if (kg < 1 || kg > 100000)
        return hg_fail(err, HG_INVALID, "out_of_range", field, "%s is 1 to 100000 kg", field);
    *out = kg;
    return HG_OK;
}

hg_rc gate_event_parse(const json_t *body, gate_event_in *e, hg_err *err)
{
    static const char *const allowed[] = {"event_id", "gate",
                                          "lane",     "direction",
                                          "at",       "card",
                                          "plate",    "containers",
                                          "vins",     "gross_weight_kg",
                                          "tare_kg",  "seals",
                                          "offline",  "offline_decision",
                                          NULL};
    memset(e, 0, sizeof *e);
    if (!json_is_object(body))
        return bad(err, "malformed_json", "", "a JSON object is expected");
    hg_rc rc = json_reject_unknown(body, allowed, err);
    if (!rc)
        rc = text(json_object_get(body, "event_id"), "event_id", e->event_id, sizeof e->event_id, 1, err);
    for (const char *p = e->event_id; !rc && *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || strchr("-_.:", *p)))
            rc = bad(err, "invalid", "event_id", N_("event_id is letters, digits and - _ . : only"));
    if (!rc)
        rc = text(json_object_get(body, "gate"), "gate", e->gate, sizeof e->gate, 1, err);
    const json_t *lane = json_object_get(body, "lane");
    if (!rc && !json_is_integer(lane))
        rc = bad(err, lane ? "wrong_type" : "required", "lane", N_("lane is the lane's number"));
    if (!rc && (json_integer_value(lane) < 1 || json_integer_value(lane) > 99))
        rc = bad(err, "out_of_range", "lane", N_("lane is 1 to 99"));
    if (!rc)
        e->lane = json_integer_value(lane);
    if (!rc)
        rc = text(json_object_get(body, "direction"), "direction", e->direction, sizeof e->direction, 1, err);
    if (!rc && strcmp(e->direction, "in") && strcmp(e->direction, "out"))
        rc = bad(err, "invalid", "direction", N_("direction is in or out"));
    const char *at = json_string_value(json_object_get(body, "at"));
    if (!rc && (!at || time_parse_rfc3339(at, &e->at_ms)))
        rc = bad(err, at || json_object_get(body, "at") ? "invalid" : "required", "at",
                 "at is the moment of the reads, an RFC 3339 time with offset");
    if (!rc)
        rc = text(json_object_get(body, "card"), "card", e->card, sizeof e->card, 0, err);
    if (!rc && json_object_get(body, "plate")) {
        e->has_plate = 1;
        rc = read_one(json_object_get(body, "plate"), "plate", &e->plate, err);
    }
    const json_t *cs = json_object_get(body, "containers");
    if (!rc && cs && !json_is_array(cs))
        rc = bad(err, "wrong_type", "containers", N_("containers is an array of reads {text, confidence}"));
    if (!rc && json_array_size(cs) > GATE_MAX_CONTAINERS)
        rc = bad(err, "too_many", "containers", N_("a truck carries at most two containers"));
    for (size_t i = 0; !rc && i < json_array_size(cs); i++) {
        char f[40];
        snprintf(f, sizeof f, "containers[%zu]", i);
        rc = read_one(json_array_get(cs, i), f, &e->containers[i], err);
        e->n_containers += !rc;
    }
    if (!rc)
        rc = strings(json_object_get(body, "vins"), "vins", e->vins, GATE_MAX_VINS, &e->n_vins, err);
    if (!rc)
        rc = strings(json_object_get(body, "seals"), "seals", e->seals, GATE_MAX_SEALS, &e->n_seals, err);
    if (!rc)
        rc = weight(json_object_get(body, "gross_weight_kg"), "gross_weight_kg", &e->gross_kg, err);
    if (!rc)
        rc = weight(json_object_get(body, "tare_kg"), "tare_kg", &e->tare_kg, err);
    if (!rc && e->tare_kg && !e->gross_kg)
        rc = bad(err, "required", "gross_weight_kg", N_("a tare comes with the weighbridge's gross weight"));
    if (!rc && e->tare_kg > e->gross_kg)
        rc = bad(err, "invalid", "tare_kg", N_("the tare cannot exceed the gross weight"));
    const json_t *off = json_object_get(body, "offline");
    if (!rc && off && !json_is_boolean(off))
        rc = bad(err, "wrong_type", "offline", N_("offline is true or false"));
    e->offline = json_is_true(off);
    if (!rc)
        rc = text(json_object_get(body, "offline_decision"), "offline_decision", e->offline_decision,
                  sizeof e->offline_decision, e->offline, err);
    if (!rc && e->offline && strcmp(e->offline_decision, "pass") && strcmp(e->offline_decision, "hold"))
        rc = bad(err, "invalid", "offline_decision", N_("offline_decision is pass or hold"));
    if (!rc && !e->offline && e->offline_decision[0])
        rc = bad(err, "invalid", "offline_decision", N_("only an offline event carries the gate's own decision"));
    if (!rc && !e->card[0] && !e->has_plate && !e->n_containers && !e->n_vins)
        rc = bad(err, "required", "card", N_("an event reads a card, a plate, containers or VINs"));
    return rc;
}
