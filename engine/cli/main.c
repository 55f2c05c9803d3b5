/* main.c — the maatwerk command line: subcommands, options, exit codes.
 * Layer: cli, on top of every other layer. Exit codes: 0 done, 1 internal
 * error, 2 invalid input or usage. Messages in English on stderr; results
 * on stdout. Never prints a candidate's limits.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../core/gen.h"
#include "../core/model.h"
#include "../input/load.h"
#include "../assess/proposal.h"
#include "../core/hash.h"
#include "../output/explain.h"
#include "../output/results.h"
#include "../solve/monolith.h"
#include "../solve/region.h"
#include "../solve/prune.h"
#include "progress.h"
#include "scenarios.h"
#include "../output/tables.h"
#include "validate.h"
#include "../assess/diff.h"
#include "../assess/weekly.h"
#include "../input/parse.h"
#include "../input/resread.h"
#include "../output/diffout.h"

enum { EXIT_DONE = 0, EXIT_INTERNAL = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
    "usage: maatwerk COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  validate DIR [--all]             check a data directory; print a summary and warnings\n"
    "  gen --candidates N --employers M [--seed S] -o DIR\n"
    "                                   write a synthetic region (same seed, same files)\n"
    "  convert DIR -o OUT [--format csv|json] [--excel-nl]\n"
    "                                   write the data of DIR again (canonical CSV, one data.json,\n"
    "                                   or CSV as Dutch Excel saves it); the registry is included\n"
    "  explain DIR --candidate ID [--employer ID] [--json] [--top K] [--preset NAME]\n"
    "                                   the carved package of one pair, or the candidate's best\n"
    "                                   pairs (default 3): schedule, score per term, binding\n"
    "                                   limits, signaleringen, coverage; without a package the\n"
    "                                   reasons and the nearest miss\n"
    "  run DIR [-o OUT] [--preset NAME] [--top K] [--threads N] [--time-limit S]\n"
    "      [--formats json,csv,html] [--employer-view] [--no-limits] [--no-miss] [--quiet]\n"
    "                                   the regional proposal: every pair carved, packages\n"
    "                                   assigned by column generation so no work is promised\n"
    "                                   twice; writes OUT/results.json, matches.csv and\n"
    "                                   shortlist.csv, run.json (default OUT: results); each\n"
    "                                   match with its costs and durability risk, a summary and\n"
    "                                   placement rates per group (fairness); and report.html\n"
    "                                   (the bemiddelaar's report, in Dutch); --employer-view\n"
    "                                   adds OUT/employers/ID.html and .json per employer\n"
    "                                   (limits only with the candidate's consent)\n"
    "      [--top-pairs K]              carve at most K pairs per candidate, the best by a cheap\n"
    "                                   upper bound first (default: 12 when candidates x\n"
    "                                   employers >= 100,000, else 0 = every pair; with\n"
    "                                   --time-limit S at most what half of S carves at 800\n"
    "                                   pairs a second, at least 4); above 6 the better\n"
    "                                   half first, the others only if they may enter a\n"
    "                                   shortlist or the master LP over those shows they\n"
    "                                   can improve it\n"
    "      [--pricing-gap G]            stop column generation when its (valid) Lagrangian\n"
    "                                   bound is within the fraction G of the master LP\n"
    "                                   (default 0.0005; 0 = until no column improves)\n"
    "  export-mip DIR -o FILE.lp [--preset NAME]\n"
    "                                   the monolithic regional MIP (every feasible pair, every\n"
    "                                   task) in CPLEX LP format, for glpsol, cbc or any solver\n"
    "  run ... [--previous OLD/results.json] [--date YYYY-MM-DD]\n"
    "                                   a weekly run: current placements (placements.csv) enter\n"
    "                                   as fixed columns; --previous keeps last week's packages\n"
    "                                   unless a change gains more than the preset's churn;\n"
    "                                   --date is the day the monitoring signals are computed for\n"
    "  diff OLD.json NEW.json [--json]  new, kept, changed and dropped proposals with the reason of\n"
    "                                   each change, and the monitoring signals (new, open, closed)\n"
    "  scenarios DIR FILE... [-o OUT] [--preset NAME] [--top K] [--threads N] [--time-limit S]\n"
    "      [--formats json,csv,html] [--top-pairs K] [--pricing-gap G] [--no-limits] [--no-miss]\n"
    "      [--no-share] [--quiet]\n"
    "                                   what-if scenarios (docs/scenarios.md) in one batch: each\n"
    "                                   scenario's results in OUT/NAME/, the comparison in\n"
    "                                   OUT/comparison.csv and .json (default OUT: scenarios);\n"
    "                                   run DIR --scenario FILE runs one into OUT\n"
    "\n"
    "presets (--preset NAME reads models/presets/NAME.json): balanced (default), durable\n"
    "  (expected durable placements first), candidate-first (wishes weigh most), employer-value\n"
    "\n"
    "options for every command:\n"
    "  --models DIR    the default dimension registry, presets, policy and risk model\n"
    "                  (default: $MAATWERK_MODELS, else ./models)\n"
    "  --max-errors N  report at most N input errors (default 100)\n"
    "  -h, --help      this text\n"
    "\n"
    "exit codes: 0 done, 1 internal error, 2 invalid input or usage\n";

typedef struct {
    const char *models;
    int max_errors;
    int all;
    int excel_nl;
    const char *format;
    const char *candidate, *employer, *preset;
    int json;
    long top;
    long threads;
    double time_limit;
    int have_time_limit;
    double pricing_gap;       /* run/scenarios --pricing-gap G (main: PRICING_GAP_CLI) */
    const char *formats;
    int quiet, no_limits, no_miss;
    int employer_view;
    const char *out;
    long candidates, employers;
    unsigned long long seed;
    int have_seed;
    const char *dir;
    /* scenarios */
    const char *scenario;          /* run --scenario FILE */
    int no_share;                  /* --no-share: solve every scenario's pairs afresh */
    int n_files;
    const char *files[256];        /* scenarios DIR FILE... */
    long top_pairs;           /* run --top-pairs K (issue 6) */
    int have_top_pairs;
    /* weekly runs */
    const char *previous, *date, *dir2;
} Options;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "maatwerk: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n(maatwerk --help for usage)\n");
    return EXIT_USAGE;
}

