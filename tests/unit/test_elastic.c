/* test_elastic.c — the nearest miss (engine/solve/elastic.c). Tiny models
 * built in memory where exactly one limit blocks and the item and amount are
 * known by hand; the planted casebook case (Karin, C14, at E26: standing
 * 3.0 h/day against a limit of 2); and, over every casebook pair, two
 * independent checks through the carving model of carve.c: a pair has a
 * package exactly when its miss is zero, and moving every named limit to
 * its "to" makes the pair feasible there. Ends with an allocation-failure
 * sweep (ASan reports leaks). Runs from the repo root (MAATWERK_MODELS).
 */
#include <stdlib.h>

#include "../../engine/core/model.h"
#include "../../engine/input/load.h"
#include "../../engine/solve/carve.h"
#include "../../engine/solve/elastic.h"
#include "../../engine/solve/filter.h"
#include "../../engine/solve/pair.h"
#include "check.h"

static const char *models(void)
{
    const char *e = getenv("MAATWERK_MODELS");
    return e && *e ? e : "models";
}

/* ---- a tiny model in memory ------------------------------------------------ */

enum { D_TILLEN, D_STAAN, D_SCHERM, D_HEFTRUCK, N_DIMS };
enum { MAX_TASKS = 8 };

/* One candidate, one employer (60 supervision minutes a day, 5 days), one
 * job that may dissolve; tasks are added by add_task. The candidate works
 * 0..24 h, 8 h a day, 5 days, ma-vr ochtend+middag, loonwaarde 1, no
 * begeleiding, no limits. */
static Model *tiny(void)
{
    Model *m = model_new();
    if (!m)
        return NULL;
    MwArena *a = &m->arena;
    static const struct { const char *name; DimKind kind; double max; } dims[N_DIMS] = {
        {"tillen", DIM_LEVEL, 3}, {"staan", DIM_EXPOSURE, 8}, {"beeldscherm", DIM_SHARE, 1},
        {"heftruck", DIM_FLAG, 1}};
    m->n_dims = N_DIMS;
    m->dims = mw_arena_alloc(a, sizeof *m->dims * N_DIMS);
    m->candidates = mw_arena_alloc(a, sizeof *m->candidates);
    m->employers = mw_arena_alloc(a, sizeof *m->employers);
    m->jobs = mw_arena_alloc(a, sizeof *m->jobs);
    m->tasks = mw_arena_alloc(a, sizeof *m->tasks * MAX_TASKS);
    if (!m->dims || !m->candidates || !m->employers || !m->jobs || !m->tasks) {
        model_free(m);
        return NULL;
    }
    for (int d = 0; d < N_DIMS; d++)
        m->dims[d] = (Dimension){dims[d].name, "test", "", "", dims[d].kind, dims[d].max};

    Candidate *c = &m->candidates[0];
    m->n_candidates = 1;
    c->id = "K";
    c->region = c->category = c->education = c->regime = -1;
    c->min_hours_week = 0;
    c->max_hours_week = 24;
    c->pref_hours_week = 20;
    c->max_hours_day = 8;
    c->max_days_week = 5;
    for (int d = 0; d < 5; d++)
        c->availability |= MW_SLOT(d, 0) | MW_SLOT(d, 1);
    c->loonwaarde = 1;
    c->lim = mw_arena_alloc(a, sizeof(double) * N_DIMS);
    c->lim_state = mw_arena_alloc(a, N_DIMS);

    Employer *e = &m->employers[0];
    m->n_employers = 1;
    e->id = "W";
    e->name = "Werkgever";
    e->sector = -1;
    e->supervision_min_day = 60;
    e->working_days = 5;
    e->max_new_placements = 1;
    e->supervisor_exit_months = MW_UNSET;
    e->acc = mw_arena_alloc(a, sizeof(double) * N_DIMS);
    e->jobs.items = mw_arena_alloc(a, sizeof(int));
    e->tasks.items = mw_arena_alloc(a, sizeof(int) * MAX_TASKS);

    Job *j = &m->jobs[0];
    m->n_jobs = 1;
    *j = (Job){.id = "J", .title = "functie", .employer = 0, .wage_hour = 12, .hours_week = 40,
               .project_end = MW_NO_DATE};
    if (!c->lim || !c->lim_state || !e->acc || !e->jobs.items || !e->tasks.items) {
        model_free(m);
        return NULL;
    }
    e->jobs.items[e->jobs.n++] = 0;
    return m;
}

