/* test_prune.c — unit tests of pair pruning (engine/solve/prune.c): the
 * cheap upper bound against hand calculations on a PairData built here, the
 * bound never below the carving MIP's optimum (the independent reference:
 * GLPK on the full model) on every pair of generated regions, with and
 * without prices, the top-K order, the default K, and the region with
 * pruning: only K pairs per candidate carved, the pruned ones counted, the
 * bound over every pair never below the retained one, and the same Region
 * for 1 and 2 threads. Layer: tests.
 */
#include "../../engine/core/gen.h"
#include "../../engine/input/load.h"
#include "../../engine/solve/carve.h"
#include "../../engine/solve/pairs.h"
#include "../../engine/solve/prune.h"
#include "../../engine/solve/region.h"
#include "check.h"

#include <stdlib.h>

static const char *models_dir(void)
{
    const char *d = getenv("MAATWERK_MODELS");
    return d && *d ? d : "models";
}

static Model *gen_model(int nc, int ne, uint64_t seed)
{
    Model *m = model_new();
    MwErrors err;
    mw_errors_init(&err, 0);
    int ok = m && load_registry(m, models_dir(), &err) == MW_OK;
    mw_errors_free(&err);
    GenParams p = {nc, ne, seed};
    if (!ok || gen_region(m, &p) != MW_OK) {
        model_free(m);
        return NULL;
    }
    return m;
}

/* Two flexible tasks, hand-made:
 *   A: W 8, pace 1, wage 20, on ma and di (4 h each): cap 8 h, rate 0.01·20 = 0.2
 *   B: W 30, pace 0.5, wage 10, ma..vr (4 h each): cap min(60, 20) = 20 h, rate 0.01·10·0.5 = 0.05
 * Hmax 20, Hpref 16, θ 0.9 (over-utilisation from 18 h), w_hours 1, w_over 2,
 * w_task 0.5, nmin 1; five days of 8 h. */
static void test_hand(void)
{
    PairTask t[2];
    memset(t, 0, sizeof t);
    t[0] = (PairTask){.W = 8, .pi = 1, .wage = 20, .flexible = 1, .days = 0x3, .cap = {4, 4}};
    t[1] = (PairTask){.W = 30, .pi = 0.5, .wage = 10, .flexible = 1, .days = 0x1f, .cap = {4, 4, 4, 4, 4}};
    PairData p;
    memset(&p, 0, sizeof p);
    p.nt = 2;
    p.ng = 1;
    p.t = t;
    p.Hmin = 0;
    p.Hmax = 20;
    p.Hpref = 16;
    for (int d = 0; d < 5; d++)
        p.Hday[d] = 8;
    p.Dmax = 5;
    p.nmin = 1;
    p.w.value = 0.01;
    p.w.hours = 1;
    p.w.over = 2;
    p.w.task = 0.5;
    p.w.theta = 0.9;
    /* A 8 h at 0.2 + 1; B 8 h at 0.05 + 1 (to Hpref 16), 2 h at 0.05 (to 18),
     * then 0.05 − 2 < 0: stop. 9.6 + 8.4 + 0.1 − 0.5 = 17.6 */
    CHECK_NEAR(prune_pair_bound(&p), 17.6, 1e-9);
    /* two days of 8 h: the week holds 16 h: 9.6 + 8.4 − 0.5 = 17.5 */
    p.Dmax = 2;
    CHECK_NEAR(prune_pair_bound(&p), 17.5, 1e-9);
    /* a price of 0.3 per unit of B's work: B's rate 0.05 − 0.3·0.5 = −0.1;
     * still worth it up to Hpref: 8 h at 0.9 → 9.6 + 7.2 − 0.5 = 16.3 */
    double price[2] = {0, 0.3};
    p.price_work = price;
    CHECK_NEAR(prune_pair_bound(&p), 16.3, 1e-9);
    /* three tasks needed: 0.5 each */
    p.price_work = NULL;
    p.nmin = 3;
    CHECK_NEAR(prune_pair_bound(&p), 17.5 - 1.0, 1e-9);
    p.nt = 0;
    CHECK(prune_pair_bound(&p) == -HUGE_VAL);
}

