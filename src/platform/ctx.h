/* ctx.h — the one context a state change carries through a store function: the connection,
 * who asked (the signed-in principal, when there is one), the actor its audit row names, the
 * request id that ties the row to the access log, and the time of the change, read once so
 * that the row, the record and its events agree. Handlers make it from their request
 * (req_ctx in http.h), commands with ctx_command. audit_commit (audit.h) ends a write with it:
 * the audit row, then the commit, or the rollback. Not for: the request itself (http.h) or
 * per-request memory. */
#ifndef HG_CTX_H
#define HG_CTX_H

#include <stdint.h>

#include "db.h"
#include "log.h"

struct principal;

typedef struct hg_ctx {
    db *d;                       /* the connection the change is made on */
    const struct principal *who; /* the caller, or NULL (commands, jobs, demo data) */
    const char *actor;           /* the audit row's actor: who->name, "cli:<os user>", "demo", "system" */
    const char *request_id;      /* the request's id, or NULL outside a request */
    int64_t now_ms;              /* the time of the change (UTC ms) */
} hg_ctx;

/* A context for a command or a job: no principal, no request id, the time now. actor is
 * borrowed and must outlive the context. */
hg_ctx ctx_command(db *d, const char *actor);
/* The context of a command or the demo acting as a party it names (a principal it builds, so
 * no credential), for one call's argument: store_fn(CTX_AS(d, &p), ...). actor is who->name,
 * no request id, the time read as the call is made (the demo's simulated clock); who is
 * borrowed (auth.h defines it). */
#define CTX_AS(db_, who_) (&(hg_ctx){.d = (db_), .who = (who_), .actor = (who_)->name, .now_ms = now_ms()})

#endif
