/* Number formats, level texts, restarts, overrides, isLgl and style-linked
 * numbering, as Word shows them. */
#include "harness.h"
#include "docx_fixture.h"
#include "model/numfmt.h"
#include "util/utf8.h"

static void test_formats(void)
{
	char b[TL_NUMFMT_LABEL_MAX];
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_DECIMAL, 12);
	T_STR(b, "12");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_DECIMAL_ZERO, 7);
	T_STR(b, "07");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_DECIMAL_ZERO, 12);
	T_STR(b, "12");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_LOWER_LETTER, 3);
	T_STR(b, "c");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_LOWER_LETTER, 27); /* Word repeats: aa, not ba */
	T_STR(b, "aa");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_UPPER_LETTER, 54);
	T_STR(b, "BBB");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_LOWER_ROMAN, 14);
	T_STR(b, "xiv");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_UPPER_ROMAN, 1994);
	T_STR(b, "MCMXCIV");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_UPPER_ROMAN, 5000); /* beyond roman: decimal */
	T_STR(b, "5000");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_ORDINAL, 11);
	T_STR(b, "11th");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_ORDINAL, 22);
	T_STR(b, "22nd");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_NONE, 4);
	T_STR(b, "");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_DECIMAL, 99999999L); /* clamped */
	T_STR(b, "32767");
	tl_numfmt_format(b, sizeof b, TL_NUMFMT_DECIMAL, -5);
	T_STR(b, "0");
	/* a small buffer: cut, NUL-terminated, and the length written is returned */
	char s3[3];
	T_INT(tl_numfmt_format(s3, sizeof s3, TL_NUMFMT_DECIMAL, 12345), 2);
	T_STR(s3, "12");
	T_INT(tl_numfmt_format(s3, sizeof s3, TL_NUMFMT_ORDINAL, 3), 2);
	T_STR(s3, "3r");
	T_INT(tl_numfmt_format(s3, sizeof s3, TL_NUMFMT_UPPER_ROMAN, 1994), 2);
	T_STR(s3, "MC");
	T_INT(tl_numfmt_format(s3, 2, TL_NUMFMT_DECIMAL_ZERO, 7), 1);
	T_STR(s3, "0");
	T_INT(tl_numfmt_format(b, sizeof b, TL_NUMFMT_DECIMAL_ZERO, 0), 2);
	T_STR(b, "00");
	T_INT(tl_numfmt_format(b, sizeof b, TL_NUMFMT_ORDINAL, 112), 5);
	T_STR(b, "112th");
	T_INT(tl_numfmt_from_docx("upperRoman"), TL_NUMFMT_UPPER_ROMAN);
	T_INT(tl_numfmt_from_docx("chineseCounting"), TL_NUMFMT_DECIMAL);
	T_INT(tl_numfmt_from_odf("i"), TL_NUMFMT_LOWER_ROMAN);
	T_INT(tl_numfmt_from_odf(""), TL_NUMFMT_NONE);
}

static void test_level_text(void)
{
	char b[TL_NUMFMT_LABEL_MAX];
	long v[9] = {5, 2, 1, 1, 1, 1, 1, 1, 1};
	tl_numfmt f[9] = {TL_NUMFMT_DECIMAL, TL_NUMFMT_DECIMAL, TL_NUMFMT_LOWER_LETTER};
	tl_numfmt_label(b, sizeof b, "%1.%2.%3", v, f, 9, 0);
	T_STR(b, "5.2.a");
	tl_numfmt_label(b, sizeof b, "Artikel %1", v, f, 9, 0);
	T_STR(b, "Artikel 5");
	tl_numfmt_label(b, sizeof b, "%3)", v, f, 9, 0);
	T_STR(b, "a)");
	tl_numfmt_label(b, sizeof b, "%1.%2.%3", v, f, 9, 1); /* isLgl: every level decimal */
	T_STR(b, "5.2.1");
	tl_numfmt_label(b, sizeof b, "100%%", v, f, 9, 0);
	T_STR(b, "100%");
	/* a label never exceeds the cap, and never splits a UTF-8 character */
	char big[400];
	memset(big, 0, sizeof big);
	for (int i = 0; i < 60; i++)
		strcat(big, "\xC3\xA9%1");
	size_t n = tl_numfmt_label(b, sizeof b, big, v, f, 9, 0);
	T_OK(n < TL_NUMFMT_LABEL_MAX && strlen(b) == n, "label length %zu", n);
	T_OK(tl_utf8_valid(b, n), "label cut inside a character");
	T_OK(tl_numfmt_is_bullet_label("\xE2\x80\xA2"), "bullet");
	T_OK(!tl_numfmt_is_bullet_label("a)"), "a) is a number");
}

