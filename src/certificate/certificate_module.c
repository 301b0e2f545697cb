/* certificate_module.c — the one definition of the certificate area that the platform sees. */
#include "../platform/cmd.h"
#include "../platform/module.h"
#include "../services/services.h"
#include "certificate.h"

/* certificate_schema.c and certificate_api.c */
extern const migration certificate_migrations[];
extern const route certificate_routes[];
/* certificate_cmd.c */
extern const command certificate_commands[];
/* certificate_link.c */
extern const liaison_link_kind certificate_link_kind;

/* What the area contributes to earlier areas' extension points: certificates as documents a
 * liaison problem may link. */
static const hg_extension certificate_extends[] = {
    {LIAISON_LINK_KINDS, &certificate_link_kind},
    {NULL, NULL},
};

static const hg_job certificate_jobs[] = {
    {"certificate.deliver", "deliver certificate envelopes to the importing authorities' hub (HAIGUAN_CERT_HUB_URL)",
     10, certificate_deliver_job},
    {NULL, NULL, 0, NULL},
};

static const hg_scope certificate_scopes[] = {
    {"certificates", "inspection-quarantine certificates: applications, issue, reading"},
    {NULL, NULL},
};

const hg_module certificate_module = {.name = "certificate",
                                      .summary = "inspection-quarantine certificates issued in the cloud",
                                      .migrations = certificate_migrations,
                                      .migrations_first = 1100,
                                      .migrations_last = 1199,
                                      .routes = certificate_routes,
                                      .commands = certificate_commands,
                                      .scopes = certificate_scopes,
                                      .jobs = certificate_jobs,
                                      .extends = certificate_extends,
                                      .demo = certificate_demo};