/* Adds a carvable task of W hours a week in category "werk", default group,
 * on days (a mask; 0 = ma..vr, flexible) in parts (0 = ochtend+middag).
 * Returns the task, or NULL when full or out of memory. */
static Task *add_task(Model *m, double W, uint8_t days, uint8_t parts, int divisible)
{
    if (m->n_tasks >= MAX_TASKS)
        return NULL;
    Task *t = &m->tasks[m->n_tasks];
    static const char *const ids[MAX_TASKS] = {"T0", "T1", "T2", "T3", "T4", "T5", "T6", "T7"};
    *t = (Task){.id = ids[m->n_tasks], .name = "taak", .employer = 0, .job = 0, .hours_week = W,
                .days = days ? days : MW_WEEKDAYS_MASK, .days_fixed = days != 0,
                .parts = parts ? parts : MW_DAYTIME_PARTS, .divisible = divisible, .carvable = 1,
                .group = -1};
    t->category = model_intern(m, "werk");
    t->load = mw_arena_alloc(&m->arena, sizeof(double) * N_DIMS);
    if (t->category < 0 || !t->load)
        return NULL;
    m->employers[0].tasks.items[m->employers[0].tasks.n++] = m->n_tasks;
    m->n_tasks++;
    return t;
}

static int index_all(Model *m)
{
    return model_index(m, MODEL_CANDIDATES) || model_index(m, MODEL_EMPLOYERS) || model_index(m, MODEL_JOBS) ||
           model_index(m, MODEL_TASKS);
}

static void set_lim(Model *m, int d, double v)
{
    m->candidates[0].lim[d] = v;
    m->candidates[0].lim_state[d] = LIM_KNOWN;
}

static Weights weights(void)
{
    Weights w;
    weights_default(&w);
    w.time_limit = 10;
    return w;
}

/* The miss of the tiny model's only pair; status MW_OK checked. */
static NearestMiss miss_of(Model *m, int ci, int ei)
{
    NearestMiss nm;
    Weights w = weights();
    CHECK(elastic_nearest_miss(m, ci, ei, &w, &nm) == MW_OK);
    return nm;
}

/* The carving model's own verdict on the pair (the reference). */
static CarveStatus carve_status(const Model *m, int ci, int ei)
{
    Weights w = weights();
    PairData *p = pair_build(m, ci, ei, &w);
    if (!p)
        return CARVE_SOLVER_ERROR;
    Package pk;
    CarveStatus st = carve_solve(p, &pk) == MW_OK ? pk.status : CARVE_SOLVER_ERROR;
    if (st == CARVE_TIME_LIMIT && pk.n == 0)
        st = CARVE_SOLVER_ERROR;
    package_free(&pk);
    pair_free(p);
    return st;
}

/* Exactly one item, of this kind, dimension, amounts and task. */
static void check_one(const NearestMiss *nm, MissKind kind, int dim, double from, double to, int task)
{
    CHECK(nm->status == MISS_FOUND);
    CHECK(nm->n == 1);
    if (nm->n != 1)
        return;
    const MissItem *it = &nm->items[0];
    CHECK(it->kind == kind);
    CHECK(it->dim == dim);
    CHECK_NEAR(it->from, from, 1e-9);
    CHECK_NEAR(it->to, to, 1e-9);
    CHECK(it->task == task);
    CHECK_NEAR(nm->violation, miss_weights[kind] * fabs(to - from), 1e-9);
}

/* ---- hand cases ------------------------------------------------------------ */

