/* health.h — passenger health quarantine (旅客卫生检疫, 一码到底): the traveller's e-health
 * declaration (出入境健康申明卡, 4th edition) with its signed QR code, inbound flights and their
 * boarding quarantine (登临检疫), the counter's clearance barcode that follows the traveller
 * through temperature, survey, examination, sampling and the laboratory's result, and the
 * outcome: cleared, or handed over (转运) to the local health authority, who acknowledges.
 * Stands on the platform only. Not here: vessel epidemic prevention (src/vessel/), statistics
 * of other areas (src/stats/).
 *
 * Ownership: every json_t and buffer handed back through an out-parameter belongs to the
 * caller; the record types are static. Health answers are read only by officers with the
 * quarantine post; identity and phone numbers leave this area masked except on the
 * traveller's own card; the audit trail holds a hash of the answers, never the answers. */
#ifndef HG_HEALTH_H
#define HG_HEALTH_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../platform/buf.h"
#include "../platform/cbor.h"
#include "../platform/cose_qr.h"
#include "../platform/ctx.h"
#include "../platform/db.h"
#include "../platform/keydir.h"
#include "../platform/record.h"

/* ------------------------------------------------------------------ the signed QR code */

/* Our prefix, in the place of the EU DCC's "HC1:". */
#define HEALTH_QR_PREFIX "HG1:"
/* A declaration's QR code is valid this long (the issue: 24 hours). */
#define HEALTH_QR_VALID_MS (24LL * 3600 * 1000)
/* The CWT claim that holds our payload (a private claim, negative as RFC 8392 §4 allows;
 * the DCC's is -260). */
#define HEALTH_CWT_CLAIM (-300)

/* What the QR code carries: the declaration, the traveller's masked identity, the expiry. */
typedef struct health_qr_claims {
    char id[32];                    /* declaration id */
    char name[64];                  /* masked name (MRZ transliteration, first letters only) */
    char document[40];              /* masked document number */
    char flight[12];                /* flight number */
    char entry_date[11];            /* YYYY-MM-DD */
    int64_t issued_s, expires_s;    /* CWT iat and exp, seconds since the epoch */
    char key_id[KEYDIR_ID_LEN + 1]; /* the signing key (COSE kid) */
} health_qr_claims;

/* Base45 (RFC 9285). encode appends to out; decode appends bytes, HG_INVALID when s is not
 * Base45. */
hg_rc health_base45_encode(const unsigned char *p, size_t n, buf *out);
hg_rc health_base45_decode(const char *s, size_t n, buf *out);

/* The CBOR reader and writer are the platform's (cbor.h, included above). */

/* Encodes claims as a CWT, signs it as COSE_Sign1 (EdDSA, kid = k's id), compresses it with
 * zlib, Base45-encodes it and prefixes HEALTH_QR_PREFIX: the text of the QR code (RFC 9285's
 * alphabet is QR alphanumeric mode's), appended to out. */
hg_rc health_qr_encode(const keydir_key *k, const health_qr_claims *c, buf *out, hg_err *err);

/* The public key (hex) of a signing key id, for verification: HG_OK, HG_NOTFOUND for an
 * unknown key, or a fault. */
typedef cose_key_lookup health_key_lookup;

/* Verifies a QR code's text: prefix, Base45, zlib, COSE_Sign1 structure, EdDSA signature by a
 * known key, claims, and expiry at now_ms. HG_INVALID with code "qr_invalid" (field "qr") and
 * the step that failed named for anything tampered or malformed, code "qr_expired" when valid
 * but past its expiry (the traveller declares again); the lookup's faults as they come. Pure
 * but for the lookup. */
hg_rc health_qr_verify(const char *text, int64_t now_ms, health_key_lookup lookup, void *cls, health_qr_claims *out,
                       hg_err *err);

/* ------------------------------------------------------------------ pure decisions */

