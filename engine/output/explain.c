/* explain.c — the explanation of a candidate's pairs as text and as JSON
 * (maatwerk.explain/1): package, weekly schedule, score per term, binding
 * limits with marginal values, signaleringen, data coverage, and for pairs
 * without a package the rejection reasons and the nearest miss.
 * Layer: output. Reads assessments; computes nothing of its own.
 */
#include "explain.h"

#include <math.h>
#include <string.h>

#include <cJSON.h>

/* ---- shared wording ------------------------------------------------------ */

static const char *const fit_words[FIT_COUNT] = {
    "fits", "a level limit", "a missing licence or certificate", "an exposure limit of 0",
    "a share limit of 0", "availability", "skills", "a category marked never"};

static const char *const pair_words[PAIR_REASONS] = {
    "passed the filters", "excluded after a failed trial", "in an excluded sector",
    "too far to travel", "no intake capacity", "no task the candidate could do"};

static const char *const term_words[] = {
    "hours towards the preferred hours", "employer value (freed work x wage)",
    "liked or disliked categories", "skill fit", "penalty per task", "extra groups",
    "supervision minutes", "hours above the slack threshold", "travel time", "known employer",
    "employer affinity", "durability (risk term)"};

static const char *unit_of(const Dimension *d)
{
    switch (d->kind) {
    case DIM_LEVEL: return "level";
    case DIM_EXPOSURE: return "hours per day";
    case DIM_SHARE: return "share of hours";
    default: return "";
    }
}

static void days_text(uint8_t days, char *buf, size_t n)
{
    buf[0] = '\0';
    for (int d = 0; d < MW_DAYS; d++)
        if (days >> d & 1)
            snprintf(buf + strlen(buf), n - strlen(buf), "%s%s", buf[0] ? " " : "", mw_day_names[d]);
}

/* The change a nearest-miss item asks for, in words. */
void explain_miss_text(const Model *m, const MissItem *it, char *buf, size_t n)
{
    const char *task = it->task >= 0 ? m->tasks[it->task].id : NULL;
    char tail[160] = "";
    if (task)
        snprintf(tail, sizeof tail, " (for task %s, %s)", task, m->tasks[it->task].name);
    switch (it->kind) {
    case MISS_LEVEL:
    case MISS_EXPOSURE:
    case MISS_SHARE:
        snprintf(buf, n, "lim.%s (%s) from %g to %g (%+g)%s", m->dims[it->dim].name,
                 unit_of(&m->dims[it->dim]), it->from, it->to, it->to - it->from, tail);
        break;
    case MISS_FLAG:
        snprintf(buf, n, "lim.%s: the candidate would need it (a licence or certificate)%s",
                 m->dims[it->dim].name, tail);
        break;
    case MISS_HOURS_MIN:
        snprintf(buf, n, "min_hours_week from %g to %g", it->from, it->to);
        break;
    case MISS_HOURS_MAX:
        snprintf(buf, n, "max_hours_week from %g to %g", it->from, it->to);
        break;
    case MISS_HOURS_DAY:
        snprintf(buf, n, "max_hours_day from %g to %g", it->from, it->to);
        break;
    case MISS_DAYS:
        snprintf(buf, n, "max_days_week from %g to %g", it->from, it->to);
        break;
    case MISS_TASKS_MIN:
        snprintf(buf, n, "min_tasks from %g to %g", it->from, it->to);
        break;
    case MISS_TASKS_MAX:
        snprintf(buf, n, "max_tasks from %g to %g", it->from, it->to);
        break;
    case MISS_GROUPS:
        snprintf(buf, n, "max_groups from %g to %g", it->from, it->to);
        break;
    case MISS_AVAILABILITY:
        snprintf(buf, n, "availability: %g more hours a week outside the available slots%s",
                 it->to - it->from, tail);
        break;
    case MISS_SKILL:
        snprintf(buf, n, "a skill the task needs and that cannot be trained on the job%s", tail);
        break;
    case MISS_SUPERVISION:
        snprintf(buf, n, "the employer's supervision capacity from %g to %g minutes a week (%+g)",
                 it->from, it->to, it->to - it->from);
        break;
    }
}

