/* test_load.c — the loader (engine/input/load.c) on tests/data/mini: every
 * typed column lands where it should, defaults apply, references resolve,
 * per-employer lists are built; the policy reader; and a fail-the-Nth-
 * allocation sweep showing every allocation failure returns MW_ENOMEM
 * cleanly (ASan reports any leak).
 */
#include <stdlib.h>

#include "../../engine/core/model.h"
#include "../../engine/input/load.h"
#include "check.h"

static const char *models(void)
{
    const char *e = getenv("MAATWERK_MODELS");
    return e && *e ? e : "models";
}

static Model *load_mini(void)
{
    MwErrors err;
    mw_errors_init(&err, 20);
    Model *m = NULL;
    LoadOptions lo = {models()};
    int st = load_dir("tests/data/mini", &lo, &m, &err);
    for (int i = 0; i < err.n; i++) {
        char b[600];
        mw_error_format(&err.items[i], b, sizeof b);
        fprintf(stderr, "%s\n", b);
    }
    mw_errors_free(&err);
    CHECK(st == MW_OK);
    return st == MW_OK ? m : NULL;
}

static void test_mini(void)
{
    Model *m = load_mini();
    if (!m)
        return;
    CHECK(m->n_dims == 23);
    CHECK(m->n_candidates == 4 && m->n_employers == 3 && m->n_jobs == 4 && m->n_tasks == 10 &&
          m->n_placements == 1);
    CHECK_STR(m->source, "csv");
    int tillen = model_dim_find(m, "tillen"), heftruck = model_dim_find(m, "heftruck");
    int beeld = model_dim_find(m, "beeldscherm"), prikkels = model_dim_find(m, "prikkels");
    CHECK(tillen >= 0 && heftruck >= 0 && beeld >= 0 && prikkels >= 0);
    CHECK(m->dims[beeld].kind == DIM_SHARE && m->dims[heftruck].kind == DIM_FLAG);

    const Candidate *k1 = &m->candidates[0], *k2 = &m->candidates[1], *k3 = &m->candidates[2];
    CHECK_STR(k1->id, "K1");
    CHECK(k1->line == 2 && k2->line == 3);
    CHECK(k1->travel_mode == TRAVEL_BIKE && k2->travel_mode == TRAVEL_PT);
    CHECK(k1->min_hours_week == 12 && k1->max_hours_week == 24 && k1->pref_hours_week == 20);
    CHECK(k1->max_hours_day == 5 && k1->max_days_week == 4);
    uint32_t weekdays = 0;
    for (int d = 0; d < 5; d++)
        weekdays |= MW_SLOT(d, 0) | MW_SLOT(d, 1);
    CHECK(k1->availability == weekdays);
    CHECK(k3->availability == (1u << MW_SLOTS) - 1);
    CHECK(k1->loonwaarde == 0.8 && k1->support_min_day == 30);
    CHECK(k1->max_tasks == 3 && k1->min_tasks == 1 && k1->max_groups == 1);
    CHECK(k1->skills.n == 1 && k1->skills.items[0].level == 2);
    CHECK_STR(model_name(m, k1->skills.items[0].name), "computer");
    CHECK(k1->likes.n == 2 && k1->dislikes.n == 1 && k1->dislikes_never.n == 1);
    CHECK_STR(model_name(m, k1->dislikes_never.items[0]), "klantcontact");
    CHECK(k1->known_employers.n == 1 && k1->known_employers.items[0] == 0);
    CHECK(k2->excluded_employers.n == 1 && k2->excluded_employers.items[0] == 2);
    CHECK(k1->lim_state[tillen] == LIM_KNOWN && k1->lim[tillen] == 1);
    CHECK(k1->lim_state[beeld] == LIM_KNOWN && k1->lim[beeld] == 0.5);
    CHECK(k1->lim_state[heftruck] == LIM_NONE);
    CHECK(k2->lim_state[tillen] == LIM_UNKNOWN);
    CHECK(k3->lim_state[heftruck] == LIM_KNOWN && k3->lim[heftruck] == 1);
    CHECK(k2->capacity_profile == CAP_FLUCTUATING && k3->capacity_profile == CAP_PROGRESSIVE);
    CHECK(k2->first_job == 1 && k2->private_instability == 1 && k3->prior_failures == 2);
    CHECK(k1->age == 34 && k1->months_unemployed == 14 && m->candidates[3].months_unemployed == -1);
    CHECK_STR(model_name(m, k2->regime), "beschut");
    CHECK(k1->consent_employer_view == 1 && k2->consent_employer_view == 0);
    CHECK(k1->notes.n == 1);
    if (k1->notes.n == 1) {
        CHECK_STR(k1->notes.keys[0], "note");
        CHECK_STR(k1->notes.vals[0], "eerste kennismaking gehad");
    }
    CHECK(k3->sectors_excluded.n == 1);

    const Employer *e1 = &m->employers[0], *e2 = &m->employers[1], *e3 = &m->employers[2];
    CHECK(e1->supervisor_exit_months == MW_UNSET && e2->supervisor_exit_months == 6);
    CHECK(e2->acc[prikkels] == 1 && e1->acc[prikkels] == 0);
    CHECK(e2->contract_policy == CONTRACT_PERM && e3->contract_policy == CONTRACT_TEMP_ONLY);
    CHECK(e1->working_days == 5 && e3->supervision_min_day == 0 && e3->vulnerable_colleagues == 1);
    CHECK(e1->jobs.n == 2 && e1->tasks.n == 4 && e2->tasks.n == 3 && e3->tasks.n == 3);
    CHECK(e1->tasks.n == 4 && e1->tasks.items[3] == 3);

    const Job *j3 = &m->jobs[2], *j4 = &m->jobs[3];
    int y, mo, d;
    mw_civil_from_days(j3->project_end, &y, &mo, &d);
    CHECK(y == 2027 && mo == 6 && d == 30);
    CHECK(j4->is_vacancy == 1 && j4->project_end == MW_NO_DATE && j3->employer == 1);

    const Task *t1 = &m->tasks[0], *t2 = &m->tasks[1], *t3 = &m->tasks[2], *t6 = &m->tasks[5];
    CHECK(t1->days == 0x15 && t1->days_fixed == 1 && t1->parts == 0x1);
    CHECK(t2->days == 0x1F && t2->days_fixed == 0 && t2->parts == 0x3);
    CHECK(t2->requires.n == 1 && t2->requires.items[0] == 0);
    CHECK(t3->skills.n == 1 && t3->skills.items[0].trainable == 1 && t3->divisible == 0);
    CHECK(t6->min_chunk_hours == 1.5 && t6->load[beeld] == 0.9);
    CHECK(m->tasks[3].carvable == 0 && m->tasks[3].load[heftruck] == 1);
    CHECK(m->tasks[6].time_bound == 1 && m->tasks[6].parts == 0x3);
    CHECK(t1->supervision_min_per_hour == 2 && t1->load[tillen] == 2);
    CHECK_STR(model_name(m, t1->category), "vakkenvullen");

    const Placement *p = &m->placements[0];
    CHECK(p->candidate == 2 && p->employer == 0 && p->n_hours == 2 && p->phase == PHASE_TEMP);
    CHECK(p->hours[0].task == 3 && p->hours[0].hours == 8 && p->hours[1].task == 2);

    CHECK(model_find_task(m, "T7") == 6 && model_find_task(m, "T77") == -1);
    CHECK(model_find_candidate(m, "K4") == 3 && model_find_employer(m, "E2") == 1);
    CHECK_STR(m->policy.name, "nl-2022");
    model_free(m);
}

