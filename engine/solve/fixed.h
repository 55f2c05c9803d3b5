/* fixed.h — a package built from given task hours instead of a carving
 * MIP: a current placement (placements.csv) or last week's proposal
 * (--previous). Work covered, supervision and the score terms follow the
 * carving model's own definitions (docs/carving-model.md), so a fixed column
 * and a carved one are scored and counted alike. Also checks whether such a
 * package still fits the candidate's current limits. Layer: solve (no GLPK
 * here). Knows nothing about files or output.
 */
#ifndef MW_FIXED_H
#define MW_FIXED_H

#include "carve.h"

/* Why a given package no longer fits (bit flags of fixed_package's *misfit). */
enum {
    FIXED_MISFIT_TASK = 1u << 0,      /* a task the candidate can no longer do (level, flag,
                                         availability, skill, a dislike marked never) */
    FIXED_MISFIT_HOURS = 1u << 1,     /* weekly hours outside min_hours_week..max_hours_week */
    FIXED_MISFIT_DAY = 1u << 2,       /* hours on a day above max_hours_day, or more days than max_days_week */
    FIXED_MISFIT_EXPOSURE = 1u << 3,  /* an exposure budget exceeded on a working day */
    FIXED_MISFIT_SHARE = 1u << 4,     /* a share limit exceeded */
    FIXED_MISFIT_WORK = 1u << 5,      /* more work than the task has (hours_week), or a task gone */
    FIXED_MISFIT_KINDS = 6
};
/* "task_limits", "hours_week", "hours_day", "exposure", "share", "task_work":
 * the names of the flags, in bit order. */
extern const char *const fixed_misfit_names[FIXED_MISFIT_KINDS];

/* The package of candidate c at employer e with hours[k] hours on task
 * tasks[k] (model indices, n of them; tasks of e, each once). Each task's
 * hours are split evenly over the days the candidate can work it (the
 * task's days when there are none), laid into the first part of the day
 * both allow; work covered = pace × hours (time-bound tasks pace 1);
 * supervision = begeleiding × working days + the tasks' minutes per hour;
 * score terms as the carving objective (value, preference, skill, hours
 * towards the preference, task and group penalties, supervision,
 * over-utilisation above theta × max hours). out->status is CARVE_OPTIMAL
 * and out->bound == out->objective == the sum of the terms; no vacancy
 * route. *misfit (if not NULL) receives the FIXED_MISFIT_* flags of what
 * no longer fits. Returns MW_OK (free out with package_free) or MW_ENOMEM
 * (out holds nothing to free). */
int fixed_package(const Model *m, int c, int e, const Weights *w, const int *tasks, const double *hours, int n,
                  Package *out, unsigned *misfit);

/* fixed_package with a given weekly schedule (last week's package as
 * results.json has it): the day hours and slots are the schedule's, and
 * the working days those with hours. When the schedule does not add up to
 * the task hours (to 1e-5 h per task) or names another task, or nslots is
 * 0, the hours are spread as fixed_package does. Same returns. */
int fixed_package_scheduled(const Model *m, int c, int e, const Weights *w, const int *tasks, const double *hours,
                            int n, const SlotEntry *slots, int nslots, Package *out, unsigned *misfit);

/* fixed_package of placement pl (its candidate, employer and task hours). */
int fixed_placement_package(const Model *m, const Weights *w, const Placement *pl, Package *out, unsigned *misfit);

/* The current placements of a region that enter as fixed columns: those
 * neither under review nor failed trials. Their packages, which candidates
 * they take out of the matching, and what they use of each master row. */
typedef struct {
    int n;                 /* m->n_placements */
    Package *pk;           /* [n] the fixed package of placement i (pk[i].n 0: not fixed) */
    char *skip;            /* [n_candidates] 1: the candidate has a fixed placement */
    double *task;          /* [n_tasks] work covered taken of each task */
    double *intake;        /* [n_employers] placements taken of max_new_placements */
    double *sup;           /* [n_employers] supervision minutes per week taken */
    double *donor;         /* [n_jobs] work taken of each donor job with min_residual_hours > 0 */
} FixedRegion;

/* Fills *out for model m (free with fixed_region_free). MW_OK or MW_ENOMEM
 * (out then holds nothing to free). */
int fixed_region(const Model *m, const Weights *w, FixedRegion *out);
void fixed_region_free(FixedRegion *f);

#endif
