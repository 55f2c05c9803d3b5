/* test_gen.c — unit tests of the region generator (engine/core/gen.c) and the
 * table writer (engine/output/tables.c): determinism, every rule of
 * docs/input-format.md checked on generated models, plausible counts, the
 * exact text of written cells in each dialect, JSON shape, atomic writes and
 * allocation-failure sweeps. Builds its own dimension registry (the 23 rows of
 * models/dimensions.csv) and reads CSV with its own small parser, so it does
 * not depend on engine/input.
 */
#include "../../engine/core/gen.h"
#include "../../engine/output/tables.h"
#include "check.h"

#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- the registry of models/dimensions.csv ------------------------------------ */

static const struct { const char *name, *rubriek; DimKind kind; double max; } std_dims[] = {
    {"concentratie", "persoonlijk", DIM_LEVEL, 3}, {"tijdsdruk", "persoonlijk", DIM_LEVEL, 3},
    {"complexiteit", "persoonlijk", DIM_LEVEL, 3}, {"onderbrekingen", "persoonlijk", DIM_LEVEL, 3},
    {"klantcontact", "sociaal", DIM_LEVEL, 3},     {"samenwerken", "sociaal", DIM_LEVEL, 3},
    {"prikkels", "omgeving", DIM_LEVEL, 3},        {"temperatuur", "omgeving", DIM_LEVEL, 2},
    {"tillen", "dynamisch", DIM_LEVEL, 3},         {"bukken", "dynamisch", DIM_LEVEL, 3},
    {"knielen", "dynamisch", DIM_LEVEL, 2},        {"fijne_motoriek", "dynamisch", DIM_LEVEL, 3},
    {"lopen", "dynamisch", DIM_EXPOSURE, 8},       {"staan", "statisch", DIM_EXPOSURE, 8},
    {"zitten", "statisch", DIM_EXPOSURE, 8},       {"beeldscherm", "statisch", DIM_SHARE, 1},
    {"zien", "persoonlijk", DIM_LEVEL, 3},         {"horen", "persoonlijk", DIM_LEVEL, 3},
    {"nederlands", "persoonlijk", DIM_LEVEL, 3},   {"rekenen_lezen", "persoonlijk", DIM_LEVEL, 3},
    {"rolstoel", "omgeving", DIM_LEVEL, 1},        {"rijbewijs", "werktijden", DIM_FLAG, 1},
    {"heftruck", "dynamisch", DIM_FLAG, 1},
};
enum { N_STD = (int)(sizeof std_dims / sizeof std_dims[0]) };

/* A model holding the standard registry; `extra` adds a dimension "foo"
 * (level, max 3) and turns "staan" into a level dimension, neither of which
 * the generator may touch. */
static Model *model_with_dims(int extra)
{
    Model *m = model_new();
    if (!m)
        return NULL;
    int n = N_STD + (extra ? 1 : 0);
    m->dims = mw_arena_alloc(&m->arena, sizeof *m->dims * (size_t)n);
    if (!m->dims) {
        model_free(m);
        return NULL;
    }
    for (int i = 0; i < N_STD; i++) {
        Dimension *d = &m->dims[i];
        d->name = std_dims[i].name;
        d->rubriek = std_dims[i].rubriek;
        d->kind = std_dims[i].kind;
        d->max = std_dims[i].max;
        d->unit = d->kind == DIM_EXPOSURE ? "hours per day" : "level";
        d->description = "test, with a comma";
        if (extra && strcmp(d->name, "staan") == 0) {
            d->kind = DIM_LEVEL;
            d->max = 3;
        }
    }
    if (extra)
        m->dims[N_STD] = (Dimension){"foo", "persoonlijk", "level", "not known to gen", DIM_LEVEL, 3};
    m->n_dims = n;
    return m;
}

static Model *generate(int nc, int ne, uint64_t seed, int extra)
{
    Model *m = model_with_dims(extra);
    GenParams p = {nc, ne, seed};
    if (!m || gen_region(m, &p) != MW_OK) {
        model_free(m);
        return NULL;
    }
    return m;
}

