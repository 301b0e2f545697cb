/* tax_general_store.c — general guarantees (总担保): one guarantee of an enterprise that secures
 * the tax of many of its declarations, up to an amount, for a period. A tax officer accepts it
 * (海关事务担保条例: customs examines a guarantee before it secures anything); each bill it
 * secures draws on it (a tax_guarantees row with its general_id, made by tax_guarantee_post
 * with kind "general"), and the draw is restored when the bill is paid or voided (the row is
 * released); a draw that lapses unpaid stays used, for the guarantor is called on. Sources:
 * 海关事务担保条例 (总担保 for a period and an amount), GACC's announcements on 汇总征税 (a
 * general guarantee drawn by each declaration and restored on payment). docs/TAX_RULES.md
 * gives the choices. Not for: a guarantee of one declaration (tax_guarantee_store.c). */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/calendar.h"
#include "../platform/event.h"
#include "../platform/mem.h"
#include "../platform/money.h"
#include "../platform/words.h"
#include "tax.h"
#include "tax_bill.h"
#include "tax_store.h"

/* A general guarantee as stored (tax_general_guarantees, migration 372). */
typedef struct general_row {
    int64_t id, amount, from_day, until_day, posted_ms, decided_ms;
    char enterprise[32], kind[16], guarantor[201], letter_no[65], status[16], posted_by[64], decided_by[64];
    char note[1001];
} general_row;

#define GENERAL_COLUMNS                                                                                                \
    "id, enterprise, kind, guarantor, COALESCE(letter_no, ''), amount_fen, valid_from_day, valid_until_day, status, "  \
    "posted_by, posted_ms, COALESCE(decided_by, ''), COALESCE(decided_ms, 0), COALESCE(note, '')"

static void general_from_row(db_stmt *s, general_row *g)
{
    g->id = db_col_int(s, 0);
    snprintf(g->enterprise, sizeof g->enterprise, "%s", db_col_text(s, 1));
    snprintf(g->kind, sizeof g->kind, "%s", db_col_text(s, 2));
    snprintf(g->guarantor, sizeof g->guarantor, "%s", db_col_text(s, 3));
    snprintf(g->letter_no, sizeof g->letter_no, "%s", db_col_text(s, 4));
    g->amount = db_col_int(s, 5);
    g->from_day = db_col_int(s, 6);
    g->until_day = db_col_int(s, 7);
    snprintf(g->status, sizeof g->status, "%s", db_col_text(s, 8));
    snprintf(g->posted_by, sizeof g->posted_by, "%s", db_col_text(s, 9));
    g->posted_ms = db_col_int(s, 10);
    snprintf(g->decided_by, sizeof g->decided_by, "%s", db_col_text(s, 11));
    g->decided_ms = db_col_int(s, 12);
    snprintf(g->note, sizeof g->note, "%s", db_col_text(s, 13));
}

/* Loads general guarantee id that who may see (an enterprise its own; 404 otherwise). */
static hg_rc general_load(db *d, const principal *who, int64_t id, general_row *g, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, "SELECT " GENERAL_COLUMNS " FROM tax_general_guarantees WHERE id = ?", "i", id);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        general_from_row(s, g);
        rc = HG_OK;
    }
    db_reset(s);
    if (rc == HG_DONE || (!rc && who && who->role == ROLE_ENTERPRISE && strcmp(who->enterprise, g->enterprise) != 0))
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "general_guarantee_id", "no such general guarantee");
    return rc;
}

/* What the bills it secures hold of it: draws active, and those that lapsed or were converted
 * (the guarantor was called on: that part is spent). */
static hg_rc general_used(db *d, int64_t id, int64_t *used, hg_err *err)
{
    return db_int(d, used, err,
                  "SELECT COALESCE(SUM(amount_fen), 0) FROM tax_guarantees WHERE general_id = ? "
                  "AND status IN ('active', 'lapsed', 'converted')",
                  "i", id);
}

