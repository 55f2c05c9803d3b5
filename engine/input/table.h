/* table.h — a parsed input table: header names and string cells with the
 * position of every record. CSV (csv.c) and JSON (json.c) both produce a
 * Table, and one loader (load.c) turns Tables into the Model, so both forms
 * of the same data give the same model. Layer: input. Knows nothing about
 * the meaning of columns.
 */
#ifndef MW_TABLE_H
#define MW_TABLE_H

#include "../core/mw.h"

typedef struct {
    char file[128];      /* display name: "tasks.csv" or "data.json" */
    int is_json;         /* positions are record indices: "tasks[3]" */
    char name[32];       /* table name: "tasks" */
    int ncols;
    char **cols;         /* header names, trimmed, BOM removed */
    int nrows;
    char **cells;        /* nrows*ncols; "" for an empty cell, NULL when a JSON record lacks the key */
    int *row_line;       /* CSV: physical line where the record starts; JSON: record index */
    MwArena arena;       /* owns cols, cells, row_line and the strings */
    char delim;          /* detected delimiter (CSV): ',' ';' or '\t' */
    int had_bom, had_crlf;
} Table;

static inline const char *table_cell(const Table *t, int row, int col)
{
    return t->cells[(size_t)row * (size_t)t->ncols + (size_t)col];
}

/* Column index of name, or -1. */
int table_col(const Table *t, const char *name);

/* Frees the table's memory; accepts NULL. */
void table_free(Table *t);

/* Reads a CSV file. path is the file to open; display is the name used in
 * messages ("tasks.csv"). The delimiter (',' ';' or tab) is detected from the
 * header line: the one occurring most often outside quotes, ties going to
 * ';' then ',' then tab; none at all means one column (delim ','). A UTF-8
 * BOM is skipped; LF, CRLF and a lone CR end lines and records; quoted
 * fields may hold delimiters, quotes ("") and newlines (a CRLF inside quotes
 * becomes "\n"). row_line is the physical line where a record starts.
 * Blank records (all cells empty: empty lines, ";;;") are skipped.
 * Unquoted cells and all header names are trimmed of spaces and tabs;
 * quoted cells keep their spaces. Trailing empty header names are dropped
 * (Excel's trailing delimiters); another empty or a repeated name is an
 * error. A record with more fields than the header is an error unless the
 * extra fields are empty; fewer fields are padded with "" (Excel drops
 * trailing empty cells). Invalid UTF-8, a NUL byte and an unterminated
 * quote are errors. All memory goes through mw_malloc (libcsv's too).
 * Returns a new Table (*status = MW_OK), or NULL with errors added to err
 * (*status = MW_EINPUT), or NULL with *status = MW_ENOMEM (nothing leaked,
 * nothing added to err) or MW_EIO (an error "cannot open: ..." in err). */
Table *csv_read_table(const char *path, const char *display, const char *name,
                      MwErrors *err, int *status);

/* Same, from a buffer (tests and fuzzing). */
Table *csv_parse_table(const char *data, size_t len, const char *display,
                       const char *name, MwErrors *err, int *status);

/* Reads data.json: an object with arrays of records, one per table name.
 * out[i] receives the table called names[i] or NULL when the key is absent.
 * A table's columns are the union of its records' keys in first-seen order;
 * a record without a key has a NULL cell there. row_line is the record
 * index. Values become cell text: strings as is, numbers in shortest
 * round-trip form (mw_fmt_double), true/false as 1/0, null as "", arrays of
 * scalars joined with '|', objects of scalars as "key:value|..." except the
 * objects under "lim", "load", "acc" and "x", which become the columns
 * lim.<key> (etc.; "x" gives x_<key>); under those keys a non-object is an
 * ordinary column. Errors: syntax (with line and column, in characters),
 * a non-object top level, a key other than names[] and "policy", a repeated
 * top-level key, a table that is not an array of objects, a repeated column
 * within a record, deeper nesting, a number out of range, invalid UTF-8.
 * The "policy" member, if present, must be an object; it is returned in
 * *policy_json as compact text (caller frees with mw_free) so the loader can
 * read it like policy.json; policy_json may be NULL.
 * Returns MW_OK, MW_EINPUT (errors in err), MW_ENOMEM or MW_EIO; on any
 * failure every out[i] and *policy_json is NULL. cJSON's own parse tree
 * uses the C allocator; everything returned is mw_malloc'ed. */
int json_read_tables(const char *path, const char *display, int ntables,
                     const char *const *names, Table **out, char **policy_json,
                     MwErrors *err);
int json_parse_tables(const char *text, size_t len, const char *display, int ntables,
                      const char *const *names, Table **out, char **policy_json,
                      MwErrors *err);

#endif
