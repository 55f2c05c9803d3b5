/* monolith.c — the monolithic regional MIP of `maatwerk export-mip`: every
 * pair's carving model (carve.c's one formulation, with a selection column)
 * and the master rows of DESIGN §4.3 stated on the pair variables, written
 * in CPLEX LP format to a temporary file and renamed into place. Layer:
 * solve. Knows nothing about CSV, JSON or the command line; solves nothing.
 */
#include "monolith.h"

#include <errno.h>
#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixed.h"
#include "lp.h"
#include "pairs.h"
#include "riskflags.h"

/* One pair of the region: its numbers and where its columns went. */
typedef struct {
    PairData *p;
    PairCols cols;
    double risk;              /* the risk term (points), as region.c scores the pair */
} MonoPair;

/* Everything the export holds, on the heap so that it survives the
 * longjmp of the error hook with defined values. */
typedef struct {
    LpTrap trap;
    LpBuilder lb;             /* the problem and the hook; its triplets stay unused */
    int n, cap;
    MonoPair *pairs;          /* by candidate, then employer */
    int *by_emp;              /* [n] pair indices by employer, then candidate */
    int *emp_start;           /* [n_employers + 1] each employer's range in by_emp */
    int len;                  /* entries of the linking row being made */
    int *ind;                 /* [1..len] GLPK column indices */
    double *val;              /* [1..len] */
    char *tmp;                /* the temporary file, until renamed */
    int term;                 /* GLPK's terminal output before glp_write_lp */
    FixedRegion fx;           /* current placements: fixed, as in region.c */
} Mono;

