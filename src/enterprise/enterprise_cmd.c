/* enterprise_cmd.c — `haiguan import enterprises FILE.csv`, the enterprise demo data and
 * the area's module entry. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/csv.h"
#include "../platform/mem.h"
#include "../platform/module.h"
#include "enterprise.h"

extern const route enterprise_routes[];

#define IMPORT_BATCH 500

/* One CSV line as a JSON object of its non-empty columns. */
static json_t *line_object(const csv_reader *r, const char *const *header, int ncols)
{
    json_t *o = json_object();
    for (int i = 0; i < ncols && o; i++)
        if (r->field[i][0] && json_object_set_new(o, header[i], json_string(r->field[i])))
            json_decref(o), o = NULL;
    return o;
}

/* Each good line is inserted under a savepoint, so that a bad line is reported and skipped
 * without losing the others; lines are committed in batches (one fsync per batch). */
static int import_enterprises(cmd_ctx *c, db *d, const char *path)
{
    buf data;
    buf_init(&data, 256u << 20);
    hg_err err;
    hg_err_clear(&err);
    if (buf_read_file(&data, path, &err)) {
        fprintf(stderr, "haiguan: %s\n", err.message);
        buf_free(&data);
        return EXIT_FAIL;
    }
    (void)c;
    csv_reader r;
    csv_init(&r, data.data ? data.data : "", data.len);
    char *header[CSV_MAX_FIELDS];
    int ncols = 0, status = EXIT_OK;
    long loaded = 0, failed = 0, in_batch = 0;
    if (csv_next(&r) != 1) {
        fprintf(stderr, "haiguan: %s: line 1: a header line naming the columns is expected\n", path);
        status = EXIT_FAIL;
        goto out;
    }
    ncols = r.nfields;
    for (int i = 0; i < ncols; i++) {
        header[i] = xstrdup(r.field[i]);
        if (record_field_index(&enterprise_record, header[i]) < 0) {
            fprintf(stderr, "haiguan: %s: line 1: unknown column \"%s\"\n", path, header[i]);
            ncols = i + 1;
            status = EXIT_FAIL;
            goto out;
        }
    }
    const char *actor = cli_actor();
    int got;
    while ((got = csv_next(&r)) != 0) {
        long line = r.line;
        if (got < 0 || r.nfields != ncols) {
            if (got > 0 && r.nfields == 1 && r.field[0][0] == '\0')
                continue;   /* blank line */
            printf("line %ld: %s\n", line,
                   got < 0 ? "malformed CSV (quotes or field count)" : "wrong number of columns");
            failed++;
            continue;
        }
        if (in_batch == 0 && db_begin(d, &err))
            break;
        json_t *o = line_object(&r, (const char *const *)header, ncols);
        record rec = {0};
        hg_rc rc = o ? record_from_json(&enterprise_record, o, REC_CREATE, &rec, &err) : HG_NOMEM;
        if (!rc && !(rc = db_exec(d, "SAVEPOINT line", &err))) {
            rc = enterprise_insert_record(d, actor, NULL, &rec, NULL, &err);
            db_exec(d, rc ? "ROLLBACK TO SAVEPOINT line" : "RELEASE SAVEPOINT line", &err);
        }
        record_free(&rec);
        json_decref(o);
        if (rc) {
            printf("line %ld: %s%s%s\n", line, err.field, err.field[0] ? ": " : "", err.message);
            failed++;
        } else {
            loaded++;
            in_batch++;
        }
        if (in_batch >= IMPORT_BATCH) {
            if (db_commit(d, &err)) {
                db_rollback(d);
                loaded -= in_batch;
                break;
            }
            in_batch = 0;
        }
    }
    if (in_batch > 0 && db_commit(d, &err)) {
        db_rollback(d);
        loaded -= in_batch;
        fprintf(stderr, "haiguan: cannot commit: %s\n", err.message);
        status = EXIT_FAIL;
    } else if (got != 0 && err.rc) {
        fprintf(stderr, "haiguan: import stopped: %s\n", err.message);
        status = EXIT_FAIL;
    }
    printf("%ld loaded, %ld refused\n", loaded, failed);
    if (failed)
        status = EXIT_FAIL;
out:
    for (int i = 0; i < ncols; i++)
        xfree(header[i]);
    csv_free(&r);
    buf_free(&data);
    return status;
}

