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
    /* Prices for column generation (DESIGN §4.3), all 0 for a standalone
     * carve: points per unit of work of each task (its task's and its donor
     * job's duals), per supervision minute (the employer's supervision dual),
     * and per vacancy route taken (minus the donor dual times R_j, since a
     * vacancy lifts the residual). NULL arrays mean 0. */
    double *price_work;       /* [nt] */
    double price_sup;
    double *price_vacancy;    /* [nj] */
    /* Pricing cutoff: with use_cutoff set, a pair whose LP relaxation value
     * is ≤ cutoff cannot give an improving column, so carve_solve skips the
     * branch and bound (status CARVE_CUTOFF, bound = the LP value). */
    int use_cutoff;
    double cutoff;
    /* Warm start: the LP relaxation starts from this basis (Package.basis of
     * an earlier solve of the same pair: the rows and columns are the same,
     * only the prices differ, so it is primal feasible); NULL: GLPK's
     * standard basis. Borrowed: the arena does not own it. With keep_basis
     * set, the package keeps the LP relaxation's optimal basis. */
    const uint8_t *basis;
    int basis_n;
    int keep_basis;
    MwArena arena;            /* owns everything above but basis */
} PairData;

/* The tasks that enter one pair, numbered locally (shared by pair_build and
 * the nearest miss of elastic.c). Everything lives in the arena given to
 * pair_enter. */
typedef struct {
    int nt, nj, ng, nreq;
    int *task;                /* [nt] model task index, in the employer's order */
    int *job, *group;         /* [nt] local job and group index */
    PairJob *j;               /* [nj] in order of first use */
    int (*req)[2];            /* [nreq] local (a, b): a requires b */
} PairEntry;

/* The pace π of t for c: 1 for a time-bound task, else c's loonwaarde
 * (work done per hour). */
double pair_pace(const Candidate *c, const Task *t);
/* The minimum chunk m of t in work: its min_chunk_hours, but at least one
 * hour or the whole task when that is smaller. */
double pair_min_chunk(const Task *t);

/* "Which tasks enter", after the per-task admission: in[k] says whether
 * e's k-th task is admitted so far; route[j] (size m->n_jobs) is filled
 * with whether the vacancy route of each of e's jobs is open. Then drops,
 * until nothing changes, tasks whose required tasks left, closes vacancy
 * routes whose mandatory tasks left, and drops non-carvable tasks of closed
 * routes. Changes in and route in place; cannot fail. */
void pair_admit(const Model *m, const Employer *e, char *in, char *route);

/* Numbers the tasks of e marked in `in` (as pair_admit left them), their
 * jobs and groups, and the requires between them, into *out. Returns MW_OK,
 * or MW_ENOMEM (out then holds nothing to use; the arena keeps what was
 * allocated). */
int pair_enter(const Model *m, const Employer *e, const char *in, const char *route, MwArena *arena,
               PairEntry *out);

/* Fills *pt with the numbers of the a-th task of en for candidate c, its
 * days D_t being `days` (cap_td: the hours of c's available parts of t on
 * each day of D_t). route is pair_admit's. With m->policy.main_task_rule
 * the minimum chunk is raised to the LKS main-task minimum
 * (docs/carving-model.md, m_t). Cannot fail. */
void pair_task_fill(const Model *m, const Candidate *c, const PairEntry *en, int a, uint8_t days,
                    const char *route, PairTask *pt);

/* Builds the carving instance of candidate c at employer e. Returns a new
 * PairData (free with pair_free), or NULL on OOM. A pair with no entering
 * task has nt == 0 (the caller reports it as "no feasible task"). */
PairData *pair_build(const Model *m, int c, int e, const Weights *w);
void pair_free(PairData *p);

#endif
