/* test_json.c — unit tests for the data.json reader (engine/input/json.c):
 * flattening of lim/load/acc/x, value-to-text rules, the policy member,
 * every error message with its position, agreement with the CSV reader, and
 * a fail-the-Nth-allocation sweep. Layer: tests; knows only table.h.
 */
#include "../../engine/input/table.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const names[] = {"candidates", "employers", "jobs", "tasks"};
enum { NT = 4, CAND = 0, EMP = 1, JOBS = 2, TASKS = 3 };

static MwErrors errs;
static Table *out[NT];
static char *policy;

static void reset(void)
{
    for (int i = 0; i < NT; i++) {
        table_free(out[i]);
        out[i] = NULL;
    }
    mw_free(policy);
    policy = NULL;
    mw_errors_free(&errs);
    mw_errors_init(&errs, 0);
}

static int parse(const char *s)
{
    reset();
    return json_parse_tables(s, strlen(s), "data.json", NT, names, out, &policy, &errs);
}

static const char *first_error(void)
{
    static char buf[600];
    if (errs.n == 0)
        return "(no error)";
    mw_error_format(&errs.items[0], buf, sizeof buf);
    return buf;
}

/* The cell of row r under column name, "(no column)" or "(null)". */
static const char *cell(const Table *t, int r, const char *col)
{
    int c = table_col(t, col);
    if (c < 0)
        return "(no column)";
    const char *v = table_cell(t, r, c);
    return v ? v : "(null)";
}

static void expect_error(const char *src, const char *want)
{
    int st = parse(src);
    CHECK(st == MW_EINPUT);
    CHECK_STR(first_error(), want);
    for (int i = 0; i < NT; i++)
        CHECK(out[i] == NULL);
    CHECK(policy == NULL);
}

static void test_basic(void)
{
    int st = parse("\xEF\xBB\xBF{\"tasks\": [{\"id\": \"t1\", \"hours_week\": 4},"
                   " {\"id\": \"t2\", \"name\": \"Post\"}], \"jobs\": []}");
    CHECK(st == MW_OK);
    CHECK(out[CAND] == NULL && out[EMP] == NULL);
    CHECK(policy == NULL);
    Table *t = out[TASKS];
    CHECK(t != NULL);
    if (t) {
        CHECK(t->is_json && t->had_bom);
        CHECK_STR(t->file, "data.json");
        CHECK_STR(t->name, "tasks");
        CHECK(t->ncols == 3 && t->nrows == 2);
        CHECK_STR(t->cols[0], "id");
        CHECK_STR(t->cols[1], "hours_week");
        CHECK_STR(t->cols[2], "name");            /* union of keys, first seen order */
        CHECK_STR(cell(t, 0, "hours_week"), "4");
        CHECK_STR(cell(t, 1, "hours_week"), "(null)");   /* key absent: NULL */
        CHECK_STR(cell(t, 0, "name"), "(null)");
        CHECK_STR(cell(t, 1, "name"), "Post");
        CHECK(t->row_line[0] == 0 && t->row_line[1] == 1);
    }
    t = out[JOBS];
    CHECK(t != NULL);
    if (t)
        CHECK(t->nrows == 0 && t->ncols == 0);
}

static void test_flatten(void)
{
    int st = parse("{\"candidates\": ["
                   "{\"id\": \"c1\", \"lim\": {\"tillen\": 1, \"staan\": \"?\"}, \"x\": {\"note\": \"hi\"}},"
                   "{\"id\": \"c2\", \"lim\": {\"tillen\": 2, \"lopen\": 0}, \"lim.knielen\": 1}],"
                   " \"tasks\": [{\"id\": \"t\", \"load\": {\"tillen\": 3}}],"
                   " \"employers\": [{\"id\": \"e\", \"acc\": {\"tillen\": 1}, \"x\": {\"a\": 1, \"b\": true}}]}");
    CHECK(st == MW_OK);
    Table *t = out[CAND];
    CHECK(t != NULL);
    if (t) {
        CHECK(t->ncols == 6);
        if (t->ncols == 6) {
            CHECK_STR(t->cols[1], "lim.tillen");
            CHECK_STR(t->cols[2], "lim.staan");
            CHECK_STR(t->cols[3], "x_note");
            CHECK_STR(t->cols[4], "lim.lopen");
            CHECK_STR(t->cols[5], "lim.knielen");
        }
        CHECK_STR(cell(t, 0, "lim.tillen"), "1");
        CHECK_STR(cell(t, 0, "lim.staan"), "?");
        CHECK_STR(cell(t, 0, "x_note"), "hi");
        CHECK_STR(cell(t, 0, "lim.lopen"), "(null)");
        CHECK_STR(cell(t, 1, "lim.tillen"), "2");
        CHECK_STR(cell(t, 1, "lim.lopen"), "0");
        CHECK_STR(cell(t, 1, "lim.knielen"), "1");
        CHECK_STR(cell(t, 1, "x_note"), "(null)");
    }
    if (out[TASKS])
        CHECK_STR(cell(out[TASKS], 0, "load.tillen"), "3");
    if (out[EMP]) {
        CHECK_STR(cell(out[EMP], 0, "acc.tillen"), "1");
        CHECK_STR(cell(out[EMP], 0, "x_a"), "1");
        CHECK_STR(cell(out[EMP], 0, "x_b"), "1");
    }
}

