/* elastic.c — the nearest miss (DESIGN §5): the carving model of
 * docs/carving-model.md with elastic variables δ ≥ 0 on the candidate's
 * limits and on the employer's supervision capacity, minimising Σ weight·δ
 * through the GLPK C API, then reading back which limits moved and by how
 * much. Layer: solve. Knows nothing about files or output. The builder
 * and the error-hook containment are lp.c's, shared with carve.c.
 */
#include "elastic.h"

#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "lp.h"
#include "pair.h"

const char *const miss_kind_names[MISS_KIND_COUNT] = {
    "level", "flag", "exposure", "share", "hours_min", "hours_max", "hours_day",
    "days", "tasks_min", "tasks_max", "groups", "availability", "skill", "supervision"};

/* The reasons are in elastic.h, next to the table there. */
const double miss_weights[MISS_KIND_COUNT] = {
    [MISS_LEVEL] = 1.0,        [MISS_FLAG] = 3.0,        [MISS_EXPOSURE] = 1.0,
    [MISS_SHARE] = 10.0,       [MISS_HOURS_MIN] = 0.25,  [MISS_HOURS_MAX] = 0.25,
    [MISS_HOURS_DAY] = 0.5,    [MISS_DAYS] = 1.0,        [MISS_TASKS_MIN] = 0.5,
    [MISS_TASKS_MAX] = 0.5,    [MISS_GROUPS] = 0.5,      [MISS_AVAILABILITY] = 0.5,
    [MISS_SKILL] = 2.0,        [MISS_SUPERVISION] = 1.0 / 30.0};

/* ---- the instance ------------------------------------------------------ */

/* One entering task. Days D_t: the days of t on which the candidate is
 * available in one of t's parts (as pair.c), or — for a task that fails the
 * availability filter — all of t's days, with the hours that do not fit the
 * availability as an elastic part (cap_out). */
typedef struct {
    PairTask pt;              /* as pair.c fills it; cap: hours inside the availability;
                               * wage, pref and skill are not used here */
    double cap_out[MW_DAYS];  /* hours of t on d outside it (slot-relaxed tasks only) */
    int slot;                 /* fails the availability filter: may use cap_out at a price */
    int gap;                  /* has a non-trainable skill gap: used only at a price */
} ETask;

/* A candidate limit that the entering tasks can exceed. coef per task:
 * level: demand − accommodation − limit where positive; flag: 1 where the
 * task needs what the candidate lacks; exposure: e_tk; share: s_tk. */
typedef struct {
    int dim;
    double limit;
    double *coef;
} EDim;

typedef struct {
    int nt, nj, ng;
    ETask *t;
    PairJob *j;
    int nlevel, nflag, nexp, nshare;
    EDim *level, *flag, *exp, *share;
    int nreq;
    int (*req)[2];            /* local (a, b): a requires b */
    double Hmin, Hmax, Hday;  /* Hday: max_hours_day (the availability is separate here) */
    uint8_t avail[MW_DAYS];   /* available parts per day */
    int Dmax, tmin, tmax, Gmax;  /* tmin: min_tasks as given; tmax, Gmax 0 = no limit */
    double need, Cap;
    MwArena arena;
} Elastic;

static void elastic_free(Elastic *p)
{
    if (!p)
        return;
    mw_arena_free(&p->arena);
    mw_free(p);
}

/* D_t, and in *slot whether t fails the availability filter (the same rule
 * as filter_task: no available day, or an indivisible task with fixed days
 * that cannot be done on all of them). */
static uint8_t task_days(const Candidate *c, const Task *t, int *slot)
{
    uint8_t days = filter_task_days(c, t);
    int s = !days || (!t->divisible && t->days_fixed && days != t->days);
    *slot = s;
    return s ? t->days : days;
}

static int lacks_flag(const Candidate *c, int d)
{
    return !(c->lim_state[d] == LIM_UNKNOWN || (c->lim_state[d] == LIM_KNOWN && c->lim[d] >= 1));
}

