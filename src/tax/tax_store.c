/* tax_store.c — the tariff, exchange rates, tax bills with their working, payments,
 * guarantees, and deferral and waiver decisions. Assessment runs inside the declaration's
 * filing transaction (cargo calls tax_assess); every other write is its own transaction with
 * its audit row. */
#include <stdio.h>
#include <string.h>

#include "../platform/event.h"
#include "../platform/audit.h"
#include "../platform/buf.h"
#include "../platform/calendar.h"
#include "../platform/calendar_store.h"
#include "../platform/i18n.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/module.h"
#include "../platform/record.h"
#include "../platform/refdata.h"
#include "../platform/words.h"
#include "tax.h"
#include "tax_bill.h"
#include "tax_store.h"

const migration tax_migrations[] = {
    {300, "tariff, exchange rates, tax bills, decisions",
     "CREATE TABLE tariff_rates ("
     " hs_prefix TEXT PRIMARY KEY, duty_ppm BIGINT NOT NULL, vat_ppm BIGINT NOT NULL,"
     " consumption_ppm BIGINT NOT NULL, description TEXT);"
     "CREATE TABLE exchange_rates ("
     " currency TEXT NOT NULL, month TEXT NOT NULL, cny_micro BIGINT NOT NULL, PRIMARY KEY (currency, month));"
     "CREATE TABLE tax_bills ("
     " entry_no TEXT PRIMARY KEY, issued_ms BIGINT NOT NULL, last_free_day BIGINT NOT NULL,"
     " duty_fen BIGINT NOT NULL, consumption_fen BIGINT NOT NULL, vat_fen BIGINT NOT NULL, total_fen BIGINT NOT NULL,"
     " status TEXT NOT NULL, paid_ms BIGINT, paid_fen BIGINT, late_fee_fen BIGINT, late_fee_waived BIGINT NOT NULL,"
     " waived_fee_fen BIGINT,"
     " guarantee_fen BIGINT, guarantor TEXT);"
     "CREATE INDEX tax_bills_status ON tax_bills(status);"
     "CREATE INDEX tax_bills_paid ON tax_bills(paid_ms);"
     "CREATE TABLE tax_lines ("
     " entry_no TEXT NOT NULL, line_no BIGINT NOT NULL, hs_code TEXT NOT NULL, value_cny_fen BIGINT NOT NULL,"
     " duty_ppm BIGINT NOT NULL, consumption_ppm BIGINT NOT NULL, vat_ppm BIGINT NOT NULL,"
     " duty_fen BIGINT NOT NULL, consumption_base_fen BIGINT NOT NULL, consumption_fen BIGINT NOT NULL,"
     " vat_base_fen BIGINT NOT NULL, vat_fen BIGINT NOT NULL, PRIMARY KEY (entry_no, line_no));"
     "CREATE TABLE tax_decisions ("
     " id @IDPK, entry_no TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL, until_ms BIGINT,"
     " requested_by TEXT NOT NULL, requested_ms BIGINT NOT NULL, status TEXT NOT NULL,"
     " decided_by TEXT, decided_ms BIGINT, note TEXT);"
     "CREATE INDEX tax_decisions_status ON tax_decisions(status, id);",
     NULL, NULL},
    {310, "the tariff is reference data: cached, with a version",
     REFDATA_REGISTER(tariff_rates), REFDATA_TRIGGERS_SQLITE(tariff_rates), REFDATA_TRIGGERS_PG(tariff_rates)},
    /* Tax keeps the parties of what it taxes, so that it need not read cargo's declarations
     * (tax comes before cargo). The copy of the bills issued before is the one time tax reads
     * cargo's table: a migration runs once, in version order, after cargo's 201. */
    {320, "the parties of each tax bill, kept by tax",
     "CREATE TABLE tax_parties ("
     " entry_no TEXT PRIMARY KEY, declarant TEXT NOT NULL, consignee TEXT, consignor TEXT);"
     "CREATE INDEX tax_parties_declarant ON tax_parties(declarant);"
     "INSERT INTO tax_parties (entry_no, declarant, consignee, consignor)"
     " SELECT d.entry_no, d.declarant, d.consignee, d.consignor FROM declarations d"
     " JOIN tax_bills b ON b.entry_no = d.entry_no;",
     NULL, NULL},
    /* The parties go into the bill itself, written by the statement that issues it: a filing
     * costs no statement more than before tax kept them (320 was merged, so it stays). */
    {330, "the parties of each tax bill, in the bill",
     "ALTER TABLE tax_bills ADD COLUMN declarant TEXT;"
     "ALTER TABLE tax_bills ADD COLUMN consignee TEXT;"
     "ALTER TABLE tax_bills ADD COLUMN consignor TEXT;"
     "UPDATE tax_bills SET declarant = (SELECT p.declarant FROM tax_parties p WHERE p.entry_no = tax_bills.entry_no),"
     " consignee = (SELECT p.consignee FROM tax_parties p WHERE p.entry_no = tax_bills.entry_no),"
     " consignor = (SELECT p.consignor FROM tax_parties p WHERE p.entry_no = tax_bills.entry_no);"
     "DROP TABLE tax_parties;",
     NULL, NULL},
    {340, "tax rules: thresholds, the payment period, waivers of what accrued, guarantees and guarantors",
     /* the bill keeps the taxes as assessed beside those levied (the 50-yuan thresholds) and
      * the period's own last day beside the last free day a deferral moves */
     "ALTER TABLE tax_bills ADD COLUMN assessed_duty_fen BIGINT;"
     "ALTER TABLE tax_bills ADD COLUMN assessed_consumption_fen BIGINT;"
     "ALTER TABLE tax_bills ADD COLUMN assessed_vat_fen BIGINT;"
     "ALTER TABLE tax_bills ADD COLUMN period_last_day BIGINT;"
     "ALTER TABLE tax_bills ADD COLUMN guarantee_until_day BIGINT;"
     "UPDATE tax_bills SET assessed_duty_fen = duty_fen, assessed_consumption_fen = consumption_fen,"
     " assessed_vat_fen = vat_fen, period_last_day = last_free_day;"
     "ALTER TABLE tax_decisions ADD COLUMN amount_fen BIGINT;"
     "CREATE TABLE tax_guarantors ("
     " name TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('bank', 'insurer')), code TEXT);"
     "CREATE TABLE tax_guarantees ("
     " id @IDPK, entry_no TEXT NOT NULL, kind TEXT NOT NULL, guarantor TEXT NOT NULL, letter_no TEXT,"
     " amount_fen BIGINT NOT NULL, valid_until_day BIGINT NOT NULL, status TEXT NOT NULL,"
     " posted_by TEXT NOT NULL, posted_ms BIGINT NOT NULL, decided_by TEXT, decided_ms BIGINT, note TEXT);"
     "CREATE INDEX tax_guarantees_entry ON tax_guarantees(entry_no);"
     "CREATE INDEX tax_guarantees_status ON tax_guarantees(status, id);",
     NULL, NULL},
    /* 滞报金: assessed with the bill when the transport had declared entry before the filing */
    {350, "the late-declaration fee of a bill",
     "ALTER TABLE tax_bills ADD COLUMN transport_entry_ms BIGINT;"
     "ALTER TABLE tax_bills ADD COLUMN late_declaration_fee_fen BIGINT;"
     "ALTER TABLE tax_bills ADD COLUMN late_declaration_days BIGINT;",
     NULL, NULL},
    /* the valuation's working on each line: price terms, freight, insurance and other costs in
     * the invoice's currency, the CIF value they build and the exchange rate that converts it */
    {360, "the valuation working of a tax line",
     "ALTER TABLE tax_lines ADD COLUMN currency TEXT;"
     "ALTER TABLE tax_lines ADD COLUMN exchange_rate_micro BIGINT;"
     "ALTER TABLE tax_lines ADD COLUMN price_terms TEXT;"
     "ALTER TABLE tax_lines ADD COLUMN price_cur BIGINT;"
     "ALTER TABLE tax_lines ADD COLUMN freight_cur BIGINT;"
     "ALTER TABLE tax_lines ADD COLUMN insurance_cur BIGINT;"
     "ALTER TABLE tax_lines ADD COLUMN insurance_estimated BIGINT;"
     "ALTER TABLE tax_lines ADD COLUMN other_costs_cur BIGINT;"
     "ALTER TABLE tax_lines ADD COLUMN cif_cur BIGINT;",
     NULL, NULL},
    /* rate kinds: the general and provisional rates by HS prefix (reference data, cached), the
     * agreements' rates by origin, the origins without MFN treatment; the kind each line took */
    {362, "rate kinds: general, provisional and agreement rates",
     "CREATE TABLE tariff_rate_kinds (hs_prefix TEXT PRIMARY KEY, general_ppm BIGINT, provisional_ppm BIGINT);"
     "CREATE TABLE tariff_agreement_rates ("
     " hs_prefix TEXT NOT NULL, origin TEXT NOT NULL,"
     " kind TEXT NOT NULL CHECK (kind IN ('conventional', 'preferential')), agreement TEXT NOT NULL,"
     " rate_ppm BIGINT NOT NULL, PRIMARY KEY (hs_prefix, origin, kind));"
     "CREATE TABLE tariff_general_origins (country TEXT PRIMARY KEY, note TEXT);"
     "ALTER TABLE tax_lines ADD COLUMN duty_rate_kind TEXT;"
     "ALTER TABLE tax_lines ADD COLUMN origin TEXT;"
     "ALTER TABLE tax_lines ADD COLUMN certificate_no TEXT;"
     "ALTER TABLE tax_lines ADD COLUMN agreement TEXT;" REFDATA_REGISTER(tariff_rate_kinds),
     REFDATA_TRIGGERS_SQLITE(tariff_rate_kinds), REFDATA_TRIGGERS_PG(tariff_rate_kinds)},
    /* a bill's life after its notice (tax_adjust_store.c): supplementary bills (补税) with their
     * own period, refunds (退税), and the record of each re-issue of an unpaid notice */
    {370, "supplementary bills, refunds and re-issues of a tax bill",
     "CREATE TABLE tax_adjustments ("
     " id @IDPK, entry_no TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('supplementary', 'refund', 'reissue')),"
     " cause TEXT NOT NULL, status TEXT NOT NULL, duty_fen BIGINT NOT NULL, consumption_fen BIGINT NOT NULL,"
     " vat_fen BIGINT NOT NULL, total_fen BIGINT NOT NULL, issued_ms BIGINT NOT NULL, last_free_day BIGINT,"
     " paid_ms BIGINT, paid_fen BIGINT, late_fee_fen BIGINT, actor TEXT NOT NULL);"
     "CREATE INDEX tax_adjustments_entry ON tax_adjustments(entry_no, id);"
     "CREATE INDEX tax_adjustments_due ON tax_adjustments(status, kind);",
     NULL, NULL},
    /* a two-step completion after its 14 days on a bill already paid: the late-declaration
     * fee it adds is charged on a supplementary bill of its own (cause late_completion) */
    {371, "the late-declaration fee of a supplementary bill",
     "ALTER TABLE tax_adjustments ADD COLUMN late_declaration_fee_fen BIGINT;", NULL, NULL},
    /* general guarantees (总担保, tax_general_store.c): one enterprise's, for many declarations up to
     * an amount for a period; each bill it secures is a tax_guarantees row drawing on it */
    {372, "general guarantees and the draws of the bills they secure",
     "CREATE TABLE tax_general_guarantees ("
     " id @IDPK, enterprise TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('letter', 'deposit')),"
     " guarantor TEXT NOT NULL, letter_no TEXT, amount_fen BIGINT NOT NULL, valid_from_day BIGINT NOT NULL,"
     " valid_until_day BIGINT NOT NULL, status TEXT NOT NULL, posted_by TEXT NOT NULL, posted_ms BIGINT NOT NULL,"
     " decided_by TEXT, decided_ms BIGINT, note TEXT);"
     "CREATE INDEX tax_general_guarantees_enterprise ON tax_general_guarantees(enterprise, id);"
     "ALTER TABLE tax_guarantees ADD COLUMN general_id BIGINT;"
     "CREATE INDEX tax_guarantees_general ON tax_guarantees(general_id);",
     NULL, NULL},
    /* dated tariff rates (关税法: the rate in force on the day that decides it): a prefix's rates
     * from one day to another, over the undated table while in force; each line shows the day
     * whose rates it took and, when a dated rate applied, the day that rate took effect */
    {373, "dated tariff rates",
     "CREATE TABLE tariff_dated_rates ("
     " hs_prefix TEXT NOT NULL, valid_from_day BIGINT NOT NULL, valid_to_day BIGINT,"
     " duty_ppm BIGINT NOT NULL, vat_ppm BIGINT NOT NULL, consumption_ppm BIGINT NOT NULL, description TEXT,"
     " PRIMARY KEY (hs_prefix, valid_from_day));"
     "ALTER TABLE tax_lines ADD COLUMN rate_date TEXT;"
     "ALTER TABLE tax_lines ADD COLUMN tariff_valid_from TEXT;",
     NULL, NULL},
    /* the legal units of measurement of a tariff line (法定计量单位: the first, and the second
     * where the tariff has one), against which declarations give their quantities; NULL: the
     * line's file gave none */
    /* the dated rates and the origins denied MFN treatment are read for every item of every
     * filing: versioned like the tariff, so that the server keeps them in memory (refdata.h) */
    {399, "versions of dated rates and general-rate origins",
     REFDATA_REGISTER(tariff_dated_rates) REFDATA_REGISTER(tariff_general_origins),
     REFDATA_TRIGGERS_SQLITE(tariff_dated_rates) REFDATA_TRIGGERS_SQLITE(tariff_general_origins),
     REFDATA_TRIGGERS_PG(tariff_dated_rates) REFDATA_TRIGGERS_PG(tariff_general_origins)},
    {391, "legal units of tariff lines",
     "ALTER TABLE tariff_rates ADD COLUMN unit1 TEXT;"
     "ALTER TABLE tariff_rates ADD COLUMN unit2 TEXT;",
     NULL, NULL},
    /* the bills list sorted by issue time, and its search box on PostgreSQL (storage's 70 makes
     * the trigram index; the search is LOWER(column) LIKE '%text%') */
    {390, "indexes for the tax bills list",
     "CREATE INDEX tax_bills_issued ON tax_bills(issued_ms);", NULL,
     "SELECT hg_trgm_index('tax_bills_entry_trgm', 'tax_bills', 'entry_no');"},
    {0, NULL, NULL, NULL, NULL},
};

