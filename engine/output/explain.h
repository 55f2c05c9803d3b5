/* explain.h — writing the explanation of one candidate's pairs, as text a
 * bemiddelaar reads and as JSON (schema maatwerk.explain/1). Layer: output.
 * The explanation is where a candidate's limits may appear (they explain
 * the package); nothing here logs them elsewhere.
 */
#ifndef MW_EXPLAIN_H
#define MW_EXPLAIN_H

#include <stdio.h>

#include "../assess/assess.h"

typedef struct {
    int cand;
    int candidate_mode;               /* 1: the candidate's best pairs; 0: one named pair */
    const PairAssessment *pairs;
    int n;
    int reasons[PAIR_REASONS];        /* candidate mode: employers per pair reason */
    int no_package;                   /* candidate mode: filtered-in pairs without a package */
    const NearestMiss *miss;          /* candidate mode: the nearest miss, or NULL */
    int miss_emp;
} Explanation;

/* Writes the explanation as readable text. Returns MW_OK or MW_EIO. */
int explain_write_text(FILE *out, const Model *m, const Weights *w, const Explanation *x);
/* Writes the explanation as JSON. Returns MW_OK, MW_ENOMEM or MW_EIO. */
int explain_write_json(FILE *out, const Model *m, const Weights *w, const Explanation *x);

#endif