void explain_binding_text(const Model *m, const Binding *b, char *buf, size_t n)
{
    char what[200];
    const char *unit = "";
    switch (b->kind) {
    case BIND_HOURS:
        snprintf(what, sizeof what, "%s hours per week: %g of %g", b->at_min ? "minimum" : "maximum", b->used,
                 b->limit);
        unit = b->at_min ? "one hour less minimum" : "one more hour a week";
        break;
    case BIND_HOURS_DAY:
        snprintf(what, sizeof what, "maximum hours per day: %g of %g", b->used, b->limit);
        unit = "one more hour on each working day";
        break;
    case BIND_DAYS:
        snprintf(what, sizeof what, "maximum working days: %g of %g", b->used, b->limit);
        break;
    case BIND_EXPOSURE:
        snprintf(what, sizeof what, "lim.%s: %.2f of %g hours on the busiest day", m->dims[b->index].name,
                 b->used, b->limit);
        unit = "one more hour a day";
        break;
    case BIND_SHARE:
        snprintf(what, sizeof what, "lim.%s: a share of %.2f of %g", m->dims[b->index].name, b->used, b->limit);
        unit = "0.1 more share";
        break;
    case BIND_TASKS:
        snprintf(what, sizeof what, "%s tasks: %g of %g", b->at_min ? "minimum" : "maximum", b->used, b->limit);
        break;
    case BIND_GROUPS:
        snprintf(what, sizeof what, "maximum groups: %g of %g", b->used, b->limit);
        break;
    case BIND_SUPERVISION:
        snprintf(what, sizeof what, "the employer's supervision capacity: %g of %g minutes a week", b->used,
                 b->limit);
        unit = "one more minute a week";
        break;
    case BIND_DONOR:
        snprintf(what, sizeof what, "job %s (%s) must keep its residual hours: %g hours of work carved",
                 m->jobs[b->index].id, m->jobs[b->index].title, b->used);
        unit = "one more hour of work";
        break;
    case BIND_WORK:
        snprintf(what, sizeof what, "all %g hours of work of task %s are taken", b->limit, m->tasks[b->index].id);
        unit = "one more hour of this work";
        break;
    case BIND_KINDS:
        what[0] = '\0';
        break;
    }
    if (b->discrete)
        snprintf(buf, n, "%s (a whole-number limit)", what);
    else
        snprintf(buf, n, "%s; %s would add %.2f points", what, unit, b->marginal);
}

void explain_signal_text(const Model *m, const Signal *s, char *buf, size_t n)
{
    const char *dim = m->dims[s->dim].name;
    switch (s->kind) {
    case SIG_LEVEL_AT_LIMIT:
        snprintf(buf, n, "%s (%s): %s demand %g is exactly at the limit", m->tasks[s->task].id,
                 m->tasks[s->task].name, dim, s->used);
        break;
    case SIG_EXPOSURE_NEAR:
        snprintf(buf, n, "%s: %.2f of %g hours on the busiest day (within 10%%)", dim, s->used, s->limit);
        break;
    case SIG_SHARE_NEAR:
        snprintf(buf, n, "%s: a share of %.2f of the package hours, limit %g (within 10%%)", dim, s->used,
                 s->limit);
        break;
    }
}

const char *const explain_term_keys[EXPLAIN_TERMS] = {"hours", "value", "pref", "skill", "task", "group",
                                                     "sup", "over", "travel", "known", "affinity", "risk"};

void explain_term_values(const PairAssessment *a, double v[EXPLAIN_TERMS])
{
    const ScoreTerms *t = &a->pk.terms;
    double vals[EXPLAIN_TERMS] = {t->hours, t->value, t->pref, t->skill, t->task, t->group,
                                  t->sup, t->over, a->t_travel, a->t_known, a->t_affinity, a->t_risk};
    memcpy(v, vals, sizeof vals);
}

