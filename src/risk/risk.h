/* risk.h — the risk targeting engine (风险布控): rules and headquarters instructions, their
 * compilation into indexes, and the screening of one declaration into a lane, the hits that
 * explain it, sampling orders and credit-based random selection.
 *
 * This header and risk.c are the pure core: no I/O, no SQL, no clock (the caller passes the
 * time). Storage, HTTP and the command line live in risk_store.c, risk_api.c, risk_cmd.c.
 *
 * A compiled rule set (risk_set) is immutable once built and reference-counted: a screening
 * holds a reference for as long as it reads the set, and a reload publishes a new set through
 * a risk_holder without waiting for screenings in flight (the old set is freed by whoever
 * drops the last reference). */
#ifndef HG_RISK_H
#define HG_RISK_H

#include <jansson.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "../platform/rc.h"

/* ---- declarations (the screening input) ---- */

enum { RISK_IMPORT = 1, RISK_EXPORT = 2, RISK_BOTH = 3 }; /* direction bits */

typedef enum risk_decl_kind { RK_COMPLETE, RK_SUMMARY, RK_ADVANCE, RK_ECOMMERCE_LIST, RK__COUNT } risk_decl_kind;

/* Credit levels (信用等级); RC_UNKNOWN is screened as general credit. */
typedef enum risk_credit {
    RC_ADVANCED_CERTIFIED,
    RC_GENERAL_CERTIFIED,
    RC_GENERAL_CREDIT,
    RC_DISHONEST,
    RC_UNKNOWN,
    RC__COUNT
} risk_credit;

#define RISK_TEXT_MAX 64 /* bytes of an identifier-like value (USCC, bill, port ...) */

typedef struct risk_item {
    char hs_code[11];        /* 10 digits (8 tariff + 2 supervision) */
    char origin[4];          /* ISO 3166 alpha-2 or alpha-3 */
    const char *description; /* UTF-8 goods description; borrowed, may be NULL */
    int64_t value_fen;       /* declared value of the item */
    int64_t unit_price_fen;  /* per declared unit */
    int64_t gross_weight_g;
    int frozen; /* 1 when declared frozen or chilled */
} risk_item;

typedef struct risk_decl {
    char id[48];   /* declaration id (entry number); seeds the random draws */
    int direction; /* RISK_IMPORT or RISK_EXPORT */
    risk_decl_kind kind;
    char port[RISK_TEXT_MAX];           /* customs code of the port (4 digits) */
    char transport_mode[RISK_TEXT_MAX]; /* sea, rail, road, air, post, other */
    char trade_country[4];
    char consignee[RISK_TEXT_MAX], consignor[RISK_TEXT_MAX], declarant[RISK_TEXT_MAX]; /* USCC */
    risk_credit credit; /* of the enterprise that declares for its own account */
    char vessel_imo[RISK_TEXT_MAX];
    char bill_no[RISK_TEXT_MAX];
    char (*containers)[12]; /* ISO 6346 numbers; owned when from risk_decl_from_json */
    int n_containers;
    risk_item *items; /* owned when from risk_decl_from_json */
    int n_items;
    int64_t at_ms; /* when it is screened: rule validity is judged at this time */
    json_t *src;   /* the JSON it was parsed from (owns item descriptions), or NULL */
} risk_decl;

/* Parses a declaration body. Unknown fields, bad identifiers (validated by src/check/) and
 * bad amounts are refused naming the field ("items[2].hs_code"). at_ms is set to now_ms by
 * the caller. *out is owned by the caller: free it with risk_decl_free (also on failure).
 * Limits: at most RISK_MAX_ITEMS items, RISK_MAX_CONTAINERS containers. */
#define RISK_MAX_ITEMS 10000
#define RISK_MAX_CONTAINERS 1000
hg_rc risk_decl_from_json(const json_t *body, risk_decl *out, hg_err *err);
void risk_decl_free(risk_decl *d);
/* The declaration as risk_decl_from_json reads it back (the same screening answer): money as
 * decimal strings, an unknown credit level left out. Kept with each recorded screening so that
 * a rule can be tried on declarations already filed. Caller owns it; NULL when out of memory. */
json_t *risk_decl_to_json(const risk_decl *d);

/* ---- rules ---- */

typedef enum risk_lane { LANE_GREEN, LANE_BLUE, LANE_YELLOW, LANE_RED } risk_lane; /* by severity */
typedef enum risk_source { SRC_HQ, SRC_DISTRICT, SRC_PORT } risk_source;
/* A draft is saved but never screens until an officer activates it (issue 16). */
typedef enum risk_status { ST_ACTIVE, ST_SUSPENDED, ST_EXPIRED, ST_DRAFT } risk_status;
typedef enum risk_inspection { INSP_NONE, INSP_MANUAL, INSP_MACHINE, INSP_DOCUMENT } risk_inspection;