static void test_policy(void)
{
    Model *m = model_new();
    MwErrors err;
    mw_errors_init(&err, 10);
    CHECK(load_policy(m, "{\"_source\": \"x\", \"min_wage_hour\": 13.27, \"main_task_rule\": true,"
                         " \"quota_min_employees\": 30}", "p.json", &err) == MW_OK);
    CHECK(m->policy.min_wage_hour == 13.27 && m->policy.main_task_rule == 1 &&
          m->policy.quota_min_employees == 30 && m->policy.job_unit_hours == 25.5);
    CHECK(load_policy(m, "{\"job_unit_hours\": -1, \"quota_min_employees\": 2.5}", "p.json", &err) == MW_EINPUT);
    CHECK(err.n == 2);
    char b[600];
    if (err.n == 2) {
        mw_error_format(&err.items[0], b, sizeof b);
        CHECK_STR(b, "p.json: column 'job_unit_hours': expected a number in 0.01..60");
    }
    CHECK(m->policy.job_unit_hours == 25.5);   /* untouched on error */
    mw_errors_free(&err);
    model_free(m);
}

/* Fails the 1st, 2nd, ... allocation of a whole load, up to the number a
 * successful load makes. Each run must end in MW_ENOMEM with nothing handed
 * out, or in MW_OK where the failing caller recovered (libcsv retries a
 * failed buffer growth with a smaller size). */
