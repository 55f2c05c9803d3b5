/* test_results.c — SHA-256 (core/hash.c) against the FIPS 180-2 vectors and
 * sha256sum; the results writer (output/results.c, atomic.c) on the region
 * tests/data/mini via load_dir + region_solve + proposal_build: file modes,
 * no temporary files, key order, the Dutch-Excel CSV read back against the
 * JSON, byte-identical results.json (timings and threads go to run.json), health data only in the
 * explanation fields, failing writes, an allocation sweep. Run from the repo root.
 */
#include "../../engine/assess/proposal.h"
#include "../../engine/core/hash.h"
#include "../../engine/input/load.h"
#include "../../engine/output/explain.h"
#include "../../engine/output/results.h"
#include "check.h"

#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *models(void)
{
    const char *e = getenv("MAATWERK_MODELS");
    return e && *e ? e : "models";
}

/* ---- small file helpers -------------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *p = malloc(cap);
    size_t k;
    while (p && (k = fread(p + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n - 1 == 0) {
            char *q = realloc(p, cap *= 2);
            if (!q) {
                free(p);
                p = NULL;
            }
            p = q;
        }
    }
    fclose(f);
    if (p)
        p[n] = '\0';
    if (len)
        *len = n;
    return p;
}

static int mode_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (int)(st.st_mode & 0777) : -1;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Number of entries in dir (without . and ..); hidden counts those starting with '.'. */
static int count_entries(const char *dir, int *hidden)
{
    DIR *d = opendir(dir);
    int n = 0;
    if (hidden)
        *hidden = 0;
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        n++;
        if (hidden && e->d_name[0] == '.')
            (*hidden)++;
    }
    closedir(d);
    return n;
}

static void rm_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char sub[1024];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            rm_tree(sub);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void path2(char *buf, size_t n, const char *a, const char *b)
{
    int k = snprintf(buf, n, "%s/%s", a, b);
    if (k < 0 || (size_t)k >= n)
        abort();   /* the test's own buffers are sized for its paths */
}

/* ---- SHA-256 --------------------------------------------------------------------- */

static void test_sha256(const char *root)
{
    static const struct { const char *msg, *hex; } v[] = {
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",   /* 448 bits */
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},   /* 896 bits */
    };
    char hex[MW_SHA256_HEX];
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        mw_sha256_hex(v[i].msg, strlen(v[i].msg), hex);
        CHECK_STR(hex, v[i].hex);
    }
    /* one million 'a' (FIPS 180-2 appendix B.3), fed in uneven pieces */
    {
        static char a[1000];
        memset(a, 'a', sizeof a);
        MwSha256 s;
        unsigned char d[MW_SHA256_BYTES];
        mw_sha256_init(&s);
        size_t left = 1000000, step = 1;
        while (left) {
            size_t k = step < left ? step : left;
            mw_sha256_update(&s, a, k);
            left -= k;
            step = step % 997 + 1;
        }
        mw_sha256_final(&s, d);
        char got[MW_SHA256_HEX];
        for (int i = 0; i < MW_SHA256_BYTES; i++)
            snprintf(got + 2 * i, 3, "%02x", d[i]);
        CHECK_STR(got, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
    /* every split of a message across two updates (block edges 55, 56, 63, 64, 65) */
    {
        char msg[200];
        for (int i = 0; i < 200; i++)
            msg[i] = (char)('A' + i * 7 % 26);
        for (size_t len = 50; len <= 130; len += 8) {
            char one[MW_SHA256_HEX];
            mw_sha256_hex(msg, len, one);
            int same = 1;
            for (size_t cut = 0; cut <= len; cut++) {
                MwSha256 s;
                unsigned char d[MW_SHA256_BYTES];
                mw_sha256_init(&s);
                mw_sha256_update(&s, msg, cut);
                mw_sha256_update(&s, msg + cut, len - cut);
                mw_sha256_final(&s, d);
                char two[MW_SHA256_HEX];
                for (int i = 0; i < MW_SHA256_BYTES; i++)
                    snprintf(two + 2 * i, 3, "%02x", d[i]);
                same &= strcmp(one, two) == 0;
            }
            CHECK(same);
        }
    }
    /* files: equal to the buffer digest, and to sha256sum when it is installed */
    {
        char path[512];
        path2(path, sizeof path, root, "hash.bin");
        FILE *f = fopen(path, "wb");
        CHECK(f != NULL);
        if (f) {
            for (int i = 0; i < 70000; i++)
                fputc((i * 31 + i / 7) & 0xff, f);
            fclose(f);
        }
        size_t n = 0;
        char *data = slurp(path, &n);
        char want[MW_SHA256_HEX];
        CHECK(data && n == 70000);
        mw_sha256_hex(data, n, want);
        free(data);
        CHECK(mw_sha256_file(path, hex) == MW_OK);
        CHECK_STR(hex, want);
        char cmd[600];
        snprintf(cmd, sizeof cmd, "sha256sum '%s' 2>/dev/null", path);
        FILE *p = popen(cmd, "r");
        char line[200] = "";
        if (p) {
            if (fgets(line, sizeof line, p) && strlen(line) > 64) {
                line[64] = '\0';
                CHECK_STR(hex, line);
            }
            pclose(p);
        }
        path2(path, sizeof path, root, "no-such-file");
        strcpy(hex, "x");
        CHECK(mw_sha256_file(path, hex) == MW_EIO);
        CHECK_STR(hex, "");
        CHECK(mw_sha256_file(root, hex) == MW_EIO);   /* a directory */
    }
}

/* ---- the mini region ---------------------------------------------------------------- */

typedef struct {
    Model *m;
    Weights w;
    Region r;
    Proposal p;
    RunInput inputs[5];
    RunMeta meta;
} Fixture;

static int fixture_load(Fixture *fx, int threads)
{
    static const char *const files[5] = {"candidates.csv", "employers.csv", "jobs.csv", "placements.csv",
                                         "tasks.csv"};
    memset(fx, 0, sizeof *fx);
    MwErrors err;
    mw_errors_init(&err, 0);
    LoadOptions lo = {models()};
    int rc = load_dir("tests/data/mini", &lo, &fx->m, &err);
    mw_errors_free(&err);
    if (rc)
        return rc;
    weights_default(&fx->w);
    RegionOptions o;
    region_options_default(&o);
    o.threads = threads;
    if ((rc = region_solve(fx->m, &fx->w, &o, &fx->r)) != MW_OK)
        return rc;
    if ((rc = proposal_build(fx->m, &fx->w, &fx->r, 3, 1, &fx->p)) != MW_OK)
        return rc;
    for (int i = 0; i < 5; i++) {
        char path[256];
        fx->inputs[i].name = files[i];
        snprintf(path, sizeof path, "tests/data/mini/%s", files[i]);
        if (mw_sha256_file(path, fx->inputs[i].sha256) != MW_OK)
            return MW_EIO;
    }
    fx->meta = (RunMeta){"GLPK 5.0 (test)", 5, fx->inputs, "balanced", threads, o.max_iterations,
                         o.time_limit, o.pricing_gap, 1, 1, 18446744073709551557ull, {0.125, 0.5, 1.75}, NULL};
    return MW_OK;
}

static void fixture_free(Fixture *fx)
{
    proposal_free(&fx->p);
    region_free(&fx->r);
    model_free(fx->m);
}

/* 1 when o's children are exactly keys[0..n-1], in that order. */
static int keys_are(const cJSON *o, const char *const *keys, int n)
{
    if (!o)
        return 0;
    const cJSON *c = o->child;
    for (int i = 0; i < n; i++, c = c->next)
        if (!c || !c->string || strcmp(c->string, keys[i]) != 0) {
            fprintf(stderr, "  key %d: got '%s', want '%s'\n", i, c && c->string ? c->string : "(none)",
                    keys[i]);
            return 0;
        }
    return c == NULL;
}
#define KEYS(o, ...) keys_are((o), (const char *const[]){__VA_ARGS__}, \
                              (int)(sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)))

