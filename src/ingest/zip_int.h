/* zip_int.h: zip.c's quick path for deflated members (zip_inflate.c). */
#ifndef TL_INGEST_ZIP_INT_H
#define TL_INGEST_ZIP_INT_H

#include <stddef.h>
#include <stdint.h>

/* CRC-32 (ZIP, gzip) of p[0..n) continuing crc (0 to start), as zlib's
 * crc32; with PCLMULQDQ where the CPU has it. */
uint32_t tl_zip_crc32(uint32_t crc, const unsigned char *p, size_t n);

/* Inflates the raw deflate stream in[0..inlen) into out (room for
 * declared + 1 bytes): 1 when it ends with Z_STREAM_END after exactly
 * `declared` bytes whose CRC-32 is crc, else 0 -- out then holds garbage
 * and the caller reads the member the careful way, which says what is
 * wrong with it. */
int tl_zip_inflate_exact(const unsigned char *in, size_t inlen, char *out, size_t declared,
                         uint32_t crc);

#endif
