/* cargo.h — cargo clearance: manifests (舱单) and their bills, transport arrival, arrival
 * reports (运抵), declarations (报关单) with items, and the declaration's life from filing to
 * release with its timeline; inspection tasks, samples and the logistics ledger. The pure
 * decisions live in cargo.c; SQL in *_store.c; HTTP in *_api.c. Cargo stands on risk (it
 * screens every filing) and tax (it assesses it); the areas after it (gate, vessel, stats)
 * read it through this header and the views of migration 270, and add to its decisions
 * through the extension points below (CARGO_RELEASE_CONDITIONS, CARGO_DEMO_DEPARTURES).
 *
 * Ownership: every json_t handed back through an out-parameter belongs to the caller; record
 * types and extension rows are static. */
#ifndef HG_CARGO_H
#define HG_CARGO_H

#include <jansson.h>
#include <stdint.h>

#include "../platform/auth.h"
#include "../platform/ctx.h"
#include "../platform/db.h"
#include "../platform/record.h"

/* Quantities and weights are decimals kept as integers of their smallest unit (issue 14;
 * 报关单填制规范: quantities to 5 places, weights in kg to 3): item quantity in 1e-5 of its
 * unit, the items' and the bills' gross and net weights in grams (the columns keep their
 * names, gross_weight_kg, as the JSON keeps its kilograms). */
#define CARGO_QUANTITY_SCALE 5
#define CARGO_QUANTITY_UNIT 100000
#define CARGO_WEIGHT_SCALE 3
#define CARGO_GRAMS_PER_KG 1000

extern const record_type manifest_record;
extern const record_type sample_record;   /* read-only: lists and exports */
extern const record_type bill_record;
extern const record_type declaration_record;
extern const record_type item_record;

/* ---- configuration (read once at start-up, before any thread: cargo_config_load) ---- */

typedef struct cargo_config {
    int64_t clock_tolerance_ms;   /* how far ahead of our clock a stated time may be (default 5 min) */
    int separation_of_duties;     /* 1: release after an officer-ordered or failed inspection needs a
                                   * second officer (default 1) */
    int64_t weight_tolerance_ppm; /* declared gross weight may exceed the bill's by this share
                                   * (default 30000 = 3%) */
} cargo_config;
extern cargo_config cargo_cfg;
/* Reads HAIGUAN_CLOCK_TOLERANCE (seconds), HAIGUAN_SEPARATION_OF_DUTIES (0 or 1) and
 * HAIGUAN_WEIGHT_TOLERANCE_PPM; a malformed value keeps the default and is logged. */
void cargo_config_load(void);

/* A stated time (an arrival, a report) against the facts it follows: HG_INVALID with code
 * rule and field when it is before not_before (0: no bound) or after now plus the clock
 * tolerance. what names the time in the message. */
hg_rc cargo_time_plausible(int64_t at_ms, int64_t not_before_ms, const char *not_before_what, int64_t now_ms,
                           const char *field, const char *rule, hg_err *err);

/* Enterprise kinds that file manifests and declare the transport's arrival: carriers and
 * their shipping agents (舱单传输人: 运输工具负责人或其代理人, 海关进出境运输工具舱单管理办法). */
int cargo_manifest_filer_kind(const char *kind);

/* ---- pure decisions ---- */

/* Declaration states. */
#define DECL_FILED "filed"             /* screened, waiting for arrival, tax or an officer */
#define DECL_INSPECTION "inspection"   /* selected by risk (red or yellow lane) */
#define DECL_RELEASED "released"
#define DECL_REFUSED "refused"         /* disposed (returned or destroyed); final */
#define DECL_PERMITTED "permitted"     /* two-stage admission: permitted to enter under seal,
                                        * waiting for laboratory results to be qualified for market */
#define DECL_RETURNED "returned"       /* returned by an officer for correction (退单): the
                                        * declarant corrects and refiles it */
#define DECL_CANCELLED "cancelled"     /* cancelled on the declarant's request (撤单); final */

