/* aeo.c — AEO facilitation measured, not promised: the pure comparison of a credit level's
 * real inspection rate in a month (random and rule-driven, separately) with the policy's
 * bound, and the post-clearance audit rate of a level. No database, no clock. */
#include "services.h"

void aeo_measure(int level, int64_t screened, int64_t random, int64_t rule, int64_t gc_screened, int64_t gc_inspected,
                 int64_t bound_ppm, aeo_level_month *m)
{
    *m = (aeo_level_month){.screened = screened,
                           .random = random,
                           .rule = rule,
                           .bound_ppm = bound_ppm,
                           .below = level == 3,
                           .of_general_ppm = -1};
    if (screened) {
        m->random_ppm = random * 1000000 / screened;
        m->rule_ppm = rule * 1000000 / screened;
        m->total_ppm = (random + rule) * 1000000 / screened;
    }
    int64_t gc_rate = gc_screened ? gc_inspected * 1000000 / gc_screened : 0;
    if (gc_rate)
        m->of_general_ppm = m->total_ppm * 1000000 / gc_rate;
    int enough = screened >= AEO_MIN_SAMPLE;
    if (level == 3)
        m->drift = enough && m->total_ppm < bound_ppm;
    else if (level != 2)
        m->drift = enough && gc_screened >= AEO_MIN_SAMPLE && m->of_general_ppm > bound_ppm;
}

uint32_t aeo_audit_rate(int level, uint32_t base_ppm)
{
    static const uint32_t share_ppm[] = {200000, 500000, 1000000};
    if (base_ppm > 1000000)
        base_ppm = 1000000;
    if (level < 0 || level > 2)
        return 1000000; /* dishonest: every one is audited */
    return (uint32_t)((uint64_t)base_ppm * share_ppm[level] / 1000000);
}
