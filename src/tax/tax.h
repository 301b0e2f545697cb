/* tax.h — duty, consumption tax and import VAT, and late fees: pure arithmetic in fen.
 *
 * Rates are parts per million (13% VAT = 130000 ppm). Every amount is rounded half up to
 * the fen, per item and per tax, as customs tax bills are; totals are sums of the rounded
 * item amounts. No floating point anywhere (DESIGN.md §4: money is integer fen).
 * Not for: tariff tables, exchange rates or storage (tax_store.c). */
#ifndef HG_TAX_H
#define HG_TAX_H

#include <stdint.h>

typedef struct tax_item_in {
    int64_t dutiable_value_fen;   /* customs value in CNY fen (CIF for imports) */
    uint32_t duty_rate_ppm;       /* MFN (or applicable) ad valorem duty rate */
    uint32_t consumption_rate_ppm;/* ad valorem consumption tax rate, 0 when none */
    uint32_t vat_rate_ppm;        /* import VAT rate: 130000 or 90000 */
    int ecommerce_retail;         /* cross-border e-commerce retail within limits: no duty,
                                   * 70% of VAT and consumption tax */
} tax_item_in;

typedef struct tax_item_out {
    int64_t duty_fen;
    int64_t consumption_fen;
    int64_t consumption_base_fen;   /* (value + duty) / (1 - rate), the working shown */
    int64_t vat_fen;
    int64_t vat_base_fen;           /* value + duty + consumption tax */
    int64_t total_fen;
} tax_item_out;

/* Computes one item's taxes (DESIGN.md §5):
 *   duty        = value × duty rate
 *   consumption = (value + duty) / (1 − rate) × rate          (ad valorem)
 *   VAT         = (value + duty + consumption) × VAT rate
 * e-commerce retail within limits: duty 0, consumption and VAT × 70%.
 * Returns 0, or -1 when the inputs are out of range (negative value, rate ≥ 100%). */
int tax_assess_item(const tax_item_in *in, tax_item_out *out);

/* Late fee (滞纳金): 0.05% of the unpaid tax per day, counted from the day after the payment
 * period (15 days from the tax bill's issue) ends until the day of payment, inclusive.
 * Days are calendar days in Asia/Shanghai. A fee under 50 yuan (5000 fen) is not collected
 * (returns 0). *days receives the days counted (0 when paid in time). */
#define TAX_PAYMENT_PERIOD_DAYS 15
#define TAX_LATE_FEE_PPM_PER_DAY 500
#define TAX_LATE_FEE_MINIMUM_FEN 5000
int64_t tax_late_fee(int64_t unpaid_fen, int64_t issued_ms, int64_t paid_ms, int *days);
/* The same, counted from the day after last_free_day (a Shanghai day number, e.g. the end
 * of an approved deferral). */
int64_t tax_late_fee_after(int64_t unpaid_fen, int64_t last_free_day, int64_t paid_ms, int *days);

/* Calendar day number (days since 1970-01-01) of a moment in Asia/Shanghai (UTC+8, no DST). */
int64_t tax_shanghai_day(int64_t ms);

/* a × b / c rounded half up, for non-negative a, b and positive c, without overflow
 * for a < 2^63 and b < 2^32. */
int64_t tax_mul_div_round(int64_t a, int64_t b, int64_t c);

#endif
