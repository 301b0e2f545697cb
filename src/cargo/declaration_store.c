/* declaration_store.c — declarations: filing (entry number, screening, advance flag),
 * reading with the timeline, listing, release (automatic and by an officer) and the
 * two-step complete declaration. Each write is one transaction with its audit rows. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/buf.h"
#include "../platform/i18n.h"
#include "../platform/json_canon.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/module.h"
#include "../platform/words.h"
#include "../enterprise/enterprise.h"
#include "../risk/risk_store.h"
#include "../tax/tax_store.h"
#include "cargo.h"
#include "cargo_store.h"

/* f->tax_settled from tax; a database fault is returned as one, never read as "not settled". */
static hg_rc tax_settled(db *d, const char *entry_no, release_facts *f, hg_err *err)
{
    return tax_settled_for_release(d, entry_no, &f->tax_settled, err);
}

static void take_text(const json_t *o, const char *key, char *out, size_t n)
{
    const char *v = json_string_value(json_object_get(o, key));
    out[0] = '\0';
    if (v && strlen(v) < n)
        memcpy(out, v, strlen(v) + 1);
}

/* Risk screens a declaration in its own terms (risk.h's risk_decl): its header and items. */
static hg_rc screen(db *d, const json_t *decl, risk_verdict *out, hg_err *err)
{
    risk_decl rd;
    memset(&rd, 0, sizeof rd);
    json_t *items = json_object_get(decl, "items");
    take_text(decl, "entry_no", rd.id, sizeof rd.id);
    const char *dir = json_string_value(json_object_get(decl, "direction"));
    rd.direction = dir && strcmp(dir, "export") == 0 ? RISK_EXPORT : RISK_IMPORT;
    const char *kind = json_string_value(json_object_get(decl, "kind"));
    rd.kind = kind && strcmp(kind, "summary") == 0 ? RK_SUMMARY : RK_COMPLETE;
    if (json_is_true(json_object_get(decl, "advance")))
        rd.kind = RK_ADVANCE;
    take_text(decl, "port", rd.port, sizeof rd.port);
    take_text(decl, "transport_mode", rd.transport_mode, sizeof rd.transport_mode);
    take_text(decl, "trade_country", rd.trade_country, 3); /* alpha-2 only: rules speak alpha-2 */
    take_text(decl, "consignee", rd.consignee, sizeof rd.consignee);
    take_text(decl, "consignor", rd.consignor, sizeof rd.consignor);
    take_text(decl, "declarant", rd.declarant, sizeof rd.declarant);
    take_text(decl, "bill_no", rd.bill_no, sizeof rd.bill_no);
    size_t n = json_array_size(items);
    if (n && !(rd.items = xcalloc(n, sizeof *rd.items)))
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    for (size_t i = 0; i < n; i++) {
        json_t *it = json_array_get(items, i);
        risk_item *ri = &rd.items[rd.n_items++];
        int64_t fen = 0, qty = 0, gross_g = 0;   /* qty in 1e-5 of its unit (cargo.h) */
        decimal_from_json(json_object_get(it, "quantity"), CARGO_QUANTITY_SCALE, &qty);
        decimal_from_json(json_object_get(it, "gross_weight_kg"), CARGO_WEIGHT_SCALE, &gross_g);
        hg_err e;
        take_text(it, "hs_code", ri->hs_code, sizeof ri->hs_code);
        take_text(it, "origin", ri->origin, 3);
        ri->description = json_string_value(json_object_get(it, "name"));
        const char *v = json_string_value(json_object_get(it, "value"));
        if (v && !money_parse(v, &fen, &e))
            ri->value_fen = fen;
        ri->unit_price_fen = qty > 0 ? (int64_t)((__int128)ri->value_fen * CARGO_QUANTITY_UNIT / qty) : 0;
        ri->gross_weight_g = gross_g;
        ri->frozen = json_is_true(json_object_get(it, "frozen"));
    }
    hg_rc rc = risk_screen_subject(d, &rd, out, err);
    xfree(rd.items);
    return rc;
}

/* Tax assesses a declaration in its own terms (tax_store.h): its parties, its goods and when
 * its transport declared entry, if it had (entry_ms, else 0: the late-declaration fee). */
static void subject_of(const json_t *decl, tax_goods *goods, int64_t entry_ms, tax_subject *s)
{
    const json_t *items = json_object_get(decl, "items");
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item)
        goods[i] = (tax_goods){.hs_code = json_string_value(json_object_get(item, "hs_code")),
                               .value = json_string_value(json_object_get(item, "value")),
                               .currency = json_string_value(json_object_get(item, "currency")),
                               .origin = json_string_value(json_object_get(item, "origin")),
                               .price_terms = json_string_value(json_object_get(item, "price_terms")),
                               .freight = json_string_value(json_object_get(item, "freight")),
                               .insurance = json_string_value(json_object_get(item, "insurance")),
                               .other_costs = json_string_value(json_object_get(item, "other_costs")),
                               .certificate_no = json_string_value(json_object_get(item, "certificate_no"))};
    *s = (tax_subject){.entry_no = json_string_value(json_object_get(decl, "entry_no")),
                       .import = strcmp(json_string_value(json_object_get(decl, "direction")), "import") == 0,
                       .declarant = json_string_value(json_object_get(decl, "declarant")),
                       .consignee = json_string_value(json_object_get(decl, "consignee")),
                       .consignor = json_string_value(json_object_get(decl, "consignor")),
                       .goods = goods,
                       .n_goods = json_array_size(items),
                       .transport_entry_ms = entry_ms};
}

hg_rc cargo_reassess(db *d, const json_t *decl, const char *cause, int64_t rate_ms, const char *actor,
                     const char *request_id, json_t **outcome, hg_err *err)
{
    size_t n = json_array_size(json_object_get(decl, "items"));
    tax_goods *goods = n ? xcalloc(n, sizeof *goods) : NULL;
    if (n && !goods)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    tax_subject s;
    subject_of(decl, goods, 0, &s);
    s.rate_ms = rate_ms;
    hg_rc rc = tax_reassess(d, &s, cause, actor, request_id, outcome, err);
    xfree(goods);
    return rc;
}

/* 关税法 and 进出口关税条例 (第十五条): goods declared before they arrive, with customs'
 * leave, take the rates in force on the day their transport declares entry. So at the
 * transport's entry at_ms every declaration of bill_no filed before it that still stands is
 * assessed again with the exchange rate of that day's month (tax_reassess: a difference is
 * re-issued, or becomes a supplementary bill or a refund); its timeline says so when the tax
 * changed. Inside the caller's transaction. */
