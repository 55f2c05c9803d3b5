/* region.c — the regional proposal of DESIGN §4.3 (see region.h): the
 * standalone package of every pair that passes the filters, column
 * generation against the master LP's duals, and the integer master over the
 * generated columns. Pair MIPs run on POSIX threads (GLPK keeps one
 * environment per thread when built with thread-local storage); each result
 * lands in its own slot and slots are merged in index order, so the Region
 * does not depend on the thread count. Layer: solve. Knows nothing about
 * files or output.
 */
#include "region.h"

#include <assert.h>
#include <glpk.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "carvecache.h"
#include "fixed.h"
#include "lp.h"
#include "prune.h"
#include "riskflags.h"

#define RC_EPS 1e-6          /* a column improves the master when its reduced cost exceeds this */
#define SAME_EPS 1e-7        /* two packages of a pair are the same column within this */
#define ROW_EPS 1e-9         /* the greedy proposal's row tolerance (relative) */
#define MAX_THREADS 64
#define PRICING_SHARE 0.8     /* of --time-limit: pricing rounds stop there */
#define PRICE_PER_CAND 1      /* pricing: new improving columns per candidate and round */

const char *pricing_stop_name(PricingStop s)
{
    static const char *const names[] = {"converged", "unproven", "gap", "iterations", "time_limit",
                                        "master_lp", "no_columns"};
    return s >= 0 && s < (int)(sizeof names / sizeof names[0]) ? names[s] : "unknown";
}

void region_options_default(RegionOptions *o)
{
    memset(o, 0, sizeof *o);
    o->threads = 0;
    o->max_iterations = 50;
    o->pricing_gap = 0;
    o->time_limit = 0;
    o->budget = -1;
    o->master_time_limit = 60;
    o->master_pool_cols = 4000;
    o->progress = NULL;
    o->progress_ctx = NULL;
    o->jobcoach_pool = -1;
    o->defer_pairs = 1;
    o->shortlist_top = 5;
}

double column_work(const Column *c, int task)
{
    for (int k = 0; k < c->pk.n; k++)
        if (c->pk.tasks[k].task == task)
            return c->pk.tasks[k].work;
    return 0;
}

double column_supervision(const Column *c)
{
    return c->pk.sup_minutes;
}

void region_free(Region *r)
{
    if (!r)
        return;
    for (int k = 0; k < r->n_cols; k++)
        package_free(&r->cols[k].pk);
    mw_free(r->cols);
    mw_free(r->pairs);
    mw_free(r->chosen);
    mw_free(r->reasons);
    mw_free(r->no_package);
    mw_free(r->pruned);
    memset(r, 0, sizeof *r);
}

/* ---- small helpers ------------------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void report(const RegionOptions *o, const char *stage, long done, long total)
{
    if (o->progress)
        o->progress(o->progress_ctx, stage, done, total);
}

/* The package's own objective, without prices: the sum of its terms. */
static double terms_sum(const ScoreTerms *t)
{
    return t->value + t->pref + t->skill + t->hours + t->task + t->group + t->sup + t->over;
}

/* Travel, known employer (the klik proxy) and affinity, in points. */
static double pair_terms(const Model *m, const Weights *w, int ci, int ei, double travel_min)
{
    const Candidate *c = &m->candidates[ci];
    const Employer *e = &m->employers[ei];
    return -w->travel * travel_min + (intlist_has(&c->known_employers, ei) ? w->known : 0) +
           w->affinity * e->affinity;
}

/* The master's GLPK time limit in milliseconds: master_time_limit (60 s
 * when unset), capped by what is left of the regional time limit, but at
 * least 1 s so that a proposal can still be found. */
static int master_tm_lim(const RegionOptions *o, double deadline)
{
    double s = o->master_time_limit > 0 ? o->master_time_limit : 60;
    if (deadline > 0) {
        double left = deadline - now_s();
        if (left < s)
            s = left;
        if (s < 1)
            s = 1;
    }
    return s * 1000 < 2e9 ? (int)(s * 1000) : 2000000000;
}

/* ---- the thread pool ------------------------------------------------------ */

/* Items 0..n-1 taken from a shared counter by `threads` workers (or by the
 * calling thread when there is one, or threads cannot be made). fn writes
 * only item i's own slot. */
typedef struct {
    int n;
    void (*fn)(void *ctx, int item);
    void *ctx;
    double deadline;          /* monotonic seconds; 0 = none */
    atomic_int next;
    atomic_int stop;          /* take no more items: out of memory, or past the deadline */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int done, active;         /* under mu */
} Pool;

static void pool_init(Pool *pl, int n, void (*fn)(void *, int), void *ctx, double deadline)
{
    pl->n = n;
    pl->fn = fn;
    pl->ctx = ctx;
    pl->deadline = deadline;
    atomic_init(&pl->next, 0);
    atomic_init(&pl->stop, 0);
    pl->done = pl->active = 0;
}

static void pool_halt(Pool *pl)
{
    atomic_store(&pl->stop, 1);
}

/* The next item, or -1 when there is none left or the pool stopped. */
static int pool_take(Pool *pl)
{
    if (atomic_load(&pl->stop))
        return -1;
    if (pl->deadline > 0 && now_s() >= pl->deadline) {
        pool_halt(pl);
        return -1;
    }
    int i = atomic_fetch_add(&pl->next, 1);
    return i < pl->n ? i : -1;
}

static void *pool_worker(void *arg)
{
    Pool *pl = arg;
    for (int i; (i = pool_take(pl)) >= 0;) {
        pl->fn(pl->ctx, i);
        pthread_mutex_lock(&pl->mu);
        pl->done++;
        pthread_cond_signal(&pl->cv);
        pthread_mutex_unlock(&pl->mu);
    }
    glp_free_env();           /* this thread's environment (thread-local in GLPK) */
    pthread_mutex_lock(&pl->mu);
    pl->active--;
    pthread_cond_signal(&pl->cv);
    pthread_mutex_unlock(&pl->mu);
    return NULL;
}

/* Runs every item; progress comes from this (the calling) thread only. */
static void pool_run(Pool *pl, int threads, const RegionOptions *o, const char *stage)
{
    pthread_t tid[MAX_THREADS];
    int started = 0;
    if (threads > pl->n)
        threads = pl->n;
    report(o, stage, 0, pl->n);
    if (threads > 1 && pthread_mutex_init(&pl->mu, NULL) == 0) {
        if (pthread_cond_init(&pl->cv, NULL) == 0) {
            pl->active = threads;
            for (int k = 0; k < threads; k++)
                if (pthread_create(&tid[started], NULL, pool_worker, pl) == 0)
                    started++;
            pthread_mutex_lock(&pl->mu);
            pl->active -= threads - started;
            long shown = 0;
            while (pl->active > 0 || pl->done != shown) {
                if (pl->done != shown) {
                    shown = pl->done;
                    pthread_mutex_unlock(&pl->mu);
                    report(o, stage, shown, pl->n);
                    pthread_mutex_lock(&pl->mu);
                } else {
                    pthread_cond_wait(&pl->cv, &pl->mu);
                }
            }
            pthread_mutex_unlock(&pl->mu);
            for (int k = 0; k < started; k++)
                pthread_join(tid[k], NULL);
            pthread_cond_destroy(&pl->cv);
        }
        pthread_mutex_destroy(&pl->mu);
    }
    if (started == 0)         /* one thread, or none could be made: this one does the work */
        for (int i; (i = pool_take(pl)) >= 0;) {
            pl->fn(pl->ctx, i);
            report(o, stage, ++pl->done, pl->n);
        }
}

static int region_threads(const RegionOptions *o)
{
    int n = o->threads;
    if (n <= 0) {
        long k = sysconf(_SC_NPROCESSORS_ONLN);
        n = k > 0 ? (int)(k < MAX_THREADS ? k : MAX_THREADS) : 1;
    }
    /* without thread-local storage GLPK has one environment for the
     * process, which two threads cannot share */
    if (!glp_config("TLS"))
        n = 1;
    return n > MAX_THREADS ? MAX_THREADS : n;
}

/* ---- stage 1: standalone packages, one candidate per item ----------------- */

typedef struct {
    int emp;
    double travel, terms;
    Package pk;
} CandPair;

typedef struct {
    int reasons[PAIR_REASONS];
    int no_package, solver_errors, time_limits;
    long solves;
    int n, cap;
    CandPair *items;          /* pairs with a package, by employer index */
    int n_pruned, cap_pruned;
    PruneItem *pruned;        /* pairs not carved: key = upper bound + pair terms */
    int n_deferred;           /* the first n_deferred of pruned: ranks top0 .. top-1, carved
                                 after the first master LP if they can improve it */
    int status;               /* MW_OK or MW_ENOMEM */
} CandSlot;

typedef struct {
    const Model *m;
    const Weights *w;
    int top;                  /* RegionOptions.top_pairs */
    int top0;                 /* carved before the first master LP: defer_first */
    CandSlot *slots;
    Pool *pool;
    CarveCache *cache;        /* NULL = solve every pair */
    const char *skip;         /* [n_candidates] 1: a fixed placement, no other column; may be NULL */
} CarveCtx;

/* Of a candidate's top K pairs, the better half by upper bound, but at
 * least DEFER_MIN_FIRST, is carved before the first master LP; with
 * o->defer_pairs the others (ranks top0 .. K-1, "deferred") only when that
 * LP's duals leave them room to improve it (defer_stage). Measured: at M
 * (K = 12) 17% of ranks 7-12 pass and carving takes a third less; at L
 * under --time-limit 300 (K = 6) 31% of ranks 4-6 passed and the first
 * master LP and the tests cost what the deferral saved, for a 0.25% lower
 * bound: so ranks up to 6 are always carved. */
#define DEFER_MIN_FIRST 6

static int defer_first(const RegionOptions *o)
{
    int k = o->top_pairs, half = (k + 1) / 2;
    if (!o->defer_pairs || k <= DEFER_MIN_FIRST)
        return k;
    return half > DEFER_MIN_FIRST ? half : DEFER_MIN_FIRST;
}

/* Carves pair (ci, e) into s: a package item, or a no_package count.
 * MW_OK or MW_ENOMEM. */
static int carve_record(CarveCtx *cx, CandSlot *s, int ci, int e, Package pk);

/* The risk term of a pair is w->risk × a probability: at most this. */
static double risk_cap(const Weights *w)
{
    return w->risk > 0 ? w->risk : 0;
}

/* A carved pair's standalone score: its package's terms and the pair terms. */
static double cand_pair_score(const CandPair *cp)
{
    return terms_sum(&cp->pk.terms) + cp->terms;
}

static int carve_one(CarveCtx *cx, CandSlot *s, int ci, int e)
{
    const Model *m = cx->m;
    PairData *p = pair_build(m, ci, e, cx->w);
    if (!p)
        return MW_ENOMEM;
    p->keep_basis = 1;                    /* the pricing of this pair starts from it */
    Package pk;
    int st = cx->cache ? carve_cache_solve(cx->cache, m, p, &pk) : carve_solve(p, &pk);
    pair_free(p);
    if (st != MW_OK)
        return MW_ENOMEM;
    return carve_record(cx, s, ci, e, pk);
}

/* Counts the standalone carve pk of pair (ci, e) in s and keeps it as an
 * item when it has a package (s owns it then). MW_OK or MW_ENOMEM. */
static int carve_record(CarveCtx *cx, CandSlot *s, int ci, int e, Package pk)
{
    const Model *m = cx->m;
    s->solves++;
    s->solver_errors += pk.status == CARVE_SOLVER_ERROR;
    s->time_limits += pk.status == CARVE_TIME_LIMIT;
    if (pk.n == 0) {
        package_free(&pk);
        s->no_package++;
        return MW_OK;
    }
    if (mw_grow((void **)&s->items, &s->cap, s->n + 1, sizeof *s->items)) {
        package_free(&pk);
        return MW_ENOMEM;
    }
    CandPair *cp = &s->items[s->n++];
    cp->emp = e;
    cp->travel = travel_minutes(&m->candidates[ci], &m->employers[e]);
    cp->terms = pair_terms(m, cx->w, ci, e, cp->travel);
    /* the risk term is a pair term too (DESIGN §4.2): from the standalone package */
    cp->terms += riskflags_points(m, cx->w, ci, e, &pk, cp->travel);
    cp->pk = pk;
    return MW_OK;
}

static int cand_pair_cmp(const void *a, const void *b)
{
    return ((const CandPair *)a)->emp - ((const CandPair *)b)->emp;
}

/* With more than cx->top pairs through the filters: rank them by upper
 * bound + pair terms, carve the top ones (items back in employer order) and
 * keep the rest in s->pruned. A pair without entering tasks is not ranked:
 * it counts in no_package as without pruning. */
