/* vessel.h — vessel epidemic warning and disposal (入境船舶疫情预警处置): the shipping agent's
 * arrival declaration (FAL 1 basics, the Maritime Declaration of Health of IHR 2005 Annex 8
 * and the crew and passenger lists of FAL 5/6) with its amendments, the warning level its
 * rules give with their reasons, the disposal tasks, the crew's nucleic-acid samples taken on
 * application and resulted by laboratories, the orders that hold the vessel's cargo (through
 * cargo's CARGO_MANIFEST_HOLDS), free pratique, figures; and the supervision records of the
 * disinfection of refrigerated cargo unloading. Stands on cargo (manifests name the vessels)
 * and health (dates and MRZ checks); statistics read its figures.
 *
 * Ownership: every json_t handed back through an out-parameter belongs to the caller; the
 * record types are static. */
#ifndef HG_VESSEL_H
#define HG_VESSEL_H

#include <jansson.h>
#include <stdint.h>

#include "../platform/auth.h"
#include "../platform/ctx.h"
#include "../platform/db.h"
#include "../platform/record.h"

/* ------------------------------------------------------------------ pure decisions (vessel.c) */

/* Warning levels, in order: free pratique by radio (电讯检疫), boarding quarantine (登临检疫),
 * locked (100% boarding and no cargo operations until cleared). */
enum { VESSEL_RADIO = 0, VESSEL_BOARD = 1, VESSEL_LOCK = 2 };
const char *vessel_level_name(int level);
/* -1 for an unknown name. */
int vessel_level_parse(const char *s);

/* The MDH's nine questions (IHR 2005 Annex 8), 1-based: their JSON names. */
#define VESSEL_QUESTIONS 9
extern const char *const vessel_questions[VESSEL_QUESTIONS];
/* A fever: 37.3 °C or more (tenths of a degree, as health's HEALTH_FEVER_DC). */
#define VESSEL_FEVER_DC 373
/* A sanitation certificate (SSCEC/SSCC) is valid six months from its issue (IHR 2005 art. 39). */
#define VESSEL_CERT_MONTHS 6
/* The pre-boarding test of crew who joined: within 3 days before boarding (September 2020). */
#define VESSEL_TEST_DAYS 3
/* Ports of call are listed for the 30 days before arrival (MDH, FAL 1). */
#define VESSEL_PORT_DAYS 30

/* One warning rule (configurable: the table vessel_rules, seeded with the defaults). */
typedef struct vessel_rule {
    const char *code; /* "fever" */
    const char *kind; /* what it tests (vessel_rule_kinds) */
    int64_t param;    /* the kind's number: a temperature, a question mask, days, hours */
    int level;        /* VESSEL_* it raises the call to */
    int active;
    const char *explanation; /* why the rule exists, shown with its reasons */
} vessel_rule;
/* The kinds a rule may be of, NULL-terminated. */
extern const char *const vessel_rule_kinds[];

/* One person of the lists, as the rules read them. Days are calendar day numbers. */
typedef struct vessel_person_facts {
    const char *name; /* "WANG Wei", for reasons */
    int crew;         /* crew (FAL 5), else a passenger (FAL 6) */
    int64_t embarked_day;
    int temperature_dc; /* 0: not reported */
    int has_test;       /* a pre-boarding test is given */
    int64_t test_day;
    int test_negative;
} vessel_person_facts;

/* One port of call and its place on the district's high-risk list. */
typedef struct vessel_port_facts {
    const char *locode;
    int64_t left_day;
    int list_level; /* -1: not on the list, else the level the list gives it */
} vessel_port_facts;

/* What the rules decide on, from the declaration and its lists. */
typedef struct vessel_facts {
    int64_t eta_ms, reported_ms; /* the ETA and when the declaration was first made */
    int yes_mask;                /* bit q (1..9) set for every yes of the MDH */
    int cert_carried;            /* an SSCEC or SSCC */
    int64_t cert_issued_day;
    int affected_area;
    int64_t joined_declared; /* the MDH's persons joined in the period */
    int cold_cargo;          /* bulk refrigerated or cold-chain containers */
    int repair;              /* in for repair */
    int64_t incident_eta_ms; /* the ETA of the ship's latest earlier call with a positive crew member
                              * or a no-unloading order (its history by IMO number); 0: none */
    const vessel_person_facts *persons;
    int n_persons;
    const vessel_port_facts *ports;
    int n_ports;
} vessel_facts;

