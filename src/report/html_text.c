/* html_text.c: the text view of a whole contract in the HTML report, from
 * the report's "paragraphs" (TL_CHECK_F_TEXT).
 *
 * Every evidence item becomes a highlight at its byte offsets in its
 * paragraph's text; items citing the same span share one highlight, which
 * lists every finding that cites it.  Highlights may overlap (two rules
 * quoting different sentences of one paragraph are separate; a unit inside a
 * sentence overlaps it), so a paragraph is cut at every highlight border and
 * each piece is one <mark> carrying the numbers of all highlights over it
 * (data-h), coloured by the worst status among them.  A report is untrusted
 * input: offsets that do not fit the text, or that do not give the quote,
 * fall back to finding the quote in the text, then to no highlight (the
 * evidence then links to its paragraph); offsets are moved out of the middle
 * of a UTF-8 sequence, and invalid bytes are written as U+FFFD. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/html_text.h"
#include "report/i18n.h"
#include "report/render.h"
#include "util/utf8.h"

/* paragraphs from which the view opens with only the evidence shown */
#define S_COMPACT_FROM 400

typedef struct {
	const char *text, *kind, *clause, *label;
	size_t len, pos; /* pos: place in the report's list, so the first of a repeated number wins */
	long para;
	size_t hl0, nhl;   /* its highlights: hls[hl0 .. hl0+nhl) */
	int clause_anchor; /* first paragraph of its clause label */
} S_par;

typedef struct {
	size_t par, start, end; /* par: index into pars; byte offsets */
	int rank;               /* 0 met ... 3 violated: the colour */
	const char *status;
	size_t c0, nc;          /* cites[c0 .. c0+nc) */
} S_hl;

typedef struct {
	long par;          /* index into pars, -1 when its paragraph is not in the report */
	size_t start, end; /* end > start when it has a highlight */
	long hl;           /* after grouping: index into hls, or -1 */
	const char *rule, *status;
} S_ev;

struct tl_html_tv {
	S_par *pars;
	size_t npars;
	S_hl *hls;
	size_t nhls;
	S_ev *evs;
	size_t nevs;
	const char **cites; /* rule ids */
	size_t ncites;
};

/* ---- writing */

/* Text bytes [0, n) as HTML character data: escaped, invalid UTF-8 as
 * U+FFFD, control characters dropped. */
static void S_text(FILE *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = tl_utf8_decode(s + i, n - i, &cp);
		if (cp == '&')
			fputs("&amp;", out);
		else if (cp == '<')
			fputs("&lt;", out);
		else if (cp == '>')
			fputs("&gt;", out);
		else if (cp == '"')
			fputs("&quot;", out);
		else if (cp == '\'')
			fputs("&#39;", out);
		else if (cp == 0xFFFD && k == 1)
			fputs("\xef\xbf\xbd", out);
		else if (cp >= 0x20 && (cp < 0x7F || cp > 0x9F))
			fwrite(s + i, 1, k, out);
		else if (cp == '\t' || cp == '\n')
			fputc(' ', out);
		i += k;
	}
}

static void S_str(FILE *out, const char *s)
{
	if (s)
		S_text(out, s, strlen(s));
}

/* A finding's id fragment, as html.c writes it. */
static void S_rule_id(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		char ch = *s;
		int keep = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		           ch == '-' || ch == '_';
		fputc(keep ? ch : '_', out);
	}
}

/* A clause label as an id fragment: letters, digits, '-' and '.' kept,
 * every other byte as _XX, so two labels never share an id. */
static size_t S_label_id(char *buf, size_t size, const char *s)
{
	size_t o = 0;
	for (; s && *s && o + 4 < size; s++) {
		unsigned char ch = (unsigned char)*s;
		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
		    ch == '.')
			buf[o++] = (char)ch;
		else
			o += (size_t)snprintf(buf + o, size - o, "_%02X", ch);
	}
	if (size)
		buf[o < size ? o : size - 1] = 0;
	return o;
}

