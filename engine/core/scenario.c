/* scenario.c — applying a scenario to a copy of the model (see scenario.h):
 * the participation filters with re-numbered references, then the changes
 * to routes, training, supervision, accommodations, hours and policy.
 * Layer: core. Knows nothing about JSON, GLPK or output.
 */
#include "scenario.h"

#include <string.h>

#include "costs.h"

const char *const scenario_route_names[3] = {"both", "vacancy", "carving"};

int scenario_init(Scenario *s, const Model *m, const Weights *w)
{
    memset(s, 0, sizeof *s);
    mw_arena_init(&s->arena);
    s->description = "";
    s->file = "";
    s->base = m;
    s->w = *w;
    s->policy = m->policy;
    s->route = ROUTE_BOTH;
    s->training = 1;
    s->budget = -1;
    s->supervision_factor = 1;
    s->hours_margin = 1;
    s->jobcoach_pool = -1;
    s->jobcoach_hours = MW_JOBCOACH_HOURS_DEFAULT;
    s->acc = mw_arena_alloc(&s->arena, sizeof(double) * (size_t)(m->n_dims + 1));
    return s->acc ? MW_OK : MW_ENOMEM;
}

void scenario_free(Scenario *s)
{
    if (!s)
        return;
    mw_arena_free(&s->arena);
    memset(s, 0, sizeof *s);
}

static int in_list(const char *const *list, int n, const char *v)
{
    for (int i = 0; i < n; i++)
        if (strcmp(list[i], v) == 0)
            return 1;
    return 0;
}

/* The filter's verdict on one entity: its id and, where the filter has the
 * list, its region, category or sector (NULL when the entity has none). */
static int filter_takes(const ScenarioFilter *f, const char *id, const char *region, const char *category,
                        const char *sector)
{
    if (in_list(f->exclude, f->n_exclude, id))
        return 0;
    if (f->n_ids && !in_list(f->ids, f->n_ids, id))
        return 0;
    if (f->n_regions && !(region && in_list(f->regions, f->n_regions, region)))
        return 0;
    if (f->n_categories && !(category && in_list(f->categories, f->n_categories, category)))
        return 0;
    if (f->n_sectors && !(sector && in_list(f->sectors, f->n_sectors, sector)))
        return 0;
    return 1;
}

static const char *name_or_null(const Model *m, int id)
{
    return id >= 0 ? model_name(m, id) : NULL;
}

int scenario_takes_candidate(const Scenario *s, const Model *m, int c)
{
    const Candidate *x = &m->candidates[c];
    return filter_takes(&s->candidates, x->id, name_or_null(m, x->region), name_or_null(m, x->category), NULL);
}

int scenario_takes_employer(const Scenario *s, const Model *m, int e)
{
    const Employer *x = &m->employers[e];
    return filter_takes(&s->employers, x->id, NULL, NULL, name_or_null(m, x->sector));
}

double scenario_jobcoach_hours(const Scenario *s, const Candidate *c)
{
    return c->support_min_day > 0 ? s->jobcoach_hours : 0;
}

double scenario_cost_hour(const Policy *p, const Candidate *c, double *lks)
{
    /* costs_compute at one hour a week and the minimum wage, as the
     * proposal's per-match costs use it: every rule in costs.h is
     * proportional to the hours */
    MatchCost mc;
    costs_compute(p, c, 1.0, 0, &mc);
    if (lks)
        *lks = mc.lks_year;
    return mc.subsidy_year;
}

/* ---- the copy ----------------------------------------------------------- */

typedef struct {
    int *cand, *emp, *job, *task;     /* old index -> new index, -1 when left out */
} Renumber;

/* l re-numbered through map into the arena, items left out dropped.
 * MW_OK or MW_ENOMEM. */
static int remap_list(MwArena *a, IntList *l, const int *map)
{
    int *items = mw_arena_alloc(a, sizeof(int) * (size_t)(l->n + 1));
    if (!items)
        return MW_ENOMEM;
    int n = 0;
    for (int i = 0; i < l->n; i++)
        if (map[l->items[i]] >= 0)
            items[n++] = map[l->items[i]];
    l->items = items;
    l->n = n;
    return MW_OK;
}

