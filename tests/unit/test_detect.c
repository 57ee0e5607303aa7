/* Format detection by content, never by extension (src/ingest/detect.c). */
#include <stdlib.h>

#include "harness.h"
#include "tenderlint.h"
#include "ziptest.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int S_detect(const char *name, const void *data, size_t len, tl_error *err)
{
	tl_error_clear(err);
	return tl_detect_format(name, data, len, err);
}

/* ---- magic bytes and text ---- */

static void test_magic_and_text(void)
{
	tl_error err = TL_ERROR_INIT;
	T_INT(S_detect("e.docx", "", 0, &err), TL_EFORMAT_UNKNOWN);
	T_INT(S_detect("p.docx", "%PDF-1.7\n%...", 13, &err), TL_EFORMAT_PDF);
	T_OK(strstr(err.message, "convert it to DOCX or ODT first") != NULL, "%s", err.message);
	T_INT(S_detect("r.docx", "{\\rtf1\\ansi hello}", 18, &err), TL_EFORMAT_RTF);
	T_INT(S_detect("b.docx", "\x01\x02\x00\x03garbage", 11, &err), TL_EFORMAT_UNKNOWN);
	T_INT(S_detect("notes.docx", "Artikel 1\nDe partijen ...\n", 26, &err), TL_FORMAT_TEXT);
	T_INT(S_detect("notes.md", "Artikel 1\n", 10, &err), TL_FORMAT_MARKDOWN);
	T_INT(S_detect("x", "# Kop\n\nTekst\n", 13, &err), TL_FORMAT_MARKDOWN);
	T_INT(S_detect("x", "| a | b |\n|---|---|\n| 1 | 2 |\n", 30, &err), TL_FORMAT_MARKDOWN);
	T_INT(S_detect("x", "1. een\n2. twee\n", 15, &err), TL_FORMAT_TEXT);
	T_INT(S_detect("x", "- zie [bijlage](b.pdf)\n", 23, &err), TL_FORMAT_MARKDOWN);
	T_INT(S_detect("x", "caf\xE9\n", 5, &err), TL_EXML_ENCODING);
	T_OK(strstr(err.message, "not valid UTF-8") != NULL, "%s", err.message);
	T_INT(S_detect("x", "\xFF\xFEh\0i\0", 6, &err), TL_EXML_ENCODING);
	T_OK(strstr(err.message, "UTF-16") != NULL, "%s", err.message);
}

/* ---- flat ODT and other XML ---- */

static void test_xml_roots(void)
{
	tl_error err = TL_ERROR_INIT;
	const char *fodt = "<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<office:document "
	                   "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
	                   "office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body/>"
	                   "</office:document>";
	T_INT(S_detect("a.xml", fodt, strlen(fodt), &err), TL_FORMAT_FODT);
	const char *other_prefix = "<o:document xmlns:o='urn:oasis:names:tc:opendocument:xmlns:office:1.0'/>";
	T_INT(S_detect("a", other_prefix, strlen(other_prefix), &err), TL_FORMAT_FODT);
	const char *fods = "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:"
	                   "office:1.0\" office:mimetype=\"application/vnd.oasis.opendocument."
	                   "spreadsheet\"/>";
	T_INT(S_detect("a.fodt", fods, strlen(fods), &err), TL_EFORMAT_UNKNOWN);
	T_OK(strstr(err.message, "spreadsheet") != NULL, "%s", err.message);
	const char *wrong_ns = "<office:document xmlns:office=\"urn:example\"/>";
	T_INT(S_detect("a.fodt", wrong_ns, strlen(wrong_ns), &err), TL_EFORMAT_UNKNOWN);
	const char *w2003 = "<?xml version=\"1.0\"?><w:wordDocument xmlns:w=\"x\"/>";
	T_INT(S_detect("a.xml", w2003, strlen(w2003), &err), TL_EFORMAT_UNKNOWN);
	T_OK(strstr(err.message, "Word 2003") != NULL, "%s", err.message);
	const char *html = "<!DOCTYPE html><html><body>x</body></html>";
	T_INT(S_detect("a.docx", html, strlen(html), &err), TL_EFORMAT_UNKNOWN);
}

/* ---- OLE compound files ---- */

#define S_SEC 512

static void S_le32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16), p[3] = (unsigned char)(v >> 24);
}

static void S_dirent(unsigned char *e, const char *name, int type)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < n; i++)
		e[2 * i] = (unsigned char)name[i];
	e[0x40] = (unsigned char)((n + 1) * 2);
	e[0x42] = (unsigned char)type;
	S_le32(e + 0x44, 0xFFFFFFFF);
	S_le32(e + 0x48, 0xFFFFFFFF);
	S_le32(e + 0x4C, 0xFFFFFFFF);
	S_le32(e + 0x74, 0xFFFFFFFE);
}

