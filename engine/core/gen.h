/* gen.h — the synthetic region generator behind `maatwerk gen`: candidates,
 * employers, jobs and tasks drawn from the distributions documented in
 * DOMAIN.md (sources and assumptions listed at the top of gen.c).
 * Layer: core. Fills a Model in memory; knows nothing about files, CSV,
 * JSON or GLPK (engine/output writes the result).
 */
#ifndef MW_GEN_H
#define MW_GEN_H

#include <stdint.h>
#include "model.h"

typedef struct {
    int candidates, employers;   /* table sizes; negative counts as 0 */
    uint64_t seed;
} GenParams;

/* Fills m (which already holds the dimension registry in m->dims, loaded by
 * the caller) with a synthetic region: candidates, employers, jobs, tasks (no
 * placements). Deterministic: the same params and registry give the same
 * model on any IEEE-754 machine (only MwRng and exact arithmetic: no rand(),
 * time, locale or libm transcendentals). Dimensions the generator knows by
 * name and kind (tillen, staan, prikkels, ...) get values; any other registry
 * dimension is left without limit, load or accommodation. Every row obeys the
 * rules of docs/input-format.md. All memory lives in m->arena; the id indexes
 * of the four tables are built. Returns MW_OK or MW_ENOMEM (m may then be
 * partly filled, with consistent counts; the caller frees it). */
int gen_region(Model *m, const GenParams *p);

#endif
