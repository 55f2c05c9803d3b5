/* diffout.h — the weekly diff on stdout: text for the team (the changes,
 * then the monitoring signals) or JSON (maatwerk.diff/1). Layer: output.
 * Knows nothing about solving.
 */
#ifndef MW_DIFFOUT_H
#define MW_DIFFOUT_H

#include <stdio.h>

#include "../assess/diff.h"

/* Writes d to f: text (kept entries only counted; old_name/new_name head
 * the first line) or, with json, the maatwerk.diff/1 object with every
 * entry. MW_OK, MW_ENOMEM or MW_EIO (f failed). */
int diffout_write(FILE *f, const Diff *d, const ResultsView *old, const ResultsView *now, const char *old_name,
                  const char *new_name, int json);

#endif
