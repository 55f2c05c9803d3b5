/* fairness.h — placement rates per group against the overall rate
 * (DESIGN §5): per category, age band, education and regime, the
 * candidates, the placed, their rate, the ratio to the overall rate and a
 * flag for groups below MW_FAIRNESS_RATIO of it. These descriptive fields
 * are used for reporting only, never for scoring. Layer: assess. Knows
 * nothing about solving or output.
 *
 * Groups: an empty value is its own group "unknown". Age bands by whole
 * years: "<27" (age <= 26), "27-44" (27 <= age <= 44), "45+" (age >= 45).
 * Rows per dimension in the order category, age_band, education, regime;
 * within one, groups by name (age bands in age order), "unknown" last. The
 * rows of each dimension add up to the totals.
 */
#ifndef MW_FAIRNESS_H
#define MW_FAIRNESS_H

#include "../core/model.h"

#define MW_FAIRNESS_RATIO 0.8

enum { FAIR_CATEGORY, FAIR_AGE_BAND, FAIR_EDUCATION, FAIR_REGIME, FAIR_DIMENSIONS };
extern const char *const fairness_dimension_names[FAIR_DIMENSIONS];  /* "category", "age_band", ... */

typedef struct {
    int dimension;            /* FAIR_* */
    const char *group;        /* the group's name (points into the model or static text) */
    int candidates, placed;
    double rate;              /* placed / candidates */
    int has_ratio;            /* 0 when the overall rate is 0 */
    double ratio;             /* rate / overall rate */
    int flagged;              /* has_ratio and ratio < MW_FAIRNESS_RATIO */
    double expected_durable;  /* Σ p_durable of the group's placed candidates */
} FairnessRow;

typedef struct {
    int candidates, placed;
    double rate;              /* overall placement rate */
    double expected_durable;
    int n;
    FairnessRow *rows;
} Fairness;

/* Builds the table for model m where placed[c] is 1 when candidate c has a
 * match and p_durable[c] its probability of a durable placement (0 when not
 * placed). MW_OK or MW_ENOMEM (*out then empty); free with fairness_free. */
int fairness_build(const Model *m, const char *placed, const double *p_durable, Fairness *out);
void fairness_free(Fairness *f);

/* The age band key of an age: 0 "<27", 1 "27-44", 2 "45+", -1 unknown. */
int fairness_age_band(int age);

#endif