/* Condition kinds: the table risk_cond_kinds in risk.c holds their names, parsers and
 * matchers (docs/adding_code.md says how to add one). */
typedef enum risk_cond_kind {
    CK_HS_PREFIX,
    CK_ORIGIN_COUNTRY,
    CK_TRADE_COUNTRY,
    CK_CONSIGNEE,
    CK_CONSIGNOR,
    CK_DECLARANT,
    CK_CREDIT_LEVEL,
    CK_TRANSPORT_MODE,
    CK_PORT,
    CK_DECLARATION_KIND,
    CK_ITEM_VALUE,
    CK_UNIT_PRICE_BELOW,
    CK_GROSS_WEIGHT,
    CK_KEYWORD,
    CK_COLD_CHAIN,
    CK_CONTAINER,
    CK_VESSEL,
    CK_BILL,
    CK__COUNT
} risk_cond_kind;

#define RISK_MAX_CONDS 8
#define RISK_MAX_VALUES 1000 /* values of one set condition */
#define RISK_MAX_SAMPLING 4

typedef struct risk_cond {
    risk_cond_kind kind;
    char **values; /* set kinds: sorted, unique, owned; keyword: lower-cased */
    int n_values;
    int64_t lo, hi; /* range kinds (inclusive); unit_price_below: lo = reference fen, hi = ratio ppm */
} risk_cond;

typedef struct risk_sampling {
    char kind[32];     /* nucleic_acid, lab_quality, ... */
    uint32_t rate_ppm; /* share of fired hits that are sampled */
} risk_sampling;

typedef struct risk_rule {
    int64_t id;                 /* assigned by the store; 0 before */
    char *name, *issuer, *note; /* owned */
    risk_source source;
    risk_status status;
    int64_t valid_from_ms, valid_to_ms; /* valid_from <= at < valid_to; 0 = open */
    int directions;                     /* RISK_IMPORT | RISK_EXPORT bits */
    char **ports;                       /* scope: customs codes of ports, sorted; none = every port */
    int n_ports;
    risk_cond conds[RISK_MAX_CONDS];
    int n_conds;
    risk_lane lane;
    risk_inspection inspection;
    risk_sampling sampling[RISK_MAX_SAMPLING];
    int n_sampling;
    uint32_t fire_ppm; /* share of matches on which the rule fires (1000000 = all) */
} risk_rule;

/* Parses a rule body (the API's JSON shape; see docs/API.md). Server fields (id, status,
 * created_at, updated_at) are refused unless allow_server is set (the store re-reads its own
 * rows with it). Errors name the field: "conditions[1].values[0]". The caller frees *out
 * with risk_rule_free, also on failure. A rule needs at least one condition; ranges must
 * not be inverted; rates lie within 0..1000000 ppm. */
hg_rc risk_rule_from_json(const json_t *body, int allow_server, risk_rule *out, hg_err *err);
/* The rule as JSON (canonical shape; times RFC 3339, money decimal strings). Caller owns it;
 * NULL when out of memory. */
json_t *risk_rule_to_json(const risk_rule *r);
void risk_rule_free(risk_rule *r);
/* Frees n rules and the array that holds them (NULL: nothing). */
void risk_rules_free(risk_rule *rules, size_t n);

/* Names of the enums, for JSON and the stats. Static strings. */
const char *risk_lane_name(risk_lane l);
const char *risk_credit_name(risk_credit c);
/* The lower of two credit levels (dishonest below general credit below the certified ones);
 * an unknown level (unregistered) counts as the lowest but dishonest. */
risk_credit risk_credit_lower(risk_credit a, risk_credit b);
const char *risk_cond_kind_name(risk_cond_kind k);
const char *risk_status_name(risk_status s);
/* -1 when unknown. */
int risk_status_parse(const char *s);

/* ---- configuration of random selection (DESIGN.md §5) ---- */

typedef struct risk_config {
    uint32_t base_ppm_import;             /* random inspection rate of general-credit imports */
    uint32_t base_ppm_export;             /* ... and exports */
    uint32_t credit_share_ppm[RC__COUNT]; /* share of the base rate by credit level */
    uint32_t dishonest_min_ppm;           /* absolute floor for dishonest enterprises */
    risk_lane random_lane;                /* the lane random selection sends a declaration to */
    risk_inspection random_inspection;
} risk_config;

/* Defaults: 5% of general-credit imports and 2% of exports; advanced certified 20% of that,
 * general certified 50%, dishonest at least 80% absolute; random selection means red. */
