/* ODT list and heading numbering: labels as LibreOffice shows them.
 * Each case is a flat ODT body and the model it must read as (odt_fixture.h). */
#include "harness.h"
#include "odt_fixture.h"

#define CHECK(doc, want)                        \
	do {                                    \
		char *got_ = odt_dump(doc);     \
		T_STR(got_, want);              \
		free(got_);                     \
	} while (0)

static const char *const STYLES =
	"<text:list-style style:name='L1'>"
	"<text:list-level-style-number text:level='1' style:num-format='1' style:num-suffix='.'/>"
	"<text:list-level-style-number text:level='2' style:num-format='a' style:num-suffix=')'/>"
	"<text:list-level-style-number text:level='3' style:num-format='i' style:num-suffix='.' "
	"text:display-levels='3'/>"
	"</text:list-style>"
	"<text:list-style style:name='B1'>"
	"<text:list-level-style-bullet text:level='1' text:bullet-char='\xE2\x80\x93'/>"
	"<text:list-level-style-bullet text:level='2' text:bullet-char=''/>"
	"</text:list-style>"
	"<text:list-style style:name='F1'><text:list-level-style-number text:level='1' "
	"style:num-format='a' style:num-suffix=')' text:start-value='28'/></text:list-style>"
	"<text:list-style style:name='F2'><text:list-level-style-number text:level='1' "
	"style:num-format='a' style:num-letter-sync='true' style:num-suffix=')' "
	"text:start-value='28'/></text:list-style>"
	"<text:list-style style:name='F3'><text:list-level-style-number text:level='1' "
	"style:num-format='I' text:start-value='14'/></text:list-style>"
	"<text:list-style style:name='F4'><text:list-level-style-number text:level='1' "
	"style:num-format=''/></text:list-style>"
	"<text:list-style style:name='F5'>"
	"<text:list-level-style-number text:level='1' style:num-format='1' "
	"loext:num-list-format='%1%.'/>"
	"<text:list-level-style-number text:level='2' style:num-format='1' "
	"loext:num-list-format='%1%.%2%.'/></text:list-style>"
	"<text:list-style style:name='F6'><text:list-level-style-number text:level='1' "
	"style:num-format='i' style:num-prefix='(' style:num-suffix=')'/></text:list-style>"
	"<style:style style:name='Lijst' style:family='paragraph' style:list-style-name='L1'/>"
	"<text:outline-style style:name='Outline'>"
	"<text:outline-level-style text:level='1' style:num-format='1' style:num-prefix='Artikel '/>"
	"<text:outline-level-style text:level='2' style:num-format='1' text:display-levels='2'/>"
	"<text:outline-level-style text:level='3' style:num-format='a' style:num-suffix=')'/>"
	"</text:outline-style>";

static void test_nested_levels(void)
{
	tl_document *d = odt_read(STYLES, "",
		"<text:list text:style-name='L1'>"
		"<text:list-item><text:p>One</text:p>"
		"  <text:list><text:list-item><text:p>One-a</text:p>"
		"    <text:list><text:list-item><text:p>deep</text:p></text:list-item></text:list>"
		"  </text:list-item>"
		"  <text:list-item><text:p>One-b</text:p></text:list-item></text:list>"
		"</text:list-item>"
		"<text:list-item><text:p>Two</text:p><text:p>Two more</text:p>"
		"  <text:list><text:list-item><text:p>Two-a</text:p></text:list-item></text:list>"
		"</text:list-item>"
		/* an item holding only a sub-list is not numbered at level 1 */
		"<text:list-item><text:list><text:list-item><text:p>Two-b</text:p></text:list-item>"
		"</text:list></text:list-item>"
		"<text:list-item><text:p>Three</text:p>"
		"  <text:list><text:list-item><text:p>Three-a</text:p></text:list-item></text:list>"
		"</text:list-item>"
		"</text:list>");
	CHECK(d, "body L1 [1.] | One\n"
	         "body L2 [a)] | One-a\n"
	         "body L3 [1.a.i.] | deep\n"
	         "body L2 [b)] | One-b\n"
	         "body L1 [2.] | Two\n"
	         "body L1 | Two more\n"
	         "body L2 [a)] | Two-a\n"
	         "body L2 [b)] | Two-b\n"
	         "body L1 [3.] | Three\n"
	         "body L2 [a)] | Three-a\n");
	tl_document_free(d);
}