static int parse_count(const char *s, long *out, long lo, long hi)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* Parses argv[2..]; returns 0 or an exit code. */
static int parse_options(int argc, char **argv, Options *o)
{
    const char *env = getenv("MAATWERK_MODELS");
    o->models = env && *env ? env : "models";
    o->max_errors = 100;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        long n;
        if (strcmp(a, "--all") == 0) {
            o->all = 1;
        } else if (strcmp(a, "--excel-nl") == 0) {
            o->excel_nl = 1;
        } else if (strcmp(a, "--json") == 0) {
            o->json = 1;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            o->quiet = 1;
        } else if (strcmp(a, "--no-limits") == 0) {
            o->no_limits = 1;
        } else if (strcmp(a, "--no-miss") == 0) {
            o->no_miss = 1;
        } else if (strcmp(a, "--employer-view") == 0) {
            o->employer_view = 1;
        } else if (strcmp(a, "--no-share") == 0) {
            o->no_share = 1;
        } else if (strcmp(a, "--scenario") == 0) {
            if (!v)
                return usage_error("option %s needs a value", a);
            o->scenario = v;
            i++;
        } else if (strcmp(a, "--threads") == 0 || strcmp(a, "--time-limit") == 0 || strcmp(a, "--formats") == 0) {
            if (!v)
                return usage_error("option %s needs a value", a);
            i++;
            if (strcmp(a, "--threads") == 0) {
                if (parse_count(v, &o->threads, 1, 256))
                    return usage_error("--threads: expected a number 1..256, got '%s'", v);
            } else if (strcmp(a, "--time-limit") == 0) {
                char *end;
                o->time_limit = strtod(v, &end);
                if (end == v || *end || !(o->time_limit > 0) || o->time_limit > 1e6)
                    return usage_error("--time-limit: expected seconds > 0, got '%s'", v);
                o->have_time_limit = 1;
            } else {
                o->formats = v;
            }
        } else if (strcmp(a, "--candidate") == 0 || strcmp(a, "--employer") == 0 || strcmp(a, "--preset") == 0 ||
                   strcmp(a, "--top") == 0) {
            if (!v)
                return usage_error("option %s needs a value", a);
            i++;
            if (strcmp(a, "--candidate") == 0)
                o->candidate = v;
            else if (strcmp(a, "--employer") == 0)
                o->employer = v;
            else if (strcmp(a, "--preset") == 0)
                o->preset = v;
            else if (parse_count(v, &o->top, 1, 1000))
                return usage_error("--top: expected a number 1..1000, got '%s'", v);
        } else if (strcmp(a, "--previous") == 0 || strcmp(a, "--date") == 0) {
            if (!v)
                return usage_error("option %s needs a value", a);
            i++;
            if (strcmp(a, "--previous") == 0)
                o->previous = v;
            else
                o->date = v;
        } else if (strcmp(a, "--format") == 0) {
            if (!v || (strcmp(v, "csv") != 0 && strcmp(v, "json") != 0))
                return usage_error("--format: expected csv or json, got '%s'", v ? v : "");
            o->format = v;
            i++;
        } else if (strcmp(a, "--models") == 0 || strcmp(a, "-o") == 0 || strcmp(a, "--out") == 0 ||
                   strcmp(a, "--max-errors") == 0 || strcmp(a, "--candidates") == 0 ||
                   strcmp(a, "--employers") == 0 || strcmp(a, "--seed") == 0) {
            if (!v)
                return usage_error("option %s needs a value", a);
            i++;
            if (strcmp(a, "--models") == 0) {
                o->models = v;
            } else if (strcmp(a, "-o") == 0 || strcmp(a, "--out") == 0) {
                o->out = v;
            } else if (strcmp(a, "--max-errors") == 0) {
                if (parse_count(v, &n, 1, 1000000))
                    return usage_error("--max-errors: expected a number 1..1000000, got '%s'", v);
                o->max_errors = (int)n;
            } else if (strcmp(a, "--candidates") == 0) {
                if (parse_count(v, &o->candidates, 0, 10000000))
                    return usage_error("--candidates: expected a number 0..10000000, got '%s'", v);
            } else if (strcmp(a, "--employers") == 0) {
                if (parse_count(v, &o->employers, 1, 10000000))
                    return usage_error("--employers: expected a number 1..10000000, got '%s'", v);
            } else {
                char *end;
                errno = 0;
                o->seed = strtoull(v, &end, 10);
                if (errno || end == v || *end || v[0] == '-')
                    return usage_error("--seed: expected a non-negative integer, got '%s'", v);
                o->have_seed = 1;
            }
        } else if (strcmp(a, "--pricing-gap") == 0) {
            if (!v)
                return usage_error("option %s needs a value", a);
            i++;
            char *end;
            o->pricing_gap = strtod(v, &end);
            if (end == v || *end || !(o->pricing_gap >= 0) || o->pricing_gap > 0.1)
                return usage_error("--pricing-gap: expected a fraction 0..0.1, got '%s'", v);
        } else if (strcmp(a, "--top-pairs") == 0) {
            if (!v)
                return usage_error("option %s needs a value", a);
            i++;
            if (parse_count(v, &o->top_pairs, 0, 1000000))
                return usage_error("--top-pairs: expected a number 0..1000000, got '%s'", v);
            o->have_top_pairs = 1;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option '%s'", a);
        } else if (!o->dir) {
            o->dir = a;
        } else if (!o->dir2 && strcmp(argv[1], "diff") == 0) {
            o->dir2 = a;
        } else if (strcmp(argv[1], "scenarios") == 0 && o->n_files < 256) {
            o->files[o->n_files++] = a;
        } else {
            return usage_error("unexpected argument '%s'", a);
        }
    }
    return 0;
}

