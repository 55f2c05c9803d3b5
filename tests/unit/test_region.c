/* test_region.c — unit tests of the regional proposal (engine/solve/region.c)
 * on generated regions: every chosen package is re-checked against the
 * candidate's limits straight from the Model, the master rows (task work,
 * intake, supervision, donor jobs, one package per candidate) are summed
 * again here, the objective is recomputed, the integer objective is
 * compared with a greedy proposal built here from the standalone columns,
 * the bound with early stops against the converged LP, and the result must
 * not depend on the thread count. Also: filter bookkeeping, progress from
 * the calling thread, an empty region, and a fail-the-Nth-allocation sweep.
 * Layer: tests; reads the Model and the Region, not GLPK.
 */
#include "../../engine/core/gen.h"
#include "../../engine/input/load.h"
#include "../../engine/solve/region.h"
#include "check.h"

#include <pthread.h>
#include <stdlib.h>

#define TOL 1e-6

static const char *models_dir(void)
{
    const char *d = getenv("MAATWERK_MODELS");
    return d && *d ? d : "models";
}

/* A generated region of nc candidates and ne employers; NULL on failure. */
static Model *region_model(int nc, int ne, uint64_t seed)
{
    Model *m = model_new();
    MwErrors err;
    mw_errors_init(&err, 0);
    if (!m || load_registry(m, models_dir(), &err) != MW_OK) {
        for (int i = 0; i < err.n; i++) {
            char buf[512];
            mw_error_format(&err.items[i], buf, sizeof buf);
            fprintf(stderr, "%s\n", buf);
        }
        mw_errors_free(&err);
        model_free(m);
        return NULL;
    }
    mw_errors_free(&err);
    GenParams p = {nc, ne, seed};
    if (gen_region(m, &p) != MW_OK) {
        model_free(m);
        return NULL;
    }
    return m;
}

/* RegionOptions.master_pool_cols for solve(); -2 = the default */
static int pool_cols = -2;
/* RegionOptions.pricing_gap for solve() */
static double pricing_gap = 0;

static int solve(const Model *m, int threads, int max_iterations, double time_limit, Region *r)
{
    Weights w;
    weights_default(&w);
    RegionOptions o;
    region_options_default(&o);
    o.threads = threads;
    o.max_iterations = max_iterations;
    o.time_limit = time_limit;
    if (pool_cols != -2)
        o.master_pool_cols = pool_cols;
    o.pricing_gap = pricing_gap;
    return region_solve(m, &w, &o, r);
}

/* ---- the independent checker ------------------------------------------------ */

static double pace(const Candidate *c, const Task *t)
{
    return t->time_bound ? 1.0 : c->loonwaarde;
}

static int popcount4(unsigned v)
{
    int n = 0;
    for (int q = 0; q < MW_PARTS; q++)
        n += v >> q & 1;
    return n;
}

/* Whether package pk (at employer e) satisfies candidate c's limits, the
 * employer's supervision capacity and the pair's own donor rows, recomputed
 * from the Model. Reports the first broken rule. */
