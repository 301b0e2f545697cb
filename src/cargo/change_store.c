/* change_store.c — a declaration's life after filing (issue 15): the declarant's request to
 * modify or cancel it (修撤单, 海关进出口货物报关单修改和撤销管理办法, 海关总署令第220号) and a
 * clearance officer's approval or refusal; an officer's return for correction (退单) and the
 * declarant's refiling under the same entry number, the time it spent with the declarant kept
 * as its own segment; an amendment after release (补税/退税) opened by one officer and approved
 * by another. An approved modification or refiling re-screens and re-assesses (a difference in
 * tax is re-issued, or becomes a supplementary bill or a refund: tax_reassess); an approved
 * cancellation voids the bill and frees the bill's packages, weight and containers. Each step
 * is on the timeline, emitted as an event and audited with the credential it was made with.
 * Not for: filing and release (declaration_store.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/i18n.h"
#include "../platform/ident.h"
#include "../platform/json.h"
#include "../platform/json_canon.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/money.h"
#include "../platform/words.h"
#include "../risk/risk_store.h"
#include "../tax/tax_store.h"
#include "cargo.h"
#include "cargo_store.h"

#define REASON_MIN 2
#define REASON_MAX 500

/* The item fields a change may name, and those an amendment after release may (the issue's
 * value, HS code, quantity and origin: what decides the tax). */
static const char *const modifiable[] = {"hs_code",       "name",     "elements", "origin",
                                         "quantity",      "value",    "currency", "gross_weight_kg",
                                         "net_weight_kg", "producer", NULL};
static const char *const amendable[] = {"hs_code", "origin", "quantity", "value", NULL};
/* and those a two-step completion may correct within the summary's goods (海关总署公告2019年第127号) */
static const char *const completable[] = {"hs_code", "quantity", "value", NULL};

