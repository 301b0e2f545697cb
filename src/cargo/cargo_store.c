/* cargo_store.c — storage of manifests, arrivals and declarations: tables, serial numbers,
 * the timeline, and the writes, each one transaction with its audit row. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/buf.h"
#include "../platform/i18n.h"
#include "../platform/ident.h"
#include "../platform/json.h"
#include "../platform/json_canon.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "../platform/module.h"
#include "../platform/refdata.h"
#include "../platform/words.h"
#include "../enterprise/enterprise.h"
#include "cargo.h"
#include "cargo_store.h"

const migration cargo_migrations[] = {
    {200, "manifests, bills, arrivals",
     "CREATE TABLE manifests ("
     " manifest_no TEXT PRIMARY KEY, direction TEXT NOT NULL, transport_mode TEXT NOT NULL,"
     " vessel_imo TEXT, vessel_name TEXT, voyage TEXT, flight_no TEXT, vehicle TEXT,"
     " port TEXT NOT NULL, eta BIGINT NOT NULL, filer TEXT NOT NULL, status TEXT NOT NULL,"
     " arrived_ms BIGINT, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL);"
     "CREATE INDEX manifests_filer ON manifests(filer, manifest_no);"
     "CREATE TABLE manifest_bills ("
     " manifest_no TEXT NOT NULL REFERENCES manifests(manifest_no), line_no BIGINT NOT NULL,"
     " bill_no TEXT NOT NULL UNIQUE, consignee TEXT NOT NULL, goods_description TEXT NOT NULL,"
     " packages BIGINT NOT NULL, gross_weight_kg BIGINT NOT NULL, containers TEXT,"
     " PRIMARY KEY (manifest_no, line_no));"
     "CREATE TABLE bill_containers ("
     " container_no TEXT NOT NULL, bill_no TEXT NOT NULL, PRIMARY KEY (container_no, bill_no));"
     "CREATE TABLE arrivals ("
     " id @IDPK, bill_no TEXT NOT NULL, container_no TEXT, at_ms BIGINT NOT NULL,"
     " reporter TEXT NOT NULL, created_ms BIGINT NOT NULL);"
     "CREATE INDEX arrivals_bill ON arrivals(bill_no, at_ms);"
     "CREATE TABLE serials (prefix TEXT PRIMARY KEY, last BIGINT NOT NULL);",
     NULL, NULL},
    {201, "declarations, items, timeline",
     "CREATE TABLE declarations ("
     " entry_no TEXT PRIMARY KEY, direction TEXT NOT NULL, kind TEXT NOT NULL, declarant TEXT NOT NULL,"
     " consignee TEXT, consignor TEXT, port TEXT NOT NULL, transport_mode TEXT NOT NULL,"
     " bill_no TEXT NOT NULL, trade_country TEXT NOT NULL, ship_side_pickup BIGINT, arrival_direct_loading BIGINT,"
     " green_channel BIGINT, release_first BIGINT, status TEXT NOT NULL, lane TEXT NOT NULL, advance BIGINT NOT NULL,"
     " filed_ms BIGINT NOT NULL, permitted_ms BIGINT, released_ms BIGINT, completed_ms BIGINT, updated_ms BIGINT NOT "
     "NULL);"
     "CREATE INDEX declarations_status ON declarations(status, entry_no);"
     "CREATE INDEX declarations_bill ON declarations(bill_no);"
     "CREATE INDEX declarations_filed ON declarations(filed_ms);"
     "CREATE INDEX declarations_declarant ON declarations(declarant, entry_no);"
     "CREATE TABLE declaration_items ("
     " entry_no TEXT NOT NULL REFERENCES declarations(entry_no), line_no BIGINT NOT NULL,"
     " hs_code TEXT NOT NULL, name TEXT NOT NULL, elements TEXT, origin TEXT NOT NULL, quantity BIGINT NOT NULL,"
     " unit TEXT NOT NULL, value BIGINT NOT NULL, currency TEXT NOT NULL, gross_weight_kg BIGINT NOT NULL,"
     " net_weight_kg BIGINT NOT NULL, frozen BIGINT, vins TEXT, producer TEXT,"
     " PRIMARY KEY (entry_no, line_no));"
     "CREATE TABLE declaration_events ("
     " entry_no TEXT NOT NULL REFERENCES declarations(entry_no), seq BIGINT NOT NULL, at_ms BIGINT NOT NULL,"
     " actor TEXT NOT NULL, event TEXT NOT NULL, detail TEXT,"
     " PRIMARY KEY (entry_no, seq));",
     NULL, NULL},
    {210, "inspections and samples",
     "CREATE TABLE inspections ("
     " id @IDPK, entry_no TEXT NOT NULL REFERENCES declarations(entry_no), kind TEXT NOT NULL,"
     " status TEXT NOT NULL, green_channel BIGINT NOT NULL, reason TEXT, created_ms BIGINT NOT NULL,"
     " findings TEXT, disposal TEXT, decided_by TEXT, decided_ms BIGINT);"
     "CREATE INDEX inspections_open ON inspections(status, green_channel, created_ms);"
     "CREATE TABLE samples ("
     " barcode TEXT PRIMARY KEY, entry_no TEXT NOT NULL REFERENCES declarations(entry_no), line_no BIGINT NOT NULL,"
     " kind TEXT NOT NULL, status TEXT NOT NULL, producer TEXT, created_ms BIGINT NOT NULL,"
     " result_ms BIGINT, result_by TEXT);"
     "CREATE INDEX samples_entry ON samples(entry_no);"
     "CREATE INDEX samples_producer ON samples(producer, status);",
     NULL, NULL},
    {220, "logistics ledger",
     "CREATE TABLE legal_inspection (hs_prefix TEXT PRIMARY KEY, description TEXT);"
     "CREATE TABLE ledger ("
     " entry_no TEXT NOT NULL REFERENCES declarations(entry_no), line_no BIGINT NOT NULL, hs_code TEXT NOT NULL,"
     " quantity BIGINT NOT NULL, unit TEXT NOT NULL, status TEXT NOT NULL, released_quantity BIGINT NOT NULL,"
     " updated_ms BIGINT NOT NULL, PRIMARY KEY (entry_no, line_no));"
     "CREATE INDEX ledger_status ON ledger(status, updated_ms);",
     NULL, NULL},
    {240, "the legal-inspection list is reference data: cached, with a version", REFDATA_REGISTER(legal_inspection),
     REFDATA_TRIGGERS_SQLITE(legal_inspection), REFDATA_TRIGGERS_PG(legal_inspection)},
    /* What the areas after cargo may read (AREAS.md: never another area's tables): read-only
     * views, cargo's SQL interface as cargo.h is its C one. Changing a column here is changing
     * a public API. 250 (the gate-out time) is the gate's legacy migration, applied before. */
    {270, "views for the areas after cargo",
     "CREATE VIEW cargo_declarations AS SELECT entry_no, direction, port, bill_no, status, lane, filed_ms,"
     " released_ms, gate_out_ms, COALESCE(consignee, consignor, declarant) AS trader FROM declarations;"
     "CREATE VIEW cargo_bill_containers AS SELECT container_no, bill_no FROM bill_containers;"
     "CREATE VIEW cargo_item_vins AS SELECT entry_no, line_no, vins FROM declaration_items WHERE vins IS NOT NULL;"
     "CREATE VIEW cargo_manifests AS SELECT manifest_no, port, status, arrived_ms FROM manifests;"
     "CREATE VIEW cargo_manifest_bills AS SELECT manifest_no, bill_no FROM manifest_bills;"
     "CREATE VIEW cargo_arrivals AS SELECT bill_no, container_no, at_ms FROM arrivals;"
     "CREATE VIEW cargo_inspections AS SELECT id, entry_no, status, created_ms FROM inspections;",
     NULL, NULL},
    {280, "the containers each declaration covers; consignees find their bills",
     "CREATE TABLE declaration_containers ("
     " entry_no TEXT NOT NULL REFERENCES declarations(entry_no), container_no TEXT NOT NULL,"
     " PRIMARY KEY (entry_no, container_no));"
     "CREATE INDEX declaration_containers_container ON declaration_containers(container_no);"
     "CREATE INDEX manifest_bills_consignee ON manifest_bills(consignee);"
     "CREATE INDEX arrivals_container ON arrivals(container_no, bill_no);"
     "ALTER TABLE declarations ADD COLUMN containers TEXT;"
     "ALTER TABLE declarations ADD COLUMN packages BIGINT;",
     NULL, NULL},
    /* the containers each declaration covers, for the gate's release per container */
    {281, "view of the containers each declaration covers",
     "CREATE VIEW cargo_declaration_containers AS SELECT entry_no, container_no FROM declaration_containers;", NULL,
     NULL},
    /* the district's table of fresh and live produce for the green channel (reference data) */
    {282, "green-channel goods by HS chapter or heading",
     "CREATE TABLE green_channel_goods (hs_prefix TEXT PRIMARY KEY, description TEXT NOT NULL);", NULL, NULL},
    /* a declaration's life after filing (change_store.c): the declarant's requests to modify
     * or cancel it and officers' amendments after release, each decided by an officer; the
     * times it was returned, with the declarant and cancelled */
    {283, "modification, cancellation, return and amendment of declarations",
     "CREATE TABLE declaration_changes ("
     " id @IDPK, entry_no TEXT NOT NULL REFERENCES declarations(entry_no),"
     " kind TEXT NOT NULL CHECK (kind IN ('modify', 'cancel', 'amend')), status TEXT NOT NULL,"
     " reason TEXT NOT NULL, items TEXT, requested_by TEXT NOT NULL, requested_ms BIGINT NOT NULL,"
     " decided_by TEXT, decided_ms BIGINT, note TEXT, outcome TEXT);"
     "CREATE INDEX declaration_changes_status ON declaration_changes(status, id);"
     "CREATE INDEX declaration_changes_entry ON declaration_changes(entry_no, id);"
     "ALTER TABLE declarations ADD COLUMN returned_ms BIGINT;"
     "ALTER TABLE declarations ADD COLUMN with_declarant_ms BIGINT;"
     "ALTER TABLE declarations ADD COLUMN cancelled_ms BIGINT;",
     NULL, NULL},
    /* a two-step summary completed after its 14 days keeps its lateness (海关总署公告2019年第127号) */
    {284, "the lateness of a two-step completion", "ALTER TABLE declarations ADD COLUMN completed_late BIGINT;", NULL,
     NULL},
    /* the valuation of each item and its certificate of origin, which tax assesses (price terms,
     * freight, insurance and other costs in the item's currency, fen) */
    {290, "price terms, freight, insurance, other costs and certificate of origin of an item",
     "ALTER TABLE declaration_items ADD COLUMN price_terms TEXT;"
     "ALTER TABLE declaration_items ADD COLUMN freight_cur BIGINT;"
     "ALTER TABLE declaration_items ADD COLUMN insurance_cur BIGINT;"
     "ALTER TABLE declaration_items ADD COLUMN other_costs_cur BIGINT;"
     "ALTER TABLE declaration_items ADD COLUMN certificate_no TEXT;",
     NULL, NULL},
    /* the view stats reads gains the time a returned declaration spent with its declarant
     * (migration 283), its own clearance-time segment; the columns before are as in 270 */
    {291, "the time with the declarant in the declarations view",
     "DROP VIEW cargo_declarations;"
     "CREATE VIEW cargo_declarations AS SELECT entry_no, direction, port, bill_no, status, lane, filed_ms,"
     " released_ms, gate_out_ms, COALESCE(consignee, consignor, declarant) AS trader, with_declarant_ms"
     " FROM declarations;",
     NULL, NULL},
    /* The lists' search box (docs/api/lists.md) is LOWER(column) LIKE '%text%', which no B-tree
     * serves. On SQLite the scan stays (about 10 ms of CPU over the demo's volume times ten,
     * docs/RULES.md); on PostgreSQL trigram indexes (pg_trgm, shipped with Debian's server)
     * serve it (hg_trgm_index, storage migration 70). Both backends get the B-tree the newest-first lists sort on. */
    {293, "indexes for the lists: newest first, and trigram search on PostgreSQL",
     "CREATE INDEX manifests_created ON manifests(created_ms);"
     "CREATE INDEX samples_created ON samples(created_ms);",
     NULL,
     "SELECT hg_trgm_index('declarations_entry_trgm', 'declarations', 'entry_no');"
     "SELECT hg_trgm_index('declarations_bill_trgm', 'declarations', 'bill_no');"
     "SELECT hg_trgm_index('declaration_containers_trgm', 'declaration_containers', 'container_no');"
     "SELECT hg_trgm_index('declaration_items_vins_trgm', 'declaration_items', 'vins');"
     "SELECT hg_trgm_index('manifests_no_trgm', 'manifests', 'manifest_no');"
     "SELECT hg_trgm_index('manifest_bills_bill_trgm', 'manifest_bills', 'bill_no');"
     "SELECT hg_trgm_index('manifest_bills_containers_trgm', 'manifest_bills', 'containers');"
     "SELECT hg_trgm_index('samples_barcode_trgm', 'samples', 'barcode');"},
    /* The district's port customs codes (关区代码表: 2 digits of the directly-administered
     * customs, 2 of the subordinate office), served by GET /api/v1/reference/ports and changed
     * by `haiguan import ports` (port_store.c). The seed is Dalian customs' (0900); 0900-0906 as
     * the published code table gives them, 0908 as the team knows it (docs/RULES.md). */
    {294, "the district's port customs codes",
     "CREATE TABLE customs_ports (code TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
     " modes TEXT NOT NULL);"
     "INSERT INTO customs_ports (code, name_zh, name_en, modes) VALUES"
     " ('0900', '大连海关', 'Dalian Customs', 'sea,air,road,rail'),"
     " ('0901', '大连港湾海关', 'Dalian Gangwan Customs', 'sea'),"
     " ('0902', '大连机场海关', 'Dalian Airport Customs', 'air'),"
     " ('0903', '大连开发区海关', 'Dalian Development Zone Customs', 'sea,road'),"
     " ('0904', '大连出口加工区', 'Dalian Export Processing Zone', 'road'),"
     " ('0905', '大窑湾海关驻北良港办事处', 'Beiliang Port Office of Dayaowan Customs', 'sea,rail'),"
     " ('0906', '大连保税区', 'Dalian Bonded Zone', 'sea,road'),"
     " ('0908', '大连大窑湾海关', 'Dalian Dayaowan Customs', 'sea,rail');" REFDATA_REGISTER(customs_ports),
     REFDATA_TRIGGERS_SQLITE(customs_ports), REFDATA_TRIGGERS_PG(customs_ports)},
    /* the registry of overseas producers of imported food (producer_store.c; 海关总署令第248号):
     * categories are HS chapters or headings, comma-separated; valid_to NULL: open-ended */
    {295, "the registry of overseas food producers",
     "CREATE TABLE overseas_producers (registration_no TEXT PRIMARY KEY, country TEXT NOT NULL, name TEXT NOT NULL,"
     " categories TEXT NOT NULL, valid_from_ms BIGINT NOT NULL, valid_to_ms BIGINT,"
     " status TEXT NOT NULL CHECK (status IN ('registered', 'suspended', 'cancelled')),"
     " created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL);"
     "CREATE INDEX overseas_producers_country ON overseas_producers(country, registration_no);"
     REFDATA_REGISTER(overseas_producers),
     REFDATA_TRIGGERS_SQLITE(overseas_producers), REFDATA_TRIGGERS_PG(overseas_producers)},
    /* the gate looks up a declaration's open inspections by entry number (release_standing.c,
     * the gate's holds): without an index every lookup scanned the open ones */
    {296, "inspections by declaration", "CREATE INDEX inspections_entry ON inspections(entry_no, status);", NULL,
     NULL},
    /* AEO facilitation where it acts (facilitation_store.c): a task's priority in the queue by
     * the credit level when it opened (2 advanced, 1 general certified, 0 other), the
     * enterprise's request to be inspected without attending, and the witness who assisted in its
     * place; the queue's index follows its new order */
    {298, "inspection priority and attendance (AEO facilitation)",
     "ALTER TABLE inspections ADD COLUMN priority BIGINT NOT NULL DEFAULT 0;"
     "ALTER TABLE inspections ADD COLUMN attendance TEXT;"
     "ALTER TABLE inspections ADD COLUMN attendance_by TEXT;"
     "ALTER TABLE inspections ADD COLUMN attendance_ms BIGINT;"
     "ALTER TABLE inspections ADD COLUMN attendance_reason TEXT;"
     "ALTER TABLE inspections ADD COLUMN witness TEXT;"
     "DROP INDEX inspections_open;"
     "CREATE INDEX inspections_queue ON inspections(status, green_channel, priority, created_ms, id);",
     NULL, NULL},
    /* quantities and weights become decimals (issue 14, cargo.h): the same columns, rescaled to
     * integers of the smallest unit, a quantity's 1e-5 and the gram; the JSON keeps its units */
    {299, "quantities in 1e-5 of their unit, weights in grams",
     "UPDATE declaration_items SET quantity = quantity * 100000, gross_weight_kg = gross_weight_kg * 1000,"
     " net_weight_kg = net_weight_kg * 1000;"
     "UPDATE manifest_bills SET gross_weight_kg = gross_weight_kg * 1000;"
     "UPDATE ledger SET quantity = quantity * 100000, released_quantity = released_quantity * 100000;",
     NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};

