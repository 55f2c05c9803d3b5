/* carvecache.c — the shared standalone packages of a scenario batch (see
 * carvecache.h). The key of a pair is its whole carving instance written
 * out as bytes (numbers exactly, tasks, jobs, candidate and employer by
 * id), compared in full on a hit, so a match is never a hash accident.
 * Layer: solve. Knows nothing about files or output.
 */
#include "carvecache.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    unsigned char *p;
    size_t n, cap;
    int oom;
} Bytes;

static void put(Bytes *b, const void *v, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->n + n)
            cap *= 2;
        unsigned char *np = mw_realloc(b->p, cap);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, v, n);
    b->n += n;
}

static void put_d(Bytes *b, double v)
{
    if (v == 0)
        v = 0;          /* -0 and 0 give the same model */
    put(b, &v, sizeof v);
}

static void put_i(Bytes *b, long v)
{
    put(b, &v, sizeof v);
}

static void put_s(Bytes *b, const char *s)
{
    size_t n = strlen(s);
    put_i(b, (long)n);
    put(b, s, n);
}

/* Every number carve_solve reads, in a fixed order. The pair terms
 * (travel, known employer, affinity) are not in it: region.c adds them
 * after the solve from the model. */
static void key_write(Bytes *b, const Model *m, const PairData *p)
{
    put_s(b, m->candidates[p->cand].id);
    put_s(b, m->employers[p->emp].id);
    put_i(b, p->nt);
    put_i(b, p->nj);
    put_i(b, p->ng);
    for (int t = 0; t < p->nt; t++) {
        const PairTask *x = &p->t[t];
        put_s(b, m->tasks[x->task].id);
        put_i(b, x->job);
        put_i(b, x->group);
        put_d(b, x->W);
        put_d(b, x->m);
        put_d(b, x->pi);
        put_i(b, x->indivisible);
        put_i(b, x->flexible);
        put_i(b, x->days);
        put_i(b, x->parts);
        for (int d = 0; d < MW_DAYS; d++)
            put_d(b, x->cap[d]);
        put_d(b, x->sigma);
        put_d(b, x->wage);
        put_d(b, x->pref);
        put_d(b, x->skill);
        put_i(b, x->mandatory);
        put_i(b, x->vacancy_only);
    }
    for (int j = 0; j < p->nj; j++) {
        put_s(b, m->jobs[p->j[j].job].id);
        put_d(b, p->j[j].W);
        put_d(b, p->j[j].R);
        put_i(b, p->j[j].vacancy);
    }
    put_i(b, p->nexp);
    put_i(b, p->nshare);
    for (int k = 0; k < p->nexp + p->nshare; k++) {
        const PairDim *x = k < p->nexp ? &p->exp[k] : &p->share[k - p->nexp];
        put_s(b, m->dims[x->dim].name);
        put_d(b, x->limit);
        for (int t = 0; t < p->nt; t++)
            put_d(b, x->coef[t]);
    }
    put_i(b, p->nreq);
    for (int r = 0; r < p->nreq; r++) {
        put_i(b, p->req[r][0]);
        put_i(b, p->req[r][1]);
    }
    put_d(b, p->Hmin);
    put_d(b, p->Hmax);
    put_d(b, p->Hpref);
    for (int d = 0; d < MW_DAYS; d++) {
        put_d(b, p->Hday[d]);
        put_i(b, p->avail[d]);
    }
    put_i(b, p->Dmax);
    put_i(b, p->nmin);
    put_i(b, p->nmax);
    put_i(b, p->Gmax);
    put_d(b, p->need);
    put_d(b, p->Cap);
    put(b, &p->w, sizeof p->w);   /* every weight, also those added later (all doubles: no padding) */
}

typedef struct {
    uint64_t hash;
    size_t len;
    unsigned char *key;
    Package pk;               /* indices of the model that stored it ... */
    const char **task_ids;    /* ... and the ids to translate them: [pk.n] */
    const char **slot_ids;    /* [pk.nslots] */
    const char *vacancy_id;   /* NULL when no vacancy */
} Entry;

struct CarveCache {
    pthread_mutex_t mu;
    int cap, n;               /* open addressing; cap a power of two */
    Entry **slots;
    MwArena arena;            /* entries, keys and ids */
    long hits, solves;
};

CarveCache *carve_cache_new(void)
{
    CarveCache *cc = mw_calloc(1, sizeof *cc);
    if (!cc)
        return NULL;
    if (pthread_mutex_init(&cc->mu, NULL) != 0) {
        mw_free(cc);
        return NULL;
    }
    mw_arena_init(&cc->arena);
    return cc;
}

void carve_cache_free(CarveCache *cc)
{
    if (!cc)
        return;
    for (int i = 0; i < cc->cap; i++)
        if (cc->slots[i])
            package_free(&cc->slots[i]->pk);
    mw_free(cc->slots);
    mw_arena_free(&cc->arena);
    pthread_mutex_destroy(&cc->mu);
    mw_free(cc);
}

