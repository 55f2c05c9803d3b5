/* report.c — report.html, the bemiddelaar's page (see report.h): overview of
 * the region with inline SVG charts, index and search, candidate cards and
 * employer cards, a glossary of the Dutch field terms. Layer: output. Reads
 * the assessed Proposal; counts and sums what it shows, decides nothing.
 * Every string from the input goes through html_esc.
 */
#include "report.h"

#include <math.h>
#include <string.h>

#include "html.h"

typedef struct {
    const Proposal *p;
    const Model *m;
    Buf *b;
    int omit;                 /* RESULTS_OMIT_LIMITS */
    int *cand_match;          /* [n_candidates] index into p->matches, or -1 */
    int *cand_unmatched;      /* [n_candidates] index into p->unmatched, or -1 */
    int *emp_first, *match_next;   /* matches per employer, in candidate order */
} Report;

/* ---- small pieces ------------------------------------------------------------------ */

static void link_to(Buf *b, const char *prefix, const char *id)
{
    buf_puts(b, "<a href=\"#");
    html_anchor(b, prefix, id);
    buf_puts(b, "\">");
    html_esc(b, id);
    buf_puts(b, "</a>");
}

static void card_open(Buf *b, const char *prefix, const char *id, const char *cls)
{
    html_printf(b, "<section class=\"card %s\" id=\"", cls);
    html_anchor(b, prefix, id);
    buf_puts(b, "\" data-id=\"");
    html_esc(b, id);
    buf_puts(b, "\" aria-labelledby=\"h-");
    html_anchor(b, prefix, id);
    buf_puts(b, "\">\n<h3 id=\"h-");
    html_anchor(b, prefix, id);
    buf_puts(b, "\">");
}

static void row_num(Buf *b, const char *label, double v, int dec, const char *unit)
{
    buf_puts(b, "<tr><th scope=\"row\">");
    buf_puts(b, label);
    buf_puts(b, "</th><td class=\"n\">");
    html_num(b, v, dec);
    if (unit && *unit) {
        buf_putc(b, ' ');
        buf_puts(b, unit);
    }
    buf_puts(b, "</td></tr>\n");
}

/* ---- charts: horizontal bars as inline SVG, with the numbers as a table --------- */

typedef struct {
    const char *label;        /* our own text or input data: escaped either way */
    double value;
} Bar;

static void chart_bars(Buf *b, const char *id, const char *title, const char *unit, const Bar *bars, int n,
                       int dec)
{
    const int label_w = 250, bar_w = 250, row_h = 26, top = 8;
    double max = 0;
    for (int i = 0; i < n; i++)
        if (bars[i].value > max)
            max = bars[i].value;
    int h = top * 2 + row_h * (n ? n : 1);
    html_printf(b, "<figure>\n<figcaption id=\"%s-t\">%s</figcaption>\n", id, title);
    html_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"%s-t %s-d\" "
                   "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"system-ui,Arial,sans-serif\" "
                   "font-size=\"13\">\n<desc id=\"%s-d\">",
                id, id, label_w + bar_w + 80, h, label_w + bar_w + 80, h, id);
    for (int i = 0; i < n; i++) {
        buf_puts(b, i ? "; " : "");
        html_esc(b, bars[i].label);
        buf_puts(b, ": ");
        html_num(b, bars[i].value, dec);
    }
    buf_puts(b, "</desc>\n");
    for (int i = 0; i < n; i++) {
        int y = top + i * row_h;
        double w = max > 0 ? bar_w * bars[i].value / max : 0;
        html_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#1b1b1b\">", label_w - 8, y + 17);
        html_esc(b, bars[i].label);
        html_printf(b, "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#0a4a8a\"/>", label_w,
                    y + 4, w, row_h - 8);
        html_printf(b, "<text x=\"%.1f\" y=\"%d\" fill=\"#1b1b1b\">", label_w + w + 6, y + 17);
        html_num(b, bars[i].value, dec);
        buf_puts(b, "</text>\n");
    }
    buf_puts(b, "</svg>\n<details><summary>De cijfers als tabel</summary>\n<table><caption>");
    buf_puts(b, title);
    buf_puts(b, "</caption><thead><tr>"
                "<th scope=\"col\">Groep</th><th scope=\"col\" class=\"n\">");
    buf_puts(b, unit);
    buf_puts(b, "</th></tr></thead><tbody>\n");
    for (int i = 0; i < n; i++) {
        buf_puts(b, "<tr><th scope=\"row\">");
        html_esc(b, bars[i].label);
        buf_puts(b, "</th><td class=\"n\">");
        html_num(b, bars[i].value, dec);
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</tbody></table></details>\n</figure>\n");
}

/* Why an unmatched candidate has no proposal, as one of three outcomes. */
enum { OUT_PLACED, OUT_DISPLACED, OUT_NO_PACKAGE, OUT_OUT_OF_REACH, OUT_KINDS };

static int outcome_of(const Unmatched *u)
{
    if (u->displaced)
        return OUT_DISPLACED;
    return u->reasons[PAIR_OK] > 0 ? OUT_NO_PACKAGE : OUT_OUT_OF_REACH;
}