/* ---- manifests ---- */

static hg_rc note_arrival(db *d, const char *bill_no, const char *container, const char *actor, const char *event,
                          int64_t at_ms, hg_err *err);

/* Officers see every manifest; an enterprise those it filed and those with a bill consigned
 * to it (a consignee follows its goods' arrival). */
static int sees_manifest(const principal *who, const json_t *m)
{
    if (who->role != ROLE_ENTERPRISE || strcmp(who->enterprise, json_string_value(json_object_get(m, "filer"))) == 0)
        return 1;
    size_t i;
    json_t *b;
    json_array_foreach(json_object_get(m, "bills"), i, b)
    {
        if (strcmp(json_string_value(json_object_get(b, "consignee")), who->enterprise) == 0)
            return 1;
    }
    return 0;
}

/* The means of transport a mode needs: sea a vessel, air a flight, road/rail a vehicle. */
static hg_rc manifest_transport_ok(const record *r, hg_err *err)
{
    const char *mode = record_text(r, "transport_mode");
    if (strcmp(mode, "sea") == 0 && !record_text(r, "vessel_imo"))
        return hg_fail(err, HG_INVALID, "required", "vessel_imo", "a sea manifest names the vessel's IMO number");
    if (strcmp(mode, "air") == 0 && !record_text(r, "flight_no"))
        return hg_fail(err, HG_INVALID, "required", "flight_no", "an air manifest names the flight number");
    if ((strcmp(mode, "road") == 0 || strcmp(mode, "rail") == 0) && !record_text(r, "vehicle"))
        return hg_fail(err, HG_INVALID, "required", "vehicle", "a road or rail manifest names the plate or train");
    return HG_OK;
}