static int package_feasible(const Model *m, int ci, int ei, const Package *pk)
{
    const Candidate *c = &m->candidates[ci];
    const Employer *e = &m->employers[ei];
    double hours = 0, day[MW_DAYS] = {0}, sup = 0;
    const char *why = NULL;
    if (pk->n < (c->min_tasks > 1 ? c->min_tasks : 1) || (c->max_tasks > 0 && pk->n > c->max_tasks))
        why = "task count";
    int groups[64], ng = 0;
    for (int k = 0; k < pk->n && !why; k++) {
        const PackageTask *q = &pk->tasks[k];
        const Task *t = &m->tasks[q->task];
        if (t->employer != ei) {
            why = "task of another employer";
            break;
        }
        if (fabs(q->work - pace(c, t) * q->hours) > TOL || q->work > t->hours_week + TOL)
            why = "work";
        double chunk = t->min_chunk_hours > (t->hours_week < 1 ? t->hours_week : 1)
                           ? t->min_chunk_hours : (t->hours_week < 1 ? t->hours_week : 1);
        if (q->work < chunk - TOL || (!t->divisible && fabs(q->work - t->hours_week) > TOL))
            why = "minimum chunk / indivisible";
        for (int d = 0; d < m->n_dims; d++) {
            double load = t->load[d];
            if (load <= 0)
                continue;
            if (m->dims[d].kind == DIM_FLAG) {
                if (!(c->lim_state[d] == LIM_UNKNOWN || (c->lim_state[d] == LIM_KNOWN && c->lim[d] >= 1)))
                    why = "flag";
            } else if (m->dims[d].kind == DIM_LEVEL && c->lim_state[d] == LIM_KNOWN &&
                       load - e->acc[d] > c->lim[d]) {
                why = "level after accommodation";
            }
        }
        double sum = 0;
        for (int d = 0; d < MW_DAYS; d++) {
            double h = q->day_hours[d];
            sum += h;
            day[d] += h;
            unsigned parts = c->availability >> (d * MW_PARTS) & 0xFu;
            if (h > 1e-9 && (!(t->days >> d & 1) || !(parts & t->parts)))
                why = "hours on a day the task or the candidate cannot";
        }
        if (fabs(sum - q->hours) > TOL)
            why = "day hours do not add up";
        for (int r = 0; r < t->requires.n; r++) {
            int found = 0;
            for (int k2 = 0; k2 < pk->n; k2++)
                found |= pk->tasks[k2].task == t->requires.items[r];
            if (!found)
                why = "requires";
        }
        int g = 0;
        while (g < ng && groups[g] != t->group)
            g++;
        if (g == ng && ng < 64)
            groups[ng++] = t->group;
        hours += q->hours;
        sup += t->supervision_min_per_hour * q->hours;
    }
    if (!why && (hours < c->min_hours_week - TOL || hours > c->max_hours_week + TOL))
        why = "contract hours";
    if (!why && c->max_groups > 0 && ng > c->max_groups)
        why = "groups";
    int days = 0;
    for (int d = 0; d < MW_DAYS && !why; d++) {
        unsigned parts = c->availability >> (d * MW_PARTS) & 0xFu;
        if (day[d] <= 1e-9)
            continue;
        days++;
        if (day[d] > c->max_hours_day + TOL || day[d] > 4.0 * popcount4(parts) + TOL)
            why = "hours per day";
        for (int k = 0; k < m->n_dims; k++) {
            if (m->dims[k].kind != DIM_EXPOSURE || c->lim_state[k] != LIM_KNOWN)
                continue;
            double x = 0;
            for (int i = 0; i < pk->n; i++)
                x += m->tasks[pk->tasks[i].task].load[k] * pk->tasks[i].day_hours[d];
            if (x > c->lim[k] + TOL)
                why = "exposure per day";
        }
    }
    if (!why && days > c->max_days_week)
        why = "days per week";
    for (int k = 0; k < m->n_dims && !why; k++) {
        if (m->dims[k].kind != DIM_SHARE || c->lim_state[k] != LIM_KNOWN)
            continue;
        double x = 0;
        for (int i = 0; i < pk->n; i++)
            x += (m->tasks[pk->tasks[i].task].load[k] - c->lim[k]) * pk->tasks[i].hours;
        if (x > TOL)
            why = "share";
    }
    sup += c->support_min_day * days;
    if (!why && (sup > e->supervision_min_day * e->working_days + TOL || fabs(sup - pk->sup_minutes) > TOL))
        why = "supervision";
    for (int k = 0; k < e->jobs.n && !why; k++) {
        const Job *j = &m->jobs[e->jobs.items[k]];
        if (j->min_residual_hours <= 0)
            continue;
        double work = 0;
        for (int i = 0; i < pk->n; i++)
            if (m->tasks[pk->tasks[i].task].job == e->jobs.items[k])
                work += pk->tasks[i].work;
        double room = j->hours_week - j->min_residual_hours + (pk->vacancy_job == e->jobs.items[k] ? j->min_residual_hours : 0);
        if (work > room + TOL)
            why = "donor job within the pair";
    }
    if (why)
        fprintf(stderr, "package of %s at %s: %s\n", c->id, e->id, why);
    return why == NULL;
}