/* Records a message about path in err (err may be NULL). */
static void fail(MwErrors *err, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void fail(MwErrors *err, const char *path, const char *fmt, ...)
{
    if (!err)
        return;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    mw_error_add(err, path, 0, "", "", "%s", msg);
}

static void mono_free(Mono *mo)
{
    if (!mo)
        return;
    for (int k = 0; k < mo->n; k++) {
        pair_free(mo->pairs[k].p);
        pair_cols_free(&mo->pairs[k].cols);
    }
    lp_close(&mo->lb);
    mw_free(mo->pairs);
    mw_free(mo->by_emp);
    mw_free(mo->emp_start);
    mw_free(mo->ind);
    mw_free(mo->val);
    fixed_region_free(&mo->fx);
    if (mo->tmp) {
        unlink(mo->tmp);
        mw_free(mo->tmp);
    }
    mw_free(mo);
}

/* The pair terms of DESIGN §4.2, as region.c adds them to a column's score. */
static double pair_terms(const Model *m, const Weights *w, int ci, int ei)
{
    const Candidate *c = &m->candidates[ci];
    const Employer *e = &m->employers[ei];
    return -w->travel * travel_minutes(c, e) + (intlist_has(&c->known_employers, ei) ? w->known : 0) +
           w->affinity * e->affinity;
}

/* Builds the PairData of every pair that enters, in candidate then
 * employer order, and the per-employer index. MW_OK or MW_ENOMEM. */
static int collect_pairs(Mono *mo, const Model *m, const Weights *w)
{
    if (fixed_region(m, w, &mo->fx))
        return MW_ENOMEM;
    for (int ci = 0; ci < m->n_candidates; ci++)
        for (int ei = 0; ei < m->n_employers; ei++) {
            if (mo->fx.skip[ci] || pair_filter(m, ci, ei, NULL, NULL) != PAIR_OK)
                continue;
            PairData *p = pair_build(m, ci, ei, w);
            if (!p)
                return MW_ENOMEM;
            if (p->nt == 0) {
                pair_free(p);
                continue;
            }
            if (mw_grow((void **)&mo->pairs, &mo->cap, mo->n + 1, sizeof *mo->pairs)) {
                pair_free(p);
                return MW_ENOMEM;
            }
            memset(&mo->pairs[mo->n], 0, sizeof mo->pairs[mo->n]);
            mo->pairs[mo->n++].p = p;
            if (w->risk != 0) {
                /* region.c takes the risk term from the standalone package */
                Package pk;
                if (carve_solve(p, &pk))
                    return MW_ENOMEM;
                if (pk.n > 0)
                    mo->pairs[mo->n - 1].risk = riskflags_points(m, w, ci, ei, &pk,
                                                                 travel_minutes(&m->candidates[ci], &m->employers[ei]));
                package_free(&pk);
            }
        }
    mo->by_emp = mw_calloc((size_t)mo->n + 1, sizeof(int));
    mo->emp_start = mw_calloc((size_t)m->n_employers + 2, sizeof(int));
    if (!mo->by_emp || !mo->emp_start)
        return MW_ENOMEM;
    for (int k = 0; k < mo->n; k++)
        mo->emp_start[mo->pairs[k].p->emp + 1]++;
    for (int e = 0; e < m->n_employers; e++)
        mo->emp_start[e + 1] += mo->emp_start[e];
    int *next = mw_calloc((size_t)m->n_employers + 1, sizeof(int));
    if (!next)
        return MW_ENOMEM;
    memcpy(next, mo->emp_start, sizeof(int) * (size_t)m->n_employers);
    for (int k = 0; k < mo->n; k++)         /* stable: candidates stay in order */
        mo->by_emp[next[mo->pairs[k].p->emp]++] = k;
    mw_free(next);
    return MW_OK;
}

/* Adds col·v to the linking row being made (nothing for v == 0 or no column). */
static void link_coef(Mono *mo, int col, double v)
{
    if (v == 0 || col < 0)
        return;
    mo->len++;               /* GLPK's row arrays start at 1 */
    mo->ind[mo->len] = lp_col1(col);
    mo->val[mo->len] = v;
}

/* Adds the linking row made so far as name: Σ ≤ ub − used (what the fixed
 * current placements take, never below 0); a row without entries is left
 * out. Starts the next row. */
static void link_row(Mono *mo, double ub, double used, const char *fmt, int index)
{
    ub = ub - used > 0 ? ub - used : 0;
    if (mo->len > 0) {
        char name[64];
        snprintf(name, sizeof name, fmt, index);
        int r = lp_add_row(&mo->lb, -HUGE_VAL, ub);
        glp_set_row_name(mo->lb.lp, lp_row1(r), name);
        glp_set_mat_row(mo->lb.lp, lp_row1(r), mo->len, mo->ind, mo->val);
    }
    mo->len = 0;
}

/* The local index of model task ti in p, or -1. */
static int local_task(const PairData *p, int ti)
{
    for (int t = 0; t < p->nt; t++)
        if (p->t[t].task == ti)
            return t;
    return -1;
}

/* The master rows of DESIGN §4.3 on the pair variables. */
static void link_rows(Mono *mo, const Model *m)
{
    /* each candidate at most one package: Σ_e s_ce ≤ 1 */
    for (int k = 0; k < mo->n; k++) {
        link_coef(mo, mo->pairs[k].cols.s, 1);
        if (k + 1 == mo->n || mo->pairs[k + 1].p->cand != mo->pairs[k].p->cand)
            link_row(mo, 1, 0, "cand_c%d", mo->pairs[k].p->cand);
    }
    /* task work not promised twice: Σ_p π_pt h_pt ≤ W_t */
    for (int e = 0; e < m->n_employers; e++)
        for (int q = 0; q < m->employers[e].tasks.n; q++) {
            int ti = m->employers[e].tasks.items[q];
            for (int i = mo->emp_start[e]; i < mo->emp_start[e + 1]; i++) {
                const MonoPair *mp = &mo->pairs[mo->by_emp[i]];
                int t = local_task(mp->p, ti);
                if (t >= 0)
                    link_coef(mo, mp->cols.h[t], mp->p->t[t].pi);
            }
            link_row(mo, m->tasks[ti].hours_week, mo->fx.task[ti], "task_t%d", ti);
        }
    /* employer intake and supervision minutes per week */
    for (int e = 0; e < m->n_employers; e++) {
        const Employer *em = &m->employers[e];
        for (int i = mo->emp_start[e]; i < mo->emp_start[e + 1]; i++)
            link_coef(mo, mo->pairs[mo->by_emp[i]].cols.s, 1);
        link_row(mo, em->max_new_placements, mo->fx.intake[e], "intake_e%d", e);
        for (int i = mo->emp_start[e]; i < mo->emp_start[e + 1]; i++) {
            const MonoPair *mp = &mo->pairs[mo->by_emp[i]];
            for (int d = 0; d < MW_DAYS; d++)
                link_coef(mo, mp->cols.w[d], mp->p->need);
            for (int t = 0; t < mp->p->nt; t++)
                link_coef(mo, mp->cols.h[t], mp->p->t[t].sigma);
        }
        link_row(mo, em->supervision_min_day * em->working_days, mo->fx.sup[e], "sup_e%d", e);
    }
    /* donor jobs: Σ_p Σ_{t∈j} π_pt h_pt − R_j Σ_p v_pj ≤ W_j − R_j */
    for (int e = 0; e < m->n_employers; e++)
        for (int q = 0; q < m->employers[e].jobs.n; q++) {
            int j = m->employers[e].jobs.items[q];
            const Job *jb = &m->jobs[j];
            if (jb->min_residual_hours <= 0)
                continue;
            for (int i = mo->emp_start[e]; i < mo->emp_start[e + 1]; i++) {
                const MonoPair *mp = &mo->pairs[mo->by_emp[i]];
                const PairData *p = mp->p;
                for (int t = 0; t < p->nt; t++)
                    if (p->j[p->t[t].job].job == j)
                        link_coef(mo, mp->cols.h[t], p->t[t].pi);
                for (int jl = 0; jl < p->nj; jl++)
                    if (p->j[jl].job == j)
                        link_coef(mo, mp->cols.v[jl], -jb->min_residual_hours);
            }
            link_row(mo, jb->hours_week - jb->min_residual_hours, mo->fx.donor[j], "donor_j%d", j);
        }
}

/* Creates the temporary file beside path (mode 0600), closed again:
 * glp_write_lp opens it by name and keeps its mode. */
static int temp_create(Mono *mo, const char *path, MwErrors *err)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    size_t n = dirlen + strlen(base) + 16;
    char *tmp = mw_malloc(n);
    if (!tmp)
        return MW_ENOMEM;
    snprintf(tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fail(err, path, "cannot create a temporary file beside it: %s", strerror(errno));
        mw_free(tmp);
        return MW_EIO;
    }
    mo->tmp = tmp;
    if (fchmod(fd, 0600) != 0 || close(fd) != 0) {
        fail(err, path, "cannot prepare the temporary file: %s", strerror(errno));
        return MW_EIO;
    }
    return MW_OK;
}