static void test_alloc_sweep(void)
{
    LoadOptions lo = {models()};
    MwErrors err;
    Model *m = NULL;
    mw_errors_init(&err, 20);
    long before = mw_alloc_count();
    CHECK(load_dir("tests/data/mini", &lo, &m, &err) == MW_OK);
    long total = mw_alloc_count() - before;
    model_free(m);
    mw_errors_free(&err);
    int bad = 0, nomem = 0;
    for (long n = 1; n <= total; n++) {
        mw_errors_init(&err, 20);
        m = NULL;
        mw_alloc_fail_at(n);
        int st = load_dir("tests/data/mini", &lo, &m, &err);
        mw_alloc_fail_at(0);
        mw_errors_free(&err);
        if (st == MW_ENOMEM && m == NULL)
            nomem++;
        else if (st != MW_OK)
            bad++;
        model_free(m);
    }
    CHECK(bad == 0);
    CHECK(nomem > total / 2);
}

/* models/policy/nl-2022.json and model_policy_defaults agree: the file,
 * applied over a policy of marker values, sets every parameter (but
 * benefit_month, which only a data directory supplies) to the default. */
static void test_policy_file(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/policy/nl-2022.json", models());
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    Model *m = model_new();
    MwErrors err;
    mw_errors_init(&err, 10);
    Policy def;
    model_policy_defaults(&def);
    Policy *p = &m->policy;
    p->name = "marker";
    p->min_wage_hour = p->employer_charges = p->lks_flat_start = p->main_task_share = -7;
    p->main_task_min_day = p->begeleiding_year = p->begeleiding_ref_hours = p->job_unit_hours = -7;
    p->quota_levy = -7;
    p->min_wage_year = p->main_task_rule = p->quota_min_employees = -7;
    CHECK(load_policy(m, text, path, &err) == MW_OK);
    CHECK_STR(p->name, def.name);
    CHECK(p->min_wage_hour == def.min_wage_hour && p->min_wage_year == def.min_wage_year);
    CHECK(p->employer_charges == def.employer_charges && p->lks_flat_start == def.lks_flat_start);
    CHECK(p->main_task_rule == def.main_task_rule && p->main_task_share == def.main_task_share);
    CHECK(p->main_task_min_day == def.main_task_min_day && p->begeleiding_year == def.begeleiding_year);
    CHECK(p->begeleiding_ref_hours == def.begeleiding_ref_hours && p->job_unit_hours == def.job_unit_hours);
    CHECK(p->quota_levy == def.quota_levy && p->quota_min_employees == def.quota_min_employees);
    CHECK(p->benefit_month == MW_UNSET);
    /* the documented nl-2022 numbers */
    CHECK(def.min_wage_hour == 10.14 && def.min_wage_year == 2022 && def.employer_charges == 0.235);
    CHECK(def.begeleiding_year == 7800 && def.begeleiding_ref_hours == 31 && def.job_unit_hours == 25.5);
    CHECK(def.quota_levy == 5000 && def.lks_flat_start == 0.5);
    mw_errors_free(&err);
    model_free(m);
}

int main(void)
{
    test_mini();
    test_policy();
    test_policy_file();
    test_alloc_sweep();
    return check_report("test_load");
}
