/* producer_store.c — the registry of overseas producers of imported food (进口食品境外生产企业
 * 注册, GACC Decree 248 of 2022): each registration number with its country, name, the product
 * categories it is registered for (HS chapters or headings), its validity and status, kept by
 * officers through the API and by `haiguan import producers`, every change audited; and the
 * check a food import's items make of the producers they name. Reference data with a version
 * in ref_versions (migration 295). Not for: the suspension after positive nucleic-acid batches
 * (sampling_store.c), which applies on top of a registration. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/ident.h"
#include "../platform/json.h"
#include "../platform/mem.h"
#include "cargo.h"
#include "cargo_store.h"

/* A registration number as GACC issues it (CountryCode + digits, "CNOR0123..."; the countries'
 * own numbers are taken as written): 1 to 40 letters, digits, '-' or '/'. */
static int check_registration_no(const char *s, const char **reason)
{
    size_t n = strlen(s);
    if (n == 0 || n > 40 || strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/") != n) {
        if (reason)
            *reason = "must be the registration number: 1 to 40 letters, digits, '-' or '/'";
        return 0;
    }
    return 1;
}

/* The product categories: HS chapters or headings (2 or 4 digits, or 6 for a subheading),
 * comma-separated, at most 50. */
static int check_categories(const char *s, const char **reason)
{
    int n = 0;
    for (const char *p = s; *p; n++) {
        size_t len = strcspn(p, ",");
        if ((len != 2 && len != 4 && len != 6) || strspn(p, "0123456789") < len || n >= 50) {
            if (reason)
                *reason = "must be HS chapters or headings (2, 4 or 6 digits) separated by commas, at most 50";
            return 0;
        }
        p += len + (p[len] == ',');
    }
    if (!n && reason)
        *reason = "must name at least one HS chapter or heading";
    return n > 0;
}

static const char *const producer_states[] = {"registered", "suspended", "cancelled", NULL};

static const field producer_fields[] = {
    {.name = "registration_no",
     .type = FT_TEXT,
     .flags = FF_KEY | FF_REQUIRED | FF_IDENT | FF_SEARCH,
     .check = check_registration_no,
     .label_zh = "在华注册编号"},
    {.name = "country",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_IDENT | FF_FIXED | FF_FILTER,
     .check = check_country,
     .label_zh = "国家/地区"},
    {.name = "name",
     .type = FT_TEXT,
     .flags = FF_REQUIRED | FF_SEARCH,
     .min_len = 1,
     .max_len = 200,
     .label_zh = "企业名称"},
    {.name = "categories",
     .type = FT_TEXT,
     .flags = FF_REQUIRED,
     .check = check_categories,
     .label_zh = "注册产品类别(HS)"},
    {.name = "valid_from", .type = FT_TIME, .flags = FF_REQUIRED, .column = "valid_from_ms", .label_zh = "有效期自"},
    {.name = "valid_to", .type = FT_TIME, .column = "valid_to_ms", .label_zh = "有效期至"},
    {.name = "status", .type = FT_ENUM, .flags = FF_FILTER, .values = producer_states, .label_zh = "状态"},
    {.name = "created_at", .type = FT_TIME, .flags = FF_SERVER, .column = "created_ms"},
    {.name = "updated_at", .type = FT_TIME, .flags = FF_SERVER, .column = "updated_ms"},
    {0},
};
const record_type producer_record = {.name = "producer", .table = "overseas_producers", .fields = producer_fields};

/* Decree 248 covers food (食品): the HS chapters and headings of food and drink the registry is
 * consulted for. Live animals (01), plants and flowers (06), feed (23) and tobacco (24) are
 * not food in its sense; of chapter 12 the oil seeds (1201-1208) and seaweeds (1212). */
static const char *const food_prefixes[] = {"02",   "03",   "04",   "0504", "07",   "08",   "09",   "10",   "11",
                                            "1201", "1202", "1203", "1204", "1205", "1206", "1207", "1208", "1212",
                                            "15",   "16",   "17",   "18",   "19",   "20",   "21",   "22",   NULL};

