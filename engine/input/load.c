/* load.c — from Tables to the Model. Every column of every table is
 * described once (a Field: name, type, default, range, where it goes), and
 * one generic row loop parses, checks and stores it; rules that span
 * columns or tables follow per table. Layer: input. Knows nothing about
 * solving, scoring or output; reads no file itself except through csv.c,
 * json.c and the policy text (load_dir).
 */
#include "load.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>

#include "parse.h"

_Static_assert(sizeof(DimKind) == sizeof(int), "enums are stored through int");
_Static_assert(sizeof(TravelMode) == sizeof(int), "enums are stored through int");
_Static_assert(offsetof(Candidate, dislikes_never) == offsetof(Candidate, dislikes) + sizeof(IntList),
               "F_DISLIKES fills dislikes and the list after it");

typedef enum {
    F_ID,        /* const char *, unique, required */
    F_TEXT,      /* const char *; empty = "" */
    F_NAME,      /* int interned name; empty = -1 */
    F_NUM,       /* double in [lo, hi]; empty = MW_UNSET */
    F_INT,       /* int in [lo, hi]; empty = -1 */
    F_BOOL,      /* int 0/1 */
    F_DATE,      /* int32_t; empty = MW_NO_DATE */
    F_ENUM,      /* int index into names */
    F_NAMES,     /* IntList of interned names */
    F_DISLIKES,  /* IntList dislikes; '!' items also into the next IntList (dislikes_never) */
    F_SKILLS,    /* SkillList; lo = 1 allows the trainable '+' */
    F_SLOTS,     /* uint32_t slot mask; empty = every slot */
    F_DAYS,      /* uint8_t day mask followed by int days_fixed; empty = ma..vr, not fixed */
    F_PARTS,     /* uint8_t part mask; empty = ochtend+middag */
    F_EMP,       /* int employer index */
    F_JOB,       /* int job index */
    F_CAND,      /* int candidate index */
    F_EMPS,      /* IntList of employer indices */
    F_TASKS,     /* IntList of task indices, resolved after all tasks are read */
    F_TASKHOURS  /* task:hours pairs (placements) */
} FieldType;

typedef struct {
    const char *name;
    FieldType type;
    int required;
    const char *def;             /* text parsed when the cell is empty; NULL = type's empty */
    double lo, hi;
    size_t off;
    const char *const *names;    /* F_ENUM */
    int nnames;
} Field;

#define NUM(n, req, def, lo, hi, T, m) {n, F_NUM, req, def, lo, hi, offsetof(T, m), NULL, 0}
#define INT(n, req, def, lo, hi, T, m) {n, F_INT, req, def, lo, hi, offsetof(T, m), NULL, 0}
#define FLD(n, type, req, def, T, m) {n, type, req, def, 0, 0, offsetof(T, m), NULL, 0}
#define ENUM(n, def, names, T, m) {n, F_ENUM, 0, def, 0, 0, offsetof(T, m), names, \
                                   (int)(sizeof names / sizeof *names)}

static const char *const kind_names[] = {"level", "exposure", "share", "flag"};
static const char *const rubriek_names[] = {"persoonlijk", "sociaal", "omgeving",
                                            "dynamisch", "statisch", "werktijden"};
static const char *const travel_names[] = {"walk", "bike", "pt", "car"};
static const char *const capacity_names[] = {"stable", "fluctuating", "progressive"};
static const char *const contract_names[] = {"temp_only", "temp_then_perm", "perm"};
static const char *const phase_names[] = {"trial", "temp", "perm"};
static const char *const outcome_names[] = {"open", "failed"};

/* The registry row before its kind is known: kind and rubriek as ints. */
typedef struct {
    const char *name, *unit, *description;
    int kind, rubriek;
    double max;
    int line;
} DimRow;

static const Field dim_fields[] = {
    FLD("name", F_ID, 1, NULL, DimRow, name),
    ENUM("rubriek", NULL, rubriek_names, DimRow, rubriek),
    ENUM("kind", NULL, kind_names, DimRow, kind),
    NUM("max", 1, NULL, 0, 24, DimRow, max),
    FLD("unit", F_TEXT, 0, NULL, DimRow, unit),
    FLD("description", F_TEXT, 0, NULL, DimRow, description),
};

static const Field employer_fields[] = {
    FLD("id", F_ID, 1, NULL, Employer, id),
    FLD("name", F_TEXT, 0, NULL, Employer, name),
    FLD("sector", F_NAME, 0, NULL, Employer, sector),
    NUM("lat", 1, NULL, -90, 90, Employer, lat),
    NUM("lon", 1, NULL, -180, 180, Employer, lon),
    INT("employees", 0, "0", 0, 10000000, Employer, employees),
    INT("max_new_placements", 0, "1", 0, 100000, Employer, max_new_placements),
    NUM("supervision_min_day", 0, "0", 0, 1440, Employer, supervision_min_day),
    INT("working_days", 0, "5", 1, 7, Employer, working_days),
    INT("affinity", 0, "1", 0, 3, Employer, affinity),
    ENUM("contract_policy", "temp_then_perm", contract_names, Employer, contract_policy),
    FLD("accepts_trial", F_BOOL, 0, "1", Employer, accepts_trial),
    NUM("supervisor_exit_months", 0, NULL, 0, 1200, Employer, supervisor_exit_months),
    INT("result_orientation", 0, "1", 0, 3, Employer, result_orientation),
    FLD("vulnerable_colleagues", F_BOOL, 0, "0", Employer, vulnerable_colleagues),
};

static const Field job_fields[] = {
    FLD("id", F_ID, 1, NULL, Job, id),
    FLD("employer_id", F_EMP, 1, NULL, Job, employer),
    FLD("title", F_TEXT, 0, NULL, Job, title),
    NUM("wage_hour", 1, NULL, 0.01, 1000, Job, wage_hour),
    NUM("hours_week", 1, NULL, 0.01, 168, Job, hours_week),
    NUM("min_residual_hours", 0, "0", 0, 168, Job, min_residual_hours),
    FLD("is_vacancy", F_BOOL, 0, "0", Job, is_vacancy),
    FLD("project_end", F_DATE, 0, NULL, Job, project_end),
};

static const Field task_fields[] = {
    FLD("id", F_ID, 1, NULL, Task, id),
    FLD("employer_id", F_EMP, 1, NULL, Task, employer),
    FLD("job_id", F_JOB, 1, NULL, Task, job),
    FLD("name", F_TEXT, 0, NULL, Task, name),
    FLD("category", F_NAME, 0, NULL, Task, category),
    NUM("hours_week", 1, NULL, 0.01, 168, Task, hours_week),
    FLD("days", F_DAYS, 0, NULL, Task, days),
    FLD("part", F_PARTS, 0, NULL, Task, parts),
    NUM("min_chunk_hours", 0, "0", 0, 168, Task, min_chunk_hours),
    FLD("divisible", F_BOOL, 0, "1", Task, divisible),
    FLD("carvable", F_BOOL, 0, "1", Task, carvable),
    FLD("group", F_NAME, 0, NULL, Task, group),
    FLD("requires", F_TASKS, 0, NULL, Task, requires),
    {"skills", F_SKILLS, 0, NULL, 1, 0, offsetof(Task, skills), NULL, 0},
    FLD("time_bound", F_BOOL, 0, "0", Task, time_bound),
    NUM("supervision_min_per_hour", 0, "0", 0, 60, Task, supervision_min_per_hour),
    FLD("mandatory_in_vacancy", F_BOOL, 0, "0", Task, mandatory_in_vacancy),
};

