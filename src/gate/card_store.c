/* card_store.c — the cards read at the lanes: contactless IC cards (非接触式IC卡) carried by
 * trucks, bound to the truck's plate, and RFID tags on imported cars, bound to the car's VIN
 * (大窑湾: 进口汽车通过采用IC卡绑定车辆VIN识别码和海关放行信息). Issued to the enterprise that
 * holds them by an officer with the gate post; bound, unbound, suspended and replaced, each
 * change audited. A plate or VIN has at most one active card, so that a read names one truck. */
#include <stdio.h>
#include <string.h>

#include "../enterprise/enterprise.h"
#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/i18n.h"
#include "../platform/ident.h"
#include "../platform/json.h"
#include "../platform/words.h"
#include "gate.h"

static const char *const card_kinds[] = {"ic", "rfid", NULL};
static const char *const card_statuses[] = {"active", "suspended", "replaced", NULL};

/* A card's number as printed on it and as the reader gives it: 4 to 32 letters and digits. */
static int check_card_no(const char *s, const char **reason)
{
    size_t n = strlen(s);
    if (n < 4 || n > 32) {
        if (reason)
            *reason = N_("a card number has 4 to 32 characters");
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'Z'))) {
            if (reason)
                *reason = N_("a card number is letters and digits");
            return 0;
        }
    return 1;
}

