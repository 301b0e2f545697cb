/* bench_risk.c — the risk screening benchmark (`bench/run risk [--quick]`): a deterministic
 * workload of rules and declarations screened by haiguan's indexed engine, by the naive
 * evaluator that tests every rule (the reference for correctness), and by CLIPS 6.30 (a Rete
 * engine, the classic peer for rule matching in C) loaded with the same rules as CLIPS rules.
 * All three must give the same rule hits and lanes on every declaration, or the run fails.
 *
 * Random selection is switched off here (it is a keyed draw, not rule matching) and every rule
 * fires on all its matches, so that the three are comparable. CLIPS pitfalls (DESIGN.md §6):
 * HS codes are passed as strings (an unquoted 0101 would be the integer 101) and each item
 * carries precomputed prefix slots p2..p10; descriptions are lower-cased before CLIPS sees them,
 * as haiguan folds Latin letters. Timing is wall-clock, single-threaded: figures per core. */
#include <clips/clips.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/platform/log.h"
#include "../../src/platform/mem.h"
#include "../../src/risk/risk.h"

/* ---- the deterministic workload ---- */

static uint64_t rng_state;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13; /* xorshift64: the same sequence on every machine */
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

#define HS_POOL 5000
#define BILL_POOL 50000
#define WORDS 5000
static char hs_pool[HS_POOL][11];
static const char *const countries[] = {"JP", "KR", "US", "DE", "AU", "BR", "NO", "VN", "TH", "IN",
                                        "RU", "CL", "NZ", "CA", "FR", "IT", "ES", "GB", "ID", "MY"};
#define N_COUNTRIES 20

static void make_hs_pool(void)
{
    for (int i = 0; i < HS_POOL; i++) {
        int ch;
        do
            ch = 1 + (int)(rnd() % 97);
        while (ch == 77); /* chapter 77 is reserved */
        snprintf(hs_pool[i], sizeof hs_pool[i], "%02d%08llu", ch, (unsigned long long)(rnd() % 100000000));
    }
}

typedef struct gen_rule {
    int64_t id;
    int shape;
    char prefix[11];
    char origin[3];
    int64_t min_value_fen;
    char trade[3];
    int64_t max_weight_g;
    char bills[3][16];
    char keyword[16];
    int lane; /* 1 blue, 2 yellow, 3 red */
} gen_rule;

static void gen_rules(gen_rule *g, int n)
{
    for (int i = 0; i < n; i++) {
        gen_rule *r = &g[i];
        memset(r, 0, sizeof *r);
        r->id = i + 1;
        r->shape = (int)(rnd() % 6);
        r->lane = 1 + (int)(rnd() % 3);
        const char *hs = hs_pool[rnd() % HS_POOL];
        /* rules target headings to full codes (4 to 10 digits), as real instructions do */
        int len = 4 + (int)(rnd() % 7);
        if (r->shape == 5)
            len = 8 + (int)(rnd() % 3);
        memcpy(r->prefix, hs, (size_t)len);
        snprintf(r->origin, sizeof r->origin, "%s", countries[rnd() % N_COUNTRIES]);
        r->min_value_fen = 9000000 + (int64_t)(rnd() % 10000) * 100; /* the top tenth of values */
        snprintf(r->trade, sizeof r->trade, "%s", countries[rnd() % N_COUNTRIES]);
        r->max_weight_g = (int64_t)(rnd() % 20000);
        for (int b = 0; b < 3; b++)
            snprintf(r->bills[b], sizeof r->bills[b], "BL%06d", (int)(rnd() % BILL_POOL));
        snprintf(r->keyword, sizeof r->keyword, "w%04d", (int)(rnd() % WORDS));
    }
}

static const char *const lane_words[] = {"green", "blue", "yellow", "red"};

