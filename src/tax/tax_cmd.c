/* tax_cmd.c — `haiguan import tariff|exchange-rates|guarantors FILE.csv`, `haiguan tax
 * lapse-guarantees`, the demo tariff, rates and guarantors, and the tax area's module record. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../check/check.h"
#include "../platform/audit.h"
#include "../platform/calendar.h"
#include "../platform/ctx.h"
#include "../platform/import.h"
#include "../platform/log.h"
#include "../platform/money.h"
#include "../platform/mem.h"
#include "../platform/module.h"
#include "tax.h"
#include "tax_store.h"

extern const route tax_routes[];

/* One line of the tariff; unit1 and unit2 its legal units (法定计量单位), NULL when not given. */
static hg_rc put_tariff(db *d, const char *prefix, int64_t duty, int64_t vat, int64_t cons, const char *desc,
                        const char *unit1, const char *unit2, hg_err *err)
{
    return db_run(d, err,
                  "INSERT INTO tariff_rates (hs_prefix, duty_ppm, vat_ppm, consumption_ppm, description, unit1, unit2) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hs_prefix) DO UPDATE SET duty_ppm = excluded.duty_ppm, "
                  "vat_ppm = excluded.vat_ppm, consumption_ppm = excluded.consumption_ppm, "
                  "description = excluded.description, unit1 = excluded.unit1, unit2 = excluded.unit2",
                  "tiiittt", prefix, duty, vat, cons, desc, unit1, unit2);
}

static hg_rc put_rate(db *d, const char *currency, const char *month, int64_t micro, hg_err *err)
{
    return db_run(d, err,
                  "INSERT INTO exchange_rates (currency, month, cny_micro) VALUES (?, ?, ?) "
                  "ON CONFLICT (currency, month) DO UPDATE SET cny_micro = excluded.cny_micro",
                  "tti", currency, month, micro);
}

static hg_rc tariff_line(void *ctx, db *d, import_row *r, hg_err *err)
{
    (void)ctx;
    if (r->line == 1 && !isdigit((unsigned char)r->field[0][0])) {
        r->skip = 1;   /* header */
        return HG_OK;
    }
    int64_t duty = r->nfields >= 4 ? tax_percent_ppm(r->field[1]) : -1;
    int64_t vat = r->nfields >= 4 ? tax_percent_ppm(r->field[2]) : -1;
    int64_t cons = r->nfields >= 4 ? tax_percent_ppm(r->field[3]) : -1;
    size_t plen = strlen(r->field[0]);
    if (r->nfields < 4 || plen < 2 || plen > 10 || plen % 2 || strspn(r->field[0], "0123456789") != plen)
        return hg_fail(err, HG_INVALID, "invalid", NULL,
                       "hs_prefix must be 2, 4, 6, 8 or 10 digits, then duty, vat, consumption rates");
    if (duty < 0 || vat < 0 || vat >= 1000000 || cons < 0 || cons >= 1000000)
        return hg_fail(err, HG_INVALID, "invalid", NULL,
                       "rates are percentages such as 8.5 (VAT and consumption below 100)");
    /* optional: the line's legal units, first and second (blank: none) */
    const char *u1 = r->nfields > 5 && r->field[5][0] ? r->field[5] : NULL;
    const char *u2 = r->nfields > 6 && r->field[6][0] ? r->field[6] : NULL;
    if ((u1 && strlen(u1) > 30) || (u2 && strlen(u2) > 30) || (u2 && !u1))
        return hg_fail(err, HG_INVALID, "invalid", NULL, "legal units are at most 30 bytes, the second after a first");
    hg_rc rc = put_tariff(d, r->field[0], duty, vat, cons, r->nfields > 4 ? r->field[4] : NULL, u1, u2, err);
    if (rc)
        err->field[0] = '\0';   /* the report is the database's message alone */
    return rc;
}

