/* region.h — the regional proposal (DESIGN §4.3): every candidate–employer
 * pair that passes the filters gets its standalone package; column
 * generation then prices new packages against the master problem's duals
 * (task work not promised twice, employer intake, supervision minutes, donor
 * jobs, one package per candidate), and the master is solved as a MIP over
 * the generated columns. Layer: solve. Knows nothing about files or output.
 * Deterministic: the same model and options give the same Region, whatever
 * the thread count.
 */
#ifndef MW_REGION_H
#define MW_REGION_H

#include "../core/weekly.h"
#include "carve.h"
#include "pairs.h"

typedef struct {
    int threads;          /* pair carving and pricing; 0 = the number of cores; 1 when
                             GLPK was built without thread-local storage */
    int max_iterations;   /* column-generation rounds; default 50 */
    double time_limit;    /* seconds for the whole regional solve; 0 = none */
    double budget;        /* subsidy budget (scenario), euro per year: the master row
                             Σ cost_hour[c]·hours_p·x_p ≤ budget; < 0 or cost_hour NULL = none */
    double master_time_limit; /* seconds for each master LP and for the integer master
                                 (capped by what is left of time_limit, but at least 1 s);
                                 default 60 */
    int master_pool_cols; /* a master with more columns than this when pricing starts
                             solves its LPs over a column pool (region.c: each candidate's
                             best column first, the others entering while they price
                             positive; same optimum); default 4000; < 0 = never */
    /* progress callback: called from the main thread with done/total of a
     * stage ("carving", "pricing N", "master"); may be NULL */
    void (*progress)(void *ctx, const char *stage, long done, long total);
    void *progress_ctx;
    /* scenarios (docs/scenarios.md) */
    const double *cost_hour;      /* [n_candidates] subsidy cost, euro per year per weekly hour of
                                     a package of c (the budget row); NULL = no budget row */
    const double *jobcoach_hours; /* [n_candidates] jobcoach hours per year a placement of c takes */
    double jobcoach_pool;         /* the row Σ jobcoach_hours[c]·x_p ≤ pool; < 0 or
                                     jobcoach_hours NULL = none */
    struct CarveCache *carve_cache;   /* standalone packages shared between solves; NULL = none */
    int top_pairs;        /* pair pruning (DESIGN §4.1): a candidate with more than this
                             many pairs that pass the filters has only the top_pairs best
                             by upper bound (prune.h) carved; 0 = carve every pair */
    int defer_pairs;      /* with top_pairs K > 6: carve the better half (ceil(K/2), at least 6) first,
                             and the others only when the duals of the master LP over
                             those show they can improve it (region.c, defer_stage);
                             default 1, 0 = carve all K at once */
    double pricing_gap;   /* column generation stops when its Lagrangian bound is within
                             this fraction of the master LP (lp_bound is then that bound,
                             still valid: Region.pricing_stop PRICING_STOP_GAP); default 0:
                             price until no column improves. `maatwerk run` and
                             `scenarios` use PRICING_GAP_CLI (--pricing-gap) */
    int shortlist_top;    /* the shortlists' length (proposal.h, top): a deferred pair whose
                             upper bound reaches its candidate's or its employer's
                             shortlist is carved, so that the shortlists are those of
                             carving all K; default 5, 0 = no shortlist */
    /* weekly runs: last week's proposal (--previous), or NULL. Its packages
     * get Weights.churn in the integer master (see region_solve). */
    const Previous *previous;
} RegionOptions;

/* The pricing gap of `maatwerk run` and `scenarios` (--pricing-gap): at M
 * (2,000 x 400) the last three of eleven rounds close the last 0.015% of
 * the bound; stopping after round 8 takes a fifth off the pricing stage
 * (runs side by side, README "A pricing gap"). */
#define PRICING_GAP_CLI 5e-4

/* Fills o with the defaults: threads 0, max_iterations 50, time_limit 0,
 * budget -1, master_time_limit 60, master_pool_cols 4000, no progress callback, no scenario rows
 * (jobcoach_pool -1), no carve cache, top_pairs 0 (no pruning; `maatwerk
 * run` uses prune_default_top), defer_pairs 1, pricing_gap 0, shortlist_top 5. */