static hg_rc index_containers(db *d, const record *r, hg_err *err)
{
    int n;
    const record *bills = record_list(r, "bills", &n);
    hg_rc rc = HG_OK;
    for (int i = 0; i < n && !rc; i++) {
        const char *list = record_text(&bills[i], "containers");
        const char *bill = record_text(&bills[i], "bill_no");
        while (list && *list && !rc) {
            size_t len = strcspn(list, ",");
            char one[32];
            snprintf(one, sizeof one, "%.*s", (int)len, list);
            rc = db_run(d, err, "INSERT INTO bill_containers (container_no, bill_no) VALUES (?, ?)", "tt", one, bill);
            list += len + (list[len] == ',');
        }
    }
    return rc;
}

/* How long a carriage no exit or departure closed stays live: a container not seen leaving
 * (transhipped, or its exit never reported) is free again this long after its transport's
 * arrival, or its ETA (a choice, docs/RULES.md). */
#define CARRIAGE_LIVE_MS (90LL * 24 * 3600 * 1000)

/* A container travels on one manifest at a time (舱单: one carriage per voyage): each container
 * of the new manifest r must be on no other manifest whose carriage is still live — an import
 * whose goods in it have not left the port (no gate-out of a declaration covering it), an
 * export whose transport has not yet declared its arrival (berthing, when it is loaded). Bills
 * of one manifest may share a container (consolidated cargo). Inside the caller's transaction. */
