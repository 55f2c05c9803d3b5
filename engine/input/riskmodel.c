/* riskmodel.c — reading a durability model file (models/risk/default.json,
 * the format in models/risk/README.md) into a RiskModel (core/risk.h). Every
 * flag and every moment must be there, each flag with a source; unknown
 * keys, wrong types and out-of-range numbers are errors named by their key
 * path ("flags.first_job.trial"). Keys starting with '_' are comments.
 * Layer: input (the only place besides output that knows cJSON).
 */
#include "load.h"

#include <cJSON.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *display;
    MwErrors *err;
    int status;
} Ctx;

static void bad(Ctx *x, const char *path, const char *msg)
{
    mw_error_add(x->err, x->display, 0, path, "", "%s", msg);
    if (x->status == MW_OK)
        x->status = MW_EINPUT;
}

/* A number in lo..hi at obj.key (path names it); *dst untouched on error. */
static void number(Ctx *x, const cJSON *obj, const char *key, const char *path, double lo, double hi, double *dst)
{
    char p[160], msg[96];
    snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it) {
        bad(x, p, "missing");
        return;
    }
    char a[32], b[32];
    mw_fmt_double(a, sizeof a, lo);
    mw_fmt_double(b, sizeof b, hi);
    snprintf(msg, sizeof msg, "expected a number in %s..%s", a, b);
    if (!cJSON_IsNumber(it) || it->valuedouble < lo || it->valuedouble > hi)
        bad(x, p, msg);
    else
        *dst = it->valuedouble;
}

/* Every key of obj (other than _comments) must be in allowed[0..n). */
static void known_keys(Ctx *x, const cJSON *obj, const char *path, const char *const *allowed, int n)
{
    for (const cJSON *it = obj->child; it; it = it->next) {
        if (it->string[0] == '_')
            continue;
        int ok = 0;
        for (int i = 0; i < n && !ok; i++)
            ok = strcmp(allowed[i], it->string) == 0;
        if (!ok) {
            char p[160];
            snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", it->string);
            bad(x, p, "unknown key");
        }
    }
}

static const cJSON *object(Ctx *x, const cJSON *parent, const char *key, const char *path)
{
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(parent, key);
    if (!cJSON_IsObject(o)) {
        bad(x, path, o ? "expected an object" : "missing");
        return NULL;
    }
    return o;
}

/* Reads {trial, first_six_months, conversion, later} numbers of obj into v. */
static void moments(Ctx *x, const cJSON *obj, const char *path, double lo, double hi, double v[RISK_MOMENTS])
{
    for (int m = 0; m < RISK_MOMENTS; m++)
        number(x, obj, risk_moment_names[m], path, lo, hi, &v[m]);
}

int load_risk_model(RiskModel *out, MwArena *arena, const char *text, const char *display, MwErrors *err)
{
    Ctx x = {display, err, MW_OK};
    RiskModel rm;
    risk_model_defaults(&rm);
    cJSON *root = cJSON_Parse(text);
    if (!root || !cJSON_IsObject(root)) {
        bad(&x, "", root ? "expected a JSON object" : "invalid JSON");
        cJSON_Delete(root);
        return MW_EINPUT;
    }
    static const char *const top[] = {"name", "thresholds", "calibration", "intercepts", "flags"};
    known_keys(&x, root, "", top, 5);
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "name");
    if (!cJSON_IsString(name) || !name->valuestring[0])
        bad(&x, "name", name ? "expected a non-empty string" : "missing");
    else if (!(rm.name = mw_arena_strdup(arena, name->valuestring)))
        x.status = MW_ENOMEM;

    const cJSON *th = object(&x, root, "thresholds", "thresholds");
    if (th) {
        static const char *const keys[] = {"hours_share", "supervision_share", "travel_min",
                                           "supervisor_exit_months", "coverage", "result_orientation"};
        known_keys(&x, th, "thresholds", keys, 6);
        number(&x, th, "hours_share", "thresholds", 0, 1, &rm.hours_share);
        number(&x, th, "supervision_share", "thresholds", 0, 1, &rm.supervision_share);
        number(&x, th, "travel_min", "thresholds", 0, 600, &rm.travel_min);
        number(&x, th, "supervisor_exit_months", "thresholds", 0, 120, &rm.supervisor_exit_months);
        number(&x, th, "coverage", "thresholds", 0, 1, &rm.coverage);
        double ro = rm.result_orientation;
        number(&x, th, "result_orientation", "thresholds", 0, 3, &ro);
        if (ro != (int)ro)
            bad(&x, "thresholds.result_orientation", "expected an integer in 0..3");
        rm.result_orientation = (int)ro;
    }
    const cJSON *cal = object(&x, root, "calibration", "calibration");
    const cJSON *tg = cal ? object(&x, cal, "target", "calibration.target") : NULL;
    if (cal) {
        static const char *const keys[] = {"target"};
        known_keys(&x, cal, "calibration", keys, 1);
    }
    if (tg) {
        known_keys(&x, tg, "calibration.target", risk_moment_names, RISK_MOMENTS);
        moments(&x, tg, "calibration.target", 1e-6, 1 - 1e-6, rm.target);
    }
    const cJSON *ic = object(&x, root, "intercepts", "intercepts");
    if (ic) {
        known_keys(&x, ic, "intercepts", risk_moment_names, RISK_MOMENTS);
        moments(&x, ic, "intercepts", -20, 20, rm.intercept);
    }
    const cJSON *fl = object(&x, root, "flags", "flags");
    if (fl) {
        known_keys(&x, fl, "flags", risk_flag_names, RISK_FLAGS);
        static const char *keys[RISK_MOMENTS + 2];
        for (int m = 0; m < RISK_MOMENTS; m++)
            keys[m] = risk_moment_names[m];
        keys[RISK_MOMENTS] = "prevalence";
        keys[RISK_MOMENTS + 1] = "source";
        for (int f = 0; f < RISK_FLAGS; f++) {
            char p[96];
            snprintf(p, sizeof p, "flags.%s", risk_flag_names[f]);
            const cJSON *o = object(&x, fl, risk_flag_names[f], p);
            if (!o)
                continue;
            known_keys(&x, o, p, keys, RISK_MOMENTS + 2);
            moments(&x, o, p, -10, 10, rm.weight[f]);
            number(&x, o, "prevalence", p, 0, 1, &rm.prevalence[f]);
            const cJSON *src = cJSON_GetObjectItemCaseSensitive(o, "source");
            if (!cJSON_IsString(src) || !src->valuestring[0]) {
                char q[128];
                snprintf(q, sizeof q, "%s.source", p);
                bad(&x, q, src ? "expected a non-empty string (a study of DOMAIN.md, or \"assumption\")"
                               : "missing (a study of DOMAIN.md, or \"assumption\")");
            }
        }
    }
    cJSON_Delete(root);
    if (x.status == MW_OK)
        *out = rm;
    return x.status;
}