/* Masks an identity or phone number for lists and logs: the first 2 and last 2 characters
 * kept, the rest '*' (at least 4 stars; a value of 6 characters or fewer becomes stars). */
void health_mask(const char *s, char *out, size_t outlen);
/* Masks a name: the first letter of each word kept ("ZHANG<<SAN" -> "Z*** S**"). */
void health_mask_name(const char *s, char *out, size_t outlen);

/* Field validators (check.h's shape): an IATA flight number ("CA930", "MU5138"), a mobile
 * number (+ and 8-15 digits, or a mainland 11-digit mobile), a date "YYYY-MM-DD", a name's
 * MRZ transliteration (A-Z and '<', ICAO 9303 part 3), a full address (not a placeholder such
 * as "hotel" or "unknown", with a street number). */
int health_check_flight(const char *s, const char **reason);
/* Travellers arrive by air or by sea (the card's "flight or vessel"): a trip is a flight number
 * or a ship's voyage (2-12 capital letters, digits, '-', a digit among them); health_trip_rule
 * holds a flight (transport NULL or "flight") to IATA's designator and a "vessel" to the voyage's. */
int health_check_trip(const char *s, const char **reason);
int health_trip_rule(const char *transport, const char *trip, const char **reason);
/* An aircraft's bounds on the arrival record (a ship's are the field table's, larger). */
#define HEALTH_AIRCRAFT_PASSENGERS 900
#define HEALTH_AIRCRAFT_CREW 60
int health_check_phone(const char *s, const char **reason);
int health_check_date(const char *s, const char **reason);
int health_check_mrz_name(const char *s, const char **reason);
int health_check_address(const char *s, const char **reason);
/* A passport's MRZ as the API takes it (one text field, so its lines separated by spaces, or
 * run together as a scanner pastes them), checked by check_mrz (ICAO 9303). */
int health_check_mrz(const char *s, const char **reason);
/* The MRZ's lines separated by '\n' into out; -1 when it does not fit. */
int health_mrz_lines(const char *s, char *out, size_t outlen);
/* The document number a passport's MRZ names (TD3 line 2, characters 1-9, '<' filling) into
 * no; -1 when the MRZ has no second line of at least 9 characters. */
int health_mrz_document_no(const char *mrz, char no[10]);

/* The fields of a person's identity that the traveller's card and a ship's crew and passenger
 * lists share (ICAO 9303, ISO 3166, FAL 5/6), written once for both areas' field tables: the
 * same rule gives the same refusal. A temperature is plausible from 34.0 to 43.0 °C, in tenths
 * (60 °C is a typing error, not a fever). Need check.h's check_country where used. */
#define HEALTH_TEMPERATURE_MIN_DC 340
#define HEALTH_TEMPERATURE_MAX_DC 430
#define HEALTH_FIELD_BIRTH_DATE(zh)                                                                                    \
    {                                                                                                                  \
        .name = "birth_date", .type = FT_TEXT, .flags = FF_REQUIRED, .check = health_check_date, .label_zh = zh        \
    }
#define HEALTH_FIELD_COUNTRY(field, zh)                                                                                \
    {                                                                                                                  \
        .name = field, .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT, .check = check_country, .label_zh = zh        \
    }
#define HEALTH_FIELD_DOCUMENT_NO                                                                                       \
    {                                                                                                                  \
        .name = "document_no", .type = FT_TEXT, .flags = FF_REQUIRED | FF_IDENT, .min_len = 5, .max_len = 20,          \
        .label_zh = "证件号码"                                                                                     \
    }
#define HEALTH_FIELD_TEMPERATURE                                                                                       \
    {                                                                                                                  \
        .name = "temperature_dc", .type = FT_INT, .min = HEALTH_TEMPERATURE_MIN_DC, .max = HEALTH_TEMPERATURE_MAX_DC,  \
        .label_zh = "体温（0.1°C）"                                                                               \
    }

