/* test_csv.c — unit tests for the CSV table reader (engine/input/csv.c):
 * delimiters, BOM, line ends, quoting, record lines, padding, every error
 * message, and a fail-the-Nth-allocation sweep. Layer: tests; links the
 * engine objects and knows only table.h.
 */
#include "../../engine/input/table.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static MwErrors errs;

static Table *parse(const char *s, int *st)
{
    mw_errors_free(&errs);
    mw_errors_init(&errs, 0);
    return csv_parse_table(s, strlen(s), "t.csv", "t", &errs, st);
}

static Table *parse_n(const char *s, size_t n, int *st)
{
    mw_errors_free(&errs);
    mw_errors_init(&errs, 0);
    return csv_parse_table(s, n, "t.csv", "t", &errs, st);
}

/* The first error as "file:line: ...". */
static const char *first_error(void)
{
    static char buf[600];
    if (errs.n == 0)
        return "(no error)";
    mw_error_format(&errs.items[0], buf, sizeof buf);
    return buf;
}

static void expect_error(const char *src, const char *want)
{
    int st = -1;
    Table *t = parse(src, &st);
    CHECK(t == NULL);
    CHECK(st == MW_EINPUT);
    CHECK_STR(first_error(), want);
    table_free(t);
}

static void test_comma(void)
{
    int st = -1;
    Table *t = parse("id,name\n1,a\n2,b\n", &st);
    CHECK(t != NULL);
    CHECK(st == MW_OK);
    if (!t)
        return;
    CHECK(t->delim == ',');
    CHECK(!t->had_bom && !t->had_crlf && !t->is_json);
    CHECK_STR(t->file, "t.csv");
    CHECK_STR(t->name, "t");
    CHECK(t->ncols == 2 && t->nrows == 2);
    CHECK_STR(t->cols[0], "id");
    CHECK_STR(t->cols[1], "name");
    CHECK_STR(table_cell(t, 0, 0), "1");
    CHECK_STR(table_cell(t, 1, 1), "b");
    CHECK(t->row_line[0] == 2 && t->row_line[1] == 3);
    CHECK(table_col(t, "name") == 1);
    CHECK(table_col(t, "id") == 0);
    CHECK(table_col(t, "nope") == -1);
    table_free(t);
}

static void test_semicolon(void)
{
    int st = -1;
    Table *t = parse("id;name;hours\n1;a,b;0,5\n", &st);
    CHECK(t && st == MW_OK);
    if (!t)
        return;
    CHECK(t->delim == ';');
    CHECK(t->ncols == 3 && t->nrows == 1);
    CHECK_STR(table_cell(t, 0, 1), "a,b");
    CHECK_STR(table_cell(t, 0, 2), "0,5");
    table_free(t);
}

static void test_tab(void)
{
    int st = -1;
    Table *t = parse("id\tname\tnote\n1\t a b \t\n", &st);
    CHECK(t && st == MW_OK);
    if (!t)
        return;
    CHECK(t->delim == '\t');
    CHECK(t->ncols == 3 && t->nrows == 1);
    CHECK_STR(table_cell(t, 0, 1), "a b");
    CHECK_STR(table_cell(t, 0, 2), "");
    table_free(t);
}

static char delim_of(const char *src)
{
    int st = -1;
    Table *t = parse(src, &st);
    char d = t ? t->delim : '?';
    table_free(t);
    return d;
}

static void test_delim_detection(void)
{
    CHECK(delim_of("a;b,c\n") == ';');             /* tie: ';' wins */
    CHECK(delim_of("a,b\tc\n") == ',');            /* tie: ',' over tab */
    CHECK(delim_of("a;b\tc\n") == ';');
    CHECK(delim_of("a,b,c;d\n") == ',');           /* most frequent */
    CHECK(delim_of("a\tb\tc,d\n") == '\t');
    CHECK(delim_of("\"x,y,z\";b\n") == ';');       /* quoted delimiters do not count */
    CHECK(delim_of("\n  \n\"a;b\"\tc\n") == '\t'); /* blank lines before the header */
    int st = -1;
    Table *t = parse("id\n1\n2\n", &st);           /* one column, no delimiter */
    CHECK(t && st == MW_OK);
    if (t) {
        CHECK(t->delim == ',');
        CHECK(t->ncols == 1 && t->nrows == 2);
        CHECK_STR(table_cell(t, 1, 0), "2");
    }
    table_free(t);
}

