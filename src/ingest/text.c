/* text.c: plain text and Markdown into the document model.
 *
 * Plain text: a paragraph is a block of lines between blank lines, but a line
 * that opens with a clause number ("5.2 ", "Artikel 7 -", "Clause 12.3",
 * "a)", "(b)") or a bullet ("-", "*", "•") starts a new paragraph, because
 * contracts pasted as text rarely keep blank lines between clauses.  Typed
 * clause numbers stay in the text: outline.c recognises them the same way it
 * does in a DOCX.  Bullets become list paragraphs with the marker as label.
 *
 * Markdown (a practical subset of CommonMark): ATX and setext headings,
 * ordered ("1." "1)") and bulleted ("-" "*" "+") list items with the marker
 * as written for a label, pipe tables (cells with table/row/col), fenced code
 * kept as text, block quotes unwrapped, and inline markup stripped
 * (md_inline.c).  A typed clause number also starts a paragraph. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/md_inline.h"
#include "ingest/readers.h"
#include "model/doc.h"
#include "util/buf.h"

#define S_PART "text"
#define S_MAX_LIST_DEPTH 9
/* inline markup is stripped only from paragraphs up to this size, which
 * bounds the bracket and backtick searches below */
#define S_INLINE_MAX ((size_t)1 << 20)

typedef struct {
	tl_document *doc;
	tl_error *err;
	int markdown;
	tl_buf para;          /* the paragraph being collected (raw) */
	int open;             /* a paragraph is being collected */
	tl_para_kind kind;
	int32_t outline, list_level;
	char label[16];
	int32_t part_index;
	int lists[S_MAX_LIST_DEPTH]; /* indents of the open list levels */
	int nlists;
	int32_t table, row;
	int in_table;
	int skip_next;        /* the next line is a table's separator row */
	int literal;          /* the open paragraph is fenced code: no inline stripping */
	tl_buf tmp, tmp2;     /* inline stripping scratch */
} S_ctx;

/* ---- line classification ---- */

static size_t S_indent(const char *s, size_t n, int *width)
{
	size_t i = 0;
	int w = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t')) {
		w = s[i] == '\t' ? (w / 4 + 1) * 4 : w + 1;
		i++;
	}
	*width = w;
	return i;
}

static int S_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static int S_is_sp(char c) { return c == ' ' || c == '\t'; }

static int S_has_close_comment(const char *s, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
			return 1;
	return 0;
}

/* "•" (U+2022), "–" (U+2013), "—" (U+2014) as bullets in pasted text */
static size_t S_unicode_bullet(const char *s, size_t n)
{
	static const char *const b[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7"};
	for (size_t k = 0; k < sizeof b / sizeof b[0]; k++) {
		size_t l = strlen(b[k]);
		if (n > l && memcmp(s, b[k], l) == 0 && S_is_sp(s[l]))
			return l;
	}
	return 0;
}

static int S_roman(const char *s, size_t n)
{
	static const char *const r[] = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
	                                "xi", "xii"};
	for (size_t k = 0; k < sizeof r / sizeof r[0]; k++)
		if (strlen(r[k]) == n) {
			size_t j = 0;
			while (j < n && tolower((unsigned char)s[j]) == r[k][j])
				j++;
			if (j == n)
				return 1;
		}
	return 0;
}

enum { S_START_NONE = 0, S_START_BULLET, S_START_ITEM, S_START_NUMBER };

