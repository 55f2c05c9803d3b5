/* riskflags.c — the durability flags of a match (see riskflags.h). Layer:
 * solve. Reads the model and the package; no GLPK.
 */
#include "riskflags.h"

#include <string.h>

#include "signals.h"

#define FLAG_EPS 1e-9

void riskflags_fill(const Model *m, int ci, int ei, const Package *pk, double travel_min, RiskFlags *f)
{
    const RiskModel *rm = &m->risk;
    const Candidate *c = &m->candidates[ci];
    const Employer *e = &m->employers[ei];
    memset(f, 0, sizeof *f);
    double *x = f->x;
    x[RF_TEMP_ONLY] = e->contract_policy == CONTRACT_TEMP_ONLY;
    x[RF_SUPERVISOR_EXIT] = e->supervisor_exit_months != MW_UNSET &&
                            e->supervisor_exit_months <= rm->supervisor_exit_months + FLAG_EPS;
    x[RF_LONG_TRAVEL] = travel_min >= rm->travel_min - FLAG_EPS;
    x[RF_KNOWN_EMPLOYER] = intlist_has(&c->known_employers, ei);
    x[RF_PRIVATE_INSTABILITY] = c->private_instability != 0;
    x[RF_RECENT_LIFE_EVENT] = c->recent_life_event != 0;
    x[RF_FIRST_JOB] = c->first_job != 0;
    x[RF_CAPACITY_FLUCTUATING] = c->capacity_profile == CAP_FLUCTUATING;
    x[RF_CAPACITY_PROGRESSIVE] = c->capacity_profile == CAP_PROGRESSIVE;
    x[RF_RESULT_ORIENTED] = e->result_orientation >= rm->result_orientation;
    x[RF_LOW_AFFINITY] = e->affinity == 0;
    if (!pk || pk->n == 0)
        return;
    x[RF_HOURS_NEAR_MAX] = pk->hours >= rm->hours_share * c->max_hours_week - FLAG_EPS;
    double cap = e->supervision_min_day * e->working_days;
    x[RF_SUPERVISION_TIGHT] = pk->sup_minutes > FLAG_EPS && pk->sup_minutes >= rm->supervision_share * cap - FLAG_EPS;
    for (int k = 0; k < pk->n; k++)
        if (m->jobs[m->tasks[pk->tasks[k].task].job].project_end != MW_NO_DATE)
            x[RF_PROJECT_END] = 1;
    if (pk->vacancy_job >= 0 && m->jobs[pk->vacancy_job].project_end != MW_NO_DATE)
        x[RF_PROJECT_END] = 1;
    SignalCount sc;
    signals_find(m, ci, ei, pk, NULL, NULL, &sc);   /* counting only: cannot fail */
    x[RF_LOW_COVERAGE] = sc.coverage < rm->coverage - FLAG_EPS;
    x[RF_SIGNALERINGEN] = sc.nsig > 0;
}

double riskflags_points(const Model *m, const Weights *w, int ci, int ei, const Package *pk, double travel_min)
{
    if (w->risk == 0)
        return 0;
    RiskFlags f;
    RiskResult r;
    riskflags_fill(m, ci, ei, pk, travel_min, &f);
    risk_eval(&m->risk, &f, &r);
    return w->risk * r.p_durable;
}
