/* test_render.c: the renderers' contracts that golden files do not pin:
 * escaping in every format, colour only on request, JSON Lines streaming,
 * CSV quoting, the redline helpers, and refusals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "report/i18n.h"
#include "report/redline.h"
#include "report/render.h"
#include "tenderlint.h"

static const char *S_report_json =
	"{\"tool\":{\"name\":\"tenderlint\",\"version\":\"0.1.0\"},"
	"\"ruleset\":{\"id\":\"t\",\"version\":\"1\"},"
	"\"rules\":[{\"id\":\"R-1\",\"area\":\"DATA\",\"severity\":\"high\","
	"\"title\":{\"nl\":\"Titel\",\"en\":\"Title\"},\"description\":{\"nl\":\"d\",\"en\":\"d\"},"
	"\"references\":{\"vng\":[\"V\"]}}],"
	"\"documents\":[{\"path\":\"/tmp/a b,\\\"c\\\".docx\",\"format\":\"docx\",\"language\":\"en\","
	"\"summary\":{},\"findings\":[{\"rule\":\"R-1\",\"status\":\"violated\",\"severity\":\"high\","
	"\"area\":\"DATA\",\"title\":\"Title <b>|*x*\",\"reason\":\"Because <script>alert(1)</script>.\","
	"\"evidence\":[{\"clause\":\"5.2\",\"para\":7,\"quote\":\"=SUM(A1) | [link](x) <i>\","
	"\"start\":0,\"end\":25,\"status\":\"violated\"}],"
	"\"suggestion\":{\"text\":\"The Supplier shall not.\",\"insert\":{\"after_para\":7}}}]}]}";

static char *S_render(const cJSON *report, tl_render_format fmt, unsigned flags, const char *lang,
                      int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tl_render_options o = TL_RENDER_OPTIONS_INIT;
	tl_error err = TL_ERROR_INIT;
	o.flags = flags;
	o.lang = lang;
	*rc = tl_render(report, fmt, &o, f, &err);
	fclose(f);
	return buf;
}

static void test_formats(void)
{
	static const char *names[] = {"text", "md", "html", "json", "jsonl", "sarif", "csv", "csv-long"};
	tl_render_format f;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		T_INT(tl_render_format_parse(names[i], &f), 0);
		T_INT(f, (int)i);
	}
	T_INT(tl_render_format_parse("xml", &f), TL_EINVAL);
	T_INT(tl_render_format_parse(NULL, &f), TL_EINVAL);
}

static void test_refusals(void)
{
	tl_error err = TL_ERROR_INIT;
	cJSON *arr = cJSON_CreateArray(), *obj = cJSON_CreateObject();
	FILE *f = fopen("/dev/null", "w");
	T_INT(tl_render(arr, TL_RENDER_TEXT, NULL, f, &err), TL_EINVAL);
	T_INT(tl_render(obj, TL_RENDER_HTML, NULL, f, &err), TL_EINVAL);
	T_OK(strstr(err.message, "documents") != NULL, "message names the missing field: %s", err.message);
	T_INT(tl_render(NULL, TL_RENDER_JSON, NULL, f, &err), TL_EINVAL);
	fclose(f);
	cJSON_Delete(arr);
	cJSON_Delete(obj);
}

static void test_escaping(void)
{
	cJSON *r = cJSON_Parse(S_report_json);
	int rc;
	char *s = S_render(r, TL_RENDER_HTML, 0, NULL, &rc);
	T_INT(rc, 0);
	T_OK(s && !strstr(s, "<script>alert") && strstr(s, "&lt;script&gt;alert"), "html escapes report text");
	T_OK(s && strstr(s, "Title &lt;b&gt;|*x*"), "html title escaped");
	free(s);
	s = S_render(r, TL_RENDER_MARKDOWN, 0, NULL, &rc);
	T_OK(s && strstr(s, "\\| \\[link\\](x) \\<i\\>"), "markdown escapes | [ ] < >");
	T_OK(s && strstr(s, "Title \\<b\\>\\|\\*x\\*"), "markdown escapes the title in tables");
	free(s);
	s = S_render(r, TL_RENDER_CSV_LONG, 0, NULL, &rc);
	T_OK(s && strstr(s, "\"/tmp/a b,\"\"c\"\".docx\",R-1,violated,high,5.2,\"'=SUM(A1) | [link](x) <i>\",7,no\r\n"),
	     "csv quotes, doubles quotes, guards formulas, ends lines in CRLF: %s", s ? s : "");
	free(s);
	s = S_render(r, TL_RENDER_SARIF, 0, NULL, &rc);
	T_OK(s && strstr(s, "\"uri\":\t\"file:///tmp/a%20b%2C%22c%22.docx\""), "sarif uri is percent-encoded");
	T_OK(s && strstr(s, "\"startLine\":\t8"), "sarif region line is paragraph + 1");
	free(s);
	cJSON_Delete(r);
}

static void test_colour_and_language(void)
{
	cJSON *r = cJSON_Parse(S_report_json);
	int rc;
	char *plain = S_render(r, TL_RENDER_TEXT, 0, NULL, &rc);
	char *color = S_render(r, TL_RENDER_TEXT, TL_RENDER_F_COLOR, NULL, &rc);
	char *nl = S_render(r, TL_RENDER_TEXT, 0, "nl", &rc);
	T_OK(plain && !strchr(plain, '\x1b'), "no escape codes without TL_RENDER_F_COLOR");
	T_OK(color && strstr(color, "\x1b[1;31m"), "violated in bold red with colour");
	T_OK(plain && strstr(plain, "Summary: 0 met") && strstr(plain, "clause 5.2, paragraph 7"), "english");
	T_OK(nl && strstr(nl, "Samenvatting: 0 voldaan") && strstr(nl, "artikel 5.2, alinea 7") &&
	         strstr(nl, "Titel"), "--lang nl: strings and the rule's Dutch title");
	free(plain);
	free(color);
	free(nl);
	cJSON_Delete(r);
}

static void test_jsonl(void)
{
	cJSON *r = cJSON_Parse(S_report_json), *copy = cJSON_Duplicate(r, 1);
	char *buf = NULL;
	size_t len = 0;
	tl_error err = TL_ERROR_INIT;
	FILE *f = open_memstream(&buf, &len);
	T_INT(tl_render_jsonl_header(r, f, &err), 0);
	T_INT(tl_render_jsonl_document(cJSON_GetArrayItem(cJSON_GetObjectItem(r, "documents"), 0), f, &err), 0);
	fclose(f);
	char *nl1 = buf ? strchr(buf, '\n') : NULL;
	T_OK(nl1 && nl1[1] && strchr(nl1 + 1, '\n') == buf + len - 1, "two lines");
	T_OK(buf && !strncmp(buf, "{\"type\":\"header\",\"tool\"", 23) && !strstr(buf, "\"documents\""),
	     "header first, without documents");
	T_OK(nl1 && !strncmp(nl1 + 1, "{\"type\":\"document\",\"path\"", 25), "document line typed");
	T_OK(cJSON_Compare(r, copy, 1), "rendering leaves the report untouched");
	free(buf);
	cJSON_Delete(r);
	cJSON_Delete(copy);
}

/* The pretty JSON report put together from its pieces, as `check` does with
 * its workers' text, is byte for byte what tl_render writes. */