/* On every pair of a generated region: bound ≥ the MIP optimum. */
static void test_valid(uint64_t seed, int priced)
{
    Model *m = gen_model(40, 12, seed);
    CHECK(m != NULL);
    if (!m)
        return;
    Weights w;
    weights_default(&w);
    int n = 0, below = 0;
    uint64_t rng = seed * 2654435761u + 1;
    for (int c = 0; c < m->n_candidates; c++)
        for (int e = 0; e < m->n_employers; e++) {
            if (pair_filter(m, c, e, NULL, NULL) != PAIR_OK)
                continue;
            PairData *p = pair_build(m, c, e, &w);
            CHECK(p != NULL);
            if (!p)
                continue;
            if (priced && p->nt > 0) {
                p->price_work = mw_arena_alloc(&p->arena, sizeof(double) * (size_t)p->nt);
                for (int t = 0; t < p->nt; t++) {
                    rng = rng * 6364136223846793005u + 1442695040888963407u;
                    p->price_work[t] = (double)(rng >> 40) / (double)(1u << 24) * 0.2;
                }
                p->price_sup = 0.01;
            }
            double ub = prune_pair_bound(p);
            Package pk;
            CHECK(carve_solve(p, &pk) == MW_OK);
            if (pk.status == CARVE_OPTIMAL) {
                n++;
                if (ub < pk.objective - 1e-7) {
                    below++;
                    fprintf(stderr, "bound %.9g below the optimum %.9g: %s at %s\n", ub, pk.objective,
                            m->candidates[c].id, m->employers[e].id);
                }
            }
            package_free(&pk);
            pair_free(p);
        }
    CHECK(n > 50);
    CHECK(below == 0);
    model_free(m);
}

static void test_sort(void)
{
    PruneItem it[5] = {{4, 1.0}, {2, 3.0}, {1, 1.0}, {3, 3.0}, {0, -2.0}};
    prune_sort(it, 5);
    int want[5] = {2, 3, 1, 4, 0};
    for (int k = 0; k < 5; k++)
        CHECK(it[k].emp == want[k]);
}

static void test_default(void)
{
    Model m;
    memset(&m, 0, sizeof m);
    m.n_candidates = 300;
    m.n_employers = 60;           /* the demo: 18,000 combinations */
    CHECK(prune_default_top(&m, 0) == 0);
    CHECK(prune_default_top(&m, 1) == 0);       /* small regions carve every pair, limit or not */
    m.n_candidates = 2000;
    m.n_employers = 400;
    CHECK(prune_default_top(&m, 0) == PRUNE_DEFAULT_TOP);
    m.n_candidates = 1000;
    m.n_employers = 100;
    CHECK(prune_default_top(&m, 0) == PRUNE_DEFAULT_TOP);
    /* a time limit: K × n_candidates pairs in half the limit at 800 a second */
    m.n_candidates = 20000;
    m.n_employers = 4000;
    CHECK(prune_default_top(&m, 0) == PRUNE_DEFAULT_TOP);
    CHECK(prune_default_top(&m, 300) == 6);     /* 120,000 pairs */
    CHECK(prune_default_top(&m, 350) == 7);     /* 140,000 pairs */
    CHECK(prune_default_top(&m, 450) == 9);     /* 180,000 pairs */
    CHECK(prune_default_top(&m, 3600) == PRUNE_DEFAULT_TOP);
    CHECK(prune_default_top(&m, 10) == PRUNE_MIN_TOP);
    m.n_candidates = 2000;
    m.n_employers = 400;
    CHECK(prune_default_top(&m, 40) == 8);      /* 16,000 pairs */
    CHECK(prune_default_top(&m, 60) == PRUNE_DEFAULT_TOP);
}

