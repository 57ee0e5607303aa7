/* The safe ZIP and XML layer (src/ingest/zip.c, xml.c): every refusal path
 * with a small archive or part built here. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "harness.h"
#include "ingest/pkg.h"
#include "ziptest.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int S_open(tl_zip **z, const zt_entry *e, size_t n, const tl_limits *lim, tl_error *err)
{
	size_t len;
	unsigned char *b = zt_build(e, n, &len);
	/* the source buffer must outlive the archive: keep it in a static */
	static unsigned char *keep[64];
	static int nkeep;
	if (nkeep < 64)
		keep[nkeep++] = b;
	return tl_zip_open(z, "t.docx", NULL, b, len, lim, err);
}

static void test_good_archive_lookup_ignores_case(void)
{
	zt_entry e[] = {{"[Content_Types].xml", "<Types/>", 0, 0, 0, 0, 0},
	                {"word/document.xml", "<w:document/>", 0, 0, 0, 0, 0}};
	tl_zip *z;
	tl_error err = TL_ERROR_INIT;
	T_INT(S_open(&z, e, N(e), NULL, &err), 0);
	if (!z)
		return;
	T_INT(tl_zip_count(z), 2);
	T_STR(tl_zip_name(z, 1), "word/document.xml");
	T_INT(tl_zip_has(z, "WORD/Document.XML"), 1);
	char *d;
	size_t len;
	T_INT(tl_zip_read(z, "/word/document.xml", 1, &d, &len, &err), 0);
	T_STR(d, "<w:document/>");
	T_INT(len, 13);
	free(d);
	/* optional and required missing parts */
	T_INT(tl_zip_read(z, "word/styles.xml", 0, &d, &len, &err), 1);
	T_OK(d == NULL, "no data for a missing optional part");
	T_INT(tl_zip_read(z, "word/styles.xml", 1, &d, &len, &err), TL_EPKG_MISSING_PART);
	T_STR(err.part, "word/styles.xml");
	T_STR(err.path, "t.docx");
	tl_zip_close(z);
}

static void test_duplicates(void)
{
	zt_entry exact[] = {{"word/document.xml", "<a/>", 0, 0, 0, 0, 0},
	                    {"word/document.xml", "<b/>", 0, 0, 0, 0, 0}};
	zt_entry cased[] = {{"word/document.xml", "<a/>", 0, 0, 0, 0, 0},
	                    {"WORD/Document.XML", "<b/>", 0, 0, 0, 0, 0}};
	tl_zip *z;
	tl_error err = TL_ERROR_INIT;
	T_INT(S_open(&z, exact, N(exact), NULL, &err), TL_EZIP_DUPLICATE_NAME);
	T_OK(z == NULL, "no archive on error");
	T_INT(S_open(&z, cased, N(cased), NULL, &err), TL_EZIP_DUPLICATE_NAME);
	T_OK(strstr(err.message, "ignore case") != NULL, "%s", err.message);
}

static void test_crc_and_lying_sizes(void)
{
	zt_entry e[] = {{"bad-crc.xml", "<a>0123456789</a>", 0, 0x1234, 0, 0, 0},
	                {"short.xml", "<a>0123456789</a>", 0, 0, -5, 0, 0},
	                {"long.xml", "<a>0123456789</a>", 0, 0, +5, 0, 0},
	                {"ok.xml", "<ok/>", 0, 0, 0, 0, 0}};
	tl_zip *z;
	tl_error err = TL_ERROR_INIT;
	T_INT(S_open(&z, e, N(e), NULL, &err), 0);
	if (!z)
		return;
	char *d;
	size_t len;
	T_INT(tl_zip_read(z, "bad-crc.xml", 1, &d, &len, &err), TL_EZIP_CRC);
	T_OK(d == NULL, "no data after a CRC error");
	T_STR(err.part, "bad-crc.xml");
	/* inflating past the declared size stops one byte after it */
	T_INT(tl_zip_read(z, "short.xml", 1, &d, &len, &err), TL_EZIP_SIZE_MISMATCH);
	T_OK(strstr(err.message, "past its declared size") != NULL, "%s", err.message);
	/* a stored entry that ends before its declared size: libzip notices */
	T_INT(tl_zip_read(z, "long.xml", 1, &d, &len, &err), TL_EZIP_INCONSISTENT);
	/* the archive stays usable for the other members */
	T_INT(tl_zip_read(z, "ok.xml", 1, &d, &len, &err), 0);
	free(d);
	tl_zip_close(z);
}

