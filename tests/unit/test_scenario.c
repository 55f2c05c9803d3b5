/* test_scenario.c — unit tests of scenarios: the scenario file reader
 * (engine/input/scenario_load.c) with the exact message of every kind of
 * bad file, applying a scenario to a model copy (engine/core/scenario.c)
 * with every reference re-numbered, and the scenario rows of the regional
 * master (engine/solve/region.c), each checked against an independent
 * formulation: a zero budget must give the proposal of the region without
 * the candidates whose placement costs subsidy, a zero jobcoach pool the one
 * without the candidates needing a jobcoach, an ample budget or pool the
 * unconstrained one; a binding budget is respected and lowers the objective.
 * Layer: tests.
 */
#include "../../engine/core/costs.h"
#include "../../engine/core/gen.h"
#include "../../engine/core/scenario.h"
#include "../../engine/input/load.h"
#include "../../engine/input/scenario_load.h"
#include "../../engine/solve/region.h"
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

#define TOL 1e-6

static char tmpdir[64];

static const char *models_dir(void)
{
    const char *d = getenv("MAATWERK_MODELS");
    return d && *d ? d : "models";
}

static Model *load_mini(void)
{
    MwErrors err;
    mw_errors_init(&err, 0);
    Model *m = NULL;
    LoadOptions lo = {models_dir()};
    if (load_dir("tests/data/mini", &lo, &m, &err) != MW_OK)
        m = NULL;
    mw_errors_free(&err);
    return m;
}

/* Writes text to tmpdir/name and returns the path (static buffer). */
static const char *write_file(const char *name, const char *text)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

/* Loads text as scenario file name; returns the status and the first
 * error line (or "") in first, the error count in *nerr. */
static int load_text(const Model *m, const char *name, const char *text, Scenario *s, char *first, size_t n,
                     int *nerr)
{
    Weights w;
    weights_default(&w);
    MwErrors err;
    mw_errors_init(&err, 0);
    const char *path = write_file(name, text);
    int st = scenario_load(path, m, &w, models_dir(), s, &err);
    first[0] = '\0';
    if (err.n) {
        char line[1024];
        mw_error_format(&err.items[0], line, sizeof line);
        /* messages start with the path; keep only the base name */
        const char *at = strstr(line, name);
        snprintf(first, n, "%s", at ? at : line);
    }
    *nerr = err.n;
    mw_errors_free(&err);
    return st;
}

/* One bad file: status MW_EINPUT, one error, exactly this message. */
static void bad(const Model *m, const char *text, const char *want)
{
    Scenario s;
    char got[1024];
    int n;
    int st = load_text(m, "bad.json", text, &s, got, sizeof got, &n);
    CHECK(st == MW_EINPUT);
    CHECK(n == 1);
    CHECK_STR(got, want);
    if (st == MW_OK)
        scenario_free(&s);
}

