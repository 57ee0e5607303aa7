/* A large numbering.xml is parsed on a helper thread while the body is read
 * (tl_read_options.threads >= 2): the document, its numbers and its errors
 * are exactly those of the sequential read (threads = 1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "tenderlint.h"
#include "ziptest.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const char S_ct[] =
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
	"officedocument.wordprocessingml.document.main+xml\"/></Types>";
static const char S_rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"r1\" Type=\"" REL "officeDocument\" Target=\"word/document.xml\"/>"
	"</Relationships>";
static const char S_doc_rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"r1\" Type=\"" REL "styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"r2\" Type=\"" REL "numbering\" Target=\"numbering.xml\"/>"
	"</Relationships>";
/* "Art" sits at level 0 of list 1 through the numbering's pStyle, not its own ilvl */
static const char S_styles[] =
	"<w:styles xmlns:w=\"" NS_W "\">"
	"<w:style w:type=\"paragraph\" w:styleId=\"Art\"><w:name w:val=\"Artikel\"/>"
	"<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>";

/* numbering.xml above the helper's threshold (64 KiB): lists 1 (decimal,
 * two levels), 2 (bullets), 3 (list 1 again, restarted at 7), and many
 * unused ones; `broken` leaves an element unclosed. */
static char *S_numbering(int broken)
{
	size_t a = 200000, n = 0;
	char *s = malloc(a);
	n += (size_t)snprintf(s + n, a - n, "<w:numbering xmlns:w=\"" NS_W "\">"
		"<w:abstractNum w:abstractNumId=\"10\">"
		"<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
		"<w:pStyle w:val=\"Art\"/><w:lvlText w:val=\"%%1.\"/></w:lvl>"
		"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"
		"<w:lvlText w:val=\"%%1.%%2\"/></w:lvl></w:abstractNum>"
		"<w:abstractNum w:abstractNumId=\"20\">"
		"<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"-\"/></w:lvl>"
		"</w:abstractNum>");
	for (int i = 0; i < 400; i++)
		n += (size_t)snprintf(s + n, a - n,
			"<w:abstractNum w:abstractNumId=\"%d\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
			"<w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%%1)\"/></w:lvl></w:abstractNum>",
			100 + i);
	n += (size_t)snprintf(s + n, a - n,
		"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>"
		"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"20\"/></w:num>"
		"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"10\"/>"
		"<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"7\"/></w:lvlOverride></w:num>%s",
		broken ? "<w:num w:numId=\"4\">" : "");
	for (int i = 0; i < 400; i++)
		n += (size_t)snprintf(s + n, a - n,
			"<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"%d\"/></w:num>", 100 + i, 100 + i);
	snprintf(s + n, a - n, "</w:numbering>");
	return s;
}

#define NP(id, lvl, x)                                                                            \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" lvl "\"/><w:numId w:val=\"" id "\"/></w:numPr>"  \
	"</w:pPr>" x "</w:p>"
#define SP(x) "<w:p><w:pPr><w:pStyle w:val=\"Art\"/></w:pPr>" x "</w:p>"
#define RUN(x) "<w:r><w:t>" x "</w:t></w:r>"

/* numbered, empty numbered (kept: it has a number), empty bullet (dropped),
 * style-linked and restarted paragraphs, in and out of a table */
static const char S_body[] =
	"<w:document xmlns:w=\"" NS_W "\"><w:body>"
	SP(RUN("Definities")) NP("1", "1", RUN("Opdrachtgever")) NP("1", "1", "")
	NP("2", "0", "") NP("2", "0", RUN("een opsomming")) SP(RUN("Levering"))
	"<w:p>" RUN("gewone tekst") "</w:p>"
	"<w:tbl><w:tr><w:tc>" NP("1", "1", RUN("in een cel")) "</w:tc></w:tr></w:tbl>"
	NP("3", "0", RUN("opnieuw")) NP("1", "0", RUN("verder")) NP("1", "1", "  ")
	NP("9999", "0", RUN("geen lijst")) SP(RUN("Slot"))
	"</w:body></w:document>";

