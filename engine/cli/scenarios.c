/* scenarios.c — `maatwerk scenarios DIR FILE... -o OUT` and `run
 * --scenario FILE` (see scenarios.h). Every file is read and checked
 * against the model first; only when all are valid does solving start.
 * Each scenario runs on its own copy of the model (scenario_apply); the
 * standalone packages go through one carve cache, so a pair whose carving
 * instance a scenario leaves unchanged is solved once per batch. Layer:
 * cli. Progress and per-scenario lines go to stderr, the summary to stdout.
 */
#include "scenarios.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../assess/compare.h"
#include "../core/hash.h"
#include "../input/scenario_load.h"
#include "../output/atomic.h"
#include "../output/comparison.h"
#include "../solve/prune.h"
#include "../solve/carvecache.h"
#include "progress.h"

enum { EXIT_DONE = 0, EXIT_INTERNAL = 1, EXIT_USAGE = 2 };
#define MAX_INPUTS 20

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void scenarios_print_errors(const MwErrors *err)
{
    char line[1024];
    for (int i = 0; i < err->n; i++) {
        mw_error_format(&err->items[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
    if (err->dropped)
        fprintf(stderr, "... and %d more errors (--max-errors N shows more)\n", err->dropped);
}

/* Reads every file; MW_OK with sc[0..n-1] filled, else every error in err
 * (and nothing left to free). Names must be unique in the batch. */
static int load_all(const ScenarioArgs *a, const Model *m, const Weights *w, Scenario *sc, MwErrors *err)
{
    int status = MW_OK, n = 0;
    for (int k = 0; k < a->n_files; k++) {
        int st = scenario_load(a->files[k], m, w, a->models, &sc[n], err);
        if (st == MW_ENOMEM || st == MW_EIO)
            status = st;
        else if (st != MW_OK && status == MW_OK)
            status = st;
        if (st != MW_OK)
            continue;
        if (!sc[n].preset)
            sc[n].preset = a->preset;        /* the preset in force, for meta and the comparison */
        for (int q = 0; q < n; q++)
            if (strcmp(sc[q].name, sc[n].name) == 0) {
                mw_error_add(err, a->files[k], 0, "", "",
                             "key 'name': expected a name unique in the batch, got \"%s\" (also %s)", sc[n].name,
                             sc[q].file);
                if (status == MW_OK)
                    status = MW_EINPUT;
                break;
            }
        n++;
    }
    if (status != MW_OK)
        for (int q = 0; q < n; q++)
            scenario_free(&sc[q]);
    return status;
}

/* Per candidate of the scenario's model: the subsidy per weekly hour per
 * year (the budget row) in cost[0..n-1] and the jobcoach hours per year in
 * cost[n+1..2n]. mw_free it; NULL on OOM. */
static double *costs_build(const Scenario *s, const Model *sm)
{
    int n = sm->n_candidates;
    double *v = mw_calloc((size_t)(2 * n) + 2, sizeof *v);
    for (int c = 0; v && c < n; c++) {
        v[c] = scenario_cost_hour(&sm->policy, &sm->candidates[c], NULL);
        v[n + 1 + c] = scenario_jobcoach_hours(s, &sm->candidates[c]);
    }
    return v;
}

/* The base name of a path, for meta (no machine paths in results.json). */
static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

typedef struct {
    double seconds;
    long hits, solves;        /* carve cache counters during this scenario */
} ScenarioTiming;

/* Solves scenario s and writes its results into outdir; fills *row.
 * MW_OK, MW_ENOMEM or MW_EIO (printed). */
static int run_one(const ScenarioArgs *a, const Model *m, const Scenario *s, CarveCache *cache, const char *outdir,
                   CompareRow *row, Progress *prog)
{
    double t0 = now_seconds();
    Model *sm = NULL;
    double *cost_mem = NULL;
    Region r;
    Proposal p;
    int have_region = 0, have_proposal = 0;
    MwErrors err;
    mw_errors_init(&err, a->max_errors);
    int status = scenario_apply(m, s, &sm);
    if (status != MW_OK)
        goto done;
    if (!(cost_mem = costs_build(s, sm))) {
        status = MW_ENOMEM;
        goto done;
    }
    RegionOptions ro;
    region_options_default(&ro);
    ro.threads = a->threads;
    ro.time_limit = a->time_limit;
    ro.pricing_gap = a->pricing_gap;
    ro.progress = progress_update;
    ro.progress_ctx = prog;
    ro.budget = s->budget;
    ro.cost_hour = cost_mem;
    ro.jobcoach_pool = s->jobcoach_pool;
    ro.jobcoach_hours = cost_mem + sm->n_candidates + 1;
    ro.carve_cache = cache;
    ro.top_pairs = a->top_pairs >= 0 ? a->top_pairs : prune_default_top(sm, ro.time_limit);
    ro.shortlist_top = a->top;                      /* proposal_build's top, below */
    status = region_solve(sm, &s->w, &ro, &r);
    progress_done(prog);
    if (status != MW_OK)
        goto done;
    have_region = 1;
    double t1 = now_seconds();
    status = proposal_build(sm, &s->w, &r, a->top, a->want_miss, &p);
    if (status != MW_OK)
        goto done;
    have_proposal = 1;
    double t_assess = now_seconds() - t1;

    const char *preset = s->preset ? s->preset : a->preset;
    RunInput inputs[MAX_INPUTS];
    char scen_name[300];
    RunMeta meta;
    memset(&meta, 0, sizeof meta);
    meta.glpk_version = lp_glpk_version();
    meta.n_inputs = a->collect_inputs ? a->collect_inputs(a->collect_ctx, preset, inputs, MAX_INPUTS - 1) : 0;
    snprintf(scen_name, sizeof scen_name, "scenario/%s", base_name(s->file));
    if (mw_sha256_file(s->file, inputs[meta.n_inputs].sha256) == MW_OK)
        inputs[meta.n_inputs++].name = scen_name;
    meta.inputs = inputs;
    meta.preset = preset;
    meta.threads = a->threads;
    meta.max_iterations = ro.max_iterations;
    meta.time_limit = ro.time_limit;
    meta.pricing_gap = ro.pricing_gap;
    meta.nearest_miss = a->want_miss;
    meta.timings.load = a->t_load;
    meta.timings.assess = t_assess;
    meta.timings.total = now_seconds() - t0;
    status = results_write(outdir, &p, &meta, a->formats, &err);
    if (status != MW_OK) {
        scenarios_print_errors(&err);
        goto done;
    }
    status = compare_row_build(s, &p, ro.jobcoach_hours, row);
    if (status == MW_OK && !a->quiet)
        printf("%s: %d candidates, %d employers; %d placements, %.1f hours a week, %.2f job units; "
               "objective %.4f%s; wrote %s\n",
               s->name, sm->n_candidates, sm->n_employers, p.summary.placements, p.summary.hours,
               p.summary.job_units, r.objective, r.converged || r.pricing_stop == PRICING_STOP_GAP ? "" : " (stopped early)", outdir);
done:
    if (have_proposal)
        proposal_free(&p);
    if (have_region)
        region_free(&r);
    mw_free(cost_mem);
    model_free(sm);
    mw_errors_free(&err);
    return status;
}

/* OUT/batch.json: what depends on the machine (threads, seconds, how many
 * standalone packages came from the cache), kept out of the comparison. */
static int batch_write(const ScenarioArgs *a, const Scenario *sc, const ScenarioTiming *tm, int n, double total,
                       MwErrors *err)
{
    size_t cap = 256 + (size_t)n * 256;
    char *text = mw_malloc(cap);
    if (!text)
        return MW_ENOMEM;
    size_t len = (size_t)snprintf(text, cap,
                                  "{\n\t\"schema\":\t\"maatwerk.batch/1\",\n\t\"threads\":\t%d,\n\t\"share\":\t%s,\n"
                                  "\t\"seconds\":\t%.6f,\n\t\"scenarios\":\t[",
                                  a->threads, a->share ? "true" : "false", total);
    for (int k = 0; k < n && len < cap; k++)
        len += (size_t)snprintf(text + len, cap - len,
                                "%s{\n\t\t\t\"name\":\t\"%s\",\n\t\t\t\"seconds\":\t%.6f,\n"
                                "\t\t\t\"standalone_shared\":\t%ld,\n\t\t\t\"standalone_solved\":\t%ld\n\t\t}",
                                k ? ", " : "", sc[k].name, tm[k].seconds, tm[k].hits, tm[k].solves);
    if (len < cap)
        len += (size_t)snprintf(text + len, cap - len, "]\n}\n");
    int rc = MW_ENOMEM;
    if (len < cap) {
        AtomicFile f = {"batch.json", text, len};
        rc = atomic_write_files(a->out, &f, 1, err);
    }
    mw_free(text);
    return rc;
}

int scenarios_run(const ScenarioArgs *a, const Model *m, const Weights *w)
{
    double t0 = now_seconds();
    MwErrors err;
    mw_errors_init(&err, a->max_errors);
    int n = a->n_files, code = EXIT_DONE, loaded = 0, rows = 0, status;
    Scenario *sc = mw_calloc((size_t)n + 1, sizeof *sc);
    CompareRow *row = mw_calloc((size_t)n + 1, sizeof *row);
    const Scenario **sp = mw_calloc((size_t)n + 1, sizeof *sp);
    ScenarioTiming *tm = mw_calloc((size_t)n + 1, sizeof *tm);
    CarveCache *cache = a->share ? carve_cache_new() : NULL;
    if (!sc || !row || !sp || !tm || (a->share && !cache)) {
        status = MW_ENOMEM;
        goto done;
    }
    status = load_all(a, m, w, sc, &err);
    if (status != MW_OK) {
        scenarios_print_errors(&err);
        if (status != MW_ENOMEM)
            fprintf(stderr, "maatwerk: %d error%s in the scenario files; nothing was solved or written\n",
                    mw_errors_count(&err), mw_errors_count(&err) == 1 ? "" : "s");
        goto done;
    }
    loaded = 1;
    Progress prog;
    progress_init(&prog, a->quiet);
    for (int k = 0; k < n && status == MW_OK; k++) {
        char dir[4096];
        if (a->single)
            snprintf(dir, sizeof dir, "%s", a->out);
        else
            snprintf(dir, sizeof dir, "%s/%s", a->out, sc[k].name);
        if (!a->quiet)
            fprintf(stderr, "maatwerk: scenario %d/%d %s\n", k + 1, n, sc[k].name);
        long h0, s0, h1, s1;
        carve_cache_counts(cache, &h0, &s0);
        double ts = now_seconds();
        status = run_one(a, m, &sc[k], cache, dir, &row[k], &prog);
        carve_cache_counts(cache, &h1, &s1);
        tm[k] = (ScenarioTiming){now_seconds() - ts, h1 - h0, s1 - s0};
        if (status == MW_OK)
            sp[rows++] = &sc[k];
    }
    if (status == MW_OK && !a->single) {
        status = comparison_write(a->out, sp, row, rows, &err);
        if (status == MW_OK)
            status = batch_write(a, sc, tm, n, now_seconds() - t0, &err);
        if (status != MW_OK)
            scenarios_print_errors(&err);
        else if (!a->quiet) {
            long hits, solves;
            carve_cache_counts(cache, &hits, &solves);
            printf("wrote %s/comparison.csv, comparison.json (baseline %s); %ld standalone packages shared, "
                   "%ld solved\n",
                   a->out, sc[0].name, hits, solves);
        }
    }
done:
    if (status == MW_ENOMEM) {
        fprintf(stderr, "maatwerk: out of memory\n");
        code = EXIT_INTERNAL;
    } else if (status == MW_EINPUT && !loaded) {
        code = EXIT_USAGE;
    } else if (status != MW_OK) {
        code = loaded ? EXIT_INTERNAL : EXIT_USAGE;
    }
    for (int k = 0; row && k < rows; k++)
        compare_row_free(&row[k]);
    for (int k = 0; loaded && k < n; k++)
        scenario_free(&sc[k]);
    carve_cache_free(cache);
    mw_free(sc);
    mw_free(row);
    mw_free(sp);
    mw_free(tm);
    mw_errors_free(&err);
    return code;
}
