/* The DOCX story reader: run merging, tracked-change views, text boxes,
 * fields, comments, notes, tables and special characters. */
#include "harness.h"
#include "docx_fixture.h"

static tl_document *S_body(const char *body, tl_revisions view)
{
	fx_parts f = {0};
	f.body = body;
	f.view = view;
	return fx_read(&f);
}

static void test_runs_merge(void)
{
	tl_document *d = S_body(W_DOC(P("<w:r><w:t>De leverancier zal niet ver</w:t></w:r>"
	                                 "<w:r><w:rPr><w:b/></w:rPr><w:t>kopen</w:t></w:r>"
	                                 "<w:proofErr w:type=\"spellStart\"/><w:r><w:t>.</w:t></w:r>")),
	                        TL_REVISIONS_ACCEPT);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	T_STR(fx_texts(d, -1), "De leverancier zal niet verkopen.");
	tl_document_free(d);
}

static void test_special_chars(void)
{
	tl_document *d = S_body(
		W_DOC(P("<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/>"
		        "<w:t>d</w:t><w:softHyphen/><w:t>e</w:t><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/>"
		        "<w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:sym w:font=\"Wingdings\" w:char=\"F099\"/>"
		        "<w:sym w:char=\"00A7\"/></w:r>")
		      "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>" R("x") "</w:p>"
		      P("<w:r><w:rPr><w:rFonts w:ascii=\"Symbol\" w:hAnsi=\"Symbol\"/></w:rPr><w:t>a\xC2\xB7\xEF\x80\xA8</w:t></w:r>"
		        "<w:r><w:t>b</w:t></w:r>")),
		TL_REVISIONS_ACCEPT);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	/* tab and break become spaces after normalising; a tab stop definition is not text;
	 * text in a Symbol-font run is glyph codes: "a" is alpha, U+00B7 a bullet, U+F028 "(" */
	T_STR(fx_texts(d, -1), "a b c-de\xE2\x80\xA2\xE2\x9C\x93\xC2\xA7|x|\xCE\xB1\xE2\x80\xA2(b");
	tl_document_free(d);
}

#define REV_BODY                                                                                 \
	W_DOC(P(R("Prijs is ") "<w:ins w:id=\"1\" w:author=\"Jan\"><w:r><w:t>vijftig</w:t></w:r></w:ins>" \
	        "<w:del w:id=\"2\" w:author=\"Piet\"><w:r><w:delText>veertig</w:delText></w:r></w:del>"    \
	        R(" euro.")) P("<w:moveFrom w:id=\"3\" w:author=\"Jan\"><w:r><w:t>Oud.</w:t></w:r></w:moveFrom>") \
	      P("<w:moveTo w:id=\"4\" w:author=\"Jan\"><w:r><w:t>Nieuw.</w:t></w:r></w:moveTo>")          \
	      P("<w:r><w:rPr><w:b/><w:rPrChange w:id=\"5\" w:author=\"Kees\"><w:rPr/></w:rPrChange></w:rPr>" \
	        "<w:t>Vet.</w:t></w:r>"))

static void test_revision_views(void)
{
	tl_document *d = S_body(REV_BODY, TL_REVISIONS_ACCEPT);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	T_STR(fx_texts(d, -1), "Prijs is vijftig euro.|Nieuw.|Vet.");
	const tl_revision_info *rev = tl_document_revisions(d);
	T_INT(rev->view, TL_REVISIONS_ACCEPT);
	T_INT(rev->insertions, 1);
	T_INT(rev->deletions, 1);
	T_INT(rev->moves, 2);
	T_INT(rev->format_changes, 1);
	T_INT(rev->pending, 5);
	T_INT(rev->nauthors, 3);
	size_t np;
	const tl_para *p = tl_document_paras(d, &np);
	T_OK((p[0].flags & TL_PARA_F_INSERTED) && !(p[0].flags & TL_PARA_F_DELETED), "flags %x", p[0].flags);
	tl_document_free(d);

	d = S_body(REV_BODY, TL_REVISIONS_REJECT);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	T_STR(fx_texts(d, -1), "Prijs is veertig euro.|Oud.|Vet.");
	T_INT(tl_document_revisions(d)->pending, 5); /* counts do not depend on the view */
	tl_document_free(d);

	d = S_body(REV_BODY, TL_REVISIONS_BOTH);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	T_STR(fx_texts(d, -1), "Prijs is vijftigveertig euro.|Oud.|Nieuw.|Vet.");
	p = tl_document_paras(d, &np);
	T_OK((p[0].flags & TL_PARA_F_INSERTED) && (p[0].flags & TL_PARA_F_DELETED), "flags %x", p[0].flags);
	tl_document_free(d);
}

