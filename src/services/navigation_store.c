/* navigation_store.c — smart declaration navigation (智慧申报导航) as the API answers it: the
 * HS search and browse in JSON, the pre-check of a draft declaration before filing (the code,
 * the element string, weights, legal units, the reference price, the licences the supervision
 * conditions require, countries and currency; nothing written), and advance rulings (预裁定)
 * recorded and offered when the enterprise declares the same goods. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../enterprise/enterprise.h"
#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/decimal.h"
#include "../platform/event.h"
#include "../platform/i18n.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../tax/tax_store.h"
#include "services_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

static json_t *codes_json(const char *codes, const hs_code_name *table)
{
    json_t *a = json_array();
    for (const char *p = codes; a && p && *p; p++)
        for (const hs_code_name *c = table; c->code; c++)
            if (c->code == *p)
                json_array_append_new(a,
                                      json_pack("{s:s#, s:s, s:s}", "code", p, 1, "name_zh", c->zh, "name_en", c->en));
    return a;
}

static json_t *node(const char *level, const char *code, const char *zh, const char *en)
{
    return json_pack("{s:s, s:s, s:s, s:s}", "level", level, "code", code, "name_zh", zh, "name_en", en);
}

static json_t *line_json(const hs_line *l)
{
    json_t *o = node("line", l->code, l->zh, l->en);
    hs_element els[HS_ELEMENTS_MAX];
    size_t n = hs_line_elements(l, els);
    json_t *e = json_array();
    for (size_t i = 0; e && i < n; i++)
        json_array_append_new(e, json_pack("{s:i, s:s, s:b, s:s?}", "position", (int)i + 1, "name", els[i].name,
                                           "mandatory", els[i].mandatory, "codes", els[i].codes));
    if (o && e && !json_object_set_new(o, "legal_units", json_pack("[s, s?]", l->unit1, l->unit2 ? l->unit2 : NULL)) &&
        !json_object_set_new(o, "supervision", codes_json(l->supervision, hs_supervision_codes)) &&
        !json_object_set_new(o, "inspection_code", json_string(l->inspection)) &&
        !json_object_set_new(o, "inspection", codes_json(l->inspection, hs_inspection_codes)) &&
        !json_object_set_new(o, "elements", e) &&
        /* an import of the line names its registered overseas producer (海关总署令第248号,
         * cargo_registered_food): the form marks the field required before the filing refuses */
        !json_object_set_new(o, "producer_required", json_boolean(cargo_registered_food(l->code))))
        return o;
    json_decref(o);
    json_decref(e);
    return NULL;
}

/* The path from the section down to the node (its own entry last). */
static json_t *path_json(int chapter, const char *heading, const hs_line *line)
{
    const hs_section *s = hs_section_of(chapter);
    const hs_chapter *c = hs_chapter_find(chapter);
    char ch[3];
    snprintf(ch, sizeof ch, "%02d", chapter);
    json_t *p = json_array();
    if (p && s)
        json_array_append_new(p, node("section", s->roman, s->zh, s->en));
    if (p && c)
        json_array_append_new(p, node("chapter", ch, c->zh, c->en));
    const hs_heading *h = heading ? hs_heading_find(heading) : NULL;
    if (p && h)
        json_array_append_new(p, node("heading", h->code, h->zh, h->en));
    if (p && line)
        json_array_append_new(p, node("line", line->code, line->zh, line->en));
    return p;
}