static int *index_map(MwArena *a, int n)
{
    int *map = mw_arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    for (int i = 0; map && i < n; i++)
        map[i] = -1;
    return map;
}

/* The numbering of the entities that take part, in file order. */
static int renumber(const Model *src, const Scenario *s, MwArena *a, Renumber *rn, int counts[4])
{
    rn->cand = index_map(a, src->n_candidates);
    rn->emp = index_map(a, src->n_employers);
    rn->job = index_map(a, src->n_jobs);
    rn->task = index_map(a, src->n_tasks);
    if (!rn->cand || !rn->emp || !rn->job || !rn->task)
        return MW_ENOMEM;
    memset(counts, 0, sizeof(int) * 4);
    for (int c = 0; c < src->n_candidates; c++)
        if (scenario_takes_candidate(s, src, c))
            rn->cand[c] = counts[0]++;
    for (int e = 0; e < src->n_employers; e++)
        if (scenario_takes_employer(s, src, e))
            rn->emp[e] = counts[1]++;
    for (int j = 0; j < src->n_jobs; j++)
        if (rn->emp[src->jobs[j].employer] >= 0)
            rn->job[j] = counts[2]++;
    for (int t = 0; t < src->n_tasks; t++)
        if (rn->emp[src->tasks[t].employer] >= 0)
            rn->task[t] = counts[3]++;
    return MW_OK;
}

static int copy_candidates(const Model *src, const Scenario *s, const Renumber *rn, Model *m)
{
    for (int c = 0; c < src->n_candidates; c++) {
        if (rn->cand[c] < 0)
            continue;
        Candidate *x = &m->candidates[rn->cand[c]];
        *x = src->candidates[c];
        if (remap_list(&m->arena, &x->known_employers, rn->emp) ||
            remap_list(&m->arena, &x->excluded_employers, rn->emp))
            return MW_ENOMEM;
        /* the margin is a planning rule on the weekly maximum; the minimum
         * stays the person's, so a minimum above the planned maximum leaves
         * no package (docs/scenarios.md) */
        x->max_hours_week *= s->hours_margin;
    }
    return MW_OK;
}

static int copy_employers(const Model *src, const Scenario *s, const Renumber *rn, Model *m)
{
    for (int e = 0; e < src->n_employers; e++) {
        if (rn->emp[e] < 0)
            continue;
        Employer *x = &m->employers[rn->emp[e]];
        *x = src->employers[e];
        if (remap_list(&m->arena, &x->jobs, rn->job) || remap_list(&m->arena, &x->tasks, rn->task))
            return MW_ENOMEM;
        x->supervision_min_day *= s->supervision_factor;
        double *acc = mw_arena_alloc(&m->arena, sizeof(double) * (size_t)(m->n_dims + 1));
        if (!acc)
            return MW_ENOMEM;
        for (int d = 0; d < m->n_dims; d++)   /* granted to all: at least the scenario's levels */
            acc[d] = s->acc[d] > x->acc[d] ? s->acc[d] : x->acc[d];
        x->acc = acc;
    }
    return MW_OK;
}

