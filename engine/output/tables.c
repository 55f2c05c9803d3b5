/* tables.c — writes a Model back as input tables (CSV files in a dialect, or
 * one data.json). One column layout per table drives both the header and the
 * cells, and one cell sink serves both formats, so CSV and JSON always carry
 * the same columns. Layer: output. Knows nothing about solving or scoring.
 */
#include "tables.h"
#include "textbuf.h"
#include "atomic.h"

#include <cJSON.h>
#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- a growable text buffer ------------------------------------------------ */

/* ---- numbers and dates ------------------------------------------------------- */

/* Decimal text of an integer; buf holds at least 24 bytes. */
static void fmt_i64(char *buf, long long v)
{
    char tmp[24];
    int n = 0;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *buf++ = '-';
    while (n)
        *buf++ = tmp[--n];
    *buf = '\0';
}

/* Shortest round-trip text (mw_fmt_double); the readers take no exponents, so
 * an exponent form becomes the shortest fixed form that still round-trips.
 * Whole numbers (most cells) take a fast path with the same text as
 * mw_fmt_double's "%.0f" (and "0" for -0). */
static void fmt_num(char *buf, size_t size, double v)
{
    if (size >= 24 && v == floor(v) && fabs(v) < 1e15) {
        fmt_i64(buf, v == 0 ? 0 : (long long)v);
        return;
    }
    mw_fmt_double(buf, size, v);
    if (!strpbrk(buf, "eE"))
        return;
    for (int prec = 0; prec <= 40; prec++) {
        int n = snprintf(buf, size, "%.*f", prec, v);
        if (n > 0 && (size_t)n < size && strtod(buf, NULL) == v)
            return;
    }
    mw_fmt_double(buf, size, v);   /* beyond fixed notation: keep the exponent */
}

static void fmt_date(char *buf, size_t size, int32_t days)
{
    int y, mo, d;
    mw_civil_from_days(days, &y, &mo, &d);
    snprintf(buf, size, "%04d-%02d-%02d", y, mo, d);
}

static const char *enum_name(const char *const *names, int n, int v)
{
    return v >= 0 && v < n ? names[v] : "";
}

/* ---- column layouts ------------------------------------------------------------ */

enum { G_PLAIN, G_LIM, G_LOAD, G_ACC, G_X, N_GROUPS };
static const char *const group_keys[N_GROUPS] = {"", "lim", "load", "acc", "x"};

typedef struct {
    const char *name;    /* CSV header */
    const char *key;     /* JSON key inside its group object (name for G_PLAIN) */
    int group;
    int field;           /* index in the table's layout */
    int dim;             /* G_LIM/G_LOAD/G_ACC */
} Col;

typedef struct { Col *items; int n, cap; } Cols;

/* Layouts: the column order of docs/input-format.md. "lim.*", "load.*" and
 * "acc.*" expand over the dimensions, "x_*" over the notes. The enums name
 * the positions; each must match its array. */
enum {
    CA_ID, CA_REGION, CA_LAT, CA_LON, CA_MAX_TRAVEL, CA_MODE, CA_MIN_H, CA_MAX_H, CA_PREF_H,
    CA_MAX_H_DAY, CA_MAX_DAYS, CA_AVAIL, CA_LOONWAARDE, CA_SUPPORT, CA_MAX_TASKS, CA_MIN_TASKS,
    CA_MAX_GROUPS, CA_SKILLS, CA_LIKES, CA_DISLIKES, CA_SECTORS_EXCL, CA_KNOWN, CA_EXCLUDED,
    CA_LIM, CA_FIRST_JOB, CA_PRIOR_FAIL, CA_INSTABILITY, CA_LIFE_EVENT, CA_CAPACITY,
    CA_CATEGORY, CA_AGE, CA_EDUCATION, CA_REGIME, CA_MONTHS, CA_CONSENT, CA_X, CA_N
};
static const char *const cand_layout[CA_N] = {
    "id", "region", "lat", "lon", "max_travel_min", "travel_mode", "min_hours_week",
    "max_hours_week", "pref_hours_week", "max_hours_day", "max_days_week", "availability",
    "loonwaarde", "support_min_day", "max_tasks", "min_tasks", "max_groups", "skills", "likes",
    "dislikes", "sectors_excluded", "known_employers", "excluded_employers", "lim.*",
    "first_job", "prior_failures", "private_instability", "recent_life_event",
    "capacity_profile", "category", "age", "education", "regime", "months_unemployed",
    "consent_employer_view", "x_*"};

enum {
    EM_ID, EM_NAME, EM_SECTOR, EM_LAT, EM_LON, EM_EMPLOYEES, EM_MAX_NEW, EM_SUPERVISION,
    EM_WORKING_DAYS, EM_AFFINITY, EM_POLICY, EM_TRIAL, EM_EXIT, EM_RESULT, EM_VULNERABLE,
    EM_ACC, EM_X, EM_N
};
static const char *const emp_layout[EM_N] = {
    "id", "name", "sector", "lat", "lon", "employees", "max_new_placements",
    "supervision_min_day", "working_days", "affinity", "contract_policy", "accepts_trial",
    "supervisor_exit_months", "result_orientation", "vulnerable_colleagues", "acc.*", "x_*"};

enum {
    JO_ID, JO_EMPLOYER, JO_TITLE, JO_WAGE, JO_HOURS, JO_RESIDUAL, JO_VACANCY, JO_END, JO_X, JO_N
};
static const char *const job_layout[JO_N] = {
    "id", "employer_id", "title", "wage_hour", "hours_week", "min_residual_hours",
    "is_vacancy", "project_end", "x_*"};

