/* test_carve_xcheck.c — cross-check of the carving MIP: random small pairs
 * (fixed seeds, built here as PairData without a Model) are solved through
 * the GLPK C API (engine/solve/carve.c) and, independently, by glpsol on
 * models/mathprog/carve.mod with the data section of carve_write_dat. Both
 * must agree on feasibility and on the optimum (1e-6 relative). Every
 * package carve_solve returns is also checked against each constraint and
 * the objective terms of docs/carving-model.md, recomputed here from the
 * package alone. Each optimal pair is then re-solved with random prices
 * from its LP relaxation's optimal basis (the warm start of pricing), from
 * a basis that does not factorize, and cold: all three must agree. Needs
 * glpsol on PATH; the model is found through
 * $MAATWERK_MODELS (tests/run.sh), else ./models.
 */
#include "../../engine/solve/carve.h"
#include "../../engine/solve/carve_mathprog.h"
#include "check.h"

#include <glpk.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

enum { N_PAIRS = 1000 };
static const uint64_t BASE_SEED = 20240611;

/* ---- random instances ------------------------------------------------------ */

static double unif(MwRng *r, double lo, double hi) { return lo + (hi - lo) * mw_rng_uniform(r); }
static int chance(MwRng *r, double prob) { return mw_rng_uniform(r) < prob; }

