/* ODT body content: tables, notes, comments, tracked changes, whitespace,
 * text boxes, fields, hidden text, headers/footers, indexes.  Each case is a
 * flat ODT and the model it must read as (odt_fixture.h). */
#include <time.h>

#include "harness.h"
#include "odt_fixture.h"

#define CHECK(doc, want)                        \
	do {                                    \
		char *got_ = odt_dump(doc);     \
		T_STR(got_, want);              \
		free(got_);                     \
	} while (0)

static void test_tables(void)
{
	tl_document *d = odt_read("", "",
		"<table:table table:name='T1'>"
		"<table:table-column table:number-columns-repeated='3'/>"
		"<table:table-header-rows><table:table-row>"
		"<table:table-cell><text:p>H1</text:p></table:table-cell>"
		"<table:table-cell table:number-columns-spanned='2'><text:p>H23</text:p></table:table-cell>"
		"<table:covered-table-cell/></table:table-row></table:table-header-rows>"
		"<table:table-row table:number-rows-repeated='2'>"
		"<table:table-cell><text:p>R</text:p></table:table-cell>"
		"<table:table-cell table:number-columns-repeated='2'><text:p>C</text:p></table:table-cell>"
		"</table:table-row>"
		/* a writer that leaves out the covered cell after a span */
		"<table:table-row><table:table-cell table:number-columns-spanned='2'><text:p>wide</text:p>"
		"</table:table-cell><table:table-cell><text:p>last</text:p></table:table-cell></table:table-row>"
		"<table:table-row><table:table-cell><text:p>outer</text:p>"
		"<table:table><table:table-row><table:table-cell><text:p>inner</text:p></table:table-cell>"
		"</table:table-row></table:table></table:table-cell>"
		"<table:covered-table-cell table:number-columns-repeated='2'><text:p>hidden</text:p>"
		"</table:covered-table-cell></table:table-row>"
		"<table:table-row table:number-rows-repeated='1000000'>"
		"<table:table-cell table:number-columns-repeated='16384'/></table:table-row>"
		"<table:table-row><table:table-cell/><table:table-cell><text:p>end</text:p></table:table-cell>"
		"</table:table-row>"
		"</table:table>"
		"<text:p>after</text:p>"
		"<table:table><table:table-row><table:table-cell><text:p>second</text:p></table:table-cell>"
		"</table:table-row></table:table>");
	CHECK(d, "cell (0,0,0) | H1\n"
	         "cell (0,0,1) | H23\n"
	         "cell (0,1,0) | R\n"
	         "cell (0,1,1) | C\n"
	         "cell (0,1,2) | C\n"
	         "cell (0,2,0) | R\n"
	         "cell (0,2,1) | C\n"
	         "cell (0,2,2) | C\n"
	         "cell (0,3,0) | wide\n"
	         "cell (0,3,2) | last\n"
	         "cell (0,4,0) | outer\n"
	         "cell (1,0,0) | inner\n"
	         "cell (0,1000005,1) | end\n"
	         "body | after\n"
	         "cell (2,0,0) | second\n");
	tl_document_free(d);
}