static void test_feasible(void)
{
    Model *m = tiny();
    CHECK(m && add_task(m, 12, 0, 0, 1) && !index_all(m));
    if (!m)
        return;
    m->candidates[0].min_hours_week = 8;
    set_lim(m, D_TILLEN, 2);
    m->tasks[0].load[D_TILLEN] = 2;             /* at the limit: fits */
    CHECK(carve_status(m, 0, 0) == CARVE_OPTIMAL);
    NearestMiss nm = miss_of(m, 0, 0);
    CHECK(nm.status == MISS_FOUND && nm.n == 0 && nm.violation == 0 && !nm.time_limit);
    nearest_miss_free(&nm);
    CHECK(nm.items == NULL && nm.n == 0);
    nearest_miss_free(NULL);
    model_free(m);
}

/* lim.tillen 1, demand 2: one level step; with acc.tillen 1 it fits. */
static void test_level(void)
{
    Model *m = tiny();
    CHECK(m && add_task(m, 12, 0, 0, 1) && !index_all(m));
    if (!m)
        return;
    set_lim(m, D_TILLEN, 1);
    m->tasks[0].load[D_TILLEN] = 2;
    CHECK(filter_task(m, &m->candidates[0], &m->tasks[0], NULL) == FIT_LEVEL);
    CHECK(carve_status(m, 0, 0) == CARVE_NO_TASKS);
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_LEVEL, D_TILLEN, 1, 2, 0);
    nearest_miss_free(&nm);

    m->employers[0].acc[D_TILLEN] = 1;          /* the accommodation closes the gap */
    nm = miss_of(m, 0, 0);
    CHECK(nm.status == MISS_FOUND && nm.n == 0 && nm.violation == 0);
    nearest_miss_free(&nm);

    m->employers[0].acc[D_TILLEN] = 0;
    m->tasks[0].load[D_TILLEN] = 3;             /* two steps, reported as demand 3 */
    nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_LEVEL, D_TILLEN, 1, 3, 0);
    nearest_miss_free(&nm);
    model_free(m);
}

/* min_hours_week 20, the only task offers 12 hours: 8 h below, 2 points. */
static void test_hours_min(void)
{
    Model *m = tiny();
    CHECK(m && add_task(m, 12, 0, 0, 1) && !index_all(m));
    if (!m)
        return;
    m->candidates[0].min_hours_week = 20;
    CHECK(carve_status(m, 0, 0) == CARVE_INFEASIBLE);
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_HOURS_MIN, -1, 20, 12, -1);
    CHECK_NEAR(nm.violation, 2.0, 1e-9);
    nearest_miss_free(&nm);
    model_free(m);
}

/* max_hours_week 24, an indivisible 30-hour task: 6 h above. */
static void test_hours_max(void)
{
    Model *m = tiny();
    CHECK(m && add_task(m, 30, 0, 0, 0) && !index_all(m));
    if (!m)
        return;
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_HOURS_MAX, -1, 24, 30, -1);
    nearest_miss_free(&nm);
    model_free(m);
}

/* 10 supervision minutes a day × 5 = 50 a week; begeleiding 30 a day on the
 * three fixed days of an indivisible task = 90: 40 minutes over. Then the
 * same with 5 minutes per task hour (12 h: 60 more). */
static void test_supervision(void)
{
    Model *m = tiny();
    uint8_t ma_wo_vr = 1u << 0 | 1u << 2 | 1u << 4;
    CHECK(m && add_task(m, 12, ma_wo_vr, 0, 0) && !index_all(m));
    if (!m)
        return;
    m->employers[0].supervision_min_day = 10;
    m->candidates[0].support_min_day = 30;
    CHECK(carve_status(m, 0, 0) == CARVE_INFEASIBLE);
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_SUPERVISION, -1, 50, 90, -1);
    CHECK_NEAR(nm.violation, 40.0 / 30.0, 1e-9);
    nearest_miss_free(&nm);

    m->tasks[0].supervision_min_per_hour = 5;
    nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_SUPERVISION, -1, 50, 150, -1);
    nearest_miss_free(&nm);
    model_free(m);
}