static void test_bad_files(const Model *m)
{
    bad(m, "{\"supervison_factor\": 1.2}",
        "bad.json: key 'supervison_factor': unknown parameter; expected one of name, description, preset, weights, "
        "policy, route, training, budget, supervision_factor, accommodations, hours_margin, jobcoach_pool_hours, "
        "jobcoach_hours_per_placement, candidates, employers");
    bad(m, "{\"hours_margin\": 1.2}", "bad.json: key 'hours_margin': expected a share in (0, 1], got 1.2");
    bad(m, "{\"hours_margin\": 0}", "bad.json: key 'hours_margin': expected a share in (0, 1], got 0");
    bad(m, "{\"budget\": -5}", "bad.json: key 'budget': expected a budget >= 0 (euro per year), got -5");
    bad(m, "{\"supervision_factor\": -1}", "bad.json: key 'supervision_factor': expected a factor in 0..100, got -1");
    bad(m, "{\"supervision_factor\": \"1.2\"}",
        "bad.json: key 'supervision_factor': expected a factor in 0..100, got \"1.2\"");
    bad(m, "{\"route\": \"both\", \"route\": \"vacancy\"}", "bad.json: key 'route': given twice");
    bad(m, "{\"route\": \"vac\"}", "bad.json: key 'route': expected \"both\", \"vacancy\" or \"carving\", got \"vac\"");
    bad(m, "{\"training\": 0}", "bad.json: key 'training': expected true or false, got 0");
    bad(m, "{\"candidates\": {\"ids\": [\"K1\", \"K2\"], \"exclude_ids\": [\"K2\"]}}",
        "bad.json: key 'candidates.exclude_ids': 'K2' is also in candidates.ids: a filter cannot include and "
        "exclude the same id");
    bad(m, "{\"candidates\": {\"ids\": [\"K9\"]}}",
        "bad.json: key 'candidates.ids': expected the id of a candidate in the data, got \"K9\"");
    bad(m, "{\"candidates\": {\"ids\": [\"K3\"], \"region\": [\"utrecht\"]}}",
        "bad.json: key 'candidates': selects no candidate: the filters together leave nobody to take part");
    bad(m, "{\"employers\": {\"sector\": [\"zorg\"]}}",
        "bad.json: key 'employers.sector': expected a sector some employer has, got \"zorg\"");
    bad(m, "{\"employers\": {\"region\": [\"utrecht\"]}}",
        "bad.json: key 'employers.region': unknown filter; expected one of ids, exclude_ids, sector");
    bad(m, "{\"accommodations\": {\"staan\": 1}}",
        "bad.json: key 'accommodations.staan': expected a level dimension (an accommodation lowers levels), got an "
        "exposure dimension");
    bad(m, "{\"accommodations\": {\"stilte\": 1}}",
        "bad.json: key 'accommodations.stilte': expected a level dimension of the registry, got an unknown "
        "dimension");
    bad(m, "{\"accommodations\": {\"prikkels\": 4}}",
        "bad.json: key 'accommodations.prikkels': expected a whole number of levels 1..3, got 4");
    bad(m, "{\"jobcoach_hours_per_placement\": 20}",
        "bad.json: key 'jobcoach_hours_per_placement': given without jobcoach_pool_hours: there is no pool to "
        "take the hours from");
    bad(m, "{\"weights\": {\"hours\": -1}}", "bad.json: key 'weights.hours': expected a number in 0..1000, got -1");
    bad(m, "{\"weights\": {\"hourz\": 1}}", "bad.json: key 'weights.hourz': unknown parameter, got 1");
    bad(m, "{\"policy\": {\"min_wage_hour\": \"x\"}}",
        "bad.json: key 'policy.min_wage_hour': expected a number in 0.01..1000, got \"x\"");
    bad(m, "{\"weights\": {\"hours\": 1, \"hours\": 2}}", "bad.json: key 'weights.hours': given twice");
    char want[512];
    snprintf(want, sizeof want, "bad.json: key 'preset': expected a valid preset in %s/presets, got \"nosuch\"",
             models_dir());
    bad(m, "{\"preset\": \"nosuch\"}", want);
    bad(m, "{\"name\": \"a b\"}", "bad.json: key 'name': expected a name of 1-63 letters, digits, - and _, got \"a b\"");
    bad(m, "{\n  \"budget\": \n}", "bad.json:3: invalid JSON");
    bad(m, "[1]", "bad.json: expected a JSON object of scenario parameters");

    /* several errors in one file are all reported */
    Scenario s;
    char got[1024];
    int n;
    CHECK(load_text(m, "many.json", "{\"budget\": -1, \"route\": 1, \"hours_margin\": 2}", &s, got, sizeof got, &n) ==
          MW_EINPUT);
    CHECK(n == 3);
}