/* Adds one limit's row data if some entering task exceeds it. */
static int add_dim(Elastic *p, const Model *m, const Candidate *c, const Employer *e, int d, EDim *list,
                   int *n)
{
    DimKind kind = m->dims[d].kind;
    double *coef = mw_arena_alloc(&p->arena, sizeof(double) * (size_t)(p->nt + 1));
    if (!coef)
        return MW_ENOMEM;
    int binds = 0;
    for (int a = 0; a < p->nt; a++) {
        double load = m->tasks[p->t[a].pt.task].load[d];
        double v = 0;
        if (load > 0)
            switch (kind) {
            case DIM_LEVEL: v = load - e->acc[d] - c->lim[d]; v = v > 0 ? v : 0; break;
            case DIM_FLAG: v = 1; break;
            case DIM_EXPOSURE: v = load; break;
            case DIM_SHARE: v = load; break;
            }
        coef[a] = v;
        binds |= kind == DIM_SHARE ? load > c->lim[d] : v > 0;
    }
    if (!binds)
        return MW_OK;
    list[*n].dim = d;
    list[*n].limit = kind == DIM_FLAG ? 0 : c->lim[d];
    list[*n].coef = coef;
    (*n)++;
    return MW_OK;
}

static Elastic *elastic_build(const Model *m, int ci, int ei)
{
    const Candidate *c = &m->candidates[ci];
    const Employer *e = &m->employers[ei];
    int n = e->tasks.n;
    Elastic *p = mw_calloc(1, sizeof *p);
    if (!p)
        return NULL;
    mw_arena_init(&p->arena);

    /* which tasks may enter, before requires and routes: everything the
     * carving model could use if the candidate's limits moved, but never a
     * category marked never (a wish, not a limit) */
    char *in = mw_arena_alloc(&p->arena, (size_t)n + 1);
    char *route = mw_arena_alloc(&p->arena, (size_t)m->n_jobs + 1);
    if (!in || !route)
        goto oom;
    for (int k = 0; k < n; k++) {
        const Task *t = &m->tasks[e->tasks.items[k]];
        int slot;
        in[k] = (t->carvable || m->jobs[t->job].is_vacancy) && !intlist_has(&c->dislikes_never, t->category) &&
                task_days(c, t, &slot) != 0;
    }
    pair_admit(m, e, in, route);

    PairEntry en;
    if (pair_enter(m, e, in, route, &p->arena, &en))
        goto oom;
    p->nt = en.nt;
    p->nj = en.nj;
    p->ng = en.ng;
    p->j = en.j;
    p->nreq = en.nreq;
    p->req = en.req;
    p->t = mw_arena_alloc(&p->arena, sizeof *p->t * (size_t)(p->nt + 1));
    if (!p->t)
        goto oom;
    for (int a = 0; a < p->nt; a++) {
        const Task *t = &m->tasks[en.task[a]];
        ETask *et = &p->t[a];
        pair_task_fill(m, c, &en, a, task_days(c, t, &et->slot), route, &et->pt);
        for (int d = 0; d < MW_DAYS; d++)
            if (et->slot && (et->pt.days >> d & 1))
                et->cap_out[d] = MW_PART_HOURS * mw_popcount(~filter_day_parts(c, d) & t->parts & 0xFu);
        et->gap = filter_skill_gap(c, t);
    }

    size_t ndim = (size_t)m->n_dims + 1;
    p->level = mw_arena_alloc(&p->arena, sizeof *p->level * ndim);
    p->flag = mw_arena_alloc(&p->arena, sizeof *p->flag * ndim);
    p->exp = mw_arena_alloc(&p->arena, sizeof *p->exp * ndim);
    p->share = mw_arena_alloc(&p->arena, sizeof *p->share * ndim);
    if (!p->level || !p->flag || !p->exp || !p->share)
        goto oom;
    for (int d = 0; d < m->n_dims; d++) {
        int st = MW_OK;
        switch (m->dims[d].kind) {
        case DIM_LEVEL:
            if (c->lim_state[d] == LIM_KNOWN)
                st = add_dim(p, m, c, e, d, p->level, &p->nlevel);
            break;
        case DIM_FLAG:
            if (lacks_flag(c, d))
                st = add_dim(p, m, c, e, d, p->flag, &p->nflag);
            break;
        case DIM_EXPOSURE:
            if (c->lim_state[d] == LIM_KNOWN)
                st = add_dim(p, m, c, e, d, p->exp, &p->nexp);
            break;
        case DIM_SHARE:
            if (c->lim_state[d] == LIM_KNOWN)
                st = add_dim(p, m, c, e, d, p->share, &p->nshare);
            break;
        }
        if (st)
            goto oom;
    }

    p->Hmin = c->min_hours_week;
    p->Hmax = c->max_hours_week;
    p->Hday = c->max_hours_day;
    for (int d = 0; d < MW_DAYS; d++)
        p->avail[d] = (uint8_t)filter_day_parts(c, d);
    p->Dmax = c->max_days_week;
    p->tmin = c->min_tasks;
    p->tmax = c->max_tasks;
    p->Gmax = c->max_groups;
    p->need = c->support_min_day;
    p->Cap = e->supervision_min_day * e->working_days;
    return p;
oom:
    elastic_free(p);
    return NULL;
}