static int carve_top(CarveCtx *cx, CandSlot *s, int ci, const int *emps, int n)
{
    const Model *m = cx->m;
    PruneItem *rank = mw_malloc(sizeof *rank * (size_t)(n + 1));
    if (!rank)
        return MW_ENOMEM;
    int nr = 0;
    for (int k = 0; k < n; k++) {
        PairData *p = pair_build(m, ci, emps[k], cx->w);
        if (!p) {
            mw_free(rank);
            return MW_ENOMEM;
        }
        if (p->nt == 0) {
            s->solves++;              /* what carve_solve would have counted */
            s->no_package++;
        } else {
            double tr = travel_minutes(&m->candidates[ci], &m->employers[emps[k]]);
            rank[nr++] = (PruneItem){emps[k], prune_pair_bound(p) + pair_terms(m, cx->w, ci, emps[k], tr) +
                                                  risk_cap(cx->w)};
        }
        pair_free(p);
    }
    prune_sort(rank, nr);
    int st = MW_OK;
    for (int k = 0; k < nr && k < cx->top0 && st == MW_OK; k++)
        st = carve_one(cx, s, ci, rank[k].emp);
    if (st == MW_OK && nr > cx->top0) {
        s->n_pruned = nr - cx->top0;
        s->n_deferred = (nr < cx->top ? nr : cx->top) - cx->top0;
        s->pruned = mw_malloc(sizeof *s->pruned * (size_t)s->n_pruned);
        if (s->pruned)
            memcpy(s->pruned, rank + cx->top0, sizeof *s->pruned * (size_t)s->n_pruned);
        else
            st = MW_ENOMEM;
    }
    mw_free(rank);
    if (st == MW_OK && s->n > 1)
        qsort(s->items, (size_t)s->n, sizeof *s->items, cand_pair_cmp);
    return st;
}

static void carve_candidate(void *ctx, int ci)
{
    CarveCtx *cx = ctx;
    const Model *m = cx->m;
    CandSlot *s = &cx->slots[ci];
    if (cx->skip && cx->skip[ci])
        return;
    int *pass = NULL, npass = 0;
    if (cx->top > 0 && !(pass = mw_malloc(sizeof(int) * (size_t)(m->n_employers + 1))))
        goto oom;
    for (int e = 0; e < m->n_employers; e++) {
        PairReason why = pair_filter(m, ci, e, NULL, NULL);
        s->reasons[why]++;
        if (why != PAIR_OK)
            continue;
        if (pass)
            pass[npass++] = e;            /* carved below, once the count is known */
        else if (carve_one(cx, s, ci, e))
            goto oom;
    }
    if (pass && npass <= cx->top0) {
        for (int k = 0; k < npass; k++)
            if (carve_one(cx, s, ci, pass[k]))
                goto oom;
    } else if (pass && carve_top(cx, s, ci, pass, npass)) {
        goto oom;
    }
    mw_free(pass);
    return;
oom:
    mw_free(pass);
    s->status = MW_ENOMEM;
    pool_halt(cx->pool);
}

static void cand_slots_free(CandSlot *cs, int n)
{
    for (int c = 0; cs && c < n; c++) {
        for (int k = 0; k < cs[c].n; k++)
            package_free(&cs[c].items[k].pk);
        mw_free(cs[c].items);
        mw_free(cs[c].pruned);
    }
    mw_free(cs);
}

/* ---- the master problem ------------------------------------------------------ */

/* Whether the scenario rows exist (RegionOptions). */
static int region_budget_row(const RegionOptions *o)
{
    return o && o->cost_hour && o->budget >= 0;
}

static int region_jobcoach_row(const RegionOptions *o)
{
    return o && o->jobcoach_hours && o->jobcoach_pool >= 0;
}

/* ROW_BUDGET and ROW_JOBCOACH are the scenario rows (one each, index 0). */
enum { ROW_CAND, ROW_TASK, ROW_INTAKE, ROW_SUP, ROW_DONOR, ROW_BUDGET, ROW_JOBCOACH, ROW_KINDS };

typedef struct {
    int n;
    int *row;
    double *val;
} ColCoef;

/* Rows are made when the first column needs them, so their order follows
 * the column order (deterministic). The LP is rebuilt for every solve, from
 * these numbers and the last optimal basis: a GLPK fault (which frees the
 * thread's environment) then loses nothing. */
typedef struct {
    int nrows, caprows;
    double *ub;               /* [nrows] right-hand sides */
    int *kind, *index;        /* [nrows] ROW_* and its model index */
    int *map[ROW_KINDS];      /* model index -> row, -1 until a column needs it */
    int ncols, capcols, capnext;
    ColCoef *coef;            /* [ncols] one per Region column */
    int *next;                /* [ncols] the next column of the same pair, -1 at the end */
    int *tail;                /* [n_pairs] the last column of each pair */
    int nbasis_rows, nbasis_cols, cap_rstat, cap_cstat;
    int *row_stat, *col_stat; /* the last optimal basis */
    int capheld;
    char *held;               /* [ncols] 1: held at 0 in the master LP until its reduced
                                 cost shows it can improve (master_pool); NULL = none held */
    const RegionOptions *o;   /* the scenario rows: budget and jobcoach pool */
    const double *fixed_use[ROW_KINDS];  /* what the fixed columns take of each row, by model
                                            index (FixedRegion's arrays; NULL = nothing) */
} Master;

static int master_init(Master *ms, const Model *m, int n_pairs)
{
    int size[ROW_KINDS] = {m->n_candidates, m->n_tasks, m->n_employers, m->n_employers, m->n_jobs, 1, 1};
    memset(ms, 0, sizeof *ms);
    for (int k = 0; k < ROW_KINDS; k++) {
        ms->map[k] = mw_malloc(sizeof(int) * (size_t)(size[k] + 1));
        if (!ms->map[k])
            return MW_ENOMEM;
        for (int i = 0; i < size[k]; i++)
            ms->map[k][i] = -1;
    }
    ms->tail = mw_malloc(sizeof(int) * (size_t)(n_pairs + 1));
    if (!ms->tail)
        return MW_ENOMEM;
    for (int i = 0; i < n_pairs; i++)
        ms->tail[i] = -1;
    return MW_OK;
}

static void master_free(Master *ms)
{
    for (int k = 0; k < ms->ncols; k++) {
        mw_free(ms->coef[k].row);
        mw_free(ms->coef[k].val);
    }
    for (int k = 0; k < ROW_KINDS; k++)
        mw_free(ms->map[k]);
    mw_free(ms->coef);
    mw_free(ms->next);
    mw_free(ms->tail);
    mw_free(ms->ub);
    mw_free(ms->kind);
    mw_free(ms->index);
    mw_free(ms->row_stat);
    mw_free(ms->col_stat);
    mw_free(ms->held);
    memset(ms, 0, sizeof *ms);
}

/* The row of (kind, index), made with right-hand side ub when new; -1 on OOM. */
static int master_row(Master *ms, int kind, int index, double ub)
{
    int *slot = &ms->map[kind][index];
    if (*slot >= 0)
        return *slot;
    if (ms->fixed_use[kind]) {
        ub -= ms->fixed_use[kind][index];   /* what the current placements already take */
        if (ub < 0)
            ub = 0;
    }
    int cap = ms->caprows;
    if (ms->nrows + 1 > cap) {
        int ncap = cap ? cap * 2 : 64;
        double *u = mw_realloc(ms->ub, sizeof(double) * (size_t)ncap);
        if (u)
            ms->ub = u;
        int *k = mw_realloc(ms->kind, sizeof(int) * (size_t)ncap);
        if (k)
            ms->kind = k;
        int *x = mw_realloc(ms->index, sizeof(int) * (size_t)ncap);
        if (x)
            ms->index = x;
        if (!u || !k || !x)
            return -1;
        ms->caprows = ncap;
    }
    ms->ub[ms->nrows] = ub;
    ms->kind[ms->nrows] = kind;
    ms->index[ms->nrows] = index;
    return *slot = ms->nrows++;
}

static int coef_push(Master *ms, ColCoef *cc, int kind, int index, double ub, double v)
{
    int row = master_row(ms, kind, index, ub);
    if (row < 0)
        return MW_ENOMEM;
    cc->row[cc->n] = row;
    cc->val[cc->n++] = v;
    return MW_OK;
}

/* Registers Region column `col` (the next one) with its coefficients:
 * candidate 1, intake 1, supervision sup_p, work per task, and per donor
 * job j with R_j > 0 its work minus R_j when the column takes j's vacancy. */
static int master_add(Master *ms, const Model *m, const Region *r, int col)
{
    const Column *cl = &r->cols[col];
    const Package *pk = &cl->pk;
    const RegionPair *rp = &r->pairs[cl->pair];
    const Employer *e = &m->employers[rp->emp];
    assert(col == ms->ncols);           /* columns are registered in order */
    if (mw_grow((void **)&ms->coef, &ms->capcols, col + 1, sizeof *ms->coef) ||
        mw_grow((void **)&ms->next, &ms->capnext, col + 1, sizeof *ms->next) ||
        (ms->held && mw_grow((void **)&ms->held, &ms->capheld, col + 1, 1)))
        return MW_ENOMEM;
    if (ms->held)
        ms->held[col] = 0;              /* a new column enters the LP */
    ColCoef cc = {0, mw_malloc(sizeof(int) * (size_t)(6 + 2 * pk->n)),
                  mw_malloc(sizeof(double) * (size_t)(6 + 2 * pk->n))};
    if (!cc.row || !cc.val)
        goto oom;
    if (coef_push(ms, &cc, ROW_CAND, rp->cand, 1, 1) ||
        coef_push(ms, &cc, ROW_INTAKE, rp->emp, e->max_new_placements, 1))
        goto oom;
    if (pk->sup_minutes != 0 &&
        coef_push(ms, &cc, ROW_SUP, rp->emp, e->supervision_min_day * e->working_days, pk->sup_minutes))
        goto oom;
    for (int k = 0; k < pk->n; k++)
        if (pk->tasks[k].work != 0 &&
            coef_push(ms, &cc, ROW_TASK, pk->tasks[k].task, m->tasks[pk->tasks[k].task].hours_week,
                      pk->tasks[k].work))
            goto oom;
    /* donor jobs: those of the tasks (first occurrence), then the vacancy's */
    for (int k = 0; k <= pk->n; k++) {
        int j = k < pk->n ? m->tasks[pk->tasks[k].task].job : pk->vacancy_job;
        if (j < 0 || m->jobs[j].min_residual_hours <= 0)
            continue;
        int seen = 0;
        for (int q = 0; q < k && q < pk->n; q++)
            seen |= m->tasks[pk->tasks[q].task].job == j;
        if (seen)
            continue;
        double R = m->jobs[j].min_residual_hours, v = 0;
        for (int q = 0; q < pk->n; q++)
            if (m->tasks[pk->tasks[q].task].job == j)
                v += pk->tasks[q].work;
        if (pk->vacancy_job == j)
            v -= R;
        if (v != 0 && coef_push(ms, &cc, ROW_DONOR, j, m->jobs[j].hours_week - R, v))
            goto oom;
    }
    if (region_budget_row(ms->o) && ms->o->cost_hour[rp->cand] * pk->hours != 0 &&
        coef_push(ms, &cc, ROW_BUDGET, 0, ms->o->budget, ms->o->cost_hour[rp->cand] * pk->hours))
        goto oom;
    if (region_jobcoach_row(ms->o) && ms->o->jobcoach_hours[rp->cand] != 0 &&
        coef_push(ms, &cc, ROW_JOBCOACH, 0, ms->o->jobcoach_pool, ms->o->jobcoach_hours[rp->cand]))
        goto oom;
    ms->coef[col] = cc;
    ms->next[col] = -1;
    if (ms->tail[cl->pair] >= 0)
        ms->next[ms->tail[cl->pair]] = col;
    ms->tail[cl->pair] = col;
    ms->ncols++;
    return MW_OK;
oom:
    mw_free(cc.row);
    mw_free(cc.val);
    return MW_ENOMEM;
}

/* Loads the master into b: rows Σ a·x ≤ rhs, one column per Region column
 * (binary when integer, else 0..1; with `pooled`, a held column is fixed at
 * 0) with its score, and the last optimal basis (rows and columns added
 * since keep GLPK's defaults: basic slack, column at zero, which keeps the
 * basis valid; GLPK turns a stored status that no longer fits a column's
 * bounds into the fitting non-basic one). */
static int master_load(const Master *ms, const Region *r, int integer, int pooled, LpBuilder *b)
{
    glp_set_obj_dir(b->lp, GLP_MAX);
    for (int i = 0; i < ms->nrows; i++)
        lp_add_row(b, -HUGE_VAL, ms->ub[i]);
    for (int k = 0; k < r->n_cols; k++)
        lp_add_col(b, integer ? GLP_BV : GLP_CV, 0, pooled && ms->held && ms->held[k] ? 0 : 1,
                   r->cols[k].score + (integer ? r->cols[k].churn_bonus : 0));
    for (int k = 0; k < r->n_cols; k++)
        for (int q = 0; q < ms->coef[k].n; q++)
            lp_coef(b, ms->coef[k].row[q], k, ms->coef[k].val[q]);
    if (lp_load_matrix(b))
        return MW_ENOMEM;
    for (int i = 0; i < ms->nbasis_rows; i++)
        glp_set_row_stat(b->lp, lp_row1(i), ms->row_stat[i]);
    for (int k = 0; k < ms->nbasis_cols; k++)
        glp_set_col_stat(b->lp, lp_col1(k), ms->col_stat[k]);
    return MW_OK;
}