/* What kind of paragraph start the line (without indentation) is. */
static int S_clause_start(const char *s, size_t n)
{
	static const char *const kw[] = {"artikel", "article", "art.", "clause", "section", "sectie",
	                                 "hoofdstuk", "chapter", "paragraaf", "paragraph", "bijlage",
	                                 "annex", "appendix", "schedule", "lid", "afdeling", "titel",
	                                 "\xC2\xA7"};
	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && S_is_sp(s[1]))
		return S_START_BULLET;
	if (S_unicode_bullet(s, n))
		return S_START_BULLET;
	for (size_t k = 0; k < sizeof kw / sizeof kw[0]; k++) {
		size_t l = strlen(kw[k]), j = 0;
		while (j < l && j < n && tolower((unsigned char)s[j]) == (unsigned char)kw[k][j])
			j++;
		if (j < l)
			continue;
		while (j < n && S_is_sp(s[j]))
			j++;
		if (j == l && kw[k][0] != '\xC2')
			continue; /* "Artikelen" or "Article" without a space */
		if (j < n && (isdigit((unsigned char)s[j]) ||
		              ((s[j] == 'I' || s[j] == 'V' || s[j] == 'X') && j + 1 < n &&
		               (S_is_sp(s[j + 1]) || s[j + 1] == '.' || s[j + 1] == 'I' ||
		                s[j + 1] == 'V' || s[j + 1] == 'X'))))
			return S_START_NUMBER;
	}
	/* (a) (1) (iv) */
	if (n >= 4 && s[0] == '(') {
		size_t j = 1;
		while (j < n && j <= 5 && isalnum((unsigned char)s[j]))
			j++;
		if (j > 1 && j < n && s[j] == ')' && j + 1 < n && S_is_sp(s[j + 1]) &&
		    (j == 2 || S_roman(s + 1, j - 1) || isdigit((unsigned char)s[1])))
			return S_START_ITEM;
	}
	/* a) iv) */
	if (n >= 3 && isalpha((unsigned char)s[0])) {
		size_t j = 0;
		while (j < n && j < 5 && isalpha((unsigned char)s[j]))
			j++;
		if (j < n && s[j] == ')' && j + 1 < n && S_is_sp(s[j + 1]) && (j == 1 || S_roman(s, j)))
			return S_START_ITEM;
	}
	/* 5.2  5.2.1  5.  7)  "5 Betaling" */
	if (n >= 2 && isdigit((unsigned char)s[0])) {
		size_t j = 0, groups = 0;
		for (;;) {
			size_t d = 0;
			while (j < n && isdigit((unsigned char)s[j]) && d < 4)
				j++, d++;
			if (d == 0 || d == 4)
				return S_START_NONE;
			groups++;
			if (j + 1 < n && s[j] == '.' && isdigit((unsigned char)s[j + 1]))
				j++;
			else
				break;
		}
		int punct = j < n && (s[j] == '.' || s[j] == ')');
		if (punct)
			j++;
		if (j >= n || !S_is_sp(s[j]))
			return S_START_NONE;
		if (groups > 1 || punct)
			return S_START_NUMBER;
		while (j < n && S_is_sp(s[j]))
			j++;
		/* a bare "5 " only before a capital: "30 dagen" is a wrapped line */
		if (j < n && isupper((unsigned char)s[j]))
			return S_START_NUMBER;
	}
	return S_START_NONE;
}

static size_t S_run(const char *s, size_t n, size_t i, char c)
{
	size_t j = i;
	while (j < n && s[j] == c)
		j++;
	return j - i;
}

/* ---- paragraphs ---- */

static int S_emit(S_ctx *x, tl_para_kind kind, const char *s, size_t n, int32_t outline,
                  int32_t list_level, const char *label, int32_t table, int32_t row, int32_t col)
{
	if (x->markdown && !x->literal && n <= S_INLINE_MAX) {
		if (tl_md_inline(s, n, &x->tmp, &x->tmp2) != 0)
			return tl_error_set(x->err, TL_ENOMEM, "out of memory");
		s = x->tmp2.data ? x->tmp2.data : "";
		n = x->tmp2.len;
	}
	tl_para *p = tl_doc_add_para(x->doc, kind, S_PART, x->part_index, s, n, x->err);
	if (!p)
		return x->err ? x->err->code : TL_ENOMEM;
	x->part_index++;
	if (p->len == 0 && !(label && *label)) {
		/* empty paragraphs are not kept (docs/model.md); part_index counts them */
		x->doc->npara--;
		return 0;
	}
	p->outline = outline;
	p->list_level = list_level;
	if (label && *label) {
		p->label = tl_doc_str(x->doc, label);
		p->flags |= TL_PARA_F_LIST;
	}
	p->table = table, p->row = row, p->col = col;
	if (kind == TL_PARA_HEADING && !x->doc->title && p->len)
		x->doc->title = p->text;
	return 0;
}