static void test_symlink_and_encrypted_entries(void)
{
	zt_entry e[] = {{"word/document.xml", "/etc/passwd", 0, 0, 0, 0, 0120777},
	                {"word/styles.xml", "xxxxxxxxxxxxxxxxxxxxxxxx", 0, 0, 0, 1, 0100644},
	                {"word/ok.xml", "<ok/>", 0, 0, 0, 0, 0100644}};
	tl_zip *z;
	tl_error err = TL_ERROR_INIT;
	T_INT(S_open(&z, e, N(e), NULL, &err), 0);
	if (!z)
		return;
	char *d;
	size_t len;
	T_INT(tl_zip_read(z, "word/document.xml", 1, &d, &len, &err), TL_EPKG_SYMLINK);
	T_INT(tl_zip_read(z, "word/styles.xml", 1, &d, &len, &err), TL_EENCRYPTED);
	T_OK(strstr(err.message, "password") != NULL, "%s", err.message);
	T_INT(tl_zip_read(z, "word/ok.xml", 1, &d, &len, &err), 0);
	free(d);
	tl_zip_close(z);
}

static void test_unsafe_names_are_never_found(void)
{
	zt_entry e[] = {{"../../x", "a", 0, 0, 0, 0, 0},        {"/tmp/abs", "b", 0, 0, 0, 0, 0},
	                {"a\\..\\b", "c", 0, 0, 0, 0, 0},       {"C:/drive", "d", 0, 0, 0, 0, 0},
	                {"word/../../up", "e", 0, 0, 0, 0, 0},  {"ctl\x01name", "f", 0, 0, 0, 0, 0},
	                {"bidi\xE2\x80\xAEtxt", "g", 0, 0, 0, 0, 0}, {"word/document.xml", "<ok/>", 0, 0, 0, 0, 0}};
	tl_zip *z;
	tl_error err = TL_ERROR_INIT;
	T_INT(S_open(&z, e, N(e), NULL, &err), 0);
	if (!z)
		return;
	T_INT(tl_zip_count(z), 8);
	const char *names[] = {"../../x", "/tmp/abs", "tmp/abs", "a\\..\\b", "C:/drive",
	                       "word/../../up", "ctl\x01name", "bidi\xE2\x80\xAEtxt"};
	for (size_t i = 0; i < N(names); i++)
		T_OK(!tl_zip_has(z, names[i]), "unsafe name %zu is not found", i);
	/* listed, but escaped for display */
	T_STR(tl_zip_name(z, 5), "ctl\\u{0001}name");
	T_INT(tl_zip_has(z, "word/document.xml"), 1);
	tl_zip_close(z);
}

static void test_limits(void)
{
	zt_entry many[12];
	char names[12][16];
	for (int i = 0; i < 12; i++) {
		snprintf(names[i], sizeof names[i], "e%d.xml", i);
		many[i] = (zt_entry){names[i], "<a/>", 0, 0, 0, 0, 0};
	}
	tl_limits lim = TL_LIMITS_INIT;
	lim.max_entries = 10;
	tl_zip *z;
	tl_error err = TL_ERROR_INIT;
	T_INT(S_open(&z, many, 12, &lim, &err), TL_ELIMIT_ENTRY_COUNT);
	lim.max_entries = 12;
	T_INT(S_open(&z, many, 12, &lim, &err), 0);
	tl_zip_close(z);

	static char big[200];
	memset(big, 'x', sizeof big);
	zt_entry e[] = {{"a.xml", big, 200, 0, 0, 0, 0},
	                {"b.xml", big, 200, 0, 0, 0, 0},
	                {"c.xml", big, 150, 0, 0, 0, 0}};
	lim = (tl_limits)TL_LIMITS_INIT;
	lim.max_entry_size = 199;
	T_INT(S_open(&z, e, N(e), &lim, &err), 0);
	char *d;
	size_t len;
	T_INT(tl_zip_read(z, "a.xml", 1, &d, &len, &err), TL_ELIMIT_ENTRY_SIZE);
	T_INT(tl_zip_read(z, "c.xml", 1, &d, &len, &err), 0);
	free(d);
	tl_zip_close(z);
	/* the per-document budget counts every member read */
	lim = (tl_limits)TL_LIMITS_INIT;
	lim.max_total_size = 450;
	T_INT(S_open(&z, e, N(e), &lim, &err), 0);
	T_INT(tl_zip_read(z, "a.xml", 1, &d, &len, &err), 0);
	free(d);
	T_INT(tl_zip_read(z, "b.xml", 1, &d, &len, &err), 0);
	free(d);
	T_INT(tl_zip_read(z, "c.xml", 1, &d, &len, &err), TL_ELIMIT_TOTAL_SIZE);
	tl_zip_close(z);

	/* the ratio cap judges members declared above 64 MiB, before inflating */
	zt_entry r[] = {{"big.xml", "<a/>", 0, 0, 65L << 20, 0, 0},
	                {"mid.xml", "<a/>", 0, 0, 60L << 20, 0, 0}};
	T_INT(S_open(&z, r, N(r), NULL, &err), 0);
	if (!z)
		return;
	T_INT(tl_zip_read(z, "big.xml", 1, &d, &len, &err), TL_ELIMIT_ENTRY_SIZE);
	T_OK(strstr(err.message, "ratio") != NULL, "%s", err.message);
	/* below the floor the ratio is not judged: reading finds the short data */
	T_INT(tl_zip_read(z, "mid.xml", 1, &d, &len, &err), TL_EZIP_INCONSISTENT);
	tl_zip_close(z);
}

