/* csv.c — turns CSV text (as Excel and LibreOffice save it) into a Table of
 * string cells with the physical line of every record; also table_col and
 * table_free. Layer: input. Uses libcsv for the quoting rules; knows nothing
 * about what the columns mean, about the Model, JSON or GLPK.
 */
#include "table.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Longest piece handed to csv_parse at once: bounds how far one libcsv
 * buffer growth must reach (see csv_feed). */
enum { CSV_PIECE = 64 * 1024 };

int table_col(const Table *t, const char *name)
{
    for (int i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i], name) == 0)
            return i;
    return -1;
}

void table_free(Table *t)
{
    if (!t)
        return;
    mw_arena_free(&t->arena);
    mw_free(t);
}

/* ---- helpers ----------------------------------------------------------- */

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. */
static int utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            k = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else
            return 0;
        if (n - i <= k)
            return 0;
        if (s[i + 1] < lo || s[i + 1] > hi)
            return 0;
        for (size_t j = 2; j <= k; j++)
            if (s[i + j] < 0x80 || s[i + j] > 0xBF)
                return 0;
        i += k + 1;
    }
    return 1;
}

/* A physical line ends at LF, CRLF or a lone CR (libcsv ends records at
 * each of them). Returns the offset just past the line end. */
static size_t line_end(const unsigned char *d, size_t pos, size_t len, int *crlf)
{
    while (pos < len && d[pos] != '\n' && d[pos] != '\r')
        pos++;
    if (pos == len)
        return pos;
    if (d[pos] == '\r' && pos + 1 < len && d[pos + 1] == '\n') {
        *crlf = 1;
        return pos + 2;
    }
    return pos + 1;
}

/* The physical line (same rule as line_end) of the byte at off; d[off] exists. */
static int line_of(const unsigned char *d, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++)
        if (d[i] == '\n' || (d[i] == '\r' && d[i + 1] != '\n'))
            line++;
    return line;
}

/* The delimiter is the one of ';' ',' and tab that occurs most often outside
 * quotes in the header line (the first line with anything but blanks). Ties
 * go to ';' (what Excel writes in a Dutch locale), then ',', then tab; a
 * header with none of them is one column, read with ','. */