static int S_read(const char *numbering, const char *body, unsigned threads, tl_document **out,
                  tl_error *err)
{
	zt_entry e[] = {{"[Content_Types].xml", S_ct, 0, 0, 0, 0, 0},
	                {"_rels/.rels", S_rels, 0, 0, 0, 0, 0},
	                {"word/_rels/document.xml.rels", S_doc_rels, 0, 0, 0, 0, 0},
	                {"word/styles.xml", S_styles, 0, 0, 0, 0, 0},
	                {"word/numbering.xml", numbering, 0, 0, 0, 0, 0},
	                {"word/document.xml", body, 0, 0, 0, 0, 0}};
	size_t len = 0;
	unsigned char *b = zt_build(e, body ? N(e) : N(e) - 1, &len);
	tl_read_options o = TL_READ_OPTIONS_INIT;
	o.threads = threads;
	*err = (tl_error)TL_ERROR_INIT;
	*out = NULL;
	int rc = tl_document_read_mem(out, "n.docx", b, len, &o, err);
	free(b);
	return rc;
}

static int S_same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static void test_same_document(void)
{
	char *num = S_numbering(0);
	T_OK(strlen(num) > (64u << 10), "numbering.xml must be above the threshold: %zu", strlen(num));
	tl_document *d1 = NULL, *d2 = NULL;
	tl_error e1, e2;
	T_INT(S_read(num, S_body, 1, &d1, &e1), 0);
	T_INT(S_read(num, S_body, 2, &d2, &e2), 0);
	size_t n1 = 0, n2 = 0;
	const tl_para *p1 = d1 ? tl_document_paras(d1, &n1) : NULL;
	const tl_para *p2 = d2 ? tl_document_paras(d2, &n2) : NULL;
	T_INT(n2, n1);
	for (size_t i = 0; p1 && p2 && i < n1 && i < n2; i++) {
		T_STR(p2[i].text, p1[i].text);
		T_OK(S_same_str(p1[i].label, p2[i].label), "paragraph %zu: label %s vs %s", i,
		     p1[i].label ? p1[i].label : "(null)", p2[i].label ? p2[i].label : "(null)");
		T_INT(p2[i].list_level, p1[i].list_level);
		T_INT(p2[i].flags, p1[i].flags);
		T_INT(p2[i].kind, p1[i].kind);
		T_INT(p2[i].part_index, p1[i].part_index);
		T_INT(p2[i].clause, p1[i].clause);
	}
	/* and what the sequential read makes of it, so a shared mistake shows too:
	 * empty numbered paragraphs stay with their labels, the empty bullet does not */
	static const char *const want[][2] = {
		{"Definities", "1."}, {"Opdrachtgever", "1.a"}, {"", "1.b"}, {"een opsomming", "-"},
		{"Levering", "2."}, {"gewone tekst", NULL}, {"in een cel", "2.a"}, {"opnieuw", "7."},
		{"verder", "8."}, {"", "8.a"}, {"geen lijst", NULL}, {"Slot", "9."}};
	T_INT(n2, N(want));
	for (size_t i = 0; p2 && i < n2 && i < N(want); i++) {
		T_STR(p2[i].text, want[i][0]);
		T_OK(S_same_str(p2[i].label, want[i][1]), "paragraph %zu: label %s, want %s", i,
		     p2[i].label ? p2[i].label : "(null)", want[i][1] ? want[i][1] : "(null)");
	}
	tl_document_free(d1);
	tl_document_free(d2);
	free(num);
}

static void S_same_error(const char *num, const char *body, const char *part)
{
	tl_document *d1 = NULL, *d2 = NULL;
	tl_error e1, e2;
	int r1 = S_read(num, body, 1, &d1, &e1);
	int r2 = S_read(num, body, 2, &d2, &e2);
	T_OK(r1 < 0, "the sequential read must fail: %d", r1);
	T_INT(r2, r1);
	T_STR(e2.message, e1.message);
	T_STR(e2.part, e1.part);
	T_INT(e2.line, e1.line);
	T_STR(e1.part, part);
	T_OK(!d1 && !d2, "no document on an error");
	tl_document_free(d1);
	tl_document_free(d2);
}

/* the first error in package order wins, whichever thread finds it */
static void test_same_errors(void)
{
	char *good = S_numbering(0), *bad = S_numbering(1);
	static const char bad_body[] = "<w:document xmlns:w=\"" NS_W "\"><w:body><w:p>"
	                               "<w:r><w:t>open</w:t></w:p></w:body></w:document>";
	S_same_error(bad, S_body, "word/numbering.xml");
	S_same_error(bad, bad_body, "word/numbering.xml");
	S_same_error(good, bad_body, "word/document.xml");
	S_same_error(good, NULL, "word/document.xml"); /* the main part is missing */
	free(good);
	free(bad);
}

int main(void)
{
	test_same_document();
	test_same_errors();
	return T_DONE();
}