/* A forklift task, a candidate without the certificate (empty = lacks it). */
static void test_flag(void)
{
    Model *m = tiny();
    CHECK(m && add_task(m, 12, 0, 0, 1) && !index_all(m));
    if (!m)
        return;
    m->tasks[0].load[D_HEFTRUCK] = 1;
    CHECK(filter_task(m, &m->candidates[0], &m->tasks[0], NULL) == FIT_FLAG);
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_FLAG, D_HEFTRUCK, 0, 1, 0);
    CHECK_NEAR(nm.violation, 3.0, 1e-9);
    nearest_miss_free(&nm);
    m->candidates[0].lim_state[D_HEFTRUCK] = LIM_UNKNOWN;   /* '?' counts as no limit */
    nm = miss_of(m, 0, 0);
    CHECK(nm.status == MISS_FOUND && nm.n == 0);
    nearest_miss_free(&nm);
    model_free(m);
}

/* Standing: an indivisible 12-hour task on ma|wo|vr middag, 75% standing =
 * 3 h a day, against a limit of 2 (the shape of the casebook case). */
static void test_exposure(void)
{
    Model *m = tiny();
    uint8_t ma_wo_vr = 1u << 0 | 1u << 2 | 1u << 4;
    CHECK(m && add_task(m, 12, ma_wo_vr, 1u << 1, 0) && !index_all(m));
    if (!m)
        return;
    set_lim(m, D_STAAN, 2);
    m->tasks[0].load[D_STAAN] = 0.75;
    CHECK(carve_status(m, 0, 0) == CARVE_INFEASIBLE);
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_EXPOSURE, D_STAAN, 2, 3, -1);
    nearest_miss_free(&nm);
    set_lim(m, D_STAAN, 0);                     /* limit 0: the filter rejects, the miss still names it */
    CHECK(filter_task(m, &m->candidates[0], &m->tasks[0], NULL) == FIT_EXPOSURE);
    nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_EXPOSURE, D_STAAN, 0, 3, -1);
    nearest_miss_free(&nm);
    model_free(m);
}

/* Screen share limit 0.5, a task all at a screen: the package's share is 1
 * whatever its hours (the linearised δ·Hmax would say less). */
static void test_share(void)
{
    Model *m = tiny();
    CHECK(m && add_task(m, 12, 0, 0, 1) && !index_all(m));
    if (!m)
        return;
    set_lim(m, D_SCHERM, 0.5);
    m->tasks[0].load[D_SCHERM] = 1;
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_SHARE, D_SCHERM, 0.5, 1, -1);
    CHECK_NEAR(nm.violation, 5.0, 1e-9);
    nearest_miss_free(&nm);
    model_free(m);
}

/* A Saturday-morning task (4 h) for a candidate available ma-vr only. */
static void test_availability(void)
{
    Model *m = tiny();
    CHECK(m && add_task(m, 4, 1u << 5, 1u << 0, 0) && !index_all(m));
    if (!m)
        return;
    CHECK(filter_task(m, &m->candidates[0], &m->tasks[0], NULL) == FIT_SLOT);
    CHECK(carve_status(m, 0, 0) == CARVE_NO_TASKS);
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_AVAILABILITY, -1, 0, 4, 0);
    CHECK_NEAR(nm.violation, 2.0, 1e-9);
    nearest_miss_free(&nm);
    model_free(m);
}

/* A welding skill at level 2, not trainable, that the candidate lacks;
 * marked trainable ('+') it is no limit. */