static int solve_defer(const Model *m, int threads, int top, int defer, Region *r)
{
    Weights w;
    weights_default(&w);
    RegionOptions o;
    region_options_default(&o);
    o.threads = threads;
    o.top_pairs = top;
    o.defer_pairs = defer;
    return region_solve(m, &w, &o, r);
}

static int solve(const Model *m, int threads, int top, Region *r)
{
    return solve_defer(m, threads, top, 1, r);
}

static int has_pair(const Region *r, int c, int e)
{
    for (int i = 0; i < r->n_pairs; i++)
        if (r->pairs[i].cand == c && r->pairs[i].emp == e)
            return 1;
    return 0;
}

static int desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x > y ? -1 : x < y;
}

/* Whether a and b give every candidate (by_emp 0) or employer (1) the
 * same `top` best standalone scores: the same shortlists (proposal.h). */
static int same_shortlists(const Region *a, const Region *b, int owners, int by_emp, int top)
{
    int same = 1;
    double *va = malloc(sizeof(double) * (size_t)(a->n_pairs + 1));
    double *vb = malloc(sizeof(double) * (size_t)(b->n_pairs + 1));
    if (!va || !vb) {
        free(va);
        free(vb);
        return 0;
    }
    for (int o = 0; o < owners && same; o++) {
        int na = 0, nb = 0;
        for (int i = 0; i < a->n_pairs; i++)
            if ((by_emp ? a->pairs[i].emp : a->pairs[i].cand) == o)
                va[na++] = a->cols[a->pairs[i].standalone].score;
        for (int i = 0; i < b->n_pairs; i++)
            if ((by_emp ? b->pairs[i].emp : b->pairs[i].cand) == o)
                vb[nb++] = b->cols[b->pairs[i].standalone].score;
        qsort(va, (size_t)na, sizeof *va, desc);
        qsort(vb, (size_t)nb, sizeof *vb, desc);
        if ((na < top ? na : top) != (nb < top ? nb : top))
            same = 0;
        for (int k = 0; same && k < na && k < top; k++)
            same = fabs(va[k] - vb[k]) <= 1e-9 * (1 + fabs(va[k]));
    }
    free(va);
    free(vb);
    return same;
}

/* Deferred pairs (region.h, defer_pairs): with K = 10, ranks 6-9 of a
 * pruned candidate wait for the first master LP. Against carving all ten
 * at once: the same pairs through the filters (carved + pruned), every
 * pair carved with deferral also carved without it (the same top 4), some
 * deferred pairs carved and some left pruned (this region has both), the
 * same shortlists (the 5 best standalone scores of every candidate and
 * every employer; a deferred pair that may reach one is carved), and —
 * both converged — a master LP bound over the subset that is at most the
 * bound over all ten. With K = 6 nothing is deferred. */
