/* weekly.c — monitoring signals and churn of a weekly run (see weekly.h).
 * Layer: assess. Pure computation on the model, the region and the
 * proposal; knows nothing about output.
 */
#include "weekly.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../solve/fixed.h"

const char *const mon_kind_names[MON_KINDS] = {
    "trial_failed", "trial_ending",       "contract_ending", "temp_chain_limit",       "jobcoach_ending",
    "loonwaarde_due", "supervisor_leaving", "hours_near_max", "package_no_longer_fits"};

typedef struct {
    MonSignal *items;
    int n, cap;
    int oom;
} Sigs;

static MonSignal *sig_add(Sigs *s, MonKind kind, int cand, int emp, int placement)
{
    if (s->oom || mw_grow((void **)&s->items, &s->cap, s->n + 1, sizeof *s->items)) {
        s->oom = 1;
        return NULL;
    }
    MonSignal *g = &s->items[s->n++];
    memset(g, 0, sizeof *g);
    g->kind = kind;
    g->cand = cand;
    g->emp = emp;
    g->placement = placement;
    g->date = MW_NO_DATE;
    return g;
}

/* A dated signal when date − today <= lead days. */
static void sig_dated(Sigs *s, MonKind kind, const Placement *pl, int pi, int32_t date, int32_t today, int lead,
                      const char *reason)
{
    if (date == MW_NO_DATE || today == MW_NO_DATE || date - today > lead)
        return;
    MonSignal *g = sig_add(s, kind, pl->candidate, pl->employer, pi);
    if (g) {
        g->date = date;
        g->days_left = date - today;
        g->reason = reason;
    }
}

static int32_t plus_years(int32_t d, int years)
{
    int y, mo, da;
    mw_civil_from_days(d, &y, &mo, &da);
    if (mo == 2 && da == 29)
        da = 28;
    return mw_days_from_civil(y + years, mo, da);
}

/* Signals about the package itself, for a placement or a proposed match
 * (pi -1). Hours near the maximum is a placement's signal only: the carving
 * model puts proposals at theta x max hours by design. */
static void sig_package(Sigs *s, const Model *m, int c, int e, int pi, double hours)
{
    const Employer *em = &m->employers[e];
    if (em->supervisor_exit_months != MW_UNSET && em->supervisor_exit_months <= MON_SUPERVISOR_MONTHS) {
        MonSignal *g = sig_add(s, MON_SUPERVISOR_LEAVING, c, e, pi);
        if (g) {
            g->value = em->supervisor_exit_months;
            g->limit = MON_SUPERVISOR_MONTHS;
        }
    }
    double max = m->candidates[c].max_hours_week;
    if (pi >= 0 && max > 0 && hours >= MON_HOURS_SHARE * max - 1e-9) {
        MonSignal *g = sig_add(s, MON_HOURS_NEAR_MAX, c, e, pi);
        if (g) {
            g->value = hours;
            g->limit = max;
        }
    }
}

static int sig_cmp(const void *a, const void *b)
{
    const MonSignal *x = a, *y = b;
    if (x->cand != y->cand)
        return x->cand - y->cand;
    if (x->kind != y->kind)
        return (int)x->kind - (int)y->kind;
    if (x->placement != y->placement)
        return x->placement - y->placement;
    return x->reason && y->reason ? strcmp(x->reason, y->reason) : (x->reason != NULL) - (y->reason != NULL);
}