static hg_rc containers_free(db *d, const record *r, int64_t now_ms, hg_err *err)
{
    int n;
    const record *bills = record_list(r, "bills", &n);
    hg_rc rc = HG_OK;
    for (int i = 0; i < n && !rc; i++) {
        for (const char *list = record_text(&bills[i], "containers"); list && *list && !rc;) {
            size_t len = strcspn(list, ",");
            char one[32], other[40] = "", field[40];
            snprintf(one, sizeof one, "%.*s", (int)len, list);
            list += len + (list[len] == ',');
            db_stmt *s;
            rc = db_query(d, &s, err,
                          "SELECT m.manifest_no FROM bill_containers c JOIN manifest_bills b ON b.bill_no = c.bill_no"
                          " JOIN manifests m ON m.manifest_no = b.manifest_no WHERE c.container_no = ?"
                          " AND COALESCE(m.arrived_ms, m.eta) >= ?"
                          " AND ((m.direction = 'export' AND m.arrived_ms IS NULL) OR (m.direction <> 'export'"
                          " AND NOT EXISTS (SELECT 1 FROM declaration_containers dc JOIN declarations x"
                          " ON x.entry_no = dc.entry_no WHERE x.bill_no = b.bill_no AND dc.container_no = c.container_no"
                          " AND x.gate_out_ms IS NOT NULL)))"
                          " ORDER BY m.created_ms DESC LIMIT 1",
                          "ti", one, now_ms - CARRIAGE_LIVE_MS);
            if (rc)
                break;
            if ((rc = db_step(s, err)) == HG_ROW)
                snprintf(other, sizeof other, "%s", db_col_text(s, 0));
            db_reset(s);
            rc = rc == HG_ROW || rc == HG_DONE ? HG_OK : rc;
            snprintf(field, sizeof field, "bills[%d].containers", i);
            if (!rc && other[0])
                /* TRANSLATORS: 1: one; 2: other */
                rc = hg_fail(err, HG_CONFLICT, "container_on_live_manifest", field,
                             "container %s is on manifest %s, whose carriage is not over (not gone from the port, or "
                             "not yet sailed): a container is on one live manifest at a time",
                             one, other);
        }
    }
    return rc;
}

