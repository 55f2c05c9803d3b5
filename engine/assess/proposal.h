/* proposal.h — the assessed regional proposal: the matches of the region's
 * integer master with their assessment (score terms, binding limits,
 * signaleringen, coverage), shortlists per candidate and per employer
 * (DESIGN §4.4), unmatched candidates with rejection counts and their
 * nearest miss, employer usage (carved and remaining hours per job,
 * supervision used) and the summary. Layer: assess (uses solve); the output
 * layer writes it. Deterministic: ties break by id.
 */
#ifndef MW_PROPOSAL_H
#define MW_PROPOSAL_H

#include "../solve/region.h"
#include "assess.h"
#include "fairness.h"

typedef struct {
    int cand, emp;
    int col;              /* the pair's standalone column (Region.cols) */
    double score;         /* standalone score, points */
    int in_proposal;      /* 1 when this pair is the candidate's match in the proposal */
} ShortEntry;

/* A match of the proposal. Its money (a.cost: wage cost, LKS,
 * begeleidingsvergoeding, net cost, job units, income against the benefit)
 * and durability (a.flags, a.risk: per moment the probability of job loss,
 * p_durable) describe the chosen package; a.t_risk is the objective's risk
 * term, from the pair's standalone package as region.c scores it. */
typedef struct {
    int cand;
    int col;              /* the chosen column (Region.cols) */
    PairAssessment a;     /* assessment of the chosen column's package (a.pk is a copy) */
} Match;

typedef struct {
    int cand;
    int reasons[PAIR_REASONS];   /* employers per pair-filter reason */
    int no_package;              /* passed the filters, no package */
    int displaced;               /* had a standalone package but the proposal gave it to others */
    int has_miss;
    NearestMiss miss;            /* when no pair has a package: the nearest miss */
    int miss_emp;                /* its employer, or -1 */
} Unmatched;

typedef struct {
    double carved_work;   /* per job: work carved by the proposal (standard hours/week) */
    double remaining;     /* hours_week − carved_work */
    int vacancy_filled;
} JobUse;

typedef struct {
    int placements;
    double supervision_used, supervision_capacity;   /* minutes per week */
} EmployerUse;

typedef struct {
    int candidates, placements, unmatched;
    double hours;             /* candidate hours per week over all matches */
    double work;              /* work covered per week */
    double job_units;         /* banenafspraak job units: hours / policy.job_unit_hours */
    double mean_coverage;
    int low_coverage;         /* matches with coverage below MW_LOW_COVERAGE */
    int signaleringen;
    /* issue 5: Σ over matches; money in euro per year (costs.h) */
    double expected_durable;  /* Σ p_durable: expected durable placements */
    double wage_cost, lks, begeleiding;
    double subsidy_cost;      /* lks + begeleiding: what the gemeente pays */
    double employer_net_cost; /* wage_cost − subsidy_cost */
} Summary;

typedef struct {
    const Model *m;
    const Weights *w;
    const Region *r;
    int top;                  /* shortlist length */
    int n_matches;
    Match *matches;           /* in candidate order */
    int n_unmatched;
    Unmatched *unmatched;     /* in candidate order */
    int *cand_short_first, *cand_short_n;   /* [n_candidates] into cand_short */
    ShortEntry *cand_short;   /* per candidate, best score first, ties by employer id */
    int *emp_short_first, *emp_short_n;     /* [n_employers] into emp_short */
    ShortEntry *emp_short;    /* per employer, best score first, ties by candidate id */
    JobUse *jobs;             /* [n_jobs] */
    EmployerUse *employers;   /* [n_employers] */
    Summary summary;
    Fairness fairness;        /* placement rates per group (fairness.h) */
} Proposal;

/* Assesses region r of model m: matches, shortlists (top per candidate and
 * per employer), unmatched with nearest misses (want_miss), usage and
 * summary. MW_OK or MW_ENOMEM; free with proposal_free. The Proposal points
 * into m, w and r, which must outlive it. */
int proposal_build(const Model *m, const Weights *w, const Region *r, int top, int want_miss, Proposal *out);
void proposal_free(Proposal *p);

#endif