/* ---- text ------------------------------------------------------------------ */

static void text_pair(FILE *f, const Model *m, const PairAssessment *a, int rank)
{
    const Candidate *c = &m->candidates[a->cand];
    const Employer *e = &m->employers[a->emp];
    char buf[600];
    if (rank > 0)
        fprintf(f, "\n%d. ", rank);
    else
        fprintf(f, "\n");
    fprintf(f, "employer %s (%s, %s)\n", e->id, e->name, model_name(m, e->sector));
    fprintf(f, "  travel %.0f min by %s (at most %g)\n", a->travel_min, mw_travel_names[c->travel_mode],
            c->max_travel_min);
    if (!a->has_package) {
        if (a->reason != PAIR_OK) {
            fprintf(f, "  no package: %s\n", pair_words[a->reason]);
        } else {
            fprintf(f, "  no package: %s\n", a->pk.status == CARVE_INFEASIBLE ? "no package satisfies every limit"
                                             : a->pk.status == CARVE_NO_TASKS  ? "no carvable task fits"
                                                                               : carve_status_names[a->pk.status]);
        }
        if (a->reason == PAIR_OK || a->reason == PAIR_NO_TASK) {
            fprintf(f, "  tasks of this employer: %d; the candidate could do %d", e->tasks.n, a->feasible_tasks);
            int first = 1;
            for (int r = 1; r < FIT_COUNT; r++)
                if (a->task_reasons[r]) {
                    fprintf(f, "%s%d ruled out by %s", first ? "; " : ", ", a->task_reasons[r], fit_words[r]);
                    first = 0;
                }
            fprintf(f, "\n");
        }
        if (a->has_miss && a->miss.status == 0) {
            fprintf(f, "  nearest miss (the smallest change that would allow a package%s):\n",
                    a->miss.time_limit ? "; the time limit stopped the search, so a smaller one may exist" : "");
            for (int i = 0; i < a->miss.n; i++) {
                explain_miss_text(m, &a->miss.items[i], buf, sizeof buf);
                fprintf(f, "    %s\n", buf);
            }
        } else if (a->has_miss) {
            fprintf(f, "  nearest miss: none; even with every limit relaxed no package fits here\n");
        }
        return;
    }
    const Package *pk = &a->pk;
    char days[40];
    days_text(pk->days, days, sizeof days);
    fprintf(f, "  package (%s): %.1f hours a week over %d days (%s), %d task%s, supervision %.0f min a week%s\n",
            carve_status_names[pk->status], pk->hours, __builtin_popcount(pk->days), days, pk->n,
            pk->n == 1 ? "" : "s", pk->sup_minutes, pk->vacancy_job >= 0 ? ", as the vacancy" : "");
    if (pk->vacancy_job >= 0)
        fprintf(f, "  takes vacancy %s (%s)\n", m->jobs[pk->vacancy_job].id, m->jobs[pk->vacancy_job].title);
    fprintf(f, "    %-12s %-44s %6s %6s  %s\n", "task", "name", "hours", "work", "from job");
    for (int k = 0; k < pk->n; k++) {
        const Task *t = &m->tasks[pk->tasks[k].task];
        fprintf(f, "    %-12s %-44.44s %6.2f %6.2f  %s\n", t->id, t->name, pk->tasks[k].hours, pk->tasks[k].work,
                m->jobs[t->job].id);
    }
    fprintf(f, "  weekly schedule (hours):\n");
    for (int d = 0; d < MW_DAYS; d++) {
        int any = 0;
        for (int s = 0; s < pk->nslots; s++)
            if (pk->slots[s].day == d) {
                fprintf(f, any ? ", " : "    %-3s ", mw_day_names[d]);
                fprintf(f, "%s %s %.1f", mw_part_names[pk->slots[s].part], m->tasks[pk->slots[s].task].id,
                        pk->slots[s].hours);
                any = 1;
            }
        if (any)
            fprintf(f, "\n");
    }
    double v[EXPLAIN_TERMS];
    explain_term_values(a, v);
    fprintf(f, "  score %.2f points:\n", a->score);
    for (int i = 0; i < EXPLAIN_TERMS; i++)
        if (fabs(v[i]) >= 0.005)
            fprintf(f, "    %-40s %+8.2f\n", term_words[i], v[i]);
    if (a->nbind) {
        fprintf(f, "  binding limits:\n");
        for (int i = 0; i < a->nbind; i++) {
            explain_binding_text(m, &a->bind[i], buf, sizeof buf);
            fprintf(f, "    %s\n", buf);
        }
    }
    fprintf(f, "  signaleringen (watch in the trial placement):%s\n", a->nsig ? "" : " none");
    /* level signals grouped per dimension: one line names every task */
    for (int i = 0; i < a->nsig; i++) {
        const Signal *s = &a->sig[i];
        if (s->kind != SIG_LEVEL_AT_LIMIT) {
            explain_signal_text(m, s, buf, sizeof buf);
            fprintf(f, "    %s\n", buf);
            continue;
        }
        int first = 1;
        for (int k = 0; k < i; k++)
            first &= !(a->sig[k].kind == SIG_LEVEL_AT_LIMIT && a->sig[k].dim == s->dim);
        if (!first)
            continue;
        fprintf(f, "    %s: demand %g is exactly at the limit in", m->dims[s->dim].name, s->used);
        for (int k = i; k < a->nsig; k++)
            if (a->sig[k].kind == SIG_LEVEL_AT_LIMIT && a->sig[k].dim == s->dim)
                fprintf(f, " %s", m->tasks[a->sig[k].task].id);
        fprintf(f, "\n");
    }
    fprintf(f, "  data coverage: %.0f%% (%d of %d loaded dimensions known)%s\n", 100 * a->coverage,
            a->loaded_dims - a->unknown_dims, a->loaded_dims,
            a->coverage < MW_LOW_COVERAGE ? "; LOW: unknown limits are treated as no limit, check them" : "");
    const MatchCost *k = &a->cost;
    fprintf(f, "  costs per year: wage cost %.0f euro (wage %.2f an hour), LKS %.0f, begeleiding %.0f;"
               " the employer pays %.0f net; %.2f job units\n",
            k->wage_cost_year, k->wage_hour, k->lks_year, k->begeleiding_year, k->net_cost_year, k->job_units);
    if (k->income_above_benefit >= 0)
        fprintf(f, "  income %.0f euro a month: %s the benefit level\n", k->income_month,
                k->income_above_benefit ? "above" : "NOT above");
    fprintf(f, "  durability: %.0f%% chance of a durable placement; job loss at trial %.0f%%, first six months"
               " %.0f%%, conversion %.0f%%, later %.0f%%\n",
            100 * a->risk.p_durable, 100 * a->risk.p_loss[RISK_TRIAL], 100 * a->risk.p_loss[RISK_FIRST_SIX_MONTHS],
            100 * a->risk.p_loss[RISK_CONVERSION], 100 * a->risk.p_loss[RISK_LATER]);
    int any = 0;
    for (int r = 0; r < RISK_FLAGS; r++)
        if (a->flags.x[r] != 0)
            fprintf(f, "%s%s", any++ ? ", " : "    risk flags: ", risk_flag_names[r]);
    if (any)
        fprintf(f, "\n");
}

