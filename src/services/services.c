/* services.c — the pure decisions of enterprise services: the liaison platform's clocks in
 * working hours, the states of a problem, the SLA configuration, attachment types told by
 * their bytes, and percentiles for the statistics. No database, no clock (time is a
 * parameter), no JSON I/O. */
#include <stdlib.h>
#include <string.h>

#include "../platform/i18n.h"
#include "../platform/log.h"
#include "../platform/words.h"
#include "services.h"

#define MINUTE_MS 60000LL
#define OPEN_MS (SERVICES_DAY_OPEN_MIN * MINUTE_MS)
#define CLOSE_MS (SERVICES_DAY_CLOSE_MIN * MINUTE_MS)
/* Ten years of days: a clock that runs longer is a bug, not a deadline. */
#define MAX_DAYS 3660

int64_t services_working_add(const working_calendar *c, int64_t from_ms, int64_t minutes)
{
    int64_t t = from_ms, left = minutes > 0 ? minutes * MINUTE_MS : 0;
    for (int i = 0; i < MAX_DAYS; i++) {
        int64_t day = calendar_day_of(t), start = calendar_day_start_ms(day);
        if (!calendar_is_working_day(c, day)) {
            t = calendar_day_start_ms(calendar_next_working_day(c, day + 1)) + OPEN_MS;
            continue;
        }
        if (t - start < OPEN_MS)
            t = start + OPEN_MS;
        if (t - start >= CLOSE_MS) {
            t = calendar_day_start_ms(day + 1);
            continue;
        }
        int64_t avail = start + CLOSE_MS - t;
        if (left <= avail)
            return t + left;
        left -= avail;
        t = calendar_day_start_ms(day + 1);
    }
    return t;
}

int64_t services_working_minutes(const working_calendar *c, int64_t from_ms, int64_t to_ms)
{
    if (to_ms <= from_ms)
        return 0;
    int64_t total = 0, first = calendar_day_of(from_ms), last = calendar_day_of(to_ms);
    if (last - first > MAX_DAYS)
        last = first + MAX_DAYS;
    for (int64_t day = first; day <= last; day++) {
        if (!calendar_is_working_day(c, day))
            continue;
        int64_t start = calendar_day_start_ms(day), a = start + OPEN_MS, b = start + CLOSE_MS;
        if (a < from_ms)
            a = from_ms;
        if (b > to_ms)
            b = to_ms;
        if (b > a)
            total += b - a;
    }
    return total / MINUTE_MS;
}

/* "At once" (第一时间) made a number: an urgent problem is opened within half a working hour,
 * studied within two and solved within a working day; docs/services.md says why. */
liaison_sla liaison_slas[LIAISON_URGENCIES] = {
    {30, 120, 480},
    {60, 240, 960},
    {120, 480, 2400},
};

static const char *const urgency_names[] = {"urgent", "high", "normal", NULL};

int liaison_urgency_index(const char *name)
{
    for (int i = 0; name && urgency_names[i]; i++)
        if (strcmp(name, urgency_names[i]) == 0)
            return i;
    return -1;
}

static int parse_minutes(const char **p, int64_t *out)
{
    char *end;
    long long v = strtoll(*p, &end, 10);
    if (end == *p || v <= 0 || v > 100000)
        return -1;
    *out = v;
    *p = end;
    return 0;
}

int liaison_sla_parse(const char *s, liaison_sla *out)
{
    liaison_sla v;
    const char *p = s;
    if (!s || parse_minutes(&p, &v.known_min) || *p++ != ',' || parse_minutes(&p, &v.studied_min) || *p++ != ',' ||
        parse_minutes(&p, &v.solved_min) || *p)
        return -1;
    if (v.studied_min < v.known_min || v.solved_min < v.studied_min)
        return -1;
    *out = v;
    return 0;
}

void services_config_load(void)
{
    static const char *const vars[] = {"HAIGUAN_LIAISON_SLA_URGENT", "HAIGUAN_LIAISON_SLA_HIGH",
                                       "HAIGUAN_LIAISON_SLA_NORMAL"};
    for (int i = 0; i < LIAISON_URGENCIES; i++) {
        const char *v = getenv(vars[i]);
        if (v && liaison_sla_parse(v, &liaison_slas[i]))
            log_warn("%s is not \"known,studied,solved\" in rising minutes: the default stays", vars[i]);
    }
}

