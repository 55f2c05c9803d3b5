/* validate.h — the `validate` summary: counts, dimensions in use and the
 * warnings worth a bemiddelaar's attention. Layer: cli. Prints no limit
 * value of any candidate (health data): only ids and aggregate counts.
 */
#ifndef MW_VALIDATE_H
#define MW_VALIDATE_H

#include <stdio.h>
#include "../core/model.h"

typedef struct {
    int tasks_nobody;          /* tasks no candidate could do */
    int candidates_no_task;    /* candidates whose limits exclude every task */
    int employers_no_supervision;
    int candidates_unknown;    /* candidates with at least one '?' */
    int warnings;              /* all of the above that were reported */
} ValidateStats;

/* Prints the summary of a valid model to out; show = how many items to list
 * per warning (0 = all). Fills *stats when not NULL. */
void validate_print_summary(FILE *out, const Model *m, const char *dir, int show, ValidateStats *stats);

#endif
