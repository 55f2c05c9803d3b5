/* parse.c — typed parsing of single cell texts (see parse.h). Layer: input.
 * Pure functions of their text: no tables, no files. The engine never calls
 * setlocale, so strtod always reads a decimal point.
 */
#include "parse.h"

#include <ctype.h>
#include <stdlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../core/model.h"

static int fail(char *why, size_t n, const char *expected, const char *s)
{
    if (why)
        snprintf(why, n, "expected %s, got '%s'", expected, s);
    return -1;
}

int parse_number(const char *s, double *out, char *why, size_t n)
{
    char buf[80];
    size_t k = 0;
    int digits = 0, point = 0, comma = 0;
    const char *p = s;
    if (*p == '-' || *p == '+')
        buf[k++] = *p++;
    for (; *p; p++) {
        if (k >= sizeof buf - 1)
            return fail(why, n, "a number", s);
        if (*p >= '0' && *p <= '9') {
            digits++;
            buf[k++] = *p;
        } else if (*p == '.' || *p == ',') {
            point += *p == '.';
            comma += *p == ',';
            buf[k++] = '.';
        } else {
            return fail(why, n, "a number", s);
        }
    }
    buf[k] = '\0';
    if (point && comma) {
        if (why)
            snprintf(why, n, "ambiguous number '%s': both a decimal point and a comma", s);
        return -1;
    }
    if (!digits || point + comma > 1)
        return fail(why, n, "a number", s);
    /* The engine never calls setlocale, so strtod reads '.' as the decimal
     * point; decimal commas were turned into points above. */
    double v = strtod(buf, NULL);
    if (!isfinite(v))
        return fail(why, n, "a number", s);
    *out = v == 0 ? 0 : v;
    return 0;
}

int parse_int(const char *s, int *out, char *why, size_t n)
{
    const char *p = s;
    long v = 0;
    int neg = 0;
    if (*p == '-' || *p == '+')
        neg = *p++ == '-';
    if (!*p)
        return fail(why, n, "an integer", s);
    for (; *p; p++) {
        if (*p < '0' || *p > '9' || v > 100000000L)
            return fail(why, n, "an integer", s);
        v = v * 10 + (*p - '0');
    }
    *out = (int)(neg ? -v : v);
    return 0;
}

int parse_bool(const char *s, int *out, char *why, size_t n)
{
    static const char *const yes[] = {"1", "ja", "true", "yes", "waar", "j", "y"};
    static const char *const no[] = {"0", "nee", "false", "no", "onwaar", "n"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (strcasecmp(s, yes[i]) == 0) {
            *out = 1;
            return 0;
        }
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (strcasecmp(s, no[i]) == 0) {
            *out = 0;
            return 0;
        }
    return fail(why, n, "0 or 1 (or ja/nee)", s);
}

static int read_uint(const char **p, int maxdigits)
{
    int v = 0, k = 0;
    while (**p >= '0' && **p <= '9' && k < maxdigits) {
        v = v * 10 + (**p - '0');
        (*p)++;
        k++;
    }
    return k ? v : -1;
}

int parse_date(const char *s, int32_t *out, char *why, size_t n)
{
    const char *p = s;
    int a, b, c, y, m, d;
    if ((a = read_uint(&p, 4)) < 0 || (*p != '-' && *p != '/'))
        return fail(why, n, "a date (YYYY-MM-DD or DD-MM-YYYY)", s);
    int first_len = (int)(p - s);
    char sep = *p++;
    if ((b = read_uint(&p, 2)) < 0 || *p != sep)
        return fail(why, n, "a date (YYYY-MM-DD or DD-MM-YYYY)", s);
    p++;
    const char *third = p;
    if ((c = read_uint(&p, 4)) < 0 || *p)
        return fail(why, n, "a date (YYYY-MM-DD or DD-MM-YYYY)", s);
    if (first_len == 4 && sep == '-') {
        y = a; m = b; d = c;
        if (p - third > 2)
            return fail(why, n, "a date (YYYY-MM-DD or DD-MM-YYYY)", s);
    } else if (first_len <= 2 && p - third == 4) {
        d = a; m = b; y = c;
    } else {
        return fail(why, n, "a date (YYYY-MM-DD or DD-MM-YYYY)", s);
    }
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
        (m == 2 && d == 29 && !leap)) {
        if (why)
            snprintf(why, n, "expected a valid date, got '%s'", s);
        return -1;
    }
    *out = mw_days_from_civil(y, m, d);
    return 0;
}

int parse_enum(const char *s, const char *const *names, int count, int *out, char *why, size_t n)
{
    for (int i = 0; i < count; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = i;
            return 0;
        }
    if (why) {
        char list[200] = "";
        size_t used = 0;
        for (int i = 0; i < count && used < sizeof list; i++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                     i ? (i == count - 1 ? " or " : ", ") : "", names[i]);
        snprintf(why, n, "expected %s, got '%s'", list, s);
    }
    return -1;
}

