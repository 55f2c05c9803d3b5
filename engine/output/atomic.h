/* atomic.h — writing output files so that a reader never sees a partial
 * one: each file goes to a hidden temporary file (mode 0600) in its final
 * directory and is renamed into place only when every file of the set was
 * written. Directories are created with mode 0700. Layer: output. Knows
 * nothing about what the files hold.
 */
#ifndef MW_ATOMIC_H
#define MW_ATOMIC_H

#include <stddef.h>
#include <stdio.h>

#include "../core/mw.h"

/* Records "what: strerror(e)" for path in err (err may be NULL). */
void atomic_io_error(MwErrors *err, const char *path, const char *what, int e);

/* dir + "/" + name (no doubled slash); caller mw_frees. NULL on OOM. */
char *atomic_path_join(const char *dir, const char *name);

/* mkdir -p dir, mode 0700 for the parts that are missing (existing parts
 * keep their mode). Returns MW_OK, MW_ENOMEM, or MW_EIO with a message in
 * err naming the part that failed (also when dir exists but is not a
 * directory, or a part of it is a regular file). */
int atomic_make_dirs(const char *dir, MwErrors *err);

/* Creates a hidden temporary file ".base.XXXXXX" in dir, mode 0600, open
 * for binary writing. Returns MW_OK (*f_out open, *tmp_out its path, the
 * caller mw_frees it and unlinks it unless it is renamed), MW_EIO (message
 * in err; nothing created) or MW_ENOMEM. */
int atomic_temp_open(const char *dir, const char *base, char **tmp_out, FILE **f_out,
                     MwErrors *err);

/* Closes f (always). status/err_no are the writer's own outcome so far
 * (MW_OK, MW_ENOMEM, or MW_EIO with errno err_no). Returns MW_ENOMEM when
 * status says so, MW_EIO (with "cannot write" for display in err) when an
 * earlier write, the stream or the close failed, else MW_OK. The temporary
 * file is not removed: that is the caller's, on any non-OK result. */
int atomic_temp_close(FILE *f, int status, int err_no, const char *display, MwErrors *err);

/* Renames tmp[k] to final[k] for k = 0..n-1, in order. A renamed entry of
 * tmp is mw_freed and set to NULL; on the first failure returns MW_EIO
 * (message in err) and leaves the rest (the caller unlinks and frees what is
 * still in tmp). Files renamed before a failure stay in place: each single
 * file is atomic, the set is not. */
int atomic_commit(char **tmp, char *const *final, int n, MwErrors *err);

/* One file of a set written from memory. */
typedef struct {
    const char *name;     /* name inside the directory; it may start with
                             subdirectories ("employers/E01.html"), created 0700 */
    const char *data;
    size_t len;
} AtomicFile;

/* Writes files[0..n-1] into dir (created 0700 if missing): every file to
 * its temporary first, then all renamed into place, each mode 0600.
 * Returns MW_OK, MW_ENOMEM, or MW_EIO with a message in err (err may be
 * NULL). On any error before the renames no file of the set is created or
 * changed and no temporary file is left behind. */
int atomic_write_files(const char *dir, const AtomicFile *files, int n, MwErrors *err);

#endif
