/* pair.h — the numbers of one carving problem (candidate c, employer e),
 * exactly as docs/carving-model.md states them. pair_build derives them from
 * the model and a preset; carve.c turns them into a GLPK problem and
 * carve_mathprog.c into MathProg data, so both formulations read the same
 * instance. Layer: solve. Knows nothing about GLPK here, nor about files.
 */
#ifndef MW_PAIR_H
#define MW_PAIR_H

#include "../core/model.h"

#define MW_PART_HOURS 4.0

typedef struct {
    int task;                 /* model task index */
    int job;                  /* local job index into PairData.jobs */
    int group;                /* local group index */
    double W, m, pi;          /* work volume, minimum chunk (work), pace */
    int indivisible;
    int flexible;             /* 1: free split over days; 0: even split over D */
    uint8_t days;             /* D_t, non-empty */
    uint8_t parts;            /* the task's parts of the day (for the schedule) */
    double cap[MW_DAYS];      /* cap_td hours; 0 when d not in D_t */
    double sigma;             /* supervision minutes per hour */
    double wage;              /* donor job's wage per hour */
    double pref;              /* +1 liked, -1 disliked, 0 */
    double skill;             /* mean skill fit: +1 met, -0.5 trainable gap */
    int mandatory;            /* mandatory in its job's vacancy route */
    int vacancy_only;         /* non-carvable: only with its job's vacancy route */
} PairTask;

typedef struct {
    int job;                  /* model job index */
    double W, R;              /* hours_week, min_residual_hours */
    int vacancy;              /* the vacancy route v_j exists */
} PairJob;

typedef struct {
    int dim;                  /* model dimension index */
    double limit;             /* B_k (exposure, hours/day) or S_k (share) */
    double *coef;             /* [nt] e_tk or s_tk */
} PairDim;

typedef struct {
    int cand, emp;            /* model indices */
    int nt, nj, ng;
    PairTask *t;
    PairJob *j;
    int nexp, nshare;
    PairDim *exp, *share;
    int nreq;
    int (*req)[2];            /* local (a, b): a requires b */
    double Hmin, Hmax, Hpref;
    double Hday[MW_DAYS];     /* 0 = not a possible working day */
    uint8_t avail[MW_DAYS];   /* the candidate's available parts per day (for the schedule) */
    int Dmax;
    int nmin, nmax, Gmax;     /* nmin >= 1; nmax, Gmax 0 = no limit */
    double need;              /* begeleiding minutes per working day */
    double Cap;               /* supervision minutes per week */
    Weights w;
    MwArena arena;            /* owns everything above */
} PairData;

/* Builds the carving instance of candidate c at employer e. Returns a new
 * PairData (free with pair_free), or NULL on OOM. A pair with no entering
 * task has nt == 0 (the caller reports it as "no feasible task"). */
PairData *pair_build(const Model *m, int c, int e, const Weights *w);
void pair_free(PairData *p);

#endif