static void test_bom_crlf(void)
{
    int st = -1;
    Table *t = parse("\xEF\xBB\xBFid;name\r\n1;a\r\n2;b\r\n", &st);
    CHECK(t && st == MW_OK);
    if (!t)
        return;
    CHECK(t->had_bom && t->had_crlf);
    CHECK_STR(t->cols[0], "id");
    CHECK(t->nrows == 2);
    CHECK_STR(table_cell(t, 1, 1), "b");
    CHECK(t->row_line[0] == 2 && t->row_line[1] == 3);
    table_free(t);
}

static void test_lone_cr(void)
{
    int st = -1;
    Table *t = parse("id,x\r1,a\r\r2,b", &st);
    CHECK(t && st == MW_OK);
    if (!t)
        return;
    CHECK(!t->had_crlf);
    CHECK(t->nrows == 2);
    CHECK(t->row_line[0] == 2 && t->row_line[1] == 4);
    CHECK_STR(table_cell(t, 1, 1), "b");
    table_free(t);
}

static void test_embedded_newlines(void)
{
    int st = -1;
    Table *t = parse("id,note,x\n1,\"l1\r\nl2\nl3\",a\n2,b,c\n", &st);
    CHECK(t && st == MW_OK);
    if (t) {
        CHECK(t->nrows == 2);
        CHECK_STR(table_cell(t, 0, 1), "l1\nl2\nl3");   /* CRLF inside quotes -> LF */
        CHECK_STR(table_cell(t, 0, 2), "a");
        CHECK(t->row_line[0] == 2);
        CHECK(t->row_line[1] == 5);
    }
    table_free(t);
    /* the record's first field is the multi-line one */
    t = parse("id,x\r\n\"a\r\n\r\nb\",1\r\n\"c\",2\r\n", &st);
    CHECK(t && st == MW_OK);
    if (t) {
        CHECK(t->nrows == 2);
        CHECK_STR(table_cell(t, 0, 0), "a\n\nb");
        CHECK(t->row_line[0] == 2);
        CHECK(t->row_line[1] == 5);
    }
    table_free(t);
    /* a quoted newline in the header */
    t = parse("\"i\nd\",x\n1,2\n", &st);
    CHECK(t && st == MW_OK);
    if (t) {
        CHECK_STR(t->cols[0], "i\nd");
        CHECK(t->row_line[0] == 3);
    }
    table_free(t);
}

static void test_quotes(void)
{
    int st = -1;
    Table *t = parse("id,q,r\n1,\"say \"\"hi\"\", ok\",\"\"\"\"\n2,\"a;b\",\"\"\n", &st);
    CHECK(t && st == MW_OK);
    if (!t)
        return;
    CHECK_STR(table_cell(t, 0, 1), "say \"hi\", ok");
    CHECK_STR(table_cell(t, 0, 2), "\"");
    CHECK_STR(table_cell(t, 1, 1), "a;b");
    CHECK_STR(table_cell(t, 1, 2), "");
    table_free(t);
    /* a quote inside an unquoted field is a literal character */
    t = parse("id,size\n1,5\" screen\n", &st);
    CHECK(t && st == MW_OK);
    if (t)
        CHECK_STR(table_cell(t, 0, 1), "5\" screen");
    table_free(t);
    /* closing quote is the last byte of the file */
    t = parse("id,x\n1,\"a\"", &st);
    CHECK(t && st == MW_OK);
    if (t)
        CHECK_STR(table_cell(t, 0, 1), "a");
    table_free(t);
}

static void test_trimming(void)
{
    int st = -1;
    Table *t = parse("  id , \" name \" ,x\n  1 ,  \" a \" , b c \n", &st);
    CHECK(t && st == MW_OK);
    if (!t)
        return;
    CHECK_STR(t->cols[0], "id");
    CHECK_STR(t->cols[1], "name");                /* header names: always trimmed */
    CHECK_STR(table_cell(t, 0, 0), "1");
    CHECK_STR(table_cell(t, 0, 1), " a ");        /* quoted cells keep their spaces */
    CHECK_STR(table_cell(t, 0, 2), "b c");
    table_free(t);
}

