/* test_diff.c — unit tests of the weekly diff (engine/assess/diff.c) on
 * hand-made results views: each status and each reason, in the order the
 * rules of diff.h give them, and the new/open marks of the monitoring
 * signals. Also reads results files back (engine/input/resread.c): fields,
 * and the exact errors of bad ones. Layer: tests.
 */
#include "../../engine/assess/diff.h"
#include "../../engine/input/resread.h"
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* A ViewMatch without a schedule. */
#define VM(c_, e_, p_, f_, n_, t_, h_, w_) \
    {.candidate = c_, .employer = e_, .placement = p_, .fixed = f_, .n = n_, .task = t_, .hours = h_, .work = w_}

static const char *ta[] = {"T1", "T2"}, *tb[] = {"T3"}, *tc[] = {"T5"}, *td[] = {"T7"}, *te[] = {"T8"}, *tf[] = {"T6"};
static double h1[] = {6, 2}, h2[] = {6, 2.5}, h3[] = {4}, z[] = {0, 0};

static const DiffEntry *entry_of(const Diff *d, const char *cand)
{
    for (int i = 0; i < d->n; i++)
        if (strcmp(d->items[i].candidate, cand) == 0)
            return &d->items[i];
    return NULL;
}

static void test_statuses_and_reasons(void)
{
    /* OLD: A at E1 (T1 6, T2 2); B at E2 (T3); C at E3 (T5); D at E4 (T7); F at E5 (T8); G at E1 (T3? no: T7 at E4)
     * NEW: A at E1 (T1 6, T2 2.5)  -> changed, input changed (A's fingerprint)
     *      B none                 -> dropped, trial failed at E2
     *      C at E6                -> changed, capacity taken: H (new) takes T5
     *      D at E7                -> changed, better option (nothing else changed at E4)
     *      F at E5 (T8)           -> kept
     *      H at E3 (T5)           -> new
     *      G gone from the input  -> dropped, input changed */
    ViewMatch old[6] = {VM("A", "E1", NULL, 0, 2, ta, h1, z), VM("B", "E2", "P4", 0, 1, tb, h3, z),
                        VM("C", "E3", NULL, 0, 1, tc, h3, z), VM("D", "E4", NULL, 0, 1, td, h3, z),
                        VM("F", "E5", NULL, 0, 1, te, h3, z), VM("G", "E5", NULL, 0, 1, te, h3, z)};
    ViewMatch now[5] = {VM("A", "E1", NULL, 0, 2, ta, h2, z), VM("C", "E6", NULL, 0, 1, tf, h3, z),
                        VM("D", "E7", NULL, 0, 1, tc, h3, z), VM("F", "E5", NULL, 0, 1, te, h3, z),
                        VM("H", "E3", NULL, 0, 1, tc, h3, z)};
    const char *cands_old[] = {"A", "B", "C", "D", "F", "G"};
    const char *cands_new[] = {"A", "B", "C", "D", "F", "H"};
    ViewPrint cp_old[] = {{"A", "a1"}, {"B", "b1"}, {"C", "c1"}, {"D", "d1"}, {"F", "f1"}, {"G", "g1"}};
    ViewPrint cp_new[] = {{"A", "a2"}, {"B", "b2"}, {"C", "c1"}, {"D", "d1"}, {"F", "f1"}, {"H", "h1"}};
    ViewPrint ep[] = {{"E1", "x"}, {"E2", "x"}, {"E3", "x"}, {"E4", "x"}, {"E5", "x"}, {"E6", "x"}, {"E7", "x"}};
    ViewSignal s_old[] = {{"hours_near_max", "F", "E5", "P9"}};
    ViewSignal s_new[] = {{"trial_failed", "B", "E2", "P4"}, {"hours_near_max", "F", "E5", "P9"}};
    ResultsView a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    a.n_matches = 6, a.matches = old, a.n_candidates = 6, a.candidates = cands_old;
    a.n_cand_prints = 6, a.cand_prints = cp_old, a.n_emp_prints = 7, a.emp_prints = ep;
    a.n_signals = 1, a.signals = s_old;
    b.n_matches = 5, b.matches = now, b.n_candidates = 6, b.candidates = cands_new;
    b.n_cand_prints = 6, b.cand_prints = cp_new, b.n_emp_prints = 7, b.emp_prints = ep;
    b.n_signals = 2, b.signals = s_new;
    Diff d;
    CHECK(diff_build(&a, &b, &d) == MW_OK);
    CHECK(d.n == 7);
    const DiffEntry *e;
    CHECK((e = entry_of(&d, "A")) && e->status == DIFF_CHANGED && e->reason == DR_INPUT_CHANGED);
    CHECK((e = entry_of(&d, "B")) && e->status == DIFF_DROPPED && e->reason == DR_TRIAL_FAILED && !e->now);
    CHECK((e = entry_of(&d, "C")) && e->status == DIFF_CHANGED && e->reason == DR_CAPACITY_TAKEN);
    CHECK((e = entry_of(&d, "D")) && e->status == DIFF_CHANGED && e->reason == DR_BETTER_OPTION);
    CHECK((e = entry_of(&d, "F")) && e->status == DIFF_KEPT && e->reason == DR_NONE);
    CHECK((e = entry_of(&d, "H")) && e->status == DIFF_NEW && !e->old);
    CHECK((e = entry_of(&d, "G")) && e->status == DIFF_DROPPED && e->reason == DR_INPUT_CHANGED);
    CHECK(d.counts[DIFF_NEW] == 1 && d.counts[DIFF_KEPT] == 1 && d.counts[DIFF_CHANGED] == 3 &&
          d.counts[DIFF_DROPPED] == 2);
    /* order: NEW's candidates, then those only OLD had */
    CHECK(strcmp(d.items[0].candidate, "A") == 0 && strcmp(d.items[5].candidate, "H") == 0 &&
          strcmp(d.items[6].candidate, "G") == 0);
    CHECK(d.n_signals == 2 && d.signals[0].state == DS_NEW && d.signals[1].state == DS_OPEN);
    diff_free(&d);

    /* B's reason falls back when NEW has no trial_failed signal: B's
     * fingerprint changed, so input changed; with the same fingerprint and
     * C's task taken by nobody, D's better option stays */
    b.n_signals = 1;
    b.signals = s_new + 1;
    CHECK(diff_build(&a, &b, &d) == MW_OK);
    CHECK((e = entry_of(&d, "B")) && e->reason == DR_INPUT_CHANGED);
    diff_free(&d);
    cp_new[1].fp = "b1";
    CHECK(diff_build(&a, &b, &d) == MW_OK);
    CHECK((e = entry_of(&d, "B")) && e->reason == DR_BETTER_OPTION);
    diff_free(&d);
    /* identical views: everything kept */
    CHECK(diff_build(&a, &a, &d) == MW_OK);
    CHECK(d.counts[DIFF_KEPT] == 6 && d.counts[DIFF_CHANGED] == 0 && d.n_signals == 1 && d.signals[0].state == DS_OPEN);
    diff_free(&d);
    /* the other way round: B's trial_failed is closed, listed after NEW's */
    b.n_signals = 2;
    b.signals = s_new;
    CHECK(diff_build(&b, &a, &d) == MW_OK);
    CHECK(d.n_signals == 2 && d.signals[0].state == DS_OPEN && d.signals[1].state == DS_CLOSED);
    CHECK(d.n_signals == 2 && strcmp(d.signals[1].s->kind, "trial_failed") == 0);
    CHECK_STR(diff_signal_names[DS_CLOSED], "closed");
    diff_free(&d);
    CHECK(diff_same_match(&old[0], &old[0]) && !diff_same_match(&old[0], &now[0]));
    CHECK_STR(diff_reason_names[DR_CAPACITY_TAKEN], "capacity_taken");
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

/* A temporary file holding text, its name in path; -1 on failure. */
static int temp_file(char path[64], const char *text)
{
    snprintf(path, 64, "%s", "/tmp/maatwerk-test-resread-XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return -1;
    close(fd);
    CHECK(write_file(path, text) == 0);
    return 0;
}

static void read_error(const char *text, const char *want)
{
    char path[64];
    if (temp_file(path, text))
        return;
    MwErrors err;
    mw_errors_init(&err, 10);
    ResultsView v;
    CHECK(resview_read(path, "R.json", &v, &err) == MW_EINPUT);
    char line[512] = "";
    if (err.n)
        mw_error_format(&err.items[0], line, sizeof line);
    CHECK_STR(line, want);
    mw_errors_free(&err);
    unlink(path);
}

static void test_resread(void)
{
    char path[64];
    const char *text =
        "{\"schema\": \"maatwerk.results/1\", \"meta\": {\"parameters\": {\"date\": \"2026-03-16\"}},\n"
        " \"proposal\": [{\"candidate\": \"C1\", \"employer\": \"E1\", \"placement\": \"P1\", \"fixed\": true,\n"
        "   \"package\": {\"tasks\": [{\"id\": \"T1\", \"hours\": 6.5, \"work\": 4.55}, {\"id\": \"T2\", \"hours\": 2, \"work\": 2}],\n"
        "    \"schedule\": [{\"day\": \"di\", \"part\": \"middag\", \"task\": \"T1\", \"hours\": 6.5},\n"
        "                 {\"day\": \"zo\", \"part\": \"nacht\", \"task\": \"T2\", \"hours\": 2}]}},\n"
        "  {\"candidate\": \"C2\", \"employer\": \"E2\", \"placement\": null, \"fixed\": false, \"package\": {\"tasks\": []}}],\n"
        " \"shortlists\": {\"candidates\": [{\"candidate\": \"C1\"}, {\"candidate\": \"C2\"}, {\"candidate\": \"C3\"}]},\n"
        " \"monitoring\": [{\"kind\": \"trial_ending\", \"candidate\": \"C1\", \"employer\": \"E1\", \"placement\": \"P1\"}],\n"
        " \"fingerprints\": {\"candidates\": [{\"id\": \"C1\", \"sha256\": \"aa\"}], \"employers\": [{\"id\": \"E1\", \"sha256\": \"bb\"}]}}\n";
    if (temp_file(path, text))
        return;
    MwErrors err;
    mw_errors_init(&err, 10);
    ResultsView v;
    CHECK(resview_read(path, NULL, &v, &err) == MW_OK);
    CHECK(v.n_matches == 2 && v.n_candidates == 3 && v.n_signals == 1);
    CHECK_STR(v.matches[0].candidate, "C1");
    CHECK_STR(v.matches[0].placement, "P1");
    CHECK(v.matches[0].fixed == 1 && v.matches[1].fixed == 0 && v.matches[1].placement == NULL);
    CHECK(v.matches[0].n == 2 && v.matches[0].hours[0] == 6.5 && v.matches[0].work[0] == 4.55);
    CHECK_STR(v.matches[0].task[1], "T2");
    CHECK(v.matches[1].n == 0 && v.matches[1].n_slots == 0);
    CHECK(v.matches[0].n_slots == 2 && v.matches[0].slot_day[0] == 1 && v.matches[0].slot_part[0] == 1);
    CHECK(v.matches[0].slot_day[1] == 6 && v.matches[0].slot_part[1] == 3 && v.matches[0].slot_hours[1] == 2);
    CHECK_STR(v.matches[0].slot_task[1], "T2");
    CHECK_STR(v.candidates[2], "C3");
    CHECK_STR(v.signals[0].kind, "trial_ending");
    CHECK_STR(v.cand_prints[0].fp, "aa");
    CHECK_STR(v.emp_prints[0].id, "E1");
    CHECK_STR(v.date, "2026-03-16");
    char want[MW_SHA256_HEX];
    mw_sha256_hex(text, strlen(text), want);
    CHECK_STR(v.sha256, want);
    resview_free(&v);
    mw_errors_free(&err);
    unlink(path);

    read_error("[1, 2]", "R.json: invalid JSON (expected a results.json of maatwerk run)");
    read_error("{\"schema\": \"maatwerk.results/2\", \"proposal\": []}",
               "R.json: schema: expected \"maatwerk.results/1\" (a results.json of maatwerk run)");
    read_error("{\"schema\": \"maatwerk.results/1\"}", "R.json: proposal: expected an array");
    read_error("{\"schema\": \"maatwerk.results/1\", \"proposal\": [{\"candidate\": \"C1\", \"employer\": 3}]}",
               "R.json: proposal[0].employer: expected a string");
    read_error("{\"schema\": \"maatwerk.results/1\", \"proposal\": [{\"candidate\": \"C1\", \"employer\": \"E1\", "
               "\"package\": {\"tasks\": [{\"id\": \"T1\", \"hours\": \"6\"}]}}]}",
               "R.json: proposal[0].package.tasks[0].hours: expected a number");
    read_error("{\"schema\": \"maatwerk.results/1\", \"proposal\": [{\"candidate\": \"C1\", \"employer\": \"E1\", "
               "\"package\": {\"tasks\": [], \"schedule\": [{\"day\": \"mo\", \"part\": \"ochtend\", \"task\": \"T1\", "
               "\"hours\": 1}]}}]}",
               "R.json: proposal[0].package.schedule[0].day: expected a day ma..zo");

    mw_errors_init(&err, 10);
    CHECK(resview_read("/nonexistent/results.json", "R.json", &v, &err) == MW_EIO);
    mw_errors_free(&err);

    /* under allocation failure: MW_ENOMEM and nothing to free, or the whole view;
     * then the diff of the view with itself */
    if (temp_file(path, text))
        return;
    int bad = 0, failures = 0;
    for (long k = 1; k < 400; k++) {
        mw_errors_init(&err, 10);
        mw_alloc_fail_at(k);
        int st = resview_read(path, NULL, &v, &err);
        Diff d;
        int ds = st == MW_OK ? diff_build(&v, &v, &d) : MW_OK;
        mw_alloc_fail_at(0);
        mw_errors_free(&err);
        if (st == MW_ENOMEM || ds == MW_ENOMEM) {
            failures++;
            bad |= st == MW_ENOMEM && v.matches != NULL;
            bad |= ds == MW_ENOMEM && (d.items != NULL || d.signals != NULL);
        } else {
            bad |= st != MW_OK || d.counts[DIFF_KEPT] != 2;
            diff_free(&d);
        }
        if (st == MW_OK)
            resview_free(&v);
        if (st == MW_OK && ds == MW_OK)
            break;
    }
    CHECK(!bad && failures > 0);
    unlink(path);
}

int main(void)
{
    test_statuses_and_reasons();
    test_resread();
    return check_report("test_diff");
}
