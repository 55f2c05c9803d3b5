/* model.h — the in-memory model: dimensions, candidates, employers, jobs,
 * tasks, placements and policy, as typed values with resolved references.
 * Layer: core. Filled by engine/input, read by solve/assess/output. Knows
 * nothing about CSV, JSON or GLPK. All memory of a Model lives in its arena;
 * model_free releases everything at once.
 *
 * Dutch domain words kept as the field uses them:
 *   belastbaarheid  what a person can bear; recorded as limits (lim) per dimension
 *   loonwaarde      productivity as a share 0..1 of the norm
 *   begeleiding     daily support at work, in minutes per working day
 */
#ifndef MW_MODEL_H
#define MW_MODEL_H

#include <stdint.h>
#include "mw.h"
#include "risk.h"

/* Days ma di wo do vr za zo are bits 0..6; parts ochtend middag avond nacht
 * are bits 0..3. A slot is day*4+part, a bit in a uint32_t slot mask. */
enum { MW_DAYS = 7, MW_PARTS = 4, MW_SLOTS = 28 };
#define MW_WEEKDAYS_MASK 0x1Fu              /* ma..vr */
#define MW_DAYTIME_PARTS 0x3u               /* ochtend+middag */
#define MW_SLOT(day, part) (1u << ((day) * MW_PARTS + (part)))
extern const char *const mw_day_names[MW_DAYS];   /* "ma" .. "zo" */
extern const char *const mw_part_names[MW_PARTS]; /* "ochtend" .. "nacht" */

typedef enum { DIM_LEVEL, DIM_EXPOSURE, DIM_SHARE, DIM_FLAG } DimKind;
extern const char *const mw_dim_kind_names[4];    /* "level" .. "flag" */

typedef struct {
    const char *name, *rubriek, *unit, *description;
    DimKind kind;
    double max;          /* level: highest level; exposure: hours/day scale; share/flag: 1 */
} Dimension;

/* Limit state of one candidate dimension (lim.<name>). */
enum { LIM_NONE = 0, LIM_KNOWN = 1, LIM_UNKNOWN = 2 };

typedef enum { TRAVEL_WALK, TRAVEL_BIKE, TRAVEL_PT, TRAVEL_CAR } TravelMode;
extern const char *const mw_travel_names[4];      /* "walk" "bike" "pt" "car" */
typedef enum { CAP_STABLE, CAP_FLUCTUATING, CAP_PROGRESSIVE } CapacityProfile;
extern const char *const mw_capacity_names[3];
typedef enum { CONTRACT_TEMP_ONLY, CONTRACT_TEMP_THEN_PERM, CONTRACT_PERM } ContractPolicy;
extern const char *const mw_contract_names[3];
typedef enum { PHASE_TRIAL, PHASE_TEMP, PHASE_PERM } Phase;
extern const char *const mw_phase_names[3];

/* Interned names (skills, categories, sectors, groups, regions) are ints
 * into Model.names; -1 means "none/empty". */
typedef struct { int name; int level; int trainable; } SkillLevel;
typedef struct { int n; SkillLevel *items; } SkillList;
typedef struct { int n; int *items; } IntList;          /* name ids or entity indices */
/* 1 when v is one of l's items, else 0. */
int intlist_has(const IntList *l, int v);
typedef struct { int task; double hours; } TaskHours;
typedef struct { int n; const char **keys; const char **vals; } Notes; /* x_ columns, in header order */

/* Dates are days since 1970-01-01; MW_NO_DATE when empty. */
#define MW_NO_DATE INT32_MIN
/* Optional numbers: MW_UNSET when the cell was empty and the column has no default. */
#define MW_UNSET (-1.0)

