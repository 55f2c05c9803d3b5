/* test_weekly.c — unit tests of the weekly assessment (engine/assess/
 * weekly.c): every monitoring signal on tests/data/mini's placement P1 with
 * dates set so that each rule fires (or just does not), counted by hand;
 * churn against a hand-made last week; and previous_resolve
 * (engine/core/weekly.c). Layer: tests.
 */
#include "../../engine/assess/weekly.h"
#include "../../engine/input/load.h"
#include "../../engine/solve/fixed.h"
#include "check.h"

#include <stdlib.h>

/* A ViewMatch without a schedule. */
#define VM(c_, e_, p_, f_, n_, t_, h_, w_) \
    {.candidate = c_, .employer = e_, .placement = p_, .fixed = f_, .n = n_, .task = t_, .hours = h_, .work = w_}

static Model *load_mini(void)
{
    const char *e = getenv("MAATWERK_MODELS");
    MwErrors err;
    mw_errors_init(&err, 20);
    Model *m = NULL;
    LoadOptions lo = {e && *e ? e : "models"};
    int st = load_dir("tests/data/mini", &lo, &m, &err);
    mw_errors_free(&err);
    CHECK(st == MW_OK);
    return st == MW_OK ? m : NULL;
}

static int32_t day(int y, int mo, int d) { return mw_days_from_civil(y, mo, d); }

/* The signals of kind k (and reason, when not NULL) in list. */
static const MonSignal *find(const MonSignal *s, int n, MonKind k, const char *reason)
{
    for (int i = 0; i < n; i++)
        if (s[i].kind == k && (!reason || (s[i].reason && strcmp(s[i].reason, reason) == 0)))
            return &s[i];
    return NULL;
}

static int count(const MonSignal *s, int n, MonKind k)
{
    int c = 0;
    for (int i = 0; i < n; i++)
        c += s[i].kind == k;
    return c;
}