static int S_flush(S_ctx *x)
{
	if (!x->open)
		return 0;
	x->open = 0;
	int rc = S_emit(x, x->kind, x->para.data ? x->para.data : "", x->para.len, x->outline,
	                x->list_level, x->label, -1, -1, -1);
	x->literal = 0;
	return rc;
}

static int S_start(S_ctx *x, tl_para_kind kind, int32_t outline, int32_t list_level,
                   const char *label, size_t label_len)
{
	int rc = S_flush(x);
	if (rc)
		return rc;
	x->open = 1;
	x->kind = kind;
	x->outline = outline;
	x->list_level = list_level;
	if (label_len >= sizeof x->label)
		label_len = sizeof x->label - 1;
	memcpy(x->label, label ? label : "", label_len);
	x->label[label_len] = '\0';
	tl_buf_reset(&x->para);
	return 0;
}

static int S_append(S_ctx *x, const char *s, size_t n)
{
	if (x->para.len && tl_buf_putc(&x->para, ' '))
		return tl_error_set(x->err, TL_ELIMIT_TEXT, "paragraph too long");
	if (tl_buf_put(&x->para, s, n))
		return tl_error_set(x->err, TL_ELIMIT_TEXT, "paragraph too long");
	return 0;
}

/* list level from the item's indentation: deeper than the open level by two
 * or more columns opens a new level, less closes levels */
static int32_t S_list_level(S_ctx *x, int w)
{
	while (x->nlists > 0 && w + 1 < x->lists[x->nlists - 1])
		x->nlists--;
	if (x->nlists == 0 || w >= x->lists[x->nlists - 1] + 2) {
		if (x->nlists < S_MAX_LIST_DEPTH)
			x->lists[x->nlists++] = w;
	}
	return x->nlists;
}

/* ---- plain text ---- */

static int S_text_line(S_ctx *x, const char *s, size_t n)
{
	int w;
	if (S_blank(s, n))
		return S_flush(x);
	size_t i = S_indent(s, n, &w);
	s += i, n -= i;
	int kind = S_clause_start(s, n);
	if (kind == S_START_BULLET) {
		size_t ml = S_unicode_bullet(s, n);
		if (!ml)
			ml = 1;
		int rc = S_start(x, TL_PARA_BODY, 0, S_list_level(x, w), s, ml);
		if (rc)
			return rc;
		s += ml, n -= ml;
		while (n && S_is_sp(*s))
			s++, n--;
		return S_append(x, s, n);
	}
	if (kind != S_START_NONE || !x->open) {
		int rc = S_start(x, TL_PARA_BODY, 0, 0, NULL, 0);
		if (rc)
			return rc;
		x->nlists = 0;
	}
	return S_append(x, s, n);
}

/* ---- Markdown ---- */

static int S_table_sep(const char *s, size_t n)
{
	int dashes = 0, pipes = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			dashes++;
		else if (s[i] == '|')
			pipes++;
		else if (s[i] != ':' && s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	return dashes >= 3 && pipes >= 1;
}

static int S_table_row(S_ctx *x, const char *s, size_t n)
{
	while (n && S_is_sp(s[n - 1]))
		n--;
	while (n && S_is_sp(*s))
		s++, n--;
	if (n && *s == '|')
		s++, n--;
	if (n && s[n - 1] == '|' && (n < 2 || s[n - 2] != '\\'))
		n--;
	int32_t col = 0;
	size_t a = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] == '\\' && i + 1 < n) {
			i++;
			continue;
		}
		if (i < n && s[i] != '|')
			continue;
		int rc = S_emit(x, TL_PARA_CELL, s + a, i - a, 0, 0, NULL, x->table, x->row, col++);
		if (rc)
			return rc;
		a = i + 1;
	}
	x->row++;
	return 0;
}