static void test_skill(void)
{
    Model *m = tiny();
    Task *t = NULL;
    CHECK(m && (t = add_task(m, 12, 0, 0, 1)) && !index_all(m));
    if (!m || !t)
        return;
    t->skills.items = mw_arena_alloc(&m->arena, sizeof *t->skills.items);
    CHECK(t->skills.items != NULL);
    if (!t->skills.items) {
        model_free(m);
        return;
    }
    t->skills.n = 1;
    t->skills.items[0] = (SkillLevel){model_intern(m, "lassen"), 2, 0};
    CHECK(filter_task(m, &m->candidates[0], t, NULL) == FIT_SKILL);
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_SKILL, -1, 0, 1, 0);
    CHECK_NEAR(nm.violation, 2.0, 1e-9);
    nearest_miss_free(&nm);
    t->skills.items[0].trainable = 1;
    nm = miss_of(m, 0, 0);
    CHECK(nm.status == MISS_FOUND && nm.n == 0);
    nearest_miss_free(&nm);
    model_free(m);
}

/* A fixed indivisible 20-hour task on all five weekdays, max 3 days. */
static void test_days(void)
{
    Model *m = tiny();
    CHECK(m && add_task(m, 20, MW_WEEKDAYS_MASK, 0, 0) && !index_all(m));
    if (!m)
        return;
    m->candidates[0].max_days_week = 3;
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_DAYS, -1, 3, 5, -1);
    nearest_miss_free(&nm);
    model_free(m);
}

/* An indivisible 8-hour task on Monday, max 5 hours a day. */
static void test_hours_day(void)
{
    Model *m = tiny();
    CHECK(m && add_task(m, 8, 1u << 0, 0, 0) && !index_all(m));
    if (!m)
        return;
    m->candidates[0].max_hours_day = 5;
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_HOURS_DAY, -1, 5, 8, -1);
    CHECK_NEAR(nm.violation, 1.5, 1e-9);
    nearest_miss_free(&nm);
    model_free(m);
}

/* Variety need 3 with two tasks; structure need 1 with a task that
 * requires another; one group allowed with tasks in two groups. */
static void test_structure(void)
{
    Model *m = tiny();
    CHECK(m && add_task(m, 6, 0, 0, 1) && add_task(m, 6, 0, 0, 1) && !index_all(m));
    if (!m)
        return;
    m->candidates[0].min_tasks = 3;
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_TASKS_MIN, -1, 3, 2, -1);
    nearest_miss_free(&nm);

    m->candidates[0].min_tasks = 0;
    m->candidates[0].max_tasks = 1;
    int req = 1;
    m->tasks[0].requires = (IntList){1, &req};  /* T0 needs T1 ... */
    m->tasks[1].requires = (IntList){1, (int[]){0}};   /* ... and T1 needs T0 */
    nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_TASKS_MAX, -1, 1, 2, -1);
    nearest_miss_free(&nm);

    m->candidates[0].max_tasks = 0;
    m->candidates[0].max_groups = 1;
    m->tasks[1].group = model_intern(m, "magazijn");
    nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_GROUPS, -1, 1, 2, -1);
    CHECK_NEAR(nm.violation, 0.5, 1e-9);
    nearest_miss_free(&nm);
    m->tasks[0].requires = (IntList){0, NULL};
    m->tasks[1].requires = (IntList){0, NULL};
    model_free(m);
}

/* The weights rank the misses: min 14 h; T0 (12 h) fits, T1 (8 h) needs
 * lifting 2 against 1. Taking T0 alone misses 2 hours (0.5 points), adding
 * T1 one level step (1 point): the hours win. At min 17 h T0 alone misses
 * 5 h (1.25) and T0+T1 one step (1): the level wins. */
static void test_ranking(void)
{
    Model *m = tiny();
    CHECK(m && add_task(m, 12, 0, 0, 0) && add_task(m, 8, 0, 0, 0) && !index_all(m));
    if (!m)
        return;
    set_lim(m, D_TILLEN, 1);
    m->tasks[1].load[D_TILLEN] = 2;
    m->candidates[0].min_hours_week = 14;
    NearestMiss nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_HOURS_MIN, -1, 14, 12, -1);
    nearest_miss_free(&nm);
    m->candidates[0].min_hours_week = 17;
    nm = miss_of(m, 0, 0);
    check_one(&nm, MISS_LEVEL, D_TILLEN, 1, 2, 1);
    nearest_miss_free(&nm);

    /* two items, in kind order: min 24 h, only T1 (8 h, lifting 2) */
    m->tasks[0].carvable = 0;
    m->candidates[0].min_hours_week = 24;
    nm = miss_of(m, 0, 0);
    CHECK(nm.status == MISS_FOUND && nm.n == 2);
    if (nm.n == 2) {
        CHECK(nm.items[0].kind == MISS_LEVEL && nm.items[0].task == 1);
        CHECK(nm.items[1].kind == MISS_HOURS_MIN && nm.items[1].to == 8);
    }
    CHECK_NEAR(nm.violation, 1 + 16 * 0.25, 1e-9);
    nearest_miss_free(&nm);
    model_free(m);
}

