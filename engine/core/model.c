/* model.c — the in-memory model: creation, interning, id indexes, list
 * lookup, policy defaults and date arithmetic. Layer: core. Knows nothing
 * about files.
 */
#include "model.h"

#include <stdio.h>
#include <string.h>

const char *const mw_day_names[MW_DAYS] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
const char *const mw_part_names[MW_PARTS] = {"ochtend", "middag", "avond", "nacht"};
const char *const mw_dim_kind_names[4] = {"level", "exposure", "share", "flag"};
const char *const mw_travel_names[4] = {"walk", "bike", "pt", "car"};
const char *const mw_capacity_names[3] = {"stable", "fluctuating", "progressive"};
const char *const mw_contract_names[3] = {"temp_only", "temp_then_perm", "perm"};
const char *const mw_phase_names[3] = {"trial", "temp", "perm"};
const char *const mw_outcome_names[2] = {"open", "failed"};

/* Open-addressing string → int index; slots hold index+1, 0 = empty. */
typedef struct {
    int cap;        /* power of two */
    int *slots;
} StrIndex;

typedef struct {
    StrIndex names, ids[4];
} ModelIndex;

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

static int index_find(const StrIndex *ix, const char *s, const char *(*key)(const void *, int),
                      const void *ctx)
{
    if (!ix->cap)
        return -1;
    uint32_t mask = (uint32_t)ix->cap - 1;
    for (uint32_t i = hash_str(s) & mask;; i = (i + 1) & mask) {
        int v = ix->slots[i];
        if (!v)
            return -1;
        if (strcmp(key(ctx, v - 1), s) == 0)
            return v - 1;
    }
}

static void index_put(StrIndex *ix, const char *s, int value)
{
    uint32_t mask = (uint32_t)ix->cap - 1;
    uint32_t i = hash_str(s) & mask;
    while (ix->slots[i])
        i = (i + 1) & mask;
    ix->slots[i] = value + 1;
}

static int index_alloc(StrIndex *ix, int n)
{
    int cap = 16;
    while (cap < 2 * n + 2)
        cap *= 2;
    int *slots = mw_calloc((size_t)cap, sizeof *slots);
    if (!slots)
        return MW_ENOMEM;
    mw_free(ix->slots);
    ix->slots = slots;
    ix->cap = cap;
    return MW_OK;
}

static const char *name_key(const void *ctx, int i)
{
    return ((const Model *)ctx)->names[i];
}

Model *model_new(void)
{
    Model *m = mw_calloc(1, sizeof *m);
    if (!m)
        return NULL;
    ModelIndex *ix = mw_calloc(1, sizeof *ix);
    if (!ix) {
        mw_free(m);
        return NULL;
    }
    m->name_index = ix;
    mw_arena_init(&m->arena);
    model_policy_defaults(&m->policy);
    risk_model_defaults(&m->risk);
    snprintf(m->source, sizeof m->source, "%s", "");
    return m;
}

void model_free(Model *m)
{
    if (!m)
        return;
    ModelIndex *ix = m->name_index;
    if (ix) {
        mw_free(ix->names.slots);
        for (int i = 0; i < 4; i++)
            mw_free(ix->ids[i].slots);
        mw_free(ix);
    }
    mw_free(m->names);
    mw_arena_free(&m->arena);
    mw_free(m);
}

int model_name_find(const Model *m, const char *s)
{
    const ModelIndex *ix = m->name_index;
    return index_find(&ix->names, s, name_key, m);
}

int model_intern(Model *m, const char *s)
{
    ModelIndex *ix = m->name_index;
    int id = index_find(&ix->names, s, name_key, m);
    if (id >= 0)
        return id;
    if (mw_grow((void **)&m->names, &m->cap_names, m->n_names + 1, sizeof *m->names))
        return -1;
    if (2 * (m->n_names + 1) + 2 > ix->names.cap) {
        StrIndex fresh = {0, NULL};
        if (index_alloc(&fresh, 2 * (m->n_names + 1)))
            return -1;
        for (int i = 0; i < m->n_names; i++)
            index_put(&fresh, m->names[i], i);
        mw_free(ix->names.slots);
        ix->names = fresh;
    }
    char *copy = mw_arena_strdup(&m->arena, s);
    if (!copy)
        return -1;
    m->names[m->n_names] = copy;
    index_put(&ix->names, copy, m->n_names);
    return m->n_names++;
}