/* The rule as the API's JSON. */
static int rule_json_text(const gen_rule *r, char *out, size_t n)
{
    char conds[256];
    switch (r->shape) {
    case 0:
        snprintf(conds, sizeof conds,
                 "{\"kind\":\"hs_prefix\",\"values\":[\"%s\"]},{\"kind\":\"origin_country\",\"values\":[\"%s\"]}",
                 r->prefix, r->origin);
        break;
    case 1:
        snprintf(conds, sizeof conds,
                 "{\"kind\":\"hs_prefix\",\"values\":[\"%s\"]},{\"kind\":\"item_value\",\"min\":\"%lld.%02lld\"}",
                 r->prefix, (long long)(r->min_value_fen / 100), (long long)(r->min_value_fen % 100));
        break;
    case 2:
        snprintf(conds, sizeof conds,
                 "{\"kind\":\"trade_country\",\"values\":[\"%s\"]},{\"kind\":\"gross_weight\",\"max\":%lld}", r->trade,
                 (long long)r->max_weight_g);
        break;
    case 3:
        snprintf(conds, sizeof conds, "{\"kind\":\"bill_no\",\"values\":[\"%s\",\"%s\",\"%s\"]}", r->bills[0],
                 r->bills[1], r->bills[2]);
        break;
    case 4:
        snprintf(conds, sizeof conds, "{\"kind\":\"keyword\",\"values\":[\"%s\"]}", r->keyword);
        break;
    default:
        snprintf(conds, sizeof conds, "{\"kind\":\"hs_prefix\",\"values\":[\"%s\"]}", r->prefix);
        break;
    }
    return snprintf(out, n,
                    "{\"name\":\"bench %lld\",\"source\":\"hq\",\"conditions\":[%s],\"action\":{\"lane\":\"%s\"}}",
                    (long long)r->id, conds, lane_words[r->lane]);
}

/* The same rule as a CLIPS defrule. */
static int rule_clips_text(const gen_rule *r, char *out, size_t n)
{
    char lhs[256];
    size_t len = strlen(r->prefix);
    switch (r->shape) {
    case 0:
        snprintf(lhs, sizeof lhs, "(item (decl ?d) (p%zu \"%s\") (origin \"%s\"))", len, r->prefix, r->origin);
        break;
    case 1:
        snprintf(lhs, sizeof lhs, "(item (decl ?d) (p%zu \"%s\") (value ?v&:(>= ?v %lld)))", len, r->prefix,
                 (long long)r->min_value_fen);
        break;
    case 2:
        /* the range as a join-level test after the selective header pattern: for CLIPS this is
         * faster than a predicate in the item pattern, which every item fact would meet */
        snprintf(lhs, sizeof lhs, "(decl (id ?d) (trade \"%s\")) (item (decl ?d) (weight ?w)) (test (<= ?w %lld))",
                 r->trade, (long long)r->max_weight_g);
        break;
    case 3:
        snprintf(lhs, sizeof lhs, "(decl (id ?d) (bill \"%s\"|\"%s\"|\"%s\"))", r->bills[0], r->bills[1], r->bills[2]);
        break;
    case 4:
        snprintf(lhs, sizeof lhs, "(item (decl ?d) (desc ?s&:(str-index \"%s\" ?s)))", r->keyword);
        break;
    default:
        snprintf(lhs, sizeof lhs, "(item (decl ?d) (p%zu \"%s\"))", len, r->prefix);
        break;
    }
    return snprintf(out, n, "(defrule r%lld %s => (assert (hit (decl ?d) (rule %lld))))", (long long)r->id, lhs,
                    (long long)r->id);
}

typedef struct workload {
    risk_decl *decls;
    risk_item *items;
    char (*desc)[32];
    int n;
} workload;