/* Who files a manifest: the carrier or its shipping agent (an enterprise of a filer kind), or
 * a clearance officer entering a paper one; never the goods' importer (海关进出境运输工具舱单
 * 管理办法: the 舱单传输人 is the carrier or its agent). Inside the caller's transaction. */
static hg_rc manifest_filer_ok(db *d, const principal *who, hg_err *err)
{
    if (who->role != ROLE_ENTERPRISE)
        return HG_OK;   /* officers (the route admits no one else) */
    char kind[32] = "";
    hg_rc rc = enterprise_kind(d, who->enterprise, kind, sizeof kind, err);
    if (rc == HG_NOTFOUND || (!rc && !cargo_manifest_filer_kind(kind)))
        return hg_fail(err, HG_FORBIDDEN, "manifest_filer", "filer",
                       "manifests are filed by carriers and their shipping agents (kinds shipping_agent, carrier, "
                       "airline) or an officer; your enterprise is %s",
                       hg_word(rc == HG_NOTFOUND ? "not registered" : kind));
    return rc;
}

hg_rc manifest_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    record r = {0};
    *out = NULL;
    hg_rc rc = record_from_json(&manifest_record, body, REC_CREATE, &r, err);
    if (!rc)
        rc = manifest_transport_ok(&r, err);
    if (rc || (rc = db_begin(d, err)))
        goto out;
    if ((rc = cargo_port_serves(d, record_text(&r, "port"), record_text(&r, "transport_mode"), "transport_mode",
                                 err)) || (rc = manifest_filer_ok(d, c->who, err)) ||
        (rc = containers_free(d, &r, c->now_ms, err)))
        goto fail;
    char prefix[32], no[40];
    int64_t serial, now = c->now_ms;
    snprintf(prefix, sizeof prefix, "MF%s%d", record_text(&r, "port"), cargo_shanghai_year(now));
    rc = cargo_next_serial(d, prefix, &serial, err);
    if (!rc) {
        snprintf(no, sizeof no, "%s%08lld", prefix, (long long)serial);
        rc = record_set_text(&r, "manifest_no", no) || record_set_text(&r, "filer", c->who->enterprise) ||
                     record_set_text(&r, "status", "filed") || record_set_int(&r, "created_at", now) ||
                     record_set_int(&r, "updated_at", now)
                 ? HG_NOMEM
                 : HG_OK;
    }
    if (!rc) {
        rc = record_insert(d, &r, err);
        if (rc == HG_CONFLICT)   /* the only unique column a client controls */
            rc = hg_fail(err, HG_CONFLICT, "conflict", "bills", "a bill number of this manifest is already manifested");
    }
    if (!rc)
        rc = index_containers(d, &r, err);
    if (!rc)
        rc = record_load_json(d, &manifest_record, no, out, err);
    rc = cargo_commit_out(c, rc, "manifest.create", "manifest", no, NULL, out, err);
    goto out;