/* The master rows over a set of columns (take[k]), summed here from the
 * Model: 1 when every row holds. */
typedef struct {
    double *task, *sup, *donor;
    int *intake, *cand;
} Usage;

static void usage_init(Usage *u, const Model *m)
{
    u->task = calloc((size_t)m->n_tasks + 1, sizeof(double));
    u->sup = calloc((size_t)m->n_employers + 1, sizeof(double));
    u->donor = calloc((size_t)m->n_jobs + 1, sizeof(double));
    u->intake = calloc((size_t)m->n_employers + 1, sizeof(int));
    u->cand = calloc((size_t)m->n_candidates + 1, sizeof(int));
}

static void usage_free(Usage *u)
{
    free(u->task);
    free(u->sup);
    free(u->donor);
    free(u->intake);
    free(u->cand);
}

/* Adds (sign +1) or removes (-1) column col's use of every master row. */
static void usage_add(Usage *u, const Model *m, const Region *r, int col, int sign)
{
    const Column *c = &r->cols[col];
    const RegionPair *p = &r->pairs[c->pair];
    u->cand[p->cand] += sign;
    u->intake[p->emp] += sign;
    u->sup[p->emp] += sign * c->pk.sup_minutes;
    for (int k = 0; k < c->pk.n; k++) {
        const Task *t = &m->tasks[c->pk.tasks[k].task];
        u->task[c->pk.tasks[k].task] += sign * c->pk.tasks[k].work;
        if (m->jobs[t->job].min_residual_hours > 0)
            u->donor[t->job] += sign * c->pk.tasks[k].work;
    }
    if (c->pk.vacancy_job >= 0 && m->jobs[c->pk.vacancy_job].min_residual_hours > 0)
        u->donor[c->pk.vacancy_job] -= sign * m->jobs[c->pk.vacancy_job].min_residual_hours;
}

static int usage_ok(const Usage *u, const Model *m, int verbose)
{
    int ok = 1;
    for (int t = 0; t < m->n_tasks; t++)
        if (u->task[t] > m->tasks[t].hours_week + TOL) {
            ok = 0;
            if (verbose)
                fprintf(stderr, "task %s: work %g > %g\n", m->tasks[t].id, u->task[t], m->tasks[t].hours_week);
        }
    for (int e = 0; e < m->n_employers; e++) {
        const Employer *em = &m->employers[e];
        if (u->intake[e] > em->max_new_placements || u->sup[e] > em->supervision_min_day * em->working_days + TOL) {
            ok = 0;
            if (verbose)
                fprintf(stderr, "employer %s: intake %d/%d, supervision %g/%g\n", em->id, u->intake[e],
                        em->max_new_placements, u->sup[e], em->supervision_min_day * em->working_days);
        }
    }
    for (int j = 0; j < m->n_jobs; j++) {
        const Job *job = &m->jobs[j];
        if (job->min_residual_hours > 0 && u->donor[j] > job->hours_week - job->min_residual_hours + TOL) {
            ok = 0;
            if (verbose)
                fprintf(stderr, "job %s: donor %g > %g\n", job->id, u->donor[j], job->hours_week - job->min_residual_hours);
        }
    }
    for (int c = 0; c < m->n_candidates; c++)
        ok &= u->cand[c] <= 1;
    return ok;
}

/* The pair terms recomputed: travel, known employer, affinity. */
static double expected_pair_terms(const Model *m, const Weights *w, int ci, int ei)
{
    const Candidate *c = &m->candidates[ci];
    const Employer *e = &m->employers[ei];
    double known = 0;
    for (int k = 0; k < c->known_employers.n; k++)
        known = c->known_employers.items[k] == ei ? w->known : known;
    return -w->travel * travel_minutes(c, e) + known + w->affinity * e->affinity;
}

