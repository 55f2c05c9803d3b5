/* results.c — the regional proposal on disk: results.json (maatwerk.results/1)
 * built as one cJSON tree with keys in a fixed order, and matches.csv /
 * shortlist.csv in the dialect Dutch Excel opens directly. The explanation
 * fields reuse explain.c's builders, so both schemas word them alike.
 * Layer: output. Knows nothing about GLPK; never names a candidate's limit
 * outside binding_limits, signaleringen and nearest_miss.
 */
#include "results.h"
#include "textbuf.h"

#include <cJSON.h>
#include <stdio.h>
#include <string.h>

#include "atomic.h"
#include "employer_view.h"
#include "explain.h"
#include "report.h"
#include "tables.h"
#include "../solve/fixed.h"

/* ---- JSON: one flag for any failed cJSON allocation ---------------------- */

typedef struct {
    int ok;
} J;

/* Rounded to 6 decimals, never -0 (the one number rule of the outputs). */
static double num(double v) { return explain_num(v); }
/* Parameters are echoed exactly (so a run can be repeated), only -0 becomes 0. */
static double exact(double v) { return v == 0 ? 0 : v; }

static cJSON *add(J *j, cJSON *parent, const char *key, cJSON *item)
{
    if (!item) {
        j->ok = 0;
        return NULL;
    }
    if (!parent || !(key ? cJSON_AddItemToObject(parent, key, item) : cJSON_AddItemToArray(parent, item))) {
        cJSON_Delete(item);
        j->ok = 0;
        return NULL;
    }
    return item;
}

static cJSON *obj(J *j, cJSON *parent, const char *key) { return add(j, parent, key, cJSON_CreateObject()); }
static cJSON *arr(J *j, cJSON *parent, const char *key) { return add(j, parent, key, cJSON_CreateArray()); }
static void put_num(J *j, cJSON *o, const char *key, double v) { add(j, o, key, cJSON_CreateNumber(num(v))); }
static void put_exact(J *j, cJSON *o, const char *key, double v) { add(j, o, key, cJSON_CreateNumber(exact(v))); }
static void put_int(J *j, cJSON *o, const char *key, long v) { add(j, o, key, cJSON_CreateNumber((double)v)); }
static void put_bool(J *j, cJSON *o, const char *key, int v) { add(j, o, key, cJSON_CreateBool(v != 0)); }
static void put_null(J *j, cJSON *o, const char *key) { add(j, o, key, cJSON_CreateNull()); }
static void put_str(J *j, cJSON *o, const char *key, const char *v)
{
    add(j, o, key, v ? cJSON_CreateString(v) : cJSON_CreateNull());
}

/* ---- meta ------------------------------------------------------------------- */

static void json_weights(J *j, cJSON *o, const Weights *w)
{
    put_exact(j, o, "value", w->value);
    put_exact(j, o, "pref", w->pref);
    put_exact(j, o, "skill", w->skill);
    put_exact(j, o, "hours", w->hours);
    put_exact(j, o, "task", w->task);
    put_exact(j, o, "group", w->group);
    put_exact(j, o, "sup", w->sup);
    put_exact(j, o, "over", w->over);
    put_exact(j, o, "theta", w->theta);
    put_exact(j, o, "travel", w->travel);
    put_exact(j, o, "known", w->known);
    put_exact(j, o, "affinity", w->affinity);
    put_exact(j, o, "time_limit", w->time_limit);
    put_exact(j, o, "risk", w->risk);
    put_exact(j, o, "churn", w->churn);
}

static void json_policy(J *j, cJSON *o, const Policy *p)
{
    put_str(j, o, "name", p->name);
    put_exact(j, o, "min_wage_hour", p->min_wage_hour);
    put_int(j, o, "min_wage_year", p->min_wage_year);
    put_exact(j, o, "employer_charges", p->employer_charges);
    put_exact(j, o, "lks_flat_start", p->lks_flat_start);
    put_bool(j, o, "main_task_rule", p->main_task_rule);
    put_exact(j, o, "main_task_share", p->main_task_share);
    put_exact(j, o, "main_task_min_day", p->main_task_min_day);
    put_exact(j, o, "begeleiding_year", p->begeleiding_year);
    put_exact(j, o, "begeleiding_ref_hours", p->begeleiding_ref_hours);
    put_exact(j, o, "job_unit_hours", p->job_unit_hours);
    put_exact(j, o, "quota_levy", p->quota_levy);
    put_int(j, o, "quota_min_employees", p->quota_min_employees);
    if (p->benefit_month == MW_UNSET)
        put_null(j, o, "benefit_month");
    else
        put_exact(j, o, "benefit_month", p->benefit_month);
}

