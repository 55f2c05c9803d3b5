/* filter.h — the cheap per-task filters of DESIGN §4.1: can this candidate
 * do this task at all, and if not, why. Layer: solve (no GLPK needed here).
 * Knows nothing about files or output; ignores hours, travel and capacity,
 * which the pair filters and the carving model handle.
 */
#ifndef MW_FILTER_H
#define MW_FILTER_H

#include "../core/model.h"

typedef enum {
    FIT_OK,
    FIT_LEVEL,      /* a level demand (after accommodation) above the limit */
    FIT_FLAG,       /* a required licence or certificate missing */
    FIT_EXPOSURE,   /* an exposure the candidate cannot bear at all (limit 0) */
    FIT_SHARE,      /* a share dimension with limit 0 */
    FIT_SLOT,       /* no slot of the task in the candidate's availability */
    FIT_SKILL,      /* a skill missing and not trainable on the job */
    FIT_DISLIKE,    /* category marked never ('!') */
    FIT_COUNT
} TaskFit;

/* Short English names of the reasons, for summaries: "level limit", ... */
extern const char *const filter_fit_names[FIT_COUNT];

/* Whether candidate c could do task t at its employer. Unknown limits ('?')
 * count as no limit. When dim is not NULL and the reason is about a
 * dimension, *dim receives its index (else -1). Pure; thread-safe. */
TaskFit filter_task(const Model *m, const Candidate *c, const Task *t, int *dim);

/* Days on which c could work some part of t (a day mask). */
uint8_t filter_task_days(const Candidate *c, const Task *t);

/* The parts of day d (0..MW_DAYS-1) in which c is available, as a part mask. */
unsigned filter_day_parts(const Candidate *c, int d);

/* c's level of skill `name` (an interned name), or -1 without it. */
int filter_skill_level(const Candidate *c, int name);

/* 1 when t needs a skill, not trainable on the job, that c lacks (or has
 * below the level t needs), else 0. */
int filter_skill_gap(const Candidate *c, const Task *t);

#endif