/* a deleted paragraph mark joins the paragraph with the next one (accept);
 * an inserted mark does so when rejecting */
#define MARK_BODY                                                                                \
	W_DOC("<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"A\"/></w:rPr></w:pPr>" R("Een ") "</w:p>" \
	      P(R("twee.")) "<w:p><w:pPr><w:rPr><w:ins w:id=\"2\" w:author=\"A\"/></w:rPr></w:pPr>"       \
	      R("Drie ") "</w:p>" P(R("vier.")))

static void test_paragraph_marks(void)
{
	tl_document *d = S_body(MARK_BODY, TL_REVISIONS_ACCEPT);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	T_STR(fx_texts(d, -1), "Een twee.|Drie|vier.");
	tl_document_free(d);
	d = S_body(MARK_BODY, TL_REVISIONS_REJECT);
	if (!d)
		return;
	T_STR(fx_texts(d, -1), "Een|twee.|Drie vier.");
	tl_document_free(d);
	d = S_body(MARK_BODY, TL_REVISIONS_BOTH);
	if (!d)
		return;
	T_STR(fx_texts(d, -1), "Een|twee.|Drie|vier.");
	size_t np;
	const tl_para *p = tl_document_paras(d, &np);
	T_OK(p[0].flags & TL_PARA_F_DELETED, "deleted mark flagged");
	T_OK(p[2].flags & TL_PARA_F_INSERTED, "inserted mark flagged");
	tl_document_free(d);
}

static void test_textbox_once(void)
{
	const char *box = "<w:txbxContent>" P(R("In het kader.")) "</w:txbxContent>";
	char body[4096];
	snprintf(body, sizeof body,
	         W_DOC(P(R("Voor ") "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
	                 "<wps:wsp><wps:txbx>%s</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
	                 "<mc:Fallback><w:pict><v:shape><v:textbox>%s</v:textbox></v:shape></w:pict>"
	                 "</mc:Fallback></mc:AlternateContent></w:r>" R("na."))
	         P("<w:r><mc:AlternateContent><mc:Choice Requires=\"cx9\"><w:t>unknown branch</w:t>"
	           "</mc:Choice><mc:Fallback>" "<w:t>fallback branch</w:t></mc:Fallback>"
	           "</mc:AlternateContent></w:r>")),
	         box, box);
	tl_document *d = S_body(body, TL_REVISIONS_ACCEPT);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	T_STR(fx_texts(d, TL_PARA_TEXTBOX), "In het kader.");
	T_STR(fx_texts(d, TL_PARA_BODY), "Voor na.|fallback branch");
	tl_document_free(d);
}

static void test_fields(void)
{
	tl_document *d = S_body(
		W_DOC(P(R("Zie ") "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		        "<w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r>"
		        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>QUOTE x</w:instrText></w:r>"
		        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>nested-in-instr</w:t></w:r>"
		        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
		        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" R("artikel 5")
		        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" R(" en ")
		        "<w:fldSimple w:instr=\"PAGE\">" R("3") "</w:fldSimple>"
		        "<w:hyperlink r:id=\"x\" xmlns:r=\"urn:r\">" R(" de website") "</w:hyperlink>"
		        "<w:sdt><w:sdtPr><w:alias w:val=\"Naam\"/><w:placeholder><w:docPart w:val=\"x\"/></w:placeholder>"
		        "</w:sdtPr><w:sdtContent>" R(" Gemeente") "</w:sdtContent></w:sdt>"
		        "<w:smartTag w:uri=\"u\" w:element=\"place\"><w:smartTagPr/>" R(" Utrecht") "</w:smartTag>"
		        "<w:customXml w:element=\"c\">" R(" BV") "</w:customXml>")),
		TL_REVISIONS_ACCEPT);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	T_STR(fx_texts(d, -1), "Zie artikel 5 en 3 de website Gemeente Utrecht BV");
	tl_document_free(d);
}

