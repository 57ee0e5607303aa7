/* zip_cdir.c: the central directory and local headers of a ZIP archive,
 * read-only and bounded (zip_int.h).
 *
 * One walk serves two ends.  Every archive is walked for what libzip has no
 * check for: entries whose byte ranges overlap (the non-recursive zip bomb)
 * and local headers that disagree with the central directory.  And a PLAIN
 * archive -- the kind Word, LibreOffice and every ZIP library write -- gives
 * its entries, so that zip.c reads it without libzip at all:
 *  - one end of central directory record, at the very end of the file
 *    (after its comment), on disk 0, with no ZIP64 records or markers;
 *  - the central directory right before it, exactly as long as stated,
 *    holding exactly the stated number of entries;
 *  - every entry stored or deflated, not encrypted (no flag bit 0, 6 or 13),
 *    on disk 0, with a non-empty name without NUL bytes, well-formed extra
 *    fields and no Info-ZIP Unicode Path field (libzip takes the entry's
 *    name from it); a stored entry as long compressed as uncompressed;
 *  - its local header with the same name, flags and method, well-formed
 *    extra fields, and (unless bit 3 puts them in a data descriptor) the
 *    same CRC-32 and sizes; its data before the central directory, no two
 *    entries overlapping.
 * Anything else is not plain: zip.c then opens it with libzip as before, so
 * the unusual archives keep libzip's checks and errors. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/zip_int.h"

int tl_zip_pread(int fd, void *buf, size_t n, uint64_t off)
{
	size_t got = 0;
	while (got < n) {
		ssize_t k = pread(fd, (char *)buf + got, n - got, (off_t)(off + got));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		got += (size_t)k;
	}
	return 0;
}

int tl_zip_src_at(const tl_zip_src *s, uint64_t off, void *buf, size_t n)
{
	if (off > s->size || n > s->size - off)
		return -1;
	if (s->mem) {
		memcpy(buf, s->mem + off, n);
		return 0;
	}
	return tl_zip_pread(s->fd, buf, n, off);
}

void tl_zip_ents_free(tl_zip_ent *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i].name);
	free(v);
}

static uint32_t S_u16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t S_u32(const unsigned char *p) { return S_u16(p) | S_u16(p + 2) << 16; }
static uint64_t S_u64(const unsigned char *p) { return S_u32(p) | (uint64_t)S_u32(p + 4) << 32; }

typedef struct {
	uint64_t start, end;
} S_span;

static int S_cmp_span(const void *a, const void *b)
{
	const S_span *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* 1 when x[0..n) is a sequence of whole extra fields (id, length, data). */
static int S_extras_ok(const unsigned char *x, size_t n)
{
	size_t i = 0;
	while (i + 4 <= n) {
		size_t len = S_u16(x + i + 2);
		if (len > n - i - 4)
			return 0;
		i += 4 + len;
	}
	return i == n;
}

/* The local header's name and extra fields (lnl + lxl bytes at off + 30):
 * 1 when the name is the central one and the extras are well-formed. */
static int S_local_tail_ok(const tl_zip_src *s, uint64_t off, const unsigned char *name, size_t nl,
                           size_t lxl)
{
	unsigned char *buf = malloc(nl + lxl + 1);
	int ok = buf && !tl_zip_src_at(s, off + 30, buf, nl + lxl) && !memcmp(buf, name, nl) &&
	         S_extras_ok(buf + nl, lxl);
	free(buf);
	return ok;
}

