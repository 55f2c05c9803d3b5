/* elastic.h — the nearest miss of DESIGN §5: for a candidate–employer pair
 * without a feasible package, an elastic version of the carving model
 * (docs/carving-model.md) that minimises the weighted violation of the
 * candidate's limits and names each limit that would have to move, and by
 * how much. Layer: solve (elastic.c is GLPK's; this header is not). Knows
 * nothing about files, output formats or the pair-level filters (travel,
 * excluded employers, intake): the caller decides which pairs to explain.
 *
 * Which tasks enter: the employer's carvable tasks and the tasks of vacancy
 * jobs (with the vacancy route, the requires closure and the donor-job rule
 * exactly as pair.c), including tasks the filter rejects for a candidate
 * limit: level, flag, exposure, share (limits), availability (FIT_SLOT) and
 * non-trainable skill gaps (FIT_SKILL). A task in a category the candidate
 * marked never ('!') stays out: that is a wish, not a limit, and a nearest
 * miss never proposes to overrule it.
 *
 * What may stretch, each at a price (weight per unit, points):
 *   MISS_LEVEL         1    per level step of lim.<dim> (after the employer's accommodation)
 *   MISS_FLAG          3    per licence or certificate the candidate lacks (0 -> 1)
 *   MISS_EXPOSURE      1    per hour per working day of lim.<dim>
 *   MISS_SHARE        10    per 1.0 of lim.<dim>, i.e. 1 per 0.1 of the package's hours
 *   MISS_HOURS_MIN  0.25    per hour per week below min_hours_week
 *   MISS_HOURS_MAX  0.25    per hour per week above max_hours_week
 *   MISS_HOURS_DAY   0.5    per hour above max_hours_day (one raise for every day)
 *   MISS_DAYS          1    per day above max_days_week
 *   MISS_TASKS_MIN   0.5    per task below min_tasks
 *   MISS_TASKS_MAX   0.5    per task above max_tasks
 *   MISS_GROUPS      0.5    per group above max_groups
 *   MISS_AVAILABILITY 0.5   per hour per week of a task outside the availability
 *   MISS_SKILL         2    per task used with a non-trainable skill gap
 *   MISS_SUPERVISION 1/30   per supervision minute per week above the employer's capacity
 * Why these: a health-derived limit (level, exposure, share) is the most
 * costly to move — it takes a new assessment or an adaptation — so one level
 * step, one standing hour a day and a tenth of the package's screen time all
 * cost 1. A licence or certificate takes months and money (3); closing a
 * skill gap by a course takes weeks (2). Hours, days and structure are
 * negotiable in the kennismaking: four contract hours a week or two hours a
 * day cost as much as one level step, one task or group more or less half
 * of one, a working day one. Half an hour of extra begeleiding a week is one
 * point: the employer's time is a hard resource (DESIGN §1), but an extra
 * half hour is a realistic ask. An hour outside the availability costs half
 * a point: availability often follows care duties or therapy that can move,
 * but not without cost. These are judgement, not measurement; they only rank
 * alternative misses and are not added to match scores.
 *
 * The objective is exactly Σ weight·δ (no tie-break term), with δ ≥ 0 the
 * elastic variables of the model (see elastic.c for the rows). The share
 * relaxation is linearised as Σ (s − S)·h ≤ δ·Hmax; the reported share is
 * nevertheless the exact share of the package found (Σ s·h / Σ h), which is
 * what unlocks it. Every reported "to" is recomputed from the package (a
 * level to the largest demand used, an exposure to the largest day, hours
 * to the package's hours, ...), so setting each limit to its "to" makes that
 * very package feasible in the carving model; violation is Σ weight·|to −
 * from| over the items, which equals the minimised objective except for the
 * share linearisation (and a search stopped by the time limit).
 */
#ifndef MW_ELASTIC_H
#define MW_ELASTIC_H

#include "../core/model.h"