static void gen_decls(workload *w, int n)
{
    w->n = n;
    w->decls = xcalloc((size_t)n, sizeof *w->decls);
    w->items = xcalloc((size_t)n * 5, sizeof *w->items);
    w->desc = xcalloc((size_t)n * 5, sizeof *w->desc);
    if (!w->decls || !w->items || !w->desc) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
    for (int i = 0; i < n; i++) {
        risk_decl *d = &w->decls[i];
        snprintf(d->id, sizeof d->id, "0901202610%08d", i);
        d->direction = RISK_IMPORT;
        d->credit = RC_GENERAL_CREDIT;
        d->at_ms = 1790000000000LL;
        snprintf(d->trade_country, sizeof d->trade_country, "%s", countries[rnd() % N_COUNTRIES]);
        snprintf(d->bill_no, sizeof d->bill_no, "BL%06d", (int)(rnd() % BILL_POOL));
        d->items = &w->items[(size_t)i * 5];
        d->n_items = 1 + (int)(rnd() % 5);
        for (int k = 0; k < d->n_items; k++) {
            risk_item *it = &d->items[k];
            char *desc = w->desc[(size_t)i * 5 + (size_t)k];
            snprintf(it->hs_code, sizeof it->hs_code, "%s", hs_pool[rnd() % HS_POOL]);
            snprintf(it->origin, sizeof it->origin, "%s", countries[rnd() % N_COUNTRIES]);
            snprintf(desc, 32, "Goods W%04d lot", (int)(rnd() % WORDS));
            it->description = desc;
            it->value_fen = (int64_t)(rnd() % 10000000);
            it->gross_weight_g = (int64_t)(rnd() % 2000000);
        }
    }
}

/* ---- hits of one declaration, as sorted rule ids ---- */

typedef struct hits {
    int64_t *ids; /* for declaration i: ids[off[i] .. off[i+1]) */
    size_t *off;
    size_t n, cap;
} hits;

static void hits_init(hits *h, int ndecl)
{
    memset(h, 0, sizeof *h);
    h->off = xcalloc((size_t)ndecl + 1, sizeof *h->off);
}

static void hits_add(hits *h, int64_t id)
{
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 4096;
        h->ids = xrealloc(h->ids, h->cap * sizeof *h->ids);
        if (!h->ids) {
            fprintf(stderr, "bench: out of memory\n");
            exit(1);
        }
    }
    h->ids[h->n++] = id;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static void hits_free(hits *h)
{
    xfree(h->ids);
    xfree(h->off);
}

/* ---- haiguan ---- */

static double run_haiguan(risk_set *s, const workload *w, int naive, hits *h, int *lanes)
{
    risk_result r;
    risk_result_init(&r);
    hg_err err;
    int64_t t0 = mono_ns();
    for (int i = 0; i < w->n; i++) {
        if ((naive ? risk_screen_naive : risk_screen)(s, &w->decls[i], &r, &err)) {
            fprintf(stderr, "bench: screening failed: %s\n", err.message);
            exit(1);
        }
        if (h) {
            h->off[i] = h->n;
            for (int k = 0; k < r.n_hits; k++)
                hits_add(h, r.hits[k].rule->id);
            lanes[i] = r.lane;
        }
    }
    int64_t t1 = mono_ns();
    if (h)
        h->off[w->n] = h->n;
    risk_result_free(&r);
    return (double)(t1 - t0) / 1e9;
}

/* ---- CLIPS ---- */

static void put_str(void *env, void *fact, const char *slot, const char *v)
{
    DATA_OBJECT o;
    SetType(o, STRING);
    SetValue(o, EnvAddSymbol(env, v));
    EnvPutFactSlot(env, fact, slot, &o);
}

static void put_int(void *env, void *fact, const char *slot, long long v)
{
    DATA_OBJECT o;
    SetType(o, INTEGER);
    SetValue(o, EnvAddLong(env, v));
    EnvPutFactSlot(env, fact, slot, &o);
}

static void *clips_load(const gen_rule *g, int n, double *secs)
{
    void *env = CreateEnvironment();
    int64_t t0 = mono_ns();
    const char *templates[] = {
        "(deftemplate decl (slot id) (slot trade) (slot bill))",
        "(deftemplate item (slot decl) (slot p2) (slot p3) (slot p4) (slot p5) (slot p6) (slot p7) (slot p8) (slot p9)"
        " (slot p10) (slot origin) (slot value) (slot weight) (slot desc))",
        "(deftemplate hit (slot decl) (slot rule))",
    };
    for (size_t i = 0; i < sizeof templates / sizeof templates[0]; i++)
        if (!EnvBuild(env, templates[i])) {
            fprintf(stderr, "bench: CLIPS refused %s\n", templates[i]);
            exit(1);
        }
    char text[512];
    for (int i = 0; i < n; i++) {
        rule_clips_text(&g[i], text, sizeof text);
        if (!EnvBuild(env, text)) {
            fprintf(stderr, "bench: CLIPS refused %s\n", text);
            exit(1);
        }
    }
    EnvReset(env);
    *secs = (double)(mono_ns() - t0) / 1e9;
    return env;
}

