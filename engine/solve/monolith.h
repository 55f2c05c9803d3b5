/* monolith.h — the monolithic regional MIP behind `maatwerk export-mip`
 * (DESIGN §7): every filtered pair's carving model switched on and off by a
 * selection column, tied by the master rows of DESIGN §4.3, written in CPLEX
 * LP format so that glpsol or cbc can check the column-generation result of
 * region.h. Layer: solve. Knows nothing about CSV, JSON or the command
 * line; names glp_prob but includes no GLPK header.
 */
#ifndef MW_MONOLITH_H
#define MW_MONOLITH_H

#include "pair.h"

/* Writes the monolithic MIP of the region m under weights w to path, in
 * CPLEX LP format (glp_write_lp), maximising the sum of the selected pairs'
 * objectives: per pair its carving objective (no column-generation prices)
 * plus the pair terms (travel, known employer, affinity, and the risk term
 * from the pair's standalone package when w->risk > 0, as region.c) on s_p.
 *
 * Pairs: every (candidate, employer), candidates in model order and
 * employers within each, that pair_filter passes with PAIR_OK and whose
 * pair_build has nt > 0. Current placements are not in the model (the
 * regional proposal of region.c does not fix them either).
 *
 * Names (letters, digits and '_' only: model indices, never ids, which may
 * hold characters LP names cannot): pair prefix c<cand>_e<emp>; columns
 * s_c3_e5 (selection), h_/y_c3_e5_t57 (hours and choice of model task 57),
 * x_c3_e5_t57_ma (day hours of a flexible task), w_c3_e5_ma, z_c3_e5_g0
 * (local group), v_c3_e5_j4 (vacancy route of model job 4), u_c3_e5,
 * o_c3_e5; the pair's rows c3_e5_<family>[_index]; linking rows cand_c3,
 * task_t57, intake_e5, sup_e5, donor_j4; objective "score".
 *
 * Returns MW_OK (*n_pairs, when not NULL, receives the number of pairs);
 * MW_EIO when the file cannot be created, written or renamed into place
 * (the message in err names path); MW_ENOMEM; MW_ESOLVER when GLPK faulted
 * while the problem was built (contained by the error hook; the thread's
 * GLPK environment is then freed). The file is written to a temporary file
 * (mode 0600) in path's directory and renamed over path only on success:
 * on any failure path is untouched and no temporary file is left behind.
 * GLPK's terminal output is off while it writes and restored after.
 * Not reentrant with mw_alloc_fail_at sweeps in other threads. */
int monolith_write_lp(const Model *m, const Weights *w, const char *path, MwErrors *err, int *n_pairs);

/* ---- the pair model inside a shared problem (implemented in carve.c) ----
 * The one pair formulation of carve.c, reused: build() with a selection
 * column. Used by monolith.c; declared here so that carve.h stays free of
 * GLPK types. */

struct glp_prob;

/* The columns (0-based, as lp.h numbers them) of one pair added by
 * carve_add_pair, for the linking rows. The supervision the pair uses is
 * p->need · Σ_d w_d + Σ_t p->t[t].sigma · h_t (minutes per week); the work
 * it covers of task t is p->t[t].pi · h_t. */
typedef struct {
    int s;                /* the selection column s_p ∈ {0,1} */
    int nt, nj;           /* p->nt, p->nj */
    int *h;               /* [nt] hours column of each task, PairData order */
    int w[MW_DAYS];       /* working-day columns w_d, -1 when d cannot be worked */
    int *v;               /* [nj] vacancy-route columns v_j, -1 without a route */
    int ndel;             /* rows left without entries that hold at 0 (a one-vacancy */
    int *del;             /* row without routes, ...): del[1..ndel], 1-based GLPK rows, for
                             the caller to delete once after the last pair (glp_del_rows
                             is linear in the problem's size: one call per pair would
                             make a region quadratic) */
    void *scratch;        /* private to carve.c: what carve_add_pair holds while it runs */
} PairCols;

/* Adds pair p's carving model to lp (rows and columns appended after those
 * already there; the objective direction is set to maximise) with a
 * selection column s_p: every row whose right-hand side would not vanish
 * with nothing chosen is made homogeneous in s_p (Hmin·s ≤ Σh ≤ Hmax·s,
 * max(1,nmin)·s ≤ Σy ≤ nmax·s, u ≤ Hpref·s, o ≥ Σh − θ·Hmax·s), y_t, w_d
 * and v_j are each ≤ s, and the objective constant w_group and `terms` (the
 * pair terms, points) are the objective coefficient of s. Rows and columns
 * are named with prefix `name` (see monolith_write_lp; at most 40
 * characters). Call with an lp_open error hook in place: a GLPK fault
 * longjmps to the caller's trap, and the caller then frees *out with
 * pair_cols_free. Returns MW_OK with *out filled, or MW_ENOMEM (lp then
 * holds part of the pair: discard it). */
int carve_add_pair(struct glp_prob *lp, const PairData *p, const char *name, double terms, PairCols *out);
/* Frees what *pc holds (also after a fault in carve_add_pair) and zeroes
 * it. Accepts a zeroed PairCols. */
void pair_cols_free(PairCols *pc);

#endif