/* ---- rates ---- */

static prefix_cache tariff =
    PREFIX_CACHE_INIT("tariff_rates", "SELECT hs_prefix, duty_ppm, vat_ppm, consumption_ppm FROM tariff_rates");

/* the legal units of the tariff's lines (tax_tariff_line), the same table's version */
static prefix_cache tariff_units = PREFIX_CACHE_INIT(
    "tariff_rates", "SELECT hs_prefix, 0, 0, 0, COALESCE(unit1, ''), COALESCE(unit2, '') FROM tariff_rates");

/* the origins whose goods take the general rate, not MFN's: two-letter codes, each its own
 * prefix (prefix_cache_find tries the whole code first) */
static prefix_cache general_origins =
    PREFIX_CACHE_INIT("tariff_general_origins", "SELECT country FROM tariff_general_origins");

static prefix_cache rate_kinds = PREFIX_CACHE_INIT(
    "tariff_rate_kinds",
    "SELECT hs_prefix, COALESCE(general_ppm, -1), COALESCE(provisional_ppm, -1), 0 FROM tariff_rate_kinds");

/* The duty rate that applies to an item (tax_choose_rate) and its kind: the general and
 * provisional rates from the cached table, the origin's MFN treatment and, with a certificate
 * of origin, the agreement's rate for the origin (most specific prefix). */
static hg_rc choose_duty_rate(db *d, const tax_goods *item, uint32_t mfn_ppm, uint32_t *ppm, tax_rate_kind *kind,
                              char agreement[101], hg_err *err)
{
    tax_rate_choice c = {.mfn_ppm = mfn_ppm, .general_ppm = -1, .provisional_ppm = -1, .agreement_ppm = -1,
                         .agreement_kind = TAX_RATE_CONVENTIONAL, .certificate = 0, .mfn_origin = 1};
    prefix_row row;
    if (prefix_cache_find(&rate_kinds, item->hs_code, &row)) {
        c.general_ppm = row.v[0];
        c.provisional_ppm = row.v[1];
    }
    agreement[0] = '\0';
    hg_rc rc = HG_OK;
    if (item->origin) {
        prefix_row origin;
        rc = prefix_cache_sync(d, &general_origins, err);
        c.mfn_origin = !prefix_cache_find(&general_origins, item->origin, &origin);
    }
    if (!rc && item->origin && item->certificate_no && item->certificate_no[0]) {
        db_stmt *s;
        c.certificate = 1;
        rc = db_query(d, &s, err,
                      "SELECT rate_ppm, kind, agreement FROM tariff_agreement_rates WHERE origin = ? "
                      "AND ? LIKE hs_prefix || '%' ORDER BY LENGTH(hs_prefix) DESC, rate_ppm LIMIT 1",
                      "tt", item->origin, item->hs_code);
        if (!rc && (rc = db_step(s, err)) == HG_ROW) {
            c.agreement_ppm = db_col_int(s, 0);
            c.agreement_kind = strcmp(db_col_text(s, 1), "preferential") == 0 ? TAX_RATE_PREFERENTIAL
                                                                              : TAX_RATE_CONVENTIONAL;
            snprintf(agreement, 101, "%s", db_col_text(s, 2));
        }
        if (rc == HG_ROW || rc == HG_DONE)
            rc = HG_OK;
        db_reset(s);
    }
    if (rc)
        return rc;
    *kind = tax_choose_rate(&c, ppm);
    if (*kind != TAX_RATE_CONVENTIONAL && *kind != TAX_RATE_PREFERENTIAL)
        agreement[0] = '\0';
    return HG_OK;
}

/* The dated rates (migration 373) in memory, as of their version: a tariff revision is a few
 * hundred rows at most, scanned whole for each item. */
typedef struct dated_row {
    char prefix[11];
    int64_t from_day, to_day; /* to_day -1: open-ended */
    tax_rates rates;
} dated_row;

static hg_rc dated_read(db_stmt *s, void *row, hg_err *err)
{
    (void)err;
    dated_row *r = row;
    const char *p = db_col_text(s, 0);
    snprintf(r->prefix, sizeof r->prefix, "%s", p ? p : "");
    r->from_day = db_col_int(s, 1);
    r->to_day = db_col_int(s, 2);
    r->rates.duty_ppm = (uint32_t)db_col_int(s, 3);
    r->rates.vat_ppm = (uint32_t)db_col_int(s, 4);
    r->rates.consumption_ppm = (uint32_t)db_col_int(s, 5);
    return HG_OK;
}