/* Formats an entry number: 4-digit port customs code + year + direction digit (1 import,
 * 0 export) + 9-digit serial, into out (19 bytes). -1 when the parts do not fit. */
int cargo_entry_no(const char *port, int year, const char *direction, int64_t serial, char out[19]);

/* Year in Asia/Shanghai of a moment (entry numbers and statistics use local years). */
int cargo_shanghai_year(int64_t ms);

/* Checks a comma-separated list of identifiers with fn ("CSQU3054383,MSCU1234566"); an
 * empty list is valid. For use as a field validator. */
int cargo_check_containers(const char *s, const char **reason);
int cargo_check_vins(const char *s, const char **reason);
/* 4-digit customs code of a port (关区代码), e.g. "0901". */
int cargo_check_port(const char *s, const char **reason);

/* The district's port table (port_store.c, migration 294). HG_OK when code is one of its
 * customs codes, else HG_INVALID unknown_port naming field; a fault is returned as one. */
hg_rc cargo_port_known(db *d, const char *code, const char *field, hg_err *err);
/* As cargo_port_known (field "port"), and the port serves the transport mode mode (sea, air,
 * road, rail): else HG_INVALID port_mode naming mode_field, the port and the modes it serves
 * (报关单填制规范: 运输方式 and 进出境关别 agree). */
hg_rc cargo_port_serves(db *d, const char *code, const char *mode, const char *mode_field, hg_err *err);
/* The table as the console reads it: {"version", "items": [{"code", "name_zh", "name_en",
 * "modes": ["sea", ...]}]} by code. Caller owns *out. */
hg_rc cargo_ports_json(db *d, json_t **out, hg_err *err);
/* Adds or replaces one port (modes: sea, air, road, rail separated by commas, spaces or '|'),
 * with its audit row (refdata.port.create or .update, before and after), inside the caller's
 * transaction. HG_INVALID naming the field. */
hg_rc cargo_port_put(const hg_ctx *c, const char *code, const char *name_zh, const char *name_en, const char *modes,
                     hg_err *err);

/* The registry of overseas food producers (producer_store.c, 海关总署令第248号, migration 295). */
extern const record_type producer_record;
/* 1 when goods of hs_code are food whose overseas producer must be registered (the chapters and
 * headings docs/RULES.md lists). */
int cargo_registered_food(const char *hs_code);
/* Each item of an import's items (JSON) that is food names a producer (else HG_INVALID
 * producer_required) that is in the registry, registered (not suspended or cancelled), for the
 * item's origin and a category its HS code falls under, in force at now (else HG_CONFLICT
 * producer_not_registered); both name items[i].producer, i the item's index in items; a fault
 * is returned as one. Exports pass. */
hg_rc cargo_check_registry(db *d, const char *direction, const json_t *items, int64_t now, hg_err *err);
/* A registration from body (the fields of producer_record; status registered when absent),
 * audited producer.create; with replace, an existing one (same country) is replaced and
 * audited producer.update, else HG_CONFLICT. Its own transaction. Caller owns *out. */
hg_rc producer_create(const hg_ctx *c, const json_t *body, int replace, json_t **out, hg_err *err);
/* Changes a registration (name, categories, validity, status), audited producer.update.
 * HG_NOTFOUND for an unknown number. Caller owns *out. */
hg_rc producer_update(const hg_ctx *c, const char *registration_no, const json_t *body, json_t **out, hg_err *err);
hg_rc producer_get(db *d, const char *registration_no, json_t **out, hg_err *err);

/* Extension point CARGO_RELEASE_CONDITIONS: a fact that a later area owns and a release
 * needs (the vessel is under no no-unloading order, the gate has not let the goods out).
 * Rows are contributed through module records (module.h); the store asks each one inside the
 * release's transaction, and the decision (cargo_release_allowed) stays pure over the facts. */