/* levels: 0 "Artikel %1", 1 "%1.%2", 2 "%3)" lowerLetter */
#define ABS0                                                                                       \
	"<w:abstractNum w:abstractNumId=\"0\">"                                                       \
	"<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"                    \
	"<w:lvlText w:val=\"Artikel %1\"/></w:lvl>"                                                  \
	"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"                    \
	"<w:lvlText w:val=\"%1.%2\"/></w:lvl>"                                                       \
	"<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"                \
	"<w:lvlText w:val=\"%3)\"/></w:lvl>"                                                         \
	"<w:lvl w:ilvl=\"3\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerRoman\"/>"                 \
	"<w:lvlRestart w:val=\"1\"/><w:lvlText w:val=\"(%4)\"/></w:lvl>"                             \
	"</w:abstractNum>"

#define NP(num, lvl, text)                                                                        \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #lvl "\"/><w:numId w:val=\"" #num "\"/></w:numPr>"  \
	"</w:pPr>" R(text) "</w:p>"

static const char *S_labels(const tl_document *d)
{
	static char buf[1024];
	size_t n = 0, np = 0;
	const tl_para *p = tl_document_paras(d, &np);
	buf[0] = 0;
	for (size_t i = 0; i < np && n < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? "|" : "",
		                      p[i].label ? p[i].label : "-");
	return buf;
}

