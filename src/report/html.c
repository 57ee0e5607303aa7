/* html.c: one self-contained HTML page (inline CSS and JS, nothing loaded
 * from the network; a Content-Security-Policy forbids it).  Per document: a
 * scorecard per area, the findings (filterable by status, area, severity),
 * each citing its clause and linking to a text view of the quoted passages
 * grouped by clause with the evidence highlighted, and the suggested clause
 * with a copy button.  A batch gets an overview matrix (documents x
 * requirements) linking to each document's findings. */
#include <stdlib.h>
#include <string.h>

#include "report/html_assets.h"
#include "report/html_text.h"
#include "report/i18n.h"
#include "report/render.h"

static const char *const S_marks[TL_ST_COUNT + 1] = {
	"\xe2\x9c\x93", "\xe2\x97\x90", "\xe2\x9c\x97", "\xe2\x97\x8b", "\xe2\x80\x93", "?"};

static void S_h(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\n' || *s == '\t')
				fputc(*s, out);
		}
	}
}

/* An id fragment: [A-Za-z0-9_-] kept, anything else '_'. */
static void S_id(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		char ch = *s;
		int keep = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		           ch == '-' || ch == '_';
		fputc(keep ? ch : '_', out);
	}
}

static void S_fill(FILE *out, const char *tmpl, const char *a1, const char *a2, const char *a3)
{
	tl_buf b = TL_BUF_INIT(1 << 20);
	tl_buf_fill(&b, tmpl, a1, a2, a3, NULL);
	S_h(out, b.data);
	tl_buf_free(&b);
}

static void S_where(FILE *out, const char *clause, long para, const char *lang)
{
	tl_buf b = TL_BUF_INIT(1 << 16);
	tl_render_where(&b, clause, para, lang);
	S_h(out, b.data);
	tl_buf_free(&b);
}

/* ---- filters and overview ---- */

static int S_seen(const char **list, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(list[i], s))
			return 1;
	return 0;
}

static void S_filters(FILE *out, const cJSON *report, const char *lang)
{
	const cJSON *d, *f;
	const char *areas[128];
	int nareas = 0, sev_seen[TL_SEV_COUNT] = {0};
	fprintf(out, "<nav class=\"filters\" id=\"filters\" aria-label=\"%s\">\n<fieldset><legend>%s</legend>",
	        tl_i18n(lang, TL_S_FILTER), tl_i18n(lang, TL_S_STATUS));
	for (int s = 0; s < TL_ST_COUNT; s++)
		fprintf(out, "<label class=\"c-%s\"><input type=\"checkbox\" data-filter=\"status\" value=\"%s\" checked> %s %s</label>",
		        tl_status_key((tl_status)s), tl_status_key((tl_status)s), S_marks[s],
		        tl_i18n_status(lang, (tl_status)s));
	fputs("</fieldset>\n", out);
	cJSON_ArrayForEach(d, tl_rj_arr(report, "documents"))
	{
		cJSON_ArrayForEach(f, tl_rj_arr(d, "findings"))
		{
			const char *a = tl_rj_str(f, "area");
			tl_severity sv = tl_severity_parse(tl_rj_str(f, "severity"));
			if (a && nareas < 128 && !S_seen(areas, nareas, a))
				areas[nareas++] = a;
			if (sv < TL_SEV_COUNT)
				sev_seen[sv] = 1;
		}
	}
	fprintf(out, "<label>%s <select id=\"f-area\"><option value=\"\">%s</option>", tl_i18n(lang, TL_S_AREA),
	        tl_i18n(lang, TL_S_ALL));
	for (int i = 0; i < nareas; i++) {
		const char *name = tl_i18n_area(lang, areas[i]);
		fputs("<option value=\"", out);
		S_h(out, areas[i]);
		fputs("\">", out);
		S_h(out, areas[i]);
		if (name)
			fprintf(out, " \xe2\x80\x93 %s", name);
		fputs("</option>", out);
	}
	fprintf(out, "</select></label>\n<label>%s <select id=\"f-sev\"><option value=\"\">%s</option>",
	        tl_i18n(lang, TL_S_SEVERITY), tl_i18n(lang, TL_S_ALL));
	for (int s = 0; s < TL_SEV_COUNT; s++)
		if (sev_seen[s])
			fprintf(out, "<option value=\"%s\">%s</option>", tl_severity_key((tl_severity)s),
			        tl_i18n_severity(lang, (tl_severity)s));
	fprintf(out, "</select></label>\n<button type=\"button\" id=\"f-reset\">%s</button> "
	             "<span id=\"f-count\" aria-live=\"polite\"></span>\n</nav>\n",
	        tl_i18n(lang, TL_S_RESET));
}

