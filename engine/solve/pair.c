/* pair.c — building the numbers of one carving problem from the model
 * (docs/carving-model.md, "Which tasks enter"), with the admission closure
 * and the local numbering that elastic.c shares. Layer: solve. Pure: no
 * GLPK, no files; everything it returns lives in the PairData's arena.
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

static double skill_fit(const Candidate *c, const Task *t)
{
    if (!t->skills.n)
        return 0;
    double sum = 0;
    for (int i = 0; i < t->skills.n; i++) {
        const SkillLevel *need = &t->skills.items[i];
        /* the filter let only trainable gaps through */
        sum += filter_skill_level(c, need->name) >= need->level ? 1.0 : -0.5;
    }
    return sum / t->skills.n;
}

double pair_pace(const Candidate *c, const Task *t)
{
    return t->time_bound ? 1.0 : c->loonwaarde;
}

double pair_min_chunk(const Task *t)
{
    double floor_work = t->hours_week < 1.0 ? t->hours_week : 1.0;
    return t->min_chunk_hours > floor_work ? t->min_chunk_hours : floor_work;
}

void pair_admit(const Model *m, const Employer *e, char *in, char *route)
{
    int n = e->tasks.n;
    for (int k = 0; k < e->jobs.n; k++)
        route[e->jobs.items[k]] = (char)m->jobs[e->jobs.items[k]].is_vacancy;
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
}

int pair_enter(const Model *m, const Employer *e, const char *in, const char *route, MwArena *arena,
               PairEntry *out)
{
    int n = e->tasks.n;
    memset(out, 0, sizeof *out);
    for (int k = 0; k < n; k++)
        out->nt += in[k];
    int nt = out->nt;
    out->task = mw_arena_alloc(arena, sizeof(int) * (size_t)(nt + 1));
    out->job = mw_arena_alloc(arena, sizeof(int) * (size_t)(nt + 1));
    out->group = mw_arena_alloc(arena, sizeof(int) * (size_t)(nt + 1));
    out->j = mw_arena_alloc(arena, sizeof *out->j * (size_t)(nt + 1));
    int *local_job = mw_arena_alloc(arena, sizeof(int) * (size_t)(m->n_jobs + 1));
    int *groups = mw_arena_alloc(arena, sizeof(int) * (size_t)(nt + 1));   /* local -> model group */
    if (!out->task || !out->job || !out->group || !out->j || !local_job || !groups)
        return MW_ENOMEM;
    for (int k = 0; k < e->jobs.n; k++)
        local_job[e->jobs.items[k]] = -1;

    int a = 0;
    for (int k = 0; k < n; k++) {
        if (!in[k])
            continue;
        int ti = e->tasks.items[k];
        const Task *t = &m->tasks[ti];
        out->task[a] = ti;
        if (local_job[t->job] < 0) {
            PairJob *pj = &out->j[out->nj];
            pj->job = t->job;
            pj->W = m->jobs[t->job].hours_week;
            pj->R = m->jobs[t->job].min_residual_hours;
            pj->vacancy = route[t->job];
            local_job[t->job] = out->nj++;
        }
        out->job[a] = local_job[t->job];
        int g = -1;
        for (int q = 0; q < out->ng; q++)
            if (groups[q] == t->group)
                g = q;
        if (g < 0) {
            g = out->ng;
            groups[out->ng++] = t->group;
        }
        out->group[a] = g;
        a++;
    }

    /* requires, between entered tasks */
    int nreq = 0;
    for (a = 0; a < nt; a++)
        nreq += m->tasks[out->task[a]].requires.n;
    out->req = mw_arena_alloc(arena, sizeof *out->req * (size_t)(nreq + 1));
    if (!out->req)
        return MW_ENOMEM;
    for (a = 0; a < nt; a++) {
        const Task *t = &m->tasks[out->task[a]];
        for (int r = 0; r < t->requires.n; r++)
            for (int b = 0; b < nt; b++)
                if (out->task[b] == t->requires.items[r]) {
                    out->req[out->nreq][0] = a;
                    out->req[out->nreq][1] = b;
                    out->nreq++;
                }
    }
    return MW_OK;
}

void pair_task_fill(const Model *m, const Candidate *c, const PairEntry *en, int a, uint8_t days,
                    const char *route, PairTask *pt)
{
    const Task *t = &m->tasks[en->task[a]];
    pt->task = en->task[a];
    pt->job = en->job[a];
    pt->group = en->group[a];
    pt->W = t->hours_week;
    pt->pi = pair_pace(c, t);
    pt->m = pair_min_chunk(t);
    if (m->policy.main_task_rule) {
        /* the LKS main-task rule as a minimum chunk (DESIGN §5): at least
         * main_task_share of the weekly hours (of the maximum, so of any
         * package) and main_task_min_day hours on each day of a fixed-day
         * task (split evenly), or on one day of a flexible task */
        double h = m->policy.main_task_share * c->max_hours_week;
        double d = m->policy.main_task_min_day * (t->days_fixed ? mw_popcount(days) : 1);
        double work = pt->pi * (h > d ? h : d);
        if (work > pt->m)
            pt->m = work;
    }
    pt->indivisible = !t->divisible;
    pt->flexible = !t->days_fixed;
    pt->days = days;
    pt->parts = t->parts;
    for (int d = 0; d < MW_DAYS; d++)
        pt->cap[d] = days >> d & 1 ? MW_PART_HOURS * mw_popcount(filter_day_parts(c, d) & t->parts) : 0;
    pt->sigma = t->supervision_min_per_hour;
    pt->wage = m->jobs[t->job].wage_hour;
    pt->pref = intlist_has(&c->likes, t->category) ? 1.0 : intlist_has(&c->dislikes, t->category) ? -1.0 : 0.0;
    pt->skill = skill_fit(c, t);
    pt->mandatory = t->mandatory_in_vacancy && route[t->job];
    pt->vacancy_only = !t->carvable;
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
    for (int a = 0; a < p->nt; a++)
        pair_task_fill(m, c, &en, a, filter_task_days(c, &m->tasks[en.task[a]]), route, &p->t[a]);

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
        double part_cap = MW_PART_HOURS * mw_popcount(filter_day_parts(c, d));
        p->Hday[d] = part_cap < c->max_hours_day ? part_cap : c->max_hours_day;
        p->avail[d] = (uint8_t)filter_day_parts(c, d);
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