static int one_of(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

static hg_rc reason_ok(const json_t *body, const char *key, int required, const char **out, hg_err *err)
{
    hg_rc rc = json_get_str(body, key, required, out, err);
    if (!rc && *out && (strlen(*out) < REASON_MIN || strlen(*out) > REASON_MAX))
        /* TRANSLATORS: 1: key; 2: REASON_MIN; 3: REASON_MAX */
        rc = hg_fail(err, HG_INVALID, "invalid", key, "%s must be %d to %d bytes", key, REASON_MIN, REASON_MAX);
    return rc;
}

/* Checks the changed items of a modification, refiling or amendment against the declaration
 * decl as it stands: each names an existing line_no and fields of `allowed`, and the item
 * with its changes must be one that filing would accept (the item field table, net not above
 * gross, VINs). *changed is 1 when some value differs. Errors name items[i].field. */
static hg_rc items_ok(const json_t *decl, const json_t *items, const char *const *allowed, int *changed, hg_err *err)
{
    const json_t *have = json_object_get(decl, "items");
    *changed = 0;
    if (items && !json_is_array(items))
        return hg_fail(err, HG_INVALID, "wrong_type", "items", "items is an array of {line_no, field: value}");
    size_t i;
    json_t *ch;
    hg_rc rc = HG_OK;
    json_array_foreach(items, i, ch)
    {
        char f[64];
        snprintf(f, sizeof f, "items[%zu].line_no", i);
        json_t *ln = json_object_get(ch, "line_no");
        json_int_t line = json_is_integer(ln) ? json_integer_value(ln) : 0;
        if (!json_is_object(ch) || line < 1 || (size_t)line > json_array_size(have))
            /* TRANSLATORS: 1: f; 2: json_array_size(have) */
            return hg_fail(err, HG_INVALID, "invalid", f, "%s must name a line of the declaration (1 to %zu)", f,
                           json_array_size(have));
        for (size_t k = 0; k < i; k++)
            if (json_integer_value(json_object_get(json_array_get(items, k), "line_no")) == line)
                return hg_fail(err, HG_INVALID, "invalid", f, "line %lld is named twice", (long long)line);
        json_t *merged = json_deep_copy(json_array_get(have, (size_t)line - 1));
        if (!merged)
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        json_object_del(merged, "line_no");
        const char *key;
        json_t *v;
        int fields = 0;
        json_object_foreach(ch, key, v)
        {
            if (strcmp(key, "line_no") == 0)
                continue;
            fields++;
            if (!one_of(key, allowed)) {
                snprintf(f, sizeof f, "items[%zu].%s", i, key);
                rc = hg_fail(err, HG_INVALID, "not_changeable", f,
                             allowed == amendable ? N_("%s cannot be amended after release: value, HS code, quantity "
                                                       "and origin can")
                             : allowed == completable
                                 ? N_("%s is not corrected at completion: value, HS code and quantity are")
                                 : N_("%s cannot be changed here"),
                             f);
                break;
            }
            json_t *old = json_object_get(merged, key);
            if (!old || !json_equal(old, v))
                *changed = 1;
            json_object_set(merged, key, v);
        }
        if (!rc && !fields) {
            snprintf(f, sizeof f, "items[%zu]", i);
            rc = hg_fail(err, HG_INVALID, "required", f, "%s names no field to change", f);
        }
        record r = {0};
        if (!rc && (rc = record_from_json(&item_record, merged, REC_CREATE, &r, err)) && err &&
            strncmp(err->field, "items[", 6) != 0) {
            char inner[40]; /* a field name of the item table: short */
            snprintf(inner, sizeof inner, "%.39s", err->field);
            snprintf(err->field, sizeof err->field, "items[%u].%s", (unsigned)(i % 100), inner);
        }
        if (!rc)
            rc = cargo_item_plausible(&r, (int)i, err);
        record_free(&r);
        json_decref(merged);
        if (rc)
            return rc;
    }
    return HG_OK;
}

/* The registry of overseas producers when a modification or an amendment after release is
 * asked for, not only when it is granted, and at a two-step completion's corrections (海关总署令
 * 第248号): each changed line that touches its HS code, origin or producer, as it would be
 * after the change, in the order of the request's items, so that a refusal names the
 * request's items[i].producer. Checked as a filing checks it: the registration (409
 * producer_not_registered, 400 producer_required), then the suspension after positive
 * nucleic-acid batches (409 suspended). */
static hg_rc registry_at_request(const hg_ctx *c, const json_t *decl, const json_t *items, hg_err *err)
{
    static const char *const registry_keys[] = {"hs_code", "origin", "producer", NULL};
    const json_t *have = json_object_get(decl, "items");
    json_t *lines = json_array();
    size_t i;
    json_t *ch;
    json_array_foreach(items, i, ch)
    {
        json_t *line =
            json_deep_copy(json_array_get(have, (size_t)json_integer_value(json_object_get(ch, "line_no")) - 1));
        int touches = 0;
        const char *key;
        json_t *v;
        json_object_foreach(ch, key, v)
        {
            touches |= one_of(key, registry_keys);
            if (line && strcmp(key, "line_no") != 0) {
                char id[64];
                /* as filing and apply_items store identifiers: trimmed and upper-cased */
                if (json_is_string(v) && one_of(key, registry_keys)) {
                    ident_normalize(json_string_value(v), id, sizeof id);
                    json_object_set_new(line, key, json_string(id));
                } else
                    json_object_set(line, key, v);
            }
        }
        /* a line the request does not touch in these keys keeps its place, unchecked here */
        json_array_append_new(lines, touches && line ? line : json_object());
        if (!touches)
            json_decref(line);
    }
    hg_rc rc =
        lines ? cargo_check_registry(c->d, json_string_value(json_object_get(decl, "direction")), lines, c->now_ms, err)
              : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = cargo_check_producers(c->d, lines, err);
    json_decref(lines);
    return rc;
}

/* Writes the changed fields of items (checked by items_ok) to the declaration's lines. */
static hg_rc apply_items(db *d, const char *entry_no, const json_t *items, hg_err *err)
{
    size_t i;
    json_t *ch;
    hg_rc rc = HG_OK;
    json_array_foreach(items, i, ch)
    {
        json_int_t line = json_integer_value(json_object_get(ch, "line_no"));
        const char *key;
        json_t *v;
        json_object_foreach(ch, key, v)
        {
            if (rc || strcmp(key, "line_no") == 0 || !one_of(key, modifiable))
                continue;
            char sql[128];
            /* key is one of `modifiable`, the column's own name */
            snprintf(sql, sizeof sql, "UPDATE declaration_items SET %s = ? WHERE entry_no = ? AND line_no = ?", key);
            int64_t fen = 0, units = 0;
            int fi = record_field_index(&item_record, key);
            if (fi >= 0 && item_record.fields[fi].type == FT_DECIMAL) {
                /* a quantity or weight (checked by items_ok): in its smallest units, as filed */
                if (decimal_from_json(v, item_record.fields[fi].scale, &units) != DECIMAL_OK)
                    rc = hg_fail(err, HG_INVALID, "invalid", key, "%s is not a decimal", key);
                if (!rc)
                    rc = db_run(d, err, sql, "iti", units, entry_no, (int64_t)line);
            } else if (strcmp(key, "value") == 0) {
                rc = money_parse(json_string_value(v), &fen, err);
                if (!rc)
                    rc = db_run(d, err, sql, "iti", fen, entry_no, (int64_t)line);
            } else if (json_is_integer(v)) {
                rc = db_run(d, err, sql, "iti", (int64_t)json_integer_value(v), entry_no, (int64_t)line);
            } else {
                char id[256];
                const char *text = json_string_value(v);
                /* identifiers as filing stores them: trimmed and upper-cased */
                if (strcmp(key, "hs_code") == 0 || strcmp(key, "origin") == 0 || strcmp(key, "currency") == 0 ||
                    strcmp(key, "producer") == 0) {
                    ident_normalize(text, id, sizeof id);
                    text = id;
                }
                rc = db_run(d, err, sql, "tti", text, entry_no, (int64_t)line);
            }
        }
    }
    return rc;
}

static json_t *change_row(db_stmt *s)
{
    char at[40], dat[40];
    time_format_rfc3339(db_col_int(s, 7), at, sizeof at);
    json_t *items = db_col_text(s, 5) ? json_loads(db_col_text(s, 5), 0, NULL) : NULL;
    json_t *outcome = db_col_text(s, 11) ? json_loads(db_col_text(s, 11), 0, NULL) : NULL;
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:o*, s:s, s:s, s:s*, s:s*, s:s*, s:o*, s:s, s:s}", "id",
                     (json_int_t)db_col_int(s, 0), "entry_no", db_col_text(s, 1), "kind", db_col_text(s, 2), "status",
                     db_col_text(s, 3), "reason", db_col_text(s, 4), "items", items, "requested_by", db_col_text(s, 6),
                     "requested_at", at, "decided_by", db_col_text(s, 8), "decided_at", db_col_time(s, 9, dat), "note",
                     db_col_text(s, 10), "outcome", outcome, "declarant", db_col_text(s, 12), "declaration_status",
                     db_col_text(s, 13));
}

