/* test_fixed.c — unit tests of packages from given task hours
 * (engine/solve/fixed.c) and of current placements and last week's packages
 * in the regional proposal (the weekly stage of engine/solve/region.c), on
 * tests/data/mini. Every expected number is computed by hand in the test
 * from the mini files and the balanced weights. Layer: tests.
 */
#include "../../engine/input/load.h"
#include "../../engine/solve/fixed.h"
#include "../../engine/solve/pairs.h"
#include "../../engine/solve/region.h"
#include "check.h"

#include <stdlib.h>

#define TOL 1e-9

static Model *load_mini(void)
{
    const char *e = getenv("MAATWERK_MODELS");
    MwErrors err;
    mw_errors_init(&err, 20);
    Model *m = NULL;
    LoadOptions lo = {e && *e ? e : "models"};
    int st = load_dir("tests/data/mini", &lo, &m, &err);
    mw_errors_free(&err);
    CHECK(st == MW_OK);
    return st == MW_OK ? m : NULL;
}

static const PackageTask *task_of(const Package *pk, const Model *m, const char *id)
{
    for (int k = 0; k < pk->n; k++)
        if (strcmp(m->tasks[pk->tasks[k].task].id, id) == 0)
            return &pk->tasks[k];
    return NULL;
}

/* P1: K3 at E1, T4 8 h + T3 4 h. K3 has loonwaarde 1, no begeleiding,
 * 20..32 hours (prefers 28), 8 h a day, 5 days, likes magazijn, has
 * kwaliteit:1. T4 (magazijn, job J2 at 18 euro, any weekday, no skills);
 * T3 (kwaliteitscontrole, J2, di|do middag, needs kwaliteit:1). */
static void test_placement_package(void)
{
    Model *m = load_mini();
    if (!m)
        return;
    Weights w;
    weights_default(&w);
    Package pk;
    unsigned misfit = 0;
    CHECK(fixed_placement_package(m, &w, &m->placements[0], &pk, &misfit) == MW_OK);
    CHECK(pk.n == 2 && pk.status == CARVE_OPTIMAL && pk.vacancy_job == -1);
    CHECK_NEAR(pk.hours, 12, TOL);
    const PackageTask *t4 = task_of(&pk, m, "T4"), *t3 = task_of(&pk, m, "T3");
    CHECK(t4 && t3);
    if (t4 && t3) {
        CHECK_NEAR(t4->work, 8, TOL);                 /* pace 1 */
        CHECK_NEAR(t3->work, 4, TOL);
        /* working days: T4's first day ma, T3's first day di, then wo do vr
         * (5 days allowed); T4 over all five, T3 over di and do */
        for (int d = 0; d < 5; d++)
            CHECK_NEAR(t4->day_hours[d], 1.6, TOL);
        CHECK_NEAR(t3->day_hours[1], 2, TOL);
        CHECK_NEAR(t3->day_hours[3], 2, TOL);
        CHECK_NEAR(t3->day_hours[0] + t3->day_hours[2] + t3->day_hours[4], 0, TOL);
    }
    CHECK(pk.days == 0x1F);
    /* schedule order: T4 starts ma ochtend, T3 di middag */
    CHECK(m->tasks[pk.tasks[0].task].id[1] == '4');
    double slot_hours = 0;
    for (int i = 0; i < pk.nslots; i++) {
        slot_hours += pk.slots[i].hours;
        if (pk.slots[i].task == t3->task)
            CHECK(pk.slots[i].part == 1);             /* middag, the only part of T3 */
        if (i)
            CHECK(pk.slots[i - 1].day <= pk.slots[i].day);
    }
    CHECK_NEAR(slot_hours, 12, TOL);
    /* terms: value 0.02 x 18 x (8 + 4) = 4.32; pref 0.5 x 8 (magazijn liked)
     * = 4; skill 0.25 x 4 x 1 (kwaliteit met; T4 has no skills: 0) = 1; hours
     * 1 x min(12, 28) = 12; tasks -0.5 x 2; groups magazijn + vers: -1;
     * supervision 0 (no begeleiding, no task minutes); over 0 (12 < 28.8) */
    CHECK_NEAR(pk.terms.value, 4.32, TOL);
    CHECK_NEAR(pk.terms.pref, 4, TOL);
    CHECK_NEAR(pk.terms.skill, 1, TOL);
    CHECK_NEAR(pk.terms.hours, 12, TOL);
    CHECK_NEAR(pk.terms.task, -1, TOL);
    CHECK_NEAR(pk.terms.group, -1, TOL);
    CHECK_NEAR(pk.terms.sup, 0, TOL);
    CHECK_NEAR(pk.terms.over, 0, TOL);
    CHECK_NEAR(pk.objective, 19.32, TOL);
    CHECK_NEAR(pk.bound, pk.objective, TOL);
    /* 12 hours is below K3's minimum of 20: the only misfit */
    CHECK(misfit == FIXED_MISFIT_HOURS);
    package_free(&pk);

    /* changed limits: K3's max hours per day down to 2 (di has 3.6 h), and
     * T3 now needs kwaliteit:2 (K3 has 1; not trainable) */
    int k3 = model_find_candidate(m, "K3"), t3i = model_find_task(m, "T3");
    m->candidates[k3].max_hours_day = 2;
    m->tasks[t3i].skills.items[0].level = 2;
    m->tasks[t3i].skills.items[0].trainable = 0;
    CHECK(fixed_placement_package(m, &w, &m->placements[0], &pk, &misfit) == MW_OK);
    CHECK(misfit == (FIXED_MISFIT_HOURS | FIXED_MISFIT_DAY | FIXED_MISFIT_TASK));
    package_free(&pk);

    /* more work than the task has: T4 has 8 hours of work */
    int tasks[1] = {model_find_task(m, "T4")};
    double hours[1] = {9};
    CHECK(fixed_package(m, k3, 0, &w, tasks, hours, 1, &pk, &misfit) == MW_OK);
    CHECK(misfit & FIXED_MISFIT_WORK);
    CHECK_STR(fixed_misfit_names[5], "task_work");
    package_free(&pk);
    model_free(m);
}