/* Best score first over the standalone columns, a column taken when the
 * candidate is still free and every master row still fits. */
static double greedy_standalone(const Model *m, const Region *r)
{
    int n = 0;
    int *order = malloc(sizeof(int) * (size_t)(r->n_cols + 1));
    for (int k = 0; k < r->n_cols; k++)
        if (r->cols[k].iteration == 0 && r->cols[k].score > 0)
            order[n++] = k;
    for (int i = 1; i < n; i++)            /* insertion sort: score desc, index asc */
        for (int j = i; j > 0 && r->cols[order[j]].score > r->cols[order[j - 1]].score; j--) {
            int tmp = order[j];
            order[j] = order[j - 1];
            order[j - 1] = tmp;
        }
    Usage u;
    usage_init(&u, m);
    double total = 0;
    for (int i = 0; i < n; i++) {
        usage_add(&u, m, r, order[i], +1);
        if (usage_ok(&u, m, 0))
            total += r->cols[order[i]].score;
        else
            usage_add(&u, m, r, order[i], -1);
    }
    usage_free(&u);
    free(order);
    return total;
}

/* Everything that must hold for any Region of m. */
static void check_region(const Model *m, const Region *r)
{
    Weights w;
    weights_default(&w);
    /* filter bookkeeping and pair order */
    int *pairs_of = calloc((size_t)m->n_candidates + 1, sizeof(int));
    int order_ok = 1, stand_ok = 1;
    for (int i = 0; i < r->n_pairs; i++) {
        const RegionPair *p = &r->pairs[i];
        pairs_of[p->cand]++;
        if (i > 0 && (p->cand < r->pairs[i - 1].cand ||
                      (p->cand == r->pairs[i - 1].cand && p->emp <= r->pairs[i - 1].emp)))
            order_ok = 0;
        stand_ok &= p->standalone == i && r->cols[i].pair == i && r->cols[i].iteration == 0;
        stand_ok &= fabs(p->pair_terms - expected_pair_terms(m, &w, p->cand, p->emp)) <= TOL;
    }
    CHECK(order_ok);
    CHECK(stand_ok);
    int book_ok = 1;
    for (int c = 0; c < m->n_candidates; c++) {
        int sum = 0;
        for (int k = 0; k < PAIR_REASONS; k++)
            sum += r->reasons[c][k];
        book_ok &= sum == m->n_employers && r->reasons[c][PAIR_OK] == pairs_of[c] + r->no_package[c];
    }
    CHECK(book_ok);
    free(pairs_of);

    /* every column: a feasible package of its pair, its score, no duplicates */
    int feas = 1, score_ok = 1, dup = 0, iter_ok = 1;
    for (int k = 0; k < r->n_cols; k++) {
        const Column *c = &r->cols[k];
        const RegionPair *p = &r->pairs[c->pair];
        const ScoreTerms *t = &c->pk.terms;
        double s = t->value + t->pref + t->skill + t->hours + t->task + t->group + t->sup + t->over;
        feas &= package_feasible(m, p->cand, p->emp, &c->pk);
        score_ok &= fabs(c->score - (s + p->pair_terms)) <= TOL;
        iter_ok &= (k < r->n_pairs) == (c->iteration == 0) && c->iteration <= r->iterations;
        for (int q = 0; q < k; q++) {
            const Column *d = &r->cols[q];
            if (d->pair != c->pair || d->pk.n != c->pk.n || d->pk.vacancy_job != c->pk.vacancy_job)
                continue;
            int same = fabs(d->pk.sup_minutes - c->pk.sup_minutes) < 1e-9;
            for (int i = 0; i < c->pk.n && same; i++)
                same = fabs(column_work(d, c->pk.tasks[i].task) - c->pk.tasks[i].work) < 1e-9;
            dup += same;
        }
    }
    CHECK(feas);
    CHECK(score_ok);
    CHECK(iter_ok);
    CHECK(dup == 0);

    /* the proposal: master rows, objective, bound */
    Usage u;
    usage_init(&u, m);
    double obj = 0;
    int chosen_ok = 1;
    for (int c = 0; c < m->n_candidates; c++) {
        int k = r->chosen[c];
        if (k < 0)
            continue;
        chosen_ok &= k < r->n_cols && r->pairs[r->cols[k].pair].cand == c;
        if (!chosen_ok)
            break;
        usage_add(&u, m, r, k, +1);
        obj += r->cols[k].score;
        CHECK_NEAR(column_supervision(&r->cols[k]), r->cols[k].pk.sup_minutes, 0);
    }
    CHECK(chosen_ok);
    CHECK(usage_ok(&u, m, 1));
    usage_free(&u);
    CHECK_NEAR(r->objective, obj, TOL);
    CHECK(r->lp_bound >= r->objective - TOL);
    CHECK(r->master_status == 2 || r->master_lp >= r->objective - TOL);
    CHECK(!r->converged || fabs(r->lp_bound - r->master_lp) <= TOL);
    CHECK(r->converged != r->bound_is_lagrangian);
    double denom = fabs(r->lp_bound) > 1 ? fabs(r->lp_bound) : 1;
    CHECK_NEAR(r->gap, (r->lp_bound - r->objective) / denom, 1e-12);
    double greedy = greedy_standalone(m, r);
    if (r->objective < greedy - TOL)
        fprintf(stderr, "objective %g below the greedy %g\n", r->objective, greedy);
    CHECK(r->objective >= greedy - TOL);
}

