/* test_tax.c — the tax and late-fee arithmetic pinned to hand-worked examples in fen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "platform/calendar.h"
#include "tax/tax.h"

/* 2026-12-01T10:00:00+08:00 */
#define DEC1 1796090400000LL
#define DAY 86400000LL

static void duty_and_vat(void **state)
{
    (void)state;
    /* 100,000.00 yuan at 10% duty and 13% VAT: duty 10,000.00; VAT 13% of 110,000.00 = 14,300.00 */
    tax_item_in in = {10000000, 100000, 0, 130000, 0};
    tax_item_out out;
    assert_int_equal(tax_assess_item(&in, &out), 0);
    assert_int_equal(out.duty_fen, 1000000);
    assert_int_equal(out.consumption_fen, 0);
    assert_int_equal(out.vat_base_fen, 11000000);
    assert_int_equal(out.vat_fen, 1430000);
    assert_int_equal(out.total_fen, 2430000);
}

static void consumption_tax_composite_base(void **state)
{
    (void)state;
    /* 100,000.00 yuan, duty 10%, consumption 10%, VAT 13%:
     * base (110,000.00) / 0.9 = 122,222.2222 -> 122,222.22; consumption 12,222.222 -> 12,222.22;
     * VAT 13% of (110,000.00 + 12,222.22) = 15,888.8886 -> 15,888.89 */
    tax_item_in in = {10000000, 100000, 100000, 130000, 0};
    tax_item_out out;
    assert_int_equal(tax_assess_item(&in, &out), 0);
    assert_int_equal(out.consumption_base_fen, 12222222);
    assert_int_equal(out.consumption_fen, 1222222);
    assert_int_equal(out.vat_fen, 1588889);
    assert_int_equal(out.total_fen, 1000000 + 1222222 + 1588889);
}

static void rounding_half_up_to_the_fen(void **state)
{
    (void)state;
    /* 0.05 yuan at 10%: 0.5 fen rounds up to 1 fen; 0.04 yuan: 0.4 fen rounds to 0 */
    tax_item_in in = {5, 100000, 0, 90000, 0};
    tax_item_out out;
    assert_int_equal(tax_assess_item(&in, &out), 0);
    assert_int_equal(out.duty_fen, 1);
    in.dutiable_value_fen = 4;
    assert_int_equal(tax_assess_item(&in, &out), 0);
    assert_int_equal(out.duty_fen, 0);
    /* large values do not overflow: 90 trillion fen at 13% */
    in.dutiable_value_fen = 9000000000000000LL;
    in.duty_rate_ppm = 0;
    in.vat_rate_ppm = 130000;
    assert_int_equal(tax_assess_item(&in, &out), 0);
    assert_int_equal(out.vat_fen, 1170000000000000LL);
    in.vat_rate_ppm = 1000000;
    assert_int_equal(tax_assess_item(&in, &out), -1);
}

static void ecommerce_retail_pays_seventy_percent(void **state)
{
    (void)state;
    /* 1,000.00 yuan cosmetics: consumption 15%, VAT 13%, no duty:
     * consumption base 100,000 fen / 0.85 = 117,647.06 fen -> 117,647 fen;
     * consumption 17,647.05 -> 17,647 fen x 70% = 12,352.9 -> 12,353 fen;
     * VAT 13% of (100,000 + 17,647) = 15,294.11 -> 15,294 fen x 70% = 10,705.8 -> 10,706 fen */
    tax_item_in in = {100000, 50000, 150000, 130000, 1};
    tax_item_out out;
    assert_int_equal(tax_assess_item(&in, &out), 0);
    assert_int_equal(out.duty_fen, 0);
    assert_int_equal(out.consumption_fen, 12353);
    assert_int_equal(out.vat_fen, 10706);
}

