/* resread.h — reading an earlier run's results.json for the weekly tools
 * (run --previous, diff). Layer: input (the only layer besides output that
 * parses JSON). Knows nothing about solving or output.
 */
#ifndef MW_RESREAD_H
#define MW_RESREAD_H

#include "../core/weekly.h"

/* Reads the results.json at path (display: the name used in errors, NULL =
 * path) into *out (free with resview_free). Returns MW_OK; MW_EIO when the
 * file cannot be read, MW_EINPUT when it is not a maatwerk.results/1 file or
 * a field the weekly tools need is missing or mistyped (the error names the
 * key path, e.g. "proposal[3]: column 'employer': expected a string"), or
 * MW_ENOMEM. On error *out holds nothing to free. */
int resview_read(const char *path, const char *display, ResultsView *out, MwErrors *err);

#endif