static void test_padding_and_trailing(void)
{
    int st = -1;
    Table *t = parse("a,b,c\n1\n2,3\n4,5,6,,\n", &st);
    CHECK(t && st == MW_OK);
    if (t) {
        CHECK(t->nrows == 3);
        CHECK_STR(table_cell(t, 0, 0), "1");
        CHECK_STR(table_cell(t, 0, 1), "");
        CHECK_STR(table_cell(t, 0, 2), "");
        CHECK_STR(table_cell(t, 1, 1), "3");
        CHECK_STR(table_cell(t, 1, 2), "");
        CHECK_STR(table_cell(t, 2, 2), "6");      /* trailing empty fields dropped */
    }
    table_free(t);
    /* Excel's trailing delimiters on every line, header included */
    t = parse("a;b;;\r\n1;2;;\r\n;;;\r\n3;;;\r\n", &st);
    CHECK(t && st == MW_OK);
    if (t) {
        CHECK(t->ncols == 2);
        CHECK(t->nrows == 2);
        CHECK_STR(table_cell(t, 1, 0), "3");
        CHECK(t->row_line[1] == 4);
    }
    table_free(t);
}

static void test_blank_lines(void)
{
    int st = -1;
    Table *t = parse("\n\nid,x\n\n1,a\n,,\n   \n\"\",\"\"\n\n2,b\n\n", &st);
    CHECK(t && st == MW_OK);
    if (!t)
        return;
    CHECK(t->nrows == 2);
    CHECK(t->row_line[0] == 5);
    CHECK(t->row_line[1] == 10);
    CHECK_STR(table_cell(t, 1, 1), "b");
    table_free(t);
}

static void test_errors(void)
{
    expect_error("a,b\n1,2\n1,2,3\n", "t.csv:3: expected 2 fields, got 3");
    expect_error("a;b\n1;2;;x\n", "t.csv:2: expected 2 fields, got 4");
    expect_error("id,name,id\n1,2,3\n", "t.csv:1: column 'id': duplicate column 'id'");
    expect_error("id,,name\n", "t.csv:1: empty column name in header (column 2)");
    expect_error(" , a\n", "t.csv:1: empty column name in header (column 1)");
    expect_error("", "t.csv: empty file: no header line");
    expect_error("\xEF\xBB\xBF", "t.csv: empty file: no header line");
    expect_error("\r\n\n  \n", "t.csv: empty file: no header line");
    expect_error(";;;\n;;\n", "t.csv: empty file: no header line");
    expect_error("id,x\n1,a\n2,\"abc\n3,d\n", "t.csv:3: unterminated quoted field");
    expect_error("id,x\n1,\"ab\"\"", "t.csv:2: unterminated quoted field");
    expect_error("\"id,x\n", "t.csv:1: unterminated quoted field");
    expect_error("id,x\n1,\xff\n", "t.csv:2: column 'x': invalid UTF-8");
    expect_error("id,x\n1,a\n2,\xC0\xAF\n", "t.csv:3: column 'x': invalid UTF-8");      /* overlong */
    expect_error("id,x\n1,\xED\xA0\x80\n", "t.csv:2: column 'x': invalid UTF-8");      /* surrogate */
    expect_error("id,x\n1,abc\xE2\x82\n", "t.csv:2: column 'x': invalid UTF-8");       /* truncated */
    expect_error("i\xFF" "d,x\n", "t.csv:1: invalid UTF-8");
    /* a NUL byte: strlen would stop at it, so give the length */
    static const char withnul[] = "id,x\n1,a\n2,b\0c\n";
    int st = -1;
    Table *t = parse_n(withnul, sizeof withnul - 1, &st);
    CHECK(t == NULL && st == MW_EINPUT);
    CHECK_STR(first_error(), "t.csv:3: NUL byte (a binary or UTF-16 file? save as CSV UTF-8)");
    table_free(t);
    /* every bad record is reported, with its own line */
    t = parse("a,b\n1,2,3\n4,5\n6,7,8,9\n", &st);
    CHECK(t == NULL && st == MW_EINPUT);
    CHECK(errs.n == 2);
    if (errs.n == 2) {
        CHECK(errs.items[1].line == 4);
        CHECK_STR(errs.items[1].msg, "expected 2 fields, got 4");
        CHECK_STR(errs.items[1].column, "");
        CHECK_STR(errs.items[1].where, "");
    }
    table_free(t);
}

