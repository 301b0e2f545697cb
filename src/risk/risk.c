/* risk.c — the pure core of risk targeting: parsing rules and declarations, the table of
 * condition kinds, compiling active rules into indexes, screening, random selection and
 * the keyed draws. No I/O, no SQL, no clock.
 *
 * Index: each active rule is filed under one "anchor" condition, the most selective of its
 * conditions that can be looked up by value (a USCC, a container, an HS prefix, a country
 * ...). Keys are (condition kind, value) in one open-addressing hash table; HS prefixes are
 * keys too, so an item probes its nine prefixes (2 to 10 digits) instead of walking a trie.
 * Rules whose conditions are all ranges or keywords go to a small always-check list. A
 * screening gathers the candidates from its probes, then evaluates each candidate's
 * conditions in full, so its cost grows with the rules it could match, not with all rules. */
#include "risk.h"

#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check/check.h"
#include "../platform/ident.h"
#include "../platform/i18n.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/record.h"

/* ------------------------------------------------------------------ names */

static const char *const lane_names[] = {"green", "blue", "yellow", "red", NULL};
static const char *const credit_names[] = {"advanced_certified", "general_certified", "general_credit",
                                           "dishonest",          "unknown",           NULL};
static const char *const source_names[] = {"hq", "district", "port", NULL};
static const char *const status_names[] = {"active", "suspended", "expired", "draft", NULL};
static const char *const inspection_names[] = {"none", "manual", "machine", "document", NULL};
static const char *const kind_names[] = {"complete", "summary", "advance", "ecommerce_list", NULL};
static const char *const direction_names[] = {"", "import", "export", "both", NULL};
static const char *const transport_modes[] = {"sea", "rail", "road", "air", "post", "other", NULL};

static int name_index(const char *const *names, const char *s)
{
    for (int i = 0; s && names[i]; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

const char *risk_lane_name(risk_lane l) { return lane_names[l]; }
const char *risk_credit_name(risk_credit c) { return credit_names[c]; }
const char *risk_status_name(risk_status s) { return status_names[s]; }
int risk_status_parse(const char *s) { return name_index(status_names, s); }

/* ------------------------------------------------------------------ small helpers */

/* Fills err with a field path built from a printf format. */
static hg_rc bad(hg_err *err, const char *code, const char *field, const char *fmt, const char *detail)
{
    return hg_fail(err, HG_INVALID, code, field, fmt, detail);
}

/* Refuses keys of obj not in allowed; the error names prefix.key. */
static hg_rc reject_unknown(const json_t *obj, const char *const *allowed, const char *prefix, hg_err *err)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v)
    {
        (void)v;
        if (name_index(allowed, key) < 0) {
            char f[64];
            snprintf(f, sizeof f, "%s%s", prefix, key);
            return hg_fail(err, HG_INVALID, "unknown_field", f, "unknown field \"%s\"", key);
        }
    }
    return HG_OK;
}

static int all_digits(const char *s, size_t min, size_t max)
{
    size_t n = strlen(s);
    if (n < min || n > max)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static int check_port(const char *s, const char **why)
{
    if (all_digits(s, 4, 4))
        return 1;
    *why = N_("must be the 4-digit customs code of a port");
    return 0;
}

static int check_hs_prefix(const char *s, const char **why)
{
    if (all_digits(s, 2, 10))
        return 1;
    *why = N_("must be 2 to 10 digits");
    return 0;
}

static int check_bill(const char *s, const char **why)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-')) {
            *why = N_("may hold only letters, digits and '-'");
            return 0;
        }
    if (n >= 1 && n <= 35)
        return 1;
    *why = N_("must be 1 to 35 characters");
    return 0;
}

/* IMO numbers are compared as their 7 digits ("IMO9074729" and "9074729" are one ship). */
static int check_vessel(const char *s, const char **why) { return check_imo(s, why); }
static const char *imo_digits(const char *s) { return strncmp(s, "IMO", 3) == 0 ? s + 3 : s; }

static int check_country2(const char *s, const char **why)
{
    if (strlen(s) != 2) {
        *why = N_("must be an ISO 3166 alpha-2 code");
        return 0;
    }
    return check_country(s, why);
}

/* 1 when s is valid UTF-8 (keywords and descriptions are compared byte-wise after ASCII
 * folding, so a broken sequence in a keyword would never match anything sensible). */
static int utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : (*p >> 5) == 6 ? 1 : (*p >> 4) == 14 ? 2 : (*p >> 3) == 30 ? 3 : -1;
        if (n < 0)
            return 0;
        p++;
        while (n--)
            if ((*p++ >> 6) != 2)
                return 0;
    }
    return 1;
}

static char fold(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c; }

/* Substring search folding Latin letters only (keyword rules: "case-insensitive for Latin
 * letters"); needle is already folded. Multi-byte UTF-8 is compared exactly. */
static int ci_contains(const char *hay, const char *needle)
{
    size_t m = strlen(needle);
    if (!hay || m == 0)
        return 0;
    for (const char *h = hay; *h; h++) {
        size_t i = 0;
        while (i < m && h[i] && fold(h[i]) == needle[i])
            i++;
        if (i == m)
            return 1;
    }
    return 0;
}

/* Cold chain: HS chapters 02 (meat), 03 (fish and seafood), 16 (their preparations), or an
 * item declared frozen/chilled. */
static int item_cold(const risk_item *it)
{
    return it->frozen || strncmp(it->hs_code, "02", 2) == 0 || strncmp(it->hs_code, "03", 2) == 0 ||
           strncmp(it->hs_code, "16", 2) == 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int in_sorted(char *const *vals, int n, const char *v)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, c = strcmp(vals[mid], v);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return 0;
}

/* Matched values are copied on every hit: plain copies and digit loops, not snprintf. */
static void copy_value(char out[RISK_TEXT_MAX], const char *v)
{
    size_t n = strnlen(v, RISK_TEXT_MAX - 1);
    memcpy(out, v, n);
    out[n] = '\0';
}

/* Non-negative v in decimal, with a point before the last `decimals` digits ("1234.56"). */
static void format_number(int64_t v, int decimals, const char *suffix, char out[RISK_TEXT_MAX])
{
    char tmp[32];
    int n = 0;
    uint64_t u = v < 0 ? 0 : (uint64_t)v;
    do {
        if (decimals && n == decimals)
            tmp[n++] = '.';
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u || n <= decimals);
    int o = 0;
    while (n)
        out[o++] = tmp[--n];
    while (*suffix && o < RISK_TEXT_MAX - 1)
        out[o++] = *suffix++;
    out[o] = '\0';
}

/* ------------------------------------------------------------------ condition kinds */

typedef enum cond_shape { SHAPE_SET, SHAPE_MONEY_RANGE, SHAPE_INT_RANGE, SHAPE_PRICE, SHAPE_FLAG } cond_shape;

/* One row per condition kind: how its JSON is parsed and how it is matched. Header kinds
 * read one value of the declaration (header_value); item kinds are matched on one item
 * (match_item), and all item conditions of a rule must hold on the same item. rank orders
 * the kinds for indexing: the anchor of a rule is its condition of highest rank; 0 means
 * the kind cannot be looked up by value. */
typedef struct cond_def {
    const char *name;
    cond_shape shape;
    check_fn check;                                  /* set kinds: validator of each value (NULL: text) */
    int ident;                                       /* set kinds: trim and upper-case values */
    const char *const *enum_values;                  /* set kinds over an enumeration */
    const char *(*header_value)(const risk_decl *d); /* header kinds */
    int (*match_item)(const risk_cond *c, const risk_item *it, char out[RISK_TEXT_MAX]); /* item kinds */
    int rank;
} cond_def;

static const char *hv_trade_country(const risk_decl *d) { return d->trade_country; }
static const char *hv_consignee(const risk_decl *d) { return d->consignee; }
static const char *hv_consignor(const risk_decl *d) { return d->consignor; }
static const char *hv_declarant(const risk_decl *d) { return d->declarant; }
static const char *hv_credit(const risk_decl *d) { return credit_names[d->credit]; }
static const char *hv_transport(const risk_decl *d) { return d->transport_mode; }
static const char *hv_port(const risk_decl *d) { return d->port; }
static const char *hv_kind(const risk_decl *d) { return kind_names[d->kind]; }
static const char *hv_vessel(const risk_decl *d) { return imo_digits(d->vessel_imo); }
static const char *hv_bill(const risk_decl *d) { return d->bill_no; }

static int mi_hs(const risk_cond *c, const risk_item *it, char out[RISK_TEXT_MAX])
{
    char p[11];
    for (int len = 2; len <= 10 && it->hs_code[len - 1]; len++) {
        memcpy(p, it->hs_code, (size_t)len);
        p[len] = '\0';
        if (in_sorted(c->values, c->n_values, p)) {
            copy_value(out, it->hs_code);
            return 1;
        }
    }
    return 0;
}

static int mi_origin(const risk_cond *c, const risk_item *it, char out[RISK_TEXT_MAX])
{
    if (!it->origin[0] || !in_sorted(c->values, c->n_values, it->origin))
        return 0;
    copy_value(out, it->origin);
    return 1;
}

static int mi_value(const risk_cond *c, const risk_item *it, char out[RISK_TEXT_MAX])
{
    if (it->value_fen < c->lo || it->value_fen > c->hi)
        return 0;
    format_number(it->value_fen, 2, "", out);
    return 1;
}

/* Undervaluation: unit price below the reference by more than ratio, i.e.
 * price < reference * (1 - ratio). The reference is at most 10^12 fen and a
 * price above it never matches, so both products stay below 10^18. */
static int mi_price(const risk_cond *c, const risk_item *it, char out[RISK_TEXT_MAX])
{
    if (it->unit_price_fen <= 0 || it->unit_price_fen > c->lo || /* also keeps the product in range */
        it->unit_price_fen * 1000000 >= c->lo * (1000000 - c->hi))
        return 0;
    format_number(it->unit_price_fen, 2, "", out);
    return 1;
}