static row_cache dated = ROW_CACHE_INIT("tariff_dated_rates",
                                        "SELECT hs_prefix, valid_from_day, COALESCE(valid_to_day, -1), duty_ppm, vat_ppm, "
                                        "consumption_ppm FROM tariff_dated_rates",
                                        dated_row, dated_read, NULL, NULL);

typedef struct dated_lookup {
    const char *hs_code;
    int64_t day;
    tax_rates *out;
    int64_t *from_day;
    int *found;
} dated_lookup;

static hg_rc dated_in_force(const void *rows, size_t n, void *cls, hg_err *err)
{
    (void)err;
    dated_lookup *q = cls;
    size_t best_len = 0;
    for (size_t i = 0; i < n; i++) {
        const dated_row *r = (const dated_row *)rows + i;
        size_t len = strlen(r->prefix);
        if (len < 2 || len > 10 || len % 2 || strncmp(q->hs_code, r->prefix, len) != 0)
            continue;
        if (r->from_day > q->day || (r->to_day >= 0 && r->to_day < q->day))
            continue;
        if (len > best_len || (len == best_len && r->from_day > *q->from_day)) {
            best_len = len;
            *q->out = r->rates;
            *q->from_day = r->from_day;
            *q->found = 1;
        }
    }
    return HG_OK;
}

/* The dated rates in force for hs_code on day (Asia/Shanghai), the most specific prefix of those
 * in force (2 to 10 digits, even lengths: the HS levels), the latest start among them; *found 0
 * when none is (the undated table applies), else the day it took effect in *from_day. */
static hg_rc dated_find(db *d, const char *hs_code, int64_t day, tax_rates *out, int64_t *from_day, int *found,
                        hg_err *err)
{
    *found = 0;
    dated_lookup q = {hs_code, day, out, from_day, found};
    return row_cache_with(d, &dated, dated_in_force, &q, err);
}

/* The cached tariff's rates for hs_code: the most specific prefix wins (10, 8, 6, 4 then 2
 * digits). The cache is as of the last prefix_cache_sync. */
static hg_rc tariff_find(const char *hs_code, tax_rates *out)
{
    prefix_row row;
    if (!prefix_cache_find(&tariff, hs_code, &row))
        return HG_NOTFOUND;
    out->duty_ppm = (uint32_t)row.v[0];
    out->vat_ppm = (uint32_t)row.v[1];
    out->consumption_ppm = (uint32_t)row.v[2];
    return HG_OK;
}

hg_rc tax_tariff_line(db *d, const char *hs_code, int *found, char unit1[32], char unit2[32], hg_err *err)
{
    *found = 0;
    unit1[0] = unit2[0] = '\0';
    hg_rc rc = prefix_cache_sync(d, &tariff_units, err);
    prefix_row row;
    if (!rc && prefix_cache_find(&tariff_units, hs_code, &row)) {
        *found = 1;
        snprintf(unit1, 32, "%s", row.text[0]);
        snprintf(unit2, 32, "%s", row.text[1]);
    }
    return rc;
}

hg_rc exchange_rate(db *d, const char *currency, int64_t at_ms, int64_t *cny_micro, hg_err *err)
{
    if (strcmp(currency, "CNY") == 0) {
        *cny_micro = 1000000;
        return HG_OK;
    }
    /* the month's rate (customs use the rate published for the month of declaration);
     * "YYYY-MM" in Asia/Shanghai */
    char month[8];
    calendar_format_month(calendar_day_of(at_ms), month);
    hg_rc rc = db_int(d, cny_micro, err, "SELECT cny_micro FROM exchange_rates WHERE currency = ? AND month = ?",
                      "tt", currency, month);
    if (rc == HG_NOTFOUND)
        /* TRANSLATORS: 1: currency; 2: month */
        return hg_fail(err, HG_INVALID, "invalid", "currency", "no exchange rate for %s in %s", currency, month);
    return rc;
}

/* ---- assessment (called by cargo when it files a declaration) ---- */

/* One tax line as stored. */
typedef struct tax_line {
    const char *hs;
    const char *currency, *terms, *origin, *certificate_no;
    const char *rate_date; /* the day whose rates applied, YYYY-MM-DD */
    char dated_from[16];   /* the dated rate's first day, "" when the undated table applied */
    char agreement[101];
    tax_rate_kind kind;
    int64_t rate_micro, price, other_costs;
    tax_valuation_out val;   /* in the invoice's currency */
    int64_t value_fen;
    tax_rates rates;
    tax_item_out out;
} tax_line;

/* A tax line: one item's working, written when its declaration is assessed and shown on the
 * bill (tax_bill_json); its entry_no and line_no are those of the list it belongs to. */
static const field tax_line_fields[] = {
    {.name = "hs_code", .type = FT_TEXT},
    {.name = "dutiable_value", .type = FT_MONEY, .column = "value_cny_fen"},
    {.name = "duty_rate_ppm", .type = FT_INT, .column = "duty_ppm"},
    {.name = "consumption_rate_ppm", .type = FT_INT, .column = "consumption_ppm"},
    {.name = "vat_rate_ppm", .type = FT_INT, .column = "vat_ppm"},
    {.name = "duty", .type = FT_MONEY, .column = "duty_fen"},
    {.name = "consumption_base", .type = FT_MONEY, .column = "consumption_base_fen"},
    {.name = "consumption_tax", .type = FT_MONEY, .column = "consumption_fen"},
    {.name = "vat_base", .type = FT_MONEY, .column = "vat_base_fen"},
    {.name = "vat", .type = FT_MONEY, .column = "vat_fen"},
    /* the valuation, in the invoice's currency (CIF = price + freight + insurance + other costs) */
    {.name = "currency", .type = FT_TEXT},
    {.name = "exchange_rate_micro", .type = FT_INT},
    {.name = "price_terms", .type = FT_TEXT},
    {.name = "price", .type = FT_MONEY, .column = "price_cur"},
    {.name = "freight", .type = FT_MONEY, .column = "freight_cur"},
    {.name = "insurance", .type = FT_MONEY, .column = "insurance_cur"},
    {.name = "insurance_estimated", .type = FT_BOOL},
    {.name = "other_costs", .type = FT_MONEY, .column = "other_costs_cur"},
    {.name = "cif_value", .type = FT_MONEY, .column = "cif_cur"},
    /* the duty rate's kind (mfn, provisional, conventional, preferential, general), by origin */
    {.name = "duty_rate_kind", .type = FT_TEXT},
    {.name = "origin", .type = FT_TEXT},
    {.name = "certificate_no", .type = FT_TEXT},
    {.name = "agreement", .type = FT_TEXT},
    /* the day whose tariff rates applied and, for a dated rate (migration 373), its first day */
    {.name = "rates_of", .type = FT_TEXT, .column = "rate_date"},
    {.name = "tariff_valid_from", .type = FT_TEXT},
    {0},
};
const record_type tax_line_record = {
    .name = N_("tax line"), .table = "tax_lines", .fields = tax_line_fields, .parent_column = "entry_no"};

/* Stores a declaration's n tax lines (in one statement). */
static hg_rc store_lines(db *d, const char *entry_no, const tax_line *lines, size_t n, hg_err *err)
{
    record *rows = xcalloc(n, sizeof *rows);
    if (!rows)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    hg_rc rc = HG_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        const tax_line *l = &lines[i];
        record *r = &rows[i];
        if (!(rc = record_init(&tax_line_record, r, err)) &&
            (record_set_text(r, "hs_code", l->hs) || record_set_int(r, "dutiable_value", l->value_fen) ||
             record_set_int(r, "duty_rate_ppm", l->rates.duty_ppm) ||
             record_set_int(r, "consumption_rate_ppm", l->rates.consumption_ppm) ||
             record_set_int(r, "vat_rate_ppm", l->rates.vat_ppm) || record_set_int(r, "duty", l->out.duty_fen) ||
             record_set_int(r, "consumption_base", l->out.consumption_base_fen) ||
             record_set_int(r, "consumption_tax", l->out.consumption_fen) ||
             record_set_int(r, "vat_base", l->out.vat_base_fen) || record_set_int(r, "vat", l->out.vat_fen) ||
             record_set_text(r, "currency", l->currency) || record_set_int(r, "exchange_rate_micro", l->rate_micro) ||
             record_set_text(r, "price_terms", l->terms) || record_set_int(r, "price", l->price) ||
             record_set_int(r, "freight", l->val.freight) || record_set_int(r, "insurance", l->val.insurance) ||
             record_set_int(r, "insurance_estimated", l->val.insurance_estimated) ||
             record_set_int(r, "other_costs", l->other_costs) || record_set_int(r, "cif_value", l->val.cif) ||
             record_set_text(r, "duty_rate_kind", tax_rate_kind_name(l->kind)) ||
             record_set_text(r, "origin", l->origin) || record_set_text(r, "certificate_no", l->certificate_no) ||
             record_set_text(r, "agreement", l->agreement[0] ? l->agreement : NULL) ||
             record_set_text(r, "rates_of", l->rate_date) ||
             record_set_text(r, "tariff_valid_from", l->dated_from[0] ? l->dated_from : NULL)))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    if (!rc)
        rc = record_insert_children(d, rows, (int)n, entry_no, err);
    for (size_t i = 0; i < n; i++)
        record_free(&rows[i]);
    xfree(rows);
    return rc;
}

