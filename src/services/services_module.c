/* services_module.c — the one definition of the enterprise services area that the platform
 * sees. The liaison post (关企联络) and scope are enterprise's, which registered them first. */
#include "../platform/log.h"
#include "../platform/module.h"
#include "services.h"
#include "services_store.h"

/* services_schema.c, services_api.c, services_demo.c */
extern const migration services_migrations[];
extern const route services_routes[];
hg_rc services_demo(db *d, hg_err *err);

static hg_rc escalate_job(db *d, hg_err *err) { return liaison_escalate(d, now_ms(), NULL, err); }

static void services_init(void)
{
    services_config_load();
    nav_draft_init();
}

static const hg_job services_jobs[] = {
    {"services.liaison_escalate", "escalate to the managers each first (known, studied, solved) past its SLA", 60,
     escalate_job},
    {NULL, NULL, 0, NULL},
};

static const hg_scope services_scopes[] = {
    {"navigation", "smart declaration navigation: HS search, pre-checks, advance rulings (智慧申报导航)"},
    {NULL, NULL},
};

static const demo_signin services_signins[] = {
    {.name = "liaison2",
     .role = ROLE_OFFICER,
     .posts = "liaison",
     .password = "liaison2-demo-2026",
     .what = "a second liaison officer: a site visit is made by two",
     .display_name = "赵磊"},
    {.name = NULL},
};

static const record_type *const services_records[] = {&liaison_problem_record, &liaison_message_record,
                                                      &liaison_visit_record, &nav_ruling_record, NULL};

const hg_module services_module = {.name = "services",
                                   .summary = "enterprise services: the liaison platform (关企联络), coordinators, "
                                              "visits and campaigns",
                                   .migrations = services_migrations,
                                   .migrations_first = 1000,
                                   .migrations_last = 1099,
                                   .routes = services_routes,
                                   .init = services_init,
                                   .demo = services_demo,
                                   .scopes = services_scopes,
                                   .demo_signins = services_signins,
                                   .records = services_records,
                                   .jobs = services_jobs};