/* ---- building */

static int S_rank(const char *status)
{
	if (!status)
		return 0;
	if (!strcmp(status, "violated"))
		return 3;
	if (!strcmp(status, "partial"))
		return 2;
	if (!strcmp(status, "missing"))
		return 1;
	return 0;
}

static int S_par_cmp(const void *a, const void *b)
{
	const S_par *x = a, *y = b;
	if (x->para != y->para)
		return x->para < y->para ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static long S_find_par(const tl_html_tv *tv, long para)
{
	size_t lo = 0, hi = tv->npars;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tv->pars[mid].para < para)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < tv->npars && tv->pars[lo].para == para ? (long)lo : -1;
}

/* Where the evidence's quote is in its paragraph: its own offsets when they
 * give the quote, else the quote's first occurrence; 0 when neither. */
static int S_span(const S_par *p, const cJSON *ev, size_t *start, size_t *end)
{
	const char *q = tl_rj_str(ev, "quote");
	long s = tl_rj_long(ev, "start", -1), e = tl_rj_long(ev, "end", -1);
	size_t qlen = q ? strlen(q) : 0;
	if (s >= 0 && e > s && (size_t)e <= p->len &&
	    (!q || ((size_t)(e - s) == qlen && !memcmp(p->text + s, q, qlen)))) {
		*start = (size_t)s;
		*end = (size_t)e;
	} else if (qlen) {
		const char *hit = strstr(p->text, q);
		if (!hit)
			return 0;
		*start = (size_t)(hit - p->text);
		*end = *start + qlen;
	} else {
		return 0;
	}
	/* never cut a UTF-8 sequence */
	while (*start > 0 && ((unsigned char)p->text[*start] & 0xC0) == 0x80)
		(*start)--;
	while (*end < p->len && ((unsigned char)p->text[*end] & 0xC0) == 0x80)
		(*end)++;
	return *end > *start;
}

static int S_ev_cmp(const void *a, const void *b)
{
	const S_ev *x = *(const S_ev *const *)a, *y = *(const S_ev *const *)b;
	if (x->par != y->par)
		return x->par < y->par ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return x < y ? -1 : x > y; /* report order among items citing one span */
}

static int S_collect_pars(tl_html_tv *tv, const cJSON *arr)
{
	const cJSON *p;
	size_t n = (size_t)cJSON_GetArraySize(arr);
	tv->pars = n ? calloc(n, sizeof *tv->pars) : NULL;
	if (n && !tv->pars)
		return TL_ENOMEM;
	cJSON_ArrayForEach(p, arr)
	{
		const char *text = tl_rj_str(p, "text");
		long para = tl_rj_long(p, "para", -1);
		if (!text || para < 0 || tv->npars == n)
			continue;
		S_par *x = &tv->pars[tv->npars];
		x->pos = tv->npars++;
		x->text = text;
		x->len = strlen(text);
		x->para = para;
		x->kind = tl_rj_str(p, "kind");
		x->clause = tl_rj_str(p, "clause");
		x->label = tl_rj_str(p, "label");
	}
	if (tv->npars)
		qsort(tv->pars, tv->npars, sizeof *tv->pars, S_par_cmp);
	/* a repeated paragraph number would make two elements with one id */
	size_t o = 0;
	for (size_t i = 0; i < tv->npars; i++)
		if (!o || tv->pars[o - 1].para != tv->pars[i].para)
			tv->pars[o++] = tv->pars[i];
	tv->npars = o;
	for (size_t i = 0; i < tv->npars; i++) {
		const char *cl = tv->pars[i].clause;
		int seen = 0;
		for (size_t k = 0; k < i && cl && !seen; k++)
			seen = tv->pars[k].clause_anchor && !strcmp(tv->pars[k].clause, cl);
		tv->pars[i].clause_anchor = cl && *cl && !seen;
	}
	return 0;
}