/* No package even fully relaxed: no carvable task; a task in a category
 * marked never (a wish, not a limit), alone or also over a limit; a fixed
 * indivisible task that cannot fit its day (4 h per part). */
static void test_none(void)
{
    Model *m = tiny();
    CHECK(m && add_task(m, 12, 0, 0, 1) && !index_all(m));
    if (!m)
        return;
    m->tasks[0].carvable = 0;
    NearestMiss nm = miss_of(m, 0, 0);
    CHECK(nm.status == MISS_NONE && nm.n == 0 && nm.items == NULL);
    nearest_miss_free(&nm);

    m->tasks[0].carvable = 1;
    int werk = model_name_find(m, "werk");
    m->candidates[0].dislikes = (IntList){1, &werk};
    m->candidates[0].dislikes_never = (IntList){1, &werk};
    CHECK(filter_task(m, &m->candidates[0], &m->tasks[0], NULL) == FIT_DISLIKE);
    nm = miss_of(m, 0, 0);
    CHECK(nm.status == MISS_NONE && nm.n == 0);
    nearest_miss_free(&nm);
    set_lim(m, D_TILLEN, 0);
    m->tasks[0].load[D_TILLEN] = 2;             /* filter says "level"; still a never-category */
    CHECK(filter_task(m, &m->candidates[0], &m->tasks[0], NULL) == FIT_LEVEL);
    nm = miss_of(m, 0, 0);
    CHECK(nm.status == MISS_NONE && nm.n == 0);
    nearest_miss_free(&nm);
    m->candidates[0].dislikes = m->candidates[0].dislikes_never = (IntList){0, NULL};

    m->tasks[0].load[D_TILLEN] = 0;
    m->tasks[0].days = 1u << 0;                 /* 12 h on Monday morning alone */
    m->tasks[0].days_fixed = 1;
    m->tasks[0].parts = 1u << 0;
    m->tasks[0].divisible = 0;
    nm = miss_of(m, 0, 0);
    CHECK(nm.status == MISS_NONE && nm.n == 0);
    nearest_miss_free(&nm);
    model_free(m);
}

/* ---- the casebook ---------------------------------------------------------- */

static Model *load_casebook(void)
{
    MwErrors err;
    mw_errors_init(&err, 20);
    Model *m = NULL;
    LoadOptions lo = {models()};
    int st = load_dir("datasets/casebook", &lo, &m, &err);
    for (int i = 0; i < err.n; i++) {
        char b[600];
        mw_error_format(&err.items[i], b, sizeof b);
        fprintf(stderr, "%s\n", b);
    }
    mw_errors_free(&err);
    CHECK(st == MW_OK);
    return st == MW_OK ? m : NULL;
}

/* Planted case (a): the only carvable task of E26 stands 0.75 × 4 = 3.0 h a
 * day against Karin's 2: exactly one item, staan 2 -> 3. */
static void test_karin(const Model *m)
{
    int c = model_find_candidate(m, "C14"), e = model_find_employer(m, "E26");
    int staan = model_dim_find(m, "staan");
    CHECK(c >= 0 && e >= 0 && staan >= 0);
    if (c < 0 || e < 0)
        return;
    CHECK(carve_status(m, c, e) == CARVE_INFEASIBLE);
    NearestMiss nm;
    Weights w = weights();
    CHECK(elastic_nearest_miss(m, c, e, &w, &nm) == MW_OK);
    check_one(&nm, MISS_EXPOSURE, staan, 2, 3, -1);
    CHECK_NEAR(nm.violation, 1.0, 1e-9);
    CHECK(!nm.time_limit);
    nearest_miss_free(&nm);
}