/* The work of task t in the chosen columns other than skip_col. */
static double others_work(const Model *m, const Region *r, int t, int skip_col)
{
    double s = 0;
    for (int c = 0; c < m->n_candidates; c++)
        if (r->chosen[c] >= 0 && r->chosen[c] != skip_col)
            s += column_work(&r->cols[r->chosen[c]], t);
    return s;
}

static void test_region_fixed(void)
{
    Model *m = load_mini();
    if (!m)
        return;
    Weights w;
    weights_default(&w);
    RegionOptions o;
    region_options_default(&o);
    o.threads = 1;
    Region r;
    CHECK(region_solve(m, &w, &o, &r) == MW_OK);
    int k3 = model_find_candidate(m, "K3"), e1 = model_find_employer(m, "E1");
    int col = r.chosen[k3];
    CHECK(r.n_fixed == 1 && col >= 0);
    if (col >= 0) {
        const Column *c = &r.cols[col];
        CHECK(c->placement == 0 && r.pairs[c->pair].cand == k3 && r.pairs[c->pair].emp == e1);
        CHECK(col == r.n_cols - 1 && c->pair == r.n_pairs - 1);     /* fixed columns come last */
        /* score = package terms 19.32 + pair terms: travel by car over the
         * haversine distance (E1 52.09,5.12; K3 52.09,5.23) x 1.3 at 35 km/h,
         * x -0.1 points a minute; affinity 2 x 1; K3 does not know E1 */
        double km = travel_km(52.09, 5.23, 52.09, 5.12) * MW_DETOUR;
        CHECK_NEAR(c->score, 19.32 - 0.1 * km / 35 * 60 + 2, 1e-9);
        /* K3 has no other column */
        for (int k = 0; k < r.n_cols; k++)
            if (k != col)
                CHECK(r.pairs[r.cols[k].pair].cand != k3);
        /* T4 (8 h of work) and T3 (4 h) are all taken by P1: nobody else gets them */
        CHECK_NEAR(others_work(m, &r, model_find_task(m, "T4"), col), 0, 1e-9);
        CHECK_NEAR(others_work(m, &r, model_find_task(m, "T3"), col), 0, 1e-9);
        /* the objective is the sum of the chosen scores, the fixed one included */
        double sum = 0;
        for (int cand = 0; cand < m->n_candidates; cand++)
            if (r.chosen[cand] >= 0)
                sum += r.cols[r.chosen[cand]].score;
        CHECK_NEAR(r.objective, sum, 1e-6);
        CHECK(r.lp_bound >= r.objective - 1e-6);
    }
    region_free(&r);

    /* under review: K3 competes; its current package (12 h < min 20) no
     * longer fits, so it is not offered */
    m->placements[0].review = 1;
    CHECK(region_solve(m, &w, &o, &r) == MW_OK);
    CHECK(r.n_fixed == 0 && r.n_review == 0);
    CHECK(r.chosen[k3] < 0 || r.cols[r.chosen[k3]].placement < 0);
    region_free(&r);

    /* a failed trial: not fixed, not offered */
    m->placements[0].review = 0;
    m->placements[0].outcome = PLACEMENT_FAILED;
    CHECK(region_solve(m, &w, &o, &r) == MW_OK);
    CHECK(r.n_fixed == 0 && r.n_review == 0);
    region_free(&r);
    model_free(m);
}

