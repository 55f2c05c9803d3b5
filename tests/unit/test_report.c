/* test_report.c — report.html (engine/output/report.c) and the employer view
 * (engine/output/employer_view.c) on the mini region via load_dir +
 * region_solve + proposal_build: self-contained (no external resource),
 * headings in order, tables with captions and scoped headers, a card and an
 * index entry for every candidate and employer, the package's task names in
 * the matched card, hostile names escaped, byte-identical output, limits
 * left out on request; the employer view with and without the candidate's
 * consent (the same match, one flag flipped); results_write writing
 * report.html and employers/ (modes, encoded file names); allocation
 * failure sweeps. Run from the repo root.
 */
#include "../../engine/assess/proposal.h"
#include "../../engine/input/load.h"
#include "../../engine/output/employer_view.h"
#include "../../engine/output/report.h"
#include "check.h"

#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *models(void)
{
    const char *e = getenv("MAATWERK_MODELS");
    return e && *e ? e : "models";
}

typedef struct {
    Model *m;
    Weights w;
    Region r;
    Proposal p;
    RunMeta meta;
    RunInput inputs[1];
} Fixture;

static int fixture_load(Fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    MwErrors err;
    mw_errors_init(&err, 0);
    LoadOptions lo = {models()};
    int rc = load_dir("tests/data/mini", &lo, &fx->m, &err);
    mw_errors_free(&err);
    if (rc)
        return rc;
    weights_default(&fx->w);
    RegionOptions o;
    region_options_default(&o);
    o.threads = 1;
    if ((rc = region_solve(fx->m, &fx->w, &o, &fx->r)) != MW_OK)
        return rc;
    if ((rc = proposal_build(fx->m, &fx->w, &fx->r, 3, 1, &fx->p)) != MW_OK)
        return rc;
    fx->inputs[0].name = "candidates.csv";
    memset(fx->inputs[0].sha256, 'a', 64);
    fx->meta = (RunMeta){.glpk_version = "GLPK 5.0 (test)", .n_inputs = 1, .inputs = fx->inputs,
                         .preset = "balanced", .threads = 1, .max_iterations = 50, .nearest_miss = 1,
                         .timings = {0.125, 0.5, 1.75}};
    return MW_OK;
}

static void fixture_free(Fixture *fx)
{
    proposal_free(&fx->p);
    region_free(&fx->r);
    model_free(fx->m);
}

static int count(const char *s, const char *needle)
{
    int n = 0;
    for (const char *q = strstr(s, needle); q; q = strstr(q + 1, needle))
        n++;
    return n;
}

/* The text between the element that opens with `open` and the next `close`. */
static char *slice(const char *s, const char *open, const char *close)
{
    const char *a = strstr(s, open);
    const char *e = a ? strstr(a, close) : NULL;
    if (!e)
        return NULL;
    size_t n = (size_t)(e - a);
    char *t = malloc(n + 1);
    memcpy(t, a, n);
    t[n] = '\0';
    return t;
}

/* 1 when no heading is more than one level below the one before it. */
static int headings_in_order(const char *s)
{
    int last = 0;
    for (const char *q = strstr(s, "<h"); q; q = strstr(q + 1, "<h")) {
        int level = q[2] - '0';
        if (level < 1 || level > 6 || (q[3] != '>' && q[3] != ' '))
            continue;
        if (level > last + 1)
            return 0;
        last = level;
    }
    return last > 0;
}

static char *render(const Fixture *fx, unsigned formats)
{
    Buf b = {NULL, 0, 0, 0};
    int rc = report_write_html(&fx->p, &fx->meta, formats, &b);
    CHECK(rc == MW_OK);
    if (rc != MW_OK) {
        mw_free(b.p);
        return NULL;
    }
    return b.p;
}

