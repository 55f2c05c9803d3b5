/* carve.c — the carving MIP of docs/carving-model.md through the GLPK C
 * API: build, solve (LP relaxation, then branch and cut, each with a time
 * limit and no terminal output), read the package back and lay out a weekly
 * schedule; the same build, with a selection column, adds a pair to the
 * regional MIP of monolith.c (carve_add_pair). A GLPK fault is caught by
 * the error hook of lp.c and reported as CARVE_SOLVER_ERROR. Layer: solve.
 * Knows nothing about files or output.
 */
#include "carve.h"

#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lp.h"
#include "monolith.h"

const char *const carve_status_names[6] = {"optimal", "time_limit", "infeasible", "no_tasks",
                                           "solver_error", "cutoff"};

/* ---- building: rows and columns in 0-based terms, converted once ---------- */

/* What a row of the model stands for, for the binding limits. */
typedef struct {
    int row;
    BindKind kind;
    int i, d;              /* local task/job/dimension index and day, or -1 */
} RowTag;

/* A pair inside a regional problem (carve_add_pair): its selection
 * column, the pair terms on it and the prefix of its names. */
typedef struct {
    double terms;          /* pair terms, points, on s */
    char prefix[48];       /* "c3_e5" */
} Select;

/* The shared builder (lp.h) and, beside it, the tags of the rows that can
 * be binding limits, and the selection when the pair is built into a
 * regional problem (NULL for a standalone carve). */
typedef struct {
    LpBuilder lb;
    int ntags, captags;
    RowTag *tags;
    const Select *sel;
} Builder;

/* Names row (or column) r of a pair in a regional problem: rows
 * "<prefix>_<fmt>", columns "<kind>_<prefix><fmt>". A standalone carve
 * names nothing, so its problem is exactly what it was before names. */