static void late_fees(void **state)
{
    (void)state;
    int days;
    /* issued 1 Dec, period ends 16 Dec: paid 16 Dec is in time */
    assert_int_equal(tax_late_fee(100000000, DEC1, DEC1 + 15 * DAY, &days), 0);
    assert_int_equal(days, 0);
    /* paid 20 Dec: 4 days (17-20 Dec) x 0.05% x 1,000,000.00 yuan = 2,000.00 yuan */
    assert_int_equal(tax_late_fee(100000000, DEC1, DEC1 + 19 * DAY, &days), 200000);
    assert_int_equal(days, 4);
    /* 10,000.00 yuan, 5 days late: 25.00 yuan is under 50 yuan and not collected */
    assert_int_equal(tax_late_fee(1000000, DEC1, DEC1 + 20 * DAY, &days), 0);
    assert_int_equal(days, 5);
    /* 20,000.00 yuan, 5 days late: exactly 50.00 yuan is collected */
    assert_int_equal(tax_late_fee(2000000, DEC1, DEC1 + 20 * DAY, &days), 5000);
    /* calendar days in Shanghai: issued 23:30 local on 1 Dec still counts 1 Dec as the issue day */
    int64_t late_evening = DEC1 + (13 * 3600 + 1800) * 1000LL;   /* 23:30 +08:00 */
    assert_int_equal(tax_shanghai_day(late_evening), tax_shanghai_day(DEC1));
    assert_int_equal(tax_late_fee(100000000, late_evening, DEC1 + 16 * DAY, &days), 50000);
    assert_int_equal(days, 1);
}

/* day number of a civil date */
static int64_t D(int y, int m, int d) { return calendar_days_from_civil(y, m, d); }
/* 10:00 Shanghai time on a civil date */
static int64_t AT10(int y, int m, int d) { return calendar_day_start_ms(D(y, m, d)) + 10 * 3600 * 1000LL; }

static void thresholds_each_tax_under_50_yuan_not_levied(void **state)
{
    (void)state;
    /* 《中华人民共和国海关进出口货物征税管理办法》 and 进出口关税条例/关税法: a ticket's duty, import VAT
     * or consumption tax under 50 yuan is each not levied. 300.00 yuan at 8% duty and 13% VAT:
     * duty 24.00, VAT 13% of 324.00 = 42.12: both under 50 yuan, billed 0 (and holds no release) */
    tax_item_in in = {30000, 80000, 0, 130000, 0};
    tax_item_out out;
    assert_int_equal(tax_assess_item(&in, &out), 0);
    assert_int_equal(out.duty_fen, 2400);
    assert_int_equal(out.vat_fen, 4212);
    tax_amounts assessed = {out.duty_fen, out.consumption_fen, out.vat_fen};
    tax_amounts levied = tax_levied(&assessed);
    assert_int_equal(tax_amounts_total(&levied), 0);
    /* judged per tax, not on the sum: duty 49.99 is not levied, VAT 50.00 is */
    tax_amounts edge = {4999, 0, 5000};
    levied = tax_levied(&edge);
    assert_int_equal(levied.duty_fen, 0);
    assert_int_equal(levied.vat_fen, 5000);
    assert_int_equal(tax_amounts_total(&levied), 5000);
}

static void late_fee_minimum_judged_per_tax(void **state)
{
    (void)state;
    /* 征管办法: a late fee under 50 yuan is not collected, judged for each tax. Duty 2,000.00 and
     * VAT 20,000.00, 10 days late: duty's fee 10.00 is not collected, VAT's 100.00 is: 100.00
     * (the sum rule would have charged 110.00) */
    tax_amounts unpaid = {200000, 0, 2000000};
    tax_fees f;
    int64_t last = D(2026, 12, 16);
    assert_int_equal(tax_late_fees(&unpaid, last, AT10(2026, 12, 26), &f), 0);
    assert_int_equal(f.days, 10);
    assert_int_equal(f.fee.duty_fen, 0);
    assert_int_equal(f.fee.vat_fen, 10000);
    assert_int_equal(f.total_fen, 10000);
}