#define CHANGE_COLS                                                                                                    \
    "c.id, c.entry_no, c.kind, c.status, c.reason, c.items, c.requested_by, c.requested_ms, c.decided_by, "            \
    "c.decided_ms, c.note, c.outcome, x.declarant, x.status"
#define CHANGE_FROM " FROM declaration_changes c JOIN declarations x ON x.entry_no = c.entry_no"

static hg_rc load_change(db *d, int64_t id, json_t **out, hg_err *err)
{
    return db_row_json(d, change_row, out, "id", "no such change request", err,
                       "SELECT " CHANGE_COLS CHANGE_FROM " WHERE c.id = ?", "i", id);
}

/* HG_OK when no change request of entry_no waits; 409 pending with why otherwise (one at a
 * time: a second would be decided against a declaration the first may change). */
static hg_rc none_pending(db *d, const char *entry_no, const char *why, hg_err *err)
{
    int64_t pending = 0;
    hg_rc rc =
        db_int(d, &pending, err, "SELECT COUNT(*) FROM declaration_changes WHERE entry_no = ? AND status = 'pending'",
               "t", entry_no);
    return !rc && pending ? hg_fail(err, HG_CONFLICT, "pending", "entry_no", "%s", why) : rc;
}

/* Where a request for kind may be made, from the declaration's status: a modification or a
 * cancellation before release (令第220号; after it only an amendment), an amendment after. */
static hg_rc kind_allowed(const char *kind, const char *status, hg_err *err)
{
    int released = strcmp(status, DECL_RELEASED) == 0;
    if (strcmp(kind, "amend") == 0) {
        if (!released)
            return hg_fail(err, HG_CONFLICT, "not_released", "kind",
                           "an amendment (补税/退税) corrects a released declaration; before release the declarant "
                           "asks to modify it");
        return HG_OK;
    }
    if (released)
        return hg_fail(err, HG_CONFLICT, "released", "kind",
                       "the declaration is released: it is no longer modified or cancelled, only amended by customs "
                       "(补税/退税)");
    if (strcmp(status, DECL_CANCELLED) == 0)
        return hg_fail(err, HG_CONFLICT, "cancelled", "kind", "the declaration is already cancelled");
    if (strcmp(status, DECL_REFUSED) == 0 || strcmp(status, DECL_PERMITTED) == 0)
        return hg_fail(err, HG_CONFLICT, "conflict", "kind", "a declaration that is %s is not modified or cancelled",
                       hg_word(status));
    if (strcmp(status, DECL_RETURNED) == 0 && strcmp(kind, "modify") == 0)
        return hg_fail(err, HG_CONFLICT, "returned", "kind",
                       "the declaration was returned for correction: correct and refile it");
    return HG_OK;
}

