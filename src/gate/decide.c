/* decide.c — the conditions a gate event is checked against, each ok or failed with its
 * reason (卡口联网: configurable release conditions checked against the manifest, arrival,
 * release and ledger), and the goods each read names. Fail closed: a read the gate is not sure
 * of, a card it does not know, a container no declaration covers — each is a failed
 * condition, and one failed condition holds the truck. Reads the database, writes nothing. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../platform/i18n.h"
#include "../platform/ident.h"
#include "../platform/log.h"
#include "../platform/record.h"
#include "gate.h"
#include "gate_store.h"

hg_rc gate_cond(gate_decision *dc, const char *name, const char *subject, int ok, const char *fmt, ...)
{
    char reason[256] = "";
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(reason, sizeof reason, fmt, ap);
        va_end(ap);
    }
    json_t *c = json_pack("{s:s, s:s*, s:s, s:s*}", "condition", name, "subject", subject, "status",
                          ok ? "ok" : "failed", "reason", reason[0] ? reason : NULL);
    if (!c || json_array_append_new(dc->conditions, c))
        return HG_NOMEM;
    dc->failed += !ok;
    return HG_OK;
}

/* The card read at the lane, against the plate or VIN it is bound to. */
static hg_rc check_card(db *d, const gate_event_in *e, gate_decision *dc, const char *plate, hg_err *err)
{
    if (!e->card[0])
        return gate_cond(dc, "card", NULL, 0, "no card was read at the lane");
    char card[40], kind[8] = "", bplate[32] = "", bvin[32] = "", status[16] = "";
    ident_normalize(e->card, card, sizeof card);
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT kind, COALESCE(plate, ''), COALESCE(vin, ''), status FROM gate_cards WHERE card_no = ?",
                        "t", card);
    if (rc)
        return rc;
    int found = (rc = db_step(s, err)) == HG_ROW;
    if (found) {
        snprintf(kind, sizeof kind, "%s", db_col_text(s, 0));
        snprintf(bplate, sizeof bplate, "%s", db_col_text(s, 1));
        snprintf(bvin, sizeof bvin, "%s", db_col_text(s, 2));
        snprintf(status, sizeof status, "%s", db_col_text(s, 3));
    }
    db_reset(s);
    if (rc != HG_ROW && rc != HG_DONE)
        return rc;
    if (!found)
        return gate_cond(dc, "card", card, 0, "card %s is not one customs issued", card);
    if (strcmp(status, "active") != 0)
        return gate_cond(dc, "card", card, 0, "card %s is %s", card, status);
    if (strcmp(kind, "ic") == 0) {
        if (!bplate[0])
            return gate_cond(dc, "card", card, 0, "card %s is not bound to a plate", card);
        if (!plate)
            return gate_cond(dc, "card", card, 0, "no plate was read to compare with card %s", card);
        if (strcmp(plate, bplate) != 0)
            return gate_cond(dc, "card", card, 0, "card %s is bound to plate %s, not %s", card, bplate, plate);
        return gate_cond(dc, "card", card, 1, "bound to plate %s", bplate);
    }
    if (!bvin[0])
        return gate_cond(dc, "card", card, 0, "tag %s is not bound to a VIN", card);
    for (int i = 0; i < e->n_vins; i++) {
        char v[32];
        ident_normalize(e->vins[i], v, sizeof v);
        if (strcmp(v, bvin) == 0)
            return gate_cond(dc, "card", card, 1, "bound to VIN %s", bvin);
    }
    return gate_cond(dc, "card", card, 0, "tag %s is bound to VIN %s, which was not read", card, bvin);
}

/* The plate the camera read: a plate number, read surely. Sets *plate to the normalised
 * text when it is. */
static hg_rc check_plate(const gate_event_in *e, gate_decision *dc, char out[64], const char **plate)
{
    const char *why = NULL;
    *plate = NULL;
    if (!e->has_plate)
        return gate_cond(dc, "plate", NULL, 0, "no plate was read");
    ident_normalize(e->plate.text, out, 64);
    if (!out[0] || !gate_check_plate(out, &why))
        return gate_cond(dc, "plate", e->plate.text, 0, "%s is not a plate number: %s", e->plate.text,
                         why ? why : N_("too long"));
    if (!gate_read_sure(e->plate.confidence))
        return gate_cond(dc, "plate", out, 0, "plate read with confidence %.2f, below %.2f", e->plate.confidence,
                         GATE_OCR_MIN_CONFIDENCE);
    *plate = out;
    return gate_cond(dc, "plate", out, 1, NULL);
}