hg_rc cargo_reassess_at_entry(db *d, const char *bill_no, int64_t at_ms, const char *actor, const char *request_id,
                              hg_err *err)
{
    enum { MAX = 256 };
    char (*entries)[19] = xcalloc(MAX, sizeof *entries);
    if (!entries)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    db_stmt *s;
    int n = 0;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT entry_no FROM declarations WHERE bill_no = ? AND filed_ms < ? AND status IN (?, ?, ?) "
                        "AND direction = 'import' ORDER BY entry_no",
                        "tittt",
                        bill_no, at_ms, DECL_FILED, DECL_INSPECTION, DECL_PERMITTED);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        if (n < MAX)
            snprintf(entries[n++], 19, "%s", db_col_text(s, 0));
        rc = HG_OK;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    principal customs = {.role = ROLE_SYSTEM};
    for (int i = 0; i < n && !rc; i++) {
        json_t *decl = NULL, *outcome = NULL;
        rc = declaration_get(d, &customs, entries[i], &decl, err);
        if (!rc)
            rc = cargo_reassess(d, decl, "transport_entry", at_ms, actor, request_id, &outcome, err);
        if (!rc && strcmp(json_string_value(json_object_get(outcome, "outcome")), "unchanged") != 0)
            rc = cargo_add_event(d, entries[i], "system", "tax_reassessed", outcome, err);
        json_decref(outcome);
        json_decref(decl);
    }
    xfree(entries);
    return rc;
}

hg_rc cargo_screen(db *d, const json_t *decl, struct risk_verdict *out, hg_err *err) { return screen(d, decl, out, err); }

static hg_rc assess_tax(db *d, const json_t *decl, int64_t entry_ms, hg_err *err)
{
    size_t n = json_array_size(json_object_get(decl, "items"));
    tax_goods *goods = n ? xcalloc(n, sizeof *goods) : NULL;
    if (n && !goods)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    tax_subject s;
    subject_of(decl, goods, entry_ms, &s);
    hg_rc rc = tax_assess(d, &s, err);
    xfree(goods);
    return rc;
}

/* cargo's row of tax's TAX_SUBJECTS: a bill is seen by whoever sees its declaration, and a
 * change to it goes on the declaration's timeline and may release it. */
static hg_rc tax_subject_visible(db *d, const principal *who, const char *entry_no, hg_err *err)
{
    json_t *decl = NULL;
    hg_rc rc = declaration_get(d, who, entry_no, &decl, err);
    json_decref(decl);
    return rc;
}

static hg_rc tax_subject_changed(db *d, const char *entry_no, const char *actor, const char *event,
                                 const json_t *detail, int settled, hg_err *err)
{
    hg_rc rc = cargo_event(d, entry_no, actor, event, detail, err);
    if (!rc && settled)
        rc = cargo_auto_release_entry(d, entry_no, "system", err);
    return rc;
}

const tax_subjects cargo_tax_subjects = {.visible = tax_subject_visible, .changed = tax_subject_changed};

static int sees_declaration(const principal *who, const json_t *decl)
{
    if (who->role != ROLE_ENTERPRISE)
        return 1;
    static const char *const parties[] = {"declarant", "consignee", "consignor"};
    for (int i = 0; i < 3; i++) {
        const char *v = json_string_value(json_object_get(decl, parties[i]));
        if (v && strcmp(v, who->enterprise) == 0)
            return 1;
    }
    return 0;
}

/* Header rules that a field table cannot say. */
static hg_rc header_rules(const record *r, const principal *who, hg_err *err)
{
    int import = strcmp(record_text(r, "direction"), "import") == 0;
    if (import && !record_text(r, "consignee"))
        return hg_fail(err, HG_INVALID, "required", "consignee", "an import declaration names the consignee");
    if (!import && !record_text(r, "consignor"))
        return hg_fail(err, HG_INVALID, "required", "consignor", "an export declaration names the consignor");
    if (!import && record_int(r, "ship_side_pickup", 0))
        return hg_fail(err, HG_INVALID, "invalid", "ship_side_pickup", "ship-side pickup is for imports");
    if (import && record_int(r, "arrival_direct_loading", 0))
        return hg_fail(err, HG_INVALID, "invalid", "arrival_direct_loading", "arrival direct loading is for exports");
    if (record_int(r, "release_first", 0)) {
        int n;
        const record *items = record_list(r, "items", &n);
        if (!import)
            return hg_fail(err, HG_INVALID, "invalid", "release_first", "release first, inspect later is for imports");
        for (int i = 0; i < n; i++)
            if (!cargo_bulk_commodity(record_text(&items[i], "hs_code"))) {
                char f[40];
                snprintf(f, sizeof f, "items[%d].hs_code", i);
                return hg_fail(err, HG_INVALID, "invalid", f,
                               "release first, inspect later is for bulk commodities (ores, coal, crude oil, grain)");
            }
    }
    int n_items;
    const record *items = record_list(r, "items", &n_items);
    for (int i = 0; i < n_items; i++) {
        hg_rc rc = cargo_item_plausible(&items[i], i, err);
        if (rc)
            return rc;
    }
    if (who->role == ROLE_ENTERPRISE && strcmp(record_text(r, "declarant"), who->enterprise) != 0)
        return hg_fail(err, HG_FORBIDDEN, "declarant_self", "declarant",
                       "you declare as your own enterprise (a broker names the enterprise it declares for as consignee "
                       "or consignor)");
    return HG_OK;
}

/* Facts about the bill: its manifest's direction and port, and arrival. */
typedef struct bill_facts {
    char bill_no[40], direction[8], port[8], transport_mode[8], consignee[24];
    int64_t packages, gross_g;   /* what the manifest says the bill carries (grams) */
    int transport_arrived;
    int64_t transport_arrived_ms;
    int arrived;
    int64_t arrived_ms;
} bill_facts;

/* When the goods of a bill arrived (运抵): the bill's own arrival report, or, when every one of
 * the containers (those declaration entry_no covers; NULL: all the bill's) has its own, the
 * last of their first reports; 0 while any is missing (or there are none to report). One
 * container's arrival is that container's only. */
hg_rc cargo_goods_arrived(db *d, const char *bill_no, const char *entry_no, int64_t *at_ms, hg_err *err)
{
    *at_ms = 0;
    hg_rc rc = db_int(d, at_ms, err,
                      "SELECT COALESCE(MIN(at_ms), 0) FROM arrivals WHERE bill_no = ? AND container_no IS NULL", "t",
                      bill_no);
    if (rc || *at_ms)
        return rc;
    char list[2048] = "";
    {
        db_stmt *s;
        if ((rc = entry_no ? db_query(d, &s, err,
                                      "SELECT container_no FROM declaration_containers WHERE entry_no = ?"
                                      " ORDER BY container_no",
                                      "t", entry_no)
                           : db_query(d, &s, err,
                                      "SELECT container_no FROM bill_containers WHERE bill_no = ? ORDER BY container_no",
                                      "t", bill_no)))
            return rc;
        size_t len = 0;
        while ((rc = db_step(s, err)) == HG_ROW)
            len += (size_t)snprintf(list + len, len < sizeof list ? sizeof list - len : 0, "%s%s", len ? "," : "",
                                    db_col_text(s, 0));
        db_reset(s);
        if (rc != HG_DONE)
            return rc;
        if (len >= sizeof list)
            return hg_fail(err, HG_INTERNAL, NULL, NULL, "too many containers on bill %s", bill_no);
    }
    int64_t last = 0;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        char one[16];
        snprintf(one, sizeof one, "%.*s", (int)(n < 15 ? n : 15), p);
        int64_t first = 0;
        if ((rc = db_int(d, &first, err,
                         "SELECT COALESCE(MIN(at_ms), 0) FROM arrivals WHERE bill_no = ? AND container_no = ?", "tt",
                         bill_no, one)))
            return rc;
        if (!first)
            return HG_OK;   /* one still missing: the goods have not all arrived */
        if (first > last)
            last = first;
        p += n + (p[n] == ',');
    }
    *at_ms = last;
    return HG_OK;
}