/* Solves the LP from the stored basis, falling back to the standard basis
 * when GLPK refuses it; meth: GLP_PRIMAL after columns entered (the basis
 * stays primal feasible), GLP_DUALP after bounds changed (it stays dual
 * feasible; GLPK falls back to the primal simplex if the dual one fails).
 * 1 when optimal. */
static int master_simplex(glp_prob *lp, int tm_lim, int meth)
{
    int ret = lp_simplex_warm(lp, tm_lim, meth);
    return ret == 0 && glp_get_status(lp) == GLP_OPT;
}

static void master_keep_basis(Master *ms, glp_prob *lp)
{
    if (mw_grow((void **)&ms->row_stat, &ms->cap_rstat, ms->nrows, sizeof(int)) ||
        mw_grow((void **)&ms->col_stat, &ms->cap_cstat, ms->ncols, sizeof(int))) {
        ms->nbasis_rows = ms->nbasis_cols = 0;      /* no warm start next time; nothing lost */
        return;
    }
    for (int i = 0; i < ms->nrows; i++)
        ms->row_stat[i] = glp_get_row_stat(lp, lp_row1(i));
    for (int k = 0; k < ms->ncols; k++)
        ms->col_stat[k] = glp_get_col_stat(lp, lp_col1(k));
    ms->nbasis_rows = ms->nrows;
    ms->nbasis_cols = ms->ncols;
}

/* A column and its score (or LP value), for orderings: best first, ties by
 * lower column index. */
typedef struct {
    double score;
    int col;
} Ranked;

static int ranked_cmp(const void *a, const void *b)
{
    const Ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->col - y->col;
}

/* On the heap, so that it survives the error hook's longjmp with defined values. */
typedef struct {
    LpTrap trap;
    LpBuilder b;
    double *used;             /* master_dive's scratch: row use of the columns fixed at 1 */
    Ranked *cand;             /* master_dive's scratch: the fractional columns */
} MasterRun;

/* The column pool of a large master (more than RegionOptions.master_pool_cols
 * columns when pricing starts): the LP holds only each candidate's best column at
 * first, the others are held at 0, and after each solve the held columns
 * with a positive reduced cost enter, at most POOL_PER_CAND per candidate
 * (best first), until none has one. The LP optimum is then the optimum over
 * every column, with the same value as without a pool, and its duals price
 * every column out; but GLPK works on a few columns per candidate instead
 * of all of them (L, 110,013 columns: 2.1 s with the best column of each
 * candidate, over 150 s with all). */
enum { POOL_PER_CAND = 2 };

/* Holds every column but the best of each candidate (ties: lower index),
 * when the master has more than `limit` columns (< 0: never). MW_OK or
 * MW_ENOMEM. */
static int master_pool(Master *ms, const Region *r, int n_candidates, int limit)
{
    if (limit < 0 || ms->ncols <= limit)
        return MW_OK;
    ms->held = mw_malloc((size_t)ms->ncols);
    int *best = mw_malloc(sizeof(int) * (size_t)(n_candidates + 1));
    if (!ms->held || !best) {
        mw_free(best);
        return MW_ENOMEM;
    }
    ms->capheld = ms->ncols;
    for (int c = 0; c < n_candidates; c++)
        best[c] = -1;
    for (int k = 0; k < ms->ncols; k++) {
        int c = r->pairs[r->cols[k].pair].cand;
        ms->held[k] = 1;
        if (best[c] < 0 || r->cols[k].score > r->cols[best[c]].score)
            best[c] = k;
    }
    for (int c = 0; c < n_candidates; c++)
        if (best[c] >= 0)
            ms->held[best[c]] = 0;
    mw_free(best);
    return MW_OK;
}

/* The LP's row duals y[nrows], clamped at 0: every row is ≤ in a maximisation. */
static void master_duals(const Master *ms, glp_prob *lp, double *y)
{
    for (int i = 0; i < ms->nrows; i++) {
        double d = glp_get_row_dual(lp, lp_row1(i));
        y[i] = d > 0 ? d : 0;
    }
}

/* Scratch for master_pool_simplex: [ncols], [n_candidates] and [nrows]. */
typedef struct {
    Ranked *rc;
    int *per;
    double *y;
    int churn;                /* 1: the objective has the churn bonus (the dive's) */
} PoolScratch;

static int pool_scratch(PoolScratch *ps, const Master *ms, int n_candidates)
{
    ps->rc = mw_malloc(sizeof *ps->rc * (size_t)(ms->ncols + 1));
    ps->per = mw_malloc(sizeof(int) * (size_t)(n_candidates + 1));
    ps->y = mw_malloc(sizeof(double) * (size_t)(ms->nrows + 1));
    return ps->rc && ps->per && ps->y ? MW_OK : MW_ENOMEM;
}

static void pool_scratch_free(PoolScratch *ps)
{
    mw_free(ps->rc);
    mw_free(ps->per);
    mw_free(ps->y);
}

/* Frees, in lp, the held columns (held[k] = 1) that price positive at the
 * LP's duals: at most POOL_PER_CAND per candidate, best reduced cost first
 * (ties: lower index). Returns how many entered. */
static int master_release(const Master *ms, char *held, const Region *r, glp_prob *lp, int n_candidates,
                          PoolScratch *ps)
{
    Ranked *rc = ps->rc;
    int *per = ps->per, n = 0, in = 0;
    master_duals(ms, lp, ps->y);
    for (int k = 0; k < ms->ncols; k++) {
        if (!held[k])
            continue;
        double v = r->cols[k].score + (ps->churn ? r->cols[k].churn_bonus : 0);
        const ColCoef *cc = &ms->coef[k];
        for (int q = 0; q < cc->n; q++)
            v -= ps->y[cc->row[q]] * cc->val[q];
        if (v > RC_EPS)
            rc[n++] = (Ranked){v, k};
    }
    qsort(rc, (size_t)n, sizeof *rc, ranked_cmp);
    memset(per, 0, sizeof(int) * (size_t)n_candidates);
    for (int q = 0; q < n; q++) {
        int k = rc[q].col, c = r->pairs[r->cols[k].pair].cand;
        if (per[c] >= POOL_PER_CAND)
            continue;
        per[c]++;
        held[k] = 0;
        glp_set_col_bnds(lp, lp_col1(k), GLP_DB, 0, 1);
        in++;
    }
    return in;
}

/* master_simplex until no held column prices positive (held NULL: once),
 * within t_end (monotonic seconds); the first solve with method meth, the
 * ones after columns entered with the primal simplex. 1 when optimal over
 * every column. */
static int master_pool_simplex(const Master *ms, char *held, const Region *r, glp_prob *lp, int n_candidates,
                               PoolScratch *ps, double t_end, int meth)
{
    for (;;) {
        int left = (int)((t_end - now_s()) * 1000);
        if (left < 1 || !master_simplex(lp, left, meth))
            return 0;
        meth = GLP_PRIMAL;
        if (!held || master_release(ms, held, r, lp, n_candidates, ps) == 0)
            return 1;
    }
}

/* The master LP: *ok = 1 with *value and the row duals y[nrows] (clamped
 * at 0: every row is ≤ in a maximisation), over every column (held ones
 * enter while they price positive). MW_OK or MW_ENOMEM. */
static int master_lp(Master *ms, const Region *r, int n_candidates, int tm_lim, double *value, double *y, int *ok)
{
    *ok = 0;
    MasterRun *s = mw_calloc(1, sizeof *s);
    if (!s)
        return MW_ENOMEM;
    int status;
    PoolScratch ps = {0};
    if (setjmp(s->trap.jump)) {
        lp_trapped(&s->b);
        *ok = 0;
        status = MW_OK;
    } else {
        lp_open(&s->b, &s->trap);
        double t_end = now_s() + tm_lim / 1000.0;
        status = master_load(ms, r, 0, 1, &s->b);
        if (status == MW_OK && ms->held)
            status = pool_scratch(&ps, ms, n_candidates);
        if (status == MW_OK && master_pool_simplex(ms, ms->held, r, s->b.lp, n_candidates, &ps, t_end, GLP_PRIMAL)) {
            *value = glp_get_obj_val(s->b.lp);
            master_duals(ms, s->b.lp, y);
            master_keep_basis(ms, s->b.lp);
            *ok = 1;
        }
    }
    lp_close(&s->b);
    pool_scratch_free(&ps);
    mw_free(s);
    return status;
}

/* Hands GLPK the greedy proposal once, as a first incumbent. */
typedef struct {
    const double *x1;         /* [1..ncols] */
    int given;
    int node_limit_hit;
} Heuristic;

/* The branch-and-bound of the integer master stops after this many nodes:
 * unlike a time limit, a node limit gives the same proposal on every
 * machine and under any load (the time limit stays as a safety net). */
enum { MASTER_NODE_LIMIT = 1000 };

/* Above this many columns the integer master is the diving heuristic's
 * proposal alone: branch and bound over them did not finish its first
 * nodes within the 60 s limit (1,000 x 200: 9,740 columns), while the
 * dive takes seconds. A column count, so the same on every machine. */
enum { MASTER_BB_COLS = 4000 };

/* The dive fixes every fractional column at this LP value or more in one
 * step, when it fits (a candidate row lets at most one of its columns be
 * above 0.5). */
#define DIVE_BULK 0.6

static void master_callback(glp_tree *tree, void *info)
{
    Heuristic *h = info;
    if (glp_ios_reason(tree) == GLP_IHEUR && !h->given) {
        h->given = 1;
        glp_ios_heur_sol(tree, h->x1);
    }
    if (glp_ios_reason(tree) == GLP_ISELECT) {
        int total;
        glp_ios_tree_size(tree, NULL, NULL, &total);
        if (total > MASTER_NODE_LIMIT) {
            h->node_limit_hit = 1;
            glp_ios_terminate(tree);
        }
    }
}

typedef struct {
    LpTrap trap;
    LpBuilder b;
    Heuristic heur;
} MipRun;

/* The integer master over every column. take[k] = 1 for chosen columns;
 * *mstatus 0 optimal, 1 time limit with a solution, 2 none (take untouched).
 * greedy_x1 is a feasible solution ([1..ncols]) given to GLPK first. */
static int master_mip(const Master *ms, const Region *r, int tm_lim, const double *greedy_x1, char *take,
                      int *mstatus)
{
    *mstatus = 2;
    MipRun *s = mw_calloc(1, sizeof *s);
    if (!s)
        return MW_ENOMEM;
    int status;
    if (setjmp(s->trap.jump)) {
        lp_trapped(&s->b);
        *mstatus = 2;
        status = MW_OK;
    } else {
        lp_open(&s->b, &s->trap);
        status = master_load(ms, r, 1, 0, &s->b);
        if (status == MW_OK && master_simplex(s->b.lp, tm_lim, GLP_PRIMAL)) {
            glp_iocp iocp;
            glp_init_iocp(&iocp);
            iocp.msg_lev = GLP_MSG_OFF;
            iocp.presolve = GLP_OFF;
            iocp.tm_lim = tm_lim;
            /* the master is nearly a set-packing problem (one package per
             * candidate, intake): clique cuts close most of its gap at the
             * root (S: 1.9 s at the node limit -> 0.02 s optimal) */
            iocp.clq_cuts = GLP_ON;
            s->heur.x1 = greedy_x1;
            iocp.cb_func = master_callback;
            iocp.cb_info = &s->heur;
            int term = glp_term_out(GLP_OFF);   /* the conflict graph talks regardless of msg_lev */
            int ret = glp_intopt(s->b.lp, &iocp);
            glp_term_out(term);
            int mst = glp_mip_status(s->b.lp);
            if (mst == GLP_OPT || mst == GLP_FEAS) {
                *mstatus = ret == 0 && mst == GLP_OPT ? 0 : s->heur.node_limit_hit ? 3 : 1;
                for (int k = 0; k < r->n_cols; k++)
                    take[k] = glp_mip_col_val(s->b.lp, lp_col1(k)) > 0.5;
            }
        }
    }
    lp_close(&s->b);
    mw_free(s);
    return status;
}

/* Whether column k fits in the rows beside the row use `used` (within a
 * relative ROW_EPS); master_use adds k's use. For the greedy and the dive. */
static int master_fits(const Master *ms, const double *used, int k)
{
    const ColCoef *cc = &ms->coef[k];
    for (int q = 0; q < cc->n; q++) {
        double ub = ms->ub[cc->row[q]];
        if (used[cc->row[q]] + cc->val[q] > ub + ROW_EPS * (fabs(ub) > 1 ? fabs(ub) : 1))
            return 0;
    }
    return 1;
}

static void master_use(const Master *ms, double *used, int k)
{
    const ColCoef *cc = &ms->coef[k];
    for (int q = 0; q < cc->n; q++)
        used[cc->row[q]] += cc->val[q];
}

static void master_unuse(const Master *ms, double *used, int k)
{
    const ColCoef *cc = &ms->coef[k];
    for (int q = 0; q < cc->n; q++)
        used[cc->row[q]] -= cc->val[q];
}