/* A container read: the ISO 6346 check digit holds (a failing one is a misread, not a
 * container) and the camera is sure. A sure read becomes a unit. */
static hg_rc check_container_read(const gate_read *r, gate_decision *dc)
{
    char no[64];
    const char *why = NULL;
    ident_normalize(r->text, no, sizeof no);
    if (!no[0] || !check_container(no, &why))
        return gate_cond(dc, "container_read", r->text, 0, "%s is a misread, not a container number: %s", r->text,
                         why ? why : N_("too long"));
    if (!gate_read_sure(r->confidence))
        return gate_cond(dc, "container_read", no, 0, "container read with confidence %.2f, below %.2f", r->confidence,
                         GATE_OCR_MIN_CONFIDENCE);
    gate_unit *u = &dc->units[dc->n_units++];
    snprintf(u->key, sizeof u->key, "%.11s", no); /* a valid number has eleven characters */
    return gate_cond(dc, "container_read", no, 1, NULL);
}

static hg_rc check_vin_read(const char *text, gate_decision *dc)
{
    char vin[32];
    const char *why = NULL;
    ident_normalize(text, vin, sizeof vin);
    if (!vin[0] || !check_vin(vin, &why))
        return gate_cond(dc, "vin_read", text, 0, "%s is not a VIN: %s", text, why ? why : N_("too long"));
    gate_unit *u = &dc->units[dc->n_units++];
    snprintf(u->key, sizeof u->key, "%s", vin);
    u->is_vin = 1;
    return gate_cond(dc, "vin_read", vin, 1, NULL);
}

hg_rc gate_unit_find(db *d, gate_unit *u, hg_err *err)
{
    db_stmt *s;
    char pattern[48];
    u->bill[0] = u->entry[0] = u->trader[0] = u->direction[0] = 0;
    snprintf(pattern, sizeof pattern, "%%,%s,%%", u->key);
    /* the newest declaration covering it (a container's earlier voyages are history) */
    hg_rc rc =
        u->is_vin
            ? db_query(d, &s, err,
                       "SELECT x.entry_no, x.bill_no, COALESCE(x.trader, ''), x.direction, COALESCE(x.released_ms, 0)"
                       " FROM cargo_item_vins v JOIN"
                       " cargo_declarations x ON x.entry_no = v.entry_no WHERE ',' || v.vins || ',' LIKE ?"
                       " ORDER BY x.entry_no DESC LIMIT 1",
                       "t", pattern)
            /* MAX rather than ORDER BY ... LIMIT 1: the same row without a sorter built for it
             * on every event (the container's index is not in entry number order) */
            : db_query(d, &s, err,
                       "SELECT x.entry_no, x.bill_no, COALESCE(x.trader, ''), x.direction, COALESCE(x.released_ms, 0)"
                       " FROM cargo_declarations x WHERE x.entry_no = (SELECT MAX(c.entry_no)"
                       " FROM cargo_declaration_containers c JOIN cargo_declarations y ON y.entry_no = c.entry_no"
                       " WHERE c.container_no = ?)",
                       "t", u->key);
    if (rc)
        return rc;
    if ((rc = db_step(s, err)) == HG_ROW) {
        snprintf(u->entry, sizeof u->entry, "%s", db_col_text(s, 0));
        snprintf(u->bill, sizeof u->bill, "%s", db_col_text(s, 1));
        snprintf(u->trader, sizeof u->trader, "%s", db_col_text(s, 2));
        snprintf(u->direction, sizeof u->direction, "%s", db_col_text(s, 3));
        u->released_ms = db_col_int(s, 4);
    }
    db_reset(s);
    return rc == HG_ROW || rc == HG_DONE ? HG_OK : rc;
}

/* The condition a hold of cargo's (cargo_container_holds' rule) fails. */
static const char *condition_of_rule(const char *rule)
{
    if (strcmp(rule, "inspection_open") == 0)
        return "inspection";
    if (strcmp(rule, "not_arrived") == 0)
        return "arrived";
    if (strcmp(rule, "no_unloading") == 0)
        return "no_unloading";
    return "released"; /* not released, no declaration, a suspended producer, permitted under seal */
}

/* What cargo says of one unit leaving: released, not under inspection, arrived, under no
 * order on its vessel; and not gone already. */
