/* carve.mod — the carving model of docs/carving-model.md in GNU MathProg:
 * one candidate c, one employer e, the tasks that entered the pair.
 * This is the independent reference for engine/solve/carve.c (which builds
 * the same MIP through the GLPK C API); both read the same PairData, which
 * engine/solve/carve_mathprog.c writes as the data section for this model.
 *
 *   glpsol --math models/mathprog/carve.mod --data pair.dat
 *
 * On success the post-solve section prints one line "OBJ <value>" (%.12g).
 * When no package exists glpsol prints "PROBLEM HAS NO PRIMAL FEASIBLE
 * SOLUTION", "LP HAS NO PRIMAL FEASIBLE SOLUTION" or "PROBLEM HAS NO INTEGER
 * FEASIBLE SOLUTION" (GLPK 5.0) and does not run the post-solve section, so
 * no OBJ line appears.
 *
 * Index sets count from 0, as the arrays of PairData do: task t here is
 * PairData.t[t], job j is PairData.j[j], and so on. Days 0..6 are ma..zo.
 * Symbols follow the doc: W_t -> W[t], pi_t -> pi[t], cap_td -> cap[t,d],
 * Hday_d -> Hday[d], sigma_t -> sigma[t], W_j/R_j -> WJ[j]/RJ[j], ...
 */

/* ---- sizes and index sets ------------------------------------------- */

param nt integer, >= 1;          /* tasks in the pair */
param nj integer, >= 1;          /* jobs the tasks come from */
param ng integer, >= 1;          /* task groups */
param nexp integer, >= 0;        /* exposure dimensions with a known limit */
param nshare integer, >= 0;      /* share dimensions with a known limit */

set T := 0 .. nt - 1;
set J := 0 .. nj - 1;
set G := 0 .. ng - 1;
set D := 0 .. 6;                 /* ma di wo do vr za zo */
set KE := 0 .. nexp - 1;
set KS := 0 .. nshare - 1;

/* ---- task data ------------------------------------------------------ */

param job{T} integer, in J;      /* the (donor) job the task belongs to */
param grp{T} integer, in G;      /* g(t), the task's group */
param W{T} >= 0;                 /* W_t: work volume, standard hours/week */
param m{T} >= 0;                 /* m_t: minimum chunk of work */
param pi{T} > 0;                 /* pi_t: pace (loonwaarde, 1 if time_bound) */
param indiv{T} binary;           /* 1: indivisible (all of W_t or nothing) */
param flex{T} binary;            /* 1: free split over days (x_td); 0: fixed days */
param inD{T, D} binary;          /* 1 when d is in D_t */
param cap{T, D} >= 0;            /* cap_td hours; 0 when d is not in D_t */
param sigma{T} >= 0;             /* sigma_t: supervision minutes per hour */
param wage{T} >= 0;              /* wage_t: donor job's wage per hour */
param pref{T};                   /* pref_t: +1 liked, -1 disliked, 0 */
param skill{T};                  /* skill_t: mean fit, +1 met, -0.5 trainable gap */
param mand{T} binary;            /* mandatory in its job's vacancy route */
param vonly{T} binary;           /* non-carvable: only with its job's vacancy route */

/* |D_t| and, for fixed tasks, the smallest day capacity over D_t. */
param nD{t in T} := sum{d in D} inD[t, d];
check{t in T}: nD[t] >= 1;
check{t in T, d in D: inD[t, d] = 0}: cap[t, d] = 0;
param capfix{t in T} := min{d in D: inD[t, d] = 1} cap[t, d];

/* ---- job data ------------------------------------------------------- */

param WJ{J} >= 0;                /* W_j: job hours */
param RJ{J} >= 0;                /* R_j: minimum residual hours (0: may dissolve) */
param vac{J} binary;             /* 1: the vacancy route v_j exists */
check{t in T: mand[t] = 1 or vonly[t] = 1}: vac[job[t]] = 1;

/* ---- dimensions ----------------------------------------------------- */