static void print_errors(const MwErrors *err)
{
    scenarios_print_errors(err);
}

/* Maps a load status to an exit code, printing the errors. */
static int report_load_failure(int status, const MwErrors *err, const char *dir)
{
    print_errors(err);
    if (status == MW_EINPUT) {
        fprintf(stderr, "maatwerk: %s: %d error%s; nothing was written\n", dir, mw_errors_count(err),
                mw_errors_count(err) == 1 ? "" : "s");
        return EXIT_USAGE;
    }
    if (status == MW_EIO)
        return EXIT_USAGE;
    fprintf(stderr, "maatwerk: out of memory while loading %s\n", dir);
    return EXIT_INTERNAL;
}

static int cmd_validate(const Options *o)
{
    if (!o->dir)
        return usage_error("%s", "validate needs a data directory: maatwerk validate DIR");
    MwErrors err;
    mw_errors_init(&err, o->max_errors);
    Model *m = NULL;
    LoadOptions lo = {o->models};
    int status = load_dir(o->dir, &lo, &m, &err);
    if (status != MW_OK) {
        int code = report_load_failure(status, &err, o->dir);
        mw_errors_free(&err);
        return code;
    }
    validate_print_summary(stdout, m, o->dir, o->all ? 0 : 10, NULL);
    model_free(m);
    mw_errors_free(&err);
    return EXIT_DONE;
}