static void deadline_moves_off_weekends_and_holidays(void **state)
{
    (void)state;
    /* 进出口关税条例 / 征管办法: pay within 15 days from the day after the payment notice is issued;
     * a last day on a rest day or statutory holiday moves to the first working day after it, on
     * the State Council's arrangement (adjusted working weekends are working days).
     * Issued Friday 2026-11-20: the 15th day is Saturday 5 December, moved to Monday 7 December */
    assert_int_equal(tax_payment_last_day(NULL, D(2026, 11, 20)), D(2026, 12, 7));
    /* 215,320.00 yuan of VAT paid that Monday: no fee (the old rule charged 2 days: 215.32);
     * paid on the Tuesday: one day, 107.66 */
    tax_amounts vat = {0, 0, 21532000};
    tax_fees f;
    int64_t last = tax_payment_last_day(NULL, D(2026, 11, 20));
    assert_int_equal(tax_late_fees(&vat, last, AT10(2026, 12, 7), &f), 0);
    assert_int_equal(f.total_fen, 0);
    assert_int_equal(f.days, 0);
    assert_int_equal(tax_late_fees(&vat, last, AT10(2026, 12, 8), &f), 0);
    assert_int_equal(f.total_fen, 10766);
    assert_int_equal(f.days, 1);
    /* 2026 National Day (国务院办公厅 2026 arrangement): 1-7 October rest, Saturday 10 October a
     * working day. Issued 16 September: the 15th day, 1 October, moves to Thursday 8 October;
     * issued 25 September: the 15th day is Saturday 10 October, a working day: it stays */
    calendar_exception ex[9];
    size_t n = 0;
    for (int d = 1; d <= 7; d++)
        ex[n++] = (calendar_exception){D(2026, 10, d), CALENDAR_HOLIDAY};
    ex[n++] = (calendar_exception){D(2026, 10, 10), CALENDAR_WORKDAY};
    working_calendar cal = {ex, n};
    assert_int_equal(tax_payment_last_day(&cal, D(2026, 9, 16)), D(2026, 10, 8));
    assert_int_equal(tax_payment_last_day(&cal, D(2026, 9, 25)), D(2026, 10, 10));
    /* issued 1 December 2026 (a Tuesday): the last day is Wednesday 16 December */
    assert_int_equal(tax_payment_last_day(&cal, D(2026, 12, 1)), D(2026, 12, 16));
}

static void arithmetic_is_checked_never_wrapped(void **state)
{
    (void)state;
    /* every amount in checked integer arithmetic, declared values bounded: the maximal value at
     * the highest duty assesses, but its late fee on 9999-12-31 is out of range (-1), not a
     * figure wrapped around 2^64 */
    tax_item_in in = {TAX_VALUE_MAX_FEN, 10000000, 0, 130000, 0};
    tax_item_out out;
    assert_int_equal(tax_assess_item(&in, &out), 0);
    assert_int_equal(out.duty_fen, 100000000000000000LL);
    tax_amounts unpaid = {out.duty_fen, 0, out.vat_fen};
    tax_fees f;
    assert_int_equal(tax_late_fees(&unpaid, D(2026, 12, 16), AT10(9999, 12, 31), &f), -1);
    /* a value above the bound is refused */
    in.dutiable_value_fen = TAX_VALUE_MAX_FEN + 1;
    assert_int_equal(tax_assess_item(&in, &out), -1);
    /* a consumption tax of 99.9999% on a large value: its composite base would pass 10^18 */
    tax_item_in c = {TAX_VALUE_MAX_FEN, 0, 999999, 130000, 0};
    assert_int_equal(tax_assess_item(&c, &out), -1);
    int64_t q;
    assert_int_equal(tax_mul_div_checked(INT64_MAX, INT64_MAX, 1, &q), -1);
    assert_int_equal(tax_mul_div_checked(-1, 1, 1, &q), -1);
    assert_int_equal(tax_mul_div_checked(10, 15, 100, &q), 0);
    assert_int_equal(q, 2); /* 1.5 rounds half up */
    tax_amounts big = {TAX_AMOUNT_MAX_FEN, 1, 0};
    assert_int_equal(tax_amounts_total(&big), -1);
}