int weekly_monitor(const Model *m, const Weights *w, const Proposal *p, int32_t today, MonSignal **out, int *n)
{
    Sigs s = {NULL, 0, 0, 0};
    *out = NULL;
    *n = 0;
    for (int i = 0; i < m->n_placements && !s.oom; i++) {
        const Placement *pl = &m->placements[i];
        if (pl->outcome == PLACEMENT_FAILED) {
            MonSignal *g = sig_add(&s, MON_TRIAL_FAILED, pl->candidate, pl->employer, i);
            if (g)
                g->date = pl->trial_end;
            if (g && today != MW_NO_DATE && pl->trial_end != MW_NO_DATE)
                g->days_left = pl->trial_end - today;
            continue;
        }
        double hours = 0;
        for (int k = 0; k < pl->n_hours; k++)
            hours += pl->hours[k].hours;
        if (pl->phase == PHASE_TRIAL)
            sig_dated(&s, MON_TRIAL_ENDING, pl, i, pl->trial_end, today, MON_TRIAL_DAYS, NULL);
        if (pl->phase != PHASE_PERM)
            sig_dated(&s, MON_CONTRACT_ENDING, pl, i, pl->contract_end, today, MON_CONTRACT_DAYS, NULL);
        if (pl->phase == PHASE_TEMP) {
            if (pl->temp_contracts >= MON_CHAIN_CONTRACTS) {
                MonSignal *g = sig_add(&s, MON_TEMP_CHAIN_LIMIT, pl->candidate, pl->employer, i);
                if (g) {
                    g->value = pl->temp_contracts;
                    g->limit = MON_CHAIN_CONTRACTS;
                    g->reason = "contracts";
                }
            } else {
                int32_t from = pl->chain_start != MW_NO_DATE ? pl->chain_start : pl->start;
                sig_dated(&s, MON_TEMP_CHAIN_LIMIT, pl, i, plus_years(from, MON_CHAIN_YEARS), today, MON_LEAD_DAYS,
                          "years");
            }
        }
        if (pl->jobcoach_start != MW_NO_DATE) {
            sig_dated(&s, MON_JOBCOACH_ENDING, pl, i, plus_years(pl->jobcoach_start, MON_JOBCOACH_YEARS), today,
                      MON_LEAD_DAYS, "two_years");
            if (MON_JOBCOACH_HOURS_YEAR - pl->jobcoach_hours_year <= MON_JOBCOACH_HOURS_LEFT) {
                MonSignal *g = sig_add(&s, MON_JOBCOACH_ENDING, pl->candidate, pl->employer, i);
                if (g) {
                    g->value = pl->jobcoach_hours_year;
                    g->limit = MON_JOBCOACH_HOURS_YEAR;
                    g->reason = "hours_year";
                }
            }
            if (hours < MON_JOBCOACH_MIN_HOURS) {
                MonSignal *g = sig_add(&s, MON_JOBCOACH_ENDING, pl->candidate, pl->employer, i);
                if (g) {
                    g->value = hours;
                    g->limit = MON_JOBCOACH_MIN_HOURS;
                    g->reason = "min_hours";
                }
            }
        }
        int32_t measured = pl->loonwaarde_measured != MW_NO_DATE ? pl->loonwaarde_measured : pl->start;
        sig_dated(&s, MON_LOONWAARDE_DUE, pl, i, plus_years(measured, MON_LOONWAARDE_YEARS), today, MON_LEAD_DAYS,
                  NULL);
        sig_package(&s, m, pl->candidate, pl->employer, i, hours);
        Package pk;
        unsigned misfit = 0;
        if (fixed_placement_package(m, w, pl, &pk, &misfit)) {
            s.oom = 1;
            break;
        }
        package_free(&pk);
        if (misfit) {
            MonSignal *g = sig_add(&s, MON_PACKAGE_NO_LONGER_FITS, pl->candidate, pl->employer, i);
            if (g)
                g->misfit = misfit;
        }
    }
    /* the proposed matches that are not a current placement */
    for (int i = 0; i < p->n_matches && !s.oom; i++) {
        const Match *mt = &p->matches[i];
        if (p->r->cols[mt->col].placement >= 0)
            continue;
        sig_package(&s, m, mt->cand, mt->a.emp, -1, mt->a.pk.hours);
    }
    if (s.oom) {
        mw_free(s.items);
        return MW_ENOMEM;
    }
    if (s.n > 1)
        qsort(s.items, (size_t)s.n, sizeof *s.items, sig_cmp);
    *out = s.items;
    *n = s.n;
    return MW_OK;
}

/* Same package: the same tasks with the same hours (to 1e-5 h). */
static int same_as_previous(const Package *pk, const PrevMatch *pm)
{
    if (pk->n != pm->n)
        return 0;
    for (int q = 0; q < pm->n; q++) {
        int found = 0;
        for (int a = 0; a < pk->n && !found; a++)
            found = pk->tasks[a].task == pm->tasks[q] && fabs(pk->tasks[a].hours - pm->hours[q]) <= 1e-5;
        if (!found)
            return 0;
    }
    return 1;
}

void weekly_churn(const Model *m, const Region *r, const Previous *pv, Churn *out)
{
    memset(out, 0, sizeof *out);
    if (!pv)
        return;
    out->unresolved = pv->unresolved;
    for (int c = 0; c < m->n_candidates && c < pv->n_candidates; c++) {
        const PrevMatch *pm = &pv->of[c];
        int col = r->chosen[c];
        if (pm->emp < 0) {
            out->added += col >= 0;
            continue;
        }
        if (col < 0)
            out->dropped++;
        else if (r->pairs[r->cols[col].pair].emp == pm->emp && same_as_previous(&r->cols[col].pk, pm))
            out->kept++;
        else
            out->changed++;
    }
}
