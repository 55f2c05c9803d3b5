/* gen.c — the synthetic region generator (see gen.h): a province of towns,
 * employers with jobs carved into tasks from the sector catalogues of the
 * studies, and candidates with limitation profiles. Layer: core. Knows
 * nothing about files, CSV, JSON or GLPK; deterministic by construction
 * (MwRng, exact arithmetic and correctly rounded +-*÷ and sqrt only).
 *
 * Distributions. Sources are the studies of DOMAIN.md (Stilzitten, WerkZaam,
 * Midden-Utrecht, Flevoland, Beschut); "assumption" marks a choice of ours.
 *
 * Geography
 *   25 real towns of Utrecht province (approximate centre coordinates,
 *   population in thousands); people and employers pick a town with
 *   probability proportional to population and scatter around its centre
 *   (Irwin-Hall normal, sigma = 0.7 + 0.25*sqrt(pop/1000) km).   assumption
 *   Coordinates are rounded to 1e-5 degree (about 1 m).
 *   region = the town name.
 *
 * Employers
 *   sector (share): supermarket 11, retail 15, hospitality 14, facility 8,
 *     logistics 9, production 10, outdoor 5, school 8, office 15, leisure 5.
 *     The ten sectors are those of DOMAIN.md "Tasks seen in the studies";
 *     the shares are an assumption.
 *   employees: size class per sector (2-9, 10-24, 25-49, 50-99, 100-249,
 *     250-999, 1000-2500; weights in the sector table), uniform inside. assumption
 *   jobs per employer by size class: 1-3, 2-5, 3-6, 4-7, 5-8, 6-8, 7-8,
 *     at most the number of employees (about 4 on average).         assumption
 *   max_new_placements: 1 below 25 employees, 1-2 up to 100, 1-4 above;
 *     5% have no intake now (0).                                    assumption
 *   supervision_min_day: 8% 0; 80% 30-180; 12% 180-360 (Beschut: support
 *     needs run from 30 min to 6 h a day), in steps of 15 min.      Beschut + assumption
 *   working_days: 6 in supermarket and retail, 6 or 7 in hospitality, 7 in
 *     leisure, 5 elsewhere.                                         assumption
 *   affinity 0/1/2/3: 10/35/35/20%.                                 assumption
 *   contract_policy temp_only/temp_then_perm/perm: 20/60/20% (temporary-only
 *     policies end jobs: Midden-Utrecht).                           assumption
 *   accepts_trial: 92%.                                             assumption
 *   supervisor_exit_months: 12% have a known exit in 3-36 months (the
 *     supervisor leaving is the main single point of failure: Beschut,
 *     Flevoland).                                                   Beschut + assumption
 *   result_orientation 0/1/2/3: 15/40/30/15% (result-oriented employers
 *     lose people: Beschut).                                        assumption
 *   vulnerable_colleagues: 10%.                                     assumption
 *   acc.rolstoel 1: 40% (60% office and school); acc.prikkels 1 (quiet
 *     room, B. in Stilzitten): 12% (25% office); acc.onderbrekingen 1: 6%;
 *     acc.tillen 1 (lifting aids): 15% in supermarket, logistics,
 *     production; acc.zien 1 (magnifier, Marieke): 5% office.       assumption
 *
 * Jobs
 *   job templates per sector (title, wage range, core tasks, task pool,
 *   weight) below; wages 11-25 euro/h in cents; hours_week 24-38 in steps of
 *   2 (24..38 with weights 2,1,2,2,3,2,3,3).                        assumption
 *   is_vacancy 7%; its core tasks and 40% of the others are
 *   mandatory_in_vacancy (at least one). Vacancies may dissolve
 *   (min_residual_hours 0); other jobs: 30% 0, else 40-75% of the hours,
 *   whole hours.                                                    assumption
 *   project_end: 4% of jobs, a date in 2026-07..2027-12.            assumption
 *
 * Tasks
 *   task templates per sector from DOMAIN.md "Tasks seen in the studies"
 *   (and the casebook: Chantal, A., Job, Tim, T., D., Q., J., V.), plus core
 *   tasks (checkout, ordering, cooking, teaching, planning...) that stay
 *   with the job (carvable 0).                                      assumption
 *   A job takes its core tasks (each 90%) plus 1-3 pool tasks, or 2-4 pool
 *   tasks when it has no core; hours split by template weight x U(0.6,1.4)
 *   over a fill of 85-100% of the job's hours, in half hours, at least 0.5,
 *   so the tasks never exceed the job.                              assumption
 *   load.<dim>: the template's level, +-1 with 20% (a 0 becomes 1 with 3%);
 *     exposure and share x U(0.8,1.2) in steps of 0.05, and lopen+staan+
 *     zitten <= 1. Desk tasks (template rolstoel 0) need stairs (rolstoel 1)
 *     with 30%.                                                     assumption
 *   days/part: the template's; EVE templates move to the evening (avond or
 *     middag+avond) with 30%; SAT/SUN templates get fixed days with a
 *     Saturday (and Sunday) with 25% (retail, hospitality, leisure
 *     evenings and weekends: Chantal, spoelkeuken); cleaning early in the
 *     morning (ochtend; Job). Parts of the day are added when the weekdays
 *     cannot hold a task's hours; 10% of flexible weekday tasks get 2-4
 *     fixed weekdays (T.'s fixed week, bins 3x a week). A fixed-day variant
 *     is only used when its days can hold the hours (4 h per part a day).
 *   min_chunk_hours: the template's, or 1-2 h with 12%; divisible 0: INDIV
 *     templates and 6% of tasks up to 4 h; carvable 0: core tasks and 4% of
 *     the others; supervision_min_per_hour: the template's x U(0.5,1.5) in
 *     half minutes, 0 with 20%.                                     assumption
 *   requires: a template may require an earlier one of its sector (freezer
 *     after dairy: A.; whole products after parts: J.; scanning after
 *     document preparation: V.; freezer cell after order picking: Q.); the
 *     link is made when the employer has that task.
 *   skills: the template's "name:level", '+' = trainable on the job.
 *
 * Candidates
 *   category lichamelijk/psychisch/lvb/autisme/zintuiglijk/chronisch:
 *     20/30/22/12/6/10%; 25% have a second category with halved
 *     probabilities (LVB + autism S., LVB + hearing Jiske, visual + knees
 *     Karin).                                                       casebook + assumption
 *   lim.<dim> per category: the rule tables below (probability, range);
 *     8% of wheelchair users among lichamelijk (rolstoel 0, staan 0, lopen
 *     0: Roel); 7% limited Dutch (nederlands 1: V., staples); each set limit
 *     is '?' (unknown) with 8%, each unset one with 2%; rijbewijs known for
 *     85% (held by 50%, 25% in lvb), heftruck known 0 for 75%, 1 for 5%.
 *     Everything else: no limit (the FML's "normaal").               assumption
 *   regime by category (participatiewet/wajong/beschut/ww), about 10%
 *     beschut overall.                                              assumption
 *   age by regime (normal): wajong 27+-7, participatiewet 40+-12, beschut
 *     33+-11, ww 47+-10, clamped to 17..67 (Beschut: 22, 25, 42, 47). assumption
 *   education by category (lvb mostly praktijkonderwijs/vso).      assumption
 *   availability: weekdays ochtend+middag 44%, weekday mornings 12% (Job),
 *     4 weekdays 10% (B.), 3 weekdays 8%, weekdays + Saturday 10%, weekdays
 *     with evenings + Saturday 7%, weekday afternoons 4%, every slot 5%.
 *     (Chantal: no evenings or weekends.)                           assumption
 *   max_hours_week from the weekly hours in the cases 10,16,20,21,24,28,30,
 *     32,34,36 (weights 5,12,18,5,18,10,10,12,4,6), capped by what the
 *     availability holds; pref = max (70%) or the next lower case value;
 *     min = 0 (50%) or 50-80% of pref.                              DOMAIN.md + assumption
 *   max_days_week 5/4/3/6/2: 55/25/12/5/3%, at most the available days;
 *     max_hours_day = the hours needed per day + 0..2, within 2..9 and the
 *     parts available (Emma: 10 h over 5 days).                     assumption
 *   loonwaarde: beschut U(0.30,0.60) (Beschut), wajong U(0.40,0.85),
 *     participatiewet U(0.45,0.95), ww U(0.75,1.00), in hundredths. Beschut + assumption
 *   support_min_day: beschut 30 min..6 h, skewed low, steps of 15 (Beschut);
 *     others 0 (40%) or 5..30 in steps of 5 (V.: 10-30 min).         Beschut
 *   max_tasks 2-4 (structure need: Job, J.) for 60% autisme, 40% lvb, 20%
 *     psychisch, 10% others; min_tasks 2 (variety) for 10%; max_groups 1-2
 *     for 20%.                                                      assumption
 *   skills 0-3 of the skill names in the task catalogue, levels 1-3;
 *     likes 0-3 and dislikes 0-2 task categories, 35% of dislikes '!';
 *     sectors_excluded 6% one sector.                               assumption
 *   known_employers 3% one employer in the own town (prior internship:
 *     Beschut's most successful route); excluded_employers 1% another one
 *     (a failed trial).                                             Beschut + assumption
 *   travel_mode walk/bike/pt/car 10/45/30/15%; max_travel_min walk 15-30,
 *     bike 20-45, pt 30-60, car 20-45 in steps of 5.                 assumption
 *   first_job 55% under 25, else 8%; prior_failures 0/1/2/3 60/25/10/5%
 *     (0 on a first job); private_instability 15% (Midden-Utrecht);
 *     recent_life_event 10% (Beschut: about 1 in 10 drops after a life
 *     event); capacity_profile by category (fluctuating mostly psychisch,
 *     progressive mostly chronisch: Roel).                          assumption
 *   months_unemployed: first job 0-24, else geometric with mean 30 (an
 *     exponential without a logarithm), at most 240; 5% empty.
 *     consent_employer_view 65%.
 *                                                                   assumption
 */
#include "gen.h"

/* No fused multiply-add: a*b+c must round twice everywhere, or a value could
 * land on the other side of a rounding step on some machines. GCC in ISO C
 * mode (-std=c11) does not contract; clang does unless told. */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the dimensions the generator knows ------------------------------- */

enum {
    D_CONCENTRATIE, D_TIJDSDRUK, D_COMPLEXITEIT, D_ONDERBREKINGEN, D_KLANTCONTACT,
    D_SAMENWERKEN, D_PRIKKELS, D_TEMPERATUUR, D_TILLEN, D_BUKKEN, D_KNIELEN,
    D_FIJNE_MOTORIEK, D_LOPEN, D_STAAN, D_ZITTEN, D_BEELDSCHERM, D_ZIEN, D_HOREN,
    D_NEDERLANDS, D_REKENEN_LEZEN, D_ROLSTOEL, D_RIJBEWIJS, D_HEFTRUCK, N_KDIMS
};

static const struct { const char *name; DimKind kind; } known_dims[N_KDIMS] = {
    {"concentratie", DIM_LEVEL}, {"tijdsdruk", DIM_LEVEL}, {"complexiteit", DIM_LEVEL},
    {"onderbrekingen", DIM_LEVEL}, {"klantcontact", DIM_LEVEL}, {"samenwerken", DIM_LEVEL},
    {"prikkels", DIM_LEVEL}, {"temperatuur", DIM_LEVEL}, {"tillen", DIM_LEVEL},
    {"bukken", DIM_LEVEL}, {"knielen", DIM_LEVEL}, {"fijne_motoriek", DIM_LEVEL},
    {"lopen", DIM_EXPOSURE}, {"staan", DIM_EXPOSURE}, {"zitten", DIM_EXPOSURE},
    {"beeldscherm", DIM_SHARE}, {"zien", DIM_LEVEL}, {"horen", DIM_LEVEL},
    {"nederlands", DIM_LEVEL}, {"rekenen_lezen", DIM_LEVEL}, {"rolstoel", DIM_LEVEL},
    {"rijbewijs", DIM_FLAG}, {"heftruck", DIM_FLAG},
};

/* ---- geography --------------------------------------------------------- */