static int mi_weight(const risk_cond *c, const risk_item *it, char out[RISK_TEXT_MAX])
{
    if (it->gross_weight_g < c->lo || it->gross_weight_g > c->hi)
        return 0;
    format_number(it->gross_weight_g, 0, " g", out);
    return 1;
}

static int mi_keyword(const risk_cond *c, const risk_item *it, char out[RISK_TEXT_MAX])
{
    for (int i = 0; i < c->n_values; i++)
        if (ci_contains(it->description, c->values[i])) {
            copy_value(out, c->values[i]);
            return 1;
        }
    return 0;
}

static int mi_cold(const risk_cond *c, const risk_item *it, char out[RISK_TEXT_MAX])
{
    (void)c;
    if (!item_cold(it))
        return 0;
    copy_value(out, it->hs_code);
    if (it->frozen)
        memcpy(out + strlen(out), " frozen/chilled", sizeof " frozen/chilled");
    return 1;
}

static const cond_def cond_defs[CK__COUNT] = {
    [CK_HS_PREFIX] = {"hs_prefix", SHAPE_SET, check_hs_prefix, 0, NULL, NULL, mi_hs, 50},
    [CK_ORIGIN_COUNTRY] = {"origin_country", SHAPE_SET, check_country2, 1, NULL, NULL, mi_origin, 40},
    [CK_TRADE_COUNTRY] = {"trade_country", SHAPE_SET, check_country2, 1, NULL, hv_trade_country, NULL, 40},
    [CK_CONSIGNEE] = {"consignee", SHAPE_SET, check_uscc, 1, NULL, hv_consignee, NULL, 100},
    [CK_CONSIGNOR] = {"consignor", SHAPE_SET, check_uscc, 1, NULL, hv_consignor, NULL, 100},
    [CK_DECLARANT] = {"declarant", SHAPE_SET, check_uscc, 1, NULL, hv_declarant, NULL, 100},
    [CK_CREDIT_LEVEL] = {"credit_level", SHAPE_SET, NULL, 0, credit_names, hv_credit, NULL, 10},
    [CK_TRANSPORT_MODE] = {"transport_mode", SHAPE_SET, NULL, 0, transport_modes, hv_transport, NULL, 10},
    [CK_PORT] = {"port", SHAPE_SET, check_port, 0, NULL, hv_port, NULL, 30},
    [CK_DECLARATION_KIND] = {"declaration_kind", SHAPE_SET, NULL, 0, kind_names, hv_kind, NULL, 10},
    [CK_ITEM_VALUE] = {"item_value", SHAPE_MONEY_RANGE, NULL, 0, NULL, NULL, mi_value, 0},
    [CK_UNIT_PRICE_BELOW] = {"unit_price_below", SHAPE_PRICE, NULL, 0, NULL, NULL, mi_price, 0},
    [CK_GROSS_WEIGHT] = {"gross_weight", SHAPE_INT_RANGE, NULL, 0, NULL, NULL, mi_weight, 0},
    [CK_KEYWORD] = {"keyword", SHAPE_SET, NULL, 0, NULL, NULL, mi_keyword, 15},
    [CK_COLD_CHAIN] = {"cold_chain", SHAPE_FLAG, NULL, 0, NULL, NULL, mi_cold, 20},
    /* containers are several per declaration: matched by their own loop (header_value NULL) */
    [CK_CONTAINER] = {"container", SHAPE_SET, check_container, 1, NULL, NULL, NULL, 100},
    [CK_VESSEL] = {"vessel_imo", SHAPE_SET, check_vessel, 1, NULL, hv_vessel, NULL, 100},
    [CK_BILL] = {"bill_no", SHAPE_SET, check_bill, 1, NULL, hv_bill, NULL, 100},
};

const char *risk_cond_kind_name(risk_cond_kind k) { return cond_defs[k].name; }

risk_credit risk_credit_lower(risk_credit a, risk_credit b)
{
    /* rank from best to worst: the certified levels, general credit, unknown, dishonest */
    static const int rank[RC__COUNT] = {[RC_ADVANCED_CERTIFIED] = 0, [RC_GENERAL_CERTIFIED] = 1,
                                        [RC_GENERAL_CREDIT] = 2, [RC_UNKNOWN] = 3, [RC_DISHONEST] = 4};
    return rank[a] >= rank[b] ? a : b;
}

static int cond_is_item(risk_cond_kind k) { return cond_defs[k].match_item != NULL; }

/* The kinds that name the enterprise a declaration is for: they hit its declarant too. */
static int is_party(risk_cond_kind k) { return k == CK_CONSIGNEE || k == CK_CONSIGNOR; }

/* Matches a header condition; the matched value goes to out. */
static int match_header(const risk_cond *c, const risk_decl *d, char out[RISK_TEXT_MAX])
{
    if (c->kind == CK_CONTAINER) {
        for (int i = 0; i < d->n_containers; i++)
            if (in_sorted(c->values, c->n_values, d->containers[i])) {
                copy_value(out, d->containers[i]);
                return 1;
            }
        return 0;
    }
    if (is_party(c->kind)) {
        /* an instruction naming a consignee (consignor) hits that enterprise's declaration
         * whoever files it, and its own filings as a declarant for another: naming a
         * certified firm as consignee does not escape it */
        const char *parties[] = {cond_defs[c->kind].header_value(d), d->declarant};
        for (int i = 0; i < 2; i++)
            if (parties[i][0] && in_sorted(c->values, c->n_values, parties[i])) {
                copy_value(out, parties[i]);
                return 1;
            }
        return 0;
    }
    const char *v = cond_defs[c->kind].header_value(d);
    if (!v[0] || !in_sorted(c->values, c->n_values, v))
        return 0;
    copy_value(out, v);
    return 1;
}

/* ------------------------------------------------------------------ rules: parsing */

static void cond_free(risk_cond *c)
{
    for (int i = 0; i < c->n_values; i++)
        xfree(c->values[i]);
    xfree(c->values);
    c->values = NULL;
    c->n_values = 0;
}

void risk_rule_free(risk_rule *r)
{
    if (!r)
        return;
    xfree(r->name);
    xfree(r->issuer);
    xfree(r->note);
    for (int i = 0; i < r->n_ports; i++)
        xfree(r->ports[i]);
    xfree(r->ports);
    for (int i = 0; i < r->n_conds; i++)
        cond_free(&r->conds[i]);
    memset(r, 0, sizeof *r);
}

void risk_rules_free(risk_rule *rules, size_t n)
{
    for (size_t i = 0; rules && i < n; i++)
        risk_rule_free(&rules[i]);
    xfree(rules);
}

/* Parses a JSON array of strings into a sorted, de-duplicated owned list, validating each
 * value with def's checker or enumeration. field names the array ("conditions[0].values"). */
