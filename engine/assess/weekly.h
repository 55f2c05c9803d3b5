/* weekly.h — what a weekly regional run adds to the assessment: monitoring
 * signals for the current placements and the proposal (the moments the
 * studies name: end of the trial, contract renewal, the temporary-contract
 * chain, jobcoach entitlement, loonwaardemeting, supervisor leaving,
 * packages at the limit or no longer fitting), and churn against last
 * week's proposal. Layer: assess (uses solve). Knows nothing about output.
 *
 * Dutch words: ketenregeling — the rule that limits a chain of temporary
 * contracts; loonwaardemeting — the measurement of a person's loonwaarde;
 * jobcoach — the on-the-job coach the gemeente or UWV pays for.
 */
#ifndef MW_WEEKLY_ASSESS_H
#define MW_WEEKLY_ASSESS_H

#include "proposal.h"

/* The rules behind the signals (issue 8; see docs/results-schema.md). */
#define MON_TRIAL_DAYS 14          /* trial ending within 2 weeks */
#define MON_CONTRACT_DAYS 56       /* contract ending within 8 weeks: time for the renewal talk */
#define MON_CHAIN_CONTRACTS 3      /* ketenregeling: at most 3 temporary contracts ... */
#define MON_CHAIN_YEARS 3          /* ... within 3 years */
#define MON_LEAD_DAYS 56           /* other dated limits: signalled 8 weeks ahead */
#define MON_JOBCOACH_MIN_HOURS 12  /* municipal jobcoach rules: at least 12 h/week of work, */
#define MON_JOBCOACH_HOURS_YEAR 52 /* at most 52 jobcoach hours a year, */
#define MON_JOBCOACH_YEARS 2       /* for at most 2 years */
#define MON_JOBCOACH_HOURS_LEFT 8  /* signalled when at most 8 of the year's hours are left */
#define MON_LOONWAARDE_YEARS 3     /* loonwaarde measured again every 3 years */
#define MON_SUPERVISOR_MONTHS 6    /* supervisor leaving within 6 months */
#define MON_HOURS_SHARE 0.9        /* a package at >= 90% of the person's maximum hours */

typedef enum {
    MON_TRIAL_FAILED,          /* a failed trial (outcome failed): the pair is excluded */
    MON_TRIAL_ENDING,
    MON_CONTRACT_ENDING,
    MON_TEMP_CHAIN_LIMIT,
    MON_JOBCOACH_ENDING,
    MON_LOONWAARDE_DUE,
    MON_SUPERVISOR_LEAVING,
    MON_HOURS_NEAR_MAX,
    MON_PACKAGE_NO_LONGER_FITS,
    MON_KINDS
} MonKind;
extern const char *const mon_kind_names[MON_KINDS];   /* "trial_failed", "trial_ending", ... */

typedef struct {
    MonKind kind;
    int cand, emp;
    int placement;         /* Model.placements index, or -1 for a proposed match */
    int32_t date;          /* the date the signal is about (trial end, due date, ...), or MW_NO_DATE */
    int days_left;         /* date − today (negative: overdue); meaningful when date is set */
    double value, limit;   /* hours/hours (hours_near_max), months/6 (supervisor), contracts/3 ... */
    const char *reason;    /* a fixed word naming which rule ("two_years", "hours_year", ...), or NULL */
    unsigned misfit;       /* package_no_longer_fits: FIXED_MISFIT_* flags (engine/solve/fixed.h) */
} MonSignal;

/* The signals of the current placements of m and of the proposal p, on
 * date today (days since 1970; MW_NO_DATE: the dated signals are left
 * out). Ordered by candidate index, then kind, then placement. *out
 * (mw_free it) and *n. MW_OK or MW_ENOMEM. */
int weekly_monitor(const Model *m, const Weights *w, const Proposal *p, int32_t today, MonSignal **out, int *n);

/* Churn against last week's proposal: per candidate kept (same employer
 * and package), changed, dropped (no match now), new (no match last week). */
typedef struct {
    int kept, changed, dropped, added;
    int unresolved;        /* last week's entries that do not resolve in this week's model */
} Churn;

/* Counts churn of region r against pv. Cannot fail. */
void weekly_churn(const Model *m, const Region *r, const Previous *pv, Churn *out);

/* What results.json reports of a weekly run (RunMeta.weekly). */
typedef struct {
    int32_t today;                 /* --date, or MW_NO_DATE */
    const Previous *previous;      /* NULL without --previous */
    Churn churn;                   /* when previous */
    int n_signals;
    const MonSignal *signals;
} WeeklyReport;

#endif