/* The status a reader sees: an accepted guarantee past its last day is expired. */
static const char *general_standing(const general_row *g, int64_t today)
{
    return strcmp(g->status, "active") == 0 && today > g->until_day ? "expired" : g->status;
}

/* The guarantee's JSON with its balance and, when draws is set, the bills it secures. */
static hg_rc general_json(db *d, const general_row *g, int64_t today, int draws, json_t **out, hg_err *err)
{
    int64_t used = 0;
    hg_rc rc = general_used(d, g->id, &used, err);
    if (rc)
        return rc;
    json_t *o =
        json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)g->id, "enterprise", g->enterprise, "kind",
                  g->kind, "guarantor", g->guarantor, "status", general_standing(g, today), "posted_by", g->posted_by);
    if (!o)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    json_object_set_new(o, "letter_no", g->letter_no[0] ? json_string(g->letter_no) : json_null());
    tax_put_money(o, "amount", g->amount);
    tax_put_money(o, "used", used);
    tax_put_money(o, "available", g->amount > used ? g->amount - used : 0);
    tax_put_date(o, "valid_from", g->from_day);
    tax_put_date(o, "valid_until", g->until_day);
    tax_put_time(o, "posted_at", g->posted_ms);
    json_object_set_new(o, "decided_by", g->decided_by[0] ? json_string(g->decided_by) : json_null());
    tax_put_time(o, "decided_at", g->decided_ms);
    json_object_set_new(o, "note", g->note[0] ? json_string(g->note) : json_null());
    if (draws) {
        db_stmt *s;
        json_t *items = json_array();
        json_object_set_new(o, "draws", items);
        rc = db_query(d, &s, err,
                      "SELECT id, entry_no, amount_fen, status, posted_ms FROM tax_guarantees WHERE general_id = ? "
                      "ORDER BY id DESC LIMIT 500",
                      "i", g->id);
        if (rc) {
            json_decref(o);
            return rc;
        }
        while ((rc = db_step(s, err)) == HG_ROW) {
            json_t *x = json_pack("{s:I, s:s, s:s}", "guarantee_id", (json_int_t)db_col_int(s, 0), "entry_no",
                                  db_col_text(s, 1), "status", db_col_text(s, 3));
            tax_put_money(x, "amount", db_col_int(s, 2));
            tax_put_time(x, "drawn_at", db_col_int(s, 4));
            json_array_append_new(items, x);
            rc = HG_OK;
        }
        if (rc == HG_DONE)
            rc = HG_OK;
        db_reset(s);
    }
    if (rc)
        json_decref(o);
    else
        *out = o;
    return rc;
}

/* Ends a write to general guarantee id begun with db_begin (rc its outcome so far): the
 * guarantee as it now stands, its event (type) for the enterprise's feed and its audit row
 * (action), then the commit; *out the guarantee's JSON (the caller's) on success. */
static hg_rc general_finish(const hg_ctx *c, hg_rc rc, int64_t id, const char *type, const char *action, json_t **out,
                            hg_err *err)
{
    general_row g;
    json_t *o = NULL;
    char ids[24];
    snprintf(ids, sizeof ids, "%lld", (long long)id);
    if (!rc)
        rc = general_load(c->d, NULL, id, &g, err);
    if (!rc)
        rc = general_json(c->d, &g, tax_shanghai_day(c->now_ms), 0, &o, err);
    if (!rc)
        rc = event_emit_about(c->d, type, "tax_general_guarantee", ids, g.enterprise, c->actor, c->request_id, o, err);
    rc = audit_commit(c, rc, action, "tax_general_guarantee", ids, NULL, o, err);
    if (rc)
        json_decref(o);
    else
        *out = o;
    return rc;
}