/* Emits a tax event about the bill of entry_no for its declarant's feed, inside the caller's
 * transaction (emit_tax reads the declarant from the bill's parties). */
static hg_rc emit_tax_for(db *d, const char *type, const char *entry_no, const char *declarant, const char *actor,
                          const char *request_id, const json_t *data, hg_err *err)
{
    return event_emit_about(d, type, "tax_bill", entry_no, declarant, actor, request_id, data, err);
}

hg_rc tax_emit(db *d, const char *type, const char *entry_no, const char *actor, const char *request_id,
                      const json_t *data, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, "SELECT declarant FROM tax_bills WHERE entry_no = ?", "t", entry_no);
    if (!rc && (rc = db_step(s, err)) == HG_ROW)
        rc = emit_tax_for(d, type, entry_no, db_col_text(s, 0), actor, request_id, data, err);
    else if (rc == HG_DONE)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "entry_no", "no tax bill for declaration %s", entry_no);
    db_reset(s);
    return rc;
}

/* The deadlines of a bill issued at issued_ms, on the district's holiday table (a database
 * fault is returned: a deadline without the holidays is wrong): the last day of its payment
 * period and, when the transport had declared entry (entry_ms), the late-declaration fee on
 * cif_fen (滞报金). */
hg_rc tax_bill_deadlines(db *d, int64_t issued_ms, int64_t entry_ms, int64_t cif_fen, bill_dates *out, hg_err *err)
{
    working_calendar cal;
    hg_rc rc = calendar_load(d, &cal, err);
    if (rc)
        return rc;
    out->last_day = tax_payment_last_day(&cal, tax_shanghai_day(issued_ms));
    out->late_decl_fee = 0;
    out->late_decl_days = 0;
    if (entry_ms && tax_late_declaration_fee(&cal, cif_fen, tax_shanghai_day(entry_ms), tax_shanghai_day(issued_ms),
                                             &out->late_decl_fee, &out->late_decl_days))
        rc = hg_fail(err, HG_INVALID, "out_of_range", "items", "the late-declaration fee is out of range");
    calendar_free(&cal);
    return rc;
}

/* An item's refusal for a value beyond the bound (TAX_VALUE_MAX_FEN) or an out-of-range result. */
static hg_rc out_of_range(hg_err *err, size_t i, const char *what)
{
    char field[40];
    snprintf(field, sizeof field, "items[%zu].value", i);
    return hg_fail(err, HG_INVALID, "out_of_range", field,
                   "%s is out of range: a dutiable value is at most 100000000000000.00 yuan", what);
}

/* An optional amount of an item in its currency: *v (-1 when absent and unknown is allowed). */
static hg_rc item_amount(const char *text, size_t i, const char *name, int64_t absent, int64_t *v, hg_err *err)
{
    char field[48];
    *v = absent;
    if (!text)
        return HG_OK;
    if (money_parse(text, v, NULL) || *v < 0) {
        snprintf(field, sizeof field, "items[%zu].%s", i, name);
        return hg_fail(err, HG_INVALID, "invalid", field, "%s must be a decimal string in the invoice's currency", name);
    }
    return HG_OK;
}

/* The item's CIF value in its currency from its price terms (CIF when it gives none). */
static hg_rc value_item(const tax_goods *item, size_t i, int64_t value, tax_line *l, hg_err *err)
{
    char field[48];
    tax_valuation_in v = {.terms = TAX_TERMS_CIF, .price = value};
    hg_rc rc = HG_OK;
    l->terms = item->price_terms ? item->price_terms : "CIF";
    if (tax_price_terms_parse(l->terms, &v.terms)) {
        snprintf(field, sizeof field, "items[%zu].price_terms", i);
        return hg_fail(err, HG_INVALID, "invalid", field, "price_terms must be CIF, CFR, FOB or EXW");
    }
    if ((rc = item_amount(item->freight, i, "freight", 0, &v.freight, err)) ||
        (rc = item_amount(item->insurance, i, "insurance", -1, &v.insurance, err)) ||
        (rc = item_amount(item->other_costs, i, "other_costs", 0, &v.other_costs, err)))
        return rc;
    l->price = value;
    l->other_costs = v.other_costs;
    if (tax_cif_value(&v, &l->val)) {
        snprintf(field, sizeof field, "items[%zu].price_terms", i);
        /* TRANSLATORS: 1: terms; 2: v.terms == TAX_TERMS_CIF ? N_("freigh... */
        return hg_fail(err, HG_INVALID, "invalid", field,
                       "a %s price includes %s: it is not added again (海关审定进出口货物完税价格办法)", l->terms,
                       v.terms == TAX_TERMS_CIF ? N_("freight and insurance") : N_("the freight"));
    }
    return HG_OK;
}

hg_rc tax_assess_lines(db *d, const tax_subject *subj, int64_t rate_ms, int replace, tax_amounts *assessed_out,
                       int64_t *cif_out, hg_err *err)
{
    const char *entry_no = subj->entry_no;
    int import = subj->import;
    int64_t cif = 0;
    tax_amounts assessed = {0, 0, 0};
    size_t i, n = subj->n_goods;
    tax_line *lines = n ? xcalloc(n, sizeof *lines) : NULL;
    if (n && !lines)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    /* the day whose rates apply (关税法: the day the declaration is accepted, or the transport's
     * entry for goods declared before it) */
    int64_t rate_day = tax_shanghai_day(rate_ms);
    char rate_date[16];
    calendar_format_date(rate_day, rate_date);
    hg_rc rc = import ? prefix_cache_sync(d, &tariff, err) : HG_OK;   /* once for all the items */
    if (!rc && import)
        rc = prefix_cache_sync(d, &rate_kinds, err);
    for (i = 0; i < n; i++) {
        if (rc)
            break;
        const tax_goods *item = &subj->goods[i];
        tax_line *l = &lines[i];
        l->hs = item->hs_code;
        tax_item_in in = {0};
        int64_t value = 0, rate = 0;
        char field[40];
        l->rate_date = rate_date;
        if (import) {   /* export duties apply to a handful of goods not in this tariff: none */
            int dated = 0;
            int64_t from_day = 0;
            rc = dated_find(d, l->hs, rate_day, &l->rates, &from_day, &dated, err);
            if (rc)
                break;
            if (dated)
                calendar_format_date(from_day, l->dated_from);
            else
                rc = tariff_find(l->hs, &l->rates);
            if (rc == HG_NOTFOUND) {
                snprintf(field, sizeof field, "items[%zu].hs_code", i);
                rc = hg_fail(err, HG_INVALID, "invalid", field, "HS code %s is not in the tariff table", l->hs);
                break;
            }
        }
        money_parse(item->value, &value, NULL);
        if (!rc)
            rc = exchange_rate(d, item->currency, rate_ms, &rate, err);
        if (rc && err && strcmp(err->field, "currency") == 0)
            snprintf(err->field, sizeof err->field, "items[%zu].currency", i);
        if (!rc)
            rc = value_item(item, i, value, l, err);
        if (rc)
            break;
        l->currency = item->currency;
        l->rate_micro = rate;
        if (tax_mul_div_checked(l->val.cif, rate, 1000000, &l->value_fen) || l->value_fen > TAX_VALUE_MAX_FEN) {
            rc = out_of_range(err, i, "the dutiable value");
            break;
        }
        in.dutiable_value_fen = l->value_fen;
        l->origin = item->origin;
        l->certificate_no = item->certificate_no;
        if (import && (rc = choose_duty_rate(d, item, l->rates.duty_ppm, &l->rates.duty_ppm, &l->kind, l->agreement,
                                             err)))
            break;
        in.duty_rate_ppm = l->rates.duty_ppm;
        in.consumption_rate_ppm = l->rates.consumption_ppm;
        in.vat_rate_ppm = l->rates.vat_ppm;
        if (import && tax_assess_item(&in, &l->out) != 0) {
            rc = out_of_range(err, i, "the tax of this item");
            break;
        }
        tax_amounts sum = {assessed.duty_fen + l->out.duty_fen, assessed.consumption_fen + l->out.consumption_fen,
                           assessed.vat_fen + l->out.vat_fen};   /* each term at most 10^18: no wrap */
        if (tax_amounts_total(&sum) < 0) {
            rc = out_of_range(err, i, "the ticket's tax");
            break;
        }
        assessed = sum;
        cif += l->value_fen;   /* each at most 10^16, the items a declaration's few hundred */
    }
    if (!rc && replace)
        rc = db_run(d, err, "DELETE FROM tax_lines WHERE entry_no = ?", "t", entry_no);
    if (!rc && n)
        rc = store_lines(d, entry_no, lines, n, err);
    xfree(lines);
    *assessed_out = assessed;
    *cif_out = cif;
    return rc;
}