hg_rc change_request(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    static const char *const allowed[] = {"kind", "reason", "items", NULL};
    const char *kind, *reason;
    *out = NULL;
    hg_rc rc = json_reject_unknown(body, allowed, err);
    if (!rc)
        rc = json_get_str(body, "kind", 1, &kind, err);
    if (!rc && strcmp(kind, "modify") && strcmp(kind, "cancel") && strcmp(kind, "amend"))
        rc = hg_fail(err, HG_INVALID, "invalid", "kind", "kind must be modify, cancel or amend");
    if (!rc)
        rc = reason_ok(body, "reason", 1, &reason, err);
    if (rc)
        return rc;
    const json_t *items = json_object_get(body, "items");
    int cancel = strcmp(kind, "cancel") == 0, officer = c->who->role != ROLE_ENTERPRISE;
    if (cancel && items)
        return hg_fail(err, HG_INVALID, "invalid", "items", "a cancellation changes no items");
    if (!cancel && json_array_size(items) == 0)
        return hg_fail(err, HG_INVALID, "required", "items", "a %s names the items it changes", hg_word(kind));
    /* the declarant asks to modify or cancel; customs opens an amendment */
    if (officer != (strcmp(kind, "amend") == 0))
        return hg_fail(err, HG_FORBIDDEN, "forbidden", "kind",
                       officer ? N_("an officer amends a released declaration; the declarant asks to modify or cancel")
                               : N_("the declarant asks to modify or cancel; an amendment is opened by customs"));
    json_t *decl = NULL;
    if ((rc = db_begin(d, err)))
        return rc;
    rc = declaration_get(d, c->who, entry_no, &decl, err);
    if (!rc && !officer && strcmp(json_string_value(json_object_get(decl, "declarant")), c->who->enterprise) != 0)
        rc = hg_fail(err, HG_FORBIDDEN, "declarant_only", "entry_no",
                     "a modification or cancellation is asked by the declarant who filed it");
    if (!rc)
        rc = kind_allowed(kind, json_string_value(json_object_get(decl, "status")), err);
    if (!rc)
        rc = none_pending(d, entry_no, N_("a change of this declaration already waits for an officer's decision"), err);
    int changed = 0;
    if (!rc && !cancel)
        rc = items_ok(decl, items, strcmp(kind, "amend") == 0 ? amendable : modifiable, &changed, err);
    if (!rc && !cancel && !changed)
        rc = hg_fail(err, HG_INVALID, "no_change", "items", "the %s changes nothing: every value is as declared",
                     hg_word(kind));
    if (!rc && !cancel)
        rc = registry_at_request(c, decl, items, err);
    char *items_text = items ? json_canon_text(items) : NULL;
    int64_t id = 0;
    if (!rc && items && !items_text)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = db_int(d, &id, err,
                    "INSERT INTO declaration_changes (entry_no, kind, status, reason, items, requested_by, "
                    "requested_ms) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    "tttttti", entry_no, kind, "pending", reason, items_text, c->actor, c->now_ms);
    xfree(items_text);
    json_t *ev = json_pack("{s:I, s:s, s:s}", "change", (json_int_t)id, "kind", kind, "reason", reason);
    if (!rc)
        rc = cargo_add_event(d, entry_no, c->actor, "change_requested", ev, err);
    if (!rc)
        rc = cargo_emit(d, "declaration.change_requested", entry_no, c->actor, c->request_id, ev, err);
    json_decref(ev);
    json_decref(decl);
    if (!rc)
        rc = load_change(d, id, out, err);
    return cargo_commit_out(c, rc, "declaration.change.request", "declaration", entry_no, NULL, out, err);
}

/* After the goods changed: screens the declaration again (an inspection it now needs is
 * opened; one already ordered stands) and re-assesses its tax. *detail gets "lane" and "tax". */
static hg_rc rescreen_and_reassess(const hg_ctx *c, const char *entry_no, const char *cause, int screen_again,
                                   json_t *detail, hg_err *err)
{
    db *d = c->d;
    json_t *decl = NULL, *tax = NULL;
    risk_verdict v = {.lane = "green"};
    hg_rc rc = declaration_get(d, c->who, entry_no, &decl, err);
    /* the changed goods meet the tariff as filed goods do, and the declarant's own changes (a
     * modification, a refiling) the producer registry as it stands now; customs' amendment after
     * release met it on its changed lines (registry_at_request), the others came as they came */
    const char *direction = decl ? json_string_value(json_object_get(decl, "direction")) : "";
    if (!rc)
        rc = cargo_check_tariff(d, direction, json_object_get(decl, "items"), err);
    if (!rc && screen_again)
        rc = cargo_check_registry(d, direction, json_object_get(decl, "items"), c->now_ms, err);
    if (!rc && screen_again)
        rc = cargo_screen(d, decl, &v, err);
    const char *status = decl ? json_string_value(json_object_get(decl, "status")) : "";
    int inspect = strcmp(v.lane, "red") == 0 || strcmp(v.lane, "yellow") == 0;
    if (!rc && screen_again && inspect && strcmp(status, DECL_FILED) == 0) {
        rc = db_run(d, err, "UPDATE declarations SET status = ?, lane = ?, updated_ms = ? WHERE entry_no = ?", "ttit",
                    DECL_INSPECTION, v.lane, c->now_ms, entry_no);
        if (!rc)
            rc = cargo_open_checks(d, entry_no, decl, v.lane, &v, err);
        json_t *lane = json_pack("{s:s}", "lane", v.lane);
        if (!rc)
            rc = cargo_emit(d, "declaration.selected_for_inspection", entry_no, "risk", c->request_id, lane, err);
        json_decref(lane);
    }
    if (!rc && screen_again) {
        json_t *ev = json_pack("{s:s, s:s}", "lane", v.lane, "cause", cause);
        rc = cargo_add_event(d, entry_no, "risk", "rescreened", ev, err);
        json_decref(ev);
        json_object_set_new(detail, "lane", json_string(v.lane));
    }
    if (!rc)
        rc = cargo_reassess(d, decl, cause, 0, c->actor, c->request_id, &tax, err);
    if (!rc)
        rc = cargo_add_event(d, entry_no, "system", "tax_reassessed", tax, err);
    if (!rc)
        json_object_set(detail, "tax", tax);
    json_decref(tax);
    json_decref(decl);
    risk_verdict_free(&v);
    return rc;
}

/* The goods' new weight against the bill's after a change of weights. */
static hg_rc weight_ok(db *d, const char *entry_no, hg_err *err)
{
    db_stmt *s;
    char bill[40] = "";
    hg_rc rc = db_query(d, &s, err, "SELECT bill_no FROM declarations WHERE entry_no = ?", "t", entry_no);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        snprintf(bill, sizeof bill, "%s", db_col_text(s, 0));
        rc = HG_OK;
    }
    db_reset(s);
    return rc ? rc : cargo_bill_weight_ok(d, bill, 0, err);
}