static void name_row(Builder *cb, int r, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void name_row(Builder *cb, int r, const char *fmt, ...)
{
    if (!cb->sel || r < 0)
        return;
    char tail[64], name[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tail, sizeof tail, fmt, ap);
    va_end(ap);
    snprintf(name, sizeof name, "%s_%s", cb->sel->prefix, tail);
    glp_set_row_name(cb->lb.lp, lp_row1(r), name);
}

static void name_col(Builder *cb, int col, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void name_col(Builder *cb, int col, const char *kind, const char *fmt, ...)
{
    if (!cb->sel || col < 0)
        return;
    char tail[64], name[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tail, sizeof tail, fmt, ap);
    va_end(ap);
    snprintf(name, sizeof name, "%s_%s%s", kind, cb->sel->prefix, tail);
    glp_set_col_name(cb->lb.lp, lp_col1(col), name);
}

static void tag(Builder *b, int row, BindKind kind, int i, int d)
{
    if (b->lb.nomem)
        return;
    if (mw_grow((void **)&b->tags, &b->captags, b->ntags + 1, sizeof *b->tags)) {
        b->lb.nomem = 1;
        return;
    }
    b->tags[b->ntags++] = (RowTag){row, kind, i, d};
}

/* Column numbers (0-based) of the variables of one pair. */
typedef struct {
    int *h, *y, *z, *v;     /* v: per local job, -1 without a route */
    int (*x)[MW_DAYS];      /* flexible tasks: x_td, -1 when absent */
    int w[MW_DAYS];         /* -1 when the day cannot be worked */
    int u, o;
    int s;                  /* the selection column, -1 for a standalone carve */
} Cols;

/* Adds the pair's model (docs/carving-model.md) to cb->lb.lp. With sel
 * NULL: the standalone carve, matrix loaded. With sel: the pair inside a
 * regional problem (see carve_add_pair), its triplets left in cb->lb for
 * the caller to set row by row. */
static int build(Builder *cb, const PairData *p, Cols *c, const Select *sel)
{
    LpBuilder *b = &cb->lb;
    const Weights *w = &p->w;
    int nt = p->nt;
    cb->sel = sel;
    c->s = -1;
    c->h = mw_calloc((size_t)nt + 1, sizeof(int));
    c->y = mw_calloc((size_t)nt + 1, sizeof(int));
    c->z = mw_calloc((size_t)p->ng + 1, sizeof(int));
    c->v = mw_calloc((size_t)p->nj + 1, sizeof(int));
    c->x = mw_calloc((size_t)nt + 1, sizeof *c->x);
    if (!c->h || !c->y || !c->z || !c->v || !c->x)
        return MW_ENOMEM;

    glp_set_obj_dir(b->lp, GLP_MAX);
    if (sel) {                                      /* the first group is free */
        c->s = lp_add_col(b, GLP_BV, 0, 1, w->group + sel->terms);
        name_col(cb, c->s, "s", "%s", "");
    } else {
        glp_set_obj_coef(b->lp, 0, w->group);
    }
    for (int t = 0; t < nt; t++) {
        const PairTask *pt = &p->t[t];
        double per_hour = w->value * pt->wage * pt->pi + w->pref * pt->pref + w->skill * pt->skill -
                          (w->sup + p->price_sup) * pt->sigma -
                          (p->price_work ? p->price_work[t] * pt->pi : 0);
        c->h[t] = lp_add_col(b, GLP_CV, 0, HUGE_VAL, per_hour);
        c->y[t] = lp_add_col(b, GLP_BV, 0, 1, -w->task);
        name_col(cb, c->h[t], "h", "_t%d", pt->task);
        name_col(cb, c->y[t], "y", "_t%d", pt->task);
        for (int d = 0; d < MW_DAYS; d++) {
            c->x[t][d] = pt->flexible && (pt->days >> d & 1) ? lp_add_col(b, GLP_CV, 0, pt->cap[d], 0) : -1;
            name_col(cb, c->x[t][d], "x", "_t%d_%s", pt->task, mw_day_names[d]);
        }
    }
    for (int d = 0; d < MW_DAYS; d++) {
        c->w[d] = p->Hday[d] > 0 ? lp_add_col(b, GLP_BV, 0, 1, -(w->sup + p->price_sup) * p->need) : -1;
        name_col(cb, c->w[d], "w", "_%s", mw_day_names[d]);
    }
    for (int g = 0; g < p->ng; g++) {
        c->z[g] = lp_add_col(b, GLP_BV, 0, 1, -w->group);
        name_col(cb, c->z[g], "z", "_g%d", g);
    }
    for (int j = 0; j < p->nj; j++) {
        c->v[j] = p->j[j].vacancy ? lp_add_col(b, GLP_BV, 0, 1, p->price_vacancy ? -p->price_vacancy[j] : 0) : -1;
        name_col(cb, c->v[j], "v", "_j%d", p->j[j].job);
    }
    /* u ≤ Hpref is a column bound alone; in a region it must vanish with s (a row below) */
    c->u = lp_add_col(b, GLP_CV, 0, sel ? HUGE_VAL : p->Hpref, w->hours);
    c->o = lp_add_col(b, GLP_CV, 0, HUGE_VAL, -w->over);
    name_col(cb, c->u, "u", "%s", "");
    name_col(cb, c->o, "o", "%s", "");

    int r;
    for (int t = 0; t < nt; t++) {
        const PairTask *pt = &p->t[t];
        int ndays = 0;
        double mincap = HUGE_VAL;
        for (int d = 0; d < MW_DAYS; d++)
            if (pt->days >> d & 1) {
                ndays++;
                if (pt->cap[d] < mincap)
                    mincap = pt->cap[d];
            }
        r = lp_rows_work(b, pt, c->h[t], c->y[t]);
        if (r >= 0) {
            tag(cb, r, BIND_WORK, t, -1);
            name_row(cb, r, "work_t%d", pt->task);
            name_row(cb, r + 1, "chunk_t%d", pt->task);
        } else {                                    /* the one row it added, the last */
            name_row(cb, glp_get_num_rows(b->lp) - lp_row1(0), "indiv_t%d", pt->task);
        }
        if (pt->flexible) {                         /* Σ_d x_td = h_t */
            r = lp_add_row(b, 0, 0);
            name_row(cb, r, "split_t%d", pt->task);
            lp_coef(b, r, c->h[t], -1);
            for (int d = 0; d < MW_DAYS; d++)
                if (c->x[t][d] >= 0)
                    lp_coef(b, r, c->x[t][d], 1);
        } else {                                    /* h/|D| ≤ min cap */
            r = lp_add_row(b, -HUGE_VAL, mincap);
            name_row(cb, r, "tcap_t%d", pt->task);
            lp_coef(b, r, c->h[t], 1.0 / ndays);
        }
        if (sel) {                                  /* y_t ≤ s */
            r = lp_add_row(b, -HUGE_VAL, 0);
            name_row(cb, r, "sel_t%d", pt->task);
            lp_coef(b, r, c->y[t], 1);
            lp_coef(b, r, c->s, -1);
        }
    }
    /* the hours of task t on day d, as coefficients on its columns */
#define DAY_HOURS(row, t, d, mult) do { \
        if (p->t[t].flexible) { if (c->x[t][d] >= 0) lp_coef(b, row, c->x[t][d], (mult)); } \
        else if (p->t[t].days >> (d) & 1) lp_coef(b, row, c->h[t], (mult) / (double)day_count[t]); \
    } while (0)
    int *day_count = mw_calloc((size_t)nt + 1, sizeof(int));
    if (!day_count)
        return MW_ENOMEM;
    for (int t = 0; t < nt; t++)
        for (int d = 0; d < MW_DAYS; d++)
            day_count[t] += p->t[t].days >> d & 1;

    if (!sel) {                                     /* contract hours */
        r = lp_add_row(b, p->Hmin, p->Hmax);
        tag(cb, r, BIND_HOURS, -1, -1);
        for (int t = 0; t < nt; t++)
            lp_coef(b, r, c->h[t], 1);
    } else {                                        /* Hmin s ≤ Σ h ≤ Hmax s */
        r = lp_add_row(b, 0, HUGE_VAL);
        name_row(cb, r, "hmin");
        for (int t = 0; t < nt; t++)
            lp_coef(b, r, c->h[t], 1);
        lp_coef(b, r, c->s, -p->Hmin);
        r = lp_add_row(b, -HUGE_VAL, 0);
        name_row(cb, r, "hmax");
        for (int t = 0; t < nt; t++)
            lp_coef(b, r, c->h[t], 1);
        lp_coef(b, r, c->s, -p->Hmax);
    }
    for (int d = 0; d < MW_DAYS; d++) {             /* per day */
        r = lp_add_row(b, -HUGE_VAL, 0);
        tag(cb, r, BIND_HOURS_DAY, -1, d);
        name_row(cb, r, "day_%s", mw_day_names[d]);
        for (int t = 0; t < nt; t++)
            DAY_HOURS(r, t, d, 1.0);
        if (c->w[d] >= 0)
            lp_coef(b, r, c->w[d], -p->Hday[d]);
        if (sel && c->w[d] >= 0) {                  /* w_d ≤ s */
            r = lp_add_row(b, -HUGE_VAL, 0);
            name_row(cb, r, "sel_%s", mw_day_names[d]);
            lp_coef(b, r, c->w[d], 1);
            lp_coef(b, r, c->s, -1);
        }
    }
    r = lp_add_row(b, -HUGE_VAL, p->Dmax);          /* days worked */
    tag(cb, r, BIND_DAYS, -1, -1);
    name_row(cb, r, "days");
    for (int d = 0; d < MW_DAYS; d++)
        if (c->w[d] >= 0)
            lp_coef(b, r, c->w[d], 1);
    for (int k = 0; k < p->nexp; k++)               /* exposure per day */
        for (int d = 0; d < MW_DAYS; d++) {
            if (p->Hday[d] <= 0)
                continue;
            r = lp_add_row(b, -HUGE_VAL, p->exp[k].limit);
            tag(cb, r, BIND_EXPOSURE, k, d);
            name_row(cb, r, "exp_d%d_%s", p->exp[k].dim, mw_day_names[d]);
            for (int t = 0; t < nt; t++)
                DAY_HOURS(r, t, d, p->exp[k].coef[t]);
        }
    for (int k = 0; k < p->nshare; k++) {           /* share */
        r = lp_add_row(b, -HUGE_VAL, 0);
        tag(cb, r, BIND_SHARE, k, -1);
        name_row(cb, r, "share_d%d", p->share[k].dim);
        for (int t = 0; t < nt; t++)
            lp_coef(b, r, c->h[t], p->share[k].coef[t] - p->share[k].limit);
    }
    if (!sel) {                                     /* task count */
        r = lp_add_row(b, p->nmin > 1 ? p->nmin : 1, p->nmax > 0 ? p->nmax : HUGE_VAL);
        tag(cb, r, BIND_TASKS, -1, -1);
        for (int t = 0; t < nt; t++)
            lp_coef(b, r, c->y[t], 1);
    } else {                                        /* max(1,nmin) s ≤ Σ y ≤ nmax s */
        r = lp_add_row(b, 0, HUGE_VAL);
        name_row(cb, r, "nmin");
        for (int t = 0; t < nt; t++)
            lp_coef(b, r, c->y[t], 1);
        lp_coef(b, r, c->s, -(p->nmin > 1 ? p->nmin : 1));
        if (p->nmax > 0) {
            r = lp_add_row(b, -HUGE_VAL, 0);
            name_row(cb, r, "nmax");
            for (int t = 0; t < nt; t++)
                lp_coef(b, r, c->y[t], 1);
            lp_coef(b, r, c->s, -p->nmax);
        }
    }
    for (int t = 0; t < nt; t++) {                  /* groups */
        r = lp_add_row(b, -HUGE_VAL, 0);
        name_row(cb, r, "grp_t%d", p->t[t].task);
        lp_coef(b, r, c->y[t], 1);
        lp_coef(b, r, c->z[p->t[t].group], -1);
    }
    if (p->Gmax > 0) {
        r = lp_add_row(b, -HUGE_VAL, p->Gmax);
        tag(cb, r, BIND_GROUPS, -1, -1);
        name_row(cb, r, "gmax");
        for (int g = 0; g < p->ng; g++)
            lp_coef(b, r, c->z[g], 1);
    }
    for (int q = 0; q < p->nreq; q++) {             /* coupling */
        r = lp_add_row(b, -HUGE_VAL, 0);
        name_row(cb, r, "req_t%d_t%d", p->t[p->req[q][0]].task, p->t[p->req[q][1]].task);
        lp_coef(b, r, c->y[p->req[q][0]], 1);
        lp_coef(b, r, c->y[p->req[q][1]], -1);
    }
    r = lp_add_row(b, -HUGE_VAL, p->Cap);           /* supervision */
    tag(cb, r, BIND_SUPERVISION, -1, -1);
    name_row(cb, r, "sup");
    for (int d = 0; d < MW_DAYS; d++)
        if (c->w[d] >= 0)
            lp_coef(b, r, c->w[d], p->need);
    for (int t = 0; t < nt; t++)
        lp_coef(b, r, c->h[t], p->t[t].sigma);
    for (int j = 0; j < p->nj; j++) {               /* donor job */
        const PairJob *pj = &p->j[j];
        if (pj->R <= 0)
            continue;
        r = lp_add_row(b, -HUGE_VAL, pj->W - pj->R);
        tag(cb, r, BIND_DONOR, j, -1);
        name_row(cb, r, "donor_j%d", pj->job);
        for (int t = 0; t < nt; t++)
            if (p->t[t].job == j)
                lp_coef(b, r, c->h[t], p->t[t].pi);
        if (c->v[j] >= 0)
            lp_coef(b, r, c->v[j], -pj->R);
    }
    r = lp_add_row(b, -HUGE_VAL, 1);                /* one vacancy */
    name_row(cb, r, "onevac");
    for (int j = 0; j < p->nj; j++)
        if (c->v[j] >= 0)
            lp_coef(b, r, c->v[j], 1);
    for (int j = 0; sel && j < p->nj; j++)          /* v_j ≤ s */
        if (c->v[j] >= 0) {
            r = lp_add_row(b, -HUGE_VAL, 0);
            name_row(cb, r, "sel_j%d", p->j[j].job);
            lp_coef(b, r, c->v[j], 1);
            lp_coef(b, r, c->s, -1);
        }
    for (int t = 0; t < nt; t++) {                  /* vacancy route */
        const PairTask *pt = &p->t[t];
        int before = glp_get_num_rows(b->lp);
        lp_rows_route(b, pt, c->h[t], c->v[pt->job]);
        if (sel && c->v[pt->job] >= 0) {            /* the rows lp_rows_route added, in its order */
            int k = before;                         /* the row count is the next 0-based row */
            if (pt->mandatory)
                name_row(cb, k++, "mand_t%d", pt->task);
            if (pt->vacancy_only)
                name_row(cb, k, "vonly_t%d", pt->task);
        }
    }
    r = lp_add_row(b, -HUGE_VAL, 0);                /* u ≤ Σ h */
    name_row(cb, r, "upref");
    lp_coef(b, r, c->u, 1);
    for (int t = 0; t < nt; t++)
        lp_coef(b, r, c->h[t], -1);
    if (sel) {                                      /* u ≤ Hpref s */
        r = lp_add_row(b, -HUGE_VAL, 0);
        name_row(cb, r, "uhpref");
        lp_coef(b, r, c->u, 1);
        lp_coef(b, r, c->s, -p->Hpref);
        r = lp_add_row(b, 0, HUGE_VAL);             /* o ≥ Σ h − θ Hmax s */
        lp_coef(b, r, c->s, p->w.theta * p->Hmax);
    } else {                                        /* o ≥ Σ h − θ Hmax */
        r = lp_add_row(b, -p->w.theta * p->Hmax, HUGE_VAL);
    }
    name_row(cb, r, "over");
    lp_coef(b, r, c->o, 1);
    for (int t = 0; t < nt; t++)
        lp_coef(b, r, c->h[t], -1);
#undef DAY_HOURS
    mw_free(day_count);
    if (sel)                                        /* the caller sets the rows */
        return b->nomem ? MW_ENOMEM : MW_OK;
    return lp_load_matrix(b);
}

/* ---- the pair inside a regional problem (monolith.h) --------------------- */

/* What carve_add_pair holds while it runs, reachable from PairCols so that
 * the caller can free it after a GLPK fault. */
typedef struct {
    Builder b;
    Cols c;
    Select sel;
} AddScratch;

static void cols_free(Cols *c);

static void scratch_free(AddScratch *sc)
{
    if (!sc)
        return;
    mw_free(sc->b.lb.ia);    /* not lp_close: the problem and the hook are the caller's */
    mw_free(sc->b.lb.ja);
    mw_free(sc->b.lb.ar);
    mw_free(sc->b.tags);
    cols_free(&sc->c);
    mw_free(sc);
}

/* Whether row1's bounds hold at activity 0. */
static int zero_fits(glp_prob *lp, int row1)
{
    int type = glp_get_row_type(lp, row1);
    double lb = glp_get_row_lb(lp, row1), ub = glp_get_row_ub(lp, row1);
    return (type == GLP_FR || type == GLP_UP || lb <= 0) && (type == GLP_FR || type == GLP_LO || ub >= 0);
}

/* Sets rows first..end-1 (0-based, all new) of b->lp from b's triplets,
 * row by row: glp_load_matrix would replace the other pairs' rows. Rows
 * left without entries that hold at 0 (a one-vacancy row without routes,
 * a day without hours) say nothing: they go to out's delete list. */
static int set_rows(const LpBuilder *b, int first, int end, PairCols *out)
{
    int nr = end - first, st = MW_ENOMEM;
    int *pos = mw_calloc((size_t)nr + 2, sizeof(int));
    int *del = mw_calloc((size_t)nr + 2, sizeof(int));
    int *ind = mw_calloc((size_t)b->n + 1, sizeof(int));
    double *val = mw_calloc((size_t)b->n + 1, sizeof(double));
    if (!pos || !del || !ind || !val)
        goto done;
    /* counting sort by row; ind/val keep GLPK's unused slot 0 */
    for (int k = 1; k <= b->n; k++)
        pos[b->ia[k] - lp_row1(first) + 1]++;
    for (int i = 0; i < nr; i++)
        pos[i + 1] += pos[i];
    for (int k = 1; k <= b->n; k++) {
        int i = b->ia[k] - lp_row1(first);
        int at = ++pos[i];        /* pos[i] runs from the row's start to its end */
        ind[at] = b->ja[k];
        val[at] = b->ar[k];
    }
    /* pos[i] is now the end of row i, which is where row i + 1 starts:
     * row i's entries are ind[start + 1 .. pos[i]] */
    int ndel = 0;
    for (int i = 0, start = 0; i < nr; i++) {
        int row1 = lp_row1(first + i);
        if (pos[i] > start)
            glp_set_mat_row(b->lp, row1, pos[i] - start, ind + start, val + start);
        else if (zero_fits(b->lp, row1))
            del[++ndel] = row1;   /* GLPK's list starts at 1 */
        start = pos[i];
    }
    out->ndel = ndel;
    out->del = del;
    del = NULL;
    st = MW_OK;
done:
    mw_free(pos);
    mw_free(del);
    mw_free(ind);
    mw_free(val);
    return st;
}

int carve_add_pair(glp_prob *lp, const PairData *p, const char *name, double terms, PairCols *out)
{
    memset(out, 0, sizeof *out);
    out->s = -1;
    AddScratch *sc = mw_calloc(1, sizeof *sc);
    if (!sc)
        return MW_ENOMEM;
    out->scratch = sc;
    sc->b.lb.lp = lp;
    sc->sel.terms = terms;
    snprintf(sc->sel.prefix, sizeof sc->sel.prefix, "%s", name);
    int first = glp_get_num_rows(lp);   /* the row count is the next 0-based row */
    int st = build(&sc->b, p, &sc->c, &sc->sel);
    if (st == MW_OK)
        st = set_rows(&sc->b.lb, first, glp_get_num_rows(lp), out);
    if (st == MW_OK) {
        out->s = sc->c.s;
        out->nt = p->nt;
        out->nj = p->nj;
        out->h = sc->c.h;
        sc->c.h = NULL;
        out->v = sc->c.v;
        sc->c.v = NULL;
        memcpy(out->w, sc->c.w, sizeof out->w);
    }
    scratch_free(sc);
    out->scratch = NULL;
    if (st != MW_OK)
        pair_cols_free(out);
    return st;
}

void pair_cols_free(PairCols *pc)
{
    if (!pc)
        return;
    mw_free(pc->h);
    mw_free(pc->v);
    mw_free(pc->del);
    scratch_free(pc->scratch);
    memset(pc, 0, sizeof *pc);
}

/* ---- reading the package back ------------------------------------------- */

static double clean(double v)
{
    return fabs(v) < 1e-9 ? 0 : v;
}

int carve_slot_cmp(const void *a, const void *b)
{
    const SlotEntry *x = a, *y = b;
    if (x->day != y->day)
        return x->day - y->day;
    if (x->part != y->part)
        return x->part - y->part;
    return x->task - y->task;
}

/* Lays the day hours of each task into the parts of that day it may use,
 * four hours a part, earliest first; tasks that can only go late wait for
 * the earlier ones. What cannot fit stays in the task's last part. */
static int schedule(const PairData *p, const double (*dh)[MW_DAYS], const int *in_pkg, Package *pk)
{
    int cap = 1;
    for (int t = 0; t < p->nt; t++)
        cap += in_pkg[t] ? MW_DAYS * MW_PARTS : 0;
    pk->slots = mw_calloc((size_t)cap, sizeof *pk->slots);
    if (!pk->slots)
        return MW_ENOMEM;
    for (int d = 0; d < MW_DAYS; d++) {
        double room[MW_PARTS];
        for (int q = 0; q < MW_PARTS; q++)
            room[q] = MW_PART_HOURS;
        /* tasks with fewer allowed parts go first, then by earliest part */
        for (int pass = 1; pass <= MW_PARTS; pass++)
            for (int t = 0; t < p->nt; t++) {
                if (!in_pkg[t] || dh[t][d] <= 0)
                    continue;
                unsigned parts = (unsigned)(p->avail[d] & p->t[t].parts);
                int np = 0;
                for (int q = 0; q < MW_PARTS; q++)
                    np += parts >> q & 1;
                if (np != pass && !(pass == MW_PARTS && np == 0))
                    continue;
                double left = dh[t][d];
                int last = -1;
                for (int q = 0; q < MW_PARTS && left > 1e-9; q++) {
                    if (!(parts >> q & 1))
                        continue;
                    last = q;
                    double put = left < room[q] ? left : room[q];
                    if (put <= 1e-9)
                        continue;
                    pk->slots[pk->nslots++] = (SlotEntry){p->t[t].task, d, q, put};
                    room[q] -= put;
                    left -= put;
                }
                if (left > 1e-9) {
                    if (last < 0)
                        last = 0;
                    pk->slots[pk->nslots++] = (SlotEntry){p->t[t].task, d, last, left};
                }
            }
    }
    /* merge entries of the same task, day and part */
    qsort(pk->slots, (size_t)pk->nslots, sizeof *pk->slots, carve_slot_cmp);
    int k = 0;
    for (int i = 0; i < pk->nslots; i++) {
        if (k && pk->slots[k - 1].task == pk->slots[i].task && pk->slots[k - 1].day == pk->slots[i].day &&
            pk->slots[k - 1].part == pk->slots[i].part)
            pk->slots[k - 1].hours += pk->slots[i].hours;
        else
            pk->slots[k++] = pk->slots[i];
    }
    pk->nslots = k;
    return MW_OK;
}

static int task_order(const Package *pk, int a, int b)
{
    /* first scheduled slot, then model index */
    int fa = 1 << 30, fb = 1 << 30;
    for (int i = 0; i < pk->nslots; i++) {
        int key = pk->slots[i].day * MW_PARTS + pk->slots[i].part;
        if (pk->slots[i].task == a && key < fa)
            fa = key;
        if (pk->slots[i].task == b && key < fb)
            fb = key;
    }
    return fa != fb ? fa - fb : a - b;
}

static int extract(glp_prob *lp, const PairData *p, const Cols *c, Package *pk)
{
    const Weights *w = &p->w;
    int nt = p->nt, status = MW_ENOMEM;
    double (*dh)[MW_DAYS] = mw_calloc((size_t)nt + 1, sizeof *dh);
    int *in_pkg = mw_calloc((size_t)nt + 1, sizeof(int));
    if (!dh || !in_pkg)
        goto done;
    pk->objective = glp_mip_obj_val(lp);
    for (int t = 0; t < nt; t++) {
        const PairTask *pt = &p->t[t];
        double h = clean(glp_mip_col_val(lp, lp_col1(c->h[t])));
        in_pkg[t] = glp_mip_col_val(lp, lp_col1(c->y[t])) > 0.5;
        int ndays = 0;
        for (int d = 0; d < MW_DAYS; d++)
            ndays += pt->days >> d & 1;
        for (int d = 0; d < MW_DAYS; d++)
            dh[t][d] = pt->flexible ? (c->x[t][d] >= 0 ? clean(glp_mip_col_val(lp, lp_col1(c->x[t][d]))) : 0)
                                    : (pt->days >> d & 1 ? h / ndays : 0);
        if (!in_pkg[t])
            continue;
        pk->n++;
        pk->hours += h;
        pk->terms.value += w->value * pt->wage * pt->pi * h;
        pk->terms.pref += w->pref * pt->pref * h;
        pk->terms.skill += w->skill * pt->skill * h;
        pk->terms.task -= w->task;
        pk->sup_minutes += pt->sigma * h;
    }
    /* working days are the days with hours: with no cost on days (w_sup ·
     * need = 0) the solver may leave an idle day's w_d at 1 */
    int days_worked = 0;
    for (int d = 0; d < MW_DAYS; d++) {
        double sum = 0;
        for (int t = 0; t < nt; t++)
            sum += in_pkg[t] ? dh[t][d] : 0;
        if (sum > 1e-9) {
            pk->days |= (uint8_t)(1u << d);
            days_worked++;
        }
    }
    pk->sup_minutes += p->need * days_worked;
    pk->terms.sup = -w->sup * pk->sup_minutes;
    int groups = 0;
    for (int g = 0; g < p->ng; g++)
        groups += glp_mip_col_val(lp, lp_col1(c->z[g])) > 0.5;
    pk->terms.group = -w->group * (groups - 1);
    pk->terms.hours = w->hours * clean(glp_mip_col_val(lp, lp_col1(c->u)));
    pk->terms.over = -w->over * clean(glp_mip_col_val(lp, lp_col1(c->o)));
    pk->vacancy_job = -1;
    for (int j = 0; j < p->nj; j++)
        if (c->v[j] >= 0 && glp_mip_col_val(lp, lp_col1(c->v[j])) > 0.5)
            pk->vacancy_job = p->j[j].job;
    if (schedule(p, (const double (*)[MW_DAYS])dh, in_pkg, pk))
        goto done;
    pk->tasks = mw_calloc((size_t)pk->n + 1, sizeof *pk->tasks);
    if (!pk->tasks)
        goto done;
    int k = 0;
    for (int t = 0; t < nt; t++) {
        if (!in_pkg[t])
            continue;
        PackageTask *q = &pk->tasks[k++];
        q->task = p->t[t].task;
        q->hours = clean(glp_mip_col_val(lp, lp_col1(c->h[t])));
        q->work = q->hours * p->t[t].pi;
        memcpy(q->day_hours, dh[t], sizeof q->day_hours);
    }
    /* insertion sort by schedule order: packages hold a handful of tasks */
    for (int i = 1; i < k; i++)
        for (int j2 = i; j2 > 0 && task_order(pk, pk->tasks[j2 - 1].task, pk->tasks[j2].task) > 0; j2--) {
            PackageTask tmp = pk->tasks[j2];
            pk->tasks[j2] = pk->tasks[j2 - 1];
            pk->tasks[j2 - 1] = tmp;
        }
    status = MW_OK;
done:
    mw_free(dh);
    mw_free(in_pkg);
    return status;
}

static void cols_free(Cols *c)
{
    mw_free(c->h);
    mw_free(c->y);
    mw_free(c->z);
    mw_free(c->v);
    mw_free(c->x);
}

void package_free(Package *pk)
{
    if (!pk)
        return;
    mw_free(pk->tasks);
    mw_free(pk->slots);
    mw_free(pk->basis);
    memset(pk, 0, sizeof *pk);
}

int package_copy(Package *dst, const Package *src)
{
    *dst = *src;
    dst->tasks = mw_calloc((size_t)src->n + 1, sizeof *dst->tasks);
    dst->slots = mw_calloc((size_t)src->nslots + 1, sizeof *dst->slots);
    dst->basis = src->basis ? mw_malloc((size_t)src->basis_n + 1) : NULL;
    if (!dst->tasks || !dst->slots || (src->basis && !dst->basis)) {
        package_free(dst);
        return MW_ENOMEM;
    }
    if (src->n)
        memcpy(dst->tasks, src->tasks, sizeof *dst->tasks * (size_t)src->n);
    if (src->nslots)
        memcpy(dst->slots, src->slots, sizeof *dst->slots * (size_t)src->nslots);
    if (src->basis)
        memcpy(dst->basis, src->basis, (size_t)src->basis_n);
    return MW_OK;
}

/* Everything a solve allocates, on the heap so that it survives the
 * longjmp of the error hook with defined values. */
typedef struct {
    LpTrap trap;
    Builder b;
    Cols c;
} Solve;

/* Removes the error hook and frees everything, the problem included. */
static void solve_free(Solve *s)
{
    lp_close(&s->b.lb);
    mw_free(s->b.tags);
    cols_free(&s->c);
    mw_free(s);
}

/* GLPK prunes a node whose bound is within tol_obj (1e-7) × (1 + |incumbent|)
 * of the incumbent: with the cutoff point as incumbent, no solution above
 * this goes unseen. */
#define CUTOFF_TOL(c) (2e-7 * (1 + fabs(c)))

/* A point x[1..n] with objective value `cutoff` for lp_intopt_cutoff: zero
 * except one continuous column with a non-zero objective coefficient (the
 * largest, for accuracy). NULL when there is none, or without memory: then
 * the solve runs without the cutoff. */
static double *cutoff_point(glp_prob *lp, double cutoff)
{
    int n = glp_get_num_cols(lp), best = 0;
    for (int j = 1; j <= n; j++)
        if (glp_get_col_kind(lp, j) == GLP_CV && fabs(glp_get_obj_coef(lp, j)) > 1e-6 &&
            (best == 0 || fabs(glp_get_obj_coef(lp, j)) > fabs(glp_get_obj_coef(lp, best))))
            best = j;
    double *x = best ? mw_calloc((size_t)n + 1, sizeof(double)) : NULL;
    if (x)
        x[best] = (cutoff - glp_get_obj_coef(lp, 0)) / glp_get_obj_coef(lp, best);
    return x;
}

/* Starts lp from the statuses basis[0 .. n-1] (rows, then columns), when
 * there are as many as lp has rows and columns. 1 when set. */
static int basis_set(glp_prob *lp, const uint8_t *basis, int n)
{
    int rows = glp_get_num_rows(lp), cols = glp_get_num_cols(lp);
    if (!basis || n != rows + cols)
        return 0;
    for (int i = 1; i <= rows; i++)
        glp_set_row_stat(lp, i, basis[i - 1]);
    for (int j = 1; j <= cols; j++)
        glp_set_col_stat(lp, j, basis[rows + j - 1]);
    return 1;
}

/* Keeps lp's current basis in pk->basis. MW_OK or MW_ENOMEM. */
static int basis_get(glp_prob *lp, Package *pk)
{
    int rows = glp_get_num_rows(lp), cols = glp_get_num_cols(lp);
    pk->basis = mw_malloc((size_t)(rows + cols) + 1);
    if (!pk->basis)
        return MW_ENOMEM;
    pk->basis_n = rows + cols;
    for (int i = 1; i <= rows; i++)
        pk->basis[i - 1] = (uint8_t)glp_get_row_stat(lp, i);
    for (int j = 1; j <= cols; j++)
        pk->basis[rows + j - 1] = (uint8_t)glp_get_col_stat(lp, j);
    return MW_OK;
}

/* Runs the LP relaxation and then branch and cut; sets out->status and,
 * with a package, fills out. Returns MW_OK or MW_ENOMEM. */
static int solve_mip(Solve *s, const PairData *p, Package *out)
{
    glp_prob *lp = s->b.lb.lp;
    int tm_lim = (int)(p->w.time_limit * 1000);
    int ret = basis_set(lp, p->basis, p->basis_n) ? lp_simplex_warm(lp, tm_lim, GLP_PRIMAL) : lp_simplex(lp, tm_lim);
    if (ret == GLP_ENOPFS || (ret == 0 && glp_get_status(lp) == GLP_NOFEAS)) {
        out->status = CARVE_INFEASIBLE;
        return MW_OK;
    }
    if (ret != 0 || glp_get_status(lp) != GLP_OPT) {
        out->status = ret == GLP_ETMLIM ? CARVE_TIME_LIMIT : CARVE_SOLVER_ERROR;
        return MW_OK;
    }
    out->bound = glp_get_obj_val(lp);
    if (p->keep_basis && basis_get(lp, out))
        return MW_ENOMEM;
    if (p->use_cutoff && out->bound <= p->cutoff) {
        out->status = CARVE_CUTOFF;       /* no improving column: spare the branch and bound */
        return MW_OK;
    }
    double *cut = p->use_cutoff ? cutoff_point(lp, p->cutoff) : NULL;
    ret = lp_intopt_cutoff(lp, tm_lim, cut);
    int mst = glp_mip_status(lp);
    if (cut && (mst == GLP_OPT || mst == GLP_FEAS) && glp_mip_obj_val(lp) <= p->cutoff + CUTOFF_TOL(p->cutoff)) {
        mw_free(cut);                     /* nothing beat the cutoff: not a package */
        out->status = ret == 0 && mst == GLP_OPT ? CARVE_CUTOFF : CARVE_TIME_LIMIT;
        if (out->status == CARVE_CUTOFF)
            out->bound = p->cutoff + CUTOFF_TOL(p->cutoff);
        return MW_OK;
    }
    mw_free(cut);
    if (ret == 0 && mst == GLP_OPT)
        out->status = CARVE_OPTIMAL;
    else if (mst == GLP_NOFEAS && (ret == 0 || ret == GLP_ENOPFS))
        out->status = CARVE_INFEASIBLE;
    else if (ret == GLP_ETMLIM)
        out->status = CARVE_TIME_LIMIT;
    else
        out->status = CARVE_SOLVER_ERROR;
    if (mst != GLP_OPT && mst != GLP_FEAS)
        return MW_OK;
    if (out->status == CARVE_INFEASIBLE || out->status == CARVE_SOLVER_ERROR)
        return MW_OK;
    int st = extract(lp, p, &s->c, out);
    if (out->status == CARVE_OPTIMAL)
        out->bound = out->objective;
    return st;
}

int carve_solve(const PairData *p, Package *out)
{
    memset(out, 0, sizeof *out);
    out->vacancy_job = -1;
    if (p->nt == 0) {
        out->status = CARVE_NO_TASKS;
        return MW_OK;
    }
    if (p->Hmin > p->Hmax || (p->nmax > 0 && p->nmin > p->nmax)) {
        out->status = CARVE_INFEASIBLE;     /* crossed bounds: GLPK would refuse to run */
        return MW_OK;
    }
    Solve *s = mw_calloc(1, sizeof *s);
    if (!s)
        return MW_ENOMEM;
    int status;
    if (setjmp(s->trap.jump)) {
        lp_trapped(&s->b.lb);
        package_free(out);
        out->vacancy_job = -1;
        out->status = CARVE_SOLVER_ERROR;
        status = MW_OK;
    } else {
        lp_open(&s->b.lb, &s->trap);
        status = build(&s->b, p, &s->c, NULL);
        if (status == MW_OK)
            status = solve_mip(s, p, out);
    }
    solve_free(s);
    if (status != MW_OK)
        package_free(out);
    return status;
}

/* ---- binding limits ------------------------------------------------------ */

const char *const carve_bind_names[BIND_KINDS] = {
    "hours_week", "hours_day", "days_week", "exposure", "share", "tasks", "groups",
    "supervision", "donor_job", "task_work"};

static int tight(double activity, double bound)
{
    return fabs(activity - bound) <= 1e-7 * (fabs(bound) > 1 ? fabs(bound) : 1);
}

static void fix_col(glp_prob *lp, int col, double v)
{
    if (col < 0)
        return;
    glp_set_col_kind(lp, lp_col1(col), GLP_CV);
    glp_set_col_bnds(lp, lp_col1(col), GLP_FX, v, v);
}

static int push_binding(Binding **out, int *n, int *cap, Binding b)
{
    if (mw_grow((void **)out, cap, *n + 1, sizeof **out))
        return MW_ENOMEM;
    (*out)[(*n)++] = b;
    return MW_OK;
}

/* Reads the tight rows of a solved LP (binaries fixed) into bindings. */
static int read_bindings(const Solve *s, const PairData *p, const Package *pk, Binding **out, int *n)
{
    glp_prob *lp = s->b.lb.lp;
    const Builder *b = &s->b;
    int cap = 0, st = MW_OK;
    for (int kind = 0; kind < BIND_KINDS && st == MW_OK; kind++) {
        /* rows of one kind come in index order; aggregate per index */
        int nidx = kind == BIND_EXPOSURE ? p->nexp : kind == BIND_SHARE ? p->nshare
                 : kind == BIND_DONOR ? p->nj : kind == BIND_WORK ? p->nt : 1;
        for (int idx = 0; idx < nidx && st == MW_OK; idx++) {
            Binding bd = {(BindKind)kind, -1, 0, 0, 0, 0, 0};
            int any = 0;
            for (int k = 0; k < b->ntags; k++) {
                const RowTag *tg = &b->tags[k];
                if ((int)tg->kind != kind || (tg->i >= 0 && tg->i != idx))
                    continue;
                int r1 = lp_row1(tg->row);
                double act = glp_get_row_prim(lp, r1), ub = glp_get_row_ub(lp, r1), lb = glp_get_row_lb(lp, r1);
                int type = glp_get_row_type(lp, r1);
                int at_ub = (type == GLP_UP || type == GLP_DB || type == GLP_FX) && tight(act, ub);
                int at_lb = (type == GLP_LO || type == GLP_DB) && tight(act, lb) && !at_ub;
                double dual = glp_get_row_dual(lp, r1);
                switch (kind) {
                case BIND_HOURS:
                    bd.used = pk->hours;
                    if (at_ub || (at_lb && p->Hmin > 0)) {
                        any = 1;
                        bd.at_min = at_lb;
                        bd.limit = at_lb ? p->Hmin : p->Hmax;
                        bd.marginal = at_lb ? -dual : dual;
                    }
                    break;
                case BIND_HOURS_DAY:
                case BIND_EXPOSURE: {
                    int d = tg->d;
                    if (!(pk->days >> d & 1))
                        break;
                    double used = kind == BIND_HOURS_DAY ? act + p->Hday[d] : act;
                    if (used > bd.used)
                        bd.used = used;
                    bd.limit = kind == BIND_HOURS_DAY ? p->Hday[d] : p->exp[idx].limit;
                    if (at_ub) {
                        any = 1;
                        bd.marginal += dual;
                    }
                    break;
                }
                case BIND_SHARE:
                    bd.limit = p->share[idx].limit;
                    bd.used = pk->hours > 0 ? (act / pk->hours) + p->share[idx].limit : 0;
                    if (at_ub && pk->hours > 0) {
                        any = 1;
                        bd.marginal = dual * pk->hours * 0.1;
                    }
                    break;
                case BIND_DAYS:
                case BIND_GROUPS:
                case BIND_TASKS:
                    bd.discrete = 1;
                    bd.used = act;
                    if (at_ub) {
                        any = 1;
                        bd.limit = ub;
                    } else if (at_lb && kind == BIND_TASKS && lb > 1) {
                        any = 1;
                        bd.at_min = 1;
                        bd.limit = lb;
                    }
                    break;
                case BIND_SUPERVISION:
                case BIND_DONOR:
                    bd.limit = ub;
                    bd.used = act;
                    if (at_ub) {
                        any = 1;
                        bd.marginal = dual;
                    }
                    break;
                case BIND_WORK: {
                    /* π h − W y ≤ 0 with y fixed: tight when all the work is taken */
                    const PairTask *pt = &p->t[idx];
                    double yv = glp_get_col_prim(lp, lp_col1(s->c.y[idx]));
                    if (yv > 0.5 && at_ub) {
                        any = 1;
                        bd.limit = pt->W;
                        bd.used = pt->W;
                        bd.marginal = dual;
                    }
                    break;
                }
                default:
                    break;
                }
            }
            if (!any)
                continue;
            if (kind == BIND_EXPOSURE || kind == BIND_SHARE)
                bd.index = kind == BIND_EXPOSURE ? p->exp[idx].dim : p->share[idx].dim;
            else if (kind == BIND_DONOR)
                bd.index = p->j[idx].job;
            else if (kind == BIND_WORK)
                bd.index = p->t[idx].task;
            if (fabs(bd.marginal) < 1e-9)
                bd.marginal = 0;
            st = push_binding(out, n, &cap, bd);
        }
    }
    return st;
}

int carve_bindings(const PairData *p, const Package *pk, Binding **out, int *n)
{
    *out = NULL;
    *n = 0;
    if (pk->status != CARVE_OPTIMAL && pk->status != CARVE_TIME_LIMIT)
        return MW_OK;
    Solve *s = mw_calloc(1, sizeof *s);
    if (!s)
        return MW_ENOMEM;
    int status = MW_OK;
    if (setjmp(s->trap.jump)) {
        lp_trapped(&s->b.lb);
        mw_free(*out);
        *out = NULL;
        *n = 0;
    } else {
        lp_open(&s->b.lb, &s->trap);
        glp_prob *lp = s->b.lb.lp;
        status = build(&s->b, p, &s->c, NULL);
        if (status == MW_OK) {
            /* fix the package's choices: tasks, days, groups, vacancy route */
            for (int t = 0; t < p->nt; t++) {
                int in = 0;
                for (int k = 0; k < pk->n; k++)
                    in |= pk->tasks[k].task == p->t[t].task;
                fix_col(lp, s->c.y[t], in);
            }
            for (int d = 0; d < MW_DAYS; d++)
                fix_col(lp, s->c.w[d], pk->days >> d & 1);
            for (int g = 0; g < p->ng; g++) {
                int used = 0;
                for (int t = 0; t < p->nt; t++)
                    for (int k = 0; k < pk->n; k++)
                        used |= p->t[t].group == g && pk->tasks[k].task == p->t[t].task;
                fix_col(lp, s->c.z[g], used);
            }
            for (int j = 0; j < p->nj; j++)
                fix_col(lp, s->c.v[j], p->j[j].job == pk->vacancy_job);
            if (lp_simplex(lp, (int)(p->w.time_limit * 1000)) == 0 && glp_get_status(lp) == GLP_OPT)
                status = read_bindings(s, p, pk, out, n);
        }
    }
    solve_free(s);
    if (status != MW_OK) {
        mw_free(*out);
        *out = NULL;
        *n = 0;
    }
    return status;
}