static void test_defer(void)
{
    Model *m = gen_model(80, 24, 607);
    CHECK(m != NULL);
    if (!m)
        return;
    Region all, d1, d2;
    CHECK(solve_defer(m, 1, 10, 0, &all) == MW_OK);
    CHECK(solve_defer(m, 1, 10, 1, &d1) == MW_OK);
    CHECK(solve_defer(m, 2, 10, 1, &d2) == MW_OK);
    CHECK(all.deferred_pairs == 0 && all.deferred_carved == 0);
    CHECK(d1.deferred_pairs > 0);
    CHECK(d1.deferred_carved > 0 && d1.deferred_carved < d1.deferred_pairs);
    CHECK(d1.pruned_pairs > all.pruned_pairs);
    CHECK(d1.pruned_pairs - all.pruned_pairs == d1.deferred_pairs - d1.deferred_carved);
    CHECK(d1.carve_solves + d1.pruned_pairs == all.carve_solves + all.pruned_pairs);
    int subset = 1;
    for (int i = 0; i < d1.n_pairs; i++)
        subset &= has_pair(&all, d1.pairs[i].cand, d1.pairs[i].emp);
    CHECK(subset);
    CHECK(d1.n_pairs < all.n_pairs);
    CHECK(same_shortlists(&all, &d1, m->n_candidates, 0, 5));
    CHECK(same_shortlists(&all, &d1, m->n_employers, 1, 5));
    CHECK(all.converged && d1.converged);
    CHECK(d1.lp_bound <= all.lp_bound + 1e-6);
    CHECK(d1.bound_all_pairs >= d1.lp_bound - 1e-9);
    CHECK(d1.bound_all_pairs >= all.objective - 1e-6);
    /* thread count does not matter */
    CHECK(d1.n_pairs == d2.n_pairs && d1.n_cols == d2.n_cols && d1.deferred_carved == d2.deferred_carved);
    CHECK(d1.objective == d2.objective && d1.lp_bound == d2.lp_bound);
    region_free(&all);
    region_free(&d1);
    region_free(&d2);
    CHECK(solve_defer(m, 1, 6, 1, &d1) == MW_OK);
    CHECK(d1.deferred_pairs == 0 && d1.pruned_pairs > 0);
    region_free(&d1);
    model_free(m);
}

static void test_region(void)
{
    Model *m = gen_model(60, 20, 606);
    CHECK(m != NULL);
    if (!m)
        return;
    Region full, r1, r2;
    CHECK(solve(m, 1, 0, &full) == MW_OK);
    CHECK(solve(m, 1, 2, &r1) == MW_OK);
    CHECK(solve(m, 2, 2, &r2) == MW_OK);
    CHECK(full.pruned_pairs == 0 && full.top_pairs == 0);
    CHECK_NEAR(full.bound_all_pairs, full.lp_bound, 1e-9);
    CHECK(r1.top_pairs == 2);
    CHECK(r1.pruned_pairs > 0);
    /* every pair that passed the filters is carved, pruned or without a package */
    long passed = 0, pruned = 0, nopkg = 0;
    for (int c = 0; c < m->n_candidates; c++) {
        passed += r1.reasons[c][PAIR_OK];
        pruned += r1.pruned[c];
        nopkg += r1.no_package[c];
        int carved = 0;
        for (int i = 0; i < r1.n_pairs; i++)
            carved += r1.pairs[i].cand == c;
        CHECK(carved <= 2 || r1.pruned[c] == 0);      /* pruned: at most K packages */
        CHECK(r1.reasons[c][PAIR_OK] == full.reasons[c][PAIR_OK]);
    }
    CHECK(passed == r1.n_pairs + pruned + nopkg);
    CHECK(pruned == r1.pruned_pairs);
    /* the bounds: over every pair ≥ over the retained pairs; the full
     * region's optimum is below both bounds over every pair */
    CHECK(r1.bound_all_pairs >= r1.lp_bound - 1e-9);
    CHECK(r1.bound_all_pairs >= full.objective - 1e-6);
    CHECK(r1.objective <= r1.lp_bound + 1e-6);
    /* pruning loses at most what the full region reaches */
    CHECK(r1.objective <= full.lp_bound + 1e-6);
    /* thread count does not matter */
    CHECK(r1.n_pairs == r2.n_pairs && r1.n_cols == r2.n_cols && r1.pruned_pairs == r2.pruned_pairs);
    CHECK(r1.objective == r2.objective && r1.lp_bound == r2.lp_bound && r1.bound_all_pairs == r2.bound_all_pairs);
    int same = 1;
    for (int c = 0; c < m->n_candidates; c++)
        same &= r1.chosen[c] == r2.chosen[c];
    CHECK(same);
    region_free(&full);
    region_free(&r1);
    region_free(&r2);
    model_free(m);
}

int main(void)
{
    test_hand();
    test_sort();
    test_default();
    test_valid(601, 0);
    test_valid(602, 1);
    test_region();
    test_defer();
    return check_report("test_prune");
}