int tl_zip_walk(const tl_zip_src *s, size_t max_entries, tl_zip_ent **plain, size_t *nplain)
{
	if (plain) {
		*plain = NULL;
		*nplain = 0;
	}
	unsigned char tail[65557];
	size_t tn = s->size < sizeof tail ? (size_t)s->size : sizeof tail;
	uint64_t tail_off = s->size - tn;
	if (tn < 22 || tl_zip_src_at(s, tail_off, tail, tn))
		return TL_ZIP_WALK_UNKNOWN;
	size_t e = tn - 22 + 1;
	while (e-- > 0)
		if (tail[e] == 'P' && tail[e + 1] == 'K' && tail[e + 2] == 5 && tail[e + 3] == 6)
			break;
	if (e == (size_t)-1)
		return TL_ZIP_WALK_UNKNOWN;
	const unsigned char *eo = tail + e;
	uint64_t count = S_u16(eo + 10), cd_size = S_u32(eo + 12), cd_off = S_u32(eo + 16);
	uint64_t eocd = tail_off + e;
	int is_plain = plain != NULL && e + 22 + S_u16(eo + 20) == tn && S_u16(eo + 4) == 0 &&
	               S_u16(eo + 6) == 0 && S_u16(eo + 8) == count && count != 0xFFFF &&
	               cd_size != 0xFFFFFFFFu && cd_off != 0xFFFFFFFFu && cd_off + cd_size == eocd;
	unsigned char loc[20], z64[56];
	if (eocd >= 20 && !tl_zip_src_at(s, eocd - 20, loc, 20) && S_u32(loc) == 0x07064b50 &&
	    !tl_zip_src_at(s, S_u64(loc + 8), z64, 56) && S_u32(z64) == 0x06064b50) {
		count = S_u64(z64 + 32);
		cd_size = S_u64(z64 + 40);
		cd_off = S_u64(z64 + 48);
		is_plain = 0;
	}
	if (count == 0)
		return TL_ZIP_WALK_OK; /* nothing to read: libzip says what such an archive is */
	if (count > max_entries || cd_size > s->size || cd_off > s->size - cd_size)
		return TL_ZIP_WALK_UNKNOWN;
	unsigned char *cd = malloc(cd_size ? cd_size : 1);
	S_span *sp = calloc(count, sizeof *sp);
	tl_zip_ent *ents = is_plain ? calloc(count, sizeof *ents) : NULL;
	int res = TL_ZIP_WALK_UNKNOWN;
	size_t ns = 0;
	uint64_t p = 0;
	if (!cd || !sp || (is_plain && !ents) || tl_zip_src_at(s, cd_off, cd, cd_size))
		goto done;
	for (; ns < count; ns++) {
		if (p + 46 > cd_size || S_u32(cd + p) != 0x02014b50)
			goto done;
		const unsigned char *h = cd + p;
		uint64_t comp = S_u32(h + 20), usize = S_u32(h + 24), off = S_u32(h + 42);
		uint32_t nl = S_u16(h + 28), xl = S_u16(h + 30), cl = S_u16(h + 32);
		uint32_t flags = S_u16(h + 8), method = S_u16(h + 10);
		if (p + 46 + nl + xl + cl > cd_size)
			goto done;
		if (is_plain &&
		    ((flags & 0x2041u) || (method != 0 && method != 8) || comp == 0xFFFFFFFFu ||
		     usize == 0xFFFFFFFFu || off == 0xFFFFFFFFu || S_u16(h + 34) != 0 || nl == 0 ||
		     memchr(h + 46, 0, nl) || !S_extras_ok(h + 46 + nl, xl) ||
		     (method == 0 && comp != usize)))
			is_plain = 0;
		for (const unsigned char *x = h + 46 + nl, *xe = x + xl; x + 4 <= xe;) {
			uint32_t id = S_u16(x), len = S_u16(x + 2);
			const unsigned char *v = x + 4, *ve = v + len;
			if (ve > xe)
				break;
			if (id == 0x7075)
				is_plain = 0; /* libzip names the entry by its Info-ZIP Unicode Path */
			if (id == 1) {
				if (usize == 0xFFFFFFFFu && v + 8 <= ve)
					usize = S_u64(v), v += 8;
				if (comp == 0xFFFFFFFFu && v + 8 <= ve)
					comp = S_u64(v), v += 8;
				if (off == 0xFFFFFFFFu && v + 8 <= ve)
					off = S_u64(v);
			}
			x = ve;
		}
		unsigned char lh[30], lname[256];
		if (tl_zip_src_at(s, off, lh, 30) || S_u32(lh) != 0x04034b50) {
			res = TL_ZIP_WALK_INCONS;
			goto done;
		}
		uint32_t lnl = S_u16(lh + 26), lxl = S_u16(lh + 28), lflags = S_u16(lh + 6);
		/* the same name, method and (without a data descriptor) CRC and sizes */
		if (lnl != nl || S_u16(lh + 8) != method ||
		    (nl <= sizeof lname && (tl_zip_src_at(s, off + 30, lname, nl) || memcmp(lname, h + 46, nl)))) {
			res = TL_ZIP_WALK_INCONS;
			goto done;
		}
		if (!(lflags & 8) && S_u32(lh + 18) != 0xFFFFFFFFu && S_u32(lh + 22) != 0xFFFFFFFFu &&
		    (S_u32(lh + 14) != S_u32(h + 16) || S_u32(lh + 18) != (comp & 0xFFFFFFFFu) ||
		     S_u32(lh + 22) != (usize & 0xFFFFFFFFu))) {
			res = TL_ZIP_WALK_INCONS;
			goto done;
		}
		if (is_plain && (lflags != flags || (!(lflags & 8) && (S_u32(lh + 18) == 0xFFFFFFFFu ||
		                                                        S_u32(lh + 22) == 0xFFFFFFFFu)) ||
		                 !S_local_tail_ok(s, off, h + 46, nl, lxl)))
			is_plain = 0;
		uint64_t data = off + 30 + lnl + lxl;
		sp[ns].start = off;
		sp[ns].end = data + comp;
		if (sp[ns].end < data)
			goto done;
		if (sp[ns].end > cd_off) {
			res = TL_ZIP_WALK_INCONS;
			goto done;
		}
		if (is_plain) {
			tl_zip_ent *en = &ents[ns];
			if (!(en->name = malloc((size_t)nl + 1)))
				goto done;
			memcpy(en->name, h + 46, nl);
			en->name[nl] = '\0';
			en->comp = comp;
			en->usize = usize;
			en->data = data;
			en->crc = S_u32(h + 16);
			en->attr = S_u32(h + 38);
			en->method = (uint16_t)method;
			en->made_by = (uint16_t)S_u16(h + 4);
		}
		p += 46 + (uint64_t)nl + xl + cl;
	}
	qsort(sp, ns, sizeof *sp, S_cmp_span);
	res = TL_ZIP_WALK_OK;
	for (size_t i = 1; i < ns; i++)
		if (sp[i].start < sp[i - 1].end) {
			res = TL_ZIP_WALK_OVERLAP;
			break;
		}
	if (res == TL_ZIP_WALK_OK && is_plain && p == cd_size) {
		*plain = ents;
		*nplain = ns;
		ents = NULL;
	}
done:
	tl_zip_ents_free(ents, ents ? (size_t)count : 0);
	free(cd);
	free(sp);
	return res;
}