/* A version-3 CFB: sector 0 is the FAT, the directory starts at sector 1;
 * fat1/fat2 are the FAT entries of sectors 1 and 2; names[k] are the
 * directory entries of sector 1 + k/4. */
static unsigned char *S_cfb(const char *const *names, size_t n, uint32_t fat1, uint32_t fat2,
                            size_t *len)
{
	size_t nsec = 3;
	unsigned char *b = calloc(1, S_SEC * (nsec + 1));
	memcpy(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
	b[0x18] = 0x3E, b[0x1A] = 3, b[0x1C] = 0xFE, b[0x1D] = 0xFF, b[0x1E] = 9, b[0x20] = 6;
	S_le32(b + 0x2C, 1);
	S_le32(b + 0x30, 1);
	S_le32(b + 0x38, 4096);
	S_le32(b + 0x3C, 0xFFFFFFFE);
	S_le32(b + 0x44, 0xFFFFFFFE);
	for (int i = 0; i < 109; i++)
		S_le32(b + 0x4C + 4 * i, i == 0 ? 0 : 0xFFFFFFFF);
	unsigned char *fat = b + S_SEC;
	for (int i = 0; i < S_SEC / 4; i++)
		S_le32(fat + 4 * i, 0xFFFFFFFF);
	S_le32(fat, 0xFFFFFFFD);
	S_le32(fat + 4, fat1);
	S_le32(fat + 8, fat2);
	for (size_t k = 0; k < n && k < 8; k++)
		S_dirent(b + S_SEC * (2 + k / 4) + 128 * (k % 4), names[k], k == 0 ? 5 : 2);
	*len = S_SEC * (nsec + 1);
	return b;
}

static int S_read_code(const unsigned char *b, size_t len, tl_error *err)
{
	tl_document *doc = NULL;
	int rc = tl_document_read_mem(&doc, "x.docx", b, len, NULL, err);
	tl_document_free(doc);
	return rc;
}

static void test_cfb_directory(void)
{
	tl_error err = TL_ERROR_INIT;
	size_t len;
	const char *doc[] = {"Root Entry", "WordDocument", "1Table"};
	unsigned char *b = S_cfb(doc, N(doc), 0xFFFFFFFE, 0xFFFFFFFF, &len);
	T_INT(S_read_code(b, len, &err), TL_EFORMAT_LEGACY_DOC);
	T_OK(strstr(err.message, "save it as DOCX or ODT first") != NULL, "%s", err.message);
	T_INT(S_detect("x", b, len, &err), TL_EFORMAT_LEGACY_DOC);
	free(b);

	const char *enc[] = {"Root Entry", "EncryptionInfo", "EncryptedPackage", "\x06" "DataSpaces"};
	b = S_cfb(enc, N(enc), 0xFFFFFFFE, 0xFFFFFFFF, &len);
	T_INT(S_read_code(b, len, &err), TL_EENCRYPTED);
	T_OK(strstr(err.message, "password protected") != NULL, "%s", err.message);
	free(b);

	/* the Word stream's entry sits in the directory's second sector: found
	 * only by following the directory's FAT chain 1 -> 2 */
	const char *chained[] = {"Root Entry", "a", "b", "c", "WordDocument"};
	b = S_cfb(chained, N(chained), 2, 0xFFFFFFFE, &len);
	T_INT(S_read_code(b, len, &err), TL_EFORMAT_LEGACY_DOC);
	free(b);
	/* the same bytes, but sector 2 is not part of the directory: the name
	 * appearing somewhere in the file does not count */
	b = S_cfb(chained, N(chained), 0xFFFFFFFE, 0xFFFFFFFF, &len);
	T_INT(S_read_code(b, len, &err), TL_EFORMAT_UNKNOWN);
	free(b);
	/* a FAT cycle ends at the sector cap */
	b = S_cfb(chained, 4, 1, 0xFFFFFFFF, &len);
	T_INT(S_read_code(b, len, &err), TL_EFORMAT_UNKNOWN);
	free(b);

	const char *xls[] = {"Root Entry", "Workbook"};
	b = S_cfb(xls, N(xls), 0xFFFFFFFE, 0xFFFFFFFF, &len);
	T_INT(S_read_code(b, len, &err), TL_EFORMAT_UNKNOWN);
	T_OK(strstr(err.message, "Excel") != NULL, "%s", err.message);
	/* a header alone (the directory cut off) */
	T_INT(S_read_code(b, 512, &err), TL_EFORMAT_UNKNOWN);
	free(b);
}

/* ---- ZIP packages ---- */

#define S_CT_DOCX "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
#define S_REL_DOC "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

static int S_zip_detect(const zt_entry *e, size_t n, tl_error *err)
{
	size_t len;
	unsigned char *b = zt_build(e, n, &len);
	int rc = S_detect("pkg.bin", b, len, err);
	free(b);
	return rc;
}

static void test_zip_packages(void)
{
	tl_error err = TL_ERROR_INIT;
	const char *ct = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	                 "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	                 "<Override PartName=\"/src/main.xml\" ContentType=\"" S_CT_DOCX "\"/></Types>";
	const char *rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	                   "relationships\"><Relationship Id=\"r1\" Type=\"" S_REL_DOC "\" "
	                   "Target=\"/src/./main.xml\"/></Relationships>";
	/* the main part need not be word/document.xml */
	zt_entry docx[] = {{"[Content_Types].xml", ct, 0, 0, 0, 0, 0},
	                   {"_rels/.rels", rels, 0, 0, 0, 0, 0},
	                   {"src/main.xml", "<w:document/>", 0, 0, 0, 0, 0}};
	T_INT(S_zip_detect(docx, N(docx), &err), TL_FORMAT_DOCX);
	T_INT(S_zip_detect(docx + 1, 2, &err), TL_EPKG_MISSING_PART);
	T_STR(err.part, "[Content_Types].xml");
	T_INT(S_zip_detect(docx, 2, &err), TL_EPKG_MISSING_PART);
	T_STR(err.part, "src/main.xml");

	const char *ext = "<Relationships><Relationship Type=\"" S_REL_DOC "\" Target=\"file:///etc/"
	                  "passwd\" TargetMode=\"External\"/></Relationships>";
	zt_entry external[] = {{"[Content_Types].xml", ct, 0, 0, 0, 0, 0},
	                       {"_rels/.rels", ext, 0, 0, 0, 0, 0}};
	T_INT(S_zip_detect(external, N(external), &err), TL_EPKG_MISSING_PART);
	T_OK(strstr(err.message, "officeDocument") != NULL, "%s", err.message);

	const char *ct_xlsx = "<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
	                      "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
	const char *rels_xlsx = "<Relationships><Relationship Type=\"" S_REL_DOC "\" Target=\"xl/"
	                        "workbook.xml\"/></Relationships>";
	zt_entry xlsx[] = {{"[Content_Types].xml", ct_xlsx, 0, 0, 0, 0, 0},
	                   {"_rels/.rels", rels_xlsx, 0, 0, 0, 0, 0},
	                   {"xl/workbook.xml", "<workbook/>", 0, 0, 0, 0, 0}};
	T_INT(S_zip_detect(xlsx, N(xlsx), &err), TL_EFORMAT_UNKNOWN);
	T_OK(strstr(err.message, "Excel") != NULL, "%s", err.message);

	zt_entry odt[] = {{"mimetype", "application/vnd.oasis.opendocument.text", 0, 0, 0, 0, 0},
	                  {"content.xml", "<office:document-content/>", 0, 0, 0, 0, 0}};
	T_INT(S_zip_detect(odt, N(odt), &err), TL_FORMAT_ODT);
	zt_entry ott[] = {{"mimetype", "application/vnd.oasis.opendocument.text-template", 0, 0, 0, 0, 0},
	                  {"content.xml", "<office:document-content/>", 0, 0, 0, 0, 0}};
	T_INT(S_zip_detect(ott, N(ott), &err), TL_FORMAT_ODT);
	zt_entry ods[] = {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0, 0, 0, 0, 0},
	                  {"content.xml", "<office:document-content/>", 0, 0, 0, 0, 0}};
	T_INT(S_zip_detect(ods, N(ods), &err), TL_EFORMAT_UNKNOWN);

	const char *manifest =
	        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
	        "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd."
	        "oasis.opendocument.text\"/></manifest:manifest>";
	zt_entry no_mime[] = {{"content.xml", "<x/>", 0, 0, 0, 0, 0},
	                      {"META-INF/manifest.xml", manifest, 0, 0, 0, 0, 0}};
	T_INT(S_zip_detect(no_mime, N(no_mime), &err), TL_FORMAT_ODT);
	zt_entry bare[] = {{"content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:"
	                                   "opendocument:xmlns:office:1.0\"/>", 0, 0, 0, 0, 0}};
	T_INT(S_zip_detect(bare, N(bare), &err), TL_FORMAT_ODT);
	zt_entry other[] = {{"readme.txt", "hello", 0, 0, 0, 0, 0}};
	T_INT(S_zip_detect(other, N(other), &err), TL_EFORMAT_UNKNOWN);
	/* a DTD in the relationships part is refused like anywhere else */
	zt_entry dtd[] = {{"[Content_Types].xml", ct, 0, 0, 0, 0, 0},
	                  {"_rels/.rels", "<!DOCTYPE r SYSTEM \"file:///etc/passwd\"><r/>", 0, 0, 0, 0, 0}};
	T_INT(S_zip_detect(dtd, N(dtd), &err), TL_EXML_DTD);
	T_STR(err.part, "_rels/.rels");
}

int main(void)
{
	test_magic_and_text();
	test_xml_roots();
	test_cfb_directory();
	test_zip_packages();
	return T_DONE();
}