/* ---- building: rows and columns in 0-based terms (lp.h) ----------------- */

/* Column numbers (0-based); -1 where a variable does not exist. */
typedef struct {
    int *h, *y, *z, *v, *skill;      /* z: only with a group limit; v: per local job */
    int (*a)[MW_DAYS];               /* hours of t on d inside the availability */
    int (*b)[MW_DAYS];               /* ... and outside it (elastic, slot-relaxed tasks) */
    int w[MW_DAYS];
    int *level, *flag, *exp, *share; /* δ per limit of the instance */
    int hmin, hmax, hday, days, tmin, tmax, groups, sup;
} Cols;

static void cols_free(Cols *c)
{
    mw_free(c->h);
    mw_free(c->y);
    mw_free(c->z);
    mw_free(c->v);
    mw_free(c->skill);
    mw_free(c->a);
    mw_free(c->b);
    mw_free(c->level);
    mw_free(c->flag);
    mw_free(c->exp);
    mw_free(c->share);
}

/* The elastic model. Every δ column carries its weight in the objective
 * (minimised); the rows are those of docs/carving-model.md, with the
 * candidate's limits (and the employer's supervision capacity) widened by
 * their δ, and the day hours split into an availability part (a) and, for
 * tasks that fail the availability filter, an elastic part (b). */
