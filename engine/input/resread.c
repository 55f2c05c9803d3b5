/* resread.c — reads an earlier run's results.json into a ResultsView
 * (engine/core/weekly.h): the proposal per candidate (employer, task ids,
 * hours, work, the placement it keeps), the run's candidates, the input
 * fingerprints and the monitoring signals. Only the fields the weekly tools
 * use are read; the rest of the file is not checked. Layer: input. Knows
 * nothing about solving or output.
 */
#include "resread.h"

#include <cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *display;
    MwErrors *err;
    MwArena *arena;
    int status;               /* MW_OK, MW_EINPUT or MW_ENOMEM */
} Reader;

/* An error at the key path where.key (e.g. "proposal[3].employer"). */
static void bad(Reader *R, const char *where, const char *key, const char *what)
{
    char path[160];
    snprintf(path, sizeof path, "%s%s%s", where, where[0] && key[0] ? "." : "", key);
    mw_error_add(R->err, R->display, 0, path, "", "%s", what);
    if (R->status == MW_OK)
        R->status = MW_EINPUT;
}

static const char *dup(Reader *R, const char *s)
{
    char *c = s ? mw_arena_strdup(R->arena, s) : NULL;
    if (s && !c)
        R->status = MW_ENOMEM;
    return c;
}

/* A required string member key of o (NULL after an error). */
static const char *str_at(Reader *R, const cJSON *o, const char *where, const char *key, int required)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!it || cJSON_IsNull(it)) {
        if (required)
            bad(R, where, key, "expected a string");
        return NULL;
    }
    if (!cJSON_IsString(it)) {
        bad(R, where, key, "expected a string");
        return NULL;
    }
    return dup(R, it->valuestring);
}

static double num_at(Reader *R, const cJSON *o, const char *where, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(it)) {
        bad(R, where, key, "expected a number");
        return 0;
    }
    return it->valuedouble;
}

/* The index of member key's string among names (n of them), or 0 after an error. */
static int name_at(Reader *R, const cJSON *o, const char *where, const char *key, const char *const *names, int n,
                   const char *what)
{
    const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
    for (int i = 0; s && i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    bad(R, where, key, what);
    return 0;
}

/* Room in the arena for one element of size elem per item of arr (and one
 * more); NULL with R->status MW_ENOMEM on OOM. */
static void *items_alloc(Reader *R, const cJSON *arr, size_t elem)
{
    void *p = mw_arena_alloc(R->arena, elem * (size_t)(cJSON_GetArraySize(arr) + 1));
    if (!p)
        R->status = MW_ENOMEM;
    return p;
}

static void read_match(Reader *R, const cJSON *o, int i, ViewMatch *vm)
{
    char where[64];
    snprintf(where, sizeof where, "proposal[%d]", i);
    if (!cJSON_IsObject(o)) {
        bad(R, where, "", "expected an object");
        return;
    }
    vm->candidate = str_at(R, o, where, "candidate", 1);
    vm->employer = str_at(R, o, where, "employer", 1);
    vm->placement = str_at(R, o, where, "placement", 0);
    vm->fixed = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "fixed"));
    const cJSON *pk = cJSON_GetObjectItemCaseSensitive(o, "package");
    const cJSON *tasks = cJSON_GetObjectItemCaseSensitive(pk, "tasks");
    if (!cJSON_IsArray(tasks)) {
        bad(R, where, "package.tasks", "expected an array");
        return;
    }
    if (!(vm->task = items_alloc(R, tasks, sizeof *vm->task)) || !(vm->hours = items_alloc(R, tasks, sizeof(double))) ||
        !(vm->work = items_alloc(R, tasks, sizeof(double))))
        return;
    int k = 0;
    for (const cJSON *t = tasks->child; t && R->status == MW_OK; t = t->next, k++) {
        char tw[96];
        snprintf(tw, sizeof tw, "%s.package.tasks[%d]", where, k);
        vm->task[k] = str_at(R, t, tw, "id", 1);
        vm->hours[k] = num_at(R, t, tw, "hours");
        vm->work[k] = num_at(R, t, tw, "work");
    }
    vm->n = k;
    const cJSON *sched = cJSON_GetObjectItemCaseSensitive(pk, "schedule");
    if (!sched || R->status != MW_OK)
        return;
    if (!cJSON_IsArray(sched)) {
        bad(R, where, "package.schedule", "expected an array");
        return;
    }
    if (!(vm->slot_task = items_alloc(R, sched, sizeof *vm->slot_task)) ||
        !(vm->slot_day = items_alloc(R, sched, sizeof(int))) || !(vm->slot_part = items_alloc(R, sched, sizeof(int))) ||
        !(vm->slot_hours = items_alloc(R, sched, sizeof(double))))
        return;
    k = 0;
    for (const cJSON *t = sched->child; t && R->status == MW_OK; t = t->next, k++) {
        char tw[96];
        snprintf(tw, sizeof tw, "%s.package.schedule[%d]", where, k);
        vm->slot_task[k] = str_at(R, t, tw, "task", 1);
        vm->slot_hours[k] = num_at(R, t, tw, "hours");
        vm->slot_day[k] = name_at(R, t, tw, "day", mw_day_names, MW_DAYS, "expected a day ma..zo");
        vm->slot_part[k] = name_at(R, t, tw, "part", mw_part_names, MW_PARTS,
                                   "expected a part ochtend, middag, avond or nacht");
    }
    vm->n_slots = k;
}