static void test_continue_and_start(void)
{
	tl_document *d = odt_read(STYLES, "",
		"<text:list xml:id='A' text:style-name='L1'>"
		"<text:list-item><text:p>a1</text:p></text:list-item>"
		"<text:list-item><text:p>a2</text:p></text:list-item></text:list>"
		"<text:p>between</text:p>"
		"<text:list text:style-name='L1' text:continue-numbering='true'>"
		"<text:list-item><text:p>b3</text:p></text:list-item></text:list>"
		"<text:list text:style-name='L1'><text:list-item><text:p>c1</text:p></text:list-item>"
		"</text:list>"
		"<text:list text:style-name='L1' text:continue-list='A'>"
		"<text:list-item><text:p>a4</text:p></text:list-item></text:list>"
		"<text:list text:style-name='L1'>"
		"<text:list-item text:start-value='7'><text:p>s7</text:p></text:list-item>"
		"<text:list-item><text:p>s8</text:p></text:list-item></text:list>"
		"<text:list text:style-name='L1'>"
		"<text:list-header><text:p>head</text:p></text:list-header>"
		"<text:list-item><text:p>h1</text:p></text:list-item></text:list>");
	CHECK(d, "body L1 [1.] | a1\n"
	         "body L1 [2.] | a2\n"
	         "body | between\n"
	         "body L1 [3.] | b3\n"
	         "body L1 [1.] | c1\n"
	         "body L1 [4.] | a4\n"
	         "body L1 [7.] | s7\n"
	         "body L1 [8.] | s8\n"
	         "body L1 | head\n"
	         "body L1 [1.] | h1\n");
	tl_document_free(d);
}

static void test_formats(void)
{
	tl_document *d = odt_read(STYLES, "",
		"<text:list text:style-name='F1'><text:list-item><text:p>no sync</text:p>"
		"</text:list-item></text:list>"
		"<text:list text:style-name='F2'><text:list-item><text:p>sync</text:p>"
		"</text:list-item></text:list>"
		"<text:list text:style-name='F3'><text:list-item><text:p>roman</text:p>"
		"</text:list-item></text:list>"
		"<text:list text:style-name='F4'><text:list-item><text:p>none</text:p>"
		"</text:list-item></text:list>"
		"<text:list text:style-name='F5'><text:list-item><text:p>t1</text:p>"
		"<text:list><text:list-item><text:p>t11</text:p></text:list-item></text:list>"
		"</text:list-item></text:list>"
		"<text:list text:style-name='F6'><text:list-item><text:p>paren</text:p>"
		"</text:list-item><text:list-item><text:p>paren2</text:p></text:list-item></text:list>"
		"<text:list text:style-name='B1'><text:list-item><text:p>dash</text:p>"
		"<text:list><text:list-item><text:p>dot</text:p></text:list-item></text:list>"
		"</text:list-item></text:list>"
		/* no list style on the list: the paragraph style's */
		"<text:list><text:list-item><text:p text:style-name='Lijst'>by style</text:p>"
		"</text:list-item></text:list>");
	CHECK(d, "body L1 [ab)] | no sync\n"
	         "body L1 [bb)] | sync\n"
	         "body L1 [XIV] | roman\n"
	         "body L1 | none\n"
	         "body L1 [1.] | t1\n"
	         "body L2 [1.1.] | t11\n"
	         "body L1 [(i)] | paren\n"
	         "body L1 [(ii)] | paren2\n"
	         "body L1 [\xE2\x80\x93] | dash\n"
	         "body L2 [\xE2\x80\xA2] | dot\n"
	         "body L1 [1.] | by style\n");
	tl_document_free(d);
}

static void test_outline(void)
{
	tl_document *d = odt_read(STYLES, "",
		"<text:h text:outline-level='1'>Begrippen</text:h>"
		"<text:p>tekst</text:p>"
		"<text:h text:outline-level='2'>Definities</text:h>"
		"<text:h text:outline-level='3'>Sub</text:h>"
		"<text:h text:outline-level='2'>Meer</text:h>"
		"<text:h text:outline-level='1' text:is-list-header='true'>Bijlagen</text:h>"
		"<text:h text:outline-level='1'>Levering</text:h>"
		"<text:h text:outline-level='2'>Termijn</text:h>"
		"<text:h text:outline-level='1' text:restart-numbering='true' "
		"text:start-value='9'>Slot</text:h>"
		"<text:list text:style-name='L1'><text:list-item>"
		"<text:h text:outline-level='1'>In lijst</text:h></text:list-item></text:list>");
	CHECK(d, "heading H1 [Artikel 1] | Begrippen\n"
	         "body | tekst\n"
	         "heading H2 [1.1] | Definities\n"
	         "heading H3 [a)] | Sub\n"
	         "heading H2 [1.2] | Meer\n"
	         "heading H1 | Bijlagen\n"
	         "heading H1 [Artikel 2] | Levering\n"
	         "heading H2 [2.1] | Termijn\n"
	         "heading H1 [Artikel 9] | Slot\n"
	         "heading L1 H1 [1.] | In lijst\n");
	T_STR(tl_document_title(d), "Fixture");
	tl_document_free(d);
}

/* text:number holds the label the writer computed: it must agree with ours,
 * and where it differs the writer's wins (it is what the reader saw). */
