/* prune.h — pair pruning by an upper bound (DESIGN §4.1): a cheap bound on
 * the best package of a pair, computed from its PairData without any MIP or
 * LP, and the choice of the top K pairs of a candidate by that bound. Large
 * regions carve only those K pairs; the pruned pairs stay in the regional
 * bound through their upper bounds (region.h). Layer: solve (no GLPK here).
 * Knows nothing about files or output.
 */
#ifndef MW_PRUNE_H
#define MW_PRUNE_H

#include "pair.h"

/* The default K of `run --top-pairs` (chosen from bench/README.md's
 * measurements: the objective lost at S and M against no pruning), in force
 * only for regions of at least PRUNE_AUTO_CELLS candidate–employer
 * combinations: smaller regions (the casebook, the demo, S) carve every
 * pair, so their proposals do not change. */
#define PRUNE_DEFAULT_TOP 12
#define PRUNE_AUTO_CELLS 100000.0

/* A time limit bounds the carving too, which runs to its end once started:
 * K is lowered (never below PRUNE_MIN_TOP) until n_candidates × K pairs
 * fit PRUNE_CARVE_SHARE of the limit at PRUNE_PAIRS_PER_S pairs a second.
 * The rate is a fixed number, not a measurement of the machine, so the
 * same input and options give the same K (and output) anywhere; it is
 * about what 2 cores carve (bench/README.md: M about 1,100 pairs a second,
 * L about 760, its 13 million pairs through the filters all ranked first).
 * L with a limit of 300 s gets K = 6: carving took 157 s, and the proposal
 * was 8% better than with K = 4, which left more time to pricing. */
#define PRUNE_MIN_TOP 4
#define PRUNE_CARVE_SHARE 0.5
#define PRUNE_PAIRS_PER_S 800.0

/* The K for m when the user gave none: PRUNE_DEFAULT_TOP when
 * n_candidates × n_employers ≥ PRUNE_AUTO_CELLS, else 0 (no pruning);
 * with time_limit > 0 (seconds) at most what the carving can do in its
 * share of the limit (above), at least PRUNE_MIN_TOP. */
int prune_default_top(const Model *m, double time_limit);

/* An upper bound on the carving objective of p (docs/carving-model.md),
 * prices included when p has them: the optimum of the relaxation that keeps
 * only each task's hours cap (its work W_t/π_t and its day capacities), the
 * weekly hours cap (Hmax, and the Dmax largest day capacities), at least
 * max(1, nmin) tasks, and the concave hours terms (preference credit up to
 * Hpref, over-utilisation above θ·Hmax), solved exactly by filling hours in
 * the order of the per-hour rate. Never below the MIP optimum. A pair with
 * no task gives -HUGE_VAL. Pure; thread-safe. */
double prune_pair_bound(const PairData *p);

/* One candidate's pair, ranked by key (bound + pair terms). */
typedef struct {
    int emp;
    double key;
} PruneItem;

/* Orders items best first: key descending, ties by employer index
 * ascending (deterministic). */
void prune_sort(PruneItem *items, int n);

#endif
