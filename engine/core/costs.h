/* costs.h — the money of one match (DESIGN §5, DOMAIN "Numbers"): the
 * employer's wage cost with employer charges, the loonkostensubsidie (LKS,
 * paid by the gemeente), the begeleidingsvergoeding, the employer's net
 * cost, banenafspraak job units, and whether work pays more than a given
 * benefit. Pure arithmetic over the Policy; used by engine/solve (a subsidy
 * budget row) and engine/assess. Layer: core. Knows nothing about files,
 * JSON or GLPK.
 *
 * Units: euro per week and euro per year (MW_COST_WEEKS = 52 weeks of the
 * package's weekly hours; holiday allowance and other wage components are
 * not modelled beyond the flat employer charges). Money amounts are not
 * rounded.
 *
 * Rules (nl-2022, models/policy/nl-2022.json):
 *   wage       the person earns max(wage_hour, WML per hour): the minimum wage
 *              is the floor; the engine passes 0, so a match earns the WML
 *              (carved tasks are the simple ones of the donor jobs, and the
 *              banenafspraak jobs of the studies pay at or near the WML).
 *   wage cost  hours × wage × (1 + employer_charges)
 *   LKS        (WML − loonwaarde × wage) × hours × (1 + employer_charges),
 *              not below 0: the gemeente pays the gap between what the work is
 *              worth and the minimum wage, plus the flat employer charges
 *              (23.5%). During the start, before the loonwaarde is measured
 *              (at most six months), it pays the flat rate instead:
 *              lks_flat_start (50%) × WML × hours × (1 + employer_charges).
 *   begeleidingsvergoeding  begeleiding_year × hours / begeleiding_ref_hours
 *              (€7,800 a year for a 31-hour week, pro rata, no cap), when the
 *              candidate needs begeleiding (support_min_day > 0); else 0.
 *   subsidy    LKS + begeleidingsvergoeding (what the gemeente pays).
 *   net cost   wage cost − subsidy (what the employer pays).
 *   job units  hours / job_unit_hours (25.5).
 *   income     gross wage per month: hours × wage × 52 / 12, compared with
 *              benefit_month (same basis) when the policy supplies it.
 */
#ifndef MW_COSTS_H
#define MW_COSTS_H

#include "model.h"

#define MW_COST_WEEKS 52.0

typedef struct {
    double hours_week;
    double wage_hour;                 /* what the person earns per hour (>= WML) */
    double wage_cost_week, wage_cost_year;      /* employer's wage cost with charges */
    double lks_week, lks_year;                  /* LKS on the loonwaarde */
    double lks_start_week;                      /* flat-rate LKS during the start */
    double begeleiding_week, begeleiding_year;  /* begeleidingsvergoeding */
    double subsidy_week, subsidy_year;          /* LKS + begeleidingsvergoeding */
    double net_cost_week, net_cost_year;        /* wage cost − subsidy */
    double job_units;                           /* banenafspraak units */
    double income_month;                        /* gross wage per month */
    int income_above_benefit;                   /* 1 / 0; -1 when benefit_month is unset */
} MatchCost;

/* Fills *out for candidate c working hours_week at wage_hour (0 = the
 * minimum wage) under policy p, by the rules above. Pure; cannot fail. */
void costs_compute(const Policy *p, const Candidate *c, double hours_week, double wage_hour, MatchCost *out);

/* The quota levy an employer avoids per year with job_units more units:
 * job_units × quota_levy when the employer has more than
 * quota_min_employees employees, else 0. */
double costs_levy_avoided(const Policy *p, const Employer *e, double job_units);

#endif