static hg_rc load_bill_facts(db *d, const char *bill_no, bill_facts *f, hg_err *err)
{
    memset(f, 0, sizeof *f);
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT m.direction, m.port, m.status, COALESCE(m.arrived_ms, 0), 0, m.transport_mode,"
                        " b.consignee, b.packages, b.gross_weight_kg "
                        "FROM manifest_bills b JOIN manifests m ON m.manifest_no = b.manifest_no WHERE b.bill_no = ?",
                        "t", bill_no);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        snprintf(f->direction, sizeof f->direction, "%s", db_col_text(s, 0));
        snprintf(f->port, sizeof f->port, "%s", db_col_text(s, 1));
        f->transport_arrived = strcmp(db_col_text(s, 2), "arrived") == 0;
        f->transport_arrived_ms = db_col_int(s, 3);
        f->arrived_ms = db_col_int(s, 4);
        snprintf(f->transport_mode, sizeof f->transport_mode, "%s", db_col_text(s, 5));
        snprintf(f->bill_no, sizeof f->bill_no, "%s", bill_no);
        snprintf(f->consignee, sizeof f->consignee, "%s", db_col_text(s, 6));
        f->packages = db_col_int(s, 7);
        f->gross_g = db_col_int(s, 8);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_INVALID, "not_found", "bill_no",
                     "no manifest carries bill %s; the carrier files the manifest first", bill_no);
    }
    db_reset(s);
    if (!rc)
        rc = cargo_goods_arrived(d, bill_no, NULL, &f->arrived_ms, err);
    f->arrived = f->arrived_ms > 0;
    return rc;
}

/* Releases one declaration (the caller checked the rules) and records it everywhere: with
 * detail NULL (an automatic release, inside another change) its audit row too; else *detail
 * (the caller's) is what the caller's own audit row records. */
static hg_rc do_release(db *d, const char *entry_no, const char *actor, const char *request_id, int automatic,
                        json_t **detail_out, hg_err *err)
{
    int64_t now = now_ms(), permitted = 0;
    hg_rc prc = db_int(d, &permitted, err, "SELECT COALESCE(permitted_ms, 0) FROM declarations WHERE entry_no = ?", "t",
                       entry_no);
    if (prc)
        return prc;
    hg_rc rc = db_run(d, err, "UPDATE declarations SET status = ?, released_ms = ?, updated_ms = ? WHERE entry_no = ?",
                      "tiit", DECL_RELEASED, now, now, entry_no);
    /* two-stage admission: the release of permitted goods is their qualification for market */
    json_t *detail = json_pack("{s:b, s:s*}", "automatic", automatic, "stage",
                               permitted ? "qualified_for_market" : NULL);
    if (!rc)
        rc = ledger_update(d, entry_no, 0, NULL, 1, err);
    if (!rc)
        rc = cargo_add_event(d, entry_no, actor, "released", detail, err);
    if (!rc)
        rc = cargo_emit(d, "declaration.released", entry_no, actor, request_id, detail, err);
    if (!rc && !detail_out) {
        audit_event e = {actor, "declaration.release", "declaration", entry_no, request_id, NULL, detail, NULL};
        rc = audit_append(d, &e, NULL, err);
    }
    if (!rc && detail_out)
        *detail_out = detail;
    else
        json_decref(detail);
    return rc;
}

/* An order on the declaration's transport (CARGO_MANIFEST_HOLDS) as a release condition. */
static const cargo_release_condition manifest_held = {
    .field = "manifest",
    .refusal = N_("an order holds the goods of this transport (no unloading) until an officer lifts it"),
    .rule = "no_unloading"};

hg_rc cargo_release_conditions(db *d, const char *entry_no, release_facts *f, hg_err *err)
{
    size_t at = 0;
    hg_rc rc = HG_OK;
    f->unmet = NULL;
    for (const cargo_release_condition *c; !rc && !f->unmet && (c = modules_extension_next(CARGO_RELEASE_CONDITIONS, &at));) {
        int holds = 1;
        rc = c->holds(d, entry_no, &holds, err);
        if (!rc && !holds)
            f->unmet = c;
    }
    char manifest_no[40] = "";
    db_stmt *s;
    if (!rc && !f->unmet &&
        !(rc = db_query(d, &s, err,
                        "SELECT b.manifest_no FROM declarations x JOIN manifest_bills b ON b.bill_no = x.bill_no"
                        " WHERE x.entry_no = ?",
                        "t", entry_no))) {
        if ((rc = db_step(s, err)) == HG_ROW)
            snprintf(manifest_no, sizeof manifest_no, "%s", db_col_text(s, 0));
        db_reset(s);
        rc = rc == HG_ROW || rc == HG_DONE ? HG_OK : rc;
    }
    const cargo_manifest_hold *h = NULL;
    if (!rc && manifest_no[0])
        rc = cargo_manifest_held(d, manifest_no, &h, err);
    if (!rc && h)
        f->unmet = &manifest_held;
    return rc;
}

/* Releases one declaration of a bill if the rules allow it now; *released (if given) says
 * whether it did. */
static hg_rc auto_release_one(db *d, const bill_facts *bf, const char *entry_no, const char *status, const char *lane,
                              int pickup, int loading, int first, const char *actor, int *released, hg_err *err)
{
    if (released)
        *released = 0;
    bill_facts mine = *bf;   /* the goods this declaration covers arrived, not just the bill's */
    hg_rc arc = cargo_goods_arrived(d, bf->bill_no, entry_no, &mine.arrived_ms, err);
    if (arc)
        return arc;
    mine.arrived = mine.arrived_ms > 0;
    bf = &mine;
    release_facts f = {.status = status,
                       .lane = lane,
                       .arrived = bf->arrived,
                       .transport_arrived = bf->transport_arrived,
                       .ship_side_pickup = pickup,
                       .arrival_direct_loading = loading,
                       .release_first = first};
    /* permitted goods were cleared by an officer at the first stage: only the results were missing */
    if (strcmp(status, DECL_PERMITTED) == 0)
        f.by_officer = f.inspection_passed = 1;
    /* under inspection, only release-first goods go automatically */
    if (strcmp(status, DECL_INSPECTION) == 0 && !first)
        return HG_OK;
    /* first the rules that need no query, as if tax were settled and no sample waited: most
     * declarations (filed before their goods arrive) stop here */
    hg_err ignored;
    f.tax_settled = 1;
    if (cargo_release_allowed(&f, &ignored) != HG_OK)
        return HG_OK;
    hg_rc rc = tax_settled(d, entry_no, &f, err);
    if (!rc)
        rc = cargo_sample_counts(d, entry_no, &f.samples_pending, &f.sample_positive, err);
    if (!rc)
        rc = cargo_release_conditions(d, entry_no, &f, err);
    if (!rc && cargo_release_allowed(&f, &ignored) == HG_OK && !(rc = do_release(d, entry_no, actor, NULL, 1, NULL, err)) &&
        released)
        *released = 1;
    return rc;
}

