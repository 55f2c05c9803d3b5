/* scenario_load.c — the scenario file reader (see scenario_load.h). Every
 * key is checked here, against the model where it names data (ids,
 * regions, dimensions), so a bad scenario fails before any solving. Layer:
 * input. Knows nothing about solving or output.
 */
#include "scenario_load.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "load.h"

typedef struct {
    const char *file;
    const Model *m;
    Scenario *s;
    MwErrors *err;
    int status;                /* MW_OK, MW_EINPUT or MW_ENOMEM */
} Reader;

static void fail(Reader *R, const char *key, const cJSON *got, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* "key 'KEY': WHAT, got VALUE" (", got" left out when got is NULL). */
static void fail(Reader *R, const char *key, const cJSON *got, const char *fmt, ...)
{
    char what[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    char *text = got ? cJSON_PrintUnformatted(got) : NULL;
    if (got)
        mw_error_add(R->err, R->file, 0, "", "", "key '%s': %s, got %s", key, what, text ? text : "?");
    else
        mw_error_add(R->err, R->file, 0, "", "", "key '%s': %s", key, what);
    cJSON_free(text);
    if (R->status == MW_OK)
        R->status = MW_EINPUT;
}

static void nomem(Reader *R)
{
    R->status = MW_ENOMEM;
}

/* Keys given twice in one object: cJSON keeps both, the second would win
 * silently. prefix is the object's key path ("" or "weights."). */
static int check_duplicates(Reader *R, const cJSON *obj, const char *prefix)
{
    int bad = 0;
    for (const cJSON *a = obj->child; a; a = a->next)
        for (const cJSON *b = obj->child; b != a; b = b->next)
            if (strcmp(a->string, b->string) == 0) {
                char key[160];
                snprintf(key, sizeof key, "%s%s", prefix, a->string);
                fail(R, key, NULL, "given twice");
                bad = 1;
                break;
            }
    return bad;
}

/* A number in [lo, hi] (lo excluded when open_lo); *out untouched on error. */
static void get_number(Reader *R, const cJSON *it, double lo, int open_lo, double hi, const char *range,
                       double *out)
{
    double v = it->valuedouble;
    if (!cJSON_IsNumber(it) || !isfinite(v) || v < lo || (open_lo && v == lo) || v > hi)
        fail(R, it->string, it, "expected %s", range);
    else
        *out = v;
}

static const char *copy_string(Reader *R, const char *s)
{
    char *c = mw_arena_strdup(&R->s->arena, s);
    if (!c)
        nomem(R);
    return c;
}

static int valid_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= sizeof ((Scenario *)0)->name)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-' ||
              *s == '_'))
            return 0;
    return 1;
}

/* ---- filters --------------------------------------------------------------- */

/* An array of strings into *list; every value passes known(), else the
 * error names it ("expected WHAT, got VALUE"). Returns the count or -1 on
 * error. */
static int get_strings(Reader *R, const cJSON *it, const char *key, const char ***list,
                       int (*known)(const Reader *, const char *), const char *what)
{
    if (!cJSON_IsArray(it) || cJSON_GetArraySize(it) == 0) {
        fail(R, key, it, "expected a non-empty array of strings");
        return -1;
    }
    int n = cJSON_GetArraySize(it), k = 0;
    const char **items = mw_arena_alloc(&R->s->arena, sizeof *items * (size_t)n);
    if (!items) {
        nomem(R);
        return -1;
    }
    for (const cJSON *v = it->child; v; v = v->next) {
        const char *s = cJSON_GetStringValue(v);
        if (!s) {
            fail(R, key, it, "expected a non-empty array of strings");
            return -1;
        }
        if (!known(R, s)) {
            fail(R, key, v, "expected %s", what);
            return -1;
        }
        if (!(items[k++] = copy_string(R, s)))
            return -1;
    }
    *list = items;
    return n;
}

static int known_candidate(const Reader *R, const char *s)
{
    return model_find_candidate(R->m, s) >= 0;
}

static int known_employer(const Reader *R, const char *s)
{
    return model_find_employer(R->m, s) >= 0;
}

/* A name some entity uses in the field: 0 region, 1 category, 2 sector. */
static int known_value(const Reader *R, const char *s, int field)
{
    int id = model_name_find(R->m, s);
    const Model *m = R->m;
    if (id < 0)
        return 0;
    if (field == 2) {
        for (int e = 0; e < m->n_employers; e++)
            if (m->employers[e].sector == id)
                return 1;
        return 0;
    }
    for (int c = 0; c < m->n_candidates; c++)
        if ((field == 0 ? m->candidates[c].region : m->candidates[c].category) == id)
            return 1;
    return 0;
}