static const cJSON *get(const cJSON *o, const char *k) { return cJSON_GetObjectItemCaseSensitive(o, k); }

static cJSON *parse_file(const char *path)
{
    char *t = slurp(path, NULL);
    cJSON *j = t ? cJSON_Parse(t) : NULL;
    free(t);
    return j;
}

/* The explanation fields: the only places a candidate's limit may appear. */
static int is_explanation(const char *k)
{
    return k && (!strcmp(k, "binding_limits") || !strcmp(k, "signaleringen") || !strcmp(k, "nearest_miss"));
}

/* Counts, outside meta and the explanation fields, keys that carry a limit
 * ("limit", "from", "to") and strings that name one ("lim."). */
static int limit_leaks(const cJSON *o, int depth)
{
    int n = 0;
    for (const cJSON *c = o->child; c; c = c->next) {
        if (depth == 0 && c->string && !strcmp(c->string, "meta"))
            continue;
        if (is_explanation(c->string))
            continue;
        if (c->string && (!strcmp(c->string, "limit") || !strcmp(c->string, "from") || !strcmp(c->string, "to")))
            n++;
        if (cJSON_IsString(c) && strstr(c->valuestring, "lim."))
            n++;
        n += limit_leaks(c, depth + 1);
    }
    return n;
}