static int charts(Report *r)
{
    const Proposal *p = r->p;
    const Model *m = r->m;
    Buf *b = r->b;
    buf_puts(b, "<div class=\"charts\">\n");
    Bar out[OUT_KINDS] = {{"geplaatst", 0}, {"verdrongen door anderen", 0}, {"geen passend pakket", 0},
                          {"geen werkgever binnen bereik", 0}};
    out[OUT_PLACED].value = p->n_matches;
    for (int i = 0; i < p->n_unmatched; i++)
        out[outcome_of(&p->unmatched[i])].value++;
    chart_bars(b, "g-uitkomst", "Kandidaten naar uitkomst", "Kandidaten", out, OUT_KINDS, 0);

    static const char *const bins[] = {"minder dan 12 uur", "12 tot 16 uur", "16 tot 20 uur", "20 tot 24 uur",
                                       "24 tot 28 uur", "28 tot 32 uur", "32 uur of meer"};
    Bar hours[7];
    for (int k = 0; k < 7; k++)
        hours[k] = (Bar){bins[k], 0};
    for (int i = 0; i < p->n_matches; i++) {
        double h = p->matches[i].a.pk.hours + 1e-9;
        int k = h < 12 ? 0 : h >= 32 ? 6 : 1 + (int)((h - 12) / 4);
        hours[k].value++;
    }
    chart_bars(b, "g-uren", "Voorgestelde pakketten naar uren per week", "Pakketten", hours, 7, 0);

    /* carved work per sector, largest first, ties by sector name */
    Bar *sec = mw_calloc((size_t)m->n_employers + 1, sizeof *sec);
    int *sec_id = mw_calloc((size_t)m->n_employers + 1, sizeof *sec_id);
    if (!sec || !sec_id) {
        mw_free(sec);
        mw_free(sec_id);
        return MW_ENOMEM;
    }
    int ns = 0;
    for (int e = 0; e < m->n_employers; e++) {
        const Employer *em = &m->employers[e];
        double carved = 0;
        for (int k = 0; k < em->jobs.n; k++)
            carved += p->jobs[em->jobs.items[k]].carved_work;
        int s = 0;
        while (s < ns && sec_id[s] != em->sector)
            s++;
        if (s == ns) {
            sec_id[ns] = em->sector;
            sec[ns++] = (Bar){em->sector >= 0 ? model_name(m, em->sector) : "(geen sector)", 0};
        }
        sec[s].value += carved;
    }
    for (int i = 1; i < ns; i++)   /* insertion sort: few sectors */
        for (int k = i; k > 0; k--) {
            Bar x = sec[k - 1], y = sec[k];
            int swap = y.value > x.value + 1e-9 || (fabs(y.value - x.value) <= 1e-9 && strcmp(y.label, x.label) < 0);
            if (!swap)
                break;
            sec[k - 1] = y;
            sec[k] = x;
        }
    chart_bars(b, "g-sector", "Uitgesneden werk per sector (normuren per week)", "Normuren per week", sec, ns, 1);
    mw_free(sec);
    mw_free(sec_id);
    buf_puts(b, "</div>\n");
    return MW_OK;
}

static void overview_costs(Report *r);
static int overview_fairness(Report *r);

/* ---- overview ------------------------------------------------------------------------- */

static int overview(Report *r, const RunMeta *meta)
{
    const Proposal *p = r->p;
    const Summary *s = &p->summary;
    const Region *rg = p->r;
    Buf *b = r->b;
    (void)meta;
    buf_puts(b, "<section aria-labelledby=\"overzicht\">\n<h2 id=\"overzicht\" class=\"eerst\">Overzicht van de "
                "regio</h2>\n");
    /* the candidates' areas, in the order they first appear, at most 12 named */
    char *seen = mw_calloc((size_t)r->m->n_names + 1, 1);
    if (!seen)
        return MW_ENOMEM;
    int named = 0, more = 0;
    for (int c = 0; c < r->m->n_candidates; c++) {
        int g = r->m->candidates[c].region;
        if (g < 0 || seen[g])
            continue;
        seen[g] = 1;
        if (named == 12) {
            more++;
            continue;
        }
        buf_puts(b, named++ ? ", " : "<p>Gebieden: ");
        html_esc(b, model_name(r->m, g));
    }
    mw_free(seen);
    if (more)
        html_printf(b, " en %d meer", more);
    buf_puts(b, named ? ".</p>\n" : "");
    buf_puts(b, "<table><caption>Kerncijfers van het voorstel</caption>\n<tbody>\n");
    row_num(b, "Kandidaten", s->candidates, 0, "");
    row_num(b, "Werkgevers", r->m->n_employers, 0, "");
    row_num(b, "Voorgestelde plaatsingen", s->placements, 0, "");
    row_num(b, "Zonder voorstel", s->unmatched, 0, "");
    row_num(b, "Uren per week (kandidaten)", s->hours, 1, "uur");
    row_num(b, "Werk overgenomen (normuren per week)", s->work, 1, "uur");
    row_num(b, "Baaneenheden banenafspraak", s->job_units, 2, "");
    row_num(b, "Gemiddelde gegevensdekking (%)", 100 * s->mean_coverage, 0, "");
    row_num(b, "Plaatsingen met lage gegevensdekking", s->low_coverage, 0, "");
    row_num(b, "Signaleringen in de pakketten", s->signaleringen, 0, "");
    buf_puts(b, "</tbody></table>\n<p class=\"meta\">Regionale toewijzing: doelwaarde ");
    html_num(b, rg->objective, 1);
    buf_puts(b, " punten, bovengrens ");
    html_num(b, rg->lp_bound, 1);
    buf_puts(b, " (verschil ");
    html_num(b, 100 * rg->gap, 2);
    /* the bound is valid however pricing stopped (region.h, lp_bound) */
    html_printf(b, "%%)%s. Geen werk is twee keer beloofd.</p>\n",
                rg->converged ? ""
                : rg->pricing_stop == PRICING_STOP_GAP
                    ? "; de kolomgeneratie is gestopt toen de bovengrens de LP-waarde tot op de ingestelde "
                      "marge naderde (--pricing-gap), de bovengrens blijft geldig"
                    : "; de berekening is eerder gestopt, de bovengrens blijft geldig maar is ruimer");
    int rc = charts(r);
    if (rc == MW_OK) {
        overview_costs(r);
        rc = overview_fairness(r);
    }
    buf_puts(b, "</section>\n");
    return rc;
}

