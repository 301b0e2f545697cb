/* release_standing.c — what still holds one container at the gate: release is per container
 * (放行 per container, and per VIN for vehicles, which travel as the goods of their
 * declaration). A container leaves when every declaration covering it is released and it has
 * itself arrived; an open inspection of any of them, a suspended producer's goods among them
 * or an order on its transport (the vessel area's no-unloading order) holds it. The gate reads
 * this through cargo.h (cargo_container_holds); the release decision of a declaration is
 * declaration_store.c's. */
#include <stdio.h>
#include <string.h>

#include "../platform/log.h"
#include "../platform/mem.h"
#include "cargo.h"

enum { MAX_COVERING = 64 };

typedef struct covering {
    char entry_no[19], status[16];
    int ship_side; /* released with its transport: ship-side pickup or arrival direct loading */
} covering;

static hg_rc add_hold(json_t *holds, const char *rule, const char *entry_no, const char *message)
{
    json_t *h = json_pack("{s:s, s:s*, s:s}", "rule", rule, "entry_no", entry_no, "message", message);
    return !h || json_array_append_new(holds, h) ? HG_NOMEM : HG_OK;
}

/* The declarations covering the container (or declaration entry_no alone, container NULL). */
static hg_rc load_covering(db *d, const char *bill_no, const char *container, const char *entry_no, covering *out,
                           int *n, hg_err *err)
{
    db_stmt *s;
    *n = 0;
    hg_rc rc =
        container
            ? db_query(d, &s, err,
                       "SELECT x.entry_no, x.status, COALESCE(x.ship_side_pickup, 0) +"
                       " COALESCE(x.arrival_direct_loading, 0) FROM declaration_containers c JOIN declarations x"
                       " ON x.entry_no = c.entry_no WHERE c.container_no = ? AND x.bill_no = ? ORDER BY x.entry_no",
                       "tt", container, bill_no)
            : db_query(d, &s, err,
                       "SELECT entry_no, status, COALESCE(ship_side_pickup, 0) + COALESCE(arrival_direct_loading, 0)"
                       " FROM declarations WHERE entry_no = ?",
                       "t", entry_no);
    if (rc)
        return rc;
    while ((rc = db_step(s, err)) == HG_ROW)
        if (*n < MAX_COVERING) {
            covering *c = &out[(*n)++];
            snprintf(c->entry_no, sizeof c->entry_no, "%s", db_col_text(s, 0));
            snprintf(c->status, sizeof c->status, "%s", db_col_text(s, 1));
            c->ship_side = db_col_int(s, 2) > 0;
        }
    db_reset(s);
    return rc == HG_DONE ? HG_OK : rc;
}

/* Holds that come from one covering declaration: not released, an open inspection, a
 * suspended producer among its items. */
static hg_rc declaration_holds(db *d, const covering *c, int64_t now, json_t *holds, hg_err *err)
{
    char msg[160];
    hg_rc rc = HG_OK;
    if (strcmp(c->status, DECL_RELEASED) != 0) {
        snprintf(msg, sizeof msg, "declaration %s is %s, not released", c->entry_no, c->status);
        rc = add_hold(holds, "declaration_not_released", c->entry_no, msg);
    }
    int64_t open = 0;
    if (!rc)
        rc = db_int(d, &open, err, "SELECT COUNT(*) FROM inspections WHERE entry_no = ? AND status = 'open'", "t",
                    c->entry_no);
    if (!rc && open) {
        snprintf(msg, sizeof msg, "an inspection of declaration %s is open", c->entry_no);
        rc = add_hold(holds, "inspection_open", c->entry_no, msg);
    }
    db_stmt *s;
    char producers[8][48];
    int np = 0;
    if (!rc &&
        !(rc = db_query(d, &s, err,
                        "SELECT DISTINCT producer FROM declaration_items WHERE entry_no = ? AND producer IS NOT NULL"
                        " ORDER BY producer",
                        "t", c->entry_no))) {
        while ((rc = db_step(s, err)) == HG_ROW)
            if (np < 8)
                snprintf(producers[np++], sizeof producers[0], "%s", db_col_text(s, 0));
        db_reset(s);
        rc = rc == HG_DONE ? HG_OK : rc;
    }
    for (int i = 0; i < np && !rc; i++) {
        int64_t batches = 0, until = 0;
        rc = cargo_producer_suspension(d, producers[i], now, &batches, &until, err);
        if (!rc && until) {
            snprintf(msg, sizeof msg, "producer %s is suspended (%lld positive batches)", producers[i],
                     (long long)batches);
            rc = add_hold(holds, "producer_suspended", c->entry_no, msg);
        }
    }
    return rc;
}