static void test_overlap_corrupt_and_file_path(void)
{
	size_t len;
	unsigned char *b = zt_build_overlap(&len);
	tl_zip *z;
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_zip_open(&z, "o.docx", NULL, b, len, NULL, &err), TL_EZIP_OVERLAP);
	/* the same through a file path */
	char path[] = "/tmp/tl_test_zip_XXXXXX";
	int fd = mkstemp(path);
	T_OK(fd >= 0, "mkstemp");
	if (fd >= 0) {
		T_INT(write(fd, b, len), (long)len);
		close(fd);
		T_INT(tl_zip_open(&z, "o.docx", path, NULL, 0, NULL, &err), TL_EZIP_OVERLAP);
		unlink(path);
	}
	/* truncated: no central directory */
	T_INT(tl_zip_open(&z, "t.docx", NULL, b, len / 2, NULL, &err), TL_EZIP_CORRUPT);
	T_INT(tl_zip_open(&z, "t.docx", NULL, "not a zip at all", 16, NULL, &err), TL_EZIP_CORRUPT);
	T_INT(tl_zip_open(&z, "missing.docx", "/nonexistent/x.docx", NULL, 0, NULL, &err), TL_EIO);
	free(b);
}

static void test_word_time_quirk_and_header_mismatch(void)
{
	zt_entry e[] = {{"word/document.xml", "<w:document/>", 0, 0, 0, 0, 0},
	                {"[Content_Types].xml", "<Types/>", 0, 0, 0, 0, 0}};
	size_t len;
	tl_zip *z;
	tl_error err = TL_ERROR_INIT;
	/* Word writes a local-header time a second or two off the central one:
	 * libzip's ZIP_CHECKCONS refuses that, we read it */
	unsigned char *b = zt_build(e, N(e), &len);
	b[10] ^= 0x01;
	T_INT(tl_zip_open(&z, "w.docx", NULL, b, len, NULL, &err), 0);
	char *d;
	size_t n;
	if (z) {
		T_INT(tl_zip_read(z, "word/document.xml", 1, &d, &n, &err), 0);
		free(d);
		tl_zip_close(z);
	}
	free(b);
	/* a local header whose name differs from the central directory's */
	b = zt_build(e, N(e), &len);
	b[30] = 'W';
	T_INT(tl_zip_open(&z, "w.docx", NULL, b, len, NULL, &err), TL_EZIP_INCONSISTENT);
	free(b);
	/* ... or whose CRC differs (no data descriptor) */
	b = zt_build(e, N(e), &len);
	b[14] ^= 0xFF;
	T_INT(tl_zip_open(&z, "w.docx", NULL, b, len, NULL, &err), TL_EZIP_INCONSISTENT);
	free(b);
}

/* ---- XML ---- */

static int S_parse(const char *xml, const tl_limits *lim, tl_error *err, int *nodes)
{
	xmlTextReaderPtr r;
	*nodes = 0;
	int rc = tl_xml_reader(&r, xml, strlen(xml), "word/document.xml", lim, err);
	if (rc)
		return rc;
	while ((rc = tl_xml_next(r, "word/document.xml", lim, err)) == 1)
		(*nodes)++;
	xmlFreeTextReader(r);
	return rc;
}