static hg_rc rate_line(void *ctx, db *d, import_row *r, hg_err *err)
{
    (void)ctx;
    if (r->line == 1 && strcmp(r->field[0], "currency") == 0) {
        r->skip = 1;   /* header */
        return HG_OK;
    }
    tax_exchange_line x;
    hg_rc rc = tax_exchange_line_parse(r->field, r->nfields, &x, err);
    if (!rc && (rc = put_rate(d, x.currency, x.month, x.cny_micro, err)))
        err->field[0] = '\0';
    return rc;
}

/* The whole file loads or nothing does: rates must never be half replaced. */
static int import_rates(db *d, const char *path, int tariff)
{
    const import_spec spec = {.format = IMPORT_CSV,
                              .policy = IMPORT_ALL_OR_NOTHING,
                              .max_bytes = 64u << 20,
                              .malformed = "malformed CSV",
                              .line = tariff ? tariff_line : rate_line};
    return import_run(&spec, d, path);
}

static int import_tariff(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    return import_rates(d, path, 1);
}

static int import_exchange(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    return import_rates(d, path, 0);
}

/* One guarantor the district knows: name, kind (bank | insurer), code (optional). */
static hg_rc guarantor_line(void *ctx, db *d, import_row *r, hg_err *err)
{
    (void)ctx;
    if (r->line == 1 && strcmp(r->field[0], "name") == 0) {
        r->skip = 1;   /* header */
        return HG_OK;
    }
    if (r->nfields < 2 || r->nfields > 3)
        return hg_fail(err, HG_INVALID, "invalid", NULL, "name,kind[,code] expected");
    size_t n = strlen(r->field[0]);
    if (n < 2 || n > 200)
        return hg_fail(err, HG_INVALID, "invalid", "name", "name is the bank or insurer (2 to 200 bytes)");
    if (strcmp(r->field[1], "bank") && strcmp(r->field[1], "insurer"))
        return hg_fail(err, HG_INVALID, "invalid", "kind", "kind must be bank or insurer");
    hg_rc rc = tax_guarantor_put(d, r->field[0], r->field[1], r->nfields > 2 && r->field[2][0] ? r->field[2] : NULL,
                                 err);
    if (rc)
        err->field[0] = '\0';
    return rc;
}

static int import_guarantors(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    const import_spec spec = {.format = IMPORT_CSV,
                              .policy = IMPORT_ALL_OR_NOTHING,
                              .max_bytes = 4u << 20,
                              .malformed = "malformed CSV",
                              .line = guarantor_line};
    return import_run(&spec, d, path);
}

/* "" -> -1 (none), else a percentage as percent_ppm; -2 when malformed. */
static int64_t optional_ppm(const char *s)
{
    if (!s[0])
        return -1;
    int64_t v = tax_percent_ppm(s);
    return v < 0 ? -2 : v;
}

/* One line of the general and provisional rates: hs_prefix, general %, provisional % (either
 * blank when the tariff has none). */
static hg_rc rate_kind_line(void *ctx, db *d, import_row *r, hg_err *err)
{
    (void)ctx;
    if (r->line == 1 && !isdigit((unsigned char)r->field[0][0])) {
        r->skip = 1;
        return HG_OK;
    }
    size_t plen = strlen(r->field[0]);
    if (r->nfields != 3 || plen < 2 || plen > 10 || plen % 2 || strspn(r->field[0], "0123456789") != plen)
        return hg_fail(err, HG_INVALID, "invalid", NULL, "hs_prefix (2-10 digits), general %%, provisional %% expected");
    int64_t general = optional_ppm(r->field[1]), provisional = optional_ppm(r->field[2]);
    if (general < -1 || provisional < -1)
        return hg_fail(err, HG_INVALID, "invalid", NULL, "rates are percentages such as 8.5, or blank for none");
    hg_rc rc = db_run(d, err,
                      "INSERT INTO tariff_rate_kinds (hs_prefix, general_ppm, provisional_ppm) VALUES (?, ?, ?) "
                      "ON CONFLICT (hs_prefix) DO UPDATE SET general_ppm = excluded.general_ppm, "
                      "provisional_ppm = excluded.provisional_ppm",
                      general < 0 && provisional < 0 ? "tnn" : general < 0 ? "tni" : provisional < 0 ? "tin" : "tii",
                      r->field[0], general < 0 ? provisional : general, provisional);
    if (rc)
        err->field[0] = '\0';
    return rc;
}