static void read_prints(Reader *R, const cJSON *arr, const char *where, ViewPrint **out, int *n)
{
    if (!arr)
        return;
    if (!cJSON_IsArray(arr)) {
        bad(R, "fingerprints", where, "expected an array");
        return;
    }
    if (!(*out = items_alloc(R, arr, sizeof **out)))
        return;
    int k = 0;
    for (const cJSON *it = arr->child; it && R->status == MW_OK; it = it->next, k++) {
        char w[64];
        snprintf(w, sizeof w, "fingerprints.%s[%d]", where, k);
        (*out)[k].id = str_at(R, it, w, "id", 1);
        (*out)[k].fp = str_at(R, it, w, "sha256", 1);
    }
    *n = k;
}

static void read_view(Reader *R, const cJSON *root, ResultsView *v)
{
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
    if (!cJSON_IsString(schema) || strcmp(schema->valuestring, "maatwerk.results/1") != 0) {
        bad(R, "", "schema", "expected \"maatwerk.results/1\" (a results.json of maatwerk run)");
        return;
    }
    const cJSON *prop = cJSON_GetObjectItemCaseSensitive(root, "proposal");
    if (!cJSON_IsArray(prop)) {
        bad(R, "", "proposal", "expected an array");
        return;
    }
    if (!(v->matches = items_alloc(R, prop, sizeof *v->matches)))
        return;
    int i = 0;
    for (const cJSON *it = prop->child; it && R->status == MW_OK; it = it->next, i++)
        read_match(R, it, i, &v->matches[i]);
    v->n_matches = i;

    const cJSON *params = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "meta"), "parameters");
    const cJSON *date = cJSON_GetObjectItemCaseSensitive(params, "date");
    v->date = cJSON_IsString(date) ? dup(R, date->valuestring) : NULL;

    const cJSON *sc = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "shortlists"), "candidates");
    if (cJSON_IsArray(sc)) {
        if (!(v->candidates = items_alloc(R, sc, sizeof *v->candidates)))
            return;
        int k = 0;
        for (const cJSON *it = sc->child; it && R->status == MW_OK; it = it->next, k++) {
            char w[64];
            snprintf(w, sizeof w, "shortlists.candidates[%d]", k);
            v->candidates[k] = str_at(R, it, w, "candidate", 1);
        }
        v->n_candidates = k;
    }

    const cJSON *fp = cJSON_GetObjectItemCaseSensitive(root, "fingerprints");
    read_prints(R, cJSON_GetObjectItemCaseSensitive(fp, "candidates"), "candidates", &v->cand_prints,
                &v->n_cand_prints);
    read_prints(R, cJSON_GetObjectItemCaseSensitive(fp, "employers"), "employers", &v->emp_prints,
                &v->n_emp_prints);

    const cJSON *mon = cJSON_GetObjectItemCaseSensitive(root, "monitoring");
    if (cJSON_IsArray(mon)) {
        if (!(v->signals = items_alloc(R, mon, sizeof *v->signals)))
            return;
        int k = 0;
        for (const cJSON *it = mon->child; it && R->status == MW_OK; it = it->next, k++) {
            char w[64];
            snprintf(w, sizeof w, "monitoring[%d]", k);
            v->signals[k].kind = str_at(R, it, w, "kind", 1);
            v->signals[k].candidate = str_at(R, it, w, "candidate", 1);
            v->signals[k].employer = str_at(R, it, w, "employer", 0);
            v->signals[k].placement = str_at(R, it, w, "placement", 0);
        }
        v->n_signals = k;
    }
}

int resview_read(const char *path, const char *display, ResultsView *out, MwErrors *err)
{
    memset(out, 0, sizeof *out);
    mw_arena_init(&out->arena);
    Reader R = {display ? display : path, err, &out->arena, MW_OK};
    char *text = NULL;
    cJSON *root = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        mw_error_add(err, R.display, 0, "", "", "cannot open: %s", strerror(errno));
        R.status = MW_EIO;
        goto done;
    }
    size_t cap = 1 << 16, n = 0;
    text = mw_malloc(cap);
    for (size_t got; text && (got = fread(text + n, 1, cap - n - 1, f)) > 0;) {
        n += got;
        if (n + 1 == cap) {
            char *t = mw_realloc(text, cap * 2);
            if (!t) {
                mw_free(text);
                text = NULL;
            }
            text = t;
            cap *= 2;
        }
    }
    int read_error = ferror(f);
    fclose(f);
    if (!text) {
        R.status = MW_ENOMEM;
        goto done;
    }
    if (read_error) {
        mw_error_add(err, R.display, 0, "", "", "cannot read");
        R.status = MW_EIO;
        goto done;
    }
    text[n] = 0;
    mw_sha256_hex(text, n, out->sha256);
    root = cJSON_Parse(text);
    if (!root || !cJSON_IsObject(root)) {
        mw_error_add(err, R.display, 0, "", "", "invalid JSON (expected a results.json of maatwerk run)");
        R.status = MW_EINPUT;
        goto done;
    }
    read_view(&R, root, out);
done:
    cJSON_Delete(root);
    mw_free(text);
    if (R.status != MW_OK)
        resview_free(out);
    return R.status;
}
