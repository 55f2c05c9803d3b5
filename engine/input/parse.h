/* parse.h — typed parsing of single cell texts: numbers with decimal point
 * or comma, integers, booleans, dates, days, parts, availability slots.
 * Layer: input. Knows nothing about tables, files or the model's entities.
 * Each parser returns 0 on success, or -1 and writes into why (when not NULL)
 * what was expected, e.g. "expected a number, got 'abc'".
 */
#ifndef MW_PARSE_H
#define MW_PARSE_H

#include <stddef.h>
#include <stdint.h>

int parse_number(const char *s, double *out, char *why, size_t n);
int parse_int(const char *s, int *out, char *why, size_t n);
int parse_bool(const char *s, int *out, char *why, size_t n);
/* YYYY-MM-DD or D-M-YYYY; days since 1970-01-01. */
int parse_date(const char *s, int32_t *out, char *why, size_t n);
/* Index of s in names[0..count), or -1 with why listing the choices. */
int parse_enum(const char *s, const char *const *names, int count, int *out, char *why, size_t n);
/* Days: items separated by '|' (or '+'), each a day or a range "ma-vr". */
int parse_days(const char *s, uint8_t *mask, char *why, size_t n);
/* Parts: items separated by '|' (or '+'). */
int parse_parts(const char *s, uint8_t *mask, char *why, size_t n);
/* Availability "ma-vr:ochtend+middag|za:ochtend"; a slot without parts is
 * ochtend+middag. */
int parse_slots(const char *s, uint32_t *mask, char *why, size_t n);

/* Splits s at sep into trimmed items, skipping empty ones. Calls fn for each
 * item (a NUL-terminated copy on the stack, at most 255 bytes; longer items
 * make split return -1). Stops and returns fn's value when it is non-zero. */
int parse_split(const char *s, char sep, int (*fn)(const char *item, void *ctx), void *ctx);

#endif