/* An approved cancellation: void, its bill voided (a paid tax refunded), its share of the
 * bill freed (the cancelled declaration no longer counts against the bill's packages and
 * weight) and its containers free for another declaration. */
static hg_rc cancel_declaration(const hg_ctx *c, const char *entry_no, json_t *detail, hg_err *err)
{
    db *d = c->d;
    json_t *tax = NULL;
    hg_rc rc = db_run(d, err,
                      "UPDATE declarations SET status = ?, cancelled_ms = ?, returned_ms = NULL, updated_ms = ? "
                      "WHERE entry_no = ?",
                      "tiit", DECL_CANCELLED, c->now_ms, c->now_ms, entry_no);
    if (!rc)
        rc = db_run(d, err, "DELETE FROM declaration_containers WHERE entry_no = ?", "t", entry_no);
    /* its open inspection tasks leave the queue */
    if (!rc)
        rc = db_run(d, err, "UPDATE inspections SET status = 'cancelled' WHERE entry_no = ? AND status = 'open'", "t",
                    entry_no);
    if (!rc)
        rc = tax_void(d, entry_no, c->actor, c->request_id, &tax, err);
    if (!rc)
        json_object_set(detail, "tax", tax);
    json_decref(tax);
    return rc;
}

hg_rc change_decide(const hg_ctx *c, int64_t id, int approve, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    static const char *const allowed[] = {"note", NULL};
    const char *note = NULL;
    *out = NULL;
    hg_rc rc = body ? json_reject_unknown(body, allowed, err) : HG_OK;
    if (!rc)
        rc = reason_ok(body, "note", !approve, &note, err);
    if (rc)
        return rc;
    json_t *ch = NULL, *decl = NULL;
    if ((rc = db_begin(d, err)))
        return rc;
    rc = load_change(d, id, &ch, err);
    /* copies: the audit row after ch is released names them */
    char entry_no[24] = "", kind[16] = "";
    if (ch) {
        snprintf(entry_no, sizeof entry_no, "%s", json_string_value(json_object_get(ch, "entry_no")));
        snprintf(kind, sizeof kind, "%s", json_string_value(json_object_get(ch, "kind")));
    }
    if (!rc && strcmp(json_string_value(json_object_get(ch, "status")), "pending") != 0)
        rc = hg_fail(err, HG_CONFLICT, "decided", "id", "the request was already %s",
                     hg_word(json_string_value(json_object_get(ch, "status"))));
    /* four eyes: whoever asked does not decide (an amendment is opened by one officer and
     * approved by another) */
    if (!rc && strcmp(json_string_value(json_object_get(ch, "requested_by")), c->actor) == 0)
        rc = hg_fail(err, HG_CONFLICT, "own_request", "id", "a change is decided by an officer other than who asked");
    if (!rc)
        rc = declaration_get(d, c->who, entry_no, &decl, err);
    /* what the request asked must still be possible when it is granted */
    if (!rc && approve)
        rc = kind_allowed(kind, json_string_value(json_object_get(decl, "status")), err);
    json_t *detail = json_pack("{s:I, s:s, s:s*}", "change", (json_int_t)id, "kind", kind, "note", note);
    const json_t *items = ch ? json_object_get(ch, "items") : NULL;
    if (!rc && approve && strcmp(kind, "cancel") != 0) {
        int changed = 0;
        rc = items_ok(decl, items, strcmp(kind, "amend") == 0 ? amendable : modifiable, &changed, err);
        if (!rc && !changed)
            rc = hg_fail(err, HG_CONFLICT, "no_change", "items", "the declaration already has these values");
        /* an amendment's changed lines meet the registry as it stands when it is granted (a
         * modification's whole declaration does, below) */
        if (!rc && strcmp(kind, "amend") == 0)
            rc = registry_at_request(c, decl, items, err);
        if (!rc)
            rc = apply_items(d, entry_no, items, err);
        if (!rc)
            rc = db_run(d, err, "UPDATE declarations SET updated_ms = ? WHERE entry_no = ?", "it", c->now_ms, entry_no);
        if (!rc && strcmp(kind, "modify") == 0)
            rc = weight_ok(d, entry_no, err);
        if (!rc)
            rc = rescreen_and_reassess(c, entry_no, strcmp(kind, "amend") == 0 ? "amendment" : "modification",
                                       strcmp(kind, "modify") == 0, detail, err);
    }
    if (!rc && approve && strcmp(kind, "cancel") == 0)
        rc = cancel_declaration(c, entry_no, detail, err);
    char *outcome = !rc && approve ? json_canon_text(detail) : NULL;
    if (!rc)
        rc = db_run(d, err,
                    "UPDATE declaration_changes SET status = ?, decided_by = ?, decided_ms = ?, note = ?, outcome = ? "
                    "WHERE id = ?",
                    "ttitti", approve ? "approved" : "refused", c->actor, c->now_ms, note, outcome, id);
    xfree(outcome);
    static const char *const done[][2] = {{"modified", "declaration.modified"},
                                          {"cancelled", "declaration.cancelled"},
                                          {"amended", "declaration.amended"}};
    int k = strcmp(kind, "modify") == 0 ? 0 : strcmp(kind, "cancel") == 0 ? 1 : 2;
    if (!rc)
        rc = cargo_add_event(d, entry_no, c->actor, approve ? done[k][0] : "change_refused", detail, err);
    if (!rc)
        rc = cargo_emit(d, approve ? done[k][1] : "declaration.change_refused", entry_no, c->actor, c->request_id,
                        detail, err);
    /* a modification may have made it releasable (no tax left, say) */
    if (!rc && approve && k == 0)
        rc = cargo_auto_release_entry(d, entry_no, "system", err);
    json_decref(detail);
    json_decref(decl);
    json_decref(ch);
    if (!rc)
        rc = load_change(d, id, out, err);
    return cargo_commit_out(c, rc, approve ? "declaration.change.approve" : "declaration.change.refuse", "declaration",
                            entry_no[0] ? entry_no : "-", NULL, out, err);
}