typedef enum { MISS_LEVEL, MISS_FLAG, MISS_EXPOSURE, MISS_SHARE, MISS_HOURS_MIN, MISS_HOURS_MAX, MISS_HOURS_DAY,
               MISS_DAYS, MISS_TASKS_MIN, MISS_TASKS_MAX, MISS_GROUPS, MISS_AVAILABILITY, MISS_SKILL,
               MISS_SUPERVISION } MissKind;
enum { MISS_KIND_COUNT = MISS_SUPERVISION + 1 };

/* Snake-case names for output ("level", "flag", "exposure", "share",
 * "hours_min", "hours_max", "hours_day", "days", "tasks_min", "tasks_max",
 * "groups", "availability", "skill", "supervision"). */
extern const char *const miss_kind_names[MISS_KIND_COUNT];
/* The weights above, points per unit of (to − from), indexed by MissKind. */
extern const double miss_weights[MISS_KIND_COUNT];

/* One limit that would have to move.
 *   LEVEL        from lim.<dim> to the highest demand − accommodation used
 *   FLAG         0 -> 1 (the candidate would need the licence/certificate)
 *   EXPOSURE     hours per day: from lim.<dim> to the largest day's exposure
 *   SHARE        share 0..1: from lim.<dim> to the package's share
 *   HOURS_MIN    hours/week: from min_hours_week down to the package's hours
 *   HOURS_MAX    hours/week: from max_hours_week up to the package's hours
 *   HOURS_DAY    from max_hours_day to the package's longest day
 *   DAYS         from max_days_week to the package's working days
 *   TASKS_MIN    from min_tasks down to the package's task count
 *   TASKS_MAX    from max_tasks up to the package's task count
 *   GROUPS       from max_groups up to the package's group count
 *   AVAILABILITY 0 -> hours per week of `task` outside the availability
 *   SKILL        0 -> 1: `task`'s non-trainable skills would have to be met
 *   SUPERVISION  minutes/week: from the employer's capacity
 *                (supervision_min_day × working_days) to what the package
 *                needs (begeleiding × days + Σ task minutes); the one item
 *                that is the employer's to change, not the candidate's. */
typedef struct { MissKind kind; int dim; /* dimension index for LEVEL/FLAG/EXPOSURE/SHARE, else -1 */
                 double from, to;   /* current limit and the value that would unlock a package */
                 int task;          /* for SKILL/AVAILABILITY/LEVEL/FLAG: a model task index that needs it, else -1 */ } MissItem;

enum { MISS_FOUND = 0, MISS_NONE = 1, MISS_SOLVER_ERROR = 2 };

typedef struct { int status;   /* 0 found, 1 no package even fully relaxed (e.g. no carvable task), 2 solver error */
                 double violation; int n; MissItem *items;
                 int time_limit;  /* 1: the time limit stopped the search; with status 0 the items
                                     unlock a package but are not proven the nearest; with
                                     status 2 no relaxed package was found in time */
} NearestMiss;

/* Computes the nearest miss of candidate cand at employer emp. Of w only
 * time_limit (seconds per solve) is used. Returns MW_OK with *out filled:
 * status MISS_FOUND with the items in a fixed order (by kind, then
 * dimension index, then task index; only items with to − from beyond 1e-6
 * in size), violation 0 and n 0 when the pair is feasible as it is;
 * MISS_NONE when no package exists even with every limit relaxed (no
 * entering task, or only hard rules — work volume, indivisibility, donor
 * jobs, vacancy routes, requires, four hours per part of a day — block);
 * MISS_SOLVER_ERROR when GLPK failed (its fault is contained by the error
 * hook) or the time limit left no relaxed package. Returns MW_ENOMEM on
 * allocation failure with *out zeroed. Free with nearest_miss_free.
 * Thread-safe: each call owns its GLPK problem. Never prints. */
int elastic_nearest_miss(const Model *m, int cand, int emp, const Weights *w, NearestMiss *out);

/* Releases the items and zeroes *nm. Accepts NULL. */
void nearest_miss_free(NearestMiss *nm);

#endif