static json_t *hit_json(const hs_hit *h)
{
    char ch[3];
    json_t *o = NULL;
    switch (h->level) {
    case HS_SECTION: {
        const hs_section *s = &hs_sections[h->index];
        o = node("section", s->roman, s->zh, s->en);
        json_object_set_new(o, "path", json_pack("[o]", node("section", s->roman, s->zh, s->en)));
        break;
    }
    case HS_CHAPTER: {
        const hs_chapter *c = &hs_chapters[h->index];
        snprintf(ch, sizeof ch, "%02d", c->no);
        o = node("chapter", ch, c->zh, c->en);
        json_object_set_new(o, "path", path_json(c->no, NULL, NULL));
        break;
    }
    case HS_HEADING: {
        const hs_heading *hd = hs_heading_at(h->index);
        o = node("heading", hd->code, hd->zh, hd->en);
        json_object_set_new(o, "path", path_json((hd->code[0] - '0') * 10 + hd->code[1] - '0', hd->code, NULL));
        break;
    }
    case HS_LINE: {
        const hs_line *l = &hs_lines[h->index];
        o = line_json(l);
        json_object_set_new(o, "path", path_json((l->code[0] - '0') * 10 + l->code[1] - '0', l->code, l));
        break;
    }
    }
    if (o)
        json_object_set_new(o, "score", json_integer(h->score));
    return o;
}

hg_rc nav_search_json(const char *q, int limit, json_t **out, hg_err *err)
{
    hs_hit hits[50];
    size_t n = hs_search(q, hits, (size_t)(limit < 1 ? 1 : limit > 50 ? 50 : limit));
    json_t *items = json_array();
    for (size_t i = 0; items && i < n; i++)
        if (json_array_append_new(items, hit_json(&hits[i]))) {
            json_decref(items);
            items = NULL;
        }
    if (!items || !(*out = json_pack("{s:s, s:o}", "q", q, "items", items)))
        return nomem(err);
    return HG_OK;
}

static int roman_index(const char *code)
{
    for (int i = 0; hs_sections[i].roman; i++)
        if (strcmp(hs_sections[i].roman, code) == 0)
            return i;
    return -1;
}

