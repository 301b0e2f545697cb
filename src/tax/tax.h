/* tax.h — duty, consumption tax and import VAT, the thresholds, deadlines and late fees:
 * pure arithmetic in fen, checked so that no amount ever wraps.
 *
 * Rates are parts per million (13% VAT = 130000 ppm). Every amount is rounded half up to
 * the fen, per item and per tax, as customs tax bills are; totals are sums of the rounded
 * item amounts. No floating point anywhere (DESIGN.md §4: money is integer fen). Every
 * product and sum is taken in checked integer arithmetic: a result beyond TAX_AMOUNT_MAX_FEN
 * is an error (-1), never a wrapped figure. docs/TAX_RULES.md names each rule's source.
 * Not for: tariff tables, exchange rates or storage (tax_store.c). */
#ifndef HG_TAX_H
#define HG_TAX_H

#include <stdint.h>

#include "../platform/calendar.h"
#include "../platform/rc.h"

/* Declared values have an upper bound: one item's dutiable value in CNY is at most
 * 100,000,000,000,000.00 yuan (10^16 fen; China's yearly imports are about 1.8 × 10^13 yuan).
 * Every amount the area computes (a tax, a ticket's total, a late fee, a sum) stays at most
 * TAX_AMOUNT_MAX_FEN (10^18 fen, under 2^63) or is refused as out of range. */
#define TAX_VALUE_MAX_FEN 10000000000000000LL
#define TAX_AMOUNT_MAX_FEN 1000000000000000000LL

typedef struct tax_item_in {
    int64_t dutiable_value_fen;    /* customs value in CNY fen (CIF for imports) */
    uint32_t duty_rate_ppm;        /* the applicable ad valorem duty rate */
    uint32_t consumption_rate_ppm; /* ad valorem consumption tax rate, 0 when none */
    uint32_t vat_rate_ppm;         /* import VAT rate: 130000 or 90000 */
    int ecommerce_retail;          /* cross-border e-commerce retail within limits: no duty,
                                   * 70% of VAT and consumption tax */
} tax_item_in;

/* Specific and compound rates (从量, 复合) of an item: fen per unit of the tariff's unit (a
 * litre, a ton, 500 grams) for quantity units; 0 when the tax is ad valorem only. The
 * quantity is a decimal of 5 places in 1e-5 of the unit, as declarations keep it (cargo.h):
 * quantity × rate is rounded to the fen once, half up (tax_mul_div_checked). */
#define TAX_QUANTITY_UNIT 100000
typedef struct tax_specific_in {
    int64_t quantity; /* in 1e-5 of the unit: 1.23456 litres is 123456 */
    int64_t duty_specific_fen;
    int64_t consumption_specific_fen;
} tax_specific_in;

typedef struct tax_item_out {
    int64_t duty_fen;
    int64_t consumption_fen;
    int64_t consumption_base_fen; /* (value + duty) / (1 - rate), the working shown */
    int64_t vat_fen;
    int64_t vat_base_fen; /* value + duty + consumption tax */
    int64_t total_fen;
} tax_item_out;

/* Computes one item's taxes (DESIGN.md §5):
 *   duty        = value × duty rate (+ quantity × specific duty: compound)
 *   consumption = (value + duty + quantity × specific) / (1 − rate) × rate
 *                 + quantity × specific    (ad valorem, specific or compound: the composite
 *                 base of the import consumption tax)
 *   VAT         = (value + duty + consumption) × VAT rate
 * e-commerce retail within limits: duty 0, consumption and VAT × 70%.
 * Returns 0, or -1 when the inputs are out of range (negative value, a value above
 * TAX_VALUE_MAX_FEN, rate ≥ 100%, duty rate above 1000%) or a result would be. */
int tax_assess_item(const tax_item_in *in, tax_item_out *out);
/* The same with specific or compound rates (sp may be NULL: ad valorem only). */
int tax_assess_item_specific(const tax_item_in *in, const tax_specific_in *sp, tax_item_out *out);

/* The three taxes of a ticket (一票货物: one declaration), in fen. */
typedef struct tax_amounts {
    int64_t duty_fen, consumption_fen, vat_fen;
} tax_amounts;

/* Thresholds (进出口关税条例 / 关税法 and 《海关进出口货物征税管理办法》: duty, import VAT or
 * consumption tax of under 50 yuan on one ticket is not levied): each tax of *assessed under
 * 5000 fen is 0 in the result, the others as assessed. */
#define TAX_LEVY_MINIMUM_FEN 5000
tax_amounts tax_levied(const tax_amounts *assessed);
/* The sum of the three, or -1 when it would exceed TAX_AMOUNT_MAX_FEN or one is negative. */
int64_t tax_amounts_total(const tax_amounts *a);