static const struct { const char *name; double lat, lon; int pop_k; } towns[] = {
    {"Utrecht", 52.0907, 5.1214, 361},       {"Amersfoort", 52.1561, 5.3878, 158},
    {"Veenendaal", 52.0287, 5.5589, 67},     {"Zeist", 52.0894, 5.2331, 66},
    {"Nieuwegein", 52.0290, 5.0806, 64},     {"Woerden", 52.0853, 4.8836, 52},
    {"Houten", 52.0286, 5.1681, 50},         {"Soest", 52.1733, 5.2917, 47},
    {"Bilthoven", 52.1303, 5.1958, 43},      {"Maarssen", 52.1350, 5.0411, 40},
    {"IJsselstein", 52.0197, 5.0431, 34},    {"Leusden", 52.1325, 5.4306, 30},
    {"Mijdrecht", 52.2067, 4.8625, 28},      {"Baarn", 52.2117, 5.2875, 25},
    {"Wijk bij Duurstede", 51.9747, 5.3414, 24}, {"Vianen", 51.9928, 5.0917, 20},
    {"Rhenen", 51.9597, 5.5681, 20},         {"Driebergen", 52.0528, 5.2806, 19},
    {"Breukelen", 52.1714, 5.0011, 15},      {"Bunnik", 52.0667, 5.1972, 15},
    {"Montfoort", 52.0458, 4.9528, 14},      {"Lopik", 51.9717, 4.9461, 14},
    {"Woudenberg", 52.0800, 5.4167, 13},     {"Doorn", 52.0333, 5.3417, 10},
    {"Oudewater", 52.0250, 4.8683, 10},
};
#define N_TOWNS ((int)(sizeof towns / sizeof towns[0]))
#define KM_PER_DEG_LAT 111.2
#define COS_LAT 0.6157        /* cos(52.0 degrees): a constant, so no libm is needed */

/* ---- sectors ------------------------------------------------------------ */

enum { S_SUP, S_RET, S_HOR, S_FAC, S_LOG, S_PRO, S_OUT, S_SCH, S_OFF, S_LEI, N_SECTORS };
enum { N_SIZE = 7 };
static const int size_lo[N_SIZE] = {2, 10, 25, 50, 100, 250, 1000};
static const int size_hi[N_SIZE] = {9, 24, 49, 99, 249, 999, 2500};
static const int jobs_lo[N_SIZE] = {1, 2, 3, 4, 5, 6, 7};
static const int jobs_hi[N_SIZE] = {3, 5, 6, 7, 8, 8, 8};

static const struct {
    const char *key, *label;
    int weight;
    int size_w[N_SIZE];
    int working_days;
} sectors[N_SECTORS] = {
    [S_SUP] = {"supermarket", "Supermarkt", 11, {0, 10, 35, 35, 18, 2, 0}, 6},
    [S_RET] = {"retail", "Winkel", 15, {40, 30, 15, 8, 5, 2, 0}, 6},
    [S_HOR] = {"hospitality", "Restaurant", 14, {35, 40, 15, 7, 3, 0, 0}, 7},
    [S_FAC] = {"facility", "Facilitair", 8, {10, 20, 25, 20, 15, 8, 2}, 5},
    [S_LOG] = {"logistics", "Distributie", 9, {10, 20, 25, 20, 15, 8, 2}, 5},
    [S_PRO] = {"production", "Productie", 10, {10, 20, 25, 20, 15, 8, 2}, 5},
    [S_OUT] = {"outdoor", "Groenvoorziening", 5, {10, 25, 30, 20, 10, 5, 0}, 5},
    [S_SCH] = {"school", "School", 8, {0, 15, 35, 35, 15, 0, 0}, 5},
    [S_OFF] = {"office", "Kantoor", 15, {25, 25, 20, 12, 10, 6, 2}, 5},
    [S_LEI] = {"leisure", "Zwembad", 5, {10, 35, 35, 15, 5, 0, 0}, 7},
};

/* ---- task catalogue ----------------------------------------------------- */

enum { PO = 1, PM = 2, PA = 4 };   /* ochtend, middag, avond */
enum {
    F_TB = 1,      /* time_bound: presence work */
    F_CORE = 2,    /* stays with the job: carvable 0 */
    F_INDIV = 4,   /* divisible 0 */
    F_EVE = 8,     /* may be done in the evening */
    F_SAT = 16,    /* may be fixed on days with a Saturday */
    F_SUN = 32     /* ... and a Sunday */
};

typedef struct {
    int sector;
    const char *name, *category, *group;  /* group NULL = none */
    const char *load;       /* "dim=value ..." over the known dimensions */
    const char *skills;     /* "name:level[+]|..." or NULL */
    const char *days;       /* fixed days "ma|wo|vr"; NULL = flexible */
    int parts, flags;
    int sup2;               /* supervision minutes per hour, x2 */
    int chunk2;             /* min chunk hours, x2 (0 = none) */
    int weight;             /* share of the job's hours */
    const char *requires;   /* an earlier template of the same sector, or NULL */
} TaskTpl;