/* The diving heuristic for the integer master: from the master LP, fix at
 * 1 every column the LP sets to 1; then the largest fractional column and
 * every other at DIVE_BULK or more, each when it still fits in the rows
 * beside the columns fixed so far (so the LP stays feasible: all the other
 * columns can go to 0), and at 0 every fractional column that does not fit
 * (it never will: the fixed columns only grow); re-solve from the current
 * basis with the dual simplex (only bounds changed; held columns of the
 * pool enter as they price positive) and repeat until the LP is integral.
 * Deterministic. Fixing the columns that cannot fit all at once, instead
 * of the largest in each step, and the dual simplex took M's dive from 153
 * re-solves (4.4 s) to 0.8 s with a better proposal (21,535.8 -> 21,585.5);
 * at L (K = 6, --time-limit 300) the dive had stopped at its time limit with
 * 1,500 fractional columns left (180,358), now 191,180, 2.7% under the
 * master LP. take[k] = 1 for the columns of the proposal (when time
 * runs out: the columns fixed at 1 so far, a feasible proposal); *found = 0
 * when GLPK failed (take untouched). MW_OK or MW_ENOMEM. Large masters get
 * a proposal within a few percent of the LP in seconds, where branch and
 * bound from a greedy start did not (1,000 x 200: 4.7% after its 60 s
 * limit). */
static int master_dive(const Master *ms, const Region *r, int n_candidates, int tm_lim, char *take, int *found)
{
    *found = 0;
    MasterRun *s = mw_calloc(1, sizeof *s);
    if (!s)
        return MW_ENOMEM;
    int status;
    PoolScratch ps = {0};
    ps.churn = 1;
    char *held = NULL;        /* the pool's held columns, released here as they price positive */
    if (setjmp(s->trap.jump)) {
        lp_trapped(&s->b);
        status = MW_OK;
    } else {
        lp_open(&s->b, &s->trap);
        status = master_load(ms, r, 0, 1, &s->b);
        glp_prob *lp = s->b.lp;
        for (int k = 0; status == MW_OK && k < r->n_cols; k++)   /* as the integer master sees it */
            glp_set_obj_coef(lp, lp_col1(k), r->cols[k].score + r->cols[k].churn_bonus);
        if (status == MW_OK && ms->held) {
            held = mw_malloc((size_t)ms->ncols + 1);
            status = held ? pool_scratch(&ps, ms, n_candidates) : MW_ENOMEM;
            if (held)
                memcpy(held, ms->held, (size_t)ms->ncols);
        }
        double t_end = now_s() + tm_lim / 1000.0;
        int ok = status == MW_OK && master_pool_simplex(ms, held, r, lp, n_candidates, &ps, t_end, GLP_PRIMAL);
        int partial = 0;
        s->used = ok ? mw_calloc((size_t)ms->nrows + 1, sizeof(double)) : NULL;
        s->cand = ok ? mw_malloc(sizeof *s->cand * (size_t)(r->n_cols + 1)) : NULL;
        if (ok && (!s->used || !s->cand)) {
            status = MW_ENOMEM;
            ok = 0;
        }
        while (ok) {
            /* columns the LP sets to 1 are fixed (they fit: the LP is
             * feasible with them); the fractional ones are candidates */
            int nc = 0;
            for (int k = 0; k < r->n_cols; k++) {
                if (glp_get_col_type(lp, lp_col1(k)) == GLP_FX)
                    continue;
                double x = glp_get_col_prim(lp, lp_col1(k));
                if (x >= 1 - 1e-7) {
                    glp_set_col_bnds(lp, lp_col1(k), GLP_FX, 1, 1);
                    master_use(ms, s->used, k);
                } else if (x > 1e-7) {
                    s->cand[nc++] = (Ranked){x, k};
                }
            }
            if (nc == 0)
                break;                    /* integral */
            int left = (int)((t_end - now_s()) * 1000);
            if (left < 1) {
                partial = 1;              /* out of time: the columns fixed at 1 so far */
                break;
            }
            /* the largest and every other at DIVE_BULK or more, fixed at 1
             * when it still fits beside the columns fixed so far (then the
             * LP stays feasible); every fractional column that does not fit
             * is fixed at 0: the columns fixed at 1 only grow, so it could
             * never fit later */
            qsort(s->cand, (size_t)nc, sizeof *s->cand, ranked_cmp);
            for (int q = 0; q < nc; q++) {
                int k = s->cand[q].col;
                if (!master_fits(ms, s->used, k)) {
                    glp_set_col_bnds(lp, lp_col1(k), GLP_FX, 0, 0);
                } else if (q == 0 || s->cand[q].score >= DIVE_BULK) {
                    glp_set_col_bnds(lp, lp_col1(k), GLP_FX, 1, 1);
                    master_use(ms, s->used, k);
                }
            }
            if (!master_pool_simplex(ms, held, r, lp, n_candidates, &ps, t_end, GLP_DUALP))
                partial = 1;              /* time limit (or GLPK trouble): what is fixed at 1 */
            if (partial)
                break;
        }
        if (ok) {
            *found = 1;
            for (int k = 0; k < r->n_cols; k++)
                take[k] = partial ? glp_get_col_type(lp, lp_col1(k)) == GLP_FX && glp_get_col_lb(lp, lp_col1(k)) == 1
                                  : glp_get_col_prim(lp, lp_col1(k)) > 0.5;
        }
    }
    lp_close(&s->b);
    mw_free(s->used);
    mw_free(s->cand);
    mw_free(held);
    pool_scratch_free(&ps);
    mw_free(s);
    return status;
}

/* Best score first (ties: lower column index), a column taken when every
 * row it touches still fits. */
static int master_greedy(const Master *ms, const Region *r, char *take)
{
    Ranked *order = mw_malloc(sizeof *order * (size_t)(r->n_cols + 1));
    double *used = mw_calloc((size_t)ms->nrows + 1, sizeof(double));
    if (!order || !used) {
        mw_free(order);
        mw_free(used);
        return MW_ENOMEM;
    }
    for (int k = 0; k < r->n_cols; k++)
        order[k] = (Ranked){r->cols[k].score + r->cols[k].churn_bonus, k};
    qsort(order, (size_t)r->n_cols, sizeof *order, ranked_cmp);
    memset(take, 0, (size_t)r->n_cols);
    for (int i = 0; i < r->n_cols; i++) {
        if (order[i].score <= 0 || !master_fits(ms, used, order[i].col))
            continue;
        take[order[i].col] = 1;
        master_use(ms, used, order[i].col);
    }
    mw_free(order);
    mw_free(used);
    return MW_OK;
}

/* Improves a proposal by single moves, best score first: a column of a
 * candidate without one, or a better column of a candidate that has one
 * (its own column leaves), whenever every row still fits. Repeats until a
 * pass changes nothing (at most POLISH_PASSES). Deterministic; never makes
 * the proposal worse. MW_OK or MW_ENOMEM (take unchanged). */
enum { POLISH_PASSES = 8 };
static int master_polish(const Master *ms, const Region *r, const Model *m, char *take)
{
    Ranked *order = mw_malloc(sizeof *order * (size_t)(r->n_cols + 1));
    double *used = mw_calloc((size_t)ms->nrows + 1, sizeof(double));
    int *mine = mw_malloc(sizeof(int) * (size_t)(m->n_candidates + 1));
    if (!order || !used || !mine) {
        mw_free(order);
        mw_free(used);
        mw_free(mine);
        return MW_ENOMEM;
    }
    for (int c = 0; c < m->n_candidates; c++)
        mine[c] = -1;
    for (int k = 0; k < r->n_cols; k++) {
        order[k] = (Ranked){r->cols[k].score + r->cols[k].churn_bonus, k};
        if (take[k]) {
            master_use(ms, used, k);
            mine[r->pairs[r->cols[k].pair].cand] = k;
        }
    }
    qsort(order, (size_t)r->n_cols, sizeof *order, ranked_cmp);
    for (int pass = 0, changed = 1; changed && pass < POLISH_PASSES; pass++) {
        changed = 0;
        for (int i = 0; i < r->n_cols; i++) {
            int k = order[i].col, c = r->pairs[r->cols[k].pair].cand, cur = mine[c];
            double now = cur >= 0 ? r->cols[cur].score + r->cols[cur].churn_bonus : 0;
            if (take[k] || order[i].score <= now + RC_EPS)
                continue;
            if (cur >= 0)
                master_unuse(ms, used, cur);
            if (master_fits(ms, used, k)) {
                master_use(ms, used, k);
                take[k] = 1;
                if (cur >= 0)
                    take[cur] = 0;
                mine[c] = k;
                changed = 1;
            } else if (cur >= 0) {
                master_use(ms, used, cur);
            }
        }
    }
    mw_free(order);
    mw_free(used);
    mw_free(mine);
    return MW_OK;
}

/* ---- pricing ----------------------------------------------------------------- */

/* The master's duals by model index (0 where the row does not exist). */
typedef struct {
    double *by[ROW_KINDS];    /* candidate, task, intake, supervision, donor, budget, jobcoach */
    double *vac_bonus;        /* [n_employers] max over e's vacancy jobs of donor dual × R_j */
    const RegionOptions *o;   /* the scenario rows' coefficients */
} Duals;

/* The scenario rows' price of a package of candidate c with `hours` weekly
 * hours: budget dual × its cost + jobcoach dual × its jobcoach hours. */
static double scenario_price(const Duals *d, int c, double hours)
{
    double v = 0;
    if (region_budget_row(d->o))
        v += d->by[ROW_BUDGET][0] * d->o->cost_hour[c] * hours;
    if (region_jobcoach_row(d->o))
        v += d->by[ROW_JOBCOACH][0] * d->o->jobcoach_hours[c];
    return v;
}

static int duals_init(Duals *d, const Model *m)
{
    int size[ROW_KINDS] = {m->n_candidates, m->n_tasks, m->n_employers, m->n_employers, m->n_jobs, 1, 1};
    for (int k = 0; k < ROW_KINDS; k++)
        if (!(d->by[k] = mw_calloc((size_t)size[k] + 1, sizeof(double))))
            return MW_ENOMEM;
    d->vac_bonus = mw_calloc((size_t)m->n_employers + 1, sizeof(double));
    return d->vac_bonus ? MW_OK : MW_ENOMEM;
}

static void duals_free(Duals *d)
{
    for (int k = 0; k < ROW_KINDS; k++)
        mw_free(d->by[k]);
    mw_free(d->vac_bonus);
}

static void duals_set(Duals *d, const Model *m, const Master *ms, const double *y)
{
    int size[ROW_KINDS] = {m->n_candidates, m->n_tasks, m->n_employers, m->n_employers, m->n_jobs, 1, 1};
    for (int k = 0; k < ROW_KINDS; k++)
        memset(d->by[k], 0, sizeof(double) * (size_t)size[k]);
    for (int i = 0; ms && i < ms->nrows; i++)
        d->by[ms->kind[i]][ms->index[i]] = y[i];
    for (int e = 0; e < m->n_employers; e++) {
        double best = 0;
        const Employer *em = &m->employers[e];
        for (int k = 0; k < em->jobs.n; k++) {
            const Job *j = &m->jobs[em->jobs.items[k]];
            double b = d->by[ROW_DONOR][em->jobs.items[k]] * j->min_residual_hours;
            if (j->is_vacancy && j->min_residual_hours > 0 && b > best)
                best = b;
        }
        d->vac_bonus[e] = best;
    }
}

/* The reduced cost of a package of pair rp against the duals, from its
 * column coefficients (the master's own definition). */
static double column_rc(const Model *m, const Duals *d, const RegionPair *rp, const Package *pk, double score)
{
    double rc = score - d->by[ROW_CAND][rp->cand] - d->by[ROW_INTAKE][rp->emp] - d->by[ROW_SUP][rp->emp] * pk->sup_minutes;
    for (int k = 0; k < pk->n; k++) {
        int t = pk->tasks[k].task;
        rc -= (d->by[ROW_TASK][t] + d->by[ROW_DONOR][m->tasks[t].job]) * pk->tasks[k].work;
    }
    if (pk->vacancy_job >= 0)
        rc += d->by[ROW_DONOR][pk->vacancy_job] * m->jobs[pk->vacancy_job].min_residual_hours;
    return rc - scenario_price(d, rp->cand, pk->hours);
}

enum { PRICE_NONE, PRICE_SKIPPED, PRICE_SOLVED };

typedef struct {
    int kind;                 /* PRICE_* (NONE: not reached before the deadline) */
    CarveStatus status;       /* when SOLVED */
    double g;                 /* bound on priced objective + pair terms − intake dual */
    double rc;                /* the package's reduced cost, when pk.n > 0 */
    double mip_bound;         /* when SOLVED to OPTIMAL or CUTOFF: the priced problem's bound */
    Package pk;
    int st;                   /* MW_OK or MW_ENOMEM */
} PriceSlot;

/* The prices of one round, as the pricing problem sees them: per unit of
 * work of a task (task + donor dual), per supervision minute of an employer,
 * the donor duals (the vacancy bonus) and the budget dual. Round 0 is the
 * standalone carve: every price 0 (NULL arrays). */
typedef struct {
    double *task, *donor, *sup;
    double budget;
} PriceSnap;

/* What pricing remembers of each pair between rounds: the round of its
 * last solve with a proven bound, and that bound of the priced problem.
 * Against later prices the bound moves by at most what the lower prices
 * give back (price_memo_bound), so a pair that cannot improve is skipped
 * without a solve. */
typedef struct {
    int nsnap, capsnap;
    PriceSnap *snap;
    int *round;               /* [n_pairs] */
    double *bound;            /* [n_pairs] */
} PriceMemo;

