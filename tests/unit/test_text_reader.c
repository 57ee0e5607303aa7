/* Plain text and Markdown into the model (src/ingest/text.c via read.c). */
#include <stdlib.h>

#include "harness.h"
#include "tenderlint.h"

static tl_document *S_read(const char *name, const char *src, int *rc_out)
{
	tl_document *doc = NULL;
	tl_error err = TL_ERROR_INIT;
	int rc = tl_document_read_mem(&doc, name, src, strlen(src), NULL, &err);
	if (rc_out)
		*rc_out = rc;
	else if (rc)
		fprintf(stderr, "read failed: %s [%s]\n", err.message, tl_code_name(rc));
	return doc;
}

static const tl_para *S_paras(tl_document *doc, size_t *n)
{
	*n = 0;
	return doc ? tl_document_paras(doc, n) : NULL;
}

static void test_plain_paragraphs(void)
{
	/* blank lines separate paragraphs; wrapped lines join; a typed clause
	 * number starts a new paragraph even without a blank line */
	tl_document *doc = S_read("c.txt",
	                          "Overeenkomst inzake hosting\n"
	                          "\n"
	                          "Deze overeenkomst wordt gesloten tussen\n"
	                          "partijen op 1 januari.\n"
	                          "5.2 De Leverancier bewaart de gegevens in de EU.\n"
	                          "De betaling volgt binnen\n"
	                          "30 dagen na factuur.\n"
	                          "Artikel 7 - Aansprakelijkheid\n"
	                          "a) directe schade;\n"
	                          "(b) indirecte schade.\n"
	                          "Clause 12.3 Termination\n",
	                          NULL);
	size_t n;
	const tl_para *p = S_paras(doc, &n);
	T_INT(tl_document_format(doc), TL_FORMAT_TEXT);
	T_INT(n, 7);
	if (n == 7) {
		T_STR(p[0].text, "Overeenkomst inzake hosting");
		T_STR(p[1].text, "Deze overeenkomst wordt gesloten tussen partijen op 1 januari.");
		T_STR(p[2].text, "5.2 De Leverancier bewaart de gegevens in de EU. De betaling volgt "
		                 "binnen 30 dagen na factuur.");
		T_STR(p[3].text, "Artikel 7 - Aansprakelijkheid");
		T_STR(p[4].text, "a) directe schade;");
		T_STR(p[5].text, "(b) indirecte schade.");
		T_STR(p[6].text, "Clause 12.3 Termination");
		T_STR(p[0].part, "text");
		T_INT(p[6].part_index, 6);
		T_INT(p[2].kind, TL_PARA_BODY);
	}
	tl_document_free(doc);
}

static void test_plain_bullets(void)
{
	tl_document *doc = S_read("c.txt",
	                          "De Leverancier levert:\n"
	                          "- hosting\n"
	                          "  in Nederland;\n"
	                          "  * met back-ups;\n"
	                          "\xE2\x80\xA2 en beheer.\n",
	                          NULL);
	size_t n;
	const tl_para *p = S_paras(doc, &n);
	T_INT(n, 4);
	if (n == 4) {
		T_STR(p[1].label, "-");
		T_STR(p[1].text, "hosting in Nederland;");
		T_INT(p[1].list_level, 1);
		T_OK(p[1].flags & TL_PARA_F_LIST, "bullet is a list item");
		T_STR(p[2].label, "*");
		T_INT(p[2].list_level, 2);
		T_STR(p[3].label, "\xE2\x80\xA2");
		T_INT(p[3].list_level, 1);
		T_OK(p[0].label == NULL, "plain paragraph has no label");
	}
	tl_document_free(doc);
}