static void test_text_number(void)
{
	const char *body_plain =
		"<text:h text:outline-level='1'>Een</text:h>"
		"<text:h text:outline-level='2'>Twee</text:h>"
		"<text:list text:style-name='L1'><text:list-item><text:p>item</text:p></text:list-item>"
		"<text:list-item><text:p>item2</text:p></text:list-item></text:list>";
	const char *body_number =
		"<text:h text:outline-level='1'><text:number>Artikel 1</text:number>Een</text:h>"
		"<text:h text:outline-level='2'><text:number>1.1</text:number>Twee</text:h>"
		"<text:list text:style-name='L1'><text:list-item><text:p>item</text:p></text:list-item>"
		"<text:list-item><text:p>item2</text:p></text:list-item></text:list>";
	tl_document *a = odt_read(STYLES, "", body_plain);
	tl_document *b = odt_read(STYLES, "", body_number);
	char *da = odt_dump(a), *db = odt_dump(b);
	T_STR(da, db);
	T_STR(db, "heading H1 [Artikel 1] | Een\n"
	          "heading H2 [1.1] | Twee\n"
	          "body L1 [1.] | item\n"
	          "body L1 [2.] | item2\n");
	free(da);
	free(db);
	tl_document_free(a);
	tl_document_free(b);
	tl_document *c = odt_read(STYLES, "",
		"<text:h text:outline-level='1'><text:number>Art. 5</text:number>Vijf</text:h>"
		"<text:h text:outline-level='1'>Zes</text:h>");
	CHECK(c, "heading H1 [Art. 5] | Vijf\n"
	         "heading H1 [Artikel 2] | Zes\n");
	tl_document_free(c);
}

static void test_numbered_paragraph(void)
{
	tl_document *d = odt_read(STYLES, "",
		"<text:numbered-paragraph text:list-id='n1' text:style-name='L1'>"
		"<text:number>1.</text:number><text:p>np one</text:p></text:numbered-paragraph>"
		"<text:numbered-paragraph text:list-id='n1' text:style-name='L1'>"
		"<text:p>np two</text:p></text:numbered-paragraph>"
		"<text:numbered-paragraph text:list-id='n1' text:style-name='L1' text:level='2'>"
		"<text:p>np two-a</text:p></text:numbered-paragraph>"
		"<text:numbered-paragraph text:list-id='n2' text:style-name='L1'>"
		"<text:p>other list</text:p></text:numbered-paragraph>");
	CHECK(d, "body L1 [1.] | np one\n"
	         "body L1 [2.] | np two\n"
	         "body L2 [a)] | np two-a\n"
	         "body L1 [1.] | other list\n");
	tl_document_free(d);
}

/* text:style-override on an item holds for the item and its sub-lists;
 * a Symbol-font bullet (private use area) reads as "•". */
static void test_style_override(void)
{
	tl_document *d = odt_read(STYLES,
		"<text:list-style style:name='PUA'><text:list-level-style-bullet text:level='1' "
		"text:bullet-char='\xEF\x82\xB7'/></text:list-style>",
		"<text:list text:style-name='F3'>"
		"<text:list-item text:style-override='L1'><text:p>over</text:p>"
		"<text:list><text:list-item><text:p>sub</text:p></text:list-item></text:list>"
		"</text:list-item></text:list>"
		"<text:list text:style-name='PUA'><text:list-item><text:p>symbol</text:p>"
		"</text:list-item></text:list>");
	CHECK(d, "body L1 [1.] | over\n"
	         "body L2 [a)] | sub\n"
	         "body L1 [\xE2\x80\xA2] | symbol\n");
	tl_document_free(d);
}

/* What LibreOffice shows where the list style says nothing: a list without
 * any list style has bullets; a level the style leaves out counts "1.". */
static void test_lo_defaults(void)
{
	tl_document *d = odt_read(STYLES, "",
		"<text:list><text:list-item><text:p>no style</text:p></text:list-item></text:list>"
		"<text:list text:style-name='F3'><text:list-item>"
		"<text:list><text:list-item><text:p>first</text:p></text:list-item>"
		"<text:list-item><text:p>second</text:p></text:list-item></text:list>"
		"</text:list-item></text:list>");
	CHECK(d, "body L1 [\xE2\x80\xA2] | no style\n"
	         "body L2 [1.] | first\n"
	         "body L2 [2.] | second\n");
	tl_document_free(d);
}

static void test_style_names(void)
{
	tl_document *d = odt_read(
		"<style:style style:name='Text_20_body' style:family='paragraph'/>"
		"<style:style style:name='Heading_20_1' style:display-name='Kop 1' "
		"style:family='paragraph' style:default-outline-level='1'/>",
		"<style:style style:name='P1' style:family='paragraph' "
		"style:parent-style-name='Text_20_body'/>",
		"<text:h text:style-name='Heading_20_1'>Titel</text:h>"
		"<text:p text:style-name='P1'>Romp</text:p>");
	size_t n = 0;
	const tl_para *p = tl_document_paras(d, &n);
	T_INT(n, 2);
	if (n == 2) {
		T_STR(p[0].style, "Kop 1");
		T_INT(p[0].outline, 1);
		T_STR(p[1].style, "Text body");
	}
	tl_document_free(d);
}

int main(void)
{
	test_nested_levels();
	test_continue_and_start();
	test_formats();
	test_outline();
	test_text_number();
	test_numbered_paragraph();
	test_style_override();
	test_lo_defaults();
	test_style_names();
	return T_DONE();
}