hg_rc change_list(db *d, const principal *who, const change_filter *f, json_t **out, hg_err *err)
{
    json_t *items = NULL;
    int64_t cursor = f->cursor ? strtoll(f->cursor, NULL, 10) : 0;
    const char *party = who->role == ROLE_ENTERPRISE ? who->enterprise : NULL;
    hg_rc rc = db_rows_json(d, change_row, &items, err,
                            "SELECT " CHANGE_COLS CHANGE_FROM
                            " WHERE (? IS NULL OR c.entry_no = ?) AND (? IS NULL OR c.status = ?)"
                            " AND (? IS NULL OR c.kind = ?) AND (? = 0 OR c.id < ?)"
                            " AND (? IS NULL OR x.declarant = ? OR x.consignee = ? OR x.consignor = ?)"
                            " ORDER BY c.id DESC LIMIT ?",
                            "ttttttiitttti", f->entry_no, f->entry_no, f->status, f->status, f->kind, f->kind, cursor,
                            cursor, party, party, party, party, (int64_t)f->limit + 1);
    return rc ? rc : json_page_of(items, f->limit, "id", out, err);
}

hg_rc declaration_return(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    static const char *const allowed[] = {"reason", NULL};
    const char *reason;
    *out = NULL;
    hg_rc rc = json_reject_unknown(body, allowed, err);
    if (!rc)
        rc = reason_ok(body, "reason", 1, &reason, err);
    if (rc || (rc = db_begin(d, err)))
        return rc;
    json_t *before = NULL;
    rc = declaration_get(d, c->who, entry_no, &before, err);
    const char *status = before ? json_string_value(json_object_get(before, "status")) : "";
    if (!rc && strcmp(status, DECL_FILED) != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "status",
                     "a declaration is returned for correction while it is filed and not released (status is %s)",
                     hg_word(status));
    if (!rc)
        rc = none_pending(d, entry_no, N_("a change request of this declaration waits: decide it first"), err);
    if (!rc)
        rc = db_run(d, err, "UPDATE declarations SET status = ?, returned_ms = ?, updated_ms = ? WHERE entry_no = ?",
                    "tiit", DECL_RETURNED, c->now_ms, c->now_ms, entry_no);
    json_t *ev = json_pack("{s:s}", "reason", reason);
    if (!rc)
        rc = cargo_add_event(d, entry_no, c->actor, "returned", ev, err);
    if (!rc)
        rc = cargo_emit(d, "declaration.returned", entry_no, c->actor, c->request_id, ev, err);
    json_decref(ev);
    if (!rc)
        rc = declaration_get(d, c->who, entry_no, out, err);
    rc = cargo_commit_out(c, rc, "declaration.return", "declaration", entry_no, before, out, err);
    json_decref(before);
    return rc;
}