const char *model_name(const Model *m, int id)
{
    return id >= 0 && id < m->n_names ? m->names[id] : "";
}

int model_dim_find(const Model *m, const char *name)
{
    for (int i = 0; i < m->n_dims; i++)
        if (strcmp(m->dims[i].name, name) == 0)
            return i;
    return -1;
}

static const char *cand_key(const void *ctx, int i) { return ((const Model *)ctx)->candidates[i].id; }
static const char *emp_key(const void *ctx, int i) { return ((const Model *)ctx)->employers[i].id; }
static const char *job_key(const void *ctx, int i) { return ((const Model *)ctx)->jobs[i].id; }
static const char *task_key(const void *ctx, int i) { return ((const Model *)ctx)->tasks[i].id; }

static const char *(*const table_keys[4])(const void *, int) = {cand_key, emp_key, job_key, task_key};

static int table_size(const Model *m, int table)
{
    switch (table) {
    case MODEL_CANDIDATES: return m->n_candidates;
    case MODEL_EMPLOYERS: return m->n_employers;
    case MODEL_JOBS: return m->n_jobs;
    default: return m->n_tasks;
    }
}

int model_index(Model *m, int table)
{
    ModelIndex *ix = m->name_index;
    int n = table_size(m, table);
    if (index_alloc(&ix->ids[table], n))
        return MW_ENOMEM;
    /* first occurrence wins, so lookups of a duplicated id find the first */
    for (int i = 0; i < n; i++) {
        const char *id = table_keys[table](m, i);
        if (index_find(&ix->ids[table], id, table_keys[table], m) < 0)
            index_put(&ix->ids[table], id, i);
    }
    return MW_OK;
}

static int find_in(const Model *m, int table, const char *id)
{
    const ModelIndex *ix = m->name_index;
    return index_find(&ix->ids[table], id, table_keys[table], m);
}

int model_find_candidate(const Model *m, const char *id) { return find_in(m, MODEL_CANDIDATES, id); }
int model_find_employer(const Model *m, const char *id) { return find_in(m, MODEL_EMPLOYERS, id); }
int model_find_job(const Model *m, const char *id) { return find_in(m, MODEL_JOBS, id); }
int model_find_task(const Model *m, const char *id) { return find_in(m, MODEL_TASKS, id); }

int intlist_has(const IntList *l, int v)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i] == v)
            return 1;
    return 0;
}

void weights_default(Weights *w)
{
    /* the values of models/presets/balanced.json; see that file for why */
    w->value = 0.02;
    w->pref = 0.5;
    w->skill = 0.25;
    w->hours = 1.0;
    w->task = 0.5;
    w->group = 1.0;
    w->sup = 0.01;
    w->over = 2.0;
    w->theta = 0.9;
    w->travel = 0.1;
    w->known = 5.0;
    w->affinity = 1.0;
    w->time_limit = 5.0;
    w->risk = 0.0;
    w->churn = 2.0;
}

void model_policy_defaults(Policy *p)
{
    memset(p, 0, sizeof *p);
    p->name = "nl-2022";
    p->min_wage_hour = 10.14;   /* WML 1 July 2022, 36-hour week basis is not used; see models/policy */
    p->min_wage_year = 2022;
    p->employer_charges = 0.235;
    p->lks_flat_start = 0.50;
    p->main_task_rule = 0;
    p->main_task_share = 1.0 / 16.0;
    p->main_task_min_day = 0.5;
    p->begeleiding_year = 7800.0;
    p->begeleiding_ref_hours = 31.0;
    p->job_unit_hours = 25.5;
    p->quota_levy = 5000.0;
    p->quota_min_employees = 25;
    p->benefit_month = MW_UNSET;
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
int32_t mw_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

void mw_civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = (int)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yy + (*m <= 2);
}