#define CARGO_RELEASE_CONDITIONS "cargo.release_condition"
typedef struct cargo_release_condition {
    const char *field;     /* names the fact in a refusal: "vessel" */
    const char *refusal;   /* the refusal's message: "the vessel is ordered to leave unloaded" */
    /* *holds 1 when the condition allows the release of entry_no; an error is a fault. */
    hg_rc (*holds)(db *d, const char *entry_no, int *holds, hg_err *err);
    const char *rule;      /* the refusal's code ("no_unloading"); NULL: "conflict" */
} cargo_release_condition;

/* Extension point CARGO_MANIFEST_HOLDS: an order on a whole means of transport that a later
 * area owns (the vessel area's no-unloading order after crew tested positive). While a row
 * holds a manifest, its goods' arrival reports are refused and none of its goods is released
 * (409, code rule). */
#define CARGO_MANIFEST_HOLDS "cargo.manifest_hold"
typedef struct cargo_manifest_hold {
    const char *rule;      /* the refusal's code: "no_unloading" */
    const char *refusal;   /* the refusal's message */
    /* *held 1 when the order stands on manifest_no; an error is a fault. */
    hg_rc (*held)(db *d, const char *manifest_no, int *held, hg_err *err);
} cargo_manifest_hold;
/* HG_OK when no row of CARGO_MANIFEST_HOLDS holds manifest_no; else HG_CONFLICT naming field. */
hg_rc cargo_arrival_allowed(db *d, const char *manifest_no, const char *field, hg_err *err);
/* The first row holding manifest_no into *hold (NULL when none). */
hg_rc cargo_manifest_held(db *d, const char *manifest_no, const cargo_manifest_hold **hold, hg_err *err);

/* The vessel a manifest names, for a later area whose orders stand on a whole vessel (the
 * vessel area's orders on a call): its IMO number as filed ("" when none), voyage ("" when
 * none) and ETA. HG_NOTFOUND for an unknown manifest. */
hg_rc cargo_manifest_vessel(db *d, const char *manifest_no, char imo[16], char voyage[24], int64_t *eta_ms,
                            hg_err *err);

/* What a declaration needs before it may be released, from its facts. */
typedef struct release_facts {
    const char *status;
    const char *lane;          /* green, yellow, red, blue */
    int arrived;               /* its bill has an arrival report */
    int transport_arrived;     /* the means of transport declared entry */
    int ship_side_pickup;      /* 船边直提: released at transport arrival */
    int arrival_direct_loading;/* 抵港直装: export loaded on arrival at port */
    int inspection_passed;     /* an inspection task ended with pass */
    int tax_settled;           /* no tax due, or paid, guaranteed or deferred */
    int samples_pending;       /* samples without a laboratory result */
    int sample_positive;       /* a sample tested positive: never released */
    int by_officer;            /* an officer (clearance post) asks for the release */
    int release_first;         /* 先放后检: bulk commodities released while inspection goes on */
    const cargo_release_condition *unmet;   /* the first contributed condition that does not
                                             * hold, or NULL (cargo_release_conditions) */
} release_facts;

/* HG_OK when the release may happen; HG_CONFLICT with the rule named in err otherwise (the
 * first of cargo_release_unmet's). */
hg_rc cargo_release_allowed(const release_facts *f, hg_err *err);
/* Appends to unmet every condition the release of f does not meet, in the order
 * cargo_release_allowed checks them, each {"rule", "field", "message", "waits"} (waits false:
 * the release will never happen: released already, refused, a positive sample). HG_NOMEM. */
hg_rc cargo_release_unmet(const release_facts *f, json_t *unmet);
/* Sets f->unmet to the first row of CARGO_RELEASE_CONDITIONS that does not hold for entry_no
 * (NULL when all hold), inside the caller's transaction. */
hg_rc cargo_release_conditions(db *d, const char *entry_no, release_facts *f, hg_err *err);

/* Imported seafood (HS chapter 03, headings 1604 and 1605): every batch is sampled for
 * nucleic acid (HQ's standing instruction on cold-chain food). */