static void test_xml_refusals(void)
{
	tl_error err = TL_ERROR_INIT;
	int n;
	T_INT(S_parse("<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY a \"b\">]>\n<d>&a;</d>", NULL,
	              &err, &n), TL_EXML_DTD);
	T_INT(err.line, 2);
	T_STR(err.part, "word/document.xml");
	/* a DOCTYPE inside a comment or CDATA is only text */
	T_INT(S_parse("<d><!-- <!DOCTYPE x> --><![CDATA[<!DOCTYPE y>]]></d>", NULL, &err, &n), 0);
	T_INT(S_parse("<d>\n<e>\n</d>", NULL, &err, &n), TL_EXML_PARSE);
	T_INT(err.line, 3);
	T_INT(S_parse("<d>&undefined;</d>", NULL, &err, &n), TL_EXML_PARSE);
	T_INT(S_parse("<d>&#0;</d>", NULL, &err, &n), TL_EXML_PARSE);
	T_INT(S_parse("", NULL, &err, &n), TL_EXML_PARSE);
	T_INT(S_parse("  \n ", NULL, &err, &n), TL_EXML_PARSE);
	T_INT(S_parse("<d>ok \xC3\x28</d>", NULL, &err, &n), TL_EXML_ENCODING);
	T_INT(S_parse("<?xml version=\"1.0\" encoding=\"UTF-7\"?><d/>", NULL, &err, &n),
	      TL_EXML_ENCODING);
	T_OK(strstr(err.message, "UTF-7") != NULL, "%s", err.message);
	/* Latin-1 declared and used is fine */
	T_INT(S_parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><d>caf\xE9</d>", NULL, &err, &n), 0);
}

static void test_xml_limits(void)
{
	tl_limits lim = TL_LIMITS_INIT;
	tl_error err = TL_ERROR_INIT;
	int n;
	lim.max_xml_depth = 3;
	T_INT(S_parse("<a><b><c/></b></a>", &lim, &err, &n), 0);
	T_INT(S_parse("<a><b><c><d/></c></b></a>", &lim, &err, &n), TL_EXML_LIMIT);
	lim = (tl_limits)TL_LIMITS_INIT;
	lim.max_text_len = 8;
	T_INT(S_parse("<a>12345678</a>", &lim, &err, &n), 0);
	T_INT(S_parse("<a>123456789</a>", &lim, &err, &n), TL_EXML_LIMIT);
	T_INT(S_parse("<a x=\"123456789\"/>", &lim, &err, &n), TL_EXML_LIMIT);
	T_INT(S_parse("<a><![CDATA[123456789]]></a>", &lim, &err, &n), TL_EXML_LIMIT);
	/* attribute flood: refused before libxml2's quadratic duplicate check */
	size_t cap = 1100 * 16 + 64;
	char *s = malloc(cap), *p = s;
	p += sprintf(p, "<a");
	for (int i = 0; i < 1100; i++)
		p += sprintf(p, " a%d=\"1\"", i);
	sprintf(p, "/>");
	T_INT(S_parse(s, NULL, &err, &n), TL_EXML_LIMIT);
	T_OK(strstr(err.message, "attributes") != NULL, "%s", err.message);
	free(s);
}

static void test_xml_utf16_and_silence(void)
{
	/* UTF-16LE with a BOM: parsed */
	const char src[] = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><d>\xC3\xBC</d>";
	char buf[256];
	size_t k = 0;
	buf[k++] = (char)0xFF, buf[k++] = (char)0xFE;
	for (size_t i = 0; src[i]; i++) {
		unsigned c = (unsigned char)src[i];
		if (c == 0xC3) { /* ü */
			buf[k++] = (char)0xFC, buf[k++] = 0, i++;
			continue;
		}
		buf[k++] = (char)c, buf[k++] = 0;
	}
	xmlTextReaderPtr r;
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_xml_reader(&r, buf, k, "p.xml", NULL, &err), 0);
	int rc, text = 0;
	while ((rc = tl_xml_next(r, "p.xml", NULL, &err)) == 1)
		if (xmlTextReaderNodeType(r) == XML_READER_TYPE_TEXT)
			text = strcmp((const char *)xmlTextReaderConstValue(r), "\xC3\xBC") == 0;
	T_INT(rc, 0);
	T_OK(text, "UTF-16 text arrives as UTF-8");
	xmlFreeTextReader(r);
	/* nothing on stderr from libxml2 */
	char path[] = "/tmp/tl_test_xml_XXXXXX";
	int fd = mkstemp(path), saved = dup(2);
	dup2(fd, 2);
	int n;
	S_parse("<d><e></d>", NULL, &err, &n);
	S_parse("<d a='1' a='2'/>", NULL, &err, &n);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	struct stat st;
	fstat(fd, &st);
	T_INT(st.st_size, 0);
	close(fd);
	unlink(path);
}

static void test_entity_loader_denies(void)
{
	/* even a caller that asks libxml2 to load entities gets nothing */
	tl_xml_init();
	const char *x = "<!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><d>&e;</d>";
	xmlDocPtr doc = xmlReadMemory(x, (int)strlen(x), NULL, NULL, XML_PARSE_NOENT | XML_PARSE_DTDLOAD);
	xmlChar *content = doc ? xmlNodeGetContent(xmlDocGetRootElement(doc)) : NULL;
	T_OK(!content || !strstr((const char *)content, "root:"), "external entity was loaded");
	xmlFree(content);
	xmlFreeDoc(doc);
}

int main(void)
{
	test_good_archive_lookup_ignores_case();
	test_duplicates();
	test_crc_and_lying_sizes();
	test_symlink_and_encrypted_entries();
	test_unsafe_names_are_never_found();
	test_limits();
	test_overlap_corrupt_and_file_path();
	test_word_time_quirk_and_header_mismatch();
	test_xml_refusals();
	test_xml_limits();
	test_xml_utf16_and_silence();
	test_entity_loader_denies();
	return T_DONE();
}
