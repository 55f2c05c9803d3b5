/* costs.c — the money of one match (the rules are in costs.h). Layer: core.
 * Plain arithmetic over the Policy; knows nothing about files or solvers.
 */
#include "costs.h"

#include <string.h>

void costs_compute(const Policy *p, const Candidate *c, double hours_week, double wage_hour, MatchCost *out)
{
    memset(out, 0, sizeof *out);
    double wml = p->min_wage_hour, charge = 1 + p->employer_charges;
    double wage = wage_hour > wml ? wage_hour : wml;
    double gap = wml - c->loonwaarde * wage;
    out->hours_week = hours_week;
    out->wage_hour = wage;
    out->wage_cost_week = hours_week * wage * charge;
    out->lks_week = gap > 0 ? gap * hours_week * charge : 0;
    out->lks_start_week = p->lks_flat_start * wml * hours_week * charge;
    out->begeleiding_week = c->support_min_day > 0 && p->begeleiding_ref_hours > 0
                                ? p->begeleiding_year / MW_COST_WEEKS * hours_week / p->begeleiding_ref_hours
                                : 0;
    out->subsidy_week = out->lks_week + out->begeleiding_week;
    out->net_cost_week = out->wage_cost_week - out->subsidy_week;
    out->wage_cost_year = out->wage_cost_week * MW_COST_WEEKS;
    out->lks_year = out->lks_week * MW_COST_WEEKS;
    out->begeleiding_year = c->support_min_day > 0 && p->begeleiding_ref_hours > 0
                                ? p->begeleiding_year * hours_week / p->begeleiding_ref_hours
                                : 0;
    out->subsidy_year = out->lks_year + out->begeleiding_year;
    out->net_cost_year = out->wage_cost_year - out->subsidy_year;
    out->job_units = p->job_unit_hours > 0 ? hours_week / p->job_unit_hours : 0;
    out->income_month = hours_week * wage * MW_COST_WEEKS / 12;
    out->income_above_benefit = p->benefit_month == MW_UNSET ? -1 : out->income_month > p->benefit_month;
}

double costs_levy_avoided(const Policy *p, const Employer *e, double job_units)
{
    return e->employees > p->quota_min_employees ? job_units * p->quota_levy : 0;
}