enum {
    TA_ID, TA_EMPLOYER, TA_JOB, TA_NAME, TA_CATEGORY, TA_HOURS, TA_DAYS, TA_PART, TA_CHUNK,
    TA_DIVISIBLE, TA_CARVABLE, TA_GROUP, TA_REQUIRES, TA_SKILLS, TA_TIME_BOUND,
    TA_SUPERVISION, TA_MANDATORY, TA_LOAD, TA_X, TA_N
};
static const char *const task_layout[TA_N] = {
    "id", "employer_id", "job_id", "name", "category", "hours_week", "days", "part",
    "min_chunk_hours", "divisible", "carvable", "group", "requires", "skills", "time_bound",
    "supervision_min_per_hour", "mandatory_in_vacancy", "load.*", "x_*"};

enum {
    PL_ID, PL_CANDIDATE, PL_EMPLOYER, PL_TASKS, PL_PHASE, PL_START, PL_TRIAL_END,
    PL_CONTRACT_END, PL_REVIEW, PL_OUTCOME, PL_TEMP_CONTRACTS, PL_CHAIN_START, PL_JOBCOACH_START,
    PL_JOBCOACH_HOURS, PL_LOONWAARDE_MEASURED, PL_X, PL_N
};
static const char *const plac_layout[PL_N] = {
    "id", "candidate_id", "employer_id", "tasks", "phase", "start", "trial_end",
    "contract_end", "review", "outcome", "temp_contracts", "chain_start", "jobcoach_start",
    "jobcoach_hours_year", "loonwaarde_measured", "x_*"};

enum { DI_NAME, DI_RUBRIEK, DI_KIND, DI_MAX, DI_UNIT, DI_DESCRIPTION, DI_N };
static const char *const dim_layout[DI_N] = {"name", "rubriek", "kind", "max", "unit", "description"};

/* Where the notes of row i of a table are. */
typedef struct { const void *base; size_t stride, offset; int n; } NotesAt;

static const Notes *notes_of(const NotesAt *na, int i)
{
    return (const Notes *)((const char *)na->base + (size_t)i * na->stride + na->offset);
}

/* Does note key k (stored with or without its "x_") name column `name`? */
static int note_is(const char *k, const char *name)
{
    return strncmp(k, "x_", 2) == 0 ? strcmp(k, name) == 0 : strcmp(k, name + 2) == 0;
}

static int cols_add(Cols *c, const char *name, const char *key, int group, int field, int dim)
{
    if (mw_grow((void **)&c->items, &c->cap, c->n + 1, sizeof *c->items))
        return MW_ENOMEM;
    c->items[c->n++] = (Col){name, key, group, field, dim};
    return MW_OK;
}

/* Which dimensions get a load./acc. column: those where some row is non-zero. */
typedef int (*DimUsed)(const Model *m, int dim);

static int load_used(const Model *m, int d)
{
    for (int i = 0; i < m->n_tasks; i++)
        if (m->tasks[i].load && m->tasks[i].load[d] != 0)
            return 1;
    return 0;
}

static int acc_used(const Model *m, int d)
{
    for (int i = 0; i < m->n_employers; i++)
        if (m->employers[i].acc && m->employers[i].acc[d] != 0)
            return 1;
    return 0;
}

static int cols_build(Cols *c, const Model *m, const char *const *layout, int n_layout,
                      const NotesAt *na, MwArena *a)
{
    for (int f = 0; f < n_layout; f++) {
        const char *l = layout[f];
        size_t len = strlen(l);
        if (len > 2 && strcmp(l + len - 2, ".*") == 0) {
            int group = strncmp(l, "lim.", 4) == 0 ? G_LIM : strncmp(l, "load.", 5) == 0 ? G_LOAD : G_ACC;
            for (int d = 0; d < m->n_dims; d++) {
                if ((group == G_LOAD && !load_used(m, d)) || (group == G_ACC && !acc_used(m, d)))
                    continue;
                char *name = mw_arena_alloc(a, len + strlen(m->dims[d].name));
                if (!name)
                    return MW_ENOMEM;
                memcpy(name, l, len - 1);
                strcpy(name + len - 1, m->dims[d].name);
                if (cols_add(c, name, m->dims[d].name, group, f, d))
                    return MW_ENOMEM;
            }
        } else if (strcmp(l, "x_*") == 0) {
            int first = c->n;
            for (int i = 0; na && i < na->n; i++) {
                const Notes *nt = notes_of(na, i);
                for (int k = 0; k < nt->n; k++) {
                    const char *key = nt->keys[k] ? nt->keys[k] : "";
                    int seen = 0;
                    for (int q = first; q < c->n && !seen; q++)
                        seen = note_is(key, c->items[q].name);
                    if (seen)
                        continue;
                    int has_x = strncmp(key, "x_", 2) == 0;
                    char *name = mw_arena_alloc(a, strlen(key) + 3);
                    if (!name)
                        return MW_ENOMEM;
                    snprintf(name, strlen(key) + 3, "%s%s", has_x ? "" : "x_", key);
                    if (cols_add(c, name, name + 2, G_X, f, -1))
                        return MW_ENOMEM;
                }
            }
        } else if (cols_add(c, l, l, G_PLAIN, f, -1)) {
            return MW_ENOMEM;
        }
    }
    return MW_OK;
}

/* ---- the cell sink: one CSV record or one JSON object per row -------------------- */

enum { K_EMPTY, K_TEXT, K_NUM, K_BOOL };