typedef struct {
    const Model *m;
    const Weights *w;
    const Region *r;
    const Duals *d;
    const PriceMemo *memo;
    PriceSlot *slots;
    Pool *pool;
    const int *first;         /* [n_candidates + 1]: candidate c's pairs are first[c] .. first[c+1]-1 */
    const Master *ms;         /* read only while the pool runs: the columns of each pair */
} PriceCtx;

static int same_package(const Package *a, const Package *b);

/* What pair i can reach without solving: its standalone bound plus the
 * vacancy bonus (prices on work, supervision and the budget are ≥ 0),
 * minus the intake dual and the jobcoach price (a constant of the
 * candidate). */
static double pair_g_fallback(const Region *r, const Duals *d, int i)
{
    const RegionPair *rp = &r->pairs[i];
    return r->cols[rp->standalone].pk.bound + d->vac_bonus[rp->emp] + rp->pair_terms - d->by[ROW_INTAKE][rp->emp] -
           scenario_price(d, rp->cand, 0);
}

/* A bound on pair i's priced optimum at duals d from its last proven bound
 * B0 at the prices of round k: the priced objective of any package differs
 * by − Σ_t Δprice_t·q_t − Δsup·S + the vacancy bonus's change − Δbudget·hours,
 * with 0 ≤ q_t ≤ W_t, 0 ≤ S ≤ the supervision capacity, one vacancy at most
 * and hours ≤ Hmax; only falling prices (and a rising bonus) can add. */
static double price_memo_bound(const Model *m, const PriceMemo *pm, const Duals *d, const RegionPair *rp, int i)
{
    const PriceSnap *k = &pm->snap[pm->round[i]];
    const Employer *em = &m->employers[rp->emp];
    double up = pm->bound[i];
    for (int a = 0; a < em->tasks.n; a++) {
        int t = em->tasks.items[a], j = m->tasks[t].job;
        double p0 = k->task ? k->task[t] + k->donor[j] : 0;
        double p1 = d->by[ROW_TASK][t] + d->by[ROW_DONOR][j];
        if (p0 > p1)
            up += (p0 - p1) * m->tasks[t].hours_week;
    }
    double s0 = k->sup ? k->sup[rp->emp] : 0, s1 = d->by[ROW_SUP][rp->emp];
    if (s0 > s1)
        up += (s0 - s1) * em->supervision_min_day * em->working_days;
    double vac = 0;
    for (int a = 0; a < em->jobs.n; a++) {
        int j = em->jobs.items[a];
        const Job *jb = &m->jobs[j];
        double gain = (d->by[ROW_DONOR][j] - (k->donor ? k->donor[j] : 0)) * jb->min_residual_hours;
        if (jb->is_vacancy && jb->min_residual_hours > 0 && gain > vac)
            vac = gain;
    }
    up += vac;
    if (region_budget_row(d->o) && k->budget > d->by[ROW_BUDGET][0])
        up += (k->budget - d->by[ROW_BUDGET][0]) * d->o->cost_hour[rp->cand] * m->candidates[rp->cand].max_hours_week;
    return up + rp->pair_terms - d->by[ROW_INTAKE][rp->emp] - scenario_price(d, rp->cand, 0);
}

/* What pair i can reach at the current duals without a solve: the smaller
 * of the fallback and the memo's bound. */
static double pair_g_known(const PriceCtx *cx, int i)
{
    double g = pair_g_fallback(cx->r, cx->d, i);
    double b = price_memo_bound(cx->m, cx->memo, cx->d, &cx->r->pairs[i], i);
    return b < g ? b : g;
}

/* Pair (c, e) as its pricing problem at duals d: the prices on its
 * objective and, as the cutoff, what an improving column must beat, with
 * pair terms `terms`. NULL without memory. */
static PairData *priced_pair(const Model *m, const Weights *w, const Duals *d, int c, int e, double terms)
{
    PairData *p = pair_build(m, c, e, w);
    if (!p)
        return NULL;
    p->price_work = mw_arena_alloc(&p->arena, sizeof(double) * (size_t)(p->nt + 1));
    p->price_vacancy = mw_arena_alloc(&p->arena, sizeof(double) * (size_t)(p->nj + 1));
    if (!p->price_work || !p->price_vacancy) {
        pair_free(p);
        return NULL;
    }
    /* the budget's price per hour, h = q / π, enters as a price per unit of work */
    double budget_hour = scenario_price(d, c, 1) - scenario_price(d, c, 0);
    for (int t = 0; t < p->nt; t++)
        p->price_work[t] = d->by[ROW_TASK][p->t[t].task] + d->by[ROW_DONOR][p->j[p->t[t].job].job] +
                           budget_hour / p->t[t].pi;
    p->price_sup = d->by[ROW_SUP][e];
    /* improving iff bound + pair terms − intake dual − candidate dual > RC_EPS */
    p->use_cutoff = 1;
    p->cutoff = d->by[ROW_CAND][c] + d->by[ROW_INTAKE][e] - terms + RC_EPS;
    /* a vacancy lifts the residual R_j: the donor row gains R_j, a bonus */
    for (int j = 0; j < p->nj; j++)
        p->price_vacancy[j] = p->j[j].vacancy ? -d->by[ROW_DONOR][p->j[j].job] * p->j[j].R : 0;
    return p;
}

static void price_pair(void *ctx, int i)
{
    PriceCtx *cx = ctx;
    const Model *m = cx->m;
    const Duals *d = cx->d;
    const RegionPair *rp = &cx->r->pairs[i];
    PriceSlot *s = &cx->slots[i];         /* s->g: pair_g_known, set by price_candidate */
    if (s->g - d->by[ROW_CAND][rp->cand] <= RC_EPS) {
        s->kind = PRICE_SKIPPED;      /* no package of this pair can improve */
        return;
    }
    PairData *p = priced_pair(m, cx->w, d, rp->cand, rp->emp, rp->pair_terms);
    if (!p)
        goto oom;
    p->basis = cx->r->cols[rp->standalone].pk.basis;     /* the same rows and columns: only */
    p->basis_n = cx->r->cols[rp->standalone].pk.basis_n; /* the prices differ */
    int st = carve_solve(p, &s->pk);
    pair_free(p);
    if (st != MW_OK)
        goto oom;
    s->kind = PRICE_SOLVED;
    s->status = s->pk.status;
    if (s->pk.status == CARVE_OPTIMAL || s->pk.status == CARVE_CUTOFF ||
        (s->pk.status == CARVE_TIME_LIMIT && s->pk.n > 0)) {
        double g = s->pk.bound + rp->pair_terms - d->by[ROW_INTAKE][rp->emp] - scenario_price(d, rp->cand, 0);
        if (g < s->g)
            s->g = g;
    }
    s->mip_bound = s->pk.status == CARVE_OPTIMAL || s->pk.status == CARVE_CUTOFF ? s->pk.bound : NAN;
    if (s->pk.n > 0)
        s->rc = column_rc(m, d, rp, &s->pk, terms_sum(&s->pk.terms) + rp->pair_terms);
    else
        package_free(&s->pk);
    return;
oom:
    s->st = MW_ENOMEM;
    pool_halt(cx->pool);
}

/* Partial pricing: candidate c's pairs in the order of what they can reach
 * (pair_g_known, best first), solved until PRICE_PER_CAND of them gave a
 * new improving column; the rest stay PRICE_NONE with that bound, so the
 * round's Lagrangian bound stays valid. A round that adds nothing
 * has priced every pair, so convergence is still proven. */
static void price_candidate(void *ctx, int c)
{
    PriceCtx *cx = ctx;
    int a = cx->first[c], n = cx->first[c + 1] - a;
    if (n <= 0)
        return;
    Ranked *order = mw_malloc(sizeof *order * (size_t)n);   /* score: the bound, col: the pair */
    if (!order) {
        cx->slots[a].st = MW_ENOMEM;
        pool_halt(cx->pool);
        return;
    }
    for (int k = 0; k < n; k++) {
        order[k] = (Ranked){pair_g_known(cx, a + k), a + k};
        cx->slots[a + k].g = order[k].score;
    }
    qsort(order, (size_t)n, sizeof *order, ranked_cmp);
    int found = 0;
    for (int k = 0; k < n && found < PRICE_PER_CAND; k++) {
        PriceSlot *s = &cx->slots[order[k].col];
        price_pair(ctx, order[k].col);
        if (s->st != MW_OK)
            break;
        if (s->kind != PRICE_SOLVED || s->pk.n == 0 || s->rc <= RC_EPS)
            continue;
        int dup = 0;              /* a column the master has already: not an improvement */
        for (int q = cx->r->pairs[order[k].col].standalone; q >= 0 && !dup; q = cx->ms->next[q])
            dup = same_package(&cx->r->cols[q].pk, &s->pk);
        if (dup)
            package_free(&s->pk); /* price_round adds only the packages left */
        found += !dup;
    }
    mw_free(order);
}

/* Same column: the same tasks with the same work, supervision and vacancy. */
static int same_package(const Package *a, const Package *b)
{
    if (a->n != b->n || a->vacancy_job != b->vacancy_job || fabs(a->sup_minutes - b->sup_minutes) > SAME_EPS)
        return 0;
    for (int k = 0; k < a->n; k++) {
        int found = 0;
        for (int q = 0; q < b->n && !found; q++)
            found = a->tasks[k].task == b->tasks[q].task && fabs(a->tasks[k].work - b->tasks[q].work) <= SAME_EPS;
        if (!found)
            return 0;
    }
    return 1;
}

static int push_column(Region *r, int pair, const Package *pk, double score, int iteration)
{
    if (mw_grow((void **)&r->cols, &r->cap_cols, r->n_cols + 1, sizeof *r->cols))
        return MW_ENOMEM;
    Column *c = &r->cols[r->n_cols++];
    c->pair = pair;
    c->pk = *pk;
    c->score = score;
    c->iteration = iteration;
    c->placement = -1;
    c->churn_bonus = 0;
    return MW_OK;
}

/* ---- the whole solve ---------------------------------------------------------- */

/* A pair that pruning left out: g0 = its upper bound + pair terms. */
typedef struct {
    int cand, emp;
    double g0;
    int deferred;             /* among the candidate's top_pairs: defer_stage decides */
} PrunedPair;

typedef struct {
    CandSlot *cs;
    long n_pruned;
    PrunedPair *pruned;       /* by candidate, then rank */
    int pruned_improve;       /* the last round: a pruned pair could still improve */
    Master ms;
    Duals d;
    PriceSlot *ps;
    PriceMemo memo;
    int *first;               /* [nc + 1]: each candidate's first pair */
    double *y, *gbest, *gall, *x1;
    char *take, *dive;
    FixedRegion fx;           /* the current placements that enter as fixed columns */
    double fixed_budget, fixed_jobcoach;   /* what they take of the scenario rows */
} Work;

static void price_memo_free(PriceMemo *pm);

static void work_free(Work *wk, const Region *r, int nc)
{
    cand_slots_free(wk->cs, nc);
    if (wk->ps)
        for (int i = 0; i < r->n_pairs - r->n_fixed; i++)   /* the fixed pairs came after ps */
            package_free(&wk->ps[i].pk);
    mw_free(wk->ps);
    mw_free(wk->first);
    price_memo_free(&wk->memo);
    master_free(&wk->ms);
    duals_free(&wk->d);
    mw_free(wk->y);
    mw_free(wk->gbest);
    mw_free(wk->gall);
    mw_free(wk->x1);
    mw_free(wk->take);
    mw_free(wk->dive);
    mw_free(wk->pruned);
    fixed_region_free(&wk->fx);
}

/* Stage 1 into r: pairs and standalone columns, in candidate order. */
static int carve_all(const Model *m, const Weights *w, const RegionOptions *o, Region *r, Work *wk)
{
    int nc = m->n_candidates;
    wk->cs = mw_calloc((size_t)nc + 1, sizeof *wk->cs);
    if (!wk->cs)
        return MW_ENOMEM;
    Pool pl;
    CarveCtx cx = {m, w, o->top_pairs, defer_first(o), wk->cs, &pl, o->carve_cache, wk->fx.skip};
    pool_init(&pl, nc, carve_candidate, &cx, 0);
    pool_run(&pl, r->threads, o, "carving");
    for (int c = 0; c < nc; c++) {
        if (wk->cs[c].status != MW_OK)
            return MW_ENOMEM;
        wk->n_pruned += wk->cs[c].n_pruned;
    }
    r->top_pairs = o->top_pairs;
    r->pruned_pairs = wk->n_pruned;
    wk->pruned = mw_malloc(sizeof *wk->pruned * (size_t)(wk->n_pruned + 1));
    if (!wk->pruned)
        return MW_ENOMEM;
    long np = 0;
    for (int c = 0; c < nc; c++) {
        r->pruned[c] = wk->cs[c].n_pruned;
        for (int k = 0; k < wk->cs[c].n_pruned; k++)
            wk->pruned[np++] = (PrunedPair){c, wk->cs[c].pruned[k].emp, wk->cs[c].pruned[k].key,
                                            k < wk->cs[c].n_deferred};
    }
    for (int c = 0; c < nc; c++) {
        CandSlot *s = &wk->cs[c];
        memcpy(r->reasons[c], s->reasons, sizeof s->reasons);
        r->no_package[c] = s->no_package;
        r->solver_errors += s->solver_errors;
        r->time_limits += s->time_limits;
        r->carve_solves += s->solves;
        for (int k = 0; k < s->n; k++) {
            CandPair *cp = &s->items[k];
            if (mw_grow((void **)&r->pairs, &r->cap_pairs, r->n_pairs + 1, sizeof *r->pairs))
                return MW_ENOMEM;
            if (push_column(r, r->n_pairs, &cp->pk, cand_pair_score(cp), 0))
                return MW_ENOMEM;
            memset(&cp->pk, 0, sizeof cp->pk);        /* the column owns it now */
            r->pairs[r->n_pairs++] = (RegionPair){c, cp->emp, cp->travel, cp->terms, r->n_cols - 1};
        }
    }
    cand_slots_free(wk->cs, nc);
    wk->cs = NULL;
    return MW_OK;
}