typedef struct {
    const char *id;
    int line;                      /* source line (CSV) or record index+1 (JSON) */
    int region;                    /* name id, -1 if empty */
    double lat, lon;
    double max_travel_min;
    TravelMode travel_mode;
    double min_hours_week, max_hours_week, pref_hours_week, max_hours_day;
    int max_days_week;
    uint32_t availability;         /* slot mask; empty cell = every slot */
    double loonwaarde;             /* 0 < lw <= 1 */
    double support_min_day;        /* begeleiding minutes per working day */
    int max_tasks, min_tasks, max_groups;   /* 0 = no limit / no minimum */
    SkillList skills;
    IntList likes, dislikes;       /* category name ids */
    IntList dislikes_never;        /* subset of dislikes marked with '!' */
    IntList sectors_excluded;      /* sector name ids */
    IntList known_employers, excluded_employers;   /* employer indices */
    double *lim;                   /* [n_dims]; meaningful when lim_state == LIM_KNOWN */
    unsigned char *lim_state;      /* [n_dims] LIM_NONE / LIM_KNOWN / LIM_UNKNOWN */
    int first_job, prior_failures, private_instability, recent_life_event;
    CapacityProfile capacity_profile;
    /* descriptive, for fairness reporting only, never for scoring */
    int category, education, regime;  /* name ids, -1 if empty */
    int age;                       /* -1 if empty */
    int months_unemployed;         /* -1 if empty */
    int consent_employer_view;
    Notes notes;
} Candidate;

typedef struct {
    const char *id, *name;
    int line;
    int sector;                    /* name id */
    double lat, lon;
    int employees;
    int max_new_placements;
    double supervision_min_day;
    int working_days;              /* default 5 */
    int affinity;                  /* 0..3 */
    ContractPolicy contract_policy;
    int accepts_trial;
    double supervisor_exit_months; /* MW_UNSET if no known exit */
    int result_orientation;        /* 0..3 */
    int vulnerable_colleagues;
    double *acc;                   /* [n_dims] levels lowered (level dims), 0 = none */
    IntList jobs, tasks;           /* indices of this employer's jobs and tasks, in file order */
    Notes notes;
} Employer;

typedef struct {
    const char *id, *title;
    int line;
    int employer;                  /* index */
    double wage_hour;
    double hours_week;
    double min_residual_hours;     /* 0 = the job may dissolve */
    int is_vacancy;
    int32_t project_end;           /* MW_NO_DATE if none */
    Notes notes;
} Job;

typedef struct {
    const char *id, *name;
    int line;
    int employer, job;             /* indices */
    int category;                  /* name id */
    double hours_week;             /* work volume in standard hours */
    uint8_t days;                  /* day mask; empty cell = ma..vr and days_fixed = 0 */
    int days_fixed;
    uint8_t parts;                 /* part mask; empty cell = ochtend+middag */
    double min_chunk_hours;
    int divisible, carvable;
    int group;                     /* name id, -1 = the employer's default group */
    IntList requires;              /* task indices */
    SkillList skills;
    int time_bound;
    double supervision_min_per_hour;
    int mandatory_in_vacancy;
    double *load;                  /* [n_dims]; 0 = no demand */
    Notes notes;
} Task;

typedef struct {
    const char *id;
    int line;
    int candidate, employer;       /* indices */
    int n_hours; TaskHours *hours; /* task index and candidate hours per week */
    Phase phase;
    int32_t start, trial_end, contract_end;
    int review;
    Notes notes;
    /* weekly runs (issue 8), optional columns of placements.csv */
    int outcome;                   /* PLACEMENT_OPEN or PLACEMENT_FAILED (a failed trial) */
    int temp_contracts;            /* temporary contracts in the chain so far, this one included; 0 = unknown */
    int32_t chain_start;           /* start of the chain of temporary contracts, MW_NO_DATE = start */
    int32_t jobcoach_start;        /* start of the jobcoach entitlement, MW_NO_DATE = no jobcoach */
    double jobcoach_hours_year;    /* jobcoach hours used this calendar year (0 when empty) */
    int32_t loonwaarde_measured;   /* date of the last loonwaardemeting, MW_NO_DATE = start */
} Placement;
enum { PLACEMENT_OPEN, PLACEMENT_FAILED };
extern const char *const mw_outcome_names[2];     /* "open" "failed" */

/* Objective weights of a preset (models/presets/NAME.json); units in the
 * preset file. */