/* Last week as region r0 proposed it: every chosen candidate's employer,
 * task hours and schedule (only candidate `only` when >= 0). Returns how
 * many candidates it holds; free pv with previous_free. */
static int previous_from(const Model *m, const Region *r0, int only, Previous *pv)
{
    memset(pv, 0, sizeof *pv);
    mw_arena_init(&pv->arena);
    pv->n_candidates = m->n_candidates;
    pv->of = mw_arena_alloc(&pv->arena, sizeof *pv->of * (size_t)m->n_candidates);
    int placed = 0;
    for (int c = 0; c < m->n_candidates; c++) {
        PrevMatch *pm = &pv->of[c];
        pm->emp = -1;
        int col = r0->chosen[c];
        if (col < 0 || (only >= 0 && c != only))
            continue;
        const Package *pk = &r0->cols[col].pk;
        pm->emp = r0->pairs[r0->cols[col].pair].emp;
        pm->n = pk->n;
        pm->tasks = mw_arena_alloc(&pv->arena, sizeof(int) * (size_t)pk->n);
        pm->hours = mw_arena_alloc(&pv->arena, sizeof(double) * (size_t)pk->n);
        pm->n_slots = pk->nslots;
        pm->slots = mw_arena_alloc(&pv->arena, sizeof *pm->slots * (size_t)(pk->nslots + 1));
        for (int k = 0; k < pk->n; k++) {
            pm->tasks[k] = pk->tasks[k].task;
            pm->hours[k] = pk->tasks[k].hours;
        }
        for (int i = 0; i < pk->nslots; i++)
            pm->slots[i] = (PrevSlot){pk->slots[i].task, pk->slots[i].day, pk->slots[i].part, pk->slots[i].hours};
        placed++;
    }
    return placed;
}

/* --previous: last week's package gets the churn bonus in the integer
 * master only; a package that is already a column is marked, not copied. */
static void test_region_previous(void)
{
    Model *m = load_mini();
    if (!m)
        return;
    m->n_placements = 0;
    Weights w;
    weights_default(&w);
    RegionOptions o;
    region_options_default(&o);
    o.threads = 1;
    Region r0;
    CHECK(region_solve(m, &w, &o, &r0) == MW_OK);
    /* last week: every candidate's package of this proposal */
    Previous pv;
    int placed = previous_from(m, &r0, -1, &pv);
    CHECK(placed > 0);
    o.previous = &pv;
    Region r1;
    CHECK(region_solve(m, &w, &o, &r1) == MW_OK);
    CHECK(r1.n_previous == placed);
    CHECK(r1.n_cols == r0.n_cols);                    /* found among the columns, not added */
    double bonus = 0;
    for (int c = 0; c < m->n_candidates; c++) {
        CHECK((r0.chosen[c] < 0) == (r1.chosen[c] < 0));
        if (r1.chosen[c] >= 0) {
            CHECK(r1.cols[r1.chosen[c]].churn_bonus == w.churn);
            bonus += r1.cols[r1.chosen[c]].churn_bonus;
        }
    }
    /* the objective and the bound do not include the bonus */
    CHECK_NEAR(r1.objective, r0.objective, 1e-6);
    CHECK_NEAR(r1.lp_bound, r0.lp_bound, 1e-6);
    CHECK(bonus > 0);

    /* churn 0 still breaks ties towards last week */
    w.churn = 0;
    region_free(&r1);
    CHECK(region_solve(m, &w, &o, &r1) == MW_OK);
    for (int c = 0; c < m->n_candidates; c++)
        if (r1.chosen[c] >= 0)
            CHECK(r1.cols[r1.chosen[c]].churn_bonus == MW_CHURN_TIE);
    region_free(&r1);
    region_free(&r0);
    previous_free(&pv);
    model_free(m);
}

