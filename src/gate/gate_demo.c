/* gate_demo.c — the gate's part of the demo: the terminal's gates and lanes (大窑湾: 16 lanes,
 * 8 in, 6 out and 2 special, and the car terminal's gate), the controllers bound to them, IC
 * cards for the demo trucks, and in generated port activity (`haiguan demo --days N`) a gate
 * event for every container that cargo's generator lets leave (CARGO_DEMO_DEPARTURES), at the
 * moment it draws: most pass and record the gate-out; now and then a truck is held — an unknown
 * card (one of them overridden by the officer), a misread plate or container number, a
 * container already out, one under inspection — and comes back. Imported cars leave through the
 * car gate QCMT, each by its RFID tag bound to its VIN at release (now and then a neighbour's
 * tag is read first and held). Everything is written through
 * the gate's store functions with the simulated clock. Not for: tests of the rules (the API
 * suite). */
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../platform/log.h"
#include "gate.h"
#include "gate_store.h"

enum { TRUCKS = 24 };
static const char *const holders[] = {"91210200241600015L", "91210200716215023J"}; /* dl-trading, dl-fishery */

/* One gate and its lanes: lanes 1..n_in face in, then n_out face out, then one special lane. */
static hg_rc one_gate(const hg_ctx *c, const char *code, const char *name, const char *kind, int n_in, int n_out,
                      const char *special, const char *controller, hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM gate_gates WHERE code = ?", "t", code);
    if (rc || n)
        return rc;
    json_t *lanes = json_array(), *out = NULL;
    for (int i = 1; i <= n_in + n_out + (special != NULL); i++)
        json_array_append_new(lanes, json_pack("{s:i, s:s}", "lane_no", i, "direction",
                                               i <= n_in           ? "in"
                                               : i <= n_in + n_out ? "out"
                                                                   : special));
    json_t *body = json_pack("{s:s, s:s, s:s, s:s, s:o}", "code", code, "name", name, "site",
                             strcmp(kind, "car") ? "大窑湾集装箱码头" : "大窑湾汽车码头", "kind", kind, "lanes", lanes);
    rc = body ? gate_create(c, body, &out, err) : HG_NOMEM;
    json_decref(body);
    json_decref(out);
    json_t *bind = json_pack("{s:s}", "user", controller);
    if (!rc)
        rc = gate_bind_controller(c, code, bind, &out, err);
    json_decref(bind);
    json_decref(out);
    return rc;
}

static void truck(int i, char plate[24], char card[24])
{
    i %= TRUCKS; /* 0..23 */
    snprintf(plate, 24, "辽B%05d", 60001 + i);
    snprintf(card, 24, "IC0902%06d", 1 + i);
}

/* The gates and the trucks' cards, once (skipping what exists). */
static hg_rc demo_site(db *d, hg_err *err)
{
    hg_ctx c = ctx_command(d, "demo");
    hg_rc rc = one_gate(&c, "DYW1", "大窑湾1号卡口", "container", 4, 3, "out", "gate01", err);
    if (!rc)
        rc = one_gate(&c, "DYW2", "大窑湾2号卡口", "container", 4, 3, "in", "gate02", err);
    if (!rc)
        rc = one_gate(&c, "QCMT", "大窑湾汽车码头卡口", "car", 1, 2, NULL, "cargate01", err);
    for (int i = 0; i < TRUCKS && !rc; i++) {
        char plate[24], card[24];
        int64_t n = 0;
        truck(i, plate, card);
        rc = db_int(d, &n, err, "SELECT COUNT(*) FROM gate_cards WHERE card_no = ?", "t", card);
        if (rc || n)
            continue;
        json_t *body = json_pack("{s:s, s:s, s:s, s:s}", "card_no", card, "kind", "ic", "plate", plate, "holder",
                                 holders[i % 2]),
               *out = NULL;
        rc = body ? card_issue(&c, body, &out, err) : HG_NOMEM;
        json_decref(body);
        json_decref(out);
    }
    return rc;
}

hg_rc gate_demo(db *d, hg_err *err) { return demo_site(d, err); }

