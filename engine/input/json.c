/* json.c — turns data.json (one object with an array of records per table)
 * into Tables of string cells, the same shape csv.c produces, so one loader
 * serves both forms. Layer: input. Uses cJSON for the syntax (its parse tree
 * never leaves this file); knows nothing about what the columns mean, about
 * the Model or GLPK.
 */
#include "table.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- small helpers ----------------------------------------------------- */

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

static int str_valid(const char *s)
{
    return utf8_valid((const unsigned char *)s, strlen(s));
}

/* A growable NUL-terminated byte buffer (mw_realloc'ed). */
typedef struct {
    char *p;
    size_t n, cap;
} Buf;

static int buf_add(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = mw_realloc(b->p, cap);
        if (!p)
            return 0;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 1;
}

static int buf_adds(Buf *b, const char *s)
{
    return buf_add(b, s, strlen(s));
}

/* Column names in first-seen order, with an open-addressing index so a
 * table of many records costs one hash lookup per cell. */
typedef struct {
    char **names;        /* arena strings */
    int n, cap;
    int *slot;           /* index+1, 0 = empty; nslot is a power of two */
    size_t nslot;
} ColSet;

static size_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int colset_find(const ColSet *cs, const char *s)
{
    if (!cs->nslot)
        return -1;
    size_t mask = cs->nslot - 1;
    for (size_t i = hash_str(s) & mask; cs->slot[i]; i = (i + 1) & mask)
        if (strcmp(cs->names[cs->slot[i] - 1], s) == 0)
            return cs->slot[i] - 1;
    return -1;
}

static int colset_add(ColSet *cs, MwArena *a, const char *s)
{
    if ((size_t)(cs->n + 1) * 2 > cs->nslot) {
        size_t nslot = cs->nslot ? cs->nslot * 2 : 64;
        int *slot = mw_calloc(nslot, sizeof *slot);
        if (!slot)
            return MW_ENOMEM;
        for (int k = 0; k < cs->n; k++) {
            size_t i = hash_str(cs->names[k]) & (nslot - 1);
            while (slot[i])
                i = (i + 1) & (nslot - 1);
            slot[i] = k + 1;
        }
        mw_free(cs->slot);
        cs->slot = slot;
        cs->nslot = nslot;
    }
    void *p = cs->names;
    if (mw_grow(&p, &cs->cap, cs->n + 1, sizeof *cs->names) != MW_OK)
        return MW_ENOMEM;
    cs->names = p;
    char *copy = mw_arena_strdup(a, s);
    if (!copy)
        return MW_ENOMEM;
    size_t i = hash_str(s) & (cs->nslot - 1);
    while (cs->slot[i])
        i = (i + 1) & (cs->nslot - 1);
    cs->slot[i] = cs->n + 1;
    cs->names[cs->n++] = copy;
    return MW_OK;
}

static void colset_free(ColSet *cs)
{
    mw_free(cs->names);
    mw_free(cs->slot);
    memset(cs, 0, sizeof *cs);
}

/* ---- tables ------------------------------------------------------------ */

typedef struct JCtx JCtx;
typedef int (*CellFn)(JCtx *c, const char *col, const cJSON *v);

struct JCtx {
    MwErrors *err;
    const char *display;
    int nerr;            /* errors this parse reported */
    int had_bom;
    Table *t;            /* the table being built */
    ColSet cols;
    char **cells;        /* t's cells while filling */
    int row;
    char where[64];      /* "tasks[3]" */
    Buf name, val;       /* scratch */
    char *empty;         /* the shared "" of t */
};