hg_rc gate_cargo_conditions(db *d, gate_unit *u, int64_t left_ms, gate_decision *dc, hg_err *err)
{
    static const char *const conds[] = {"released", "inspection", "arrived", "no_unloading", NULL};
    hg_rc rc = gate_unit_find(d, u, err);
    if (rc)
        return rc;
    if (!u->entry[0]) {
        for (int i = 0; conds[i] && !rc; i++)
            rc = gate_cond(dc, conds[i], u->key, 0, "no declaration covers %s %s", u->is_vin ? "VIN" : "container",
                           u->key);
        return rc;
    }
    json_t *holds = NULL;
    rc = cargo_container_holds(d, u->bill, u->is_vin ? NULL : u->key, u->entry, &holds, err);
    for (int i = 0; conds[i] && !rc; i++) {
        char reasons[256] = "";
        size_t k, len = 0;
        json_t *h;
        json_array_foreach(holds, k, h)
        {
            if (strcmp(condition_of_rule(json_string_value(json_object_get(h, "rule"))), conds[i]) == 0 &&
                len < sizeof reasons)
                len += (size_t)snprintf(reasons + len, sizeof reasons - len, "%s%s", len ? "; " : "",
                                        json_string_value(json_object_get(h, "message")));
        }
        rc = gate_cond(dc, conds[i], u->key, !reasons[0], reasons[0] ? "%s" : NULL, reasons);
    }
    json_decref(holds);
    /* a truck that left offline left when it did: released after that, the centre would have
     * held it */
    if (!rc && left_ms && u->released_ms > left_ms) {
        char rel[40];
        time_format_rfc3339(u->released_ms, rel, sizeof rel);
        rc = gate_cond(dc, "released", u->key, 0, "released at %s, after the truck passed", rel);
    }
    int64_t gone = 0;
    if (!rc)
        rc = u->is_vin ? db_int(d, &gone, err,
                                "SELECT COALESCE(MIN(at_ms), 0) FROM gate_exits WHERE vin = ? AND entry_no = ?", "tt",
                                u->key, u->entry)
                       : db_int(d, &gone, err,
                                "SELECT COALESCE(MIN(g.at_ms), 0) FROM gate_exits g JOIN cargo_declarations x"
                                " ON x.entry_no = g.entry_no WHERE x.bill_no = ? AND g.container = ?",
                                "tt", u->bill, u->key);
    if (!rc) {
        char at[40] = "";
        if (gone)
            time_format_rfc3339(gone, at, sizeof at);
        rc = gate_cond(dc, "not_gated_out", u->key, !gone, gone ? "%s left through a gate at %s" : NULL, u->key, at);
    }
    if (!rc)
        u->cargo_ok = 1; /* the conditions are recorded; the decision reads dc->failed */
    return rc;
}

/* An export container at the gate in: a manifest names it, no order holds its transport; the
 * arrival (运抵) itself is cargo's to accept, when the event is written (event_store.c). */
hg_rc gate_arrival_condition(db *d, gate_unit *u, gate_decision *dc, hg_err *err)
{
    char manifest[40] = "";
    db_stmt *s;
    u->bill[0] = 0;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT b.bill_no, m.manifest_no FROM cargo_bill_containers b JOIN cargo_manifest_bills m"
                        " ON m.bill_no = b.bill_no WHERE b.container_no = ? ORDER BY m.manifest_no DESC LIMIT 1",
                        "t", u->key);
    if (rc)
        return rc;
    if ((rc = db_step(s, err)) == HG_ROW) {
        snprintf(u->bill, sizeof u->bill, "%s", db_col_text(s, 0));
        snprintf(manifest, sizeof manifest, "%s", db_col_text(s, 1));
    }
    db_reset(s);
    if (rc != HG_ROW && rc != HG_DONE)
        return rc;
    if (!u->bill[0])
        return gate_cond(dc, "manifest", u->key, 0, "container %s is on no manifest: the port does not expect it",
                         u->key);
    rc = gate_cond(dc, "manifest", u->key, 1, "bill %s", u->bill);
    const cargo_manifest_hold *h = NULL;
    if (!rc)
        rc = cargo_manifest_held(d, manifest, &h, err);
    if (!rc)
        rc = gate_cond(dc, "no_unloading", u->key, !h, h ? "%s" : NULL, h ? h->refusal : "");
    if (!rc)
        rc = db_int(d, &u->arrived_ms, err,
                    "SELECT COALESCE(MIN(at_ms), 0) FROM cargo_arrivals WHERE bill_no = ? AND container_no = ?", "tt",
                    u->bill, u->key);
    return rc;
}