static void six_calendar_months(void **state)
{
    (void)state;
    /* 关税法 (延期缴纳): a deferral lasts at most six months, counted in calendar months: from
     * 3 December 2026 to 3 June 2027; from 31 August 2026 to 28 February 2027 (no 31st) */
    assert_int_equal(tax_add_months(D(2026, 12, 3), 6), D(2027, 6, 3));
    assert_int_equal(tax_add_months(D(2026, 8, 31), 6), D(2027, 2, 28));
    assert_int_equal(tax_add_months(D(2027, 8, 31), 6), D(2028, 2, 29));
}

static void late_declaration_fee(void **state)
{
    (void)state;
    /* 《中华人民共和国海关征收进口货物滞报金办法》: declared within 14 days of the transport's entry;
     * from the 15th day to the day of declaration, 0.05% of the CIF value a day, in whole yuan,
     * not under 50 yuan. Entry Monday 2 November 2026: the 14th day is Monday 16 November;
     * declared Friday 20 November: 4 days, 0.2% of 1,000,000.00 = 2,000.00 yuan */
    int64_t fee;
    int days;
    assert_int_equal(tax_late_declaration_fee(NULL, 100000000, D(2026, 11, 2), D(2026, 11, 20), &fee, &days), 0);
    assert_int_equal(days, 4);
    assert_int_equal(fee, 200000);
    /* declared on the 14th day: in time */
    assert_int_equal(tax_late_declaration_fee(NULL, 100000000, D(2026, 11, 2), D(2026, 11, 16), &fee, &days), 0);
    assert_int_equal(days, 0);
    assert_int_equal(fee, 0);
    /* 123,456.78 yuan, 3 days: 185.185 yuan, levied in whole yuan: 185.00 */
    assert_int_equal(tax_late_declaration_fee(NULL, 12345678, D(2026, 11, 2), D(2026, 11, 19), &fee, &days), 0);
    assert_int_equal(fee, 18500);
    /* 30,000.00 yuan, 3 days: 45.00 yuan is under 50 yuan: not collected */
    assert_int_equal(tax_late_declaration_fee(NULL, 3000000, D(2026, 11, 2), D(2026, 11, 19), &fee, &days), 0);
    assert_int_equal(days, 3);
    assert_int_equal(fee, 0);
    /* a 14th day on the National Day holiday (1 October 2026) moves to 8 October: declared on
     * 9 October, one day late */
    calendar_exception ex[7];
    for (int d = 1; d <= 7; d++)
        ex[d - 1] = (calendar_exception){D(2026, 10, d), CALENDAR_HOLIDAY};
    working_calendar cal = {ex, 7};
    assert_int_equal(tax_late_declaration_fee(&cal, 100000000, D(2026, 9, 17), D(2026, 10, 9), &fee, &days), 0);
    assert_int_equal(days, 1);
    assert_int_equal(fee, 50000);
    /* two-step (海关总署公告2019年第127号): the summary in time, the complete declaration 20 days
     * after entry is 6 days late, and that lateness stays on the record */
    assert_int_equal(tax_late_declaration_fee(NULL, 100000000, D(2026, 11, 2), D(2026, 11, 22), &fee, &days), 0);
    assert_int_equal(days, 6);
    assert_int_equal(fee, 300000);
}