static const importer enterprise_importers[] = {
    {"enterprises", import_enterprises,
     "CSV with a header line naming columns: uscc, customs_code, name_zh, name_en, kind, credit_level, coordinator"},
    {NULL, NULL, NULL},
};

/* Demo enterprises of the Dalian district; USCC check characters computed per GB 32100. */
static const struct {
    const char *uscc, *customs_code, *name_zh, *name_en, *kind, *credit;
} demo[] = {
    {"91210200241600015L", "2102930001", "大连港通国际贸易有限公司", "Dalian Gangtong International Trading Co., Ltd.",
     "importer", "advanced_certified"},
    {"91210200716215023J", "2102930002", "大连海洋渔业进出口有限公司", "Dalian Ocean Fishery Import & Export Co., Ltd.",
     "importer", "general_certified"},
    {"91210213550001235J", "2102940003", "大连金湾报关行有限公司", "Dalian Jinwan Customs Brokerage Co., Ltd.", "broker",
     "general_credit"},
    {"91210200118877668W", "2102930004", "大连远洋船务代理有限公司", "Dalian Ocean Shipping Agency Co., Ltd.",
     "shipping_agent", "general_credit"},
    {"91210213005599016G", "2102940005", "大连船舶重工集团有限公司", "Dalian Shipbuilding Industry Co., Ltd.",
     "shipyard", "advanced_certified"},
    {"91210200765432104C", "2102930006", "大连快捷跨境电商有限公司", "Dalian Kuaijie Cross-border E-commerce Co., Ltd.",
     "ecommerce_platform", "dishonest"},
};

static hg_rc enterprise_demo(db *d, hg_err *err)
{
    for (size_t i = 0; i < sizeof demo / sizeof demo[0]; i++) {
        if (enterprise_exists(d, demo[i].uscc))
            continue;
        json_t *body = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "uscc", demo[i].uscc, "customs_code",
                                 demo[i].customs_code, "name_zh", demo[i].name_zh, "name_en", demo[i].name_en, "kind",
                                 demo[i].kind, "credit_level", demo[i].credit, "coordinator", "officer");
        json_t *out = NULL;
        hg_rc rc = body ? enterprise_create(d, "demo", NULL, body, &out, err) : HG_NOMEM;
        json_decref(body);
        json_decref(out);
        if (rc)
            return rc;
    }
    return HG_OK;
}

static const hg_post enterprise_posts[] = {
    HG_POST(7, liaison, "关企联络"),
    HG_POST(8, enterprise, "企业管理"),
    {0},
};

static const hg_scope enterprise_scopes[] = {
    {"enterprises", "the enterprise registry"},
    {"liaison", "customs-enterprise liaison (关企联络)"},
    {NULL, NULL},
};

/* The demo officer is declared by every area whose posts it carries; here its first two.
 * It coordinates the demo enterprises, so it is created before this area's demo step. */
static const demo_signin enterprise_signins[] = {
    {"officer", ROLE_OFFICER, "enterprise,liaison", NULL, "officer-demo-2026", "an officer of every demo post", NULL},
    {"dl-trading", ROLE_ENTERPRISE, NULL, "91210200241600015L", "trading-demo-2026",
     "enterprise user of 大连港通国际贸易有限公司", NULL},
    {"dl-fishery", ROLE_ENTERPRISE, NULL, "91210200716215023J", "fishery-demo-2026",
     "enterprise user of 大连海洋渔业进出口有限公司", NULL},
    {NULL, 0, NULL, NULL, NULL, NULL, NULL},
};

static const record_type *const enterprise_records[] = {&enterprise_record, NULL};

const hg_module enterprise_module = {.name = "enterprise",
                                     .migrations = enterprise_migrations,
                                     .routes = enterprise_routes,
                                     .importers = enterprise_importers,
                                     .demo = enterprise_demo,
                                     .summary = "the enterprise registry: USCC, customs code, kind, credit level",
                                     .migrations_first = 100,
                                     .migrations_last = 199,
                                     .posts = enterprise_posts,
                                     .scopes = enterprise_scopes,
                                     .demo_signins = enterprise_signins,
                                     .enterprise_exists = enterprise_exists,
                                     .records = enterprise_records};
