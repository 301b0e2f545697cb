/* tax.c — the tax, threshold, deadline and late-fee arithmetic of tax.h, in checked
 * integer fen. */
#include "tax.h"

#include <string.h>

#include "../platform/money.h"

#define PPM 1000000

int64_t tax_mul_div_round(int64_t a, int64_t b, int64_t c) { return money_mul_div_round(a, b, c); }

int tax_mul_div_checked(int64_t a, int64_t b, int64_t c, int64_t *out)
{
    if (a < 0 || b < 0 || c <= 0)
        return -1;
    /* a, b < 2^63: the product fits in a signed 128-bit integer */
    __int128 q = ((__int128)a * b + c / 2) / c;
    if (q > TAX_AMOUNT_MAX_FEN)
        return -1;
    *out = (int64_t)q;
    return 0;
}

/* *sum += v, refused beyond TAX_AMOUNT_MAX_FEN (both are non-negative and below 2^62) */
static int add_checked(int64_t *sum, int64_t v)
{
    if (v < 0 || *sum > TAX_AMOUNT_MAX_FEN - v)
        return -1;
    *sum += v;
    return 0;
}

int tax_assess_item(const tax_item_in *in, tax_item_out *out) { return tax_assess_item_specific(in, NULL, out); }

int tax_assess_item_specific(const tax_item_in *in, const tax_specific_in *sp, tax_item_out *out)
{
    static const tax_specific_in none = {0, 0, 0};
    if (!sp)
        sp = &none;
    if (in->dutiable_value_fen < 0 || in->dutiable_value_fen > TAX_VALUE_MAX_FEN || in->duty_rate_ppm > 10 * PPM ||
        in->consumption_rate_ppm >= PPM || in->vat_rate_ppm >= PPM)
        return -1;
    int64_t v = in->dutiable_value_fen, base = v;
    out->duty_fen = 0;
    if (!in->ecommerce_retail && tax_mul_div_checked(v, in->duty_rate_ppm, PPM, &out->duty_fen))
        return -1;
    /* a specific duty adds quantity × its rate to the ad valorem one (compound) */
    int64_t specific = 0;
    if (sp->quantity < 0 || sp->duty_specific_fen < 0 || sp->consumption_specific_fen < 0)
        return -1;
    if (!in->ecommerce_retail && sp->duty_specific_fen &&
        (tax_mul_div_checked(sp->quantity, sp->duty_specific_fen, TAX_QUANTITY_UNIT, &specific) ||
         add_checked(&out->duty_fen, specific)))
        return -1;
    if (add_checked(&base, out->duty_fen))
        return -1;
    out->consumption_base_fen = 0;
    out->consumption_fen = 0;
    int64_t cons_specific = 0, cons_base = base;
    if (sp->consumption_specific_fen &&
        (tax_mul_div_checked(sp->quantity, sp->consumption_specific_fen, TAX_QUANTITY_UNIT, &cons_specific) ||
         add_checked(&cons_base, cons_specific)))
        return -1;
    /* composite base: (value + duty + specific) / (1 − rate), so that the tax is part of its
     * own base; the specific part is added after */
    if (in->consumption_rate_ppm &&
        (tax_mul_div_checked(cons_base, PPM, PPM - in->consumption_rate_ppm, &out->consumption_base_fen) ||
         tax_mul_div_checked(out->consumption_base_fen, in->consumption_rate_ppm, PPM, &out->consumption_fen)))
        return -1;
    if (add_checked(&out->consumption_fen, cons_specific))
        return -1;
    out->vat_base_fen = base;
    if (add_checked(&out->vat_base_fen, out->consumption_fen) ||
        tax_mul_div_checked(out->vat_base_fen, in->vat_rate_ppm, PPM, &out->vat_fen))
        return -1;
    if (in->ecommerce_retail) { /* 70% of consumption tax and VAT */
        out->consumption_fen = tax_mul_div_round(out->consumption_fen, 7, 10);
        out->vat_fen = tax_mul_div_round(out->vat_fen, 7, 10);
    }
    out->total_fen = 0;
    if (add_checked(&out->total_fen, out->duty_fen) || add_checked(&out->total_fen, out->consumption_fen) ||
        add_checked(&out->total_fen, out->vat_fen))
        return -1;
    return 0;
}