hg_rc tax_assess(db *d, const tax_subject *subj, hg_err *err)
{
    const char *entry_no = subj->entry_no;
    int import = subj->import;
    int64_t now = now_ms(), cif = 0;
    tax_amounts assessed = {0, 0, 0};
    hg_rc rc = tax_assess_lines(d, subj, subj->rate_ms ? subj->rate_ms : now, 0, &assessed, &cif, err);
    /* each tax of the ticket under 50 yuan is not levied (关税法 / 进出口关税条例, 征管办法) */
    tax_amounts levied = tax_levied(&assessed);
    int64_t total = tax_amounts_total(&levied);
    bill_dates dates = {0, 0, 0};
    int64_t entry_ms = import ? subj->transport_entry_ms : 0;
    if (!rc)
        rc = tax_bill_deadlines(d, now, entry_ms, cif, &dates, err);
    int owed = total > 0 || dates.late_decl_fee > 0;
    if (!rc)
        rc = db_run(d, err,
                    "INSERT INTO tax_bills (entry_no, issued_ms, last_free_day, period_last_day, duty_fen, "
                    "consumption_fen, vat_fen, assessed_duty_fen, assessed_consumption_fen, assessed_vat_fen, "
                    "total_fen, status, late_fee_waived, declarant, consignee, consignor, transport_entry_ms, "
                    "late_declaration_fee_fen, late_declaration_days) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
                    "tiiiiiiiiiittttiii", entry_no, now, dates.last_day, dates.last_day, levied.duty_fen,
                    levied.consumption_fen, levied.vat_fen, assessed.duty_fen, assessed.consumption_fen,
                    assessed.vat_fen, total, owed ? "due" : "none", subj->declarant ? subj->declarant : "",
                    subj->consignee, subj->consignor, entry_ms, dates.late_decl_fee, (int64_t)dates.late_decl_days);
    if (!rc)
        rc = tax_audit_assess(d, entry_no, NULL, NULL, err);
    json_t *due = total ? json_pack("{s:I}", "total_fen", (json_int_t)total) : NULL;
    if (!rc && due)
        rc = emit_tax_for(d, "tax.due", entry_no, subj->declarant, "system", NULL, due, err);
    json_decref(due);
    return rc;
}

hg_rc tax_bill_amounts_json(db *d, const char *entry_no, json_t **out, hg_err *err)
{
    db_stmt *s = NULL;
    json_t *o = NULL, *adj = json_array();
    *out = NULL;
    hg_rc rc = adj ? HG_OK : HG_NOMEM;
    if (!rc)
        rc = db_query(d, &s, err,
                      "SELECT total_fen, duty_fen, consumption_fen, vat_fen, COALESCE(assessed_duty_fen, 0), "
                      "COALESCE(assessed_consumption_fen, 0), COALESCE(assessed_vat_fen, 0), "
                      "COALESCE(late_declaration_fee_fen, 0) FROM tax_bills WHERE entry_no = ?",
                      "t", entry_no);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        o = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "kind", "bill", "number", entry_no,
                      "total_fen", (json_int_t)db_col_int(s, 0), "duty_fen", (json_int_t)db_col_int(s, 1),
                      "consumption_fen", (json_int_t)db_col_int(s, 2), "vat_fen", (json_int_t)db_col_int(s, 3),
                      "assessed_duty_fen", (json_int_t)db_col_int(s, 4), "assessed_consumption_fen",
                      (json_int_t)db_col_int(s, 5), "assessed_vat_fen", (json_int_t)db_col_int(s, 6),
                      "late_declaration_fee_fen", (json_int_t)db_col_int(s, 7));
        rc = o ? HG_OK : HG_NOMEM;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "entry_no", "no tax bill for declaration %s", entry_no);
    }
    if (s)
        db_reset(s);
    s = NULL;
    if (!rc)
        rc = db_query(d, &s, err,
                      "SELECT id, kind, duty_fen, consumption_fen, vat_fen, total_fen, "
                      "COALESCE(late_declaration_fee_fen, 0) FROM tax_adjustments WHERE entry_no = ? ORDER BY id",
                      "t", entry_no);
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        json_t *a = json_pack("{s:I, s:s, s:I, s:I, s:I, s:I, s:I}", "id", (json_int_t)db_col_int(s, 0), "kind",
                              db_col_text(s, 1), "duty_fen", (json_int_t)db_col_int(s, 2), "consumption_fen",
                              (json_int_t)db_col_int(s, 3), "vat_fen", (json_int_t)db_col_int(s, 4), "total_fen",
                              (json_int_t)db_col_int(s, 5), "late_declaration_fee_fen", (json_int_t)db_col_int(s, 6));
        rc = a && !json_array_append_new(adj, a) ? HG_OK : HG_NOMEM;
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    if (s)
        db_reset(s);
    if (!rc && json_object_set(o, "adjustments", adj))
        rc = HG_NOMEM;
    json_decref(adj);
    if (rc == HG_NOMEM)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (rc)
        json_decref(o);
    else
        *out = o;
    return rc;
}

hg_rc tax_audit_assess(db *d, const char *entry_no, const char *actor, const char *request_id, hg_err *err)
{
    json_t *after = NULL;
    char status[16] = "";
    hg_rc rc = tax_bill_amounts_json(d, entry_no, &after, err);
    db_stmt *s = NULL;
    if (!rc && !(rc = db_query(d, &s, err, "SELECT status FROM tax_bills WHERE entry_no = ?", "t", entry_no)) &&
        (rc = db_step(s, err)) == HG_ROW) {
        snprintf(status, sizeof status, "%s", db_col_text(s, 0));
        rc = HG_OK;
    }
    if (s)
        db_reset(s);
    if (rc == HG_DONE)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "entry_no", "no tax bill for declaration %s", entry_no);
    if (!rc && json_object_set_new(after, "status", json_string(status)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    audit_event e = {actor ? actor : "system", "tax.assess", "tax", entry_no, request_id, NULL, after, NULL};
    if (!rc)
        rc = audit_append(d, &e, NULL, err);
    json_decref(after);
    return rc;
}

/* The rows of TAX_SUBJECTS (tax_store.h): who may see a bill, who hears of its changes. */
static hg_rc subject_visible(db *d, const principal *who, const char *entry_no, hg_err *err)
{
    size_t at = 0;
    hg_rc rc = HG_OK;
    for (const tax_subjects *t; !rc && (t = modules_extension_next(TAX_SUBJECTS, &at));)
        if (t->visible)
            rc = t->visible(d, who, entry_no, err);
    return rc;
}

hg_rc tax_subject_changed(db *d, const char *entry_no, const char *actor, const char *event, const json_t *detail,
                          int settled, hg_err *err)
{
    size_t at = 0;
    hg_rc rc = HG_OK;
    for (const tax_subjects *t; !rc && (t = modules_extension_next(TAX_SUBJECTS, &at));)
        if (t->changed)
            rc = t->changed(d, entry_no, actor, event, detail, settled, err);
    return rc;
}

hg_rc tax_settled_for_release(db *d, const char *entry_no, int *settled, hg_err *err)
{
    int64_t n = 0;
    /* a supplementary bill issued before release holds it as the first notice would */
    hg_rc rc = db_int(d, &n, err,
                      "SELECT COUNT(*) FROM tax_bills WHERE entry_no = ? AND status IN ('none', 'paid', 'guaranteed', "
                      "'deferred') AND NOT EXISTS (SELECT 1 FROM tax_adjustments a WHERE a.entry_no = ? "
                      "AND a.kind = 'supplementary' AND a.status = 'due')",
                      "tt", entry_no, entry_no);
    *settled = !rc && n > 0;
    return rc;
}

/* ---- reading ---- */

#define BILL_COLUMNS                                                                                                   \
    "b.issued_ms, b.last_free_day, b.total_fen, b.status, COALESCE(b.paid_ms, 0), COALESCE(b.paid_fen, 0), "             \
    "COALESCE(b.late_fee_fen, 0), b.late_fee_waived, COALESCE(b.guarantee_fen, 0), b.duty_fen, b.consumption_fen, "      \
    "b.vat_fen, COALESCE(b.assessed_duty_fen, b.duty_fen), COALESCE(b.assessed_consumption_fen, b.consumption_fen), "   \
    "COALESCE(b.assessed_vat_fen, b.vat_fen), COALESCE(b.period_last_day, b.last_free_day), "                           \
    "COALESCE(b.waived_fee_fen, 0), COALESCE(b.guarantee_until_day, 0), COALESCE(b.transport_entry_ms, 0), "         \
    "COALESCE(b.late_declaration_fee_fen, 0), COALESCE(b.late_declaration_days, 0)"

/* Reads BILL_COLUMNS from column at of s. */
static void bill_from_row(db_stmt *s, int at, bill_row *b)
{
    b->issued_ms = db_col_int(s, at);
    b->last_free_day = db_col_int(s, at + 1);
    b->total = db_col_int(s, at + 2);
    snprintf(b->status, sizeof b->status, "%s", db_col_text(s, at + 3));
    b->paid_ms = db_col_int(s, at + 4);
    b->paid_fen = db_col_int(s, at + 5);
    b->late_fee = db_col_int(s, at + 6);
    b->waived = (int)db_col_int(s, at + 7);
    b->guarantee = db_col_int(s, at + 8);
    b->levied = (tax_amounts){db_col_int(s, at + 9), db_col_int(s, at + 10), db_col_int(s, at + 11)};
    b->assessed = (tax_amounts){db_col_int(s, at + 12), db_col_int(s, at + 13), db_col_int(s, at + 14)};
    b->period_last_day = db_col_int(s, at + 15);
    b->waived_fen = db_col_int(s, at + 16);
    b->guarantee_until_day = db_col_int(s, at + 17);
    b->transport_entry_ms = db_col_int(s, at + 18);
    b->late_decl_fee = db_col_int(s, at + 19);
    b->late_decl_days = (int)db_col_int(s, at + 20);
}

hg_rc tax_bill_load(db *d, const char *entry_no, bill_row *b, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, "SELECT " BILL_COLUMNS " FROM tax_bills b WHERE b.entry_no = ?", "t", entry_no);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        bill_from_row(s, 0, b);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "entry_no", "no tax bill for this declaration");
    }
    db_reset(s);
    return rc;
}