hg_rc declaration_refile(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    static const char *const allowed[] = {"reason", "items", NULL};
    const char *reason = NULL;
    *out = NULL;
    hg_rc rc = json_reject_unknown(body, allowed, err);
    if (!rc)
        rc = reason_ok(body, "reason", 0, &reason, err);
    if (rc || (rc = db_begin(d, err)))
        return rc;
    json_t *before = NULL;
    const json_t *items = json_object_get(body, "items");
    rc = declaration_get(d, c->who, entry_no, &before, err);
    if (!rc && strcmp(json_string_value(json_object_get(before, "declarant")), c->who->enterprise) != 0)
        rc = hg_fail(err, HG_FORBIDDEN, "declarant_only", "entry_no",
                     "a returned declaration is refiled by its declarant");
    if (!rc && strcmp(json_string_value(json_object_get(before, "status")), DECL_RETURNED) != 0)
        rc = hg_fail(err, HG_CONFLICT, "not_returned", "status",
                     "only a declaration returned for correction is refiled (status is %s)",
                     hg_word(json_string_value(json_object_get(before, "status"))));
    int changed = 0;
    if (!rc && items)
        rc = items_ok(before, items, modifiable, &changed, err);
    if (!rc && items)
        rc = apply_items(d, entry_no, items, err);
    if (!rc && items)
        rc = weight_ok(d, entry_no, err);
    /* the time it spent with the declarant is its own segment of the clearance time */
    int64_t returned = 0;
    const char *ret = json_string_value(json_object_get(before, "returned_at"));
    if (ret)
        time_parse_rfc3339(ret, &returned);
    int64_t with = c->now_ms - returned;
    if (!rc)
        rc = db_run(d, err,
                    "UPDATE declarations SET status = ?, returned_ms = NULL, with_declarant_ms = "
                    "COALESCE(with_declarant_ms, 0) + ?, updated_ms = ? WHERE entry_no = ?",
                    "tiit", DECL_FILED, with, c->now_ms, entry_no);
    json_t *detail =
        json_pack("{s:s*, s:I, s:b}", "reason", reason, "with_declarant_ms", (json_int_t)with, "corrected", changed);
    if (!rc)
        rc = rescreen_and_reassess(c, entry_no, "refile", 1, detail, err);
    if (!rc)
        rc = cargo_add_event(d, entry_no, c->actor, "refiled", detail, err);
    if (!rc)
        rc = cargo_emit(d, "declaration.refiled", entry_no, c->actor, c->request_id, detail, err);
    json_decref(detail);
    if (!rc)
        rc = cargo_auto_release_entry(d, entry_no, "system", err);
    if (!rc)
        rc = declaration_get(d, c->who, entry_no, out, err);
    rc = cargo_commit_out(c, rc, "declaration.refile", "declaration", entry_no, before, out, err);
    json_decref(before);
    return rc;
}

/* A correction at completion stays within the summary's goods: an HS code keeps its heading
 * (the first four digits). *Choice* where the announcement is silent (docs/RULES.md). */
static hg_rc within_summary(const json_t *decl, const json_t *items, hg_err *err)
{
    size_t i;
    json_t *ch;
    json_array_foreach(items, i, ch)
    {
        const char *hs = json_string_value(json_object_get(ch, "hs_code"));
        json_int_t line = json_integer_value(json_object_get(ch, "line_no"));
        const char *was = json_string_value(
            json_object_get(json_array_get(json_object_get(decl, "items"), (size_t)line - 1), "hs_code"));
        if (hs && was && strncmp(hs, was, 4) != 0) {
            char f[40];
            snprintf(f, sizeof f, "items[%u].hs_code", (unsigned)(i % 100));
            return hg_fail(err, HG_INVALID, "outside_summary", f,
                           "a completion corrects the goods of the summary: the HS code stays in heading %.4s", was);
        }
    }
    return HG_OK;
}

