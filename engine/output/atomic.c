/* atomic.c — temporary file, then rename: the one way the output layer puts
 * a file where a user (or the next weekly run) will read it. Shared by the
 * table writer (tables.c) and the results writer (results.c). Layer:
 * output. Knows nothing about file contents.
 */
#include "atomic.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void atomic_io_error(MwErrors *err, const char *path, const char *what, int e)
{
    if (err)
        mw_error_add(err, path, 0, "", "", "%s: %s", what, strerror(e));
}

char *atomic_path_join(const char *dir, const char *name)
{
    size_t nd = strlen(dir), nn = strlen(name);
    int slash = nd > 0 && dir[nd - 1] != '/';
    char *p = mw_malloc(nd + (size_t)slash + nn + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, nd);
    if (slash)
        p[nd] = '/';
    memcpy(p + nd + (size_t)slash, name, nn + 1);
    return p;
}

int atomic_make_dirs(const char *dir, MwErrors *err)
{
    char *p = mw_strdup(dir);
    if (!p)
        return MW_ENOMEM;
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/')
        p[--n] = '\0';
    int rc = MW_OK;
    for (size_t i = 1; i <= n && rc == MW_OK; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        char saved = p[i];
        p[i] = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            atomic_io_error(err, p, "cannot create directory", errno);
            rc = MW_EIO;
        }
        p[i] = saved;
    }
    struct stat st;
    errno = 0;
    if (rc == MW_OK && (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))) {
        atomic_io_error(err, p, "not a directory", errno ? errno : ENOTDIR);
        rc = MW_EIO;
    }
    mw_free(p);
    return rc;
}

int atomic_temp_open(const char *dir, const char *base, char **tmp_out, FILE **f_out,
                     MwErrors *err)
{
    size_t n = strlen(base) + 16;
    char *name = mw_malloc(n);
    if (!name)
        return MW_ENOMEM;
    snprintf(name, n, ".%s.XXXXXX", base);
    char *tmp = atomic_path_join(dir, name);
    mw_free(name);
    if (!tmp)
        return MW_ENOMEM;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        atomic_io_error(err, tmp, "cannot create temporary file", errno);
        mw_free(tmp);
        return MW_EIO;
    }
    FILE *f = NULL;
    if (fchmod(fd, 0600) != 0 || !(f = fdopen(fd, "wb"))) {
        atomic_io_error(err, tmp, "cannot open temporary file", errno);
        close(fd);
        unlink(tmp);
        mw_free(tmp);
        return MW_EIO;
    }
    *tmp_out = tmp;
    *f_out = f;
    return MW_OK;
}

int atomic_temp_close(FILE *f, int status, int err_no, const char *display, MwErrors *err)
{
    int ferr = ferror(f);
    int saved = errno;
    int cerr = fclose(f) != 0;
    if (status == MW_ENOMEM)
        return MW_ENOMEM;
    if (status || ferr || cerr) {
        int e = status ? err_no : cerr ? errno : saved;
        atomic_io_error(err, display, "cannot write", e ? e : EIO);
        return MW_EIO;
    }
    return MW_OK;
}

int atomic_commit(char **tmp, char *const *final, int n, MwErrors *err)
{
    for (int k = 0; k < n; k++) {
        if (rename(tmp[k], final[k]) != 0) {
            atomic_io_error(err, final[k], "cannot rename the temporary file into place", errno);
            return MW_EIO;
        }
        mw_free(tmp[k]);
        tmp[k] = NULL;
    }
    return MW_OK;
}

int atomic_write_files(const char *dir, const AtomicFile *files, int n, MwErrors *err)
{
    int rc = atomic_make_dirs(dir, err);
    if (rc)
        return rc;
    char **tmp = mw_calloc((size_t)n + 1, sizeof *tmp);
    char **final = mw_calloc((size_t)n + 1, sizeof *final);
    rc = tmp && final ? MW_OK : MW_ENOMEM;
    /* every path exists before the first rename, so once renaming starts
     * only the file system can fail */
    for (int k = 0; k < n && rc == MW_OK; k++)
        if (!(final[k] = atomic_path_join(dir, files[k].name)))
            rc = MW_ENOMEM;
    for (int k = 0; k < n && rc == MW_OK; k++) {
        FILE *f = NULL;
        /* a name with a subdirectory ("employers/E01.html"): its temporary
         * file goes into that subdirectory, so the rename stays in one
         * directory */
        const char *slash = strrchr(files[k].name, '/');
        char *sub = slash ? atomic_path_join(dir, files[k].name) : NULL;
        if (slash && !sub) {
            rc = MW_ENOMEM;
            break;
        }
        if (sub)
            sub[strlen(sub) - strlen(slash)] = '\0';
        rc = sub ? atomic_make_dirs(sub, err) : MW_OK;
        if (rc == MW_OK)
            rc = atomic_temp_open(sub ? sub : dir, slash ? slash + 1 : files[k].name, &tmp[k], &f, err);
        mw_free(sub);
        if (rc != MW_OK)
            break;
        int st = MW_OK, e = 0;
        if (files[k].len && fwrite(files[k].data, 1, files[k].len, f) != files[k].len) {
            st = MW_EIO;
            e = errno;
        }
        rc = atomic_temp_close(f, st, e, final[k], err);
    }
    if (rc == MW_OK)
        rc = atomic_commit(tmp, final, n, err);
    for (int k = 0; k < n; k++) {
        if (tmp && tmp[k]) {
            unlink(tmp[k]);
            mw_free(tmp[k]);
        }
        if (final)
            mw_free(final[k]);
    }
    mw_free(tmp);
    mw_free(final);
    return rc;
}