/* The exchange rate of a month (海关进出口货物征税管理办法: 计征汇率 is the central parity the
 * People's Bank of China published on the third Wednesday of the previous month): the day
 * number (Asia/Shanghai) of that Wednesday for month m (1-12) of year y. */
int64_t tax_rate_fixing_day(int y, int m);
/* A rate quoted for `per` units (1, or 100 for the currencies customs quotes per 100, such as
 * JPY), micro = CNY × 10^6 for those units, as CNY × 10^6 per one unit: -1 when per is not 1
 * or 100 or the quote has more decimals than one unit can keep (4 for a quote per 100). */
int64_t tax_rate_per_unit(int64_t micro, int per);

/* The payment period (进出口关税条例, 征管办法): 15 days counted from the day after the payment
 * notice is issued, so its last day is the issue day + 15; a last day on a weekend or a
 * public holiday moves to the next working day of c (the State Council's adjusted working
 * weekends count as working days). c may be NULL: the plain Monday-to-Friday week. Returns
 * the last day (a Shanghai day number) on which no late fee accrues. */
#define TAX_PAYMENT_PERIOD_DAYS 15
int64_t tax_payment_last_day(const working_calendar *c, int64_t issued_day);

/* Late fee (滞纳金): 0.05% of the unpaid tax per day from the day after last_free_day until the
 * day of payment, inclusive (calendar days in Asia/Shanghai). A fee under 50 yuan is not
 * collected, judged for each tax on its own (征管办法: 滞纳金 under 50 yuan is not levied). */
#define TAX_LATE_FEE_PPM_PER_DAY 500
#define TAX_LATE_FEE_MINIMUM_FEN 5000
typedef struct tax_fees {
    tax_amounts fee;   /* each tax's late fee, 0 when under the minimum */
    int64_t total_fen; /* their sum */
    int days;          /* days counted (0 when paid in time) */
} tax_fees;
/* 0, or -1 when a fee would exceed TAX_AMOUNT_MAX_FEN (the caller refuses the request). */
int tax_late_fees(const tax_amounts *unpaid, int64_t last_free_day, int64_t paid_ms, tax_fees *out);

/* One tax's late fee with its own 50-yuan minimum: the issue day's period on the plain
 * week (tax_late_fee), or counted from the day after last_free_day (tax_late_fee_after).
 * -1 when out of range. *days receives the days counted. */
int64_t tax_late_fee(int64_t unpaid_fen, int64_t issued_ms, int64_t paid_ms, int *days);
int64_t tax_late_fee_after(int64_t unpaid_fen, int64_t last_free_day, int64_t paid_ms, int *days);

/* Late-declaration fee (滞报金, 《中华人民共和国海关征收进口货物滞报金办法》): an import is declared
 * within 14 days of the transport's declared entry; the 14 days are counted from the day after
 * entry, and a last day on a rest day moves to the next working day of c. From the day after
 * that last day until the day customs accepts the declaration, both counted, the fee is 0.05%
 * of the CIF (dutiable) value a day, in whole yuan (fractions of a yuan are not levied), and
 * not collected under 50 yuan. For two-step declarations (海关总署公告2019年第127号) the complete
 * declaration is held to the same 14 days: declared_day is its day, and the lateness it finds
 * stays on the record. 0 and *fee_fen, *days (days late, 0 when in time); -1 out of range. */
#define TAX_DECLARATION_PERIOD_DAYS 14
#define TAX_LATE_DECLARATION_PPM_PER_DAY 500
#define TAX_LATE_DECLARATION_MINIMUM_FEN 5000
int tax_late_declaration_fee(const working_calendar *c, int64_t cif_fen, int64_t entry_day, int64_t declared_day,
                             int64_t *fee_fen, int *days);

/* Valuation (关税法 and 《中华人民共和国海关审定进出口货物完税价格办法》): an import's dutiable
 * value is its CIF value: the price, the freight and the insurance to the place of import,
 * and the other dutiable costs (commissions, packing, royalties). By the price terms: CIF
 * includes freight and insurance; CFR includes freight, insurance is added; FOB and EXW add
 * both (for EXW the freight runs from the works). Insurance that is unknown is 3‰ of the price
 * and freight (货价加运费). Amounts in the invoice's currency, in its hundredths. */
typedef enum tax_price_terms { TAX_TERMS_CIF, TAX_TERMS_CFR, TAX_TERMS_FOB, TAX_TERMS_EXW } tax_price_terms;
#define TAX_INSURANCE_PPM 3000
typedef struct tax_valuation_in {
    tax_price_terms terms;
    int64_t price;       /* the invoice price under its terms */
    int64_t freight;     /* freight to the place of import not in the price (FOB, EXW), else 0 */
    int64_t insurance;   /* insurance not in the price (CFR, FOB, EXW), or -1 when unknown */
    int64_t other_costs; /* other dutiable costs, 0 when none */
} tax_valuation_in;
typedef struct tax_valuation_out {
    int64_t freight, insurance, cif;
    int insurance_estimated; /* 1 when insurance is the 3‰ of price and freight */
} tax_valuation_out;
/* 0 and *out, or -1 when an amount is negative, a CIF or CFR price is given freight or a
 * CIF price insurance besides it, or the result is out of range. */
