/* md.c: a Markdown report for a memo or a ticket (CommonMark + GFM tables).
 * Everything taken from the report is escaped, so a quote can never turn
 * into a link, a heading or a table cell break. */
#include <string.h>

#include "report/i18n.h"
#include "report/render.h"

static const char *const S_marks[TL_ST_COUNT + 1] = {
	"\xe2\x9c\x93", "\xe2\x97\x90", "\xe2\x9c\x97", "\xe2\x97\x8b", "\xe2\x80\x93", "?"};

/* Inline text: ASCII punctuation with a Markdown meaning is backslash-escaped,
 * line breaks become spaces. */
static void S_esc(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '\n' || ch == '\r' || ch == '\t')
			fputc(' ', out);
		else if (ch < 0x20)
			continue;
		else if (strchr("\\`*_[]<>#|~&", ch))
			fprintf(out, "\\%c", ch);
		else
			fputc(ch, out);
	}
}

/* Inside a code span backslashes are literal: drop backticks and breaks. */
static void S_code(FILE *out, const char *s)
{
	fputc('`', out);
	for (; s && *s; s++)
		fputc(*s == '`' ? '\'' : (unsigned char)*s < 0x20 ? ' ' : *s, out);
	fputc('`', out);
}

/* A block quote: each line of `s` escaped and prefixed with "> ". */
static void S_quote_block(FILE *out, const char *s)
{
	fputs("> ", out);
	for (; s && *s; s++) {
		if (*s == '\n') {
			fputs("\n>\n> ", out);
			continue;
		}
		char one[2] = {*s, 0};
		S_esc(out, one);
	}
	fputc('\n', out);
}

static void S_clause(FILE *out, const cJSON *ev, const char *lang)
{
	tl_buf b = TL_BUF_INIT(1 << 16);
	tl_render_where(&b, tl_rj_str(ev, "clause"), tl_rj_long(ev, "para", -1), lang);
	S_esc(out, b.data);
	tl_buf_free(&b);
}

static void S_gap(FILE *out, const cJSON *f, const char *lang, const char *title)
{
	tl_status st = tl_finding_status(f);
	const cJSON *ev, *sug = tl_rj_obj(f, "suggestion");
	fprintf(out, "### %s ", S_marks[st]);
	S_esc(out, tl_rj_str(f, "rule"));
	fputs(" \xe2\x80\x93 ", out);
	S_esc(out, title);
	fprintf(out, "\n\n**%s** \xc2\xb7 %s: %s\n\n", tl_i18n_status(lang, st),
	        tl_i18n(lang, TL_S_SEVERITY),
	        tl_i18n_severity(lang, tl_severity_parse(tl_rj_str(f, "severity"))));
	cJSON_ArrayForEach(ev, tl_rj_arr(f, "evidence"))
	{
		fputs("- ", out);
		S_clause(out, ev, lang);
		fputs(": \xe2\x80\x9c", out);
		S_esc(out, tl_rj_str(ev, "quote"));
		fputs("\xe2\x80\x9d", out);
		const cJSON *def = tl_rj_obj(ev, "definition");
		if (def) {
			tl_buf b = TL_BUF_INIT(1 << 16), cl = TL_BUF_INIT(4096);
			if (tl_rj_str(def, "clause"))
				tl_buf_fill(&cl, tl_i18n(lang, TL_S_CLAUSE), tl_rj_str(def, "clause"), NULL,
				            NULL, NULL);
			tl_buf_fill(&b, tl_i18n(lang, TL_S_DEFINITION), tl_rj_str(def, "term"),
			            cl.data ? cl.data : "-", NULL, NULL);
			fputs(" (", out);
			S_esc(out, b.data);
			fputs(")", out);
			tl_buf_free(&b);
			tl_buf_free(&cl);
		}
		fputc('\n', out);
	}
	const cJSON *annex = tl_rj_obj(f, "annex");
	cJSON_ArrayForEach(ev, tl_rj_arr(annex, "evidence"))
	{
		tl_buf b = TL_BUF_INIT(1 << 16);
		tl_render_annex_where(&b, annex, ev, lang);
		fputs("- ", out);
		S_esc(out, b.data);
		fputs(": \xe2\x80\x9c", out);
		S_esc(out, tl_rj_str(ev, "quote"));
		fputs("\xe2\x80\x9d\n", out);
		tl_buf_free(&b);
	}
	if ((tl_rj_arr(f, "evidence") && cJSON_GetArraySize(tl_rj_arr(f, "evidence")) > 0) ||
	    cJSON_GetArraySize(tl_rj_arr(annex, "evidence")) > 0)
		fputc('\n', out);
	if (tl_rj_str(f, "reason")) {
		fprintf(out, "**%s:** ", tl_i18n(lang, TL_S_WHY));
		S_esc(out, tl_rj_str(f, "reason"));
		fputs("\n\n", out);
	}
	if (tl_rj_str(sug, "text")) {
		const char *hint = tl_rj_str(tl_rj_obj(sug, "insert"), "hint");
		fprintf(out, "**%s**", tl_i18n(lang, TL_S_SUGGESTED));
		if (hint) {
			fputs(" (", out);
			S_esc(out, hint);
			fputs(")", out);
		}
		fputs(":\n\n", out);
		S_quote_block(out, tl_rj_str(sug, "text"));
		fputc('\n', out);
	}
	if (tl_finding_waived(f)) {
		const cJSON *w = tl_rj_obj(f, "waiver");
		tl_buf b = TL_BUF_INIT(1 << 16);
		tl_buf_fill(&b, tl_i18n(lang, TL_S_WAIVER), tl_rj_str(w, "reason"), tl_rj_str(w, "by"),
		            tl_rj_str(w, "until"), NULL);
		fputs("*", out);
		S_esc(out, b.data);
		fputs("*\n\n", out);
		tl_buf_free(&b);
	}
}