static void test_report(Fixture *fx)
{
    const Model *m = fx->m;
    char *html = render(fx, RESULTS_JSON);
    if (!html)
        return;
    CHECK(strncmp(html, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">", 62) == 0);
    CHECK(strcmp(html + strlen(html) - 16, "</body>\n</html>\n") == 0);
    /* self-contained: the SVG namespace is the only URL, nothing is fetched */
    CHECK(count(html, "http") == count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(count(html, "xmlns=\"http://www.w3.org/2000/svg\"") == 6);   /* six charts */
    CHECK(!strstr(html, " src=") && !strstr(html, "<link") && !strstr(html, "@import") && !strstr(html, "url("));
    CHECK(strstr(html, "@media print{") != NULL);
    /* accessible structure */
    CHECK(headings_in_order(html));
    CHECK(count(html, "<h1>") == 1);
    CHECK(count(html, "<table") == count(html, "<caption>"));
    CHECK(count(html, "<th ") + count(html, "<th>") ==
          count(html, "<th scope=\"col\"") + count(html, "<th scope=\"row\""));
    CHECK(strstr(html, "<label for=\"zoek\">") && strstr(html, "<input type=\"search\" id=\"zoek\""));
    CHECK(count(html, "role=\"img\" aria-labelledby=") == 6);
    /* a card and an index link for everyone */
    for (int c = 0; c < m->n_candidates; c++) {
        char id[64], link[64];
        snprintf(id, sizeof id, "<section class=\"card %s\" id=\"c-%s\" data-id=\"%s\"",
                 c == model_find_candidate(m, "K3") ? "geplaatst" : "open", m->candidates[c].id, m->candidates[c].id);
        snprintf(link, sizeof link, "<a href=\"#c-%s\">", m->candidates[c].id);
        CHECK(count(html, id) == 1);
        CHECK(count(html, link) >= 1);
    }
    for (int e = 0; e < m->n_employers; e++) {
        char id[64];
        snprintf(id, sizeof id, "id=\"e-%s\" data-id=\"%s\"", m->employers[e].id, m->employers[e].id);
        CHECK(count(html, id) == 1);
    }
    CHECK(count(html, "<section class=\"card") == m->n_candidates + m->n_employers);
    /* the matched card shows every task of the package; the numbers of the
     * overview come from the summary */
    CHECK(fx->p.n_matches == 1);
    if (fx->p.n_matches == 1) {
        char *card = slice(html, "id=\"c-K3\"", "</section>");
        CHECK(card != NULL);
        const Package *pk = &fx->p.matches[0].a.pk;
        for (int k = 0; card && k < pk->n; k++)
            CHECK(strstr(card, m->tasks[pk->tasks[k].task].name) != NULL);
        CHECK(card && strstr(card, "<h4>Wat begrenst</h4>") && strstr(card, "Signaleringen: let hierop"));
        CHECK(card && strstr(card, "<h4>Waarom het past</h4>") && strstr(card, "class=\"rooster\""));
        free(card);
    }
    CHECK(strstr(html, "<tr><th scope=\"row\">Voorgestelde plaatsingen</th><td class=\"n\">1</td></tr>") != NULL);
    {
        /* the summary's hours with one decimal and a decimal comma, formatted here */
        char want[160], num[32];
        snprintf(num, sizeof num, "%.1f", fx->p.summary.hours);
        CHECK(fx->p.summary.hours > 0 && fx->p.summary.hours < 1000);
        *strchr(num, '.') = ',';
        snprintf(want, sizeof want, "<tr><th scope=\"row\">Uren per week (kandidaten)</th><td class=\"n\">%s uur</td></tr>",
                 num);
        CHECK(strstr(html, want) != NULL);
    }
    /* issue 5: costs, durability and fairness, from the Proposal's numbers */
    CHECK(strstr(html, "<h3>Kosten en duurzaamheid</h3>") && strstr(html, "<h3>Eerlijkheid: plaatsingskans per groep</h3>"));
    if (fx->p.n_matches == 1) {
        const PairAssessment *a = &fx->p.matches[0].a;
        char want[160];
        snprintf(want, sizeof want, "duurzame plaatsing (proefplaatsing, eerste zes maanden en de overgang naar een vast "
                                    "contract doorstaan): <strong>%.0f%%</strong>", 100 * a->risk.p_durable);
        CHECK(strstr(html, want) != NULL);
        /* the wage cost in whole euros with a dot between thousands, formatted here independently */
        long v = lround(a->cost.wage_cost_year);
        CHECK(v >= 1000 && v < 1000000);
        snprintf(want, sizeof want, "<tr><th scope=\"row\">Loonkosten werkgever (met werkgeverslasten)</th>"
                                    "<td class=\"n\">€ %ld.%03ld</td></tr>", v / 1000, v % 1000);
        CHECK(strstr(html, want) != NULL);
    }
    int flagged = 0;
    for (int i = 0; i < fx->p.fairness.n; i++)
        flagged += fx->p.fairness.rows[i].flagged;
    CHECK(flagged > 0);
    CHECK(count(html, "<tr class=\"warn\">") == flagged);
    CHECK(count(html, "<strong>onder 0,8×</strong>") == flagged);

    /* the unmatched K1: its nearest miss at E1 (lim.tillen from 1 to 2, see results.json) */
    char *k1 = slice(html, "id=\"c-K1\"", "</section>");
    CHECK(k1 && strstr(k1, "<h4>Dichtstbijzijnde mogelijkheid</h4>"));
    CHECK(k1 && strstr(k1, "<li>de grens voor tillen (niveau) van 1 naar 2 (+1,00), voor taak T1 (Zuivel vullen)</li>"));
    free(k1);
    /* K4: every employer too far away; no nearest miss to show */
    char *k4 = slice(html, "id=\"c-K4\"", "</section>");
    CHECK(k4 && strstr(k4, "<li>Van de 3 werkgevers: 3 te ver reizen.</li>"));
    free(k4);
    /* the colophon: meta's GLPK and preset, a hash prefix, never timings */
    CHECK(strstr(html, "(GLPK GLPK 5.0 (test)), gewichten ‘balanced’") != NULL);
    CHECK(strstr(html, "candidates.csv (sha256 aaaaaaaaaaaa…)") != NULL);

    /* identical bytes for other timings and thread counts */
    RunMeta saved = fx->meta;
    fx->meta.timings = (RunTimings){9, 8, 7};
    fx->meta.threads = 8;
    char *again = render(fx, RESULTS_JSON);
    CHECK(again && strcmp(again, html) == 0);
    fx->meta = saved;
    mw_free(again);

    /* --no-limits: the health-derived sections are left out */
    char *omit = render(fx, RESULTS_JSON | RESULTS_OMIT_LIMITS);
    CHECK(omit && !strstr(omit, "<h4>Wat begrenst") && !strstr(omit, "<h4>Signaleringen") &&
          !strstr(omit, "Dichtstbijzijnde mogelijkheid</h4>") && !strstr(omit, "tillen (niveau)"));
    CHECK(omit && strstr(omit, "<h4>Waarom het past</h4>") && strstr(omit, "Kans op een duurzame plaatsing"));
    mw_free(omit);
    mw_free(html);
}

static void test_escaping(Fixture *fx)
{
    Model *m = fx->m;
    int e1 = model_find_employer(m, "E1"), t1 = model_find_task(m, "T1");
    const char *name = m->employers[e1].name, *tname = m->tasks[t1].name;
    m->employers[e1].name = "<b>Kaas & Co</b>";
    m->tasks[t1].name = "<script>alert(1)</script>";
    char *html = render(fx, RESULTS_JSON);
    CHECK(html && strstr(html, "&lt;b&gt;Kaas &amp; Co&lt;/b&gt;") && !strstr(html, "<b>Kaas"));
    CHECK(html && strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;") && !strstr(html, "<script>alert"));
    CHECK(html && count(html, "<script>") == 1);   /* only the search script */
    mw_free(html);
    Buf b = {NULL, 0, 0, 0};
    CHECK(employer_view_html(&fx->p, e1, &b) == MW_OK);
    CHECK(strstr(buf_str(&b), "<title>Voorgestelde kandidaten voor &lt;b&gt;Kaas &amp; Co&lt;/b&gt;</title>"));
    CHECK(!strstr(buf_str(&b), "<script"));
    mw_free(b.p);
    m->employers[e1].name = name;
    m->tasks[t1].name = tname;
}

/* The employer view of E1, whose one proposed candidate is K3, with K3's
 * consent and without it. */
static void test_employer_view(Fixture *fx)
{
    Model *m = fx->m;
    int e1 = model_find_employer(m, "E1"), k3 = model_find_candidate(m, "K3");
    CHECK(m->candidates[k3].consent_employer_view == 1);
    for (int consent = 1; consent >= 0; consent--) {
        m->candidates[k3].consent_employer_view = consent;
        char *json = employer_view_json(&fx->p, e1);
        cJSON *root = json ? cJSON_Parse(json) : NULL;
        CHECK(root != NULL);
        cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "candidates");
        CHECK(cJSON_GetArraySize(list) == 1);
        cJSON *o = cJSON_GetArrayItem(list, 0);
        CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "candidate")), "K3");
        CHECK(cJSON_IsBool(cJSON_GetObjectItemCaseSensitive(o, "consent_employer_view")));
        CHECK(cJSON_GetObjectItemCaseSensitive(o, "package") != NULL);
        int keys = cJSON_GetArraySize(o);
        CHECK(keys == (consent ? 7 : 3));
        CHECK((cJSON_GetObjectItemCaseSensitive(o, "binding_limits") != NULL) == consent);
        CHECK((cJSON_GetObjectItemCaseSensitive(o, "signaleringen") != NULL) == consent);
        /* no dimension K3 has a known limit for is named without consent */
        int named = 0;
        for (int d = 0; json && d < m->n_dims; d++)
            if (m->candidates[k3].lim_state[d] == LIM_KNOWN && strstr(json, m->dims[d].name))
                named++;
        CHECK(consent ? named > 0 : named == 0);
        cJSON_Delete(root);
        mw_free(json);

        Buf b = {NULL, 0, 0, 0};
        CHECK(employer_view_html(&fx->p, e1, &b) == MW_OK);
        const char *h = buf_str(&b);
        CHECK(strstr(h, "<section class=\"card geplaatst\" data-candidate=\"K3\">") != NULL);
        CHECK(strstr(h, "class=\"rooster\"") != NULL);
        const Package *pk = &fx->p.matches[0].a.pk;
        CHECK(fx->p.n_matches == 1 && pk->n > 0);
        for (int k = 0; k < pk->n; k++)
            CHECK(strstr(h, m->tasks[pk->tasks[k].task].name) != NULL);
        CHECK((strstr(h, "Wat begrenst") != NULL) == consent);
        CHECK((strstr(h, "Signaleringen") != NULL) == consent);
        CHECK((strstr(h, "Waarom het past") != NULL) == consent);
        /* no dimension K3 has a known limit for is named without consent */
        const Candidate *c = &m->candidates[k3];
        named = 0;
        for (int d = 0; d < m->n_dims; d++)
            if (c->lim_state[d] == LIM_KNOWN && strstr(h, m->dims[d].name))
                named++;
        CHECK(consent ? named > 0 : named == 0);
        CHECK(count(h, "<h1>") == 1 && headings_in_order(h));
        mw_free(b.p);
    }
    m->candidates[k3].consent_employer_view = 1;
    /* E2 has nobody proposed */
    Buf b = {NULL, 0, 0, 0};
    CHECK(employer_view_html(&fx->p, model_find_employer(m, "E2"), &b) == MW_OK);
    CHECK(strstr(buf_str(&b), "Deze week zijn geen kandidaten voorgesteld.") != NULL);
    mw_free(b.p);
    b = (Buf){NULL, 0, 0, 0};
    employer_view_file_name(&b, "E/1 ..", "html");
    CHECK_STR(buf_str(&b), "E%2F1%20%2E%2E.html");
    mw_free(b.p);
}

