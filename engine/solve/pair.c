/* pair.c — building the numbers of one carving problem from the model
 * (docs/carving-model.md, "Which tasks enter"). Layer: solve. Pure: no GLPK,
 * no files; everything it returns lives in the PairData's arena.
 */
#include "pair.h"

#include <string.h>

#include "filter.h"

void pair_free(PairData *p)
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

static double skill_fit(const Candidate *c, const Task *t)
{
    if (!t->skills.n)
        return 0;
    double sum = 0;
    for (int i = 0; i < t->skills.n; i++) {
        const SkillLevel *need = &t->skills.items[i];
        int have = -1;
        for (int k = 0; k < c->skills.n; k++)
            if (c->skills.items[k].name == need->name)
                have = c->skills.items[k].level;
        sum += have >= need->level ? 1.0 : -0.5;   /* the filter let only trainable gaps through */
    }
    return sum / t->skills.n;
}

static int popcount8(unsigned v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

/* Available parts of candidate c on day d, as a part mask. */
static unsigned day_parts(const Candidate *c, int d)
{
    return c->availability >> (d * MW_PARTS) & ((1u << MW_PARTS) - 1);
}

PairData *pair_build(const Model *m, int ci, int ei, const Weights *w)
{
    const Candidate *c = &m->candidates[ci];
    const Employer *e = &m->employers[ei];
    int n = e->tasks.n;
    PairData *p = mw_calloc(1, sizeof *p);
    if (!p)
        return NULL;
    mw_arena_init(&p->arena);
    p->cand = ci;
    p->emp = ei;
    p->w = *w;

    /* which of the employer's tasks may enter, before requires and routes */
    char *in = mw_arena_alloc(&p->arena, (size_t)n + 1);
    char *route = mw_arena_alloc(&p->arena, (size_t)m->n_jobs + 1);  /* vacancy route open, per model job */
    if (!in || !route)
        goto oom;
    for (int k = 0; k < n; k++) {
        const Task *t = &m->tasks[e->tasks.items[k]];
        in[k] = filter_task(m, c, t, NULL) == FIT_OK && (t->carvable || m->jobs[t->job].is_vacancy);
    }
    for (int k = 0; k < e->jobs.n; k++)
        route[e->jobs.items[k]] = (char)m->jobs[e->jobs.items[k]].is_vacancy;
    /* drop until stable: tasks whose required tasks left, vacancy routes
     * whose mandatory tasks left, and non-carvable tasks of closed routes */
    for (int changed = 1; changed;) {
        changed = 0;
        for (int k = 0; k < n; k++) {
            const Task *t = &m->tasks[e->tasks.items[k]];
            if (!in[k])
                continue;
            int drop = !t->carvable && !route[t->job];
            for (int r = 0; r < t->requires.n && !drop; r++) {
                int b = t->requires.items[r];
                int kb = -1;
                for (int q = 0; q < n; q++)
                    if (e->tasks.items[q] == b)
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
    int *local_job = mw_arena_alloc(&p->arena, sizeof(int) * (size_t)(m->n_jobs + 1));
    int *groups = mw_arena_alloc(&p->arena, sizeof(int) * (size_t)(p->nt + 1));
    p->j = mw_arena_alloc(&p->arena, sizeof *p->j * (size_t)(p->nt + 1));
    if (!p->t || !local_job || !groups || !p->j)
        goto oom;
    for (int k = 0; k < e->jobs.n; k++)
        local_job[e->jobs.items[k]] = -1;

    int nt = 0;
    for (int k = 0; k < n; k++) {
        if (!in[k])
            continue;
        int ti = e->tasks.items[k];
        const Task *t = &m->tasks[ti];
        const Job *job = &m->jobs[t->job];
        PairTask *pt = &p->t[nt++];
        pt->task = ti;
        if (local_job[t->job] < 0) {
            PairJob *pj = &p->j[p->nj];
            pj->job = t->job;
            pj->W = job->hours_week;
            pj->R = job->min_residual_hours;
            pj->vacancy = route[t->job];
            local_job[t->job] = p->nj++;
        }
        pt->job = local_job[t->job];
        int g = -1;
        for (int q = 0; q < p->ng; q++)
            if (groups[q] == t->group)
                g = q;
        if (g < 0) {
            g = p->ng;
            groups[p->ng++] = t->group;
        }
        pt->group = g;
        pt->W = t->hours_week;
        pt->pi = t->time_bound ? 1.0 : c->loonwaarde;
        pt->m = t->min_chunk_hours;
        double floor_work = t->hours_week < 1.0 ? t->hours_week : 1.0;
        if (pt->m < floor_work)
            pt->m = floor_work;
        pt->indivisible = !t->divisible;
        pt->flexible = !t->days_fixed;
        pt->days = filter_task_days(c, t);
        pt->parts = t->parts;
        for (int d = 0; d < MW_DAYS; d++)
            pt->cap[d] = pt->days >> d & 1 ? MW_PART_HOURS * popcount8(day_parts(c, d) & t->parts) : 0;
        pt->sigma = t->supervision_min_per_hour;
        pt->wage = job->wage_hour;
        pt->pref = in_list(&c->likes, t->category) ? 1.0 : in_list(&c->dislikes, t->category) ? -1.0 : 0.0;
        pt->skill = skill_fit(c, t);
        pt->mandatory = t->mandatory_in_vacancy && route[t->job];
        pt->vacancy_only = !t->carvable;
    }

    /* requires, between entered tasks */
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

    /* exposure and share dimensions that can bind */
    p->exp = mw_arena_alloc(&p->arena, sizeof *p->exp * (size_t)(m->n_dims + 1));
    p->share = mw_arena_alloc(&p->arena, sizeof *p->share * (size_t)(m->n_dims + 1));
    if (!p->exp || !p->share)
        goto oom;
    for (int d = 0; d < m->n_dims; d++) {
        DimKind kind = m->dims[d].kind;
        if ((kind != DIM_EXPOSURE && kind != DIM_SHARE) || c->lim_state[d] != LIM_KNOWN)
            continue;
        int binds = 0;
        for (int a = 0; a < p->nt; a++) {
            double v = m->tasks[p->t[a].task].load[d];
            binds |= kind == DIM_EXPOSURE ? v > 0 : v > c->lim[d];
        }
        if (!binds)
            continue;
        PairDim *pd = kind == DIM_EXPOSURE ? &p->exp[p->nexp++] : &p->share[p->nshare++];
        pd->dim = d;
        pd->limit = c->lim[d];
        pd->coef = mw_arena_alloc(&p->arena, sizeof(double) * (size_t)(p->nt + 1));
        if (!pd->coef)
            goto oom;
        for (int a = 0; a < p->nt; a++)
            pd->coef[a] = m->tasks[p->t[a].task].load[d];
    }

    p->Hmin = c->min_hours_week;
    p->Hmax = c->max_hours_week;
    p->Hpref = c->pref_hours_week;
    for (int d = 0; d < MW_DAYS; d++) {
        double part_cap = MW_PART_HOURS * popcount8(day_parts(c, d));
        p->Hday[d] = part_cap < c->max_hours_day ? part_cap : c->max_hours_day;
        p->avail[d] = (uint8_t)day_parts(c, d);
    }
    p->Dmax = c->max_days_week;
    p->nmin = c->min_tasks > 1 ? c->min_tasks : 1;
    p->nmax = c->max_tasks;
    p->Gmax = c->max_groups;
    p->need = c->support_min_day;
    p->Cap = e->supervision_min_day * e->working_days;
    return p;
oom:
    pair_free(p);
    return NULL;
}
