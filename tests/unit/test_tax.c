/* test_tax.c — the tax and late-fee arithmetic pinned to hand-worked examples in fen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(duty_and_vat),
        cmocka_unit_test(consumption_tax_composite_base),
        cmocka_unit_test(rounding_half_up_to_the_fen),
        cmocka_unit_test(ecommerce_retail_pays_seventy_percent),
        cmocka_unit_test(late_fees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