static const Field candidate_fields[] = {
    FLD("id", F_ID, 1, NULL, Candidate, id),
    FLD("region", F_NAME, 0, NULL, Candidate, region),
    NUM("lat", 1, NULL, -90, 90, Candidate, lat),
    NUM("lon", 1, NULL, -180, 180, Candidate, lon),
    NUM("max_travel_min", 0, "45", 0, 600, Candidate, max_travel_min),
    ENUM("travel_mode", "bike", travel_names, Candidate, travel_mode),
    NUM("min_hours_week", 0, "0", 0, 60, Candidate, min_hours_week),
    NUM("max_hours_week", 1, NULL, 0.01, 60, Candidate, max_hours_week),
    NUM("pref_hours_week", 0, NULL, 0, 60, Candidate, pref_hours_week),
    NUM("max_hours_day", 0, "8", 0.01, 24, Candidate, max_hours_day),
    INT("max_days_week", 0, "5", 1, 7, Candidate, max_days_week),
    FLD("availability", F_SLOTS, 0, NULL, Candidate, availability),
    NUM("loonwaarde", 0, "1", 0.01, 1, Candidate, loonwaarde),
    NUM("support_min_day", 0, "0", 0, 1440, Candidate, support_min_day),
    INT("max_tasks", 0, "0", 0, 1000, Candidate, max_tasks),
    INT("min_tasks", 0, "0", 0, 1000, Candidate, min_tasks),
    INT("max_groups", 0, "0", 0, 1000, Candidate, max_groups),
    {"skills", F_SKILLS, 0, NULL, 0, 0, offsetof(Candidate, skills), NULL, 0},
    FLD("likes", F_NAMES, 0, NULL, Candidate, likes),
    FLD("dislikes", F_DISLIKES, 0, NULL, Candidate, dislikes),
    FLD("sectors_excluded", F_NAMES, 0, NULL, Candidate, sectors_excluded),
    FLD("known_employers", F_EMPS, 0, NULL, Candidate, known_employers),
    FLD("excluded_employers", F_EMPS, 0, NULL, Candidate, excluded_employers),
    FLD("first_job", F_BOOL, 0, "0", Candidate, first_job),
    INT("prior_failures", 0, "0", 0, 1000, Candidate, prior_failures),
    FLD("private_instability", F_BOOL, 0, "0", Candidate, private_instability),
    FLD("recent_life_event", F_BOOL, 0, "0", Candidate, recent_life_event),
    ENUM("capacity_profile", "stable", capacity_names, Candidate, capacity_profile),
    FLD("category", F_NAME, 0, NULL, Candidate, category),
    INT("age", 0, NULL, 15, 99, Candidate, age),
    FLD("education", F_NAME, 0, NULL, Candidate, education),
    FLD("regime", F_NAME, 0, NULL, Candidate, regime),
    INT("months_unemployed", 0, NULL, 0, 1200, Candidate, months_unemployed),
    FLD("consent_employer_view", F_BOOL, 0, "0", Candidate, consent_employer_view),
};

static const Field placement_fields[] = {
    FLD("id", F_ID, 1, NULL, Placement, id),
    FLD("candidate_id", F_CAND, 1, NULL, Placement, candidate),
    FLD("employer_id", F_EMP, 1, NULL, Placement, employer),
    FLD("tasks", F_TASKHOURS, 1, NULL, Placement, n_hours),
    {"phase", F_ENUM, 1, NULL, 0, 0, offsetof(Placement, phase), phase_names, 3},
    FLD("start", F_DATE, 1, NULL, Placement, start),
    FLD("trial_end", F_DATE, 0, NULL, Placement, trial_end),
    FLD("contract_end", F_DATE, 0, NULL, Placement, contract_end),
    FLD("review", F_BOOL, 0, "0", Placement, review),
    /* weekly runs: trial outcome and the fields of the monitoring signals */
    ENUM("outcome", "open", outcome_names, Placement, outcome),
    INT("temp_contracts", 0, "0", 0, 100, Placement, temp_contracts),
    FLD("chain_start", F_DATE, 0, NULL, Placement, chain_start),
    FLD("jobcoach_start", F_DATE, 0, NULL, Placement, jobcoach_start),
    NUM("jobcoach_hours_year", 0, "0", 0, 8784, Placement, jobcoach_hours_year),
    FLD("loonwaarde_measured", F_DATE, 0, NULL, Placement, loonwaarde_measured),
};

#define NFIELDS(a) ((int)(sizeof a / sizeof *a))

/* Which dimension prefixes a table accepts. */
enum { DP_NONE = 0, DP_LIM = 1, DP_LOAD = 2, DP_ACC = 4 };

typedef struct {
    Model *m;
    MwErrors *err;
    int status;                 /* MW_ENOMEM is sticky; MW_EINPUT once any error is added */
    const Table *t;
    int row;
} Loader;

/* A table's columns mapped to what they fill. */
typedef struct {
    int *field_col;             /* [nfields] table column or -1 */
    int *dim_col[3];            /* lim/load/acc: [n_dims] table column or -1 */
    int n_notes;
    int *note_col;              /* table columns of x_ notes */
    const char **note_keys;     /* note names without the x_ prefix, in the model arena */
} Mapping;

static void table_pos(const Table *t, int row, int *line, char *where, size_t n)
{
    where[0] = '\0';
    *line = 0;
    if (row < 0) {
        *line = t->is_json ? 0 : 1;     /* the header line */
        return;
    }
    if (t->is_json)
        snprintf(where, n, "%s[%d]", t->name, t->row_line[row]);
    else
        *line = t->row_line[row];
}