static int build(LpBuilder *b, const Elastic *p, Cols *c)
{
    int nt = p->nt;
    c->h = mw_calloc((size_t)nt + 1, sizeof(int));
    c->y = mw_calloc((size_t)nt + 1, sizeof(int));
    c->skill = mw_calloc((size_t)nt + 1, sizeof(int));
    c->z = mw_calloc((size_t)p->ng + 1, sizeof(int));
    c->v = mw_calloc((size_t)p->nj + 1, sizeof(int));
    c->a = mw_calloc((size_t)nt + 1, sizeof *c->a);
    c->b = mw_calloc((size_t)nt + 1, sizeof *c->b);
    c->level = mw_calloc((size_t)p->nlevel + 1, sizeof(int));
    c->flag = mw_calloc((size_t)p->nflag + 1, sizeof(int));
    c->exp = mw_calloc((size_t)p->nexp + 1, sizeof(int));
    c->share = mw_calloc((size_t)p->nshare + 1, sizeof(int));
    if (!c->h || !c->y || !c->skill || !c->z || !c->v || !c->a || !c->b || !c->level || !c->flag || !c->exp ||
        !c->share)
        return MW_ENOMEM;
    const double *wt = miss_weights;

    glp_set_obj_dir(b->lp, GLP_MIN);
    for (int t = 0; t < nt; t++) {
        const ETask *et = &p->t[t];
        c->h[t] = lp_add_col(b, GLP_CV, 0, HUGE_VAL, 0);
        c->y[t] = lp_add_col(b, GLP_BV, 0, 1, 0);
        for (int d = 0; d < MW_DAYS; d++) {
            c->a[t][d] = et->pt.cap[d] > 0 ? lp_add_col(b, GLP_CV, 0, et->pt.cap[d], 0) : -1;
            c->b[t][d] = et->cap_out[d] > 0 ? lp_add_col(b, GLP_CV, 0, et->cap_out[d], wt[MISS_AVAILABILITY]) : -1;
        }
        /* y ≤ δ_skill with y binary: δ is 0 or 1 at the optimum */
        c->skill[t] = et->gap ? lp_add_col(b, GLP_CV, 0, 1, wt[MISS_SKILL]) : -1;
    }
    for (int d = 0; d < MW_DAYS; d++) {
        int any = 0;
        for (int t = 0; t < nt; t++)
            any |= c->a[t][d] >= 0 || c->b[t][d] >= 0;
        c->w[d] = any ? lp_add_col(b, GLP_BV, 0, 1, 0) : -1;
    }
    for (int g = 0; g < p->ng; g++)
        c->z[g] = p->Gmax > 0 ? lp_add_col(b, GLP_BV, 0, 1, 0) : -1;
    for (int j = 0; j < p->nj; j++)
        c->v[j] = p->j[j].vacancy ? lp_add_col(b, GLP_BV, 0, 1, 0) : -1;
    for (int k = 0; k < p->nlevel; k++)
        c->level[k] = lp_add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_LEVEL]);
    for (int k = 0; k < p->nflag; k++)
        c->flag[k] = lp_add_col(b, GLP_CV, 0, 1, wt[MISS_FLAG]);
    for (int k = 0; k < p->nexp; k++)
        c->exp[k] = lp_add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_EXPOSURE]);
    for (int k = 0; k < p->nshare; k++)
        c->share[k] = lp_add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_SHARE]);
    c->hmin = p->Hmin > 0 ? lp_add_col(b, GLP_CV, 0, p->Hmin, wt[MISS_HOURS_MIN]) : -1;
    c->hmax = lp_add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_HOURS_MAX]);
    c->hday = lp_add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_HOURS_DAY]);
    c->days = lp_add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_DAYS]);
    c->tmin = p->tmin > 1 ? lp_add_col(b, GLP_CV, 0, p->tmin - 1, wt[MISS_TASKS_MIN]) : -1;
    c->tmax = p->tmax > 0 ? lp_add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_TASKS_MAX]) : -1;
    c->groups = p->Gmax > 0 ? lp_add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_GROUPS]) : -1;
    c->sup = lp_add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_SUPERVISION]);

    int r;
    for (int t = 0; t < nt; t++) {
        const PairTask *pt = &p->t[t].pt;
        lp_rows_work(b, pt, c->h[t], c->y[t]);
        if (pt->flexible) {                         /* Σ_d (a + b) = h */
            r = lp_add_row(b, 0, 0);
            lp_coef(b, r, c->h[t], -1);
            for (int d = 0; d < MW_DAYS; d++) {
                lp_coef(b, r, c->a[t][d], 1);
                lp_coef(b, r, c->b[t][d], 1);
            }
        } else {                                    /* a + b = h/|D| on each d ∈ D */
            int ndays = mw_popcount(pt->days);
            for (int d = 0; d < MW_DAYS; d++) {
                if (!(pt->days >> d & 1))
                    continue;
                r = lp_add_row(b, 0, 0);
                lp_coef(b, r, c->h[t], -1.0 / ndays);
                lp_coef(b, r, c->a[t][d], 1);
                lp_coef(b, r, c->b[t][d], 1);
            }
        }
        if (c->skill[t] >= 0) {                     /* y ≤ δ_skill */
            r = lp_add_row(b, -HUGE_VAL, 0);
            lp_coef(b, r, c->y[t], 1);
            lp_coef(b, r, c->skill[t], -1);
        }
    }
    for (int d = 0; d < MW_DAYS; d++) {
        if (c->w[d] < 0)
            continue;
        int nin = mw_popcount(p->avail[d]), any_out = 0;
        r = lp_add_row(b, -HUGE_VAL, 0);            /* hours only on a working day */
        for (int t = 0; t < nt; t++) {
            lp_coef(b, r, c->a[t][d], 1);
            lp_coef(b, r, c->b[t][d], 1);
        }
        lp_coef(b, r, c->w[d], -MW_PART_HOURS * MW_PARTS);
        r = lp_add_row(b, -HUGE_VAL, p->Hday);      /* per day: Σ ≤ Hday + δ_day */
        for (int t = 0; t < nt; t++) {
            lp_coef(b, r, c->a[t][d], 1);
            lp_coef(b, r, c->b[t][d], 1);
        }
        lp_coef(b, r, c->hday, -1);
        r = lp_add_row(b, -HUGE_VAL, MW_PART_HOURS * nin); /* the available parts hold 4 h each */
        for (int t = 0; t < nt; t++) {
            lp_coef(b, r, c->a[t][d], 1);
            any_out |= c->b[t][d] >= 0;
        }
        if (any_out) {                              /* ... and so do the others */
            r = lp_add_row(b, -HUGE_VAL, MW_PART_HOURS * (MW_PARTS - nin));
            for (int t = 0; t < nt; t++)
                lp_coef(b, r, c->b[t][d], 1);
        }
        for (int k = 0; k < p->nexp; k++) {         /* exposure: Σ e dh ≤ B + δ */
            r = lp_add_row(b, -HUGE_VAL, p->exp[k].limit);
            for (int t = 0; t < nt; t++) {
                lp_coef(b, r, c->a[t][d], p->exp[k].coef[t]);
                lp_coef(b, r, c->b[t][d], p->exp[k].coef[t]);
            }
            lp_coef(b, r, c->exp[k], -1);
        }
    }
    if (p->Hmin > 0) {                              /* Σ h ≥ Hmin − δ */
        r = lp_add_row(b, p->Hmin, HUGE_VAL);
        for (int t = 0; t < nt; t++)
            lp_coef(b, r, c->h[t], 1);
        lp_coef(b, r, c->hmin, 1);
    }
    r = lp_add_row(b, -HUGE_VAL, p->Hmax);          /* Σ h ≤ Hmax + δ */
    for (int t = 0; t < nt; t++)
        lp_coef(b, r, c->h[t], 1);
    lp_coef(b, r, c->hmax, -1);
    r = lp_add_row(b, -HUGE_VAL, p->Dmax);          /* Σ w ≤ Dmax + δ */
    for (int d = 0; d < MW_DAYS; d++)
        lp_coef(b, r, c->w[d], 1);
    lp_coef(b, r, c->days, -1);
    double hmax_scale = p->Hmax > 0 ? p->Hmax : 1;
    for (int k = 0; k < p->nshare; k++) {           /* Σ (s − S) h ≤ δ Hmax */
        r = lp_add_row(b, -HUGE_VAL, 0);
        for (int t = 0; t < nt; t++)
            lp_coef(b, r, c->h[t], p->share[k].coef[t] - p->share[k].limit);
        lp_coef(b, r, c->share[k], -hmax_scale);
    }
    r = lp_add_row(b, 1, HUGE_VAL);                 /* a package has a task: not a limit */
    for (int t = 0; t < nt; t++)
        lp_coef(b, r, c->y[t], 1);
    if (c->tmin >= 0) {                             /* Σ y ≥ nmin − δ */
        r = lp_add_row(b, p->tmin, HUGE_VAL);
        for (int t = 0; t < nt; t++)
            lp_coef(b, r, c->y[t], 1);
        lp_coef(b, r, c->tmin, 1);
    }
    if (c->tmax >= 0) {                             /* Σ y ≤ nmax + δ */
        r = lp_add_row(b, -HUGE_VAL, p->tmax);
        for (int t = 0; t < nt; t++)
            lp_coef(b, r, c->y[t], 1);
        lp_coef(b, r, c->tmax, -1);
    }
    if (p->Gmax > 0) {                              /* y ≤ z_g; Σ z ≤ Gmax + δ */
        for (int t = 0; t < nt; t++) {
            r = lp_add_row(b, -HUGE_VAL, 0);
            lp_coef(b, r, c->y[t], 1);
            lp_coef(b, r, c->z[p->t[t].pt.group], -1);
        }
        r = lp_add_row(b, -HUGE_VAL, p->Gmax);
        for (int g = 0; g < p->ng; g++)
            lp_coef(b, r, c->z[g], 1);
        lp_coef(b, r, c->groups, -1);
    }
    for (int q = 0; q < p->nreq; q++) {             /* coupling */
        r = lp_add_row(b, -HUGE_VAL, 0);
        lp_coef(b, r, c->y[p->req[q][0]], 1);
        lp_coef(b, r, c->y[p->req[q][1]], -1);
    }
    r = lp_add_row(b, -HUGE_VAL, p->Cap);           /* supervision ≤ Cap + δ */
    for (int d = 0; d < MW_DAYS; d++)
        lp_coef(b, r, c->w[d], p->need);
    for (int t = 0; t < nt; t++)
        lp_coef(b, r, c->h[t], p->t[t].pt.sigma);
    lp_coef(b, r, c->sup, -1);
    for (int j = 0; j < p->nj; j++) {               /* donor job */
        const PairJob *pj = &p->j[j];
        if (pj->R <= 0)
            continue;
        r = lp_add_row(b, -HUGE_VAL, pj->W - pj->R);
        for (int t = 0; t < nt; t++)
            if (p->t[t].pt.job == j)
                lp_coef(b, r, c->h[t], p->t[t].pt.pi);
        lp_coef(b, r, c->v[j], -pj->R);
    }
    for (int t = 0; t < nt; t++)                    /* vacancy route */
        lp_rows_route(b, &p->t[t].pt, c->h[t], c->v[p->t[t].pt.job]);
    for (int k = 0; k < p->nlevel; k++)             /* level: gap · y ≤ δ */
        for (int t = 0; t < nt; t++)
            if (p->level[k].coef[t] > 0) {
                r = lp_add_row(b, -HUGE_VAL, 0);
                lp_coef(b, r, c->y[t], p->level[k].coef[t]);
                lp_coef(b, r, c->level[k], -1);
            }
    for (int k = 0; k < p->nflag; k++)              /* flag: y ≤ δ */
        for (int t = 0; t < nt; t++)
            if (p->flag[k].coef[t] > 0) {
                r = lp_add_row(b, -HUGE_VAL, 0);
                lp_coef(b, r, c->y[t], 1);
                lp_coef(b, r, c->flag[k], -1);
            }
    return lp_load_matrix(b);
}

