/* tax.c — the tax and late-fee arithmetic of tax.h, in integer fen. */
#include "tax.h"

#include "../platform/calendar.h"
#include "../platform/money.h"

#define PPM 1000000

int64_t tax_mul_div_round(int64_t a, int64_t b, int64_t c) { return money_mul_div_round(a, b, c); }

int tax_assess_item(const tax_item_in *in, tax_item_out *out)
{
    if (in->dutiable_value_fen < 0 || in->duty_rate_ppm > 10 * PPM || in->consumption_rate_ppm >= PPM ||
        in->vat_rate_ppm >= PPM)
        return -1;
    int64_t v = in->dutiable_value_fen;
    out->duty_fen = in->ecommerce_retail ? 0 : tax_mul_div_round(v, in->duty_rate_ppm, PPM);
    int64_t base = v + out->duty_fen;
    out->consumption_base_fen = 0;
    out->consumption_fen = 0;
    if (in->consumption_rate_ppm) {
        /* composite base: (value + duty) / (1 − rate), so that the tax is part of its own base */
        out->consumption_base_fen = tax_mul_div_round(base, PPM, PPM - in->consumption_rate_ppm);
        out->consumption_fen = tax_mul_div_round(out->consumption_base_fen, in->consumption_rate_ppm, PPM);
    }
    out->vat_base_fen = base + out->consumption_fen;
    out->vat_fen = tax_mul_div_round(out->vat_base_fen, in->vat_rate_ppm, PPM);
    if (in->ecommerce_retail) {   /* 70% of consumption tax and VAT */
        out->consumption_fen = tax_mul_div_round(out->consumption_fen, 7, 10);
        out->vat_fen = tax_mul_div_round(out->vat_fen, 7, 10);
    }
    out->total_fen = out->duty_fen + out->consumption_fen + out->vat_fen;
    return 0;
}

int64_t tax_shanghai_day(int64_t ms)
{
    return calendar_day_of(ms);
}

int64_t tax_late_fee(int64_t unpaid_fen, int64_t issued_ms, int64_t paid_ms, int *days)
{
    /* the period is 15 days from the day of issue; fees run from the next day to payment */
    return tax_late_fee_after(unpaid_fen, tax_shanghai_day(issued_ms) + TAX_PAYMENT_PERIOD_DAYS, paid_ms, days);
}

int64_t tax_late_fee_after(int64_t unpaid_fen, int64_t last_free_day, int64_t paid_ms, int *days)
{
    int64_t late = tax_shanghai_day(paid_ms) - last_free_day;
    if (late < 0)
        late = 0;
    if (days)
        *days = (int)late;
    if (late == 0 || unpaid_fen <= 0)
        return 0;
    int64_t fee = tax_mul_div_round(unpaid_fen, TAX_LATE_FEE_PPM_PER_DAY * late, PPM);
    return fee < TAX_LATE_FEE_MINIMUM_FEN ? 0 : fee;
}