static int cmd_gen(const Options *o)
{
    if (!o->out)
        return usage_error("%s", "gen needs an output directory: -o DIR");
    if (o->dir)
        return usage_error("unexpected argument '%s'", o->dir);
    if (o->candidates <= 0 || o->employers <= 0)
        return usage_error("%s", "gen needs --candidates N and --employers M (both > 0)");
    MwErrors err;
    mw_errors_init(&err, o->max_errors);
    Model *m = model_new();
    int code = EXIT_DONE;
    if (!m) {
        fprintf(stderr, "maatwerk: out of memory\n");
        return EXIT_INTERNAL;
    }
    int status = load_registry(m, o->models, &err);
    if (status != MW_OK) {
        code = report_load_failure(status, &err, o->models);
        goto done;
    }
    GenParams p = {(int)o->candidates, (int)o->employers, o->have_seed ? o->seed : 1};
    if (gen_region(m, &p) != MW_OK) {
        fprintf(stderr, "maatwerk: out of memory while generating\n");
        code = EXIT_INTERNAL;
        goto done;
    }
    TablesDialect d = {',', 0, 0, 0};
    status = tables_write_dir(m, o->out, &d, 0, &err);
    if (status != MW_OK) {
        print_errors(&err);
        code = EXIT_INTERNAL;
        goto done;
    }
    printf("wrote %s: %d candidates, %d employers, %d jobs, %d tasks (seed %llu)\n", o->out,
           m->n_candidates, m->n_employers, m->n_jobs, m->n_tasks, (unsigned long long)p.seed);
done:
    model_free(m);
    mw_errors_free(&err);
    return code;
}

/* Loads the preset's weights and the data directory. On failure prints
 * the errors and returns the exit code (and *m stays NULL); 0 on success. */
static int load_input(const Options *o, const char *preset, Weights *w, Model **m)
{
    MwErrors err;
    mw_errors_init(&err, o->max_errors);
    LoadOptions lo = {o->models};
    weights_default(w);
    *m = NULL;
    int status = load_preset(o->models, preset, w, &err);
    if (status == MW_OK)
        status = load_dir(o->dir, &lo, m, &err);
    int code = status == MW_OK ? 0 : report_load_failure(status, &err, o->dir);
    mw_errors_free(&err);
    return code;
}

static int cmd_explain(const Options *o)
{
    if (!o->dir || !o->candidate)
        return usage_error("%s", "explain needs a data directory and --candidate ID");
    Model *m;
    Weights w;
    int code = load_input(o, o->preset ? o->preset : "balanced", &w, &m);
    if (code)
        return code;
    int status;
    int c = model_find_candidate(m, o->candidate);
    int e = o->employer ? model_find_employer(m, o->employer) : -1;
    if (c < 0 || (o->employer && e < 0)) {
        fprintf(stderr, "maatwerk: %s: no %s '%s'\n", o->dir, c < 0 ? "candidate" : "employer",
                c < 0 ? o->candidate : o->employer);
        model_free(m);
        return EXIT_USAGE;
    }
    Explanation x;
    memset(&x, 0, sizeof x);
    x.cand = c;
    x.miss_emp = -1;
    PairAssessment one, *list = NULL;
    NearestMiss miss;
    memset(&miss, 0, sizeof miss);
    int n = 0;
    if (e >= 0) {
        status = assess_pair(m, c, e, &w, 1, &one);
        x.pairs = &one;
        x.n = status == MW_OK;
    } else {
        status = assess_candidate(m, c, &w, o->top ? (int)o->top : 3, &list, &n, x.reasons, &x.no_package,
                                  &miss, &x.miss_emp);
        x.candidate_mode = 1;
        x.pairs = list;
        x.n = n;
        x.miss = x.miss_emp >= 0 ? &miss : NULL;
    }
    if (status != MW_OK) {
        fprintf(stderr, "maatwerk: out of memory\n");
        code = EXIT_INTERNAL;
    } else {
        status = o->json ? explain_write_json(stdout, m, &w, &x) : explain_write_text(stdout, m, &w, &x);
        code = status == MW_OK ? EXIT_DONE : EXIT_INTERNAL;
    }
    if (e >= 0 && x.n)
        assess_pair_free(&one);
    assess_list_free(list, n);
    if (x.miss_emp >= 0)
        nearest_miss_free(&miss);
    model_free(m);
    return code;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Parses "json,csv,html" into RESULTS_* flags; 0 on an unknown name. */
static unsigned parse_formats(const char *s)
{
    unsigned f = 0;
    char buf[128];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        if (strcmp(tok, "json") == 0)
            f |= RESULTS_JSON;
        else if (strcmp(tok, "csv") == 0)
            f |= RESULTS_CSV;
        else if (strcmp(tok, "html") == 0)
            f |= RESULTS_HTML;
        else
            return 0;
    }
    return f;
}