/* ---- weekly runs (issue 8) ----------------------------------------------------- */

static void put_date(J *j, cJSON *o, const char *key, int32_t d)
{
    if (d == MW_NO_DATE) {
        put_null(j, o, key);
        return;
    }
    int y, mo, da;
    char b[16];
    mw_civil_from_days(d, &y, &mo, &da);
    snprintf(b, sizeof b, "%04d-%02d-%02d", y, mo, da);
    put_str(j, o, key, b);
}

/* meta.parameters.date and .previous */
static void json_weekly_parameters(J *j, cJSON *par, const WeeklyReport *wr)
{
    put_date(j, par, "date", wr ? wr->today : MW_NO_DATE);
    if (!wr || !wr->previous) {
        put_null(j, par, "previous");
        return;
    }
    cJSON *o = obj(j, par, "previous");
    put_str(j, o, "sha256", wr->previous->sha256);
    put_int(j, o, "unresolved", wr->previous->unresolved);
}

/* summary.churn: null without --previous */
static void json_churn(J *j, cJSON *summary, const WeeklyReport *wr)
{
    if (!wr || !wr->previous) {
        put_null(j, summary, "churn");
        return;
    }
    const Churn *c = &wr->churn;
    cJSON *o = obj(j, summary, "churn");
    put_int(j, o, "kept", c->kept);
    put_int(j, o, "changed", c->changed);
    put_int(j, o, "dropped", c->dropped);
    put_int(j, o, "new", c->added);
    put_int(j, o, "churn", c->changed + c->dropped);
    put_int(j, o, "unresolved", c->unresolved);
}

static void json_monitoring(J *j, cJSON *root, const Proposal *p, const WeeklyReport *wr, int omit_limits)
{
    const Model *m = p->m;
    cJSON *list = arr(j, root, "monitoring");
    for (int i = 0; wr && i < wr->n_signals && j->ok; i++) {
        const MonSignal *g = &wr->signals[i];
        cJSON *o = obj(j, list, NULL);
        put_str(j, o, "kind", mon_kind_names[g->kind]);
        put_str(j, o, "candidate", m->candidates[g->cand].id);
        put_str(j, o, "employer", m->employers[g->emp].id);
        put_str(j, o, "placement", g->placement >= 0 ? m->placements[g->placement].id : NULL);
        put_date(j, o, "date", g->date);
        if (g->date != MW_NO_DATE && wr->today != MW_NO_DATE)
            put_int(j, o, "days_left", g->days_left);
        else
            put_null(j, o, "days_left");
        if (g->kind == MON_PACKAGE_NO_LONGER_FITS || g->kind == MON_TRIAL_FAILED || g->date != MW_NO_DATE) {
            put_null(j, o, "value");
            put_null(j, o, "limit");
        } else {
            put_num(j, o, "value", g->value);
            put_num(j, o, "limit", g->limit);
        }
        put_str(j, o, "reason", g->reason);
        /* which limits no longer fit is an explanation field (health data) */
        if (g->kind != MON_PACKAGE_NO_LONGER_FITS || omit_limits) {
            put_null(j, o, "misfit");
        } else {
            cJSON *mf = arr(j, o, "misfit");
            for (int k = 0; k < FIXED_MISFIT_KINDS; k++)
                if (g->misfit >> k & 1)
                    add(j, mf, NULL, cJSON_CreateString(fixed_misfit_names[k]));
        }
    }
}

