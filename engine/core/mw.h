/* mw.h — status codes, the error list, the allocation wrapper, the arena
 * and small numeric helpers. Layer: core (used by every layer above it).
 * Knows nothing about files, CSV, JSON or GLPK: errors are plain values
 * with a position.
 */
#ifndef MW_H
#define MW_H

#include <stddef.h>
#include <stdint.h>

enum { MW_OK = 0, MW_EINPUT = 2, MW_ENOMEM = 3, MW_ESOLVER = 4, MW_EIO = 5 };

#define MW_VERSION "0.1.0"

/* One error: where (file, 1-based line or 0, column name or "") and what. */
typedef struct {
    char file[128];
    int line;            /* CSV: physical line of the record; JSON: 0 */
    char where[64];      /* JSON: "tasks[3]"; CSV: "" */
    char column[96];
    char msg[320];
} MwError;

/* A caller-owned list of errors. Keeps the first `limit` errors (0 = 100)
 * and counts the rest in `dropped`. */
typedef struct {
    MwError *items;
    int n, cap, limit, dropped;
    int nomem;           /* set when an error could not be recorded */
} MwErrors;

void mw_errors_init(MwErrors *e, int limit);
void mw_errors_free(MwErrors *e);
/* Appends an error; printf-style message. Never fails visibly: on OOM the
 * error is counted in `dropped` and `nomem` is set. */
void mw_error_add(MwErrors *e, const char *file, int line, const char *where,
                  const char *column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
int mw_errors_count(const MwErrors *e);
/* Formats one error as "file:line: column 'c': msg" (or "file: where: ..."). */
void mw_error_format(const MwError *err, char *buf, size_t size);

/* Allocation. Every allocation of the engine goes through these. On failure
 * they return NULL (never abort); callers propagate MW_ENOMEM.
 * mw_alloc_fail_at(n) makes the n-th allocation from now fail (0 = never),
 * for the fail-the-Nth-allocation sweeps in the tests. */
void *mw_malloc(size_t n);
void *mw_calloc(size_t count, size_t size);
void *mw_realloc(void *p, size_t n);
char *mw_strdup(const char *s);
void mw_free(void *p);
void mw_alloc_fail_at(long n);
long mw_alloc_count(void);

/* Arena: many small allocations freed at once. Owned by whoever creates it;
 * mw_arena_free accepts NULL. Allocations are 8-byte aligned and zeroed. */
typedef struct MwArenaBlock MwArenaBlock;
typedef struct {
    MwArenaBlock *head;
    size_t used_total;
} MwArena;

void mw_arena_init(MwArena *a);
void mw_arena_free(MwArena *a);
void *mw_arena_alloc(MwArena *a, size_t n);         /* NULL on OOM */
char *mw_arena_strdup(MwArena *a, const char *s);   /* NULL on OOM */
char *mw_arena_strndup(MwArena *a, const char *s, size_t n);

/* Growable array helper: ensures room for `need` elements of size `elem`.
 * Returns MW_OK or MW_ENOMEM (the array is untouched then). */
int mw_grow(void **items, int *cap, int need, size_t elem);

/* The number of set bits of v (day and part masks). */
int mw_popcount(unsigned v);

/* Shortest decimal text that reads back to the same double, written without
 * an exponent for 1e-9 <= |v| < 1e15 (the CSV reader refuses exponents);
 * never "-0"; "nan"/"inf" are not produced (callers keep those out). */
void mw_fmt_double(char *buf, size_t size, double v);

/* Deterministic RNG (splitmix64 seeded xoshiro256**), independent of libc. */
typedef struct { uint64_t s[4]; } MwRng;
void mw_rng_seed(MwRng *r, uint64_t seed);
uint64_t mw_rng_next(MwRng *r);
double mw_rng_uniform(MwRng *r);                  /* [0,1) */
int mw_rng_int(MwRng *r, int lo, int hi);          /* inclusive */
double mw_rng_normal(MwRng *r);                   /* Box-Muller, N(0,1) */

#endif