/* --formats, --employer-view and --no-limits as RESULTS_* flags in *formats; 0, or an exit
 * code after the usage message. */
static int run_formats(const Options *o, unsigned *formats)
{
    *formats = parse_formats(o->formats ? o->formats : "json,csv,html");
    if (!*formats)
        return usage_error("--formats: expected a list of json, csv and html, got '%s'", o->formats);
    if (o->employer_view)
        *formats |= RESULTS_EMPLOYER_VIEW;
    if (o->no_limits)
        *formats |= RESULTS_OMIT_LIMITS;
    return 0;
}

/* The input files of a run, with their SHA-256: the data directory's files
 * and the models files in force. Sorted by name. */
static int collect_inputs(const char *dir, const char *models, const char *preset, RunInput *in, int cap)
{
    static const char *const data_files[] = {"candidates.csv", "data.json", "dimensions.csv", "employers.csv",
                                             "jobs.csv", "placements.csv", "policy.json", "tasks.csv"};
    int n = 0;
    char path[4096];
    static char names[4][256];
    for (size_t i = 0; i < sizeof data_files / sizeof *data_files && n < cap; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, data_files[i]);
        if (mw_sha256_file(path, in[n].sha256) == MW_OK)
            in[n++].name = data_files[i];
    }
    snprintf(path, sizeof path, "%s/dimensions.csv", dir);
    struct stat st;
    const char *model_files[4] = {stat(path, &st) == 0 ? NULL : "dimensions.csv", "policy/nl-2022.json", NULL,
                                  "risk/default.json"};
    static char preset_file[256];       /* apart from names[]: snprintf must not read what it writes */
    snprintf(preset_file, sizeof preset_file, "presets/%s.json", preset);
    model_files[2] = preset_file;
    for (int i = 0; i < 4 && n < cap; i++) {
        if (!model_files[i])
            continue;
        snprintf(path, sizeof path, "%s/%s", models, model_files[i]);
        snprintf(names[i], sizeof names[i], "models/%s", model_files[i]);
        if (mw_sha256_file(path, in[n].sha256) == MW_OK)
            in[n++].name = names[i];
    }
    return n;
}

static int load_previous(const Options *o, const Model *m, Previous *prev);

