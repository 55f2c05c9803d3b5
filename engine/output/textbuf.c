/* textbuf.c — the writers' growable text buffer (see textbuf.h). Layer:
 * output. All memory through mw_realloc, so the allocation sweeps reach it.
 */
#include "textbuf.h"

#include <string.h>

#include "../core/mw.h"

int buf_reserve(Buf *b, size_t extra)
{
    if (b->oom)
        return 0;
    if (b->n + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + extra + 1)
        cap *= 2;
    char *p = mw_realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return 0;
    }
    b->p = p;
    b->cap = cap;
    return 1;
}

void buf_putn(Buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void buf_puts(Buf *b, const char *s)
{
    buf_putn(b, s, strlen(s));
}

void buf_putc(Buf *b, char c)
{
    buf_putn(b, &c, 1);
}

void buf_clear(Buf *b)
{
    b->n = 0;
    if (b->p)
        b->p[0] = '\0';
}

const char *buf_str(const Buf *b)
{
    return b->p && !b->oom ? b->p : "";
}
