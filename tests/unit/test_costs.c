/* test_costs.c — the money of a match (engine/core/costs.c) for three
 * casebook matches of the regional proposal (S. at E16, Emma at E08, B. at
 * E02: their loonwaarde, begeleiding and package hours), each worked out by
 * hand below under the nl-2022 policy defaults; plus the wage floor, the
 * benefit comparison and the quota levy.
 */
#include "../../engine/core/costs.h"
#include "check.h"

static Candidate cand(double loonwaarde, double support)
{
    Candidate c;
    memset(&c, 0, sizeof c);
    c.loonwaarde = loonwaarde;
    c.support_min_day = support;
    return c;
}

/* S. (Beschut 2, C16): 20 h/week at E16, loonwaarde 0.56, begeleiding 300 min a day.
 *   wage cost  20 × 10.14 × 1.235 = 250.458 a week, × 52 = 13,023.816 a year
 *   LKS        (10.14 − 0.56 × 10.14) × 20 × 1.235 = 4.4616 × 20 × 1.235 = 110.20152 a week,
 *              × 52 = 5,730.47904 a year; flat start 0.5 × 10.14 × 20 × 1.235 = 125.229 a week
 *   begeleidingsvergoeding  7,800 × 20 / 31 = 5,032.2580645 a year (96.7741935 a week)
 *   subsidy    5,730.47904 + 5,032.2580645 = 10,762.7371045; net 13,023.816 − that = 2,261.0788955
 *   job units  20 / 25.5 = 0.7843137; income 20 × 10.14 × 52 / 12 = 878.8 a month */
static void test_s(void)
{
    Policy p;
    model_policy_defaults(&p);
    Candidate c = cand(0.56, 300);
    MatchCost k;
    costs_compute(&p, &c, 20, 0, &k);
    CHECK_NEAR(k.wage_hour, 10.14, 1e-12);
    CHECK_NEAR(k.wage_cost_week, 250.458, 1e-9);
    CHECK_NEAR(k.wage_cost_year, 13023.816, 1e-7);
    CHECK_NEAR(k.lks_week, 110.20152, 1e-9);
    CHECK_NEAR(k.lks_year, 5730.47904, 1e-7);
    CHECK_NEAR(k.lks_start_week, 125.229, 1e-9);
    CHECK_NEAR(k.begeleiding_year, 5032.2580645, 1e-6);
    CHECK_NEAR(k.begeleiding_week, 96.7741935, 1e-6);
    CHECK_NEAR(k.subsidy_year, 10762.7371045, 1e-6);
    CHECK_NEAR(k.net_cost_year, 2261.0788955, 1e-6);
    CHECK_NEAR(k.net_cost_week * 52, k.net_cost_year, 1e-7);
    CHECK_NEAR(k.job_units, 0.7843137, 1e-7);
    CHECK_NEAR(k.income_month, 878.8, 1e-9);
    CHECK(k.income_above_benefit == -1);
}

/* Emma (Midden-Utrecht, C08): 9 h/week at E08, loonwaarde 0.7, no begeleiding.
 *   wage cost  9 × 10.14 × 1.235 = 112.7061 a week, 5,860.7172 a year
 *   LKS        10.14 × 0.3 × 9 × 1.235 = 33.81183 a week, 1,758.21516 a year
 *   begeleidingsvergoeding 0 (no support need); net 5,860.7172 − 1,758.21516 = 4,102.50204
 *   job units 9 / 25.5 = 0.3529412; income 9 × 10.14 × 52 / 12 = 395.46 a month:
 *   below a benefit of 1,000 a month, above one of 300 */
static void test_emma(void)
{
    Policy p;
    model_policy_defaults(&p);
    Candidate c = cand(0.7, 0);
    MatchCost k;
    p.benefit_month = 1000;
    costs_compute(&p, &c, 9, 0, &k);
    CHECK_NEAR(k.wage_cost_year, 5860.7172, 1e-7);
    CHECK_NEAR(k.lks_week, 33.81183, 1e-9);
    CHECK_NEAR(k.lks_year, 1758.21516, 1e-7);
    CHECK(k.begeleiding_year == 0 && k.begeleiding_week == 0);
    CHECK_NEAR(k.subsidy_year, 1758.21516, 1e-7);
    CHECK_NEAR(k.net_cost_year, 4102.50204, 1e-7);
    CHECK_NEAR(k.job_units, 0.3529412, 1e-7);
    CHECK_NEAR(k.income_month, 395.46, 1e-9);
    CHECK(k.income_above_benefit == 0);
    p.benefit_month = 300;
    costs_compute(&p, &c, 9, 0, &k);
    CHECK(k.income_above_benefit == 1);
}

/* B. (Stilzitten, C02): 20 h/week at E02, loonwaarde 0.9, begeleiding 10 min a day.
 *   wage cost 13,023.816 a year (as S.); LKS 10.14 × 0.1 × 20 × 1.235 = 25.0458 a week,
 *   1,302.3816 a year; begeleidingsvergoeding 5,032.2580645; subsidy 6,334.6396645;
 *   net 6,689.1763355. Quota levy avoided at an employer of 30 employees (> 25):
 *   0.7843137 × 5,000 = 3,921.5686; at 25 employees none. */
static void test_b(void)
{
    Policy p;
    model_policy_defaults(&p);
    Candidate c = cand(0.9, 10);
    MatchCost k;
    costs_compute(&p, &c, 20, 0, &k);
    CHECK_NEAR(k.lks_week, 25.0458, 1e-9);
    CHECK_NEAR(k.lks_year, 1302.3816, 1e-8);
    CHECK_NEAR(k.subsidy_year, 6334.6396645, 1e-6);
    CHECK_NEAR(k.net_cost_year, 6689.1763355, 1e-6);
    Employer e;
    memset(&e, 0, sizeof e);
    e.employees = 30;
    CHECK_NEAR(costs_levy_avoided(&p, &e, k.job_units), 3921.5686275, 1e-6);
    e.employees = 25;
    CHECK(costs_levy_avoided(&p, &e, k.job_units) == 0);
}

/* The minimum wage is the floor; above it the LKS gap shrinks and never goes
 * negative: at 12 €/h with loonwaarde 0.9 the work is worth 10.8 > 10.14. */
static void test_wage(void)
{
    Policy p;
    model_policy_defaults(&p);
    Candidate c = cand(0.9, 0);
    MatchCost k;
    costs_compute(&p, &c, 10, 8.0, &k);
    CHECK_NEAR(k.wage_hour, 10.14, 1e-12);
    costs_compute(&p, &c, 10, 12.0, &k);
    CHECK_NEAR(k.wage_hour, 12.0, 1e-12);
    CHECK_NEAR(k.wage_cost_week, 10 * 12 * 1.235, 1e-9);
    CHECK(k.lks_week == 0 && k.lks_year == 0);
    /* loonwaarde 0.5 at 11 €/h: gap 10.14 − 5.5 = 4.64 per hour */
    c.loonwaarde = 0.5;
    costs_compute(&p, &c, 10, 11.0, &k);
    CHECK_NEAR(k.lks_week, 4.64 * 10 * 1.235, 1e-9);
}

int main(void)
{
    test_s();
    test_emma();
    test_b();
    test_wage();
    return check_report("test_costs");
}