/* Σ_c max(0, gbest[c]) plus Σ dual·rhs over the rows other than the
 * candidates', for the first nrows rows (those the duals y belong to). */
static double lagrangian(const Model *m, const Master *ms, const double *y, int nrows, const double *gbest)
{
    double L = 0;
    for (int i = 0; i < nrows; i++)
        if (ms->kind[i] != ROW_CAND)
            L += y[i] * ms->ub[i];
    for (int c = 0; c < m->n_candidates; c++)
        if (gbest[c] > 0)
            L += gbest[c];
    return L;
}

/* Folds the pruned pairs into gbest against duals d (NULL: zero duals):
 * each can reach at most g0 + the vacancy bonus − the intake dual, as an
 * unpriced pair (pair_g_fallback). Returns 1 when some pruned pair could
 * still improve the master (beyond the candidate's dual). */
static int pruned_fold(const Work *wk, const Duals *d, double *gbest)
{
    int improves = 0;
    for (long k = 0; k < wk->n_pruned; k++) {
        const PrunedPair *pp = &wk->pruned[k];
        double g = pp->g0 + (d ? d->vac_bonus[pp->emp] - d->by[ROW_INTAKE][pp->emp] : 0);
        if (g > gbest[pp->cand])
            gbest[pp->cand] = g;
        improves |= g - (d ? d->by[ROW_CAND][pp->cand] : 0) > RC_EPS;
    }
    return improves;
}

/* The Lagrangian bound over every pair, the pruned ones included: gbest
 * (the retained pairs) with the pruned pairs folded in, in wk->gall. */
static double lagrangian_all(const Model *m, Work *wk, const Duals *d, const double *y, int nrows, int *improves)
{
    memcpy(wk->gall, wk->gbest, sizeof(double) * (size_t)m->n_candidates);
    int imp = pruned_fold(wk, d, wk->gall);
    if (improves)
        *improves = imp;
    return lagrangian(m, &wk->ms, y, nrows, wk->gall);
}

/* ---- deferred pairs: carved when the first master LP leaves them room ------- */

/* first[c]: candidate c's first pair in r (pairs are in candidate order);
 * first[nc] = r->n_pairs. */
static void cand_first(const Region *r, int nc, int *first)
{
    for (int i = 0, c = 0; c <= nc; c++) {
        while (i < r->n_pairs && r->pairs[i].cand < c)
            i++;
        first[c] = i;
    }
}

typedef struct {
    CarveCtx carve;           /* slots: what each candidate carved here */
    const Duals *d;           /* NULL: no duals (the master LP failed): carve every deferred pair */
    const Work *wk;
    const long *pfirst;       /* [n_candidates + 1]: each candidate's first pruned pair */
    const Region *r;          /* the pairs carved before: the candidates' shortlists so far */
    const int *rfirst;        /* [n_candidates + 1]: each candidate's first pair in r */
    int top;                  /* the shortlists' length (RegionOptions.shortlist_top) */
    const double *emp_thr;    /* [n_employers] each employer's shortlist entry score (emp_thresholds) */
    char *carved;             /* [n_pruned] 1: carved here, no longer pruned */
} DeferCtx;

/* Relative slack on the comparisons with a shortlist's entry score. */
#define SHORT_EPS 1e-9

/* Keeps the k best of the scores offered, best first, in top[0 .. *n-1]. */
static void top_insert(double *top, int *n, int k, double v)
{
    if (k <= 0 || (*n == k && v <= top[k - 1]))
        return;
    int i = *n < k ? (*n)++ : k - 1;
    for (; i > 0 && top[i - 1] < v; i--)
        top[i] = top[i - 1];
    top[i] = v;
}

/* thr[e]: the k-th best standalone score among employer e's pairs in r;
 * -HUGE_VAL with fewer than k pairs, HUGE_VAL for every employer when k
 * is 0 (no shortlist). MW_OK or MW_ENOMEM. */
static int emp_thresholds(const Region *r, int n_employers, int k, double *thr)
{
    for (int e = 0; e < n_employers; e++)
        thr[e] = k > 0 ? -HUGE_VAL : HUGE_VAL;
    if (k <= 0)
        return MW_OK;
    double *top = mw_malloc(sizeof(double) * (size_t)n_employers * (size_t)k + 1);
    int *n = mw_calloc((size_t)n_employers + 1, sizeof(int));
    if (!top || !n) {
        mw_free(top);
        mw_free(n);
        return MW_ENOMEM;
    }
    for (int i = 0; i < r->n_pairs; i++) {
        int e = r->pairs[i].emp;
        top_insert(top + (size_t)e * (size_t)k, &n[e], k, r->cols[r->pairs[i].standalone].score);
    }
    for (int e = 0; e < n_employers; e++)
        if (n[e] == k)
            thr[e] = top[(size_t)e * (size_t)k + (size_t)k - 1];
    mw_free(top);
    mw_free(n);
    return MW_OK;
}

/* Whether a pair whose standalone score is at most ub could enter a
 * shortlist whose entry score is thr (ties break by id: count them in). */
static int may_enter(double ub, double thr)
{
    return ub >= thr - SHORT_EPS * (1 + fabs(thr));
}

/* Candidate c's deferred pairs (its first pruned pairs, in rank order):
 * carved (their standalone package) are those whose score may reach the
 * shortlist of the candidate (its k-th best score so far, rising as the
 * deferred pairs enter) or of the employer (the k-th best before them) —
 * so that both shortlists are those of carving all K at once — and those
 * whose pricing problem at the first duals can beat the candidate's dual:
 * its cheap bound first, then the LP relaxation and branch and bound with
 * the cutoff. */
static void defer_candidate(void *ctx, int c)
{
    DeferCtx *cx = ctx;
    const Model *m = cx->carve.m;
    const Weights *w = cx->carve.w;
    CandSlot *s = &cx->carve.slots[c];
    int ntop = 0, have = 0;
    double *top = cx->top > 0 ? mw_malloc(sizeof(double) * (size_t)cx->top) : NULL;
    if (cx->top > 0 && !top)
        goto oom;
    for (int i = cx->rfirst[c]; i < cx->rfirst[c + 1]; i++)
        top_insert(top, &ntop, cx->top, cx->r->cols[cx->r->pairs[i].standalone].score);
    for (long k = cx->pfirst[c]; k < cx->pfirst[c + 1] && cx->wk->pruned[k].deferred; k++) {
        for (; have < s->n; have++)       /* the deferred pairs carved so far */
            top_insert(top, &ntop, cx->top, cand_pair_score(&s->items[have]));
        int e = cx->wk->pruned[k].emp, take = 1;
        double g0 = cx->wk->pruned[k].g0;
        double cthr = cx->top <= 0 ? HUGE_VAL : ntop < cx->top ? -HUGE_VAL : top[cx->top - 1];
        double thr = cthr < cx->emp_thr[e] ? cthr : cx->emp_thr[e];
        int shortlist = may_enter(g0, thr);
        /* without duals, or with a shortlist that is not full or a cache that
         * makes the carve cheap: carve */
        if (cx->d && !(shortlist && (thr == -HUGE_VAL || cx->carve.cache))) {
            double terms = pair_terms(m, w, c, e, travel_minutes(&m->candidates[c], &m->employers[e])) + risk_cap(w);
            if (shortlist) {
                /* the standalone carve, cut off at the lower shortlist's entry
                 * score: the package (an optimum: the cutoff only prunes)
                 * when its score may reach it, else a cutoff */
                PairData *p = pair_build(m, c, e, w);
                if (!p)
                    goto oom;
                p->use_cutoff = 1;
                p->cutoff = thr - terms - SHORT_EPS * (1 + fabs(thr));
                p->keep_basis = 1;
                Package pk;
                int st = carve_solve(p, &pk);
                pair_free(p);
                if (st != MW_OK)
                    goto oom;
                if (pk.status != CARVE_CUTOFF) {
                    if (carve_record(&cx->carve, s, c, e, pk))
                        goto oom;
                    cx->carved[k] = 1;
                    continue;
                }
                package_free(&pk);
            }
            /* its pricing problem at the first duals */
            PairData *p = priced_pair(m, w, cx->d, c, e, terms);
            if (!p)
                goto oom;
            take = prune_pair_bound(p) > p->cutoff;
            if (take) {
                Package pk;
                int st = carve_solve(p, &pk);
                take = pk.status != CARVE_CUTOFF;
                package_free(&pk);
                if (st != MW_OK) {
                    pair_free(p);
                    goto oom;
                }
            }
            pair_free(p);
        }
        if (take) {
            if (carve_one(&cx->carve, s, c, e))
                goto oom;
            cx->carved[k] = 1;
        }
    }
    mw_free(top);
    if (s->n > 1)
        qsort(s->items, (size_t)s->n, sizeof *s->items, cand_pair_cmp);
    return;
oom:
    mw_free(top);
    s->status = MW_ENOMEM;
    pool_halt(cx->carve.pool);
}

/* Builds the master over r's columns: rows, the current placements' use of
 * them, and the column pool. MW_OK or MW_ENOMEM. */
static int master_setup(Work *wk, const Model *m, const Region *r, const RegionOptions *o)
{
    if (master_init(&wk->ms, m, r->n_pairs))
        return MW_ENOMEM;
    wk->ms.o = o;
    wk->ms.fixed_use[ROW_TASK] = wk->fx.task;
    wk->ms.fixed_use[ROW_INTAKE] = wk->fx.intake;
    wk->ms.fixed_use[ROW_SUP] = wk->fx.sup;
    wk->ms.fixed_use[ROW_DONOR] = wk->fx.donor;
    wk->ms.fixed_use[ROW_BUDGET] = &wk->fixed_budget;
    wk->ms.fixed_use[ROW_JOBCOACH] = &wk->fixed_jobcoach;
    for (int k = 0; k < r->n_cols; k++)
        if (master_add(&wk->ms, m, r, k))
            return MW_ENOMEM;
    return master_pool(&wk->ms, r, m->n_candidates, o->master_pool_cols);
}

/* Carries the last optimal basis of `from` into `to`, a master over the
 * same columns and more, where from's column k is to's column map[k]:
 * from's rows keep their status (found by kind and index), the rows only
 * the new columns need are basic, the new columns non-basic at 0. The
 * basis stays primal feasible, and non-singular (the old columns have no
 * coefficient in the new rows), so the primal simplex goes on from the
 * old optimum instead of from the slack basis. The columns the old LP had
 * released from the pool stay released: a basic column must be free. */
static void master_carry_basis(Master *to, const Master *from, const int *map)
{
    if (from->nbasis_rows == 0 || from->nbasis_cols != from->ncols ||
        mw_grow((void **)&to->row_stat, &to->cap_rstat, to->nrows, sizeof(int)) ||
        mw_grow((void **)&to->col_stat, &to->cap_cstat, to->ncols, sizeof(int)))
        return;                                /* no warm start; nothing lost */
    for (int i = 0; i < to->nrows; i++)
        to->row_stat[i] = GLP_BS;
    for (int k = 0; k < to->ncols; k++)
        to->col_stat[k] = GLP_NL;               /* GLPK makes it NS for a held column */
    for (int i = 0; i < from->nbasis_rows; i++)
        to->row_stat[to->map[from->kind[i]][from->index[i]]] = from->row_stat[i];
    for (int k = 0; k < from->ncols; k++) {
        to->col_stat[map[k]] = from->col_stat[k];
        if (to->held && (!from->held || !from->held[k]))
            to->held[map[k]] = 0;
    }
    to->nbasis_rows = to->nrows;
    to->nbasis_cols = to->ncols;
}

/* Merges the deferred pairs carved in slots into r (pairs by candidate,
 * then employer; each with its standalone column, which are all of r's
 * columns so far) and takes them out of the pruned pairs; map[k] (when
 * pairs were added): the new index of old column k. */