static int cmd_run(const Options *o)
{
    if (!o->dir)
        return usage_error("%s", "run needs a data directory: maatwerk run DIR [-o OUT]");
    unsigned formats;
    if (run_formats(o, &formats))
        return EXIT_USAGE;
    const char *out = o->out ? o->out : "results";
    const char *preset = o->preset ? o->preset : "balanced";
    int32_t today = MW_NO_DATE;
    if (o->date) {
        char why[128];
        if (parse_date(o->date, &today, why, sizeof why))
            return usage_error("--date: expected a date YYYY-MM-DD, got '%s'", o->date);
    }
    double t0 = now_seconds();
    Model *m;
    Weights w;
    int code = load_input(o, preset, &w, &m);
    if (code)
        return code;
    Previous prev;
    int have_prev = 0;
    if (o->previous) {
        code = load_previous(o, m, &prev);
        if (code) {
            model_free(m);
            return code;
        }
        have_prev = 1;
    }
    if (m->n_placements && today == MW_NO_DATE && !o->quiet)
        fprintf(stderr, "maatwerk: note: placements without --date: the dated monitoring signals are left out\n");
    MwErrors err;
    mw_errors_init(&err, o->max_errors);
    int status;
    double t_load = now_seconds() - t0;
    Progress prog;
    progress_init(&prog, o->quiet);
    RegionOptions ro;
    region_options_default(&ro);
    ro.threads = (int)o->threads;
    if (o->have_time_limit)
        ro.time_limit = o->time_limit;
    ro.pricing_gap = o->pricing_gap;
    ro.progress = progress_update;
    ro.progress_ctx = &prog;
    ro.top_pairs = o->have_top_pairs ? (int)o->top_pairs : prune_default_top(m, ro.time_limit);
    ro.shortlist_top = o->top ? (int)o->top : 5;    /* proposal_build's top, below */
    ro.previous = have_prev ? &prev : NULL;
    Region r;
    Proposal p;
    int have_region = 0, have_proposal = 0;
    status = region_solve(m, &w, &ro, &r);
    progress_done(&prog);
    have_region = status == MW_OK;
    double t1 = now_seconds();
    if (status == MW_OK) {
        status = proposal_build(m, &w, &r, o->top ? (int)o->top : 5, !o->no_miss, &p);
        have_proposal = status == MW_OK;
    }
    WeeklyReport wr;
    memset(&wr, 0, sizeof wr);
    wr.today = today;
    wr.previous = have_prev ? &prev : NULL;
    MonSignal *signals = NULL;
    if (status == MW_OK) {
        weekly_churn(m, &r, wr.previous, &wr.churn);
        status = weekly_monitor(m, &w, &p, today, &signals, &wr.n_signals);
        wr.signals = signals;
    }
    double t_assess = now_seconds() - t1;
    if (status == MW_OK) {
        RunInput inputs[16];
        RunMeta meta;
        memset(&meta, 0, sizeof meta);
        meta.glpk_version = lp_glpk_version();
        meta.n_inputs = collect_inputs(o->dir, o->models, preset, inputs, 16);
        meta.inputs = inputs;
        meta.preset = preset;
        meta.threads = (int)o->threads;
        meta.max_iterations = ro.max_iterations;
        meta.time_limit = ro.time_limit;
        meta.pricing_gap = ro.pricing_gap;
        meta.nearest_miss = !o->no_miss;
        meta.timings.load = t_load;
        meta.timings.assess = t_assess;
        meta.timings.total = now_seconds() - t0;
        meta.weekly = &wr;
        status = results_write(out, &p, &meta, formats, &err);
        if (status != MW_OK)
            print_errors(&err);
    }
    if (status == MW_ENOMEM) {
        fprintf(stderr, "maatwerk: out of memory\n");
        code = EXIT_INTERNAL;
    } else if (status != MW_OK) {
        code = EXIT_INTERNAL;
    } else if (!o->quiet) {
        const Summary *s = &p.summary;
        printf("%s: %d candidates, %d employers; %d pairs carved, %d columns, %d pricing rounds%s\n", o->dir,
               m->n_candidates, m->n_employers, r.n_pairs, r.n_cols, r.iterations,
               r.converged ? " (converged)"
               : r.pricing_stop == PRICING_STOP_GAP ? " (within the pricing gap)" : " (stopped early)");
        printf("proposal: %d placements, %.1f hours a week, %.2f job units; %d unmatched\n", s->placements,
               s->hours, s->job_units, s->unmatched);
        printf("durability and money: %.2f expected durable placements; per year LKS %.0f, begeleiding %.0f, "
               "employer net cost %.0f euro\n", s->expected_durable, s->lks, s->begeleiding, s->employer_net_cost);
        printf("objective %.4f, bound %.4f%s, gap %.4f%%\n", r.objective, r.lp_bound,
               r.bound_is_lagrangian ? " (Lagrangian)" : "", 100 * r.gap);
        if (m->n_placements || have_prev)
            printf("weekly: %d current placements kept, %d under review offered again, %d monitoring signals\n",
                   r.n_fixed, r.n_review, wr.n_signals);
        if (have_prev)
            printf("churn against --previous: %d kept, %d changed, %d dropped, %d new (churn %d)\n", wr.churn.kept,
                   wr.churn.changed, wr.churn.dropped, wr.churn.added, wr.churn.changed + wr.churn.dropped);
        if (r.solver_errors || r.time_limits)
            printf("solver trouble: %d pair solves failed, %d hit their time limit (counted in meta.solver)\n",
                   r.solver_errors, r.time_limits);
        printf("wrote %s/%s%s%s", out, formats & RESULTS_JSON ? "results.json" : "",
               (formats & RESULTS_JSON) && (formats & RESULTS_CSV) ? ", " : "",
               formats & RESULTS_CSV ? "matches.csv, shortlist.csv" : "");
        printf("%s%s%s\n", (formats & RESULTS_HTML) && (formats & (RESULTS_JSON | RESULTS_CSV)) ? ", " : "",
               formats & RESULTS_HTML ? "report.html" : "",
               formats & RESULTS_EMPLOYER_VIEW ? " and the employer view in employers/" : "");
    }
    mw_free(signals);
    if (have_proposal)
        proposal_free(&p);
    if (have_region)
        region_free(&r);
    if (have_prev)
        previous_free(&prev);
    model_free(m);
    mw_errors_free(&err);
    return code;
}