static void S_summary(FILE *out, const int counts[TL_ST_COUNT], int waived, const char *lang)
{
	for (int s = 0; s < TL_ST_COUNT; s++)
		fprintf(out, "%s%d %s", s ? " \xc2\xb7 " : "", counts[s],
		        tl_i18n_status(lang, (tl_status)s));
	if (waived)
		fprintf(out, " \xc2\xb7 %d %s", waived, tl_i18n(lang, TL_S_WAIVED));
}

static void S_document(FILE *out, const cJSON *report, const cJSON *doc, const char *lang,
                       const tl_render_options *o)
{
	const cJSON *f, *ctx, *error = tl_rj_obj(doc, "error");
	int counts[TL_ST_COUNT], waived, ngaps = 0;
	fputs("## ", out);
	S_esc(out, tl_rj_str(doc, "path"));
	fputs("\n\n", out);
	if (tl_rj_str(doc, "title")) {
		fprintf(out, "- %s: ", tl_i18n(lang, TL_S_TITLE));
		S_esc(out, tl_rj_str(doc, "title"));
		fputc('\n', out);
	}
	fprintf(out, "- %s: ", tl_i18n(lang, TL_S_FORMAT));
	S_esc(out, tl_rj_str(doc, "format"));
	fputc('\n', out);
	if (error) {
		fprintf(out, "- **%s**: ", tl_i18n(lang, TL_S_UNREADABLE));
		S_code(out, tl_rj_str(error, "code"));
		fputc(' ', out);
		S_esc(out, tl_rj_str(error, "message"));
		fputs("\n\n", out);
		return;
	}
	fprintf(out, "- %s: ", tl_i18n(lang, TL_S_LANGUAGE));
	S_esc(out, tl_rj_str(doc, "language"));
	fprintf(out, "\n- %s: ", tl_i18n(lang, TL_S_CONTEXTS));
	int nctx = 0;
	cJSON_ArrayForEach(ctx, tl_rj_arr(doc, "contexts"))
	{
		fputs(nctx++ ? ", " : "", out);
		S_code(out, tl_rj_str(ctx, "tag"));
	}
	if (!nctx)
		fputs(tl_i18n(lang, TL_S_NONE_FOUND), out);
	tl_doc_counts(doc, counts, &waived);
	fprintf(out, "\n- %s: ", tl_i18n(lang, TL_S_SUMMARY));
	S_summary(out, counts, waived, lang);
	fprintf(out, "\n\n| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n",
	        tl_i18n(lang, TL_S_STATUS), tl_i18n(lang, TL_S_REQUIREMENT), tl_i18n(lang, TL_S_AREA),
	        tl_i18n(lang, TL_S_SEVERITY), tl_i18n(lang, TL_S_EVIDENCE));
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
	{
		tl_status st = tl_finding_status(f);
		const cJSON *ev = tl_finding_main_evidence(f);
		fprintf(out, "| %s %s", S_marks[st], tl_i18n_status(lang, st));
		if (tl_finding_waived(f))
			fprintf(out, " (%s)", tl_i18n(lang, TL_S_WAIVED));
		fputs(" | ", out);
		S_esc(out, tl_rj_str(f, "rule"));
		fputs(" \xe2\x80\x93 ", out);
		S_esc(out, tl_finding_title(report, f, o));
		fputs(" | ", out);
		S_esc(out, tl_rj_str(f, "area"));
		fprintf(out, " | %s | ", tl_i18n_severity(lang, tl_severity_parse(tl_rj_str(f, "severity"))));
		if (ev)
			S_clause(out, ev, lang);
		fputs(" |\n", out);
		ngaps += tl_status_is_gap(st);
	}
	fputc('\n', out);
	if (!ngaps)
		return;
	fprintf(out, "### %s\n\n", tl_i18n(lang, TL_S_GAPS));
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
	{
		if (tl_status_is_gap(tl_finding_status(f)))
			S_gap(out, f, lang, tl_finding_title(report, f, o));
	}
}

int tl_render_markdown(const cJSON *report, const tl_render_options *o, FILE *out, tl_error *err)
{
	const char *lang = tl_render_report_lang(report, o);
	const cJSON *doc, *rs = tl_rj_obj(report, "ruleset");
	fprintf(out, "# %s\n\n%s: ", tl_i18n(lang, TL_S_REPORT_TITLE), tl_i18n(lang, TL_S_RULESET));
	S_esc(out, tl_rj_str(rs, "id"));
	fputc(' ', out);
	S_esc(out, tl_rj_str(rs, "version"));
	fputs("\n\n", out);
	if (cJSON_GetArraySize(tl_rj_arr(report, "documents")) == 0)
		fprintf(out, "%s\n", tl_i18n(lang, TL_S_NO_DOCUMENTS));
	cJSON_ArrayForEach(doc, tl_rj_arr(report, "documents"))
		S_document(out, report, doc, tl_render_doc_lang(doc, o), o);
	return tl_render_check_stream(out, err);
}