/* Moves every named limit of candidate c (and the employer's supervision
 * capacity) to its "to", asks the carving model, and puts everything back.
 * Returns the carving status. */
static CarveStatus unlocked_status(Model *m, int ci, int ei, const NearestMiss *nm)
{
    Candidate *c = &m->candidates[ci];
    Employer *e = &m->employers[ei];
    Candidate saved = *c;
    double *lim = malloc(sizeof(double) * (size_t)(m->n_dims + 1));
    unsigned char *state = malloc((size_t)m->n_dims + 1);
    double sup = e->supervision_min_day;
    if (!lim || !state) {
        free(lim);
        free(state);
        return CARVE_SOLVER_ERROR;
    }
    memcpy(lim, c->lim, sizeof(double) * (size_t)m->n_dims);
    memcpy(state, c->lim_state, (size_t)m->n_dims);
    for (int i = 0; i < nm->n; i++) {
        const MissItem *it = &nm->items[i];
        Task *t = it->task >= 0 ? &m->tasks[it->task] : NULL;
        switch (it->kind) {
        case MISS_LEVEL: case MISS_EXPOSURE: case MISS_SHARE: c->lim[it->dim] = it->to; break;
        case MISS_FLAG: c->lim[it->dim] = 1; c->lim_state[it->dim] = LIM_KNOWN; break;
        case MISS_HOURS_MIN: c->min_hours_week = it->to; break;
        case MISS_HOURS_MAX: c->max_hours_week = it->to; break;
        case MISS_HOURS_DAY: c->max_hours_day = it->to; break;
        case MISS_DAYS: c->max_days_week = (int)it->to; break;
        case MISS_TASKS_MIN: c->min_tasks = (int)it->to; break;
        case MISS_TASKS_MAX: c->max_tasks = (int)it->to; break;
        case MISS_GROUPS: c->max_groups = (int)it->to; break;
        case MISS_AVAILABILITY:
            for (int d = 0; d < MW_DAYS; d++)
                for (int q = 0; q < MW_PARTS; q++)
                    if ((t->days >> d & 1) && (t->parts >> q & 1))
                        c->availability |= MW_SLOT(d, q);
            break;
        case MISS_SKILL:
            for (int k = 0; k < t->skills.n; k++)
                t->skills.items[k].trainable |= 2;   /* 2: set here, undone below */
            break;
        case MISS_SUPERVISION: e->supervision_min_day = it->to / e->working_days; break;
        }
    }
    CarveStatus st = carve_status(m, ci, ei);
    for (int i = 0; i < nm->n; i++)
        if (nm->items[i].kind == MISS_SKILL) {
            Task *t = &m->tasks[nm->items[i].task];
            for (int k = 0; k < t->skills.n; k++)
                t->skills.items[k].trainable &= 1;
        }
    memcpy(c->lim, lim, sizeof(double) * (size_t)m->n_dims);
    memcpy(c->lim_state, state, (size_t)m->n_dims);
    *c = saved;
    e->supervision_min_day = sup;
    free(lim);
    free(state);
    return st;
}

/* Every casebook pair: zero miss exactly when the carving model finds a
 * package; otherwise moving the named limits makes it find one. */