static int known_region(const Reader *R, const char *s) { return known_value(R, s, 0); }
static int known_category(const Reader *R, const char *s) { return known_value(R, s, 1); }
static int known_sector(const Reader *R, const char *s) { return known_value(R, s, 2); }

static void get_filter(Reader *R, const cJSON *obj, int employers)
{
    const char *top = employers ? "employers" : "candidates";
    ScenarioFilter *f = employers ? &R->s->employers : &R->s->candidates;
    if (!cJSON_IsObject(obj)) {
        fail(R, top, obj, "expected an object of ids, exclude_ids and %s", employers ? "sector" : "region, category");
        return;
    }
    char prefix[32];
    snprintf(prefix, sizeof prefix, "%s.", top);
    if (check_duplicates(R, obj, prefix))
        return;
    int (*known_id)(const Reader *, const char *) = employers ? known_employer : known_candidate;
    const char *id_what = employers ? "the id of an employer in the data" : "the id of a candidate in the data";
    for (const cJSON *it = obj->child; it; it = it->next) {
        char key[96];
        snprintf(key, sizeof key, "%s%s", prefix, it->string);
        if (strcmp(it->string, "ids") == 0)
            f->n_ids = get_strings(R, it, key, &f->ids, known_id, id_what);
        else if (strcmp(it->string, "exclude_ids") == 0)
            f->n_exclude = get_strings(R, it, key, &f->exclude, known_id, id_what);
        else if (!employers && strcmp(it->string, "region") == 0)
            f->n_regions = get_strings(R, it, key, &f->regions, known_region, "a region some candidate has");
        else if (!employers && strcmp(it->string, "category") == 0)
            f->n_categories = get_strings(R, it, key, &f->categories, known_category, "a category some candidate has");
        else if (employers && strcmp(it->string, "sector") == 0)
            f->n_sectors = get_strings(R, it, key, &f->sectors, known_sector, "a sector some employer has");
        else
            fail(R, key, NULL, "unknown filter; expected one of ids, exclude_ids, %s",
                 employers ? "sector" : "region, category");
    }
    if (f->n_ids < 0 || f->n_exclude < 0 || f->n_regions < 0 || f->n_categories < 0 || f->n_sectors < 0) {
        memset(f, 0, sizeof *f);       /* reported; keep the filter inert */
        return;
    }
    for (int i = 0; i < f->n_exclude; i++)
        for (int k = 0; k < f->n_ids; k++)
            if (strcmp(f->exclude[i], f->ids[k]) == 0) {
                char key[64];
                snprintf(key, sizeof key, "%sexclude_ids", prefix);
                fail(R, key, NULL, "'%s' is also in %sids: a filter cannot include and exclude the same id",
                     f->exclude[i], prefix);
                return;
            }
    if (R->status != MW_OK)
        return;
    int n = 0, total = employers ? R->m->n_employers : R->m->n_candidates;
    for (int i = 0; i < total; i++)
        n += employers ? scenario_takes_employer(R->s, R->m, i) : scenario_takes_candidate(R->s, R->m, i);
    if (n == 0)
        fail(R, top, NULL, "selects no %s: the filters together leave nobody to take part",
             employers ? "employer" : "candidate");
}

/* ---- the other keys ---------------------------------------------------------- */

static void get_accommodations(Reader *R, const cJSON *obj)
{
    if (!cJSON_IsObject(obj)) {
        fail(R, "accommodations", obj, "expected an object of level dimension -> levels");
        return;
    }
    if (check_duplicates(R, obj, "accommodations."))
        return;
    for (const cJSON *it = obj->child; it; it = it->next) {
        char key[160];
        snprintf(key, sizeof key, "accommodations.%s", it->string);
        int d = model_dim_find(R->m, it->string);
        if (d < 0) {
            fail(R, key, NULL, "expected a level dimension of the registry, got an unknown dimension");
            continue;
        }
        const Dimension *dim = &R->m->dims[d];
        if (dim->kind != DIM_LEVEL) {
            fail(R, key, NULL, "expected a level dimension (an accommodation lowers levels), got a%s %s dimension",
                 dim->kind == DIM_EXPOSURE ? "n" : "", mw_dim_kind_names[dim->kind]);
            continue;
        }
        double v = it->valuedouble;
        if (!cJSON_IsNumber(it) || v != floor(v) || v < 1 || v > dim->max)
            fail(R, key, it, "expected a whole number of levels 1..%g", dim->max);
        else
            R->s->acc[d] = v;
    }
}

