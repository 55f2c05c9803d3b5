/* scenario_load.h — reading a scenario file (JSON, docs/scenarios.md) into
 * a Scenario, checking every key against the loaded model before anything
 * is solved: unknown keys, wrong types, out-of-range values, keys given
 * twice and contradictions. Layer: input (cJSON lives here). Knows nothing
 * about solving or output.
 */
#ifndef MW_SCENARIO_LOAD_H
#define MW_SCENARIO_LOAD_H

#include "../core/scenario.h"

/* Reads the scenario file at path for model m. w is the weights of the
 * command's preset (a scenario without "preset" starts from them);
 * models_dir holds the presets. On success returns MW_OK with *out filled
 * (free with scenario_free; m must outlive it). On a bad file returns
 * MW_EINPUT with every error found in err, each "path: key 'k': expected
 * ..., got ..." (or "path:LINE: invalid JSON"), and *out holds nothing to
 * free; MW_EIO when the file cannot be read; MW_ENOMEM. */
int scenario_load(const char *path, const Model *m, const Weights *w, const char *models_dir, Scenario *out,
                  MwErrors *err);

#endif