/* The gross late fee at at_ms, before waivers: each tax's own, each under 50 yuan not
 * collected (征管办法). */
static hg_rc gross_fee_at(const bill_row *b, int64_t at_ms, int64_t *fee, int *days, hg_err *err)
{
    tax_fees f;
    if (tax_late_fees(&b->levied, b->last_free_day, at_ms, &f))
        return hg_fail(err, HG_INVALID, "out_of_range", "at",
                       "the late fee as of this date is beyond the largest amount the system computes");
    *fee = f.total_fen;
    if (days)
        *days = f.days;
    return HG_OK;
}

hg_rc tax_bill_fee_at(const bill_row *b, int64_t at_ms, int64_t *fee, int *days, hg_err *err)
{
    if (days)
        *days = 0;
    if (strcmp(b->status, "paid") == 0 || strcmp(b->status, "none") == 0 || strcmp(b->status, "void") == 0) {
        *fee = strcmp(b->status, "paid") == 0 ? b->late_fee : 0;
        return HG_OK;
    }
    hg_rc rc = gross_fee_at(b, at_ms, fee, days, err);
    /* a waiver forgives the fee accrued when it was asked for, no more: what accrues after it
     * is owed (征管办法 on 滞纳金 减免) */
    if (!rc)
        *fee = *fee > b->waived_fen ? *fee - b->waived_fen : 0;
    return rc;
}

void tax_put_money(json_t *o, const char *key, int64_t fen)
{
    char s[40];
    money_format(fen, s, sizeof s);
    json_object_set_new(o, key, json_string(s));
}

void tax_put_time(json_t *o, const char *key, int64_t ms)
{
    char s[40];
    if (!ms) {
        json_object_set_new(o, key, json_null());
        return;
    }
    time_format_rfc3339(ms, s, sizeof s);
    json_object_set_new(o, key, json_string(s));
}

void tax_put_date(json_t *o, const char *key, int64_t day)
{
    char s[11];
    calendar_format_date(day, s);
    json_object_set_new(o, key, json_string(s));
}

/* 1 when the bill is past its last free day at at_ms and unpaid: due, deferred and
 * guaranteed bills alike (a guarantee secures the release, not the deadline). */
static int overdue_at(const bill_row *b, int64_t at_ms)
{
    int open = strcmp(b->status, "due") == 0 || strcmp(b->status, "deferred") == 0 ||
               strcmp(b->status, "guaranteed") == 0;
    return open && tax_shanghai_day(at_ms) > b->last_free_day;
}

hg_rc tax_bill_put_standing(json_t *o, const bill_row *b, int64_t at_ms, hg_err *err)
{
    int days = 0;
    int64_t fee = 0, due = 0;
    /* nothing is owed on a paid bill, nor on the void bill of a cancelled declaration */
    int paid = strcmp(b->status, "paid") == 0 || strcmp(b->status, "void") == 0;
    hg_rc rc = tax_bill_fee_at(b, at_ms, &fee, &days, err);
    if (!rc && !paid && (due = b->total + fee + b->late_decl_fee) > TAX_AMOUNT_MAX_FEN)
        rc = hg_fail(err, HG_INVALID, "out_of_range", "at", "the amount due as of this date is out of range");
    if (rc)
        return rc;
    json_object_set_new(o, "status", json_string(b->status));
    tax_put_money(o, "total", b->total);
    tax_put_money(o, "late_fee", fee);
    json_object_set_new(o, "late_days", json_integer(days));
    tax_put_money(o, "amount_due", paid ? 0 : due);
    /* the last day on which no fee accrues, as the date it is in Asia/Shanghai */
    tax_put_date(o, "due_date", b->last_free_day);
    json_object_set_new(o, "overdue", json_boolean(overdue_at(b, at_ms)));
    tax_put_time(o, "paid_at", b->paid_ms);
    return HG_OK;
}

hg_rc tax_standing_of(db *d, const principal *who, const char *entry_no, int64_t at_ms, tax_standing *out,
                      hg_err *err)
{
    bill_row b;
    int64_t fee = 0;
    memset(out, 0, sizeof *out);
    hg_rc rc = subject_visible(d, who, entry_no, err);
    if (!rc)
        rc = tax_bill_load(d, entry_no, &b, err);
    if (!rc)
        rc = tax_bill_fee_at(&b, at_ms, &fee, NULL, err);
    if (rc)
        return rc;
    snprintf(out->status, sizeof out->status, "%s", b.status);
    out->total_fen = b.total;
    int owes = strcmp(b.status, "paid") != 0 && strcmp(b.status, "void") != 0;
    out->amount_due_fen = owes ? b.total + fee + b.late_decl_fee : 0;
    return HG_OK;
}