int cargo_needs_nucleic_acid(const char *direction, const char *hs_code);

/* Vehicles, which carry VINs: HS 8702-8705 (motor vehicles) and 8711 (motorcycles). */
int cargo_vehicle(const char *hs_code);
/* Item rules a field table cannot say: net weight not above gross; a vehicle line names one
 * VIN per vehicle. HG_INVALID naming items[line].field and the rule. */
hg_rc cargo_item_plausible(const record *item, int line, hg_err *err);

/* Bulk commodities that may be released first and inspected later (先放后检): ores and
 * concentrates (chapter 26), coal (2701), crude oil (2709), wheat (1001), maize (1005) and
 * soybeans (1201). */
int cargo_bulk_commodity(const char *hs_code);

/* Two-stage admission: may goods be permitted to enter before their laboratory results?
 * Everything that release needs must hold except the pending samples (which must exist). */
hg_rc cargo_permit_allowed(const release_facts *f, hg_err *err);

/* A foreign producer whose goods tested positive is suspended: one week after one or two
 * positives, four weeks after three or more, counted from the latest. Returns the end of the
 * suspension in ms, or 0 when not suspended at now. */
int64_t cargo_producer_suspended_until(int64_t positives, int64_t last_positive_ms, int64_t now);

/* Two-step declaration: the complete declaration is due 14 days after the transport's entry. */
#define CARGO_COMPLETE_DAYS 14
int cargo_complete_overdue(const char *kind, int64_t completed_ms, int64_t transport_arrived_ms, int64_t now_ms);

/* ---- store (each write one transaction with its audit row and timeline event) ----
 * A write takes the context it is made in (ctx.h): c->who is the party acting and must be
 * set (a command or the demo acts as a principal it builds); c->actor names it on the
 * timeline and the audit row, which also names the credential c->who acted with. */

hg_rc manifest_create(const hg_ctx *c, const json_t *body, json_t **out,
                      hg_err *err);
hg_rc manifest_get(db *d, const principal *who, const char *manifest_no, json_t **out, hg_err *err);
/* The query of the manifests who sees (an enterprise: those it filed or that carry a bill
 * consigned to it), by status and the bill they carry (each NULL: any), on top of base (its
 * search, sort and pages, list_query_parse): q also finds a manifest by the bills and
 * containers it carries. mq holds what its conditions point to: do not copy it. */
typedef struct manifest_query {
    record_query q;
    const char *names[1], *values[1], *args[3];
} manifest_query;
void manifest_query_make(const principal *who, const char *status, const char *bill_no, const record_query *base,
                         manifest_query *mq);
/* The page of manifests mq selects ({items, next_cursor} and total with pages). */
hg_rc manifest_list(db *d, const manifest_query *mq, json_t **out, hg_err *err);
hg_rc manifest_arrived(const hg_ctx *c, const char *manifest_no, int64_t at_ms,
                       json_t **out, hg_err *err);
/* When the goods of bill_no arrived (0: not all of them yet): its own arrival report, or the
 * last first report of each container declaration entry_no covers (NULL: all the bill's). */
hg_rc cargo_goods_arrived(db *d, const char *bill_no, const char *entry_no, int64_t *at_ms, hg_err *err);
/* Arrival report for bills or containers; refuses unknown ones. */
hg_rc arrival_report(const hg_ctx *c, const json_t *body, json_t **out,
                     hg_err *err);

/* A declaration parsed and checked (field table and header rules) before it is filed: the
 * part of filing that needs no database, done on the request's own thread rather than by the
 * group-commit writer. */
typedef struct declaration_draft {
    record r;
    json_t *filed;   /* its JSON; the server's fields are set when filed */
    char *tmpl;      /* filed's canonical text, the server's fields left as holes (json_canon.h) */
} declaration_draft;
hg_rc declaration_draft_make(const principal *who, const json_t *body, declaration_draft **out, hg_err *err);
void declaration_draft_free(declaration_draft *dr);
/* Files a draft (in its own transaction); *out as for declaration_file, and *text (if text
 * is not NULL; xfree it) its canonical JSON text, as the audit row stored it. */