static void row_error(Loader *L, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void row_error(Loader *L, const char *column, const char *fmt, ...)
{
    char msg[320], where[64];
    int line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    table_pos(L->t, L->row, &line, where, sizeof where);
    mw_error_add(L->err, L->t->file, line, where, column, "%s", msg);
    if (L->status == MW_OK)
        L->status = MW_EINPUT;
}

static void nomem(Loader *L)
{
    L->status = MW_ENOMEM;
}

static int oom(const Loader *L)
{
    return L->status == MW_ENOMEM;
}

static const char *cell(const Loader *L, int col)
{
    if (col < 0)
        return "";
    const char *s = table_cell(L->t, L->row, col);
    return s ? s : "";
}

/* ---- column mapping ---------------------------------------------------- */

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int map_columns(Loader *L, const Field *fields, int nfields, int prefixes, Mapping *map)
{
    const Table *t = L->t;
    Model *m = L->m;
    memset(map, 0, sizeof *map);
    map->field_col = mw_arena_alloc(&m->arena, sizeof(int) * (size_t)(nfields + 1));
    for (int k = 0; k < 3; k++)
        map->dim_col[k] = mw_arena_alloc(&m->arena, sizeof(int) * (size_t)(m->n_dims + 1));
    map->note_col = mw_arena_alloc(&m->arena, sizeof(int) * (size_t)(t->ncols + 1));
    map->note_keys = mw_arena_alloc(&m->arena, sizeof(char *) * (size_t)(t->ncols + 1));
    if (!map->field_col || !map->dim_col[0] || !map->dim_col[1] || !map->dim_col[2] ||
        !map->note_col || !map->note_keys) {
        nomem(L);
        return -1;
    }
    for (int f = 0; f < nfields; f++)
        map->field_col[f] = -1;
    for (int k = 0; k < 3; k++)
        for (int d = 0; d < m->n_dims; d++)
            map->dim_col[k][d] = -1;
    L->row = -1;
    static const char *const prefix_text[3] = {"lim.", "load.", "acc."};
    for (int c = 0; c < t->ncols; c++) {
        const char *name = t->cols[c];
        int done = 0;
        for (int f = 0; f < nfields && !done; f++)
            if (strcmp(name, fields[f].name) == 0) {
                map->field_col[f] = c;
                done = 1;
            }
        for (int k = 0; k < 3 && !done; k++) {
            if (!starts_with(name, prefix_text[k]))
                continue;
            done = 1;
            if (!(prefixes & (1 << k))) {
                row_error(L, name, "'%s' columns do not belong in %s", prefix_text[k], t->file);
                break;
            }
            int d = model_dim_find(m, name + strlen(prefix_text[k]));
            if (d < 0) {
                row_error(L, name, "unknown dimension '%s' (not in the dimension registry)",
                          name + strlen(prefix_text[k]));
            } else if (k == 2 && m->dims[d].kind != DIM_LEVEL) {
                row_error(L, name, "accommodations apply to level dimensions only; '%s' is %s",
                          m->dims[d].name, mw_dim_kind_names[m->dims[d].kind]);
            } else {
                map->dim_col[k][d] = c;
            }
        }
        if (!done && starts_with(name, "x_") && name[2]) {
            const char *key = mw_arena_strdup(&m->arena, name + 2);
            if (!key) {
                nomem(L);
                return -1;
            }
            map->note_col[map->n_notes] = c;
            map->note_keys[map->n_notes++] = key;
            done = 1;
        }
        if (!done)
            row_error(L, name, "unknown column (prefix it with x_ to keep it as a note)");
    }
    for (int f = 0; f < nfields; f++)
        if (fields[f].required && map->field_col[f] < 0)
            row_error(L, fields[f].name, "required column missing");
    return 0;
}

/* ---- one cell ---------------------------------------------------------- */

static int intlist_set(Loader *L, IntList *list, const int *items, int n)
{
    list->n = n;
    list->items = NULL;
    if (!n)
        return 0;
    list->items = mw_arena_alloc(&L->m->arena, sizeof(int) * (size_t)n);
    if (!list->items) {
        nomem(L);
        return -1;
    }
    memcpy(list->items, items, sizeof(int) * (size_t)n);
    return 0;
}

typedef struct {
    Loader *L;
    const Field *f;
    int n, cap;
    int *items;                 /* ids */
    int *never;                 /* F_DISLIKES: flags */
    SkillLevel *skills;
    TaskHours *hours;
    int bad;
} ListCtx;

static int list_push(ListCtx *c)
{
    if (c->n < c->cap)
        return 0;
    int cap = c->cap ? c->cap * 2 : 8;
    int *items = mw_realloc(c->items, sizeof(int) * (size_t)cap);
    if (!items)
        return -1;
    c->items = items;
    int *never = mw_realloc(c->never, sizeof(int) * (size_t)cap);
    if (!never)
        return -1;
    c->never = never;
    SkillLevel *sk = mw_realloc(c->skills, sizeof(SkillLevel) * (size_t)cap);
    if (!sk)
        return -1;
    c->skills = sk;
    TaskHours *th = mw_realloc(c->hours, sizeof(TaskHours) * (size_t)cap);
    if (!th)
        return -1;
    c->hours = th;
    c->cap = cap;
    return 0;
}

static int list_item(const char *item, void *vctx)
{
    ListCtx *c = vctx;
    Loader *L = c->L;
    const Field *f = c->f;
    if (list_push(c)) {
        nomem(L);
        return -1;
    }
    char key[512];
    snprintf(key, sizeof key, "%s", item);
    switch (f->type) {
    case F_NAMES:
    case F_DISLIKES: {
        size_t len = strlen(key);
        int never = 0;
        if (f->type == F_DISLIKES && len && key[len - 1] == '!') {
            never = 1;
            key[--len] = '\0';
            while (len && key[len - 1] == ' ')
                key[--len] = '\0';
        }
        if (!len || strchr(key, '!')) {
            row_error(L, f->name, "expected names separated by '|', got '%s'", item);
            c->bad = 1;
            return 1;
        }
        int id = model_intern(L->m, key);
        if (id < 0) {
            nomem(L);
            return -1;
        }
        c->never[c->n] = never;
        c->items[c->n++] = id;
        return 0;
    }
    case F_EMPS:
    case F_TASKS: {
        int idx = f->type == F_EMPS ? model_find_employer(L->m, key) : model_find_task(L->m, key);
        if (idx < 0) {
            row_error(L, f->name, "unknown %s '%s'", f->type == F_EMPS ? "employer" : "task", key);
            c->bad = 1;
            return 1;
        }
        c->items[c->n++] = idx;
        return 0;
    }
    case F_SKILLS:
    case F_TASKHOURS: {
        char *colon = strrchr(key, ':');
        char why[200];
        if (!colon) {
            row_error(L, f->name, "expected %s, got '%s'",
                      f->type == F_SKILLS ? "name:level pairs" : "task_id:hours pairs", item);
            c->bad = 1;
            return 1;
        }
        *colon = '\0';
        char *val = colon + 1, *name = key;
        while (*val == ' ')
            val++;
        size_t nl = strlen(name);
        while (nl && name[nl - 1] == ' ')
            name[--nl] = '\0';
        if (!nl) {
            row_error(L, f->name, "missing name before ':' in '%s'", item);
            c->bad = 1;
            return 1;
        }
        if (f->type == F_TASKHOURS) {
            double h;
            int t = model_find_task(L->m, name);
            if (t < 0) {
                row_error(L, f->name, "unknown task '%s'", name);
                c->bad = 1;
                return 1;
            }
            if (parse_number(val, &h, why, sizeof why) || h <= 0 || h > 168) {
                row_error(L, f->name, "expected hours > 0 after '%s:', got '%s'", name, val);
                c->bad = 1;
                return 1;
            }
            c->hours[c->n].task = t;
            c->hours[c->n++].hours = h;
            return 0;
        }
        size_t vl = strlen(val);
        int trainable = 0, level;
        if (vl && val[vl - 1] == '+') {
            if (f->lo < 1) {
                row_error(L, f->name, "'+' (trainable) is only for task skills, got '%s'", item);
                c->bad = 1;
                return 1;
            }
            trainable = 1;
            val[--vl] = '\0';
        }
        if (parse_int(val, &level, why, sizeof why) || level < 0 || level > 5) {
            row_error(L, f->name, "expected a skill level 0..5 after '%s:', got '%s'", name, val);
            c->bad = 1;
            return 1;
        }
        int id = model_intern(L->m, name);
        if (id < 0) {
            nomem(L);
            return -1;
        }
        for (int i = 0; i < c->n; i++)
            if (c->skills[i].name == id) {
                row_error(L, f->name, "skill '%s' listed twice", name);
                c->bad = 1;
                return 1;
            }
        c->skills[c->n].name = id;
        c->skills[c->n].level = level;
        c->skills[c->n++].trainable = trainable;
        return 0;
    }
    default:
        return -1;
    }
}

static void list_free(ListCtx *c)
{
    mw_free(c->items);
    mw_free(c->never);
    mw_free(c->skills);
    mw_free(c->hours);
}

/* Parses a list cell into its destination. Returns 0, or -1 after an error. */
static int parse_list(Loader *L, const Field *f, const char *s, void *dst)
{
    ListCtx c;
    memset(&c, 0, sizeof c);
    c.L = L;
    c.f = f;
    int r = parse_split(s, '|', list_item, &c);
    if (r < 0 && !oom(L) && !c.bad) {
        row_error(L, f->name, "list item too long in '%.60s'", s);
        c.bad = 1;
    }
    if (oom(L) || c.bad) {
        list_free(&c);
        return -1;
    }
    switch (f->type) {
    case F_SKILLS: {
        SkillList *sl = dst;
        sl->n = c.n;
        sl->items = NULL;
        if (c.n) {
            sl->items = mw_arena_alloc(&L->m->arena, sizeof(SkillLevel) * (size_t)c.n);
            if (!sl->items)
                nomem(L);
            else
                memcpy(sl->items, c.skills, sizeof(SkillLevel) * (size_t)c.n);
        }
        break;
    }
    case F_TASKHOURS: {
        Placement *p = (Placement *)((char *)dst - offsetof(Placement, n_hours));
        p->n_hours = c.n;
        p->hours = mw_arena_alloc(&L->m->arena, sizeof(TaskHours) * (size_t)(c.n + 1));
        if (!p->hours)
            nomem(L);
        else
            memcpy(p->hours, c.hours, sizeof(TaskHours) * (size_t)c.n);
        break;
    }
    case F_DISLIKES: {
        /* dislikes then, in the IntList after it, the ones marked never */
        IntList *all = dst, *never = all + 1;
        int k = 0;
        if (intlist_set(L, all, c.items, c.n) == 0) {
            for (int i = 0; i < c.n; i++)
                if (c.never[i])
                    c.items[k++] = c.items[i];
            intlist_set(L, never, c.items, k);
        }
        break;
    }
    default: {
        /* a repeated reference is harmless but makes lists ambiguous to read */
        int k = 0;
        for (int i = 0; i < c.n; i++) {
            int dup = 0;
            for (int j = 0; j < k; j++)
                dup |= c.items[j] == c.items[i];
            if (!dup)
                c.items[k++] = c.items[i];
        }
        intlist_set(L, dst, c.items, k);
    }
    }
    list_free(&c);
    return oom(L) ? -1 : 0;
}

static int valid_id(const char *s)
{
    if (!*s || strlen(s) > 100)
        return 0;
    for (const char *p = s; *p; p++)
        if (*p == '|' || *p == ':' || *p == '\n' || *p == '\r' || *p == '\t')
            return 0;
    return s[0] != ' ' && s[strlen(s) - 1] != ' ';
}

static void range_text(char *buf, size_t n, const Field *f, int integer)
{
    char lo[32], hi[32];
    mw_fmt_double(lo, sizeof lo, f->lo);
    mw_fmt_double(hi, sizeof hi, f->hi);
    snprintf(buf, n, "%s in %s..%s", integer ? "an integer" : "a number", lo, hi);
}

/* Parses one field of the current row into base+off. Empty cells take the
 * default text or the type's empty value. */
static void parse_field(Loader *L, const Field *f, int col, char *base)
{
    const char *s = cell(L, col);
    void *dst = base + f->off;
    char why[300];
    if (!*s && f->required && col >= 0) {
        row_error(L, f->name, "required value missing");
        return;
    }
    if (!*s && f->def)
        s = f->def;
    switch (f->type) {
    case F_ID:
        if (!*s)
            return;      /* column missing: already reported */
        if (!valid_id(s)) {
            row_error(L, f->name, "expected an id without '|', ':', tabs or newlines, got '%.60s'", s);
            return;
        }
        if (!(*(const char **)dst = mw_arena_strdup(&L->m->arena, s)))
            nomem(L);
        return;
    case F_TEXT:
        if (!(*(const char **)dst = mw_arena_strdup(&L->m->arena, s)))
            nomem(L);
        return;
    case F_NAME:
        *(int *)dst = -1;
        if (*s && (*(int *)dst = model_intern(L->m, s)) < 0)
            nomem(L);
        return;
    case F_NUM: {
        double v;
        *(double *)dst = MW_UNSET;
        if (!*s)
            return;
        if (parse_number(s, &v, why, sizeof why)) {
            row_error(L, f->name, "%s", why);
        } else if (v < f->lo || v > f->hi) {
            range_text(why, sizeof why, f, 0);
            row_error(L, f->name, "expected %s, got '%s'", why, s);
        } else {
            *(double *)dst = v;
        }
        return;
    }
    case F_INT: {
        int v;
        *(int *)dst = -1;
        if (!*s)
            return;
        if (parse_int(s, &v, why, sizeof why) || v < f->lo || v > f->hi) {
            range_text(why, sizeof why, f, 1);
            row_error(L, f->name, "expected %s, got '%s'", why, s);
        } else {
            *(int *)dst = v;
        }
        return;
    }
    case F_BOOL:
        if (parse_bool(s, dst, why, sizeof why))
            row_error(L, f->name, "%s", why);
        return;
    case F_DATE:
        *(int32_t *)dst = MW_NO_DATE;
        if (*s && parse_date(s, dst, why, sizeof why))
            row_error(L, f->name, "%s", why);
        return;
    case F_ENUM: {
        int v = 0;
        if (!*s)
            return;     /* required enums are caught above; others have defaults */
        if (parse_enum(s, f->names, f->nnames, &v, why, sizeof why))
            row_error(L, f->name, "%s", why);
        else
            memcpy(dst, &v, sizeof v);
        return;
    }
    case F_SLOTS:
        *(uint32_t *)dst = (1u << MW_SLOTS) - 1;
        if (*s && parse_slots(s, dst, why, sizeof why))
            row_error(L, f->name, "%s", why);
        return;
    case F_DAYS: {
        uint8_t *mask = dst;
        int *fixed = &((Task *)(base))->days_fixed;
        *mask = MW_WEEKDAYS_MASK;
        *fixed = 0;
        if (*s) {
            if (parse_days(s, mask, why, sizeof why))
                row_error(L, f->name, "%s", why);
            else
                *fixed = 1;
        }
        return;
    }
    case F_PARTS:
        *(uint8_t *)dst = MW_DAYTIME_PARTS;
        if (*s && parse_parts(s, dst, why, sizeof why))
            row_error(L, f->name, "%s", why);
        return;
    case F_EMP:
    case F_JOB:
    case F_CAND: {
        *(int *)dst = -1;
        if (!*s)
            return;
        int idx = f->type == F_EMP ? model_find_employer(L->m, s)
                : f->type == F_JOB ? model_find_job(L->m, s) : model_find_candidate(L->m, s);
        if (idx < 0)
            row_error(L, f->name, "unknown %s '%.60s'",
                      f->type == F_EMP ? "employer" : f->type == F_JOB ? "job" : "candidate", s);
        *(int *)dst = idx;
        return;
    }
    case F_TASKS:
        return;          /* resolved once every task is known */
    case F_NAMES:
    case F_DISLIKES:
    case F_EMPS:
    case F_SKILLS:
    case F_TASKHOURS:
        if (*s)
            parse_list(L, f, s, dst);
        return;
    }
}

/* A dimension cell: lim (candidate), load (task) or acc (employer). */
static void parse_dim_cell(Loader *L, int k, const Dimension *dim, const char *col,
                           const char *s, double *value, unsigned char *state)
{
    char why[200];
    double v;
    if (!*s)
        return;
    if (k == 0 && strcmp(s, "?") == 0) {
        *state = LIM_UNKNOWN;
        return;
    }
    int bad = parse_number(s, &v, why, sizeof why) != 0;
    const char *expected = NULL;
    char buf[80];
    switch (k == 2 ? DIM_LEVEL : dim->kind) {
    case DIM_LEVEL:
        bad = bad || v != floor(v) || v < 0 || v > dim->max;
        snprintf(buf, sizeof buf, "a level 0..%g%s", dim->max, k == 0 ? " or ?" : "");
        expected = buf;
        break;
    case DIM_EXPOSURE:
        if (k == 0) {
            bad = bad || v < 0 || v > 24;
            expected = "hours per day 0..24 or ?";
        } else {
            bad = bad || v < 0 || v > 1;
            expected = "a share 0..1";
        }
        break;
    case DIM_SHARE:
        bad = bad || v < 0 || v > 1;
        expected = k == 0 ? "a share 0..1 or ?" : "a share 0..1";
        break;
    case DIM_FLAG:
        bad = bad || (v != 0 && v != 1);
        expected = k == 0 ? "0 or 1 or ?" : "0 or 1";
        break;
    }
    if (bad) {
        row_error(L, col, "expected %s, got '%s'", expected, s);
        return;
    }
    *value = v;
    if (state)
        *state = LIM_KNOWN;
}

/* ---- generic table loop ------------------------------------------------- */

typedef struct {
    size_t stride;
    size_t off_line, off_notes;
    ptrdiff_t off_dims[3];       /* offset of the double* for lim/load/acc, or -1 */
} Layout;

/* Allocates rows of `stride` bytes and parses every field of every row. */
static void *load_rows(Loader *L, const Field *fields, int nfields, int prefixes,
                       const Layout *lay, Mapping *map)
{
    const Table *t = L->t;
    Model *m = L->m;
    if (map_columns(L, fields, nfields, prefixes, map))
        return NULL;
    char *rows = mw_arena_alloc(&m->arena, lay->stride * (size_t)(t->nrows + 1));
    if (!rows) {
        nomem(L);
        return NULL;
    }
    for (int r = 0; r < t->nrows && !oom(L); r++) {
        char *base = rows + lay->stride * (size_t)r;
        L->row = r;
        *(int *)(base + lay->off_line) = t->is_json ? t->row_line[r] + 1 : t->row_line[r];
        for (int f = 0; f < nfields && !oom(L); f++)
            parse_field(L, &fields[f], map->field_col[f], base);
        for (int k = 0; k < 3 && !oom(L); k++) {
            if (lay->off_dims[k] < 0)
                continue;
            double *vals = mw_arena_alloc(&m->arena, sizeof(double) * (size_t)(m->n_dims + 1));
            unsigned char *states = NULL;
            if (k == 0)
                states = mw_arena_alloc(&m->arena, (size_t)m->n_dims + 1);
            if (!vals || (k == 0 && !states)) {
                nomem(L);
                break;
            }
            *(double **)(base + lay->off_dims[k]) = vals;
            if (k == 0)
                ((Candidate *)base)->lim_state = states;
            for (int d = 0; d < m->n_dims; d++)
                if (map->dim_col[k][d] >= 0)
                    parse_dim_cell(L, k, &m->dims[d], t->cols[map->dim_col[k][d]],
                                   cell(L, map->dim_col[k][d]), &vals[d], states ? &states[d] : NULL);
        }
        Notes *notes = (Notes *)(base + lay->off_notes);
        if (map->n_notes && !oom(L)) {
            notes->n = map->n_notes;
            notes->keys = map->note_keys;
            notes->vals = mw_arena_alloc(&m->arena, sizeof(char *) * (size_t)map->n_notes);
            if (!notes->vals) {
                nomem(L);
                break;
            }
            for (int i = 0; i < map->n_notes; i++)
                if (!(notes->vals[i] = mw_arena_strdup(&m->arena, cell(L, map->note_col[i]))))
                    nomem(L);
        }
    }
    return rows;
}

/* Reports ids that occur twice; call after model_index. */
static void check_unique(Loader *L, int table, int n, const char *(*id_at)(const Model *, int),
                         const int *(*line_at)(const Model *, int))
{
    static int (*const find[4])(const Model *, const char *) = {
        model_find_candidate, model_find_employer, model_find_job, model_find_task};
    for (int i = 0; i < n; i++) {
        const char *id = id_at(L->m, i);
        if (!id)
            continue;
        int first = find[table](L->m, id);
        if (first != i) {
            L->row = i;
            if (L->t->is_json)
                row_error(L, "id", "duplicate id '%s' (first in %s[%d])", id, L->t->name,
                          *line_at(L->m, first) - 1);
            else
                row_error(L, "id", "duplicate id '%s' (first on line %d)", id, *line_at(L->m, first));
        }
    }
}

static const char *cand_id(const Model *m, int i) { return m->candidates[i].id; }
static const char *emp_id(const Model *m, int i) { return m->employers[i].id; }
static const char *job_id(const Model *m, int i) { return m->jobs[i].id; }
static const char *task_id(const Model *m, int i) { return m->tasks[i].id; }
static const int *cand_line(const Model *m, int i) { return &m->candidates[i].line; }
static const int *emp_line(const Model *m, int i) { return &m->employers[i].line; }
static const int *job_line(const Model *m, int i) { return &m->jobs[i].line; }
static const int *task_line(const Model *m, int i) { return &m->tasks[i].line; }

/* Ids missing in rows with errors are replaced by a placeholder, so that
 * indexing never sees NULL. Only reached when errors were already reported. */
static int fill_missing_ids(Loader *L, const char **id, int row)
{
    if (*id)
        return 0;
    char buf[48];
    snprintf(buf, sizeof buf, "\x01row%d", row);
    if (!(*id = mw_arena_strdup(&L->m->arena, buf))) {
        nomem(L);
        return -1;
    }
    return 0;
}

/* ---- the tables ----------------------------------------------------------- */

int load_dimensions(Model *m, const Table *t, MwErrors *err)
{
    Loader L = {m, err, MW_OK, t, -1};
    Mapping map;
    if (map_columns(&L, dim_fields, NFIELDS(dim_fields), DP_NONE, &map))
        return L.status;
    if (map.n_notes) {
        L.row = -1;
        row_error(&L, "", "notes (x_ columns) are not allowed in the dimension registry");
        map.n_notes = 0;
    }
    Dimension *dims = mw_arena_alloc(&m->arena, sizeof(Dimension) * (size_t)(t->nrows + 1));
    if (!dims)
        return MW_ENOMEM;
    for (int r = 0; r < t->nrows && !oom(&L); r++) {
        DimRow row;
        memset(&row, 0, sizeof row);
        L.row = r;
        for (int f = 0; f < NFIELDS(dim_fields); f++)
            parse_field(&L, &dim_fields[f], map.field_col[f], (char *)&row);
        if (oom(&L))
            break;
        Dimension *d = &dims[r];
        d->name = row.name ? row.name : "";
        d->rubriek = rubriek_names[row.rubriek];
        d->unit = row.unit ? row.unit : "";
        d->description = row.description ? row.description : "";
        d->kind = (DimKind)row.kind;
        d->max = row.max;
        for (const char *p = d->name; *p; p++)
            if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) {
                row_error(&L, "name", "expected a name of a-z, 0-9 and _, got '%s'", d->name);
                break;
            }
        if (map.field_col[1] < 0 || !*cell(&L, map.field_col[1]))
            row_error(&L, "rubriek", "required value missing");
        if (map.field_col[2] < 0 || !*cell(&L, map.field_col[2]))
            row_error(&L, "kind", "required value missing");
        if (row.max != MW_UNSET) {
            if (d->kind == DIM_LEVEL && (d->max != floor(d->max) || d->max < 1 || d->max > 10))
                row_error(&L, "max", "expected an integer 1..10 for a level dimension, got '%s'",
                          cell(&L, map.field_col[3]));
            else if ((d->kind == DIM_SHARE || d->kind == DIM_FLAG) && d->max != 1)
                row_error(&L, "max", "expected 1 for a %s dimension, got '%s'",
                          kind_names[d->kind], cell(&L, map.field_col[3]));
            else if (d->kind == DIM_EXPOSURE && d->max <= 0)
                row_error(&L, "max", "expected hours per day > 0, got '%s'", cell(&L, map.field_col[3]));
        }
        for (int q = 0; q < r; q++)
            if (*d->name && strcmp(dims[q].name, d->name) == 0)
                row_error(&L, "name", "duplicate dimension '%s'", d->name);
    }
    if (oom(&L))
        return MW_ENOMEM;
    if (t->nrows == 0) {
        L.row = -1;
        row_error(&L, "", "the dimension registry is empty");
    }
    m->dims = dims;
    m->n_dims = t->nrows;
    return L.status;
}

