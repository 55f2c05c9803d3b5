/* test_pair.c — the LKS main-task rule as a minimum chunk (engine/solve/
 * pair.c, policy.main_task_rule): with the rule on, every task of every
 * casebook package has at least 1/16 of the package's weekly hours and, for
 * a fixed-day task, 30 minutes on each of its days; the minimum chunk is
 * the formula of docs/carving-model.md; and the rule changes packages that
 * had a smaller task (so the check is not vacuous). With the rule off the
 * minimum chunk is the plain one.
 */
#include <stdlib.h>

#include "../../engine/input/load.h"
#include "../../engine/solve/carve.h"
#include "../../engine/solve/pairs.h"
#include "check.h"

static const char *models(void)
{
    const char *e = getenv("MAATWERK_MODELS");
    return e && *e ? e : "models";
}

static void test_main_task_rule(void)
{
    MwErrors err;
    mw_errors_init(&err, 10);
    Model *m = NULL;
    LoadOptions lo = {models()};
    CHECK(load_dir("datasets/casebook", &lo, &m, &err) == MW_OK);
    mw_errors_free(&err);
    if (!m)
        return;
    Weights w;
    weights_default(&w);
    int packages = 0, small_before = 0, checked = 0;
    for (int c = 0; c < m->n_candidates; c++)
        for (int e = 0; e < m->n_employers; e++) {
            if (pair_filter(m, c, e, NULL, NULL) != PAIR_OK)
                continue;
            m->policy.main_task_rule = 0;
            PairData *p0 = pair_build(m, c, e, &w);
            m->policy.main_task_rule = 1;
            PairData *p1 = pair_build(m, c, e, &w);
            CHECK(p0 && p1 && p0->nt == p1->nt);
            if (!p0 || !p1 || p0->nt != p1->nt) {
                pair_free(p0);
                pair_free(p1);
                continue;
            }
            const Candidate *cd = &m->candidates[c];
            for (int t = 0; t < p1->nt; t++) {
                const Task *tk = &m->tasks[p1->t[t].task];
                double h = cd->max_hours_week / 16, d = 0.5 * (tk->days_fixed ? mw_popcount(p1->t[t].days) : 1);
                double want = p1->t[t].pi * (h > d ? h : d);
                CHECK_NEAR(p1->t[t].m, want > p0->t[t].m ? want : p0->t[t].m, 1e-12);
                CHECK(p0->t[t].m == pair_min_chunk(tk));
            }
            Package a, b;
            CHECK(carve_solve(p0, &a) == MW_OK);
            CHECK(carve_solve(p1, &b) == MW_OK);
            for (int k = 0; k < a.n; k++)
                small_before += a.tasks[k].hours < a.hours / 16 - 1e-6;
            if (b.n > 0) {
                packages++;
                for (int k = 0; k < b.n; k++) {
                    const PackageTask *pt = &b.tasks[k];
                    const Task *tk = &m->tasks[pt->task];
                    CHECK(pt->hours >= b.hours / 16 - 1e-6);
                    for (int day = 0; day < MW_DAYS && tk->days_fixed; day++)
                        if (pt->day_hours[day] > 1e-9) {
                            CHECK(pt->day_hours[day] >= 0.5 - 1e-6);
                            checked++;
                        }
                }
            }
            package_free(&a);
            package_free(&b);
            pair_free(p0);
            pair_free(p1);
        }
    CHECK(packages > 50);
    CHECK(small_before > 0);    /* without the rule some package has a task under 1/16 */
    CHECK(checked > 0);
    model_free(m);
}

int main(void)
{
    test_main_task_rule();
    return check_report("test_pair");
}