static char *S_pieces(const cJSON *r)
{
	char *buf = NULL;
	size_t len = 0, n = 0;
	FILE *f = open_memstream(&buf, &len);
	char *head = tl_render_json_head(r, &n);
	if (head)
		fwrite(head, 1, n, f);
	free(head);
	const cJSON *d;
	int first = 1;
	cJSON_ArrayForEach(d, cJSON_GetObjectItem(r, "documents"))
	{
		char *t = tl_render_json_document(d, &n);
		fputs(first ? "" : TL_RENDER_JSON_SEP, f);
		if (t)
			fwrite(t, 1, n, f);
		free(t);
		first = 0;
	}
	fputs(TL_RENDER_JSON_TAIL, f);
	fclose(f);
	return buf;
}

static void test_json_pieces(void)
{
	static const char *const extra[] = {
		"", /* one document */
		",{\"path\":\"b\\n\\t\\\"q\\\"\\u0001\",\"x\":{},\"y\":[],\"z\":[{},[1,2.5,-3e-7,1e300]],"
		"\"n\":null,\"t\":true,\"u\":\"\\u00e9\\/\"}",
	};
	for (int k = 0; k < 3; k++) {
		cJSON *r = cJSON_Parse(S_report_json);
		cJSON *docs = cJSON_GetObjectItem(r, "documents");
		if (k == 0)
			cJSON_DeleteItemFromArray(docs, 0);
		if (k == 2) {
			char *more = malloc(strlen(extra[1]) + 3);
			sprintf(more, "[%s]", extra[1] + 1);
			cJSON *arr = cJSON_Parse(more);
			cJSON_AddItemToArray(docs, cJSON_DetachItemFromArray(arr, 0));
			cJSON_Delete(arr);
			free(more);
		}
		int rc = -1;
		char *want = S_render(r, TL_RENDER_JSON, 0, NULL, &rc);
		char *got = S_pieces(r);
		T_INT(rc, 0);
		T_OK(want && got && !strcmp(want, got), "%d documents: pieces differ:\n%s\n---\n%s", k, got, want);
		free(want);
		free(got);
		cJSON_Delete(r);
	}
	/* a report whose documents are not its last member has no head */
	cJSON *odd = cJSON_Parse("{\"documents\":[],\"tool\":{}}");
	size_t n = 0;
	T_OK(tl_render_json_head(odd, &n) == NULL, "documents not last");
	cJSON_Delete(odd);
	cJSON *r = cJSON_Parse(S_report_json);
	char *h = tl_render_jsonl_header_text(r, &n);
	T_OK(h && n == strlen(h) && h[n - 1] == '\n' && !strncmp(h, "{\"type\":\"header\",", 17), "jsonl header text");
	free(h);
	cJSON_Delete(r);
}