static int digits(const char *s, size_t n)
{
    if (strlen(s) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

hg_rc nav_node_json(const char *code, json_t **out, hg_err *err)
{
    json_t *o = NULL, *children = json_array();
    int si = roman_index(code);
    char ch[3];
    if (!children)
        return nomem(err);
    if (si >= 0) {
        const hs_section *s = &hs_sections[si];
        o = node("section", s->roman, s->zh, s->en);
        for (int c = s->first; c <= s->last; c++) {
            snprintf(ch, sizeof ch, "%02d", c);
            json_array_append_new(children, node("chapter", ch, hs_chapters[c - 1].zh, hs_chapters[c - 1].en));
        }
        json_object_set_new(o, "path", json_pack("[o]", node("section", s->roman, s->zh, s->en)));
    } else if (digits(code, 2) && hs_chapter_find((code[0] - '0') * 10 + code[1] - '0')) {
        int c = (code[0] - '0') * 10 + code[1] - '0';
        o = node("chapter", code, hs_chapters[c - 1].zh, hs_chapters[c - 1].en);
        for (const hs_heading *const *part = hs_heading_parts; *part; part++)
            for (const hs_heading *h = *part; h->code; h++)
                if (strncmp(h->code, code, 2) == 0)
                    json_array_append_new(children, node("heading", h->code, h->zh, h->en));
        json_object_set_new(o, "path", path_json(c, NULL, NULL));
    } else if (digits(code, 4) && hs_heading_find(code)) {
        const hs_heading *h = hs_heading_find(code);
        o = node("heading", h->code, h->zh, h->en);
        for (const hs_line *l = hs_lines; l->code; l++)
            if (strncmp(l->code, code, 4) == 0)
                json_array_append_new(children, node("line", l->code, l->zh, l->en));
        json_object_set_new(o, "path", path_json((code[0] - '0') * 10 + code[1] - '0', code, NULL));
    } else if (hs_line_find(code)) {
        const hs_line *l = hs_line_find(code);
        o = line_json(l);
        json_object_set_new(o, "path", path_json((code[0] - '0') * 10 + code[1] - '0', code, l));
    }
    if (!o) {
        json_decref(children);
        return hg_fail(err, HG_NOTFOUND, "not_found", "code", "%s is not a section, chapter, heading or line we hold",
                       code);
    }
    if (json_object_set_new(o, "children", children)) {
        json_decref(o);
        return nomem(err);
    }
    *out = o;
    return HG_OK;
}

/* ---- the pre-check ---- */

#define FINDINGS_MAX 64

typedef struct findings {
    nav_finding f[FINDINGS_MAX];
    size_t n;
} findings;

static void finding(findings *fs, const char *severity, const char *field, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void finding(findings *fs, const char *severity, const char *field, const char *rule, const char *fmt, ...)
{
    if (fs->n >= FINDINGS_MAX)
        return;
    nav_finding *x = &fs->f[fs->n++];
    snprintf(x->field, sizeof x->field, "%s", field);
    snprintf(x->rule, sizeof x->rule, "%s", rule);
    snprintf(x->severity, sizeof x->severity, "%s", severity);
    va_list ap, zh;
    va_start(ap, fmt);
    va_copy(zh, ap);
    vsnprintf(x->message, sizeof x->message, fmt, ap);
    /* both languages now, as hg_fail does (a catalogued word among the values is translated
     * too): the answer picks the request's */
    i18n_format_zh(x->message_zh, sizeof x->message_zh, fmt, zh, x->message);
    va_end(zh);
    va_end(ap);
}

static void country(findings *fs, const char *v, const char *field, const char *what)
{
    const char *reason = NULL;
    if (!v || !*v)
        /* TRANSLATORS: 1: the field's name */
        finding(fs, "error", field, "required", "the %s is required", what);
    else if (!check_country(v, &reason))
        /* TRANSLATORS: 1: the field's name; 2: the code given */
        finding(fs, "error", field, "invalid_country", "the %s \"%s\" is not a country (region) code (ISO 3166)", what,
                v);
}

/* The unit price in CNY fen per legal unit against the line's reference: below half or above
 * twice of it is far (docs/services.md). */
static hg_rc price(db *d, findings *fs, const hs_line *l, const record *it, const char *field, int64_t now, hg_err *err)
{
    const char *cur = record_text(it, "currency");
    int64_t value = record_int(it, "value", 0), qty = record_int(it, "quantity", 0), rate = 0;
    if (!l->ref_price_fen || !cur || !value || !qty)
        return HG_OK;
    hg_err rerr;
    hg_rc rc = exchange_rate(d, cur, now, &rate, &rerr);
    if (rc == HG_INVALID) {
        finding(fs, "warning", field, "no_exchange_rate",
                "no exchange rate for %s this month: the reference price was not compared", cur);
        return HG_OK;
    }
    if (rc) {
        *err = rerr;
        return rc;
    }
    /* qty counts 1e-5 of the unit (cargo.h) */
    __int128 cny = (__int128)value * rate / 1000000;
    int64_t unit = (int64_t)(cny * CARGO_QUANTITY_UNIT / qty);
    if (unit * 2 < l->ref_price_fen || unit > l->ref_price_fen * 2)
        finding(fs, "warning", field, "price_far_from_reference",
                /* TRANSLATORS: 1, 2: the unit price in yuan and fen; 3: the legal unit; 4, 5: the district's
                 * reference price in yuan and fen */
                "the unit price is about CNY %" PRId64 ".%02" PRId64 " per %s, more than twice off the district's "
                "reference price of CNY %" PRId64 ".%02" PRId64 ": please check",
                unit / 100, unit % 100, l->unit1, l->ref_price_fen / 100, l->ref_price_fen % 100);
    return HG_OK;
}

static int has_licence(const record *lic, int n, char code)
{
    for (int i = 0; i < n; i++)
        if (record_text(&lic[i], "code")[0] == code)
            return 1;
    return 0;
}

static json_t *ruling_row(db_stmt *s)
{
    char a[40], b[40];
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s?, s:s?, s:s}", "ruling_no", db_col_text(s, 0), "enterprise",
                     db_col_text(s, 1), "kind", db_col_text(s, 2), "hs_code", db_col_text(s, 3), "goods_name",
                     db_col_text(s, 4), "decision", db_col_text(s, 5), "issued_at", db_col_time(s, 6, a), "valid_to",
                     db_col_time(s, 7, b), "issued_by", db_col_text(s, 8));
}

#define RULING_COLUMNS "ruling_no, enterprise, kind, hs_code, goods_name, decision, issued_ms, valid_to_ms, issued_by"

hg_rc nav_precheck(db *d, const principal *who, const json_t *body, int64_t now, int zh, json_t **out, hg_err *err)
{
    record r = {0};
    findings fs = {.n = 0};
    json_t *lines = NULL, *rulings = NULL, *found = NULL;
    *out = NULL;
    hg_rc rc = record_from_json(&nav_draft_record, body, REC_CREATE, &r, err);
    if (rc)
        goto out;
    const char *ent = who && who->role == ROLE_ENTERPRISE ? who->enterprise : record_text(&r, "enterprise");
    if (who && who->role == ROLE_ENTERPRISE && record_text(&r, "enterprise") &&
        strcmp(record_text(&r, "enterprise"), who->enterprise) != 0) {
        rc = hg_fail(err, HG_INVALID, "invalid", "enterprise", "an enterprise checks its own declarations");
        goto out;
    }
    int import = strcmp(record_text(&r, "direction"), "import") == 0, ni = 0, nl = 0;
    const record *items = record_list(&r, "items", &ni), *lic = record_list(&r, "licences", &nl);
    country(&fs, record_text(&r, "trade_country"), "trade_country", N_("trade country (region)"));
    if (ent && (rc = db_rows_json(d, ruling_row, &rulings, err,
                                  "SELECT " RULING_COLUMNS " FROM navigation_rulings WHERE enterprise = ?"
                                  " AND issued_ms <= ? AND valid_to_ms > ? ORDER BY issued_ms DESC LIMIT 50",
                                  "tii", ent, now, now)))
        goto out;
    lines = json_array();
    found = json_array();
    if (!lines || !found) {
        rc = nomem(err);
        goto out;
    }
    for (int i = 0; i < ni && !rc; i++) {
        const record *it = &items[i];
        char f[64];
        const char *code = record_text(it, "hs_code"), *reason = NULL;
        snprintf(f, sizeof f, "items[%d].hs_code", i);
        const hs_line *l = NULL;
        if (!check_hs(code, &reason))
            finding(&fs, "error", f, "hs_format",
                    "the HS code must be 10 digits (the 8-digit tariff line and 2 additional digits): %s",
                    reason ? reason : code);
        else if (!(l = hs_line_find(code)))
            finding(&fs, "error", f, "hs_unknown",
                    hs_heading_find(code)
                        ? N_("HS code %s is not in the tariff: choose a 10-digit code under its heading")
                        : N_("HS code %s is not in the tariff"),
                    code);
        json_array_append_new(lines, l ? line_json(l) : json_null());
        if (l) {
            snprintf(f, sizeof f, "items[%d].elements", i);
            size_t k = hs_elements_check(l, record_text(it, "elements"), f, fs.f + fs.n, FINDINGS_MAX - fs.n);
            fs.n += k;
            /* quantity in the first legal unit (法定第一计量单位) */
            const char *unit = record_text(it, "unit");
            snprintf(f, sizeof f, "items[%d].unit", i);
            if (!unit || strcmp(unit, l->unit1) != 0)
                /* TRANSLATORS: 1: the legal unit; 2: the unit declared */
                finding(&fs, "error", f, "unit_not_legal",
                        unit ? N_("the quantity must be declared in the legal unit \"%s\", not \"%s\"")
                             : N_("the quantity must be declared in the legal unit \"%s\"%s"),
                        l->unit1, unit ? unit : "");
            snprintf(f, sizeof f, "items[%d].value", i);
            const char *cur = record_text(it, "currency");
            if (!cur || check_currency(cur, NULL))
                rc = price(d, &fs, l, it, f, now, err);
            /* licences the supervision conditions require for this direction */
            for (const char *p = l->supervision; *p && !rc; p++) {
                const hs_code_name *c = hs_supervision_find(*p);
                if (!c || (c->direction && c->direction != (import ? 'I' : 'E')))
                    continue;
                snprintf(f, sizeof f, "items[%d].hs_code", i);
                if (c->document && !has_licence(lic, nl, *p))
                    /* TRANSLATORS: 1: the HS code; 2: the supervision condition's code; 3: the document */
                    finding(&fs, "error", "licences", "licence_required",
                            "goods %s: supervision condition \"%c\" requires the %s attached", l->code, *p, c->en);
                else if (!c->document && (*p == 'A' || *p == 'B'))
                    /* TRANSLATORS: 1: the HS code; 2: the supervision condition; 3: the inspection category */
                    finding(&fs, "info", f, "legal_inspection",
                            "goods %s are under legal inspection (supervision condition %c, inspection category %s)",
                            l->code, *p, l->inspection);
            }
            /* an advance ruling on the same goods under another code */
            size_t ri;
            json_t *ru;
            json_array_foreach(rulings, ri, ru)
            {
                const char *rcode = json_string_value(json_object_get(ru, "hs_code")),
                           *rname = json_string_value(json_object_get(ru, "goods_name")),
                           *name = record_text(it, "name");
                if (strcmp(rcode, code) == 0) {
                    json_array_append(found, ru);
                } else if (name && *name && strcmp(rname, name) == 0 &&
                           strcmp(json_string_value(json_object_get(ru, "kind")), "classification") == 0) {
                    json_array_append(found, ru);
                    /* TRANSLATORS: 1: the ruling's number; 2: the goods' name; 3: the HS code it gives */
                    finding(&fs, "warning", f, "ruling_differs", "your advance ruling %s classifies \"%s\" under %s",
                            json_string_value(json_object_get(ru, "ruling_no")), rname, rcode);
                }
            }
        }
        snprintf(f, sizeof f, "items[%d].origin", i);
        country(&fs, record_text(it, "origin"), f, N_("country (region) of origin"));
        const char *cur = record_text(it, "currency");
        snprintf(f, sizeof f, "items[%d].currency", i);
        if (cur && !check_currency(cur, &reason))
            finding(&fs, "error", f, "invalid_currency", "the currency \"%s\" is not a currency code (ISO 4217)", cur);
        int64_t gross = record_int(it, "gross_weight_kg", 0), net = record_int(it, "net_weight_kg", 0);
        snprintf(f, sizeof f, "items[%d].net_weight_kg", i);
        if (gross && net > gross) {
            char n_kg[DECIMAL_TEXT_MAX], g_kg[DECIMAL_TEXT_MAX];
            decimal_format(net, CARGO_WEIGHT_SCALE, n_kg, sizeof n_kg);
            decimal_format(gross, CARGO_WEIGHT_SCALE, g_kg, sizeof g_kg);
            /* TRANSLATORS: 1: the net weight; 2: the gross weight, in kg */
            finding(&fs, "error", f, "net_above_gross", "the net weight %s kg exceeds the gross weight %s kg", n_kg,
                    g_kg);
        }
    }
    if (rc)
        goto out;
    json_t *fa = json_array();
    int errors = 0;
    for (size_t i = 0; fa && i < fs.n; i++) {
        errors += strcmp(fs.f[i].severity, "error") == 0;
        json_array_append_new(fa, json_pack("{s:s, s:s, s:s, s:s}", "field", fs.f[i].field, "rule", fs.f[i].rule,
                                            "severity", fs.f[i].severity, "message",
                                            zh && fs.f[i].message_zh[0] ? fs.f[i].message_zh : fs.f[i].message));
    }
    if (!fa || !(*out = json_pack("{s:b, s:i, s:o, s:O, s:O}", "ok", errors == 0, "errors", errors, "findings", fa,
                                  "lines", lines, "rulings", found)))
        rc = nomem(err);
out:
    json_decref(lines);
    json_decref(found);
    json_decref(rulings);
    record_free(&r);
    return rc;
}

/* ---- advance rulings ---- */

hg_rc ruling_issue(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&nav_ruling_record, body, REC_CREATE, &r, err);
    int64_t at = record_int(&r, "issued_at", 0);
    if (!rc && (at > c->now_ms + 5 * 60000 || at < c->now_ms - NAV_RULING_YEARS * 366LL * 86400000))
        rc = hg_fail(err, HG_INVALID, "out_of_range", "issued_at",
                     "a ruling is recorded once issued, within its three years");
    if (!rc && !hs_line_find(record_text(&r, "hs_code")))
        rc = hg_fail(err, HG_INVALID, "hs_unknown", "hs_code", "%s is not a line of the tariff",
                     record_text(&r, "hs_code"));
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = enterprise_find(c->d, record_text(&r, "enterprise"), err);
    if (rc == HG_NOTFOUND)
        rc = hg_fail(err, HG_INVALID, "invalid", "enterprise", "no registered enterprise %s",
                     record_text(&r, "enterprise"));
    /* valid three years: to the same local date three years on */
    int y, m, dd;
    calendar_civil(calendar_day_of(at), &y, &m, &dd);
    if (m == 2 && dd == 29)
        dd = 28;
    int64_t to = calendar_day_start_ms(calendar_days_from_civil(y + NAV_RULING_YEARS, m, dd));
    int64_t n = 0;
    char no[24];
    if (!rc)
        rc = db_int(c->d, &n, err, "SELECT COUNT(*) FROM navigation_rulings", "");
    snprintf(no, sizeof no, "YCD%04d%06" PRId64, calendar_year_of(c->now_ms) % 10000, (n + 1) % 1000000);
    if (!rc && (record_set_text(&r, "ruling_no", no) || record_set_int(&r, "valid_to", to) ||
                record_set_text(&r, "issued_by", c->actor)))
        rc = nomem(err);
    if (!rc)
        rc = record_insert(c->d, &r, err);
    if (!rc && !(*out = record_to_json(&r)))
        rc = nomem(err);
    if (!rc)
        rc = event_emit_about(c->d, "navigation.ruling", "advance_ruling", no, record_text(&r, "enterprise"), c->actor,
                              c->request_id, NULL, err);
    rc = audit_commit(c, rc, "navigation.ruling", "advance_ruling", no, NULL, *out, err);
out:
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    record_free(&r);
    return rc;
}

hg_rc ruling_list(db *d, const principal *who, const char *enterprise, const char *hs_code, int valid_only, int64_t now,
                  json_t **out, hg_err *err)
{
    const char *ent = who && who->role == ROLE_ENTERPRISE ? who->enterprise : enterprise;
    json_t *items = NULL;
    hg_rc rc = db_rows_json(d, ruling_row, &items, err,
                            "SELECT " RULING_COLUMNS
                            " FROM navigation_rulings WHERE (CAST(? AS TEXT) IS NULL OR enterprise = ?)"
                            " AND (CAST(? AS TEXT) IS NULL OR hs_code = ?) AND (? = 0 OR valid_to_ms > ?)"
                            " ORDER BY issued_ms DESC, ruling_no DESC LIMIT 200",
                            "ttttii", ent, ent, hs_code, hs_code, (int64_t)valid_only, now);
    return rc ? rc : json_page(items, json_null(), out, err);
}