/* A small deterministic number from a text (which truck, which lane, which kind of hold). */
static unsigned mix(const char *s, unsigned salt)
{
    unsigned h = 2166136261u ^ salt;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Posts one event at the lane for container (or the goods without one, NULL) and answers its
 * decision; how marks what the generator does to the reads: 0 as read, 'c' an unknown card,
 * 'p' a blurred plate, 'x' a misread container number. */
static hg_rc post(db *d, const char *gate, const char *container, const char *entry_no, int attempt, int how,
                  json_t **answer, hg_err *err)
{
    hg_ctx c = ctx_command(d, strcmp(gate, "DYW1") ? "gate02" : "gate01");
    char plate[24], card[24], id[80], at[40], box[16];
    unsigned h = mix(container ? container : entry_no, 7);
    truck((int)(h % TRUCKS), plate, card);
    snprintf(id, sizeof id, "D%s-%s-%d", entry_no, container ? container : "goods", attempt);
    snprintf(box, sizeof box, "%s", container ? container : "");
    if (how == 'x' && container)
        box[10] = box[10] == '0' ? '1' : '0'; /* the check digit misread */
    time_format_rfc3339(c.now_ms, at, sizeof at);
    json_t *body = json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:{s:s, s:f}}", "event_id", id, "gate", gate, "lane",
                             5 + (int)(h % 3), "direction", "out", "at", at, "card", how == 'c' ? "IC0902999999" : card,
                             "plate", "text", plate, "confidence", how == 'p' ? 0.61 : 0.97);
    if (body && container)
        json_object_set_new(body, "containers", json_pack("[{s:s, s:f}]", "text", box, "confidence", 0.96));
    hg_rc rc = body ? gate_event_post(&c, body, answer, err) : HG_NOMEM;
    json_decref(body);
    return rc;
}

static int held(const json_t *answer)
{
    return strcmp(json_string_value(json_object_get(answer, "decision")), "hold") == 0;
}

/* A truck comes for container and leaves; now and then a hold first, then the truck again. */
static hg_rc leave_one(db *d, const char *entry_no, const char *container, int gate_no, hg_err *err)
{
    static int n, overridden;
    const char *gate = gate_no == 1 ? "DYW1" : "DYW2";
    int how = ++n % 41 == 0 ? 'c' : n % 53 == 0 ? 'p' : n % 67 == 0 ? 'x' : 0;
    json_t *a = NULL;
    hg_rc rc = demo_site(d, err);
    if (!rc)
        rc = post(d, gate, container, entry_no, 1, how, &a, err);
    if (!rc && how == 'c' && held(a) && !overridden) {
        /* the officer at the lane checks the truck's papers: the card is damaged */
        hg_ctx o = ctx_command(d, "officer");
        json_t *reason = json_pack("{s:s}", "reason", "IC卡损坏，人工核对车牌与行驶证一致"), *out = NULL;
        rc = gate_hold_override(&o, json_integer_value(json_object_get(a, "seq")), reason, &out, err);
        overridden = !rc;
        json_decref(reason);
        json_decref(out);
    } else if (!rc && how && held(a)) {
        json_t *again = NULL;
        rc = post(d, gate, container, entry_no, 2, 0, &again, err); /* read again, or the right card */
        json_decref(again);
    }
    /* a driver sent for a container that has already left */
    if (!rc && container && n % 59 == 0) {
        json_t *again = NULL;
        rc = post(d, gate, container, entry_no, 3, 0, &again, err);
        json_decref(again);
    }
    json_decref(a);
    return rc;
}

/* A truck sent for a container still under inspection: held with that reason. */
static hg_rc inspection_hold(db *d, int gate_no, int k, hg_err *err)
{
    char entry[20] = "", box[16] = "";
    db_stmt *s;
    hg_rc rc =
        db_query(d, &s, err,
                 "SELECT x.entry_no, c.container_no FROM cargo_declarations x JOIN cargo_declaration_containers c"
                 " ON c.entry_no = x.entry_no WHERE x.status = 'inspection' ORDER BY x.entry_no DESC LIMIT 1 OFFSET ?",
                 "i", (int64_t)(k % 4));
    if (rc)
        return rc;
    if ((rc = db_step(s, err)) == HG_ROW) {
        snprintf(entry, sizeof entry, "%s", db_col_text(s, 0));
        snprintf(box, sizeof box, "%s", db_col_text(s, 1));
    }
    db_reset(s);
    if (rc != HG_ROW && rc != HG_DONE)
        return rc;
    json_t *a = NULL;
    rc = entry[0] ? post(d, gate_no == 1 ? "DYW1" : "DYW2", box, entry, 9, 0, &a, err) : HG_OK;
    json_decref(a);
    return rc == HG_CONFLICT ? HG_OK : rc; /* posted already: the same event id */
}

