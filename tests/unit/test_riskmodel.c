/* test_riskmodel.c — reading a durability model file (engine/input/
 * riskmodel.c): models/risk/default.json equals the built-in defaults
 * (core/risk.c) number for number, and every flag in it has a source;
 * broken files give exact messages naming the key path and leave the model
 * untouched; a data directory loads the models' file.
 */
#include <stdlib.h>

#include "../../engine/core/risk.h"
#include "../../engine/input/load.h"
#include "check.h"

static const char *models(void)
{
    const char *e = getenv("MAATWERK_MODELS");
    return e && *e ? e : "models";
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *b = malloc(1 << 20);
    size_t n = b ? fread(b, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    if (b)
        b[n] = '\0';
    return b;
}

static int same_model(const RiskModel *a, const RiskModel *b)
{
    int same = strcmp(a->name, b->name) == 0 && a->hours_share == b->hours_share &&
               a->supervision_share == b->supervision_share && a->travel_min == b->travel_min &&
               a->supervisor_exit_months == b->supervisor_exit_months && a->coverage == b->coverage &&
               a->result_orientation == b->result_orientation;
    for (int m = 0; m < RISK_MOMENTS; m++) {
        same &= a->intercept[m] == b->intercept[m] && a->target[m] == b->target[m];
        for (int f = 0; f < RISK_FLAGS; f++)
            same &= a->weight[f][m] == b->weight[f][m];
    }
    for (int f = 0; f < RISK_FLAGS; f++)
        same &= a->prevalence[f] == b->prevalence[f];
    return same;
}

static char *default_text(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/risk/default.json", models());
    char *t = slurp(path);
    CHECK(t != NULL);
    return t;
}

static void test_file_is_defaults(void)
{
    char *t = default_text();
    if (!t)
        return;
    MwArena ar;
    mw_arena_init(&ar);
    MwErrors err;
    mw_errors_init(&err, 10);
    RiskModel rm, def;
    memset(&rm, 0, sizeof rm);
    risk_model_defaults(&def);
    CHECK(load_risk_model(&rm, &ar, t, "default.json", &err) == MW_OK);
    CHECK(err.n == 0);
    CHECK(rm.name && same_model(&rm, &def));
    /* every flag cites a study of DOMAIN.md or says assumption */
    static const char *const studies[] = {"Stilzitten", "WerkZaam", "Midden-Utrecht", "Flevoland", "Beschut",
                                          "assumption"};
    for (int f = 0; f < RISK_FLAGS; f++) {
        char key[64];
        snprintf(key, sizeof key, "\"%s\": {", risk_flag_names[f]);
        const char *at = strstr(t, key), *src = at ? strstr(at, "\"source\": \"") : NULL;
        int cited = 0;
        for (size_t k = 0; src && k < sizeof studies / sizeof *studies; k++) {
            const char *hit = strstr(src, studies[k]), *eol = strchr(src, '\n');
            cited |= hit && eol && hit < eol;
        }
        CHECK(cited);
    }
    mw_errors_free(&err);
    mw_arena_free(&ar);
    free(t);
}

/* Replaces the first `from` in text by `to` (a new malloc'ed text). */
static char *edit(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    CHECK(at != NULL);
    if (!at)
        return NULL;
    size_t n = strlen(text) - strlen(from) + strlen(to) + 1;
    char *out = malloc(n);
    snprintf(out, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    return out;
}

/* Loads the edited default text and expects exactly `want` as the first message. */
static void expect_error(const char *from, const char *to, const char *want)
{
    char *t = default_text();
    char *bad = t ? edit(t, from, to) : NULL;
    if (bad) {
        MwArena ar;
        mw_arena_init(&ar);
        MwErrors err;
        mw_errors_init(&err, 10);
        RiskModel rm, before;
        risk_model_defaults(&rm);
        rm.travel_min = 99;       /* a marker: untouched on error */
        before = rm;
        CHECK(load_risk_model(&rm, &ar, bad, "models/risk/default.json", &err) == MW_EINPUT);
        CHECK(err.n >= 1);
        if (err.n >= 1) {
            char b[600];
            mw_error_format(&err.items[0], b, sizeof b);
            CHECK_STR(b, want);
        }
        CHECK(memcmp(&rm, &before, sizeof rm) == 0);
        mw_errors_free(&err);
        mw_arena_free(&ar);
    }
    free(bad);
    free(t);
}

static void test_errors(void)
{
    expect_error("\"trial\": 0.4,", "\"trial\": \"high\",",
                 "models/risk/default.json: flags.hours_near_max.trial: expected a number in -10..10");
    expect_error("\"trial\": 0.4,", "",
                 "models/risk/default.json: flags.hours_near_max.trial: missing");
    expect_error("\"hours_near_max\": {", "\"hours_near_maximum\": {",
                 "models/risk/default.json: flags.hours_near_maximum: unknown key");
    expect_error("\"source\": \"assumption (a long", "\"bron\": \"assumption (a long",
                 "models/risk/default.json: flags.long_travel.bron: unknown key");
    expect_error("\"prevalence\": 0.3,", "\"prevalence\": 1.5,",
                 "models/risk/default.json: flags.hours_near_max.prevalence: expected a number in 0..1");
    expect_error("\"travel_min\": 30,", "\"travel_min\": -1,",
                 "models/risk/default.json: thresholds.travel_min: expected a number in 0..600");
    expect_error("\"result_orientation\": 2,", "\"result_orientation\": 1.5,",
                 "models/risk/default.json: thresholds.result_orientation: expected an integer in 0..3");
    expect_error("\"name\": \"default\",", "\"name\": \"\",",
                 "models/risk/default.json: name: expected a non-empty string");
    expect_error("\"intercepts\": {", "\"intercept\": {",
                 "models/risk/default.json: intercept: unknown key");
    expect_error("{", "[",
                 "models/risk/default.json: invalid JSON");
}

/* The source of a flag is required. */
static void test_source_required(void)
{
    char *t = default_text();
    if (!t)
        return;
    const char *at = strstr(t, "\"low_affinity\": {");
    const char *src = at ? strstr(at, "\"source\": ") : NULL;
    CHECK(src != NULL);
    if (src) {
        const char *end = strchr(src, '\n');
        char from[512];
        snprintf(from, sizeof from, "%.*s", (int)(end - src), src);
        char *bad = edit(t, from, "\"source\": \"\"");
        MwArena ar;
        mw_arena_init(&ar);
        MwErrors err;
        mw_errors_init(&err, 10);
        RiskModel rm;
        risk_model_defaults(&rm);
        CHECK(load_risk_model(&rm, &ar, bad, "r.json", &err) == MW_EINPUT);
        if (err.n >= 1) {
            char b[600];
            mw_error_format(&err.items[0], b, sizeof b);
            CHECK_STR(b, "r.json: flags.low_affinity.source: expected a non-empty string (a study of DOMAIN.md, or "
                         "\"assumption\")");
        }
        mw_errors_free(&err);
        mw_arena_free(&ar);
        free(bad);
    }
    free(t);
}

/* load_dir reads models/risk/default.json into Model.risk. */
static void test_load_dir(void)
{
    MwErrors err;
    mw_errors_init(&err, 10);
    Model *m = NULL;
    LoadOptions lo = {models()};
    CHECK(load_dir("tests/data/mini", &lo, &m, &err) == MW_OK);
    if (m) {
        RiskModel def;
        risk_model_defaults(&def);
        CHECK(same_model(&m->risk, &def));
        CHECK(m->risk.name != def.name);    /* read from the file, not the built-in pointer */
        model_free(m);
    }
    mw_errors_free(&err);
}

int main(void)
{
    test_file_is_defaults();
    test_errors();
    test_source_required();
    test_load_dir();
    return check_report("test_riskmodel");
}