static void test_good_file(const Model *m)
{
    Scenario s;
    char got[1024];
    int n;
    int st = load_text(m, "good-one.json",
                       "{\"description\": \"all of it\", \"route\": \"carving\", \"training\": false, "
                       "\"budget\": 25000, \"supervision_factor\": 1.2, \"accommodations\": {\"prikkels\": 1}, "
                       "\"hours_margin\": 0.9, \"jobcoach_pool_hours\": 100, \"jobcoach_hours_per_placement\": 26, "
                       "\"weights\": {\"hours\": 2}, \"policy\": {\"min_wage_hour\": 12}, "
                       "\"employers\": {\"exclude_ids\": [\"E2\"]}, \"_note\": \"a comment\"}",
                       &s, got, sizeof got, &n);
    CHECK(st == MW_OK);
    CHECK_STR(got, "");
    if (st != MW_OK)
        return;
    CHECK_STR(s.name, "good-one");             /* from the file name */
    CHECK_STR(s.description, "all of it");
    CHECK(s.route == ROUTE_CARVING);
    CHECK(s.training == 0);
    CHECK_NEAR(s.budget, 25000, 0);
    CHECK_NEAR(s.supervision_factor, 1.2, 0);
    CHECK_NEAR(s.acc[model_dim_find(m, "prikkels")], 1, 0);
    CHECK_NEAR(s.acc[model_dim_find(m, "tillen")], 0, 0);
    CHECK_NEAR(s.hours_margin, 0.9, 0);
    CHECK_NEAR(s.w.theta, 1, 1e-12);            /* 0.9 of the person's max = the planned max */
    CHECK_NEAR(s.jobcoach_pool, 100, 0);
    CHECK_NEAR(s.jobcoach_hours, 26, 0);
    CHECK_NEAR(s.w.hours, 2, 0);
    CHECK_NEAR(s.w.pref, 0.5, 0);               /* the rest from the command's preset */
    CHECK_NEAR(s.policy.min_wage_hour, 12, 0);
    CHECK_NEAR(s.policy.employer_charges, m->policy.employer_charges, 0);
    CHECK(s.changes_weights && s.changes_policy);

    Model *c = NULL;
    CHECK(scenario_apply(m, &s, &c) == MW_OK);
    if (c) {
        CHECK(c->n_employers == 2 && c->n_candidates == m->n_candidates);
        CHECK_STR(c->employers[1].id, "E3");
        CHECK(c->n_jobs == 3 && c->n_tasks == 7);   /* J3 and T5..T7 were E2's */
        int t8 = model_find_task(c, "T8"), j4 = model_find_job(c, "J4");
        CHECK(t8 == 4 && j4 == 2);
        CHECK(c->tasks[t8].employer == 1 && c->tasks[t8].job == j4);
        CHECK(c->jobs[j4].employer == 1 && c->jobs[j4].is_vacancy == 0);   /* route carving */
        int t2 = model_find_task(c, "T2");
        CHECK(c->tasks[t2].requires.n == 1 && c->tasks[t2].requires.items[0] == model_find_task(c, "T1"));
        int t3 = model_find_task(c, "T3");
        CHECK(c->tasks[t3].skills.n == 1 && c->tasks[t3].skills.items[0].trainable == 0);   /* training off */
        CHECK(m->tasks[model_find_task(m, "T3")].skills.items[0].trainable == 1);          /* source untouched */
        CHECK_NEAR(c->employers[0].supervision_min_day, 72, 1e-12);
        int pr = model_dim_find(c, "prikkels");
        CHECK_NEAR(c->employers[0].acc[pr], 1, 0);   /* E1 had 0 */
        CHECK_NEAR(c->employers[1].acc[pr], 1, 0);
        int k1 = model_find_candidate(c, "K1"), k2 = model_find_candidate(c, "K2");
        CHECK_NEAR(c->candidates[k1].max_hours_week, 24 * 0.9, 1e-12);
        CHECK_NEAR(c->candidates[k1].min_hours_week, 12, 0);
        CHECK(c->candidates[k1].known_employers.n == 1 && c->candidates[k1].known_employers.items[0] == 0);
        CHECK(c->candidates[k2].excluded_employers.n == 1 && c->candidates[k2].excluded_employers.items[0] == 1);
        CHECK(c->n_placements == 1 && c->placements[0].employer == 0 &&
              c->placements[0].hours[0].task == model_find_task(c, "T4"));
        CHECK_NEAR(c->policy.min_wage_hour, 12, 0);
        CHECK_NEAR(c->risk.hours_share, m->risk.hours_share / 0.9, 1e-12);
        CHECK(model_name_find(c, "utrecht") == model_name_find(m, "utrecht"));
        model_free(c);
    }
    scenario_free(&s);

    /* route vacancy: every task only with its vacancy; filters by region */
    st = load_text(m, "vac.json", "{\"name\": \"v\", \"route\": \"vacancy\", \"candidates\": {\"region\": [\"zeist\"]}}",
                   &s, got, sizeof got, &n);
    CHECK(st == MW_OK);
    if (st != MW_OK)
        return;
    CHECK(scenario_apply(m, &s, &c) == MW_OK);
    if (c) {
        CHECK(c->n_candidates == 1 && strcmp(c->candidates[0].id, "K3") == 0);
        int carvable = 0;
        for (int t = 0; t < c->n_tasks; t++)
            carvable += c->tasks[t].carvable;
        CHECK(carvable == 0);
        CHECK(c->jobs[model_find_job(c, "J4")].is_vacancy == 1);
        CHECK(c->n_placements == 1);             /* K3's own */
        model_free(c);
    }
    scenario_free(&s);
}