/* ---- reading the miss back ----------------------------------------------- */

/* Solver noise off the reported values (3.0000000000000004 -> 3). */
static double snap(double v)
{
    double r = round(v * 1e9) / 1e9;
    return r == 0 ? 0 : r;
}

static void add_item(NearestMiss *out, MissKind kind, int dim, double from, double to, int task)
{
    to = snap(to);
    if (fabs(to - from) <= 1e-6)
        return;
    out->items[out->n++] = (MissItem){kind, dim, from, to, task};
    out->violation += miss_weights[kind] * fabs(to - from);
}

static int item_cmp(const void *pa, const void *pb)
{
    const MissItem *x = pa, *y = pb;
    if (x->kind != y->kind)
        return (int)x->kind - (int)y->kind;
    if (x->dim != y->dim)
        return x->dim < y->dim ? -1 : 1;
    return x->task < y->task ? -1 : x->task > y->task;
}

/* Recomputes every limit the package found exceeds from the package itself
 * (not from the δ values), so that "to" unlocks exactly this package. */
static int extract(glp_prob *lp, const Elastic *p, const Cols *c, NearestMiss *out)
{
    int nt = p->nt, status = MW_ENOMEM;
    double *h = mw_calloc((size_t)nt + 1, sizeof(double));
    double (*dh)[MW_DAYS] = mw_calloc((size_t)nt + 1, sizeof *dh);
    double *outside = mw_calloc((size_t)nt + 1, sizeof(double));
    int *used = mw_calloc((size_t)nt + 1, sizeof(int));
    char *gused = mw_calloc((size_t)p->ng + 1, 1);
    out->items = mw_calloc((size_t)(p->nlevel + p->nflag + p->nexp + p->nshare + 2 * nt + MISS_KIND_COUNT),
                           sizeof *out->items);
    if (!h || !dh || !outside || !used || !gused || !out->items)
        goto done;
    double H = 0, sup = 0, day_total[MW_DAYS] = {0};
    int ntasks = 0, ngroups = 0, ndays = 0;
    for (int t = 0; t < nt; t++) {
        used[t] = glp_mip_col_val(lp, lp_col1(c->y[t])) > 0.5;
        if (!used[t])
            continue;
        h[t] = glp_mip_col_val(lp, lp_col1(c->h[t]));
        for (int d = 0; d < MW_DAYS; d++) {
            double a = c->a[t][d] >= 0 ? glp_mip_col_val(lp, lp_col1(c->a[t][d])) : 0;
            double bo = c->b[t][d] >= 0 ? glp_mip_col_val(lp, lp_col1(c->b[t][d])) : 0;
            dh[t][d] = a + bo;
            outside[t] += bo;
            day_total[d] += a + bo;
        }
        H += h[t];
        sup += p->t[t].pt.sigma * h[t];
        ntasks++;
        if (!gused[p->t[t].pt.group]) {
            gused[p->t[t].pt.group] = 1;
            ngroups++;
        }
    }
    double longest = 0;
    for (int d = 0; d < MW_DAYS; d++) {
        if (day_total[d] > 1e-6)
            ndays++;
        if (day_total[d] > longest)
            longest = day_total[d];
    }
    sup += p->need * ndays;

    for (int k = 0; k < p->nlevel; k++) {           /* the largest demand used */
        const EDim *L = &p->level[k];
        int task = -1;
        double gap = 0;
        for (int t = 0; t < nt; t++)
            if (used[t] && L->coef[t] > 0 &&
                (L->coef[t] > gap || (L->coef[t] == gap && p->t[t].pt.task < task))) {
                gap = L->coef[t];
                task = p->t[t].pt.task;
            }
        add_item(out, MISS_LEVEL, L->dim, L->limit, L->limit + gap, task);
    }
    for (int k = 0; k < p->nflag; k++) {
        int task = -1;
        for (int t = 0; t < nt; t++)
            if (used[t] && p->flag[k].coef[t] > 0 && (task < 0 || p->t[t].pt.task < task))
                task = p->t[t].pt.task;
        if (task >= 0)
            add_item(out, MISS_FLAG, p->flag[k].dim, 0, 1, task);
    }
    for (int k = 0; k < p->nexp; k++) {             /* the most exposed day */
        double top = 0;
        for (int d = 0; d < MW_DAYS; d++) {
            double x = 0;
            for (int t = 0; t < nt; t++)
                x += used[t] ? p->exp[k].coef[t] * dh[t][d] : 0;
            if (x > top)
                top = x;
        }
        if (top > p->exp[k].limit)
            add_item(out, MISS_EXPOSURE, p->exp[k].dim, p->exp[k].limit, top, -1);
    }
    for (int k = 0; k < p->nshare; k++) {           /* the package's own share */
        double x = 0;
        for (int t = 0; t < nt; t++)
            x += used[t] ? p->share[k].coef[t] * h[t] : 0;
        if (H > 0 && x / H > p->share[k].limit)
            add_item(out, MISS_SHARE, p->share[k].dim, p->share[k].limit, x / H, -1);
    }
    if (H < p->Hmin)
        add_item(out, MISS_HOURS_MIN, -1, p->Hmin, H, -1);
    if (H > p->Hmax)
        add_item(out, MISS_HOURS_MAX, -1, p->Hmax, H, -1);
    if (longest > p->Hday)
        add_item(out, MISS_HOURS_DAY, -1, p->Hday, longest, -1);
    if (ndays > p->Dmax)
        add_item(out, MISS_DAYS, -1, p->Dmax, ndays, -1);
    if (p->tmin > 1 && ntasks < p->tmin)
        add_item(out, MISS_TASKS_MIN, -1, p->tmin, ntasks, -1);
    if (p->tmax > 0 && ntasks > p->tmax)
        add_item(out, MISS_TASKS_MAX, -1, p->tmax, ntasks, -1);
    if (p->Gmax > 0 && ngroups > p->Gmax)
        add_item(out, MISS_GROUPS, -1, p->Gmax, ngroups, -1);
    for (int t = 0; t < nt; t++) {
        if (used[t] && outside[t] > 0)
            add_item(out, MISS_AVAILABILITY, -1, 0, outside[t], p->t[t].pt.task);
        if (used[t] && p->t[t].gap)
            add_item(out, MISS_SKILL, -1, 0, 1, p->t[t].pt.task);
    }
    if (sup > p->Cap)
        add_item(out, MISS_SUPERVISION, -1, p->Cap, sup, -1);
    qsort(out->items, (size_t)out->n, sizeof *out->items, item_cmp);
    out->violation = snap(out->violation);
    status = MW_OK;
done:
    mw_free(h);
    mw_free(dh);
    mw_free(outside);
    mw_free(used);
    mw_free(gused);
    return status;
}