static int mode_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (int)(st.st_mode & 0777) : -1;
}

static void test_write(Fixture *fx)
{
    char root[] = "/tmp/test_report.XXXXXX";
    if (!mkdtemp(root))
        return;
    char out[256], path[512];
    snprintf(out, sizeof out, "%s/out", root);
    Model *m = fx->m;
    int e1 = model_find_employer(m, "E1");
    const char *id = m->employers[e1].id;
    m->employers[e1].id = "../E1";   /* an id must not leave employers/ */
    MwErrors err;
    mw_errors_init(&err, 0);
    CHECK(results_write(out, &fx->p, &fx->meta, RESULTS_HTML | RESULTS_EMPLOYER_VIEW, &err) == MW_OK);
    snprintf(path, sizeof path, "%s/report.html", out);
    CHECK(mode_of(path) == 0600);
    snprintf(path, sizeof path, "%s/results.json", out);
    CHECK(mode_of(path) == -1);   /* only what was asked for */
    snprintf(path, sizeof path, "%s/employers", out);
    CHECK(mode_of(path) == 0700);
    snprintf(path, sizeof path, "%s/employers/%%2E%%2E%%2FE1.html", out);
    CHECK(mode_of(path) == 0600);
    snprintf(path, sizeof path, "%s/employers/%%2E%%2E%%2FE1.json", out);
    CHECK(mode_of(path) == 0600);
    snprintf(path, sizeof path, "%s/E1.html", root);
    CHECK(mode_of(path) == -1);
    snprintf(path, sizeof path, "%s/employers/E2.html", out);
    CHECK(mode_of(path) == -1);   /* nobody proposed at E2: no file */
    m->employers[e1].id = id;

    /* allocation failures while writing: MW_ENOMEM and nothing new on disk */
    int fails = 0;
    for (long n = 1; n < 100000; n++) {
        char dir[300];
        snprintf(dir, sizeof dir, "%s/sweep", root);
        mw_alloc_fail_at(n);
        int rc = results_write(dir, &fx->p, &fx->meta, RESULTS_HTML | RESULTS_EMPLOYER_VIEW, &err);
        mw_alloc_fail_at(0);
        if (rc == MW_OK)
            break;
        fails += rc == MW_ENOMEM;
        snprintf(path, sizeof path, "%s/report.html", dir);
        if (mode_of(path) != -1) {
            CHECK(!"a file was written although the write failed");
            break;
        }
    }
    CHECK(fails > 10);
    mw_errors_free(&err);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    CHECK(system(cmd) == 0);
}

static void test_alloc_report(Fixture *fx)
{
    int fails = 0;
    for (long n = 1; n < 100000; n++) {
        Buf b = {NULL, 0, 0, 0};
        mw_alloc_fail_at(n);
        int rc = report_write_html(&fx->p, &fx->meta, RESULTS_JSON, &b);
        mw_alloc_fail_at(0);
        mw_free(b.p);
        if (rc == MW_OK)
            break;
        CHECK(rc == MW_ENOMEM);
        fails++;
    }
    CHECK(fails > 5);
}

int main(void)
{
    Fixture fx;
    int rc = fixture_load(&fx);
    CHECK(rc == MW_OK);
    if (rc == MW_OK) {
        test_report(&fx);
        test_escaping(&fx);
        test_employer_view(&fx);
        test_write(&fx);
        test_alloc_report(&fx);
    }
    fixture_free(&fx);
    return check_report("test_report");
}
