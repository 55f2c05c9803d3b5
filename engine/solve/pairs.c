/* pairs.c — pair filters (DESIGN §4.1): exclusions, travel, intake, and a
 * feasible task. Layer: solve. Pure functions of the model.
 */
#include "pairs.h"

#include <math.h>
#include <string.h>

const char *const pair_reason_names[PAIR_REASONS] = {
    "ok", "excluded_employer", "excluded_sector", "travel", "no_intake", "no_feasible_task"};

const double mw_travel_kmh[4] = {4.5, 12.0, 20.0, 35.0};

double travel_km(double lat1, double lon1, double lat2, double lon2)
{
    const double rad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * 6371.0 * asin(sqrt(a < 1 ? a : 1));
}

double travel_minutes(const Candidate *c, const Employer *e)
{
    double km = travel_km(c->lat, c->lon, e->lat, e->lon) * MW_DETOUR;
    return km / mw_travel_kmh[c->travel_mode] * 60.0;
}

PairReason pair_filter(const Model *m, int ci, int ei, int task_reasons[FIT_COUNT], int *feasible)
{
    const Candidate *c = &m->candidates[ci];
    const Employer *e = &m->employers[ei];
    if (task_reasons)
        memset(task_reasons, 0, sizeof(int) * FIT_COUNT);
    if (feasible)
        *feasible = 0;
    if (intlist_has(&c->excluded_employers, ei))
        return PAIR_EXCLUDED_EMPLOYER;
    if (e->sector >= 0 && intlist_has(&c->sectors_excluded, e->sector))
        return PAIR_EXCLUDED_SECTOR;
    if (travel_minutes(c, e) > c->max_travel_min)
        return PAIR_TRAVEL;
    if (e->max_new_placements <= 0)
        return PAIR_NO_INTAKE;
    int n = 0;
    for (int k = 0; k < e->tasks.n; k++) {
        TaskFit f = filter_task(m, c, &m->tasks[e->tasks.items[k]], NULL);
        if (task_reasons)
            task_reasons[f]++;
        n += f == FIT_OK;
    }
    if (feasible)
        *feasible = n;
    return n ? PAIR_OK : PAIR_NO_TASK;
}
