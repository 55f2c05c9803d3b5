/* validate.c — the summary printed by `maatwerk validate` for valid input:
 * table counts, dimensions in use, and warnings (tasks nobody could do,
 * employers without supervision capacity, candidates no task fits, unknown
 * limits). Layer: cli. Never prints a candidate's limit values.
 */
#include "validate.h"

#include <stdlib.h>
#include <string.h>

#include "../solve/filter.h"

static void list_more(FILE *out, int shown, int total)
{
    if (total > shown)
        fprintf(out, "    ... and %d more (--all lists every one)\n", total - shown);
}

static void print_dimensions(FILE *out, const Model *m)
{
    int used = 0;
    int *lim = calloc((size_t)m->n_dims + 1, sizeof *lim);
    int *unk = calloc((size_t)m->n_dims + 1, sizeof *unk);
    int *load = calloc((size_t)m->n_dims + 1, sizeof *load);
    int *acc = calloc((size_t)m->n_dims + 1, sizeof *acc);
    if (!lim || !unk || !load || !acc)
        goto done;
    for (int i = 0; i < m->n_candidates; i++)
        for (int d = 0; d < m->n_dims; d++) {
            lim[d] += m->candidates[i].lim_state[d] == LIM_KNOWN;
            unk[d] += m->candidates[i].lim_state[d] == LIM_UNKNOWN;
        }
    for (int i = 0; i < m->n_tasks; i++)
        for (int d = 0; d < m->n_dims; d++)
            load[d] += m->tasks[i].load[d] > 0;
    for (int i = 0; i < m->n_employers; i++)
        for (int d = 0; d < m->n_dims; d++)
            acc[d] += m->employers[i].acc[d] > 0;
    for (int d = 0; d < m->n_dims; d++)
        used += lim[d] || load[d] || unk[d];
    fprintf(out, "dimensions in use: %d of %d\n", used, m->n_dims);
    fprintf(out, "  %-16s %-9s %10s %8s %8s %10s\n", "dimension", "kind", "candidates", "unknown",
            "tasks", "employers");
    for (int d = 0; d < m->n_dims; d++)
        if (lim[d] || load[d] || unk[d])
            fprintf(out, "  %-16s %-9s %10d %8d %8d %10d\n", m->dims[d].name,
                    mw_dim_kind_names[m->dims[d].kind], lim[d], unk[d], load[d], acc[d]);
    fprintf(out, "  (candidates: with a limit; tasks: with a load; employers: with an accommodation)\n");
done:
    free(lim);
    free(unk);
    free(load);
    free(acc);
}

/* Tasks no candidate could do, with the reason that stops most candidates. */
static int warn_tasks(FILE *out, const Model *m, int show)
{
    int n = 0;
    for (int t = 0; t < m->n_tasks; t++) {
        const Task *task = &m->tasks[t];
        int ok = 0;
        for (int c = 0; c < m->n_candidates && !ok; c++)
            ok = filter_task(m, &m->candidates[c], task, NULL) == FIT_OK;
        if (ok)
            continue;
        if (n == 0)
            fprintf(out, "  tasks no candidate in the region could do:\n");
        if (show == 0 || n < show) {
            int count[FIT_COUNT] = {0}, best = 1, dim_best = -1;
            int *dims = calloc((size_t)m->n_dims + 1, sizeof *dims);
            for (int c = 0; c < m->n_candidates; c++) {
                int d;
                TaskFit f = filter_task(m, &m->candidates[c], task, &d);
                count[f]++;
                if (d >= 0 && dims)
                    dims[d]++;
            }
            for (int f = 2; f < FIT_COUNT; f++)
                if (count[f] > count[best])
                    best = f;
            for (int d = 0; dims && d < m->n_dims; d++)
                if (dims[d] && (dim_best < 0 || dims[d] > dims[dim_best]))
                    dim_best = d;
            free(dims);
            if (m->n_candidates == 0)
                fprintf(out, "    %s (%s, employer %s): there are no candidates\n", task->id, task->name,
                        m->employers[task->employer].id);
            else if ((best == FIT_LEVEL || best == FIT_FLAG || best == FIT_EXPOSURE || best == FIT_SHARE) &&
                     dim_best >= 0)
                fprintf(out, "    %s (%s, employer %s): mostly %s (%s)\n", task->id, task->name,
                        m->employers[task->employer].id, filter_fit_names[best], m->dims[dim_best].name);
            else
                fprintf(out, "    %s (%s, employer %s): mostly %s\n", task->id, task->name,
                        m->employers[task->employer].id, filter_fit_names[best]);
        }
        n++;
    }
    if (n)
        list_more(out, show ? (n < show ? n : show) : n, n);
    return n;
}

