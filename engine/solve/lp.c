/* lp.c — the shared GLPK model-building helpers (see lp.h): triplets in
 * 0-based terms converted to GLPK's 1-based indices here only, the error
 * hook that turns a GLPK fault into a longjmp, the solver settings, and the
 * work and vacancy-route rows of a task. Layer: solve. Knows nothing about
 * files or output.
 */
#include "lp.h"

#include "carve.h"

#include <math.h>

#include "../core/mw.h"

int lp_row1(int row) { return row + 1; }
int lp_col1(int col) { return col + 1; }

void lp_error_hook(void *info)
{
    LpTrap *trap = info;
    glp_free_env();          /* the manual's advice: free the environment, then leave */
    longjmp(trap->jump, 1);
}

void lp_open(LpBuilder *b, LpTrap *trap)
{
    glp_error_hook(lp_error_hook, trap);
    b->lp = glp_create_prob();
}

void lp_trapped(LpBuilder *b)
{
    b->lp = NULL;            /* glp_free_env in the hook released it with the rest */
}

void lp_close(LpBuilder *b)
{
    glp_error_hook(NULL, NULL);
    if (b->lp)
        glp_delete_prob(b->lp);
    b->lp = NULL;
    mw_free(b->ia);
    mw_free(b->ja);
    mw_free(b->ar);
    b->ia = b->ja = NULL;
    b->ar = NULL;
    b->n = b->cap = 0;
}

int lp_add_col(LpBuilder *b, int kind, double lb, double ub, double obj)
{
    int col1 = glp_add_cols(b->lp, 1);
    int type = ub >= HUGE_VAL ? GLP_LO : lb == ub ? GLP_FX : GLP_DB;
    glp_set_col_kind(b->lp, col1, kind);
    if (kind != GLP_BV)
        glp_set_col_bnds(b->lp, col1, type, lb, ub);
    glp_set_obj_coef(b->lp, col1, obj);
    return col1 - 1;
}

int lp_add_row(LpBuilder *b, double lb, double ub)
{
    int row1 = glp_add_rows(b->lp, 1);
    int type = lb <= -HUGE_VAL ? (ub >= HUGE_VAL ? GLP_FR : GLP_UP)
             : ub >= HUGE_VAL ? GLP_LO : lb == ub ? GLP_FX : GLP_DB;
    glp_set_row_bnds(b->lp, row1, type, lb, ub);
    return row1 - 1;
}

void lp_coef(LpBuilder *b, int row, int col, double v)
{
    if (v == 0 || col < 0 || b->nomem)
        return;
    if (b->n + 2 > b->cap) {
        int cap = b->cap ? b->cap * 2 : 256;
        int *ia = mw_realloc(b->ia, sizeof(int) * (size_t)cap);
        if (ia)
            b->ia = ia;
        int *ja = mw_realloc(b->ja, sizeof(int) * (size_t)cap);
        if (ja)
            b->ja = ja;
        double *ar = mw_realloc(b->ar, sizeof(double) * (size_t)cap);
        if (ar)
            b->ar = ar;
        if (!ia || !ja || !ar) {
            b->nomem = 1;
            return;
        }
        b->cap = cap;
    }
    b->n++;                 /* GLPK's triplet arrays start at 1 */
    b->ia[b->n] = lp_row1(row);
    b->ja[b->n] = lp_col1(col);
    b->ar[b->n] = v;
}

int lp_load_matrix(LpBuilder *b)
{
    if (b->nomem)
        return MW_ENOMEM;
    glp_load_matrix(b->lp, b->n, b->ia, b->ja, b->ar);
    return MW_OK;
}

int lp_rows_work(LpBuilder *b, const PairTask *pt, int h, int y)
{
    if (pt->indivisible) {                          /* π h = W y */
        int r = lp_add_row(b, 0, 0);
        lp_coef(b, r, h, pt->pi);
        lp_coef(b, r, y, -pt->W);
        return -1;
    }
    int work = lp_add_row(b, -HUGE_VAL, 0);         /* π h ≤ W y */
    lp_coef(b, work, h, pt->pi);
    lp_coef(b, work, y, -pt->W);
    int r = lp_add_row(b, 0, HUGE_VAL);             /* π h ≥ m y */
    lp_coef(b, r, h, pt->pi);
    lp_coef(b, r, y, -pt->m);
    return work;
}

void lp_rows_route(LpBuilder *b, const PairTask *pt, int h, int v)
{
    if (v < 0)
        return;
    if (pt->mandatory) {                            /* π h ≥ W v */
        int r = lp_add_row(b, 0, HUGE_VAL);
        lp_coef(b, r, h, pt->pi);
        lp_coef(b, r, v, -pt->W);
    }
    if (pt->vacancy_only) {                         /* π h ≤ W v */
        int r = lp_add_row(b, -HUGE_VAL, 0);
        lp_coef(b, r, h, pt->pi);
        lp_coef(b, r, v, -pt->W);
    }
}

int lp_simplex(glp_prob *lp, int tm_lim)
{
    return lp_simplex_meth(lp, tm_lim, GLP_PRIMAL);
}

int lp_simplex_meth(glp_prob *lp, int tm_lim, int meth)
{
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    smcp.presolve = GLP_OFF;
    smcp.meth = meth;
    smcp.tm_lim = tm_lim;
    return glp_simplex(lp, &smcp);
}

int lp_simplex_warm(glp_prob *lp, int tm_lim, int meth)
{
    int ret = lp_simplex_meth(lp, tm_lim, meth);
    if (ret != 0 && ret != GLP_ETMLIM) {
        glp_std_basis(lp);
        ret = lp_simplex(lp, tm_lim);
    }
    return ret;
}

int lp_intopt(glp_prob *lp, int tm_lim)
{
    return lp_intopt_cutoff(lp, tm_lim, NULL);
}

/* Offers the cutoff point as the first incumbent, once. */
static void cutoff_callback(glp_tree *tree, void *info)
{
    const double **x = info;
    if (*x && glp_ios_reason(tree) == GLP_IHEUR) {
        glp_ios_heur_sol(tree, *x);
        *x = NULL;
    }
}

int lp_intopt_cutoff(glp_prob *lp, int tm_lim, const double *x)
{
    glp_iocp iocp;
    glp_init_iocp(&iocp);
    iocp.msg_lev = GLP_MSG_OFF;
    iocp.presolve = GLP_OFF;
    /* GLPK's simple rounding heuristic runs at every node, but it changed
     * nothing in the pair MIPs: without it S3 and M solve the same number
     * of nodes to the same packages (byte-identical results.json), with
     * about 1% less CPU time at M (two runs side by side) */
    iocp.sr_heur = GLP_OFF;
    iocp.tm_lim = tm_lim;
    if (x) {
        iocp.cb_func = cutoff_callback;
        iocp.cb_info = &x;
    }
    return glp_intopt(lp, &iocp);
}

const char *lp_glpk_version(void)
{
    return glp_version();
}
