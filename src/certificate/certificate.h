/* certificate.h — inspection-quarantine certificates issued in the cloud (检验检疫证书云签发):
 * the kinds of certificate, an exporter's application for its own export declaration whose
 * goods passed inspection, and the inspection officer's issue, which numbers the certificate
 * (port + year + kind + serial) and signs its canonical JSON with Ed25519 under a key id kept
 * in the key directory. Stands on cargo (read through cargo.h and its views only). Not here
 * yet: the PDF, the QR, verification, annulment, the SPS XML (issue 21, steps 2-6).
 *
 * Ownership: every json_t handed back through an out-parameter belongs to the caller. */
#ifndef HG_CERTIFICATE_H
#define HG_CERTIFICATE_H

#include <jansson.h>
#include <stdint.h>

#include "../platform/auth.h"
#include "../platform/ctx.h"
#include "../platform/db.h"

/* ---- pure decisions (certificate.c) ---- */

/* A certificate number: the 4-digit customs code of the port, the year, the kind's 2-letter
 * code and a 6-digit serial ("09022026PC000001") into out (17 bytes). -1 when a part does
 * not fit. */
int certificate_number(const char *port, int year, const char *kind, int64_t serial, char out[17]);

/* What the inspections of a declaration say about a certificate (counts by status):
 * HG_OK when at least one passed and none is open or failed; else HG_CONFLICT naming the rule
 * (not_inspected, inspection_open, inspection_failed) in err. */
hg_rc certificate_inspected(int64_t passed, int64_t open, int64_t failed, hg_err *err);

/* ---- stores (certificate_store.c) ---- */

/* The kinds of certificate, by code. */
hg_rc certificate_kinds(db *d, json_t **out, hg_err *err);
/* An exporter applies: body {entry_no, kind, consignee_name, destination_country, goods}. */
hg_rc certificate_apply(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
/* An application or certificate, to its exporter and to officers (404 for anyone else). */
hg_rc certificate_get(db *d, const principal *who, const char *id, json_t **out, hg_err *err);
/* The inspection officer issues an application: numbered, signed, status issued. */
hg_rc certificate_issue(const hg_ctx *c, const char *id, json_t **out, hg_err *err);
/* 1 when the stored signature of certificate id (its canonical text) verifies with the key it
 * names, 0 when not; for tests and, later, verification. */
hg_rc certificate_signature_ok(db *d, const char *id, int *ok, hg_err *err);

#endif