typedef struct {
    int json;
    /* CSV */
    FILE *f;
    char delim;
    int comma;
    const char *eol;
    Buf row;
    /* JSON */
    cJSON *array, *rec, *grp[N_GROUPS];
    /* both */
    const Cols *cols;
    int ncell;
    Buf cell;           /* scratch for list cells */
    int status;         /* MW_OK, MW_ENOMEM or MW_EIO (errno kept in err_no) */
    int err_no;
    /* fingerprints: each row's non-empty cells as "name=value" lines, hashed */
    int fp;
    char (*prints)[MW_SHA256_HEX];
    int row_i;
} Sink;

static int needs_quotes(const char *t, char delim)
{
    size_t n = strlen(t);
    if (n && (t[0] == ' ' || t[0] == '\t' || t[n - 1] == ' ' || t[n - 1] == '\t'))
        return 1;
    for (; *t; t++)
        if (*t == delim || *t == '"' || *t == '\r' || *t == '\n')
            return 1;
    return 0;
}

static void csv_cell(Sink *s, const char *t)
{
    if (s->ncell)
        buf_putc(&s->row, s->delim);
    if (!needs_quotes(t, s->delim)) {
        buf_puts(&s->row, t);
        return;
    }
    buf_putc(&s->row, '"');
    for (; *t; t++) {
        if (*t == '"')
            buf_putc(&s->row, '"');
        buf_putc(&s->row, *t);
    }
    buf_putc(&s->row, '"');
}

static void sink_row_begin(Sink *s)
{
    s->ncell = 0;
    if (s->json) {
        s->rec = cJSON_CreateObject();
        for (int g = 0; g < N_GROUPS; g++)
            s->grp[g] = NULL;
        if (!s->rec || !cJSON_AddItemToArray(s->array, s->rec)) {
            cJSON_Delete(s->rec);
            s->rec = NULL;
            s->status = MW_ENOMEM;
        }
    } else {
        buf_clear(&s->row);
    }
}

static void sink_row_end(Sink *s)
{
    if (s->json || s->status)
        return;
    buf_puts(&s->row, s->eol);
    if (s->row.oom) {
        s->status = MW_ENOMEM;
        return;
    }
    if (s->fp) {
        mw_sha256_hex(s->row.p ? s->row.p : "", s->row.n, s->prints[s->row_i]);
        return;
    }
    if (fwrite(s->row.p, 1, s->row.n, s->f) != s->row.n) {
        s->status = MW_EIO;
        s->err_no = errno;
    }
}

static void put(Sink *s, int kind, const char *text)
{
    assert(s->ncell < s->cols->n);
    if (s->status)
        return;
    if (s->fp) {
        if (kind != K_EMPTY) {
            buf_puts(&s->row, s->cols->items[s->ncell].name);
            buf_putc(&s->row, '=');
            buf_puts(&s->row, text);
            buf_putc(&s->row, '\n');
        }
        s->ncell++;
        return;
    }
    if (!s->json) {
        if (kind == K_NUM && s->comma && strchr(text, '.')) {
            char b[80];
            snprintf(b, sizeof b, "%s", text);
            for (char *p = b; *p; p++)
                if (*p == '.')
                    *p = ',';
            csv_cell(s, b);
        } else {
            csv_cell(s, kind == K_EMPTY ? "" : text);
        }
        s->ncell++;
        return;
    }
    const Col *col = &s->cols->items[s->ncell++];
    cJSON *node = kind == K_EMPTY ? cJSON_CreateNull()
                : kind == K_TEXT ? cJSON_CreateString(text)
                : kind == K_NUM ? cJSON_CreateRaw(text)
                : cJSON_CreateBool(text[0] == '1');
    cJSON *parent = s->rec;
    if (node && col->group != G_PLAIN) {
        if (!s->grp[col->group]) {
            s->grp[col->group] = cJSON_CreateObject();
            if (s->grp[col->group] &&
                !cJSON_AddItemToObjectCS(s->rec, group_keys[col->group], s->grp[col->group])) {
                cJSON_Delete(s->grp[col->group]);
                s->grp[col->group] = NULL;
            }
        }
        parent = s->grp[col->group];
    }
    if (!node || !parent || !cJSON_AddItemToObjectCS(parent, col->key, node)) {
        cJSON_Delete(node);
        s->status = MW_ENOMEM;
    }
}

static void put_text(Sink *s, const char *t) { put(s, t && *t ? K_TEXT : K_EMPTY, t ? t : ""); }
static void put_empty(Sink *s) { put(s, K_EMPTY, ""); }
static void put_bool(Sink *s, int v) { put(s, K_BOOL, v ? "1" : "0"); }

static void put_num(Sink *s, double v)
{
    char b[64];
    fmt_num(b, sizeof b, v);
    put(s, K_NUM, b);
}

static void put_int(Sink *s, long v)
{
    char b[32];
    fmt_i64(b, v);
    put(s, K_NUM, b);
}

static void put_date(Sink *s, int32_t d)
{
    if (d == MW_NO_DATE) {
        put_empty(s);
        return;
    }
    char b[32];
    fmt_date(b, sizeof b, d);
    put(s, K_TEXT, b);
}

/* The composite cell built in s->cell. */
static void put_cell(Sink *s)
{
    if (s->cell.oom) {
        s->status = MW_ENOMEM;
        return;
    }
    put_text(s, buf_str(&s->cell));
}