static hg_rc parse_values(const json_t *arr, const cond_def *def, const char *field, char ***out, int *n, hg_err *err)
{
    char f[64];
    if (!json_is_array(arr) || json_array_size(arr) == 0 || json_array_size(arr) > RISK_MAX_VALUES)
        /* TRANSLATORS: 1: field; 2: RISK_MAX_VALUES */
        return hg_fail(err, HG_INVALID, "invalid", field, "%s must be a list of 1 to %d strings", field,
                       RISK_MAX_VALUES);
    size_t cnt = json_array_size(arr);
    char **vals = xcalloc(cnt, sizeof *vals);
    if (!vals)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    hg_rc rc = HG_OK;
    size_t i;
    int k = 0;
    for (i = 0; i < cnt && !rc; i++) {
        json_t *v = json_array_get(arr, i);
        snprintf(f, sizeof f, "%s[%zu]", field, i);
        char tmp[RISK_TEXT_MAX];
        const char *why = N_("is not valid");
        if (!json_is_string(v)) {
            rc = hg_fail(err, HG_INVALID, "wrong_type", f, "%s must be a string", f);
            break;
        }
        const char *s = json_string_value(v);
        if (def->ident) {
            if (ident_normalize(s, tmp, sizeof tmp)) {
                rc = hg_fail(err, HG_INVALID, "invalid", f, "%s is too long", f);
                break;
            }
        } else if (def->enum_values || def->check) {
            if (strlen(s) >= sizeof tmp) {
                rc = hg_fail(err, HG_INVALID, "invalid", f, "%s is too long", f);
                break;
            }
            snprintf(tmp, sizeof tmp, "%s", s);
        } else { /* keyword: UTF-8, folded for the case-insensitive match */
            size_t len = strlen(s);
            if (len == 0 || len >= sizeof tmp || !utf8_valid(s)) {
                rc = hg_fail(err, HG_INVALID, "invalid", f, "%s must be 1 to 63 bytes of UTF-8", f);
                break;
            }
            for (size_t j = 0; j <= len; j++)
                tmp[j] = fold(s[j]);
        }
        if (def->enum_values && name_index(def->enum_values, tmp) < 0) {
            /* TRANSLATORS: 1: f; 2: name */
            rc = hg_fail(err, HG_INVALID, "invalid", f, "%s is not a known %s", f, def->name);
            break;
        }
        if (def->check && !def->check(tmp, &why)) {
            rc = bad(err, "invalid", f, N_("value is not valid: %s"), why);
            break;
        }
        const char *store = def->check == check_vessel ? imo_digits(tmp) : tmp;
        if (!(vals[k++] = xstrdup(store)))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    if (!rc) {
        qsort(vals, (size_t)k, sizeof *vals, cmp_str);
        int w = 0;
        for (int j = 0; j < k; j++) {
            if (w > 0 && strcmp(vals[w - 1], vals[j]) == 0)
                xfree(vals[j]);
            else
                vals[w++] = vals[j];
        }
        k = w;
    }
    if (rc) {
        for (int j = 0; j < k; j++)
            xfree(vals[j]);
        xfree(vals);
        return rc;
    }
    *out = vals;
    *n = k;
    return HG_OK;
}

/* Reads a money member ("1234.56") into *fen; *set says whether it was there. */
static hg_rc get_money(const json_t *o, const char *key, const char *prefix, int64_t *fen, int *set, hg_err *err)
{
    char f[64];
    json_t *v = json_object_get(o, key);
    snprintf(f, sizeof f, "%s%s", prefix, key);
    *set = 0;
    if (!v)
        return HG_OK;
    if (!json_is_string(v))
        return hg_fail(err, HG_INVALID, "wrong_type", f, "%s must be a decimal string such as \"1234.56\"", f);
    hg_err e2;
    if (money_parse(json_string_value(v), fen, &e2) || *fen < 0 || *fen > 1000000000000LL)
        return hg_fail(err, HG_INVALID, "invalid", f, "%s must be an amount from 0 to 10000000000.00", f);
    *set = 1;
    return HG_OK;
}

static hg_rc get_int(const json_t *o, const char *key, const char *prefix, int64_t lo, int64_t hi, int64_t *out,
                     int *set, hg_err *err)
{
    char f[64];
    json_t *v = json_object_get(o, key);
    snprintf(f, sizeof f, "%s%s", prefix, key);
    *set = 0;
    if (!v)
        return HG_OK;
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
        /* TRANSLATORS: 1: f; 2: lo; 3: hi */
        return hg_fail(err, HG_INVALID, "invalid", f, "%s must be an integer from %lld to %lld", f, (long long)lo,
                       (long long)hi);
    *out = json_integer_value(v);
    *set = 1;
    return HG_OK;
}

static const char *const cond_keys_set[] = {"kind", "values", NULL};
static const char *const cond_keys_range[] = {"kind", "min", "max", NULL};
static const char *const cond_keys_price[] = {"kind", "reference", "ratio_ppm", NULL};
static const char *const cond_keys_flag[] = {"kind", NULL};

static hg_rc parse_cond(const json_t *o, int idx, risk_cond *c, hg_err *err)
{
    char prefix[48], f[64];
    snprintf(prefix, sizeof prefix, "conditions[%d].", idx);
    snprintf(f, sizeof f, "%skind", prefix);
    if (!json_is_object(o))
        return hg_fail(err, HG_INVALID, "wrong_type", prefix, "conditions[%d] must be an object", idx);
    json_t *k = json_object_get(o, "kind");
    int ki = -1;
    for (int i = 0; k && json_is_string(k) && i < CK__COUNT; i++)
        if (strcmp(cond_defs[i].name, json_string_value(k)) == 0)
            ki = i;
    if (ki < 0)
        return hg_fail(err, HG_INVALID, "invalid", f, "%s must be one of the condition kinds (hs_prefix, keyword, ...)",
                       f);
    const cond_def *def = &cond_defs[ki];
    c->kind = (risk_cond_kind)ki;
    int set_lo = 0, set_hi = 0;
    hg_rc rc;
    switch (def->shape) {
    case SHAPE_SET:
        if ((rc = reject_unknown(o, cond_keys_set, prefix, err)))
            return rc;
        snprintf(f, sizeof f, "%svalues", prefix);
        return parse_values(json_object_get(o, "values"), def, f, &c->values, &c->n_values, err);
    case SHAPE_MONEY_RANGE:
    case SHAPE_INT_RANGE:
        if ((rc = reject_unknown(o, cond_keys_range, prefix, err)))
            return rc;
        c->lo = 0;
        c->hi = INT64_MAX;
        if (def->shape == SHAPE_MONEY_RANGE) {
            if ((rc = get_money(o, "min", prefix, &c->lo, &set_lo, err)) ||
                (rc = get_money(o, "max", prefix, &c->hi, &set_hi, err)))
                return rc;
        } else if ((rc = get_int(o, "min", prefix, 0, 1000000000000LL, &c->lo, &set_lo, err)) ||
                   (rc = get_int(o, "max", prefix, 0, 1000000000000LL, &c->hi, &set_hi, err))) {
            return rc;
        }
        if (!set_lo && !set_hi)
            return hg_fail(err, HG_INVALID, "required", prefix, "a range needs min, max or both");
        if (!set_hi)
            c->hi = INT64_MAX;
        if (c->lo > c->hi) {
            snprintf(f, sizeof f, "%smax", prefix);
            return hg_fail(err, HG_INVALID, "invalid", f, "the range is inverted: max is below min");
        }
        return HG_OK;
    case SHAPE_PRICE:
        if ((rc = reject_unknown(o, cond_keys_price, prefix, err)) ||
            (rc = get_money(o, "reference", prefix, &c->lo, &set_lo, err)) ||
            (rc = get_int(o, "ratio_ppm", prefix, 1, 1000000, &c->hi, &set_hi, err)))
            return rc;
        if (!set_lo || c->lo <= 0 || !set_hi)
            return hg_fail(err, HG_INVALID, "required", prefix,
                           "unit_price_below needs a positive reference and ratio_ppm (1 to 1000000)");
        return HG_OK;
    case SHAPE_FLAG:
        return reject_unknown(o, cond_keys_flag, prefix, err);
    }
    return HG_OK;
}

static hg_rc get_enum(const json_t *o, const char *key, const char *field, const char *const *names, int required,
                      int *out, hg_err *err)
{
    json_t *v = json_object_get(o, key);
    if (!v) {
        if (required)
            return hg_fail(err, HG_INVALID, "required", field, "%s is required", field);
        return HG_OK;
    }
    int i = json_is_string(v) ? name_index(names, json_string_value(v)) : -1;
    if (i < 0 || !names[i][0]) {
        char list[160] = "";
        size_t off = 0;
        for (int j = 0; names[j] && off < sizeof list; j++)
            if (names[j][0])
                off += (size_t)snprintf(list + off, sizeof list - off, "%s%s", off ? ", " : "", names[j]);
        /* TRANSLATORS: 1: field; 2: list */
        return hg_fail(err, HG_INVALID, "invalid", field, "%s must be one of %s", field, list);
    }
    *out = i;
    return HG_OK;
}

static hg_rc get_text(const json_t *o, const char *key, int required, int maxchars, char **out, hg_err *err)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v)) {
        if (required)
            return hg_fail(err, HG_INVALID, "required", key, "%s is required", key);
        return HG_OK;
    }
    const char *s = json_is_string(v) ? json_string_value(v) : NULL;
    long chars = 0;
    for (const char *p = s; p && *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    if (!s || (required && chars == 0) || chars > maxchars)
        /* TRANSLATORS: 1: key; 2: required ? 1 : 0; 3: maxchars */
        return hg_fail(err, HG_INVALID, "invalid", key, "%s must be a string of %d to %d characters", key,
                       required ? 1 : 0, maxchars);
    xfree(*out);
    if (!(*out = xstrdup(s)))
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return HG_OK;
}

static hg_rc get_time(const json_t *o, const char *key, int64_t *ms, hg_err *err)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return HG_OK;
    if (!json_is_string(v) || time_parse_rfc3339(json_string_value(v), ms))
        return hg_fail(err, HG_INVALID, "invalid", key, "%s must be an RFC 3339 time with offset", key);
    return HG_OK;
}

static const char *const rule_keys[] = {"id",    "name",       "source", "issuer", "valid_from", "valid_to",   "status",
                                        "scope", "conditions", "action", "note",   "created_at", "updated_at", NULL};
static const char *const server_keys[] = {"id", "status", "created_at", "updated_at", NULL};
static const char *const scope_keys[] = {"direction", "ports", NULL};
static const char *const action_keys[] = {"lane", "inspection", "sampling", "fire_ppm", NULL};
static const char *const sampling_keys[] = {"kind", "rate_ppm", NULL};

static hg_rc parse_scope(const json_t *s, risk_rule *r, hg_err *err)
{
    int dir = RISK_BOTH;
    hg_rc rc;
    if (!s)
        goto done;
    if (!json_is_object(s))
        return hg_fail(err, HG_INVALID, "wrong_type", "scope", "scope must be an object");
    if ((rc = reject_unknown(s, scope_keys, "scope.", err)) ||
        (rc = get_enum(s, "direction", "scope.direction", direction_names, 0, &dir, err)))
        return rc;
    json_t *ports = json_object_get(s, "ports");
    if (ports && !(json_is_array(ports) && json_array_size(ports) == 0)) {
        static const cond_def port_def = {"port", SHAPE_SET, check_port, 0, NULL, NULL, NULL, 0};
        if ((rc = parse_values(ports, &port_def, "scope.ports", &r->ports, &r->n_ports, err)))
            return rc;
    }
done:
    r->directions = dir;
    return HG_OK;
}