static void check_json_shape(const cJSON *j, const Proposal *p)
{
    const Model *m = p->m;
    CHECK(KEYS(j, "schema", "meta", "proposal", "shortlists", "unmatched", "employers", "summary", "fairness",
               "monitoring", "fingerprints"));
    CHECK_STR(cJSON_GetStringValue(get(j, "schema")), "maatwerk.results/1");
    const cJSON *meta = get(j, "meta");
    CHECK(KEYS(meta, "version", "glpk_version", "inputs", "parameters", "solver"));
    CHECK_STR(cJSON_GetStringValue(get(meta, "version")), MW_VERSION);
    CHECK_STR(cJSON_GetStringValue(get(meta, "glpk_version")), "GLPK 5.0 (test)");
    const cJSON *in = get(meta, "inputs");
    CHECK(cJSON_GetArraySize(in) == 5);
    CHECK(KEYS(cJSON_GetArrayItem(in, 0), "file", "sha256"));
    CHECK_STR(cJSON_GetStringValue(get(cJSON_GetArrayItem(in, 4), "file")), "tasks.csv");
    CHECK(strlen(cJSON_GetStringValue(get(cJSON_GetArrayItem(in, 0), "sha256"))) == 64);
    const cJSON *par = get(meta, "parameters");
    CHECK(KEYS(par, "preset", "weights", "policy", "top", "time_limit", "max_iterations", "pricing_gap",
               "nearest_miss", "seed", "formats", "omit_limits", "date", "previous"));
    CHECK(KEYS(get(par, "weights"), "value", "pref", "skill", "hours", "task", "group", "sup", "over", "theta",
               "travel", "known", "affinity", "time_limit", "risk", "churn"));
    CHECK(KEYS(get(par, "policy"), "name", "min_wage_hour", "min_wage_year", "employer_charges",
               "lks_flat_start", "main_task_rule", "main_task_share", "main_task_min_day", "begeleiding_year",
               "begeleiding_ref_hours", "job_unit_hours", "quota_levy", "quota_min_employees", "benefit_month"));
    CHECK_NEAR(get(get(par, "weights"), "theta")->valuedouble, p->w->theta, 0);
    CHECK_STR(cJSON_GetStringValue(get(par, "seed")), "18446744073709551557");
    CHECK(get(par, "top")->valueint == p->top);
    CHECK(KEYS(get(meta, "solver"), "lp_bound", "bound_is_lagrangian", "master_lp", "objective", "gap",
               "iterations", "converged", "pricing_stop", "master_status", "columns", "pairs", "carve_solves", "pricing_solves",
               "solver_errors", "time_limits", "top_pairs", "pruned_pairs", "deferred_pairs",
               "deferred_carved", "bound_all_pairs", "pricing_cutoffs"));
    CHECK_STR(cJSON_GetStringValue(get(get(meta, "solver"), "pricing_stop")), pricing_stop_name(p->r->pricing_stop));
    CHECK(get(get(meta, "solver"), "columns")->valueint == p->r->n_cols);
    CHECK(get(get(meta, "solver"), "top_pairs")->valueint == p->r->top_pairs);
    CHECK(get(get(meta, "solver"), "pruned_pairs")->valueint == p->r->pruned_pairs);
    CHECK(get(get(meta, "solver"), "deferred_pairs")->valueint == p->r->deferred_pairs);
    CHECK(get(get(meta, "solver"), "deferred_carved")->valueint == p->r->deferred_carved);
    CHECK_NEAR(get(get(meta, "solver"), "bound_all_pairs")->valuedouble, p->r->bound_all_pairs, 1e-6);

    const cJSON *prop = get(j, "proposal");
    CHECK(cJSON_GetArraySize(prop) == p->n_matches);
    CHECK(p->n_matches > 0);
    for (int i = 0; i < p->n_matches && i < cJSON_GetArraySize(prop); i++) {
        const cJSON *mt = cJSON_GetArrayItem(prop, i);
        const Match *want = &p->matches[i];
        CHECK(KEYS(mt, "candidate", "employer", "employer_name", "score", "package", "binding_limits",
                   "signaleringen", "coverage", "travel_min", "costs", "risk", "placement", "fixed"));
        CHECK_STR(cJSON_GetStringValue(get(mt, "candidate")), m->candidates[want->cand].id);
        CHECK_STR(cJSON_GetStringValue(get(mt, "employer")), m->employers[want->a.emp].id);
        CHECK(KEYS(get(mt, "score"), "total", "objective", "terms"));
        CHECK(KEYS(get(get(mt, "score"), "terms"), "hours", "value", "pref", "skill", "task", "group", "sup",
                   "over", "travel", "known", "affinity", "risk"));
        /* the terms add up to the total (hand check of the breakdown) */
        double sum = 0;
        for (const cJSON *t = get(get(mt, "score"), "terms")->child; t; t = t->next)
            sum += t->valuedouble;
        CHECK_NEAR(sum, get(get(mt, "score"), "total")->valuedouble, 1e-4);
        const cJSON *pk = get(mt, "package");
        CHECK(KEYS(pk, "hours", "work", "days", "supervision_min_week", "vacancy_job", "tasks", "schedule"));
        CHECK_NEAR(get(pk, "hours")->valuedouble, want->a.pk.hours, 1e-6);
        double hours = 0, work = 0, sched = 0;
        const cJSON *t;
        cJSON_ArrayForEach(t, get(pk, "tasks")) {
            CHECK(KEYS(t, "id", "name", "job", "hours", "work"));
            hours += get(t, "hours")->valuedouble;
            work += get(t, "work")->valuedouble;
        }
        cJSON_ArrayForEach(t, get(pk, "schedule")) {
            CHECK(KEYS(t, "day", "part", "task", "hours"));
            sched += get(t, "hours")->valuedouble;
        }
        CHECK_NEAR(hours, get(pk, "hours")->valuedouble, 1e-4);
        CHECK_NEAR(work, get(pk, "work")->valuedouble, 1e-4);
        CHECK_NEAR(sched, hours, 1e-4);
        const cJSON *b;
        cJSON_ArrayForEach(b, get(mt, "binding_limits"))
            CHECK(KEYS(b, "limit", "of", "minimum", "value", "used", "marginal", "text"));
        cJSON_ArrayForEach(b, get(mt, "signaleringen"))
            CHECK(KEYS(b, "kind", "dimension", "task", "used", "limit", "text"));
        CHECK(cJSON_GetArraySize(get(mt, "signaleringen")) == want->a.nsig);
        CHECK(KEYS(get(mt, "coverage"), "loaded_dimensions", "unknown", "share", "low"));
        CHECK(KEYS(get(mt, "costs"), "wage_hour", "hours_week", "wage_cost_week", "wage_cost_year", "lks_week",
                   "lks_year", "lks_start_week", "begeleiding_week", "begeleiding_year", "subsidy_week",
                   "subsidy_year", "net_cost_week", "net_cost_year", "job_units", "levy_avoided_year",
                   "income_month", "income_above_benefit"));
        CHECK_NEAR(get(get(mt, "costs"), "hours_week")->valuedouble, want->a.pk.hours, 1e-6);
        CHECK_NEAR(get(get(mt, "costs"), "subsidy_year")->valuedouble,
                   get(get(mt, "costs"), "lks_year")->valuedouble + get(get(mt, "costs"), "begeleiding_year")->valuedouble,
                   2e-6);
        CHECK(KEYS(get(mt, "risk"), "p_durable", "p_six_months", "p_loss", "flags"));
        CHECK(KEYS(get(get(mt, "risk"), "p_loss"), "trial", "first_six_months", "conversion", "later"));
        CHECK_NEAR(get(get(mt, "risk"), "p_durable")->valuedouble, want->a.risk.p_durable, 1e-6);
    }

    const cJSON *sl = get(j, "shortlists");
    CHECK(KEYS(sl, "candidates", "employers"));
    CHECK(cJSON_GetArraySize(get(sl, "candidates")) == m->n_candidates);
    CHECK(cJSON_GetArraySize(get(sl, "employers")) == m->n_employers);
    int in_prop = 0;
    for (int c = 0; c < m->n_candidates; c++) {
        const cJSON *one = cJSON_GetArrayItem(get(sl, "candidates"), c);
        CHECK(KEYS(one, "candidate", "entries"));
        CHECK(cJSON_GetArraySize(get(one, "entries")) == p->cand_short_n[c]);
        const cJSON *e;
        cJSON_ArrayForEach(e, get(one, "entries")) {
            CHECK(KEYS(e, "employer", "score", "in_proposal"));
            in_prop += cJSON_IsTrue(get(e, "in_proposal"));
        }
    }
    CHECK(in_prop <= p->n_matches);
    const cJSON *e0 = cJSON_GetArrayItem(get(sl, "employers"), 0);
    CHECK(KEYS(e0, "employer", "entries"));
    if (cJSON_GetArraySize(get(e0, "entries")) > 0)
        CHECK(KEYS(cJSON_GetArrayItem(get(e0, "entries"), 0), "candidate", "score", "in_proposal"));

    const cJSON *un = get(j, "unmatched");
    CHECK(cJSON_GetArraySize(un) == p->n_unmatched);
    int misses = 0;
    const cJSON *u;
    cJSON_ArrayForEach(u, un) {
        CHECK(KEYS(u, "candidate", "reasons", "displaced", "nearest_miss"));
        CHECK(KEYS(get(u, "reasons"), "ok", "excluded_employer", "excluded_sector", "travel", "no_intake",
                   "no_feasible_task", "no_package"));
        /* every employer is counted under exactly one filter reason */
        int total = 0;
        for (int k = 0; k < PAIR_REASONS; k++)
            total += cJSON_GetArrayItem(get(u, "reasons"), k)->valueint;
        CHECK(total == m->n_employers);
        const cJSON *nm = get(u, "nearest_miss");
        if (cJSON_IsObject(nm)) {
            misses++;
            CHECK(KEYS(nm, "employer", "violation", "proven_nearest", "changes"));
            const cJSON *ch;
            cJSON_ArrayForEach(ch, get(nm, "changes"))
                CHECK(KEYS(ch, "limit", "dimension", "task", "from", "to", "text"));
        } else {
            CHECK(cJSON_IsNull(nm));
        }
    }
    CHECK(misses > 0);   /* mini: K1 and K2 have a nearest miss */

    const cJSON *em = get(j, "employers");
    CHECK(cJSON_GetArraySize(em) == m->n_employers);
    const cJSON *x;
    cJSON_ArrayForEach(x, em) {
        CHECK(KEYS(x, "employer", "name", "placements", "supervision_used", "supervision_capacity", "jobs"));
        const cJSON *jb;
        cJSON_ArrayForEach(jb, get(x, "jobs")) {
            CHECK(KEYS(jb, "job", "title", "hours_week", "carved_work", "remaining", "vacancy_filled"));
            CHECK_NEAR(get(jb, "carved_work")->valuedouble + get(jb, "remaining")->valuedouble,
                       get(jb, "hours_week")->valuedouble, 1e-4);
        }
    }
    const cJSON *sm = get(j, "summary");
    CHECK(KEYS(sm, "candidates", "placements", "unmatched", "hours", "work", "job_units", "mean_coverage",
               "low_coverage", "signaleringen", "expected_durable", "wage_cost", "lks", "begeleiding",
               "subsidy_cost", "employer_net_cost", "churn"));
    CHECK(get(sm, "placements")->valueint == p->n_matches);
    /* the money and durability totals are the sums over the matches */
    double dur = 0, sub = 0;
    const cJSON *mt;
    cJSON_ArrayForEach(mt, prop) {
        dur += get(get(mt, "risk"), "p_durable")->valuedouble;
        sub += get(get(mt, "costs"), "subsidy_year")->valuedouble;
    }
    CHECK_NEAR(get(sm, "expected_durable")->valuedouble, dur, 1e-5);
    CHECK_NEAR(get(sm, "subsidy_cost")->valuedouble, sub, 1e-4);
    CHECK_NEAR(get(sm, "subsidy_cost")->valuedouble,
               get(sm, "lks")->valuedouble + get(sm, "begeleiding")->valuedouble, 2e-6);
    /* fairness: per dimension the groups add up to the totals */
    const cJSON *fa = get(j, "fairness");
    CHECK(KEYS(fa, "threshold", "candidates", "placed", "rate", "expected_durable", "groups"));
    CHECK(get(fa, "placed")->valueint == p->n_matches && get(fa, "candidates")->valueint == m->n_candidates);
    const char *dims[] = {"category", "age_band", "education", "regime"};
    for (int d = 0; d < 4; d++) {
        int cands = 0, placed = 0;
        const cJSON *g;
        cJSON_ArrayForEach(g, get(fa, "groups")) {
            CHECK(KEYS(g, "dimension", "group", "candidates", "placed", "rate", "ratio", "flagged",
                       "expected_durable"));
            if (strcmp(cJSON_GetStringValue(get(g, "dimension")), dims[d]) == 0) {
                cands += get(g, "candidates")->valueint;
                placed += get(g, "placed")->valueint;
            }
        }
        CHECK(cands == m->n_candidates && placed == p->n_matches);
    }
    CHECK(get(sm, "candidates")->valueint == m->n_candidates);
    CHECK(limit_leaks(j, 0) == 0);
}