static const cJSON *S_find(const cJSON *doc, const char *rule)
{
	const cJSON *f;
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
	{
		const char *r = tl_rj_str(f, "rule");
		if (r && rule && !strcmp(r, rule))
			return f;
	}
	return NULL;
}

static void S_overview(FILE *out, const cJSON *report, const char *lang)
{
	const cJSON *d, *r;
	int n = 0;
	fprintf(out, "<section id=\"overview\"><h2>%s</h2>\n<div class=\"matrix-wrap\"><table class=\"matrix\"><thead><tr><th>%s</th>",
	        tl_i18n(lang, TL_S_OVERVIEW), tl_i18n(lang, TL_S_DOCUMENT));
	cJSON_ArrayForEach(r, tl_rj_arr(report, "rules"))
	{
		fputs("<th title=\"", out);
		S_h(out, tl_rj_text(r, "title", lang));
		fputs("\">", out);
		S_h(out, tl_rj_str(r, "id"));
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	cJSON_ArrayForEach(d, tl_rj_arr(report, "documents"))
	{
		const cJSON *e = tl_rj_obj(d, "error");
		fprintf(out, "<tr><th><a href=\"#doc-%d\">", n);
		S_h(out, tl_rj_str(d, "path"));
		fputs("</a></th>", out);
		if (e) {
			fprintf(out, "<td class=\"error\" colspan=\"%d\">%s: ", cJSON_GetArraySize(tl_rj_arr(report, "rules")),
			        tl_i18n(lang, TL_S_UNREADABLE));
			S_h(out, tl_rj_str(e, "code"));
			fputs("</td></tr>\n", out);
			n++;
			continue;
		}
		cJSON_ArrayForEach(r, tl_rj_arr(report, "rules"))
		{
			const char *id = tl_rj_str(r, "id");
			const cJSON *f = S_find(d, id);
			if (!f) {
				fputs("<td></td>", out);
				continue;
			}
			tl_status st = tl_finding_status(f);
			fprintf(out, "<td class=\"m-%s\" data-status=\"%s\" data-area=\"", tl_status_key(st),
			        tl_status_key(st));
			S_h(out, tl_rj_str(f, "area"));
			fputs("\" data-severity=\"", out);
			S_h(out, tl_rj_str(f, "severity"));
			fprintf(out, "\"><a href=\"#d%d-", n);
			S_id(out, id);
			fputs("\" title=\"", out);
			S_h(out, id);
			fprintf(out, ": %s%s%s\">%s</a></td>", tl_i18n_status(lang, st),
			        tl_finding_waived(f) ? ", " : "", tl_finding_waived(f) ? tl_i18n(lang, TL_S_WAIVED) : "",
			        S_marks[st]);
		}
		fputs("</tr>\n", out);
		n++;
	}
	fputs("</tbody></table></div></section>\n", out);
}

/* ---- one document ---- */

static void S_scorecard(FILE *out, const cJSON *doc, const char *lang)
{
	const cJSON *f;
	const char *areas[128];
	int nareas = 0;
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
	{
		const char *a = tl_rj_str(f, "area");
		if (a && nareas < 128 && !S_seen(areas, nareas, a))
			areas[nareas++] = a;
	}
	fprintf(out, "<h3>%s</h3>\n<table class=\"scorecard\"><thead><tr><th>%s</th>",
	        tl_i18n(lang, TL_S_SCORECARD), tl_i18n(lang, TL_S_AREA));
	for (int s = 0; s < TL_ST_COUNT; s++)
		fprintf(out, "<th class=\"c-%s\" title=\"%s\">%s</th>", tl_status_key((tl_status)s),
		        tl_i18n_status(lang, (tl_status)s), S_marks[s]);
	fputs("<th></th></tr></thead><tbody>\n", out);
	for (int i = 0; i < nareas; i++) {
		int counts[TL_ST_COUNT] = {0}, total = 0;
		cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
		{
			const char *a = tl_rj_str(f, "area");
			tl_status st = tl_finding_status(f);
			if (a && !strcmp(a, areas[i]) && st < TL_ST_COUNT) {
				counts[st]++;
				total++;
			}
		}
		const char *name = tl_i18n_area(lang, areas[i]);
		fputs("<tr><th>", out);
		S_h(out, areas[i]);
		if (name)
			fprintf(out, " \xe2\x80\x93 %s", name);
		fputs("</th>", out);
		for (int s = 0; s < TL_ST_COUNT; s++)
			fprintf(out, "<td class=\"c-%s\">%d</td>", tl_status_key((tl_status)s), counts[s]);
		fputs("<td><div class=\"bar\">", out);
		for (int s = 0; s < TL_ST_COUNT && total; s++)
			if (counts[s])
				fprintf(out, "<span class=\"b-%s\" style=\"width:%.1f%%\"></span>",
				        tl_status_key((tl_status)s), 100.0 * counts[s] / total);
		fputs("</div></td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

/* tv: the whole-text view when the report has the paragraphs, else NULL;
 * *evk counts the document's evidence items, as tl_html_tv_target does. */
static void S_finding(FILE *out, const cJSON *f, const char *title, int dn, int *sugn, const char *lang,
                      const tl_html_tv *tv, size_t *evk)
{
	char target[300];
	tl_status st = tl_finding_status(f);
	tl_severity sev = tl_severity_parse(tl_rj_str(f, "severity"));
	const char *rule = tl_rj_str(f, "rule");
	const cJSON *ev, *sug = tl_rj_obj(f, "suggestion");
	int waived = tl_finding_waived(f);
	fprintf(out, "<article class=\"finding st-%s%s\" id=\"d%d-", tl_status_key(st), waived ? " waived" : "", dn);
	S_id(out, rule);
	fprintf(out, "\" data-status=\"%s\" data-area=\"", tl_status_key(st));
	S_h(out, tl_rj_str(f, "area"));
	fprintf(out, "\" data-severity=\"%s\">\n<header><span class=\"mark c-%s\">%s</span> <code>",
	        tl_severity_key(sev), tl_status_key(st), S_marks[st]);
	S_h(out, rule);
	fputs("</code> <span class=\"title\">", out);
	S_h(out, title);
	fprintf(out, "</span> <span class=\"badge c-%s\">%s</span> <span class=\"badge sev-%s\">%s</span>",
	        tl_status_key(st), tl_i18n_status(lang, st), tl_severity_key(sev),
	        tl_i18n_severity(lang, sev));
	if (waived)
		fprintf(out, " <span class=\"badge\">%s</span>", tl_i18n(lang, TL_S_WAIVED));
	fputs("</header>\n", out);
	if (tl_rj_str(f, "reason")) {
		fputs("<p class=\"reason\">", out);
		S_h(out, tl_rj_str(f, "reason"));
		fputs("</p>\n", out);
	}
	const cJSON *ref = tl_rj_obj(f, "reference"), *annex = tl_rj_obj(f, "annex");
	if (ref || annex) {
		fputs("<p class=\"reason\">", out);
		tl_buf b = TL_BUF_INIT(1 << 16);
		if (ref)
			tl_render_reference(&b, ref, lang);
		else
			tl_render_annex(&b, annex, lang);
		S_h(out, b.data);
		tl_buf_free(&b);
		fputs("</p>\n", out);
	}
	if (cJSON_GetArraySize(tl_rj_arr(annex, "evidence")) > 0) {
		/* quoted from the annex: another document, so no link into this one's text */
		fputs("<ul class=\"evidence annex\">\n", out);
		cJSON_ArrayForEach(ev, tl_rj_arr(annex, "evidence"))
		{
			tl_buf b = TL_BUF_INIT(1 << 16);
			tl_render_annex_where(&b, annex, ev, lang);
			fputs("<li>", out);
			S_h(out, b.data);
			fputs(": <q>", out);
			S_h(out, tl_rj_str(ev, "quote"));
			fputs("</q></li>\n", out);
			tl_buf_free(&b);
		}
		fputs("</ul>\n", out);
	}
	if (cJSON_GetArraySize(tl_rj_arr(f, "evidence")) > 0) {
		fputs("<ul class=\"evidence\">\n", out);
		cJSON_ArrayForEach(ev, tl_rj_arr(f, "evidence"))
		{
			long para = tl_rj_long(ev, "para", -1);
			const cJSON *def = tl_rj_obj(ev, "definition");
			int link = tv ? tl_html_tv_target(tv, (*evk)++, dn, target, sizeof target) : para >= 0;
			fputs("<li>", out);
			if (tv && link)
				fprintf(out, "<a class=\"cite\" href=\"#%s\">", target);
			else if (link)
				fprintf(out, "<a class=\"cite\" href=\"#d%d-p%ld\">", dn, para);
			S_where(out, tl_rj_str(ev, "clause"), para, lang);
			fputs(link ? "</a>: <q>" : ": <q>", out);
			S_h(out, tl_rj_str(ev, "quote"));
			fputs("</q>", out);
			if (def) {
				tl_buf cl = TL_BUF_INIT(4096);
				if (tl_rj_str(def, "clause"))
					tl_buf_fill(&cl, tl_i18n(lang, TL_S_CLAUSE), tl_rj_str(def, "clause"), NULL, NULL, NULL);
				fputs(" <span class=\"def\">(", out);
				S_fill(out, tl_i18n(lang, TL_S_DEFINITION), tl_rj_str(def, "term"), cl.data ? cl.data : "-",
				       NULL);
				fputs(")</span>", out);
				tl_buf_free(&cl);
			}
			fputs("</li>\n", out);
		}
		fputs("</ul>\n", out);
	}
	if (tl_rj_str(sug, "text") && st != TL_ST_MET && st != TL_ST_NA) {
		const char *hint = tl_rj_str(tl_rj_obj(sug, "insert"), "hint");
		int sn = (*sugn)++;
		fprintf(out, "<div class=\"suggestion\"><div class=\"sug-head\">%s", tl_i18n(lang, TL_S_SUGGESTED));
		if (hint) {
			/* the clause it goes after, in the whole-text view */
			int to = tl_html_tv_clause(tv, tl_rj_str(tl_rj_obj(sug, "insert"), "after_clause"), dn, target,
			                           sizeof target);
			fputs(" <span class=\"hint\">(", out);
			if (to)
				fprintf(out, "<a href=\"#%s\">", target);
			S_h(out, hint);
			fputs(to ? "</a>)</span>" : ")</span>", out);
		}
		fprintf(out, "<button type=\"button\" class=\"copy\" data-copy=\"d%d-s%d\" data-copied=\"%s\">%s</button></div>"
		             "<blockquote id=\"d%d-s%d\"",
		        dn, sn, tl_i18n(lang, TL_S_COPIED), tl_i18n(lang, TL_S_COPY), dn, sn);
		if (tl_rj_str(sug, "lang")) {
			fputs(" lang=\"", out);
			S_h(out, tl_rj_str(sug, "lang"));
			fputc('"', out);
		}
		fputc('>', out);
		S_h(out, tl_rj_str(sug, "text"));
		fputs("</blockquote></div>\n", out);
	}
	if (waived) {
		const cJSON *w = tl_rj_obj(f, "waiver");
		fputs("<p class=\"waiver\">", out);
		S_fill(out, tl_i18n(lang, TL_S_WAIVER), tl_rj_str(w, "reason"), tl_rj_str(w, "by"), tl_rj_str(w, "until"));
		fputs("</p>\n", out);
	}
	fputs("</article>\n", out);
}

/* One quoted fragment of a paragraph, for the text view. */
typedef struct {
	long para, start, end;
	const char *clause, *quote, *rule, *status;
} S_frag;

static int S_frag_cmp(const void *a, const void *b)
{
	const S_frag *x = a, *y = b;
	if (x->para != y->para)
		return x->para < y->para ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

static void S_cite(FILE *out, int dn, const S_frag *fr)
{
	fprintf(out, "<sup><a href=\"#d%d-", dn);
	S_id(out, fr->rule);
	fputs("\">", out);
	S_h(out, fr->rule);
	fputs("</a></sup>", out);
}

static void S_textview(FILE *out, const cJSON *doc, int dn, const char *lang)
{
	const cJSON *f, *ev;
	size_t n = 0, cap = 0;
	S_frag *fr = NULL;
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
	{
		cJSON_ArrayForEach(ev, tl_rj_arr(f, "evidence"))
		{
			long para = tl_rj_long(ev, "para", -1);
			const char *q = tl_rj_str(ev, "quote");
			if (para < 0 || !q || !tl_rj_str(f, "rule"))
				continue;
			if (n == cap) {
				size_t nc = cap ? 2 * cap : 32;
				S_frag *nf = realloc(fr, nc * sizeof *nf);
				if (!nf)
					break;
				fr = nf;
				cap = nc;
			}
			long start = tl_rj_long(ev, "start", -1), end = tl_rj_long(ev, "end", -1);
			if (start < 0 || end - start != (long)strlen(q)) /* offsets unusable: show as is */
				start = -1, end = -1;
			const char *es = tl_rj_str(ev, "status");
			fr[n++] = (S_frag){para, start, end, tl_rj_str(ev, "clause"), q, tl_rj_str(f, "rule"),
			                   es ? es : tl_rj_str(f, "status")};
		}
	}
	fprintf(out, "<h3>%s</h3>\n<p class=\"note\">%s</p>\n<div class=\"textview\">\n", tl_i18n(lang, TL_S_TEXT_VIEW),
	        tl_i18n(lang, TL_S_TEXT_VIEW_NOTE));
	if (n)
		qsort(fr, n, sizeof *fr, S_frag_cmp);
	const char *open_clause = NULL;
	int in_section = 0;
	for (size_t i = 0; i < n;) {
		long para = fr[i].para;
		const char *cl = fr[i].clause;
		if (!in_section || (cl ? !open_clause || strcmp(cl, open_clause) : open_clause != NULL)) {
			if (in_section)
				fputs("</section>\n", out);
			fputs("<section class=\"clause\"><h4>", out);
			if (cl)
				S_fill(out, tl_i18n(lang, TL_S_CLAUSE), cl, NULL, NULL);
			else
				S_h(out, tl_i18n(lang, TL_S_NO_CLAUSE));
			fputs("</h4>\n", out);
			open_clause = cl;
			in_section = 1;
		}
		fprintf(out, "<p class=\"para\" id=\"d%d-p%ld\"><span class=\"pno\">\xc2\xb6%ld</span>", dn, para, para);
		long shown_end = -1;
		int first = 1;
		for (; i < n && fr[i].para == para; i++) {
			const S_frag *x = &fr[i];
			if (x->start < 0) { /* no usable offsets */
				fputs(first ? "" : " \xe2\x80\xa6 ", out);
			} else if (shown_end >= 0 && x->start < shown_end) {
				/* overlaps what is shown: cite it there, show only a new tail */
				if (x->end <= shown_end) {
					S_cite(out, dn, x);
					continue;
				}
				fprintf(out, "<mark class=\"ev ev-%s\">", x->status ? x->status : "");
				S_h(out, x->quote + (shown_end - x->start));
				fputs("</mark>", out);
				S_cite(out, dn, x);
				shown_end = x->end;
				first = 0;
				continue;
			} else if (first ? x->start > 0 : x->start > shown_end) {
				fputs(first ? "\xe2\x80\xa6 " : " \xe2\x80\xa6 ", out);
			} else if (!first) {
				fputc(' ', out);
			}
			fprintf(out, "<mark class=\"ev ev-%s\">", x->status ? x->status : "");
			S_h(out, x->quote);
			fputs("</mark>", out);
			S_cite(out, dn, x);
			if (x->end >= 0)
				shown_end = x->end;
			first = 0;
		}
		fputs("</p>\n", out);
	}
	if (in_section)
		fputs("</section>\n", out);
	fputs("</div>\n", out);
	free(fr);
}

static void S_document(FILE *out, const cJSON *report, const cJSON *doc, int dn, const char *lang,
                       const tl_render_options *o)
{
	const cJSON *f, *ctx, *e = tl_rj_obj(doc, "error");
	int counts[TL_ST_COUNT], waived, sugn = 0;
	fprintf(out, "<section class=\"doc\" id=\"doc-%d\" lang=\"%s\">\n<h2>", dn, lang);
	S_h(out, tl_rj_str(doc, "path"));
	fputs("</h2>\n<dl class=\"docmeta\">", out);
	if (tl_rj_str(doc, "title")) {
		fprintf(out, "<dt>%s</dt><dd>", tl_i18n(lang, TL_S_TITLE));
		S_h(out, tl_rj_str(doc, "title"));
		fputs("</dd>", out);
	}
	fprintf(out, "<dt>%s</dt><dd>", tl_i18n(lang, TL_S_FORMAT));
	S_h(out, tl_rj_str(doc, "format"));
	fputs("</dd>", out);
	if (e) {
		fprintf(out, "<dt>%s</dt><dd class=\"error\">%s: <code>", tl_i18n(lang, TL_S_ERROR),
		        tl_i18n(lang, TL_S_UNREADABLE));
		S_h(out, tl_rj_str(e, "code"));
		fputs("</code> ", out);
		S_h(out, tl_rj_str(e, "message"));
		fputs("</dd></dl>\n</section>\n", out);
		return;
	}
	fprintf(out, "<dt>%s</dt><dd>", tl_i18n(lang, TL_S_LANGUAGE));
	S_h(out, tl_rj_str(doc, "language"));
	fprintf(out, "</dd><dt>%s</dt><dd>", tl_i18n(lang, TL_S_CONTEXTS));
	int nctx = 0;
	cJSON_ArrayForEach(ctx, tl_rj_arr(doc, "contexts"))
	{
		const cJSON *ev0 = cJSON_GetArrayItem(tl_rj_arr(ctx, "evidence"), 0);
		fputs(nctx++ ? ", <code>" : "<code>", out);
		S_h(out, tl_rj_str(ctx, "tag"));
		fputs("</code>", out);
		if (tl_rj_true(ctx, "forced"))
			fprintf(out, " (%s)", tl_i18n(lang, TL_S_FORCED));
		else if (tl_rj_str(ev0, "clause")) {
			fputs(" (", out);
			S_fill(out, tl_i18n(lang, TL_S_CLAUSE), tl_rj_str(ev0, "clause"), NULL, NULL);
			fputs(")", out);
		}
	}
	if (!nctx)
		fputs(tl_i18n(lang, TL_S_NONE_FOUND), out);
	fputs("</dd>", out);
	const cJSON *rev = tl_rj_obj(doc, "revisions");
	if (tl_rj_long(rev, "pending", 0) > 0) {
		char num[24];
		snprintf(num, sizeof num, "%ld", tl_rj_long(rev, "pending", 0));
		fprintf(out, "<dt>%s</dt><dd>", tl_i18n(lang, TL_S_TRACKED));
		const cJSON *a;
		tl_buf authors = TL_BUF_INIT(1 << 16), by = TL_BUF_INIT(1 << 16);
		cJSON_ArrayForEach(a, tl_rj_arr(rev, "authors"))
		{
			if (cJSON_IsString(a))
				tl_buf_printf(&authors, "%s%s", authors.len ? ", " : "", a->valuestring);
		}
		if (authors.len)
			tl_buf_fill(&by, tl_i18n(lang, TL_S_REVISIONS_BY), authors.data, NULL, NULL, NULL);
		S_fill(out, tl_i18n(lang, TL_S_REVISIONS), num, tl_rj_str(rev, "view"), by.data);
		tl_buf_free(&authors);
		tl_buf_free(&by);
		fputs("</dd>", out);
	}
	const cJSON *ph;
	int nph = 0;
	cJSON_ArrayForEach(ph, tl_rj_arr(doc, "placeholders"))
	{
		fprintf(out, nph++ ? ", " : "<dt>%s</dt><dd>", tl_i18n(lang, TL_S_PLACEHOLDERS));
		fputs("<q>", out);
		S_h(out, tl_rj_str(ph, "text"));
		fputs("</q>", out);
		if (tl_rj_str(ph, "clause")) {
			fputs(" (", out);
			S_h(out, tl_rj_str(ph, "clause"));
			fputs(")", out);
		}
	}
	if (nph)
		fputs("</dd>", out);
	fputs("</dl>\n<div class=\"chips\">", out);
	tl_doc_counts(doc, counts, &waived);
	for (int s = 0; s < TL_ST_COUNT; s++)
		fprintf(out, "<span class=\"chip c-%s\">%s %d %s</span>", tl_status_key((tl_status)s), S_marks[s],
		        counts[s], tl_i18n_status(lang, (tl_status)s));
	if (waived)
		fprintf(out, "<span class=\"chip\">%d %s</span>", waived, tl_i18n(lang, TL_S_WAIVED));
	fputs("</div>\n", out);
	S_scorecard(out, doc, lang);
	fprintf(out, "<h3>%s</h3>\n", tl_i18n(lang, TL_S_FINDINGS));
	tl_html_tv *tv = NULL;
	size_t evk = 0;
	if (tl_html_tv_new(&tv, doc) != 0)
		tv = NULL; /* out of memory: the quote-only view needs none */
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
		S_finding(out, f, tl_finding_title(report, f, o), dn, &sugn, lang, tv, &evk);
	fprintf(out, "<p class=\"nomatch\" hidden>%s</p>\n", tl_i18n(lang, TL_S_NO_MATCH));
	if (tv)
		tl_html_tv_write(out, tv, dn, lang);
	else
		S_textview(out, doc, dn, lang);
	tl_html_tv_free(tv);
	fputs("</section>\n", out);
}

int tl_render_html(const cJSON *report, const tl_render_options *o, FILE *out, tl_error *err)
{
	const char *lang = tl_render_report_lang(report, o);
	const cJSON *d, *docs = tl_rj_arr(report, "documents");
	const cJSON *tool = tl_rj_obj(report, "tool"), *rs = tl_rj_obj(report, "ruleset");
	int ndocs = cJSON_GetArraySize(docs), dn = 0;
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	             "style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
	             "<title>%s",
	        lang, tl_i18n(lang, TL_S_REPORT_TITLE));
	if (ndocs == 1) {
		fputs(": ", out);
		S_h(out, tl_rj_str(cJSON_GetArrayItem(docs, 0), "path"));
	}
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header class=\"top\"><h1>%s</h1>\n<p class=\"meta\">",
	        tl_html_css, tl_i18n(lang, TL_S_REPORT_TITLE));
	fprintf(out, "%s ", tl_i18n(lang, TL_S_RULESET));
	S_h(out, tl_rj_str(rs, "id"));
	fputc(' ', out);
	S_h(out, tl_rj_str(rs, "version"));
	fputs(" \xc2\xb7 ", out);
	S_h(out, tl_rj_str(tool, "name"));
	fputc(' ', out);
	S_h(out, tl_rj_str(tool, "version"));
	char num[24];
	snprintf(num, sizeof num, "%d", ndocs);
	fputs(" \xc2\xb7 ", out);
	S_fill(out, tl_i18n(lang, ndocs == 1 ? TL_S_ONE_DOCUMENT : TL_S_N_DOCUMENTS), num, NULL, NULL);
	fputs("</p></header>\n", out);
	S_filters(out, report, lang);
	fputs("<main>\n", out);
	if (ndocs == 0)
		fprintf(out, "<p>%s</p>\n", tl_i18n(lang, TL_S_NO_DOCUMENTS));
	if (ndocs > 1)
		S_overview(out, report, lang);
	cJSON_ArrayForEach(d, docs) S_document(out, report, d, dn++, tl_render_doc_lang(d, o), o);
	fprintf(out, "</main>\n<script>\n%s</script>\n</body>\n</html>\n", tl_html_js);
	return tl_render_check_stream(out, err);
}
