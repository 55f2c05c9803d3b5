/* compare.c — one scenario's comparison row (see compare.h). Layer:
 * assess. Pure: reads the proposal, its model and the per-candidate costs.
 */
#include "compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const compare_metric_names[CMP_METRICS] = {
    "candidates", "employers", "placements", "placement_rate", "hours", "job_units", "expected_durable",
    "lks_cost", "subsidy_cost", "jobcoach_hours", "objective"};

void compare_row_free(CompareRow *r)
{
    if (!r)
        return;
    mw_free(r->groups);
    mw_arena_free(&r->arena);
    memset(r, 0, sizeof *r);
}

static const char *const group_dims[4] = {"category", "age_band", "education", "regime"};

/* The group of candidate c in dimension k: an interned name, an age band
 * (<27, 27-44, 45+ years) or "unknown". */
static const char *group_of(const Model *m, const Candidate *c, int k)
{
    int id = k == 0 ? c->category : k == 2 ? c->education : k == 3 ? c->regime : -2;
    if (k == 1)
        return c->age < 0 ? "unknown" : c->age < 27 ? "<27" : c->age < 45 ? "27-44" : "45+";
    return id >= 0 && model_name(m, id)[0] ? model_name(m, id) : "unknown";
}

static int group_cmp(const void *a, const void *b)
{
    const CompareGroup *x = a, *y = b;
    int d = strcmp(x->dimension, y->dimension);
    return d ? d : strcmp(x->group, y->group);
}

/* The groups of every dimension, with placed counts from chosen[c]. */
static int build_groups(const Model *m, const int *placed, CompareRow *out)
{
    out->groups = mw_calloc((size_t)(4 * m->n_candidates) + 1, sizeof *out->groups);
    if (!out->groups)
        return MW_ENOMEM;
    for (int k = 0; k < 4; k++)
        for (int c = 0; c < m->n_candidates; c++) {
            const char *g = group_of(m, &m->candidates[c], k);
            CompareGroup *hit = NULL;
            for (int i = 0; i < out->n_groups && !hit; i++)
                if (out->groups[i].dimension == group_dims[k] && strcmp(out->groups[i].group, g) == 0)
                    hit = &out->groups[i];
            if (!hit) {
                hit = &out->groups[out->n_groups++];
                hit->dimension = group_dims[k];
                if (!(hit->group = mw_arena_strdup(&out->arena, g)))
                    return MW_ENOMEM;
            }
            hit->candidates++;
            hit->placed += placed[c];
        }
    for (int i = 0; i < out->n_groups; i++)
        out->groups[i].rate = (double)out->groups[i].placed / out->groups[i].candidates;
    qsort(out->groups, (size_t)out->n_groups, sizeof *out->groups, group_cmp);
    return MW_OK;
}

int compare_row_build(const Scenario *s, const Proposal *p, const CompareCosts *costs, CompareRow *out)
{
    const Model *m = p->m;
    memset(out, 0, sizeof *out);
    mw_arena_init(&out->arena);
    snprintf(out->name, sizeof out->name, "%s", s->name);
    out->description = s->description;
    out->file = s->file;
    int *placed = mw_calloc((size_t)m->n_candidates + 1, sizeof *placed);
    if (!placed)
        return MW_ENOMEM;
    double *v = out->v;
    v[CMP_CANDIDATES] = m->n_candidates;
    v[CMP_EMPLOYERS] = m->n_employers;
    v[CMP_PLACEMENTS] = p->summary.placements;
    v[CMP_PLACEMENT_RATE] = m->n_candidates ? (double)p->summary.placements / m->n_candidates : 0;
    v[CMP_HOURS] = p->summary.hours;
    v[CMP_JOB_UNITS] = p->summary.job_units;
    v[CMP_OBJECTIVE] = p->r->objective;
    for (int i = 0; i < p->n_matches; i++) {
        int c = p->matches[i].cand;
        double h = p->matches[i].a.pk.hours;
        placed[c] = 1;
        v[CMP_LKS_COST] += costs->lks_hour[c] * h;
        v[CMP_SUBSIDY_COST] += costs->subsidy_hour[c] * h;
        v[CMP_JOBCOACH_HOURS] += costs->jobcoach[c];
    }
    int status = build_groups(m, placed, out);
    mw_free(placed);
    if (status != MW_OK)
        compare_row_free(out);
    return status;
}

double compare_group_rate(const CompareRow *r, const char *dimension, const char *group)
{
    for (int i = 0; i < r->n_groups; i++)
        if (strcmp(r->groups[i].dimension, dimension) == 0 && strcmp(r->groups[i].group, group) == 0)
            return r->groups[i].rate;
    return -1;
}
