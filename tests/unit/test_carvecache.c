/* test_carvecache.c — unit tests of the carve cache (engine/solve/
 * carvecache.c): a regional solve through the cache equals the solve
 * without it, package by package; a second solve of the same region
 * answers every standalone pair from the cache and gives the same region;
 * on a copy without one employer (task and job indices shifted) the shared
 * packages, translated to the copy, give exactly the region solved afresh;
 * a changed weight shares nothing. Layer: tests.
 */
#include "../../engine/core/gen.h"
#include "../../engine/core/scenario.h"
#include "../../engine/input/load.h"
#include "../../engine/solve/carvecache.h"
#include "../../engine/solve/region.h"
#include "check.h"

#include <stdlib.h>

static Model *region_model(int nc, int ne, uint64_t seed)
{
    const char *d = getenv("MAATWERK_MODELS");
    Model *m = model_new();
    MwErrors err;
    mw_errors_init(&err, 0);
    int ok = m && load_registry(m, d && *d ? d : "models", &err) == MW_OK;
    mw_errors_free(&err);
    GenParams p = {nc, ne, seed};
    if (!ok || gen_region(m, &p) != MW_OK) {
        model_free(m);
        return NULL;
    }
    return m;
}

static int solve(const Model *m, const Weights *w, CarveCache *cc, Region *r)
{
    RegionOptions o;
    region_options_default(&o);
    o.threads = 2;
    o.carve_cache = cc;
    return region_solve(m, w, &o, r);
}

/* Same columns (tasks by id, hours, work, slots, vacancy), same choice. */
static int same_region(const Model *ma, const Region *a, const Model *mb, const Region *b)
{
    if (a->n_cols != b->n_cols || a->n_pairs != b->n_pairs || a->objective != b->objective)
        return 0;
    for (int k = 0; k < a->n_cols; k++) {
        const Package *p = &a->cols[k].pk, *q = &b->cols[k].pk;
        if (p->n != q->n || p->nslots != q->nslots || p->hours != q->hours || a->cols[k].score != b->cols[k].score ||
            (p->vacancy_job < 0) != (q->vacancy_job < 0) ||
            (p->vacancy_job >= 0 && strcmp(ma->jobs[p->vacancy_job].id, mb->jobs[q->vacancy_job].id) != 0))
            return 0;
        for (int t = 0; t < p->n; t++)
            if (strcmp(ma->tasks[p->tasks[t].task].id, mb->tasks[q->tasks[t].task].id) != 0 ||
                p->tasks[t].work != q->tasks[t].work)
                return 0;
        for (int t = 0; t < p->nslots; t++)
            if (strcmp(ma->tasks[p->slots[t].task].id, mb->tasks[q->slots[t].task].id) != 0 ||
                p->slots[t].hours != q->slots[t].hours || p->slots[t].day != q->slots[t].day)
                return 0;
    }
    for (int c = 0; c < ma->n_candidates; c++)
        if (a->chosen[c] != b->chosen[c])
            return 0;
    return 1;
}

int main(void)
{
    Model *m = region_model(30, 8, 11);
    CHECK(m != NULL);
    if (!m)
        return check_report("test_carvecache");
    Weights w;
    weights_default(&w);
    CarveCache *cc = carve_cache_new();
    Region plain, r1, r2;
    long hits, solves;
    CHECK(solve(m, &w, NULL, &plain) == MW_OK);
    CHECK(solve(m, &w, cc, &r1) == MW_OK);
    carve_cache_counts(cc, &hits, &solves);
    CHECK(hits == 0 && solves == plain.carve_solves);
    CHECK(same_region(m, &plain, m, &r1));
    CHECK(solve(m, &w, cc, &r2) == MW_OK);
    long hits2, solves2;
    carve_cache_counts(cc, &hits2, &solves2);
    CHECK(hits2 == plain.carve_solves && solves2 == solves);   /* every pair from the cache */
    CHECK(same_region(m, &plain, m, &r2));
    region_free(&r1);
    region_free(&r2);

    /* a copy without the first employer: indices shift, packages still fit */
    Scenario s;
    CHECK(scenario_init(&s, m, &w) == MW_OK);
    const char *ex[1] = {m->employers[0].id};
    s.employers.exclude = ex;
    s.employers.n_exclude = 1;
    Model *sub = NULL;
    CHECK(scenario_apply(m, &s, &sub) == MW_OK);
    if (sub) {
        Region fresh, shared;
        CHECK(solve(sub, &w, NULL, &fresh) == MW_OK);
        CHECK(solve(sub, &w, cc, &shared) == MW_OK);
        long h3, s3;
        carve_cache_counts(cc, &h3, &s3);
        CHECK(h3 - hits2 == fresh.carve_solves && s3 == solves2);
        CHECK(same_region(sub, &fresh, sub, &shared));
        region_free(&fresh);
        region_free(&shared);
    }
    model_free(sub);
    scenario_free(&s);

    /* another weight: another instance, nothing shared */
    Weights w2 = w;
    w2.hours = 1.5;
    carve_cache_counts(cc, &hits, &solves);
    CHECK(solve(m, &w2, cc, &r1) == MW_OK);
    carve_cache_counts(cc, &hits2, &solves2);
    CHECK(hits2 == hits && solves2 - solves == r1.carve_solves);
    region_free(&r1);

    region_free(&plain);
    carve_cache_free(cc);
    model_free(m);
    return check_report("test_carvecache");
}
