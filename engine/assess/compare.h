/* compare.h — the figures of one scenario's proposal that a researcher
 * compares across scenarios (maatwerk scenarios): placements, hours, job
 * units, expected durable placements, subsidy (LKS) cost, what the budget
 * and the jobcoach pool used, and the placement rate per group. Layer:
 * assess; the figures come from the Proposal (summary, fairness). Knows
 * nothing about files; engine/output writes the comparison.
 */
#ifndef MW_COMPARE_H
#define MW_COMPARE_H

#include "../core/scenario.h"
#include "proposal.h"

/* One group of candidates (e.g. category "lvb") and how many were placed. */
typedef struct {
    const char *dimension;    /* fairness_dimension_names: "category", "age_band", ... */
    const char *group;        /* the group's value; "unknown" for an empty one */
    int candidates, placed;
    double rate;              /* placed / candidates */
} CompareGroup;

/* The figures a comparison shows, in the order of compare_metric_names. */
enum {
    CMP_CANDIDATES, CMP_EMPLOYERS, CMP_PLACEMENTS, CMP_PLACEMENT_RATE, CMP_HOURS, CMP_JOB_UNITS,
    CMP_EXPECTED_DURABLE, CMP_LKS_COST, CMP_SUBSIDY_COST, CMP_JOBCOACH_HOURS, CMP_OBJECTIVE,
    CMP_METRICS
};
extern const char *const compare_metric_names[CMP_METRICS];

typedef struct {
    char name[64];
    const char *description;  /* the Scenario's (it must outlive the row) */
    const char *file;
    double v[CMP_METRICS];
    int n_groups;
    CompareGroup *groups;     /* by dimension, then group name; mw_malloc'ed */
    MwArena arena;            /* the group names */
} CompareRow;

/* The row of scenario s's proposal p (p->m is the scenario's model copy):
 * the summary's figures (placements, hours, job units, expected durable
 * placements, LKS and subsidy cost), the jobcoach hours its placements
 * take (jobcoach[c] per candidate of p->m, scenario_jobcoach_hours) and the
 * fairness table's groups. MW_OK or MW_ENOMEM; free with compare_row_free. */
int compare_row_build(const Scenario *s, const Proposal *p, const double *jobcoach, CompareRow *out);
void compare_row_free(CompareRow *r);

/* The group rate of (dimension, group) in r, or -1 when r has no such group. */
double compare_group_rate(const CompareRow *r, const char *dimension, const char *group);

#endif
