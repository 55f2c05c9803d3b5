/* hash.h — SHA-256 (FIPS 180-4) of a buffer, a stream of buffers or a file,
 * as 32 raw bytes or 64 lowercase hex digits. Used to record the input
 * files of a run in results.json's meta. Layer: core. Knows nothing about
 * the model, CSV, JSON or GLPK; the file variant only reads bytes.
 */
#ifndef MW_HASH_H
#define MW_HASH_H

#include <stddef.h>
#include <stdint.h>

enum { MW_SHA256_BYTES = 32, MW_SHA256_HEX = 65 };   /* HEX: 64 digits + NUL */

/* Incremental state: init, update any number of times, final once. */
typedef struct {
    uint32_t h[8];
    uint64_t bytes;            /* message length so far */
    unsigned char block[64];
    size_t fill;               /* bytes waiting in block */
} MwSha256;

void mw_sha256_init(MwSha256 *s);
/* Adds n bytes (data may be NULL when n == 0). */
void mw_sha256_update(MwSha256 *s, const void *data, size_t n);
/* Writes the digest; *s is spent afterwards (init it again to reuse). */
void mw_sha256_final(MwSha256 *s, unsigned char out[MW_SHA256_BYTES]);

/* The digest of one buffer as 64 lowercase hex digits and a NUL. */
void mw_sha256_hex(const void *data, size_t n, char hex[MW_SHA256_HEX]);

/* The digest of the file at path, as hex. Returns MW_OK, or MW_EIO when the
 * file cannot be opened or read (errno tells why; hex is then ""). Reads in
 * fixed-size chunks: no allocation, any file size. */
int mw_sha256_file(const char *path, char hex[MW_SHA256_HEX]);

#endif