static void valuation_builds_the_cif_value(void **state)
{
    (void)state;
    /* 《中华人民共和国海关审定进出口货物完税价格办法》: the dutiable value is CIF; insurance that is
     * unknown is 3‰ of the price and freight. FOB 100,000.00 + freight 5,000.00: insurance
     * 3‰ of 105,000.00 = 315.00, CIF 105,315.00 */
    tax_valuation_out v;
    tax_valuation_in fob = {TAX_TERMS_FOB, 10000000, 500000, -1, 0};
    assert_int_equal(tax_cif_value(&fob, &v), 0);
    assert_int_equal(v.insurance, 31500);
    assert_int_equal(v.insurance_estimated, 1);
    assert_int_equal(v.cif, 10531500);
    /* CFR 100,000.00: freight included, insurance 300.00: CIF 100,300.00 */
    tax_valuation_in cfr = {TAX_TERMS_CFR, 10000000, 0, -1, 0};
    assert_int_equal(tax_cif_value(&cfr, &v), 0);
    assert_int_equal(v.cif, 10030000);
    /* EXW 80,000.00, freight from the works 6,000.00, known insurance 200.00, packing 1,200.00:
     * CIF 87,400.00 */
    tax_valuation_in exw = {TAX_TERMS_EXW, 8000000, 600000, 20000, 120000};
    assert_int_equal(tax_cif_value(&exw, &v), 0);
    assert_int_equal(v.insurance_estimated, 0);
    assert_int_equal(v.cif, 8740000);
    /* CIF 100,000.00 with commissions 500.00: 100,500.00; freight besides a CIF price is refused */
    tax_valuation_in cif = {TAX_TERMS_CIF, 10000000, 0, -1, 50000};
    assert_int_equal(tax_cif_value(&cif, &v), 0);
    assert_int_equal(v.cif, 10050000);
    cif.freight = 100;
    assert_int_equal(tax_cif_value(&cif, &v), -1);
    tax_price_terms t;
    assert_int_equal(tax_price_terms_parse("FOB", &t), 0);
    assert_int_equal(t, TAX_TERMS_FOB);
    assert_int_equal(tax_price_terms_parse("DDP", &t), -1);
}

static void rate_kinds_chosen_and_named(void **state)
{
    (void)state;
    /* 关税法 (rate kinds): gear boxes MFN 8%, general 30%, provisional 5%, an agreement's
     * conventional rate 3% for the origin */
    uint32_t ppm;
    tax_rate_choice c = {.mfn_ppm = 80000, .general_ppm = 300000, .provisional_ppm = -1, .agreement_ppm = -1,
                         .agreement_kind = TAX_RATE_CONVENTIONAL, .certificate = 0, .mfn_origin = 1};
    assert_int_equal(tax_choose_rate(&c, &ppm), TAX_RATE_MFN);
    assert_int_equal(ppm, 80000);
    c.provisional_ppm = 50000; /* the provisional rate applies to MFN goods */
    assert_int_equal(tax_choose_rate(&c, &ppm), TAX_RATE_PROVISIONAL);
    assert_int_equal(ppm, 50000);
    c.agreement_ppm = 30000; /* without the certificate of origin the agreement does not apply */
    assert_int_equal(tax_choose_rate(&c, &ppm), TAX_RATE_PROVISIONAL);
    c.certificate = 1; /* with it: the lower of agreement and provisional */
    assert_int_equal(tax_choose_rate(&c, &ppm), TAX_RATE_CONVENTIONAL);
    assert_int_equal(ppm, 30000);
    c.agreement_ppm = 60000; /* an agreement rate above the provisional gives way */
    assert_int_equal(tax_choose_rate(&c, &ppm), TAX_RATE_PROVISIONAL);
    assert_int_equal(ppm, 50000);
    /* an origin without MFN treatment or agreement: the general rate, no provisional */
    tax_rate_choice g = {.mfn_ppm = 80000, .general_ppm = 300000, .provisional_ppm = 50000, .agreement_ppm = -1,
                         .agreement_kind = TAX_RATE_CONVENTIONAL, .certificate = 0, .mfn_origin = 0};
    assert_int_equal(tax_choose_rate(&g, &ppm), TAX_RATE_GENERAL);
    assert_int_equal(ppm, 300000);
    assert_string_equal(tax_rate_kind_name(TAX_RATE_GENERAL), "general");
    /* a least-developed country's special preferential rate 0% with its certificate */
    tax_rate_choice p = {.mfn_ppm = 80000, .general_ppm = 300000, .provisional_ppm = -1, .agreement_ppm = 0,
                         .agreement_kind = TAX_RATE_PREFERENTIAL, .certificate = 1, .mfn_origin = 1};
    assert_int_equal(tax_choose_rate(&p, &ppm), TAX_RATE_PREFERENTIAL);
    assert_int_equal(ppm, 0);
}