void risk_config_default(risk_config *c);
/* The random selection rate for a declaration (ppm). */
uint32_t risk_random_rate(const risk_config *c, int direction, risk_credit credit);

/* ---- compiled rule sets ---- */

typedef struct risk_set risk_set;

#define RISK_SECRET_BYTES 32

/* Compiles rules (taking ownership of the array and every rule in it, also on failure) into
 * a set with one reference. Only active rules are indexed; the others are freed. generation
 * is an opaque number the store uses to notice changes. HG_NOMEM. */
hg_rc risk_set_compile(risk_rule *rules, size_t n, const risk_config *cfg,
                       const unsigned char secret[RISK_SECRET_BYTES], int64_t generation, risk_set **out, hg_err *err);
void risk_set_retain(risk_set *s);
/* Drops a reference; the last one frees the set. NULL is ignored. */
void risk_set_release(risk_set *s);
size_t risk_set_count(const risk_set *s);
int64_t risk_set_generation(const risk_set *s);
/* The compiled rule with this id (borrowed from the set), or NULL. */
const risk_rule *risk_set_rule(const risk_set *s, int64_t id);

/* A slot that always holds the current set; swapping it never waits for screenings. */
typedef struct risk_holder {
    pthread_mutex_t lock; /* guards only the pointer and the reference taken on it */
    risk_set *current;
} risk_holder;
void risk_holder_init(risk_holder *h);
/* The current set with a reference the caller releases, or NULL when none was published. */
risk_set *risk_holder_acquire(risk_holder *h);
/* Publishes s (taking the caller's reference) and releases the previous set. */
void risk_holder_swap(risk_holder *h, risk_set *s);
void risk_holder_destroy(risk_holder *h);

/* ---- screening ---- */

typedef struct risk_match {
    risk_cond_kind kind;
    int item;                  /* item index (0-based), -1 for a header value */
    char value[RISK_TEXT_MAX]; /* the declaration's value that matched (truncated) */
} risk_match;

typedef struct risk_hit {
    const risk_rule *rule; /* borrowed from the set the result holds a reference to */
    int fired;             /* 0 when the rule matched but its fire fraction did not draw it */
    risk_match matches[RISK_MAX_CONDS];
    int n_matches;
} risk_hit;

typedef struct risk_order {
    char kind[32]; /* nucleic_acid ... */
    int64_t rule_id;
    uint32_t rate_ppm;
    int selected; /* the draw picked this declaration */
} risk_order;

typedef struct risk_result {
    risk_set *set;              /* reference held while the hits borrow its rules */
    risk_lane lane;             /* most severe of the fired hits and random selection */
    risk_inspection inspection; /* of the most severe fired hit (or random selection) */
    risk_hit *hits;             /* owned; sorted by rule id */
    int n_hits, cap_hits;
    risk_order *orders; /* owned */
    int n_orders, cap_orders;
    int random_selected;
    uint32_t random_rate_ppm; /* the rate applied to this declaration */
    uint32_t random_base_ppm; /* general credit's rate for its direction */
    risk_credit random_credit;
    int random_direction;
    int64_t *cand; /* scratch: candidate rule indexes (reused between screenings) */
    size_t n_cand, cap_cand;
} risk_result;

void risk_result_init(risk_result *r);
/* Frees what the result owns and drops its set reference. */
void risk_result_free(risk_result *r);

/* Screens d against set s (the result takes its own reference on s). A result may be
 * reused for the next screening without freeing (its memory is kept). HG_NOMEM only: a
 * declaration with no items, thousands of items or odd UTF-8 is screened like any other. */
hg_rc risk_screen(risk_set *s, const risk_decl *d, risk_result *out, hg_err *err);
/* Reference evaluator: the same answer as risk_screen by testing every rule (for tests and
 * the benchmark). */
hg_rc risk_screen_naive(risk_set *s, const risk_decl *d, risk_result *out, hg_err *err);

/* Why random selection did or did not pick the declaration, in words, into out. */
void risk_random_reason(const risk_result *r, char *out, size_t n);

/* The result as JSON: lane, inspection, hits with the matched values, orders, random
 * selection and why. Caller owns it; NULL when out of memory. */
json_t *risk_result_to_json(const risk_result *r);

/* A reproducible draw in [0, 1000000): keyed BLAKE2b (libsodium crypto_generichash) of
 * purpose, declaration id and rule id under the server secret, so that an audit can replay it
 * and an enterprise without the secret cannot predict it. */
uint32_t risk_draw(const unsigned char secret[RISK_SECRET_BYTES], const char *purpose, const char *decl_id,
                   int64_t rule_id);

#endif
