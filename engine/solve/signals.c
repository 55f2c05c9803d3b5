/* signals.c — signaleringen and coverage of a package (see signals.h).
 * Layer: solve. Reads the model and the package only.
 */
#include "signals.h"

#include <string.h>

static int push_signal(Signal **sig, int *cap, SignalCount *out, Signal s)
{
    if (sig) {
        if (mw_grow((void **)sig, cap, out->nsig + 1, sizeof **sig))
            return MW_ENOMEM;
        (*sig)[out->nsig] = s;
    }
    out->nsig++;
    return MW_OK;
}

int signals_find(const Model *m, int ci, int ei, const Package *pk, Signal **sig, int *cap, SignalCount *out)
{
    const Candidate *c = &m->candidates[ci];
    const Employer *e = &m->employers[ei];
    memset(out, 0, sizeof *out);
    for (int d = 0; d < m->n_dims; d++) {
        const Dimension *dim = &m->dims[d];
        int loaded = 0;
        double peak = 0, share_hours = 0;
        for (int k = 0; k < pk->n; k++) {
            const Task *t = &m->tasks[pk->tasks[k].task];
            double load = t->load[d];
            if (load <= 0)
                continue;
            loaded = 1;
            if (c->lim_state[d] != LIM_KNOWN)
                continue;
            if (dim->kind == DIM_LEVEL && load - e->acc[d] == c->lim[d] &&
                push_signal(sig, cap, out, (Signal){SIG_LEVEL_AT_LIMIT, d, pk->tasks[k].task, load - e->acc[d], c->lim[d]}))
                return MW_ENOMEM;
            share_hours += load * pk->tasks[k].hours;
        }
        if (loaded) {
            out->loaded_dims++;
            out->unknown_dims += c->lim_state[d] == LIM_UNKNOWN;
        }
        if (!loaded || c->lim_state[d] != LIM_KNOWN)
            continue;
        if (dim->kind == DIM_EXPOSURE) {
            for (int day = 0; day < MW_DAYS; day++) {
                double x = 0;
                for (int k = 0; k < pk->n; k++)
                    x += m->tasks[pk->tasks[k].task].load[d] * pk->tasks[k].day_hours[day];
                if (x > peak)
                    peak = x;
            }
            if (peak >= 0.9 * c->lim[d] - 1e-9 &&
                push_signal(sig, cap, out, (Signal){SIG_EXPOSURE_NEAR, d, -1, peak, c->lim[d]}))
                return MW_ENOMEM;
        } else if (dim->kind == DIM_SHARE && pk->hours > 0 && c->lim[d] > 0) {
            double share = share_hours / pk->hours;
            if (share >= 0.9 * c->lim[d] - 1e-9 &&
                push_signal(sig, cap, out, (Signal){SIG_SHARE_NEAR, d, -1, share, c->lim[d]}))
                return MW_ENOMEM;
        }
    }
    out->coverage = out->loaded_dims ? (double)(out->loaded_dims - out->unknown_dims) / out->loaded_dims : 1.0;
    return MW_OK;
}