static void load_employers(Loader *L)
{
    Model *m = L->m;
    Mapping map;
    Layout lay = {sizeof(Employer), offsetof(Employer, line), offsetof(Employer, notes),
                  {-1, -1, offsetof(Employer, acc)}};
    Employer *e = load_rows(L, employer_fields, NFIELDS(employer_fields), DP_ACC, &lay, &map);
    if (!e)
        return;
    m->employers = e;
    m->n_employers = L->t->nrows;
    for (int i = 0; i < m->n_employers && !oom(L); i++) {
        L->row = i;
        if (fill_missing_ids(L, &e[i].id, i))
            return;
        if (!e[i].name || !*e[i].name)
            e[i].name = e[i].id;
    }
    if (!oom(L) && model_index(m, MODEL_EMPLOYERS))
        nomem(L);
    if (!oom(L))
        check_unique(L, MODEL_EMPLOYERS, m->n_employers, emp_id, emp_line);
}

static void load_jobs(Loader *L)
{
    Model *m = L->m;
    Mapping map;
    Layout lay = {sizeof(Job), offsetof(Job, line), offsetof(Job, notes), {-1, -1, -1}};
    Job *j = load_rows(L, job_fields, NFIELDS(job_fields), DP_NONE, &lay, &map);
    if (!j)
        return;
    m->jobs = j;
    m->n_jobs = L->t->nrows;
    for (int i = 0; i < m->n_jobs && !oom(L); i++) {
        L->row = i;
        if (fill_missing_ids(L, &j[i].id, i))
            return;
        if (!j[i].title || !*j[i].title)
            j[i].title = j[i].id;
        if (j[i].hours_week > 0 && j[i].min_residual_hours > j[i].hours_week) {
            char a[32], b[32];
            mw_fmt_double(a, sizeof a, j[i].min_residual_hours);
            mw_fmt_double(b, sizeof b, j[i].hours_week);
            row_error(L, "min_residual_hours", "expected at most hours_week (%s), got '%s'", b, a);
        }
    }
    if (!oom(L) && model_index(m, MODEL_JOBS))
        nomem(L);
    if (!oom(L))
        check_unique(L, MODEL_JOBS, m->n_jobs, job_id, job_line);
}