static double run_clips(void *env, const workload *w, hits *h)
{
    void *tdecl = EnvFindDeftemplate(env, "decl"), *titem = EnvFindDeftemplate(env, "item"),
         *thit = EnvFindDeftemplate(env, "hit");
    void *asserted[8], *found[4096];
    char lower[32], slot[4];
    int64_t t0 = mono_ns();
    for (int i = 0; i < w->n; i++) {
        const risk_decl *d = &w->decls[i];
        int na = 0;
        void *f = EnvCreateFact(env, tdecl);
        put_int(env, f, "id", i);
        put_str(env, f, "trade", d->trade_country);
        put_str(env, f, "bill", d->bill_no);
        asserted[na++] = EnvAssert(env, f);
        for (int k = 0; k < d->n_items; k++) {
            const risk_item *it = &d->items[k];
            f = EnvCreateFact(env, titem);
            put_int(env, f, "decl", i);
            for (int len = 2; len <= 10; len++) { /* precomputed prefix slots, as strings */
                char p[11];
                memcpy(p, it->hs_code, (size_t)len);
                p[len] = '\0';
                snprintf(slot, sizeof slot, "p%d", len);
                put_str(env, f, slot, p);
            }
            put_str(env, f, "origin", it->origin);
            put_int(env, f, "value", it->value_fen);
            put_int(env, f, "weight", it->gross_weight_g);
            size_t j = 0;
            for (; it->description[j] && j + 1 < sizeof lower; j++)
                lower[j] = (it->description[j] >= 'A' && it->description[j] <= 'Z') ? (char)(it->description[j] + 32)
                                                                                    : it->description[j];
            lower[j] = '\0';
            put_str(env, f, "desc", lower);
            asserted[na++] = EnvAssert(env, f);
        }
        EnvRun(env, -1);
        int nf = 0;
        for (void *x = EnvGetNextFactInTemplate(env, thit, NULL); x; x = EnvGetNextFactInTemplate(env, thit, x)) {
            if (nf < (int)(sizeof found / sizeof found[0]))
                found[nf++] = x;
        }
        if (h)
            h->off[i] = h->n;
        for (int k = 0; k < nf; k++) {
            if (h) {
                DATA_OBJECT o;
                EnvGetFactSlot(env, found[k], "rule", &o);
                hits_add(h, DOToLong(o));
            }
            EnvRetract(env, found[k]);
        }
        if (h)
            qsort(h->ids + h->off[i], h->n - h->off[i], sizeof *h->ids, cmp_i64);
        for (int k = 0; k < na; k++)
            if (asserted[k])
                EnvRetract(env, asserted[k]);
    }
    int64_t t1 = mono_ns();
    if (h)
        h->off[w->n] = h->n;
    return (double)(t1 - t0) / 1e9;
}

/* ---- agreement ---- */

static int same_hits(const hits *a, const hits *b, int n, const char *what)
{
    for (int i = 0; i < n; i++) {
        size_t la = a->off[i + 1] - a->off[i], lb = b->off[i + 1] - b->off[i];
        if (la != lb || memcmp(a->ids + a->off[i], b->ids + b->off[i], la * sizeof *a->ids) != 0) {
            fprintf(stderr, "bench: %s disagrees on declaration %d (%zu hits against %zu)\n", what, i, la, lb);
            return 0;
        }
    }
    return 1;
}

