/* fixed.c — packages from given task hours (see fixed.h): the numbers of
 * each task come from pair_enter/pair_task_fill, as for a carved pair, so
 * the score and the accounting match the carving model. Layer: solve; no
 * GLPK, no files.
 */
#include "fixed.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"

#define FIT_EPS 1e-6

const char *const fixed_misfit_names[FIXED_MISFIT_KINDS] = {"task_limits", "hours_week", "hours_day",
                                                            "exposure",    "share",      "task_work"};

/* The first part of day d that both the candidate and the task allow; the
 * task's first part when none. */
static int first_part(const Candidate *c, const Task *t, int d)
{
    unsigned both = filter_day_parts(c, d) & t->parts;
    unsigned parts = both ? both : t->parts;
    for (int q = 0; q < MW_PARTS; q++)
        if (parts >> q & 1)
            return q;
    return 0;
}

/* First scheduled slot, then model index: the carving package's task order. */
static int first_slot(const Package *pk, int task)
{
    int best = 1 << 30;
    for (int i = 0; i < pk->nslots; i++)
        if (pk->slots[i].task == task && pk->slots[i].day * MW_PARTS + pk->slots[i].part < best)
            best = pk->slots[i].day * MW_PARTS + pk->slots[i].part;
    return best;
}

/* The misfit flags of a built package against the candidate's limits. */
static unsigned package_misfit(const Model *m, const Candidate *c, const Package *pk)
{
    unsigned f = 0;
    if (pk->hours > c->max_hours_week + FIT_EPS || pk->hours < c->min_hours_week - FIT_EPS)
        f |= FIXED_MISFIT_HOURS;
    int days = 0;
    for (int d = 0; d < MW_DAYS; d++) {
        double sum = 0;
        for (int k = 0; k < pk->n; k++)
            sum += pk->tasks[k].day_hours[d];
        days += sum > FIT_EPS;
        if (sum > c->max_hours_day + FIT_EPS)
            f |= FIXED_MISFIT_DAY;
    }
    if (c->max_days_week > 0 && days > c->max_days_week)
        f |= FIXED_MISFIT_DAY;
    for (int k = 0; k < pk->n; k++) {
        const Task *t = &m->tasks[pk->tasks[k].task];
        if (filter_task(m, c, t, NULL) != FIT_OK)
            f |= FIXED_MISFIT_TASK;
        if (pk->tasks[k].work > t->hours_week + FIT_EPS)
            f |= FIXED_MISFIT_WORK;
    }
    for (int dim = 0; dim < m->n_dims; dim++) {
        if (c->lim_state[dim] != LIM_KNOWN)
            continue;
        if (m->dims[dim].kind == DIM_EXPOSURE) {
            for (int d = 0; d < MW_DAYS; d++) {
                double e = 0;
                for (int k = 0; k < pk->n; k++)
                    e += m->tasks[pk->tasks[k].task].load[dim] * pk->tasks[k].day_hours[d];
                if (e > c->lim[dim] + FIT_EPS)
                    f |= FIXED_MISFIT_EXPOSURE;
            }
        } else if (m->dims[dim].kind == DIM_SHARE) {
            double s = 0;
            for (int k = 0; k < pk->n; k++)
                s += (m->tasks[pk->tasks[k].task].load[dim] - c->lim[dim]) * pk->tasks[k].hours;
            if (s > FIT_EPS)
                f |= FIXED_MISFIT_SHARE;
        }
    }
    return f;
}

/* 1 when the schedule covers exactly the package's tasks and their hours. */
static int schedule_adds_up(const Package *pk, const SlotEntry *slots, int nslots)
{
    for (int i = 0; i < nslots; i++) {
        int found = 0;
        for (int k = 0; k < pk->n && !found; k++)
            found = pk->tasks[k].task == slots[i].task;
        if (!found || slots[i].day < 0 || slots[i].day >= MW_DAYS || slots[i].hours < 0)
            return 0;
    }
    for (int k = 0; k < pk->n; k++) {
        double sum = 0;
        for (int i = 0; i < nslots; i++)
            sum += slots[i].task == pk->tasks[k].task ? slots[i].hours : 0;
        if (fabs(sum - pk->tasks[k].hours) > 1e-5)
            return 0;
    }
    return 1;
}

int fixed_package(const Model *m, int ci, int ei, const Weights *w, const int *tasks, const double *hours, int n,
                  Package *pk, unsigned *misfit)
{
    return fixed_package_scheduled(m, ci, ei, w, tasks, hours, n, NULL, 0, pk, misfit);
}

