/* check.h — the tiny unit-test harness: CHECK records a failure with its
 * position and goes on; each test binary ends with "N passed, N failed"
 * for the runner (tests/run.sh) to add up.
 */
#ifndef MW_CHECK_H
#define MW_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond) do { \
    if (cond) check_passed++; \
    else { check_failed++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_STR(got, want) do { \
    const char *g_ = (got), *w_ = (want); \
    if (g_ && w_ && strcmp(g_, w_) == 0) check_passed++; \
    else { check_failed++; fprintf(stderr, "FAIL %s:%d: got '%s', want '%s'\n", __FILE__, __LINE__, \
                                   g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
} while (0)

#define CHECK_NEAR(got, want, tol) do { \
    double g_ = (got), w_ = (want); \
    if (fabs(g_ - w_) <= (tol)) check_passed++; \
    else { check_failed++; fprintf(stderr, "FAIL %s:%d: got %.12g, want %.12g\n", __FILE__, __LINE__, g_, w_); } \
} while (0)

static inline int check_report(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