/* Two regions with the same columns, proposal and statistics. */
static int same_region(const Region *a, const Region *b, int n_candidates)
{
    if (a->n_pairs != b->n_pairs || a->n_cols != b->n_cols || a->objective != b->objective ||
        a->lp_bound != b->lp_bound || a->iterations != b->iterations || a->converged != b->converged ||
        a->master_lp != b->master_lp)
        return 0;
    for (int k = 0; k < a->n_cols; k++) {
        const Column *x = &a->cols[k], *y = &b->cols[k];
        if (x->pair != y->pair || x->score != y->score || x->iteration != y->iteration || x->pk.n != y->pk.n)
            return 0;
        for (int i = 0; i < x->pk.n; i++)
            if (x->pk.tasks[i].task != y->pk.tasks[i].task || x->pk.tasks[i].work != y->pk.tasks[i].work)
                return 0;
    }
    for (int c = 0; c < n_candidates; c++)
        if (a->chosen[c] != b->chosen[c])
            return 0;
    return 1;
}

/* ---- tests ---------------------------------------------------------------------- */

static void test_regions(void)
{
    static const uint64_t seeds[] = {1, 7, 2026};
    for (size_t s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
        Model *m = region_model(40, 10, seeds[s]);
        CHECK(m != NULL);
        if (!m)
            return;
        Region r1, r2;
        int st1 = solve(m, 1, 50, 0, &r1);
        int st2 = solve(m, 2, 50, 0, &r2);
        CHECK(st1 == MW_OK);
        CHECK(st2 == MW_OK);
        if (st1 == MW_OK && st2 == MW_OK) {
            CHECK(r1.n_pairs > 0);
            CHECK(r1.converged);
            CHECK(r1.master_status == 0);
            CHECK(r1.solver_errors == 0);
            check_region(m, &r1);
            check_region(m, &r2);
            CHECK(same_region(&r1, &r2, m->n_candidates));
            int placed = 0;
            for (int c = 0; c < m->n_candidates; c++)
                placed += r1.chosen[c] >= 0;
            CHECK(placed > 0);
            printf("seed %llu: %d pairs, %d columns, %d rounds, bound %.4f, objective %.4f, %d placed\n",
                   (unsigned long long)seeds[s], r1.n_pairs, r1.n_cols, r1.iterations, r1.lp_bound, r1.objective, placed);

            /* stopping early: a Lagrangian bound, never below the converged LP */
            for (int it = 0; it <= 2; it++) {
                Region r3;
                CHECK(solve(m, 2, it, 0, &r3) == MW_OK);
                check_region(m, &r3);
                CHECK(r3.iterations <= it);
                CHECK(r3.lp_bound >= r1.lp_bound - TOL);
                CHECK(r3.converged || r3.bound_is_lagrangian);
                region_free(&r3);
            }
        }
        region_free(&r1);
        region_free(&r2);
        model_free(m);
    }
}