static hg_rc parse_action(const json_t *a, risk_rule *r, hg_err *err)
{
    int lane = -1, insp = INSP_NONE;
    hg_rc rc;
    if (!json_is_object(a))
        return hg_fail(err, HG_INVALID, a ? "wrong_type" : "required", "action",
                       "action is required: an object with lane, inspection, sampling, fire_ppm");
    if ((rc = reject_unknown(a, action_keys, "action.", err)) ||
        (rc = get_enum(a, "lane", "action.lane", lane_names, 1, &lane, err)) ||
        (rc = get_enum(a, "inspection", "action.inspection", inspection_names, 0, &insp, err)))
        return rc;
    if (lane == LANE_GREEN)
        return hg_fail(err, HG_INVALID, "invalid", "action.lane", "action.lane must be red, yellow or blue");
    r->lane = (risk_lane)lane;
    r->inspection = (risk_inspection)insp;
    int64_t fire = 1000000;
    int set;
    if ((rc = get_int(a, "fire_ppm", "action.", 0, 1000000, &fire, &set, err)))
        return rc;
    r->fire_ppm = (uint32_t)fire;
    json_t *smp = json_object_get(a, "sampling");
    if (!smp)
        return HG_OK;
    if (!json_is_array(smp) || json_array_size(smp) > RISK_MAX_SAMPLING)
        return hg_fail(err, HG_INVALID, "invalid", "action.sampling",
                       "action.sampling must be a list of at most %d orders", RISK_MAX_SAMPLING);
    for (size_t i = 0; i < json_array_size(smp); i++) {
        json_t *o = json_array_get(smp, i);
        char prefix[48], f[64];
        snprintf(prefix, sizeof prefix, "action.sampling[%zu].", i);
        snprintf(f, sizeof f, "%skind", prefix);
        if (!json_is_object(o))
            return hg_fail(err, HG_INVALID, "wrong_type", prefix, "each sampling order must be an object");
        if ((rc = reject_unknown(o, sampling_keys, prefix, err)))
            return rc;
        json_t *k = json_object_get(o, "kind");
        const char *ks = json_is_string(k) ? json_string_value(k) : "";
        size_t kl = strlen(ks);
        int ok = kl >= 2 && kl < sizeof r->sampling[0].kind;
        for (size_t j = 0; j < kl && ok; j++)
            ok = (ks[j] >= 'a' && ks[j] <= 'z') || ks[j] == '_' || (ks[j] >= '0' && ks[j] <= '9');
        if (!ok)
            return hg_fail(err, HG_INVALID, "invalid", f, "%s must be a name such as nucleic_acid or lab_quality", f);
        int64_t rate = 0;
        if ((rc = get_int(o, "rate_ppm", prefix, 0, 1000000, &rate, &set, err)))
            return rc;
        if (!set) {
            snprintf(f, sizeof f, "%srate_ppm", prefix);
            return hg_fail(err, HG_INVALID, "required", f, "%s is required (0 to 1000000)", f);
        }
        snprintf(r->sampling[r->n_sampling].kind, sizeof r->sampling[0].kind, "%s", ks);
        r->sampling[r->n_sampling++].rate_ppm = (uint32_t)rate;
    }
    return HG_OK;
}

static hg_rc rule_from_json(const json_t *body, int allow_server, risk_rule *r, hg_err *err);

/* A refused rule keeps nothing: what was parsed before the refusal (its name, issuer, ...)
 * is freed here, so that no caller leaks it (the import of a bad line did). */
hg_rc risk_rule_from_json(const json_t *body, int allow_server, risk_rule *r, hg_err *err)
{
    hg_rc rc = rule_from_json(body, allow_server, r, err);
    if (rc)
        risk_rule_free(r);
    return rc;
}

static hg_rc rule_from_json(const json_t *body, int allow_server, risk_rule *r, hg_err *err)
{
    hg_rc rc;
    memset(r, 0, sizeof *r);
    if (!json_is_object(body))
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a rule must be a JSON object");
    if ((rc = reject_unknown(body, rule_keys, "", err)))
        return rc;
    if (!allow_server)
        for (const char *const *k = server_keys; *k; k++)
            if (json_object_get(body, *k))
                return hg_fail(err, HG_INVALID, "read_only", *k, "%s is set by the server", *k);
    int src = -1, st = ST_ACTIVE;
    json_t *id = json_object_get(body, "id");
    if (id && json_is_integer(id))
        r->id = json_integer_value(id);
    if ((rc = get_text(body, "name", 1, 200, &r->name, err)) ||
        (rc = get_text(body, "issuer", 0, 100, &r->issuer, err)) ||
        (rc = get_text(body, "note", 0, 1000, &r->note, err)) ||
        (rc = get_enum(body, "source", "source", source_names, 1, &src, err)) ||
        (rc = get_enum(body, "status", "status", status_names, 0, &st, err)) ||
        (rc = get_time(body, "valid_from", &r->valid_from_ms, err)) ||
        (rc = get_time(body, "valid_to", &r->valid_to_ms, err)))
        return rc;
    r->source = (risk_source)src;
    r->status = (risk_status)st;
    if (r->valid_from_ms && r->valid_to_ms && r->valid_to_ms <= r->valid_from_ms)
        return hg_fail(err, HG_INVALID, "invalid", "valid_to", "valid_to must be after valid_from");
    if ((rc = parse_scope(json_object_get(body, "scope"), r, err)))
        return rc;
    json_t *conds = json_object_get(body, "conditions");
    if (!json_is_array(conds) || json_array_size(conds) == 0 || json_array_size(conds) > RISK_MAX_CONDS)
        return hg_fail(err, HG_INVALID, conds ? "invalid" : "required", "conditions",
                       "conditions must be a list of 1 to %d conditions, all of which must hold", RISK_MAX_CONDS);
    for (size_t i = 0; i < json_array_size(conds); i++) {
        rc = parse_cond(json_array_get(conds, i), (int)i, &r->conds[r->n_conds], err);
        r->n_conds++; /* counted even on failure so that risk_rule_free frees its values */
        if (rc)
            return rc;
        for (size_t j = 0; j < i; j++)
            if (r->conds[j].kind == r->conds[i].kind) {
                char f[48];
                snprintf(f, sizeof f, "conditions[%zu].kind", i);
                return hg_fail(err, HG_INVALID, "invalid", f, "each condition kind may appear once in a rule");
            }
    }
    return parse_action(json_object_get(body, "action"), r, err);
}

/* ------------------------------------------------------------------ rules: serializing */

static json_t *str_array(char *const *v, int n)
{
    json_t *a = json_array();
    for (int i = 0; a && i < n; i++)
        if (json_array_append_new(a, json_string(v[i])))
            json_decref(a), a = NULL;
    return a;
}

static json_t *cond_to_json(const risk_cond *c)
{
    const cond_def *def = &cond_defs[c->kind];
    json_t *o = json_pack("{s:s}", "kind", def->name);
    char m[32];
    int bad_set = 0;
    if (!o)
        return NULL;
    switch (def->shape) {
    case SHAPE_SET:
        bad_set = json_object_set_new(o, "values", str_array(c->values, c->n_values));
        break;
    case SHAPE_MONEY_RANGE:
        if (c->lo > 0) {
            money_format(c->lo, m, sizeof m);
            bad_set |= json_object_set_new(o, "min", json_string(m));
        }
        if (c->hi != INT64_MAX) {
            money_format(c->hi, m, sizeof m);
            bad_set |= json_object_set_new(o, "max", json_string(m));
        }
        break;
    case SHAPE_INT_RANGE:
        if (c->lo > 0)
            bad_set |= json_object_set_new(o, "min", json_integer(c->lo));
        if (c->hi != INT64_MAX)
            bad_set |= json_object_set_new(o, "max", json_integer(c->hi));
        break;
    case SHAPE_PRICE:
        money_format(c->lo, m, sizeof m);
        bad_set = json_object_set_new(o, "reference", json_string(m)) ||
                  json_object_set_new(o, "ratio_ppm", json_integer(c->hi));
        break;
    case SHAPE_FLAG:
        break;
    }
    if (bad_set)
        json_decref(o), o = NULL;
    return o;
}

static json_t *time_or_null(int64_t ms)
{
    char t[40];
    if (!ms)
        return json_null();
    time_format_rfc3339(ms, t, sizeof t);
    return json_string(t);
}

json_t *risk_rule_to_json(const risk_rule *r)
{
    json_t *conds = json_array(), *smp = json_array();
    for (int i = 0; conds && i < r->n_conds; i++)
        if (json_array_append_new(conds, cond_to_json(&r->conds[i])))
            json_decref(conds), conds = NULL;
    for (int i = 0; smp && i < r->n_sampling; i++)
        if (json_array_append_new(smp, json_pack("{s:s, s:I}", "kind", r->sampling[i].kind, "rate_ppm",
                                                 (json_int_t)r->sampling[i].rate_ppm)))
            json_decref(smp), smp = NULL;
    if (!conds || !smp) {
        json_decref(conds);
        json_decref(smp);
        return NULL;
    }
    json_t *o =
        json_pack("{s:s, s:s, s:s?, s:o, s:o, s:s, s:{s:s, s:o}, s:o, s:{s:s, s:s, s:o, s:I}, s:s?}", "name", r->name,
                  "source", source_names[r->source], "issuer", r->issuer, "valid_from", time_or_null(r->valid_from_ms),
                  "valid_to", time_or_null(r->valid_to_ms), "status", status_names[r->status], "scope", "direction",
                  direction_names[r->directions], "ports", str_array(r->ports, r->n_ports), "conditions", conds,
                  "action", "lane", lane_names[r->lane], "inspection", inspection_names[r->inspection], "sampling", smp,
                  "fire_ppm", (json_int_t)r->fire_ppm, "note", r->note);
    if (o && r->id && json_object_set_new(o, "id", json_integer(r->id)))
        json_decref(o), o = NULL;
    return o;
}

/* ------------------------------------------------------------------ declarations */

void risk_decl_free(risk_decl *d)
{
    if (!d)
        return;
    xfree(d->items);
    xfree(d->containers);
    json_decref(d->src);
    memset(d, 0, sizeof *d);
}

static const char *const decl_keys[] = {
    "id",        "direction", "kind",      "port",         "transport_mode", "trade_country",
    "consignee", "consignor", "declarant", "credit_level", "containers",     "vessel_imo",
    "bill_no",   "items",     NULL};
static const char *const item_keys[] = {"hs_code",    "origin",         "description", "value",
                                        "unit_price", "gross_weight_g", "frozen",      NULL};

