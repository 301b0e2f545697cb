/* facilitation_store.c — the AEO facilitations that act on inspection (issue 20): the inspection
 * without the enterprise attending (查验免到场) that a certified enterprise asks for; the priority
 * of a certified enterprise's task in the inspection queue (优先办理查验) is set where tasks open,
 * sampling_store.c (below the declarations in the store files' order). Both follow
 * the credit level the declaration is treated by (risk_parties_credit: the lower of its owner's
 * and its declarant's), read when the task opens or the request is made.
 *
 * Sources: 海关注册登记和备案企业信用管理办法 (GACC Decree 251, 2021), the measures for
 * certified enterprises: 优先办理进出口货物通关手续 (general and advanced certified) and the lower
 * inspection rates; 海关进出口货物查验管理办法 for who attends an inspection (the consignee or
 * consignor or its agent; without them, the supervised site's operator assists and signs). The
 * choice of which levels may be inspected without attending is docs/RULES.md's. */
#include <stdlib.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/json.h"
#include "../platform/words.h"
#include "../risk/risk_store.h"
#include "cargo.h"
#include "cargo_store.h"

/* Whether a declaration treated by this level may be inspected without its enterprise: the
 * certified levels by default; HAIGUAN_ATTENDANCE_WAIVER="advanced_certified" narrows it to the
 * advanced (a district's choice), "none" turns it off. Read on each request: a test or an
 * operator changes it without a restart of the decision's code. */
static int waiver_allowed(risk_credit level)
{
    const char *v = getenv("HAIGUAN_ATTENDANCE_WAIVER");
    if (v && strcmp(v, "none") == 0)
        return 0;
    if (v && strcmp(v, "advanced_certified") == 0)
        return level == RC_ADVANCED_CERTIFIED;
    return level == RC_ADVANCED_CERTIFIED || level == RC_GENERAL_CERTIFIED;
}

hg_rc inspection_waive_attendance(const hg_ctx *c, const char *entry_no, const json_t *body, json_t **out, hg_err *err)
{
    db *d = c->d;
    static const char *const allowed[] = {"reason", NULL};
    const char *reason;
    hg_rc rc = json_reject_unknown(body, allowed, err);
    if (!rc)
        rc = json_get_str(body, "reason", 1, &reason, err);
    if (rc)
        return rc;
    if (strlen(reason) < 2 || strlen(reason) > 500)
        return hg_fail(err, HG_INVALID, "invalid", "reason", "reason must be 2 to 500 bytes");
    json_t *before = NULL;
    *out = NULL;
    if ((rc = db_begin(d, err)))
        return rc;
    /* declaration_get answers not found for a declaration the enterprise is no party to */
    rc = declaration_get(d, c->who, entry_no, &before, err);
    risk_credit level = RC_UNKNOWN;
    if (!rc)
        rc = cargo_entry_credit(d, entry_no, &level, err);
    if (!rc && !waiver_allowed(level))
        rc = hg_fail(err, HG_CONFLICT, "credit_level", "entry_no",
                     "inspection without the enterprise attending is a facilitation of certified enterprises "
                     "(this declaration is treated as %s)",
                     hg_word(risk_credit_name(level)));
    int64_t open = 0;
    /* a physical inspection: a document review has nobody to attend */
    if (!rc)
        rc = db_int(d, &open, err,
                    "SELECT COUNT(*) FROM inspections WHERE entry_no = ? AND status = 'open' "
                    "AND kind IN ('manual', 'machine') AND attendance IS NULL",
                    "t", entry_no);
    if (!rc && !open)
        rc = hg_fail(err, HG_CONFLICT, "no_open_inspection", "entry_no",
                     "the declaration has no open physical inspection awaiting its enterprise");
    if (!rc)
        rc = db_run(d, err,
                    "UPDATE inspections SET attendance = 'waived', attendance_by = ?, attendance_ms = ?, "
                    "attendance_reason = ? WHERE entry_no = ? AND status = 'open' AND kind IN ('manual', 'machine') "
                    "AND attendance IS NULL",
                    "titt", c->actor, c->now_ms, reason, entry_no);
    json_t *ev = json_pack("{s:s, s:s}", "reason", reason, "credit_level", risk_credit_name(level));
    if (!rc)
        rc = cargo_add_event(d, entry_no, c->actor, "attendance_waived", ev, err);
    json_decref(ev);
    if (!rc)
        rc = declaration_get(d, c->who, entry_no, out, err);
    rc = cargo_commit_out(c, rc, "inspection.attendance_waived", "declaration", entry_no, before, out, err);
    json_decref(before);
    return rc;
}
