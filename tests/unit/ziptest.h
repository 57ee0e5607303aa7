/* ziptest.h: a tiny ZIP writer for tests (stored entries, or deflated with
 * zlib), able to write what a normal writer refuses: duplicate names, lying
 * sizes, wrong CRCs, symlink attributes, the encryption flag, unsafe names,
 * extra fields of any content. */
#ifndef TL_ZIPTEST_H
#define TL_ZIPTEST_H
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct {
	const char *name;
	const char *data;
	size_t len;        /* 0: strlen(data) */
	uint32_t crc_xor;  /* XORed into the CRC (non-zero: a wrong CRC) */
	long usize_delta;  /* added to the declared uncompressed size */
	uint16_t gpflags;  /* bit 0: encrypted */
	uint32_t mode;     /* Unix mode for the external attributes, or 0 */
	int deflate;       /* 1: deflated (method 8), else stored */
	const char *cextra; /* the central header's extra field bytes, or NULL */
	size_t ncextra;
} zt_entry;

typedef struct {
	unsigned char *p;
	size_t n, a;
} zt_buf;

static void zt_put(zt_buf *b, const void *d, size_t n)
{
	if (b->n + n > b->a) {
		size_t a = b->a ? b->a : 4096;
		while (a < b->n + n)
			a *= 2;
		b->p = realloc(b->p, a);
		b->a = a;
	}
	memcpy(b->p + b->n, d, n);
	b->n += n;
}
static void zt_u16(zt_buf *b, uint32_t v)
{
	unsigned char x[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
	zt_put(b, x, 2);
}
static void zt_u32(zt_buf *b, uint32_t v)
{
	zt_u16(b, v & 0xFFFF);
	zt_u16(b, v >> 16);
}

static uint32_t zt_crc32(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
	}
	return ~c;
}

/* len: the stored bytes (the compressed size); ulen: the data's own length */
static void zt_local2(zt_buf *b, const zt_entry *e, size_t len, size_t ulen, uint32_t crc)
{
	zt_u32(b, 0x04034b50);
	zt_u16(b, 20);
	zt_u16(b, e->gpflags);
	zt_u16(b, e->deflate ? 8 : 0);
	zt_u16(b, 0);
	zt_u16(b, 0x21);
	zt_u32(b, crc);
	zt_u32(b, (uint32_t)len);
	zt_u32(b, (uint32_t)((long)ulen + e->usize_delta));
	zt_u16(b, (uint16_t)strlen(e->name));
	zt_u16(b, 0);
	zt_put(b, e->name, strlen(e->name));
}

static void zt_local(zt_buf *b, const zt_entry *e, size_t len, uint32_t crc)
{
	zt_local2(b, e, len, len, crc);
}

static void zt_central2(zt_buf *b, const zt_entry *e, size_t len, size_t ulen, uint32_t crc,
                        size_t off)
{
	zt_u32(b, 0x02014b50);
	zt_u16(b, e->mode ? (3u << 8) | 20 : 20);
	zt_u16(b, 20);
	zt_u16(b, e->gpflags);
	zt_u16(b, e->deflate ? 8 : 0);
	zt_u16(b, 0);
	zt_u16(b, 0x21);
	zt_u32(b, crc);
	zt_u32(b, (uint32_t)len);
	zt_u32(b, (uint32_t)((long)ulen + e->usize_delta));
	zt_u16(b, (uint16_t)strlen(e->name));
	zt_u16(b, (uint16_t)e->ncextra);
	zt_u16(b, 0);
	zt_u16(b, 0);
	zt_u16(b, 0);
	zt_u32(b, e->mode << 16);
	zt_u32(b, (uint32_t)off);
	zt_put(b, e->name, strlen(e->name));
	if (e->ncextra)
		zt_put(b, e->cextra, e->ncextra);
}

static void zt_central(zt_buf *b, const zt_entry *e, size_t len, uint32_t crc, size_t off)
{
	zt_central2(b, e, len, len, crc, off);
}

/* The raw deflate stream of d[0..n) (malloc'd), its length in *out. */
static unsigned char *zt_deflate(const void *d, size_t n, size_t *out)
{
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	deflateInit2(&zs, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
	size_t cap = deflateBound(&zs, (uLong)n) + 16;
	unsigned char *c = malloc(cap);
	zs.next_in = (Bytef *)(uintptr_t)d;
	zs.avail_in = (uInt)n;
	zs.next_out = c;
	zs.avail_out = (uInt)cap;
	deflate(&zs, Z_FINISH);
	*out = zs.total_out;
	deflateEnd(&zs);
	return c;
}

static void zt_end(zt_buf *b, size_t count, size_t cd_off)
{
	size_t cd_size = b->n - cd_off;
	zt_u32(b, 0x06054b50);
	zt_u16(b, 0);
	zt_u16(b, 0);
	zt_u16(b, (uint16_t)count);
	zt_u16(b, (uint16_t)count);
	zt_u32(b, (uint32_t)cd_size);
	zt_u32(b, (uint32_t)cd_off);
	zt_u16(b, 0);
}

/* Builds an archive; *len gets its size; free() the result. */
static unsigned char *zt_build(const zt_entry *e, size_t n, size_t *len)
{
	zt_buf b = {NULL, 0, 0};
	size_t *off = calloc(n ? n : 1, sizeof *off);
	size_t *clen = calloc(n ? n : 1, sizeof *clen);
	for (size_t i = 0; i < n; i++) {
		size_t l = e[i].len ? e[i].len : strlen(e[i].data);
		unsigned char *c = e[i].deflate ? zt_deflate(e[i].data, l, &clen[i]) : NULL;
		if (!c)
			clen[i] = l;
		off[i] = b.n;
		zt_local2(&b, &e[i], clen[i], l, zt_crc32(e[i].data, l) ^ e[i].crc_xor);
		zt_put(&b, c ? (const void *)c : (const void *)e[i].data, clen[i]);
		free(c);
	}
	size_t cd = b.n;
	for (size_t i = 0; i < n; i++) {
		size_t l = e[i].len ? e[i].len : strlen(e[i].data);
		zt_central2(&b, &e[i], clen[i], l, zt_crc32(e[i].data, l) ^ e[i].crc_xor, off[i]);
	}
	free(clen);
	zt_end(&b, n, cd);
	free(off);
	*len = b.n;
	return b.p;
}

/* Two entries whose byte ranges overlap: the first one's stored data is the
 * second one's local header and data (Fifield's "quoted overlap"). */
static unsigned char *zt_build_overlap(size_t *len)
{
	zt_entry inner = {"b.xml", "<b/>", 0, 0, 0, 0, 0};
	zt_buf q = {NULL, 0, 0};
	zt_local(&q, &inner, 4, zt_crc32("<b/>", 4));
	zt_put(&q, "<b/>", 4);
	zt_entry outer = {"a.xml", (const char *)q.p, q.n, 0, 0, 0, 0};
	zt_buf b = {NULL, 0, 0};
	zt_local(&b, &outer, q.n, zt_crc32(q.p, q.n));
	size_t inner_off = b.n;
	zt_put(&b, q.p, q.n);
	size_t cd = b.n;
	zt_central(&b, &outer, q.n, zt_crc32(q.p, q.n), 0);
	zt_central(&b, &inner, 4, zt_crc32("<b/>", 4), inner_off);
	zt_end(&b, 2, cd);
	free(q.p);
	*len = b.n;
	return b.p;
}
#endif