static int defer_merge(const Model *m, Region *r, Work *wk, CandSlot *slots, const char *carved, int *map)
{
    int nc = m->n_candidates, add = 0;
    for (int c = 0; c < nc; c++) {
        CandSlot *s = &slots[c];
        add += s->n;
        r->no_package[c] += s->no_package;
        r->solver_errors += s->solver_errors;
        r->time_limits += s->time_limits;
        r->carve_solves += s->solves;
    }
    long np = 0;
    for (long k = 0; k < wk->n_pruned; k++) {
        const PrunedPair *pp = &wk->pruned[k];
        if (carved[k])
            r->pruned[pp->cand]--;
        else
            wk->pruned[np++] = *pp;
    }
    r->deferred_carved = wk->n_pruned - np;
    r->pruned_pairs = wk->n_pruned = np;
    if (add == 0)
        return MW_OK;
    assert(r->n_cols == r->n_pairs);
    RegionPair *old_pairs = r->pairs;
    Column *old_cols = r->cols;
    int n_old = r->n_pairs, i = 0;
    r->pairs = NULL;
    r->cols = NULL;
    r->n_pairs = r->cap_pairs = r->n_cols = r->cap_cols = 0;
    int st = MW_OK;
    for (int c = 0; c < nc; c++) {
        CandSlot *s = &slots[c];
        for (int k = 0; (i < n_old && old_pairs[i].cand == c) || k < s->n;) {
            int from_old = i < n_old && old_pairs[i].cand == c && (k >= s->n || old_pairs[i].emp < s->items[k].emp);
            RegionPair rp;
            Package *pk;
            double score;
            int old_col = -1;
            if (from_old) {
                rp = old_pairs[i];
                old_col = rp.standalone;
                pk = &old_cols[old_col].pk;
                score = old_cols[old_col].score;
                i++;
            } else {
                CandPair *cp = &s->items[k++];
                rp = (RegionPair){c, cp->emp, cp->travel, cp->terms, -1};
                pk = &cp->pk;
                score = cand_pair_score(cp);
            }
            if (st == MW_OK && !mw_grow((void **)&r->pairs, &r->cap_pairs, r->n_pairs + 1, sizeof *r->pairs) &&
                !push_column(r, r->n_pairs, pk, score, 0)) {
                memset(pk, 0, sizeof *pk);            /* the column owns it now */
                rp.standalone = r->n_cols - 1;
                r->pairs[r->n_pairs++] = rp;
                if (old_col >= 0)
                    map[old_col] = rp.standalone;
            } else {
                st = MW_ENOMEM;
            }
        }
    }
    for (int k = 0; k < n_old; k++)
        package_free(&old_cols[k].pk);                /* none left, unless out of memory */
    mw_free(old_pairs);
    mw_free(old_cols);
    return st;
}

/* The deferred pairs (ranks defer_first .. K-1 of a pruned candidate):
 * carves those that may enter a shortlist and, against the duals of the
 * master LP over the pairs carved so far, those whose pricing problem
 * shows a column that improves it (defer_candidate); leaves the others
 * pruned (in bound_all_pairs with their cheap bound, like every pruned
 * pair), and rebuilds the master. MW_OK or MW_ENOMEM. */
static int defer_stage(const Model *m, const Weights *w, const RegionOptions *o, double deadline, Region *r,
                       Work *wk)
{
    int nc = m->n_candidates;
    for (long k = 0; k < wk->n_pruned; k++)
        r->deferred_pairs += wk->pruned[k].deferred;
    if (r->deferred_pairs == 0)
        return MW_OK;
    double *y = mw_malloc(sizeof(double) * (size_t)(wk->ms.nrows + 1));
    long *pfirst = mw_calloc((size_t)nc + 2, sizeof(long));
    char *carved = mw_calloc((size_t)wk->n_pruned + 1, 1);
    CandSlot *slots = mw_calloc((size_t)nc + 1, sizeof *slots);
    int *rfirst = mw_calloc((size_t)nc + 2, sizeof(int));
    double *emp_thr = mw_malloc(sizeof(double) * (size_t)(m->n_employers + 1));
    int *map = NULL;
    double value = 0;
    int ok = 0, st = MW_ENOMEM;
    if (!y || !pfirst || !carved || !slots || !rfirst || !emp_thr ||
        emp_thresholds(r, m->n_employers, o->shortlist_top, emp_thr) ||
        (r->n_cols > 0 && master_lp(&wk->ms, r, nc, master_tm_lim(o, deadline), &value, y, &ok)))
        goto out;                         /* no column: no duals, every deferred pair is carved */
    if (ok)
        duals_set(&wk->d, m, &wk->ms, y);
    for (long k = 0, c = 0; c <= nc; c++) {
        while (k < wk->n_pruned && wk->pruned[k].cand < c)
            k++;
        pfirst[c] = k;
    }
    cand_first(r, nc, rfirst);
    Pool pl;
    DeferCtx cx = {{m, w, o->top_pairs, 0, slots, &pl, o->carve_cache, wk->fx.skip}, ok ? &wk->d : NULL, wk, pfirst,
                   r, rfirst, o->shortlist_top, emp_thr, carved};
    pool_init(&pl, nc, defer_candidate, &cx, 0);
    pool_run(&pl, r->threads, o, "deferred pairs");
    for (int c = 0; c < nc; c++)
        if (slots[c].status != MW_OK)
            goto out;
    int n_before = r->n_cols;
    map = mw_malloc(sizeof(int) * (size_t)(n_before + 1));
    if (!map || defer_merge(m, r, wk, slots, carved, map))
        goto out;
    if (r->n_cols == n_before) {
        st = MW_OK;                       /* no package added: the master stands */
        goto out;
    }
    Master old = wk->ms;
    st = master_setup(wk, m, r, o);
    if (st == MW_OK)
        master_carry_basis(&wk->ms, &old, map);
    master_free(&old);
out:
    mw_free(map);
    cand_slots_free(slots, nc);
    mw_free(rfirst);
    mw_free(emp_thr);
    mw_free(carved);
    mw_free(pfirst);
    mw_free(y);
    return st;
}

/* The memo of n pairs, each at round 0 with its standalone bound. */
static int price_memo_init(PriceMemo *pm, const Region *r)
{
    pm->round = mw_calloc((size_t)r->n_pairs + 1, sizeof(int));
    pm->bound = mw_malloc(sizeof(double) * (size_t)(r->n_pairs + 1));
    pm->snap = mw_calloc(1, sizeof *pm->snap);
    if (!pm->round || !pm->bound || !pm->snap)
        return MW_ENOMEM;
    pm->nsnap = pm->capsnap = 1;          /* round 0: no prices */
    for (int i = 0; i < r->n_pairs; i++)
        pm->bound[i] = r->cols[r->pairs[i].standalone].pk.bound;
    return MW_OK;
}

/* Keeps the prices of the round about to be priced; its index, or -1. */
static int price_memo_push(PriceMemo *pm, const Model *m, const Duals *d)
{
    if (mw_grow((void **)&pm->snap, &pm->capsnap, pm->nsnap + 1, sizeof *pm->snap))
        return -1;
    PriceSnap *k = &pm->snap[pm->nsnap];
    k->task = mw_malloc(sizeof(double) * (size_t)(m->n_tasks + 1));
    k->donor = mw_malloc(sizeof(double) * (size_t)(m->n_jobs + 1));
    k->sup = mw_malloc(sizeof(double) * (size_t)(m->n_employers + 1));
    if (!k->task || !k->donor || !k->sup) {
        mw_free(k->task);
        mw_free(k->donor);
        mw_free(k->sup);
        return -1;
    }
    memcpy(k->task, d->by[ROW_TASK], sizeof(double) * (size_t)m->n_tasks);
    memcpy(k->donor, d->by[ROW_DONOR], sizeof(double) * (size_t)m->n_jobs);
    memcpy(k->sup, d->by[ROW_SUP], sizeof(double) * (size_t)m->n_employers);
    k->budget = d->by[ROW_BUDGET][0];
    return pm->nsnap++;
}

static void price_memo_free(PriceMemo *pm)
{
    for (int k = 0; k < pm->nsnap; k++) {
        mw_free(pm->snap[k].task);
        mw_free(pm->snap[k].donor);
        mw_free(pm->snap[k].sup);
    }
    mw_free(pm->snap);
    mw_free(pm->round);
    mw_free(pm->bound);
}

/* One pricing round against wk->d; appends the improving columns in pair
 * order. *added, *proven (every pair priced to optimality or skipped) and
 * the round's Lagrangian bound *L. */
static int price_round(const Model *m, const Weights *w, const RegionOptions *o, double deadline, int round,
                       Region *r, Work *wk, int *added, int *proven, double *L, double *L_all)
{
    *added = 0;
    *proven = 1;
    int nrows = wk->ms.nrows;            /* the rows of the duals; columns added below make more */
    memset(wk->ps, 0, sizeof *wk->ps * (size_t)r->n_pairs);
    Pool pl;
    int snap = price_memo_push(&wk->memo, m, &wk->d);
    if (snap < 0)
        return MW_ENOMEM;
    PriceCtx cx = {m, w, r, &wk->d, &wk->memo, wk->ps, &pl, wk->first, &wk->ms};
    pool_init(&pl, m->n_candidates, price_candidate, &cx, deadline);
    char stage[32];
    snprintf(stage, sizeof stage, "pricing %d", round);
    pool_run(&pl, r->threads, o, stage);
    int status = MW_OK;
    for (int c = 0; c < m->n_candidates; c++)
        wk->gbest[c] = -HUGE_VAL;
    for (int i = 0; i < r->n_pairs; i++) {
        PriceSlot *s = &wk->ps[i];
        const RegionPair *rp = &r->pairs[i];
        if (s->st != MW_OK)
            status = MW_ENOMEM;
        if (s->kind == PRICE_NONE)
            s->g = pair_g_known(&cx, i);
        if (s->g > wk->gbest[rp->cand])
            wk->gbest[rp->cand] = s->g;
        if (s->kind == PRICE_NONE ||
            (s->kind == PRICE_SOLVED && s->status != CARVE_OPTIMAL && s->status != CARVE_CUTOFF))
            *proven = 0;
        if (s->kind != PRICE_SOLVED)
            continue;
        if (!isnan(s->mip_bound)) {
            wk->memo.round[i] = snap;
            wk->memo.bound[i] = s->mip_bound;
        }
        r->pricing_solves++;
        r->pricing_cutoffs += s->status == CARVE_CUTOFF;
        r->solver_errors += s->status == CARVE_SOLVER_ERROR;
        r->time_limits += s->status == CARVE_TIME_LIMIT;
        if (status != MW_OK || s->pk.n == 0 || s->rc <= RC_EPS)
            continue;                 /* price_candidate dropped the packages the master has */
        if (push_column(r, i, &s->pk, terms_sum(&s->pk.terms) + rp->pair_terms, round))
            return MW_ENOMEM;
        memset(&s->pk, 0, sizeof s->pk);              /* the column owns it now */
        if (master_add(&wk->ms, m, r, r->n_cols - 1))
            return MW_ENOMEM;
        (*added)++;
    }
    for (int i = 0; i < r->n_pairs; i++)
        package_free(&wk->ps[i].pk);                  /* the packages that did not improve */
    *L = lagrangian(m, &wk->ms, wk->y, nrows, wk->gbest);
    *L_all = lagrangian_all(m, wk, &wk->d, wk->y, nrows, &wk->pruned_improve);
    return status;
}

/* ---- weekly runs: current placements and last week's packages ---------------- */

/* The index of pair (c, e) among the carved pairs (candidate order), or -1. */
static int pair_of(const Region *r, int c, int e)
{
    int lo = 0, hi = r->n_pairs;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (r->pairs[mid].cand < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int i = lo; i < r->n_pairs && r->pairs[i].cand == c; i++)
        if (r->pairs[i].emp == e)
            return i;
    return -1;
}

/* A column of pair i with exactly these tasks and hours (to 1e-5 h, the
 * precision results.json keeps), or -1. */
static int find_column(const Region *r, const Master *ms, int i, const int *tasks, const double *hours, int n)
{
    for (int k = r->pairs[i].standalone; k >= 0; k = ms->next[k]) {
        const Package *pk = &r->cols[k].pk;
        int same = pk->n == n;
        for (int q = 0; q < n && same; q++) {
            int found = 0;
            for (int a = 0; a < pk->n && !found; a++)
                found = pk->tasks[a].task == tasks[q] && fabs(pk->tasks[a].hours - hours[q]) <= 1e-5;
            same = found;
        }
        if (same)
            return k;
    }
    return -1;
}

/* The column of pair i with these task hours: an existing one, else a new
 * one built from them (with the given schedule, if any: nslots > 0) when it
 * still fits the candidate's limits. -1 when it no longer fits; -2 on OOM. */
static int offer_column(const Model *m, const Weights *w, Region *r, Work *wk, int i, const int *tasks,
                        const double *hours, int n, const SlotEntry *slots, int nslots)
{
    int k = find_column(r, &wk->ms, i, tasks, hours, n);
    if (k >= 0)
        return k;
    const RegionPair *rp = &r->pairs[i];
    Package pk;
    unsigned misfit;
    if (fixed_package_scheduled(m, rp->cand, rp->emp, w, tasks, hours, n, slots, nslots, &pk, &misfit))
        return -2;
    if (misfit || pk.n != n) {
        package_free(&pk);
        return -1;
    }
    if (push_column(r, i, &pk, terms_sum(&pk.terms) + rp->pair_terms, 0)) {
        package_free(&pk);
        return -2;
    }
    return master_add(&wk->ms, m, r, r->n_cols - 1) ? -2 : r->n_cols - 1;
}