hg_rc declaration_file_draft(const hg_ctx *c, declaration_draft *dr,
                             json_t **out, char **text, hg_err *err);
hg_rc declaration_file(const hg_ctx *c, const json_t *body, json_t **out,
                       hg_err *err);
hg_rc declaration_get(db *d, const principal *who, const char *entry_no, json_t **out, hg_err *err);
typedef struct declaration_filter {
    const char *status, *direction, *port, *enterprise, *lane, *kind;
    const char *bill_no;      /* the manifest bill's number (normalised: bill_buf), or NULL */
    char bill_buf[40];
    int64_t from_ms, to_ms;   /* filed between, 0 = open */
    int64_t released_from_ms, released_to_ms;   /* released between, 0 = open */
    int overdue;              /* two-step summaries past their 14 days */
    /* the list's shared parameters (list_query.h: q, sort, page, limit, cursor) and order
     * (newest_first: entry numbers grow with time); its conditions are set by
     * declaration_query_make */
    record_query list;
} declaration_filter;
/* What declarations lists search (q) besides the entry and bill numbers: a container the
 * declaration covers, a VIN of its items. */
#define DECLARATION_Q_SQL                                                                                               \
    "entry_no IN (SELECT entry_no FROM declaration_containers WHERE LOWER(container_no) LIKE ?) OR entry_no IN "       \
    "(SELECT entry_no FROM declaration_items WHERE LOWER(vins) LIKE ?)"
/* The query of a filter as who may see it (an enterprise: its own declarations), with the
 * storage its conditions point to; free it with declaration_query_free, also on failure. */
typedef struct declaration_query {
    record_query q;
    const char *names[8], *values[8];
    const char *args[10];
    char slots[5][24];
    buf where;
} declaration_query;
hg_rc declaration_query_make(const principal *who, const declaration_filter *f, declaration_query *dq, hg_err *err);
void declaration_query_free(declaration_query *dq);
/* The filter's page, each row with its arrival, overdue and tax facts. Caller owns *out. */
hg_rc declaration_list(db *d, const principal *who, const declaration_filter *f, json_t **out, hg_err *err);
/* Adds to decl (a declaration's JSON) "parties": each USCC among its declarant, consignee and
 * consignor mapped to {"name_zh", "name_en"} from the registry (unregistered ones left out);
 * for the read routes (declaration_names.c). */
hg_rc declaration_add_parties(db *d, json_t *decl, hg_err *err);
/* What the release of entry_no waits for, as who may see it (release_conditions.c):
 * {"entry_no", "status", "lane", "may_release", "unmet": [cargo_release_unmet's rows, each
 * with what resolves it: the open inspections (their reason for officers only), the pending
 * samples, the tax due]}. HG_NOTFOUND as declaration_get. Caller owns *out. */
hg_rc declaration_release_standing(db *d, const principal *who, const char *entry_no, json_t **out, hg_err *err);
hg_rc declaration_release(const hg_ctx *c, const char *entry_no, json_t **out,
                          hg_err *err);
hg_rc declaration_permit_entry(const hg_ctx *c, const char *entry_no,
                               json_t **out, hg_err *err);
/* Two-step (海关总署公告2019年第127号; change_store.c): the summary's complete declaration, with
 * the elements of each item and corrections of value, HS code (its heading kept) and quantity,
 * re-assessed; one after the 14 days keeps its lateness (completed_late, the fee on the bill). */
hg_rc declaration_complete(const hg_ctx *c, const char *entry_no,
                           const json_t *body, json_t **out, hg_err *err);