static void put_notes(Sink *s, const Notes *nt, const Col *col)
{
    for (int k = 0; k < nt->n; k++)
        if (nt->keys[k] && note_is(nt->keys[k], col->name)) {
            put_text(s, nt->vals[k]);
            return;
        }
    put_empty(s);
}

/* ---- list cells ---------------------------------------------------------------- */

static void cell_names(Sink *s, const Model *m, const IntList *l, const IntList *bang)
{
    buf_clear(&s->cell);
    for (int k = 0; k < l->n; k++) {
        if (k)
            buf_putc(&s->cell, '|');
        buf_puts(&s->cell, model_name(m, l->items[k]));
        if (bang && intlist_has(bang, l->items[k]))
            buf_putc(&s->cell, '!');
    }
}

static void cell_skills(Sink *s, const Model *m, const SkillList *l, int with_trainable)
{
    buf_clear(&s->cell);
    for (int k = 0; k < l->n; k++) {
        char b[32];
        snprintf(b, sizeof b, ":%d", l->items[k].level);
        if (k)
            buf_putc(&s->cell, '|');
        buf_puts(&s->cell, model_name(m, l->items[k].name));
        buf_puts(&s->cell, b);
        if (with_trainable && l->items[k].trainable)
            buf_putc(&s->cell, '+');
    }
}

static void cell_employer_ids(Sink *s, const Model *m, const IntList *l)
{
    buf_clear(&s->cell);
    for (int k = 0; k < l->n; k++) {
        if (k)
            buf_putc(&s->cell, '|');
        int e = l->items[k];
        buf_puts(&s->cell, e >= 0 && e < m->n_employers ? m->employers[e].id : "");
    }
}

static void cell_task_ids(Sink *s, const Model *m, const IntList *l)
{
    buf_clear(&s->cell);
    for (int k = 0; k < l->n; k++) {
        if (k)
            buf_putc(&s->cell, '|');
        int t = l->items[k];
        buf_puts(&s->cell, t >= 0 && t < m->n_tasks ? m->tasks[t].id : "");
    }
}

/* Availability in slot syntax, compact: days with the same parts share one
 * slot (`ma-vr:ochtend+middag|za:ochtend`). Every slot gives the empty cell.
 * An empty mask has no text (the reader cannot produce one). */
static void cell_availability(Sink *s, uint32_t mask)
{
    buf_clear(&s->cell);
    uint32_t all = (1u << MW_SLOTS) - 1;
    if ((mask & all) == all)
        return;
    unsigned pd[MW_DAYS];
    int done[MW_DAYS] = {0};
    for (int d = 0; d < MW_DAYS; d++)
        pd[d] = (mask >> (d * MW_PARTS)) & 0xFu;
    int first_slot = 1;
    for (int d = 0; d < MW_DAYS; d++) {
        if (!pd[d] || done[d])
            continue;
        int days[MW_DAYS], n = 0;
        for (int e = d; e < MW_DAYS; e++)
            if (pd[e] == pd[d]) {
                days[n++] = e;
                done[e] = 1;
            }
        if (!first_slot)
            buf_putc(&s->cell, '|');
        first_slot = 0;
        if (n >= 3 && days[n - 1] - days[0] == n - 1) {
            buf_puts(&s->cell, mw_day_names[days[0]]);
            buf_putc(&s->cell, '-');
            buf_puts(&s->cell, mw_day_names[days[n - 1]]);
        } else {
            for (int k = 0; k < n; k++) {
                if (k)
                    buf_putc(&s->cell, '+');
                buf_puts(&s->cell, mw_day_names[days[k]]);
            }
        }
        buf_putc(&s->cell, ':');
        int fp = 1;
        for (int p = 0; p < MW_PARTS; p++)
            if (pd[d] & (1u << p)) {
                if (!fp)
                    buf_putc(&s->cell, '+');
                fp = 0;
                buf_puts(&s->cell, mw_part_names[p]);
            }
    }
}

/* Task days as a list with ranges for runs of three or more: `ma-wo|vr`. */
static void cell_days(Sink *s, unsigned days)
{
    buf_clear(&s->cell);
    int first = 1;
    for (int d = 0; d < MW_DAYS;) {
        if (!(days & (1u << d))) {
            d++;
            continue;
        }
        int e = d;
        while (e + 1 < MW_DAYS && (days & (1u << (e + 1))))
            e++;
        if (e - d >= 2) {
            if (!first)
                buf_putc(&s->cell, '|');
            buf_puts(&s->cell, mw_day_names[d]);
            buf_putc(&s->cell, '-');
            buf_puts(&s->cell, mw_day_names[e]);
            first = 0;
        } else {
            for (int k = d; k <= e; k++) {
                if (!first)
                    buf_putc(&s->cell, '|');
                buf_puts(&s->cell, mw_day_names[k]);
                first = 0;
            }
        }
        d = e + 1;
    }
}

static void cell_parts(Sink *s, unsigned parts)
{
    buf_clear(&s->cell);
    int first = 1;
    for (int p = 0; p < MW_PARTS; p++)
        if (parts & (1u << p)) {
            if (!first)
                buf_putc(&s->cell, '|');
            first = 0;
            buf_puts(&s->cell, mw_part_names[p]);
        }
}

/* ---- rows ------------------------------------------------------------------------ */