/* ---- the scenario rows of the master ------------------------------------------ */

static Model *region_model(int nc, int ne, uint64_t seed)
{
    Model *m = model_new();
    MwErrors err;
    mw_errors_init(&err, 0);
    int ok = m && load_registry(m, models_dir(), &err) == MW_OK;
    mw_errors_free(&err);
    GenParams p = {nc, ne, seed};
    if (!ok || gen_region(m, &p) != MW_OK) {
        model_free(m);
        return NULL;
    }
    return m;
}

/* Solves m with the scenario rows: budget (< 0 none) and pool (< 0 none). */
static int solve_rows(const Model *m, double budget, double pool, Region *r, double *cost, double *jc)
{
    Weights w;
    weights_default(&w);
    RegionOptions o;
    region_options_default(&o);
    o.threads = 2;
    Scenario s;
    if (scenario_init(&s, m, &w) != MW_OK)
        return MW_ENOMEM;
    for (int c = 0; c < m->n_candidates; c++) {
        cost[c] = scenario_cost_hour(&m->policy, &m->candidates[c], NULL);
        jc[c] = scenario_jobcoach_hours(&s, &m->candidates[c]);
    }
    scenario_free(&s);
    o.budget = budget;
    o.cost_hour = cost;
    o.jobcoach_pool = pool;
    o.jobcoach_hours = jc;
    return region_solve(m, &w, &o, r);
}

/* The region without the candidates for whom drop() holds, solved plainly. */
static double objective_without(const Model *m, int (*drop)(const Model *, int))
{
    Weights w;
    weights_default(&w);
    Scenario s;
    if (scenario_init(&s, m, &w) != MW_OK)
        return -1;
    const char **ex = mw_arena_alloc(&s.arena, sizeof *ex * (size_t)(m->n_candidates + 1));
    for (int c = 0; ex && c < m->n_candidates; c++)
        if (drop(m, c))
            ex[s.candidates.n_exclude++] = m->candidates[c].id;
    s.candidates.exclude = ex;
    Model *sub = NULL;
    double obj = -1;
    Region r;
    RegionOptions o;
    region_options_default(&o);
    o.threads = 2;
    if (ex && scenario_apply(m, &s, &sub) == MW_OK && region_solve(sub, &w, &o, &r) == MW_OK) {
        obj = r.objective;
        region_free(&r);
    }
    model_free(sub);
    scenario_free(&s);
    return obj;
}