int parse_split(const char *s, char sep, int (*fn)(const char *item, void *ctx), void *ctx)
{
    char item[512];
    const char *p = s;
    for (;;) {
        const char *e = strchr(p, sep);
        size_t len = e ? (size_t)(e - p) : strlen(p);
        const char *b = p;
        while (len && isspace((unsigned char)*b)) {
            b++;
            len--;
        }
        while (len && isspace((unsigned char)b[len - 1]))
            len--;
        if (len >= sizeof item)
            return -1;
        if (len) {
            memcpy(item, b, len);
            item[len] = '\0';
            int r = fn(item, ctx);
            if (r)
                return r;
        }
        if (!e)
            return 0;
        p = e + 1;
    }
}

static int name_index(const char *const *names, int count, const char *s, size_t len)
{
    for (int i = 0; i < count; i++)
        if (strlen(names[i]) == len && strncasecmp(s, names[i], len) == 0)
            return i;
    return -1;
}

/* One day item: "ma" or a range "ma-vr" (wrapping ranges like "za-ma" are
 * not allowed). */
static int day_item(const char *s, size_t len, uint8_t *mask)
{
    const char *dash = memchr(s, '-', len);
    if (!dash) {
        int d = name_index(mw_day_names, MW_DAYS, s, len);
        if (d < 0)
            return -1;
        *mask |= (uint8_t)(1u << d);
        return 0;
    }
    int a = name_index(mw_day_names, MW_DAYS, s, (size_t)(dash - s));
    int b = name_index(mw_day_names, MW_DAYS, dash + 1, len - (size_t)(dash - s) - 1);
    if (a < 0 || b < 0 || b < a)
        return -1;
    for (int d = a; d <= b; d++)
        *mask |= (uint8_t)(1u << d);
    return 0;
}

/* Splits s at any of seps, calling item(b, len, ctx) on trimmed non-empty
 * items; returns -1 at the first failing item. */
static int each_item(const char *s, const char *seps,
                     int (*item)(const char *b, size_t len, void *ctx), void *ctx)
{
    const char *p = s;
    for (;;) {
        size_t len = strcspn(p, seps);
        const char *b = p;
        size_t l = len;
        while (l && isspace((unsigned char)*b)) {
            b++;
            l--;
        }
        while (l && isspace((unsigned char)b[l - 1]))
            l--;
        if (l && item(b, l, ctx))
            return -1;
        if (!p[len])
            return 0;
        p += len + 1;
    }
}

static int days_cb(const char *b, size_t len, void *ctx)
{
    return day_item(b, len, ctx);
}

static int parts_cb(const char *b, size_t len, void *ctx)
{
    int p = name_index(mw_part_names, MW_PARTS, b, len);
    if (p < 0)
        return -1;
    *(uint8_t *)ctx |= (uint8_t)(1u << p);
    return 0;
}

int parse_days(const char *s, uint8_t *mask, char *why, size_t n)
{
    uint8_t m = 0;
    if (each_item(s, "|+,", days_cb, &m) || !m)
        return fail(why, n, "days such as 'ma|wo|vr' or 'ma-vr'", s);
    *mask = m;
    return 0;
}

int parse_parts(const char *s, uint8_t *mask, char *why, size_t n)
{
    uint8_t m = 0;
    if (each_item(s, "|+,", parts_cb, &m) || !m)
        return fail(why, n, "parts of the day (ochtend, middag, avond, nacht)", s);
    *mask = m;
    return 0;
}

static int slot_cb(const char *b, size_t len, void *ctx)
{
    uint32_t *mask = ctx;
    const char *colon = memchr(b, ':', len);
    size_t dlen = colon ? (size_t)(colon - b) : len;
    char days[64], parts[128];
    if (dlen >= sizeof days || (colon && len - dlen - 1 >= sizeof parts))
        return -1;
    memcpy(days, b, dlen);
    days[dlen] = '\0';
    uint8_t dm = 0, pm = MW_DAYTIME_PARTS;
    if (each_item(days, "+,", days_cb, &dm) || !dm)
        return -1;
    if (colon) {
        memcpy(parts, colon + 1, len - dlen - 1);
        parts[len - dlen - 1] = '\0';
        pm = 0;
        if (each_item(parts, "+,", parts_cb, &pm) || !pm)
            return -1;
    }
    for (int d = 0; d < MW_DAYS; d++)
        for (int p = 0; p < MW_PARTS; p++)
            if ((dm >> d & 1) && (pm >> p & 1))
                *mask |= MW_SLOT(d, p);
    return 0;
}

int parse_slots(const char *s, uint32_t *mask, char *why, size_t n)
{
    uint32_t m = 0;
    if (each_item(s, "|", slot_cb, &m) || !m)
        return fail(why, n, "slots such as 'ma-vr:ochtend+middag|za:ochtend'", s);
    *mask = m;
    return 0;
}