static void get_preset(Reader *R, const cJSON *it, const char *models_dir)
{
    const char *name = cJSON_GetStringValue(it);
    if (!name || !*name) {
        fail(R, "preset", it, "expected a preset name");
        return;
    }
    Weights w;
    weights_default(&w);
    MwErrors e;
    mw_errors_init(&e, 10);
    int st = load_preset(models_dir, name, &w, &e);
    if (st == MW_OK) {
        R->s->w = w;
        R->s->preset = copy_string(R, name);
    } else if (st == MW_ENOMEM) {
        nomem(R);
    } else {
        fail(R, "preset", it, "expected a valid preset in %s/presets", models_dir ? models_dir : "models");
    }
    mw_errors_free(&e);
}

static const char *const root_keys =
    "name, description, preset, weights, policy, route, training, budget, supervision_factor, accommodations, "
    "hours_margin, jobcoach_pool_hours, jobcoach_hours_per_placement, candidates, employers";

static void read_root(Reader *R, const cJSON *root, const char *models_dir)
{
    Scenario *s = R->s;
    const cJSON *weights = NULL, *jc_hours = NULL;
    int have_pool = 0;
    /* the preset first: the weights overrides apply over it */
    for (const cJSON *it = root->child; it; it = it->next)
        if (strcmp(it->string, "preset") == 0)
            get_preset(R, it, models_dir);
    for (const cJSON *it = root->child; it && R->status != MW_ENOMEM; it = it->next) {
        const char *k = it->string;
        if (strcmp(k, "preset") == 0 || k[0] == '_') {
            continue;
        } else if (strcmp(k, "name") == 0) {
            const char *v = cJSON_GetStringValue(it);
            if (!v || !valid_name(v))
                fail(R, k, it, "expected a name of 1-63 letters, digits, - and _");
            else
                snprintf(s->name, sizeof s->name, "%s", v);
        } else if (strcmp(k, "description") == 0) {
            const char *v = cJSON_GetStringValue(it);
            if (!v)
                fail(R, k, it, "expected a string");
            else
                s->description = copy_string(R, v);
        } else if (strcmp(k, "weights") == 0) {
            weights = it;
        } else if (strcmp(k, "policy") == 0) {
            Policy p = s->policy;
            if (!cJSON_IsObject(it)) {
                fail(R, k, it, "expected an object of policy parameters");
            } else if (!check_duplicates(R, it, "policy.")) {
                int st = load_apply_json_keys(it, 'p', R->file, "policy.", &p, &s->arena, R->err);
                if (st == MW_OK)
                    s->policy = p, s->changes_policy = 1;
                else if (R->status == MW_OK || st == MW_ENOMEM)
                    R->status = st;
            }
        } else if (strcmp(k, "route") == 0) {
            const char *v = cJSON_GetStringValue(it);
            int found = -1;
            for (int r = 0; v && r < 3; r++)
                if (strcmp(v, scenario_route_names[r]) == 0)
                    found = r;
            if (found < 0)
                fail(R, k, it, "expected \"both\", \"vacancy\" or \"carving\"");
            else
                s->route = (RouteMode)found;
        } else if (strcmp(k, "training") == 0) {
            if (!cJSON_IsBool(it))
                fail(R, k, it, "expected true or false");
            else
                s->training = cJSON_IsTrue(it);
        } else if (strcmp(k, "budget") == 0) {
            get_number(R, it, 0, 0, 1e12, "a budget >= 0 (euro per year)", &s->budget);
        } else if (strcmp(k, "supervision_factor") == 0) {
            get_number(R, it, 0, 0, 100, "a factor in 0..100", &s->supervision_factor);
        } else if (strcmp(k, "accommodations") == 0) {
            get_accommodations(R, it);
        } else if (strcmp(k, "hours_margin") == 0) {
            get_number(R, it, 0, 1, 1, "a share in (0, 1]", &s->hours_margin);
        } else if (strcmp(k, "jobcoach_pool_hours") == 0) {
            have_pool = 1;
            get_number(R, it, 0, 0, 1e9, "hours >= 0 per year", &s->jobcoach_pool);
        } else if (strcmp(k, "jobcoach_hours_per_placement") == 0) {
            jc_hours = it;
            get_number(R, it, 0, 1, 8760, "hours in (0, 8760] per year", &s->jobcoach_hours);
        } else if (strcmp(k, "candidates") == 0 || strcmp(k, "employers") == 0) {
            get_filter(R, it, strcmp(k, "employers") == 0);
        } else {
            fail(R, k, NULL, "unknown parameter; expected one of %s", root_keys);
        }
    }
    if (weights) {
        Weights w = s->w;
        if (!cJSON_IsObject(weights)) {
            fail(R, "weights", weights, "expected an object of preset weights");
        } else if (!check_duplicates(R, weights, "weights.")) {
            int st = load_apply_json_keys(weights, 'w', R->file, "weights.", &w, NULL, R->err);
            if (st == MW_OK)
                s->w = w;
            else if (R->status == MW_OK || st == MW_ENOMEM)
                R->status = st;
        }
    }
    /* under a margin the over-use threshold θ·Hmax stays where it was for
     * the person's own maximum (capped at the planned maximum) */
    if (s->hours_margin < 1)
        s->w.theta = s->w.theta / s->hours_margin < 1 ? s->w.theta / s->hours_margin : 1;
    if (jc_hours && !have_pool)
        fail(R, "jobcoach_hours_per_placement", NULL,
             "given without jobcoach_pool_hours: there is no pool to take the hours from");
    s->changes_weights = weights != NULL || s->preset != NULL;
}