/* The facts an outcome is decided on. */
typedef struct health_facts {
    int symptoms; /* symptoms declared, or found at the examination */
    int fever;    /* a temperature of 37.3 °C or more measured */
    int contact;  /* contact with confirmed, suspected or asymptomatic cases, or a cluster */
    int positive; /* a positive laboratory result */
    int negative; /* a negative result for every sample */
    int pending;  /* samples taken without a result */
} health_facts;
/* The fever threshold in tenths of a degree Celsius (腋温 37.3 °C, the national guideline). */
#define HEALTH_FEVER_DC 373

/* "cleared" when the traveller may be cleared, else NULL with *why naming what stops it (a
 * positive result, symptoms, fever or contact: hand over; results pending; no result yet). */
const char *health_clearance(const health_facts *f, const char **why, int *handover_required);

/* The public declaration route's rate limit (declare_limit.c): a token bucket per client
 * address holding at most a minute's allowance, in thousandths of a declaration. */
#define HEALTH_DECLARE_PER_MIN 60
typedef struct health_bucket {
    int64_t tokens_milli; /* what is left, in thousandths of a declaration */
    int64_t at_ms;        /* when it was last filled */
} health_bucket;
/* Fills b for the time since its last fill at per_min a minute (never beyond a minute's worth)
 * and takes one declaration from it: 1, or 0 with *retry_after_s the whole seconds (at least 1)
 * until one is there again. Pure. */
int health_bucket_take(health_bucket *b, int64_t now_ms, long per_min, int *retry_after_s);
/* The limit in force: HAIGUAN_HEALTH_DECLARE_PER_MIN, else HEALTH_DECLARE_PER_MIN; 0 = off. */
long health_declare_rate(void);
/* One declaration from addr at now_ms, under per_min (0: always admitted): 1 admitted, 0 refused
 * with *retry_after_s. Thread-safe; memory is a fixed table. */
int health_declare_admit(const char *addr, int64_t now_ms, long per_min, int *retry_after_s);

/* The period a moment falls in, Asia/Shanghai: "2026-12-03", "2026-W49" or "2026-12"
 * (period "day", "week", "month"); -1 for an unknown period. */
int health_period_key(const char *period, int64_t ms, char out[12]);

/* The SHA-256 (hex) of the canonical JSON of a declaration's health answers, which the audit
 * row keeps instead of them. */
hg_rc health_answers_hash(const json_t *answers, char hex[65], hg_err *err);

/* ------------------------------------------------------------------ records (health_record.c) */

extern const record_type health_declaration_record, health_visit_record, health_symptom_record;
extern const record_type health_flight_record, health_boarding_record, health_flag_record, health_check_record;
extern const record_type health_sample_record, health_result_record, health_handover_record;
extern const record_type health_scan_record, health_ack_record, health_receipt_record, health_landing_record;

/* ------------------------------------------------------------------ stores */

/* The signing key of QR codes (key directory, "health-qr.key"), loaded once per process. */
hg_rc health_qr_key(keydir_key *out, hg_err *err);

/* A traveller declares (public): validated, stored, answered with its id, the QR text, its
 * expiry and the reopening token (only its hash is stored). */