/* The weighbridge reads whole kilograms; what was declared is in grams (cargo.h): compared in
 * grams, so that a declared 2100.5 kg is not cut to 2100. */
static hg_rc check_weight(db *d, const gate_event_in *e, gate_decision *dc, hg_err *err)
{
    if (!e->gross_kg || !e->tare_kg)
        return gate_cond(dc, "weight", NULL, 0, "the weighbridge gave no gross weight and tare");
    int64_t declared_g = 0;
    hg_rc rc = HG_OK;
    for (int i = 0; i < dc->n_units && !rc; i++) {
        int64_t grams = 0;
        if (dc->units[i].is_vin)
            continue;
        if (!dc->units[i].bill[0])
            return gate_cond(dc, "weight", dc->units[i].key, 0, "no declared weight for %s", dc->units[i].key);
        rc = cargo_container_declared_gross(d, dc->units[i].bill, dc->units[i].key, &grams, err);
        declared_g += grams;
    }
    if (rc)
        return rc;
    int64_t load_g = (e->gross_kg - e->tare_kg) * CARGO_GRAMS_PER_KG;
    int64_t diff = load_g > declared_g ? load_g - declared_g : declared_g - load_g;
    int64_t allowed_g = declared_g * GATE_WEIGHT_TOLERANCE_PCT / 100;
    if (allowed_g < GATE_WEIGHT_TOLERANCE_MIN_KG * CARGO_GRAMS_PER_KG)
        allowed_g = GATE_WEIGHT_TOLERANCE_MIN_KG * CARGO_GRAMS_PER_KG;
    char declared[DECIMAL_TEXT_MAX], allowed[DECIMAL_TEXT_MAX];
    decimal_format(declared_g, CARGO_WEIGHT_SCALE, declared, sizeof declared);
    decimal_format(allowed_g, CARGO_WEIGHT_SCALE, allowed, sizeof allowed);
    return gate_cond(dc, "weight", NULL, diff <= allowed_g,
                     "load %lld kg (gross %lld less tare %lld) against %s kg declared, tolerance %s kg",
                     (long long)(e->gross_kg - e->tare_kg), (long long)e->gross_kg, (long long)e->tare_kg, declared,
                     allowed);
}

hg_rc gate_decide(db *d, const gate_event_in *e, const gate_site *site, gate_decision *dc, hg_err *err)
{
    char plate_buf[64];
    const char *plate = NULL;
    hg_rc rc = HG_OK;
    dc->failed = dc->n_units = 0;
    if (!(dc->conditions = json_array()))
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    int car = strcmp(site->kind, "car") == 0;
    /* a car leaves on its own wheels without plates: its tag and VIN name it */
    if (!car)
        rc = check_plate(e, dc, plate_buf, &plate);
    if (!rc)
        rc = check_card(d, e, dc, plate, err);
    for (int i = 0; i < e->n_containers && !rc; i++)
        rc = check_container_read(&e->containers[i], dc);
    for (int i = 0; i < e->n_vins && !rc; i++)
        rc = check_vin_read(e->vins[i], dc);
    if (!rc && car && !e->n_vins)
        rc = gate_cond(dc, "vin_read", NULL, 0, "no VIN was read at a car gate");
    if (!rc && strcmp(site->kind, "container") == 0 && !e->n_containers && strcmp(e->direction, "out") == 0)
        rc = gate_cond(dc, "container_read", NULL, 1, "no container: an empty truck");
    for (int i = 0; i < dc->n_units && !rc; i++)
        if (strcmp(e->direction, "out") == 0)
            rc = gate_cargo_conditions(d, &dc->units[i], e->offline ? e->at_ms : 0, dc, err);
        else
            rc = gate_arrival_condition(d, &dc->units[i], dc, err);
    /* the weighbridge, where the gate enables it: the load (gross less tare) against what is
     * declared for the containers read, within GATE_WEIGHT_TOLERANCE_PCT */
    if (!rc && strstr(site->conditions, "weight") && strcmp(e->direction, "out") == 0 && dc->n_units)
        rc = check_weight(d, e, dc, err);
    if (rc == HG_NOMEM || (rc && !err->message[0]))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return rc;
}
