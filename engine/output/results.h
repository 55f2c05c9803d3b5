/* results.h — writing an assessed regional proposal (engine/assess/
 * proposal.h) into an output directory: results.json (schema
 * maatwerk.results/1, every field in docs/results-schema.md) and, for Excel
 * in a Dutch locale, matches.csv and shortlist.csv. Layer: output. Never
 * includes glpk.h (the caller passes GLPK's version); computes nothing but
 * presentation.
 */
#ifndef MW_RESULTS_H
#define MW_RESULTS_H

#include <stdint.h>

#include "../assess/proposal.h"
#include "../assess/weekly.h"
#include "../core/hash.h"

/* Which files results_write writes (bit flags). RESULTS_OMIT_LIMITS leaves
 * the health-derived explanation fields out of results.json (binding_limits,
 * signaleringen and nearest_miss become null): DESIGN §6, "the
 * health-derived limits appear only in the explanation fields and can be
 * left out". */
enum {
    RESULTS_JSON = 1u << 0,          /* results.json */
    RESULTS_CSV = 1u << 1,           /* matches.csv and shortlist.csv */
    RESULTS_HTML = 1u << 2,          /* report.html, the bemiddelaar's report (report.h) */
    RESULTS_EMPLOYER_VIEW = 1u << 3, /* employers/<id>.html and .json per employer with a
                                        proposed candidate (employer_view.h) */
    RESULTS_OMIT_LIMITS = 1u << 8
};

/* One input file of the run. */
typedef struct {
    const char *name;                /* as the run names it, e.g. "candidates.csv" (no machine paths) */
    char sha256[MW_SHA256_HEX];      /* 64 lowercase hex digits (mw_sha256_file) */
} RunInput;

/* Wall-clock seconds of the stages the Region does not time itself (the
 * Region's seconds_carve/pricing/master are reported next to these). */
typedef struct {
    double load;                     /* reading and validating the input */
    double assess;                   /* proposal_build */
    double total;                    /* the whole run up to writing the results */
} RunTimings;

/* What results.json's meta needs beyond the Proposal: the Proposal already
 * holds the weights (p->w), the policy (p->m->policy), the shortlist length
 * (p->top) and the solver statistics (p->r). */
typedef struct {
    const char *glpk_version;        /* glp_version(), passed in by the caller; NULL = "unknown" */
    int n_inputs;
    const RunInput *inputs;          /* in the order to report them (sorted by name is best) */
    const char *preset;              /* weight preset name, e.g. "balanced" */
    int threads;                     /* --threads as given (0 = one per core) */
    int max_iterations;              /* column-generation rounds allowed (RegionOptions) */
    double time_limit;               /* seconds for the regional solve, 0 = none (RegionOptions) */
    double pricing_gap;              /* RegionOptions.pricing_gap, 0 = price until converged */
    int nearest_miss;                /* 1 when unmatched candidates got a nearest miss (want_miss) */
    int has_seed;                    /* 1 when seed is in force */
    uint64_t seed;
    RunTimings timings;
    const WeeklyReport *weekly;      /* weekly runs: date, previous, churn, monitoring; NULL = none */
} RunMeta;

/* Writes the files selected by formats (RESULTS_JSON | RESULTS_CSV |
 * RESULTS_HTML | RESULTS_EMPLOYER_VIEW, optionally RESULTS_OMIT_LIMITS) into outdir, which is created with mode 0700 (parents
 * too) when missing. Every file goes to a temporary file first (mode 0600)
 * and all are renamed into place only when every one was written; files of
 * formats not selected are left alone. results.json and both CSV files are
 * byte-identical for identical input (and so are report.html and the
 * employer view); the thread count and the timings,
 * which depend on the machine, go to run.json beside results.json. Returns MW_OK; MW_EINPUT when
 * formats selects no file (message in err); MW_EIO (message in err naming
 * the file, with strerror) or MW_ENOMEM. On error no temporary file is left,
 * and unless the file system failed a rename itself (each file is replaced
 * atomically, the set is not), no file in outdir was created or changed.
 * meta may be NULL (no inputs, preset null, zeros); err may be NULL. */
int results_write(const char *outdir, const Proposal *p, const RunMeta *meta, unsigned formats,
                  MwErrors *err);

#endif