static void json_fingerprints(J *j, cJSON *root, const Model *m)
{
    char (*cand)[MW_SHA256_HEX] = mw_calloc((size_t)m->n_candidates + 1, MW_SHA256_HEX);
    char (*emp)[MW_SHA256_HEX] = mw_calloc((size_t)m->n_employers + 1, MW_SHA256_HEX);
    if (!cand || !emp || tables_fingerprints(m, cand, emp)) {
        j->ok = 0;
    } else {
        cJSON *o = obj(j, root, "fingerprints");
        cJSON *c = arr(j, o, "candidates");
        for (int i = 0; i < m->n_candidates && j->ok; i++) {
            cJSON *x = obj(j, c, NULL);
            put_str(j, x, "id", m->candidates[i].id);
            put_str(j, x, "sha256", cand[i]);
        }
        cJSON *e = arr(j, o, "employers");
        for (int i = 0; i < m->n_employers && j->ok; i++) {
            cJSON *x = obj(j, e, NULL);
            put_str(j, x, "id", m->employers[i].id);
            put_str(j, x, "sha256", emp[i]);
        }
    }
    mw_free(cand);
    mw_free(emp);
}

static void json_meta(J *j, cJSON *root, const Proposal *p, const RunMeta *meta, unsigned formats)
{
    static const char *const master_status[] = {"optimal", "time_limit", "failed", "node_limit", "dive"};
    const Region *r = p->r;
    cJSON *o = obj(j, root, "meta");
    put_str(j, o, "version", MW_VERSION);
    put_str(j, o, "glpk_version", meta->glpk_version ? meta->glpk_version : "unknown");
    cJSON *in = arr(j, o, "inputs");
    for (int i = 0; i < meta->n_inputs && j->ok; i++) {
        cJSON *f = obj(j, in, NULL);
        put_str(j, f, "file", meta->inputs[i].name);
        put_str(j, f, "sha256", meta->inputs[i].sha256);
    }

    cJSON *par = obj(j, o, "parameters");
    put_str(j, par, "preset", meta->preset);
    json_weights(j, obj(j, par, "weights"), p->w);
    json_policy(j, obj(j, par, "policy"), &p->m->policy);
    put_int(j, par, "top", p->top);
    put_exact(j, par, "time_limit", meta->time_limit);
    put_int(j, par, "max_iterations", meta->max_iterations);
    put_exact(j, par, "pricing_gap", meta->pricing_gap);
    put_bool(j, par, "nearest_miss", meta->nearest_miss);
    if (meta->has_seed) {
        /* a string: a JSON number loses a 64-bit seed's low digits */
        char b[24];
        snprintf(b, sizeof b, "%llu", (unsigned long long)meta->seed);
        put_str(j, par, "seed", b);
    } else {
        put_null(j, par, "seed");
    }
    cJSON *fm = arr(j, par, "formats");
    if (formats & RESULTS_JSON)
        add(j, fm, NULL, cJSON_CreateString("json"));
    if (formats & RESULTS_CSV)
        add(j, fm, NULL, cJSON_CreateString("csv"));
    if (formats & RESULTS_HTML)
        add(j, fm, NULL, cJSON_CreateString("html"));
    if (formats & RESULTS_EMPLOYER_VIEW)
        add(j, fm, NULL, cJSON_CreateString("employer_view"));
    put_bool(j, par, "omit_limits", formats & RESULTS_OMIT_LIMITS);
    json_weekly_parameters(j, par, meta->weekly);

    cJSON *s = obj(j, o, "solver");
    put_num(j, s, "lp_bound", r->lp_bound);
    put_bool(j, s, "bound_is_lagrangian", r->bound_is_lagrangian);
    put_num(j, s, "master_lp", r->master_lp);
    put_num(j, s, "objective", r->objective);
    put_num(j, s, "gap", r->gap);
    put_int(j, s, "iterations", r->iterations);
    put_bool(j, s, "converged", r->converged);
    put_str(j, s, "pricing_stop", pricing_stop_name(r->pricing_stop));
    put_str(j, s, "master_status",
            r->master_status >= 0 && r->master_status < 5 ? master_status[r->master_status] : "unknown");
    put_int(j, s, "columns", r->n_cols);
    put_int(j, s, "pairs", r->n_pairs);
    put_int(j, s, "carve_solves", r->carve_solves);
    put_int(j, s, "pricing_solves", r->pricing_solves);
    put_int(j, s, "solver_errors", r->solver_errors);
    put_int(j, s, "time_limits", r->time_limits);
    /* pair pruning (issue 6) */
    put_int(j, s, "top_pairs", r->top_pairs);
    put_int(j, s, "pruned_pairs", r->pruned_pairs);
    put_int(j, s, "deferred_pairs", r->deferred_pairs);
    put_int(j, s, "deferred_carved", r->deferred_carved);
    put_num(j, s, "bound_all_pairs", r->bound_all_pairs);
    put_int(j, s, "pricing_cutoffs", r->pricing_cutoffs);

}