hg_rc cargo_container_holds(db *d, const char *bill_no, const char *container, const char *entry_no, json_t **out,
                            hg_err *err)
{
    covering *cov = xcalloc(MAX_COVERING, sizeof *cov);
    json_t *holds = json_array();
    *out = NULL;
    int n = 0, ship_side = 0;
    int64_t now = now_ms();
    hg_rc rc = cov && holds ? load_covering(d, bill_no, container, entry_no, cov, &n, err) : HG_NOMEM;
    if (!rc && n == 0)
        rc = add_hold(holds, "no_declaration", NULL, "no declaration covers these goods");
    for (int i = 0; i < n && !rc; i++) {
        rc = declaration_holds(d, &cov[i], now, holds, err);
        ship_side |= cov[i].ship_side;
    }
    /* its own arrival: the bill's report or the container's; goods taken at the ship's side
     * (or loaded on arrival) leave with their transport there */
    int64_t arrived = 0, transport = 0;
    char manifest_no[40] = "";
    db_stmt *s;
    if (!rc && !(rc = db_query(d, &s, err,
                               "SELECT b.manifest_no, COALESCE(m.arrived_ms, 0) FROM manifest_bills b JOIN manifests m"
                               " ON m.manifest_no = b.manifest_no WHERE b.bill_no = ?",
                               "t", bill_no))) {
        if ((rc = db_step(s, err)) == HG_ROW) {
            snprintf(manifest_no, sizeof manifest_no, "%s", db_col_text(s, 0));
            transport = db_col_int(s, 1);
        }
        db_reset(s);
        rc = rc == HG_ROW || rc == HG_DONE ? HG_OK : rc;
    }
    if (!rc)
        rc = container
                 ? db_int(
                       d, &arrived, err,
                       "SELECT COUNT(*) FROM arrivals WHERE bill_no = ? AND (container_no IS NULL OR container_no = ?)",
                       "tt", bill_no, container)
                 : cargo_goods_arrived(d, bill_no, entry_no, &arrived, err);
    if (!rc && !arrived && !(ship_side && transport))
        rc = add_hold(holds, "not_arrived", NULL, "the goods have no arrival report (运抵)");
    const cargo_manifest_hold *h = NULL;
    if (!rc && manifest_no[0])
        rc = cargo_manifest_held(d, manifest_no, &h, err);
    if (!rc && h)
        rc = add_hold(holds, h->rule, NULL, h->refusal);
    xfree(cov);
    if (rc) {
        json_decref(holds);
        return rc == HG_NOMEM ? hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory") : rc;
    }
    *out = holds;
    return HG_OK;
}

hg_rc cargo_container_declared_gross(db *d, const char *bill_no, const char *container, int64_t *grams, hg_err *err)
{
    /* in grams (the items' column), so that sharing among containers truncates a gram at most */
    *grams = 0;
    return db_int(d, grams, err,
                  "SELECT COALESCE(SUM((SELECT COALESCE(SUM(i.gross_weight_kg), 0) FROM declaration_items i"
                  " WHERE i.entry_no = c.entry_no) / (SELECT COUNT(*) FROM declaration_containers c2"
                  " WHERE c2.entry_no = c.entry_no)), 0) FROM declaration_containers c JOIN declarations x"
                  " ON x.entry_no = c.entry_no WHERE c.container_no = ? AND x.bill_no = ?",
                  "tt", container, bill_no);
}