int fixed_package_scheduled(const Model *m, int ci, int ei, const Weights *w, const int *tasks, const double *hours,
                            int n, const SlotEntry *given, int ngiven, Package *pk, unsigned *misfit)
{
    const Candidate *c = &m->candidates[ci];
    const Employer *e = &m->employers[ei];
    memset(pk, 0, sizeof *pk);
    pk->vacancy_job = -1;
    MwArena arena;
    mw_arena_init(&arena);
    char *in = mw_arena_alloc(&arena, (size_t)e->tasks.n + 1);
    char *route = mw_arena_alloc(&arena, (size_t)m->n_jobs + 1);      /* no vacancy route */
    double *h = mw_arena_alloc(&arena, sizeof(double) * (size_t)(e->tasks.n + 1));
    PairEntry en;
    if (!in || !route || !h)
        goto oom;
    for (int k = 0; k < e->tasks.n; k++)
        for (int q = 0; q < n; q++)
            if (tasks[q] == e->tasks.items[k]) {
                in[k] = 1;
                h[k] = hours[q];
            }
    if (pair_enter(m, e, in, route, &arena, &en))
        goto oom;
    pk->tasks = mw_calloc((size_t)en.nt + 1, sizeof *pk->tasks);
    pk->slots = mw_calloc((size_t)en.nt * MW_DAYS + (size_t)ngiven + 1, sizeof *pk->slots);
    if (!pk->tasks || !pk->slots)
        goto oom;
    /* the working days: each task's first possible day, then the other
     * possible days in week order, up to max_days_week */
    uint8_t work_days = 0, all = 0;
    for (int a = 0; a < en.nt; a++) {
        const Task *t = &m->tasks[en.task[a]];
        uint8_t d = filter_task_days(c, t) ? filter_task_days(c, t) : t->days;
        all |= d;
        work_days |= (uint8_t)(d & -d);
    }
    for (int d = 0; d < MW_DAYS; d++)
        if ((all >> d & 1) && (c->max_days_week <= 0 || mw_popcount(work_days) < c->max_days_week))
            work_days |= (uint8_t)(1u << d);
    int have = 0;
    for (int a = 0; a < en.nt; a++) {
        const Task *t = &m->tasks[en.task[a]];
        uint8_t days = filter_task_days(c, t);
        if (!days)
            days = t->days;
        if (days & work_days)
            days &= work_days;
        PairTask pt;
        pair_task_fill(m, c, &en, a, days, route, &pt);
        double th = 0;
        for (int k = 0; k < e->tasks.n; k++)
            if (e->tasks.items[k] == en.task[a])
                th = h[k];
        PackageTask *q = &pk->tasks[pk->n++];
        q->task = en.task[a];
        q->hours = th;
        q->work = pt.pi * th;
        int nd = mw_popcount(days);
        for (int d = 0; d < MW_DAYS; d++)
            if (days >> d & 1) {
                q->day_hours[d] = th / nd;
                pk->slots[pk->nslots++] = (SlotEntry){q->task, d, first_part(c, t, d), th / nd};
                pk->days |= (uint8_t)(1u << d);
            }
        pk->hours += th;
        pk->sup_minutes += pt.sigma * th;
        pk->terms.value += w->value * pt.wage * pt.pi * th;
        pk->terms.pref += w->pref * pt.pref * th;
        pk->terms.skill += w->skill * pt.skill * th;
        pk->terms.task -= w->task;
        have++;
    }
    if (ngiven > 0 && schedule_adds_up(pk, given, ngiven)) {
        /* last week's schedule instead of the even spread */
        pk->days = 0;
        for (int k = 0; k < pk->n; k++)
            memset(pk->tasks[k].day_hours, 0, sizeof pk->tasks[k].day_hours);
        pk->nslots = 0;
        for (int i = 0; i < ngiven; i++) {
            for (int k = 0; k < pk->n; k++)
                if (pk->tasks[k].task == given[i].task)
                    pk->tasks[k].day_hours[given[i].day] += given[i].hours;
            if (given[i].hours > 1e-9)
                pk->days |= (uint8_t)(1u << given[i].day);
            pk->slots[pk->nslots++] = given[i];
        }
    }
    pk->sup_minutes += c->support_min_day * mw_popcount(pk->days);
    pk->terms.sup = -w->sup * pk->sup_minutes;
    pk->terms.group = en.ng > 1 ? -w->group * (en.ng - 1) : 0;
    pk->terms.hours = w->hours * (pk->hours < c->pref_hours_week ? pk->hours : c->pref_hours_week);
    double over = pk->hours - w->theta * c->max_hours_week;
    pk->terms.over = over > 0 ? -w->over * over : 0;
    const ScoreTerms *s = &pk->terms;
    pk->objective = s->value + s->pref + s->skill + s->hours + s->task + s->group + s->sup + s->over;
    pk->bound = pk->objective;
    pk->status = CARVE_OPTIMAL;
    qsort(pk->slots, (size_t)pk->nslots, sizeof *pk->slots, carve_slot_cmp);
    for (int i = 1; i < pk->n; i++)        /* schedule order, as a carved package */
        for (int j = i; j > 0; j--) {
            int fa = first_slot(pk, pk->tasks[j - 1].task), fb = first_slot(pk, pk->tasks[j].task);
            if (fa < fb || (fa == fb && pk->tasks[j - 1].task < pk->tasks[j].task))
                break;
            PackageTask tmp = pk->tasks[j];
            pk->tasks[j] = pk->tasks[j - 1];
            pk->tasks[j - 1] = tmp;
        }
    if (misfit)
        *misfit = package_misfit(m, c, pk) | (have < n ? FIXED_MISFIT_WORK : 0);
    mw_arena_free(&arena);
    return MW_OK;
oom:
    mw_arena_free(&arena);
    package_free(pk);
    return MW_ENOMEM;
}

