/* proposal.c — assessing a regional proposal (see proposal.h): matches
 * with their assessment, shortlists per candidate and per employer, the
 * unmatched with reasons and nearest miss, employer usage and the summary.
 * Layer: assess. Reads the Region; solves only the per-pair LPs and elastic
 * models the explanations need. Knows nothing about output formats.
 */
#include "proposal.h"

#include <stdlib.h>
#include <string.h>

/* How many reachable employers the nearest miss of an unmatched candidate
 * looks at (the closest ones), besides the employers the candidate knows:
 * enough to find a realistic miss, few enough for a region of thousands. */
enum { MISS_NEAREST_EMPLOYERS = 5 };

void proposal_free(Proposal *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n_matches; i++)
        assess_pair_free(&p->matches[i].a);
    for (int i = 0; i < p->n_unmatched; i++)
        if (p->unmatched[i].has_miss)
            nearest_miss_free(&p->unmatched[i].miss);
    mw_free(p->matches);
    mw_free(p->unmatched);
    mw_free(p->cand_short_first);
    mw_free(p->cand_short_n);
    mw_free(p->cand_short);
    mw_free(p->emp_short_first);
    mw_free(p->emp_short_n);
    mw_free(p->emp_short);
    mw_free(p->jobs);
    mw_free(p->employers);
    fairness_free(&p->fairness);
    memset(p, 0, sizeof *p);
}

/* Orders shortlist entries: best score first, ties by the other side's id. */
static int entry_before(const Model *m, const ShortEntry *a, const ShortEntry *b, int by_employer)
{
    if (a->score != b->score)
        return a->score > b->score;
    if (by_employer)
        return strcmp(m->employers[a->emp].id, m->employers[b->emp].id) < 0;
    return strcmp(m->candidates[a->cand].id, m->candidates[b->cand].id) < 0;
}

static void sort_entries(const Model *m, ShortEntry *e, int n, int by_employer)
{
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && entry_before(m, &e[j], &e[j - 1], by_employer); j--) {
            ShortEntry t = e[j];
            e[j] = e[j - 1];
            e[j - 1] = t;
        }
}

/* Fills one side's shortlists: for each owner (candidate or employer), its
 * pairs sorted and cut to top. */
static int build_shortlists(Proposal *p, int by_candidate)
{
    const Model *m = p->m;
    const Region *r = p->r;
    int owners = by_candidate ? m->n_candidates : m->n_employers;
    int *first = mw_calloc((size_t)owners + 1, sizeof(int));
    int *count = mw_calloc((size_t)owners + 1, sizeof(int));
    ShortEntry *all = mw_calloc((size_t)r->n_pairs + 1, sizeof *all);
    ShortEntry *out = mw_calloc((size_t)r->n_pairs + 1, sizeof *out);
    int *fill = mw_calloc((size_t)owners + 1, sizeof(int));
    if (!first || !count || !all || !out || !fill) {
        mw_free(first);
        mw_free(count);
        mw_free(all);
        mw_free(out);
        mw_free(fill);
        return MW_ENOMEM;
    }
    for (int i = 0; i < r->n_pairs; i++)
        count[by_candidate ? r->pairs[i].cand : r->pairs[i].emp]++;
    for (int o = 1; o < owners; o++)
        first[o] = first[o - 1] + count[o - 1];
    for (int i = 0; i < r->n_pairs; i++) {
        const RegionPair *rp = &r->pairs[i];
        int o = by_candidate ? rp->cand : rp->emp;
        int chosen = r->chosen[rp->cand];
        ShortEntry *e = &all[first[o] + fill[o]++];
        e->cand = rp->cand;
        e->emp = rp->emp;
        e->col = rp->standalone;
        e->score = r->cols[rp->standalone].score;
        e->in_proposal = chosen >= 0 && r->cols[chosen].pair == i;
    }
    int k = 0;
    for (int o = 0; o < owners; o++) {
        sort_entries(m, all + first[o], count[o], by_candidate);
        int n = count[o] < p->top ? count[o] : p->top;
        memcpy(out + k, all + first[o], sizeof *out * (size_t)n);
        first[o] = k;
        count[o] = n;
        k += n;
    }
    mw_free(all);
    mw_free(fill);
    if (by_candidate) {
        p->cand_short_first = first;
        p->cand_short_n = count;
        p->cand_short = out;
    } else {
        p->emp_short_first = first;
        p->emp_short_n = count;
        p->emp_short = out;
    }
    return MW_OK;
}

/* The nearest miss of an unmatched candidate with no package anywhere: over
 * the employers the candidate knows and the closest reachable ones. */
static int unmatched_miss(const Model *m, const Weights *w, Unmatched *u)
{
    const Candidate *c = &m->candidates[u->cand];
    int pick[MISS_NEAREST_EMPLOYERS];
    double dist[MISS_NEAREST_EMPLOYERS];
    int np = 0;
    for (int e = 0; e < m->n_employers; e++) {
        PairReason r = pair_filter(m, u->cand, e, NULL, NULL);
        if (r != PAIR_OK && r != PAIR_NO_TASK)
            continue;
        double t = travel_minutes(c, &m->employers[e]);
        /* keep the closest few; ties by index keep it deterministic */
        int at = np;
        while (at > 0 && dist[at - 1] > t)
            at--;
        if (at >= MISS_NEAREST_EMPLOYERS)
            continue;
        if (np < MISS_NEAREST_EMPLOYERS)
            np++;
        for (int k = np - 1; k > at; k--) {
            pick[k] = pick[k - 1];
            dist[k] = dist[k - 1];
        }
        pick[at] = e;
        dist[at] = t;
    }
    u->miss_emp = -1;
    for (int k = 0; k < np + c->known_employers.n; k++) {
        int e = k < np ? pick[k] : c->known_employers.items[k - np];
        if (k >= np && intlist_has(&(IntList){np, pick}, e))
            continue;
        NearestMiss nm;
        if (elastic_nearest_miss(m, u->cand, e, w, &nm))
            return MW_ENOMEM;
        int better = nm.status == 0 && (u->miss_emp < 0 || nm.violation < u->miss.violation - 1e-9 ||
                                        (nm.violation <= u->miss.violation + 1e-9 &&
                                         strcmp(m->employers[e].id, m->employers[u->miss_emp].id) < 0));
        if (better) {
            if (u->has_miss)
                nearest_miss_free(&u->miss);
            u->miss = nm;
            u->has_miss = 1;
            u->miss_emp = e;
        } else {
            nearest_miss_free(&nm);
        }
    }
    return MW_OK;
}