/* Splits a CSV line (no quotes expected in these rows) at ';'. */
static int split(char *line, char **cells, int max)
{
    int n = 0;
    char *s = line;
    while (n < max) {
        cells[n++] = s;
        char *q = strchr(s, ';');
        if (!q)
            break;
        *q = '\0';
        s = q + 1;
    }
    return n;
}

static double dutch_num(const char *s)
{
    char b[64];
    snprintf(b, sizeof b, "%s", s);
    for (char *q = b; *q; q++)
        if (*q == ',')
            *q = '.';
    char *end;
    double v = strtod(b, &end);
    return *end ? NAN : v;
}

/* The CSV dialect, and the numbers read back as Dutch Excel would against results.json. */
static void check_csv(const char *dir, const cJSON *j, const Proposal *p)
{
    char path[512];
    size_t n = 0;
    path2(path, sizeof path, dir, "matches.csv");
    char *t = slurp(path, &n);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(n >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0);
    const char *hdr = "\xEF\xBB\xBF" "candidate;employer;employer_name;hours;work;days;tasks;score;"
                      "supervision_min_week;coverage;signaleringen;p_durable;wage_cost_year;lks_year;"
                      "begeleiding_year;subsidy_year;employer_net_cost_year;job_units\r\n";
    CHECK(strncmp(t, hdr, strlen(hdr)) == 0);
    int bare_lf = 0, lines = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i] == '\n') {
            lines++;
            bare_lf += i == 0 || t[i - 1] != '\r';
        }
    CHECK(bare_lf == 0);
    CHECK(lines == p->n_matches + 1);
    CHECK(strstr(t, "lim.") == NULL);
    /* each row against the JSON match */
    char *row = strstr(t, "\r\n");
    row = row ? row + 2 : t + n;
    int decimal_commas = 0;
    for (int i = 0; i < p->n_matches && *row; i++) {
        char *end = strstr(row, "\r\n");
        CHECK(end != NULL);
        if (!end)
            break;
        *end = '\0';
        char *c[24];
        int nc = split(row, c, 24);
        CHECK(nc == 18);
        const cJSON *mt = cJSON_GetArrayItem(get(j, "proposal"), i);
        const cJSON *pk = get(mt, "package");
        if (nc == 18) {
            CHECK_STR(c[0], cJSON_GetStringValue(get(mt, "candidate")));
            CHECK_STR(c[1], cJSON_GetStringValue(get(mt, "employer")));
            CHECK_NEAR(dutch_num(c[3]), get(pk, "hours")->valuedouble, 0);
            CHECK_NEAR(dutch_num(c[4]), get(pk, "work")->valuedouble, 0);
            CHECK_NEAR(dutch_num(c[7]), get(get(mt, "score"), "total")->valuedouble, 0);
            CHECK_NEAR(dutch_num(c[8]), get(pk, "supervision_min_week")->valuedouble, 0);
            CHECK_NEAR(dutch_num(c[9]), get(get(mt, "coverage"), "share")->valuedouble, 0);
            CHECK(atoi(c[10]) == cJSON_GetArraySize(get(mt, "signaleringen")));
            /* days and tasks joined by | in package order */
            char want[256] = "";
            const cJSON *x;
            cJSON_ArrayForEach(x, get(pk, "days"))
                snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s", want[0] ? "|" : "",
                         x->valuestring);
            CHECK_STR(c[5], want);
            want[0] = '\0';
            cJSON_ArrayForEach(x, get(pk, "tasks"))
                snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s", want[0] ? "|" : "",
                         get(x, "id")->valuestring);
            CHECK_STR(c[6], want);
            /* issue 5 columns against the JSON match */
            CHECK_NEAR(dutch_num(c[11]), get(get(mt, "risk"), "p_durable")->valuedouble, 0);
            CHECK_NEAR(dutch_num(c[12]), get(get(mt, "costs"), "wage_cost_year")->valuedouble, 0);
            CHECK_NEAR(dutch_num(c[13]), get(get(mt, "costs"), "lks_year")->valuedouble, 0);
            CHECK_NEAR(dutch_num(c[14]), get(get(mt, "costs"), "begeleiding_year")->valuedouble, 0);
            CHECK_NEAR(dutch_num(c[15]), get(get(mt, "costs"), "subsidy_year")->valuedouble, 0);
            CHECK_NEAR(dutch_num(c[16]), get(get(mt, "costs"), "net_cost_year")->valuedouble, 0);
            CHECK_NEAR(dutch_num(c[17]), get(get(mt, "costs"), "job_units")->valuedouble, 0);
            for (int k = 3; k < 10; k++)
                decimal_commas += strchr(c[k], ',') != NULL;
            for (int k = 3; k < 10; k++)
                CHECK(strchr(c[k], '.') == NULL);
        }
        row = end + 2;
    }
    CHECK(decimal_commas > 0);   /* mini's match has a fractional score */
    free(t);

    path2(path, sizeof path, dir, "shortlist.csv");
    t = slurp(path, &n);
    CHECK(t != NULL);
    if (!t)
        return;
    hdr = "\xEF\xBB\xBF" "candidate;rank;employer;score;in_proposal\r\n";
    CHECK(strncmp(t, hdr, strlen(hdr)) == 0);
    int entries = 0;
    for (int c = 0; c < p->m->n_candidates; c++)
        entries += p->cand_short_n[c];
    lines = 0;
    bare_lf = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i] == '\n') {
            lines++;
            bare_lf += i == 0 || t[i - 1] != '\r';
        }
    CHECK(bare_lf == 0);
    CHECK(lines == entries + 1);
    row = strstr(t, "\r\n");
    row = row ? row + 2 : t + n;
    for (int c = 0, k = 0; c < p->m->n_candidates; c++)
        for (int r = 0; r < p->cand_short_n[c] && *row; r++, k++) {
            const ShortEntry *se = &p->cand_short[p->cand_short_first[c] + r];
            char *end = strstr(row, "\r\n");
            CHECK(end != NULL);
            if (!end)
                break;
            *end = '\0';
            char *cell[8];
            int nc = split(row, cell, 8);
            CHECK(nc == 5);
            if (nc == 5) {
                CHECK_STR(cell[0], p->m->candidates[c].id);
                CHECK(atoi(cell[1]) == r + 1);
                CHECK_STR(cell[2], p->m->employers[se->emp].id);
                CHECK_NEAR(dutch_num(cell[3]), explain_num(se->score), 0);
                CHECK(atoi(cell[4]) == (se->in_proposal ? 1 : 0));
            }
            row = end + 2;
        }
    free(t);
}