static int popcount(unsigned v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

/* A random but valid PairData, shaped like pair_build's output: every job
 * and group holds a task, D_t is non-empty and inside the candidate's
 * availability, cap_td = 4 h per available part of the task on d, Hday_d =
 * min(max hours per day, 4 h per available part), mandatory and
 * vacancy-only tasks only in vacancy jobs, requires acyclic (a requires
 * b < a). Returns NULL on OOM. */
static PairData *gen_pair(uint64_t seed)
{
    static const uint8_t part_masks[] = {0x3, 0x3, 0x3, 0x1, 0x2, 0x7, 0xF, 0x6, 0xC};
    static const double skills[] = {0, 0, 1, -0.5, 0.25, 0.5};
    MwRng r;
    mw_rng_seed(&r, seed);
    PairData *p = mw_calloc(1, sizeof *p);
    if (!p)
        return NULL;
    mw_arena_init(&p->arena);
    p->cand = (int)(seed - BASE_SEED);
    p->emp = 0;
    int nt = mw_rng_int(&r, 1, 8);
    p->nt = nt;
    p->nj = mw_rng_int(&r, 1, nt < 3 ? nt : 3);
    p->ng = mw_rng_int(&r, 1, nt < 3 ? nt : 3);
    p->t = mw_arena_alloc(&p->arena, sizeof *p->t * (size_t)nt);
    p->j = mw_arena_alloc(&p->arena, sizeof *p->j * (size_t)p->nj);
    double *jwage = mw_arena_alloc(&p->arena, sizeof(double) * (size_t)p->nj);
    if (!p->t || !p->j || !jwage)
        goto oom;

    /* weights of a preset, around the balanced defaults */
    Weights *w = &p->w;
    w->value = chance(&r, 0.3) ? unif(&r, 0, 0.01) : unif(&r, 0, 0.1);
    w->pref = unif(&r, 0, 2);
    w->skill = unif(&r, 0, 2);
    w->hours = unif(&r, 0.1, 3);
    w->task = unif(&r, 0, 3);
    w->group = unif(&r, 0, 4);
    w->sup = chance(&r, 0.5) ? unif(&r, 0, 0.005) : unif(&r, 0, 0.05);
    w->over = unif(&r, 0, 4);
    w->theta = unif(&r, 0.6, 1);
    w->time_limit = 20;

    /* the candidate: availability, hours, limits */
    double lw = unif(&r, 0.3, 1);
    double max_day = unif(&r, 3, 9);
    int any = 0;
    for (int d = 0; d < MW_DAYS; d++) {
        int avail = d < 5 ? chance(&r, 0.8) : chance(&r, 0.25);
        p->avail[d] = avail ? part_masks[mw_rng_int(&r, 0, (int)sizeof part_masks - 1)] : 0;
        any |= p->avail[d];
    }
    if (!any)
        p->avail[mw_rng_int(&r, 0, 4)] = 0x3;
    for (int d = 0; d < MW_DAYS; d++) {
        double part_cap = MW_PART_HOURS * popcount(p->avail[d]);
        p->Hday[d] = part_cap < max_day ? part_cap : max_day;
    }
    p->Hmin = chance(&r, 0.4) ? 0 : unif(&r, 0, 10);
    p->Hmax = p->Hmin + unif(&r, 2, 24);
    p->Hpref = chance(&r, 0.25) ? p->Hmin : unif(&r, p->Hmin, p->Hmax);
    p->Dmax = mw_rng_int(&r, 2, 5);
    p->nmin = chance(&r, 0.8) ? 1 : mw_rng_int(&r, 2, 3);
    p->nmax = chance(&r, 0.5) ? 0 : mw_rng_int(&r, p->nmin, p->nmin + 2);
    p->Gmax = chance(&r, 0.6) ? 0 : mw_rng_int(&r, 1, 2);
    p->need = chance(&r, 0.4) ? 0 : unif(&r, 5, 60);
    p->Cap = chance(&r, 0.03) ? 0 : unif(&r, 10, 120) * mw_rng_int(&r, 4, 6);

    /* jobs */
    for (int j = 0; j < p->nj; j++) {
        p->j[j].job = 10 + j;
        p->j[j].vacancy = chance(&r, 0.25);
        jwage[j] = unif(&r, 12, 35);
    }

    /* tasks */
    for (int t = 0; t < nt; t++) {
        PairTask *pt = &p->t[t];
        pt->task = 100 + t;
        pt->job = t < p->nj ? t : mw_rng_int(&r, 0, p->nj - 1);
        pt->group = t < p->ng ? t : mw_rng_int(&r, 0, p->ng - 1);
        pt->indivisible = chance(&r, 0.2);
        pt->W = pt->indivisible ? unif(&r, 0.5, 6) : unif(&r, 1, 14);
        pt->pi = chance(&r, 0.2) ? 1.0 : lw;     /* time_bound tasks go at pace 1 */
        pt->m = unif(&r, 0.25, pt->W < 3 ? pt->W : 3);   /* input rule: m <= hours_week */
        pt->flexible = chance(&r, 0.5);
        unsigned parts = part_masks[mw_rng_int(&r, 0, (int)sizeof part_masks - 1)];
        unsigned days = 0;
        if (pt->flexible)
            days = chance(&r, 0.5) ? 0x7F : 0x1F;
        else
            for (int d = 0; d < MW_DAYS; d++)
                days |= (unsigned)chance(&r, d < 5 ? 0.35 : 0.1) << d;
        unsigned D = 0;
        for (int d = 0; d < MW_DAYS; d++)
            if ((days >> d & 1) && (p->avail[d] & parts))
                D |= 1u << d;
        if (!D) {   /* pair_build would drop the task: move it onto an available day */
            int d0;
            do
                d0 = mw_rng_int(&r, 0, MW_DAYS - 1);
            while (!p->avail[d0]);
            D = 1u << d0;
            parts |= p->avail[d0] & (unsigned)-p->avail[d0];   /* its earliest available part */
        }
        pt->days = (uint8_t)D;
        pt->parts = (uint8_t)parts;
        for (int d = 0; d < MW_DAYS; d++)
            pt->cap[d] = D >> d & 1 ? MW_PART_HOURS * popcount(p->avail[d] & parts) : 0;
        pt->sigma = chance(&r, 0.5) ? 0 : unif(&r, 0, 20);
        pt->wage = jwage[pt->job];
        pt->pref = mw_rng_int(&r, -1, 1);
        pt->skill = skills[mw_rng_int(&r, 0, (int)(sizeof skills / sizeof skills[0]) - 1)];
        if (p->j[pt->job].vacancy) {
            pt->mandatory = chance(&r, 0.35);
            pt->vacancy_only = chance(&r, 0.4);
        }
    }
    for (int j = 0; j < p->nj; j++) {
        double sum = 0;
        for (int t = 0; t < nt; t++)
            if (p->t[t].job == j)
                sum += p->t[t].W;
        p->j[j].W = sum + unif(&r, 0, 4);
        p->j[j].R = chance(&r, 0.5) ? 0 : unif(&r, 0.5, 0.9 * p->j[j].W);
    }

    /* dimensions */
    p->nexp = mw_rng_int(&r, 0, 2);
    p->nshare = mw_rng_int(&r, 0, 2);
    p->exp = mw_arena_alloc(&p->arena, sizeof *p->exp * 2);
    p->share = mw_arena_alloc(&p->arena, sizeof *p->share * 2);
    if (!p->exp || !p->share)
        goto oom;
    for (int k = 0; k < p->nexp; k++) {
        p->exp[k].dim = 12 + k;
        p->exp[k].limit = unif(&r, 0.5, 6);
        if (!(p->exp[k].coef = mw_arena_alloc(&p->arena, sizeof(double) * (size_t)nt)))
            goto oom;
        for (int t = 0; t < nt; t++)
            p->exp[k].coef[t] = chance(&r, 0.5) ? 0 : unif(&r, 0.1, 1);
    }
    for (int k = 0; k < p->nshare; k++) {
        p->share[k].dim = 15 + k;
        p->share[k].limit = unif(&r, 0.4, 0.95);
        if (!(p->share[k].coef = mw_arena_alloc(&p->arena, sizeof(double) * (size_t)nt)))
            goto oom;
        for (int t = 0; t < nt; t++)
            p->share[k].coef[t] = chance(&r, 0.5) ? 0 : unif(&r, 0, 1);
    }

    /* requires: a requires some b < a, so the relation is acyclic */
    p->req = mw_arena_alloc(&p->arena, sizeof *p->req * (size_t)nt);
    if (!p->req)
        goto oom;
    for (int a = 1; a < nt; a++)
        if (chance(&r, 0.2)) {
            p->req[p->nreq][0] = a;
            p->req[p->nreq][1] = mw_rng_int(&r, 0, a - 1);
            p->nreq++;
        }
    return p;
oom:
    pair_free(p);
    return NULL;
}

/* ---- glpsol on carve.mod ------------------------------------------------------ */

typedef enum { REF_OPTIMAL, REF_INFEASIBLE, REF_ERROR } RefStatus;

/* Runs glpsol on mod with dat; returns the outcome and, when optimal, the
 * objective printed on the "OBJ" line. */
static RefStatus run_glpsol(const char *mod, const char *dat, double *obj)
{
    char cmd[4096];
    int n = snprintf(cmd, sizeof cmd, "glpsol --math '%s' --data '%s' --tmlim 60 2>&1", mod, dat);
    if (n < 0 || (size_t)n >= sizeof cmd)
        return REF_ERROR;
    FILE *pf = popen(cmd, "r");
    if (!pf)
        return REF_ERROR;
    char line[4096];
    int have_obj = 0, infeasible = 0, optimal = 0, other = 0;
    while (fgets(line, sizeof line, pf)) {
        if (strncmp(line, "OBJ ", 4) == 0) {
            char *end;
            *obj = strtod(line + 4, &end);
            have_obj = end != line + 4;
        } else if (strstr(line, "HAS NO PRIMAL FEASIBLE SOLUTION") ||
                   strstr(line, "HAS NO INTEGER FEASIBLE SOLUTION")) {
            infeasible = 1;
        } else if (strstr(line, "INTEGER OPTIMAL SOLUTION FOUND")) {
            optimal = 1;
        } else if (strstr(line, "TIME LIMIT EXCEEDED") || strstr(line, "processing error") ||
                   strstr(line, "UNBOUNDED") || strstr(line, "NO DUAL FEASIBLE")) {
            other = 1;
            fprintf(stderr, "glpsol: %s", line);
        }
    }
    int rc = pclose(pf);
    if (rc != 0 || other)
        return REF_ERROR;
    if (infeasible && !have_obj)
        return REF_INFEASIBLE;
    if (optimal && have_obj)
        return REF_OPTIMAL;
    return REF_ERROR;
}

/* ---- the package against the doc's constraints ------------------------------ */

static int leq(double a, double b) { return a <= b + 1e-6 * fmax(1, fmax(fabs(a), fabs(b))); }
static int near(double a, double b) { return fabs(a - b) <= 1e-6 * fmax(1, fmax(fabs(a), fabs(b))); }

static int verify_failures;

/* Coverage: in how many optimal packages each family binds (or, for the
 * route and the slack terms, is active), so that a generator change that
 * stops exercising a family shows in the summary and fails the test. */
enum {
    B_WORK, B_CHUNK, B_INDIV, B_CAP, B_HMIN, B_HMAX, B_DAY, B_DMAX, B_EXP, B_SHARE, B_NMIN, B_NMAX,
    B_GROUPS, B_GMAX, B_COUPLING, B_SUP, B_DONOR, B_ROUTE, B_PREF, B_OVER, B_FLEX, B_FIXED, B_COUNT
};
static const char *const bind_names[B_COUNT] = {
    "work", "chunk", "indivisible", "task-day cap", "Hmin", "Hmax", "per day", "Dmax", "exposure", "share",
    "nmin>1", "nmax", "groups>1", "Gmax", "coupling", "supervision", "donor", "vacancy route",
    "u=Hpref", "o>0", "flexible", "fixed"};
static int bind_count[B_COUNT];
static int bind_seen[B_COUNT];      /* per package */

static void bind_if(int fam, int cond)
{
    if (cond)
        bind_seen[fam] = 1;
}

#define VERIFY(cond, ...) do { \
    if (cond) check_passed++; \
    else { check_failed++; verify_failures++; fprintf(stderr, "FAIL pair %d: %s: ", pair_no, #cond); \
           fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } \
} while (0)

/* Recomputes every constraint family and the objective terms of
 * docs/carving-model.md from the package (y_t = the task is listed, z_g =
 * a listed task's group, w_d = pk->days, v_j chosen consistently) and
 * checks them within 1e-6. */
static void verify_package(int pair_no, const PairData *p, const Package *pk)
{
    const Weights *w = &p->w;
    int nt = p->nt;
    memset(bind_seen, 0, sizeof bind_seen);
    double h[8] = {0}, dh[8][MW_DAYS] = {{0}};
    int y[8] = {0};
    for (int i = 0; i < pk->n; i++) {
        const PackageTask *q = &pk->tasks[i];
        int t = q->task - 100;
        VERIFY(t >= 0 && t < nt && !y[t], "package task %d", q->task);
        if (!(t >= 0 && t < nt) || y[t])
            return;
        y[t] = 1;
        h[t] = q->hours;
        memcpy(dh[t], q->day_hours, sizeof dh[t]);
        VERIFY(near(q->work, p->t[t].pi * q->hours), "work %g, pace x hours %g", q->work,
               p->t[t].pi * q->hours);
    }

    double total = 0;
    for (int t = 0; t < nt; t++) {
        const PairTask *pt = &p->t[t];
        double work = pt->pi * h[t];
        total += h[t];
        VERIFY(h[t] >= -1e-9, "task %d hours %g", t, h[t]);
        bind_if(B_INDIV, y[t] && pt->indivisible);
        bind_if(B_FLEX, y[t] && pt->flexible);
        bind_if(B_FIXED, y[t] && !pt->flexible);
        bind_if(B_WORK, y[t] && !pt->indivisible && near(work, pt->W));
        bind_if(B_CHUNK, y[t] && !pt->indivisible && near(work, pt->m));
        if (pt->indivisible)
            VERIFY(near(work, pt->W * y[t]), "indivisible task %d: work %g, W %g", t, work, pt->W);
        else {
            VERIFY(leq(work, pt->W * y[t]), "work available task %d: %g > %g", t, work, pt->W);
            VERIFY(leq(pt->m * y[t], work), "minimum chunk task %d: %g < %g", t, work, pt->m);
        }
        int nd = popcount(pt->days);
        double sum = 0, mincap = HUGE_VAL;
        for (int d = 0; d < MW_DAYS; d++) {
            int in = pt->days >> d & 1;
            sum += dh[t][d];
            VERIFY(dh[t][d] >= -1e-9, "task %d day %d hours %g", t, d, dh[t][d]);
            VERIFY(leq(dh[t][d], pt->cap[d]), "task-day capacity task %d day %d: %g > %g", t, d,
                   dh[t][d], pt->cap[d]);
            bind_if(B_CAP, y[t] && pt->flexible && in && near(dh[t][d], pt->cap[d]));
            if (in && pt->cap[d] < mincap)
                mincap = pt->cap[d];
            if (!pt->flexible)
                VERIFY(near(dh[t][d], in ? h[t] / nd : 0), "fixed task %d day %d: %g, h/|D| %g", t, d,
                       dh[t][d], in ? h[t] / nd : 0);
        }
        VERIFY(near(sum, h[t]), "day hours of task %d sum to %g, hours %g", t, sum, h[t]);
        bind_if(B_CAP, y[t] && !pt->flexible && near(h[t] / nd, mincap));
        if (!pt->flexible)
            VERIFY(leq(h[t] / nd, mincap), "fixed task %d: h/|D| %g > min cap %g", t, h[t] / nd, mincap);
    }
    VERIFY(near(total, pk->hours), "package hours %g, sum %g", pk->hours, total);
    bind_if(B_HMIN, p->Hmin > 0 && near(total, p->Hmin));
    bind_if(B_HMAX, near(total, p->Hmax));
    VERIFY(leq(p->Hmin, total) && leq(total, p->Hmax), "contract hours %g not in [%g, %g]", total, p->Hmin,
           p->Hmax);

    int ndays = 0;
    for (int d = 0; d < MW_DAYS; d++) {
        int wd = pk->days >> d & 1;
        ndays += wd;
        VERIFY(!wd || p->Hday[d] > 0, "working day %d with Hday 0", d);
        double sum = 0;
        for (int t = 0; t < nt; t++)
            sum += dh[t][d];
        bind_if(B_DAY, wd && near(sum, p->Hday[d]));
        VERIFY(leq(sum, p->Hday[d] * wd), "per day %d: %g > Hday %g x w %d", d, sum, p->Hday[d], wd);
        if (p->Hday[d] > 0)
            for (int k = 0; k < p->nexp; k++) {
                double e = 0;
                for (int t = 0; t < nt; t++)
                    e += p->exp[k].coef[t] * dh[t][d];
                bind_if(B_EXP, near(e, p->exp[k].limit));
                VERIFY(leq(e, p->exp[k].limit), "exposure %d day %d: %g > %g", k, d, e, p->exp[k].limit);
            }
    }
    bind_if(B_DMAX, ndays == p->Dmax);
    VERIFY(ndays <= p->Dmax, "days worked %d > Dmax %d", ndays, p->Dmax);
    for (int k = 0; k < p->nshare; k++) {
        double s = 0, scale = 0;
        for (int t = 0; t < nt; t++) {
            s += (p->share[k].coef[t] - p->share[k].limit) * h[t];
            scale += h[t];
        }
        bind_if(B_SHARE, fabs(s) <= 1e-6 * fmax(1, scale) && scale > 0);
        VERIFY(leq(s, 0) || s <= 1e-6 * scale, "share %d: %g > 0", k, s);
    }

    int ng_used = 0, gused[8] = {0};
    for (int t = 0; t < nt; t++)
        if (y[t] && !gused[p->t[t].group]) {
            gused[p->t[t].group] = 1;
            ng_used++;
        }
    int nmin = p->nmin > 1 ? p->nmin : 1;
    bind_if(B_NMIN, nmin > 1 && pk->n == nmin);
    bind_if(B_NMAX, pk->n == p->nmax);
    bind_if(B_GROUPS, ng_used > 1);
    bind_if(B_GMAX, ng_used == p->Gmax);
    VERIFY(pk->n >= nmin && (p->nmax == 0 || pk->n <= p->nmax), "task count %d, nmin %d, nmax %d", pk->n,
           p->nmin, p->nmax);
    VERIFY(p->Gmax == 0 || ng_used <= p->Gmax, "groups %d > Gmax %d", ng_used, p->Gmax);
    for (int q = 0; q < p->nreq; q++)
        bind_if(B_COUPLING, y[p->req[q][0]]);
    for (int q = 0; q < p->nreq; q++)
        VERIFY(y[p->req[q][0]] <= y[p->req[q][1]], "coupling: task %d without task %d", p->req[q][0],
               p->req[q][1]);

    double sigma_h = 0;
    for (int t = 0; t < nt; t++)
        sigma_h += p->t[t].sigma * h[t];
    double sup = p->need * ndays + sigma_h;
    bind_if(B_SUP, near(sup, p->Cap));
    VERIFY(leq(sup, p->Cap), "supervision %g > Cap %g", sup, p->Cap);
    VERIFY(near(pk->sup_minutes, sup), "sup_minutes %g, recomputed %g", pk->sup_minutes, sup);

    /* donor job and vacancy route: some v_j in {0,1} (0 without a route)
     * must satisfy the three families of job j */
    int routes = 0, route_job = -1;
    for (int j = 0; j < p->nj; j++) {
        const PairJob *pj = &p->j[j];
        int ok[2] = {1, pj->vacancy};
        double work = 0;
        for (int t = 0; t < nt; t++) {
            const PairTask *pt = &p->t[t];
            if (pt->job != j)
                continue;
            work += pt->pi * h[t];
            for (int v = 0; v < 2; v++) {
                if (pt->mandatory && !leq(pt->W * v, pt->pi * h[t]))
                    ok[v] = 0;
                if (pt->vacancy_only && !leq(pt->pi * h[t], pt->W * v))
                    ok[v] = 0;
            }
        }
        bind_if(B_DONOR, pj->R > 0 && (near(work, pj->W - pj->R) || near(work, pj->W)));
        for (int v = 0; v < 2; v++)
            if (pj->R > 0 && !leq(work, pj->W - pj->R + pj->R * v))
                ok[v] = 0;
        VERIFY(ok[0] || ok[1], "job %d: no v_j satisfies donor/vacancy (work %g, W %g, R %g)", j, work, pj->W,
               pj->R);
        if (!ok[0] && ok[1]) {
            routes++;
            route_job = pj->job;
        }
        if (pk->vacancy_job == pj->job)
            VERIFY(ok[1], "vacancy_job %d: the route is not consistent", pj->job);
    }
    bind_if(B_ROUTE, pk->vacancy_job >= 0);
    if (routes == 1)
        VERIFY(pk->vacancy_job == route_job, "vacancy_job %d, the package needs the route of job %d",
               pk->vacancy_job, route_job);

    /* the objective, term by term (u, o, z and w at their optimal values) */
    ScoreTerms st = {0};
    for (int t = 0; t < nt; t++) {
        const PairTask *pt = &p->t[t];
        st.value += w->value * pt->wage * pt->pi * h[t];
        st.pref += w->pref * pt->pref * h[t];
        st.skill += w->skill * pt->skill * h[t];
    }
    bind_if(B_PREF, total >= p->Hpref - 1e-9);
    bind_if(B_OVER, total > w->theta * p->Hmax + 1e-9);
    st.hours = w->hours * fmax(0, fmin(total, p->Hpref));
    st.task = -w->task * pk->n;
    st.group = -w->group * (ng_used - 1);
    st.sup = -w->sup * sup;
    st.over = -w->over * fmax(0, total - w->theta * p->Hmax);
    VERIFY(near(pk->terms.value, st.value), "term value %.12g, recomputed %.12g", pk->terms.value, st.value);
    VERIFY(near(pk->terms.pref, st.pref), "term pref %.12g, recomputed %.12g", pk->terms.pref, st.pref);
    VERIFY(near(pk->terms.skill, st.skill), "term skill %.12g, recomputed %.12g", pk->terms.skill, st.skill);
    VERIFY(near(pk->terms.hours, st.hours), "term hours %.12g, recomputed %.12g", pk->terms.hours, st.hours);
    VERIFY(near(pk->terms.task, st.task), "term task %.12g, recomputed %.12g", pk->terms.task, st.task);
    VERIFY(near(pk->terms.group, st.group), "term group %.12g, recomputed %.12g", pk->terms.group, st.group);
    VERIFY(near(pk->terms.sup, st.sup), "term sup %.12g, recomputed %.12g", pk->terms.sup, st.sup);
    VERIFY(near(pk->terms.over, st.over), "term over %.12g, recomputed %.12g", pk->terms.over, st.over);
    double obj = st.value + st.pref + st.skill + st.hours + st.task + st.group + st.sup + st.over;
    VERIFY(near(pk->objective, obj), "objective %.12g, sum of recomputed terms %.12g", pk->objective, obj);
    VERIFY(near(pk->bound, pk->objective), "bound %.12g of an optimal package, objective %.12g", pk->bound,
           pk->objective);

    /* the weekly schedule holds exactly the day hours */
    for (int t = 0; t < nt; t++)
        for (int d = 0; d < MW_DAYS; d++) {
            double s = 0;
            for (int i = 0; i < pk->nslots; i++)
                if (pk->slots[i].task == p->t[t].task && pk->slots[i].day == d)
                    s += pk->slots[i].hours;
            VERIFY(near(s, dh[t][d]), "schedule of task %d day %d holds %g h, day hours %g", t, d, s, dh[t][d]);
        }
    for (int b = 0; b < B_COUNT; b++)
        bind_count[b] += bind_seen[b];
}

/* ---- the writer on its own ------------------------------------------------------ */

static char *dat_text(const PairData *p, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f)
        return NULL;
    int rc = carve_write_dat(p, f);
    fclose(f);
    if (rc != MW_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

static void test_writer(void)
{
    PairData *p = gen_pair(BASE_SEED + 7);
    CHECK(p != NULL);
    if (!p)
        return;
    size_t n1 = 0, n2 = 0;
    char *a = dat_text(p, &n1), *b = dat_text(p, &n2);
    CHECK(a && b && n1 == n2 && memcmp(a, b, n1) == 0);   /* deterministic */
    CHECK(a && strncmp(a, "/* carving instance", 19) == 0 && strstr(a, "\ndata;\n") && strstr(a, "\nend;\n"));
    free(a);
    free(b);

    /* a requirement listed twice is written once (MathProg refuses a
     * duplicate set member) */
    PairData *q = gen_pair(BASE_SEED + 8);
    CHECK(q && q->nt >= 1);
    if (q && q->nt >= 2) {
        int (*req)[2] = mw_arena_alloc(&q->arena, sizeof *req * 2);
        CHECK(req != NULL);
        if (req) {
            req[0][0] = req[1][0] = 1;
            req[0][1] = req[1][1] = 0;
            q->req = req;
            q->nreq = 2;
            size_t n = 0;
            char *text = dat_text(q, &n);
            CHECK(text && strstr(text, "set REQ := (1,0);\n"));
            free(text);
        }
    }
    pair_free(q);

    FILE *full = fopen("/dev/full", "w");
    if (full) {                                             /* a failing stream */
        CHECK(carve_write_dat(p, full) == MW_EIO);
        fclose(full);
    }
    pair_free(p);
}

/* ---- main --------------------------------------------------------------------- */

/* The pricing cutoff (PairData.cutoff, the cutoff point offered to branch
 * and bound as its first incumbent): with the cutoff just below glpsol's
 * optimum the same optimum comes back as a package; just above it there is
 * no package, and the bound reported is still at or above the optimum.
 * Returns 1 when both held. */
static int check_cutoff(PairData *p, double ref)
{
    double step = 1e-4 * (1 + fabs(ref));
    Package pk;
    p->use_cutoff = 1;
    p->cutoff = ref - step;
    int ok = carve_solve(p, &pk) == MW_OK && pk.status == CARVE_OPTIMAL && near(pk.objective, ref);
    package_free(&pk);
    p->cutoff = ref + step;
    ok = ok && carve_solve(p, &pk) == MW_OK && pk.status == CARVE_CUTOFF && pk.n == 0 && leq(ref, pk.bound);
    package_free(&pk);
    p->use_cutoff = 0;
    CHECK(ok);
    if (!ok)
        fprintf(stderr, "xcheck: pair %d: the cutoff around the optimum %.12g failed\n", p->cand, ref);
    return ok;
}

/* The warm start (PairData.basis): pk0 is p's standalone package with the
 * LP relaxation's optimal basis kept. With random prices (as pricing sets
 * them: only the objective changes), the solve from that basis, the solve
 * from a basis that does not factorize (every status basic: the solve starts
 * afresh) and the cold solve agree on the outcome and the optimum. Returns
 * 1 when they did. */
static int check_warm(PairData *p, const Package *pk0, uint64_t seed)
{
    MwRng r;
    mw_rng_seed(&r, seed ^ 0x5eed);
    double *price = calloc((size_t)p->nt + 1, sizeof *price);
    uint8_t *bad = malloc((size_t)pk0->basis_n + 1);
    CHECK(price && bad);
    if (!price || !bad) {
        free(price);
        free(bad);
        return 0;
    }
    for (int t = 0; t < p->nt; t++)
        price[t] = unif(&r, 0, 0.3);
    memset(bad, GLP_BS, (size_t)pk0->basis_n);
    p->price_work = price;
    p->price_sup = unif(&r, 0, 0.02);
    Package cold, warm, afresh;
    int ok = carve_solve(p, &cold) == MW_OK;
    p->basis = pk0->basis;
    p->basis_n = pk0->basis_n;
    ok = carve_solve(p, &warm) == MW_OK && ok;
    p->basis = bad;
    ok = carve_solve(p, &afresh) == MW_OK && ok;
    ok = ok && warm.status == cold.status && afresh.status == cold.status;
    if (ok && cold.status == CARVE_OPTIMAL)
        ok = near(warm.objective, cold.objective) && near(afresh.objective, cold.objective);
    CHECK(ok);
    if (!ok)
        fprintf(stderr, "xcheck: pair %d: priced from the kept basis %s %.12g, afresh %s %.12g, cold %s %.12g\n",
                p->cand, carve_status_names[warm.status], warm.objective, carve_status_names[afresh.status],
                afresh.objective, carve_status_names[cold.status], cold.objective);
    package_free(&cold);
    package_free(&warm);
    package_free(&afresh);
    p->price_work = NULL;
    p->price_sup = 0;
    p->basis = NULL;
    p->basis_n = 0;
    free(price);
    free(bad);
    return ok;
}

static void dump_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[1024];
    while (fgets(line, sizeof line, f))
        fputs(line, stderr);
    fclose(f);
}

int main(void)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    test_writer();

    const char *models = getenv("MAATWERK_MODELS");
    char mod[1024];
    snprintf(mod, sizeof mod, "%s/mathprog/carve.mod", models && *models ? models : "models");
    FILE *probe = fopen(mod, "r");
    CHECK(probe != NULL);
    if (!probe) {
        fprintf(stderr, "xcheck: cannot open %s (set MAATWERK_MODELS)\n", mod);
        return check_report("test_carve_xcheck");
    }
    fclose(probe);
    CHECK(strchr(mod, '\'') == NULL);
    const char *tmp = getenv("TMPDIR");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/mw-xcheck.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    CHECK(mkdtemp(dir) != NULL);

    int n_infeasible = 0, n_mismatch = 0, dumped = 0, n_cutoff_checked = 0, n_warm_checked = 0;
    double max_rel = 0;
    for (int i = 0; i < N_PAIRS; i++) {
        PairData *p = gen_pair(BASE_SEED + (uint64_t)i);
        CHECK(p != NULL);
        if (!p)
            break;
        Package pk;
        p->keep_basis = 1;
        CHECK(carve_solve(p, &pk) == MW_OK);
        p->keep_basis = 0;

        char dat[1100];
        snprintf(dat, sizeof dat, "%s/pair%03d.dat", dir, i);
        FILE *f = fopen(dat, "w");
        CHECK(f != NULL);
        int wrc = f ? carve_write_dat(p, f) : MW_EIO;
        if (f && fclose(f) != 0)
            wrc = MW_EIO;
        CHECK(wrc == MW_OK);
        double ref = 0;
        RefStatus rs = run_glpsol(mod, dat, &ref);
        CHECK(rs != REF_ERROR);

        int bad = 0;
        if (rs == REF_INFEASIBLE) {
            n_infeasible++;
            bad = pk.status != CARVE_INFEASIBLE;
        } else if (rs == REF_OPTIMAL) {
            bad = pk.status != CARVE_OPTIMAL;
            if (!bad) {
                double rel = fabs(pk.objective - ref) / fmax(1, fmax(fabs(pk.objective), fabs(ref)));
                if (rel > max_rel)
                    max_rel = rel;
                bad = rel > 1e-6;
            }
        } else {
            bad = 1;
        }
        CHECK(!bad);
        if (!bad && rs == REF_OPTIMAL) {
            n_cutoff_checked += check_cutoff(p, ref);
            CHECK(pk.basis != NULL && pk.basis_n > p->nt);   /* at least one column per task */
            if (pk.basis)
                n_warm_checked += check_warm(p, &pk, BASE_SEED + (uint64_t)i);
        }
        verify_failures = 0;
        if (pk.status == CARVE_OPTIMAL)
            verify_package(i, p, &pk);
        if (bad || verify_failures) {
            n_mismatch++;
            fprintf(stderr, "xcheck: pair %d (seed %llu): carve_solve %s objective %.12g; glpsol %s %.12g\n", i,
                    (unsigned long long)(BASE_SEED + (uint64_t)i), carve_status_names[pk.status], pk.objective,
                    rs == REF_OPTIMAL ? "optimal" : rs == REF_INFEASIBLE ? "infeasible" : "error", ref);
            if (dumped++ < 3)
                dump_file(dat);
        }
        remove(dat);
        package_free(&pk);
        pair_free(p);
    }
    rmdir(dir);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    printf("xcheck: %d pairs (seeds %llu..%llu), %d infeasible, %d mismatched, max rel diff %.3g, %.1f s\n",
           N_PAIRS, (unsigned long long)BASE_SEED, (unsigned long long)(BASE_SEED + N_PAIRS - 1), n_infeasible,
           n_mismatch, max_rel, secs);
    printf("xcheck: optimal packages where a family binds:");
    for (int b = 0; b < B_COUNT; b++)
        printf("%s %s %d", b ? "," : "", bind_names[b], bind_count[b]);
    printf("\n");
    printf("xcheck: %d optimal pairs re-solved with a cutoff just below and just above the optimum\n",
           n_cutoff_checked);
    printf("xcheck: %d optimal pairs re-solved with prices from the kept basis, afresh and cold\n", n_warm_checked);
    CHECK(n_cutoff_checked >= N_PAIRS / 2);
    CHECK(n_warm_checked >= N_PAIRS / 2);
    /* the generator must exercise both outcomes in a useful mix, and every
     * family must bind somewhere */
    CHECK(n_infeasible >= N_PAIRS * 15 / 100 && n_infeasible <= N_PAIRS * 40 / 100);
    for (int b = 0; b < B_COUNT; b++)
        CHECK(bind_count[b] >= 3);
    return check_report("test_carve_xcheck");
}
