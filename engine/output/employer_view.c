/* employer_view.c — the employer view (see employer_view.h): per employer
 * the proposed candidates and their packages, as HTML and JSON. Layer:
 * output. The consent check lives in one place (shows_explanation); every
 * explanation field goes through it.
 */
#include "employer_view.h"

#include <cJSON.h>
#include <stdio.h>
#include <string.h>

#include "explain.h"
#include "html.h"

/* Whether the employer may read the explanation of candidate c's match:
 * binding limits, signaleringen, score terms and coverage name or derive
 * from the candidate's limits (health data). */
static int shows_explanation(const Model *m, int c) { return m->candidates[c].consent_employer_view != 0; }

void employer_view_file_name(Buf *out, const char *id, const char *ext)
{
    for (const unsigned char *q = (const unsigned char *)id; *q; q++) {
        int plain = (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '_' ||
                    *q == '-';
        if (plain) {
            buf_putc(out, (char)*q);
        } else {
            char t[4];
            snprintf(t, sizeof t, "%%%02X", *q);
            buf_puts(out, t);
        }
    }
    buf_putc(out, '.');
    buf_puts(out, ext);
}

int employer_view_html(const Proposal *p, int e, Buf *b)
{
    const Model *m = p->m;
    const Employer *em = &m->employers[e];
    Buf title = {NULL, 0, 0, 0};
    buf_puts(&title, "Voorgestelde kandidaten voor ");
    buf_puts(&title, em->name);
    html_page_begin(b, buf_str(&title));
    mw_free(title.p);
    buf_puts(b, "<main>\n<h1>Voorgestelde kandidaten voor ");
    html_esc(b, em->name);
    buf_puts(b, "</h1>\n<p class=\"meta\">Werkgever ");
    html_esc(b, em->id);
    if (em->sector >= 0) {
        buf_puts(b, " · sector ");
        html_esc(b, model_name(m, em->sector));
    }
    buf_puts(b, "</p>\n<p>Dit is een voorstel voor een kennismaking en een proefplaatsing, geen besluit. Kandidaten "
                "staan hier onder een pseudoniem; de bemiddelaar stelt u voor. Bij een kandidaat die daar geen "
                "toestemming voor gaf, ziet u alleen het takenpakket.</p>\n");
    int n = 0;
    for (int i = 0; i < p->n_matches; i++) {
        const Match *mt = &p->matches[i];
        const PairAssessment *a = &mt->a;
        if (a->emp != e)
            continue;
        n++;
        const char *cid = m->candidates[mt->cand].id;
        buf_puts(b, "<section class=\"card geplaatst\" data-candidate=\"");
        html_esc(b, cid);
        buf_puts(b, "\">\n<h2>Kandidaat ");
        html_esc(b, cid);
        buf_puts(b, "</h2>\n<p>");
        html_num(b, a->pk.hours, 1);
        buf_puts(b, " uur per week op ");
        html_days(b, a->pk.days);
        html_printf(b, "; %d %s; begeleiding van uw kant ", a->pk.n, a->pk.n == 1 ? "taak" : "taken");
        html_num(b, a->pk.sup_minutes, 0);
        buf_puts(b, " minuten per week.</p>\n");
        html_day_board(b, m, &a->pk);
        html_package_table(b, m, &a->pk);
        if (shows_explanation(m, mt->cand)) {
            buf_puts(b, "<h3>Waarom het past</h3>\n");
            html_score_terms(b, m, a);
            buf_puts(b, "<h3>Wat begrenst</h3>\n");
            html_bindings(b, m, a);
            buf_puts(b, "<h3>Signaleringen: let hierop tijdens de proefplaatsing</h3>\n");
            html_signals(b, m, a);
        } else {
            buf_puts(b, "<p class=\"meta\">De kandidaat gaf geen toestemming om meer te delen dan het "
                        "takenpakket.</p>\n");
        }
        buf_puts(b, "</section>\n");
    }
    if (!n)
        buf_puts(b, "<p>Deze week zijn geen kandidaten voorgesteld.</p>\n");
    buf_puts(b, "<footer><p class=\"meta\">Gemaakt met maatwerk " MW_VERSION ".</p></footer>\n</main>\n");
    html_page_end(b, NULL);
    return b->oom ? MW_ENOMEM : MW_OK;
}

char *employer_view_json(const Proposal *p, int e)
{
    const Model *m = p->m;
    const Employer *em = &m->employers[e];
    cJSON *root = cJSON_CreateObject();
    int ok = root != NULL;
    ok &= cJSON_AddStringToObject(root, "schema", "maatwerk.employer_view/1") != NULL;
    cJSON *eo = cJSON_AddObjectToObject(root, "employer");
    ok &= eo != NULL;
    ok &= eo && cJSON_AddStringToObject(eo, "id", em->id) != NULL;
    ok &= eo && cJSON_AddStringToObject(eo, "name", em->name) != NULL;
    ok &= eo && (em->sector >= 0 ? cJSON_AddStringToObject(eo, "sector", model_name(m, em->sector))
                                 : cJSON_AddNullToObject(eo, "sector")) != NULL;
    cJSON *list = cJSON_AddArrayToObject(root, "candidates");
    ok &= list != NULL;
    for (int i = 0; i < p->n_matches && ok; i++) {
        const Match *mt = &p->matches[i];
        if (mt->a.emp != e)
            continue;
        cJSON *o = cJSON_CreateObject();
        ok &= cJSON_AddItemToArray(list, o);
        int consent = shows_explanation(m, mt->cand);
        ok &= cJSON_AddStringToObject(o, "candidate", m->candidates[mt->cand].id) != NULL;
        ok &= cJSON_AddBoolToObject(o, "consent_employer_view", consent) != NULL;
        cJSON *x = explain_json_package(m, &mt->a.pk, 1);
        ok &= x && cJSON_AddItemToObject(o, "package", x);
        if (!consent)
            continue;
        const char *keys[4] = {"score", "binding_limits", "signaleringen", "coverage"};
        cJSON *vals[4] = {explain_json_score(&mt->a), explain_json_bindings(m, &mt->a),
                          explain_json_signals(m, &mt->a), explain_json_coverage(&mt->a)};
        for (int k = 0; k < 4; k++) {
            if (ok && vals[k] && cJSON_AddItemToObject(o, keys[k], vals[k]))
                continue;
            ok = 0;
            cJSON_Delete(vals[k]);
        }
    }
    char *out = ok ? explain_json_text(root) : NULL;
    cJSON_Delete(root);
    return out;
}
