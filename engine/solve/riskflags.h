/* riskflags.h — a match as the flags of the durability model (core/risk.h):
 * candidate flags (private instability, life event, first job, capacity
 * profile), employer flags (contract policy, supervisor leaving, result
 * orientation, affinity), pair flags (travel, prior acquaintance) and
 * package flags (hours near the maximum, supervision margin, project end of
 * a donor job, data coverage, signaleringen), by the thresholds of the
 * model's file. One code path for the objective's risk term (region.c,
 * monolith.c, assess.c) and the reported risk (assess). Layer: solve.
 */
#ifndef MW_RISKFLAGS_H
#define MW_RISKFLAGS_H

#include "carve.h"

/* Fills *f for candidate c at employer e with package pk (NULL: no
 * package, its flags 0) and travel_min minutes one way, under m->risk's
 * thresholds. Cannot fail. */
void riskflags_fill(const Model *m, int c, int e, const Package *pk, double travel_min, RiskFlags *f);

/* The objective's risk term of the pair, in points: w->risk × the
 * probability of a durable placement with package pk (riskflags_fill,
 * risk_eval). 0 when w->risk is 0 (nothing is evaluated then). */
double riskflags_points(const Model *m, const Weights *w, int c, int e, const Package *pk, double travel_min);

#endif
