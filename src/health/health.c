/* health.c — the health area's pure decisions: masking identities, the field rules of the
 * health declaration card (出入境健康申明卡, 4th edition), the outcome of a traveller's checks
 * (cleared, or handed over: 国境卫生检疫法实施细则 on passengers with symptoms or infection),
 * the dashboard's periods, and the hash of the answers the audit trail keeps. No database,
 * no clock, no JSON I/O (except canonicalising the answers for their hash). */
#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../check/check.h"
#include "../platform/calendar.h"
#include "../platform/i18n.h"
#include "../platform/json_canon.h"
#include "../platform/mem.h"
#include "health.h"

static int fail(const char **reason, const char *why)
{
    if (reason)
        *reason = why;
    return 0;
}

void health_mask(const char *s, char *out, size_t outlen)
{
    size_t n = s ? strlen(s) : 0, o = 0;
    if (!outlen)
        return;
    for (size_t i = 0; i < n && o + 1 < outlen; i++)
        out[o++] = (n > 6 && (i < 2 || i >= n - 2)) ? s[i] : '*';
    while (o < 4 && o + 1 < outlen)
        out[o++] = '*';
    out[o] = 0;
}

void health_mask_name(const char *s, char *out, size_t outlen)
{
    size_t o = 0;
    int start = 1, any = 0;
    if (!outlen)
        return;
    for (const char *p = s ? s : ""; *p && o + 1 < outlen; p++) {
        if (*p == '<' || *p == ' ') {
            if (!start && o + 1 < outlen)
                out[o++] = ' ';
            start = 1;
            continue;
        }
        if ((unsigned char)*p >= 0x80) /* a name not yet transliterated is hidden whole */
            continue;
        out[o++] = start ? *p : '*';
        start = 0, any = 1;
    }
    while (o && out[o - 1] == ' ')
        o--;
    if (!any && o + 4 < outlen)
        memcpy(out + o, "****", 4), o += 4;
    out[o] = 0;
}

int health_check_flight(const char *s, const char **reason)
{
    /* IATA Resolution 762: a two-character airline designator (letters or digits, not two
     * digits), 1-4 digits, an optional operational suffix letter */
    size_t n = s ? strlen(s) : 0, i = 2, digits = 0;
    if (n < 3 || n > 7)
        return fail(reason, "must be an airline designator and 1-4 digits (CA930)");
    if (!isupper((unsigned char)s[0]) && !isupper((unsigned char)s[1]))
        return fail(reason, "the airline designator must contain a letter");
    for (int k = 0; k < 2; k++)
        if (!isupper((unsigned char)s[k]) && !isdigit((unsigned char)s[k]))
            return fail(reason, "the airline designator is two letters or digits");
    while (i < n && isdigit((unsigned char)s[i]))
        i++, digits++;
    if (digits < 1 || digits > 4 || (i < n && (i + 1 != n || !isupper((unsigned char)s[i]))))
        return fail(reason, "must be an airline designator and 1-4 digits (CA930)");
    return 1;
}

int health_check_trip(const char *s, const char **reason)
{
    /* a flight (IATA Resolution 762) or a ship's voyage as its carrier numbers it: 2-12 capital
     * letters, digits or '-', at least one digit; the transport decides which (health_trip_rule) */
    size_t n = s ? strlen(s) : 0, digits = 0;
    if (n < 2 || n > 12)
        return fail(reason, "must be a flight (CA930) or a ship's voyage (2-12 letters and digits)");
    for (size_t i = 0; i < n; i++) {
        if (!isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) && s[i] != '-')
            return fail(reason, "must be capital letters, digits or '-'");
        digits += isdigit((unsigned char)s[i]) != 0;
    }
    return digits ? 1 : fail(reason, "must contain the number of the flight or voyage");
}

int health_trip_rule(const char *transport, const char *trip, const char **reason)
{
    if (!transport || strcmp(transport, "flight") == 0)
        return health_check_flight(trip, reason);
    return health_check_trip(trip, reason);
}

int health_check_phone(const char *s, const char **reason)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 11 && s[0] == '1' && s[1] >= '3') { /* a mainland mobile number */
        for (size_t i = 0; i < n; i++)
            if (!isdigit((unsigned char)s[i]))
                return fail(reason, "must be digits");
        return 1;
    }
    if (n < 9 || n > 16 || s[0] != '+' || s[1] == '0') /* ITU-T E.164: + and 8-15 digits */
        return fail(reason, "must be a mainland mobile number or + and the country code (E.164)");
    for (size_t i = 1; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return fail(reason, "must be + and digits (E.164)");
    return 1;
}

int health_check_date(const char *s, const char **reason)
{
    int64_t day;
    if (!s || calendar_parse_date(s, &day))
        return fail(reason, "must be a real date YYYY-MM-DD");
    return 1;
}

int health_check_mrz_name(const char *s, const char **reason)
{
    /* ICAO 9303 part 3 §6: primary and secondary identifiers in A-Z, separated by "<<" */
    size_t n = s ? strlen(s) : 0;
    if (n < 2 || n > 39)
        return fail(reason, "must be 2-39 characters of A-Z and <");
    for (size_t i = 0; i < n; i++)
        if (!(s[i] >= 'A' && s[i] <= 'Z') && s[i] != '<')
            return fail(reason, "must be the MRZ transliteration: A-Z and < only (ZHANG<<SAN)");
    if (s[0] == '<')
        return fail(reason, "must begin with the primary identifier");
    return 1;
}

