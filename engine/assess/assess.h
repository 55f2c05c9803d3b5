/* assess.h — assessing one candidate–employer pair for a bemiddelaar: the
 * pair filters, the carved package, the score broken down per term
 * (objective terms plus the pair terms travel, known employer, affinity),
 * binding limits with marginal values, signaleringen (things to watch in the
 * trial placement), data coverage, and for a pair without a package the
 * nearest miss. Layer: assess; uses solve, knows nothing about output.
 */
#ifndef MW_ASSESS_H
#define MW_ASSESS_H

#include "../solve/carve.h"
#include "../solve/elastic.h"
#include "../solve/pairs.h"
#include "../solve/signals.h"
#include "../core/costs.h"

typedef struct {
    int cand, emp;
    PairReason reason;
    int task_reasons[FIT_COUNT];
    int feasible_tasks;
    double travel_min;
    Package pk;            /* pk.status CARVE_NO_TASKS when the pair filters stopped it */
    int has_package;
    double score;          /* objective + pair terms, when has_package */
    double t_travel, t_known, t_affinity;
    Binding *bind;
    int nbind;
    Signal *sig;
    int nsig;
    int loaded_dims, unknown_dims;
    double coverage;       /* (loaded − unknown) / loaded; 1 when nothing is loaded */
    int has_miss;
    NearestMiss miss;
    /* issue 5, when has_package: the money, the durability flags and risk
     * of this package, and the objective's risk term (a pair term, in
     * score): w.risk × p_durable of the pair's standalone package
     * (riskflags.h); for a proposal column assessed with assess_column the
     * standalone package's, so that score equals the column's score */
    MatchCost cost;
    RiskFlags flags;
    RiskResult risk;
    double t_risk;
    double levy_avoided;   /* quota levy the employer avoids per year (costs_levy_avoided) */
} PairAssessment;

/* Assesses candidate c at employer e. With want_miss, a pair without a
 * package (for a reason the candidate's limits could change) also gets its
 * nearest miss. Returns MW_OK or MW_ENOMEM; free with assess_pair_free. */
int assess_pair(const Model *m, int c, int e, const Weights *w, int want_miss, PairAssessment *out);
void assess_pair_free(PairAssessment *a);

/* Assesses candidate c at employer e with a given package (a column of the
 * regional proposal) instead of the standalone one: a copy of pk, its score
 * (the package's terms plus the pair terms), binding limits, signaleringen
 * and coverage. MW_OK or MW_ENOMEM; free with assess_pair_free. */
int assess_package(const Model *m, int c, int e, const Weights *w, const Package *pk, PairAssessment *out);

/* As assess_package, but the objective's risk term (t_risk, in score) is
 * taken from package standalone (the pair's standalone column, as region.c
 * scores every column of the pair), while cost, flags and risk describe pk.
 * standalone NULL = pk. MW_OK or MW_ENOMEM; free with assess_pair_free. */
int assess_column(const Model *m, int c, int e, const Weights *w, const Package *pk, const Package *standalone,
                  PairAssessment *out);

/* Assesses candidate c at every employer. *out receives the pairs with a
 * package, best score first (ties by employer id), at most top of them;
 * reasons[r] counts the employers per pair reason, and no_package counts
 * pairs that passed the filters but have no package (infeasible). When no
 * pair has a package, *miss receives the nearest miss over the employers
 * that passed the pair filters (or, failing that, the candidate's known
 * employers): the one with the smallest violation, ties by employer id,
 * and *miss_emp its employer (-1 when none). Free *out with
 * assess_list_free. MW_OK or MW_ENOMEM. */
int assess_candidate(const Model *m, int c, const Weights *w, int top, PairAssessment **out, int *n,
                     int reasons[PAIR_REASONS], int *no_package, NearestMiss *miss, int *miss_emp);
void assess_list_free(PairAssessment *list, int n);

#endif