static int costs_subsidy(const Model *m, int c)
{
    return scenario_cost_hour(&m->policy, &m->candidates[c], NULL) > 0;
}

static int needs_jobcoach(const Model *m, int c)
{
    return m->candidates[c].support_min_day > 0;
}

/* Σ over the proposal of cost·hours and jobcoach hours. */
static void used(const Region *r, const double *cost, const double *jc, double *b, double *j, int *placed, int nc)
{
    *b = *j = 0;
    *placed = 0;
    for (int c = 0; c < nc; c++)
        if (r->chosen[c] >= 0) {
            *b += cost[c] * r->cols[r->chosen[c]].pk.hours;
            *j += jc[c];
            (*placed)++;
        }
}

static void test_rows(void)
{
    Model *m = region_model(40, 8, 7);
    CHECK(m != NULL);
    if (!m)
        return;
    int nc = m->n_candidates, free_cands = 0, no_jc = 0;
    for (int c = 0; c < nc; c += 3) {          /* a third who cost no subsidy */
        m->candidates[c].loonwaarde = 1;
        m->candidates[c].support_min_day = 0;
    }
    for (int c = 0; c < nc; c++) {
        free_cands += !costs_subsidy(m, c);
        no_jc += !needs_jobcoach(m, c);
    }
    CHECK(free_cands > 0 && free_cands < nc);   /* the test needs both kinds */
    CHECK(no_jc > 0 && no_jc < nc);
    double *cost = mw_calloc((size_t)nc, sizeof *cost), *jc = mw_calloc((size_t)nc, sizeof *jc);
    Region plain, r;
    double b, j;
    int placed;
    CHECK(solve_rows(m, -1, -1, &plain, cost, jc) == MW_OK);

    /* an ample budget and pool change nothing */
    CHECK(solve_rows(m, 1e12, 1e9, &r, cost, jc) == MW_OK);
    CHECK_NEAR(r.objective, plain.objective, TOL);
    region_free(&r);

    /* budget 0: only placements without subsidy, as if the others were not there */
    CHECK(solve_rows(m, 0, -1, &r, cost, jc) == MW_OK);
    used(&r, cost, jc, &b, &j, &placed, nc);
    CHECK_NEAR(b, 0, TOL);
    CHECK_NEAR(r.objective, objective_without(m, costs_subsidy), TOL);
    CHECK(r.objective < plain.objective - TOL);
    region_free(&r);

    /* pool 0: nobody who needs a jobcoach */
    CHECK(solve_rows(m, -1, 0, &r, cost, jc) == MW_OK);
    used(&r, cost, jc, &b, &j, &placed, nc);
    CHECK_NEAR(j, 0, TOL);
    CHECK_NEAR(r.objective, objective_without(m, needs_jobcoach), TOL);
    region_free(&r);

    /* a binding budget: half of what the plain proposal costs is respected,
     * and the bound stays valid (never below the integer objective) */
    double full;
    used(&plain, cost, jc, &full, &j, &placed, nc);
    CHECK(solve_rows(m, full / 2, -1, &r, cost, jc) == MW_OK);
    used(&r, cost, jc, &b, &j, &placed, nc);
    CHECK(b <= full / 2 + TOL);
    CHECK(r.objective < plain.objective - TOL);
    CHECK(r.lp_bound >= r.objective - TOL);
    CHECK(r.lp_bound <= plain.lp_bound + TOL);
    region_free(&r);

    /* a pool of exactly two placements' hours: at most two who need a jobcoach */
    CHECK(solve_rows(m, -1, 2 * MW_JOBCOACH_HOURS_DEFAULT, &r, cost, jc) == MW_OK);
    used(&r, cost, jc, &b, &j, &placed, nc);
    CHECK(j <= 2 * MW_JOBCOACH_HOURS_DEFAULT + TOL);
    region_free(&r);

    region_free(&plain);
    mw_free(cost);
    mw_free(jc);
    model_free(m);
}