int explain_write_text(FILE *f, const Model *m, const Weights *w, const Explanation *x)
{
    (void)w;
    const Candidate *c = &m->candidates[x->cand];
    fprintf(f, "candidate %s: %g-%g hours a week (prefers %g), loonwaarde %g, begeleiding %g min a day\n", c->id,
            c->min_hours_week, c->max_hours_week, c->pref_hours_week, c->loonwaarde, c->support_min_day);
    if (x->candidate_mode) {
        int reached = x->reasons[PAIR_OK];
        fprintf(f, "employers: %d in the region; %d passed the filters", m->n_employers, reached);
        for (int r = 1; r < PAIR_REASONS; r++)
            if (x->reasons[r])
                fprintf(f, ", %d %s", x->reasons[r], pair_words[r]);
        fprintf(f, "\n");
        if (x->n)
            fprintf(f, "best %d pair%s by score:\n", x->n, x->n == 1 ? "" : "s");
        else
            fprintf(f, "no employer has a package for this candidate (%d passed the filters but no package "
                       "satisfies every limit)\n", x->no_package);
    }
    for (int i = 0; i < x->n; i++)
        text_pair(f, m, &x->pairs[i], x->candidate_mode ? i + 1 : 0);
    if (x->candidate_mode && x->n == 0) {
        if (x->miss && x->miss_emp >= 0) {
            char buf[600];
            const Employer *e = &m->employers[x->miss_emp];
            fprintf(f, "\nnearest miss, at employer %s (%s):\n", e->id, e->name);
            for (int i = 0; i < x->miss->n; i++) {
                explain_miss_text(m, &x->miss->items[i], buf, sizeof buf);
                fprintf(f, "  %s\n", buf);
            }
        } else {
            fprintf(f, "\nno nearest miss: no employer within reach has work that any change of limits "
                       "would open\n");
        }
    }
    return ferror(f) ? MW_EIO : MW_OK;
}