hg_rc tax_general_post(const hg_ctx *c, const tax_general_in *in, json_t **out, hg_err *err)
{
    db *d = c->d;
    *out = NULL;
    int deposit = strcmp(in->kind, "deposit") == 0;
    int64_t today = tax_shanghai_day(c->now_ms);
    int64_t from_day = in->valid_from_ms ? tax_shanghai_day(in->valid_from_ms) : today;
    int64_t until_day = tax_shanghai_day(in->valid_until_ms);
    if (!c->who || c->who->role != ROLE_ENTERPRISE || !c->who->enterprise[0])
        return hg_fail(err, HG_FORBIDDEN, "forbidden", NULL,
                       "a general guarantee is posted by the enterprise it secures");
    if (in->amount_fen <= 0 || in->amount_fen > TAX_VALUE_MAX_FEN)
        return hg_fail(err, HG_INVALID, "invalid", "amount",
                       "amount must be more than 0.00 and at most 100000000000000.00 yuan");
    if (from_day < today)
        return hg_fail(err, HG_INVALID, "invalid", "valid_from", "a general guarantee does not start in the past");
    if (until_day < from_day)
        return hg_fail(err, HG_INVALID, "invalid", "valid_until", "valid_until must not be before valid_from");
    /* Choice (docs/TAX_RULES.md): at most a year, renewed by a new guarantee */
    if (until_day > tax_add_months(from_day, 12))
        return hg_fail(err, HG_INVALID, "invalid", "valid_until",
                       "a general guarantee is valid for at most twelve months from valid_from");
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    int64_t id = 0;
    rc = db_run(
        d, err,
        "INSERT INTO tax_general_guarantees (enterprise, kind, guarantor, letter_no, amount_fen, valid_from_day, "
        "valid_until_day, status, posted_by, posted_ms) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
        "ttttiiiti", c->who->enterprise, deposit ? "deposit" : "letter", deposit ? "保证金" : in->guarantor,
        in->letter_no, in->amount_fen, from_day, until_day, c->actor, c->now_ms);
    if (!rc)
        rc = db_int(d, &id, err, "SELECT MAX(id) FROM tax_general_guarantees WHERE enterprise = ?", "t",
                    c->who->enterprise);
    rc = general_finish(c, rc, id, "tax.general_guarantee_posted", "tax.general_guarantee.post", out, err);
    if (!rc)
        json_object_set_new(*out, "waits_for", json_string("a tax officer to accept it"));
    return rc;
}

hg_rc tax_general_decide(const hg_ctx *c, int64_t id, int accept, const char *note, json_t **out, hg_err *err)
{
    db *d = c->d;
    *out = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    general_row g;
    int64_t today = tax_shanghai_day(c->now_ms);
    rc = general_load(d, NULL, id, &g, err);
    if (rc == HG_NOTFOUND)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such general guarantee");
    if (!rc && strcmp(g.status, "pending") != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "status", "the general guarantee was already decided (%s)",
                     hg_word(g.status));
    if (!rc && strcmp(g.posted_by, c->actor) == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "id", "a guarantee is accepted by someone other than who posted it");
    if (!rc && accept && g.until_day < today)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "valid_until", "the general guarantee's period has already ended");
    if (!rc)
        rc = db_run(
            d, err,
            "UPDATE tax_general_guarantees SET status = ?, decided_by = ?, decided_ms = ?, note = ? WHERE id = ?",
            "ttiti", accept ? "active" : "rejected", c->actor, c->now_ms, note, id);
    return general_finish(c, rc, id, accept ? "tax.general_guarantee_accepted" : "tax.general_guarantee_rejected",
                          accept ? "tax.general_guarantee.accept" : "tax.general_guarantee.reject", out, err);
}