static void test_values(void)
{
    int st = parse("{\"candidates\": [{"
                   "\"likes\": [\"post\", \"schoonmaak\"], \"none\": [], \"mixed\": [1, true, null, \"a b\"],"
                   "\"skills\": {\"heftruck\": 1, \"lassen\": \"2+\"}, \"empty_obj\": {},"
                   "\"t\": true, \"f\": false, \"n\": null, \"s\": \"\","
                   "\"lim\": 5}]}");
    CHECK(st == MW_OK);
    Table *t = out[CAND];
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK_STR(cell(t, 0, "likes"), "post|schoonmaak");
    CHECK_STR(cell(t, 0, "none"), "");
    CHECK_STR(cell(t, 0, "mixed"), "1|1||a b");
    CHECK_STR(cell(t, 0, "skills"), "heftruck:1|lassen:2+");
    CHECK_STR(cell(t, 0, "empty_obj"), "");
    CHECK_STR(cell(t, 0, "t"), "1");
    CHECK_STR(cell(t, 0, "f"), "0");
    CHECK_STR(cell(t, 0, "n"), "");
    CHECK_STR(cell(t, 0, "s"), "");
    CHECK_STR(cell(t, 0, "lim"), "5");          /* not an object: an ordinary column */
}

static void test_numbers(void)
{
    int st = parse("{\"tasks\": [{\"a\": 0.1, \"b\": 3, \"c\": 3.0, \"d\": -0, \"e\": 2.5e1,"
                   " \"f\": 0.30000000000000004, \"g\": -7.25, \"h\": 123456789012, \"i\": 1e300,"
                   " \"j\": 1E-7, \"k\": 0.5}]}");
    CHECK(st == MW_OK);
    Table *t = out[TASKS];
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK_STR(cell(t, 0, "a"), "0.1");
    CHECK_STR(cell(t, 0, "b"), "3");
    CHECK_STR(cell(t, 0, "c"), "3");
    CHECK_STR(cell(t, 0, "d"), "0");
    CHECK_STR(cell(t, 0, "e"), "25");
    CHECK_STR(cell(t, 0, "f"), "0.30000000000000004");
    CHECK_STR(cell(t, 0, "g"), "-7.25");
    CHECK_STR(cell(t, 0, "h"), "123456789012");
    CHECK_STR(cell(t, 0, "i"), "1e+300");
    CHECK_STR(cell(t, 0, "j"), "0.0000001");
    CHECK_STR(cell(t, 0, "k"), "0.5");
    expect_error("{\"tasks\": [{\"a\": 1e400}]}", "data.json: tasks[0]: column 'a': number out of range");
}

static void test_policy(void)
{
    int st = parse("{\"policy\": {\"name\": \"x\", \"min_wage_hour\": 14.06, \"_c\": [1, 2]}, \"tasks\": []}");
    CHECK(st == MW_OK);
    CHECK_STR(policy, "{\"name\":\"x\",\"min_wage_hour\":14.06,\"_c\":[1,2]}");
    CHECK(out[TASKS] != NULL);
    /* the caller may not want the policy */
    reset();
    const char *src = "{\"policy\": {\"a\": 1}}";
    st = json_parse_tables(src, strlen(src), "data.json", NT, names, out, NULL, &errs);
    CHECK(st == MW_OK);
    expect_error("{\"policy\": [1]}", "data.json: 'policy' must be an object");
}