int cargo_registered_food(const char *hs_code)
{
    for (int i = 0; hs_code && food_prefixes[i]; i++)
        if (strncmp(hs_code, food_prefixes[i], strlen(food_prefixes[i])) == 0)
            return 1;
    return 0;
}

/* 1 when hs_code falls under one of categories ("03,1604"). */
static int in_categories(const char *categories, const char *hs_code)
{
    for (const char *p = categories ? categories : ""; *p;) {
        size_t len = strcspn(p, ",");
        if (len && strncmp(hs_code, p, len) == 0)
            return 1;
        p += len + (p[len] == ',');
    }
    return 0;
}

hg_rc cargo_check_registry(db *d, const char *direction, const json_t *items, int64_t now, hg_err *err)
{
    if (!direction || strcmp(direction, "import") != 0)
        return HG_OK;
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item)
    {
        const char *producer = json_string_value(json_object_get(item, "producer"));
        const char *hs = json_string_value(json_object_get(item, "hs_code"));
        const char *origin = json_string_value(json_object_get(item, "origin"));
        if (!cargo_registered_food(hs))
            continue;
        char field[40];
        snprintf(field, sizeof field, "items[%zu].producer", i);
        /* the registration is what admits the goods: food of a registered category names its
         * producer's number, or nothing would be checked */
        if (!producer || !*producer)
            return hg_fail(err, HG_INVALID, "producer_required", field,
                           "HS %s is food whose overseas producer must be registered: name the producer's "
                           "registration number (进口食品境外生产企业注册, 海关总署令第248号)",
                           hs);
        db_stmt *s;
        hg_rc rc = db_query(d, &s, err,
                            "SELECT country, categories, COALESCE(status, 'registered'), valid_from_ms,"
                            " COALESCE(valid_to_ms, 0) FROM overseas_producers WHERE registration_no = ?",
                            "t", producer);
        if (rc)
            return rc;
        rc = db_step(s, err);
        /* each refusal one whole sentence, so that the catalogue translates it whole */
        hg_rc refused = HG_OK;
        if (rc == HG_DONE)
            refused = hg_fail(err, HG_CONFLICT, "producer_not_registered", field,
                              "producer %s is not in the registry of overseas food producers "
                              "(进口食品境外生产企业注册, 海关总署令第248号)",
                              producer);
        else if (rc == HG_ROW && strcmp(db_col_text(s, 2), "registered") != 0)
            refused = strcmp(db_col_text(s, 2), "suspended") == 0
                          ? hg_fail(err, HG_CONFLICT, "producer_not_registered", field,
                                    "producer %s is suspended (进口食品境外生产企业注册, 海关总署令第248号)", producer)
                          : hg_fail(err, HG_CONFLICT, "producer_not_registered", field,
                                    "producer %s is cancelled (进口食品境外生产企业注册, 海关总署令第248号)", producer);
        else if (rc == HG_ROW && (!origin || strcmp(db_col_text(s, 0), origin) != 0))
            /* TRANSLATORS: 1: producer; 2: db_col_text(s, 0); 3: origin ? origin : "" */
            refused = hg_fail(
                err, HG_CONFLICT, "producer_not_registered", field,
                "producer %s is registered in %s, not in the origin %s (进口食品境外生产企业注册, 海关总署令第248号)",
                producer, db_col_text(s, 0), origin ? origin : "");
        else if (rc == HG_ROW && !in_categories(db_col_text(s, 1), hs))
            /* TRANSLATORS: 1: producer; 2: hs; 3: db_col_text(s, 1) */
            refused = hg_fail(err, HG_CONFLICT, "producer_not_registered", field,
                              "producer %s is not registered for HS %s (its categories: %s) (进口食品境外生产企业注册, "
                              "海关总署令第248号)",
                              producer, hs, db_col_text(s, 1));
        else if (rc == HG_ROW && (now < db_col_int(s, 3) || (db_col_int(s, 4) && now > db_col_int(s, 4))))
            refused =
                hg_fail(err, HG_CONFLICT, "producer_not_registered", field,
                        "producer %s has no registration in force today (进口食品境外生产企业注册, 海关总署令第248号)",
                        producer);
        db_reset(s);
        if (rc != HG_ROW && rc != HG_DONE)
            return rc;
        if (refused)
            return refused;
    }
    return HG_OK;
}