static const field card_fields[] = {
    {.name = "card_no",
     .type = FT_TEXT,
     .flags = FF_KEY | FF_IDENT | FF_REQUIRED,
     .min_len = 4,
     .max_len = 32,
     .check = check_card_no,
     .label_zh = "卡号"},
    {.name = "kind", .type = FT_ENUM, .flags = FF_REQUIRED | FF_FIXED, .values = card_kinds, .label_zh = "类型"},
    {.name = "plate", .type = FT_TEXT, .flags = FF_IDENT, .check = gate_check_plate, .label_zh = "车牌号"},
    {.name = "vin", .type = FT_TEXT, .flags = FF_IDENT, .check = check_vin, .label_zh = "车辆识别代号"},
    {.name = "holder",
     .type = FT_TEXT,
     .flags = FF_IDENT | FF_REQUIRED | FF_FIXED | FF_FILTER,
     .check = check_uscc,
     .label_zh = "持卡企业"},
    {.name = "status", .type = FT_ENUM, .flags = FF_SERVER | FF_FILTER, .values = card_statuses, .label_zh = "状态"},
    {.name = "replaced_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "换发新卡"},
    {.name = "issued_by", .type = FT_TEXT, .flags = FF_SERVER, .label_zh = "发卡人"},
    {.name = "issued_at", .type = FT_TIME, .flags = FF_SERVER, .column = "issued_ms", .label_zh = "发卡时间"},
    {.name = "updated_at", .type = FT_TIME, .flags = FF_SERVER, .column = "updated_ms", .label_zh = "更新时间"},
    {0},
};
const record_type gate_card_record = {.name = N_("card"), .table = "gate_cards", .fields = card_fields};

/* The binding an IC card carries is a plate, an RFID tag's a VIN; never both. */
static hg_rc binding_fits(const char *kind, const char *plate, const char *vin, hg_err *err)
{
    if (strcmp(kind, "ic") == 0 && vin)
        return hg_fail(err, HG_INVALID, "card_binding", "vin", "an IC card is bound to a truck's plate, not a VIN");
    if (strcmp(kind, "rfid") == 0 && plate)
        return hg_fail(err, HG_INVALID, "card_binding", "plate", "an RFID tag is bound to a car's VIN, not a plate");
    return HG_OK;
}

/* No other active card bound to the same plate or VIN. */
static hg_rc binding_free(db *d, const char *card_no, const char *plate, const char *vin, hg_err *err)
{
    char other[40] = "";
    db_stmt *s;
    hg_rc rc =
        db_query(d, &s, err,
                 "SELECT card_no FROM gate_cards WHERE status = 'active' AND card_no <> ?"
                 " AND ((CAST(? AS TEXT) IS NOT NULL AND plate = ?) OR (CAST(? AS TEXT) IS NOT NULL AND vin = ?))",
                 "ttttt", card_no, plate, plate, vin, vin);
    if (rc)
        return rc;
    if ((rc = db_step(s, err)) == HG_ROW)
        snprintf(other, sizeof other, "%s", db_col_text(s, 0));
    db_reset(s);
    if (rc != HG_ROW && rc != HG_DONE)
        return rc;
    if (other[0])
        /* TRANSLATORS: 1: plate ? "plate" : "VIN"; 2: plate ? plate : vin; 3: other */
        return hg_fail(err, HG_CONFLICT, "card_bound_elsewhere", plate ? "plate" : "vin",
                       "%s %s already has the active card %s", plate ? "plate" : "VIN", plate ? plate : vin, other);
    return HG_OK;
}

/* Inserts r as a new active card (inside the caller's transaction). */
static hg_rc insert_card(const hg_ctx *c, record *r, hg_err *err)
{
    const char *no = record_text(r, "card_no");
    hg_rc rc = binding_fits(record_text(r, "kind"), record_text(r, "plate"), record_text(r, "vin"), err);
    if (!rc && (rc = enterprise_find(c->d, record_text(r, "holder"), err)) == HG_NOTFOUND)
        rc = hg_fail(err, HG_INVALID, "party_unregistered", "holder", "no registered enterprise %s",
                     record_text(r, "holder"));
    if (!rc)
        rc = binding_free(c->d, no, record_text(r, "plate"), record_text(r, "vin"), err);
    if (!rc && (record_set_text(r, "status", "active") || record_set_text(r, "issued_by", c->actor) ||
                record_set_int(r, "issued_at", c->now_ms) || record_set_int(r, "updated_at", c->now_ms)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = record_insert(c->d, r, err);
    return rc;
}

hg_rc card_issue(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&gate_card_record, body, REC_CREATE, &r, err);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = insert_card(c, &r, err);
    if (!rc)
        rc = record_load_json(c->d, &gate_card_record, record_text(&r, "card_no"), out, err);
    rc = audit_commit(c, rc, "card.issue", "card", record_text(&r, "card_no"), NULL, *out, err);
out:
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    record_free(&r);
    return rc;
}

/* Loads card_no as *before inside the transaction; HG_NOTFOUND naming card_no. */
static hg_rc load_card(db *d, const char *card_no, json_t **before, hg_err *err)
{
    hg_rc rc = record_load_json(d, &gate_card_record, card_no, before, err);
    if (rc == HG_NOTFOUND)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "card_no", "no card %s", card_no);
    return rc;
}

static const char *text_of(const json_t *card, const char *k) { return json_string_value(json_object_get(card, k)); }

/* One change of a card in its own transaction: the card must exist and be active; apply runs
 * the change, and the audit row carries the card before and after. */
typedef hg_rc (*card_change)(const hg_ctx *c, const json_t *before, const void *arg, hg_err *err);
static hg_rc change_card(const hg_ctx *c, const char *card_no, const char *action, card_change apply, const void *arg,
                         json_t **out, hg_err *err)
{
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = db_begin(c->d, err);
    if (rc)
        return rc;
    rc = load_card(c->d, card_no, &before, err);
    if (!rc && strcmp(text_of(before, "status"), "active") != 0)
        /* TRANSLATORS: 1: card_no; 2: status (a word) */
        rc = hg_fail(err, HG_CONFLICT, "card_status", "card_no", "card %s is %s", card_no,
                     hg_word(text_of(before, "status")));
    if (!rc)
        rc = apply(c, before, arg, err);
    if (!rc)
        rc = record_load_json(c->d, &gate_card_record, card_no, out, err);
    rc = audit_commit(c, rc, action, "card", card_no, before, *out, err);
    json_decref(before);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

static hg_rc apply_bind(const hg_ctx *c, const json_t *before, const void *arg, hg_err *err)
{
    const record *r = arg;
    const char *plate = record_text(r, "plate"), *vin = record_text(r, "vin"), *no = text_of(before, "card_no");
    if (text_of(before, "plate") || text_of(before, "vin"))
        return hg_fail(err, HG_CONFLICT, "card_bound", "card_no", "card %s is bound already: unbind it first", no);
    if (!plate && !vin)
        return hg_fail(err, HG_INVALID, "required", strcmp(text_of(before, "kind"), "ic") ? "vin" : "plate",
                       "a binding names the plate (IC card) or the VIN (RFID tag)");
    hg_rc rc = binding_fits(text_of(before, "kind"), plate, vin, err);
    if (!rc)
        rc = binding_free(c->d, no, plate, vin, err);
    if (!rc)
        rc = db_run(c->d, err, "UPDATE gate_cards SET plate = ?, vin = ?, updated_ms = ? WHERE card_no = ?", "ttit",
                    plate, vin, c->now_ms, no);
    return rc;
}

static const field bind_fields[] = {
    {.name = "plate", .type = FT_TEXT, .flags = FF_IDENT, .check = gate_check_plate},
    {.name = "vin", .type = FT_TEXT, .flags = FF_IDENT, .check = check_vin},
    {0},
};
static const record_type bind_record = {.name = N_("card binding"), .table = "gate_cards", .fields = bind_fields};

hg_rc card_bind(const hg_ctx *c, const char *card_no, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&bind_record, body, REC_CREATE, &r, err);
    if (!rc)
        rc = change_card(c, card_no, "card.bind", apply_bind, &r, out, err);
    record_free(&r);
    return rc;
}

static hg_rc apply_unbind(const hg_ctx *c, const json_t *before, const void *arg, hg_err *err)
{
    (void)arg;
    const char *no = text_of(before, "card_no");
    if (!text_of(before, "plate") && !text_of(before, "vin"))
        return hg_fail(err, HG_CONFLICT, "card_unbound", "card_no", "card %s is not bound", no);
    return db_run(c->d, err, "UPDATE gate_cards SET plate = NULL, vin = NULL, updated_ms = ? WHERE card_no = ?", "it",
                  c->now_ms, no);
}

hg_rc card_unbind(const hg_ctx *c, const char *card_no, json_t **out, hg_err *err)
{
    return change_card(c, card_no, "card.unbind", apply_unbind, NULL, out, err);
}

/* A change that needs a reason (suspension): 1 to 200 characters. */
static hg_rc reason_of(const json_t *body, const char *const *allowed, const char **reason, hg_err *err)
{
    hg_rc rc = json_reject_unknown(body, allowed, err);
    *reason = json_string_value(json_object_get(body, "reason"));
    if (!rc && (!*reason || !**reason || strlen(*reason) > 600))
        rc = hg_fail(err, HG_INVALID, "required", "reason", "reason says why, in 1 to 200 characters");
    return rc;
}

static hg_rc apply_suspend(const hg_ctx *c, const json_t *before, const void *arg, hg_err *err)
{
    (void)arg;
    return db_run(c->d, err, "UPDATE gate_cards SET status = 'suspended', updated_ms = ? WHERE card_no = ?", "it",
                  c->now_ms, text_of(before, "card_no"));
}

hg_rc card_suspend(const hg_ctx *c, const char *card_no, const json_t *body, json_t **out, hg_err *err)
{
    static const char *const allowed[] = {"reason", NULL};
    const char *reason;
    *out = NULL;
    hg_rc rc = reason_of(body, allowed, &reason, err);
    return rc ? rc : change_card(c, card_no, "card.suspend", apply_suspend, NULL, out, err);
}

/* The new card takes the old one's binding and holder; the old one is replaced. */
static hg_rc apply_replace(const hg_ctx *c, const json_t *before, const void *arg, hg_err *err)
{
    const char *new_no = arg, *old_no = text_of(before, "card_no");
    record r = {0};
    hg_rc rc = db_run(c->d, err,
                      "UPDATE gate_cards SET status = 'replaced', replaced_by = ?, updated_ms = ? WHERE card_no = ?",
                      "tit", new_no, c->now_ms, old_no);
    json_t *body =
        json_pack("{s:s, s:s, s:s?, s:s?, s:s}", "card_no", new_no, "kind", text_of(before, "kind"), "plate",
                  text_of(before, "plate"), "vin", text_of(before, "vin"), "holder", text_of(before, "holder"));
    if (!rc)
        rc = body ? record_from_json(&gate_card_record, body, REC_CREATE, &r, err) : HG_NOMEM;
    if (!rc)
        rc = insert_card(c, &r, err);
    json_decref(body);
    record_free(&r);
    if (rc == HG_CONFLICT && strcmp(err->field, "card_no") == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "new_card_no", "card %s exists", new_no);
    return rc;
}

hg_rc card_replace(const hg_ctx *c, const char *card_no, const json_t *body, json_t **out, hg_err *err)
{
    static const char *const allowed[] = {"new_card_no", "reason", NULL};
    const char *reason;
    *out = NULL;
    hg_rc rc = reason_of(body, allowed, &reason, err);
    const char *new_no = json_string_value(json_object_get(body, "new_card_no"));
    char norm[40] = "";
    const char *why = NULL;
    if (!rc && !new_no)
        rc = hg_fail(err, HG_INVALID, "required", "new_card_no", "new_card_no is the number of the new card");
    if (!rc) {
        ident_normalize(new_no, norm, sizeof norm);
        if (strlen(norm) < 4 || strlen(norm) > 32 || !check_card_no(norm, &why))
            rc = hg_fail(err, HG_INVALID, "invalid", "new_card_no", "new_card_no: %s",
                         why ? why : N_("a card number has 4 to 32 characters"));
    }
    return rc ? rc : change_card(c, card_no, "card.replace", apply_replace, norm, out, err);
}

hg_rc card_list(db *d, const principal *who, const char *status, const char *cursor, int limit, json_t **out,
                hg_err *err)
{
    const char *names[2], *values[2];
    int n = 0;
    if (status) {
        names[n] = "status";
        values[n++] = status;
    }
    if (who->role == ROLE_ENTERPRISE) {
        names[n] = "holder";
        values[n++] = who->enterprise;
    }
    record_query q = {.eq_names = names, .eq_values = values, .n_eq = n, .cursor = cursor, .limit = limit};
    return record_list_json(d, &gate_card_record, &q, out, err);
}
