/* carve.h — solving one carving problem (docs/carving-model.md) through the
 * GLPK C API, and the package it yields: tasks, hours, work covered, hours
 * per day, a weekly schedule, and the objective broken down per term.
 * Layer: solve (the only layer that includes glpk.h). Knows nothing about
 * files or output formats.
 */
#ifndef MW_CARVE_H
#define MW_CARVE_H

#include "pair.h"

typedef enum {
    CARVE_OPTIMAL,        /* proven optimal */
    CARVE_TIME_LIMIT,     /* the time limit was hit: a package when n > 0, not proven optimal */
    CARVE_INFEASIBLE,     /* no package satisfies every constraint */
    CARVE_NO_TASKS,       /* no task of the employer enters the pair */
    CARVE_SOLVER_ERROR,   /* GLPK failed (error hook, or a non-zero return) */
    CARVE_CUTOFF          /* pricing only: the LP bound is ≤ PairData.cutoff; no package */
} CarveStatus;
extern const char *const carve_status_names[6];   /* "optimal", "time_limit", ... */

/* One slot of the weekly schedule: a task on a day and part, with hours. */
typedef struct {
    int task;             /* model task index */
    int day, part;
    double hours;
} SlotEntry;

typedef struct {
    int task;             /* model task index */
    double hours;         /* candidate hours per week */
    double work;          /* work covered: pace × hours */
    double day_hours[MW_DAYS];
} PackageTask;

/* The objective per term, in points (signs as they enter the objective);
 * never includes column-generation prices, so their sum is the package's
 * own objective value. */
typedef struct {
    double value, pref, skill, hours, task, group, sup, over;
} ScoreTerms;

typedef struct {
    CarveStatus status;
    double objective;     /* the MIP objective (valid for OPTIMAL and TIME_LIMIT); with
                             prices set in the PairData, the priced (reduced) objective */
    double bound;         /* an upper bound on that optimum (== objective when OPTIMAL) */
    int n;
    PackageTask *tasks;   /* in schedule order: by first day, then part, then task id */
    double hours;
    uint8_t days;         /* working days */
    int vacancy_job;      /* model job index whose vacancy route is taken, or -1 */
    double sup_minutes;   /* supervision minutes per week the package uses */
    ScoreTerms terms;
    int nslots;
    SlotEntry *slots;     /* by day, part, then task order */
    /* With PairData.keep_basis: the optimal basis of the LP relaxation, the
     * GLPK status (GLP_BS ... GLP_NS) of every row and then every column;
     * a later solve of the same pair with other prices starts from it
     * (PairData.basis). NULL otherwise. */
    uint8_t *basis;
    int basis_n;
} Package;

/* A limit or capacity that is tight in a package, with its marginal value:
 * the points one more unit would add (the dual of the LP with the package's
 * binary choices fixed). Discrete limits (days, tasks, groups) have no
 * marginal value: marginal is 0 and discrete is 1. */
typedef enum {
    BIND_HOURS,         /* contract hours: used == limit, max (or min when at_min) */
    BIND_HOURS_DAY,     /* max hours per day; marginal per hour per day, over the days worked */
    BIND_DAYS,          /* max days per week */
    BIND_EXPOSURE,      /* exposure limit of dimension `index`; marginal per hour per day */
    BIND_SHARE,         /* share limit of dimension `index`; marginal per 0.1 of share */
    BIND_TASKS,         /* max (or min) tasks */
    BIND_GROUPS,        /* max groups */
    BIND_SUPERVISION,   /* the employer's supervision minutes per week; marginal per minute per week */
    BIND_DONOR,         /* donor job `index` (model job) residual; marginal per hour of work */
    BIND_WORK,          /* all the work of task `index` (model task) is taken; marginal per hour of work */
    BIND_KINDS
} BindKind;
extern const char *const carve_bind_names[BIND_KINDS];

typedef struct {
    BindKind kind;
    int index;          /* model dimension, job or task index; -1 otherwise */
    int at_min;         /* 1 when a minimum (hours, tasks) is the tight side */
    int discrete;
    double limit, used; /* in the limit's own unit (hours/week, hours/day, minutes/week, ...) */
    double marginal;    /* points per unit, >= 0 */
} Binding;

/* GLPK's version string (glp_version), for the results' meta: the layers
 * above never include glpk.h. Defined in lp.c. */
const char *lp_glpk_version(void);

/* Solves the pair. Returns MW_OK with out filled (the solve's outcome in
 * out->status; out->n == 0 unless OPTIMAL or TIME_LIMIT), or MW_ENOMEM.
 * A GLPK fault is contained and reported as CARVE_SOLVER_ERROR. Thread-safe
 * (each call owns its GLPK problem). Free with package_free. */
int carve_solve(const PairData *p, Package *out);
void package_free(Package *pk);
/* qsort order of a package's schedule: by day, part, then task. */
int carve_slot_cmp(const void *a, const void *b);
/* Deep copy of src into dst. MW_OK, or MW_ENOMEM with dst emptied. */
int package_copy(Package *dst, const Package *src);

/* The tight limits of an OPTIMAL or TIME_LIMIT package: re-solves the LP
 * with the binaries fixed at the package's choices and reads the duals.
 * Returns MW_OK with *out (mw_free it) and *n set, in a fixed order (by
 * kind, then index), or MW_ENOMEM. A solver failure gives *n = 0. */
int carve_bindings(const PairData *p, const Package *pk, Binding **out, int *n);

#endif