static hg_rc put_agreement_rate(db *d, const char *prefix, const char *origin, const char *kind, const char *agreement,
                                int64_t ppm, hg_err *err)
{
    return db_run(d, err,
                  "INSERT INTO tariff_agreement_rates (hs_prefix, origin, kind, agreement, rate_ppm) "
                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (hs_prefix, origin, kind) DO UPDATE SET "
                  "agreement = excluded.agreement, rate_ppm = excluded.rate_ppm",
                  "tttti", prefix, origin, kind, agreement, ppm);
}

/* One agreement rate: hs_prefix, origin (ISO 3166), kind (conventional | preferential), the
 * agreement's name, rate %. */
static hg_rc agreement_line(void *ctx, db *d, import_row *r, hg_err *err)
{
    (void)ctx;
    if (r->line == 1 && !isdigit((unsigned char)r->field[0][0])) {
        r->skip = 1;
        return HG_OK;
    }
    const char *why = NULL;
    size_t plen = strlen(r->field[0]);
    int64_t ppm = r->nfields == 5 ? tax_percent_ppm(r->field[4]) : -1;
    if (r->nfields != 5 || plen < 2 || plen > 10 || plen % 2 || strspn(r->field[0], "0123456789") != plen)
        return hg_fail(err, HG_INVALID, "invalid", NULL, "hs_prefix, origin, kind, agreement, rate %% expected");
    if (!check_country(r->field[1], &why))
        return hg_fail(err, HG_INVALID, "invalid", "origin", "%s", why ? why : "origin is an ISO 3166 country code");
    if (strcmp(r->field[2], "conventional") && strcmp(r->field[2], "preferential"))
        return hg_fail(err, HG_INVALID, "invalid", "kind", "kind must be conventional (协定) or preferential (特惠)");
    if (!r->field[3][0] || strlen(r->field[3]) > 100 || ppm < 0)
        return hg_fail(err, HG_INVALID, "invalid", NULL, "the agreement is named (at most 100 bytes), the rate a percentage");
    hg_rc rc = put_agreement_rate(d, r->field[0], r->field[1], r->field[2], r->field[3], ppm, err);
    if (rc)
        err->field[0] = '\0';
    return rc;
}

/* One origin without MFN treatment (its goods take the general rate): country, note. */
static hg_rc general_origin_line(void *ctx, db *d, import_row *r, hg_err *err)
{
    (void)ctx;
    const char *why = NULL;
    if (r->line == 1 && strcmp(r->field[0], "country") == 0) {
        r->skip = 1;
        return HG_OK;
    }
    if (r->nfields < 1 || r->nfields > 2 || !check_country(r->field[0], &why))
        return hg_fail(err, HG_INVALID, "invalid", "country", "%s", why ? why : "country[,note] expected");
    hg_rc rc = db_run(d, err,
                      "INSERT INTO tariff_general_origins (country, note) VALUES (?, ?) "
                      "ON CONFLICT (country) DO UPDATE SET note = excluded.note",
                      "tt", r->field[0], r->nfields > 1 ? r->field[1] : NULL);
    if (rc)
        err->field[0] = '\0';
    return rc;
}

static int import_with(db *d, const char *path, hg_rc (*line)(void *, db *, import_row *, hg_err *))
{
    const import_spec spec = {.format = IMPORT_CSV,
                              .policy = IMPORT_ALL_OR_NOTHING,
                              .max_bytes = 64u << 20,
                              .malformed = "malformed CSV",
                              .line = line};
    return import_run(&spec, d, path);
}

static int import_rate_kinds(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    return import_with(d, path, rate_kind_line);
}

static int import_agreements(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    return import_with(d, path, agreement_line);
}

static int import_general_origins(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    return import_with(d, path, general_origin_line);
}

