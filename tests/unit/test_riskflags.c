/* test_riskflags.c — a match as durability flags (engine/solve/
 * riskflags.c), one test per flag on a casebook pair: change the one fact
 * the flag reads (a candidate field, an employer field, the travel time, a
 * donor job's project end, the package's hours against the maximum, its
 * supervision against the capacity, its coverage, a signalering), and the
 * flag — and only that flag — turns on, raising each moment's log-odds of
 * job loss by exactly the weight documented in models/risk/default.json.
 * Plus the objective's risk term (riskflags_points).
 */
#include <stdlib.h>

#include "../../engine/assess/assess.h"
#include "../../engine/input/load.h"
#include "../../engine/solve/riskflags.h"
#include "check.h"

static const char *models(void)
{
    const char *e = getenv("MAATWERK_MODELS");
    return e && *e ? e : "models";
}

static Model *load_casebook(void)
{
    MwErrors err;
    mw_errors_init(&err, 10);
    Model *m = NULL;
    LoadOptions lo = {models()};
    CHECK(load_dir("datasets/casebook", &lo, &m, &err) == MW_OK);
    mw_errors_free(&err);
    return m;
}

static double logit(double p) { return log(p / (1 - p)); }

/* The base pair: a package with supervision minutes, coverage not low, no
 * signalering, a short trip, and enough loaded dimensions without a limit to
 * make coverage low by marking them unknown. */
typedef struct {
    int c, e;
    Package pk;
    double travel;
    int none_level_dim;        /* a loaded level dimension the candidate has no limit for */
} Base;

static int loaded(const Model *m, const Package *pk, int d)
{
    for (int k = 0; k < pk->n; k++)
        if (m->tasks[pk->tasks[k].task].load[d] > 0)
            return 1;
    return 0;
}

static int find_base(Model *m, const Weights *w, Base *b)
{
    for (int c = 0; c < m->n_candidates; c++)
        for (int e = 0; e < m->n_employers; e++) {
            PairAssessment a;
            if (assess_pair(m, c, e, w, 0, &a) != MW_OK || !a.has_package) {
                assess_pair_free(&a);
                continue;
            }
            int none = 0, level = -1;
            for (int d = 0; d < m->n_dims; d++)
                if (loaded(m, &a.pk, d) && m->candidates[c].lim_state[d] == LIM_NONE) {
                    none++;
                    if (m->dims[d].kind == DIM_LEVEL && level < 0)
                        level = d;
                }
            int ok = a.pk.sup_minutes > 0 && a.coverage >= m->risk.coverage && a.nsig == 0 && level >= 0 &&
                     (none + a.unknown_dims) * 5 > a.loaded_dims && a.travel_min < m->risk.travel_min - 5;
            if (ok) {
                b->c = c;
                b->e = e;
                b->travel = a.travel_min;
                b->none_level_dim = level;
                ok = package_copy(&b->pk, &a.pk) == MW_OK;
            }
            assess_pair_free(&a);
            if (ok)
                return 1;
        }
    return 0;
}

/* Neutralises every pair-level flag of the base so each can be turned on. */
static void neutral(Model *m, const Base *b)
{
    Candidate *c = &m->candidates[b->c];
    Employer *e = &m->employers[b->e];
    c->private_instability = c->recent_life_event = c->first_job = 0;
    c->capacity_profile = CAP_STABLE;
    c->known_employers.n = 0;
    e->contract_policy = CONTRACT_PERM;
    e->supervisor_exit_months = MW_UNSET;
    e->result_orientation = 0;
    e->affinity = 2;
    e->supervision_min_day = 1e5;      /* plenty of supervision margin */
    c->max_hours_week = b->pk.hours / 0.8;   /* hours at 80% of the maximum */
    for (int k = 0; k < b->pk.n; k++)
        m->jobs[m->tasks[b->pk.tasks[k].task].job].project_end = MW_NO_DATE;
}

static void flags_of(const Model *m, const Base *b, double travel, RiskFlags *f, RiskResult *r)
{
    riskflags_fill(m, b->c, b->e, &b->pk, travel, f);
    risk_eval(&m->risk, f, r);
}

/* Turns flag `flag` on with the mutation `on`, then checks. */
static void check_flag(Model *m, const Base *b, int flag, void (*on)(Model *, const Base *, double *))
{
    RiskFlags f0, f1;
    RiskResult r0, r1;
    neutral(m, b);
    flags_of(m, b, b->travel, &f0, &r0);
    double travel = b->travel;
    on(m, b, &travel);
    flags_of(m, b, travel, &f1, &r1);
    CHECK(f0.x[flag] == 0 && f1.x[flag] == 1);
    for (int k = 0; k < RISK_FLAGS; k++)
        if (k != flag && f0.x[k] != f1.x[k]) {
            fprintf(stderr, "turning on %s also changed %s\n", risk_flag_names[flag], risk_flag_names[k]);
            CHECK(0);
        }
    for (int mo = 0; mo < RISK_MOMENTS; mo++)
        CHECK_NEAR(logit(r1.p_loss[mo]) - logit(r0.p_loss[mo]), m->risk.weight[flag][mo], 1e-9);
    if (flag != RF_KNOWN_EMPLOYER)
        CHECK(r1.p_durable < r0.p_durable);    /* every other flag is a risk */
    else
        CHECK(r1.p_durable > r0.p_durable);
}

