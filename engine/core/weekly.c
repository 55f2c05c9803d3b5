/* weekly.c — resolving an earlier run's proposal against this week's model
 * (see weekly.h). Layer: core. Knows nothing about JSON.
 */
#include "weekly.h"

#include <string.h>

void resview_free(ResultsView *v)
{
    if (!v)
        return;
    mw_arena_free(&v->arena);
    memset(v, 0, sizeof *v);
}

void previous_free(Previous *p)
{
    if (!p)
        return;
    mw_arena_free(&p->arena);
    memset(p, 0, sizeof *p);
}

int previous_resolve(const Model *m, const ResultsView *v, Previous *out)
{
    memset(out, 0, sizeof *out);
    mw_arena_init(&out->arena);
    memcpy(out->sha256, v->sha256, sizeof out->sha256);
    out->n_candidates = m->n_candidates;
    out->of = mw_arena_alloc(&out->arena, sizeof *out->of * (size_t)(m->n_candidates + 1));
    if (!out->of)
        goto oom;
    for (int c = 0; c < m->n_candidates; c++)
        out->of[c].emp = -1;
    for (int i = 0; i < v->n_matches; i++) {
        const ViewMatch *vm = &v->matches[i];
        int c = model_find_candidate(m, vm->candidate);
        int e = model_find_employer(m, vm->employer);
        if (c < 0 || e < 0) {
            out->unresolved++;
            continue;
        }
        PrevMatch *pm = &out->of[c];
        pm->tasks = mw_arena_alloc(&out->arena, sizeof(int) * (size_t)(vm->n + 1));
        pm->hours = mw_arena_alloc(&out->arena, sizeof(double) * (size_t)(vm->n + 1));
        if (!pm->tasks || !pm->hours)
            goto oom;
        int ok = 1;
        for (int k = 0; k < vm->n && ok; k++) {
            int t = model_find_task(m, vm->task[k]);
            ok = t >= 0 && m->tasks[t].employer == e;
            pm->tasks[k] = t;
            pm->hours[k] = vm->hours[k];
        }
        pm->slots = mw_arena_alloc(&out->arena, sizeof *pm->slots * (size_t)(vm->n_slots + 1));
        if (!pm->slots)
            goto oom;
        for (int k = 0; k < vm->n_slots && ok; k++) {
            int t = model_find_task(m, vm->slot_task[k]);
            ok = t >= 0 && m->tasks[t].employer == e;
            pm->slots[k] = (PrevSlot){t, vm->slot_day[k], vm->slot_part[k], vm->slot_hours[k]};
        }
        if (!ok) {
            out->unresolved++;
            continue;
        }
        pm->emp = e;
        pm->n = vm->n;
        pm->n_slots = vm->n_slots;
    }
    return MW_OK;
oom:
    previous_free(out);
    return MW_ENOMEM;
}
