/* call_store.c — a vessel's call: the shipping agent's arrival declaration and its
 * amendments (each former version kept), the level its warning rules give with their reasons,
 * the tasks and orders the level makes, the arrival, the boarding quarantine, free pratique
 * and the departure, each on the call's timeline. Every write is one transaction ending in
 * audit_commit. Reads: the call's page and the board. */
#include <stdio.h>
#include <string.h>

#include "../cargo/cargo.h"
#include "../enterprise/enterprise.h"
#include "../health/health.h"
#include "../platform/audit.h"
#include "../platform/calendar.h"
#include "../platform/db_json.h"
#include "../platform/event.h"
#include "../platform/i18n.h"
#include "../platform/json_canon.h"
#include "../platform/mem.h"
#include "../platform/words.h"
#include "vessel.h"
#include "vessel_store.h"

static hg_rc nomem(hg_err *err) { return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory"); }

static int64_t day_of_text(const char *s)
{
    int64_t day = 0;
    return s && !calendar_parse_date(s, &day) ? day : 0;
}

/* "persons[2].rank": the field of a list's line, into fb. */
static const char *line_field(char fb[64], const char *list, int i, const char *name)
{
    snprintf(fb, 64, "%s[%d].%s", list, i, name);
    return fb;
}

/* ------------------------------------------------------------------ the rules a field table cannot say */

/* A passport MRZ names the document: its number (TD3 line 2, characters 1-9, '<' filling). */
static int mrz_names(const char *mrz, const char *document_no)
{
    char num[10];
    return health_mrz_document_no(mrz, num) == 0 && strcmp(num, document_no) == 0;
}

/* The declaration's rules beyond its field table (IHR 2005 Annex 8, FAL 1/5/6). */
static hg_rc plausible(const record *r, int64_t now, int is_new, hg_err *err)
{
    char fb[64];
    int64_t eta = record_int(r, "eta", 0), eta_day = calendar_day_of(eta), today = calendar_day_of(now);
    if (is_new && eta <= now)
        return hg_fail(err, HG_INVALID, "eta_past", "eta", "a new declaration is made before the ship arrives");
    if (eta > now + 30 * CALENDAR_DAY_MS)
        return hg_fail(err, HG_INVALID, "out_of_range", "eta", "an arrival is declared at most 30 days ahead");
    int n = 0;
    const record *ports = record_list(r, "last_ports", &n);
    for (int i = 0; i < n; i++) {
        int64_t a = day_of_text(record_text(&ports[i], "arrived_on")),
                l = day_of_text(record_text(&ports[i], "left_on"));
        if (l < a)
            return hg_fail(err, HG_INVALID, "invalid", line_field(fb, "last_ports", i, "left_on"),
                           "left_on must not be before arrived_on");
        if (l > eta_day || l < eta_day - VESSEL_PORT_DAYS)
            return hg_fail(err, HG_INVALID, "out_of_range", line_field(fb, "last_ports", i, "left_on"),
                           "the ports of call are those of the 30 days before arrival (FAL 1, MDH)");
    }
    if (strcmp(record_text(r, "sanitation_cert"), "none") != 0) {
        if (!record_text(r, "cert_place"))
            return hg_fail(err, HG_INVALID, "required", "cert_place",
                           "a sanitation certificate names where it was issued");
        if (!record_text(r, "cert_issued_on"))
            return hg_fail(err, HG_INVALID, "required", "cert_issued_on",
                           "a sanitation certificate names when it was issued");
        if (day_of_text(record_text(r, "cert_issued_on")) > today)
            return hg_fail(err, HG_INVALID, "invalid", "cert_issued_on", "a certificate is not issued in the future");
    }
    if (record_int(r, "affected_area", 0) && !record_text(r, "affected_area_details"))
        return hg_fail(err, HG_INVALID, "details_required", "affected_area_details",
                       "a yes is given with its details (IHR 2005 Annex 8)");
    for (int q = 0; q < VESSEL_QUESTIONS; q++) {
        char details[40];
        snprintf(details, sizeof details, "%s_details", vessel_questions[q]);
        if (record_int(r, vessel_questions[q], 0) && !record_text(r, details))
            return hg_fail(err, HG_INVALID, "details_required", details,
                           "a yes is given with its details (IHR 2005 Annex 8)");
    }
    const record *p = record_list(r, "persons", &n);
    for (int i = 0; i < n; i++) {
        const record *x = &p[i];
        if (strcmp(record_text(x, "kind"), "crew") == 0 && !record_text(x, "rank"))
            return hg_fail(err, HG_INVALID, "required", line_field(fb, "persons", i, "rank"),
                           "a crew member's rank or rating (FAL 5)");
        if (day_of_text(record_text(x, "birth_date")) >= today)
            return hg_fail(err, HG_INVALID, "invalid", line_field(fb, "persons", i, "birth_date"),
                           "a birth date is in the past");
        if (day_of_text(record_text(x, "document_expiry")) < eta_day)
            return hg_fail(err, HG_INVALID, "document_expired", line_field(fb, "persons", i, "document_expiry"),
                           "the identity document has expired before arrival");
        if (day_of_text(record_text(x, "embarked_on")) > today)
            return hg_fail(err, HG_INVALID, "invalid", line_field(fb, "persons", i, "embarked_on"),
                           "embarked_on is not in the future");
        if (!record_text(x, "test_on") != !record_text(x, "test_result"))
            return hg_fail(err, HG_INVALID, "required",
                           record_text(x, "test_on") ? line_field(fb, "persons", i, "test_result")
                                                     : line_field(fb, "persons", i, "test_on"),
                           "a pre-boarding test gives its date and its result");
        if (record_text(x, "test_on") && day_of_text(record_text(x, "test_on")) > today)
            return hg_fail(err, HG_INVALID, "invalid", line_field(fb, "persons", i, "test_on"),
                           "a test is not in the future");
        if (record_text(x, "mrz") && !mrz_names(record_text(x, "mrz"), record_text(x, "document_no")))
            return hg_fail(err, HG_INVALID, "mrz_mismatch", line_field(fb, "persons", i, "mrz"),
                           "the MRZ does not name this document number (ICAO 9303)");
        for (int j = 0; j < i; j++)
            if (strcmp(record_text(&p[j], "document_no"), record_text(x, "document_no")) == 0 &&
                strcmp(record_text(&p[j], "document_state"), record_text(x, "document_state")) == 0)
                return hg_fail(err, HG_INVALID, "duplicate", line_field(fb, "persons", i, "document_no"),
                               "the same document is listed twice (persons[%d])", j);
    }
    return HG_OK;
}

/* ------------------------------------------------------------------ the assessment */

static void person_name(const record *x, char *out, size_t n)
{
    snprintf(out, n, "%s %s", record_text(x, "family_name"), record_text(x, "given_name"));
}

hg_rc vessel_assess_record(db *d, const record *r, const char *call_no, int64_t reported_ms, vessel_assessment *a,
                           hg_err *err)
{
    int np = 0, nq = 0, nrules = 0;
    const record *persons = record_list(r, "persons", &np);
    const record *ports = record_list(r, "last_ports", &nq);
    vessel_rule *rules = NULL;
    vessel_person_facts *pf = xcalloc((size_t)np + 1, sizeof *pf);
    vessel_port_facts *qf = xcalloc((size_t)nq + 1, sizeof *qf);
    char(*names)[128] = xcalloc((size_t)np + 1, sizeof *names);
    hg_rc rc = pf && qf && names ? HG_OK : nomem(err);
    for (int i = 0; !rc && i < np; i++) {
        const record *x = &persons[i];
        person_name(x, names[i], sizeof names[i]);
        pf[i] = (vessel_person_facts){.name = names[i],
                                      .crew = strcmp(record_text(x, "kind"), "crew") == 0,
                                      .embarked_day = day_of_text(record_text(x, "embarked_on")),
                                      .temperature_dc = (int)record_int(x, "temperature_dc", 0),
                                      .has_test = record_text(x, "test_on") != NULL,
                                      .test_day = day_of_text(record_text(x, "test_on")),
                                      .test_negative = record_text(x, "test_result") &&
                                                       strcmp(record_text(x, "test_result"), "negative") == 0};
    }
    for (int i = 0; !rc && i < nq; i++) {
        qf[i].locode = record_text(&ports[i], "locode");
        qf[i].left_day = day_of_text(record_text(&ports[i], "left_on"));
        rc = vessel_risk_port_level(d, qf[i].locode, &qf[i].list_level, err);
    }
    int64_t incident = 0;
    if (!rc)
        rc = db_int(
            d, &incident, err,
            "SELECT COALESCE(MAX(c.eta_ms), 0) FROM vessel_calls c WHERE c.imo = ? AND c.call_no <> ? AND "
            "c.eta_ms <= ? AND "
            "(EXISTS (SELECT 1 FROM vessel_samples s WHERE s.call_no = c.call_no AND s.result = 'positive') OR "
            "EXISTS (SELECT 1 FROM vessel_orders o WHERE o.call_no = c.call_no AND o.kind = 'no_unloading_leave'))",
            "tti", record_text(r, "imo"), call_no ? call_no : "", record_int(r, "eta", 0));
    if (!rc)
        rc = vessel_rules_load(d, &rules, &nrules, err);
    if (!rc) {
        int yes = 0;
        for (int q = 0; q < VESSEL_QUESTIONS; q++)
            yes |= record_int(r, vessel_questions[q], 0) ? 1 << (q + 1) : 0;
        const char *cargo = record_text(r, "cargo_kind");
        vessel_facts f = {.eta_ms = record_int(r, "eta", 0),
                          .reported_ms = reported_ms,
                          .yes_mask = yes,
                          .cert_carried = strcmp(record_text(r, "sanitation_cert"), "none") != 0,
                          .cert_issued_day = day_of_text(record_text(r, "cert_issued_on")),
                          .affected_area = (int)record_int(r, "affected_area", 0),
                          .joined_declared = record_int(r, "joined", 0),
                          .cold_cargo =
                              strcmp(cargo, "bulk_refrigerated") == 0 || strcmp(cargo, "cold_chain_container") == 0,
                          .repair = strcmp(record_text(r, "purpose"), "repair") == 0,
                          .incident_eta_ms = incident,
                          .persons = pf,
                          .n_persons = np,
                          .ports = qf,
                          .n_ports = nq};
        a->level = vessel_assess(&f, rules, nrules, a->reasons, &a->n, &a->testing);
        a->late = 0;
        for (int i = 0; i < a->n; i++)
            a->late |= strcmp(a->reasons[i].rule, "late_report") == 0;
        a->cold = f.cold_cargo;
    }
    vessel_rules_free(rules, nrules);
    xfree(pf);
    xfree(qf);
    xfree(names);
    return rc;
}

json_t *vessel_reasons_json(const vessel_assessment *a)
{
    json_t *arr = json_array();
    for (int i = 0; arr && i < a->n; i++)
        json_array_append_new(arr, json_pack("{s:s, s:s, s:s}", "rule", a->reasons[i].rule, "level",
                                             vessel_level_name(a->reasons[i].level), "reason", a->reasons[i].text));
    return arr;
}

/* The server's fields of an assessed declaration, and the text of its reasons. */
static hg_rc set_assessment(record *r, const vessel_assessment *a, hg_err *err)
{
    json_t *reasons = vessel_reasons_json(a);
    char *text = reasons ? json_canon_text(reasons) : NULL;
    hg_rc rc = text && !record_set_text(r, "level", vessel_level_name(a->level)) &&
                       !record_set_text(r, "reasons", text) && !record_set_int(r, "late", a->late) &&
                       !record_set_int(r, "testing_required", a->testing)
                   ? HG_OK
                   : nomem(err);
    json_decref(reasons);
    xfree(text);
    return rc;
}

/* What the level makes, inside the transaction: free pratique is decided on every call; board
 * and lock open the boarding quarantine; lock orders no cargo operations until cleared; bulk
 * refrigerated cargo is unloaded under supervised disinfection. Tasks and orders made before
 * stay when an amendment lowers the level: an officer closes or lifts them. */
static hg_rc level_duties(const hg_ctx *c, const char *call_no, const record *r, const vessel_assessment *a,
                          hg_err *err)
{
    int64_t eta = record_int(r, "eta", 0);
    hg_rc rc = vessel_task_open(c, call_no, "pratique", eta, err);
    if (!rc && a->level >= VESSEL_BOARD)
        rc = vessel_task_open(c, call_no, "boarding", eta, err);
    if (!rc && strcmp(record_text(r, "cargo_kind"), "bulk_refrigerated") == 0)
        rc = vessel_task_open(c, call_no, "disinfection", eta + 2 * CALENDAR_DAY_MS, err);
    if (!rc && a->level == VESSEL_LOCK) {
        char why[300];
        snprintf(why, sizeof why, "locked by the warning rules: %s", a->n ? a->reasons[0].text : "");
        rc = vessel_order_make(c, call_no, "no_cargo_operations", why, "rules", err);
    }
    return rc;
}

/* The IMO number as cargo's manifests carry it: "IMO" and seven digits. */
static hg_rc normalize_imo(record *r, hg_err *err)
{
    const char *s = record_text(r, "imo");
    char b[16];
    if (!s || strncmp(s, "IMO", 3) == 0)
        return HG_OK;
    snprintf(b, sizeof b, "IMO%s", s);
    return record_set_text(r, "imo", b) ? nomem(err) : HG_OK;
}

/* The declarant: an enterprise of kind shipping_agent (FAL 1 is the master's or the agent's;
 * GACC takes it from the agent through the Single Window). */
static hg_rc agent_only(const hg_ctx *c, hg_err *err)
{
    char kind[40] = "";
    if (!c->who || c->who->role != ROLE_ENTERPRISE)
        return hg_fail(err, HG_FORBIDDEN, "vessel_agent", "agent", "arrivals are declared by the ship's agent");
    hg_rc rc = enterprise_kind(c->d, c->who->enterprise, kind, sizeof kind, err);
    if (rc == HG_NOTFOUND || (!rc && strcmp(kind, "shipping_agent") != 0))
        return hg_fail(err, HG_FORBIDDEN, "vessel_agent", "agent",
                       "arrivals are declared by a shipping agent (enterprise kind shipping_agent)");
    return rc;
}

/* A declaration or its amendment from the agent (is_new: a declaration): its body parsed into
 * r, the IMO number normalized, its rules beyond the field table kept; before any write. */
static hg_rc call_parse(const hg_ctx *c, const json_t *body, int is_new, record *r, hg_err *err)
{
    hg_rc rc = agent_only(c, err);
    if (!rc)
        rc = record_from_json(&vessel_call_record, body, REC_CREATE, r, err);
    if (!rc)
        rc = normalize_imo(r, err);
    if (!rc)
        rc = plausible(r, c->now_ms, is_new, err);
    return rc;
}

static hg_rc finish(const hg_ctx *c, hg_rc rc, const char *action, const char *call_no, const json_t *before,
                    json_t **out, hg_err *err)
{
    json_t *b = vessel_audit_view(before), *a = vessel_audit_view(*out);
    rc = audit_commit(c, rc, action, "vessel_call", call_no, b, a, err);
    json_decref(b);
    json_decref(a);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc call_declare(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    vessel_assessment a = {0};
    char no[40] = "";
    *out = NULL;
    hg_rc rc = call_parse(c, body, 1, &r, err);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    /* a vessel calls at a sea port of the district's table (关区代码表, its modes) */
    rc = cargo_port_serves(c->d, record_text(&r, "port"), "sea", "port", err);
    if (!rc)
        rc = vessel_assess_record(c->d, &r, NULL, c->now_ms, &a, err);
    char prefix[24];
    int64_t serial = 0;
    snprintf(prefix, sizeof prefix, "VA%s%d", record_text(&r, "port"), cargo_shanghai_year(c->now_ms));
    if (!rc)
        rc = cargo_next_serial(c->d, prefix, &serial, err);
    if (!rc) {
        snprintf(no, sizeof no, "%s%06lld", prefix, (long long)serial);
        rc = record_set_text(&r, "call_no", no) || record_set_text(&r, "agent", c->who->enterprise) ||
                     record_set_text(&r, "status", "declared") || record_set_int(&r, "version", 1) ||
                     record_set_int(&r, "reported_at", c->now_ms) || record_set_int(&r, "updated_at", c->now_ms)
                 ? nomem(err)
                 : HG_OK;
    }
    if (!rc)
        rc = set_assessment(&r, &a, err);
    if (!rc)
        rc = record_insert(c->d, &r, err);
    if (!rc)
        rc = level_duties(c, no, &r, &a, err);
    json_t *detail = NULL;
    if (!rc) {
        detail = json_pack("{s:s, s:o, s:b}", "level", vessel_level_name(a.level), "reasons", vessel_reasons_json(&a),
                           "late", a.late);
        rc = detail ? vessel_timeline(c, no, "declared", detail, err) : nomem(err);
    }
    if (!rc)
        rc = event_emit_about(c->d, "vessel.arrival_declared", "vessel_call", no, c->who->enterprise, c->actor,
                              c->request_id, detail, err);
    json_decref(detail);
    if (!rc)
        rc = vessel_call_load(c->d, no, out, err);
    rc = finish(c, rc, "vessel.declare", no[0] ? no : "-", NULL, out, err);
out:
    record_free(&r);
    return rc;
}

hg_rc call_amend(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    vessel_assessment a = {0};
    json_t *before = NULL;
    char *old = NULL;
    *out = NULL;
    hg_rc rc = call_parse(c, body, 0, &r, err);
    if (rc || (rc = db_begin(c->d, err)))
        goto out;
    rc = vessel_call_load(c->d, call_no, &before, err);
    if (!rc && strcmp(json_string_value(json_object_get(before, "agent")), c->who->enterprise) != 0)
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "call_no", "no such vessel arrival");
    if (!rc && strcmp(json_string_value(json_object_get(before, "status")), "declared") != 0)
        rc = hg_fail(err, HG_CONFLICT, "amendment_closed", "status",
                     "a declaration is amended until arrival; this ship has %s",
                     hg_word(json_string_value(json_object_get(before, "status"))));
    if (!rc && strcmp(json_string_value(json_object_get(before, "port")), record_text(&r, "port")) != 0)
        rc = hg_fail(err, HG_INVALID, "fixed", "port", "the port is not amended: declare the call at the other port");
    if (!rc && strcmp(json_string_value(json_object_get(before, "imo")), record_text(&r, "imo")) != 0)
        rc = hg_fail(err, HG_INVALID, "fixed", "imo", "the ship is not amended: declare its own call");
    int64_t reported = 0, version = 0;
    if (!rc) {
        time_parse_rfc3339(json_string_value(json_object_get(before, "reported_at")), &reported);
        version = json_integer_value(json_object_get(before, "version"));
        rc = vessel_assess_record(c->d, &r, call_no, reported, &a, err);
    }
    if (!rc && !(old = json_canon_text(before)))
        rc = nomem(err);
    if (!rc)
        rc = db_run(c->d, err,
                    "INSERT INTO vessel_call_versions (call_no, version, at_ms, actor, body) VALUES (?, ?, ?, ?, ?)",
                    "tiitt", call_no, version, c->now_ms, c->actor, old);
    if (!rc)
        rc = record_set_int(&r, "version", version + 1) || record_set_int(&r, "updated_at", c->now_ms) ? nomem(err)
                                                                                                       : HG_OK;
    if (!rc)
        rc = set_assessment(&r, &a, err);
    if (!rc)
        rc = record_update(c->d, &r, call_no, err);
    if (!rc)
        rc = level_duties(c, call_no, &r, &a, err);
    if (!rc) {
        json_t *detail = json_pack("{s:I, s:s, s:s, s:o}", "version", (json_int_t)version + 1, "from_level",
                                   json_string_value(json_object_get(before, "level")), "level",
                                   vessel_level_name(a.level), "reasons", vessel_reasons_json(&a));
        rc = detail ? vessel_timeline(c, call_no, "amended", detail, err) : nomem(err);
        json_decref(detail);
    }
    if (!rc)
        rc = vessel_call_load(c->d, call_no, out, err);
    rc = finish(c, rc, "vessel.amend", call_no, before, out, err);
out:
    xfree(old);
    json_decref(before);
    record_free(&r);
    return rc;
}

/* ------------------------------------------------------------------ the ship's movements and decisions */

/* A time of the call's JSON (0 when null). */
static int64_t time_of(const json_t *call, const char *name)
{
    int64_t ms = 0;
    const char *s = json_string_value(json_object_get(call, name));
    return s && !time_parse_rfc3339(s, &ms) ? ms : 0;
}

/* Times are stated to the second: a bound of ours is rounded down to its second. */
static int64_t second_of(int64_t ms) { return ms - ms % 1000; }

/* The ship's movement to state ("arrived", "departed") at the body's time, which is stated:
 * not in the future, not before the declaration (nor a departure before the arrival). */
static hg_rc movement(const hg_ctx *c, const char *call_no, const json_t *body, const char *state, json_t **out,
                      hg_err *err)
{
    record r = {0};
    json_t *before = NULL;
    int arriving = strcmp(state, "arrived") == 0;
    char action[32];
    *out = NULL;
    hg_rc rc = record_from_json(&vessel_moment_record, body, REC_CREATE, &r, err);
    int64_t at = record_int(&r, "at", 0);
    if (rc || (rc = vessel_call_begin(c, call_no, &before, err)))
        goto out;
    const char *now_state = vessel_status_of(before);
    if (arriving ? strcmp(now_state, "declared") != 0 : strcmp(now_state, "departed") == 0)
        rc = hg_fail(err, HG_CONFLICT, arriving ? "already_arrived" : "already_departed", "status", "the ship has %s",
                     hg_word(now_state));
    int64_t arrived = arriving ? 0 : time_of(before, "arrived_at");
    if (!rc)
        rc = cargo_time_plausible(at, second_of(arrived ? arrived : time_of(before, "reported_at")),
                                  arrived ? N_("the arrival") : N_("the declaration"), c->now_ms, "at",
                                  arriving ? "arrival_time" : "departure_time", err);
    if (!rc)
        rc = db_run(c->d, err,
                    arriving
                        ? "UPDATE vessel_calls SET status = 'arrived', arrived_ms = ?, updated_ms = ? WHERE call_no = ?"
                        : "UPDATE vessel_calls SET status = 'departed', departed_ms = ?, updated_ms = ? WHERE "
                          "call_no = ?",
                    "iit", at, c->now_ms, call_no);
    /* a ship that leaves refused (ordered to leave) has no free pratique left to decide */
    if (!rc && !arriving && json_is_string(json_object_get(before, "pratique")))
        rc = vessel_task_done(c, call_no, "pratique", "departed after the recorded decision", err);
    if (!rc)
        rc = vessel_timeline(c, call_no, state, NULL, err);
    if (!rc)
        rc = vessel_call_load(c->d, call_no, out, err);
    snprintf(action, sizeof action, "vessel.%s", state);
    rc = finish(c, rc, action, call_no, before, out, err);
out:
    json_decref(before);
    record_free(&r);
    return rc;
}

hg_rc call_arrived(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err)
{
    return movement(c, call_no, body, "arrived", out, err);
}

hg_rc call_departed(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err)
{
    return movement(c, call_no, body, "departed", out, err);
}

hg_rc call_board(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = record_from_json(&vessel_boarding_record, body, REC_CREATE, &r, err);
    int64_t from = record_int(&r, "started_at", 0), to = record_int(&r, "ended_at", 0);
    if (!rc && to < from)
        rc = hg_fail(err, HG_INVALID, "invalid", "ended_at", "ended_at must not be before started_at");
    if (rc || (rc = vessel_call_begin(c, call_no, &before, err)))
        goto out;
    if (strcmp(vessel_status_of(before), "departed") == 0)
        rc = hg_fail(err, HG_CONFLICT, "already_departed", "status", "the ship has departed");
    if (!rc)
        rc = cargo_time_plausible(to, 0, NULL, c->now_ms, "ended_at", "boarding_time", err);
    if (!rc && from < time_of(before, "eta") - 3 * CALENDAR_DAY_MS)
        rc = hg_fail(err, HG_INVALID, "boarding_time", "started_at", "a boarding is at most three days before the ETA");
    if (!rc)
        rc = record_set_text(&r, "call_no", call_no) || record_set_text(&r, "officer", c->actor) ? nomem(err) : HG_OK;
    if (!rc)
        rc = record_insert(c->d, &r, err);
    if (rc == HG_CONFLICT)
        rc = hg_fail(err, HG_CONFLICT, "already_boarded", "call_no", "the boarding quarantine is recorded already");
    if (!rc)
        rc = vessel_task_done(c, call_no, "boarding", record_text(&r, "findings"), err);
    if (!rc && !(*out = record_to_json(&r)))
        rc = nomem(err);
    if (!rc)
        rc = vessel_timeline(c, call_no, "boarded", *out, err);
    rc = finish(c, rc, "vessel.boarding", call_no, before, out, err);
out:
    json_decref(before);
    record_free(&r);
    return rc;
}

hg_rc call_pratique(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err)
{
    record r = {0};
    json_t *before = NULL;
    *out = NULL;
    hg_rc rc = record_from_json(&vessel_pratique_record, body, REC_CREATE, &r, err);
    const char *decision = record_text(&r, "decision");
    if (rc || (rc = vessel_call_begin(c, call_no, &before, err)))
        goto out;
    const char *was = json_string_value(json_object_get(before, "pratique"));
    if (was && strcmp(was, "granted") == 0)
        rc = hg_fail(err, HG_CONFLICT, "pratique_decided", "decision", "free pratique was granted already");
    int64_t orders = 0, boarded = 0, pending = 0, positive = 0;
    if (!rc && strcmp(decision, "granted") == 0) {
        rc = db_int(c->d, &orders, err, "SELECT COUNT(*) FROM vessel_orders WHERE call_no = ? AND lifted_ms IS NULL",
                    "t", call_no);
        if (!rc)
            rc = db_int(c->d, &boarded, err, "SELECT COUNT(*) FROM vessel_boardings WHERE call_no = ?", "t", call_no);
        if (!rc)
            rc = db_int(c->d, &pending, err, "SELECT COUNT(*) FROM vessel_samples WHERE call_no = ? AND result IS NULL",
                        "t", call_no);
        if (!rc)
            rc = db_int(c->d, &positive, err,
                        "SELECT COUNT(*) FROM vessel_samples WHERE call_no = ? AND result = 'positive'", "t", call_no);
        int level = vessel_level_parse(json_string_value(json_object_get(before, "level")));
        if (!rc && orders)
            rc = hg_fail(err, HG_CONFLICT, "order_in_force", "decision", "an order stands on the ship: lift it first");
        else if (!rc && level >= VESSEL_BOARD && !boarded)
            rc = hg_fail(err, HG_CONFLICT, "boarding_required", "decision",
                         "the ship's level is %s: free pratique after the boarding quarantine",
                         hg_word(vessel_level_name(level)));
        else if (!rc && (pending || positive))
            rc = hg_fail(err, HG_CONFLICT, "results_pending", "decision",
                         positive ? N_("a crew member tested positive") : N_("crew results are pending"));
    }
    if (!rc)
        rc = db_run(c->d, err,
                    "UPDATE vessel_calls SET pratique = ?, pratique_reason = ?, pratique_by = ?, updated_ms = ? "
                    "WHERE call_no = ?",
                    "tttit", decision, record_text(&r, "reason"), c->actor, c->now_ms, call_no);
    if (!rc && strcmp(decision, "granted") == 0)
        rc = vessel_task_done(c, call_no, "pratique", record_text(&r, "reason"), err);
    json_t *detail = rc ? NULL : record_to_json(&r);
    if (!rc)
        rc = detail ? vessel_timeline(c, call_no,
                                      strcmp(decision, "granted") == 0 ? "pratique_granted" : "pratique_refused",
                                      detail, err)
                    : nomem(err);
    json_decref(detail);
    if (!rc)
        rc = vessel_call_load(c->d, call_no, out, err);
    rc = finish(c, rc, "vessel.pratique", call_no, before, out, err);
out:
    json_decref(before);
    record_free(&r);
    return rc;
}

/* ------------------------------------------------------------------ reads */

static json_t *timeline_row(db_stmt *s)
{
    char at[40];
    json_t *detail = db_col_text(s, 3) ? json_loads(db_col_text(s, 3), 0, NULL) : NULL;
    return json_pack("{s:s?, s:s, s:s, s:o?}", "at", db_col_time(s, 0, at), "actor", db_col_text(s, 1), "event",
                     db_col_text(s, 2), "detail", detail);
}

static json_t *version_row(db_stmt *s)
{
    char at[40];
    return json_pack("{s:I, s:s?, s:s}", "version", (json_int_t)db_col_int(s, 0), "replaced_at", db_col_time(s, 1, at),
                     "by", db_col_text(s, 2));
}

static json_t *history_row(db_stmt *s)
{
    char eta[40];
    return json_pack("{s:s, s:s, s:s?, s:s, s:s, s:s?, s:I}", "call_no", db_col_text(s, 0), "voyage", db_col_text(s, 1),
                     "eta", db_col_time(s, 2, eta), "level", db_col_text(s, 3), "status", db_col_text(s, 4), "pratique",
                     db_col_text(s, 5), "orders", (json_int_t)db_col_int(s, 6));
}

/* The items of a list of one record type on this call. */
static hg_rc items_of(db *d, const record_type *t, const char *call_no, json_t **out, hg_err *err)
{
    static const char *const names[] = {"call_no"};
    const char *values[] = {call_no};
    json_t *page = NULL;
    record_query q = {.eq_names = names, .eq_values = values, .n_eq = 1, .limit = 200};
    hg_rc rc = record_list_json(d, t, &q, &page, err);
    if (!rc) {
        *out = json_incref(json_object_get(page, "items"));
        json_decref(page);
    }
    return rc;
}

/* Flags of each person on the lists, for the officer's eye: a fever, a joined crew member
 * without a valid test, a positive sample. */
static void person_flags(json_t *call, json_t *samples)
{
    int64_t eta_day = calendar_day_of(time_of(call, "eta"));
    size_t i, k;
    json_t *p, *s;
    json_array_foreach(json_object_get(call, "persons"), i, p)
    {
        json_t *flags = json_array();
        json_int_t t = json_integer_value(json_object_get(p, "temperature_dc"));
        if (t >= VESSEL_FEVER_DC)
            json_array_append_new(flags, json_string("fever"));
        const char *kind = json_string_value(json_object_get(p, "kind"));
        int64_t emb = day_of_text(json_string_value(json_object_get(p, "embarked_on")));
        int64_t test = day_of_text(json_string_value(json_object_get(p, "test_on")));
        const char *res = json_string_value(json_object_get(p, "test_result"));
        if (kind && strcmp(kind, "crew") == 0 && emb >= eta_day - 14 &&
            (!res || strcmp(res, "negative") != 0 || test > emb || test < emb - VESSEL_TEST_DAYS))
            json_array_append_new(flags, json_string("joined_untested"));
        json_array_foreach(samples, k, s)
        {
            if (json_integer_value(json_object_get(s, "line_no")) == (json_int_t)i + 1 &&
                json_string_value(json_object_get(s, "result")) &&
                strcmp(json_string_value(json_object_get(s, "result")), "positive") == 0)
                json_array_append_new(flags, json_string("positive"));
        }
        json_object_set_new(p, "flags", flags);
    }
}

hg_rc call_get(db *d, const principal *who, const char *call_no, json_t **out, hg_err *err)
{
    json_t *call = NULL, *tasks = NULL, *samples = NULL, *orders = NULL, *timeline = NULL, *versions = NULL,
           *history = NULL, *boarding = NULL;
    *out = NULL;
    hg_rc rc = vessel_call_load(d, call_no, &call, err);
    if (!rc && who->role == ROLE_ENTERPRISE &&
        strcmp(json_string_value(json_object_get(call, "agent")), who->enterprise))
        rc = hg_fail(err, HG_NOTFOUND, "not_found", "call_no", "no such vessel arrival");
    if (!rc)
        rc = items_of(d, &vessel_task_record, call_no, &tasks, err);
    if (!rc)
        rc = items_of(d, &vessel_sample_record, call_no, &samples, err);
    if (!rc)
        rc = items_of(d, &vessel_order_record, call_no, &orders, err);
    if (!rc)
        rc = db_rows_json(d, timeline_row, &timeline, err,
                          "SELECT at_ms, actor, event, detail FROM vessel_timeline WHERE call_no = ? ORDER BY seq", "t",
                          call_no);
    if (!rc)
        rc = db_rows_json(d, version_row, &versions, err,
                          "SELECT version, at_ms, actor FROM vessel_call_versions WHERE call_no = ? ORDER BY version",
                          "t", call_no);
    if (!rc)
        rc = db_rows_json(d, history_row, &history, err,
                          "SELECT c.call_no, c.voyage, c.eta_ms, c.level, c.status, c.pratique, (SELECT COUNT(*) FROM "
                          "vessel_orders o WHERE o.call_no = c.call_no) FROM vessel_calls c WHERE c.imo = ? AND "
                          "c.call_no <> ? ORDER BY c.eta_ms DESC LIMIT 20",
                          "tt", json_string_value(json_object_get(call, "imo")), call_no);
    if (!rc) {
        rc = record_load_json(d, &vessel_boarding_record, call_no, &boarding, err);
        if (rc == HG_NOTFOUND)
            rc = HG_OK;
    }
    if (!rc) {
        person_flags(call, samples);
        int in_force = 0, pending = 0;
        size_t i;
        json_t *o;
        json_array_foreach(orders, i, o) in_force |= json_is_null(json_object_get(o, "lifted_at"));
        json_array_foreach(samples, i, o) pending |= json_is_null(json_object_get(o, "result"));
        const char *next =
            vessel_next_step(vessel_level_parse(json_string_value(json_object_get(call, "level"))),
                             json_is_true(json_object_get(call, "testing_required")), json_array_size(samples) > 0,
                             boarding != NULL, json_string_value(json_object_get(call, "pratique")), in_force);
        json_object_set_new(call, "next", json_string(next));
        json_object_set_new(call, "next_step", json_string(vessel_next_step_text(next)));
        json_object_set_new(call, "results_pending", json_boolean(pending));
        json_object_set_new(call, "boarding", boarding ? boarding : json_null());
        boarding = NULL;
        json_object_set(call, "tasks", tasks);
        json_object_set(call, "samples", samples);
        json_object_set(call, "orders", orders);
        json_object_set(call, "timeline", timeline);
        json_object_set(call, "versions", versions);
        json_object_set(call, "history", history);
        *out = call;
        call = NULL;
    }
    json_decref(call);
    json_decref(tasks);
    json_decref(samples);
    json_decref(orders);
    json_decref(timeline);
    json_decref(versions);
    json_decref(history);
    json_decref(boarding);
    return rc;
}

hg_rc call_list(db *d, const principal *who, const char *view, const char *imo, int64_t now, const char *cursor,
                int limit, json_t **out, hg_err *err)
{
    const char *names[2], *values[2];
    int n = 0;
    char horizon[24], imo_norm[16];
    if (who->role == ROLE_ENTERPRISE) {
        names[n] = "agent";
        values[n++] = who->enterprise;
    }
    if (imo) {
        snprintf(imo_norm, sizeof imo_norm, "%s%s", strncmp(imo, "IMO", 3) == 0 ? "" : "IMO", imo);
        names[n] = "imo";
        values[n++] = imo_norm;
    }
    snprintf(horizon, sizeof horizon, "%lld", (long long)(now + 72 * 3600000LL));
    const char *args[] = {horizon};
    int board = view && strcmp(view, "board") == 0;
    if (view && !board && strcmp(view, "all") != 0)
        return hg_fail(err, HG_INVALID, "invalid", "view", "view is board or all");
    record_query q = {
        .eq_names = names,
        .eq_values = values,
        .n_eq = n,
        .extra_sql = board ? "(status = 'arrived' OR (status = 'declared' AND eta_ms <= CAST(? AS BIGINT)))" : NULL,
        .extra_args = board ? args : NULL,
        .n_extra = board,
        .cursor = cursor,
        .limit = limit,
        .newest_first = 1};
    hg_rc rc = record_list_json(d, &vessel_call_record, &q, out, err);
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(*out, "items"), i, c)
    {
        if (rc)
            break;
        const char *no = json_string_value(json_object_get(c, "call_no"));
        int64_t tasks = 0, orders = 0, pending = 0;
        json_t *reasons = json_loads(json_string_value(json_object_get(c, "reasons")), 0, NULL);
        json_object_set_new(c, "reasons", reasons ? reasons : json_array());
        rc = db_int(d, &tasks, err, "SELECT COUNT(*) FROM vessel_tasks WHERE call_no = ? AND status = 'open'", "t", no);
        if (!rc)
            rc = db_int(d, &orders, err, "SELECT COUNT(*) FROM vessel_orders WHERE call_no = ? AND lifted_ms IS NULL",
                        "t", no);
        if (!rc)
            rc = db_int(d, &pending, err, "SELECT COUNT(*) FROM vessel_samples WHERE call_no = ? AND result IS NULL",
                        "t", no);
        json_object_set_new(c, "open_tasks", json_integer(tasks));
        json_object_set_new(c, "orders_in_force", json_integer(orders));
        json_object_set_new(c, "results_pending", json_integer(pending));
    }
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}