typedef struct {
    double value;     /* points per euro of freed work per week */
    double pref;      /* points per hour in a liked (+1) or disliked (-1) category */
    double skill;     /* points per hour of full skill fit */
    double hours;     /* points per hour towards the preferred hours */
    double task;      /* points per task in the package */
    double group;     /* points per group beyond the first */
    double sup;       /* points per supervision minute per week */
    double over;      /* points per hour above theta * Hmax */
    double theta;     /* slack threshold, share of Hmax */
    double travel;    /* pair term: points per minute of travel one way */
    double known;     /* pair term: points for a known employer (the klik proxy) */
    double affinity;  /* pair term: points per level of employer affinity (0..3) */
    double time_limit;/* seconds per MIP */
    double risk;      /* pair term: points per unit of durable-placement probability (0 = none) */
    double churn;     /* points for keeping a candidate's package of last week's proposal (--previous) */
} Weights;

/* Fills w with the built-in balanced defaults (the values of
 * models/presets/balanced.json). */
void weights_default(Weights *w);

/* Policy parameters (policy.json); defaults are the nl-2022 values. */
typedef struct {
    const char *name;              /* e.g. "nl-2022" */
    double min_wage_hour;          /* WML per hour, euro */
    int min_wage_year;
    double employer_charges;       /* 0.235 */
    double lks_flat_start;         /* flat-rate LKS at the start, share of the WML: 0.50 (costs.h) */
    int main_task_rule;            /* LKS main-task rule as minimum chunk */
    double main_task_share;        /* 1/16 of weekly hours */
    double main_task_min_day;      /* 30 minutes a day, in hours: 0.5 */
    double begeleiding_year;       /* 7800 euro per year ... */
    double begeleiding_ref_hours;  /* ... for a 31-hour week */
    double job_unit_hours;         /* banenafspraak: 25.5 h/week */
    double quota_levy;             /* 5000 euro per missing job unit */
    int quota_min_employees;       /* 25 */
    double benefit_month;          /* MW_UNSET unless supplied */
} Policy;

typedef struct {
    MwArena arena;
    int n_dims; Dimension *dims;
    int n_candidates; Candidate *candidates;
    int n_employers; Employer *employers;
    int n_jobs; Job *jobs;
    int n_tasks; Task *tasks;
    int n_placements; Placement *placements;
    Policy policy;
    int n_names, cap_names; const char **names;   /* interned strings */
    void *name_index;              /* private hash index of names */
    char source[16];               /* "csv" or "json" */
    RiskModel risk;                /* the durability model (models/risk/default.json) */
} Model;

/* Creates an empty model with default policy. NULL on OOM. */
Model *model_new(void);
/* Frees the model and everything in its arena. Accepts NULL. */
void model_free(Model *m);
/* Interns s, returning its id (>= 0), or -1 on OOM. Empty string → -1 is
 * the caller's business: this interns "" like any other string. */
int model_intern(Model *m, const char *s);
/* Looks up an interned name; -1 if absent. */
int model_name_find(const Model *m, const char *s);
const char *model_name(const Model *m, int id);    /* "" for -1 */
/* Index of the dimension called name, or -1. */
int model_dim_find(const Model *m, const char *name);
/* Entity lookups by id (linear-time fallback not used: hash index built by
 * model_index). Return -1 when absent. */
int model_find_candidate(const Model *m, const char *id);
int model_find_employer(const Model *m, const char *id);
int model_find_job(const Model *m, const char *id);
int model_find_task(const Model *m, const char *id);
/* Builds the id indexes of one table; MW_OK or MW_ENOMEM. The loader calls
 * it for each table as soon as that table is filled. */
enum { MODEL_CANDIDATES, MODEL_EMPLOYERS, MODEL_JOBS, MODEL_TASKS };
int model_index(Model *m, int table);
/* Fills p with the nl-2022 defaults (the values of models/policy/nl-2022.json). */
void model_policy_defaults(Policy *p);

/* Date helpers: days since 1970-01-01 <-> y/m/d. */
int32_t mw_days_from_civil(int y, int m, int d);
void mw_civil_from_days(int32_t z, int *y, int *m, int *d);

#endif