/* run.json: what depends on the machine and not on the input — the thread
 * count and the wall-clock timings — kept out of results.json so that
 * identical input gives a byte-identical results.json on any machine. */
static void json_run(J *j, cJSON *root, const Proposal *p, const RunMeta *meta)
{
    const Region *r = p->r;
    put_str(j, root, "schema", "maatwerk.run/1");
    put_int(j, root, "threads", meta->threads);
    cJSON *t = obj(j, root, "timings");
    put_num(j, t, "load", meta->timings.load);
    put_num(j, t, "carve", r->seconds_carve);
    put_num(j, t, "pricing", r->seconds_pricing);
    put_num(j, t, "master", r->seconds_master);
    put_num(j, t, "assess", meta->timings.assess);
    put_num(j, t, "total", meta->timings.total);
}

/* ---- proposal, shortlists, unmatched, employers, summary ---------------------- */

static void json_match(J *j, cJSON *list, const Proposal *p, const Match *mt, int omit_limits)
{
    const Model *m = p->m;
    const PairAssessment *a = &mt->a;
    const Employer *e = &m->employers[a->emp];
    cJSON *o = obj(j, list, NULL);
    put_str(j, o, "candidate", m->candidates[mt->cand].id);
    put_str(j, o, "employer", e->id);
    put_str(j, o, "employer_name", e->name);
    add(j, o, "score", explain_json_score(a));
    add(j, o, "package", explain_json_package(m, &a->pk, 1));
    if (omit_limits) {
        put_null(j, o, "binding_limits");
        put_null(j, o, "signaleringen");
    } else {
        add(j, o, "binding_limits", explain_json_bindings(m, a));
        add(j, o, "signaleringen", explain_json_signals(m, a));
    }
    add(j, o, "coverage", explain_json_coverage(a));
    put_num(j, o, "travel_min", a->travel_min);
    add(j, o, "costs", explain_json_costs(a));
    add(j, o, "risk", explain_json_risk(a, !omit_limits));
    int pl = p->r->cols[mt->col].placement;
    put_str(j, o, "placement", pl >= 0 ? m->placements[pl].id : NULL);
    put_bool(j, o, "fixed", pl >= 0 && !m->placements[pl].review);
}

static void json_shortlists(J *j, cJSON *root, const Proposal *p)
{
    const Model *m = p->m;
    cJSON *o = obj(j, root, "shortlists");
    cJSON *cands = arr(j, o, "candidates");
    for (int c = 0; c < m->n_candidates && j->ok; c++) {
        cJSON *one = obj(j, cands, NULL);
        put_str(j, one, "candidate", m->candidates[c].id);
        cJSON *entries = arr(j, one, "entries");
        for (int k = 0; k < p->cand_short_n[c] && j->ok; k++) {
            const ShortEntry *se = &p->cand_short[p->cand_short_first[c] + k];
            cJSON *x = obj(j, entries, NULL);
            put_str(j, x, "employer", m->employers[se->emp].id);
            put_num(j, x, "score", se->score);
            put_bool(j, x, "in_proposal", se->in_proposal);
        }
    }
    cJSON *emps = arr(j, o, "employers");
    for (int e = 0; e < m->n_employers && j->ok; e++) {
        cJSON *one = obj(j, emps, NULL);
        put_str(j, one, "employer", m->employers[e].id);
        cJSON *entries = arr(j, one, "entries");
        for (int k = 0; k < p->emp_short_n[e] && j->ok; k++) {
            const ShortEntry *se = &p->emp_short[p->emp_short_first[e] + k];
            cJSON *x = obj(j, entries, NULL);
            put_str(j, x, "candidate", m->candidates[se->cand].id);
            put_num(j, x, "score", se->score);
            put_bool(j, x, "in_proposal", se->in_proposal);
        }
    }
}

