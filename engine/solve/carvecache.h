/* carvecache.h — standalone packages shared between regional solves of one
 * batch (maatwerk scenarios): a pair whose carving instance (every number
 * of its PairData, with tasks and jobs named by id) is the same as one
 * solved before gets that package again instead of a new MIP. Identical
 * instances give identical packages (GLPK is deterministic), so sharing
 * never changes a result. Layer: solve. Knows nothing about files.
 */
#ifndef MW_CARVECACHE_H
#define MW_CARVECACHE_H

#include "carve.h"

typedef struct CarveCache CarveCache;

/* A new, empty cache; NULL on OOM. Thread-safe: region_solve's workers use
 * it at the same time. */
CarveCache *carve_cache_new(void);
void carve_cache_free(CarveCache *cc);

/* carve_solve(p, out) for pair p of model m, or the package of an identical
 * instance solved before (its task and job indices translated to m).
 * Results that depend on the clock (time limit, solver error) are never
 * shared. Returns what carve_solve returns (MW_OK or MW_ENOMEM). */
int carve_cache_solve(CarveCache *cc, const Model *m, const PairData *p, Package *out);

/* How many calls were answered from the cache, and how many solved. */
void carve_cache_counts(const CarveCache *cc, long *hits, long *solves);

#endif
