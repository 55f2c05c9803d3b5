/* comparison.c — comparison.json and comparison.csv of a scenario batch
 * (see comparison.h): keys and columns in a fixed order, numbers rounded
 * by explain_num, groups sorted by dimension and name. Layer: output.
 */
#include "comparison.h"

#include <cJSON.h>
#include <stdio.h>
#include <string.h>

#include "atomic.h"
#include "explain.h"
#include "textbuf.h"

/* The (dimension, group) pairs of every row, sorted, without repeats. */
typedef struct {
    int n;
    const CompareGroup **g;
} GroupUnion;

static int group_less(const CompareGroup *a, const CompareGroup *b)
{
    int d = strcmp(a->dimension, b->dimension);
    return d ? d < 0 : strcmp(a->group, b->group) < 0;
}

static int group_same(const CompareGroup *a, const CompareGroup *b)
{
    return strcmp(a->dimension, b->dimension) == 0 && strcmp(a->group, b->group) == 0;
}

static int union_build(const CompareRow *rows, int n, GroupUnion *u)
{
    int total = 0;
    for (int k = 0; k < n; k++)
        total += rows[k].n_groups;
    u->n = 0;
    u->g = mw_malloc(sizeof *u->g * (size_t)(total + 1));
    if (!u->g)
        return MW_ENOMEM;
    for (int k = 0; k < n; k++)
        for (int i = 0; i < rows[k].n_groups; i++) {
            const CompareGroup *g = &rows[k].groups[i];
            int at = 0, dup = 0;
            while (at < u->n && group_less(u->g[at], g))
                at++;
            dup = at < u->n && group_same(u->g[at], g);
            if (dup)
                continue;
            memmove(u->g + at + 1, u->g + at, sizeof *u->g * (size_t)(u->n - at));
            u->g[at] = g;
            u->n++;
        }
    return MW_OK;
}

/* ---- JSON ------------------------------------------------------------------- */

typedef struct {
    int ok;
} J;

static cJSON *add(J *j, cJSON *parent, const char *key, cJSON *item)
{
    if (!item || !parent || !(key ? cJSON_AddItemToObject(parent, key, item) : cJSON_AddItemToArray(parent, item))) {
        cJSON_Delete(item);
        j->ok = 0;
        return NULL;
    }
    return item;
}

static void put_num(J *j, cJSON *o, const char *key, double v)
{
    add(j, o, key, cJSON_CreateNumber(explain_num(v)));
}

static void put_str(J *j, cJSON *o, const char *key, const char *v)
{
    add(j, o, key, cJSON_CreateString(v ? v : ""));
}

static void json_settings(J *j, cJSON *o, const Scenario *s, const Model *m)
{
    put_str(j, o, "preset", s->preset ? s->preset : "");
    put_str(j, o, "route", scenario_route_names[s->route]);
    add(j, o, "training", cJSON_CreateBool(s->training));
    add(j, o, "budget", s->budget >= 0 ? cJSON_CreateNumber(s->budget) : cJSON_CreateNull());
    put_num(j, o, "supervision_factor", s->supervision_factor);
    cJSON *acc = add(j, o, "accommodations", cJSON_CreateObject());
    for (int d = 0; d < m->n_dims; d++)
        if (s->acc[d] > 0)
            put_num(j, acc, m->dims[d].name, s->acc[d]);
    put_num(j, o, "hours_margin", s->hours_margin);
    add(j, o, "jobcoach_pool_hours", s->jobcoach_pool >= 0 ? cJSON_CreateNumber(s->jobcoach_pool) : cJSON_CreateNull());
    put_num(j, o, "jobcoach_hours_per_placement", s->jobcoach_hours);
    add(j, o, "changes_weights", cJSON_CreateBool(s->changes_weights));
    add(j, o, "changes_policy", cJSON_CreateBool(s->changes_policy));
}

