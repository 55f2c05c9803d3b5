/* test_carve.c — unit tests of the carving MIP (engine/solve/carve.c) against
 * docs/carving-model.md: one tiny hand-built PairData per constraint family,
 * each chosen so that this family decides the optimum, with that optimum
 * worked out by hand in the comment (the independent reference of STYLE.md)
 * and the package checked where the family shapes it; infeasible and empty
 * pairs; the objective per term; the weekly schedule; and a
 * fail-the-Nth-allocation sweep. Layer: tests; knows PairData and Package,
 * not GLPK and not the model loader (no pair_build here).
 */
#include "../../engine/solve/carve.h"
#include "check.h"

#include <stdlib.h>

enum { MA, DI, WO, DO, VR, ZA, ZO };                  /* days, bits 0..6 */
enum { OCHTEND, MIDDAG, AVOND, NACHT };               /* parts, bits 0..3 */
#define BIT(i) (1u << (i))
#define TOL 1e-6

/* ---- building a pair by hand ------------------------------------------------ */

/* Sets the days of task t and whether it may split them freely; cap_td is
 * PART_HOURS × |parts of t the candidate has on d| on those days, 0 elsewhere. */
static void task_days(PairData *p, int t, unsigned days, int flexible)
{
    PairTask *pt = &p->t[t];
    pt->days = (uint8_t)days;
    pt->flexible = flexible;
    for (int d = 0; d < MW_DAYS; d++) {
        int np = 0;
        for (int q = 0; q < MW_PARTS; q++)
            np += (p->avail[d] & pt->parts) >> q & 1;
        pt->cap[d] = days >> d & 1 ? MW_PART_HOURS * np : 0;
    }
}

/* A pair of nt tasks (model ids 100, 101, ...), nj jobs (model ids 50, 51,
 * ...) and ng groups, with neutral defaults that decide nothing: every task
 * in job 0 and group 0, W = 10, m = 1, π = 1, divisible, flexible over
 * ma..vr in ochtend+middag (cap 8 a day); the candidate available ma..vr
 * ochtend+middag, Hday = 8 on those days, 0 in the weekend, Dmax = 5,
 * 0 ≤ Σh ≤ 40, Hpref = 0, nmin = 1, no nmax or Gmax, no begeleiding, an
 * employer with supervision to spare; every weight 0, θ = 1, a 10 s time
 * limit. Jobs: W_j = 40, R_j = 0, no vacancy route. Free with pair_free. */
static PairData *pair_new(int nt, int nj, int ng)
{
    PairData *p = mw_calloc(1, sizeof *p);
    if (!p)
        return NULL;
    mw_arena_init(&p->arena);
    p->nt = nt;
    p->nj = nj;
    p->ng = ng;
    p->t = mw_arena_alloc(&p->arena, sizeof *p->t * (size_t)(nt + 1));
    p->j = mw_arena_alloc(&p->arena, sizeof *p->j * (size_t)(nj + 1));
    if (!p->t || !p->j) {
        pair_free(p);
        return NULL;
    }
    for (int d = 0; d < MW_DAYS; d++) {
        int weekday = MW_WEEKDAYS_MASK >> d & 1;
        p->avail[d] = (uint8_t)(weekday ? MW_DAYTIME_PARTS : 0);
        p->Hday[d] = weekday ? 8 : 0;
    }
    for (int t = 0; t < nt; t++) {
        PairTask *pt = &p->t[t];
        pt->task = 100 + t;
        pt->W = 10;
        pt->m = 1;
        pt->pi = 1;
        pt->parts = MW_DAYTIME_PARTS;
        task_days(p, t, MW_WEEKDAYS_MASK, 1);
    }
    for (int j = 0; j < nj; j++) {
        p->j[j].job = 50 + j;
        p->j[j].W = 40;
    }
    p->Hmax = 40;
    p->Dmax = 5;
    p->nmin = 1;
    p->Cap = 1e6;
    p->w.theta = 1;
    p->w.time_limit = 10;
    return p;
}

/* Adds n exposure (share = 0) or share (share = 1) dimensions with zero
 * coefficients; returns the array, or NULL on OOM. */
static PairDim *pair_dims(PairData *p, int share, int n, double limit)
{
    PairDim *k = mw_arena_alloc(&p->arena, sizeof *k * (size_t)n);
    if (!k)
        return NULL;
    for (int i = 0; i < n; i++) {
        k[i].dim = i;
        k[i].limit = limit;
        k[i].coef = mw_arena_alloc(&p->arena, sizeof(double) * (size_t)(p->nt + 1));
        if (!k[i].coef)
            return NULL;
    }
    if (share) {
        p->share = k;
        p->nshare = n;
    } else {
        p->exp = k;
        p->nexp = n;
    }
    return k;
}

/* ---- reading the package ------------------------------------------------------- */

static const PackageTask *pkg_task(const Package *pk, int task)
{
    for (int i = 0; i < pk->n; i++)
        if (pk->tasks[i].task == task)
            return &pk->tasks[i];
    return NULL;
}

static double pkg_hours(const Package *pk, int task)
{
    const PackageTask *q = pkg_task(pk, task);
    return q ? q->hours : 0;
}

static double pkg_day(const Package *pk, int task, int d)
{
    const PackageTask *q = pkg_task(pk, task);
    return q ? q->day_hours[d] : 0;
}