static const TaskTpl task_tpl[] = {
    /* supermarket: shelf filling (dairy, frozen), pricing, facing, order picking,
     * quality checks, fresh department (A., Jiske) */
    {S_SUP, "vakken vullen zuivel", "vakkenvullen", "zuivel", "tillen=2 bukken=2 knielen=1 tijdsdruk=1 klantcontact=1 prikkels=1 samenwerken=1 rekenen_lezen=1 rolstoel=1 staan=.6 lopen=.3", NULL, NULL, PO | PM, F_EVE | F_SAT, 4, 0, 3, NULL},
    {S_SUP, "vakken vullen diepvries", "vakkenvullen", "diepvries", "tillen=2 bukken=2 knielen=1 temperatuur=2 tijdsdruk=1 klantcontact=2 prikkels=1 rolstoel=1 staan=.6 lopen=.3", NULL, NULL, PO | PM, F_EVE | F_SAT, 4, 0, 2, "vakken vullen zuivel"},
    {S_SUP, "spiegelen", "vakkenvullen", "winkelvloer", "tillen=1 bukken=1 klantcontact=1 prikkels=2 onderbrekingen=1 rolstoel=1 staan=.5 lopen=.5", NULL, NULL, PO | PM, F_EVE | F_SAT, 2, 0, 1, NULL},
    {S_SUP, "prijzen wijzigen", "vakkenvullen", "winkelvloer", "concentratie=2 rekenen_lezen=2 zien=2 fijne_motoriek=1 bukken=1 klantcontact=1 rolstoel=1 staan=.5 lopen=.4", "scanner:1+", NULL, PO | PM, 0, 6, 2, 1, NULL},
    {S_SUP, "versafdeling bijvullen", "vakkenvullen", "vers", "tillen=1 bukken=1 temperatuur=1 klantcontact=1 tijdsdruk=1 prikkels=1 rolstoel=1 staan=.6 lopen=.3", NULL, NULL, PO | PM, F_EVE | F_SAT, 3, 0, 2, NULL},
    {S_SUP, "kwaliteitscontrole vers", "controle", "vers", "concentratie=2 zien=2 rekenen_lezen=1 fijne_motoriek=1 temperatuur=1 rolstoel=1 staan=.6 lopen=.3", NULL, NULL, PO, 0, 6, 2, 1, NULL},
    {S_SUP, "orderpicken webwinkel", "magazijn", "magazijn", "tillen=2 bukken=2 tijdsdruk=2 rekenen_lezen=1 zien=1 rolstoel=1 lopen=.7 staan=.3", "scanner:1+", NULL, PO | PM, 0, 4, 4, 2, NULL},
    {S_SUP, "emballage verwerken", "magazijn", "magazijn", "tillen=2 bukken=1 prikkels=1 rolstoel=1 staan=.8 lopen=.2", NULL, NULL, PO | PM, F_SAT, 2, 0, 1, NULL},
    {S_SUP, "kassa", "kassa", "kassa", "klantcontact=3 tijdsdruk=2 onderbrekingen=2 prikkels=2 rekenen_lezen=2 nederlands=2 horen=2 zitten=.8", "kassa:2", NULL, PO | PM, F_TB | F_CORE | F_EVE | F_SAT, 2, 0, 3, NULL},
    {S_SUP, "bestellingen plaatsen", "administratie", NULL, "concentratie=2 complexiteit=2 rekenen_lezen=3 nederlands=2 zien=2 zitten=.6 lopen=.2 beeldscherm=.6", "computer:2", NULL, PO | PM, F_CORE, 0, 0, 2, NULL},
    {S_SUP, "team aansturen", "leidinggeven", NULL, "complexiteit=3 klantcontact=2 samenwerken=3 onderbrekingen=3 tijdsdruk=2 nederlands=3 staan=.4 lopen=.4", NULL, NULL, PO | PM, F_CORE | F_TB, 0, 0, 3, NULL},

    /* retail: tidying roomsets, replenishing, fetching stock, customer help,
     * loyalty cards, printing folders (Chantal; not the wardrobe orders) */
    {S_RET, "roomsets opruimen", "winkelvloer", "showroom", "tillen=1 bukken=1 klantcontact=1 prikkels=2 onderbrekingen=1 rolstoel=1 lopen=.6 staan=.4", NULL, NULL, PO | PM, F_SAT, 2, 0, 2, NULL},
    {S_RET, "aanvullen", "vakkenvullen", "winkelvloer", "tillen=2 bukken=2 knielen=1 klantcontact=1 prikkels=1 tijdsdruk=1 rolstoel=1 staan=.6 lopen=.4", NULL, NULL, PO | PM, F_EVE | F_SAT, 3, 0, 3, NULL},
    {S_RET, "voorraad ophalen", "magazijn", "magazijn", "tillen=2 bukken=1 tijdsdruk=1 rolstoel=1 lopen=.7 staan=.3", NULL, NULL, PO | PM, F_SAT, 2, 0, 1, NULL},
    {S_RET, "prijzen wijzigen", "vakkenvullen", "winkelvloer", "concentratie=2 rekenen_lezen=2 zien=2 fijne_motoriek=1 klantcontact=1 rolstoel=1 staan=.5 lopen=.5", "scanner:1+", NULL, PO | PM, 0, 4, 2, 1, NULL},
    {S_RET, "klanten helpen", "klantcontact", "winkelvloer", "klantcontact=2 onderbrekingen=3 prikkels=2 tijdsdruk=1 complexiteit=1 nederlands=2 horen=2 staan=.6 lopen=.4", NULL, NULL, PO | PM, F_TB | F_EVE | F_SAT, 2, 0, 2, NULL},
    {S_RET, "klantenkaarten verwerken", "administratie", "kassa", "concentratie=1 rekenen_lezen=2 nederlands=2 klantcontact=1 zitten=.7 beeldscherm=.5", "computer:1+", NULL, PO | PM, 0, 4, 0, 1, NULL},
    {S_RET, "folders printen", "administratie", NULL, "concentratie=1 fijne_motoriek=1 rekenen_lezen=1 staan=.6 lopen=.2", NULL, NULL, PO | PM, F_INDIV, 4, 0, 1, NULL},
    {S_RET, "kassa", "kassa", "kassa", "klantcontact=3 tijdsdruk=2 onderbrekingen=2 prikkels=2 rekenen_lezen=2 nederlands=2 horen=2 zitten=.8", "kassa:2", NULL, PO | PM, F_TB | F_CORE | F_EVE | F_SAT, 2, 0, 3, NULL},
    {S_RET, "kastconfiguraties bestellen", "verkoop", NULL, "complexiteit=3 concentratie=3 klantcontact=3 rekenen_lezen=3 nederlands=3 tijdsdruk=2 zitten=.6 staan=.3 beeldscherm=.5", "computer:2", NULL, PO | PM, F_TB | F_CORE | F_SAT, 0, 0, 3, NULL},
    {S_RET, "afdeling leiden", "leidinggeven", NULL, "complexiteit=3 klantcontact=3 samenwerken=3 onderbrekingen=3 tijdsdruk=2 nederlands=3 staan=.5 lopen=.3", NULL, NULL, PO | PM, F_CORE | F_TB, 0, 0, 3, NULL},

    /* hospitality: dishwashing, polishing glasses, desserts, clearing tables,
     * serving (spoelkeuken) */
    {S_HOR, "afwassen", "afwas", "spoelkeuken", "tillen=1 prikkels=3 temperatuur=1 tijdsdruk=2 samenwerken=2 rolstoel=1 staan=.9 lopen=.1", NULL, NULL, PM | PA, F_SAT | F_SUN, 2, 0, 3, NULL},
    {S_HOR, "glazen poetsen", "afwas", "bar", "fijne_motoriek=1 prikkels=2 rolstoel=1 staan=.8 lopen=.2", NULL, NULL, PM | PA, F_SAT | F_SUN, 2, 0, 1, NULL},
    {S_HOR, "groenten snijden", "keuken", "keuken", "fijne_motoriek=2 tijdsdruk=1 prikkels=2 samenwerken=1 rolstoel=1 staan=.9", "koken:1+", NULL, PO | PM, 0, 4, 0, 2, NULL},
    {S_HOR, "desserts maken", "keuken", "keuken", "fijne_motoriek=2 tijdsdruk=2 complexiteit=1 prikkels=3 temperatuur=1 samenwerken=2 rolstoel=1 staan=.9", "koken:1+", NULL, PM | PA, F_SAT | F_SUN, 4, 0, 1, NULL},
    {S_HOR, "tafels afruimen", "bediening", "zaal", "tillen=1 klantcontact=1 prikkels=2 onderbrekingen=1 tijdsdruk=2 rolstoel=1 lopen=.7 staan=.3", NULL, NULL, PM | PA, F_TB | F_SAT | F_SUN, 2, 0, 2, NULL},
    {S_HOR, "serveren", "bediening", "zaal", "klantcontact=3 tijdsdruk=2 onderbrekingen=2 prikkels=2 tillen=1 nederlands=2 horen=2 rolstoel=1 lopen=.7 staan=.3", NULL, NULL, PM | PA, F_TB | F_SAT | F_SUN, 2, 0, 3, NULL},
    {S_HOR, "koken", "keuken", "keuken", "complexiteit=3 tijdsdruk=3 prikkels=3 temperatuur=1 samenwerken=3 fijne_motoriek=2 rolstoel=1 staan=.9", "koken:3", NULL, PM | PA, F_TB | F_CORE | F_SAT | F_SUN, 0, 0, 4, NULL},
    {S_HOR, "bar en kassa", "bediening", "bar", "klantcontact=3 tijdsdruk=2 onderbrekingen=3 prikkels=3 rekenen_lezen=2 nederlands=2 horen=2 staan=.8 lopen=.2", "kassa:2", NULL, PM | PA, F_TB | F_CORE | F_SAT | F_SUN, 0, 0, 3, NULL},

    /* facility/cleaning: coffee machines, tables, toilet rolls, bins, mail
     * rounds, meeting rooms, copying (Job: early mornings; T.: bins 3x/week) */
    {S_FAC, "koffieautomaten bijvullen", "facilitair", "pantry", "tillen=1 klantcontact=1 rolstoel=1 lopen=.5 staan=.5", NULL, NULL, PO, 0, 2, 0, 1, NULL},
    {S_FAC, "tafels schoonmaken", "schoonmaak", "kantine", "bukken=1 rolstoel=1 lopen=.4 staan=.6", NULL, NULL, PO, 0, 2, 0, 2, NULL},
    {S_FAC, "toiletrollen aanvullen", "schoonmaak", "sanitair", "bukken=1 tillen=1 rolstoel=1 lopen=.6 staan=.4", NULL, NULL, PO, 0, 2, 0, 1, NULL},
    {S_FAC, "prullenbakken legen", "schoonmaak", NULL, "tillen=1 bukken=1 rolstoel=1 lopen=.8 staan=.2", NULL, "ma|wo|vr", PO, F_INDIV, 2, 0, 1, NULL},
    {S_FAC, "kantoren schoonmaken", "schoonmaak", NULL, "bukken=2 knielen=1 tillen=1 tijdsdruk=1 rolstoel=1 lopen=.5 staan=.5", "schoonmaak:1+", NULL, PO | PA, 0, 2, 4, 4, NULL},
    {S_FAC, "postronde", "post", "post", "klantcontact=1 rekenen_lezen=1 nederlands=1 lopen=.8 staan=.2", NULL, NULL, PO, F_TB, 2, 0, 1, NULL},
    {S_FAC, "vergaderzalen klaarzetten", "facilitair", NULL, "tillen=1 tijdsdruk=1 klantcontact=1 onderbrekingen=1 rolstoel=1 lopen=.5 staan=.5", NULL, NULL, PO | PM, 0, 4, 0, 1, NULL},
    {S_FAC, "kopieerwerk", "facilitair", "repro", "concentratie=1 fijne_motoriek=1 rekenen_lezen=1 staan=.7 zitten=.2", NULL, NULL, PO | PM, 0, 4, 0, 1, NULL},
    {S_FAC, "planning en sleutelbeheer", "administratie", NULL, "complexiteit=3 concentratie=2 onderbrekingen=2 klantcontact=2 nederlands=3 rekenen_lezen=2 zitten=.6 beeldscherm=.5", "computer:2", NULL, PO | PM, F_CORE, 0, 0, 3, NULL},

    /* logistics: order picking, forklift, co-driving, packing, keeping the
     * warehouse clean, freezer (Q.; the order picker who prefers co-driving) */
    {S_LOG, "orderpicken", "magazijn", "orderpick", "tillen=2 bukken=2 tijdsdruk=2 rekenen_lezen=1 zien=1 rolstoel=1 lopen=.8 staan=.2", "scanner:1+", NULL, PO | PM, 0, 4, 4, 3, NULL},
    {S_LOG, "vriescel beheren", "magazijn", "vriescel", "temperatuur=2 tillen=2 concentratie=1 rekenen_lezen=1 rolstoel=1 lopen=.5 staan=.5", NULL, NULL, PO | PM, 0, 4, 0, 1, "orderpicken"},
    {S_LOG, "heftruck rijden", "magazijn", "expeditie", "heftruck=1 concentratie=2 tijdsdruk=2 onderbrekingen=1 prikkels=2 temperatuur=1 zitten=.8", NULL, NULL, PO | PM, 0, 2, 4, 2, NULL},
    {S_LOG, "inpakken", "inpakken", "expeditie", "tillen=1 tijdsdruk=1 fijne_motoriek=1 rolstoel=1 staan=.9", NULL, NULL, PO | PM, F_EVE, 4, 0, 2, NULL},
    {S_LOG, "magazijn schoonhouden", "schoonmaak", NULL, "bukken=1 tillen=1 rolstoel=1 lopen=.7 staan=.3", NULL, NULL, PO | PM, 0, 2, 0, 1, NULL},
    {S_LOG, "bijrijden", "rijden", "transport", "tillen=2 klantcontact=1 samenwerken=2 temperatuur=1 rolstoel=1 zitten=.5 lopen=.4", NULL, NULL, PO | PM, F_TB, 2, 4, 2, NULL},
    {S_LOG, "bezorgen", "rijden", "transport", "rijbewijs=1 tijdsdruk=2 klantcontact=2 tillen=2 nederlands=1 rolstoel=1 zitten=.6 lopen=.3", NULL, NULL, PO | PM, F_TB | F_CORE, 0, 0, 4, NULL},
    {S_LOG, "transport plannen", "administratie", NULL, "complexiteit=3 tijdsdruk=3 onderbrekingen=3 concentratie=3 nederlands=3 rekenen_lezen=3 zitten=.9 beeldscherm=.8", "computer:3", NULL, PO | PM, F_CORE, 0, 0, 4, NULL},

    /* production: part assembly, full assembly, quality control, sorting,
     * packing (J. Beschut 3 and 4: welding, parts into whole products) */
    {S_PRO, "onderdelen monteren", "assemblage", "assemblage", "fijne_motoriek=2 concentratie=2 tijdsdruk=1 prikkels=2 zien=2 zitten=.7 staan=.3", "montage:1+", NULL, PO | PM, 0, 4, 0, 3, NULL},
    {S_PRO, "producten samenstellen", "assemblage", "assemblage", "fijne_motoriek=2 complexiteit=2 concentratie=2 prikkels=2 zien=2 zitten=.5 staan=.5", "montage:2+", NULL, PO | PM, 0, 4, 4, 2, "onderdelen monteren"},
    {S_PRO, "kwaliteitscontrole", "controle", "kwaliteit", "concentratie=3 zien=3 fijne_motoriek=1 rekenen_lezen=2 zitten=.6 staan=.4", NULL, NULL, PO | PM, 0, 4, 2, 1, NULL},
    {S_PRO, "sorteren", "sorteren", "productiehal", "fijne_motoriek=1 concentratie=1 prikkels=2 zitten=.6 staan=.4", NULL, NULL, PO | PM, F_EVE, 2, 0, 2, NULL},
    {S_PRO, "verpakken", "inpakken", "expeditie", "tillen=1 tijdsdruk=2 fijne_motoriek=1 prikkels=2 rolstoel=1 staan=.8 lopen=.1", NULL, NULL, PO | PM, F_EVE, 2, 0, 2, NULL},
    {S_PRO, "lassen", "productie", "werkplaats", "fijne_motoriek=2 concentratie=2 prikkels=3 temperatuur=1 zien=2 rolstoel=1 staan=.7", "lassen:2", NULL, PO | PM, 0, 2, 4, 2, NULL},
    {S_PRO, "machines instellen", "productie", "productiehal", "complexiteit=3 concentratie=3 tijdsdruk=2 prikkels=3 rekenen_lezen=2 rolstoel=1 staan=.6 lopen=.3", "techniek:3", NULL, PO | PM, F_CORE, 0, 0, 4, NULL},

    /* outdoor: sweeping, leaf blowing, gutters, filters, grounds, parking,
     * street-sweeping cart (Tim, D.) */
    {S_OUT, "vegen", "buiten", "openbare ruimte", "bukken=1 tillen=1 temperatuur=2 rolstoel=1 lopen=.8 staan=.2", NULL, NULL, PO, 0, 2, 0, 2, NULL},
    {S_OUT, "bladblazen", "buiten", "openbare ruimte", "tillen=1 temperatuur=2 prikkels=2 rolstoel=1 lopen=.9", NULL, NULL, PO | PM, 0, 2, 0, 1, NULL},
    {S_OUT, "goten schoonmaken", "buiten", "gebouwen", "bukken=2 tillen=1 temperatuur=2 rolstoel=1 lopen=.5 staan=.5", NULL, NULL, PO | PM, F_INDIV, 4, 0, 1, NULL},
    {S_OUT, "filters reinigen", "buiten", "gebouwen", "fijne_motoriek=1 bukken=1 temperatuur=1 rolstoel=1 staan=.8", NULL, NULL, PO | PM, F_INDIV, 4, 0, 1, NULL},
    {S_OUT, "terreinonderhoud", "buiten", "groen", "bukken=2 knielen=2 tillen=2 temperatuur=2 samenwerken=1 rolstoel=1 lopen=.5 staan=.5", "groen:1+", NULL, PO | PM, 0, 2, 4, 3, NULL},
    {S_OUT, "parkeerterrein schoonhouden", "buiten", "openbare ruimte", "bukken=1 temperatuur=2 rolstoel=1 lopen=.9", NULL, NULL, PO, 0, 2, 0, 1, NULL},
    {S_OUT, "picknicktafels schoonmaken", "schoonmaak", "openbare ruimte", "bukken=1 temperatuur=1 rolstoel=1 lopen=.5 staan=.5", NULL, NULL, PO, 0, 2, 0, 1, NULL},
    {S_OUT, "veegwagen rijden", "rijden", "openbare ruimte", "rijbewijs=1 concentratie=2 prikkels=1 temperatuur=1 zitten=.9", "veegwagen:1+", NULL, PO | PM, 0, 2, 4, 2, NULL},
    {S_OUT, "werk plannen", "leidinggeven", NULL, "complexiteit=3 samenwerken=3 onderbrekingen=2 nederlands=3 rekenen_lezen=2 zitten=.4 lopen=.4", NULL, NULL, PO | PM, F_CORE, 0, 0, 3, NULL},

    /* school: caretaker tasks, copying, coffee at meetings, classroom
     * assistance (T.; Linda: school administration) */
    {S_SCH, "conciërgetaken", "facilitair", "conciërge", "tillen=1 onderbrekingen=2 klantcontact=1 rolstoel=1 lopen=.6 staan=.4", NULL, NULL, PO | PM, 0, 2, 0, 2, NULL},
    {S_SCH, "schoolplein vegen", "buiten", "conciërge", "bukken=1 temperatuur=1 rolstoel=1 lopen=.8 staan=.2", NULL, NULL, PO, 0, 2, 0, 1, NULL},
    {S_SCH, "post sorteren", "post", "administratie", "concentratie=1 rekenen_lezen=1 nederlands=1 staan=.5 zitten=.5", NULL, NULL, PO, 0, 2, 0, 1, NULL},
    {S_SCH, "kopieerwerk", "facilitair", "administratie", "concentratie=1 fijne_motoriek=1 rekenen_lezen=1 staan=.7 zitten=.2", NULL, NULL, PO | PM, 0, 2, 0, 1, NULL},
    {S_SCH, "koffie bij vergaderingen", "facilitair", NULL, "klantcontact=1 tillen=1 rolstoel=1 lopen=.5 staan=.5", NULL, "di|do", PM, F_TB | F_INDIV, 2, 0, 1, NULL},
    {S_SCH, "klassenassistentie", "onderwijs", "klas", "klantcontact=2 onderbrekingen=3 prikkels=3 samenwerken=2 nederlands=2 horen=2 staan=.5 lopen=.3 zitten=.2", NULL, NULL, PO | PM, F_TB, 6, 0, 3, NULL},
    {S_SCH, "leerlingadministratie", "administratie", "administratie", "concentratie=2 complexiteit=2 rekenen_lezen=3 nederlands=3 zitten=.9 beeldscherm=.8", "computer:2+", NULL, PO | PM, 0, 4, 0, 2, NULL},
    {S_SCH, "lesgeven", "onderwijs", "klas", "complexiteit=3 klantcontact=3 onderbrekingen=3 prikkels=3 nederlands=3 samenwerken=2 tijdsdruk=2 horen=2 staan=.6 lopen=.3", NULL, NULL, PO | PM, F_TB | F_CORE, 0, 0, 5, NULL},

    /* office: document preparation (staples, sorting), scanning, archiving,
     * data entry, phoning and making appointments (B., Mandy, V., staples) */
    {S_OFF, "documenten voorbereiden", "administratie", "documentverwerking", "fijne_motoriek=1 concentratie=1 zitten=.8 staan=.2", NULL, NULL, PO | PM, 0, 2, 0, 2, NULL},
    {S_OFF, "scannen", "administratie", "documentverwerking", "concentratie=1 fijne_motoriek=1 zitten=.6 staan=.4 beeldscherm=.3", NULL, NULL, PO | PM, 0, 2, 0, 2, "documenten voorbereiden"},
    {S_OFF, "archiveren", "administratie", "archief", "concentratie=1 rekenen_lezen=1 bukken=1 tillen=1 lopen=.3 staan=.3 zitten=.4", NULL, NULL, PO | PM, 0, 2, 0, 1, NULL},
    {S_OFF, "gegevens invoeren", "administratie", NULL, "concentratie=2 rekenen_lezen=2 nederlands=2 zien=2 zitten=.9 beeldscherm=.9", "computer:1+", NULL, PO | PM, 0, 4, 4, 2, NULL},
    {S_OFF, "post verwerken", "post", "post", "concentratie=1 rekenen_lezen=1 nederlands=1 zitten=.5 staan=.3 lopen=.2", NULL, NULL, PO, 0, 2, 0, 1, NULL},
    {S_OFF, "bellen en afspraken maken", "klantcontact", NULL, "klantcontact=2 nederlands=3 horen=2 onderbrekingen=2 tijdsdruk=1 zitten=.9 beeldscherm=.5", "telefoon:1+", NULL, PO | PM, F_TB, 4, 0, 2, NULL},
    {S_OFF, "secretariële ondersteuning", "administratie", NULL, "concentratie=2 complexiteit=2 onderbrekingen=2 nederlands=3 rekenen_lezen=2 zitten=.9 beeldscherm=.7", "computer:2", NULL, PO | PM, 0, 4, 0, 3, NULL},
    {S_OFF, "beleid schrijven", "beleid", NULL, "complexiteit=3 concentratie=3 nederlands=3 samenwerken=2 tijdsdruk=2 zitten=.9 beeldscherm=.8", "computer:3", NULL, PO | PM, F_CORE, 0, 0, 5, NULL},

    /* leisure (pool): cleaning, changing rooms, setting out equipment (S.) */
    {S_LEI, "bad en hal schoonmaken", "schoonmaak", "zwembad", "bukken=2 knielen=1 tillen=1 temperatuur=1 prikkels=2 rolstoel=1 lopen=.6 staan=.4", NULL, NULL, PO, F_SAT | F_SUN, 2, 0, 3, NULL},
    {S_LEI, "kleedkamers schoonmaken", "schoonmaak", "kleedkamers", "bukken=2 knielen=2 tillen=1 prikkels=1 rolstoel=1 lopen=.5 staan=.5", NULL, NULL, PO | PA, F_SAT | F_SUN, 2, 0, 2, NULL},
    {S_LEI, "materialen klaarzetten", "facilitair", "zwembad", "tillen=2 bukken=1 samenwerken=1 prikkels=2 rolstoel=1 lopen=.6 staan=.4", NULL, NULL, PO | PM, F_EVE | F_SAT, 4, 0, 2, NULL},
    {S_LEI, "receptie", "klantcontact", "receptie", "klantcontact=3 onderbrekingen=3 nederlands=2 rekenen_lezen=2 prikkels=2 zitten=.8", "kassa:1+", NULL, PO | PM, F_TB | F_EVE | F_SAT | F_SUN, 4, 0, 2, NULL},
    {S_LEI, "toezicht houden", "toezicht", "zwembad", "concentratie=3 zien=3 horen=3 klantcontact=2 prikkels=3 temperatuur=1 rolstoel=1 staan=.7 lopen=.3", "reddingszwemmen:3", NULL, PO | PM | PA, F_TB | F_CORE | F_SAT | F_SUN, 0, 0, 4, NULL},
};
#define N_TT ((int)(sizeof task_tpl / sizeof task_tpl[0]))