/* A text member of a declaration, identifier-normalized and validated, into out. */
static hg_rc decl_ident(const json_t *o, const char *key, const char *field, check_fn check, char *out, size_t n,
                        hg_err *err)
{
    json_t *v = json_object_get(o, key);
    const char *why = N_("is not valid");
    out[0] = '\0';
    if (!v || json_is_null(v))
        return HG_OK;
    if (!json_is_string(v))
        return hg_fail(err, HG_INVALID, "wrong_type", field, "%s must be a string", field);
    if (ident_normalize(json_string_value(v), out, n))
        return hg_fail(err, HG_INVALID, "invalid", field, "%s is too long", field);
    if (check && !check(out, &why))
        /* TRANSLATORS: 1: field; 2: why */
        return hg_fail(err, HG_INVALID, "invalid", field, "%s is not valid: %s", field, why);
    return HG_OK;
}

static hg_rc parse_item(const json_t *o, int i, risk_item *it, hg_err *err)
{
    char prefix[40], f[64];
    hg_rc rc;
    int set;
    snprintf(prefix, sizeof prefix, "items[%d].", i);
    if (!json_is_object(o))
        return hg_fail(err, HG_INVALID, "wrong_type", prefix, "items[%d] must be an object", i);
    if ((rc = reject_unknown(o, item_keys, prefix, err)))
        return rc;
    snprintf(f, sizeof f, "%shs_code", prefix);
    if (!json_object_get(o, "hs_code"))
        return hg_fail(err, HG_INVALID, "required", f, "%s is required", f);
    if ((rc = decl_ident(o, "hs_code", f, check_hs, it->hs_code, sizeof it->hs_code, err)))
        return rc;
    snprintf(f, sizeof f, "%sorigin", prefix);
    if ((rc = decl_ident(o, "origin", f, check_country2, it->origin, sizeof it->origin, err)))
        return rc;
    json_t *desc = json_object_get(o, "description");
    if (desc && !json_is_string(desc)) {
        snprintf(f, sizeof f, "%sdescription", prefix);
        return hg_fail(err, HG_INVALID, "wrong_type", f, "%s must be a string", f);
    }
    it->description = desc ? json_string_value(desc) : NULL; /* jansson keeps strings valid UTF-8 */
    if ((rc = get_money(o, "value", prefix, &it->value_fen, &set, err)) ||
        (rc = get_money(o, "unit_price", prefix, &it->unit_price_fen, &set, err)) ||
        (rc = get_int(o, "gross_weight_g", prefix, 0, 1000000000000LL, &it->gross_weight_g, &set, err)))
        return rc;
    json_t *fr = json_object_get(o, "frozen");
    if (fr && !json_is_boolean(fr)) {
        snprintf(f, sizeof f, "%sfrozen", prefix);
        return hg_fail(err, HG_INVALID, "wrong_type", f, "%s must be true or false", f);
    }
    it->frozen = fr && json_is_true(fr);
    return HG_OK;
}

hg_rc risk_decl_from_json(const json_t *body, risk_decl *d, hg_err *err)
{
    hg_rc rc;
    int dir = -1, kind = RK_COMPLETE, credit = RC_UNKNOWN, tm = -1;
    memset(d, 0, sizeof *d);
    if (!json_is_object(body))
        return hg_fail(err, HG_INVALID, "malformed_json", "", "a declaration must be a JSON object");
    d->src = json_incref((json_t *)body);
    if ((rc = reject_unknown(body, decl_keys, "", err)))
        return rc;
    json_t *id = json_object_get(body, "id");
    if (!json_is_string(id) || !json_string_length(id) || json_string_length(id) >= sizeof d->id)
        return hg_fail(err, HG_INVALID, id ? "invalid" : "required", "id",
                       "id is required: the declaration's number, 1 to 47 characters");
    snprintf(d->id, sizeof d->id, "%s", json_string_value(id));
    if ((rc = get_enum(body, "direction", "direction", direction_names, 1, &dir, err)) ||
        (rc = get_enum(body, "kind", "kind", kind_names, 0, &kind, err)) ||
        (rc = get_enum(body, "credit_level", "credit_level", credit_names, 0, &credit, err)) ||
        (rc = get_enum(body, "transport_mode", "transport_mode", transport_modes, 0, &tm, err)))
        return rc;
    if (dir == RISK_BOTH)
        return hg_fail(err, HG_INVALID, "invalid", "direction", "direction must be import or export");
    d->direction = dir;
    d->kind = (risk_decl_kind)kind;
    d->credit = (risk_credit)credit;
    if (tm >= 0)
        snprintf(d->transport_mode, sizeof d->transport_mode, "%s", transport_modes[tm]);
    if ((rc = decl_ident(body, "port", "port", check_port, d->port, sizeof d->port, err)) ||
        (rc = decl_ident(body, "trade_country", "trade_country", check_country2, d->trade_country,
                         sizeof d->trade_country, err)) ||
        (rc = decl_ident(body, "consignee", "consignee", check_uscc, d->consignee, sizeof d->consignee, err)) ||
        (rc = decl_ident(body, "consignor", "consignor", check_uscc, d->consignor, sizeof d->consignor, err)) ||
        (rc = decl_ident(body, "declarant", "declarant", check_uscc, d->declarant, sizeof d->declarant, err)) ||
        (rc = decl_ident(body, "vessel_imo", "vessel_imo", check_imo, d->vessel_imo, sizeof d->vessel_imo, err)) ||
        (rc = decl_ident(body, "bill_no", "bill_no", check_bill, d->bill_no, sizeof d->bill_no, err)))
        return rc;
    json_t *cs = json_object_get(body, "containers");
    if (cs) {
        if (!json_is_array(cs) || json_array_size(cs) > RISK_MAX_CONTAINERS)
            return hg_fail(err, HG_INVALID, "invalid", "containers", "containers must be a list of at most %d numbers",
                           RISK_MAX_CONTAINERS);
        if (json_array_size(cs) && !(d->containers = xcalloc(json_array_size(cs), sizeof *d->containers)))
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        for (size_t i = 0; i < json_array_size(cs); i++) {
            json_t *w = json_pack("{s:O}", "c", json_array_get(cs, i));
            char f[48];
            snprintf(f, sizeof f, "containers[%zu]", i);
            rc = w ? decl_ident(w, "c", f, check_container, d->containers[i], sizeof d->containers[i], err) : HG_NOMEM;
            json_decref(w);
            if (rc)
                return rc == HG_NOMEM ? hg_fail(err, rc, NULL, NULL, "out of memory") : rc;
            if (!d->containers[i][0])
                return hg_fail(err, HG_INVALID, "invalid", f, "%s must be a container number", f);
            d->n_containers++;
        }
    }
    json_t *items = json_object_get(body, "items");
    if (items) {
        if (!json_is_array(items) || json_array_size(items) > RISK_MAX_ITEMS)
            return hg_fail(err, HG_INVALID, "invalid", "items", "items must be a list of at most %d items",
                           RISK_MAX_ITEMS);
        if (json_array_size(items) && !(d->items = xcalloc(json_array_size(items), sizeof *d->items)))
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        for (size_t i = 0; i < json_array_size(items); i++) {
            if ((rc = parse_item(json_array_get(items, i), (int)i, &d->items[i], err)))
                return rc;
            d->n_items++;
        }
    }
    return HG_OK;
}

/* Money in fen as the decimal string get_money reads ("-12.05" for -1205). */
static json_t *money_json(int64_t fen)
{
    char t[32];
    uint64_t a = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
    snprintf(t, sizeof t, "%s%llu.%02llu", fen < 0 ? "-" : "", (unsigned long long)(a / 100),
             (unsigned long long)(a % 100));
    return json_string(t);
}

/* Sets key to a string unless it is empty (an absent member reads back as empty). */
static int set_text(json_t *o, const char *key, const char *v)
{
    return v[0] ? json_object_set_new(o, key, json_string(v)) : 0;
}