/* The column pool of the master LP (master_pool_cols 0: every master
 * pools) reaches the same LP optimum as the master over every column: the
 * same converged bound, a feasible proposal, the same for any thread
 * count; a pool that kept a column out would lower the bound. */
static void test_pool(void)
{
    static const uint64_t seeds[] = {1, 7, 2026, 99};
    for (size_t s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
        Model *m = region_model(60, 12, seeds[s]);
        CHECK(m != NULL);
        if (!m)
            return;
        Region full, pooled, pooled2;
        pool_cols = -1;
        int st0 = solve(m, 1, 50, 0, &full);
        pool_cols = 0;
        int st1 = solve(m, 1, 50, 0, &pooled);
        int st2 = solve(m, 2, 50, 0, &pooled2);
        pool_cols = -2;
        CHECK(st0 == MW_OK && st1 == MW_OK && st2 == MW_OK);
        if (st0 == MW_OK && st1 == MW_OK && st2 == MW_OK) {
            CHECK(full.converged && pooled.converged);
            CHECK(fabs(full.lp_bound - pooled.lp_bound) <= TOL * (1 + fabs(full.lp_bound)));
            CHECK(pooled.objective <= pooled.lp_bound + TOL);
            check_region(m, &pooled);
            CHECK(same_region(&pooled, &pooled2, m->n_candidates));
            printf("pool, seed %llu: %d columns; bound %.6f pooled, %.6f over every column; objective %.4f, %.4f\n",
                   (unsigned long long)seeds[s], pooled.n_cols, pooled.lp_bound, full.lp_bound, pooled.objective,
                   full.objective);
        }
        if (st0 == MW_OK)
            region_free(&full);
        if (st1 == MW_OK)
            region_free(&pooled);
        if (st2 == MW_OK)
            region_free(&pooled2);
        model_free(m);
    }
}

/* The pricing gap: column generation stops once its Lagrangian bound is
 * within the gap of the master LP, with that bound — never below the
 * converged LP, and a bound on the proposal — after fewer rounds, the same
 * for any thread count; a region that converges first is the converged run
 * itself. With gap 0 it runs to convergence. At least one region must
 * actually stop at the gap. */