static int copy_jobs_tasks(const Model *src, const Scenario *s, const Renumber *rn, Model *m)
{
    for (int j = 0; j < src->n_jobs; j++) {
        if (rn->job[j] < 0)
            continue;
        Job *x = &m->jobs[rn->job[j]];
        *x = src->jobs[j];
        x->employer = rn->emp[x->employer];
        if (s->route == ROUTE_CARVING)
            x->is_vacancy = 0;            /* no vacancy route */
    }
    for (int t = 0; t < src->n_tasks; t++) {
        if (rn->task[t] < 0)
            continue;
        Task *x = &m->tasks[rn->task[t]];
        *x = src->tasks[t];
        x->employer = rn->emp[x->employer];
        x->job = rn->job[x->job];
        if (remap_list(&m->arena, &x->requires, rn->task))
            return MW_ENOMEM;
        /* vacancy only: every task enters only with its job's vacancy route
         * (the carving model's vacancy_only rows), so a package is one open
         * vacancy with its mandatory tasks */
        if (s->route == ROUTE_VACANCY)
            x->carvable = 0;
        if (!s->training && x->skills.n) {
            SkillLevel *sk = mw_arena_alloc(&m->arena, sizeof *sk * (size_t)x->skills.n);
            if (!sk)
                return MW_ENOMEM;
            for (int k = 0; k < x->skills.n; k++) {
                sk[k] = x->skills.items[k];
                sk[k].trainable = 0;
            }
            x->skills.items = sk;
        }
    }
    return MW_OK;
}

static int copy_placements(const Model *src, const Renumber *rn, Model *m)
{
    for (int i = 0; i < src->n_placements; i++) {
        const Placement *p = &src->placements[i];
        if (rn->cand[p->candidate] < 0 || rn->emp[p->employer] < 0)
            continue;
        Placement *x = &m->placements[m->n_placements++];
        *x = *p;
        x->candidate = rn->cand[p->candidate];
        x->employer = rn->emp[p->employer];
        x->hours = mw_arena_alloc(&m->arena, sizeof *x->hours * (size_t)(p->n_hours + 1));
        if (!x->hours)
            return MW_ENOMEM;
        for (int k = 0; k < p->n_hours; k++) {
            x->hours[k] = p->hours[k];
            x->hours[k].task = rn->task[p->hours[k].task];
        }
    }
    return MW_OK;
}

int scenario_apply(const Model *src, const Scenario *s, Model **out)
{
    *out = NULL;
    Model *m = model_new();
    MwArena scratch;
    mw_arena_init(&scratch);
    if (!m)
        goto oom;
    /* the names first, in order, so every name id stays the same */
    for (int i = 0; i < src->n_names; i++)
        if (model_intern(m, src->names[i]) != i)
            goto oom;
    Renumber rn;
    int n[4];
    if (renumber(src, s, &scratch, &rn, n))
        goto oom;
    m->n_dims = src->n_dims;
    m->dims = src->dims;
    m->candidates = mw_arena_alloc(&m->arena, sizeof *m->candidates * (size_t)(n[0] + 1));
    m->employers = mw_arena_alloc(&m->arena, sizeof *m->employers * (size_t)(n[1] + 1));
    m->jobs = mw_arena_alloc(&m->arena, sizeof *m->jobs * (size_t)(n[2] + 1));
    m->tasks = mw_arena_alloc(&m->arena, sizeof *m->tasks * (size_t)(n[3] + 1));
    m->placements = mw_arena_alloc(&m->arena, sizeof *m->placements * (size_t)(src->n_placements + 1));
    if (!m->candidates || !m->employers || !m->jobs || !m->tasks || !m->placements)
        goto oom;
    m->n_candidates = n[0];
    m->n_employers = n[1];
    m->n_jobs = n[2];
    m->n_tasks = n[3];
    if (copy_candidates(src, s, &rn, m) || copy_employers(src, s, &rn, m) || copy_jobs_tasks(src, s, &rn, m) ||
        copy_placements(src, &rn, m))
        goto oom;
    m->policy = s->policy;
    /* the risk flag "hours near the maximum" stays relative to the person's
     * own maximum, not the planned one */
    m->risk = src->risk;
    m->risk.hours_share = src->risk.hours_share / s->hours_margin;
    memcpy(m->source, src->source, sizeof m->source);
    for (int table = MODEL_CANDIDATES; table <= MODEL_TASKS; table++)
        if (model_index(m, table))
            goto oom;
    mw_arena_free(&scratch);
    *out = m;
    return MW_OK;
oom:
    mw_arena_free(&scratch);
    model_free(m);
    return MW_ENOMEM;
}