static void test_valid_utf8(void)
{
    int st = -1;
    Table *t = parse("id,naam\n1,Jos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n", &st);
    CHECK(t && st == MW_OK);
    if (t)
        CHECK_STR(table_cell(t, 0, 1), "Jos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
    table_free(t);
}

/* One field longer than libcsv's piece size, with delimiters and quotes. */
static void test_long_field(void)
{
    size_t n = 300 * 1000;
    char *src = malloc(n + 64);
    CHECK(src != NULL);
    if (!src)
        return;
    size_t k = (size_t)sprintf(src, "id,blob,z\n1,\"");
    for (size_t i = 0; i < n; i++)
        src[k++] = "ab,;\n"[i % 5];
    k += (size_t)sprintf(src + k, "\",end\n2,x,y\n");
    int st = -1;
    Table *t = parse_n(src, k, &st);
    CHECK(t && st == MW_OK);
    if (t) {
        CHECK(t->nrows == 2);
        CHECK(strlen(table_cell(t, 0, 1)) == n);
        CHECK(memcmp(table_cell(t, 0, 1), "ab,;\nab,;\n", 10) == 0);
        CHECK_STR(table_cell(t, 0, 2), "end");
        CHECK(t->row_line[1] == 3 + (int)(n / 5));
    }
    table_free(t);
    free(src);
}

static void test_read_file(void)
{
    char path[] = "/tmp/mw_test_csv_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    const char *src = "id;x\r\n1;2\r\n";
    CHECK(write(fd, src, strlen(src)) == (ssize_t)strlen(src));
    close(fd);
    mw_errors_free(&errs);
    mw_errors_init(&errs, 0);
    int st = -1;
    Table *t = csv_read_table(path, "x.csv", "x", &errs, &st);
    CHECK(t && st == MW_OK);
    if (t) {
        CHECK_STR(t->file, "x.csv");
        CHECK(t->delim == ';' && t->had_crlf);
        CHECK_STR(table_cell(t, 0, 1), "2");
    }
    table_free(t);
    unlink(path);
    t = csv_read_table("/nonexistent/dir/x.csv", "x.csv", "x", &errs, &st);
    CHECK(t == NULL && st == MW_EIO);
    CHECK_STR(first_error(), "x.csv: cannot open: No such file or directory");
    table_free(t);
}

static int same_table(const Table *a, const Table *b)
{
    if (a->ncols != b->ncols || a->nrows != b->nrows || a->delim != b->delim ||
        a->had_bom != b->had_bom || a->had_crlf != b->had_crlf)
        return 0;
    for (int c = 0; c < a->ncols; c++)
        if (strcmp(a->cols[c], b->cols[c]) != 0)
            return 0;
    for (int r = 0; r < a->nrows; r++) {
        if (a->row_line[r] != b->row_line[r])
            return 0;
        for (int c = 0; c < a->ncols; c++)
            if (strcmp(table_cell(a, r, c), table_cell(b, r, c)) != 0)
                return 0;
    }
    return 1;
}

/* Fails each allocation of a successful parse in turn: every run either
 * gives MW_ENOMEM with no table and no error, or (when libcsv recovers by
 * asking for a smaller buffer) the same table as the clean run. ASan checks
 * that nothing leaks. */
static void sweep(const char *src, size_t len, const char *path)
{
    int st = -1;
    mw_errors_free(&errs);
    mw_errors_init(&errs, 0);
    long before = mw_alloc_count();
    Table *ref = path ? csv_read_table(path, "s.csv", "s", &errs, &st)
                      : csv_parse_table(src, len, "s.csv", "s", &errs, &st);
    long k = mw_alloc_count() - before;
    CHECK(ref != NULL && st == MW_OK);
    if (!ref)
        return;
    int nomem = 0, bad = 0;
    for (long n = 1; n <= k + 1; n++) {
        mw_errors_free(&errs);
        mw_errors_init(&errs, 0);
        mw_alloc_fail_at(n);
        Table *t = path ? csv_read_table(path, "s.csv", "s", &errs, &st)
                        : csv_parse_table(src, len, "s.csv", "s", &errs, &st);
        mw_alloc_fail_at(0);
        if (t) {
            if (st != MW_OK || !same_table(t, ref))
                bad++;
        } else if (st == MW_ENOMEM && errs.n == 0)
            nomem++;
        else
            bad++;
        if (n == k + 1)
            CHECK(t != NULL);           /* past the last allocation: success */
        table_free(t);
    }
    CHECK(bad == 0);
    CHECK(nomem >= k - 3);              /* only libcsv's retried buffer growths may succeed */
    table_free(ref);
}

static void test_alloc_sweep(void)
{
    const char *small = "\xEF\xBB\xBFid;name;note\r\n1;a;\"x\r\ny\"\r\n;;\r\n2;\"q\"\"\";\r\n3\r\n";
    sweep(small, strlen(small), NULL);

    /* enough rows and text to grow the cell array and open new arena blocks */
    size_t cap = 600 * 64;
    char *big = malloc(cap);
    CHECK(big != NULL);
    if (!big)
        return;
    size_t k = (size_t)sprintf(big, "id,a,b,c\n");
    for (int r = 0; r < 600; r++)
        k += (size_t)snprintf(big + k, cap - k, "r%d,%d,\"text %d, more\",%s\n", r, r * 7, r,
                              r % 3 ? "x" : "");
    sweep(big, k, NULL);

    char path[] = "/tmp/mw_test_csv_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0) {
        CHECK(write(fd, big, k) == (ssize_t)k);
        close(fd);
        sweep(NULL, 0, path);
        unlink(path);
    }
    free(big);
}

