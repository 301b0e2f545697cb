/* gate_demo.c — the gate's part of generated port activity (`haiguan demo --days N`): the
 * gate controller records the exits of the released goods at the moments cargo's generator
 * draws (cargo.h, CARGO_DEMO_DEPARTURES). Not for: tests of the gate's rules (the API suite). */
#include <stdio.h>

#include "../cargo/cargo.h"
#include "gate.h"

/* The two gates of the demo port, as the controller names them. */
static const char *const gate_names[] = {"大窑湾1号卡口", "大窑湾2号卡口"};

/* One exit: the declaration's goods, or one of its containers (container NULL: none). A
 * container something still holds (another declaration of it waiting, say) stays; the
 * generator's clock moves on without it. */
static hg_rc leave_one(db *d, const char *entry_no, const char *container, int gate_no, hg_err *err)
{
    hg_ctx c = ctx_command(d, "gate01");
    json_t *exit = json_pack("{s:s, s:s*}", "gate", gate_names[gate_no == 1 ? 0 : 1], "container", container),
           *out = NULL;
    hg_rc rc = exit ? release_gate_out(&c, entry_no, exit, &out, err) : HG_NOMEM;
    json_decref(out);
    json_decref(exit);
    if (rc == HG_CONFLICT) /* held or already gone: a business answer, not a fault */
        rc = HG_OK;
    return rc;
}

static hg_rc leave(db *d, const char *entry_no, int gate_no, hg_err *err)
{
    char containers[8][12];
    int n = 0;
    db_stmt *s;
    hg_rc rc = db_query(
        d, &s, err, "SELECT container_no FROM cargo_declaration_containers WHERE entry_no = ? ORDER BY container_no",
        "t", entry_no);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW)
        if (n < 8)
            snprintf(containers[n++], sizeof containers[0], "%s", db_col_text(s, 0));
    db_reset(s);
    if (rc != HG_DONE)
        return rc;
    rc = HG_OK;
    if (!n)
        return leave_one(d, entry_no, NULL, gate_no, err);
    for (int i = 0; i < n && !rc; i++)
        rc = leave_one(d, entry_no, containers[i], gate_no, err);
    return rc;
}

const cargo_demo_departure gate_demo_departure = {.leave = leave};