param B{KE} >= 0;                /* B_k: exposure limit, hours/day */
param e{KE, T} >= 0, default 0;  /* e_tk: exposure share of t */
param S{KS};                     /* S_k: share limit */
param s{KS, T}, default 0;       /* s_tk: task share */

set REQ within T cross T;        /* (a, b): task a requires task b */

/* ---- candidate and employer ----------------------------------------- */

param Hmin >= 0;                 /* weekly hours: minimum, maximum, preferred */
param Hmax >= 0;
param Hpref >= 0;
param Hday{D} >= 0;              /* Hday_d; 0 = not a possible working day */
param Dmax integer, >= 0;        /* max_days_week */
param nmin integer, >= 0;        /* min_tasks (the count constraint uses max(1, nmin)) */
param nmax integer, >= 0;        /* max_tasks, 0 = no limit */
param Gmax integer, >= 0;        /* max_groups, 0 = no limit */
param need >= 0;                 /* begeleiding minutes per working day */
param Cap;                       /* employer's supervision minutes per week */

/* ---- objective weights (the preset) --------------------------------- */

param w_value;                   /* per euro of freed work per week */
param w_pref;                    /* per hour in a liked/disliked category */
param w_skill;                   /* per hour of full skill fit */
param w_hours;                   /* per hour towards the preferred hours */
param w_task;                    /* per task in the package */
param w_group;                   /* per group beyond the first */
param w_sup;                     /* per supervision minute per week */
param w_over;                    /* per hour above theta * Hmax */
param theta;                     /* slack threshold, share of Hmax */

/* ---- variables ------------------------------------------------------ */

var h{T} >= 0;                   /* h_t: hours of t per week */
var y{T} binary;                 /* y_t: t is in the package */
var x{t in T, d in D: flex[t] = 1} >= 0;   /* x_td: hours of flexible t on day d */
var w{d in D: Hday[d] > 0} binary;         /* w_d: d is a working day */
var z{G} binary;                 /* z_g: group g is used */
var v{j in J: vac[j] = 1} binary;          /* v_j: the vacancy route of j */
var u >= 0;                      /* hours credited towards the preference */
var o >= 0;                      /* hours above the slack threshold */

/* dh_td, the day hours: x_td for a flexible task; a fixed task spreads its
 * hours evenly over D_t, h_t/|D_t| on each d in D_t (0 on other days). */

/* ---- constraints (families named as in the doc) --------------------- */

/* work available: pi_t h_t <= W_t y_t (not for indivisible tasks) */
s.t. work_available{t in T: indiv[t] = 0}:
    pi[t] * h[t] <= W[t] * y[t];

/* minimum chunk: pi_t h_t >= m_t y_t (not for indivisible tasks) */
s.t. minimum_chunk{t in T: indiv[t] = 0}:
    pi[t] * h[t] >= m[t] * y[t];

/* indivisible: pi_t h_t = W_t y_t (replaces the two above) */
s.t. indivisible{t in T: indiv[t] = 1}:
    pi[t] * h[t] = W[t] * y[t];

/* flexible split: sum_d x_td = h_t */
s.t. flexible_split{t in T: flex[t] = 1}:
    sum{d in D} x[t, d] = h[t];

/* task-day capacity: x_td <= cap_td for flexible tasks ... */
s.t. task_day_capacity{t in T, d in D: flex[t] = 1}:
    x[t, d] <= cap[t, d];

/* ... and h_t/|D_t| <= min over d in D_t of cap_td for fixed tasks */
s.t. task_day_capacity_fixed{t in T: flex[t] = 0}:
    h[t] / nD[t] <= capfix[t];

/* contract hours: Hmin <= sum_t h_t <= Hmax */
s.t. contract_hours:
    Hmin <= sum{t in T} h[t] <= Hmax;

/* per day: sum_t dh_td <= Hday_d w_d; w_d exists only where Hday_d > 0,
 * elsewhere the right-hand side is 0 (no hours on that day). */
s.t. per_day{d in D}:
    sum{t in T: flex[t] = 1} x[t, d]
  + sum{t in T: flex[t] = 0 and inD[t, d] = 1} h[t] / nD[t]
  <= (if Hday[d] > 0 then Hday[d] * w[d] else 0);