/* ---- files ------------------------------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    size_t got;
    while (p && (got = fread(p + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *q = realloc(p, cap * 2);
            if (!q) {
                free(p);
                p = NULL;
                break;
            }
            p = q;
            cap *= 2;
        }
    }
    fclose(f);
    if (p)
        p[n] = '\0';
    if (len)
        *len = n;
    return p;
}

static int same_file(const char *a, const char *b)
{
    size_t na, nb;
    char *pa = slurp(a, &na), *pb = slurp(b, &nb);
    int same = pa && pb && na == nb && memcmp(pa, pb, na) == 0;
    free(pa);
    free(pb);
    return same;
}

static void path2(char *buf, size_t size, const char *dir, const char *name)
{
    snprintf(buf, size, "%s/%s", dir, name);
}

/* Removes a directory tree (the test's own temporary directories only). */
static void rm_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char p[1024];
        path2(p, sizeof p, dir, e->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            rm_tree(p);
        else
            unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

static int count_hidden(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int file_mode(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (int)(st.st_mode & 0777) : -1;
}

static const char *const table_files[] = {"candidates.csv", "employers.csv", "jobs.csv", "tasks.csv"};

/* ---- a small CSV reader for checking what was written --------------------------- */

typedef struct { int nrows, ncols; char **cells; } Csv;   /* row 0 is the header */

static void csv_free(Csv *c)
{
    for (int i = 0; c->cells && i < c->nrows * c->ncols; i++)
        free(c->cells[i]);
    free(c->cells);
    memset(c, 0, sizeof *c);
}

/* Strict: every record must have as many cells as the header, quotes only
 * around whole fields. Returns 1 on success. */
static int csv_parse(const char *t, char delim, Csv *out)
{
    memset(out, 0, sizeof *out);
    if (strncmp(t, "\xEF\xBB\xBF", 3) == 0)
        t += 3;
    int cap = 0, n = 0, row_cells = 0;
    char **cells = NULL;
    size_t fcap = 256;
    char *field = malloc(fcap);
    int ok = 1;
    while (*t && ok) {
        size_t fl = 0;
        if (*t == '"') {
            t++;
            for (;;) {
                if (!*t) { ok = 0; break; }
                if (*t == '"' && t[1] == '"') { t++; }
                else if (*t == '"') { t++; break; }
                if (fl + 2 > fcap) field = realloc(field, fcap *= 2);
                field[fl++] = *t++;
            }
            if (ok && *t != delim && *t != '\n' && *t != '\r' && *t)
                ok = 0;
        } else {
            while (*t && *t != delim && *t != '\n' && *t != '\r') {
                if (*t == '"')
                    ok = 0;
                if (fl + 2 > fcap) field = realloc(field, fcap *= 2);
                field[fl++] = *t++;
            }
        }
        field[fl] = '\0';
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            cells = realloc(cells, sizeof *cells * (size_t)cap);
        }
        cells[n++] = strdup(field);
        row_cells++;
        if (*t == delim) {
            t++;
            continue;
        }
        if (*t == '\r') t++;
        if (*t == '\n') t++;
        if (out->nrows == 0)
            out->ncols = row_cells;
        else if (row_cells != out->ncols)
            ok = 0;
        out->nrows++;
        row_cells = 0;
    }
    free(field);
    out->cells = cells;
    if (!ok) {
        out->nrows = out->ncols ? n / out->ncols : 0;
        for (int i = out->nrows * out->ncols; i < n; i++)
            free(cells[i]);
    }
    return ok;
}

static int csv_col(const Csv *c, const char *name)
{
    for (int k = 0; k < c->ncols; k++)
        if (strcmp(c->cells[k], name) == 0)
            return k;
    return -1;
}

/* Cell of data row r (0-based, after the header) in column name; NULL if absent. */
static const char *csv_get(const Csv *c, int r, const char *name)
{
    int k = csv_col(c, name);
    if (k < 0 || r + 1 >= c->nrows)
        return NULL;
    return c->cells[(r + 1) * c->ncols + k];
}

static int csv_read(const char *dir, const char *file, char delim, Csv *out)
{
    char p[1024];
    path2(p, sizeof p, dir, file);
    char *text = slurp(p, NULL);
    if (!text) {
        memset(out, 0, sizeof *out);
        return 0;
    }
    int ok = csv_parse(text, delim, out);
    free(text);
    return ok;
}

/* ---- invariants of docs/input-format.md, checked on the Model -------------------- */

static int bad_report(int *count, const char *what, const char *id)
{
    if ((*count)++ < 5)
        fprintf(stderr, "  invariant '%s' broken by %s\n", what, id ? id : "?");
    return 0;
}
#define INV(counter, cond, what, id) do { if (!(cond)) bad_report(&(counter), what, id); } while (0)

static int is_int(double v) { return v == floor(v); }

static int lim_ok(const Dimension *d, double v)
{
    switch (d->kind) {
    case DIM_LEVEL: return is_int(v) && v >= 0 && v <= d->max;
    case DIM_EXPOSURE: return v >= 0 && v <= 24;
    case DIM_SHARE: return v >= 0 && v <= 1;
    default: return v == 0 || v == 1;
    }
}

static int load_ok(const Dimension *d, double v)
{
    switch (d->kind) {
    case DIM_LEVEL: return is_int(v) && v >= 0 && v <= d->max;
    case DIM_EXPOSURE:
    case DIM_SHARE: return v >= 0 && v <= 1;
    default: return v == 0 || v == 1;
    }
}

static int id_ok(const char *id)
{
    if (!id || !*id || id[0] == ' ' || id[strlen(id) - 1] == ' ')
        return 0;
    return !strpbrk(id, "|:");
}

static int name_ok(const Model *m, int id) { return id >= 0 && id < m->n_names; }

static int popcount(unsigned v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

/* Checks every rule; `extra` says the registry has dimensions gen must leave alone. */
static void check_invariants(const Model *m, int extra)
{
    int ids = 0, geo = 0, hours = 0, daycap = 0, avail = 0, lw = 0, sup = 0, tasksn = 0;
    int skills = 0, lists = 0, refs = 0, lims = 0, untouched = 0, risk = 0, fair = 0;
    int emp = 0, acc = 0, joblinks = 0, job = 0, jobsum = 0, vac = 0, task = 0, req = 0;
    int load = 0, slot = 0, index = 0;
    int d_foo = model_dim_find(m, "foo"), d_staan = model_dim_find(m, "staan");

    for (int i = 0; i < m->n_candidates; i++) {
        const Candidate *c = &m->candidates[i];
        INV(ids, id_ok(c->id) && c->id[0] == 'C' && strlen(c->id) >= 7, "candidate id", c->id);
        INV(ids, i == 0 || strcmp(m->candidates[i - 1].id, c->id) < 0, "candidate ids sorted", c->id);
        INV(index, model_find_candidate(m, c->id) == i, "candidate index", c->id);
        INV(geo, c->lat >= 51.7 && c->lat <= 52.5 && c->lon >= 4.6 && c->lon <= 5.9, "in the province", c->id);
        INV(geo, c->max_travel_min >= 15 && c->max_travel_min <= 60, "max_travel_min 15..60", c->id);
        INV(geo, (int)c->travel_mode >= 0 && (int)c->travel_mode <= 3, "travel_mode", c->id);
        INV(geo, name_ok(m, c->region), "region", c->id);
        INV(hours, 0 <= c->min_hours_week && c->min_hours_week <= c->pref_hours_week &&
                   c->pref_hours_week <= c->max_hours_week && c->max_hours_week > 0 &&
                   c->max_hours_week <= 60, "0 <= min <= pref <= max <= 60", c->id);
        INV(hours, c->max_hours_day > 0 && c->max_hours_day <= 24, "max_hours_day", c->id);
        INV(hours, c->max_days_week >= 1 && c->max_days_week <= 7, "max_days_week", c->id);
        INV(daycap, c->max_hours_day * c->max_days_week >= c->max_hours_week, "days hold the hours", c->id);
        int days = 0;
        for (int d = 0; d < MW_DAYS; d++)
            days += ((c->availability >> (d * MW_PARTS)) & 0xF) != 0;
        INV(avail, c->availability != 0 && (c->availability >> MW_SLOTS) == 0, "availability", c->id);
        INV(avail, days >= c->max_days_week, "available days >= max_days_week", c->id);
        const char *regime = model_name(m, c->regime);
        INV(lw, c->loonwaarde > 0 && c->loonwaarde <= 1, "0 < loonwaarde <= 1", c->id);
        if (strcmp(regime, "beschut") == 0) {
            INV(lw, c->loonwaarde >= 0.30 && c->loonwaarde <= 0.60, "beschut loonwaarde 30-60%", c->id);
            INV(sup, c->support_min_day >= 30 && c->support_min_day <= 360, "beschut support 30 min-6 h", c->id);
        } else {
            INV(sup, c->support_min_day >= 0 && c->support_min_day <= 30, "support 0..30", c->id);
        }
        INV(tasksn, c->max_tasks >= 0 && c->min_tasks >= 0 && c->max_groups >= 0, "task counts >= 0", c->id);
        INV(tasksn, c->max_tasks == 0 || c->min_tasks <= c->max_tasks, "min_tasks <= max_tasks", c->id);
        for (int k = 0; k < c->skills.n; k++)
            INV(skills, name_ok(m, c->skills.items[k].name) && c->skills.items[k].level >= 0 &&
                        c->skills.items[k].level <= 5 && !c->skills.items[k].trainable, "candidate skill", c->id);
        for (int k = 0; k < c->likes.n; k++) {
            INV(lists, name_ok(m, c->likes.items[k]), "likes", c->id);
            for (int q = 0; q < c->dislikes.n; q++)
                INV(lists, c->likes.items[k] != c->dislikes.items[q], "like and dislike", c->id);
        }
        for (int k = 0; k < c->dislikes_never.n; k++) {
            int in = 0;
            for (int q = 0; q < c->dislikes.n; q++)
                in |= c->dislikes.items[q] == c->dislikes_never.items[k];
            INV(lists, in, "never-dislikes are dislikes", c->id);
        }
        for (int k = 0; k < c->sectors_excluded.n; k++)
            INV(lists, name_ok(m, c->sectors_excluded.items[k]), "sectors_excluded", c->id);
        for (int k = 0; k < c->known_employers.n; k++) {
            int e = c->known_employers.items[k];
            INV(refs, e >= 0 && e < m->n_employers, "known employer exists", c->id);
            for (int q = 0; q < c->excluded_employers.n; q++)
                INV(refs, c->excluded_employers.items[q] != e, "known and excluded", c->id);
        }
        for (int k = 0; k < c->excluded_employers.n; k++)
            INV(refs, c->excluded_employers.items[k] >= 0 && c->excluded_employers.items[k] < m->n_employers,
                "excluded employer exists", c->id);
        for (int d = 0; d < m->n_dims; d++) {
            int st = c->lim_state[d];
            INV(lims, st == LIM_NONE || st == LIM_KNOWN || st == LIM_UNKNOWN, "lim_state", c->id);
            if (st == LIM_KNOWN)
                INV(lims, lim_ok(&m->dims[d], c->lim[d]), "lim in range of its kind", c->id);
        }
        if (extra)
            INV(untouched, c->lim_state[d_foo] == LIM_NONE && c->lim_state[d_staan] == LIM_NONE,
                "unknown dimensions left without limit", c->id);
        INV(risk, (c->first_job == 0 || c->first_job == 1) && c->prior_failures >= 0 &&
                  (c->private_instability | c->recent_life_event | c->consent_employer_view) <= 1 &&
                  (int)c->capacity_profile >= 0 && (int)c->capacity_profile <= 2, "risk fields", c->id);
        INV(fair, c->age >= 15 && c->age <= 99, "age 15..99", c->id);
        INV(fair, c->months_unemployed >= -1 && c->months_unemployed <= 240, "months_unemployed", c->id);
        INV(fair, name_ok(m, c->category) && name_ok(m, c->education) && name_ok(m, c->regime),
            "fairness names", c->id);
    }

    for (int i = 0; i < m->n_employers; i++) {
        const Employer *e = &m->employers[i];
        INV(ids, id_ok(e->id) && e->id[0] == 'E' && strlen(e->id) >= 6, "employer id", e->id);
        INV(ids, i == 0 || strcmp(m->employers[i - 1].id, e->id) < 0, "employer ids sorted", e->id);
        INV(index, model_find_employer(m, e->id) == i, "employer index", e->id);
        INV(geo, e->lat >= 51.7 && e->lat <= 52.5 && e->lon >= 4.6 && e->lon <= 5.9, "employer in the province", e->id);
        INV(emp, e->name && *e->name && name_ok(m, e->sector), "name and sector", e->id);
        INV(emp, e->employees >= 2 && e->max_new_placements >= 0 && e->supervision_min_day >= 0 &&
                 e->supervision_min_day <= 360, "employees, intake, supervision", e->id);
        INV(emp, e->working_days >= 1 && e->working_days <= 7, "working_days", e->id);
        INV(emp, e->affinity >= 0 && e->affinity <= 3 && e->result_orientation >= 0 &&
                 e->result_orientation <= 3, "affinity, result_orientation", e->id);
        INV(emp, (int)e->contract_policy >= 0 && (int)e->contract_policy <= 2, "contract_policy", e->id);
        INV(emp, (e->accepts_trial | e->vulnerable_colleagues) <= 1, "booleans", e->id);
        INV(emp, e->supervisor_exit_months == MW_UNSET || e->supervisor_exit_months >= 0, "supervisor_exit_months", e->id);
        for (int d = 0; d < m->n_dims; d++) {
            double a = e->acc[d];
            if (m->dims[d].kind == DIM_LEVEL)
                INV(acc, is_int(a) && a >= 0 && a <= m->dims[d].max, "acc level in 0..max", e->id);
            else
                INV(acc, a == 0, "acc only on level dimensions", e->id);
        }
        if (extra)
            INV(untouched, e->acc[d_foo] == 0 && e->acc[d_staan] == 0, "unknown dims without acc", e->id);
        INV(joblinks, e->jobs.n >= 1 && e->jobs.n <= 8 && e->jobs.n <= e->employees, "1-8 jobs, <= employees", e->id);
        for (int k = 0; k < e->jobs.n; k++)
            INV(joblinks, m->jobs[e->jobs.items[k]].employer == i, "employer's jobs", e->id);
        for (int k = 0; k < e->tasks.n; k++)
            INV(joblinks, m->tasks[e->tasks.items[k]].employer == i, "employer's tasks", e->id);
    }

    double *sum = calloc((size_t)(m->n_jobs ? m->n_jobs : 1), sizeof *sum);
    int *mandatory = calloc((size_t)(m->n_jobs ? m->n_jobs : 1), sizeof *mandatory);
    int il = model_dim_find(m, "lopen"), is = model_dim_find(m, "staan"), iz = model_dim_find(m, "zitten");
    for (int i = 0; i < m->n_tasks; i++) {
        const Task *t = &m->tasks[i];
        INV(ids, id_ok(t->id) && t->id[0] == 'T' && strlen(t->id) >= 9, "task id", t->id);
        INV(ids, i == 0 || strcmp(m->tasks[i - 1].id, t->id) < 0, "task ids sorted", t->id);
        INV(index, model_find_task(m, t->id) == i, "task index", t->id);
        INV(refs, t->employer >= 0 && t->employer < m->n_employers && t->job >= 0 && t->job < m->n_jobs,
            "task references", t->id);
        if (t->job < 0 || t->job >= m->n_jobs)
            continue;
        INV(refs, m->jobs[t->job].employer == t->employer, "job of the same employer", t->id);
        INV(task, t->name && *t->name && name_ok(m, t->category), "name, category", t->id);
        INV(task, t->hours_week > 0 && is_int(2 * t->hours_week), "hours > 0, half hours", t->id);
        INV(task, t->min_chunk_hours >= 0 && t->min_chunk_hours <= t->hours_week, "0 <= min_chunk <= hours", t->id);
        INV(task, (t->divisible | t->carvable | t->time_bound | t->mandatory_in_vacancy | t->days_fixed) <= 1,
            "booleans", t->id);
        INV(task, t->supervision_min_per_hour >= 0, "supervision_min_per_hour >= 0", t->id);
        INV(task, t->group == -1 || name_ok(m, t->group), "group", t->id);
        INV(task, t->days != 0 && t->days < 0x80 && t->parts != 0 && t->parts < 0x10, "days and parts", t->id);
        INV(task, t->days_fixed || t->days == MW_WEEKDAYS_MASK, "flexible = ma..vr", t->id);
        INV(slot, t->hours_week <= 4.0 * popcount(t->days) * popcount(t->parts), "slots hold the hours", t->id);
        for (int k = 0; k < t->requires.n; k++) {
            int r = t->requires.items[k];
            INV(req, r >= 0 && r < m->n_tasks && r != i && m->tasks[r].employer == t->employer,
                "requires: same employer, not itself", t->id);
        }
        for (int k = 0; k < t->skills.n; k++)
            INV(skills, name_ok(m, t->skills.items[k].name) && t->skills.items[k].level >= 0 &&
                        t->skills.items[k].level <= 5, "task skill", t->id);
        for (int d = 0; d < m->n_dims; d++)
            INV(load, load_ok(&m->dims[d], t->load[d]), "load in range of its kind", t->id);
        if (il >= 0 && is >= 0 && iz >= 0 && m->dims[is].kind == DIM_EXPOSURE)
            INV(load, t->load[il] + t->load[is] + t->load[iz] <= 1 + 1e-9, "lopen+staan+zitten <= 1", t->id);
        if (extra)
            INV(untouched, t->load[d_foo] == 0 && t->load[d_staan] == 0, "unknown dims without load", t->id);
        sum[t->job] += t->hours_week;
        mandatory[t->job] += t->mandatory_in_vacancy;
        INV(vac, !t->mandatory_in_vacancy || m->jobs[t->job].is_vacancy, "mandatory only in vacancies", t->id);
    }
    for (int j = 0; j < m->n_jobs; j++) {
        const Job *jb = &m->jobs[j];
        INV(ids, id_ok(jb->id) && jb->id[0] == 'J' && strlen(jb->id) >= 8, "job id", jb->id);
        INV(ids, j == 0 || strcmp(m->jobs[j - 1].id, jb->id) < 0, "job ids sorted", jb->id);
        INV(index, model_find_job(m, jb->id) == j, "job index", jb->id);
        INV(refs, jb->employer >= 0 && jb->employer < m->n_employers, "job employer", jb->id);
        INV(job, jb->title && *jb->title, "title", jb->id);
        INV(job, jb->wage_hour >= 11 && jb->wage_hour <= 25, "wage 11..25", jb->id);
        INV(job, jb->hours_week >= 24 && jb->hours_week <= 38, "hours 24..38", jb->id);
        INV(job, jb->min_residual_hours >= 0 && jb->min_residual_hours <= jb->hours_week, "0 <= residual <= hours", jb->id);
        INV(job, jb->is_vacancy == 0 || jb->is_vacancy == 1, "is_vacancy", jb->id);
        INV(jobsum, sum[j] <= jb->hours_week + 1e-9, "task hours <= job hours", jb->id);
        INV(jobsum, sum[j] > 0, "a job has tasks", jb->id);
        if (jb->is_vacancy)
            INV(vac, mandatory[j] >= 1 && jb->min_residual_hours == 0, "vacancy: mandatory tasks, may dissolve", jb->id);
    }
    free(sum);
    free(mandatory);

    CHECK(ids == 0);   CHECK(geo == 0);   CHECK(hours == 0);  CHECK(daycap == 0);
    CHECK(avail == 0); CHECK(lw == 0);    CHECK(sup == 0);    CHECK(tasksn == 0);
    CHECK(skills == 0); CHECK(lists == 0); CHECK(refs == 0);  CHECK(lims == 0);
    CHECK(untouched == 0); CHECK(risk == 0); CHECK(fair == 0); CHECK(emp == 0);
    CHECK(acc == 0);   CHECK(joblinks == 0); CHECK(job == 0); CHECK(jobsum == 0);
    CHECK(vac == 0);   CHECK(task == 0);  CHECK(req == 0);    CHECK(load == 0);
    CHECK(slot == 0);  CHECK(index == 0);
}

/* ---- tests -------------------------------------------------------------------------- */

static void test_invariants(void)
{
    Model *m = generate(300, 60, 42, 0);
    CHECK(m != NULL);
    if (!m)
        return;
    CHECK(m->n_candidates == 300);
    CHECK(m->n_employers == 60);
    CHECK(m->n_placements == 0);
    CHECK(m->n_jobs >= 150 && m->n_jobs <= 330);            /* about 4 per employer */
    CHECK(m->n_tasks >= 2 * m->n_jobs && m->n_tasks <= 4 * m->n_jobs);
    CHECK_STR(m->candidates[0].id, "C000001");
    CHECK_STR(m->candidates[299].id, "C000300");
    CHECK_STR(m->employers[0].id, "E00001");
    CHECK_STR(m->jobs[0].id, "J0000001");
    CHECK_STR(m->tasks[0].id, "T00000001");
    check_invariants(m, 0);
    model_free(m);

    /* other sizes and seeds, and a registry with dimensions gen must not touch */
    static const struct { int c, e; uint64_t seed; int extra; } runs[] = {
        {1000, 200, 7, 0}, {50, 3, 1, 1}, {0, 5, 2, 0}, {5, 0, 3, 0}, {1, 1, 0, 1},
    };
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        m = generate(runs[r].c, runs[r].e, runs[r].seed, runs[r].extra);
        CHECK(m != NULL);
        if (!m)
            continue;
        CHECK(m->n_candidates == runs[r].c && m->n_employers == runs[r].e);
        check_invariants(m, runs[r].extra);
        model_free(m);
    }

    /* an empty registry: no limits or loads at all, still valid */
    m = model_new();
    GenParams p = {20, 4, 5};
    CHECK(m && gen_region(m, &p) == MW_OK);
    if (m) {
        CHECK(m->n_candidates == 20 && m->n_tasks > 0);
        check_invariants(m, 0);
    }
    model_free(m);

}

/* The mix of the 2000 x 400 region: every feature of the format appears and
 * the distributions sit where gen.c says they do. */
static void test_mix(void)
{
    Model *m = generate(2000, 400, 11, 0);
    CHECK(m != NULL);
    if (!m)
        return;
    double jobs_per_emp = (double)m->n_jobs / m->n_employers;
    double tasks_per_job = (double)m->n_tasks / m->n_jobs;
    CHECK(jobs_per_emp > 3.2 && jobs_per_emp < 5.0);
    CHECK(tasks_per_job > 2.5 && tasks_per_job < 3.6);

    int sectors_seen = 0, sectors[16];
    for (int i = 0; i < m->n_employers; i++) {
        int s = m->employers[i].sector, seen = 0;
        for (int k = 0; k < sectors_seen; k++)
            seen |= sectors[k] == s;
        if (!seen && sectors_seen < 16)
            sectors[sectors_seen++] = s;
    }
    CHECK(sectors_seen == 10);

    int noncarv = 0, indiv = 0, chunk = 0, reqs = 0, evening = 0, saturday = 0, fixed = 0, tb = 0;
    int trainable = 0, mand = 0;
    for (int i = 0; i < m->n_tasks; i++) {
        const Task *t = &m->tasks[i];
        noncarv += !t->carvable;
        indiv += !t->divisible;
        chunk += t->min_chunk_hours > 0;
        reqs += t->requires.n > 0;
        evening += (t->parts & 4) != 0;
        saturday += (t->days & 0x20) != 0;
        fixed += t->days_fixed;
        tb += t->time_bound;
        mand += t->mandatory_in_vacancy;
        for (int k = 0; k < t->skills.n; k++)
            trainable += t->skills.items[k].trainable;
    }
    CHECK(noncarv > m->n_tasks / 20 && noncarv < m->n_tasks / 3);
    CHECK(indiv > 0 && chunk > 0 && reqs > 0 && evening > 0 && saturday > 0);
    CHECK(fixed > 0 && tb > 0 && trainable > 0 && mand > 0);

    int vac = 0, ends = 0, dissolve = 0;
    for (int j = 0; j < m->n_jobs; j++) {
        vac += m->jobs[j].is_vacancy;
        ends += m->jobs[j].project_end != MW_NO_DATE;
        dissolve += m->jobs[j].min_residual_hours == 0;
    }
    CHECK(vac > 0 && ends > 0 && dissolve > 0 && dissolve < m->n_jobs);

    int exits = 0, policies[3] = {0}, accs = 0;
    for (int i = 0; i < m->n_employers; i++) {
        const Employer *e = &m->employers[i];
        exits += e->supervisor_exit_months != MW_UNSET;
        policies[e->contract_policy]++;
        for (int d = 0; d < m->n_dims; d++)
            accs += e->acc[d] != 0;
    }
    CHECK(exits > 0 && exits < m->n_employers / 4);
    CHECK(policies[0] > 0 && policies[1] > policies[0] && policies[2] > 0);
    CHECK(accs > 0);

    int unknown = 0, none = 0, known = 0, never = 0, knownemp = 0, excl = 0, beschut = 0;
    int consent = 0, all_slots = 0, regions = 0, region_seen[64] = {0};
    int hours_ok = 0;
    static const int case_hours[] = {10, 16, 20, 21, 24, 28, 30, 32, 34, 36};
    for (int i = 0; i < m->n_candidates; i++) {
        const Candidate *c = &m->candidates[i];
        for (int d = 0; d < m->n_dims; d++) {
            unknown += c->lim_state[d] == LIM_UNKNOWN;
            none += c->lim_state[d] == LIM_NONE;
            known += c->lim_state[d] == LIM_KNOWN;
        }
        never += c->dislikes_never.n > 0;
        knownemp += c->known_employers.n > 0;
        excl += c->excluded_employers.n > 0;
        beschut += strcmp(model_name(m, c->regime), "beschut") == 0;
        consent += c->consent_employer_view;
        all_slots += c->availability == (1u << MW_SLOTS) - 1;
        if (c->region >= 0 && c->region < 64 && !region_seen[c->region]) {
            region_seen[c->region] = 1;
            regions++;
        }
        for (int k = 0; k < 10; k++)
            hours_ok += c->max_hours_week == case_hours[k];
    }
    int cells = m->n_candidates * m->n_dims;
    CHECK(unknown > 0 && unknown < cells / 10);
    CHECK(none > cells / 2);                   /* many dimensions without limit */
    CHECK(known > cells / 20);
    CHECK(never > 0 && knownemp > 20 && knownemp < 150 && excl > 0 && excl < knownemp);
    CHECK(beschut > m->n_candidates / 30 && beschut < m->n_candidates / 5);
    CHECK(consent > m->n_candidates / 2 && consent < m->n_candidates);
    CHECK(all_slots > 0);
    CHECK(regions >= 15);
    CHECK(hours_ok > m->n_candidates * 9 / 10);   /* the weekly hours of the cases */
    model_free(m);
}

static int write_dir(const Model *m, const char *dir, const TablesDialect *d, int with_dims)
{
    MwErrors err;
    mw_errors_init(&err, 10);
    int rc = tables_write_dir(m, dir, d, with_dims, &err);
    for (int i = 0; i < err.n; i++) {
        char b[700];
        mw_error_format(&err.items[i], b, sizeof b);
        fprintf(stderr, "  %s\n", b);
    }
    mw_errors_free(&err);
    return rc;
}

static int write_json(const Model *m, const char *path)
{
    MwErrors err;
    mw_errors_init(&err, 10);
    int rc = tables_write_json(m, path, &err);
    mw_errors_free(&err);
    return rc;
}

static void test_determinism(const char *root)
{
    char a[512], b[512], c[512], fa[1024], fb[1024];
    path2(a, sizeof a, root, "det_a");
    path2(b, sizeof b, root, "det_b");
    path2(c, sizeof c, root, "det_c");
    Model *m1 = generate(300, 60, 42, 0), *m2 = generate(300, 60, 42, 0), *m3 = generate(300, 60, 43, 0);
    CHECK(m1 && m2 && m3);
    if (m1 && m2 && m3) {
        CHECK(write_dir(m1, a, NULL, 1) == MW_OK);
        CHECK(write_dir(m2, b, NULL, 1) == MW_OK);
        CHECK(write_dir(m3, c, NULL, 1) == MW_OK);
        for (int k = 0; k < 4; k++) {
            path2(fa, sizeof fa, a, table_files[k]);
            path2(fb, sizeof fb, b, table_files[k]);
            CHECK(same_file(fa, fb));
            path2(fb, sizeof fb, c, table_files[k]);
            CHECK(!same_file(fa, fb));
        }
        path2(fa, sizeof fa, a, "data.json");
        path2(fb, sizeof fb, b, "data.json");
        CHECK(write_json(m1, fa) == MW_OK && write_json(m2, fb) == MW_OK);
        CHECK(same_file(fa, fb));
        /* writing the same model twice gives the same bytes */
        CHECK(write_dir(m1, b, NULL, 1) == MW_OK);
        path2(fa, sizeof fa, a, "tasks.csv");
        path2(fb, sizeof fb, b, "tasks.csv");
        CHECK(same_file(fa, fb));
        /* the written tables are well-formed CSV with the expected columns */
        Csv t;
        CHECK(csv_read(a, "tasks.csv", ',', &t));
        CHECK(t.nrows == m1->n_tasks + 1);
        CHECK(csv_col(&t, "load.tillen") >= 0 && csv_col(&t, "load.staan") >= 0);
        CHECK_STR(csv_get(&t, 0, "id"), m1->tasks[0].id);
        csv_free(&t);
        Csv cs;
        CHECK(csv_read(a, "candidates.csv", ',', &cs));
        CHECK(cs.nrows == 301 && cs.ncols == 36 + N_STD - 2);
        CHECK(csv_col(&cs, "lim.heftruck") >= 0);
        csv_free(&cs);
        path2(fa, sizeof fa, a, "dimensions.csv");
        CHECK(exists(fa));
        path2(fa, sizeof fa, a, "placements.csv");
        CHECK(!exists(fa));
    }
    model_free(m1);
    model_free(m2);
    model_free(m3);
}

/* A hand-built model whose every written cell is known. */
static Model *hand_model(void)
{
    Model *m = model_with_dims(0);
    MwArena *a = &m->arena;
    int nd = m->n_dims;
    int tillen = model_dim_find(m, "tillen"), staan = model_dim_find(m, "staan");
    int prikkels = model_dim_find(m, "prikkels"), scherm = model_dim_find(m, "beeldscherm");

    m->n_employers = 2;
    m->employers = mw_arena_alloc(a, 2 * sizeof *m->employers);
    for (int i = 0; i < 2; i++) {
        Employer *e = &m->employers[i];
        e->id = i ? "E2" : "E1";
        e->name = i ? "Bakker \"De Korenaar\"" : "Kantoor; Noord";
        e->sector = model_intern(m, "office");
        e->lat = 52.09;
        e->lon = 5.12;
        e->employees = 40;
        e->max_new_placements = 1;
        e->supervision_min_day = 90;
        e->working_days = 5;
        e->affinity = 2;
        e->contract_policy = CONTRACT_PERM;
        e->accepts_trial = 1;
        e->supervisor_exit_months = i ? MW_UNSET : 6;
        e->result_orientation = 1;
        e->acc = mw_arena_alloc(a, sizeof(double) * (size_t)nd);
    }
    m->employers[0].acc[prikkels] = 1;

    m->n_jobs = 1;
    m->jobs = mw_arena_alloc(a, sizeof *m->jobs);
    m->jobs[0] = (Job){.id = "J1", .title = "administratief medewerker", .employer = 0,
                       .wage_hour = 15.5, .hours_week = 32, .min_residual_hours = 8,
                       .project_end = mw_days_from_civil(2026, 3, 1)};

    m->n_tasks = 3;
    m->tasks = mw_arena_alloc(a, 3 * sizeof *m->tasks);
    for (int i = 0; i < 3; i++) {
        Task *t = &m->tasks[i];
        static const char *const ids[3] = {"T1", "T2", "T3"};
        t->id = ids[i];
        t->name = i == 2 ? " post rondbrengen" : "scannen";
        t->employer = 0;
        t->job = 0;
        t->category = model_intern(m, "administratie");
        t->hours_week = 4 + i;
        t->days = MW_WEEKDAYS_MASK;
        t->parts = MW_DAYTIME_PARTS;
        t->divisible = 1;
        t->carvable = 1;
        t->group = -1;
        t->load = mw_arena_alloc(a, sizeof(double) * (size_t)nd);
    }
    m->tasks[0].load[tillen] = 2;
    m->tasks[0].load[staan] = 0.35;
    m->tasks[0].load[scherm] = 0.00005;           /* would print with an exponent */
    m->tasks[1].days = 0x15;                      /* ma|wo|vr */
    m->tasks[1].days_fixed = 1;
    m->tasks[1].parts = 1 | 4;                    /* ochtend|avond */
    m->tasks[1].min_chunk_hours = 1.5;
    m->tasks[1].group = model_intern(m, "archief");
    m->tasks[1].requires.n = 1;
    m->tasks[1].requires.items = mw_arena_alloc(a, sizeof(int));
    m->tasks[1].requires.items[0] = 0;
    m->tasks[1].skills.n = 2;
    m->tasks[1].skills.items = mw_arena_alloc(a, 2 * sizeof(SkillLevel));
    m->tasks[1].skills.items[0] = (SkillLevel){model_intern(m, "computer"), 2, 1};
    m->tasks[1].skills.items[1] = (SkillLevel){model_intern(m, "scanner"), 1, 0};
    m->tasks[2].days = 0x0F;                      /* ma-do */
    m->tasks[2].days_fixed = 1;
    m->tasks[2].divisible = 0;
    m->tasks[2].time_bound = 1;

    m->n_candidates = 2;
    m->candidates = mw_arena_alloc(a, 2 * sizeof *m->candidates);
    for (int i = 0; i < 2; i++) {
        Candidate *c = &m->candidates[i];
        c->id = i ? "C2" : "C1";
        c->region = i ? -1 : model_intern(m, "Wijk bij Duurstede");
        c->lat = 52.0;
        c->lon = 5.25;
        c->max_travel_min = 30;
        c->travel_mode = TRAVEL_PT;
        c->min_hours_week = 10;
        c->max_hours_week = 24;
        c->pref_hours_week = 20.5;
        c->max_hours_day = 6;
        c->max_days_week = 4;
        c->availability = (1u << MW_SLOTS) - 1;
        c->loonwaarde = 0.55;
        c->support_min_day = 45;
        c->lim = mw_arena_alloc(a, sizeof(double) * (size_t)nd);
        c->lim_state = mw_arena_alloc(a, (size_t)nd);
        c->category = c->education = c->regime = -1;
        c->age = -1;
        c->months_unemployed = -1;
    }
    Candidate *c = &m->candidates[0];
    uint32_t weekdays = 0;
    for (int d = 0; d < 5; d++)
        weekdays |= MW_SLOT(d, 0) | MW_SLOT(d, 1);
    c->availability = weekdays | MW_SLOT(5, 0);
    c->lim_state[tillen] = LIM_KNOWN;
    c->lim[tillen] = 1;
    c->lim_state[staan] = LIM_KNOWN;
    c->lim[staan] = 2.5;
    c->lim_state[prikkels] = LIM_UNKNOWN;
    c->skills.n = 1;
    c->skills.items = mw_arena_alloc(a, sizeof(SkillLevel));
    c->skills.items[0] = (SkillLevel){model_intern(m, "computer"), 3, 0};
    int cat_post = model_intern(m, "post"), cat_afwas = model_intern(m, "afwas");
    int cat_schoon = model_intern(m, "schoonmaak");
    c->likes.n = 1;
    c->likes.items = mw_arena_alloc(a, sizeof(int));
    c->likes.items[0] = cat_post;
    c->dislikes.n = 2;
    c->dislikes.items = mw_arena_alloc(a, 2 * sizeof(int));
    c->dislikes.items[0] = cat_afwas;
    c->dislikes.items[1] = cat_schoon;
    c->dislikes_never.n = 1;
    c->dislikes_never.items = mw_arena_alloc(a, sizeof(int));
    c->dislikes_never.items[0] = cat_schoon;
    c->known_employers.n = 2;
    c->known_employers.items = mw_arena_alloc(a, 2 * sizeof(int));
    c->known_employers.items[0] = 1;
    c->known_employers.items[1] = 0;
    c->age = 22;
    c->category = model_intern(m, "lvb");
    c->first_job = 1;
    c->capacity_profile = CAP_FLUCTUATING;
    c->consent_employer_view = 1;
    c->notes.n = 1;
    c->notes.keys = mw_arena_alloc(a, sizeof(char *));
    c->notes.vals = mw_arena_alloc(a, sizeof(char *));
    c->notes.keys[0] = "x_bron";
    c->notes.vals[0] = "stage\nbij E2";
    Candidate *c2 = &m->candidates[1];
    c2->availability = MW_SLOT(0, 0) | MW_SLOT(2, 0) | MW_SLOT(6, 3);   /* ma+wo:ochtend|zo:nacht */
    c2->notes.n = 2;
    c2->notes.keys = mw_arena_alloc(a, 2 * sizeof(char *));
    c2->notes.vals = mw_arena_alloc(a, 2 * sizeof(char *));
    c2->notes.keys[0] = "coach";                  /* stored without the x_ */
    c2->notes.vals[0] = "Anna";
    c2->notes.keys[1] = "x_bron";
    c2->notes.vals[1] = " eigen voorstel";

    m->n_placements = 1;
    m->placements = mw_arena_alloc(a, sizeof *m->placements);
    Placement *p = &m->placements[0];
    p->id = "P1";
    p->candidate = 0;
    p->employer = 0;
    p->n_hours = 2;
    p->hours = mw_arena_alloc(a, 2 * sizeof(TaskHours));
    p->hours[0] = (TaskHours){0, 2.5};
    p->hours[1] = (TaskHours){1, 3};
    p->phase = PHASE_TRIAL;
    p->start = mw_days_from_civil(2026, 1, 5);
    p->trial_end = mw_days_from_civil(2026, 3, 2);
    p->contract_end = MW_NO_DATE;
    for (int t = MODEL_CANDIDATES; t <= MODEL_TASKS; t++)
        model_index(m, t);
    return m;
}

static void test_cells(const char *root)
{
    Model *m = hand_model();
    char dir[512];
    path2(dir, sizeof dir, root, "cells/nested");      /* parents are created too */
    CHECK(write_dir(m, dir, NULL, 0) == MW_OK);
    CHECK(file_mode(dir) == 0700);
    char f[1024];
    for (int k = 0; k < 4; k++) {
        path2(f, sizeof f, dir, table_files[k]);
        CHECK(file_mode(f) == 0600);
    }
    path2(f, sizeof f, dir, "placements.csv");
    CHECK(file_mode(f) == 0600);
    path2(f, sizeof f, dir, "dimensions.csv");
    CHECK(!exists(f));
    CHECK(count_hidden(dir) == 0);                   /* no temporary files left */

    Csv c;
    CHECK(csv_read(dir, "candidates.csv", ',', &c));
    CHECK(c.nrows == 3);
    CHECK_STR(c.cells[0], "id");
    CHECK_STR(csv_get(&c, 0, "region"), "Wijk bij Duurstede");
    CHECK_STR(csv_get(&c, 1, "region"), "");
    CHECK_STR(csv_get(&c, 0, "travel_mode"), "pt");
    CHECK_STR(csv_get(&c, 0, "pref_hours_week"), "20.5");
    CHECK_STR(csv_get(&c, 0, "availability"), "ma-vr:ochtend+middag|za:ochtend");
    CHECK_STR(csv_get(&c, 1, "availability"), "ma+wo:ochtend|zo:nacht");
    CHECK_STR(csv_get(&c, 0, "loonwaarde"), "0.55");
    CHECK_STR(csv_get(&c, 0, "skills"), "computer:3");
    CHECK_STR(csv_get(&c, 0, "likes"), "post");
    CHECK_STR(csv_get(&c, 0, "dislikes"), "afwas|schoonmaak!");
    CHECK_STR(csv_get(&c, 0, "known_employers"), "E2|E1");
    CHECK_STR(csv_get(&c, 0, "excluded_employers"), "");
    CHECK_STR(csv_get(&c, 0, "lim.tillen"), "1");
    CHECK_STR(csv_get(&c, 0, "lim.staan"), "2.5");
    CHECK_STR(csv_get(&c, 0, "lim.prikkels"), "?");
    CHECK_STR(csv_get(&c, 0, "lim.zien"), "");
    CHECK(csv_col(&c, "lim.heftruck") >= 0);         /* every dimension has a lim. column */
    CHECK_STR(csv_get(&c, 0, "first_job"), "1");
    CHECK_STR(csv_get(&c, 0, "capacity_profile"), "fluctuating");
    CHECK_STR(csv_get(&c, 0, "age"), "22");
    CHECK_STR(csv_get(&c, 1, "age"), "");
    CHECK_STR(csv_get(&c, 1, "months_unemployed"), "");
    CHECK_STR(csv_get(&c, 0, "category"), "lvb");
    CHECK_STR(csv_get(&c, 0, "consent_employer_view"), "1");
    CHECK_STR(csv_get(&c, 0, "x_bron"), "stage\nbij E2");
    CHECK_STR(csv_get(&c, 1, "x_bron"), " eigen voorstel");
    CHECK_STR(csv_get(&c, 0, "x_coach"), "");
    CHECK_STR(csv_get(&c, 1, "x_coach"), "Anna");
    CHECK(csv_col(&c, "x_bron") < csv_col(&c, "x_coach"));   /* first-seen order */
    CHECK(csv_col(&c, "x_bron") == c.ncols - 2);
    csv_free(&c);

    CHECK(csv_read(dir, "employers.csv", ',', &c));
    CHECK_STR(csv_get(&c, 0, "name"), "Kantoor; Noord");
    CHECK_STR(csv_get(&c, 1, "name"), "Bakker \"De Korenaar\"");
    CHECK_STR(csv_get(&c, 0, "supervisor_exit_months"), "6");
    CHECK_STR(csv_get(&c, 1, "supervisor_exit_months"), "");
    CHECK_STR(csv_get(&c, 0, "contract_policy"), "perm");
    CHECK_STR(csv_get(&c, 0, "acc.prikkels"), "1");
    CHECK_STR(csv_get(&c, 1, "acc.prikkels"), "0");
    CHECK(csv_col(&c, "acc.tillen") < 0);            /* all-zero acc columns are left out */
    csv_free(&c);

    CHECK(csv_read(dir, "jobs.csv", ',', &c));
    CHECK_STR(csv_get(&c, 0, "project_end"), "2026-03-01");
    CHECK_STR(csv_get(&c, 0, "wage_hour"), "15.5");
    CHECK_STR(csv_get(&c, 0, "employer_id"), "E1");
    csv_free(&c);

    CHECK(csv_read(dir, "tasks.csv", ',', &c));
    CHECK_STR(csv_get(&c, 0, "days"), "");
    CHECK_STR(csv_get(&c, 1, "days"), "ma|wo|vr");
    CHECK_STR(csv_get(&c, 2, "days"), "ma-do");
    CHECK_STR(csv_get(&c, 0, "part"), "ochtend|middag");
    CHECK_STR(csv_get(&c, 1, "part"), "ochtend|avond");
    CHECK_STR(csv_get(&c, 1, "min_chunk_hours"), "1.5");
    CHECK_STR(csv_get(&c, 1, "group"), "archief");
    CHECK_STR(csv_get(&c, 0, "group"), "");
    CHECK_STR(csv_get(&c, 1, "requires"), "T1");
    CHECK_STR(csv_get(&c, 1, "skills"), "computer:2+|scanner:1");
    CHECK_STR(csv_get(&c, 2, "divisible"), "0");
    CHECK_STR(csv_get(&c, 2, "time_bound"), "1");
    CHECK_STR(csv_get(&c, 2, "name"), " post rondbrengen");
    CHECK_STR(csv_get(&c, 0, "load.tillen"), "2");
    CHECK_STR(csv_get(&c, 0, "load.staan"), "0.35");
    CHECK_STR(csv_get(&c, 0, "load.beeldscherm"), "0.00005");
    CHECK_STR(csv_get(&c, 1, "load.tillen"), "0");
    CHECK(csv_col(&c, "load.zien") < 0);
    csv_free(&c);

    CHECK(csv_read(dir, "placements.csv", ',', &c));
    CHECK_STR(csv_get(&c, 0, "tasks"), "T1:2.5|T2:3");
    CHECK_STR(csv_get(&c, 0, "phase"), "trial");
    CHECK_STR(csv_get(&c, 0, "start"), "2026-01-05");
    CHECK_STR(csv_get(&c, 0, "trial_end"), "2026-03-02");
    CHECK_STR(csv_get(&c, 0, "contract_end"), "");
    CHECK_STR(csv_get(&c, 0, "candidate_id"), "C1");
    csv_free(&c);

    /* the raw text: quoting only where needed */
    path2(f, sizeof f, dir, "employers.csv");
    char *text = slurp(f, NULL);
    CHECK(text && strstr(text, ",\"Bakker \"\"De Korenaar\"\"\",") != NULL);
    CHECK(text && strstr(text, ",Kantoor; Noord,") != NULL);
    CHECK(text && text[0] == 'i' && !strchr(text, '\r'));
    free(text);

    /* a model without placements removes a placements.csv left from before */
    int np = m->n_placements;
    m->n_placements = 0;
    CHECK(write_dir(m, dir, NULL, 1) == MW_OK);
    path2(f, sizeof f, dir, "placements.csv");
    CHECK(!exists(f));
    path2(f, sizeof f, dir, "dimensions.csv");
    CHECK(exists(f));
    m->n_placements = np;

    /* Excel-style dialect: ';', decimal comma, BOM, CRLF */
    char dir2[512];
    path2(dir2, sizeof dir2, root, "excel");
    TablesDialect excel = {';', 1, 1, 1};
    CHECK(write_dir(m, dir2, &excel, 1) == MW_OK);
    CHECK(csv_read(dir2, "candidates.csv", ';', &c));
    CHECK_STR(csv_get(&c, 0, "lim.staan"), "2,5");
    CHECK_STR(csv_get(&c, 0, "loonwaarde"), "0,55");
    CHECK_STR(csv_get(&c, 0, "lat"), "52");
    CHECK_STR(csv_get(&c, 0, "lon"), "5,25");
    CHECK_STR(csv_get(&c, 0, "availability"), "ma-vr:ochtend+middag|za:ochtend");
    csv_free(&c);
    CHECK(csv_read(dir2, "placements.csv", ';', &c));
    CHECK_STR(csv_get(&c, 0, "tasks"), "T1:2,5|T2:3");
    csv_free(&c);
    CHECK(csv_read(dir2, "employers.csv", ';', &c));
    CHECK_STR(csv_get(&c, 0, "name"), "Kantoor; Noord");
    csv_free(&c);
    CHECK(csv_read(dir2, "dimensions.csv", ';', &c));
    CHECK(c.nrows == N_STD + 1);
    CHECK_STR(csv_get(&c, 12, "name"), "lopen");
    CHECK_STR(csv_get(&c, 12, "kind"), "exposure");
    CHECK_STR(csv_get(&c, 12, "max"), "8");
    CHECK_STR(csv_get(&c, 0, "description"), "test, with a comma");
    csv_free(&c);
    path2(f, sizeof f, dir2, "tasks.csv");
    text = slurp(f, NULL);
    static const char bom_header[] = "\xEF\xBB\xBF" "id;employer_id;";
    CHECK(text && memcmp(text, bom_header, sizeof bom_header - 1) == 0);
    CHECK(text && strstr(text, "\r\n") != NULL);
    int bare_lf = 0;
    for (const char *q = text; q && *q; q++)
        bare_lf += *q == '\n' && (q == text || q[-1] != '\r');
    CHECK(bare_lf == 0);
    free(text);

    /* ',' with decimal comma: numbers get quoted */
    char dir3[512];
    path2(dir3, sizeof dir3, root, "commacomma");
    TablesDialect cc = {',', 1, 0, 0};
    CHECK(write_dir(m, dir3, &cc, 0) == MW_OK);
    CHECK(csv_read(dir3, "candidates.csv", ',', &c));
    CHECK_STR(csv_get(&c, 0, "lim.staan"), "2,5");
    csv_free(&c);
    path2(f, sizeof f, dir3, "candidates.csv");
    text = slurp(f, NULL);
    CHECK(text && strstr(text, ",\"2,5\",") != NULL);
    free(text);

    /* tabs */
    char dir4[512];
    path2(dir4, sizeof dir4, root, "tabs");
    TablesDialect tab = {'\t', 0, 0, 0};
    CHECK(write_dir(m, dir4, &tab, 0) == MW_OK);
    CHECK(csv_read(dir4, "tasks.csv", '\t', &c));
    CHECK_STR(csv_get(&c, 1, "skills"), "computer:2+|scanner:1");
    csv_free(&c);
    model_free(m);
}

static void test_json(const char *root)
{
    Model *m = hand_model();
    char path[512];
    path2(path, sizeof path, root, "data.json");
    CHECK(write_json(m, path) == MW_OK);
    CHECK(file_mode(path) == 0600);
    CHECK(count_hidden(root) == 0);
    char *text = slurp(path, NULL);
    cJSON *root_obj = text ? cJSON_Parse(text) : NULL;
    CHECK(root_obj != NULL);
    if (root_obj) {
        cJSON *cands = cJSON_GetObjectItemCaseSensitive(root_obj, "candidates");
        CHECK(cJSON_IsArray(cands) && cJSON_GetArraySize(cands) == 2);
        cJSON *c0 = cJSON_GetArrayItem(cands, 0), *c1 = cJSON_GetArrayItem(cands, 1);
        CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c0, "id")), "C1");
        cJSON *lim = cJSON_GetObjectItemCaseSensitive(c0, "lim");
        CHECK(cJSON_IsObject(lim) && cJSON_GetArraySize(lim) == N_STD);
        CHECK(cJSON_GetObjectItemCaseSensitive(lim, "staan")->valuedouble == 2.5);
        CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(lim, "prikkels")), "?");
        CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(lim, "zien")));
        CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(c1, "region")));
        CHECK(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c0, "first_job")));
        CHECK(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(c1, "first_job")));
        CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c0, "dislikes")), "afwas|schoonmaak!");
        cJSON *x0 = cJSON_GetObjectItemCaseSensitive(c0, "x"), *x1 = cJSON_GetObjectItemCaseSensitive(c1, "x");
        CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(x0, "bron")), "stage\nbij E2");
        CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(x0, "coach")));
        CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(x1, "coach")), "Anna");
        cJSON *tasks = cJSON_GetObjectItemCaseSensitive(root_obj, "tasks");
        cJSON *t0 = cJSON_GetArrayItem(tasks, 0);
        cJSON *load = cJSON_GetObjectItemCaseSensitive(t0, "load");
        CHECK(cJSON_GetObjectItemCaseSensitive(load, "tillen")->valuedouble == 2);
        CHECK(cJSON_GetObjectItemCaseSensitive(load, "beeldscherm")->valuedouble == 0.00005);
        CHECK(cJSON_GetObjectItemCaseSensitive(t0, "load.tillen") == NULL);
        cJSON *emps = cJSON_GetObjectItemCaseSensitive(root_obj, "employers");
        cJSON *acc = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(emps, 0), "acc");
        CHECK(cJSON_GetObjectItemCaseSensitive(acc, "prikkels")->valuedouble == 1);
        cJSON *pl = cJSON_GetObjectItemCaseSensitive(root_obj, "placements");
        CHECK(cJSON_GetArraySize(pl) == 1);
        CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(pl, 0), "tasks")),
                  "T1:2.5|T2:3");
        CHECK(cJSON_GetObjectItemCaseSensitive(root_obj, "dimensions") == NULL);
        CHECK(cJSON_GetObjectItemCaseSensitive(root_obj, "policy") == NULL);
        cJSON_Delete(root_obj);
    }
    free(text);
    model_free(m);
}