/* ---- index and search --------------------------------------------------------------- */

static void index_section(Report *r)
{
    const Model *m = r->m;
    Buf *b = r->b;
    buf_puts(b, "<section aria-labelledby=\"index\" class=\"noprint\">\n<h2 id=\"index\">Index</h2>\n"
                "<div class=\"zoek\" id=\"zoekblok\" hidden><label for=\"zoek\">Zoek op id van kandidaat of "
                "werkgever</label> <input type=\"search\" id=\"zoek\" autocomplete=\"off\" "
                "placeholder=\"bijvoorbeeld C01 of E05\"> <span id=\"zoekuitkomst\" role=\"status\"></span></div>\n");
    html_printf(b, "<h3>Kandidaten (%d)</h3>\n<ul class=\"index\">\n", m->n_candidates);
    for (int c = 0; c < m->n_candidates; c++) {
        buf_puts(b, "<li data-id=\"");
        html_esc(b, m->candidates[c].id);
        buf_puts(b, "\">");
        link_to(b, "c", m->candidates[c].id);
        if (r->cand_match[c] >= 0) {
            buf_puts(b, " → ");
            html_esc(b, m->employers[r->p->matches[r->cand_match[c]].a.emp].id);
        } else {
            buf_puts(b, " (geen voorstel)");
        }
        buf_puts(b, "</li>\n");
    }
    html_printf(b, "</ul>\n<h3>Werkgevers (%d)</h3>\n<ul class=\"index\">\n", m->n_employers);
    for (int e = 0; e < m->n_employers; e++) {
        buf_puts(b, "<li data-id=\"");
        html_esc(b, m->employers[e].id);
        buf_puts(b, "\">");
        link_to(b, "e", m->employers[e].id);
        html_printf(b, " (%d)</li>\n", r->p->employers[e].placements);
    }
    buf_puts(b, "</ul>\n</section>\n");
}

/* The search: shows only the cards and index entries whose id contains
 * the text typed; without the script the index links do the same job. */
static const char search_script[] =
    "(function(){var blok=document.getElementById('zoekblok'),q=document.getElementById('zoek'),\n"
    "uit=document.getElementById('zoekuitkomst');if(!blok||!q)return;blok.hidden=false;\n"
    "var items=document.querySelectorAll('[data-id]');\n"
    "q.addEventListener('input',function(){var v=q.value.trim().toLowerCase(),n=0;\n"
    "for(var i=0;i<items.length;i++){var hit=!v||items[i].getAttribute('data-id').toLowerCase().indexOf(v)>=0;\n"
    "items[i].hidden=!hit;if(hit&&items[i].tagName==='SECTION')n++;}\n"
    "uit.textContent=v?n+' kaart'+(n===1?'':'en')+' gevonden':'';});})();\n";

/* ---- candidate cards ------------------------------------------------------------------ */

static void candidate_meta(Report *r, const Candidate *c)
{
    Buf *b = r->b;
    static const char *const mode[] = {"te voet", "per fiets", "met het openbaar vervoer", "per auto"};
    buf_puts(b, "<p class=\"meta\">");
    if (c->region >= 0) {
        buf_puts(b, "Gebied ");
        html_esc(b, model_name(r->m, c->region));
        buf_puts(b, " · ");
    }
    if (c->min_hours_week > 0) {
        buf_puts(b, "wil ");
        html_short(b, c->min_hours_week);
        buf_puts(b, " tot ");
    } else {
        buf_puts(b, "wil ten hoogste ");
    }
    html_short(b, c->max_hours_week);
    buf_puts(b, " uur per week (liefst ");
    html_short(b, c->pref_hours_week);
    buf_puts(b, ") · loonwaarde ");
    html_num(b, 100 * c->loonwaarde, 0);
    if (c->support_min_day > 0) {
        buf_puts(b, "% · begeleiding ");
        html_short(b, c->support_min_day);
        buf_puts(b, " minuten per werkdag");
    } else {
        buf_puts(b, "% · geen dagelijkse begeleiding nodig");
    }
    html_printf(b, " · reist %s, ten hoogste ", mode[c->travel_mode]);
    html_short(b, c->max_travel_min);
    buf_puts(b, " minuten</p>\n");
}

static int p_has_short(const Report *r, int c) { return r->p->cand_short_n[c] > 0; }

static void shortlist_table(Report *r, int c)
{
    const Proposal *p = r->p;
    const Model *m = r->m;
    Buf *b = r->b;
    int n = p->cand_short_n[c];
    if (!n)
        return;
    buf_puts(b, "<table><caption>Werkgevers met een pakket voor deze kandidaat, beste eerst</caption>\n<thead><tr>"
                "<th scope=\"col\" class=\"n\">Rang</th><th scope=\"col\">Werkgever</th>"
                "<th scope=\"col\" class=\"n\">Score (punten)</th><th scope=\"col\">In het voorstel</th></tr></thead>"
                "\n<tbody>\n");
    for (int k = 0; k < n; k++) {
        const ShortEntry *se = &p->cand_short[p->cand_short_first[c] + k];
        const Employer *e = &m->employers[se->emp];
        html_printf(b, "<tr><td class=\"n\">%d</td><td>", k + 1);
        link_to(b, "e", e->id);
        buf_puts(b, " ");
        html_esc(b, e->name);
        buf_puts(b, "</td><td class=\"n\">");
        html_num(b, se->score, 1);
        html_printf(b, "</td><td>%s</td></tr>\n", se->in_proposal ? "ja" : "nee");
    }
    buf_puts(b, "</tbody></table>\n");
}

