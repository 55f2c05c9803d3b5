/* prune.c — the cheap pair upper bound and the top-K order of prune.h.
 * Layer: solve. Pure functions of a PairData; no GLPK, no files.
 */
#include "prune.h"

#include <math.h>
#include <stdlib.h>

#include "../core/mw.h"

/* The per-hour objective rate of task t, as carve.c states it (prices
 * included). */
static double task_rate(const PairData *p, int t)
{
    const PairTask *pt = &p->t[t];
    const Weights *w = &p->w;
    return w->value * pt->wage * pt->pi + w->pref * pt->pref + w->skill * pt->skill -
           (w->sup + p->price_sup) * pt->sigma - (p->price_work ? p->price_work[t] * pt->pi : 0);
}

/* The hours task t can take in a week: its work over its pace, and its day
 * capacities (a fixed task spreads evenly over its days). */
static double task_hours_cap(const PairTask *pt)
{
    double cap = pt->pi > 0 ? pt->W / pt->pi : HUGE_VAL, days = 0, sum = 0, mincap = HUGE_VAL;
    for (int d = 0; d < MW_DAYS; d++)
        if (pt->days >> d & 1) {
            days++;
            sum += pt->cap[d];
            if (pt->cap[d] < mincap)
                mincap = pt->cap[d];
        }
    double dcap = pt->flexible ? sum : days * mincap;
    return dcap < cap ? dcap : cap;
}

typedef struct {
    double rate, cap;
} Slice;

static int slice_cmp(const void *a, const void *b)
{
    const Slice *x = a, *y = b;
    return (x->rate < y->rate) - (x->rate > y->rate);
}

double prune_pair_bound(const PairData *p)
{
    if (p->nt <= 0)
        return -HUGE_VAL;
    const Weights *w = &p->w;
    /* the weekly hours: Hmax, and the Dmax largest day capacities */
    double hday[MW_DAYS];
    int nd = 0;
    for (int d = 0; d < MW_DAYS; d++)
        if (p->Hday[d] > 0)
            hday[nd++] = p->Hday[d];
    for (int a = 0; a < nd; a++)          /* descending; 7 items */
        for (int b = a + 1; b < nd; b++)
            if (hday[b] > hday[a]) {
                double t = hday[a];
                hday[a] = hday[b];
                hday[b] = t;
            }
    double H = 0;
    for (int d = 0; d < nd && (p->Dmax <= 0 || d < p->Dmax); d++)
        H += hday[d];
    if (p->Hmax < H)
        H = p->Hmax;

    /* constants: the first group is free (Σz ≥ 1 as soon as a task is in),
     * at least max(1, nmin) tasks; supervision per day, vacancy prices and
     * groups beyond the first only lower the objective when their weights
     * are ≥ 0 */
    int nmin = p->nmin > 1 ? p->nmin : 1;
    double val = w->task >= 0 ? -w->task * nmin : -w->task * p->nt;
    if (w->group < 0)
        val += -w->group * p->ng;
    if (p->price_vacancy)
        for (int j = 0; j < p->nj; j++)
            if (p->price_vacancy[j] < 0)
                val += -p->price_vacancy[j];

    Slice stack[64];
    Slice *s = p->nt <= 64 ? stack : mw_malloc(sizeof *s * (size_t)p->nt);
    if (!s)
        return HUGE_VAL;                  /* still a bound */
    for (int t = 0; t < p->nt; t++)
        s[t] = (Slice){task_rate(p, t), task_hours_cap(&p->t[t])};
    qsort(s, (size_t)p->nt, sizeof *s, slice_cmp);

    /* fill hours best rate first; the hours terms depend only on the total
     * and their marginal falls with it, so this is the relaxation's optimum */
    double wh = w->hours > 0 ? w->hours : 0, wo = w->over > 0 ? w->over : 0;
    double thr = w->theta * p->Hmax, total = 0;
    int stop = 0;
    for (int t = 0; t < p->nt && !stop; t++) {
        double avail = s[t].cap < H - total ? s[t].cap : H - total;
        while (avail > 1e-12) {
            double bp = H;
            if (total < p->Hpref && p->Hpref < bp)
                bp = p->Hpref;
            if (wo > 0 && total < thr && thr < bp)
                bp = thr;
            double seg = bp - total < avail ? bp - total : avail;
            double rate = s[t].rate + (total < p->Hpref ? wh : 0) - (wo > 0 && total >= thr ? wo : 0);
            if (rate <= 0 || seg <= 0) {
                stop = rate <= 0;
                break;
            }
            val += rate * seg;
            total += seg;
            avail -= seg;
        }
        if (total >= H)
            break;
    }
    if (s != stack)
        mw_free(s);
    return val;
}

int prune_default_top(const Model *m, double time_limit)
{
    if ((double)m->n_candidates * m->n_employers < PRUNE_AUTO_CELLS)
        return 0;
    int k = PRUNE_DEFAULT_TOP;
    if (time_limit > 0) {
        double fit = PRUNE_CARVE_SHARE * time_limit * PRUNE_PAIRS_PER_S / m->n_candidates;
        k = fit < PRUNE_MIN_TOP ? PRUNE_MIN_TOP : fit < k ? (int)fit : k;
    }
    return k;
}

static int item_cmp(const void *a, const void *b)
{
    const PruneItem *x = a, *y = b;
    if (x->key != y->key)
        return x->key > y->key ? -1 : 1;
    return x->emp - y->emp;
}

void prune_sort(PruneItem *items, int n)
{
    if (n > 1)
        qsort(items, (size_t)n, sizeof *items, item_cmp);
}