/* A declaration's life after filing (change_store.c; 海关总署令第220号 on 修撤单). The declarant
 * asks to modify (kind "modify", with "items": [{"line_no", field: value}]) or cancel
 * ("cancel") before release, with a reason; customs opens an amendment after release
 * ("amend": value, HS code, quantity, origin). One request waits at a time; a clearance
 * officer who did not ask approves or refuses it (with a note). An approved modification
 * re-screens and re-assesses, an amendment re-assesses (a difference: re-issued, a
 * supplementary bill or a refund), a cancellation voids the bill and frees the bill's
 * packages, weight and containers. */
hg_rc change_request(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err);
hg_rc change_decide(const hg_ctx *c, int64_t id, int approve, const json_t *body, json_t **out, hg_err *err);
typedef struct change_filter {
    const char *entry_no, *status, *kind; /* each NULL: any */
    const char *cursor;                   /* after this id (newest first) */
    int limit;
} change_filter;
/* Change requests newest first (an enterprise: those of declarations it is a party to). */
hg_rc change_list(db *d, const principal *who, const change_filter *f, json_t **out, hg_err *err);
/* An officer returns a filed declaration for correction (退单) with a reason; its declarant
 * corrects it (items as a modification's, optional) and refiles it under the same entry
 * number: screened and assessed again, the time it spent returned added to with_declarant_ms. */
hg_rc declaration_return(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err);
hg_rc declaration_refile(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err);

/* Screening and tax are earlier areas' (risk_store.h, tax_store.h): filing calls them
 * directly, inside its transaction. */

/* Appends an event to a declaration's timeline, inside the caller's transaction. */
hg_rc cargo_event(db *d, const char *entry_no, const char *actor, const char *event, const json_t *detail,
                  hg_err *err);

/* For the areas after cargo that keep their records beside cargo's (gate, vessel): the next
 * number of the serial named prefix, inside the caller's write transaction; and audit then
 * commit (rc HG_OK) or roll back, for a change whose answer is *out, its state after: on
 * failure *out is released and set to NULL, so that the caller has nothing to clean up. */
hg_rc cargo_next_serial(db *d, const char *prefix, int64_t *out, hg_err *err);
hg_rc cargo_commit_out(const hg_ctx *c, hg_rc rc, const char *action, const char *type, const char *id,
                       const json_t *before, json_t **out, hg_err *err);
/* The same for a caller without a context: no credential on the row (prefer cargo_commit_out). */
hg_rc cargo_finish_out(db *d, hg_rc rc, const char *actor, const char *action, const char *type, const char *id,
                       const char *request_id, const json_t *before, json_t **out, hg_err *err);

/* The gate reports goods of a released declaration leaving at at_ms: the first exit (unless
 * earlier is 1: an exit at or before this one is on record) becomes its gate-out time, and
 * the exit (detail borrowed) goes on its timeline by actor. Inside the caller's transaction. */
hg_rc cargo_note_gate_out(db *d, const char *entry_no, int64_t at_ms, int earlier, const char *actor,
                          const json_t *detail, hg_err *err);

/* Releases the declaration if it has become releasable (after a payment, say), inside the
 * caller's transaction. */
hg_rc cargo_auto_release_entry(db *d, const char *entry_no, const char *actor, hg_err *err);

/* Inspections and samples: what filing opens and asks (sampling_store.c), and the orders and
 * results (inspection_store.c). */
struct risk_verdict;
hg_rc cargo_open_checks(db *d, const char *entry_no, const json_t *decl, const char *lane,
                        const struct risk_verdict *verdict, hg_err *err);
hg_rc cargo_check_producers(db *d, const json_t *body_items, hg_err *err);
/* A foreign producer's positive batches (declarations with a positive nucleic-acid sample) and
 * the end of its suspension at now (0: not suspended). */
hg_rc cargo_producer_suspension(db *d, const char *producer, int64_t now, int64_t *batches, int64_t *until,
                                hg_err *err);