static int S_thematic(const char *s, size_t n)
{
	char c = 0;
	int k = 0;
	for (size_t i = 0; i < n; i++) {
		if (S_is_sp(s[i]))
			continue;
		if (s[i] != '-' && s[i] != '*' && s[i] != '_')
			return 0;
		if (c && s[i] != c)
			return 0;
		c = s[i];
		k++;
	}
	return k >= 3;
}

static int S_setext(const char *s, size_t n)
{
	while (n && S_is_sp(s[n - 1]))
		n--;
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != s[0])
			return 0;
	return s[0] == '=' ? 1 : s[0] == '-' ? 2 : 0;
}

static int S_link_definition(const char *s, size_t n)
{
	if (n < 4 || s[0] != '[')
		return 0;
	size_t i = 1;
	while (i < n && i < 1000 && s[i] != ']')
		i++;
	if (i < 2 || i + 2 >= n || s[i] != ']' || s[i + 1] != ':' || !S_is_sp(s[i + 2]))
		return 0;
	i += 2;
	while (i < n && S_is_sp(s[i]))
		i++;
	return i < n;
}

/* returns the marker length for an ordered ("12." "3)") or bullet item */
static size_t S_list_marker(const char *s, size_t n)
{
	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && S_is_sp(s[1]))
		return 1;
	size_t j = 0;
	while (j < n && j < 9 && isdigit((unsigned char)s[j]))
		j++;
	if (j > 0 && j + 1 < n && (s[j] == '.' || s[j] == ')') && S_is_sp(s[j + 1]))
		return j + 1;
	return 0;
}

static int S_md_line(S_ctx *x, const char *s, size_t n, const char *next, size_t nnext)
{
	int w, rc;
	if (S_blank(s, n)) {
		x->in_table = 0;
		return S_flush(x);
	}
	size_t i = S_indent(s, n, &w);
	const char *t = s + i;
	size_t tn = n - i;
	/* block quotes: unwrap */
	while (tn && *t == '>') {
		t++, tn--;
		if (tn && S_is_sp(*t))
			t++, tn--;
	}
	if (x->in_table) {
		if (memchr(t, '|', tn))
			return S_table_row(x, t, tn);
		x->in_table = 0;
	}
	if (tn && *t == '#') {
		size_t h = S_run(t, tn, 0, '#');
		if (h <= 6 && (h == tn || S_is_sp(t[h]))) {
			const char *a = t + h;
			size_t an = tn - h;
			while (an && (S_is_sp(a[an - 1])))
				an--;
			size_t hashes = 0;
			while (hashes < an && a[an - 1 - hashes] == '#')
				hashes++;
			if (hashes && (hashes == an || S_is_sp(a[an - 1 - hashes])))
				an -= hashes;
			if ((rc = S_start(x, TL_PARA_HEADING, (int32_t)h, 0, NULL, 0)) != 0)
				return rc;
			x->nlists = 0;
			if ((rc = S_append(x, a, an)) != 0)
				return rc;
			return S_flush(x);
		}
	}
	if (x->open && x->kind == TL_PARA_BODY && !x->label[0] && w < 4) {
		int level = S_setext(t, tn);
		if (level) {
			x->kind = TL_PARA_HEADING;
			x->outline = level;
			return S_flush(x);
		}
	}
	if (S_thematic(t, tn))
		return S_flush(x);
	if (!x->open && S_link_definition(t, tn))
		return 0; /* "[1]: https://..." defines a link target: not text */
	if (memchr(t, '|', tn) && next && S_table_sep(next, nnext)) {
		if ((rc = S_flush(x)) != 0)
			return rc;
		x->in_table = 1;
		x->skip_next = 1;
		x->row = 0;
		x->table++;
		x->nlists = 0;
		return S_table_row(x, t, tn);
	}
	size_t ml = S_list_marker(t, tn);
	if (ml) {
		if ((rc = S_start(x, TL_PARA_BODY, 0, S_list_level(x, w), t, ml)) != 0)
			return rc;
		t += ml, tn -= ml;
		while (tn && S_is_sp(*t))
			t++, tn--;
		return S_append(x, t, tn);
	}
	if (!x->open || S_clause_start(t, tn) >= S_START_ITEM) {
		if ((rc = S_start(x, TL_PARA_BODY, 0, 0, NULL, 0)) != 0)
			return rc;
		if (w == 0)
			x->nlists = 0;
	}
	return S_append(x, t, tn);
}

