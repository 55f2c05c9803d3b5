/* comparison.h — writing the comparison of a scenario batch: OUT/
 * comparison.json (schema maatwerk.comparison/1, docs/scenarios.md) and
 * OUT/comparison.csv (one row per scenario, plain CSV: ',' and '.', for R,
 * pandas or a spreadsheet), each figure also as its difference from the
 * first scenario. Layer: output. Computes nothing but differences.
 */
#ifndef MW_COMPARISON_H
#define MW_COMPARISON_H

#include "../assess/compare.h"

/* Writes both files into outdir (created 0700 when missing), atomically,
 * byte-identical for identical rows. rows[0] is the baseline; scen[k] is
 * the scenario of rows[k] (its settings are echoed in the JSON). Returns
 * MW_OK, MW_ENOMEM or MW_EIO (message in err). */
int comparison_write(const char *outdir, const Scenario *const *scen, const CompareRow *rows, int n,
                     MwErrors *err);

#endif
