/* tax_cmd.c — `haiguan import tariff|exchange-rates|guarantors FILE.csv`, `haiguan tax
 * lapse-guarantees`, the demo tariff, rates and guarantors, and the tax area's module record. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../check/check.h"
#include "../platform/calendar.h"
#include "../platform/import.h"
#include "../platform/log.h"
#include "../platform/money.h"
#include "../platform/mem.h"
#include "../platform/module.h"
#include "tax.h"
#include "tax_store.h"

extern const route tax_routes[];

/* "8.5" percent -> 85000 ppm; up to 4 decimals; 0 to 1000 percent. -1 when malformed. */
static int64_t percent_ppm(const char *s)
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

/* "7.1234" CNY per unit -> micro-CNY; up to 6 decimals. -1 when malformed. */
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

static hg_rc put_tariff(db *d, const char *prefix, int64_t duty, int64_t vat, int64_t cons, const char *desc,
                        hg_err *err)
{
    return db_run(d, err,
                  "INSERT INTO tariff_rates (hs_prefix, duty_ppm, vat_ppm, consumption_ppm, description) "
                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (hs_prefix) DO UPDATE SET duty_ppm = excluded.duty_ppm, "
                  "vat_ppm = excluded.vat_ppm, consumption_ppm = excluded.consumption_ppm, "
                  "description = excluded.description",
                  "tiiit", prefix, duty, vat, cons, desc);
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
    int64_t duty = r->nfields >= 4 ? percent_ppm(r->field[1]) : -1;
    int64_t vat = r->nfields >= 4 ? percent_ppm(r->field[2]) : -1;
    int64_t cons = r->nfields >= 4 ? percent_ppm(r->field[3]) : -1;
    size_t plen = strlen(r->field[0]);
    if (r->nfields < 4 || plen < 2 || plen > 10 || plen % 2 || strspn(r->field[0], "0123456789") != plen)
        return hg_fail(err, HG_INVALID, "invalid", NULL,
                       "hs_prefix must be 2, 4, 6, 8 or 10 digits, then duty, vat, consumption rates");
    if (duty < 0 || vat < 0 || vat >= 1000000 || cons < 0 || cons >= 1000000)
        return hg_fail(err, HG_INVALID, "invalid", NULL,
                       "rates are percentages such as 8.5 (VAT and consumption below 100)");
    hg_rc rc = put_tariff(d, r->field[0], duty, vat, cons, r->nfields > 4 ? r->field[4] : NULL, err);
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
    const char *why = NULL;
    int ok_fields = r->nfields >= 3 && r->nfields <= 5;
    int64_t micro = ok_fields ? rate_micro(r->field[2]) : -1;
    if (!ok_fields || !check_currency(r->field[0], &why))
        return hg_fail(err, HG_INVALID, "invalid", "currency", "%s",
                       why ? why : "currency,month,rate[,per,fixed_on] expected");
    int y = 0, m = 0;
    if (strlen(r->field[1]) != 7 || r->field[1][4] != '-' || sscanf(r->field[1], "%4d-%2d", &y, &m) != 2 || m < 1 ||
        m > 12 || micro < 0)
        return hg_fail(err, HG_INVALID, "invalid", NULL,
                       "month must be YYYY-MM and rate the CNY per unit, such as 7.1234");
    /* quoted per 100 units where customs quotes so (JPY, ...): kept per unit, exactly */
    const char *per = r->nfields >= 4 && r->field[3][0] ? r->field[3] : "1";
    micro = strcmp(per, "1") == 0 || strcmp(per, "100") == 0 ? tax_rate_per_unit(micro, strcmp(per, "100") == 0 ? 100 : 1) : -1;
    if (micro < 0)
        return hg_fail(err, HG_INVALID, "invalid", "per",
                       "per is 1 or 100 (the units the rate is quoted for), a rate per 100 to at most 4 decimals");
    /* the month's rate is the one fixed on the third Wednesday of the previous month
     * (海关进出口货物征税管理办法): a file that says when it was fixed must say that day */
    if (r->nfields == 5 && r->field[4][0]) {
        int64_t day = 0, want = tax_rate_fixing_day(y, m);
        char want_s[11];
        calendar_format_date(want, want_s);
        if (calendar_parse_date(r->field[4], &day) || day != want)
            return hg_fail(err, HG_INVALID, "fixing_day", "fixed_on",
                           "the rate for %s is the one fixed on the third Wednesday of the previous month, %s",
                           r->field[1], want_s);
    }
    hg_rc rc = put_rate(d, r->field[0], r->field[1], micro, err);
    if (rc)
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
    int64_t v = percent_ppm(s);
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
    int64_t ppm = r->nfields == 5 ? percent_ppm(r->field[4]) : -1;
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

static const importer tax_importers[] = {
    {"tariff", import_tariff,
     "CSV: hs_prefix (2-10 digits), duty %, VAT %, consumption tax %, description; the whole file or nothing"},
    {"exchange-rates", import_exchange,
     "CSV: currency, month (YYYY-MM), CNY rate, per (1, or 100 where customs quotes per 100 units, such as JPY; "
     "default 1), fixed_on (optional: the third Wednesday of the previous month, checked); the whole file or "
     "nothing"},
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
} demo_tariff[] = {
    {"0302", "fresh or chilled fish", 100000, 90000, 0},
    {"0303", "frozen fish", 100000, 90000, 0},
    {"0306", "crustaceans", 50000, 90000, 0},
    {"2601", "iron ores", 0, 130000, 0},
    {"2709", "crude petroleum", 0, 130000, 0},
    {"3304", "cosmetics", 50000, 130000, 150000},
    {"8458", "lathes", 95000, 130000, 0},
    {"8483", "transmission shafts and gears", 80000, 130000, 0},
    {"8703", "motor cars", 150000, 130000, 90000},
    {"0101", "live horses", 0, 90000, 0},
    {"0805", "citrus fruit", 110000, 90000, 0},
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
                        demo_tariff[i].desc, err);
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
                              .jobs = tax_jobs};