static void test_errors(void)
{
    expect_error("{\n  \"tasks\": [\n    {\"id\": }\n  ]\n}",
                 "data.json:3: invalid JSON near line 3, column 12");
    CHECK(errs.n == 1 && errs.items[0].line == 3);
    expect_error("{\"tasks\": [1, 2,]}", "data.json:1: invalid JSON near line 1, column 17");
    expect_error("{\"tasks\": []} x", "data.json:1: invalid JSON near line 1, column 15");
    expect_error("{\"t\xC3\xA9\": \n\"\xC3\xA9\xC3\xA9\" x}", "data.json:2: invalid JSON near line 2, column 6");   /* characters, not bytes */
    expect_error("", "data.json:1: invalid JSON near line 1, column 1");
    expect_error("[{\"id\": 1}]", "data.json: expected a JSON object at the top level");
    expect_error("\"tasks\"", "data.json: expected a JSON object at the top level");
    expect_error("{\"tasks\": 5}", "data.json: 'tasks' must be an array of objects");
    expect_error("{\"tasks\": [{}, 3]}", "data.json: tasks[1]: 'tasks' must be an array of objects");
    CHECK_STR(errs.items[0].where, "tasks[1]");
    CHECK(errs.items[0].line == 0);
    expect_error("{\"tasks\": [], \"taken\": []}", "data.json: unknown table 'taken'");
    expect_error("{\"tasks\": [], \"tasks\": []}", "data.json: duplicate key 'tasks'");
    expect_error("{\"tasks\": [{\"id\": \"a\"}, {\"id\": \"b\", \"skills\": {\"a\": [1]}}]}",
                 "data.json: tasks[1]: column 'skills': unsupported nested value");
    CHECK_STR(errs.items[0].column, "skills");
    expect_error("{\"tasks\": [{\"likes\": [[\"a\"]]}]}",
                 "data.json: tasks[0]: column 'likes': unsupported nested value");
    expect_error("{\"tasks\": [{\"lim\": {\"tillen\": {\"a\": {}}}}]}",
                 "data.json: tasks[0]: column 'lim.tillen': unsupported nested value");
    expect_error("{\"tasks\": [{\"id\": \"a\", \"id\": \"b\"}]}",
                 "data.json: tasks[0]: column 'id': duplicate column 'id'");
    expect_error("{\"tasks\": [{\"lim.tillen\": 1, \"lim\": {\"tillen\": 2}}]}",
                 "data.json: tasks[0]: column 'lim.tillen': duplicate column 'lim.tillen'");
    expect_error("{\"tasks\": [{\"\": 1}]}", "data.json: tasks[0]: empty column name");
    expect_error("{\"tasks\": [{\"id\": \"\xff\"}]}", "data.json: tasks[0]: column 'id': invalid UTF-8");
    /* errors in several tables are all reported */
    int st = parse("{\"tasks\": 1, \"jobs\": [2], \"foo\": {}}");
    CHECK(st == MW_EINPUT);
    CHECK(errs.n == 3);
    /* a NUL byte */
    static const char nul[] = "{\"tasks\":\n [\0]}";
    reset();
    st = json_parse_tables(nul, sizeof nul - 1, "data.json", NT, names, out, &policy, &errs);
    CHECK(st == MW_EINPUT);
    CHECK_STR(first_error(), "data.json:2: NUL byte at line 2, column 3");
}

/* The same records as CSV and as JSON give the same cells. */
static void test_same_as_csv(void)
{
    const char *csv = "id;lim.tillen;likes;skills;x_note;first_job\n"
                      "c1;1;post|schoonmaak;heftruck:1|lassen:2;hoi;1\n"
                      "c2;0,5;;;;0\n";
    const char *json = "{\"candidates\": ["
                       "{\"id\": \"c1\", \"lim\": {\"tillen\": 1}, \"likes\": [\"post\", \"schoonmaak\"],"
                       " \"skills\": {\"heftruck\": 1, \"lassen\": 2}, \"x\": {\"note\": \"hoi\"}, \"first_job\": true},"
                       "{\"id\": \"c2\", \"lim\": {\"tillen\": \"0,5\"}, \"likes\": [], \"skills\": {},"
                       " \"x\": {\"note\": null}, \"first_job\": false}]}";
    int st = -1;
    MwErrors e;
    mw_errors_init(&e, 0);
    Table *c = csv_parse_table(csv, strlen(csv), "candidates.csv", "candidates", &e, &st);
    CHECK(c != NULL);
    CHECK(parse(json) == MW_OK);
    Table *j = out[CAND];
    CHECK(j != NULL);
    if (c && j) {
        CHECK(c->ncols == j->ncols && c->nrows == j->nrows);
        for (int col = 0; col < c->ncols && col < j->ncols; col++) {
            CHECK_STR(c->cols[col], j->cols[col]);
            for (int r = 0; r < c->nrows && r < j->nrows; r++)
                CHECK_STR(table_cell(c, r, col), table_cell(j, r, col));
        }
    }
    table_free(c);
    mw_errors_free(&e);
}

