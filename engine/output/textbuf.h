/* textbuf.h — a growable text buffer for the writers (CSV tables, results
 * CSV): always NUL-terminated, with a sticky out-of-memory flag so writers
 * append freely and check once. Layer: output. Knows nothing of formats.
 */
#ifndef MW_TEXTBUF_H
#define MW_TEXTBUF_H

#include <stddef.h>

typedef struct {
    char *p;
    size_t n, cap;
    int oom;        /* set when an allocation failed; later appends do nothing */
} Buf;

/* Makes room for extra more bytes (plus the NUL). 1, or 0 when out of
 * memory (oom is then set). The caller frees b->p with mw_free. */
int buf_reserve(Buf *b, size_t extra);
void buf_putn(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
/* Empties the buffer, keeping its memory. */
void buf_clear(Buf *b);
/* The text, or "" when empty or out of memory. */
const char *buf_str(const Buf *b);

#endif