static void specific_and_compound_rates(void **state)
{
    (void)state;
    /* specific and compound duties and consumption taxes (关税法: 从量、复合计征; the import
     * consumption tax's composite base: (value + duty + quantity × specific) / (1 − rate)).
     * Illustrative rates. Beer, 20 tons at 250.00 yuan a ton, CIF 100,000.00, no duty:
     * consumption 5,000.00; VAT 13% of 105,000.00 = 13,650.00 */
    tax_item_in beer = {10000000, 0, 0, 130000, 0};
    tax_specific_in beer_sp = {.quantity = 20 * TAX_QUANTITY_UNIT, .consumption_specific_fen = 25000};
    tax_item_out out;
    assert_int_equal(tax_assess_item_specific(&beer, &beer_sp, &out), 0);
    assert_int_equal(out.consumption_fen, 500000);
    assert_int_equal(out.vat_fen, 1365000);
    /* liquor, 20% + 0.50 yuan per 500 g: 20,000 units of 500 g, CIF 200,000.00, duty 10%
     * 20,000.00; base (200,000 + 20,000 + 10,000) / 0.8 = 287,500.00; consumption 57,500.00 +
     * 10,000.00 = 67,500.00; VAT 13% of 287,500.00 = 37,375.00 */
    tax_item_in liquor = {20000000, 100000, 200000, 130000, 0};
    tax_specific_in liquor_sp = {.quantity = 20000 * TAX_QUANTITY_UNIT, .consumption_specific_fen = 50};
    assert_int_equal(tax_assess_item_specific(&liquor, &liquor_sp, &out), 0);
    assert_int_equal(out.duty_fen, 2000000);
    assert_int_equal(out.consumption_base_fen, 28750000);
    assert_int_equal(out.consumption_fen, 6750000);
    assert_int_equal(out.vat_fen, 3737500);
    /* a compound duty: 5% + 1,000.00 a unit on 10 units of CIF 50,000.00: 2,500.00 + 10,000.00 */
    tax_item_in compound = {5000000, 50000, 0, 130000, 0};
    tax_specific_in compound_sp = {.quantity = 10 * TAX_QUANTITY_UNIT, .duty_specific_fen = 100000};
    assert_int_equal(tax_assess_item_specific(&compound, &compound_sp, &out), 0);
    assert_int_equal(out.duty_fen, 1250000);
    /* a quantity that would take the specific duty past the bound is out of range */
    compound_sp.quantity = INT64_MAX / 2;
    assert_int_equal(tax_assess_item_specific(&compound, &compound_sp, &out), -1);
}

/* Decimal quantities (issue 14): quantity × rate is rounded to the fen once, half up (四舍五入:
 * 关税法 and 《海关进出口货物征税管理办法》 compute the tax in yuan to the fen), never the quantity
 * first. Illustrative rates, no ad valorem part. */