/* One reason a rule gave. */
typedef struct vessel_reason {
    char rule[32];
    int level;
    char text[240];
} vessel_reason;
#define VESSEL_MAX_REASONS 24

/* The level of a call: the highest level of the rules that fire (VESSEL_RADIO when none),
 * each firing rule's reason in reasons (at most VESSEL_MAX_REASONS; *n their number), and
 * *testing 1 when crew testing on application is required. Pure. */
int vessel_assess(const vessel_facts *f, const vessel_rule *rules, int n_rules, vessel_reason *reasons, int *n,
                  int *testing);

/* 1 when a sanitation certificate issued on issued_day is still valid on day (six months). */
int vessel_cert_valid(int64_t issued_day, int64_t day);

/* What the ship must do next, for its level and state: a code ("apply_testing", "wait_radio",
 * ...) the console words in the user's language, and its plain English words. Static strings. */
const char *vessel_next_step(int level, int testing, int tested, int boarded, const char *pratique, int order_in_force);
const char *vessel_next_step_text(const char *code);

/* Field validators: a radio call sign (3-9 letters and digits, at least one letter), a date
 * YYYY-MM-DD, a passport MRZ (health's check, ICAO 9303). */
int vessel_check_call_sign(const char *s, const char **reason);

/* ------------------------------------------------------------------ records (vessel_record.c) */

extern const record_type vessel_call_record, vessel_port_record, vessel_person_record;
extern const record_type vessel_boarding_record, vessel_pratique_record, vessel_order_record;
extern const record_type vessel_lift_record, vessel_result_record, vessel_moment_record;
extern const record_type vessel_rule_record, vessel_risk_port_record, vessel_testing_record;
extern const record_type vessel_task_record, vessel_task_close_record, vessel_sample_record;

/* ------------------------------------------------------------------ stores */

/* A shipping agent declares an arrival (call_store.c): checked, its level assessed, its
 * tasks and orders made. HG_FORBIDDEN for an enterprise that is not a shipping agent. */