/* The nearest miss with its employer as the first key. */
static void json_nearest_miss(J *j, cJSON *o, const Model *m, const Unmatched *u)
{
    cJSON *inner = explain_json_miss(m, &u->miss);
    cJSON *nm = cJSON_CreateObject();
    if (!inner || !nm || !cJSON_AddStringToObject(nm, "employer", m->employers[u->miss_emp].id)) {
        cJSON_Delete(inner);
        cJSON_Delete(nm);
        j->ok = 0;
        return;
    }
    /* move the children over with their keys (an object's keys live in the
     * children, so appending them keeps them) */
    while (inner->child) {
        cJSON *c = cJSON_DetachItemViaPointer(inner, inner->child);
        cJSON_AddItemToArray(nm, c);
    }
    cJSON_Delete(inner);
    add(j, o, "nearest_miss", nm);
}

static void json_unmatched(J *j, cJSON *root, const Proposal *p, int omit_limits)
{
    const Model *m = p->m;
    cJSON *list = arr(j, root, "unmatched");
    for (int i = 0; i < p->n_unmatched && j->ok; i++) {
        const Unmatched *u = &p->unmatched[i];
        cJSON *o = obj(j, list, NULL);
        put_str(j, o, "candidate", m->candidates[u->cand].id);
        cJSON *r = obj(j, o, "reasons");
        for (int k = 0; k < PAIR_REASONS; k++)
            put_int(j, r, pair_reason_names[k], u->reasons[k]);
        put_int(j, r, "no_package", u->no_package);
        put_bool(j, o, "displaced", u->displaced);
        if (!omit_limits && u->has_miss && u->miss.status == MISS_FOUND && u->miss_emp >= 0)
            json_nearest_miss(j, o, m, u);
        else
            put_null(j, o, "nearest_miss");
    }
}

static void json_employers(J *j, cJSON *root, const Proposal *p)
{
    const Model *m = p->m;
    cJSON *list = arr(j, root, "employers");
    for (int e = 0; e < m->n_employers && j->ok; e++) {
        const Employer *em = &m->employers[e];
        const EmployerUse *u = &p->employers[e];
        cJSON *o = obj(j, list, NULL);
        put_str(j, o, "employer", em->id);
        put_str(j, o, "name", em->name);
        put_int(j, o, "placements", u->placements);
        put_num(j, o, "supervision_used", u->supervision_used);
        put_num(j, o, "supervision_capacity", u->supervision_capacity);
        cJSON *jobs = arr(j, o, "jobs");
        for (int k = 0; k < em->jobs.n && j->ok; k++) {
            int jb = em->jobs.items[k];
            const JobUse *ju = &p->jobs[jb];
            cJSON *x = obj(j, jobs, NULL);
            put_str(j, x, "job", m->jobs[jb].id);
            put_str(j, x, "title", m->jobs[jb].title);
            put_num(j, x, "hours_week", m->jobs[jb].hours_week);
            put_num(j, x, "carved_work", ju->carved_work);
            put_num(j, x, "remaining", ju->remaining);
            put_bool(j, x, "vacancy_filled", ju->vacancy_filled);
        }
    }
}

