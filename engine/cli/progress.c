/* progress.c — the progress bar (see progress.h). Layer: cli. Writes only
 * to stderr, only to a terminal, and never anything about a candidate.
 */
#include "progress.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

void progress_init(Progress *p, int quiet)
{
    memset(p, 0, sizeof *p);
    p->enabled = !quiet && isatty(STDERR_FILENO);
    p->last_permille = -1;
}

void progress_update(void *ctx, const char *stage, long done, long total)
{
    Progress *p = ctx;
    if (!p->enabled || total <= 0)
        return;
    int permille = (int)(done * 1000 / total);
    if (strcmp(stage, p->stage) == 0 && permille / 10 == p->last_permille / 10 && done != total)
        return;
    if (strcmp(stage, p->stage) != 0 && p->stage[0])
        fputc('\n', stderr);
    snprintf(p->stage, sizeof p->stage, "%s", stage);
    p->last_permille = permille;
    int width = 30, fill = permille * width / 1000;
    fprintf(stderr, "\r%-14s [", stage);
    for (int i = 0; i < width; i++)
        fputc(i < fill ? '#' : '.', stderr);
    fprintf(stderr, "] %3d%% (%ld/%ld)", permille / 10, done, total);
    fflush(stderr);
}

void progress_done(Progress *p)
{
    if (p->enabled && p->stage[0])
        fputc('\n', stderr);
    p->stage[0] = '\0';
}
