/* fuzz_pkg.c: the "unzipped package" input form of the reader targets.
 *
 * Random mutations of a real DOCX/ODT mostly break its deflate streams and
 * CRCs, so they test the ZIP layer and stop there.  To reach the XML
 * readers (styles, numbering, notes, comments, tracked changes, tables), an
 * input may instead hold the package's members as text:
 *
 *   #tl-parts
 *   @@ [Content_Types].xml
 *   <?xml ...?><Types ...>...</Types>
 *   @@ word/document.xml
 *   <w:document ...>...</w:document>
 *
 * Each "\n@@ NAME\n" line starts a member; the members are written, in
 * order and stored (not compressed), into a ZIP in memory, which then goes
 * through the same entry point as a user's file.  Any other input is read
 * as it is (a real DOCX/ODT/FODT, or anything else). */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "fuzz_pkg.h"

#define S_MAGIC "#tl-parts\n"
#define S_SEP "\n@@ "
#define S_MAX_PARTS 64

static const char *S_find(const char *h, size_t hn, const char *n, size_t nn)
{
	if (nn > hn)
		return NULL;
	for (size_t i = 0; i + nn <= hn; i++)
		if (h[i] == n[0] && !memcmp(h + i, n, nn))
			return h + i;
	return NULL;
}

int tl_fuzz_pkg_build(const uint8_t *data, size_t size, uint8_t **out, size_t *out_len)
{
	*out = NULL;
	*out_len = 0;
	size_t ml = sizeof S_MAGIC - 1, sl = sizeof S_SEP - 1;
	if (size < ml || memcmp(data, S_MAGIC, ml) != 0)
		return 0;
	/* "\n" ends the magic line, so the first separator may follow it directly */
	const char *p = (const char *)data + ml - 1, *end = (const char *)data + size;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	if (!za) {
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		return -1;
	}
	zip_source_keep(src);
	int nparts = 0;
	const char *m = S_find(p, (size_t)(end - p), S_SEP, sl);
	while (m && nparts < S_MAX_PARTS) {
		const char *name = m + sl;
		const char *nl = memchr(name, '\n', (size_t)(end - name));
		if (!nl)
			break;
		const char *body = nl + 1;
		const char *next = S_find(body - 1, (size_t)(end - body + 1), S_SEP, sl);
		const char *body_end = !next ? end : next < body ? body : next; /* empty member */
		char fname[512];
		size_t fl = (size_t)(nl - name);
		if (fl > 0 && fl < sizeof fname && !memchr(name, '\0', fl)) {
			memcpy(fname, name, fl);
			fname[fl] = '\0';
			zip_source_t *ps = zip_source_buffer(za, body, (size_t)(body_end - body), 0);
			if (ps) {
				zip_int64_t idx = zip_file_add(za, fname, ps, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
				if (idx < 0)
					zip_source_free(ps);
				else
					zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
			}
			nparts++;
		}
		m = next;
	}
	int rc = -1;
	if (zip_close(za) != 0) {
		zip_discard(za);
	} else if (zip_source_open(src) == 0) {
		zip_stat_t st;
		zip_stat_init(&st);
		if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
			uint8_t *buf = malloc(st.size ? (size_t)st.size : 1);
			if (buf && zip_source_read(src, buf, st.size) == (zip_int64_t)st.size) {
				*out = buf;
				*out_len = (size_t)st.size;
				rc = 1;
			} else {
				free(buf);
			}
		}
		zip_source_close(src);
	}
	zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}