static int warn_candidates(FILE *out, const Model *m, int show)
{
    int n = 0;
    for (int c = 0; c < m->n_candidates; c++) {
        int ok = 0;
        for (int t = 0; t < m->n_tasks && !ok; t++)
            ok = filter_task(m, &m->candidates[c], &m->tasks[t], NULL) == FIT_OK;
        if (ok)
            continue;
        if (n == 0)
            fprintf(out, "  candidates whose limits, availability or skills exclude every task in the region\n"
                         "  (see `maatwerk explain DIR --candidate ID` for why):\n");
        if (show == 0 || n < show)
            fprintf(out, "    %s\n", m->candidates[c].id);
        n++;
    }
    if (n)
        list_more(out, show ? (n < show ? n : show) : n, n);
    return n;
}

static int warn_supervision(FILE *out, const Model *m, int show)
{
    int needy = 0, n = 0;
    for (int c = 0; c < m->n_candidates; c++)
        needy += m->candidates[c].support_min_day > 0;
    for (int e = 0; e < m->n_employers; e++) {
        const Employer *emp = &m->employers[e];
        if (emp->supervision_min_day > 0)
            continue;
        int task_need = 0;
        for (int k = 0; k < emp->tasks.n; k++)
            task_need += m->tasks[emp->tasks.items[k]].supervision_min_per_hour > 0;
        if (n == 0)
            fprintf(out, "  employers without supervision capacity (supervision_min_day 0): nobody who needs\n"
                         "  begeleiding (%d candidates do) can be placed there:\n", needy);
        if (show == 0 || n < show)
            fprintf(out, "    %s (%s)%s\n", emp->id, emp->name,
                    task_need ? ", and its supervised tasks cannot be carved" : "");
        n++;
    }
    if (n)
        list_more(out, show ? (n < show ? n : show) : n, n);
    return n;
}

static int warn_unknown(FILE *out, const Model *m)
{
    int n = 0;
    int *per_dim = calloc((size_t)m->n_dims + 1, sizeof *per_dim);
    if (!per_dim)
        return 0;
    for (int c = 0; c < m->n_candidates; c++) {
        int any = 0;
        for (int d = 0; d < m->n_dims; d++)
            if (m->candidates[c].lim_state[d] == LIM_UNKNOWN) {
                per_dim[d]++;
                any = 1;
            }
        n += any;
    }
    if (n) {
        fprintf(out, "  unknown limits ('?'): %d candidates have at least one; treated as no limit and\n"
                     "  reported as lower data coverage:", n);
        int k = 0;
        for (int d = 0; d < m->n_dims; d++)
            if (per_dim[d])
                fprintf(out, "%s%slim.%s %d", k ? "," : "", k % 6 ? " " : "\n    ", m->dims[d].name,
                        per_dim[d]), k++;
        fprintf(out, "\n");
    }
    free(per_dim);
    return n;
}

void validate_print_summary(FILE *out, const Model *m, const char *dir, int show, ValidateStats *stats)
{
    ValidateStats s;
    memset(&s, 0, sizeof s);
    fprintf(out, "%s: valid (%s)\n", dir, m->source);
    fprintf(out, "  candidates  %8d\n  employers   %8d\n  jobs        %8d\n  tasks       %8d\n"
                 "  placements  %8d\n", m->n_candidates, m->n_employers, m->n_jobs, m->n_tasks,
            m->n_placements);
    double hours = 0, carvable = 0;
    for (int t = 0; t < m->n_tasks; t++) {
        hours += m->tasks[t].hours_week;
        carvable += m->tasks[t].carvable ? m->tasks[t].hours_week : 0;
    }
    fprintf(out, "  task hours  %8.0f per week, %.0f carvable\n", hours, carvable);
    fprintf(out, "policy: %s\n", m->policy.name);
    print_dimensions(out, m);
    fprintf(out, "warnings:\n");
    s.tasks_nobody = warn_tasks(out, m, show);
    s.employers_no_supervision = warn_supervision(out, m, show);
    s.candidates_no_task = warn_candidates(out, m, show);
    s.candidates_unknown = warn_unknown(out, m);
    s.warnings = s.tasks_nobody + s.employers_no_supervision + s.candidates_no_task + (s.candidates_unknown > 0);
    if (!s.warnings)
        fprintf(out, "  none\n");
    if (stats)
        *stats = s;
}