json_t *risk_decl_to_json(const risk_decl *d)
{
    json_t *o = json_object(), *items = json_array(), *cs = json_array();
    int bad = !o || !items || !cs;
    for (int i = 0; !bad && i < d->n_containers; i++)
        bad = json_array_append_new(cs, json_string(d->containers[i]));
    for (int i = 0; !bad && i < d->n_items; i++) {
        const risk_item *it = &d->items[i];
        json_t *j = json_pack("{s:s, s:o, s:o, s:I, s:b}", "hs_code", it->hs_code, "value", money_json(it->value_fen),
                              "unit_price", money_json(it->unit_price_fen), "gross_weight_g",
                              (json_int_t)it->gross_weight_g, "frozen", it->frozen);
        bad = !j || set_text(j, "origin", it->origin) ||
              (it->description && json_object_set_new(j, "description", json_string(it->description)));
        bad = json_array_append_new(items, j) || bad;
    }
    if (!bad)
        bad = json_object_set_new(o, "id", json_string(d->id)) ||
              json_object_set_new(o, "direction", json_string(direction_names[d->direction & RISK_BOTH])) ||
              json_object_set_new(o, "kind", json_string(kind_names[d->kind])) || set_text(o, "port", d->port) ||
              set_text(o, "transport_mode", d->transport_mode) || set_text(o, "trade_country", d->trade_country) ||
              set_text(o, "consignee", d->consignee) || set_text(o, "consignor", d->consignor) ||
              set_text(o, "declarant", d->declarant) || set_text(o, "vessel_imo", d->vessel_imo) ||
              set_text(o, "bill_no", d->bill_no) ||
              (d->credit != RC_UNKNOWN && json_object_set_new(o, "credit_level", json_string(credit_names[d->credit])));
    if (!bad) {
        bad = json_object_set(o, "containers", cs) || json_object_set(o, "items", items);
    }
    json_decref(cs);
    json_decref(items);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* ------------------------------------------------------------------ configuration */

void risk_config_default(risk_config *c)
{
    memset(c, 0, sizeof *c);
    c->base_ppm_import = 50000;
    c->base_ppm_export = 20000;
    /* DESIGN.md §5: advanced certified at most 20% of general credit's rate, general
     * certified at most 50%, dishonest at least 80% of declarations */
    c->credit_share_ppm[RC_ADVANCED_CERTIFIED] = 200000;
    c->credit_share_ppm[RC_GENERAL_CERTIFIED] = 500000;
    c->credit_share_ppm[RC_GENERAL_CREDIT] = 1000000;
    c->credit_share_ppm[RC_DISHONEST] = 1000000;
    c->credit_share_ppm[RC_UNKNOWN] = 1000000;
    c->dishonest_min_ppm = 800000;
    c->random_lane = LANE_RED;
    c->random_inspection = INSP_MANUAL;
}

uint32_t risk_random_rate(const risk_config *c, int direction, risk_credit credit)
{
    uint64_t base = direction == RISK_EXPORT ? c->base_ppm_export : c->base_ppm_import;
    uint64_t rate = base * c->credit_share_ppm[credit] / 1000000;
    if (credit == RC_DISHONEST && rate < c->dishonest_min_ppm)
        rate = c->dishonest_min_ppm;
    return rate > 1000000 ? 1000000 : (uint32_t)rate;
}

uint32_t risk_draw(const unsigned char secret[RISK_SECRET_BYTES], const char *purpose, const char *decl_id,
                   int64_t rule_id)
{
    /* purpose, id and rule separated by NUL so that no two inputs share an encoding */
    crypto_generichash_state st;
    unsigned char out[8];
    char rid[24];
    int n = snprintf(rid, sizeof rid, "%lld", (long long)rule_id);
    crypto_generichash_init(&st, secret, RISK_SECRET_BYTES, sizeof out);
    crypto_generichash_update(&st, (const unsigned char *)purpose, strlen(purpose) + 1);
    crypto_generichash_update(&st, (const unsigned char *)decl_id, strlen(decl_id) + 1);
    crypto_generichash_update(&st, (const unsigned char *)rid, (size_t)n);
    crypto_generichash_final(&st, out, sizeof out);
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | out[i];
    return (uint32_t)(v % 1000000); /* bias below 1e-13: irrelevant for rates */
}

/* ------------------------------------------------------------------ compiled sets */

typedef struct slot {
    uint64_t hash;
    const char *value;     /* borrowed from a rule of the set */
    uint32_t start, count; /* postings */
    uint8_t kind;
    uint8_t used;
} slot;

struct risk_set {
    atomic_long refs;
    risk_rule *rules; /* active rules, sorted by id; owned */
    size_t n;
    slot *slots; /* open addressing, capacity a power of two */
    size_t cap;
    uint32_t *postings; /* rule indexes, grouped by key */
    uint32_t *always;   /* rules without an indexable condition */
    size_t n_always;
    unsigned kinds_indexed; /* bit per condition kind present in the index */
    unsigned hs_lengths;    /* bit per HS prefix length present in the index */
    /* keywords: an Aho-Corasick automaton over folded bytes, as a dense DFA, so that a
     * description is scanned once whatever the number of keyword rules */
    int32_t *ac_next;      /* ac_nodes * ac_classes transitions */
    uint8_t ac_class[256]; /* folded byte -> class; bytes in no keyword share class 0 */
    size_t ac_classes;
    int32_t *ac_out;               /* per node: nearest node on the failure chain with postings, or 0 */
    uint32_t *ac_start, *ac_count; /* per node: its postings in ac_post */
    uint32_t *ac_post;
    size_t ac_nodes;
    risk_config cfg;
    unsigned char secret[RISK_SECRET_BYTES];
    int64_t generation;
};

static uint64_t key_hash(int kind, const char *v)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)kind; /* FNV-1a */
    for (; *v; v++)
        h = (h ^ (unsigned char)*v) * 1099511628211ULL;
    return h;
}

static const slot *lookup_hashed(const risk_set *s, int kind, const char *v, uint64_t h)
{
    if (!s->cap)
        return NULL;
    for (size_t i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        const slot *e = &s->slots[i];
        if (!e->used)
            return NULL;
        if (e->hash == h && e->kind == kind && strcmp(e->value, v) == 0)
            return e;
    }
}

static const slot *lookup(const risk_set *s, int kind, const char *v)
{
    return lookup_hashed(s, kind, v, key_hash(kind, v));
}

typedef struct posting {
    const char *value;
    uint32_t rule;
    uint8_t kind;
} posting;

static int cmp_posting(const void *a, const void *b)
{
    const posting *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind - y->kind;
    int c = strcmp(x->value, y->value);
    return c ? c : (x->rule > y->rule) - (x->rule < y->rule);
}