/* ---- writing ------------------------------------------------------------------------ */

static void test_write(const char *root, Fixture *fx)
{
    MwErrors err;
    mw_errors_init(&err, 0);
    char a[512], b[512], path[600];
    /* nested and missing: created 0700 */
    path2(a, sizeof a, root, "out/a");
    path2(b, sizeof b, root, "out/b");
    CHECK(results_write(a, &fx->p, &fx->meta, RESULTS_JSON | RESULTS_CSV, &err) == MW_OK);
    CHECK(mw_errors_count(&err) == 0);
    CHECK(mode_of(a) == 0700);
    int hidden = -1;
    CHECK(count_entries(a, &hidden) == 4);
    CHECK(hidden == 0);
    static const char *const names[4] = {"results.json", "matches.csv", "shortlist.csv", "run.json"};
    for (int i = 0; i < 4; i++) {
        path2(path, sizeof path, a, names[i]);
        CHECK(mode_of(path) == 0600);
    }
    /* run.json: the machine-dependent part, thread count and timings */
    path2(path, sizeof path, a, "run.json");
    cJSON *jr = parse_file(path);
    CHECK(jr != NULL);
    if (jr) {
        CHECK(KEYS(jr, "schema", "threads", "timings"));
        CHECK_STR(cJSON_GetStringValue(get(jr, "schema")), "maatwerk.run/1");
        CHECK(KEYS(get(jr, "timings"), "load", "carve", "pricing", "master", "assess", "total"));
        CHECK_NEAR(get(get(jr, "timings"), "total")->valuedouble, 1.75, 0);
        cJSON_Delete(jr);
    }
    path2(path, sizeof path, a, "results.json");
    cJSON *ja = parse_file(path);
    CHECK(ja != NULL);
    if (ja) {
        check_json_shape(ja, &fx->p);
        check_csv(a, ja, &fx->p);
    }

    /* the same proposal again, other timings: results.json and both CSV
     * files byte-identical (the timings live in run.json) */
    RunMeta m2 = fx->meta;
    m2.timings = (RunTimings){9.5, 8.25, 30};
    CHECK(results_write(b, &fx->p, &m2, RESULTS_JSON | RESULTS_CSV, &err) == MW_OK);
    path2(path, sizeof path, b, "results.json");
    cJSON *jb = parse_file(path);
    CHECK(jb != NULL);
    if (ja && jb)
        CHECK(cJSON_Compare(ja, jb, 1));
    {
        char pa_[600], pb_[600];
        for (int i = 0; i < 4; i++) {
            path2(pa_, sizeof pa_, a, names[i]);
            path2(pb_, sizeof pb_, b, names[i]);
            size_t na = 0, nb = 0;
            char *ta = slurp(pa_, &na), *tb = slurp(pb_, &nb);
            int same = ta && tb && na == nb && memcmp(ta, tb, na) == 0;
            CHECK(i < 3 ? same : !same);     /* only run.json differs */
            CHECK(ta && na && ta[na - 1] == '\n' ? 1 : i != 0);
            free(ta);
            free(tb);
        }
    }
    cJSON_Delete(ja);
    cJSON_Delete(jb);

    /* overwriting in place: still 0600, still no temporary file */
    CHECK(results_write(a, &fx->p, &m2, RESULTS_JSON | RESULTS_CSV, &err) == MW_OK);
    CHECK(count_entries(a, &hidden) == 4 && hidden == 0);
    path2(path, sizeof path, a, "results.json");
    CHECK(mode_of(path) == 0600);

    /* json only: the CSV files of another format are left alone */
    path2(a, sizeof a, root, "out/jsononly");
    CHECK(results_write(a, &fx->p, &fx->meta, RESULTS_JSON, &err) == MW_OK);
    CHECK(count_entries(a, &hidden) == 2 && hidden == 0);
    path2(a, sizeof a, root, "out/csvonly");
    CHECK(results_write(a, &fx->p, &fx->meta, RESULTS_CSV, &err) == MW_OK);
    CHECK(count_entries(a, &hidden) == 2 && hidden == 0);
    CHECK(results_write(a, &fx->p, &fx->meta, 0, &err) == MW_EINPUT);

    /* no RunMeta: the Proposal's own parameters, the rest empty */
    path2(a, sizeof a, root, "out/nometa");
    CHECK(results_write(a, &fx->p, NULL, RESULTS_JSON, NULL) == MW_OK);
    path2(path, sizeof path, a, "results.json");
    cJSON *jn = parse_file(path);
    CHECK(jn != NULL);
    if (jn) {
        const cJSON *meta = get(jn, "meta");
        CHECK_STR(cJSON_GetStringValue(get(meta, "glpk_version")), "unknown");
        CHECK(cJSON_GetArraySize(get(meta, "inputs")) == 0);
        CHECK(cJSON_IsNull(get(get(meta, "parameters"), "preset")));
        CHECK(cJSON_IsNull(get(get(meta, "parameters"), "seed")));
        CHECK(get(get(meta, "parameters"), "top")->valueint == fx->p.top);
    }
    cJSON_Delete(jn);
    mw_errors_free(&err);
}

