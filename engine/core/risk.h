/* risk.h — the durability model (DESIGN §5) as plain data: per risk moment
 * (trial → first contract, first six months, temporary → permanent, later
 * change) a logistic model of job loss over flags of candidate, employer and
 * package. RiskModel holds the numbers of models/risk/default.json (loaded
 * by engine/input), RiskFlags the flag values of one match (filled by
 * engine/solve/riskflags.c), risk_eval the probabilities. Layer: core.
 * Knows nothing about files, JSON, GLPK or packages.
 */
#ifndef MW_RISK_H
#define MW_RISK_H

/* The risk moments of Midden-Utrecht (trial → first contract; first six
 * months; temporary → permanent) plus a later change (a year after). */
enum { RISK_TRIAL, RISK_FIRST_SIX_MONTHS, RISK_CONVERSION, RISK_LATER, RISK_MOMENTS };
/* "trial", "first_six_months", "conversion", "later" */
extern const char *const risk_moment_names[RISK_MOMENTS];

/* The flags. Each is 1 when it holds and 0 when not; risk_eval accepts any
 * value (a share of 0..1 is a population mean, as the calibration uses). */
enum {
    RF_HOURS_NEAR_MAX,       /* package hours >= hours_share (90%) of the candidate's maximum */
    RF_SUPERVISION_TIGHT,    /* the package uses >= supervision_share of the employer's weekly minutes */
    RF_TEMP_ONLY,            /* the employer's contract policy is temp_only */
    RF_PROJECT_END,          /* a donor job of the package has a project end date */
    RF_SUPERVISOR_EXIT,      /* the supervisor leaves within supervisor_exit_months */
    RF_LONG_TRAVEL,          /* travel one way >= travel_min minutes */
    RF_KNOWN_EMPLOYER,       /* prior acquaintance: the candidate knows the employer */
    RF_PRIVATE_INSTABILITY,
    RF_RECENT_LIFE_EVENT,
    RF_FIRST_JOB,
    RF_CAPACITY_FLUCTUATING,
    RF_CAPACITY_PROGRESSIVE,
    RF_LOW_COVERAGE,         /* data coverage of the package below the coverage threshold */
    RF_SIGNALERINGEN,        /* the package has at least one signalering */
    RF_RESULT_ORIENTED,      /* employer result_orientation >= result_orientation threshold */
    RF_LOW_AFFINITY,         /* employer affinity 0 */
    RISK_FLAGS
};
/* "hours_near_max", ... in enum order (the keys of the model file) */
extern const char *const risk_flag_names[RISK_FLAGS];

/* The moments whose survival makes a placement durable: trial, first six
 * months and the conversion to a permanent contract (see models/risk/README.md). */
#define RISK_DURABLE_MOMENTS 3

typedef struct {
    const char *name;                        /* "default" */
    double intercept[RISK_MOMENTS];          /* log-odds of job loss with every flag 0 */
    double weight[RISK_FLAGS][RISK_MOMENTS]; /* log-odds added when the flag is 1 */
    /* calibration: the documented rates and the flag prevalences at which
     * the model reproduces them (intercept = logit(target) − Σ weight·prevalence) */
    double target[RISK_MOMENTS];
    double prevalence[RISK_FLAGS];
    /* thresholds that turn a match into flags (engine/solve/riskflags.c) */
    double hours_share;                      /* 0.9 of max_hours_week */
    double supervision_share;                /* 0.9 of the employer's weekly minutes */
    double travel_min;                       /* 30 minutes one way */
    double supervisor_exit_months;           /* 12 */
    double coverage;                         /* 0.8 (MW_LOW_COVERAGE) */
    int result_orientation;                  /* 2 (of 0..3) */
} RiskModel;

typedef struct {
    double x[RISK_FLAGS];
} RiskFlags;

typedef struct {
    double p_loss[RISK_MOMENTS];   /* probability of job loss at each moment, given the previous ones survived */
    double p_six_months;           /* survives trial and first six months (Stilzitten's "durable": >= 6 months) */
    double p_durable;              /* survives the first RISK_DURABLE_MOMENTS moments: a durable placement */
} RiskResult;

/* Fills rm with the built-in default model (the values of
 * models/risk/default.json; a unit test keeps them equal). */
void risk_model_defaults(RiskModel *rm);

/* Evaluates the model: p_loss[m] = 1 / (1 + exp(−(intercept[m] + Σ_f
 * weight[f][m]·x[f]))), survival products as documented above. Pure; cannot
 * fail. */
void risk_eval(const RiskModel *rm, const RiskFlags *f, RiskResult *out);

/* Index of the flag / moment called name, or -1. */
int risk_flag_find(const char *name);
int risk_moment_find(const char *name);

#endif