static void test_casebook_sweep(Model *m)
{
    Weights w = weights();
    int pairs = 0, feasible = 0, missed = 0, none = 0, unlocked = 0, bad = 0;
    int kinds[MISS_KIND_COUNT] = {0};
    for (int c = 0; c < m->n_candidates; c++)
        for (int e = 0; e < m->n_employers; e++) {
            CarveStatus cs = carve_status(m, c, e);
            NearestMiss nm;
            if (elastic_nearest_miss(m, c, e, &w, &nm) != MW_OK) {
                bad++;
                continue;
            }
            pairs++;
            int ok;
            if (cs == CARVE_OPTIMAL) {
                feasible++;
                ok = nm.status == MISS_FOUND && nm.n == 0 && nm.violation == 0;
            } else if (nm.status == MISS_NONE) {
                none++;
                ok = cs == CARVE_NO_TASKS || cs == CARVE_INFEASIBLE;
            } else {
                missed++;
                ok = nm.status == MISS_FOUND && nm.n > 0 && nm.violation > 0 && !nm.time_limit;
                for (int i = 1; i < nm.n && ok; i++) {   /* the fixed order */
                    const MissItem *x = &nm.items[i - 1], *y = &nm.items[i];
                    ok = x->kind < y->kind || (x->kind == y->kind && (x->dim < y->dim ||
                                               (x->dim == y->dim && x->task < y->task)));
                }
                double v = 0;
                for (int i = 0; i < nm.n; i++) {
                    v += miss_weights[nm.items[i].kind] * fabs(nm.items[i].to - nm.items[i].from);
                    kinds[nm.items[i].kind]++;
                }
                ok = ok && fabs(v - nm.violation) < 1e-6;
                CarveStatus after = ok ? unlocked_status(m, c, e, &nm) : CARVE_SOLVER_ERROR;
                if (after == CARVE_OPTIMAL)
                    unlocked++;
                else
                    ok = 0;
            }
            if (!ok) {
                bad++;
                fprintf(stderr, "casebook %s at %s: carve %s, miss status %d n %d violation %g\n",
                        m->candidates[c].id, m->employers[e].id, carve_status_names[cs], nm.status, nm.n,
                        nm.violation);
                for (int i = 0; i < nm.n; i++)
                    fprintf(stderr, "  %s dim %d %g -> %g task %d\n", miss_kind_names[nm.items[i].kind],
                            nm.items[i].dim, nm.items[i].from, nm.items[i].to, nm.items[i].task);
            }
            nearest_miss_free(&nm);
        }
    CHECK(bad == 0);
    CHECK(pairs == m->n_candidates * m->n_employers);
    CHECK(feasible > 0 && missed > 0);
    CHECK(unlocked == missed);
    if (getenv("MW_TEST_VERBOSE")) {
        printf("casebook: %d pairs, %d feasible, %d missed, %d none\n", pairs, feasible, missed, none);
        for (int k = 0; k < MISS_KIND_COUNT; k++)
            printf("  %s: %d\n", miss_kind_names[k], kinds[k]);
    }
}

/* ---- allocation failures --------------------------------------------------- */

static void test_alloc_sweep(const Model *m)
{
    int c = model_find_candidate(m, "C14"), e = model_find_employer(m, "E26");
    Weights w = weights();
    int ok = 0, nomem = 0, other = 0;
    for (long n = 1; n < 200; n++) {
        NearestMiss nm;
        mw_alloc_fail_at(n);
        int st = elastic_nearest_miss(m, c, e, &w, &nm);
        mw_alloc_fail_at(0);
        if (st == MW_ENOMEM) {
            nomem++;
            other += nm.items != NULL || nm.n != 0;
        } else if (st == MW_OK) {
            ok++;
            other += nm.status != MISS_FOUND || nm.n != 1;
            nearest_miss_free(&nm);
            break;
        } else {
            other++;
        }
    }
    CHECK(nomem > 5 && ok == 1 && other == 0);
}

int main(void)
{
    test_feasible();
    test_level();
    test_hours_min();
    test_hours_max();
    test_supervision();
    test_flag();
    test_exposure();
    test_share();
    test_availability();
    test_skill();
    test_days();
    test_hours_day();
    test_structure();
    test_ranking();
    test_none();
    Model *m = load_casebook();
    if (m) {
        test_karin(m);
        test_casebook_sweep(m);
        test_alloc_sweep(m);
    }
    model_free(m);
    return check_report("test_elastic");
}