/* One dated tariff rate (tax_dated_rate_line_parse): a period of a prefix's rates must not
 * overlap another period of the same prefix (the rate of a day would be ambiguous); the line
 * for a prefix and first day again replaces it. Each change is an audit row by the command's
 * actor, in the import's transaction. */
static hg_rc dated_line(void *ctx, db *d, import_row *r, hg_err *err)
{
    (void)ctx;
    if (r->line == 1 && !isdigit((unsigned char)r->field[0][0])) {
        r->skip = 1; /* header */
        return HG_OK;
    }
    tax_dated_rate x;
    int64_t overlap = 0;
    hg_rc rc = tax_dated_rate_line_parse(r->field, r->nfields, &x, err);
    if (!rc)
        rc = db_int(d, &overlap, err,
                    "SELECT COALESCE(MIN(valid_from_day), -1) FROM tariff_dated_rates WHERE hs_prefix = ? "
                    "AND valid_from_day <> ? AND (? = 0 OR valid_from_day <= ?) "
                    "AND (valid_to_day IS NULL OR valid_to_day >= ?)",
                    "tiiii", x.hs_prefix, x.valid_from_day, x.valid_to_day, x.valid_to_day, x.valid_from_day);
    if (!rc && overlap >= 0) {
        char from[16];
        calendar_format_date(overlap, from);
        /* TRANSLATORS: 1: hs_prefix; 2: from */
        return hg_fail(err, HG_INVALID, "overlap", "valid_from",
                       "the period overlaps the rates of %s from %s: a day has one rate", x.hs_prefix, from);
    }
    json_t *before = NULL;
    db_stmt *s;
    if (!rc && !(rc = db_query(d, &s, err,
                               "SELECT duty_ppm, vat_ppm, consumption_ppm, COALESCE(valid_to_day, 0) FROM "
                               "tariff_dated_rates WHERE hs_prefix = ? AND valid_from_day = ?",
                               "ti", x.hs_prefix, x.valid_from_day))) {
        if ((rc = db_step(s, err)) == HG_ROW)
            before = json_pack("{s:I, s:I, s:I, s:I}", "duty_ppm", (json_int_t)db_col_int(s, 0), "vat_ppm",
                               (json_int_t)db_col_int(s, 1), "consumption_ppm", (json_int_t)db_col_int(s, 2),
                               "valid_to_day", (json_int_t)db_col_int(s, 3));
        rc = rc == HG_ROW || rc == HG_DONE ? HG_OK : rc;
        db_reset(s);
    }
#define DATED_UPSERT(to)                                                                                               \
    "INSERT INTO tariff_dated_rates (hs_prefix, valid_from_day, valid_to_day, duty_ppm, vat_ppm, consumption_ppm, "    \
    "description) VALUES (?, ?, " to ", ?, ?, ?, ?) ON CONFLICT (hs_prefix, valid_from_day) DO UPDATE SET "            \
    "valid_to_day = excluded.valid_to_day, duty_ppm = excluded.duty_ppm, vat_ppm = excluded.vat_ppm, "               \
    "consumption_ppm = excluded.consumption_ppm, description = excluded.description"
    if (!rc && x.valid_to_day)
        rc = db_run(d, err, DATED_UPSERT("?"), "tiiiiit", x.hs_prefix, x.valid_from_day, x.valid_to_day, x.duty_ppm,
                    x.vat_ppm, x.consumption_ppm, x.description);
    else if (!rc)
        rc = db_run(d, err, DATED_UPSERT("NULL"), "tiiiit", x.hs_prefix, x.valid_from_day, x.duty_ppm, x.vat_ppm,
                    x.consumption_ppm, x.description);
#undef DATED_UPSERT
    char id[40], from[16];
    calendar_format_date(x.valid_from_day, from);
    snprintf(id, sizeof id, "%s@%s", x.hs_prefix, from);
    json_t *after = rc ? NULL
                       : json_pack("{s:s, s:s, s:I, s:I, s:I}", "hs_prefix", x.hs_prefix, "valid_from", from,
                                   "duty_ppm", (json_int_t)x.duty_ppm, "vat_ppm", (json_int_t)x.vat_ppm,
                                   "consumption_ppm", (json_int_t)x.consumption_ppm);
    if (after && x.valid_to_day) {
        char to[16];
        calendar_format_date(x.valid_to_day, to);
        json_object_set_new(after, "valid_to", json_string(to));
    }
    hg_ctx c = ctx_command(d, cli_actor());
    if (!rc)
        rc = audit_append_ctx(&c, "tax.tariff.dated_rate", "tariff_dated_rate", id, before, after, err);
    json_decref(before);
    json_decref(after);
    if (rc && rc != HG_INVALID)
        err->field[0] = '\0';
    return rc;
}

