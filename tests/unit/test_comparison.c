/* test_comparison.c — unit tests of the comparison writer (engine/output/
 * comparison.c): two hand-made scenario rows give exactly the CSV written
 * out below (differences from the first row, a group only one scenario
 * has, quoting), and comparison.json holds the same figures, the
 * baseline's name and a null rate_diff for the group the baseline lacks.
 * Layer: tests.
 */
#include "../../engine/input/load.h"
#include "../../engine/output/comparison.h"
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static void row_init(CompareRow *r, const char *name, double placements, double hours)
{
    memset(r, 0, sizeof *r);
    mw_arena_init(&r->arena);
    snprintf(r->name, sizeof r->name, "%s", name);
    r->description = "d";
    r->file = "f.json";
    r->v[CMP_CANDIDATES] = 10;
    r->v[CMP_PLACEMENTS] = placements;
    r->v[CMP_PLACEMENT_RATE] = placements / 10;
    r->v[CMP_HOURS] = hours;
}

int main(void)
{
    Model *m = model_new();
    MwErrors err;
    mw_errors_init(&err, 0);
    const char *d = getenv("MAATWERK_MODELS");
    CHECK(m && load_registry(m, d && *d ? d : "models", &err) == MW_OK);
    Weights w;
    weights_default(&w);
    Scenario s0, s1;
    CHECK(scenario_init(&s0, m, &w) == MW_OK && scenario_init(&s1, m, &w) == MW_OK);
    s1.budget = 1000;
    s1.route = ROUTE_VACANCY;

    CompareRow rows[2];
    row_init(&rows[0], "base", 4, 80.5);
    row_init(&rows[1], "alt", 3, 60.25);
    CompareGroup g0[1] = {{"category", "lvb", 5, 2, 0.4}};
    CompareGroup g1[2] = {{"category", "a,b", 2, 1, 0.5}, {"category", "lvb", 5, 1, 0.2}};
    rows[0].groups = g0;
    rows[0].n_groups = 1;
    rows[1].groups = g1;
    rows[1].n_groups = 2;

    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/mw-comparison-XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    const Scenario *sp[2] = {&s0, &s1};
    CHECK(comparison_write(dir, sp, rows, 2, &err) == MW_OK);

    char path[128];
    snprintf(path, sizeof path, "%s/comparison.csv", dir);
    const char *csv = slurp(path);
    const char *want =
        "scenario,candidates,candidates_diff,employers,employers_diff,placements,placements_diff,placement_rate,"
        "placement_rate_diff,hours,hours_diff,job_units,job_units_diff,expected_durable,expected_durable_diff,"
        "lks_cost,lks_cost_diff,subsidy_cost,subsidy_cost_diff,jobcoach_hours,jobcoach_hours_diff,objective,"
        "objective_diff,\"rate.category.a,b\",\"rate.category.a,b_diff\",rate.category.lvb,rate.category.lvb_diff\n"
        "base,10,0,0,0,4,0,0.4,0,80.5,0,0,0,0,0,0,0,0,0,0,0,0,0,,,0.4,0\n"
        "alt,10,0,0,0,3,-1,0.3,-0.1,60.25,-20.25,0,0,0,0,0,0,0,0,0,0,0,0,0.5,,0.2,-0.2\n";
    CHECK_STR(csv, want);

    snprintf(path, sizeof path, "%s/comparison.json", dir);
    const char *json = slurp(path);
    CHECK(json && strstr(json, "\"schema\":\t\"maatwerk.comparison/1\""));
    CHECK(json && strstr(json, "\"baseline\":\t\"base\""));
    CHECK(json && strstr(json, "\"route\":\t\"vacancy\""));
    CHECK(json && strstr(json, "\"budget\":\t1000"));
    CHECK(json && strstr(json, "\"budget\":\tnull"));          /* the baseline has none */
    CHECK(json && strstr(json, "\"rate_diff\":\tnull"));       /* group a,b: not in the baseline */
    CHECK(json && strstr(json, "\"hours\":\t-20.25"));         /* alt's diff */

    /* identical rows, identical files */
    char *first = mw_strdup(json ? json : "");
    CHECK(comparison_write(dir, sp, rows, 2, &err) == MW_OK);
    CHECK_STR(slurp(path), first);
    mw_free(first);

    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    for (int k = 0; k < 2; k++)
        mw_arena_free(&rows[k].arena);
    scenario_free(&s0);
    scenario_free(&s1);
    model_free(m);
    mw_errors_free(&err);
    return check_report("test_comparison");
}
