/* gate_demo.c — the gate's part of generated port activity (`haiguan demo --days N`): the
 * gate controller records the exits of the released goods at the moments cargo's generator
 * draws (cargo.h, CARGO_DEMO_DEPARTURES). Not for: tests of the gate's rules (the API suite). */
#include <stdio.h>

#include "../cargo/cargo.h"
#include "gate.h"

/* The two gates of the demo port, as the controller names them. */
static const char *const gate_names[] = {"大窑湾1号卡口", "大窑湾2号卡口"};

static hg_rc leave(db *d, const char *entry_no, int gate_no, hg_err *err)
{
    principal gate = {.role = ROLE_SYSTEM};
    snprintf(gate.name, sizeof gate.name, "gate01");
    json_t *exit = json_pack("{s:s}", "gate", gate_names[gate_no == 1 ? 0 : 1]), *out = NULL;
    hg_rc rc = exit ? release_gate_out(d, &gate, NULL, entry_no, exit, &out, err) : HG_NOMEM;
    json_decref(out);
    json_decref(exit);
    return rc;
}

const cargo_demo_departure gate_demo_departure = {.leave = leave};