static void row_candidate(Sink *s, const Model *m, const Candidate *c, const Col *col)
{
    switch (col->field) {
    case CA_ID: put_text(s, c->id); break;
    case CA_REGION: put_text(s, model_name(m, c->region)); break;
    case CA_LAT: put_num(s, c->lat); break;
    case CA_LON: put_num(s, c->lon); break;
    case CA_MAX_TRAVEL: put_num(s, c->max_travel_min); break;
    case CA_MODE: put_text(s, enum_name(mw_travel_names, 4, (int)c->travel_mode)); break;
    case CA_MIN_H: put_num(s, c->min_hours_week); break;
    case CA_MAX_H: put_num(s, c->max_hours_week); break;
    case CA_PREF_H: put_num(s, c->pref_hours_week); break;
    case CA_MAX_H_DAY: put_num(s, c->max_hours_day); break;
    case CA_MAX_DAYS: put_int(s, c->max_days_week); break;
    case CA_AVAIL: cell_availability(s, c->availability); put_cell(s); break;
    case CA_LOONWAARDE: put_num(s, c->loonwaarde); break;
    case CA_SUPPORT: put_num(s, c->support_min_day); break;
    case CA_MAX_TASKS: put_int(s, c->max_tasks); break;
    case CA_MIN_TASKS: put_int(s, c->min_tasks); break;
    case CA_MAX_GROUPS: put_int(s, c->max_groups); break;
    case CA_SKILLS: cell_skills(s, m, &c->skills, 0); put_cell(s); break;
    case CA_LIKES: cell_names(s, m, &c->likes, NULL); put_cell(s); break;
    case CA_DISLIKES: cell_names(s, m, &c->dislikes, &c->dislikes_never); put_cell(s); break;
    case CA_SECTORS_EXCL: cell_names(s, m, &c->sectors_excluded, NULL); put_cell(s); break;
    case CA_KNOWN: cell_employer_ids(s, m, &c->known_employers); put_cell(s); break;
    case CA_EXCLUDED: cell_employer_ids(s, m, &c->excluded_employers); put_cell(s); break;
    case CA_LIM: {
        int st = c->lim_state ? c->lim_state[col->dim] : LIM_NONE;
        if (st == LIM_KNOWN && c->lim)
            put_num(s, c->lim[col->dim]);
        else if (st == LIM_UNKNOWN)
            put_text(s, "?");
        else
            put_empty(s);
        break;
    }
    case CA_FIRST_JOB: put_bool(s, c->first_job); break;
    case CA_PRIOR_FAIL: put_int(s, c->prior_failures); break;
    case CA_INSTABILITY: put_bool(s, c->private_instability); break;
    case CA_LIFE_EVENT: put_bool(s, c->recent_life_event); break;
    case CA_CAPACITY: put_text(s, enum_name(mw_capacity_names, 3, (int)c->capacity_profile)); break;
    case CA_CATEGORY: put_text(s, model_name(m, c->category)); break;
    case CA_AGE: if (c->age < 0) put_empty(s); else put_int(s, c->age); break;
    case CA_EDUCATION: put_text(s, model_name(m, c->education)); break;
    case CA_REGIME: put_text(s, model_name(m, c->regime)); break;
    case CA_MONTHS:
        if (c->months_unemployed < 0) put_empty(s); else put_int(s, c->months_unemployed);
        break;
    case CA_CONSENT: put_bool(s, c->consent_employer_view); break;
    default: put_notes(s, &c->notes, col); break;
    }
}

static void row_employer(Sink *s, const Model *m, const Employer *e, const Col *col)
{
    switch (col->field) {
    case EM_ID: put_text(s, e->id); break;
    case EM_NAME: put_text(s, e->name ? e->name : e->id); break;
    case EM_SECTOR: put_text(s, model_name(m, e->sector)); break;
    case EM_LAT: put_num(s, e->lat); break;
    case EM_LON: put_num(s, e->lon); break;
    case EM_EMPLOYEES: put_int(s, e->employees); break;
    case EM_MAX_NEW: put_int(s, e->max_new_placements); break;
    case EM_SUPERVISION: put_num(s, e->supervision_min_day); break;
    case EM_WORKING_DAYS: put_int(s, e->working_days); break;
    case EM_AFFINITY: put_int(s, e->affinity); break;
    case EM_POLICY: put_text(s, enum_name(mw_contract_names, 3, (int)e->contract_policy)); break;
    case EM_TRIAL: put_bool(s, e->accepts_trial); break;
    case EM_EXIT:
        if (e->supervisor_exit_months < 0) put_empty(s); else put_num(s, e->supervisor_exit_months);
        break;
    case EM_RESULT: put_int(s, e->result_orientation); break;
    case EM_VULNERABLE: put_bool(s, e->vulnerable_colleagues); break;
    case EM_ACC: put_num(s, e->acc ? e->acc[col->dim] : 0); break;
    default: put_notes(s, &e->notes, col); break;
    }
}

static void row_job(Sink *s, const Model *m, const Job *j, const Col *col)
{
    switch (col->field) {
    case JO_ID: put_text(s, j->id); break;
    case JO_EMPLOYER:
        put_text(s, j->employer >= 0 && j->employer < m->n_employers ? m->employers[j->employer].id : "");
        break;
    case JO_TITLE: put_text(s, j->title ? j->title : j->id); break;
    case JO_WAGE: put_num(s, j->wage_hour); break;
    case JO_HOURS: put_num(s, j->hours_week); break;
    case JO_RESIDUAL: put_num(s, j->min_residual_hours); break;
    case JO_VACANCY: put_bool(s, j->is_vacancy); break;
    case JO_END: put_date(s, j->project_end); break;
    default: put_notes(s, &j->notes, col); break;
    }
}