hg_rc cargo_auto_release_bill(db *d, const char *bill_no, const char *actor, hg_err *err)
{
    bill_facts bf;
    hg_rc rc = load_bill_facts(d, bill_no, &bf, err);
    if (rc)
        return rc;
    /* in pages of 64, collected first: the statement cannot stay open across the writes */
    enum { PAGE = 64 };
    char entries[PAGE][19], states[PAGE][16], lanes_of[PAGE][8], after[19] = "";
    int pickup[PAGE], loading[PAGE], first[PAGE], n;
    do {
        db_stmt *s;
        n = 0;
        if ((rc = db_query(d, &s, err,
                           "SELECT entry_no, status, lane, COALESCE(ship_side_pickup, 0), "
                           "COALESCE(arrival_direct_loading, 0), COALESCE(release_first, 0) FROM declarations "
                           "WHERE bill_no = ? AND status IN (?, ?, ?) AND entry_no > ? ORDER BY entry_no LIMIT 64",
                           "ttttt", bill_no, DECL_FILED, DECL_PERMITTED, DECL_INSPECTION, after)))
            return rc;
        while ((rc = db_step(s, err)) == HG_ROW && n < PAGE) {
            snprintf(entries[n], sizeof entries[0], "%s", db_col_text(s, 0));
            snprintf(states[n], sizeof states[0], "%s", db_col_text(s, 1));
            snprintf(lanes_of[n], sizeof lanes_of[0], "%s", db_col_text(s, 2));
            pickup[n] = (int)db_col_int(s, 3);
            loading[n] = (int)db_col_int(s, 4);
            first[n] = (int)db_col_int(s, 5);
            n++;
        }
        db_reset(s);
        if (rc != HG_DONE && rc != HG_ROW)
            return rc;
        rc = HG_OK;
        for (int i = 0; i < n && !rc; i++)
            rc = auto_release_one(d, &bf, entries[i], states[i], lanes_of[i], pickup[i], loading[i], first[i], actor,
                                  NULL, err);
        if (n)
            memcpy(after, entries[n - 1], sizeof after);
    } while (!rc && n == PAGE);
    return rc;
}

hg_rc cargo_auto_release_entry(db *d, const char *entry_no, const char *actor, hg_err *err)
{
    db_stmt *s;
    char bill[40] = "";
    hg_rc rc = db_query(d, &s, err, "SELECT bill_no FROM declarations WHERE entry_no = ?", "t", entry_no);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW)
        snprintf(bill, sizeof bill, "%s", db_col_text(s, 0));
    db_reset(s);
    if (rc == HG_DONE)
        return hg_fail(err, HG_NOTFOUND, "not_found", "entry_no", "no such declaration");
    return rc == HG_ROW ? cargo_auto_release_bill(d, bill, actor, err) : rc;
}

/* Sets a server field of the draft, in the record (for the insert) and in its JSON. */
static int draft_set(declaration_draft *dr, const char *name, const char *text, int64_t v)
{
    if (text ? record_set_text(&dr->r, name, text) : record_set_int(&dr->r, name, v))
        return -1;
    json_t *j = record_field_json(&dr->r, name);
    return !j || json_object_set_new(dr->filed, name, j);
}

/* The fields the writer decides when it files a declaration: the holes of the draft's
 * canonical text, which the request's own thread writes (json_canon_template), with the
 * stand-ins they hold until then (text, or a number when NULL). */
static const char *const writer_fields[] = {"entry_no", "status", "lane", "advance", "filed_at", "updated_at",
                                            "green_channel"};
static const char *const stand_ins[] = {"", DECL_FILED, "green", NULL, NULL, NULL, NULL};
#define N_WRITER_FIELDS ((int)(sizeof writer_fields / sizeof writer_fields[0]))

/* The draft's canonical text with the writer's fields left as holes: set to stand-ins, so that
 * they have their places among the sorted keys, and written as marks. A hole is found by its
 * address, so in the JSON each is a string of its own: jansson's true, false and null are
 * shared by every member that has them. */
static hg_rc draft_template(declaration_draft *dr)
{
    const json_t *holes[N_WRITER_FIELDS];
    for (int i = 0; i < N_WRITER_FIELDS; i++) {
        json_t *hole = json_string("");
        if (!hole || draft_set(dr, writer_fields[i], stand_ins[i], 0) ||
            json_object_set_new(dr->filed, writer_fields[i], hole))
            return HG_NOMEM;
        holes[i] = hole;
    }
    buf b;
    buf_init(&b, 1u << 24);
    hg_rc rc = json_canon_template(dr->filed, holes, N_WRITER_FIELDS, &b);
    if (!rc && !(dr->tmpl = buf_take(&b)))
        rc = HG_NOMEM;
    buf_free(&b);
    return rc;
}

/* The canonical text of the filed draft (xfree it), from its template; NULL when it has none. */
static char *draft_canon(const declaration_draft *dr)
{
    const json_t *values[N_WRITER_FIELDS];
    if (!dr->tmpl)
        return NULL;
    for (int i = 0; i < N_WRITER_FIELDS; i++)
        values[i] = json_object_get(dr->filed, writer_fields[i]);
    buf b;
    buf_init(&b, 1u << 24);
    char *text = json_canon_fill(dr->tmpl, values, N_WRITER_FIELDS, &b) ? NULL : buf_take(&b);
    buf_free(&b);
    return text;
}