static void test_i18n(void)
{
	for (int id = 0; id < TL_S_COUNT; id++) {
		T_OK(*tl_i18n("nl", (tl_str_id)id) && *tl_i18n("en", (tl_str_id)id), "string %d in both languages", id);
	}
	for (int i = 0; tl_i18n_areas[i]; i++)
		T_OK(tl_i18n_area("nl", tl_i18n_areas[i]) && tl_i18n_area("en", tl_i18n_areas[i]), "area %s", tl_i18n_areas[i]);
	T_STR(tl_i18n_status("nl", TL_ST_NA), "niet van toepassing");
	T_STR(tl_i18n_status("fr", TL_ST_MISSING), "missing");
	T_OK(tl_i18n_area("en", "NOPE") == NULL, "unknown area");
}

static void test_redline_helpers(void)
{
	char *n = tl_rl_norm("  a\t\tb \xc2\xa0 c\n");
	T_STR(n, "a b c");
	free(n);
	char *texts[] = {"1.1 Definitions", "2.1 The Supplier shall not sell the data.", "2.2 Other",
	                 "3.1 The Supplier shall not sell the data. Ever."};
	T_INT(tl_rl_locate(1, "The Supplier shall not sell the data.", texts, 4), 1);
	T_INT(tl_rl_locate(2, "The Supplier  shall not sell the data.", texts, 4), 1); /* nearest wins */
	T_INT(tl_rl_locate(2, "not in any paragraph", texts, 4), 2);                 /* kept */
	T_INT(tl_rl_locate(9, NULL, texts, 4), 3);                                   /* clamped */
	T_INT(tl_rl_locate(0, "x", texts, 0), -1);
	char *c = tl_rl_clean("a\x01" "b\xff" "c");
	T_STR(c, "a b\xef\xbf\xbd" "c");
	free(c);
	char iso[32];
	tl_rl_iso(0, iso, sizeof iso);
	T_STR(iso, "1970-01-01T00:00:00Z");
}

static void test_redline_refusals(void)
{
	tl_error err = TL_ERROR_INIT;
	cJSON *doc = cJSON_Parse("{\"path\":\"x.docx\",\"findings\":[]}");
	cJSON *bad = cJSON_Parse("{\"path\":\"x.docx\",\"error\":{\"code\":\"E_ZIP_CRC\"},\"findings\":[]}");
	char self[] = TL_SOURCE_DIR "/tests/unit/test_render.c";
	T_INT(tl_redline_write(doc, self, self, NULL, &err), TL_EINVAL);
	T_INT(tl_redline_write(bad, self, "/tmp/tl-never.docx", NULL, &err), TL_EINVAL);
	T_OK(tl_redline_write(doc, self, "/tmp/tl-never.docx", NULL, &err) < 0, "not a package: refused");
	T_OK(fopen("/tmp/tl-never.docx", "r") == NULL, "nothing written on failure");
	cJSON_Delete(doc);
	cJSON_Delete(bad);
}

int main(void)
{
	test_formats();
	test_refusals();
	test_escaping();
	test_colour_and_language();
	test_jsonl();
	test_json_pieces();
	test_i18n();
	test_redline_helpers();
	test_redline_refusals();
	return T_DONE();
}
