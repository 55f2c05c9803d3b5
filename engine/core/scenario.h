/* scenario.h — a what-if scenario for researchers (docs/scenarios.md): the
 * changes one scenario file makes to the data, the weights, the policy and
 * the regional options, as plain values, and applying them to a copy of the
 * model. Layer: core. Filled by engine/input (scenario_load, which checks
 * every key against the model); knows nothing about JSON, GLPK or output.
 */
#ifndef MW_SCENARIO_H
#define MW_SCENARIO_H

#include "model.h"

typedef enum { ROUTE_BOTH, ROUTE_VACANCY, ROUTE_CARVING } RouteMode;
extern const char *const scenario_route_names[3];   /* "both" "vacancy" "carving" */

/* Which candidates or employers take part. Every list that is given must
 * match (lists are ORs of values, lists together an AND); exclude always
 * wins. The strings point into the Scenario's arena. */
typedef struct {
    int n_ids; const char **ids;          /* only these ids */
    int n_exclude; const char **exclude;  /* never these ids */
    int n_regions; const char **regions;  /* candidates: region */
    int n_categories; const char **categories;  /* candidates: category */
    int n_sectors; const char **sectors;  /* employers: sector */
} ScenarioFilter;

/* The default jobcoach hours per year one placement takes from the pool:
 * the municipal maximum of 52 h/year (DOMAIN, Midden-Utrecht). */
#define MW_JOBCOACH_HOURS_DEFAULT 52.0

typedef struct {
    char name[64];                /* [A-Za-z0-9_-]; the output directory's name */
    const char *description;      /* "" when absent */
    const char *file;             /* the file as given, for messages */
    const Model *base;            /* the model it was read against (dimension names) */
    const char *preset;           /* the preset in force (NULL: the command's) */
    Weights w;                    /* the preset with the scenario's weight overrides */
    Policy policy;                /* the data's policy with the scenario's overrides */
    RouteMode route;              /* ROUTE_BOTH by default */
    int training;                 /* 1 (default): trainable '+' skills allowed */
    double budget;                /* subsidy budget, euro per year; < 0 = none */
    double supervision_factor;    /* employers' supervision minutes × this; 1 by default */
    double *acc;                  /* [n_dims] levels granted to all employers; 0 = none */
    double hours_margin;          /* plan at most this share of max_hours_week; 1 by default */
    double jobcoach_pool;         /* jobcoach hours per year for the region; < 0 = none */
    double jobcoach_hours;        /* hours per year one placement needing a jobcoach takes */
    ScenarioFilter candidates, employers;
    /* what the scenario changes, for the sharing decision and the report */
    int changes_weights, changes_policy;
    MwArena arena;                /* owns acc, the filter lists and copied strings */
} Scenario;

/* An empty scenario (no change at all) over model m and weights w: route
 * both, training on, no budget, factor 1, no accommodations, margin 1, no
 * pool. MW_OK or MW_ENOMEM. Free with scenario_free. */
int scenario_init(Scenario *s, const Model *m, const Weights *w);
void scenario_free(Scenario *s);

/* 1 when candidate c (resp. employer e) of m takes part under s. */
int scenario_takes_candidate(const Scenario *s, const Model *m, int c);
int scenario_takes_employer(const Scenario *s, const Model *m, int e);

/* Applies s to a copy of src: only the candidates and employers that take
 * part (with their jobs, tasks and placements; references re-numbered, file
 * order kept), then route, training, supervision factor, accommodations,
 * hours margin and policy. Strings and arrays the scenario does not change
 * are shared with src, which must outlive the copy. Returns MW_OK with *out
 * (free with model_free) or MW_ENOMEM (*out NULL). */
int scenario_apply(const Model *src, const Scenario *s, Model **out);

/* A placement needing a jobcoach: the candidate has a support need
 * (support_min_day > 0). The jobcoach hours per year a placement of
 * candidate c takes from the pool under s: s->jobcoach_hours, or 0. */
double scenario_jobcoach_hours(const Scenario *s, const Candidate *c);

/* What one weekly hour of a placement of c costs the government per year
 * under policy p, in euro: the return value is the subsidy (LKS +
 * begeleidingsvergoeding), *lks (if not NULL) its LKS part. The costs are
 * linear in the hours, so a package of H hours costs H times this; the
 * budget row and its prices rely on that. */
double scenario_cost_hour(const Policy *p, const Candidate *c, double *lks);

#endif
