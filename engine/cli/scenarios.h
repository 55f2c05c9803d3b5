/* scenarios.h — the `scenarios` command (and `run --scenario`): reads and
 * checks every scenario file before solving anything, then runs each on a
 * copy of the loaded model, sharing the standalone packages that a
 * scenario does not change, writes each scenario's results through
 * results_write and the comparison. Layer: cli. Never prints a candidate's
 * limits.
 */
#ifndef MW_SCENARIOS_H
#define MW_SCENARIOS_H

#include "../output/results.h"

typedef struct {
    const char *dir, *models, *out;
    const char *preset;           /* the command's preset (a scenario may name another) */
    int n_files;
    const char *const *files;
    int single;                   /* run --scenario: one file, results in out itself, no comparison */
    int threads;                  /* 0 = one per core */
    double time_limit;            /* regional solve, seconds; 0 = none */
    double pricing_gap;           /* RegionOptions.pricing_gap (--pricing-gap) */
    int top, want_miss, quiet, max_errors;
    unsigned formats;             /* RESULTS_* */
    int share;                    /* 1: share standalone packages between scenarios */
    int top_pairs;                /* pair pruning (--top-pairs K); < 0 = prune_default_top of each scenario's model */
    double t_load;                /* seconds the data took to load (meta timings) */
    /* the input files of the data directory and the models for preset NAME, for meta */
    int (*collect_inputs)(void *ctx, const char *preset, RunInput *in, int cap);
    void *collect_ctx;
} ScenarioArgs;

/* Runs the batch over model m, loaded from a->dir with weights w of
 * a->preset. Returns the exit code: 0 done; 2 when a scenario file is bad
 * (every error printed, nothing solved or written); 1 on an internal error
 * (out of memory, a file that cannot be written). */
int scenarios_run(const ScenarioArgs *a, const Model *m, const Weights *w);

/* Prints every error of err on stderr, one "file:line: ..." per line, and
 * how many were left out (the format of every command's input errors). */
void scenarios_print_errors(const MwErrors *err);

#endif
