/* zip_int.h: the insides of the ZIP layer (pkg.h): the central directory
 * walk (zip_cdir.c), the quick inflate (zip_inflate.c) and libzip loaded on
 * demand (zip_dl.c). */
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

/* Why libzip (zip_dl.c) could not be loaded, or NULL when it is loaded
 * (loading it first); tl_libzip_loaded: 1 when something has loaded it. */
const char *tl_libzip_error(void);
int tl_libzip_loaded(void);

struct tl_zip;
/* 1 when the archive was read as plain (zip_cdir.c): without libzip. */
int tl_zip_plain(const struct tl_zip *z);

/* The bytes of an archive: a caller's buffer, or a file read with pread. */
typedef struct tl_zip_src {
	const unsigned char *mem; /* or NULL */
	int fd;                   /* when mem is NULL */
	uint64_t size;
} tl_zip_src;

/* Copies n bytes at off into buf: 0, or -1 when they are not all there. */
int tl_zip_src_at(const tl_zip_src *s, uint64_t off, void *buf, size_t n);
/* n bytes of file fd at off into buf, through short reads and EINTR: 0, or -1. */
int tl_zip_pread(int fd, void *buf, size_t n, uint64_t off);

/* A member as the central directory and its local header give it. */
typedef struct tl_zip_ent {
	char *name;       /* the raw name bytes, NUL-terminated (malloc'd) */
	uint64_t comp;    /* compressed size */
	uint64_t usize;   /* uncompressed size */
	uint64_t data;    /* offset of its data, after the local header */
	uint32_t crc;
	uint32_t attr;    /* external attributes */
	uint16_t method;  /* 0 stored, 8 deflated */
	uint16_t made_by; /* "version made by": the host system in the high byte */
} tl_zip_ent;

enum { TL_ZIP_WALK_OK = 0, TL_ZIP_WALK_OVERLAP, TL_ZIP_WALK_INCONS, TL_ZIP_WALK_UNKNOWN };

/* Walks the central directory and every local header, read-only and
 * bounded (zip_cdir.c): TL_ZIP_WALK_OVERLAP when two entries' byte ranges
 * overlap, TL_ZIP_WALK_INCONS when a local header disagrees with its central
 * entry or data runs into the central directory, TL_ZIP_WALK_UNKNOWN when
 * the directory cannot be walked (or has more than max_entries entries).
 * With `plain` set, a PLAIN archive (tl_zip_walk's comment says what that
 * is) also gives its entries in archive order: *plain (free with
 * tl_zip_ents_free) and *nplain; any other archive gives *plain = NULL. */
int tl_zip_walk(const tl_zip_src *s, size_t max_entries, tl_zip_ent **plain, size_t *nplain);
void tl_zip_ents_free(tl_zip_ent *v, size_t n);

#endif