typedef struct {
    int sector;
    const char *title;
    int wage_lo, wage_hi;    /* cents per hour */
    const char *core;        /* '|'-separated core task names, or NULL */
    const char *pool;        /* '|'-separated carvable task names */
    int weight;
} JobTpl;

static const JobTpl job_tpl[] = {
    {S_SUP, "vakkenvuller", 1100, 1350, NULL, "vakken vullen zuivel|vakken vullen diepvries|spiegelen|prijzen wijzigen|versafdeling bijvullen|emballage verwerken", 4},
    {S_SUP, "medewerker vers", 1150, 1450, NULL, "versafdeling bijvullen|kwaliteitscontrole vers|spiegelen|emballage verwerken", 2},
    {S_SUP, "kassamedewerker", 1100, 1300, "kassa", "vakken vullen zuivel|spiegelen|prijzen wijzigen", 2},
    {S_SUP, "medewerker webwinkel", 1200, 1500, NULL, "vakken vullen zuivel|orderpicken webwinkel|emballage verwerken", 1},
    {S_SUP, "assistent-bedrijfsleider", 1600, 2100, "bestellingen plaatsen|team aansturen", "prijzen wijzigen|kwaliteitscontrole vers", 1},

    {S_RET, "verkoopmedewerker", 1150, 1500, "kastconfiguraties bestellen", "roomsets opruimen|aanvullen|voorraad ophalen|prijzen wijzigen|klanten helpen", 3},
    {S_RET, "kassamedewerker", 1100, 1300, "kassa", "aanvullen|klantenkaarten verwerken|folders printen", 2},
    {S_RET, "magazijnmedewerker", 1200, 1500, NULL, "roomsets opruimen|aanvullen|voorraad ophalen", 2},
    {S_RET, "afdelingsmanager", 1600, 2200, "afdeling leiden", "prijzen wijzigen|klantenkaarten verwerken|folders printen", 1},

    {S_HOR, "afwasser", 1100, 1250, NULL, "afwassen|glazen poetsen|tafels afruimen", 3},
    {S_HOR, "keukenhulp", 1100, 1350, NULL, "afwassen|groenten snijden|desserts maken", 2},
    {S_HOR, "kok", 1400, 1900, "koken", "groenten snijden|desserts maken", 1},
    {S_HOR, "medewerker bediening", 1100, 1400, "bar en kassa", "glazen poetsen|tafels afruimen|serveren", 3},

    {S_FAC, "schoonmaker", 1150, 1400, NULL, "tafels schoonmaken|toiletrollen aanvullen|prullenbakken legen|kantoren schoonmaken", 4},
    {S_FAC, "facilitair medewerker", 1250, 1600, NULL, "koffieautomaten bijvullen|tafels schoonmaken|postronde|vergaderzalen klaarzetten|kopieerwerk", 3},
    {S_FAC, "objectleider", 1600, 2100, "planning en sleutelbeheer", "kantoren schoonmaken|vergaderzalen klaarzetten", 1},

    {S_LOG, "orderpicker", 1200, 1500, NULL, "orderpicken|vriescel beheren|inpakken|magazijn schoonhouden", 4},
    {S_LOG, "heftruckchauffeur", 1300, 1650, NULL, "orderpicken|heftruck rijden|magazijn schoonhouden", 2},
    {S_LOG, "chauffeur", 1300, 1700, "bezorgen", "inpakken|bijrijden", 2},
    {S_LOG, "planner", 1700, 2300, "transport plannen", "magazijn schoonhouden", 1},

    {S_PRO, "productiemedewerker", 1200, 1550, NULL, "onderdelen monteren|kwaliteitscontrole|sorteren|verpakken", 4},
    {S_PRO, "assemblagemedewerker", 1250, 1600, NULL, "onderdelen monteren|producten samenstellen|kwaliteitscontrole|lassen", 2},
    {S_PRO, "operator", 1450, 1900, "machines instellen", "kwaliteitscontrole|sorteren|verpakken", 2},

    {S_OUT, "medewerker groen", 1200, 1500, NULL, "vegen|bladblazen|goten schoonmaken|terreinonderhoud", 3},
    {S_OUT, "medewerker buitendienst", 1200, 1550, NULL, "vegen|goten schoonmaken|filters reinigen|parkeerterrein schoonhouden|picknicktafels schoonmaken|veegwagen rijden", 3},
    {S_OUT, "voorman", 1600, 2000, "werk plannen", "vegen|terreinonderhoud", 1},

    {S_SCH, "conciërge", 1300, 1700, NULL, "conciërgetaken|schoolplein vegen|post sorteren|kopieerwerk|koffie bij vergaderingen", 2},
    {S_SCH, "onderwijsassistent", 1400, 1800, NULL, "kopieerwerk|koffie bij vergaderingen|klassenassistentie", 2},
    {S_SCH, "leraar", 1900, 2500, "lesgeven", "kopieerwerk|klassenassistentie", 3},
    {S_SCH, "administratief medewerker", 1400, 1900, NULL, "post sorteren|kopieerwerk|leerlingadministratie", 1},

    {S_OFF, "administratief medewerker", 1400, 1900, NULL, "documenten voorbereiden|archiveren|gegevens invoeren|post verwerken", 3},
    {S_OFF, "secretaresse", 1500, 2000, NULL, "archiveren|post verwerken|bellen en afspraken maken|secretariële ondersteuning", 2},
    {S_OFF, "beleidsmedewerker", 2000, 2500, "beleid schrijven", "archiveren|gegevens invoeren|bellen en afspraken maken", 2},
    {S_OFF, "documentverwerker", 1300, 1600, NULL, "documenten voorbereiden|scannen|archiveren", 1},

    {S_LEI, "schoonmaker", 1150, 1400, NULL, "bad en hal schoonmaken|kleedkamers schoonmaken|materialen klaarzetten", 2},
    {S_LEI, "allround medewerker", 1200, 1500, NULL, "bad en hal schoonmaken|kleedkamers schoonmaken|materialen klaarzetten|receptie", 2},
    {S_LEI, "badmeester", 1400, 1800, "toezicht houden", "materialen klaarzetten|receptie", 2},
};
#define N_JT ((int)(sizeof job_tpl / sizeof job_tpl[0]))
enum { MAX_CORE = 2, MAX_POOL = 6, MAX_JT_PER_SECTOR = 6, MAX_TPL_SKILLS = 2 };
enum { MAX_JOBS_PER_EMP = 8, MAX_TASKS_PER_JOB = MAX_CORE + 4 };

static const int job_hours[] = {24, 26, 28, 30, 32, 34, 36, 38};
static const int job_hours_w[] = {2, 1, 2, 2, 3, 2, 3, 3};

/* ---- candidates --------------------------------------------------------- */

enum { C_LICH, C_PSYCH, C_LVB, C_AUT, C_ZINT, C_CHRON, N_CCAT };
static const char *const ccat_names[N_CCAT] = {
    "lichamelijk", "psychisch", "lvb", "autisme", "zintuiglijk", "chronisch"};
static const int ccat_w[N_CCAT] = {20, 30, 22, 12, 6, 10};

enum { R_PW, R_WAJONG, R_BESCHUT, R_WW, N_REGIME };
static const char *const regime_names[N_REGIME] = {"participatiewet", "wajong", "beschut", "ww"};
static const int regime_w[N_CCAT][N_REGIME] = {
    [C_LICH] = {45, 20, 5, 30}, [C_PSYCH] = {60, 15, 10, 15}, [C_LVB] = {35, 45, 20, 0},
    [C_AUT] = {40, 40, 15, 5},  [C_ZINT] = {45, 30, 5, 20},   [C_CHRON] = {50, 10, 5, 35},
};
static const int age_mean[N_REGIME] = {40, 27, 33, 47};
static const int age_sd[N_REGIME] = {12, 7, 11, 10};