fail:
    db_rollback(d);
out:
    record_free(&r);
    return rc;
}

hg_rc manifest_get(db *d, const principal *who, const char *manifest_no, json_t **out, hg_err *err)
{
    hg_rc rc = record_load_json(d, &manifest_record, manifest_no, out, err);
    if (!rc && !sees_manifest(who, *out)) {
        json_decref(*out);
        *out = NULL;
        rc = HG_NOTFOUND;
    }
    if (rc == HG_NOTFOUND)
        return hg_fail(err, HG_NOTFOUND, "not_found", "manifest_no", "no such manifest");
    return rc;
}

void manifest_query_make(const principal *who, const char *status, const char *bill_no, const record_query *base,
                         manifest_query *mq)
{
    memset(mq, 0, sizeof *mq);
    mq->q = *base;
    if (status) {
        mq->names[0] = "status";
        mq->values[0] = status;
        mq->q.n_eq = 1;
    }
    mq->q.eq_names = mq->names;
    mq->q.eq_values = mq->values;
    mq->args[0] = bill_no ? bill_no : "";
    mq->args[1] = mq->args[2] = who->enterprise;
    static const char *const extra[2][2] = {
        {"1 = 1", "(filer = ? OR manifest_no IN (SELECT manifest_no FROM manifest_bills WHERE consignee = ?))"},
        {"manifest_no IN (SELECT manifest_no FROM manifest_bills WHERE bill_no = ?)",
         "manifest_no IN (SELECT manifest_no FROM manifest_bills WHERE bill_no = ?) AND (filer = ? OR manifest_no IN "
         "(SELECT manifest_no FROM manifest_bills WHERE consignee = ?))"}};
    int ent = who->role == ROLE_ENTERPRISE;   /* its own, and those that carry its goods */
    mq->q.extra_sql = extra[bill_no != NULL][ent];
    mq->q.extra_args = bill_no ? mq->args : mq->args + 1;
    mq->q.n_extra = (bill_no != NULL) + 2 * ent;
    /* the search box also finds a manifest by a bill or a container it carries */
    mq->q.q_sql = "manifest_no IN (SELECT manifest_no FROM manifest_bills WHERE LOWER(bill_no) LIKE ? OR "
                  "LOWER(containers) LIKE ?)";
    mq->q.n_q_sql = 2;
}

hg_rc manifest_list(db *d, const manifest_query *mq, json_t **out, hg_err *err)
{
    return record_list_json(d, &manifest_record, &mq->q, out, err);
}

hg_rc manifest_arrived(const hg_ctx *c, const char *manifest_no, int64_t at_ms, json_t **out, hg_err *err)
{
    db *d = c->d;
    const principal *who = c->who;
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    rc = manifest_get(d, who, manifest_no, &before, err);
    /* only the manifest's carrier or agent, the port (a machine of scope manifests) or an
     * officer states the transport's arrival (运输工具申报进境) */
    const char *filer = before ? json_string_value(json_object_get(before, "filer")) : "";
    if (!rc && who->role == ROLE_ENTERPRISE && strcmp(filer, who->enterprise) != 0)
        rc = hg_fail(err, HG_FORBIDDEN, "arrival_party", "manifest_no",
                     "the transport's arrival is declared by the manifest's carrier or agent, the port or an officer");
    if (!rc && strcmp(json_string_value(json_object_get(before, "status")), "arrived") == 0)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "status", "the transport's arrival was already declared");
    int64_t filed = 0;
    if (!rc)
        time_parse_rfc3339(json_string_value(json_object_get(before, "created_at")), &filed);
    if (!rc)
        rc = cargo_time_plausible(at_ms, filed, N_("the manifest was filed"), c->now_ms, "at", "arrival_time", err);
    /* a time ahead of our clock by no more than the tolerance is the stater's clock running fast:
     * it happened now, and a release at it is never before it */
    if (!rc && at_ms > c->now_ms)
        at_ms = c->now_ms;
    if (!rc)
        rc = db_run(d, err, "UPDATE manifests SET status = 'arrived', arrived_ms = ?, updated_ms = ? WHERE manifest_no = ?",
                    "iit", at_ms, c->now_ms, manifest_no);
    /* ship-side pickup and arrival direct loading are released at the transport's arrival */
    size_t i;
    json_t *bill;
    json_array_foreach(json_object_get(before, "bills"), i, bill)
    {
        if (!rc)
            rc = note_arrival(d, json_string_value(json_object_get(bill, "bill_no")), NULL, c->actor,
                              "transport_arrived", at_ms, err);
        /* goods declared before their transport's entry take the rates of that day */
        if (!rc)
            rc = cargo_reassess_at_entry(d, json_string_value(json_object_get(bill, "bill_no")), at_ms, c->actor,
                                         c->request_id, err);
        if (!rc)
            rc = cargo_auto_release_bill(d, json_string_value(json_object_get(bill, "bill_no")), c->actor, err);
    }
    if (!rc)
        rc = record_load_json(d, &manifest_record, manifest_no, out, err);
    rc = cargo_commit_out(c, rc, "manifest.arrived", "manifest", manifest_no, before, out, err);
    json_decref(before);
    return rc;
}