static void json_error(JCtx *c, int line, const char *where, const char *column,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void json_error(JCtx *c, int line, const char *where, const char *column,
                       const char *fmt, ...)
{
    char msg[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->nerr++;
    if (c->err)
        mw_error_add(c->err, c->display, line, where, column, "%s", msg);
}

/* The objects under these keys become columns <key><sep><name>. */
static const char *flatten_sep(const char *key)
{
    if (strcmp(key, "lim") == 0 || strcmp(key, "load") == 0 || strcmp(key, "acc") == 0)
        return ".";
    if (strcmp(key, "x") == 0)
        return "_";
    return NULL;
}

/* Calls fn for every cell of a record, flattened. Returns MW_OK or MW_ENOMEM. */
static int each_cell(JCtx *c, const cJSON *rec, CellFn fn)
{
    const cJSON *m;
    cJSON_ArrayForEach(m, rec) {
        const char *key = m->string ? m->string : "";
        const char *sep = flatten_sep(key);
        int st;
        if (sep && cJSON_IsObject(m)) {
            const cJSON *sub;
            cJSON_ArrayForEach(sub, m) {
                c->name.n = 0;
                if (!buf_adds(&c->name, key) || !buf_adds(&c->name, sep) ||
                    !buf_adds(&c->name, sub->string ? sub->string : ""))
                    return MW_ENOMEM;
                if ((st = fn(c, c->name.p, sub)) != MW_OK)
                    return st;
            }
        } else if ((st = fn(c, key, m)) != MW_OK)
            return st;
    }
    return MW_OK;
}

static int collect_col(JCtx *c, const char *col, const cJSON *v)
{
    (void)v;
    if (!col[0]) {
        json_error(c, 0, c->where, "", "empty column name");
        return MW_OK;
    }
    if (!str_valid(col)) {
        json_error(c, 0, c->where, "", "invalid UTF-8 in a key");
        return MW_OK;
    }
    if (colset_find(&c->cols, col) >= 0)
        return MW_OK;
    return colset_add(&c->cols, &c->t->arena, col);
}

enum { TXT_OK, TXT_NESTED, TXT_RANGE, TXT_UTF8, TXT_NOMEM };

static int scalar_text(Buf *b, const cJSON *v)
{
    const char *s;
    char num[64];
    if (cJSON_IsString(v)) {
        s = v->valuestring;
        if (!str_valid(s))
            return TXT_UTF8;
    } else if (cJSON_IsNumber(v)) {
        if (!isfinite(v->valuedouble))
            return TXT_RANGE;
        mw_fmt_double(num, sizeof num, v->valuedouble);
        s = num;
    } else if (cJSON_IsTrue(v))
        s = "1";
    else if (cJSON_IsFalse(v))
        s = "0";
    else if (cJSON_IsNull(v))
        s = "";
    else
        return TXT_NESTED;
    return buf_adds(b, s) ? TXT_OK : TXT_NOMEM;
}

/* The cell text of a value: arrays join their scalars with '|', objects
 * give "key:value|...". */
static int value_text(Buf *b, const cJSON *v)
{
    b->n = 0;
    if (!buf_add(b, "", 0))
        return TXT_NOMEM;
    if (!cJSON_IsArray(v) && !cJSON_IsObject(v))
        return scalar_text(b, v);
    int obj = cJSON_IsObject(v), first = 1, st;
    const cJSON *it;
    cJSON_ArrayForEach(it, v) {
        if (!first && !buf_add(b, "|", 1))
            return TXT_NOMEM;
        first = 0;
        if (obj) {
            const char *k = it->string ? it->string : "";
            if (!str_valid(k))
                return TXT_UTF8;
            if (!buf_adds(b, k) || !buf_add(b, ":", 1))
                return TXT_NOMEM;
        }
        if ((st = scalar_text(b, it)) != TXT_OK)
            return st;
    }
    return TXT_OK;
}

static int fill_cell(JCtx *c, const char *col, const cJSON *v)
{
    int idx = colset_find(&c->cols, col);
    if (idx < 0)
        return MW_OK;    /* a bad key, reported while collecting columns */
    char **cell = &c->cells[(size_t)c->row * (size_t)c->t->ncols + (size_t)idx];
    if (*cell) {
        json_error(c, 0, c->where, col, "duplicate column '%s'", col);
        return MW_OK;
    }
    const char *s;
    size_t n;
    if (cJSON_IsString(v)) {
        s = v->valuestring;
        n = strlen(s);
        if (!utf8_valid((const unsigned char *)s, n)) {
            json_error(c, 0, c->where, col, "invalid UTF-8");
            return MW_OK;
        }
    } else {
        switch (value_text(&c->val, v)) {
        case TXT_OK:
            break;
        case TXT_NESTED:
            json_error(c, 0, c->where, col, "unsupported nested value");
            return MW_OK;
        case TXT_RANGE:
            json_error(c, 0, c->where, col, "number out of range");
            return MW_OK;
        case TXT_UTF8:
            json_error(c, 0, c->where, col, "invalid UTF-8");
            return MW_OK;
        default:
            return MW_ENOMEM;
        }
        s = c->val.p;
        n = c->val.n;
    }
    *cell = n ? mw_arena_strndup(&c->t->arena, s, n) : c->empty;
    return *cell ? MW_OK : MW_ENOMEM;
}

/* Builds the table called tname from arr. Returns the table, or NULL with
 * *status MW_EINPUT (errors reported) or MW_ENOMEM. */
static Table *json_table(JCtx *c, const char *tname, const cJSON *arr, int *status)
{
    int nerr0 = c->nerr;
    *status = MW_OK;
    Table *t = mw_calloc(1, sizeof *t);
    if (!t)
        goto nomem;
    mw_arena_init(&t->arena);
    snprintf(t->file, sizeof t->file, "%s", c->display);
    snprintf(t->name, sizeof t->name, "%s", tname);
    t->is_json = 1;
    t->had_bom = c->had_bom;
    c->t = t;
    c->empty = mw_arena_alloc(&t->arena, 1);
    if (!c->empty)
        goto nomem;
    if (!cJSON_IsArray(arr)) {
        json_error(c, 0, "", "", "'%s' must be an array of objects", tname);
        goto input;
    }

    int nrows = 0;
    const cJSON *rec;
    cJSON_ArrayForEach(rec, arr) {
        snprintf(c->where, sizeof c->where, "%s[%d]", tname, nrows);
        if (!cJSON_IsObject(rec))
            json_error(c, 0, c->where, "", "'%s' must be an array of objects", tname);
        else if (each_cell(c, rec, collect_col) != MW_OK)
            goto nomem;
        nrows++;
    }
    if (c->nerr != nerr0)
        goto input;

    int ncols = c->cols.n;
    t->ncols = ncols;
    t->nrows = nrows;
    t->cols = mw_arena_alloc(&t->arena, (size_t)(ncols ? ncols : 1) * sizeof *t->cols);
    t->cells = mw_arena_alloc(&t->arena, (nrows && ncols ? (size_t)nrows * (size_t)ncols : 1) *
                                             sizeof *t->cells);
    t->row_line = mw_arena_alloc(&t->arena, (size_t)(nrows ? nrows : 1) * sizeof *t->row_line);
    if (!t->cols || !t->cells || !t->row_line)
        goto nomem;
    if (ncols)
        memcpy(t->cols, c->cols.names, (size_t)ncols * sizeof *t->cols);
    c->cells = t->cells;
    c->row = 0;
    cJSON_ArrayForEach(rec, arr) {
        snprintf(c->where, sizeof c->where, "%s[%d]", tname, c->row);
        t->row_line[c->row] = c->row;
        if (each_cell(c, rec, fill_cell) != MW_OK)
            goto nomem;
        c->row++;
    }
    if (c->nerr != nerr0)
        goto input;
    colset_free(&c->cols);
    c->t = NULL;
    return t;

nomem:
    *status = MW_ENOMEM;
    goto fail;
input:
    *status = MW_EINPUT;
fail:
    colset_free(&c->cols);
    c->t = NULL;
    table_free(t);
    return NULL;
}

/* 1-based line and column (in characters) of byte offset off. */
static void text_pos(const char *text, size_t off, int *line, int *col)
{
    int l = 1, k = 1;
    for (size_t i = 0; i < off; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '\n') {
            l++;
            k = 1;
        } else if ((ch & 0xC0) != 0x80)
            k++;
    }
    *line = l;
    *col = k;
}

static void syntax_error(JCtx *c, const char *text, size_t off)
{
    int line, col;
    text_pos(text, off, &line, &col);
    json_error(c, line, "", "", "invalid JSON near line %d, column %d", line, col);
}

int json_parse_tables(const char *text, size_t len, const char *display, int ntables,
                      const char *const *names, Table **out, char **policy_json,
                      MwErrors *err)
{
    int status = MW_OK;
    cJSON *root = NULL;
    char *printed = NULL, *policy = NULL;
    JCtx c;
    memset(&c, 0, sizeof c);
    c.err = err;
    c.display = display ? display : "";
    for (int i = 0; i < ntables; i++)
        out[i] = NULL;
    if (policy_json)
        *policy_json = NULL;

    /* cJSON would skip a BOM too; skipping it here keeps offsets simple. */
    size_t start = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        c.had_bom = 1;
        start = 3;
    }
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        int line, col;
        text_pos(text, (size_t)(nul - text), &line, &col);
        json_error(&c, line, "", "", "NUL byte at line %d, column %d", line, col);
        goto input;
    }
    const char *end = NULL;
    root = cJSON_ParseWithLengthOpts(text + start, len - start, &end, 0);
    if (!root) {
        /* end is what cJSON_GetErrorPtr() would return, without the global */
        syntax_error(&c, text, end ? (size_t)(end - text) : start);
        goto input;
    }
    size_t rest = (size_t)(end - text);
    while (rest < len && (text[rest] == ' ' || text[rest] == '\t' || text[rest] == '\n' ||
                          text[rest] == '\r'))
        rest++;
    if (rest < len) {
        syntax_error(&c, text, rest);
        goto input;
    }
    if (!cJSON_IsObject(root)) {
        json_error(&c, 0, "", "", "expected a JSON object at the top level");
        goto input;
    }

    const cJSON *m, *pol = NULL;
    cJSON_ArrayForEach(m, root) {
        const char *key = m->string ? m->string : "";
        const cJSON *prev = root->child;
        while (prev != m && strcmp(prev->string ? prev->string : "", key) != 0)
            prev = prev->next;
        if (prev != m) {
            json_error(&c, 0, "", "", "duplicate key '%s'", key);
            continue;
        }
        if (strcmp(key, "policy") == 0) {
            if (!cJSON_IsObject(m))
                json_error(&c, 0, "", "", "'policy' must be an object");
            pol = m;
            continue;
        }
        int i = 0;
        while (i < ntables && strcmp(names[i], key) != 0)
            i++;
        if (i == ntables) {
            json_error(&c, 0, "", "", "unknown table '%s'", key);
            continue;
        }
        int st;
        out[i] = json_table(&c, names[i], m, &st);
        if (st == MW_ENOMEM)
            goto nomem;
    }
    if (c.nerr)
        goto input;

    if (pol && policy_json) {
        printed = cJSON_PrintUnformatted(pol);
        if (!printed)
            goto nomem;
        policy = mw_strdup(printed);
        if (!policy)
            goto nomem;
        cJSON_free(printed);
        printed = NULL;
    }
    cJSON_Delete(root);
    mw_free(c.name.p);
    mw_free(c.val.p);
    if (policy_json)
        *policy_json = policy;
    return MW_OK;

nomem:
    status = MW_ENOMEM;
    goto fail;
input:
    status = MW_EINPUT;
fail:
    cJSON_free(printed);
    mw_free(policy);
    cJSON_Delete(root);
    mw_free(c.name.p);
    mw_free(c.val.p);
    for (int i = 0; i < ntables; i++) {
        table_free(out[i]);
        out[i] = NULL;
    }
    return status;
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

int json_read_tables(const char *path, const char *display, int ntables,
                     const char *const *names, Table **out, char **policy_json,
                     MwErrors *err)
{
    char *buf;
    size_t len;
    int st = read_file(path, display, &buf, &len, err);
    if (st != MW_OK) {
        for (int i = 0; i < ntables; i++)
            out[i] = NULL;
        if (policy_json)
            *policy_json = NULL;
        return st;
    }
    st = json_parse_tables(buf, len, display, ntables, names, out, policy_json, err);
    mw_free(buf);
    return st;
}