static void package_summary(Report *r, const PairAssessment *a)
{
    const Model *m = r->m;
    const Package *pk = &a->pk;
    Buf *b = r->b;
    double work = 0;
    for (int k = 0; k < pk->n; k++)
        work += pk->tasks[k].work;
    buf_puts(b, "<p>");
    html_num(b, pk->hours, 1);
    buf_puts(b, " uur per week op ");
    html_days(b, pk->days);
    html_printf(b, "; %d %s; ", pk->n, pk->n == 1 ? "taak" : "taken");
    html_num(b, work, 1);
    buf_puts(b, " normuren werk overgenomen; begeleiding ");
    html_num(b, pk->sup_minutes, 0);
    buf_puts(b, " minuten per week; reistijd ");
    html_num(b, a->travel_min, 0);
    buf_puts(b, " minuten enkele reis");
    if (pk->vacancy_job >= 0) {
        buf_puts(b, "; vult de vacature ");
        html_esc(b, m->jobs[pk->vacancy_job].id);
        buf_puts(b, " (");
        html_esc(b, m->jobs[pk->vacancy_job].title);
        buf_puts(b, ")");
    }
    if (pk->status == CARVE_TIME_LIMIT)
        buf_puts(b, " (de tijdslimiet stopte het zoeken: een beter pakket kan bestaan)");
    buf_puts(b, ".</p>\n");
}

/* ---- issue 5: costs, durability risk and fairness ----------------------------------- */

static const char *const moment_words[RISK_MOMENTS] = {
    "tijdens de proefplaatsing", "in de eerste zes maanden", "bij de overgang naar een vast contract",
    "later (na ongeveer een jaar)"};

/* One risk flag in words; thresholds from the risk model in force. */
static void flag_words(Buf *b, const RiskModel *rm, int f)
{
    switch (f) {
    case RF_HOURS_NEAR_MAX:
        buf_puts(b, "het pakket zit op ");
        html_num(b, 100 * rm->hours_share, 0);
        buf_puts(b, "% of meer van het maximale aantal uren: weinig ruimte");
        break;
    case RF_SUPERVISION_TIGHT: buf_puts(b, "het pakket gebruikt bijna alle begeleidingstijd van de werkgever"); break;
    case RF_TEMP_ONLY: buf_puts(b, "de werkgever biedt alleen tijdelijke contracten"); break;
    case RF_PROJECT_END: buf_puts(b, "een functie waaruit taken komen heeft een einddatum"); break;
    case RF_SUPERVISOR_EXIT:
        buf_puts(b, "de begeleider vertrekt binnen ");
        html_short(b, rm->supervisor_exit_months);
        buf_puts(b, " maanden: regel op tijd een opvolger");
        break;
    case RF_LONG_TRAVEL:
        buf_puts(b, "lange reistijd (");
        html_short(b, rm->travel_min);
        buf_puts(b, " minuten of meer enkele reis)");
        break;
    case RF_KNOWN_EMPLOYER: buf_puts(b, "de kandidaat kent de werkgever al (dat verlaagt het risico)"); break;
    case RF_PRIVATE_INSTABILITY: buf_puts(b, "een instabiele privésituatie"); break;
    case RF_RECENT_LIFE_EVENT: buf_puts(b, "een recente ingrijpende gebeurtenis"); break;
    case RF_FIRST_JOB: buf_puts(b, "de eerste baan na school"); break;
    case RF_CAPACITY_FLUCTUATING: buf_puts(b, "een wisselende belastbaarheid"); break;
    case RF_CAPACITY_PROGRESSIVE: buf_puts(b, "een afnemende belastbaarheid: plan voor minder uren later"); break;
    case RF_LOW_COVERAGE: buf_puts(b, "een lage gegevensdekking"); break;
    case RF_SIGNALERINGEN: buf_puts(b, "het pakket heeft signaleringen"); break;
    case RF_RESULT_ORIENTED: buf_puts(b, "een sterk resultaatgerichte werkgever"); break;
    case RF_LOW_AFFINITY: buf_puts(b, "een werkgever zonder affiniteit met de doelgroep"); break;
    default: html_esc(b, risk_flag_names[f]); break;
    }
}

static void pct(Buf *b, double share)
{
    html_num(b, 100 * share, 0);
    buf_putc(b, '%');
}

static void euro(Buf *b, double v)
{
    buf_puts(b, "€ ");
    html_num(b, v, 0);
}