/* Fails each allocation of region_solve(m, w, o) in turn: MW_ENOMEM with
 * nothing left to free, or a whole result with n_fixed fixed columns. ASan
 * finds leaks. */
static void sweep(const Model *m, const Weights *w, const RegionOptions *o, int n_fixed)
{
    Region r;
    long before = mw_alloc_count();
    CHECK(region_solve(m, w, o, &r) == MW_OK);
    long total = mw_alloc_count() - before;
    CHECK(r.n_fixed == n_fixed && total > 10);
    region_free(&r);
    long step = total / 150 + 1;
    int bad = 0, failures = 0;
    for (long n = 1; n <= total + 1; n += step) {
        mw_alloc_fail_at(n);
        int st = region_solve(m, w, o, &r);
        mw_alloc_fail_at(0);
        if (st == MW_ENOMEM) {
            failures++;
            bad |= r.cols != NULL || r.pairs != NULL || r.chosen != NULL;
        } else if (st == MW_OK) {
            bad |= r.n_fixed != n_fixed;
            region_free(&r);
        } else {
            bad = 1;
        }
    }
    CHECK(!bad);
    CHECK(failures > 0);
}

/* The weekly stages under allocation failure: a fixed placement; and a
 * placement under review with last week's package (K3's carved package
 * with half an hour less on its first task: not a column yet, so one is
 * built). */
static void test_alloc_sweep(void)
{
    Model *m = load_mini();
    if (!m)
        return;
    Weights w;
    weights_default(&w);
    RegionOptions o;
    region_options_default(&o);
    o.threads = 1;
    sweep(m, &w, &o, 1);

    m->placements[0].review = 1;
    Region r0;
    CHECK(region_solve(m, &w, &o, &r0) == MW_OK);
    int k3 = model_find_candidate(m, "K3"), col = r0.chosen[k3];
    CHECK(col >= 0);
    Previous pv;
    CHECK(previous_from(m, &r0, k3, &pv) == (col >= 0));
    if (col >= 0) {
        /* half an hour less on the first task, taken off its first slot long enough */
        PrevMatch *pm = &pv.of[k3];
        pm->hours[0] -= 0.5;
        int cut = 0;
        for (int i = 0; i < pm->n_slots && !cut; i++)
            if (pm->slots[i].task == pm->tasks[0] && pm->slots[i].hours > 0.5) {
                pm->slots[i].hours -= 0.5;
                cut = 1;
            }
        CHECK(cut);
    }
    int ncols = r0.n_cols;
    region_free(&r0);
    o.previous = &pv;
    CHECK(region_solve(m, &w, &o, &r0) == MW_OK);
    CHECK(r0.n_previous == 1 && r0.n_cols == ncols + 1);        /* built, not found */
    /* built with last week's schedule: its slots are the given ones */
    const Column *built = &r0.cols[r0.n_cols - 1];
    CHECK(built->churn_bonus == w.churn && built->pk.nslots == pv.of[k3].n_slots);
    double sum = 0, want = 0;
    for (int i = 0; i < built->pk.nslots; i++)
        sum += built->pk.slots[i].hours;
    for (int i = 0; i < pv.of[k3].n_slots; i++)
        want += pv.of[k3].slots[i].hours;
    CHECK_NEAR(sum, want, 1e-9);
    region_free(&r0);
    sweep(m, &w, &o, 0);
    previous_free(&pv);
    model_free(m);
}

/* A carved package rebuilt from its own task hours scores the same: every
 * term but supervision (which counts working days, and the carve may use
 * other days) is equal, and supervision is equal when the days are. Over
 * the casebook's pairs. */