/* collect_inputs for scenarios.c: ctx is the Options. */
static int scenario_inputs(void *ctx, const char *preset, RunInput *in, int cap)
{
    const Options *o = ctx;
    return collect_inputs(o->dir, o->models, preset, in, cap);
}

/* `scenarios DIR FILE...` (single 0) and `run DIR --scenario FILE` (1). */
static int cmd_scenarios(const Options *o, int single)
{
    if (!o->dir || (!single && o->n_files == 0))
        return usage_error("%s", "scenarios needs a data directory and scenario files: maatwerk scenarios DIR FILE...");
    if (o->previous || o->date)   /* last week's proposal is resolved against one model, not per scenario */
        return usage_error("%s", "--previous and --date do not go with scenarios (yet); run the weekly run without them");
    unsigned formats;
    if (run_formats(o, &formats))
        return EXIT_USAGE;
    const char *preset = o->preset ? o->preset : "balanced";
    double t0 = now_seconds();
    Model *m;
    Weights w;
    int code = load_input(o, preset, &w, &m);
    if (code)
        return code;
    const char *one[1] = {o->scenario};
    ScenarioArgs a = {o->dir, o->models, o->out ? o->out : single ? "results" : "scenarios", preset,
                      single ? 1 : o->n_files, single ? one : o->files, single, (int)o->threads,
                      o->have_time_limit ? o->time_limit : 0, o->pricing_gap,
                      o->top ? (int)o->top : 5, !o->no_miss,
                      o->quiet, o->max_errors, formats, !o->no_share,
                      o->have_top_pairs ? (int)o->top_pairs : -1, now_seconds() - t0, scenario_inputs,
                      (void *)o};
    code = scenarios_run(&a, m, &w);
    model_free(m);
    return code;
}

/* ---- weekly runs --------------------------------------------------------- */

static int read_results(const Options *o, const char *path, ResultsView *v)
{
    MwErrors err;
    mw_errors_init(&err, o->max_errors);
    int status = resview_read(path, path, v, &err);
    print_errors(&err);
    mw_errors_free(&err);
    if (status == MW_ENOMEM) {
        fprintf(stderr, "maatwerk: out of memory\n");
        return EXIT_INTERNAL;
    }
    if (status != MW_OK) {
        fprintf(stderr, "maatwerk: %s: not a results.json that can be read; nothing was written\n", path);
        return EXIT_USAGE;
    }
    return 0;
}

/* --previous: last week's proposal resolved against this week's model. */
static int load_previous(const Options *o, const Model *m, Previous *prev)
{
    ResultsView v;
    int code = read_results(o, o->previous, &v);
    if (code)
        return code;
    int status = previous_resolve(m, &v, prev);
    resview_free(&v);
    if (status != MW_OK) {
        fprintf(stderr, "maatwerk: out of memory\n");
        return EXIT_INTERNAL;
    }
    return 0;
}

static int cmd_diff(const Options *o)
{
    if (!o->dir || !o->dir2)
        return usage_error("%s", "diff needs two results files: maatwerk diff OLD.json NEW.json");
    ResultsView a, b;
    int code = read_results(o, o->dir, &a);
    if (code)
        return code;
    code = read_results(o, o->dir2, &b);
    if (code) {
        resview_free(&a);
        return code;
    }
    Diff d;
    int status = diff_build(&a, &b, &d);
    if (status == MW_OK)
        status = diffout_write(stdout, &d, &a, &b, o->dir, o->dir2, o->json);
    if (status != MW_OK) {
        fprintf(stderr, "maatwerk: %s\n", status == MW_ENOMEM ? "out of memory" : "cannot write the diff");
        code = EXIT_INTERNAL;
    }
    diff_free(&d);
    resview_free(&a);
    resview_free(&b);
    return code;
}