/* ---- the registry's changes ---- */

/* Parses body as a new registration (status registered when not given) into r. */
static hg_rc producer_parse(const json_t *body, record *r, int64_t now, hg_err *err)
{
    hg_rc rc = record_from_json(&producer_record, body, REC_CREATE, r, err);
    if (!rc && !record_text(r, "status") && record_set_text(r, "status", "registered"))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc && (record_set_int(r, "created_at", now) || record_set_int(r, "updated_at", now)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return rc;
}

/* valid_to, when set, is not before valid_from (of the stored row after a change). */
static hg_rc validity_ok(db *d, const char *no, hg_err *err)
{
    int64_t bad = 0;
    hg_rc rc = db_int(d, &bad, err,
                      "SELECT COUNT(*) FROM overseas_producers WHERE registration_no = ? AND valid_to_ms IS NOT NULL"
                      " AND valid_to_ms < valid_from_ms",
                      "t", no);
    return !rc && bad ? hg_fail(err, HG_INVALID, "invalid", "valid_to", "valid_to is before valid_from") : rc;
}

hg_rc producer_create(const hg_ctx *c, const json_t *body, int replace, json_t **out, hg_err *err)
{
    record r = {0};
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = producer_parse(body, &r, c->now_ms, err);
    const char *no = rc ? NULL : record_text(&r, "registration_no");
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = record_load_json(c->d, &producer_record, no, &before, err);
    if (rc == HG_NOTFOUND)
        rc = HG_OK;
    else if (!rc && !replace)
        rc =
            hg_fail(err, HG_CONFLICT, "conflict", "registration_no", "producer %s is already registered; PATCH it", no);
    if (!rc && before) {
        /* a line of an import again: the registration as the file now gives it */
        const char *country = json_string_value(json_object_get(before, "country"));
        if (strcmp(country, record_text(&r, "country")) != 0)
            /* TRANSLATORS: 1: no; 2: country */
            rc = hg_fail(err, HG_INVALID, "fixed", "country", "producer %s is registered in %s", no, country);
        if (!rc)
            rc = db_run(c->d, err, "DELETE FROM overseas_producers WHERE registration_no = ?", "t", no);
        int64_t created = c->now_ms;
        const char *was = json_string_value(json_object_get(before, "created_at"));
        if (was)
            time_parse_rfc3339(was, &created);
        if (!rc && record_set_int(&r, "created_at", created))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    if (!rc)
        rc = record_insert(c->d, &r, err);
    if (!rc)
        rc = validity_ok(c->d, no, err);
    if (!rc)
        rc = record_load_json(c->d, &producer_record, no, out, err);
    rc = cargo_commit_out(c, rc, before ? "producer.update" : "producer.create", "producer", no, before, out, err);
out:
    json_decref(before);
    record_free(&r);
    return rc;
}

hg_rc producer_update(const hg_ctx *c, const char *no, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = record_from_json(&producer_record, body, REC_PATCH, &r, err);
    int st = record_field_index(&producer_record, "status");
    if (!rc && r.v[st].set && r.v[st].is_null)
        rc = hg_fail(err, HG_INVALID, "required", "status", "status is registered, suspended or cancelled");
    if (!rc && record_set_int(&r, "updated_at", c->now_ms))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = record_load_json(c->d, &producer_record, no, &before, err);
    if (rc == HG_NOTFOUND)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "registration_no", "no producer %s in the registry", no);
    if (!rc)
        rc = record_update(c->d, &r, no, err);
    if (!rc)
        rc = validity_ok(c->d, no, err);
    if (!rc)
        rc = record_load_json(c->d, &producer_record, no, out, err);
    rc = cargo_commit_out(c, rc, "producer.update", "producer", no, before, out, err);
out:
    json_decref(before);
    record_free(&r);
    return rc;
}

hg_rc producer_get(db *d, const char *no, json_t **out, hg_err *err)
{
    hg_rc rc = record_load_json(d, &producer_record, no, out, err);
    return rc == HG_NOTFOUND ? hg_fail(err, HG_NOTFOUND, "not_found", "registration_no", "no producer %s", no) : rc;
}