/* ---- JSON ------------------------------------------------------------------- */

double explain_num(double v)
{
    double r = round(v * 1e6) / 1e6;
    return r == 0 ? 0 : r;
}

static double num(double v) { return explain_num(v); }

/* The builders below keep `ok` false once any cJSON allocation failed and
 * then return NULL (deleting what they built), so a caller can tell an
 * incomplete tree from a complete one. */
static int put_str(cJSON *o, const char *k, const char *v)
{
    return (v ? cJSON_AddStringToObject(o, k, v) : cJSON_AddNullToObject(o, k)) != NULL;
}

static cJSON *finish(cJSON *o, int ok)
{
    if (ok && o)
        return o;
    cJSON_Delete(o);
    return NULL;
}

cJSON *explain_json_miss(const Model *m, const NearestMiss *nm)
{
    cJSON *o = cJSON_CreateObject();
    int ok = o != NULL;
    ok &= cJSON_AddNumberToObject(o, "violation", num(nm->violation)) != NULL;
    ok &= cJSON_AddBoolToObject(o, "proven_nearest", !nm->time_limit) != NULL;
    cJSON *items = cJSON_AddArrayToObject(o, "changes");
    ok &= items != NULL;
    for (int i = 0; i < nm->n && ok; i++) {
        const MissItem *it = &nm->items[i];
        cJSON *j = cJSON_CreateObject();
        ok &= cJSON_AddItemToArray(items, j);
        ok &= put_str(j, "limit", miss_kind_names[it->kind]);
        ok &= put_str(j, "dimension", it->dim >= 0 ? m->dims[it->dim].name : NULL);
        ok &= put_str(j, "task", it->task >= 0 ? m->tasks[it->task].id : NULL);
        ok &= cJSON_AddNumberToObject(j, "from", num(it->from)) != NULL;
        ok &= cJSON_AddNumberToObject(j, "to", num(it->to)) != NULL;
        char buf[600];
        explain_miss_text(m, it, buf, sizeof buf);
        ok &= put_str(j, "text", buf);
    }
    return finish(o, ok);
}

