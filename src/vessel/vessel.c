/* vessel.c — the pure decisions of vessel epidemic warning: the level the warning rules give
 * a call from its declaration and lists, with a reason for every rule that fires; the
 * sanitation certificate's validity; what the agent reads as the next step. No database, no
 * clock, no JSON: the stores gather the facts (call_store.c) and keep the answer. */
#include <stdio.h>
#include <string.h>

#include "../platform/calendar.h"
#include "../platform/i18n.h"
#include "vessel.h"

static const char *const level_names[] = {"radio_pratique", "board", "lock"};

const char *vessel_level_name(int level) { return level >= 0 && level <= VESSEL_LOCK ? level_names[level] : "?"; }

int vessel_level_parse(const char *s)
{
    for (int i = 0; s && i <= VESSEL_LOCK; i++)
        if (strcmp(s, level_names[i]) == 0)
            return i;
    return -1;
}

/* IHR 2005 Annex 8, "Health questions" 1-9, in the form's order. */
const char *const vessel_questions[VESSEL_QUESTIONS] = {
    "q1_death",     "q2_infectious", "q3_ill_excess", "q4_ill_now",     "q5_practitioner",
    "q6_condition", "q7_measure",    "q8_stowaways",  "q9_sick_animal",
};
static const char *const question_words[VESSEL_QUESTIONS] = {
    "a death not due to accident",         "a case of suspected infectious disease",
    "more ill persons than expected",      "a person ill now",
    "a medical practitioner consulted",    "a condition that may lead to infection or its spread",
    "a sanitary measure applied on board", "stowaways found on board",
    "a sick animal or pet on board",
};

const char *const vessel_rule_kinds[] = {"fever",
                                         "mdh_yes",
                                         "risk_port",
                                         "joined_untested",
                                         "certificate",
                                         "affected_area",
                                         "joined_crosscheck",
                                         "late_report",
                                         "cold_chain_testing",
                                         "repair_testing",
                                         "history",
                                         NULL};

int vessel_cert_valid(int64_t issued_day, int64_t day)
{
    int y, m, d;
    calendar_civil(issued_day, &y, &m, &d);
    m += VESSEL_CERT_MONTHS;
    while (m > 12) {
        m -= 12;
        y++;
    }
    while (d > 28 && !calendar_date_ok(y, m, d))
        d--;
    return day >= issued_day && day <= calendar_days_from_civil(y, m, d);
}

/* Appends a reason unless the table is full. */
static void say(vessel_reason *reasons, int *n, const vessel_rule *r, int level, const char *fmt, const char *a,
                const char *b)
{
    if (*n >= VESSEL_MAX_REASONS)
        return;
    vessel_reason *x = &reasons[(*n)++];
    snprintf(x->rule, sizeof x->rule, "%s", r->code);
    x->level = level;
    /* the reason's own buffer: its 240 bytes hold every format here with a (96) and b (64) */
    snprintf(x->text, sizeof x->text, fmt, a ? a : "", b ? b : "");
}

/* A crew member who joined lacks a valid pre-boarding test: none, not negative, or not within
 * VESSEL_TEST_DAYS before boarding. */
static int untested(const vessel_person_facts *p)
{
    return !p->has_test || !p->test_negative || p->test_day > p->embarked_day ||
           p->test_day < p->embarked_day - VESSEL_TEST_DAYS;
}

