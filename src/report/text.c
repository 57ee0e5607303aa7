/* text.c: the terminal report.  Per document, findings grouped by area with a
 * status mark; each gap with its clause, the quoted text, why, and the
 * suggested clause; a summary line.  ANSI colour only with TL_RENDER_F_COLOR
 * (the CLI sets it on a TTY unless NO_COLOR is set). */
#include <string.h>

#include "report/i18n.h"
#include "report/render.h"

#define S_WIDTH 78

typedef struct {
	FILE *out;
	int color;
	const char *lang;
	const cJSON *report;
	const tl_render_options *opts;
} S_ctx;

static const char *const S_marks[TL_ST_COUNT + 1] = {
	"\xe2\x9c\x93", /* ✓ met */
	"\xe2\x97\x90", /* ◐ partial */
	"\xe2\x9c\x97", /* ✗ violated */
	"\xe2\x97\x8b", /* ○ missing */
	"\xe2\x80\x93", /* – not applicable */
	"?",
};
static const char *const S_colors[TL_ST_COUNT + 1] = {"32", "33", "1;31", "31", "2", "0"};
#define S_WAIVED_MARK "\xe2\x89\x88" /* ≈ */

static void S_on(S_ctx *c, const char *code)
{
	if (c->color)
		fprintf(c->out, "\x1b[%sm", code);
}

static void S_off(S_ctx *c)
{
	if (c->color)
		fputs("\x1b[0m", c->out);
}

static size_t S_cols(const char *s, size_t n)
{
	size_t cols = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			cols++;
	return cols;
}

/* Word-wraps `text` at S_WIDTH columns, every line indented by `indent`
 * spaces; control characters other than '\n' print as spaces. */
