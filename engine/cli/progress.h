/* progress.h — a one-line progress bar on stderr for long stages, drawn
 * only when stderr is a terminal and --quiet is not given. Layer: cli.
 */
#ifndef MW_PROGRESS_H
#define MW_PROGRESS_H

typedef struct {
    int enabled;
    char stage[48];
    int last_permille;
} Progress;

/* Enables the bar when stderr is a terminal and quiet is 0. */
void progress_init(Progress *p, int quiet);
/* The RegionOptions.progress callback: ctx is a Progress. */
void progress_update(void *ctx, const char *stage, long done, long total);
/* Ends the current line, if any was drawn. */
void progress_done(Progress *p);

#endif