hg_rc declaration_submit(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
/* The same in two steps, so that the signing is done on the request's own thread and the
 * group-commit writer only stores: a draft (validated, hashed, signed; no database) made at
 * now, then stored (one transaction with its audit row; it may be stored again after a rerun
 * of the writer's batch, which the rollback undid). */
typedef struct health_draft health_draft;
hg_rc health_draft_make(int64_t now, const json_t *body, health_draft **out, hg_err *err);
hg_rc health_draft_store(const hg_ctx *c, const health_draft *dr, json_t **out, hg_err *err);
void health_draft_free(health_draft *dr);
/* The declaration and QR of id for the holder of token; HG_NOTFOUND for any other token. */
hg_rc declaration_reopen(db *d, const char *id, const char *token, json_t **out, hg_err *err);
/* Removes the health answers of declarations made before before_ms; *count those purged. */
hg_rc declaration_purge(const hg_ctx *c, int64_t before_ms, int64_t *count, hg_err *err);
/* The recorded public keys of QR codes {"items":[{key_id, public_key}]} */
hg_rc health_keys_json(db *d, json_t **out, hg_err *err);

hg_rc flight_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
hg_rc flight_land(const hg_ctx *c, const char *id, const json_t *body, json_t **out, hg_err *err);
hg_rc flight_board(const hg_ctx *c, const char *id, const json_t *body, json_t **out, hg_err *err);
hg_rc flight_samples_sent(const hg_ctx *c, const char *id, json_t **out, hg_err *err);
/* The flight board: flights of a local day (NULL: today) with open boardings, samples pending
 * and handovers unacknowledged. */
hg_rc flight_board_json(db *d, const char *date, int64_t now_ms, json_t **out, hg_err *err);

/* The counter scans a QR: verified, matched to its landed flight, the clearance barcode
 * issued (or the one issued before handed back): {barcode, created, status, flags, flight_id,
 * declaration_id, label}. In two steps for the server: the body's code verified at now (reads
 * the public keys only), then the barcode issued for the verified claims. */
hg_rc traveller_scan(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
hg_rc health_scan_verify(db *d, int64_t now, const json_t *body, health_qr_claims *out, hg_err *err);
hg_rc traveller_scan_claims(const hg_ctx *c, const health_qr_claims *q, json_t **out, hg_err *err);
hg_rc traveller_card(db *d, const char *barcode, json_t **out, hg_err *err);
hg_rc traveller_list(db *d, const char *flight, const char *status, const char *cursor, int limit, json_t **out,
                     hg_err *err);
hg_rc traveller_check(const hg_ctx *c, const char *barcode, const json_t *body, json_t **out, hg_err *err);
hg_rc traveller_sample(const hg_ctx *c, const char *barcode, const json_t *body, json_t **out, hg_err *err);
hg_rc traveller_result(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
hg_rc traveller_clear(const hg_ctx *c, const char *barcode, json_t **out, hg_err *err);
/* Travellers of one flight in a batch: every open traveller of the flight whose facts allow
 * clearance is cleared, in one transaction, each with its audit row and event; the others are
 * answered with why they stay: {flight_id, cleared: [barcode...], left: [{barcode, why,
 * handover_required}]}. HG_NOTFOUND for an unknown flight. */
hg_rc flight_clear_batch(const hg_ctx *c, const char *flight_id, json_t **out, hg_err *err);
hg_rc traveller_handover(const hg_ctx *c, const char *barcode, const json_t *body, json_t **out, hg_err *err);
/* The receiving unit acknowledges a handover: by its account (barcode) or by the signed link's
 * token (barcode NULL). */
hg_rc handover_acknowledge(const hg_ctx *c, const char *barcode, const json_t *body, json_t **out, hg_err *err);
hg_rc handover_list(db *d, const char *unacknowledged, json_t **out, hg_err *err);
/* For a periodic job (the scheduler is the platform's): raises the alarm once on every
 * handover still unacknowledged after_ms after it was made, at now (c->now_ms); *raised how
 * many. Each alarm is an audit row and a "health.handover_overdue" event. */
hg_rc health_handover_alarms(const hg_ctx *c, int64_t after_ms, int64_t *raised, hg_err *err);

/* The dashboard: per period, travellers' and flights' times against the targets, and counts. */
#define HEALTH_TARGET_TRAVELLER_MS (20LL * 60 * 1000)
#define HEALTH_TARGET_FLIGHT_MS (90LL * 60 * 1000)
hg_rc health_timings_json(db *d, const char *period, int64_t from_ms, int64_t to_ms, json_t **out, hg_err *err);

#endif