/* With RESULTS_OMIT_LIMITS no explanation field carries a limit. */
static void test_omit_limits(const char *root, Fixture *fx)
{
    char dir[512], path[600];
    path2(dir, sizeof dir, root, "out/omit");
    CHECK(results_write(dir, &fx->p, &fx->meta, RESULTS_JSON | RESULTS_OMIT_LIMITS, NULL) == MW_OK);
    path2(path, sizeof path, dir, "results.json");
    char *text = slurp(path, NULL);
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    CHECK(j != NULL);
    if (j) {
        CHECK(cJSON_IsTrue(get(get(get(j, "meta"), "parameters"), "omit_limits")));
        const cJSON *mt;
        cJSON_ArrayForEach(mt, get(j, "proposal")) {
            CHECK(cJSON_IsNull(get(mt, "binding_limits")));
            CHECK(cJSON_IsNull(get(mt, "signaleringen")));
            /* the risk flags describe the candidate's situation: left out too */
            CHECK(cJSON_IsNull(get(get(mt, "risk"), "flags")));
            CHECK(cJSON_IsNumber(get(get(mt, "risk"), "p_durable")));
        }
        const cJSON *u;
        cJSON_ArrayForEach(u, get(j, "unmatched"))
            CHECK(cJSON_IsNull(get(u, "nearest_miss")));
    }
    CHECK(text && strstr(text, "lim.") == NULL && strstr(text, "\"limit\"") == NULL);
    cJSON_Delete(j);
    free(text);
}

