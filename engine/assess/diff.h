/* diff.h — what changed between two weekly runs (maatwerk diff OLD NEW):
 * per candidate whether its proposal is new, kept, changed or dropped, and
 * for a change the reason inferred from the two results files; and the
 * monitoring signals, each new, open or closed. Layer: assess; works on two ResultsViews only (no model, no
 * solver), so any two results.json files can be compared. Knows nothing
 * about JSON or output.
 *
 * Reasons, first that applies (docs/results-schema.md, "diff"):
 *   trial_failed    NEW signals trial_failed for the candidate at its old employer
 *   input_changed   the candidate's fingerprint (its row and its placement's) or its
 *                   old employer's (the employer's, its jobs' and tasks' rows) differs,
 *                   or the candidate left the input
 *   capacity_taken  another candidate's NEW match, new or changed this week, takes a
 *                   task of the old package or goes to the old employer
 *   better_option   none of these: the region found a better combination
 */
#ifndef MW_DIFF_H
#define MW_DIFF_H

#include "../core/weekly.h"

typedef enum { DIFF_NEW, DIFF_KEPT, DIFF_CHANGED, DIFF_DROPPED, DIFF_STATUSES } DiffStatus;
extern const char *const diff_status_names[DIFF_STATUSES];    /* "new" "kept" "changed" "dropped" */

typedef enum { DR_NONE, DR_TRIAL_FAILED, DR_INPUT_CHANGED, DR_CAPACITY_TAKEN, DR_BETTER_OPTION, DR_KINDS } DiffReason;
extern const char *const diff_reason_names[DR_KINDS];        /* "", "trial_failed", ... */

typedef struct {
    const char *candidate;
    DiffStatus status;
    DiffReason reason;         /* for changed and dropped; DR_NONE otherwise */
    const ViewMatch *old, *now;   /* NULL when absent */
} DiffEntry;

/* A monitoring signal across the two runs: new (in NEW, not in OLD: the
 * same kind, candidate, employer and placement), open (in both) or closed
 * (in OLD only: the moment has passed or the placement went). */
typedef enum { DS_NEW, DS_OPEN, DS_CLOSED, DS_STATES } DiffSignalState;
extern const char *const diff_signal_names[DS_STATES];      /* "new" "open" "closed" */

typedef struct {
    const ViewSignal *s;       /* NEW's signal (OLD's when closed) */
    DiffSignalState state;
} DiffSignal;

typedef struct {
    int n;
    DiffEntry *items;          /* NEW's candidate order, then the candidates only OLD has */
    int counts[DIFF_STATUSES];
    int n_signals;
    DiffSignal *signals;       /* NEW's signals in its order, then the closed ones in OLD's order */
} Diff;

/* Compares old with now. MW_OK or MW_ENOMEM; free with diff_free. The Diff
 * points into both views, which must outlive it. */
int diff_build(const ResultsView *old, const ResultsView *now, Diff *out);
void diff_free(Diff *d);

/* 1 when a and b are the same proposal: employer, and tasks with hours to 1e-5. */
int diff_same_match(const ViewMatch *a, const ViewMatch *b);

#endif