static int S_fence(const char *s, size_t n, char *c, size_t *len)
{
	int w;
	size_t i = S_indent(s, n, &w);
	if (w >= 4 || i + 3 > n || (s[i] != '`' && s[i] != '~'))
		return 0;
	size_t k = S_run(s, n, i, s[i]);
	if (k < 3)
		return 0;
	*c = s[i];
	*len = k;
	return 1;
}

static int S_run_lines(S_ctx *x, const char *data, size_t len)
{
	size_t pos = 0;
	char fch = 0;
	size_t flen = 0;
	int in_fence = 0, in_comment = 0;
	while (pos < len) {
		const char *s = data + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		pos += n + (nl ? 1 : 0);
		if (n && s[n - 1] == '\r')
			n--;
		if (x->skip_next) {
			x->skip_next = 0;
			continue;
		}
		int rc;
		if (!x->markdown) {
			rc = S_text_line(x, s, n);
		} else if (in_fence) {
			char c;
			size_t l;
			if (S_fence(s, n, &c, &l) && c == fch && l >= flen)
				in_fence = 0, rc = S_flush(x);
			else
				rc = S_append(x, s, n);
		} else if (in_comment) {
			in_comment = !S_has_close_comment(s, n);
			rc = 0;
		} else if (S_fence(s, n, &fch, &flen)) {
			in_fence = 1;
			x->in_table = 0;
			rc = S_start(x, TL_PARA_BODY, 0, 0, NULL, 0);
			x->literal = 1;
		} else if (n >= 4 && memcmp(s, "<!--", 4) == 0) {
			in_comment = !S_has_close_comment(s + 4, n - 4);
			rc = 0;
		} else {
			const char *next = NULL;
			size_t nn = 0;
			if (pos < len) {
				next = data + pos;
				const char *nl2 = memchr(next, '\n', len - pos);
				nn = nl2 ? (size_t)(nl2 - next) : len - pos;
				if (nn && next[nn - 1] == '\r')
					nn--;
			}
			rc = S_md_line(x, s, n, next, nn);
		}
		if (rc)
			return rc;
	}
	return S_flush(x);
}

int tl_text_read(tl_document **out, const char *name, const char *data, size_t len,
                 tl_format format, const tl_read_options *o, tl_error *err)
{
	*out = NULL;
	tl_document *doc = tl_doc_new(name, format, o ? &o->limits : NULL);
	if (!doc)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	if (o)
		doc->rev.view = o->revisions;
	S_ctx x;
	memset(&x, 0, sizeof x);
	x.doc = doc;
	x.err = err;
	x.markdown = format == TL_FORMAT_MARKDOWN;
	x.table = -1;
	size_t cap = doc->limits.max_doc_text ? doc->limits.max_doc_text : (size_t)64 << 20;
	tl_buf_init(&x.para, cap);
	tl_buf_init(&x.tmp, cap);
	tl_buf_init(&x.tmp2, cap);
	int rc = S_run_lines(&x, data, len);
	tl_buf_free(&x.para);
	tl_buf_free(&x.tmp);
	tl_buf_free(&x.tmp2);
	if (!rc)
		rc = tl_doc_finish(doc, err);
	if (rc) {
		if (err) {
			snprintf(err->part, sizeof err->part, "%s", "");
			err->para = (long)doc->npara;
		}
		tl_document_free(doc);
		return rc;
	}
	*out = doc;
	return 0;
}