static void row_task(Sink *s, const Model *m, const Task *t, const Col *col)
{
    switch (col->field) {
    case TA_ID: put_text(s, t->id); break;
    case TA_EMPLOYER:
        put_text(s, t->employer >= 0 && t->employer < m->n_employers ? m->employers[t->employer].id : "");
        break;
    case TA_JOB: put_text(s, t->job >= 0 && t->job < m->n_jobs ? m->jobs[t->job].id : ""); break;
    case TA_NAME: put_text(s, t->name ? t->name : t->id); break;
    case TA_CATEGORY: put_text(s, model_name(m, t->category)); break;
    case TA_HOURS: put_num(s, t->hours_week); break;
    case TA_DAYS:
        if (t->days_fixed) { cell_days(s, t->days); put_cell(s); } else put_empty(s);
        break;
    case TA_PART: cell_parts(s, t->parts); put_cell(s); break;
    case TA_CHUNK: put_num(s, t->min_chunk_hours); break;
    case TA_DIVISIBLE: put_bool(s, t->divisible); break;
    case TA_CARVABLE: put_bool(s, t->carvable); break;
    case TA_GROUP: put_text(s, model_name(m, t->group)); break;
    case TA_REQUIRES: cell_task_ids(s, m, &t->requires); put_cell(s); break;
    case TA_SKILLS: cell_skills(s, m, &t->skills, 1); put_cell(s); break;
    case TA_TIME_BOUND: put_bool(s, t->time_bound); break;
    case TA_SUPERVISION: put_num(s, t->supervision_min_per_hour); break;
    case TA_MANDATORY: put_bool(s, t->mandatory_in_vacancy); break;
    case TA_LOAD: put_num(s, t->load ? t->load[col->dim] : 0); break;
    default: put_notes(s, &t->notes, col); break;
    }
}

static void row_placement(Sink *s, const Model *m, const Placement *p, const Col *col)
{
    switch (col->field) {
    case PL_ID: put_text(s, p->id); break;
    case PL_CANDIDATE:
        put_text(s, p->candidate >= 0 && p->candidate < m->n_candidates ? m->candidates[p->candidate].id : "");
        break;
    case PL_EMPLOYER:
        put_text(s, p->employer >= 0 && p->employer < m->n_employers ? m->employers[p->employer].id : "");
        break;
    case PL_TASKS:
        buf_clear(&s->cell);
        for (int k = 0; k < p->n_hours; k++) {
            char b[64];
            int t = p->hours[k].task;
            fmt_num(b, sizeof b, p->hours[k].hours);
            if (s->comma && !s->json)
                for (char *q = b; *q; q++)
                    if (*q == '.')
                        *q = ',';
            if (k)
                buf_putc(&s->cell, '|');
            buf_puts(&s->cell, t >= 0 && t < m->n_tasks ? m->tasks[t].id : "");
            buf_putc(&s->cell, ':');
            buf_puts(&s->cell, b);
        }
        put_cell(s);
        break;
    case PL_PHASE: put_text(s, enum_name(mw_phase_names, 3, (int)p->phase)); break;
    case PL_START: put_date(s, p->start); break;
    case PL_TRIAL_END: put_date(s, p->trial_end); break;
    case PL_CONTRACT_END: put_date(s, p->contract_end); break;
    case PL_REVIEW: put_bool(s, p->review); break;
    case PL_OUTCOME: put_text(s, enum_name(mw_outcome_names, 2, p->outcome)); break;
    case PL_TEMP_CONTRACTS: put_int(s, p->temp_contracts); break;
    case PL_CHAIN_START: put_date(s, p->chain_start); break;
    case PL_JOBCOACH_START: put_date(s, p->jobcoach_start); break;
    case PL_JOBCOACH_HOURS: put_num(s, p->jobcoach_hours_year); break;
    case PL_LOONWAARDE_MEASURED: put_date(s, p->loonwaarde_measured); break;
    default: put_notes(s, &p->notes, col); break;
    }
}

static void row_dimension(Sink *s, const Dimension *d, const Col *col)
{
    switch (col->field) {
    case DI_NAME: put_text(s, d->name); break;
    case DI_RUBRIEK: put_text(s, d->rubriek); break;
    case DI_KIND: put_text(s, enum_name(mw_dim_kind_names, 4, (int)d->kind)); break;
    case DI_MAX: put_num(s, d->max); break;
    case DI_UNIT: put_text(s, d->unit); break;
    default: put_text(s, d->description); break;
    }
}

/* ---- tables ------------------------------------------------------------------------ */

enum { T_CANDIDATES, T_EMPLOYERS, T_JOBS, T_TASKS, T_PLACEMENTS, T_DIMENSIONS, N_TABLES };
static const char *const table_names[N_TABLES] = {
    "candidates", "employers", "jobs", "tasks", "placements", "dimensions"};

static int table_cols(const Model *m, int table, Cols *c, MwArena *a)
{
    NotesAt na = {NULL, 0, 0, 0};
    switch (table) {
    case T_CANDIDATES:
        na = (NotesAt){m->candidates, sizeof(Candidate), offsetof(Candidate, notes), m->n_candidates};
        return cols_build(c, m, cand_layout, CA_N, &na, a);
    case T_EMPLOYERS:
        na = (NotesAt){m->employers, sizeof(Employer), offsetof(Employer, notes), m->n_employers};
        return cols_build(c, m, emp_layout, EM_N, &na, a);
    case T_JOBS:
        na = (NotesAt){m->jobs, sizeof(Job), offsetof(Job, notes), m->n_jobs};
        return cols_build(c, m, job_layout, JO_N, &na, a);
    case T_TASKS:
        na = (NotesAt){m->tasks, sizeof(Task), offsetof(Task, notes), m->n_tasks};
        return cols_build(c, m, task_layout, TA_N, &na, a);
    case T_PLACEMENTS:
        na = (NotesAt){m->placements, sizeof(Placement), offsetof(Placement, notes), m->n_placements};
        return cols_build(c, m, plac_layout, PL_N, &na, a);
    default:
        return cols_build(c, m, dim_layout, DI_N, NULL, a);
    }
}