static void json_summary(J *j, cJSON *root, const Summary *s, const WeeklyReport *wr)
{
    cJSON *o = obj(j, root, "summary");
    put_int(j, o, "candidates", s->candidates);
    put_int(j, o, "placements", s->placements);
    put_int(j, o, "unmatched", s->unmatched);
    put_num(j, o, "hours", s->hours);
    put_num(j, o, "work", s->work);
    put_num(j, o, "job_units", s->job_units);
    put_num(j, o, "mean_coverage", s->mean_coverage);
    put_int(j, o, "low_coverage", s->low_coverage);
    put_int(j, o, "signaleringen", s->signaleringen);
    put_num(j, o, "expected_durable", s->expected_durable);
    put_num(j, o, "wage_cost", s->wage_cost);
    put_num(j, o, "lks", s->lks);
    put_num(j, o, "begeleiding", s->begeleiding);
    put_num(j, o, "subsidy_cost", s->subsidy_cost);
    put_num(j, o, "employer_net_cost", s->employer_net_cost);
    json_churn(j, o, wr);
}

/* fairness: the overall rate and a row per group (assess/fairness.h) */
static void json_fairness(J *j, cJSON *root, const Fairness *f)
{
    cJSON *o = obj(j, root, "fairness");
    put_exact(j, o, "threshold", MW_FAIRNESS_RATIO);
    put_int(j, o, "candidates", f->candidates);
    put_int(j, o, "placed", f->placed);
    put_num(j, o, "rate", f->rate);
    put_num(j, o, "expected_durable", f->expected_durable);
    cJSON *rows = arr(j, o, "groups");
    for (int i = 0; i < f->n && j->ok; i++) {
        const FairnessRow *r = &f->rows[i];
        cJSON *x = obj(j, rows, NULL);
        put_str(j, x, "dimension", fairness_dimension_names[r->dimension]);
        put_str(j, x, "group", r->group);
        put_int(j, x, "candidates", r->candidates);
        put_int(j, x, "placed", r->placed);
        put_num(j, x, "rate", r->rate);
        if (r->has_ratio)
            put_num(j, x, "ratio", r->ratio);
        else
            put_null(j, x, "ratio");
        put_bool(j, x, "flagged", r->flagged);
        put_num(j, x, "expected_durable", r->expected_durable);
    }
}

/* The text of results.json (run_info 0) or run.json (run_info 1) with a
 * final newline (mw_free it), or NULL on OOM. */
static char *results_json(const Proposal *p, const RunMeta *meta, unsigned formats, int run_info)
{
    int omit = (formats & RESULTS_OMIT_LIMITS) != 0;
    J j = {1};
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    if (run_info) {
        json_run(&j, root, p, meta);
    } else {
        put_str(&j, root, "schema", "maatwerk.results/1");
        json_meta(&j, root, p, meta, formats);
        cJSON *list = arr(&j, root, "proposal");
        for (int i = 0; i < p->n_matches && j.ok; i++)
            json_match(&j, list, p, &p->matches[i], omit);
        json_shortlists(&j, root, p);
        json_unmatched(&j, root, p, omit);
        json_employers(&j, root, p);
        json_summary(&j, root, &p->summary, meta->weekly);
        json_fairness(&j, root, &p->fairness);
        json_monitoring(&j, root, p, meta->weekly, omit);
        json_fingerprints(&j, root, p->m);
    }
    char *out = j.ok ? explain_json_text(root) : NULL;
    cJSON_Delete(root);
    return out;
}

/* ---- CSV for Dutch Excel: BOM, ';', CRLF, decimal comma -------------------------- */

typedef struct { Buf *b; int ncell; } Row;

/* A text cell: quoted when it holds ';', '"', a line break or edge spaces;
 * a leading = + - @ gets a ' so that Excel shows it instead of evaluating
 * it as a formula (names and ids come from user files). */
static void cell_text(Row *r, const char *t)
{
    if (!t)
        t = "";
    if (r->ncell++)
        buf_puts(r->b, ";");
    size_t n = strlen(t);
    int guard = n && strchr("=+-@", t[0]) != NULL;
    int quote = guard || (n && (t[0] == ' ' || t[0] == '\t' || t[n - 1] == ' ' || t[n - 1] == '\t')) ||
                strpbrk(t, ";\"\r\n") != NULL;
    if (!quote) {
        buf_putn(r->b, t, n);
        return;
    }
    buf_puts(r->b, guard ? "\"'" : "\"");
    for (const char *q = t; *q; q++) {
        if (*q == '"')
            buf_putn(r->b, "\"", 1);
        buf_putn(r->b, q, 1);
    }
    buf_puts(r->b, "\"");
}