static int S_collect_evs(tl_html_tv *tv, const cJSON *doc)
{
	const cJSON *f, *ev;
	size_t n = 0;
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings")) n += (size_t)cJSON_GetArraySize(tl_rj_arr(f, "evidence"));
	tv->evs = n ? calloc(n, sizeof *tv->evs) : NULL;
	if (n && !tv->evs)
		return TL_ENOMEM;
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
	{
		const char *rule = tl_rj_str(f, "rule");
		cJSON_ArrayForEach(ev, tl_rj_arr(f, "evidence"))
		{
			if (tv->nevs == n)
				break;
			S_ev *x = &tv->evs[tv->nevs++];
			const char *st = tl_rj_str(ev, "status");
			x->rule = rule;
			x->status = st ? st : tl_rj_str(f, "status");
			x->hl = -1;
			x->par = cJSON_IsObject(ev) ? S_find_par(tv, tl_rj_long(ev, "para", -1)) : -1;
			if (x->par >= 0 && rule && !S_span(&tv->pars[x->par], ev, &x->start, &x->end))
				x->start = x->end = 0;
		}
	}
	return 0;
}

/* One highlight per distinct span, in text order, with its citing rules. */
static int S_group(tl_html_tv *tv)
{
	S_ev **order = tv->nevs ? malloc(tv->nevs * sizeof *order) : NULL;
	size_t n = 0;
	if (tv->nevs && !order)
		return TL_ENOMEM;
	for (size_t i = 0; i < tv->nevs; i++)
		if (tv->evs[i].par >= 0 && tv->evs[i].end > tv->evs[i].start)
			order[n++] = &tv->evs[i];
	if (n)
		qsort(order, n, sizeof *order, S_ev_cmp);
	tv->hls = n ? calloc(n, sizeof *tv->hls) : NULL;
	tv->cites = n ? calloc(n, sizeof *tv->cites) : NULL;
	if (n && (!tv->hls || !tv->cites)) {
		free(order);
		return TL_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		S_ev *x = order[i];
		S_hl *h = tv->nhls ? &tv->hls[tv->nhls - 1] : NULL;
		if (!h || h->par != (size_t)x->par || h->start != x->start || h->end != x->end) {
			h = &tv->hls[tv->nhls++];
			*h = (S_hl){(size_t)x->par, x->start, x->end, -1, NULL, tv->ncites, 0};
			S_par *p = &tv->pars[x->par];
			if (!p->nhl)
				p->hl0 = tv->nhls - 1;
			p->nhl++;
		}
		x->hl = (long)(h - tv->hls);
		if (S_rank(x->status) > h->rank) {
			h->rank = S_rank(x->status);
			h->status = x->status;
		}
		int dup = 0;
		for (size_t k = h->c0; k < h->c0 + h->nc && !dup; k++)
			dup = !strcmp(tv->cites[k], x->rule);
		if (!dup) {
			tv->cites[tv->ncites++] = x->rule;
			h->nc++;
		}
	}
	free(order);
	return 0;
}

void tl_html_tv_free(tl_html_tv *tv)
{
	if (!tv)
		return;
	free(tv->pars);
	free(tv->hls);
	free(tv->evs);
	free(tv->cites);
	free(tv);
}

int tl_html_tv_new(tl_html_tv **out, const cJSON *doc)
{
	const cJSON *arr = tl_rj_arr(doc, "paragraphs");
	*out = NULL;
	if (!arr)
		return 0;
	tl_html_tv *tv = calloc(1, sizeof *tv);
	if (!tv)
		return TL_ENOMEM;
	if (S_collect_pars(tv, arr) || S_collect_evs(tv, doc) || S_group(tv)) {
		tl_html_tv_free(tv);
		return TL_ENOMEM;
	}
	*out = tv;
	return 0;
}