int health_mrz_lines(const char *s, char *out, size_t outlen)
{
    size_t n = s ? strlen(s) : 0, o = 0;
    if (n + 2 > outlen)
        return -1;
    for (size_t i = 0; i < n; i++)
        out[o++] = s[i] == ' ' ? '\n' : s[i];
    out[o] = 0;
    /* the lines run together (a scanner's paste): TD3's 2 x 44, TD2's 2 x 36, TD1's 3 x 30 */
    if (!strchr(out, '\n') && (n == 88 || n == 72 || n == 90)) {
        size_t w = n == 88 ? 44 : n == 72 ? 36 : 30;
        o = 0;
        for (size_t i = 0; i < n; i++) {
            if (i && i % w == 0)
                out[o++] = '\n';
            out[o++] = s[i];
        }
        out[o] = 0;
    }
    return 0;
}

int health_mrz_document_no(const char *mrz, char no[10])
{
    char lines[128];
    if (health_mrz_lines(mrz, lines, sizeof lines))
        return -1;
    const char *l2 = strchr(lines, '\n');
    if (!l2 || strlen(l2 + 1) < 9)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < 9 && l2[1 + i] != '<'; i++)
        no[k++] = l2[1 + i];
    no[k] = 0;
    return 0;
}

int health_check_mrz(const char *s, const char **reason)
{
    char lines[128];
    if (health_mrz_lines(s, lines, sizeof lines))
        return fail(reason, "is too long for a machine-readable zone");
    return check_mrz(lines, reason);
}

int health_check_address(const char *s, const char **reason)
{
    static const char *const placeholders[] = {"hotel", "unknown", "n/a",  "na", "none", "tbd", "酒店",
                                               "宾馆",  "不详",    "未知", "无", "待定", NULL};
    char low[64];
    size_t n = s ? strlen(s) : 0, j = 0;
    for (size_t i = 0; i < n && j + 1 < sizeof low; i++)
        if (s[i] != ' ' && s[i] != '.')
            low[j++] = (char)tolower((unsigned char)s[i]);
    low[j] = 0;
    for (const char *const *p = placeholders; *p; p++)
        if (strcmp(low, *p) == 0)
            return fail(reason, "must be the full address for the next 14 days, not a placeholder");
    int digit = 0;
    for (size_t i = 0; i < n; i++)
        digit |= isdigit((unsigned char)s[i]) != 0;
    if (!digit)
        return fail(reason, "must be the full address with its street number");
    return 1;
}

const char *health_clearance(const health_facts *f, const char **why, int *handover_required)
{
    *handover_required = 1;
    if (f->positive)
        return *why = N_("a laboratory result is positive: the traveller is handed over"), NULL;
    if (f->fever)
        return *why = N_("a temperature of 37.3 °C or more was measured: the traveller is handed over"), NULL;
    if (f->symptoms)
        return *why = N_("the traveller has symptoms: the traveller is handed over"), NULL;
    if (f->contact)
        return *why = N_("the traveller is a close contact: the traveller is handed over"), NULL;
    *handover_required = 0;
    if (f->pending)
        return *why = N_("laboratory results are pending"), NULL;
    if (!f->negative)
        return *why = N_("no negative laboratory result yet"), NULL;
    *why = NULL;
    return "cleared";
}

int health_period_key(const char *period, int64_t ms, char out[12])
{
    int64_t day = calendar_day_of(ms);
    if (strcmp(period, "day") == 0)
        calendar_format_date(day, out);
    else if (strcmp(period, "week") == 0)
        calendar_format_week(day, out);
    else if (strcmp(period, "month") == 0)
        calendar_format_month(day, out);
    else
        return -1;
    return 0;
}

hg_rc health_answers_hash(const json_t *answers, char hex[65], hg_err *err)
{
    char *text = json_canon_text(answers);
    if (!text)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)text, strlen(text));
    hex_encode(h, sizeof h, hex);
    xfree(text);
    return HG_OK;
}

int health_bucket_take(health_bucket *b, int64_t now_ms, long per_min, int *retry_after_s)
{
    int64_t full = (int64_t)per_min * 1000, elapsed = now_ms > b->at_ms ? now_ms - b->at_ms : 0;
    /* per_min declarations a minute: per_min / 60 thousandths a millisecond */
    b->tokens_milli = elapsed >= 60000 ? full : b->tokens_milli + elapsed * per_min / 60;
    if (b->tokens_milli > full)
        b->tokens_milli = full;
    b->at_ms = now_ms;
    if (b->tokens_milli >= 1000) {
        b->tokens_milli -= 1000;
        return 1;
    }
    int64_t wait_ms = ((1000 - b->tokens_milli) * 60 + per_min - 1) / per_min;
    *retry_after_s = (int)((wait_ms + 999) / 1000);
    if (*retry_after_s < 1)
        *retry_after_s = 1;
    return 0;
}
