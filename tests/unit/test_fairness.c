/* test_fairness.c — placement rates per group (engine/assess/fairness.c)
 * on a hand-made region of ten candidates: the groups, their order
 * ("unknown" last, age bands in age order with the boundaries 26|27 and
 * 44|45), the counts, rates and ratios worked out below, the 0.8 flag
 * (exactly 0.8 is not below), and that each dimension's rows add up to the
 * totals.
 */
#include "../../engine/assess/fairness.h"
#include "check.h"

/* candidate: category, age, education, regime, placed, p_durable */
typedef struct { const char *cat; int age; const char *edu, *regime; int placed; double pd; } Row;

static const Row rows[10] = {
    {"psychisch", 26, "vso", "wajong", 1, 0.5},
    {"psychisch", 27, "vso", "wajong", 1, 0.25},
    {"psychisch", 44, "mbo", "wajong", 0, 0},
    {"psychisch", 45, "mbo", "participatiewet", 1, 0.5},
    {"lvb", 20, "praktijkonderwijs", "beschut", 0, 0},
    {"lvb", 50, "praktijkonderwijs", "beschut", 0, 0},
    {"lvb", -1, "", "beschut", 1, 0.75},
    {"autisme", 30, "mbo", "", 1, 0.5},
    {"autisme", 31, "hbo", "participatiewet", 1, 0.5},
    {"", 60, "", "participatiewet", 0, 0},
};

static int name(Model *m, const char *s) { return s[0] ? model_intern(m, s) : -1; }

static const FairnessRow *row(const Fairness *f, const char *dim, const char *group)
{
    for (int i = 0; i < f->n; i++)
        if (strcmp(fairness_dimension_names[f->rows[i].dimension], dim) == 0 && strcmp(f->rows[i].group, group) == 0)
            return &f->rows[i];
    return NULL;
}