/* A number rounded as in results.json, shortest form, decimal comma. */
static void cell_num(Row *r, double v)
{
    char b[64];
    mw_fmt_double(b, sizeof b, num(v));
    for (char *q = b; *q; q++)
        if (*q == '.')
            *q = ',';
    if (r->ncell++)
        buf_puts(r->b, ";");
    buf_puts(r->b, b);
}

static void cell_int(Row *r, long v)
{
    char b[32];
    snprintf(b, sizeof b, "%ld", v);
    if (r->ncell++)
        buf_puts(r->b, ";");
    buf_puts(r->b, b);
}

static void row_end(Row *r)
{
    buf_puts(r->b, "\r\n");
    r->ncell = 0;
}

static void csv_header(Buf *b, const char *const *cols, int n)
{
    Row r = {b, 0};
    buf_puts(b, "\xEF\xBB\xBF");
    for (int i = 0; i < n; i++)
        cell_text(&r, cols[i]);
    row_end(&r);
}

static void csv_matches(Buf *b, const Proposal *p)
{
    static const char *const cols[] = {"candidate", "employer", "employer_name", "hours", "work",
                                       "days", "tasks", "score", "supervision_min_week", "coverage",
                                       "signaleringen",
                                       /* issue 5: durability and money (euro per year) */
                                       "p_durable", "wage_cost_year", "lks_year", "begeleiding_year",
                                       "subsidy_year", "employer_net_cost_year", "job_units"};
    const Model *m = p->m;
    csv_header(b, cols, (int)(sizeof cols / sizeof cols[0]));
    Buf cell = {NULL, 0, 0, 0};
    for (int i = 0; i < p->n_matches && !b->oom; i++) {
        const PairAssessment *a = &p->matches[i].a;
        const Package *pk = &a->pk;
        Row r = {b, 0};
        cell_text(&r, m->candidates[p->matches[i].cand].id);
        cell_text(&r, m->employers[a->emp].id);
        cell_text(&r, m->employers[a->emp].name);
        double work = 0;
        for (int k = 0; k < pk->n; k++)
            work += pk->tasks[k].work;
        cell_num(&r, pk->hours);
        cell_num(&r, work);
        buf_clear(&cell);
        for (int d = 0; d < MW_DAYS; d++)
            if (pk->days >> d & 1) {
                buf_puts(&cell, cell.n ? "|" : "");
                buf_puts(&cell, mw_day_names[d]);
            }
        cell_text(&r, buf_str(&cell));
        buf_clear(&cell);
        for (int k = 0; k < pk->n; k++) {
            buf_puts(&cell, k ? "|" : "");
            buf_puts(&cell, m->tasks[pk->tasks[k].task].id);
        }
        cell_text(&r, buf_str(&cell));
        cell_num(&r, a->score);
        cell_num(&r, pk->sup_minutes);
        cell_num(&r, a->coverage);
        cell_int(&r, a->nsig);
        cell_num(&r, a->risk.p_durable);
        cell_num(&r, a->cost.wage_cost_year);
        cell_num(&r, a->cost.lks_year);
        cell_num(&r, a->cost.begeleiding_year);
        cell_num(&r, a->cost.subsidy_year);
        cell_num(&r, a->cost.net_cost_year);
        cell_num(&r, a->cost.job_units);
        row_end(&r);
        if (cell.oom)
            b->oom = 1;
    }
    mw_free(cell.p);
}

static void csv_shortlist(Buf *b, const Proposal *p)
{
    static const char *const cols[] = {"candidate", "rank", "employer", "score", "in_proposal"};
    const Model *m = p->m;
    csv_header(b, cols, (int)(sizeof cols / sizeof cols[0]));
    for (int c = 0; c < m->n_candidates && !b->oom; c++)
        for (int k = 0; k < p->cand_short_n[c]; k++) {
            const ShortEntry *se = &p->cand_short[p->cand_short_first[c] + k];
            Row r = {b, 0};
            cell_text(&r, m->candidates[c].id);
            cell_int(&r, k + 1);
            cell_text(&r, m->employers[se->emp].id);
            cell_num(&r, se->score);
            cell_int(&r, se->in_proposal ? 1 : 0);
            row_end(&r);
        }
}