static void load_tasks(Loader *L)
{
    Model *m = L->m;
    Mapping map;
    Layout lay = {sizeof(Task), offsetof(Task, line), offsetof(Task, notes),
                  {-1, offsetof(Task, load), -1}};
    Task *t = load_rows(L, task_fields, NFIELDS(task_fields), DP_LOAD, &lay, &map);
    if (!t)
        return;
    m->tasks = t;
    m->n_tasks = L->t->nrows;
    for (int i = 0; i < m->n_tasks && !oom(L); i++) {
        L->row = i;
        if (fill_missing_ids(L, &t[i].id, i))
            return;
        if (!t[i].name || !*t[i].name)
            t[i].name = t[i].id;
        if (t[i].job >= 0 && t[i].employer >= 0 && m->jobs[t[i].job].employer != t[i].employer)
            row_error(L, "job_id", "job '%s' belongs to employer '%s', not '%s'", m->jobs[t[i].job].id,
                      m->employers[m->jobs[t[i].job].employer].id, m->employers[t[i].employer].id);
        if (t[i].hours_week > 0 && t[i].min_chunk_hours > t[i].hours_week) {
            char a[32], b[32];
            mw_fmt_double(a, sizeof a, t[i].min_chunk_hours);
            mw_fmt_double(b, sizeof b, t[i].hours_week);
            row_error(L, "min_chunk_hours", "expected at most hours_week (%s), got '%s'", b, a);
        }
    }
    if (oom(L) || model_index(m, MODEL_TASKS)) {
        nomem(L);
        return;
    }
    check_unique(L, MODEL_TASKS, m->n_tasks, task_id, task_line);
    /* requires: every task is known now */
    int rcol = map.field_col[12];
    for (int i = 0; i < m->n_tasks && !oom(L); i++) {
        L->row = i;
        const char *s = cell(L, rcol);
        if (!*s)
            continue;
        if (parse_list(L, &task_fields[12], s, &t[i].requires))
            continue;
        for (int k = 0; k < t[i].requires.n; k++) {
            const Task *b = &m->tasks[t[i].requires.items[k]];
            if (b == &t[i])
                row_error(L, "requires", "task '%s' requires itself", t[i].id);
            else if (b->employer != t[i].employer)
                row_error(L, "requires", "task '%s' is at another employer", b->id);
        }
    }
    /* the hours of a job's tasks fit in the job */
    double *sum = mw_calloc((size_t)m->n_jobs + 1, sizeof *sum);
    int *last = mw_calloc((size_t)m->n_jobs + 1, sizeof *last);
    if (!sum || !last) {
        mw_free(sum);
        mw_free(last);
        nomem(L);
        return;
    }
    for (int i = 0; i < m->n_tasks; i++)
        if (t[i].job >= 0 && t[i].hours_week > 0) {
            sum[t[i].job] += t[i].hours_week;
            last[t[i].job] = i;
        }
    for (int j = 0; j < m->n_jobs; j++)
        if (m->jobs[j].hours_week > 0 && sum[j] > m->jobs[j].hours_week * (1 + 1e-9) + 1e-9) {
            char a[32], b[32];
            mw_fmt_double(a, sizeof a, sum[j]);
            mw_fmt_double(b, sizeof b, m->jobs[j].hours_week);
            L->row = last[j];
            row_error(L, "hours_week", "the tasks of job '%s' add up to %s hours, more than its %s hours_week",
                      m->jobs[j].id, a, b);
        }
    mw_free(sum);
    mw_free(last);
}