static int table_rows(const Model *m, int table)
{
    switch (table) {
    case T_CANDIDATES: return m->n_candidates;
    case T_EMPLOYERS: return m->n_employers;
    case T_JOBS: return m->n_jobs;
    case T_TASKS: return m->n_tasks;
    case T_PLACEMENTS: return m->n_placements;
    default: return m->n_dims;
    }
}

/* Writes the rows of one table into the sink (the CSV header is the caller's). */
static void table_emit(Sink *s, const Model *m, int table)
{
    int n = table_rows(m, table);
    for (int i = 0; i < n && !s->status; i++) {
        s->row_i = i;
        sink_row_begin(s);
        for (int k = 0; k < s->cols->n && !s->status; k++) {
            const Col *col = &s->cols->items[k];
            switch (table) {
            case T_CANDIDATES: row_candidate(s, m, &m->candidates[i], col); break;
            case T_EMPLOYERS: row_employer(s, m, &m->employers[i], col); break;
            case T_JOBS: row_job(s, m, &m->jobs[i], col); break;
            case T_TASKS: row_task(s, m, &m->tasks[i], col); break;
            case T_PLACEMENTS: row_placement(s, m, &m->placements[i], col); break;
            default: row_dimension(s, &m->dims[i], col); break;
            }
        }
        sink_row_end(s);
    }
}

/* ---- files ---------------------------------------------------------------------------- */

static int write_csv_table(const Model *m, int table, const char *dir, const TablesDialect *d,
                           char **tmp_out, MwErrors *err)
{
    char base[32];
    snprintf(base, sizeof base, "%s.csv", table_names[table]);
    char *final = atomic_path_join(dir, base);
    Cols cols = {NULL, 0, 0};
    MwArena arena;
    mw_arena_init(&arena);
    Sink s;
    memset(&s, 0, sizeof s);
    int rc = MW_ENOMEM;
    FILE *f = NULL;
    if (!final || table_cols(m, table, &cols, &arena))
        goto done;
    if ((rc = atomic_temp_open(dir, base, tmp_out, &f, err)) != MW_OK)
        goto done;
    s.f = f;
    s.delim = d->delim;
    s.comma = d->decimal_comma;
    s.eol = d->crlf ? "\r\n" : "\n";
    s.cols = &cols;
    if (d->bom && fwrite("\xEF\xBB\xBF", 1, 3, f) != 3) {
        s.status = MW_EIO;
        s.err_no = errno;
    }
    if (!s.status) {
        sink_row_begin(&s);
        for (int k = 0; k < cols.n; k++) {
            put(&s, K_TEXT, cols.items[k].name);
        }
        sink_row_end(&s);
    }
    table_emit(&s, m, table);
    rc = atomic_temp_close(f, s.status, s.err_no, final, err);
done:
    mw_free(s.row.p);
    mw_free(s.cell.p);
    mw_free(cols.items);
    mw_arena_free(&arena);
    mw_free(final);
    return rc;
}

int tables_write_dir(const Model *m, const char *dir, const TablesDialect *d, int with_dims,
                     MwErrors *err)
{
    static const TablesDialect canonical = {',', 0, 0, 0};
    if (!d)
        d = &canonical;
    assert(d->delim == ',' || d->delim == ';' || d->delim == '\t');
    int rc = atomic_make_dirs(dir, err);
    if (rc)
        return rc;
    int tables[N_TABLES], n = 0;
    for (int t = T_CANDIDATES; t <= T_TASKS; t++)
        tables[n++] = t;
    if (m->n_placements > 0)
        tables[n++] = T_PLACEMENTS;
    if (with_dims)
        tables[n++] = T_DIMENSIONS;
    /* every path is made before the first rename, so once renaming starts
     * only the file system can fail */
    char *tmp[N_TABLES] = {NULL}, *final[N_TABLES] = {NULL};
    char *stale = atomic_path_join(dir, "placements.csv");
    if (!stale)
        rc = MW_ENOMEM;
    for (int k = 0; k < n && rc == MW_OK; k++) {
        char base[32];
        snprintf(base, sizeof base, "%s.csv", table_names[tables[k]]);
        if (!(final[k] = atomic_path_join(dir, base)))
            rc = MW_ENOMEM;
    }
    for (int k = 0; k < n && rc == MW_OK; k++)
        rc = write_csv_table(m, tables[k], dir, d, &tmp[k], err);
    if (rc == MW_OK)
        rc = atomic_commit(tmp, final, n, err);
    if (rc == MW_OK && m->n_placements == 0 && unlink(stale) != 0 && errno != ENOENT) {
        atomic_io_error(err, stale, "cannot remove the stale file", errno);
        rc = MW_EIO;
    }
    for (int k = 0; k < n; k++) {
        if (tmp[k])
            unlink(tmp[k]);
        mw_free(tmp[k]);
        mw_free(final[k]);
    }
    mw_free(stale);
    return rc;
}