static int popcount(unsigned v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

static double terms_sum(const ScoreTerms *s)
{
    return s->value + s->pref + s->skill + s->hours + s->task + s->group + s->sup + s->over;
}

/* Solves p; checks MW_OK, an optimal status, the objective (and the bound,
 * which equals it when optimal) and that the terms add up to it. */
static void solve_optimal(const PairData *p, Package *pk, double want)
{
    CHECK(carve_solve(p, pk) == MW_OK);
    CHECK(pk->status == CARVE_OPTIMAL);
    CHECK_NEAR(pk->objective, want, TOL);
    CHECK_NEAR(pk->bound, want, TOL);
    CHECK_NEAR(terms_sum(&pk->terms), pk->objective, TOL);
}

static void solve_infeasible(const PairData *p)
{
    Package pk;
    CHECK(carve_solve(p, &pk) == MW_OK);
    CHECK(pk.status == CARVE_INFEASIBLE);
    CHECK_STR(carve_status_names[pk.status], "infeasible");
    CHECK(pk.n == 0 && pk.tasks == NULL && pk.nslots == 0);
    CHECK(pk.vacancy_job == -1);
    package_free(&pk);
}

/* ---- the families ---------------------------------------------------------------- */

/* work available: π h ≤ W y.
 * One task, W = 6 standard hours, pace π = 0.5, wage 10, w_value = 1:
 * per hour 1·10·0.5 = 5 points; π h ≤ W gives h ≤ 6/0.5 = 12 (below
 * Hmax 40 and the 5·8 day hours), so h = 12, work 0.5·12 = 6,
 * objective 5·12 = 60. */
static void test_work_available(void)
{
    PairData *p = pair_new(1, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->t[0].W = 6;
    p->t[0].pi = 0.5;
    p->t[0].wage = 10;
    p->w.value = 1;
    Package pk;
    solve_optimal(p, &pk, 60);
    CHECK(pk.n == 1);
    CHECK_NEAR(pkg_hours(&pk, 100), 12, TOL);
    CHECK_NEAR(pk.tasks[0].work, 6, TOL);
    CHECK_NEAR(pk.hours, 12, TOL);
    CHECK_NEAR(pk.terms.value, 60, TOL);
    package_free(&pk);
    pair_free(p);
}

/* minimum chunk: π h ≥ m y.
 * The only task, disliked (pref −1, w_pref = 1: −1 point an hour), must be
 * in the package (nmin = 1); m = 2 work hours at π = 0.5 gives
 * h ≥ 2/0.5 = 4, so h = 4 (work 2), objective −1·4 = −4. */
static void test_minimum_chunk(void)
{
    PairData *p = pair_new(1, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->t[0].m = 2;
    p->t[0].pi = 0.5;
    p->t[0].pref = -1;
    p->w.pref = 1;
    Package pk;
    solve_optimal(p, &pk, -4);
    CHECK(pk.n == 1);
    CHECK_NEAR(pkg_hours(&pk, 100), 4, TOL);
    CHECK_NEAR(pk.tasks[0].work, 2, TOL);
    CHECK_NEAR(pk.terms.pref, -4, TOL);
    package_free(&pk);
    pair_free(p);
}

/* indivisible: π h = W y.
 * (a) A: W = 10, wage 10, indivisible; B: W = 10, wage 5; π = 1,
 *     w_value = 1, Hmax = 8. Divisible, A would take all 8 hours (80);
 *     indivisible, A needs h = 10 > Hmax, so A stays out and B gets
 *     h = 8: objective 5·8 = 40.
 * (b) The only task, disliked (−1 an hour), W = 3, π = 0.5, indivisible:
 *     h = 3/0.5 = 6 exactly, although fewer hours would score better:
 *     objective −6. */
static void test_indivisible(void)
{
    PairData *p = pair_new(2, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->t[0].indivisible = 1;
    p->t[0].wage = 10;
    p->t[1].wage = 5;
    p->Hmax = 8;
    p->w.value = 1;
    Package pk;
    solve_optimal(p, &pk, 40);
    CHECK(pk.n == 1);
    CHECK(pkg_task(&pk, 100) == NULL);
    CHECK_NEAR(pkg_hours(&pk, 101), 8, TOL);
    package_free(&pk);
    pair_free(p);

    p = pair_new(1, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->t[0].indivisible = 1;
    p->t[0].W = 3;
    p->t[0].pi = 0.5;
    p->t[0].pref = -1;
    p->w.pref = 1;
    solve_optimal(p, &pk, -6);
    CHECK(pk.n == 1);
    CHECK_NEAR(pkg_hours(&pk, 100), 6, TOL);
    CHECK_NEAR(pk.tasks[0].work, 3, TOL);
    package_free(&pk);
    pair_free(p);
}

/* flexible split and task-day capacity: Σ_d x_td = h_t, x_td ≤ cap_td;
 * fixed tasks h_t/|D_t| ≤ min_d cap_td, spread evenly over D_t.
 * The candidate has ma, di, wo ochtend+middag and do ochtend+avond (Hday 8
 * each, so no day row binds below). Liked tasks, w_pref = 1, W = 40 each:
 *   F flexible on ma, di, middag only: cap 4, 4 → x = 4 + 4 = h_F = 8;
 *   X fixed on wo, do, ochtend+middag: cap wo 8, do 4 (only ochtend is
 *     both the task's and the candidate's) → h_X/2 ≤ min(8, 4) = 4 →
 *     h_X = 8, 4 on each of its days.
 * Objective 8 + 8 = 16 (without the caps: 16 + 16 = 32). */
static void test_day_capacity(void)
{
    PairData *p = pair_new(2, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->avail[DO] = BIT(OCHTEND) | BIT(AVOND);
    p->avail[VR] = 0;
    p->Hday[VR] = 0;
    p->t[0].W = p->t[1].W = 40;
    p->t[0].parts = BIT(MIDDAG);
    task_days(p, 0, BIT(MA) | BIT(DI), 1);
    task_days(p, 1, BIT(WO) | BIT(DO), 0);
    CHECK(p->t[0].cap[MA] == 4 && p->t[0].cap[WO] == 0);
    CHECK(p->t[1].cap[WO] == 8 && p->t[1].cap[DO] == 4);
    p->t[0].pref = p->t[1].pref = 1;
    p->w.pref = 1;
    Package pk;
    solve_optimal(p, &pk, 16);
    CHECK(pk.n == 2);
    CHECK_NEAR(pkg_hours(&pk, 100), 8, TOL);
    CHECK_NEAR(pkg_day(&pk, 100, MA), 4, TOL);
    CHECK_NEAR(pkg_day(&pk, 100, DI), 4, TOL);
    CHECK_NEAR(pkg_day(&pk, 100, WO), 0, TOL);
    CHECK_NEAR(pkg_hours(&pk, 101), 8, TOL);
    CHECK_NEAR(pkg_day(&pk, 101, WO), 4, TOL);
    CHECK_NEAR(pkg_day(&pk, 101, DO), 4, TOL);
    CHECK_NEAR(pkg_day(&pk, 101, MA), 0, TOL);
    CHECK(pk.days == (BIT(MA) | BIT(DI) | BIT(WO) | BIT(DO)));
    package_free(&pk);
    pair_free(p);
}

/* contract hours: Hmin ≤ Σ h ≤ Hmax.
 * (a) max: a liked task (w_pref = 1), W = 30, Hmax = 20 (day hours allow
 *     40): h = 20, objective 20.
 * (b) min: a disliked task (−1 an hour), W = 30, Hmin = 12: h = 12,
 *     objective −12. */
static void test_contract_hours(void)
{
    PairData *p = pair_new(1, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->t[0].W = 30;
    p->t[0].pref = 1;
    p->w.pref = 1;
    p->Hmax = 20;
    Package pk;
    solve_optimal(p, &pk, 20);
    CHECK_NEAR(pk.hours, 20, TOL);
    package_free(&pk);

    p->Hmax = 40;
    p->Hmin = 12;
    p->t[0].pref = -1;
    solve_optimal(p, &pk, -12);
    CHECK_NEAR(pk.hours, 12, TOL);
    CHECK_NEAR(pkg_hours(&pk, 100), 12, TOL);
    package_free(&pk);
    pair_free(p);
}

/* per day (Hday) and days worked (Dmax): Σ_t dh_td ≤ Hday_d w_d,
 * Σ_d w_d ≤ Dmax.
 * Hday = 6, 4, 6, 5, 6 (ma..vr), Dmax = 3, w_value = 1:
 *   G flexible on ma..vr, W = 40, wage 1;
 *   F fixed on ma..vr, W = 10 (h_F/5 a day), wage 2: any h_F > 0 puts
 *     hours on all five days, so w = 1 on five days > Dmax: F cannot enter.
 * (a) G takes the three best days, ma, wo, vr with 6 each: h_G = 18,
 *     objective 1·18 = 18 (di and do, with 4 and 5, lose).
 * (b) Dmax = 5: F fits, and at 2 points an hour it takes all its work,
 *     2 a day; G fills each day up to Hday_d:
 *     (6−2) + (4−2) + (6−2) + (5−2) + (6−2) = 17.
 *     Objective 2·10 + 1·17 = 37. */
static void test_per_day_and_days(void)
{
    PairData *p = pair_new(2, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->Hday[MA] = 6;
    p->Hday[DI] = 4;
    p->Hday[WO] = 6;
    p->Hday[DO] = 5;
    p->Hday[VR] = 6;
    p->Dmax = 3;
    p->t[0].W = 40;
    p->t[0].wage = 1;
    p->t[1].wage = 2;
    task_days(p, 1, MW_WEEKDAYS_MASK, 0);
    p->w.value = 1;
    Package pk;
    solve_optimal(p, &pk, 18);
    CHECK(pk.n == 1);
    CHECK(pkg_task(&pk, 101) == NULL);
    CHECK_NEAR(pkg_hours(&pk, 100), 18, TOL);
    CHECK_NEAR(pkg_day(&pk, 100, MA), 6, TOL);
    CHECK_NEAR(pkg_day(&pk, 100, DI), 0, TOL);
    CHECK_NEAR(pkg_day(&pk, 100, WO), 6, TOL);
    CHECK_NEAR(pkg_day(&pk, 100, DO), 0, TOL);
    CHECK_NEAR(pkg_day(&pk, 100, VR), 6, TOL);
    CHECK(pk.days == (BIT(MA) | BIT(WO) | BIT(VR)));
    package_free(&pk);

    p->Dmax = 5;
    solve_optimal(p, &pk, 37);
    CHECK(pk.n == 2);
    CHECK_NEAR(pkg_hours(&pk, 101), 10, TOL);
    CHECK_NEAR(pkg_hours(&pk, 100), 17, TOL);
    static const double g_day[5] = {4, 2, 4, 3, 4};
    for (int d = MA; d <= VR; d++) {
        CHECK_NEAR(pkg_day(&pk, 101, d), 2, TOL);
        CHECK_NEAR(pkg_day(&pk, 100, d), g_day[d], TOL);
    }
    CHECK(pk.days == MW_WEEKDAYS_MASK);
    package_free(&pk);
    pair_free(p);
}

/* exposure per day: Σ_t e_tk dh_td ≤ B_k.
 * One exposure dimension (say staan), B = 2 hours a day on ma..vr.
 *   A fixed on ma..vr, e = 1, W = 5, wage 10 → A's day hours h_A/5;
 *   B flexible on ma..vr, e = 0.5, W = 40, wage 1; w_value = 1.
 * Per day h_A/5 + 0.5 x_Bd ≤ 2. An exposure-hour is worth 10 points in A
 * and 1/0.5 = 2 in B, so A takes all its work, h_A = 5 (1 a day), and B
 * the rest: x_Bd ≤ (2 − 1)/0.5 = 2 a day, h_B = 10. Day hours 3 ≤ 8.
 * Objective 10·5 + 1·10 = 60. */
static void test_exposure(void)
{
    PairData *p = pair_new(2, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    PairDim *k = pair_dims(p, 0, 1, 2);
    CHECK(k != NULL);
    if (!k) {
        pair_free(p);
        return;
    }
    k[0].coef[0] = 1;
    k[0].coef[1] = 0.5;
    p->t[0].W = 5;
    p->t[0].wage = 10;
    task_days(p, 0, MW_WEEKDAYS_MASK, 0);
    p->t[1].W = 40;
    p->t[1].wage = 1;
    p->w.value = 1;
    Package pk;
    solve_optimal(p, &pk, 60);
    CHECK(pk.n == 2);
    CHECK_NEAR(pkg_hours(&pk, 100), 5, TOL);
    CHECK_NEAR(pkg_hours(&pk, 101), 10, TOL);
    for (int d = MA; d <= VR; d++) {
        CHECK_NEAR(pkg_day(&pk, 100, d), 1, TOL);
        CHECK_NEAR(pkg_day(&pk, 101, d), 2, TOL);
    }
    package_free(&pk);
    pair_free(p);
}

/* share: Σ_t (s_tk − S_k) h_t ≤ 0.
 * One share dimension (say beeldscherm), S = 0.5; A s = 1 (all screen),
 * W = 40, wage 10; B s = 0, W = 6, wage 2; w_value = 1.
 * (1 − 0.5) h_A + (0 − 0.5) h_B ≤ 0 → h_A ≤ h_B ≤ 6: h_A = h_B = 6,
 * objective 10·6 + 2·6 = 72 (without the share, A alone would give
 * 10·40 = 400). */
static void test_share(void)
{
    PairData *p = pair_new(2, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    PairDim *k = pair_dims(p, 1, 1, 0.5);
    CHECK(k != NULL);
    if (!k) {
        pair_free(p);
        return;
    }
    k[0].coef[0] = 1;
    k[0].coef[1] = 0;
    p->t[0].W = 40;
    p->t[0].wage = 10;
    p->t[1].W = 6;
    p->t[1].wage = 2;
    p->w.value = 1;
    Package pk;
    solve_optimal(p, &pk, 72);
    CHECK(pk.n == 2);
    CHECK_NEAR(pkg_hours(&pk, 100), 6, TOL);
    CHECK_NEAR(pkg_hours(&pk, 101), 6, TOL);
    package_free(&pk);
    pair_free(p);
}

/* task count: nmin ≤ Σ y ≤ nmax.
 * (a) nmax = 2; liked tasks (w_pref = 1) with W = 4, 5, 6: the two largest,
 *     h = 5 and 6, objective 11 (all three would give 15).
 * (b) nmin = 3; A liked W = 10, B and C disliked with m = 1; w_task = 0.5:
 *     B and C enter at their minimum chunk, h = 1 each:
 *     objective 10 − 1 − 1 − 0.5·3 = 6.5 (A alone would give 9.5). */
static void test_task_count(void)
{
    PairData *p = pair_new(3, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    for (int t = 0; t < 3; t++) {
        p->t[t].W = 4 + t;
        p->t[t].pref = 1;
    }
    p->w.pref = 1;
    p->nmax = 2;
    Package pk;
    solve_optimal(p, &pk, 11);
    CHECK(pk.n == 2);
    CHECK(pkg_task(&pk, 100) == NULL);
    CHECK_NEAR(pkg_hours(&pk, 101), 5, TOL);
    CHECK_NEAR(pkg_hours(&pk, 102), 6, TOL);
    package_free(&pk);

    p->nmax = 0;
    p->nmin = 3;
    for (int t = 0; t < 3; t++)
        p->t[t].W = 10;
    p->t[1].pref = p->t[2].pref = -1;
    p->w.task = 0.5;
    solve_optimal(p, &pk, 6.5);
    CHECK(pk.n == 3);
    CHECK_NEAR(pkg_hours(&pk, 100), 10, TOL);
    CHECK_NEAR(pkg_hours(&pk, 101), 1, TOL);
    CHECK_NEAR(pkg_hours(&pk, 102), 1, TOL);
    CHECK_NEAR(pk.terms.task, -1.5, TOL);
    package_free(&pk);
    pair_free(p);
}

/* groups: y_t ≤ z_g(t), Σ z ≤ Gmax, and −w_group·(Σ z − 1).
 * A in group 0 (W = 5, wage 10); B, C in group 1 (W = 8 and 4, wage 4);
 * w_value = 1. Value: group 0 = 10·5 = 50, group 1 = 4·(8 + 4) = 48.
 * (a) Gmax = 1: the better group alone, A: objective 50.
 * (b) no Gmax, w_group = 10: both, 50 + 48 − 10·(2 − 1) = 88
 *     (the objective's constant +10 and −10 per used group).
 * (c) no Gmax, w_group = 60: both would give 98 − 60 = 38 < 50, so A alone
 *     with the first group free: 50 + 60 − 60·1 = 50. */
static void test_groups(void)
{
    PairData *p = pair_new(3, 1, 2);
    CHECK(p != NULL);
    if (!p)
        return;
    p->t[0].W = 5;
    p->t[0].wage = 10;
    p->t[1].W = 8;
    p->t[2].W = 4;
    p->t[1].wage = p->t[2].wage = 4;
    p->t[1].group = p->t[2].group = 1;
    p->w.value = 1;
    p->Gmax = 1;
    Package pk;
    solve_optimal(p, &pk, 50);
    CHECK(pk.n == 1);
    CHECK_NEAR(pkg_hours(&pk, 100), 5, TOL);
    package_free(&pk);

    p->Gmax = 0;
    p->w.group = 10;
    solve_optimal(p, &pk, 88);
    CHECK(pk.n == 3);
    CHECK_NEAR(pk.hours, 17, TOL);
    CHECK_NEAR(pk.terms.group, -10, TOL);
    CHECK_NEAR(pk.terms.value, 98, TOL);
    package_free(&pk);

    p->w.group = 60;
    solve_optimal(p, &pk, 50);
    CHECK(pk.n == 1);
    CHECK_NEAR(pkg_hours(&pk, 100), 5, TOL);
    CHECK_NEAR(pk.terms.group, 0, TOL);
    package_free(&pk);
    pair_free(p);
}

/* coupling: y_a ≤ y_b when a requires b.
 * A liked (W = 5) requires B disliked (m = 2, W = 10); w_pref = 1.
 * A alone (5) is ruled out; A with B at its minimum chunk: 5 − 2 = 3;
 * B alone: −2. Objective 3, h_A = 5, h_B = 2. */
static void test_coupling(void)
{
    PairData *p = pair_new(2, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->req = mw_arena_alloc(&p->arena, sizeof *p->req);
    CHECK(p->req != NULL);
    if (!p->req) {
        pair_free(p);
        return;
    }
    p->nreq = 1;
    p->req[0][0] = 0;
    p->req[0][1] = 1;
    p->t[0].W = 5;
    p->t[0].pref = 1;
    p->t[1].m = 2;
    p->t[1].pref = -1;
    p->w.pref = 1;
    Package pk;
    solve_optimal(p, &pk, 3);
    CHECK(pk.n == 2);
    CHECK_NEAR(pkg_hours(&pk, 100), 5, TOL);
    CHECK_NEAR(pkg_hours(&pk, 101), 2, TOL);
    package_free(&pk);
    pair_free(p);
}

/* supervision: need·Σ_d w_d + Σ_t σ_t h_t ≤ Cap.
 * need = 30 minutes a working day, σ = 6 minutes an hour, Cap = 150;
 * a liked task (w_pref = 1, w_sup = 0), W = 40, flexible on ma..vr with
 * 8 hours a day. With k working days h ≤ min(8k, (150 − 30k)/6):
 *   k = 1: min(8, 20) = 8;  k = 2: min(16, 15) = 15;  k = 3: min(24, 10) = 10.
 * Optimum k = 2, h = 15: objective 15; minutes 30·2 + 6·15 = 150. */
static void test_supervision(void)
{
    PairData *p = pair_new(1, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->t[0].W = 40;
    p->t[0].sigma = 6;
    p->t[0].pref = 1;
    p->need = 30;
    p->Cap = 150;
    p->w.pref = 1;
    Package pk;
    solve_optimal(p, &pk, 15);
    CHECK_NEAR(pkg_hours(&pk, 100), 15, TOL);
    CHECK(popcount(pk.days) == 2);
    CHECK_NEAR(pk.sup_minutes, 150, TOL);
    double on = 0, off = 0;
    for (int d = 0; d < MW_DAYS; d++)
        *(pk.days >> d & 1 ? &on : &off) += pkg_day(&pk, 100, d);
    CHECK_NEAR(on, 15, TOL);
    CHECK_NEAR(off, 0, TOL);
    package_free(&pk);
    pair_free(p);
}

/* donor job: Σ_{t∈j} π_t h_t ≤ W_j − R_j when R_j > 0.
 * Job 0: W = 20, R = 8, holding A and B (W = 10 each); job 1 (R = 0)
 * holding C (W = 5). All liked, w_pref = 1, π = 1.
 * h_A + h_B ≤ 20 − 8 = 12 (their own W would allow 20), h_C = 5:
 * objective 12 + 5 = 17. */
static void test_donor_job(void)
{
    PairData *p = pair_new(3, 2, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->j[0].W = 20;
    p->j[0].R = 8;
    p->t[2].job = 1;
    p->t[2].W = 5;
    for (int t = 0; t < 3; t++)
        p->t[t].pref = 1;
    p->w.pref = 1;
    Package pk;
    solve_optimal(p, &pk, 17);
    CHECK_NEAR(pkg_hours(&pk, 100) + pkg_hours(&pk, 101), 12, TOL);
    CHECK_NEAR(pkg_hours(&pk, 102), 5, TOL);
    CHECK(pk.vacancy_job == -1);
    package_free(&pk);

    /* π = 0.5 on A and B: the residual counts work, 0.5 (h_A + h_B) ≤ 12,
     * so 24 hours (each h ≤ 10/0.5 = 20): objective 24 + 5 = 29. */
    p->t[0].pi = p->t[1].pi = 0.5;
    solve_optimal(p, &pk, 29);
    CHECK_NEAR(pkg_hours(&pk, 100) + pkg_hours(&pk, 101), 24, TOL);
    package_free(&pk);
    pair_free(p);
}

/* vacancy route: π h ≥ W v (mandatory), π h ≤ W v (vacancy_only), and the
 * donor residual lifted to W_j − R_j + R_j v.
 * Job 0 (model 50) is a vacancy, W = 20, R = 15, with A (mandatory,
 * carvable, W = 12) and B (vacancy_only, W = 10); job 1 (R = 0) holds
 * C (W = 10, liked). B liked, w_pref = 1.
 * (a) A neutral (pref 0).
 *     v = 0: B ≤ 0; A ≤ 20 − 15 = 5 but scores 0; C = 10 → 10.
 *     v = 1: A ≥ 12 (all of it), A + B ≤ 5 + 15 = 20 → B ≤ 8; C = 10 →
 *            0·12 + 8 + 10 = 18.
 *     Optimum 18 on the route: A = 12, B = 8, C = 10.
 * (b) A disliked (−1 an hour): v = 1 gives −12 + 8 + 10 = 6 < 10, so no
 *     route: C alone, objective 10, B (vacancy only) out. */
static void test_vacancy(void)
{
    PairData *p = pair_new(3, 2, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->j[0].W = 20;
    p->j[0].R = 15;
    p->j[0].vacancy = 1;
    p->t[0].W = 12;
    p->t[0].mandatory = 1;
    p->t[1].vacancy_only = 1;
    p->t[1].pref = 1;
    p->t[2].job = 1;
    p->t[2].pref = 1;
    p->w.pref = 1;
    Package pk;
    solve_optimal(p, &pk, 18);
    CHECK(pk.vacancy_job == 50);
    CHECK(pk.n == 3);
    CHECK_NEAR(pkg_hours(&pk, 100), 12, TOL);
    CHECK_NEAR(pkg_hours(&pk, 101), 8, TOL);
    CHECK_NEAR(pkg_hours(&pk, 102), 10, TOL);
    package_free(&pk);

    p->t[0].pref = -1;
    solve_optimal(p, &pk, 10);
    CHECK(pk.vacancy_job == -1);
    CHECK(pk.n == 1);
    CHECK(pkg_task(&pk, 101) == NULL);
    CHECK_NEAR(pkg_hours(&pk, 102), 10, TOL);
    package_free(&pk);
    pair_free(p);
}

/* preference credit: u ≤ Σ h, u ≤ Hpref, w_hours·u.
 * A disliked task (w_pref = 1: −1 an hour), w_hours = 2, Hpref = 10.
 * (a) W = 30: −h + 2·min(h, 10) rises by 1 an hour up to 10 and falls by
 *     1 after, so h = 10: −10 + 20 = 10.
 * (b) W = 6 (below Hpref): −6 + 2·6 = 6, credit u = 6 (terms.hours 12). */
static void test_preference_credit(void)
{
    PairData *p = pair_new(1, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->t[0].W = 30;
    p->t[0].pref = -1;
    p->Hpref = 10;
    p->w.pref = 1;
    p->w.hours = 2;
    Package pk;
    solve_optimal(p, &pk, 10);
    CHECK_NEAR(pkg_hours(&pk, 100), 10, TOL);
    CHECK_NEAR(pk.terms.hours, 20, TOL);
    CHECK_NEAR(pk.terms.pref, -10, TOL);
    package_free(&pk);

    p->t[0].W = 6;
    solve_optimal(p, &pk, 6);
    CHECK_NEAR(pkg_hours(&pk, 100), 6, TOL);
    CHECK_NEAR(pk.terms.hours, 12, TOL);
    package_free(&pk);
    pair_free(p);
}

/* over-utilisation: o ≥ Σ h − θ·Hmax, −w_over·o.
 * A liked task (+1 an hour), W = 30, Hmax = 20, θ = 0.5: threshold 10.
 * (a) w_over = 3: h − 3·max(0, h − 10) peaks at h = 10: objective 10.
 * (b) w_over = 0.5: slope 1 − 0.5 > 0 up to Hmax: 20 − 0.5·(20 − 10) = 15. */
static void test_over_utilisation(void)
{
    PairData *p = pair_new(1, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->t[0].W = 30;
    p->t[0].pref = 1;
    p->Hmax = 20;
    p->w.pref = 1;
    p->w.theta = 0.5;
    p->w.over = 3;
    Package pk;
    solve_optimal(p, &pk, 10);
    CHECK_NEAR(pk.hours, 10, TOL);
    CHECK_NEAR(pk.terms.over, 0, TOL);
    package_free(&pk);

    p->w.over = 0.5;
    solve_optimal(p, &pk, 15);
    CHECK_NEAR(pk.hours, 20, TOL);
    CHECK_NEAR(pk.terms.over, -5, TOL);
    package_free(&pk);
    pair_free(p);
}

/* Infeasible pairs, each reported as CARVE_INFEASIBLE with no package:
 * (a) Hmin = 20 above what the tasks offer (W = 10 + 5 = 15);
 * (b) an indivisible task of 6 hours with Hmax = 5 (the LP relaxation is
 *     feasible with y = 5/6; only the integer problem is not);
 * (c) nmin = 2 with one task;
 * (d) a fixed task on ma..vr with Dmax = 3 as the only task (nmin = 1);
 * (e) the only task is vacancy_only and indivisible, W = 20, in a vacancy
 *     job with W_j = 10, R_j = 10: without the route π h ≤ W·0 = 0, with
 *     it the donor row allows (10 − 10) + 10 = 10 < 20: no package. */
static void test_infeasible(void)
{
    PairData *p = pair_new(2, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->t[1].W = 5;
    p->Hmin = 20;
    solve_infeasible(p);
    pair_free(p);

    p = pair_new(1, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->t[0].W = 6;
    p->t[0].indivisible = 1;
    p->Hmax = 5;
    solve_infeasible(p);

    p->Hmax = 40;
    p->nmin = 2;
    solve_infeasible(p);

    p->nmin = 1;
    p->t[0].indivisible = 0;
    task_days(p, 0, MW_WEEKDAYS_MASK, 0);
    p->Dmax = 3;
    solve_infeasible(p);
    pair_free(p);

    p = pair_new(1, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->j[0].W = 10;
    p->j[0].R = 10;
    p->j[0].vacancy = 1;
    p->t[0].W = 20;
    p->t[0].indivisible = 1;
    p->t[0].vacancy_only = 1;
    solve_infeasible(p);
    pair_free(p);
}

/* No entering task: CARVE_NO_TASKS, no package, no GLPK problem. */
static void test_no_tasks(void)
{
    PairData *p = pair_new(0, 0, 0);
    CHECK(p != NULL);
    if (!p)
        return;
    Package pk;
    CHECK(carve_solve(p, &pk) == MW_OK);
    CHECK(pk.status == CARVE_NO_TASKS);
    CHECK_STR(carve_status_names[pk.status], "no_tasks");
    CHECK(pk.n == 0 && pk.tasks == NULL && pk.nslots == 0 && pk.slots == NULL);
    CHECK(pk.vacancy_job == -1);
    package_free(&pk);
    package_free(NULL);
    pair_free(p);
    pair_free(NULL);
}

/* The objective per term, every weight non-zero, the package forced:
 * nmin = 2 with two indivisible fixed tasks, so it is
 *   A: W = 6, π = 0.5 → h = 12, on ma and wo (6 a day); wage 20, liked,
 *      skill 1, σ = 2; group 0;
 *   B: W = 4, π = 1 → h = 4, on ma (4); wage 15, disliked, skill −0.5,
 *      σ = 0; group 1.
 * Hday = 10 (ma: 6 + 4 = 10), need = 20, Hpref = 14, Hmax = 20, θ = 0.5.
 * Weights value 0.1, pref 1, skill 2, hours 0.5, task 1, group 3,
 * sup 0.01, over 0.2.
 *   value  0.1·20·0.5·12 + 0.1·15·1·4      = 12 + 6  = 18
 *   pref   1·(+1)·12 + 1·(−1)·4            = 12 − 4  = 8
 *   skill  2·1·12 + 2·(−0.5)·4             = 24 − 4  = 20
 *   hours  0.5·min(16, 14)                 =           7
 *   task   −1·2                            =          −2
 *   group  −3·(2 − 1)                      =          −3
 *   sup    −0.01·(2·12 + 0·4 + 20·2 days)  = −0.01·64 = −0.64
 *   over   −0.2·(16 − 0.5·20)              =          −1.2
 *   total  18 + 8 + 20 + 7 − 2 − 3 − 0.64 − 1.2 = 46.16
 * (Per column: A 12·(1 + 1 + 2 − 0.02) = 47.76, B 4·(1.5 − 1 − 1) = −2,
 *  + 7 − 2 − 6 + 3 (constant) − 0.4 − 1.2 = 46.16.) */
static void test_terms(void)
{
    PairData *p = pair_new(2, 1, 2);
    CHECK(p != NULL);
    if (!p)
        return;
    for (int d = MA; d <= VR; d++)
        p->Hday[d] = 10;
    PairTask *a = &p->t[0], *b = &p->t[1];
    a->W = 6;
    a->pi = 0.5;
    a->indivisible = 1;
    a->wage = 20;
    a->pref = 1;
    a->skill = 1;
    a->sigma = 2;
    task_days(p, 0, BIT(MA) | BIT(WO), 0);
    b->W = 4;
    b->indivisible = 1;
    b->wage = 15;
    b->pref = -1;
    b->skill = -0.5;
    b->group = 1;
    task_days(p, 1, BIT(MA), 0);
    p->nmin = 2;
    p->need = 20;
    p->Hpref = 14;
    p->Hmax = 20;
    p->w = (Weights){.value = 0.1, .pref = 1, .skill = 2, .hours = 0.5, .task = 1, .group = 3,
                     .sup = 0.01, .over = 0.2, .theta = 0.5, .time_limit = 10};
    Package pk;
    solve_optimal(p, &pk, 46.16);
    CHECK_NEAR(pk.terms.value, 18, TOL);
    CHECK_NEAR(pk.terms.pref, 8, TOL);
    CHECK_NEAR(pk.terms.skill, 20, TOL);
    CHECK_NEAR(pk.terms.hours, 7, TOL);
    CHECK_NEAR(pk.terms.task, -2, TOL);
    CHECK_NEAR(pk.terms.group, -3, TOL);
    CHECK_NEAR(pk.terms.sup, -0.64, TOL);
    CHECK_NEAR(pk.terms.over, -1.2, TOL);
    CHECK_NEAR(pk.sup_minutes, 64, TOL);
    CHECK_NEAR(pk.hours, 16, TOL);
    CHECK(pk.days == (BIT(MA) | BIT(WO)));
    CHECK_NEAR(pkg_day(&pk, 100, MA), 6, TOL);
    CHECK_NEAR(pkg_day(&pk, 100, WO), 6, TOL);
    CHECK_NEAR(pkg_day(&pk, 101, MA), 4, TOL);
    CHECK_NEAR(pkg_task(&pk, 100) ? pkg_task(&pk, 100)->work : -1, 6, TOL);
    package_free(&pk);
    pair_free(p);
}

/* The weekly schedule. The candidate has ma ochtend+middag+avond (Hday 12)
 * and di ochtend+middag (Hday 8).
 *   A (model 7): fixed on ma and di, ochtend+middag+avond, indivisible
 *      W = 12 → 6 a day (cap ma 12, di 8);
 *   B (model 3): fixed on ma, middag only, indivisible W = 4 → 4 on ma.
 * Both liked (w_pref = 1): objective 12 + 4 = 16.
 * On ma, B (one allowed part) goes first: middag 4; then A fills its parts
 * earliest first: ochtend 4 (full), middag (no room left), avond 2.
 * On di A has ochtend+middag: ochtend 4, middag 2. Slots by day, part:
 *   (ma, ochtend, 7, 4), (ma, middag, 3, 4), (ma, avond, 7, 2),
 *   (di, ochtend, 7, 4), (di, middag, 7, 2);
 * tasks by first slot: A (ma ochtend) before B (ma middag), although
 * B's id is smaller. */
static void test_schedule(void)
{
    PairData *p = pair_new(2, 1, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->avail[MA] = BIT(OCHTEND) | BIT(MIDDAG) | BIT(AVOND);
    p->Hday[MA] = 12;
    for (int d = WO; d < MW_DAYS; d++) {
        p->avail[d] = 0;
        p->Hday[d] = 0;
    }
    PairTask *a = &p->t[0], *b = &p->t[1];
    a->task = 7;
    a->W = 12;
    a->indivisible = 1;
    a->pref = 1;
    a->parts = BIT(OCHTEND) | BIT(MIDDAG) | BIT(AVOND);
    task_days(p, 0, BIT(MA) | BIT(DI), 0);
    b->task = 3;
    b->W = 4;
    b->indivisible = 1;
    b->pref = 1;
    b->parts = BIT(MIDDAG);
    task_days(p, 1, BIT(MA), 0);
    CHECK(a->cap[MA] == 12 && a->cap[DI] == 8 && b->cap[MA] == 4);
    p->w.pref = 1;
    Package pk;
    solve_optimal(p, &pk, 16);
    CHECK(pk.n == 2);
    if (pk.n == 2) {
        CHECK(pk.tasks[0].task == 7);
        CHECK(pk.tasks[1].task == 3);
    }
    static const SlotEntry want[] = {{7, MA, OCHTEND, 4}, {3, MA, MIDDAG, 4}, {7, MA, AVOND, 2},
                                     {7, DI, OCHTEND, 4}, {7, DI, MIDDAG, 2}};
    CHECK(pk.nslots == 5);
    for (int i = 0; i < 5 && i < pk.nslots; i++) {
        CHECK(pk.slots[i].task == want[i].task);
        CHECK(pk.slots[i].day == want[i].day);
        CHECK(pk.slots[i].part == want[i].part);
        CHECK_NEAR(pk.slots[i].hours, want[i].hours, TOL);
    }
    CHECK(pk.days == (BIT(MA) | BIT(DI)));
    package_free(&pk);
    pair_free(p);
}

/* Every allocation of carve_solve failing in turn: MW_ENOMEM with an
 * empty package, or the full answer; never a crash or (under ASan) a leak.
 * The instance is the vacancy one, so every part of extract runs. */
static void test_alloc_sweep(void)
{
    PairData *p = pair_new(3, 2, 1);
    CHECK(p != NULL);
    if (!p)
        return;
    p->j[0].W = 20;
    p->j[0].R = 15;
    p->j[0].vacancy = 1;
    p->t[0].W = 12;
    p->t[0].mandatory = 1;
    p->t[1].vacancy_only = 1;
    p->t[1].pref = 1;
    p->t[2].job = 1;
    p->t[2].pref = 1;
    p->w.pref = 1;
    Package pk;
    long before = mw_alloc_count();
    CHECK(carve_solve(p, &pk) == MW_OK);
    long k = mw_alloc_count() - before;
    package_free(&pk);
    int bad = 0, nomem = 0;
    for (long n = 1; n <= k + 1; n++) {
        mw_alloc_fail_at(n);
        int st = carve_solve(p, &pk);
        mw_alloc_fail_at(0);
        if (st == MW_ENOMEM) {
            nomem++;
            bad += pk.n != 0 || pk.tasks != NULL || pk.slots != NULL;
        } else if (st != MW_OK || pk.status != CARVE_OPTIMAL || fabs(pk.objective - 18) > TOL)
            bad++;
        package_free(&pk);
    }
    CHECK(k > 0);
    CHECK(nomem == k);
    CHECK(bad == 0);
    pair_free(p);
}

int main(void)
{
    test_work_available();
    test_minimum_chunk();
    test_indivisible();
    test_day_capacity();
    test_contract_hours();
    test_per_day_and_days();
    test_exposure();
    test_share();
    test_task_count();
    test_groups();
    test_coupling();
    test_supervision();
    test_donor_job();
    test_vacancy();
    test_preference_credit();
    test_over_utilisation();
    test_infeasible();
    test_no_tasks();
    test_terms();
    test_schedule();
    test_alloc_sweep();
    return check_report("test_carve");
}