/* Before the integer master: the current package of each placement under
 * review, and each candidate's package of last week's proposal (with the
 * churn bonus), when its pair passed the filters and it still fits. */
static int weekly_columns(const Model *m, const Weights *w, const RegionOptions *o, Region *r, Work *wk)
{
    for (int i = 0; i < m->n_placements; i++) {
        const Placement *pl = &m->placements[i];
        int pi = pl->review && pl->outcome != PLACEMENT_FAILED ? pair_of(r, pl->candidate, pl->employer) : -1;
        if (pi < 0)
            continue;
        int *tasks = mw_malloc(sizeof(int) * (size_t)(pl->n_hours + 1));
        double *hours = mw_malloc(sizeof(double) * (size_t)(pl->n_hours + 1));
        int col = -2;
        if (tasks && hours) {
            for (int k = 0; k < pl->n_hours; k++) {
                tasks[k] = pl->hours[k].task;
                hours[k] = pl->hours[k].hours;
            }
            col = offer_column(m, w, r, wk, pi, tasks, hours, pl->n_hours, NULL, 0);
        }
        mw_free(tasks);
        mw_free(hours);
        if (col == -2)
            return MW_ENOMEM;
        if (col >= 0) {
            r->cols[col].placement = i;
            r->n_review++;
        }
    }
    const Previous *pv = o->previous;
    for (int c = 0; pv && c < m->n_candidates && c < pv->n_candidates; c++) {
        const PrevMatch *pm = &pv->of[c];
        int pi = pm->emp >= 0 && !wk->fx.skip[c] ? pair_of(r, c, pm->emp) : -1;
        if (pi < 0)
            continue;
        SlotEntry *slots = mw_malloc(sizeof *slots * (size_t)(pm->n_slots + 1));
        if (!slots)
            return MW_ENOMEM;
        for (int k = 0; k < pm->n_slots; k++)
            slots[k] = (SlotEntry){pm->slots[k].task, pm->slots[k].day, pm->slots[k].part, pm->slots[k].hours};
        int col = offer_column(m, w, r, wk, pi, pm->tasks, pm->hours, pm->n, slots, pm->n_slots);
        mw_free(slots);
        if (col == -2)
            return MW_ENOMEM;
        if (col >= 0) {
            r->cols[col].churn_bonus = w->churn > MW_CHURN_TIE ? w->churn : MW_CHURN_TIE;
            r->n_previous++;
        }
    }
    return MW_OK;
}

/* After the integer master: the fixed columns join the proposal, each with
 * its own pair (after the carved ones), and their scores join the
 * objective and the bounds. */
static int fixed_append(const Model *m, const Weights *w, Region *r, Work *wk)
{
    for (int i = 0; i < wk->fx.n; i++) {
        if (wk->fx.pk[i].n == 0)
            continue;
        int c = m->placements[i].candidate, e = m->placements[i].employer;
        double travel = travel_minutes(&m->candidates[c], &m->employers[e]);
        /* the risk pair term from the placement's own package */
        double terms = pair_terms(m, w, c, e, travel) + riskflags_points(m, w, c, e, &wk->fx.pk[i], travel);
        double score = terms_sum(&wk->fx.pk[i].terms) + terms;
        if (mw_grow((void **)&r->pairs, &r->cap_pairs, r->n_pairs + 1, sizeof *r->pairs) ||
            push_column(r, r->n_pairs, &wk->fx.pk[i], score, 0))
            return MW_ENOMEM;
        memset(&wk->fx.pk[i], 0, sizeof wk->fx.pk[i]);     /* the column owns it now */
        r->pairs[r->n_pairs++] = (RegionPair){c, e, travel, terms, r->n_cols - 1};
        r->cols[r->n_cols - 1].placement = i;
        r->chosen[c] = r->n_cols - 1;
        r->objective += score;
        r->lp_bound += score;
        r->bound_all_pairs += score;
        r->master_lp += score;
        r->n_fixed++;
    }
    return MW_OK;
}

int region_solve(const Model *m, const Weights *w, const RegionOptions *o, Region *r)
{
    RegionOptions def;
    if (!o) {
        region_options_default(&def);
        o = &def;
    }
    memset(r, 0, sizeof *r);
    Work wk;
    memset(&wk, 0, sizeof wk);
    int nc = m->n_candidates, status = MW_ENOMEM;
    double t0 = now_s(), deadline = o->time_limit > 0 ? t0 + o->time_limit : 0;
    /* pricing stops at PRICING_SHARE of the time limit: the rest is the
     * integer master's, which would otherwise get its 1 s minimum */
    double price_deadline = o->time_limit > 0 ? t0 + PRICING_SHARE * o->time_limit : 0;

    r->chosen = mw_malloc(sizeof(int) * (size_t)(nc + 1));
    r->reasons = mw_calloc((size_t)nc + 1, sizeof *r->reasons);
    r->no_package = mw_calloc((size_t)nc + 1, sizeof(int));
    r->pruned = mw_calloc((size_t)nc + 1, sizeof(int));
    if (!r->chosen || !r->reasons || !r->no_package || !r->pruned)
        goto done;
    for (int c = 0; c < nc; c++)
        r->chosen[c] = -1;
    r->master_status = 0;

    /* 1. the standalone package of every pair */
    r->threads = region_threads(o);
    if (fixed_region(m, w, &wk.fx) || carve_all(m, w, o, r, &wk))
        goto done;

    if (duals_init(&wk.d, m))
        goto done;
    wk.d.o = o;
    /* the current placements take their share of the budget and the pool too */
    for (int i = 0; i < wk.fx.n; i++)
        if (wk.fx.pk[i].n > 0) {
            int c = m->placements[i].candidate;
            wk.fixed_budget += region_budget_row(o) ? o->cost_hour[c] * wk.fx.pk[i].hours : 0;
            wk.fixed_jobcoach += region_jobcoach_row(o) ? o->jobcoach_hours[c] : 0;
        }
    if (master_setup(&wk, m, r, o) || defer_stage(m, w, o, deadline, r, &wk))
        goto done;
    double t_defer = now_s();
    r->seconds_carve = t_defer - t0;          /* the deferred pairs are carving too */
    wk.gbest = mw_malloc(sizeof(double) * (size_t)(nc + 1));
    wk.gall = mw_malloc(sizeof(double) * (size_t)(nc + 1));
    wk.ps = mw_calloc((size_t)r->n_pairs + 1, sizeof *wk.ps);
    wk.first = mw_calloc((size_t)nc + 1, sizeof(int));
    if (!wk.gbest || !wk.gall || !wk.ps || !wk.first || price_memo_init(&wk.memo, r))
        goto done;
    cand_first(r, nc, wk.first);

    /* the bound with zero duals: each candidate's best standalone bound */
    for (int c = 0; c < nc; c++)
        wk.gbest[c] = -HUGE_VAL;
    for (int i = 0; i < r->n_pairs; i++) {
        double g = r->cols[r->pairs[i].standalone].pk.bound + r->pairs[i].pair_terms;
        if (g > wk.gbest[r->pairs[i].cand])
            wk.gbest[r->pairs[i].cand] = g;
    }
    double best_L = lagrangian(m, &wk.ms, NULL, 0, wk.gbest);
    int pruned_pos;
    double best_L_all = lagrangian_all(m, &wk, NULL, NULL, 0, &pruned_pos);
    if (r->n_cols == 0) {                 /* nothing to assign */
        r->converged = 1;
        r->pricing_stop = PRICING_STOP_NO_COLUMNS;
        r->bound_all_pairs = pruned_pos ? best_L_all : 0;    /* pruned pairs may hold value */
        status = fixed_append(m, w, r, &wk);
        goto done;
    }

    /* 2–3. column generation */
    for (;;) {
        double value = 0;
        int ok;
        mw_free(wk.y);
        wk.y = mw_malloc(sizeof(double) * (size_t)(wk.ms.nrows + 1));
        if (!wk.y)
            goto done;
        if (master_lp(&wk.ms, r, nc, master_tm_lim(o, deadline), &value, wk.y, &ok))
            goto done;
        if (!ok) {
            r->pricing_stop = PRICING_STOP_MASTER_LP;
            break;                        /* no duals: the bound stays Lagrangian */
        }
        r->master_lp = value;
        duals_set(&wk.d, m, &wk.ms, wk.y);
        if (r->iterations >= o->max_iterations || (price_deadline > 0 && now_s() >= price_deadline)) {
            r->pricing_stop = r->iterations >= o->max_iterations ? PRICING_STOP_ITERATIONS : PRICING_STOP_TIME_LIMIT;
            /* stopped before pricing these duals: bound every pair without
             * solving (standalone bound + vacancy bonus), still valid */
            for (int c = 0; c < nc; c++)
                wk.gbest[c] = -HUGE_VAL;
            for (int i = 0; i < r->n_pairs; i++) {
                double g = pair_g_fallback(r, &wk.d, i);
                if (g > wk.gbest[r->pairs[i].cand])
                    wk.gbest[r->pairs[i].cand] = g;
            }
            double L = lagrangian(m, &wk.ms, wk.y, wk.ms.nrows, wk.gbest);
            double L_all = lagrangian_all(m, &wk, &wk.d, wk.y, wk.ms.nrows, &wk.pruned_improve);
            if (L < best_L)
                best_L = L;
            if (L_all < best_L_all)
                best_L_all = L_all;
            break;
        }
        int added, proven;
        double L, L_all;
        r->iterations++;
        if (price_round(m, w, o, price_deadline, r->iterations, r, &wk, &added, &proven, &L, &L_all))
            goto done;
        if (L < best_L)
            best_L = L;
        if (L_all < best_L_all)
            best_L_all = L_all;
        if (added == 0) {
            r->converged = proven;
            r->pricing_stop = proven ? PRICING_STOP_CONVERGED : PRICING_STOP_UNPROVEN;
            break;
        }
        /* close enough: the Lagrangian bound over this round's duals is
         * valid, and within pricing_gap of the LP the rounds would reach */
        if (o->pricing_gap > 0 && best_L - value <= o->pricing_gap * fabs(value)) {
            r->pricing_stop = PRICING_STOP_GAP;
            break;
        }
    }
    double t2 = now_s();
    r->seconds_pricing = t2 - t_defer;
    if (r->converged) {
        r->lp_bound = r->master_lp;
    } else {
        r->lp_bound = best_L;
        r->bound_is_lagrangian = 1;
    }
    /* over every pair: the retained pairs' bound when no pruned pair could
     * still improve at the last duals, else the Lagrangian with them */
    r->bound_all_pairs = wk.n_pruned == 0 || (r->converged && !wk.pruned_improve) ? r->lp_bound : best_L_all;
    if (r->bound_all_pairs < r->lp_bound)
        r->bound_all_pairs = r->lp_bound;

    /* 4. the integer master, with the better of the greedy and the dived proposal as its
     * first incumbent */
    report(o, "master", 0, 1);
    if (weekly_columns(m, w, o, r, &wk))
        goto done;
    wk.take = mw_calloc((size_t)r->n_cols + 1, 1);
    wk.x1 = mw_calloc((size_t)r->n_cols + 2, sizeof(double));
    if (!wk.take || !wk.x1 || master_greedy(&wk.ms, r, wk.take))
        goto done;
    /* the diving heuristic's proposal, when better, is the first incumbent;
     * beyond MASTER_BB_COLS columns it is the proposal */
    int found = 0, mstatus = 2;
    wk.dive = mw_calloc((size_t)r->n_cols + 1, 1);
    if (!wk.dive || master_dive(&wk.ms, r, nc, master_tm_lim(o, deadline), wk.dive, &found))
        goto done;
    double gv = 0, dv = 0;
    for (int k = 0; k < r->n_cols; k++) {
        gv += wk.take[k] ? r->cols[k].score + r->cols[k].churn_bonus : 0;
        dv += wk.dive[k] ? r->cols[k].score + r->cols[k].churn_bonus : 0;
    }
    if (found && dv > gv)
        memcpy(wk.take, wk.dive, (size_t)r->n_cols);
    if (master_polish(&wk.ms, r, m, wk.take))
        goto done;
    if (found && r->n_cols > MASTER_BB_COLS) {
        mstatus = 4;
    } else {
        for (int k = 0; k < r->n_cols; k++)
            wk.x1[lp_col1(k)] = wk.take[k];
        if (master_mip(&wk.ms, r, master_tm_lim(o, deadline), wk.x1, wk.take, &mstatus))
            goto done;
    }
    r->master_status = mstatus;            /* 2: take still holds the greedy proposal */
    r->objective = 0;
    for (int k = 0; k < r->n_cols; k++)
        if (wk.take[k]) {
            int c = r->pairs[r->cols[k].pair].cand;
            assert(r->chosen[c] < 0);   /* the candidate rows allow one column */
            r->chosen[c] = k;
            r->objective += r->cols[k].score;
        }
    if (fixed_append(m, w, r, &wk))
        goto done;
    r->gap = (r->lp_bound - r->objective) / (fabs(r->lp_bound) > 1 ? fabs(r->lp_bound) : 1);
    r->seconds_master = now_s() - t2;
    report(o, "master", 1, 1);
    status = MW_OK;
done:
    work_free(&wk, r, nc);
    if (status != MW_OK)
        region_free(r);
    return status;
}