static void test_read_file(void)
{
    char path[] = "/tmp/mw_test_json_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    const char *src = "{\"jobs\": [{\"id\": \"j1\"}], \"policy\": {}}";
    CHECK(write(fd, src, strlen(src)) == (ssize_t)strlen(src));
    close(fd);
    reset();
    int st = json_read_tables(path, "data.json", NT, names, out, &policy, &errs);
    CHECK(st == MW_OK);
    CHECK(out[JOBS] && out[JOBS]->nrows == 1);
    CHECK_STR(policy, "{}");
    unlink(path);
    reset();
    st = json_read_tables("/nonexistent/data.json", "data.json", NT, names, out, &policy, &errs);
    CHECK(st == MW_EIO);
    CHECK_STR(first_error(), "data.json: cannot open: No such file or directory");
    CHECK(policy == NULL && out[JOBS] == NULL);
}

/* Fails each mw allocation of a successful parse in turn: each run gives
 * MW_ENOMEM, no tables, no policy and no error; ASan checks for leaks. */
static void sweep(const char *src, const char *path)
{
    reset();
    long before = mw_alloc_count();
    int st = path ? json_read_tables(path, "data.json", NT, names, out, &policy, &errs)
                  : json_parse_tables(src, strlen(src), "data.json", NT, names, out, &policy, &errs);
    long k = mw_alloc_count() - before;
    CHECK(st == MW_OK);
    CHECK(k > 5);
    int nomem = 0;
    for (long n = 1; n <= k + 1; n++) {
        reset();
        mw_alloc_fail_at(n);
        st = path ? json_read_tables(path, "data.json", NT, names, out, &policy, &errs)
                  : json_parse_tables(src, strlen(src), "data.json", NT, names, out, &policy, &errs);
        mw_alloc_fail_at(0);
        if (st == MW_ENOMEM) {
            int clean = errs.n == 0 && policy == NULL;
            for (int i = 0; i < NT; i++)
                clean = clean && out[i] == NULL;
            nomem += clean;
        } else
            CHECK(n == k + 1 && st == MW_OK);
    }
    CHECK(nomem == k);
    reset();
}

static void test_alloc_sweep(void)
{
    const char *src = "{\"candidates\": [{\"id\": \"c1\", \"lim\": {\"tillen\": 1}, \"likes\": [\"a\", \"b\"]},"
                      " {\"id\": \"c2\", \"x\": {\"n\": 0.25}, \"skills\": {\"h\": 1}}],"
                      " \"tasks\": [{\"id\": \"t\"}], \"policy\": {\"a\": 1}}";
    sweep(src, NULL);

    /* many columns and rows: rehashing, name and value buffers, arena blocks */
    size_t cap = 400 * 1024, k = 0;
    char *big = malloc(cap);
    CHECK(big != NULL);
    if (!big)
        return;
    k += (size_t)snprintf(big + k, cap - k, "{\"tasks\": [");
    for (int r = 0; r < 300; r++) {
        k += (size_t)snprintf(big + k, cap - k, "%s{\"id\": \"t%d\", \"load\": {", r ? "," : "", r);
        for (int c = 0; c < 40; c++)
            k += (size_t)snprintf(big + k, cap - k, "%s\"d%d\": %d", c ? "," : "", (r + c) % 50, c);
        k += (size_t)snprintf(big + k, cap - k, "}, \"tags\": [\"%0300d\", \"b\"]}", r);
    }
    snprintf(big + k, cap - k, "]}");
    sweep(big, NULL);

    char path[] = "/tmp/mw_test_json_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0) {
        CHECK(write(fd, big, strlen(big)) == (ssize_t)strlen(big));
        close(fd);
        sweep(NULL, path);
        unlink(path);
    }
    free(big);
}

int main(void)
{
    mw_errors_init(&errs, 0);
    test_basic();
    test_flatten();
    test_values();
    test_numbers();
    test_policy();
    test_errors();
    test_same_as_csv();
    test_read_file();
    test_alloc_sweep();
    reset();
    mw_errors_free(&errs);
    return check_report("test_json");
}
