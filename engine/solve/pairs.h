/* pairs.h — the cheap pair filters of DESIGN §4.1 for one candidate and one
 * employer: excluded employer or sector, travel time, intake capacity, and
 * at least one task the candidate could do. Every rejection has a reason,
 * the raw material of "why not". Layer: solve (no GLPK here). Knows nothing
 * about files or output.
 */
#ifndef MW_PAIRS_H
#define MW_PAIRS_H

#include "filter.h"

typedef enum {
    PAIR_OK,
    PAIR_EXCLUDED_EMPLOYER,   /* a failed trial: excluded_employers */
    PAIR_EXCLUDED_SECTOR,     /* sectors_excluded */
    PAIR_TRAVEL,              /* travel time above max_travel_min */
    PAIR_NO_INTAKE,           /* max_new_placements 0 */
    PAIR_NO_TASK,             /* no task the candidate could do (see task reasons) */
    PAIR_REASONS
} PairReason;
extern const char *const pair_reason_names[PAIR_REASONS];   /* "ok", "excluded_employer", ... */

/* Travel speeds in km/h and the detour factor over the straight line; see
 * the README (assumptions: walking 4.5, cycling 12, public transport 20
 * including waiting, car 35, detour 1.3). */
#define MW_DETOUR 1.3
extern const double mw_travel_kmh[4];

/* Great-circle distance in km (haversine, R = 6371 km). */
double travel_km(double lat1, double lon1, double lat2, double lon2);
/* One-way travel minutes of c to e by c's travel mode. */
double travel_minutes(const Candidate *c, const Employer *e);

/* Filters the pair. When task_reasons is not NULL it receives, per FIT_*
 * reason, how many of the employer's tasks were rejected for it (only
 * computed when the earlier filters pass). *feasible (if not NULL) receives
 * the number of tasks the candidate could do. */
PairReason pair_filter(const Model *m, int c, int e, int task_reasons[FIT_COUNT], int *feasible);

#endif