int fixed_placement_package(const Model *m, const Weights *w, const Placement *pl, Package *out, unsigned *misfit)
{
    int *tasks = mw_malloc(sizeof(int) * (size_t)(pl->n_hours + 1));
    double *hours = mw_malloc(sizeof(double) * (size_t)(pl->n_hours + 1));
    int st = MW_ENOMEM;
    if (tasks && hours) {
        for (int k = 0; k < pl->n_hours; k++) {
            tasks[k] = pl->hours[k].task;
            hours[k] = pl->hours[k].hours;
        }
        st = fixed_package(m, pl->candidate, pl->employer, w, tasks, hours, pl->n_hours, out, misfit);
    } else {
        memset(out, 0, sizeof *out);
    }
    mw_free(tasks);
    mw_free(hours);
    return st;
}

void fixed_region_free(FixedRegion *f)
{
    if (!f)
        return;
    for (int i = 0; f->pk && i < f->n; i++)
        package_free(&f->pk[i]);
    mw_free(f->pk);
    mw_free(f->skip);
    mw_free(f->task);
    mw_free(f->intake);
    mw_free(f->sup);
    mw_free(f->donor);
    memset(f, 0, sizeof *f);
}

int fixed_region(const Model *m, const Weights *w, FixedRegion *f)
{
    memset(f, 0, sizeof *f);
    f->n = m->n_placements;
    f->pk = mw_calloc((size_t)f->n + 1, sizeof *f->pk);
    f->skip = mw_calloc((size_t)m->n_candidates + 1, 1);
    f->task = mw_calloc((size_t)m->n_tasks + 1, sizeof(double));
    f->intake = mw_calloc((size_t)m->n_employers + 1, sizeof(double));
    f->sup = mw_calloc((size_t)m->n_employers + 1, sizeof(double));
    f->donor = mw_calloc((size_t)m->n_jobs + 1, sizeof(double));
    if (!f->pk || !f->skip || !f->task || !f->intake || !f->sup || !f->donor)
        goto oom;
    for (int i = 0; i < f->n; i++) {
        const Placement *pl = &m->placements[i];
        if (pl->review || pl->outcome == PLACEMENT_FAILED)
            continue;
        if (fixed_placement_package(m, w, pl, &f->pk[i], NULL))
            goto oom;
        const Package *pk = &f->pk[i];
        f->skip[pl->candidate] = 1;
        f->intake[pl->employer] += 1;
        f->sup[pl->employer] += pk->sup_minutes;
        for (int k = 0; k < pk->n; k++) {
            int t = pk->tasks[k].task, j = m->tasks[t].job;
            f->task[t] += pk->tasks[k].work;
            if (m->jobs[j].min_residual_hours > 0)
                f->donor[j] += pk->tasks[k].work;
        }
    }
    return MW_OK;
oom:
    fixed_region_free(f);
    return MW_ENOMEM;
}