int tables_write_json(const Model *m, const char *path, MwErrors *err)
{
    int rc = MW_ENOMEM;
    cJSON *root = cJSON_CreateObject();
    char *text = NULL, *dir = NULL, *tmp = NULL;
    /* keys are added by reference (cJSON_AddItemToObjectCS): the column sets
     * live until the tree is deleted */
    Cols cols[N_TABLES];
    MwArena arenas[N_TABLES];
    for (int k = 0; k < N_TABLES; k++) {
        cols[k] = (Cols){NULL, 0, 0};
        mw_arena_init(&arenas[k]);
    }
    Sink s;
    memset(&s, 0, sizeof s);
    s.json = 1;
    if (!root)
        goto done;
    int tables[N_TABLES], n = 0;
    for (int t = T_CANDIDATES; t <= T_TASKS; t++)
        tables[n++] = t;
    if (m->n_placements > 0)
        tables[n++] = T_PLACEMENTS;
    for (int k = 0; k < n; k++) {
        if (table_cols(m, tables[k], &cols[k], &arenas[k]))
            goto done;
        cJSON *arr = cJSON_CreateArray();
        if (!arr || !cJSON_AddItemToObjectCS(root, table_names[tables[k]], arr)) {
            cJSON_Delete(arr);
            goto done;
        }
        s.array = arr;
        s.cols = &cols[k];
        table_emit(&s, m, tables[k]);
        if (s.status)
            goto done;
    }
    text = cJSON_Print(root);
    if (!text)
        goto done;

    const char *slash = strrchr(path, '/');
    size_t nd = !slash ? 1 : slash == path ? 1 : (size_t)(slash - path);
    dir = mw_malloc(nd + 1);
    if (!dir)
        goto done;
    memcpy(dir, slash ? path : ".", nd);
    dir[nd] = '\0';
    FILE *f = NULL;
    if ((rc = atomic_temp_open(dir, slash ? slash + 1 : path, &tmp, &f, err)) != MW_OK)
        goto done;
    size_t len = strlen(text);
    int st = MW_OK, e = 0;
    if (fwrite(text, 1, len, f) != len || fputc('\n', f) == EOF) {
        st = MW_EIO;
        e = errno;
    }
    rc = atomic_temp_close(f, st, e, path, err);
    if (rc == MW_OK && rename(tmp, path) != 0) {
        atomic_io_error(err, path, "cannot rename the temporary file into place", errno);
        rc = MW_EIO;
    }
    if (rc != MW_OK)
        unlink(tmp);
done:
    if (text)
        cJSON_free(text);
    cJSON_Delete(root);
    for (int k = 0; k < N_TABLES; k++) {
        mw_free(cols[k].items);
        mw_arena_free(&arenas[k]);
    }
    mw_free(s.cell.p);
    mw_free(tmp);
    mw_free(dir);
    return rc;
}

/* The row prints of one table into prints[rows]. */
static int table_prints(const Model *m, int table, char (*prints)[MW_SHA256_HEX])
{
    Cols cols = {NULL, 0, 0};
    MwArena arena;
    mw_arena_init(&arena);
    Sink s;
    memset(&s, 0, sizeof s);
    int rc = MW_ENOMEM;
    if (table_cols(m, table, &cols, &arena) == MW_OK) {
        s.fp = 1;
        s.prints = prints;
        s.cols = &cols;
        s.eol = "";
        table_emit(&s, m, table);
        rc = s.status;
    }
    mw_free(s.row.p);
    mw_free(s.cell.p);
    mw_free(cols.items);
    mw_arena_free(&arena);
    return rc;
}

static void hex_final(MwSha256 *h, char hex[MW_SHA256_HEX])
{
    unsigned char d[MW_SHA256_BYTES];
    mw_sha256_final(h, d);
    for (int k = 0; k < MW_SHA256_BYTES; k++)
        snprintf(hex + 2 * k, 3, "%02x", d[k]);
}

int tables_fingerprints(const Model *m, char (*cand)[MW_SHA256_HEX], char (*emp)[MW_SHA256_HEX])
{
    int rows[N_TABLES] = {m->n_candidates, m->n_employers, m->n_jobs, m->n_tasks, m->n_placements, 0};
    char (*pr[T_PLACEMENTS + 1])[MW_SHA256_HEX] = {NULL};
    int rc = MW_ENOMEM;
    for (int t = 0; t <= T_PLACEMENTS; t++)
        if (!(pr[t] = mw_calloc((size_t)rows[t] + 1, MW_SHA256_HEX)) || table_prints(m, t, pr[t]))
            goto done;
    for (int c = 0; c < m->n_candidates; c++) {
        MwSha256 h;
        mw_sha256_init(&h);
        mw_sha256_update(&h, pr[T_CANDIDATES][c], 64);
        for (int i = 0; i < m->n_placements; i++)
            if (m->placements[i].candidate == c)
                mw_sha256_update(&h, pr[T_PLACEMENTS][i], 64);
        hex_final(&h, cand[c]);
    }
    for (int e = 0; e < m->n_employers; e++) {
        const Employer *em = &m->employers[e];
        MwSha256 h;
        mw_sha256_init(&h);
        mw_sha256_update(&h, pr[T_EMPLOYERS][e], 64);
        for (int k = 0; k < em->jobs.n; k++)
            mw_sha256_update(&h, pr[T_JOBS][em->jobs.items[k]], 64);
        for (int k = 0; k < em->tasks.n; k++)
            mw_sha256_update(&h, pr[T_TASKS][em->tasks.items[k]], 64);
        hex_final(&h, emp[e]);
    }
    rc = MW_OK;
done:
    for (int t = 0; t <= T_PLACEMENTS; t++)
        mw_free(pr[t]);
    return rc;
}
