/* weekly.h — what a weekly regional run takes from an earlier run: the view
 * of a results.json (its proposal, fingerprints of its input rows, its
 * monitoring signals) and, resolved against this week's model, last week's
 * proposal per candidate (--previous). Layer: core. Filled by engine/input
 * (resview_read), read by solve (the churn term), assess (churn counts, the
 * diff) and cli. Knows nothing about JSON.
 */
#ifndef MW_WEEKLY_H
#define MW_WEEKLY_H

#include "hash.h"
#include "model.h"

/* One proposal entry of a results.json, by id. */
typedef struct {
    const char *candidate, *employer;
    const char *placement;         /* the current placement it keeps or reviews, or NULL */
    int fixed;                     /* 1: a current placement kept as it is */
    int n;
    const char **task;             /* task ids */
    double *hours, *work;
    int n_slots;                   /* package.schedule, when the file has it */
    const char **slot_task;
    int *slot_day, *slot_part;     /* 0..6 (ma..zo), 0..3 (ochtend..nacht) */
    double *slot_hours;
} ViewMatch;

typedef struct { const char *id, *fp; } ViewPrint;

typedef struct {
    const char *kind, *candidate, *employer, *placement;   /* employer/placement may be NULL */
} ViewSignal;

/* A results.json as the weekly tools need it. Everything in arena. */
typedef struct {
    int n_matches; ViewMatch *matches;     /* in file order */
    int n_candidates; const char **candidates;   /* every candidate of the run (shortlists order) */
    int n_cand_prints; ViewPrint *cand_prints;   /* fingerprints (NULL fp arrays when absent) */
    int n_emp_prints; ViewPrint *emp_prints;
    int n_signals; ViewSignal *signals;
    const char *date;                      /* meta.parameters.date, or NULL */
    char sha256[MW_SHA256_HEX];            /* of the file */
    MwArena arena;
} ResultsView;

void resview_free(ResultsView *v);

/* One slot of last week's weekly schedule. */
typedef struct { int task, day, part; double hours; } PrevSlot;

/* Last week's proposal for one candidate, resolved against this week's model. */
typedef struct {
    int emp;                       /* model employer index */
    int n;
    int *tasks;                    /* model task indices */
    double *hours;
    int n_slots;                   /* its schedule (0 when the file had none) */
    PrevSlot *slots;
} PrevMatch;

typedef struct {
    int n_candidates;
    PrevMatch *of;                 /* [n_candidates]; emp -1 when the candidate had no proposal */
    int unresolved;                /* entries naming a candidate, employer or task not in the model */
    char sha256[MW_SHA256_HEX];
    MwArena arena;
} Previous;

/* Resolves view v against model m into *out (free with previous_free).
 * Entries of candidates that left are counted in unresolved and dropped;
 * an entry whose employer or one of whose tasks is gone keeps emp -1 for
 * that candidate (counted too). MW_OK or MW_ENOMEM. */
int previous_resolve(const Model *m, const ResultsView *v, Previous *out);
void previous_free(Previous *p);

#endif