static int cmd_export_mip(const Options *o)
{
    if (!o->dir || !o->out)
        return usage_error("%s", "export-mip needs a data directory and -o FILE.lp");
    Model *m;
    Weights w;
    int code = load_input(o, o->preset ? o->preset : "balanced", &w, &m);
    if (code)
        return code;
    MwErrors err;
    mw_errors_init(&err, o->max_errors);
    int n_pairs = 0;
    int status = monolith_write_lp(m, &w, o->out, &err, &n_pairs);
    if (status == MW_OK) {
        if (!o->quiet)
            printf("wrote %s: %d candidates, %d employers, %d feasible pairs\n", o->out, m->n_candidates,
                   m->n_employers, n_pairs);
    } else {
        print_errors(&err);
        if (status == MW_ENOMEM)
            fprintf(stderr, "maatwerk: out of memory\n");
        else if (status == MW_ESOLVER)
            fprintf(stderr, "maatwerk: GLPK failed while building the model\n");
        code = EXIT_INTERNAL;
    }
    mw_errors_free(&err);
    model_free(m);
    return code;
}

static int cmd_convert(const Options *o)
{
    if (!o->dir || !o->out)
        return usage_error("%s", "convert needs a data directory and -o OUT");
    int json = o->format && strcmp(o->format, "json") == 0;
    if (json && o->excel_nl)
        return usage_error("%s", "--excel-nl is a CSV dialect; it does not go with --format json");
    MwErrors err;
    mw_errors_init(&err, o->max_errors);
    Model *m = NULL;
    LoadOptions lo = {o->models};
    int status = load_dir(o->dir, &lo, &m, &err);
    int code = EXIT_DONE;
    if (status != MW_OK) {
        code = report_load_failure(status, &err, o->dir);
        mw_errors_free(&err);
        return code;
    }
    if (json) {
        char path[4096];
        snprintf(path, sizeof path, "%s/data.json", o->out);
        status = mkdir(o->out, 0700) == 0 || errno == EEXIST ? MW_OK : MW_EIO;
        if (status != MW_OK)
            mw_error_add(&err, o->out, 0, "", "", "cannot create directory: %s", strerror(errno));
        else
            status = tables_write_json(m, path, &err);
    } else {
        TablesDialect d = {',', 0, 0, 0};
        if (o->excel_nl) {
            d.delim = ';';
            d.decimal_comma = d.bom = d.crlf = 1;
        }
        status = tables_write_dir(m, o->out, &d, 1, &err);
    }
    if (status != MW_OK) {
        print_errors(&err);
        code = EXIT_INTERNAL;
    } else {
        printf("wrote %s (%s)\n", o->out, json ? "data.json" : o->excel_nl ? "CSV, Dutch Excel dialect" : "CSV");
    }
    model_free(m);
    mw_errors_free(&err);
    return code;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(usage_text, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_DONE;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("maatwerk %s\n", MW_VERSION);
        return EXIT_DONE;
    }
    for (int i = 2; i < argc; i++)
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(usage_text, stdout);
            return EXIT_DONE;
        }
    Options o;
    memset(&o, 0, sizeof o);
    o.pricing_gap = PRICING_GAP_CLI;
    int rc = parse_options(argc, argv, &o);
    if (rc)
        return rc;
    const char *cmd = argv[1];
    if (strcmp(cmd, "validate") == 0)
        return cmd_validate(&o);
    if (strcmp(cmd, "gen") == 0)
        return cmd_gen(&o);
    if (strcmp(cmd, "convert") == 0)
        return cmd_convert(&o);
    if (strcmp(cmd, "explain") == 0)
        return cmd_explain(&o);
    if (strcmp(cmd, "run") == 0)
        return o.scenario ? cmd_scenarios(&o, 1) : cmd_run(&o);
    if (strcmp(cmd, "scenarios") == 0)
        return cmd_scenarios(&o, 0);
    if (strcmp(cmd, "export-mip") == 0)
        return cmd_export_mip(&o);
    if (strcmp(cmd, "diff") == 0)
        return cmd_diff(&o);
    return usage_error("unknown command '%s'", cmd);
}