/* ---- arrivals ---- */

/* Puts an arrival (the transport's, or the goods' of a bill or of one container) on the
 * timeline of each declaration it concerns: every declaration of the bill, or those covering
 * the container. Inside the caller's transaction. */
static hg_rc note_arrival(db *d, const char *bill_no, const char *container, const char *actor, const char *event,
                          int64_t at_ms, hg_err *err)
{
    enum { MAX = 256 };
    char (*entries)[19] = xcalloc(MAX, sizeof *entries);
    if (!entries)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    db_stmt *s;
    int n = 0;
    hg_rc rc = container ? db_query(d, &s, err,
                                    "SELECT c.entry_no FROM declaration_containers c JOIN declarations x"
                                    " ON x.entry_no = c.entry_no WHERE x.bill_no = ? AND c.container_no = ?"
                                    " ORDER BY c.entry_no",
                                    "tt", bill_no, container)
                         : db_query(d, &s, err, "SELECT entry_no FROM declarations WHERE bill_no = ? ORDER BY entry_no",
                                    "t", bill_no);
    if (!rc) {
        while ((rc = db_step(s, err)) == HG_ROW)
            if (n < MAX)
                snprintf(entries[n++], 19, "%s", db_col_text(s, 0));
        db_reset(s);
        if (rc == HG_DONE)
            rc = HG_OK;
    }
    char at[40];
    time_format_rfc3339(at_ms, at, sizeof at);
    json_t *detail = json_pack("{s:s, s:s, s:s*}", "at", at, "bill_no", bill_no, "container_no", container);
    for (int i = 0; i < n && !rc; i++)
        rc = cargo_add_event(d, entries[i], actor, event, detail, err);
    json_decref(detail);
    xfree(entries);
    return rc;
}

/* *first_ms the time of the first report that covers the bill (a report of the bill) or the
 * container (of it, or of its bill), or -1 when none does. */
static hg_rc first_arrival(db *d, const char *bill_no, const char *container, int64_t *first_ms, hg_err *err)
{
    return db_int(d, first_ms, err,
                  "SELECT COALESCE(MIN(at_ms), -1) FROM arrivals WHERE bill_no = ? AND (container_no IS NULL OR "
                  "container_no = ?)",
                  "tt", bill_no, container ? container : "");
}

