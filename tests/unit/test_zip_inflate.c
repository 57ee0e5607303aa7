/* The quick read of deflated ZIP members (src/ingest/zip_inflate.c): the
 * CRC-32 equals zlib's for every length and alignment, a stream is taken
 * only when it comes out exactly as declared, and a damaged member still
 * gets libzip's error through the careful path. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include "harness.h"
#include "ingest/pkg.h"
#include "ingest/zip_int.h"
#include "ziptest.h"

static unsigned S_seed = 99;
static unsigned char S_byte(void)
{
	S_seed = S_seed * 1103515245u + 12345u;
	return (unsigned char)(S_seed >> 16);
}

static void test_crc_equals_zlib(void)
{
	size_t big = (1 << 20) + 77;
	unsigned char *b = malloc(big);
	for (size_t i = 0; i < big; i++)
		b[i] = S_byte();
	int bad = 0;
	for (size_t off = 0; off < 16; off++)
		for (size_t n = 0; n < 700 && !bad; n++)
			if (tl_zip_crc32(0, b + off, n) != (uint32_t)crc32(0, b + off, (uInt)n)) {
				bad = 1;
				T_OK(0, "offset %zu length %zu", off, n);
			}
	T_INT(bad, 0);
	T_INT(tl_zip_crc32(0, b, big), (uint32_t)crc32(0, b, (uInt)big));
	/* continued: the CRC of two pieces is the CRC of the whole */
	T_INT(tl_zip_crc32(tl_zip_crc32(0, b, 1000), b + 1000, big - 1000),
	      (uint32_t)crc32(0, b, (uInt)big));
	T_INT(tl_zip_crc32(0, (const unsigned char *)"123456789", 9), 0xCBF43926u);
	free(b);
}

static void test_only_an_exact_stream_is_taken(void)
{
	size_t n = 200000;
	char *text = malloc(n);
	for (size_t i = 0; i < n; i++)
		text[i] = "Opdrachtnemer levert de gegevens. "[i % 34];
	size_t cn;
	unsigned char *c = zt_deflate(text, n, &cn); /* ziptest.h */
	uint32_t crc = (uint32_t)crc32(0, (const Bytef *)text, (uInt)n);
	char *out = malloc(n + 2);
	T_INT(tl_zip_inflate_exact(c, cn, out, n, crc), 1);
	T_OK(memcmp(out, text, n) == 0, "inflated text differs");
	T_INT(tl_zip_inflate_exact(c, cn, out, n, crc ^ 1), 0);      /* wrong CRC */
	T_INT(tl_zip_inflate_exact(c, cn, out, n - 1, crc), 0);      /* longer than declared */
	char *more = malloc(n + 3);
	T_INT(tl_zip_inflate_exact(c, cn, more, n + 1, crc), 0);     /* shorter than declared */
	T_INT(tl_zip_inflate_exact(c, cn / 2, out, n, crc), 0);      /* cut off */
	c[cn / 3] ^= 0x55;
	T_INT(tl_zip_inflate_exact(c, cn, out, n, crc), 0);          /* damaged */
	free(more);
	free(out);
	free(c);
	free(text);
}

/* A deflated member written by libzip, read back through tl_zip_read; then
 * with its CRC changed in both headers: the careful path's error. */
static void test_member_read_and_damaged_crc(void)
{
	char path[] = "/tmp/tl_zip_inflate_XXXXXX";
	int fd = mkstemp(path);
	T_OK(fd >= 0, "mkstemp");
	if (fd < 0)
		return;
	close(fd);
	size_t n = 300000;
	char *text = malloc(n);
	for (size_t i = 0; i < n; i++)
		text[i] = "De Leverancier meldt een incident binnen 24 uur. "[i % 49];
	int ze = 0;
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &ze);
	zip_source_t *src = za ? zip_source_buffer(za, text, n, 0) : NULL;
	T_OK(za && src && zip_file_add(za, "word/document.xml", src, 0) >= 0, "libzip add");
	T_INT(za ? zip_close(za) : -1, 0);

	tl_zip *z = NULL;
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_zip_open(&z, "t.docx", path, NULL, 0, NULL, &err), 0);
	char *d = NULL;
	size_t len = 0;
	if (z) {
		T_INT(tl_zip_read(z, "word/document.xml", 1, &d, &len, &err), 0);
		T_INT(len, n);
		T_OK(d && memcmp(d, text, n) == 0 && d[n] == 0, "member text differs");
		T_INT(tl_zip_inflated(z), n);
		free(d);
		tl_zip_close(z);
	}

	/* the CRC appears in the local header and the central directory */
	FILE *f = fopen(path, "r+b");
	unsigned char *zb = malloc(1 << 20);
	size_t zn = f ? fread(zb, 1, 1 << 20, f) : 0;
	uint32_t crc = (uint32_t)crc32(0, (const Bytef *)text, (uInt)n);
	unsigned char le[4] = {(unsigned char)crc, (unsigned char)(crc >> 8), (unsigned char)(crc >> 16),
	                       (unsigned char)(crc >> 24)};
	int patched = 0;
	for (size_t i = 0; i + 4 <= zn; i++)
		if (memcmp(zb + i, le, 4) == 0) {
			zb[i] ^= 0x01;
			patched++;
		}
	T_INT(patched, 2);
	if (f) {
		rewind(f);
		fwrite(zb, 1, zn, f);
		fclose(f);
	}
	free(zb);
	z = NULL;
	T_INT(tl_zip_open(&z, "t.docx", path, NULL, 0, NULL, &err), 0);
	if (z) {
		d = NULL;
		T_INT(tl_zip_read(z, "word/document.xml", 1, &d, &len, &err), TL_EZIP_CRC);
		T_STR(err.message, "entry: CRC-32 mismatch (damaged data)");
		T_OK(d == NULL, "no data on an error");
		tl_zip_close(z);
	}
	unlink(path);
	free(text);
}

int main(void)
{
	test_crc_equals_zlib();
	test_only_an_exact_stream_is_taken();
	test_member_read_and_damaged_crc();
	return T_DONE();
}