/* days worked: sum_d w_d <= Dmax */
s.t. days_worked:
    sum{d in D: Hday[d] > 0} w[d] <= Dmax;

/* exposure: sum_t e_tk dh_td <= B_k for each k and each d with Hday_d > 0 */
s.t. exposure{k in KE, d in D: Hday[d] > 0}:
    sum{t in T: flex[t] = 1} e[k, t] * x[t, d]
  + sum{t in T: flex[t] = 0 and inD[t, d] = 1} e[k, t] * h[t] / nD[t]
  <= B[k];

/* share: sum_t (s_tk - S_k) h_t <= 0 for each share k */
s.t. share{k in KS}:
    sum{t in T} (s[k, t] - S[k]) * h[t] <= 0;

/* task count: max(1, nmin) <= sum_t y_t, and sum_t y_t <= nmax when nmax > 0 */
s.t. task_count_min:
    sum{t in T} y[t] >= max(1, nmin);

s.t. task_count_max{i in 1 .. 1: nmax > 0}:
    sum{t in T} y[t] <= nmax;

/* groups: y_t <= z_g(t); sum_g z_g <= Gmax when Gmax > 0 */
s.t. groups{t in T}:
    y[t] <= z[grp[t]];

s.t. groups_max{i in 1 .. 1: Gmax > 0}:
    sum{g in G} z[g] <= Gmax;

/* coupling: y_a <= y_b when a requires b */
s.t. coupling{(a, b) in REQ}:
    y[a] <= y[b];

/* supervision: need sum_d w_d + sum_t sigma_t h_t <= Cap */
s.t. supervision:
    need * sum{d in D: Hday[d] > 0} w[d] + sum{t in T} sigma[t] * h[t] <= Cap;

/* donor job: sum_{t in j} pi_t h_t <= (W_j - R_j) + R_j v_j when R_j > 0
 * (v_j = 0 for non-vacancy jobs) */
s.t. donor_job{j in J: RJ[j] > 0}:
    sum{t in T: job[t] = j} pi[t] * h[t]
  <= (WJ[j] - RJ[j]) + (if vac[j] = 1 then RJ[j] * v[j] else 0);

/* one vacancy: a package takes at most one vacancy route */
s.t. one_vacancy: sum{j in J: vac[j] = 1} v[j] <= 1;

/* vacancy, mandatory: pi_t h_t >= W_t v_j for mandatory t of j */
s.t. vacancy_mandatory{t in T: mand[t] = 1}:
    pi[t] * h[t] >= W[t] * v[job[t]];

/* vacancy, non-carvable: pi_t h_t <= W_t v_j for non-carvable t of j */
s.t. vacancy_noncarvable{t in T: vonly[t] = 1}:
    pi[t] * h[t] <= W[t] * v[job[t]];

/* preference credit: u <= sum_t h_t, u <= Hpref */
s.t. preference_credit_hours:
    u <= sum{t in T} h[t];

s.t. preference_credit_pref:
    u <= Hpref;

/* over-utilisation: o >= sum_t h_t - theta Hmax */
s.t. over_utilisation:
    o >= sum{t in T} h[t] - theta * Hmax;

/* ---- objective (maximise) ------------------------------------------- */

maximize score:
    sum{t in T} h[t] * ( w_value * wage[t] * pi[t]    /* employer value */
                       + w_pref  * pref[t]            /* liked / disliked */
                       + w_skill * skill[t]           /* skill fit */
                       - w_sup   * sigma[t] )         /* supervision minutes */
  + w_hours * u
  - w_task  * sum{t in T} y[t]
  - w_group * (sum{g in G} z[g] - 1)                  /* the first group is free */
  - w_sup   * need * sum{d in D: Hday[d] > 0} w[d]
  - w_over  * o;

solve;

/* The value of an objective in a MathProg expression is its row activity,
 * which leaves out the constant term; the only constant of `score` is the
 * + w_group of -w_group (sum_g z_g - 1), added back here. */
printf "OBJ %.12g\n", score + w_group;

end;