const char *const liaison_categories[] = {"processing_trade_accounts",
                                          "epidemic_supplies",
                                          "port_unloading",
                                          "tax_payment",
                                          "inspection_certificates",
                                          "other",
                                          NULL};
/* certificate: through LIAISON_LINK_KINDS, which the certificate area registers */
const char *const liaison_link_kinds[] = {"declaration", "bill", "tax_bill", "certificate", NULL};

static hg_rc refuse(hg_err *err, const char *status, const char *what)
{
    /* TRANSLATORS: 1: status (a word); 2: what */
    return hg_fail(err, HG_CONFLICT, "conflict", "status", "a problem that is %s cannot be %s", hg_word(status), what);
}

hg_rc liaison_next(const char *status, liaison_action action, int policy, const char **next, hg_err *err)
{
    int raised = strcmp(status, LIAISON_RAISED) == 0, known = strcmp(status, LIAISON_KNOWN) == 0,
        studied = strcmp(status, LIAISON_STUDIED) == 0, resolved = strcmp(status, LIAISON_RESOLVED) == 0,
        solved = strcmp(status, LIAISON_SOLVED) == 0;
    *next = raised     ? LIAISON_RAISED
            : known    ? LIAISON_KNOWN
            : studied  ? LIAISON_STUDIED
            : resolved ? LIAISON_RESOLVED
                       : LIAISON_SOLVED;
    switch (action) {
    case LIAISON_OPEN:
        if (raised)
            *next = LIAISON_KNOWN;
        return HG_OK;
    case LIAISON_REPLY:
        if (solved)
            return refuse(err, status, N_("answered: the enterprise confirmed it (it may reopen it)"));
        /* a reply is a first study only when it cites the policy it rests on */
        if ((raised || known) && policy)
            *next = LIAISON_STUDIED;
        else if (raised)
            *next = LIAISON_KNOWN;
        return HG_OK;
    case LIAISON_NOTE:
    case LIAISON_ASSIGN:
        if (solved)
            return refuse(err, status, action == LIAISON_NOTE ? N_("noted on") : N_("reassigned"));
        return HG_OK;
    case LIAISON_MESSAGE:
        if (solved)
            return refuse(err, status, N_("written to: reopen it with a reason"));
        return HG_OK;
    case LIAISON_RESOLVE:
        if (solved || resolved)
            return refuse(err, status, N_("resolved again"));
        if (raised || known)
            return refuse(err, status, N_("resolved before it is studied: reply citing the policy first"));
        *next = LIAISON_RESOLVED;
        return HG_OK;
    case LIAISON_CONFIRM:
        if (!resolved)
            return refuse(err, status, N_("confirmed: there is no resolution waiting"));
        *next = LIAISON_SOLVED;
        return HG_OK;
    case LIAISON_REOPEN:
        if (!resolved && !solved)
            return refuse(err, status, N_("reopened: it is still open"));
        *next = LIAISON_STUDIED;
        return HG_OK;
    }
    return hg_fail(err, HG_INTERNAL, NULL, NULL, "unknown action");
}

int liaison_attachment_type_ok(const char *content_type, const unsigned char *p, size_t n)
{
    if (!content_type)
        return 0;
    if (strcmp(content_type, "application/pdf") == 0)
        return n >= 5 && memcmp(p, "%PDF-", 5) == 0;
    if (strcmp(content_type, "image/png") == 0)
        return n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0;
    if (strcmp(content_type, "image/jpeg") == 0)
        return n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF;
    return 0;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int64_t services_percentile(int64_t *v, size_t n, int pct)
{
    if (!n)
        return 0;
    qsort(v, n, sizeof *v, cmp_i64);
    size_t rank = ((size_t)pct * n + 99) / 100; /* nearest rank: ceil(p/100 * n) */
    if (rank < 1)
        rank = 1;
    if (rank > n)
        rank = n;
    return v[rank - 1];
}