cJSON *explain_json_package(const Model *m, const Package *pk, int with_work)
{
    cJSON *p = cJSON_CreateObject();
    int ok = p != NULL;
    ok &= cJSON_AddNumberToObject(p, "hours", num(pk->hours)) != NULL;
    if (with_work) {
        double work = 0;
        for (int k = 0; k < pk->n; k++)
            work += pk->tasks[k].work;
        ok &= cJSON_AddNumberToObject(p, "work", num(work)) != NULL;
    }
    cJSON *days = cJSON_AddArrayToObject(p, "days");
    ok &= days != NULL;
    for (int d = 0; d < MW_DAYS && ok; d++)
        if (pk->days >> d & 1)
            ok &= cJSON_AddItemToArray(days, cJSON_CreateString(mw_day_names[d]));
    ok &= cJSON_AddNumberToObject(p, "supervision_min_week", num(pk->sup_minutes)) != NULL;
    ok &= put_str(p, "vacancy_job", pk->vacancy_job >= 0 ? m->jobs[pk->vacancy_job].id : NULL);
    cJSON *tasks = cJSON_AddArrayToObject(p, "tasks");
    ok &= tasks != NULL;
    for (int k = 0; k < pk->n && ok; k++) {
        const Task *t = &m->tasks[pk->tasks[k].task];
        cJSON *j = cJSON_CreateObject();
        ok &= cJSON_AddItemToArray(tasks, j);
        ok &= put_str(j, "id", t->id);
        ok &= put_str(j, "name", t->name);
        ok &= put_str(j, "job", m->jobs[t->job].id);
        ok &= cJSON_AddNumberToObject(j, "hours", num(pk->tasks[k].hours)) != NULL;
        ok &= cJSON_AddNumberToObject(j, "work", num(pk->tasks[k].work)) != NULL;
    }
    cJSON *sched = cJSON_AddArrayToObject(p, "schedule");
    ok &= sched != NULL;
    for (int s = 0; s < pk->nslots && ok; s++) {
        cJSON *j = cJSON_CreateObject();
        ok &= cJSON_AddItemToArray(sched, j);
        ok &= put_str(j, "day", mw_day_names[pk->slots[s].day]);
        ok &= put_str(j, "part", mw_part_names[pk->slots[s].part]);
        ok &= put_str(j, "task", m->tasks[pk->slots[s].task].id);
        ok &= cJSON_AddNumberToObject(j, "hours", num(pk->slots[s].hours)) != NULL;
    }
    return finish(p, ok);
}

cJSON *explain_json_score(const PairAssessment *a)
{
    cJSON *score = cJSON_CreateObject();
    int ok = score != NULL;
    ok &= cJSON_AddNumberToObject(score, "total", num(a->score)) != NULL;
    ok &= cJSON_AddNumberToObject(score, "objective", num(a->pk.objective)) != NULL;
    double v[EXPLAIN_TERMS];
    explain_term_values(a, v);
    cJSON *terms = cJSON_AddObjectToObject(score, "terms");
    ok &= terms != NULL;
    for (int i = 0; i < EXPLAIN_TERMS && ok; i++)
        ok &= cJSON_AddNumberToObject(terms, explain_term_keys[i], num(v[i])) != NULL;
    return finish(score, ok);
}

cJSON *explain_json_bindings(const Model *m, const PairAssessment *a)
{
    cJSON *bind = cJSON_CreateArray();
    int ok = bind != NULL;
    for (int i = 0; i < a->nbind && ok; i++) {
        const Binding *b = &a->bind[i];
        cJSON *j = cJSON_CreateObject();
        ok &= cJSON_AddItemToArray(bind, j);
        ok &= put_str(j, "limit", carve_bind_names[b->kind]);
        const char *ref = b->index < 0 ? NULL
                        : b->kind == BIND_EXPOSURE || b->kind == BIND_SHARE ? m->dims[b->index].name
                        : b->kind == BIND_DONOR ? m->jobs[b->index].id
                        : b->kind == BIND_WORK ? m->tasks[b->index].id : NULL;
        ok &= put_str(j, "of", ref);
        ok &= cJSON_AddBoolToObject(j, "minimum", b->at_min) != NULL;
        ok &= cJSON_AddNumberToObject(j, "value", num(b->limit)) != NULL;
        ok &= cJSON_AddNumberToObject(j, "used", num(b->used)) != NULL;
        if (b->discrete)
            ok &= cJSON_AddNullToObject(j, "marginal") != NULL;
        else
            ok &= cJSON_AddNumberToObject(j, "marginal", num(b->marginal)) != NULL;
        char buf[600];
        explain_binding_text(m, b, buf, sizeof buf);
        ok &= put_str(j, "text", buf);
    }
    return finish(bind, ok);
}