static int import_dated(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    const import_spec spec = {.format = IMPORT_CSV,
                              .policy = IMPORT_ALL_OR_NOTHING,
                              .max_bytes = 64u << 20,
                              .malformed = "malformed CSV",
                              .noun = "dated rates",
                              .line = dated_line};
    return import_run(&spec, d, path);
}

static const importer tax_importers[] = {
    {"tariff", import_tariff,
     "CSV: hs_prefix (2-10 digits), duty %, VAT %, consumption tax %, description, legal unit 1, legal unit 2 (the "
     "units optional); the whole file or nothing"},
    {"exchange-rates", import_exchange,
     "CSV: currency, month (YYYY-MM), CNY rate, per (1, or 100 where customs quotes per 100 units, such as JPY; "
     "default 1), fixed_on (optional: the third Wednesday of the previous month, checked); the whole file or "
     "nothing"},
    {"tariff-dated", import_dated,
     "CSV: hs_prefix, valid_from (YYYY-MM-DD), valid_to (YYYY-MM-DD, blank: until further notice), duty %, VAT %, "
     "consumption tax %, description: rates in force for a period, over the undated tariff on those days; periods "
     "of a prefix do not overlap; each change audited; the whole file or nothing"},
    {"tariff-rate-kinds", import_rate_kinds,
     "CSV: hs_prefix, general rate %, provisional rate % (blank: none); the whole file or nothing"},
    {"agreement-rates", import_agreements,
     "CSV: hs_prefix, origin (ISO 3166), kind (conventional | preferential), agreement, rate %: taken with a "
     "certificate of origin; the whole file or nothing"},
    {"general-rate-origins", import_general_origins,
     "CSV: country (ISO 3166), note: origins without most-favoured-nation treatment (the general rate); the whole "
     "file or nothing"},
    {"guarantors", import_guarantors,
     "CSV: name, kind (bank | insurer), code: the banks and insurers whose tax guarantee letters the district "
     "accepts without an officer; a name again replaces it; the whole file or nothing"},
    {NULL, NULL, NULL},
};

/* A small demo tariff (MFN rates of the 2026 tariff schedule for these lines are of this
 * order; a real district imports the full schedule) and monthly rates. */
static const struct {
    const char *prefix, *desc;
    int64_t duty, vat, cons;
    const char *unit1, *unit2; /* the legal units of the demo's lines under the heading */
} demo_tariff[] = {
    {"0302", "fresh or chilled fish", 100000, 90000, 0, "千克", NULL},
    {"0303", "frozen fish", 100000, 90000, 0, "千克", NULL},
    {"0304", "fish fillets", 100000, 90000, 0, "千克", NULL},
    {"0306", "crustaceans", 50000, 90000, 0, "千克", NULL},
    {"0307", "molluscs", 100000, 90000, 0, "千克", NULL},
    {"2601", "iron ores", 0, 130000, 0, "千克", NULL},
    {"2709", "crude petroleum", 0, 130000, 0, "千克", NULL},
    {"3304", "cosmetics", 50000, 130000, 150000, "千克", NULL},
    {"7208", "hot-rolled flat steel", 30000, 130000, 0, "千克", NULL},
    {"8458", "lathes", 95000, 130000, 0, "台", "千克"},
    {"8483", "transmission shafts and gears", 80000, 130000, 0, "台", "千克"},
    {"8703", "motor cars", 150000, 130000, 90000, "辆", "千克"},
    {"0101", "live horses", 0, 90000, 0, NULL, NULL},
    {"0805", "citrus fruit", 110000, 90000, 0, "千克", NULL},
    {"0808", "apples, pears", 100000, 90000, 0, "千克", NULL},
    {"1604", "prepared or preserved fish", 50000, 130000, 0, "千克", NULL},
};