/* Lanes from CLIPS hits (the most severe lane of the rules hit). */
static int lanes_agree(const hits *h, const gen_rule *g, const int *lanes, int n)
{
    for (int i = 0; i < n; i++) {
        int lane = 0;
        for (size_t k = h->off[i]; k < h->off[i + 1]; k++)
            if (g[h->ids[k] - 1].lane > lane)
                lane = g[h->ids[k] - 1].lane;
        if (lane != lanes[i]) {
            fprintf(stderr, "bench: lanes differ on declaration %d: %s against %s\n", i, lane_words[lane],
                    lane_words[lanes[i]]);
            return 0;
        }
    }
    return 1;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct outcome {
    int rules;
    double haiguan, naive, clips; /* declarations per second */
    int agree;
} outcome;

static outcome bench_size(int nrules, int ndecl, int runs)
{
    outcome o = {nrules, 0, 0, 0, 1};
    rng_state = 0x9E3779B97F4A7C15ULL ^ (uint64_t)nrules;
    make_hs_pool();
    gen_rule *g = xcalloc((size_t)nrules, sizeof *g);
    gen_rules(g, nrules);
    workload w;
    gen_decls(&w, ndecl);

    /* haiguan: parse the rules from the API's JSON and compile them */
    int64_t t0 = mono_ns();
    risk_rule *rules = xcalloc((size_t)nrules, sizeof *rules);
    char text[512];
    hg_err err;
    for (int i = 0; i < nrules; i++) {
        rule_json_text(&g[i], text, sizeof text);
        json_error_t je;
        json_t *j = json_loads(text, 0, &je);
        if (!j || risk_rule_from_json(j, 0, &rules[i], &err)) {
            fprintf(stderr, "bench: rule refused: %s: %s\n", text, j ? err.message : je.text);
            exit(1);
        }
        json_decref(j);
        rules[i].id = g[i].id;
    }
    risk_config cfg;
    risk_config_default(&cfg);
    cfg.base_ppm_import = cfg.base_ppm_export = 0; /* random selection off: compare rule matching */
    cfg.dishonest_min_ppm = 0;
    unsigned char secret[RISK_SECRET_BYTES] = {0};
    risk_set *s;
    if (risk_set_compile(rules, (size_t)nrules, &cfg, secret, 1, &s, &err)) {
        fprintf(stderr, "bench: %s\n", err.message);
        exit(1);
    }
    double compile_s = (double)(mono_ns() - t0) / 1e9;
    double clips_load_s;
    void *env = clips_load(g, nrules, &clips_load_s);

    /* correctness first: every declaration through all three */
    hits hh, hn, hc;
    int *lanes = xcalloc((size_t)ndecl, sizeof *lanes), *lanes_n = xcalloc((size_t)ndecl, sizeof *lanes_n);
    hits_init(&hh, ndecl);
    hits_init(&hn, ndecl);
    hits_init(&hc, ndecl);
    double th = run_haiguan(s, &w, 0, &hh, lanes);
    double tn = run_haiguan(s, &w, 1, &hn, lanes_n);
    double tc = run_clips(env, &w, &hc);
    o.agree = same_hits(&hh, &hn, ndecl, "the naive evaluator") && same_hits(&hh, &hc, ndecl, "CLIPS") &&
              lanes_agree(&hc, g, lanes, ndecl) && memcmp(lanes, lanes_n, (size_t)ndecl * sizeof *lanes) == 0;
    long total_hits = (long)hh.n;
    hits_free(&hh);
    hits_free(&hn);
    hits_free(&hc);
    xfree(lanes);
    xfree(lanes_n);

    /* then timed runs: the median of several (the machine is noisy) */
    double best_h[9], best_n[9], best_c[9];
    if (runs > 9)
        runs = 9;
    /* the naive evaluator is the reference for correctness, timed by its one checking run:
     * repeating it would only lengthen the benchmark */
    for (int r = 0; r < runs; r++) {
        best_h[r] = r == 0 ? th : run_haiguan(s, &w, 0, NULL, NULL);
        best_c[r] = r == 0 ? tc : run_clips(env, &w, NULL);
    }
    best_n[0] = tn;
    qsort(best_h, (size_t)runs, sizeof(double), cmp_double);
    qsort(best_c, (size_t)runs, sizeof(double), cmp_double);
    o.haiguan = ndecl / best_h[runs / 2];
    o.naive = ndecl / best_n[0];
    o.clips = ndecl / best_c[runs / 2];
    printf("  rules=%d decls=%d hits=%ld compile: haiguan %.3fs clips %.3fs; median of %d runs"
           " (naive: 1): haiguan %.0f/s naive %.0f/s clips %.0f/s (%.1fx clips, %.1fx naive) agree=%s\n",
           nrules, ndecl, total_hits, compile_s, clips_load_s, runs, o.haiguan, o.naive, o.clips, o.haiguan / o.clips,
           o.haiguan / o.naive, o.agree ? "yes" : "no");
    fflush(stdout);
    DestroyEnvironment(env);
    risk_set_release(s);
    xfree(g);
    xfree(w.decls);
    xfree(w.items);
    xfree(w.desc);
    return o;
}

int main(int argc, char **argv)
{
    int quick = 0, custom = 0, ndecl = 100000, runs = 3;
    int sizes[4] = {1000, 5000, 0, 0}, nsizes = 2;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) {
            quick = 1;
        } else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc) {
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < 1 || v > 100000 || nsizes == 4) {
                fprintf(stderr, "usage: bench_risk [--quick] [--rules N]... [--decls N]\n");
                return 2;
            }
            if (!custom++)
                nsizes = 0; /* the first --rules replaces the default sizes */
            sizes[nsizes++] = (int)v;
        } else if (strcmp(argv[i], "--decls") == 0 && i + 1 < argc) {
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < 1 || v > 10000000) {
                fprintf(stderr, "bench_risk: --decls must be from 1 to 10000000\n");
                return 2;
            }
            ndecl = (int)v;
        } else {
            fprintf(stderr, "usage: bench_risk [--quick] [--rules N]... [--decls N]\n");
            return 2;
        }
    }
    if (quick) { /* under a minute: 1,000 rules, 20,000 declarations, 3 runs */
        if (!custom)
            sizes[0] = 1000, nsizes = 1;
        ndecl = 20000;
        runs = 3;
    }
    mem_init();
    printf("risk-bench: haiguan (indexed), naive (every rule) and CLIPS 6.30 (Rete) on the same rules and"
           " declarations (1 to 5 items), single-threaded\n");
    outcome o[4];
    int agree = 1;
    for (int i = 0; i < nsizes; i++) {
        o[i] = bench_size(sizes[i], ndecl, runs);
        agree &= o[i].agree;
    }
    /* the one summary line: comma-separated figures when several rule counts ran */
    char r[64] = "", h[96] = "", n[96] = "", c[96] = "", vc[64] = "", vn[64] = "";
    for (int i = 0; i < nsizes; i++) {
        const char *sep = i ? "," : "";
        size_t l;
        l = strlen(r), snprintf(r + l, sizeof r - l, "%s%d", sep, o[i].rules);
        l = strlen(h), snprintf(h + l, sizeof h - l, "%s%.0f", sep, o[i].haiguan);
        l = strlen(n), snprintf(n + l, sizeof n - l, "%s%.0f", sep, o[i].naive);
        l = strlen(c), snprintf(c + l, sizeof c - l, "%s%.0f", sep, o[i].clips);
        l = strlen(vc), snprintf(vc + l, sizeof vc - l, "%s%.1f", sep, o[i].haiguan / o[i].clips);
        l = strlen(vn), snprintf(vn + l, sizeof vn - l, "%s%.1f", sep, o[i].haiguan / o[i].naive);
    }
    printf("risk-bench: rules=%s decls=%d haiguan_per_s=%s naive_per_s=%s clips_per_s=%s vs_clips=%s vs_naive=%s"
           " agree=%s\n",
           r, ndecl, h, n, c, vc, vn, agree ? "yes" : "no");
    return agree ? 0 : 1;
}