cJSON *explain_json_signals(const Model *m, const PairAssessment *a)
{
    static const char *const sig_keys[] = {"level_at_limit", "exposure_near", "share_near"};
    cJSON *sig = cJSON_CreateArray();
    int ok = sig != NULL;
    for (int i = 0; i < a->nsig && ok; i++) {
        const Signal *s = &a->sig[i];
        cJSON *j = cJSON_CreateObject();
        ok &= cJSON_AddItemToArray(sig, j);
        ok &= put_str(j, "kind", sig_keys[s->kind]);
        ok &= put_str(j, "dimension", m->dims[s->dim].name);
        ok &= put_str(j, "task", s->task >= 0 ? m->tasks[s->task].id : NULL);
        ok &= cJSON_AddNumberToObject(j, "used", num(s->used)) != NULL;
        ok &= cJSON_AddNumberToObject(j, "limit", num(s->limit)) != NULL;
        char buf[600];
        explain_signal_text(m, s, buf, sizeof buf);
        ok &= put_str(j, "text", buf);
    }
    return finish(sig, ok);
}

cJSON *explain_json_coverage(const PairAssessment *a)
{
    cJSON *cov = cJSON_CreateObject();
    int ok = cov != NULL;
    ok &= cJSON_AddNumberToObject(cov, "loaded_dimensions", a->loaded_dims) != NULL;
    ok &= cJSON_AddNumberToObject(cov, "unknown", a->unknown_dims) != NULL;
    ok &= cJSON_AddNumberToObject(cov, "share", num(a->coverage)) != NULL;
    ok &= cJSON_AddBoolToObject(cov, "low", a->coverage < MW_LOW_COVERAGE) != NULL;
    return finish(cov, ok);
}

cJSON *explain_json_costs(const PairAssessment *a)
{
    const MatchCost *k = &a->cost;
    cJSON *o = cJSON_CreateObject();
    int ok = o != NULL;
    const struct { const char *key; double v; } f[] = {
        {"wage_hour", k->wage_hour}, {"hours_week", k->hours_week},
        {"wage_cost_week", k->wage_cost_week}, {"wage_cost_year", k->wage_cost_year},
        {"lks_week", k->lks_week}, {"lks_year", k->lks_year}, {"lks_start_week", k->lks_start_week},
        {"begeleiding_week", k->begeleiding_week}, {"begeleiding_year", k->begeleiding_year},
        {"subsidy_week", k->subsidy_week}, {"subsidy_year", k->subsidy_year},
        {"net_cost_week", k->net_cost_week}, {"net_cost_year", k->net_cost_year},
        {"job_units", k->job_units}, {"levy_avoided_year", a->levy_avoided}, {"income_month", k->income_month}};
    for (size_t i = 0; i < sizeof f / sizeof *f && ok; i++)
        ok &= cJSON_AddNumberToObject(o, f[i].key, num(f[i].v)) != NULL;
    if (ok)
        ok &= (k->income_above_benefit < 0 ? cJSON_AddNullToObject(o, "income_above_benefit")
                                           : cJSON_AddBoolToObject(o, "income_above_benefit", k->income_above_benefit))
              != NULL;
    return finish(o, ok);
}

cJSON *explain_json_risk(const PairAssessment *a, int with_flags)
{
    cJSON *o = cJSON_CreateObject();
    int ok = o != NULL;
    ok &= cJSON_AddNumberToObject(o, "p_durable", num(a->risk.p_durable)) != NULL;
    ok &= cJSON_AddNumberToObject(o, "p_six_months", num(a->risk.p_six_months)) != NULL;
    cJSON *pl = ok ? cJSON_AddObjectToObject(o, "p_loss") : NULL;
    ok &= pl != NULL;
    for (int k = 0; k < RISK_MOMENTS && ok; k++)
        ok &= cJSON_AddNumberToObject(pl, risk_moment_names[k], num(a->risk.p_loss[k])) != NULL;
    if (ok && !with_flags) {
        ok &= cJSON_AddNullToObject(o, "flags") != NULL;
    } else if (ok) {
        cJSON *fl = cJSON_AddArrayToObject(o, "flags");
        ok &= fl != NULL;
        for (int k = 0; k < RISK_FLAGS && ok; k++)
            if (a->flags.x[k] != 0) {
                cJSON *s = cJSON_CreateString(risk_flag_names[k]);
                ok &= s != NULL && cJSON_AddItemToArray(fl, s);
                if (!ok)
                    cJSON_Delete(s);
            }
    }
    return finish(o, ok);
}