hg_rc call_declare(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
/* The agent amends its declaration until arrival (the whole declaration again): the former
 * version kept, the level assessed again, the change on the timeline. */
hg_rc call_amend(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err);
/* The call with its lists, reasons, tasks, samples, orders, timeline and the vessel's earlier
 * calls; an agent sees only its own (HG_NOTFOUND otherwise). */
hg_rc call_get(db *d, const principal *who, const char *call_no, json_t **out, hg_err *err);
/* Calls, newest first: view "board" (expected in the next 72 h and at berth), else all; imo
 * NULL for any. An agent sees its own. */
hg_rc call_list(db *d, const principal *who, const char *view, const char *imo, int64_t now, const char *cursor,
                int limit, json_t **out, hg_err *err);
hg_rc call_arrived(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err);
hg_rc call_departed(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err);
hg_rc call_board(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err);
hg_rc call_pratique(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err);

/* Inside the caller's transaction: the call's timeline (call_store.c). */
hg_rc vessel_timeline(const hg_ctx *c, const char *call_no, const char *event, const json_t *detail, hg_err *err);
/* Inside the caller's transaction: an open task of kind on the call is done with result. */
hg_rc vessel_task_done(const hg_ctx *c, const char *call_no, const char *kind, const char *result, hg_err *err);
/* Inside the caller's transaction: a task of kind (unless one exists), owned by the kind's post
 * (vessel_task_post). */
hg_rc vessel_task_open(const hg_ctx *c, const char *call_no, const char *kind, int64_t deadline_ms, hg_err *err);

/* Crew testing on application (sample_store.c): the agent applies, every person is given a
 * labelled sample; laboratories (scope lab) result them. A positive result emits
 * "vessel.crew_positive" and, on a ship of refrigerated cargo, orders no unloading. */
hg_rc vessel_testing_apply(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err);
hg_rc vessel_sample_result(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err);
hg_rc vessel_samples_json(db *d, const char *call_no, json_t **out, hg_err *err);

/* Orders (order_store.c): issued by an officer with the quarantine post (or by the rules),
 * held on the vessel's manifests until lifted with a reason. */
hg_rc vessel_order_issue(const hg_ctx *c, const char *call_no, const json_t *body, json_t **out, hg_err *err);
/* Inside the caller's transaction: an order of kind unless one is in force, issued by `by`
 * ("rules" for the orders the warning rules make; NULL: the context's actor). */
hg_rc vessel_order_make(const hg_ctx *c, const char *call_no, const char *kind, const char *reason, const char *by,
                        hg_err *err);
hg_rc vessel_order_lift(const hg_ctx *c, const char *order_no, const json_t *body, json_t **out, hg_err *err);
hg_rc vessel_orders_json(db *d, const char *call_no, json_t **out, hg_err *err);
/* The orders as cargo's CARGO_MANIFEST_HOLDS row. */
struct cargo_manifest_hold;
extern const struct cargo_manifest_hold vessel_order_hold;

/* The post that owns a task of kind: boarding, sampling and free pratique the quarantine post's,
 * the supervision of a refrigerated cargo's disinfection the inspection post's (who also record
 * disinfections, POST /api/v1/disinfections); NULL for an unknown kind. */
const char *vessel_task_post(const char *kind);
/* An officer of the task's post records its result and closes it ({result}): HG_FORBIDDEN
 * (not_the_post) for another post, HG_CONFLICT (task_done) when done already; the result is on
 * the call's timeline. */
hg_rc vessel_task_close(const hg_ctx *c, const char *task_no, const json_t *body, json_t **out, hg_err *err);
/* Tasks (task_store.c): the queues by post. */
hg_rc vessel_tasks_json(db *d, const char *call_no, const char *post, const char *status, json_t **out, hg_err *err);

/* Rules and the high-risk list (rule_store.c). */
hg_rc vessel_rules_load(db *d, vessel_rule **rules, int *n, hg_err *err);
void vessel_rules_free(vessel_rule *rules, int n);
hg_rc vessel_rules_json(db *d, json_t **out, hg_err *err);
hg_rc vessel_rule_patch(const hg_ctx *c, const char *code, const json_t *body, json_t **out, hg_err *err);
hg_rc vessel_risk_port_set(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
hg_rc vessel_risk_ports_json(db *d, json_t **out, hg_err *err);
/* The list's level of a port (-1 when not on it). */
hg_rc vessel_risk_port_level(db *d, const char *locode, int *level, hg_err *err);

/* Figures (figures_store.c): per period ("day", "week", "month") between from and to. */
hg_rc vessel_figures_json(db *d, const char *period, int64_t from_ms, int64_t to_ms, json_t **out, hg_err *err);

/* The demo's vessel calls for the manifests cargo's generator made, and a month of ships of
 * every level (vessel_demo.c; `haiguan demo`). */
hg_rc vessel_demo(db *d, hg_err *err);

/* A disinfection supervision record (disinfection_store.c). */
extern const record_type disinfection_record;
hg_rc disinfection_create(const hg_ctx *c, const json_t *body, json_t **out, hg_err *err);
hg_rc disinfection_list(db *d, const char *cursor, int limit, json_t **out, hg_err *err);
/* An officer lifts a no-unloading order (409 when the record is none, or already lifted). */
hg_rc disinfection_lift(const hg_ctx *c, const char *record_no, json_t **out, hg_err *err);
/* The order as cargo's CARGO_MANIFEST_HOLDS row (disinfection_store.c). */
extern const struct cargo_manifest_hold vessel_no_unloading_hold;

/* The retention purge (retention_store.c): of calls whose ship left (else whose ETA was) before
 * before_ms and not purged yet, the former declaration versions emptied and the lists' health
 * answers removed, in one transaction with its audit row; *count the calls purged. */
hg_rc vessel_purge(const hg_ctx *c, int64_t before_ms, int64_t *count, hg_err *err);

#endif
