/* diffout.c — writing a weekly Diff (engine/assess/diff.h) as text for the
 * team or as JSON (schema maatwerk.diff/1, docs/results-schema.md). Layer:
 * output. Computes nothing; never names a candidate's limits (the diff
 * holds ids, hours and reason words only).
 */
#include "diffout.h"

#include <cJSON.h>
#include <string.h>

#include "explain.h"

static void text_match(FILE *f, const ViewMatch *m)
{
    fprintf(f, "%s (", m->employer);
    for (int k = 0; k < m->n; k++) {
        char b[64];
        mw_fmt_double(b, sizeof b, explain_num(m->hours[k]));
        fprintf(f, "%s%s %s h", k ? ", " : "", m->task[k], b);
    }
    fprintf(f, ")");
}

static void write_text(FILE *f, const Diff *d, const char *old_name, const char *new_name)
{
    fprintf(f, "diff %s -> %s: %d new, %d kept, %d changed, %d dropped\n", old_name, new_name,
            d->counts[DIFF_NEW], d->counts[DIFF_KEPT], d->counts[DIFF_CHANGED], d->counts[DIFF_DROPPED]);
    for (int i = 0; i < d->n; i++) {
        const DiffEntry *e = &d->items[i];
        if (e->status == DIFF_KEPT)
            continue;
        fprintf(f, "%-8s %s: ", diff_status_names[e->status], e->candidate);
        if (e->status == DIFF_NEW) {
            text_match(f, e->now);
        } else if (e->status == DIFF_DROPPED) {
            text_match(f, e->old);
            fprintf(f, " -> none");
        } else {
            text_match(f, e->old);
            fprintf(f, " -> ");
            text_match(f, e->now);
        }
        if (e->reason != DR_NONE)
            fprintf(f, " [%s]", diff_reason_names[e->reason]);
        fprintf(f, "\n");
    }
    int count[DS_STATES] = {0};
    for (int i = 0; i < d->n_signals; i++)
        count[d->signals[i].state]++;
    fprintf(f, "monitoring: %d new, %d open, %d closed\n", count[DS_NEW], count[DS_OPEN], count[DS_CLOSED]);
    for (int i = 0; i < d->n_signals; i++) {
        const ViewSignal *s = d->signals[i].s;
        fprintf(f, "%-8s %s %s", diff_signal_names[d->signals[i].state], s->kind, s->candidate);
        if (s->employer)
            fprintf(f, " at %s", s->employer);
        if (s->placement)
            fprintf(f, " (placement %s)", s->placement);
        fprintf(f, "\n");
    }
}

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

static void put_str(J *j, cJSON *o, const char *key, const char *v)
{
    add(j, o, key, v ? cJSON_CreateString(v) : cJSON_CreateNull());
}

static void json_match(J *j, cJSON *o, const char *key, const ViewMatch *m)
{
    if (!m) {
        add(j, o, key, cJSON_CreateNull());
        return;
    }
    cJSON *x = add(j, o, key, cJSON_CreateObject());
    put_str(j, x, "employer", m->employer);
    put_str(j, x, "placement", m->placement);
    cJSON *ts = add(j, x, "tasks", cJSON_CreateArray());
    for (int k = 0; k < m->n && j->ok; k++) {
        cJSON *t = add(j, ts, NULL, cJSON_CreateObject());
        put_str(j, t, "id", m->task[k]);
        add(j, t, "hours", cJSON_CreateNumber(explain_num(m->hours[k])));
    }
}

static char *write_json(const Diff *d, const ResultsView *old, const ResultsView *now)
{
    J j = {1};
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    put_str(&j, root, "schema", "maatwerk.diff/1");
    cJSON *o = add(&j, root, "old", cJSON_CreateObject());
    put_str(&j, o, "sha256", old->sha256);
    put_str(&j, o, "date", old->date);
    cJSON *n = add(&j, root, "new", cJSON_CreateObject());
    put_str(&j, n, "sha256", now->sha256);
    put_str(&j, n, "date", now->date);
    cJSON *c = add(&j, root, "counts", cJSON_CreateObject());
    for (int k = 0; k < DIFF_STATUSES; k++)
        add(&j, c, diff_status_names[k], cJSON_CreateNumber(d->counts[k]));
    cJSON *list = add(&j, root, "entries", cJSON_CreateArray());
    for (int i = 0; i < d->n && j.ok; i++) {
        const DiffEntry *e = &d->items[i];
        cJSON *x = add(&j, list, NULL, cJSON_CreateObject());
        put_str(&j, x, "candidate", e->candidate);
        put_str(&j, x, "status", diff_status_names[e->status]);
        put_str(&j, x, "reason", e->reason != DR_NONE ? diff_reason_names[e->reason] : NULL);
        json_match(&j, x, "old", e->old);
        json_match(&j, x, "new", e->now);
    }
    cJSON *mon = add(&j, root, "monitoring", cJSON_CreateArray());
    for (int i = 0; i < d->n_signals && j.ok; i++) {
        const ViewSignal *s = d->signals[i].s;
        cJSON *x = add(&j, mon, NULL, cJSON_CreateObject());
        put_str(&j, x, "kind", s->kind);
        put_str(&j, x, "candidate", s->candidate);
        put_str(&j, x, "employer", s->employer);
        put_str(&j, x, "placement", s->placement);
        put_str(&j, x, "status", diff_signal_names[d->signals[i].state]);
    }
    char *text = j.ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    return text;
}

int diffout_write(FILE *f, const Diff *d, const ResultsView *old, const ResultsView *now, const char *old_name,
                  const char *new_name, int json)
{
    if (!json) {
        write_text(f, d, old_name, new_name);
        return ferror(f) ? MW_EIO : MW_OK;
    }
    char *text = write_json(d, old, now);
    if (!text)
        return MW_ENOMEM;
    fprintf(f, "%s\n", text);
    cJSON_free(text);
    return ferror(f) ? MW_EIO : MW_OK;
}
