/* tax_lines.c — the pure parsers of the rate files the district loads: a line of the monthly
 * exchange-rate table (currency, month, rate, per, fixed_on) and a line of the dated tariff
 * (hs_prefix, valid_from, valid_to, duty, VAT, consumption tax). They take the CSV fields and
 * give the values or a refusal naming the field; no database, no clock, so that the importers
 * (tax_cmd.c) and the libFuzzer harness (tests/fuzz/fuzz_tax.c) share one copy. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../check/check.h"
#include "../platform/calendar.h"
#include "../platform/i18n.h"
#include "tax.h"

int64_t tax_percent_ppm(const char *s)
{
    int64_t whole = 0, frac = 0;
    int digits = 0, fd = 0;
    const char *p = s;
    for (; isdigit((unsigned char)*p) && digits < 5; p++, digits++)
        whole = whole * 10 + (*p - '0');
    if (!digits)
        return -1;
    if (*p == '.')
        for (p++; isdigit((unsigned char)*p) && fd < 4; p++, fd++)
            frac = frac * 10 + (*p - '0');
    if (*p)
        return -1;
    for (; fd < 4; fd++)
        frac *= 10;
    int64_t ppm = whole * 10000 + frac;
    return ppm > 10000000 ? -1 : ppm;
}

/* "7.1234" CNY per unit -> micro-CNY; up to 7 integer digits and 6 decimals. -1 when
 * malformed or zero. */
static int64_t rate_micro(const char *s)
{
    int64_t whole = 0, frac = 0;
    int digits = 0, fd = 0;
    const char *p = s;
    for (; isdigit((unsigned char)*p) && digits < 7; p++, digits++)
        whole = whole * 10 + (*p - '0');
    if (!digits)
        return -1;
    if (*p == '.')
        for (p++; isdigit((unsigned char)*p) && fd < 6; p++, fd++)
            frac = frac * 10 + (*p - '0');
    if (*p)
        return -1;
    for (; fd < 6; fd++)
        frac *= 10;
    int64_t v = whole * 1000000 + frac;
    return v > 0 ? v : -1;
}

hg_rc tax_exchange_line_parse(const char *const *field, int nfields, tax_exchange_line *out, hg_err *err)
{
    const char *why = NULL;
    int ok_fields = nfields >= 3 && nfields <= 5;
    int64_t micro = ok_fields ? rate_micro(field[2]) : -1;
    memset(out, 0, sizeof *out);
    if (!ok_fields || !check_currency(field[0], &why))
        return hg_fail(err, HG_INVALID, "invalid", "currency", "%s",
                       why ? why : N_("currency,month,rate[,per,fixed_on] expected"));
    int y = 0, m = 0;
    if (strlen(field[1]) != 7 || field[1][4] != '-' || strspn(field[1], "0123456789") != 4 ||
        strspn(field[1] + 5, "0123456789") != 2 || sscanf(field[1], "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12 ||
        micro < 0)
        return hg_fail(err, HG_INVALID, "invalid", NULL,
                       "month must be YYYY-MM and rate the CNY per unit, such as 7.1234");
    /* quoted per 100 units where customs quotes so (JPY, ...): kept per unit, exactly */
    const char *per = nfields >= 4 && field[3][0] ? field[3] : "1";
    int hundred = strcmp(per, "100") == 0;
    micro = strcmp(per, "1") == 0 || hundred ? tax_rate_per_unit(micro, hundred ? 100 : 1) : -1;
    if (micro < 0)
        return hg_fail(err, HG_INVALID, "invalid", "per",
                       "per is 1 or 100 (the units the rate is quoted for), a rate per 100 to at most 4 decimals");
    /* the month's rate is the one fixed on the third Wednesday of the previous month
     * (海关进出口货物征税管理办法): a file that says when it was fixed must say that day */
    if (nfields == 5 && field[4][0]) {
        int64_t day = 0, want = tax_rate_fixing_day(y, m);
        char want_s[16];
        calendar_format_date(want, want_s);
        if (calendar_parse_date(field[4], &day) || day != want)
            /* TRANSLATORS: 1: field[1]; 2: want_s */
            return hg_fail(err, HG_INVALID, "fixing_day", "fixed_on",
                           "the rate for %s is the one fixed on the third Wednesday of the previous month, %s",
                           field[1], want_s);
    }
    snprintf(out->currency, sizeof out->currency, "%s", field[0]);
    snprintf(out->month, sizeof out->month, "%s", field[1]);
    out->cny_micro = micro;
    return HG_OK;
}

/* An HS prefix of the tariff: 2, 4, 6, 8 or 10 digits. */
static int hs_prefix_ok(const char *s)
{
    size_t n = strlen(s);
    return n >= 2 && n <= 10 && n % 2 == 0 && strspn(s, "0123456789") == n;
}

hg_rc tax_dated_rate_line_parse(const char *const *field, int nfields, tax_dated_rate *out, hg_err *err)
{
    memset(out, 0, sizeof *out);
    if (nfields < 6 || nfields > 7)
        return hg_fail(err, HG_INVALID, "invalid", NULL,
                       "hs_prefix,valid_from,valid_to,duty,vat,consumption[,description] expected");
    if (!hs_prefix_ok(field[0]))
        return hg_fail(err, HG_INVALID, "invalid", "hs_prefix", "hs_prefix must be 2, 4, 6, 8 or 10 digits");
    if (calendar_parse_date(field[1], &out->valid_from_day))
        return hg_fail(err, HG_INVALID, "invalid", "valid_from", "valid_from must be a date YYYY-MM-DD");
    out->valid_to_day = 0;
    if (field[2][0] && calendar_parse_date(field[2], &out->valid_to_day))
        return hg_fail(err, HG_INVALID, "invalid", "valid_to", "valid_to must be a date YYYY-MM-DD, or blank");
    if (field[2][0] && out->valid_to_day < out->valid_from_day)
        return hg_fail(err, HG_INVALID, "invalid", "valid_to", "valid_to must not be before valid_from");
    out->duty_ppm = tax_percent_ppm(field[3]);
    out->vat_ppm = tax_percent_ppm(field[4]);
    out->consumption_ppm = tax_percent_ppm(field[5]);
    if (out->duty_ppm < 0 || out->vat_ppm < 0 || out->vat_ppm >= 1000000 || out->consumption_ppm < 0 ||
        out->consumption_ppm >= 1000000)
        return hg_fail(err, HG_INVALID, "invalid", "rates",
                       "rates are percentages such as 8.5 (VAT and consumption below 100)");
    if (nfields == 7 && strlen(field[6]) > 200)
        return hg_fail(err, HG_INVALID, "invalid", "description", "description is at most 200 bytes");
    snprintf(out->hs_prefix, sizeof out->hs_prefix, "%s", field[0]);
    out->description = nfields == 7 && field[6][0] ? field[6] : NULL;
    return HG_OK;
}