/* ---- the files ----------------------------------------------------------------------- */

/* The report and the employer view: report.html, and employers/<id>.html
 * and .json for every employer with a proposed candidate. Appends to
 * files[*n] (room for 1 + 2 × n_employers) with the texts owned by *texts
 * (one Buf each, freed by the caller). MW_OK or MW_ENOMEM. */
static int html_files(const Proposal *p, const RunMeta *meta, unsigned formats, AtomicFile *files, int *n,
                      Buf *texts, int *ntexts)
{
    if (formats & RESULTS_HTML) {
        Buf *b = &texts[(*ntexts)++];
        if (report_write_html(p, meta, formats, b) != MW_OK)
            return MW_ENOMEM;
        files[(*n)++] = (AtomicFile){"report.html", b->p, b->n};
    }
    if (!(formats & RESULTS_EMPLOYER_VIEW))
        return MW_OK;
    const Model *m = p->m;
    for (int e = 0; e < m->n_employers; e++) {
        if (!p->employers[e].placements)
            continue;
        for (int k = 0; k < 2; k++) {
            Buf *name = &texts[(*ntexts)++], *body = &texts[(*ntexts)++];
            buf_puts(name, "employers/");
            employer_view_file_name(name, m->employers[e].id, k ? "json" : "html");
            if (k) {
                char *json = employer_view_json(p, e);
                buf_puts(body, json ? json : "");
                if (!json)
                    body->oom = 1;
                mw_free(json);
            } else {
                employer_view_html(p, e, body);
            }
            if (name->oom || body->oom)
                return MW_ENOMEM;
            files[(*n)++] = (AtomicFile){name->p, body->p, body->n};
        }
    }
    return MW_OK;
}

int results_write(const char *outdir, const Proposal *p, const RunMeta *meta, unsigned formats,
                  MwErrors *err)
{
    if (!(formats & (RESULTS_JSON | RESULTS_CSV | RESULTS_HTML | RESULTS_EMPLOYER_VIEW))) {
        if (err)
            mw_error_add(err, outdir, 0, "", "", "no output format selected (json, csv, html)");
        return MW_EINPUT;
    }
    static const RunMeta none;
    if (!meta)
        meta = &none;
    int n = 0, ntexts = 0, rc = MW_ENOMEM;
    size_t room = 5 + 2 * (size_t)p->m->n_employers;
    AtomicFile *files = mw_calloc(room, sizeof *files);
    Buf *texts = mw_calloc(1 + 4 * (size_t)p->m->n_employers, sizeof *texts);
    char *json = NULL, *run = NULL;
    Buf matches = {NULL, 0, 0, 0}, shortlist = {NULL, 0, 0, 0};
    if (!files || !texts)
        goto done;
    if (formats & RESULTS_JSON) {
        if (!(json = results_json(p, meta, formats, 0)) || !(run = results_json(p, meta, formats, 1)))
            goto done;
        files[n++] = (AtomicFile){"results.json", json, strlen(json)};
        files[n++] = (AtomicFile){"run.json", run, strlen(run)};
    }
    if (formats & RESULTS_CSV) {
        csv_matches(&matches, p);
        csv_shortlist(&shortlist, p);
        if (matches.oom || shortlist.oom)
            goto done;
        files[n++] = (AtomicFile){"matches.csv", matches.p, matches.n};
        files[n++] = (AtomicFile){"shortlist.csv", shortlist.p, shortlist.n};
    }
    if (html_files(p, meta, formats, files, &n, texts, &ntexts) != MW_OK)
        goto done;
    rc = atomic_write_files(outdir, files, n, err);
done:
    for (int k = 0; texts && k < ntexts; k++)
        mw_free(texts[k].p);
    mw_free(texts);
    mw_free(files);
    mw_free(json);
    mw_free(run);
    mw_free(matches.p);
    mw_free(shortlist.p);
    return rc;
}