static void load_candidates(Loader *L)
{
    Model *m = L->m;
    Mapping map;
    Layout lay = {sizeof(Candidate), offsetof(Candidate, line), offsetof(Candidate, notes),
                  {offsetof(Candidate, lim), -1, -1}};
    Candidate *c = load_rows(L, candidate_fields, NFIELDS(candidate_fields), DP_LIM, &lay, &map);
    if (!c)
        return;
    m->candidates = c;
    m->n_candidates = L->t->nrows;
    for (int i = 0; i < m->n_candidates && !oom(L); i++) {
        Candidate *k = &c[i];
        L->row = i;
        if (fill_missing_ids(L, &k->id, i))
            return;
        if (k->max_hours_week <= 0)
            continue;                  /* already reported */
        if (k->pref_hours_week == MW_UNSET)
            k->pref_hours_week = k->max_hours_week;
        char a[32], b[32];
        if (k->min_hours_week > k->max_hours_week) {
            mw_fmt_double(a, sizeof a, k->min_hours_week);
            mw_fmt_double(b, sizeof b, k->max_hours_week);
            row_error(L, "min_hours_week", "expected at most max_hours_week (%s), got '%s'", b, a);
        } else if (k->pref_hours_week > k->max_hours_week || k->pref_hours_week < k->min_hours_week) {
            mw_fmt_double(a, sizeof a, k->pref_hours_week);
            row_error(L, "pref_hours_week", "expected between min_hours_week and max_hours_week, got '%s'", a);
        }
        if (k->max_tasks > 0 && k->min_tasks > k->max_tasks)
            row_error(L, "min_tasks", "expected at most max_tasks (%d), got '%d'", k->max_tasks, k->min_tasks);
        for (int x = 0; x < k->known_employers.n; x++)
            for (int y = 0; y < k->excluded_employers.n; y++)
                if (k->known_employers.items[x] == k->excluded_employers.items[y])
                    row_error(L, "excluded_employers", "employer '%s' is both known and excluded",
                              m->employers[k->known_employers.items[x]].id);
    }
    if (!oom(L) && model_index(m, MODEL_CANDIDATES))
        nomem(L);
    if (!oom(L))
        check_unique(L, MODEL_CANDIDATES, m->n_candidates, cand_id, cand_line);
}

static void load_placements(Loader *L)
{
    Model *m = L->m;
    Mapping map;
    Layout lay = {sizeof(Placement), offsetof(Placement, line), offsetof(Placement, notes), {-1, -1, -1}};
    Placement *p = load_rows(L, placement_fields, NFIELDS(placement_fields), DP_NONE, &lay, &map);
    if (!p)
        return;
    m->placements = p;
    m->n_placements = L->t->nrows;
    for (int i = 0; i < m->n_placements && !oom(L); i++) {
        L->row = i;
        if (fill_missing_ids(L, &p[i].id, i))
            return;
        for (int k = 0; k < p[i].n_hours; k++) {
            const Task *t = &m->tasks[p[i].hours[k].task];
            if (p[i].employer >= 0 && t->employer != p[i].employer)
                row_error(L, "tasks", "task '%s' is not at employer '%s'", t->id, m->employers[p[i].employer].id);
        }
        if (p[i].trial_end != MW_NO_DATE && p[i].start != MW_NO_DATE && p[i].trial_end < p[i].start)
            row_error(L, "trial_end", "trial_end is before start");
        if (p[i].contract_end != MW_NO_DATE && p[i].start != MW_NO_DATE && p[i].contract_end < p[i].start)
            row_error(L, "contract_end", "contract_end is before start");
        if (p[i].outcome == PLACEMENT_FAILED && p[i].phase != PHASE_TRIAL)
            row_error(L, "outcome", "outcome 'failed' is for a trial placement (phase trial), got phase '%s'",
                      mw_phase_names[p[i].phase]);
        if (p[i].chain_start != MW_NO_DATE && p[i].start != MW_NO_DATE && p[i].chain_start > p[i].start)
            row_error(L, "chain_start", "chain_start is after start");
        if (p[i].outcome == PLACEMENT_FAILED && p[i].candidate >= 0 && p[i].employer >= 0 &&
            intlist_has(&m->candidates[p[i].candidate].known_employers, p[i].employer))
            row_error(L, "outcome", "a failed trial at '%s', but the candidate lists it in known_employers",
                      m->employers[p[i].employer].id);
        for (int q = 0; q < i; q++) {
            if (strcmp(p[q].id, p[i].id) == 0) {
                row_error(L, "id", "duplicate id '%s'", p[i].id);
                break;
            }
            if (p[i].candidate >= 0 && p[q].candidate == p[i].candidate) {
                row_error(L, "candidate_id", "candidate '%s' already has placement '%s'",
                          m->candidates[p[i].candidate].id, p[q].id);
                break;
            }
        }
    }
    /* a failed trial excludes the pair, as if the team had added the
     * employer to the candidate's excluded_employers */
    for (int i = 0; i < m->n_placements && !oom(L); i++) {
        if (p[i].outcome != PLACEMENT_FAILED || p[i].candidate < 0 || p[i].employer < 0)
            continue;
        IntList *ex = &m->candidates[p[i].candidate].excluded_employers;
        if (intlist_has(ex, p[i].employer))
            continue;
        int *items = mw_arena_alloc(&m->arena, sizeof(int) * (size_t)(ex->n + 1));
        if (!items) {
            nomem(L);
            return;
        }
        if (ex->n)
            memcpy(items, ex->items, sizeof(int) * (size_t)ex->n);
        items[ex->n] = p[i].employer;
        ex->items = items;
        ex->n++;
    }
}