void region_options_default(RegionOptions *o);

/* Why column generation stopped (Region.pricing_stop). */
typedef enum {
    PRICING_STOP_CONVERGED,   /* no column improved and every pricing MIP was proven */
    PRICING_STOP_UNPROVEN,    /* no column improved, but some pricing MIP was not proven
                                 (time limit, solver error, regional deadline) */
    PRICING_STOP_GAP,         /* the Lagrangian bound came within RegionOptions.pricing_gap
                                 of the master LP */
    PRICING_STOP_ITERATIONS,  /* RegionOptions.max_iterations rounds */
    PRICING_STOP_TIME_LIMIT,  /* the pricing share of RegionOptions.time_limit */
    PRICING_STOP_MASTER_LP,   /* a master LP gave no duals (time limit or GLPK failure) */
    PRICING_STOP_NO_COLUMNS   /* nothing to assign */
} PricingStop;

/* Its name in results.json (meta.solver.pricing_stop). */
const char *pricing_stop_name(PricingStop s);

/* A package column: candidate, employer, the package and its score. */
typedef struct {
    int pair;             /* index into Region.pairs */
    Package pk;           /* tasks with work covered, supervision, terms */
    double score;         /* pk's objective without prices + the pair terms (points) */
    int iteration;        /* 0 = the standalone package; k = priced in round k */
    /* weekly runs */
    int placement;        /* index into Model.placements of the current placement this column
                             keeps (fixed) or offers again (review), else -1 */
    double churn_bonus;   /* points added in the integer master only: the column is the
                             candidate's package of last week's proposal */
} Column;

/* One pair that passed the filters and has a standalone package. */
typedef struct {
    int cand, emp;
    double travel_min;
    double pair_terms;    /* travel + known employer + affinity + risk (riskflags_points of the
                             standalone package), points */
    int standalone;       /* its standalone column (index into Region.cols) */
} RegionPair;