static void test_markdown_blocks(void)
{
	tl_document *doc = S_read("c.md",
	                          "# Overeenkomst\n"
	                          "\n"
	                          "## 5 Gegevens ##\n"
	                          "\n"
	                          "De **Leverancier** bewaart _alle_ gegevens in de `EU`,\n"
	                          "zie [de bijlage](https://example.org/b) en snake_case_name.\n"
	                          "\n"
	                          "1. eerste punt\n"
	                          "2) tweede *punt*\n"
	                          "   - genest\n"
	                          "\n"
	                          "| Dienst | Prijs |\n"
	                          "|--------|------:|\n"
	                          "| Hosting | 5 * 3 |\n"
	                          "\n"
	                          "Titel\n"
	                          "=====\n"
	                          "\n"
	                          "```\n"
	                          "code *blijft*\n"
	                          "```\n",
	                          NULL);
	size_t n;
	const tl_para *p = S_paras(doc, &n);
	T_INT(tl_document_format(doc), TL_FORMAT_MARKDOWN);
	T_INT(n, 12);
	if (n == 12) {
		T_INT(p[0].kind, TL_PARA_HEADING);
		T_INT(p[0].outline, 1);
		T_STR(p[0].text, "Overeenkomst");
		T_INT(p[1].outline, 2);
		T_STR(p[1].text, "5 Gegevens");
		T_STR(p[2].text, "De Leverancier bewaart alle gegevens in de EU, zie de bijlage en "
		                 "snake_case_name.");
		T_STR(p[3].label, "1.");
		T_STR(p[3].text, "eerste punt");
		T_STR(p[4].label, "2)");
		T_STR(p[4].text, "tweede punt");
		T_INT(p[4].list_level, 1);
		T_STR(p[5].label, "-");
		T_INT(p[5].list_level, 2);
		T_INT(p[6].kind, TL_PARA_CELL);
		T_STR(p[6].text, "Dienst");
		T_INT(p[6].table, 0);
		T_INT(p[6].row, 0);
		T_INT(p[7].col, 1);
		T_STR(p[9].text, "5 * 3");
		T_INT(p[9].row, 1);
		T_INT(p[9].col, 1);
		T_INT(p[10].kind, TL_PARA_HEADING);
		T_STR(p[10].text, "Titel");
		T_STR(p[11].text, "code *blijft*");
	}
	T_STR(tl_document_title(doc), "Overeenkomst");
	tl_document_free(doc);
}

static void test_markdown_sniffed_and_escapes(void)
{
	/* no .md name: a heading and a table make it Markdown */
	tl_document *doc = S_read("stdin", "# Kop\n\nTekst met \\*sterretjes\\* en ![logo](x.png).\n", NULL);
	size_t n;
	const tl_para *p = S_paras(doc, &n);
	T_INT(tl_document_format(doc), TL_FORMAT_MARKDOWN);
	T_INT(n, 2);
	if (n == 2)
		T_STR(p[1].text, "Tekst met *sterretjes* en logo.");
	tl_document_free(doc);
	/* reference links: the text stays, the definition line goes */
	doc = S_read("r.md", "Zie [de AVG][1].\n\n[1]: https://eur-lex.europa.eu/\n", NULL);
	p = S_paras(doc, &n);
	T_INT(n, 1);
	if (n == 1)
		T_STR(p[0].text, "Zie de AVG.");
	tl_document_free(doc);
	/* a numbered list alone does not make plain text Markdown */
	doc = S_read("stdin", "1. Partijen\n2. Looptijd\n", NULL);
	T_INT(tl_document_format(doc), TL_FORMAT_TEXT);
	tl_document_free(doc);
}

static void test_text_encoding(void)
{
	int rc;
	tl_document *doc = S_read("bad.txt", "goed\nslecht \xC3\x28 hier\n", &rc);
	T_INT(rc, TL_EXML_ENCODING);
	T_OK(doc == NULL, "no document on error");
	tl_error err = TL_ERROR_INIT;
	const char bad[] = "a\nb\n\xFF";
	T_INT(tl_document_read_mem(&doc, "bad.txt", bad, sizeof bad - 1, NULL, &err), TL_EXML_ENCODING);
	T_INT(err.line, 3);
	T_OK(strstr(err.message, "not valid UTF-8") != NULL, "message: %s", err.message);
	/* a UTF-8 BOM is skipped */
	doc = S_read("bom.txt", "\xEF\xBB\xBFHallo\n", NULL);
	size_t n;
	const tl_para *p = S_paras(doc, &n);
	T_INT(n, 1);
	if (n == 1)
		T_STR(p[0].text, "Hallo");
	tl_document_free(doc);
}

static void test_hostile_markdown_is_linear(void)
{
	/* thousands of unmatched brackets and backticks must not go quadratic */
	size_t n = 400000;
	char *s = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = "[`*_("[i % 5];
	s[n] = '\0';
	tl_document *doc = NULL;
	tl_error err = TL_ERROR_INIT;
	int rc = tl_document_read_mem(&doc, "x.md", s, n, NULL, &err);
	T_INT(rc, 0);
	tl_document_free(doc);
	free(s);
}

int main(void)
{
	test_plain_paragraphs();
	test_plain_bullets();
	test_markdown_blocks();
	test_markdown_sniffed_and_escapes();
	test_text_encoding();
	test_hostile_markdown_is_linear();
	return T_DONE();
}
