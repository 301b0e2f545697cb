/* vessel_store.h — what the vessel area's stores share among themselves; not a public API
 * (the checker refuses it to every other folder): the assessment of a declaration's record. */
#ifndef HG_VESSEL_STORE_H
#define HG_VESSEL_STORE_H

#include <jansson.h>

#include "vessel.h"

/* A declaration assessed: its level, reasons, and what the reasons say besides. */
typedef struct vessel_assessment {
    int level;
    vessel_reason reasons[VESSEL_MAX_REASONS];
    int n;
    int testing; /* crew testing on application required */
    int late;    /* declared after the notice period (the late_report rule fired) */
    int cold;    /* refrigerated cargo */
} vessel_assessment;

/* Assesses a parsed declaration (its lists included) with the rules, the high-risk list and
 * the ship's earlier calls (other than call_no, NULL for a new one) of the database, as first
 * reported at reported_ms. */
hg_rc vessel_assess_record(db *d, const record *r, const char *call_no, int64_t reported_ms, vessel_assessment *a,
                           hg_err *err);
/* The reasons as the API shows them: [{rule, level, reason}] (NULL when out of memory). */
json_t *vessel_reasons_json(const vessel_assessment *a);

/* The call as the API shows it (reasons as an array); HG_NOTFOUND naming call_no. */
hg_rc vessel_call_load(db *d, const char *call_no, json_t **out, hg_err *err);
/* Opens the write transaction and loads the call into *before; an enterprise reaches only
 * its own (HG_NOTFOUND otherwise). The caller ends the transaction (audit_commit). */
hg_rc vessel_call_begin(const hg_ctx *c, const char *call_no, json_t **before, hg_err *err);
/* The call's status ("declared", "arrived", "departed"), borrowed from call. */
const char *vessel_status_of(const json_t *call);

/* The end of a store's write, whatever became of it: on failure no reply (*out released and
 * NULL); frees r (parsed from the body, NULL for none) and before (NULL for none). Returns rc. */
hg_rc vessel_write_done(hg_rc rc, record *r, json_t *before, json_t **out);

/* What the audit trail keeps of a call (SECURITY.md 21: the chain holds hashes of the data
 * about people, not the data): a copy with the lists of persons and the reasons (which name
 * them) replaced by their count and SHA-256. NULL for NULL; the caller owns the copy. */
json_t *vessel_audit_view(const json_t *call);
/* The same for samples (a list page or one sample): the persons' names masked. */
json_t *vessel_audit_samples(const json_t *samples);

#endif