static void on_hours(Model *m, const Base *b, double *t)
{
    (void)t;
    m->candidates[b->c].max_hours_week = b->pk.hours / 0.9;      /* exactly at 90%: "at or above" */
}
static void on_supervision(Model *m, const Base *b, double *t)
{
    (void)t;
    Employer *e = &m->employers[b->e];
    e->supervision_min_day = b->pk.sup_minutes / 0.95 / e->working_days;
}
static void on_temp(Model *m, const Base *b, double *t) { (void)t; m->employers[b->e].contract_policy = CONTRACT_TEMP_ONLY; }
static void on_project(Model *m, const Base *b, double *t)
{
    (void)t;
    m->jobs[m->tasks[b->pk.tasks[0].task].job].project_end = mw_days_from_civil(2027, 3, 1);
}
static void on_exit(Model *m, const Base *b, double *t) { (void)t; m->employers[b->e].supervisor_exit_months = 12; }
static void on_travel(Model *m, const Base *b, double *t) { (void)m; (void)b; *t = 30; }
static int known_item[1];
static void on_known(Model *m, const Base *b, double *t)
{
    (void)t;
    known_item[0] = b->e;
    m->candidates[b->c].known_employers = (IntList){1, known_item};
}
static void on_instability(Model *m, const Base *b, double *t) { (void)t; m->candidates[b->c].private_instability = 1; }
static void on_event(Model *m, const Base *b, double *t) { (void)t; m->candidates[b->c].recent_life_event = 1; }
static void on_first(Model *m, const Base *b, double *t) { (void)t; m->candidates[b->c].first_job = 1; }
static void on_fluct(Model *m, const Base *b, double *t) { (void)t; m->candidates[b->c].capacity_profile = CAP_FLUCTUATING; }
static void on_progr(Model *m, const Base *b, double *t) { (void)t; m->candidates[b->c].capacity_profile = CAP_PROGRESSIVE; }
static void on_coverage(Model *m, const Base *b, double *t)
{
    (void)t;
    Candidate *c = &m->candidates[b->c];
    for (int d = 0; d < m->n_dims; d++)
        if (loaded(m, &b->pk, d) && c->lim_state[d] == LIM_NONE)
            c->lim_state[d] = LIM_UNKNOWN;
}
static void on_signal(Model *m, const Base *b, double *t)
{
    (void)t;
    /* a limit exactly at the highest demand of the dimension: SIG_LEVEL_AT_LIMIT */
    int d = b->none_level_dim;
    double top = 0;
    for (int k = 0; k < b->pk.n; k++) {
        double v = m->tasks[b->pk.tasks[k].task].load[d] - m->employers[b->e].acc[d];
        top = v > top ? v : top;
    }
    m->candidates[b->c].lim[d] = top;
    m->candidates[b->c].lim_state[d] = LIM_KNOWN;
}
static void on_result(Model *m, const Base *b, double *t) { (void)t; m->employers[b->e].result_orientation = 2; }
static void on_affinity(Model *m, const Base *b, double *t) { (void)t; m->employers[b->e].affinity = 0; }

static void test_flags(void)
{
    Model *m = load_casebook();
    if (!m)
        return;
    Weights w;
    weights_default(&w);
    Base b;
    memset(&b, 0, sizeof b);
    int found = find_base(m, &w, &b);
    CHECK(found);
    if (found) {
        /* the mutations of coverage and signals change limit states: keep a copy to restore */
        Candidate *c = &m->candidates[b.c];
        unsigned char *state = malloc((size_t)m->n_dims);
        double *lim = malloc(sizeof(double) * (size_t)m->n_dims);
        memcpy(state, c->lim_state, (size_t)m->n_dims);
        memcpy(lim, c->lim, sizeof(double) * (size_t)m->n_dims);
        IntList known = c->known_employers;
        double maxh = c->max_hours_week;
        static void (*const on[RISK_FLAGS])(Model *, const Base *, double *) = {
            on_hours, on_supervision, on_temp, on_project, on_exit, on_travel, on_known, on_instability,
            on_event, on_first, on_fluct, on_progr, on_coverage, on_signal, on_result, on_affinity};
        for (int f = 0; f < RISK_FLAGS; f++) {
            check_flag(m, &b, f, on[f]);
            memcpy(c->lim_state, state, (size_t)m->n_dims);
            memcpy(c->lim, lim, sizeof(double) * (size_t)m->n_dims);
            c->max_hours_week = maxh;
        }
        /* the thresholds' other side: 89% of the maximum, 85% of the minutes,
         * 29 minutes, an exit in 13 months do not flag */
        neutral(m, &b);
        RiskFlags f;
        RiskResult r;
        c->max_hours_week = b.pk.hours / 0.89;
        m->employers[b.e].supervision_min_day = b.pk.sup_minutes / 0.85 / m->employers[b.e].working_days;
        m->employers[b.e].supervisor_exit_months = 13;
        flags_of(m, &b, 29, &f, &r);
        CHECK(f.x[RF_HOURS_NEAR_MAX] == 0 && f.x[RF_SUPERVISION_TIGHT] == 0 && f.x[RF_LONG_TRAVEL] == 0 &&
              f.x[RF_SUPERVISOR_EXIT] == 0);
        /* no package: only pair flags */
        riskflags_fill(m, b.c, b.e, NULL, 45, &f);
        CHECK(f.x[RF_LONG_TRAVEL] == 1 && f.x[RF_HOURS_NEAR_MAX] == 0 && f.x[RF_LOW_COVERAGE] == 0);
        /* the objective's risk term: w.risk × p_durable, 0 without a weight */
        c->max_hours_week = maxh;
        CHECK(riskflags_points(m, &w, b.c, b.e, &b.pk, b.travel) == 0);
        w.risk = 120;
        flags_of(m, &b, b.travel, &f, &r);
        CHECK_NEAR(riskflags_points(m, &w, b.c, b.e, &b.pk, b.travel), 120 * r.p_durable, 1e-12);
        c->known_employers = known;
        free(state);
        free(lim);
        package_free(&b.pk);
    }
    model_free(m);
}

int main(void)
{
    test_flags();
    return check_report("test_riskflags");
}