int tl_html_tv_target(const tl_html_tv *tv, size_t ev, int dn, char *buf, size_t size)
{
	if (!tv || ev >= tv->nevs || tv->evs[ev].par < 0)
		return 0;
	if (tv->evs[ev].hl >= 0)
		snprintf(buf, size, "d%d-h%ld", dn, tv->evs[ev].hl);
	else
		snprintf(buf, size, "d%d-p%ld", dn, tv->pars[tv->evs[ev].par].para);
	return 1;
}

int tl_html_tv_clause(const tl_html_tv *tv, const char *label, int dn, char *buf, size_t size)
{
	if (!tv || !label)
		return 0;
	for (size_t i = 0; i < tv->npars; i++)
		if (tv->pars[i].clause_anchor && !strcmp(tv->pars[i].clause, label)) {
			int n = snprintf(buf, size, "d%d-c", dn);
			if (n > 0 && (size_t)n < size)
				S_label_id(buf + n, size - (size_t)n, label);
			return 1;
		}
	return 0;
}

/* ---- one paragraph */

static int S_covers(const S_hl *h, size_t a, size_t b)
{
	return h->start <= a && h->end >= b;
}

static void S_cites(FILE *out, const tl_html_tv *tv, const S_par *p, size_t at, int dn)
{
	int open = 0;
	for (size_t i = p->hl0; i < p->hl0 + p->nhl; i++) {
		const S_hl *h = &tv->hls[i];
		if (h->end != at)
			continue;
		for (size_t k = h->c0; k < h->c0 + h->nc; k++) {
			fputs(open++ ? " " : "<sup class=\"cites\">", out);
			fprintf(out, "<a href=\"#d%d-", dn);
			S_rule_id(out, tv->cites[k]);
			fprintf(out, "\" data-hl=\"%zu\">", i);
			S_str(out, tv->cites[k]);
			fputs("</a>", out);
		}
	}
	if (open)
		fputs("</sup>", out);
}

static void S_pieces(FILE *out, const tl_html_tv *tv, const S_par *p, int dn)
{
	size_t pos = 0;
	while (pos < p->len) {
		/* the next border after pos */
		size_t next = p->len;
		for (size_t i = p->hl0; i < p->hl0 + p->nhl; i++) {
			const S_hl *h = &tv->hls[i];
			if (h->start > pos && h->start < next)
				next = h->start;
			if (h->end > pos && h->end < next)
				next = h->end;
		}
		int rank = -1, id_done = 0;
		const char *status = NULL;
		for (size_t i = p->hl0; i < p->hl0 + p->nhl; i++) {
			const S_hl *h = &tv->hls[i];
			if (S_covers(h, pos, next) && h->rank > rank) {
				rank = h->rank;
				status = h->status;
			}
		}
		if (rank < 0) {
			S_text(out, p->text + pos, next - pos);
		} else {
			/* highlights that start here but cannot take the mark's id */
			for (size_t i = p->hl0; i < p->hl0 + p->nhl; i++)
				if (tv->hls[i].start == pos && id_done++)
					fprintf(out, "<span class=\"hl-anchor\" id=\"d%d-h%zu\"></span>", dn, i);
			fprintf(out, "<mark class=\"ev ev-%s\"", status ? status : "met");
			for (size_t i = p->hl0; i < p->hl0 + p->nhl; i++)
				if (tv->hls[i].start == pos) {
					fprintf(out, " id=\"d%d-h%zu\"", dn, i);
					break;
				}
			fputs(" data-h=\"", out);
			int first = 1;
			for (size_t i = p->hl0; i < p->hl0 + p->nhl; i++)
				if (S_covers(&tv->hls[i], pos, next)) {
					fprintf(out, first ? "%zu" : " %zu", i);
					first = 0;
				}
			fputs("\">", out);
			S_text(out, p->text + pos, next - pos);
			fputs("</mark>", out);
		}
		S_cites(out, tv, p, next, dn);
		pos = next;
	}
}