static void test_restarts(void)
{
	fx_parts f = {0};
	f.numbering = W_NUMBERING(ABS0 "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
	f.body = W_DOC(NP(1, 0, "Definities") NP(1, 1, "Een") NP(1, 2, "aa") NP(1, 2, "bb")
	               NP(1, 1, "Twee") NP(1, 2, "cc") NP(1, 0, "Prijs") NP(1, 1, "Drie")
	               NP(1, 3, "r1") NP(1, 3, "r2") NP(1, 1, "Vier") NP(1, 3, "r3"));
	tl_document *d = fx_read(&f);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	/* level 2 restarts after level 1; level 3 (lvlRestart 1) only after level 0 */
	T_STR(S_labels(d), "Artikel 1|1.1|a)|b)|1.2|a)|Artikel 2|2.1|(i)|(ii)|2.2|(iii)");
	size_t np;
	const tl_para *p = tl_document_paras(d, &np);
	T_INT(p[1].list_level, 2);
	T_OK(p[1].flags & TL_PARA_F_LIST, "list flag");
	tl_document_free(d);
}

static void test_overrides_and_sharing(void)
{
	fx_parts f = {0};
	/* num 2 shares abstractNum 0 with num 1 and continues it; num 3 restarts the
	 * shared list at 5, and num 1 continues from there afterwards */
	f.numbering = W_NUMBERING(ABS0 "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
	                               "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
	                               "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/>"
	                               "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/>"
	                               "</w:lvlOverride></w:num>"
	                               "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"0\"/>"
	                               "<w:lvlOverride w:ilvl=\"0\"><w:lvl w:ilvl=\"0\">"
	                               "<w:start w:val=\"3\"/><w:numFmt w:val=\"upperRoman\"/>"
	                               "<w:lvlText w:val=\"Deel %1\"/></w:lvl></w:lvlOverride></w:num>");
	f.body = W_DOC(NP(1, 0, "a") NP(2, 0, "b") NP(3, 0, "c") NP(3, 0, "d") NP(4, 0, "e")
	               NP(1, 0, "f") NP(99, 0, "no such num") NP(1, 12, "level out of range"));
	tl_document *d = fx_read(&f);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	/* a full level override changes the look, not the shared counter */
	T_STR(S_labels(d), "Artikel 1|Artikel 2|Artikel 5|Artikel 6|Deel VII|Artikel 8|-|-");
	tl_document_free(d);
}

static void test_is_lgl_and_bullets(void)
{
	fx_parts f = {0};
	f.numbering = W_NUMBERING(
		"<w:abstractNum w:abstractNumId=\"7\">"
		"<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/>"
		"<w:lvlText w:val=\"Article %1\"/></w:lvl>"
		"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimalZero\"/><w:isLgl/>"
		"<w:lvlText w:val=\"Section %1.%2\"/></w:lvl>"
		"<w:lvl w:ilvl=\"2\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl>"
		"<w:lvl w:ilvl=\"3\"><w:numFmt w:val=\"none\"/><w:lvlText w:val=\"%4.\"/></w:lvl>"
		"</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num>");
	f.body = W_DOC(NP(1, 0, "x") NP(1, 1, "y") NP(1, 1, "z") NP(1, 0, "w") NP(1, 1, "v")
	               NP(1, 2, "bullet") NP(1, 3, "no number"));
	tl_document *d = fx_read(&f);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	/* isLgl shows "Article I" as 1; decimalZero stays (as docx4j's isLgl fixture expects) */
	T_STR(S_labels(d), "Article I|Section 1.01|Section 1.02|Article II|Section 2.01|\xE2\x80\xA2|-");
	tl_document_free(d);
}

static void test_style_numbering(void)
{
	fx_parts f = {0};
	/* numbering through the paragraph style (and its basedOn), and through a
	 * numbering style: abstractNum 1 -numStyleLink-> style ListStyle -> num 5 -> abstractNum 2 */
	f.styles = W_STYLES(
		"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"Art\"><w:name w:val=\"Artikelkop\"/>"
		"<w:basedOn w:val=\"Kop1\"/><w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"Kop1\"><w:name w:val=\"Kop 1\"/></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"Sub\"><w:name w:val=\"Sub\"/><w:basedOn w:val=\"Art\"/>"
		"<w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style>"
		"<w:style w:type=\"numbering\" w:styleId=\"ListStyle\"><w:name w:val=\"ListStyle\"/>"
		"<w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>");
	f.numbering = W_NUMBERING(
		"<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"ListStyle\"/></w:abstractNum>"
		"<w:abstractNum w:abstractNumId=\"2\"><w:styleLink w:val=\"ListStyle\"/>"
		"<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
		"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl>"
		"</w:abstractNum>"
		"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>"
		"<w:num w:numId=\"5\"><w:abstractNumId w:val=\"2\"/></w:num>");
	f.body = W_DOC("<w:p><w:pPr><w:pStyle w:val=\"Art\"/></w:pPr>" R("Prijzen") "</w:p>"
	               "<w:p><w:pPr><w:pStyle w:val=\"Sub\"/></w:pPr>" R("Indexering") "</w:p>"
	               "<w:p><w:pPr><w:pStyle w:val=\"Art\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>"
	               "</w:pPr>" R("Geen nummer") "</w:p>"
	               "<w:p><w:pPr><w:pStyle w:val=\"Art\"/></w:pPr>" R("Betaling") "</w:p>");
	tl_document *d = fx_read(&f);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	T_STR(S_labels(d), "1.|1.1|-|2.");
	size_t np;
	const tl_para *p = tl_document_paras(d, &np);
	T_INT(np, 4);
	T_INT(p[0].outline, 1); /* "Kop 1" reached through basedOn */
	T_INT(p[0].kind, TL_PARA_HEADING);
	T_STR(p[0].style, "Artikelkop");
	tl_document_free(d);
}

int main(void)
{
	tl_xml_init();
	test_formats();
	test_level_text();
	test_restarts();
	test_overrides_and_sharing();
	test_is_lgl_and_bullets();
	test_style_numbering();
	return T_DONE();
}