hg_rc arrival_report(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    static const char *const allowed[] = {"bills", "containers", "at", NULL};
    hg_rc rc = json_reject_unknown(body, allowed, err);
    if (rc)
        return rc;
    const json_t *bills = json_object_get(body, "bills"), *containers = json_object_get(body, "containers");
    const char *at = json_string_value(json_object_get(body, "at"));
    int64_t at_ms = c->now_ms;
    if (json_object_get(body, "at") && (!at || time_parse_rfc3339(at, &at_ms)))
        return hg_fail(err, HG_INVALID, "invalid", "at", "at must be an RFC 3339 time with offset");
    if ((bills && !json_is_array(bills)) || (containers && !json_is_array(containers)))
        return hg_fail(err, HG_INVALID, "wrong_type", bills && !json_is_array(bills) ? "bills" : "containers",
                       "bills and containers are arrays of numbers");
    size_t nb = json_array_size(bills), nc = json_array_size(containers);
    if (nb + nc == 0 || nb + nc > 1000)
        return hg_fail(err, HG_INVALID, "required", "bills", "name 1 to 1000 bills or containers");
    if ((rc = db_begin(d, err)))
        return rc;
    json_t *reported = json_array();
    for (size_t i = 0; i < nb + nc && !rc; i++) {
        int is_bill = i < nb;
        const json_t *v = json_array_get(is_bill ? bills : containers, is_bill ? i : i - nb);
        char field[40];
        snprintf(field, sizeof field, "%s[%zu]", is_bill ? "bills" : "containers", is_bill ? i : i - nb);
        if (!json_is_string(v)) {
            rc = hg_fail(err, HG_INVALID, "wrong_type", field, "%s must be a string", field);
            break;
        }
        char id[40];
        ident_normalize(json_string_value(v), id, sizeof id);   /* too long: "", which no bill has */
        db_stmt *s;
        /* the bill (or the container's bills) with the facts its arrival follows */
#define ARRIVAL_FACTS "m.direction, m.status, COALESCE(m.arrived_ms, 0), m.created_ms, m.manifest_no"
        rc = is_bill ? db_query(d, &s, err,
                                "SELECT b.bill_no, " ARRIVAL_FACTS " FROM manifest_bills b JOIN manifests m"
                                " ON m.manifest_no = b.manifest_no WHERE b.bill_no = ?",
                                "t", id)
                     /* a container travels on one manifest at a time: its report is for the
                      * latest manifest that carries it (its earlier voyages are history) */
                     : db_query(d, &s, err,
                                "SELECT c.bill_no, " ARRIVAL_FACTS " FROM bill_containers c JOIN manifest_bills b"
                                " ON b.bill_no = c.bill_no JOIN manifests m ON m.manifest_no = b.manifest_no"
                                " WHERE c.container_no = ? AND m.manifest_no = (SELECT m2.manifest_no FROM"
                                " bill_containers c2 JOIN manifest_bills b2 ON b2.bill_no = c2.bill_no JOIN manifests m2"
                                " ON m2.manifest_no = b2.manifest_no WHERE c2.container_no = ?"
                                " ORDER BY m2.created_ms DESC, m2.manifest_no DESC LIMIT 1)",
                                "tt", id, id);
#undef ARRIVAL_FACTS
        int found = 0;
        while (!rc && (rc = db_step(s, err)) == HG_ROW) {
            char bill[40];
            snprintf(bill, sizeof bill, "%s", db_col_text(s, 0));
            found++;
            int import = strcmp(db_col_text(s, 1), "import") == 0;
            /* imports arrive with their transport (运抵 follows 运输工具申报进境); exports reach the
             * terminal before their vessel, but not before the manifest that names them */
            if (import && strcmp(db_col_text(s, 2), "arrived") != 0)
                /* TRANSLATORS: 1: is_bill ? N_("bill") : N_("container"); 2: id */
                rc = hg_fail(err, HG_CONFLICT, "transport_not_arrived", field,
                             "%s %s: the transport has not declared its arrival; goods arrive after it",
                             is_bill ? N_("bill") : N_("container"), id);
            else
                rc = cargo_time_plausible(at_ms, import ? db_col_int(s, 3) : db_col_int(s, 4),
                                          import ? N_("the transport's arrival") : N_("the manifest was filed"), c->now_ms, "at",
                                          "arrival_time", err);
            if (!rc)
                rc = cargo_arrival_allowed(d, db_col_text(s, 5), field, err);
            if (!rc)
                rc = json_array_append_new(reported, json_pack("{s:s, s:s*}", "bill_no", bill, "container_no",
                                                               is_bill ? NULL : id))
                         ? HG_NOMEM
                         : HG_OK;
        }
        if (rc == HG_DONE)
            rc = HG_OK;
        db_reset(s);
        if (!rc && !found)
            /* TRANSLATORS: 1: is_bill ? N_("bill") : N_("container"); 2: id */
            rc = hg_fail(err, HG_INVALID, "not_found", field, "%s %s is not on any manifest", is_bill ? N_("bill") : N_("container"),
                         id);
    }
    if (at_ms > c->now_ms)   /* within the clock tolerance: now (as for the transport's arrival) */
        at_ms = c->now_ms;
    size_t i;
    json_t *x;
    int recorded = 0;
    json_array_foreach(reported, i, x)
    {
        int64_t first = -1;
        if (!rc)
            rc = first_arrival(d, json_string_value(json_object_get(x, "bill_no")),
                               json_string_value(json_object_get(x, "container_no")), &first, err);
        if (!rc && first >= 0) {
            /* reported again (a terminal's machine retrying): the first report stands, nothing
             * is written; the answer says so, with its time */
            char first_at[40];
            time_format_rfc3339(first, first_at, sizeof first_at);
            if (json_object_set_new(x, "already_arrived", json_true()) ||
                json_object_set_new(x, "arrived_at", json_string(first_at)))
                rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
            continue;
        }
        recorded++;
        if (!rc)
            rc = db_run(d, err,
                        "INSERT INTO arrivals (bill_no, container_no, at_ms, reporter, created_ms) VALUES (?, ?, ?, ?, ?)",
                        "ttiti", json_string_value(json_object_get(x, "bill_no")),
                        json_string_value(json_object_get(x, "container_no")), at_ms, c->actor, c->now_ms);
        if (!rc)
            rc = note_arrival(d, json_string_value(json_object_get(x, "bill_no")),
                              json_string_value(json_object_get(x, "container_no")), c->actor, "goods_arrived", at_ms,
                              err);
        if (!rc)
            rc = cargo_auto_release_bill(d, json_string_value(json_object_get(x, "bill_no")), c->actor, err);
    }
    char at_text[40];
    time_format_rfc3339(at_ms, at_text, sizeof at_text);
    json_t *after = json_pack("{s:o, s:s}", "reported", reported, "at", at_text);
    if (!rc && !recorded)   /* every one reported before: nothing changed, nothing audited */
        rc = db_commit(d, err);
    else
        rc = audit_commit(c, rc, "arrival.report", "arrival", at_text, NULL, after, err);
    if (rc)
        json_decref(after);
    else
        *out = after;
    return rc;
}