int load_tables(Model *m, const Table *employers, const Table *jobs, const Table *tasks,
                const Table *candidates, const Table *placements, MwErrors *err)
{
    Loader L = {m, err, MW_OK, NULL, -1};
    const Table *order[] = {employers, jobs, tasks, candidates, placements};
    void (*const step[])(Loader *) = {load_employers, load_jobs, load_tasks, load_candidates,
                                       load_placements};
    for (int i = 0; i < 5 && !oom(&L); i++) {
        if (!order[i])
            continue;
        L.t = order[i];
        L.row = -1;
        step[i](&L);
    }
    if (oom(&L))
        return MW_ENOMEM;
    /* per-employer job and task lists */
    int *count = mw_calloc((size_t)m->n_employers + 1, sizeof *count);
    if (!count)
        return MW_ENOMEM;
    for (int pass = 0; pass < 2; pass++) {
        int n = pass ? m->n_tasks : m->n_jobs;
        memset(count, 0, sizeof *count * (size_t)m->n_employers);
        for (int i = 0; i < n; i++) {
            int e = pass ? m->tasks[i].employer : m->jobs[i].employer;
            if (e >= 0)
                count[e]++;
        }
        for (int e = 0; e < m->n_employers; e++) {
            IntList *l = pass ? &m->employers[e].tasks : &m->employers[e].jobs;
            l->items = mw_arena_alloc(&m->arena, sizeof(int) * (size_t)(count[e] + 1));
            l->n = 0;
            if (!l->items) {
                mw_free(count);
                return MW_ENOMEM;
            }
        }
        for (int i = 0; i < n; i++) {
            int e = pass ? m->tasks[i].employer : m->jobs[i].employer;
            if (e < 0)
                continue;
            IntList *l = pass ? &m->employers[e].tasks : &m->employers[e].jobs;
            l->items[l->n++] = i;
        }
    }
    mw_free(count);
    return L.status;
}

/* ---- policy ----------------------------------------------------------- */

typedef struct {
    const char *key;
    char type;          /* 'n' number, 'i' integer, 'b' boolean, 's' string */
    size_t off;
    double lo, hi;
} PolicyKey;

static const PolicyKey policy_keys[] = {
    {"name", 's', offsetof(Policy, name), 0, 0},
    {"min_wage_hour", 'n', offsetof(Policy, min_wage_hour), 0.01, 1000},
    {"min_wage_year", 'i', offsetof(Policy, min_wage_year), 1990, 2200},
    {"employer_charges", 'n', offsetof(Policy, employer_charges), 0, 1},
    {"lks_flat_start", 'n', offsetof(Policy, lks_flat_start), 0, 1},
    {"main_task_rule", 'b', offsetof(Policy, main_task_rule), 0, 1},
    {"main_task_share", 'n', offsetof(Policy, main_task_share), 0, 1},
    {"main_task_min_day", 'n', offsetof(Policy, main_task_min_day), 0, 24},
    {"begeleiding_year", 'n', offsetof(Policy, begeleiding_year), 0, 1e6},
    {"begeleiding_ref_hours", 'n', offsetof(Policy, begeleiding_ref_hours), 0.01, 60},
    {"job_unit_hours", 'n', offsetof(Policy, job_unit_hours), 0.01, 60},
    {"quota_levy", 'n', offsetof(Policy, quota_levy), 0, 1e7},
    {"quota_min_employees", 'i', offsetof(Policy, quota_min_employees), 0, 1e7},
    {"benefit_month", 'n', offsetof(Policy, benefit_month), 0, 1e5},
};

/* A flat JSON object of keys checked against a key table; the policy and
 * the presets differ only in the words of an unknown key and in whether an
 * invalid text gets its line. */
typedef struct {
    const PolicyKey *keys;
    size_t nkeys;
    const char *unknown;      /* the message for a key not in the table */
    int json_line;            /* 1: "invalid JSON" gets the line of the fault */
} KeyTable;

/* Applies the object in text to the struct at base, key by key, through
 * kt; strings are copied into arena (which may be NULL for a table without
 * string keys). Every bad key is reported against display. Returns MW_OK,
 * MW_EINPUT or MW_ENOMEM; base may be partly written on error, so callers
 * pass a copy. */
static int apply_keys(const char *text, const char *display, const KeyTable *kt, MwArena *arena,
                      void *base, MwErrors *err)
{
    cJSON *root = cJSON_Parse(text);
    int status = MW_OK;
    if (!root) {
        const char *at = cJSON_GetErrorPtr();
        int line = 0;
        if (kt->json_line) {
            line = 1;
            for (const char *p = text; at && p < at && *p; p++)
                line += *p == '\n';
        }
        mw_error_add(err, display, line, "", "", "invalid JSON");
        return MW_EINPUT;
    }
    if (!cJSON_IsObject(root)) {
        mw_error_add(err, display, 0, "", "", "expected a JSON object");
        cJSON_Delete(root);
        return MW_EINPUT;
    }
    for (const cJSON *it = root->child; it; it = it->next) {
        if (it->string[0] == '_')
            continue;       /* comments and sources */
        const PolicyKey *k = NULL;
        for (size_t i = 0; i < kt->nkeys; i++)
            if (strcmp(kt->keys[i].key, it->string) == 0)
                k = &kt->keys[i];
        if (!k) {
            mw_error_add(err, display, 0, "", it->string, "%s", kt->unknown);
            status = MW_EINPUT;
            continue;
        }
        char *dst = (char *)base + k->off;
        if (k->type == 's') {
            assert(arena);
            const char *s = cJSON_GetStringValue(it);
            char *copy = s ? mw_arena_strdup(arena, s) : NULL;
            if (!s) {
                mw_error_add(err, display, 0, "", it->string, "expected a string");
                status = MW_EINPUT;
            } else if (!copy) {
                status = MW_ENOMEM;
                break;
            } else {
                *(const char **)dst = copy;
            }
        } else if (k->type == 'b') {
            if (!cJSON_IsBool(it)) {
                mw_error_add(err, display, 0, "", it->string, "expected true or false");
                status = MW_EINPUT;
            } else {
                *(int *)dst = cJSON_IsTrue(it);
            }
        } else {
            double v = it->valuedouble;
            if (!cJSON_IsNumber(it) || v < k->lo || v > k->hi || (k->type == 'i' && v != floor(v))) {
                char lo[32], hi[32];
                mw_fmt_double(lo, sizeof lo, k->lo);
                mw_fmt_double(hi, sizeof hi, k->hi);
                mw_error_add(err, display, 0, "", it->string, "expected %s in %s..%s",
                             k->type == 'i' ? "an integer" : "a number", lo, hi);
                status = MW_EINPUT;
            } else if (k->type == 'i') {
                *(int *)dst = (int)v;
            } else {
                *(double *)dst = v;
            }
        }
    }
    cJSON_Delete(root);
    return status;
}

int load_policy(Model *m, const char *text, const char *display, MwErrors *err)
{
    static const KeyTable table = {policy_keys, sizeof policy_keys / sizeof *policy_keys,
                                   "unknown policy parameter", 1};
    Policy p = m->policy;
    int status = apply_keys(text, display, &table, &m->arena, &p, err);
    if (status == MW_OK)
        m->policy = p;
    return status;
}

/* ---- preset ------------------------------------------------------------- */

static const PolicyKey preset_keys[] = {
    {"value", 'n', offsetof(Weights, value), 0, 1e3},
    {"pref", 'n', offsetof(Weights, pref), 0, 1e3},
    {"skill", 'n', offsetof(Weights, skill), 0, 1e3},
    {"hours", 'n', offsetof(Weights, hours), 0, 1e3},
    {"task", 'n', offsetof(Weights, task), 0, 1e3},
    {"group", 'n', offsetof(Weights, group), 0, 1e3},
    {"sup", 'n', offsetof(Weights, sup), 0, 1e3},
    {"over", 'n', offsetof(Weights, over), 0, 1e3},
    {"theta", 'n', offsetof(Weights, theta), 0.1, 1},
    {"travel", 'n', offsetof(Weights, travel), 0, 1e3},
    {"known", 'n', offsetof(Weights, known), 0, 1e3},
    {"affinity", 'n', offsetof(Weights, affinity), 0, 1e3},
    {"time_limit", 'n', offsetof(Weights, time_limit), 0.01, 3600},
    {"risk", 'n', offsetof(Weights, risk), 0, 1e4},
    {"churn", 'n', offsetof(Weights, churn), 0, 1e3},
};