int tax_cif_value(const tax_valuation_in *in, tax_valuation_out *out);
/* "CIF", "CFR", "FOB", "EXW" -> *terms; -1 for anything else. */
int tax_price_terms_parse(const char *s, tax_price_terms *terms);

/* Rate kinds (关税法, and the Regulations before it): goods of an origin with most-favoured-
 * nation treatment take the MFN rate, or the provisional rate (暂定税率) where the tariff has
 * one; goods under a trade agreement whose origin is proven (a certificate of origin number)
 * take the agreement's conventional (协定) or special preferential (特惠) rate, or the provisional
 * rate if lower; an agreement rate above the MFN (or provisional) rate gives way to it (the
 * lower applies); goods of any other origin take the general rate (普通税率), to which no
 * provisional rate applies. */
typedef enum tax_rate_kind {
    TAX_RATE_MFN,
    TAX_RATE_PROVISIONAL,
    TAX_RATE_CONVENTIONAL,
    TAX_RATE_PREFERENTIAL,
    TAX_RATE_GENERAL
} tax_rate_kind;
typedef struct tax_rate_choice {
    uint32_t mfn_ppm;
    int64_t general_ppm;          /* -1 when the tariff has none (the MFN rate is taken) */
    int64_t provisional_ppm;      /* -1 when none */
    int64_t agreement_ppm;        /* the origin's agreement rate for the goods, -1 when none */
    tax_rate_kind agreement_kind; /* TAX_RATE_CONVENTIONAL or TAX_RATE_PREFERENTIAL */
    int certificate;              /* a certificate of origin was declared */
    int mfn_origin;               /* the origin has MFN treatment */
} tax_rate_choice;
/* The kind that applies and its rate in *ppm. */
tax_rate_kind tax_choose_rate(const tax_rate_choice *c, uint32_t *ppm);
/* "mfn", "provisional", "conventional", "preferential", "general". Static. */
const char *tax_rate_kind_name(tax_rate_kind k);

/* The day six calendar months after day (the same day of the month, or the month's last day
 * when it has no such day: 31 August + 6 months = 28 or 29 February). */
int64_t tax_add_months(int64_t day, int months);

/* Calendar day number (days since 1970-01-01) of a moment in Asia/Shanghai (UTC+8, no DST). */
int64_t tax_shanghai_day(int64_t ms);

/* a × b / c rounded half up, for non-negative a, b and positive c, without overflow
 * for a < 2^63 and b < 2^32. */
int64_t tax_mul_div_round(int64_t a, int64_t b, int64_t c);
/* The same in checked arithmetic for any non-negative a, b below 2^63 and positive c:
 * 0 and *out, or -1 when the result exceeds TAX_AMOUNT_MAX_FEN or an input is negative. */
int tax_mul_div_checked(int64_t a, int64_t b, int64_t c, int64_t *out);

/* ---- the rate files' lines (tax_lines.c): pure parsers shared by the importers and the
 * fuzz harness; a refusal names its field ---- */

/* "8.5" percent -> 85000 ppm; up to 4 decimals, 0 to 1000 percent. -1 when malformed. */
int64_t tax_percent_ppm(const char *s);

/* A line of the monthly exchange-rate table: currency,month,rate[,per,fixed_on]. per is 1 or
 * 100 (JPY and others quoted per 100: kept per unit exactly); fixed_on, when given, must be
 * the third Wednesday of the previous month (海关进出口货物征税管理办法). */
typedef struct tax_exchange_line {
    char currency[4];
    char month[8];     /* YYYY-MM */
    int64_t cny_micro; /* CNY × 10^6 per one unit */
} tax_exchange_line;
hg_rc tax_exchange_line_parse(const char *const *field, int nfields, tax_exchange_line *out, hg_err *err);

/* A line of the dated tariff: hs_prefix,valid_from,valid_to,duty,vat,consumption[,description]:
 * the rates in force for the prefix from valid_from to valid_to (both days counted; valid_to
 * blank: until further notice). description is borrowed from the fields. */
typedef struct tax_dated_rate {
    char hs_prefix[11];
    int64_t valid_from_day, valid_to_day; /* Shanghai day numbers; valid_to_day 0: open */
    int64_t duty_ppm, vat_ppm, consumption_ppm;
    const char *description;
} tax_dated_rate;
hg_rc tax_dated_rate_line_parse(const char *const *field, int nfields, tax_dated_rate *out, hg_err *err);

#endif
