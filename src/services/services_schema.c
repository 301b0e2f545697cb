/* services_schema.c — the migrations of enterprise services (1000-1099). A shipped migration
 * is never edited or renumbered. Attachments are kept as their base64 text (a TEXT column
 * both engines hold alike), bounded by the field table. */
#include "../platform/db.h"
#include "services.h"

const migration services_migrations[] = {
    {1000, "the liaison platform: problems, links, attachments, messages, escalations, visits",
     "CREATE TABLE liaison_problems ("
     " problem_no TEXT PRIMARY KEY, enterprise TEXT NOT NULL, category TEXT NOT NULL, title TEXT NOT NULL,"
     " text TEXT NOT NULL, urgency TEXT NOT NULL, status TEXT NOT NULL, assignee TEXT, raised_by TEXT NOT NULL,"
     " raised_ms BIGINT NOT NULL, known_ms BIGINT, known_by TEXT, studied_ms BIGINT, studied_by TEXT,"
     " resolved_ms BIGINT, solved_ms BIGINT, confirmed_ms BIGINT, reopened BIGINT NOT NULL DEFAULT 0,"
     " due_known_ms BIGINT NOT NULL, due_studied_ms BIGINT NOT NULL, due_solved_ms BIGINT NOT NULL,"
     " updated_ms BIGINT);"
     "CREATE INDEX liaison_problems_enterprise ON liaison_problems(enterprise, problem_no);"
     "CREATE INDEX liaison_problems_status ON liaison_problems(status, problem_no);"
     "CREATE INDEX liaison_problems_assignee ON liaison_problems(assignee, problem_no);"
     "CREATE INDEX liaison_problems_raised ON liaison_problems(raised_ms);"
     "CREATE TABLE liaison_links ("
     " problem_no TEXT NOT NULL REFERENCES liaison_problems(problem_no), line_no BIGINT NOT NULL,"
     " kind TEXT NOT NULL, ref TEXT NOT NULL, PRIMARY KEY (problem_no, line_no));"
     "CREATE TABLE liaison_attachments ("
     " problem_no TEXT NOT NULL REFERENCES liaison_problems(problem_no), line_no BIGINT NOT NULL,"
     " name TEXT NOT NULL, content_type TEXT NOT NULL, data TEXT NOT NULL, size BIGINT, sha256 TEXT,"
     " PRIMARY KEY (problem_no, line_no));"
     "CREATE TABLE liaison_messages ("
     " id TEXT PRIMARY KEY, problem_no TEXT NOT NULL REFERENCES liaison_problems(problem_no), kind TEXT NOT NULL,"
     " text TEXT NOT NULL, policy TEXT, author TEXT NOT NULL, side TEXT NOT NULL, internal BIGINT NOT NULL,"
     " at_ms BIGINT NOT NULL);"
     "CREATE INDEX liaison_messages_problem ON liaison_messages(problem_no, at_ms);"
     "CREATE TABLE liaison_escalations ("
     " problem_no TEXT NOT NULL REFERENCES liaison_problems(problem_no), stage TEXT NOT NULL,"
     " assignee TEXT, due_ms BIGINT NOT NULL, at_ms BIGINT NOT NULL, PRIMARY KEY (problem_no, stage));"
     "CREATE INDEX liaison_escalations_at ON liaison_escalations(at_ms);"
     "CREATE TABLE liaison_visits ("
     " visit_no TEXT PRIMARY KEY, enterprise TEXT NOT NULL, kind TEXT NOT NULL, campaign TEXT, problem_no TEXT,"
     " officer TEXT NOT NULL, second_officer TEXT, at_ms BIGINT NOT NULL, summary TEXT NOT NULL,"
     " helped BIGINT, recorded_ms BIGINT);"
     "CREATE INDEX liaison_visits_enterprise ON liaison_visits(enterprise, at_ms);"
     "CREATE INDEX liaison_visits_campaign ON liaison_visits(campaign, at_ms);",
     NULL, NULL},
    {1001, "advance rulings (预裁定) for smart declaration navigation",
     "CREATE TABLE navigation_rulings ("
     " ruling_no TEXT PRIMARY KEY, enterprise TEXT NOT NULL, kind TEXT NOT NULL, hs_code TEXT NOT NULL,"
     " goods_name TEXT NOT NULL, decision TEXT NOT NULL, issued_ms BIGINT NOT NULL, valid_to_ms BIGINT NOT NULL,"
     " issued_by TEXT NOT NULL);"
     "CREATE INDEX navigation_rulings_enterprise ON navigation_rulings(enterprise, valid_to_ms);",
     NULL, NULL},
    /* issue 20: a coordinator who delays is removed by a manager, its enterprises and open
     * problems handed to a successor; each removal is kept with what it moved */
    {1002, "coordinator removals",
     "CREATE TABLE liaison_coordinator_removals ("
     " removal_no TEXT PRIMARY KEY, coordinator TEXT NOT NULL, successor TEXT NOT NULL, reason TEXT NOT NULL,"
     " removed_by TEXT NOT NULL, at_ms BIGINT NOT NULL, breaches BIGINT NOT NULL, enterprises TEXT NOT NULL,"
     " problems TEXT NOT NULL);"
     "CREATE INDEX liaison_coordinator_removals_at ON liaison_coordinator_removals(at_ms);",
     NULL, NULL},
    /* issue 16: the declaration form's drafts (暂存), the enterprise's own working copies: no
     * entry number, never screened; a discarded one is kept (its number is not reused) */
    {1003, "declaration drafts",
     "CREATE TABLE declaration_drafts ("
     " draft_no TEXT PRIMARY KEY, enterprise TEXT NOT NULL, title TEXT NOT NULL, form TEXT NOT NULL,"
     " saved_by TEXT NOT NULL, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL, discarded_ms BIGINT);"
     "CREATE INDEX declaration_drafts_enterprise ON declaration_drafts(enterprise, updated_ms);",
     NULL, NULL},
    /* the post-clearance audit plan (稽查计划, audit_plan_store.c): one per year, and each
     * enterprise's draw with the rate of its level at the time */
    {1004, "post-clearance audit plans",
     "CREATE TABLE aeo_audit_plans ("
     " year BIGINT PRIMARY KEY, base_ppm BIGINT NOT NULL, drawn_by TEXT NOT NULL, drawn_ms BIGINT NOT NULL,"
     " enterprises BIGINT NOT NULL, selected BIGINT NOT NULL);"
     "CREATE TABLE aeo_audit_selections ("
     " year BIGINT NOT NULL REFERENCES aeo_audit_plans(year), uscc TEXT NOT NULL, credit_level TEXT NOT NULL,"
     " rate_ppm BIGINT NOT NULL, draw BIGINT NOT NULL, selected BIGINT NOT NULL, PRIMARY KEY (year, uscc));",
     NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};