static char detect_delim(const unsigned char *d, size_t len)
{
    size_t pos = 0;
    int crlf = 0;
    while (pos < len) {
        size_t end = line_end(d, pos, len, &crlf);
        size_t i = pos;
        while (i < end && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
            i++;
        if (i < end)
            break;
        pos = end;
    }
    size_t semi = 0, comma = 0, tab = 0;
    int quoted = 0;
    for (size_t i = pos; i < len; i++) {
        unsigned char ch = d[i];
        if (ch == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (ch == '\n' || ch == '\r')
            break;
        else if (ch == ';')
            semi++;
        else if (ch == ',')
            comma++;
        else if (ch == '\t')
            tab++;
    }
    if (semi == 0 && comma == 0 && tab == 0)
        return ',';
    if (semi >= comma && semi >= tab)
        return ';';
    if (comma >= tab)
        return ',';
    return '\t';
}

/* ---- the parse --------------------------------------------------------- */

typedef struct {
    Table *t;
    MwErrors *err;
    int status;          /* MW_OK or MW_ENOMEM */
    int nerr;            /* errors this parse reported */
    int stop;            /* the header is bad: ignore the rest */
    int line;            /* physical line being fed to libcsv */
    int rec_line;        /* line where the current record started; 0 = none yet */
    char *empty;         /* the shared "" of every empty cell */
    char **fields;       /* the current record, strings in the arena */
    int nfields, fcap;
    int have_header;
    char **cells;        /* rows so far (mw_realloc'd; moved to the arena at the end) */
    size_t ncells, cellcap;
    int *lines;
    int nrows, rowcap;
} CsvCtx;

static void csv_report(CsvCtx *c, int line, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void csv_report(CsvCtx *c, int line, const char *column, const char *fmt, ...)
{
    char msg[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->nerr++;
    if (c->err)
        mw_error_add(c->err, c->t->file, line, "", column, "%s", msg);
}

/* Copies a field into the arena; a CRLF inside a quoted field becomes LF. */
static char *copy_field(MwArena *a, const char *s, size_t n)
{
    if (!memchr(s, '\r', n))
        return mw_arena_strndup(a, s, n);
    char *d = mw_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
            continue;
        d[j++] = s[i];
    }
    d[j] = '\0';
    return d;
}

static void on_field(void *s, size_t len, void *data)
{
    CsvCtx *c = data;
    if (c->status != MW_OK || c->stop)
        return;
    if (!c->rec_line)
        c->rec_line = c->line;
    if (c->nfields == c->fcap) {
        void *p = c->fields;
        if (mw_grow(&p, &c->fcap, c->nfields + 1, sizeof *c->fields) != MW_OK) {
            c->status = MW_ENOMEM;
            return;
        }
        c->fields = p;
    }
    char *cell = c->empty;
    if (len) {
        if (!utf8_valid(s, len)) {
            int i = c->nfields;
            csv_report(c, c->rec_line, c->have_header && i < c->t->ncols ? c->t->cols[i] : "",
                      "invalid UTF-8");
        }
        cell = copy_field(&c->t->arena, s, len);
        if (!cell) {
            c->status = MW_ENOMEM;
            return;
        }
    }
    c->fields[c->nfields++] = cell;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* Header names are trimmed even when quoted. Trailing empty names are
 * dropped (Excel writes trailing delimiters when its used range is wider
 * than the data); any other empty name, or a repeated one, is an error. */
static void take_header(CsvCtx *c, char **f, int n, int line)
{
    for (int i = 0; i < n; i++)
        f[i] = trim(f[i]);
    while (n > 0 && f[n - 1][0] == '\0')
        n--;
    int bad = 0;
    for (int i = 0; i < n; i++) {
        if (f[i][0] == '\0') {
            csv_report(c, line, "", "empty column name in header (column %d)", i + 1);
            bad = 1;
            continue;
        }
        for (int j = 0; j < i; j++)
            if (strcmp(f[i], f[j]) == 0) {
                csv_report(c, line, f[i], "duplicate column '%s'", f[i]);
                bad = 1;
                break;
            }
    }
    if (bad) {
        c->stop = 1;
        return;
    }
    char **cols = mw_arena_alloc(&c->t->arena, (size_t)n * sizeof *cols);
    if (!cols) {
        c->status = MW_ENOMEM;
        return;
    }
    memcpy(cols, f, (size_t)n * sizeof *cols);
    c->t->cols = cols;
    c->t->ncols = n;
    c->have_header = 1;
}

static void on_record(int ch, void *data)
{
    CsvCtx *c = data;
    (void)ch;
    int n = c->nfields;
    int line = c->rec_line ? c->rec_line : c->line;
    c->nfields = 0;
    c->rec_line = 0;
    if (c->status != MW_OK || c->stop)
        return;
    int blank = 1;
    for (int i = 0; i < n && blank; i++)
        if (c->fields[i][0])
            blank = 0;
    if (blank)
        return;
    if (!c->have_header) {
        take_header(c, c->fields, n, line);
        return;
    }
    int ncols = c->t->ncols;
    if (n > ncols) {
        for (int i = ncols; i < n; i++)
            if (c->fields[i][0]) {
                csv_report(c, line, "", "expected %d fields, got %d", ncols, n);
                return;
            }
        n = ncols;
    }
    if (c->ncells + (size_t)ncols > c->cellcap) {
        size_t cap = c->cellcap ? c->cellcap * 2 : (size_t)ncols * 256;
        char **cells = mw_realloc(c->cells, cap * sizeof *cells);
        if (!cells) {
            c->status = MW_ENOMEM;
            return;
        }
        c->cells = cells;
        c->cellcap = cap;
    }
    if (c->nrows == c->rowcap) {
        void *p = c->lines;
        if (c->nrows == 0x3fffffff || mw_grow(&p, &c->rowcap, c->nrows + 1, sizeof *c->lines) != MW_OK) {
            c->status = MW_ENOMEM;
            return;
        }
        c->lines = p;
    }
    char **row = c->cells + c->ncells;
    memcpy(row, c->fields, (size_t)n * sizeof *row);
    for (int i = n; i < ncols; i++)
        row[i] = c->empty;
    c->ncells += (size_t)ncols;
    c->lines[c->nrows++] = line;
}

/* Hands [pos, end) to libcsv in pieces. Before each piece the growth step of
 * libcsv's field buffer is raised to at least the piece length and the
 * current buffer size, so a long field costs O(log n) reallocations instead
 * of libcsv's default 128-byte steps. Returns MW_OK or MW_ENOMEM. */
static int csv_feed(struct csv_parser *p, const unsigned char *d, size_t pos, size_t end, CsvCtx *c)
{
    while (pos < end) {
        size_t m = end - pos < CSV_PIECE ? end - pos : CSV_PIECE;
        size_t blk = p->entry_size > m ? p->entry_size : m;
        csv_set_blk_size(p, blk < 128 ? 128 : blk);
        if (csv_parse(p, d + pos, m, on_field, on_record, c) != m)
            return MW_ENOMEM;     /* libcsv's own buffer (CSV_ENOMEM / CSV_ETOOBIG) */
        if (c->status != MW_OK)
            return c->status;
        pos += m;
    }
    return MW_OK;
}

Table *csv_parse_table(const char *data, size_t len, const char *display,
                       const char *name, MwErrors *err, int *status)
{
    int st_local;
    if (!status)
        status = &st_local;
    *status = MW_OK;
    const unsigned char *d = (const unsigned char *)data;
    CsvCtx c;
    memset(&c, 0, sizeof c);
    c.err = err;
    struct csv_parser p;
    int p_inited = 0;

    Table *t = mw_calloc(1, sizeof *t);
    if (!t)
        goto nomem;
    mw_arena_init(&t->arena);
    snprintf(t->file, sizeof t->file, "%s", display ? display : "");
    snprintf(t->name, sizeof t->name, "%s", name ? name : "");
    c.t = t;
    c.empty = mw_arena_alloc(&t->arena, 1);
    if (!c.empty)
        goto nomem;

    size_t pos = 0;
    if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF) {
        t->had_bom = 1;
        pos = 3;
    }
    const unsigned char *nul = memchr(d + pos, '\0', len - pos);
    if (nul) {
        csv_report(&c, line_of(d, (size_t)(nul - d)), "",
                  "NUL byte (a binary or UTF-16 file? save as CSV UTF-8)");
        goto input;
    }
    t->delim = detect_delim(d + pos, len - pos);

    if (csv_init(&p, 0) != 0)
        goto nomem;
    p_inited = 1;
    csv_set_delim(&p, (unsigned char)t->delim);
    csv_set_realloc_func(&p, mw_realloc);
    csv_set_free_func(&p, mw_free);

    int line = 1;
    while (pos < len && !c.stop) {
        size_t end = line_end(d, pos, len, &t->had_crlf);
        c.line = line;
        if (csv_feed(&p, d, pos, end, &c) != MW_OK)
            goto nomem;
        /* A record whose first field is quoted and spans lines reports no
         * field on its first line; the parser's state shows it began here. */
        if (!c.rec_line && p.quoted)
            c.rec_line = line;
        pos = end;
        line++;
    }
    if (!c.stop) {
        /* End the last record even without a final newline. A quoted field
         * still open after a line end is unterminated. */
        c.line = line > 1 ? line - 1 : 1;
        if (csv_feed(&p, (const unsigned char *)"\n", 0, 1, &c) != MW_OK)
            goto nomem;
        if (p.quoted) {
            csv_report(&c, c.rec_line ? c.rec_line : c.line, "", "unterminated quoted field");
            goto input;
        }
    }
    csv_free(&p);
    p_inited = 0;
    if (c.nerr)
        goto input;
    if (!c.have_header) {
        csv_report(&c, 0, "", "empty file: no header line");
        goto input;
    }

    /* The arena owns the final arrays. */
    t->nrows = c.nrows;
    t->cells = mw_arena_alloc(&t->arena, (c.ncells ? c.ncells : 1) * sizeof *t->cells);
    t->row_line = mw_arena_alloc(&t->arena, (c.nrows ? (size_t)c.nrows : 1) * sizeof *t->row_line);
    if (!t->cells || !t->row_line)
        goto nomem;
    if (c.ncells)
        memcpy(t->cells, c.cells, c.ncells * sizeof *t->cells);
    if (c.nrows)
        memcpy(t->row_line, c.lines, (size_t)c.nrows * sizeof *t->row_line);
    mw_free(c.cells);
    mw_free(c.lines);
    mw_free(c.fields);
    return t;

nomem:
    *status = MW_ENOMEM;
    goto fail;
input:
    *status = MW_EINPUT;
fail:
    if (p_inited)
        csv_free(&p);
    mw_free(c.cells);
    mw_free(c.lines);
    mw_free(c.fields);
    table_free(t);
    return NULL;
}

/* Reads a whole file into mw_malloc'ed memory (NUL-terminated). Returns
 * MW_OK, MW_ENOMEM, or MW_EIO with errno's text in err. */
static int read_file(const char *path, const char *display, char **out, size_t *outlen,
                     MwErrors *err)
{
    *out = NULL;
    *outlen = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        if (err)
            mw_error_add(err, display, 0, "", "", "cannot open: %s", strerror(e));
        return MW_EIO;
    }
    size_t cap = 64 * 1024, n = 0;
    char *buf = mw_malloc(cap);
    if (!buf) {
        fclose(f);
        return MW_ENOMEM;
    }
    for (;;) {
        if (cap - n < 2) {
            char *nb = cap > ((size_t)-1) / 2 ? NULL : mw_realloc(buf, cap * 2);
            if (!nb) {
                mw_free(buf);
                fclose(f);
                return MW_ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        mw_free(buf);
        fclose(f);
        if (err)
            mw_error_add(err, display, 0, "", "", "cannot read: %s", strerror(e));
        return MW_EIO;
    }
    fclose(f);
    buf[n] = '\0';
    *out = buf;
    *outlen = n;
    return MW_OK;
}

Table *csv_read_table(const char *path, const char *display, const char *name,
                      MwErrors *err, int *status)
{
    int st_local;
    if (!status)
        status = &st_local;
    char *buf;
    size_t len;
    *status = read_file(path, display, &buf, &len, err);
    if (*status != MW_OK)
        return NULL;
    Table *t = csv_parse_table(buf, len, display, name, err, status);
    mw_free(buf);
    return t;
}
