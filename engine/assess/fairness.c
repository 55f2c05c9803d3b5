/* fairness.c — placement rates per group (see fairness.h). Layer: assess.
 * Reads the model's descriptive candidate fields only.
 */
#include "fairness.h"

#include <string.h>

const char *const fairness_dimension_names[FAIR_DIMENSIONS] = {"category", "age_band", "education", "regime"};
static const char *const age_band_names[3] = {"<27", "27-44", "45+"};

int fairness_age_band(int age)
{
    if (age < 0)
        return -1;
    return age <= 26 ? 0 : age <= 44 ? 1 : 2;
}

/* The group key of candidate c in dimension d: a name id, an age band, or -1. */
static int group_key(const Candidate *c, int d)
{
    switch (d) {
    case FAIR_CATEGORY:
        return c->category;
    case FAIR_AGE_BAND:
        return fairness_age_band(c->age);
    case FAIR_EDUCATION:
        return c->education;
    default:
        return c->regime;
    }
}

static const char *group_name(const Model *m, int d, int key)
{
    if (key < 0)
        return "unknown";
    return d == FAIR_AGE_BAND ? age_band_names[key] : model_name(m, key);
}

/* Group order: by name (age bands by key), "unknown" (-1) last, ties by key. */
static int key_before(const Model *m, int d, int a, int b)
{
    if ((a < 0) != (b < 0))
        return b < 0;
    if (d != FAIR_AGE_BAND && a >= 0) {
        int c = strcmp(model_name(m, a), model_name(m, b));
        if (c)
            return c < 0;
    }
    return a < b;
}

void fairness_free(Fairness *f)
{
    if (!f)
        return;
    mw_free(f->rows);
    memset(f, 0, sizeof *f);
}

int fairness_build(const Model *m, const char *placed, const double *p_durable, Fairness *out)
{
    memset(out, 0, sizeof *out);
    int nc = m->n_candidates, cap = 0;
    int *keys = mw_malloc(sizeof(int) * (size_t)(nc + 1));
    if (!keys)
        return MW_ENOMEM;
    out->candidates = nc;
    for (int c = 0; c < nc; c++) {
        out->placed += placed[c] != 0;
        out->expected_durable += placed[c] ? p_durable[c] : 0;
    }
    out->rate = nc ? (double)out->placed / nc : 0;
    for (int d = 0; d < FAIR_DIMENSIONS; d++) {
        /* the distinct keys of this dimension, sorted */
        int nk = 0;
        for (int c = 0; c < nc; c++) {
            int k = group_key(&m->candidates[c], d), seen = 0;
            for (int i = 0; i < nk && !seen; i++)
                seen = keys[i] == k;
            if (!seen)
                keys[nk++] = k;
        }
        for (int i = 1; i < nk; i++)
            for (int j = i; j > 0 && key_before(m, d, keys[j], keys[j - 1]); j--) {
                int t = keys[j];
                keys[j] = keys[j - 1];
                keys[j - 1] = t;
            }
        if (mw_grow((void **)&out->rows, &cap, out->n + nk, sizeof *out->rows)) {
            mw_free(keys);
            fairness_free(out);
            return MW_ENOMEM;
        }
        for (int i = 0; i < nk; i++) {
            FairnessRow *r = &out->rows[out->n++];
            memset(r, 0, sizeof *r);
            r->dimension = d;
            r->group = group_name(m, d, keys[i]);
            for (int c = 0; c < nc; c++)
                if (group_key(&m->candidates[c], d) == keys[i]) {
                    r->candidates++;
                    r->placed += placed[c] != 0;
                    r->expected_durable += placed[c] ? p_durable[c] : 0;
                }
            r->rate = (double)r->placed / r->candidates;
            r->has_ratio = out->rate > 0;
            r->ratio = r->has_ratio ? r->rate / out->rate : 0;
            r->flagged = r->has_ratio && r->ratio < MW_FAIRNESS_RATIO - 1e-12;   /* exactly 0.8 is not below */
        }
    }
    mw_free(keys);
    return MW_OK;
}