/* The fairness table of the matches. MW_OK or MW_ENOMEM. */
static int proposal_fairness(Proposal *p)
{
    int nc = p->m->n_candidates;
    char *placed = mw_calloc((size_t)nc + 1, 1);
    double *pd = mw_calloc((size_t)nc + 1, sizeof(double));
    int st = MW_ENOMEM;
    if (placed && pd) {
        for (int i = 0; i < p->n_matches; i++) {
            placed[p->matches[i].cand] = 1;
            pd[p->matches[i].cand] = p->matches[i].a.risk.p_durable;
        }
        st = fairness_build(p->m, placed, pd, &p->fairness);
    }
    mw_free(placed);
    mw_free(pd);
    return st;
}

int proposal_build(const Model *m, const Weights *w, const Region *r, int top, int want_miss, Proposal *p)
{
    memset(p, 0, sizeof *p);
    p->m = m;
    p->w = w;
    p->r = r;
    p->top = top > 0 ? top : 5;
    p->matches = mw_calloc((size_t)m->n_candidates + 1, sizeof *p->matches);
    p->unmatched = mw_calloc((size_t)m->n_candidates + 1, sizeof *p->unmatched);
    p->jobs = mw_calloc((size_t)m->n_jobs + 1, sizeof *p->jobs);
    p->employers = mw_calloc((size_t)m->n_employers + 1, sizeof *p->employers);
    char *has_pair = mw_calloc((size_t)m->n_candidates + 1, 1);
    if (!p->matches || !p->unmatched || !p->jobs || !p->employers || !has_pair)
        goto oom;
    for (int i = 0; i < r->n_pairs; i++)
        has_pair[r->pairs[i].cand] = 1;

    Summary *s = &p->summary;
    s->candidates = m->n_candidates;
    for (int c = 0; c < m->n_candidates; c++) {
        int col = r->chosen[c];
        if (col < 0) {
            Unmatched *u = &p->unmatched[p->n_unmatched++];
            u->cand = c;
            u->miss_emp = -1;
            memcpy(u->reasons, r->reasons[c], sizeof u->reasons);
            u->no_package = r->no_package[c];
            u->displaced = has_pair[c];
            if (want_miss && !has_pair[c] && unmatched_miss(m, w, u))
                goto oom;
            continue;
        }
        const Column *cl = &r->cols[col];
        const RegionPair *rp = &r->pairs[cl->pair];
        Match *mt = &p->matches[p->n_matches];
        mt->cand = c;
        mt->col = col;
        if (assess_column(m, c, rp->emp, w, &cl->pk, &r->cols[rp->standalone].pk, &mt->a))
            goto oom;
        p->n_matches++;
        s->expected_durable += mt->a.risk.p_durable;
        s->wage_cost += mt->a.cost.wage_cost_year;
        s->lks += mt->a.cost.lks_year;
        s->begeleiding += mt->a.cost.begeleiding_year;
        s->subsidy_cost += mt->a.cost.subsidy_year;
        s->employer_net_cost += mt->a.cost.net_cost_year;
        s->hours += cl->pk.hours;
        s->mean_coverage += mt->a.coverage;
        s->low_coverage += mt->a.coverage < MW_LOW_COVERAGE;
        s->signaleringen += mt->a.nsig;
        EmployerUse *eu = &p->employers[rp->emp];
        eu->placements++;
        eu->supervision_used += cl->pk.sup_minutes;
        for (int k = 0; k < cl->pk.n; k++) {
            const Task *t = &m->tasks[cl->pk.tasks[k].task];
            p->jobs[t->job].carved_work += cl->pk.tasks[k].work;
            s->work += cl->pk.tasks[k].work;
        }
        if (cl->pk.vacancy_job >= 0)
            p->jobs[cl->pk.vacancy_job].vacancy_filled = 1;
    }
    for (int j = 0; j < m->n_jobs; j++)
        p->jobs[j].remaining = m->jobs[j].hours_week - p->jobs[j].carved_work;
    for (int e = 0; e < m->n_employers; e++)
        p->employers[e].supervision_capacity = m->employers[e].supervision_min_day * m->employers[e].working_days;
    s->placements = p->n_matches;
    s->unmatched = p->n_unmatched;
    s->job_units = m->policy.job_unit_hours > 0 ? s->hours / m->policy.job_unit_hours : 0;
    s->mean_coverage = p->n_matches ? s->mean_coverage / p->n_matches : 0;
    if (build_shortlists(p, 1) || build_shortlists(p, 0) || proposal_fairness(p))
        goto oom;
    mw_free(has_pair);
    return MW_OK;
oom:
    mw_free(has_pair);
    proposal_free(p);
    return MW_ENOMEM;
}