/* The whole file, NUL-terminated, mw_malloc'ed; NULL with *status set. */
static char *read_file(const char *path, MwErrors *err, int *status)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (!f) {
        mw_error_add(err, path, 0, "", "", "cannot open: %s", strerror(errno));
        *status = MW_EIO;
        return NULL;
    }
    for (;;) {
        if (len + 4096 + 1 > cap) {
            char *nb = mw_realloc(buf, cap = 2 * cap + 4096 + 1);
            if (!nb) {
                mw_free(buf);
                fclose(f);
                *status = MW_ENOMEM;
                return NULL;
            }
            buf = nb;
        }
        size_t n = fread(buf + len, 1, 4096, f);
        len += n;
        if (n < 4096)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    buf[len] = '\0';
    if (bad || strlen(buf) != len) {
        mw_error_add(err, path, 0, "", "", bad ? "cannot read" : "contains a NUL byte");
        mw_free(buf);
        *status = bad ? MW_EIO : MW_EINPUT;
        return NULL;
    }
    return buf;
}

/* The file's base name without ".json", when it is a valid scenario name. */
static void default_name(const char *path, char *name, size_t size)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".json") == 0)
        n -= 5;
    snprintf(name, size, "%.*s", (int)n, base);
    if (!valid_name(name))
        name[0] = '\0';
}

int scenario_load(const char *path, const Model *m, const Weights *w, const char *models_dir, Scenario *out,
                  MwErrors *err)
{
    int status = MW_OK;
    if (scenario_init(out, m, w) != MW_OK) {
        scenario_free(out);
        return MW_ENOMEM;
    }
    out->file = path;
    char *text = read_file(path, err, &status);
    if (!text) {
        scenario_free(out);
        return status;
    }
    cJSON *root = cJSON_Parse(text);
    Reader R = {path, m, out, err, MW_OK};
    if (!root) {
        const char *at = cJSON_GetErrorPtr();
        int line = 1;
        for (const char *p = text; at && p < at && *p; p++)
            line += *p == '\n';
        mw_error_add(err, path, line, "", "", "invalid JSON");
        R.status = MW_EINPUT;
    } else if (!cJSON_IsObject(root)) {
        mw_error_add(err, path, 0, "", "", "expected a JSON object of scenario parameters");
        R.status = MW_EINPUT;
    } else if (!check_duplicates(&R, root, "")) {
        default_name(path, out->name, sizeof out->name);
        read_root(&R, root, models_dir);
        if (R.status == MW_OK && !out->name[0])
            fail(&R, "name", NULL, "missing, and the file name is not a valid name (letters, digits, - and _)");
    }
    cJSON_Delete(root);
    mw_free(text);
    if (R.status != MW_OK)
        scenario_free(out);
    return R.status;
}
