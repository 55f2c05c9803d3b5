/* carve_mathprog.c — a PairData as the data section of
 * models/mathprog/carve.mod. The parameter names are the ones carve.mod
 * declares; keep the two in step. Layer: solve. Knows nothing about GLPK or
 * about where the text goes (the caller's stream).
 */
#include "carve_mathprog.h"

#include <assert.h>

/* One number in its shortest round-trip text, preceded by a space. */
static void put_num(FILE *f, double v)
{
    char buf[64];
    mw_fmt_double(buf, sizeof buf, v);
    fprintf(f, " %s", buf);
}

static void put_scalar(FILE *f, const char *name, double v)
{
    fprintf(f, "param %s :=", name);
    put_num(f, v);
    fputs(";\n", f);
}

static void put_int(FILE *f, const char *name, int v)
{
    fprintf(f, "param %s := %d;\n", name, v);
}

/* A dimension family: limits `lim` over 0..n-1 and the task coefficients
 * as a table (rows: dimension, columns: task). Nothing when n == 0: the
 * parameters are then indexed over an empty set. */
static void put_dims(FILE *f, const char *lim, const char *coef, const PairDim *dims, int n, int nt)
{
    if (n == 0)
        return;
    fprintf(f, "param %s :=", lim);
    for (int k = 0; k < n; k++) {
        fprintf(f, " %d", k);
        put_num(f, dims[k].limit);
    }
    fputs(";\n", f);
    fprintf(f, "param %s :", coef);
    for (int t = 0; t < nt; t++)
        fprintf(f, " %d", t);
    fputs(" :=\n", f);
    for (int k = 0; k < n; k++) {
        fprintf(f, "  %d", k);
        for (int t = 0; t < nt; t++)
            put_num(f, dims[k].coef[t]);
        fputc('\n', f);
    }
    fputs(";\n", f);
}

int carve_write_dat(const PairData *p, FILE *f)
{
    assert(p->nt >= 1);
    const Weights *w = &p->w;

    fputs("/* carving instance for models/mathprog/carve.mod (written by carve_write_dat) */\n", f);
    fprintf(f, "/* candidate %d, employer %d */\n", p->cand, p->emp);
    fputs("data;\n\n", f);
    put_int(f, "nt", p->nt);
    put_int(f, "nj", p->nj);
    put_int(f, "ng", p->ng);
    put_int(f, "nexp", p->nexp);
    put_int(f, "nshare", p->nshare);

    /* tasks, one row each (the model task index is in the comment) */
    fputs("\nparam : job grp W m pi indiv flex sigma wage pref skill mand vonly :=\n", f);
    for (int t = 0; t < p->nt; t++) {
        const PairTask *pt = &p->t[t];
        fprintf(f, "  %d %d %d", t, pt->job, pt->group);
        put_num(f, pt->W);
        put_num(f, pt->m);
        put_num(f, pt->pi);
        fprintf(f, " %d %d", pt->indivisible ? 1 : 0, pt->flexible ? 1 : 0);
        put_num(f, pt->sigma);
        put_num(f, pt->wage);
        put_num(f, pt->pref);
        put_num(f, pt->skill);
        fprintf(f, " %d %d  /* task %d */\n", pt->mandatory ? 1 : 0, pt->vacancy_only ? 1 : 0, pt->task);
    }
    fputs(";\n", f);

    fputs("\nparam inD : 0 1 2 3 4 5 6 :=\n", f);
    for (int t = 0; t < p->nt; t++) {
        fprintf(f, "  %d", t);
        for (int d = 0; d < MW_DAYS; d++)
            fprintf(f, " %d", p->t[t].days >> d & 1);
        fputc('\n', f);
    }
    fputs(";\n", f);

    fputs("\nparam cap : 0 1 2 3 4 5 6 :=\n", f);
    for (int t = 0; t < p->nt; t++) {
        fprintf(f, "  %d", t);
        for (int d = 0; d < MW_DAYS; d++)
            put_num(f, p->t[t].cap[d]);
        fputc('\n', f);
    }
    fputs(";\n", f);

    /* jobs */
    fputs("\nparam : WJ RJ vac :=\n", f);
    for (int j = 0; j < p->nj; j++) {
        fprintf(f, "  %d", j);
        put_num(f, p->j[j].W);
        put_num(f, p->j[j].R);
        fprintf(f, " %d  /* job %d */\n", p->j[j].vacancy ? 1 : 0, p->j[j].job);
    }
    fputs(";\n\n", f);

    put_dims(f, "B", "e", p->exp, p->nexp, p->nt);
    put_dims(f, "S", "s", p->share, p->nshare, p->nt);

    /* a repeated pair (a task listing a requirement twice) would be a
     * duplicate set member, which MathProg refuses: write each pair once */
    fputs("set REQ :=", f);
    for (int q = 0; q < p->nreq; q++) {
        int seen = 0;
        for (int q0 = 0; q0 < q && !seen; q0++)
            seen = p->req[q0][0] == p->req[q][0] && p->req[q0][1] == p->req[q][1];
        if (!seen)
            fprintf(f, " (%d,%d)", p->req[q][0], p->req[q][1]);
    }
    fputs(";\n\n", f);

    put_scalar(f, "Hmin", p->Hmin);
    put_scalar(f, "Hmax", p->Hmax);
    put_scalar(f, "Hpref", p->Hpref);
    fputs("param Hday :=", f);
    for (int d = 0; d < MW_DAYS; d++) {
        fprintf(f, " %d", d);
        put_num(f, p->Hday[d]);
    }
    fputs(";\n", f);
    put_int(f, "Dmax", p->Dmax);
    put_int(f, "nmin", p->nmin);
    put_int(f, "nmax", p->nmax);
    put_int(f, "Gmax", p->Gmax);
    put_scalar(f, "need", p->need);
    put_scalar(f, "Cap", p->Cap);

    fputc('\n', f);
    put_scalar(f, "w_value", w->value);
    put_scalar(f, "w_pref", w->pref);
    put_scalar(f, "w_skill", w->skill);
    put_scalar(f, "w_hours", w->hours);
    put_scalar(f, "w_task", w->task);
    put_scalar(f, "w_group", w->group);
    put_scalar(f, "w_sup", w->sup);
    put_scalar(f, "w_over", w->over);
    put_scalar(f, "theta", w->theta);
    fputs("\nend;\n", f);

    /* stdio errors are sticky: one check covers every write above */
    if (fflush(f) != 0 || ferror(f))
        return MW_EIO;
    return MW_OK;
}