static void test_toc_field(void)
{
	tl_document *d = S_body(
		W_DOC(P("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>TOC \\o \"1-3\"</w:instrText></w:r>"
		        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" R("1 Definities 3"))
		      P(R("2 Prijs 4") "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")
		      P(R("1. Definities"))),
		TL_REVISIONS_ACCEPT);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	size_t np, nc;
	const tl_para *p = tl_document_paras(d, &np);
	T_INT(np, 3);
	T_OK((p[0].flags & TL_PARA_F_TOC) && (p[1].flags & TL_PARA_F_TOC), "TOC entries flagged");
	T_OK(!(p[2].flags & TL_PARA_F_TOC), "after the TOC");
	const tl_clause *c = tl_document_clauses(d, &nc);
	T_INT(nc, 1); /* TOC entries open no clause */
	if (nc)
		T_INT(c[0].first_para, 2);
	tl_document_free(d);
}

static void test_comments_and_notes(void)
{
	fx_parts f = {0};
	f.body = W_DOC(P(R("Eerste."))
	               P("<w:commentRangeStart w:id=\"7\"/>" R("De prijs")
	                 "<w:r><w:footnoteReference w:id=\"2\"/></w:r>")
	               P(R("loopt door.") "<w:commentRangeEnd w:id=\"7\"/>"
	                 "<w:r><w:commentReference w:id=\"7\"/></w:r>"));
	f.footnotes = W_FOOTNOTES("<w:footnote w:type=\"separator\" w:id=\"-1\">" P("<w:r><w:separator/></w:r>")
	                          "</w:footnote><w:footnote w:id=\"2\">"
	                          P("<w:r><w:footnoteRef/></w:r>" R(" Exclusief btw.")) "</w:footnote>");
	f.comments = W_COMMENTS("<w:comment w:id=\"7\" w:author=\"Inkoper\">"
	                        P(R("Is dit bedrag juist?")) "</w:comment>");
	tl_document *d = fx_read(&f);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	/* the comment is never body text */
	T_STR(fx_texts(d, TL_PARA_BODY), "Eerste.|De prijs|loopt door.");
	T_STR(fx_texts(d, TL_PARA_FOOTNOTE), "Exclusief btw.");
	T_STR(fx_texts(d, TL_PARA_COMMENT), "Is dit bedrag juist?");
	size_t np;
	const tl_para *p = tl_document_paras(d, &np);
	T_INT(np, 5);
	if (np == 5) {
		T_INT(p[3].ref, 1);
		T_STR(p[3].note_id, "2");
		T_INT(p[4].ref, 1);
		T_INT(p[4].ref_end, 2);
		T_STR(p[4].author, "Inkoper");
	}
	tl_document_free(d);
}

/* endnotes link back like footnotes; a note id shared with a footnote is another note */
static void test_endnotes(void)
{
	fx_parts f = {0};
	f.body = W_DOC(P(R("Voet") "<w:r><w:footnoteReference w:id=\"1\"/></w:r>")
	               P(R("Eind") "<w:r><w:endnoteReference w:id=\"1\"/></w:r>"));
	f.footnotes = W_FOOTNOTES("<w:footnote w:id=\"1\">" P(R("Voetnoot.")) "</w:footnote>");
	f.endnotes = W_ENDNOTES("<w:endnote w:type=\"continuationSeparator\" w:id=\"0\">"
	                        P("<w:r><w:continuationSeparator/></w:r>") "</w:endnote>"
	                        "<w:endnote w:id=\"1\">" P(R("Eindnoot.")) "</w:endnote>");
	tl_document *d = fx_read(&f);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	T_STR(fx_texts(d, TL_PARA_ENDNOTE), "Eindnoot.");
	size_t np;
	const tl_para *p = tl_document_paras(d, &np);
	T_INT(np, 4);
	if (np == 4) {
		T_INT(p[2].kind, TL_PARA_FOOTNOTE);
		T_INT(p[2].ref, 0);
		T_INT(p[3].ref, 1);
		T_STR(p[3].note_id, "1");
	}
	tl_document_free(d);
}

/* a comment without a range is anchored where its reference is */
static void test_comment_reference_only(void)
{
	fx_parts f = {0};
	f.body = W_DOC(P(R("Een.")) P(R("Twee.")) P(R("Drie.") "<w:r><w:commentReference w:id=\"4\"/></w:r>"));
	f.comments = W_COMMENTS("<w:comment w:id=\"4\" w:author=\"A\">" P(R("Hier.")) "</w:comment>");
	tl_document *d = fx_read(&f);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	size_t np;
	const tl_para *p = tl_document_paras(d, &np);
	T_INT(np, 4);
	if (np == 4) {
		T_INT(p[3].kind, TL_PARA_COMMENT);
		T_INT(p[3].ref, 2);
		T_INT(p[3].ref_end, 2);
	}
	tl_document_free(d);
}

static void test_tables(void)
{
	const char *cell = "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" P(R("breed")) "</w:tc>";
	char body[4096];
	snprintf(body, sizeof body,
	         W_DOC("<w:tbl><w:tblPr><w:tblStyle w:val=\"T\"/></w:tblPr><w:tblGrid/>"
	               "<w:tr><w:tc>" P(R("A1")) "</w:tc>%s</w:tr>"
	               "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc>" P(R("B2"))
	               "<w:tbl><w:tr><w:tc>" P(R("genest")) "</w:tc></w:tr></w:tbl></w:tc>"
	               "<w:tc><w:tcPr><w:vMerge/></w:tcPr>" P("") "</w:tc></w:tr>"
	               "<w:tr><w:trPr><w:del w:id=\"9\" w:author=\"X\"/></w:trPr><w:tc>" P(R("weg")) "</w:tc></w:tr>"
	               "</w:tbl>" P(R("Daarna."))),
	         cell);
	tl_document *d = S_body(body, TL_REVISIONS_ACCEPT);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	T_STR(fx_texts(d, -1), "A1|breed|B2|genest|Daarna.");
	size_t np;
	const tl_para *p = tl_document_paras(d, &np);
	if (np == 5) {
		T_INT(p[1].col, 1);
		T_INT(p[2].row, 1);
		T_INT(p[2].col, 1); /* after gridBefore */
		T_INT(p[3].table, 1);
		T_INT(p[3].col, 0);
		T_INT(p[0].table, 0);
		T_INT(p[4].kind, TL_PARA_BODY);
		T_INT(p[4].table, -1);
	}
	tl_document_free(d);
	d = S_body(body, TL_REVISIONS_REJECT); /* the deleted row is back */
	if (d) {
		T_STR(fx_texts(d, -1), "A1|breed|B2|genest|weg|Daarna.");
		tl_document_free(d);
	}
}

static void test_headings(void)
{
	fx_parts f = {0};
	f.styles = W_STYLES("<w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:name w:val=\"heading 2\"/></w:style>"
	                    "<w:style w:type=\"paragraph\" w:styleId=\"Eigen\"><w:name w:val=\"Eigen\"/>"
	                    "<w:basedOn w:val=\"Lus\"/></w:style>"
	                    "<w:style w:type=\"paragraph\" w:styleId=\"Lus\"><w:name w:val=\"Lus\"/>"
	                    "<w:basedOn w:val=\"Eigen\"/><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr></w:style>");
	f.body = W_DOC("<w:p><w:pPr><w:pStyle w:val=\"H2\"/></w:pPr>" R("Kop twee") "</w:p>"
	               "<w:p><w:pPr><w:pStyle w:val=\"Eigen\"/></w:pPr>" R("Kop drie (cyclus)") "</w:p>"
	               "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>" R("Kop een") "</w:p>"
	               "<w:p><w:pPr><w:pStyle w:val=\"H2\"/><w:outlineLvl w:val=\"9\"/></w:pPr>" R("Tekst") "</w:p>");
	tl_document *d = fx_read(&f);
	T_OK(d != NULL, "read");
	if (!d)
		return;
	size_t np;
	const tl_para *p = tl_document_paras(d, &np);
	T_INT(np, 4);
	if (np == 4) {
		T_INT(p[0].outline, 2);
		T_INT(p[1].outline, 3);
		T_INT(p[2].outline, 1);
		T_INT(p[3].outline, 0);
		T_INT(p[3].kind, TL_PARA_BODY);
	}
	tl_document_free(d);
}

int main(void)
{
	tl_xml_init();
	test_runs_merge();
	test_special_chars();
	test_revision_views();
	test_paragraph_marks();
	test_textbox_once();
	test_fields();
	test_toc_field();
	test_comments_and_notes();
	test_comment_reference_only();
	test_endnotes();
	test_tables();
	test_headings();
	return T_DONE();
}