enum { N_EDU = 8 };
static const char *const edu_names[N_EDU] = {
    "praktijkonderwijs", "vso", "vmbo", "mbo1", "mbo2", "mbo3-4", "havo-vwo", "hbo-wo"};
static const int edu_w_lvb[N_EDU] = {45, 35, 15, 5, 0, 0, 0, 0};
static const int edu_w_other[N_EDU] = {5, 5, 20, 8, 22, 22, 8, 10};

/* A limit rule: with probability p (percent) the candidate has a limit on
 * dimension kd, uniform in lo..hi (levels: integers; exposure: half hours;
 * share: steps of 0.05). */
typedef struct { int kd, p; double lo, hi; } LimRule;

static const LimRule lim_lich[] = {
    {D_TILLEN, 70, 0, 1}, {D_BUKKEN, 50, 0, 2}, {D_KNIELEN, 50, 0, 1}, {D_STAAN, 50, 2, 6},
    {D_LOPEN, 40, 2, 6}, {D_ZITTEN, 15, 4, 7}, {D_FIJNE_MOTORIEK, 15, 1, 2},
    {D_TEMPERATUUR, 20, 0, 1}, {D_TIJDSDRUK, 20, 1, 2}, {-1, 0, 0, 0}};
static const LimRule lim_psych[] = {
    {D_TIJDSDRUK, 60, 0, 1}, {D_PRIKKELS, 50, 1, 2}, {D_ONDERBREKINGEN, 40, 1, 2},
    {D_KLANTCONTACT, 30, 1, 2}, {D_CONCENTRATIE, 30, 1, 2}, {D_COMPLEXITEIT, 20, 1, 2},
    {D_SAMENWERKEN, 20, 1, 2}, {-1, 0, 0, 0}};
static const LimRule lim_lvb[] = {
    {D_COMPLEXITEIT, 80, 0, 1}, {D_REKENEN_LEZEN, 70, 0, 1}, {D_NEDERLANDS, 50, 1, 2},
    {D_TIJDSDRUK, 40, 1, 1}, {D_KLANTCONTACT, 30, 1, 2}, {D_CONCENTRATIE, 30, 1, 2},
    {D_ONDERBREKINGEN, 25, 1, 2}, {-1, 0, 0, 0}};
static const LimRule lim_aut[] = {
    {D_PRIKKELS, 70, 0, 1}, {D_ONDERBREKINGEN, 70, 0, 1}, {D_KLANTCONTACT, 50, 0, 1},
    {D_SAMENWERKEN, 40, 1, 1}, {D_TIJDSDRUK, 40, 1, 1}, {D_COMPLEXITEIT, 10, 1, 2},
    {-1, 0, 0, 0}};
static const LimRule lim_zien[] = {
    {D_ZIEN, 100, 0, 1}, {D_BEELDSCHERM, 50, 0.2, 0.5}, {D_LOPEN, 20, 2, 5}, {-1, 0, 0, 0}};
static const LimRule lim_horen[] = {
    {D_HOREN, 100, 0, 1}, {D_KLANTCONTACT, 30, 1, 2}, {D_PRIKKELS, 20, 1, 2}, {-1, 0, 0, 0}};
static const LimRule lim_chron[] = {
    {D_TILLEN, 40, 1, 2}, {D_STAAN, 50, 3, 6}, {D_LOPEN, 40, 3, 6}, {D_TIJDSDRUK, 40, 1, 2},
    {D_TEMPERATUUR, 30, 0, 1}, {D_CONCENTRATIE, 20, 1, 2}, {D_BUKKEN, 25, 1, 2},
    {-1, 0, 0, 0}};
static const LimRule lim_wheelchair[] = {
    {D_ROLSTOEL, 100, 0, 0}, {D_STAAN, 100, 0, 0}, {D_LOPEN, 100, 0, 0},
    {D_BUKKEN, 100, 0, 0}, {D_KNIELEN, 100, 0, 0}, {D_TILLEN, 100, 0, 1}, {-1, 0, 0, 0}};

static const int case_hours[] = {10, 16, 20, 21, 24, 28, 30, 32, 34, 36};
static const int case_hours_w[] = {5, 12, 18, 5, 18, 10, 10, 12, 4, 6};
enum { N_CASE_HOURS = (int)(sizeof case_hours / sizeof case_hours[0]) };

/* ---- the generator state ------------------------------------------------ */

typedef struct {
    Model *m;
    MwRng rng;
    int dim[N_KDIMS];              /* registry index, -1 when absent or of another kind */
    double dmax[N_KDIMS];          /* registry max (levels clamp to it) */
    double tload[N_TT][N_KDIMS];
    int tname[N_TT], tcat[N_TT], tgroup[N_TT], treq[N_TT];
    uint8_t tdays[N_TT];           /* 0 = flexible */
    int tsk_n[N_TT], tsk_name[N_TT][MAX_TPL_SKILLS], tsk_level[N_TT][MAX_TPL_SKILLS];
    int tsk_train[N_TT][MAX_TPL_SKILLS];
    int jtitle[N_JT], jn_core[N_JT], jcore[N_JT][MAX_CORE], jn_pool[N_JT], jpool[N_JT][MAX_POOL];
    int sec_jt[N_SECTORS][MAX_JT_PER_SECTOR], sec_njt[N_SECTORS];
    int sec_name[N_SECTORS], town_name[N_TOWNS];
    int cats[48], n_cats;          /* task categories, for likes and dislikes */
    int skills[48], n_skills;      /* skill names of the catalogue */
    int ccat_name[N_CCAT], regime_name[N_REGIME], edu_name[N_EDU];
    int *town_start, *town_emp;    /* employers by town (CSR), scratch */
    int *emp_town;                 /* scratch */
} Gen;

/* ---- random helpers ------------------------------------------------------ */

static double unif(Gen *g) { return mw_rng_uniform(&g->rng); }
static int rnd_int(Gen *g, int lo, int hi) { return mw_rng_int(&g->rng, lo, hi); }
static int chance(Gen *g, int percent) { return mw_rng_int(&g->rng, 0, 99) < percent; }

/* Irwin-Hall: sum of 12 uniforms minus 6, a normal approximation that needs
 * no logarithm or cosine, so it is bit-identical everywhere. */
static double gauss(Gen *g)
{
    double s = 0;
    for (int i = 0; i < 12; i++)
        s += unif(g);
    return s - 6.0;
}