/* The RFID tag of an imported car, bound to its VIN when the car is released (once). */
static hg_rc car_tag(db *d, const char *vin, const char *holder, char tag[24], hg_err *err)
{
    hg_ctx c = ctx_command(d, "demo");
    int64_t n = 0;
    snprintf(tag, 24, "RF%s", vin + 7); /* the VIN's last ten characters: one tag per car */
    hg_rc rc = db_int(d, &n, err, "SELECT COUNT(*) FROM gate_cards WHERE card_no = ?", "t", tag);
    if (rc || n)
        return rc;
    json_t *body = json_pack("{s:s, s:s, s:s, s:s}", "card_no", tag, "kind", "rfid", "vin", vin, "holder", holder),
           *out = NULL;
    rc = body ? card_issue(&c, body, &out, err) : HG_NOMEM;
    json_decref(body);
    json_decref(out);
    return rc;
}

/* One imported car at the car gate's out-lanes (QCMT 2, 3): its tag and its VIN read, 1-3 s;
 * now and then the reader catches a neighbour's tag (held on the card) and reads again. */
static hg_rc car_leaves(db *d, const char *entry_no, const char *vin, const char *holder, hg_err *err)
{
    static int n;
    hg_ctx c = ctx_command(d, "cargate01");
    char tag[24], at[40], id[64];
    hg_rc rc = car_tag(d, vin, holder, tag, err);
    int misread = ++n % 11 == 0;
    for (int attempt = 1; attempt <= 1 + misread && !rc; attempt++) {
        json_t *out = NULL;
        snprintf(id, sizeof id, "D%s-%s-%d", entry_no, vin, attempt);
        time_format_rfc3339(c.now_ms, at, sizeof at);
        json_t *body = json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:[s]}", "event_id", id, "gate", "QCMT", "lane",
                                 2 + (int)(mix(vin, 3) % 2), "direction", "out", "at", at, "card",
                                 attempt < 1 + misread ? "RF0000000000" : tag, "vins", vin);
        rc = body ? gate_event_post(&c, body, &out, err) : HG_NOMEM;
        json_decref(body);
        json_decref(out);
    }
    return rc;
}

/* The cars of a declaration (its items' VINs) leave through the car gate, one event each. */
static hg_rc cars_leave(db *d, const char *entry_no, int *any, hg_err *err)
{
    char vins[400] = "", holder[32] = "";
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT v.vins, COALESCE(x.trader, '') FROM cargo_item_vins v JOIN cargo_declarations x"
                        " ON x.entry_no = v.entry_no WHERE v.entry_no = ? ORDER BY v.line_no",
                        "t", entry_no);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW) {
        size_t len = strlen(vins);
        snprintf(vins + len, sizeof vins - len, "%s%s", len ? "," : "", db_col_text(s, 0));
        snprintf(holder, sizeof holder, "%s", db_col_text(s, 1));
    }
    db_reset(s);
    if (rc != HG_DONE)
        return rc;
    rc = HG_OK;
    *any = vins[0] != 0;
    for (const char *p = vins; *p && !rc;) {
        char vin[18];
        size_t k = strcspn(p, ",");
        snprintf(vin, sizeof vin, "%.*s", (int)(k < sizeof vin ? k : sizeof vin - 1), p);
        rc = car_leaves(d, entry_no, vin, holder, err);
        p += k + (p[k] == ',');
    }
    return rc;
}

static hg_rc leave(db *d, const char *entry_no, int gate_no, hg_err *err)
{
    static int calls;
    char containers[8][12];
    int n = 0;
    db_stmt *s;
    hg_rc rc = db_query(
        d, &s, err, "SELECT container_no FROM cargo_declaration_containers WHERE entry_no = ? ORDER BY container_no",
        "t", entry_no);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW)
        if (n < 8)
            snprintf(containers[n++], sizeof containers[0], "%s", db_col_text(s, 0));
    db_reset(s);
    if (rc != HG_DONE)
        return rc;
    rc = HG_OK;
    int cars = 0;
    if (!n && ((rc = demo_site(d, err)) || (rc = cars_leave(d, entry_no, &cars, err)) || cars))
        return rc;
    if (!n) { /* goods without containers (bulk by belt or barge): the exit as recorded, no lane read */
        hg_ctx c = ctx_command(d, "gate01");
        json_t *exit = json_pack("{s:s}", "gate", gate_no == 1 ? "大窑湾1号卡口" : "大窑湾2号卡口"), *out = NULL;
        rc = exit ? release_gate_out(&c, entry_no, exit, &out, err) : HG_NOMEM;
        json_decref(out);
        json_decref(exit);
        return rc == HG_CONFLICT ? HG_OK : rc; /* held or already gone: a business answer */
    }
    for (int i = 0; i < n && !rc; i++)
        rc = leave_one(d, entry_no, containers[i], gate_no, err);
    if (!rc && ++calls % 37 == 0)
        rc = inspection_hold(d, gate_no, calls / 37, err);
    return rc;
}

const cargo_demo_departure gate_demo_departure = {.leave = leave};