tax_amounts tax_levied(const tax_amounts *a)
{
    tax_amounts t = *a;
    if (t.duty_fen < TAX_LEVY_MINIMUM_FEN)
        t.duty_fen = 0;
    if (t.consumption_fen < TAX_LEVY_MINIMUM_FEN)
        t.consumption_fen = 0;
    if (t.vat_fen < TAX_LEVY_MINIMUM_FEN)
        t.vat_fen = 0;
    return t;
}

int64_t tax_amounts_total(const tax_amounts *a)
{
    int64_t sum = 0;
    if (add_checked(&sum, a->duty_fen) || add_checked(&sum, a->consumption_fen) || add_checked(&sum, a->vat_fen))
        return -1;
    return sum;
}

int64_t tax_rate_fixing_day(int y, int m)
{
    int py = m == 1 ? y - 1 : y, pm = m == 1 ? 12 : m - 1;
    int64_t first = calendar_days_from_civil(py, pm, 1);
    int to_wednesday = (3 - calendar_weekday(first) + 7) % 7; /* ISO: Wednesday is 3 */
    return first + to_wednesday + 14;
}

int64_t tax_rate_per_unit(int64_t micro, int per)
{
    if ((per != 1 && per != 100) || micro <= 0 || micro % per)
        return -1;
    return micro / per;
}

int64_t tax_payment_last_day(const working_calendar *c, int64_t issued_day)
{
    /* the 15 days start the day after issue: issued on the 1st, the 16th is the last day */
    return calendar_next_working_day(c, issued_day + TAX_PAYMENT_PERIOD_DAYS);
}

int64_t tax_shanghai_day(int64_t ms) { return calendar_day_of(ms); }

int64_t tax_late_fee(int64_t unpaid_fen, int64_t issued_ms, int64_t paid_ms, int *days)
{
    return tax_late_fee_after(unpaid_fen, tax_payment_last_day(NULL, tax_shanghai_day(issued_ms)), paid_ms, days);
}

int64_t tax_late_fee_after(int64_t unpaid_fen, int64_t last_free_day, int64_t paid_ms, int *days)
{
    int64_t late = tax_shanghai_day(paid_ms) - last_free_day;
    if (late < 0)
        late = 0;
    if (days) /* days are bounded by the calendar's range (years 0-9999: under 2^22) */
        *days = late > 0x7fffffff ? 0x7fffffff : (int)late;
    if (late == 0 || unpaid_fen <= 0)
        return 0;
    int64_t fee;
    /* 500 ppm × days: late < 2^40 keeps the rate below 2^63 */
    if (late > (1LL << 40) || tax_mul_div_checked(unpaid_fen, TAX_LATE_FEE_PPM_PER_DAY * late, PPM, &fee))
        return -1;
    return fee < TAX_LATE_FEE_MINIMUM_FEN ? 0 : fee;
}

int tax_late_fees(const tax_amounts *unpaid, int64_t last_free_day, int64_t paid_ms, tax_fees *out)
{
    out->fee.duty_fen = tax_late_fee_after(unpaid->duty_fen, last_free_day, paid_ms, &out->days);
    out->fee.consumption_fen = tax_late_fee_after(unpaid->consumption_fen, last_free_day, paid_ms, NULL);
    out->fee.vat_fen = tax_late_fee_after(unpaid->vat_fen, last_free_day, paid_ms, NULL);
    out->total_fen = tax_amounts_total(&out->fee);
    return out->total_fen < 0 ? -1 : 0;
}

int64_t tax_add_months(int64_t day, int months)
{
    int y, m, d;
    calendar_civil(day, &y, &m, &d);
    int64_t k = (int64_t)y * 12 + (m - 1) + months;
    y = (int)(k / 12);
    m = (int)(k % 12) + 1;
    while (d > 28 && !calendar_date_ok(y, m, d))
        d--;
    return calendar_days_from_civil(y, m, d);
}