static int pick(Gen *g, const int *w, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += w[i];
    int x = rnd_int(g, 0, total - 1);
    for (int i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

/* round(x*k)/k: the result is the double nearest to a decimal with few
 * digits, so the shortest round-trip text stays short. */
static double quant(double x, double k) { return round(x * k) / k; }

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

/* ---- set-up: resolve the catalogue against the registry ------------------ */

static int known_dim(const char *s, size_t n)
{
    for (int k = 0; k < N_KDIMS; k++)
        if (strlen(known_dims[k].name) == n && memcmp(known_dims[k].name, s, n) == 0)
            return k;
    return -1;
}

/* Parses "12", "0.6" or ".6" without strtod (no locale): the quotient of two
 * exact integers, correctly rounded. */
static double parse_dec(const char **ps)
{
    const char *s = *ps;
    double ip = 0, fp = 0, scale = 1;
    while (*s >= '0' && *s <= '9')
        ip = ip * 10 + (*s++ - '0');
    if (*s == '.') {
        s++;
        while (*s >= '0' && *s <= '9') {
            fp = fp * 10 + (*s++ - '0');
            scale *= 10;
        }
    }
    *ps = s;
    return ip + fp / scale;
}

static void parse_load(const char *spec, double *out)
{
    for (int k = 0; k < N_KDIMS; k++)
        out[k] = 0;
    const char *s = spec;
    while (*s) {
        while (*s == ' ')
            s++;
        const char *eq = strchr(s, '=');
        if (!*s || !eq)
            break;
        int k = known_dim(s, (size_t)(eq - s));
        assert(k >= 0 && "catalogue names an unknown dimension");
        const char *v = eq + 1;
        double x = parse_dec(&v);
        if (k >= 0)
            out[k] = x;
        s = v;
    }
}

static int find_tpl(int sector, const char *name, size_t n)
{
    for (int t = 0; t < N_TT; t++)
        if (task_tpl[t].sector == sector && strlen(task_tpl[t].name) == n &&
            memcmp(task_tpl[t].name, name, n) == 0)
            return t;
    return -1;
}

/* Splits a '|' list of template names into indices; returns the count. */
static int tpl_list(int sector, const char *list, int *out, int max)
{
    int n = 0;
    if (!list)
        return 0;
    const char *s = list;
    while (*s && n < max) {
        const char *bar = strchr(s, '|');
        size_t len = bar ? (size_t)(bar - s) : strlen(s);
        int t = find_tpl(sector, s, len);
        assert(t >= 0 && "job template names an unknown task template");
        if (t >= 0)
            out[n++] = t;
        s += len;
        if (*s == '|')
            s++;
    }
    return n;
}

static uint8_t parse_days(const char *s)
{
    uint8_t mask = 0;
    while (s && *s) {
        for (int d = 0; d < MW_DAYS; d++)
            if (strncmp(s, mw_day_names[d], 2) == 0)
                mask |= (uint8_t)(1u << d);
        s += 2;
        if (*s == '|')
            s++;
    }
    return mask;
}

static int add_unique(int *arr, int *n, int max, int v)
{
    for (int i = 0; i < *n; i++)
        if (arr[i] == v)
            return 0;
    if (*n < max)
        arr[(*n)++] = v;
    return 1;
}

static int gen_setup(Gen *g)
{
    Model *m = g->m;
    for (int k = 0; k < N_KDIMS; k++) {
        int i = model_dim_find(m, known_dims[k].name);
        g->dim[k] = i >= 0 && m->dims[i].kind == known_dims[k].kind ? i : -1;
        g->dmax[k] = i >= 0 ? floor(m->dims[i].max) : 0;
        if (g->dim[k] >= 0 && known_dims[k].kind == DIM_LEVEL && g->dmax[k] < 1)
            g->dim[k] = -1;     /* a level dimension without levels: leave it alone */
    }
    for (int s = 0; s < N_SECTORS; s++)
        if ((g->sec_name[s] = model_intern(m, sectors[s].key)) < 0)
            return MW_ENOMEM;
    for (int t = 0; t < N_TOWNS; t++)
        if ((g->town_name[t] = model_intern(m, towns[t].name)) < 0)
            return MW_ENOMEM;
    for (int c = 0; c < N_CCAT; c++)
        if ((g->ccat_name[c] = model_intern(m, ccat_names[c])) < 0)
            return MW_ENOMEM;
    for (int r = 0; r < N_REGIME; r++)
        if ((g->regime_name[r] = model_intern(m, regime_names[r])) < 0)
            return MW_ENOMEM;
    for (int e = 0; e < N_EDU; e++)
        if ((g->edu_name[e] = model_intern(m, edu_names[e])) < 0)
            return MW_ENOMEM;

    for (int t = 0; t < N_TT; t++) {
        const TaskTpl *tp = &task_tpl[t];
        parse_load(tp->load, g->tload[t]);
        if ((g->tname[t] = model_intern(m, tp->name)) < 0 ||
            (g->tcat[t] = model_intern(m, tp->category)) < 0)
            return MW_ENOMEM;
        g->tgroup[t] = -1;
        if (tp->group && (g->tgroup[t] = model_intern(m, tp->group)) < 0)
            return MW_ENOMEM;
        g->treq[t] = tp->requires ? find_tpl(tp->sector, tp->requires, strlen(tp->requires)) : -1;
        assert(!tp->requires || (g->treq[t] >= 0 && g->treq[t] < t));
        g->tdays[t] = parse_days(tp->days);
        add_unique(g->cats, &g->n_cats, 48, g->tcat[t]);
        g->tsk_n[t] = 0;
        const char *s = tp->skills;
        while (s && *s && g->tsk_n[t] < MAX_TPL_SKILLS) {
            const char *colon = strchr(s, ':');
            if (!colon)
                break;
            char name[48];
            size_t len = (size_t)(colon - s) < sizeof name - 1 ? (size_t)(colon - s) : sizeof name - 1;
            memcpy(name, s, len);
            name[len] = '\0';
            const char *v = colon + 1;
            int level = (int)parse_dec(&v);
            int train = *v == '+';
            if (train)
                v++;
            int id = model_intern(m, name);
            if (id < 0)
                return MW_ENOMEM;
            int k = g->tsk_n[t]++;
            g->tsk_name[t][k] = id;
            g->tsk_level[t][k] = level;
            g->tsk_train[t][k] = train;
            add_unique(g->skills, &g->n_skills, 48, id);
            s = *v == '|' ? v + 1 : v;
        }
    }
    for (int j = 0; j < N_JT; j++) {
        const JobTpl *jp = &job_tpl[j];
        if ((g->jtitle[j] = model_intern(m, jp->title)) < 0)
            return MW_ENOMEM;
        g->jn_core[j] = tpl_list(jp->sector, jp->core, g->jcore[j], MAX_CORE);
        g->jn_pool[j] = tpl_list(jp->sector, jp->pool, g->jpool[j], MAX_POOL);
        if (g->sec_njt[jp->sector] < MAX_JT_PER_SECTOR)
            g->sec_jt[jp->sector][g->sec_njt[jp->sector]++] = j;
    }
    return MW_OK;
}

/* ---- ids, places --------------------------------------------------------- */

static int id_width(int n, int min)
{
    int w = 1;
    for (int x = n; x >= 10; x /= 10)
        w++;
    return w > min ? w : min;
}

/* prefix + number zero-padded to width (width <= 12), e.g. C000001. */
static const char *make_id(Gen *g, char prefix, int width, int number)
{
    char buf[16];
    int w = width < 12 ? width : 12;
    buf[0] = prefix;
    for (int k = w; k >= 1; k--, number /= 10)
        buf[k] = (char)('0' + number % 10);
    buf[w + 1] = '\0';
    return mw_arena_strdup(&g->m->arena, buf);
}

static int pick_town(Gen *g)
{
    int w[N_TOWNS];
    for (int t = 0; t < N_TOWNS; t++)
        w[t] = towns[t].pop_k;
    return pick(g, w, N_TOWNS);
}

static void place_near(Gen *g, int town, double *lat, double *lon)
{
    double sigma = 0.7 + 0.25 * sqrt((double)towns[town].pop_k);
    double dy = gauss(g) * sigma, dx = gauss(g) * sigma;
    *lat = quant(towns[town].lat + dy / KM_PER_DEG_LAT, 1e5);
    *lon = quant(towns[town].lon + dx / (KM_PER_DEG_LAT * COS_LAT), 1e5);
}

/* ---- employers, jobs, tasks --------------------------------------------- */

typedef struct {
    Job *jobs; int n_jobs, cap_jobs;
    Task *tasks; int n_tasks, cap_tasks;
} Scratch;

static void set_acc(Gen *g, double *acc, int kd, int percent)
{
    int i = g->dim[kd];
    if (chance(g, percent) && i >= 0)
        acc[i] = 1;     /* known level dimensions only: g->dim checked the kind */
}

static void gen_employer_fields(Gen *g, Employer *e, int sector, int size_class)
{
    e->employees = rnd_int(g, size_lo[size_class], size_hi[size_class]);
    if (chance(g, 5))
        e->max_new_placements = 0;
    else if (e->employees < 25)
        e->max_new_placements = 1;
    else if (e->employees < 100)
        e->max_new_placements = rnd_int(g, 1, 2);
    else
        e->max_new_placements = rnd_int(g, 1, 4);
    int r = rnd_int(g, 0, 99);
    e->supervision_min_day = r < 8 ? 0 : r < 88 ? 15.0 * rnd_int(g, 2, 12) : 15.0 * rnd_int(g, 12, 24);
    e->working_days = sector == S_HOR ? rnd_int(g, 6, 7) : sectors[sector].working_days;
    static const int aff_w[4] = {10, 35, 35, 20};
    e->affinity = pick(g, aff_w, 4);
    static const int pol_w[3] = {20, 60, 20};
    e->contract_policy = (ContractPolicy)pick(g, pol_w, 3);
    e->accepts_trial = chance(g, 92);
    e->supervisor_exit_months = chance(g, 12) ? (double)rnd_int(g, 3, 36) : MW_UNSET;
    static const int res_w[4] = {15, 40, 30, 15};
    e->result_orientation = pick(g, res_w, 4);
    e->vulnerable_colleagues = chance(g, 10);
    int deskish = sector == S_OFF || sector == S_SCH;
    set_acc(g, e->acc, D_ROLSTOEL, deskish ? 60 : 40);
    set_acc(g, e->acc, D_PRIKKELS, sector == S_OFF ? 25 : 12);
    set_acc(g, e->acc, D_ONDERBREKINGEN, 6);
    if (sector == S_SUP || sector == S_LOG || sector == S_PRO)
        set_acc(g, e->acc, D_TILLEN, 15);
    if (sector == S_OFF)
        set_acc(g, e->acc, D_ZIEN, 5);
}

/* Fills the load of one task from its template, with jitter. */
static void gen_task_load(Gen *g, int tpl, double *load)
{
    const double *tl = g->tload[tpl];
    for (int k = 0; k < N_KDIMS; k++) {
        int i = g->dim[k];
        if (i < 0)
            continue;
        double v = tl[k];
        switch (known_dims[k].kind) {
        case DIM_LEVEL:
            if (k == D_ROLSTOEL) {
                if (v == 0 && chance(g, 30))
                    v = 1;             /* stairs or steps at a desk job */
            } else if (v > 0 && chance(g, 20)) {
                v += chance(g, 50) ? 1 : -1;
            } else if (v == 0 && chance(g, 3)) {
                v = 1;
            }
            if (v > g->dmax[k])
                v = g->dmax[k];
            if (v < 0)
                v = 0;
            break;
        case DIM_EXPOSURE:
        case DIM_SHARE:
            if (v > 0) {
                v = quant(v * (0.8 + 0.4 * unif(g)), 20);
                if (v < 0.05)
                    v = 0.05;
                if (v > 1)
                    v = 1;
            }
            break;
        case DIM_FLAG:
            break;
        }
        load[i] = v;
    }
    /* walking, standing and sitting share one working day */
    int il = g->dim[D_LOPEN], is = g->dim[D_STAAN], iz = g->dim[D_ZITTEN];
    for (int guard = 0; guard < 40; guard++) {
        double sum = (il >= 0 ? load[il] : 0) + (is >= 0 ? load[is] : 0) + (iz >= 0 ? load[iz] : 0);
        if (sum <= 1.0 + 1e-9)
            break;
        int big = -1;
        if (il >= 0 && (big < 0 || load[il] > load[big]))
            big = il;
        if (is >= 0 && (big < 0 || load[is] > load[big]))
            big = is;
        if (iz >= 0 && (big < 0 || load[iz] > load[big]))
            big = iz;
        load[big] = quant(load[big] - 0.05, 20);
    }
}

/* Can `days` x `parts` hold `hours` a week at 4 hours per part a day? */
static int slots_hold(unsigned days, unsigned parts, double hours)
{
    return hours <= 4.0 * mw_popcount(days) * mw_popcount(parts);
}

static void gen_task_time(Gen *g, Task *t, int tpl)
{
    const TaskTpl *tp = &task_tpl[tpl];
    t->days = MW_WEEKDAYS_MASK;
    t->days_fixed = 0;
    t->parts = (uint8_t)tp->parts;
    /* a big share of a long job may not fit in the template's parts of the
     * day: add parts (ochtend, middag, avond) until the weekdays hold it */
    for (int p = 0; p < 3 && !slots_hold(t->days, t->parts, t->hours_week); p++)
        t->parts |= (uint8_t)(1u << p);
    if ((tp->flags & F_EVE) && chance(g, 30)) {
        uint8_t eve = chance(g, 50) ? PA : (PM | PA);
        if (slots_hold(t->days, eve, t->hours_week))
            t->parts = eve;
    }
    if (g->tdays[tpl] && slots_hold(g->tdays[tpl], t->parts, t->hours_week)) {
        t->days = g->tdays[tpl];
        t->days_fixed = 1;
    } else if ((tp->flags & F_SAT) && chance(g, 25)) {
        static const uint8_t sat[4] = {0x20, 0x30, 0x38, 0x25};   /* za; vr+za; do-za; ma+wo+za */
        static const uint8_t sun[3] = {0x60, 0x70, 0x78};         /* za+zo; vr-zo; do-zo */
        uint8_t d = (tp->flags & F_SUN) && chance(g, 50) ? sun[rnd_int(g, 0, 2)] : sat[rnd_int(g, 0, 3)];
        if (slots_hold(d, t->parts, t->hours_week)) {
            t->days = d;
            t->days_fixed = 1;
        }
    } else if (chance(g, 10)) {
        /* ma|wo|vr, di|do, ma-do, di-vr, ma|di|vr, ma-wo */
        static const uint8_t wk[6] = {0x15, 0x0A, 0x0F, 0x1E, 0x13, 0x07};
        uint8_t d = wk[rnd_int(g, 0, 5)];
        if (slots_hold(d, t->parts, t->hours_week)) {
            t->days = d;
            t->days_fixed = 1;
        }
    }
}

static int gen_one_task(Gen *g, Scratch *s, int tpl, int emp, int job, double hours,
                        int vacancy, const int *emp_tpl, const int *emp_task, int n_emp)
{
    Model *m = g->m;
    const TaskTpl *tp = &task_tpl[tpl];
    if (mw_grow((void **)&s->tasks, &s->cap_tasks, s->n_tasks + 1, sizeof *s->tasks))
        return MW_ENOMEM;
    Task *t = &s->tasks[s->n_tasks];
    memset(t, 0, sizeof *t);
    t->name = m->names[g->tname[tpl]];
    t->employer = emp;
    t->job = job;
    t->category = g->tcat[tpl];
    t->hours_week = hours;
    t->group = g->tgroup[tpl];
    t->time_bound = (tp->flags & F_TB) != 0;
    t->carvable = (tp->flags & F_CORE) ? 0 : !chance(g, 4);
    t->divisible = (tp->flags & F_INDIV) ? 0 : !(hours <= 4 && chance(g, 6));
    if (t->divisible) {
        double chunk = tp->chunk2 / 2.0;
        if (chunk == 0 && chance(g, 12))
            chunk = rnd_int(g, 1, 2);
        t->min_chunk_hours = chunk <= hours ? chunk : hours;
    }
    t->supervision_min_per_hour = tp->sup2 && !chance(g, 20)
        ? quant(tp->sup2 / 2.0 * (0.5 + unif(g)), 2) : 0;
    t->mandatory_in_vacancy = vacancy && ((tp->flags & F_CORE) || chance(g, 40));
    gen_task_time(g, t, tpl);

    t->load = mw_arena_alloc(&m->arena, sizeof *t->load * (size_t)(m->n_dims ? m->n_dims : 1));
    if (!t->load)
        return MW_ENOMEM;
    gen_task_load(g, tpl, t->load);

    if (g->tsk_n[tpl]) {
        t->skills.items = mw_arena_alloc(&m->arena, sizeof *t->skills.items * (size_t)g->tsk_n[tpl]);
        if (!t->skills.items)
            return MW_ENOMEM;
        t->skills.n = g->tsk_n[tpl];
        for (int k = 0; k < g->tsk_n[tpl]; k++) {
            t->skills.items[k].name = g->tsk_name[tpl][k];
            t->skills.items[k].level = g->tsk_level[tpl][k];
            t->skills.items[k].trainable = g->tsk_train[tpl][k];
        }
    }
    if (g->treq[tpl] >= 0) {
        for (int k = n_emp - 1; k >= 0; k--) {
            if (emp_tpl[k] == g->treq[tpl]) {
                t->requires.items = mw_arena_alloc(&m->arena, sizeof *t->requires.items);
                if (!t->requires.items)
                    return MW_ENOMEM;
                t->requires.items[0] = emp_task[k];
                t->requires.n = 1;
                break;
            }
        }
    }
    t->line = s->n_tasks + 2;
    s->n_tasks++;
    return MW_OK;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int gen_jobs(Gen *g, Scratch *s, int emp, int sector, int size_class, int employees)
{
    int emp_tpl[MAX_JOBS_PER_EMP * MAX_TASKS_PER_JOB], emp_task[MAX_JOBS_PER_EMP * MAX_TASKS_PER_JOB];
    int n_emp = 0;
    int njobs = rnd_int(g, jobs_lo[size_class], jobs_hi[size_class]);
    if (njobs > employees)
        njobs = employees;      /* a firm of two has at most two functions */
    int jw[MAX_JT_PER_SECTOR];
    for (int k = 0; k < g->sec_njt[sector]; k++)
        jw[k] = job_tpl[g->sec_jt[sector][k]].weight;

    for (int j = 0; j < njobs; j++) {
        int jt = g->sec_jt[sector][pick(g, jw, g->sec_njt[sector])];
        const JobTpl *jp = &job_tpl[jt];
        if (mw_grow((void **)&s->jobs, &s->cap_jobs, s->n_jobs + 1, sizeof *s->jobs))
            return MW_ENOMEM;
        int ji = s->n_jobs;
        Job *job = &s->jobs[ji];
        memset(job, 0, sizeof *job);
        job->title = g->m->names[g->jtitle[jt]];
        job->employer = emp;
        job->wage_hour = rnd_int(g, jp->wage_lo, jp->wage_hi) / 100.0;
        job->hours_week = job_hours[pick(g, job_hours_w, 8)];
        job->is_vacancy = chance(g, 7);
        if (job->is_vacancy || chance(g, 30))
            job->min_residual_hours = 0;
        else
            job->min_residual_hours = round(job->hours_week * (0.40 + 0.35 * unif(g)));
        job->project_end = MW_NO_DATE;
        if (chance(g, 4))
            job->project_end = mw_days_from_civil(2026, 7, 1) + rnd_int(g, 0, 548);
        job->line = ji + 2;
        s->n_jobs++;

        /* the job's tasks: core ones and a draw from the pool, in catalogue order */
        int chosen[MAX_TASKS_PER_JOB], n = 0;
        for (int k = 0; k < g->jn_core[jt]; k++)
            if (chance(g, 90))
                chosen[n++] = g->jcore[jt][k];
        int pool[MAX_POOL], np = g->jn_pool[jt];
        memcpy(pool, g->jpool[jt], sizeof pool);
        int want = n ? rnd_int(g, 1, 3) : rnd_int(g, 2, 4);
        if (want > np)
            want = np;
        for (int k = 0; k < want; k++) {       /* partial Fisher-Yates */
            int r = rnd_int(g, k, np - 1);
            int tmp = pool[k];
            pool[k] = pool[r];
            pool[r] = tmp;
            chosen[n++] = pool[k];
        }
        if (n == 0)
            continue;
        qsort(chosen, (size_t)n, sizeof *chosen, cmp_int);

        /* split the job's hours, in half hours, never more than the job */
        double w[MAX_TASKS_PER_JOB], wsum = 0, h[MAX_TASKS_PER_JOB], hsum = 0;
        for (int k = 0; k < n; k++) {
            w[k] = task_tpl[chosen[k]].weight * (0.6 + 0.8 * unif(g));
            wsum += w[k];
        }
        double fill = 0.85 + 0.15 * unif(g);
        for (int k = 0; k < n; k++) {
            h[k] = floor(2.0 * fill * job->hours_week * w[k] / wsum) / 2.0;
            if (h[k] < 0.5)
                h[k] = 0.5;
            hsum += h[k];
        }
        while (hsum > job->hours_week) {
            int big = 0;
            for (int k = 1; k < n; k++)
                if (h[k] > h[big])
                    big = k;
            h[big] -= 0.5;
            hsum -= 0.5;
        }
        int first_task = s->n_tasks, any_mandatory = 0;
        for (int k = 0; k < n; k++) {
            int rc = gen_one_task(g, s, chosen[k], emp, ji, h[k], job->is_vacancy,
                                  emp_tpl, emp_task, n_emp);
            if (rc)
                return rc;
            job = &s->jobs[ji];
            any_mandatory |= s->tasks[s->n_tasks - 1].mandatory_in_vacancy;
            emp_tpl[n_emp] = chosen[k];
            emp_task[n_emp++] = s->n_tasks - 1;
        }
        if (job->is_vacancy && !any_mandatory)
            s->tasks[first_task].mandatory_in_vacancy = 1;
    }
    return MW_OK;
}

static int gen_employers(Gen *g, int n)
{
    Model *m = g->m;
    Scratch s = {0};
    int rc = MW_ENOMEM;
    int width = id_width(n, 5);
    int *name_count = mw_calloc((size_t)N_SECTORS * N_TOWNS, sizeof *name_count);
    int *first = mw_malloc(sizeof *first * 2 * (size_t)(n ? n : 1));  /* first job, first task */
    Employer *emps = mw_arena_alloc(&m->arena, sizeof *emps * (size_t)(n ? n : 1));
    g->emp_town = mw_malloc(sizeof *g->emp_town * (size_t)(n ? n : 1));
    if (!name_count || !first || !emps || !g->emp_town)
        goto done;
    int sw[N_SECTORS];
    for (int k = 0; k < N_SECTORS; k++)
        sw[k] = sectors[k].weight;

    for (int i = 0; i < n; i++) {
        Employer *e = &emps[i];
        int sector = pick(g, sw, N_SECTORS);
        int town = pick_town(g);
        int size_class = pick(g, sectors[sector].size_w, N_SIZE);
        g->emp_town[i] = town;
        char name[128];
        snprintf(name, sizeof name, "%s %s %d", sectors[sector].label, towns[town].name,
                 ++name_count[sector * N_TOWNS + town]);
        e->id = make_id(g, 'E', width, i + 1);
        e->name = mw_arena_strdup(&m->arena, name);
        e->acc = mw_arena_alloc(&m->arena, sizeof *e->acc * (size_t)(m->n_dims ? m->n_dims : 1));
        if (!e->id || !e->name || !e->acc)
            goto done;
        e->line = i + 2;
        e->sector = g->sec_name[sector];
        place_near(g, town, &e->lat, &e->lon);
        gen_employer_fields(g, e, sector, size_class);
        first[2 * i] = s.n_jobs;
        first[2 * i + 1] = s.n_tasks;
        if (gen_jobs(g, &s, i, sector, size_class, e->employees) != MW_OK)
            goto done;
        e->jobs.n = s.n_jobs - first[2 * i];
        e->tasks.n = s.n_tasks - first[2 * i + 1];
    }

    /* move jobs and tasks into the arena and give the ids, now that the
     * counts (and so the id widths) are known */
    Job *jobs = mw_arena_alloc(&m->arena, sizeof *jobs * (size_t)(s.n_jobs ? s.n_jobs : 1));
    Task *tasks = mw_arena_alloc(&m->arena, sizeof *tasks * (size_t)(s.n_tasks ? s.n_tasks : 1));
    if (!jobs || !tasks)
        goto done;
    if (s.n_jobs)
        memcpy(jobs, s.jobs, sizeof *jobs * (size_t)s.n_jobs);
    if (s.n_tasks)
        memcpy(tasks, s.tasks, sizeof *tasks * (size_t)s.n_tasks);
    int jw = id_width(s.n_jobs, 7), tw = id_width(s.n_tasks, 8);
    for (int j = 0; j < s.n_jobs; j++)
        if (!(jobs[j].id = make_id(g, 'J', jw, j + 1)))
            goto done;
    for (int t = 0; t < s.n_tasks; t++)
        if (!(tasks[t].id = make_id(g, 'T', tw, t + 1)))
            goto done;
    for (int i = 0; i < n; i++) {
        Employer *e = &emps[i];
        e->jobs.items = mw_arena_alloc(&m->arena, sizeof(int) * (size_t)(e->jobs.n ? e->jobs.n : 1));
        e->tasks.items = mw_arena_alloc(&m->arena, sizeof(int) * (size_t)(e->tasks.n ? e->tasks.n : 1));
        if (!e->jobs.items || !e->tasks.items)
            goto done;
        for (int k = 0; k < e->jobs.n; k++)
            e->jobs.items[k] = first[2 * i] + k;
        for (int k = 0; k < e->tasks.n; k++)
            e->tasks.items[k] = first[2 * i + 1] + k;
    }
    m->employers = emps;
    m->n_employers = n;
    m->jobs = jobs;
    m->n_jobs = s.n_jobs;
    m->tasks = tasks;
    m->n_tasks = s.n_tasks;
    rc = MW_OK;
done:
    mw_free(s.jobs);
    mw_free(s.tasks);
    mw_free(first);
    mw_free(name_count);
    return rc;
}

static int build_town_index(Gen *g)
{
    Model *m = g->m;
    g->town_start = mw_calloc(N_TOWNS + 1, sizeof *g->town_start);
    g->town_emp = mw_malloc(sizeof *g->town_emp * (size_t)(m->n_employers ? m->n_employers : 1));
    if (!g->town_start || !g->town_emp)
        return MW_ENOMEM;
    for (int i = 0; i < m->n_employers; i++)
        g->town_start[g->emp_town[i] + 1]++;
    for (int t = 0; t < N_TOWNS; t++)
        g->town_start[t + 1] += g->town_start[t];
    int fill[N_TOWNS];
    memcpy(fill, g->town_start, sizeof fill);
    for (int i = 0; i < m->n_employers; i++)
        g->town_emp[fill[g->emp_town[i]]++] = i;
    return MW_OK;
}

/* ---- candidates ---------------------------------------------------------- */

static double rule_value(Gen *g, const LimRule *r)
{
    switch (known_dims[r->kd].kind) {
    case DIM_EXPOSURE:
        return r->lo + 0.5 * rnd_int(g, 0, (int)((r->hi - r->lo) * 2 + 0.5));
    case DIM_SHARE:
        return quant(r->lo + 0.05 * rnd_int(g, 0, (int)((r->hi - r->lo) * 20 + 0.5)), 20);
    default:
        return rnd_int(g, (int)r->lo, (int)r->hi);
    }
}

/* Applies rules; probabilities divided by `div`; the stricter limit wins. */
static void apply_rules(Gen *g, Candidate *c, const LimRule *rules, int div)
{
    for (const LimRule *r = rules; r->kd >= 0; r++) {
        if (!chance(g, r->p / div))
            continue;
        double v = rule_value(g, r);
        int i = g->dim[r->kd];
        if (i < 0)
            continue;
        if (known_dims[r->kd].kind == DIM_LEVEL && v > g->dmax[r->kd])
            v = g->dmax[r->kd];
        if (c->lim_state[i] == LIM_KNOWN && c->lim[i] <= v)
            continue;
        c->lim_state[i] = LIM_KNOWN;
        c->lim[i] = v;
    }
}

static void apply_category(Gen *g, Candidate *c, int cat, int div)
{
    switch (cat) {
    case C_LICH:
        apply_rules(g, c, chance(g, 8) ? lim_wheelchair : lim_lich, div);
        break;
    case C_PSYCH: apply_rules(g, c, lim_psych, div); break;
    case C_LVB: apply_rules(g, c, lim_lvb, div); break;
    case C_AUT: apply_rules(g, c, lim_aut, div); break;
    case C_ZINT: apply_rules(g, c, chance(g, 55) ? lim_zien : lim_horen, div); break;
    default: apply_rules(g, c, lim_chron, div); break;
    }
}

static void gen_limits(Gen *g, Candidate *c, int cat)
{
    apply_category(g, c, cat, 1);
    if (chance(g, 25)) {
        int second = rnd_int(g, 0, N_CCAT - 2);
        if (second >= cat)
            second++;
        apply_category(g, c, second, 2);
    }
    if (chance(g, 7)) {
        static const LimRule dutch[] = {{D_NEDERLANDS, 100, 1, 1}, {-1, 0, 0, 0}};
        apply_rules(g, c, dutch, 1);
    }
    for (int k = 0; k < N_KDIMS; k++) {
        int i = g->dim[k];
        if (i < 0 || known_dims[k].kind == DIM_FLAG)
            continue;
        if (c->lim_state[i] == LIM_KNOWN ? chance(g, 8) : chance(g, 2))
            c->lim_state[i] = LIM_UNKNOWN;
        if (c->lim_state[i] != LIM_KNOWN)
            c->lim[i] = 0;
    }
    int ir = g->dim[D_RIJBEWIJS];
    if (ir >= 0) {
        int r = rnd_int(g, 0, 99);
        if (r < 85) {
            c->lim_state[ir] = LIM_KNOWN;
            c->lim[ir] = chance(g, cat == C_LVB ? 25 : 50);
        } else if (r < 90) {
            c->lim_state[ir] = LIM_UNKNOWN;
        }
    }
    int ih = g->dim[D_HEFTRUCK];
    if (ih >= 0) {
        int r = rnd_int(g, 0, 99);
        if (r < 80) {
            c->lim_state[ih] = LIM_KNOWN;
            c->lim[ih] = r < 5;
        }
    }
}

static uint32_t day_parts(int day, unsigned parts)
{
    return (uint32_t)(parts & 0xFu) << (day * MW_PARTS);
}

static uint32_t gen_availability(Gen *g)
{
    static const int w[8] = {44, 12, 10, 8, 10, 7, 4, 5};
    uint32_t a = 0;
    int p = pick(g, w, 8);
    switch (p) {
    case 0:
        for (int d = 0; d < 5; d++) a |= day_parts(d, PO | PM);
        break;
    case 1:
        for (int d = 0; d < 5; d++) a |= day_parts(d, PO);
        break;
    case 2: {
        int skip = chance(g, 50) ? 4 : rnd_int(g, 0, 4);   /* often ma-do, like B. */
        for (int d = 0; d < 5; d++)
            if (d != skip) a |= day_parts(d, PO | PM);
        break;
    }
    case 3: {
        static const int sets[4][3] = {{0, 1, 2}, {0, 2, 4}, {1, 2, 3}, {2, 3, 4}};
        int s = rnd_int(g, 0, 3);
        for (int k = 0; k < 3; k++) a |= day_parts(sets[s][k], PO | PM);
        break;
    }
    case 4:
        for (int d = 0; d < 6; d++) a |= day_parts(d, PO | PM);
        break;
    case 5:
        for (int d = 0; d < 5; d++) a |= day_parts(d, PO | PM | PA);
        a |= day_parts(5, PO | PM);
        break;
    case 6:
        for (int d = 0; d < 5; d++) a |= day_parts(d, PM);
        break;
    default:
        a = (1u << MW_SLOTS) - 1;
        break;
    }
    return a;
}

static void gen_hours(Gen *g, Candidate *c)
{
    /* hours a day each available day can hold (4 per part, at most 9) */
    int cap[MW_DAYS], ndays = 0;
    for (int d = 0; d < MW_DAYS; d++) {
        int parts = mw_popcount((c->availability >> (d * MW_PARTS)) & 0xFu);
        cap[d] = parts * 4 > 9 ? 9 : parts * 4;
        if (cap[d])
            ndays++;
    }
    for (int i = 1; i < MW_DAYS; i++)      /* insertion sort, largest first */
        for (int k = i; k > 0 && cap[k] > cap[k - 1]; k--) {
            int tmp = cap[k];
            cap[k] = cap[k - 1];
            cap[k - 1] = tmp;
        }
    static const int dw[5] = {55, 25, 12, 5, 3};
    static const int dv[5] = {5, 4, 3, 6, 2};
    int days = dv[pick(g, dw, 5)];
    if (days > ndays)
        days = ndays;
    if (days < 1)
        days = 1;
    int week_cap = 0;
    for (int d = 0; d < days; d++)
        week_cap += cap[d];
    int hi = pick(g, case_hours_w, N_CASE_HOURS);
    while (hi > 0 && case_hours[hi] > week_cap)
        hi--;
    int max = case_hours[hi] <= week_cap ? case_hours[hi] : week_cap;
    if (max < 1)
        max = 1;
    int pref = max;
    if (hi > 0 && case_hours[hi] == max && chance(g, 30))
        pref = case_hours[hi - 1];
    int min = chance(g, 50) ? 0 : (int)floor(pref * (0.5 + 0.3 * unif(g)));
    int need = (max + days - 1) / days;
    int per_day = need + rnd_int(g, 0, 2);
    if (per_day > cap[0])
        per_day = cap[0];          /* >= need: the top days hold max */
    per_day = clampi(per_day, 2, 9);
    c->max_hours_week = max;
    c->pref_hours_week = pref;
    c->min_hours_week = min;
    c->max_days_week = days;
    c->max_hours_day = per_day;
}

static int gen_name_list(Gen *g, IntList *l, const int *from, int nfrom, int n, const IntList *avoid)
{
    if (n <= 0 || nfrom <= 0)
        return MW_OK;
    l->items = mw_arena_alloc(&g->m->arena, sizeof *l->items * (size_t)n);
    if (!l->items)
        return MW_ENOMEM;
    for (int tries = 0; l->n < n && tries < 4 * n; tries++) {
        int v = from[rnd_int(g, 0, nfrom - 1)];
        if (!intlist_has(l, v) && !(avoid && intlist_has(avoid, v)))
            l->items[l->n++] = v;
    }
    return MW_OK;
}

static int pick_employer_near(Gen *g, int town)
{
    int n = g->town_start[town + 1] - g->town_start[town];
    if (n > 0)
        return g->town_emp[g->town_start[town] + rnd_int(g, 0, n - 1)];
    return rnd_int(g, 0, g->m->n_employers - 1);
}

static int one_int(Gen *g, IntList *l, int v)
{
    l->items = mw_arena_alloc(&g->m->arena, sizeof *l->items);
    if (!l->items)
        return MW_ENOMEM;
    l->items[0] = v;
    l->n = 1;
    return MW_OK;
}

static int gen_candidate(Gen *g, Candidate *c, int i, int width)
{
    Model *m = g->m;
    size_t nd = (size_t)(m->n_dims ? m->n_dims : 1);
    c->id = make_id(g, 'C', width, i + 1);
    c->lim = mw_arena_alloc(&m->arena, sizeof *c->lim * nd);
    c->lim_state = mw_arena_alloc(&m->arena, nd);
    if (!c->id || !c->lim || !c->lim_state)
        return MW_ENOMEM;
    c->line = i + 2;
    int town = pick_town(g);
    c->region = g->town_name[town];
    place_near(g, town, &c->lat, &c->lon);

    int cat = pick(g, ccat_w, N_CCAT);
    int regime = pick(g, regime_w[cat], N_REGIME);
    c->category = g->ccat_name[cat];
    c->regime = g->regime_name[regime];
    c->age = clampi((int)round(age_mean[regime] + age_sd[regime] * gauss(g)), 17, 67);
    c->education = g->edu_name[pick(g, cat == C_LVB ? edu_w_lvb : edu_w_other, N_EDU)];

    static const int mode_w[4] = {10, 45, 30, 15};
    static const int travel_lo[4] = {15, 20, 30, 20}, travel_hi[4] = {30, 45, 60, 45};
    int mode = pick(g, mode_w, 4);
    c->travel_mode = (TravelMode)mode;
    c->max_travel_min = 5.0 * rnd_int(g, travel_lo[mode] / 5, travel_hi[mode] / 5);

    c->availability = gen_availability(g);
    gen_hours(g, c);

    switch (regime) {
    case R_BESCHUT: c->loonwaarde = rnd_int(g, 30, 60) / 100.0; break;
    case R_WAJONG: c->loonwaarde = rnd_int(g, 40, 85) / 100.0; break;
    case R_WW: c->loonwaarde = rnd_int(g, 75, 100) / 100.0; break;
    default: c->loonwaarde = rnd_int(g, 45, 95) / 100.0; break;
    }
    if (regime == R_BESCHUT) {
        double u = unif(g);
        c->support_min_day = 30 + 15 * floor(u * u * 22.999);   /* 30..360, skewed low */
    } else {
        c->support_min_day = chance(g, 40) ? 0 : 5.0 * rnd_int(g, 1, 6);
    }

    int structure = cat == C_AUT ? 60 : cat == C_LVB ? 40 : cat == C_PSYCH ? 20 : 10;
    if (chance(g, structure))
        c->max_tasks = rnd_int(g, 2, 4);
    if (chance(g, 10))
        c->min_tasks = 2;
    if (c->max_tasks && c->min_tasks > c->max_tasks)
        c->min_tasks = c->max_tasks;
    if (chance(g, 20))
        c->max_groups = rnd_int(g, 1, 2);

    gen_limits(g, c, cat);

    int nsk = rnd_int(g, 0, 3);
    if (nsk && g->n_skills) {
        c->skills.items = mw_arena_alloc(&m->arena, sizeof *c->skills.items * (size_t)nsk);
        if (!c->skills.items)
            return MW_ENOMEM;
        for (int k = 0; k < nsk; k++) {
            int name = g->skills[rnd_int(g, 0, g->n_skills - 1)];
            int dup = 0;
            for (int q = 0; q < c->skills.n; q++)
                dup |= c->skills.items[q].name == name;
            if (dup)
                continue;
            SkillLevel *sl = &c->skills.items[c->skills.n++];
            sl->name = name;
            sl->level = rnd_int(g, 1, 3);
            sl->trainable = 0;
        }
    }
    if (gen_name_list(g, &c->likes, g->cats, g->n_cats, rnd_int(g, 0, 3), NULL) ||
        gen_name_list(g, &c->dislikes, g->cats, g->n_cats, rnd_int(g, 0, 2), &c->likes))
        return MW_ENOMEM;
    if (c->dislikes.n) {
        c->dislikes_never.items = mw_arena_alloc(&m->arena, sizeof(int) * (size_t)c->dislikes.n);
        if (!c->dislikes_never.items)
            return MW_ENOMEM;
        for (int k = 0; k < c->dislikes.n; k++)
            if (chance(g, 35))
                c->dislikes_never.items[c->dislikes_never.n++] = c->dislikes.items[k];
    }
    if (chance(g, 6) && gen_name_list(g, &c->sectors_excluded, g->sec_name, N_SECTORS, 1, NULL))
        return MW_ENOMEM;
    if (m->n_employers > 0) {
        int known = -1;
        if (chance(g, 3)) {
            known = pick_employer_near(g, town);
            if (one_int(g, &c->known_employers, known))
                return MW_ENOMEM;
        }
        if (chance(g, 1)) {
            int ex = pick_employer_near(g, town);
            if (ex != known && one_int(g, &c->excluded_employers, ex))
                return MW_ENOMEM;
        }
    }

    c->first_job = chance(g, c->age < 25 ? 55 : 8);
    static const int fail_w[4] = {60, 25, 10, 5};
    c->prior_failures = c->first_job ? 0 : pick(g, fail_w, 4);
    c->private_instability = chance(g, 15);
    c->recent_life_event = chance(g, 10);
    static const int cap_w[N_CCAT][3] = {
        [C_LICH] = {78, 10, 12}, [C_PSYCH] = {63, 35, 2}, [C_LVB] = {88, 10, 2},
        [C_AUT] = {85, 13, 2},   [C_ZINT] = {85, 5, 10},  [C_CHRON] = {50, 25, 25},
    };
    c->capacity_profile = (CapacityProfile)pick(g, cap_w[cat], 3);
    if (chance(g, 5)) {
        c->months_unemployed = -1;
    } else if (c->first_job) {
        c->months_unemployed = rnd_int(g, 0, 24);
    } else {
        /* geometric with mean 30 (failures before a success of p = 1/31),
         * an exponential without a logarithm */
        int mo = 0;
        while (mo < 240 && unif(g) >= 1.0 / 31.0)
            mo++;
        c->months_unemployed = mo;
    }
    c->consent_employer_view = chance(g, 65);
    return MW_OK;
}

static int gen_candidates(Gen *g, int n)
{
    Model *m = g->m;
    Candidate *cs = mw_arena_alloc(&m->arena, sizeof *cs * (size_t)(n ? n : 1));
    if (!cs)
        return MW_ENOMEM;
    m->candidates = cs;
    m->n_candidates = 0;
    int width = id_width(n, 6);
    for (int i = 0; i < n; i++) {
        if (gen_candidate(g, &cs[i], i, width))
            return MW_ENOMEM;
        m->n_candidates = i + 1;
    }
    return MW_OK;
}

/* ---- entry point ---------------------------------------------------------- */

int gen_region(Model *m, const GenParams *p)
{
    int n_cand = p->candidates > 0 ? p->candidates : 0;
    int n_emp = p->employers > 0 ? p->employers : 0;
    Gen *g = mw_calloc(1, sizeof *g);
    if (!g)
        return MW_ENOMEM;
    g->m = m;
    int rc = gen_setup(g);
    if (rc == MW_OK) {
        mw_rng_seed(&g->rng, p->seed);
        rc = gen_employers(g, n_emp);
    }
    if (rc == MW_OK)
        rc = build_town_index(g);
    if (rc == MW_OK) {
        /* a separate stream, so candidates do not shift with the catalogue */
        mw_rng_seed(&g->rng, p->seed ^ 0x5DEECE66Dull);
        rc = gen_candidates(g, n_cand);
    }
    for (int t = MODEL_CANDIDATES; rc == MW_OK && t <= MODEL_TASKS; t++)
        rc = model_index(m, t);
    mw_free(g->town_start);
    mw_free(g->town_emp);
    mw_free(g->emp_town);
    mw_free(g);
    return rc == MW_OK ? MW_OK : MW_ENOMEM;
}