/* The budget's rate, by hand from the policy, and linear in the hours as
 * the budget row assumes: H hours cost H × the rate in costs_compute. */
static void test_cost_hour(const Model *m)
{
    const Policy *p = &m->policy;
    const Candidate *k1 = &m->candidates[model_find_candidate(m, "K1")];
    double lks;
    double sub = scenario_cost_hour(p, k1, &lks);
    /* K1: loonwaarde 0.8, support 30 min/day: LKS on the 20% gap with the
     * employer charges for 52 weeks, begeleiding pro rata */
    CHECK_NEAR(lks, 0.2 * p->min_wage_hour * (1 + p->employer_charges) * 52, 1e-9);
    CHECK_NEAR(sub, lks + p->begeleiding_year / p->begeleiding_ref_hours, 1e-9);
    for (double h = 4; h <= 36; h += 16) {
        MatchCost mc;
        costs_compute(p, k1, h, 0, &mc);
        CHECK_NEAR(mc.subsidy_year, h * sub, 1e-6);
        CHECK_NEAR(mc.lks_year, h * lks, 1e-6);
    }
    const Candidate *k3 = &m->candidates[model_find_candidate(m, "K3")];
    CHECK_NEAR(scenario_cost_hour(p, k3, &lks), 0, 0);   /* loonwaarde 1, no support */
}

/* Fail-the-Nth-allocation sweep over reading a full scenario file and
 * applying it: every run either succeeds with the same copy or reports
 * MW_ENOMEM with nothing left over (the sanitizer build checks leaks). */
static void test_alloc_sweep(const Model *m)
{
    const char *text = "{\"route\": \"vacancy\", \"training\": false, \"budget\": 10, \"policy\": {\"name\": \"x\"}, "
                       "\"accommodations\": {\"prikkels\": 1}, \"weights\": {\"hours\": 2}, "
                       "\"candidates\": {\"exclude_ids\": [\"K4\"]}, \"employers\": {\"ids\": [\"E1\", \"E3\"]}}";
    const char *path = write_file("sweep.json", text);
    Weights w;
    weights_default(&w);
    long before = mw_alloc_count();
    Scenario s;
    MwErrors err;
    mw_errors_init(&err, 0);
    Model *c = NULL;
    CHECK(scenario_load(path, m, &w, models_dir(), &s, &err) == MW_OK);
    CHECK(scenario_apply(m, &s, &c) == MW_OK);
    long total = mw_alloc_count() - before;
    int want_cands = c ? c->n_candidates : -1, want_tasks = c ? c->n_tasks : -1;
    model_free(c);
    scenario_free(&s);
    int bad = 0, failures = 0;
    for (long n = 1; n <= total + 1; n++) {
        mw_alloc_fail_at(n);
        int st = scenario_load(path, m, &w, models_dir(), &s, &err);
        if (st == MW_OK) {
            c = NULL;
            int st2 = scenario_apply(m, &s, &c);
            if (st2 == MW_OK)
                bad |= c->n_candidates != want_cands || c->n_tasks != want_tasks;
            else
                bad |= st2 != MW_ENOMEM || c != NULL;
            failures += st2 == MW_ENOMEM;
            model_free(c);
            scenario_free(&s);
        } else {
            bad |= st != MW_ENOMEM;
            failures++;
        }
        mw_alloc_fail_at(0);
    }
    CHECK(!bad);
    CHECK(failures > 0);
    mw_errors_free(&err);
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/mw-scenario-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        fprintf(stderr, "cannot make a temporary directory\n");
        return 1;
    }
    Model *m = load_mini();
    CHECK(m != NULL);
    if (m) {
        test_bad_files(m);
        test_good_file(m);
        test_cost_hour(m);
        test_alloc_sweep(m);
        model_free(m);
    }
    test_rows();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    return check_report("test_scenario");
}
