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

static int group_cmp(const void *a, const void *b)
{
    const CompareGroup *x = a, *y = b;
    int d = strcmp(x->dimension, y->dimension);
    return d ? d : strcmp(x->group, y->group);
}

/* The groups of the proposal's fairness table (fairness.h), sorted. */
static int copy_groups(const Fairness *f, CompareRow *out)
{
    out->groups = mw_calloc((size_t)f->n + 1, sizeof *out->groups);
    if (!out->groups)
        return MW_ENOMEM;
    for (int i = 0; i < f->n; i++) {
        const FairnessRow *r = &f->rows[i];
        CompareGroup *g = &out->groups[out->n_groups++];
        g->dimension = fairness_dimension_names[r->dimension];
        if (!(g->group = mw_arena_strdup(&out->arena, r->group)))
            return MW_ENOMEM;
        g->candidates = r->candidates;
        g->placed = r->placed;
        g->rate = r->rate;
    }
    qsort(out->groups, (size_t)out->n_groups, sizeof *out->groups, group_cmp);
    return MW_OK;
}

int compare_row_build(const Scenario *s, const Proposal *p, const double *jobcoach, CompareRow *out)
{
    const Model *m = p->m;
    memset(out, 0, sizeof *out);
    mw_arena_init(&out->arena);
    snprintf(out->name, sizeof out->name, "%s", s->name);
    out->description = s->description;
    out->file = s->file;
    double *v = out->v;
    const Summary *sum = &p->summary;
    v[CMP_CANDIDATES] = m->n_candidates;
    v[CMP_EMPLOYERS] = m->n_employers;
    v[CMP_PLACEMENTS] = sum->placements;
    v[CMP_PLACEMENT_RATE] = m->n_candidates ? (double)sum->placements / m->n_candidates : 0;
    v[CMP_HOURS] = sum->hours;
    v[CMP_JOB_UNITS] = sum->job_units;
    v[CMP_EXPECTED_DURABLE] = sum->expected_durable;
    v[CMP_LKS_COST] = sum->lks;
    v[CMP_SUBSIDY_COST] = sum->subsidy_cost;
    v[CMP_OBJECTIVE] = p->r->objective;
    for (int i = 0; i < p->n_matches; i++)
        v[CMP_JOBCOACH_HOURS] += jobcoach[p->matches[i].cand];
    int status = copy_groups(&p->fairness, out);
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
