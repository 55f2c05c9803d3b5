/* report.h — the bemiddelaar's report: report.html, one self-contained page
 * in Dutch (no network: inline CSS, inline SVG charts, a small optional
 * script for the search) with an overview of the region, an index by
 * candidate and employer id, a card per candidate (shortlist, the proposed
 * package as a day board, why it fits, what binds, signaleringen, risks,
 * costs, or the nearest miss) and a card per employer (carved and remaining
 * hours per job, the candidates proposed). Layer: output. Presentation of an
 * assessed Proposal only; deterministic bytes (no clock, no machine data).
 */
#ifndef MW_REPORT_H
#define MW_REPORT_H

#include "results.h"
#include "textbuf.h"

/* Appends report.html for p to *out (the caller mw_frees out->p). meta
 * gives the preset, GLPK's version and the input files for the colophon
 * (NULL: none); the timings and thread count are never shown, so identical
 * input gives identical bytes. With RESULTS_OMIT_LIMITS in formats the
 * health-derived fields (binding limits, signaleringen, nearest miss) are
 * left out, as in results.json. Returns MW_OK, or MW_ENOMEM (out->oom set;
 * out->p is still the caller's to free). */
int report_write_html(const Proposal *p, const RunMeta *meta, unsigned formats, Buf *out);

#endif
