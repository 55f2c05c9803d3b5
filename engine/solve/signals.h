/* signals.h — the signaleringen (UWV's CBBS word: points to watch in the
 * trial placement) and the data coverage of a carved package: a level
 * demand exactly at a limit, an exposure or a share within 10% of its
 * limit, and the share of loaded dimensions whose limit is known. Here in
 * solve (not assess) because the durability risk of a column (riskflags.h)
 * needs them too. Layer: solve. Knows nothing about GLPK or output.
 */
#ifndef MW_SIGNALS_H
#define MW_SIGNALS_H

#include "carve.h"

/* A signalering: a point to watch in the trial. */
typedef enum {
    SIG_LEVEL_AT_LIMIT,    /* a task's level demand (after accommodation) equals the limit */
    SIG_EXPOSURE_NEAR,     /* exposure on some working day within 10% of the budget */
    SIG_SHARE_NEAR         /* share of package hours within 10% of the limit */
} SignalKind;

typedef struct {
    SignalKind kind;
    int dim;
    int task;              /* model task index; -1 for package-wide signals */
    double used, limit;    /* demand level / hours per day / share, and the limit */
} Signal;

/* Coverage below this is flagged rather than silently treated as fit. */
#define MW_LOW_COVERAGE 0.8

typedef struct {
    int nsig;              /* signaleringen found */
    int loaded_dims, unknown_dims;
    double coverage;       /* (loaded − unknown) / loaded; 1 when nothing is loaded */
} SignalCount;

/* Finds the signaleringen of package pk of candidate c at employer e, in
 * dimension order (level signals per task within a dimension), and the
 * coverage. With sig non-NULL the signals are appended to *sig (growable,
 * capacity *cap, mw_free it); with sig NULL they are only counted. Returns
 * MW_OK or MW_ENOMEM. */
int signals_find(const Model *m, int c, int e, const Package *pk, Signal **sig, int *cap, SignalCount *out);

#endif