static void test_pricing_gap(void)
{
    static const uint64_t seeds[] = {1, 7, 2026, 99, 5};
    static const double gaps[] = {1e-3, 1e-2};
    int stopped = 0;
    for (size_t s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
        Model *m = region_model(60, 12, seeds[s]);
        CHECK(m != NULL);
        if (!m)
            return;
        Region full;
        int st0 = solve(m, 1, 50, 0, &full);
        CHECK(st0 == MW_OK);
        if (st0 != MW_OK) {
            model_free(m);
            continue;
        }
        CHECK(full.converged && full.pricing_stop == PRICING_STOP_CONVERGED);
        for (size_t g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
            Region r1, r2;
            pricing_gap = gaps[g];
            int st1 = solve(m, 1, 50, 0, &r1);
            int st2 = solve(m, 2, 50, 0, &r2);
            pricing_gap = 0;
            CHECK(st1 == MW_OK && st2 == MW_OK);
            if (st1 != MW_OK || st2 != MW_OK) {
                if (st1 == MW_OK)
                    region_free(&r1);
                if (st2 == MW_OK)
                    region_free(&r2);
                continue;
            }
            check_region(m, &r1);
            CHECK(same_region(&r1, &r2, m->n_candidates));
            CHECK(r1.iterations <= full.iterations);
            CHECK(r1.lp_bound >= full.lp_bound - TOL * (1 + fabs(full.lp_bound)));
            if (r1.pricing_stop == PRICING_STOP_GAP) {
                stopped++;
                CHECK(!r1.converged && r1.bound_is_lagrangian);
                CHECK(r1.lp_bound - r1.master_lp <= gaps[g] * fabs(r1.master_lp) + TOL);
                CHECK(r1.iterations < full.iterations);
            } else {
                /* never came within the gap before converging: the same run */
                CHECK(r1.pricing_stop == PRICING_STOP_CONVERGED);
                CHECK(same_region(&r1, &full, m->n_candidates));
            }
            printf("pricing gap %g, seed %llu: %s after %d of %d rounds, bound %.6f (converged %.6f), "
                   "objective %.4f (%.4f)\n",
                   gaps[g], (unsigned long long)seeds[s], pricing_stop_name(r1.pricing_stop), r1.iterations,
                   full.iterations, r1.lp_bound, full.lp_bound, r1.objective, full.objective);
            region_free(&r1);
            region_free(&r2);
        }
        region_free(&full);
        model_free(m);
    }
    CHECK(stopped > 0);
}

/* The checker itself: a proposal broken on purpose must fail it. */
static void test_checker_catches(void)
{
    Model *m = region_model(40, 10, 1);
    CHECK(m != NULL);
    if (!m)
        return;
    Region r;
    CHECK(solve(m, 1, 50, 0, &r) == MW_OK);
    int k = -1;
    for (int c = 0; c < m->n_candidates && k < 0; c++)
        k = r.chosen[c];
    CHECK(k >= 0);
    if (k >= 0) {
        Column *col = &r.cols[k];
        const RegionPair *p = &r.pairs[col->pair];
        CHECK(package_feasible(m, p->cand, p->emp, &col->pk));
        fprintf(stderr, "(expected below: the checker reporting broken packages and rows)\n");
        /* more hours than the contract allows */
        double keep = col->pk.tasks[0].hours;
        col->pk.tasks[0].hours += m->candidates[p->cand].max_hours_week;
        CHECK(!package_feasible(m, p->cand, p->emp, &col->pk));
        col->pk.tasks[0].hours = keep;
        /* a task's work promised twice: the same column counted for two */
        Usage u;
        usage_init(&u, m);
        usage_add(&u, m, &r, k, +1);
        CHECK(usage_ok(&u, m, 0));
        u.task[col->pk.tasks[0].task] += m->tasks[col->pk.tasks[0].task].hours_week;
        CHECK(!usage_ok(&u, m, 1));
        u.task[col->pk.tasks[0].task] -= m->tasks[col->pk.tasks[0].task].hours_week;
        u.intake[p->emp] += m->employers[p->emp].max_new_placements;
        CHECK(!usage_ok(&u, m, 1));
        usage_free(&u);
    }
    region_free(&r);
    model_free(m);
}

/* A regional time limit (far too short for pricing): the carving stage
 * still completes, the proposal is feasible and the bound is valid. */
static void test_time_limit(void)
{
    Model *m = region_model(30, 8, 11);
    CHECK(m != NULL);
    if (!m)
        return;
    Region full, r;
    CHECK(solve(m, 1, 50, 0, &full) == MW_OK);
    CHECK(solve(m, 2, 50, 1e-6, &r) == MW_OK);
    check_region(m, &r);
    CHECK(r.n_pairs == full.n_pairs);
    CHECK(r.bound_is_lagrangian);
    CHECK(r.lp_bound >= full.lp_bound - TOL);
    region_free(&full);
    region_free(&r);
    model_free(m);
}

typedef struct {
    pthread_t main;
    int wrong_thread, carving_last, master_done, calls;
    long carving_total;
} ProgressLog;

