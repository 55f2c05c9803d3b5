/* lp.h — the GLPK model-building helpers that carve.c and elastic.c share:
 * a triplet builder with rows and columns in 0-based terms (GLPK's 1-based
 * row1/col1 are made in one place, lp.c), the error-hook trap, the simplex
 * / branch-and-cut settings (no output, no presolve, a time limit) and the
 * per-task rows both carving formulations state alike. Layer: solve,
 * private to it. Knows nothing about files or output.
 */
#ifndef MW_LP_H
#define MW_LP_H

#include <glpk.h>
#include <setjmp.h>

#include "pair.h"

/* A problem under construction. Zero-initialise, then lp_open. Columns and
 * rows are numbered from 0; the triplets grow on demand, and an allocation
 * failure sets nomem (later additions are then ignored). */
typedef struct {
    glp_prob *lp;
    int n, cap;               /* triplets: ia/ja/ar[1..n], GLPK style */
    int *ia, *ja;
    double *ar;
    int nomem;
} LpBuilder;

/* Where lp_error_hook jumps to. Lives on the heap with the builder, so that
 * the state survives the longjmp with defined values. */
typedef struct {
    jmp_buf jump;
} LpTrap;

/* GLPK's index of our 0-based row or column. */
int lp_row1(int row);
int lp_col1(int col);

/* Installs lp_error_hook with trap (set by the caller's setjmp beforehand)
 * and creates b->lp. After the jump, the hook has freed the GLPK
 * environment and with it b->lp: call lp_trapped, then lp_close. */
void lp_open(LpBuilder *b, LpTrap *trap);
/* The error hook: frees the GLPK environment (the manual's advice) and
 * longjmps to the LpTrap given as info. */
void lp_error_hook(void *info);
/* Forgets b->lp after the jump (GLPK has already released it). */
void lp_trapped(LpBuilder *b);
/* Removes the error hook, deletes b->lp if any, frees the triplets. Safe on
 * a zeroed builder. */
void lp_close(LpBuilder *b);

/* Adds a column of kind GLP_CV/GLP_IV/GLP_BV with bounds lb..ub (ub
 * HUGE_VAL: none; binaries keep GLPK's 0..1) and objective coefficient obj.
 * Returns its 0-based index. */
int lp_add_col(LpBuilder *b, int kind, double lb, double ub, double obj);
/* Adds a row lb <= a·x <= ub (HUGE_VAL / -HUGE_VAL: no bound). Returns its
 * 0-based index. */
int lp_add_row(LpBuilder *b, double lb, double ub);
/* Sets the coefficient of column col in row row. A zero v or a missing
 * column (col < 0) adds nothing; on OOM sets b->nomem. */
void lp_coef(LpBuilder *b, int row, int col, double v);
/* Hands the triplets to GLPK. Returns MW_ENOMEM (and loads nothing) when an
 * addition failed, else MW_OK. */
int lp_load_matrix(LpBuilder *b);

/* The work rows of task pt (docs/carving-model.md) on its hours column h
 * and choice column y: π h = W y when indivisible, else π h ≤ W y and
 * π h ≥ m y. Returns the π h ≤ W y row (a binding limit), or -1. */
int lp_rows_work(LpBuilder *b, const PairTask *pt, int h, int y);
/* The vacancy-route rows of task pt on its hours column h and its job's
 * route column v (none when v < 0): π h ≥ W v when mandatory in the route,
 * π h ≤ W v when only the route may take it. */
void lp_rows_route(LpBuilder *b, const PairTask *pt, int h, int v);

/* glp_simplex / glp_intopt with no terminal output, no presolve and a time
 * limit of tm_lim milliseconds (glp_intopt also without the simple
 * rounding heuristic). Return GLPK's code. */
int lp_simplex(glp_prob *lp, int tm_lim);
/* lp_simplex with GLPK's method meth (GLP_PRIMAL, GLP_DUALP, GLP_DUAL). */
int lp_simplex_meth(glp_prob *lp, int tm_lim, int meth);
/* lp_simplex_meth from the basis lp holds (a warm start), and when GLPK
 * refuses it (it does not factorize) lp_simplex from the standard basis. */
int lp_simplex_warm(glp_prob *lp, int tm_lim, int meth);
int lp_intopt(glp_prob *lp, int tm_lim);
/* lp_intopt with an objective cutoff: x[1..n] is a point (not a solution:
 * GLPK's glp_ios_heur_sol checks no row) whose objective is the cutoff,
 * offered as the first incumbent, so that branch and bound prunes every
 * node that cannot beat the cutoff. When the MIP's value is still the
 * cutoff's, no solution beats it and the point is not a package. */
int lp_intopt_cutoff(glp_prob *lp, int tm_lim, const double *x);

#endif
