/* mw.c — errors, allocation wrapper with a fail-the-Nth hook, arena,
 * bit counting, number formatting and the deterministic RNG. Layer: core.
 */
#include "mw.h"

#include <math.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ---------------------------------------------------------- */

void mw_errors_init(MwErrors *e, int limit)
{
    memset(e, 0, sizeof *e);
    e->limit = limit > 0 ? limit : 100;
}

void mw_errors_free(MwErrors *e)
{
    if (!e)
        return;
    free(e->items);   /* error storage bypasses the fail hook: errors must be reportable */
    e->items = NULL;
    e->n = e->cap = 0;
}

static void copy_str(char *dst, size_t size, const char *src)
{
    if (!src)
        src = "";
    snprintf(dst, size, "%s", src);
}

void mw_error_add(MwErrors *e, const char *file, int line, const char *where,
                  const char *column, const char *fmt, ...)
{
    if (e->n >= e->limit) {
        e->dropped++;
        return;
    }
    if (e->n == e->cap) {
        int cap = e->cap ? e->cap * 2 : 16;
        MwError *items = realloc(e->items, (size_t)cap * sizeof *items);
        if (!items) {
            e->dropped++;
            e->nomem = 1;
            return;
        }
        e->items = items;
        e->cap = cap;
    }
    MwError *err = &e->items[e->n++];
    copy_str(err->file, sizeof err->file, file);
    err->line = line;
    copy_str(err->where, sizeof err->where, where);
    copy_str(err->column, sizeof err->column, column);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

int mw_errors_count(const MwErrors *e)
{
    return e->n + e->dropped;
}

void mw_error_format(const MwError *err, char *buf, size_t size)
{
    char pos[256];
    if (err->line > 0)
        snprintf(pos, sizeof pos, "%s:%d", err->file, err->line);
    else if (err->where[0])
        snprintf(pos, sizeof pos, "%s: %s", err->file, err->where);
    else
        snprintf(pos, sizeof pos, "%s", err->file);
    if (err->column[0])
        snprintf(buf, size, "%s: column '%s': %s", pos, err->column, err->msg);
    else
        snprintf(buf, size, "%s: %s", pos, err->msg);
}

/* ---- allocation ------------------------------------------------------ */

/* Shared by every thread (the regional solve carves in parallel): atomic,
 * so the count is exact and the n-th allocation fails exactly once. */
static _Atomic long alloc_fail_at;   /* 0 = never */
static _Atomic long alloc_count;

void mw_alloc_fail_at(long n)
{
    alloc_fail_at = n > 0 ? atomic_load(&alloc_count) + n : 0;
}

long mw_alloc_count(void)
{
    return atomic_load(&alloc_count);
}

static int alloc_should_fail(void)
{
    long k = atomic_fetch_add(&alloc_count, 1) + 1;
    long at = atomic_load(&alloc_fail_at);
    return at && k == at;
}

void *mw_malloc(size_t n)
{
    if (alloc_should_fail())
        return NULL;
    return malloc(n ? n : 1);
}

void *mw_calloc(size_t count, size_t size)
{
    if (alloc_should_fail())
        return NULL;
    return calloc(count ? count : 1, size ? size : 1);
}

void *mw_realloc(void *p, size_t n)
{
    if (alloc_should_fail())
        return NULL;
    return realloc(p, n ? n : 1);
}

char *mw_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = mw_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

void mw_free(void *p)
{
    free(p);
}

int mw_popcount(unsigned v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

int mw_grow(void **items, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return MW_OK;
    int ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > (1 << 29))
            return MW_ENOMEM;
        ncap *= 2;
    }
    void *p = mw_realloc(*items, (size_t)ncap * elem);
    if (!p)
        return MW_ENOMEM;
    *items = p;
    *cap = ncap;
    return MW_OK;
}

/* ---- arena ----------------------------------------------------------- */

struct MwArenaBlock {
    MwArenaBlock *next;
    size_t size, used;
    _Alignas(8) unsigned char data[];
};

enum { ARENA_BLOCK = 64 * 1024 };

void mw_arena_init(MwArena *a)
{
    a->head = NULL;
    a->used_total = 0;
}

void mw_arena_free(MwArena *a)
{
    if (!a)
        return;
    MwArenaBlock *b = a->head;
    while (b) {
        MwArenaBlock *next = b->next;
        mw_free(b);
        b = next;
    }
    a->head = NULL;
    a->used_total = 0;
}

void *mw_arena_alloc(MwArena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (n == 0)
        n = 8;
    MwArenaBlock *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
        MwArenaBlock *nb = mw_malloc(sizeof *nb + size);
        if (!nb)
            return NULL;
        nb->size = size;
        nb->used = 0;
        if (b && size == n && b->size - b->used >= ARENA_BLOCK / 8) {
            /* a big one-off allocation: keep filling the current block */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->used_total += n;
    memset(p, 0, n);
    return p;
}

char *mw_arena_strndup(MwArena *a, const char *s, size_t n)
{
    char *d = mw_arena_alloc(a, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

char *mw_arena_strdup(MwArena *a, const char *s)
{
    return mw_arena_strndup(a, s, strlen(s));
}

/* ---- numbers --------------------------------------------------------- */

void mw_fmt_double(char *buf, size_t size, double v)
{
    if (v == 0) {        /* also turns -0 into 0 */
        snprintf(buf, size, "0");
        return;
    }
    /* Plain decimals (no exponent, which the CSV reader would refuse) for
     * every magnitude the input can hold; %g only for extreme values. */
    if (fabs(v) >= 1e-9 && fabs(v) < 1e15) {
        for (int prec = 0; prec <= 24; prec++) {
            snprintf(buf, size, "%.*f", prec, v);
            if (strtod(buf, NULL) == v)
                return;
        }
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* ---- RNG --------------------------------------------------------------- */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void mw_rng_seed(MwRng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t mw_rng_next(MwRng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double mw_rng_uniform(MwRng *r)
{
    return (double)(mw_rng_next(r) >> 11) * 0x1.0p-53;
}

int mw_rng_int(MwRng *r, int lo, int hi)
{
    if (hi <= lo)
        return lo;
    uint64_t span = (uint64_t)((int64_t)hi - lo) + 1;
    return lo + (int)(mw_rng_next(r) % span);
}

double mw_rng_normal(MwRng *r)
{
    double u1 = mw_rng_uniform(r), u2 = mw_rng_uniform(r);
    if (u1 < 1e-300)
        u1 = 1e-300;
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}