static void specific_duty_on_a_decimal_quantity(void **state)
{
    (void)state;
    tax_item_in none = {0, 0, 0, 130000, 0};
    tax_item_out out;
    /* 1.23456 units at 1,000.00 yuan a unit: exactly 1,234.56 yuan */
    tax_specific_in sp = {.quantity = 123456, .duty_specific_fen = 100000};
    assert_int_equal(tax_assess_item_specific(&none, &sp, &out), 0);
    assert_int_equal(out.duty_fen, 123456);
    /* 1.23456 units at 0.50 yuan: 61.728 fen is 62 fen (not 1 unit × 50 = 50 fen, rounding the
     * quantity first) */
    sp.duty_specific_fen = 50;
    assert_int_equal(tax_assess_item_specific(&none, &sp, &out), 0);
    assert_int_equal(out.duty_fen, 62);
    /* 1.23456 units at 12.34 yuan: 1,523.447 fen is 1,523 fen (down below the half) */
    sp.duty_specific_fen = 1234;
    assert_int_equal(tax_assess_item_specific(&none, &sp, &out), 0);
    assert_int_equal(out.duty_fen, 1523);
    /* half a fen rounds up: 0.00001 units at 500.00 yuan is 0.5 fen, so 1 fen (not 0: half up,
     * not to even); 2.5 units at 0.01 yuan is 2.5 fen, so 3 */
    sp = (tax_specific_in){.quantity = 1, .duty_specific_fen = 50000};
    assert_int_equal(tax_assess_item_specific(&none, &sp, &out), 0);
    assert_int_equal(out.duty_fen, 1);
    sp = (tax_specific_in){.quantity = 250000, .duty_specific_fen = 1};
    assert_int_equal(tax_assess_item_specific(&none, &sp, &out), 0);
    assert_int_equal(out.duty_fen, 3);
    /* a compound duty on 1.23456 units: 5% of 10,000.00 = 500.00, plus 1.23456 × 0.50 = 0.62 */
    tax_item_in compound = {1000000, 50000, 0, 130000, 0};
    sp = (tax_specific_in){.quantity = 123456, .duty_specific_fen = 50};
    assert_int_equal(tax_assess_item_specific(&compound, &sp, &out), 0);
    assert_int_equal(out.duty_fen, 50062);
    /* the consumption tax's specific part likewise: 1.23456 × 0.50 = 0.62 added after the base */
    sp = (tax_specific_in){.quantity = 123456, .consumption_specific_fen = 50};
    assert_int_equal(tax_assess_item_specific(&none, &sp, &out), 0);
    assert_int_equal(out.consumption_fen, 62);
}

/* 海关进出口货物征税管理办法: the month's rate is the PBOC central parity of the third Wednesday
 * of the previous month; JPY and a few others are quoted per 100 units */
static void exchange_rate_fixing_day_and_quotes(void **state)
{
    (void)state;
    char day[11];
    calendar_format_date(tax_rate_fixing_day(2026, 12), day);
    assert_string_equal(day, "2026-11-18"); /* November 2026 begins on a Sunday */
    calendar_format_date(tax_rate_fixing_day(2027, 1), day);
    assert_string_equal(day, "2026-12-16"); /* across the year; December begins on a Tuesday */
    calendar_format_date(tax_rate_fixing_day(2026, 3), day);
    assert_string_equal(day, "2026-02-18"); /* February begins on a Sunday */
    calendar_format_date(tax_rate_fixing_day(2026, 1), day);
    assert_string_equal(day, "2025-12-17");
    /* 4.7364 yuan per 100 yen is 0.047364 a yen; a quote per 100 to 6 decimals cannot be kept */
    assert_int_equal(tax_rate_per_unit(4736400, 100), 47364);
    assert_int_equal(tax_rate_per_unit(4736412, 100), -1);
    assert_int_equal(tax_rate_per_unit(7109800, 1), 7109800);
    assert_int_equal(tax_rate_per_unit(7109800, 10), -1);
}

/* The lines of the rate files (tax_lines.c). 海关进出口货物征税管理办法: the month's rate is the
 * one fixed on the third Wednesday of the previous month, JPY quoted per 100; 关税法: a dated
 * rate is in force from its first day to its last, both counted. */