static void test_io_errors(const char *root)
{
    Model *m = hand_model();
    char file[512], dir[600];
    path2(file, sizeof file, root, "plain_file");
    FILE *f = fopen(file, "w");
    if (f) {
        fputs("x\n", f);
        fclose(f);
    }
    snprintf(dir, sizeof dir, "%s/sub", file);      /* a directory under a regular file */
    MwErrors err;
    mw_errors_init(&err, 10);
    CHECK(tables_write_dir(m, dir, NULL, 0, &err) == MW_EIO);
    CHECK(err.n == 1);
    if (err.n) {
        char b[700];
        mw_error_format(&err.items[0], b, sizeof b);
        CHECK(strstr(b, "plain_file") != NULL);
        CHECK(strstr(b, strerror(ENOTDIR)) != NULL);
    }
    mw_errors_free(&err);

    mw_errors_init(&err, 10);
    snprintf(dir, sizeof dir, "%s/data.json", file);
    CHECK(tables_write_json(m, dir, &err) == MW_EIO);
    CHECK(err.n == 1);
    mw_errors_free(&err);

    /* a read-only directory: nothing written, nothing left behind (root
     * ignores permissions, so only checked when they apply) */
    char ro[512];
    path2(ro, sizeof ro, root, "readonly");
    mkdir(ro, 0500);
    char probe[600];
    snprintf(probe, sizeof probe, "%s/probe", ro);
    FILE *pf = fopen(probe, "w");
    if (pf) {
        fclose(pf);
        unlink(probe);
    } else {
        mw_errors_init(&err, 10);
        CHECK(tables_write_dir(m, ro, NULL, 0, &err) == MW_EIO);
        CHECK(err.n == 1 && strstr(err.items[0].msg, "temporary") != NULL);
        mw_errors_free(&err);
        char cand[700];
        snprintf(cand, sizeof cand, "%s/candidates.csv", ro);
        CHECK(!exists(cand));
    }
    chmod(ro, 0700);
    model_free(m);
}

