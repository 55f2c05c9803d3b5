/* filter.c — per-task feasibility (DESIGN §4.1). Layer: solve. Pure
 * functions of the model; knows nothing about GLPK, files or output.
 */
#include "filter.h"

const char *const filter_fit_names[FIT_COUNT] = {
    "fits", "level limit", "licence or certificate", "exposure limit", "share limit",
    "availability", "skills", "disliked category"};

unsigned filter_day_parts(const Candidate *c, int d)
{
    return c->availability >> (d * MW_PARTS) & ((1u << MW_PARTS) - 1);
}

uint8_t filter_task_days(const Candidate *c, const Task *t)
{
    uint8_t days = 0;
    for (int d = 0; d < MW_DAYS; d++) {
        if (!(t->days >> d & 1))
            continue;
        if (filter_day_parts(c, d) & t->parts)
            days |= (uint8_t)(1u << d);
    }
    return days;
}

int filter_skill_level(const Candidate *c, int name)
{
    int have = -1;
    for (int k = 0; k < c->skills.n; k++)
        if (c->skills.items[k].name == name)
            have = c->skills.items[k].level;
    return have;
}

int filter_skill_gap(const Candidate *c, const Task *t)
{
    for (int i = 0; i < t->skills.n; i++) {
        const SkillLevel *need = &t->skills.items[i];
        if (!need->trainable && filter_skill_level(c, need->name) < need->level)
            return 1;
    }
    return 0;
}

TaskFit filter_task(const Model *m, const Candidate *c, const Task *t, int *dim)
{
    const Employer *e = &m->employers[t->employer];
    if (dim)
        *dim = -1;
    for (int d = 0; d < m->n_dims; d++) {
        double load = t->load[d];
        if (load <= 0)
            continue;
        if (m->dims[d].kind == DIM_FLAG) {
            /* a flag is a possession: empty means the candidate lacks it */
            if (c->lim_state[d] == LIM_UNKNOWN || (c->lim_state[d] == LIM_KNOWN && c->lim[d] >= 1))
                continue;
            if (dim)
                *dim = d;
            return FIT_FLAG;
        }
        if (c->lim_state[d] != LIM_KNOWN)
            continue;
        switch (m->dims[d].kind) {
        case DIM_LEVEL:
            if (load - e->acc[d] > c->lim[d]) {
                if (dim)
                    *dim = d;
                return FIT_LEVEL;
            }
            break;
        case DIM_EXPOSURE:
            if (c->lim[d] <= 0) {
                if (dim)
                    *dim = d;
                return FIT_EXPOSURE;
            }
            break;
        case DIM_SHARE:
            if (c->lim[d] <= 0) {
                if (dim)
                    *dim = d;
                return FIT_SHARE;
            }
            break;
        case DIM_FLAG:
            break;
        }
    }
    uint8_t days = filter_task_days(c, t);
    /* an indivisible task with fixed days must be done on all of them */
    if (!days || (!t->divisible && t->days_fixed && days != t->days))
        return FIT_SLOT;
    if (filter_skill_gap(c, t))
        return FIT_SKILL;
    if (intlist_has(&c->dislikes_never, t->category))
        return FIT_DISLIKE;
    return FIT_OK;
}
