/* load.h — loading a data directory into the Model: finds the tables (CSV
 * files or data.json), the dimension registry and the policy, parses every
 * cell by its column's type, resolves references and checks the rules of
 * docs/input-format.md. Layer: input. Knows nothing about solving or output.
 */
#ifndef MW_LOAD_H
#define MW_LOAD_H

#include "../core/model.h"
#include "table.h"

typedef struct {
    const char *models_dir;   /* default registry, policy and risk model: models_dir/dimensions.csv,
                                 models_dir/policy/nl-2022.json, models_dir/risk/default.json;
                                 NULL = "models" */
} LoadOptions;

/* Loads DIR. On success returns MW_OK and a new model in *out (caller frees
 * with model_free). On invalid input returns MW_EINPUT with every error found
 * (up to err's limit) in err and *out untouched; MW_ENOMEM or MW_EIO likewise
 * (MW_EIO errors name the file). Never writes anything. */
int load_dir(const char *dir, const LoadOptions *opt, Model **out, MwErrors *err);

/* Fills m->dims from a registry table. MW_OK, MW_EINPUT or MW_ENOMEM. */
int load_dimensions(Model *m, const Table *t, MwErrors *err);

/* Fills m->dims from models_dir/dimensions.csv (NULL = "models").
 * MW_OK, MW_EINPUT, MW_EIO or MW_ENOMEM, with messages in err. */
int load_registry(Model *m, const char *models_dir, MwErrors *err);

/* Applies a policy JSON object (text) over m->policy. display names the file
 * in messages. Unknown keys, wrong types and out-of-range values are errors.
 * MW_OK, MW_EINPUT or MW_ENOMEM. */
int load_policy(Model *m, const char *text, const char *display, MwErrors *err);

/* Reads the objective weights of preset NAME from models_dir/presets/NAME.json
 * over the built-in defaults. Unknown keys (other than _comments), wrong
 * types and out-of-range values are errors. MW_OK, MW_EINPUT, MW_EIO or
 * MW_ENOMEM; *w is untouched on error. */
int load_preset(const char *models_dir, const char *name, Weights *w, MwErrors *err);

/* Reads a durability model (the JSON text of models/risk/default.json, see
 * models/risk/README.md) into *rm, over the built-in defaults: every flag
 * with its four moment weights, prevalence and source, the intercepts, the
 * calibration targets and the thresholds must be given. The name is copied
 * into arena. display names the file in messages; bad keys are named by
 * their path ("flags.first_job.trial"). MW_OK, MW_EINPUT or MW_ENOMEM; *rm
 * is untouched on error. */
int load_risk_model(RiskModel *rm, MwArena *arena, const char *text, const char *display, MwErrors *err);

/* Loads the entity tables into m (which holds the registry already). Tables
 * may be NULL for absent optional tables (placements). Used by load_dir and
 * by tests that build tables in memory. */
int load_tables(Model *m, const Table *employers, const Table *jobs, const Table *tasks,
                const Table *candidates, const Table *placements, MwErrors *err);

#endif