void carve_cache_counts(const CarveCache *cc, long *hits, long *solves)
{
    *hits = cc ? cc->hits : 0;
    *solves = cc ? cc->solves : 0;
}

static uint64_t fnv1a(const unsigned char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* The slot of key (its entry, or the empty slot where it goes). Under mu. */
static Entry **find_slot(CarveCache *cc, uint64_t h, const Bytes *k)
{
    uint32_t mask = (uint32_t)cc->cap - 1;
    for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
        Entry *e = cc->slots[i];
        if (!e || (e->hash == h && e->len == k->n && memcmp(e->key, k->p, k->n) == 0))
            return &cc->slots[i];
    }
}

/* The package translated to model m's indices. MW_OK or MW_ENOMEM. */
static int entry_copy(const Entry *e, const Model *m, Package *out)
{
    if (package_copy(out, &e->pk))
        return MW_ENOMEM;
    for (int k = 0; k < out->n; k++)
        out->tasks[k].task = model_find_task(m, e->task_ids[k]);
    for (int k = 0; k < out->nslots; k++)
        out->slots[k].task = model_find_task(m, e->slot_ids[k]);
    out->vacancy_job = e->vacancy_id ? model_find_job(m, e->vacancy_id) : -1;
    return MW_OK;
}

static int grow(CarveCache *cc)
{
    int cap = cc->cap ? cc->cap * 2 : 1024;
    Entry **slots = mw_calloc((size_t)cap, sizeof *slots);
    if (!slots)
        return MW_ENOMEM;
    Entry **old = cc->slots;
    int oldcap = cc->cap;
    cc->slots = slots;
    cc->cap = cap;
    for (int i = 0; i < oldcap; i++)
        if (old[i]) {
            Bytes k = {old[i]->key, old[i]->len, old[i]->len, 0};
            *find_slot(cc, old[i]->hash, &k) = old[i];
        }
    mw_free(old);
    return MW_OK;
}

/* Stores pk under key k (hash h) unless an identical instance is there
 * already. Under mu. MW_OK or MW_ENOMEM (nothing stored). */
static int store(CarveCache *cc, const Model *m, uint64_t h, const Bytes *k, const Package *pk)
{
    if (2 * (cc->n + 1) > cc->cap && grow(cc))
        return MW_ENOMEM;
    Entry **slot = find_slot(cc, h, k);
    if (*slot)
        return MW_OK;
    MwArena *a = &cc->arena;
    Entry *e = mw_arena_alloc(a, sizeof *e);
    if (!e)
        return MW_ENOMEM;
    e->hash = h;
    e->len = k->n;
    e->key = mw_arena_alloc(a, k->n + 1);
    e->task_ids = mw_arena_alloc(a, sizeof *e->task_ids * (size_t)(pk->n + 1));
    e->slot_ids = mw_arena_alloc(a, sizeof *e->slot_ids * (size_t)(pk->nslots + 1));
    if (!e->key || !e->task_ids || !e->slot_ids)
        return MW_ENOMEM;
    memcpy(e->key, k->p, k->n);
    for (int i = 0; i < pk->n; i++)
        if (!(e->task_ids[i] = mw_arena_strdup(a, m->tasks[pk->tasks[i].task].id)))
            return MW_ENOMEM;
    for (int i = 0; i < pk->nslots; i++)
        if (!(e->slot_ids[i] = mw_arena_strdup(a, m->tasks[pk->slots[i].task].id)))
            return MW_ENOMEM;
    e->vacancy_id = NULL;
    if (pk->vacancy_job >= 0 && !(e->vacancy_id = mw_arena_strdup(a, m->jobs[pk->vacancy_job].id)))
        return MW_ENOMEM;
    if (package_copy(&e->pk, pk))
        return MW_ENOMEM;
    *slot = e;
    cc->n++;
    return MW_OK;
}

int carve_cache_solve(CarveCache *cc, const Model *m, const PairData *p, Package *out)
{
    Bytes k = {NULL, 0, 0, 0};
    key_write(&k, m, p);
    if (k.oom) {
        mw_free(k.p);
        return MW_ENOMEM;
    }
    uint64_t h = fnv1a(k.p, k.n);
    int status = MW_OK, found = 0;
    pthread_mutex_lock(&cc->mu);
    if (cc->cap) {
        Entry *e = *find_slot(cc, h, &k);
        if (e) {
            found = 1;
            cc->hits++;
            status = entry_copy(e, m, out);
        }
    }
    pthread_mutex_unlock(&cc->mu);
    if (!found) {
        status = carve_solve(p, out);
        int shareable = out->status == CARVE_OPTIMAL || out->status == CARVE_INFEASIBLE ||
                        out->status == CARVE_NO_TASKS;
        pthread_mutex_lock(&cc->mu);
        cc->solves++;
        if (status == MW_OK && shareable && store(cc, m, h, &k, out) != MW_OK)
            status = MW_ENOMEM;
        pthread_mutex_unlock(&cc->mu);
        if (status != MW_OK)
            package_free(out);
    }
    mw_free(k.p);
    return status;
}
