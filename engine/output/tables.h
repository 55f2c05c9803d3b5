/* tables.h — writes a Model back as input tables: the CSV files of a data
 * directory (in any dialect the reader accepts) or one data.json, so that
 * loading them gives back the same model. Used by `maatwerk gen` and for
 * exporting a model. Layer: output. Knows nothing about solving or scoring;
 * it writes what the model holds and never the policy.
 */
#ifndef MW_TABLES_H
#define MW_TABLES_H

#include "../core/hash.h"
#include "../core/model.h"

/* delim: ',' ';' or '\t'; decimal_comma: numbers as 0,5; bom: UTF-8 byte
 * order mark first; crlf: CRLF line ends. {',', 0, 0, 0} is canonical. */
typedef struct { char delim; int decimal_comma; int bom; int crlf; } TablesDialect;

/* Writes dir/candidates.csv, employers.csv, jobs.csv, tasks.csv (and
 * placements.csv when m->n_placements > 0; dimensions.csv only when
 * with_dims) in dialect d (NULL = canonical). Every field of every entity is
 * written with the column names of docs/input-format.md: lim.<dim> for every
 * dimension ('' = no limit, '?' = unknown), load.<dim> and acc.<dim> for the
 * dimensions where some row is non-zero, x_ notes as the union of the keys of
 * a table in first-seen order. Output is byte-identical for identical models.
 * dir is created (mode 0700, parents too) if missing. All files are written
 * to temporary files in dir (mode 0600) first and renamed only when every one
 * was written; a placements.csv left in dir from an earlier write is removed
 * when the model has no placements (it would load back as placements). A
 * data.json or dimensions.csv already in dir is left alone.
 * Returns MW_OK, MW_EIO (a message in err naming the file, with strerror)
 * or MW_ENOMEM; on error the temporary files are removed and no file is
 * left partly written under its final name. err may be NULL. */
int tables_write_dir(const Model *m, const char *dir, const TablesDialect *d, int with_dims,
                     MwErrors *err);

/* Writes the same tables (not the dimensions, not the policy) as one JSON
 * object at path: arrays of records with the CSV column names as keys, the
 * lim/load/acc columns nested as objects "lim", "load", "acc", the notes as
 * "x"; lists and pairs as their '|' text; numbers as JSON numbers in shortest
 * round-trip form; booleans as true/false; empty cells as null. Every record
 * of a table has the same keys in the same order. Written atomically (a
 * temporary file next to path, then rename), mode 0600; the directory must
 * exist. Returns MW_OK, MW_EIO (message in err) or MW_ENOMEM. */
int tables_write_json(const Model *m, const char *path, MwErrors *err);

/* Fingerprints of the input rows for the weekly diff ("input changed"):
 * cand[i] is the SHA-256 (hex) over candidate i's row and its placement's
 * row; emp[e] over employer e's row, its jobs' and its tasks' rows. A row
 * is hashed as its non-empty cells, "column=value" lines in column order, in
 * the canonical form this writer produces, so a cell added elsewhere in the
 * table or a different CSV dialect does not change it. cand has
 * m->n_candidates entries, emp m->n_employers. MW_OK or MW_ENOMEM. */
int tables_fingerprints(const Model *m, char (*cand)[MW_SHA256_HEX], char (*emp)[MW_SHA256_HEX]);

#endif