static char *comparison_json(const Scenario *const *scen, const CompareRow *rows, int n, const Model *m)
{
    J j = {1};
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    put_str(&j, root, "schema", "maatwerk.comparison/1");
    put_str(&j, root, "baseline", rows[0].name);
    cJSON *names = add(&j, root, "metrics", cJSON_CreateArray());
    for (int k = 0; k < CMP_METRICS; k++)
        add(&j, names, NULL, cJSON_CreateString(compare_metric_names[k]));
    cJSON *list = add(&j, root, "scenarios", cJSON_CreateArray());
    for (int s = 0; s < n && j.ok; s++) {
        const CompareRow *r = &rows[s];
        cJSON *o = add(&j, list, NULL, cJSON_CreateObject());
        put_str(&j, o, "name", r->name);
        put_str(&j, o, "description", r->description);
        put_str(&j, o, "file", r->file);
        json_settings(&j, add(&j, o, "settings", cJSON_CreateObject()), scen[s], m);
        cJSON *v = add(&j, o, "values", cJSON_CreateObject());
        cJSON *d = add(&j, o, "diff", cJSON_CreateObject());
        for (int k = 0; k < CMP_METRICS; k++) {
            put_num(&j, v, compare_metric_names[k], r->v[k]);
            put_num(&j, d, compare_metric_names[k], r->v[k] - rows[0].v[k]);
        }
        cJSON *gl = add(&j, o, "groups", cJSON_CreateArray());
        for (int i = 0; i < r->n_groups && j.ok; i++) {
            const CompareGroup *g = &r->groups[i];
            cJSON *go = add(&j, gl, NULL, cJSON_CreateObject());
            put_str(&j, go, "dimension", g->dimension);
            put_str(&j, go, "group", g->group);
            add(&j, go, "candidates", cJSON_CreateNumber(g->candidates));
            add(&j, go, "placed", cJSON_CreateNumber(g->placed));
            put_num(&j, go, "rate", g->rate);
            double base = compare_group_rate(&rows[0], g->dimension, g->group);
            add(&j, go, "rate_diff", base >= 0 ? cJSON_CreateNumber(explain_num(g->rate - base)) : cJSON_CreateNull());
        }
    }
    char *text = j.ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text)
        return NULL;
    size_t len = strlen(text);
    char *out = mw_malloc(len + 2);
    if (out) {
        memcpy(out, text, len);
        memcpy(out + len, "\n", 2);
    }
    cJSON_free(text);
    return out;
}

/* ---- CSV -------------------------------------------------------------------- */

/* A text cell, quoted when it holds ',', '"' or a line break. */
static void csv_text(Buf *b, const char *t)
{
    if (!strpbrk(t, ",\"\r\n")) {
        buf_puts(b, t);
        return;
    }
    buf_putc(b, '"');
    for (; *t; t++) {
        if (*t == '"')
            buf_putc(b, '"');
        buf_putc(b, *t);
    }
    buf_putc(b, '"');
}

static void csv_num(Buf *b, double v)
{
    char t[64];
    mw_fmt_double(t, sizeof t, explain_num(v));
    buf_puts(b, t);
}

static void comparison_csv(Buf *b, const CompareRow *rows, int n, const GroupUnion *u)
{
    buf_puts(b, "scenario");
    for (int k = 0; k < CMP_METRICS; k++) {
        buf_putc(b, ',');
        buf_puts(b, compare_metric_names[k]);
        buf_puts(b, ",");
        buf_puts(b, compare_metric_names[k]);
        buf_puts(b, "_diff");
    }
    for (int i = 0; i < u->n; i++)
        for (int diff = 0; diff < 2; diff++) {
            char col[256];
            snprintf(col, sizeof col, "rate.%s.%s%s", u->g[i]->dimension, u->g[i]->group, diff ? "_diff" : "");
            buf_putc(b, ',');
            csv_text(b, col);
        }
    buf_putc(b, '\n');
    for (int s = 0; s < n; s++) {
        const CompareRow *r = &rows[s];
        csv_text(b, r->name);
        for (int k = 0; k < CMP_METRICS; k++) {
            buf_putc(b, ',');
            csv_num(b, r->v[k]);
            buf_putc(b, ',');
            csv_num(b, r->v[k] - rows[0].v[k]);
        }
        for (int i = 0; i < u->n; i++) {
            double rate = compare_group_rate(r, u->g[i]->dimension, u->g[i]->group);
            double base = compare_group_rate(&rows[0], u->g[i]->dimension, u->g[i]->group);
            buf_putc(b, ',');
            if (rate >= 0)
                csv_num(b, rate);
            buf_putc(b, ',');
            if (rate >= 0 && base >= 0)
                csv_num(b, rate - base);
        }
        buf_putc(b, '\n');
    }
}

int comparison_write(const char *outdir, const Scenario *const *scen, const CompareRow *rows, int n,
                     MwErrors *err)
{
    GroupUnion u = {0, NULL};
    Buf csv = {NULL, 0, 0, 0};
    char *json = NULL;
    int rc = MW_ENOMEM;
    if (n < 1)
        return MW_OK;
    if (union_build(rows, n, &u))
        goto done;
    comparison_csv(&csv, rows, n, &u);
    if (csv.oom)
        goto done;
    json = comparison_json(scen, rows, n, scen[0]->base);
    if (!json)
        goto done;
    AtomicFile files[2] = {{"comparison.csv", csv.p, csv.n}, {"comparison.json", json, strlen(json)}};
    rc = atomic_write_files(outdir, files, 2, err);
done:
    mw_free(u.g);
    mw_free(csv.p);
    mw_free(json);
    return rc;
}