/* Every allocation failure is reported as MW_ENOMEM, never a crash or leak,
 * and a failed write leaves no file behind. */
static void test_alloc_failures(const char *root)
{
    int failures = 0, bad = 0, n;
    for (n = 1; n < 5000; n++) {
        Model *m = model_with_dims(1);
        if (!m)
            break;
        GenParams p = {12, 4, 77};
        mw_alloc_fail_at(n);
        int rc = gen_region(m, &p);
        mw_alloc_fail_at(0);
        model_free(m);
        if (rc == MW_OK)
            break;
        failures++;
        bad += rc != MW_ENOMEM;
    }
    CHECK(failures > 20);
    CHECK(bad == 0);
    CHECK(n < 5000);

    Model *m = hand_model();
    char dir[512];
    path2(dir, sizeof dir, root, "oom");
    mkdir(dir, 0700);
    failures = bad = 0;
    int leftovers = 0;
    for (n = 1; n < 5000; n++) {
        mw_alloc_fail_at(n);
        int rc = tables_write_dir(m, dir, NULL, 1, NULL);
        mw_alloc_fail_at(0);
        if (rc == MW_OK)
            break;
        failures++;
        bad += rc != MW_ENOMEM;
        leftovers += count_hidden(dir);
        char f[700];
        path2(f, sizeof f, dir, "candidates.csv");
        leftovers += exists(f);
    }
    CHECK(failures > 10);
    CHECK(bad == 0);
    CHECK(leftovers == 0);
    CHECK(n < 5000);
    model_free(m);
}

int main(void)
{
    char root[] = "/tmp/test_gen.XXXXXX";
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 1;
    }
    test_invariants();
    test_mix();
    test_determinism(root);
    test_cells(root);
    test_json(root);
    test_io_errors(root);
    test_alloc_failures(root);
    rm_tree(root);
    return check_report("test_gen");
}