hg_rc declaration_draft_make(const principal *who, const json_t *body, declaration_draft **out, hg_err *err)
{
    declaration_draft *dr = xcalloc(1, sizeof *dr);
    *out = NULL;
    if (!dr)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    hg_rc rc = record_from_json(&declaration_record, body, REC_CREATE, &dr->r, err);
    if (!rc)
        rc = header_rules(&dr->r, who, err);
    /* the JSON of what was parsed; the fields the server sets are filled in when filed */
    if (!rc && !(dr->filed = record_to_json(&dr->r)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    /* its canonical text, but for the writer's fields: the audit row and the answer */
    if (!rc && draft_template(dr))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (rc)
        declaration_draft_free(dr);
    else
        *out = dr;
    return rc;
}

void declaration_draft_free(declaration_draft *dr)
{
    if (!dr)
        return;
    record_free(&dr->r);
    json_decref(dr->filed);
    xfree(dr->tmpl);
    xfree(dr);
}

hg_rc declaration_file(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    declaration_draft *dr;
    *out = NULL;
    hg_rc rc = declaration_draft_make(c->who, body, &dr, err);
    if (!rc)
        rc = declaration_file_draft(c, dr, out, NULL, err);
    declaration_draft_free(dr);
    return rc;
}

/* The parties of a filing (海关进出口货物申报管理规定 art. 6-8: the consignee or consignor
 * declares itself or entrusts a customs broker, who declares in its name under an agency
 * agreement): both registered; the owner of the goods is the bill's consignee on the
 * manifest (for exports the shipper the manifest names); every enterprise named other than
 * the declarant has entrusted it, at this port, now. */
static hg_rc filing_parties(db *d, const record *rec, const bill_facts *bf, int64_t now, hg_err *err)
{
    int import = strcmp(record_text(rec, "direction"), "import") == 0;
    const char *declarant = record_text(rec, "declarant"), *owner_field = import ? "consignee" : "consignor";
    const char *owner = record_text(rec, owner_field), *port = record_text(rec, "port");
    hg_rc rc = enterprise_find(d, declarant, err);
    if (rc == HG_NOTFOUND)
        return hg_fail(err, HG_INVALID, "party_unregistered", "declarant", "the declarant %s is not a registered enterprise",
                       declarant);
    static const char *const named[] = {"consignee", "consignor"};
    for (int i = 0; i < 2 && !rc; i++) {
        const char *p = record_text(rec, named[i]);
        if (!p || strcmp(p, declarant) == 0)
            continue;
        rc = enterprise_find(d, p, err);
        if (rc == HG_NOTFOUND)
            /* TRANSLATORS: 1: named[i]; 2: p */
            return hg_fail(err, HG_INVALID, "party_unregistered", named[i], "the %s %s is not a registered enterprise",
                           named[i], p);
        int holds = 0;
        if (!rc)
            rc = agency_holds(d, p, declarant, port, now, &holds, err);
        if (!rc && !holds)
            /* TRANSLATORS: 1: p; 2: named[i]; 3: port */
            return hg_fail(err, HG_FORBIDDEN, "agency_agreement", named[i],
                           "the declarant names %s as %s without that enterprise's agency agreement (代理报关委托) for "
                           "port %s now",
                           p, named[i], port);
    }
    if (!rc && owner && strcmp(owner, bf->consignee) != 0)
        /* TRANSLATORS: 1: owner_field; 2: bill_no */
        return hg_fail(err, HG_FORBIDDEN, "bill_consignee", owner_field,
                       "the %s must be the party the manifest names on bill %s", owner_field,
                       record_text(rec, "bill_no"));
    return rc;
}

/* Reconciles the declaration with its bill: the same transport mode as the manifest, only
 * the bill's containers, and packages and gross weight that, with the bill's other
 * declarations (except refused ones), stay within what the bill carries (weight within the
 * configured tolerance: scales and packing differ). */
/* The gross weight declared on bill_no by its declarations that still stand (not refused
 * or cancelled: a cancellation frees its share of the bill). */
static hg_rc declared_gross(db *d, const char *bill_no, int64_t *grams, hg_err *err)
{
    return db_int(d, grams, err,
                  "SELECT COALESCE(SUM(i.gross_weight_kg), 0) FROM declaration_items i JOIN declarations x"
                  " ON x.entry_no = i.entry_no WHERE x.bill_no = ? AND x.status NOT IN (?, ?)",
                  "ttt", bill_no, DECL_REFUSED, DECL_CANCELLED);
}

/* HG_CONFLICT bill_weight when declared_g grams exceed the bill's bill_g by more than the
 * tolerance; in 128 bits, as grams times a million pass 2^63 for the heaviest bills. */
static hg_rc within_bill(const char *bill_no, int64_t bill_g, int64_t declared_g, hg_err *err)
{
    if ((__int128)declared_g * 1000000 <= (__int128)bill_g * (1000000 + cargo_cfg.weight_tolerance_ppm))
        return HG_OK;
    char bill[DECIMAL_TEXT_MAX], declared[DECIMAL_TEXT_MAX];
    decimal_format(bill_g, CARGO_WEIGHT_SCALE, bill, sizeof bill);
    decimal_format(declared_g, CARGO_WEIGHT_SCALE, declared, sizeof declared);
    return hg_fail(err, HG_CONFLICT, "bill_weight", "items",
                   "bill %s carries %s kg gross; its declarations would declare %s kg", bill_no, bill, declared);
}

hg_rc cargo_bill_weight_ok(db *d, const char *bill_no, int64_t extra_g, hg_err *err)
{
    int64_t bill_g = 0, declared = 0;
    hg_rc rc = db_int(d, &bill_g, err, "SELECT gross_weight_kg FROM manifest_bills WHERE bill_no = ?", "t", bill_no);
    if (!rc)
        rc = declared_gross(d, bill_no, &declared, err);
    return rc ? rc : within_bill(bill_no, bill_g, declared + extra_g, err);
}

static hg_rc filing_goods(db *d, const record *rec, const bill_facts *bf, hg_err *err)
{
    const char *bill = record_text(rec, "bill_no");
    if (strcmp(record_text(rec, "transport_mode"), bf->transport_mode) != 0)
        return hg_fail(err, HG_INVALID, "transport_mode", "transport_mode",
                       "the transport mode must be the manifest's (%s)", hg_word(bf->transport_mode));
    /* the manifest's port served its mode when it was filed; the table may have changed since */
    hg_rc rc = cargo_port_serves(d, record_text(rec, "port"), bf->transport_mode, "transport_mode", err);
    const char *list = record_text(rec, "containers");
    for (const char *p = list; p && *p && !rc;) {
        size_t n = strcspn(p, ",");
        char one[16];
        snprintf(one, sizeof one, "%.*s", (int)(n < 15 ? n : 15), p);
        int64_t on = 0;
        rc = db_int(d, &on, err, "SELECT COUNT(*) FROM bill_containers WHERE bill_no = ? AND container_no = ?", "tt", bill,
                    one);
        if (!rc && !on)
            /* TRANSLATORS: 1: one; 2: bill */
            return hg_fail(err, HG_INVALID, "container_not_on_bill", "containers", "container %s is not on bill %s", one,
                           bill);
        p += n + (p[n] == ',');
    }
    int n_items;
    const record *items = record_list(rec, "items", &n_items);
    int64_t gross = 0, packages = record_int(rec, "packages", bf->packages), other_packages = 0, other_gross = 0;
    for (int i = 0; i < n_items; i++)
        gross += record_int(&items[i], "gross_weight_kg", 0);
    /* the packages and the gross weight the bill's standing declarations take, in one read (a
     * round trip on PostgreSQL) */
    db_stmt *s = NULL;
    if (!rc)
        rc = db_query(d, &s, err,
                      "SELECT COALESCE(SUM(COALESCE(x.packages, ?)), 0), (SELECT COALESCE(SUM(i.gross_weight_kg), 0)"
                      " FROM declaration_items i JOIN declarations y ON y.entry_no = i.entry_no WHERE y.bill_no = ?"
                      " AND y.status NOT IN (?, ?)) FROM declarations x WHERE x.bill_no = ? AND x.status NOT IN (?, ?)",
                      "itttttt", bf->packages, bill, DECL_REFUSED, DECL_CANCELLED, bill, DECL_REFUSED, DECL_CANCELLED);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        other_packages = db_col_int(s, 0);
        other_gross = db_col_int(s, 1);
        rc = HG_OK;
    }
    if (s)
        db_reset(s);
    if (!rc && packages + other_packages > bf->packages)
        /* TRANSLATORS: 1: bill; 2: packages; 3: (packages + other_packages) */
        return hg_fail(err, HG_CONFLICT, "bill_packages", "packages",
                       "bill %s carries %lld packages; its declarations would declare %lld", bill,
                       (long long)bf->packages, (long long)(packages + other_packages));
    return rc ? rc : within_bill(bill, bf->gross_g, gross + other_gross, err);
}

/* The green channel (绿色通道) is the goods': an import all of whose items are fresh or live
 * produce of the district's table (green_channel_goods, by HS chapter or heading). */
static hg_rc green_goods(db *d, const record *rec, int *green, hg_err *err)
{
    int n;
    const record *items = record_list(rec, "items", &n);
    *green = strcmp(record_text(rec, "direction"), "import") == 0 && n > 0;
    hg_rc rc = HG_OK;
    for (int i = 0; i < n && *green && !rc; i++) {
        int64_t hit = 0;
        rc = db_int(d, &hit, err, "SELECT COUNT(*) FROM green_channel_goods WHERE ? LIKE hs_prefix || '%'", "t",
                    record_text(&items[i], "hs_code"));
        *green = hit > 0;
    }
    if (rc)
        *green = 0;
    return rc;
}

/* The containers a filed declaration covers: those it names, or all of its bill's. */
static hg_rc cover_containers(db *d, const char *entry_no, const record *rec, hg_err *err)
{
    const char *list = record_text(rec, "containers");
    if (!list || !*list)
        return db_run(d, err,
                      "INSERT INTO declaration_containers (entry_no, container_no) SELECT ?, container_no FROM "
                      "bill_containers WHERE bill_no = ?",
                      "tt", entry_no, record_text(rec, "bill_no"));
    hg_rc rc = HG_OK;
    for (const char *p = list; *p && !rc;) {
        size_t n = strcspn(p, ",");
        char one[16];
        snprintf(one, sizeof one, "%.*s", (int)(n < 15 ? n : 15), p);
        rc = db_run(d, err, "INSERT INTO declaration_containers (entry_no, container_no) VALUES (?, ?)", "tt", entry_no,
                    one);
        if (rc == HG_CONFLICT)
            rc = hg_fail(err, HG_INVALID, "invalid", "containers", "container %s is named twice", one);
        p += n + (p[n] == ',');
    }
    return rc;
}

hg_rc declaration_file_draft(const hg_ctx *c, declaration_draft *dr, json_t **out, char **text, hg_err *err)
{
    db *d = c->d;
    record *rec = &dr->r;
    risk_verdict verdict = {.lane = "green"};
    *out = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    bill_facts bf;
    const char *direction = record_text(rec, "direction"), *port = record_text(rec, "port");
    rc = cargo_port_known(d, port, "port", err);
    if (!rc)
        rc = load_bill_facts(d, record_text(rec, "bill_no"), &bf, err);
    /* a bill manifested elsewhere is answered as one that does not exist, in the declarant's
     * own terms: the answer must not tell another party's bill's port and direction */
    if ((rc == HG_INVALID && strcmp(err->code, "not_found") == 0) ||
        (!rc && (strcmp(bf.direction, direction) != 0 || strcmp(bf.port, port) != 0)))
        /* TRANSLATORS: 1: bill_no; 2: direction; 3: port */
        rc = hg_fail(err, HG_INVALID, "not_found", "bill_no",
                     "no manifest carries bill %s for %s at port %s; the carrier files the manifest first",
                     record_text(rec, "bill_no"), direction, port);
    int64_t now = c->now_ms, serial = 0;
    if (!rc)
        rc = filing_parties(d, rec, &bf, now, err);
    if (!rc)
        rc = filing_goods(d, rec, &bf, err);
    char prefix[24], entry_no[19] = "";
    snprintf(prefix, sizeof prefix, "EN%s%d%s", port, cargo_shanghai_year(now), direction);
    if (!rc)
        rc = cargo_next_serial(d, prefix, &serial, err);
    if (!rc && cargo_entry_no(port, cargo_shanghai_year(now), direction, serial, entry_no))
        rc = hg_fail(err, HG_CONFLICT, "conflict", "entry_no", "the entry numbers of port %s for this year are used up",
                     port);
    /* the declaration as filed, built from what was parsed rather than read back: screening,
     * tax and the checks read it, and (with its lane) it is the answer and the audit row */
    json_t *filed = dr->filed;
    if (!rc && (draft_set(dr, "entry_no", entry_no, 0) || draft_set(dr, "status", DECL_FILED, 0) ||
                draft_set(dr, "lane", "green", 0) || draft_set(dr, "advance", NULL, !bf.arrived) ||
                draft_set(dr, "filed_at", NULL, now) || draft_set(dr, "updated_at", NULL, now)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    int green = 0;
    if (!rc)
        rc = green_goods(d, rec, &green, err);
    if (!rc && draft_set(dr, "green_channel", NULL, green))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = cargo_check_tariff(d, direction, json_object_get(filed, "items"), err);
    if (!rc)
        rc = cargo_check_registry(d, direction, json_object_get(filed, "items"), now, err);
    if (!rc)
        rc = cargo_check_producers(d, json_object_get(filed, "items"), err);
    /* screening: every declaration, before anything else happens to it */
    char lane[8] = "green";
    if (!rc)
        rc = screen(d, filed, &verdict, err);
    if (!rc)
        snprintf(lane, sizeof lane, "%s", verdict.lane);
    int inspect = strcmp(lane, "red") == 0 || strcmp(lane, "yellow") == 0;
    const char *status = inspect ? DECL_INSPECTION : DECL_FILED;
    if (!rc && (draft_set(dr, "status", status, 0) || draft_set(dr, "lane", lane, 0)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = record_insert(d, rec, err);
    if (!rc)
        rc = cover_containers(d, entry_no, rec, err);
    json_t *lane_data = json_pack("{s:s}", "lane", lane);
    if (!rc)
        rc = cargo_emit_for(d, "declaration.filed", entry_no, record_text(rec, "declarant"), c->actor, c->request_id,
                            lane_data, err);
    if (!rc && inspect)
        rc = cargo_emit_for(d, "declaration.selected_for_inspection", entry_no, record_text(rec, "declarant"), "risk",
                            c->request_id, lane_data, err);
    json_decref(lane_data);
    if (!rc)
        rc = assess_tax(d, filed, bf.transport_arrived ? bf.transport_arrived_ms : 0, err);
    /* the first two events of its timeline, in one statement; their details are canonical JSON
     * written out here, the lane being one of a few plain words */
    char lane_detail[32];
    snprintf(lane_detail, sizeof lane_detail, "{\"lane\":\"%s\"}", lane);
    if (!rc)   /* at the filing's own time */
        rc = db_run(d, err,
                    "INSERT INTO declaration_events (entry_no, seq, at_ms, actor, event, detail) "
                    "VALUES (?, 1, ?, ?, 'filed', ?), (?, 2, ?, 'risk', 'screened', ?)",
                    "titttit", entry_no, now, c->actor, bf.arrived ? "{\"advance\":false}" : "{\"advance\":true}",
                    entry_no, now, lane_detail);
    if (!rc)
        rc = ledger_open(d, entry_no, filed, err);
    if (!rc)
        rc = cargo_open_checks(d, entry_no, filed, lane, &verdict, err);
    /* a new declaration changes nothing for the others on its bill: only it may go now */
    int released = 0;
    if (!rc)
        rc = auto_release_one(d, &bf, entry_no, status, lane, (int)record_int(rec, "ship_side_pickup", 0),
                              (int)record_int(rec, "arrival_direct_loading", 0), (int)record_int(rec, "release_first", 0),
                              "system", &released, err);
    if (!rc && released)
        rc = record_load_json(d, &declaration_record, entry_no, out, err);
    else if (!rc)
        *out = json_incref(filed);
    /* the declaration as filed is its draft's template filled in, unless released (reloaded) */
    char *canon = !rc && !released ? draft_canon(dr) : NULL;
#ifdef HG_FAST_PATH_CHECK
    /* test builds (meson -Dfast_path_check=true, as make test-asan sets): the template filled in
     * is the whole written again, which it stops being if the writer ever sets another field of
     * the draft. Not in the binary make run serves: it costs a second canonical dump per filing. */
    char *whole = canon ? json_canon_text(*out) : NULL;
    if (canon && (!whole || strcmp(whole, canon) != 0))
        rc = hg_fail(err, HG_INTERNAL, NULL, NULL, "the filed declaration differs from its template");
    xfree(whole);
#endif
    rc = audit_commit_keep(c, rc, "declaration.file", "declaration", entry_no, NULL, *out, canon, text, err);
    xfree(canon);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    risk_verdict_free(&verdict);
    return rc;
}

static hg_rc timeline_json(db *d, const char *entry_no, json_t **out, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT at_ms, actor, event, detail FROM declaration_events WHERE entry_no = ? ORDER BY seq", "t",
                        entry_no);
    if (rc)
        return rc;
    json_t *arr = json_array();
    while ((rc = db_step(s, err)) == HG_ROW) {
        char at[40];
        time_format_rfc3339(db_col_int(s, 0), at, sizeof at);
        json_t *detail = db_col_text(s, 3) ? json_loads(db_col_text(s, 3), 0, NULL) : NULL;
        json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:o*}", "at", at, "actor", db_col_text(s, 1), "event",
                                             db_col_text(s, 2), "detail", detail));
    }
    db_reset(s);
    if (rc != HG_DONE) {
        json_decref(arr);
        return rc;
    }
    *out = arr;
    return HG_OK;
}

/* Adds what a list reader needs to say where each declaration stands without another request:
 * when its goods arrived, whether a two-step summary is overdue, and its tax bill's standing. */
static hg_rc add_arrival_facts(db *d, json_t *items, hg_err *err)
{
    size_t i;
    json_t *decl;
    json_array_foreach(items, i, decl)
    {
        bill_facts bf;
        hg_rc rc = load_bill_facts(d, json_string_value(json_object_get(decl, "bill_no")), &bf, err);
        if (!rc)
            rc = cargo_goods_arrived(d, bf.bill_no, json_string_value(json_object_get(decl, "entry_no")),
                                     &bf.arrived_ms, err);
        if (rc)
            return rc;
        bf.arrived = bf.arrived_ms > 0;
        char at[40];
        if (bf.arrived)
            time_format_rfc3339(bf.arrived_ms, at, sizeof at);
        int64_t completed = 0;
        const char *c = json_string_value(json_object_get(decl, "completed_at"));
        if (c)
            time_parse_rfc3339(c, &completed);
        if (json_object_set_new(decl, "arrived_at", bf.arrived ? json_string(at) : json_null()) ||
            json_object_set_new(decl, "overdue",
                                json_boolean(cargo_complete_overdue(json_string_value(json_object_get(decl, "kind")),
                                                                    completed, bf.transport_arrived_ms, now_ms()))))
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        json_t *tax = tax_brief_json(d, json_string_value(json_object_get(decl, "entry_no")));
        if (json_object_set_new(decl, "tax", tax ? tax : json_null()))
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    return HG_OK;
}

hg_rc declaration_get(db *d, const principal *who, const char *entry_no, json_t **out, hg_err *err)
{
    hg_rc rc = record_load_json(d, &declaration_record, entry_no, out, err);
    if (!rc && !sees_declaration(who, *out)) {
        json_decref(*out);
        *out = NULL;
        rc = HG_NOTFOUND;
    }
    if (rc == HG_NOTFOUND)
        return hg_fail(err, HG_NOTFOUND, "not_found", "entry_no", "no such declaration");
    if (rc)
        return rc;
    json_t *timeline = NULL;
    bill_facts bf;
    if (!(rc = timeline_json(d, entry_no, &timeline, err)))
        rc = load_bill_facts(d, json_string_value(json_object_get(*out, "bill_no")), &bf, err);
    if (!rc)
        rc = cargo_goods_arrived(d, bf.bill_no, entry_no, &bf.arrived_ms, err);
    bf.arrived = bf.arrived_ms > 0;
    /* the change request waiting for an officer, if any: who acts next */
    json_t *pending = NULL;
    db_stmt *ps = NULL;
    if (!rc && !(rc = db_query(d, &ps, err,
                               "SELECT id, kind FROM declaration_changes WHERE entry_no = ? AND status = 'pending'", "t",
                               entry_no))) {
        if ((rc = db_step(ps, err)) == HG_ROW)
            pending = json_pack("{s:I, s:s}", "id", (json_int_t)db_col_int(ps, 0), "kind", db_col_text(ps, 1));
        rc = rc == HG_ROW || rc == HG_DONE ? HG_OK : rc;
    }
    db_reset(ps);
    if (!rc)
        json_object_set_new(*out, "pending_change", pending ? pending : json_null());
    else
        json_decref(pending);
    if (!rc) {
        char at[40];
        json_object_set_new(*out, "timeline", timeline);
        if (bf.arrived) {
            time_format_rfc3339(bf.arrived_ms, at, sizeof at);
            json_object_set_new(*out, "arrived_at", json_string(at));
        } else {
            json_object_set_new(*out, "arrived_at", json_null());
        }
        int64_t completed = 0;
        const char *c = json_string_value(json_object_get(*out, "completed_at"));
        if (c)
            time_parse_rfc3339(c, &completed);
        json_object_set_new(*out, "overdue",
                            json_boolean(cargo_complete_overdue(json_string_value(json_object_get(*out, "kind")),
                                                                completed, bf.transport_arrived_ms, now_ms())));
    } else {
        json_decref(timeline);
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc declaration_list(db *d, const principal *who, const declaration_filter *f, json_t **out, hg_err *err)
{
    declaration_query dq;
    *out = NULL;
    hg_rc rc = declaration_query_make(who, f, &dq, err);
    if (!rc)
        rc = record_list_json(d, &declaration_record, &dq.q, out, err);
    declaration_query_free(&dq);
    if (!rc)
        rc = add_arrival_facts(d, json_object_get(*out, "items"), err);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

/* Separation of duties (configurable, cargo_cfg): after an inspection an officer ordered, or
 * one that failed, the officer releasing is not one who ordered an inspection of the
 * declaration or recorded its result; the release then names the rule on the timeline. */
static hg_rc second_officer(db *d, const char *actor, const char *entry_no, hg_err *err)
{
    if (!cargo_cfg.separation_of_duties)
        return HG_OK;
    int64_t needed = 0, mine = 0;
    hg_rc rc = db_int(d, &needed, err,
                      "SELECT COUNT(*) FROM declaration_events WHERE entry_no = ? AND event IN (?, ?)", "ttt", entry_no,
                      "inspection_ordered", "inspection_failed");
    if (!rc && needed)
        rc = db_int(d, &mine, err,
                    "SELECT COUNT(*) FROM declaration_events WHERE entry_no = ? AND actor = ? AND event IN (?, ?, ?)",
                    "ttttt", entry_no, actor, "inspection_ordered", "inspection_passed", "inspection_failed");
    if (!rc && mine)
        return hg_fail(err, HG_FORBIDDEN, "separation_of_duties", "officer",
                       "you ordered or decided this declaration's inspection: a second officer releases it");
    if (!rc && needed) {
        json_t *detail = json_pack("{s:s, s:s}", "rule", "separation_of_duties", "released_by", actor);
        rc = cargo_add_event(d, entry_no, actor, "second_officer_release", detail, err);
        json_decref(detail);
    }
    return rc;
}

hg_rc cargo_officer_release_facts(db *d, const json_t *decl, const char *entry_no, release_facts *f, hg_err *err)
{
    bill_facts bf = {0};
    int64_t passed = 0;
    hg_rc rc = load_bill_facts(d, json_string_value(json_object_get(decl, "bill_no")), &bf, err);
    if (!rc)
        rc = cargo_goods_arrived(d, bf.bill_no, entry_no, &bf.arrived_ms, err);
    if (!rc)
        rc = db_int(d, &passed, err, "SELECT COUNT(*) FROM declaration_events WHERE entry_no = ? AND event = ?", "tt",
                    entry_no, "inspection_passed");
    *f = (release_facts){.status = json_string_value(json_object_get(decl, "status")),
                         .lane = json_string_value(json_object_get(decl, "lane")),
                         .arrived = bf.arrived_ms > 0,
                         .transport_arrived = bf.transport_arrived,
                         .ship_side_pickup = json_is_true(json_object_get(decl, "ship_side_pickup")),
                         .arrival_direct_loading = json_is_true(json_object_get(decl, "arrival_direct_loading")),
                         .inspection_passed = passed > 0,
                         .by_officer = 1,
                         .release_first = json_is_true(json_object_get(decl, "release_first"))};
    if (!rc)
        rc = tax_settled(d, entry_no, f, err);
    if (!rc)
        rc = cargo_sample_counts(d, entry_no, &f->samples_pending, &f->sample_positive, err);
    if (!rc)
        rc = cargo_release_conditions(d, entry_no, f, err);
    return rc;
}

hg_rc declaration_release(const hg_ctx *c, const char *entry_no, json_t **out, hg_err *err)
{
    db *d = c->d;
    const principal *who = c->who;
    json_t *before = NULL, *detail = NULL;
    *out = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = declaration_get(d, who, entry_no, &before, err);
    release_facts f;
    if (!rc)
        rc = cargo_officer_release_facts(d, before, entry_no, &f, err);
    if (!rc)
        rc = cargo_release_allowed(&f, err);
    if (!rc)
        rc = second_officer(d, c->actor, entry_no, err);
    if (!rc)
        rc = do_release(d, entry_no, c->actor, c->request_id, 0, &detail, err);
    if (!rc)
        rc = declaration_get(d, who, entry_no, out, err);
    rc = audit_commit(c, rc, "declaration.release", "declaration", entry_no, NULL, detail, err);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    json_decref(detail);
    json_decref(before);
    return rc;
}

hg_rc declaration_permit_entry(const hg_ctx *c, const char *entry_no, json_t **out, hg_err *err)
{
    db *d = c->d;
    const principal *who = c->who;
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = declaration_get(d, who, entry_no, &before, err);
    bill_facts bf;
    if (!rc)
        rc = load_bill_facts(d, json_string_value(json_object_get(before, "bill_no")), &bf, err);
    if (!rc)
        rc = cargo_goods_arrived(d, bf.bill_no, entry_no, &bf.arrived_ms, err);
    bf.arrived = bf.arrived_ms > 0;
    int64_t passed = 0;
    if (!rc)
        rc = db_int(d, &passed, err, "SELECT COUNT(*) FROM declaration_events WHERE entry_no = ? AND event = ?", "tt",
                    entry_no, "inspection_passed");
    if (!rc) {
        release_facts f = {.status = json_string_value(json_object_get(before, "status")),
                           .lane = json_string_value(json_object_get(before, "lane")),
                           .arrived = bf.arrived,
                           .transport_arrived = bf.transport_arrived,
                           .ship_side_pickup = json_is_true(json_object_get(before, "ship_side_pickup")),
                           .inspection_passed = passed > 0,
                           .by_officer = 1};
        rc = tax_settled(d, entry_no, &f, err);
        if (!rc)
            rc = cargo_sample_counts(d, entry_no, &f.samples_pending, &f.sample_positive, err);
        if (!rc)
            rc = cargo_release_conditions(d, entry_no, &f, err);
        if (!rc)
            rc = cargo_permit_allowed(&f, err);
    }
    int64_t now = c->now_ms;
    if (!rc)
        rc = db_run(d, err, "UPDATE declarations SET status = ?, permitted_ms = ?, updated_ms = ? WHERE entry_no = ?",
                    "tiit", DECL_PERMITTED, now, now, entry_no);
    if (!rc)
        rc = cargo_add_event(d, entry_no, c->actor, "permitted_entry", NULL, err);
    if (!rc)
        rc = declaration_get(d, who, entry_no, out, err);
    rc = cargo_commit_out(c, rc, "declaration.permit_entry", "declaration", entry_no, before, out, err);
    json_decref(before);
    return rc;
}