json_t *tax_brief_json(db *d, const char *entry_no)
{
    bill_row b;
    hg_err err;
    if (tax_bill_load(d, entry_no, &b, &err))
        return NULL;
    json_t *o = json_object();
    if (o && tax_bill_put_standing(o, &b, now_ms(), &err)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

typedef struct bill_cond {
    const char *sql, *t;   /* a condition, and its value as text ... */
    int64_t i;             /* ... or as an integer (t NULL) */
} bill_cond;

const char *const tax_bill_sortable[] = {"entry_no", "issued_at", "due_date", "total", "status", "paid_at", NULL};
/* their columns, in the same order */
static const char *const bill_sort_column[] = {"b.entry_no",    "b.issued_ms", "b.last_free_day",
                                               "b.total_fen",   "b.status",    "b.paid_ms"};

/* The conditions of q as who may see them, after "WHERE 1 = 1"; *n gets their number. pattern
 * is q's LIKE pattern (or NULL). */
static void bill_conditions(const principal *who, const tax_bill_query *q, const char *pattern, bill_cond *cond,
                            int *n)
{
    int k = 0;
    if (q->status)
        cond[k++] = (bill_cond){" AND b.status = ?", q->status, 0};
    /* overdue: unpaid past the last free day, whether due, deferred or guaranteed */
    if (q->overdue)
        cond[k++] = (bill_cond){" AND b.status IN ('due', 'deferred', 'guaranteed') AND b.last_free_day < ?", NULL,
                                tax_shanghai_day(now_ms())};
    if (q->from_ms)
        cond[k++] = (bill_cond){" AND b.issued_ms >= ?", NULL, q->from_ms};
    if (q->to_ms)
        cond[k++] = (bill_cond){" AND b.issued_ms < ?", NULL, q->to_ms};
    /* the search box: the entry number, or a party's code */
    if (pattern) {
        cond[k++] = (bill_cond){" AND (LOWER(b.entry_no) LIKE ?", pattern, 0};
        cond[k++] = (bill_cond){" OR LOWER(COALESCE(b.declarant, '')) LIKE ?", pattern, 0};
        cond[k++] = (bill_cond){" OR LOWER(COALESCE(b.consignee, b.consignor, '')) LIKE ?)", pattern, 0};
    }
    /* an enterprise sees the bills of the declarations it is a party to */
    if (who->role == ROLE_ENTERPRISE) {
        cond[k++] = (bill_cond){" AND (b.declarant = ?", who->enterprise, 0};
        cond[k++] = (bill_cond){" OR b.consignee = ?", who->enterprise, 0};
        cond[k++] = (bill_cond){" OR b.consignor = ?)", who->enterprise, 0};
    }
    if (q->list.cursor && !q->list.sort && !q->list.offset)
        cond[k++] = (bill_cond){" AND b.entry_no < ?", q->list.cursor, 0};
    *n = k;
}

/* Runs sql with the n conditions bound (and, when paged, LIMIT and OFFSET after them). */
static hg_rc bill_prepare(db *d, const char *sql, const bill_cond *cond, int n, db_stmt **s, hg_err *err)
{
    hg_rc rc = db_prepare(d, sql, s, err);
    for (int i = 0; i < n && !rc; i++)
        rc = cond[i].t ? db_bind_text(*s, i + 1, cond[i].t) : db_bind_int(*s, i + 1, cond[i].i);
    return rc;
}

static hg_rc bills_total(db *d, const bill_cond *cond, int n, int64_t *total, hg_err *err)
{
    buf sql;
    buf_init(&sql, 4096);
    hg_rc rc = buf_puts(&sql, "SELECT COUNT(*) FROM tax_bills b WHERE 1 = 1");
    for (int i = 0; i < n && !rc; i++)
        rc = buf_puts(&sql, cond[i].sql);
    db_stmt *s = NULL;
    if (rc)
        rc = hg_fail(err, rc, NULL, NULL, "cannot build the statement");
    else
        rc = bill_prepare(d, buf_str(&sql), cond, n, &s, err);
    if (!rc && (rc = db_step(s, err)) == HG_ROW) {
        *total = db_col_int(s, 0);
        rc = HG_OK;
    } else if (rc == HG_DONE)
        rc = hg_fail(err, HG_INTERNAL, NULL, NULL, "no count");
    db_reset(s);
    buf_free(&sql);
    return rc;
}

hg_rc tax_bills_json(db *d, const principal *who, const tax_bill_query *q, json_t **out, hg_err *err)
{
    bill_cond cond[16];
    int n = 0, sort = -1;
    for (int i = 0; q->list.sort && tax_bill_sortable[i]; i++)
        if (strcmp(q->list.sort, tax_bill_sortable[i]) == 0)
            sort = i;
    char *pattern = q->list.q ? record_search_pattern(q->list.q) : NULL;
    if (q->list.q && !pattern)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    bill_conditions(who, q, pattern, cond, &n);
    buf sql;
    buf_init(&sql, 4096);
    hg_rc rc = buf_puts(&sql, "SELECT b.entry_no, COALESCE(b.declarant, ''), COALESCE(b.consignee, b.consignor, ''), "
                              BILL_COLUMNS " FROM tax_bills b WHERE 1 = 1");
    for (int i = 0; i < n && !rc; i++)
        rc = buf_puts(&sql, cond[i].sql);
    /* a sort first (rows without a value last, on both backends), then the newest entry */
    if (!rc && sort >= 0)
        rc = buf_appendf(&sql, " ORDER BY (%s IS NULL), %s%s, b.entry_no DESC", bill_sort_column[sort],
                         bill_sort_column[sort], q->list.sort_desc ? " DESC" : "");
    else if (!rc)
        rc = buf_puts(&sql, " ORDER BY b.entry_no DESC");
    if (!rc)
        rc = buf_appendf(&sql, " LIMIT %d OFFSET %d", q->list.limit + 1, q->list.offset);
    db_stmt *s = NULL;
    if (rc)
        rc = hg_fail(err, rc, NULL, NULL, "cannot build the statement");
    else
        rc = bill_prepare(d, buf_str(&sql), cond, n, &s, err);
    json_t *items = json_array();
    int64_t now = now_ms();
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        rc = HG_OK;
        bill_row b;
        bill_from_row(s, 3, &b);
        json_t *o = json_pack("{s:s, s:s, s:s}", "entry_no", db_col_text(s, 0), "declarant", db_col_text(s, 1),
                              "trader", db_col_text(s, 2));
        if (!o || json_array_append_new(items, o)) {
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
            break;
        }
        tax_put_time(o, "issued_at", b.issued_ms);
        rc = tax_bill_put_standing(o, &b, now, err);
    }
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    buf_free(&sql);
    int64_t total = 0;
    if (!rc && q->list.with_total)
        rc = bills_total(d, cond, n, &total, err);
    xfree(pattern);
    if (rc) {
        json_decref(items);
        return rc;
    }
    rc = json_page_of(items, q->list.limit, "entry_no", out, err);
    return rc ? rc : record_page_numbered(out, q->list.sort || q->list.offset, q->list.with_total, total, err);
}

/* The thresholds' working: which taxes were assessed under 50 yuan and not levied. */
static void put_not_levied(json_t *o, const bill_row *b)
{
    json_t *a = json_array();
    if (b->assessed.duty_fen && !b->levied.duty_fen)
        json_array_append_new(a, json_string("duty"));
    if (b->assessed.consumption_fen && !b->levied.consumption_fen)
        json_array_append_new(a, json_string("consumption_tax"));
    if (b->assessed.vat_fen && !b->levied.vat_fen)
        json_array_append_new(a, json_string("vat"));
    json_object_set_new(o, "not_levied", a);
    json_t *as = json_object();
    tax_put_money(as, "duty", b->assessed.duty_fen);
    tax_put_money(as, "consumption_tax", b->assessed.consumption_fen);
    tax_put_money(as, "vat", b->assessed.vat_fen);
    json_object_set_new(o, "assessed", as);
}

hg_rc tax_bill_json(db *d, const principal *who, const char *entry_no, int64_t at_ms, json_t **out, hg_err *err)
{
    hg_rc rc = subject_visible(d, who, entry_no, err);
    bill_row b;
    if (!rc)
        rc = tax_bill_load(d, entry_no, &b, err);
    if (rc)
        return rc;
    json_t *o = json_object(), *lines = NULL;
    json_object_set_new(o, "entry_no", json_string(entry_no));
    tax_put_time(o, "issued_at", b.issued_ms);
    if ((rc = tax_bill_put_standing(o, &b, at_ms, err)) ||
        (rc = record_children_json(d, &tax_line_record, entry_no, &lines, err))) {
        json_decref(o);
        return rc;
    }
    /* the lines as stored (tax_line_record), numbered */
    size_t k;
    json_t *l;
    json_array_foreach(lines, k, l)
        json_object_set_new(l, "line_no", json_integer((json_int_t)k + 1));
    json_object_set_new(o, "lines", lines);
    tax_put_money(o, "duty", b.levied.duty_fen);
    tax_put_money(o, "consumption_tax", b.levied.consumption_fen);
    tax_put_money(o, "vat", b.levied.vat_fen);
    put_not_levied(o, &b);
    tax_put_date(o, "period_last_day", b.period_last_day);
    if (b.transport_entry_ms) { /* 滞报金: the days past the 14 after the transport's entry */
        json_t *ld = json_object();
        tax_put_time(ld, "transport_entry_at", b.transport_entry_ms);
        json_object_set_new(ld, "days", json_integer(b.late_decl_days));
        tax_put_money(ld, "fee", b.late_decl_fee);
        json_object_set_new(o, "late_declaration", ld);
    }
    json_object_set_new(o, "late_fee_waived", json_boolean(b.waived));
    tax_put_money(o, "late_fee_waived_amount", b.waived_fen);
    if (b.guarantee) {
        tax_put_money(o, "guarantee", b.guarantee);
        if (b.guarantee_until_day)
            tax_put_date(o, "guarantee_valid_until", b.guarantee_until_day);
    }
    *out = o;
    return HG_OK;
}

/* ---- payments, decisions ---- */

hg_rc tax_begin_with_bill(db *d, const principal *who, const char *entry_no, bill_row *b, hg_err *err)
{
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = subject_visible(d, who, entry_no, err);
    if (!rc)
        rc = tax_bill_load(d, entry_no, b, err);
    if (rc)
        db_rollback(d);
    return rc;
}

hg_rc tax_pay(const hg_ctx *c, const char *entry_no, int64_t amount, json_t **out, hg_err *err)
{
    db *d = c->d;
    bill_row b;
    *out = NULL;
    hg_rc rc = tax_begin_with_bill(d, c->who, entry_no, &b, err);
    if (rc)
        return rc;
    int64_t now = c->now_ms, fee = 0;
    if (!rc && strcmp(b.status, "paid") == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "entry_no", "the tax of this declaration is already paid");
    if (!rc && strcmp(b.status, "none") == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "entry_no", "no tax is due on this declaration");
    if (!rc)
        rc = tax_bill_fee_at(&b, now, &fee, NULL, err);
    if (!rc && amount != b.total + fee + b.late_decl_fee) {
        char want[40], t[40], f[40], l[40];
        money_format(b.total + fee + b.late_decl_fee, want, sizeof want);
        money_format(b.total, t, sizeof t);
        money_format(fee, f, sizeof f);
        money_format(b.late_decl_fee, l, sizeof l);
        if (b.late_decl_fee)
            /* TRANSLATORS: 1: want; 2: t; 3: f; 4: l */
            rc = hg_fail(err, HG_INVALID, "invalid", "amount",
                         "amount must be %s (tax %s + late fee %s + late-declaration fee %s)", want, t, f, l);
        else
            /* TRANSLATORS: 1: want; 2: t; 3: f */
            rc = hg_fail(err, HG_INVALID, "invalid", "amount", "amount must be %s (tax %s + late fee %s)", want, t, f);
    }
    if (!rc)
        rc = db_run(d, err, "UPDATE tax_bills SET status = 'paid', paid_ms = ?, paid_fen = ?, late_fee_fen = ? "
                            "WHERE entry_no = ?",
                    "iiit", now, amount, fee, entry_no);
    /* the guarantee has served: it is released (解除担保) */
    if (!rc)
        rc = db_run(d, err, "UPDATE tax_guarantees SET status = 'released' WHERE entry_no = ? AND status = 'active'",
                    "t", entry_no);
    json_t *ev = json_pack("{s:I, s:I}", "amount_fen", (json_int_t)amount, "late_fee_fen", (json_int_t)fee);
    if (!rc)
        rc = tax_emit(d, "tax.paid", entry_no, c->actor, c->request_id, ev, err);
    if (!rc)
        rc = tax_subject_changed(d, entry_no, c->actor, "tax_paid", ev, 1, err);
    rc = audit_commit(c, rc, "tax.pay", "tax", entry_no, NULL, ev, err);
    json_decref(ev);
    return rc ? rc : tax_bill_json(d, c->who, entry_no, now, out, err);
}

/* A deferral's refusals (关税法 on 延期缴纳: against a tax guarantee, at most six months):
 * until_day must lie after the payment period, within six calendar months of the payment
 * notice's issue, and within the validity of the bill's active guarantee. */
static hg_rc deferral_allowed(const bill_row *b, int64_t until_day, hg_err *err)
{
    char last[11];
    if (until_day <= b->period_last_day)
        return hg_fail(err, HG_INVALID, "invalid", "until", "a deferral ends after the payment period");
    int64_t limit = tax_add_months(tax_shanghai_day(b->issued_ms), 6);
    if (until_day > limit) {
        calendar_format_date(limit, last);
        return hg_fail(err, HG_CONFLICT, "conflict", "until",
                       "a deferral lasts at most six months (关税法, 延期缴纳): until %s at the latest", last);
    }
    if (strcmp(b->status, "guaranteed") != 0 || !b->guarantee_until_day)
        return hg_fail(err, HG_CONFLICT, "conflict", "entry_no",
                       "a deferral is granted only against a tax guarantee (关税法, 延期缴纳): post one first");
    if (b->guarantee < b->total)
        return hg_fail(err, HG_CONFLICT, "conflict", "entry_no", "the guarantee does not cover the tax deferred");
    if (b->guarantee_until_day < until_day) {
        calendar_format_date(b->guarantee_until_day, last);
        return hg_fail(err, HG_CONFLICT, "conflict", "until",
                       "the guarantee is valid only until %s: a deferral cannot outlast its guarantee", last);
    }
    return HG_OK;
}

/* A waiver's amount: only of late fees accrued and not yet waived (征管办法 on 减免滞纳金).
 * want < 0 asks for all of it. */
static hg_rc waiver_amount(const bill_row *b, int64_t at_ms, int64_t want, int64_t *amount, hg_err *err)
{
    int64_t accrued = 0;
    if (strcmp(b->status, "paid") == 0)
        return hg_fail(err, HG_CONFLICT, "conflict", "entry_no",
                       "the tax and its late fee are paid: a waiver is of a fee not yet paid");
    hg_rc rc = tax_bill_fee_at(b, at_ms, &accrued, NULL, err);
    if (rc)
        return rc;
    if (accrued <= 0)
        return hg_fail(err, HG_CONFLICT, "conflict", "entry_no",
                       "no late fee has accrued: a waiver is only of fees accrued (征管办法, 滞纳金减免)");
    if (want == 0)
        return hg_fail(err, HG_INVALID, "invalid", "amount", "a waiver is of an amount above 0.00 (or all accrued)");
    if (want > accrued) {
        char a[40];
        money_format(accrued, a, sizeof a);
        return hg_fail(err, HG_CONFLICT, "conflict", "amount",
                       "a waiver is at most the late fee accrued (%s): it cannot be larger than the fee", a);
    }
    *amount = want < 0 ? accrued : want;
    return HG_OK;
}

hg_rc tax_request(const hg_ctx *c, const char *kind, const char *entry_no, const char *reason, int64_t until_ms, int64_t amount_fen, json_t **out, hg_err *err)
{
    db *d = c->d;
    bill_row b;
    *out = NULL;
    int deferral = strcmp(kind, "deferral") == 0;
    hg_rc rc = tax_begin_with_bill(d, c->who, entry_no, &b, err);
    if (rc)
        return rc;
    int64_t now = c->now_ms, amount = 0;
    if (!rc && strcmp(b.status, "paid") == 0 && deferral)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "entry_no", "the tax is already paid; nothing to defer");
    if (!rc && strcmp(b.status, "none") == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "entry_no", "no tax is due on this declaration");
    if (!rc && deferral)
        rc = deferral_allowed(&b, tax_shanghai_day(until_ms), err);
    if (!rc && !deferral)
        rc = waiver_amount(&b, now, amount_fen, &amount, err);
    int64_t pending = 0;
    if (!rc)
        rc = db_int(d, &pending, err,
                    "SELECT COUNT(*) FROM tax_decisions WHERE entry_no = ? AND kind = ? AND status = 'pending'", "tt",
                    entry_no, kind);
    if (!rc && pending)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "entry_no", "a %s for this declaration is already pending", hg_word(kind));
    int64_t id = 0;
    if (!rc)
        rc = db_run(d, err,
                    "INSERT INTO tax_decisions (entry_no, kind, reason, until_ms, requested_by, requested_ms, status, "
                    "amount_fen) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)",
                    "tttitii", entry_no, kind, reason, until_ms, c->actor, now, deferral ? b.total : amount);
    if (!rc)
        rc = db_int(d, &id, err, "SELECT MAX(id) FROM tax_decisions WHERE entry_no = ?", "t", entry_no);
    json_t *after = rc ? NULL : json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)id, "entry_no", entry_no,
                                          "kind", kind, "reason", reason, "status", "pending", "requested_by",
                                          c->actor);
    if (after && until_ms)
        tax_put_time(after, "until", until_ms);
    if (after)
        tax_put_money(after, "amount", deferral ? b.total : amount);
    rc = audit_commit(c, rc, deferral ? "tax.deferral.request" : "tax.waiver.request", "tax", entry_no, NULL, after, err);
    if (rc)
        json_decref(after);
    else
        *out = after;
    return rc;
}