int tax_late_declaration_fee(const working_calendar *c, int64_t cif_fen, int64_t entry_day, int64_t declared_day,
                             int64_t *fee_fen, int *days)
{
    int64_t last = calendar_next_working_day(c, entry_day + TAX_DECLARATION_PERIOD_DAYS);
    int64_t late = declared_day > last ? declared_day - last : 0, fee = 0;
    *fee_fen = 0;
    *days = 0;
    if (late > (1LL << 40))
        return -1;
    *days = (int)late;
    if (!late || cif_fen <= 0)
        return 0;
    /* in whole yuan: the fraction of a yuan is not levied (rounded down, not half up) */
    __int128 yuan = (__int128)cif_fen * (TAX_LATE_DECLARATION_PPM_PER_DAY * late) / (PPM * 100);
    if (yuan > TAX_AMOUNT_MAX_FEN / 100)
        return -1;
    fee = (int64_t)yuan * 100;
    *fee_fen = fee < TAX_LATE_DECLARATION_MINIMUM_FEN ? 0 : fee;
    return 0;
}

int tax_price_terms_parse(const char *s, tax_price_terms *terms)
{
    static const char *const names[] = {"CIF", "CFR", "FOB", "EXW"};
    for (int i = 0; i < 4; i++)
        if (s && strcmp(s, names[i]) == 0) {
            *terms = (tax_price_terms)i;
            return 0;
        }
    return -1;
}

int tax_cif_value(const tax_valuation_in *in, tax_valuation_out *out)
{
    if (in->price < 0 || in->freight < 0 || in->insurance < -1 || in->other_costs < 0)
        return -1;
    int has_freight = in->terms == TAX_TERMS_FOB || in->terms == TAX_TERMS_EXW;
    int has_insurance = in->terms != TAX_TERMS_CIF;
    /* what the terms already include cannot be added again */
    if ((!has_freight && in->freight) || (!has_insurance && in->insurance > 0))
        return -1;
    out->freight = has_freight ? in->freight : 0;
    out->insurance = 0;
    out->insurance_estimated = 0;
    int64_t cost_and_freight = in->price;
    if (add_checked(&cost_and_freight, out->freight))
        return -1;
    if (has_insurance && in->insurance >= 0)
        out->insurance = in->insurance;
    else if (has_insurance) { /* unknown: 3‰ of the price and freight */
        if (tax_mul_div_checked(cost_and_freight, TAX_INSURANCE_PPM, PPM, &out->insurance))
            return -1;
        out->insurance_estimated = 1;
    }
    out->cif = cost_and_freight;
    if (add_checked(&out->cif, out->insurance) || add_checked(&out->cif, in->other_costs))
        return -1;
    return 0;
}

const char *tax_rate_kind_name(tax_rate_kind k)
{
    static const char *const names[] = {"mfn", "provisional", "conventional", "preferential", "general"};
    return (unsigned)k < 5 ? names[k] : "mfn";
}

tax_rate_kind tax_choose_rate(const tax_rate_choice *c, uint32_t *ppm)
{
    /* the MFN treatment's own rate: the provisional one where the tariff has it */
    tax_rate_kind kind = TAX_RATE_MFN;
    int64_t rate = c->mfn_ppm;
    if (c->provisional_ppm >= 0) {
        kind = TAX_RATE_PROVISIONAL;
        rate = c->provisional_ppm;
    }
    if (c->agreement_ppm >= 0 && c->certificate) {
        /* the agreement's rate, unless the MFN treatment's is lower */
        if (c->agreement_ppm <= rate || !c->mfn_origin) {
            kind = c->agreement_kind == TAX_RATE_PREFERENTIAL ? TAX_RATE_PREFERENTIAL : TAX_RATE_CONVENTIONAL;
            rate = c->agreement_ppm;
            if (!c->mfn_origin && c->provisional_ppm >= 0 && c->provisional_ppm < rate) {
                kind = TAX_RATE_PROVISIONAL;
                rate = c->provisional_ppm;
            }
        }
    } else if (!c->mfn_origin) { /* neither MFN nor an agreement: the general rate, no provisional */
        kind = TAX_RATE_GENERAL;
        rate = c->general_ppm >= 0 ? c->general_ppm : c->mfn_ppm;
    }
    *ppm = (uint32_t)rate;
    return kind;
}