static void test_monitor(void)
{
    Model *m = load_mini();
    if (!m)
        return;
    Weights w;
    weights_default(&w);
    Proposal none;
    memset(&none, 0, sizeof none);
    MonSignal *s;
    int n;
    Placement *p = &m->placements[0];    /* K3 at E1, temp, start 2026-09-01, contract to 2027-08-31 */
    int32_t today = day(2026, 10, 20);

    /* as the file has it: only the package misfit (12 h below K3's minimum 20) */
    CHECK(weekly_monitor(m, &w, &none, today, &s, &n) == MW_OK);
    CHECK(n == 1 && s[0].kind == MON_PACKAGE_NO_LONGER_FITS && s[0].misfit == FIXED_MISFIT_HOURS);
    CHECK(s[0].placement == 0 && s[0].cand == p->candidate && s[0].emp == p->employer);
    mw_free(s);

    /* every rule at once */
    p->phase = PHASE_TRIAL;                       /* trial ends 2026-10-31: 11 days */
    p->contract_end = day(2026, 12, 15);          /* 56 days: the last day of the 8 weeks */
    p->jobcoach_start = day(2024, 11, 1);         /* two years end 2026-11-01: 12 days */
    p->jobcoach_hours_year = 44;                  /* 8 of the 52 hours left */
    p->loonwaarde_measured = day(2023, 12, 15);   /* due 2026-12-15: 56 days */
    m->employers[p->employer].supervisor_exit_months = 6;
    int k3 = p->candidate;
    m->candidates[k3].max_hours_week = 13;        /* 12 h >= 0.9 x 13 = 11.7 */
    m->candidates[k3].min_hours_week = 10;        /* the package fits again */
    CHECK(weekly_monitor(m, &w, &none, today, &s, &n) == MW_OK);
    const MonSignal *g;
    CHECK((g = find(s, n, MON_TRIAL_ENDING, NULL)) && g->days_left == 11 && g->date == day(2026, 10, 31));
    CHECK((g = find(s, n, MON_CONTRACT_ENDING, NULL)) && g->days_left == 56);
    CHECK((g = find(s, n, MON_JOBCOACH_ENDING, "two_years")) && g->days_left == 12);
    CHECK((g = find(s, n, MON_JOBCOACH_ENDING, "hours_year")) && g->value == 44 && g->limit == 52);
    CHECK(!find(s, n, MON_JOBCOACH_ENDING, "min_hours"));           /* 12 h a week is enough */
    CHECK((g = find(s, n, MON_LOONWAARDE_DUE, NULL)) && g->days_left == 56 && g->date == day(2026, 12, 15));
    CHECK((g = find(s, n, MON_SUPERVISOR_LEAVING, NULL)) && g->value == 6);
    CHECK((g = find(s, n, MON_HOURS_NEAR_MAX, NULL)) && g->value == 12 && g->limit == 13);
    CHECK(!find(s, n, MON_PACKAGE_NO_LONGER_FITS, NULL));
    CHECK(!find(s, n, MON_TEMP_CHAIN_LIMIT, NULL));                 /* a trial, not a temporary contract */
    CHECK(n == 7);            /* trial, contract, jobcoach x2, loonwaarde, supervisor, hours */
    for (int i = 1; i < n; i++)
        CHECK(s[i - 1].kind <= s[i].kind);                          /* one candidate: by kind */
    mw_free(s);

    /* one day further from each limit: none of the dated ones fires */
    p->contract_end = day(2026, 12, 16);
    p->loonwaarde_measured = day(2023, 12, 16);
    p->trial_end = day(2026, 11, 4);              /* 15 days */
    p->jobcoach_start = day(2024, 12, 16);
    p->jobcoach_hours_year = 43.5;                /* 8.5 left */
    m->employers[p->employer].supervisor_exit_months = 7;
    m->candidates[k3].max_hours_week = 13.4;      /* 0.9 x 13.4 = 12.06 > 12 */
    CHECK(weekly_monitor(m, &w, &none, today, &s, &n) == MW_OK);
    CHECK(n == 0);
    mw_free(s);

    /* without a date the dated signals are left out */
    p->contract_end = day(2026, 11, 1);
    CHECK(weekly_monitor(m, &w, &none, MW_NO_DATE, &s, &n) == MW_OK);
    CHECK(n == 0);
    mw_free(s);

    /* the temporary-contract chain: 3 contracts, or 3 years since chain_start */
    p->phase = PHASE_TEMP;
    p->temp_contracts = 3;
    CHECK(weekly_monitor(m, &w, &none, today, &s, &n) == MW_OK);
    CHECK((g = find(s, n, MON_TEMP_CHAIN_LIMIT, "contracts")) && g->value == 3);
    mw_free(s);
    p->temp_contracts = 2;
    p->chain_start = day(2023, 11, 1);            /* 3 years on 2026-11-01: 12 days */
    p->start = day(2025, 11, 1);
    CHECK(weekly_monitor(m, &w, &none, today, &s, &n) == MW_OK);
    CHECK((g = find(s, n, MON_TEMP_CHAIN_LIMIT, "years")) && g->days_left == 12);
    CHECK(count(s, n, MON_TEMP_CHAIN_LIMIT) == 1);
    mw_free(s);

    /* a failed trial is signalled and nothing else about it */
    p->phase = PHASE_TRIAL;
    p->outcome = PLACEMENT_FAILED;
    CHECK(weekly_monitor(m, &w, &none, today, &s, &n) == MW_OK);
    CHECK(n == 1 && s[0].kind == MON_TRIAL_FAILED);
    mw_free(s);
    CHECK_STR(mon_kind_names[MON_PACKAGE_NO_LONGER_FITS], "package_no_longer_fits");
    model_free(m);
}