/* Text cells that need quoting, and the formula guard. */
static void test_csv_quoting(const char *root, Fixture *fx)
{
    if (fx->p.n_matches == 0)
        return;
    Employer *e = &fx->m->employers[fx->p.matches[0].a.emp];
    const char *saved = e->name;
    char dir[512], path[600];
    path2(dir, sizeof dir, root, "out/quoting");
    e->name = "Bakker \"De Korf\"; Noord";
    CHECK(results_write(dir, &fx->p, &fx->meta, RESULTS_CSV, NULL) == MW_OK);
    path2(path, sizeof path, dir, "matches.csv");
    char *t = slurp(path, NULL);
    CHECK(t && strstr(t, ";\"Bakker \"\"De Korf\"\"; Noord\";") != NULL);
    free(t);
    e->name = "=HYPERLINK(\"x\")";
    CHECK(results_write(dir, &fx->p, &fx->meta, RESULTS_CSV, NULL) == MW_OK);
    t = slurp(path, NULL);
    CHECK(t && strstr(t, ";\"'=HYPERLINK(\"\"x\"\")\";") != NULL);
    free(t);
    e->name = " spaced ";
    CHECK(results_write(dir, &fx->p, &fx->meta, RESULTS_CSV, NULL) == MW_OK);
    t = slurp(path, NULL);
    CHECK(t && strstr(t, ";\" spaced \";") != NULL);
    free(t);
    e->name = saved;
}