static void risks(Report *r, const PairAssessment *a)
{
    Buf *b = r->b;
    buf_puts(b, "<h4>Risico's</h4>\n<p>Kans op een duurzame plaatsing (proefplaatsing, eerste zes maanden en de "
                "overgang naar een vast contract doorstaan): <strong>");
    pct(b, a->risk.p_durable);
    buf_puts(b, "</strong>.</p>\n<table><caption>Kans op uitval per moment, als het moment ervoor goed ging</caption>\n"
                "<thead><tr><th scope=\"col\">Moment</th><th scope=\"col\" class=\"n\">Kans op uitval</th></tr></thead>"
                "\n<tbody>\n");
    for (int k = 0; k < RISK_MOMENTS; k++) {
        html_printf(b, "<tr><th scope=\"row\">%s</th><td class=\"n\">", moment_words[k]);
        pct(b, a->risk.p_loss[k]);
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</tbody></table>\n<ul>\n");
    if (!r->omit)
        for (int f = 0; f < RISK_FLAGS; f++)
            if (a->flags.x[f] != 0) {
                buf_puts(b, "<li>");
                flag_words(b, &r->m->risk, f);
                buf_puts(b, "</li>\n");
            }
    buf_puts(b, "<li>Gegevensdekking: ");
    html_num(b, 100 * a->coverage, 0);
    html_printf(b, "%% (%d van %d belaste dimensies bekend)", a->loaded_dims - a->unknown_dims, a->loaded_dims);
    if (a->coverage < MW_LOW_COVERAGE)
        buf_puts(b, " <strong class=\"warn\">laag: onbekende grenzen zijn als ‘geen grens’ behandeld; vraag ze "
                    "na</strong>");
    buf_puts(b, "</li>\n</ul>\n");
}

static void cost_row(Buf *b, const char *label, double v, int money)
{
    html_printf(b, "<tr><th scope=\"row\">%s</th><td class=\"n\">", label);
    if (money)
        euro(b, v);
    else
        html_num(b, v, 2);
    buf_puts(b, "</td></tr>\n");
}

static void costs(Report *r, const PairAssessment *a)
{
    Buf *b = r->b;
    const MatchCost *k = &a->cost;
    buf_puts(b, "<h4>Kosten</h4>\n<table><caption>Kosten per jaar</caption>\n<tbody>\n");
    cost_row(b, "Loonkosten werkgever (met werkgeverslasten)", k->wage_cost_year, 1);
    cost_row(b, "Loonkostensubsidie (gemeente)", k->lks_year, 1);
    cost_row(b, "Loonkostensubsidie in de startperiode (forfaitair)", k->lks_start_week * MW_COST_WEEKS, 1);
    cost_row(b, "Begeleidingsvergoeding", k->begeleiding_year, 1);
    cost_row(b, "Subsidie samen", k->subsidy_year, 1);
    cost_row(b, "Netto kosten werkgever", k->net_cost_year, 1);
    cost_row(b, "Baaneenheden banenafspraak", k->job_units, 0);
    if (a->levy_avoided > 0)
        cost_row(b, "Quotumheffing die de werkgever ontloopt", a->levy_avoided, 1);
    buf_puts(b, "</tbody></table>\n<p>Bruto loon per maand: ");
    euro(b, k->income_month);
    if (k->income_above_benefit >= 0)
        buf_puts(b, k->income_above_benefit ? " (meer dan de uitkering)" : " <strong class=\"warn\">(niet meer dan de "
                                                                           "uitkering: werken moet lonen)</strong>");
    buf_puts(b, ".</p>\n");
}

static void overview_costs(Report *r)
{
    const Summary *s = &r->p->summary;
    Buf *b = r->b;
    buf_puts(b, "<h3>Kosten en duurzaamheid</h3>\n<table><caption>Kosten per jaar en verwachte duurzame "
                "plaatsingen</caption>\n<tbody>\n");
    cost_row(b, "Verwachte duurzame plaatsingen", s->expected_durable, 0);
    cost_row(b, "Loonkosten werkgevers", s->wage_cost, 1);
    cost_row(b, "Loonkostensubsidie", s->lks, 1);
    cost_row(b, "Begeleidingsvergoeding", s->begeleiding, 1);
    cost_row(b, "Subsidie (gemeente) samen", s->subsidy_cost, 1);
    cost_row(b, "Netto kosten werkgevers", s->employer_net_cost, 1);
    buf_puts(b, "</tbody></table>\n<div class=\"charts\">\n");
    Bar money[4] = {{"loonkosten werkgevers", s->wage_cost}, {"loonkostensubsidie", s->lks},
                    {"begeleidingsvergoeding", s->begeleiding}, {"netto kosten werkgevers", s->employer_net_cost}};
    chart_bars(b, "g-kosten", "Kosten per jaar (euro)", "Euro per jaar", money, 4, 0);
    Bar durable[2] = {{"voorgestelde plaatsingen", s->placements}, {"verwacht duurzaam", s->expected_durable}};
    chart_bars(b, "g-duurzaam", "Plaatsingen en verwachte duurzame plaatsingen", "Aantal", durable, 2, 1);
    buf_puts(b, "</div>\n");
}

static const char *const fair_words[FAIR_DIMENSIONS] = {"doelgroep", "leeftijd", "opleiding", "regeling"};

static int overview_fairness(Report *r)
{
    const Fairness *f = &r->p->fairness;
    Buf *b = r->b;
    buf_puts(b, "<h3>Eerlijkheid: plaatsingskans per groep</h3>\n<p>Gemiddelde plaatsingskans ");
    pct(b, f->rate);
    html_printf(b, " (%d van %d). Groepen onder 0,8 keer het gemiddelde zijn gemarkeerd. Deze kenmerken tellen "
                   "nooit mee in de score.</p>\n", f->placed, f->candidates);
    buf_puts(b, "<table><caption>Plaatsingskans per groep</caption>\n<thead><tr><th scope=\"col\">Kenmerk</th>"
                "<th scope=\"col\">Groep</th><th scope=\"col\" class=\"n\">Kandidaten</th>"
                "<th scope=\"col\" class=\"n\">Geplaatst</th><th scope=\"col\" class=\"n\">Kans</th>"
                "<th scope=\"col\" class=\"n\">Ten opzichte van gemiddeld</th>"
                "<th scope=\"col\" class=\"n\">Verwacht duurzaam</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < f->n; i++) {
        const FairnessRow *x = &f->rows[i];
        html_printf(b, "<tr%s><td>%s</td><td>", x->flagged ? " class=\"warn\"" : "", fair_words[x->dimension]);
        html_esc(b, strcmp(x->group, "unknown") ? x->group : "onbekend");
        html_printf(b, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">", x->candidates, x->placed);
        pct(b, x->rate);
        buf_puts(b, "</td><td class=\"n\">");
        if (x->has_ratio) {
            html_num(b, x->ratio, 2);
            buf_puts(b, "×");
        }
        buf_puts(b, x->flagged ? " <strong>onder 0,8×</strong>" : "");
        buf_puts(b, "</td><td class=\"n\">");
        html_num(b, x->expected_durable, 1);
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</tbody></table>\n");
    /* the rate per doelgroep as a chart */
    int n = 0;
    for (int i = 0; i < f->n; i++)
        n += f->rows[i].dimension == FAIR_CATEGORY;
    Bar *bars = mw_calloc((size_t)n + 1, sizeof *bars);
    if (!bars)
        return MW_ENOMEM;
    n = 0;
    for (int i = 0; i < f->n; i++)
        if (f->rows[i].dimension == FAIR_CATEGORY)
            bars[n++] = (Bar){strcmp(f->rows[i].group, "unknown") ? f->rows[i].group : "onbekend",
                              100 * f->rows[i].rate};
    chart_bars(b, "g-eerlijk", "Plaatsingskans per doelgroep (%)", "Procent geplaatst", bars, n, 0);
    mw_free(bars);
    return MW_OK;
}

static void matched_card(Report *r, int c, const Match *mt)
{
    const Model *m = r->m;
    const Candidate *cd = &m->candidates[c];
    const PairAssessment *a = &mt->a;
    const Employer *e = &m->employers[a->emp];
    Buf *b = r->b;
    card_open(b, "c", cd->id, "geplaatst");
    buf_puts(b, "Kandidaat ");
    html_esc(b, cd->id);
    buf_puts(b, ": voorgesteld bij ");
    html_esc(b, e->name);
    buf_puts(b, "</h3>\n");
    candidate_meta(r, cd);
    buf_puts(b, "<h4>Voorgesteld takenpakket</h4>\n<p>Bij ");
    link_to(b, "e", e->id);
    buf_puts(b, " ");
    html_esc(b, e->name);
    buf_puts(b, ".</p>\n");
    package_summary(r, a);
    html_day_board(b, m, &a->pk);
    html_package_table(b, m, &a->pk);
    buf_puts(b, "<h4>Waarom het past</h4>\n");
    html_score_terms(b, m, a);
    if (!r->omit) {
        buf_puts(b, "<h4>Wat begrenst</h4>\n");
        html_bindings(b, m, a);
        buf_puts(b, "<h4>Signaleringen: let hierop tijdens de proefplaatsing</h4>\n");
        html_signals(b, m, a);
    }
    risks(r, a);
    costs(r, a);
    buf_puts(b, "<h4>Shortlist</h4>\n");
    shortlist_table(r, c);
    buf_puts(b, "</section>\n");
}

static const char *const reason_words[PAIR_REASONS] = {
    "binnen bereik en door de filters", "uitgesloten na een mislukte proefplaatsing", "in een uitgesloten sector",
    "te ver reizen", "geen plaats voor nieuwe kandidaten", "geen taak die de kandidaat kan doen"};

static void unmatched_card(Report *r, int c, const Unmatched *u)
{
    const Model *m = r->m;
    const Candidate *cd = &m->candidates[c];
    Buf *b = r->b;
    card_open(b, "c", cd->id, "open");
    buf_puts(b, "Kandidaat ");
    html_esc(b, cd->id);
    buf_puts(b, ": geen voorstel</h3>\n");
    candidate_meta(r, cd);
    buf_puts(b, "<h4>Waarom geen voorstel</h4>\n<ul>\n");
    html_printf(b, "<li>Van de %d werkgevers: ", m->n_employers);
    int first = 1;
    for (int k = 0; k < PAIR_REASONS; k++)
        if (u->reasons[k]) {
            html_printf(b, "%s%d %s", first ? "" : "; ", u->reasons[k], reason_words[k]);
            first = 0;
        }
    buf_puts(b, first ? "geen.</li>\n" : ".</li>\n");
    if (u->no_package)
        html_printf(b, "<li>Bij %d werkgever%s binnen bereik past geen pakket binnen alle grenzen.</li>\n",
                    u->no_package, u->no_package == 1 ? "" : "s");
    if (u->displaced)
        buf_puts(b, "<li>Er was een pakket mogelijk (zie de shortlist), maar het regionale voorstel gaf dat werk "
                    "of die begeleiding aan andere kandidaten.</li>\n");
    buf_puts(b, "</ul>\n");
    if (p_has_short(r, c))
        buf_puts(b, "<h4>Shortlist</h4>\n");
    shortlist_table(r, c);
    if (!r->omit && u->has_miss) {
        buf_puts(b, "<h4>Dichtstbijzijnde mogelijkheid</h4>\n");
        if (u->miss.status == MISS_FOUND && u->miss_emp >= 0) {
            const Employer *e = &m->employers[u->miss_emp];
            buf_puts(b, "<p>Bij ");
            link_to(b, "e", e->id);
            buf_puts(b, " ");
            html_esc(b, e->name);
            buf_puts(b, " zou een pakket mogelijk worden met deze kleinste verandering:</p>\n<ul>\n");
            for (int i = 0; i < u->miss.n; i++) {
                buf_puts(b, "<li>");
                html_miss_text(b, m, &u->miss.items[i]);
                buf_puts(b, "</li>\n");
            }
            buf_puts(b, "</ul>\n");
            if (u->miss.time_limit)
                buf_puts(b, "<p class=\"meta\">De tijdslimiet stopte het zoeken: een kleinere verandering kan "
                            "bestaan.</p>\n");
        } else {
            buf_puts(b, "<p>Geen: ook met alle grenzen verruimd past bij geen werkgever binnen bereik een "
                        "pakket.</p>\n");
        }
    }
    buf_puts(b, "</section>\n");
}

static void candidates_section(Report *r)
{
    const Model *m = r->m;
    buf_puts(r->b, "<section aria-labelledby=\"kandidaten\">\n<h2 id=\"kandidaten\">Kandidaten</h2>\n");
    for (int c = 0; c < m->n_candidates && !r->b->oom; c++) {
        if (r->cand_match[c] >= 0)
            matched_card(r, c, &r->p->matches[r->cand_match[c]]);
        else if (r->cand_unmatched[c] >= 0)
            unmatched_card(r, c, &r->p->unmatched[r->cand_unmatched[c]]);
    }
    buf_puts(r->b, "</section>\n");
}

/* ---- employer cards ------------------------------------------------------------------- */

static void employer_card(Report *r, int e)
{
    const Proposal *p = r->p;
    const Model *m = r->m;
    const Employer *em = &m->employers[e];
    const EmployerUse *use = &p->employers[e];
    Buf *b = r->b;
    card_open(b, "e", em->id, use->placements ? "geplaatst" : "");
    buf_puts(b, "Werkgever ");
    html_esc(b, em->id);
    buf_puts(b, ": ");
    html_esc(b, em->name);
    buf_puts(b, "</h3>\n<p class=\"meta\">");
    if (em->sector >= 0) {
        buf_puts(b, "Sector ");
        html_esc(b, model_name(m, em->sector));
        buf_puts(b, " · ");
    }
    html_printf(b, "%d medewerkers · ten hoogste %d nieuwe plaatsingen · affiniteit %d van 3</p>\n", em->employees,
                em->max_new_placements, em->affinity);
    buf_puts(b, "<p>Voorgestelde kandidaten: ");
    if (r->emp_first[e] < 0)
        buf_puts(b, "geen.");
    for (int i = r->emp_first[e]; i >= 0; i = r->match_next[i]) {
        const Match *mt = &p->matches[i];
        link_to(b, "c", m->candidates[mt->cand].id);
        buf_puts(b, " (");
        html_num(b, mt->a.pk.hours, 1);
        buf_puts(b, r->match_next[i] >= 0 ? " uur), " : " uur).");
    }
    buf_puts(b, "</p>\n<table><caption>Functies: uitgesneden en resterende uren</caption>\n<thead><tr>"
                "<th scope=\"col\">Functie</th><th scope=\"col\" class=\"n\">Uren per week</th>"
                "<th scope=\"col\" class=\"n\">Uitgesneden (normuren)</th><th scope=\"col\" class=\"n\">Resterend</th>"
                "<th scope=\"col\">Vacature vervuld</th></tr></thead>\n<tbody>\n");
    for (int k = 0; k < em->jobs.n; k++) {
        int jb = em->jobs.items[k];
        const Job *j = &m->jobs[jb];
        buf_puts(b, "<tr><td>");
        html_job(b, j);
        buf_puts(b, "</td><td class=\"n\">");
        html_num(b, j->hours_week, 1);
        buf_puts(b, "</td><td class=\"n\">");
        html_num(b, p->jobs[jb].carved_work, 1);
        buf_puts(b, "</td><td class=\"n\">");
        html_num(b, p->jobs[jb].remaining, 1);
        html_printf(b, "</td><td>%s</td></tr>\n", p->jobs[jb].vacancy_filled ? "ja" : "nee");
    }
    buf_puts(b, "</tbody></table>\n<p>Begeleiding gebruikt: ");
    html_num(b, use->supervision_used, 0);
    buf_puts(b, " van ");
    html_num(b, use->supervision_capacity, 0);
    buf_puts(b, " minuten per week.</p>\n");
    if (p->emp_short_n[e]) {
        buf_puts(b, "<p>Kandidaten met een pakket hier (beste eerst): ");
        for (int k = 0; k < p->emp_short_n[e]; k++) {
            const ShortEntry *se = &p->emp_short[p->emp_short_first[e] + k];
            buf_puts(b, k ? ", " : "");
            link_to(b, "c", m->candidates[se->cand].id);
            buf_puts(b, se->in_proposal ? " (voorgesteld)" : "");
        }
        buf_puts(b, ".</p>\n");
    }
    buf_puts(b, "</section>\n");
}

static void employers_section(Report *r)
{
    buf_puts(r->b, "<section aria-labelledby=\"werkgevers\">\n<h2 id=\"werkgevers\">Werkgevers</h2>\n");
    for (int e = 0; e < r->m->n_employers && !r->b->oom; e++)
        employer_card(r, e);
    buf_puts(r->b, "</section>\n");
}

/* ---- glossary and colophon ------------------------------------------------------------ */

/* The glossary up to its last term (Baaneenheid, written with the policy's number). */
static const char glossary[] =
    "<section aria-labelledby=\"begrippen\">\n<h2 id=\"begrippen\">Begrippen</h2>\n<dl class=\"begrippen\">\n"
    "<dt>Takenpakket en jobcarving</dt><dd>Taken uit bestaande functies bij een werkgever, samengevoegd tot een "
    "pakket dat bij deze kandidaat past. Collega’s houden hun overige taken.</dd>\n"
    "<dt>Normuren</dt><dd>Werk gemeten in uren van een collega op normtempo. Met een loonwaarde onder 100% kost "
    "hetzelfde werk de kandidaat meer uren.</dd>\n"
    "<dt>Loonwaarde</dt><dd>De productiviteit van de kandidaat als deel van de norm.</dd>\n"
    "<dt>Begeleiding</dt><dd>Dagelijkse steun op het werk door een begeleider of buddy, in minuten; de tijd van "
    "de begeleider bij de werkgever is beperkt en wordt als capaciteit meegeteld.</dd>\n"
    "<dt>Belastbaarheid en grenzen</dt><dd>Wat de kandidaat aankan, per dimensie (zoals tillen, prikkels of "
    "tijdsdruk), naar de Functionele Mogelijkhedenlijst van UWV. ‘Wat begrenst’ noemt de grenzen die in het "
    "pakket krap zitten en wat een beetje meer ruimte zou opleveren.</dd>\n"
    "<dt>Signalering</dt><dd>Een taak die precies op een grens van de kandidaat zit, of een belasting binnen 10% "
    "van de grens: let hierop tijdens de proefplaatsing.</dd>\n"
    "<dt>Proefplaatsing</dt><dd>Een proefperiode van ongeveer twee maanden met behoud van uitkering. Pas daar "
    "blijkt of er een klik is; dit rapport stelt kennismakingen voor en beslist niets.</dd>\n"
    "<dt>Score en punten</dt><dd>De punten waarmee het voorstel pakketten vergelijkt; ‘Waarom het past’ toont "
    "de bijdrage van elk onderdeel.</dd>\n"
    "<dt>Gegevensdekking</dt><dd>Het deel van de dimensies die de taken belasten waarvan de grens van de "
    "kandidaat bekend is. Een onbekende grens (‘?’) telt als geen grens: vraag hem na.</dd>\n"
    "<dt>Dichtstbijzijnde mogelijkheid</dt><dd>Voor een kandidaat zonder pakket: de kleinste verandering van "
    "grenzen, uren of beschikbaarheid waarmee bij een werkgever binnen bereik wel een pakket past.</dd>\n";

static void colophon(Report *r, const RunMeta *meta)
{
    Buf *b = r->b;
    buf_puts(b, "<footer>\n<p class=\"meta\">Gemaakt met maatwerk " MW_VERSION);
    if (meta && meta->glpk_version) {
        buf_puts(b, " (GLPK ");
        html_esc(b, meta->glpk_version);
        buf_puts(b, ")");
    }
    if (meta && meta->preset) {
        buf_puts(b, ", gewichten ‘");
        html_esc(b, meta->preset);
        buf_puts(b, "’");
    }
    buf_puts(b, ". Invoer:");
    for (int i = 0; meta && i < meta->n_inputs; i++) {
        buf_puts(b, i ? ", " : " ");
        html_esc(b, meta->inputs[i].name);
        buf_puts(b, " (sha256 ");
        buf_putn(b, meta->inputs[i].sha256, 12);   /* hex digits: nothing to escape */
        buf_puts(b, "…)");
    }
    if (!meta || !meta->n_inputs)
        buf_puts(b, " niet vermeld");
    buf_puts(b, ". Volledige gegevens: results.json.</p>\n</footer>\n");
}

/* ---- the page --------------------------------------------------------------------------- */

int report_write_html(const Proposal *p, const RunMeta *meta, unsigned formats, Buf *out)
{
    const Model *m = p->m;
    Report r = {p, m, out, (formats & RESULTS_OMIT_LIMITS) != 0, NULL, NULL, NULL, NULL};
    int rc = MW_ENOMEM;
    r.cand_match = mw_malloc(((size_t)m->n_candidates + 1) * sizeof *r.cand_match);
    r.cand_unmatched = mw_malloc(((size_t)m->n_candidates + 1) * sizeof *r.cand_unmatched);
    r.emp_first = mw_malloc(((size_t)m->n_employers + 1) * sizeof *r.emp_first);
    r.match_next = mw_malloc(((size_t)p->n_matches + 1) * sizeof *r.match_next);
    if (!r.cand_match || !r.cand_unmatched || !r.emp_first || !r.match_next)
        goto done;
    for (int c = 0; c < m->n_candidates; c++)
        r.cand_match[c] = r.cand_unmatched[c] = -1;
    for (int e = 0; e < m->n_employers; e++)
        r.emp_first[e] = -1;
    /* matches are in candidate order: linking from the back keeps that order per employer */
    for (int i = p->n_matches - 1; i >= 0; i--) {
        int e = p->matches[i].a.emp;
        r.cand_match[p->matches[i].cand] = i;
        r.match_next[i] = r.emp_first[e];
        r.emp_first[e] = i;
    }
    for (int i = 0; i < p->n_unmatched; i++)
        r.cand_unmatched[p->unmatched[i].cand] = i;

    html_page_begin(out, "maatwerk: voorstel voor kennismakingen");
    buf_puts(out, "<a class=\"skip\" href=\"#kandidaten\">Direct naar de kandidaten</a>\n<main>\n"
                  "<h1>Voorstel voor kennismakingen en proefplaatsingen</h1>\n");
    html_printf(out, "<p>%d kandidaten en %d werkgevers. Per kandidaat een kaart met het voorgestelde "
                     "takenpakket als weekrooster, waarom het past, wat begrenst, waar u op let tijdens de "
                     "proefplaatsing, de risico's en de kosten; per werkgever de uitgesneden uren. De begrippen "
                     "staan <a href=\"#begrippen\">onderaan</a> uitgelegd.</p>\n",
                m->n_candidates, m->n_employers);
    buf_puts(out, "<nav aria-label=\"Inhoud\"><ul><li><a href=\"#overzicht\">Overzicht van de regio</a></li>"
                  "<li><a href=\"#index\">Index en zoeken</a></li><li><a href=\"#kandidaten\">Kandidaten</a></li>"
                  "<li><a href=\"#werkgevers\">Werkgevers</a></li><li><a href=\"#begrippen\">Begrippen</a></li>"
                  "</ul></nav>\n");
    if ((rc = overview(&r, meta)) != MW_OK)
        goto done;
    index_section(&r);
    candidates_section(&r);
    employers_section(&r);
    buf_puts(out, glossary);
    /* the one term whose number comes from the policy in force */
    buf_puts(out, "<dt>Baaneenheid</dt><dd>Banenafspraak: ");
    html_short(out, m->policy.job_unit_hours);
    buf_puts(out, " uur per week telt als één baan.</dd>\n</dl>\n</section>\n");
    colophon(&r, meta);
    buf_puts(out, "</main>\n");
    html_page_end(out, search_script);
    rc = out->oom ? MW_ENOMEM : MW_OK;
done:
    if (rc == MW_ENOMEM)
        out->oom = 1;
    mw_free(r.cand_match);
    mw_free(r.cand_unmatched);
    mw_free(r.emp_first);
    mw_free(r.match_next);
    return rc;
}
