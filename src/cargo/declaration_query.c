/* declaration_query.c — the SQL conditions of a declarations list: the filters of
 * declaration_filter and what its reader may see, turned into a record_query for the page
 * (declaration_list) and the CSV export alike. Not for: the rows' extra facts or any write. */
#include <stdio.h>
#include <string.h>

#include "../platform/log.h"
#include "cargo.h"

hg_rc declaration_query_make(const principal *who, const declaration_filter *f, declaration_query *dq, hg_err *err)
{
    memset(dq, 0, sizeof *dq);
    buf_init(&dq->where, 2048);
    int n = 0, na = 0;
#define EQ(field, v)                                                                                                   \
    if (v) {                                                                                                           \
        dq->names[n] = field;                                                                                          \
        dq->values[n++] = v;                                                                                           \
    }
    EQ("status", f->status)
    EQ("direction", f->direction)
    EQ("port", f->port)
    EQ("lane", f->lane)
    EQ("kind", f->kind)
    EQ("bill_no", f->bill_no)
#undef EQ
    hg_rc rc = buf_puts(&dq->where, "1 = 1");
    const char *party = who->role == ROLE_ENTERPRISE ? who->enterprise : f->enterprise;
    if (!rc && party) {
        rc = buf_puts(&dq->where, " AND (declarant = ? OR consignee = ? OR consignor = ?)");
        dq->args[na++] = party;
        dq->args[na++] = party;
        dq->args[na++] = party;
    }
    if (!rc && who->role == ROLE_ENTERPRISE && f->enterprise && strcmp(f->enterprise, who->enterprise) != 0)
        rc = buf_puts(&dq->where, " AND 1 = 0"); /* another enterprise's declarations: none */
    /* the periods: each bound that is set, its value kept as text in its own slot */
    const struct {
        int64_t ms;
        const char *cond;
    } bounds[] = {{f->from_ms, " AND filed_ms >= ?"},
                  {f->to_ms, " AND filed_ms < ?"},
                  {f->released_from_ms, " AND released_ms >= ?"},
                  {f->released_to_ms, " AND released_ms < ?"}};
    int slot = 0;
    for (size_t i = 0; i < sizeof bounds / sizeof bounds[0] && !rc; i++)
        if (bounds[i].ms) {
            snprintf(dq->slots[slot], sizeof dq->slots[slot], "%lld", (long long)bounds[i].ms);
            rc = buf_puts(&dq->where, bounds[i].cond);
            dq->args[na++] = dq->slots[slot++];
        }
    if (!rc && f->overdue) {
        /* summaries not completed whose transport arrived more than 14 days ago */
        snprintf(dq->slots[slot], sizeof dq->slots[slot], "%lld",
                 (long long)(now_ms() - (int64_t)CARGO_COMPLETE_DAYS * 86400000));
        rc =
            buf_puts(&dq->where, " AND kind = 'summary' AND completed_ms IS NULL AND bill_no IN (SELECT b.bill_no FROM "
                                 "manifest_bills b JOIN manifests m ON m.manifest_no = b.manifest_no WHERE "
                                 "m.arrived_ms IS NOT NULL AND m.arrived_ms < ?)");
        dq->args[na++] = dq->slots[slot++];
    }
    if (rc)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "cannot build the list query");
    dq->q = f->list;
    dq->q.eq_names = dq->names;
    dq->q.eq_values = dq->values;
    dq->q.n_eq = n;
    dq->q.extra_sql = buf_str(&dq->where);
    dq->q.extra_args = dq->args;
    dq->q.n_extra = na;
    dq->q.q_sql = DECLARATION_Q_SQL;
    dq->q.n_q_sql = 2;
    return HG_OK;
}

void declaration_query_free(declaration_query *dq) { buf_free(&dq->where); }