typedef struct decision_row {
    char entry_no[24], kind[16], status[16], requester[64];
    int64_t until, amount;
} decision_row;

static hg_rc load_decision(db *d, int64_t id, decision_row *x, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT entry_no, kind, status, COALESCE(until_ms, 0), requested_by, COALESCE(amount_fen, 0) "
                        "FROM tax_decisions WHERE id = ?",
                        "i", id);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        snprintf(x->entry_no, sizeof x->entry_no, "%s", db_col_text(s, 0));
        snprintf(x->kind, sizeof x->kind, "%s", db_col_text(s, 1));
        snprintf(x->status, sizeof x->status, "%s", db_col_text(s, 2));
        x->until = db_col_int(s, 3);
        snprintf(x->requester, sizeof x->requester, "%s", db_col_text(s, 4));
        x->amount = db_col_int(s, 5);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "id", "no such decision");
    }
    db_reset(s);
    return rc;
}

hg_rc tax_decide(const hg_ctx *c, int64_t id, int approve, const char *note, json_t **out, hg_err *err)
{
    db *d = c->d;
    *out = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    decision_row x;
    bill_row b;
    int64_t now = c->now_ms;
    rc = load_decision(d, id, &x, err);
    if (!rc && strcmp(x.status, "pending") != 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "status", "the request was already %s", hg_word(x.status));
    /* four eyes: the deciding tax officer is neither the one who proposed nor the one who asked */
    if (!rc && strcmp(x.requester, c->actor) == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "id",
                     "a request is decided by a second tax officer, not by its proposer or requester");
    if (!rc)
        rc = tax_bill_load(d, x.entry_no, &b, err);
    /* what the approval grants must still hold when it is granted */
    if (!rc && approve && strcmp(x.kind, "deferral") == 0)
        rc = deferral_allowed(&b, tax_shanghai_day(x.until), err);
    if (!rc && approve && strcmp(x.kind, "waiver") == 0) {
        int64_t granted = 0;
        rc = waiver_amount(&b, now, x.amount, &granted, err);
    }
    if (!rc)
        rc = db_run(d, err, "UPDATE tax_decisions SET status = ?, decided_by = ?, decided_ms = ?, note = ? WHERE id = ?",
                    "ttiti", approve ? "approved" : "rejected", c->actor, now, note, id);
    if (!rc && approve && strcmp(x.kind, "deferral") == 0)
        rc = db_run(d, err, "UPDATE tax_bills SET status = 'deferred', last_free_day = ? WHERE entry_no = ?", "it",
                    tax_shanghai_day(x.until), x.entry_no);
    if (!rc && approve && strcmp(x.kind, "waiver") == 0)
        rc = db_run(d, err,
                    "UPDATE tax_bills SET late_fee_waived = 1, waived_fee_fen = COALESCE(waived_fee_fen, 0) + ? "
                    "WHERE entry_no = ?",
                    "it", x.amount, x.entry_no);
    json_t *after = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s*}", "id", (json_int_t)id, "entry_no", x.entry_no, "kind",
                              x.kind, "status", approve ? "approved" : "rejected", "decided_by", c->actor, "note",
                              note);
    if (after)
        tax_put_money(after, "amount", x.amount);
    char event[32];
    snprintf(event, sizeof event, "%s_%s", x.kind, approve ? "approved" : "rejected");
    if (!rc)
        rc = tax_subject_changed(d, x.entry_no, c->actor, event, after, approve, err);
    rc = audit_commit(c, rc, approve ? "tax.decision.approve" : "tax.decision.reject", "tax", x.entry_no, NULL, after, err);
    if (rc)
        json_decref(after);
    else
        *out = after;
    return rc;
}

hg_rc tax_decisions_json(db *d, const char *status, json_t **out, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT id, entry_no, kind, reason, COALESCE(until_ms, 0), requested_by, requested_ms, status, "
                        "decided_by, COALESCE(decided_ms, 0), note, COALESCE(amount_fen, 0) FROM tax_decisions "
                        "WHERE (? IS NULL OR status = ?) ORDER BY id LIMIT 500",
                        "tt", status, status);
    if (rc)
        return rc;
    json_t *items = json_array();
    while ((rc = db_step(s, err)) == HG_ROW) {
        json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s*, s:s*}", "id", (json_int_t)db_col_int(s, 0),
                              "entry_no", db_col_text(s, 1), "kind", db_col_text(s, 2), "reason", db_col_text(s, 3),
                              "requested_by", db_col_text(s, 5), "status", db_col_text(s, 7), "decided_by",
                              db_col_text(s, 8), "note", db_col_text(s, 10));
        tax_put_time(o, "until", db_col_int(s, 4));
        tax_put_time(o, "requested_at", db_col_int(s, 6));
        tax_put_time(o, "decided_at", db_col_int(s, 9));
        tax_put_money(o, "amount", db_col_int(s, 11));
        json_array_append_new(items, o);
    }
    db_reset(s);
    if (rc != HG_DONE) {
        json_decref(items);
        return rc;
    }
    *out = json_pack("{s:o}", "items", items);
    return HG_OK;
}