static void progress(void *ctx, const char *stage, long done, long total)
{
    ProgressLog *log = ctx;
    log->calls++;
    log->wrong_thread |= !pthread_equal(pthread_self(), log->main);
    if (strcmp(stage, "carving") == 0) {
        log->carving_last = done == total;
        log->carving_total = total;
    }
    if (strcmp(stage, "master") == 0 && done == 1 && total == 1)
        log->master_done = 1;
}

static void test_progress(void)
{
    Model *m = region_model(20, 6, 3);
    CHECK(m != NULL);
    if (!m)
        return;
    Weights w;
    weights_default(&w);
    RegionOptions o;
    region_options_default(&o);
    o.threads = 2;
    ProgressLog log = {pthread_self(), 0, 0, 0, 0, 0};
    o.progress = progress;
    o.progress_ctx = &log;
    Region r;
    CHECK(region_solve(m, &w, &o, &r) == MW_OK);
    CHECK(log.calls > 2);
    CHECK(!log.wrong_thread);
    CHECK(log.carving_last);
    CHECK(log.carving_total == m->n_candidates);
    CHECK(log.master_done);
    region_free(&r);
    model_free(m);
}

/* No employers: no pairs, nothing to assign, still a valid Region. */
static void test_empty(void)
{
    Model *m = region_model(5, 0, 1);
    CHECK(m != NULL);
    if (!m)
        return;
    Region r;
    CHECK(solve(m, 0, 50, 0, &r) == MW_OK);
    CHECK(r.n_pairs == 0 && r.n_cols == 0);
    CHECK(r.objective == 0 && r.lp_bound == 0 && r.converged);
    for (int c = 0; c < m->n_candidates; c++)
        CHECK(r.chosen[c] == -1);
    region_free(&r);
    region_free(&r);                      /* twice: region_free leaves a zeroed Region */
    region_free(NULL);
    model_free(m);
}

/* Fails the Nth allocation of a small solve for N spread over all of them: the result
 * is MW_OK (and checks out) or MW_ENOMEM with nothing left to free; the
 * sanitizer build reports any leak. One thread: the counter is shared. */
static void test_alloc_sweep(void)
{
    Model *m = region_model(10, 4, 4);    /* 7 pairs, priced columns, a gap */
    CHECK(m != NULL);
    if (!m)
        return;
    Region r;
    long before = mw_alloc_count();
    CHECK(solve(m, 1, 50, 0, &r) == MW_OK);
    long total = mw_alloc_count() - before;
    region_free(&r);
    CHECK(r.n_cols == 0 && r.cols == NULL);   /* region_free leaves it zeroed */
    CHECK(total > 10);
    long step = total / 200 + 1;          /* ~200 solves: each one carves and prices again */
    int bad = 0, failures = 0;
    /* the second half of the sweep with the column pool in every master LP */
    for (long n = 1; n <= 2 * (total + 1); n += step) {
        pool_cols = n > total + 1 ? 0 : -2;
        long at = n > total + 1 ? n - (total + 1) : n;
        mw_alloc_fail_at(at);
        int st = solve(m, 1, 50, 0, &r);
        mw_alloc_fail_at(0);
        if (st == MW_ENOMEM) {
            failures++;
            bad |= r.cols != NULL || r.pairs != NULL || r.chosen != NULL || r.n_cols != 0;
        } else if (st == MW_OK) {
            check_region(m, &r);
            region_free(&r);
        } else {
            bad = 1;
        }
    }
    pool_cols = -2;
    CHECK(!bad);
    CHECK(failures > 0);
    printf("allocation sweep: %ld allocations, %d failed runs\n", total, failures);
    model_free(m);
}

int main(void)
{
    test_regions();
    test_pool();
    test_pricing_gap();
    test_checker_catches();
    test_time_limit();
    test_progress();
    test_empty();
    test_alloc_sweep();
    return check_report("test_region");
}