static const char *S_kind_name(const char *lang, const char *kind)
{
	static const struct {
		const char *kind;
		tl_str_id id;
	} names[] = {{"header", TL_S_KIND_HEADER},     {"footer", TL_S_KIND_FOOTER},
	             {"footnote", TL_S_KIND_FOOTNOTE}, {"endnote", TL_S_KIND_ENDNOTE},
	             {"textbox", TL_S_KIND_TEXTBOX}};
	for (size_t i = 0; kind && i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(kind, names[i].kind))
			return tl_i18n(lang, names[i].id);
	return NULL;
}

/* ctx: a heading over a paragraph with evidence, kept by the "only
 * paragraphs with evidence" switch to show where the evidence is */
static void S_paragraph(FILE *out, const tl_html_tv *tv, const S_par *p, int dn, const char *lang, int ctx)
{
	char kind[32], cid[256];
	size_t k = 0;
	for (const char *s = p->kind ? p->kind : "body"; *s && k + 1 < sizeof kind; s++)
		kind[k++] = (*s >= 'a' && *s <= 'z') ? *s : '_';
	kind[k] = 0;
	fprintf(out, "<p class=\"para k-%s%s%s\" id=\"d%d-p%ld\">", kind, p->nhl ? " hit" : "", ctx ? " ctx" : "", dn,
	        p->para);
	if (p->clause_anchor && tl_html_tv_clause(tv, p->clause, dn, cid, sizeof cid))
		fprintf(out, "<span class=\"hl-anchor\" id=\"%s\"></span>", cid);
	fprintf(out, "<span class=\"pno\">\xc2\xb6%ld</span>", p->para);
	const char *kn = S_kind_name(lang, p->kind);
	if (kn)
		fprintf(out, "<span class=\"kind\">%s</span>", kn);
	/* a label the reader took from the numbering is not in the text */
	if (p->label && *p->label && strncmp(p->text, p->label, strlen(p->label)) != 0) {
		fputs("<span class=\"lbl\">", out);
		S_str(out, p->label);
		fputs("</span> ", out);
	}
	S_pieces(out, tv, p, dn);
	fputs("</p>\n", out);
}

void tl_html_tv_write(FILE *out, const tl_html_tv *tv, int dn, const char *lang)
{
	char num[24];
	snprintf(num, sizeof num, "%zu", tv->npars);
	tl_buf note = TL_BUF_INIT(4096);
	tl_buf_fill(&note, tl_i18n(lang, TL_S_TEXT_FULL_NOTE), num, NULL, NULL, NULL);
	fprintf(out, "<h3>%s</h3>\n<p class=\"note\">", tl_i18n(lang, TL_S_TEXT_VIEW));
	S_str(out, note.data);
	tl_buf_free(&note);
	/* a long contract opens with the switch on: the evidence and its
	 * headings, not hundreds of pages (the script turns it off for a link
	 * to a hidden paragraph; without the script everything shows) */
	int compact = tv->npars > S_COMPACT_FROM && tv->nhls > 0;
	fprintf(out, " <label class=\"tv-switch\"><input type=\"checkbox\" data-tv=\"d%d-text\"%s> %s</label></p>\n"
	             "<div class=\"textview fulltext%s\" id=\"d%d-text\">\n",
	        dn, compact ? " checked" : "", tl_i18n(lang, TL_S_ONLY_EVIDENCE), compact ? " only-ev" : "", dn);
	int ctx = 0;
	for (size_t i = 0; i < tv->npars; i++) {
		const S_par *p = &tv->pars[i];
		if (p->kind && !strcmp(p->kind, "heading")) {
			ctx = 0;
			for (size_t k = i + 1; k < tv->npars && !ctx; k++) {
				if (tv->pars[k].kind && !strcmp(tv->pars[k].kind, "heading"))
					break;
				ctx = tv->pars[k].nhl > 0;
			}
			S_paragraph(out, tv, p, dn, lang, ctx && !p->nhl);
		} else {
			S_paragraph(out, tv, p, dn, lang, 0);
		}
	}
	fputs("</div>\n", out);
}