static void rate_file_lines(void **state)
{
    (void)state;
    hg_err err = {0};
    tax_exchange_line x;
    const char *jpy[] = {"JPY", "2026-12", "4.7364", "100", "2026-11-18"};
    assert_int_equal(tax_exchange_line_parse(jpy, 5, &x, &err), HG_OK);
    assert_string_equal(x.currency, "JPY");
    assert_string_equal(x.month, "2026-12");
    assert_int_equal(x.cny_micro, 47364);
    const char *wrong_day[] = {"USD", "2026-12", "7.1", "1", "2026-11-19"};
    assert_int_equal(tax_exchange_line_parse(wrong_day, 5, &x, &err), HG_INVALID);
    assert_string_equal(err.field, "fixed_on");
    const char *month[] = {"USD", "2026-+1", "7.1"};
    assert_int_equal(tax_exchange_line_parse(month, 3, &x, &err), HG_INVALID);
    const char *few[] = {"USD", "2026-12"};
    assert_int_equal(tax_exchange_line_parse(few, 2, &x, &err), HG_INVALID);
    assert_string_equal(err.field, "currency");

    tax_dated_rate r;
    const char *open_ended[] = {"8703", "2027-01-01", "", "12", "13", "5"};
    assert_int_equal(tax_dated_rate_line_parse(open_ended, 6, &r, &err), HG_OK);
    assert_string_equal(r.hs_prefix, "8703");
    assert_int_equal(r.valid_to_day, 0);
    assert_int_equal(r.duty_ppm, 120000);
    assert_int_equal(r.consumption_ppm, 50000);
    char day[11];
    calendar_format_date(r.valid_from_day, day);
    assert_string_equal(day, "2027-01-01");
    const char *one_day[] = {"87032310", "2026-12-31", "2026-12-31", "6.5", "13", "0", "one day"};
    assert_int_equal(tax_dated_rate_line_parse(one_day, 7, &r, &err), HG_OK);
    assert_int_equal(r.valid_to_day, r.valid_from_day);
    assert_string_equal(r.description, "one day");
    const char *backwards[] = {"8703", "2027-01-02", "2027-01-01", "12", "13", "5"};
    assert_int_equal(tax_dated_rate_line_parse(backwards, 6, &r, &err), HG_INVALID);
    assert_string_equal(err.field, "valid_to");
    const char *odd[] = {"870", "2027-01-01", "", "12", "13", "5"};
    assert_int_equal(tax_dated_rate_line_parse(odd, 6, &r, &err), HG_INVALID);
    assert_string_equal(err.field, "hs_prefix");
    const char *vat[] = {"8703", "2027-01-01", "", "12", "100", "5"};
    assert_int_equal(tax_dated_rate_line_parse(vat, 6, &r, &err), HG_INVALID);
    assert_string_equal(err.field, "rates");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(duty_and_vat),
        cmocka_unit_test(consumption_tax_composite_base),
        cmocka_unit_test(rounding_half_up_to_the_fen),
        cmocka_unit_test(ecommerce_retail_pays_seventy_percent),
        cmocka_unit_test(late_fees),
        cmocka_unit_test(thresholds_each_tax_under_50_yuan_not_levied),
        cmocka_unit_test(late_fee_minimum_judged_per_tax),
        cmocka_unit_test(deadline_moves_off_weekends_and_holidays),
        cmocka_unit_test(arithmetic_is_checked_never_wrapped),
        cmocka_unit_test(six_calendar_months),
        cmocka_unit_test(late_declaration_fee),
        cmocka_unit_test(valuation_builds_the_cif_value),
        cmocka_unit_test(rate_kinds_chosen_and_named),
        cmocka_unit_test(specific_and_compound_rates),
        cmocka_unit_test(specific_duty_on_a_decimal_quantity),
        cmocka_unit_test(exchange_rate_fixing_day_and_quotes),
        cmocka_unit_test(rate_file_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