static void S_wrap(S_ctx *c, const char *text, int indent)
{
	size_t col = 0;
	const char *p = text;
	while (*p) {
		if (*p == '\n') {
			fputc('\n', c->out);
			col = 0;
			p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		size_t n = 0;
		while (p[n] && p[n] != ' ' && p[n] != '\n')
			n++;
		size_t w = S_cols(p, n);
		if (col == 0) {
			fprintf(c->out, "%*s", indent, "");
			col = (size_t)indent;
		} else if (col + 1 + w > S_WIDTH) {
			fprintf(c->out, "\n%*s", indent, "");
			col = (size_t)indent;
		} else {
			fputc(' ', c->out);
			col++;
		}
		for (size_t i = 0; i < n; i++)
			fputc((unsigned char)p[i] < 0x20 ? ' ' : p[i], c->out);
		col += w;
		p += n;
	}
	if (col)
		fputc('\n', c->out);
}

/* "clause 9.3, paragraph 121" into b */
static void S_where(tl_buf *b, const cJSON *ev, const char *lang)
{
	tl_render_where(b, tl_rj_str(ev, "clause"), tl_rj_long(ev, "para", -1), lang);
}

static void S_evidence(S_ctx *c, const cJSON *f)
{
	const cJSON *ev;
	cJSON_ArrayForEach(ev, tl_rj_arr(f, "evidence"))
	{
		tl_buf b = TL_BUF_INIT(1 << 20);
		S_where(&b, ev, c->lang);
		const char *quote = tl_rj_str(ev, "quote");
		const cJSON *def = tl_rj_obj(ev, "definition");
		tl_buf_printf(&b, ": \xe2\x80\x9c%s\xe2\x80\x9d", quote ? quote : "");
		if (def) {
			const char *dc = tl_rj_str(def, "clause");
			tl_buf cl = TL_BUF_INIT(4096);
			if (dc)
				tl_buf_fill(&cl, tl_i18n(c->lang, TL_S_CLAUSE), dc, NULL, NULL, NULL);
			tl_buf_puts(&b, " (");
			tl_buf_fill(&b, tl_i18n(c->lang, TL_S_DEFINITION), tl_rj_str(def, "term"),
			            cl.data ? cl.data : "-", NULL, NULL);
			tl_buf_puts(&b, ")");
			tl_buf_free(&cl);
		}
		if (b.data)
			S_wrap(c, b.data, 6);
		tl_buf_free(&b);
	}
}

/* Evidence quoted from an incorporated annex (basis annex). */
static void S_annex_evidence(S_ctx *c, const cJSON *f)
{
	const cJSON *annex = tl_rj_obj(f, "annex"), *ev;
	cJSON_ArrayForEach(ev, tl_rj_arr(annex, "evidence"))
	{
		tl_buf b = TL_BUF_INIT(1 << 20);
		tl_render_annex_where(&b, annex, ev, c->lang);
		const char *quote = tl_rj_str(ev, "quote");
		tl_buf_printf(&b, ": \xe2\x80\x9c%s\xe2\x80\x9d", quote ? quote : "");
		if (b.data)
			S_wrap(c, b.data, 6);
		tl_buf_free(&b);
	}
}

static int S_status_width(const char *lang)
{
	size_t w = 0;
	for (int s = 0; s < TL_ST_COUNT; s++) {
		const char *n = tl_i18n_status(lang, (tl_status)s);
		if (S_cols(n, strlen(n)) > w)
			w = S_cols(n, strlen(n));
	}
	return (int)w;
}

static void S_finding(S_ctx *c, const cJSON *f, int idw)
{
	tl_status st = tl_finding_status(f);
	int waived = tl_finding_waived(f);
	const char *rule = tl_rj_str(f, "rule");
	const char *title = tl_finding_title(c->report, f, c->opts);
	const char *reason = tl_rj_str(f, "reason");
	tl_severity sev = tl_severity_parse(tl_rj_str(f, "severity"));
	const char *stname = tl_i18n_status(c->lang, st);

	fputs("  ", c->out);
	S_on(c, waived ? "2" : S_colors[st]);
	fprintf(c->out, "%s %-*s %-*s", waived ? S_WAIVED_MARK : S_marks[st], idw, rule ? rule : "?",
	        S_status_width(c->lang), stname);
	S_off(c);
	if (tl_status_is_gap(st))
		fprintf(c->out, " %-8s", tl_i18n_severity(c->lang, sev));
	fprintf(c->out, " %s", title ? title : "");
	if (st == TL_ST_MET) {
		const cJSON *ev = tl_finding_main_evidence(f);
		const cJSON *ref = tl_rj_obj(f, "reference"), *annex = tl_rj_obj(f, "annex");
		if (ref || annex) {
			tl_buf b = TL_BUF_INIT(4096);
			if (ref)
				tl_render_reference(&b, ref, c->lang);
			else
				tl_render_annex(&b, annex, c->lang);
			fprintf(c->out, " (%s)", b.data ? b.data : "");
			tl_buf_free(&b);
		} else if (ev && tl_rj_str(ev, "clause")) {
			tl_buf b = TL_BUF_INIT(4096);
			tl_buf_fill(&b, tl_i18n(c->lang, TL_S_CLAUSE), tl_rj_str(ev, "clause"), NULL, NULL,
			            NULL);
			fprintf(c->out, " (%s)", b.data ? b.data : "");
			tl_buf_free(&b);
		}
	}
	fputc('\n', c->out);
	if (waived) {
		const cJSON *w = tl_rj_obj(f, "waiver");
		tl_buf b = TL_BUF_INIT(1 << 16);
		tl_buf_fill(&b, tl_i18n(c->lang, TL_S_WAIVER), tl_rj_str(w, "reason"), tl_rj_str(w, "by"),
		            tl_rj_str(w, "until"), NULL);
		if (b.data)
			S_wrap(c, b.data, 6);
		tl_buf_free(&b);
	}
	if (st == TL_ST_NA && reason) {
		S_on(c, "2");
		S_wrap(c, reason, 6);
		S_off(c);
		return;
	}
	if (!tl_status_is_gap(st) || waived)
		return;
	S_evidence(c, f);
	S_annex_evidence(c, f);
	if (reason) {
		tl_buf b = TL_BUF_INIT(1 << 20);
		tl_buf_printf(&b, "%s: %s", tl_i18n(c->lang, TL_S_WHY), reason);
		if (b.data)
			S_wrap(c, b.data, 6);
		tl_buf_free(&b);
	}
	const cJSON *sug = tl_rj_obj(f, "suggestion");
	const char *text = tl_rj_str(sug, "text");
	if (text) {
		const char *hint = tl_rj_str(tl_rj_obj(sug, "insert"), "hint");
		fprintf(c->out, "      ");
		S_on(c, "1");
		fprintf(c->out, "%s", tl_i18n(c->lang, TL_S_SUGGESTED));
		S_off(c);
		if (hint) {
			tl_buf b = TL_BUF_INIT(1 << 16);
			tl_buf_printf(&b, " (%s):", hint);
			fputs(b.data ? b.data : "", c->out);
			tl_buf_free(&b);
			fputc('\n', c->out);
		} else {
			fputs(":\n", c->out);
		}
		S_wrap(c, text, 8);
	}
}

static void S_summary(S_ctx *c, const int counts[TL_ST_COUNT], int waived)
{
	for (int s = 0; s < TL_ST_COUNT; s++) {
		if (s)
			fputs(" \xc2\xb7 ", c->out);
		if (counts[s] && s != TL_ST_NA)
			S_on(c, S_colors[s]);
		fprintf(c->out, "%d %s", counts[s], tl_i18n_status(c->lang, (tl_status)s));
		if (counts[s] && s != TL_ST_NA)
			S_off(c);
	}
	if (waived)
		fprintf(c->out, " \xc2\xb7 %d %s", waived, tl_i18n(c->lang, TL_S_WAIVED));
	fputc('\n', c->out);
}

static void S_doc_head(S_ctx *c, const cJSON *doc)
{
	const char *title = tl_rj_str(doc, "title");
	const cJSON *ctx, *ph;
	S_on(c, "1");
	fprintf(c->out, "%s", tl_rj_str(doc, "path") ? tl_rj_str(doc, "path") : "?");
	S_off(c);
	const char *fmt = tl_rj_str(doc, "format"), *lang = tl_rj_str(doc, "language");
	if (fmt || lang)
		fprintf(c->out, "  (%s%s%s)", fmt ? fmt : "", fmt && lang ? ", " : "", lang ? lang : "");
	fputc('\n', c->out);
	if (title)
		fprintf(c->out, "  %s: %s\n", tl_i18n(c->lang, TL_S_TITLE), title);
	if (tl_rj_obj(doc, "error"))
		return;
	tl_buf b = TL_BUF_INIT(1 << 16);
	cJSON_ArrayForEach(ctx, tl_rj_arr(doc, "contexts"))
	{
		const char *tag = tl_rj_str(ctx, "tag");
		const cJSON *ev = cJSON_GetArrayItem(tl_rj_arr(ctx, "evidence"), 0);
		tl_buf_printf(&b, "%s%s", b.len ? ", " : "", tag ? tag : "?");
		if (tl_rj_true(ctx, "forced"))
			tl_buf_printf(&b, " (%s)", tl_i18n(c->lang, TL_S_FORCED));
		else if (tl_rj_str(ev, "clause"))
			tl_buf_printf(&b, " (%s)", tl_rj_str(ev, "clause"));
	}
	fprintf(c->out, "  %s: %s\n", tl_i18n(c->lang, TL_S_CONTEXTS),
	        b.len ? b.data : tl_i18n(c->lang, TL_S_NONE_FOUND));
	tl_buf_reset(&b);
	const cJSON *rev = tl_rj_obj(doc, "revisions");
	long pending = tl_rj_long(rev, "pending", 0);
	if (pending > 0) {
		char num[24];
		const cJSON *a;
		snprintf(num, sizeof num, "%ld", pending);
		tl_buf authors = TL_BUF_INIT(1 << 16), by = TL_BUF_INIT(1 << 16);
		cJSON_ArrayForEach(a, tl_rj_arr(rev, "authors"))
		{
			if (cJSON_IsString(a))
				tl_buf_printf(&authors, "%s%s", authors.len ? ", " : "", a->valuestring);
		}
		if (authors.len)
			tl_buf_fill(&by, tl_i18n(c->lang, TL_S_REVISIONS_BY), authors.data, NULL, NULL, NULL);
		tl_buf_fill(&b, tl_i18n(c->lang, TL_S_REVISIONS), num, tl_rj_str(rev, "view"), by.data, NULL);
		tl_buf_free(&authors);
		tl_buf_free(&by);
		S_wrap(c, b.data ? b.data : "", 2);
		tl_buf_reset(&b);
	}
	cJSON_ArrayForEach(ph, tl_rj_arr(doc, "placeholders"))
	{
		const char *pc = tl_rj_str(ph, "clause");
		tl_buf_printf(&b, "%s\xe2\x80\x9c%s\xe2\x80\x9d", b.len ? ", " : "",
		              tl_rj_str(ph, "text") ? tl_rj_str(ph, "text") : "");
		if (pc) {
			tl_buf_puts(&b, " (");
			tl_buf_fill(&b, tl_i18n(c->lang, TL_S_CLAUSE), pc, NULL, NULL, NULL);
			tl_buf_puts(&b, ")");
		}
	}
	if (b.len) {
		tl_buf line = TL_BUF_INIT(1 << 20);
		tl_buf_printf(&line, "%s: %s", tl_i18n(c->lang, TL_S_PLACEHOLDERS), b.data);
		if (line.data)
			S_wrap(c, line.data, 2);
		tl_buf_free(&line);
	}
	tl_buf_free(&b);
}

static void S_document(S_ctx *c, const cJSON *doc, int totals[TL_ST_COUNT], int *twaived)
{
	const cJSON *f, *error = tl_rj_obj(doc, "error");
	S_doc_head(c, doc);
	if (error) {
		S_on(c, "1;31");
		fprintf(c->out, "  %s: %s: %s\n\n", tl_i18n(c->lang, TL_S_UNREADABLE),
		        tl_rj_str(error, "code") ? tl_rj_str(error, "code") : "?",
		        tl_rj_str(error, "message") ? tl_rj_str(error, "message") : "");
		S_off(c);
		return;
	}
	/* areas in the order they first appear (ruleset order) */
	const char *areas[64];
	int nareas = 0, idw = 4;
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
	{
		const char *a = tl_rj_str(f, "area"), *r = tl_rj_str(f, "rule");
		int seen = 0;
		if (r && (int)strlen(r) > idw)
			idw = (int)strlen(r) > 40 ? 40 : (int)strlen(r);
		for (int i = 0; i < nareas; i++)
			seen |= !strcmp(areas[i], a ? a : "");
		if (!seen && nareas < 64)
			areas[nareas++] = a ? a : "";
	}
	for (int i = 0; i < nareas; i++) {
		const char *name = tl_i18n_area(c->lang, areas[i]);
		fputc('\n', c->out);
		S_on(c, "1");
		fprintf(c->out, "%s%s%s", areas[i], name ? "  " : "", name ? name : "");
		S_off(c);
		fputc('\n', c->out);
		cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
		{
			const char *a = tl_rj_str(f, "area");
			int in_area = !strcmp(a ? a : "", areas[i]);
			/* areas past the 64th land in the last group rather than vanish */
			if (!in_area && i == nareas - 1 && nareas == 64) {
				in_area = 1;
				for (int j = 0; j < nareas - 1; j++)
					in_area &= strcmp(a ? a : "", areas[j]) != 0;
			}
			if (in_area)
				S_finding(c, f, idw);
		}
	}
	int counts[TL_ST_COUNT], waived;
	tl_doc_counts(doc, counts, &waived);
	for (int s = 0; s < TL_ST_COUNT; s++)
		totals[s] += counts[s];
	*twaived += waived;
	fprintf(c->out, "\n%s: ", tl_i18n(c->lang, TL_S_SUMMARY));
	S_summary(c, counts, waived);
	fputc('\n', c->out);
}

int tl_render_text(const cJSON *report, const tl_render_options *o, FILE *out, tl_error *err)
{
	S_ctx c = {out, (o->flags & TL_RENDER_F_COLOR) != 0, "en", report, o};
	const cJSON *doc, *docs = tl_rj_arr(report, "documents");
	const cJSON *rs = tl_rj_obj(report, "ruleset");
	int totals[TL_ST_COUNT] = {0}, twaived = 0, ndocs = cJSON_GetArraySize(docs);
	c.lang = tl_render_report_lang(report, o);
	fprintf(out, "%s \xc2\xb7 %s %s %s\n\n", tl_i18n(c.lang, TL_S_REPORT_TITLE),
	        tl_i18n(c.lang, TL_S_RULESET), tl_rj_str(rs, "id") ? tl_rj_str(rs, "id") : "?",
	        tl_rj_str(rs, "version") ? tl_rj_str(rs, "version") : "");
	if (ndocs == 0)
		fprintf(out, "%s\n", tl_i18n(c.lang, TL_S_NO_DOCUMENTS));
	cJSON_ArrayForEach(doc, docs)
	{
		c.lang = tl_render_doc_lang(doc, o);
		S_document(&c, doc, totals, &twaived);
	}
	if (ndocs > 1) {
		char num[24];
		tl_buf b = TL_BUF_INIT(4096);
		c.lang = tl_render_report_lang(report, o);
		snprintf(num, sizeof num, "%d", ndocs);
		tl_buf_fill(&b, tl_i18n(c.lang, TL_S_TOTAL), num, NULL, NULL, NULL);
		fprintf(out, "%s: ", b.data ? b.data : "");
		tl_buf_free(&b);
		S_summary(&c, totals, twaived);
	}
	return tl_render_check_stream(out, err);
}