/* Deletes every pair's empty rows in one glp_del_rows (the rows after them
 * move up; the pairs' columns stay where they are). MW_OK or MW_ENOMEM. */
static int delete_empty_rows(Mono *mo)
{
    long n = 0;
    for (int k = 0; k < mo->n; k++)
        n += mo->pairs[k].cols.ndel;
    if (n == 0)
        return MW_OK;
    if (n > INT_MAX - 1)
        return MW_ENOMEM;
    int *del = mw_malloc(sizeof(int) * (size_t)(n + 1));
    if (!del)
        return MW_ENOMEM;
    int at = 0;
    for (int k = 0; k < mo->n; k++) {
        PairCols *pc = &mo->pairs[k].cols;
        for (int i = 1; i <= pc->ndel; i++)
            del[++at] = pc->del[i];
        mw_free(pc->del);
        pc->del = NULL;
        pc->ndel = 0;
    }
    glp_del_rows(mo->lb.lp, at, del);
    mw_free(del);
    return MW_OK;
}

/* Builds the problem into mo->lb.lp. MW_OK or MW_ENOMEM. */
static int build_region(Mono *mo, const Model *m, const Weights *w)
{
    glp_prob *lp = mo->lb.lp;
    glp_set_prob_name(lp, "maatwerk_region");
    glp_set_obj_name(lp, "score");
    glp_set_obj_dir(lp, GLP_MAX);
    for (int k = 0; k < mo->n; k++) {
        const PairData *p = mo->pairs[k].p;
        char name[48];
        snprintf(name, sizeof name, "c%d_e%d", p->cand, p->emp);
        int st = carve_add_pair(lp, p, name, pair_terms(m, w, p->cand, p->emp) + mo->pairs[k].risk,
                                 &mo->pairs[k].cols);
        if (st != MW_OK)
            return st;
    }
    if (delete_empty_rows(mo) != MW_OK)
        return MW_ENOMEM;
    /* the fixed placements' scores, a constant of the objective */
    double fixed = 0;
    for (int i = 0; i < mo->fx.n; i++) {
        const ScoreTerms *t = &mo->fx.pk[i].terms;
        if (mo->fx.pk[i].n)
        {
            int c = m->placements[i].candidate, e = m->placements[i].employer;
            fixed += t->value + t->pref + t->skill + t->hours + t->task + t->group + t->sup + t->over +
                     pair_terms(m, w, c, e) +
                     riskflags_points(m, w, c, e, &mo->fx.pk[i], travel_minutes(&m->candidates[c], &m->employers[e]));
        }
    }
    /* a column fixed at 1 carries it: the LP format has no objective constant */
    if (fixed != 0) {
        int col = lp_add_col(&mo->lb, GLP_CV, 1, 1, fixed);
        glp_set_col_name(lp, lp_col1(col), "fixed_placements");
    }
    int ncols = glp_get_num_cols(lp);
    mo->ind = mw_calloc((size_t)ncols + 1, sizeof(int));
    mo->val = mw_calloc((size_t)ncols + 1, sizeof(double));
    if (!mo->ind || !mo->val)
        return MW_ENOMEM;
    link_rows(mo, m);
    return MW_OK;
}

