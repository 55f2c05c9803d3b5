/* carve_mathprog.h — writes a PairData as the MathProg data section of
 * models/mathprog/carve.mod, the independent statement of the carving model
 * (docs/carving-model.md) that tests and `glpsol` solve next to carve.c.
 * Layer: solve. Knows nothing about GLPK (no glpk.h) and opens no files: the
 * caller owns the stream.
 */
#ifndef MW_CARVE_MATHPROG_H
#define MW_CARVE_MATHPROG_H

#include <stdio.h>

#include "pair.h"

/* Writes "data; ... end;" for carve.mod to f: every number of p that the
 * model reads, each in the shortest text that reads back to the same double
 * (mw_fmt_double), in a fixed order, so equal PairData give byte-identical
 * text. Local indices (tasks, jobs, groups, dimensions) count from 0, as in
 * PairData. p->nt must be >= 1 (a pair without tasks has no model).
 * Returns MW_OK, or MW_EIO when a write to f failed (f then holds a partial
 * section; the caller discards it). Does not close f. */
int carve_write_dat(const PairData *p, FILE *f);

#endif