/* What still holds one container of bill_no at the gate (放行 per container), as a JSON array
 * (*holds, caller owns) of {"rule", "entry_no"?, "message"}: empty when it may leave. A
 * container leaves when every declaration covering it is released and it has itself arrived;
 * an open inspection of any of them, a suspended producer's goods among them or an order on
 * its transport (CARGO_MANIFEST_HOLDS) holds it. container NULL: the goods of a bill without
 * containers, declaration entry_no's. */
hg_rc cargo_container_holds(db *d, const char *bill_no, const char *container, const char *entry_no, json_t **holds,
                            hg_err *err);
/* The gross weight declared for one container of bill_no (the gate's weighbridge comparison),
 * in grams: for each declaration covering it, its items' gross weight shared evenly among the
 * containers it covers, summed; 0 when no declaration covers it. */
hg_rc cargo_container_declared_gross(db *d, const char *bill_no, const char *container, int64_t *grams,
                                     hg_err *err);
hg_rc cargo_sample_counts(db *d, const char *entry_no, int *pending, int *positive, hg_err *err);
/* The queue of a status (default open), green channel first then oldest, paged: at most limit
 * rows and "next_cursor". Rows carry the declaration's lane and declarant. */
/* The queue in its order (green channel first, then oldest), q (or NULL) matching any part of
 * the entry or bill number. */
hg_rc inspection_list(db *d, const char *status, const char *q, const char *cursor, int limit, json_t **out,
                      hg_err *err);
/* An officer orders an inspection of a filed declaration (kind manual, machine or document,
 * with a reason): red or yellow lane, a task in the queue. */
hg_rc inspection_order(const hg_ctx *c, const char *entry_no, const json_t *body,
                       json_t **out, hg_err *err);
/* The declaration's enterprise asks that its open physical inspections go on without it
 * (查验免到场, {"reason"}): certified levels only (facilitation_store.c). */
hg_rc inspection_waive_attendance(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out,
                                  hg_err *err);
hg_rc inspection_result(const hg_ctx *c, int64_t id, const json_t *body,
                        json_t **out, hg_err *err);
/* The query of the samples who sees (an enterprise: those of its declarations), on top of
 * base (filters, search, sort and pages); args holds what its condition points to. */
void sample_query_make(const principal *who, record_query *base, const char *args[3]);
/* The samples of q; with entry_no, that declaration's, which who must see (else not found).
 * q NULL: every sample of entry_no (at most 200), by barcode. */
hg_rc sample_list(db *d, const principal *who, const char *entry_no, const record_query *q, json_t **out, hg_err *err);
hg_rc sample_get(db *d, const principal *who, const char *barcode, json_t **out, hg_err *err);
hg_rc sample_result(const hg_ctx *c, const char *barcode, const json_t *body,
                    json_t **out, hg_err *err);

/* The logistics ledger (ledger_store.c): entries for items under legal inspection, opened at
 * filing; status pending, sampled, passed, failed or disposed; released sets the released
 * quantity. line_no 0 updates every line of the declaration. */
hg_rc ledger_open(db *d, const char *entry_no, const json_t *decl, hg_err *err);
hg_rc ledger_update(db *d, const char *entry_no, int64_t line_no, const char *status, int released, hg_err *err);
hg_rc ledger_list(db *d, const principal *who, const char *entry_no, const char *status, json_t **out, hg_err *err);

/* Extension point CARGO_DEMO_DEPARTURES: in generated port activity (cargo_demo.c), the
 * released goods leave through gate 1 or 2 of the port within hours; cargo draws which gate
 * and when, sets the simulated clock to that moment and calls leave on every row contributed
 * through a module record (module.h), which records the exit its own way. */
#define CARGO_DEMO_DEPARTURES "cargo.demo_departure"
typedef struct cargo_demo_departure {
    hg_rc (*leave)(db *d, const char *entry_no, int gate_no, hg_err *err);
} cargo_demo_departure;

/* `haiguan demo --days N`: generated port activity (cargo_demo.c). */
struct demo_options;
hg_rc cargo_demo_activity(db *d, const struct demo_options *o, hg_err *err);

extern const struct migration cargo_migrations[];

#endif