/* When the transport of the declaration's bill declared entry (0: not yet). */
static hg_rc transport_entry_of(db *d, const char *entry_no, int64_t *at, hg_err *err)
{
    return db_int(d, at, err,
                  "SELECT COALESCE(MAX(m.arrived_ms), 0) FROM declarations x JOIN manifest_bills b ON b.bill_no = "
                  "x.bill_no JOIN manifests m ON m.manifest_no = b.manifest_no WHERE x.entry_no = ?",
                  "t", entry_no);
}

hg_rc declaration_complete(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    const principal *who = c->who;
    json_t *before = NULL;
    *out = NULL;
    static const char *const allowed[] = {"elements", "items", NULL};
    hg_rc rc = json_reject_unknown(body, allowed, err);
    if (rc)
        return rc;
    json_t *elements = json_object_get(body, "elements");
    const json_t *items = json_object_get(body, "items");
    if (!json_is_array(elements) || json_array_size(elements) == 0)
        return hg_fail(err, HG_INVALID, "required", "elements",
                       "elements is required: the declaration elements of each item, in item order");
    if ((rc = db_begin(d, err)))
        return rc;
    rc = declaration_get(d, who, entry_no, &before, err);
    if (!rc && strcmp(json_string_value(json_object_get(before, "kind")), "summary") != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "kind", "only a summary declaration is completed");
    if (!rc && !json_is_null(json_object_get(before, "completed_at")))
        rc = hg_fail(err, HG_CONFLICT, "conflict", "completed_at", "the declaration was already completed");
    size_t nitems = json_array_size(json_object_get(before, "items"));
    if (!rc && json_array_size(elements) != nitems)
        rc = hg_fail(err, HG_INVALID, "invalid", "elements", "elements must have one entry per item (%zu)", nitems);
    for (size_t i = 0; i < nitems && !rc; i++) {
        json_t *e = json_array_get(elements, i);
        if (!json_is_string(e) || json_string_length(e) == 0 || json_string_length(e) > 255) {
            char f[32];
            snprintf(f, sizeof f, "elements[%zu]", i);
            rc = hg_fail(err, HG_INVALID, "invalid", f, "%s must be a string of 1 to 255 bytes", f);
        } else {
            rc = db_run(d, err, "UPDATE declaration_items SET elements = ? WHERE entry_no = ? AND line_no = ?", "tti",
                        json_string_value(e), entry_no, (int64_t)(i + 1));
        }
    }
    /* corrections of value, HS code and quantity within the summary's goods, re-assessed */
    int changed = 0;
    if (!rc && items)
        rc = items_ok(before, items, completable, &changed, err);
    if (!rc && items)
        rc = within_summary(before, items, err);
    /* the declarant's own correction meets the producer registry as a modification does: a code
     * kept in its heading may still leave the producer's registered subheadings */
    if (!rc && items)
        rc = registry_at_request(c, before, items, err);
    if (!rc && changed)
        rc = apply_items(d, entry_no, items, err);
    int64_t now = c->now_ms, entry_ms = 0;
    if (!rc)
        rc = db_run(d, err, "UPDATE declarations SET completed_ms = ?, updated_ms = ? WHERE entry_no = ?", "iit", now,
                    now, entry_no);
    json_t *detail = json_object(), *late = NULL;
    if (!rc && changed)
        rc = rescreen_and_reassess(c, entry_no, "completion", 0, detail, err);
    /* its lateness stays on the record (海关总署公告2019年第127号: the complete declaration within
     * 14 days of the transport's entry, else the late-declaration fee) */
    if (!rc)
        rc = transport_entry_of(d, entry_no, &entry_ms, err);
    if (!rc && entry_ms)
        rc = tax_note_completion(d, entry_no, entry_ms, now, c->actor, c->request_id, &late, err);
    if (!rc && late) {
        json_object_set_new(detail, "late", json_incref(json_object_get(late, "late")));
        json_object_set_new(detail, "days_late", json_incref(json_object_get(late, "days_late")));
        json_object_set_new(detail, "late_declaration_fee", json_incref(json_object_get(late, "late_declaration_fee")));
        /* on a bill already paid the fee is charged on a supplementary bill of its own */
        if (json_object_get(late, "fee_bill"))
            json_object_set_new(detail, "fee_bill", json_incref(json_object_get(late, "fee_bill")));
    }
    if (!rc && json_is_true(json_object_get(late, "late")))
        rc = db_run(d, err, "UPDATE declarations SET completed_late = 1 WHERE entry_no = ?", "t", entry_no);
    json_decref(late);
    if (!rc)
        rc = cargo_add_event(d, entry_no, c->actor, "completed", json_object_size(detail) ? detail : NULL, err);
    json_decref(detail);
    if (!rc)
        rc = declaration_get(d, who, entry_no, out, err);
    rc = cargo_commit_out(c, rc, "declaration.complete", "declaration", entry_no, before, out, err);
    json_decref(before);
    return rc;
}
