/* test_html.c — the shared HTML pieces (engine/output/html.c): escaping of
 * hostile input, Dutch numbers (decimal comma, thousands dot, no -0),
 * anchor tokens, and on the mini region a hand-made package whose day
 * board, task table and Dutch explanation sentences are checked against
 * text written out here by hand. Run from the repo root.
 */
#include "../../engine/input/load.h"
#include "../../engine/output/html.h"
#include "check.h"

#include <stdlib.h>

static const char *models(void)
{
    const char *e = getenv("MAATWERK_MODELS");
    return e && *e ? e : "models";
}

/* The text one writer call appends, in a static buffer (tests only). */
#define TEXT(call) (buf_clear(&tb), (call), buf_str(&tb))
static Buf tb;

static void test_escape_numbers(void)
{
    CHECK_STR(TEXT(html_esc(&tb, "<script>alert('x')</script> & \"q\"")),
              "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    CHECK_STR(TEXT(html_esc(&tb, "a\001b\tc\nd\x7f")), "ab\tc\nd\x7f");
    CHECK_STR(TEXT(html_esc(&tb, "conciërge")), "conciërge");
    CHECK_STR(TEXT(html_esc(&tb, NULL)), "");
    CHECK_STR(TEXT(html_num(&tb, 1929.358, 1)), "1.929,4");
    CHECK_STR(TEXT(html_num(&tb, 1234567.5, 2)), "1.234.567,50");
    CHECK_STR(TEXT(html_num(&tb, 999.96, 1)), "1.000,0");
    CHECK_STR(TEXT(html_num(&tb, -0.04, 1)), "0,0");
    CHECK_STR(TEXT(html_num(&tb, -2.5, 1)), "-2,5");
    CHECK_STR(TEXT(html_num(&tb, -1234, 0)), "-1.234");
    CHECK_STR(TEXT(html_num(&tb, 24, 0)), "24");
    CHECK_STR(TEXT(html_signed(&tb, 20, 1)), "+20,0");
    CHECK_STR(TEXT(html_signed(&tb, -0.01, 1)), "0,0");
    CHECK_STR(TEXT(html_signed(&tb, -2.5, 1)), "-2,5");
    CHECK_STR(TEXT(html_short(&tb, 24)), "24");
    CHECK_STR(TEXT(html_short(&tb, 0.5)), "0,5");
    CHECK_STR(TEXT(html_short(&tb, 1.25)), "1,25");
    CHECK_STR(TEXT(html_short(&tb, 2.999)), "3");
    CHECK_STR(TEXT(html_anchor(&tb, "c", "C01")), "c-C01");
    CHECK_STR(TEXT(html_anchor(&tb, "e", "a b/\"_<")), "e-a_20b_2F_22_5F_3C");
    /* distinct ids, distinct tokens: "_" is encoded, so "a_20" cannot collide with "a " */
    CHECK_STR(TEXT(html_anchor(&tb, "c", "a_20")), "c-a_5F20");
    CHECK_STR(TEXT(html_days(&tb, 0x13)), "maandag, dinsdag en vrijdag");
    CHECK_STR(TEXT(html_days(&tb, 0x04)), "woensdag");
    html_printf(&tb, "%s", "");
    buf_clear(&tb);
    char big[2000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    html_printf(&tb, "<%s>", big);   /* longer than html_printf's small buffer */
    CHECK(tb.n == sizeof big + 1 && tb.p[0] == '<' && tb.p[tb.n - 1] == '>' && tb.p[1000] == 'x');
}

/* The mini region's E1 tasks: T1 Zuivel vullen (ma|wo|vr ochtend) and T3
 * Kwaliteitscontrole (di|do middag); a package of 6 h T1 and 2 h T3 laid out
 * by hand. */
static void test_package(const Model *m)
{
    int t1 = model_find_task(m, "T1"), t3 = model_find_task(m, "T3");
    CHECK(t1 >= 0 && t3 >= 0);
    if (t1 < 0 || t3 < 0)
        return;
    PackageTask tasks[2] = {{t1, 6, 4.8, {2, 0, 2, 0, 2, 0, 0}}, {t3, 2, 1.6, {0, 1, 0, 1, 0, 0, 0}}};
    SlotEntry slots[5] = {{t1, 0, 0, 2}, {t3, 1, 1, 1}, {t1, 2, 0, 2}, {t3, 3, 1, 1}, {t1, 4, 0, 2}};
    Package pk;
    memset(&pk, 0, sizeof pk);
    pk.status = CARVE_OPTIMAL;
    pk.n = 2;
    pk.tasks = tasks;
    pk.hours = 8;
    pk.days = 0x1F;
    pk.vacancy_job = -1;
    pk.nslots = 5;
    pk.slots = slots;
    const char *board = TEXT(html_day_board(&tb, m, &pk));
    CHECK(strstr(board, "<thead><tr><th scope=\"col\">Dagdeel</th><th scope=\"col\">maandag</th>"
                        "<th scope=\"col\">dinsdag</th><th scope=\"col\">woensdag</th><th scope=\"col\">donderdag</th>"
                        "<th scope=\"col\">vrijdag</th></tr></thead>") != NULL);
    CHECK(strstr(board, "<tr><th scope=\"row\">ochtend</th><td><ol><li>Zuivel vullen <small>T1</small> 2,0 u</li>"
                        "</ol></td><td></td><td><ol><li>Zuivel vullen <small>T1</small> 2,0 u</li></ol></td><td></td>"
                        "<td><ol><li>Zuivel vullen <small>T1</small> 2,0 u</li></ol></td></tr>") != NULL);
    CHECK(strstr(board, "<tr><th scope=\"row\">middag</th><td></td><td><ol><li>Kwaliteitscontrole <small>T3</small> "
                        "1,0 u</li></ol></td><td></td><td><ol><li>Kwaliteitscontrole <small>T3</small> 1,0 u</li>"
                        "</ol></td><td></td></tr>") != NULL);
    CHECK(strstr(board, "<tr class=\"totaal\"><th scope=\"row\">Uren</th><td class=\"n\">2,0 u</td>"
                        "<td class=\"n\">1,0 u</td><td class=\"n\">2,0 u</td><td class=\"n\">1,0 u</td>"
                        "<td class=\"n\">2,0 u</td></tr>") != NULL);
    CHECK(strstr(board, "zaterdag") == NULL && strstr(board, "avond") == NULL);
    /* a Saturday evening slot adds that column and that row */
    SlotEntry sat[1] = {{t1, 5, 2, 3}};
    pk.slots = sat;
    pk.nslots = 1;
    board = TEXT(html_day_board(&tb, m, &pk));
    CHECK(strstr(board, "<th scope=\"col\">zaterdag</th></tr>") != NULL);
    CHECK(strstr(board, "<tr><th scope=\"row\">avond</th><td></td><td></td><td></td><td></td><td></td><td><ol><li>"
                        "Zuivel vullen <small>T1</small> 3,0 u</li></ol></td></tr>") != NULL);
    pk.slots = slots;
    pk.nslots = 5;
    const char *table = TEXT(html_package_table(&tb, m, &pk));
    CHECK(strstr(table, "<tr><td>T1</td><td>Zuivel vullen</td><td>") != NULL);
    CHECK(strstr(table, "</td><td class=\"n\">6,0</td><td class=\"n\">4,8</td><td>ma wo vr</td></tr>") != NULL);
    CHECK(strstr(table, "</td><td class=\"n\">2,0</td><td class=\"n\">1,6</td><td>di do</td></tr>") != NULL);

    /* score terms in words, for candidate K1 (prefers 20 h) at E1 */
    PairAssessment a;
    memset(&a, 0, sizeof a);
    a.cand = model_find_candidate(m, "K1");
    a.emp = model_find_employer(m, "E1");
    a.pk = pk;
    a.pk.terms = (ScoreTerms){.hours = 8, .value = 3.25, .task = -1, .sup = -0.04};
    a.t_travel = -2.5;
    a.t_known = 5;
    a.score = 12.71;
    a.travel_min = 10;
    const char *terms = TEXT(html_score_terms(&tb, m, &a));
    CHECK(strstr(terms, "<li>uren richting de gewenste 20 uur per week: +8,0 punten</li>") != NULL);
    CHECK(strstr(terms, "<li>aftrek per taak: 2 taken in het pakket: -1,0 punten</li>") != NULL);
    CHECK(strstr(terms, "<li>reistijd: 10 minuten enkele reis: -2,5 punten</li>") != NULL);
    CHECK(strstr(terms, "bekende werkgever") != NULL);
    CHECK(strstr(terms, "begeleidingstijd") == NULL);   /* |−0.04| < 0.05: left out */
    CHECK(strstr(terms, "<li><strong>totaal: 12,7 punten</strong></li>") != NULL);

    int tillen = model_dim_find(m, "tillen"), staan = model_dim_find(m, "staan");
    CHECK(tillen >= 0 && staan >= 0);
    Binding bd = {BIND_EXPOSURE, staan, 0, 0, 2, 2, 1.5};
    CHECK_STR(TEXT(html_binding_text(&tb, m, &bd)),
              "staan: 2,00 van 2 uur op de drukste dag; een uur per dag meer zou +1,50 punten opleveren");
    bd = (Binding){BIND_DAYS, -1, 0, 1, 4, 4, 0};
    CHECK_STR(TEXT(html_binding_text(&tb, m, &bd)), "maximaal aantal werkdagen: 4 van 4 (telt in hele eenheden)");
    bd = (Binding){BIND_HOURS, -1, 1, 0, 12, 12, 0.001};
    CHECK_STR(TEXT(html_binding_text(&tb, m, &bd)),
              "minimaal aantal uren per week: 12 van 12; een uur lager minimum levert hier geen punten op");
    Signal sg = {SIG_LEVEL_AT_LIMIT, tillen, t1, 2, 2};
    CHECK_STR(TEXT(html_signal_text(&tb, m, &sg)),
              "tillen: taak T1 (Zuivel vullen) vraagt niveau 2, precies de grens van de kandidaat");
    Signal two[3] = {{SIG_LEVEL_AT_LIMIT, tillen, t1, 2, 2}, {SIG_EXPOSURE_NEAR, staan, -1, 1.85, 2},
                     {SIG_LEVEL_AT_LIMIT, tillen, t3, 2, 2}};
    a.sig = two;
    a.nsig = 3;
    CHECK_STR(TEXT(html_signals(&tb, m, &a)),
              "<ul class=\"sig\">\n<li>tillen: niveau 2 ligt precies op de grens van de kandidaat in taak T1 "
              "(Zuivel vullen) en taak T3 (Kwaliteitscontrole)</li>\n<li>staan: 1,85 van 2 uur op de drukste dag "
              "(binnen 10%)</li>\n</ul>\n");
    MissItem it = {MISS_EXPOSURE, staan, 2, 3, t1};
    CHECK_STR(TEXT(html_miss_text(&tb, m, &it)),
              "de grens voor staan (uur per dag) van 2 naar 3 (+1,00), voor taak T1 (Zuivel vullen)");
    it = (MissItem){MISS_HOURS_MAX, -1, 20, 24, -1};
    CHECK_STR(TEXT(html_miss_text(&tb, m, &it)), "maximaal aantal uren per week van 20 naar 24");
}

int main(void)
{
    test_escape_numbers();
    MwErrors err;
    mw_errors_init(&err, 0);
    LoadOptions lo = {models()};
    Model *m = NULL;
    int rc = load_dir("tests/data/mini", &lo, &m, &err);
    CHECK(rc == MW_OK);
    if (rc == MW_OK)
        test_package(m);
    model_free(m);
    mw_errors_free(&err);
    mw_free(tb.p);
    return check_report("test_html");
}