static void test_table(void)
{
    Model *m = model_new();
    Candidate cands[10];
    char placed[10];
    double pd[10];
    memset(cands, 0, sizeof cands);
    for (int i = 0; i < 10; i++) {
        cands[i].category = name(m, rows[i].cat);
        cands[i].age = rows[i].age;
        cands[i].education = name(m, rows[i].edu);
        cands[i].regime = name(m, rows[i].regime);
        placed[i] = (char)rows[i].placed;
        pd[i] = rows[i].pd;
    }
    m->candidates = cands;
    m->n_candidates = 10;
    Fairness f;
    CHECK(fairness_build(m, placed, pd, &f) == MW_OK);
    /* overall: 6 of 10 placed, rate 0.6; expected durable 3.0 */
    CHECK(f.candidates == 10 && f.placed == 6);
    CHECK_NEAR(f.rate, 0.6, 1e-12);
    CHECK_NEAR(f.expected_durable, 3.0, 1e-12);
    /* category: autisme 2/2 (1.0, ratio 1.6667), lvb 1/3 (0.3333, ratio 0.5556: flagged),
     * psychisch 3/4 (0.75, 1.25), unknown 0/1 (0, flagged); by name, unknown last */
    const char *cat_order[] = {"autisme", "lvb", "psychisch", "unknown"};
    for (int i = 0; i < 4; i++)
        CHECK(f.rows[i].dimension == FAIR_CATEGORY && strcmp(f.rows[i].group, cat_order[i]) == 0);
    const FairnessRow *r = row(&f, "category", "lvb");
    CHECK(r && r->candidates == 3 && r->placed == 1 && r->flagged && r->has_ratio);
    CHECK(r && fabs(r->ratio - (1.0 / 3) / 0.6) < 1e-12 && fabs(r->expected_durable - 0.75) < 1e-12);
    r = row(&f, "category", "psychisch");
    CHECK(r && r->placed == 3 && !r->flagged && fabs(r->rate - 0.75) < 1e-12 && fabs(r->ratio - 1.25) < 1e-12);
    r = row(&f, "category", "unknown");
    CHECK(r && r->candidates == 1 && r->placed == 0 && r->flagged && r->ratio == 0);
    /* age bands: <27 {26, 20}: 1/2 = 0.5, ratio 0.8333; 27-44 {27, 44, 30, 31}: 3/4;
     * 45+ {45, 50, 60}: 1/3 flagged; unknown {-1}: 1/1 */
    const char *age_order[] = {"<27", "27-44", "45+", "unknown"};
    for (int i = 0; i < 4; i++)
        CHECK(f.rows[4 + i].dimension == FAIR_AGE_BAND && strcmp(f.rows[4 + i].group, age_order[i]) == 0);
    r = row(&f, "age_band", "<27");
    CHECK(r && r->candidates == 2 && r->placed == 1 && !r->flagged);
    r = row(&f, "age_band", "27-44");
    CHECK(r && r->candidates == 4 && r->placed == 3);
    r = row(&f, "age_band", "45+");
    CHECK(r && r->candidates == 3 && r->placed == 1 && r->flagged);
    r = row(&f, "age_band", "unknown");
    CHECK(r && r->candidates == 1 && r->placed == 1);
    CHECK(fairness_age_band(26) == 0 && fairness_age_band(27) == 1 && fairness_age_band(44) == 1 &&
          fairness_age_band(45) == 2 && fairness_age_band(-1) == -1);
    /* education: hbo 1/1, mbo 2/3, praktijkonderwijs 0/2 (flagged), vso 2/2, unknown 1/2 (0.5: ratio 0.8333) */
    r = row(&f, "education", "praktijkonderwijs");
    CHECK(r && r->candidates == 2 && r->placed == 0 && r->flagged);
    r = row(&f, "education", "unknown");
    CHECK(r && r->candidates == 2 && r->placed == 1 && !r->flagged);
    /* regime: beschut 1/3 flagged, participatiewet 2/3, wajong 2/3, unknown 1/1 */
    r = row(&f, "regime", "beschut");
    CHECK(r && r->candidates == 3 && r->placed == 1 && r->flagged);
    r = row(&f, "regime", "wajong");
    CHECK(r && r->candidates == 3 && r->placed == 2 && !r->flagged);
    /* every dimension adds up to the totals */
    for (int d = 0; d < FAIR_DIMENSIONS; d++) {
        int nc = 0, np = 0;
        double ed = 0;
        for (int i = 0; i < f.n; i++)
            if (f.rows[i].dimension == d) {
                nc += f.rows[i].candidates;
                np += f.rows[i].placed;
                ed += f.rows[i].expected_durable;
            }
        CHECK(nc == 10 && np == 6);
        CHECK_NEAR(ed, 3.0, 1e-12);
    }
    CHECK(f.n == 4 + 4 + 5 + 4);
    fairness_free(&f);

    /* exactly 0.8 of the overall rate is not flagged: overall 5/10 = 0.5,
     * a group at 2/5 = 0.4 is at 0.8 */
    for (int i = 0; i < 10; i++) {
        cands[i].category = name(m, i < 5 ? "a" : "b");
        placed[i] = (char)(i < 2 || (i >= 5 && i < 8));
    }
    CHECK(fairness_build(m, placed, pd, &f) == MW_OK);
    r = row(&f, "category", "a");
    CHECK(r && r->placed == 2 && !r->flagged && fabs(r->ratio - 0.8) < 1e-12);
    fairness_free(&f);

    /* nobody placed: no ratio, nothing flagged */
    memset(placed, 0, sizeof placed);
    CHECK(fairness_build(m, placed, pd, &f) == MW_OK);
    for (int i = 0; i < f.n; i++)
        CHECK(!f.rows[i].has_ratio && !f.rows[i].flagged && f.rows[i].rate == 0);
    fairness_free(&f);
    m->candidates = NULL;
    m->n_candidates = 0;
    model_free(m);
}

int main(void)
{
    test_table();
    return check_report("test_fairness");
}
