/* diff.c — comparing two weekly runs (see diff.h). Layer: assess. Linear
 * scans over the views: a region's proposal holds a few thousand entries
 * at most, and the diff runs once a week.
 */
#include "diff.h"

#include <math.h>
#include <string.h>

const char *const diff_status_names[DIFF_STATUSES] = {"new", "kept", "changed", "dropped"};
const char *const diff_signal_names[DS_STATES] = {"new", "open", "closed"};
const char *const diff_reason_names[DR_KINDS] = {"", "trial_failed", "input_changed", "capacity_taken",
                                                 "better_option"};

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

int diff_same_match(const ViewMatch *a, const ViewMatch *b)
{
    if (!same_str(a->employer, b->employer) || a->n != b->n)
        return 0;
    for (int q = 0; q < a->n; q++) {
        int found = 0;
        for (int k = 0; k < b->n && !found; k++)
            found = same_str(a->task[q], b->task[k]) && fabs(a->hours[q] - b->hours[k]) <= 1e-5;
        if (!found)
            return 0;
    }
    return 1;
}

static const ViewMatch *match_of(const ResultsView *v, const char *cand)
{
    for (int i = 0; i < v->n_matches; i++)
        if (same_str(v->matches[i].candidate, cand))
            return &v->matches[i];
    return NULL;
}

static const char *print_of(const ViewPrint *p, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (same_str(p[i].id, id))
            return p[i].fp;
    return NULL;
}

static int has_candidate(const ResultsView *v, const char *cand)
{
    for (int i = 0; i < v->n_candidates; i++)
        if (same_str(v->candidates[i], cand))
            return 1;
    return match_of(v, cand) != NULL;
}

static int shares_task(const ViewMatch *a, const ViewMatch *b)
{
    for (int q = 0; q < a->n; q++)
        for (int k = 0; k < b->n; k++)
            if (same_str(a->task[q], b->task[k]))
                return 1;
    return 0;
}

static DiffReason reason_of(const ResultsView *old, const ResultsView *now, const char *cand, const ViewMatch *om)
{
    for (int i = 0; i < now->n_signals; i++) {
        const ViewSignal *s = &now->signals[i];
        if (same_str(s->kind, "trial_failed") && same_str(s->candidate, cand) && same_str(s->employer, om->employer))
            return DR_TRIAL_FAILED;
    }
    if (!has_candidate(now, cand))
        return DR_INPUT_CHANGED;
    const char *fa = print_of(old->cand_prints, old->n_cand_prints, cand);
    const char *fb = print_of(now->cand_prints, now->n_cand_prints, cand);
    const char *ea = print_of(old->emp_prints, old->n_emp_prints, om->employer);
    const char *eb = print_of(now->emp_prints, now->n_emp_prints, om->employer);
    if (!same_str(fa, fb) || !same_str(ea, eb))
        return DR_INPUT_CHANGED;
    for (int i = 0; i < now->n_matches; i++) {
        const ViewMatch *other = &now->matches[i];
        if (same_str(other->candidate, cand))
            continue;
        const ViewMatch *before = match_of(old, other->candidate);
        if (before && diff_same_match(before, other))
            continue;              /* unchanged: it held the same work last week */
        if (shares_task(other, om) || same_str(other->employer, om->employer))
            return DR_CAPACITY_TAKEN;
    }
    return DR_BETTER_OPTION;
}

/* 1 when v has a signal of s's kind, candidate, employer and placement. */
static int has_signal(const ResultsView *v, const ViewSignal *s)
{
    for (int k = 0; k < v->n_signals; k++) {
        const ViewSignal *o = &v->signals[k];
        if (same_str(o->kind, s->kind) && same_str(o->candidate, s->candidate) && same_str(o->employer, s->employer) &&
            same_str(o->placement, s->placement))
            return 1;
    }
    return 0;
}

static void entry(Diff *d, const ResultsView *old, const ResultsView *now, const char *cand)
{
    for (int i = 0; i < d->n; i++)
        if (same_str(d->items[i].candidate, cand))
            return;
    const ViewMatch *om = match_of(old, cand), *nm = match_of(now, cand);
    if (!om && !nm)
        return;
    DiffEntry *e = &d->items[d->n++];
    e->candidate = cand;
    e->old = om;
    e->now = nm;
    e->reason = DR_NONE;
    if (!om)
        e->status = DIFF_NEW;
    else if (!nm)
        e->status = DIFF_DROPPED;
    else
        e->status = diff_same_match(om, nm) ? DIFF_KEPT : DIFF_CHANGED;
    if (e->status == DIFF_CHANGED || e->status == DIFF_DROPPED)
        e->reason = reason_of(old, now, cand, om);
    d->counts[e->status]++;
}

int diff_build(const ResultsView *old, const ResultsView *now, Diff *d)
{
    memset(d, 0, sizeof *d);
    int cap = old->n_matches + now->n_matches + 1;
    d->items = mw_calloc((size_t)cap, sizeof *d->items);
    d->signals = mw_calloc((size_t)now->n_signals + (size_t)old->n_signals + 1, sizeof *d->signals);
    if (!d->items || !d->signals) {
        diff_free(d);
        return MW_ENOMEM;
    }
    /* NEW's candidate order (every candidate of the run), then its matches,
     * then the candidates only OLD proposed */
    for (int i = 0; i < now->n_candidates; i++)
        entry(d, old, now, now->candidates[i]);
    for (int i = 0; i < now->n_matches; i++)
        entry(d, old, now, now->matches[i].candidate);
    for (int i = 0; i < old->n_matches; i++)
        entry(d, old, now, old->matches[i].candidate);
    for (int i = 0; i < now->n_signals; i++)
        d->signals[d->n_signals++] = (DiffSignal){&now->signals[i], has_signal(old, &now->signals[i]) ? DS_OPEN : DS_NEW};
    for (int i = 0; i < old->n_signals; i++)
        if (!has_signal(now, &old->signals[i]))
            d->signals[d->n_signals++] = (DiffSignal){&old->signals[i], DS_CLOSED};
    return MW_OK;
}

void diff_free(Diff *d)
{
    if (!d)
        return;
    mw_free(d->items);
    mw_free(d->signals);
    memset(d, 0, sizeof *d);
}