int monolith_write_lp(const Model *m, const Weights *w, const char *path, MwErrors *err, int *n_pairs)
{
    if (n_pairs)
        *n_pairs = 0;
    Mono *mo = mw_calloc(1, sizeof *mo);
    if (!mo)
        return MW_ENOMEM;
    int st = temp_create(mo, path, err);
    if (st == MW_OK)
        st = collect_pairs(mo, m, w);
    if (st != MW_OK) {
        mono_free(mo);
        return st;
    }
    mo->term = GLP_ON;
    if (setjmp(mo->trap.jump)) {
        lp_trapped(&mo->lb);
        glp_term_out(mo->term);
        fail(err, path, "GLPK failed while building the regional problem");
        st = MW_ESOLVER;
    } else {
        lp_open(&mo->lb, &mo->trap);
        st = build_region(mo, m, w);
        if (st == MW_OK) {
            mo->term = glp_term_out(GLP_OFF);
            errno = 0;
            int rc = glp_write_lp(mo->lb.lp, NULL, mo->tmp);
            int e = errno;
            glp_term_out(mo->term);
            if (rc != 0) {
                fail(err, path, "cannot write the LP file%s%s", e ? ": " : "", e ? strerror(e) : "");
                st = MW_EIO;
            }
        }
    }
    if (st == MW_OK) {
        if (rename(mo->tmp, path) != 0) {
            fail(err, path, "cannot rename the temporary file into place: %s",
                         strerror(errno));
            st = MW_EIO;
        } else {
            mw_free(mo->tmp);
            mo->tmp = NULL;
            if (n_pairs)
                *n_pairs = mo->n;
        }
    }
    mono_free(mo);
    return st;
}
