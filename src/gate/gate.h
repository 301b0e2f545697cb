/* gate.h — the smart gate (智能卡口): the release records the gate reads (放行信息: which
 * bills, containers and vehicles may leave) and the gate's exits (卡口放行), whose first one
 * ends the third segment of clearance time (release → gate out). The first area built on the
 * module convention (docs/adding_an_area.md); it stands on cargo, whose declarations it lets
 * out. Not here: the release decision itself (cargo), the statistics (stats).
 *
 * Ownership: every json_t handed back through an out-parameter belongs to the caller; the
 * record types are static. */
#ifndef HG_GATE_H
#define HG_GATE_H

#include <jansson.h>
#include <stdint.h>

#include "../platform/auth.h"
#include "../platform/ctx.h"
#include "../platform/db.h"
#include "../platform/record.h"

/* A gate exit: the record described once (release_store.c). */
extern const record_type gate_exit_record;

typedef struct release_query {
    int64_t since_ms;        /* released at or after */
    const char *direction, *port, *bill_no, *container;   /* or NULL */
    const char *gone;        /* "true": already out of the gate, "false": not yet, NULL: both */
    const char *cursor;      /* "released_ms:entry_no" from next_cursor */
    int limit;
} release_query;

/* What the gate may let out, one unit a line: each container of a bill under its released
 * declarations (and the goods of a released declaration whose bill has none), oldest release
 * first, each with the declarations covering it, their VINs, may_leave and what still holds
 * it (cargo_container_holds). */
hg_rc release_list(db *d, const release_query *q, json_t **out, hg_err *err);

/* Records goods leaving through a gate: a container (required when the declaration covers
 * containers) that nothing holds, not before the release, once per container whichever
 * declaration it leaves under (or once for the declaration's goods without containers); the
 * first exit is the gate-out time of every declaration covering it. */
hg_rc release_gate_out(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err);

#endif