/* ---- the directory ------------------------------------------------------ */

int load_registry(Model *m, const char *models_dir, MwErrors *err)
{
    char path[4096];
    int status = MW_OK;
    snprintf(path, sizeof path, "%s/dimensions.csv", models_dir ? models_dir : "models");
    Table *t = csv_read_table(path, path, "dimensions", err, &status);
    if (!t)
        return status;
    status = load_dimensions(m, t, err);
    table_free(t);
    return status;
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Reads a whole small text file (policy) into mw_malloc'ed memory. */
static char *read_text(const char *path, const char *display, MwErrors *err, int *status)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        mw_error_add(err, display, 0, "", "", "cannot open: %s", strerror(errno));
        *status = MW_EIO;
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *buf = mw_malloc(cap);
    while (buf) {
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0)
            break;
        if (len + 1 == cap) {
            char *nb = mw_realloc(buf, cap * 2);
            if (!nb) {
                mw_free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) {
        *status = MW_ENOMEM;
        return NULL;
    }
    buf[len] = '\0';
    if (strlen(buf) != len) {
        mw_error_add(err, display, 0, "", "", "contains a NUL byte");
        mw_free(buf);
        *status = MW_EINPUT;
        return NULL;
    }
    return buf;
}

int load_preset(const char *models_dir, const char *name, Weights *w, MwErrors *err)
{
    char path[4096];
    int status = MW_OK;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')) {
            mw_error_add(err, "--preset", 0, "", "", "expected a preset name of a-z, 0-9, - and _, got '%s'", name);
            return MW_EINPUT;
        }
    snprintf(path, sizeof path, "%s/presets/%s.json", models_dir ? models_dir : "models", name);
    if (!file_exists(path)) {
        mw_error_add(err, path, 0, "", "", "no such preset '%s'", name);
        return MW_EINPUT;
    }
    char *text = read_text(path, path, err, &status);
    if (!text)
        return status;
    Weights tmp = *w;
    static const KeyTable table = {preset_keys, sizeof preset_keys / sizeof *preset_keys, "unknown parameter", 0};
    status = apply_keys(text, path, &table, NULL, &tmp, err);
    mw_free(text);
    if (status == MW_OK)
        *w = tmp;
    return status;
}

enum { T_DIMS, T_EMPLOYERS, T_JOBS, T_TASKS, T_CANDIDATES, T_PLACEMENTS, T_COUNT };
static const char *const table_names[T_COUNT] = {"dimensions", "employers", "jobs", "tasks",
                                                 "candidates", "placements"};

static int worst(int a, int b)
{
    if (a == MW_ENOMEM || b == MW_ENOMEM)
        return MW_ENOMEM;
    if (a == MW_EIO || b == MW_EIO)
        return MW_EIO;
    return a != MW_OK ? a : b;
}

int load_dir(const char *dir, const LoadOptions *opt, Model **out, MwErrors *err)
{
    const char *models = opt && opt->models_dir ? opt->models_dir : "models";
    Table *tables[T_COUNT] = {NULL};
    Table *registry = NULL;
    char *policy_text = NULL, *dir_policy = NULL, *risk_text = NULL;
    char path[4096], display[256];
    int status = MW_OK;
    Model *m = model_new();
    if (!m)
        return MW_ENOMEM;

    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        mw_error_add(err, dir, 0, "", "", "not a data directory");
        status = MW_EINPUT;
        goto done;
    }
    snprintf(path, sizeof path, "%s/data.json", dir);
    int json = file_exists(path);
    if (json) {
        snprintf(m->source, sizeof m->source, "json");
        char found[256] = "";
        for (int i = 0; i < T_COUNT; i++) {
            snprintf(path, sizeof path, "%s/%s.csv", dir, table_names[i]);
            if (file_exists(path))
                snprintf(found + strlen(found), sizeof found - strlen(found), "%s%s.csv",
                         found[0] ? ", " : "", table_names[i]);
        }
        if (found[0]) {
            mw_error_add(err, "data.json", 0, "", "", "CSV files beside it (%s); keep one form of the data", found);
            status = MW_EINPUT;
        }
        if (status != MW_OK)
            goto done;
        snprintf(path, sizeof path, "%s/data.json", dir);
        status = json_read_tables(path, "data.json", T_COUNT, table_names, tables, &dir_policy, err);
        if (status != MW_OK)
            goto done;
        for (int i = T_EMPLOYERS; i <= T_CANDIDATES; i++)
            if (!tables[i]) {
                mw_error_add(err, "data.json", 0, "", "", "missing table '%s'", table_names[i]);
                status = MW_EINPUT;
            }
        if (status != MW_OK)
            goto done;
    } else {
        snprintf(m->source, sizeof m->source, "csv");
        for (int i = 0; i < T_COUNT; i++) {
            snprintf(path, sizeof path, "%s/%s.csv", dir, table_names[i]);
            snprintf(display, sizeof display, "%s.csv", table_names[i]);
            if (!file_exists(path)) {
                if (i != T_DIMS && i != T_PLACEMENTS) {
                    mw_error_add(err, display, 0, "", "", "missing file (expected %s)", path);
                    status = worst(status, MW_EINPUT);
                }
                continue;
            }
            int st2 = MW_OK;
            tables[i] = csv_read_table(path, display, table_names[i], err, &st2);
            status = worst(status, st2);
        }
        if (status != MW_OK)
            goto done;
        snprintf(path, sizeof path, "%s/policy.json", dir);
        if (file_exists(path) && !(dir_policy = read_text(path, "policy.json", err, &status)))
            goto done;
    }

    /* the registry: the directory's own, else the default one */
    if (!tables[T_DIMS]) {
        snprintf(path, sizeof path, "%s/dimensions.csv", models);
        if (!file_exists(path)) {
            mw_error_add(err, path, 0, "", "",
                         "no dimension registry: %s has none and %s is missing (use --models DIR)", dir, path);
            status = MW_EINPUT;
            goto done;
        }
        registry = csv_read_table(path, path, "dimensions", err, &status);
        if (!registry)
            goto done;
    }
    status = load_dimensions(m, tables[T_DIMS] ? tables[T_DIMS] : registry, err);
    if (status != MW_OK)
        goto done;

    /* the policy: defaults, the models' nl-2022 file, then the directory's */
    snprintf(path, sizeof path, "%s/policy/nl-2022.json", models);
    if (file_exists(path)) {
        if (!(policy_text = read_text(path, path, err, &status)))
            goto done;
        status = load_policy(m, policy_text, path, err);
        if (status != MW_OK)
            goto done;
    }
    if (dir_policy) {
        status = load_policy(m, dir_policy, json ? "data.json: policy" : "policy.json", err);
        if (status != MW_OK)
            goto done;
    }
    /* the durability model: built-in defaults, else the models' file */
    snprintf(path, sizeof path, "%s/risk/default.json", models);
    if (file_exists(path)) {
        if (!(risk_text = read_text(path, path, err, &status)))
            goto done;
        status = load_risk_model(&m->risk, &m->arena, risk_text, path, err);
        if (status != MW_OK)
            goto done;
    }

    status = load_tables(m, tables[T_EMPLOYERS], tables[T_JOBS], tables[T_TASKS], tables[T_CANDIDATES],
                         tables[T_PLACEMENTS], err);
done:
    for (int i = 0; i < T_COUNT; i++)
        table_free(tables[i]);
    table_free(registry);
    mw_free(policy_text);
    mw_free(dir_policy);
    mw_free(risk_text);
    if (status == MW_OK && err->nomem)
        status = MW_ENOMEM;
    if (status != MW_OK) {
        model_free(m);
        return status;
    }
    *out = m;
    return MW_OK;
}