hg_rc tax_generals_json(db *d, const principal *who, const char *status, json_t **out, hg_err *err)
{
    db_stmt *s;
    *out = NULL;
    const char *mine = who && who->role == ROLE_ENTERPRISE ? who->enterprise : NULL;
    int64_t today = tax_shanghai_day(now_ms());
    /* "expired" is an accepted guarantee past its last day, not a stored status */
    int expired = status && strcmp(status, "expired") == 0, active = status && strcmp(status, "active") == 0;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT " GENERAL_COLUMNS " FROM tax_general_guarantees WHERE (? IS NULL OR enterprise = ?) "
                        "AND (? IS NULL OR status = ?) AND (? = 0 OR valid_until_day < ?) "
                        "AND (? = 0 OR valid_until_day >= ?) ORDER BY id DESC LIMIT 500",
                        "ttttiiii", mine, mine, status, expired ? "active" : status, (int64_t)expired, today,
                        (int64_t)active, today);
    if (rc)
        return rc;
    general_row *rows = NULL;
    size_t n = 0, cap = 0;
    while ((rc = db_step(s, err)) == HG_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            general_row *r = xrealloc(rows, cap * sizeof *rows);
            if (!r) {
                rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
                break;
            }
            rows = r;
        }
        general_from_row(s, &rows[n++]);
    }
    db_reset(s);
    if (rc == HG_DONE)
        rc = HG_OK;
    json_t *items = json_array();
    for (size_t i = 0; i < n && !rc; i++) {
        json_t *o;
        if (!(rc = general_json(d, &rows[i], today, 1, &o, err)))
            json_array_append_new(items, o);
    }
    xfree(rows);
    if (rc)
        json_decref(items);
    else
        *out = json_pack("{s:o}", "items", items);
    return rc;
}

hg_rc tax_general_draw(db *d, const principal *who, int64_t general_id, const char *entry_no, int64_t amount,
                       int64_t last_free_day, int64_t today, tax_general_draw_out *out, hg_err *err)
{
    general_row g;
    int64_t used = 0, party = 0;
    hg_rc rc = general_load(d, who, general_id, &g, err);
    if (rc)
        return rc;
    char until[11], from[11];
    calendar_format_date(g.until_day, until);
    calendar_format_date(g.from_day, from);
    if (strcmp(g.status, "active") != 0)
        return hg_fail(err, HG_CONFLICT, "conflict", "general_guarantee_id",
                       "the general guarantee is %s: only one a tax officer accepted secures a bill",
                       general_standing(&g, today));
    if (today < g.from_day)
        return hg_fail(err, HG_CONFLICT, "conflict", "general_guarantee_id",
                       "the general guarantee is valid only from %s", from);
    if (g.until_day < today)
        return hg_fail(err, HG_CONFLICT, "conflict", "general_guarantee_id", "the general guarantee expired on %s",
                       until);
    if (g.until_day < last_free_day) {
        char last[11];
        calendar_format_date(last_free_day, last);
        /* TRANSLATORS: 1: until; 2: last */
        return hg_fail(err, HG_CONFLICT, "conflict", "general_guarantee_id",
                       "the general guarantee ends on %s, before %s, the last day of the payment period", until, last);
    }
    rc = db_int(
        d, &party, err,
        "SELECT COUNT(*) FROM tax_bills WHERE entry_no = ? AND (declarant = ? OR consignee = ? OR consignor = ?)",
        "tttt", entry_no, g.enterprise, g.enterprise, g.enterprise);
    if (!rc && !party)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "general_guarantee_id",
                     "a general guarantee secures the declarations of its own enterprise");
    if (!rc)
        rc = general_used(d, general_id, &used, err);
    if (!rc && g.amount - used < amount) {
        char avail[40], want[40];
        money_format(g.amount - used, avail, sizeof avail);
        money_format(amount, want, sizeof want);
        /* TRANSLATORS: 1: avail; 2: want */
        rc = hg_fail(err, HG_CONFLICT, "conflict", "general_guarantee_id",
                     "the general guarantee has %s left, less than the %s this bill needs", avail, want);
    }
    if (!rc) {
        snprintf(out->kind, sizeof out->kind, "%s", g.kind);
        snprintf(out->guarantor, sizeof out->guarantor, "%s", g.guarantor);
        out->until_day = g.until_day;
        out->available_after = g.amount - used - amount;
    }
    return rc;
}