/* Repeats of cells with text are copied, but only up to a cap. */
static void test_table_repeat_cap(void)
{
	clock_t t0 = clock();
	tl_document *d = odt_read("", "",
		"<table:table><table:table-row table:number-rows-repeated='100000'>"
		"<table:table-cell table:number-columns-repeated='100000'><text:p>x</text:p>"
		"</table:table-cell></table:table-row></table:table><text:p>done</text:p>");
	size_t n = 0;
	const tl_para *p = d ? tl_document_paras(d, &n) : NULL;
	T_OK(d != NULL, "read");
	T_OK(n > 1000 && n <= 20000 + 1000 + 1, "copies capped, got %zu", n);
	if (n)
		T_STR(p[n - 1].text, "done");
	T_OK((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0, "fast");
	tl_document_free(d);
}

static void test_notes(void)
{
	tl_document *d = odt_read("", "",
		"<text:p>Zie noot<text:note text:id='ftn1' text:note-class='footnote'>"
		"<text:note-citation>1</text:note-citation><text:note-body><text:p>Noottekst.</text:p>"
		"<text:p>Tweede.</text:p></text:note-body></text:note> hier.</text:p>"
		"<text:p>Eind<text:note text:id='edn1' text:note-class='endnote'>"
		"<text:note-citation>i</text:note-citation><text:note-body><text:p>Eindnoot.</text:p>"
		"</text:note-body></text:note>.</text:p>"
		"<table:table><table:table-row table:number-rows-repeated='2'><table:table-cell><text:p>"
		"cel<text:note text:id='ftn2'><text:note-body><text:p>in cel</text:p></text:note-body>"
		"</text:note></text:p></table:table-cell></table:table-row></table:table>");
	CHECK(d, "body | Zie noot hier.\n"
	         "footnote ->0 #ftn1 | Noottekst.\n"
	         "footnote ->0 #ftn1 | Tweede.\n"
	         "body | Eind.\n"
	         "endnote ->3 #edn1 | Eindnoot.\n"
	         "cell (0,0,0) | cel\n"
	         "footnote ->5 #ftn2 | in cel\n"
	         "cell (0,1,0) | cel\n"
	         "footnote ->7 #ftn2 | in cel\n");
	tl_document_free(d);
}

static void test_annotations(void)
{
	tl_document *d = odt_read("", "",
		"<text:p>Begin <office:annotation office:name='c1'><dc:creator>Jan Jansen</dc:creator>"
		"<dc:date>2024-01-01T10:00:00</dc:date><text:p>Klopt dit?</text:p></office:annotation>"
		"van de reeks</text:p>"
		"<text:p>midden</text:p>"
		"<text:p>slot<office:annotation-end office:name='c1'/> na</text:p>"
		"<text:p>Los<office:annotation><dc:creator>Piet</dc:creator><text:p>Punt.</text:p>"
		"<text:p>Twee regels.</text:p></office:annotation></text:p>");
	CHECK(d, "body | Begin van de reeks\n"
	         "comment ->0..3 @Jan Jansen #c1 | Klopt dit?\n"
	         "body | midden\n"
	         "body | slot na\n"
	         "body | Los\n"
	         "comment ->4 @Piet | Punt.\n"
	         "comment ->4 @Piet | Twee regels.\n");
	tl_document_free(d);
}

static const char *const CHANGES =
	"<text:tracked-changes>"
	"<text:changed-region text:id='ct1'><text:deletion><office:change-info>"
	"<dc:creator>Anna</dc:creator><dc:date>2024-01-01T00:00:00</dc:date></office:change-info>"
	"<text:p>oude</text:p></text:deletion></text:changed-region>"
	"<text:changed-region text:id='ct2'><text:insertion><office:change-info>"
	"<dc:creator>Bert</dc:creator></office:change-info></text:insertion></text:changed-region>"
	"<text:changed-region text:id='ct3'><text:deletion><office:change-info>"
	"<dc:creator>Anna</dc:creator><text:p>a change comment, not text</text:p></office:change-info>"
	"<text:p>eerste weg</text:p><text:p>midden weg</text:p><text:p>laatste weg</text:p>"
	"</text:deletion></text:changed-region>"
	"<text:changed-region text:id='ct4'><text:format-change><office:change-info>"
	"<dc:creator>Carla</dc:creator></office:change-info></text:format-change></text:changed-region>"
	"<text:changed-region text:id='ct5'><text:insertion><office:change-info>"
	"<dc:creator>Bert</dc:creator></office:change-info></text:insertion></text:changed-region>"
	"</text:tracked-changes>"
	"<text:p>De <text:change text:change-id='ct1'/><text:change-start text:change-id='ct2'/>"
	"nieuwe<text:change-end text:change-id='ct2'/> prijs.</text:p>"
	"<text:p>Voor<text:change text:change-id='ct3'/> na.</text:p>"
	"<text:p><text:change-start text:change-id='ct4'/>Opmaak<text:change-end text:change-id='ct4'/>"
	"</text:p>"
	"<text:p><text:change-start text:change-id='ct5'/>Geheel nieuw.</text:p>"
	"<text:p>Ook nieuw.<text:change-end text:change-id='ct5'/></text:p>";

static void test_tracked_changes(void)
{
	tl_error err = TL_ERROR_INIT;
	tl_document *a = odt_read_view("", "", "", CHANGES, TL_REVISIONS_ACCEPT, &err);
	CHECK(a, "body +ins | De nieuwe prijs.\n"
	         "body | Voor na.\n"
	         "body | Opmaak\n"
	         "body +ins | Geheel nieuw.\n"
	         "body +ins | Ook nieuw.\n");
	const tl_revision_info *ri = a ? tl_document_revisions(a) : NULL;
	if (ri) {
		T_INT(ri->view, TL_REVISIONS_ACCEPT);
		T_INT(ri->pending, 5);
		T_INT(ri->insertions, 2);
		T_INT(ri->deletions, 2);
		T_INT(ri->format_changes, 1);
		T_INT(ri->nauthors, 3);
		if (ri->nauthors == 3) {
			T_STR(ri->authors[0], "Anna");
			T_STR(ri->authors[1], "Bert");
			T_STR(ri->authors[2], "Carla");
		}
	}
	tl_document_free(a);

	tl_document *r = odt_read_view("", "", "", CHANGES, TL_REVISIONS_REJECT, &err);
	CHECK(r, "body +del | De oude prijs.\n"
	         "body +del | Vooreerste weg\n"
	         "body +del | midden weg\n"
	         "body +del | laatste weg na.\n"
	         "body | Opmaak\n");
	T_INT(r ? tl_document_revisions(r)->view : -1, TL_REVISIONS_REJECT);
	tl_document_free(r);

	tl_document *b = odt_read_view("", "", "", CHANGES, TL_REVISIONS_BOTH, &err);
	CHECK(b, "body +ins +del | De oudenieuwe prijs.\n"
	         "body +del | Vooreerste weg\n"
	         "body +del | midden weg\n"
	         "body +del | laatste weg na.\n"
	         "body | Opmaak\n"
	         "body +ins | Geheel nieuw.\n"
	         "body +ins | Ook nieuw.\n");
	tl_document_free(b);
}

/* Rejecting an inserted list item removes it and its number. */
static void test_inserted_list_item(void)
{
	const char *styles = "<text:list-style style:name='L1'><text:list-level-style-number "
	                     "text:level='1' style:num-format='1' style:num-suffix='.'/></text:list-style>";
	const char *body =
		"<text:tracked-changes><text:changed-region text:id='ct9'><text:insertion>"
		"<office:change-info><dc:creator>Bert</dc:creator></office:change-info></text:insertion>"
		"</text:changed-region></text:tracked-changes>"
		"<text:list text:style-name='L1'><text:list-item><text:p>een</text:p></text:list-item>"
		"<text:list-item><text:p><text:change-start text:change-id='ct9'/>ingevoegd"
		"<text:change-end text:change-id='ct9'/></text:p></text:list-item>"
		"<text:list-item><text:p>twee</text:p></text:list-item></text:list>";
	tl_error err = TL_ERROR_INIT;
	tl_document *a = odt_read_view(styles, "", "", body, TL_REVISIONS_ACCEPT, &err);
	CHECK(a, "body L1 [1.] | een\n"
	         "body L1 [2.] +ins | ingevoegd\n"
	         "body L1 [3.] | twee\n");
	tl_document_free(a);
	tl_document *r = odt_read_view(styles, "", "", body, TL_REVISIONS_REJECT, &err);
	CHECK(r, "body L1 [1.] | een\n"
	         "body L1 [2.] | twee\n");
	tl_document_free(r);
}

static void test_whitespace(void)
{
	tl_document *d = odt_read("", "",
		"<text:p>a<text:s/>b<text:s text:c='3'/>c<text:tab/>d<text:line-break/>e"
		"<text:soft-page-break/>f <text:s text:c='999999999'/>g</text:p>"
		"<text:p>\n   woord\n   <text:span>twee</text:span><text:span> drie</text:span></text:p>"
		"<text:p>   </text:p><text:p/>"
		"<text:p>link <text:a xlink:href='https://example.org'>hier</text:a>.</text:p>");
	CHECK(d, "body | a b c d ef g\n"
	         "body | woord twee drie\n"
	         "body | link hier.\n");
	tl_document_free(d);
}

static void test_frames_and_fields(void)
{
	tl_document *d = odt_read("", "",
		"<text:p>Anker<draw:frame draw:name='F1' text:anchor-type='as-char'><draw:text-box>"
		"<text:p>In het kader</text:p></draw:text-box></draw:frame> tekst</text:p>"
		"<draw:frame text:anchor-type='page'><draw:text-box><text:p>Paginakader</text:p>"
		"</draw:text-box></draw:frame>"
		"<text:p>Beeld<draw:frame><draw:image xlink:href='x.png'><text:p>alt</text:p></draw:image>"
		"<svg:title>titel</svg:title><svg:desc>beschrijving</svg:desc></draw:frame></text:p>"
		"<text:p>Datum: <text:date text:date-value='2024-05-01'>1 mei 2024</text:date>, pagina "
		"<text:page-number>3</text:page-number><text:variable-set text:name='x' "
		"text:display='none' office:value-type='float'>42</text:variable-set>, ref "
		"<text:bookmark-ref text:reference-format='text' text:ref-name='b'>Artikel 4</text:bookmark-ref>"
		", <text:user-field-get text:name='Partij'>Gemeente Utrecht</text:user-field-get>.</text:p>");
	CHECK(d, "body | Anker tekst\n"
	         "textbox | In het kader\n"
	         "textbox | Paginakader\n"
	         "body | Beeld\n"
	         "body | Datum: 1 mei 2024, pagina 3, ref Artikel 4, Gemeente Utrecht.\n");
	tl_document_free(d);
}

static void test_hidden_sections_toc(void)
{
	tl_document *d = odt_read("",
		"<style:style style:name='Tverborgen' style:family='text'>"
		"<style:text-properties text:display='none'/></style:style>",
		"<text:table-of-content text:name='toc'><text:table-of-content-source text:outline-level='3'>"
		"<text:index-title-template>Inhoud</text:index-title-template>"
		"<text:table-of-content-entry-template text:outline-level='1'><text:index-entry-text/>"
		"</text:table-of-content-entry-template></text:table-of-content-source>"
		"<text:index-body><text:index-title><text:p>Inhoudsopgave</text:p></text:index-title>"
		"<text:p>Artikel 1 Begrippen<text:tab/>2</text:p></text:index-body></text:table-of-content>"
		"<text:p>Zichtbaar <text:span text:style-name='Tverborgen'>verborgen</text:span></text:p>"
		"<text:p><text:hidden-paragraph text:condition='ooow:1' text:is-hidden='true'/>Weg</text:p>"
		"<text:p>Tekst <text:hidden-text text:condition='ooow:1' text:string-value='soms' "
		"text:is-hidden='true'>soms</text:hidden-text></text:p>"
		"<text:p><text:hidden-text text:condition='ooow:' text:string-value='Verborgen tekst' "
		"text:is-hidden='true'/></text:p>"
		"<text:section text:name='S1'><text:p>In sectie</text:p></text:section>"
		"<text:section text:name='S2' text:display='none'><text:p>Verborgen sectie</text:p>"
		"</text:section>"
		"<text:p>Normaal</text:p>");
	CHECK(d, "body +toc | Inhoudsopgave\n"
	         "body +toc | Artikel 1 Begrippen 2\n"
	         "body +hidden | Zichtbaar verborgen\n"
	         "body +hidden | Weg\n"
	         "body +hidden | Tekst soms\n"
	         "body +hidden | Verborgen tekst\n"
	         "body | In sectie\n"
	         "body +hidden | Verborgen sectie\n"
	         "body | Normaal\n");
	tl_document_free(d);
}

static void test_header_footer(void)
{
	tl_error err = TL_ERROR_INIT;
	tl_document *d = odt_read_view("",
		"<style:style style:name='P9' style:family='paragraph'/>",
		"<style:master-page style:name='Standard' style:page-layout-name='pm1'>"
		"<style:header><text:p text:style-name='P9'>Kopregel</text:p></style:header>"
		"<style:footer><text:p>Pagina <text:page-number>1</text:page-number></text:p></style:footer>"
		"<style:header-left style:display='false'><text:p>Links</text:p></style:header-left>"
		"</style:master-page>",
		"<text:p>Inhoud</text:p>", TL_REVISIONS_ACCEPT, &err);
	CHECK(d, "body | Inhoud\n"
	         "header | Kopregel\n"
	         "footer | Pagina 1\n");
	size_t n = 0;
	const tl_para *p = d ? tl_document_paras(d, &n) : NULL;
	if (n == 3) {
		T_INT(p[0].part_index, 0);
		T_INT(p[1].part_index, 1); /* a flat ODT is one part */
	}
	tl_document_free(d);
}

static void test_errors(void)
{
	tl_document *d = NULL;
	tl_error err = TL_ERROR_INIT;
	const char *bad = "<?xml version='1.0'?><office:document" ODT_NS
	                  "><office:body><office:text><text:p>open";
	int rc = tl_fodt_read(&d, "broken.fodt", bad, strlen(bad), NULL, &err);
	T_OK(rc < 0 && d == NULL, "truncated XML is an error, rc %d", rc);
	T_OK(strstr(err.part, "content.xml") != NULL, "error names the part: %s", err.part);
	tl_error_clear(&err);
	const char *dtd = "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e 'boom'>]><office:document" ODT_NS
	                  "/>";
	rc = tl_fodt_read(&d, "dtd.fodt", dtd, strlen(dtd), NULL, &err);
	T_INT(rc, TL_EXML_DTD);
	T_OK(d == NULL, "no document on error");
}

int main(void)
{
	tl_xml_init();
	test_tables();
	test_table_repeat_cap();
	test_notes();
	test_annotations();
	test_tracked_changes();
	test_inserted_list_item();
	test_whitespace();
	test_frames_and_fields();
	test_hidden_sections_toc();
	test_header_footer();
	test_errors();
	return T_DONE();
}
