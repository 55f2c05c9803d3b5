/* assess.c — per-pair assessment: filters, package, score terms, binding
 * limits, signaleringen, coverage, nearest miss (see assess.h). Layer:
 * assess. Calls solve; knows nothing about output formats.
 */
#include "assess.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../solve/riskflags.h"

void assess_pair_free(PairAssessment *a)
{
    if (!a)
        return;
    package_free(&a->pk);
    mw_free(a->bind);
    mw_free(a->sig);
    if (a->has_miss)
        nearest_miss_free(&a->miss);
    memset(a, 0, sizeof *a);
}

/* The sum of a package's objective terms: its unpriced objective. */
static double terms_sum(const ScoreTerms *t)
{
    return t->value + t->pref + t->skill + t->hours + t->task + t->group + t->sup + t->over;
}

/* Signaleringen and coverage of a's package. */
static int package_signals(const Model *m, PairAssessment *a)
{
    int cap = 0;
    SignalCount sc;
    if (signals_find(m, a->cand, a->emp, &a->pk, &a->sig, &cap, &sc))
        return MW_ENOMEM;
    a->nsig = sc.nsig;
    a->loaded_dims = sc.loaded_dims;
    a->unknown_dims = sc.unknown_dims;
    a->coverage = sc.coverage;
    return MW_OK;
}

/* The money and the durability of a's package, and the risk term from
 * risk_pk (the pair's standalone package; NULL = a's own). */
static void package_risk_costs(const Model *m, const Weights *w, const Package *risk_pk, PairAssessment *a)
{
    costs_compute(&m->policy, &m->candidates[a->cand], a->pk.hours, 0, &a->cost);
    a->levy_avoided = costs_levy_avoided(&m->policy, &m->employers[a->emp], a->cost.job_units);
    riskflags_fill(m, a->cand, a->emp, &a->pk, a->travel_min, &a->flags);
    risk_eval(&m->risk, &a->flags, &a->risk);
    a->t_risk = risk_pk ? riskflags_points(m, w, a->cand, a->emp, risk_pk, a->travel_min) : w->risk * a->risk.p_durable;
}

/* Assesses the pair with its standalone package, or with `given` (copied);
 * the risk term from risk_pk (NULL = the assessed package). */
static int assess_with(const Model *m, int ci, int ei, const Weights *w, const Package *given,
                       const Package *risk_pk, int want_miss, PairAssessment *a)
{
    const Candidate *c = &m->candidates[ci];
    const Employer *e = &m->employers[ei];
    memset(a, 0, sizeof *a);
    a->cand = ci;
    a->emp = ei;
    a->pk.status = CARVE_NO_TASKS;
    a->pk.vacancy_job = -1;
    a->coverage = 1.0;
    a->travel_min = travel_minutes(c, e);
    a->reason = pair_filter(m, ci, ei, a->task_reasons, &a->feasible_tasks);
    int st = MW_OK;
    if (a->reason == PAIR_OK || given) {
        PairData *p = pair_build(m, ci, ei, w);
        if (!p)
            return MW_ENOMEM;
        st = given ? package_copy(&a->pk, given) : carve_solve(p, &a->pk);
        if (st == MW_OK && a->pk.n > 0) {
            a->has_package = 1;
            a->t_travel = -w->travel * a->travel_min;
            a->t_known = intlist_has(&c->known_employers, ei) ? w->known : 0;
            a->t_affinity = w->affinity * e->affinity;
            package_risk_costs(m, w, risk_pk, a);
            a->score = terms_sum(&a->pk.terms) + a->t_travel + a->t_known + a->t_affinity + a->t_risk;
            st = carve_bindings(p, &a->pk, &a->bind, &a->nbind);
            if (st == MW_OK)
                st = package_signals(m, a);
        }
        pair_free(p);
    }
    /* limits can be moved; exclusions, distance and intake are not limits */
    int limit_reason = a->reason == PAIR_OK || a->reason == PAIR_NO_TASK;
    if (st == MW_OK && want_miss && !a->has_package && limit_reason) {
        st = elastic_nearest_miss(m, ci, ei, w, &a->miss);
        a->has_miss = st == MW_OK;
    }
    if (st != MW_OK)
        assess_pair_free(a);
    return st;
}

int assess_pair(const Model *m, int ci, int ei, const Weights *w, int want_miss, PairAssessment *a)
{
    return assess_with(m, ci, ei, w, NULL, NULL, want_miss, a);
}

int assess_package(const Model *m, int ci, int ei, const Weights *w, const Package *pk, PairAssessment *a)
{
    return assess_with(m, ci, ei, w, pk, NULL, 0, a);
}

int assess_column(const Model *m, int ci, int ei, const Weights *w, const Package *pk, const Package *standalone,
                  PairAssessment *a)
{
    return assess_with(m, ci, ei, w, pk, standalone, 0, a);
}

void assess_list_free(PairAssessment *list, int n)
{
    for (int i = 0; list && i < n; i++)
        assess_pair_free(&list[i]);
    mw_free(list);
}

/* Best score first, ties by employer id. */
static int ranks_before(const Model *m, const PairAssessment *a, const PairAssessment *b)
{
    if (a->score != b->score)
        return a->score > b->score;
    return strcmp(m->employers[a->emp].id, m->employers[b->emp].id) < 0;
}

int assess_candidate(const Model *m, int ci, const Weights *w, int top, PairAssessment **out, int *n,
                     int reasons[PAIR_REASONS], int *no_package, NearestMiss *miss, int *miss_emp)
{
    *out = NULL;
    *n = 0;
    *no_package = 0;
    *miss_emp = -1;
    memset(miss, 0, sizeof *miss);
    memset(reasons, 0, sizeof(int) * PAIR_REASONS);
    PairAssessment *list = mw_calloc((size_t)m->n_employers + 1, sizeof *list);
    if (!list)
        return MW_ENOMEM;
    int k = 0;
    for (int e = 0; e < m->n_employers; e++) {
        PairAssessment a;
        if (assess_pair(m, ci, e, w, 0, &a)) {
            assess_list_free(list, k);
            return MW_ENOMEM;
        }
        reasons[a.reason]++;
        if (a.has_package) {
            list[k++] = a;
        } else {
            *no_package += a.reason == PAIR_OK;
            assess_pair_free(&a);
        }
    }
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && ranks_before(m, &list[j], &list[j - 1]); j--) {
            PairAssessment tmp = list[j];
            list[j] = list[j - 1];
            list[j - 1] = tmp;
        }
    for (int i = top; i < k; i++)
        assess_pair_free(&list[i]);
    *n = k < top ? k : top;
    *out = list;
    if (k > 0)
        return MW_OK;
    /* no package anywhere: the nearest miss over the reachable employers,
     * else over the known ones */
    const Candidate *c = &m->candidates[ci];
    for (int pass = 0; pass < 2 && *miss_emp < 0; pass++)
        for (int e = 0; e < m->n_employers; e++) {
            PairReason r = pair_filter(m, ci, e, NULL, NULL);
            int eligible = pass == 0 ? (r == PAIR_OK || r == PAIR_NO_TASK) : intlist_has(&c->known_employers, e);
            if (!eligible)
                continue;
            NearestMiss nm;
            if (elastic_nearest_miss(m, ci, e, w, &nm))
                return MW_ENOMEM;
            if (nm.status == 0 && (*miss_emp < 0 || nm.violation < miss->violation - 1e-9)) {
                if (*miss_emp >= 0)
                    nearest_miss_free(miss);
                *miss = nm;
                *miss_emp = e;
            } else {
                nearest_miss_free(&nm);
            }
        }
    return MW_OK;
}