static int cmp_rule_id(const void *a, const void *b)
{
    const risk_rule *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

/* The condition a rule is filed under, or -1 for the always-check list. */
static int anchor_of(const risk_rule *r)
{
    int best = -1, best_rank = 0;
    for (int i = 0; i < r->n_conds; i++) {
        int rank = cond_defs[r->conds[i].kind].rank;
        if (r->conds[i].kind == CK_HS_PREFIX) { /* longer prefixes are more selective */
            int shortest = 10;
            for (int j = 0; j < r->conds[i].n_values; j++)
                if ((int)strlen(r->conds[i].values[j]) < shortest)
                    shortest = (int)strlen(r->conds[i].values[j]);
            rank += shortest * 5;
        }
        if (rank > best_rank)
            best = i, best_rank = rank;
    }
    return best;
}

static void set_free(risk_set *s)
{
    risk_rules_free(s->rules, s->n);
    xfree(s->slots);
    xfree(s->postings);
    xfree(s->always);
    xfree(s->ac_next);
    xfree(s->ac_out);
    xfree(s->ac_start);
    xfree(s->ac_count);
    xfree(s->ac_post);
    sodium_memzero(s->secret, sizeof s->secret);
    xfree(s);
}

static const char cold_key[] = "1";

#define AC_MAX_NODES 65536 /* 64 MiB of transitions at most; beyond, keyword rules are checked always */

typedef struct kw_posting {
    const char *word;
    uint32_t rule;
    uint32_t node;
} kw_posting;

static int cmp_kw_node(const void *a, const void *b)
{
    const kw_posting *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    return (x->rule > y->rule) - (x->rule < y->rule);
}

/* Builds the keyword automaton from kws (folded words and their rules). HG_NOMEM, or
 * HG_TOOBIG when the words need more than AC_MAX_NODES states. */
static hg_rc ac_build(risk_set *s, kw_posting *kws, size_t n)
{
    size_t total = 1;
    for (size_t i = 0; i < n; i++)
        total += strlen(kws[i].word);
    if (total > AC_MAX_NODES)
        return HG_TOOBIG;
    /* bytes that occur in no keyword all behave alike: one class keeps the table small */
    size_t K = 1;
    memset(s->ac_class, 0, sizeof s->ac_class);
    for (size_t i = 0; i < n; i++)
        for (const unsigned char *c = (const unsigned char *)kws[i].word; *c; c++)
            if (!s->ac_class[*c] && K < 256)
                s->ac_class[*c] = (uint8_t)K++;
    if (K >= 256) /* every byte value used: 256 classes do not fit uint8; keep one per byte */
        for (int c = 0; c < 256; c++)
            s->ac_class[c] = (uint8_t)c;
    s->ac_classes = K = K >= 256 ? 256 : K;
    int32_t *next = xmalloc(total * K * sizeof *next), *fail = xcalloc(total, sizeof *fail),
            *queue = xcalloc(total, sizeof *queue);
    s->ac_out = xcalloc(total, sizeof *s->ac_out);
    s->ac_start = xcalloc(total, sizeof *s->ac_start);
    s->ac_count = xcalloc(total, sizeof *s->ac_count);
    s->ac_post = xcalloc(n ? n : 1, sizeof *s->ac_post);
    if (!next || !fail || !queue || !s->ac_out || !s->ac_start || !s->ac_count || !s->ac_post) {
        xfree(next);
        xfree(fail);
        xfree(queue);
        return HG_NOMEM;
    }
    memset(next, 0xff, total * K * sizeof *next); /* -1: no edge yet */
    size_t nodes = 1;
    for (size_t i = 0; i < n; i++) { /* the trie */
        int32_t u = 0;
        for (const unsigned char *c = (const unsigned char *)kws[i].word; *c; c++) {
            if (next[(size_t)u * K + s->ac_class[*c]] < 0)
                next[(size_t)u * K + s->ac_class[*c]] = (int32_t)nodes++;
            u = next[(size_t)u * K + s->ac_class[*c]];
        }
        kws[i].node = (uint32_t)u;
    }
    size_t head = 0, tail = 0; /* breadth first: failure links and the completed DFA */
    for (size_t c = 0; c < K; c++) {
        int32_t v = next[c];
        if (v < 0)
            next[c] = 0;
        else
            fail[v] = 0, queue[tail++] = v;
    }
    qsort(kws, n, sizeof *kws, cmp_kw_node);
    for (size_t i = 0; i < n; i++) {
        if (!s->ac_count[kws[i].node])
            s->ac_start[kws[i].node] = (uint32_t)i;
        s->ac_count[kws[i].node]++;
        s->ac_post[i] = kws[i].rule;
    }
    while (head < tail) {
        int32_t u = queue[head++];
        int32_t f = fail[u];
        s->ac_out[u] = s->ac_count[f] ? f : s->ac_out[f];
        for (size_t c = 0; c < K; c++) {
            int32_t v = next[(size_t)u * K + c];
            if (v < 0) {
                next[(size_t)u * K + c] = next[(size_t)f * K + c];
            } else {
                fail[v] = next[(size_t)f * K + c];
                queue[tail++] = v;
            }
        }
    }
    xfree(fail);
    xfree(queue);
    s->ac_next = next;
    s->ac_nodes = nodes;
    return HG_OK;
}

hg_rc risk_set_compile(risk_rule *rules, size_t n, const risk_config *cfg,
                       const unsigned char secret[RISK_SECRET_BYTES], int64_t generation, risk_set **out, hg_err *err)
{
    posting *ps = NULL;
    kw_posting *kws = NULL;
    size_t nps = 0, capps = 0, nkw = 0, capkw = 0;
    risk_set *s = xcalloc(1, sizeof *s);
    *out = NULL;
    if (sodium_init() < 0 || !s)
        goto nomem;
    atomic_init(&s->refs, 1);
    s->cfg = *cfg;
    memcpy(s->secret, secret, RISK_SECRET_BYTES);
    s->generation = generation;
    /* keep the active rules (moved, not copied), free the others */
    s->rules = rules;
    for (size_t i = 0; i < n; i++) {
        if (rules[i].status == ST_ACTIVE)
            s->rules[s->n++] = rules[i];
        else
            risk_rule_free(&rules[i]);
    }
    rules = NULL;
    qsort(s->rules, s->n, sizeof *s->rules, cmp_rule_id);
    if (s->n && !(s->always = xcalloc(s->n, sizeof *s->always)))
        goto nomem;
    for (size_t i = 0; i < s->n; i++) {
        int a = anchor_of(&s->rules[i]);
        if (a < 0) {
            s->always[s->n_always++] = (uint32_t)i;
            continue;
        }
        const risk_cond *c = &s->rules[i].conds[a];
        if (c->kind == CK_KEYWORD) {
            if (nkw + (size_t)c->n_values > capkw) {
                size_t nc = (capkw + (size_t)c->n_values) * 2;
                kw_posting *np = xrealloc(kws, nc * sizeof *np);
                if (!np)
                    goto nomem;
                kws = np, capkw = nc;
            }
            for (int j = 0; j < c->n_values; j++)
                kws[nkw++] = (kw_posting){c->values[j], (uint32_t)i, 0};
            continue;
        }
        int nv = c->kind == CK_COLD_CHAIN ? 1 : c->n_values;
        if (nps + (size_t)nv > capps) {
            size_t nc = (capps + (size_t)nv) * 2;
            posting *np = xrealloc(ps, nc * sizeof *np);
            if (!np)
                goto nomem;
            ps = np, capps = nc;
        }
        for (int j = 0; j < nv && c->kind == CK_HS_PREFIX; j++)
            s->hs_lengths |= 1u << strlen(c->values[j]);
        for (int j = 0; j < nv; j++)
            ps[nps++] = (posting){c->kind == CK_COLD_CHAIN ? cold_key : c->values[j], (uint32_t)i, (uint8_t)c->kind};
        s->kinds_indexed |= 1u << c->kind;
    }
    if (nps)
        qsort(ps, nps, sizeof *ps, cmp_posting);
    s->cap = 16;
    while (s->cap < nps * 2)
        s->cap *= 2;
    if (!(s->slots = xcalloc(s->cap, sizeof *s->slots)) || (nps && !(s->postings = xcalloc(nps, sizeof *s->postings))))
        goto nomem;
    for (size_t i = 0; i < nps;) {
        size_t j = i;
        while (j < nps && ps[j].kind == ps[i].kind && strcmp(ps[j].value, ps[i].value) == 0) {
            s->postings[j] = ps[j].rule;
            j++;
        }
        uint64_t h = key_hash(ps[i].kind, ps[i].value);
        size_t k = h & (s->cap - 1);
        while (s->slots[k].used)
            k = (k + 1) & (s->cap - 1);
        s->slots[k] = (slot){h, ps[i].value, (uint32_t)i, (uint32_t)(j - i), ps[i].kind, 1};
        i = j;
    }
    xfree(ps);
    ps = NULL;
    if (nkw) {
        hg_rc rc = ac_build(s, kws, nkw);
        if (rc == HG_NOMEM)
            goto nomem;
        if (rc == HG_TOOBIG) { /* too many keyword bytes for a dense automaton: check them always */
            for (size_t i = 0; i < nkw; i++)
                if (i == 0 || kws[i].rule != kws[i - 1].rule)
                    s->always[s->n_always++] = kws[i].rule;
        }
    }
    xfree(kws);
    *out = s;
    return HG_OK;
nomem:
    xfree(ps);
    xfree(kws);
    risk_rules_free(rules, n);
    if (s)
        set_free(s);
    return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory compiling the rules");
}

void risk_set_retain(risk_set *s) { atomic_fetch_add(&s->refs, 1); }

void risk_set_release(risk_set *s)
{
    if (s && atomic_fetch_sub(&s->refs, 1) == 1)
        set_free(s);
}

size_t risk_set_count(const risk_set *s) { return s->n; }
int64_t risk_set_generation(const risk_set *s) { return s->generation; }

const risk_rule *risk_set_rule(const risk_set *s, int64_t id)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->rules[mid].id == id)
            return &s->rules[mid];
        if (s->rules[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

void risk_holder_init(risk_holder *h)
{
    pthread_mutex_init(&h->lock, NULL);
    h->current = NULL;
}

risk_set *risk_holder_acquire(risk_holder *h)
{
    pthread_mutex_lock(&h->lock);
    risk_set *s = h->current;
    if (s)
        risk_set_retain(s);
    pthread_mutex_unlock(&h->lock);
    return s;
}

void risk_holder_swap(risk_holder *h, risk_set *s)
{
    pthread_mutex_lock(&h->lock);
    risk_set *old = h->current;
    h->current = s;
    pthread_mutex_unlock(&h->lock);
    risk_set_release(old); /* outside the lock: freeing a big set must not stall acquirers */
}

void risk_holder_destroy(risk_holder *h)
{
    risk_set_release(h->current);
    h->current = NULL;
    pthread_mutex_destroy(&h->lock);
}

/* ------------------------------------------------------------------ screening */

void risk_result_init(risk_result *r) { memset(r, 0, sizeof *r); }

void risk_result_free(risk_result *r)
{
    xfree(r->hits);
    xfree(r->orders);
    xfree(r->cand);
    risk_set_release(r->set);
    memset(r, 0, sizeof *r);
}

static hg_rc add_cand(risk_result *r, const risk_set *s, const slot *e)
{
    if (!e)
        return HG_OK;
    if (r->n_cand + e->count > r->cap_cand) {
        size_t nc = (r->cap_cand + e->count) * 2 + 16;
        int64_t *p = xrealloc(r->cand, nc * sizeof *p);
        if (!p)
            return HG_NOMEM;
        r->cand = p, r->cap_cand = nc;
    }
    for (uint32_t i = 0; i < e->count; i++)
        r->cand[r->n_cand++] = s->postings[e->start + i];
    return HG_OK;
}

/* Runs a description through the keyword automaton, adding the rules of every keyword in it. */
static hg_rc ac_scan(const risk_set *s, const char *text, risk_result *r)
{
    int32_t state = 0;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        state = s->ac_next[(size_t)state * s->ac_classes + s->ac_class[(unsigned char)fold((char)*c)]];
        for (int32_t n = s->ac_count[state] ? state : s->ac_out[state]; n > 0; n = s->ac_out[n]) {
            slot e = {0, NULL, s->ac_start[n], s->ac_count[n], 0, 1};
            if (r->n_cand + e.count > r->cap_cand) {
                size_t nc = (r->cap_cand + e.count) * 2 + 16;
                int64_t *p = xrealloc(r->cand, nc * sizeof *p);
                if (!p)
                    return HG_NOMEM;
                r->cand = p, r->cap_cand = nc;
            }
            for (uint32_t i = 0; i < e.count; i++)
                r->cand[r->n_cand++] = s->ac_post[e.start + i];
        }
    }
    return HG_OK;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Evaluates every condition of rule on d; on a match fills hit's matches. */
static int rule_matches(const risk_rule *rule, const risk_decl *d, risk_hit *hit)
{
    if (!(rule->directions & d->direction))
        return 0;
    if (rule->valid_from_ms && d->at_ms < rule->valid_from_ms)
        return 0;
    if (rule->valid_to_ms && d->at_ms >= rule->valid_to_ms)
        return 0;
    if (rule->n_ports && (!d->port[0] || !in_sorted(rule->ports, rule->n_ports, d->port)))
        return 0;
    int n = 0, n_item = 0;
    for (int i = 0; i < rule->n_conds; i++) {
        const risk_cond *c = &rule->conds[i];
        if (cond_is_item(c->kind)) {
            n_item++;
            continue;
        }
        hit->matches[n].kind = c->kind;
        hit->matches[n].item = -1;
        if (!match_header(c, d, hit->matches[n].value))
            return 0;
        n++;
    }
    if (n_item) { /* all item conditions on one item: the first such item explains the hit */
        int found = 0;
        for (int it = 0; it < d->n_items && !found; it++) {
            int m = n;
            found = 1;
            for (int i = 0; i < rule->n_conds && found; i++) {
                const risk_cond *c = &rule->conds[i];
                if (!cond_is_item(c->kind))
                    continue;
                hit->matches[m].kind = c->kind;
                hit->matches[m].item = it;
                found = cond_defs[c->kind].match_item(c, &d->items[it], hit->matches[m].value);
                m++;
            }
            if (found)
                n = m;
        }
        if (!found)
            return 0;
    }
    hit->n_matches = n;
    return 1;
}

static hg_rc push_hit(risk_result *r, const risk_hit *h)
{
    if (r->n_hits == r->cap_hits) {
        int nc = r->cap_hits ? r->cap_hits * 2 : 8;
        risk_hit *p = xrealloc(r->hits, (size_t)nc * sizeof *p);
        if (!p)
            return HG_NOMEM;
        r->hits = p, r->cap_hits = nc;
    }
    r->hits[r->n_hits++] = *h;
    return HG_OK;
}

static hg_rc push_order(risk_result *r, const risk_order *o)
{
    if (r->n_orders == r->cap_orders) {
        int nc = r->cap_orders ? r->cap_orders * 2 : 4;
        risk_order *p = xrealloc(r->orders, (size_t)nc * sizeof *p);
        if (!p)
            return HG_NOMEM;
        r->orders = p, r->cap_orders = nc;
    }
    r->orders[r->n_orders++] = *o;
    return HG_OK;
}

static void result_begin(risk_set *s, risk_result *out)
{
    risk_set_retain(s);
    risk_set_release(out->set);
    out->set = s;
    out->lane = LANE_GREEN;
    out->inspection = INSP_NONE;
    out->n_hits = out->n_orders = 0;
    out->n_cand = 0;
    out->random_selected = 0;
    out->random_rate_ppm = 0;
}

/* Evaluates the candidates (rule indexes, sorted and unique) and decides the result. */
static hg_rc decide(risk_set *s, const risk_decl *d, risk_result *out, hg_err *err)
{
    hg_rc rc = HG_OK;
    risk_hit hit;
    for (size_t i = 0; i < out->n_cand && !rc; i++) {
        const risk_rule *rule = &s->rules[out->cand[i]];
        if (!rule_matches(rule, d, &hit))
            continue;
        hit.rule = rule;
        hit.fired = rule->fire_ppm >= 1000000 || risk_draw(s->secret, "fire", d->id, rule->id) < rule->fire_ppm;
        rc = push_hit(out, &hit);
        if (rc || !hit.fired)
            continue;
        if (rule->lane > out->lane) {
            out->lane = rule->lane;
            out->inspection = rule->inspection;
        }
        for (int k = 0; k < rule->n_sampling && !rc; k++) {
            risk_order o = {{0}, rule->id, rule->sampling[k].rate_ppm, 0};
            char purpose[48];
            snprintf(o.kind, sizeof o.kind, "%s", rule->sampling[k].kind);
            snprintf(purpose, sizeof purpose, "sample:%s", o.kind);
            o.selected = o.rate_ppm >= 1000000 || risk_draw(s->secret, purpose, d->id, rule->id) < o.rate_ppm;
            rc = push_order(out, &o);
        }
    }
    if (rc)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory screening");
    /* the reason is worded only when asked for (risk_random_reason): not in the hot path */
    out->random_credit = d->credit;
    out->random_direction = d->direction;
    out->random_base_ppm = d->direction == RISK_EXPORT ? s->cfg.base_ppm_export : s->cfg.base_ppm_import;
    out->random_rate_ppm = risk_random_rate(&s->cfg, d->direction, d->credit);
    out->random_selected =
        out->random_rate_ppm >= 1000000 ||
        (out->random_rate_ppm > 0 && risk_draw(s->secret, "random", d->id, 0) < out->random_rate_ppm);
    if (out->random_selected && s->cfg.random_lane > out->lane) {
        out->lane = s->cfg.random_lane;
        out->inspection = s->cfg.random_inspection;
    }
    return HG_OK;
}

hg_rc risk_screen(risk_set *s, const risk_decl *d, risk_result *out, hg_err *err)
{
    hg_rc rc = HG_OK;
    result_begin(s, out);
    unsigned k = s->kinds_indexed;
    /* header probes */
    for (int c = 0; c < CK__COUNT && !rc; c++) {
        if (!(k & (1u << c)) || !cond_defs[c].header_value)
            continue;
        if (c == CK_CONSIGNEE || c == CK_CONSIGNOR) {   /* the named party, and the declarant */
            const char *v = cond_defs[c].header_value(d);
            if (v[0])
                rc = add_cand(out, s, lookup(s, c, v));
            if (!rc && d->declarant[0] && strcmp(d->declarant, v) != 0)
                rc = add_cand(out, s, lookup(s, c, d->declarant));
            continue;
        }
        const char *v = cond_defs[c].header_value(d);
        if (v[0])
            rc = add_cand(out, s, lookup(s, c, v));
    }
    if (k & (1u << CK_CONTAINER))
        for (int i = 0; i < d->n_containers && !rc; i++)
            rc = add_cand(out, s, lookup(s, CK_CONTAINER, d->containers[i]));
    /* item probes: the item's HS prefixes, its origin; cold chain once per declaration */
    int cold = 0;
    for (int i = 0; i < d->n_items && !rc; i++) {
        const risk_item *it = &d->items[i];
        if (k & (1u << CK_HS_PREFIX)) { /* the nine prefixes, hashed incrementally */
            char p[11];
            uint64_t h = 1469598103934665603ULL ^ (uint64_t)CK_HS_PREFIX;
            for (int len = 1; len <= 10 && it->hs_code[len - 1] && !rc; len++) {
                p[len - 1] = it->hs_code[len - 1];
                p[len] = '\0';
                h = (h ^ (unsigned char)p[len - 1]) * 1099511628211ULL;
                if (len >= 2 && (s->hs_lengths & (1u << len)))
                    rc = add_cand(out, s, lookup_hashed(s, CK_HS_PREFIX, p, h));
            }
        }
        if ((k & (1u << CK_ORIGIN_COUNTRY)) && it->origin[0] && !rc)
            rc = add_cand(out, s, lookup(s, CK_ORIGIN_COUNTRY, it->origin));
        if (s->ac_next && it->description && !rc)
            rc = ac_scan(s, it->description, out);
        cold |= item_cold(it);
    }
    if (cold && (k & (1u << CK_COLD_CHAIN)) && !rc)
        rc = add_cand(out, s, lookup(s, CK_COLD_CHAIN, cold_key));
    if (!rc && s->n_always) {
        /* the always list is not in postings: append it directly */
        if (out->n_cand + s->n_always > out->cap_cand) {
            size_t nc = (out->n_cand + s->n_always) * 2;
            int64_t *p = xrealloc(out->cand, nc * sizeof *p);
            if (!p)
                rc = HG_NOMEM;
            else
                out->cand = p, out->cap_cand = nc;
        }
        for (size_t i = 0; !rc && i < s->n_always; i++)
            out->cand[out->n_cand++] = s->always[i];
    }
    if (rc)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory screening");
    /* the same rule may be reached through several values: sort and keep each once */
    if (out->n_cand > 1) {
        if (out->n_cand <= 32) { /* the usual case: a handful, where qsort's calls cost more */
            for (size_t i = 1; i < out->n_cand; i++) {
                int64_t v = out->cand[i];
                size_t j = i;
                for (; j > 0 && out->cand[j - 1] > v; j--)
                    out->cand[j] = out->cand[j - 1];
                out->cand[j] = v;
            }
        } else {
            qsort(out->cand, out->n_cand, sizeof *out->cand, cmp_i64);
        }
        size_t w = 1;
        for (size_t i = 1; i < out->n_cand; i++)
            if (out->cand[i] != out->cand[w - 1])
                out->cand[w++] = out->cand[i];
        out->n_cand = w;
    }
    return decide(s, d, out, err);
}

hg_rc risk_screen_naive(risk_set *s, const risk_decl *d, risk_result *out, hg_err *err)
{
    result_begin(s, out);
    if (s->n > out->cap_cand) {
        int64_t *p = xrealloc(out->cand, s->n * sizeof *p);
        if (!p)
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory screening");
        out->cand = p, out->cap_cand = s->n;
    }
    for (size_t i = 0; i < s->n; i++)
        out->cand[i] = (int64_t)i;
    out->n_cand = s->n;
    return decide(s, d, out, err);
}

void risk_random_reason(const risk_result *r, char *out, size_t n)
{
    uint32_t rate = r->random_rate_ppm, base = r->random_base_ppm;
    snprintf(out, n, "%s at %u.%02u%% for %s (%s general-credit base rate %u.%02u%%)",
             r->random_selected ? "selected by random inspection" : "not selected by random inspection", rate / 10000,
             rate / 100 % 100, credit_names[r->random_credit], r->random_direction == RISK_EXPORT ? "export" : "import",
             base / 10000, base / 100 % 100);
}

json_t *risk_result_to_json(const risk_result *r)
{
    char reason[160];
    risk_random_reason(r, reason, sizeof reason);
    json_t *hits = json_array(), *orders = json_array();
    for (int i = 0; hits && i < r->n_hits; i++) {
        const risk_hit *h = &r->hits[i];
        json_t *m = json_array();
        for (int j = 0; m && j < h->n_matches; j++) {
            json_t *e =
                json_pack("{s:s, s:s}", "kind", cond_defs[h->matches[j].kind].name, "value", h->matches[j].value);
            if (e && h->matches[j].item >= 0 && json_object_set_new(e, "item", json_integer(h->matches[j].item)))
                json_decref(e), e = NULL;
            if (json_array_append_new(m, e))
                json_decref(m), m = NULL;
        }
        json_t *o = m ? json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:o, s:s?}", "rule_id", (json_int_t)h->rule->id,
                                  "name", h->rule->name, "source", source_names[h->rule->source], "lane",
                                  lane_names[h->rule->lane], "inspection", inspection_names[h->rule->inspection],
                                  "fired", h->fired, "matched", m, "note", h->rule->note)
                      : NULL;
        if (json_array_append_new(hits, o))
            json_decref(hits), hits = NULL;
    }
    for (int i = 0; orders && i < r->n_orders; i++) {
        const risk_order *o = &r->orders[i];
        if (json_array_append_new(orders,
                                  json_pack("{s:s, s:I, s:I, s:b}", "kind", o->kind, "rule_id", (json_int_t)o->rule_id,
                                            "rate_ppm", (json_int_t)o->rate_ppm, "selected", o->selected)))
            json_decref(orders), orders = NULL;
    }
    if (!hits || !orders) {
        json_decref(hits);
        json_decref(orders);
        return NULL;
    }
    return json_pack("{s:s, s:s, s:o, s:o, s:{s:b, s:I, s:s}}", "lane", lane_names[r->lane], "inspection",
                     inspection_names[r->inspection], "hits", hits, "sampling", orders, "random_selection", "selected",
                     r->random_selected, "rate_ppm", (json_int_t)r->random_rate_ppm, "reason", reason);
}