/* 100,000 rows x 40 columns, as a candidates file might be. */
static void test_speed(void)
{
    int rows = 100000, cols = 40;
    size_t cap = (size_t)rows * cols * 12 + 4096, k = 0;
    char *src = malloc(cap);
    CHECK(src != NULL);
    if (!src)
        return;
    for (int c = 0; c < cols; c++)
        k += (size_t)sprintf(src + k, "%scol_%d", c ? ";" : "", c);
    src[k++] = '\n';
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            if (c == 0)
                k += (size_t)sprintf(src + k, "c%06d", r);
            else if (c % 7 == 0)
                k += (size_t)sprintf(src + k, ";\"a;b %d\"", c);
            else if (c % 5 == 0)
                k += (size_t)sprintf(src + k, ";");
            else
                k += (size_t)sprintf(src + k, ";%d,%d", r % 97, c);
        }
        src[k++] = '\r';
        src[k++] = '\n';
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int st = -1;
    Table *t = parse_n(src, k, &st);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double sec = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    CHECK(t && st == MW_OK);
    if (t) {
        CHECK(t->nrows == rows && t->ncols == cols);
        CHECK_STR(table_cell(t, rows - 1, 0), "c099999");
        CHECK_STR(table_cell(t, 5, 7), "a;b 7");
        CHECK(t->row_line[rows - 1] == rows + 1);
    }
    printf("test_csv: %d x %d CSV (%.1f MB) parsed in %.3f s\n", rows, cols, (double)k / 1e6, sec);
    CHECK(sec < 5.0);   /* generous: sanitizer builds are several times slower */
    table_free(t);
    free(src);
}

int main(void)
{
    mw_errors_init(&errs, 0);
    test_comma();
    test_semicolon();
    test_tab();
    test_delim_detection();
    test_bom_crlf();
    test_lone_cr();
    test_embedded_newlines();
    test_quotes();
    test_trimming();
    test_padding_and_trailing();
    test_blank_lines();
    test_errors();
    test_valid_utf8();
    test_long_field();
    test_read_file();
    test_alloc_sweep();
    test_speed();
    mw_errors_free(&errs);
    return check_report("test_csv");
}