static void test_previous_and_churn(void)
{
    Model *m = load_mini();
    if (!m)
        return;
    /* last week: K1 at E1 on T1 6 h; K2 at E3 on a task that left (T99);
     * K9 who left; K3 at E1 on T4 8 h */
    const char *t1[] = {"T1"}, *t99[] = {"T99"}, *t4[] = {"T4"};
    double h6[] = {6}, h8[] = {8}, w0[] = {0};
    ViewMatch vm[4] = {VM("K1", "E1", NULL, 0, 1, t1, h6, w0), VM("K2", "E3", NULL, 0, 1, t99, h6, w0),
                       VM("K9", "E1", NULL, 0, 1, t1, h6, w0), VM("K3", "E1", "P1", 1, 1, t4, h8, w0)};
    int sd[2] = {0, 4}, sp[2] = {0, 0};
    double sh[2] = {4, 2};
    const char *st[2] = {"T1", "T1"};
    vm[0].n_slots = 2, vm[0].slot_task = st, vm[0].slot_day = sd, vm[0].slot_part = sp, vm[0].slot_hours = sh;
    ResultsView v;
    memset(&v, 0, sizeof v);
    v.n_matches = 4;
    v.matches = vm;
    snprintf(v.sha256, sizeof v.sha256, "%s", "ab");
    Previous pv;
    CHECK(previous_resolve(m, &v, &pv) == MW_OK);
    int k1 = model_find_candidate(m, "K1"), k2 = model_find_candidate(m, "K2"), k3 = model_find_candidate(m, "K3");
    int k4 = model_find_candidate(m, "K4");
    CHECK(pv.unresolved == 2);                    /* T99 and K9 */
    CHECK(pv.of[k1].emp == model_find_employer(m, "E1") && pv.of[k1].n == 1);
    CHECK(pv.of[k1].tasks[0] == model_find_task(m, "T1") && pv.of[k1].hours[0] == 6);
    CHECK(pv.of[k1].n_slots == 2 && pv.of[k1].slots[1].task == model_find_task(m, "T1") &&
          pv.of[k1].slots[1].day == 4 && pv.of[k1].slots[1].hours == 2);
    CHECK(pv.of[k2].emp == -1 && pv.of[k4].emp == -1);
    CHECK_STR(pv.sha256, "ab");

    /* this week (a hand-made region): K1 the same package, K3 another
     * package at E1, K4 new, K2 none */
    PackageTask pt1 = {model_find_task(m, "T1"), 6.000004, 4.8, {0}};
    PackageTask pt4 = {model_find_task(m, "T4"), 7, 7, {0}};
    PackageTask pt8 = {model_find_task(m, "T8"), 3, 3, {0}};
    RegionPair pairs[3] = {{k1, 0, 0, 0, 0}, {k3, 0, 0, 0, 1}, {k4, 2, 0, 0, 2}};
    Column cols[3];
    memset(cols, 0, sizeof cols);
    cols[0].pair = 0;
    cols[0].pk.n = 1;
    cols[0].pk.tasks = &pt1;
    cols[1].pair = 1;
    cols[1].pk.n = 1;
    cols[1].pk.tasks = &pt4;
    cols[2].pair = 2;
    cols[2].pk.n = 1;
    cols[2].pk.tasks = &pt8;
    int chosen[4];
    chosen[k1] = 0;
    chosen[k2] = -1;
    chosen[k3] = 1;
    chosen[k4] = 2;
    Region r;
    memset(&r, 0, sizeof r);
    r.n_pairs = 3;
    r.pairs = pairs;
    r.n_cols = 3;
    r.cols = cols;
    r.chosen = chosen;
    Churn ch;
    weekly_churn(m, &r, &pv, &ch);
    CHECK(ch.kept == 1 && ch.changed == 1 && ch.dropped == 0 && ch.added == 1 && ch.unresolved == 2);
    weekly_churn(m, &r, NULL, &ch);
    CHECK(ch.kept == 0 && ch.changed == 0 && ch.added == 0);
    previous_free(&pv);
    model_free(m);
}

/* weekly_monitor under allocation failure: MW_ENOMEM with nothing to free,
 * or the full list (a misfit check allocates per placement). */
static void test_monitor_alloc(void)
{
    Model *m = load_mini();
    if (!m)
        return;
    Weights w;
    weights_default(&w);
    Proposal none;
    memset(&none, 0, sizeof none);
    m->employers[m->placements[0].employer].supervisor_exit_months = 3;
    MonSignal *s;
    int n, want, bad = 0, failures = 0;
    long before = mw_alloc_count();
    CHECK(weekly_monitor(m, &w, &none, day(2026, 10, 20), &s, &want) == MW_OK);
    long total = mw_alloc_count() - before;
    mw_free(s);
    CHECK(want == 2 && total > 2);
    for (long k = 1; k <= total + 1; k++) {
        mw_alloc_fail_at(k);
        int st = weekly_monitor(m, &w, &none, day(2026, 10, 20), &s, &n);
        mw_alloc_fail_at(0);
        if (st == MW_ENOMEM) {
            failures++;
            bad |= s != NULL || n != 0;
        } else {
            bad |= st != MW_OK || n != want;
            mw_free(s);
        }
    }
    CHECK(!bad && failures > 0);
    model_free(m);
}

int main(void)
{
    test_monitor();
    test_monitor_alloc();
    test_previous_and_churn();
    return check_report("test_weekly");
}
