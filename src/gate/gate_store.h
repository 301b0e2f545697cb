/* gate_store.h — what the gate's own store files share; not a public API (only src/gate/
 * includes it). */
#ifndef HG_GATE_STORE_H
#define HG_GATE_STORE_H

#include "../platform/ctx.h"
#include "../platform/record.h"

/* Records the exit r (a gate_exit_record: gate, container or vehicle, at) of the goods of
 * entry_no inside the caller's transaction, with every rule of release_gate_out; sets r's
 * server fields. HG_CONFLICT with the rule when something holds the goods. */
hg_rc gate_exit_in_tx(const hg_ctx *c, record *r, const char *entry_no, hg_err *err);

#endif
