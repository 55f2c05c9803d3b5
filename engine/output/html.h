/* html.h — the HTML pieces the bemiddelaar's report (report.c) and the
 * employer view (employer_view.c) share: escaping, Dutch number formatting
 * (decimal comma), safe anchor ids, the page head with its inline style
 * sheet (screen and print), the package as a task table and a weekly day
 * board, and the explanation fields (score terms, binding limits,
 * signaleringen, nearest miss) in plain Dutch. Layer: output. Writes into a
 * Buf (textbuf.h) and computes nothing but presentation; never includes
 * cJSON.h. The explanation writers name a candidate's limits: callers decide
 * whether a reader may see them (consent_employer_view).
 */
#ifndef MW_HTML_H
#define MW_HTML_H

#include "../assess/assess.h"
#include "textbuf.h"

/* Appends s with & < > " ' escaped (safe in text and in quoted attribute
 * values); C0 control characters other than tab and newline are dropped.
 * NULL appends nothing. */
void html_esc(Buf *b, const char *s);

/* Appends printf-style text as is (markup of our own, never input data). */
void html_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends v with exactly dec decimals (0..6), a decimal comma and a dot
 * between thousands ("1.929,4"); never "-0". */
void html_num(Buf *b, double v, int dec);
/* The same with a sign: "+20,0", "-2,5", "0,0". */
void html_signed(Buf *b, double v, int dec);
/* The shortest of 0..2 decimals that shows v rounded to 2 decimals: "24",
 * "0,5", "1,25" (limits and counts as a person writes them). */
void html_short(Buf *b, double v);

/* Appends a token usable as an element id and in "#..." links: prefix, '-',
 * then id with every byte outside [A-Za-z0-9.-] written as _XX (hex), so
 * distinct ids give distinct tokens. */
void html_anchor(Buf *b, const char *prefix, const char *id);

/* Appends "<!DOCTYPE html>…<body>": lang="nl", UTF-8, the viewport, the
 * escaped title and the inline style sheet (screen, and @media print:
 * navigation hidden, cards not split). */
void html_page_begin(Buf *b, const char *title);
/* Appends the optional inline script (may be NULL) and "</body></html>". */
void html_page_end(Buf *b, const char *script);

/* The dimension's name for a reader: underscores as spaces ("fijne motoriek"). */
void html_dim_name(Buf *b, const Model *m, int dim);

/* A job as "title (id)", the id muted. */
void html_job(Buf *b, const Job *j);

/* The package's tasks as a real table (caption, th scope): task id, name,
 * donor job, hours per week, work covered, days. */
void html_package_table(Buf *b, const Model *m, const Package *pk);

/* The package as a weekly day board: a table with the days as columns
 * (maandag..vrijdag, and zaterdag/zondag when worked) and the parts of the
 * day as rows (ochtend, middag, and avond/nacht when used); each cell lists
 * the tasks of that slot in schedule order with their hours; a last row
 * gives the hours per day. */
void html_day_board(Buf *b, const Model *m, const Package *pk);

/* "Waarom het past": one <li> per score term of a (those of at least 0.05
 * points), in plain words with the points ("uren richting de gewenste 24
 * uur: +20,0 punten"), then the total. Wrapped in <ul>. */
void html_score_terms(Buf *b, const Model *m, const PairAssessment *a);

/* One sentence each, in Dutch, for a binding limit, a signalering and a
 * nearest-miss change. These name the candidate's limits. */
void html_binding_text(Buf *b, const Model *m, const Binding *bd);
void html_signal_text(Buf *b, const Model *m, const Signal *s);
void html_miss_text(Buf *b, const Model *m, const MissItem *it);

/* "Wat begrenst" and "Signaleringen" as <ul> lists (or a sentence when
 * there are none). These name the candidate's limits. */
void html_bindings(Buf *b, const Model *m, const PairAssessment *a);
void html_signals(Buf *b, const Model *m, const PairAssessment *a);

/* The days of a day mask in full Dutch ("maandag, dinsdag en vrijdag"). */
void html_days(Buf *b, uint8_t days);

#endif
