/* elastic.c — the nearest miss (DESIGN §5): the carving model of
 * docs/carving-model.md with elastic variables δ ≥ 0 on the candidate's
 * limits and on the employer's supervision capacity, minimising Σ weight·δ
 * through the GLPK C API, then reading back which limits moved and by how
 * much. Layer: solve. Knows nothing about files or output. The builder
 * helpers and the error-hook containment follow carve.c.
 */
#include "elastic.h"

#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
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
    int task, job, group;     /* model task index; local job and group */
    double W, m, pi;          /* work volume, minimum chunk (work), pace */
    int indivisible, flexible;
    uint8_t days;             /* D_t */
    double cap_in[MW_DAYS];   /* hours of t on d inside the availability */
    double cap_out[MW_DAYS];  /* hours of t on d outside it (slot-relaxed tasks only) */
    double sigma;             /* supervision minutes per hour */
    int mandatory, vacancy_only;
    int slot;                 /* fails the availability filter: may use cap_out at a price */
    int skill;                /* has a non-trainable skill gap: used only at a price */
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

static int in_list(const IntList *l, int v)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i] == v)
            return 1;
    return 0;
}

static int popcount8(unsigned v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

static unsigned day_parts(const Candidate *c, int d)
{
    return c->availability >> (d * MW_PARTS) & ((1u << MW_PARTS) - 1);
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

/* A skill the task needs, not trainable on the job, that c lacks. */
static int skill_gap(const Candidate *c, const Task *t)
{
    for (int i = 0; i < t->skills.n; i++) {
        const SkillLevel *need = &t->skills.items[i];
        if (need->trainable)
            continue;
        int have = -1;
        for (int k = 0; k < c->skills.n; k++)
            if (c->skills.items[k].name == need->name)
                have = c->skills.items[k].level;
        if (have < need->level)
            return 1;
    }
    return 0;
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
        double load = m->tasks[p->t[a].task].load[d];
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
        in[k] = (t->carvable || m->jobs[t->job].is_vacancy) && !in_list(&c->dislikes_never, t->category) &&
                task_days(c, t, &slot) != 0;
    }
    for (int k = 0; k < e->jobs.n; k++)
        route[e->jobs.items[k]] = (char)m->jobs[e->jobs.items[k]].is_vacancy;
    /* the closure of pair.c: drop tasks whose required tasks left, close
     * vacancy routes whose mandatory tasks left, drop non-carvable tasks of
     * closed routes, until nothing changes */
    for (int changed = 1; changed;) {
        changed = 0;
        for (int k = 0; k < n; k++) {
            const Task *t = &m->tasks[e->tasks.items[k]];
            if (!in[k])
                continue;
            int drop = !t->carvable && !route[t->job];
            for (int r = 0; r < t->requires.n && !drop; r++) {
                int kb = -1;
                for (int q = 0; q < n; q++)
                    if (e->tasks.items[q] == t->requires.items[r])
                        kb = q;
                drop = kb < 0 || !in[kb];
            }
            if (drop) {
                in[k] = 0;
                changed = 1;
            }
        }
        for (int k = 0; k < n; k++) {
            const Task *t = &m->tasks[e->tasks.items[k]];
            if (!in[k] && t->mandatory_in_vacancy && route[t->job]) {
                route[t->job] = 0;
                changed = 1;
            }
        }
    }

    for (int k = 0; k < n; k++)
        p->nt += in[k];
    p->t = mw_arena_alloc(&p->arena, sizeof *p->t * (size_t)(p->nt + 1));
    p->j = mw_arena_alloc(&p->arena, sizeof *p->j * (size_t)(p->nt + 1));
    int *local_job = mw_arena_alloc(&p->arena, sizeof(int) * (size_t)(m->n_jobs + 1));
    int *groups = mw_arena_alloc(&p->arena, sizeof(int) * (size_t)(p->nt + 1));
    if (!p->t || !p->j || !local_job || !groups)
        goto oom;
    for (int k = 0; k < e->jobs.n; k++)
        local_job[e->jobs.items[k]] = -1;
    int nt = 0;
    for (int k = 0; k < n; k++) {
        if (!in[k])
            continue;
        int ti = e->tasks.items[k];
        const Task *t = &m->tasks[ti];
        ETask *et = &p->t[nt++];
        et->task = ti;
        if (local_job[t->job] < 0) {
            PairJob *pj = &p->j[p->nj];
            pj->job = t->job;
            pj->W = m->jobs[t->job].hours_week;
            pj->R = m->jobs[t->job].min_residual_hours;
            pj->vacancy = route[t->job];
            local_job[t->job] = p->nj++;
        }
        et->job = local_job[t->job];
        int g = -1;
        for (int q = 0; q < p->ng; q++)
            if (groups[q] == t->group)
                g = q;
        if (g < 0) {
            g = p->ng;
            groups[p->ng++] = t->group;
        }
        et->group = g;
        et->W = t->hours_week;
        et->pi = t->time_bound ? 1.0 : c->loonwaarde;
        double floor_work = t->hours_week < 1.0 ? t->hours_week : 1.0;
        et->m = t->min_chunk_hours > floor_work ? t->min_chunk_hours : floor_work;
        et->indivisible = !t->divisible;
        et->flexible = !t->days_fixed;
        et->days = task_days(c, t, &et->slot);
        for (int d = 0; d < MW_DAYS; d++) {
            if (!(et->days >> d & 1))
                continue;
            et->cap_in[d] = MW_PART_HOURS * popcount8(day_parts(c, d) & t->parts);
            if (et->slot)
                et->cap_out[d] = MW_PART_HOURS * popcount8(~day_parts(c, d) & t->parts & 0xFu);
        }
        et->sigma = t->supervision_min_per_hour;
        et->mandatory = t->mandatory_in_vacancy && route[t->job];
        et->vacancy_only = !t->carvable;
        et->skill = skill_gap(c, t);
    }

    for (int a = 0; a < p->nt; a++)
        p->nreq += m->tasks[p->t[a].task].requires.n;
    p->req = mw_arena_alloc(&p->arena, sizeof *p->req * (size_t)(p->nreq + 1));
    if (!p->req)
        goto oom;
    p->nreq = 0;
    for (int a = 0; a < p->nt; a++) {
        const Task *t = &m->tasks[p->t[a].task];
        for (int r = 0; r < t->requires.n; r++)
            for (int b = 0; b < p->nt; b++)
                if (p->t[b].task == t->requires.items[r]) {
                    p->req[p->nreq][0] = a;
                    p->req[p->nreq][1] = b;
                    p->nreq++;
                }
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
        p->avail[d] = (uint8_t)day_parts(c, d);
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

/* ---- building: rows and columns in 0-based terms, converted once ---------- */

typedef struct {
    glp_prob *lp;
    int n, cap;            /* triplets */
    int *ia, *ja;
    double *ar;
    int nomem;
} Builder;

static int col1(int col) { return col + 1; }
static int row1(int row) { return row + 1; }

static int add_col(Builder *b, int kind, double lb, double ub, double obj)
{
    int j = glp_add_cols(b->lp, 1);
    int type = ub >= HUGE_VAL ? GLP_LO : lb == ub ? GLP_FX : GLP_DB;
    glp_set_col_kind(b->lp, j, kind);
    if (kind != GLP_BV)
        glp_set_col_bnds(b->lp, j, type, lb, ub);
    glp_set_obj_coef(b->lp, j, obj);
    return j - 1;
}

/* A row lb <= a·x <= ub; HUGE_VAL / -HUGE_VAL for no bound. */
static int add_row(Builder *b, double lb, double ub)
{
    int i = glp_add_rows(b->lp, 1);
    int type = lb <= -HUGE_VAL ? (ub >= HUGE_VAL ? GLP_FR : GLP_UP)
             : ub >= HUGE_VAL ? GLP_LO : lb == ub ? GLP_FX : GLP_DB;
    glp_set_row_bnds(b->lp, i, type, lb, ub);
    return i - 1;
}

static void coef(Builder *b, int row, int col, double v)
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
    b->ia[b->n] = row1(row);
    b->ja[b->n] = col1(col);
    b->ar[b->n] = v;
}

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
static int build(Builder *b, const Elastic *p, Cols *c)
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
        c->h[t] = add_col(b, GLP_CV, 0, HUGE_VAL, 0);
        c->y[t] = add_col(b, GLP_BV, 0, 1, 0);
        for (int d = 0; d < MW_DAYS; d++) {
            c->a[t][d] = et->cap_in[d] > 0 ? add_col(b, GLP_CV, 0, et->cap_in[d], 0) : -1;
            c->b[t][d] = et->cap_out[d] > 0 ? add_col(b, GLP_CV, 0, et->cap_out[d], wt[MISS_AVAILABILITY]) : -1;
        }
        /* y ≤ δ_skill with y binary: δ is 0 or 1 at the optimum */
        c->skill[t] = et->skill ? add_col(b, GLP_CV, 0, 1, wt[MISS_SKILL]) : -1;
    }
    for (int d = 0; d < MW_DAYS; d++) {
        int any = 0;
        for (int t = 0; t < nt; t++)
            any |= c->a[t][d] >= 0 || c->b[t][d] >= 0;
        c->w[d] = any ? add_col(b, GLP_BV, 0, 1, 0) : -1;
    }
    for (int g = 0; g < p->ng; g++)
        c->z[g] = p->Gmax > 0 ? add_col(b, GLP_BV, 0, 1, 0) : -1;
    for (int j = 0; j < p->nj; j++)
        c->v[j] = p->j[j].vacancy ? add_col(b, GLP_BV, 0, 1, 0) : -1;
    for (int k = 0; k < p->nlevel; k++)
        c->level[k] = add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_LEVEL]);
    for (int k = 0; k < p->nflag; k++)
        c->flag[k] = add_col(b, GLP_CV, 0, 1, wt[MISS_FLAG]);
    for (int k = 0; k < p->nexp; k++)
        c->exp[k] = add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_EXPOSURE]);
    for (int k = 0; k < p->nshare; k++)
        c->share[k] = add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_SHARE]);
    c->hmin = p->Hmin > 0 ? add_col(b, GLP_CV, 0, p->Hmin, wt[MISS_HOURS_MIN]) : -1;
    c->hmax = add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_HOURS_MAX]);
    c->hday = add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_HOURS_DAY]);
    c->days = add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_DAYS]);
    c->tmin = p->tmin > 1 ? add_col(b, GLP_CV, 0, p->tmin - 1, wt[MISS_TASKS_MIN]) : -1;
    c->tmax = p->tmax > 0 ? add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_TASKS_MAX]) : -1;
    c->groups = p->Gmax > 0 ? add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_GROUPS]) : -1;
    c->sup = add_col(b, GLP_CV, 0, HUGE_VAL, wt[MISS_SUPERVISION]);

    int r;
    for (int t = 0; t < nt; t++) {
        const ETask *et = &p->t[t];
        if (et->indivisible) {                      /* π h = W y */
            r = add_row(b, 0, 0);
            coef(b, r, c->h[t], et->pi);
            coef(b, r, c->y[t], -et->W);
        } else {
            r = add_row(b, -HUGE_VAL, 0);           /* π h ≤ W y */
            coef(b, r, c->h[t], et->pi);
            coef(b, r, c->y[t], -et->W);
            r = add_row(b, 0, HUGE_VAL);            /* π h ≥ m y */
            coef(b, r, c->h[t], et->pi);
            coef(b, r, c->y[t], -et->m);
        }
        if (et->flexible) {                         /* Σ_d (a + b) = h */
            r = add_row(b, 0, 0);
            coef(b, r, c->h[t], -1);
            for (int d = 0; d < MW_DAYS; d++) {
                coef(b, r, c->a[t][d], 1);
                coef(b, r, c->b[t][d], 1);
            }
        } else {                                    /* a + b = h/|D| on each d ∈ D */
            int ndays = popcount8(et->days);
            for (int d = 0; d < MW_DAYS; d++) {
                if (!(et->days >> d & 1))
                    continue;
                r = add_row(b, 0, 0);
                coef(b, r, c->h[t], -1.0 / ndays);
                coef(b, r, c->a[t][d], 1);
                coef(b, r, c->b[t][d], 1);
            }
        }
        if (c->skill[t] >= 0) {                     /* y ≤ δ_skill */
            r = add_row(b, -HUGE_VAL, 0);
            coef(b, r, c->y[t], 1);
            coef(b, r, c->skill[t], -1);
        }
    }
    for (int d = 0; d < MW_DAYS; d++) {
        if (c->w[d] < 0)
            continue;
        int nin = popcount8(p->avail[d]), any_out = 0;
        r = add_row(b, -HUGE_VAL, 0);               /* hours only on a working day */
        for (int t = 0; t < nt; t++) {
            coef(b, r, c->a[t][d], 1);
            coef(b, r, c->b[t][d], 1);
        }
        coef(b, r, c->w[d], -MW_PART_HOURS * MW_PARTS);
        r = add_row(b, -HUGE_VAL, p->Hday);         /* per day: Σ ≤ Hday + δ_day */
        for (int t = 0; t < nt; t++) {
            coef(b, r, c->a[t][d], 1);
            coef(b, r, c->b[t][d], 1);
        }
        coef(b, r, c->hday, -1);
        r = add_row(b, -HUGE_VAL, MW_PART_HOURS * nin);   /* the available parts hold 4 h each */
        for (int t = 0; t < nt; t++) {
            coef(b, r, c->a[t][d], 1);
            any_out |= c->b[t][d] >= 0;
        }
        if (any_out) {                              /* ... and so do the others */
            r = add_row(b, -HUGE_VAL, MW_PART_HOURS * (MW_PARTS - nin));
            for (int t = 0; t < nt; t++)
                coef(b, r, c->b[t][d], 1);
        }
        for (int k = 0; k < p->nexp; k++) {         /* exposure: Σ e dh ≤ B + δ */
            r = add_row(b, -HUGE_VAL, p->exp[k].limit);
            for (int t = 0; t < nt; t++) {
                coef(b, r, c->a[t][d], p->exp[k].coef[t]);
                coef(b, r, c->b[t][d], p->exp[k].coef[t]);
            }
            coef(b, r, c->exp[k], -1);
        }
    }
    if (p->Hmin > 0) {                              /* Σ h ≥ Hmin − δ */
        r = add_row(b, p->Hmin, HUGE_VAL);
        for (int t = 0; t < nt; t++)
            coef(b, r, c->h[t], 1);
        coef(b, r, c->hmin, 1);
    }
    r = add_row(b, -HUGE_VAL, p->Hmax);             /* Σ h ≤ Hmax + δ */
    for (int t = 0; t < nt; t++)
        coef(b, r, c->h[t], 1);
    coef(b, r, c->hmax, -1);
    r = add_row(b, -HUGE_VAL, p->Dmax);             /* Σ w ≤ Dmax + δ */
    for (int d = 0; d < MW_DAYS; d++)
        coef(b, r, c->w[d], 1);
    coef(b, r, c->days, -1);
    double hmax_scale = p->Hmax > 0 ? p->Hmax : 1;
    for (int k = 0; k < p->nshare; k++) {           /* Σ (s − S) h ≤ δ Hmax */
        r = add_row(b, -HUGE_VAL, 0);
        for (int t = 0; t < nt; t++)
            coef(b, r, c->h[t], p->share[k].coef[t] - p->share[k].limit);
        coef(b, r, c->share[k], -hmax_scale);
    }
    r = add_row(b, 1, HUGE_VAL);                    /* a package has a task: not a limit */
    for (int t = 0; t < nt; t++)
        coef(b, r, c->y[t], 1);
    if (c->tmin >= 0) {                             /* Σ y ≥ nmin − δ */
        r = add_row(b, p->tmin, HUGE_VAL);
        for (int t = 0; t < nt; t++)
            coef(b, r, c->y[t], 1);
        coef(b, r, c->tmin, 1);
    }
    if (c->tmax >= 0) {                             /* Σ y ≤ nmax + δ */
        r = add_row(b, -HUGE_VAL, p->tmax);
        for (int t = 0; t < nt; t++)
            coef(b, r, c->y[t], 1);
        coef(b, r, c->tmax, -1);
    }
    if (p->Gmax > 0) {                              /* y ≤ z_g; Σ z ≤ Gmax + δ */
        for (int t = 0; t < nt; t++) {
            r = add_row(b, -HUGE_VAL, 0);
            coef(b, r, c->y[t], 1);
            coef(b, r, c->z[p->t[t].group], -1);
        }
        r = add_row(b, -HUGE_VAL, p->Gmax);
        for (int g = 0; g < p->ng; g++)
            coef(b, r, c->z[g], 1);
        coef(b, r, c->groups, -1);
    }
    for (int q = 0; q < p->nreq; q++) {             /* coupling */
        r = add_row(b, -HUGE_VAL, 0);
        coef(b, r, c->y[p->req[q][0]], 1);
        coef(b, r, c->y[p->req[q][1]], -1);
    }
    r = add_row(b, -HUGE_VAL, p->Cap);              /* supervision ≤ Cap + δ */
    for (int d = 0; d < MW_DAYS; d++)
        coef(b, r, c->w[d], p->need);
    for (int t = 0; t < nt; t++)
        coef(b, r, c->h[t], p->t[t].sigma);
    coef(b, r, c->sup, -1);
    for (int j = 0; j < p->nj; j++) {               /* donor job */
        const PairJob *pj = &p->j[j];
        if (pj->R <= 0)
            continue;
        r = add_row(b, -HUGE_VAL, pj->W - pj->R);
        for (int t = 0; t < nt; t++)
            if (p->t[t].job == j)
                coef(b, r, c->h[t], p->t[t].pi);
        coef(b, r, c->v[j], -pj->R);
    }
    for (int t = 0; t < nt; t++) {                  /* vacancy route */
        const ETask *et = &p->t[t];
        int v = c->v[et->job];
        if (et->mandatory && v >= 0) {              /* π h ≥ W v */
            r = add_row(b, 0, HUGE_VAL);
            coef(b, r, c->h[t], et->pi);
            coef(b, r, v, -et->W);
        }
        if (et->vacancy_only && v >= 0) {           /* π h ≤ W v */
            r = add_row(b, -HUGE_VAL, 0);
            coef(b, r, c->h[t], et->pi);
            coef(b, r, v, -et->W);
        }
    }
    for (int k = 0; k < p->nlevel; k++)             /* level: gap · y ≤ δ */
        for (int t = 0; t < nt; t++)
            if (p->level[k].coef[t] > 0) {
                r = add_row(b, -HUGE_VAL, 0);
                coef(b, r, c->y[t], p->level[k].coef[t]);
                coef(b, r, c->level[k], -1);
            }
    for (int k = 0; k < p->nflag; k++)              /* flag: y ≤ δ */
        for (int t = 0; t < nt; t++)
            if (p->flag[k].coef[t] > 0) {
                r = add_row(b, -HUGE_VAL, 0);
                coef(b, r, c->y[t], 1);
                coef(b, r, c->flag[k], -1);
            }
    if (b->nomem)
        return MW_ENOMEM;
    glp_load_matrix(b->lp, b->n, b->ia, b->ja, b->ar);
    return MW_OK;
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
        used[t] = glp_mip_col_val(lp, col1(c->y[t])) > 0.5;
        if (!used[t])
            continue;
        h[t] = glp_mip_col_val(lp, col1(c->h[t]));
        for (int d = 0; d < MW_DAYS; d++) {
            double a = c->a[t][d] >= 0 ? glp_mip_col_val(lp, col1(c->a[t][d])) : 0;
            double bo = c->b[t][d] >= 0 ? glp_mip_col_val(lp, col1(c->b[t][d])) : 0;
            dh[t][d] = a + bo;
            outside[t] += bo;
            day_total[d] += a + bo;
        }
        H += h[t];
        sup += p->t[t].sigma * h[t];
        ntasks++;
        if (!gused[p->t[t].group]) {
            gused[p->t[t].group] = 1;
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
                (L->coef[t] > gap || (L->coef[t] == gap && p->t[t].task < task))) {
                gap = L->coef[t];
                task = p->t[t].task;
            }
        add_item(out, MISS_LEVEL, L->dim, L->limit, L->limit + gap, task);
    }
    for (int k = 0; k < p->nflag; k++) {
        int task = -1;
        for (int t = 0; t < nt; t++)
            if (used[t] && p->flag[k].coef[t] > 0 && (task < 0 || p->t[t].task < task))
                task = p->t[t].task;
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
            add_item(out, MISS_AVAILABILITY, -1, 0, outside[t], p->t[t].task);
        if (used[t] && p->t[t].skill)
            add_item(out, MISS_SKILL, -1, 0, 1, p->t[t].task);
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

typedef struct {
    jmp_buf jump;
} Trap;

static void error_hook(void *info)
{
    Trap *trap = info;
    glp_free_env();          /* the manual's advice: free the environment, then leave */
    longjmp(trap->jump, 1);
}

/* Everything a solve allocates, on the heap so that it survives the
 * longjmp of the error hook with defined values. */
typedef struct {
    Trap trap;
    Builder b;
    Cols c;
    glp_prob *lp;
} Solve;

static void solve_free(Solve *s)
{
    if (s->lp)
        glp_delete_prob(s->lp);
    mw_free(s->b.ia);
    mw_free(s->b.ja);
    mw_free(s->b.ar);
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
    glp_prob *lp = s->lp;
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    smcp.presolve = GLP_OFF;
    smcp.tm_lim = time_limit_ms(time_limit);
    int ret = glp_simplex(lp, &smcp);
    if (ret == GLP_ENOPFS || (ret == 0 && glp_get_status(lp) == GLP_NOFEAS)) {
        out->status = MISS_NONE;
        return MW_OK;
    }
    if (ret != 0 || glp_get_status(lp) != GLP_OPT) {
        out->time_limit = ret == GLP_ETMLIM;
        out->status = MISS_SOLVER_ERROR;
        return MW_OK;
    }
    glp_iocp iocp;
    glp_init_iocp(&iocp);
    iocp.msg_lev = GLP_MSG_OFF;
    iocp.presolve = GLP_OFF;
    iocp.tm_lim = smcp.tm_lim;
    ret = glp_intopt(lp, &iocp);
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
        /* glp_free_env in the hook released the problem with the rest */
        s->lp = NULL;
        nearest_miss_free(out);
        out->status = MISS_SOLVER_ERROR;
        status = MW_OK;
    } else {
        glp_error_hook(error_hook, &s->trap);
        s->lp = glp_create_prob();
        s->b.lp = s->lp;
        status = build(&s->b, p, &s->c);
        if (status == MW_OK)
            status = solve_mip(s, p, w->time_limit, out);
    }
    glp_error_hook(NULL, NULL);
    solve_free(s);
    elastic_free(p);
    if (status != MW_OK)
        nearest_miss_free(out);
    return status;
}