/* Whether one rule fires; its reasons appended, *level the level it gives. */
static int fires(const vessel_rule *r, const vessel_facts *f, vessel_reason *reasons, int *n, int *level)
{
    int64_t eta_day = calendar_day_of(f->eta_ms);
    char a[96], b[64];
    int hit = 0;
    *level = r->level;
    if (strcmp(r->kind, "fever") == 0) {
        for (int i = 0; i < f->n_persons; i++) {
            const vessel_person_facts *p = &f->persons[i];
            if (p->temperature_dc && p->temperature_dc >= r->param) {
                snprintf(b, sizeof b, "%d.%d", p->temperature_dc / 10, p->temperature_dc % 10);
                say(reasons, n, r, r->level, "%s reported a temperature of %s °C", p->name, b);
                hit = 1;
            }
        }
    } else if (strcmp(r->kind, "mdh_yes") == 0) {
        for (int q = 1; q <= VESSEL_QUESTIONS; q++)
            if ((r->param >> q & 1) && (f->yes_mask >> q & 1)) {
                snprintf(a, sizeof a, "%d", q);
                say(reasons, n, r, r->level, "MDH question %s answered yes: %s", a, question_words[q - 1]);
                hit = 1;
            }
    } else if (strcmp(r->kind, "risk_port") == 0) {
        int top = -1;
        for (int i = 0; i < f->n_ports; i++) {
            const vessel_port_facts *p = &f->ports[i];
            if (p->list_level >= 0 && p->left_day >= eta_day - r->param) {
                snprintf(b, sizeof b, "%lld", (long long)r->param);
                say(reasons, n, r, p->list_level, "called at %s, on the district's high-risk list, within %s days",
                    p->locode, b);
                if (p->list_level > top)
                    top = p->list_level;
                hit = 1;
            }
        }
        if (hit)
            *level = top; /* the list gives the level: board or lock */
    } else if (strcmp(r->kind, "joined_untested") == 0) {
        for (int i = 0; i < f->n_persons; i++) {
            const vessel_person_facts *p = &f->persons[i];
            if (p->crew && p->embarked_day >= eta_day - r->param && untested(p)) {
                char d[11];
                calendar_format_date(p->embarked_day, d);
                say(reasons, n, r, r->level,
                    p->has_test ? "%s joined on %s and the pre-boarding test is not a negative one within 3 days "
                                  "before boarding"
                                : "%s joined on %s without a pre-boarding test",
                    p->name, d);
                hit = 1;
            }
        }
    } else if (strcmp(r->kind, "certificate") == 0) {
        if (!f->cert_carried || !vessel_cert_valid(f->cert_issued_day, eta_day)) {
            say(reasons, n, r, r->level,
                f->cert_carried ? "the ship sanitation certificate has expired (valid six months)%s%s"
                                : "no ship sanitation certificate is carried%s%s",
                NULL, NULL);
            hit = 1;
        }
    } else if (strcmp(r->kind, "affected_area") == 0) {
        if (f->affected_area) {
            say(reasons, n, r, r->level, "the MDH declares a visit to an affected area%s%s", NULL, NULL);
            hit = 1;
        }
    } else if (strcmp(r->kind, "joined_crosscheck") == 0) {
        int64_t joined = 0;
        for (int i = 0; i < f->n_persons; i++)
            joined += f->persons[i].embarked_day >= eta_day - r->param;
        if (joined != f->joined_declared) {
            snprintf(a, sizeof a, "%lld embarked within %lld days", (long long)joined, (long long)r->param);
            snprintf(b, sizeof b, "%lld", (long long)f->joined_declared);
            say(reasons, n, r, r->level, "the crew and passenger lists show %s, the MDH declares %s joined", a, b);
            hit = 1;
        }
    } else if (strcmp(r->kind, "late_report") == 0) {
        if (f->reported_ms > f->eta_ms - r->param * 3600000LL) {
            snprintf(a, sizeof a, "%lld", (long long)r->param);
            say(reasons, n, r, r->level, "declared less than %s hours before arrival%s", a, NULL);
            hit = 1;
        }
    } else if (strcmp(r->kind, "cold_chain_testing") == 0) {
        if (f->cold_cargo) {
            say(reasons, n, r, r->level, "refrigerated cargo: the crew are tested on application%s%s", NULL, NULL);
            hit = 1;
        }
    } else if (strcmp(r->kind, "history") == 0) {
        if (f->incident_eta_ms && f->incident_eta_ms >= f->eta_ms - r->param * CALENDAR_DAY_MS) {
            char d[11];
            calendar_format_date(calendar_day_of(f->incident_eta_ms), d);
            snprintf(a, sizeof a, "%lld", (long long)r->param);
            say(reasons, n, r, r->level,
                "the ship's call of %s, within %s days, had a positive crew member or an order", d, a);
            hit = 1;
        }
    } else if (strcmp(r->kind, "repair_testing") == 0) {
        if (f->repair) {
            say(reasons, n, r, r->level, "in for repair: the crew are tested on application%s%s", NULL, NULL);
            hit = 1;
        }
    }
    return hit;
}

int vessel_assess(const vessel_facts *f, const vessel_rule *rules, int n_rules, vessel_reason *reasons, int *n,
                  int *testing)
{
    int level = VESSEL_RADIO;
    *n = 0;
    *testing = 0;
    for (int i = 0; i < n_rules; i++) {
        const vessel_rule *r = &rules[i];
        int l = VESSEL_RADIO;
        if (!r->active || !fires(r, f, reasons, n, &l))
            continue;
        if (strstr(r->kind, "_testing"))
            *testing = 1;
        if (l > level)
            level = l;
    }
    return level;
}

const char *vessel_next_step(int level, int testing, int tested, int boarded, const char *pratique, int order_in_force)
{
    if (order_in_force)
        return "order_in_force";
    if (pratique && strcmp(pratique, "granted") == 0)
        return "pratique_granted";
    if (pratique && strcmp(pratique, "refused") == 0)
        return "pratique_refused";
    if (testing && !tested)
        return "apply_testing";
    if (level >= VESSEL_BOARD && !boarded)
        return level == VESSEL_LOCK ? "wait_locked" : "wait_boarding";
    return "wait_radio";
}

const char *vessel_next_step_text(const char *code)
{
    static const char *const words[][2] = {
        {"order_in_force", "An order stands on the ship: no cargo operations until customs lifts it. Follow the "
                           "quarantine officer's instructions."},
        {"pratique_granted", "Free pratique granted: the ship may operate."},
        {"pratique_refused", "Free pratique refused: wait for the quarantine officer's instructions."},
        {"apply_testing",
         "Apply for crew nucleic-acid testing: every person aboard is sampled before cargo operations."},
        {"wait_locked", "Wait at anchor: 100% boarding quarantine, no cargo operations until cleared."},
        {"wait_boarding", "Wait for boarding quarantine before berthing operations."},
        {"wait_radio", "Wait for free pratique by radio; keep the declaration up to date until arrival."},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i][0], code) == 0)
            return words[i][1];
    return code;
}

int vessel_check_call_sign(const char *s, const char **reason)
{
    size_t n = s ? strlen(s) : 0;
    int letter = 0;
    if (n < 3 || n > 9) {
        if (reason)
            *reason = N_("must be a radio call sign of 3-9 letters and digits");
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        int up = s[i] >= 'A' && s[i] <= 'Z';
        letter |= up;
        if (!up && !(s[i] >= '0' && s[i] <= '9')) {
            if (reason)
                *reason = N_("must be a radio call sign of 3-9 letters and digits");
            return 0;
        }
    }
    if (!letter && reason)
        *reason = N_("a radio call sign has at least one letter (ITU prefix)");
    return letter;
}
