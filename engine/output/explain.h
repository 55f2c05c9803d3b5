/* explain.h — writing the explanation of one candidate's pairs, as text a
 * bemiddelaar reads and as JSON (schema maatwerk.explain/1). Layer: output.
 * The explanation is where a candidate's limits may appear (they explain
 * the package); nothing here logs them elsewhere.
 */
#ifndef MW_EXPLAIN_H
#define MW_EXPLAIN_H

#include <stdio.h>

#include "../assess/assess.h"

typedef struct {
    int cand;
    int candidate_mode;               /* 1: the candidate's best pairs; 0: one named pair */
    const PairAssessment *pairs;
    int n;
    int reasons[PAIR_REASONS];        /* candidate mode: employers per pair reason */
    int no_package;                   /* candidate mode: filtered-in pairs without a package */
    const NearestMiss *miss;          /* candidate mode: the nearest miss, or NULL */
    int miss_emp;
} Explanation;

/* Writes the explanation as readable text. Returns MW_OK or MW_EIO. */
int explain_write_text(FILE *out, const Model *m, const Weights *w, const Explanation *x);
/* Writes the explanation as JSON. Returns MW_OK, MW_ENOMEM or MW_EIO. */
int explain_write_json(FILE *out, const Model *m, const Weights *w, const Explanation *x);

/* ---- pieces shared with the results writer (results.c) ---------------------
 * One wording and one JSON shape for the explanation fields in both
 * maatwerk.explain/1 and maatwerk.results/1. */

/* The score terms in output order, their keys ("hours", "value", "pref",
 * "skill", "task", "group", "sup", "over", "travel", "known", "affinity",
 * "risk") and their values in points for assessment a. */
enum { EXPLAIN_TERMS = 12 };
extern const char *const explain_term_keys[EXPLAIN_TERMS];
void explain_term_values(const PairAssessment *a, double v[EXPLAIN_TERMS]);

/* The one number rounding of the JSON outputs: 6 decimals, never -0. */
double explain_num(double v);

/* One sentence (NUL-terminated, truncated to n) for a nearest-miss change,
 * a binding limit and a signalering. These name the candidate's limits:
 * they belong in explanation fields only. */
void explain_miss_text(const Model *m, const MissItem *it, char *buf, size_t n);
void explain_binding_text(const Model *m, const Binding *b, char *buf, size_t n);
void explain_signal_text(const Model *m, const Signal *s, char *buf, size_t n);

/* JSON builders. Each returns a new item that the caller adds to a parent
 * (which then owns it), or NULL when cJSON could not allocate (nothing is
 * leaked then). Numbers go through explain_num.
 *   package      {hours, [work,] days, supervision_min_week, vacancy_job,
 *                 tasks[{id,name,job,hours,work}], schedule[{day,part,task,hours}]};
 *                 "work" (Σ work covered) only when with_work
 *   score        {total, objective, terms{explain_term_keys}}
 *   bindings     [{limit, of, minimum, value, used, marginal, text}]
 *   signals      [{kind, dimension, task, used, limit, text}]
 *   coverage     {loaded_dimensions, unknown, share, low}
 *   miss         {violation, proven_nearest, changes[{limit, dimension, task, from, to, text}]}
 *   costs        {wage_hour, hours_week, wage_cost_week, wage_cost_year, lks_week, lks_year,
 *                 lks_start_week, begeleiding_week, begeleiding_year, subsidy_week, subsidy_year,
 *                 net_cost_week, net_cost_year, job_units, levy_avoided_year, income_month,
 *                 income_above_benefit (null without a benefit level)}; euro (costs.h)
 *   risk         {p_durable, p_six_months, p_loss{trial, first_six_months, conversion, later},
 *                 flags[names of the flags that hold]}; flags is null unless with_flags
 *                 (they describe the candidate's situation: an explanation field) */
struct cJSON;
struct cJSON *explain_json_package(const Model *m, const Package *pk, int with_work);
struct cJSON *explain_json_score(const PairAssessment *a);
struct cJSON *explain_json_bindings(const Model *m, const PairAssessment *a);
struct cJSON *explain_json_signals(const Model *m, const PairAssessment *a);
struct cJSON *explain_json_coverage(const PairAssessment *a);
struct cJSON *explain_json_miss(const Model *m, const NearestMiss *nm);
struct cJSON *explain_json_costs(const PairAssessment *a);
struct cJSON *explain_json_risk(const PairAssessment *a, int with_flags);

#endif