static cJSON *json_pair(const Model *m, const PairAssessment *a)
{
    static const char *const fit_keys[FIT_COUNT] = {"fits", "level", "flag", "exposure", "share",
                                                    "availability", "skills", "dislike"};
    const Employer *e = &m->employers[a->emp];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "employer", e->id);
    cJSON_AddStringToObject(o, "employer_name", e->name);
    cJSON_AddStringToObject(o, "filter", pair_reason_names[a->reason]);
    cJSON_AddNumberToObject(o, "travel_min", num(a->travel_min));
    cJSON_AddStringToObject(o, "status", a->reason == PAIR_OK ? carve_status_names[a->pk.status] : "filtered");
    cJSON *tr = cJSON_AddObjectToObject(o, "task_reasons");
    for (int r = 0; r < FIT_COUNT; r++)
        cJSON_AddNumberToObject(tr, fit_keys[r], a->task_reasons[r]);
    if (!a->has_package) {
        cJSON_AddNullToObject(o, "package");
        if (a->has_miss && a->miss.status == 0)
            cJSON_AddItemToObject(o, "nearest_miss", explain_json_miss(m, &a->miss));
        else
            cJSON_AddNullToObject(o, "nearest_miss");
        return o;
    }
    cJSON_AddItemToObject(o, "package", explain_json_package(m, &a->pk, 0));
    cJSON_AddItemToObject(o, "score", explain_json_score(a));
    cJSON_AddItemToObject(o, "binding_limits", explain_json_bindings(m, a));
    cJSON_AddItemToObject(o, "signaleringen", explain_json_signals(m, a));
    cJSON_AddItemToObject(o, "coverage", explain_json_coverage(a));
    cJSON_AddItemToObject(o, "costs", explain_json_costs(a));
    cJSON_AddItemToObject(o, "risk", explain_json_risk(a, 1));
    return o;
}

int explain_write_json(FILE *f, const Model *m, const Weights *w, const Explanation *x)
{
    (void)w;
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return MW_ENOMEM;
    cJSON_AddStringToObject(root, "schema", "maatwerk.explain/1");
    cJSON_AddStringToObject(root, "candidate", m->candidates[x->cand].id);
    if (x->candidate_mode) {
        cJSON *r = cJSON_AddObjectToObject(root, "employers");
        for (int i = 0; i < PAIR_REASONS; i++)
            cJSON_AddNumberToObject(r, pair_reason_names[i], x->reasons[i]);
        cJSON_AddNumberToObject(r, "no_package", x->no_package);
    }
    cJSON *pairs = cJSON_AddArrayToObject(root, "pairs");
    for (int i = 0; i < x->n; i++)
        cJSON_AddItemToArray(pairs, json_pair(m, &x->pairs[i]));
    if (x->candidate_mode) {
        if (x->n == 0 && x->miss && x->miss_emp >= 0) {
            cJSON *nm = explain_json_miss(m, x->miss);
            cJSON_AddStringToObject(nm, "employer", m->employers[x->miss_emp].id);
            cJSON_AddItemToObject(root, "nearest_miss", nm);
        } else {
            cJSON_AddNullToObject(root, "nearest_miss");
        }
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return MW_ENOMEM;
    fputs(text, f);
    fputc('\n', f);
    cJSON_free(text);
    return ferror(f) ? MW_EIO : MW_OK;
}