static const struct {
    const char *currency;
    int64_t micro;
} demo_rates[] = {{"USD", 7120000}, {"EUR", 7710000}, {"JPY", 47500}, {"NOK", 668000}, {"HKD", 915000}};

/* Demo general and provisional rates and agreement rates, of the order of the 2026 schedule
 * for these lines (illustrative: a real district imports the schedule and the agreements). */
static const struct {
    const char *prefix;
    int64_t general, provisional; /* -1: none */
} demo_rate_kinds[] = {
    {"0303", 400000, -1}, {"0306", 700000, 20000}, {"8458", 300000, -1}, {"8483", 300000, -1}, {"8703", 2300000, -1},
};
static const struct {
    const char *prefix, *origin, *kind, *agreement;
    int64_t ppm;
} demo_agreements[] = {
    {"0303", "NZ", "conventional", "中国—新西兰自由贸易协定", 0},
    {"8458", "JP", "conventional", "区域全面经济伙伴关系协定 (RCEP)", 63000},
};

/* The demo district's known guarantors: the banks and the insurer whose letters it accepts. */
static const struct {
    const char *name, *kind;
} demo_guarantors[] = {
    {"中国银行大连分行", "bank"},
    {"中国工商银行大连分行", "bank"},
    {"中国人民财产保险股份有限公司大连市分公司", "insurer"},
};

static hg_rc tax_demo(db *d, hg_err *err)
{
    hg_rc rc = db_begin(d, err);
    for (size_t i = 0; !rc && i < sizeof demo_guarantors / sizeof demo_guarantors[0]; i++)
        rc = tax_guarantor_put(d, demo_guarantors[i].name, demo_guarantors[i].kind, NULL, err);
    for (size_t i = 0; !rc && i < sizeof demo_rate_kinds / sizeof demo_rate_kinds[0]; i++)
        rc = db_run(d, err,
                    "INSERT INTO tariff_rate_kinds (hs_prefix, general_ppm, provisional_ppm) VALUES (?, ?, ?) "
                    "ON CONFLICT (hs_prefix) DO NOTHING",
                    demo_rate_kinds[i].provisional < 0 ? "tin" : "tii", demo_rate_kinds[i].prefix,
                    demo_rate_kinds[i].general, demo_rate_kinds[i].provisional);
    for (size_t i = 0; !rc && i < sizeof demo_agreements / sizeof demo_agreements[0]; i++)
        rc = put_agreement_rate(d, demo_agreements[i].prefix, demo_agreements[i].origin, demo_agreements[i].kind,
                                demo_agreements[i].agreement, demo_agreements[i].ppm, err);
    for (size_t i = 0; !rc && i < sizeof demo_tariff / sizeof demo_tariff[0]; i++)
        rc = put_tariff(d, demo_tariff[i].prefix, demo_tariff[i].duty, demo_tariff[i].vat, demo_tariff[i].cons,
                        demo_tariff[i].desc, demo_tariff[i].unit1, demo_tariff[i].unit2, err);
    /* this month and the twelve around it, so that the demo stays usable for a year */
    int64_t now = now_ms();
    for (int k = -6; !rc && k <= 6; k++) {
        char month[8];
        calendar_format_month(calendar_day_of(now) + k * 30, month);
        for (size_t i = 0; !rc && i < sizeof demo_rates / sizeof demo_rates[0]; i++)
            rc = put_rate(d, demo_rates[i].currency, month, demo_rates[i].micro, err);
    }
    if (!rc)
        rc = db_commit(d, err);
    if (rc)
        db_rollback(d);
    return rc;
}

/* `haiguan tax lapse-guarantees [--at TIME]`: what becomes of guarantees whose validity ended
 * unpaid (a deposit converted into the tax, a letter lapsed and its bill overdue). Run daily. */
