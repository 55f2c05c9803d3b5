/* html.c — shared HTML pieces of the report and the employer view (see
 * html.h): escaping, Dutch numbers, the page frame and style sheet, the
 * package's task table and day board, and the explanation fields in plain
 * Dutch. Layer: output. Knows nothing about files, cJSON or GLPK.
 */
#include "html.h"
#include "explain.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void html_esc(Buf *b, const char *s)
{
    if (!s)
        return;
    const char *run = s;
    for (const char *q = s;; q++) {
        unsigned char c = (unsigned char)*q;
        const char *rep = NULL;
        int drop = 0;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: drop = c && c < 0x20 && c != '\t' && c != '\n'; break;
        }
        if (c && !rep && !drop)
            continue;
        buf_putn(b, run, (size_t)(q - run));
        if (!c)
            return;
        if (rep)
            buf_puts(b, rep);
        run = q + 1;
    }
}

void html_printf(Buf *b, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        buf_putn(b, small, (size_t)n);
        return;
    }
    if (!buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

void html_num(Buf *b, double v, int dec)
{
    if (dec < 0)
        dec = 0;
    if (dec > 6)
        dec = 6;
    char t[64];
    snprintf(t, sizeof t, "%.*f", dec, v);
    /* "-0,0" is zero */
    int zero = 1;
    for (const char *q = t; *q; q++)
        if (*q >= '1' && *q <= '9')
            zero = 0;
    const char *digits = t;
    if (*digits == '-') {
        if (!zero)
            buf_putc(b, '-');
        digits++;
    }
    const char *dot = strchr(digits, '.');
    size_t ni = dot ? (size_t)(dot - digits) : strlen(digits);
    for (size_t i = 0; i < ni; i++) {
        if (i && (ni - i) % 3 == 0)
            buf_putc(b, '.');
        buf_putc(b, digits[i]);
    }
    if (dot) {
        buf_putc(b, ',');
        buf_puts(b, dot + 1);
    }
}

void html_signed(Buf *b, double v, int dec)
{
    double r = round(v * pow(10, dec)) / pow(10, dec);
    if (r > 0)
        buf_putc(b, '+');
    html_num(b, v, dec);
}

void html_short(Buf *b, double v)
{
    double r = round(v * 100) / 100;
    int dec = fabs(r * 10 - round(r * 10)) > 1e-9 ? 2 : fabs(r - round(r)) > 1e-9 ? 1 : 0;
    html_num(b, r, dec);
}

void html_anchor(Buf *b, const char *prefix, const char *id)
{
    buf_puts(b, prefix);
    buf_putc(b, '-');
    for (const unsigned char *q = (const unsigned char *)id; q && *q; q++) {
        int plain = (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '.' ||
                    *q == '-';
        if (plain)
            buf_putc(b, (char)*q);
        else
            html_printf(b, "_%02X", *q);
    }
}

/* Colours: text #1b1b1b and links #0a4a8a on white (contrast above 7:1);
 * signal and warning backgrounds light enough for the same text colour. */
static const char style_sheet[] =
    "<style>\n"
    ":root{--fg:#1b1b1b;--muted:#4a4a4a;--link:#0a4a8a;--line:#c8c8c8;--band:#f2f4f7;--warn:#fff1cc;--ok:#e3f1e6}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;font:16px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;color:var(--fg);"
    "background:#fff}\n"
    "main{max-width:72rem;margin:0 auto;padding:1rem 1.25rem 3rem}\n"
    "a{color:var(--link)}a:focus,input:focus{outline:3px solid #f0a500;outline-offset:2px}\n"
    "h1{font-size:1.7rem;margin:.5rem 0}h2{font-size:1.35rem;margin:2rem 0 .6rem;border-bottom:2px solid var(--fg)}"
    "h3{font-size:1.15rem;margin:1.5rem 0 .4rem}.card>h3{margin-top:0}h4{font-size:1rem;margin:1rem 0 .3rem}\n"
    "table{border-collapse:collapse;margin:.4rem 0 .8rem;font-size:.95rem}"
    "caption{text-align:left;font-weight:600;padding:.2rem 0}\n"
    "th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}"
    "thead th{background:var(--band)}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".card{border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;margin:1rem 0;"
    "content-visibility:auto;contain-intrinsic-size:auto 40rem}\n"
    ".card h2{margin-top:0;font-size:1.2rem;border:0}.taken td:first-child{white-space:nowrap}\n"
    ".card.geplaatst{border-left:6px solid #2e7d32}.card.open{border-left:6px solid #8a5a00}\n"
    ".meta{color:var(--muted);margin:.1rem 0 .5rem}.sig li,.warn{background:var(--warn)}"
    ".sig li{padding:.1rem .3rem;margin:.15rem 0}\n"
    ".rooster td{min-width:7.5rem}.rooster small{white-space:nowrap}.rooster ol{margin:0;padding-left:1.1rem}.rooster small,.id{color:var(--muted)}"
    ".rooster tr.totaal th,.rooster tr.totaal td{background:var(--band);font-weight:600}\n"
    ".index{columns:9rem auto;list-style:none;padding:0;font-size:.9rem}.index li{break-inside:avoid}\n"
    ".charts{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0;max-width:34rem}figcaption{font-weight:600}\n"
    ".zoek{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid var(--line);z-index:1}"
    ".zoek input{font-size:1rem;padding:.3rem .5rem;width:16rem}\n"
    "dl.begrippen dt{font-weight:600}dl.begrippen dd{margin:0 0 .4rem 1rem}\n"
    ".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem}\n"
    "@media print{body{font-size:10.5pt}main{max-width:none;padding:0}nav,.zoek,.skip,.noprint{display:none}"
    ".card{break-inside:avoid;page-break-inside:avoid;content-visibility:visible;border-radius:0}"
    "h2{break-before:page;page-break-before:always}h2.eerst{break-before:auto;page-break-before:auto}"
    "h3,h4{break-after:avoid;page-break-after:avoid}a{color:inherit;text-decoration:none}"
    "table,figure{break-inside:avoid}details{display:none}}\n"
    "</style>\n";

void html_page_begin(Buf *b, const char *title)
{
    buf_puts(b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    html_esc(b, title);
    buf_puts(b, "</title>\n");
    buf_puts(b, style_sheet);
    buf_puts(b, "</head>\n<body>\n");
}

void html_page_end(Buf *b, const char *script)
{
    if (script) {
        buf_puts(b, "<script>\n");
        buf_puts(b, script);
        buf_puts(b, "</script>\n");
    }
    buf_puts(b, "</body>\n</html>\n");
}

static const char *const day_full[MW_DAYS] = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                                              "zaterdag", "zondag"};

void html_days(Buf *b, uint8_t days)
{
    int n = mw_popcount(days), k = 0;
    for (int d = 0; d < MW_DAYS; d++)
        if (days >> d & 1) {
            k++;
            buf_puts(b, k == 1 ? "" : k == n ? " en " : ", ");
            buf_puts(b, day_full[d]);
        }
}

void html_dim_name(Buf *b, const Model *m, int dim)
{
    for (const char *q = m->dims[dim].name; *q; q++)
        if (*q == '_')
            buf_putc(b, ' ');
        else
            html_esc(b, (char[2]){*q, 0});
}

void html_job(Buf *b, const Job *j)
{
    html_esc(b, j->title);
    buf_puts(b, " <span class=\"id\">(");
    html_esc(b, j->id);
    buf_puts(b, ")</span>");
}

void html_package_table(Buf *b, const Model *m, const Package *pk)
{
    buf_puts(b, "<table class=\"taken\"><caption>Taken in het pakket</caption>\n<thead><tr><th scope=\"col\">Taak</th>"
                "<th scope=\"col\">Omschrijving</th><th scope=\"col\">Uit functie</th>"
                "<th scope=\"col\" class=\"n\">Uren per week</th><th scope=\"col\" class=\"n\">Werk (normuren)</th>"
                "<th scope=\"col\">Dagen</th></tr></thead>\n<tbody>\n");
    for (int k = 0; k < pk->n; k++) {
        const PackageTask *pt = &pk->tasks[k];
        const Task *t = &m->tasks[pt->task];
        const Job *j = &m->jobs[t->job];
        buf_puts(b, "<tr><td>");
        html_esc(b, t->id);
        buf_puts(b, "</td><td>");
        html_esc(b, t->name);
        buf_puts(b, "</td><td>");
        html_job(b, j);
        buf_puts(b, "</td><td class=\"n\">");
        html_num(b, pt->hours, 1);
        buf_puts(b, "</td><td class=\"n\">");
        html_num(b, pt->work, 1);
        buf_puts(b, "</td><td>");
        int first = 1;
        for (int d = 0; d < MW_DAYS; d++)
            if (pt->day_hours[d] > 1e-9) {
                buf_puts(b, first ? "" : " ");
                buf_puts(b, mw_day_names[d]);
                first = 0;
            }
        buf_puts(b, "</td></tr>\n");
    }
    buf_puts(b, "</tbody></table>\n");
}

void html_day_board(Buf *b, const Model *m, const Package *pk)
{
    uint8_t days = MW_WEEKDAYS_MASK, parts = MW_DAYTIME_PARTS;
    double per_day[MW_DAYS] = {0};
    for (int s = 0; s < pk->nslots; s++) {
        days |= (uint8_t)(1u << pk->slots[s].day);
        parts |= (uint8_t)(1u << pk->slots[s].part);
        per_day[pk->slots[s].day] += pk->slots[s].hours;
    }
    buf_puts(b, "<table class=\"rooster\"><caption>Weekrooster: taken per dagdeel, in volgorde, met uren</caption>\n"
                "<thead><tr><th scope=\"col\">Dagdeel</th>");
    for (int d = 0; d < MW_DAYS; d++)
        if (days >> d & 1)
            html_printf(b, "<th scope=\"col\">%s</th>", day_full[d]);
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    for (int p = 0; p < MW_PARTS; p++) {
        if (!(parts >> p & 1))
            continue;
        html_printf(b, "<tr><th scope=\"row\">%s</th>", mw_part_names[p]);
        for (int d = 0; d < MW_DAYS; d++) {
            if (!(days >> d & 1))
                continue;
            buf_puts(b, "<td>");
            int any = 0;
            for (int s = 0; s < pk->nslots; s++) {
                const SlotEntry *se = &pk->slots[s];
                if (se->day != d || se->part != p)
                    continue;
                buf_puts(b, any ? "" : "<ol>");
                any = 1;
                buf_puts(b, "<li>");
                html_esc(b, m->tasks[se->task].name);
                buf_puts(b, " <small>");
                html_esc(b, m->tasks[se->task].id);
                buf_puts(b, "</small> ");
                html_num(b, se->hours, 1);
                buf_puts(b, " u</li>");
            }
            buf_puts(b, any ? "</ol></td>" : "</td>");
        }
        buf_puts(b, "</tr>\n");
    }
    buf_puts(b, "<tr class=\"totaal\"><th scope=\"row\">Uren</th>");
    for (int d = 0; d < MW_DAYS; d++)
        if (days >> d & 1) {
            buf_puts(b, "<td class=\"n\">");
            if (per_day[d] > 1e-9) {
                html_num(b, per_day[d], 1);
                buf_puts(b, " u");
            }
            buf_puts(b, "</td>");
        }
    buf_puts(b, "</tr>\n</tbody></table>\n");
}

/* ---- explanations in plain Dutch ------------------------------------------------- */

/* The words of score term `key` (explain_term_keys) for assessment a. */
static void term_words(Buf *b, const Model *m, const PairAssessment *a, const char *key)
{
    const Candidate *c = &m->candidates[a->cand];
    const Employer *e = &m->employers[a->emp];
    if (!strcmp(key, "hours")) {
        buf_puts(b, "uren richting de gewenste ");
        html_short(b, c->pref_hours_week);
        buf_puts(b, " uur per week");
    } else if (!strcmp(key, "value")) {
        buf_puts(b, "waarde voor de werkgever (vrijgekomen werk maal het uurloon van de functie)");
    } else if (!strcmp(key, "pref")) {
        buf_puts(b, "werk in soorten taken die de kandidaat graag (of juist niet graag) doet");
    } else if (!strcmp(key, "skill")) {
        buf_puts(b, "vaardigheden die aansluiten (of op de werkplek te leren zijn)");
    } else if (!strcmp(key, "task")) {
        html_printf(b, "aftrek per taak: %d %s in het pakket", a->pk.n, a->pk.n == 1 ? "taak" : "taken");
    } else if (!strcmp(key, "group")) {
        buf_puts(b, "aftrek voor werk op meer dan een afdeling of locatie");
    } else if (!strcmp(key, "sup")) {
        buf_puts(b, "begeleidingstijd van de werkgever (");
        html_num(b, a->pk.sup_minutes, 0);
        buf_puts(b, " minuten per week)");
    } else if (!strcmp(key, "over")) {
        buf_puts(b, "uren dicht bij het maximum van ");
        html_short(b, c->max_hours_week);
        buf_puts(b, " uur (ruimte houden voorkomt uitval)");
    } else if (!strcmp(key, "travel")) {
        buf_puts(b, "reistijd: ");
        html_num(b, a->travel_min, 0);
        buf_puts(b, " minuten enkele reis");
    } else if (!strcmp(key, "known")) {
        buf_puts(b, "bekende werkgever (stage, dagbesteding of eigen voorstel): de beste voorspeller van een klik");
    } else if (!strcmp(key, "affinity")) {
        html_printf(b, "affiniteit van de werkgever met de doelgroep (niveau %d van 3)", e->affinity);
    } else if (!strcmp(key, "risk")) {
        buf_puts(b, "kans op een duurzame plaatsing");
    } else {
        html_esc(b, key);
    }
}

void html_score_terms(Buf *b, const Model *m, const PairAssessment *a)
{
    double v[EXPLAIN_TERMS];
    explain_term_values(a, v);
    buf_puts(b, "<ul>\n");
    for (int i = 0; i < EXPLAIN_TERMS; i++) {
        if (fabs(v[i]) < 0.05)
            continue;
        buf_puts(b, "<li>");
        term_words(b, m, a, explain_term_keys[i]);
        buf_puts(b, ": ");
        html_signed(b, v[i], 1);
        buf_puts(b, " punten</li>\n");
    }
    buf_puts(b, "<li><strong>totaal: ");
    html_num(b, a->score, 1);
    buf_puts(b, " punten</strong></li>\n</ul>\n");
}

static void unit_of(Buf *b, const Dimension *d)
{
    buf_puts(b, d->kind == DIM_LEVEL ? "niveau" : d->kind == DIM_EXPOSURE ? "uur per dag"
                : d->kind == DIM_SHARE ? "aandeel van de uren" : "vereist");
}

static void task_ref(Buf *b, const Model *m, int task)
{
    buf_puts(b, "taak ");
    html_esc(b, m->tasks[task].id);
    buf_puts(b, " (");
    html_esc(b, m->tasks[task].name);
    buf_puts(b, ")");
}

static void marginal(Buf *b, const Binding *bd, const char *more)
{
    if (bd->discrete) {
        buf_puts(b, " (telt in hele eenheden)");
        return;
    }
    if (bd->marginal < 0.005) {
        html_printf(b, "; %s levert hier geen punten op", more);
        return;
    }
    html_printf(b, "; %s zou ", more);
    html_signed(b, bd->marginal, 2);
    buf_puts(b, " punten opleveren");
}

void html_binding_text(Buf *b, const Model *m, const Binding *bd)
{
    switch (bd->kind) {
    case BIND_HOURS:
        buf_puts(b, bd->at_min ? "minimaal aantal uren per week: " : "maximaal aantal uren per week: ");
        html_short(b, bd->used);
        buf_puts(b, " van ");
        html_short(b, bd->limit);
        marginal(b, bd, bd->at_min ? "een uur lager minimum" : "een uur per week meer");
        break;
    case BIND_HOURS_DAY:
        buf_puts(b, "maximaal aantal uren per dag: ");
        html_short(b, bd->used);
        buf_puts(b, " van ");
        html_short(b, bd->limit);
        marginal(b, bd, "een uur per werkdag meer");
        break;
    case BIND_DAYS:
        buf_puts(b, "maximaal aantal werkdagen: ");
        html_short(b, bd->used);
        buf_puts(b, " van ");
        html_short(b, bd->limit);
        marginal(b, bd, "");
        break;
    case BIND_EXPOSURE:
        html_dim_name(b, m, bd->index);
        buf_puts(b, ": ");
        html_num(b, bd->used, 2);
        buf_puts(b, " van ");
        html_short(b, bd->limit);
        buf_puts(b, " uur op de drukste dag");
        marginal(b, bd, "een uur per dag meer");
        break;
    case BIND_SHARE:
        html_dim_name(b, m, bd->index);
        buf_puts(b, ": een aandeel van ");
        html_num(b, bd->used, 2);
        buf_puts(b, " van de uren, grens ");
        html_short(b, bd->limit);
        marginal(b, bd, "0,1 meer aandeel");
        break;
    case BIND_TASKS:
        buf_puts(b, bd->at_min ? "minimaal aantal taken: " : "maximaal aantal taken: ");
        html_short(b, bd->used);
        buf_puts(b, " van ");
        html_short(b, bd->limit);
        marginal(b, bd, "");
        break;
    case BIND_GROUPS:
        buf_puts(b, "maximaal aantal afdelingen: ");
        html_short(b, bd->used);
        buf_puts(b, " van ");
        html_short(b, bd->limit);
        marginal(b, bd, "");
        break;
    case BIND_SUPERVISION:
        buf_puts(b, "begeleidingscapaciteit van de werkgever: ");
        html_num(b, bd->used, 0);
        buf_puts(b, " van ");
        html_num(b, bd->limit, 0);
        buf_puts(b, " minuten per week");
        marginal(b, bd, "een minuut per week meer");
        break;
    case BIND_DONOR:
        buf_puts(b, "functie ");
        html_esc(b, m->jobs[bd->index].id);
        buf_puts(b, " (");
        html_esc(b, m->jobs[bd->index].title);
        buf_puts(b, ") moet haar resturen houden: ");
        html_short(b, bd->used);
        buf_puts(b, " uur werk uitgesneden");
        marginal(b, bd, "een uur werk meer");
        break;
    case BIND_WORK:
        buf_puts(b, "al het werk van ");
        task_ref(b, m, bd->index);
        buf_puts(b, " is genomen (");
        html_short(b, bd->limit);
        buf_puts(b, " uur)");
        marginal(b, bd, "een uur van dit werk meer");
        break;
    case BIND_KINDS:
        break;
    }
}

void html_signal_text(Buf *b, const Model *m, const Signal *s)
{
    html_dim_name(b, m, s->dim);
    switch (s->kind) {
    case SIG_LEVEL_AT_LIMIT:
        buf_puts(b, ": ");
        task_ref(b, m, s->task);
        buf_puts(b, " vraagt niveau ");
        html_short(b, s->used);
        buf_puts(b, ", precies de grens van de kandidaat");
        break;
    case SIG_EXPOSURE_NEAR:
        buf_puts(b, ": ");
        html_num(b, s->used, 2);
        buf_puts(b, " van ");
        html_short(b, s->limit);
        buf_puts(b, " uur op de drukste dag (binnen 10%)");
        break;
    case SIG_SHARE_NEAR:
        buf_puts(b, ": een aandeel van ");
        html_num(b, s->used, 2);
        buf_puts(b, " van de uren, grens ");
        html_short(b, s->limit);
        buf_puts(b, " (binnen 10%)");
        break;
    }
}

static void from_to(Buf *b, const char *what, const MissItem *it)
{
    buf_puts(b, what);
    buf_puts(b, " van ");
    html_short(b, it->from);
    buf_puts(b, " naar ");
    html_short(b, it->to);
}

void html_miss_text(Buf *b, const Model *m, const MissItem *it)
{
    switch (it->kind) {
    case MISS_LEVEL:
    case MISS_EXPOSURE:
    case MISS_SHARE:
        buf_puts(b, "de grens voor ");
        html_dim_name(b, m, it->dim);
        buf_puts(b, " (");
        unit_of(b, &m->dims[it->dim]);
        buf_puts(b, ")");
        from_to(b, "", it);
        buf_puts(b, " (");
        html_signed(b, it->to - it->from, 2);
        buf_puts(b, ")");
        break;
    case MISS_FLAG:
        html_dim_name(b, m, it->dim);
        buf_puts(b, ": de kandidaat zou dit rijbewijs of certificaat nodig hebben");
        break;
    case MISS_HOURS_MIN: from_to(b, "minimaal aantal uren per week", it); break;
    case MISS_HOURS_MAX: from_to(b, "maximaal aantal uren per week", it); break;
    case MISS_HOURS_DAY: from_to(b, "maximaal aantal uren per dag", it); break;
    case MISS_DAYS: from_to(b, "maximaal aantal werkdagen", it); break;
    case MISS_TASKS_MIN: from_to(b, "minimaal aantal taken", it); break;
    case MISS_TASKS_MAX: from_to(b, "maximaal aantal taken", it); break;
    case MISS_GROUPS: from_to(b, "maximaal aantal afdelingen", it); break;
    case MISS_AVAILABILITY:
        buf_puts(b, "beschikbaarheid: ");
        html_short(b, it->to - it->from);
        buf_puts(b, " uur per week buiten de dagdelen waarop de kandidaat nu beschikbaar is");
        break;
    case MISS_SKILL: buf_puts(b, "een vaardigheid die niet op de werkplek te leren is"); break;
    case MISS_SUPERVISION:
        from_to(b, "de begeleidingscapaciteit van de werkgever", it);
        buf_puts(b, " minuten per week");
        break;
    }
    if (it->task >= 0) {
        buf_puts(b, ", voor ");
        task_ref(b, m, it->task);
    }
}

void html_bindings(Buf *b, const Model *m, const PairAssessment *a)
{
    if (!a->nbind) {
        buf_puts(b, "<p>Geen grens of capaciteit zit krap in dit pakket.</p>\n");
        return;
    }
    buf_puts(b, "<ul>\n");
    for (int i = 0; i < a->nbind; i++) {
        buf_puts(b, "<li>");
        html_binding_text(b, m, &a->bind[i]);
        buf_puts(b, "</li>\n");
    }
    buf_puts(b, "</ul>\n");
}

void html_signals(Buf *b, const Model *m, const PairAssessment *a)
{
    if (!a->nsig) {
        buf_puts(b, "<p>Geen: geen taak zit precies op een grens van de kandidaat.</p>\n");
        return;
    }
    buf_puts(b, "<ul class=\"sig\">\n");
    for (int i = 0; i < a->nsig; i++) {
        const Signal *s = &a->sig[i];
        if (s->kind != SIG_LEVEL_AT_LIMIT) {
            buf_puts(b, "<li>");
            html_signal_text(b, m, s);
            buf_puts(b, "</li>\n");
            continue;
        }
        /* level signals of one dimension and level on one line, naming every task */
        int first = 1;
        for (int k = 0; k < i && first; k++)
            first = !(a->sig[k].kind == SIG_LEVEL_AT_LIMIT && a->sig[k].dim == s->dim && a->sig[k].used == s->used);
        if (!first)
            continue;
        buf_puts(b, "<li>");
        html_dim_name(b, m, s->dim);
        buf_puts(b, ": niveau ");
        html_short(b, s->used);
        buf_puts(b, " ligt precies op de grens van de kandidaat in ");
        int n = 0, total = 0;
        for (int k = i; k < a->nsig; k++)
            total += a->sig[k].kind == SIG_LEVEL_AT_LIMIT && a->sig[k].dim == s->dim && a->sig[k].used == s->used;
        for (int k = i; k < a->nsig; k++) {
            if (!(a->sig[k].kind == SIG_LEVEL_AT_LIMIT && a->sig[k].dim == s->dim && a->sig[k].used == s->used))
                continue;
            n++;
            buf_puts(b, n == 1 ? "" : n == total ? " en " : ", ");
            task_ref(b, m, a->sig[k].task);
        }
        buf_puts(b, "</li>\n");
    }
    buf_puts(b, "</ul>\n");
}
