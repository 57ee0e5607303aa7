/* Plain ZIP archives are read without libzip (src/ingest/zip_cdir.c,
 * zip.c): what counts as plain, that such an archive reads the same from a
 * file and from memory without loading libzip, and that everything else --
 * encrypted, Unicode Path names, a comment that does not fit, a stored
 * member whose sizes differ, a damaged member -- goes to libzip and gets its
 * errors.  The archives are written byte by byte here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "harness.h"
#include "ingest/pkg.h"
#include "ingest/zip_int.h"

typedef struct {
	const char *name;
	const char *text;
	int deflate;
	unsigned flags;        /* general purpose bits, central and local */
	const char *extra;     /* central extra field bytes, or NULL */
	size_t nextra;
	int bad_crc;           /* store a wrong CRC-32 */
	int short_stored;      /* stored, but the central compressed size one less */
} S_member;

typedef struct {
	unsigned char *b;
	size_t n, cap;
} S_out;

static void S_put(S_out *o, const void *p, size_t n)
{
	if (o->n + n > o->cap) {
		o->cap = (o->n + n) * 2 + 256;
		o->b = realloc(o->b, o->cap);
	}
	memcpy(o->b + o->n, p, n);
	o->n += n;
}
static void S_u16(S_out *o, unsigned v)
{
	unsigned char b[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
	S_put(o, b, 2);
}
static void S_u32(S_out *o, unsigned long v)
{
	S_u16(o, (unsigned)(v & 0xFFFF));
	S_u16(o, (unsigned)(v >> 16));
}

/* An archive of the members; `tail` bytes after the end record (a comment
 * that the record does not declare). */
static S_out S_zip(const S_member *m, int n, const char *tail)
{
	S_out o = {0}, cd = {0};
	for (int i = 0; i < n; i++) {
		size_t tl = strlen(m[i].text), cl = tl;
		unsigned char *c = NULL;
		if (m[i].deflate) {
			z_stream zs = {0};
			deflateInit2(&zs, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
			c = malloc(deflateBound(&zs, (uLong)tl) + 16);
			zs.next_in = (Bytef *)m[i].text;
			zs.avail_in = (uInt)tl;
			zs.next_out = c;
			zs.avail_out = (uInt)deflateBound(&zs, (uLong)tl) + 16;
			deflate(&zs, Z_FINISH);
			cl = zs.total_out;
			deflateEnd(&zs);
		}
		unsigned long crc = crc32(0, (const Bytef *)m[i].text, (uInt)tl) ^ (m[i].bad_crc ? 1u : 0u);
		size_t off = o.n, nl = strlen(m[i].name);
		S_u32(&o, 0x04034b50);
		S_u16(&o, 20);
		S_u16(&o, m[i].flags);
		S_u16(&o, m[i].deflate ? 8 : 0);
		S_u32(&o, 0);
		S_u32(&o, crc);
		S_u32(&o, cl);
		S_u32(&o, tl);
		S_u16(&o, (unsigned)nl);
		S_u16(&o, 0);
		S_put(&o, m[i].name, nl);
		S_put(&o, c ? (const void *)c : (const void *)m[i].text, cl);
		S_u32(&cd, 0x02014b50);
		S_u16(&cd, 0x031e); /* made by: Unix */
		S_u16(&cd, 20);
		S_u16(&cd, m[i].flags);
		S_u16(&cd, m[i].deflate ? 8 : 0);
		S_u32(&cd, 0);
		S_u32(&cd, crc);
		S_u32(&cd, m[i].short_stored ? cl - 1 : cl);
		S_u32(&cd, tl);
		S_u16(&cd, (unsigned)nl);
		S_u16(&cd, (unsigned)m[i].nextra);
		S_u16(&cd, 0);
		S_u16(&cd, 0);
		S_u16(&cd, 0);
		S_u32(&cd, 0100644ul << 16);
		S_u32(&cd, off);
		S_put(&cd, m[i].name, nl);
		if (m[i].nextra)
			S_put(&cd, m[i].extra, m[i].nextra);
		free(c);
	}
	size_t cd_off = o.n;
	S_put(&o, cd.b, cd.n);
	S_u32(&o, 0x06054b50);
	S_u16(&o, 0);
	S_u16(&o, 0);
	S_u16(&o, (unsigned)n);
	S_u16(&o, (unsigned)n);
	S_u32(&o, cd.n);
	S_u32(&o, cd_off);
	S_u16(&o, 0);
	if (tail)
		S_put(&o, tail, strlen(tail));
	free(cd.b);
	return o;
}

static const char *S_big(void)
{
	static char b[60000];
	if (!b[0]) {
		for (size_t i = 0; i + 1 < sizeof b; i++)
			b[i] = "Opdrachtnemer meldt een datalek binnen 24 uur. "[i % 47];
	}
	return b;
}

/* Opens the archive from memory, or from a file when path is set. */
static tl_zip *S_open(const S_out *o, const char *path, tl_error *err)
{
	tl_zip *z = NULL;
	if (path) {
		FILE *f = fopen(path, "wb");
		fwrite(o->b, 1, o->n, f);
		fclose(f);
		tl_zip_open(&z, "t.zip", path, NULL, 0, NULL, err);
	} else {
		tl_zip_open(&z, "t.zip", NULL, o->b, o->n, NULL, err);
	}
	return z;
}

static void test_plain_archive_reads_without_libzip(void)
{
	const S_member m[] = {
		{"mimetype", "application/vnd.oasis.opendocument.text", 0, 0, NULL, 0, 0, 0},
		{"word/document.xml", S_big(), 1, 0, NULL, 0, 0, 0},
		{"docProps/app.xml", "<Properties/>", 1, 8, NULL, 0, 0, 0}, /* a data descriptor flag */
	};
	S_out o = S_zip(m, 3, NULL);
	char path[] = "/tmp/tl_zip_plain_XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	for (int from_file = 0; from_file <= 1; from_file++) {
		tl_error err = TL_ERROR_INIT;
		tl_zip *z = S_open(&o, from_file ? path : NULL, &err);
		T_OK(z != NULL, "open (%s): %s", from_file ? "file" : "memory", err.message);
		if (!z)
			continue;
		T_INT(tl_zip_plain(z), 1);
		T_INT(tl_zip_count(z), 3);
		char *d = NULL;
		size_t n = 0;
		T_INT(tl_zip_read(z, "WORD/Document.xml", 1, &d, &n, &err), 0); /* names ignore case */
		T_INT(n, strlen(S_big()));
		T_OK(d && !memcmp(d, S_big(), n) && d[n] == '\0', "inflated text");
		free(d);
		T_INT(tl_zip_read(z, "mimetype", 1, &d, &n, &err), 0);
		T_STR(d, "application/vnd.oasis.opendocument.text");
		free(d);
		T_INT(tl_zip_read(z, "docProps/app.xml", 1, &d, &n, &err), 0);
		T_STR(d, "<Properties/>");
		free(d);
		T_INT(tl_zip_read(z, "word/styles.xml", 0, &d, &n, &err), 1); /* optional and absent */
		T_INT(tl_zip_inflated(z), strlen(S_big()) + 39 + 13);
		tl_zip_close(z);
	}
	/* reading plain archives never needed libzip */
	T_INT(tl_libzip_loaded(), 0);
	unlink(path);
	free(o.b);
}

/* Not plain: opened through libzip, which reads or refuses it as before. */
static void test_other_archives_go_to_libzip(void)
{
	tl_error err = TL_ERROR_INIT;
	/* an Info-ZIP Unicode Path field: libzip names the entry after it */
	static const char up[] = {0x75, 0x70, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00};
	const S_member a[] = {{"content.xml", "<office:document-content/>", 1, 0, up, sizeof up, 0, 0}};
	S_out o = S_zip(a, 1, NULL);
	tl_zip *z = S_open(&o, NULL, &err);
	T_OK(z && !tl_zip_plain(z), "a Unicode Path field is not plain");
	tl_zip_close(z);
	free(o.b);
	/* bytes after the end record that its comment length does not cover */
	const S_member b[] = {{"content.xml", "<x/>", 1, 0, NULL, 0, 0, 0}};
	o = S_zip(b, 1, "trailing bytes");
	err = (tl_error)TL_ERROR_INIT;
	z = S_open(&o, NULL, &err);
	T_OK(!z || !tl_zip_plain(z), "trailing bytes are not plain");
	if (z) {
		char *d = NULL;
		size_t n = 0;
		T_INT(tl_zip_read(z, "content.xml", 1, &d, &n, &err), 0);
		T_STR(d, "<x/>");
		free(d);
	}
	tl_zip_close(z);
	free(o.b);
	/* the encryption flag: libzip opens it, the read is refused as encrypted */
	const S_member c[] = {{"content.xml", "<x/>", 0, 1, NULL, 0, 0, 0}};
	o = S_zip(c, 1, NULL);
	err = (tl_error)TL_ERROR_INIT;
	z = S_open(&o, NULL, &err);
	T_OK(z && !tl_zip_plain(z), "an encrypted entry is not plain");
	if (z) {
		char *d = NULL;
		size_t n = 0;
		T_INT(tl_zip_read(z, "content.xml", 1, &d, &n, &err), TL_EENCRYPTED);
		free(d);
	}
	tl_zip_close(z);
	free(o.b);
	/* a stored member whose central sizes differ */
	const S_member d[] = {{"content.xml", "<x/>", 0, 0, NULL, 0, 0, 1}};
	o = S_zip(d, 1, NULL);
	err = (tl_error)TL_ERROR_INIT;
	z = S_open(&o, NULL, &err);
	T_OK(!z || !tl_zip_plain(z), "stored sizes that differ are not plain");
	tl_zip_close(z);
	free(o.b);
	T_INT(tl_libzip_loaded(), 1);
}

/* A plain archive whose member is damaged: libzip reads it the careful way
 * and names the fault, as it did before the plain path. */
static void test_damaged_member_gets_libzip_error(void)
{
	const S_member m[] = {{"word/document.xml", S_big(), 1, 0, NULL, 0, 1, 0},
	                      {"mimetype", "x", 0, 0, NULL, 0, 1, 0}};
	S_out o = S_zip(m, 2, NULL);
	tl_error err = TL_ERROR_INIT;
	tl_zip *z = S_open(&o, NULL, &err);
	T_OK(z && tl_zip_plain(z), "a wrong CRC-32 does not show in the directory");
	if (z) {
		char *d = NULL;
		size_t n = 0;
		T_INT(tl_zip_read(z, "word/document.xml", 1, &d, &n, &err), TL_EZIP_CRC);
		T_OK(strstr(err.message, "CRC-32 mismatch") != NULL, "message: %s", err.message);
		T_STR(err.part, "word/document.xml");
		T_OK(d == NULL, "no data");
		err = (tl_error)TL_ERROR_INIT;
		T_INT(tl_zip_read(z, "mimetype", 1, &d, &n, &err), TL_EZIP_CRC);
		T_OK(d == NULL, "no data");
	}
	tl_zip_close(z);
	free(o.b);
}

int main(void)
{
	test_plain_archive_reads_without_libzip();
	test_other_archives_go_to_libzip();
	test_damaged_member_gets_libzip_error();
	return T_DONE();
}