static int lapse_cmd(cmd_ctx *c, const command *self)
{
    (void)self;
    int64_t at = now_ms();
    const char *v = cmd_option(c, "--at");
    if (v && time_parse_rfc3339(v, &at)) {
        fprintf(stderr, "haiguan tax lapse-guarantees: --at must be an RFC 3339 time with offset\n");
        return EXIT_USAGE;
    }
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    hg_err err;
    hg_err_clear(&err);
    int converted = 0, lapsed = 0;
    hg_ctx x = ctx_command(d, "system");
    hg_rc rc = tax_guarantees_lapse(&x, at, &converted, &lapsed, &err);
    db_close(d);
    if (rc) {
        fprintf(stderr, "haiguan tax lapse-guarantees: %s\n", err.message);
        return EXIT_FAIL;
    }
    printf("%d converted into tax, %d lapsed\n", converted, lapsed);
    return EXIT_OK;
}

static const cmd_opt lapse_opts[] = {{"--at", 1}, {NULL, 0}};
static const cmd_sub tax_subs[] = {{"lapse-guarantees", lapse_cmd, lapse_opts}, {NULL, NULL, NULL}};

static const command tax_commands[] = {
    {"tax", NULL, "tax lapse-guarantees [--at TIME]", "the tax desk's daily work: guarantees that lapsed unpaid",
     "  lapse-guarantees  every active tax guarantee whose validity ended before the day of --at (default: now)\n"
     "                    and whose tax is unpaid: a cash deposit (保证金) that covers the tax and late fee is\n"
     "                    converted into the tax (保证金转税款); any other lapses and its bill stays overdue.",
     lapse_opts, tax_subs},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

static const hg_post tax_posts[] = {
    HG_POST(3, tax, "税收"),
    {0},
};

static const hg_scope tax_scopes[] = {
    {"tax", "tariff, exchange rates, tax bills and payments"},
    {NULL, NULL},
};

static const demo_signin tax_signins[] = {
    {.name = "officer",
     .role = ROLE_OFFICER,
     .posts = "tax",
     .password = "officer-demo-2026",
     .what = "an officer of every demo post"},
    {.name = NULL},
};

/* The tax area's demo data must exist before cargo's demo declarations are filed: tax comes
 * before cargo in `areas` (src/meson.build), as the dependency order has it. */
static const record_type *const tax_records[] = {&tax_line_record, NULL};

/* The same as `haiguan tax lapse-guarantees`, on schedule: a guarantee whose validity ended
 * unpaid is converted or leaves its bill overdue within the hour, not when someone remembers. */
static hg_rc lapse_job(db *d, hg_err *err)
{
    int converted = 0, lapsed = 0;
    hg_ctx c = ctx_command(d, "system");
    hg_rc rc = tax_guarantees_lapse(&c, c.now_ms, &converted, &lapsed, err);
    if (!rc && (converted || lapsed))
        log_info("tax: %d guarantee%s converted into tax, %d lapsed", converted, converted == 1 ? "" : "s", lapsed);
    return rc;
}

static const hg_job tax_jobs[] = {
    {"tax.lapse_guarantees", "convert or lapse the guarantees whose validity ended unpaid (保证金转税款)", 3600,
     lapse_job},
    {NULL, NULL, 0, NULL},
};

/* What tax contributes to the platform's extension points. */
static const hg_extension tax_extends[] = {
    {AUDIT_RECONCILERS, &tax_reconciler},
    {NULL, NULL},
};

const hg_module tax_module = {.name = "tax",
                              .migrations = tax_migrations,
                              .routes = tax_routes,
                              .importers = tax_importers,
                              .commands = tax_commands,
                              .demo = tax_demo,
                              .summary = "duty, consumption tax and VAT: tariff, rates, bills, payments",
                              .migrations_first = 300,
                              .migrations_last = 399,
                              .posts = tax_posts,
                              .scopes = tax_scopes,
                              .demo_signins = tax_signins,
                              .records = tax_records,
                              .jobs = tax_jobs,
                              .extends = tax_extends};
