/* employer_view.h — what one employer may see of the regional proposal: the
 * candidates proposed to it (pseudonymous ids) with their packages, as an
 * HTML page in Dutch and as JSON (schema maatwerk.employer_view/1). For a
 * candidate without consent_employer_view the view holds the package only:
 * no limits, no binding limits, no signaleringen, no score terms, no
 * nearest miss, no wording derived from health data. Layer: output.
 */
#ifndef MW_EMPLOYER_VIEW_H
#define MW_EMPLOYER_VIEW_H

#include "../assess/proposal.h"
#include "textbuf.h"

/* Appends employer e's page to *out. MW_OK or MW_ENOMEM (out->oom set; the
 * caller mw_frees out->p either way). */
int employer_view_html(const Proposal *p, int e, Buf *out);

/* Employer e's view as JSON text with a final newline (mw_free it), or NULL
 * on OOM. Keys: schema, employer{id, name, sector}, candidates[{candidate,
 * consent_employer_view, package, and only with consent: score,
 * binding_limits, signaleringen, coverage}]. */
char *employer_view_json(const Proposal *p, int e);

/* Appends the file name for employer id with extension ext ("html",
 * "json"): bytes of [A-Za-z0-9_-] kept, every other byte as %XX, so an id
 * can neither leave the directory nor hide a file. */
void employer_view_file_name(Buf *out, const char *id, const char *ext);

#endif
