/* Plain ZIP archives are read without libzip (src/ingest/zip_cdir.c,
 * zip.c): what counts as plain, that such an archive reads the same from a
 * file and from memory without loading libzip, and that everything else --
 * encrypted, Unicode Path names, a comment that does not fit, a stored
 * member whose sizes differ, a damaged member -- goes to libzip and gets its
 * errors.  The archives are written with tests/unit/ziptest.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "ingest/pkg.h"
#include "ingest/zip_int.h"
#include "ziptest.h"

typedef struct {
	unsigned char *b;
	size_t n;
} S_out;

/* An archive of the entries (ziptest.h), with `tail` bytes after its end
 * record that the record's comment length does not cover. */
static S_out S_zip(const zt_entry *e, size_t n, const char *tail)
{
	S_out o;
	o.b = zt_build(e, n, &o.n);
	if (tail) {
		size_t tl = strlen(tail);
		o.b = realloc(o.b, o.n + tl);
		memcpy(o.b + o.n, tail, tl);
		o.n += tl;
	}
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
	const zt_entry m[] = {
		{"mimetype", "application/vnd.oasis.opendocument.text", 0, 0, 0, 0, 0, 0, NULL, 0},
		{"word/document.xml", S_big(), 0, 0, 0, 0, 0, 1, NULL, 0},
		{"docProps/app.xml", "<Properties/>", 0, 0, 0, 8, 0, 1, NULL, 0}, /* a data descriptor flag */
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
	const zt_entry a[] = {{"content.xml", "<office:document-content/>", 0, 0, 0, 0, 0, 1, up, sizeof up}};
	S_out o = S_zip(a, 1, NULL);
	tl_zip *z = S_open(&o, NULL, &err);
	T_OK(z && !tl_zip_plain(z), "a Unicode Path field is not plain");
	tl_zip_close(z);
	free(o.b);
	/* bytes after the end record that its comment length does not cover */
	const zt_entry b[] = {{"content.xml", "<x/>", 0, 0, 0, 0, 0, 1, NULL, 0}};
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
	const zt_entry c[] = {{"content.xml", "<x/>", 0, 0, 0, 1, 0, 0, NULL, 0}};
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
	/* a stored member whose stated sizes differ (four bytes stored, five declared) */
	const zt_entry d[] = {{"content.xml", "<x/>", 0, 0, 1, 0, 0, 0, NULL, 0}};
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
	const zt_entry m[] = {{"word/document.xml", S_big(), 0, 1, 0, 0, 0, 1, NULL, 0},
	                      {"mimetype", "x", 0, 1, 0, 0, 0, 0, NULL, 0}};
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
