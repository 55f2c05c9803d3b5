/* risk.c — the durability model's evaluation and its built-in defaults
 * (see risk.h; the numbers and their sources are in models/risk/default.json
 * and the calibration in models/risk/README.md). Layer: core. Knows nothing
 * about files or packages.
 */
#include "risk.h"

#include <math.h>
#include <string.h>

const char *const risk_moment_names[RISK_MOMENTS] = {"trial", "first_six_months", "conversion", "later"};

const char *const risk_flag_names[RISK_FLAGS] = {
    "hours_near_max", "supervision_tight", "temp_only", "project_end", "supervisor_exit", "long_travel",
    "known_employer", "private_instability", "recent_life_event", "first_job", "capacity_fluctuating",
    "capacity_progressive", "low_coverage", "signaleringen", "result_oriented", "low_affinity"};

void risk_model_defaults(RiskModel *rm)
{
    /* weights per flag: trial, first six months, conversion, later; then
     * the flag's prevalence (calibration). The values of
     * models/risk/default.json, which cites the source of each. */
    static const double w[RISK_FLAGS][RISK_MOMENTS + 1] = {
        {0.4, 0.8, 0.3, 0.3, 0.30},      /* hours_near_max */
        {0.5, 0.6, 0.2, 0.2, 0.15},      /* supervision_tight */
        {0.0, 0.2, 1.2, 0.3, 0.20},      /* temp_only */
        {0.0, 0.3, 0.9, 0.5, 0.04},      /* project_end */
        {0.2, 0.7, 0.6, 0.4, 0.04},      /* supervisor_exit */
        {0.2, 0.2, 0.1, 0.2, 0.25},      /* long_travel */
        {-0.8, -0.5, -0.3, -0.2, 0.03},  /* known_employer */
        {0.4, 0.6, 0.4, 0.4, 0.15},      /* private_instability */
        {0.3, 0.5, 0.3, 0.3, 0.10},      /* recent_life_event */
        {0.4, 0.5, 0.2, 0.1, 0.15},      /* first_job */
        {0.3, 0.4, 0.3, 0.4, 0.20},      /* capacity_fluctuating */
        {0.0, 0.2, 0.4, 0.9, 0.08},      /* capacity_progressive */
        {0.4, 0.3, 0.1, 0.1, 0.15},      /* low_coverage */
        {0.3, 0.3, 0.1, 0.2, 0.40},      /* signaleringen */
        {0.2, 0.4, 0.3, 0.3, 0.45},      /* result_oriented */
        {0.3, 0.4, 0.4, 0.3, 0.10},      /* low_affinity */
    };
    static const double b[RISK_MOMENTS] = {-1.864370034, -2.266370034, -2.844112856, -2.082464575};
    static const double t[RISK_MOMENTS] = {0.245016556, 0.245016556, 0.122807018, 0.213246774};
    memset(rm, 0, sizeof *rm);
    rm->name = "default";
    for (int m = 0; m < RISK_MOMENTS; m++) {
        rm->intercept[m] = b[m];
        rm->target[m] = t[m];
    }
    for (int f = 0; f < RISK_FLAGS; f++) {
        for (int m = 0; m < RISK_MOMENTS; m++)
            rm->weight[f][m] = w[f][m];
        rm->prevalence[f] = w[f][RISK_MOMENTS];
    }
    rm->hours_share = 0.9;
    rm->supervision_share = 0.9;
    rm->travel_min = 30;
    rm->supervisor_exit_months = 12;
    rm->coverage = 0.8;
    rm->result_orientation = 2;
}

void risk_eval(const RiskModel *rm, const RiskFlags *f, RiskResult *out)
{
    double survive = 1;
    memset(out, 0, sizeof *out);
    for (int m = 0; m < RISK_MOMENTS; m++) {
        double z = rm->intercept[m];
        for (int k = 0; k < RISK_FLAGS; k++)
            z += rm->weight[k][m] * f->x[k];
        out->p_loss[m] = 1 / (1 + exp(-z));
        survive *= 1 - out->p_loss[m];
        if (m == RISK_FIRST_SIX_MONTHS)
            out->p_six_months = survive;
        if (m == RISK_DURABLE_MOMENTS - 1)
            out->p_durable = survive;
    }
}

static int find(const char *const *names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

int risk_flag_find(const char *name) { return find(risk_flag_names, RISK_FLAGS, name); }
int risk_moment_find(const char *name) { return find(risk_moment_names, RISK_MOMENTS, name); }