typedef struct {
    int n_pairs, cap_pairs;
    RegionPair *pairs;    /* ordered by candidate index, then employer index; the pairs of
                             fixed placements (n_fixed) follow, in placement order */
    int n_cols, cap_cols;
    Column *cols;         /* standalone columns first (same order as pairs), then priced ones,
                             then review and last week's packages, then the fixed columns */
    int *chosen;          /* [n_candidates] column index in the proposal, or -1 */
    /* per candidate: how many employers failed each pair filter, and how
     * many passed the filters but have no package (infeasible/no task) */
    int (*reasons)[PAIR_REASONS];   /* [n_candidates] */
    int *no_package;                /* [n_candidates] */
    /* solver statistics */
    /* lp_bound bounds the best proposal that uses any packages of the pairs
     * in `pairs` (the pairs whose standalone carve failed are outside it;
     * they are counted in solver_errors / time_limits and no_package). When
     * converged it is the master LP value. Otherwise it is the best
     * Lagrangian bound over the rounds (and over the last master LP's
     * duals, which no round priced): Σ_{rows other than the candidate
     * rows} dual·rhs + Σ_c max(0, max over c's pairs of (bound on the priced
     * pair objective + pair_terms − intake dual)), which never exceeds the
     * textbook "master LP + Σ_c max(0, best reduced cost)". The pricing
     * MIP's own upper bound (Package.bound) is used when it solved
     * (optimal, or time limit with a package); for a pair that was not
     * priced (skipped, time limit without a package, solver error, regional
     * time limit) the bound is its standalone bound plus the largest vacancy
     * bonus (donor dual × R_j) of its employer (a pair is skipped, without
     * a MIP, when that bound shows no improving column): prices on work and
     * supervision are ≥ 0, so they can only lower the objective. The bound
     * is therefore always valid; with zero duals (master LP failed) it is
     * Σ_c max(0, best standalone bound + pair terms). */
    double lp_bound;      /* a valid upper bound on the best regional objective */
    int bound_is_lagrangian;   /* 1: pricing stopped before converging (pricing_stop); lp_bound
                                  is the Lagrangian bound */
    double master_lp;     /* the last master LP value */
    double objective;     /* the integer master's objective (Σ scores of chosen columns) */
    double gap;           /* (lp_bound − objective) / max(1, |lp_bound|) */
    int iterations;       /* pricing rounds done */
    int converged;        /* 1: no column improved, every pricing MIP proven optimal (or
                             skipped because its bound showed it could not improve) */
    PricingStop pricing_stop;   /* why the rounds ended (converged: PRICING_STOP_CONVERGED or,
                                   with no column, NO_COLUMNS) */
    int master_status;    /* 0 optimal; 1 time limit (feasible); 3 node limit (feasible, the
                             same on every machine); 4 dive (more than MASTER_BB_COLS
                             columns: the diving heuristic's proposal, no branch and
                             bound); 2 failed: the proposal is then the greedy one (best
                             score first while every row fits) */
    int threads;          /* threads used for carving and pricing (meta only) */
    long carve_solves, pricing_solves;
    int solver_errors, time_limits;   /* pair MIPs (carving and pricing) that failed or
                                         hit their limit */
    double seconds_carve, seconds_pricing, seconds_master;   /* wall time (meta only) */
    /* pruning: pairs that passed the filters but were not carved because
     * their candidate had more than top_pairs pairs with a better upper
     * bound. They have no column, and lp_bound (above) is a bound over the
     * retained pairs only. bound_all_pairs is valid over every pair, pruned
     * or not: each pruned pair enters the Lagrangian bound with its
     * prune_pair_bound + pair terms (+ vacancy bonus − intake dual); it
     * equals lp_bound when nothing was pruned, or when no pruned pair could
     * improve at the last duals. It is loose (the pruning bound is cheap). */
    int top_pairs;        /* the K in force (0 = none) */
    long pruned_pairs;    /* pairs not carved */
    int *pruned;          /* [n_candidates] pairs not carved, per candidate */
    /* of the top_pairs of a pruned candidate, ranks defer_first .. K-1
     * are deferred: carved only when they may enter a shortlist
     * (shortlist_top) or the duals of the master LP over the pairs carved
     * before them show that their pricing problem beats the candidate's
     * dual (region.c, defer_stage); the others stay pruned */
    long deferred_pairs;  /* deferred pairs considered */
    long deferred_carved; /* of them, carved (in carve_solves; the rest in pruned_pairs) */
    double bound_all_pairs;   /* a valid upper bound over every pair, pruned ones included */
    long pricing_cutoffs;     /* pricing solves stopped after the LP (CARVE_CUTOFF) */
    /* weekly runs: current placements without review enter as fixed columns
     * (after the priced ones, with their own pairs after the others): their
     * task work, intake and supervision are taken off the master's rows,
     * their candidates get no other column, and their scores are added to
     * objective, master_lp and lp_bound. */
    int n_fixed;          /* fixed columns */
    int n_review;         /* current packages of placements under review offered as a column */
    int n_previous;       /* candidates whose package of last week is among the columns */
} Region;

/* The churn bonus of a column that repeats last week's package: the
 * preset's churn, but at least MW_CHURN_TIE so that ties break towards last
 * week even with churn 0. */
#define MW_CHURN_TIE 1e-4

/* Builds the regional proposal. Returns MW_OK with *r filled (free with
 * region_free) or MW_ENOMEM (*r then holds nothing to free). o may be NULL
 * (the defaults). Solver trouble in one pair is contained and counted
 * (solver_errors); the batch goes on. The carving stage always runs to the
 * end (`maatwerk run` lowers top_pairs to fit a time limit: prune.h);
 * time_limit stops the pricing rounds at 80% of it (the bound is then
 * Lagrangian), leaving the rest to the integer master, and caps the master.
 * Worker threads free their GLPK environment when they end; the caller's
 * thread keeps its own. Not reentrant with mw_alloc_fail_at sweeps when
 * threads > 1 (the allocation counter is shared). */
int region_solve(const Model *m, const Weights *w, const RegionOptions *o, Region *r);
void region_free(Region *r);

/* Work covered of task t (model index) by column c, 0 if not in it. */
double column_work(const Column *c, int task);
/* Supervision minutes per week of column c. */
double column_supervision(const Column *c);

#endif