/* The thread count changes nothing in results.json or the CSV files. */
static void test_threads(const char *root, Fixture *fx1)
{
    Fixture fx4;
    int rc = fixture_load(&fx4, 4);
    CHECK(rc == MW_OK);
    if (rc == MW_OK) {
        char a[512], b[512], pa[600], pb[600];
        path2(a, sizeof a, root, "out/t1");
        path2(b, sizeof b, root, "out/t4");
        CHECK(results_write(a, &fx1->p, &fx1->meta, RESULTS_JSON | RESULTS_CSV, NULL) == MW_OK);
        CHECK(results_write(b, &fx4.p, &fx4.meta, RESULTS_JSON | RESULTS_CSV, NULL) == MW_OK);
        static const char *const names[3] = {"results.json", "matches.csv", "shortlist.csv"};
        for (int i = 0; i < 3; i++) {
            path2(pa, sizeof pa, a, names[i]);
            path2(pb, sizeof pb, b, names[i]);
            char *ta = slurp(pa, NULL), *tb = slurp(pb, NULL);
            CHECK(ta && tb && strcmp(ta, tb) == 0);
            free(ta);
            free(tb);
        }
    }
    fixture_free(&fx4);
}

static void test_io_errors(const char *root, Fixture *fx)
{
    MwErrors err;
    mw_errors_init(&err, 0);
    /* a directory that cannot be created */
    CHECK(results_write("/proc/maatwerk-test/out", &fx->p, &fx->meta, RESULTS_JSON | RESULTS_CSV, &err) == MW_EIO);
    CHECK(mw_errors_count(&err) == 1);
    if (err.n) {
        char msg[700];
        mw_error_format(&err.items[0], msg, sizeof msg);
        CHECK(strstr(msg, "/proc/maatwerk-test") != NULL && strstr(msg, "cannot create directory") != NULL);
    }
    CHECK(!exists("/proc/maatwerk-test"));

    /* a path under a regular file */
    char file[512], dir[600];
    path2(file, sizeof file, root, "plain");
    FILE *f = fopen(file, "w");
    if (f) {
        fputs("x\n", f);
        fclose(f);
    }
    snprintf(dir, sizeof dir, "%s/sub", file);
    CHECK(results_write(dir, &fx->p, &fx->meta, RESULTS_JSON | RESULTS_CSV, &err) == MW_EIO);
    CHECK(mw_errors_count(&err) == 2);
    struct stat st;
    CHECK(stat(file, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 2);
    /* the regular file itself as the directory */
    CHECK(results_write(file, &fx->p, &fx->meta, RESULTS_JSON, &err) == MW_EIO);
    CHECK(stat(file, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 2);

    /* the rename fails (results.json is a directory): no temporary file is
     * left and the other files are not created */
    path2(dir, sizeof dir, root, "out/blocked");
    char blocker[700];
    CHECK(mkdir(dir, 0700) == 0);
    path2(blocker, sizeof blocker, dir, "results.json");
    CHECK(mkdir(blocker, 0700) == 0);
    path2(file, sizeof file, blocker, "keep");
    f = fopen(file, "w");
    if (f)
        fclose(f);
    CHECK(results_write(dir, &fx->p, &fx->meta, RESULTS_JSON | RESULTS_CSV, &err) == MW_EIO);
    int hidden = -1;
    CHECK(count_entries(dir, &hidden) == 1 && hidden == 0);
    CHECK(exists(file));
    mw_errors_free(&err);
}

/* Every allocation of the writer fails in turn: MW_ENOMEM each time, no file
 * and no temporary file left; then it succeeds. */
static void test_alloc_failures(const char *root, Fixture *fx)
{
    char dir[512];
    path2(dir, sizeof dir, root, "out/oom");
    int rc = MW_ENOMEM, n = 0, clean = 1, only_nomem = 1;
    for (long k = 1; rc == MW_ENOMEM && k < 10000; k++, n++) {
        MwErrors err;
        mw_errors_init(&err, 0);
        mw_alloc_fail_at(k);
        rc = results_write(dir, &fx->p, &fx->meta, RESULTS_JSON | RESULTS_CSV, &err);
        mw_alloc_fail_at(0);
        mw_errors_free(&err);
        if (rc != MW_OK) {
            only_nomem &= rc == MW_ENOMEM;
            int hidden = 0, files = count_entries(dir, &hidden);
            clean &= files <= 0;
        }
    }
    CHECK(rc == MW_OK);
    CHECK(n > 3);
    CHECK(only_nomem);
    CHECK(clean);
    int hidden = -1;
    CHECK(count_entries(dir, &hidden) == 4 && hidden == 0);
}

int main(void)
{
    char root[] = "/tmp/test_results.XXXXXX";
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 1;
    }
    test_sha256(root);
    Fixture fx;
    int rc = fixture_load(&fx, 1);
    CHECK(rc == MW_OK);
    if (rc == MW_OK) {
        test_write(root, &fx);
        test_omit_limits(root, &fx);
        test_csv_quoting(root, &fx);
        test_threads(root, &fx);
        test_io_errors(root, &fx);
        test_alloc_failures(root, &fx);
    }
    fixture_free(&fx);
    rm_tree(root);
    return check_report("test_results");
}