static void test_same_as_carved(void)
{
    const char *e = getenv("MAATWERK_MODELS");
    MwErrors err;
    mw_errors_init(&err, 20);
    Model *m = NULL;
    LoadOptions lo = {e && *e ? e : "models"};
    CHECK(load_dir("datasets/casebook", &lo, &m, &err) == MW_OK);
    mw_errors_free(&err);
    if (!m)
        return;
    Weights w;
    weights_default(&w);
    int pairs = 0, same_days = 0;
    for (int c = 0; c < m->n_candidates; c++)
        for (int k = 0; k < m->n_employers; k++) {
            if (pair_filter(m, c, k, NULL, NULL) != PAIR_OK)
                continue;
            PairData *p = pair_build(m, c, k, &w);
            Package pk, fx;
            CHECK(p != NULL);
            if (!p || carve_solve(p, &pk) != MW_OK) {
                pair_free(p);
                continue;
            }
            pair_free(p);
            if (pk.n == 0 || pk.vacancy_job >= 0) {
                package_free(&pk);
                continue;
            }
            int tasks[64];
            double hours[64];
            for (int q = 0; q < pk.n && q < 64; q++) {
                tasks[q] = pk.tasks[q].task;
                hours[q] = pk.tasks[q].hours;
            }
            unsigned misfit;
            CHECK(fixed_package(m, c, k, &w, tasks, hours, pk.n, &fx, &misfit) == MW_OK);
            CHECK_NEAR(fx.hours, pk.hours, 1e-9);
            CHECK_NEAR(fx.terms.value, pk.terms.value, 1e-6);
            CHECK_NEAR(fx.terms.pref, pk.terms.pref, 1e-6);
            CHECK_NEAR(fx.terms.skill, pk.terms.skill, 1e-6);
            CHECK_NEAR(fx.terms.task, pk.terms.task, 1e-9);
            CHECK_NEAR(fx.terms.group, pk.terms.group, 1e-9);
            CHECK_NEAR(fx.terms.hours, pk.terms.hours, 1e-6);
            CHECK_NEAR(fx.terms.over, pk.terms.over, 1e-6);
            for (int q = 0; q < pk.n; q++)
                CHECK_NEAR(task_of(&fx, m, m->tasks[pk.tasks[q].task].id)->work, pk.tasks[q].work, 1e-9);
            CHECK(!(misfit & (FIXED_MISFIT_TASK | FIXED_MISFIT_HOURS | FIXED_MISFIT_WORK | FIXED_MISFIT_SHARE)));
            if (mw_popcount(fx.days) == mw_popcount(pk.days)) {
                CHECK_NEAR(fx.terms.sup, pk.terms.sup, 1e-6);
                same_days++;
            }
            pairs++;
            package_free(&fx);
            /* with the carve's own schedule: the same days and day hours, the
             * same supervision, and no misfit at all (the MIP kept every limit) */
            CHECK(fixed_package_scheduled(m, c, k, &w, tasks, hours, pk.n, pk.slots, pk.nslots, &fx, &misfit) ==
                  MW_OK);
            CHECK(misfit == 0);
            CHECK(fx.days == pk.days);
            CHECK_NEAR(fx.terms.sup, pk.terms.sup, 1e-6);
            CHECK_NEAR(fx.objective, pk.terms.value + pk.terms.pref + pk.terms.skill + pk.terms.hours + pk.terms.task +
                                         pk.terms.group + pk.terms.sup + pk.terms.over, 1e-6);
            for (int q = 0; q < pk.n; q++) {
                const PackageTask *ft = task_of(&fx, m, m->tasks[pk.tasks[q].task].id);
                for (int d = 0; d < MW_DAYS; d++)
                    CHECK_NEAR(ft->day_hours[d], pk.tasks[q].day_hours[d], 1e-9);
            }
            CHECK(fx.nslots == pk.nslots);
            package_free(&fx);
            package_free(&pk);
        }
    CHECK(pairs > 100 && same_days > pairs / 4);
    printf("same as carved: %d pairs, %d with the same number of days\n", pairs, same_days);
    model_free(m);
}

int main(void)
{
    test_same_as_carved();
    test_placement_package();
    test_region_fixed();
    test_region_previous();
    test_alloc_sweep();
    return check_report("test_fixed");
}