/* ---- containment and solving --------------------------------------------- */

/* Everything a solve allocates, on the heap so that it survives the
 * longjmp of the error hook with defined values. */
typedef struct {
    LpTrap trap;
    LpBuilder b;
    Cols c;
} Solve;

/* Removes the error hook and frees everything, the problem included. */
static void solve_free(Solve *s)
{
    lp_close(&s->b);
    cols_free(&s->c);
    mw_free(s);
}

/* Seconds to GLPK's milliseconds, clamped to what an int holds. */
static int time_limit_ms(double seconds)
{
    double ms = seconds * 1000;
    if (!(ms >= 1))
        return 1;
    return ms >= INT_MAX ? INT_MAX : (int)ms;
}

/* LP relaxation (no presolve), then branch and cut (no presolve: it starts
 * from the optimal basis), each with the time limit and no output. */
static int solve_mip(Solve *s, const Elastic *p, double time_limit, NearestMiss *out)
{
    glp_prob *lp = s->b.lp;
    int tm_lim = time_limit_ms(time_limit);
    int ret = lp_simplex(lp, tm_lim);
    if (ret == GLP_ENOPFS || (ret == 0 && glp_get_status(lp) == GLP_NOFEAS)) {
        out->status = MISS_NONE;
        return MW_OK;
    }
    if (ret != 0 || glp_get_status(lp) != GLP_OPT) {
        out->time_limit = ret == GLP_ETMLIM;
        out->status = MISS_SOLVER_ERROR;
        return MW_OK;
    }
    ret = lp_intopt(lp, tm_lim);
    int mst = glp_mip_status(lp);
    out->time_limit = ret == GLP_ETMLIM;
    if ((ret == 0 || ret == GLP_ETMLIM) && (mst == GLP_OPT || mst == GLP_FEAS)) {
        out->status = MISS_FOUND;
        return extract(lp, p, &s->c, out);
    }
    out->status = mst == GLP_NOFEAS && (ret == 0 || ret == GLP_ENOPFS) ? MISS_NONE : MISS_SOLVER_ERROR;
    return MW_OK;
}

void nearest_miss_free(NearestMiss *nm)
{
    if (!nm)
        return;
    mw_free(nm->items);
    memset(nm, 0, sizeof *nm);
}

int elastic_nearest_miss(const Model *m, int cand, int emp, const Weights *w, NearestMiss *out)
{
    memset(out, 0, sizeof *out);
    Elastic *p = elastic_build(m, cand, emp);
    if (!p)
        return MW_ENOMEM;
    if (p->nt == 0) {
        out->status = MISS_NONE;
        elastic_free(p);
        return MW_OK;
    }
    Solve *s = mw_calloc(1, sizeof *s);
    if (!s) {
        elastic_free(p);
        return MW_ENOMEM;
    }
    int status;
    if (setjmp(s->trap.jump)) {
        lp_trapped(&s->b);
        nearest_miss_free(out);
        out->status = MISS_SOLVER_ERROR;
        status = MW_OK;
    } else {
        lp_open(&s->b, &s->trap);
        status = build(&s->b, p, &s->c);
        if (status == MW_OK)
            status = solve_mip(s, p, w->time_limit, out);
    }
    solve_free(s);
    elastic_free(p);
    if (status != MW_OK)
        nearest_miss_free(out);
    return status;
}
